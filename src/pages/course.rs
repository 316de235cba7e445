//! A course: its units and lessons, with sizes, so the learner picks where to start, and the
//! panel that downloads it for offline use.

use baeum_core::content::{CatalogCourse, CourseManifest, Language};
use leptos::prelude::*;

use crate::browser;
use crate::content_client::load_course;
use crate::downloads::{CourseDownloadPanel, CourseDownloads, UnitDownload};
use crate::pages::home::LoadFailure;
use crate::router::path_parameter;
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
    view! {
        <h1>{manifest.title.get_or_english(language).to_owned()}</h1>
        {manifest.title.get(target.as_language()).map(|title| view! { <p class="korean-title" lang=target.code()>{title.to_owned()}</p> })}
        <p>{manifest.description.get_or_english(language).to_owned()}</p>
        <CourseDownloadPanel downloads=downloads/>
        {manifest.units.into_iter().map(|unit| {
            let course_id = course_id.clone();
            view! {
                <section class="unit" data-testid=format!("unit-{}", unit.id)>
                    <h2>{unit.title.get_or_english(language).to_owned()}</h2>
                    <UnitDownload downloads=downloads unit_id=unit.id.clone() bytes=unit.size.total()/>
                    <ol class="lesson-list">
                        {unit.lessons.into_iter().map(|lesson| {
                            let href = format!("/courses/{course_id}/{}", lesson.id);
                            view! {
                                <li>
                                    <a href=href data-testid=format!("lesson-link-{}", lesson.id)>
                                        {lesson.title.get_or_english(language).to_owned()}
                                    </a>
                                    <span class="course-meta">" " {t!("course-lesson-steps", count = lesson.item_count)}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
    }
}
