//! Documents: types recognised from the bytes, size limit, content-addressed
//! storage with the checksum verified on every download, visibility that
//! follows the owner, and refused uploads that leave nothing behind.

use concord_backend::entities::document;
use concord_backend::storage::FsStore;
use concord_shared::api::DocumentOwner;
use concord_shared::{Party, Role};
use sea_orm::{EntityTrait, PaginatorTrait};
use sha2::{Digest, Sha256};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

const PDF_TYPE: &str = "application/pdf";
const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT_TYPE: &str = "application/vnd.oasis.opendocument.text";

/// A small PDF.
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec()
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP of stored (uncompressed) entries, in order.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = u32::try_from(out.len()).expect("small");
        let crc = crc32(data);
        let size = u32::try_from(data.len()).expect("small");
        let name_len = u16::try_from(name.len()).expect("small");
        let mut header = Vec::new();
        header.extend_from_slice(b"PK\x03\x04");
        header.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        header.extend_from_slice(&crc.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&name_len.to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let offset = u32::try_from(out.len()).expect("small");
    let count = u16::try_from(entries.len()).expect("small");
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&u32::try_from(central.len()).expect("small").to_le_bytes());
    out.extend_from_slice(&offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A minimal Word document.
pub fn docx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", b"<w:document/>".as_slice()),
    ])
}

/// A minimal OpenDocument text.
pub fn odt() -> Vec<u8> {
    zip(&[
        ("mimetype", ODT_TYPE.as_bytes()),
        ("content.xml", b"<office:document-content/>".as_slice()),
    ])
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Nothing of any upload is left: no row, no stored file, no staging file.
async fn nothing_left(app: &TestApp) {
    assert_eq!(
        document::Entity::find().count(&app.state.db).await.expect("count"),
        0,
        "no document row"
    );
    for dir in ["documents", "uploads"] {
        let path = app.state.settings.data_dir.join(dir);
        let files: Vec<_> = walk(&path);
        assert!(files.is_empty(), "{dir} holds {files:?}");
    }
}

fn walk(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files
}

#[tokio::test]
async fn a_pdf_attached_to_the_agreement_is_stored_by_its_checksum_and_served_verified_to_everyone() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let ge_viewer = app.login_as(Party::Ge, Role::Viewer).await;

    let doc = az
        .upload_document(DocumentOwner::Instrument, 1, "Agreement (signed).pdf", PDF_TYPE, pdf())
        .await
        .expect("uploaded");

    assert_eq!(doc.sha256, sha256(&pdf()));
    assert_eq!((doc.media_type.as_str(), doc.size), (PDF_TYPE, pdf().len() as u64));
    assert_eq!(doc.uploaded_by_party, Party::Az);
    let stored = FsStore::new(&app.state.settings.data_dir)
        .path_of(&doc.sha256)
        .expect("path");
    assert_eq!(std::fs::read(stored).expect("stored"), pdf());
    assert_eq!(
        ge_viewer.documents(DocumentOwner::Instrument, 1).await.expect("list"),
        vec![doc.clone()]
    );
    assert_eq!(ge_viewer.download_document(doc.id).await.expect("bytes"), pdf());
    let response = app
        .http
        .get(format!("{}/api/v1/documents/{}/content", app.address, doc.id))
        .send()
        .await
        .expect("raw");
    assert_eq!(response.status(), 401, "not without signing in");
    let odt = az
        .upload_document(
            DocumentOwner::Instrument,
            1,
            "notes.odt",
            "application/octet-stream",
            odt(),
        )
        .await
        .expect("odt");
    assert_eq!(odt.media_type, ODT_TYPE);
    let word = az
        .upload_document(DocumentOwner::Instrument, 1, "draft.DOCX", DOCX_TYPE, docx())
        .await
        .expect("docx");
    assert_eq!(word.media_type, DOCX_TYPE);
    assert_eq!(az.documents(DocumentOwner::Instrument, 1).await.expect("list").len(), 3);
}

