//! Demo data, so a newcomer sees a living board at once: next year's plan in
//! negotiation with about sixty activities over all areas and forms,
//! proposed by both parties, in every consent state, with comments and
//! internal notes on both sides. The plan is marked as demo data.

use chrono::{Datelike, NaiveDate, Utc};
use concord_shared::api::{
    Activity, ActivityPatch, ConsentDecision, ConsentRequest, CostArrangement, ExecutionStatus, ExecutionUpdate,
    NewActivity, NewComment, NewPlan, NewSignature, SideInput, SummaryUpdate, TransitionAction, TransitionRequest,
};
use concord_shared::plan::PlanState;
use concord_shared::{CooperationArea, CooperationForm, Party, Role};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{activities, comments, plans};
use crate::auth::AuthUser;
use crate::entities::{plan, user};
use crate::error::AppError;
use crate::state::AppState;

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
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the demo user {username} is missing")))?;
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

/// The i-th demo activity of a year's plan, proposed by `proposer`.
fn demo_activity(i: usize, year: i32, proposer: Party, contact: &str) -> NewActivity {
    let area = CooperationArea::ALL[i % 14];
    let form = CooperationForm::ALL[(i / 2) % 7];
    let (a, b) = TITLES[i % 14];
    let title = if (i / 14).is_multiple_of(2) { a } else { b };
    let month = u32::try_from(i % 12).unwrap_or_default() + 1;
    let exact = !i.is_multiple_of(3);
    let start = NaiveDate::from_ymd_opt(year, month, 5 + u32::try_from(i % 20).unwrap_or_default());
    NewActivity {
        title: format!("{title} ({})", i / 14 + 1),
        description: format!(
            "Proposed by {} for the {year} annual co-operation plan. Demo data.",
            proposer.label(concord_shared::Lang::En)
        ),
        lang: Some(concord_shared::Lang::En),
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
            point_of_contact: contact.to_owned(),
        }),
    }
}

/// The demo users who act in the demo plans.
struct Cast {
    az_coord: AuthUser,
    ge_coord: AuthUser,
    az_planner: AuthUser,
    ge_planner: AuthUser,
}

impl Cast {
    async fn load(state: &AppState) -> Result<Cast, AppError> {
        Ok(Cast {
            az_coord: actor(state, Party::Az, Role::Coordinator).await?,
            ge_coord: actor(state, Party::Ge, Role::Coordinator).await?,
            az_planner: actor(state, Party::Az, Role::Planner).await?,
            ge_planner: actor(state, Party::Ge, Role::Planner).await?,
        })
    }

    fn planner(&self, party: Party) -> &AuthUser {
        if party == Party::Az {
            &self.az_planner
        } else {
            &self.ge_planner
        }
    }

    /// Both parties' planners, AZ first.
    fn planners(&self) -> [&AuthUser; 2] {
        [&self.az_planner, &self.ge_planner]
    }

    fn coordinator(&self, party: Party) -> &AuthUser {
        if party == Party::Az {
            &self.az_coord
        } else {
            &self.ge_coord
        }
    }

    /// One party proposes a step and the other confirms it.
    async fn step(&self, state: &AppState, year: i32, to: PlanState, proposer: Party) -> Result<(), AppError> {
        let plan = plans::get(&self.az_coord, state, year).await?;
        let propose = TransitionRequest {
            action: TransitionAction::Propose,
            to: Some(to),
            reason: None,
        };
        let plan = plans::transition(self.coordinator(proposer), state, year, plan.version, propose).await?;
        let confirm = TransitionRequest {
            action: TransitionAction::Confirm,
            to: None,
            reason: None,
        };
        plans::transition(self.coordinator(proposer.other()), state, year, plan.version, confirm).await?;
        Ok(())
    }

