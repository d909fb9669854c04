//! Alerts for people (issue 15), derived from the audit log.
//!
//! One worker per process follows the audit log with a **durable cursor**
//! ([`crate::tail`]): in the transaction that holds the cursor's lock it
//! writes the alerts [`rules::alerts::alert_for`] gives (and the e-mail of
//! those wanted at once into the outbox), then moves the cursor; so an
//! entry is turned into alerts exactly once, and a unique key on (user,
//! entry) is the last guard. Doing it after the write rather than inside it keeps
//! the writes of the board as fast as they were, at the cost of the alert
//! following its change by the time the worker takes to wake (at once on
//! the hub's signal, at most `CONCORD_LIVE_POLL_MS`).

use std::collections::HashMap;

use chrono::Utc;
use concord_shared::plan::PartyConsent;
use concord_shared::rules::Actor;
use concord_shared::rules::alerts::{self as rule, ActivityFacts, Happening, Recipient};
use concord_shared::rules::texts::TextStates;
use concord_shared::{AlertDelivery, AlertKind, Lang, Party};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::Value;

use crate::entities::alert::{contact, preference, row};
use crate::entities::{activity, audit_log, user};
use crate::error::AppError;
use crate::mail;
use crate::models::activity_view;
use crate::state::AppState;
use crate::tail;

/// Entries read per transaction.
const BATCH: u64 = 200;

/// The recipients the worker considers: every active user.
struct Person {
    id: i32,
    username: String,
    actor: Actor,
    email: Option<String>,
    lang: Lang,
    deliveries: HashMap<AlertKind, AlertDelivery>,
}

fn consent_pair(v: &Value) -> Option<(PartyConsent, PartyConsent)> {
    let read = |name: &str| v.get(name)?.as_str().and_then(PartyConsent::from_code);
    Some((read("consent_az")?, read("consent_ge")?))
}

fn party_of(v: &Value, name: &str) -> Option<Party> {
    v.get(name)?.as_str()?.parse().ok()
}

/// The states of the texts of the activity an entry sharing or updating it
/// names, as they stand (what the translation alert reads); `None` for any
/// other entry.
async fn texts_now<C: ConnectionTrait>(conn: &C, entry: &audit_log::Model) -> Result<Option<TextStates>, AppError> {
    let wanted =
        entry.entity_type == "activity" && matches!(entry.action.as_str(), "activity.share" | "activity.update");
    let Some(id) = entry
        .entity_id
        .as_deref()
        .and_then(|id| id.parse::<i64>().ok())
        .filter(|_| wanted)
    else {
        return Ok(None);
    };
    let Some(row) = activity::Entity::find()
        .filter(activity::Column::PublicId.eq(id))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let texts = activity_view::of(conn, &[row.id]).await?;
    Ok(Some(activity_view::text_states(
        &row,
        texts.get(&row.id).map(Vec::as_slice).unwrap_or_default(),
    )))
}

/// What the rules read of an entry (`texts`: its activity's, from [`texts_now`]).
fn happening(entry: &audit_log::Model, texts: Option<TextStates>) -> Option<Happening<'_>> {
    let scope = entry.scope;
    let parse = |t: &Option<String>| t.as_deref().and_then(|t| serde_json::from_str::<Value>(t).ok());
    let (before, after) = (parse(&entry.before), parse(&entry.after));
    let is_comment = matches!(entry.action.as_str(), "activity.comment" | "activity.note");
    let activity = match (&after, entry.entity_type.as_str()) {
        (Some(a), "activity") if !is_comment => Some(ActivityFacts {
            proposer: party_of(a, "proposing_party")?,
            host: party_of(a, "host_party")?,
            consent_before: before.as_ref().and_then(consent_pair),
            consent_after: consent_pair(a)?,
            original: a.get("text_lang")?.as_str().and_then(Lang::from_code)?,
            text_changed: before
                .as_ref()
                .is_some_and(|b| ["title", "description"].iter().any(|f| b.get(f) != a.get(f))),
            // Nothing to translate when the texts were not read.
            texts: texts.unwrap_or(TextStates {
                az: Some(false),
                ka: Some(false),
            }),
        }),
        _ => None,
    };
    let mentions = match (&after, is_comment) {
        (Some(a), true) => rule::mentions(a.get("body").and_then(Value::as_str).unwrap_or_default()),
        _ => Vec::new(),
    };
    Some(Happening {
        action: &entry.action,
        scope,
        by_user: entry.actor_user_id,
        by_party: entry.party,
        activity,
        mentions,
    })
}

