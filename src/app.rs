//! The router: which page answers which path.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::account::AccountPage;
use crate::pages::course::CoursePage;
use crate::pages::history::HistoryPage;
use crate::pages::home::HomePage;
use crate::pages::lesson::LessonPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::review::ReviewPage;
use crate::pages::settings::SettingsPage;
use crate::shell::Shell;
use crate::sync_driver::{provide_sync, SyncHandle};
use crate::teaching::learner::MyClassesPage;
use crate::teaching::teacher::{ClassPage, LearnerDrillDownPage, TeachPage};

/// The whole app: the shell around the routed page.
#[component]
pub fn App() -> impl IntoView {
    // One sync task for the whole app: it starts with the app, offline or not, and pushes
    // whatever waits as soon as it can.
    let sync = SyncHandle::start_in_browser();
    // Lessons and clips the learner downloaded are read from the device before the network.
    crate::content_client::read_downloads_from(sync);
    provide_sync(sync);
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/courses/:course") view=CoursePage/>
                    <Route path=path!("/courses/:course/:lesson") view=LessonPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/me") view=AccountPage/>
                    <Route path=path!("/review") view=ReviewPage/>
                    <Route path=path!("/history") view=HistoryPage/>
                    <Route path=path!("/teach") view=TeachPage/>
                    <Route path=path!("/teach/classes/:id") view=ClassPage/>
                    <Route path=path!("/teach/classes/:id/learners/:learner") view=LearnerDrillDownPage/>
                    <Route path=path!("/classes") view=MyClassesPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
