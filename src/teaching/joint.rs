//! Joint classes in the teachers' app: the class's schools and teachers, the owner's teacher
//! code, taking a class up with a code from another school, and the dashboard's choice of
//! whose learners to show. Their words are later messages (`teach-joint-`), loaded before
//! anything shows.

use baeum_core::site::SiteName;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::i18n::load_later_messages;
use crate::sync_driver::use_sync;
use crate::t;

use super::api::{site_label, ClassDetail, ClassView};
use super::device_cache::{cache_key, signed_in, write_cached};
use super::TeachingProblem;

/// The schools' names, comma-separated, in the interface's language.
fn school_names(sites: &[SiteName]) -> String {
    sites
        .iter()
        .map(|site| site_label(sites, &site.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who teaches the class, from which school, and the owner's teacher code.
#[component]
pub fn JointClassPanel(
    class_id: Uuid,
    account_id: Uuid,
    detail: RwSignal<Option<ClassDetail>>,
) -> impl IntoView {
    let sync = use_sync();
    let loaded = LocalResource::new(load_later_messages);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    // Applies a changed class to the page and to the cache.
    let apply = move |class: ClassView| {
        detail.update(|detail| {
            if let Some(detail) = detail {
                detail.class = class;
            }
        });
        if let Some(updated) = detail.get_untracked() {
            spawn_local(async move {
                let key = cache_key(account_id, &format!("class.{class_id}"));
                write_cached(sync, &key, &updated).await;
            });
        }
    };
    let change_code = move |withdraw: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.teacher_code(class_id, withdraw).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(class) => apply(class),
                Err(error) => problem.set(Some(t!("teach-joint-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };
    let remove = move |teacher_id: Uuid| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.remove_teacher(class_id, teacher_id).await,
                Err(error) => Err(error),
            };
            match result {
                // Leaving: the class may no longer be at this site; back to the list.
                Ok(()) if teacher_id == account_id => super::open_path("/teach"),
                Ok(()) => detail.update(|detail| {
                    if let Some(detail) = detail {
                        detail
                            .class
                            .teachers
                            .retain(|teacher| teacher.id != teacher_id);
                    }
                }),
                Err(error) => problem.set(Some(t!("teach-joint-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="joint-class" data-testid="joint-class" aria-labelledby="joint-title">
            {move || loaded.get().map(|_| detail.get().map(|found| {
                let class = found.class;
                let owner = class.teacher_id == account_id;
                // The server shows the code to those who may give it: the owner and admins.
                let may_invite = owner || class.teacher_code.is_some();
                let sites = class.sites.clone();
                view! {
                    <h2 id="joint-title">{t!("teach-joint-title")}</h2>
                    {(!sites.is_empty()).then(|| view! {
                        <p data-testid="class-schools">
                            {t!("teach-joint-schools", names = school_names(&sites))}
                        </p>
                    })}
                    <h3>{t!("teach-joint-teachers")}</h3>
                    <ul class="member-list">
                        {class.teachers.into_iter().map(|teacher| {
                            let school = teacher
                                .site_id
                                .as_deref()
                                .map(|id| format!(" · {}", site_label(&sites, id)));
                            let leaving = teacher.id == account_id;
                            let name = teacher.username.clone();
                            let shown_name = teacher.username.clone();
                            let button = (!teacher.owner && (leaving || may_invite)).then(|| {
                                let label = if leaving {
                                    t!("teach-joint-leave")
                                } else {
                                    t!("teach-joint-remove", name = &name)
                                };
                                let id = teacher.id;
                                view! {
                                    " "
                                    <button
                                        type="button"
                                        class="secondary"
                                        data-testid=if leaving { "leave-class" } else { "remove-teacher" }
                                        disabled=move || busy.get()
                                        on:click=move |_| remove(id)
                                    >
                                        {label}
                                    </button>
                                }
                            });
                            view! {
                                <li data-testid="class-teacher" data-username=teacher.username.clone()>
                                    {shown_name}
                                    {school}
                                    {teacher.owner.then(|| format!(" ({})", t!("teach-joint-owner")))}
                                    {button}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {may_invite.then(|| view! {
                        <p>{t!("teach-joint-hint")}</p>
                        {class.teacher_code.clone().map(|code| {
                            let shown = code.clone();
                            view! {
                            <p class="join-code-board">
                                <span class="join-code-caption">{t!("teach-joint-code")}</span>
                                <span class="join-code" data-testid="teacher-code" data-code=code>
                                    {shown}
                                </span>
                            </p>
                            }
                        })}
                        <p>
                            <button
                                type="button"
                                class="secondary"
                                data-testid="make-teacher-code"
                                disabled=move || busy.get()
                                on:click=move |_| change_code(false)
                            >
                                {t!("teach-joint-make-code")}
                            </button>
                            {class.teacher_code.is_some().then(|| view! {
                                " "
                                <button
                                    type="button"
                                    class="secondary"
                                    data-testid="withdraw-teacher-code"
                                    disabled=move || busy.get()
                                    on:click=move |_| change_code(true)
                                >
                                    {t!("teach-joint-withdraw-code")}
                                </button>
                            })}
                        </p>
                    })}
                }
            }))}
            <TeachingProblem problem=problem test_id="joint-problem"/>
        </section>
    }
}

/// On the teachers' home: take up another school's class with its teacher code.
#[component]
pub fn TakeUpClassForm() -> impl IntoView {
    let sync = use_sync();
    let loaded = LocalResource::new(load_later_messages);
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let take_up = move || {
        let code = typed.get_untracked().trim().to_owned();
        if code.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.take_up_class(&code).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(class) => super::open_path(&format!("/teach/classes/{}", class.id)),
                Err(error) => problem.set(Some(t!(
                    "teach-joint-take-up-failed",
                    error = error.message()
                ))),
            }
            busy.set(false);
        });
    };
    view! {
        {move || loaded.get().map(|_| view! {
            <form
                class="teaching-form"
                data-testid="take-up-class-form"
                on:submit=move |event| {
                    event.prevent_default();
                    take_up();
                }
            >
                <h2>{t!("teach-joint-take-up-title")}</h2>
                <label>
                    {t!("teach-joint-take-up-code")}
                    <input
                        type="text"
                        data-testid="teacher-code-input"
                        maxlength="20"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |event| typed.set(event_target_value(&event))
                    />
                </label>
                <button type="submit" data-testid="take-up-class" disabled=move || busy.get()>
                    {t!("teach-joint-take-up")}
                </button>
                <TeachingProblem problem=problem test_id="take-up-problem"/>
            </form>
        })}
    }
}

/// The dashboard's choice of whose learners to show, for a class at two or more sites;
/// nothing for a class of one school. `chosen` is a site id, `None` for every school.
#[component]
pub fn SiteFilter(sites: Vec<SiteName>, chosen: RwSignal<Option<String>>) -> impl IntoView {
    let loaded = LocalResource::new(load_later_messages);
    move || {
        let sites = sites.clone();
        (sites.len() > 1 && loaded.get().is_some()).then(|| {
            view! {
                <label class="site-filter">
                    {t!("teach-joint-filter")}
                    " "
                    <select
                        data-testid="dashboard-site-filter"
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            chosen.set((!value.is_empty()).then_some(value));
                        }
                    >
                        <option value="" selected=move || chosen.get().is_none()>
                            {t!("teach-joint-filter-all")}
                        </option>
                        {sites.iter().map(|site| {
                            let id = site.id.clone();
                            let label = site_label(&sites, &site.id);
                            let selected_id = id.clone();
                            view! {
                                <option
                                    value=id
                                    selected=move || chosen.get().as_deref() == Some(selected_id.as_str())
                                >
                                    {label}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
            }
        })
    }
}
