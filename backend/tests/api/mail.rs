//! Alert e-mail against a real SMTP server: Python's `aiosmtpd` (from PyPI,
//! installed by `cargo xtask test` into its private environment, whose
//! python it names in `CONCORD_TEST_PYTHON`), started by each test on its
//! own port; every message it receives is parsed by Python's `email` and
//! written as one JSON file, which the test reads.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use concord_backend::entities::alert::{self, outbox};
use concord_client::Client;
use concord_shared::api::{AlertPreferences, KindDelivery};
use concord_shared::{AlertDelivery, AlertKind, Lang, Party, Role};
use sea_orm::EntityTrait;
use serde::Deserialize;

use crate::alerts::settled;
use crate::helpers::{TestApp, YEAR, board, draft, shared, spawn_app_with};

const SERVER: &str = r#"
import email, email.policy, json, os, sys, uuid
from aiosmtpd.controller import Controller

out, port = sys.argv[1], int(sys.argv[2])

class Keep:
    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = {p.get_content_type(): p.get_content() for p in message.walk() if not p.is_multipart()}
        record = {"to": envelope.rcpt_tos, "subject": str(message["subject"]),
                  "text": parts.get("text/plain"), "html": parts.get("text/html")}
        path = os.path.join(out, uuid.uuid4().hex)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(path + ".tmp", path + ".json")
        return "250 OK"

