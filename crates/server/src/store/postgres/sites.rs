//! Sites on PostgreSQL (see `store/sites.rs`; SQLite's are in `sqlite/sites.rs`).

use super::{is_unique_violation, PostgresStore};
use crate::store::sites::{assemble, row_values, SiteRecord};
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
            .query("SELECT id, name_json, all_courses FROM sites ORDER BY id", &[])
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
        transaction.commit().await?;
        assemble(sites, hosts, courses)
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
