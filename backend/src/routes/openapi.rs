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
    text_patterns(doc);
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

/// Free-text fields: line feeds and tabs allowed (`concord_shared::text::Lines::Multi`).
const MULTI_LINE: &[&str] = &[
    "description",
    "reason",
    "comment",
    "summary",
    "body",
    "subject",
    "acknowledgement",
    "procedures",
    "password",
    "current_password",
    "new_password",
];

/// What a single-line text may hold: no control characters, no bidi controls.
const SINGLE_LINE: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";
/// A single-line text that must say something: a visible character among
/// what [`SINGLE_LINE`] allows (white space and invisible characters do not
/// count, as `Check::line` trims them).
const SINGLE_LINE_VISIBLE: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*\
[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u115F\\u1160\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u3164\\uFEFF\\uFFA0]\
[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";
/// An `If-Match` the server reads as one (RFC 9110): `*` or an entity-tag,
/// strong or weak; anything else is 400 `malformed_if_match`.
const IF_MATCH: &str = "^(\\*|(W/)?\"[!#-~]*\")$";
/// What a multi-line text may hold: no control characters but `\n` and `\t`.
const MULTI: &str = "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$";

/// Says in the document what `concord_shared::text` refuses: every free
/// string of a request (body field, path or query parameter) gets the
/// pattern of its kind of text.
fn text_patterns(doc: &mut Value) {
    let mut requested = std::collections::BTreeSet::new();
    let mut stack: Vec<String> = Vec::new();
    let refs = |v: &Value, out: &mut Vec<String>| collect_refs(v, out);
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for op in paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|o| o.values_mut())
        {
            if let Some(body) = op.get("requestBody") {
                refs(body, &mut stack);
            }
            for p in op
                .get_mut("parameters")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                let name = p.get("name").and_then(Value::as_str).unwrap_or_default();
                let if_match = name.eq_ignore_ascii_case("if-match");
                // Any If-None-Match is read: a tag the server does not know
                // (or not a tag at all) matches nothing, and the answer is 200.
                if name.eq_ignore_ascii_case("if-none-match") {
                    continue;
                }
                if let Some(schema) = p.get_mut("schema") {
                    if if_match && let Some(map) = schema.as_object_mut() {
                        map.insert("pattern".to_owned(), Value::String(IF_MATCH.to_owned()));
                    }
                    pattern_for(schema, SINGLE_LINE);
                }
            }
        }
    }
    let Some(schemas) = doc.pointer_mut("/components/schemas").and_then(Value::as_object_mut) else {
        return;
    };
    while let Some(name) = stack.pop() {
        if requested.insert(name.clone())
            && let Some(schema) = schemas.get(&name)
        {
            refs(schema, &mut stack);
        }
    }
    for name in requested {
        if let Some(schema) = schemas.get_mut(&name) {
            patterns_in(schema);
        }
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.rsplit('/').next())
            {
                out.push(name.to_owned());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// The string properties of a request schema (and its nested objects).
fn patterns_in(schema: &mut Value) {
    for key in ["allOf", "oneOf", "anyOf"] {
        for part in schema.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten() {
            patterns_in(part);
        }
    }
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, prop) in props.iter_mut() {
        let pattern = if MULTI_LINE.contains(&name.as_str()) {
            MULTI
        } else {
            SINGLE_LINE
        };
        pattern_for(prop, pattern);
        patterns_in(prop);
    }
}

/// Adds the pattern to a free string schema (no enum, format or pattern of its own).
fn pattern_for(schema: &mut Value, pattern: &str) {
    let Some(map) = schema.as_object_mut() else { return };
    let is_string = match map.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => false,
    };
    if is_string && !map.contains_key("enum") && !map.contains_key("format") && !map.contains_key("pattern") {
        let must_say_something = pattern == SINGLE_LINE && map.get("minLength").and_then(Value::as_u64) >= Some(1);
        let pattern = if must_say_something {
            SINGLE_LINE_VISIBLE
        } else {
            pattern
        };
        map.insert("pattern".to_owned(), Value::String(pattern.to_owned()));
    }
    if let Some(items) = map.get_mut("items") {
        pattern_for(items, pattern);
    }
}

/// A tuple (`prefixItems` with `items: false`, or the old form, `items`
/// an array) is described as an array of its length whose items are any of
/// its parts, which every tool reads alike: schemathesis 4 cannot read
/// `prefixItems` in a response, and the old form is not OpenAPI 3.1. The
/// order of the parts is in the schema's description.
fn fix_tuples(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let parts = match (map.get("prefixItems"), map.get("items")) {
                (Some(Value::Array(parts)), Some(Value::Bool(false)) | None) => Some(parts.clone()),
                (None, Some(Value::Array(parts))) => Some(parts.clone()),
                _ => None,
            };
            if let Some(parts) = parts {
                map.remove("prefixItems");
                map.insert("minItems".to_owned(), json!(parts.len()));
                map.insert("maxItems".to_owned(), json!(parts.len()));
                map.insert("items".to_owned(), json!({ "anyOf": parts }));
            }
            map.values_mut().for_each(fix_tuples);
        }
        Value::Array(items) => items.iter_mut().for_each(fix_tuples),
        _ => {}
    }
}
