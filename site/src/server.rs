//! The HTTP server: read-only routes over one built `Site`, swapped whole when live preview
//! rebuilds, behind security headers, timeouts and size limits.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Json, Response};
use axum::routing::get;
use axum::{Router, middleware};
use indexer::SearchRequest;
use indexer::search::SearchError;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::assets;
use crate::cache::Cached;
use crate::fairness::{self, DEFAULT_PER_CLIENT, Fairness};
use crate::feeds::{self, Scope};
use crate::links::Links;
use crate::pages::{self, Frame};
use crate::params::{compare_params, search_request};
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
}

impl AppState {
    /// State serving `site`; `repository` is the web address of the content's repository.
    pub fn new(site: Site, repository: Option<String>) -> AppState {
        AppState {
            site: Arc::new(RwLock::new(Arc::new(site))),
            preview: Preview::default(),
            fairness: Fairness::new(DEFAULT_PER_CLIENT),
            repository: repository.map(Into::into),
        }
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Replaces the site being served; requests under way finish on the old one.
    pub fn replace(&self, site: Site) {
        *self.site.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(site);
    }

    fn page(&self, render: impl FnOnce(&Frame, &Site) -> askama::Result<String>) -> Response {
        self.page_of(|frame, site| Some(render(frame, site)))
    }

    /// A page about something that may not exist: `render` gives `None` for a 404.
    fn page_of(&self, render: impl FnOnce(&Frame, &Site) -> Option<askama::Result<String>>) -> Response {
        let links = Links::server();
        let notices = self.preview.notices();
        let frame =
            Frame { links: &links, notices: &notices, repository: self.repository.as_deref(), live: self.preview.live };
        match render(&frame, &self.site()) {
            None => self.not_found(),
            Some(Ok(html)) => Html(html).into_response(),
            Some(Err(_)) => self.error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "This page could not be shown. Please try again; if it persists, report it.",
            ),
        }
    }

    fn error(&self, status: StatusCode, title: &str, message: &str) -> Response {
        let links = Links::server();
        let frame = Frame { links: &links, notices: &[], repository: None, live: false };
        let html = pages::error(&frame, title, message).unwrap_or_else(|_| title.to_owned());
        (status, Html(html)).into_response()
    }

    fn not_found(&self) -> Response {
        self.error(
            StatusCode::NOT_FOUND,
            "Page not found",
            "There is no page at this address. Records, topics and regulators are addressed by their ids.",
        )
    }
}

/// The router with every page, API route and asset.
pub fn router(state: AppState) -> Router {
    let headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    let mut app = Router::new()
        .route("/", get(home))
        .route("/search", get(search_page))
        .route("/compare", get(compare_page))
        .route("/glossary", get(glossary_page))
        .route("/changes", get(changes_page))
        .route("/topics/{id}", get(topic_page))
        .route("/records/{*id}", get(record_page))
        .route("/regulators/{id}", get(regulator_page))
        .route("/api/search", get(api_search))
        .route("/api/compare", get(api_compare))
        .route("/api/records/{*id}", get(api_record))
        .route("/static/{name}", get(asset))
        .route("/feeds/all.xml", get(feed_all))
        .route("/feeds/{kind}/{file}", get(feed_of))
        .fallback(fallback);
    // Only a watched site changes, so only it offers a stream of changes.
    if state.preview.live {
        app = app.route("/preview/events", get(crate::preview::events));
    }
    let fairness = state.fairness.clone();
    let mut app = app.with_state(state);
    app = app
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(fairness, fairness::take_turns))
        .layer(RequestBodyLimitLayer::new(16 * 1024))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(10)));
    // Outermost, so that responses made by the limits (413, 408) carry them too.
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)));
    }
    app
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

async fn home(State(s): State<AppState>) -> Response {
    s.page(|f, site| pages::home(f, &site.content))
}

