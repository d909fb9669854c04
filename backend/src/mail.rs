//! E-mail of alerts: written in the recipient's language, plain text and
//! HTML, carrying what happened, who acted and a link, never the content of
//! the thing (the link shows it to whoever may see it). Messages are
//! rendered when queued into `alert_outbox`; a background task sends what is
//! due over SMTP (`lettre`) and retries a failure with exponential backoff,
//! so when the SMTP server is down nothing is lost and everything goes when
//! it returns.

use chrono::Utc;
use concord_shared::Lang;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::entities::alert::{outbox, row};
use crate::error::AppError;
use crate::state::AppState;

/// A message ready to queue.
pub struct Rendered {
    /// Subject.
    pub subject: String,
    /// Plain-text part.
    pub text: String,
    /// HTML part.
    pub html: String,
}

/// How long a sender holds a message it is sending before another may try it.
const CLAIM_SECONDS: i64 = 120;
/// The longest wait between two attempts.
const MAX_BACKOFF_SECONDS: i64 = 3600;

struct Words {
    subject: &'static str,
    digest: &'static str,
    by: &'static str,
    open: &'static str,
    activity: &'static str,
    plan: &'static str,
    footer: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            subject: "Concord",
            digest: "Your daily digest",
            by: "by",
            open: "Open",
            activity: "activity",
            plan: "annual cooperation plan",
            footer: "You receive this because of your alert preferences in Concord.",
        },
        Lang::Az => Words {
            subject: "Concord",
            digest: "Gündəlik icmalınız",
            by: "icraçı:",
            open: "Açmaq",
            activity: "tədbir",
            plan: "illik əməkdaşlıq planı",
            footer: "Bu məktub Concord-dakı xəbərdarlıq seçimlərinizə görə göndərilib.",
        },
        Lang::Ka => Words {
            subject: "Concord",
            digest: "თქვენი ყოველდღიური დაიჯესტი",
            by: "შემსრულებელი:",
            open: "გახსნა",
            activity: "ღონისძიება",
            plan: "თანამშრომლობის წლიური გეგმა",
            footer: "ეს წერილი გამოგეგზავნათ Concord-ში თქვენი ცნობების პარამეტრების მიხედვით.",
        },
    }
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One line of an alert: kind, what, who; and its absolute link.
fn line(origin: &str, lang: Lang, alert: &row::Model) -> (String, String) {
    let w = words(lang);
    let kind = alert.kind.label(lang);
    let thing = match alert.entity_type.as_str() {
        "plan" => format!("{} {}", w.plan, alert.entity_id.as_deref().unwrap_or_default()),
        _ => w.activity.to_owned(),
    };
    let party = alert
        .actor_party
        .map(|p| format!(" ({})", p.short()))
        .unwrap_or_default();
    let text = format!("{kind}: {thing}, {} {}{party}", w.by, alert.actor_label);
    let url = format!(
        "{}{}",
        origin.trim_end_matches('/'),
        concord_shared::rules::alerts::alert_link(alert.kind, &alert.entity_type, alert.entity_id.as_deref())
    );
    (text, url)
}

fn html_page(lang: Lang, title: &str, items: &[(String, String)]) -> String {
    let w = words(lang);
    let list: String = items
        .iter()
        .map(|(text, url)| format!("<li>{} — <a href=\"{}\">{}</a></li>", esc(text), esc(url), esc(w.open)))
        .collect();
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><h1>{}</h1><ul>{list}</ul><p>{}</p></body></html>",
        lang.code(),
        esc(title),
        esc(title),
        esc(w.footer)
    )
}

/// The e-mail of one alert, sent at once.
pub fn one(origin: &str, lang: Lang, alert: &row::Model) -> Rendered {
    let w = words(lang);
    let (text, url) = line(origin, lang, alert);
    let kind = alert.kind.label(lang);
    let subject = format!("{}: {kind}", w.subject);
    Rendered {
        text: format!("{text}\n{}: {url}\n\n{}\n", w.open, w.footer),
        html: html_page(lang, &subject, &[(text, url)]),
        subject,
    }
}

/// The daily digest of a person's pending alerts.
pub fn digest(origin: &str, lang: Lang, alerts: &[row::Model]) -> Rendered {
    let w = words(lang);
    let items: Vec<(String, String)> = alerts.iter().map(|a| line(origin, lang, a)).collect();
    let subject = format!("{}: {} ({})", w.subject, w.digest, alerts.len());
    let mut text = format!("{}\n\n", w.digest);
    for (line, url) in &items {
        text.push_str(&format!("- {line}\n  {url}\n"));
    }
    text.push_str(&format!("\n{}\n", w.footer));
    Rendered {
        html: html_page(lang, w.digest, &items),
        subject,
        text,
    }
}

