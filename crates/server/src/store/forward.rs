//! What the store keeps for forwarding statements to another learning record store (the
//! sending side is `crate::forward`): the outbox rows a trigger on `statements` fills in the
//! insert's own transaction while an endpoint is configured, the lease that lets one process
//! at a time send, and the status an admin reads.
//!
//! The outbox is filled by the database, not by the insert code, so a statement is queued
//! exactly when it is committed: on PostgreSQL concurrent transactions commit out of sequence
//! order, and a cursor "after sequence N" would skip a statement whose transaction commits
//! after a higher sequence was already sent. An outbox row is deleted only after the external
//! store accepted it.

/// One queued statement: its place in stored order and its stored JSON text, sent as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub sequence: i64,
    pub body: String,
}

/// Forwarding as an admin sees it (`GET /api/admin/forwarding`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ForwardStatus {
    /// The configured endpoint, or `None` when nothing is forwarded (nothing is queued then).
    pub endpoint: Option<String>,
    /// Statements queued and not yet accepted by the endpoint.
    pub pending: u64,
    /// Statements the endpoint accepted since forwarding was first configured.
    pub forwarded: u64,
    /// When the endpoint last accepted a batch (microseconds since the Unix epoch).
    pub last_forwarded_micros: Option<i64>,
    /// Why the last attempt failed, cleared by the next success.
    pub last_error: Option<String>,
    pub last_error_micros: Option<i64>,
}
