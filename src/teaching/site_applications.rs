//! Enrolment on a site's page for its admins (issue 21): how each course is entered (open, by
//! application with a number of places, or by assignment) and the queue of applications,
//! oldest first, each approved or declined with a reason the learner reads. Online only, like
//! the rest of the site's page. Its words are later messages (`teach-site-`, and the
//! learner's words for an application's state, `certificates-`).

use baeum_core::records::enrolment::{ApplicationState, Enrolment, EnrolmentMode};
use baeum_core::records::wire::{ApplicationDecision, CourseEnrolment, SiteApplication};
use baeum_core::site::CourseChoice;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::window;
use crate::sync_driver::use_sync;
use crate::t;

use super::api::TeachingError;
use super::device_cache::signed_in;
use super::local_time::local_time_text;
use super::TeachingProblem;

/// The site's enrolment and applications. `offered`: the courses the site offers.
#[component]
pub fn SiteEnrolment(offered: Vec<CourseChoice>) -> impl IntoView {
    let sync = use_sync();
    let modes = RwSignal::new(Vec::<CourseEnrolment>::new());
    let queue = RwSignal::new(None::<Vec<SiteApplication>>);
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = move |error: TeachingError| {
        problem.set(Some(t!("teach-site-failed", error = error.message())))
    };
    let load = move || {
        spawn_local(async move {
            let signed = match signed_in(sync).await {
                Ok(signed) => signed,
                Err(error) => return failed(error),
            };
            match signed.api.site_enrolment().await {
                Ok(found) => modes.set(found.courses),
                Err(error) => return failed(error),
            }
            match signed.api.site_applications().await {
                Ok(found) => queue.set(Some(found)),
                Err(error) => failed(error),
            }
        });
    };
    load();
    let offered = StoredValue::new(offered);
    let title_of = move |course: &str| offered.with_value(|offered| title_in(offered, course));
    // Read from the form when it is sent: no signal per field (each cost the app bytes).
    let course_field = NodeRef::<leptos::html::Select>::new();
    let mode_field = NodeRef::<leptos::html::Select>::new();
    let capacity_field = NodeRef::<leptos::html::Input>::new();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(course), Some(mode), Some(capacity)) = (
            course_field.get_untracked(),
            mode_field.get_untracked(),
            capacity_field.get_untracked(),
        ) else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        let mode = EnrolmentMode::from_name(&mode.value()).unwrap_or_default();
        let places = capacity.value();
        let change = CourseEnrolment {
            course: course.value(),
            enrolment: Enrolment {
                mode,
                capacity: match mode {
                    EnrolmentMode::Application => places.trim().parse().ok(),
                    _ => None,
                },
            },
        };
        busy.set(true);
        problem.set(None);
        saved.set(false);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.set_enrolment(&change).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => saved.set(true),
                Err(error) => failed(error),
            }
            busy.set(false);
            load();
        });
    };
    let decide = move |id: uuid::Uuid, decision: ApplicationDecision| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.decide_application(id, &decision).await,
                Err(error) => Err(error),
            };
            if let Err(error) = result {
                failed(error);
            }
            busy.set(false);
            load();
        });
    };
    let mode_name = |mode: EnrolmentMode| match mode {
        EnrolmentMode::Open => t!("teach-site-enrolment-open"),
        EnrolmentMode::Application => t!("teach-site-enrolment-application"),
        EnrolmentMode::Assignment => t!("teach-site-enrolment-assignment"),
    };
    view! {
        <section aria-labelledby="site-enrolment-title" data-testid="site-enrolment">
            <h2 id="site-enrolment-title">{t!("teach-site-enrolment-title")}</h2>
            <p>{t!("teach-site-enrolment-hint")}</p>
            <ul data-testid="site-enrolment-modes">
                {move || {
                    modes
                        .get()
                        .into_iter()
                        .map(|listed| {
                            let places = listed
                                .enrolment
                                .capacity
                                .map(|places| t!("teach-site-enrolment-places", places = places))
                                .unwrap_or_default();
                            view! {
                                <li>
                                    {title_of(&listed.course)} ": "
                                    {mode_name(listed.enrolment.mode)} " " {places}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form class="site-enrolment-form" on:submit=save>
                <label>
                    {t!("teach-site-enrolment-course")}
                    <select required data-testid="enrolment-course" node_ref=course_field>
                        <option value="">"—"</option>
                        {offered
                            .get_value()
                            .into_iter()
                            .map(|choice| {
                                let title = super::site_page::course_title(&choice);
                                view! { <option value=choice.id>{title}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {t!("teach-site-enrolment-mode")}
                    <select data-testid="enrolment-mode" node_ref=mode_field>
                        {[EnrolmentMode::Open, EnrolmentMode::Application, EnrolmentMode::Assignment]
                            .into_iter()
                            .map(|choice| view! { <option value=choice.as_str()>{mode_name(choice)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {t!("teach-site-enrolment-capacity")}
                    <input
                        type="number"
                        min="1"
                        max="100000"
                        data-testid="enrolment-capacity"
                        node_ref=capacity_field
                    />
                </label>
                <button type="submit" data-testid="enrolment-save" disabled=move || busy.get()>
                    {t!("teach-site-enrolment-save")}
                </button>
                {move || saved.get().then(|| view! { <p role="status">{t!("teach-site-enrolment-saved")}</p> })}
            </form>
            <h3>{t!("teach-site-applications-title")}</h3>
            {move || match queue.get() {
                None => ().into_any(),
                Some(list) if list.is_empty() => {
                    view! { <p>{t!("teach-site-applications-none")}</p> }.into_any()
                }
                Some(list) => {
                    list.into_iter()
                        .map(|listed| {
                            let title = title_of(&listed.application.course);
                            view! { <QueueRow listed title busy decide/> }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
            <TeachingProblem problem=problem test_id="site-enrolment-problem"/>
        </section>
    }
}

fn title_in(offered: &[CourseChoice], course: &str) -> String {
    offered
        .iter()
        .find(|choice| choice.id == course)
        .map_or_else(|| course.to_owned(), super::site_page::course_title)
}

/// One application in the queue: who, which course, since when, where it stands; a live one
/// with Approve, and Decline, which asks for the reason the learner will read.
#[component]
fn QueueRow(
    listed: SiteApplication,
    title: String,
    busy: RwSignal<bool>,
    decide: impl Fn(uuid::Uuid, ApplicationDecision) + Copy + 'static,
) -> impl IntoView {
    let application = listed.application;
    let id = application.id;
    let state = crate::pages::applications::state_text(&application);
    let pending = application.state == ApplicationState::Pending;
    let decline = move |_| {
        let reason = window()
            .and_then(|window| {
                window
                    .prompt_with_message(&t!("teach-site-applications-reason"))
                    .ok()
            })
            .flatten()
            .filter(|reason| !reason.trim().is_empty());
        if let Some(reason) = reason {
            decide(
                id,
                ApplicationDecision {
                    approve: false,
                    reason: Some(reason),
                },
            );
        }
    };
    view! {
        <p class="application" data-testid="site-application">
            <strong>{listed.learner}</strong> " · " {title} " · "
            {local_time_text(&application.applied)} " · "
            <span data-testid="site-application-state">{state}</span> " "
            {pending.then(|| view! {
                <button
                    type="button"
                    data-testid="approve-application"
                    disabled=move || busy.get()
                    on:click=move |_| decide(id, ApplicationDecision { approve: true, reason: None })
                >
                    {t!("teach-site-applications-approve")}
                </button>
            })} " "
            {application.state.is_live().then(|| view! {
                <button
                    type="button"
                    class="secondary"
                    data-testid="decline-application"
                    disabled=move || busy.get()
                    on:click=decline
                >
                    {t!("teach-site-applications-decline")}
                </button>
            })}
        </p>
    }
}