#[tokio::test]
async fn downloads_carry_the_type_the_name_and_the_digest() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let doc = az
        .upload_document(DocumentOwner::Instrument, 1, "Saziş.pdf", PDF_TYPE, pdf())
        .await
        .expect("uploaded");
    let user = app.user(Party::Ge, Role::Viewer).await;
    let http = reqwest::Client::builder().cookie_store(true).build().expect("client");
    http.post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({"username": user.username, "password": crate::helpers::PASSWORD}))
        .send()
        .await
        .expect("login");

    let response = http
        .get(format!("{}/api/v1/documents/{}/content", app.address, doc.id))
        .send()
        .await
        .expect("download");

    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), PDF_TYPE);
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"Sazi_.pdf\"; filename*=UTF-8''Sazi%C5%9F.pdf"
    );
    assert!(header("repr-digest").starts_with("sha-256=:"));
    assert_eq!(response.bytes().await.expect("bytes").to_vec(), pdf());
}

#[tokio::test]
async fn refused_uploads_too_big_or_not_what_they_claim_leave_nothing_behind() {
    let app = spawn_app_with(&[("CONCORD_MAX_UPLOAD_MB", "1")]).await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let upload = |name: &'static str, declared: &'static str, bytes: Vec<u8>| {
        let az = az.clone();
        async move {
            az.upload_document(DocumentOwner::Instrument, 1, name, declared, bytes)
                .await
                .expect_err("refused")
        }
    };

    let mut big = pdf();
    big.resize(1024 * 1024 + 1, b' ');
    let err = upload("big.pdf", PDF_TYPE, big).await;
    assert_eq!((err.status, err.errors[0].field.as_str()), (413, "file"));

    let err = upload("fake.pdf", PDF_TYPE, b"just some text, not a PDF".to_vec()).await;
    assert_eq!((err.status, err.errors[0].field.as_str()), (415, "file"));

    let err = upload("letter.pdf", PDF_TYPE, docx()).await;
    assert_eq!((err.status, err.errors[0].field.as_str()), (415, "content_type"));

    let err = upload("letter.docx", "application/octet-stream", pdf()).await;
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "filename"));

    let plain_zip = zip(&[("hello.txt", b"hello".as_slice())]);
    let err = upload("archive.docx", DOCX_TYPE, plain_zip).await;
    assert_eq!((err.status, err.errors[0].field.as_str()), (415, "file"));

    let err = upload("empty.pdf", PDF_TYPE, Vec::new()).await;
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "file"));

    nothing_left(&app).await;
}

#[tokio::test]
async fn a_stored_file_that_no_longer_matches_its_checksum_is_refused_never_served() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let doc = az
        .upload_document(DocumentOwner::Instrument, 1, "agreement.pdf", PDF_TYPE, pdf())
        .await
        .expect("uploaded");
    let stored = FsStore::new(&app.state.settings.data_dir)
        .path_of(&doc.sha256)
        .expect("path");
    let mut damaged = pdf();
    damaged[10] ^= 0xFF;
    std::fs::write(&stored, &damaged).expect("damaged");

    let err = az.download_document(doc.id).await.expect_err("refused");

    assert_eq!(err.status, 500);
    assert_eq!(err.kind, "/problems/document-integrity");
    assert!(err.detail.as_deref().unwrap_or_default().contains("checksum"));
    std::fs::remove_file(&stored).expect("removed");
    assert_eq!(az.download_document(doc.id).await.expect_err("missing").status, 500);
}

