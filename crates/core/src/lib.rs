//! baeum's platform-free core: every rule that is logic and not I/O.
//!
//! This crate compiles for `wasm32-unknown-unknown` (the client) and natively (the server,
//! the content pipeline and the tests), so a rule is written once. It must never depend on
//! leptos, web-sys, tokio or a database; storage, clock and transport are traits.

pub mod app_paths;
pub mod content;
pub mod dubeolsik;
pub mod grade;
pub mod hangul;
pub mod i18n;
pub mod json;
pub mod progress;
pub mod pronounce;
pub mod record;
pub mod records;
pub mod romanize;
pub mod session;
pub mod site;
pub mod sync;
pub mod units;
pub mod vietnamese;
pub mod wellbeing;
pub mod xapi;
