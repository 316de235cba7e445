//! Group commit on SQLite: pushes of statements that arrive while another is being written
//! wait together and are written in one transaction, each in a savepoint of its own.
//!
//! Why: with `synchronous = FULL`, every commit waits for the disk (an fsync of the WAL), and
//! SQLite has one writer at a time, so pushes committed one by one queue behind each other's
//! disk waits. Written together, many pushes share one wait.
//!
//! How (leader and followers, no thread of its own): a push queues itself, then takes the
//! writer connection. Whoever holds the writer takes every push queued so far (its own and
//! those that queued while the writer was busy, up to [`MAX_GROUP`]), writes them, answers each
//! one, and lets go of the writer. A push whose group someone else wrote finds its answer
//! waiting once it holds the writer.
//!
//! Each push stays all-or-nothing with its own answer. The group is written first as it is;
//! if a push is refused (an id conflict, a foreign void, a daily limit) or fails, the whole
//! transaction is rolled back and the group written again with each push in a savepoint, so
//! the refused one rolls back to its savepoint without touching its neighbours. (Savepoints
//! on every group cost a sixth of the writer's time, for refusals that almost never come.)
//! The stored time is taken once the group's `BEGIN IMMEDIATE` holds the write lock, and
//! stays in flight (holding Consistent-Through back) until the group commits, as for one
//! push. A push is answered only after the commit; if the commit fails, every push the group
//! would have stored gets that failure.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError};
use std::sync::Mutex;

use rusqlite::{Connection, TransactionBehavior};

use super::statements::PreparedStatement;
use crate::store::{DailyCharge, NewStatement, StoreError, WriteClock};

/// Pushes written in one transaction at most: a bound on how long the writer is held, and on
/// the time a push written first waits for the last one's.
const MAX_GROUP: usize = 64;

/// A push waiting for the writer.
struct PendingPush {
    statements: Vec<PreparedStatement>,
    charge: DailyCharge,
    answer: SyncSender<Result<(), StoreError>>,
}

/// The pushes waiting for the writer.
#[derive(Default)]
pub(super) struct PushQueue {
    pending: Mutex<Vec<PendingPush>>,
}

/// The group's transaction failed as a whole (its begin, a savepoint or the commit); each of
/// the group's pushes gets a copy of the failure as its answer.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct GroupFailure(String);

impl PushQueue {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<PendingPush>> {
        // The queue is a plain list, consistent at every step; a panic elsewhere cannot break
        // it.
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Queues a push, prepared by the pushing thread before it takes the queue's lock.
    fn enqueue(
        &self,
        statements: &[NewStatement],
        charge: &DailyCharge,
    ) -> Receiver<Result<(), StoreError>> {
        let (answer, answered) = sync_channel(1);
        let push = PendingPush {
            statements: statements.iter().map(PreparedStatement::new).collect(),
            charge: *charge,
            answer,
        };
        self.lock().push(push);
        answered
    }

