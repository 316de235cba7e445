//! The teacher's pages: `/teach` (my classes, with each join code big enough to copy onto a
//! board), `/teach/classes/:id` (members, renaming, a new code, assigning, the assignment list
//! and the progress dashboard) and `/teach/classes/:id/learners/:learner` (one learner's
//! drill-down).
//!
//! Every answer the pages show is cached on the device (see [`super::device_cache`]), so the
//! dashboard opens offline and says which moment it shows. Assignments are queued on the device
//! first and sent from the queue, so assigning works the same with or without a connection.

use std::collections::{BTreeMap, BTreeSet};

use baeum_core::content::CatalogIndex;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use crate::account::{AccountPanel, Role};
use crate::browser;
use crate::content_client::{load_course, load_full_catalog};
use crate::shell::AppLink;
use crate::sync_driver::use_sync;
use crate::t;
use crate::teaching::joint::{JointClassPanel, SiteFilter, TakeUpClassForm};
use crate::teaching::site_page::SiteLink;
use crate::teaching::wellbeing::{ClassWellbeingPanel, OpenRequestsCount};

use super::api::{
    site_label, AssignmentView, ClassDashboard, ClassDetail, ClassView, DashboardAssignment,
    LearnerDrillDown, Member, NewAssignment,
};
use super::content_names::{use_content_names, ContentNames};
use super::device_cache::{
    cache_key, dismiss_queued, enqueue_assignment, flush_outbox, queued_assignments, signed_in,
    write_cached, QueueState, QueuedAssignment, OUTBOX_CHANGED_EVENT,
};
use super::local_time::{
    default_due_input, local_input_to_rfc3339, local_time_text, local_time_text_from_ms,
    optional_local_time_text,
};
use super::missed_items::MissedItemName;
use super::{load_with_cache, TeachingProblem};

/// Who is looking at a teacher page: nobody, a learner, or a teacher with their account id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Viewer {
    Loading,
    SignedOut,
    NotATeacher,
    Teacher(Uuid),
}

/// Finds out who is signed in, again whenever the sync handle's account changes.
fn watch_viewer(on_teacher: impl Fn(Uuid) + Clone + 'static) -> RwSignal<Viewer> {
    let sync = use_sync();
    let viewer = RwSignal::new(Viewer::Loading);
    let check = move || {
        let on_teacher = on_teacher.clone();
        leptos::task::spawn_local(async move {
            let found = match signed_in(sync).await {
                Err(_) => Viewer::SignedOut,
                Ok(signed) if matches!(signed.account.role, Role::Teacher | Role::Admin) => {
                    Viewer::Teacher(signed.account.id)
                }
                Ok(_) => Viewer::NotATeacher,
            };
            // Setting an equal value would rebuild the page and lose what the teacher typed.
            if viewer.get_untracked() != found {
                viewer.set(found);
            }
            if let Viewer::Teacher(account_id) = found {
                on_teacher(account_id);
            }
        });
    };
    if let Some(sync) = sync {
        Effect::new(move |_| {
            sync.account.track();
            check();
        });
    } else {
        check();
    }
    viewer
}

/// What a teacher page shows to someone who is not a signed-in teacher.
#[component]
fn NotForThisViewer(viewer: Viewer) -> impl IntoView {
    match viewer {
        Viewer::Loading => view! { <p class="loading">{t!("teach-loading")}</p> }.into_any(),
        Viewer::SignedOut => view! {
            <p data-testid="teach-signed-out">
                {t!("teach-signed-out")}
            </p>
            <AccountPanel teacher_invitation=true/>
        }
        .into_any(),
        _ => {
            // One sentence for translators, with the link where `$link` stands in it.
            let (before, after) = crate::i18n::split_at_element(&t!(
                "teach-not-teacher",
                link = crate::i18n::ELEMENT_MARKER
            ));
            view! {
                <p data-testid="teach-not-teacher">
                    {before}
                    <AppLink href="/classes">{t!("teach-not-teacher-link")}</AppLink>
                    {after}
                </p>
            }
            .into_any()
        }
    }
}

// ----- /teach ---------------------------------------------------------------------------------

