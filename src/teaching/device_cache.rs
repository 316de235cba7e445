//! What the teaching pages keep on the device, so they open offline: the last class list,
//! class, dashboard, learner drill-down and "my assignments" the server sent, and the queue of
//! assignments a teacher created while offline.
//!
//! Everything lives in the settings store of the app's IndexedDB database (cached answers
//! through [`LocalDatabase::put_setting`], the queue with strict durability), as JSON text under
//! keys that start with `teaching.<account id>.`: a teacher who signs in on a shared school
//! computer never sees what the previous account cached. JSON text rather than JS objects,
//! because the cached answers are exactly what the server sent and are read back with the same
//! types.
//!
//! The assignment queue ("outbox") holds each assignment with the UUIDv7 made when the teacher
//! pressed "Assign". Sending it is `PUT /api/assignments/{id}`, which the server treats as
//! idempotent, so a queue sent twice (a page load and an `online` event racing) creates one
//! assignment. An entry leaves the queue only when the server stored it or refused it for good;
//! a refusal stays visible with its reason instead of vanishing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::lock::Mutex;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::account::{AccountView, Session};
use crate::storage::schema::SETTINGS;
use crate::storage::{LocalDatabase, StorageError, DATABASE_NAME};
use crate::sync_driver::SyncHandle;

use super::api::{NewAssignment, TeachingApi, TeachingError};

/// The name of the window event sent when the assignment queue changed (something was queued,
/// sent or refused), so open pages show the new state.
pub const OUTBOX_CHANGED_EVENT: &str = "baeum-teaching-outbox-changed";
/// The name of the window event sent when a learner joined a class, so "my assignments"
/// fetches the new class's assignments.
pub const CLASSES_CHANGED_EVENT: &str = "baeum-teaching-classes-changed";

thread_local! {
    /// The database connection the teaching pages share when no sync handle provides one.
    static OWN_DATABASE: RefCell<Option<LocalDatabase>> = const { RefCell::new(None) };
    /// Reading, changing and writing the queue are separate IndexedDB transactions; this lock
    /// keeps two of those sequences from interleaving and losing an entry.
    static OUTBOX_LOCK: Rc<Mutex<()>> = Rc::new(Mutex::new(()));
    /// Whether a queue flush is running, so a second trigger does not start another.
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
}

/// The database: the sync handle's connection when there is one, else one opened here.
pub async fn database(sync: Option<SyncHandle>) -> Result<LocalDatabase, StorageError> {
    if let Some(sync) = sync {
        return sync.database().await;
    }
    if let Some(open) = OWN_DATABASE.with(|cell| cell.borrow().clone()) {
        return Ok(open);
    }
    let opened = LocalDatabase::open(DATABASE_NAME).await?;
    OWN_DATABASE.with(|cell| *cell.borrow_mut() = Some(opened.clone()));
    Ok(opened)
}

/// The signed-in session: the sync handle's, once it has loaded the stored one (it does so
/// before it hands out its database), else the one stored on the device.
pub async fn current_session(sync: Option<SyncHandle>) -> Option<Session> {
    match sync {
        Some(sync) => {
            sync.database().await.ok()?;
            sync.session()
        }
        None => database(None).await.ok()?.get_session().await.ok()?,
    }
}

/// Who is signed in and a client that calls the API as them.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub api: TeachingApi,
    pub account: AccountView,
}

pub async fn signed_in(sync: Option<SyncHandle>) -> Result<SignedIn, TeachingError> {
    let session = current_session(sync)
        .await
        .ok_or(TeachingError::SignedOut)?;
    Ok(SignedIn {
        api: TeachingApi::new(session.token),
        account: session.account,
    })
}

// ----- cached answers -------------------------------------------------------------------------

/// The settings key of one cached answer of one account.
pub fn cache_key(account_id: Uuid, what: &str) -> String {
    format!("teaching.{account_id}.{what}")
}

/// A cached answer with the device time it was fetched at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cached<T> {
    pub fetched_at_ms: f64,
    pub value: T,
}

/// Reads a cached answer; a missing or unreadable entry is simply no cache.
pub async fn read_cached<T: DeserializeOwned>(
    sync: Option<SyncHandle>,
    key: &str,
) -> Option<Cached<T>> {
    let text: String = database(sync).await.ok()?.get_setting(key).await.ok()??;
    baeum_core::json::read(text.as_bytes()).ok()
}

/// Stores an answer for offline use. Failing to cache is not worth bothering the teacher
/// about: the page already shows the fresh answer.
pub async fn write_cached<T: Serialize>(sync: Option<SyncHandle>, key: &str, value: &T) {
    write_cached_at(sync, key, value, js_sys::Date::now()).await;
}

/// Stores an answer for offline use, stamped with when its request started.
pub async fn write_cached_at<T: Serialize>(
    sync: Option<SyncHandle>,
    key: &str,
    value: &T,
    fetched_at_ms: f64,
) {
    let cached = Cached {
        fetched_at_ms,
        value,
    };
    let Ok(text) = serde_json::to_string(&cached) else {
        return;
    };
    if let Ok(database) = database(sync).await {
        let _ = database.put_setting(key, &text).await;
    }
}

// ----- the assignment queue -------------------------------------------------------------------

/// Where a queued assignment stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum QueueState {
    /// Not yet acknowledged by the server; sent when online.
    Waiting {
        /// Why the last attempt did not get through, if one was made.
        last_problem: Option<String>,
    },
    /// The server refused it for good (for example, the class is gone); kept so the teacher
    /// sees what happened.
    Refused { reason: String },
}

/// An assignment created on this device and not yet stored by the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedAssignment {
    pub id: Uuid,
    pub assignment: NewAssignment,
    pub queued_at_ms: f64,
    pub state: QueueState,
}