    /// A signed plan for `year` with `n` activities accepted by both parties; returns them.
    async fn signed_plan(&self, state: &AppState, year: i32, n: usize) -> Result<Vec<Activity>, AppError> {
        plans::create(&self.az_coord, state, NewPlan { year }, true).await?;
        let mut shared = Vec::new();
        for i in 0..n {
            let proposer = if i % 2 == 0 { Party::Az } else { Party::Ge };
            let planner = self.planner(proposer);
            let created = activities::create(
                planner,
                state,
                year,
                demo_activity(i + 3, year, proposer, &planner.display_name),
            )
            .await?;
            let activity = activities::share(planner, state, created.id, created.version).await?;
            super::demo_texts::translate(state, self.planners(), &activity, i + 3).await?;
            shared.push(activity);
        }
        self.step(state, year, PlanState::Negotiation, Party::Az).await?;
        let mut accepted = Vec::new();
        for activity in shared {
            let accept = || ConsentRequest {
                decision: ConsentDecision::Accept,
                comment: String::new(),
            };
            let once = activities::consent(&self.az_coord, state, activity.id, activity.version, accept()).await?;
            accepted.push(activities::consent(&self.ge_coord, state, once.id, once.version, accept()).await?);
        }
        self.step(state, year, PlanState::Agreed, Party::Ge).await?;
        let signed_on = NaiveDate::from_ymd_opt(year, 1, 20)
            .unwrap_or_default()
            .min(Utc::now().date_naive());
        for (coordinator, signatory, position, place) in [
            (
                &self.az_coord,
                "Zakir Hasanov",
                "Minister of Defence of the Republic of Azerbaijan",
                "Baku",
            ),
            (
                &self.ge_coord,
                "Irakli Chikovani",
                "Minister of Defence of Georgia",
                "Baku",
            ),
        ] {
            let plan = plans::get(coordinator, state, year).await?;
            let signature = NewSignature {
                signatory: signatory.into(),
                position: position.into(),
                signed_on,
                place: place.into(),
            };
            super::versions::sign(coordinator, state, year, plan.version, signature).await?;
        }
        Ok(accepted)
    }

    /// The host party reports an activity's execution, step by step.
    async fn execute(
        &self,
        state: &AppState,
        activity: &Activity,
        steps: &[ExecutionStatus],
    ) -> Result<Activity, AppError> {
        let host = self.planner(activity.host_party);
        let mut current = activity.clone();
        for status in steps {
            let reason = matches!(status, ExecutionStatus::Postponed | ExecutionStatus::Cancelled)
                .then(|| "Rescheduled at the request of the host party.".to_owned());
            let update = ExecutionUpdate {
                status: *status,
                reason,
            };
            current = super::execution::set_status(host, state, current.id, current.version, update).await?;
        }
        Ok(current)
    }
}

