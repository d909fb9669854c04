//! The API's own documentation: the OpenAPI 3.1 document and a readable page
//! rendered from it on the server (no script, no CDN). Both are public, like
//! the web app's static files: they describe the API, they hold no data.

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use serde_json::Value;
use sha2::{Digest, Sha256};

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b2430;line-height:1.5}\
h1{margin-bottom:0}code{background:#f3f5f8;padding:0 .25rem;border-radius:3px}\
section{border:1px solid #d5dbe3;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}\
.m{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#0b6e4f}.post{color:#1f3a5f}.patch{color:#8a5a00}.delete{color:#a4161a}\
table{border-collapse:collapse}td,th{border-bottom:1px solid #e6e9ee;padding:.2rem .6rem;text-align:left;vertical-align:top}";

/// The documentation routes: `/api/v1/openapi.json` and `/api/docs`.
pub fn router<S: Clone + Send + Sync + 'static>(doc: &utoipa::openapi::OpenApi) -> Router<S> {
    let mut value = serde_json::to_value(doc).unwrap_or(Value::Null);
    super::openapi::complete(&mut value);
    let json = Arc::new(serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned()));
    let page = Arc::new(render(&value));
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let json = json.clone();
                async move { ([(header::CONTENT_TYPE, "application/json")], json.as_str().to_owned()) }
            }),
        )
        .route(
            "/api/docs",
            get(move || {
                let page = page.clone();
                async move { docs_page(&page) }
            }),
        )
}

fn docs_page(page: &str) -> Response {
    let mut response = Html(page.to_owned()).into_response();
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
    let csp = format!(
        "default-src 'none'; style-src 'sha256-{hash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn schema_name(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    if let Some(items) = schema.get("items") {
        return format!("[{}]", schema_name(items));
    }
    schema
        .get("type")
        .map(|t| t.to_string().replace('"', ""))
        .unwrap_or_else(|| "object".to_owned())
}

/// Renders the OpenAPI document as one HTML page.
fn render(doc: &Value) -> String {
    let mut out = String::new();
    let title = doc.pointer("/info/title").and_then(Value::as_str).unwrap_or("API");
    let description = doc
        .pointer("/info/description")
        .and_then(Value::as_str)
        .unwrap_or_default();
    out.push_str(&format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title><style>{STYLE}</style></head><body>\
         <h1>{t}</h1><p>{d}</p><p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>",
        t = esc(title),
        d = esc(description)
    ));
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(ops) = item.as_object() else { continue };
            for (method, op) in ops {
                let summary = op.get("summary").and_then(Value::as_str).unwrap_or_default();
                let detail = op.get("description").and_then(Value::as_str).unwrap_or_default();
                out.push_str(&format!(
                    "<section><h2><span class=\"m {m}\">{M}</span> <code>{p}</code></h2><p>{s}</p>",
                    m = esc(method),
                    M = esc(&method.to_uppercase()),
                    p = esc(path),
                    s = esc(if summary.is_empty() { detail } else { summary })
                ));
                if let Some(params) = op.get("parameters").and_then(Value::as_array) {
                    out.push_str("<table><tr><th>parameter</th><th>in</th><th>type</th></tr>");
                    for p in params {
                        out.push_str(&format!(
                            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                            esc(p.get("name").and_then(Value::as_str).unwrap_or_default()),
                            esc(p.get("in").and_then(Value::as_str).unwrap_or_default()),
                            esc(&p.get("schema").map(schema_name).unwrap_or_default())
                        ));
                    }
                    out.push_str("</table>");
                }
                if let Some(body) = op.pointer("/requestBody/content/application~1json/schema") {
                    out.push_str(&format!("<p>Body: <code>{}</code></p>", esc(&schema_name(body))));
                }
                if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                    out.push_str("<table><tr><th>status</th><th>answer</th></tr>");
                    for (status, r) in responses {
                        let body = r
                            .get("content")
                            .and_then(Value::as_object)
                            .and_then(|c| c.values().next())
                            .and_then(|m| m.get("schema"))
                            .map(schema_name)
                            .unwrap_or_default();
                        let text = r.get("description").and_then(Value::as_str).unwrap_or_default();
                        out.push_str(&format!(
                            "<tr><td>{}</td><td><code>{}</code> {}</td></tr>",
                            esc(status),
                            esc(&body),
                            esc(text)
                        ));
                    }
                    out.push_str("</table>");
                }
                out.push_str("</section>");
            }
        }
    }
    out.push_str("</body></html>");
    out
}
