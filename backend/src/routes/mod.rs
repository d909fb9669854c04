//! The HTTP routes: thin handlers over the model layer. Each operation is
//! annotated for the OpenAPI document, which is built from the same router.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::Response;
use axum::routing::any;
use concord_shared::Problem;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::problem_response;
use crate::state::AppState;

mod activities;
mod alerts;
mod audit;
mod auth;
mod authorities;
pub mod docs;
mod documents;
mod events;
mod exports;
mod feeds;
mod health;
mod imports;
mod inbox;
mod instruments;
mod openapi;
mod plans;
mod reference;
mod sheets;
mod texts;
mod tokens;
mod users;
mod webhooks;

/// The base of the OpenAPI document; operations are added from the router.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Concord API",
        description = "The joint planning board of the Ministries of Defence of Azerbaijan and Georgia. \
                       Errors are application/problem+json (RFC 9457). Updates need If-Match with the ETag you read.",
    ),
    modifiers(&Security),
    // The body of every webhook delivery: no operation answers it, an
    // integrator's endpoint receives it.
    components(schemas(concord_shared::api::WebhookEvent)),
    tags(
        (name = "system", description = "Health and reference data"),
        (name = "auth", description = "Signing in and out, the current user, sessions"),
        (name = "users", description = "Users of the administrator's own party"),
        (name = "tokens", description = "API tokens of the administrator's own party"),
        (name = "webhooks", description = "Webhooks of the administrator's own party: signed deliveries of changes to integrators"),
        (name = "audit", description = "The audit log"),
        (name = "events", description = "The live stream of changes (Server-Sent Events)"),
        (name = "alerts", description = "The signed-in user's alerts (not the diplomatic notifications) and how they are delivered"),
        (name = "inbox", description = "The work queue: everything that awaits the caller's party and role"),
        (name = "plans", description = "Annual co-operation plans and their steps under the rule of two"),
        (name = "activities", description = "Activities: drafts, sharing, consent, comments, internal notes"),
        (name = "authorities", description = "Competent authorities over time and the diplomatic notifications that change them"),
        (name = "documents", description = "Files attached to instruments, notifications, activities and authority entries"),
        (name = "instruments", description = "The register of instruments: the Agreement, additional agreements, signed plans and amendments, protocols, minutes"),
    )
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "concord_session",
                "The session cookie set by POST /api/v1/auth/login (named __Host-concord_session over HTTPS). \
                 Writes also need the X-Concord-Csrf header and an allowed Origin.",
            ))),
        );
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token"))
                    .build(),
            ),
        );
    }
}

