//! Classes on SQLite: classes, their join codes and members, and assignments (see
//! [`Store`](crate::store::Store) for what each promises; PostgreSQL's are in
//! `postgres/classes.rs`).

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::rows::{
    assignment_from_row, assignment_lists, class_from_row, is_unique_violation, micros, parse_uuid,
    query_classes, read_assignment_row, read_class_row, ASSIGNMENT_COLUMNS, CLASS_COLUMNS,
};
use super::SqliteStore;
use crate::store::{
    AssignmentRecord, ClassMemberRecord, ClassRecord, ClassTeacherRecord, StoreError,
};

pub(super) fn create_class(store: &SqliteStore, class: &ClassRecord) -> Result<(), StoreError> {
    let connection = store.lock();
    let inserted = connection.execute(
        "INSERT INTO classes (id, teacher_id, name, join_code, created_at, site_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            class.id.to_string(),
            class.teacher_id.to_string(),
            class.name,
            class.join_code,
            class.created_at.to_rfc3339(),
            class.site_id,
        ],
    );
    match inserted {
        Ok(_) => Ok(()),
        Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
        Err(error) => Err(error.into()),
    }
}

pub(super) fn class_by_join_code(
    store: &SqliteStore,
    join_code: &str,
) -> Result<Option<ClassRecord>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.join_code = ?1"),
                [join_code],
                read_class_row,
            )
            .optional()?
            .map(class_from_row)
            .transpose()
    })
}

pub(super) fn add_class_member(
    store: &SqliteStore,
    class_id: Uuid,
    learner_id: Uuid,
    site_id: Option<&str>,
) -> Result<(), StoreError> {
    let connection = store.lock();
    connection.execute(
        "INSERT OR IGNORE INTO class_members \
         (class_id, learner_id, joined_after_sequence, site_id) \
         VALUES (?1, ?2, (SELECT COALESCE(MAX(sequence), 0) FROM statements), ?3)",
        params![class_id.to_string(), learner_id.to_string(), site_id],
    )?;
    Ok(())
}

pub(super) fn learners_of_teacher(
    store: &SqliteStore,
    teacher_id: Uuid,
) -> Result<Vec<Uuid>, StoreError> {
    store.read(|connection| {
        let mut statement = connection.prepare_cached(
            "SELECT DISTINCT m.learner_id FROM class_members m \
             JOIN classes c ON c.id = m.class_id WHERE c.teacher_id = ?1 \
             OR c.id IN (SELECT t.class_id FROM class_teachers t WHERE t.teacher_id = ?1)",
        )?;
        let ids = statement
            .query_map([teacher_id.to_string()], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        ids.iter().map(|id| parse_uuid(id)).collect()
    })
}

pub(super) fn class_by_id(
    store: &SqliteStore,
    class_id: Uuid,
) -> Result<Option<ClassRecord>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.id = ?1"),
                [class_id.to_string()],
                read_class_row,
            )
            .optional()?
            .map(class_from_row)
            .transpose()
    })
}

pub(super) fn classes_of_teacher(
    store: &SqliteStore,
    teacher_id: Uuid,
) -> Result<Vec<ClassRecord>, StoreError> {
    store.read(|connection| {
        query_classes(
            connection,
            &format!(
                "SELECT {CLASS_COLUMNS} FROM classes c WHERE c.teacher_id = ?1 \
                 OR c.id IN (SELECT t.class_id FROM class_teachers t WHERE t.teacher_id = ?1) \
                 ORDER BY c.created_at, c.id"
            ),
            teacher_id.to_string(),
        )
    })
}

pub(super) fn classes_of_learner(
    store: &SqliteStore,
    learner_id: Uuid,
) -> Result<Vec<ClassRecord>, StoreError> {
    store.read(|connection| {
        query_classes(
            connection,
            &format!(
                "SELECT {CLASS_COLUMNS} FROM classes c \
                 JOIN class_members m ON m.class_id = c.id WHERE m.learner_id = ?1 \
                 ORDER BY c.created_at, c.id"
            ),
            learner_id.to_string(),
        )
    })
}

pub(super) fn class_members(
    store: &SqliteStore,
    class_id: Uuid,
) -> Result<Vec<ClassMemberRecord>, StoreError> {
    store.read(|connection| {
        let mut statement = connection.prepare_cached(
            "SELECT a.id, a.username, m.joined_after_sequence, m.site_id FROM class_members m \
             JOIN accounts a ON a.id = m.learner_id \
             WHERE m.class_id = ?1 ORDER BY a.username",
        )?;
        let rows = statement
            .query_map([class_id.to_string()], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, username, joined_after_sequence, site_id)| {
                Ok(ClassMemberRecord {
                    learner_id: parse_uuid(&id)?,
                    username,
                    joined_after_sequence,
                    site_id,
                })
            })
            .collect()
    })
}

pub(super) fn class_member_count(store: &SqliteStore, class_id: Uuid) -> Result<usize, StoreError> {
    store.read(|connection| {
        let count: i64 = connection.query_row(
            "SELECT COUNT(*) FROM class_members m JOIN accounts a ON a.id = m.learner_id \
             WHERE m.class_id = ?1",
            [class_id.to_string()],
            |row| row.get(0),
        )?;
        Ok(usize::try_from(count).unwrap_or(0))
    })
}

pub(super) fn remove_class_member(
    store: &SqliteStore,
    class_id: Uuid,
    learner_id: Uuid,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    let deleted = connection.execute(
        "DELETE FROM class_members WHERE class_id = ?1 AND learner_id = ?2",
        params![class_id.to_string(), learner_id.to_string()],
    )?;
    Ok(deleted > 0)
}

