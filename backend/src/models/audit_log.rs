//! Reading the audit log: a party's administrators see the joint entries and
//! their own party's, never the other party's private history.

use concord_shared::api::{AuditEntry, Page};
use concord_shared::policy::{Action, Scope};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::auth::AuthUser;
use crate::entities::audit_log::{self, Column, Entity};
use crate::error::AppError;
use crate::startup::AppState;

fn view(row: audit_log::Model) -> AuditEntry {
    AuditEntry {
        id: i64::from(row.id),
        at: row.at,
        actor: row.actor_label,
        party: row.party.and_then(|p| p.parse().ok()),
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        before: row.before.and_then(|t| serde_json::from_str(&t).ok()),
        after: row.after.and_then(|t| serde_json::from_str(&t).ok()),
    }
}

/// A page of the entries the caller may read, newest first.
pub async fn list(caller: &AuthUser, state: &AppState, offset: u64, limit: u64) -> Result<Page<AuditEntry>, AppError> {
    caller.require(Action::ReadAudit, Scope::Private(caller.party))?;
    let limit = limit.clamp(1, 200);
    let visible = Entity::find().filter(
        Condition::any()
            .add(Column::Scope.eq("joint"))
            .add(Column::Scope.eq(caller.party.code())),
    );
    let total = visible.clone().count(&state.db).await?;
    let rows = visible
        .order_by_desc(Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: rows.into_iter().map(view).collect(),
        total,
        offset,
        limit,
    })
}
