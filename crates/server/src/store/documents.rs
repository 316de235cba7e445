//! The xAPI document resources' storage (State, Agent Profile, Activity Profile): the keys a
//! document is stored under and what a write answers. The rules (parameters, merge,
//! preconditions) are core's (`baeum_core::xapi::documents`); each engine applies them inside
//! the write's transaction (`sqlite/documents.rs`, `postgres/documents.rs`), so two writers
//! with the same ETag cannot both win.

use baeum_core::xapi::documents::{
    DocumentError, DocumentRequest, DocumentResource, DocumentScope, MAX_DOCUMENTS_PER_OWNER,
    MAX_DOCUMENT_BYTES_PER_OWNER,
};
use chrono::{DateTime, Utc};

pub use baeum_core::xapi::documents::{Document, DocumentWrite};

/// Where documents live, as stored: the resource (by its code) and its scope, each part empty where
/// the resource does not take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentScopeKey {
    pub resource: DocumentResource,
    pub activity_id: String,
    pub agent_key: String,
    pub registration: String,
}

impl DocumentScopeKey {
    pub fn of(scope: &DocumentScope) -> Self {
        Self {
            resource: scope.resource,
            activity_id: scope.activity_id.clone().unwrap_or_default(),
            agent_key: scope.agent_key().unwrap_or_default(),
            registration: scope
                .registration
                .map(|registration| registration.to_string())
                .unwrap_or_default(),
        }
    }

    /// One document of this scope.
    pub fn document(&self, id: &str) -> DocumentKey {
        DocumentKey {
            scope: self.clone(),
            id: id.to_owned(),
        }
    }
}

/// One document's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentKey {
    pub scope: DocumentScopeKey,
    pub id: String,
}

impl DocumentKey {
    /// The key of the document a request names, if it names one.
    pub fn of(request: &DocumentRequest) -> Option<Self> {
        request
            .id
            .as_deref()
            .map(|id| DocumentScopeKey::of(&request.scope).document(id))
    }
}

/// A stored document and when it last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub document: Document,
    pub updated: DateTime<Utc>,
}

/// What a write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentOutcome {
    /// Stored, merged or deleted as asked.
    Done,
    /// Refused by core's rules (400, 409, 412); nothing changed.
    Refused(DocumentError),
    /// A new document past [`MAX_DOCUMENTS_PER_OWNER`] for its agent (or activity), or a write
    /// taking their documents past [`MAX_DOCUMENT_BYTES_PER_OWNER`]; nothing changed.
    OwnerFull,
}

/// Whose count a new document adds to: its agent's (State and Agent Profile together), or
/// its activity's (Activity Profile).
pub(crate) enum Owner<'a> {
    Agent(&'a str),
    Activity(&'a str),
}

impl DocumentScopeKey {
    pub(crate) fn owner(&self) -> Owner<'_> {
        if self.agent_key.is_empty() {
            Owner::Activity(&self.activity_id)
        } else {
            Owner::Agent(&self.agent_key)
        }
    }
}

/// What an owner's documents hold now: how many, and their bytes together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Held {
    pub documents: i64,
    pub bytes: i64,
}

/// Whether a write fits its owner: a new document needs a free place, and every write must
/// keep the owner's bytes within the limit (`replaced`: the stored document's size, if any).
pub(crate) fn owner_has_room(held: Held, replaced: Option<usize>, written: usize) -> bool {
    let places = replaced.is_some()
        || usize::try_from(held.documents).is_ok_and(|held| held < MAX_DOCUMENTS_PER_OWNER);
    let bytes = usize::try_from(held.bytes)
        .ok()
        .map(|bytes| bytes - replaced.unwrap_or(0).min(bytes) + written);
    places && bytes.is_some_and(|bytes| bytes <= MAX_DOCUMENT_BYTES_PER_OWNER)
}
