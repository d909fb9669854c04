//! Each party's consent is a row of its own (`activity_consents`,
//! docs/federation.md): a decision writes only the deciding party's row,
//! naming the substance revision it was made on; a substance edit moves the
//! revision and leaves the other party's row untouched, its decision stale;
//! migration 000160 made the rows from the consent columns (down and up).

use concord_backend::entities::{activity, activity_consent, comment};
use concord_client::Client;
use concord_migrations::{Migrator, MigratorTrait};
use concord_shared::Party;
use concord_shared::api::{ActivityPatch, ConsentDecision, ConsentRequest};
use concord_shared::plan::{ConsentState, PartyConsent};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::helpers::{back_before, board, shared, spawn_app};

async fn decide(client: &Client, id: i64, decision: ConsentDecision, comment: &str) -> (PartyConsent, PartyConsent) {
    let current = client.activity(id).await.expect("activity");
    let request = ConsentRequest {
        decision,
        comment: comment.to_owned(),
    };
    let after = client
        .consent(id, current.version, &request)
        .await
        .expect("decided")
        .value;
    (after.consent_az, after.consent_ge)
}

async fn row_of(db: &DatabaseConnection, public_id: i64) -> activity::Model {
    activity::Entity::find()
        .filter(activity::Column::PublicId.eq(public_id))
        .one(db)
        .await
        .expect("query")
        .expect("the activity")
}

async fn consent_rows(db: &DatabaseConnection, public_id: i64) -> Vec<activity_consent::Model> {
    let row = row_of(db, public_id).await;
    let mut rows = activity_consent::Entity::find()
        .filter(activity_consent::Column::ActivityId.eq(row.id))
        .all(db)
        .await
        .expect("query");
    rows.sort_by_key(|r| r.party.code());
    rows
}

#[tokio::test]
async fn a_substance_edit_leaves_the_other_partys_consent_row_untouched_and_its_decision_stale() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let db = &app.state.db;
    let id = shared(&b.az_planner, "Staff talks").await;

    // GE asks for changes, with its reason: GE's row alone, the reason linked.
    let asked = decide(&b.ge_coord, id, ConsentDecision::RequestChanges, "Move it to June").await;
    assert_eq!(asked, (PartyConsent::Pending, PartyConsent::ChangesRequested));
    let rows = consent_rows(db, id).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].party, rows[0].state),
        (Party::Ge, PartyConsent::ChangesRequested)
    );
    let reason = comment::Entity::find_by_id(rows[0].reason_comment_id.expect("a reason"))
        .one(db)
        .await
        .expect("query")
        .expect("the comment");
    assert_eq!(reason.body, "Move it to June");

    // Both accept: each writes its own row, on the same substance revision.
    decide(&b.ge_coord, id, ConsentDecision::Accept, "").await;
    let both = decide(&b.az_coord, id, ConsentDecision::Accept, "").await;
    assert_eq!(both, (PartyConsent::Accepted, PartyConsent::Accepted));
    let revision = row_of(db, id).await.substance_revision;
    let before = consent_rows(db, id).await;
    assert_eq!(before.len(), 2);
    assert!(before.iter().all(|r| r.accepted_revision == revision), "{before:?}");
    assert_eq!(before[1].reason_comment_id, None, "an acceptance without a comment");

    // AZ edits the substance: the revision moves, neither row is written,
    // and both decisions are stale (pending again).
    let current = b.az_planner.activity(id).await.expect("activity");
    let patch = ActivityPatch {
        title: Some("Staff talks in June".into()),
        ..Default::default()
    };
    let edited = b
        .az_planner
        .update_activity(id, current.version, &patch)
        .await
        .expect("edited")
        .value;
    assert_eq!(
        (edited.consent_az, edited.consent_ge, edited.consent),
        (PartyConsent::Pending, PartyConsent::Pending, ConsentState::Pending)
    );
    assert_eq!(row_of(db, id).await.substance_revision, revision + 1);
    assert_eq!(consent_rows(db, id).await, before, "GE's row (and AZ's) untouched");

    // GE accepts the new substance: its row names the new revision.
    let again = decide(&b.ge_coord, id, ConsentDecision::Accept, "").await;
    assert_eq!(again, (PartyConsent::Pending, PartyConsent::Accepted));
    let rows = consent_rows(db, id).await;
    assert_eq!(
        (rows[0].party, rows[0].accepted_revision),
        (Party::Az, revision),
        "stale"
    );
    assert_eq!((rows[1].party, rows[1].accepted_revision), (Party::Ge, revision + 1));
    assert_eq!(
        b.az_planner.activity(id).await.expect("activity").value.consent,
        ConsentState::AcceptedByGe
    );
}

#[tokio::test]
async fn the_migration_makes_each_decided_consent_its_partys_row_and_goes_down_and_up_again() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let db = &app.state.db;
    let accepted = shared(&b.az_planner, "Accepted by both").await;
    let half = shared(&b.ge_planner, "Accepted by AZ").await;
    let rejected = shared(&b.az_planner, "Rejected by GE").await;
    let pending = shared(&b.az_planner, "Nobody decided").await;
    decide(&b.az_coord, accepted, ConsentDecision::Accept, "").await;
    decide(&b.ge_coord, accepted, ConsentDecision::Accept, "").await;
    decide(&b.az_coord, half, ConsentDecision::Accept, "").await;
    decide(&b.ge_coord, rejected, ConsentDecision::Reject, "Not this year").await;
    let ids = [accepted, half, rejected, pending];
    let mut views = Vec::new();
    for id in ids {
        views.push(b.az_coord.activity(id).await.expect("activity").value);
    }

    back_before(db, "m20261203_000160_activity_consents").await;
    Migrator::up(db, None).await.expect("up");
    let want = [
        vec![(Party::Az, PartyConsent::Accepted), (Party::Ge, PartyConsent::Accepted)],
        vec![(Party::Az, PartyConsent::Accepted)],
        vec![(Party::Ge, PartyConsent::Rejected)],
        vec![],
    ];
    for (id, want) in ids.into_iter().zip(want) {
        let rows = consent_rows(db, id).await;
        let got: Vec<_> = rows.iter().map(|r| (r.party, r.state)).collect();
        assert_eq!(got, want);
        let revision = row_of(db, id).await.substance_revision;
        assert!(rows.iter().all(|r| r.accepted_revision == revision));
    }
    for (id, before) in ids.into_iter().zip(&views) {
        let after = b.az_coord.activity(id).await.expect("activity").value;
        assert_eq!(
            (after.consent_az, after.consent_ge, after.consent),
            (before.consent_az, before.consent_ge, before.consent)
        );
    }
    // Deciding goes on from the migrated rows.
    let both = decide(&b.ge_coord, half, ConsentDecision::Accept, "").await;
    assert_eq!(both, (PartyConsent::Accepted, PartyConsent::Accepted));
}
