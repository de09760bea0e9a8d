//! The HTTP server: read-only routes over one built `Site`, swapped whole when live preview
//! rebuilds, behind security headers, timeouts and size limits.

use std::cell::Cell;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use std::collections::BTreeSet;
use std::convert::Infallible;

use axum::body::Body;
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::Uri;
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Json, Response};
use axum::routing::get;
use axum::{Extension, Router, middleware};
use indexer::SearchRequest;
use indexer::date::Date;
use indexer::history::History;
use indexer::model::Content;
use indexer::search::SearchError;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::assets;
use crate::cache::Cached;
use crate::fairness::{self, DEFAULT_PER_CLIENT, Fairness};
use crate::feeds::{self, Scope};
use crate::formats::openapi::{self, ApiError};
use crate::formats::table::Book;
use crate::formats::{CiteFormat, TableFormat, split_download};
use crate::i18n::{self, Lang};
use crate::links::Links;
use crate::pages::{self, Frame};
use crate::params::{as_of, changes_params, compare_params, modality, product_filter, search_request, without_as_of};
use crate::references::Reference;
use crate::tables::{self, Stamp};
use crate::views::approvals::ApprovalsView;
use crate::views::product::{ProductView, ProductsView};
use crate::views::{CompareView, RecordView, RegulatorView, TopicView};
use crate::{Site, preview::Preview};

/// What the handlers share: the current site, and what live preview reports.
#[derive(Clone)]
pub struct AppState {
    site: Arc<RwLock<Arc<Site>>>,
    pub preview: Preview,
    /// Each client's share of search and API work.
    pub fairness: Fairness,
    repository: Option<Arc<str>>,
    base_url: Option<Arc<str>>,
}

impl AppState {
    /// State serving `site`; `repository` is the web address of the content's repository.
    pub fn new(site: Site, repository: Option<String>) -> AppState {
        AppState {
            site: Arc::new(RwLock::new(Arc::new(site))),
            preview: Preview::default(),
            fairness: Fairness::new(DEFAULT_PER_CLIENT),
            repository: repository.map(Into::into),
            base_url: None,
        }
    }

