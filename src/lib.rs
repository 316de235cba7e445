//! baeum's web client: a client-side rendered Leptos app compiled to WebAssembly.
//!
//! Components stay thin; rules live in `baeum-core`. The modules:
//!
//! - [`app`]: the routers of the learners' app and of the teachers' app (`/teach`).
//! - [`shell`]: the layout every page shares: header, navigation, connection and update
//!   indicators, and the `data-ready` mark that tests and benchmarks wait on.
//! - [`browser`]: small wrappers over browser APIs that web-sys makes verbose.
//! - [`i18n`]: the interface language and [`t!`], through which all interface text goes.
//! - [`pages`]: one module per page.
//! - [`split_pages`]: the pages other than home, each a wasm chunk fetched when it first opens.
//!
//! The crate is empty outside wasm32, so `cargo test` and `cargo clippy` over the workspace
//! build it natively without a browser.
#![cfg(target_arch = "wasm32")]

pub mod account;
pub mod app;
pub mod browser;
pub mod content_client;
pub mod downloads;
pub mod i18n;
pub mod keyboard;
pub mod pages;
pub mod player;
pub mod progress_view;
pub mod recording;
pub mod shell;
pub mod split_pages;
pub mod storage;
pub mod sync_driver;
pub mod teaching;

/// Starts the learners' app: installs the panic hook, loads the interface language's
/// translation (from this device when it has it) and mounts [`app::App`] into `<body>`.
pub fn start() {
    start_with(app::App);
}

/// Starts the teachers' app (`/teach`) the same way, with [`app::TeachingApp`].
pub fn start_teaching() {
    start_with(app::TeachingApp);
}

fn start_with<View: leptos::IntoView + 'static>(root: fn() -> View) {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async move {
        i18n::load_interface_language().await;
        leptos::mount::mount_to_body(root);
    });
}
