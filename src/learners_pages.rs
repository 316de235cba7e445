//! The learners' app's router, and its pages that are not on the first screen, each cut into a
//! wasm chunk of its own.
//!
//! A learner's first load carries the shell and the home page; every other page's code is
//! fetched the first time that page opens. Each function below is a split point: `cargo xtask`
//! builds the client with relocations kept and runs wasm-split over it (`xtask/src/split_wasm.rs`),
//! which moves what only that function reaches into `<name>-<hash>.wasm` and leaves a loader in
//! its place. The service worker precaches every chunk, so once it is installed every page opens
//! offline and from the device.
//!
//! A chunk that cannot be fetched (the connection dropped on a first visit, before the worker
//! stored the chunks) shows a message and a Try again button in place of the page, and a
//! Reload button for a chunk that is gone for good. The split points
//! are `fallible` for this reason: an infallible one would abort the whole app.

use std::future::Future;

use baeum_core::sync::SyncStatement;

use baeum_web::app::provide_app_context;
use baeum_web::browser;
use baeum_web::pages::account::AccountPage;
use baeum_web::pages::course::CoursePage;
use baeum_web::pages::history::HistoryPage;
use baeum_web::pages::home::HomePage;
use baeum_web::pages::lesson::LessonPage;
use baeum_web::pages::not_found::NotFoundPage;
use baeum_web::pages::review::ReviewPage;
use baeum_web::pages::settings::SettingsPage;
use baeum_web::progress_view::{
    fold_whole_log, provide_whole_log_fold, FoldResult, WholeLogFold,
};
use baeum_web::shell::{AppKind, Shell};
use baeum_web::t;
use baeum_web::teaching::learner::MyClassesPage;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use send_wrapper::SendWrapper;

/// The learners' app: the shell around the routed page. Only the home page is in the main
/// wasm; every other page is a chunk fetched when it first opens.
#[component]
pub fn App() -> impl IntoView {
    provide_app_context(AppKind::Learning);
    provide_whole_log_fold(WholeLogFold(|statements| {
        Box::pin(fold_whole_log_in_chunk(statements))
    }));
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

/// A page's chunk could not be fetched or instantiated. The loader has logged the cause to the
/// console; the learner is offered a retry, which starts a fresh attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLoadError;

impl From<SplitLoaderError> for PageLoadError {
    fn from(_: SplitLoaderError) -> Self {
        PageLoadError
    }
}

/// Declares a page's split point (a function returning the page's view, which wasm-split moves
/// into a chunk with everything only it reaches) and the routed component that loads it.
macro_rules! split_page {
    ($(#[$documentation:meta])* $routed:ident, $split_point:ident, $page:ident) => {
        #[wasm_split($split_point, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $split_point() -> Result<AnyView, PageLoadError> {
            Ok(view! { <$page/> }.into_any())
        }

        $(#[$documentation])*
        #[component]
        pub fn $routed() -> impl IntoView {
            view! { <PageChunk load=$split_point/> }
        }
    };
}

split_page!(
    /// `/courses/:course`: a course's units, lessons and downloads.
    CoursePageChunk,
    course_page,
    CoursePage
);
split_page!(
    /// `/courses/:course/:lesson`: the lesson player, the keyboard and the answer checks.
    LessonPageChunk,
    lesson_page,
    LessonPage
);
split_page!(
    /// `/settings`: the device page (help language, interface language, downloads, storage).
    SettingsPageChunk,
    settings_page,
    SettingsPage
);
split_page!(
    /// `/me`: the learner's account.
    AccountPageChunk,
    account_page,
    AccountPage
);
split_page!(
    /// `/review`: today's spaced reviews.
    ReviewPageChunk,
    review_page,
    ReviewPage
);
split_page!(
    /// `/history`: the learning history.
    HistoryPageChunk,
    history_page,
    HistoryPage
);
split_page!(
    /// `/classes`: joining a class and the learner's assignments.
    MyClassesPageChunk,
    my_classes_page,
    MyClassesPage
);

/// The whole-log fold (core's `Progress`, about a twentieth of the app's code) is a chunk too:
/// home and review grow the saved digest, and fold the whole log only after another device's
/// older answers or a voiding statement arrive (see `progress_view::load_digest`).
#[wasm_split(progress_fold, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fold_whole_log_in_chunk(statements: Vec<SyncStatement>) -> FoldResult {
    Ok(fold_whole_log(&statements))
}

/// Shows the page `load` returns once its chunk is in; while it loads, a short line; if it cannot
/// load, what happened and a Retry button (each retry is a new attempt to fetch the chunk).
#[component]
fn PageChunk<Load, LoadFuture>(load: Load) -> impl IntoView
where
    Load: Fn() -> LoadFuture + Copy + Send + Sync + 'static,
    LoadFuture: Future<Output = Result<AnyView, PageLoadError>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    view! {
        <Suspense fallback=|| view! { <p class="loading" data-testid="page-loading">{t!("page-chunk-loading")}</p> }>
            {move || {
                attempt.track();
                // The loader's future holds browser values, so it is not `Send`; the app is
                // single-threaded.
                let page = SendWrapper::new(load());
                Suspend::new(async move {
                    match page.await {
                        Ok(page) => page,
                        Err(PageLoadError) => view! {
                            <section class="page" role="alert" data-testid="page-load-failed">
                                <p>{t!("page-chunk-failed")}</p>
                                <button type="button" on:click=move |_| attempt.update(|count| *count += 1)>
                                    {t!("page-chunk-retry")}
                                </button>
                                // A tab left open while another applied an update runs the old
                                // version, whose chunks the new service worker and server no
                                // longer have: only a reload brings the page back.
                                <p>{t!("page-chunk-reload-hint")}</p>
                                <button type="button" on:click=|_| browser::reload_page()>
                                    {t!("page-chunk-reload")}
                                </button>
                            </section>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
