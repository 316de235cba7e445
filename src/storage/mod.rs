//! The device's durable storage: one IndexedDB database holding the content caches, the
//! statement log with its outbox and rejected list, settings, the sync cursor and the session.
//!
//! Everything goes through [`LocalDatabase`]. Each logical operation is one IndexedDB
//! transaction, so it happens whole or not at all. Writes that carry a learner's progress (a
//! statement, a push settlement, a pulled page, the session) ask for strict durability, so the
//! browser has flushed them to disk before the UI says "saved" (design.md, invariant 2).
//! Records are plain JS objects made with `serde_wasm_bindgen::Serializer::json_compatible()`,
//! because its default turns maps into JS `Map`s that IndexedDB tooling and key paths cannot read.
//!
//! - [`schema`]: store names, versions and migrations.
//! - [`sync_store`]: the sync engine's `LocalStore` operations over these stores, asynchronous.
//! - [`progress_digest`]: the saved progress digest and the statements logged after it.

pub mod forget_account;
pub mod progress_digest;
pub mod schema;
pub mod sync_store;

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Factory, Query};
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbTransaction, IdbTransactionMode};

use crate::account::Session;
use crate::t;

/// The name of the app's database in the browser.
pub const DATABASE_NAME: &str = "baeum";

/// Why a storage operation failed. Each variant says what the learner or the app can do about
/// it; none of them means that something already stored was lost.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("this browser offers no indexeddb here (a private window or an old browser)")]
    IndexedDbUnavailable,
    #[error("the device has no storage space left for this app")]
    QuotaExceeded,
    #[error("the saved data comes from a newer version of the app; reload to update")]
    VersionTooNew,
    #[error("the saved data could not be upgraded: {0}")]
    MigrationFailed(String),
    #[error("a statement with id {0} is already recorded")]
    DuplicateStatement(Uuid),
    #[error("the statement cannot be recorded: {0}")]
    InvalidStatement(String),
    #[error("a value could not be prepared for storage: {0}")]
    Serialization(String),
    #[error("the record {key:?} in {store} is unreadable: {message}")]
    UnreadableRecord {
        store: &'static str,
        key: String,
        message: String,
    },
    #[error("the write was interrupted and nothing of it was saved")]
    Aborted,
    #[error("the local database failed ({name}): {message}")]
    Database { name: String, message: String },
}

impl StorageError {
    /// The error in the interface language, as the pages show it (the `Display` text is the
    /// English one, for logs and tests). Technical details (a browser's own message, a record's
    /// key) stay as they are.
    pub fn message(&self) -> String {
        match self {
            StorageError::IndexedDbUnavailable => t!("storage-indexeddb-unavailable"),
            StorageError::QuotaExceeded => t!("storage-quota-exceeded"),
            StorageError::VersionTooNew => t!("storage-version-too-new"),
            StorageError::MigrationFailed(detail) => {
                t!("storage-migration-failed", detail = detail)
            }
            StorageError::DuplicateStatement(id) => {
                t!("storage-duplicate-statement", id = id.to_string())
            }
            StorageError::InvalidStatement(detail) => {
                t!("storage-invalid-statement", detail = detail)
            }
            StorageError::Serialization(detail) => t!("storage-serialization", detail = detail),
            StorageError::UnreadableRecord {
                store,
                key,
                message,
            } => t!(
                "storage-unreadable-record",
                key = format!("{key:?}"),
                store = *store,
                detail = message,
            ),
            StorageError::Aborted => t!("storage-aborted"),
            StorageError::Database { name, message } => {
                t!("storage-database-failed", name = name, detail = message)
            }
        }
    }
}

