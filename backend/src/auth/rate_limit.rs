//! Login rate limiting per user name and per client address. The failures
//! live in the database, so the limit holds across several backend instances.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::config::Settings;
use crate::entities::login_failure::{self, Column, Entity};
use crate::error::AppError;

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

/// Refuses with 429 (and the wait) when either key has used up its failures.
pub async fn check<C: ConnectionTrait>(conn: &C, settings: &Settings, keys: &Keys) -> Result<(), AppError> {
    check_one(conn, settings, &keys.user, settings.login_max_failures_per_user).await?;
    if let Some(address) = &keys.address {
        check_one(conn, settings, address, settings.login_max_failures_per_address).await?;
    }
    Ok(())
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

/// Records a failed attempt under both keys.
pub async fn record_failure<C: ConnectionTrait>(conn: &C, keys: &Keys) -> Result<(), AppError> {
    let now = Utc::now();
    for key in std::iter::once(&keys.user).chain(keys.address.iter()) {
        login_failure::ActiveModel {
            key: Set(key.clone()),
            at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
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
