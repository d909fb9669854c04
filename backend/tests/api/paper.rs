//! The plan on paper: the PDF of a plan and of a signed version, read back
//! with poppler's `pdftotext` and `pdfinfo` (Debian's poppler-utils).

use std::process::Command;

use concord_client::Client;

use crate::helpers::{Board, YEAR, board, draft, shared, spawn_app};
use crate::versions::{accept_both, agreed, sign, step};
use concord_shared::plan::PlanState;

const AZ_TITLE: &str = "Qərargah danışıqları İşğəl";
const KA_TITLE: &str = "სამთო მომზადება საჩხერეში";

/// The PDF's text, page by page, with white space folded.
fn pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, pdf).expect("written");
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    assert!(info.status.success(), "pdfinfo reads the file");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    (1..=count)
        .map(|p| {
            let out = Command::new("pdftotext")
                .args(["-f", &p.to_string(), "-l", &p.to_string(), "-enc", "UTF-8"])
                .arg(&path)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            assert!(out.status.success());
            String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

async fn accepted(b: &Board, client: &Client, title: &str) -> i64 {
    let id = shared(client, title).await;
    accept_both(b, id).await;
    id
}

/// A negotiated plan: an Azerbaijani and a Georgian title accepted, 24 more
/// accepted activities (so the table runs over pages), one shared but not
/// accepted, and a GE draft never shared.
async fn negotiated(b: &Board) {
    let az = shared(&b.az_planner, AZ_TITLE).await;
    let ka = shared(&b.ge_planner, KA_TITLE).await;
    shared(&b.ge_planner, "Pending proposal Q7").await;
    b.ge_planner
        .create_activity(YEAR, &draft("GE private draft X9"))
        .await
        .expect("draft");
    step(&b.az_coord, &b.ge_coord, PlanState::Negotiation).await;
    accept_both(b, az).await;
    accept_both(b, ka).await;
    for i in 0..24 {
        accepted(b, &b.az_planner, &format!("Exchange of instructors {i}")).await;
    }
}

#[tokio::test]
async fn the_draft_plan_prints_in_each_language_with_draft_marks_hash_and_page_numbers_on_every_page() {
    let app = spawn_app().await;
    let b = board(&app).await;
    negotiated(&b).await;

    let en = pages(&b.ge_planner.plan_document(YEAR, "en").await.expect("PDF"));
    assert!(en.len() >= 2, "26 activities run over pages: {}", en.len());
    assert!(en[0].contains(&format!(
        "Annual plan of co-operation between the Ministry of Defence of the Republic of Azerbaijan and the Ministry of Defence of Georgia for {YEAR}"
    )));
    assert!(en[0].contains("Agreement on cooperation in the field of defence (Baku, 24 April 2023)"));
    let hash = en[0]
        .split(|c: char| !c.is_ascii_hexdigit())
        .find(|w| w.len() == 64)
        .expect("a SHA-256 on the first page")
        .to_owned();
    let all = en.join(" ");
    for (i, page) in en.iter().enumerate() {
        assert!(page.contains("DRAFT"), "page {} marked DRAFT", i + 1);
        assert!(page.contains(&hash), "page {} carries the SHA-256", i + 1);
        assert!(
            page.contains(&format!("Page {} of {}", i + 1, en.len())),
            "page {}: {page}",
            i + 1
        );
        assert!(page.contains("Version 1"));
    }
    for title in [AZ_TITLE, KA_TITLE, "Exchange of instructors 23"] {
        assert!(all.contains(title), "{title} in the table");
    }
    for hidden in ["Pending proposal Q7", "GE private draft X9"] {
        assert!(!all.contains(hidden), "{hidden} is not in the plan");
    }
    assert!(
        all.contains("Signatory") && all.contains("______"),
        "signature blocks to sign by hand"
    );

    let az = pages(&b.az_planner.plan_document(YEAR, "az").await.expect("PDF")).join(" ");
    assert!(az.contains(&format!(
        "Azərbaycan Respublikasının Müdafiə Nazirliyi ilə Gürcüstanın Müdafiə Nazirliyi arasında {YEAR}-cü il üçün illik əməkdaşlıq planı"
    )));
    assert!(az.contains("LAYİHƏ") && az.contains(AZ_TITLE));
    let ka = pages(&b.az_planner.plan_document(YEAR, "ka").await.expect("PDF")).join(" ");
    assert!(ka.contains(&format!(
        "აზერბაიჯანის რესპუბლიკის თავდაცვის სამინისტროსა და საქართველოს თავდაცვის სამინისტროს შორის თანამშრომლობის {YEAR} წლის გეგმა"
    )));
    assert!(ka.contains(KA_TITLE) && ka.contains("საცნობარო კოდი"));

    let parallel = pages(&b.az_coord.plan_document(YEAR, "az,ka").await.expect("PDF")).join(" ");
    for text in [
        "İstinad kodu",
        "საცნობარო კოდი",
        AZ_TITLE,
        KA_TITLE,
        "LAYİHƏ",
        "პროექტი",
    ] {
        assert!(parallel.contains(text), "{text} in the parallel text");
    }
    let err = b.az_coord.plan_document(YEAR, "ru").await.expect_err("lang");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "lang"));
    assert_eq!(
        b.az_coord.plan_document(1999, "en").await.expect_err("no plan").status,
        404
    );
}

