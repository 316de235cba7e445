//! Checkpoints of the write-ahead log on a thread of their own, off the writer's path.
//!
//! Why: SQLite's automatic checkpoint runs inside the commit that passes its threshold, so
//! every thousandth page or so one push waited while the log was copied into the database,
//! holding the writer (about a tenth of the writer's time under a stream of pushes). A
//! passive checkpoint on another connection copies what no reader still needs while the writer
//! goes on, as SQLite's documentation suggests for busy writers. The writer keeps an automatic
//! checkpoint at a much higher mark, so the log stays bounded should this thread fall behind.

use std::path::Path;
use std::sync::mpsc::{sync_channel, RecvTimeoutError, SyncSender};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::store::StoreError;

/// How often the log is checkpointed.
const EVERY: Duration = Duration::from_millis(250);
/// The writer's own automatic checkpoint, in pages of the log (SQLite's default is 1,000).
pub(super) const WRITER_AUTOCHECKPOINT_PAGES: i64 = 10_000;

/// The checkpointing thread; dropping it stops the thread.
pub(super) struct Checkpointer {
    stop: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts checkpointing the database at `path` (already in WAL mode).
    pub(super) fn start(path: &Path) -> Result<Self, StoreError> {
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        connection.busy_timeout(Duration::from_secs(5))?;
        let (stop, stopped) = sync_channel::<()>(0);
        let thread = std::thread::Builder::new()
            .name("sqlite-checkpoint".to_owned())
            .spawn(move || loop {
                match stopped.recv_timeout(EVERY) {
                    Err(RecvTimeoutError::Timeout) => {
                        // A checkpoint that could not run now (the log busy, a full disk) is
                        // tried again at the next tick; the writer's own mark is the backstop.
                        if let Err(error) =
                            connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                        {
                            tracing::debug!("checkpoint: {error}");
                        }
                    }
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                }
            })
            .map_err(|error| StoreError::Database(Box::new(error)))?;
        Ok(Self {
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel wakes the thread, which returns.
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
