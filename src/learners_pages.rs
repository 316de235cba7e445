//! The learners' app's pages by path, and what is not on its first screen, each cut into a wasm chunk
//! of its own: the pages but home, the assignments and the wellbeing check-in on home, the sync
//! engine, the saved progress digest's reading and growing, and the whole-log fold.
//!
//! A learner's first load carries the shell and the home page; every other page's code is
//! fetched the first time that page opens. Each function below is a split point: `cargo xtask`
//! builds the client with relocations kept and runs wasm-split over it (`xtask/src/split_wasm.rs`),
//! which moves what only that function reaches into `<name>-<hash>.wasm` and leaves a loader in
//! its place. The service worker precaches every chunk, so once it is installed every page opens
//! offline and from the device.
//!
//! The split points are `fallible`: a chunk that cannot be fetched shows what happened and a
//! way to try again (`baeum_web::chunks`), where an infallible one would abort the whole app.

use baeum_core::app_paths::{LearnersPage, LEARNERS_ROUTES};
use baeum_core::progress::{LessonStanding, ProgressDigest};
use baeum_core::sync::SyncStatement;

use baeum_web::app::provide_app_context;
use baeum_web::chunks::{ChunkContents, ChunkLoadError, ChunkView, ChunkViewLoader};
use baeum_web::pages::account::AccountPage;
use baeum_web::pages::catalog::CatalogPage;
use baeum_web::pages::certificates::CertificatesPage;
use baeum_web::pages::course::CoursePage;
use baeum_web::pages::history::HistoryPage;
use baeum_web::pages::home::{
    provide_assignments_on_home, provide_check_in_on_home, AssignmentsOnHome, CheckInOnHome,
    HomePage,
};
use baeum_web::pages::lesson::LessonPage;
use baeum_web::pages::not_found::NotFoundPage;
use baeum_web::pages::review::ReviewPage;
use baeum_web::pages::settings::{
    provide_shared_check_ins_on_settings, SettingsPage, SharedCheckInsOnSettings,
};
use baeum_web::pages::verify::VerifyPage;
use baeum_web::progress_view::{
    fold_whole_log, lesson_standings_from_log, load_standing_from_log,
    provide_lesson_standings_from_log, provide_standing_from_log, provide_whole_log_fold,
    CourseLessons, LessonStandingsFromLog, Standing, StandingError, StandingFromLog, WholeLogFold,
};
use baeum_web::router;
use baeum_web::shell::{AppKind, Shell};
use baeum_web::sync_driver::{run_engine, use_sync, EngineHost, EngineStart, SyncHandle};
use baeum_web::teaching::learner::{MyAssignments, MyClassesPage};
use baeum_web::wellbeing::{CheckInCard, HelpPage, SharedCheckIns};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// The learners' app: the shell around the routed page. Only the home page is in the main
/// wasm; every other page is a chunk fetched when it first opens.
#[component]
pub fn App() -> impl IntoView {
    let path = provide_app_context(
        AppKind::Learning,
        EngineStart {
            start: |host| Box::pin(sync_engine_in_chunk(host)),
            at_once: false,
        },
    );
    provide_whole_log_fold(WholeLogFold(|statements| {
        Box::pin(fold_whole_log_in_chunk(statements))
    }));
    provide_assignments_on_home(AssignmentsOnHome(|| Box::pin(my_assignments_section())));
    provide_check_in_on_home(CheckInOnHome(check_in_section));
    provide_shared_check_ins_on_settings(SharedCheckInsOnSettings(shared_check_ins_section));
    provide_standing_from_log(StandingFromLog(|sync, fold| {
        Box::pin(async move {
            match from_log_in_chunk(sync, fold, FromLogWanted::Standing).await {
                Ok(read) => match read.await? {
                    FromLog::Standing(standing) => Ok(standing),
                    FromLog::LessonStandings(_) => Err(StandingError::FoldUnavailable),
                },
                Err(ChunkLoadError) => Err(StandingError::FoldUnavailable),
            }
        })
    }));
    if let Some(sync) = use_sync() {
        // Home needs the digest's chunk once the log holds a statement, maybe offline: a
        // learner saving data gets no chunk from the service worker but those opened, so the
        // page fetches it (and the worker keeps it) after recording the first one.
        sync.after_first_statement(keep_progress_digest_chunk);
    }
    send_queued_applications_when_online();
    view! { <Shell>{router::routed_page(path, LEARNERS_ROUTES, learners_page)}</Shell> }
}