    /// This state, knowing the address the site is reached at (`https://host/path`), so that
    /// downloaded workbooks link to pages absolutely; without it they link by path.
    pub fn with_base_url(mut self, base_url: Option<String>) -> AppState {
        self.base_url = base_url.map(|b| b.trim_end_matches('/').into());
        self
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Replaces the site being served; requests under way finish on the old one.
    pub fn replace(&self, site: Site) {
        *self.site.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(site);
    }

    fn page(&self, at: &Locale, render: impl FnOnce(&Frame, &Site) -> askama::Result<String>) -> Response {
        self.page_of(at, |frame, site| Some(render(frame, site)))
    }

    /// A page about something that may not exist: `render` gives `None` for a 404.
    fn page_of(&self, at: &Locale, render: impl FnOnce(&Frame, &Site) -> Option<askama::Result<String>>) -> Response {
        let links = Links::server().in_lang(at.lang);
        let notices = self.preview.notices();
        let today = Date::today().to_string();
        let site = self.site();
        let plain = Frame::plain(&links, at.lang, &at.here, &Lang::ALL, &site.vocabulary(at.lang).untranslated);
        let frame = Frame {
            notices: &notices,
            repository: self.repository.as_deref(),
            live: self.preview.live,
            today: Some(&today),
            suggest: at.suggest,
            ..plain
        };
        match render(&frame, &site) {
            None => self.not_found(at),
            Some(Ok(html)) => Html(html).into_response(),
            Some(Err(_)) => self.error(at, StatusCode::INTERNAL_SERVER_ERROR, "error-failed", "error-failed-message"),
        }
    }

    /// `page` (a path with its query) as a download in `format`; `make` gives `None` for a 404.
    fn download(
        &self,
        page: &str,
        format: TableFormat,
        make: impl FnOnce(&Site, &Links, &Stamp) -> Option<Book>,
    ) -> Response {
        let site = self.site();
        let links = self.base_url.as_deref().map_or_else(Links::server, Links::absolute);
        let date = Date::today();
        let address = format!("{}{page}", self.base_url.as_deref().unwrap_or(""));
        let stamp = Stamp { address, date, version: &site.version };
        let Some(book) = make(&site, &links, &stamp) else { return self.not_found(&Locale::english()) };
        match format.write(&book, date) {
            Ok(bytes) => {
                let name = page.split('?').next().unwrap_or(page).trim_start_matches('/').replace('/', "-");
                let disposition = format!("attachment; filename=\"regkb-{name}.{}\"", format.ext());
                let headers = [
                    (header::CONTENT_TYPE, format.media_type().to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ];
                (headers, bytes).into_response()
            }
            Err(e) => {
                eprintln!("regkb: a workbook could not be written: {e}");
                self.error(&Locale::english(), StatusCode::INTERNAL_SERVER_ERROR, "error-failed", "error-download")
            }
        }
    }

    /// An error page in the reader's language: `title` and `message` are message keys.
    fn error(&self, at: &Locale, status: StatusCode, title: &str, message: &str) -> Response {
        let links = Links::server().in_lang(at.lang);
        let untranslated = BTreeSet::new();
        let frame = Frame::plain(&links, at.lang, &at.here, &Lang::ALL, &untranslated);
        let title = frame.t(title);
        let html = pages::error(&frame, &title, &frame.t(message)).unwrap_or_else(|_| title.clone());
        (status, Html(html)).into_response()
    }

    fn not_found(&self, at: &Locale) -> Response {
        self.error(at, StatusCode::NOT_FOUND, "error-not-found", "error-not-found-message")
    }
}

/// Where a page request is: its language, from the path's prefix, and its address below that
/// language's root, which the language switcher keeps.
pub struct Locale {
    lang: Lang,
    here: String,
    /// The language the reader's browser prefers, on the English home page only.
    suggest: Option<Lang>,
}

impl Locale {
    fn english() -> Locale {
        Locale { lang: Lang::En, here: String::new(), suggest: None }
    }

    /// The locale of `uri` (below its language's prefix) in `lang`.
    fn of(lang: Lang, uri: &Uri) -> Locale {
        let path = uri.path().trim_start_matches('/');
        let path = path.strip_prefix(lang.dir()).unwrap_or(path);
        let here = match uri.query() {
            Some(q) => format!("{path}?{q}"),
            None => path.to_owned(),
        };
        Locale { lang, here, suggest: None }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Locale, Infallible> {
        // Each language's pages are nested under its prefix with the language as an extension;
        // the nested router sees the path without the prefix.
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or(Lang::En);
        let mut locale = Locale::of(lang, &parts.uri);
        if lang == Lang::En && locale.here.is_empty() {
            let accept = parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
            locale.suggest = accept.and_then(Lang::preferred);
        }
        Ok(locale)
    }
}

/// Headers on every response, unless its handler set them.
const HEADERS: [(HeaderName, &str); 5] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
];

/// The router with every page, API route and asset.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new().merge(pages().layer(Extension(Lang::En)));
    for lang in &Lang::ALL[1..] {
        let prefix = format!("/{}", lang.tag());
        // `/ja/` is the Japanese home page, as `/` is the English one.
        app = app.route(&format!("{prefix}/"), get(home).layer(Extension(*lang)));
        app = app.nest(&prefix, pages().layer(Extension(*lang)));
    }
    let mut app = app
        .route("/compare.csv", get(|s, q| compare_download(s, q, TableFormat::Csv)))
        .route("/compare.xlsx", get(|s, q| compare_download(s, q, TableFormat::Xlsx)))
        .route("/approvals.csv", get(|s, q| approvals_download(s, q, TableFormat::Csv)))
        .route("/approvals.xlsx", get(|s, q| approvals_download(s, q, TableFormat::Xlsx)))
        .nest(openapi::PREFIX, api())
        // The unversioned paths answer as the current version.
        .nest("/api", api())
        .route("/static/{name}", get(asset))
        .fallback(fallback);
    // Only a watched site changes, so only it offers a stream of changes.
    if state.preview.live {
        app = app.route("/preview/events", get(crate::preview::events));
    }
    let fairness = state.fairness.clone();
    // The limits wrap the whole router once: `Router::layer` would wrap each route, and every
    // request would clone and box each layer of its route again.
    let limits = ServiceBuilder::new()
        // Outermost, so that responses made by the limits (413, 408) carry the headers too.
        .map_response(with_headers)
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(10)))
        .layer(middleware::from_fn_with_state(fairness, fairness::take_turns))
        // Inside the fairness turns, which take only the router's own body type.
        .layer(RequestBodyLimitLayer::new(16 * 1024))
        .layer(CompressionLayer::new());
    Router::new().fallback_service(limits.service(app.with_state(state)))
}

/// `response` with each of `HEADERS` its handler did not set.
fn with_headers<B>(mut response: axum::http::Response<B>) -> axum::http::Response<B> {
    for (name, value) in HEADERS {
        response.headers_mut().entry(name).or_insert(HeaderValue::from_static(value));
    }
    response
}