controller = Controller(Keep(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
"#;

/// One received message.
#[derive(Debug, Deserialize)]
pub struct Mail {
    /// Envelope recipients.
    pub to: Vec<String>,
    /// Decoded subject.
    pub subject: String,
    /// The plain-text part.
    pub text: Option<String>,
    /// The HTML part.
    pub html: Option<String>,
}

/// A running `aiosmtpd`; stopped when dropped.
pub struct SmtpServer {
    child: Child,
    dir: tempfile::TempDir,
    /// Its `smtp://` URL.
    pub url: String,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python() -> PathBuf {
    std::env::var_os("CONCORD_TEST_PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

/// A port nobody listens on (yet).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

impl SmtpServer {
    /// Starts a server on `port`, ready when this returns.
    pub fn start(port: u16) -> SmtpServer {
        let dir = tempfile::tempdir().expect("mail dir");
        let mut child = Command::new(python())
            .arg("-c")
            .arg(SERVER)
            .arg(dir.path())
            .arg(port.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python starts (set CONCORD_TEST_PYTHON to a python with aiosmtpd; cargo xtask test does)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read");
        assert_eq!(line.trim(), "ready", "aiosmtpd did not start (is it installed?)");
        SmtpServer {
            child,
            dir,
            url: format!("smtp://127.0.0.1:{port}"),
        }
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Mail> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .expect("mail dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("mail")).expect("json"))
            .collect()
    }

    /// What was received once there are `n` messages (10 s at most).
    pub async fn wait_for(&self, n: usize) -> Vec<Mail> {
        for _ in 0..200 {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("fewer than {n} messages after 10 s");
    }
}

async fn app_mailing_to(url: &str) -> TestApp {
    app_mailing_to_with(url, &[]).await
}

/// [`app_mailing_to`], with more settings (another instance's database).
async fn app_mailing_to_with(url: &str, more: &[(&str, &str)]) -> TestApp {
    let mut settings = vec![
        ("CONCORD_SMTP_URL", url),
        ("CONCORD_MAIL_FROM", "Concord <concord@mod.example>"),
        ("CONCORD_LIVE_POLL_MS", "100"),
        ("CONCORD_MAIL_RETRY_MS", "100"),
    ];
    settings.extend_from_slice(more);
    spawn_app_with(&settings).await
}

async fn wants(client: &Client, address: &str, language: Lang, delivery: AlertDelivery) {
    client
        .set_alert_preferences(&AlertPreferences {
            email: Some(address.into()),
            language: Some(language),
            kinds: AlertKind::ALL
                .iter()
                .map(|kind| KindDelivery { kind: *kind, delivery })
                .collect(),
        })
        .await
        .expect("preferences");
}

#[tokio::test]
async fn an_email_at_once_arrives_in_the_recipients_language_with_text_and_html() {
    let smtp = SmtpServer::start(free_port());
    let app = app_mailing_to(&smtp.url).await;
    let b = board(&app).await;
    wants(&b.ge_coord, "ge.coord@mod.example", Lang::Ka, AlertDelivery::Email).await;

    let id = shared(&b.az_planner, "Staff talks in Tbilisi").await;

    let mail = smtp.wait_for(1).await;
    assert_eq!(mail.len(), 1);
    let link = format!("{}/activities/{id}", app.state.settings.public_origin);
    let label = AlertKind::AwaitingConsent.label(Lang::Ka);
    assert_eq!(mail[0].to, vec!["ge.coord@mod.example"]);
    assert!(mail[0].subject.contains(label), "{}", mail[0].subject);
    let text = mail[0].text.as_deref().expect("a plain-text part");
    let html = mail[0].html.as_deref().expect("an HTML part");
    for part in [text, html] {
        assert!(part.contains(label) && part.contains(&link), "{part}");
        assert!(!part.contains("Staff talks"), "a link, not the content: {part}");
    }
    assert!(html.contains("lang=\"ka\""));
}

/// A contact without its own e-mail language gets the user's stored language.
#[tokio::test]
async fn an_email_without_a_language_of_its_own_is_in_the_users_language() {
    let smtp = SmtpServer::start(free_port());
    let app = app_mailing_to(&smtp.url).await;
    let b = board(&app).await;
    b.ge_coord.set_language(Lang::Ka).await.expect("language");
    b.ge_coord
        .set_alert_preferences(&AlertPreferences {
            email: Some("ge.coord@mod.example".into()),
            language: None,
            kinds: AlertKind::ALL
                .iter()
                .map(|kind| KindDelivery {
                    kind: *kind,
                    delivery: AlertDelivery::Email,
                })
                .collect(),
        })
        .await
        .expect("preferences");

    shared(&b.az_planner, "Staff talks in Tbilisi").await;

    let mail = smtp.wait_for(1).await;
    let label = AlertKind::AwaitingConsent.label(Lang::Ka);
    assert!(mail[0].subject.contains(label), "{}", mail[0].subject);
    assert!(mail[0].html.as_deref().expect("html").contains("lang=\"ka\""));
}

#[tokio::test]
async fn the_daily_digest_groups_the_pending_alerts_in_one_message_once() {
    let smtp = SmtpServer::start(free_port());
    let app = app_mailing_to(&smtp.url).await;
    let b = board(&app).await;
    wants(&b.ge_coord, "ge.coord@mod.example", Lang::Az, AlertDelivery::Digest).await;
    let first = shared(&b.az_planner, "First").await;
    let second = shared(&b.az_planner, "Second").await;
    settled(&app).await;
    assert!(smtp.received().is_empty(), "a digest waits for its hour");

    assert_eq!(
        concord_backend::alerts::queue_digests(&app.state)
            .await
            .expect("digest"),
        1
    );
    let mail = smtp.wait_for(1).await;
    let text = mail[0].text.as_deref().expect("text");
    assert!(mail[0].subject.contains("Gündəlik icmalınız"), "{}", mail[0].subject);
    for id in [first, second] {
        assert!(text.contains(&format!("/activities/{id}")), "{text}");
        assert!(
            mail[0]
                .html
                .as_deref()
                .expect("html")
                .contains(&format!("/activities/{id}"))
        );
    }
    assert_eq!(
        concord_backend::alerts::queue_digests(&app.state)
            .await
            .expect("digest"),
        0
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.received().len(), 1);
}

#[tokio::test]
async fn while_smtp_is_down_nothing_is_lost_and_it_is_sent_once_when_it_returns() {
    let port = free_port();
    let app = app_mailing_to(&format!("smtp://127.0.0.1:{port}")).await;
    let b = board(&app).await;
    wants(&b.ge_coord, "ge.coord@mod.example", Lang::En, AlertDelivery::Email).await;
    let id = shared(&b.az_planner, "While down").await;

    let mut failed = false;
    for _ in 0..200 {
        let rows = outbox::Entity::find().all(&app.state.db).await.expect("outbox");
        if rows.iter().any(|r| r.attempts >= 2 && r.sent_at.is_none()) {
            failed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(failed, "the sender tried and failed at least twice");

    let smtp = SmtpServer::start(port);
    let mail = smtp.wait_for(1).await;
    assert!(
        mail[0]
            .text
            .as_deref()
            .expect("text")
            .contains(&format!("/activities/{id}"))
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(smtp.received().len(), 1, "exactly once");
    let rows = outbox::Entity::find().all(&app.state.db).await.expect("outbox");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].sent_at.is_some());
}

#[tokio::test]
async fn a_ge_user_never_gets_e_mail_about_an_az_draft_or_internal_note() {
    let smtp = SmtpServer::start(free_port());
    let app = app_mailing_to(&smtp.url).await;
    let b = board(&app).await;
    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;
    wants(&b.ge_coord, "ge.coord@mod.example", Lang::En, AlertDelivery::Email).await;
    wants(&ge_admin, "ge.admin@mod.example", Lang::En, AlertDelivery::Email).await;
    let secret = b
        .az_planner
        .create_activity(YEAR, &draft("Secret draft"))
        .await
        .expect("draft")
        .value
        .id;
    b.az_planner
        .add_comment(secret, "@ge.coordinator @ge.administrator look")
        .await
        .expect("note on a draft");
    let open = shared(&b.az_planner, "Open activity").await;
    b.az_planner
        .add_note(open, "@ge.coordinator must not know")
        .await
        .expect("note");
    settled(&app).await;

    let mail = smtp.wait_for(2).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mail = if smtp.received().len() > mail.len() {
        smtp.received()
    } else {
        mail
    };
    assert_eq!(mail.len(), 2, "one each, about the shared activity");
    for m in &mail {
        let text = m.text.as_deref().expect("text");
        assert!(text.contains(&format!("/activities/{open}")), "{text}");
        assert!(!text.contains(&secret.to_string()));
        assert!(!text.contains("Secret") && !text.contains("must not know"));
    }
}

/// Two instances on one PostgreSQL database, both following the audit log
/// and both working the outbox: every alert is made once and every e-mail
/// sent once, whichever instance made the change.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_database_send_each_email_exactly_once() {
    if !crate::helpers::on_postgres() {
        return; // One SQLite file is served by one instance.
    }
    let smtp = SmtpServer::start(free_port());
    let a = app_mailing_to(&smtp.url).await;
    let url = a.state.settings.database_url.clone();
    let b = app_mailing_to_with(&smtp.url, &[("CONCORD_DATABASE_URL", url.as_str())]).await;
    let on_a = board(&a).await;
    wants(&on_a.ge_coord, "ge.coord@mod.example", Lang::En, AlertDelivery::Email).await;
    let on_b = b.login_as(Party::Az, Role::Planner).await;
    let mut ids = Vec::new();
    for i in 0..6 {
        // Half the changes through each instance.
        let client = if i % 2 == 0 { &on_a.az_planner } else { &on_b };
        ids.push(shared(client, &format!("Activity {i}")).await);
    }
    let mail = smtp.wait_for(ids.len()).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mail_now = smtp.received();
    assert_eq!(
        mail_now.len(),
        ids.len(),
        "one e-mail per change, none twice: {}",
        mail.len()
    );
    for id in &ids {
        let link = format!("/activities/{id}");
        let carrying = mail_now
            .iter()
            .filter(|m| m.text.as_deref().is_some_and(|t| t.contains(&link)))
            .count();
        assert_eq!(carrying, 1, "{link}");
    }
    let alerts = alert::row::Entity::find().all(&a.state.db).await.expect("alerts");
    let awaiting = alerts.iter().filter(|r| r.kind == AlertKind::AwaitingConsent).count();
    assert_eq!(awaiting, ids.len(), "each alert made once");
}
