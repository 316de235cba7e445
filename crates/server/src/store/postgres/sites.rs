//! Sites on PostgreSQL (see `store/sites.rs`; SQLite's are in `sqlite/sites.rs`).

use super::{is_unique_violation, PostgresStore};
use uuid::Uuid;

use crate::store::sites::{assemble, row_values, SiteRecord, SiteRole};
use crate::store::StoreError;

pub(super) fn sites(store: &PostgresStore) -> Result<Vec<SiteRecord>, StoreError> {
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        // One snapshot for the three reads, so a site is never read half replaced.
        let transaction = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let sites = transaction
            .query(
                "SELECT id, name_json, all_courses FROM sites ORDER BY id",
                &[],
            )
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1), row.get(2)))
            .collect();
        let hosts = transaction
            .query("SELECT site_id, host FROM site_hosts", &[])
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
        let courses = transaction
            .query("SELECT site_id, course_id FROM site_courses", &[])
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
        let featured = transaction
            .query(
                "SELECT site_id, position, course_id FROM site_featured",
                &[],
            )
            .await?
            .iter()
            .map(|row| (row.get(0), i64::from(row.get::<_, i32>(1)), row.get(2)))
            .collect();
        transaction.commit().await?;
        assemble(sites, hosts, courses, featured)
    })
}

pub(super) fn set_featured(
    store: &PostgresStore,
    site_id: &str,
    featured: &[String],
) -> Result<bool, StoreError> {
    let site_id = site_id.to_owned();
    let featured = featured.to_vec();
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        // Locks the site's row: a concurrent change of the same site waits for this one.
        let exists = transaction
            .query_opt("SELECT 1 FROM sites WHERE id = $1 FOR UPDATE", &[&site_id])
            .await?
            .is_some();
        if !exists {
            return Ok(false);
        }
        transaction
            .execute("DELETE FROM site_featured WHERE site_id = $1", &[&site_id])
            .await?;
        for (position, course_id) in featured.iter().enumerate() {
            // At most core's HOME_COURSES entries: the position fits.
            let position = i32::try_from(position).unwrap_or(i32::MAX);
            transaction
                .execute(
                    "INSERT INTO site_featured (site_id, position, course_id) VALUES ($1, $2, $3)",
                    &[&site_id, &position, course_id],
                )
                .await?;
        }
        transaction.commit().await?;
        Ok(true)
    })
}

pub(super) fn put_site(store: &PostgresStore, site: &SiteRecord) -> Result<(), StoreError> {
    let site = site.clone();
    store.run(|pool| async move {
        let (name_json, all_courses, course_ids) = row_values(&site);
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        transaction
            .execute(
                "INSERT INTO sites (id, name_json, all_courses) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO UPDATE SET name_json = excluded.name_json, \
                 all_courses = excluded.all_courses",
                &[&site.id, &name_json, &all_courses],
            )
            .await?;
        transaction
            .execute("DELETE FROM site_hosts WHERE site_id = $1", &[&site.id])
            .await?;
        transaction
            .execute("DELETE FROM site_courses WHERE site_id = $1", &[&site.id])
            .await?;
        for host in &site.hosts {
            let inserted = transaction
                .execute(
                    "INSERT INTO site_hosts (host, site_id) VALUES ($1, $2)",
                    &[host, &site.id],
                )
                .await;
            match inserted {
                Ok(_) => {}
                Err(error) if is_unique_violation(&error) => {
                    // The transaction is aborted; the owner is read outside it.
                    drop(transaction);
                    let owner: String = client
                        .query_one("SELECT site_id FROM site_hosts WHERE host = $1", &[host])
                        .await?
                        .get(0);
                    return Err(StoreError::HostTaken {
                        host: host.clone(),
                        site: owner,
                    });
                }
                Err(error) => return Err(error.into()),
            }
        }
        if !course_ids.is_empty() {
            transaction
                .execute(
                    "INSERT INTO site_courses (site_id, course_id) \
                     SELECT $1, course_id FROM UNNEST($2::text[]) AS course_id",
                    &[&site.id, &course_ids],
                )
                .await?;
        }
        transaction.commit().await?;
        Ok(())
    })
}