#[tokio::test]
async fn the_parallel_text_gives_each_column_the_title_in_its_own_language() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Joint staff exercise W4").await;
    step(&b.az_coord, &b.ge_coord, PlanState::Negotiation).await;
    accept_both(&b, id).await;
    // Written after the consents: a translation resets none.
    for (client, lang, title) in [
        (&b.az_planner, concord_shared::Lang::Az, "Birgə qərargah təlimi W4"),
        (&b.ge_planner, concord_shared::Lang::Ka, "ერთობლივი საშტაბო სწავლება W4"),
    ] {
        let text = concord_shared::api::TextInput {
            title: title.into(),
            description: String::new(),
        };
        client
            .put_activity_text(id, lang, concord_client::NEW_TEXT, &text)
            .await
            .expect("written");
    }
    let parallel = pages(&b.ge_coord.plan_document(YEAR, "az,ka").await.expect("PDF")).join(" ");
    for title in ["Birgə qərargah təlimi W4", "ერთობლივი საშტაბო სწავლება W4"]
    {
        assert!(parallel.contains(title), "{title} in the parallel text: {parallel}");
    }
    assert!(
        !parallel.contains("Joint staff exercise W4"),
        "no English in an az,ka document"
    );
    let ka = pages(&b.ge_coord.plan_document(YEAR, "ka").await.expect("PDF")).join(" ");
    assert!(ka.contains("ერთობლივი საშტაბო სწავლება W4") && !ka.contains("Birgə qərargah"));
    let en = pages(&b.ge_coord.plan_document(YEAR, "en").await.expect("PDF")).join(" ");
    assert!(
        en.contains("Joint staff exercise W4") && !en.contains("W4 ["),
        "the original, unmarked"
    );
}

#[tokio::test]
async fn a_signed_version_prints_as_frozen_with_its_signatures_and_hash_and_no_draft_mark() {
    let app = spawn_app().await;
    let b = board(&app).await;
    agreed(&b).await;
    sign(&b.az_coord, "Zakir Həsənov").await.expect("AZ signs");
    sign(&b.ge_coord, "ირაკლი ჩიქოვანი").await.expect("GE signs");
    let v1 = b.ge_planner.plan_version(YEAR, 1).await.expect("v1");

    let version = pages(&b.ge_planner.version_document(YEAR, 1, "az,en").await.expect("PDF"));
    let current = pages(&b.ge_planner.plan_document(YEAR, "az,en").await.expect("PDF"));
    assert_eq!(version, current, "the signed plan prints as its signed version");
    let all = version.join(" ");
    for (i, page) in version.iter().enumerate() {
        assert!(
            page.contains(&v1.info.sha256),
            "page {} carries the version's SHA-256",
            i + 1
        );
        assert!(
            !page.contains("DRAFT") && !page.contains("LAYİHƏ"),
            "no draft mark on page {}",
            i + 1
        );
    }
    for text in [
        "Zakir Həsənov",
        "ირაკლი ჩიქოვანი",
        "Minister of Defence",
        "Tbilisi",
        "20 noyabr 2026",
        "Staff talks in Baku",
    ] {
        assert!(all.contains(text), "{text} in the signed version");
    }
    assert_eq!(
        b.ge_planner
            .version_document(YEAR, 2, "en")
            .await
            .expect_err("no v2")
            .status,
        404
    );
}

