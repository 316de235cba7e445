//! Which database engine a test runs on. Without `BAEUM_TEST_DATABASE_URL`, SQLite in a
//! temporary directory (a file, so reads run on their own connections as in a school's
//! server), deleted when the test's thread ends; with it, a PostgreSQL
//! database of the test's own, created on that server (the URL names a database to connect to
//! for `CREATE DATABASE`, such as `postgres://postgres@127.0.0.1:54329/postgres`) and dropped
//! when the test's thread ends. `cargo xtask test` runs the suite both ways.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use baeum_server::store::{PostgresStore, SqliteStore, Store};
use baeum_server::{cheap_password_params, AppState, Config};

/// The variable naming the PostgreSQL server the tests use.
pub const DATABASE_URL_VARIABLE: &str = "BAEUM_TEST_DATABASE_URL";

fn postgres_server() -> Option<String> {
    std::env::var(DATABASE_URL_VARIABLE)
        .ok()
        .filter(|url| !url.is_empty())
}

/// Whether the tests run on PostgreSQL.
pub fn on_postgres() -> bool {
    postgres_server().is_some()
}

/// State over a database of this test's own, with cheap password hashing.
pub fn state(config: Config) -> AppState {
    AppState::with_store(config, store(), cheap_password_params())
}

/// A store of this test's own.
pub fn store() -> Arc<dyn Store> {
    match postgres_server() {
        None => {
            let directory = tempfile::tempdir().expect("a temporary directory");
            let store = SqliteStore::open(directory.path()).expect("the test database opens");
            SQLITE_DIRECTORIES.with(|directories| directories.borrow_mut().push(directory));
            Arc::new(store)
        }
        Some(server) => Arc::new(
            PostgresStore::connect(&fresh_database(&server)).expect("the test database opens"),
        ),
    }
}

/// A database of this test's own that several stores open, as several server processes do:
/// `SqliteStore`s on one file, or PostgreSQL pools on one database.
pub struct SharedDatabase {
    sqlite_directory: Option<std::path::PathBuf>,
    url: Option<String>,
}

impl SharedDatabase {
    pub fn new() -> Self {
        match postgres_server() {
            None => {
                let directory = tempfile::tempdir().expect("a temporary directory");
                let path = directory.path().to_owned();
                SQLITE_DIRECTORIES.with(|directories| directories.borrow_mut().push(directory));
                Self {
                    sqlite_directory: Some(path),
                    url: None,
                }
            }
            Some(server) => Self {
                sqlite_directory: None,
                url: Some(fresh_database(&server)),
            },
        }
    }

    /// One more store on it (one more server process).
    pub fn open(&self) -> Arc<dyn Store> {
        match (&self.sqlite_directory, &self.url) {
            (_, Some(url)) => {
                Arc::new(PostgresStore::connect(url).expect("the test database opens"))
            }
            (Some(directory), None) => {
                Arc::new(SqliteStore::open(directory).expect("the test database opens"))
            }
            (None, None) => unreachable!("a shared database is SQLite or PostgreSQL"),
        }
    }

    /// How many rows `table` has, read directly.
    pub fn count_rows(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match (&self.sqlite_directory, &self.url) {
            (_, Some(url)) => {
                let url = url.clone();
                std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a runtime");
                    runtime.block_on(async move {
                        let (client, connection) =
                            tokio_postgres::connect(&url, tokio_postgres::NoTls)
                                .await
                                .expect("connect to the test database");
                        let connection = tokio::spawn(connection);
                        let count: i64 = client.query_one(&sql, &[]).await.expect("count").get(0);
                        drop(client);
                        let _ = connection.await;
                        count
                    })
                })
                .join()
                .expect("the counting thread")
            }
            (Some(directory), None) => rusqlite::Connection::open(directory.join("baeum.sqlite3"))
                .and_then(|connection| connection.query_row(&sql, [], |row| row.get(0)))
                .expect("count"),
            (None, None) => unreachable!("a shared database is SQLite or PostgreSQL"),
        }
    }
}

impl Default for SharedDatabase {
    fn default() -> Self {
        Self::new()
    }
}

/// A database a test can open, close and open again: SQLite in `config.data_dir`, or a fresh
/// PostgreSQL database.
pub struct Reopenable {
    url: Option<String>,
}

impl Reopenable {
    pub fn new() -> Self {
        Self {
            url: postgres_server().map(|server| fresh_database(&server)),
        }
    }