    /// Stores a push (see the module documentation). `writer` gives the writer connection,
    /// waiting for it.
    pub(super) fn push<G>(
        &self,
        writer: impl Fn() -> G,
        clock: &WriteClock,
        statements: &[NewStatement],
        charge: &DailyCharge,
    ) -> Result<(), StoreError>
    where
        G: std::ops::DerefMut<Target = Connection>,
    {
        let answered = self.enqueue(statements, charge);
        loop {
            {
                let mut connection = writer();
                let group: Vec<PendingPush> = {
                    let mut pending = self.lock();
                    let taken = pending.len().min(MAX_GROUP);
                    pending.drain(..taken).collect()
                };
                if !group.is_empty() {
                    // Answered before the writer is let go, so a push that then takes the
                    // writer finds its answer, or its push still queued.
                    write_group(&mut connection, clock, group);
                }
            }
            match answered.try_recv() {
                Ok(answer) => return answer,
                // Still queued behind a full group: take the writer again.
                Err(TryRecvError::Empty) => continue,
                // Only a panic while writing its group drops a push unanswered.
                Err(TryRecvError::Disconnected) => return Err(StoreError::TaskFailed),
            }
        }
    }
}

/// Writes a group in one transaction and answers each push.
///
/// First without savepoints: a savepoint makes SQLite copy every page it changes aside, and
/// pushes are almost never refused. If one is (or fails), the transaction is rolled back and
/// the group written again with a savepoint for each push, at the same stored time: the
/// writer and the time in flight are held throughout, so nothing else was written between.
fn write_group(connection: &mut Connection, clock: &WriteClock, mut group: Vec<PendingPush>) {
    // Per push, in order, once the second attempt reached it: why it alone was refused.
    let mut refusals: Vec<Option<StoreError>> = Vec::with_capacity(group.len());
    let failure = write_attempts(connection, clock, &mut group, &mut refusals).err();
    let mut refusals = refusals.into_iter();
    for push in group {
        let answer = match (refusals.next().flatten(), &failure) {
            // A push refused on its own keeps its own answer, whatever became of the others.
            (Some(refused), _) => Err(refused),
            (None, Some(failure)) => Err(copy_failure(failure)),
            (None, None) => Ok(()),
        };
        // The push waits on its receiver; it is gone only if its thread is.
        let _ = push.answer.send(answer);
    }
}

/// The two attempts of [`write_group`]; `refusals` gets, per push, the second's refusal.
fn write_attempts(
    connection: &mut Connection,
    clock: &WriteClock,
    group: &mut [PendingPush],
    refusals: &mut Vec<Option<StoreError>>,
) -> Result<(), StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // The stored time is taken now that no other transaction can commit before this one.
    let in_flight = clock.begin();
    for push in group.iter_mut() {
        for statement in &mut push.statements {
            statement.stamp(in_flight.stored);
        }
    }
    let all_stored = group.iter().all(|push| {
        super::statements::insert_push(&transaction, &push.statements, &push.charge).is_ok()
    });
    if all_stored {
        return Ok(transaction.commit()?);
    }
    drop(transaction);
    let mut transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for push in group.iter() {
        let savepoint = transaction.savepoint()?;
        match super::statements::insert_push(&savepoint, &push.statements, &push.charge) {
            Ok(()) => {
                savepoint.commit()?;
                refusals.push(None);
            }
            // Dropping the savepoint rolls this push back; the others go on.
            Err(refused) => refusals.push(Some(refused)),
        }
    }
    transaction.commit()?;
    drop(in_flight);
    Ok(())
}

