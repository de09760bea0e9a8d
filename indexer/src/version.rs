//! The content's version: the git commit its directory is at, so that a download, a printout
//! or a data release says which state of the content it shows.

use std::path::Path;
use std::process::Command;

/// What a version reads when the content is not in a git work tree (or git is missing).
pub const UNKNOWN: &str = "unknown";

/// The commit `git rev-parse HEAD` names for the content directory `root`, or [`UNKNOWN`].
pub fn of(root: &Path) -> String {
    let out = Command::new("git").arg("-C").arg(root).args(["rev-parse", "HEAD"]).output();
    match out {
        Ok(out) if out.status.success() => {
            let commit = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if commit.is_empty() { UNKNOWN.to_owned() } else { commit }
        }
        _ => UNKNOWN.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_outside_git_has_an_unknown_version() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(of(dir.path()), UNKNOWN);
        let here = of(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(here == UNKNOWN || (here.len() == 40 && here.chars().all(|c| c.is_ascii_hexdigit())), "{here}");
    }
}
