//! Live preview: the errors of the last rebuild, shown on every page, and a stream that tells
//! open pages to reload when the site changes.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use tokio::sync::watch;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use crate::server::AppState;

/// Live-preview state shared by the watcher and the handlers.
#[derive(Clone)]
pub struct Preview {
    notices: Arc<RwLock<Vec<String>>>,
    generation: Arc<watch::Sender<u64>>,
    /// Whether pages should listen for reloads (only under `serve --watch`).
    pub live: bool,
}

impl Default for Preview {
    fn default() -> Self {
        Preview { notices: Arc::default(), generation: Arc::new(watch::channel(0).0), live: false }
    }
}

impl Preview {
    /// The problems to show in every page's banner; empty when the content is clean.
    pub fn notices(&self) -> Vec<String> {
        self.notices.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Records the outcome of a rebuild and tells open pages to reload.
    pub fn publish(&self, notices: Vec<String>) {
        *self.notices.write().unwrap_or_else(|e| e.into_inner()) = notices;
        self.generation.send_modify(|g| *g = (*g + 1).min(CLOSED - 1));
    }

    /// Ends every reload stream, so that a server shutting down does not wait for open pages.
    pub fn close(&self) {
        self.generation.send_replace(CLOSED);
    }
}

/// The generation that means the server is shutting down.
const CLOSED: u64 = u64::MAX;

/// Server-sent events: one `reload` each time the preview publishes.
pub async fn events(State(state): State<AppState>) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let mut changes = state.preview.generation.subscribe();
    changes.mark_unchanged();
    let stream = WatchStream::from_changes(changes)
        .take_while(|generation| *generation != CLOSED)
        .map(|_| Ok(Event::default().event("reload").data("reload")));
    Sse::new(stream).keep_alive(KeepAlive::default())
}
