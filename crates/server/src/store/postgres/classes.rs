//! Classes on PostgreSQL: classes, their join codes and members, and assignments (see
//! [`Store`](crate::store::Store) for what each promises; SQLite's are in `sqlite.rs`).

use uuid::Uuid;

use super::rows::{
    assignment_from_row, assignment_lists, class_from_row, micros, parse_uuid, query_classes,
    ASSIGNMENT_COLUMNS, CLASS_COLUMNS,
};
use super::{is_unique_violation, PostgresStore};
use crate::store::{
    AssignmentRecord, ClassMemberRecord, ClassRecord, ClassTeacherRecord, StoreError,
};

pub(super) fn create_class(store: &PostgresStore, class: &ClassRecord) -> Result<(), StoreError> {
    let class = class.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let inserted = client
            .execute(
                "INSERT INTO classes (id, teacher_id, name, join_code, created_at, site_id) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &class.id.to_string(),
                    &class.teacher_id.to_string(),
                    &class.name,
                    &class.join_code,
                    &class.created_at.to_rfc3339(),
                    &class.site_id,
                ],
            )
            .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
            Err(error) => Err(error.into()),
        }
    })
}

pub(super) fn class_by_join_code(
    store: &PostgresStore,
    join_code: &str,
) -> Result<Option<ClassRecord>, StoreError> {
    let join_code = join_code.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_opt(
                &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.join_code = $1"),
                &[&join_code],
            )
            .await?;
        row.as_ref().map(class_from_row).transpose()
    })
}

pub(super) fn add_class_member(
    store: &PostgresStore,
    class_id: Uuid,
    learner_id: Uuid,
    site_id: Option<&str>,
) -> Result<(), StoreError> {
    let site_id = site_id.map(str::to_owned);
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .execute(
                "INSERT INTO class_members \
                 (class_id, learner_id, joined_after_sequence, site_id) \
                 VALUES ($1, $2, (SELECT COALESCE(MAX(sequence), 0) FROM statements), $3) \
                 ON CONFLICT DO NOTHING",
                &[&class_id.to_string(), &learner_id.to_string(), &site_id],
            )
            .await?;
        Ok(())
    })
}

pub(super) fn learners_of_teacher(
    store: &PostgresStore,
    teacher_id: Uuid,
) -> Result<Vec<Uuid>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let rows = client
            .query(
                "SELECT DISTINCT m.learner_id FROM class_members m \
                 JOIN classes c ON c.id = m.class_id WHERE c.teacher_id = $1 \
                 OR c.id IN (SELECT t.class_id FROM class_teachers t WHERE t.teacher_id = $1)",
                &[&teacher_id.to_string()],
            )
            .await?;
        rows.iter()
            .map(|row| parse_uuid(&row.try_get::<_, String>(0)?))
            .collect()
    })
}

pub(super) fn class_by_id(
    store: &PostgresStore,
    class_id: Uuid,
) -> Result<Option<ClassRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_opt(
                &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.id = $1"),
                &[&class_id.to_string()],
            )
            .await?;
        row.as_ref().map(class_from_row).transpose()
    })
}

pub(super) fn classes_of_teacher(
    store: &PostgresStore,
    teacher_id: Uuid,
) -> Result<Vec<ClassRecord>, StoreError> {
    store.run(|pool| async move {
        query_classes(
            &pool,
            &format!(
                "SELECT {CLASS_COLUMNS} FROM classes c WHERE c.teacher_id = $1 \
                 OR c.id IN (SELECT t.class_id FROM class_teachers t WHERE t.teacher_id = $1) \
                 ORDER BY c.created_at, c.id"
            ),
            teacher_id.to_string(),
        )
        .await
    })
}

pub(super) fn classes_of_learner(
    store: &PostgresStore,
    learner_id: Uuid,
) -> Result<Vec<ClassRecord>, StoreError> {
    store.run(|pool| async move {
        query_classes(
            &pool,
            &format!(
                "SELECT {CLASS_COLUMNS} FROM classes c \
                 JOIN class_members m ON m.class_id = c.id WHERE m.learner_id = $1 \
                 ORDER BY c.created_at, c.id"
            ),
            learner_id.to_string(),
        )
        .await
    })
}