impl From<idb::Error> for StorageError {
    fn from(error: idb::Error) -> Self {
        use idb::Error as E;
        match error {
            E::DomException(exception) => classify_dom_exception(&exception),
            E::IndexedDbNotFound(_) => StorageError::IndexedDbUnavailable,
            E::AddFailed(value)
            | E::UpdateFailed(value)
            | E::GetFailed(value)
            | E::GetAllFailed(value)
            | E::GetAllKeysFailed(value)
            | E::DeleteFailed(value)
            | E::ClearFailed(value)
            | E::CountFailed(value)
            | E::TransactionOpenFailed(value)
            | E::ObjectStoreNotFound(value)
            | E::IndexedDbOpenFailed(value) => classify_js_error(&value),
            other => StorageError::Database {
                name: "idb".to_owned(),
                message: other.to_string(),
            },
        }
    }
}

/// Maps a `DOMException` to the error the app shows, by its name: the name is the stable part
/// of an exception, its message differs between browsers.
pub fn classify_dom_exception(exception: &web_sys::DomException) -> StorageError {
    match exception.name().as_str() {
        "QuotaExceededError" => StorageError::QuotaExceeded,
        "VersionError" => StorageError::VersionTooNew,
        "AbortError" => StorageError::Aborted,
        name => StorageError::Database {
            name: name.to_owned(),
            message: exception.message(),
        },
    }
}

pub(crate) fn classify_js_error(value: &JsValue) -> StorageError {
    match value.dyn_ref::<web_sys::DomException>() {
        Some(exception) => classify_dom_exception(exception),
        None => StorageError::Database {
            name: "Error".to_owned(),
            message: describe_js_error(value),
        },
    }
}

/// A one-line description of a thrown JS value, for error messages.
pub(crate) fn describe_js_error(value: &JsValue) -> String {
    if let Some(exception) = value.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// Which of the four content caches a file belongs to. All are keyed by file name, which for
/// everything but the catalog is the content hash, so a key never names two different files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentStore {
    Catalog,
    CourseManifests,
    LessonFiles,
    MediaBlobs,
}

impl ContentStore {
    pub const ALL: [ContentStore; 4] = [
        ContentStore::Catalog,
        ContentStore::CourseManifests,
        ContentStore::LessonFiles,
        ContentStore::MediaBlobs,
    ];

    pub fn store_name(self) -> &'static str {
        match self {
            ContentStore::Catalog => schema::CATALOG,
            ContentStore::CourseManifests => schema::COURSE_MANIFESTS,
            ContentStore::LessonFiles => schema::LESSON_FILES,
            ContentStore::MediaBlobs => schema::MEDIA_BLOBS,
        }
    }
}

/// How a transaction may touch its stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Read,
    /// A write the app can redo (a cached file, a setting): the browser's default durability.
    Write,
    /// A write that carries progress: strict durability, flushed to disk before it completes.
    DurableWrite,
}

/// An open connection to the app's database. Cheap to clone; clones share the connection.
#[derive(Clone, Debug)]
pub struct LocalDatabase {
    connection: IdbDatabase,
    name: String,
    /// When set, the next write transaction is aborted and fails with a `DOMException` of this
    /// name. Only tests set it, to show what a full disk does without filling one.
    injected_write_failure: Rc<RefCell<Option<String>>>,
    /// The `durability` the browser reports for the latest write transaction, so a test can
    /// check that progress writes really are strict.
    last_write_durability: Rc<RefCell<Option<String>>>,
}

/// The `IDBDatabase.transaction(names, mode, options)` call with a durability option. web-sys
/// has it only behind `--cfg=web_sys_unstable_apis`, which would change how every crate in the
/// build is compiled, so this binds the one call itself.
mod durable_transaction {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = IDBDatabase)]
        pub type DatabaseWithOptions;

        #[wasm_bindgen(catch, method, js_name = transaction)]
        pub fn transaction_with_options(
            this: &DatabaseWithOptions,
            store_names: &js_sys::Array,
            mode: &str,
            options: &js_sys::Object,
        ) -> Result<web_sys::IdbTransaction, wasm_bindgen::JsValue>;
    }
}

