//! The layout of baeum's IndexedDB database and the migrations between its versions.
//!
//! Every object store uses out-of-line keys (no key path, no key generator): the adapter always
//! names the key it writes under, so a record's shape can change between versions without
//! touching how it is found.
//!
//! - Version 1: the content caches (catalog, course manifests, lesson files), the statement log,
//!   the outbox, the rejected list, settings and the sync state. The session lived in settings
//!   under [`V1_SESSION_SETTING_KEY`].
//! - Version 2: adds the media blob store for the download manager and gives the session a store
//!   of its own, moving a version 1 session there so that nobody is signed out by the upgrade.
//!
//! A migration runs inside the browser's `versionchange` transaction, so it happens whole or not
//! at all: a failed step aborts the upgrade and the database stays at its old version with every
//! record intact.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction};

use super::StorageError;

/// The version this build of the app opens.
pub const CURRENT_VERSION: u32 = 3;
/// The first version, kept so that tests can build a database as the first release did.
pub const FIRST_VERSION: u32 = 1;

/// The catalog file, keyed by its file name (it is small, versioned and not content-hashed).
pub const CATALOG: &str = "catalog";
/// Course manifests, keyed by their content-hashed file name.
pub const COURSE_MANIFESTS: &str = "course_manifests";
/// Lesson files, keyed by their content-hashed file name.
pub const LESSON_FILES: &str = "lesson_files";
/// Audio and images, keyed by their content-hashed file name. Added in version 2.
pub const MEDIA_BLOBS: &str = "media_blobs";
/// Every statement this device knows, keyed by statement id: what the progress fold reads.
pub const STATEMENTS: &str = "statements";
/// Statements recorded here and not yet acknowledged by the server, keyed by statement id.
pub const OUTBOX: &str = "outbox";
/// Statements the server refused for good, keyed by statement id, with the reason.
pub const REJECTED: &str = "rejected";
/// Small key/value settings (the guest learner id, preferences).
pub const SETTINGS: &str = "settings";
/// The sync engine's durable state: the pull cursor.
pub const SYNC_STATE: &str = "sync_state";
/// The signed-in session (token and account). Added in version 2.
pub const SESSION: &str = "session";
/// The order statements entered the log: an auto-incremented number for each, with the
/// statement id as its value, written in the same transaction as the statement. The saved
/// progress digest names the last number it folded, so the statements since are found without
/// reading the whole log. Added in version 3.
pub const LOG_ORDER: &str = "log_order";
/// The version that added [`LOG_ORDER`].
pub const LOG_ORDER_ADDED_IN_VERSION: u32 = 3;

/// The key of the pull cursor in [`SYNC_STATE`].
pub const PULL_CURSOR_KEY: &str = "pull_cursor";
/// The key of the one session record in [`SESSION`].
pub const CURRENT_SESSION_KEY: &str = "current";
/// The key of the saved progress digest in [`SYNC_STATE`].
pub const PROGRESS_DIGEST_KEY: &str = "progress_digest";
/// Where version 1 kept the session, in [`SETTINGS`].
pub const V1_SESSION_SETTING_KEY: &str = "session";

/// The stores each version adds.
const STORES_ADDED_IN_VERSION_1: [&str; 8] = [
    CATALOG,
    COURSE_MANIFESTS,
    LESSON_FILES,
    STATEMENTS,
    OUTBOX,
    REJECTED,
    SETTINGS,
    SYNC_STATE,
];
const STORES_ADDED_IN_VERSION_2: [&str; 2] = [MEDIA_BLOBS, SESSION];

/// Runs every migration from `old_version` up to `new_version` inside the upgrade transaction.
///
/// Record moves are asynchronous requests; a failure in one of them is written to
/// `late_failure` and aborts the upgrade, which makes the open request fail.
pub(super) fn upgrade(
    database: &IdbDatabase,
    transaction: &IdbTransaction,
    old_version: u32,
    new_version: u32,
    late_failure: Rc<RefCell<Option<StorageError>>>,
) -> Result<(), StorageError> {
    for version in (old_version + 1)..=new_version {
        match version {
            1 => create_stores(database, &STORES_ADDED_IN_VERSION_1)?,
            2 => {
                create_stores(database, &STORES_ADDED_IN_VERSION_2)?;
                // A brand-new database has no version 1 session to move.
                if old_version >= FIRST_VERSION {
                    move_v1_session(transaction, late_failure.clone())?;
                }
            }
            // Statements logged before version 3 have no order numbers; the first progress read
            // sees the log's count disagree with the (missing) digest and folds it all once.
            3 => create_auto_increment_store(database, LOG_ORDER)?,
            unknown => {
                return Err(StorageError::MigrationFailed(format!(
                    "no migration to version {unknown} is known"
                )))
            }
        }
    }
    Ok(())
}

fn create_stores(database: &IdbDatabase, names: &[&str]) -> Result<(), StorageError> {
    for name in names {
        database
            .create_object_store(name)
            .map_err(|error| migration_error(&format!("creating store {name}"), &error))?;
    }
    Ok(())
}

fn create_auto_increment_store(database: &IdbDatabase, name: &str) -> Result<(), StorageError> {
    let parameters = web_sys::IdbObjectStoreParameters::new();
    parameters.set_auto_increment(true);
    database
        .create_object_store_with_optional_parameters(name, &parameters)
        .map_err(|error| migration_error(&format!("creating store {name}"), &error))?;
    Ok(())
}

/// Moves the session that version 1 kept in settings to the session store.
fn move_v1_session(
    transaction: &IdbTransaction,
    late_failure: Rc<RefCell<Option<StorageError>>>,
) -> Result<(), StorageError> {
    let settings = object_store(transaction, SETTINGS)?;
    let session = object_store(transaction, SESSION)?;
    let request = settings
        .get(&JsValue::from_str(V1_SESSION_SETTING_KEY))
        .map_err(|error| migration_error("reading the version 1 session", &error))?;
    let transaction_for_failure = transaction.clone();
    let on_success = Closure::once_into_js(move |event: web_sys::Event| {
        let moved = move_session_record(&event, &settings, &session);
        if let Err(error) = moved {
            *late_failure.borrow_mut() = Some(error);
            // Aborting undoes the whole upgrade, so the version 1 database stays usable.
            let _ = transaction_for_failure.abort();
        }
    });
    request.set_onsuccess(Some(on_success.unchecked_ref()));
    Ok(())
}

fn move_session_record(
    event: &web_sys::Event,
    settings: &IdbObjectStore,
    session: &IdbObjectStore,
) -> Result<(), StorageError> {
    let request: IdbRequest = event
        .target()
        .and_then(|target| target.dyn_into().ok())
        .ok_or_else(|| {
            StorageError::MigrationFailed("the session read has no request".to_owned())
        })?;
    let value = request
        .result()
        .map_err(|error| migration_error("reading the version 1 session", &error))?;
    if value.is_undefined() {
        return Ok(());
    }
    session
        .put_with_key(&value, &JsValue::from_str(CURRENT_SESSION_KEY))
        .map_err(|error| migration_error("writing the session", &error))?;
    settings
        .delete(&JsValue::from_str(V1_SESSION_SETTING_KEY))
        .map_err(|error| migration_error("removing the version 1 session", &error))?;
    Ok(())
}

fn object_store(transaction: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StorageError> {
    transaction
        .object_store(name)
        .map_err(|error| migration_error(&format!("opening store {name}"), &error))
}

fn migration_error(step: &str, error: &JsValue) -> StorageError {
    StorageError::MigrationFailed(format!("{step}: {}", super::describe_js_error(error)))
}
