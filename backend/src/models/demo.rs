//! Demo data, so a newcomer sees a living board at once: next year's plan in
//! negotiation with about sixty activities over all areas and forms,
//! proposed by both parties, in every consent state, with comments and
//! internal notes on both sides. The plan is marked as demo data.

use chrono::{Datelike, NaiveDate, Utc};
use concord_shared::api::{
    ActivityPatch, ConsentDecision, ConsentRequest, CostArrangement, NewActivity, NewComment, NewPlan, SideInput,
    TransitionAction, TransitionRequest,
};
use concord_shared::plan::PlanState;
use concord_shared::{CooperationArea, CooperationForm, Party, Role};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{activities, comments, plans};
use crate::auth::AuthUser;
use crate::entities::{plan, user};
use crate::error::AppError;
use crate::startup::AppState;

const TITLES: [(&str, &str); 14] = [
    (
        "Joint tactical exercise of mountain infantry units",
        "Staff course for company commanders",
    ),
    (
        "Bilateral consultations on regional security",
        "Exchange of views on defence planning",
    ),
    (
        "Peacekeeping pre-deployment training",
        "Humanitarian assistance exercise",
    ),
    ("PfP interoperability workshop", "Partnership goals review meeting"),
    (
        "Arms control inspectors' seminar",
        "Vienna Document implementation talks",
    ),
    (
        "Military legislation experts' meeting",
        "Exchange on military justice reform",
    ),
    ("Logistics officers' exchange visit", "Fuel supply chain working group"),
    (
        "Civil-military co-operation seminar",
        "Disaster response coordination drill",
    ),
    ("Defence cyber security exercise", "Incident response team exchange"),
    ("Military cartography working group", "Geospatial data exchange seminar"),
    ("Military medical services conference", "Field hospital joint training"),
    ("Military sports games", "Cultural days of the armed forces"),
    ("Humanitarian demining course", "EOD teams experience exchange"),
    ("Military band festival", "Military history conference"),
];

const PLACES: [&str; 8] = [
    "Baku",
    "Tbilisi",
    "Ganja",
    "Kutaisi",
    "Sumgait",
    "Batumi",
    "Nakhchivan",
    "Gori",
];

async fn actor(state: &AppState, party: Party, role: Role) -> Result<AuthUser, AppError> {
    let username = format!("{}.{}", party.code(), role.code());
    let row = user::Entity::find()
        .filter(user::Column::Username.eq(&username))
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::Conflict(format!("the demo user {username} is missing")))?;
    Ok(AuthUser {
        party,
        role,
        display_name: row.display_name,
        user_id: Some(row.id),
        token_id: None,
        session_id: None,
        expires_at: None,
    })
}

/// What happens to the i-th demo activity after it is shared.
#[derive(Clone, Copy)]
enum Fate {
    Draft,
    Pending,
    AcceptedByProposer,
    AcceptedByOther,
    Accepted,
    ChangesRequested,
    Rejected,
    Withdrawn,
}

fn fate(i: usize) -> Fate {
    match i % 10 {
        0 => Fate::Draft,
        1 | 5 => Fate::Accepted,
        2 => Fate::Pending,
        3 | 4 => Fate::AcceptedByProposer,
        6 => Fate::ChangesRequested,
        7 => Fate::Rejected,
        8 => Fate::Withdrawn,
        _ => Fate::AcceptedByOther,
    }
}

