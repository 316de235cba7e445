//! A course: its units and lessons, with sizes, so the learner picks where to start, each
//! lesson marked done, started (how far) or new and each unit's share done (issue 25, from the
//! progress digest on the device, so offline too), the panel that downloads it for offline
//! use, and, where this site takes the course by application or through a class, a notice
//! saying so (issue 21).

use std::collections::BTreeMap;

use baeum_core::content::{CatalogCourse, CourseManifest, Language};
use baeum_core::progress::LessonStanding;
use baeum_core::records::enrolment::EnrolmentMode;
use baeum_core::records::wire::SiteEnrolment;
use leptos::prelude::*;

use crate::browser;
use crate::content_client::load_course;
use crate::downloads::{CourseDownloadPanel, CourseDownloads, UnitDownload};
use crate::http::get_json_or_none;
use crate::icons::DoneIcon;
use crate::pages::home::LoadFailure;
use crate::progress_view::{use_whole_log_fold, CourseLessons, LessonStandingsFromLog};
use crate::router::path_parameter;
use crate::sync_driver::use_sync;
use crate::t;

#[component]
pub fn CoursePage() -> impl IntoView {
    let course_id = path_parameter("course");
    let course = LocalResource::new(move || {
        let course_id = course_id.get().unwrap_or_default();
        async move { load_course(&course_id).await }
    });
    let language = browser::help_language();
    view! {
        <section class="page" data-testid="course-page">
            <p><a href="/">{t!("course-all-courses")}</a></p>
            <Suspense fallback=|| view! { <p class="loading">{t!("course-loading")}</p> }>
                {move || course.get().map(|result| match result {
                    Ok((course, manifest)) => view! { <CourseOutline course=course manifest=manifest language=language/> }.into_any(),
                    Err(error) => view! { <LoadFailure error=error/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CourseOutline(
    course: CatalogCourse,
    manifest: CourseManifest,
    language: Language,
) -> impl IntoView {
    let course_id = manifest.id.clone();
    // A course teaching Vietnamese is read in Korean by a Korean-speaking pupil.
    let target = manifest.subject.target_language();
    let language = if target.is_korean() {
        language
    } else {
        browser::help_language_for(target)
    };
    let downloads = CourseDownloads::new(course, manifest.clone());
    let lessons: Vec<(String, usize)> = manifest
        .units
        .iter()
        .flat_map(|unit| unit.lessons.iter())
        .map(|lesson| (lesson.id.clone(), lesson.item_count))
        .collect();
    let read = use_lesson_standings(CourseLessons {
        course_id: course_id.clone(),
        lessons: lessons.clone(),
    });
    // Each lesson's standing by its id; None until the learner has done something in this
    // course (a course never begun would otherwise say "New" on every line).
    let standings = Memo::new(move |_| {
        let found = read.get().flatten()?;
        Some(
            lessons
                .iter()
                .map(|(id, _)| id.clone())
                .zip(found)
                .collect::<BTreeMap<String, LessonStanding>>(),
        )
    });
    view! {
        <h1>{manifest.title.get_or_english(language).to_owned()}</h1>
        {manifest.title.get(target.as_language()).map(|title| view! { <p class="korean-title" lang=target.code()>{title.to_owned()}</p> })}
        <p>{manifest.description.get_or_english(language).to_owned()}</p>
        <EnrolmentNotice course=course_id.clone()/>
        <CourseDownloadPanel downloads=downloads/>
        {manifest.units.into_iter().map(|unit| {
            let course_id = course_id.clone();
            let lesson_ids: Vec<String> = unit.lessons.iter().map(|lesson| lesson.id.clone()).collect();
            let unit_share = move || {
                standings.with(|standings| {
                    let standings = standings.as_ref()?;
                    let done = lesson_ids
                        .iter()
                        .filter(|id| standings.get(*id) == Some(&LessonStanding::Done))
                        .count();
                    Some(view! {
                        <p class="course-meta" data-testid="unit-progress">
                            {t!("course-unit-progress", done = done, total = lesson_ids.len())}
                        </p>
                    })
                })
            };
            view! {
                <section class="unit" data-testid=format!("unit-{}", unit.id)>
                    <h2>{unit.title.get_or_english(language).to_owned()}</h2>
                    {unit_share}
                    <UnitDownload downloads=downloads unit_id=unit.id.clone() bytes=unit.size.total()/>
                    <ol class="lesson-list">
                        {unit.lessons.into_iter().map(|lesson| {
                            let href = format!("/courses/{course_id}/{}", lesson.id);
                            let lesson_id = lesson.id.clone();
                            let mark = move || {
                                standings
                                    .with(|standings| standings.as_ref()?.get(&lesson_id).copied())
                                    .map(lesson_mark)
                            };
                            view! {
                                <li>
                                    <a href=href data-testid=format!("lesson-link-{}", lesson.id)>
                                        {lesson.title.get_or_english(language).to_owned()}
                                    </a>
                                    <span class="course-meta">" " {t!("course-lesson-steps", count = lesson.item_count)}</span>
                                    {mark}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
    }
}

/// The course's lesson marks, from the progress digest on the device (read again when
/// statements are pulled from another device). `None` until read, for a device that has
/// recorded nothing (which then fetches no digest code), for a course not begun, and when the
/// digest cannot be read.
fn use_lesson_standings(course: CourseLessons) -> LocalResource<Option<Vec<LessonStanding>>> {
    let sync = use_sync();
    let fold = use_whole_log_fold();
    let from_log = use_context::<LessonStandingsFromLog>();
    LocalResource::new(move || {
        if let Some(sync) = sync {
            sync.track_pulled();
        }
        let course = course.clone();
        async move {
            let (sync, LessonStandingsFromLog(from_log)) = (sync?, from_log?);
            let database = sync.database().await.ok()?;
            if database.statements_in_log().await.ok()? == 0 {
                return None;
            }
            from_log(sync, fold, course).await.ok().flatten()
        }
    })
}

/// A lesson's mark after its title: done (with a tick), started with how many of its steps the
/// learner has seen, or new.
fn lesson_mark(standing: LessonStanding) -> impl IntoView {
    let (state, text) = match standing {
        LessonStanding::Done => ("done", t!("course-lesson-done")),
        LessonStanding::Started { seen, of } => (
            "started",
            t!("course-lesson-started", seen = seen, total = of),
        ),
        LessonStanding::New => ("new", t!("course-lesson-new")),
    };
    view! {
        <span class="lesson-mark" data-testid="lesson-state" data-state=state>
            " · " {(state == "done").then(|| view! { <DoneIcon/> " " })} {text}
        </span>
    }
}

/// How this site takes the course, when that is not "start at once": asked of the server when
/// the page opens (`GET /api/enrolment`, public and small). Offline, or when the server cannot
/// say, there is no notice: the lessons open either way, and only a certificate depends on it.
async fn enrolment_here(course: String) -> Option<EnrolmentMode> {
    let here: SiteEnrolment = get_json_or_none("/api/enrolment", 15_000).await?;
    here.courses
        .into_iter()
        .find(|listed| listed.course == course)
        .map(|listed| listed.enrolment.mode)
        .filter(|mode| *mode != EnrolmentMode::Open)
}

/// "By application" or "through a class" at this site, with the way to the learner's
/// enrolment on *My certificates*.
#[component]
fn EnrolmentNotice(course: String) -> impl IntoView {
    let mode = LocalResource::new(move || enrolment_here(course.clone()));
    move || {
        let text = match mode.get().flatten()? {
            EnrolmentMode::Application => t!("course-enrolment-application"),
            EnrolmentMode::Assignment => t!("course-enrolment-assignment"),
            EnrolmentMode::Open => return None,
        };
        Some(view! {
            <p class="course-enrolment" data-testid="course-enrolment">
                {text} " " <a href="/certificates#applications">{t!("certificates-applications-title")}</a>
            </p>
        })
    }
}
