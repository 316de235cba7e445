//! Accounts and sessions (classes are in [`crate::classes`]).
//!
//! - `POST /api/accounts` `{username, password, invitation?}` → 201 account. No e-mail is
//!   asked: many learners are children without one. The account is a learner's unless it
//!   carries a teacher invitation an admin made ([`crate::account_admin`]); choosing
//!   `"role": "teacher"` without one is refused. Admins are made on the server's command line
//!   (`baeum-server admin create`). Sign-ups are limited per client address.
//! - `POST /api/sessions` `{username, password}` → 200 `{token, expires_at, account}`; attempts
//!   are limited per account and per client address ([`crate::limits`]).
//! - `DELETE /api/sessions/current` (bearer) → 204; the token stops working at once.
//! - `GET /api/me` → the caller's account.
//!
//! Every account has a stable xAPI actor, used for the statements about it:
//! `{"objectType": "Agent", "account": {"homePage": <AppState::account_home_page>, "name":
//! <account uuid>}}`. The name is the account's UUID rather than its username so that a
//! username can change without rewriting an append-only log, and so that statements do not
//! carry a child's chosen name.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use baeum_core::xapi::{Account, Actor, Agent, InverseFunctionalIdentifier};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use crate::auth::SESSION_LIFETIME_DAYS;
use crate::auth::{check_password, hash_on_pool, new_session_token, token_sha256, Authenticated};
pub use crate::classes::create_class_for;
use crate::error::ServerError;
use crate::limits::ClientAddress;
use crate::store::{run_blocking, AccountRecord, Role, StoreError};
use crate::AppState;

/// Shortest and longest usernames, counted in characters after normalization.
pub const USERNAME_LENGTH: std::ops::RangeInclusive<usize> = 3..=32;
/// Shortest password, in characters. Long enough to resist guessing, short enough for a child.
pub const MINIMUM_PASSWORD_CHARACTERS: usize = 8;
/// Longest password, in bytes: Argon2 handles any length, but an unbounded one is a cheap way
/// to make the server hash megabytes.
pub const MAXIMUM_PASSWORD_BYTES: usize = 1024;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/accounts", post(sign_up))
        .route("/api/sessions", post(sign_in))
        .route("/api/sessions/current", delete(sign_out))
        .route("/api/me", get(me))
}

/// Normalizes a username (Unicode NFC, lowercase, surrounding spaces trimmed) and checks it:
/// 3–32 letters (any script, so Hangul works), digits, `.`, `-` or `_`, starting with a letter
/// or digit. Two spellings that look the same therefore name the same account.
pub fn normalize_username(raw: &str) -> Result<String, ServerError> {
    let normalized: String = raw.trim().nfc().collect::<String>().to_lowercase();
    let length = normalized.chars().count();
    if !USERNAME_LENGTH.contains(&length) {
        return Err(ServerError::bad_request(format!(
            "username must be {} to {} characters long",
            USERNAME_LENGTH.start(),
            USERNAME_LENGTH.end()
        )));
    }
    if !normalized
        .chars()
        .next()
        .is_some_and(|first| first.is_alphanumeric())
    {
        return Err(ServerError::bad_request(
            "username must start with a letter or a digit",
        ));
    }
    if let Some(bad) = normalized
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Err(ServerError::bad_request(format!(
            "username may only contain letters, digits, '.', '-' and '_', not {bad:?}"
        )));
    }
    Ok(normalized)
}

/// Checks a new password's length (the only rule: a child must be able to keep it).
pub fn check_password_rules(password: &str) -> Result<(), ServerError> {
    if password.chars().count() < MINIMUM_PASSWORD_CHARACTERS {
        return Err(ServerError::bad_request(format!(
            "password must be at least {MINIMUM_PASSWORD_CHARACTERS} characters long"
        )));
    }
    if password.len() > MAXIMUM_PASSWORD_BYTES {
        return Err(ServerError::bad_request(format!(
            "password must be at most {MAXIMUM_PASSWORD_BYTES} bytes long"
        )));
    }
    Ok(())
}

/// The xAPI actor of an account.
pub fn account_actor(home_page: &str, account_id: Uuid) -> Actor {
    Actor::Agent(Agent {
        name: None,
        identifier: account_identifier(home_page, account_id),
    })
}

