//! The device's durable sync state: the statement log, the outbox, the statements set aside
//! and the pull cursor, behind the [`LocalStore`] trait.
//!
//! The client implements these operations over IndexedDB (each one a single transaction with
//! strict durability, so it happens whole or not at all); [`InMemoryStore`] implements them for
//! native tests and for the client's own unit tests. The engine never calls a store: it asks
//! for a [`StoreOperation`] in an [`Action`](super::Action), the client performs it, and reports
//! a [`StoreReply`]. [`perform_store_operation`] does exactly that for any synchronous store, and
//! is the reference an asynchronous adapter must behave like.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::engine::{Event, RequestId};
use super::wire::PulledStatement;
use super::SyncStatement;

/// Why a store operation failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("a statement with id {0} is already recorded")]
    DuplicateId(Uuid),
    #[error("local storage is unavailable: {0}")]
    Unavailable(String),
}

/// Why the server refused a statement for good. A refused statement is never retried by itself;
/// it is kept, with this reason, so the learner can be shown it, nothing is lost, and it can be
/// put back in the outbox once the cause is fixed ([`LocalStore::restore_rejected`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum RejectionReason {
    #[error("invalid: {message}")]
    Invalid { message: String },
    #[error("conflict: {message}")]
    Conflict { message: String },
    #[error("too large for the server")]
    TooLarge,
}

/// A statement set aside after the server refused it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RejectedStatement {
    pub statement: SyncStatement,
    pub reason: RejectionReason,
    /// Device time when the refusal was received.
    pub rejected_at_ms: i64,
}

/// What a push response changes in the store, applied in one transaction.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PushSettlement {
    /// Stored by the server: leave the outbox, stay in the log.
    pub acknowledged: Vec<Uuid>,
    /// Refused for good: leave the outbox and the log, kept aside with the reason (never
    /// deleted). They leave the log because the server will not pass them on, so keeping them
    /// would make this device's progress disagree with every other device's.
    pub rejected: Vec<RejectedStatement>,
    /// The server's own copies of statements whose id conflicted, to take their place in the
    /// log, so that this device ends up with the same statement as the others.
    pub server_versions: Vec<SyncStatement>,
    /// Forget the pull cursor, so the next pull reads everything again. Used when a conflict
    /// came without the server's copy: the copy must be pulled, and it may lie behind the
    /// cursor already.
    pub rewind_cursor: bool,
}

impl PushSettlement {
    pub fn is_empty(&self) -> bool {
        self.acknowledged.is_empty()
            && self.rejected.is_empty()
            && self.server_versions.is_empty()
            && !self.rewind_cursor
    }
}

/// What the engine needs to know about the store at the start of each push.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoreSnapshot {
    /// The oldest outbox statements, at most the requested number.
    pub outbox_batch: Vec<SyncStatement>,
    /// How many statements the outbox holds in all.
    pub waiting_count: usize,
    pub rejected: Vec<RejectedStatement>,
    pub pull_cursor: Option<i64>,
}

/// The device's durable sync state. Every method is one atomic step.
pub trait LocalStore {
    /// Appends a new statement to the log and the outbox together. The UI may say "saved" only
    /// after this returned `Ok`.
    fn append(&mut self, statement: SyncStatement) -> Result<(), StoreError>;
    /// The oldest `batch_limit` outbox statements (UUIDv7 order is creation order), the outbox
    /// size, the rejected list and the pull cursor.
    fn snapshot(&self, batch_limit: usize) -> Result<StoreSnapshot, StoreError>;
    /// Applies a push response. Ids no longer in the outbox are skipped, so applying the same
    /// settlement twice changes nothing the second time.
    fn settle_push(&mut self, settlement: &PushSettlement) -> Result<(), StoreError>;
    /// Adds pulled statements whose id the log does not hold yet and moves the cursor, together,
    /// so the cursor can never advance past a page that was not stored. Returns how many
    /// statements were new.
    fn store_pulled_page(
        &mut self,
        statements: &[PulledStatement],
        cursor: Option<i64>,
    ) -> Result<usize, StoreError>;
    /// Every statement in the log, in id order: what the progress fold reads.
    fn log(&self) -> Result<Vec<SyncStatement>, StoreError>;
    /// Puts the named statements of the rejected list back in the log and the outbox, together,
    /// to be sent again once what made the server refuse them is fixed. A statement whose id
    /// the log holds (the server's own copy, after a conflict) stays set aside: sending it
    /// again could only be refused again. Ids not in the rejected list are skipped. Returns how
    /// many statements went back.
    fn restore_rejected(&mut self, ids: &[Uuid]) -> Result<usize, StoreError>;
}