/// Queues a message inside the caller's transaction.
pub async fn queue<C: ConnectionTrait>(conn: &C, user_id: i32, to: &str, message: Rendered) -> Result<(), AppError> {
    let now = Utc::now();
    outbox::ActiveModel {
        user_id: Set(user_id),
        to_address: Set(to.to_owned()),
        subject: Set(message.subject),
        text_body: Set(message.text),
        html_body: Set(message.html),
        attempts: Set(0),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The wait after the `attempts`-th failure: base × 2^(attempts−1), at most an hour.
pub fn backoff(base: std::time::Duration, attempts: i32) -> chrono::Duration {
    let factor = 1_i64 << attempts.clamp(1, 20).saturating_sub(1);
    let ms = i64::try_from(base.as_millis())
        .unwrap_or(i64::MAX)
        .saturating_mul(factor);
    chrono::Duration::milliseconds(ms.min(MAX_BACKOFF_SECONDS * 1000))
}

/// The SMTP transport of `CONCORD_SMTP_URL`.
pub fn transport(url: &str) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    Ok(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
        .timeout(Some(std::time::Duration::from_secs(20)))
        .build())
}

fn build(from: &Mailbox, row: &outbox::Model) -> anyhow::Result<Message> {
    Ok(Message::builder()
        .from(from.clone())
        .to(row.to_address.parse()?)
        .subject(row.subject.clone())
        .multipart(MultiPart::alternative_plain_html(
            row.text_body.clone(),
            row.html_body.clone(),
        ))?)
}

/// Sends every due message once; returns how many the server accepted.
pub async fn send_due(
    state: &AppState,
    smtp: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
) -> Result<u64, AppError> {
    let now = Utc::now();
    let due = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox::Column::Id)
        .limit(20)
        .all(&state.db)
        .await?;
    let mut sent = 0;
    for message in due {
        // Claim it, so that another process's sender leaves it alone.
        let tx = state.write().await?;
        let claimed = outbox::Entity::update_many()
            .col_expr(
                outbox::Column::NextAttemptAt,
                sea_orm::sea_query::Expr::value(Utc::now() + chrono::Duration::seconds(CLAIM_SECONDS)),
            )
            .filter(outbox::Column::Id.eq(message.id))
            .filter(outbox::Column::SentAt.is_null())
            .filter(outbox::Column::NextAttemptAt.eq(message.next_attempt_at))
            .exec(&*tx)
            .await?;
        tx.commit().await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let result = match build(from, &message) {
            Ok(email) => smtp.send(email).await.map(|_| ()).map_err(anyhow::Error::from),
            Err(error) => Err(error),
        };
        let tx = state.write().await?;
        let mut active: outbox::ActiveModel = message.clone().into();
        match result {
            Ok(()) => {
                active.sent_at = Set(Some(Utc::now()));
                sent += 1;
            }
            Err(error) => {
                let attempts = message.attempts + 1;
                tracing::warn!(%error, id = message.id, attempts, "sending an alert e-mail; will retry");
                active.attempts = Set(attempts);
                active.last_error = Set(Some(error.to_string().chars().take(500).collect()));
                active.next_attempt_at = Set(Utc::now() + backoff(state.settings.mail_retry, attempts));
            }
        }
        active.update(&*tx).await?;
        tx.commit().await?;
    }
    Ok(sent)
}

/// The sender: works the outbox until the server stops (only when
/// `CONCORD_SMTP_URL` is set; otherwise e-mail waits in the outbox).
pub async fn follow(state: AppState, url: String, from: Mailbox) {
    let smtp = match transport(&url) {
        Ok(t) => t,
        Err(error) => {
            tracing::error!(%error, "CONCORD_SMTP_URL is not usable; alert e-mail stays in the outbox");
            return;
        }
    };
    let mut closing = state.events.closing();
    let tick = state.settings.live_poll.min(std::time::Duration::from_secs(5));
    loop {
        if *closing.borrow_and_update() {
            return;
        }
        if let Err(error) = send_due(&state, &smtp, &from).await {
            tracing::warn!(%error, "working the alert outbox");
        }
        tokio::select! {
            () = tokio::time::sleep(tick) => {}
            _ = closing.changed() => return,
        }
    }
}
