//! What a request costs the server itself, without the network: a stream of distinct searches
//! (the word pairs and triples of `tests/bench/distinct.sh`) sent through the whole router in
//! process, with no result cache, on one thread. Prints microseconds per request for
//! `/api/search`, `/search` and a static file. Being free of sockets and other processes, it also
//! runs under callgrind, for instruction counts that vary little from run to run:
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' <bench> --bench`.
//!
//! ```text
//! cargo bench --bench requests                       # shipped content
//! REGKB_BENCH_CONTENT=/path/to/tree REGKB_BENCH_REQUESTS=5000 cargo bench --bench requests
//! REGKB_BENCH_PATHS=/api/search cargo bench --bench requests    # one path
//! ```

use std::path::Path;
use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use site::Site;
use site::server::AppState;
use tower::ServiceExt;

/// The words of the stream, as in `tests/bench/distinct.sh`.
const WORDS: [&str; 48] = [
    "tumorigenicity",
    "cell",
    "gene",
    "vector",
    "potency",
    "CAR-T",
    "iPS",
    "shedding",
    "donor",
    "bank",
    "follow-up",
    "clinical",
    "nonclinical",
    "comparability",
    "stability",
    "sterility",
    "mycoplasma",
    "endotoxin",
    "identity",
    "purity",
    "release",
    "specification",
    "AAV",
    "lentiviral",
    "autologous",
    "allogeneic",
    "biodistribution",
    "toxicity",
    "dose",
    "GMP",
    "validation",
    "viral",
    "safety",
    "造腫瘍性",
    "遺伝子",
    "细胞",
    "종양원성",
    "장기",
    "LTFU",
    "MSC",
    "T-cell",
    "characterisation",
    "tumour",
    "haematopoietic",
    "replication",
    "integration",
    "germline",
    "environment",
];

/// The `n`th query of the stream: two words, every third request three.
fn query(n: usize) -> String {
    let w = WORDS.len();
    let mut q = format!("{}+{}", WORDS[n % w], WORDS[(n / w + 7) % w]);
    if n.is_multiple_of(3) {
        q = format!("{q}+{}", WORDS[(n / (w * w)) % w]);
    }
    q
}

/// Sends `requests` requests; the bytes of their bodies. Kept out of line so that callgrind can
/// count this part alone (`--collect-atstart=no --toggle-collect='*measured*'`).
#[inline(never)]
fn measured(requests: usize, send: impl Fn(usize) -> usize) -> usize {
    (0..requests).map(send).sum()
}

/// The server's allocator, so that allocation costs what it costs there.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("request benchmark skipped: run it with `cargo bench --bench requests`");
        return;
    }
    let requests: usize = std::env::var("REGKB_BENCH_REQUESTS").ok().and_then(|r| r.parse().ok()).unwrap_or(2000);
    let dir = std::env::var_os("REGKB_BENCH_CONTENT").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        |dir| Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
    );
    let content = indexer::load_clean(&dir).unwrap_or_else(|_| panic!("{} does not load", dir.display()));
    let site = Site::build(content).expect("site built").with_search_cache(0);
    let router = site::server::router(AppState::new(site, None));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    println!("content: {} ({requests} requests per path, one thread)", dir.display());
    let paths = std::env::var("REGKB_BENCH_PATHS").unwrap_or("/api/search,/search,/static/style.css".into());
    for path in paths.split(',') {
        let uri =
            |n: usize| if path.starts_with("/static") { path.to_owned() } else { format!("{path}?q={}", query(n)) };
        let send = |n: usize| {
            let request = Request::get(uri(n)).body(Body::empty()).expect("a request");
            runtime.block_on(async {
                let response = router.clone().oneshot(request).await.expect("infallible");
                assert_eq!(response.status(), StatusCode::OK, "{}", uri(n));
                axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("a body").len()
            })
        };
        // Warm-up: the lazily made vocabularies and snippet terms of the texts shown.
        (0..requests).for_each(|n| {
            send(n);
        });
        let started = Instant::now();
        let bytes = measured(requests, send);
        let each = started.elapsed().as_secs_f64() * 1e6 / requests as f64;
        println!("{path:<18} {each:>8.1} µs/request  {:>7} bytes/response", bytes / requests);
        println!("BENCH path={path} us={each:.1}");
    }
}
