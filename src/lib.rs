//! baeum's web client: a client-side rendered Leptos app compiled to WebAssembly.
//!
//! Components stay thin; rules live in `baeum-core`. The modules:
//!
//! - [`app`]: what both apps start with, and the teachers' app's pages (`/teach`); the
//!   learners' pages and their per-page wasm chunks are in the `baeum-web` binary (`main.rs`).
//! - [`router`]: the path signal both apps route by, link clicks, back and forward.
//! - [`shell`]: the layout every page shares: header, navigation, connection and update
//!   indicators, and the `data-ready` mark that tests and benchmarks wait on.
//! - [`browser`]: small wrappers over browser APIs that web-sys makes verbose.
//! - [`i18n`]: the interface language and [`t!`], through which all interface text goes.
//! - [`pages`]: one module per page.
//! - [`http`]: the one HTTP client every request to the server goes through.
//! - [`json`]: JSON read and written through the browser's `JSON.parse` and `JSON.stringify`.
//! - [`first_screen`]: the app taking the place of the static first screen in `index.html`.
//!
//! The crate is empty outside wasm32, so `cargo test` and `cargo clippy` over the workspace
//! build it natively without a browser.
#![cfg(target_arch = "wasm32")]

pub mod account;
pub mod app;
pub mod browser;
pub mod chunks;
pub mod content_client;
pub mod downloads;
pub mod first_screen;
pub mod http;
pub mod i18n;
pub mod icons;
pub mod json;
pub mod keyboard;
pub mod offline_app;
pub mod pages;
pub mod player;
pub mod progress_view;
pub mod recording;
pub mod router;
pub mod shell;
pub mod storage;
pub mod sync_driver;
pub mod sync_status;
pub mod sync_transport;
pub mod teaching;
pub mod uuid_v7;
pub mod wellbeing;

/// Starts an app: installs the panic hook, loads the interface language's translation (from
/// this device when it has it), mounts `root` into `<body>` and has it take the place of the
/// static first screen the learners' `index.html` shows until then ([`first_screen`]). The learners' app (`main.rs`)
/// and the teachers' app (`teach_main.rs`, [`app::TeachingApp`]) each start with their router.
pub fn start_with<View: leptos::IntoView + 'static>(root: fn() -> View) {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async move {
        i18n::load_interface_language().await;
        leptos::mount::mount_to_body(root);
        first_screen::app_mounted();
    });
}
