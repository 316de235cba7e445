//! The learners' progress tables on PostgreSQL (see `store/progress.rs`), as on SQLite
//! (`sqlite/progress.rs`): written inside a batch's transaction, refolded for a voiding,
//! filled by the migration that created them, and read by the reports in one statement (one
//! snapshot).

use std::collections::BTreeMap;

use baeum_core::progress::{ItemKey, LearnerReport, LessonKey, LessonReport};
use deadpool_postgres::Transaction;
use tokio_postgres::GenericClient;

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
    if !added.is_empty() {
        merge_into_rows(transaction, added).await?;
    }
    for actor_key in refold {
        refold_actor(transaction, &actor_key).await?;
    }
    Ok(())
}

/// Merges each actor's `added` report into the stored rows it touches: one statement reads
/// every touched lesson row and one every touched item row, whatever the number of actors and
/// rows, and [`write_rows`] writes them back the same way (a round trip per row made progress
/// most of a push's time).
async fn merge_into_rows(
    transaction: &Transaction<'_>,
    added: BTreeMap<String, LearnerReport>,
) -> Result<(), StoreError> {
    let (mut actor_keys, mut course_ids, mut lesson_ids) = (Vec::new(), Vec::new(), Vec::new());
    for (actor_key, report) in &added {
        for key in report.lessons.keys() {
            actor_keys.push(actor_key.as_str());
            course_ids.push(key.course_id.as_str());
            lesson_ids.push(key.lesson_id.as_str());
        }
    }
    let mut current: BTreeMap<String, LearnerReport> = BTreeMap::new();
    if !actor_keys.is_empty() {
        let lesson_rows = transaction
            .prepare_cached(
                "SELECT p.actor_key, p.course_id, p.lesson_id, p.latest_activity_ms, \
                 p.completed, p.best_score FROM progress_lessons p \
                 JOIN UNNEST($1::TEXT[], $2::TEXT[], $3::TEXT[]) AS k (actor_key, course_id, \
                 lesson_id) ON p.actor_key = k.actor_key AND p.course_id = k.course_id \
                 AND p.lesson_id = k.lesson_id",
            )
            .await?;
        for row in transaction
            .query(&lesson_rows, &[&actor_keys, &course_ids, &lesson_ids])
            .await?
        {
            current.entry(row.try_get(0)?).or_default().lessons.insert(
                LessonKey {
                    course_id: row.try_get(1)?,
                    lesson_id: row.try_get(2)?,
                },
                LessonReport {
                    latest_activity_ms: row.try_get(3)?,
                    completed: row.try_get(4)?,
                    best_score: row.try_get(5)?,
                },
            );
        }
    }
    let (mut actor_keys, mut course_ids, mut lesson_ids, mut item_ids) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (actor_key, report) in &added {
        for key in report.items.keys() {
            actor_keys.push(actor_key.as_str());
            course_ids.push(key.course_id.as_str());
            lesson_ids.push(key.lesson_id.as_str());
            item_ids.push(key.item_id.as_str());
        }
    }
    if !actor_keys.is_empty() {
        let item_rows = transaction
            .prepare_cached(
                "SELECT p.actor_key, p.course_id, p.lesson_id, p.item_id, p.attempts, p.wrong \
                 FROM progress_items p \
                 JOIN UNNEST($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[]) \
                 AS k (actor_key, course_id, lesson_id, item_id) \
                 ON p.actor_key = k.actor_key AND p.course_id = k.course_id \
                 AND p.lesson_id = k.lesson_id AND p.item_id = k.item_id",
            )
            .await?;
        for row in transaction
            .query(
                &item_rows,
                &[&actor_keys, &course_ids, &lesson_ids, &item_ids],
            )
            .await?
        {
            current.entry(row.try_get(0)?).or_default().items.insert(
                ItemKey {
                    course_id: row.try_get(1)?,
                    lesson_id: row.try_get(2)?,
                    item_id: row.try_get(3)?,
                },
                tally(row.try_get(4)?, row.try_get(5)?)?,
            );
        }
    }
    for (actor_key, report) in &added {
        current.entry(actor_key.clone()).or_default().merge(report);
    }
    write_rows(transaction, &current).await
}

/// Writes (inserting or replacing) every row of these actors' reports, lessons in one
/// statement and items in another.
async fn write_rows(
    transaction: &Transaction<'_>,
    reports: &BTreeMap<String, LearnerReport>,
) -> Result<(), StoreError> {
    let (mut actor_keys, mut course_ids, mut lesson_ids) = (Vec::new(), Vec::new(), Vec::new());
    let (mut latest, mut completed, mut best_scores) = (Vec::new(), Vec::new(), Vec::new());
    for (actor_key, report) in reports {
        for (key, lesson) in &report.lessons {
            actor_keys.push(actor_key.as_str());
            course_ids.push(key.course_id.as_str());
            lesson_ids.push(key.lesson_id.as_str());
            latest.push(lesson.latest_activity_ms);
            completed.push(lesson.completed);
            best_scores.push(lesson.best_score);
        }
    }
    if !actor_keys.is_empty() {
        let write_lessons = transaction
            .prepare_cached(
                "INSERT INTO progress_lessons \
                 (actor_key, course_id, lesson_id, latest_activity_ms, completed, best_score) \
                 SELECT * FROM UNNEST($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::BIGINT[], \
                 $5::BOOLEAN[], $6::DOUBLE PRECISION[]) \
                 ON CONFLICT (actor_key, course_id, lesson_id) DO UPDATE SET \
                 latest_activity_ms = excluded.latest_activity_ms, \
                 completed = excluded.completed, best_score = excluded.best_score",
            )
            .await?;
        transaction
            .execute(
                &write_lessons,
                &[
                    &actor_keys,
                    &course_ids,
                    &lesson_ids,
                    &latest,
                    &completed,
                    &best_scores,
                ],
            )
            .await?;
    }
    let (mut actor_keys, mut course_ids, mut lesson_ids, mut item_ids) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut attempts, mut wrong) = (Vec::new(), Vec::new());
    for (actor_key, report) in reports {
        for (key, item) in &report.items {
            actor_keys.push(actor_key.as_str());
            course_ids.push(key.course_id.as_str());
            lesson_ids.push(key.lesson_id.as_str());
            item_ids.push(key.item_id.as_str());
            attempts.push(count_value(item.attempts));
            wrong.push(count_value(item.wrong));
        }
    }
    if !actor_keys.is_empty() {
        let write_items = transaction
            .prepare_cached(
                "INSERT INTO progress_items \
                 (actor_key, course_id, lesson_id, item_id, attempts, wrong) \
                 SELECT * FROM UNNEST($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], \
                 $5::BIGINT[], $6::BIGINT[]) \
                 ON CONFLICT (actor_key, course_id, lesson_id, item_id) DO UPDATE SET \
                 attempts = excluded.attempts, wrong = excluded.wrong",
            )
            .await?;
        transaction
            .execute(
                &write_items,
                &[
                    &actor_keys,
                    &course_ids,
                    &lesson_ids,
                    &item_ids,
                    &attempts,
                    &wrong,
                ],
            )
            .await?;
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
    write_rows(
        transaction,
        &BTreeMap::from([(actor_key.to_owned(), report)]),
    )
    .await
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
