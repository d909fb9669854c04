//! Completes the generated OpenAPI document so that it is valid OpenAPI 3.1
//! and exact: the answers every operation shares because of how it is
//! called (its extractors) are added here once, rather than repeated in
//! sixty annotations, and what utoipa leaves out (response descriptions,
//! unique operation ids) is filled in.
//!
//! The statuses an operation can answer follow from what it takes:
//! - a user or token (`security`): 401; a write with the session: 403 (CSRF);
//! - a JSON body: 400 (not one JSON value), 413 (too large), 415 (not JSON),
//!   422 (a field);
//! - path parameters: 404 (nothing there) and 422 (not a number);
//!   query parameters: 422;
//! - `If-Match`: 400 (malformed), 412 (stale), 428 (missing);
//! - every operation: 503 when the database is unavailable.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

/// Makes the document valid and exact; see the module's description.
pub fn complete(doc: &mut Value) {
    fix_tuples(doc);
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for item in paths.values() {
        for op in item.as_object().into_iter().flat_map(Map::values) {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                *ids.entry(id.to_owned()).or_default() += 1;
            }
        }
    }
    for item in paths.values_mut() {
        let Some(ops) = item.as_object_mut() else { continue };
        for (method, op) in ops.iter_mut() {
            unique_id(op, &ids);
            complete_operation(method, op);
        }
    }
}

/// An operation id used twice (`get` of users and of plans) is prefixed
/// with the operation's tag (`users_get`).
fn unique_id(op: &mut Value, ids: &BTreeMap<String, usize>) {
    let Some(id) = op.get("operationId").and_then(Value::as_str) else {
        return;
    };
    if ids.get(id).copied().unwrap_or_default() < 2 {
        return;
    }
    let tag = op.pointer("/tags/0").and_then(Value::as_str).unwrap_or("api");
    let fresh = format!("{tag}_{id}");
    op["operationId"] = Value::String(fresh);
}

fn complete_operation(method: &str, op: &mut Value) {
    let schemes: Vec<String> = op
        .get("security")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .flat_map(|m| m.keys().cloned())
        .collect();
    let params: Vec<(String, String)> = op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| {
            let text = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            (text("name"), text("in"))
        })
        .collect();
    let json_body = op.pointer("/requestBody/content/application~1json").is_some();
    let any_body = op.get("requestBody").is_some();
    let mut add: Vec<(u16, &str)> = vec![(503, "The database is unavailable; see Retry-After")];
    if !schemes.is_empty() {
        add.push((401, "Not signed in, or the token is not valid"));
    }
    if method != "get" && (schemes.iter().any(|s| s == "session") || schemes.is_empty()) {
        add.push((403, "Refused: the role does not allow it, or a cross-site request"));
    }
    if json_body {
        add.push((400, "The body is not one JSON value (`malformed_json`)"));
        add.push((413, "The body is too large (`payload_too_large`)"));
        add.push((415, "The body is not sent as application/json"));
        add.push((422, "A field is invalid; `errors` names it"));
    } else if any_body {
        add.push((400, "The body could not be read"));
    }
    if params.iter().any(|(_, at)| at == "path") {
        add.push((404, "Nothing here, or the caller may not see it"));
        add.push((422, "A path parameter is not valid; `errors` names it"));
    }
    if params.iter().any(|(_, at)| at == "query") {
        add.push((422, "A query parameter is not valid; `errors` names it"));
    }
    if params
        .iter()
        .any(|(name, at)| at == "header" && name.eq_ignore_ascii_case("if-match"))
    {
        add.push((400, "If-Match is not an entity-tag (`malformed_if_match`)"));
        add.push((
            412,
            "If-Match names another version; `current_version` and the ETag give the current one",
        ));
        add.push((428, "If-Match is missing"));
    }
    let responses = op
        .as_object_mut()
        .map(|o| o.entry("responses").or_insert_with(|| json!({})));
    let Some(responses) = responses.and_then(Value::as_object_mut) else {
        return;
    };
    for (status, description) in add {
        responses
            .entry(status.to_string())
            .or_insert_with(|| problem(description));
    }
    for (status, response) in responses.iter_mut() {
        let Some(response) = response.as_object_mut() else {
            continue;
        };
        if response
            .get("description")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            let reason = status
                .parse::<u16>()
                .ok()
                .and_then(|s| StatusCode::from_u16(s).ok())
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Answer");
            response.insert("description".to_owned(), Value::String(reason.to_owned()));
        }
    }
}

/// A problem+json response.
fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    })
}

/// A tuple (`prefixItems` with `items: false`) gets its length as
/// `minItems`/`maxItems` instead, which every tool reads alike.
fn fix_tuples(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(n) = map.get("prefixItems").and_then(Value::as_array).map(Vec::len)
                && map.get("items") == Some(&Value::Bool(false))
            {
                map.remove("items");
                map.insert("minItems".to_owned(), json!(n));
                map.insert("maxItems".to_owned(), json!(n));
            }
            map.values_mut().for_each(fix_tuples);
        }
        Value::Array(items) => items.iter_mut().for_each(fix_tuples),
        _ => {}
    }
}
