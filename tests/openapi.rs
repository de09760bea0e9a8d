//! The OpenAPI document describes what the API really answers: every route, under the versioned
//! prefix and its alias, answers with JSON that validates against the document's schema.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::Server;
use serde_json::Value;

/// The schema the document gives for answers to `template` with `status`, able to resolve the
/// document's components.
fn answer_schema(doc: &Value, template: &str, status: u16) -> Value {
    let content = &doc["paths"][template]["get"]["responses"][status.to_string()]["content"]["application/json"];
    let mut schema = content.get("schema").cloned().unwrap_or_else(|| serde_json::json!({}));
    assert!(schema.is_object(), "{template} {status} has no schema");
    schema["components"] = doc["components"].clone();
    schema
}

#[test]
fn every_api_route_answers_as_the_document_says() {
    let server = Server::start(Path::new("content"), &[]);
    let doc = server.get("/api/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(server.get("/api/v1/openapi.json").json(), doc);
    let long = "a".repeat(600);
    let calls: Vec<(&str, String, u16)> = vec![
        ("/search", "/search?q=tumorigenicity&regulator=pmda&regulator=hsa".into(), 200),
        ("/search", "/search?q=%E9%80%A0%E8%85%AB%E7%98%8D%E6%80%A7".into(), 200),
        ("/search", "/search?stance=required&limit=3&offset=3".into(), 200),
        ("/search", format!("/search?q={long}"), 400),
        ("/compare", "/compare".into(), 200),
        ("/compare", "/compare?regulators=pmda,hsa&baseline=pmda&diff=only&domain=nonclinical".into(), 200),
        ("/compare", "/compare?regulators=pmda&as_of=2026-01-01".into(), 200),
        ("/records/{id}", "/records/pmda/framework.legal-basis".into(), 200),
        ("/records/{id}", "/records/tfda/pms.risk-management-plan".into(), 200),
        ("/records/{id}", "/records/nope/nothing".into(), 404),
        ("/products", "/products".into(), 200),
        ("/products", "/products?regulator=pmda&route=conditional-time-limited&sort=first".into(), 200),
        ("/products/{id}", "/products/tisagenlecleucel".into(), 200),
        ("/products/{id}", "/products/nothing".into(), 404),
        ("/approvals", "/approvals?modality=car-t".into(), 200),
        ("/openapi.json", "/openapi.json".into(), 200),
    ];
    let mut covered = BTreeSet::new();
    for prefix in ["/api/v1", "/api"] {
        for (route, path, status) in &calls {
            let template = format!("/api/v1{route}");
            let response = server.get(&format!("{prefix}{path}"));
            assert_eq!(response.status, *status, "{prefix}{path}");
            assert!(response.header("content-type").unwrap().starts_with("application/json"));
            let schema = answer_schema(&doc, &template, *status);
            let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{template}: {e}"));
            let body = response.json();
            let errors: Vec<String> =
                validator.iter_errors(&body).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{prefix}{path}: {}", errors.join("\n"));
            covered.insert(template);
        }
    }
    let documented: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(covered, documented, "every documented route is exercised");
}

#[test]
fn the_document_rejects_what_the_api_never_answers() {
    let server = Server::start(Path::new("content"), &[]);
    let doc = server.get("/api/openapi.json").json();
    let mut record = server.get("/api/v1/records/pmda/framework.legal-basis").json();
    let validator = jsonschema::validator_for(&answer_schema(&doc, "/api/v1/records/{id}", 200)).unwrap();
    assert!(validator.is_valid(&record));
    record["line"]["draft"] = "yes".into();
    assert!(!validator.is_valid(&record), "a string where the API answers true or false");
}
