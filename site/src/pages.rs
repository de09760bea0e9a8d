//! The pages: askama templates over the views, rendered the same way by the server and the
//! export. Each page gets the links for where it is served from, and the notices (content
//! errors during live preview) to show in its banner.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use indexer::history::History;
use indexer::index::Facet;
use indexer::markdown;
use indexer::model::{Content, GlossaryEntry, Product, Record};
use indexer::search::{SearchRequest, SearchResults};
use rustc_hash::FxHashMap;

use crate::AsOf;
use crate::changelog::{ChangeLine, ChangesParams, ChangesView, RecordHistory};
use crate::definitions::DefinitionsView;
use crate::i18n::{self, Lang};
use crate::links::Links;
use crate::views::approvals::ApprovalsView;
use crate::views::product::{FilterChoices, ProductFilter, ProductView, ProductsView, Timeline};
use crate::views::{
    self, AttributeColumn, Badge, CompareParams, CompareView, Coverage, RecordLine, RecordView, RegulatorView,
    Standing, TopicView,
};

/// What every page shares.
pub struct Frame<'a> {
    pub links: &'a Links,
    /// Content errors of the last live-preview rebuild, shown in a banner.
    pub notices: &'a [String],
    /// The repository's web address, for "edit this record" links.
    pub repository: Option<&'a str>,
    /// Whether the page should reload when live preview rebuilds.
    pub live: bool,
    /// The day the page is made, for printouts; `None` in the export, whose files must not
    /// change from day to day (there the browser fills it in).
    pub today: Option<&'a str>,
    /// Set when the page shows the content as it was on a past date.
    pub as_of: Option<&'a AsOf>,
    /// The page's language.
    pub lang: Lang,
    /// The page's address below its language's root, with its query (`compare?regulator=pmda`;
    /// `compare.html` in the export), so that the language switcher keeps the page.
    pub here: &'a str,
    /// The languages the page exists in.
    pub langs: &'a [Lang],
    /// A language the reader's browser prefers, suggested by a link (never a redirect).
    pub suggest: Option<Lang>,
    /// The vocabulary the page's language lacks, shown in English and marked so.
    pub untranslated: &'a BTreeSet<String>,
}

/// `text` escaped for HTML, as templates escape it: written straight into the string, not through
/// `Display`'s formatting.
fn html(text: &str) -> String {
    use askama::filters::{Escaper, Html};
    let mut out = String::with_capacity(text.len() + 8);
    Html.write_escaped_str(&mut out, text).expect("a String takes any text");
    out
}

/// The page in another language, for the switcher and `hreflang`.
pub struct Alternate {
    pub tag: &'static str,
    pub name: String,
    pub href: String,
    /// Whether it is the page itself.
    pub current: bool,
}