/// Creates next year's demo plan when no plan exists for that year; returns its year, or `None` when one exists.
pub async fn seed_plan(state: &AppState) -> Result<Option<i32>, AppError> {
    let year = Utc::now().year() + 1;
    if plan::Entity::find()
        .filter(plan::Column::Year.eq(year))
        .one(&state.db)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    let coord = |p| actor(state, p, Role::Coordinator);
    let (az_coord, ge_coord) = (coord(Party::Az).await?, coord(Party::Ge).await?);
    let az_planner = actor(state, Party::Az, Role::Planner).await?;
    let ge_planner = actor(state, Party::Ge, Role::Planner).await?;
    plans::create(&az_coord, state, NewPlan { year }, true).await?;

    let mut drafted = Vec::new();
    for i in 0..60 {
        let proposer = if i % 2 == 0 { Party::Az } else { Party::Ge };
        let planner = if proposer == Party::Az {
            &az_planner
        } else {
            &ge_planner
        };
        let area = CooperationArea::ALL[i % 14];
        let form = CooperationForm::ALL[(i / 2) % 7];
        let (a, b) = TITLES[i % 14];
        let title = if (i / 14) % 2 == 0 { a } else { b };
        let month = u32::try_from(i % 12).unwrap_or_default() + 1;
        let exact = i % 3 != 0;
        let start = NaiveDate::from_ymd_opt(year, month, 5 + u32::try_from(i % 20).unwrap_or_default());
        let new = NewActivity {
            title: format!("{title} ({})", i / 14 + 1),
            description: format!(
                "Proposed by {} for the {year} annual co-operation plan. Demo data.",
                proposer.label(concord_shared::Lang::En)
            ),
            area,
            area_other: area
                .needs_specification()
                .then(|| "Military music and heritage".to_owned()),
            form,
            form_other: form.needs_specification().then(|| "Joint working group".to_owned()),
            host_party: if i % 4 < 2 { Party::Az } else { Party::Ge },
            location: PLACES[i % PLACES.len()].to_owned(),
            start_date: if exact { start } else { None },
            end_date: if exact {
                start.and_then(|d| d.checked_add_days(chrono::Days::new(3)))
            } else {
                None
            },
            month: if exact { None } else { Some(month) },
            cost: [
                CostArrangement::SendingPartyPays,
                CostArrangement::HostPartyPays,
                CostArrangement::Shared,
                CostArrangement::ThirdParty,
            ][i % 4],
            own_side: Some(SideInput {
                participants: Some(i64::try_from(4 + i % 9).unwrap_or(4)),
                responsible_unit: if proposer == Party::Az {
                    "International Military Cooperation Department"
                } else {
                    "International Relations Department"
                }
                .to_owned(),
                point_of_contact: planner.display_name.clone(),
            }),
        };
        let created = activities::create(planner, state, year, new).await?;
        drafted.push((i, proposer, created));
    }

    let mut shared = Vec::new();
    for (i, proposer, created) in drafted {
        if matches!(fate(i), Fate::Draft) {
            continue;
        }
        let planner = if proposer == Party::Az {
            &az_planner
        } else {
            &ge_planner
        };
        let activity = activities::share(planner, state, created.id, created.version).await?;
        shared.push((i, proposer, activity));
    }

    let plan = plans::get(&az_coord, state, year).await?;
    let propose = TransitionRequest {
        action: TransitionAction::Propose,
        to: Some(PlanState::Negotiation),
        reason: None,
    };
    let plan = plans::transition(&az_coord, state, year, plan.version, propose).await?;
    let confirm = TransitionRequest {
        action: TransitionAction::Confirm,
        to: None,
        reason: None,
    };
    plans::transition(&ge_coord, state, year, plan.version, confirm).await?;

    for (i, proposer, activity) in shared {
        let (own, other) = if proposer == Party::Az {
            (&az_coord, &ge_coord)
        } else {
            (&ge_coord, &az_coord)
        };
        let other_planner = if proposer == Party::Az {
            &ge_planner
        } else {
            &az_planner
        };
        let decide = |decision, comment: &str| ConsentRequest {
            decision,
            comment: comment.to_owned(),
        };
        let version = activity.version;
        let id = activity.id;
        let consent = |who: &AuthUser, version: i64, request: ConsentRequest| {
            let who = who.clone();
            async move { activities::consent(&who, state, id, version, request).await }
        };
        match fate(i) {
            Fate::Draft | Fate::Pending => {}
            Fate::AcceptedByProposer => {
                consent(own, version, decide(ConsentDecision::Accept, "")).await?;
            }
            Fate::AcceptedByOther => {
                consent(other, version, decide(ConsentDecision::Accept, "Agreed in principle.")).await?;
            }
            Fate::Accepted => {
                let next = consent(own, version, decide(ConsentDecision::Accept, ""))
                    .await?
                    .version;
                consent(other, next, decide(ConsentDecision::Accept, "")).await?;
            }
            Fate::ChangesRequested => {
                let request = decide(ConsentDecision::RequestChanges, "Could the dates move to the autumn?");
                consent(other, version, request).await?;
            }
            Fate::Rejected => {
                let request = decide(
                    ConsentDecision::Reject,
                    "Not feasible this year; let us revisit it next year.",
                );
                consent(other, version, request).await?;
            }
            Fate::Withdrawn => {
                let planner = if proposer == Party::Az {
                    &az_planner
                } else {
                    &ge_planner
                };
                activities::withdraw(planner, state, id, version).await?;
            }
        }
        if i % 3 == 1 {
            let side = ActivityPatch {
                own_side: Some(SideInput {
                    participants: Some(6),
                    responsible_unit: "Bilateral Cooperation Division".into(),
                    point_of_contact: other_planner.display_name.clone(),
                }),
                ..Default::default()
            };
            let current = activities::get(other_planner, state, id).await?;
            if current.consent.in_plan() {
                activities::update(other_planner, state, id, current.version, side).await?;
            }
        }
        if i % 4 == 1 {
            let body = NewComment {
                body: "We can provide interpreters for both days.".into(),
            };
            comments::add(other_planner, state, id, body, false).await?;
        }
        if i % 5 == 2 {
            let planner = if proposer == Party::Az {
                &az_planner
            } else {
                &ge_planner
            };
            let body = NewComment {
                body: "Internal: check the budget line with the finance department first.".into(),
            };
            comments::add(planner, state, id, body, true).await?;
            let body = NewComment {
                body: "Internal: our delegation head is still to be named.".into(),
            };
            comments::add(other_planner, state, id, body, true).await?;
        }
    }
    Ok(Some(year))
}
