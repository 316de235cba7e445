//! Sites on SQLite (see `store/sites.rs`; PostgreSQL's are in `postgres/sites.rs`).

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::rows::is_unique_violation;
use super::SqliteStore;
use crate::store::sites::{assemble, row_values, SiteRecord, SiteRole};
use crate::store::StoreError;

pub(super) fn sites(store: &SqliteStore) -> Result<Vec<SiteRecord>, StoreError> {
    store.read(|connection| {
        let transaction = connection.unchecked_transaction()?;
        let sites = transaction
            .prepare("SELECT id, name_json, all_courses FROM sites ORDER BY id")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let hosts = transaction
            .prepare("SELECT site_id, host FROM site_hosts")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let courses = transaction
            .prepare("SELECT site_id, course_id FROM site_courses")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let featured = transaction
            .prepare("SELECT site_id, position, course_id FROM site_featured")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        assemble(sites, hosts, courses, featured)
    })
}

pub(super) fn set_featured(
    store: &SqliteStore,
    site_id: &str,
    featured: &[String],
) -> Result<bool, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    let exists = transaction
        .query_row("SELECT 1 FROM sites WHERE id = ?1", [site_id], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return Ok(false);
    }
    transaction.execute("DELETE FROM site_featured WHERE site_id = ?1", [site_id])?;
    for (position, course_id) in featured.iter().enumerate() {
        transaction.execute(
            "INSERT INTO site_featured (site_id, position, course_id) VALUES (?1, ?2, ?3)",
            params![site_id, position as i64, course_id],
        )?;
    }
    transaction.commit()?;
    Ok(true)
}

pub(super) fn put_site(store: &SqliteStore, site: &SiteRecord) -> Result<(), StoreError> {
    let (name_json, all_courses, course_ids) = row_values(site);
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    transaction.execute(
        "INSERT INTO sites (id, name_json, all_courses) VALUES (?1, ?2, ?3) \
         ON CONFLICT (id) DO UPDATE SET name_json = excluded.name_json, \
         all_courses = excluded.all_courses",
        params![site.id, name_json, all_courses],
    )?;
    transaction.execute("DELETE FROM site_hosts WHERE site_id = ?1", [&site.id])?;
    transaction.execute("DELETE FROM site_courses WHERE site_id = ?1", [&site.id])?;
    for host in &site.hosts {
        let inserted = transaction.execute(
            "INSERT INTO site_hosts (host, site_id) VALUES (?1, ?2)",
            params![host, site.id],
        );
        match inserted {
            Ok(_) => {}
            Err(error) if is_unique_violation(&error) => {
                let owner: String = transaction.query_row(
                    "SELECT site_id FROM site_hosts WHERE host = ?1",
                    [host],
                    |row| row.get(0),
                )?;
                return Err(StoreError::HostTaken {
                    host: host.clone(),
                    site: owner,
                });
            }
            Err(error) => return Err(error.into()),
        }
    }
    for course_id in &course_ids {
        transaction.execute(
            "INSERT INTO site_courses (site_id, course_id) VALUES (?1, ?2)",
            params![site.id, course_id],
        )?;
    }
    transaction.commit()?;
    Ok(())
}

pub(super) fn delete_site(store: &SqliteStore, id: &str) -> Result<bool, StoreError> {
    let connection = store.lock();
    Ok(connection.execute("DELETE FROM sites WHERE id = ?1", [id])? > 0)
}

pub(super) fn site_role(
    store: &SqliteStore,
    site_id: &str,
    account_id: Uuid,
) -> Result<Option<SiteRole>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                "SELECT role FROM site_staff WHERE site_id = ?1 AND account_id = ?2",
                params![site_id, account_id.to_string()],
                |row| row.get::<_, String>(0),
            )
            .optional()?
            .map(|role| SiteRole::read(&role))
            .transpose()
    })
}

pub(super) fn set_site_role(
    store: &SqliteStore,
    site_id: &str,
    account_id: Uuid,
    role: Option<SiteRole>,
) -> Result<(), StoreError> {
    let connection = store.lock();
    match role {
        Some(role) => connection.execute(
            "INSERT INTO site_staff (site_id, account_id, role) VALUES (?1, ?2, ?3) \
             ON CONFLICT (site_id, account_id) DO UPDATE SET role = excluded.role",
            params![site_id, account_id.to_string(), role.as_str()],
        )?,
        None => connection.execute(
            "DELETE FROM site_staff WHERE site_id = ?1 AND account_id = ?2",
            params![site_id, account_id.to_string()],
        )?,
    };
    Ok(())
}

pub(super) fn site_staff(
    store: &SqliteStore,
    site_id: &str,
) -> Result<Vec<(Uuid, String, SiteRole)>, StoreError> {
    store.read(|connection| {
        let rows = connection
            .prepare(
                "SELECT a.id, a.username, s.role FROM site_staff s \
                 JOIN accounts a ON a.id = s.account_id WHERE s.site_id = ?1 \
                 ORDER BY a.username",
            )?
            .query_map([site_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, username, role)| {
                Ok((
                    super::rows::parse_uuid(&id)?,
                    username,
                    SiteRole::read(&role)?,
                ))
            })
            .collect()
    })
}

pub(super) fn learners_of_site(
    store: &SqliteStore,
    site_id: &str,
) -> Result<Vec<Uuid>, StoreError> {
    store.read(|connection| {
        let ids = connection
            .prepare("SELECT DISTINCT learner_id FROM class_members WHERE site_id = ?1")?
            .query_map([site_id], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        ids.iter().map(|id| super::rows::parse_uuid(id)).collect()
    })
}

pub(super) fn adopt_classes(store: &SqliteStore, site_id: &str) -> Result<usize, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    transaction.execute(
        "INSERT INTO site_staff (site_id, account_id, role) \
         SELECT DISTINCT ?1, teacher_id, 'teacher' FROM classes WHERE site_id IS NULL \
         ON CONFLICT (site_id, account_id) DO NOTHING",
        [site_id],
    )?;
    transaction.execute(
        "INSERT INTO site_staff (site_id, account_id, role) \
         SELECT DISTINCT ?1, t.teacher_id, 'teacher' FROM class_teachers t \
         JOIN classes c ON c.id = t.class_id WHERE c.site_id IS NULL AND t.site_id IS NULL \
         ON CONFLICT (site_id, account_id) DO NOTHING",
        [site_id],
    )?;
    for table in ["class_members", "class_teachers"] {
        transaction.execute(
            &format!(
                "UPDATE {table} SET site_id = ?1 WHERE site_id IS NULL \
                 AND class_id IN (SELECT id FROM classes WHERE site_id IS NULL)"
            ),
            [site_id],
        )?;
    }
    let moved = transaction.execute(
        "UPDATE classes SET site_id = ?1 WHERE site_id IS NULL",
        [site_id],
    )?;
    transaction.commit()?;
    Ok(moved)
}