impl<'a> Frame<'a> {
    /// A frame for a page in `lang` at `here`, with no banner, edit link, live reload, date or
    /// language suggestion: what the export and error pages use, and the server adds to.
    pub fn plain(
        links: &'a Links,
        lang: Lang,
        here: &'a str,
        langs: &'a [Lang],
        untranslated: &'a BTreeSet<String>,
    ) -> Frame<'a> {
        Frame {
            links,
            notices: &[],
            repository: None,
            live: false,
            today: None,
            as_of: None,
            lang,
            here,
            langs,
            suggest: None,
            untranslated,
        }
    }

    /// This frame for a page that shows the content as of a past date.
    pub fn with_as_of(&self, as_of: &'a AsOf) -> Frame<'a> {
        Frame { as_of: Some(as_of), ..*self }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// The message `key` with its one variable `name` set to `value`.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        i18n::t_args(self.lang, key, &[(name, value.to_string().into())])
    }

    /// A domain, topic or modality title or question as HTML: marked as English when the
    /// page's language has no translation of it.
    pub fn term(&self, text: &str) -> String {
        let escaped = html(text);
        if !self.untranslated.contains(text) {
            return escaped;
        }
        let marker = html(&self.t("untranslated-marker"));
        format!(r#"<span lang="en">{escaped}</span> <small class="lang-fallback" title="{marker}">EN</small>"#)
    }

    /// The messages the page's scripts write, as JSON (see `i18n::script_messages`).
    pub fn script_messages(&self) -> &'static str {
        i18n::script_messages(self.lang)
    }

    /// A note that the page's translations are drafts, on pages not in English.
    pub fn translation_note(&self) -> Option<String> {
        (self.lang != Lang::En).then(|| self.t("translation-draft"))
    }

    /// The message `key` with its two variables `a` and `b` set to `a_value` and `b_value`.
    pub fn t2(
        &self,
        key: &str,
        a: &str,
        a_value: impl std::fmt::Display,
        b: &str,
        b_value: impl std::fmt::Display,
    ) -> String {
        i18n::t_args(self.lang, key, &[(a, a_value.to_string().into()), (b, b_value.to_string().into())])
    }

    /// An approval route (`conditional`) in words.
    pub fn route(&self, id: &str) -> String {
        self.t(&format!("route-{id}"))
    }

    /// An approval's status (`withdrawn`) in words.
    pub fn approval_status(&self, id: &str) -> String {
        self.t(&format!("approval-status-{id}"))
    }

    /// A record's review status (`draft`) in words.
    pub fn review_status(&self, id: &str) -> String {
        self.t(&format!("review-status-{id}"))
    }

    /// A product timeline read out in the page's language.
    pub fn timeline_description(&self, timeline: &Timeline) -> String {
        timeline.described(self.lang)
    }

    /// A values table's column heading as HTML: the label, with its unit, each marked as
    /// English where the page's language lacks it.
    pub fn attribute_heading(&self, column: &AttributeColumn) -> String {
        match &column.unit {
            Some(unit) => format!("{} ({})", self.term(&column.label), self.term(unit)),
            None => self.term(&column.label),
        }
    }

    /// How a cited document stands, in the page's language.
    pub fn standing(&self, standing: &Standing) -> String {
        standing.text(self.lang)
    }

    /// A kind of document (`guideline`) in words.
    pub fn source_kind(&self, id: &str) -> String {
        self.t(&format!("source-kind-{id}"))
    }

    /// A kind of change (`stance`, `sources`) in words.
    pub fn change_kind(&self, id: &str) -> String {
        self.t(&format!("change-kind-{id}"))
    }

    /// The field a line of a change names, in the page's language.
    pub fn change_line(&self, line: &ChangeLine) -> String {
        line.name(self.lang)
    }

    /// A value a line of a change shows, in the page's language when it is empty.
    pub fn change_value(&self, line: &ChangeLine, value: &str) -> String {
        line.value(self.lang, value)
    }

    /// What a stance means, in the page's language.
    pub fn stance_definition(&self, badge: &Badge) -> String {
        self.t(&format!("stance-{}-definition", badge.class))
    }

    /// A stance's badge as HTML, in the page's language.
    pub fn badge(&self, badge: &Badge) -> Cow<'static, str> {
        badge.html(self.lang)
    }

    /// This page in each language it exists in.
    pub fn alternates(&self) -> Vec<Alternate> {
        self.langs.iter().map(|&l| self.alternate(l)).collect()
    }

    /// This page in `lang`.
    pub fn alternate(&self, lang: Lang) -> Alternate {
        let href = self.links.in_lang_at(lang, self.here);
        Alternate { tag: lang.tag(), name: lang.name(), href, current: lang == self.lang }
    }

    /// The page in the language the reader's browser prefers, when it is not this one's.
    pub fn suggestion(&self) -> Option<(Alternate, String)> {
        let lang = self.suggest.filter(|&l| l != self.lang && self.langs.contains(&l))?;
        Some((self.alternate(lang), i18n::t(lang, "suggest-language")))
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    coverage: Coverage,
    domains: Vec<(String, Vec<views::TopicLink>)>,
    recent: Vec<RecordLine>,
}

pub fn home(frame: &Frame<'_>, content: &Content) -> askama::Result<String> {
    Home {
        title: &frame.t("title-home"),
        frame,
        coverage: Coverage::of(content),
        domains: views::topics_by_domain(content),
        recent: views::recent(content, 10),
    }
    .render()
}

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    r: RecordView,
    /// The body, sanitised: only the record's own page shows it.
    body_html: &'a str,
    history: RecordHistory,
}

/// The page of `record`, whose body is `body_html`, as `markdown::to_html` makes it (the export
/// makes it once for all languages).
pub fn record(
    frame: &Frame,
    content: &Content,
    history: &History,
    record: &Record,
    body_html: &str,
) -> askama::Result<String> {
    let r = RecordView::of(content, record);
    let title = r.line.title.clone();
    let history = RecordHistory::of(content, history, &record.id);
    RecordPage { title: &title, frame, r, body_html, history }.render()
}

