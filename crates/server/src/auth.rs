//! Who is calling: password hashing, session tokens and the [`Authenticated`] extractor.
//!
//! Two credentials are accepted everywhere:
//! - `Authorization: Bearer <token>`: what the web app uses after `POST /api/sessions`. The
//!   token is 256 random bits (base64url); only its SHA-256 is stored, so a copy of the
//!   database cannot be used to sign in. Sessions expire after [`SESSION_LIFETIME_DAYS`] days.
//! - `Authorization: Basic base64(username:password)`: what xAPI tools and LRS test suites use.
//!   It costs one Argon2id verification per request, so the app prefers tokens.
//!
//! Passwords are hashed with Argon2id (PHC string, salt and parameters included), on the
//! blocking thread pool because a hash takes tens of milliseconds of CPU by design.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::Utc;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::accounts::normalize_username;
use crate::error::{Challenge, ServerError};
use crate::store::{run_blocking, AccountRecord};
use crate::AppState;

/// How long a session token stays valid.
pub const SESSION_LIFETIME_DAYS: i64 = 30;

/// Hashes a password with Argon2id and the given cost parameters.
pub fn hash_password(params: &Params, password: &str) -> Result<String, ServerError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| ServerError::PasswordHash(error.to_string()))
}

/// Checks a password against a stored PHC hash (its own parameters are used).
pub fn verify_password(stored_hash: &str, password: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A fresh session token and the SHA-256 under which it is stored.
pub fn new_session_token() -> (String, [u8; 32]) {
    let mut bytes = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let digest = token_sha256(&token);
    (token, digest)
}

/// The SHA-256 of a token as presented by a client.
pub fn token_sha256(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// A request whose credentials were checked.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub account: AccountRecord,
    /// The session token's hash when the request used a bearer token (so it can be revoked).
    pub session_token_sha256: Option<[u8; 32]>,
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ServerError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(header) = parts.headers.get(AUTHORIZATION) else {
            return Err(ServerError::unauthorized(
                "authentication required: send a bearer token or http basic credentials",
                Challenge::Bearer,
            ));
        };
        let header = header.to_str().map_err(|_| {
            ServerError::unauthorized("authorization header is not text", Challenge::Bearer)
        })?;
        let (scheme, credentials) = header.split_once(' ').unwrap_or((header, ""));
        let credentials = credentials.trim();
        if scheme.eq_ignore_ascii_case("bearer") {
            let digest = token_sha256(credentials);
            let now = Utc::now();
            let account = run_blocking(&state.store, move |store| {
                store.account_for_session(digest, now)
            })
            .await?;
            match account {
                Some(account) => Ok(Authenticated {
                    account,
                    session_token_sha256: Some(digest),
                }),
                None => Err(ServerError::unauthorized(
                    "session token is invalid or expired; sign in again",
                    Challenge::Bearer,
                )),
            }
        } else if scheme.eq_ignore_ascii_case("basic") {
            let account = basic_credentials(state, credentials).await?;
            Ok(Authenticated {
                account,
                session_token_sha256: None,
            })
        } else {
            Err(ServerError::unauthorized(
                "unsupported authorization scheme; use bearer or basic",
                Challenge::Bearer,
            ))
        }
    }
}

/// Checks `base64(username:password)`.
async fn basic_credentials(state: &AppState, encoded: &str) -> Result<AccountRecord, ServerError> {
    let refused = || ServerError::unauthorized("wrong username or password", Challenge::Basic);
    let decoded = STANDARD.decode(encoded).map_err(|_| refused())?;
    let decoded = String::from_utf8(decoded).map_err(|_| refused())?;
    let (username, password) = decoded.split_once(':').ok_or_else(refused)?;
    let username = normalize_username(username).map_err(|_| refused())?;
    let password = password.to_owned();
    check_password(state, username, password)
        .await?
        .ok_or_else(refused)
}

/// The account when `password` is right for `username`, on the blocking pool.
pub async fn check_password(
    state: &AppState,
    username: String,
    password: String,
) -> Result<Option<AccountRecord>, ServerError> {
    let account = run_blocking(&state.store, move |store| {
        store.account_by_username(&username)
    })
    .await?;
    let params = state.password_params.clone();
    let verified = tokio::task::spawn_blocking(move || match account {
        Some(account) => verify_password(&account.password_hash, &password).then_some(account),
        None => {
            // Spend the same time on an unknown username as on a known one, so response times
            // do not tell an attacker which usernames exist.
            let dummy = DUMMY_HASH
                .get_or_init(|| hash_password(&params, "not a real password").unwrap_or_default());
            verify_password(dummy, &password);
            None
        }
    })
    .await
    .map_err(|_| ServerError::PasswordHash("verification task stopped".into()))?;
    Ok(verified)
}

/// A hash of nothing in particular, verified against when a username is unknown.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
