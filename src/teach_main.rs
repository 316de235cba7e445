//! Entry point of the teachers' app (`/teach`, built from `teach.html`): mounts
//! [`baeum_web::app::TeachingApp`]. It is a second binary so that learners' wasm leaves the
//! teacher pages out.

#[cfg(target_arch = "wasm32")]
fn main() {
    baeum_web::start_with(baeum_web::app::TeachingApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baeum-teach runs in the browser: start it with `cargo xtask serve`");
}