async fn people<C: ConnectionTrait>(conn: &C) -> Result<Vec<Person>, AppError> {
    let users = user::Entity::find()
        .filter(user::Column::Disabled.eq(false))
        .all(conn)
        .await?;
    let contacts: HashMap<i32, contact::Model> = contact::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.user_id, c))
        .collect();
    let mut deliveries: HashMap<i32, HashMap<AlertKind, AlertDelivery>> = HashMap::new();
    for p in preference::Entity::find().all(conn).await? {
        deliveries.entry(p.user_id).or_default().insert(p.kind, p.delivery);
    }
    Ok(users
        .into_iter()
        .map(|u| {
            let contact = contacts.get(&u.id);
            Person {
                id: u.id,
                actor: Actor {
                    party: u.party,
                    role: u.role,
                },
                username: u.username,
                email: contact.and_then(|c| c.email.clone()),
                // The contact's own e-mail language, else the user's.
                lang: contact.and_then(|c| c.language).or(u.language).unwrap_or_default(),
                deliveries: deliveries.remove(&u.id).unwrap_or_default(),
            }
        })
        .collect())
}

/// The delivery a person chose for a kind.
fn delivery_of(person: &Person, kind: AlertKind) -> AlertDelivery {
    person
        .deliveries
        .get(&kind)
        .copied()
        .unwrap_or_else(|| rule::default_delivery(kind))
}

/// Turns the entries after the cursor into alerts, one batch per
/// transaction, until the log is read; returns how many alerts were made.
pub async fn derive(state: &AppState) -> Result<u64, AppError> {
    let mut made = 0;
    while let Some(claimed) = tail::claim(state, tail::ALERTS, BATCH).await? {
        let mut everyone = None;
        for entry in &claimed.entries {
            let texts = texts_now(&*claimed.tx, entry).await?;
            let Some(what) = happening(entry, texts) else { continue };
            if everyone.is_none() {
                everyone = Some(people(&*claimed.tx).await?);
            }
            for person in everyone.iter().flatten() {
                let to = Recipient {
                    actor: person.actor,
                    user_id: person.id,
                    username: &person.username,
                };
                let Some(kind) = rule::alert_for(&what, &to) else {
                    continue;
                };
                let delivery = delivery_of(person, kind);
                if delivery == AlertDelivery::Off {
                    continue;
                }
                made += 1;
                record(&*claimed.tx, state, entry, person, kind, delivery).await?;
            }
        }
        let full = claimed.full;
        claimed.advance().await?;
        if !full {
            break;
        }
    }
    Ok(made)
}