#[tokio::test]
async fn the_execution_report_prints_with_its_figures_once_the_plan_is_signed() {
    let app = spawn_app().await;
    let b = board(&app).await;
    agreed(&b).await;
    assert_eq!(
        b.az_planner
            .report_document(YEAR, "en")
            .await
            .expect_err("unsigned")
            .status,
        409
    );
    sign(&b.az_coord, "Zakir Həsənov").await.expect("AZ signs");
    sign(&b.ge_coord, "ირაკლი ჩიქოვანი").await.expect("GE signs");

    let en = pages(&b.ge_planner.report_document(YEAR, "en").await.expect("PDF")).join(" ");
    for text in [
        "Execution report of the 2027 plan, signed version 1",
        "Execution rate: 0% held (0 of 2 activities)",
        "Execution per area of co-operation",
        "Reciprocity in the signed plan",
        "Page 1 of 1",
    ] {
        assert!(en.contains(text), "{text} in {en}");
    }
    let ka = pages(&b.ge_planner.report_document(YEAR, "ka,en").await.expect("PDF")).join(" ");
    assert!(ka.contains("შესრულების ანგარიში") && ka.contains("Execution report"));
}

/// The records of an RFC 4180 file (quoted fields, doubled quotes, CRLF).
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

/// Without `?lang=`, the plan prints in the user's stored language.
#[tokio::test]
async fn the_plan_prints_in_the_users_stored_language_when_none_is_asked() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.ge_planner, KA_TITLE).await;
    let first = |pages: Vec<String>| pages[0].chars().take(150).collect::<String>();
    let english = first(pages(&b.ge_planner.plan_document(YEAR, "").await.expect("PDF")));
    assert_eq!(
        english,
        first(pages(&b.ge_planner.plan_document(YEAR, "en").await.expect("PDF")))
    );

    b.ge_planner
        .set_language(concord_shared::Lang::Ka)
        .await
        .expect("language");
    let stored = first(pages(&b.ge_planner.plan_document(YEAR, "").await.expect("PDF")));
    assert_eq!(
        stored,
        first(pages(&b.ge_planner.plan_document(YEAR, "ka").await.expect("PDF")))
    );
    assert_ne!(stored, english);
    // An explicit language still wins.
    let asked = first(pages(&b.ge_planner.plan_document(YEAR, "en").await.expect("PDF")));
    assert_eq!(asked, english);
}

#[tokio::test]
async fn the_activity_list_exports_as_csv_with_the_lists_filters_and_visibility() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.az_planner, "Seminar, \"Caucasus\" edition").await;
    shared(&b.ge_planner, KA_TITLE).await;
    b.ge_planner
        .create_activity(YEAR, &draft("GE private draft X9"))
        .await
        .expect("draft");

    for (client, sees_draft) in [(&b.az_planner, false), (&b.ge_planner, true)] {
        let bytes = client.activities_csv(YEAR, "ka", "sort=title").await.expect("CSV");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let text = text.strip_prefix('\u{FEFF}').expect("a byte order mark");
        let records = csv_records(text);
        assert_eq!(records[0][0], "საცნობარო კოდი");
        let filter = concord_client::ActivityFilter {
            sort: Some("title".into()),
            ..Default::default()
        };
        let listed = client.activities(YEAR, &filter).await.expect("list").items;
        assert_eq!(records.len() - 1, listed.len());
        for (record, activity) in records[1..].iter().zip(&listed) {
            assert_eq!(record.len(), records[0].len());
            assert_eq!(record[0], activity.reference.clone().unwrap_or_default());
            assert_eq!(record[1], activity.text_in(concord_shared::Lang::Ka).title);
            assert_eq!(record[5], activity.host_party.label(concord_shared::Lang::Ka));
            assert_eq!(
                record[11],
                concord_shared::paper::lists::consent_label(activity.consent, concord_shared::Lang::Ka),
                "the consent state in words, not its code"
            );
        }
        assert_eq!(text.contains("GE private draft X9"), sees_draft);
        assert!(text.contains("\"Seminar, \"\"Caucasus\"\" edition\""));
    }
    let only_ge = b
        .az_planner
        .activities_csv(YEAR, "en", "proposer=ge")
        .await
        .expect("CSV");
    let only_ge = csv_records(String::from_utf8_lossy(&only_ge).trim_start_matches('\u{FEFF}'));
    assert_eq!(only_ge.len(), 2, "the header and the one shared GE activity");
    assert_eq!(only_ge[1][1], KA_TITLE);
    let err = b.az_planner.activities_csv(YEAR, "ru", "").await.expect_err("lang");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "lang"));
    let err = b
        .az_planner
        .activities_csv(YEAR, "en", "colour=red")
        .await
        .expect_err("filter");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "colour"));
}