/// Whether a statement set aside for `reason` may be sent again: an invalid or too large one
/// may pass once the server or the app is fixed; a conflict never will, the id is taken.
pub fn can_be_sent_again(reason: &RejectionReason) -> bool {
    !matches!(reason, RejectionReason::Conflict { .. })
}

/// A store operation the engine asks the client to perform.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StoreOperation {
    /// Read a [`StoreSnapshot`] with at most `batch_limit` outbox statements.
    Snapshot {
        batch_limit: usize,
    },
    SettlePush(PushSettlement),
    StorePulledPage {
        statements: Vec<PulledStatement>,
        cursor: Option<i64>,
    },
}

/// The result of a successful store operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StoreReply {
    Snapshot(StoreSnapshot),
    Settled,
    PageStored { new_statements: usize },
}

/// Performs `operation` on a synchronous store and returns the event to hand to the engine.
pub fn perform_store_operation<S: LocalStore + ?Sized>(
    store: &mut S,
    request: RequestId,
    operation: &StoreOperation,
) -> Event {
    let result = match operation {
        StoreOperation::Snapshot { batch_limit } => {
            store.snapshot(*batch_limit).map(StoreReply::Snapshot)
        }
        StoreOperation::SettlePush(settlement) => {
            store.settle_push(settlement).map(|()| StoreReply::Settled)
        }
        StoreOperation::StorePulledPage { statements, cursor } => store
            .store_pulled_page(statements, *cursor)
            .map(|new_statements| StoreReply::PageStored { new_statements }),
    };
    match result {
        Ok(reply) => Event::StoreCompleted { request, reply },
        Err(error) => Event::StoreFailed {
            request,
            message: error.to_string(),
        },
    }
}

/// The store kept in memory: for native tests, the simulation and the client's unit tests.
/// Cloning it is how the simulation models "what survives a crash".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InMemoryStore {
    log: BTreeMap<Uuid, Value>,
    outbox: BTreeMap<Uuid, SyncStatement>,
    rejected: BTreeMap<Uuid, RejectedStatement>,
    pull_cursor: Option<i64>,
}

impl InMemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn outbox_len(&self) -> usize {
        self.outbox.len()
    }

    pub fn rejected(&self) -> Vec<RejectedStatement> {
        self.rejected.values().cloned().collect()
    }

    pub fn pull_cursor(&self) -> Option<i64> {
        self.pull_cursor
    }

    /// The log's ids and bodies without copying them, in id order.
    pub fn log_entries(&self) -> impl Iterator<Item = (Uuid, &Value)> {
        self.log.iter().map(|(id, body)| (*id, body))
    }

    pub fn log_len(&self) -> usize {
        self.log.len()
    }

    pub fn log_contains(&self, id: Uuid) -> bool {
        self.log.contains_key(&id)
    }
}

impl LocalStore for InMemoryStore {
    fn append(&mut self, statement: SyncStatement) -> Result<(), StoreError> {
        let id = statement.id();
        if self.log.contains_key(&id) || self.rejected.contains_key(&id) {
            return Err(StoreError::DuplicateId(id));
        }
        self.log.insert(id, statement.body().clone());
        self.outbox.insert(id, statement);
        Ok(())
    }

