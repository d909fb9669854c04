//! Rows that one party owns and may share (docs/federation.md): which texts
//! and documents may leave a party's node (`shared`), on a single node too,
//! and the migration that gave every existing row its flag (000150), down
//! and up again.

use concord_backend::entities::{activity_text, document};
use concord_client::{Client, NEW_TEXT};
use concord_migrations::{Migrator, MigratorTrait};
use concord_shared::api::{DocumentOwner, TextInput};
use concord_shared::{Lang, Party, Role};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::authorities::{change, note};
use crate::documents::pdf;
use crate::helpers::{YEAR, back_before, board, draft, shared, spawn_app};

/// Whether each text of the activity (`title`, as written) may leave home.
async fn texts_shared(db: &DatabaseConnection, titles: &[&str]) -> Vec<bool> {
    let mut flags = Vec::new();
    for title in titles {
        let row = activity_text::Entity::find()
            .filter(activity_text::Column::Title.eq(*title))
            .one(db)
            .await
            .expect("query")
            .unwrap_or_else(|| panic!("no text {title}"));
        flags.push(row.shared);
    }
    flags
}

async fn documents_shared(db: &DatabaseConnection, ids: &[i64]) -> Vec<bool> {
    let mut flags = Vec::new();
    for id in ids {
        let row = document::Entity::find()
            .filter(document::Column::PublicId.eq(*id))
            .one(db)
            .await
            .expect("query")
            .expect("the document");
        flags.push(row.shared);
    }
    flags
}

async fn attach(client: &Client, id: i64, title: &str) -> i64 {
    let text = TextInput {
        title: title.to_owned(),
        description: String::new(),
    };
    client
        .put_activity_text(id, Lang::Az, NEW_TEXT, &text)
        .await
        .expect("AZ's text");
    client
        .upload_document(DocumentOwner::Activity, id, "programme.pdf", "application/pdf", pdf())
        .await
        .expect("document")
        .id
}

#[tokio::test]
async fn a_drafts_texts_and_documents_stay_private_until_it_is_shared_also_through_the_migration() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let az = &b.az_planner;
    let kept = az
        .create_activity(YEAR, &draft("Kept home"))
        .await
        .expect("draft")
        .value
        .id;
    let later = az
        .create_activity(YEAR, &draft("Shared later"))
        .await
        .expect("draft")
        .value
        .id;
    let kept_doc = attach(az, kept, "Kept home, az").await;
    let later_doc = attach(az, later, "Shared later, az").await;
    let titles = ["Kept home", "Kept home, az", "Shared later", "Shared later, az"];
    let db = &app.state.db;
    assert_eq!(
        texts_shared(db, &titles).await,
        [false; 4],
        "a draft's rows are private"
    );
    assert_eq!(documents_shared(db, &[kept_doc, later_doc]).await, [false; 2]);

    let version = az.activity(later).await.expect("activity").version;
    az.share_activity(later, version).await.expect("shared");
    let open = shared(az, "Shared at once").await;
    let open_doc = attach(az, open, "Shared at once, az").await;
    let ge_text = TextInput {
        title: "Shared at once, ka".to_owned(),
        description: String::new(),
    };
    b.ge_planner
        .put_activity_text(open, Lang::Ka, NEW_TEXT, &ge_text)
        .await
        .expect("GE's text");
    let all = [
        "Kept home",
        "Kept home, az",
        "Shared later",
        "Shared later, az",
        "Shared at once",
        "Shared at once, az",
        "Shared at once, ka",
    ];
    let want = [false, false, true, true, true, true, true];
    assert_eq!(texts_shared(db, &all).await, want);
    let docs = [kept_doc, later_doc, open_doc];
    assert_eq!(documents_shared(db, &docs).await, [false, true, true]);
    let ka = activity_text::Entity::find()
        .filter(activity_text::Column::Title.eq("Shared at once, ka"))
        .one(db)
        .await
        .expect("query")
        .expect("GE's text");
    assert_eq!(ka.party, Party::Ge);

    // Down and up again: the migration gives existing rows the same flags.
    back_before(db, "m20261203_000150_shared_texts_documents").await;
    Migrator::up(db, None).await.expect("up");
    assert_eq!(texts_shared(db, &all).await, want);
    assert_eq!(documents_shared(db, &docs).await, [false, true, true]);
}

#[tokio::test]
async fn a_pending_authority_changes_documents_stay_private_until_its_notification_is_recorded() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let pending = az.propose_authority(&change()).await.expect("proposed").value.id;
    let document = az
        .upload_document(
            DocumentOwner::Authority,
            pending,
            "decree.pdf",
            "application/pdf",
            pdf(),
        )
        .await
        .expect("document")
        .id;
    let db = &app.state.db;
    assert_eq!(documents_shared(db, &[document]).await, [false], "pending: private");
    let mut announcing = note("AZ-2026/118");
    announcing.authority = Some(pending);
    announcing.effective_on = Some(chrono::Utc::now().date_naive());
    let recorded = az.record_notification(&announcing).await.expect("recorded").value;
    assert_eq!(documents_shared(db, &[document]).await, [true], "in effect: shared");
    // A document on something both parties see is shared from the start.
    let on_note = az
        .upload_document(
            DocumentOwner::Notification,
            recorded.id,
            "note.pdf",
            "application/pdf",
            pdf(),
        )
        .await
        .expect("document")
        .id;
    assert_eq!(documents_shared(db, &[on_note]).await, [true]);
}
