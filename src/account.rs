//! Accounts on this device: signing in, signing up and signing out against the server, the
//! session kept in IndexedDB, and the guest learner who studies without an account.
//!
//! A learner can study before having an account: statements are then recorded for this
//! device's guest learner (`baeum_core::record::guest_actor` with an id made once and kept in
//! settings) and wait in the outbox, because the server accepts only statements about the
//! signed-in account. Signing in gives those unsent statements the account's actor (same ids;
//! they were never stored anywhere else) and they sync as the account's.
//!
//! [`AccountPanel`] is the form the pages show; the calls behind it are [`sign_in`],
//! [`sign_up`] and [`sign_out`].

use baeum_core::record::Actor;
use baeum_core::sync::HttpResponse;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::http::{self, HttpError, Method};
use crate::storage::StorageError;
use crate::sync_driver::{use_sync, SyncHandle};
use crate::sync_transport::TransportRequest;
use crate::t;

/// An account's role, as the server names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Learner,
    Teacher,
    Admin,
}

/// The signed-in account, as `POST /api/sessions` and `GET /api/me` describe it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: Uuid,
    pub username: String,
    pub role: Role,
    pub created_at: String,
    /// The xAPI actor of statements about this account (an account agent: core's typed actor,
    /// so that reading the stored session at every start carries no JSON values).
    pub actor: Actor,
}

/// A signed-in session: the bearer token and whose it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    pub expires_at: String,
    pub account: AccountView,
}

/// Why signing in, signing up or signing out failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("wrong username or password")]
    WrongCredentials,
    #[error("this username is already taken")]
    UsernameTaken,
    #[error("{0}")]
    Refused(String),
    #[error("the server could not be reached; try again when online")]
    Unreachable,
    #[error("the server failed (http {0}); try again later")]
    ServerError(u16),
    #[error("the server sent an answer this app cannot read: {0}")]
    UnreadableAnswer(String),
    #[error("sign-in could not be saved on this device: {0}")]
    Storage(#[from] StorageError),
}

impl AccountError {
    /// The error in the interface language, as the account panel shows it (the `Display` text
    /// is the English one, for logs and tests). A refusal the server put in words is shown in
    /// the server's words.
    pub fn message(&self) -> String {
        match self {
            AccountError::WrongCredentials => t!("account-wrong-credentials"),
            AccountError::UsernameTaken => t!("account-username-taken"),
            AccountError::Refused(message) => message.clone(),
            AccountError::Unreachable => t!("account-unreachable"),
            AccountError::ServerError(status) => t!("account-server-error", status = *status),
            AccountError::UnreadableAnswer(detail) => {
                t!("account-unreadable-answer", detail = detail)
            }
            AccountError::Storage(error) => {
                t!("account-storage-failed", reason = error.message())
            }
        }
    }
}

#[derive(Serialize)]
struct SignInRequest<'a> {
    username: &'a str,
    password: &'a str,
}

#[derive(Serialize)]
struct SignUpRequest<'a> {
    username: &'a str,
    password: &'a str,
    /// A teacher invitation code (the teachers' app asks for it); without one the server makes
    /// a learner's account.
    #[serde(skip_serializing_if = "Option::is_none")]
    invitation: Option<&'a str>,
}

/// The message of a JSON error body (`{"error": "…"}`), else a sentence with the status.
fn server_message(response: &HttpResponse) -> String {
    http::error_message(&response.body)
        .unwrap_or_else(|| t!("account-server-refused", status = response.status))
}

/// How long an account call may take: a sign-in waits for the server's password hashing,
/// which answers 503 rather than queue for long.
const ACCOUNT_TIMEOUT_MS: u32 = 30_000;

async fn send(
    sync: SyncHandle,
    method: Method,
    path: &str,
    body: Option<String>,
    bearer_token: Option<String>,
) -> Result<HttpResponse, AccountError> {
    let request = TransportRequest {
        method,
        url: sync.url(path)?,
        bearer_token,
        xapi: false,
        body,
        timeout_ms: Some(ACCOUNT_TIMEOUT_MS),
    };
    sync.transport()?
        .send(request)
        .await
        .map_err(|error| match error {
            HttpError::UnreadableBody(detail) => AccountError::UnreadableAnswer(detail),
            _ => AccountError::Unreachable,
        })
}

fn json_body<T: Serialize>(value: &T) -> Result<String, AccountError> {
    crate::json::write(value).map_err(|error| AccountError::UnreadableAnswer(error.to_string()))
}

