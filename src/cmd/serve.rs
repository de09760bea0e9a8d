//! `regkb serve`: the comparison site over HTTP, optionally rebuilding as content changes.

use std::net::SocketAddr;
use std::path::PathBuf;

use site::Site;
use site::server::{self, AppState};

use crate::cli::ContentArg;

/// What `regkb serve` was asked to do.
pub struct ServeOptions {
    pub content: ContentArg,
    pub index: Option<PathBuf>,
    pub addr: SocketAddr,
    pub repository: Option<String>,
    pub base_url: Option<String>,
    pub watch: bool,
    /// The search cache's budget in MiB.
    pub search_cache: usize,
    pub per_client: usize,
}

pub fn run(options: ServeOptions) -> anyhow::Result<()> {
    let content = super::load(&options.content)?;
    let version = indexer::version::of(&options.content.content);
    let records = content.records.len();
    let history = indexer::history::read(&options.content.content, &content);
    let site = match &options.index {
        Some(dir) => Site::open(content, dir)?,
        None => Site::build(content)?,
    }
    .with_search_cache(options.search_cache.saturating_mul(1 << 20))
    .with_history(history)
    .with_version(version);
    let mut state = AppState::new(site, options.repository).with_base_url(options.base_url);
    state.preview.live = options.watch;
    state.fairness = site::fairness::Fairness::new(options.per_client);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        if options.watch {
            site::watch::spawn(state.clone(), options.content.content.clone())?;
        }
        server::serve(state, options.addr, |addr| {
            println!(
                "regkb: serving {records} records at http://{addr}/{}",
                if options.watch { " (watching for changes)" } else { "" }
            );
        })
        .await?;
        Ok(())
    })
}