#[derive(Template)]
#[template(path = "topic.html")]
struct TopicPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    t: TopicView,
}

pub fn topic(frame: &Frame, view: TopicView) -> askama::Result<String> {
    let title = view.title.clone();
    TopicPage { title: &title, frame, t: view }.render()
}

#[derive(Template)]
#[template(path = "regulator.html")]
struct RegulatorPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    g: RegulatorView,
}

pub fn regulator(frame: &Frame, view: RegulatorView) -> askama::Result<String> {
    let title = view.name.clone();
    RegulatorPage { title: &title, frame, g: view }.render()
}

/// The products list and the approvals matrix share a filter form (`product-filter.html`),
/// which reads `choices` and submits to `action`.
#[derive(Template)]
#[template(path = "products.html")]
struct ProductsPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    choices: FilterChoices,
    action: String,
    v: ProductsView,
}

pub fn products(frame: &Frame, content: &Content, filter: &ProductFilter) -> askama::Result<String> {
    let v = ProductsView::of(content, filter);
    let (choices, action) = (v.choices.clone(), frame.links.products());
    ProductsPage { title: &frame.t("title-products"), frame, choices, action, v }.render()
}

#[derive(Template)]
#[template(path = "product.html")]
struct ProductPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    p: ProductView,
    body_html: String,
}

pub fn product(frame: &Frame, content: &Content, product: &Product) -> askama::Result<String> {
    let p = ProductView::of(content, product);
    let title = p.line.name.clone();
    let body_html = markdown::to_html(&product.body);
    ProductPage { title: &title, frame, p, body_html }.render()
}

#[derive(Template)]
#[template(path = "approvals.html")]
struct ApprovalsPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    choices: FilterChoices,
    action: String,
    a: ApprovalsView,
}

pub fn approvals(frame: &Frame, content: &Content, filter: &ProductFilter) -> askama::Result<String> {
    let a = ApprovalsView::of(content, filter);
    let (choices, action) = (a.choices.clone(), frame.links.approvals());
    ApprovalsPage { title: &frame.t("title-approvals"), frame, choices, action, a }.render()
}

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    c: CompareView,
    draft_warning: &'static str,
}

pub fn compare(frame: &Frame, content: &Content, params: &CompareParams) -> askama::Result<String> {
    let c = CompareView::of(content, params);
    ComparePage { title: &frame.t("title-compare"), frame, c, draft_warning: views::DRAFT_WARNING }.render()
}

#[derive(Template)]
#[template(path = "glossary.html")]
struct GlossaryPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    entries: &'a [GlossaryEntry],
}

pub fn glossary(frame: &Frame, content: &Content) -> askama::Result<String> {
    GlossaryPage { title: &frame.t("title-glossary"), frame, entries: &content.glossary }.render()
}

#[derive(Template)]
#[template(path = "changes.html")]
struct ChangesPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    c: ChangesView,
}

/// The change log: every record's changes from the content's history, newest first.
pub fn changes(frame: &Frame, content: &Content, history: &History, params: &ChangesParams) -> askama::Result<String> {
    ChangesPage { title: &frame.t("title-changes"), frame, c: ChangesView::of(content, history, params) }.render()
}

#[derive(Template)]
#[template(path = "definitions.html")]
struct DefinitionsPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    d: DefinitionsView,
}

/// What each stance, route answer, status and value means.
pub fn definitions(frame: &Frame, content: &Content) -> askama::Result<String> {
    DefinitionsPage { title: &frame.t("title-definitions"), frame, d: DefinitionsView::of(content, frame.lang) }
        .render()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    frame: &'a Frame<'a>,
    message: &'a str,
}

/// A page that says what went wrong in the reader's terms, never in the program's.
pub fn error(frame: &Frame, title: &str, message: &str) -> askama::Result<String> {
    ErrorPage { title, frame, message }.render()
}

/// A facet value in the sidebar: a link that toggles it.
pub struct FacetLink<'l> {
    /// As HTML.
    pub label: Cow<'l, str>,
    pub count: usize,
    pub checked: bool,
    /// Written for an HTML attribute (`&#38;` between the query's pairs).
    pub href: String,
}

/// A facet's values.
pub struct FacetGroup<'l> {
    pub title: String,
    pub values: Vec<FacetLink<'l>>,
}

