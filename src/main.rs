//! Entry point of the learners' app: its router and the pages it fetches as wasm chunks
//! (`learners_pages.rs`), then the mount.
//!
//! They live in this binary rather than the library because a split point is an exported
//! function, and the linker keeps every exported function of the library in every binary that
//! links it: in the library, the teachers' app would carry all the learners' pages.

#[cfg(target_arch = "wasm32")]
mod learners_pages;

#[cfg(target_arch = "wasm32")]
fn main() {
    baeum_web::start_with(learners_pages::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baeum-web runs in the browser: start it with `cargo xtask serve`");
}
