//! `baeum-server backup FILE` (issue 15, item 14): a consistent copy taken while statements
//! are being written holds every statement acknowledged before it started, and the command
//! never replaces a file unless told to.

mod xapi_support;

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

use baeum_server::store::{backup_database, Role, SqliteStore, Store};
use baeum_server::{AppState, Config};
use serde_json::{json, Value};
use tokio::sync::mpsc;
use uuid::Uuid;
use xapi_support::{account, send, statement, xapi};

/// An app over a real database file in `directory`, as the server runs it (WAL journal).
fn file_backed_state(directory: &Path) -> (AppState, Arc<SqliteStore>) {
    let store = Arc::new(SqliteStore::open(directory).expect("the database opens"));
    let config = Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: "/nonexistent/content".into(),
        data_dir: directory.to_owned(),
        transport: Default::default(),
    };
    let cheap = argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None).expect("params");
    (AppState::with_store(config, store.clone(), cheap), store)
}

/// The statement ids in a backup file.
fn ids_in_backup(path: &Path) -> HashSet<Uuid> {
    let copy =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("the backup opens");
    let verdict: String = copy
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check runs");
    assert_eq!(verdict, "ok");
    let mut query = copy.prepare("SELECT id FROM statements").expect("query");
    let ids = query
        .query_map([], |row| row.get::<_, String>(0))
        .expect("rows")
        .map(|id| Uuid::parse_str(&id.expect("a row")).expect("a uuid"))
        .collect();
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn a_backup_taken_during_writes_holds_every_acknowledged_statement() {
    let data = tempfile::tempdir().expect("a data directory");
    let (state, _store) = file_backed_state(data.path());
    let learner = account(&state, "learner", Role::Learner).await;

    // A writer pushes batches until told to stop, recording what the server acknowledged.
    let acknowledged: Arc<Mutex<Vec<Uuid>>> = Arc::default();
    let (batches_done, mut batch_done) = mpsc::unbounded_channel::<()>();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let state = state.clone();
        let acknowledged = Arc::clone(&acknowledged);
        let stop = Arc::clone(&stop);
        let actor = learner.actor(&state);
        let authorization = learner.basic();
        tokio::spawn(async move {
            let mut round = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let ids: Vec<Uuid> = (0..25).map(|_| Uuid::new_v4()).collect();
                let body = Value::Array(
                    ids.iter()
                        .map(|id| {
                            let mut body = statement(&actor, &format!("lesson-{round}"));
                            body["id"] = json!(id);
                            body
                        })
                        .collect(),
                );
                let reply = send(
                    &state,
                    xapi(
                        "POST",
                        "/xapi/statements",
                        Some(&authorization),
                        Some(&body),
                    ),
                )
                .await;
                assert_eq!(reply.status, 200, "{}", reply.body);
                acknowledged.lock().expect("not poisoned").extend(ids);
                let _ = batches_done.send(());
                round += 1;
            }
        })
    };
    // Let some batches be acknowledged, then back up while the writer goes on.
    for _ in 0..10 {
        batch_done.recv().await.expect("the writer runs");
    }
    let before: Vec<Uuid> = acknowledged.lock().expect("not poisoned").clone();
    let target = data.path().join("copy.sqlite3");
    let data_dir = data.path().to_owned();
    let backup_target = target.clone();
    let summary =
        tokio::task::spawn_blocking(move || backup_database(&data_dir, &backup_target, false))
            .await
            .expect("the backup task finished")
            .expect("the backup is made");
    // The writer kept going during and after the backup.
    batch_done.recv().await.expect("the writer still runs");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    writer.await.expect("the writer stopped cleanly");

    let in_backup = ids_in_backup(&target);
    assert!(before.len() >= 250);
    for id in &before {
        assert!(
            in_backup.contains(id),
            "acknowledged statement {id} is missing"
        );
    }
    assert_eq!(summary.statements as usize, in_backup.len());
    // Whole batches only: a batch is written in one transaction.
    assert_eq!(in_backup.len() % 25, 0);

    // The copy is a baeum database the server opens.
    let restored = tempfile::tempdir().expect("a restore directory");
    std::fs::copy(&target, restored.path().join("baeum.sqlite3")).expect("copied");
    let reopened = SqliteStore::open(restored.path()).expect("the backup opens as a store");
    assert!(reopened
        .statement_by_id(before[0])
        .expect("readable")
        .is_some());
}

#[test]
fn the_backup_command_never_replaces_a_file_unless_forced() {
    let data = tempfile::tempdir().expect("a data directory");
    // The database stays open here, as in a running server.
    let _open = SqliteStore::open(data.path()).expect("the database opens");
    let target = data.path().join("nightly.sqlite3");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_baeum-server"))
            .arg("backup")
            .arg(&target)
            .arg("--data")
            .arg(data.path())
            .args(extra)
            .output()
            .expect("run the backup command")
    };

    let first = run(&[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("backed up 0 statements"));
    let made = std::fs::read(&target).expect("the backup exists");

    std::fs::write(&target, b"an older backup").expect("replaced by hand");
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&target).expect("still there"),
        b"an older backup"
    );

    let forced = run(&["--force"]);
    assert!(forced.status.success());
    assert_eq!(std::fs::read(&target).expect("replaced").len(), made.len());
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(data.path())
        .expect("listable")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty());

    // A wrong data directory is an error, and no empty database is made there.
    let empty = tempfile::tempdir().expect("an empty directory");
    let missing = Command::new(env!("CARGO_BIN_EXE_baeum-server"))
        .arg("backup")
        .arg(empty.path().join("copy.sqlite3"))
        .arg("--data")
        .arg(empty.path())
        .output()
        .expect("run the backup command");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no baeum database"));
    assert_eq!(
        std::fs::read_dir(empty.path()).expect("listable").count(),
        0
    );
}
