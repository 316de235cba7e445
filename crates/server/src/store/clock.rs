//! The `stored` time of statements and `X-Experience-API-Consistent-Through`.
//!
//! A batch's stored time is taken inside its write transaction, once the writer holds the
//! write lock, and the batch is registered as in flight until it commits or rolls back. Then
//! the consistent-through time can be exact while batches are written concurrently with reads:
//! it is just before the oldest stored time still in flight, and never later than now, so
//! every statement stored up to it had committed when a read began. The clock never goes
//! backwards (a stored time is at least every "now" it has seen), so a later batch cannot be
//! stored before a consistent-through time already given out.
//!
//! The clock is per process: SQLite's, a school's one server process. PostgreSQL, where
//! several instances share the database, takes both times from the database instead
//! (`postgres/statements.rs`).

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, SubsecRound, Utc};

/// One process's stored-time clock and its batches in flight.
#[derive(Debug, Default)]
pub struct WriteClock {
    state: Mutex<ClockState>,
}

#[derive(Debug, Default)]
struct ClockState {
    /// The latest time the clock has seen (stored times and consistent-through times).
    latest: Option<DateTime<Utc>>,
    /// Stored times of the batches in flight, by ticket number.
    in_flight: BTreeMap<u64, DateTime<Utc>>,
    next_ticket: u64,
}

/// A batch in flight; dropping it (after commit or rollback) ends it.
#[derive(Debug)]
pub struct InFlight<'clock> {
    clock: &'clock WriteClock,
    ticket: u64,
    /// The batch's stored time, in microseconds (the precision the store keeps).
    pub stored: DateTime<Utc>,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.clock.lock().in_flight.remove(&self.ticket);
    }
}

impl WriteClock {
    fn lock(&self) -> std::sync::MutexGuard<'_, ClockState> {
        // The state is a few numbers left consistent at every step; a panic elsewhere while
        // holding the lock cannot break it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A stored time for a batch about to be written, held in flight until the result drops.
    /// Call it inside the write transaction, after taking the write lock.
    pub fn begin(&self) -> InFlight<'_> {
        let mut state = self.lock();
        let stored = state.observe(Utc::now());
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        state.in_flight.insert(ticket, stored);
        InFlight {
            clock: self,
            ticket,
            stored,
        }
    }

    /// The latest time up to which every stored statement is readable now: a microsecond
    /// before both now and the oldest batch in flight. Take it before reading.
    pub fn consistent_through(&self) -> DateTime<Utc> {
        let mut state = self.lock();
        let now = state.observe(Utc::now());
        let oldest = state.in_flight.values().min().copied().unwrap_or(now);
        now.min(oldest) - Duration::microseconds(1)
    }
}

impl ClockState {
    /// `now` in microseconds, never before a time already seen.
    fn observe(&mut self, now: DateTime<Utc>) -> DateTime<Utc> {
        let now = now.trunc_subsecs(6);
        let time = self.latest.map_or(now, |latest| latest.max(now));
        self.latest = Some(time);
        time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistent_through_stays_before_a_batch_in_flight_and_catches_up_after() {
        let clock = WriteClock::default();
        let batch = clock.begin();
        let stored = batch.stored;
        assert!(clock.consistent_through() < stored);
        let later = clock.begin();
        assert!(later.stored >= stored, "stored times never go backwards");
        drop(batch);
        assert!(clock.consistent_through() < later.stored);
        drop(later);
        assert!(clock.consistent_through() >= stored - Duration::microseconds(1));
    }

    #[test]
    fn a_batch_begun_after_a_consistent_through_time_is_stored_after_it() {
        let clock = WriteClock::default();
        for _ in 0..1000 {
            let through = clock.consistent_through();
            assert!(clock.begin().stored > through);
        }
    }
}