/// A transaction in progress: the raw handle (for completion and its error) and the `idb`
/// wrapper (for typed requests).
pub(crate) struct OpenTransaction {
    raw: IdbTransaction,
    access: Access,
    injected_failure: Option<String>,
}

impl OpenTransaction {
    pub(crate) fn store(&self, name: &str) -> Result<idb::ObjectStore, StorageError> {
        let transaction = idb::Transaction::from(self.raw.clone());
        Ok(transaction.object_store(name)?)
    }

    /// Waits for the transaction to commit. An abort reports the browser's reason, which is
    /// where a full disk shows up: Chromium fails the commit, not the request.
    pub(crate) async fn commit(self) -> Result<(), StorageError> {
        let raw = self.raw.clone();
        let finished = js_sys::Promise::new(&mut |resolve, reject| {
            raw.set_oncomplete(Some(&resolve));
            raw.set_onabort(Some(&reject));
        });
        if let Some(name) = self.injected_failure {
            let _ = self.raw.abort();
            let _ = JsFuture::from(finished).await;
            let exception =
                web_sys::DomException::new_with_message_and_name("injected by a test", &name)
                    .map_err(|error| classify_js_error(&error))?;
            return Err(classify_dom_exception(&exception));
        }
        if self.access == Access::Read {
            return Ok(());
        }
        match JsFuture::from(finished).await {
            Ok(_) => Ok(()),
            Err(_) => Err(self
                .raw
                .error()
                .map(|exception| classify_dom_exception(&exception))
                .unwrap_or(StorageError::Aborted)),
        }
    }

    /// Gives up on the transaction after a failed step; nothing it wrote stays.
    pub(crate) fn abort(self) {
        // Aborting fails only when the browser already aborted it, which is the same outcome.
        let _ = self.raw.abort();
    }

    /// Commits when `result` is a success and aborts otherwise, returning the first error.
    pub(crate) async fn finish<T>(
        self,
        result: Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        match result {
            Ok(value) => {
                self.commit().await?;
                Ok(value)
            }
            Err(error) => {
                self.abort();
                Err(error)
            }
        }
    }
}

