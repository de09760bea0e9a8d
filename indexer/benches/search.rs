//! Query latency of the in-RAM `SearchIndex`: builds the index of a content tree, runs a fixed mix
//! of queries many times after a warm-up, and prints index build time, p50/p99/max latency and
//! queries per second. Plain timing with `Instant`, single-threaded, so figures are per core.
//!
//! ```text
//! cargo bench -p indexer --bench search                 # 10,000 generated records
//! REGKB_BENCH_CONTENT=content cargo bench -p indexer --bench search                    # shipped content
//! REGKB_BENCH_CONTENT=target/bench/content-10000 cargo bench -p indexer --bench search
//! REGKB_BENCH_ROUNDS=200 cargo bench -p indexer --bench search  # more rounds (default 50)
//! ```

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indexer::{SearchIndex, SearchRequest};

#[allow(dead_code)] // only `generate` is used here; `main` is the example's
#[path = "../examples/synthetic.rs"]
mod synthetic;

/// Records generated when no content tree is given.
const DEFAULT_RECORDS: usize = 10_000;

/// One query of the mix: a label for the report and the request.
struct Case {
    label: &'static str,
    request: SearchRequest,
}

/// A request for `q` with filters given as `facet=value` pairs.
fn case(label: &'static str, q: &str, filters: &[(&str, &str)]) -> Case {
    let mut request = SearchRequest { query: q.to_owned(), ..SearchRequest::default() };
    for &(facet, value) in filters {
        let list = match facet {
            "regulator" => &mut request.regulator,
            "domain" => &mut request.domain,
            "topic" => &mut request.topic,
            "modality" => &mut request.modality,
            "stance" => &mut request.stance,
            _ => panic!("unknown facet {facet}"),
        };
        list.push(value.to_owned());
    }
    Case { label, request }
}