/// A hit as the results list shows it.
pub struct HitLine<'r> {
    pub title: &'r str,
    pub href: String,
    pub badge: Badge,
    pub draft: bool,
    pub snippet: &'r str,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    title: String,
    frame: &'a Frame<'a>,
    query: &'a str,
    /// The `limit` asked for, kept by the form.
    limit: Option<usize>,
    active: Vec<(&'static str, String)>,
    facets: Vec<FacetGroup<'a>>,
    error: Option<String>,
    summary: String,
    first: usize,
    hits: Vec<HitLine<'a>>,
    /// The pages before and after, written for an HTML attribute as the facets' links are.
    prev: Option<String>,
    next: Option<String>,
    /// The client index's scripts, on the exported search page only.
    index_scripts: Vec<String>,
    /// The facet values' labels for `offline.js`, as JSON, on the exported search page only.
    labels: String,
}

impl<'a> SearchPage<'a> {
    /// A search page for `query` with nothing found yet.
    fn empty(frame: &'a Frame<'a>, query: &'a str) -> SearchPage<'a> {
        SearchPage {
            title: frame.t("title-search"),
            frame,
            query,
            limit: None,
            active: Vec::new(),
            facets: Vec::new(),
            error: None,
            summary: String::new(),
            first: 1,
            hits: Vec::new(),
            prev: None,
            next: None,
            index_scripts: Vec::new(),
            labels: String::new(),
        }
    }
}

/// The search page for a request and its results (or the error that stopped it).
pub fn search(
    frame: &Frame,
    labels: &FacetLabels,
    request: &SearchRequest,
    results: Result<&SearchResults, String>,
) -> askama::Result<String> {
    let mut page = SearchPage::empty(frame, &request.query);
    page.active =
        Facet::ALL.iter().flat_map(|&f| request.filter(f).iter().map(move |v| (f.name(), v.clone()))).collect();
    page.limit = request.limit;
    page.first = request.offset.saturating_add(1);
    match results {
        Err(e) => page.error = Some(e),
        Ok(results) => {
            let base = search_base(frame, request);
            page.facets = facet_groups(frame, labels, request, results, &base);
            page.hits = results.hits.iter().map(|h| hit_line(frame, h)).collect();
            page.summary = result_summary(frame.lang, &request.query, results);
            let at = |offset: usize| search_url(&base, request, offset);
            page.prev = (results.offset > 0).then(|| at(results.offset.saturating_sub(results.limit)));
            page.next = (results.offset + results.limit < results.total).then(|| at(results.offset + results.limit));
        }
    }
    // A page of results is some 30 KB: written into room for it rather than grown to it.
    let mut html = String::with_capacity(48 * 1024);
    page.render_into(&mut html)?;
    Ok(html)
}

/// The exported search page: an empty shell that the client index and `offline.js` fill in.
pub fn search_shell(frame: &Frame, content: &Content, index_scripts: Vec<String>) -> askama::Result<String> {
    SearchPage { index_scripts, labels: facet_labels(frame, content), ..SearchPage::empty(frame, "") }.render()
}

/// Every facet value's label in the page's language, as JSON in the client index's shape
/// (`{"stance": {"required": "必須"}}`), for `offline.js` to show instead of the index's English.
fn facet_labels(frame: &Frame, content: &Content) -> String {
    let labels: BTreeMap<&str, BTreeMap<String, String>> = Facet::ALL
        .into_iter()
        .map(|f| {
            let labels = facet_values(content, f).into_iter().map(|v| {
                let label = facet_label(frame, content, f, &v);
                (v, label)
            });
            (f.name(), labels.collect())
        })
        .collect();
    serde_json::to_string(&labels).expect("labels are JSON").replace('<', "\\u003c")
}

/// Every value facet `f` can take in `content`.
fn facet_values(content: &Content, f: Facet) -> Vec<String> {
    match f {
        Facet::Regulator => content.regulators.iter().map(|r| r.id.value.clone()).collect(),
        Facet::Domain => content.domains.iter().map(|d| d.id.value.clone()).collect(),
        Facet::Topic => content.topics.iter().map(|t| t.id.value.clone()).collect(),
        Facet::Modality => content.modalities.iter().map(|m| m.id.value.clone()).collect(),
        Facet::Stance => indexer::model::Stance::ALL.iter().map(|s| s.as_str().to_owned()).collect(),
    }
}

/// Each facet value's label in one language as the results page shows it (`Frame::term`): made
/// once per language, not looked up and escaped again for each link of each page.
pub struct FacetLabels([FxHashMap<String, String>; 5]);

impl FacetLabels {
    /// The labels of every value of `content`'s facets in `frame`'s language.
    pub fn of(frame: &Frame, content: &Content) -> FacetLabels {
        FacetLabels(Facet::ALL.map(|f| {
            let label = |v: String| {
                let label = frame.term(&facet_label(frame, content, f, &v));
                (v, label)
            };
            facet_values(content, f).into_iter().map(label).collect()
        }))
    }

