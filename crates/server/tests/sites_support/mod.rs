//! Helpers of the tests of sites and their classes: an app with two sites (Naju and Almaty)
//! on loopback host names, and requests made at one of them.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderValue, Request};
use baeum_core::content::{Language, LocalizedText};
use baeum_core::site::CourseSelection;
use baeum_server::store::{SiteRecord, SiteRole};
use baeum_server::AppState;
use serde_json::json;

use crate::classes_support;
use crate::xapi_support::{api, send, Reply, TestAccount};

thread_local! {
    static CONTENT: std::cell::RefCell<Vec<tempfile::TempDir>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub const NAJU: &str = "naju.localhost";
pub const ALMATY: &str = "almaty.localhost";
/// An address that is no site's.
pub const PLATFORM: &str = "127.0.0.1:8080";

pub fn site(id: &str, host: &str) -> SiteRecord {
    SiteRecord {
        id: id.into(),
        name: LocalizedText::from_pairs([(Language::En, id)]),
        hosts: vec![host.into()],
        courses: CourseSelection::All,
        featured: Vec::new(),
    }
}

/// A state with a small built catalogue (for assignments) and two sites; the folder holding
/// the catalogue lives as long as the test's thread.
pub fn state_with_sites() -> AppState {
    let (state, content) = classes_support::state_with_content();
    CONTENT.with(|kept| kept.borrow_mut().push(content));
    state.store.put_site(&site("naju", NAJU)).expect("naju");
    state
        .store
        .put_site(&site("almaty", ALMATY))
        .expect("almaty");
    state
}

/// A request as made at `host`.
pub async fn at(state: &AppState, host: &str, mut request: Request<Body>) -> Reply {
    request
        .headers_mut()
        .insert("host", HeaderValue::from_str(host).expect("a host"));
    send(state, request).await
}

pub async fn make_class(state: &AppState, host: &str, teacher: &TestAccount) -> Reply {
    at(
        state,
        host,
        api(
            "POST",
            "/api/classes",
            Some(&teacher.basic()),
            Some(&json!({ "name": "한국어 1" })),
        ),
    )
    .await
}

pub async fn class_ids(state: &AppState, host: &str, who: &TestAccount) -> Vec<String> {
    let reply = at(
        state,
        host,
        api("GET", "/api/classes", Some(&who.basic()), None),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply.body["classes"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|class| class["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

pub fn staff(state: &AppState, site: &str, who: &TestAccount, role: SiteRole) {
    state
        .store
        .set_site_role(site, who.record.id, Some(role))
        .expect("staff");
}