async fn record<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    entry: &audit_log::Model,
    person: &Person,
    kind: AlertKind,
    delivery: AlertDelivery,
) -> Result<(), AppError> {
    let now = Utc::now();
    let at_once = delivery == AlertDelivery::Email && person.email.is_some();
    let saved = row::ActiveModel {
        user_id: Set(person.id),
        audit_id: Set(entry.id),
        kind: Set(kind),
        action: Set(entry.action.clone()),
        entity_type: Set(entry.entity_type.clone()),
        entity_id: Set(entry.entity_id.clone()),
        actor_label: Set(entry.actor_label.clone()),
        actor_party: Set(entry.party),
        created_at: Set(entry.at),
        read_at: Set(None),
        mail: Set(delivery),
        mailed_at: Set(at_once.then_some(now)),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    if let (true, Some(address)) = (at_once, &person.email) {
        let message = mail::one(&state.settings.public_origin, person.lang, &saved);
        mail::queue(conn, person.id, address, message).await?;
    }
    Ok(())
}

/// Queues one digest per person of the alerts they want in a digest and
/// that no e-mail has carried yet (in one transaction: each alert goes into
/// exactly one digest); returns how many digests were queued.
pub async fn queue_digests(state: &AppState) -> Result<u64, AppError> {
    let tx = state.write().await?;
    let pending = row::Entity::find()
        .filter(row::Column::Mail.eq(AlertDelivery::Digest))
        .filter(row::Column::MailedAt.is_null())
        .order_by_asc(row::Column::Id)
        .all(&*tx)
        .await?;
    let mut by_user: HashMap<i32, Vec<row::Model>> = HashMap::new();
    for alert in pending {
        by_user.entry(alert.user_id).or_default().push(alert);
    }
    let mut queued = 0;
    let now = Utc::now();
    for (user_id, alerts) in by_user {
        let contact = contact::Entity::find_by_id(user_id).one(&*tx).await?;
        let own = match contact.as_ref().and_then(|c| c.language) {
            Some(lang) => Some(lang),
            None => user::Entity::find_by_id(user_id)
                .one(&*tx)
                .await?
                .and_then(|u| u.language),
        };
        let lang = own.unwrap_or_default();
        if let Some(address) = contact.and_then(|c| c.email) {
            let message = mail::digest(&state.settings.public_origin, lang, &alerts);
            mail::queue(&*tx, user_id, &address, message).await?;
            queued += 1;
        }
        row::Entity::update_many()
            .col_expr(row::Column::MailedAt, sea_orm::sea_query::Expr::value(now))
            .filter(row::Column::Id.is_in(alerts.iter().map(|a| a.id)))
            .exec(&*tx)
            .await?;
    }
    tx.commit().await?;
    Ok(queued)
}

/// Sleeps until the next digest hour (`CONCORD_DIGEST_HOUR`, UTC) and queues
/// the digests, every day, until the server stops.
pub async fn daily_digest(state: AppState) {
    let mut closing = state.events.closing();
    loop {
        // A stop that came before this task subscribed shows only in the value.
        if *closing.borrow_and_update() {
            return;
        }
        let now = Utc::now();
        let hour = u32::from(state.settings.digest_hour);
        let today = now.date_naive().and_hms_opt(hour, 0, 0).map(|t| t.and_utc());
        let next = match today {
            Some(t) if t > now => t,
            Some(t) => t + chrono::Duration::days(1),
            None => now + chrono::Duration::days(1),
        };
        let wait = (next - now).to_std().unwrap_or_default();
        tokio::select! {
            () = tokio::time::sleep(wait) => {
                if let Err(error) = queue_digests(&state).await {
                    tracing::warn!(%error, "queueing the daily digests");
                }
            }
            _ = closing.changed() => return,
        }
    }
}

/// Starts the alert worker, the daily digest and, when SMTP is configured,
/// the outbox's sender; they end when the hub closes.
pub fn spawn(state: &AppState) -> anyhow::Result<Vec<tokio::task::JoinHandle<()>>> {
    let mut tasks = vec![
        tokio::spawn(tail::follow(state.clone(), "deriving alerts", |s| async move {
            derive(&s).await
        })),
        tokio::spawn(daily_digest(state.clone())),
    ];
    if let Some(url) = state.settings.smtp_url.clone() {
        let from = state
            .settings
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("CONCORD_MAIL_FROM is not an address: {e}"))?;
        tasks.push(tokio::spawn(mail::follow(state.clone(), url, from)));
    }
    Ok(tasks)
}
