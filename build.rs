//! Build script of the web client: compiles English (`locales/en.ftl`), the fallback compiled
//! into the wasm, into core's compact message table in `OUT_DIR`, so the wasm carries neither
//! the Fluent source (its translator comments are a third of it) nor a Fluent parser. The later
//! messages (core's `i18n::LATER_MESSAGE_PREFIXES`) are left out: xtask writes them as
//! `dist/locales/en.later.txt`, fetched with the code that shows them.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=locales/en.ftl");
    let source = std::fs::read_to_string("locales/en.ftl")
        .unwrap_or_else(|error| panic!("cannot read locales/en.ftl: {error}"));
    // The later messages (core's `i18n::is_later_message`) come with the code that shows them.
    let table = baeum_core::i18n::compile::compile_part(&source, |id| {
        !baeum_core::i18n::is_later_message(id)
    })
    .unwrap_or_else(|error| panic!("locales/en.ftl: {error}"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    std::fs::write(out_dir.join("en.txt"), table)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", out_dir.display()));
}
