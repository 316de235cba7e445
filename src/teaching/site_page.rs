//! `/teach/site`: the site of the address, for its staff (issue 19). Its admins choose the
//! courses it offers, make invitation codes for its teachers, see its staff and change their
//! roles, read its report (per course and month, small counts left out by the server), and
//! see and withdraw its certificates (`site_certificates.rs`). Online only: what it shows is the site's
//! as it is now. Its words are later messages (`teach-site-`).

use std::collections::BTreeSet;

use baeum_core::progress::monthly::{Count, ReportView};
use baeum_core::site::{
    CourseChoice, CoursesChange, FeaturedChange, SiteView, StaffChange, StaffMember, StaffRole,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::load_later_messages;
use crate::sync_driver::use_sync;
use crate::t;

use super::api::Invitation;
use super::device_cache::signed_in;
use super::local_time::local_time_text;
use super::teacher::save_text_file;
use super::TeachingProblem;

/// On the teachers' home at a site's address: the way to the site's page, for those who run
/// it; nothing for anyone else, or at an address that is no site's.
#[component]
pub fn SiteLink() -> impl IntoView {
    let sync = use_sync();
    let runs = RwSignal::new(false);
    if crate::shell::site_name().is_some() {
        spawn_local(async move {
            load_later_messages().await;
            if let Ok(signed) = signed_in(sync).await {
                if let Ok(site) = signed.api.site().await {
                    runs.set(site.role.runs_the_site());
                }
            }
        });
    }
    move || {
        runs.get().then(|| {
            view! {
                <p><a href="/teach/site" data-testid="site-link">{t!("teach-site-link")}</a></p>
            }
        })
    }
}

/// The course's title in the learner-facing language of this device (as course titles are
/// shown everywhere), else English.
pub(super) fn course_title(choice: &CourseChoice) -> String {
    choice
        .title
        .get_or_english(crate::browser::help_language())
        .to_owned()
}

/// The courses the site offers, of the platform's.
fn offered_courses(site: &SiteView) -> Vec<CourseChoice> {
    site.catalog
        .iter()
        .filter(|choice| site.all_courses || site.courses.contains(&choice.id))
        .cloned()
        .collect()
}

/// `/teach/site`.
#[component]
pub fn SitePage() -> impl IntoView {
    let sync = use_sync();
    let site = RwSignal::new(None::<SiteView>);
    let problem = RwSignal::new(None::<String>);
    spawn_local(async move {
        load_later_messages().await;
        let result = match signed_in(sync).await {
            Ok(signed) => signed.api.site().await,
            Err(error) => Err(error),
        };
        match result {
            Ok(found) => site.set(Some(found)),
            Err(error) if error.status() == Some(404) => {
                problem.set(Some(t!("teach-site-not-yours")))
            }
            Err(error) => problem.set(Some(error.message())),
        }
    });
    view! {
        <section class="page teaching-page" data-testid="site-page">
            <p><a href="/teach">{t!("teach-back-to-classes")}</a></p>
            <TeachingProblem problem=problem test_id="site-problem"/>
            {move || site.get().map(|found| {
                let name = crate::shell::site_name().unwrap_or_else(|| found.id.clone());
                let role = match found.role {
                    StaffRole::Teacher => t!("teach-site-role-teacher"),
                    StaffRole::Admin => t!("teach-site-role-admin"),
                    StaffRole::PlatformAdmin => t!("teach-site-role-platform-admin"),
                };
                let runs = found.role.runs_the_site();
                view! {
                    <h1 data-testid="site-title">{name}</h1>
                    <p data-testid="site-role">{role}</p>
                    {runs.then(|| view! {
                        <SiteCourses initial=found.clone()/>
                        <SiteFeatured initial=found.clone()/>
                        <InviteTeacher/>
                        <SiteStaff initial=found.staff.clone()/>
                        <SiteReport catalog=found.catalog.clone()/>
                        <super::site_applications::SiteEnrolment offered=offered_courses(&found)/>
                        <super::site_certificates::SiteCertificates catalog=found.catalog.clone()/>
                    })}
                }
            })}
        </section>
    }
}

/// Every course, or the ones ticked. Its state is its own: the page around it is not made
/// again when the courses change, so the notice of a save stays.
#[component]
fn SiteCourses(initial: SiteView) -> impl IntoView {
    let sync = use_sync();
    let all = RwSignal::new(initial.all_courses);
    let ticked = RwSignal::new(initial.courses.iter().cloned().collect::<BTreeSet<_>>());
    let catalog = initial.catalog;
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let save = move || {
        if busy.get_untracked() {
            return;
        }
        let change = CoursesChange {
            all: all.get_untracked(),
            courses: ticked.get_untracked().into_iter().collect(),
        };
        if !change.all && change.courses.is_empty() {
            problem.set(Some(t!("teach-site-courses-none")));
            return;
        }
        busy.set(true);
        problem.set(None);
        notice.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.set_site_courses(&change).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(found) => {
                    all.set(found.all_courses);
                    ticked.set(found.courses.into_iter().collect());
                    notice.set(Some(t!("teach-site-courses-saved")));
                }
                Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };
    view! {
        <form
            class="teaching-form site-courses"
            aria-labelledby="site-courses-title"
            on:submit=move |event| {
                event.prevent_default();
                save();
            }
        >
            <h2 id="site-courses-title">{t!("teach-site-courses-title")}</h2>
            <label>
                <input
                    type="radio"
                    name="site-courses"
                    data-testid="site-courses-all"
                    prop:checked=move || all.get()
                    on:change=move |_| all.set(true)
                />
                {t!("teach-site-courses-all")}
            </label>
            <label>
                <input
                    type="radio"
                    name="site-courses"
                    data-testid="site-courses-only"
                    prop:checked=move || !all.get()
                    on:change=move |_| all.set(false)
                />
                {t!("teach-site-courses-only")}
            </label>
            <ul class="site-course-list">
                {catalog.into_iter().map(|choice| {
                    let id = choice.id.clone();
                    let checked_id = id.clone();
                    view! {
                        <li>
                            <label>
                                <input
                                    type="checkbox"
                                    data-testid=format!("site-course-{id}")
                                    disabled=move || all.get()
                                    prop:checked=move || ticked.with(|ticked| ticked.contains(&checked_id))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        ticked.update(|ticked| {
                                            if on {
                                                ticked.insert(id.clone());
                                            } else {
                                                ticked.remove(&id);
                                            }
                                        });
                                    }
                                />
                                {course_title(&choice)}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="submit" data-testid="save-site-courses" disabled=move || busy.get()>
                {t!("teach-site-courses-save")}
            </button>
            <p class="teaching-notice" role="status" data-testid="site-courses-saved">
                {move || notice.get().unwrap_or_default()}
            </p>
            <TeachingProblem problem=problem test_id="site-courses-problem"/>
        </form>
    }
}

/// What home lists first at the site, in order: each featured course can move up or go, and
/// one of the site's courses can be added; every change is saved at once. The courses to add
/// are those the site offered when the page opened (the server checks again).
#[component]
fn SiteFeatured(initial: SiteView) -> impl IntoView {
    let sync = use_sync();
    let featured = RwSignal::new(initial.featured);
    let offered: Vec<CourseChoice> = initial
        .catalog
        .into_iter()
        .filter(|choice| initial.all_courses || initial.courses.contains(&choice.id))
        .collect();
    let titles = StoredValue::new(offered.clone());
    let title_of = move |id: &str| {
        titles.with_value(|offered| {
            offered
                .iter()
                .find(|choice| choice.id == id)
                .map_or_else(|| id.to_owned(), course_title)
        })
    };
    let chosen = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let save = move |next: Vec<String>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        notice.set(None);
        spawn_local(async move {
            let change = FeaturedChange { featured: next };
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.set_site_featured(&change).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(found) => {
                    featured.set(found.featured);
                    notice.set(Some(t!("teach-site-featured-saved")));
                }
                Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };
    let changed = move |change: &dyn Fn(&mut Vec<String>)| {
        let mut next = featured.get_untracked();
        change(&mut next);
        save(next);
    };
    view! {
        <section aria-labelledby="site-featured-title" data-testid="site-featured">
            <h2 id="site-featured-title">{t!("teach-site-featured-title")}</h2>
            <p>{t!("teach-site-featured-hint")}</p>
            <ol class="site-featured-list">
                {move || featured.get().into_iter().enumerate().map(|(index, id)| {
                    let title = title_of(&id);
                    let (up, gone) = (id.clone(), id.clone());
                    view! {
                        <li data-testid=format!("site-featured-{id}")>
                            <span>{title.clone()}</span>
                            " "
                            <button
                                type="button"
                                class="secondary"
                                aria-label=t!("teach-site-featured-up-label", course = title.clone())
                                data-testid=format!("site-featured-up-{id}")
                                disabled=move || busy.get() || index == 0
                                on:click=move |_| changed(&|list| {
                                    if let Some(at) = list.iter().position(|kept| *kept == up) {
                                        list.swap(at, at.saturating_sub(1));
                                    }
                                })
                            >
                                {t!("teach-site-featured-up")}
                            </button>
                            <button
                                type="button"
                                class="secondary"
                                aria-label=t!("teach-site-featured-remove-label", course = title)
                                data-testid=format!("site-featured-remove-{id}")
                                disabled=move || busy.get()
                                on:click=move |_| changed(&|list| list.retain(|kept| *kept != gone))
                            >
                                {t!("teach-site-featured-remove")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <label>
                {t!("teach-site-featured-choose")}
                <select
                    data-testid="site-featured-choice"
                    prop:value=move || chosen.get()
                    on:change=move |event| chosen.set(event_target_value(&event))
                >
                    <option value="">"—"</option>
                    {offered.into_iter().map(|choice| {
                        let title = course_title(&choice);
                        view! { <option value=choice.id>{title}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button
                type="button"
                data-testid="site-featured-add"
                disabled=move || busy.get()
                on:click=move |_| {
                    let id = chosen.get_untracked();
                    if !id.is_empty() && !featured.with_untracked(|list| list.contains(&id)) {
                        changed(&|list| list.push(id.clone()));
                    }
                }
            >
                {t!("teach-site-featured-add")}
            </button>
            <p class="teaching-notice" role="status" data-testid="site-featured-saved">
                {move || notice.get().unwrap_or_default()}
            </p>
            <TeachingProblem problem=problem test_id="site-featured-problem"/>
        </section>
    }
}

/// A one-time code for a new teacher of this site.
#[component]
fn InviteTeacher() -> impl IntoView {
    let sync = use_sync();
    let made = RwSignal::new(None::<Invitation>);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let invite = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.invite_teacher().await,
                Err(error) => Err(error),
            };
            match result {
                Ok(invitation) => made.set(Some(invitation)),
                Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="site-invite-title">
            <h2 id="site-invite-title">{t!("teach-site-invite-title")}</h2>
            <p>{t!("teach-site-invite-hint")}</p>
            <button type="button" data-testid="invite-teacher" disabled=move || busy.get() on:click=invite>
                {t!("teach-site-invite")}
            </button>
            {move || made.get().map(|invitation| view! {
                <p class="join-code-board">
                    <span class="join-code" data-testid="invitation-code" data-code=invitation.code.clone()>
                        {invitation.code.clone()}
                    </span>
                    <span class="join-code-caption">
                        {t!("teach-site-invitation-until", time = local_time_text(&invitation.expires_at))}
                    </span>
                </p>
            })}
            <TeachingProblem problem=problem test_id="invite-problem"/>
        </section>
    }
}

/// The site's staff: each member's role changed, or taken off the staff (the server refuses
/// the caller's own, and says so).
#[component]
fn SiteStaff(initial: Vec<StaffMember>) -> impl IntoView {
    let sync = use_sync();
    let staff = RwSignal::new(initial);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let change = move |username: String, role: Option<StaffRole>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        notice.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => {
                    signed
                        .api
                        .set_site_staff(&username, &StaffChange { role })
                        .await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(found) => {
                    staff.set(found.staff);
                    notice.set(Some(t!("teach-site-staff-saved")));
                }
                Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
            }
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="site-staff-title" data-testid="site-staff">
            <h2 id="site-staff-title">{t!("teach-site-staff-title")}</h2>
            <p>{t!("teach-site-staff-hint")}</p>
            <ul class="site-staff-list">
                {move || staff.get().into_iter().map(|member| {
                    let username = member.username.clone();
                    let for_role = username.clone();
                    let for_removal = username.clone();
                    let is_admin = member.role == StaffRole::Admin;
                    view! {
                        <li data-testid=format!("site-staff-{username}") data-role=if is_admin { "admin" } else { "teacher" }>
                            <span class="site-staff-name">{username.clone()}</span>
                            <select
                                aria-label=t!("teach-site-staff-role-label", name = username.clone())
                                data-testid=format!("site-staff-role-{username}")
                                disabled=move || busy.get()
                                on:change=move |event| {
                                    let role = if event_target_value(&event) == "admin" { StaffRole::Admin } else { StaffRole::Teacher };
                                    change(for_role.clone(), Some(role));
                                }
                            >
                                <option value="teacher" selected=!is_admin>{t!("teach-site-staff-teacher")}</option>
                                <option value="admin" selected=is_admin>{t!("teach-site-staff-admin")}</option>
                            </select>
                            <button
                                type="button"
                                class="secondary"
                                data-testid=format!("site-staff-remove-{username}")
                                disabled=move || busy.get()
                                on:click=move |_| change(for_removal.clone(), None)
                            >
                                {t!("teach-site-staff-remove")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="teaching-notice" role="status" data-testid="site-staff-saved">
                {move || notice.get().unwrap_or_default()}
            </p>
            <TeachingProblem problem=problem test_id="site-staff-problem"/>
        </section>
    }
}

/// A count as the report shows it: the number, or "fewer than 5".
fn count_text(count: Count, smallest: usize) -> String {
    match count {
        Count::Shown(count) => count.to_string(),
        Count::Suppressed(()) => t!("teach-site-suppressed", smallest = smallest),
    }
}

/// The site's report, and its CSV.
#[component]
fn SiteReport(catalog: Vec<CourseChoice>) -> impl IntoView {
    let sync = use_sync();
    let report = RwSignal::new(None::<ReportView>);
    let problem = RwSignal::new(None::<String>);
    spawn_local(async move {
        let result = match signed_in(sync).await {
            Ok(signed) => signed.api.report().await,
            Err(error) => Err(error),
        };
        match result {
            Ok(found) => report.set(Some(found)),
            Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
        }
    });
    let download = move |_| {
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.report_csv().await,
                Err(error) => Err(error),
            };
            match result {
                Ok(csv) => {
                    if !save_text_file("baeum-site-report.csv", &csv) {
                        problem.set(Some(t!("teach-csv-refused-by-browser")));
                    }
                }
                Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
            }
        });
    };
    let title_of = move |id: &str| {
        catalog
            .iter()
            .find(|choice| choice.id == id)
            .map_or_else(|| id.to_owned(), course_title)
    };
    view! {
        <section aria-labelledby="site-report-title" data-testid="site-report">
            <h2 id="site-report-title">{t!("teach-site-report-title")}</h2>
            {move || report.get().map(|found| {
                let smallest = found.smallest_shown_group;
                view! {
                    <p>{t!("teach-site-report-hint", smallest = smallest)}</p>
                    {if found.rows.is_empty() {
                        view! { <p data-testid="site-report-empty">{t!("teach-site-report-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <table class="dashboard-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t!("teach-site-column-course")}</th>
                                        <th scope="col">{t!("teach-site-column-month")}</th>
                                        <th scope="col">{t!("teach-site-column-active")}</th>
                                        <th scope="col">{t!("teach-site-column-lessons")}</th>
                                        <th scope="col">{t!("teach-site-column-courses")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {found.rows.into_iter().map(|line| {
                                        let row = line.row;
                                        view! {
                                            <tr data-testid="site-report-row">
                                                <th scope="row">{title_of(&row.course_id)}</th>
                                                <td>{row.month}</td>
                                                <td>{count_text(row.learners_active, smallest)}</td>
                                                <td>{count_text(row.lessons_completed, smallest)}</td>
                                                <td>{count_text(row.courses_completed, smallest)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                }
            })}
            <p>
                <button type="button" class="secondary" data-testid="download-report" on:click=download>
                    {t!("teach-site-report-download")}
                </button>
            </p>
            <TeachingProblem problem=problem test_id="site-report-problem"/>
        </section>
    }
}
