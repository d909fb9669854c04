//! The typed client of Concord's HTTP API. One method per operation; every
//! error comes back as the shared [`Problem`] type, whether the server sent
//! one or the request failed on the way. Works natively and in the browser
//! (wasm32, through `fetch`).
//!
//! Natively the client keeps the session cookie after [`Client::login`] and
//! sends the CSRF header and `Origin` the server expects from its own web
//! app; [`Client::with_token`] authenticates with an API token instead.

use concord_shared::Lang;
use concord_shared::Problem;
use concord_shared::api::{
    Activity, ActivityCard, ActivityCounts, ActivityPatch, AuditEntry, CarryOver, Comment, ConsentRequest,
    CreatedToken, ExecutionReport, ExecutionUpdate, Health, HistoryEntry, LoginRequest, Me, NewActivity, NewComment,
    NewPlan, NewSignature, NewToken, NewUser, Page, PasswordChange, PasswordReset, Plan, PlanVersionDetail,
    PlanVersionInfo, Reference, SessionView, SummaryUpdate, TokenView, TransitionRequest, UserPatch, UserView,
    VersionComparison,
};
use concord_shared::api::{ActivityText, TextInput};
use concord_shared::api::{
    Authority, AuthorityChange, Document, DocumentOwner, Instrument, InstrumentInput, NewNotification, Notification,
    NotificationReceipt,
};
use concord_shared::api::{CalendarFeed, CreatedCalendarFeed, ImportPreview, ImportResult, NewCalendarFeed};
use concord_shared::problem::PROBLEM_CONTENT_TYPE;
mod alerts;
#[cfg(not(target_arch = "wasm32"))]
mod events;
mod inbox;
mod webhooks;
#[cfg(not(target_arch = "wasm32"))]
pub use events::{EventStream, StreamEvent};
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(target_arch = "wasm32")]
use fetch as http;
#[cfg(not(target_arch = "wasm32"))]
use reqwest as http;

use http::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;

/// An error from the client: the server's problem, or a transport failure
/// reported in the same shape (status 0).
pub type ClientError = Problem;

/// The header the server requires on cookie-authenticated writes.
pub const CSRF_HEADER: &str = "x-concord-csrf";

/// The version to pass to [`Client::put_activity_text`] for a text not
/// written yet (sent as `If-Match: *`).
pub const NEW_TEXT: i64 = 0;

/// Sends the version a write was based on.
trait IfMatch {
    fn if_match(self, version: i64) -> Self;
}

impl IfMatch for RequestBuilder {
    fn if_match(self, version: i64) -> Self {
        self.header("if-match", format!("\"{version}\""))
    }
}

/// A resource together with its version (the `ETag`), to send back in `If-Match`.
#[derive(Debug, Clone, PartialEq)]
pub struct Versioned<T> {
    /// The resource.
    pub value: T,
    /// Its version.
    pub version: i64,
}

/// A client of one Concord server.
#[derive(Clone, Debug)]
pub struct Client {
    http: http::Client,
    base: String,
    token: Option<String>,
}

impl Client {
    /// A client of the server at `base_url` (e.g. `http://127.0.0.1:8080`).
    pub fn new(base_url: impl Into<String>) -> Client {
        Client {
            http: build_http(),
            base: base_url.into().trim_end_matches('/').to_owned(),
            token: None,
        }
    }

    /// A client that authenticates with an API token (`Authorization: Bearer`).
    pub fn with_token(base_url: impl Into<String>, token: impl Into<String>) -> Client {
        let mut client = Client::new(base_url);
        client.token = Some(token.into());
        client
    }

    /// The same credentials (session cookie or token) at another instance
    /// of the same Concord, e.g. a second backend behind one proxy.
    pub fn at(&self, base_url: impl Into<String>) -> Client {
        Client {
            http: self.http.clone(),
            base: base_url.into().trim_end_matches('/').to_owned(),
            token: self.token.clone(),
        }
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        // Every method but GET changes something (the client never sends HEAD).
        let unsafe_method = method != Method::GET;
        let mut req = self
            .http
            .request(method, format!("{}{}", self.base, path))
            .header("accept", "application/json");
        if let Some(token) = &self.token {
            req = req.bearer_auth(token);
        } else if unsafe_method {
            req = req.header(CSRF_HEADER, "1");
            // The browser sets Origin itself (and forbids scripts to); a
            // native client says it speaks for the server's own origin.
            #[cfg(not(target_arch = "wasm32"))]
            {
                req = req.header("origin", self.base.as_str());
            }
        }
        req
    }

