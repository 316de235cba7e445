//! Enrolment as the learner sees it (issue 21): the courses this site takes by application or
//! through a teacher's class, applying, withdrawing, and where each application stands. Shown
//! on `/certificates` above the certificates (an application is the first step toward one),
//! in the same chunk; the history page lists the applications too.
//!
//! What the server said is kept on the device (`load_with_cache`), so it shows offline. An
//! application made offline waits in a queue in the settings store, written durably before the
//! page says so, under the id the app gave it: sent at once, when the page opens online, and
//! when the connection returns wherever the learner is (while one waits, a `localStorage` flag
//! tells the main module to fetch this chunk and run [`send_queued`]); it is one application
//! however often it is sent (the server gives back the stored one for a known id).

use baeum_core::content::Language;
use baeum_core::records::enrolment::{ApplicationState, EnrolmentMode};
use baeum_core::records::wire::{Application, ApplicationRequest, SiteEnrolment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

use crate::browser::is_online;
use crate::pages::certificates::{issue_day, learner_language};
use crate::sync_driver::{use_sync, SyncHandle};
use crate::t;
use crate::teaching::device_cache::{cache_key, change_list, read_list, signed_in};
use crate::teaching::load_with_cache;

/// The window event sent when the queue changed.
const QUEUE_CHANGED_EVENT: &str = "baeum-applications-changed";
/// Set in `localStorage` while this device holds an application not sent yet, so the app can
/// fetch this chunk to send it when the connection returns ([`QUEUED_FLAG`] is read by the
/// main module, which carries nothing else of this).
pub const QUEUED_FLAG: &str = "baeum.applications-queued";

fn mark_queued(waiting: bool) {
    if let Some(storage) =
        crate::browser::window().and_then(|window| window.local_storage().ok().flatten())
    {
        let _ = if waiting {
            storage.set_item(QUEUED_FLAG, "1")
        } else {
            storage.remove_item(QUEUED_FLAG)
        };
    }
}

/// An application made on this device and not yet stored by the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedApplication {
    pub request: ApplicationRequest,
    /// Why the server refused it for good (kept so the learner reads why).
    #[serde(default)]
    pub refused: Option<String>,
}

fn queue_key(account_id: uuid::Uuid) -> String {
    cache_key(account_id, "application_outbox")
}

/// An application's state in the learner's words (the site's admins read the same).
pub fn state_text(application: &Application) -> String {
    match (application.state, application.waiting) {
        (ApplicationState::Pending, Some(place)) => {
            t!("certificates-applications-waiting", place = place)
        }
        (ApplicationState::Pending, None) => t!("certificates-applications-pending"),
        (ApplicationState::Approved, _) => t!("certificates-applications-approved"),
        (ApplicationState::Declined, _) => t!(
            "certificates-applications-declined",
            reason = application.reason.clone().unwrap_or_default()
        ),
        (ApplicationState::Withdrawn, _) => t!("certificates-applications-withdrawn"),
    }
}

/// Sends the signed-in learner's queued applications, oldest first; stops at the first
/// temporary failure (offline, signed out, server trouble).
pub async fn send_queued(sync: Option<SyncHandle>) {
    let Ok(signed) = signed_in(sync).await else {
        return;
    };
    let key = queue_key(signed.account.id);
    let Ok(queue) = read_list::<QueuedApplication>(sync, &key).await else {
        return;
    };
    for queued in queue.into_iter().filter(|queued| queued.refused.is_none()) {
        let id = queued.request.id;
        let refusal = match signed.api.apply(&queued.request).await {
            Ok(_) => None,
            Err(error) if error.is_temporary() => return,
            Err(error) => Some(error.message()),
        };
        let _ =
            change_list::<QueuedApplication>(
                sync,
                &key,
                QUEUE_CHANGED_EVENT,
                |queue| match refusal {
                    None => queue.retain(|queued| queued.request.id != id),
                    Some(reason) => {
                        for queued in queue.iter_mut().filter(|queued| queued.request.id == id) {
                            queued.refused = Some(reason.clone());
                        }
                    }
                },
            )
            .await;
    }
    if let Ok(left) = read_list::<QueuedApplication>(sync, &key).await {
        mark_queued(left.iter().any(|queued| queued.refused.is_none()));
    }
}