impl LocalDatabase {
    /// Opens (creating or upgrading as needed) the database `name` at the current version.
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        Self::open_at_version(name, schema::CURRENT_VERSION).await
    }

    /// Opens the database at an older schema version. Only the migration tests want this: it
    /// builds a database as an earlier release of the app did.
    pub async fn open_at_version(name: &str, version: u32) -> Result<Self, StorageError> {
        if version == 0 || version > schema::CURRENT_VERSION {
            return Err(StorageError::MigrationFailed(format!(
                "version {version} is not a schema version of this app"
            )));
        }
        let factory = Factory::new().map_err(|_| StorageError::IndexedDbUnavailable)?;
        let mut request = factory.open(name, Some(version))?;
        let upgrade_failure: Rc<RefCell<Option<StorageError>>> = Rc::new(RefCell::new(None));
        let failure_in_upgrade = upgrade_failure.clone();
        request.on_upgrade_needed(move |event| {
            let raw_event = web_sys::IdbVersionChangeEvent::from(event);
            let result = run_upgrade(&raw_event, version, failure_in_upgrade.clone());
            if let Err(error) = result {
                *failure_in_upgrade.borrow_mut() = Some(error);
                if let Some(transaction) = upgrade_transaction(&raw_event) {
                    let _ = transaction.abort();
                }
            }
        });
        let opened = request.await;
        if let Some(error) = upgrade_failure.borrow_mut().take() {
            return Err(error);
        }
        let connection = IdbDatabase::from(opened?);
        // Another tab opening a newer version must not wait for this one for ever: close so its
        // upgrade can run, and this tab reopens on its next reload.
        let to_close = connection.clone();
        let on_version_change =
            wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || to_close.close());
        connection.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(Self {
            connection,
            name: name.to_owned(),
            injected_write_failure: Rc::new(RefCell::new(None)),
            last_write_durability: Rc::new(RefCell::new(None)),
        })
    }

    /// Deletes the database `name` with every record in it. Tests use it to start clean.
    pub async fn delete(name: &str) -> Result<(), StorageError> {
        let factory = Factory::new().map_err(|_| StorageError::IndexedDbUnavailable)?;
        factory.delete(name)?.await?;
        Ok(())
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The schema version the open connection has.
    pub fn version(&self) -> u32 {
        // IndexedDB versions are whole numbers well inside `u32`.
        self.connection.version() as u32
    }

    /// The names of the object stores, sorted (the browser returns them sorted).
    pub fn store_names(&self) -> Vec<String> {
        let names = self.connection.object_store_names();
        (0..names.length())
            .filter_map(|index| names.get(index))
            .collect()
    }

    /// Closes the connection; later operations fail. Lets a test reopen at another version.
    pub fn close(&self) {
        self.connection.close();
    }

    /// Makes the next write transaction abort with a `DOMException` named `exception_name`
    /// (for example `QuotaExceededError`) after it issued its requests. For tests: it shows
    /// how a failed commit is reported, and that it takes nothing already stored with it.
    pub fn fail_next_write_for_test(&self, exception_name: &str) {
        *self.injected_write_failure.borrow_mut() = Some(exception_name.to_owned());
    }

    /// The durability the browser reported for the latest write transaction (`"strict"` for
    /// progress writes), or `None` when it does not report one.
    pub fn last_write_durability(&self) -> Option<String> {
        self.last_write_durability.borrow().clone()
    }

    fn begin(&self, stores: &[&str], access: Access) -> Result<OpenTransaction, StorageError> {
        let names: js_sys::Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
        let raw = match access {
            Access::Read => self
                .connection
                .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readonly),
            Access::Write | Access::DurableWrite => {
                let durability = if access == Access::DurableWrite {
                    "strict"
                } else {
                    "default"
                };
                let options = js_sys::Object::new();
                js_sys::Reflect::set(
                    &options,
                    &JsValue::from_str("durability"),
                    &JsValue::from_str(durability),
                )
                .map_err(|error| classify_js_error(&error))?;
                let connection: &durable_transaction::DatabaseWithOptions =
                    self.connection.unchecked_ref();
                connection.transaction_with_options(&names, "readwrite", &options)
            }
        }
        .map_err(|error| classify_js_error(&error))?;
        let injected_failure = if access == Access::Read {
            None
        } else {
            let reported = js_sys::Reflect::get(&raw, &JsValue::from_str("durability"))
                .ok()
                .and_then(|value| value.as_string());
            *self.last_write_durability.borrow_mut() = reported;
            self.injected_write_failure.borrow_mut().take()
        };
        Ok(OpenTransaction {
            raw,
            access,
            injected_failure,
        })
    }

    pub(crate) fn begin_read(&self, stores: &[&str]) -> Result<OpenTransaction, StorageError> {
        self.begin(stores, Access::Read)
    }

    pub(crate) fn begin_write(&self, stores: &[&str]) -> Result<OpenTransaction, StorageError> {
        self.begin(stores, Access::Write)
    }

    pub(crate) fn begin_durable_write(
        &self,
        stores: &[&str],
    ) -> Result<OpenTransaction, StorageError> {
        self.begin(stores, Access::DurableWrite)
    }

    // ----- content caches -------------------------------------------------------------------

    /// Stores the bytes of a content file under `key`, replacing what was there.
    pub async fn put_content(
        &self,
        store: ContentStore,
        key: &str,
        bytes: &[u8],
    ) -> Result<(), StorageError> {
        let transaction = self.begin_write(&[store.store_name()])?;
        let result = (|| {
            let value = js_sys::Uint8Array::from(bytes);
            transaction
                .store(store.store_name())?
                .put(&value, Some(&JsValue::from_str(key)))?;
            Ok(())
        })();
        transaction.finish(result).await
    }

    /// The bytes stored under `key`, if any.
    pub async fn get_content(
        &self,
        store: ContentStore,
        key: &str,
    ) -> Result<Option<Vec<u8>>, StorageError> {
        let transaction = self.begin_read(&[store.store_name()])?;
        let value = transaction
            .store(store.store_name())?
            .get(Query::from(JsValue::from_str(key)))?
            .await?;
        transaction.commit().await?;
        match value {
            None => Ok(None),
            Some(value) if value.is_undefined() => Ok(None),
            Some(value) => value
                .dyn_into::<js_sys::Uint8Array>()
                .map(|array| Some(array.to_vec()))
                .map_err(|_| StorageError::UnreadableRecord {
                    store: store.store_name(),
                    key: key.to_owned(),
                    message: "not a byte array".to_owned(),
                }),
        }
    }

    /// Removes the file under `key`; removing a missing key is not an error.
    pub async fn delete_content(&self, store: ContentStore, key: &str) -> Result<(), StorageError> {
        let transaction = self.begin_write(&[store.store_name()])?;
        let result = (|| {
            transaction
                .store(store.store_name())?
                .delete(Query::from(JsValue::from_str(key)))?;
            Ok(())
        })();
        transaction.finish(result).await
    }

    /// Every key in a content cache, in key order: what the download manager has.
    pub async fn content_keys(&self, store: ContentStore) -> Result<Vec<String>, StorageError> {
        let transaction = self.begin_read(&[store.store_name()])?;
        let keys = transaction
            .store(store.store_name())?
            .get_all_keys(None, None)?
            .await?;
        transaction.commit().await?;
        Ok(keys.into_iter().filter_map(|key| key.as_string()).collect())
    }

    // ----- settings -------------------------------------------------------------------------

    pub async fn put_setting<T: Serialize + ?Sized>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        self.put_setting_with(Access::Write, key, value).await
    }

    /// Like [`put_setting`](Self::put_setting) with strict durability, for a setting that holds
    /// someone's work (the teacher's queued assignments), flushed to disk before it returns.
    pub async fn put_setting_durably<T: Serialize + ?Sized>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        self.put_setting_with(Access::DurableWrite, key, value)
            .await
    }

    async fn put_setting_with<T: Serialize + ?Sized>(
        &self,
        access: Access,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        let record = to_record(value)?;
        let transaction = self.begin(&[schema::SETTINGS], access)?;
        let result = (|| {
            transaction
                .store(schema::SETTINGS)?
                .put(&record, Some(&JsValue::from_str(key)))?;
            Ok(())
        })();
        transaction.finish(result).await
    }

    pub async fn get_setting<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        self.get_record(schema::SETTINGS, key).await
    }

    pub async fn delete_setting(&self, key: &str) -> Result<(), StorageError> {
        let transaction = self.begin_write(&[schema::SETTINGS])?;
        let result = (|| {
            transaction
                .store(schema::SETTINGS)?
                .delete(Query::from(JsValue::from_str(key)))?;
            Ok(())
        })();
        transaction.finish(result).await
    }

    /// The id under which a learner without an account studies on this device, made the first
    /// time it is asked for and kept in settings. Reading and creating happen in one
    /// transaction, so two callers at start-up cannot make two ids.
    pub async fn guest_learner_id(&self) -> Result<Uuid, StorageError> {
        const KEY: &str = "guest_learner_id";
        let transaction = self.begin_durable_write(&[schema::SETTINGS])?;
        let result = async {
            let store = transaction.store(schema::SETTINGS)?;
            let existing = store.get(Query::from(JsValue::from_str(KEY)))?.await?;
            let existing = existing.filter(|value| !value.is_undefined());
            if let Some(value) = existing {
                let text = value.as_string().unwrap_or_default();
                return Uuid::parse_str(&text).map_err(|error| StorageError::UnreadableRecord {
                    store: schema::SETTINGS,
                    key: KEY.to_owned(),
                    message: error.to_string(),
                });
            }
            let id = crate::uuid_v7::new_v7();
            store.put(
                &JsValue::from_str(&id.to_string()),
                Some(&JsValue::from_str(KEY)),
            )?;
            Ok(id)
        }
        .await;
        transaction.finish(result).await
    }

    // ----- session --------------------------------------------------------------------------

    /// Stores the signed-in session, replacing any earlier one.
    pub async fn put_session(&self, session: &Session) -> Result<(), StorageError> {
        let record = to_record(session)?;
        let transaction = self.begin_durable_write(&[schema::SESSION])?;
        let result = (|| {
            transaction.store(schema::SESSION)?.put(
                &record,
                Some(&JsValue::from_str(schema::CURRENT_SESSION_KEY)),
            )?;
            Ok(())
        })();
        transaction.finish(result).await
    }

    pub async fn get_session(&self) -> Result<Option<Session>, StorageError> {
        self.get_record(schema::SESSION, schema::CURRENT_SESSION_KEY)
            .await
    }

    pub async fn delete_session(&self) -> Result<(), StorageError> {
        let transaction = self.begin_durable_write(&[schema::SESSION])?;
        let result = (|| {
            transaction
                .store(schema::SESSION)?
                .delete(Query::from(JsValue::from_str(schema::CURRENT_SESSION_KEY)))?;
            Ok(())
        })();
        transaction.finish(result).await
    }

    /// Reads and decodes one record of `store`.
    async fn get_record<T: DeserializeOwned>(
        &self,
        store: &'static str,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        let transaction = self.begin_read(&[store])?;
        let value = transaction
            .store(store)?
            .get(Query::from(JsValue::from_str(key)))?
            .await?;
        transaction.commit().await?;
        match value {
            Some(value) if !value.is_undefined() => from_record(store, key, value).map(Some),
            _ => Ok(None),
        }
    }
}