pub(super) fn class_members(
    store: &PostgresStore,
    class_id: Uuid,
) -> Result<Vec<ClassMemberRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let rows = client
            .query(
                "SELECT a.id, a.username, m.joined_after_sequence, m.site_id \
                 FROM class_members m \
                 JOIN accounts a ON a.id = m.learner_id \
                 WHERE m.class_id = $1 ORDER BY a.username",
                &[&class_id.to_string()],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(ClassMemberRecord {
                    learner_id: parse_uuid(&row.try_get::<_, String>(0)?)?,
                    username: row.try_get(1)?,
                    joined_after_sequence: row.try_get(2)?,
                    site_id: row.try_get(3)?,
                })
            })
            .collect()
    })
}

pub(super) fn class_member_count(
    store: &PostgresStore,
    class_id: Uuid,
) -> Result<usize, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_one(
                "SELECT COUNT(*) FROM class_members m \
                 JOIN accounts a ON a.id = m.learner_id WHERE m.class_id = $1",
                &[&class_id.to_string()],
            )
            .await?;
        Ok(usize::try_from(row.try_get::<_, i64>(0)?).unwrap_or(0))
    })
}

pub(super) fn remove_class_member(
    store: &PostgresStore,
    class_id: Uuid,
    learner_id: Uuid,
) -> Result<bool, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let deleted = client
            .execute(
                "DELETE FROM class_members WHERE class_id = $1 AND learner_id = $2",
                &[&class_id.to_string(), &learner_id.to_string()],
            )
            .await?;
        Ok(deleted > 0)
    })
}

pub(super) fn rename_class(
    store: &PostgresStore,
    class_id: Uuid,
    name: &str,
) -> Result<bool, StoreError> {
    let name = name.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let updated = client
            .execute(
                "UPDATE classes SET name = $2 WHERE id = $1",
                &[&class_id.to_string(), &name],
            )
            .await?;
        Ok(updated > 0)
    })
}

pub(super) fn set_join_code(
    store: &PostgresStore,
    class_id: Uuid,
    join_code: &str,
) -> Result<bool, StoreError> {
    let join_code = join_code.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        match client
            .execute(
                "UPDATE classes SET join_code = $2 WHERE id = $1",
                &[&class_id.to_string(), &join_code],
            )
            .await
        {
            Ok(updated) => Ok(updated > 0),
            Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
            Err(error) => Err(error.into()),
        }
    })
}

pub(super) fn class_by_teacher_code(
    store: &PostgresStore,
    code: &str,
) -> Result<Option<ClassRecord>, StoreError> {
    let code = code.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_opt(
                &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.teacher_code = $1"),
                &[&code],
            )
            .await?;
        row.as_ref().map(class_from_row).transpose()
    })
}

pub(super) fn set_teacher_code(
    store: &PostgresStore,
    class_id: Uuid,
    code: Option<&str>,
) -> Result<bool, StoreError> {
    let code = code.map(str::to_owned);
    store.run(|pool| async move {
        let client = pool.get().await?;
        match client
            .execute(
                "UPDATE classes SET teacher_code = $2 WHERE id = $1",
                &[&class_id.to_string(), &code],
            )
            .await
        {
            Ok(updated) => Ok(updated > 0),
            Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
            Err(error) => Err(error.into()),
        }
    })
}

pub(super) fn add_class_teacher(
    store: &PostgresStore,
    class_id: Uuid,
    teacher_id: Uuid,
    site_id: Option<&str>,
) -> Result<(), StoreError> {
    let site_id = site_id.map(str::to_owned);
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .execute(
                "INSERT INTO class_teachers (class_id, teacher_id, site_id) VALUES ($1, $2, $3) \
                 ON CONFLICT (class_id, teacher_id) DO UPDATE SET site_id = excluded.site_id",
                &[&class_id.to_string(), &teacher_id.to_string(), &site_id],
            )
            .await?;
        Ok(())
    })
}