/// The course's title in the learner's language, from home's catalogue kept on the device.
fn title_from(catalog: Option<&baeum_core::content::CatalogIndex>, course: &str) -> String {
    let language = Language::from_code(learner_language()).unwrap_or(Language::En);
    catalog
        .and_then(|catalog| catalog.courses.iter().find(|entry| entry.id == course))
        .map_or_else(
            || course.to_owned(),
            |entry| entry.title.get_or_english(language).to_owned(),
        )
}

/// This site's courses that are not open, and the learner's applications.
#[component]
pub fn Applications() -> impl IntoView {
    let sync = use_sync();
    let here = RwSignal::new(None::<SiteEnrolment>);
    let mine = RwSignal::new(None::<Vec<Application>>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    let queue = RwSignal::new(Vec::<QueuedApplication>::new());
    let busy = RwSignal::new(false);
    let catalog = LocalResource::new(|| async { crate::content_client::load_catalog().await.ok() });
    let read_queue = move || {
        spawn_local(async move {
            if let Ok(signed) = signed_in(sync).await {
                let key = queue_key(signed.account.id);
                if let Ok(found) = read_list::<QueuedApplication>(sync, &key).await {
                    queue.set(found);
                }
            }
        })
    };
    let refresh = move || {
        let unused = RwSignal::new(None::<f64>);
        load_with_cache(
            sync,
            "site_enrolment".into(),
            here,
            unused,
            problem,
            |api| async move { api.site_enrolment().await },
        );
        load_with_cache(
            sync,
            "applications".into(),
            mine,
            fetched_at,
            problem,
            |api| async move { api.my_applications().await },
        );
        read_queue();
    };
    let send_then_refresh = move || {
        spawn_local(async move {
            send_queued(sync).await;
            refresh();
        })
    };
    send_then_refresh();
    crate::browser::on_window_event("online", send_then_refresh);
    crate::browser::on_window_event(QUEUE_CHANGED_EVENT, read_queue);

    let apply = move |course: String| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            match signed_in(sync).await {
                Err(error) => problem.set(Some(error.message())),
                Ok(signed) => {
                    let queued = QueuedApplication {
                        request: ApplicationRequest {
                            id: crate::uuid_v7::new_v7(),
                            course,
                        },
                        refused: None,
                    };
                    // On the device first: a closed tab or a lost connection loses nothing.
                    let key = queue_key(signed.account.id);
                    // A refused one for the course is read and done with: this one replaces it.
                    let stored = change_list(sync, &key, QUEUE_CHANGED_EVENT, move |queue| {
                        queue.retain(|kept: &QueuedApplication| {
                            kept.request.course != queued.request.course
                        });
                        queue.push(queued)
                    })
                    .await;
                    match stored {
                        Err(error) => problem.set(Some(error.to_string())),
                        Ok(()) => {
                            mark_queued(true);
                            send_then_refresh()
                        }
                    }
                }
            }
            busy.set(false);
        });
    };
    let withdraw = move |id: uuid::Uuid| {
        busy.set(true);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.withdraw_application(id).await.map(|_| ()),
                Err(error) => Err(error),
            };
            if let Err(error) = result {
                problem.set(Some(error.message()));
            }
            busy.set(false);
            refresh();
        });
    };

    // This site's courses that are not open, each with what the learner can do.
    let courses_here = move || {
        let here = here.get()?;
        let site = here.site.clone()?;
        let catalog = catalog.get().flatten();
        let mine = mine.get().unwrap_or_default();
        let queue = queue.get();
        let rows = here
            .courses
            .into_iter()
            .map(|listed| {
                let title = title_from(catalog.as_ref(), &listed.course);
                let places = listed
                    .enrolment
                    .capacity
                    .map(|places| t!("certificates-applications-places", places = places));
                let live = mine.iter().find(|application| {
                    application.site == site
                        && application.course == listed.course
                        && application.state.is_live()
                });
                let queued = queue
                    .iter()
                    .find(|queued| queued.request.course == listed.course);
                let action = match (listed.enrolment.mode, live, queued) {
                    (EnrolmentMode::Assignment, _, _) => {
                        view! { <span>{t!("certificates-applications-by-assignment")}</span> }
                            .into_any()
                    }
                    (_, Some(live), _) => {
                        view! { <span data-testid="application-here-state">{state_text(live)}</span> }
                            .into_any()
                    }
                    (_, None, Some(queued)) if queued.refused.is_none() => view! {
                        <span data-testid="application-queued">
                            {t!("certificates-applications-queued")}
                        </span>
                    }
                    .into_any(),
                    // Nothing live: Apply, after why a queued one was refused, if it was.
                    (_, None, queued) => {
                        let refused = queued.and_then(|queued| queued.refused.clone());
                        let course = listed.course.clone();
                        view! {
                            {refused.map(|reason| view! {
                                <span class="load-error">
                                    {t!("certificates-applications-refused", reason = reason)}
                                </span>
                                " "
                            })}
                            <button
                                type="button"
                                data-testid="apply"
                                disabled=move || busy.get()
                                on:click=move |_| apply(course.clone())
                            >
                                {t!("certificates-applications-apply")}
                            </button>
                        }
                        .into_any()
                    }
                };
                view! {
                    <li data-testid="course-by-application" data-course=listed.course.clone()>
                        <strong>{title}</strong> " " {places} " " {action}
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul>{rows}</ul> })
    };

    let my_list = move || {
        let list = mine.get()?;
        let catalog = catalog.get().flatten();
        if list.is_empty() {
            return Some(
                view! { <p data-testid="applications-none">{t!("certificates-applications-none")}</p> }
                    .into_any(),
            );
        }
        let rows = list
            .into_iter()
            .rev()
            .map(|application| {
                let title = title_from(catalog.as_ref(), &application.course);
                let state = state_text(&application);
                let applied = t!(
                    "certificates-applications-applied",
                    date = issue_day(&application.applied)
                );
                let id = application.id;
                let live = application.state.is_live();
                view! {
                    <li data-testid="my-application">
                        <strong>{title}</strong> " · " {applied} " · "
                        <span data-testid="my-application-state">{state}</span>
                        {live.then(|| view! {
                            " "
                            <button
                                type="button"
                                class="secondary"
                                data-testid="withdraw-application"
                                disabled=move || busy.get() || !is_online()
                                on:click=move |_| withdraw(id)
                            >
                                {t!("certificates-applications-withdraw")}
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul>{rows}</ul> }.into_any())
    };

    view! {
        <section class="no-print applications" data-testid="applications" id="applications">
            <h2>{t!("certificates-applications-title")}</h2>
            <p>{t!("certificates-applications-intro")}</p>
            {courses_here}
            <h3>{t!("certificates-applications-mine")}</h3>
            {my_list}
            {move || problem.get().map(|problem| view! { <p class="load-error">{problem}</p> })}
        </section>
    }
}

/// On the learning history (issue 21, item 5): the learner's applications kept on this device.
#[component]
pub fn ApplicationsInHistory() -> impl IntoView {
    let sync = use_sync();
    let kept = LocalResource::new(move || async move {
        let session = crate::teaching::device_cache::current_session(sync).await?;
        let key = cache_key(session.account.id, "applications");
        crate::teaching::device_cache::read_cached::<Vec<Application>>(sync, &key)
            .await
            .map(|cached| cached.value)
    });
    let catalog = LocalResource::new(|| async { crate::content_client::load_catalog().await.ok() });
    move || {
        let list = kept.get().flatten().filter(|list| !list.is_empty())?;
        let catalog = catalog.get().flatten();
        let lines = list
            .iter()
            .map(|application| {
                let line = format!(
                    "{} · {} · {} · {}",
                    title_from(catalog.as_ref(), &application.course),
                    application.site,
                    issue_day(&application.applied),
                    state_text(application)
                );
                view! { <li data-testid="history-application">{line}</li> }
            })
            .collect_view();
        Some(view! {
            <section aria-labelledby="history-applications-title">
                <h2 id="history-applications-title">
                    <a href="/certificates#applications">{t!("certificates-applications-title")}</a>
                </h2>
                <ul>{lines}</ul>
            </section>
        })
    }
}
