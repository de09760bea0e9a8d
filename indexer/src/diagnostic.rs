//! Problems found in content, with where they are: the one type every rule reports.

use std::fmt;

use serde::Serialize;

/// How bad a problem is: errors fail `regkb check`, warnings only with `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: the file (relative to the content root's parent, as the user named it),
/// 1-based line and column (0 where unknown), a stable code, and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: u64,
    pub column: u64,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

impl Diagnostic {
    /// An error at a place.
    pub fn error(path: &str, (line, column): (u64, u64), code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_owned(), line, column, severity: Severity::Error, code, message: message.into() }
    }

    /// A warning at a place.
    pub fn warning(path: &str, at: (u64, u64), code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, at, code, message) }
    }

    /// The GitHub Actions annotation for this problem.
    pub fn github(&self) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Annotation values escape %, CR and LF; properties also escape `:` and `,`.
        let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
        format!(
            "::{level} file={},line={},col={},title={}::{}",
            prop(&self.path),
            self.line.max(1),
            self.column.max(1),
            prop(self.code),
            data(&self.message)
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {level}[{}]: {}", self.path, self.line, self.column, self.code, self.message)
    }
}

/// Sorts problems by file, line and column, the order a reader fixes them in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column, a.code).cmp(&(&b.path, b.line, b.column, b.code)));
}
