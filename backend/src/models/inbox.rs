//! The work queue (issue 17): everything that awaits the caller's party and
//! role across every plan and amendment, decided item by item by
//! [`rules::inbox::awaits`]. Only what the caller's party may see is read:
//! shared activities, its own party's activities of closed plans, the plans
//! and the notifications (joint).

use std::collections::HashSet;

use concord_shared::InboxKind;
use concord_shared::api::{Inbox, InboxCount, InboxCounts, InboxItem, InboxPlan, TitleText};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::rules::alerts::{link, texts_link};
use concord_shared::rules::inbox::{Waiting, awaits};
use concord_shared::rules::texts::{may_write_own_language, wants_texts};
use concord_shared::rules::{Action, Actor, Scope};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::activity_view::{self, text_states, text_view};
use super::plans;
use crate::auth::AuthUser;
use crate::entities::{activity, activity_text, notification, plan};
use crate::error::AppError;
use crate::state::AppState;

/// The consent states in which an activity may await a party's decision.
const UNDECIDED: [ConsentState; 4] = [
    ConsentState::Pending,
    ConsentState::AcceptedByAz,
    ConsentState::AcceptedByGe,
    ConsentState::ChangesRequested,
];

fn activity_item(
    kind: InboxKind,
    plan_row: &plan::Model,
    row: &activity::Model,
    texts: &[activity_text::Model],
) -> InboxItem {
    let id = row.public_id.to_string();
    let link = match kind {
        InboxKind::TranslationDue => texts_link(&id),
        _ => link("activity", Some(&id)),
    };
    InboxItem {
        kind,
        year: Some(plan_row.year),
        amendment: Some(plan_row.amendment),
        entity_type: "activity".into(),
        entity_id: row.public_id,
        version: row.version,
        title: row.title.clone(),
        title_lang: Some(row.text_lang),
        titles: texts
            .iter()
            .map(|t| TitleText {
                lang: t.lang,
                title: t.title.clone(),
                outdated: text_view(t, row).outdated,
            })
            .collect(),
        reference: row.reference.clone(),
        proposed: None,
        since: match kind {
            // A translation awaits since the original was last written.
            InboxKind::TranslationDue => texts
                .iter()
                .find(|t| t.lang == row.text_lang)
                .map_or(row.updated_at, |t| t.written_at),
            _ => row.updated_at,
        },
        link,
    }
}

fn plan_item(kind: InboxKind, row: &plan::Model) -> InboxItem {
    let year = row.year.to_string();
    InboxItem {
        kind,
        year: Some(row.year),
        amendment: Some(row.amendment),
        entity_type: "plan".into(),
        entity_id: i64::from(row.year),
        version: row.version,
        title: String::new(),
        title_lang: None,
        titles: Vec::new(),
        reference: None,
        proposed: (kind == InboxKind::StepProposed).then_some(row.proposal_to).flatten(),
        since: match kind {
            InboxKind::StepProposed => row.proposal_at.unwrap_or(row.updated_at),
            _ => row.updated_at,
        },
        link: link("plan", Some(&year)),
    }
}

/// What awaits `actor` in one plan.
async fn plan_items<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    row: &plan::Model,
    next: Option<&plan::Model>,
) -> Result<Vec<InboxItem>, AppError> {
    let mut items = Vec::new();
    if let Some(proposer) = row.proposal_party
        && let Some(kind) = awaits(actor, &Waiting::StepProposal { proposer })
    {
        items.push(plan_item(kind, row));
    }
    if row.state == PlanState::Agreed {
        let signed: Vec<_> = plans::signatures_of(conn, row)
            .await?
            .into_iter()
            .map(|s| s.party)
            .collect();
        let waiting = Waiting::Signatures {
            plan: row.state,
            signed: &signed,
        };
        if let Some(kind) = awaits(actor, &waiting) {
            items.push(plan_item(kind, row));
        }
    }
    if row.state == PlanState::Closed {
        let rows = activity::Entity::find()
            .filter(activity::Column::PlanId.eq(row.id))
            .filter(activity::Column::ProposingParty.eq(actor.party))
            .filter(activity::Column::Consent.eq(ConsentState::Accepted))
            .all(conn)
            .await?;
        items.extend(carry_over_items(conn, actor, row, next, &rows).await?);
    } else {
        // Undecided activities may await a decision; the others only a text
        // of the caller's party, read only if it may write one in this plan
        // (a viewer, or a signed plan, never needs them).
        let may_translate = may_write_own_language(actor, row.state).is_ok();
        let states = ConsentState::ALL
            .into_iter()
            .filter(|c| UNDECIDED.contains(c) || (may_translate && wants_texts(*c)));
        let rows = activity::Entity::find()
            .filter(activity::Column::PlanId.eq(row.id))
            .filter(activity::Column::Shared.eq(true))
            .filter(activity::Column::Consent.is_in(states))
            .all(conn)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|a| a.id).collect();
        let texts = activity_view::of(conn, &ids).await?;
        for a in &rows {
            let mine = texts.get(&a.id).map(Vec::as_slice).unwrap_or_default();
            let consent = Waiting::Activity {
                plan: row.state,
                proposer: a.proposing_party,
                state: a.consent,
                consent: (a.consent_az, a.consent_ge),
            };
            let translation = Waiting::Texts {
                plan: row.state,
                proposer: a.proposing_party,
                original: a.text_lang,
                state: a.consent,
                texts: text_states(a, mine),
            };
            let undecided = UNDECIDED.contains(&a.consent);
            for waiting in [undecided.then_some(consent), Some(translation)].into_iter().flatten() {
                if let Some(kind) = awaits(actor, &waiting) {
                    items.push(activity_item(kind, row, a, mine));
                }
            }
        }
    }
    items.sort_by(|a, b| b.since.cmp(&a.since).then(b.entity_id.cmp(&a.entity_id)));
    Ok(items)
}

