//! The OpenAPI 3.1 description of the JSON API, with the schemas of its answers generated from
//! the Rust types that produce them, so the description cannot drift from what is served.

use indexer::SearchResults;
use schemars::JsonSchema;
use schemars::generate::{Contract, SchemaSettings};
use serde::Serialize;
use serde_json::{Value, json};

use crate::views::approvals::ApprovalsView;
use crate::views::product::{ProductView, ProductsView};
use crate::views::{CompareView, RecordView};

/// The prefix of the current version of the API; `/api/…` answers the same as an alias.
pub const PREFIX: &str = "/api/v1";

/// What every failed API request answers.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ApiError {
    /// What went wrong, in words.
    pub error: String,
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.contract = Contract::Serialize;
        })
        .into_generator();
    let search = generator.subschema_for::<SearchResults>();
    let compare = generator.subschema_for::<CompareView>();
    let record = generator.subschema_for::<RecordView>();
    let products = generator.subschema_for::<ProductsView>();
    let product = generator.subschema_for::<ProductView>();
    let approvals = generator.subschema_for::<ApprovalsView>();
    let error = generator.subschema_for::<ApiError>();
    let schemas = generator.take_definitions(true);
    let answer = |description: &str, schema: &schemars::Schema| json!({ "description": description, "content": { "application/json": { "schema": schema } } });
    let query = |name: &str, description: &str, array: bool| {
        let schema =
            if array { json!({ "type": "array", "items": { "type": "string" } }) } else { json!({ "type": "string" }) };
        json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema,
                "style": "form", "explode": true })
    };
    let mut search_params: Vec<Value> =
        vec![query("q", "Words and quoted phrases; empty lists records by the filters.", false)];
    for facet in indexer::index::Facet::ALL {
        search_params.push(query(
            facet.name(),
            &format!("Only records with this {} (repeatable).", facet.name()),
            true,
        ));
    }
    search_params.push(json!({ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 0 } }));
    search_params.push(json!({ "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0 } }));
    let compare_params = vec![
        query("regulators", "Comma-separated regulator ids; none means all.", false),
        query("regulator", "A regulator id (repeatable), as the compare form sends them.", true),
        query("domain", "Only topics of this domain.", false),
        query("modality", "Only records that apply to this modality.", false),
        query("baseline", "A regulator to mark differences against.", false),
        query("diff", "`only` keeps the topics where regulators differ.", false),
        query("as_of", "A date (YYYY-MM-DD): the matrix as the content stood then.", false),
    ];
    let product_params = vec![
        query("modality", "Only products of this modality.", false),
        query("regulator", "Only products with an approval by this regulator.", false),
        query("route", "Only approvals by this route (with `regulator` and `year`, all of one approval).", false),
        query("year", "Only approvals of this year.", false),
        query("sort", "`name` (the default) or `first` (by first approval).", false),
    ];
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "regkb API",
            "version": "1",
            "description": "What Asian regulators require for cell and gene therapies, as JSON. The same data as the pages. \
                Version 1 is served under /api/v1/; the same routes under /api/ are aliases of the current version. \
                Records marked draft have not been reviewed by a working group."
        },
        "paths": {
            format!("{PREFIX}/search"): { "get": {
                "operationId": "search",
                "summary": "Search the records, with facet counts.",
                "parameters": search_params,
                "responses": { "200": answer("One page of results.", &search), "400": answer("The query is too long.", &error) }
            }},
            format!("{PREFIX}/compare"): { "get": {
                "operationId": "compare",
                "summary": "The topic × regulator matrix, as the compare page shows it.",
                "parameters": compare_params,
                "responses": { "200": answer("The matrix.", &compare) }
            }},
            format!("{PREFIX}/records/{{id}}"): { "get": {
                "operationId": "record",
                "summary": "One record, with its attributes and citations.",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" },
                                 "description": "The record's id, `regulator/topic[--modality]`; its slash is part of the path." }],
                "responses": { "200": answer("The record.", &record), "404": answer("No record has this id.", &error) }
            }},
            format!("{PREFIX}/products"): { "get": {
                "operationId": "products",
                "summary": "Approved products, filtered and sorted as the products page shows them.",
                "parameters": product_params.clone(),
                "responses": { "200": answer("The products.", &products) }
            }},
            format!("{PREFIX}/products/{{id}}"): { "get": {
                "operationId": "product",
                "summary": "One product, with its approvals and their lag.",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" },
                                 "description": "The product's id." }],
                "responses": { "200": answer("The product.", &product), "404": answer("No product has this id.", &error) }
            }},
            format!("{PREFIX}/approvals"): { "get": {
                "operationId": "approvals",
                "summary": "The product × regulator matrix of approval dates and lags.",
                "parameters": product_params,
                "responses": { "200": answer("The matrix.", &approvals) }
            }},
            format!("{PREFIX}/openapi.json"): { "get": {
                "operationId": "openapi",
                "summary": "This document.",
                "responses": { "200": { "description": "The OpenAPI document.", "content": { "application/json": {} } } }
            }}
        },
        "components": { "schemas": schemas }
    })
}
