//! Enrolment on PostgreSQL (see `store/enrolment.rs`; SQLite's is `sqlite/enrolment.rs`).

use baeum_core::records::enrolment::{
    apply_change, ApplicationChange, ApplicationState, Enrolment, EnrolmentError, EnrolmentMode,
};
use chrono::{DateTime, Utc};
use tokio_postgres::Row;
use uuid::Uuid;

use super::rows::{from_micros, micros, parse_uuid};
use super::PostgresStore;
use crate::store::enrolment::enrolment_of_row;
use crate::store::{ApplicationOwner, ApplicationRecord, Applied, StoreError};

const COLUMNS: &str =
    "id, account_id, site_id, course_id, state, reason, applied_micros, decided_micros";

fn application_record(row: &Row) -> Result<ApplicationRecord, StoreError> {
    let state: String = row.get(4);
    Ok(ApplicationRecord {
        id: parse_uuid(row.get(0))?,
        account_id: parse_uuid(row.get(1))?,
        site_id: row.get(2),
        course_id: row.get(3),
        state: ApplicationState::from_name(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("application state {state:?}")))?,
        reason: row.get(5),
        applied_at: from_micros(row.get(6))?,
        decided_at: row.get::<_, Option<i64>>(7).map(from_micros).transpose()?,
    })
}

pub(super) fn enrolments_of_site(
    store: &PostgresStore,
    site_id: &str,
) -> Result<Vec<(String, Enrolment)>, StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query(
                "SELECT course_id, mode, capacity FROM site_enrolment WHERE site_id = $1 \
                 ORDER BY course_id",
                &[&site_id],
            )
            .await?
            .iter()
            .map(|row| {
                let course: String = row.get(0);
                let enrolment = enrolment_of_row(&site_id, &course, row.get(1), row.get(2))?;
                Ok((course, enrolment))
            })
            .collect()
    })
}

pub(super) fn set_enrolment(
    store: &PostgresStore,
    site_id: &str,
    course_id: &str,
    enrolment: &Enrolment,
) -> Result<(), StoreError> {
    let (site_id, course_id, enrolment) =
        (site_id.to_owned(), course_id.to_owned(), enrolment.clone());
    store.run(|pool| async move {
        let client = pool.get().await?;
        if enrolment.mode == EnrolmentMode::Open {
            client
                .execute(
                    "DELETE FROM site_enrolment WHERE site_id = $1 AND course_id = $2",
                    &[&site_id, &course_id],
                )
                .await?;
        } else {
            client
                .execute(
                    "INSERT INTO site_enrolment (site_id, course_id, mode, capacity) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (site_id, course_id) \
                     DO UPDATE SET mode = excluded.mode, capacity = excluded.capacity",
                    &[
                        &site_id,
                        &course_id,
                        &enrolment.mode.as_str(),
                        &enrolment.capacity.map(i64::from),
                    ],
                )
                .await?;
        }
        Ok(())
    })
}

pub(super) fn apply_for_course(
    store: &PostgresStore,
    application: &ApplicationRecord,
) -> Result<Applied, StoreError> {
    let application = application.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        // The primary key and the live index let one in; a second is ignored, and the one
        // stored is read back. Between the two, that one may have been decided (no longer
        // live): then this one is tried again.
        for _ in 0..3 {
            let inserted = client
                .execute(
                    &format!(
                        "INSERT INTO applications ({COLUMNS}) \
                         VALUES ($1, $2, $3, $4, 'pending', NULL, $5, NULL) ON CONFLICT DO NOTHING"
                    ),
                    &[
                        &application.id.to_string(),
                        &application.account_id.to_string(),
                        &application.site_id,
                        &application.course_id,
                        &micros(application.applied_at),
                    ],
                )
                .await?;
            if inserted == 1 {
                return Ok(Applied::New(ApplicationRecord {
                    state: ApplicationState::Pending,
                    reason: None,
                    decided_at: None,
                    ..application
                }));
            }
            let existing = client
                .query_opt(
                    &format!(
                        "SELECT {COLUMNS} FROM applications WHERE id = $1 OR (account_id = $2 \
                         AND site_id = $3 AND course_id = $4 \
                         AND state IN ('pending', 'approved')) ORDER BY id = $1 DESC LIMIT 1"
                    ),
                    &[
                        &application.id.to_string(),
                        &application.account_id.to_string(),
                        &application.site_id,
                        &application.course_id,
                    ],
                )
                .await?
                .map(|row| application_record(&row))
                .transpose()?;
            match existing {
                Some(existing)
                    if existing.id == application.id
                        && existing.account_id != application.account_id =>
                {
                    return Ok(Applied::IdTaken)
                }
                Some(existing) => return Ok(Applied::Existing(existing)),
                None => continue,
            }
        }
        Err(StoreError::TaskFailed)
    })
}

