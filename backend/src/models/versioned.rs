//! Versioned writes, in one place: every update of a resource that carries a
//! `version` (the ETag) goes through [`update`], which writes only
//! `WHERE id = ? AND version = ?`. Comparing in Rust after a plain read is
//! not enough: on PostgreSQL two transactions read the same version, both
//! pass the compare and the second overwrites the first. The database
//! decides instead, and "no row matched" becomes 412 with the version that
//! won.

use std::str::FromStr;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect,
    Value,
};

use crate::error::AppError;

type ModelOf<A> = <<A as ActiveModelTrait>::Entity as EntityTrait>::Model;
type ColumnOf<A> = <<A as ActiveModelTrait>::Entity as EntityTrait>::Column;

fn column<A: ActiveModelTrait>(name: &str) -> Result<ColumnOf<A>, AppError> {
    ColumnOf::<A>::from_str(name)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("a versioned table has no column {name:?}")))
}

/// Writes `active` over its row (found by its `id`) only if the row is still
/// at version `expected`, and sets the version to `expected + 1`. Answers
/// the updated row; 412 with the current version when another write got
/// there first, 404 when the row is gone.
pub async fn update<A, C>(conn: &C, mut active: A, expected: i64) -> Result<ModelOf<A>, AppError>
where
    A: ActiveModelTrait + Send,
    ModelOf<A>: IntoActiveModel<A>,
    C: ConnectionTrait,
{
    let id_column = column::<A>("id")?;
    let version_column = column::<A>("version")?;
    let id = active
        .get(id_column)
        .into_value()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a versioned update without its id")))?;
    active.set(version_column, Value::BigInt(Some(expected + 1)));
    let written = <A::Entity as EntityTrait>::update(active)
        .validate()?
        .filter(version_column.eq(expected))
        .exec(conn)
        .await;
    match written {
        Ok(row) => Ok(row),
        Err(DbErr::RecordNotUpdated) => Err(stale::<A::Entity, C>(conn, id_column, version_column, id).await),
        Err(other) => Err(other.into()),
    }
}

/// The answer when a versioned update matched no row: 412 with the version
/// that is current now, or 404 when the row no longer exists.
async fn stale<E: EntityTrait, C: ConnectionTrait>(
    conn: &C,
    id_column: E::Column,
    version_column: E::Column,
    id: Value,
) -> AppError {
    let current: Result<Option<i64>, DbErr> = E::find()
        .select_only()
        .column(version_column)
        .filter(id_column.eq(id))
        .into_tuple()
        .one(conn)
        .await;
    match current {
        Ok(Some(current)) => AppError::PreconditionFailed { current },
        Ok(None) => AppError::NotFound,
        Err(err) => err.into(),
    }
}
