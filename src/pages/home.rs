//! The first screen: today's standing (continue where you left off, reviews due, the streak,
//! assignments and progress in each course), then the courses on offer with what each costs
//! to download.

use baeum_core::content::{CatalogCourse, Language};
use leptos::prelude::*;

use crate::account::Role;
use crate::browser;
use crate::chunks::{ChunkContents, ChunkView, ChunkViewLoader};
use crate::content_client::{load_catalog, LoadError};
use crate::first_screen;
use crate::i18n::format_bytes;
use crate::progress_view::{
    load_standing, use_standing_from_log, use_whole_log_fold, CourseStanding, Standing,
};
use crate::sync_driver::use_sync;
use crate::t;

#[component]
pub fn HomePage() -> impl IntoView {
    let catalog = LocalResource::new(load_catalog);
    let language = browser::help_language();
    // The static first screen shows the course list until this one is in.
    let first_screen = first_screen::hold();
    Effect::new(move |_| {
        if catalog.with(Option::is_some) {
            if let Some(hold) = &first_screen {
                hold.release();
            }
        }
    });
    // Once the today panel is in (home is ready), whether the device's log holds a statement:
    // the check-in is offered from then on (or to a signed-in learner), never on a first
    // visit, which fetches no chunk.
    let has_history = RwSignal::new(None::<bool>);
    view! {
        <section class="page" data-testid="home-page">
            <TodayPanel language=language has_history=has_history/>
            <AssignmentsSlot/>
            <h1>{t!("home-courses-title")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t!("home-loading-courses")}</p> }>
                {move || catalog.get().map(|result| match result {
                    Ok(catalog) => view! {
                        <ul class="course-list" data-testid="course-list">
                            {catalog.courses.into_iter().map(|course| view! {
                                <CourseCard course=course language=language/>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <LoadFailure error=error/> }.into_any(),
                })}
            </Suspense>
            <p><a href="/catalog" data-testid="catalog-link">{t!("home-catalog-link")}</a></p>
            <CheckInSlot has_history=has_history/>
        </section>
    }
}

/// How home gets the learner's assignments: the learners' app hands in a chunk's loader
/// (`src/learners_pages.rs`), so their code stays out of the first load, which is always a
/// guest's.
#[derive(Clone, Copy)]
pub struct AssignmentsOnHome(pub ChunkViewLoader);

/// Makes `assignments` the ones home shows beneath the current owner.
pub fn provide_assignments_on_home(assignments: AssignmentsOnHome) {
    provide_context(assignments);
}

/// The learner's assignments, fetched once a learner (not a guest, not a teacher) is signed in.
#[component]
fn AssignmentsSlot() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let AssignmentsOnHome(load) = expect_context::<AssignmentsOnHome>();
    let learner_signed_in = move || {
        sync.account.with(|account| {
            account
                .as_ref()
                .is_some_and(|account| account.role == Role::Learner)
        })
    };
    view! {
        <Show when=learner_signed_in>
            <ChunkView load=load contents=ChunkContents::Assignments/>
        </Show>
    }
    .into_any()
}

/// How home gets the wellbeing check-in: a chunk's loader the learners' app hands in
/// (`src/learners_pages.rs`), so its code stays out of the first load.
#[derive(Clone, Copy)]
pub struct CheckInOnHome(pub ChunkViewLoader);

/// Makes `check_in` the one home shows.
pub fn provide_check_in_on_home(check_in: CheckInOnHome) {
    provide_context(check_in);
}

/// The check-in, last on the page so it is never in the way of a lesson and moves nothing
/// above it; fetched only once home is ready (the today panel in, which the first screen
/// waits for), so it never delays it, and only for a learner who has begun (a statement on the
/// device, or signed in as a learner): a first visit fetches nothing but the main module.
#[component]
fn CheckInSlot(has_history: RwSignal<Option<bool>>) -> impl IntoView {
    let (Some(CheckInOnHome(load)), Some(sync)) = (use_context::<CheckInOnHome>(), use_sync())
    else {
        return ().into_any();
    };
    // Only a signed-in learner: a guest's check-in on a shared device would be taken over by
    // whoever signs in next there, and sent as theirs.
    let for_this_learner = move || match (has_history.get(), sync.account.get()) {
        (None, _) | (Some(_), None) => false,
        (Some(_), Some(account)) => account.role == Role::Learner,
    };
    view! {
        <Show when=for_this_learner>
            <ChunkView load=load contents=ChunkContents::Quiet/>
        </Show>
    }
    .into_any()
}

#[component]
fn CourseCard(course: CatalogCourse, language: Language) -> impl IntoView {
    let lesson_count: usize = course.units.iter().map(|unit| unit.lesson_count).sum();
    // The title in the language the course teaches (Korean, or Vietnamese), under the title
    // in the learner's language; a Vietnamese course is read in Korean by a Korean speaker.
    let target = course.subject.target_language();
    let language = if target.is_korean() {
        language
    } else {
        browser::help_language_for(target)
    };
    let korean_title = course.title.get(target.as_language()).map(str::to_owned);
    let href = format!("/courses/{}", course.id);
    view! {
        <li class="course-card" data-testid=format!("course-{}", course.id)>
            <a href=href>
                <h2>{course.title.get_or_english(language).to_owned()}</h2>
                {korean_title.map(|title| view! { <p class="korean-title" lang=target.code()>{title}</p> })}
            </a>
            <p>{course.description.get_or_english(language).to_owned()}</p>
            <p class="course-meta">
                {t!(
                    "home-course-meta",
                    units = course.units.len(),
                    lessons = lesson_count,
                    size = format_bytes(course.size.total()),
                )}
            </p>
        </li>
    }
}

/// A load error shown in place of the content that failed, with what the learner can do.
#[component]
pub fn LoadFailure(error: LoadError) -> impl IntoView {
    let advice = match error {
        LoadError::Unreachable => t!("home-load-advice-offline"),
        _ => t!("home-load-advice-later"),
    };
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            <p>{t!("home-load-failed", reason = error.message())}</p>
            <p>{advice}</p>
        </div>
    }
}

