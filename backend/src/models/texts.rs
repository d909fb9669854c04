//! An activity's texts in the parties' languages (`activity_texts`): the
//! wire view with texts, the original text kept in step with the activity's
//! title and description, a party writing or confirming its own language.
//! Each row has one owning party and is written only for it: writing a
//! translation never touches the activity's own row (issue 18), so it
//! resets no consent and bumps no activity version; the audit entry (and so
//! the live stream) names the activity.

use std::collections::HashMap;

use chrono::Utc;
use concord_shared::Lang;
use concord_shared::api::{Activity, ActivityPatch, ActivityText, TextInput};
use concord_shared::rules::texts as rule;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde_json::json;

use super::Check;
use super::activities::{self, load_for_write, scope_of};
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::{activity, activity_text};
use crate::error::AppError;
use crate::state::AppState;

/// The wire view of one text of `row`.
pub fn text_view(text: &activity_text::Model, row: &activity::Model) -> ActivityText {
    ActivityText {
        lang: text.lang,
        title: text.title.clone(),
        description: text.description.clone(),
        party: text.party,
        outdated: rule::is_outdated(text.lang, row.text_lang, text.translates_revision, row.text_revision),
        written_by: text.written_by.clone(),
        written_at: text.written_at,
        version: text.version,
    }
}

/// The texts of these activities (row ids), per activity, in language order.
pub async fn of<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<activity_text::Model>>, AppError> {
    let mut by_activity: HashMap<i32, Vec<activity_text::Model>> = HashMap::new();
    // In chunks: a plan's list may name more ids than a statement takes.
    for chunk in ids.chunks(500) {
        let rows = activity_text::Entity::find()
            .filter(activity_text::Column::ActivityId.is_in(chunk.iter().copied()))
            .order_by_asc(activity_text::Column::Id)
            .all(conn)
            .await?;
        for text in rows {
            by_activity.entry(text.activity_id).or_default().push(text);
        }
    }
    for texts in by_activity.values_mut() {
        texts.sort_by_key(|t| Lang::ALL.iter().position(|l| *l == t.lang));
    }
    Ok(by_activity)
}

/// The wire views of `rows`, each with its texts.
pub async fn views<C: ConnectionTrait>(conn: &C, rows: &[activity::Model]) -> Result<Vec<Activity>, AppError> {
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let texts = of(conn, &ids).await?;
    Ok(rows
        .iter()
        .map(|row| with_texts(row, texts.get(&row.id).map(Vec::as_slice).unwrap_or_default()))
        .collect())
}

/// The wire view of `row` with its texts.
pub async fn view<C: ConnectionTrait>(conn: &C, row: &activity::Model) -> Result<Activity, AppError> {
    Ok(views(conn, std::slice::from_ref(row)).await?.remove(0))
}

/// The wire view of `row` with these texts (of that row).
pub fn with_texts(row: &activity::Model, texts: &[activity_text::Model]) -> Activity {
    let mut view = activities::view(row);
    view.texts = texts.iter().map(|t| text_view(t, row)).collect();
    view
}

async fn find<C: ConnectionTrait>(
    conn: &C,
    activity_id: i32,
    lang: Lang,
) -> Result<Option<activity_text::Model>, AppError> {
    Ok(activity_text::Entity::find()
        .filter(activity_text::Column::ActivityId.eq(activity_id))
        .filter(activity_text::Column::Lang.eq(lang))
        .one(conn)
        .await?)
}

/// Keeps the original text's row the same as the activity's title and
/// description (after a create or an edit of the substance).
pub(crate) async fn sync_original<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    row: &activity::Model,
) -> Result<(), AppError> {
    let existing = find(conn, row.id, row.text_lang).await?;
    // Written when the activity was: the original is part of its row's change.
    let now = row.updated_at;
    match existing {
        Some(text) if text.title == row.title && text.description == row.description => Ok(()),
        Some(text) => {
            let version = text.version;
            let mut active = text.into_active_model();
            active.title = Set(row.title.clone());
            active.description = Set(row.description.clone());
            active.search_text = Set(folded(&row.title, &row.description));
            active.translates_revision = Set(row.text_revision);
            active.written_by = Set(caller.display_name.clone());
            active.written_at = Set(now);
            super::versioned::update(conn, active, version).await?;
            Ok(())
        }
        None => {
            activity_text::ActiveModel {
                activity_id: Set(row.id),
                lang: Set(row.text_lang),
                party: Set(rule::owner(row.text_lang, row.proposing_party)),
                title: Set(row.title.clone()),
                description: Set(row.description.clone()),
                search_text: Set(folded(&row.title, &row.description)),
                translates_revision: Set(row.text_revision),
                written_by: Set(caller.display_name.clone()),
                written_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            Ok(())
        }
    }
}

/// A text's words folded for search (see [`super::search::fold`]).
fn folded(title: &str, description: &str) -> String {
    super::search::fold(&format!("{title} {description}"))
}

fn check_text(input: &TextInput) -> Result<(String, String), AppError> {
    let mut check = Check::default();
    check.line("title", &input.title, 1, 200);
    check.text("description", &input.description, 0, 4000);
    check.finish()?;
    Ok((
        concord_shared::text::trim_invisible(&input.title).to_owned(),
        input.description.trim().to_owned(),
    ))
}

fn precondition(current: Option<&activity_text::Model>, if_match: i64) -> Result<(), AppError> {
    let version = current.map_or(0, |t| t.version);
    // A text not written yet matches only `If-Match: *`.
    let matches = if_match == crate::extract::IfMatch::ANY || (version > 0 && if_match == version);
    if matches {
        Ok(())
    } else {
        Err(AppError::PreconditionFailed { current: version })
    }
}

async fn audit_text<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    action: &str,
    row: &activity::Model,
    before: Option<&activity_text::Model>,
    after: &activity_text::Model,
) -> Result<(), AppError> {
    // `year` and the activity's `version` let the live stream name the change.
    let entry = |t: &activity_text::Model| {
        let v = text_view(t, row);
        json!({
            "year": row.year, "version": row.version, "lang": v.lang, "title": v.title,
            "description": v.description, "outdated": v.outdated,
        })
    };
    audit::append(
        conn,
        Event {
            actor: &caller.audit_actor(),
            action,
            entity_type: "activity",
            entity_id: Some(row.public_id.to_string()),
            scope: scope_of(row),
            before: before.map(entry),
            after: Some(entry(after)),
        },
    )
    .await?;
    Ok(())
}