/// The API's routes and the OpenAPI document describing exactly them.
pub fn api() -> (Router<AppState>, OpenApiDoc) {
    let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(health::ready))
        .routes(routes!(reference::reference))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::me))
        .routes(routes!(auth::change_password))
        .routes(routes!(auth::set_language))
        .routes(routes!(auth::list_sessions))
        .routes(routes!(auth::revoke_session))
        .routes(routes!(users::list, users::create))
        .routes(routes!(users::get, users::update))
        .routes(routes!(users::reset_password))
        .routes(routes!(tokens::list, tokens::create))
        .routes(routes!(tokens::revoke))
        .routes(routes!(webhooks::list, webhooks::create))
        .routes(routes!(webhooks::get, webhooks::update, webhooks::delete))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::redeliver))
        .routes(routes!(feeds::list_feeds, feeds::create_feed))
        .routes(routes!(feeds::revoke_feed))
        .routes(routes!(feeds::read_feed))
        .routes(routes!(audit::list))
        .routes(routes!(events::stream))
        .routes(routes!(alerts::list))
        .routes(routes!(alerts::unread))
        .routes(routes!(alerts::read_one))
        .routes(routes!(alerts::read_all))
        .routes(routes!(alerts::preferences, alerts::set_preferences))
        .routes(routes!(inbox::list))
        .routes(routes!(inbox::count))
        .routes(routes!(plans::list, plans::create))
        .routes(routes!(plans::get))
        .routes(routes!(plans::transition))
        .routes(routes!(plans::activities, plans::create_activity))
        .routes(routes!(plans::counts))
        .routes(routes!(plans::activity_cards))
        .routes(routes!(inbox::bulk_decide))
        .routes(routes!(plans::sign))
        .routes(routes!(plans::amend))
        .routes(routes!(plans::versions_list))
        .routes(routes!(plans::version))
        .routes(routes!(plans::compare))
        .routes(routes!(plans::report))
        .routes(routes!(plans::carry_over))
        .routes(routes!(exports::plan_document))
        .routes(routes!(exports::version_document))
        .routes(routes!(exports::report_document))
        .routes(routes!(imports::template))
        .routes(routes!(imports::preview))
        .routes(routes!(imports::confirm))
        .routes(routes!(sheets::activities_csv))
        .routes(routes!(sheets::activities_xlsx))
        .routes(routes!(sheets::instruments_csv))
        .routes(routes!(sheets::instruments_xlsx))
        .routes(routes!(sheets::notifications_csv))
        .routes(routes!(sheets::notifications_xlsx))
        .routes(routes!(activities::execution))
        .routes(routes!(activities::summary))
        .routes(routes!(activities::get, activities::update, activities::delete))
        .routes(routes!(activities::share))
        .routes(routes!(activities::withdraw))
        .routes(routes!(activities::consent))
        .routes(routes!(texts::put_text))
        .routes(routes!(texts::confirm_text))
        .routes(routes!(activities::history))
        .routes(routes!(activities::list_comments, activities::add_comment))
        .routes(routes!(activities::list_notes, activities::add_note))
        .routes(routes!(instruments::list, instruments::create))
        .routes(routes!(instruments::get, instruments::update))
        .routes(routes!(authorities::list_authorities, authorities::propose_authority))
        .routes(routes!(
            authorities::get_authority,
            authorities::update_authority,
            authorities::delete_authority
        ))
        .routes(routes!(
            authorities::list_notifications,
            authorities::record_notification
        ))
        .routes(routes!(authorities::get_notification))
        .routes(routes!(authorities::notification_receipt))
        .routes(routes!(documents::list, documents::upload))
        .routes(routes!(documents::get))
        .routes(routes!(documents::content))
        .split_for_parts();
    let router = router
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(crate::extract::JSON_BODY_LIMIT))
        .layer(middleware::map_response(ensure_problem));
    (router, doc)
}

/// Every error of the API is problem+json: an error answered otherwise (a
/// rejection of axum's or a layer's in plain text) is rewritten, keeping its
/// status and headers, with a code derived from the status.
async fn ensure_problem(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if is_problem || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let title = status.canonical_reason().unwrap_or("Error");
    let code = title.to_ascii_lowercase().replace([' ', '-'], "_");
    tracing::warn!(
        status = status.as_u16(),
        "an error left without problem+json; rewritten"
    );
    let (mut parts, _) = response.into_parts();
    let fresh = problem_response(&Problem::new(status.as_u16(), title).with_code(code));
    let (fresh_parts, body) = fresh.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    for name in [header::CONTENT_TYPE] {
        if let Some(value) = fresh_parts.headers.get(&name) {
            parts.headers.insert(name, value.clone());
        }
    }
    Response::from_parts(parts, body)
}

/// Unknown paths under `/api` answer a 404 problem, never the SPA.
async fn api_not_found() -> Response {
    problem_response(
        &Problem::new(StatusCode::NOT_FOUND.as_u16(), "Not Found")
            .with_code("not_found")
            .with_detail("No API operation has this path. See /api/v1/openapi.json."),
    )
}

async fn method_not_allowed() -> Response {
    problem_response(
        &Problem::new(StatusCode::METHOD_NOT_ALLOWED.as_u16(), "Method Not Allowed")
            .with_code("method_not_allowed")
            .with_detail("This path does not accept this HTTP method."),
    )
}
