//! What both apps start with (the router of `router.rs` among it), and the teachers' app's
//! pages by path (the learners' are in the `baeum-web` binary, `learners_pages.rs`, with the
//! pages it fetches as wasm chunks).
//!
//! baeum ships two wasm apps built from this one crate: the learners' app (everything a learner
//! needs, offline) and the teachers' app under `/teach` (classes, assignments, dashboards). A
//! learner never downloads the teacher pages, which are a tenth of the code. The two share the
//! shell, the account and the sync task; a link from one app into the other is a page load
//! (see [`crate::shell::AppLink`]).

use baeum_core::app_paths::{TeachersPage, TEACHERS_ROUTES};
use leptos::prelude::*;

use crate::pages::not_found::NotFoundPage;
use crate::router::{self, CurrentPath};
use crate::shell::{AppKind, Shell};
use crate::sync_driver::{provide_sync, EngineStart, SyncHandle};
use crate::teaching::site_page::SitePage;
use crate::teaching::teacher::{ClassPage, LearnerDrillDownPage, TeachPage};

/// Starts what both apps need before their routes: the one sync task (it starts with the app,
/// offline or not, and pushes whatever waits as soon as it can; its engine as `engine` says),
/// reading downloaded content from the device before the network, which app this is, and its
/// router (the path it gives is what the app's pages are routed by).
pub fn provide_app_context(kind: AppKind, engine: EngineStart) -> CurrentPath {
    let sync = SyncHandle::start_in_browser(engine);
    crate::content_client::read_downloads_from(sync);
    provide_sync(sync);
    provide_context(kind);
    router::start(kind)
}

/// The teachers' app under `/teach`: classes, the class dashboard and a learner's drill-down.
#[component]
pub fn TeachingApp() -> impl IntoView {
    let path = provide_app_context(AppKind::Teaching, EngineStart::here());
    crate::teaching::send_queued_assignments();
    view! { <Shell>{router::routed_page(path, TEACHERS_ROUTES, teachers_page)}</Shell> }
}

fn teachers_page(page: Option<TeachersPage>) -> AnyView {
    match page {
        Some(TeachersPage::Classes) => view! { <TeachPage/> }.into_any(),
        Some(TeachersPage::Class) => view! { <ClassPage/> }.into_any(),
        Some(TeachersPage::Learner) => view! { <LearnerDrillDownPage/> }.into_any(),
        Some(TeachersPage::Site) => view! { <SitePage/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}
