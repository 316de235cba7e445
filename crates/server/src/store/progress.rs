//! Each learner's progress as the teacher's reports read it ([`LearnerReport`], core's fold
//! reduced to lesson status, scores and per-item answer counts), kept by the statement writes.
//!
//! Both engines keep it in two tables, `progress_lessons` (one row per actor key, course and
//! lesson) and `progress_items` (one row per actor key and item), written in the same
//! transaction as the statements, so they never disagree with them:
//! - a batch's new statements are added to a report of the batch per actor (core's
//!   [`LearnerReport::apply`]), which is merged into the stored rows it touches
//!   ([`LearnerReport::merge`]); a statement stored voided (its voiding statement came first) is
//!   not added;
//! - a voiding statement that voids a stored statement refolds its actor: the rows are replaced
//!   by the report of the fold of the actor's statements ([`fold_statements`]);
//! - the migration that created the tables folded every actor's statements the same way.
//!
//! The engines differ only in SQL (`sqlite/progress.rs`, `postgres/progress.rs`).

use std::collections::{BTreeMap, BTreeSet};

use baeum_core::progress::{ItemKey, ItemTally, LearnerReport, LessonKey, LessonReport, Progress};
use serde_json::Value;

use super::StoreError;

/// What a batch of statements changes in the stored progress, gathered while it is inserted
/// and written before it commits.
#[derive(Debug, Default)]
pub(crate) struct ProgressChanges {
    /// What the batch's new live statements add, per actor key.
    added: BTreeMap<String, LearnerReport>,
    /// Actors whose stored statements the batch voided: folded again.
    refold: BTreeSet<String>,
}

impl ProgressChanges {
    /// A statement was stored: its progress is added unless it was stored voided.
    pub(crate) fn stored(&mut self, actor_key: &str, statement: &Value, voided_from_start: bool) {
        if voided_from_start || self.refold.contains(actor_key) {
            return;
        }
        let report = self.added.entry(actor_key.to_owned()).or_default();
        // A voiding statement cannot be added; it refolds its actor when it voided a stored
        // statement (`voided_stored`), and changes nothing otherwise.
        let _ = report.apply(statement);
    }

    /// A statement of `actor_key` voided one of the actor's stored statements.
    pub(crate) fn voided_stored(&mut self, actor_key: &str) {
        self.added.remove(actor_key);
        self.refold.insert(actor_key.to_owned());
    }

    /// The reports to merge into the stored rows, and the actors to fold again.
    pub(crate) fn into_parts(self) -> (BTreeMap<String, LearnerReport>, BTreeSet<String>) {
        (self.added, self.refold)
    }
}

/// The report of the fold of one actor's stored, non-voided statements, given as
/// (id, body) in any order.
pub(crate) fn fold_statements(
    statements: impl IntoIterator<Item = Result<(String, String), StoreError>>,
) -> Result<LearnerReport, StoreError> {
    let mut progress = Progress::new();
    for statement in statements {
        let (id, body) = statement?;
        let json: Value = serde_json::from_str(&body)
            .map_err(|error| StoreError::Corrupt(format!("statement {id}: {error}")))?;
        progress.apply(&json);
    }
    Ok(LearnerReport::of(&progress))
}

/// An item's stored answer counts, refused when negative (a damaged row).
pub(crate) fn tally(attempts: i64, wrong: i64) -> Result<ItemTally, StoreError> {
    let count = |value: i64| {
        u64::try_from(value)
            .map_err(|_| StoreError::Corrupt(format!("a negative answer count {value}")))
    };
    Ok(ItemTally {
        attempts: count(attempts)?,
        wrong: count(wrong)?,
    })
}

/// A count as both engines' BIGINT/INTEGER columns hold it.
pub(crate) fn count_value(count: u64) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// One row of the reports' read, as both engines select it: a lesson's row (no item id;
/// `first` the latest activity, `second` 1 when completed) or an item's (`first` attempts,
/// `second` wrong answers).
pub(crate) struct ReportRow {
    pub actor_key: String,
    pub course_id: String,
    pub lesson_id: String,
    pub item_id: Option<String>,
    pub first: i64,
    pub second: i64,
    pub best_score: Option<f64>,
}

/// Adds a read row to its actor's report.
pub(crate) fn add_report_row(
    reports: &mut BTreeMap<String, LearnerReport>,
    row: ReportRow,
) -> Result<(), StoreError> {
    let report = reports.entry(row.actor_key).or_default();
    match row.item_id {
        None => {
            report.lessons.insert(
                LessonKey {
                    course_id: row.course_id,
                    lesson_id: row.lesson_id,
                },
                LessonReport {
                    latest_activity_ms: row.first,
                    completed: row.second != 0,
                    best_score: row.best_score,
                },
            );
        }
        Some(item_id) => {
            report.items.insert(
                ItemKey {
                    course_id: row.course_id,
                    lesson_id: row.lesson_id,
                    item_id,
                },
                tally(row.first, row.second)?,
            );
        }
    }
    Ok(())
}