/// The group's failure, for one of its pushes: a full disk stays a full disk (507, the
/// client keeps its statements), anything else a database error.
fn copy_failure(failure: &StoreError) -> StoreError {
    let copy = Box::new(GroupFailure(failure.to_string()));
    match failure {
        StoreError::InsufficientStorage(_) => StoreError::InsufficientStorage(copy),
        _ => StoreError::Database(copy),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use baeum_core::xapi::validate_statement;
    use chrono::Utc;
    use serde_json::json;
    use uuid::Uuid;

    use crate::store::{
        AccountRecord, DailyCharge, DailyLimitKind, DailyLimits, NewStatement, Role, SqliteStore,
        Store, StoreError,
    };

    const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
    const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

    fn new_statement(number: u128, learner: Uuid, verb: &str) -> NewStatement {
        let id = Uuid::from_u128(0x0190_f0a4_7b1c_7d2e_8f30_0000_0000_0000 + number);
        let body = json!({
            "id": id,
            "actor": { "account": { "homePage": "https://baeum.example", "name": learner } },
            "verb": { "id": verb },
            "object": { "id": "https://baeum.example/lessons/hangul-1" },
            // A statement without one gets its stored time, and a retry would differ.
            "timestamp": "2026-12-01T09:30:00.000Z",
        });
        NewStatement {
            id,
            stored: Utc::now(),
            actor_key: format!("account:{learner}"),
            statement: validate_statement(&body).expect("a valid statement"),
        }
    }

    fn charge(account_id: Uuid, statements: u64) -> DailyCharge {
        DailyCharge {
            account_id,
            day: Utc::now().date_naive(),
            limits: DailyLimits {
                statements,
                ..DailyLimits::default()
            },
        }
    }

    /// Pushes queued while the writer is busy are written in one transaction (one stored
    /// time), and a push refused for a conflict or a daily limit rolls back alone: its
    /// neighbours are stored and answered as if each had been written by itself.
    #[test]
    fn a_group_stores_its_pushes_and_refuses_only_the_refused_ones() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let store = Arc::new(SqliteStore::open(directory.path()).expect("the store opens"));
        let (first, second) = (Uuid::now_v7(), Uuid::now_v7());
        for (id, username) in [(first, "first-learner"), (second, "second-learner")] {
            store
                .create_account(&AccountRecord {
                    id,
                    username: username.to_owned(),
                    role: Role::Learner,
                    // Never checked here: no one signs in.
                    password_hash: String::new(),
                    created_at: Utc::now(),
                })
                .expect("the account is created");
        }
        store
            .insert_statements(&[new_statement(1, first, ANSWERED)], &charge(first, 100))
            .expect("the first statement is stored");
        let before = store
            .statement_by_id(new_statement(1, first, ANSWERED).id)
            .expect("read")
            .expect("stored");

        let pushes = [
            // New statements: stored.
            (
                vec![
                    new_statement(2, first, ANSWERED),
                    new_statement(3, first, ANSWERED),
                ],
                charge(first, 100),
            ),
            // Statement 1 again with another verb (a conflict) beside a new one: refused whole.
            (
                vec![
                    new_statement(1, first, COMPLETED),
                    new_statement(4, first, ANSWERED),
                ],
                charge(first, 100),
            ),
            // Past the second learner's daily limit of one statement: refused whole.
            (
                vec![
                    new_statement(5, second, ANSWERED),
                    new_statement(6, second, ANSWERED),
                ],
                charge(second, 1),
            ),
            // A retry of statement 1 (stored already, nothing changes) beside a new one.
            (
                vec![
                    new_statement(1, first, ANSWERED),
                    new_statement(7, first, ANSWERED),
                ],
                charge(first, 100),
            ),
        ];
        let count = pushes.len();
        let writer = store.lock();
        let threads: Vec<_> = pushes
            .into_iter()
            .map(|(statements, charge)| {
                let store = Arc::clone(&store);
                std::thread::spawn(move || store.insert_statements(&statements, &charge))
            })
            .collect();
        // Every push queues behind the busy writer before any is written.
        let deadline = Instant::now() + Duration::from_secs(20);
        while store.pushes.lock().len() < count {
            assert!(Instant::now() < deadline, "the pushes did not queue");
            std::thread::sleep(Duration::from_millis(5));
        }
        drop(writer);
        let answers: Vec<Result<(), StoreError>> = threads
            .into_iter()
            .map(|thread| thread.join().expect("a pushing thread"))
            .collect();

        assert!(answers[0].is_ok(), "{:?}", answers[0]);
        match &answers[1] {
            Err(StoreError::BatchRefused(refusal)) => {
                assert_eq!(refusal.conflicts.len(), 1);
                assert_eq!(refusal.conflicts[0].id, before.id);
            }
            other => panic!("the conflicting push was answered {other:?}"),
        }
        assert!(
            matches!(
                answers[2],
                Err(StoreError::DailyLimitReached {
                    kind: DailyLimitKind::Statements,
                    limit: 1,
                    used: 0,
                    ..
                })
            ),
            "{:?}",
            answers[2]
        );
        assert!(answers[3].is_ok(), "{:?}", answers[3]);

        let stored_time = |number| {
            store
                .statement_by_id(new_statement(number, first, ANSWERED).id)
                .expect("read")
                .map(|statement| statement.stored)
        };
        let group_time = stored_time(2).expect("statement 2 is stored");
        for number in [3, 7] {
            assert_eq!(stored_time(number), Some(group_time), "statement {number}");
        }
        assert!(group_time > before.stored);
        for number in [4, 5, 6] {
            assert_eq!(
                stored_time(number),
                None,
                "statement {number} is not stored"
            );
        }
        let first_again = store
            .statement_by_id(before.id)
            .expect("read")
            .expect("stored");
        assert_eq!(
            first_again.stored, before.stored,
            "the retry changed nothing"
        );
        // The second learner's usage was rolled back with its push: one statement fits.
        store
            .insert_statements(&[new_statement(5, second, ANSWERED)], &charge(second, 1))
            .expect("the second learner's day is still empty");
    }
}
