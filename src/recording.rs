//! Turns what happens in a lesson into xAPI statements and hands them to the sync layer, which
//! stores them durably before anything says "saved" (design invariant 2).
//!
//! Writes go through one queue per lesson run, in order: a statement, then the lesson position
//! saved after it. The position is saved only once the statements before it are durably
//! stored, so a tab closed at any moment can make the learner redo an item but never lose an
//! answer that the saved position claims was done. Once a statement could not be stored (no
//! space left, the database closed), no later position of that run is saved: the saved one
//! stays before the lost answer, so the learner does that item again after a reload.
//!
//! Every statement gets a UUIDv7 made here, and a timestamp from the device clock corrected by
//! the offset the sync layer learned from the server's `Date` header, written in the device's
//! own UTC offset so streaks count the learner's local days.

use std::collections::HashMap;
use std::sync::Arc;

use baeum_core::content::{Item, LessonFile, LocalizedText};
use baeum_core::record::{self, LessonOutcome, RecordContext, Statement};
use baeum_core::session::{AnswerEvent, LessonSession, LessonSummary};
use futures::channel::mpsc::{unbounded, UnboundedSender};
use futures::StreamExt;
use leptos::prelude::*;

use crate::content_client::LoadedLesson;
use crate::player::save_session;
use crate::storage::StorageError;
use crate::sync_driver::{use_sync, SyncHandle};
use crate::t;

/// Builds one statement from the shared context.
type StatementBuilder =
    Box<dyn FnOnce(&RecordContext<'_>) -> Result<Statement, record::RecordError> + Send>;

/// One write, done in order with the others.
enum Write {
    Statement(StatementBuilder),
    Session(LessonSession),
}

/// Records one lesson run. Cheap to clone; every clone records into the same run.
#[derive(Clone)]
pub struct LessonRecorder {
    lesson: Arc<LessonRun>,
    sync: Option<SyncHandle>,
    writes: UnboundedSender<Write>,
    saving: SaveProgress,
}

/// How far the run's writes have got, for the page to tell the learner whether what they did
/// is safely on the device.
#[derive(Clone, Copy)]
pub struct SaveProgress {
    /// Writes queued and not yet finished.
    pub pending: RwSignal<u32>,
    /// Statements that could not be stored, with the last reason.
    pub failed: RwSignal<Option<String>>,
}

impl SaveProgress {
    /// What the learner is told, and the state end-to-end tests read.
    pub fn state(&self) -> SaveState {
        if let Some(reason) = self.failed.get() {
            SaveState::Failed(reason)
        } else if self.pending.get() > 0 {
            SaveState::Saving
        } else {
            SaveState::Saved
        }
    }
}

/// The save state of a lesson run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saving,
    Saved,
    Failed(String),
}

struct LessonRun {
    course_id: String,
    course_title: LocalizedText,
    lesson_id: String,
    lesson_title: LocalizedText,
    items_by_id: HashMap<String, Item>,
    started_at_ms: f64,
}

impl LessonRecorder {
    /// A recorder using the sync layer from context; call it where a component is built (its
    /// save progress lives in signals owned there).
    pub fn new(loaded: &LoadedLesson) -> Self {
        let sync = use_sync();
        let lesson: &LessonFile = &loaded.lesson;
        let (writes, mut pending) = unbounded::<Write>();
        let run = Arc::new(LessonRun {
            course_id: lesson.course_id.clone(),
            course_title: loaded.manifest.title.clone(),
            lesson_id: lesson.id.clone(),
            lesson_title: lesson.title.clone(),
            items_by_id: lesson
                .items
                .iter()
                .map(|item| (item.id.clone(), item.clone()))
                .collect(),
            started_at_ms: js_sys::Date::now(),
        });
        let run_for_writer = run.clone();
        let saving = SaveProgress {
            pending: RwSignal::new(0),
            failed: RwSignal::new(None),
        };
        // One writer per run handles the queue strictly in order.
        leptos::task::spawn_local(async move {
            let mut an_answer_was_lost = false;
            while let Some(write) = pending.next().await {
                match write {
                    Write::Statement(build) => {
                        if let Err(error) = record_now(sync, &run_for_writer, build).await {
                            leptos::logging::error!("this answer could not be recorded: {error}");
                            an_answer_was_lost = true;
                            saving.failed.try_set(Some(error.message()));
                        }
                    }
                    // A position after a lost answer would claim that answer was done.
                    Write::Session(_) if an_answer_was_lost => {}
                    Write::Session(session) => save_session(&session),
                }
                saving
                    .pending
                    .try_update(|count| *count = count.saturating_sub(1));
            }
        });
        Self {
            lesson: run,
            sync,
            writes,
            saving,
        }
    }