/// Turns a value into the plain JS object stored in IndexedDB.
pub(crate) fn to_record<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StorageError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| StorageError::Serialization(error.to_string()))
}

/// Reads a stored record back, naming the record when it does not decode.
pub(crate) fn from_record<T: DeserializeOwned>(
    store: &'static str,
    key: &str,
    value: JsValue,
) -> Result<T, StorageError> {
    serde_wasm_bindgen::from_value(value).map_err(|error| StorageError::UnreadableRecord {
        store,
        key: key.to_owned(),
        message: error.to_string(),
    })
}

fn upgrade_transaction(event: &web_sys::IdbVersionChangeEvent) -> Option<IdbTransaction> {
    let request: web_sys::IdbOpenDbRequest = event.target()?.dyn_into().ok()?;
    request.transaction()
}

fn run_upgrade(
    event: &web_sys::IdbVersionChangeEvent,
    target_version: u32,
    late_failure: Rc<RefCell<Option<StorageError>>>,
) -> Result<(), StorageError> {
    let request: web_sys::IdbOpenDbRequest = event
        .target()
        .and_then(|target| target.dyn_into().ok())
        .ok_or_else(|| StorageError::MigrationFailed("the upgrade has no request".to_owned()))?;
    let database: IdbDatabase = request
        .result()
        .map_err(|error| classify_js_error(&error))?
        .dyn_into()
        .map_err(|_| StorageError::MigrationFailed("the upgrade has no database".to_owned()))?;
    let transaction = request.transaction().ok_or_else(|| {
        StorageError::MigrationFailed("the upgrade has no transaction".to_owned())
    })?;
    // IndexedDB versions are whole numbers well inside `u32`.
    let old_version = event.old_version() as u32;
    schema::upgrade(
        &database,
        &transaction,
        old_version,
        target_version,
        late_failure,
    )
}