/// The fixed mix: what readers of the site type, in every language it serves, with and without filters.
fn cases() -> Vec<Case> {
    let long = "which regulators expect an in vivo tumorigenicity study in immunodeficient animals for \
                iPSC-derived products and how long must residual undifferentiated cells be followed \
                after transplantation in first-in-human trials";
    vec![
        case("en word", "tumorigenicity", &[]),
        case("en word", "biodistribution", &[]),
        case("en word", "potency", &[]),
        case("en word", "mycoplasma", &[]),
        case("en word", "shedding", &[]),
        case("en word, common", "product", &[]),
        case("en two words", "donor eligibility", &[]),
        case("en phrase", "\"master cell bank\"", &[]),
        case("en phrase", "\"informed consent\"", &[]),
        case("en phrase, common", "\"good manufacturing practice\"", &[]),
        case("en words", "residual undifferentiated cells", &[]),
        case("uk spelling", "tumour", &[]),
        case("uk spelling", "characterisation", &[]),
        case("uk spelling", "haematopoietic stem cell", &[]),
        case("uk spelling", "marketing authorisation", &[]),
        case("uk spelling", "foetal bovine serum", &[]),
        case("ja", "造腫瘍性", &[]),
        case("ja", "再生医療等製品", &[]),
        case("ja", "長期フォローアップ", &[]),
        case("ja", "製造販売後調査", &[]),
        case("zh", "致瘤性", &[]),
        case("zh", "长期随访", &[]),
        case("zh", "基因治疗", &[]),
        case("ko", "종양원성", &[]),
        case("ko", "장기추적조사", &[]),
        case("ko", "세포치료제", &[]),
        case("synonym", "LTFU", &[]),
        case("synonym", "RCL", &[]),
        case("synonym", "GMP", &[]),
        case("synonym", "CAR-T", &[]),
        case("synonym", "iPSC", &[]),
        case("filter", "tumorigenicity", &[("regulator", "pmda")]),
        case("filter", "potency", &[("domain", "cmc"), ("stance", "required")]),
        case("filter", "follow-up", &[("modality", "aav"), ("modality", "car-t")]),
        case("empty + filter", "", &[("regulator", "pmda")]),
        case("empty + filter", "", &[("domain", "clinical"), ("stance", "expected")]),
        case("empty", "", &[]),
        case("no match", "xylophone quasar", &[]),
        case("relaxed", "tumorigenicity xylophone", &[]),
        case("long", long, &[]),
    ]
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this binary without it, and a
    // test run should not spend a minute generating and timing.
    if !std::env::args().any(|a| a == "--bench") {
        println!("search benchmark skipped: run it with `cargo bench -p indexer --bench search`");
        return;
    }
    let rounds: usize = std::env::var("REGKB_BENCH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(50);
    // Kept alive to the end: dropping it deletes the generated tree.
    let mut scratch = None;
    let dir = match std::env::var_os("REGKB_BENCH_CONTENT") {
        // cargo runs benches in the package directory; relative paths are read from the workspace root.
        Some(dir) => Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir),
        None => {
            let tmp = tempfile::tempdir().expect("a temporary directory");
            let started = Instant::now();
            synthetic::generate(&synthetic::default_from(), tmp.path(), DEFAULT_RECORDS, 1).expect("generated");
            println!("generated {DEFAULT_RECORDS} records in {:.2?}", started.elapsed());
            scratch.insert(tmp).path().to_owned()
        }
    };

    let started = Instant::now();
    let content = indexer::load_clean(&dir).unwrap_or_else(|errors| {
        errors.iter().for_each(|d| eprintln!("{d}"));
        panic!("{} does not load", dir.display())
    });
    let load = started.elapsed();
    let records = content.records.len();
    let started = Instant::now();
    let index = SearchIndex::build(Arc::new(content)).expect("index built");
    let build = started.elapsed();
    println!("content: {} ({records} records)", dir.display());
    println!("load + check: {load:.2?}   index build (RAM): {build:.2?}");

    let cases = cases();
    // Warm-up: caches, lazily opened segment data, the analyzer's memo.
    for case in &cases {
        for _ in 0..3 {
            index.search(&case.request).expect("search runs");
        }
    }
    let mut all: Vec<Duration> = Vec::with_capacity(cases.len() * rounds);
    let mut per_case: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); cases.len()];
    let started = Instant::now();
    for _ in 0..rounds {
        for (case, times) in cases.iter().zip(&mut per_case) {
            let t = Instant::now();
            let results = index.search(&case.request).expect("search runs");
            let elapsed = t.elapsed();
            std::hint::black_box(results);
            times.push(elapsed);
            all.push(elapsed);
        }
    }
    let wall = started.elapsed();

    // The query comes last: CJK characters are double width and would skew the columns.
    println!("\n{:<18} {:>7} {:>10} {:>10}  query", "kind", "total", "p50", "max");
    for (case, times) in cases.iter().zip(&mut per_case) {
        times.sort();
        let total = index.search(&case.request).expect("search runs").total;
        let filters = filters_of(&case.request);
        let mut query: String = format!("{:?}{filters}", case.request.query).chars().take(60).collect();
        if query.chars().count() == 60 {
            query.push('…');
        }
        println!(
            "{:<18} {total:>7} {:>10} {:>10}  {query}",
            case.label,
            ms(percentile(times, 50.0)),
            ms(*times.last().expect("rounds > 0"))
        );
    }
    all.sort();
    println!(
        "\nqueries: {} ({} × {rounds} rounds)   p50 {}   p99 {}   max {}   {:.0} queries/s (one thread)",
        all.len(),
        cases.len(),
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0)),
        ms(*all.last().expect("rounds > 0")),
        all.len() as f64 / wall.as_secs_f64()
    );
    // A line for scripts to read.
    println!(
        "BENCH records={records} build_ms={:.1} p50_ms={:.3} p99_ms={:.3} max_ms={:.3} qps={:.0}",
        build.as_secs_f64() * 1e3,
        percentile(&all, 50.0).as_secs_f64() * 1e3,
        percentile(&all, 99.0).as_secs_f64() * 1e3,
        all.last().expect("rounds > 0").as_secs_f64() * 1e3,
        all.len() as f64 / wall.as_secs_f64()
    );
}

/// The nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// The request's filters as ` facet=value …`, for the report.
fn filters_of(r: &SearchRequest) -> String {
    let facets = [
        ("regulator", &r.regulator),
        ("domain", &r.domain),
        ("topic", &r.topic),
        ("modality", &r.modality),
        ("stance", &r.stance),
    ];
    facets.iter().flat_map(|(f, values)| values.iter().map(move |v| format!(" {f}={v}"))).collect()
}
