//! Browser tests of the shell's components, mounted into fresh nodes of one shared page.
#![cfg(target_arch = "wasm32")]

use baeum_web::browser;
use baeum_web::shell::ConnectionIndicator;
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod browser_support;

use browser_support::{fresh_node, next_tick};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn connection_indicator_follows_connectivity() {
    let node = fresh_node();
    let (online, set_online) = signal(true);
    let _mounted = leptos::mount::mount_to(node.clone(), move || {
        view! { <ConnectionIndicator online=online/> }
    });
    let indicator = node
        .query_selector("[data-testid=connection]")
        .expect("a query")
        .expect("the indicator is rendered");
    assert_eq!(
        indicator.text_content().unwrap_or_default().trim(),
        "Online"
    );
    assert_eq!(
        indicator.get_attribute("data-online").as_deref(),
        Some("true")
    );

    set_online.set(false);
    next_tick().await;
    assert_eq!(
        indicator.text_content().unwrap_or_default().trim(),
        "Offline"
    );
    assert_eq!(
        indicator.get_attribute("data-online").as_deref(),
        Some("false")
    );
    assert!(indicator.class_list().contains("offline"));
}

#[wasm_bindgen_test]
async fn storage_estimate_is_reported() {
    let estimate = browser::storage_estimate()
        .await
        .expect("Chromium reports storage on this origin");
    assert!(estimate.quota_bytes > 0.0);
    assert!(estimate.usage_bytes >= 0.0);
}

#[wasm_bindgen_test]
fn ready_mark_is_set_on_the_root() {
    browser::mark_ready();
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .expect("a root element");
    assert!(root.has_attribute(browser::READY_ATTRIBUTE));
}
