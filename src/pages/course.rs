//! A course: its units and lessons, with sizes, so the learner picks where to start, each
//! lesson marked done, started (how far) or new and each unit's share done (issue 25, from the
//! progress digest on the device, so offline too), the panel that downloads it for offline
//! use, and, where this site takes the course by application or through a class, a notice
//! saying so (issue 21).

use baeum_core::content::{CatalogCourse, CourseManifest, Language};
use baeum_core::progress::{LessonActivity, LessonStanding, ProgressDigest};
use baeum_core::records::enrolment::EnrolmentMode;
use baeum_core::records::wire::SiteEnrolment;
use leptos::prelude::*;

use crate::browser;
use crate::content_client::load_course;
use crate::downloads::{CourseDownloadPanel, CourseDownloads, UnitDownload};
use crate::http::Request;
use crate::icons::DoneIcon;
use crate::pages::home::LoadFailure;
use crate::progress_view::{load_digest, use_whole_log_fold};
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
    let digest = use_digest();
    // Marks only once the learner has done something in this course: a course never begun
    // would otherwise say "New" on every line.
    let begun = {
        let course_id = course_id.clone();
        move || {
            digest
                .get()
                .flatten()
                .filter(|digest| digest.latest_activity_in_course(&course_id).is_some())
        }
    };
    view! {
        <h1>{manifest.title.get_or_english(language).to_owned()}</h1>
        {manifest.title.get(target.as_language()).map(|title| view! { <p class="korean-title" lang=target.code()>{title.to_owned()}</p> })}
        <p>{manifest.description.get_or_english(language).to_owned()}</p>
        <EnrolmentNotice course=course_id.clone()/>
        <CourseDownloadPanel downloads=downloads/>
        {manifest.units.into_iter().map(|unit| {
            let course_id = course_id.clone();
            let begun = begun.clone();
            let lesson_ids: Vec<String> = unit.lessons.iter().map(|lesson| lesson.id.clone()).collect();
            let unit_share = {
                let (begun, course_id) = (begun.clone(), course_id.clone());
                move || {
                    let digest = begun()?;
                    let done = lesson_ids.iter().filter(|id| digest.is_lesson_completed(&course_id, id)).count();
                    Some(view! {
                        <p class="course-meta" data-testid="unit-progress">
                            {t!("course-unit-progress", done = done, total = lesson_ids.len())}
                        </p>
                    })
                }
            };
            view! {
                <section class="unit" data-testid=format!("unit-{}", unit.id)>
                    <h2>{unit.title.get_or_english(language).to_owned()}</h2>
                    {unit_share}
                    <UnitDownload downloads=downloads unit_id=unit.id.clone() bytes=unit.size.total()/>
                    <ol class="lesson-list">
                        {unit.lessons.into_iter().map(|lesson| {
                            let href = format!("/courses/{course_id}/{}", lesson.id);
                            let mark = {
                                let (begun, course_id, lesson_id) = (begun.clone(), course_id.clone(), lesson.id.clone());
                                let item_count = lesson.item_count;
                                move || begun().map(|digest| lesson_mark(digest.lesson_standing(&course_id, &lesson_id, item_count)))
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

/// The learner's progress digest, read from the device (and read again when statements are
/// pulled from another device). `None` until read, for a device that has recorded nothing
/// (which then fetches no digest code), and when it cannot be read.
fn use_digest() -> LocalResource<Option<ProgressDigest>> {
    let sync = use_sync();
    let fold = use_whole_log_fold();
    LocalResource::new(move || {
        if let Some(sync) = sync {
            sync.track_pulled();
        }
        async move {
            let sync = sync?;
            let database = sync.database().await.ok()?;
            if database.statements_in_log().await.ok()? == 0 {
                return None;
            }
            load_digest(sync, fold).await.ok()
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
    let here: SiteEnrolment = Request::get("/api/enrolment")
        .timeout_ms(15_000)
        .send()
        .await
        .ok()?
        .success()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
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
