//! Generated hostile URLs against the router, in process: any path and query string gives a
//! page, a result or a 4xx, never a 5xx. `PROPTEST_CASES` sets how many cases run.

use std::path::Path;
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use proptest::prelude::*;
use site::Site;
use site::server::{AppState, router};
use tower::ServiceExt;

fn app() -> Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| {
        let content = indexer::load_clean(Path::new("../content")).expect("the shipped content is clean");
        // No result cache: every generated search runs.
        router(AppState::new(Site::build(content).unwrap().with_search_cache(0), None))
    })
    .clone()
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Runtime::new().unwrap())
}

/// Every byte but unreserved ones as `%XX`, so any bytes (invalid UTF-8 too) reach the handlers.
fn escaped(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            "pmda",
            "nonclinical.tumorigenicity",
            "pmda/nonclinical.tumorigenicity",
            "",
            "..",
            "0",
            "-1",
            "99999999999999999999999",
            "\"造腫瘍性",
            "a,b,,c"
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        "\\PC{0,12}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..24),
        "[a-z ]{490,520}".prop_map(String::into_bytes),
    ]
}

fn query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "q",
            "limit",
            "offset",
            "regulator",
            "domain",
            "topic",
            "modality",
            "stance",
            "regulators",
            "baseline",
            "diff",
        ])
        .prop_map(|k| k.as_bytes().to_vec()),
        text(),
    ];
    prop_oneof![
        prop::collection::vec((key, text()), 0..6).prop_map(|pairs| {
            pairs.iter().map(|(k, v)| format!("{}={}", escaped(k), escaped(v))).collect::<Vec<_>>().join("&")
        }),
        // Malformed query strings as they arrive: stray `%`, `&&`, `==`, `+`.
        "[a-z%&=+;#0-9]{0,40}".prop_map(|s| s.replace('#', "%23")),
    ]
}

fn path() -> impl Strategy<Value = String> {
    let page = prop::sample::select(vec![
        "/",
        "/search",
        "/api/search",
        "/compare",
        "/api/compare",
        "/glossary",
        "/changes",
        "/feeds/all.xml",
    ])
    .prop_map(str::to_owned);
    let with_id = (
        prop::sample::select(vec![
            "/records/",
            "/api/records/",
            "/topics/",
            "/regulators/",
            "/static/",
            "/feeds/topics/",
            "/feeds/",
        ]),
        prop::collection::vec(text(), 1..3),
    )
        .prop_map(|(prefix, parts)| {
            format!("{prefix}{}", parts.iter().map(|p| escaped(p)).collect::<Vec<_>>().join("/"))
        });
    prop_oneof![2 => page, 1 => with_id]
}

proptest! {
    #[test]
    fn any_url_gives_a_page_or_a_4xx(path in path(), query in query()) {
        let uri = format!("{path}?{query}");
        let request = Request::builder().uri(&uri).body(Body::empty()).unwrap();
        let response = runtime().block_on(app().oneshot(request)).unwrap();
        prop_assert!(!response.status().is_server_error(), "{} for {uri}", response.status());
    }

    #[test]
    fn search_parameters_parse_from_any_string(raw in prop_oneof![query(), any::<String>()]) {
        let request = site::params::search_request(&raw);
        prop_assert!(request.query.trim() == request.query);
        let params = site::params::compare_params(&raw);
        prop_assert!(!params.regulators.contains(",,"));
        prop_assert_eq!(site::params::canonical(&request), site::params::canonical(&site::params::search_request(&raw)));
    }
}