    /// The label of `value`, or `value` itself when the content has no such value.
    fn html(&self, frame: &Frame, f: Facet, value: &str) -> Cow<'_, str> {
        self.0[f as usize].get(value).map_or_else(|| frame.term(value).into(), |label| label.into())
    }
}

/// The search page's URL with the words of `request`, written for an HTML attribute: what every
/// link of its results page begins with, encoded once.
fn search_base(frame: &Frame, request: &SearchRequest) -> String {
    let mut url = frame.links.search();
    url.push('?');
    let start = url.len();
    QueryWriter::html(url, start).pair("q", &request.query).out
}

/// The search page's URL for `request` at `offset` from its `base`, written for an HTML attribute.
fn search_url(base: &str, request: &SearchRequest, offset: usize) -> String {
    query_rest(QueryWriter::after(base), request, offset)
}

/// Each facet's values with their counts, each a link that toggles it. A value asked for that no
/// record has (`regulator=zz`) is listed too, checked with no records, so that it can be cleared.
fn facet_groups<'l>(
    frame: &Frame,
    labels: &'l FacetLabels,
    request: &SearchRequest,
    results: &SearchResults,
    base: &str,
) -> Vec<FacetGroup<'l>> {
    Facet::ALL
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let counts = &results.facets[f.name()];
            let unknown =
                request.filter(f).iter().filter(|v| !counts.contains_key(v.as_str())).map(|v| (v.as_str(), 0));
            let values = counts.iter().map(|(value, &count)| (&**value, count)).chain(unknown);
            // A facet's links differ only in its own filters: the others are written once.
            let before = filters(QueryWriter::after(base), request, &Facet::ALL[..i]);
            let after = paging(filters(QueryWriter::html(String::new(), 0), request, &Facet::ALL[i + 1..]), request, 0);
            FacetGroup {
                title: frame.t(&format!("facet-{}", f.name())),
                values: values
                    .map(|(value, count)| FacetLink {
                        label: labels.html(frame, f, value),
                        count,
                        checked: request.filter(f).iter().any(|v| v == value),
                        href: toggled(before.copy(after.out.len() + 64), request, f, value).pairs(&after.out).out,
                    })
                    .collect(),
            }
        })
        .collect()
}

fn hit_line<'r>(frame: &Frame, h: &'r indexer::search::Hit) -> HitLine<'r> {
    let (href, badge) = match h.kind {
        "product" => (frame.links.product(&h.id), Badge::product()),
        _ => (frame.links.record(&h.id), Badge::of(h.stance.parse().unwrap_or(indexer::model::Stance::Unknown))),
    };
    HitLine { title: &h.title, href, badge, draft: &*h.status == "draft", snippet: &h.snippet }
}

/// The line above the hits, for `query` as the reader wrote it.
fn result_summary(lang: Lang, query: &str, results: &SearchResults) -> String {
    let key = match (query.trim().is_empty(), results.analysable, results.relaxed) {
        (true, _, _) => "search-count",
        (false, false, _) => "search-unsearchable",
        (false, true, false) => "search-matches",
        (false, true, true) => "search-some-words",
    };
    let mut lines = vec![i18n::t_args(lang, key, &[("n", results.total.into()), ("query", query.into())])];
    if !results.dropped.is_empty() {
        let words: Vec<String> = results.dropped.iter().map(|w| format!("“{w}”")).collect();
        lines.push(i18n::t_args(lang, "search-dropped", &[("words", words.join(", ").into())]));
    }
    if let Some(s) = results.suggestions.first() {
        lines.push(i18n::t_args(lang, "search-suggestion", &[("query", s.as_str().into())]));
    }
    lines.join(" ")
}

