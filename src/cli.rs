//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare what Asian medicine regulators require for cell and gene therapies.
#[derive(Debug, Parser)]
#[command(name = "regkb", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the content tree is.
#[derive(Debug, Args)]
pub struct ContentArg {
    /// The content directory.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content tree against the content format; exit 1 on errors.
    Check {
        #[command(flatten)]
        content: ContentArg,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Check as of this date (YYYY-MM-DD) instead of today, for reproducible results.
        #[arg(long, value_name = "DATE")]
        as_of: Option<indexer::date::Date>,
        /// Report warnings only in files changed since this git revision (and new files); errors
        /// are reported everywhere. For pull requests: warnings in files they do not touch do not fail them.
        #[arg(long, value_name = "REV")]
        changed_since: Option<String>,
    },
    /// Write the search index to a directory, for `regkb serve --index`.
    Index {
        #[command(flatten)]
        content: ContentArg,
        /// The directory to write (replaced if it exists).
        #[arg(long)]
        out: PathBuf,
    },
    /// Show what changed between two content trees, record by record.
    Diff {
        /// The older content directory.
        old: Option<PathBuf>,
        /// The newer content directory.
        new: Option<PathBuf>,
        /// Compare the content as of this git revision with the working tree instead.
        #[arg(long, value_name = "REV", conflicts_with_all = ["old", "new"])]
        git: Option<String>,
        #[command(flatten)]
        content: ContentArg,
        /// Markdown for people and pull requests, or JSON.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
    },
    /// Write the whole site as static files that work offline (from file:// too), and/or the
    /// content as data: one JSON document with its JSON Schema, and a CSV file per table.
    Export {
        #[command(flatten)]
        content: ContentArg,
        /// The directory to write the site to (replaced if it exists).
        #[arg(long, required_unless_present = "data")]
        out: Option<PathBuf>,
        /// Also write the site as a zip archive.
        #[arg(long, requires = "out")]
        zip: Option<PathBuf>,
        /// The directory to write the data release to (replaced if it exists).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Export the records as they were committed by this date (YYYY-MM-DD), from git history.
        #[arg(long, value_name = "DATE", requires = "out")]
        as_of: Option<indexer::date::Date>,
        /// Export the pages in these languages only (en, ja, zh-Hant, zh-Hans, ko; comma-separated);
        /// every language by default. English pages live at the root, others under their tag.
        #[arg(long, value_name = "LANG", value_delimiter = ',', requires = "out")]
        lang: Vec<site::i18n::Lang>,
    },
    /// Write a new draft record (or, with --product, a draft product) at the right path, every field explained.
    New {
        #[command(flatten)]
        content: ContentArg,
        /// The regulator's id, e.g. `pmda` (for a product: the regulator of its first approval entry).
        #[arg(long, required_unless_present = "product")]
        regulator: Option<String>,
        /// The topic's id, e.g. `nonclinical.tumorigenicity`.
        #[arg(long, required_unless_present = "product", conflicts_with = "product")]
        topic: Option<String>,
        /// A modality the record is specific to, e.g. `aav` (adds `--aav` to the file name);
        /// for a product, its modality.
        #[arg(long)]
        modality: Option<String>,
        /// Write a draft product `products/<ID>.md` instead of a record; ID is the INN or code
        /// in lower case, e.g. `tisagenlecleucel`.
        #[arg(long, value_name = "ID", requires = "modality")]
        product: Option<String>,
    },
    /// A language server on stdin/stdout for editors: check's diagnostics on open and save, and
    /// completion of stances, statuses and ids in records.
    Lsp {
        #[command(flatten)]
        content: ContentArg,
    },
    /// Write the JSON Schemas of the content files.
    Schemas {
        /// The directory to write them to.
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
    /// Serve the comparison site over HTTP.
    Serve {
        #[command(flatten)]
        content: ContentArg,
        /// Serve a prebuilt index written by `regkb index` (read-only; share it between replicas).
        #[arg(long)]
        index: Option<PathBuf>,
        /// The address to listen on; port 0 picks a free port.
        #[arg(long, default_value = DEFAULT_ADDR)]
        addr: std::net::SocketAddr,
        /// The web address of the content's repository, for "edit this record" links.
        #[arg(long, env = "REGKB_REPOSITORY")]
        repository: Option<String>,
        /// The address the site is reached at (e.g. `https://regkb.example.org`), for absolute
        /// links in downloaded workbooks; without it they are paths on this server.
        #[arg(long, env = "REGKB_BASE_URL")]
        base_url: Option<String>,
        /// Rebuild when files under the content directory change, and reload open pages.
        #[arg(long)]
        watch: bool,
        /// The memory, in MiB, for answers to recent searches (0: search every time).
        #[arg(long, value_name = "MIB", default_value_t = site::cache::DEFAULT_MIB)]
        search_cache: usize,
        /// How many search and API requests one client (IP address) may have under way at once;
        /// more wait their turn (0: no limit, e.g. behind a proxy that limits instead).
        #[arg(long, value_name = "N", default_value_t = site::fairness::DEFAULT_PER_CLIENT)]
        per_client: usize,
    },
    /// Coverage per regulator and domain, citation quality, stances and review status.
    Stats {
        #[command(flatten)]
        content: ContentArg,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Report on the glossary instead: entries no record uses, and names records use that no
        /// entry spells.
        #[arg(long)]
        glossary: bool,
    },
    /// Search the records.
    Search {
        #[command(flatten)]
        content: ContentArg,
        #[command(flatten)]
        args: SearchArgs,
    },
}

/// The default address of `regkb serve`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// A search: words, quoted phrases, and facet filters.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Print the JSON document the HTTP API serves.
    #[arg(long)]
    pub json: bool,
    /// Only these regulators (repeatable).
    #[arg(long)]
    pub regulator: Vec<String>,
    /// Only these domains (repeatable).
    #[arg(long)]
    pub domain: Vec<String>,
    /// Only these topics (repeatable).
    #[arg(long)]
    pub topic: Vec<String>,
    /// Only these modalities (repeatable).
    #[arg(long)]
    pub modality: Vec<String>,
    /// Only these stances (repeatable).
    #[arg(long)]
    pub stance: Vec<String>,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// How many results to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// The query; empty lists records by the filters.
    pub query: Vec<String>,
}

/// Output formats of `regkb diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Md,
    Json,
}

/// Output formats of `regkb check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:column: error[code]: message`, then a summary line.
    Text,
    /// A JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    Json,
    /// GitHub Actions annotations.
    Github,
}
