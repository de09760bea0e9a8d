//! What the end-to-end tests share: running the binary and copying fixture trees.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs the `regkb` binary built for these tests.
pub fn regkb(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regkb")).args(args).output().expect("regkb runs")
}

/// Copies `from` into `to`, replacing files that exist.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