/// The inverse functional identifier of an account.
pub fn account_identifier(home_page: &str, account_id: Uuid) -> InverseFunctionalIdentifier {
    InverseFunctionalIdentifier::Account(Account {
        home_page: home_page.to_owned(),
        name: account_id.to_string(),
    })
}

/// An account as shown to its owner.
#[derive(Debug, Serialize)]
pub struct AccountView {
    pub id: Uuid,
    pub username: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    /// The xAPI actor for statements about this account.
    pub actor: Actor,
}

impl AccountView {
    pub fn new(account: &AccountRecord, home_page: &str) -> Self {
        Self {
            id: account.id,
            username: account.username.clone(),
            role: account.role,
            created_at: account.created_at,
            actor: account_actor(home_page, account.id),
        }
    }
}

/// A JSON body, with malformed JSON answered by our 400 instead of axum's plain-text one.
pub struct JsonBody<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for JsonBody<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ServerError;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(ServerError::bad_request(
                rejection.body_text().to_lowercase(),
            )),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignUp {
    username: String,
    password: String,
    /// Accepted for older clients: only `"learner"`, or `"teacher"` with an invitation.
    #[serde(default)]
    role: Option<String>,
    /// A teacher invitation code from an admin; the account is then a teacher's.
    #[serde(default)]
    invitation: Option<String>,
}

async fn sign_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    JsonBody(request): JsonBody<SignUp>,
) -> Result<impl IntoResponse, ServerError> {
    let invitation = match request.invitation.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(crate::account_admin::normalize_invitation_code(code)?),
    };
    match (request.role.as_deref(), &invitation) {
        (None | Some("learner"), None) | (None | Some("teacher"), Some(_)) => {}
        (Some("teacher"), None) => {
            return Err(ServerError::Forbidden(
                "teachers are made by an administrator: sign up with the teacher invitation \
                 code an administrator gave you"
                    .into(),
            ))
        }
        (Some("learner"), Some(_)) => {
            return Err(ServerError::bad_request(
                "a teacher invitation makes a teacher's account, not a learner's",
            ))
        }
        (Some(other), _) => {
            return Err(ServerError::bad_request(format!(
                "role must be \"learner\" (or \"teacher\" with an invitation), not {other:?}"
            )))
        }
    }
    state.limiters.sign_up(&state.store, address).await?;
    let account = match invitation {
        None => create_account(&state, &request.username, &request.password, Role::Learner).await?,
        Some(code) => {
            let account =
                new_account_record(&state, &request.username, &request.password, Role::Teacher)
                    .await?;
            let stored = account.clone();
            let digest = token_sha256(&code);
            run_blocking(&state.store, move |store| {
                store.create_account_with_invitation(&stored, digest, Utc::now())
            })
            .await?;
            account
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(AccountView::new(&account, &state.account_home_page)),
    ))
}

/// Validates and hashes a new account (not yet stored).
async fn new_account_record(
    state: &AppState,
    username: &str,
    password: &str,
    role: Role,
) -> Result<AccountRecord, ServerError> {
    let username = normalize_username(username)?;
    check_password_rules(password)?;
    let password_hash = hash_on_pool(state, password).await?;
    Ok(AccountRecord {
        id: Uuid::now_v7(),
        username,
        role,
        password_hash,
        created_at: Utc::now(),
    })
}

/// Validates, hashes and stores a new account.
pub async fn create_account(
    state: &AppState,
    username: &str,
    password: &str,
    role: Role,
) -> Result<AccountRecord, ServerError> {
    let account = new_account_record(state, username, password, role).await?;
    let stored = account.clone();
    run_blocking(&state.store, move |store| store.create_account(&stored)).await?;
    Ok(account)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignIn {
    username: String,
    password: String,
}

#[derive(Debug, Serialize)]
struct SessionView {
    token: String,
    expires_at: DateTime<Utc>,
    account: AccountView,
}

async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    JsonBody(request): JsonBody<SignIn>,
) -> Result<Json<SessionView>, ServerError> {
    let refused = || {
        ServerError::unauthorized(
            "wrong username or password",
            crate::error::Challenge::Bearer,
        )
    };
    let username = normalize_username(&request.username).map_err(|_| refused())?;
    let account = check_password(&state, username, request.password, address)
        .await?
        .ok_or_else(refused)?;
    let (token, digest) = new_session_token();
    let expires_at = Utc::now() + chrono::Duration::days(SESSION_LIFETIME_DAYS);
    let account_id = account.id;
    run_blocking(&state.store, move |store| {
        store.create_session(digest, account_id, expires_at)
    })
    .await?;
    Ok(Json(SessionView {
        token,
        expires_at,
        account: AccountView::new(&account, &state.account_home_page),
    }))
}

