//! The password-hashing pool: a few threads of its own that run every Argon2id hash and
//! verification, with a bounded queue in front.
//!
//! Why not tokio's blocking pool: every database call runs there, and that pool grows to 512
//! threads. A flood of sign-ins would then run hundreds of 19 MiB hashes at once, eat the
//! memory and starve the learners' statement writes. Here at most one hash per CPU runs
//! (the threads are the semaphore), and at most [`QUEUE_PER_THREAD`] per thread wait; when
//! the queue is full the request is refused at once with 503 and `Retry-After` instead of
//! waiting without bound.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use crate::error::ServerError;

/// Hashes that may wait per hashing thread. At tens of milliseconds per default Argon2id hash,
/// a full queue is cleared in well under a second on two cores.
pub const QUEUE_PER_THREAD: usize = 16;

type Job = Box<dyn FnOnce() + Send>;

/// A fixed set of threads running password work from a bounded queue. Dropping the pool
/// (every clone of the app state) ends its threads once the queue is empty.
pub struct HashingPool {
    sender: SyncSender<Job>,
    threads: usize,
}

impl std::fmt::Debug for HashingPool {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("HashingPool")
            .field("threads", &self.threads)
            .finish()
    }
}

impl HashingPool {
    /// One thread per available CPU, each with [`QUEUE_PER_THREAD`] waiting places.
    pub fn sized_to_machine() -> Self {
        let threads = std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(2);
        Self::new(threads, threads * QUEUE_PER_THREAD)
    }

    /// `threads` workers and `queue` waiting places (both at least one).
    pub fn new(threads: usize, queue: usize) -> Self {
        let threads = threads.max(1);
        let (sender, receiver) = sync_channel::<Job>(queue.max(1));
        let receiver = Arc::new(Mutex::new(receiver));
        for index in 0..threads {
            let receiver = Arc::clone(&receiver);
            // A thread that cannot start leaves the pool smaller; the queue still refuses
            // work beyond its size, so nothing waits without bound.
            let _ = std::thread::Builder::new()
                .name(format!("password-hashing-{index}"))
                .spawn(move || work(&receiver));
        }
        Self { sender, threads }
    }

    /// How many hashes run at once.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `job` on the pool and waits for its result; a full queue is refused at once.
    pub async fn run<T, F>(&self, job: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (answer, result) = tokio::sync::oneshot::channel();
        let boxed: Job = Box::new(move || {
            // The requester may have gone (a closed connection); the result is then unused.
            let _ = answer.send(job());
        });
        match self.sender.try_send(boxed) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(ServerError::Busy {
                    message: "the server is busy checking passwords; try again in a moment".into(),
                    retry_after_seconds: 1,
                })
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(ServerError::PasswordHash(
                    "no hashing thread is running".into(),
                ))
            }
        }
        result
            .await
            .map_err(|_| ServerError::PasswordHash("the hashing job stopped".into()))
    }
}

fn work(receiver: &Mutex<Receiver<Job>>) {
    loop {
        let job = {
            // Only `recv` runs under the lock, and it cannot panic, so poisoning is harmless.
            let receiver = receiver
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            receiver.recv()
        };
        match job {
            // A panicking job must not take the thread with it; its requester sees the
            // dropped answer as a failed hash.
            Ok(job) => {
                let _ = std::panic::catch_unwind(AssertUnwindSafe(job));
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Multi-threaded: the test blocks its own thread waiting for the first job to start.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_queue_is_refused_at_once_with_retry_after() {
        let pool = Arc::new(HashingPool::new(1, 1));
        let (release, held) = std::sync::mpsc::channel::<()>();
        let (started_send, started) = std::sync::mpsc::channel::<()>();
        let running = {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move {
                pool.run(move || {
                    let _ = started_send.send(());
                    let _ = held.recv();
                    1
                })
                .await
            })
        };
        // The one thread is busy; its one waiting place is taken next.
        started.recv().expect("the first job starts");
        let (waited_send, waited) = std::sync::mpsc::channel::<()>();
        pool.sender
            .try_send(Box::new(move || {
                let _ = waited_send.send(());
            }))
            .expect("one job may wait");
        match pool.run(|| 3).await {
            Err(ServerError::Busy {
                retry_after_seconds,
                ..
            }) => assert_eq!(retry_after_seconds, 1),
            other => panic!("expected busy, got {other:?}"),
        }
        release.send(()).expect("release the first job");
        assert_eq!(running.await.expect("joined").expect("ran"), 1);
        waited.recv().expect("the waiting job ran too");
    }

    #[tokio::test]
    async fn a_panicking_job_leaves_the_pool_working() {
        let pool = HashingPool::new(1, 4);
        assert!(pool.run(|| panic!("boom")).await.is_err());
        assert_eq!(pool.run(|| 7).await.expect("still works"), 7);
    }
}