/// Last year's plan, closed with its execution report, and this year's plan,
/// signed with an amendment in negotiation; each only when its year has no plan.
pub async fn seed_history(state: &AppState) -> Result<Vec<i32>, AppError> {
    let this_year = Utc::now().year();
    let cast = Cast::load(state).await?;
    let mut created = Vec::new();
    let exists = |year: i32| async move {
        plan::Entity::find()
            .filter(plan::Column::Year.eq(year))
            .one(&state.db)
            .await
            .map(|p| p.is_some())
    };
    let last_year = this_year - 1;
    if last_year >= 2023 && !exists(last_year).await? {
        let accepted = cast.signed_plan(state, last_year, 16).await?;
        for (i, activity) in accepted.iter().enumerate() {
            let steps: &[ExecutionStatus] = match i % 5 {
                0..=2 => &[ExecutionStatus::Confirmed, ExecutionStatus::Held],
                3 => &[ExecutionStatus::Postponed],
                _ => &[ExecutionStatus::Cancelled],
            };
            let done = cast.execute(state, activity, steps).await?;
            if done.execution == ExecutionStatus::Held {
                let mut current = done;
                for party in Party::ALL {
                    let summary = SummaryUpdate {
                        summary: format!(
                            "Held as planned; {} delegation's objectives met.",
                            party.label(concord_shared::Lang::En)
                        ),
                    };
                    current = super::execution::set_summary(
                        cast.planner(*party),
                        state,
                        current.id,
                        current.version,
                        summary,
                    )
                    .await?;
                }
            }
        }
        cast.step(state, last_year, PlanState::Closed, Party::Ge).await?;
        created.push(last_year);
    }
    if !exists(this_year).await? {
        let accepted = cast.signed_plan(state, this_year, 14).await?;
        for activity in accepted.iter().take(5) {
            cast.execute(state, activity, &[ExecutionStatus::Confirmed, ExecutionStatus::Held])
                .await?;
        }
        let plan = plans::get(&cast.ge_coord, state, this_year).await?;
        super::versions::open_amendment(&cast.ge_coord, state, this_year, plan.version).await?;
        // The amendment moves one Azerbaijani activity and adds a Georgian one.
        if let Some(moved) = accepted.iter().rev().find(|a| a.proposing_party == Party::Az) {
            let current = activities::get(&cast.az_planner, state, moved.id).await?;
            let patch = ActivityPatch {
                location: Some("Ganja".into()),
                ..Default::default()
            };
            activities::update(&cast.az_planner, state, current.id, current.version, patch).await?;
        }
        let planner = &cast.ge_planner;
        let added = activities::create(
            planner,
            state,
            this_year,
            demo_activity(9, this_year, Party::Ge, &planner.display_name),
        )
        .await?;
        let added = activities::share(planner, state, added.id, added.version).await?;
        super::demo_texts::translate(state, cast.planners(), &added, 9).await?;
        created.push(this_year);
    }
    Ok(created)
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
    let cast = Cast::load(state).await?;
    plans::create(&cast.az_coord, state, NewPlan { year }, true).await?;

    let mut drafted = Vec::new();
    for i in 0..60 {
        let proposer = if i % 2 == 0 { Party::Az } else { Party::Ge };
        let planner = cast.planner(proposer);
        let new = demo_activity(i, year, proposer, &planner.display_name);
        let created = activities::create(planner, state, year, new).await?;
        drafted.push((i, proposer, created));
    }

    let mut shared = Vec::new();
    for (i, proposer, created) in drafted {
        if matches!(fate(i), Fate::Draft) {
            super::demo_texts::translate(state, cast.planners(), &created, i).await?;
            continue;
        }
        let planner = cast.planner(proposer);
        let activity = activities::share(planner, state, created.id, created.version).await?;
        super::demo_texts::translate(state, cast.planners(), &activity, i).await?;
        shared.push((i, proposer, activity));
    }

    cast.step(state, year, PlanState::Negotiation, Party::Az).await?;

    for (i, proposer, activity) in shared {
        let (own, other) = (cast.coordinator(proposer), cast.coordinator(proposer.other()));
        let other_planner = cast.planner(proposer.other());
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
                let planner = cast.planner(proposer);
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
            if concord_shared::rules::activities::in_plan(current.consent) {
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
            let planner = cast.planner(proposer);
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

/// A plan for the benchmark (`cargo xtask bench`): `n` activities of both
/// parties for `year`, in drafting, shared, pending, accepted by one party or
/// both, and with changes requested, so lists and filters see a realistic mix.
/// Needs the demo users; the plan is marked as demo data.
pub async fn seed_bench(state: &AppState, year: i32, n: usize) -> Result<(), AppError> {
    let cast = Cast::load(state).await?;
    plans::create(&cast.az_coord, state, NewPlan { year }, true).await?;
    let mut shared = Vec::new();
    for i in 0..n {
        let proposer = if i % 2 == 0 { Party::Az } else { Party::Ge };
        let planner = cast.planner(proposer);
        let created = activities::create(
            planner,
            state,
            year,
            demo_activity(i, year, proposer, &planner.display_name),
        )
        .await?;
        // One in ten stays a private draft of its party.
        if i % 10 != 9 {
            shared.push((
                i,
                proposer,
                activities::share(planner, state, created.id, created.version).await?,
            ));
        }
    }
    cast.step(state, year, PlanState::Negotiation, Party::Az).await?;
    let accept = || ConsentRequest {
        decision: ConsentDecision::Accept,
        comment: String::new(),
    };
    for (i, proposer, activity) in shared {
        let (own, other) = (cast.coordinator(proposer), cast.coordinator(proposer.other()));
        match i % 5 {
            0 => {}
            1 => {
                activities::consent(own, state, activity.id, activity.version, accept()).await?;
            }
            2 | 3 => {
                let once = activities::consent(own, state, activity.id, activity.version, accept()).await?;
                activities::consent(other, state, once.id, once.version, accept()).await?;
            }
            _ => {
                let request = ConsentRequest {
                    decision: ConsentDecision::RequestChanges,
                    comment: "Could the dates move to the autumn?".into(),
                };
                activities::consent(other, state, activity.id, activity.version, request).await?;
            }
        }
    }
    Ok(())
}

/// A recorded diplomatic notification for the demo, when the log is empty;
/// returns whether one was added. (The Agreement and both parties'
/// authorities since its signature are in every database from the migrations.)
pub async fn seed_register(state: &AppState) -> Result<bool, AppError> {
    use concord_shared::api::NewNotification;
    use sea_orm::PaginatorTrait;
    if crate::entities::notification::Entity::find().count(&state.db).await? > 0 {
        return Ok(false);
    }
    let cast = Cast::load(state).await?;
    let date = |m, d| NaiveDate::from_ymd_opt(2024, m, d);
    let note = NewNotification {
        note_number: "DEMO 2/45-118".to_owned(),
        subject: "Demo: the Ministry of Defence designates its points of contact for the Agreement".to_owned(),
        sent_on: date(2, 12).unwrap_or_default(),
        received_on: date(2, 14),
        acknowledged_on: date(2, 20),
        acknowledgement: Some("Note GE-DEMO/310 acknowledging receipt".to_owned()),
        authority: None,
        effective_on: None,
    };
    super::notifications::record(&cast.az_coord, state, note).await?;
    Ok(true)
}
