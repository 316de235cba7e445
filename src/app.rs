//! What both apps start with, and the teachers' app's router (the learners' router is in the
//! `baeum-web` binary, `learners_pages.rs`, with the pages it fetches as wasm chunks).
//!
//! baeum ships two wasm apps built from this one crate: the learners' app (everything a learner
//! needs, offline) and the teachers' app under `/teach` (classes, assignments, dashboards). A
//! learner never downloads the teacher pages, which are a tenth of the code. The two share the
//! shell, the account and the sync task; a link from one app into the other is a page load
//! (see [`crate::shell::AppLink`]).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::not_found::NotFoundPage;
use crate::shell::{AppKind, Shell};
use crate::sync_driver::{provide_sync, SyncHandle};
use crate::teaching::teacher::{ClassPage, LearnerDrillDownPage, TeachPage};

/// Starts what both apps need before their routes: the one sync task (it starts with the app,
/// offline or not, and pushes whatever waits as soon as it can), reading downloaded content
/// from the device before the network, and which app this is.
pub fn provide_app_context(kind: AppKind) {
    let sync = SyncHandle::start_in_browser();
    crate::content_client::read_downloads_from(sync);
    provide_sync(sync);
    provide_context(kind);
}

/// The teachers' app under `/teach`: classes, the class dashboard and a learner's drill-down.
#[component]
pub fn TeachingApp() -> impl IntoView {
    provide_app_context(AppKind::Teaching);
    crate::teaching::send_queued_assignments();
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/teach") view=TeachPage/>
                    <Route path=path!("/teach/classes/:id") view=ClassPage/>
                    <Route path=path!("/teach/classes/:id/learners/:learner") view=LearnerDrillDownPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