    fn snapshot(&self, batch_limit: usize) -> Result<StoreSnapshot, StoreError> {
        Ok(StoreSnapshot {
            outbox_batch: self.outbox.values().take(batch_limit).cloned().collect(),
            waiting_count: self.outbox.len(),
            rejected: self.rejected(),
            pull_cursor: self.pull_cursor,
        })
    }

    fn settle_push(&mut self, settlement: &PushSettlement) -> Result<(), StoreError> {
        for id in &settlement.acknowledged {
            self.outbox.remove(id);
        }
        for rejected in &settlement.rejected {
            let id = rejected.statement.id();
            if self.outbox.remove(&id).is_some() {
                self.log.remove(&id);
                self.rejected.insert(id, rejected.clone());
            }
        }
        for server_version in &settlement.server_versions {
            let id = server_version.id();
            if !self.outbox.contains_key(&id) {
                self.log.insert(id, server_version.body().clone());
            }
        }
        if settlement.rewind_cursor {
            self.pull_cursor = None;
        }
        Ok(())
    }

    fn store_pulled_page(
        &mut self,
        statements: &[PulledStatement],
        cursor: Option<i64>,
    ) -> Result<usize, StoreError> {
        let mut new_statements = 0;
        for pulled in statements {
            if let std::collections::btree_map::Entry::Vacant(entry) =
                self.log.entry(pulled.statement.id())
            {
                entry.insert(pulled.statement.body().clone());
                new_statements += 1;
            }
        }
        // The cursor only moves forward: a page answered late must not undo a newer page.
        self.pull_cursor = match (self.pull_cursor, cursor) {
            (Some(old), Some(new)) => Some(old.max(new)),
            (old, new) => old.or(new),
        };
        Ok(new_statements)
    }

    fn log(&self) -> Result<Vec<SyncStatement>, StoreError> {
        self.log
            .iter()
            .map(|(id, body)| {
                SyncStatement::new(*id, body.clone())
                    .map_err(|error| StoreError::Unavailable(error.to_string()))
            })
            .collect()
    }

