//! The learner's side of classes: joining one with the code the teacher wrote on the board,
//! the classes they are in, and [`MyAssignments`], the assigned lessons with who assigned them
//! and when they are due in the learner's own time zone. Both lists are cached on the device and
//! open offline with the time they were last fetched.

use leptos::prelude::*;

use crate::account::{AccountPanel, Role};
use crate::browser;
use crate::downloads::{download_assigned, AssignedContent};
use crate::shell::AppLink;
use crate::sync_driver::use_sync;
use crate::t;

use super::api::{site_label, LearnerClassView, MyAssignment, MyAssignments, TeachingError};
use super::content_names::{use_content_names, ContentNames};
use super::device_cache::{announce, signed_in, CLASSES_CHANGED_EVENT};
use super::local_time::{local_time_text, local_time_text_from_ms};
use super::{load_with_cache, TeachingProblem};

/// Words for a failed join, saying what the learner can do about it.
pub fn join_problem_text(error: &TeachingError) -> String {
    match error {
        TeachingError::Server { status: 404, .. } => t!("classes-join-unknown-code"),
        TeachingError::Server {
            status: 400,
            message,
        } => t!("classes-join-not-a-code", reason = message),
        TeachingError::RateLimited { seconds } => {
            t!("classes-join-rate-limited", wait = wait_text(*seconds))
        }
        TeachingError::Offline => t!("classes-join-offline"),
        TeachingError::SignedOut => t!("classes-join-signed-out"),
        TeachingError::Forbidden(message) => t!("classes-join-forbidden", reason = message),
        TeachingError::Server { message, .. } => t!("classes-join-failed", reason = message),
    }
}

/// A wait in words: seconds under two minutes, else whole minutes rounded up.
pub fn wait_text(seconds: u64) -> String {
    if seconds < 120 {
        t!("classes-wait-seconds", seconds = seconds)
    } else {
        t!("classes-wait-minutes", minutes = seconds.div_ceil(60))
    }
}

/// The form a learner types the class code into.
#[component]
pub fn JoinClassForm() -> impl IntoView {
    let sync = use_sync();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let joined = RwSignal::new(None::<LearnerClassView>);
    let problem = RwSignal::new(None::<String>);
    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if typed.trim().is_empty() {
            problem.set(Some(t!("classes-join-code-missing")));
            return;
        }
        busy.set(true);
        problem.set(None);
        joined.set(None);
        leptos::task::spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed_in) => signed_in.api.join_class(typed.trim()).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(class) => {
                    joined.set(Some(class));
                    code.set(String::new());
                    announce(CLASSES_CHANGED_EVENT);
                }
                Err(error) => problem.set(Some(join_problem_text(&error))),
            }
            busy.set(false);
        });
    };
    view! {
        <form
            class="join-class"
            data-testid="join-class-form"
            on:submit=move |event| {
                event.prevent_default();
                submit();
            }
        >
            <h2>{t!("classes-join-title")}</h2>
            <label>
                {t!("classes-join-code-label")}
                <input
                    type="text"
                    data-testid="join-code"
                    class="join-code-input"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    prop:value=move || code.get()
                    on:input=move |event| code.set(event_target_value(&event))
                />
            </label>
            <button type="submit" data-testid="join-class" disabled=move || busy.get()>
                {t!("classes-join-button")}
            </button>
            <p class="teaching-notice" role="status" data-testid="join-result">
                {move || {
                    joined
                        .get()
                        .map(|class| {
                            t!("classes-joined", class = class.name, teacher = class.teacher.username)
                        })
                        .unwrap_or_default()
                }}
            </p>
            <TeachingProblem problem=problem test_id="join-problem"/>
        </form>
    }
}

