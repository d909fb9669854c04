//! What a node does with the rows the replication apply worker writes
//! (docs/federation.md, "Caches on the subscriber"): those rows fire no
//! ordinary trigger and pass through no model code, so an activity's cache
//! (its consents, sides, execution status, search text) would not follow a
//! consent, side or substance that arrived from the other node. `federation
//! init` puts a replica trigger `concord_applied` on the owned tables that
//! feed a cache; it notifies [`triggers::APPLIED_CHANNEL`] with
//! `<table>:<activity>`, and the task here, listening on it, derives that
//! activity's cache again (`models::activity_cache`). On start and after
//! every reconnection it sweeps all shared activities first, so what
//! arrived while nobody listened is not lost.

use std::time::{Duration, Instant};

use sea_orm::DatabaseConnection;
use sea_orm::sqlx::postgres::PgListener;
use tokio::sync::watch;

use super::triggers;
use crate::models::activity_cache;
use crate::state::AppState;

/// Starts the listening task on a party's node on PostgreSQL; none else.
pub fn spawn(state: &AppState) -> Option<tokio::task::JoinHandle<()>> {
    if state.settings.node_party.is_none() || state.settings.is_sqlite() {
        return None;
    }
    let (db, url, closing) = (
        state.db.clone(),
        state.settings.database_url.clone(),
        state.events.closing(),
    );
    Some(tokio::spawn(follow(db, url, closing)))
}

async fn follow(db: DatabaseConnection, url: String, mut closing: watch::Receiver<bool>) {
    loop {
        if *closing.borrow_and_update() {
            return;
        }
        let Some(mut listener) = listen(&url).await else {
            tokio::select! {
                () = tokio::time::sleep(Duration::from_secs(1)) => continue,
                _ = closing.changed() => return,
            }
        };
        // Listening first: a row applied during the sweep is heard too.
        let start = Instant::now();
        match activity_cache::sweep(&db).await {
            Ok(swept) => tracing::info!(
                read = swept.read,
                rederived = swept.rederived,
                ms = start.elapsed().as_millis() as u64,
                "swept the activities' caches"
            ),
            Err(error) => tracing::warn!(%error, "sweeping the activities' caches"),
        }
        loop {
            tokio::select! {
                received = listener.try_recv() => match received {
                    Ok(Some(notification)) => dispatch(&db, notification.payload()).await,
                    // The connection dropped: listen again, and sweep.
                    Ok(None) | Err(_) => break,
                },
                _ = closing.changed() => return,
            }
        }
    }
}

async fn listen(url: &str) -> Option<PgListener> {
    let mut listener = match PgListener::connect(url).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::warn!(%error, "connecting to hear replicated rows");
            return None;
        }
    };
    if let Err(error) = listener.listen(triggers::APPLIED_CHANNEL).await {
        tracing::warn!(%error, "listening for replicated rows");
        return None;
    }
    Some(listener)
}

/// Derives again the cache of the activity a replicated row belongs to.
async fn dispatch(db: &DatabaseConnection, payload: &str) {
    let Some((table, key)) = payload.split_once(':') else {
        return;
    };
    let Ok(activity_id) = key.parse::<i32>() else {
        return;
    };
    let applied = match table {
        // The activity row itself: its substance may have changed.
        "activities" => true,
        "activity_consents" | "activity_sides" | "activity_execution" => false,
        _ => return,
    };
    if let Err(error) = activity_cache::rederive(db, activity_id, applied).await {
        tracing::warn!(%error, table, activity_id, "deriving a replicated activity's cache");
    }
}