fn outbox_key(account_id: Uuid) -> String {
    cache_key(account_id, "assignment_outbox")
}

/// The queue of one account, oldest first.
pub async fn queued_assignments(
    sync: Option<SyncHandle>,
    account_id: Uuid,
) -> Result<Vec<QueuedAssignment>, StorageError> {
    read_list(sync, &outbox_key(account_id)).await
}

/// A list kept under `key` (a queue of things made offline); none stored is an empty one.
pub async fn read_list<T: DeserializeOwned>(
    sync: Option<SyncHandle>,
    key: &str,
) -> Result<Vec<T>, StorageError> {
    let database = database(sync).await?;
    let text: Option<String> = database.get_setting(key).await?;
    match text {
        None => Ok(Vec::new()),
        Some(text) => baeum_core::json::read(text.as_bytes()).map_err(|error| {
            StorageError::UnreadableRecord {
                store: SETTINGS,
                key: key.to_owned(),
                message: error.to_string(),
            }
        }),
    }
}

/// Changes the list under `key` under the lock, so no concurrent change is lost, writes it
/// durably, and tells open pages (`event_name`).
pub async fn change_list<T: Serialize + DeserializeOwned>(
    sync: Option<SyncHandle>,
    key: &str,
    event_name: &str,
    change: impl FnOnce(&mut Vec<T>),
) -> Result<(), StorageError> {
    let lock = OUTBOX_LOCK.with(Rc::clone);
    let _guard = lock.lock().await;
    let mut list = read_list(sync, key).await?;
    change(&mut list);
    let text = serde_json::to_string(&list)
        .map_err(|error| StorageError::Serialization(error.to_string()))?;
    database(sync)
        .await?
        .put_setting_durably(key, &text)
        .await?;
    announce(event_name);
    Ok(())
}

/// Changes the assignment queue ([`change_list`]).
async fn change_outbox(
    sync: Option<SyncHandle>,
    account_id: Uuid,
    change: impl FnOnce(&mut Vec<QueuedAssignment>),
) -> Result<(), StorageError> {
    change_list(sync, &outbox_key(account_id), OUTBOX_CHANGED_EVENT, change).await
}

/// Puts a new assignment in the queue under a fresh UUIDv7. It is on the device before this
/// returns, so it survives a closed tab; sending it is [`flush_outbox`]'s job.
pub async fn enqueue_assignment(
    sync: Option<SyncHandle>,
    account_id: Uuid,
    assignment: NewAssignment,
) -> Result<Uuid, StorageError> {
    let id = crate::uuid_v7::new_v7();
    let queued = QueuedAssignment {
        id,
        assignment,
        queued_at_ms: js_sys::Date::now(),
        state: QueueState::Waiting { last_problem: None },
    };
    change_outbox(sync, account_id, move |queue| queue.push(queued)).await?;
    Ok(id)
}

/// Forgets a refused entry once the teacher has read why.
pub async fn dismiss_queued(
    sync: Option<SyncHandle>,
    account_id: Uuid,
    id: Uuid,
) -> Result<(), StorageError> {
    change_outbox(sync, account_id, move |queue| {
        queue.retain(|entry| entry.id != id)
    })
    .await
}

/// What one flush did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlushReport {
    pub sent: usize,
    pub refused: usize,
    pub still_waiting: usize,
}

/// Sends every waiting assignment of the signed-in teacher, oldest first. Stops at the first
/// temporary failure (offline, signed out, server trouble): the rest would fail the same way.
/// Does nothing while another flush runs, or when nobody is signed in.
pub async fn flush_outbox(sync: Option<SyncHandle>) -> FlushReport {
    if FLUSHING.with(|flag| flag.replace(true)) {
        return FlushReport::default();
    }
    let report = flush_outbox_once(sync).await;
    FLUSHING.with(|flag| flag.set(false));
    report
}

async fn flush_outbox_once(sync: Option<SyncHandle>) -> FlushReport {
    let mut report = FlushReport::default();
    let Ok(signed_in) = signed_in(sync).await else {
        return report;
    };
    let account_id = signed_in.account.id;
    let Ok(queue) = queued_assignments(sync, account_id).await else {
        return report;
    };
    let waiting: Vec<QueuedAssignment> = queue
        .into_iter()
        .filter(|entry| matches!(entry.state, QueueState::Waiting { .. }))
        .collect();
    let mut remaining = waiting.len();
    for entry in waiting {
        let result = signed_in
            .api
            .put_assignment(entry.id, &entry.assignment)
            .await;
        let id = entry.id;
        match result {
            Ok(_) => {
                report.sent += 1;
                remaining -= 1;
                let _ = change_outbox(sync, account_id, move |queue| {
                    queue.retain(|entry| entry.id != id)
                })
                .await;
            }
            Err(error) if error.is_temporary() => {
                let problem = error.message();
                let _ = change_outbox(sync, account_id, move |queue| {
                    for entry in queue.iter_mut().filter(|entry| entry.id == id) {
                        entry.state = QueueState::Waiting {
                            last_problem: Some(problem.clone()),
                        };
                    }
                })
                .await;
                break;
            }
            Err(error) => {
                report.refused += 1;
                remaining -= 1;
                let reason = error.message();
                let _ = change_outbox(sync, account_id, move |queue| {
                    for entry in queue.iter_mut().filter(|entry| entry.id == id) {
                        entry.state = QueueState::Refused {
                            reason: reason.clone(),
                        };
                    }
                })
                .await;
            }
        }
    }
    report.still_waiting = remaining;
    report
}

/// Tells open pages that something they show changed.
pub fn announce(event_name: &str) {
    let Some(window) = crate::browser::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new(event_name) {
        let _ = window.dispatch_event(&event);
    }
}
