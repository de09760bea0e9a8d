//! `regkb`: check, index, search and serve the regkb content tree.

mod cli;
mod cmd;

use clap::Parser;

/// jemalloc rather than the system's allocator: under live preview, glibc's per-thread arenas kept
/// the garbage of each rebuild and the server grew by a third in two minutes (BENCHMARKS.md, soak);
/// its settings are in `.cargo/config.toml`.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli.command) {
        Ok(code) => code,
        // A closed pipe (`regkb search x | head`) is the reader's choice, not a failure.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) => {
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
