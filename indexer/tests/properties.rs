//! Generated hostile input for the indexer's parsers: content files, front matter, dates,
//! queries, Markdown, and diffs of trees. `PROPTEST_CASES` sets how many cases each property
//! runs (`make test` runs a few dozen; raise it to search longer); a failing case is kept in
//! `proptest-regressions/` and replayed first on every later run.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use indexer::date::Date;
use indexer::diff::{Kind, diff, markdown};
use indexer::model::{Content, Stance};
use indexer::search::{MAX_LIMIT, SearchError};
use indexer::{SearchIndex, SearchRequest, load, markdown::to_html};
use proptest::prelude::*;

const VALID: &str = "../tests/fixtures/valid";
const SEARCH: &str = "../tests/fixtures/search";

/// Parsing one file of a small tree takes milliseconds; anything near this is a hang.
const PATIENCE: Duration = Duration::from_secs(10);

/// The files of a tree, relative to it.
fn files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in fs::read_dir(root.join(&rel)).unwrap() {
            let entry = entry.unwrap();
            let rel = rel.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                stack.push(rel);
            } else {
                out.push(rel.to_str().unwrap().to_owned());
            }
        }
    }
    out.sort();
    out
}

fn copy(from: &Path, to: &Path) {
    for rel in files(from) {
        fs::create_dir_all(to.join(&rel).parent().unwrap()).unwrap();
        fs::copy(from.join(&rel), to.join(&rel)).unwrap();
    }
}

/// Text that looks like content: YAML keys, flow and block syntax, anchors, quotes, fences.
fn yamlish() -> impl Strategy<Value = String> {
    "(---\r?\n)?([a-z_]{1,9}:( |\t)?[-\\[\\]{}&*!|>'\"#%@`,?:a-z0-9 \t\u{feff}造腫瘍]{0,14}\r?\n){0,10}(---\n)?[^\u{0}]{0,40}"
}

/// Bytes for a content file: anything, YAML-ish text, or a valid file with a splice.
fn file_bytes(original: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = original.len();
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        yamlish().prop_map(String::into_bytes),
        (0..=len, 0..=len, prop::collection::vec(any::<u8>(), 0..16)).prop_map(move |(a, b, splice)| {
            let (a, b) = (a.min(b), a.max(b));
            [&original[..a], &splice, &original[b..]].concat()
        }),
    ]
}

proptest! {
    #[test]
    fn any_bytes_in_any_content_file_give_diagnostics(
        (rel, bytes) in prop::sample::select(files(Path::new(VALID)))
            .prop_flat_map(|rel| {
                let original = fs::read(Path::new(VALID).join(&rel)).unwrap();
                (Just(rel), file_bytes(original))
            })
    ) {
        let tree = tempfile::tempdir().unwrap();
        copy(Path::new(VALID), tree.path());
        fs::write(tree.path().join(&rel), &bytes).unwrap();
        let started = Instant::now();
        let checked = indexer::check(tree.path(), "2026-11-01".parse().unwrap());
        prop_assert!(started.elapsed() < PATIENCE, "checking took {:?}", started.elapsed());
        for d in &checked.diagnostics {
            prop_assert!(d.path.starts_with(tree.path().to_str().unwrap()), "{d}");
            prop_assert!(!d.code.is_empty() && !d.message.is_empty(), "{d}");
        }
        let original = fs::read(Path::new(VALID).join(&rel)).unwrap();
        let utf8 = std::str::from_utf8(&bytes);
        if bytes != original && (utf8.is_err() || bytes.contains(&0)) {
            prop_assert!(checked.errors() > 0, "{rel} is not text, and passed");
        }
    }

    #[test]
    fn front_matter_splits_or_is_refused(text in prop_oneof![yamlish(), any::<String>()]) {
        match load::parse_record("records/hsa/x.md", &text) {
            Ok(record) => {
                prop_assert!(text.ends_with(&*record.body));
                prop_assert!(record.body_line >= 3);
                prop_assert_eq!(record.id, "hsa/x");
            }
            Err(ds) => prop_assert!(!ds.is_empty() && ds.iter().all(|d| !d.message.is_empty())),
        }
    }

    #[test]
    fn dates_parse_or_explain(text in prop_oneof!["[0-9]{0,5}(-[0-9+ ]{0,3}){0,3}", any::<String>()]) {
        match text.parse::<Date>() {
            Ok(date) => {
                prop_assert_eq!(date.to_string().parse::<Date>(), Ok(date));
                prop_assert_eq!(date.to_string(), text);
            }
            Err(message) => prop_assert!(message.contains("date")),
        }
    }

    #[test]
    fn real_dates_parse_and_order(y in 1000i16..=9999, m in 1i8..=12, d in 1i8..=28, y2 in 1000i16..=9999) {
        let date: Date = format!("{y:04}-{m:02}-{d:02}").parse().unwrap();
        prop_assert_eq!(date, Date { year: y, month: Some(m), day: Some(d) });
        let year: Date = format!("{y2:04}").parse().unwrap();
        prop_assert_eq!(year.years_until(&date) + date.years_until(&year) <= 0, true);
        prop_assert_eq!(date.first_day(), date.to_string());
    }
}

fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let content = indexer::load_clean(Path::new(SEARCH)).expect("the search fixture is clean");
        SearchIndex::build(Arc::new(content)).unwrap()
    })
}

/// Queries: words of the fixture, glossary terms in four scripts, query syntax, and noise.
fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "tumorigenicity",
        "tumourigenicity",
        "造腫瘍性",
        "致瘤性",
        "종양원성",
        "CAR-T",
        "\"",
        "\"cell bank\"",
        "-",
        "*",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        ":",
        "title:x",
        "^2",
        "~",
        "\\",
        "\u{0}",
        "🦀",
        "ｉＰＳ",
        "LTFU",
        "a",
    ]);
    prop_oneof![
        prop::collection::vec(word.clone(), 0..12).prop_map(|w| w.join(" ")),
        prop::collection::vec(prop_oneof![word.prop_map(str::to_owned), "\\PC{0,8}"], 0..10).prop_map(|w| w.concat()),
        any::<String>(),
        "[a-z ]{480,520}",
    ]
}

fn filters() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop_oneof![Just("pmda".to_owned()), Just("nonclinical".to_owned()), "\\PC{0,6}"], 0..3)
}

proptest! {
    #[test]
    fn any_query_gives_results_or_a_reason(
        query in query(),
        (regulator, domain, topic, modality, stance) in (filters(), filters(), filters(), filters(), filters()),
        limit in prop::option::of(any::<usize>()),
        offset in prop_oneof![0usize..40, any::<usize>()],
    ) {
        let request = SearchRequest { query, regulator, domain, topic, modality, stance, limit, offset };
        match search_index().search(&request) {
            Ok(results) => {
                prop_assert!(results.hits.len() <= results.limit && results.limit <= MAX_LIMIT);
                prop_assert!(results.offset <= results.total);
                prop_assert!(results.offset + results.hits.len() <= results.total);
            }
            Err(SearchError::TooLong { chars }) => prop_assert!(chars > indexer::search::MAX_QUERY_CHARS),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}

/// Pieces of hostile markup: script in every disguise, handlers, SVG and MathML, entities,
/// comments and CDATA, and URLs with script schemes, cased and escaped in ways browsers accept.
fn hostile_piece() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<script",
        "</script>",
        "<SCRIPT SRC=//x>",
        "<scr<script>ipt>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\">",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<math><mtext><script>x</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<a href=\"#\" onclick=\"x()\">",
        "<iframe src=javascript:alert(1)>",
        "<object data=x>",
        "<embed src=x>",
        "<style>*{}</style>",
        "<form action=javascript:x><button formaction=javascript:y>",
        "<body onload=x>",
        "<details open ontoggle=x>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](&#106;avascript:x)",
        "[x](&#x6A;avascript:x)",
        "[x]( javascript:x)",
        "[x](vbscript:x)",
        "[x](data:text/html,<script>x</script>)",
        "![i](javascript:x)",
        "<javascript:alert(1)>",
        "[r]: javascript:alert(1)\n\n[r]",
        "&lt;script&gt;",
        "&#60;script&#62;",
        "&amp;",
        "&",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "`<script>`",
        "```\n<script>\n```",
        "<",
        ">",
        "\"",
        "'",
        "=",
        "on",
        "error=",
        " onmouseover=x ",
        "<a href=\"https://example.org\">ok</a>",
        "[ok](https://example.org)",
        "*em*",
        "| a | b |\n|---|---|\n| <script> | x |",
        "[^1]\n\n[^1]: <img src=x onerror=x>",
        "\n",
        "\n\n",
        "    ",
        "text",
        "造腫瘍性",
    ]);
    prop_oneof![4 => pieces.prop_map(str::to_owned), 1 => "\\PC{0,6}"]
}

