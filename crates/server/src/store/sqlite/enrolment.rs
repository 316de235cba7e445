//! Enrolment on SQLite (see `store/enrolment.rs`; PostgreSQL's is `postgres/enrolment.rs`).

use baeum_core::records::enrolment::{
    apply_change, ApplicationChange, ApplicationState, Enrolment, EnrolmentError, EnrolmentMode,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use super::rows::{from_micros, micros};
use super::SqliteStore;
use crate::store::enrolment::enrolment_of_row;
use crate::store::{ApplicationOwner, ApplicationRecord, Applied, StoreError};

const COLUMNS: &str =
    "id, account_id, site_id, course_id, state, reason, applied_micros, decided_micros";

type ApplicationRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<i64>,
);

fn application_row(row: &Row<'_>) -> rusqlite::Result<ApplicationRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn application_record(row: ApplicationRow) -> Result<ApplicationRecord, StoreError> {
    let (id, account_id, site_id, course_id, state, reason, applied, decided) = row;
    let uuid = |text: &str| {
        Uuid::parse_str(text).map_err(|_| StoreError::Corrupt(format!("application id {text}")))
    };
    Ok(ApplicationRecord {
        id: uuid(&id)?,
        account_id: uuid(&account_id)?,
        state: ApplicationState::from_name(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("application {id}: state {state:?}")))?,
        site_id,
        course_id,
        reason,
        applied_at: from_micros(applied)?,
        decided_at: decided.map(from_micros).transpose()?,
    })
}

fn enrolment_of(
    connection: &Connection,
    site_id: &str,
    course_id: &str,
) -> Result<Enrolment, StoreError> {
    let row = connection
        .query_row(
            "SELECT mode, capacity FROM site_enrolment WHERE site_id = ?1 AND course_id = ?2",
            params![site_id, course_id],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<i64>>(1)?)),
        )
        .optional()?;
    row.map_or(Ok(Enrolment::default()), |(mode, capacity)| {
        enrolment_of_row(site_id, course_id, &mode, capacity)
    })
}

pub(super) fn enrolments_of_site(
    store: &SqliteStore,
    site_id: &str,
) -> Result<Vec<(String, Enrolment)>, StoreError> {
    store.read(|connection| {
        connection
            .prepare(
                "SELECT course_id, mode, capacity FROM site_enrolment WHERE site_id = ?1 \
                 ORDER BY course_id",
            )?
            .query_map([site_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<i64>>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(|(course, mode, capacity)| {
                let enrolment = enrolment_of_row(site_id, &course, &mode, capacity)?;
                Ok((course, enrolment))
            })
            .collect()
    })
}

pub(super) fn set_enrolment(
    store: &SqliteStore,
    site_id: &str,
    course_id: &str,
    enrolment: &Enrolment,
) -> Result<(), StoreError> {
    let connection = store.lock();
    if enrolment.mode == EnrolmentMode::Open {
        connection.execute(
            "DELETE FROM site_enrolment WHERE site_id = ?1 AND course_id = ?2",
            params![site_id, course_id],
        )?;
    } else {
        connection.execute(
            "INSERT INTO site_enrolment (site_id, course_id, mode, capacity) \
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (site_id, course_id) \
             DO UPDATE SET mode = excluded.mode, capacity = excluded.capacity",
            params![
                site_id,
                course_id,
                enrolment.mode.as_str(),
                enrolment.capacity.map(i64::from)
            ],
        )?;
    }
    Ok(())
}

pub(super) fn apply_for_course(
    store: &SqliteStore,
    application: &ApplicationRecord,
) -> Result<Applied, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    let existing = transaction
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM applications WHERE id = ?1 OR (account_id = ?2 \
                 AND site_id = ?3 AND course_id = ?4 AND state IN ('pending', 'approved')) \
                 ORDER BY id = ?1 DESC LIMIT 1"
            ),
            params![
                application.id.to_string(),
                application.account_id.to_string(),
                application.site_id,
                application.course_id
            ],
            application_row,
        )
        .optional()?
        .map(application_record)
        .transpose()?;
    if let Some(existing) = existing {
        return Ok(
            if existing.id == application.id && existing.account_id != application.account_id {
                Applied::IdTaken
            } else {
                Applied::Existing(existing)
            },
        );
    }
    transaction.execute(
        &format!(
            "INSERT INTO applications ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, NULL)"
        ),
        params![
            application.id.to_string(),
            application.account_id.to_string(),
            application.site_id,
            application.course_id,
            ApplicationState::Pending.as_str(),
            micros(application.applied_at)
        ],
    )?;
    transaction.commit()?;
    Ok(Applied::New(ApplicationRecord {
        state: ApplicationState::Pending,
        reason: None,
        decided_at: None,
        ..application.clone()
    }))
}