/// Each page by its route in core's table; no route, the not-found page.
fn learners_page(page: Option<LearnersPage>) -> AnyView {
    match page {
        Some(LearnersPage::Home) => view! { <HomePage/> }.into_any(),
        Some(LearnersPage::Course) => view! { <CoursePageChunk/> }.into_any(),
        Some(LearnersPage::Lesson) => view! { <LessonPageChunk/> }.into_any(),
        Some(LearnersPage::Settings) => view! { <SettingsPageChunk/> }.into_any(),
        Some(LearnersPage::Me) => view! { <AccountPageChunk/> }.into_any(),
        Some(LearnersPage::Review) => view! { <ReviewPageChunk/> }.into_any(),
        Some(LearnersPage::History) => view! { <HistoryPageChunk/> }.into_any(),
        Some(LearnersPage::Classes) => view! { <MyClassesPageChunk/> }.into_any(),
        Some(LearnersPage::Help) => view! { <HelpPageChunk/> }.into_any(),
        Some(LearnersPage::Catalog) => view! { <CatalogPageChunk/> }.into_any(),
        Some(LearnersPage::Certificates) => view! { <CertificatesPageChunk/> }.into_any(),
        Some(LearnersPage::Verify) => view! { <VerifyPageChunk/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

/// Declares a page's split point (a function returning the page's view, which wasm-split moves
/// into a chunk with everything only it reaches) and the routed component that loads it.
macro_rules! split_page {
    ($(#[$documentation:meta])* $routed:ident, $split_point:ident, $page:ident) => {
        #[wasm_split($split_point, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $split_point() -> Result<AnyView, ChunkLoadError> {
            Ok(view! { <$page/> }.into_any())
        }

        $(#[$documentation])*
        #[component]
        pub fn $routed() -> impl IntoView {
            view! { <ChunkView load=$split_point contents=ChunkContents::Page/> }
        }
    };
}

/// Which page the course pages' chunk shows.
#[derive(Clone, Copy)]
enum CoursePages {
    Course,
    Catalog,
}

/// `/courses/:course` (a course's units, lessons and downloads) and `/catalog` (the whole
/// catalogue, searched): one chunk, as they share their code, which the offline set keeps, so
/// the catalogue opens offline too. Its own split point made 23 more chunk files, whose lists
/// cost the first load 0.8 KB.
#[wasm_split(course_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn course_pages(which: CoursePages) -> Result<AnyView, ChunkLoadError> {
    Ok(match which {
        CoursePages::Course => {
            // Here rather than at the app's start, so that its code is this chunk's.
            provide_lesson_standings_from_log(LessonStandingsFromLog(|sync, fold, course| {
                Box::pin(async move {
                    match from_log_in_chunk(sync, fold, FromLogWanted::LessonStandings(course))
                        .await
                    {
                        Ok(read) => match read.await? {
                            FromLog::LessonStandings(standings) => Ok(standings),
                            FromLog::Standing(_) => Err(StandingError::FoldUnavailable),
                        },
                        Err(ChunkLoadError) => Err(StandingError::FoldUnavailable),
                    }
                })
            }));
            view! { <CoursePage/> }.into_any()
        }
        CoursePages::Catalog => view! { <CatalogPage/> }.into_any(),
    })
}

fn course_page_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(course_pages(CoursePages::Course))
}

fn catalog_page_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(course_pages(CoursePages::Catalog))
}

/// `/courses/:course`.
#[component]
pub fn CoursePageChunk() -> impl IntoView {
    let load: ChunkViewLoader = course_page_section;
    view! { <ChunkView load=load contents=ChunkContents::Page/> }
}

/// `/catalog`.
#[component]
pub fn CatalogPageChunk() -> impl IntoView {
    let load: ChunkViewLoader = catalog_page_section;
    view! { <ChunkView load=load contents=ChunkContents::Page/> }
}
/// Which page the records' chunk shows, or (`SendQueued`) nothing: it sends the applications
/// queued on this device.
#[derive(Clone, Copy)]
enum RecordsPages {
    Certificates,
    Verify,
    SendQueued,
}

/// `/certificates` (the learner's certificates, asking for one) and `/verify` (checking one):
/// one chunk, as both carry core's credential code, and a verifier who only checks fetches
/// the QR code's drawing too, which is small beside it.
#[wasm_split(records_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn records_pages(which: RecordsPages) -> Result<AnyView, ChunkLoadError> {
    Ok(match which {
        RecordsPages::Certificates => view! { <CertificatesPage/> }.into_any(),
        RecordsPages::Verify => view! { <VerifyPage/> }.into_any(),
        RecordsPages::SendQueued => {
            leptos::task::spawn_local(baeum_web::pages::applications::send_queued(None));
            ().into_any()
        }
    })
}

/// Sends the applications queued offline (issue 21) when the connection returns, wherever
/// the learner is, like statements: the records chunk is fetched for it only while this
/// device holds one (a flag in `localStorage`), and it was opened to apply, so the service
/// worker has it.
fn send_queued_applications_when_online() {
    baeum_web::browser::on_window_event("online", || {
        let waiting = baeum_web::browser::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .and_then(|storage| {
                storage
                    .get_item(baeum_web::pages::applications::QUEUED_FLAG)
                    .ok()
                    .flatten()
            })
            .is_some();
        if waiting {
            leptos::task::spawn_local(async {
                let _ = records_pages(RecordsPages::SendQueued).await;
            });
        }
    });
}

fn certificates_page_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(records_pages(RecordsPages::Certificates))
}