#[tokio::test]
async fn a_document_is_seen_only_by_those_who_see_its_owner() {
    let app = spawn_app().await;
    let az_coord = app.login_as(Party::Az, Role::Coordinator).await;
    let az_planner = app.login_as(Party::Az, Role::Planner).await;
    let az_viewer = app.login_as(Party::Az, Role::Viewer).await;
    let ge_coord = app.login_as(Party::Ge, Role::Coordinator).await;
    az_coord.create_plan(crate::helpers::YEAR).await.expect("plan");
    let draft = az_planner
        .create_activity(crate::helpers::YEAR, &crate::helpers::draft("Private draft"))
        .await
        .expect("draft")
        .value
        .id;

    let doc = az_planner
        .upload_document(DocumentOwner::Activity, draft, "programme.docx", DOCX_TYPE, docx())
        .await
        .expect("uploaded");
    assert_eq!(
        az_viewer
            .upload_document(DocumentOwner::Activity, draft, "x.pdf", PDF_TYPE, pdf())
            .await
            .expect_err("viewer")
            .status,
        403
    );

    assert_eq!(az_viewer.download_document(doc.id).await.expect("own party"), docx());
    assert_eq!(ge_coord.document(doc.id).await.expect_err("hidden").status, 404);
    assert_eq!(
        ge_coord.download_document(doc.id).await.expect_err("hidden").status,
        404
    );
    assert_eq!(
        ge_coord
            .documents(DocumentOwner::Activity, draft)
            .await
            .expect_err("hidden")
            .status,
        404
    );
    assert_eq!(
        ge_coord
            .upload_document(DocumentOwner::Activity, draft, "x.pdf", PDF_TYPE, pdf())
            .await
            .expect_err("hidden")
            .status,
        404
    );

    // The note announcing a pending change is its party's until the notification is recorded.
    let pending = az_coord
        .propose_authority(&crate::authorities::change())
        .await
        .expect("pending")
        .value;
    let note = az_coord
        .upload_document(DocumentOwner::Authority, pending.id, "note.pdf", PDF_TYPE, pdf())
        .await
        .expect("note");
    assert_eq!(ge_coord.document(note.id).await.expect_err("pending").status, 404);
    let mut announcing = crate::authorities::note("AZ-1");
    announcing.authority = Some(pending.id);
    announcing.effective_on = Some(chrono::Utc::now().date_naive());
    az_coord.record_notification(&announcing).await.expect("recorded");
    assert_eq!(ge_coord.download_document(note.id).await.expect("now joint"), pdf());
}

#[tokio::test]
async fn both_parties_attach_to_a_shared_activity_and_to_notifications_and_read_each_others_files() {
    let app = spawn_app().await;
    let az_coord = app.login_as(Party::Az, Role::Coordinator).await;
    let az_planner = app.login_as(Party::Az, Role::Planner).await;
    let ge_planner = app.login_as(Party::Ge, Role::Planner).await;
    let ge_coord = app.login_as(Party::Ge, Role::Coordinator).await;
    az_coord.create_plan(crate::helpers::YEAR).await.expect("plan");
    let shared = crate::helpers::shared(&az_planner, "Staff talks").await;

    let programme = ge_planner
        .upload_document(DocumentOwner::Activity, shared, "programme.odt", ODT_TYPE, odt())
        .await
        .expect("the other party attaches to a shared activity");
    assert_eq!(az_planner.download_document(programme.id).await.expect("read"), odt());
    let note = az_coord
        .record_notification(&crate::authorities::note("AZ-3"))
        .await
        .expect("note")
        .value;
    let scan = ge_coord
        .upload_document(
            DocumentOwner::Notification,
            note.id,
            "acknowledgement.pdf",
            PDF_TYPE,
            pdf(),
        )
        .await
        .expect("the receiving party attaches its acknowledgement");
    assert_eq!(
        az_coord
            .documents(DocumentOwner::Notification, note.id)
            .await
            .expect("list"),
        vec![scan]
    );
    assert_eq!(
        ge_planner
            .upload_document(DocumentOwner::Notification, note.id, "x.pdf", PDF_TYPE, pdf())
            .await
            .expect_err("planner")
            .status,
        403
    );
    let err = az_coord
        .upload_document(DocumentOwner::Instrument, 1, "a\nb.pdf", PDF_TYPE, pdf())
        .await
        .expect_err("control character");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "filename"));
    assert_eq!(
        az_coord
            .upload_document(DocumentOwner::Instrument, 999, "x.pdf", PDF_TYPE, pdf())
            .await
            .expect_err("no such instrument")
            .status,
        404
    );
}
