//! Who is calling: password hashing, session tokens and the [`Authenticated`] extractor.
//!
//! Two credentials are accepted everywhere:
//! - `Authorization: Bearer <token>`: what the web app uses after `POST /api/sessions`. The
//!   token is 256 random bits (base64url); only its SHA-256 is stored, so a copy of the
//!   database cannot be used to sign in. Sessions expire after [`SESSION_LIFETIME_DAYS`] days.
//! - `Authorization: Basic base64(username:password)`: what xAPI tools and LRS test suites use.
//!   A verified pair is remembered for [`BASIC_REMEMBERED_MINUTES`] (under a keyed hash, and
//!   only while the account's password is unchanged), so a tool sending it with every request
//!   costs one Argon2id verification, not one per request. On plain http over a network
//!   ([`Transport::NetworkHttp`]) Basic is refused: the password would cross the network
//!   readable with every request.
//!
//! Passwords are hashed with Argon2id (PHC string, salt and parameters included) on the
//! [`crate::hashing::HashingPool`], never on the database's blocking pool, and every check of a
//! password is counted by the [`crate::limits::Limiters`] first.

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
use crate::limits::ClientAddress;
use crate::store::{run_blocking, AccountRecord};
use crate::{AppState, Transport};

/// How long a session token stays valid.
pub const SESSION_LIFETIME_DAYS: i64 = 30;
/// A session unused for this long ends, even before [`SESSION_LIFETIME_DAYS`]: a phone lost or
/// handed on does not stay signed in for a month.
pub const SESSION_IDLE_DAYS: i64 = 14;
/// A session's last use is written at most this often, so that reads rarely write.
pub const SESSION_LAST_USE_RESOLUTION_MINUTES: i64 = 60;
/// How long a verified HTTP Basic pair is remembered.
pub const BASIC_REMEMBERED_MINUTES: u64 = 10;

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
    /// The site the request was made at (its `Host`, [`crate::sites`]); `None` at an address
    /// that is no site's. Classes are managed, listed and joined at their own site only.
    pub site_id: Option<String>,
}

impl Authenticated {
    /// What the caller is at the site the request was made at: `None` at an address that is
    /// no site's, or when not its staff (the platform's admin is not, by this).
    pub async fn role_here(
        &self,
        state: &AppState,
    ) -> Result<Option<crate::store::SiteRole>, ServerError> {
        let Some(site) = self.site_id.clone() else {
            return Ok(None);
        };
        let account = self.account.id;
        Ok(run_blocking(&state.store, move |store| store.site_role(&site, account)).await?)
    }
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ServerError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let site_id = crate::sites::site_of_request(state, parts)
            .await
            .map(|site| site.record.id.clone());
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
                    site_id,
                }),
                None => Err(ServerError::unauthorized(
                    "session token is invalid or expired; sign in again",
                    Challenge::Bearer,
                )),
            }
        } else if scheme.eq_ignore_ascii_case("basic") {
            if state.config.transport == Transport::NetworkHttp {
                return Err(ServerError::unauthorized(
                    "http basic credentials are refused on plain http over a network, because \
                     the password would cross the network readable by anyone on it; serve \
                     https (--tls-cert and --tls-key) or sign in for a session token",
                    Challenge::Bearer,
                ));
            }
            let address = ClientAddress::of(parts, &state.trusted_proxies);
            let account = basic_credentials(state, credentials, address).await?;
            Ok(Authenticated {
                account,
                session_token_sha256: None,
                site_id,
            })
        } else {
            Err(ServerError::unauthorized(
                "unsupported authorization scheme; use bearer or basic",
                Challenge::Bearer,
            ))
        }
    }
}

