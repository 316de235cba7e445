//! The properties the fuzz targets in `fuzz/` check, one function per target.
//!
//! Each function takes the fuzzer's raw bytes and panics, with a message saying which property
//! broke, when the code under test misbehaves; input the code rightly refuses returns quietly.
//! The fuzz targets are one-line wrappers around these, and `tests/replay.rs` runs the same
//! functions over the committed corpus and every saved crash (`fuzz/regressions/<target>/`),
//! so a plain `cargo test` keeps each crash fixed without the fuzzer or a nightly compiler.

mod content;
mod markdown;
mod statement;
mod statements_query;
mod sync_wire;

pub use content::content_toml;
pub use markdown::markdown;
pub use statement::xapi_statement;
pub use statements_query::statements_query;
pub use sync_wire::sync_wire;

/// A target's check: panics when a property breaks.
pub type Check = fn(&[u8]);

/// Every target by its name in `fuzz/fuzz_targets/` and `fuzz/corpus/`.
pub const TARGETS: &[(&str, Check)] = &[
    ("xapi_statement", xapi_statement),
    ("statements_query", statements_query),
    ("sync_wire", sync_wire),
    ("content_toml", content_toml),
    ("markdown", markdown),
];
