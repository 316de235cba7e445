//! The first screen: today's standing (continue where you left off, reviews due, the streak,
//! assignments and progress in each course), then the courses on offer with what each costs
//! to download.

use baeum_core::content::{CatalogCourse, Language};
use baeum_core::units::format_bytes;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::content_client::{load_catalog, LoadError};
use crate::progress_view::{load_standing, CourseStanding, Standing};
use crate::sync_driver::use_sync;
use crate::teaching::learner::MyAssignments;

#[component]
pub fn HomePage() -> impl IntoView {
    let catalog = LocalResource::new(load_catalog);
    let language = browser::help_language();
    view! {
        <section class="page" data-testid="home-page">
            <TodayPanel language=language/>
            <MyAssignments/>
            <h1>"Courses"</h1>
            <Suspense fallback=|| view! { <p class="loading">"Loading courses…"</p> }>
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
        </section>
    }
}

#[component]
fn CourseCard(course: CatalogCourse, language: Language) -> impl IntoView {
    let lesson_count: usize = course.units.iter().map(|unit| unit.lesson_count).sum();
    let korean_title = course.title.get(Language::Ko).map(str::to_owned);
    let href = format!("/courses/{}", course.id);
    view! {
        <li class="course-card" data-testid=format!("course-{}", course.id)>
            <A href=href>
                <h2>{course.title.get_or_english(language).to_owned()}</h2>
                {korean_title.map(|title| view! { <p class="korean-title" lang="ko">{title}</p> })}
            </A>
            <p>{course.description.get_or_english(language).to_owned()}</p>
            <p class="course-meta">
                {format!(
                    "{} units · {lesson_count} lessons · {} to download",
                    course.units.len(),
                    format_bytes(course.size.total())
                )}
            </p>
        </li>
    }
}

/// A load error shown in place of the content that failed, with what the learner can do.
#[component]
pub fn LoadFailure(error: LoadError) -> impl IntoView {
    let advice = match error {
        LoadError::Unreachable => {
            "Connect to the internet once to load it; after that it works offline."
        }
        _ => "Try again later. Your progress is safe.",
    };
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            <p>{format!("This could not be shown: {error}.")}</p>
            <p>{advice}</p>
        </div>
    }
}

/// Continue where you left off, reviews due, the streak and course progress, folded from this
/// device's statement log. Shows nothing until there is something to show.
#[component]
fn TodayPanel(language: Language) -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let standing = LocalResource::new(move || load_standing(sync));
    view! {
        <Suspense fallback=|| ()>
            {move || standing.get().map(|result| match result {
                Ok(standing) => view! { <TodayView standing=standing language=language/> }.into_any(),
                Err(error) => view! {
                    <p class="load-error" role="alert" data-testid="progress-error">{error.to_string()}</p>
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
        let verb = if next.in_progress { "Continue" } else { "Next" };
        Some(view! {
            <p class="continue">
                <a class="button" data-testid="continue-lesson" href=format!("/courses/{}/{}", course.course.id, lesson.id)>
                    {format!("{verb}: {}", lesson.title.get_or_english(language))}
                </a>
            </p>
        })
    });
    let streak_text = match standing.streak.current_days {
        0 if standing.statements == 0 => "Start your first lesson today.".to_owned(),
        0 => "Do a lesson today to start a new streak.".to_owned(),
        1 => "1 day in a row".to_owned(),
        days => format!("{days} days in a row"),
    };
    let reviews_text = match standing.reviews_due {
        0 => "No reviews due".to_owned(),
        1 => "1 review due".to_owned(),
        count => format!("{count} reviews due"),
    };
    let started: Vec<CourseStanding> = standing
        .courses
        .iter()
        .filter(|course| course.last_active_ms.is_some())
        .cloned()
        .collect();
    view! {
        <section class="today" aria-label="Today" data-testid="today">
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
                                <progress max=total value=done aria-label="Lessons done"></progress>
                                <span class="course-meta">{format!("{done} of {total} lessons")}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