async fn sign_out(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<StatusCode, ServerError> {
    let Some(digest) = caller.session_token_sha256 else {
        return Err(ServerError::bad_request(
            "this request did not use a session token, so there is no session to end",
        ));
    };
    run_blocking(&state.store, move |store| store.delete_session(digest)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn me(State(state): State<AppState>, caller: Authenticated) -> Json<AccountView> {
    Json(AccountView::new(&caller.account, &state.account_home_page))
}

/// The demo accounts `cargo xtask serve` creates on a loopback address: (username, password,
/// role). Never an admin: a demo password is printed in the README, and an admin reads and
/// writes everything.
pub const DEMO_ACCOUNTS: [(&str, &str, Role); 2] = [
    ("demo-learner", "baeum-learner", Role::Learner),
    ("demo-teacher", "baeum-teacher", Role::Teacher),
];

/// Every username and password this project has ever published (the README's demo accounts,
/// `demo-admin` included until stop 17): a server that was seeded before still holds them.
pub const PUBLISHED_PASSWORDS: [(&str, &str); 3] = [
    ("demo-learner", "baeum-learner"),
    ("demo-teacher", "baeum-teacher"),
    ("demo-admin", "baeum-admin"),
];

/// The accounts that still sign in with a password from [`PUBLISHED_PASSWORDS`], with their
/// role. `main.rs` refuses to serve a network with any of them, so a school that followed an
/// older README (which seeded `demo-admin` / `baeum-admin`) is not left open after upgrading.
pub async fn accounts_with_published_passwords(
    state: &AppState,
) -> Result<Vec<(String, Role)>, ServerError> {
    let mut found = Vec::new();
    for (username, password) in PUBLISHED_PASSWORDS {
        let account = run_blocking(&state.store, move |store| {
            store.account_by_username(username)
        })
        .await?;
        let Some(account) = account else { continue };
        let hash = account.password_hash.clone();
        let matches = state
            .hashing
            .run(move || crate::auth::verify_password(&hash, password))
            .await?;
        if matches {
            found.push((account.username, account.role));
        }
    }
    Ok(found)
}

/// Creates the demo accounts if they do not exist yet, and a demo class owned by
/// `demo-teacher` with `demo-learner` in it, so a teacher sees a learner's progress out of
/// the box; `demo-teacher` teaches at every site there is (the demo's second site). Running it
/// again changes nothing.
pub async fn seed_demo(state: &AppState) -> Result<(), ServerError> {
    let mut accounts = Vec::new();
    for (username, password, role) in DEMO_ACCOUNTS {
        let existing = run_blocking(&state.store, move |store| {
            store.account_by_username(username)
        })
        .await?;
        let account = match existing {
            Some(account) => account,
            None => create_account(state, username, password, role).await?,
        };
        accounts.push(account);
    }
    let (learner_id, teacher_id) = (accounts[0].id, accounts[1].id);
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || -> Result<(), ServerError> {
        let already_taught = store.learners_of_teacher(teacher_id)?.contains(&learner_id);
        if !already_taught {
            let class = create_class_for(&*store, teacher_id, "demo class", None)?;
            store.add_class_member(class.id, learner_id, None)?;
        }
        for site in store.sites()? {
            if store.site_role(&site.id, teacher_id)?.is_none() {
                store.set_site_role(&site.id, teacher_id, Some(crate::store::SiteRole::Teacher))?;
            }
        }
        Ok(())
    })
    .await
    .map_err(|_| ServerError::Store(StoreError::TaskFailed))??;
    Ok(())
}
