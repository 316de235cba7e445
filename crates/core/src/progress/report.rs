//! What a teacher's reports need of one learner's progress, small enough to keep in a table and
//! grown statement by statement: the server keeps it up to date as statements arrive, and the
//! dashboard, the drill-down and a learner's assignments read it instead of the statements.
//!
//! Per lesson: the latest activity, whether it is complete and its best score; per item: how
//! many answers and how many wrong ones. Those are the parts of [`Progress`] that the reports
//! show (lesson status and last activity, scores, the most missed items), and each is a max, an
//! "any" or a sum, so the order statements arrive in does not matter and two reports of
//! disjoint sets of statements merge ([`LearnerReport::merge`]).
//!
//! **The rule that keeps it exact:** [`LearnerReport::of`] a fold is what the reports read from
//! [`Progress`]; [`LearnerReport::apply`] of one more statement gives the report of the fold
//! with that statement added, as long as it can. A voiding statement cannot be added (its
//! target may already be counted, and the report keeps no statement ids), so `apply` returns
//! [`ReportError::NeedsRefold`] and changes nothing; the caller folds that learner's statements
//! again. The caller hands each statement over once, and never one that a statement it already
//! holds voids (the server knows both from its table).

use std::collections::BTreeMap;

use serde_json::Value;

use super::{
    has_content_ids, rank_missed_items, ItemKey, LessonKey, MissedItem, Progress, StatementMeaning,
};
use crate::record::{EventView, LearningVerb};

/// Why a statement could not be added to a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("the learner's statements have to be folded again: {0}")]
    NeedsRefold(&'static str),
}

/// What a report keeps of one lesson the learner has touched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LessonReport {
    /// The timestamp (Unix milliseconds) of the lesson's latest live event.
    pub latest_activity_ms: i64,
    /// Whether a live `completed` statement for the lesson exists.
    pub completed: bool,
    /// The best scaled score of the lesson's completions, if any carried a score.
    pub best_score: Option<f64>,
}

impl LessonReport {
    /// Both lessons' events together.
    fn merge(&mut self, other: &LessonReport) {
        self.latest_activity_ms = self.latest_activity_ms.max(other.latest_activity_ms);
        self.completed |= other.completed;
        self.best_score = better_score(self.best_score, other.best_score);
    }
}

/// How often an item was answered, and how often wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemTally {
    pub attempts: u64,
    /// Answers not marked successful (an answer without a success flag counts as wrong).
    pub wrong: u64,
}

/// The report of one learner's progress (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LearnerReport {
    /// Every lesson with a live event.
    pub lessons: BTreeMap<LessonKey, LessonReport>,
    /// Every item with a live answer.
    pub items: BTreeMap<ItemKey, ItemTally>,
}

fn better_score(left: Option<f64>, right: Option<f64>) -> Option<f64> {
    match (left, right) {
        (Some(left), Some(right)) => Some(left.max(right)),
        (left, None) => left,
        (None, right) => right,
    }
}

impl LearnerReport {
    /// An empty report: nothing learned yet.
    pub fn new() -> LearnerReport {
        LearnerReport::default()
    }

    /// The report of a fold: every live event of it, added once.
    pub fn of(progress: &Progress) -> LearnerReport {
        let mut report = LearnerReport::new();
        for (statement_id, event) in &progress.events {
            report.add(&event.view(*statement_id));
        }
        report
    }

