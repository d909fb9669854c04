//! An activity's texts in the parties' languages: the proposer writes the
//! original (its language or English), each party its own language as part
//! of its side (no consent reset), a change of the original outdates the
//! translations until their party confirms or updates them, agreement waits
//! for both parties' languages, search finds every language, and another
//! party's draft texts stay hidden.

use concord_client::{ActivityFilter, Client, NEW_TEXT};
use concord_shared::api::{ActivityPatch, TextInput, TransitionAction, TransitionRequest};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::{Lang, Party, Role};

use crate::helpers::{YEAR, board, draft, shared, spawn_app, translate};
use crate::versions::step;

fn text(title: &str) -> TextInput {
    TextInput {
        title: title.to_owned(),
        description: format!("{title}: the programme."),
    }
}

async fn put(client: &Client, id: i64, lang: Lang, title: &str) -> Result<i64, concord_shared::Problem> {
    let current = client
        .activity(id)
        .await?
        .value
        .text_exactly(lang)
        .map_or(NEW_TEXT, |t| t.version);
    Ok(client.put_activity_text(id, lang, current, &text(title)).await?.version)
}

#[tokio::test]
async fn the_proposer_creates_with_its_text_and_each_party_adds_its_own_language_without_resetting_consent() {
    let app = spawn_app().await;
    let b = board(&app).await;

    // The original is in the proposer's language, as its letters say, or as given.
    let mut az_text = draft("Qərargah danışıqları Bakıda");
    az_text.description = "İllik təlim proqramı üzrə danışıqlar.".into();
    let created = b
        .az_planner
        .create_activity(YEAR, &az_text)
        .await
        .expect("created")
        .value;
    assert_eq!(created.text_lang, Lang::Az);
    assert_eq!(created.texts.len(), 1);
    let original = &created.texts[0];
    assert_eq!(
        (
            original.lang,
            original.party,
            original.outdated,
            original.title.as_str()
        ),
        (Lang::Az, Party::Az, false, "Qərargah danışıqları Bakıda")
    );
    let mut georgian = draft("სამთო მომზადება");
    georgian.lang = Some(Lang::Ka);
    let refused = b
        .az_planner
        .create_activity(YEAR, &georgian)
        .await
        .expect_err("not AZ's language");
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .errors
            .iter()
            .any(|e| e.field == "lang" && e.code == "not_yours"),
        "{refused:?}"
    );
    let mut english = draft("Qərargah");
    english.lang = Some(Lang::En);
    assert_eq!(
        b.az_planner
            .create_activity(YEAR, &english)
            .await
            .expect("en")
            .value
            .text_lang,
        Lang::En
    );

    // Shared and accepted by both; Georgia adds its Georgian text.
    let id = shared(&b.az_planner, "Joint staff exercise").await;
    step(&b.az_coord, &b.ge_coord, PlanState::Negotiation).await;
    for client in [&b.az_coord, &b.ge_coord] {
        let current = client.activity(id).await.expect("a");
        let accept = concord_shared::api::ConsentRequest {
            decision: concord_shared::api::ConsentDecision::Accept,
            comment: String::new(),
        };
        client.consent(id, current.version, &accept).await.expect("accepted");
    }
    let before = b.ge_planner.activity(id).await.expect("a").value;
    let written = b
        .ge_planner
        .put_activity_text(id, Lang::Ka, NEW_TEXT, &text("ერთობლივი საშტაბო სწავლება"))
        .await
        .expect("Georgia writes Georgian");
    assert_eq!((written.value.party, written.value.outdated), (Party::Ge, false));
    let after = b.az_coord.activity(id).await.expect("a").value;
    assert_eq!(after.consent, ConsentState::Accepted, "a translation resets no consent");
    assert_eq!(after.version, before.version, "the activity's own row is not written");
    let ka = after.text_exactly(Lang::Ka).expect("the Georgian text");
    assert_eq!(ka.title, "ერთობლივი საშტაბო სწავლება");
    assert!(!ka.written_by.is_empty(), "who wrote it");
    assert_eq!(after.text_in(Lang::Ka).title, "ერთობლივი საშტაბო სწავლება");
    let fallback = after.text_in(Lang::Az);
    assert_eq!(
        (fallback.title, fallback.lang, fallback.fallback),
        ("Joint staff exercise", Lang::En, true)
    );

    // Each party its own language only; viewers none; versions are checked.
    let not_yours = b
        .ge_planner
        .put_activity_text(id, Lang::Az, NEW_TEXT, &text("Birgə təlim"))
        .await
        .expect_err("Azerbaijani is AZ's");
    assert_eq!((not_yours.status, not_yours.code.as_str()), (403, "not_your_field"));
    let en = b
        .ge_planner
        .put_activity_text(id, Lang::En, NEW_TEXT, &text("Renamed"))
        .await
        .expect_err("English is the proposer's");
    assert_eq!(en.status, 403);
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;
    assert_eq!(
        viewer
            .put_activity_text(id, Lang::Ka, NEW_TEXT, &text("x"))
            .await
            .expect_err("a viewer")
            .status,
        403
    );
    let stale = b
        .ge_coord
        .put_activity_text(id, Lang::Ka, written.version + 5, &text("სხვა"))
        .await
        .expect_err("stale");
    assert_eq!(stale.status, 412);
    let corrected = b
        .ge_coord
        .put_activity_text(id, Lang::Ka, written.version, &text("ერთობლივი შტაბური სწავლება"))
        .await
        .expect("a coordinator corrects it");
    assert_eq!(corrected.version, written.version + 1);
    assert_eq!(
        b.az_planner.activity(id).await.expect("a").value.consent,
        ConsentState::Accepted
    );
    let history = b.az_planner.history(id, 0, 50).await.expect("history");
    assert!(history.items.iter().any(|h| h.action == "activity.text"), "audited");
}

