//! The routers: which page answers which path, in each of the two apps.
//!
//! baeum ships two wasm apps built from this one crate: the learners' app (everything a learner
//! needs, offline) and the teachers' app under `/teach` (classes, assignments, dashboards). A
//! learner never downloads the teacher pages, which are a tenth of the code. The two share the
//! shell, the account and the sync task; a link from one app into the other is a page load
//! (see [`crate::shell::AppLink`]).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::shell::{AppKind, Shell};
use crate::split_pages::{
    AccountPageChunk, CoursePageChunk, HistoryPageChunk, LessonPageChunk, MyClassesPageChunk,
    ReviewPageChunk, SettingsPageChunk,
};
use crate::sync_driver::{provide_sync, SyncHandle};
use crate::teaching::teacher::{ClassPage, LearnerDrillDownPage, TeachPage};

/// Starts what both apps need before their routes: the one sync task (it starts with the app,
/// offline or not, and pushes whatever waits as soon as it can), reading downloaded content
/// from the device before the network, and which app this is.
fn provide_app_context(kind: AppKind) {
    let sync = SyncHandle::start_in_browser();
    crate::content_client::read_downloads_from(sync);
    provide_sync(sync);
    provide_context(kind);
}

/// The learners' app: the shell around the routed page. Only the home page is in the main wasm;
/// every other page is a chunk fetched when it first opens (see [`crate::split_pages`]).
#[component]
pub fn App() -> impl IntoView {
    provide_app_context(AppKind::Learning);
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/courses/:course") view=CoursePageChunk/>
                    <Route path=path!("/courses/:course/:lesson") view=LessonPageChunk/>
                    <Route path=path!("/settings") view=SettingsPageChunk/>
                    <Route path=path!("/me") view=AccountPageChunk/>
                    <Route path=path!("/review") view=ReviewPageChunk/>
                    <Route path=path!("/history") view=HistoryPageChunk/>
                    <Route path=path!("/classes") view=MyClassesPageChunk/>
                </Routes>
            </Shell>
        </Router>
    }
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
