//! The learners' progress tables on SQLite (see `store/progress.rs`): written inside a batch's
//! transaction, refolded for a voiding, filled by the migration that created them, and read
//! by the reports in one statement (one snapshot).

use std::collections::BTreeMap;

use baeum_core::progress::{LearnerReport, LessonReport};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use crate::store::progress::{
    add_report_row, count_value, fold_statements, tally, ProgressChanges, ReportRow,
};
use crate::store::StoreError;

/// Writes a batch's changes (before its transaction commits).
pub(super) fn write_changes(
    connection: &Connection,
    changes: ProgressChanges,
) -> Result<(), StoreError> {
    let (added, refold) = changes.into_parts();
    for (actor_key, report) in added {
        merge_into_rows(connection, &actor_key, &report)?;
    }
    for actor_key in refold {
        refold_actor(connection, &actor_key)?;
    }
    Ok(())
}

/// Merges `added` into the stored rows it touches.
fn merge_into_rows(
    connection: &Connection,
    actor_key: &str,
    added: &LearnerReport,
) -> Result<(), StoreError> {
    let mut current = LearnerReport::new();
    let mut lesson_row = connection.prepare_cached(
        "SELECT latest_activity_ms, completed, best_score FROM progress_lessons \
         WHERE actor_key = ?1 AND course_id = ?2 AND lesson_id = ?3",
    )?;
    for key in added.lessons.keys() {
        let stored = lesson_row
            .query_row(params![actor_key, key.course_id, key.lesson_id], |row| {
                Ok(LessonReport {
                    latest_activity_ms: row.get(0)?,
                    completed: row.get(1)?,
                    best_score: row.get(2)?,
                })
            })
            .optional()?;
        if let Some(stored) = stored {
            current.lessons.insert(key.clone(), stored);
        }
    }
    let mut item_row = connection.prepare_cached(
        "SELECT attempts, wrong FROM progress_items \
         WHERE actor_key = ?1 AND course_id = ?2 AND lesson_id = ?3 AND item_id = ?4",
    )?;
    for key in added.items.keys() {
        let stored = item_row
            .query_row(
                params![actor_key, key.course_id, key.lesson_id, key.item_id],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)),
            )
            .optional()?;
        if let Some((attempts, wrong)) = stored {
            current.items.insert(key.clone(), tally(attempts, wrong)?);
        }
    }
    current.merge(added);
    write_rows(connection, actor_key, &current)
}

/// Writes (inserting or replacing) every row of `report`.
fn write_rows(
    connection: &Connection,
    actor_key: &str,
    report: &LearnerReport,
) -> Result<(), StoreError> {
    let mut write_lesson = connection.prepare_cached(
        "INSERT INTO progress_lessons \
         (actor_key, course_id, lesson_id, latest_activity_ms, completed, best_score) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (actor_key, course_id, lesson_id) DO UPDATE SET \
         latest_activity_ms = excluded.latest_activity_ms, completed = excluded.completed, \
         best_score = excluded.best_score",
    )?;
    for (key, lesson) in &report.lessons {
        write_lesson.execute(params![
            actor_key,
            key.course_id,
            key.lesson_id,
            lesson.latest_activity_ms,
            lesson.completed,
            lesson.best_score
        ])?;
    }
    let mut write_item = connection.prepare_cached(
        "INSERT INTO progress_items (actor_key, course_id, lesson_id, item_id, attempts, wrong) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (actor_key, course_id, lesson_id, item_id) DO UPDATE SET \
         attempts = excluded.attempts, wrong = excluded.wrong",
    )?;
    for (key, item) in &report.items {
        write_item.execute(params![
            actor_key,
            key.course_id,
            key.lesson_id,
            key.item_id,
            count_value(item.attempts),
            count_value(item.wrong)
        ])?;
    }
    Ok(())
}

/// Deletes an actor's rows (with their statements, or before a refold).
pub(super) fn delete_actor(connection: &Connection, actor_key: &str) -> Result<(), StoreError> {
    connection.execute(
        "DELETE FROM progress_lessons WHERE actor_key = ?1",
        [actor_key],
    )?;
    connection.execute(
        "DELETE FROM progress_items WHERE actor_key = ?1",
        [actor_key],
    )?;
    Ok(())
}

/// Replaces an actor's rows with the report of the fold of their stored, non-voided
/// statements.
fn refold_actor(connection: &Connection, actor_key: &str) -> Result<(), StoreError> {
    delete_actor(connection, actor_key)?;
    let mut statements = connection.prepare_cached(
        "SELECT id, body FROM statements WHERE actor_key = ?1 AND voided = 0 ORDER BY sequence",
    )?;
    let rows = statements.query_map([actor_key], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let report = fold_statements(rows.map(|row| row.map_err(StoreError::from)))?;
    write_rows(connection, actor_key, &report)
}

/// Fills the tables from the statements already stored (the migration that creates them).
pub(super) fn backfill(connection: &Connection) -> Result<(), StoreError> {
    let actor_keys = connection
        .prepare("SELECT DISTINCT actor_key FROM statements ORDER BY actor_key")?
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    for actor_key in actor_keys {
        refold_actor(connection, &actor_key)?;
    }
    Ok(())
}

/// Actors read by one statement: SQLite allows at most 32,766 parameters in one.
const ACTORS_PER_READ: usize = 10_000;

/// The reports of these actors, read in one statement per [`ACTORS_PER_READ`]. An actor
/// without rows has none.
pub(super) fn read_reports(
    connection: &Connection,
    actor_keys: &[String],
) -> Result<BTreeMap<String, LearnerReport>, StoreError> {
    let mut reports = BTreeMap::new();
    for actor_keys in actor_keys.chunks(ACTORS_PER_READ) {
        read_reports_into(connection, actor_keys, &mut reports)?;
    }
    Ok(reports)
}

/// [`read_reports`] of at most [`ACTORS_PER_READ`] actors, added to `reports`.
fn read_reports_into(
    connection: &Connection,
    actor_keys: &[String],
    reports: &mut BTreeMap<String, LearnerReport>,
) -> Result<(), StoreError> {
    let placeholders: Vec<String> = (1..=actor_keys.len()).map(|n| format!("?{n}")).collect();
    let placeholders = placeholders.join(", ");
    let mut statement = connection.prepare(&format!(
        "SELECT actor_key, course_id, lesson_id, NULL, latest_activity_ms, completed, \
         best_score FROM progress_lessons WHERE actor_key IN ({placeholders}) \
         UNION ALL \
         SELECT actor_key, course_id, lesson_id, item_id, attempts, wrong, NULL \
         FROM progress_items WHERE actor_key IN ({placeholders})"
    ))?;
    let rows = statement.query_map(
        // The numbered placeholders name each key in both halves of the union.
        params_from_iter(actor_keys.iter()),
        |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, i64>(5)?,
                row.get::<_, Option<f64>>(6)?,
            ))
        },
    )?;
    for row in rows {
        let (actor_key, course_id, lesson_id, item_id, first, second, best_score) = row?;
        add_report_row(
            reports,
            ReportRow {
                actor_key,
                course_id,
                lesson_id,
                item_id,
                first,
                second,
                best_score,
            },
        )?;
    }
    Ok(())
}