#[tokio::test]
async fn a_change_of_the_original_outdates_the_translations_until_confirmed_or_updated() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Joint staff exercise").await;
    put(&b.ge_planner, id, Lang::Ka, "ერთობლივი საშტაბო სწავლება")
        .await
        .expect("ka");
    put(&b.az_planner, id, Lang::Az, "Birgə qərargah təlimi")
        .await
        .expect("az");

    // A substantive change of the English original by the proposer.
    let current = b.az_planner.activity(id).await.expect("a");
    let retitle = ActivityPatch {
        title: Some("Joint staff exercise in Ganja".into()),
        ..Default::default()
    };
    let after = b
        .az_planner
        .update_activity(id, current.version, &retitle)
        .await
        .expect("edited")
        .value;
    assert!(after.text_exactly(Lang::Ka).expect("ka").outdated);
    assert!(after.text_exactly(Lang::Az).expect("az").outdated);
    let en = after.text_exactly(Lang::En).expect("the original");
    assert_eq!(
        (en.title.as_str(), en.outdated),
        ("Joint staff exercise in Ganja", false)
    );

    // Georgia confirms its translation still holds; once only.
    let ka = after.text_exactly(Lang::Ka).expect("ka").version;
    let confirmed = b
        .ge_planner
        .confirm_activity_text(id, Lang::Ka, ka)
        .await
        .expect("confirmed");
    assert!(!confirmed.value.outdated);
    let again = b
        .ge_planner
        .confirm_activity_text(id, Lang::Ka, confirmed.version)
        .await
        .expect_err("nothing to confirm");
    assert_eq!((again.status, again.code.as_str()), (409, "text_not_outdated"));
    let az_version = after.text_exactly(Lang::Az).expect("az").version;
    assert_eq!(
        b.ge_planner
            .confirm_activity_text(id, Lang::Az, az_version)
            .await
            .expect_err("not Georgia's")
            .status,
        403
    );

    // Writing the original through its language is the same substantive edit.
    let en_version = after.text_exactly(Lang::En).expect("en").version;
    b.az_planner
        .put_activity_text(id, Lang::En, en_version, &text("Staff exercise in Ganja"))
        .await
        .expect("the original rewritten");
    let after = b.ge_planner.activity(id).await.expect("a").value;
    assert_eq!(after.title, "Staff exercise in Ganja");
    assert!(after.text_exactly(Lang::Ka).expect("ka").outdated);
    put(&b.ge_planner, id, Lang::Ka, "საშტაბო სწავლება განჯაში")
        .await
        .expect("updated");
    assert!(
        !b.ge_planner
            .activity(id)
            .await
            .expect("a")
            .value
            .text_exactly(Lang::Ka)
            .expect("ka")
            .outdated
    );
}