    /// The PostgreSQL URL, or `None` on SQLite.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    pub fn is_sqlite(&self) -> bool {
        self.url.is_none()
    }

    /// Opens it as the server does (real password hashing cost).
    pub fn open(&self, config: Config) -> AppState {
        AppState::open_database(config, self.url.as_deref()).expect("the database opens")
    }

    /// Points a `baeum-server` command at it: `BAEUM_DATABASE_URL` on PostgreSQL, and never
    /// one inherited from the shell on SQLite.
    pub fn for_command<'a>(
        &self,
        command: &'a mut std::process::Command,
    ) -> &'a mut std::process::Command {
        match &self.url {
            Some(url) => command.env("BAEUM_DATABASE_URL", url),
            None => command.env_remove("BAEUM_DATABASE_URL"),
        }
    }

    /// The `--database` arguments that name it (none on SQLite).
    pub fn arguments(&self) -> Vec<String> {
        self.url
            .iter()
            .flat_map(|url| ["--database".to_owned(), url.clone()])
            .collect()
    }

    /// Marks the database as written by a newer baeum, at schema version `version`.
    pub fn set_schema_version(&self, data_dir: &std::path::Path, version: i64) {
        match &self.url {
            Some(url) => administer(
                url,
                format!("UPDATE baeum_schema_version SET version = {version}"),
            ),
            None => rusqlite::Connection::open(data_dir.join("baeum.sqlite3"))
                .and_then(|connection| connection.pragma_update(None, "user_version", version))
                .expect("the schema version is set"),
        }
    }

    /// Takes the database back to the schema before the progress tables (issue 18, item 5):
    /// they and the tables of every later migration (the rate-limit buckets, forwarding, the
    /// check-ins' seen marks, sites, certificates, enrolment)
    /// dropped and the version set to the one before their migration, as a database written
    /// by an earlier baeum is.
    pub fn undo_progress_migration(&self, data_dir: &std::path::Path) {
        let drop_tables =
            "DROP TABLE applications; DROP TABLE site_enrolment; \
             DROP TABLE certificates; DROP TABLE signing_keys; \
             DROP TABLE site_featured; ALTER TABLE class_members DROP COLUMN joined_after_sequence; \
                           DROP TABLE check_in_seen; DROP TABLE documents; DROP TABLE progress_lessons; DROP TABLE progress_items; \
                           DROP TABLE rate_buckets; DROP TABLE rate_limit_key; \
                           DROP TRIGGER statements_forward ON statements; \
                           DROP FUNCTION baeum_forward_capture(); \
                           DROP TABLE forward_outbox; DROP TABLE forward_config; \
                           DROP TABLE class_teachers; ALTER TABLE class_members DROP COLUMN site_id; \
                           DROP INDEX classes_by_teacher_code; ALTER TABLE classes DROP COLUMN teacher_code; \
                           ALTER TABLE classes DROP COLUMN site_id; \
                           ALTER TABLE teacher_invitations DROP COLUMN site_id; DROP TABLE site_staff; \
                           DROP TABLE site_courses; DROP TABLE site_hosts; DROP TABLE sites;";
        let drop_sqlite_tables =
            "DROP TABLE applications; DROP TABLE site_enrolment; \
             DROP TABLE certificates; DROP TABLE signing_keys; \
             DROP TABLE site_featured; ALTER TABLE class_members DROP COLUMN joined_after_sequence; \
                           DROP TABLE check_in_seen; DROP TABLE documents; DROP TABLE progress_lessons; DROP TABLE progress_items; \
                           DROP TABLE rate_buckets; DROP TABLE rate_limit_key; \
                           DROP TRIGGER IF EXISTS statements_forward; \
                           DROP TABLE forward_outbox; DROP TABLE forward_config; \
                           DROP TABLE class_teachers; ALTER TABLE class_members DROP COLUMN site_id; \
                           DROP INDEX classes_by_teacher_code; ALTER TABLE classes DROP COLUMN teacher_code; \
                           ALTER TABLE classes DROP COLUMN site_id; \
                           ALTER TABLE teacher_invitations DROP COLUMN site_id; DROP TABLE site_staff; \
                           DROP TABLE site_courses; DROP TABLE site_hosts; DROP TABLE sites;";
        match &self.url {
            Some(url) => administer(
                url,
                format!("{drop_tables} UPDATE baeum_schema_version SET version = 1"),
            ),
            None => rusqlite::Connection::open(data_dir.join("baeum.sqlite3"))
                .and_then(|connection| {
                    connection.execute_batch(drop_sqlite_tables)?;
                    connection.pragma_update(None, "user_version", 4)
                })
                .expect("the progress migration is undone"),
        }
    }
}

impl Default for Reopenable {
    fn default() -> Self {
        Self::new()
    }
}

/// Creates a database on `server` and returns its URL; it is dropped when this thread ends.
fn fresh_database(server: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "baeum_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    administer(server, format!("DROP DATABASE IF EXISTS {name}"));
    administer(server, format!("CREATE DATABASE {name} TEMPLATE template0"));
    DROP_AT_THREAD_END.with(|databases| {
        databases.borrow_mut().push(DropDatabase {
            server: server.to_owned(),
            name: name.clone(),
        })
    });
    with_database(server, &name)
}

/// `server` with its database name replaced by `name`.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (server, String::new()),
    };
    let after_scheme = base.find("://").map_or(0, |index| index + 3);
    let host_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |index| after_scheme + index);
    format!("{}/{name}{query}", &base[..host_end])
}

/// Runs one statement on `server`, on a thread of its own (a test's body is already inside a
/// tokio runtime, and this may run while a thread ends).
fn administer(server: &str, sql: String) {
    let server = server.to_owned();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let (client, connection) = tokio_postgres::connect(&server, tokio_postgres::NoTls)
                .await
                .unwrap_or_else(|error| {
                    panic!("cannot connect to {DATABASE_URL_VARIABLE}: {error}")
                });
            let connection = tokio::spawn(connection);
            client
                .batch_execute(&sql)
                .await
                .unwrap_or_else(|error| panic!("{sql}: {error}"));
            drop(client);
            let _ = connection.await;
        })
    })
    .join()
    .expect("the database administration thread");
}

struct DropDatabase {
    server: String,
    name: String,
}

impl Drop for DropDatabase {
    fn drop(&mut self) {
        // FORCE closes what a store still holds open (a server task the test left running).
        administer(
            &self.server,
            format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

thread_local! {
    static DROP_AT_THREAD_END: RefCell<Vec<DropDatabase>> = const { RefCell::new(Vec::new()) };
    static SQLITE_DIRECTORIES: RefCell<Vec<tempfile::TempDir>> = const { RefCell::new(Vec::new()) };
}