/// The URL query of a search request, as the search form would write it.
pub fn query_string(request: &SearchRequest) -> String {
    let words = QueryWriter::plain().pair("q", &request.query);
    query_rest(words, request, request.offset)
}

/// Appends to `query`, which holds the words, the rest of the query of `request` at `offset`: its
/// filters, its limit and the offset.
fn query_rest(query: QueryWriter, request: &SearchRequest, offset: usize) -> String {
    paging(filters(query, request, &Facet::ALL), request, offset).out
}

/// Appends the filters of `request` on `facets`, in their order.
fn filters(mut query: QueryWriter, request: &SearchRequest, facets: &[Facet]) -> QueryWriter {
    for &f in facets {
        for v in request.filter(f) {
            query = query.pair(f.name(), v);
        }
    }
    query
}

/// Appends the filters of `request` on facet `f` with `value` toggled: added after the others, or
/// left out when it is one of them.
fn toggled(mut query: QueryWriter, request: &SearchRequest, f: Facet, value: &str) -> QueryWriter {
    let values = request.filter(f);
    for v in values.iter().filter(|v| *v != value) {
        query = query.pair(f.name(), v);
    }
    if !values.iter().any(|v| v == value) {
        query = query.pair(f.name(), value);
    }
    query
}

/// Appends the limit of `request` and `offset`, unless it is the first.
fn paging(mut query: QueryWriter, request: &SearchRequest, offset: usize) -> QueryWriter {
    if let Some(limit) = request.limit {
        query = query.pair("limit", &limit.to_string());
    }
    if offset > 0 {
        query = query.pair("offset", &offset.to_string());
    }
    query
}

/// A URL query being written, form-encoded, at the end of `out` from `start`, its pairs joined by
/// `and`: `&` in a URL; `&#38;`, as templates escape it, in a URL written for an HTML attribute,
/// which then needs no escaping (form encoding leaves no other character that HTML gives meaning to).
struct QueryWriter {
    out: String,
    start: usize,
    and: &'static str,
}

impl QueryWriter {
    /// A URL query of its own.
    fn plain() -> QueryWriter {
        QueryWriter { out: String::new(), start: 0, and: "&" }
    }

    /// A URL query for an HTML attribute, at the end of `out` from `start`.
    fn html(out: String, start: usize) -> QueryWriter {
        QueryWriter { out, start, and: "&#38;" }
    }

    /// A URL query for an HTML attribute that goes on from `url`'s (after its `?`), in a copy.
    fn after(url: &str) -> QueryWriter {
        let start = url.find('?').map_or(url.len(), |q| q + 1);
        // Room for a filter or two, so that appending them does not copy the URL again.
        let mut out = String::with_capacity(url.len() + 64);
        out.push_str(url);
        QueryWriter::html(out, start)
    }

    /// A copy of this query, with room for `more` bytes.
    fn copy(&self, more: usize) -> QueryWriter {
        let mut out = String::with_capacity(self.out.len() + more);
        out.push_str(&self.out);
        QueryWriter { out, ..*self }
    }

    /// Appends `pairs`, written by a query of the same kind.
    fn pairs(mut self, pairs: &str) -> QueryWriter {
        if !pairs.is_empty() && self.out.len() > self.start {
            self.out.push_str(self.and);
        }
        self.out.push_str(pairs);
        self
    }

    fn pair(mut self, name: &str, value: &str) -> QueryWriter {
        if self.out.len() > self.start {
            self.out.push_str(self.and);
        }
        self.out.extend(form_urlencoded::byte_serialize(name.as_bytes()));
        self.out.push('=');
        self.out.extend(form_urlencoded::byte_serialize(value.as_bytes()));
        self
    }
}

fn facet_label(frame: &Frame, content: &Content, f: Facet, value: &str) -> String {
    let label = match f {
        Facet::Regulator => content.regulator(value).map(|r| r.short.clone()),
        Facet::Domain => content.domain(value).map(|d| d.title.clone()),
        Facet::Topic => content.topic(value).map(|t| t.title.clone()),
        Facet::Modality => content.modality(value).map(|m| m.title.clone()),
        Facet::Stance => {
            value.parse::<indexer::model::Stance>().ok().map(|s| frame.t(&format!("stance-{}", s.as_str())))
        }
    };
    label.unwrap_or_else(|| value.to_owned())
}
