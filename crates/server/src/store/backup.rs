//! `baeum-server backup FILE`: a consistent copy of the SQLite database, taken while the
//! server runs.
//!
//! The copy is made with `VACUUM INTO` on a connection of its own. It reads inside one read
//! transaction, so it is a snapshot of one moment: every statement acknowledged before the
//! backup started is in it, and a batch written meanwhile is either wholly in it or not at all.
//! In WAL mode readers do not block the writer, so the server keeps answering while the copy
//! is made. The copy is written next to the target under a temporary name, checked, and only
//! then given the target's name, so a half-written file never looks like a backup.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::sqlite::DATABASE_FILE_NAME;

/// Why a backup was not made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("there is no baeum database at {0} (give the server's data directory with --data)")]
    NoDatabase(PathBuf),
    #[error("{0} already exists; choose another file, or pass --force to replace it")]
    TargetExists(PathBuf),
    #[error("{0} is not a baeum database")]
    NotBaeum(PathBuf),
    #[error("the copy failed its integrity check: {0}")]
    Damaged(String),
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a finished backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    /// Size of the backup file.
    pub bytes: u64,
    /// Statements in it.
    pub statements: u64,
}

/// Copies `<data_dir>/baeum.sqlite3` to `target` (see the module documentation). Refuses to
/// replace an existing `target` unless `overwrite`.
pub fn backup_database(
    data_dir: &Path,
    target: &Path,
    overwrite: bool,
) -> Result<BackupSummary, BackupError> {
    let source = data_dir.join(DATABASE_FILE_NAME);
    if !source.is_file() {
        return Err(BackupError::NoDatabase(source));
    }
    if !overwrite && target.exists() {
        return Err(BackupError::TargetExists(target.to_owned()));
    }
    // Read-write without create: a WAL database needs its shared-memory file writable even to
    // read, and a mistyped directory must not get an empty database.
    let connection = Connection::open_with_flags(
        &source,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    connection.busy_timeout(std::time::Duration::from_secs(30))?;
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version < 1 {
        return Err(BackupError::NotBaeum(source));
    }
    let partial = partial_path(target);
    remove_if_present(&partial)?;
    let partial_text = partial.to_string_lossy().into_owned();
    let copied = connection
        .execute("VACUUM INTO ?1", [&partial_text])
        .map_err(BackupError::from)
        .and_then(|_| check_copy(&partial));
    let summary = match copied {
        Ok(summary) => summary,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    let placed = if overwrite {
        std::fs::rename(&partial, target)
    } else {
        // A hard link never replaces an existing file, so a file made at the target meanwhile
        // is not lost. File systems without hard links (a FAT memory stick) fall back to rename
        // after one more look.
        match std::fs::hard_link(&partial, target) {
            Ok(()) => std::fs::remove_file(&partial),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&partial);
                return Err(BackupError::TargetExists(target.to_owned()));
            }
            Err(_) if target.exists() => {
                let _ = std::fs::remove_file(&partial);
                return Err(BackupError::TargetExists(target.to_owned()));
            }
            Err(_) => std::fs::rename(&partial, target),
        }
    };
    placed.map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        BackupError::Io {
            path: target.to_owned(),
            source,
        }
    })?;
    Ok(summary)
}

/// `.<name>.partial` next to the target, so the final rename stays on one file system.
fn partial_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "baeum-backup".to_owned());
    target.with_file_name(format!(".{name}.partial"))
}

fn remove_if_present(path: &Path) -> Result<(), BackupError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(BackupError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Opens the copy, checks it and counts what it holds.
fn check_copy(path: &Path) -> Result<BackupSummary, BackupError> {
    let copy = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let verdict: String = copy.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if verdict != "ok" {
        return Err(BackupError::Damaged(verdict));
    }
    let statements: i64 =
        copy.query_row("SELECT COUNT(*) FROM statements", [], |row| row.get(0))?;
    drop(copy);
    let bytes = std::fs::metadata(path)
        .map_err(|source| BackupError::Io {
            path: path.to_owned(),
            source,
        })?
        .len();
    Ok(BackupSummary {
        bytes,
        statements: u64::try_from(statements).unwrap_or(0),
    })
}