/// What of `rows` (the caller's party's accepted activities of the closed
/// plan `row`) awaits carrying over into `next`.
async fn carry_over_items<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    row: &plan::Model,
    next: Option<&plan::Model>,
    rows: &[activity::Model],
) -> Result<Vec<InboxItem>, AppError> {
    let mut items = Vec::new();
    // Checked against what next year's plan already carries.
    let carried: HashSet<i64> = match next {
        Some(next) => activity::Entity::find()
            .filter(activity::Column::PlanId.eq(next.id))
            .filter(activity::Column::CarriedFrom.is_not_null())
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|a| a.carried_from)
            .collect(),
        None => HashSet::new(),
    };
    let ids: Vec<i32> = rows.iter().map(|a| a.id).collect();
    let texts = activity_view::of(conn, &ids).await?;
    for a in rows {
        let waiting = Waiting::ClosedActivity {
            proposer: a.proposing_party,
            state: a.consent,
            execution: a.execution,
            carried: carried.contains(&a.public_id),
        };
        if let Some(kind) = awaits(actor, &waiting) {
            let mine = texts.get(&a.id).map(Vec::as_slice).unwrap_or_default();
            items.push(activity_item(kind, row, a, mine));
        }
    }
    Ok(items)
}

fn counts_of<'a>(items: impl Iterator<Item = &'a InboxItem>) -> InboxCounts {
    let mut per = [0u64; InboxKind::ALL.len()];
    for item in items {
        if let Some(i) = InboxKind::ALL.iter().position(|k| *k == item.kind) {
            per[i] += 1;
        }
    }
    InboxCounts {
        total: per.iter().sum(),
        kinds: InboxKind::ALL
            .iter()
            .zip(per)
            .filter(|(_, n)| *n > 0)
            .map(|(kind, count)| InboxCount { kind: *kind, count })
            .collect(),
    }
}

/// Everything that awaits the caller's party and role: per plan (newest
/// year first, each plan's items newest first), then the notifications.
pub async fn inbox(caller: &AuthUser, state: &AppState) -> Result<Inbox, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let actor = caller.actor();
    let conn = &state.db;
    let plan_rows = plan::Entity::find().order_by_desc(plan::Column::Year).all(conn).await?;
    let mut plans_out = Vec::new();
    for row in &plan_rows {
        let next = plan_rows.iter().find(|p| p.year == row.year + 1);
        let items = plan_items(conn, actor, row, next).await?;
        if !items.is_empty() {
            plans_out.push(InboxPlan {
                year: row.year,
                state: row.state,
                amendment: row.amendment,
                items,
            });
        }
    }
    // Notes of the other party; whether received is the receipt's (its own row).
    let sent_to_caller = notification::Entity::find()
        .filter(notification::Column::SendingParty.ne(actor.party))
        .order_by_desc(notification::Column::RecordedAt)
        .all(conn)
        .await?;
    let notes: Vec<InboxItem> = super::notifications::with_receipts(conn, sent_to_caller)
        .await?
        .iter()
        .map(super::notifications::view)
        .filter_map(|n| {
            let kind = awaits(
                actor,
                &Waiting::Note {
                    sender: n.sending_party,
                    received: n.received_on.is_some(),
                },
            )?;
            let id = n.id;
            Some(InboxItem {
                kind,
                year: None,
                amendment: None,
                entity_type: "notification".into(),
                entity_id: id,
                version: n.version,
                title: n.subject,
                title_lang: None,
                titles: Vec::new(),
                reference: Some(n.note_number),
                proposed: None,
                since: n.recorded_at,
                link: link("notification", Some(&id.to_string())),
            })
        })
        .collect();
    let counts = counts_of(plans_out.iter().flat_map(|p| p.items.iter()).chain(notes.iter()));
    Ok(Inbox {
        plans: plans_out,
        notes,
        counts,
    })
}

/// How many items await the caller, in all and per kind.
pub async fn count(caller: &AuthUser, state: &AppState) -> Result<InboxCounts, AppError> {
    Ok(inbox(caller, state).await?.counts)
}
