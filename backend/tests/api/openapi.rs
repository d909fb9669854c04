//! The OpenAPI document is valid OpenAPI 3.1 and says exactly what each
//! operation answers (issue 12, defects 11 and 17). `cargo xtask test` also
//! runs openapi-spec-validator and schemathesis over it.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_document_is_valid_and_documents_every_answer_as_problem_json() {
    let app = spawn_app().await;
    let doc: Value = app
        .http
        .get(format!("{}/api/v1/openapi.json", app.address))
        .send()
        .await
        .expect("doc")
        .json()
        .await
        .expect("json");

    let mut ids = BTreeSet::new();
    let mut faults = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            let at = format!("{method} {path}");
            let id = op["operationId"].as_str().unwrap_or_default().to_owned();
            if !ids.insert(id.clone()) {
                faults.push(format!("{at}: operationId {id} used twice"));
            }
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            for p in &params {
                let name = p["name"].as_str().unwrap_or_default();
                if p["in"] == "path" && !path.contains(&format!("{{{name}}}")) {
                    faults.push(format!("{at}: {name} declared in the path but not in it"));
                }
                // A PDF takes a parallel text; a list, template or feed one
                // language, declared as the closed list it is.
                let schema = p["schema"].to_string();
                if name == "lang" && path.ends_with(".pdf") != schema.contains("az,ka") {
                    faults.push(format!("{at}: lang declared as {schema}"));
                }
                if name == "lang" && !path.ends_with(".pdf") && !schema.contains("#/components/schemas/Lang") {
                    faults.push(format!("{at}: lang is not the Lang list: {schema}"));
                }
            }
            let responses = op["responses"].as_object().expect("responses");
            for (status, response) in responses {
                if response["description"].as_str().is_none_or(str::is_empty) {
                    faults.push(format!("{at} {status}: no description"));
                }
                // A 304 has no body (RFC 9110 §15.4.5).
                let bodiless = status == "304";
                if !status.starts_with('2') && !bodiless && response["content"]["application/problem+json"].is_null() {
                    faults.push(format!("{at} {status}: not problem+json"));
                }
            }
            let mut want = vec!["503"];
            if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
                want.push("401");
            }
            if !op["requestBody"]["content"]["application/json"].is_null() {
                want.extend(["400", "413", "415", "422"]);
            }
            if params.iter().any(|p| p["in"] == "path") {
                want.extend(["404", "422"]);
            }
            if params.iter().any(|p| p["in"] == "query") {
                want.push("422");
            }
            if params.iter().any(|p| p["name"] == "If-Match") {
                want.extend(["400", "412", "428"]);
            }
            if params.iter().any(|p| p["name"] == "If-None-Match") {
                want.push("304");
            }
            for status in want {
                if !responses.contains_key(status) {
                    faults.push(format!("{at}: {status} not documented"));
                }
            }
        }
    }
    assert!(ids.len() >= 61, "every operation: {}", ids.len());
    assert!(faults.is_empty(), "{} faults:\n{}", faults.len(), faults.join("\n"));

    // Closed lists as on the wire, tuples as every tool reads them.
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Party"]["enum"], serde_json::json!(["az", "ge"]));
    assert_eq!(schemas["Role"]["enum"][0], "viewer");
    assert_eq!(
        schemas["CooperationArea"]["enum"][0],
        "military_education_training_exercises"
    );
    let text = doc.to_string();
    assert!(!text.contains("\"items\":false"), "no tuple with items: false");
}
