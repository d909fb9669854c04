//! An activity's title and description in one language: each party writes
//! its own (`az` AZ, `ka` GE, `en` the proposer) and confirms an outdated
//! translation after the original changed.

use axum::extract::State;
use axum::response::IntoResponse;
use concord_shared::Lang;
use concord_shared::Problem;
use concord_shared::api::{ActivityText, TextInput};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, IfMatch, etagged};
use crate::models::texts;
use crate::state::AppState;

/// Writes the activity's text in `lang`. The owning party's planners and
/// coordinators: Azerbaijani AZ, Georgian GE, English the proposer. Writing
/// the original (the language it was created in) edits the substance (both
/// consents reset, the other texts become outdated); any other language is
/// the party's side and resets nothing. `If-Match` is the text's version,
/// `*` for a text not written yet.
#[utoipa::path(put, path = "/api/v1/activities/{id}/texts/{lang}", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("lang" = Lang, Path), ("If-Match" = String, Header, description = "The text's version, or * for a new text")),
    request_body = TextInput,
    responses(
        (status = 200, body = ActivityText, headers(("ETag" = String, description = "The text's version"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_text(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath((id, lang)): ApiPath<(i64, Lang)>,
    IfMatch(version): IfMatch,
    ApiJson(input): ApiJson<TextInput>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(texts::put(&caller, &state, id, lang, version, input).await?))
}

/// Confirms that an outdated translation is still correct after the
/// original changed (409 `text_not_outdated` when it is up to date).
/// `If-Match` is the text's version.
#[utoipa::path(post, path = "/api/v1/activities/{id}/texts/{lang}/confirm", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("lang" = Lang, Path), ("If-Match" = String, Header, description = "The text's version")),
    responses(
        (status = 200, body = ActivityText, headers(("ETag" = String, description = "The text's version"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn confirm_text(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath((id, lang)): ApiPath<(i64, Lang)>,
    IfMatch(version): IfMatch,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(texts::confirm(&caller, &state, id, lang, version).await?))
}