async fn propose_agreed(client: &Client) -> Result<PlanState, concord_shared::Problem> {
    let plan = client.plan(YEAR).await.expect("plan");
    let request = TransitionRequest {
        action: TransitionAction::Propose,
        to: Some(PlanState::Agreed),
        reason: None,
    };
    client
        .transition(YEAR, plan.version, &request)
        .await
        .map(|p| p.value.state)
}

#[tokio::test]
async fn agreement_waits_for_every_accepted_activitys_texts_in_both_languages_up_to_date() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let first = shared(&b.az_planner, "Staff talks in Baku").await;
    let second = shared(&b.ge_planner, "Mountain training in Sachkhere").await;
    step(&b.az_coord, &b.ge_coord, PlanState::Negotiation).await;
    for id in [first, second] {
        for client in [&b.az_coord, &b.ge_coord] {
            let current = client.activity(id).await.expect("a");
            let accept = concord_shared::api::ConsentRequest {
                decision: concord_shared::api::ConsentDecision::Accept,
                comment: String::new(),
            };
            client.consent(id, current.version, &accept).await.expect("accepted");
        }
    }
    put(&b.az_planner, first, Lang::Az, "Bakıda qərargah danışıqları")
        .await
        .expect("az");

    let plan = b.ge_coord.plan(YEAR).await.expect("plan").value;
    let gaps: Vec<_> = plan
        .blockers
        .iter()
        .filter(|x| x.code.starts_with("translations_"))
        .map(|x| (x.code.as_str(), x.party, x.count))
        .collect();
    assert_eq!(
        gaps,
        vec![
            ("translations_missing", Some(Party::Az), Some(1)),
            ("translations_missing", Some(Party::Ge), Some(2)),
        ]
    );
    let refused = propose_agreed(&b.ge_coord).await.expect_err("texts missing");
    assert_eq!(
        (refused.status, refused.code.as_str()),
        (409, "translations_incomplete")
    );
    assert_eq!(refused.params["missing_az"], 1);
    assert_eq!(refused.params["missing_ka"], 2);
    assert_eq!(refused.params["outdated_ka"], 0);

    translate(&b.az_planner, &b.ge_planner, first).await;
    translate(&b.az_planner, &b.ge_planner, second).await;
    // GE's English original changes: both translations of it (AZ's
    // Azerbaijani, GE's own Georgian) are outdated, and the consents reset;
    // both accept the new wording again.
    let current = b.ge_planner.activity(second).await.expect("a");
    let retitle = ActivityPatch {
        title: Some("Mountain training in Sachkhere and Gori".into()),
        ..Default::default()
    };
    b.ge_planner
        .update_activity(second, current.version, &retitle)
        .await
        .expect("edited");
    accept_both_without_texts(&b.az_coord, &b.ge_coord, second).await;
    let refused = propose_agreed(&b.az_coord)
        .await
        .expect_err("the translations are outdated");
    assert_eq!(refused.code, "translations_incomplete");
    assert_eq!(
        (
            refused.params["outdated_az"].as_u64(),
            refused.params["outdated_ka"].as_u64(),
            refused.params["missing_ka"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    let plan = b.az_coord.plan(YEAR).await.expect("plan").value;
    assert!(
        plan.blockers
            .iter()
            .any(|x| x.code == "translations_outdated" && x.party == Some(Party::Az) && x.count == Some(1)),
        "{:?}",
        plan.blockers
    );
    let az = b.az_planner.activity(second).await.expect("a").value;
    let version = az.text_exactly(Lang::Az).expect("az").version;
    b.az_planner
        .confirm_activity_text(second, Lang::Az, version)
        .await
        .expect("still correct");
    let refused = propose_agreed(&b.az_coord).await.expect_err("Georgian still outdated");
    assert_eq!(refused.params["outdated_ka"].as_u64(), Some(1));
    put(&b.ge_planner, second, Lang::Ka, "სამთო მომზადება საჩხერესა და გორში")
        .await
        .expect("updated");
    assert_eq!(propose_agreed(&b.az_coord).await, Ok(PlanState::Negotiation));
}

async fn accept_both_without_texts(az: &Client, ge: &Client, id: i64) {
    for client in [az, ge] {
        let current = client.activity(id).await.expect("a");
        let accept = concord_shared::api::ConsentRequest {
            decision: concord_shared::api::ConsentDecision::Accept,
            comment: String::new(),
        };
        client.consent(id, current.version, &accept).await.expect("accepted");
    }
}

#[tokio::test]
async fn search_finds_every_language_and_a_partys_draft_texts_stay_its_own() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Joint staff exercise").await;
    put(&b.ge_planner, id, Lang::Ka, "მთის ერთობლივი სწავლება")
        .await
        .expect("ka");
    let found = |client: &Client, q: &str| {
        let client = client.clone();
        let q = q.to_owned();
        async move {
            let filter = ActivityFilter {
                q: Some(q),
                ..Default::default()
            };
            client
                .activities(YEAR, &filter)
                .await
                .expect("list")
                .items
                .iter()
                .map(|a| a.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        found(&b.az_planner, "მთის ერთობლივი").await,
        vec![id],
        "by the Georgian title"
    );
    assert_eq!(found(&b.ge_coord, "ᲛᲗᲘᲡ").await, vec![id], "Georgian capitals fold");

    // An AZ draft's texts: never seen, found or written by Georgia.
    let private = b
        .az_planner
        .create_activity(YEAR, &draft("Secret logistics idea"))
        .await
        .expect("draft")
        .value
        .id;
    put(&b.az_planner, private, Lang::Az, "Gizli logistika ideyası")
        .await
        .expect("az");
    assert!(found(&b.ge_coord, "Gizli logistika").await.is_empty());
    assert_eq!(found(&b.az_planner, "Gizli logistika").await, vec![private]);
    for (lang, client) in [(Lang::Ka, &b.ge_planner), (Lang::Az, &b.ge_coord)] {
        let refused = client
            .put_activity_text(private, lang, NEW_TEXT, &text("x"))
            .await
            .expect_err("hidden");
        assert_eq!(refused.status, 404);
        let refused = client
            .confirm_activity_text(private, lang, 1)
            .await
            .expect_err("hidden");
        assert_eq!(refused.status, 404);
    }
}

#[tokio::test]
async fn existing_texts_become_the_proposers_language_or_english_as_their_letters_say() {
    use concord_migrations::{Migrator, MigratorTrait};
    use sea_orm::ConnectionTrait;

    let app = spawn_app().await;
    let b = board(&app).await;
    let az = b
        .az_planner
        .create_activity(YEAR, &draft("AZ one"))
        .await
        .expect("az")
        .value
        .id;
    let ge = b
        .ge_planner
        .create_activity(YEAR, &draft("GE one"))
        .await
        .expect("ge")
        .value
        .id;
    let mixed = b
        .az_planner
        .create_activity(YEAR, &draft("AZ two"))
        .await
        .expect("az2")
        .value
        .id;
    // Back to the schema before texts per language (000130, and every
    // later one), with texts as they were written then.
    crate::helpers::back_before(&app.state.db, "m20261203_000130_activity_texts").await;
    for (id, title) in [
        (az, "Qərargah danışıqları"),
        (ge, "სამთო მომზადება"),
        (mixed, "სამთო მომზადება"),
    ] {
        app.state
            .db
            .execute_unprepared(&format!(
                "UPDATE activities SET title = '{title}' WHERE public_id = {id}"
            ))
            .await
            .expect("the old text");
    }
    Migrator::up(&app.state.db, None).await.expect("up");
    for (id, lang, party) in [
        (az, Lang::Az, Party::Az),
        (ge, Lang::Ka, Party::Ge),
        // Georgian written by AZ is not AZ's language: kept as English.
        (mixed, Lang::En, Party::Az),
    ] {
        let client = if party == Party::Ge {
            &b.ge_planner
        } else {
            &b.az_planner
        };
        let a = client.activity(id).await.expect("activity").value;
        assert_eq!(a.text_lang, lang, "{}", a.title);
        let original = a.text_exactly(lang).expect("the original's row");
        assert_eq!((original.party, original.title.as_str()), (party, a.title.as_str()));
        assert_eq!(a.texts.len(), 1);
    }
}