/// `/teach`: the teacher's classes with their join codes, and a form to create one.
#[component]
pub fn TeachPage() -> impl IntoView {
    let sync = use_sync();
    let classes = RwSignal::new(None::<Vec<ClassView>>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    let viewer = watch_viewer(move |_| {
        load_with_cache(
            sync,
            "classes".to_owned(),
            classes,
            fetched_at,
            problem,
            |api| async move { api.teacher_classes().await },
        );
    });

    let new_name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let create_problem = RwSignal::new(None::<String>);
    let create = move || {
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            create_problem.set(Some(t!("teach-create-class-name-missing")));
            return;
        }
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        create_problem.set(None);
        leptos::task::spawn_local(async move {
            let created = match signed_in(sync).await {
                Ok(signed) => signed
                    .api
                    .create_class(&name)
                    .await
                    .map(|class| (signed, class)),
                Err(error) => Err(error),
            };
            match created {
                Ok((signed, class)) => {
                    let mut list = classes.get_untracked().unwrap_or_default();
                    list.push(class);
                    write_cached(sync, &cache_key(signed.account.id, "classes"), &list).await;
                    classes.set(Some(list));
                    new_name.set(String::new());
                }
                Err(error) => {
                    let error = error.message();
                    create_problem.set(Some(t!("teach-create-class-failed", error = error)))
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page teaching-page" data-testid="teach-page">
            <h1>{t!("teach-classes-title")}</h1>
            {move || match viewer.get() {
                Viewer::Teacher(_) => view! {
                    <OpenRequestsCount/>
                    <SiteLink/>
                    <form
                        class="teaching-form"
                        on:submit=move |event| {
                            event.prevent_default();
                            create();
                        }
                    >
                        <label>
                            {t!("teach-new-class-name")}
                            <input
                                type="text"
                                data-testid="new-class-name"
                                maxlength="100"
                                prop:value=move || new_name.get()
                                on:input=move |event| new_name.set(event_target_value(&event))
                            />
                        </label>
                        <button type="submit" data-testid="create-class" disabled=move || busy.get()>
                            {t!("teach-create-class")}
                        </button>
                        <TeachingProblem problem=create_problem test_id="create-class-problem"/>
                    </form>
                    <TakeUpClassForm/>
                    <TeachingProblem problem=problem test_id="classes-problem"/>
                    <p class="teaching-as-of">
                        {move || fetched_at.get().map(|ms| t!("teach-as-of", time = local_time_text_from_ms(ms)))}
                    </p>
                    {move || classes.get().map(|list| {
                        if list.is_empty() {
                            view! { <p data-testid="no-classes">{t!("teach-no-classes")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="class-list">
                                    {list.into_iter().map(|class| view! { <ClassCard class=class/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    })}
                }
                .into_any(),
                other => view! { <NotForThisViewer viewer=other/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ClassCard(class: ClassView) -> impl IntoView {
    let href = format!("/teach/classes/{}", class.id);
    let members = t!("teach-class-learner-count", count = class.member_count);
    view! {
        <li class="class-card" data-testid="class-card" data-class-id=class.id.to_string()>
            <h2><a href=href data-testid="class-link">{class.name.clone()}</a></h2>
            <JoinCodeBoard code=class.join_code.clone()/>
            <p class="course-meta">{members}</p>
        </li>
    }
}

/// The join code in letters big enough to copy onto a board, grouped in fours for reading
/// aloud (the server ignores the space when a learner types it).
#[component]
fn JoinCodeBoard(#[prop(into)] code: Signal<String>) -> impl IntoView {
    let grouped = move || {
        code.get()
            .chars()
            .collect::<Vec<_>>()
            .chunks(4)
            .map(|chunk| chunk.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    view! {
        <p class="join-code-board">
            <span class="join-code-caption">{t!("teach-join-code")}</span>
            <span class="join-code" data-testid="join-code-display" data-code=move || code.get()>
                {grouped}
            </span>
        </p>
    }
}

// ----- /teach/classes/:id ---------------------------------------------------------------------

/// Reads a uuid path parameter; `None` when it is missing or malformed.
fn uuid_parameter(name: &'static str) -> impl Fn() -> Option<Uuid> + Copy {
    let parameter = crate::router::path_parameter(name);
    move || parameter.with(|text| text.as_deref().and_then(|text| Uuid::parse_str(text).ok()))
}

/// `/teach/classes/:id`: one class.
#[component]
pub fn ClassPage() -> impl IntoView {
    let sync = use_sync();
    let class_id = uuid_parameter("id");
    let detail = RwSignal::new(None::<ClassDetail>);
    let detail_at = RwSignal::new(None::<f64>);
    let detail_problem = RwSignal::new(None::<String>);
    let assignments = RwSignal::new(None::<Vec<AssignmentView>>);
    let assignments_at = RwSignal::new(None::<f64>);
    let assignments_problem = RwSignal::new(None::<String>);
    let dashboard = RwSignal::new(None::<ClassDashboard>);
    let dashboard_at = RwSignal::new(None::<f64>);
    let dashboard_problem = RwSignal::new(None::<String>);
    let queue = RwSignal::new(Vec::<QueuedAssignment>::new());
    let account = RwSignal::new(None::<Uuid>);

    let load_queue = move || {
        let (Some(account_id), Some(class_id)) = (account.get_untracked(), class_id()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(entries) = queued_assignments(sync, account_id).await {
                queue.set(
                    entries
                        .into_iter()
                        .filter(|entry| entry.assignment.class_id == class_id)
                        .collect(),
                );
            }
        });
    };
    let load_lists = move || {
        let Some(class_id) = class_id() else {
            return;
        };
        load_with_cache(
            sync,
            format!("assignments.{class_id}"),
            assignments,
            assignments_at,
            assignments_problem,
            move |api| async move { api.class_assignments(class_id).await },
        );
        load_with_cache(
            sync,
            format!("dashboard.{class_id}"),
            dashboard,
            dashboard_at,
            dashboard_problem,
            move |api| async move { api.dashboard(class_id).await },
        );
    };
    let load_everything = move |account_id: Uuid| {
        account.set(Some(account_id));
        load_queue();
        let Some(class_id) = class_id() else {
            return;
        };
        load_with_cache(
            sync,
            format!("class.{class_id}"),
            detail,
            detail_at,
            detail_problem,
            move |api| async move { api.class_detail(class_id).await },
        );
        load_lists();
    };
    let viewer = watch_viewer(load_everything);
    // A queued assignment that reached the server shows up in the lists and the dashboard.
    browser::on_window_event(OUTBOX_CHANGED_EVENT, move || {
        load_queue();
        load_lists();
    });
    browser::on_window_event("online", move || {
        if let Some(account_id) = account.get_untracked() {
            load_everything(account_id);
        }
    });

    let catalog = LocalResource::new(load_full_catalog);
    let titles = use_content_names(move || {
        let mut course_ids: BTreeSet<String> = assignments
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|assignment| assignment.course_id)
            .collect();
        course_ids.extend(
            queue
                .get()
                .into_iter()
                .map(|entry| entry.assignment.course_id),
        );
        if let Some(found) = dashboard.get() {
            course_ids.extend(
                found
                    .assignments
                    .into_iter()
                    .map(|assignment| assignment.course_id),
            );
        }
        course_ids
    });

    view! {
        <section class="page teaching-page" data-testid="class-page">
            <p><a href="/teach">{t!("teach-back-to-classes")}</a></p>
            {move || match (viewer.get(), class_id()) {
                (_, None) => view! {
                    <p class="teaching-problem" role="alert">{t!("teach-class-address-invalid")}</p>
                }.into_any(),
                (Viewer::Teacher(account_id), Some(class_id)) => view! {
                    <h1 data-testid="class-title">
                        {move || detail.get().map(|detail| detail.class.name).unwrap_or_else(|| t!("teach-class-title-fallback"))}
                    </h1>
                    <TeachingProblem problem=detail_problem test_id="class-problem"/>
                    // Built once the class is known, not on every change of it, so a notice or
                    // a half-typed name survives a refresh of the class.
                    <Show when=move || detail.with(Option::is_some)>
                        <JoinCodeBoard code=Signal::derive(move || {
                            detail.get().map(|found| found.class.join_code).unwrap_or_default()
                        })/>
                        <ClassSettings class_id=class_id detail=detail/>
                        <JointClassPanel class_id=class_id account_id=account_id detail=detail/>
                        <Members class_id=class_id detail=detail/>
                    </Show>
                    <AssignForm class_id=class_id account_id=account_id detail=detail catalog=catalog/>
                    <AssignmentList
                        assignments=assignments
                        problem=assignments_problem
                        queue=queue
                        account_id=account_id
                        titles=titles
                    />
                    <Dashboard
                        class_id=class_id
                        dashboard=dashboard
                        problem=dashboard_problem
                        titles=titles
                    />
                    <ClassWellbeingPanel class_id=class_id/>
                }.into_any(),
                (other, _) => view! { <NotForThisViewer viewer=other/> }.into_any(),
            }}
        </section>
    }
}

/// Renaming the class and giving it a new join code.
#[component]
fn ClassSettings(class_id: Uuid, detail: RwSignal<Option<ClassDetail>>) -> impl IntoView {
    let sync = use_sync();
    let name = RwSignal::new(
        detail
            .get_untracked()
            .map(|detail| detail.class.name)
            .unwrap_or_default(),
    );
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    // Applies a changed class to the page and to the cache.
    let apply = move |class: ClassView, account_id: Uuid| {
        detail.update(|detail| {
            if let Some(detail) = detail {
                detail.class = class;
            }
        });
        if let Some(updated) = detail.get_untracked() {
            leptos::task::spawn_local(async move {
                write_cached(
                    sync,
                    &cache_key(account_id, &format!("class.{class_id}")),
                    &updated,
                )
                .await;
            });
        }
    };
    let rename = move || {
        let new_name = name.get_untracked().trim().to_owned();
        if new_name.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        notice.set(None);
        leptos::task::spawn_local(async move {
            match signed_in(sync).await {
                Ok(signed) => match signed.api.rename_class(class_id, &new_name).await {
                    Ok(class) => {
                        apply(class, signed.account.id);
                        notice.set(Some(t!("teach-class-renamed")));
                    }
                    Err(error) => {
                        problem.set(Some(t!("teach-rename-failed", error = error.message())))
                    }
                },
                Err(error) => problem.set(Some(error.message())),
            }
            busy.set(false);
        });
    };
    let rotate = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        notice.set(None);
        leptos::task::spawn_local(async move {
            match signed_in(sync).await {
                Ok(signed) => match signed.api.rotate_join_code(class_id).await {
                    Ok(class) => {
                        apply(class, signed.account.id);
                        notice.set(Some(t!("teach-join-code-rotated")));
                    }
                    Err(error) => {
                        problem.set(Some(t!("teach-rotate-failed", error = error.message())))
                    }
                },
                Err(error) => problem.set(Some(error.message())),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="class-settings" aria-label={t!("teach-class-settings")}>
            <form
                class="teaching-form"
                on:submit=move |event| {
                    event.prevent_default();
                    rename();
                }
            >
                <label>
                    {t!("teach-class-name")}
                    <input
                        type="text"
                        data-testid="rename-class-input"
                        maxlength="100"
                        prop:value=move || name.get()
                        on:input=move |event| name.set(event_target_value(&event))
                    />
                </label>
                <button type="submit" data-testid="rename-class" disabled=move || busy.get()>
                    {t!("teach-rename")}
                </button>
            </form>
            <p>
                <button
                    type="button"
                    class="secondary"
                    data-testid="rotate-code"
                    disabled=move || busy.get()
                    on:click=rotate
                >
                    {t!("teach-rotate-join-code")}
                </button>
                {format!(" {}", t!("teach-rotate-join-code-hint"))}
            </p>
            <p class="teaching-notice" role="status">{move || notice.get().unwrap_or_default()}</p>
            <TeachingProblem problem=problem test_id="class-settings-problem"/>
        </section>
    }
}

/// The learners in the class, each with a "Remove" that asks before it acts.
#[component]
fn Members(class_id: Uuid, detail: RwSignal<Option<ClassDetail>>) -> impl IntoView {
    let sync = use_sync();
    let confirming = RwSignal::new(None::<Uuid>);
    let problem = RwSignal::new(None::<String>);
    let remove = move |learner: Member| {
        leptos::task::spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed
                    .api
                    .remove_member(class_id, learner.id)
                    .await
                    .map(|()| signed.account.id),
                Err(error) => Err(error),
            };
            match result {
                Ok(account_id) => {
                    detail.update(|detail| {
                        if let Some(detail) = detail {
                            detail.members.retain(|member| member.id != learner.id);
                            detail.class.member_count = detail.members.len();
                        }
                    });
                    if let Some(updated) = detail.get_untracked() {
                        write_cached(
                            sync,
                            &cache_key(account_id, &format!("class.{class_id}")),
                            &updated,
                        )
                        .await;
                    }
                    confirming.set(None);
                }
                Err(error) => {
                    let error = error.message();
                    let name = &learner.username;
                    problem.set(Some(t!("teach-remove-failed", name = name, error = error)))
                }
            }
        });
    };
    view! {
        <section class="members" aria-labelledby="members-title">
            <h2 id="members-title">{t!("teach-members-title")}</h2>
            <TeachingProblem problem=problem test_id="members-problem"/>
            {move || {
                let (members, sites) = detail
                    .get()
                    .map(|detail| (detail.members, detail.class.sites))
                    .unwrap_or_default();
                if members.is_empty() {
                    return view! {
                        <p data-testid="no-members">{t!("teach-no-members")}</p>
                    }.into_any();
                }
                view! {
                    <ul class="member-list">
                        {members.into_iter().map(|member| {
                            let learner = member.clone();
                            let drill_down = format!("/teach/classes/{class_id}/learners/{}", member.id);
                            let link_text = member.username.clone();
                            // Which school's pupil, in a class of two or more.
                            let school = member
                                .site_id
                                .as_deref()
                                .filter(|_| sites.len() > 1)
                                .map(|id| format!(" · {}", site_label(&sites, id)));
                            view! {
                                <li data-testid="member" data-username=member.username.clone() data-site=member.site_id.clone()>
                                    <a href=drill_down>{link_text}</a>
                                    {school}
                                    {move || if confirming.get() == Some(learner.id) {
                                        let confirmed = learner.clone();
                                        view! {
                                            <span class="confirm" role="group" aria-label={t!("teach-confirm-removal")}>
                                                {format!(" {} ", t!("teach-remove-question", name = &learner.username))}
                                                <button
                                                    type="button"
                                                    data-testid="confirm-remove"
                                                    on:click=move |_| remove(confirmed.clone())
                                                >
                                                    {t!("teach-remove-yes")}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    on:click=move |_| confirming.set(None)
                                                >
                                                    {t!("teach-remove-keep")}
                                                </button>
                                            </span>
                                        }.into_any()
                                    } else {
                                        let id = learner.id;
                                        view! {
                                            <button
                                                type="button"
                                                class="secondary"
                                                data-testid="remove-member"
                                                aria-label={t!("teach-remove-member-label", name = &learner.username)}
                                                on:click=move |_| confirming.set(Some(id))
                                            >
                                                {t!("teach-remove")}
                                            </button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The form that assigns a course, a unit or a lesson, to the whole class or chosen learners.
#[component]
fn AssignForm(
    class_id: Uuid,
    account_id: Uuid,
    detail: RwSignal<Option<ClassDetail>>,
    catalog: LocalResource<Result<CatalogIndex, crate::content_client::LoadError>>,
) -> impl IntoView {
    let sync = use_sync();
    let course = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let lesson = RwSignal::new(String::new());
    let due = RwSignal::new(default_due_input());
    let note = RwSignal::new(String::new());
    let whole_class = RwSignal::new(true);
    let chosen = RwSignal::new(Vec::<Uuid>::new());
    let problem = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let language = browser::help_language();
    let manifest = LocalResource::new(move || {
        let course_id = course.get();
        async move {
            if course_id.is_empty() {
                return None;
            }
            load_course(&course_id)
                .await
                .ok()
                .map(|(_, manifest)| manifest)
        }
    });

    let submit = move || {
        problem.set(None);
        notice.set(None);
        let course_id = course.get_untracked();
        if course_id.is_empty() {
            problem.set(Some(t!("teach-assign-course-missing")));
            return;
        }
        let due_at = match local_input_to_rfc3339(&due.get_untracked()) {
            Ok(due_at) => due_at,
            Err(error) => {
                let error = error.message();
                problem.set(Some(t!("teach-assign-due-unusable", problem = error)));
                return;
            }
        };
        let learner_ids = if whole_class.get_untracked() {
            None
        } else {
            let picked = chosen.get_untracked();
            if picked.is_empty() {
                problem.set(Some(t!("teach-assign-learners-missing")));
                return;
            }
            Some(picked)
        };
        let optional = |text: String| (!text.trim().is_empty()).then(|| text.trim().to_owned());
        let assignment = NewAssignment {
            class_id,
            course_id,
            unit_id: optional(unit.get_untracked()),
            lesson_id: optional(lesson.get_untracked()),
            due_at,
            note: optional(note.get_untracked()),
            learner_ids,
        };
        leptos::task::spawn_local(async move {
            match enqueue_assignment(sync, account_id, assignment).await {
                Ok(_) => {
                    note.set(String::new());
                    notice.set(Some(if browser::is_online() {
                        t!("teach-assigned")
                    } else {
                        t!("teach-assigned-offline")
                    }));
                    flush_outbox(sync).await;
                }
                Err(error) => {
                    let error = error.to_string();
                    problem.set(Some(t!("teach-assign-save-failed", error = error)))
                }
            }
        });
    };

    view! {
        <section class="assign" aria-labelledby="assign-title">
            <h2 id="assign-title">{t!("teach-assign-title")}</h2>
            <form
                class="teaching-form assign-form"
                data-testid="assign-form"
                on:submit=move |event| {
                    event.prevent_default();
                    submit();
                }
            >
                <label>
                    {t!("teach-assign-course")}
                    <select
                        data-testid="assign-course"
                        on:change=move |event| {
                            course.set(event_target_value(&event));
                            unit.set(String::new());
                            lesson.set(String::new());
                        }
                    >
                        <option value="" selected=move || course.get().is_empty()>{t!("teach-assign-choose-course")}</option>
                        {move || catalog.get().map(|result| match result {
                            Ok(catalog) => catalog.courses.into_iter().map(|entry| {
                                let id = entry.id.clone();
                                let selected_id = id.clone();
                                view! {
                                    <option value=id selected=move || course.get() == selected_id>
                                        {entry.title.get_or_english(language).to_owned()}
                                    </option>
                                }
                            }).collect_view().into_any(),
                            Err(_) => ().into_any(),
                        })}
                    </select>
                </label>
                {move || catalog.get().and_then(|result| result.err()).map(|error| view! {
                    <p class="teaching-problem" role="alert">
                        {t!("teach-assign-catalog-failed", error = error.message())}
                    </p>
                })}
                {move || manifest.get().flatten().map(|manifest| {
                    let units = manifest.units.clone();
                    view! {
                        <label>
                            {t!("teach-assign-unit")}
                            <select
                                data-testid="assign-unit"
                                on:change=move |event| {
                                    unit.set(event_target_value(&event));
                                    lesson.set(String::new());
                                }
                            >
                                <option value="" selected=move || unit.get().is_empty()>{t!("teach-assign-whole-course")}</option>
                                {units.iter().map(|entry| {
                                    let id = entry.id.clone();
                                    let selected_id = id.clone();
                                    view! {
                                        <option value=id selected=move || unit.get() == selected_id>
                                            {entry.title.get_or_english(language).to_owned()}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </label>
                        {move || {
                            let unit_id = unit.get();
                            manifest.units.iter().find(|entry| entry.id == unit_id).map(|found| {
                                let lessons = found.lessons.clone();
                                view! {
                                    <label>
                                        {t!("teach-assign-lesson")}
                                        <select
                                            data-testid="assign-lesson"
                                            on:change=move |event| lesson.set(event_target_value(&event))
                                        >
                                            <option value="" selected=move || lesson.get().is_empty()>{t!("teach-assign-whole-unit")}</option>
                                            {lessons.into_iter().map(|entry| {
                                                let id = entry.id.clone();
                                                let selected_id = id.clone();
                                                view! {
                                                    <option value=id selected=move || lesson.get() == selected_id>
                                                        {entry.title.get_or_english(language).to_owned()}
                                                    </option>
                                                }
                                            }).collect_view()}
                                        </select>
                                    </label>
                                }
                            })
                        }}
                    }
                })}
                <label>
                    {t!("teach-assign-due")}
                    <input
                        type="datetime-local"
                        data-testid="assign-due"
                        required
                        prop:value=move || due.get()
                        on:input=move |event| due.set(event_target_value(&event))
                    />
                </label>
                <label>
                    {t!("teach-assign-note")}
                    <textarea
                        data-testid="assign-note"
                        maxlength="1000"
                        rows="2"
                        prop:value=move || note.get()
                        on:input=move |event| note.set(event_target_value(&event))
                    ></textarea>
                </label>
                <fieldset>
                    <legend>{t!("teach-assign-for")}</legend>
                    <label class="inline">
                        <input
                            type="radio"
                            name="assign-to"
                            data-testid="assign-whole-class"
                            prop:checked=move || whole_class.get()
                            on:change=move |_| whole_class.set(true)
                        />
                        {t!("teach-assign-whole-class")}
                    </label>
                    <label class="inline">
                        <input
                            type="radio"
                            name="assign-to"
                            data-testid="assign-chosen"
                            prop:checked=move || !whole_class.get()
                            on:change=move |_| whole_class.set(false)
                        />
                        {t!("teach-assign-chosen-learners")}
                    </label>
                    <Show when=move || !whole_class.get()>
                        <ul class="learner-picks">
                            {move || detail.get().map(|detail| detail.members).unwrap_or_default().into_iter().map(|member| {
                                let id = member.id;
                                view! {
                                    <li>
                                        <label class="inline">
                                            <input
                                                type="checkbox"
                                                data-testid=format!("assign-learner-{}", member.username.clone())
                                                prop:checked=move || chosen.get().contains(&id)
                                                on:change=move |event| {
                                                    let checked = event
                                                        .target()
                                                        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                                                        .is_some_and(|input| input.checked());
                                                    chosen.update(|picked| {
                                                        picked.retain(|other| *other != id);
                                                        if checked {
                                                            picked.push(id);
                                                        }
                                                    });
                                                }
                                            />
                                            {member.username}
                                        </label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </Show>
                </fieldset>
                <button type="submit" data-testid="assign-submit">{t!("teach-assign")}</button>
                <p class="teaching-notice" role="status" data-testid="assign-notice">
                    {move || notice.get().unwrap_or_default()}
                </p>
                <TeachingProblem problem=problem test_id="assign-problem"/>
            </form>
        </section>
    }
}

/// The class's assignments: those waiting on this device first, then what the server has.
#[component]
fn AssignmentList(
    assignments: RwSignal<Option<Vec<AssignmentView>>>,
    problem: RwSignal<Option<String>>,
    queue: RwSignal<Vec<QueuedAssignment>>,
    account_id: Uuid,
    titles: Signal<ContentNames>,
) -> impl IntoView {
    let sync = use_sync();
    view! {
        <section class="assignments" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{t!("teach-assignments-title")}</h2>
            <TeachingProblem problem=problem test_id="assignments-problem"/>
            <ul class="assignment-rows" data-testid="assignment-list">
                {move || queue.get().into_iter().map(|entry| {
                    let id = entry.id;
                    let assignment = entry.assignment;
                    let target = titles.with(|names| names.target(&assignment.course_id,
                        assignment.unit_id.as_deref(),
                        assignment.lesson_id.as_deref(),
                    ));
                    let state = match entry.state {
                        QueueState::Waiting { last_problem } => view! {
                            <span class="queue-state waiting" data-testid="assignment-waiting">
                                {t!("teach-queue-waiting")}
                                {last_problem.map(|problem| format!(" ({problem})"))}
                            </span>
                        }.into_any(),
                        QueueState::Refused { reason } => view! {
                            <span class="queue-state refused" data-testid="assignment-refused">
                                {format!("{} ", t!("teach-queue-refused", reason = reason))}
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        leptos::task::spawn_local(async move {
                                            let _ = dismiss_queued(sync, account_id, id).await;
                                        });
                                    }
                                >
                                    {t!("teach-queue-dismiss")}
                                </button>
                            </span>
                        }.into_any(),
                    };
                    view! {
                        <li data-testid="assignment-row" data-assignment-id=id.to_string() data-queued="true">
                            <strong>{target}</strong>
                            {format!(" · {}", t!("teach-due", time = local_time_text(&assignment.due_at)))}
                            " · "
                            {state}
                        </li>
                    }
                }).collect_view()}
                {move || {
                    let waiting: Vec<Uuid> = queue.get().iter().map(|entry| entry.id).collect();
                    assignments.get().unwrap_or_default().into_iter()
                        .filter(|assignment| !waiting.contains(&assignment.id))
                        .map(|assignment| {
                            let target = titles.with(|names| names.target(&assignment.course_id,
                                assignment.unit_id.as_deref(),
                                assignment.lesson_id.as_deref(),
                            ));
                            let audience = match &assignment.learner_ids {
                                None => t!("teach-audience-whole-class"),
                                Some(ids) => t!("teach-audience-learners", count = ids.len()),
                            };
                            view! {
                                <li data-testid="assignment-row" data-assignment-id=assignment.id.to_string()>
                                    <strong>{target}</strong>
                                    {format!(" · {} · {audience}", t!("teach-due", time = local_time_text(&assignment.due_at)))}
                                    {assignment.note.map(|note| view! { <span class="assignment-note">{format!(" · {}", t!("teach-quoted-note", note = note))}</span> })}
                                </li>
                            }
                        }).collect_view()
                }}
            </ul>
        </section>
    }
}

/// The progress dashboard: per assignment, every learner's status in words, score, last
/// activity and whether it is overdue; the most missed items; and the CSV export.
#[component]
fn Dashboard(
    class_id: Uuid,
    dashboard: RwSignal<Option<ClassDashboard>>,
    problem: RwSignal<Option<String>>,
    titles: Signal<ContentNames>,
) -> impl IntoView {
    // In a joint class, the learners of one school only (`None`: every school's).
    let site_shown = RwSignal::new(None::<String>);
    // Made again only when the schools change, so the choice keeps its focus.
    let sites = Memo::new(move |_| {
        dashboard.with(|found| {
            found
                .as_ref()
                .map(|found| found.class.sites.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
            <h2 id="dashboard-title">{t!("teach-dashboard-title")}</h2>
            <p class="teaching-as-of" data-testid="dashboard-as-of">
                {move || match dashboard.get() {
                    Some(found) => t!("teach-as-of", time = local_time_text(&found.as_of)),
                    None => t!("teach-dashboard-loading"),
                }}
            </p>
            <Show when=move || problem.get().is_some() && dashboard.get().is_some()>
                <p class="teaching-notice" data-testid="dashboard-offline">
                    {t!("teach-dashboard-offline")}
                </p>
            </Show>
            <TeachingProblem problem=problem test_id="dashboard-problem"/>
            {move || view! { <SiteFilter sites=sites.get() chosen=site_shown/> }}
            {move || dashboard.get().map(|found| {
                let shown_site = site_shown.get();
                let learners: Vec<_> = found
                    .learners
                    .iter()
                    .filter(|learner| shown_site.is_none() || learner.site_id == shown_site)
                    .cloned()
                    .collect();
                let names: BTreeMap<Uuid, String> = learners
                    .iter()
                    .map(|learner| (learner.id, learner.username.clone()))
                    .collect();
                let assignments = found.assignments.into_iter().map(|mut assignment| {
                    assignment.learners.retain(|cell| names.contains_key(&cell.learner_id));
                    assignment
                });
                view! {
                    {assignments.map(|assignment| view! {
                        <DashboardAssignmentTable
                            class_id=class_id
                            assignment=assignment
                            names=names.clone()
                            titles=titles
                        />
                    }).collect_view()}
                    <h3>{t!("teach-dashboard-learners")}</h3>
                    <ul class="member-list">
                        {learners.into_iter().map(|learner| view! {
                            <li data-testid="dashboard-learner" data-username=learner.username.clone()>
                                <a href=format!("/teach/classes/{class_id}/learners/{}", learner.id)>
                                    {learner.username.clone()}
                                </a>
                                {format!(" · {}", t!("teach-last-active", time = optional_local_time_text(learner.last_active.as_deref())))}
                            </li>
                        }).collect_view()}
                    </ul>
                    <h3>{t!("teach-most-missed-title")}</h3>
                    {if found.most_missed_items.is_empty() {
                        view! { <p>{t!("teach-no-missed-items")}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="missed-items" data-testid="missed-items">
                                {found.most_missed_items.into_iter().map(|item| {
                                    let (wrong, attempts, learners) = (item.wrong, item.attempts, item.learners_missed);
                                    let counts = format!(" — {}", t!("teach-missed-by-class", wrong = wrong, attempts = attempts, learners = learners));
                                    view! { <li><MissedItemName item=item/>{counts}</li> }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                }
            })}
            <CsvDownload class_id=class_id/>
        </section>
    }
}

#[component]
fn DashboardAssignmentTable(
    class_id: Uuid,
    assignment: DashboardAssignment,
    names: BTreeMap<Uuid, String>,
    titles: Signal<ContentNames>,
) -> impl IntoView {
    let course_id = assignment.course_id.clone();
    let unit_id = assignment.unit_id.clone();
    let lesson_id = assignment.lesson_id.clone();
    let caption = move || {
        titles.with(|names| names.target(&course_id, unit_id.as_deref(), lesson_id.as_deref()))
    };
    let due = local_time_text(&assignment.due_at);
    view! {
        <table class="dashboard-table" data-testid="dashboard-assignment" data-assignment-id=assignment.id.to_string()>
            <caption>{caption}{format!(" · {}", t!("teach-due", time = due))}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("teach-column-learner")}</th>
                    <th scope="col">{t!("teach-column-status")}</th>
                    <th scope="col">{t!("teach-column-lessons")}</th>
                    <th scope="col">{t!("teach-column-score")}</th>
                    <th scope="col">{t!("teach-column-last-active")}</th>
                </tr>
            </thead>
            <tbody>
                {assignment.learners.into_iter().map(|cell| {
                    let name = names.get(&cell.learner_id).cloned().unwrap_or_else(|| cell.learner_id.to_string());
                    let progress = cell.progress;
                    let link_text = name.clone();
                    let status = progress.status;
                    let score = progress.score.map_or_else(|| "—".to_owned(), score_text);
                    view! {
                        <tr data-testid="dashboard-cell" data-learner=name.clone() data-status=status.code()>
                            <th scope="row">
                                <a href=format!("/teach/classes/{class_id}/learners/{}", cell.learner_id)>{link_text}</a>
                            </th>
                            <td class=format!("status status-{}", status.code())>
                                {status.label()}
                                {progress.overdue.then(|| view! { <strong class="overdue-label">{format!(" · {}", t!("teach-overdue"))}</strong> })}
                            </td>
                            <td>{t!("teach-lessons-done-of", done = progress.lessons_done, total = progress.lessons_total)}</td>
                            <td>{score}</td>
                            <td>{optional_local_time_text(progress.last_active.as_deref())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A mean score from 0 to 1 as a whole percentage, "83%".
fn score_text(score: f64) -> String {
    let percent = format!("{:.0}", score * 100.0);
    t!("teach-score-percent", percent = percent)
}

/// "Download CSV": fetches the export with the teacher's token (a plain link could not send
/// it) and hands the text to the browser as a file.
#[component]
fn CsvDownload(class_id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let download = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.dashboard_csv(class_id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(csv) => {
                    if !save_text_file(&format!("baeum-class-{class_id}.csv"), &csv) {
                        problem.set(Some(t!("teach-csv-refused-by-browser")));
                    }
                }
                Err(error) => problem.set(Some(t!("teach-csv-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };
    view! {
        <p>
            <button type="button" data-testid="download-csv" disabled=move || busy.get() on:click=download>
                {t!("teach-csv-download")}
            </button>
        </p>
        <TeachingProblem problem=problem test_id="csv-problem"/>
    }
}

/// Offers `text` to the browser as a download named `file_name`; `false` if it could not.
pub(crate) fn save_text_file(file_name: &str, text: &str) -> bool {
    let Some(document) = browser::window().and_then(|window| window.document()) else {
        return false;
    };
    let Ok(link) = document.create_element("a") else {
        return false;
    };
    let href = format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    if link.set_attribute("href", &href).is_err()
        || link.set_attribute("download", file_name).is_err()
    {
        return false;
    }
    match link.dyn_into::<web_sys::HtmlElement>() {
        Ok(link) => {
            link.click();
            true
        }
        Err(_) => false,
    }
}

// ----- /teach/classes/:id/learners/:learner ---------------------------------------------------

/// One learner in one class: each assignment lesson by lesson, and the items they missed.
#[component]
pub fn LearnerDrillDownPage() -> impl IntoView {
    let sync = use_sync();
    let class_id = uuid_parameter("id");
    let learner_id = uuid_parameter("learner");
    let shown = RwSignal::new(None::<LearnerDrillDown>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    let viewer = watch_viewer(move |_| {
        let (Some(class_id), Some(learner_id)) = (class_id(), learner_id()) else {
            return;
        };
        load_with_cache(
            sync,
            format!("learner.{class_id}.{learner_id}"),
            shown,
            fetched_at,
            problem,
            move |api| async move { api.learner_drill_down(class_id, learner_id).await },
        );
    });
    let titles = use_content_names(move || {
        shown
            .get()
            .map(|found| {
                found
                    .assignments
                    .iter()
                    .map(|row| row.course_id.clone())
                    .collect()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="page teaching-page" data-testid="learner-page">
            {move || class_id().map(|class_id| view! {
                <p><a href=format!("/teach/classes/{class_id}")>{t!("teach-back-to-class")}</a></p>
            })}
            {move || match viewer.get() {
                Viewer::Teacher(_) => view! {
                    <h1 data-testid="learner-name">
                        {move || shown.get().map(|found| found.learner.username).unwrap_or_else(|| t!("teach-learner-title-fallback"))}
                    </h1>
                    <p class="teaching-as-of" data-testid="learner-as-of">
                        {move || shown.get().map(|found| {
                            let time = local_time_text(&found.as_of);
                            let last_active = optional_local_time_text(found.last_active.as_deref());
                            t!("teach-drill-down-as-of", time = time, last_active = last_active)
                        })}
                    </p>
                    <TeachingProblem problem=problem test_id="learner-problem"/>
                    {move || shown.get().map(|found| view! {
                        {found.assignments.into_iter().map(|row| {
                            let caption = titles.with(|names| names.target(&row.course_id, row.unit_id.as_deref(), row.lesson_id.as_deref()));
                            let row_course_id = row.course_id.clone();
                            let status = row.progress.status;
                            view! {
                                <section class="drill-down-assignment" data-testid="learner-assignment" data-status=status.code()>
                                    <h2>{caption}</h2>
                                    <p>
                                        {format!("{} · ", t!("teach-drill-down-due", time = local_time_text(&row.due_at)))}
                                        <span class=format!("status status-{}", status.code())>{status.label()}</span>
                                        {row.progress.overdue.then(|| view! { <strong class="overdue-label">{format!(" · {}", t!("teach-overdue"))}</strong> })}
                                    </p>
                                    <table class="dashboard-table">
                                        <thead>
                                            <tr>
                                                <th scope="col">{t!("teach-column-lesson")}</th>
                                                <th scope="col">{t!("teach-column-status")}</th>
                                                <th scope="col">{t!("teach-column-score")}</th>
                                                <th scope="col">{t!("teach-column-last-active")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {row.lessons.into_iter().map(|lesson| {
                                                let lesson_name = titles.with(|names| names.lesson(&row_course_id, &lesson.lesson_id));
                                                view! {
                                                <tr>
                                                    <th scope="row">{lesson_name}</th>
                                                    <td class=format!("status status-{}", lesson.status.code())>{lesson.status.label()}</td>
                                                    <td>{lesson.score.map_or_else(|| "—".to_owned(), score_text)}</td>
                                                    <td>{optional_local_time_text(lesson.last_active.as_deref())}</td>
                                                </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </section>
                            }
                        }).collect_view()}
                        <h2>{t!("teach-items-missed-title")}</h2>
                        {if found.missed_items.is_empty() {
                            view! { <p>{t!("teach-nothing-missed")}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="missed-items" data-testid="learner-missed-items">
                                    {found.missed_items.into_iter().map(|item| {
                                        let counts = format!(" — {}", t!("teach-missed-by-learner", wrong = item.wrong, attempts = item.attempts));
                                        view! { <li><MissedItemName item=item/>{counts}</li> }
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                    })}
                }.into_any(),
                other => view! { <NotForThisViewer viewer=other/> }.into_any(),
            }}
        </section>
    }
}