fn applications_where(
    store: &SqliteStore,
    condition: &str,
    value: String,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    store.read(|connection| {
        connection
            .prepare(&format!(
                "SELECT {COLUMNS} FROM applications WHERE {condition} ORDER BY applied_micros, id"
            ))?
            .query_map([value], application_row)?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(application_record)
            .collect()
    })
}

pub(super) fn applications_of_account(
    store: &SqliteStore,
    account_id: Uuid,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    applications_where(store, "account_id = ?1", account_id.to_string())
}

pub(super) fn applications_of_site(
    store: &SqliteStore,
    site_id: &str,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    applications_where(store, "site_id = ?1", site_id.to_owned())
}

pub(super) fn live_applications(
    store: &SqliteStore,
    site_id: &str,
    course_id: &str,
) -> Result<Vec<ApplicationRecord>, StoreError> {
    store.read(|connection| {
        connection
            .prepare(&format!(
                "SELECT {COLUMNS} FROM applications WHERE site_id = ?1 AND course_id = ?2 \
                 AND state IN ('pending', 'approved') ORDER BY applied_micros, id"
            ))?
            .query_map(params![site_id, course_id], application_row)?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(application_record)
            .collect()
    })
}

pub(super) fn change_application(
    store: &SqliteStore,
    id: Uuid,
    owner: &ApplicationOwner,
    change: &ApplicationChange,
    at: DateTime<Utc>,
) -> Result<Option<Result<ApplicationRecord, EnrolmentError>>, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    let found = transaction
        .query_row(
            &format!("SELECT {COLUMNS} FROM applications WHERE id = ?1"),
            [id.to_string()],
            application_row,
        )
        .optional()?
        .map(application_record)
        .transpose()?
        .filter(|found| match owner {
            ApplicationOwner::Site(site_id) => &found.site_id == site_id,
            ApplicationOwner::Account(account_id) => &found.account_id == account_id,
        });
    let Some(found) = found else {
        return Ok(None);
    };
    let enrolment = enrolment_of(&transaction, &found.site_id, &found.course_id)?;
    let approved: i64 = transaction.query_row(
        "SELECT COUNT(*) FROM applications WHERE site_id = ?1 AND course_id = ?2 \
         AND state = 'approved'",
        params![found.site_id, found.course_id],
        |row| row.get(0),
    )?;
    let approved = u32::try_from(approved).unwrap_or(u32::MAX);
    let state = match apply_change(found.state, change, &enrolment, approved) {
        Ok(state) => state,
        Err(refused) => return Ok(Some(Err(refused))),
    };
    let reason = match change {
        ApplicationChange::Decline { reason } => Some(reason.clone()),
        _ => None,
    };
    transaction.execute(
        "UPDATE applications SET state = ?2, reason = ?3, decided_micros = ?4 WHERE id = ?1",
        params![id.to_string(), state.as_str(), reason, micros(at)],
    )?;
    transaction.commit()?;
    Ok(Some(Ok(ApplicationRecord {
        state,
        reason,
        decided_at: Some(at),
        ..found
    })))
}
