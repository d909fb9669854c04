//! Login rate limiting per user name and per client address. The failures
//! live in the database, so the limit holds across several backend instances.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, Statement,
};

use crate::config::Settings;
use crate::entities::login_failure::{self, Column, Entity};
use crate::error::AppError;
use crate::state::AppState;

/// The keys a login attempt counts against.
pub struct Keys {
    /// `user:<lowercase name>`.
    pub user: String,
    /// `ip:<address>`, when known.
    pub address: Option<String>,
}

impl Keys {
    /// Keys for a user name and an address.
    pub fn new(username: &str, ip: Option<&str>) -> Keys {
        Keys {
            user: format!(
                "user:{}",
                username.trim().to_lowercase().chars().take(100).collect::<String>()
            ),
            address: ip.map(|ip| format!("ip:{ip}")),
        }
    }
}

/// An attempt counted before its password is checked (see [`reserve`]).
#[must_use = "a reservation is kept as a failure or released"]
pub struct Reservation {
    ids: Vec<i32>,
}

/// Counts an attempt against both keys before its password is checked, or
/// refuses with 429 (and the wait) when either key has used up its
/// failures. Count and record happen in one transaction under a lock per
/// key (SQLite: the write lock; PostgreSQL: an advisory lock), so however
/// many attempts arrive at once, at most the limit is ever evaluated. The
/// reservation stays as the failure when the password is wrong; a success,
/// or an attempt never evaluated, releases it.
pub async fn reserve(state: &AppState, keys: &Keys) -> Result<Reservation, AppError> {
    let settings = &state.settings;
    let tx = state.write().await?;
    let limits = std::iter::once((&keys.user, settings.login_max_failures_per_user)).chain(
        keys.address
            .iter()
            .map(|a| (a, settings.login_max_failures_per_address)),
    );
    let now = Utc::now();
    let mut ids = Vec::new();
    for (key, max) in limits {
        if tx.get_database_backend() == DatabaseBackend::Postgres {
            // Always the user key first, then the address: one lock order.
            tx.execute_raw(Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                [key.clone().into()],
            ))
            .await?;
        }
        check_one(&*tx, settings, key, max).await?;
        let row = login_failure::ActiveModel {
            key: Set(key.clone()),
            at: Set(now),
            ..Default::default()
        }
        .insert(&*tx)
        .await?;
        ids.push(row.id);
    }
    tx.commit().await?;
    Ok(Reservation { ids })
}

async fn check_one<C: ConnectionTrait>(conn: &C, settings: &Settings, key: &str, max: u64) -> Result<(), AppError> {
    let now = Utc::now();
    let since = now - settings.login_window;
    let recent = Entity::find().filter(Column::Key.eq(key)).filter(Column::At.gt(since));
    let count = recent.clone().count(conn).await?;
    if count < max {
        return Ok(());
    }
    // The window frees a slot when the oldest counted failure leaves it.
    let skip = count - max;
    let oldest = recent
        .order_by_asc(Column::At)
        .paginate(conn, 1)
        .fetch_page(skip)
        .await?;
    let frees_at = oldest
        .first()
        .map(|f| f.at + settings.login_window)
        .unwrap_or(now + settings.login_window);
    let retry_after = (frees_at - now).num_seconds().max(1) as u64;
    Err(AppError::TooManyRequests { retry_after })
}

/// Releases a reservation: the attempt succeeded, or was never evaluated.
pub async fn release<C: ConnectionTrait>(conn: &C, reservation: Reservation) -> Result<(), AppError> {
    Entity::delete_many()
        .filter(Column::Id.is_in(reservation.ids))
        .exec(conn)
        .await?;
    Ok(())
}

/// Keeps a reservation as the failure it turned out to be.
pub fn keep(reservation: Reservation) {
    drop(reservation.ids);
}

/// Forgets a user name's failures after a successful sign-in, and drops
/// failures older than the window.
pub async fn clear_user<C: ConnectionTrait>(conn: &C, settings: &Settings, keys: &Keys) -> Result<(), AppError> {
    Entity::delete_many()
        .filter(Column::Key.eq(keys.user.clone()))
        .exec(conn)
        .await?;
    Entity::delete_many()
        .filter(Column::At.lt(Utc::now() - settings.login_window))
        .exec(conn)
        .await?;
    Ok(())
}