/// Signs in with `POST /api/sessions`, stores the session and re-attributes the guest's
/// unsent statements to the account (see [`SyncHandle::set_session`]).
pub async fn sign_in(
    sync: SyncHandle,
    username: &str,
    password: &str,
) -> Result<Session, AccountError> {
    let body = json_body(&SignInRequest { username, password })?;
    let response = send(sync, Method::Post, "/api/sessions", Some(body), None).await?;
    match response.status {
        200 => {
            let session: Session = crate::json::read(&response.body)
                .map_err(|error| AccountError::UnreadableAnswer(error.to_string()))?;
            sync.set_session(session.clone()).await?;
            Ok(session)
        }
        401 => Err(AccountError::WrongCredentials),
        400..=499 => Err(AccountError::Refused(server_message(&response))),
        status => Err(AccountError::ServerError(status)),
    }
}

/// Creates an account with `POST /api/accounts` (a teacher's with an invitation code from an
/// administrator, else a learner's), then signs in with it.
pub async fn sign_up(
    sync: SyncHandle,
    username: &str,
    password: &str,
    invitation: Option<&str>,
) -> Result<Session, AccountError> {
    let body = json_body(&SignUpRequest {
        username,
        password,
        invitation,
    })?;
    let response = send(sync, Method::Post, "/api/accounts", Some(body), None).await?;
    match response.status {
        200 | 201 => sign_in(sync, username, password).await,
        409 => Err(AccountError::UsernameTaken),
        400..=499 => Err(AccountError::Refused(server_message(&response))),
        status => Err(AccountError::ServerError(status)),
    }
}

/// Ends the session on the server (`DELETE /api/sessions/current`) when it can be reached and
/// forgets it on this device in any case: signing out must work offline too. Statements still
/// waiting stay on the device.
pub async fn sign_out(sync: SyncHandle) -> Result<(), AccountError> {
    if let Some(session) = sync.session() {
        // An unreachable server or an already expired token changes nothing here: the token is
        // forgotten below and expires on the server by itself.
        let _ = send(
            sync,
            Method::Delete,
            "/api/sessions/current",
            None,
            Some(session.token),
        )
        .await;
    }
    sync.sign_out().await?;
    Ok(())
}

// ----- the account panel ----------------------------------------------------------------------

/// Which button started the form's request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormAction {
    SignIn,
    SignUp,
}

/// A sign-in / sign-up form, or who is signed in with a sign-out button. Renders nothing
/// without [`provide_sync`](crate::sync_driver::provide_sync). With `teacher_invitation`
/// (the teachers' app), creating an account asks for the invitation code an administrator
/// gave; the learners' app makes learners only.
#[component]
pub fn AccountPanel(#[prop(optional)] teacher_invitation: bool) -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let invitation = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);

    let submit = move |action: FormAction| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let name = username.get_untracked();
        let secret = password.get_untracked();
        let code = invitation.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match action {
                FormAction::SignIn => sign_in(sync, &name, &secret).await,
                FormAction::SignUp if teacher_invitation && code.trim().is_empty() => {
                    Err(AccountError::Refused(t!("account-invitation-needed")))
                }
                FormAction::SignUp => {
                    let code = Some(code.trim()).filter(|_| teacher_invitation);
                    sign_up(sync, &name, &secret, code).await
                }
            };
            match result {
                Ok(_) => password.set(String::new()),
                Err(error) => problem.set(Some(error.message())),
            }
            busy.set(false);
        });
    };
    let leave = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            if let Err(error) = sign_out(sync).await {
                problem.set(Some(error.message()));
            }
            busy.set(false);
        });
    };

    let (signed_in_before, signed_in_after) =
        // The username is bold wherever the language puts it.
        crate::i18n::split_at_element(&t!(
            "account-signed-in-as",
            username = crate::i18n::ELEMENT_MARKER
        ));

    view! {
        <section class="account-panel" aria-label=t!("account-panel")>
            <Show
                when=move || sync.account.get().is_some()
                fallback=move || {
                    view! {
                        <form
                            data-testid="sign-in-form"
                            on:submit=move |event| {
                                event.prevent_default();
                                submit(FormAction::SignIn);
                            }
                        >
                            <label>
                                {t!("account-username")}
                                <input
                                    data-testid="username"
                                    name="username"
                                    autocomplete="username"
                                    required
                                    prop:value=move || username.get()
                                    on:input=move |event| username.set(event_target_value(&event))
                                />
                            </label>
                            <label>
                                {t!("account-password")}
                                <input
                                    data-testid="password"
                                    name="password"
                                    type="password"
                                    autocomplete="current-password"
                                    required
                                    prop:value=move || password.get()
                                    on:input=move |event| password.set(event_target_value(&event))
                                />
                            </label>
                            <Show when=move || teacher_invitation>
                                <label>
                                    {t!("account-invitation")}
                                    <input
                                        data-testid="invitation-code"
                                        name="invitation"
                                        autocomplete="off"
                                        prop:value=move || invitation.get()
                                        on:input=move |event| invitation.set(event_target_value(&event))
                                    />
                                </label>
                            </Show>
                            <button type="submit" data-testid="sign-in" disabled=move || busy.get()>
                                {t!("account-sign-in")}
                            </button>
                            <button
                                type="button"
                                data-testid="sign-up"
                                disabled=move || busy.get()
                                on:click=move |_| submit(FormAction::SignUp)
                            >
                                {t!("account-create")}
                            </button>
                        </form>
                    }
                }
            >
                <p data-testid="signed-in-as">
                    {signed_in_before.clone()}
                    <strong>
                        {move || {
                            sync.account.get().map(|account| account.username).unwrap_or_default()
                        }}
                    </strong>
                    {signed_in_after.clone()}
                </p>
                <button
                    type="button"
                    data-testid="sign-out"
                    disabled=move || busy.get()
                    on:click=leave
                >
                    {t!("account-sign-out")}
                </button>
            </Show>
            <p class="account-problem" role="alert" data-testid="account-problem">
                {move || problem.get().unwrap_or_default()}
            </p>
        </section>
    }
    .into_any()
}