pub(super) fn remove_class_teacher(
    store: &PostgresStore,
    class_id: Uuid,
    teacher_id: Uuid,
) -> Result<bool, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let deleted = client
            .execute(
                "DELETE FROM class_teachers WHERE class_id = $1 AND teacher_id = $2",
                &[&class_id.to_string(), &teacher_id.to_string()],
            )
            .await?;
        Ok(deleted > 0)
    })
}

pub(super) fn class_teachers(
    store: &PostgresStore,
    class_id: Uuid,
) -> Result<Vec<ClassTeacherRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let rows = client
            .query(
                "SELECT a.id, a.username, t.site_id FROM class_teachers t \
                 JOIN accounts a ON a.id = t.teacher_id \
                 WHERE t.class_id = $1 ORDER BY a.username",
                &[&class_id.to_string()],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(ClassTeacherRecord {
                    teacher_id: parse_uuid(&row.try_get::<_, String>(0)?)?,
                    username: row.try_get(1)?,
                    site_id: row.try_get(2)?,
                })
            })
            .collect()
    })
}

pub(super) fn create_assignment(
    store: &PostgresStore,
    assignment: &AssignmentRecord,
) -> Result<(), StoreError> {
    let assignment = assignment.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let (lesson_ids, learner_ids) = assignment_lists(&assignment);
        let inserted = client
            .execute(
                &format!(
                    "INSERT INTO assignments ({ASSIGNMENT_COLUMNS}) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                ),
                &[
                    &assignment.id.to_string(),
                    &assignment.class_id.to_string(),
                    &assignment.assigned_by.to_string(),
                    &assignment.target.course_id,
                    &assignment.target.unit_id,
                    &assignment.target.lesson_id,
                    &lesson_ids,
                    &learner_ids,
                    &micros(assignment.due_at),
                    &assignment.note,
                    &micros(assignment.created_at),
                    &micros(assignment.updated_at),
                    &assignment.deleted_at.map(micros),
                ],
            )
            .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(error) if is_unique_violation(&error) => {
                Err(StoreError::AssignmentExists(assignment.id))
            }
            Err(error) => Err(error.into()),
        }
    })
}

pub(super) fn assignment_by_id(
    store: &PostgresStore,
    id: Uuid,
) -> Result<Option<AssignmentRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_opt(
                &format!("SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE id = $1"),
                &[&id.to_string()],
            )
            .await?;
        row.as_ref().map(assignment_from_row).transpose()
    })
}

pub(super) fn update_assignment(
    store: &PostgresStore,
    assignment: &AssignmentRecord,
) -> Result<bool, StoreError> {
    let assignment = assignment.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let (lesson_ids, learner_ids) = assignment_lists(&assignment);
        let updated = client
            .execute(
                "UPDATE assignments SET course_id = $2, unit_id = $3, lesson_id = $4, \
                 lesson_ids = $5, learner_ids = $6, due_at_micros = $7, note = $8, \
                 updated_at_micros = $9, deleted_at_micros = $10 WHERE id = $1",
                &[
                    &assignment.id.to_string(),
                    &assignment.target.course_id,
                    &assignment.target.unit_id,
                    &assignment.target.lesson_id,
                    &lesson_ids,
                    &learner_ids,
                    &micros(assignment.due_at),
                    &assignment.note,
                    &micros(assignment.updated_at),
                    &assignment.deleted_at.map(micros),
                ],
            )
            .await?;
        Ok(updated > 0)
    })
}

pub(super) fn assignments_of_class(
    store: &PostgresStore,
    class_id: Uuid,
) -> Result<Vec<AssignmentRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {ASSIGNMENT_COLUMNS} FROM assignments \
                     WHERE class_id = $1 AND deleted_at_micros IS NULL \
                     ORDER BY due_at_micros, created_at_micros, id"
                ),
                &[&class_id.to_string()],
            )
            .await?;
        rows.iter().map(assignment_from_row).collect()
    })
}