/// The pages, in one language: the router nests them under each language's prefix.
fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search_page))
        .route("/compare", get(compare_page))
        .route("/glossary", get(glossary_page))
        .route("/changes", get(changes_page))
        .route("/definitions", get(definitions_page))
        .route("/topics/{id}", get(topic_page))
        .route("/records/{*id}", get(record_page))
        .route("/regulators/{id}", get(regulator_page))
        .route("/feeds/all.xml", get(feed_all))
        .route("/feeds/{kind}/{file}", get(feed_of))
        .route("/products", get(products_page))
        .route("/products/{id}", get(product_page))
        .route("/approvals", get(approvals_page))
}

/// The JSON API, nested under each of its prefixes.
fn api() -> Router<AppState> {
    Router::new()
        .route("/search", get(api_search))
        .route("/compare", get(api_compare))
        .route("/records/{*id}", get(api_record))
        .route("/products", get(api_products))
        .route("/products/{id}", get(api_product))
        .route("/approvals", get(api_approvals))
        .route("/openapi.json", get(api_openapi))
}

/// Serves until Ctrl-C. `on_ready` runs once the socket is bound.
pub async fn serve(state: AppState, addr: SocketAddr, on_ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    on_ready(listener.local_addr()?);
    let preview = state.preview.clone();
    axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            preview.close();
        })
        .await
}

async fn home(State(s): State<AppState>, at: Locale) -> Response {
    // The English home page suggests the reader's language, so caches must keep one per header.
    let vary = [(header::VARY, "Accept-Language")];
    (vary, s.page(&at, |f, site| pages::home(f, &site.vocabulary(f.lang).content))).into_response()
}

async fn glossary_page(State(s): State<AppState>, at: Locale) -> Response {
    s.page(&at, |f, site| pages::glossary(f, &site.vocabulary(f.lang).content))
}

async fn definitions_page(State(s): State<AppState>, at: Locale) -> Response {
    s.page(&at, |f, site| pages::definitions(f, &site.vocabulary(f.lang).content))
}

async fn changes_page(State(s): State<AppState>, at: Locale, RawQuery(query): RawQuery) -> Response {
    let params = changes_params(query.as_deref().unwrap_or(""));
    s.page(&at, |f, site| pages::changes(f, &site.vocabulary(f.lang).content, &site.history, &params))
}

/// How long an async worker may go without yielding before a search: a flooding client's searches
/// then delay another client's request by about this much, not by a long run of searches.
const SEARCH_SLICE: Duration = Duration::from_millis(1);

/// Runs `work`, a search, in place on the async worker that took the request: handing searches to
/// the blocking pool and back cost a fifth of a search request's CPU in thread wake-ups and switches.
/// Under a flood, fair shares wake each client's next search on the worker that finished the last,
/// and a worker running searches back to back reads no new request until tokio's event interval
/// comes round (dozens of searches). So a worker that has not yielded for a [`SEARCH_SLICE`] yields
/// first, which lets it take in the requests that arrived meanwhile, other clients' among them.
async fn searching(s: AppState, work: impl FnOnce(AppState) -> Response + Send + 'static) -> Response {
    thread_local!(static YIELDED: Cell<Option<Instant>> = const { Cell::new(None) });
    if YIELDED.get().is_none_or(|at| at.elapsed() > SEARCH_SLICE) {
        tokio::task::yield_now().await;
        YIELDED.set(Some(Instant::now()));
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(s)))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

async fn search_page(State(s): State<AppState>, at: Locale, RawQuery(query): RawQuery) -> Response {
    let request = search_request(query.as_deref().unwrap_or(""));
    searching(s, move |s| {
        s.page(&at, |f, site| {
            let results = site.search(&request).map_err(|e| search_error(f.lang, &e));
            pages::search(f, site.facet_labels(f), &request, results.as_ref().map(|c| &c.results).map_err(Clone::clone))
        })
    })
    .await
}

/// Why a search could not run, in `lang`.
fn search_error(lang: Lang, e: &SearchError) -> String {
    match e {
        SearchError::TooLong { chars } => i18n::t_args(
            lang,
            "search-too-long",
            &[("n", (*chars).into()), ("limit", indexer::search::MAX_QUERY_CHARS.into())],
        ),
        SearchError::Index(_) => e.to_string(),
    }
}