// ----- the account holder's actions (the "Me" page) -------------------------------------------

#[derive(Serialize)]
struct PasswordChangeRequest<'a> {
    current_password: &'a str,
    new_password: &'a str,
}

#[derive(Serialize)]
struct DeletionRequest<'a> {
    password: &'a str,
}

/// The signed-in session, or the refusal a signed-out device gets.
fn current_session(sync: SyncHandle) -> Result<Session, AccountError> {
    sync.session()
        .ok_or_else(|| AccountError::Refused(t!("sync-activity-not-signed-in")))
}

/// What the server answered to an action that needs the current password.
fn confirmed(response: &HttpResponse) -> Result<(), AccountError> {
    match response.status {
        200..=299 => Ok(()),
        // The session is fine; the password typed to confirm was not.
        403 => Err(AccountError::Refused(t!("account-wrong-current-password"))),
        401 => Err(AccountError::Refused(t!("sync-activity-sign-in-again"))),
        400..=499 => Err(AccountError::Refused(server_message(response))),
        status => Err(AccountError::ServerError(status)),
    }
}

/// Changes the password (`POST /api/me/password`); the server signs every other device out.
pub async fn change_password(
    sync: SyncHandle,
    current_password: &str,
    new_password: &str,
) -> Result<(), AccountError> {
    let session = current_session(sync)?;
    let body = json_body(&PasswordChangeRequest {
        current_password,
        new_password,
    })?;
    let response = send(
        sync,
        Method::Post,
        "/api/me/password",
        Some(body),
        Some(session.token),
    )
    .await?;
    confirmed(&response)
}

/// Ends every session of the account (`DELETE /api/sessions`), this device's included.
pub async fn sign_out_everywhere(sync: SyncHandle) -> Result<(), AccountError> {
    let session = current_session(sync)?;
    let response = send(
        sync,
        Method::Delete,
        "/api/sessions",
        None,
        Some(session.token),
    )
    .await?;
    confirmed(&response)?;
    sync.sign_out().await?;
    Ok(())
}

/// Deletes the account on the server (`DELETE /api/me`) and then, on this device, its
/// statements and its session. Nothing is forgotten here unless the server deleted it.
pub async fn delete_account(sync: SyncHandle, password: &str) -> Result<(), AccountError> {
    let session = current_session(sync)?;
    let body = json_body(&DeletionRequest { password })?;
    let response = send(
        sync,
        Method::Delete,
        "/api/me",
        Some(body),
        Some(session.token),
    )
    .await?;
    confirmed(&response)?;
    let database = sync.database().await?;
    database
        .forget_statements_of_account(&session.account.actor)
        .await?;
    sync.sign_out().await?;
    Ok(())
}