/// Whether an attribute value is a URL with a scheme that runs code or embeds a document.
fn script_url(value: &str) -> bool {
    let squeezed: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let lower = squeezed.to_lowercase();
    ["javascript:", "vbscript:", "data:"].iter().any(|s| lower.starts_with(s))
}

proptest! {
    #[test]
    fn sanitised_markdown_never_runs_script(pieces in prop::collection::vec(hostile_piece(), 1..24)) {
        let html = to_html(&pieces.concat());
        let parsed = scraper::Html::parse_fragment(&html);
        for node in parsed.tree.nodes() {
            let Some(element) = node.value().as_element() else { continue };
            let name = element.name();
            prop_assert!(
                !["script", "iframe", "object", "embed", "style", "form", "svg", "math", "base"].contains(&name),
                "<{name}> survived in {html}"
            );
            for (attribute, value) in element.attrs() {
                prop_assert!(!attribute.to_lowercase().starts_with("on"), "{attribute} on <{name}> in {html}");
                prop_assert!(!script_url(value), "{attribute}={value:?} on <{name}> in {html}");
            }
        }
    }
}

fn search_content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| indexer::load_clean(Path::new(SEARCH)).expect("the search fixture is clean"))
}

/// What becomes of one record between two trees: in the old, the new or both, with edits.
#[derive(Debug, Clone)]
struct Fate {
    in_old: bool,
    in_new: bool,
    summary: Option<String>,
    body: Option<String>,
    stance: Option<Stance>,
}

fn fate() -> impl Strategy<Value = Fate> {
    let text = prop::option::of("[^\u{0}-\u{8}\u{b}\u{c}\u{e}-\u{1f}]{1,30}");
    let stance = prop::option::of(prop::sample::select(Stance::ALL.to_vec()));
    (0..3u8, text.clone(), text, stance).prop_map(|(presence, summary, body, stance)| Fate {
        in_old: presence != 1,
        in_new: presence != 0,
        summary,
        body,
        stance,
    })
}

/// Two trees made from the search fixture: records dropped from one or the other, or edited.
fn trees(fates: &[Fate]) -> (Content, Content) {
    let base = search_content();
    let (mut old, mut new) = (base.clone(), base.clone());
    let mut keep = fates.iter().map(|f| f.in_old);
    old.records.retain(|_| keep.next().unwrap_or(true));
    let mut fates_new = fates.iter().chain(std::iter::repeat(&Fate {
        in_old: true,
        in_new: true,
        summary: None,
        body: None,
        stance: None,
    }));
    new.records.retain_mut(|r| {
        let fate = fates_new.next().unwrap();
        let r = std::sync::Arc::make_mut(r);
        if let Some(s) = &fate.summary {
            r.front.summary.clone_from(s);
        }
        if let Some(b) = &fate.body {
            r.body = b.as_str().into();
        }
        if let Some(s) = fate.stance {
            r.front.stance.value = s;
        }
        fate.in_new
    });
    (old, new)
}

proptest! {
    #[test]
    fn diff_names_every_record_that_differs(fates in prop::collection::vec(fate(), 0..12)) {
        let (old, new) = trees(&fates);
        prop_assert!(diff(&old, &old).records.is_empty() && diff(&new, &new).records.is_empty());
        let changes = diff(&old, &new);
        let in_old = |id: &str| old.records.iter().find(|r| r.id == id);
        let in_new = |id: &str| new.records.iter().find(|r| r.id == id);
        let mut ids: Vec<&str> = old.records.iter().chain(&new.records).map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            let reported: Vec<_> = changes.records.iter().filter(|c| c.id == id).collect();
            prop_assert!(reported.len() <= 1, "{id} reported twice");
            match (in_old(id), in_new(id)) {
                (Some(_), None) => prop_assert_eq!(&reported[0].kind, &Kind::Removed),
                (None, Some(_)) => prop_assert_eq!(&reported[0].kind, &Kind::Added),
                (Some(a), Some(b)) => {
                    let differs = a.front.summary != b.front.summary
                        || a.body.trim() != b.body.trim()
                        || a.front.stance.value != b.front.stance.value;
                    prop_assert_eq!(differs, !reported.is_empty(), "{}", id);
                    if differs {
                        prop_assert_eq!(&reported[0].kind, &Kind::Changed);
                    }
                }
                (None, None) => unreachable!(),
            }
        }
        let md = markdown(&changes);
        let changed = changes.records.iter().filter(|c| c.kind == Kind::Changed).count();
        prop_assert!(md.contains(&format!("{changed} changed,")), "{md}");
    }
}