/// Writes the activity's text in `lang` at the text's version the caller
/// read (`*` for a text not written yet). The original (the proposer's
/// language or English, as created) is the substance: writing it is an edit
/// of the title and description (consents reset, translations outdated).
/// Any other language is its party's side: nothing else changes.
pub async fn put(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    lang: Lang,
    if_match: i64,
    input: TextInput,
) -> Result<ActivityText, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    rule::may_write(caller.actor(), plan_row.state, row.proposing_party, row.text_lang, lang)?;
    let current = find(&*tx, row.id, lang).await?;
    precondition(current.as_ref(), if_match)?;
    let (title, description) = check_text(&input)?;
    if rule::is_substantive(row.text_lang, lang) {
        let patch = ActivityPatch {
            title: Some(title),
            description: Some(description),
            ..ActivityPatch::default()
        };
        let version = row.version;
        activities::update_in(&*tx, caller, id, version, patch).await?;
        let row = activities::load(&*tx, caller, id).await?.0;
        let text = find(&*tx, row.id, lang).await?.ok_or(AppError::NotFound)?;
        let view = text_view(&text, &row);
        tx.commit().await?;
        return Ok(view);
    }
    let now = Utc::now();
    let written = match current.clone() {
        Some(text) if text.title == title && text.description == description => {
            // Written again as it is: it is current against the original now.
            let version = text.version;
            let mut active = text.into_active_model();
            active.translates_revision = Set(row.text_revision);
            active.written_by = Set(caller.display_name.clone());
            active.written_at = Set(now);
            super::versioned::update(&*tx, active, version).await?
        }
        Some(text) => {
            let version = text.version;
            let mut active = text.into_active_model();
            active.search_text = Set(folded(&title, &description));
            active.title = Set(title);
            active.description = Set(description);
            active.translates_revision = Set(row.text_revision);
            active.written_by = Set(caller.display_name.clone());
            active.written_at = Set(now);
            super::versioned::update(&*tx, active, version).await?
        }
        None => {
            activity_text::ActiveModel {
                activity_id: Set(row.id),
                lang: Set(lang),
                party: Set(rule::owner(lang, row.proposing_party)),
                search_text: Set(folded(&title, &description)),
                title: Set(title),
                description: Set(description),
                translates_revision: Set(row.text_revision),
                written_by: Set(caller.display_name.clone()),
                written_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(&*tx)
            .await?
        }
    };
    audit_text(&*tx, caller, "activity.text", &row, current.as_ref(), &written).await?;
    let view = text_view(&written, &row);
    tx.commit().await?;
    Ok(view)
}

/// Confirms that the outdated translation in `lang` is still correct after
/// a change of the original, at the text's version the caller read.
pub async fn confirm(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    lang: Lang,
    if_match: i64,
) -> Result<ActivityText, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    rule::may_write(caller.actor(), plan_row.state, row.proposing_party, row.text_lang, lang)?;
    let current = find(&*tx, row.id, lang).await?.ok_or(AppError::NotFound)?;
    let outdated = rule::is_outdated(lang, row.text_lang, current.translates_revision, row.text_revision);
    rule::may_confirm(
        caller.actor(),
        plan_row.state,
        row.proposing_party,
        row.text_lang,
        lang,
        outdated,
    )?;
    precondition(Some(&current), if_match)?;
    let version = current.version;
    let mut active = current.clone().into_active_model();
    active.translates_revision = Set(row.text_revision);
    active.written_by = Set(caller.display_name.clone());
    active.written_at = Set(Utc::now());
    let confirmed = super::versioned::update(&*tx, active, version).await?;
    audit_text(&*tx, caller, "activity.text_confirm", &row, Some(&current), &confirmed).await?;
    let view = text_view(&confirmed, &row);
    tx.commit().await?;
    Ok(view)
}

/// What keeps the plan's accepted activities from being agreed for want of
/// their texts in both parties' languages, up to date.
pub async fn gaps<C: ConnectionTrait>(conn: &C, plan_id: i32) -> Result<rule::TranslationGaps, AppError> {
    let accepted = activity::Entity::find()
        .filter(activity::Column::PlanId.eq(plan_id))
        .filter(activity::Column::Shared.eq(true))
        .filter(activity::Column::Consent.eq(concord_shared::plan::ConsentState::Accepted))
        .all(conn)
        .await?;
    let ids: Vec<i32> = accepted.iter().map(|r| r.id).collect();
    let texts = of(conn, &ids).await?;
    let mut gaps = rule::TranslationGaps::default();
    for row in &accepted {
        let mine = texts.get(&row.id).map(Vec::as_slice).unwrap_or_default();
        let state = |lang: Lang| {
            if row.text_lang == lang {
                return Some(false);
            }
            mine.iter()
                .find(|t| t.lang == lang)
                .map(|t| rule::is_outdated(lang, row.text_lang, t.translates_revision, row.text_revision))
        };
        gaps.add(state(Lang::Az), state(Lang::Ka));
    }
    Ok(gaps)
}