async fn glossary_page(State(s): State<AppState>) -> Response {
    s.page(|f, site| pages::glossary(f, &site.content))
}

async fn changes_page(State(s): State<AppState>) -> Response {
    s.page(|f, site| pages::changes(f, &site.content))
}

/// Runs `work` on the blocking pool: a search is CPU work, and must not stall the other
/// requests an async worker serves. (Run in place, small searches were no faster under load, and a
/// client flooding searches then held the async workers, so that others waited behind it.)
async fn searching(s: AppState, work: impl FnOnce(AppState) -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(move || work(s))
        .await
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

async fn search_page(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let request = search_request(query.as_deref().unwrap_or(""));
    searching(s, move |s| {
        s.page(|f, site| {
            let results = site.search(&request).map_err(|e| e.to_string());
            pages::search(f, &site.content, &request, results.as_ref().map(|c| &c.results).map_err(Clone::clone))
        })
    })
    .await
}

async fn compare_page(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let params = compare_params(query.as_deref().unwrap_or(""));
    s.page(|f, site| pages::compare(f, &site.content, &params))
}

async fn topic_page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    s.page_of(|f, site| site.content.topic(&id).map(|t| pages::topic(f, TopicView::of(&site.content, t))))
}

async fn record_page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    s.page_of(|f, site| site.content.record(&id).map(|r| pages::record(f, &site.content, r)))
}

async fn regulator_page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    s.page_of(|f, site| site.content.regulator(&id).map(|g| pages::regulator(f, RegulatorView::of(&site.content, g))))
}

fn api_error(status: StatusCode, message: String) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

async fn api_search(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let request: SearchRequest = search_request(query.as_deref().unwrap_or(""));
    let json = |c: &Cached| ([(header::CONTENT_TYPE, "application/json")], c.json.clone()).into_response();
    // A repeated search is a lookup, answered here; a new one is CPU work for the blocking pool.
    if let Some(hit) = s.site().cached(&request) {
        return json(&hit);
    }
    searching(s, move |s| match s.site().search(&request) {
        Ok(cached) => json(&cached),
        Err(e @ SearchError::TooLong { .. }) => api_error(StatusCode::BAD_REQUEST, e.to_string()),
        Err(SearchError::Index(inner)) => {
            eprintln!("regkb: search failed: {inner}");
            api_error(StatusCode::INTERNAL_SERVER_ERROR, SearchError::Index(inner).to_string())
        }
    })
    .await
}

async fn api_compare(State(s): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let params = compare_params(query.as_deref().unwrap_or(""));
    Json(CompareView::of(&s.site().content, &params)).into_response()
}

async fn api_record(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let site = s.site();
    match site.content.record(&id) {
        Some(r) => Json(RecordView::of(&site.content, r)).into_response(),
        None => api_error(StatusCode::NOT_FOUND, format!("no record has the id `{id}`")),
    }
}

async fn asset(State(s): State<AppState>, Path(name): Path<String>) -> Response {
    match assets::get(&name) {
        Some((body, mime)) => {
            let headers = [(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=300")];
            (headers, Body::from(body)).into_response()
        }
        None => s.not_found(),
    }
}

async fn feed_all(State(s): State<AppState>) -> Response {
    feed(&s, Scope::All)
}

async fn feed_of(State(s): State<AppState>, Path((kind, file)): Path<(String, String)>) -> Response {
    match file.strip_suffix(".xml").and_then(|id| Scope::of(&kind, id)) {
        Some(scope) => feed(&s, scope),
        None => s.not_found(),
    }
}

fn feed(s: &AppState, scope: Scope) -> Response {
    match feeds::render(&s.site().content, &scope, &Links::server()) {
        Some(Ok(xml)) => ([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response(),
        Some(Err(_)) => {
            s.error(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong", "This feed could not be built.")
        }
        None => s.not_found(),
    }
}

async fn fallback(State(s): State<AppState>) -> Response {
    s.not_found()
}
