//! The learners' progress tables on PostgreSQL (see `store/progress.rs`), as on SQLite
//! (`sqlite/progress.rs`): written inside a batch's transaction, refolded for a voiding,
//! filled by the migration that created them, and read by the reports in one statement (one
//! snapshot).

use std::collections::BTreeMap;

use baeum_core::progress::{LearnerReport, LessonReport};
use tokio_postgres::{GenericClient, Transaction};

use crate::store::progress::{
    add_report_row, count_value, fold_statements, tally, ProgressChanges, ReportRow,
};
use crate::store::StoreError;

/// Writes a batch's changes (before its transaction commits).
pub(super) async fn write_changes(
    transaction: &Transaction<'_>,
    changes: ProgressChanges,
) -> Result<(), StoreError> {
    let (added, refold) = changes.into_parts();
    for (actor_key, report) in added {
        merge_into_rows(transaction, &actor_key, &report).await?;
    }
    for actor_key in refold {
        refold_actor(transaction, &actor_key).await?;
    }
    Ok(())
}

/// Merges `added` into the stored rows it touches.
async fn merge_into_rows(
    transaction: &Transaction<'_>,
    actor_key: &str,
    added: &LearnerReport,
) -> Result<(), StoreError> {
    let mut current = LearnerReport::new();
    let lesson_row = transaction
        .prepare(
            "SELECT latest_activity_ms, completed, best_score FROM progress_lessons \
             WHERE actor_key = $1 AND course_id = $2 AND lesson_id = $3",
        )
        .await?;
    for key in added.lessons.keys() {
        if let Some(row) = transaction
            .query_opt(&lesson_row, &[&actor_key, &key.course_id, &key.lesson_id])
            .await?
        {
            current.lessons.insert(
                key.clone(),
                LessonReport {
                    latest_activity_ms: row.try_get(0)?,
                    completed: row.try_get(1)?,
                    best_score: row.try_get(2)?,
                },
            );
        }
    }
    let item_row = transaction
        .prepare(
            "SELECT attempts, wrong FROM progress_items \
             WHERE actor_key = $1 AND course_id = $2 AND lesson_id = $3 AND item_id = $4",
        )
        .await?;
    for key in added.items.keys() {
        if let Some(row) = transaction
            .query_opt(
                &item_row,
                &[&actor_key, &key.course_id, &key.lesson_id, &key.item_id],
            )
            .await?
        {
            current
                .items
                .insert(key.clone(), tally(row.try_get(0)?, row.try_get(1)?)?);
        }
    }
    current.merge(added);
    write_rows(transaction, actor_key, &current).await
}

/// Writes (inserting or replacing) every row of `report`.
async fn write_rows(
    transaction: &Transaction<'_>,
    actor_key: &str,
    report: &LearnerReport,
) -> Result<(), StoreError> {
    if !report.lessons.is_empty() {
        let write_lesson = transaction
            .prepare(
                "INSERT INTO progress_lessons \
                 (actor_key, course_id, lesson_id, latest_activity_ms, completed, best_score) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (actor_key, course_id, lesson_id) DO UPDATE SET \
                 latest_activity_ms = excluded.latest_activity_ms, \
                 completed = excluded.completed, best_score = excluded.best_score",
            )
            .await?;
        for (key, lesson) in &report.lessons {
            transaction
                .execute(
                    &write_lesson,
                    &[
                        &actor_key,
                        &key.course_id,
                        &key.lesson_id,
                        &lesson.latest_activity_ms,
                        &lesson.completed,
                        &lesson.best_score,
                    ],
                )
                .await?;
        }
    }
    if !report.items.is_empty() {
        let write_item = transaction
            .prepare(
                "INSERT INTO progress_items \
                 (actor_key, course_id, lesson_id, item_id, attempts, wrong) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (actor_key, course_id, lesson_id, item_id) DO UPDATE SET \
                 attempts = excluded.attempts, wrong = excluded.wrong",
            )
            .await?;
        for (key, item) in &report.items {
            transaction
                .execute(
                    &write_item,
                    &[
                        &actor_key,
                        &key.course_id,
                        &key.lesson_id,
                        &key.item_id,
                        &count_value(item.attempts),
                        &count_value(item.wrong),
                    ],
                )
                .await?;
        }
    }
    Ok(())
}

/// Deletes an actor's rows (with their statements, or before a refold).
pub(super) async fn delete_actor(
    transaction: &Transaction<'_>,
    actor_key: &str,
) -> Result<(), StoreError> {
    transaction
        .execute(
            "DELETE FROM progress_lessons WHERE actor_key = $1",
            &[&actor_key],
        )
        .await?;
    transaction
        .execute(
            "DELETE FROM progress_items WHERE actor_key = $1",
            &[&actor_key],
        )
        .await?;
    Ok(())
}

/// Replaces an actor's rows with the report of the fold of their stored, non-voided
/// statements.
async fn refold_actor(transaction: &Transaction<'_>, actor_key: &str) -> Result<(), StoreError> {
    delete_actor(transaction, actor_key).await?;
    let rows = transaction
        .query(
            "SELECT id, body FROM statements WHERE actor_key = $1 AND voided = FALSE \
             ORDER BY sequence",
            &[&actor_key],
        )
        .await?;
    let report = fold_statements(
        rows.iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?))),
    )?;
    write_rows(transaction, actor_key, &report).await
}

/// Fills the tables from the statements already stored (the migration that creates them).
pub(super) async fn backfill(transaction: &Transaction<'_>) -> Result<(), StoreError> {
    let actor_keys: Vec<String> = transaction
        .query(
            "SELECT DISTINCT actor_key FROM statements ORDER BY actor_key",
            &[],
        )
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
    for actor_key in actor_keys {
        refold_actor(transaction, &actor_key).await?;
    }
    Ok(())
}

/// The reports of these actors, read in one statement. An actor without rows has none.
pub(super) async fn read_reports(
    client: &impl GenericClient,
    actor_keys: &[String],
) -> Result<BTreeMap<String, LearnerReport>, StoreError> {
    let mut reports = BTreeMap::new();
    if actor_keys.is_empty() {
        return Ok(reports);
    }
    let rows = client
        .query(
            "SELECT actor_key, course_id, lesson_id, NULL::TEXT, latest_activity_ms, \
             CASE WHEN completed THEN 1::BIGINT ELSE 0::BIGINT END, best_score \
             FROM progress_lessons WHERE actor_key = ANY($1) \
             UNION ALL \
             SELECT actor_key, course_id, lesson_id, item_id, attempts, wrong, \
             NULL::DOUBLE PRECISION FROM progress_items WHERE actor_key = ANY($1)",
            &[&actor_keys],
        )
        .await?;
    for row in &rows {
        add_report_row(
            &mut reports,
            ReportRow {
                actor_key: row.try_get(0)?,
                course_id: row.try_get(1)?,
                lesson_id: row.try_get(2)?,
                item_id: row.try_get(3)?,
                first: row.try_get(4)?,
                second: row.try_get(5)?,
                best_score: row.try_get(6)?,
            },
        )?;
    }
    Ok(reports)
}