    /// How far this run's writes have got.
    pub fn save_progress(&self) -> SaveProgress {
        self.saving
    }

    /// Puts one write on the queue, counting it as pending until the writer is done with it.
    fn enqueue(&self, write: Write) -> bool {
        self.saving.pending.try_update(|count| *count += 1);
        if self.writes.unbounded_send(write).is_err() {
            self.saving
                .pending
                .try_update(|count| *count = count.saturating_sub(1));
            return false;
        }
        true
    }

    /// Saves the learner's place in the lesson after every statement queued before it.
    pub fn save_position(&self, session: LessonSession) {
        if !self.enqueue(Write::Session(session)) {
            leptos::logging::error!("the lesson writer stopped: the position was not saved");
        }
    }

    /// Records an answer, or an item read, from the player.
    pub fn answered(&self, event: AnswerEvent) {
        let Some(item) = self.lesson.items_by_id.get(&event.item_id) else {
            leptos::logging::warn!("no item {} in this lesson; nothing recorded", event.item_id);
            return;
        };
        let item = item.clone();
        self.build_and_record(move |context| match (event.correct, &event.response) {
            (Some(correct), Some(response)) => record::answered_statement(
                context,
                &record::Answer {
                    item: &item,
                    response,
                    success: correct,
                    duration_ms: event.duration_ms,
                    attempt: event.attempt,
                },
            ),
            _ => record::experienced_statement(context, &item),
        });
    }

    /// Records the end of the lesson with its score, then asks the sync layer to push now.
    pub fn finished(&self, summary: LessonSummary) {
        let outcome = LessonOutcome {
            correct: u32::try_from(summary.correct_first_time).unwrap_or(u32::MAX),
            total: u32::try_from(summary.graded_items).unwrap_or(u32::MAX),
            duration_ms: (js_sys::Date::now() - self.lesson.started_at_ms).max(0.0) as u64,
        };
        self.build_and_record(move |context| record::lesson_completed_statement(context, &outcome));
        if let Some(sync) = self.sync {
            sync.sync_now();
        }
    }

    /// Builds a statement for this lesson with a fresh UUIDv7, the learner's actor and a
    /// corrected local timestamp, then records it durably. Runs in the background so the
    /// player never waits on IndexedDB; the sync status shows the statement as waiting once it
    /// is stored, and a storage failure is reported there and in the console.
    fn build_and_record(
        &self,
        build: impl FnOnce(&RecordContext<'_>) -> Result<Statement, record::RecordError>
            + Send
            + 'static,
    ) {
        if !self.enqueue(Write::Statement(Box::new(build))) {
            leptos::logging::error!("the lesson writer stopped: this answer was not recorded");
        }
    }
}

/// Builds a statement for this lesson with a fresh UUIDv7, the learner's actor and a corrected
/// local timestamp, then records it durably. The sync status shows it as waiting once stored;
/// a failure is returned, and the run's save state says so instead of "saved".
async fn record_now(
    sync: Option<SyncHandle>,
    lesson: &LessonRun,
    build: StatementBuilder,
) -> Result<(), RecordFailure> {
    let Some(sync) = sync else {
        return Err(RecordFailure::NoSyncLayer);
    };
    async {
        let actor = sync.learner_actor().await?;
        let timestamp = sync.timestamp_now()?;
        let context = RecordContext {
            statement_id: crate::uuid_v7::new_v7(),
            timestamp: &timestamp,
            actor: &actor,
            course_id: &lesson.course_id,
            course_title: &lesson.course_title,
            lesson_id: &lesson.lesson_id,
            lesson_title: &lesson.lesson_title,
        };
        let statement = build(&context)?;
        sync.record_statement(statement).await?;
        Ok(())
    }
    .await
}

/// Why an answer could not be recorded.
#[derive(Debug, thiserror::Error)]
enum RecordFailure {
    #[error("no sync layer is running")]
    NoSyncLayer,
    #[error("{0}")]
    Storage(#[from] StorageError),
    #[error("{0}")]
    Statement(#[from] record::RecordError),
}

impl RecordFailure {
    /// The reason in the interface language, as the lesson's save status shows it.
    fn message(&self) -> String {
        match self {
            RecordFailure::NoSyncLayer => t!("recording-no-sync-layer"),
            RecordFailure::Storage(error) => error.message(),
            // A statement the app itself built badly: a programming error, reported as it is.
            RecordFailure::Statement(error) => error.to_string(),
        }
    }
}