    /// `HTTP GET /api/v1/ready`: whether this instance can serve (database
    /// reachable, schema current).
    pub async fn ready(&self) -> Result<concord_shared::api::Readiness, ClientError> {
        json(self.request(Method::GET, "/api/v1/ready").send().await).await
    }

    /// `HTTP GET /api/v1/health`: whether the service and its database answer.
    pub async fn health(&self) -> Result<Health, ClientError> {
        json(self.request(Method::GET, "/api/v1/health").send().await).await
    }

    /// `HTTP GET /api/v1/reference`: the agreement, parties, areas and forms with their labels.
    pub async fn reference(&self) -> Result<Reference, ClientError> {
        json(self.request(Method::GET, "/api/v1/reference").send().await).await
    }

    /// `HTTP POST /api/v1/auth/login`: signs in; the session cookie is kept.
    pub async fn login(&self, username: &str, password: &str) -> Result<Me, ClientError> {
        let body = LoginRequest {
            username: username.to_owned(),
            password: password.to_owned(),
        };
        json(
            self.request(Method::POST, "/api/v1/auth/login")
                .json(&body)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/auth/logout`: ends the session on the server.
    pub async fn logout(&self) -> Result<(), ClientError> {
        empty(self.request(Method::POST, "/api/v1/auth/logout").send().await).await
    }

    /// `HTTP GET /api/v1/me`: who the caller is.
    pub async fn me(&self) -> Result<Me, ClientError> {
        json(self.request(Method::GET, "/api/v1/me").send().await).await
    }

    /// `HTTP PUT /api/v1/me/language`: stores the caller's language of the interface.
    pub async fn set_language(&self, language: concord_shared::Lang) -> Result<Me, ClientError> {
        let body = concord_shared::api::LanguageChoice { language };
        json(
            self.request(Method::PUT, "/api/v1/me/language")
                .json(&body)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/me/password`: changes the caller's password; their other sessions end.
    pub async fn change_password(&self, current: &str, new: &str) -> Result<(), ClientError> {
        let body = PasswordChange {
            current_password: current.to_owned(),
            new_password: new.to_owned(),
        };
        empty(
            self.request(Method::POST, "/api/v1/me/password")
                .json(&body)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/me/sessions`: the caller's live sessions.
    pub async fn sessions(&self) -> Result<Vec<SessionView>, ClientError> {
        json(self.request(Method::GET, "/api/v1/me/sessions").send().await).await
    }

    /// `HTTP DELETE /api/v1/me/sessions/{id}`: revokes one of the caller's sessions.
    pub async fn revoke_session(&self, id: &str) -> Result<(), ClientError> {
        empty(
            self.request(Method::DELETE, &format!("/api/v1/me/sessions/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/users`: the users of the caller's party.
    pub async fn users(&self) -> Result<Vec<UserView>, ClientError> {
        json(self.request(Method::GET, "/api/v1/users").send().await).await
    }

    /// `HTTP POST /api/v1/users`: creates a user in the caller's party.
    pub async fn create_user(&self, new: &NewUser) -> Result<Versioned<UserView>, ClientError> {
        versioned(self.request(Method::POST, "/api/v1/users").json(new).send().await).await
    }

    /// `HTTP GET /api/v1/users/{id}`: one user of the caller's party.
    pub async fn user(&self, id: i64) -> Result<Versioned<UserView>, ClientError> {
        versioned(self.request(Method::GET, &format!("/api/v1/users/{id}")).send().await).await
    }

    /// `HTTP PATCH /api/v1/users/{id}`: changes a user at the version the caller read.
    pub async fn update_user(
        &self,
        id: i64,
        version: i64,
        patch: &UserPatch,
    ) -> Result<Versioned<UserView>, ClientError> {
        let req = self
            .request(Method::PATCH, &format!("/api/v1/users/{id}"))
            .if_match(version);
        versioned(req.json(patch).send().await).await
    }

    /// `HTTP POST /api/v1/users/{id}/password`: sets a new password; the user's sessions end.
    pub async fn reset_password(&self, id: i64, new_password: &str) -> Result<(), ClientError> {
        let body = PasswordReset {
            new_password: new_password.to_owned(),
        };
        empty(
            self.request(Method::POST, &format!("/api/v1/users/{id}/password"))
                .json(&body)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/tokens`: the API tokens of the caller's party.
    pub async fn tokens(&self) -> Result<Vec<TokenView>, ClientError> {
        json(self.request(Method::GET, "/api/v1/tokens").send().await).await
    }

    /// `HTTP POST /api/v1/tokens`: creates a token; the secret is in this answer only.
    pub async fn create_token(&self, new: &NewToken) -> Result<CreatedToken, ClientError> {
        json(self.request(Method::POST, "/api/v1/tokens").json(new).send().await).await
    }

    /// `HTTP DELETE /api/v1/tokens/{id}`: revokes a token.
    pub async fn revoke_token(&self, id: &str) -> Result<(), ClientError> {
        empty(
            self.request(Method::DELETE, &format!("/api/v1/tokens/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/calendar-feeds`: the caller's calendar feeds, newest first.
    pub async fn calendar_feeds(&self) -> Result<Vec<CalendarFeed>, ClientError> {
        json(self.request(Method::GET, "/api/v1/calendar-feeds").send().await).await
    }

    /// `HTTP POST /api/v1/calendar-feeds`: a new feed; its path (with the secret) is in this answer only.
    pub async fn create_calendar_feed(&self, new: &NewCalendarFeed) -> Result<CreatedCalendarFeed, ClientError> {
        json(
            self.request(Method::POST, "/api/v1/calendar-feeds")
                .json(new)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP DELETE /api/v1/calendar-feeds/{id}`: revokes one of the caller's feeds.
    pub async fn revoke_calendar_feed(&self, id: &str) -> Result<(), ClientError> {
        empty(
            self.request(Method::DELETE, &format!("/api/v1/calendar-feeds/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/feeds/<secret>.ics?lang=`: a calendar feed's text, read as a
    /// calendar program reads it (`path` as [`Client::create_calendar_feed`] gave it).
    pub async fn calendar_feed(&self, path: &str, lang: &str) -> Result<String, ClientError> {
        let bytes = self.bytes(&format!("{path}?lang={lang}")).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// `HTTP GET /api/v1/audit`: a page of the audit entries the caller may read, newest first.
    pub async fn audit(&self, offset: u64, limit: u64) -> Result<Page<AuditEntry>, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/audit?offset={offset}&limit={limit}"))
                .send()
                .await,
        )
        .await
    }
}

/// Filters, sorting and paging of `GET /api/v1/plans/{year}/activities` (all optional).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ActivityFilter {
    /// Area code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<concord_shared::CooperationArea>,
    /// Form code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<concord_shared::CooperationForm>,
    /// Consent state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<concord_shared::plan::ConsentState>,
    /// Execution status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution: Option<concord_shared::api::ExecutionStatus>,
    /// Proposing party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposer: Option<concord_shared::Party>,
    /// Host party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<concord_shared::Party>,
    /// Month 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Only what needs the caller's party.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub awaiting_my_party: bool,
    /// `reference`, `title`, `start`, `area`, `form`, `host`, `proposer`, `consent`, `updated`; `-` for descending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// Items to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Items per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl ActivityFilter {
    /// The query string (without `?`).
    pub fn query_string(&self) -> String {
        query_string(self)
    }
}

/// Filters and paging of `GET /api/v1/instruments` (all optional).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct InstrumentFilter {
    /// Free text in the title or number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<concord_shared::api::InstrumentKind>,
    /// Status as of today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<concord_shared::api::InstrumentStatus>,
    /// Year of signature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Items to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Items per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl InstrumentFilter {
    /// The query string (without `?`).
    pub fn query_string(&self) -> String {
        query_string(self)
    }
}

/// A flat struct's fields as a query string (without `?`).
fn query_string<T: serde::Serialize>(value: &T) -> String {
    {
        let Ok(serde_json::Value::Object(map)) = serde_json::to_value(value) else {
            return String::new();
        };
        map.iter()
            .map(|(k, v)| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                format!("{k}={}", encode(&text))
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes a query value.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Client {
    /// `HTTP GET /api/v1/plans`: every plan, newest year first.
    pub async fn plans(&self) -> Result<Vec<Plan>, ClientError> {
        json(self.request(Method::GET, "/api/v1/plans").send().await).await
    }

    /// `HTTP POST /api/v1/plans`: creates the plan for a year (coordinators).
    pub async fn create_plan(&self, year: i32) -> Result<Versioned<Plan>, ClientError> {
        versioned(
            self.request(Method::POST, "/api/v1/plans")
                .json(&NewPlan { year })
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/plans/{year}`: one plan, with what blocks its next step.
    pub async fn plan(&self, year: i32) -> Result<Versioned<Plan>, ClientError> {
        versioned(self.request(Method::GET, &format!("/api/v1/plans/{year}")).send().await).await
    }

    /// `HTTP POST /api/v1/plans/{year}/transitions`: proposes, confirms, declines or withdraws a step.
    pub async fn transition(
        &self,
        year: i32,
        version: i64,
        request: &TransitionRequest,
    ) -> Result<Versioned<Plan>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/plans/{year}/transitions"));
        versioned(req.if_match(version).json(request).send().await).await
    }

    /// `HTTP POST /api/v1/plans/{year}/signatures`: records the caller's party's signature.
    pub async fn sign_plan(
        &self,
        year: i32,
        version: i64,
        signature: &NewSignature,
    ) -> Result<Versioned<Plan>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/plans/{year}/signatures"));
        versioned(req.if_match(version).json(signature).send().await).await
    }

    /// `HTTP POST /api/v1/plans/{year}/amendments`: opens an amendment of a signed plan.
    pub async fn open_amendment(&self, year: i32, version: i64) -> Result<Versioned<Plan>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/plans/{year}/amendments"));
        versioned(req.if_match(version).send().await).await
    }

    /// `HTTP GET /api/v1/plans/{year}/versions`: the signed versions.
    pub async fn plan_versions(&self, year: i32) -> Result<Vec<PlanVersionInfo>, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/plans/{year}/versions"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/plans/{year}/versions/{number}`: one signed version and its snapshot.
    pub async fn plan_version(&self, year: i32, number: i32) -> Result<PlanVersionDetail, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/plans/{year}/versions/{number}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/plans/{year}/versions/compare`: what changed between two versions.
    pub async fn compare_versions(&self, year: i32, from: i32, to: i32) -> Result<VersionComparison, ClientError> {
        let path = format!("/api/v1/plans/{year}/versions/compare?from={from}&to={to}");
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP GET /api/v1/plans/{year}/activities`: a page of the activities the caller may see.
    pub async fn activities(&self, year: i32, filter: &ActivityFilter) -> Result<Page<Activity>, ClientError> {
        let path = format!("/api/v1/plans/{year}/activities?{}", filter.query_string());
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP GET /api/v1/plans/{year}/activities/cards`: a page of the plan's
    /// activities as a list draws them (no descriptions, no sides).
    pub async fn activity_cards(&self, year: i32, filter: &ActivityFilter) -> Result<Page<ActivityCard>, ClientError> {
        let path = format!("/api/v1/plans/{year}/activities/cards?{}", filter.query_string());
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP GET /api/v1/plans/{year}/activities/counts`: counts per state, area, form and host party.
    pub async fn activity_counts(&self, year: i32, filter: &ActivityFilter) -> Result<ActivityCounts, ClientError> {
        let path = format!("/api/v1/plans/{year}/activities/counts?{}", filter.query_string());
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP POST /api/v1/plans/{year}/activities`: drafts an activity of the caller's party.
    pub async fn create_activity(&self, year: i32, new: &NewActivity) -> Result<Versioned<Activity>, ClientError> {
        versioned(
            self.request(Method::POST, &format!("/api/v1/plans/{year}/activities"))
                .json(new)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/activities/{id}`: one activity.
    pub async fn activity(&self, id: i64) -> Result<Versioned<Activity>, ClientError> {
        versioned(
            self.request(Method::GET, &format!("/api/v1/activities/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP PATCH /api/v1/activities/{id}`: edits an activity at the version read.
    pub async fn update_activity(
        &self,
        id: i64,
        version: i64,
        patch: &ActivityPatch,
    ) -> Result<Versioned<Activity>, ClientError> {
        let req = self.request(Method::PATCH, &format!("/api/v1/activities/{id}"));
        versioned(req.if_match(version).json(patch).send().await).await
    }

    /// `HTTP DELETE /api/v1/activities/{id}`: deletes a never-shared draft.
    pub async fn delete_activity(&self, id: i64, version: i64) -> Result<(), ClientError> {
        let req = self.request(Method::DELETE, &format!("/api/v1/activities/{id}"));
        empty(req.if_match(version).send().await).await
    }

    /// `HTTP POST /api/v1/activities/{id}/share`: shares a draft (or re-shares after revision).
    pub async fn share_activity(&self, id: i64, version: i64) -> Result<Versioned<Activity>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/activities/{id}/share"));
        versioned(req.if_match(version).send().await).await
    }

    /// `HTTP PUT /api/v1/activities/{id}/texts/{lang}`: writes the activity's
    /// text in `lang` at the text's `version` ([`NEW_TEXT`] for one not written yet).
    pub async fn put_activity_text(
        &self,
        id: i64,
        lang: Lang,
        version: i64,
        text: &TextInput,
    ) -> Result<Versioned<ActivityText>, ClientError> {
        let path = format!("/api/v1/activities/{id}/texts/{}", lang.code());
        let req = self.request(Method::PUT, &path);
        let req = if version == NEW_TEXT {
            req.header("if-match", "*")
        } else {
            req.if_match(version)
        };
        versioned(req.json(text).send().await).await
    }

    /// `HTTP POST /api/v1/activities/{id}/texts/{lang}/confirm`: confirms an
    /// outdated translation is still correct.
    pub async fn confirm_activity_text(
        &self,
        id: i64,
        lang: Lang,
        version: i64,
    ) -> Result<Versioned<ActivityText>, ClientError> {
        let path = format!("/api/v1/activities/{id}/texts/{}/confirm", lang.code());
        versioned(self.request(Method::POST, &path).if_match(version).send().await).await
    }

    /// `HTTP POST /api/v1/activities/{id}/withdraw`: the proposer withdraws a shared activity.
    pub async fn withdraw_activity(&self, id: i64, version: i64) -> Result<Versioned<Activity>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/activities/{id}/withdraw"));
        versioned(req.if_match(version).send().await).await
    }

    /// `HTTP POST /api/v1/activities/{id}/consent`: a coordinator's decision with a comment.
    pub async fn consent(
        &self,
        id: i64,
        version: i64,
        request: &ConsentRequest,
    ) -> Result<Versioned<Activity>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/activities/{id}/consent"));
        versioned(req.if_match(version).json(request).send().await).await
    }

    /// `HTTP POST /api/v1/activities/{id}/execution`: the host party reports execution.
    pub async fn set_execution(
        &self,
        id: i64,
        version: i64,
        update: &ExecutionUpdate,
    ) -> Result<Versioned<Activity>, ClientError> {
        let req = self.request(Method::POST, &format!("/api/v1/activities/{id}/execution"));
        versioned(req.if_match(version).json(update).send().await).await
    }

    /// `HTTP PUT /api/v1/activities/{id}/summary`: the caller's party's after-action summary.
    pub async fn set_summary(&self, id: i64, version: i64, summary: &str) -> Result<Versioned<Activity>, ClientError> {
        let req = self.request(Method::PUT, &format!("/api/v1/activities/{id}/summary"));
        let body = SummaryUpdate {
            summary: summary.to_owned(),
        };
        versioned(req.if_match(version).json(&body).send().await).await
    }

    /// `HTTP GET /api/v1/plans/{year}/report`: the execution report.
    pub async fn report(&self, year: i32) -> Result<ExecutionReport, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/plans/{year}/report"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/plans/{year}/carry-over`: activities not held into next year's draft.
    pub async fn carry_over(&self, year: i32, activities: Vec<i64>) -> Result<Vec<Activity>, ClientError> {
        let body = CarryOver { activities };
        json(
            self.request(Method::POST, &format!("/api/v1/plans/{year}/carry-over"))
                .json(&body)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/activities/{id}/history`: a page of the activity's history, newest first.
    pub async fn history(&self, id: i64, offset: u64, limit: u64) -> Result<Page<HistoryEntry>, ClientError> {
        json(
            self.request(
                Method::GET,
                &format!("/api/v1/activities/{id}/history?offset={offset}&limit={limit}"),
            )
            .send()
            .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/activities/{id}/comments`: the comments, oldest first.
    pub async fn comments(&self, id: i64) -> Result<Vec<Comment>, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/activities/{id}/comments"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/activities/{id}/comments`: adds a comment.
    pub async fn add_comment(&self, id: i64, body: &str) -> Result<Comment, ClientError> {
        let new = NewComment { body: body.to_owned() };
        json(
            self.request(Method::POST, &format!("/api/v1/activities/{id}/comments"))
                .json(&new)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/activities/{id}/notes`: the caller's party's internal notes.
    pub async fn notes(&self, id: i64) -> Result<Vec<Comment>, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/activities/{id}/notes"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/activities/{id}/notes`: adds an internal note (own party only).
    pub async fn add_note(&self, id: i64, body: &str) -> Result<Comment, ClientError> {
        let new = NewComment { body: body.to_owned() };
        json(
            self.request(Method::POST, &format!("/api/v1/activities/{id}/notes"))
                .json(&new)
                .send()
                .await,
        )
        .await
    }
}

/// The instruments register, competent authorities, diplomatic notifications and documents.
impl Client {
    /// `HTTP GET /api/v1/instruments`: a page of the register, filtered, the Agreement first.
    pub async fn instruments(&self, filter: &InstrumentFilter) -> Result<Page<Instrument>, ClientError> {
        let path = format!("/api/v1/instruments?{}", filter.query_string());
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP POST /api/v1/instruments`: records an additional agreement, protocol or minutes.
    pub async fn create_instrument(&self, input: &InstrumentInput) -> Result<Versioned<Instrument>, ClientError> {
        versioned(
            self.request(Method::POST, "/api/v1/instruments")
                .json(input)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/instruments/{id}`: one instrument.
    pub async fn instrument(&self, id: i64) -> Result<Versioned<Instrument>, ClientError> {
        versioned(
            self.request(Method::GET, &format!("/api/v1/instruments/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP PUT /api/v1/instruments/{id}`: replaces an instrument's recorded fields at the version read.
    pub async fn update_instrument(
        &self,
        id: i64,
        version: i64,
        input: &InstrumentInput,
    ) -> Result<Versioned<Instrument>, ClientError> {
        let req = self
            .request(Method::PUT, &format!("/api/v1/instruments/{id}"))
            .if_match(version);
        versioned(req.json(input).send().await).await
    }

    /// `HTTP GET /api/v1/authorities`: both parties' competent authorities over time, and the caller's party's pending changes.
    pub async fn authorities(&self) -> Result<Vec<Authority>, ClientError> {
        json(self.request(Method::GET, "/api/v1/authorities").send().await).await
    }

    /// `HTTP POST /api/v1/authorities`: enters a pending change of the caller's party's competent authority.
    pub async fn propose_authority(&self, change: &AuthorityChange) -> Result<Versioned<Authority>, ClientError> {
        versioned(
            self.request(Method::POST, "/api/v1/authorities")
                .json(change)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/authorities/{id}`: one authority entry.
    pub async fn authority(&self, id: i64) -> Result<Versioned<Authority>, ClientError> {
        versioned(
            self.request(Method::GET, &format!("/api/v1/authorities/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP PUT /api/v1/authorities/{id}`: changes a pending change at the version read.
    pub async fn update_authority(
        &self,
        id: i64,
        version: i64,
        change: &AuthorityChange,
    ) -> Result<Versioned<Authority>, ClientError> {
        let req = self
            .request(Method::PUT, &format!("/api/v1/authorities/{id}"))
            .if_match(version);
        versioned(req.json(change).send().await).await
    }

    /// `HTTP DELETE /api/v1/authorities/{id}`: drops a pending change never notified.
    pub async fn delete_authority(&self, id: i64, version: i64) -> Result<(), ClientError> {
        let req = self
            .request(Method::DELETE, &format!("/api/v1/authorities/{id}"))
            .if_match(version);
        empty(req.send().await).await
    }

    /// `HTTP GET /api/v1/notifications?offset=&limit=`: a page of the diplomatic notifications of
    /// both parties, newest first.
    pub async fn notifications(&self, offset: u64, limit: u64) -> Result<Page<Notification>, ClientError> {
        let path = format!("/api/v1/notifications?offset={offset}&limit={limit}");
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP POST /api/v1/notifications`: records a notification the caller's party sent.
    pub async fn record_notification(&self, new: &NewNotification) -> Result<Versioned<Notification>, ClientError> {
        versioned(
            self.request(Method::POST, "/api/v1/notifications")
                .json(new)
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/notifications/{id}`: one notification.
    pub async fn notification(&self, id: i64) -> Result<Versioned<Notification>, ClientError> {
        versioned(
            self.request(Method::GET, &format!("/api/v1/notifications/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP PUT /api/v1/notifications/{id}/receipt`: records receipt and acknowledgement at the version read.
    pub async fn record_receipt(
        &self,
        id: i64,
        version: i64,
        receipt: &NotificationReceipt,
    ) -> Result<Versioned<Notification>, ClientError> {
        let req = self
            .request(Method::PUT, &format!("/api/v1/notifications/{id}/receipt"))
            .if_match(version);
        versioned(req.json(receipt).send().await).await
    }

    /// `HTTP GET /api/v1/documents?owner=&owner_id=`: the documents attached to something the caller may see.
    pub async fn documents(&self, owner: DocumentOwner, owner_id: i64) -> Result<Vec<Document>, ClientError> {
        let path = format!("/api/v1/documents?owner={}&owner_id={owner_id}", owner.code());
        json(self.request(Method::GET, &path).send().await).await
    }

    /// `HTTP POST /api/v1/documents?owner=&owner_id=&filename=`: uploads a file as the raw body;
    /// `content_type` is what the caller claims it is (the server checks the bytes).
    pub async fn upload_document(
        &self,
        owner: DocumentOwner,
        owner_id: i64,
        filename: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<Document, ClientError> {
        let path = format!(
            "/api/v1/documents?owner={}&owner_id={owner_id}&filename={}",
            owner.code(),
            encode(filename)
        );
        let req = self
            .request(Method::POST, &path)
            .header("content-type", content_type)
            .body(bytes);
        json(req.send().await).await
    }

    /// `HTTP GET /api/v1/documents/{id}`: one document's record with its SHA-256.
    pub async fn document(&self, id: i64) -> Result<Document, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/documents/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/documents/{id}/content`: the file's bytes, verified against its SHA-256 by the server.
    pub async fn download_document(&self, id: i64) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!("/api/v1/documents/{id}/content")).await
    }

    /// `HTTP GET /api/v1/plans/{year}/document.pdf?lang=`: the plan as a PDF
    /// (`lang`: `en`, `az`, `ka`, `az,ka`, `az,en` or `ka,en`; empty sends none:
    /// the user's stored language applies).
    pub async fn plan_document(&self, year: i32, lang: &str) -> Result<Vec<u8>, ClientError> {
        let query = if lang.is_empty() {
            String::new()
        } else {
            format!("?lang={lang}")
        };
        self.bytes(&format!("/api/v1/plans/{year}/document.pdf{query}")).await
    }

    /// `HTTP GET /api/v1/plans/{year}/versions/{n}/document.pdf?lang=`: a signed version as a PDF.
    pub async fn version_document(&self, year: i32, number: i32, lang: &str) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!(
            "/api/v1/plans/{year}/versions/{number}/document.pdf?lang={lang}"
        ))
        .await
    }

    /// `HTTP GET /api/v1/plans/{year}/report.pdf?lang=`: the execution report as a PDF.
    pub async fn report_document(&self, year: i32, lang: &str) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!("/api/v1/plans/{year}/report.pdf?lang={lang}"))
            .await
    }

    /// `HTTP GET /api/v1/plans/{year}/activities.csv?lang=&…`: the filtered list as CSV
    /// (`query`: the list's filters as a query string, e.g. `host=ge&sort=title`, or empty;
    /// an empty `lang` sends none: the user's stored language applies).
    pub async fn activities_csv(&self, year: i32, lang: &str, query: &str) -> Result<Vec<u8>, ClientError> {
        let lang = if lang.is_empty() {
            String::new()
        } else {
            format!("lang={lang}&")
        };
        self.bytes(&format!("/api/v1/plans/{year}/activities.csv?{lang}{query}"))
            .await
    }

    /// `HTTP GET /api/v1/plans/{year}/activities.xlsx?lang=&…`: the filtered list as XLSX
    /// (`query` as for [`Client::activities_csv`]).
    pub async fn activities_xlsx(&self, year: i32, lang: &str, query: &str) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!("/api/v1/plans/{year}/activities.xlsx?lang={lang}&{query}"))
            .await
    }

    /// `HTTP GET /api/v1/instruments.{ext}?lang=&…`: the register as `csv` or `xlsx`
    /// (`query`: the register's filters, e.g. `kind=protocol`, or empty).
    pub async fn instruments_file(&self, ext: &str, lang: &str, query: &str) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!("/api/v1/instruments.{ext}?lang={lang}&{query}"))
            .await
    }

    /// `HTTP GET /api/v1/notifications.{ext}?lang=`: the notification log as `csv` or `xlsx`.
    pub async fn notifications_file(&self, ext: &str, lang: &str) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!("/api/v1/notifications.{ext}?lang={lang}")).await
    }

    /// `HTTP GET /api/v1/plans/{year}/import/template.xlsx?lang=`: the import template.
    pub async fn import_template(&self, year: i32, lang: &str) -> Result<Vec<u8>, ClientError> {
        self.bytes(&format!("/api/v1/plans/{year}/import/template.xlsx?lang={lang}"))
            .await
    }

    /// `HTTP POST /api/v1/plans/{year}/import/preview?lang=`: what an XLSX file would create; writes nothing.
    pub async fn import_preview(&self, year: i32, lang: &str, bytes: Vec<u8>) -> Result<ImportPreview, ClientError> {
        let path = format!("/api/v1/plans/{year}/import/preview?lang={lang}");
        let req = self
            .request(Method::POST, &path)
            .header("content-type", "application/octet-stream")
            .body(bytes);
        json(req.send().await).await
    }

    /// `HTTP POST /api/v1/plans/{year}/import?lang=`: every row of an XLSX file as a draft, or none.
    pub async fn import_activities(&self, year: i32, lang: &str, bytes: Vec<u8>) -> Result<ImportResult, ClientError> {
        let path = format!("/api/v1/plans/{year}/import?lang={lang}");
        let req = self
            .request(Method::POST, &path)
            .header("content-type", "application/octet-stream")
            .body(bytes);
        json(req.send().await).await
    }

    /// A GET whose answer is a file: its bytes, or the problem.
    async fn bytes(&self, path: &str) -> Result<Vec<u8>, ClientError> {
        let response = self.request(Method::GET, path).send().await.map_err(transport)?;
        let status = response.status();
        if !status.is_success() {
            return Err(problem_of(response).await);
        }
        response
            .bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(|e| Problem::new(status.as_u16(), "Unreadable response").with_detail(e.to_string()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn build_http() -> http::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn build_http() -> http::Client {
    http::Client::new()
}

/// Reads a JSON body on success, the problem otherwise.
async fn json<T: DeserializeOwned>(sent: http::Result<Response>) -> Result<T, ClientError> {
    let response = sent.map_err(transport)?;
    let status = response.status();
    if status.is_success() {
        return response
            .json::<T>()
            .await
            .map_err(|e| Problem::new(status.as_u16(), "Unreadable response").with_detail(e.to_string()));
    }
    Err(problem_of(response).await)
}

/// Reads a JSON body and the `ETag` version.
async fn versioned<T: DeserializeOwned>(sent: http::Result<Response>) -> Result<Versioned<T>, ClientError> {
    let response = sent.map_err(transport)?;
    if !response.status().is_success() {
        return Err(problem_of(response).await);
    }
    let version = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim_start_matches("W/").trim_matches('"').parse::<i64>().ok())
        .unwrap_or_default();
    let value = json(Ok(response)).await?;
    Ok(Versioned { value, version })
}

/// Succeeds on any 2xx, ignoring the body.
async fn empty(sent: http::Result<Response>) -> Result<(), ClientError> {
    let response = sent.map_err(transport)?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(problem_of(response).await)
    }
}

/// The problem a failed response carries, or one made from its status.
async fn problem_of(response: Response) -> Problem {
    let status = response.status();
    let is_problem = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE) || v.starts_with("application/json"));
    if is_problem && let Ok(problem) = response.json::<Problem>().await {
        return problem;
    }
    Problem::new(status.as_u16(), status.canonical_reason().unwrap_or("Error"))
}

fn transport(err: http::Error) -> Problem {
    Problem::new(0, "The server could not be reached").with_detail(err.to_string())
}