    fn restore_rejected(&mut self, ids: &[Uuid]) -> Result<usize, StoreError> {
        let mut restored = 0;
        for id in ids {
            if self.log.contains_key(id) {
                continue;
            }
            let Some(rejected) = self.rejected.remove(id) else {
                continue;
            };
            self.log.insert(*id, rejected.statement.body().clone());
            self.outbox.insert(*id, rejected.statement);
            restored += 1;
        }
        Ok(restored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statement(n: u128, verb: &str) -> SyncStatement {
        SyncStatement::new(Uuid::from_u128(n), json!({ "verb": verb })).unwrap()
    }

    fn pulled(n: u128, verb: &str, stored_ms: i64) -> PulledStatement {
        PulledStatement {
            statement: statement(n, verb),
            stored_ms,
        }
    }

    #[test]
    fn append_puts_a_statement_in_log_and_outbox_once() {
        let mut store = InMemoryStore::new();
        store.append(statement(1, "a")).unwrap();
        assert_eq!(
            store.append(statement(1, "b")),
            Err(StoreError::DuplicateId(Uuid::from_u128(1)))
        );
        assert_eq!(store.outbox_len(), 1);
        assert_eq!(store.log().unwrap(), vec![statement(1, "a")]);
    }

    #[test]
    fn snapshot_takes_the_oldest_batch() {
        let mut store = InMemoryStore::new();
        for n in (1..=5).rev() {
            store.append(statement(n, "a")).unwrap();
        }
        let snapshot = store.snapshot(2).unwrap();
        assert_eq!(snapshot.waiting_count, 5);
        let ids: Vec<u128> = snapshot
            .outbox_batch
            .iter()
            .map(|statement| statement.id().as_u128())
            .collect();
        assert_eq!(ids, [1, 2]);
    }

    #[test]
    fn settling_acknowledges_sets_aside_and_is_idempotent() {
        let mut store = InMemoryStore::new();
        store.append(statement(1, "a")).unwrap();
        store.append(statement(2, "b")).unwrap();
        store.store_pulled_page(&[], Some(100)).unwrap();
        let settlement = PushSettlement {
            acknowledged: vec![Uuid::from_u128(1)],
            rejected: vec![RejectedStatement {
                statement: statement(2, "b"),
                reason: RejectionReason::Conflict {
                    message: "taken".to_owned(),
                },
                rejected_at_ms: 5,
            }],
            server_versions: vec![statement(2, "server")],
            rewind_cursor: true,
        };
        store.settle_push(&settlement).unwrap();
        let after_once = store.clone();
        store.settle_push(&settlement).unwrap();
        assert_eq!(store, after_once);
        assert_eq!(store.outbox_len(), 0);
        assert_eq!(
            store.log().unwrap(),
            vec![statement(1, "a"), statement(2, "server")]
        );
        assert_eq!(store.rejected().len(), 1);
        assert_eq!(store.pull_cursor(), None);
    }

    #[test]
    fn restoring_puts_a_rejected_statement_back_unless_the_log_holds_its_id() {
        let mut store = InMemoryStore::new();
        store.append(statement(1, "a")).unwrap();
        store.append(statement(2, "b")).unwrap();
        let set_aside = |n, reason| RejectedStatement {
            statement: statement(n, if n == 1 { "a" } else { "b" }),
            reason,
            rejected_at_ms: 5,
        };
        store
            .settle_push(&PushSettlement {
                rejected: vec![
                    set_aside(
                        1,
                        RejectionReason::Invalid {
                            message: "no verb".to_owned(),
                        },
                    ),
                    set_aside(
                        2,
                        RejectionReason::Conflict {
                            message: "taken".to_owned(),
                        },
                    ),
                ],
                server_versions: vec![statement(2, "server")],
                ..PushSettlement::default()
            })
            .unwrap();
        assert_eq!(store.outbox_len(), 0);
        let restored = store
            .restore_rejected(&[Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3)])
            .unwrap();
        assert_eq!(restored, 1);
        assert_eq!(store.outbox_len(), 1);
        assert_eq!(
            store.log().unwrap(),
            vec![statement(1, "a"), statement(2, "server")]
        );
        let rejected = store.rejected();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].statement.id(), Uuid::from_u128(2));
        // Again: nothing left to restore.
        assert_eq!(store.restore_rejected(&[Uuid::from_u128(1)]).unwrap(), 0);
        assert!(can_be_sent_again(&RejectionReason::TooLarge));
        assert!(!can_be_sent_again(&rejected[0].reason));
    }

    #[test]
    fn pulled_pages_are_deduplicated_and_the_cursor_only_moves_forward() {
        let mut store = InMemoryStore::new();
        store.append(statement(1, "mine")).unwrap();
        let new = store
            .store_pulled_page(
                &[
                    pulled(1, "copy", 10),
                    pulled(2, "b", 20),
                    pulled(2, "b", 20),
                ],
                Some(20),
            )
            .unwrap();
        assert_eq!(new, 1);
        assert_eq!(
            store.log().unwrap(),
            vec![statement(1, "mine"), statement(2, "b")]
        );
        store.store_pulled_page(&[], Some(5)).unwrap();
        assert_eq!(store.pull_cursor(), Some(20));
        store.store_pulled_page(&[], None).unwrap();
        assert_eq!(store.pull_cursor(), Some(20));
    }

    #[test]
    fn performing_an_operation_reports_the_reply_as_an_event() {
        let mut store = InMemoryStore::new();
        store.append(statement(1, "a")).unwrap();
        let event =
            perform_store_operation(&mut store, 9, &StoreOperation::Snapshot { batch_limit: 10 });
        match event {
            Event::StoreCompleted {
                request: 9,
                reply: StoreReply::Snapshot(snapshot),
            } => assert_eq!(snapshot.waiting_count, 1),
            other => panic!("unexpected event {other:?}"),
        }
    }
}