fn verify_page_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(records_pages(RecordsPages::Verify))
}

/// `/certificates`.
#[component]
pub fn CertificatesPageChunk() -> impl IntoView {
    let load: ChunkViewLoader = certificates_page_section;
    view! { <ChunkView load=load contents=ChunkContents::Page/> }
}

/// `/verify`.
#[component]
pub fn VerifyPageChunk() -> impl IntoView {
    let load: ChunkViewLoader = verify_page_section;
    view! { <ChunkView load=load contents=ChunkContents::Page/> }
}

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

/// What the wellbeing chunk shows.
#[derive(Clone, Copy)]
enum Wellbeing {
    CheckIn,
    HelpPage,
    SharedCheckIns,
}

/// The wellbeing check-in on home (core's `wellbeing`), which home loads once it is ready, the
/// help page, and the Device page's list of teachers who see the learner's check-ins: one
/// chunk, as they share their code, so the first load carries none of it and the chunk lists
/// grow by as little as can be. (wasm-split makes a chunk for every set of split points that
/// share a function: the list linked into the Device page's own chunk made 23 more files.)
#[wasm_split(wellbeing, wasm_split_path = ::leptos::wasm_split, fallible)]
fn wellbeing_view(which: Wellbeing) -> Result<AnyView, ChunkLoadError> {
    Ok(match which {
        Wellbeing::CheckIn => view! { <CheckInCard/> }.into_any(),
        Wellbeing::HelpPage => view! { <HelpPage/> }.into_any(),
        Wellbeing::SharedCheckIns => view! { <SharedCheckIns/> }.into_any(),
    })
}

fn shared_check_ins_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(wellbeing_view(Wellbeing::SharedCheckIns))
}

fn check_in_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(wellbeing_view(Wellbeing::CheckIn))
}

fn help_page_section() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>> {
    Box::pin(wellbeing_view(Wellbeing::HelpPage))
}

/// `/help`: where to get help (help lines), always in the menu.
#[component]
pub fn HelpPageChunk() -> impl IntoView {
    let load: ChunkViewLoader = help_page_section;
    view! { <ChunkView load=load contents=ChunkContents::Page/> }
}

/// The learner's assignments on home: only a learner in a class has any, and a first visit is
/// always a guest's, so their code (the teaching API, its cache and the assigned downloads) is a
/// chunk that home fetches once a learner is signed in.
#[wasm_split(my_assignments, wasm_split_path = ::leptos::wasm_split, fallible)]
fn my_assignments_section() -> Result<AnyView, ChunkLoadError> {
    Ok(view! { <MyAssignments/> }.into_any())
}

/// The sync engine (core's engine, the push and pull requests, the outbox operations): needed
/// once the device holds a session or a statement, which a first visit's never does. Recording
/// does not wait for it (`sync_driver`).
#[wasm_split(sync_engine, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sync_engine_in_chunk(host: EngineHost) -> Result<(), ChunkLoadError> {
    run_engine(host);
    Ok(())
}

/// What the `progress_digest` chunk is asked for: home's standing, or a course page's marks.
enum FromLogWanted {
    Standing,
    LessonStandings(CourseLessons),
}

/// What it gives back: the variant asked for (the other arm at each call is never taken).
enum FromLog {
    Standing(Standing),
    LessonStandings(Option<Vec<LessonStanding>>),
}

/// Reading the saved progress digest, growing it by the statements since, and what home shows
/// of it, or a course page's lesson marks. A first visit's log is empty and needs none of it
/// (`progress_view::load_standing`). One split point for both, since they share nearly all
/// their code; the marks come back rather than the digest, whose drop code would otherwise
/// join the first load.
#[wasm_split(
    progress_digest,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_progress_digest)
)]
fn from_log_in_chunk(
    sync: SyncHandle,
    fold: WholeLogFold,
    wanted: FromLogWanted,
) -> Result<LocalBoxFuture<'static, Result<FromLog, StandingError>>, ChunkLoadError> {
    Ok(match wanted {
        FromLogWanted::Standing => Box::pin(async move {
            load_standing_from_log(sync, fold)
                .await
                .map(FromLog::Standing)
        }),
        FromLogWanted::LessonStandings(course) => Box::pin(async move {
            lesson_standings_from_log(sync, fold, course)
                .await
                .map(FromLog::LessonStandings)
        }),
    })
}

/// Fetches the digest's chunk without running it; a failure is retried when home needs it.
fn keep_progress_digest_chunk() {
    leptos::task::spawn_local(async {
        let _ = preload_progress_digest().await;
    });
}

/// The whole-log fold (core's `Progress`, 20 KB gzip of the main module) is a chunk too:
/// home and review grow the saved digest, and fold the whole log only after another device's
/// older answers or a voiding statement arrive (see `progress_view::load_digest`).
#[wasm_split(progress_fold, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fold_whole_log_in_chunk(
    statements: Vec<SyncStatement>,
) -> Result<ProgressDigest, ChunkLoadError> {
    Ok(fold_whole_log(&statements))
}
