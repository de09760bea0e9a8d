//! Fair shares of the server between clients: each client (peer address) may have a few search
//! and API requests under way at once; more wait their turn in that client's own queue, and a
//! client with a long queue gets 429. One client flooding searches then takes at most its
//! share of the CPU, and everyone else is served as usual. Pages and assets are not limited.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

/// Requests one client may have under way at once, by default.
pub const DEFAULT_PER_CLIENT: usize = 4;

/// Requests one client may have waiting for a turn; past this it is told to slow down.
const QUEUE: usize = 64;

/// How many clients to remember before forgetting the idle ones.
const REMEMBERED: usize = 4096;

/// The turns of every client seen recently.
#[derive(Clone)]
pub struct Fairness {
    per_client: usize,
    clients: Arc<Mutex<HashMap<IpAddr, Arc<Semaphore>>>>,
}

impl Fairness {
    /// Fair shares of `per_client` requests under way per client; 0 turns the limit off.
    pub fn new(per_client: usize) -> Fairness {
        Fairness { per_client, clients: Arc::default() }
    }

    fn turns(&self, client: IpAddr) -> Arc<Semaphore> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if clients.len() >= REMEMBERED {
            // A semaphore nobody holds a clone of has no request under way or waiting.
            clients.retain(|_, turns| Arc::strong_count(turns) > 1);
        }
        let per_client = self.per_client;
        clients.entry(client).or_insert_with(|| Arc::new(Semaphore::new(per_client))).clone()
    }
}

/// Whether a path is search or API work, the requests that cost CPU.
fn limited(path: &str) -> bool {
    path == "/search" || path.starts_with("/api/")
}

/// Middleware: waits for the client's turn before search and API requests.
pub async fn take_turns(State(fairness): State<Fairness>, request: Request, next: Next) -> Response {
    if fairness.per_client == 0 || !limited(request.uri().path()) {
        return next.run(request).await;
    }
    // Without a peer address (in-process calls), all requests count as one client.
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(addr)| addr.ip());
    let turns = fairness.turns(client);
    let waiting = fairness.per_client + QUEUE;
    // Each request holds a clone while under way or waiting, and the map holds one.
    if Arc::strong_count(&turns) > waiting + 1 {
        let headers = [(header::RETRY_AFTER, "1")];
        return (StatusCode::TOO_MANY_REQUESTS, headers, "too many requests from this address at once; retry shortly")
            .into_response();
    }
    // The semaphore is never closed, so this waits for a turn and then holds it.
    let _turn = turns.acquire().await.ok();
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_search_and_apis_only() {
        assert!(limited("/search") && limited("/api/search") && limited("/api/records/pmda/x"));
        assert!(!limited("/") && !limited("/static/app.js") && !limited("/searching"));
    }

    #[test]
    fn forgets_idle_clients_when_many_were_seen() {
        let fairness = Fairness::new(2);
        let busy = fairness.turns(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)));
        for n in 1..REMEMBERED as u32 {
            fairness.turns(IpAddr::V4(Ipv4Addr::from(n + 1_000_000)));
        }
        fairness.turns(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)));
        let clients = fairness.clients.lock().unwrap();
        assert_eq!(clients.len(), 2, "the busy client and the newest one");
        assert!(Arc::ptr_eq(&clients[&IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1))], &busy));
    }
}
