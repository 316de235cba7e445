//! Helpers shared by the browser test binaries: every test mounts into its own fresh node of
//! the one page the binary runs in, and waits for Leptos's effects between steps.
#![cfg(target_arch = "wasm32")]
// Each test binary compiles this module on its own and uses only some of it.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

/// A new, empty element appended to `<body>`: tests share one page, so each mounts its own.
pub fn fresh_node() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let node = document
        .create_element("div")
        .expect("create div")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("an html element");
    document
        .body()
        .expect("a body")
        .append_child(&node)
        .expect("append");
    node
}

/// Lets Leptos run the effects scheduled by a mount or a signal change.
pub async fn next_tick() {
    pause(0).await;
}

/// Waits for a timer turn of `ms` milliseconds, letting background tasks and Leptos effects run.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("set a timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timeout resolves");
}
