//! The wire view of an activity with its texts in the parties' languages
//! (`activity_texts`), the original text kept in step with the activity's
//! title and description, and what the texts leave missing before a plan
//! can be agreed. Read by the activities, the plans, the lists and the
//! versions; writing a party's text is [`super::texts`]'s.

use std::collections::HashMap;

use concord_shared::Lang;
use concord_shared::api::{Activity, ActivityText, Side};
use concord_shared::rules::texts as rule;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};

use crate::auth::AuthUser;
use crate::entities::{activity, activity_text};
use crate::error::AppError;

/// The wire view of an activity without its texts (the audit log's; the
/// API's, with them, is [`view`]).
pub fn plain(row: &activity::Model) -> Activity {
    let side = |participants: Option<i32>, unit: &str, contact: &str| Side {
        participants: participants.and_then(|p| u32::try_from(p).ok()),
        responsible_unit: unit.to_owned(),
        point_of_contact: contact.to_owned(),
    };
    Activity {
        id: row.public_id,
        year: row.year,
        reference: row.reference.clone(),
        title: row.title.clone(),
        description: row.description.clone(),
        text_lang: row.text_lang,
        texts: Vec::new(),
        area: row.area,
        area_other: row.area_other.clone(),
        form: row.form,
        form_other: row.form_other.clone(),
        proposing_party: row.proposing_party,
        host_party: row.host_party,
        location: row.location.clone(),
        start_date: row.start_date,
        end_date: row.end_date,
        month: row.month.and_then(|m| u32::try_from(m).ok()),
        cost: row.cost,
        az: side(row.az_participants, &row.az_unit, &row.az_contact),
        ge: side(row.ge_participants, &row.ge_unit, &row.ge_contact),
        consent_az: row.consent_az,
        consent_ge: row.consent_ge,
        consent: row.consent,
        execution: row.execution,
        execution_reason: row.execution_reason.clone(),
        az_summary: row.az_summary.clone(),
        ge_summary: row.ge_summary.clone(),
        carried_from: row.carried_from,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

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
    let mut view = plain(row);
    view.texts = texts.iter().map(|t| text_view(t, row)).collect();
    view
}

pub(super) async fn find<C: ConnectionTrait>(
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
            insert_original(conn, caller, row).await?;
            Ok(())
        }
    }
}

/// Writes the original text's row of an activity that has none yet (one
/// just created) and returns it.
pub(crate) async fn insert_original<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    row: &activity::Model,
) -> Result<activity_text::Model, AppError> {
    Ok(activity_text::ActiveModel {
        activity_id: Set(row.id),
        lang: Set(row.text_lang),
        party: Set(rule::owner(row.text_lang, row.proposing_party)),
        title: Set(row.title.clone()),
        description: Set(row.description.clone()),
        search_text: Set(folded(&row.title, &row.description)),
        translates_revision: Set(row.text_revision),
        written_by: Set(caller.display_name.clone()),
        // Written when the activity was: the original is part of its row's change.
        written_at: Set(row.updated_at),
        shared: Set(row.shared),
        version: Set(1),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// A text's words folded for search (see [`super::search::fold`]).
pub(super) fn folded(title: &str, description: &str) -> String {
    super::search::fold(&format!("{title} {description}"))
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
        gaps.add(text_states(
            row,
            texts.get(&row.id).map(Vec::as_slice).unwrap_or_default(),
        ));
    }
    Ok(gaps)
}

/// The states of `row`'s texts (`texts`, of that row) in the parties' languages.
pub fn text_states(row: &activity::Model, texts: &[activity_text::Model]) -> rule::TextStates {
    let state = |lang: Lang| {
        if row.text_lang == lang {
            return Some(false);
        }
        texts
            .iter()
            .find(|t| t.lang == lang)
            .map(|t| rule::is_outdated(lang, row.text_lang, t.translates_revision, row.text_revision))
    };
    rule::TextStates {
        az: state(Lang::Az),
        ka: state(Lang::Ka),
    }
}
