//! Teaching: classes with join codes, assignments with due dates, and the progress dashboard,
//! for teachers; joining a class and "my assignments" for learners.
//!
//! - [`api`]: the typed client for the school API and its one error type.
//! - [`content_names`]: course, unit and lesson titles for assignments.
//! - [`device_cache`]: cached answers for offline use and the queue of assignments created
//!   offline.
//! - [`local_time`]: due dates between the reader's local time and the server's UTC.
//! - [`teacher`]: the pages `/teach`, `/teach/classes/:id` and the learner drill-down.
//! - [`learner`]: the join form, [`MyAssignments`](learner::MyAssignments) and `/classes`.
//!
//! [`TeachingNavLink`] is the navigation entry the shell shows; it also sends queued
//! assignments when the app starts and whenever the browser comes back online, because the
//! shell is the one component that is always mounted.

pub mod api;
pub mod content_names;
pub mod device_cache;
pub mod joint;
pub mod learner;
pub mod local_time;
pub mod missed_items;
pub mod site_applications;
pub mod site_certificates;
pub mod site_page;
pub mod teacher;
pub mod wellbeing;

use leptos::prelude::*;

use crate::account::Role;
use crate::browser;
use crate::shell::AppLink;
use crate::sync_driver::use_sync;

use crate::sync_driver::SyncHandle;
use api::TeachingError;
use device_cache::{
    cache_key, current_session, flush_outbox, read_cached, signed_in, write_cached_at,
};

/// Fetches a cached answer: shows the cached copy at once, then the server's when it answers.
/// `fetched_at` is the device time of what is shown; `problem` says why it may be old.
pub(crate) fn load_with_cache<T, F, Fut>(
    sync: Option<SyncHandle>,
    what: String,
    shown: RwSignal<Option<T>>,
    fetched_at: RwSignal<Option<f64>>,
    problem: RwSignal<Option<String>>,
    fetch: F,
) where
    T: Clone + serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    F: FnOnce(api::TeachingApi) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, TeachingError>> + 'static,
{
    leptos::task::spawn_local(async move {
        let signed_in = match signed_in(sync).await {
            Ok(signed_in) => signed_in,
            Err(error) => {
                problem.set(Some(error.message()));
                return;
            }
        };
        let key = cache_key(signed_in.account.id, &what);
        // Loads overlap (a page load and an `online` event, say). What is shown is stamped with
        // the moment its request started, so an older request that answers late never
        // replaces what a newer one already showed.
        let started_ms = js_sys::Date::now();
        let newer_shown = move || {
            fetched_at
                .get_untracked()
                .is_some_and(|shown| shown > started_ms)
        };
        if let Some(cached) = read_cached::<T>(sync, &key).await {
            if fetched_at
                .get_untracked()
                .is_none_or(|shown| shown < cached.fetched_at_ms)
            {
                shown.set(Some(cached.value));
                fetched_at.set(Some(cached.fetched_at_ms));
            }
        }
        match fetch(signed_in.api).await {
            Ok(_) | Err(_) if newer_shown() => {}
            Ok(value) => {
                write_cached_at(sync, &key, &value, started_ms).await;
                shown.set(Some(value));
                fetched_at.set(Some(started_ms));
                problem.set(None);
            }
            Err(error) => problem.set(Some(error.message())),
        }
    });
}

/// Shared look of every teaching page's "could not load" line.
#[component]
pub fn TeachingProblem(
    /// What went wrong, in words for the user; nothing is shown for `None`.
    #[prop(into)]
    problem: Signal<Option<String>>,
    #[prop(into)] test_id: String,
) -> impl IntoView {
    view! {
        <p class="teaching-problem" role="alert" data-testid=test_id>
            {move || problem.get().unwrap_or_default()}
        </p>
    }
}

/// Sends the teacher's queued assignments at start-up, on every sign-in and on every `online`
/// event. Only the teachers' app runs it (see `app::TeachingApp`), so the learners' wasm leaves
/// the queue's sending code out; a queue made offline waits until the teacher next opens
/// `/teach` with a connection.
pub fn send_queued_assignments() {
    let sync = use_sync();
    if let Some(sync) = sync {
        Effect::new(move |_| {
            sync.account.track();
            leptos::task::spawn_local(async move {
                flush_outbox(Some(sync)).await;
            });
        });
    } else {
        leptos::task::spawn_local(async move {
            flush_outbox(None).await;
        });
    }
    browser::on_window_event("online", move || {
        leptos::task::spawn_local(async move {
            flush_outbox(sync).await;
        });
    });
}

/// The navigation link to the teaching pages: "Teach" for a teacher, "Classes" for everyone
/// else.
#[component]
pub fn TeachingNavLink() -> impl IntoView {
    let sync = use_sync();
    let role = RwSignal::new(None::<Role>);
    let refresh_role = move || {
        leptos::task::spawn_local(async move {
            let session = current_session(sync).await;
            role.set(session.map(|session| session.account.role));
        });
    };
    refresh_role();
    // Signing in or out through the sync handle changes the link at once.
    if let Some(sync) = sync {
        Effect::new(move |_| {
            sync.account.track();
            refresh_role();
        });
    }
    move || {
        match role.get() {
            Some(Role::Teacher) | Some(Role::Admin) => {
                view! { <AppLink href="/teach" test_id="nav-teach">{crate::t!("teach-nav-teach")}</AppLink> }.into_any()
            }
            _ => {
                view! { <AppLink href="/classes" test_id="nav-classes">{crate::t!("teach-nav-classes")}</AppLink> }.into_any()
            }
        }
    }
}

/// Opens `path` of this app as a link to it would, after an action that leads elsewhere: a new
/// history entry, then the `popstate` the router follows (`crate::router`), so the router needs
/// no code for it in the learners' app.
pub fn open_path(path: &str) {
    let Some(window) = crate::browser::window() else {
        return;
    };
    let pushed = window.history().and_then(|history| {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
    });
    if pushed.is_err() {
        let _ = window.location().set_href(path);
        return;
    }
    if let Ok(event) = web_sys::Event::new("popstate") {
        let _ = window.dispatch_event(&event);
    }
}
