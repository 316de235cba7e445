//! What an account holder and an administrator do with accounts beyond signing in.
//!
//! Routes:
//! - `POST /api/me/password` `{current_password, new_password}` → 204. Every other session of
//!   the account ends (the one making the request stays signed in).
//! - `DELETE /api/sessions` → 204: signs the account out on every device, this one included.
//! - `DELETE /api/me` `{password}` → 204: deletes the account for good, with every statement
//!   whose actor is the account, its sessions and class memberships (a teacher's classes and
//!   their assignments too). A teacher's dashboard no longer shows the learner; a CSV already
//!   exported is the school's copy and is not reached.
//! - `POST /api/admin/teacher-invitations` `{days?}` (admin) → 201 `{code, expires_at}`: a
//!   one-time code that makes a teacher's account at sign-up; only its SHA-256 is stored.
//!
//! The current password is asked before a change or a deletion, so a phone left signed in
//! cannot be used to lock its owner out; those checks count against the same limits as
//! signing in.
//!
//! [`AdminCommand`] is the `baeum-server admin …` command line: the first admin, a password
//! reset, a teacher invitation, for a school without an admin yet.

use std::path::PathBuf;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{delete, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::accounts::{
    account_identifier, check_password_rules, create_account, normalize_username, JsonBody,
};
use crate::auth::{check_password, hash_on_pool, token_sha256, Authenticated};
use crate::classes::JOIN_CODE_ALPHABET;
use crate::error::ServerError;
use crate::limits::ClientAddress;
use crate::store::{run_blocking, Role, SiteRole};
use crate::AppState;

/// How long a teacher invitation stays usable unless another length is asked for.
pub const INVITATION_DAYS: i64 = 7;
/// The longest an invitation may be made to last.
pub const MAXIMUM_INVITATION_DAYS: i64 = 30;
/// Characters of an invitation code (from the join codes' unambiguous alphabet): about 79
/// bits, far beyond guessing, written in four groups of four.
pub const INVITATION_CODE_LENGTH: usize = 16;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/me/password", post(change_password))
        .route("/api/sessions", delete(sign_out_everywhere))
        .route("/api/me", delete(delete_own_account))
        .route("/api/admin/teacher-invitations", post(invite_teacher))
}

