//! Rebuilding the site when content changes (`regkb serve --watch`). A tree with errors
//! never replaces the site being served: the last good one stays, and the errors go to
//! every page's banner until they are fixed.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::Site;
use crate::server::AppState;

/// How long to wait for a burst of file events (an editor's save) to settle.
const SETTLE: Duration = Duration::from_millis(150);

/// Watches `root` on a background thread, rebuilding into `state` after each change.
pub fn spawn(state: AppState, root: PathBuf) -> notify::Result<()> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        if event.is_ok_and(|e| changes_content(&e.kind)) {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    std::thread::spawn(move || {
        let _keep_alive = watcher;
        while rx.recv().is_ok() {
            while rx.recv_timeout(SETTLE).is_ok() {}
            rebuild(&state, &root);
        }
    });
    Ok(())
}

/// Whether an event can change what the site shows. Reading a file is an event too (inotify
/// reports opens), and every rebuild reads every file: counting those would rebuild forever.
fn changes_content(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_))
}

/// Checks and rebuilds once; on errors keeps the current site and publishes them.
pub fn rebuild(state: &AppState, root: &std::path::Path) {
    let checked = indexer::check(root, indexer::date::Date::today());
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == indexer::Severity::Error)
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        // The rebuilt site keeps the served one's settings, and its history: editing files
        // commits nothing.
        let served = state.site();
        let version = indexer::version::of(root);
        match Site::build(checked.content)
            .map(|site| site.with_search_cache(served.search_cache()).with_version(version))
        {
            Ok(mut site) => {
                site.history = served.history.clone();
                state.replace(site)
            }
            Err(e) => return state.preview.publish(vec![format!("the search index could not be built: {e}")]),
        }
    }
    state.preview.publish(errors);
}
