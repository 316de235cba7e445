//! A lesson page: loads the lesson (a clear error on that lesson if it is missing, truncated or
//! malformed, never a blank app) and plays it.

use baeum_core::session::{AnswerEvent, LessonSession, LessonSummary};
use leptos::prelude::*;

use crate::browser;
use crate::content_client::{load_lesson, LoadedLesson};
use crate::pages::home::LoadFailure;
use crate::player::LessonPlayer;
use crate::recording::{self, SaveProgress, SaveState};
use crate::router::path_parameter;
use crate::t;

#[component]
pub fn LessonPage() -> impl IntoView {
    let course_id = path_parameter("course");
    let lesson_id = path_parameter("lesson");
    let ids = move || {
        (
            course_id.get().unwrap_or_default(),
            lesson_id.get().unwrap_or_default(),
        )
    };
    let loaded = LocalResource::new(move || {
        let (course_id, lesson_id) = ids();
        async move { load_lesson(&course_id, &lesson_id).await }
    });
    view! {
        <section class="page" data-testid="lesson-page">
            <p><a href=move || format!("/courses/{}", ids().0)>{t!("lesson-back-link")}</a></p>
            <Suspense fallback=|| view! { <p class="loading">{t!("lesson-loading")}</p> }>
                {move || loaded.get().map(|result| match result {
                    Ok(loaded) => view! { <LoadedLessonView loaded=loaded/> }.into_any(),
                    Err(error) => view! { <LoadFailure error=error/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn LoadedLessonView(loaded: LoadedLesson) -> impl IntoView {
    let target = loaded.lesson.target_language;
    let language = browser::help_language_for(target);
    let course_id = loaded.lesson.course_id.clone();
    let course_href = format!("/courses/{course_id}");
    let next_lesson_href = loaded
        .next_lesson_id
        .as_ref()
        .map(|next| format!("/courses/{course_id}/{next}"));
    let title = loaded.lesson.title.get_or_english(language).to_owned();
    let korean_title = loaded
        .lesson
        .title
        .get(target.as_language())
        .map(str::to_owned);
    let recorder = recording::LessonRecorder::new(&loaded);
    let save_progress = recorder.save_progress();
    let finished = RwSignal::new(false);
    let recorder_for_events = recorder.clone();
    let recorder_for_summary = recorder.clone();
    let on_event = move |event: AnswerEvent| recorder_for_events.answered(event);
    let on_finished = move |summary: LessonSummary| {
        recorder_for_summary.finished(summary);
        finished.set(true);
    };
    let on_session = move |session: LessonSession| recorder.save_position(session);
    view! {
        <h1>{title}</h1>
        {korean_title.map(|title| view! { <p class="korean-title" lang=target.code()>{title}</p> })}
        <LessonPlayer
            lesson=loaded.lesson
            language=language
            on_event=on_event
            on_finished=on_finished
            on_session=on_session
            next_lesson_href=next_lesson_href
            course_href=course_href
        />
        <Show when=move || finished.get() || save_progress.failed.get().is_some()>
            <LessonSaveStatus save_progress=save_progress/>
        </Show>
    }
}

/// Tells the learner whether the lesson is safely on this device, so that closing the app right
/// after the summary is a choice made knowing; a storage failure is said plainly, never hidden.
#[component]
fn LessonSaveStatus(save_progress: SaveProgress) -> impl IntoView {
    let state = move || save_progress.state();
    view! {
        <p
            class="save-status"
            role="status"
            data-testid="lesson-save-status"
            data-pending=move || save_progress.pending.get()
            data-state=move || match state() {
                SaveState::Saving => "saving",
                SaveState::Saved => "saved",
                SaveState::Failed(_) => "failed",
            }
        >
            {move || match state() {
                SaveState::Saving => t!("lesson-saving"),
                SaveState::Saved => t!("lesson-saved"),
                SaveState::Failed(reason) => t!("lesson-save-failed", reason = reason),
            }}
        </p>
    }
}