/// Renders a page over the content as it was on `as_of` (today's when `None`), with the notice
/// that says so and links to `today`, the page's own address without the date.
fn dated<T>(
    f: &Frame,
    site: &Site,
    as_of: Option<Date>,
    today: String,
    render: impl FnOnce(&Frame, &Content, &History) -> T,
) -> T {
    let Some(date) = as_of else { return render(f, &site.vocabulary(f.lang).content, &site.history) };
    let (content, mut notice) = site.content_as_of(date);
    notice.today = Some(today);
    render(&f.with_as_of(&notice), &content, &site.history.until(date))
}

async fn compare_page(State(s): State<AppState>, at: Locale, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    let params = compare_params(&query);
    let rest = without_as_of(&query);
    let today =
        if rest.is_empty() { Links::server().compare() } else { format!("{}?{rest}", Links::server().compare()) };
    s.page(&at, |f, site| dated(f, site, as_of(&query), today, |f, content, _| pages::compare(f, content, &params)))
}

async fn compare_download(State(s): State<AppState>, RawQuery(query): RawQuery, format: TableFormat) -> Response {
    let query = query.unwrap_or_default();
    let params = compare_params(&query);
    let site = s.site();
    // A comparison as of a past date downloads as it was then, as its page shows it.
    let content = content_at(&site, &query);
    let view = CompareView::of(&content, &params);
    let page = if view.query.is_empty() { "/compare".to_owned() } else { format!("/compare?{}", view.query) };
    s.download(&page, format, |_, links, stamp| Some(tables::compare(&content, &view, links, stamp)))
}

async fn topic_page(
    State(s): State<AppState>,
    at: Locale,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some((id, format)) = split_download(&id) {
        return s.download(&format!("/topics/{id}"), format, |site, links, stamp| {
            let t = site.content.topic(id)?;
            Some(tables::topic(&site.content, &TopicView::of(&site.content, t, ""), links, stamp))
        });
    }
    let query = query.unwrap_or_default();
    let (date, modality) = (as_of(&query), modality(&query));
    s.page_of(&at, |f, site| {
        dated(f, site, date, f.links.topic(&id), |f, content, _| {
            content.topic(&id).map(|t| pages::topic(f, TopicView::of(content, t, &modality)))
        })
    })
}

async fn record_page(
    State(s): State<AppState>,
    at: Locale,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let site = s.site();
    if site.content.record(&id).is_none()
        && let Some((format, stem)) = CiteFormat::ALL.into_iter().find_map(|f| Some((f, id.strip_suffix(f.ext())?)))
        && let Some(r) = stem.strip_suffix('.').and_then(|stem| site.content.record(stem))
    {
        let url = s.base_url.as_deref().map(|b| Links::absolute(b).record(&r.id));
        let references = Reference::of_record_and_sources(&site.content, r, url);
        let disposition = format!("attachment; filename=\"regkb-{}.{}\"", r.id.replace('/', "-"), format.ext());
        let headers =
            [(header::CONTENT_TYPE, format.media_type().to_owned()), (header::CONTENT_DISPOSITION, disposition)];
        return (headers, format.write(&references)).into_response();
    }
    let date = as_of(query.as_deref().unwrap_or(""));
    s.page_of(&at, |f, site| {
        dated(f, site, date, f.links.record(&id), |f, content, history| {
            content.record(&id).map(|r| pages::record(f, content, history, r, &indexer::markdown::to_html(&r.body)))
        })
    })
}

async fn regulator_page(State(s): State<AppState>, at: Locale, Path(id): Path<String>) -> Response {
    if let Some((id, format)) = split_download(&id) {
        return s.download(&format!("/regulators/{id}"), format, |site, links, stamp| {
            let g = site.content.regulator(id)?;
            Some(tables::regulator(&site.content, &RegulatorView::of(&site.content, g), links, stamp))
        });
    }
    s.page_of(&at, |f, site| {
        site.vocabulary(f.lang)
            .content
            .regulator(&id)
            .map(|g| pages::regulator(f, RegulatorView::of(&site.vocabulary(f.lang).content, g)))
    })
}

async fn products_page(State(s): State<AppState>, at: Locale, RawQuery(query): RawQuery) -> Response {
    let filter = product_filter(query.as_deref().unwrap_or(""));
    s.page(&at, |f, site| pages::products(f, &site.vocabulary(f.lang).content, &filter))
}

async fn product_page(State(s): State<AppState>, at: Locale, Path(id): Path<String>) -> Response {
    s.page_of(&at, |f, site| {
        site.vocabulary(f.lang).content.product(&id).map(|p| pages::product(f, &site.vocabulary(f.lang).content, p))
    })
}

async fn approvals_page(State(s): State<AppState>, at: Locale, RawQuery(query): RawQuery) -> Response {
    let filter = product_filter(query.as_deref().unwrap_or(""));
    s.page(&at, |f, site| pages::approvals(f, &site.vocabulary(f.lang).content, &filter))
}

