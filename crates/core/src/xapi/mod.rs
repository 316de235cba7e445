//! The xAPI 2.0 statement model, its validation and its comparison rule.
//!
//! Learners' progress is an append-only log of xAPI statements (design invariant 1). The client
//! builds statements and the server stores them; both go through this module so that a statement
//! the client thinks is valid is one the server accepts, and the "same id, same body" rule that
//! makes retries idempotent is decided by one piece of code.
//!
//! - [`validate_statement`] turns untrusted JSON into a typed [`Statement`], enforcing every MUST
//!   of the specification's data part (`reference/xapi/xAPI-Data.md`). Errors name the property
//!   path (`context.contextActivities.parent[0].id: …`).
//! - [`canonical_equal`] compares two statements the way the specification's "statement
//!   comparison requirements" ask: differences that the LRS itself may introduce (id, stored,
//!   authority, version, an assigned timestamp), Activity definitions, Verb displays, the order of
//!   Group members and the case of e-mail domains are ignored; everything else counts.
//! - Serializing a [`Statement`] with serde gives the form the server stores and returns: every
//!   `contextActivities` value is an array, timestamps are in UTC, and Agents, Groups and
//!   Activities always carry their `objectType`.
//!
//! - [`query::parse_statements_query`] reads the query string of `GET /xapi/statements`,
//!   `more` links included, into a checked request.
//! - [`documents`] holds the rules of the State, Agent Profile and Activity Profile resources:
//!   their parameters, the JSON merge of `POST`, and the ETag preconditions.
//!
//! The version rule follows xAPI 2.0 (IEEE 9274.1.1), which this project targets: a statement's
//! `version` must start with `1.0.` or `2.0.`; a statement stored without one is given
//! [`STATEMENT_VERSION`].

pub mod canonical;
mod compare;
pub mod documents;
pub mod formats;
mod json;
mod model;
pub mod query;
mod validate;

pub use compare::{canonical_equal, comparison_form};
pub use json::parse_json_strictly;
pub use model::*;
pub use validate::{check_account, validate_actor, validate_statement, XapiValidationError};

/// The xAPI version this project speaks, sent in every `X-Experience-API-Version` header.
pub const XAPI_VERSION: &str = "2.0.0";

/// The `version` the LRS writes into a statement that arrived without one.
pub const STATEMENT_VERSION: &str = "2.0.0";

/// The reserved verb that voids another statement.
pub const VOIDED_VERB_ID: &str = "http://adlnet.gov/expapi/verbs/voided";