pub(super) fn rename_class(
    store: &SqliteStore,
    class_id: Uuid,
    name: &str,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    let updated = connection.execute(
        "UPDATE classes SET name = ?2 WHERE id = ?1",
        params![class_id.to_string(), name],
    )?;
    Ok(updated > 0)
}

pub(super) fn set_join_code(
    store: &SqliteStore,
    class_id: Uuid,
    join_code: &str,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    match connection.execute(
        "UPDATE classes SET join_code = ?2 WHERE id = ?1",
        params![class_id.to_string(), join_code],
    ) {
        Ok(updated) => Ok(updated > 0),
        Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
        Err(error) => Err(error.into()),
    }
}

pub(super) fn class_by_teacher_code(
    store: &SqliteStore,
    code: &str,
) -> Result<Option<ClassRecord>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.teacher_code = ?1"),
                [code],
                read_class_row,
            )
            .optional()?
            .map(class_from_row)
            .transpose()
    })
}

pub(super) fn set_teacher_code(
    store: &SqliteStore,
    class_id: Uuid,
    code: Option<&str>,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    match connection.execute(
        "UPDATE classes SET teacher_code = ?2 WHERE id = ?1",
        params![class_id.to_string(), code],
    ) {
        Ok(updated) => Ok(updated > 0),
        Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
        Err(error) => Err(error.into()),
    }
}

pub(super) fn add_class_teacher(
    store: &SqliteStore,
    class_id: Uuid,
    teacher_id: Uuid,
    site_id: Option<&str>,
) -> Result<(), StoreError> {
    let connection = store.lock();
    connection.execute(
        "INSERT INTO class_teachers (class_id, teacher_id, site_id) VALUES (?1, ?2, ?3) \
         ON CONFLICT (class_id, teacher_id) DO UPDATE SET site_id = excluded.site_id",
        params![class_id.to_string(), teacher_id.to_string(), site_id],
    )?;
    Ok(())
}

pub(super) fn remove_class_teacher(
    store: &SqliteStore,
    class_id: Uuid,
    teacher_id: Uuid,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    let deleted = connection.execute(
        "DELETE FROM class_teachers WHERE class_id = ?1 AND teacher_id = ?2",
        params![class_id.to_string(), teacher_id.to_string()],
    )?;
    Ok(deleted > 0)
}

pub(super) fn class_teachers(
    store: &SqliteStore,
    class_id: Uuid,
) -> Result<Vec<ClassTeacherRecord>, StoreError> {
    store.read(|connection| {
        let mut statement = connection.prepare_cached(
            "SELECT a.id, a.username, t.site_id FROM class_teachers t \
             JOIN accounts a ON a.id = t.teacher_id \
             WHERE t.class_id = ?1 ORDER BY a.username",
        )?;
        let rows = statement
            .query_map([class_id.to_string()], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, username, site_id)| {
                Ok(ClassTeacherRecord {
                    teacher_id: parse_uuid(&id)?,
                    username,
                    site_id,
                })
            })
            .collect()
    })
}

pub(super) fn create_assignment(
    store: &SqliteStore,
    assignment: &AssignmentRecord,
) -> Result<(), StoreError> {
    let connection = store.lock();
    let (lesson_ids, learner_ids) = assignment_lists(assignment);
    let inserted = connection.execute(
        &format!(
            "INSERT INTO assignments ({ASSIGNMENT_COLUMNS}) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        ),
        params![
            assignment.id.to_string(),
            assignment.class_id.to_string(),
            assignment.assigned_by.to_string(),
            assignment.target.course_id,
            assignment.target.unit_id,
            assignment.target.lesson_id,
            lesson_ids,
            learner_ids,
            micros(assignment.due_at),
            assignment.note,
            micros(assignment.created_at),
            micros(assignment.updated_at),
            assignment.deleted_at.map(micros),
        ],
    );
    match inserted {
        Ok(_) => Ok(()),
        Err(error) if is_unique_violation(&error) => {
            Err(StoreError::AssignmentExists(assignment.id))
        }
        Err(error) => Err(error.into()),
    }
}

pub(super) fn assignment_by_id(
    store: &SqliteStore,
    id: Uuid,
) -> Result<Option<AssignmentRecord>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                &format!("SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE id = ?1"),
                [id.to_string()],
                read_assignment_row,
            )
            .optional()?
            .map(assignment_from_row)
            .transpose()
    })
}

pub(super) fn update_assignment(
    store: &SqliteStore,
    assignment: &AssignmentRecord,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    let (lesson_ids, learner_ids) = assignment_lists(assignment);
    let updated = connection.execute(
        "UPDATE assignments SET course_id = ?2, unit_id = ?3, lesson_id = ?4, \
         lesson_ids = ?5, learner_ids = ?6, due_at_micros = ?7, note = ?8, \
         updated_at_micros = ?9, deleted_at_micros = ?10 WHERE id = ?1",
        params![
            assignment.id.to_string(),
            assignment.target.course_id,
            assignment.target.unit_id,
            assignment.target.lesson_id,
            lesson_ids,
            learner_ids,
            micros(assignment.due_at),
            assignment.note,
            micros(assignment.updated_at),
            assignment.deleted_at.map(micros),
        ],
    )?;
    Ok(updated > 0)
}

pub(super) fn assignments_of_class(
    store: &SqliteStore,
    class_id: Uuid,
) -> Result<Vec<AssignmentRecord>, StoreError> {
    store.read(|connection| {
        let mut statement = connection.prepare_cached(&format!(
            "SELECT {ASSIGNMENT_COLUMNS} FROM assignments \
             WHERE class_id = ?1 AND deleted_at_micros IS NULL \
             ORDER BY due_at_micros, created_at_micros, id"
        ))?;
        let rows = statement
            .query_map([class_id.to_string()], read_assignment_row)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(assignment_from_row).collect()
    })
}