/// Checks `base64(username:password)`, answering from [`BasicRemembered`] when the same pair
/// was verified lately.
async fn basic_credentials(
    state: &AppState,
    encoded: &str,
    address: Option<std::net::IpAddr>,
) -> Result<AccountRecord, ServerError> {
    let refused = || ServerError::unauthorized("wrong username or password", Challenge::Basic);
    let remembered_key = state.basic_remembered.key(encoded);
    if let Some((account_id, password_hash)) = state.basic_remembered.get(&remembered_key) {
        let account =
            run_blocking(&state.store, move |store| store.account_by_id(account_id)).await?;
        // A changed password (or a deleted account) makes the remembered pair worthless.
        if let Some(account) = account.filter(|account| account.password_hash == password_hash) {
            return Ok(account);
        }
        state.basic_remembered.forget(&remembered_key);
    }
    let decoded = STANDARD.decode(encoded).map_err(|_| refused())?;
    let decoded = String::from_utf8(decoded).map_err(|_| refused())?;
    let (username, password) = decoded.split_once(':').ok_or_else(refused)?;
    let username = normalize_username(username).map_err(|_| refused())?;
    let password = password.to_owned();
    let account = check_password(state, username, password, address)
        .await?
        .ok_or_else(refused)?;
    state
        .basic_remembered
        .remember(remembered_key, account.id, account.password_hash.clone());
    Ok(account)
}

/// The account when `password` is right for `username`, after counting the attempt against
/// the limits (429 beyond them); the hash runs on the hashing pool (503 when it is full).
pub async fn check_password(
    state: &AppState,
    username: String,
    password: String,
    address: Option<std::net::IpAddr>,
) -> Result<Option<AccountRecord>, ServerError> {
    state
        .limiters
        .password_attempt(&state.store, &username, address)
        .await?;
    let account = run_blocking(&state.store, move |store| {
        store.account_by_username(&username)
    })
    .await?;
    let params = state.password_params.clone();
    let verified = state
        .hashing
        .run(move || match account {
            Some(account) => verify_password(&account.password_hash, &password).then_some(account),
            None => {
                // Spend the same time on an unknown username as on a known one, so response
                // times do not tell an attacker which usernames exist.
                let dummy = DUMMY_HASH.get_or_init(|| {
                    hash_password(&params, "not a real password").unwrap_or_default()
                });
                verify_password(dummy, &password);
                None
            }
        })
        .await?;
    Ok(verified)
}

/// Hashes a new password on the hashing pool.
pub async fn hash_on_pool(state: &AppState, password: &str) -> Result<String, ServerError> {
    let params = state.password_params.clone();
    let password = password.to_owned();
    state
        .hashing
        .run(move || hash_password(&params, &password))
        .await?
}

/// A hash of nothing in particular, verified against when a username is unknown.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// HTTP Basic pairs verified lately: keyed by an HMAC-like SHA-256 of the header under a
/// random key made at start, so the memory holds nothing a password could be read from, and
/// holding the account's password hash of the time, so a password change forgets them.
pub struct BasicRemembered {
    secret: [u8; 32],
    entries: std::sync::Mutex<std::collections::HashMap<[u8; 32], RememberedPair>>,
}

struct RememberedPair {
    account_id: uuid::Uuid,
    password_hash: String,
    verified_at: std::time::Instant,
}

/// Beyond this many remembered pairs, all are forgotten (they are only a cache).
const REMEMBERED_PAIRS: usize = 10_000;

impl Default for BasicRemembered {
    fn default() -> Self {
        let mut secret = [0_u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        Self {
            secret,
            entries: Default::default(),
        }
    }
}

impl BasicRemembered {
    fn key(&self, encoded: &str) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(self.secret);
        hasher.update(encoded.as_bytes());
        hasher.finalize().into()
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<[u8; 32], RememberedPair>> {
        // Only a cache: a panic elsewhere cannot leave it inconsistent.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn get(&self, key: &[u8; 32]) -> Option<(uuid::Uuid, String)> {
        let entries = self.lock();
        let pair = entries.get(key)?;
        let fresh = pair.verified_at.elapsed()
            < std::time::Duration::from_secs(BASIC_REMEMBERED_MINUTES * 60);
        fresh.then(|| (pair.account_id, pair.password_hash.clone()))
    }

    fn remember(&self, key: [u8; 32], account_id: uuid::Uuid, password_hash: String) {
        let mut entries = self.lock();
        if entries.len() >= REMEMBERED_PAIRS {
            entries.clear();
        }
        entries.insert(
            key,
            RememberedPair {
                account_id,
                password_hash,
                verified_at: std::time::Instant::now(),
            },
        );
    }

    fn forget(&self, key: &[u8; 32]) {
        self.lock().remove(key);
    }
}