/// The signed-in learner's assignments: course, who assigned it, the due date in the learner's
/// local time, the note, the status in words and whether it is overdue. Renders nothing for a
/// guest or a teacher, so it can sit on the home screen.
#[component]
pub fn MyAssignments() -> impl IntoView {
    let sync = use_sync();
    let role = RwSignal::new(None::<Role>);
    let shown = RwSignal::new(None::<MyAssignments>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    let reload = move || {
        leptos::task::spawn_local(async move {
            let signed = signed_in(sync).await.ok();
            let found = signed.as_ref().map(|signed| signed.account.role);
            if role.get_untracked() != found {
                role.set(found);
            }
            if signed.is_some_and(|signed| signed.account.role == Role::Learner) {
                load_with_cache(
                    sync,
                    "my_assignments".to_owned(),
                    shown,
                    fetched_at,
                    problem,
                    |api| async move { api.my_assignments().await },
                );
            }
        });
    };
    if let Some(sync) = sync {
        Effect::new(move |_| {
            sync.account.track();
            reload();
        });
    } else {
        reload();
    }
    browser::on_window_event(CLASSES_CHANGED_EVENT, reload);
    browser::on_window_event("online", reload);
    let titles = use_content_names(move || {
        shown
            .get()
            .map(|list| {
                list.assignments
                    .iter()
                    .map(|assignment| assignment.course_id.clone())
                    .collect()
            })
            .unwrap_or_default()
    });

    view! {
        <Show when=move || role.get() == Some(Role::Learner)>
            <section class="my-assignments" data-testid="my-assignments" aria-labelledby="my-assignments-title">
                <h2 id="my-assignments-title">{t!("classes-my-assignments-title")}</h2>
                <p class="teaching-as-of" data-testid="my-assignments-as-of">
                    {move || {
                        let as_of = shown.get().map(|list| local_time_text(&list.as_of));
                        match (as_of, fetched_at.get()) {
                            (Some(as_of), _) => t!("classes-assignments-as-of", time = as_of),
                            (None, _) => t!("classes-assignments-loading"),
                        }
                    }}
                </p>
                <TeachingProblem problem=problem test_id="my-assignments-problem"/>
                {move || {
                    shown
                        .get()
                        .map(|list| {
                            if list.assignments.is_empty() {
                                view! {
                                    <p data-testid="no-assignments">
                                        {t!("classes-no-assignments")}
                                    </p>
                                }
                                    .into_any()
                            } else {
                                let assigned = list
                                    .assignments
                                    .iter()
                                    .map(|assignment| AssignedContent {
                                        course_id: assignment.course_id.clone(),
                                        unit_id: assignment.unit_id.clone(),
                                        lesson_id: assignment.lesson_id.clone(),
                                    })
                                    .collect();
                                view! {
                                    <AssignedDownload assigned=assigned/>
                                    <ul class="assignment-cards">
                                        {list
                                            .assignments
                                            .into_iter()
                                            .map(|assignment| view! { <MyAssignmentCard assignment=assignment titles=titles/> })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        })
                }}
            </section>
        </Show>
    }
}

/// Where downloading the assignments stands.
#[derive(Clone, Debug, PartialEq)]
enum AssignedDownloadState {
    Idle,
    Running { done: usize, total: usize },
    Done,
    Failed(String),
}

/// "Download my assignments": everything assigned, onto the device in one go, for homework
/// where there is no connection.
#[component]
fn AssignedDownload(assigned: Vec<AssignedContent>) -> impl IntoView {
    let state = RwSignal::new(AssignedDownloadState::Idle);
    let assigned = StoredValue::new(assigned);
    let start = move |_| {
        if matches!(state.get_untracked(), AssignedDownloadState::Running { .. }) {
            return;
        }
        state.set(AssignedDownloadState::Running { done: 0, total: 0 });
        leptos::task::spawn_local(async move {
            let outcome = download_assigned(assigned.get_value(), |done, total| {
                state.set(AssignedDownloadState::Running { done, total })
            })
            .await;
            state.set(match outcome {
                Ok(()) => AssignedDownloadState::Done,
                Err(message) => AssignedDownloadState::Failed(message),
            });
        });
    };
    view! {
        <div class="assigned-download">
            <button type="button" class="secondary" data-testid="assigned-download"
                disabled=move || matches!(state.get(), AssignedDownloadState::Running { .. })
                on:click=start>
                {t!("classes-download-assigned")}
            </button>
            <p class="course-meta" role="status" data-testid="assigned-download-status">
                {move || match state.get() {
                    AssignedDownloadState::Idle => String::new(),
                    AssignedDownloadState::Running { total: 0, .. } => t!("classes-download-assigned-finding"),
                    AssignedDownloadState::Running { done, total } => t!("classes-download-assigned-progress", current = done + 1, total = total),
                    AssignedDownloadState::Done => t!("classes-download-assigned-done"),
                    AssignedDownloadState::Failed(message) => t!("classes-download-assigned-stopped", reason = message),
                }}
            </p>
        </div>
    }
}

/// Where the assignment's link leads: its lesson, or the course to pick from.
fn assignment_href(assignment: &MyAssignment) -> String {
    match &assignment.lesson_id {
        Some(lesson) => format!("/courses/{}/{lesson}", assignment.course_id),
        None => format!("/courses/{}", assignment.course_id),
    }
}

#[component]
fn MyAssignmentCard(assignment: MyAssignment, titles: Signal<ContentNames>) -> impl IntoView {
    let href = assignment_href(&assignment);
    let course_id = assignment.course_id.clone();
    let unit_id = assignment.unit_id.clone();
    let lesson_id = assignment.lesson_id.clone();
    let target = move || {
        titles.with(|names| names.target(&course_id, unit_id.as_deref(), lesson_id.as_deref()))
    };
    let status = assignment.progress.status;
    let overdue = assignment.progress.overdue;
    view! {
        <li
            class="assignment-card"
            class:overdue=overdue
            data-testid="my-assignment"
            data-assignment-id=assignment.id.to_string()
            data-status=status.code()
        >
            <h3><a href=href>{target}</a></h3>
            <p>
                {t!("classes-assignment-assigned-by")}
                " "
                <strong data-testid="my-assignment-teacher">{assignment.assigned_by.username.clone()}</strong>
                " "
                {t!("classes-assignment-class", class = &assignment.class_name)}
            </p>
            <p>
                {t!("classes-assignment-due")}
                " "
                <time data-testid="my-assignment-due" datetime=assignment.due_at.clone()>
                    {local_time_text(&assignment.due_at)}
                </time>
                {overdue.then(|| view! { <strong class="overdue-label" data-testid="my-assignment-overdue">" " {t!("classes-assignment-overdue")}</strong> })}
            </p>
            {assignment.note.clone().map(|note| view! { <p class="assignment-note" data-testid="my-assignment-note">{note}</p> })}
            <p class={format!("status status-{}", status.code())} data-testid="my-assignment-status">
                {t!("classes-assignment-progress", status = status.label(),
                    done = assignment.progress.lessons_done, total = assignment.progress.lessons_total)}
            </p>
        </li>
    }
}

/// `/classes`: join a class, the classes the learner is in, and their assignments.
#[component]
pub fn MyClassesPage() -> impl IntoView {
    let sync = use_sync();
    let role = RwSignal::new(None::<Option<Role>>);
    let classes = RwSignal::new(None::<Vec<LearnerClassView>>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    let reload = move || {
        leptos::task::spawn_local(async move {
            let signed = signed_in(sync).await.ok();
            // Setting an equal value would rebuild the page and lose the join form's message.
            let found = Some(signed.as_ref().map(|signed| signed.account.role));
            if role.get_untracked() != found {
                role.set(found);
            }
            if signed.is_some_and(|signed| signed.account.role == Role::Learner) {
                load_with_cache(
                    sync,
                    "learner_classes".to_owned(),
                    classes,
                    fetched_at,
                    problem,
                    |api| async move { api.learner_classes().await },
                );
            }
        });
    };
    if let Some(sync) = sync {
        Effect::new(move |_| {
            sync.account.track();
            reload();
        });
    } else {
        reload();
    }
    browser::on_window_event(CLASSES_CHANGED_EVENT, reload);

    view! {
        <section class="page teaching-page" data-testid="classes-page">
            <h1>{t!("classes-title")}</h1>
            {move || match role.get() {
                None => view! { <p class="loading">{t!("classes-loading")}</p> }.into_any(),
                Some(None) => view! {
                    <p data-testid="classes-signed-out">
                        {t!("classes-signed-out")}
                    </p>
                    <AccountPanel/>
                }.into_any(),
                Some(Some(Role::Learner)) => view! {
                    <JoinClassForm/>
                    <h2>{t!("classes-mine-title")}</h2>
                    <TeachingProblem problem=problem test_id="classes-problem"/>
                    {move || classes.get().map(|classes| {
                        if classes.is_empty() {
                            view! { <p>{t!("classes-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="class-list" data-testid="learner-classes">
                                    {classes.into_iter().map(|class| {
                                        // A joint class names every teacher and, in the
                                        // learner's language, every school.
                                        let teachers = if class.teachers.is_empty() {
                                            class.teacher.username.clone()
                                        } else {
                                            class.teachers.iter().map(|teacher| teacher.username.as_str()).collect::<Vec<_>>().join(", ")
                                        };
                                        let schools = (class.sites.len() > 1).then(|| {
                                            let names: Vec<String> = class.sites.iter().map(|site| site_label(&class.sites, &site.id)).collect();
                                            view! { <span data-testid="learner-class-schools">{format!(" · {}", names.join(", "))}</span> }
                                        });
                                        view! {
                                            <li data-testid="learner-class">
                                                <strong>{class.name}</strong>
                                                " "
                                                {t!("classes-class-teacher", teacher = teachers)}
                                                {schools}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    })}
                    <p class="teaching-as-of">
                        {move || fetched_at.get().map(|ms| t!("classes-list-as-of", time = local_time_text_from_ms(ms)))}
                    </p>
                    <MyAssignments/>
                }.into_any(),
                Some(Some(_)) => view! {
                    <p data-testid="classes-for-teacher">
                        {t!("classes-for-teacher-before")}
                        " "
                        <AppLink href="/teach">{t!("classes-for-teacher-link")}</AppLink>
                        " "
                        {t!("classes-for-teacher-after")}
                    </p>
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_learner_is_told_what_to_do_about_a_failed_join() {
        let wrong = TeachingError::Server {
            status: 404,
            message: "no class has this join code".to_owned(),
        };
        assert!(join_problem_text(&wrong).starts_with("No class has this code."));
        assert_eq!(
            join_problem_text(&TeachingError::RateLimited { seconds: 540 }),
            "Too many wrong codes. Wait 9 minutes and try again."
        );
        assert_eq!(
            join_problem_text(&TeachingError::RateLimited { seconds: 45 }),
            "Too many wrong codes. Wait 45 seconds and try again."
        );
        assert!(join_problem_text(&TeachingError::Offline).starts_with("You are offline."));
    }

    #[wasm_bindgen_test]
    fn waits_round_up_to_whole_minutes_from_two_minutes_on() {
        assert_eq!(wait_text(1), "1 second");
        assert_eq!(wait_text(119), "119 seconds");
        assert_eq!(wait_text(120), "2 minutes");
        assert_eq!(wait_text(121), "3 minutes");
    }
}
