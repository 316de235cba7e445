//! Entry point of the web client: mounts the app. All of it lives in the library so that the
//! browser tests can mount components one by one.

#[cfg(target_arch = "wasm32")]
fn main() {
    baeum_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baeum-web runs in the browser: start it with `cargo xtask serve`");
}
