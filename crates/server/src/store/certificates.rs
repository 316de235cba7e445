//! Certificates and the keys that sign them (issue 21; the routes are `records/`).
//!
//! - `signing_keys`: each site's Ed25519 keys. A site has at most one current key (a partial
//!   unique index): the first certificate a site issues makes it ([`Store::current_signing_key`]),
//!   `baeum-server site rotate-key` replaces it ([`Store::rotate_signing_key`]). A replaced key
//!   is kept, retired, and stays published: it still verifies what it signed. The secret is in
//!   the database, so the database's backup is the keys' backup. Keys are not tied to the
//!   `sites` row: a closed site's certificates stay verifiable.
//! - `certificates`: what each was issued as (its claims and proof), for whom, and whether it
//!   was revoked. One live certificate per account, site and course (a partial unique index),
//!   so asking again gives the same one. Deleted with the account: the learner's own copy
//!   still verifies, the server keeps nothing of them.
//!
//! The engines differ only in SQL (`sqlite/certificates.rs`, `postgres/certificates.rs`).
//!
//! [`Store::current_signing_key`]: super::Store::current_signing_key
//! [`Store::rotate_signing_key`]: super::Store::rotate_signing_key

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One of a site's signing keys.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKeyRecord {
    /// Core's multibase form of the public key (`z6Mk…`): the key's id.
    pub public_key: String,
    pub site_id: String,
    pub secret: [u8; 32],
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for SigningKeyRecord {
    /// Never prints the secret, whatever logs a record.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SigningKeyRecord")
            .field("public_key", &self.public_key)
            .field("site_id", &self.site_id)
            .field("created_at", &self.created_at)
            .field("retired_at", &self.retired_at)
            .finish_non_exhaustive()
    }
}

/// A certificate as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRecord {
    pub id: Uuid,
    pub account_id: Uuid,
    pub site_id: String,
    pub course_id: String,
    /// Core's `CertificateClaims` as JSON.
    pub claims_json: String,
    pub proof_value: String,
    pub issued_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}
