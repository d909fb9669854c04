//! The SQL visibility filters against the rules: facts are generated for
//! every plan state, owner party and shared / not shared (activities, their
//! comments and internal notes, pending and notified authority entries), and
//! for every party and role the lists and searches must return exactly what
//! `rules::visibility` says the caller may see.

use std::collections::BTreeSet;

use chrono::{NaiveDate, Utc};
use concord_backend::entities::{activity, comment, competent_authority, plan, user};
use concord_client::{ActivityFilter, Client};
use concord_shared::api::{CostArrangement, ExecutionStatus};
use concord_shared::plan::{PartyConsent, PlanState};
use concord_shared::rules::Actor;
use concord_shared::rules::activities::consent_state;
use concord_shared::rules::visibility::{activity_scope, may_see_activity, may_see_authority, may_see_comment};
use concord_shared::{CooperationArea, CooperationForm, Party, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::helpers::{TestApp, spawn_app};

const STATES: [PlanState; 5] = [
    PlanState::Drafting,
    PlanState::Negotiation,
    PlanState::Agreed,
    PlanState::Signed,
    PlanState::Closed,
];

/// One generated activity.
struct Fact {
    year: i32,
    id: i64,
    row_id: i32,
    owner: Party,
    shared: bool,
}

async fn plan_in(app: &TestApp, year: i32, state: PlanState) -> i32 {
    let now = Utc::now();
    plan::ActiveModel {
        year: Set(year),
        state: Set(state),
        seq_az: Set(0),
        seq_ge: Set(0),
        demo: Set(false),
        version: Set(1),
        amendment: Set(0),
        signed_version: Set(matches!(state, PlanState::Signed | PlanState::Closed).then_some(1)),
        revision: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("plan")
    .id
}

async fn activity_in(app: &TestApp, plan_id: i32, year: i32, n: i64, owner: Party, shared: bool, by: i32) -> Fact {
    let id = i64::from(year) * 100 + n;
    let consent = consent_state(shared, false, PartyConsent::Pending, PartyConsent::Pending);
    let row = activity::ActiveModel {
        public_id: Set(id),
        plan_id: Set(plan_id),
        year: Set(year),
        reference: Set(shared.then(|| format!("{year}-{}-{n:03}", owner.short()))),
        title: Set(format!("probe {id}")),
        description: Set(String::new()),
        area: Set(CooperationArea::ALL[0]),
        form: Set(CooperationForm::ALL[0]),
        proposing_party: Set(owner),
        host_party: Set(owner),
        location: Set(String::new()),
        month: Set(Some(5)),
        cost: Set(CostArrangement::Shared),
        az_unit: Set(String::new()),
        az_contact: Set(String::new()),
        ge_unit: Set(String::new()),
        ge_contact: Set(String::new()),
        shared: Set(shared),
        withdrawn: Set(false),
        consent_az: Set(PartyConsent::Pending),
        consent_ge: Set(PartyConsent::Pending),
        consent: Set(consent),
        execution: Set(ExecutionStatus::Planned),
        search_text: Set(format!("probe {id}")),
        version: Set(1),
        created_by: Set(by),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("activity");
    Fact {
        year,
        id,
        row_id: row.id,
        owner,
        shared,
    }
}

async fn comment_on(app: &TestApp, fact: &Fact, party: Party, internal: bool, n: i64) {
    comment::ActiveModel {
        public_id: Set(fact.id * 10 + n),
        activity_id: Set(fact.row_id),
        party: Set(party),
        author_id: Set(None),
        author_name: Set("probe".to_owned()),
        author_position: Set(String::new()),
        body: Set(format!("{}:{internal}", party.code())),
        kind: Set(if internal { "note" } else { "comment" }.to_owned()),
        internal: Set(internal),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("comment");
}

/// The ids of the activities a list or search returns for the plan of
/// `year`, checked to be those its cards (the board's list) return too.
async fn listed(client: &Client, year: i32, q: Option<&str>) -> BTreeSet<i64> {
    let filter = ActivityFilter {
        q: q.map(str::to_owned),
        ..Default::default()
    };
    let page = client.activities(year, &filter).await.expect("list");
    let ids: BTreeSet<i64> = page.items.iter().map(|a| a.id).collect();
    // The board's and the table's list of the same query: the same activities.
    let cards = client.activity_cards(year, &filter).await.expect("cards");
    assert_eq!(cards.total, page.total);
    assert_eq!(cards.items.iter().map(|a| a.id).collect::<BTreeSet<_>>(), ids);
    ids
}

#[tokio::test]
async fn the_sql_filters_return_exactly_what_the_rules_say_is_visible() {
    let app = spawn_app().await;
    app.named_user("probe.creator", Party::Az, Role::Planner).await;
    let creator = user::Entity::find()
        .filter(user::Column::Username.eq("probe.creator"))
        .one(&app.state.db)
        .await
        .expect("query")
        .expect("creator")
        .id;

    let mut facts = Vec::new();
    for (i, state) in STATES.into_iter().enumerate() {
        let year = 2040 + i32::try_from(i).expect("small");
        let plan_id = plan_in(&app, year, state).await;
        let mut n = 0;
        for owner in Party::ALL {
            for shared in [false, true] {
                n += 1;
                let fact = activity_in(&app, plan_id, year, n, *owner, shared, creator).await;
                let mut c = 0;
                for party in Party::ALL {
                    for internal in [false, true] {
                        c += 1;
                        comment_on(&app, &fact, *party, internal, c).await;
                    }
                }
                facts.push(fact);
            }
        }
    }
    let mut authorities = Vec::new();
    for (i, party) in Party::ALL.iter().enumerate() {
        for (j, pending) in [false, true].into_iter().enumerate() {
            let id = 9_000 + i64::try_from(i * 2 + j).expect("small");
            competent_authority::ActiveModel {
                party: Set(*party),
                name_en: Set(format!("probe {id}")),
                name_az: Set(format!("probe {id}")),
                name_ka: Set(format!("probe {id}")),
                valid_from: Set(NaiveDate::from_ymd_opt(2030, 1, 1).expect("date")),
                valid_to: Set(Some(NaiveDate::from_ymd_opt(2030, 6, 1).expect("date"))),
                public_id: Set(Some(id)),
                pending: Set(pending),
                notification_id: Set(None),
                version: Set(1),
                ..Default::default()
            }
            .insert(&app.state.db)
            .await
            .expect("authority");
            authorities.push((id, *party, pending));
        }
    }

    let mut checked = 0;
    for party in Party::ALL {
        for role in Role::ALL {
            let actor = Actor {
                party: *party,
                role: *role,
            };
            let client = app.login_as(*party, *role).await;
            let who = format!("{party:?} {role:?}");
            for (i, _) in STATES.iter().enumerate() {
                let year = 2040 + i32::try_from(i).expect("small");
                let expected: BTreeSet<i64> = facts
                    .iter()
                    .filter(|f| f.year == year && may_see_activity(actor, f.owner, f.shared).is_ok())
                    .map(|f| f.id)
                    .collect();
                assert_eq!(listed(&client, year, None).await, expected, "{who}: list of {year}");
                assert_eq!(
                    listed(&client, year, Some("probe")).await,
                    expected,
                    "{who}: search in {year}"
                );
                checked += 2;
            }
            for fact in &facts {
                let activity = activity_scope(fact.owner, fact.shared);
                if may_see_activity(actor, fact.owner, fact.shared).is_err() {
                    assert_eq!(client.activity(fact.id).await.expect_err("hidden").status, 404, "{who}");
                    assert_eq!(client.comments(fact.id).await.expect_err("hidden").status, 404, "{who}");
                    assert_eq!(client.notes(fact.id).await.expect_err("hidden").status, 404, "{who}");
                    checked += 3;
                    continue;
                }
                for internal in [false, true] {
                    let expected: BTreeSet<String> = Party::ALL
                        .iter()
                        .filter(|p| may_see_comment(actor, **p, internal, activity).is_ok())
                        .map(|p| format!("{}:{internal}", p.code()))
                        .collect();
                    let got = if internal {
                        client.notes(fact.id).await
                    } else {
                        client.comments(fact.id).await
                    };
                    let got: BTreeSet<String> = got.expect("comments").into_iter().map(|c| c.body).collect();
                    assert_eq!(got, expected, "{who}: comments (internal {internal}) on {}", fact.id);
                    checked += 1;
                }
            }
            let expected: BTreeSet<i64> = authorities
                .iter()
                .filter(|(_, p, pending)| may_see_authority(actor, *p, *pending).is_ok())
                .map(|(id, _, _)| *id)
                .collect();
            let got: BTreeSet<i64> = client
                .authorities()
                .await
                .expect("authorities")
                .into_iter()
                .map(|a| a.id)
                .filter(|id| (9_000..9_100).contains(id))
                .collect();
            assert_eq!(got, expected, "{who}: authorities");
            checked += 1;
        }
    }
    // Every fact was checked for every party and role.
    assert!(checked >= 400, "{checked} checks");
}