/// Checks the caller's own password again (for a change or a deletion).
async fn confirm_password(
    state: &AppState,
    caller: &Authenticated,
    password: String,
    address: Option<std::net::IpAddr>,
) -> Result<(), ServerError> {
    let confirmed = check_password(state, caller.account.username.clone(), password, address)
        .await?
        .is_some_and(|account| account.id == caller.account.id);
    if confirmed {
        Ok(())
    } else {
        // 403, not 401: the session is fine, and a 401 would make the app sign out.
        Err(ServerError::Forbidden(
            "the current password is wrong".into(),
        ))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordChange {
    current_password: String,
    new_password: String,
}

async fn change_password(
    State(state): State<AppState>,
    caller: Authenticated,
    ClientAddress(address): ClientAddress,
    JsonBody(request): JsonBody<PasswordChange>,
) -> Result<StatusCode, ServerError> {
    check_password_rules(&request.new_password)?;
    confirm_password(&state, &caller, request.current_password, address).await?;
    let password_hash = hash_on_pool(&state, &request.new_password).await?;
    let account_id = caller.account.id;
    let keep = caller.session_token_sha256;
    run_blocking(&state.store, move |store| {
        store.set_password_hash(account_id, &password_hash, keep)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<StatusCode, ServerError> {
    let account_id = caller.account.id;
    run_blocking(&state.store, move |store| {
        store.delete_sessions_of_account(account_id)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletionRequest {
    password: String,
}

async fn delete_own_account(
    State(state): State<AppState>,
    caller: Authenticated,
    ClientAddress(address): ClientAddress,
    JsonBody(request): JsonBody<DeletionRequest>,
) -> Result<StatusCode, ServerError> {
    confirm_password(&state, &caller, request.password, address).await?;
    let account_id = caller.account.id;
    let actor_key = account_identifier(&state.account_home_page, account_id).key();
    run_blocking(&state.store, move |store| {
        store.delete_account(account_id, &actor_key)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InvitationRequest {
    #[serde(default)]
    days: Option<i64>,
}

/// A fresh teacher invitation, shown once to the admin who made it.
#[derive(Debug, Serialize)]
pub struct InvitationView {
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

async fn invite_teacher(
    State(state): State<AppState>,
    caller: Authenticated,
    body: axum::body::Bytes,
) -> Result<impl IntoResponse, ServerError> {
    // The platform's admin anywhere, a site's admin at their site; the invitation is to teach
    // at the site it was made at. At a site's address, someone who is not its staff is told
    // nothing more than at any address the site does not have (404), as for its classes.
    let role_here = if caller.account.role == Role::Admin {
        None
    } else {
        caller.role_here(&state).await?
    };
    if caller.account.role != Role::Admin && role_here != Some(SiteRole::Admin) {
        if caller.site_id.is_some() && role_here.is_none() {
            return Err(ServerError::NotFound(
                "there is nothing to invite to here".into(),
            ));
        }
        return Err(ServerError::Forbidden(
            "only an administrator (of the platform, or of this site) can invite teachers".into(),
        ));
    }
    // The body is optional: none means the default length.
    let request: InvitationRequest = if body.iter().all(u8::is_ascii_whitespace) {
        InvitationRequest::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|error| ServerError::bad_request(format!("invalid body: {error}")))?
    };
    let days = request.days;
    let invitation = create_invitation(
        &state,
        Some(caller.account.id),
        days,
        caller.site_id.clone(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(invitation)))
}

/// Makes and stores a teacher invitation lasting `days` (default [`INVITATION_DAYS`]).
pub async fn create_invitation(
    state: &AppState,
    created_by: Option<uuid::Uuid>,
    days: Option<i64>,
    site_id: Option<String>,
) -> Result<InvitationView, ServerError> {
    let days = days.unwrap_or(INVITATION_DAYS);
    if !(1..=MAXIMUM_INVITATION_DAYS).contains(&days) {
        return Err(ServerError::bad_request(format!(
            "an invitation lasts 1 to {MAXIMUM_INVITATION_DAYS} days"
        )));
    }
    let code = new_invitation_code();
    let digest = token_sha256(&code);
    let now = Utc::now();
    let expires_at = now + chrono::Duration::days(days);
    run_blocking(&state.store, move |store| {
        store.create_teacher_invitation(digest, created_by, now, expires_at, site_id.as_deref())
    })
    .await?;
    let grouped = code
        .as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-");
    Ok(InvitationView {
        code: grouped,
        expires_at,
    })
}

fn new_invitation_code() -> String {
    let mut random = rand::rngs::OsRng;
    (0..INVITATION_CODE_LENGTH)
        .map(|_| char::from(JOIN_CODE_ALPHABET[random.gen_range(0..JOIN_CODE_ALPHABET.len())]))
        .collect()
}

/// An invitation code as typed (any case, with spaces or dashes between groups) in the form
/// its hash was stored under, or a 400 that says what a code looks like.
pub fn normalize_invitation_code(typed: &str) -> Result<String, ServerError> {
    let code: String = typed
        .chars()
        .filter(|character| !character.is_whitespace() && *character != '-')
        .map(|character| character.to_ascii_uppercase())
        .collect();
    let valid = code.len() == INVITATION_CODE_LENGTH
        && code.bytes().all(|byte| JOIN_CODE_ALPHABET.contains(&byte));
    if valid {
        Ok(code)
    } else {
        Err(ServerError::bad_request(format!(
            "a teacher invitation code is {INVITATION_CODE_LENGTH} letters and digits, like \
             ABCD-EFGH-JKMN-PQRS"
        )))
    }
}

// ----- the command line ----------------------------------------------------------------------

/// `baeum-server admin …`, parsed.
#[derive(Debug, PartialEq, Eq)]
pub enum AdminCommand {
    /// Makes an admin account.
    Create {
        username: String,
        password_file: Option<PathBuf>,
    },
    /// Sets a new password for any account and ends its sessions.
    ResetPassword {
        username: String,
        password_file: Option<PathBuf>,
    },
    /// Prints a one-time teacher invitation code.
    /// An invitation to teach at the site with this id, or (`None`) at no site.
    InviteTeacher {
        days: Option<i64>,
        site: Option<String>,
    },
}

/// The usage of `baeum-server admin`.
pub const ADMIN_USAGE: &str = "usage: baeum-server admin COMMAND [--data DIR]

  create USERNAME [--password-file FILE]
             make an administrator account (the first one of a school)
  reset-password USERNAME [--password-file FILE]
             set a new password for any account and sign it out everywhere
  invite-teacher [--days N] [--site ID]
             print a one-time code that makes a teacher's account at sign-up (default 7
             days); with --site, a teacher of that site (`baeum-server site`)

  The password is asked on the terminal (twice, not shown), or read from the first line of
  FILE; it is never an argument, which other users of the machine could read.
  --data     where the SQLite database is kept (default ./data), as for serving";

/// Parses the arguments after `admin`; returns the command and the data directory.
pub fn parse_admin_arguments(
    arguments: &[String],
) -> Result<(AdminCommand, Option<PathBuf>), String> {
    let mut rest = arguments.iter();
    let command = rest.next().ok_or_else(|| ADMIN_USAGE.to_owned())?;
    let mut positional = Vec::new();
    let mut password_file = None;
    let mut data = None;
    let mut days = None;
    let mut site = None;
    while let Some(argument) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n\n{ADMIN_USAGE}"))
        };
        match argument.as_str() {
            "--password-file" => password_file = Some(PathBuf::from(value(argument)?)),
            "--data" => data = Some(PathBuf::from(value(argument)?)),
            "--site" => {
                let id = value(argument)?;
                baeum_core::site::check_site_id(&id).map_err(|error| error.to_string())?;
                site = Some(id);
            }
            "--days" => {
                let text = value(argument)?;
                days = Some(
                    text.parse::<i64>()
                        .map_err(|_| format!("--days needs a number of days, not {text:?}"))?,
                );
            }
            "--password" => {
                return Err(
                    "a password is never given as an argument (other users of the machine can \
                     read arguments); use --password-file FILE or type it when asked"
                        .into(),
                )
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown argument {flag}\n\n{ADMIN_USAGE}"))
            }
            other => positional.push(other.to_owned()),
        }
    }
    let one_username = |positional: Vec<String>| match positional.as_slice() {
        [username] => Ok(username.clone()),
        _ => Err(format!("{command} needs one USERNAME\n\n{ADMIN_USAGE}")),
    };
    let parsed = match command.as_str() {
        "create" => AdminCommand::Create {
            username: one_username(positional)?,
            password_file,
        },
        "reset-password" => AdminCommand::ResetPassword {
            username: one_username(positional)?,
            password_file,
        },
        "invite-teacher" if positional.is_empty() => AdminCommand::InviteTeacher { days, site },
        "--help" | "-h" | "help" => return Err(ADMIN_USAGE.to_owned()),
        other => return Err(format!("unknown admin command {other}\n\n{ADMIN_USAGE}")),
    };
    Ok((parsed, data))
}

/// Reads a new password from `file` (its first line) or from the terminal, twice.
pub fn read_new_password(file: Option<&PathBuf>) -> Result<String, String> {
    let password = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|error| {
                format!("cannot read the password file {}: {error}", path.display())
            })?;
            text.lines().next().unwrap_or_default().to_owned()
        }
        None => {
            let first = rpassword::prompt_password("new password: ").map_err(|error| {
                format!(
                    "cannot read a password from the terminal ({error}); use --password-file FILE"
                )
            })?;
            let second = rpassword::prompt_password("the same password again: ")
                .map_err(|error| format!("cannot read a password from the terminal: {error}"))?;
            if first != second {
                return Err("the two passwords differ; nothing was changed".into());
            }
            first
        }
    };
    check_password_rules(&password).map_err(|error| error.to_string())?;
    Ok(password)
}

/// Runs an admin command against the database in `state`; returns what to print.
pub async fn run_admin_command(state: &AppState, command: AdminCommand) -> Result<String, String> {
    match command {
        AdminCommand::Create {
            username,
            password_file,
        } => {
            let normalized = normalize_username(&username).map_err(|error| error.to_string())?;
            let taken = run_blocking(&state.store, {
                let normalized = normalized.clone();
                move |store| store.account_by_username(&normalized)
            })
            .await
            .map_err(|error| error.to_string())?;
            if taken.is_some() {
                return Err(format!("the username {normalized} is already taken"));
            }
            let password = read_new_password(password_file.as_ref())?;
            let account = create_account(state, &normalized, &password, Role::Admin)
                .await
                .map_err(|error| match error {
                    ServerError::Conflict(_) => {
                        format!("the username {normalized} is already taken")
                    }
                    other => other.to_string(),
                })?;
            Ok(format!(
                "administrator {} created; sign in with it in the app",
                account.username
            ))
        }
        AdminCommand::ResetPassword {
            username,
            password_file,
        } => {
            let normalized = normalize_username(&username).map_err(|error| error.to_string())?;
            let account = run_blocking(&state.store, {
                let normalized = normalized.clone();
                move |store| store.account_by_username(&normalized)
            })
            .await
            .map_err(|error| error.to_string())?
            .ok_or_else(|| format!("there is no account {normalized}"))?;
            let password = read_new_password(password_file.as_ref())?;
            let password_hash = hash_on_pool(state, &password)
                .await
                .map_err(|error| error.to_string())?;
            run_blocking(&state.store, move |store| {
                store.set_password_hash(account.id, &password_hash, None)
            })
            .await
            .map_err(|error| error.to_string())?;
            Ok(format!(
                "the password of {normalized} was changed and it was signed out everywhere"
            ))
        }
        AdminCommand::InviteTeacher { days, site } => {
            if let Some(id) = &site {
                let sites = run_blocking(&state.store, |store| store.sites())
                    .await
                    .map_err(|error| error.to_string())?;
                if !sites.iter().any(|known| &known.id == id) {
                    return Err(format!("there is no site {id} (baeum-server site list)"));
                }
            }
            let at = site
                .as_deref()
                .map(|id| format!(" of the site {id}"))
                .unwrap_or_default();
            let invitation = create_invitation(state, None, days, site)
                .await
                .map_err(|error| error.to_string())?;
            Ok(format!(
                "teacher invitation code: {}\nit makes one teacher's account{at} at sign-up in \
                 the teachers' app (/teach) and expires at {}",
                invitation.code,
                invitation.expires_at.to_rfc3339()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arguments(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn admin_arguments_parse_and_refuse_a_password_argument() {
        assert_eq!(
            parse_admin_arguments(&arguments("create head --password-file p.txt --data d")),
            Ok((
                AdminCommand::Create {
                    username: "head".into(),
                    password_file: Some("p.txt".into())
                },
                Some("d".into())
            ))
        );
        assert_eq!(
            parse_admin_arguments(&arguments("invite-teacher --days 3")),
            Ok((
                AdminCommand::InviteTeacher {
                    days: Some(3),
                    site: None
                },
                None
            ))
        );
        let refused = parse_admin_arguments(&arguments("create head --password secret"))
            .expect_err("a password argument is refused");
        assert!(refused.contains("never given as an argument"), "{refused}");
        assert!(parse_admin_arguments(&arguments("create")).is_err());
        assert!(parse_admin_arguments(&arguments("destroy")).is_err());
    }

    #[test]
    fn invitation_codes_are_normalized() {
        let code = new_invitation_code();
        assert_eq!(code.len(), INVITATION_CODE_LENGTH);
        assert_eq!(
            normalize_invitation_code(&format!(" {}-{} ", &code[..8], &code[8..]).to_lowercase())
                .expect("valid"),
            code
        );
        assert!(normalize_invitation_code("ABCD").is_err());
    }
}
