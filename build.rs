//! Build script of the web client: puts English, the fallback translation that is compiled into
//! the wasm, into `OUT_DIR` without its translator comments, which are a third of the file and
//! would otherwise be downloaded by every learner.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=locales/en.ftl");
    let source = std::fs::read_to_string("locales/en.ftl")
        .unwrap_or_else(|error| panic!("cannot read locales/en.ftl: {error}"));
    // A line starting with `#` is a Fluent comment: a value's continuation lines are indented.
    let messages: Vec<&str> = source
        .lines()
        .filter(|line| !line.starts_with('#'))
        .collect();
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    std::fs::write(out_dir.join("en.ftl"), messages.join("\n") + "\n")
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", out_dir.display()));
}
