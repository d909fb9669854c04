//! Serves the built single-page app: hashed assets from the static directory
//! (pre-compressed `.br` files when present) and `index.html` for every other
//! path, so client-side routes survive a reload.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;

/// Where the SPA lives.
#[derive(Clone)]
pub struct SpaDir(pub PathBuf);

/// A router serving the SPA from `dir`.
pub fn router(dir: PathBuf) -> Router {
    let index = get(index_html).with_state(SpaDir(dir.clone()));
    let assets = ServeDir::new(&dir)
        .precompressed_br()
        .append_index_html_on_directories(false)
        .fallback(index.clone());
    Router::new().route("/", index).fallback_service(assets)
}

async fn index_html(State(SpaDir(dir)): State<SpaDir>) -> Response {
    match tokio::fs::read_to_string(dir.join("index.html")).await {
        Ok(html) => {
            let csp = page_csp(&html);
            let mut response = (StatusCode::OK, Body::from(html)).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            if let Ok(value) = HeaderValue::from_str(&csp) {
                headers.insert(header::CONTENT_SECURITY_POLICY, value);
            }
            response
        }
        Err(_) => not_built(&dir),
    }
}

fn not_built(dir: &Path) -> Response {
    let text = format!(
        "The Concord web app is not built in {}. Run `cargo xtask run`, or set CONCORD_STATIC_DIR.\n",
        dir.display()
    );
    (StatusCode::SERVICE_UNAVAILABLE, text).into_response()
}

/// The page's CSP: scripts only from this origin plus the inline start-up
/// scripts of this very `index.html` (by hash), wasm compilation allowed,
/// nothing else.
pub fn page_csp(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
        })
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of the inline `<script>` elements of a page (those without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = &after[tag_end + 1..];
        let Some(close) = body_start.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&body_start[..close]);
        }
        rest = &body_start[close + "</script>".len()..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_csp_allows_exactly_the_inline_start_up_script() {
        let html = r#"<html><head><script type="module" nonce="x">import init from '/app.js';await init();</script>
            <script src="/other.js"></script></head></html>"#;
        let csp = page_csp(html);
        let digest = Sha256::digest(b"import init from '/app.js';await init();");
        let expected = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
        assert!(csp.contains(&expected), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 1);
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