pub(super) fn delete_site(store: &PostgresStore, id: &str) -> Result<bool, StoreError> {
    let id = id.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        Ok(client
            .execute("DELETE FROM sites WHERE id = $1", &[&id])
            .await?
            > 0)
    })
}

pub(super) fn site_role(
    store: &PostgresStore,
    site_id: &str,
    account_id: Uuid,
) -> Result<Option<SiteRole>, StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query_opt(
                "SELECT role FROM site_staff WHERE site_id = $1 AND account_id = $2",
                &[&site_id, &account_id.to_string()],
            )
            .await?
            .map(|row| SiteRole::read(&row.try_get::<_, String>(0)?))
            .transpose()
    })
}

pub(super) fn set_site_role(
    store: &PostgresStore,
    site_id: &str,
    account_id: Uuid,
    role: Option<SiteRole>,
) -> Result<(), StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        match role {
            Some(role) => {
                client
                    .execute(
                        "INSERT INTO site_staff (site_id, account_id, role) VALUES ($1, $2, $3) \
                         ON CONFLICT (site_id, account_id) DO UPDATE SET role = excluded.role",
                        &[&site_id, &account_id.to_string(), &role.as_str()],
                    )
                    .await?
            }
            None => {
                client
                    .execute(
                        "DELETE FROM site_staff WHERE site_id = $1 AND account_id = $2",
                        &[&site_id, &account_id.to_string()],
                    )
                    .await?
            }
        };
        Ok(())
    })
}

pub(super) fn site_staff(
    store: &PostgresStore,
    site_id: &str,
) -> Result<Vec<(Uuid, String, SiteRole)>, StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query(
                "SELECT a.id, a.username, s.role FROM site_staff s \
                 JOIN accounts a ON a.id = s.account_id WHERE s.site_id = $1 \
                 ORDER BY a.username",
                &[&site_id],
            )
            .await?
            .iter()
            .map(|row| {
                Ok((
                    super::rows::parse_uuid(&row.try_get::<_, String>(0)?)?,
                    row.try_get(1)?,
                    SiteRole::read(&row.try_get::<_, String>(2)?)?,
                ))
            })
            .collect()
    })
}

pub(super) fn learners_of_site(
    store: &PostgresStore,
    site_id: &str,
) -> Result<Vec<Uuid>, StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query(
                "SELECT DISTINCT learner_id FROM class_members WHERE site_id = $1",
                &[&site_id],
            )
            .await?
            .iter()
            .map(|row| super::rows::parse_uuid(&row.try_get::<_, String>(0)?))
            .collect()
    })
}

pub(super) fn adopt_classes(store: &PostgresStore, site_id: &str) -> Result<usize, StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        transaction
            .execute(
                "INSERT INTO site_staff (site_id, account_id, role) \
                 SELECT DISTINCT $1::text, teacher_id, 'teacher' FROM classes \
                 WHERE site_id IS NULL ON CONFLICT (site_id, account_id) DO NOTHING",
                &[&site_id],
            )
            .await?;
        transaction
            .execute(
                "INSERT INTO site_staff (site_id, account_id, role) \
                 SELECT DISTINCT $1::text, t.teacher_id, 'teacher' FROM class_teachers t \
                 JOIN classes c ON c.id = t.class_id WHERE c.site_id IS NULL \
                 AND t.site_id IS NULL ON CONFLICT (site_id, account_id) DO NOTHING",
                &[&site_id],
            )
            .await?;
        for table in ["class_members", "class_teachers"] {
            transaction
                .execute(
                    &format!(
                        "UPDATE {table} SET site_id = $1 WHERE site_id IS NULL \
                         AND class_id IN (SELECT id FROM classes WHERE site_id IS NULL)"
                    ),
                    &[&site_id],
                )
                .await?;
        }
        let moved = transaction
            .execute(
                "UPDATE classes SET site_id = $1 WHERE site_id IS NULL",
                &[&site_id],
            )
            .await?;
        transaction.commit().await?;
        Ok(moved as usize)
    })
}