async fn approvals_download(State(s): State<AppState>, RawQuery(query): RawQuery, format: TableFormat) -> Response {
    let filter = product_filter(query.as_deref().unwrap_or(""));
    let view = ApprovalsView::of(&s.site().content, &filter);
    let page = if view.query.is_empty() { "/approvals".to_owned() } else { format!("/approvals?{}", view.query) };
    s.download(&page, format, |site, links, stamp| Some(tables::approvals(&site.content, &view, links, stamp)))
}

fn api_error(status: StatusCode, message: String) -> Response {
    (status, Json(ApiError { error: message })).into_response()
}

async fn api_openapi() -> Response {
    Json(openapi::document()).into_response()
}

async fn api_search(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let request: SearchRequest = search_request(query.as_deref().unwrap_or(""));
    let json = |c: &Cached, q: &str| ([(header::CONTENT_TYPE, "application/json")], c.json(q)).into_response();
    // A repeated search is a lookup in the cache; only a new one runs the search.
    if let Some(hit) = s.site().cached(&request) {
        return json(&hit, &request.query);
    }
    searching(s, move |s| match s.site().search(&request) {
        Ok(cached) => json(&cached, &request.query),
        Err(e @ SearchError::TooLong { .. }) => api_error(StatusCode::BAD_REQUEST, e.to_string()),
        Err(SearchError::Index(inner)) => {
            eprintln!("regkb: search failed: {inner}");
            api_error(StatusCode::INTERNAL_SERVER_ERROR, SearchError::Index(inner).to_string())
        }
    })
    .await
}

/// The content as of the query's `as_of` date, or today's.
fn content_at<'a>(site: &'a Site, query: &str) -> std::borrow::Cow<'a, Content> {
    match as_of(query) {
        Some(date) => site.content_as_of(date).0,
        None => std::borrow::Cow::Borrowed(&*site.content),
    }
}

async fn api_compare(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    let params = compare_params(&query);
    let site = s.site();
    Json(CompareView::of(&content_at(&site, &query), &params)).into_response()
}

async fn api_record(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let site = s.site();
    match site.content.record(&id) {
        Some(r) => Json(RecordView::of(&site.content, r)).into_response(),
        None => api_error(StatusCode::NOT_FOUND, format!("no record has the id `{id}`")),
    }
}

async fn api_products(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let filter = product_filter(query.as_deref().unwrap_or(""));
    Json(ProductsView::of(&s.site().content, &filter)).into_response()
}

async fn api_product(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let site = s.site();
    match site.content.product(&id) {
        Some(p) => Json(ProductView::of(&site.content, p)).into_response(),
        None => api_error(StatusCode::NOT_FOUND, format!("no product has the id `{id}`")),
    }
}

async fn api_approvals(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let filter = product_filter(query.as_deref().unwrap_or(""));
    Json(ApprovalsView::of(&s.site().content, &filter)).into_response()
}

async fn asset(State(s): State<AppState>, Path(name): Path<String>) -> Response {
    match assets::get(&name) {
        Some((body, mime)) => {
            let headers = [(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=300")];
            (headers, Body::from(body)).into_response()
        }
        None => s.not_found(&Locale::english()),
    }
}

async fn feed_all(State(s): State<AppState>, at: Locale) -> Response {
    feed(&s, &at, Scope::All)
}

async fn feed_of(State(s): State<AppState>, at: Locale, Path((kind, file)): Path<(String, String)>) -> Response {
    match file.strip_suffix(".xml").and_then(|id| Scope::of(&kind, id)) {
        Some(scope) => feed(&s, &at, scope),
        None => s.not_found(&at),
    }
}

/// A feed in the language of its folder.
fn feed(s: &AppState, at: &Locale, scope: Scope) -> Response {
    let site = s.site();
    let links = Links::server().in_lang(at.lang);
    match feeds::render(&site.vocabulary(at.lang).content, &site.history, &scope, &links, at.lang) {
        Some(Ok(xml)) => ([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response(),
        Some(Err(_)) => s.error(at, StatusCode::INTERNAL_SERVER_ERROR, "error-failed", "error-feed"),
        None => s.not_found(at),
    }
}

/// A 404 in the language of the path's prefix.
async fn fallback(State(s): State<AppState>, uri: Uri) -> Response {
    let prefix = uri.path().trim_start_matches('/').split('/').next().unwrap_or("");
    s.not_found(&Locale::of(Lang::from_prefix(prefix).unwrap_or(Lang::En), &uri))
}