    /// The report of the fold of these statements (voidings applied, repeats ignored).
    pub fn from_statements<'a>(statements: impl IntoIterator<Item = &'a Value>) -> LearnerReport {
        LearnerReport::of(&Progress::from_statements(statements))
    }

    /// Adds one more statement. `Ok(true)` when it changed the report, `Ok(false)` for a
    /// statement progress ignores, [`ReportError::NeedsRefold`] (changing nothing) for a
    /// voiding statement.
    pub fn apply(&mut self, statement: &Value) -> Result<bool, ReportError> {
        match StatementMeaning::of(statement) {
            StatementMeaning::Voids(_) => Err(ReportError::NeedsRefold("a statement was voided")),
            StatementMeaning::Learning(event) => {
                if !has_content_ids(&event) {
                    return Ok(false);
                }
                self.add(&event);
                Ok(true)
            }
            // A check-in is never in a teacher's report (core's `wellbeing`).
            StatementMeaning::CheckedIn(..) | StatementMeaning::Nothing => Ok(false),
        }
    }

    /// What one live event adds: the rule, written once.
    fn add(&mut self, event: &EventView<'_>) {
        let lesson = LessonKey {
            course_id: event.course_id.to_owned(),
            lesson_id: event.lesson_id.to_owned(),
        };
        let mut added = LessonReport {
            latest_activity_ms: event.timestamp_ms,
            completed: false,
            best_score: None,
        };
        match (event.verb, event.item_id) {
            (LearningVerb::Answered, Some(item_id)) => {
                let tally = self
                    .items
                    .entry(ItemKey {
                        course_id: lesson.course_id.clone(),
                        lesson_id: lesson.lesson_id.clone(),
                        item_id: item_id.to_owned(),
                    })
                    .or_default();
                tally.attempts += 1;
                // As the mastery rule reads it: an answer without a success flag is not right.
                if !event.success.unwrap_or(false) {
                    tally.wrong += 1;
                }
            }
            (LearningVerb::Completed, None) => {
                added.completed = true;
                added.best_score = event.score;
            }
            _ => {}
        }
        self.lessons
            .entry(lesson)
            .and_modify(|lesson| lesson.merge(&added))
            .or_insert(added);
    }

    /// Adds the report of other statements (none of them in this one, none voiding).
    pub fn merge(&mut self, other: &LearnerReport) {
        for (key, lesson) in &other.lessons {
            self.lessons
                .entry(key.clone())
                .and_modify(|mine| mine.merge(lesson))
                .or_insert(*lesson);
        }
        for (key, tally) in &other.items {
            let mine = self.items.entry(key.clone()).or_default();
            mine.attempts += tally.attempts;
            mine.wrong += tally.wrong;
        }
    }

    fn lesson(&self, course_id: &str, lesson_id: &str) -> Option<&LessonReport> {
        self.lessons.get(&LessonKey {
            course_id: course_id.to_owned(),
            lesson_id: lesson_id.to_owned(),
        })
    }

    /// Whether the lesson has a live `completed` statement (as
    /// [`LessonActivity::is_lesson_completed`](super::LessonActivity::is_lesson_completed)).
    pub fn is_lesson_completed(&self, course_id: &str, lesson_id: &str) -> bool {
        self.lesson(course_id, lesson_id)
            .is_some_and(|lesson| lesson.completed)
    }

    /// The timestamp of the lesson's latest live event.
    pub fn latest_activity_ms(&self, course_id: &str, lesson_id: &str) -> Option<i64> {
        Some(self.lesson(course_id, lesson_id)?.latest_activity_ms)
    }

    /// The best scaled score of the lesson's completions (as [`Progress::best_lesson_score`]).
    pub fn best_lesson_score(&self, course_id: &str, lesson_id: &str) -> Option<f64> {
        self.lesson(course_id, lesson_id)?.best_score
    }

    /// The timestamp of the latest live event in any lesson (as [`Progress::last_activity`]).
    pub fn last_activity_ms(&self) -> Option<i64> {
        self.lessons
            .values()
            .map(|lesson| lesson.latest_activity_ms)
            .max()
    }

    /// The items answered wrong most often, ranked as [`Progress::most_missed_items`] ranks
    /// them.
    pub fn most_missed_items(&self, limit: usize) -> Vec<MissedItem> {
        let missed = self
            .items
            .iter()
            .filter(|(_, tally)| tally.wrong > 0)
            .map(|(key, tally)| MissedItem {
                item: key.clone(),
                attempts: usize::try_from(tally.attempts).unwrap_or(usize::MAX),
                wrong: usize::try_from(tally.wrong).unwrap_or(usize::MAX),
            })
            .collect();
        rank_missed_items(missed, limit)
    }
}