/// Continue where you left off, reviews due, the streak and course progress, folded from this
/// device's statement log. Shows nothing until there is something to show.
#[component]
fn TodayPanel(language: Language, has_history: RwSignal<Option<bool>>) -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let fold = use_whole_log_fold();
    let from_log = use_standing_from_log();
    // Statements pulled while home is open (a learner who just signed in on a new device)
    // add up again, so their history appears as it arrives.
    let standing = LocalResource::new(move || {
        sync.track_pulled();
        load_standing(sync, fold, from_log)
    });
    // The course list below must not move when this panel comes in: the static first screen
    // stays until it has.
    let first_screen = first_screen::hold();
    Effect::new(move |_| {
        if standing.with(Option::is_some) {
            if let Some(hold) = &first_screen {
                hold.release();
            }
        }
        let begun = standing.with(|standing| {
            standing
                .as_ref()
                .map(|standing| matches!(standing, Ok(standing) if standing.statements > 0))
        });
        if begun.is_some() && has_history.get_untracked() != begun {
            has_history.set(begun);
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || standing.get().map(|result| match result {
                Ok(standing) => view! { <TodayView standing=standing language=language/> }.into_any(),
                Err(error) => view! {
                    <p class="load-error" role="alert" data-testid="progress-error">{error.message()}</p>
                }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn TodayView(standing: Standing, language: Language) -> impl IntoView {
    let continue_link = standing.most_recent().and_then(|course| {
        let next = course.continue_at.as_ref()?;
        let lesson = course
            .manifest
            .units
            .iter()
            .flat_map(|unit| unit.lessons.iter())
            .find(|lesson| lesson.id == next.lesson_id)?;
        Some(view! {
            <p class="continue">
                <a class="button" data-testid="continue-lesson" href=format!("/courses/{}/{}", course.course.id, lesson.id)>
                    {if next.in_progress {
                        t!("home-continue-lesson", lesson = lesson.title.get_or_english(language))
                    } else {
                        t!("home-next-lesson", lesson = lesson.title.get_or_english(language))
                    }}
                </a>
            </p>
        })
    });
    let streak_text = match standing.streak.current_days {
        0 if standing.statements == 0 => t!("home-streak-first-lesson"),
        0 => t!("home-streak-start-new"),
        days => t!("home-streak-days", days = days),
    };
    let reviews_text = match standing.reviews_due {
        0 => t!("home-no-reviews-due"),
        count => t!("home-reviews-due", count = count),
    };
    let started: Vec<CourseStanding> = standing
        .courses
        .iter()
        .filter(|course| course.last_active_ms.is_some())
        .cloned()
        .collect();
    view! {
        <section class="today" aria-label=t!("home-today") data-testid="today">
            {continue_link}
            <p class="today-facts">
                <span data-testid="streak">{streak_text}</span>
                " · "
                <a href="/review" data-testid="reviews-due" data-count=standing.reviews_due.to_string()>{reviews_text}</a>
            </p>
            {(!started.is_empty()).then(|| view! {
                <ul class="course-progress-list">
                    {started.into_iter().map(|course| {
                        let done = course.progress.lessons_done;
                        let total = course.progress.lessons_total;
                        view! {
                            <li data-testid=format!("progress-{}", course.course.id)>
                                <span>{course.course.title.get_or_english(language).to_owned()}</span>
                                <progress max=total value=done aria-label=t!("home-lessons-done")></progress>
                                <span class="course-meta">{t!("home-lessons-progress", done = done, total = total)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