async fn applications_where(
    pool: deadpool_postgres::Pool,
    condition: &str,
    value: String,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    let client = pool.get().await?;
    client
        .query(
            &format!(
                "SELECT {COLUMNS} FROM applications WHERE {condition} ORDER BY applied_micros, id"
            ),
            &[&value],
        )
        .await?
        .iter()
        .map(application_record)
        .collect()
}

pub(super) fn applications_of_account(
    store: &PostgresStore,
    account_id: Uuid,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    store.run(|pool| applications_where(pool, "account_id = $1", account_id.to_string()))
}

pub(super) fn applications_of_site(
    store: &PostgresStore,
    site_id: &str,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    let site_id = site_id.to_owned();
    store.run(|pool| applications_where(pool, "site_id = $1", site_id))
}

pub(super) fn live_applications(
    store: &PostgresStore,
    site_id: &str,
    course_id: &str,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    let (site_id, course_id) = (site_id.to_owned(), course_id.to_owned());
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query(
                &format!(
                    "SELECT {COLUMNS} FROM applications WHERE site_id = $1 AND course_id = $2 \
                     AND state IN ('pending', 'approved') ORDER BY applied_micros, id"
                ),
                &[&site_id, &course_id],
            )
            .await?
            .iter()
            .map(application_record)
            .collect()
    })
}

pub(super) fn change_application(
    store: &PostgresStore,
    id: Uuid,
    owner: &ApplicationOwner,
    change: &ApplicationChange,
    at: DateTime<Utc>,
) -> Result<Option<Result<ApplicationRecord, EnrolmentError>>, StoreError> {
    let (owner, change) = (owner.clone(), change.clone());
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        let found = transaction
            .query_opt(
                &format!("SELECT {COLUMNS} FROM applications WHERE id = $1"),
                &[&id.to_string()],
            )
            .await?
            .map(|row| application_record(&row))
            .transpose()?
            .filter(|found| match &owner {
                ApplicationOwner::Site(site_id) => &found.site_id == site_id,
                ApplicationOwner::Account(account_id) => &found.account_id == account_id,
            });
        let Some(found) = found else {
            return Ok(None);
        };
        // One change per course at a site at a time, on every instance: the count below and
        // the update are then one step, and the last place is given once.
        transaction
            .execute(
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 1))",
                &[&format!(
                    "enrolment\u{1f}{}\u{1f}{}",
                    found.site_id, found.course_id
                )],
            )
            .await?;
        // Read again under the lock: another change may have come first.
        let found = application_record(
            &transaction
                .query_one(
                    &format!("SELECT {COLUMNS} FROM applications WHERE id = $1"),
                    &[&id.to_string()],
                )
                .await?,
        )?;
        let enrolment = match transaction
            .query_opt(
                "SELECT mode, capacity FROM site_enrolment WHERE site_id = $1 AND course_id = $2",
                &[&found.site_id, &found.course_id],
            )
            .await?
        {
            Some(row) => {
                enrolment_of_row(&found.site_id, &found.course_id, row.get(0), row.get(1))?
            }
            None => Enrolment::default(),
        };
        let approved: i64 = transaction
            .query_one(
                "SELECT COUNT(*) FROM applications WHERE site_id = $1 AND course_id = $2 \
                 AND state = 'approved'",
                &[&found.site_id, &found.course_id],
            )
            .await?
            .get(0);
        let approved = u32::try_from(approved).unwrap_or(u32::MAX);
        let state = match apply_change(found.state, &change, &enrolment, approved) {
            Ok(state) => state,
            Err(refused) => return Ok(Some(Err(refused))),
        };
        let reason = match &change {
            ApplicationChange::Decline { reason } => Some(reason.clone()),
            _ => None,
        };
        transaction
            .execute(
                "UPDATE applications SET state = $2, reason = $3, decided_micros = $4 \
                 WHERE id = $1",
                &[&id.to_string(), &state.as_str(), &reason, &micros(at)],
            )
            .await?;
        transaction.commit().await?;
        Ok(Some(Ok(ApplicationRecord {
            state,
            reason,
            decided_at: Some(at),
            ..found
        })))
    })
}
