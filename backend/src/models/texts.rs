//! An activity's texts in the parties' languages (`activity_texts`): the
//! wire view with texts, the original text kept in step with the activity's
//! title and description, a party writing or confirming its own language.
//! Each row has one owning party and is written only for it: writing a
//! translation never touches the activity's own row (issue 18), so it
//! resets no consent and bumps no activity version; the audit entry (and so
//! the live stream) names the activity.

use chrono::Utc;
use concord_shared::Lang;
use concord_shared::api::{ActivityPatch, ActivityText, TextInput};
use concord_shared::rules::texts as rule;
use sea_orm::{ActiveModelTrait, ConnectionTrait, IntoActiveModel, Set};
use serde_json::json;

use super::Check;
use super::activities::{self, load_for_write, scope_of};
use super::activity_view::{find, folded, text_view};
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::{activity, activity_text};
use crate::error::AppError;
use crate::state::AppState;

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
                shared: Set(row.shared),
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
