//! Rate-limit buckets kept in the database, so that every server instance on one database
//! counts the same attempts (`limits.rs` decides what is counted and keeps a cheap in-process
//! filter in front). Each engine implements [`super::Store::take_rate_tokens`] in its own
//! `buckets.rs`, with the same arithmetic: GCRA, the algorithm `governor` uses in memory, so
//! the limits behave as they did with one process.
//!
//! A bucket is one row: an opaque 32-byte id (a keyed hash made by `limits.rs`; the store
//! never sees an address or a username) and its theoretical arrival time (TAT). An attempt at
//! `now` is allowed when `tat - tolerance <= now` (with a missing row read as `tat = now`), and
//! then moves the TAT to `max(tat, now) + interval`. A row whose TAT has passed is a full
//! bucket, the same as no row, so it can be deleted at any time: the store deletes them at
//! most once a [`PRUNE_EVERY_SECONDS`] per process, which keeps the table as small as the
//! attempts of the last period, however many names a flood tries.
//!
//! `now` is the wall clock of the instance that asks. Instances kept in time by NTP differ by
//! milliseconds, which moves a bucket's refill by as much and no more.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// How often (at most) one process deletes the buckets that are full again.
pub const PRUNE_EVERY_SECONDS: i64 = 60;

/// One attempt to take from one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BucketTake {
    /// The bucket's id: a keyed hash of the limit's name and the key counted.
    pub bucket: [u8; 32],
    /// Microseconds to refill one attempt (the GCRA emission interval, `period / burst`).
    pub interval_micros: i64,
    /// Microseconds of burst (`interval * (burst - 1)`, plus `limits.rs`'s small allowance for
    /// clocks read out of order): how far ahead of now the TAT may be for an attempt to be
    /// allowed.
    pub tolerance_micros: i64,
}

/// What [`super::Store::take_rate_tokens`] answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeOutcome {
    /// Every bucket gave one attempt.
    Allowed,
    /// The bucket at `index` was empty: it and the ones after it were not touched (the ones
    /// before it were spent). An attempt is possible again after `wait`.
    Refused { index: usize, wait: Duration },
}

/// The wait before a refused bucket allows an attempt, from its TAT.
pub fn wait_for(tat_micros: i64, take: &BucketTake, now_micros: i64) -> Duration {
    let wait = tat_micros
        .saturating_sub(take.tolerance_micros)
        .saturating_sub(now_micros)
        .max(0);
    Duration::from_micros(u64::try_from(wait).unwrap_or(0))
}

/// When this process last deleted full buckets, so it does so at most once a
/// [`PRUNE_EVERY_SECONDS`].
#[derive(Debug, Default)]
pub struct PruneClock {
    next_micros: AtomicI64,
}

impl PruneClock {
    /// Whether to prune now; true for one caller per [`PRUNE_EVERY_SECONDS`].
    pub fn due(&self, now_micros: i64) -> bool {
        let next = self.next_micros.load(Ordering::Relaxed);
        now_micros >= next
            && self
                .next_micros
                .compare_exchange(
                    next,
                    now_micros.saturating_add(PRUNE_EVERY_SECONDS * 1_000_000),
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                )
                .is_ok()
    }
}
