//! Replays every committed fuzz input through the check its target runs: the corpus
//! (`fuzz/corpus/<target>/`) and each crash the fuzzer found (`fuzz/regressions/<target>/`),
//! so the bugs stay fixed under a plain `cargo test`, without the fuzzer.

use std::path::{Path, PathBuf};

use baeum_fuzz_checks::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of a folder, sorted; none when it does not exist.
fn inputs(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Runs one target's check over every input of `kind` (`corpus` or `regressions`), naming the
/// file that fails.
fn replay(kind: &str) -> usize {
    let mut replayed = 0;
    for (target, check) in TARGETS {
        for path in inputs(&fuzz_dir().join(kind).join(target)) {
            let bytes = std::fs::read(&path).unwrap_or_else(|error| {
                panic!("cannot read {}: {error}", path.display());
            });
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(
                outcome.is_ok(),
                "{target} fails on {} (see the panic above)",
                path.display()
            );
            replayed += 1;
        }
    }
    replayed
}

#[test]
fn every_saved_crash_stays_fixed() {
    replay("regressions");
}

#[test]
fn the_committed_corpus_passes_every_check() {
    let replayed = replay("corpus");
    assert!(replayed > 0, "no corpus under {}", fuzz_dir().display());
    for (target, _) in TARGETS {
        assert!(
            !inputs(&fuzz_dir().join("corpus").join(target)).is_empty(),
            "target {target} has no committed corpus"
        );
    }
}
