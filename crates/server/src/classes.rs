//! Classes: a teacher's group of learners, joined with a short code written on the board.
//!
//! - `POST /api/classes` `{name}` (teacher) → 201 [`ClassView`].
//! - `GET /api/classes` → teacher (or admin): `{classes: [ClassView]}` for the classes they
//!   own; learner: `{classes: [LearnerClassView]}` for the classes they are in.
//! - `POST /api/classes/join` `{join_code}` (learner) → 200 [`LearnerClassView`]. Failed
//!   attempts are limited per account and per client address ([`JoinCodeAttemptLimiter`]);
//!   beyond the limit every attempt is 429 with `Retry-After`.
//! - `GET /api/classes/{class_id}` (the class's teacher) → [`ClassDetailView`] with members.
//! - `PATCH /api/classes/{class_id}` `{name}` → 200 [`ClassView`].
//! - `POST /api/classes/{class_id}/join-code` → 200 [`ClassView`] with a fresh code; the old
//!   code stops working at once, learners already in the class stay.
//! - `GET /api/classes/{class_id}/members` → `{members: [PersonView]}`.
//! - `DELETE /api/classes/{class_id}/members/{learner_id}` → 204. The learner loses the class,
//!   its assignments, and the teacher's read access to their statements through it.
//!
//! Who may manage a class ([`class_managed_by`]): its teacher, or an admin. Another teacher
//! gets 404, so class ids cannot be probed; a learner gets 403.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::accounts::JsonBody;
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, ClassMemberRecord, ClassRecord, Role, Store, StoreError};
use crate::AppState;

/// Letters and digits that cannot be confused when read aloud or copied from a board: no
/// `0`/`O`, no `1`/`I`/`L`.
pub const JOIN_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Eight characters from a 31-letter alphabet: about 8.5 × 10¹¹ codes, which the attempt
/// limits below make impossible to find by guessing, yet short enough for a child to type.
pub const JOIN_CODE_LENGTH: usize = 8;
/// Longest class name, in characters.
pub const MAXIMUM_CLASS_NAME_CHARACTERS: usize = 100;

/// Failed join attempts one account may make per [`JOIN_ATTEMPT_WINDOW`].
pub const JOIN_FAILURES_PER_ACCOUNT: usize = 10;
/// Failed join attempts one client address may make per [`JOIN_ATTEMPT_WINDOW`]. Higher than
/// the per-account limit because a whole school shares one address behind its router, and
/// thirty children mistyping a code on the first morning must not lock each other out; it
/// still stops one machine from cycling through fresh accounts to guess.
pub const JOIN_FAILURES_PER_ADDRESS: usize = 50;
/// The sliding window over which failures are counted.
pub const JOIN_ATTEMPT_WINDOW: Duration = Duration::from_secs(10 * 60);

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/classes", post(create_class).get(list_classes))
        .route("/api/classes/join", post(join_class))
        .route(
            "/api/classes/{class_id}",
            get(class_detail).patch(rename_class),
        )
        .route("/api/classes/{class_id}/join-code", post(rotate_join_code))
        .route("/api/classes/{class_id}/members", get(list_members))
        .route(
            "/api/classes/{class_id}/members/{learner_id}",
            delete(remove_member),
        )
}

/// A class as its teacher sees it.
#[derive(Debug, Serialize)]
pub struct ClassView {
    pub id: Uuid,
    pub name: String,
    pub join_code: String,
    pub teacher_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub member_count: usize,
}

impl ClassView {
    pub fn new(class: &ClassRecord, member_count: usize) -> Self {
        Self {
            id: class.id,
            name: class.name.clone(),
            join_code: class.join_code.clone(),
            teacher_id: class.teacher_id,
            created_at: class.created_at,
            member_count,
        }
    }
}

/// A class as a learner in it sees it. The join code is left out: a teacher who rotates a
/// leaked code should not have the new one shown to every member.
#[derive(Debug, Serialize)]
pub struct LearnerClassView {
    pub id: Uuid,
    pub name: String,
    pub teacher: PersonView,
}

/// Another account, named for display: a class's teacher, or a learner in a class.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: Uuid,
    pub username: String,
}

impl From<&ClassMemberRecord> for PersonView {
    fn from(member: &ClassMemberRecord) -> Self {
        Self {
            id: member.learner_id,
            username: member.username.clone(),
        }
    }
}

/// A class with its members, for its teacher.
#[derive(Debug, Serialize)]
pub struct ClassDetailView {
    #[serde(flatten)]
    pub class: ClassView,
    pub members: Vec<PersonView>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassName {
    name: String,
}

/// Trims a class name and checks its length.
fn checked_class_name(raw: &str) -> Result<String, ServerError> {
    let name = raw.trim().to_owned();
    if name.is_empty() || name.chars().count() > MAXIMUM_CLASS_NAME_CHARACTERS {
        return Err(ServerError::bad_request(format!(
            "class name must be 1 to {MAXIMUM_CLASS_NAME_CHARACTERS} characters long"
        )));
    }
    Ok(name)
}

fn new_join_code() -> String {
    let mut random = rand::thread_rng();
    (0..JOIN_CODE_LENGTH)
        .map(|_| char::from(JOIN_CODE_ALPHABET[random.gen_range(0..JOIN_CODE_ALPHABET.len())]))
        .collect()
}

/// Makes a typed join code comparable: case is ignored, and spaces and dashes a teacher
/// wrote on the board to group the characters ("ABCD-EFGH") are dropped. `None` when what is
/// left cannot be a join code, so the learner hears about a typo instead of "no such class".
pub fn normalize_join_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|character| !character.is_whitespace() && *character != '-')
        .map(|character| character.to_ascii_uppercase())
        .collect();
    let valid = code.len() == JOIN_CODE_LENGTH
        && code.bytes().all(|byte| JOIN_CODE_ALPHABET.contains(&byte));
    valid.then_some(code)
}

/// Creates a class with a fresh join code, retrying on the rare code collision.
pub fn create_class_for(
    store: &dyn Store,
    teacher_id: Uuid,
    name: &str,
) -> Result<ClassRecord, ServerError> {
    for _ in 0..5 {
        let class = ClassRecord {
            id: Uuid::now_v7(),
            teacher_id,
            name: name.to_owned(),
            join_code: new_join_code(),
            created_at: Utc::now(),
        };
        match store.create_class(&class) {
            Ok(()) => return Ok(class),
            Err(StoreError::JoinCodeTaken) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(ServerError::Store(StoreError::JoinCodeTaken))
}

/// The class when the caller may manage it: its teacher, or an admin. A learner gets 403; a
/// teacher asking about another teacher's class gets the same 404 as for a class that does
/// not exist, so that class ids reveal nothing.
pub async fn class_managed_by(
    state: &AppState,
    caller: &Authenticated,
    class_id: Uuid,
) -> Result<ClassRecord, ServerError> {
    if caller.account.role == Role::Learner {
        return Err(ServerError::Forbidden(
            "only the class's teacher can do this".into(),
        ));
    }
    let class = run_blocking(&state.store, move |store| store.class_by_id(class_id)).await?;
    match class {
        Some(class)
            if caller.account.role == Role::Admin || class.teacher_id == caller.account.id =>
        {
            Ok(class)
        }
        _ => Err(ServerError::NotFound(format!("no class {class_id}"))),
    }
}

/// Parses a UUID path segment with our own 400 instead of axum's plain-text rejection.
pub fn parse_path_uuid(name: &str, text: &str) -> Result<Uuid, ServerError> {
    Uuid::parse_str(text)
        .map_err(|_| ServerError::bad_request(format!("{name} {text:?} is not a uuid")))
}

async fn create_class(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(request): JsonBody<ClassName>,
) -> Result<impl IntoResponse, ServerError> {
    if caller.account.role != Role::Teacher {
        return Err(ServerError::Forbidden(
            "only teachers can create classes".into(),
        ));
    }
    let name = checked_class_name(&request.name)?;
    let store = state.store.clone();
    let teacher_id = caller.account.id;
    let class = tokio::task::spawn_blocking(move || create_class_for(&*store, teacher_id, &name))
        .await
        .map_err(|_| ServerError::Store(StoreError::TaskFailed))??;
    Ok((StatusCode::CREATED, Json(ClassView::new(&class, 0))))
}

async fn list_classes(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<serde_json::Value>, ServerError> {
    let caller_id = caller.account.id;
    if caller.account.role == Role::Learner {
        let classes = run_blocking(&state.store, move |store| {
            let mut views = Vec::new();
            for class in store.classes_of_learner(caller_id)? {
                views.push(learner_class_view(store, &class)?);
            }
            Ok(views)
        })
        .await?;
        return Ok(Json(serde_json::json!({ "classes": classes })));
    }
    let classes = run_blocking(&state.store, move |store| {
        let mut views = Vec::new();
        for class in store.classes_of_teacher(caller_id)? {
            let member_count = store.class_member_count(class.id)?;
            views.push(ClassView::new(&class, member_count));
        }
        Ok(views)
    })
    .await?;
    Ok(Json(serde_json::json!({ "classes": classes })))
}

/// A class as a learner sees it, with its teacher's username.
fn learner_class_view(
    store: &dyn Store,
    class: &ClassRecord,
) -> Result<LearnerClassView, StoreError> {
    let teacher_username = store
        .account_by_id(class.teacher_id)?
        .map(|teacher| teacher.username)
        .unwrap_or_default();
    Ok(LearnerClassView {
        id: class.id,
        name: class.name.clone(),
        teacher: PersonView {
            id: class.teacher_id,
            username: teacher_username,
        },
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinClass {
    join_code: String,
}

/// The address of the client as the listener saw it, when the server was started with
/// connection info (`into_make_service_with_connect_info`). Forwarded-for headers are not
/// trusted: anyone can write them, and a guesser would simply vary them.
pub struct ClientAddress(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(address)| address.ip()),
        ))
    }
}

async fn join_class(
    State(state): State<AppState>,
    caller: Authenticated,
    ClientAddress(address): ClientAddress,
    JsonBody(request): JsonBody<JoinClass>,
) -> Result<Json<LearnerClassView>, ServerError> {
    if caller.account.role != Role::Learner {
        return Err(ServerError::Forbidden(
            "only learners can join classes".into(),
        ));
    }
    let mut attempt_keys = vec![AttemptKey::Account(caller.account.id)];
    attempt_keys.extend(address.map(AttemptKey::Address));
    let limiter = &state.join_code_attempts;
    // Refused before the code is even looked at, so that a guesser who is over the limit
    // learns nothing, not even from a right guess.
    if let Some(wait) = limiter.wait_before_next_attempt(&attempt_keys, Instant::now()) {
        return Err(ServerError::TooManyRequests {
            message: "too many wrong join codes; wait before trying again".into(),
            retry_after_seconds: wait.as_secs().max(1),
        });
    }
    let join_code = normalize_join_code(&request.join_code).ok_or_else(|| {
        ServerError::bad_request(format!(
            "a join code is {JOIN_CODE_LENGTH} letters and digits without 0, 1, i, l or o"
        ))
    })?;
    let learner_id = caller.account.id;
    let joined = run_blocking(&state.store, move |store| {
        let Some(class) = store.class_by_join_code(&join_code)? else {
            return Ok(None);
        };
        store.add_class_member(class.id, learner_id)?;
        learner_class_view(store, &class).map(Some)
    })
    .await?;
    match joined {
        Some(view) => Ok(Json(view)),
        None => {
            limiter.record_failure(&attempt_keys, Instant::now());
            Err(ServerError::NotFound("no class has this join code".into()))
        }
    }
}

async fn class_detail(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassDetailView>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let class = class_managed_by(&state, &caller, class_id).await?;
    let members = run_blocking(&state.store, move |store| store.class_members(class_id)).await?;
    Ok(Json(ClassDetailView {
        class: ClassView::new(&class, members.len()),
        members: members.iter().map(PersonView::from).collect(),
    }))
}

async fn rename_class(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
    JsonBody(request): JsonBody<ClassName>,
) -> Result<Json<ClassView>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let mut class = class_managed_by(&state, &caller, class_id).await?;
    let name = checked_class_name(&request.name)?;
    class.name = name.clone();
    let member_count = run_blocking(&state.store, move |store| {
        store.rename_class(class_id, &name)?;
        store.class_member_count(class_id)
    })
    .await?;
    Ok(Json(ClassView::new(&class, member_count)))
}

async fn rotate_join_code(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassView>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let mut class = class_managed_by(&state, &caller, class_id).await?;
    let (join_code, member_count) = run_blocking(&state.store, move |store| {
        // A fresh code collides with another class's code about once in 10¹¹ draws; a few
        // retries make failure practically impossible without looping forever.
        for _ in 0..5 {
            let join_code = new_join_code();
            match store.set_join_code(class_id, &join_code) {
                Ok(_) => return Ok((join_code, store.class_member_count(class_id)?)),
                Err(StoreError::JoinCodeTaken) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(StoreError::JoinCodeTaken)
    })
    .await?;
    class.join_code = join_code;
    Ok(Json(ClassView::new(&class, member_count)))
}

async fn list_members(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<serde_json::Value>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    class_managed_by(&state, &caller, class_id).await?;
    let members = run_blocking(&state.store, move |store| store.class_members(class_id)).await?;
    let members: Vec<PersonView> = members.iter().map(PersonView::from).collect();
    Ok(Json(serde_json::json!({ "members": members })))
}

async fn remove_member(
    State(state): State<AppState>,
    caller: Authenticated,
    Path((class_id, learner_id)): Path<(String, String)>,
) -> Result<StatusCode, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let learner_id = parse_path_uuid("learner id", &learner_id)?;
    class_managed_by(&state, &caller, class_id).await?;
    let removed = run_blocking(&state.store, move |store| {
        store.remove_class_member(class_id, learner_id)
    })
    .await?;
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ServerError::NotFound(format!(
            "learner {learner_id} is not in this class"
        )))
    }
}

/// Who a join attempt is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttemptKey {
    Account(Uuid),
    Address(IpAddr),
}

impl AttemptKey {
    fn limit(self) -> usize {
        match self {
            AttemptKey::Account(_) => JOIN_FAILURES_PER_ACCOUNT,
            AttemptKey::Address(_) => JOIN_FAILURES_PER_ADDRESS,
        }
    }
}

/// Counts failed join attempts in a sliding window, in memory. A restart forgets the counts,
/// which costs nothing: the limit only has to make guessing slow, and a restart is rare and
/// visible. Kept in memory rather than in SQLite so that guessing cannot make the server
/// write to disk.
#[derive(Debug, Default)]
pub struct JoinCodeAttemptLimiter {
    failures: Mutex<HashMap<AttemptKey, VecDeque<Instant>>>,
}

/// Beyond this many tracked keys, keys with no failure inside the window are dropped, so a
/// stream of distinct accounts cannot grow the map without bound.
const TRACKED_KEYS_BEFORE_PRUNING: usize = 10_000;

impl JoinCodeAttemptLimiter {
    /// How long to wait before any of `keys` may try again, or `None` when all may try now.
    pub fn wait_before_next_attempt(&self, keys: &[AttemptKey], now: Instant) -> Option<Duration> {
        let mut failures = self.lock();
        keys.iter()
            .filter_map(|key| {
                let times = failures.get_mut(key)?;
                forget_old_failures(times, now);
                if times.len() < key.limit() {
                    return None;
                }
                // The attempt that made the count reach the limit is `len - limit` from the
                // oldest; once it leaves the window, the count drops below the limit again.
                let blocking = times[times.len() - key.limit()];
                Some((blocking + JOIN_ATTEMPT_WINDOW).saturating_duration_since(now))
            })
            .max()
    }

    /// Counts one failed attempt against each of `keys`.
    pub fn record_failure(&self, keys: &[AttemptKey], now: Instant) {
        let mut failures = self.lock();
        if failures.len() > TRACKED_KEYS_BEFORE_PRUNING {
            failures.retain(|_, times| {
                forget_old_failures(times, now);
                !times.is_empty()
            });
        }
        for key in keys {
            let times = failures.entry(*key).or_default();
            forget_old_failures(times, now);
            times.push_back(now);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<AttemptKey, VecDeque<Instant>>> {
        // The map holds only counters; a panic elsewhere cannot leave it inconsistent.
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn forget_old_failures(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|oldest| now.saturating_duration_since(*oldest) >= JOIN_ATTEMPT_WINDOW)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = new_join_code();
            assert_eq!(code.len(), JOIN_CODE_LENGTH);
            assert!(
                !code.contains(['0', 'O', '1', 'I', 'L']),
                "{code} has an ambiguous character"
            );
            assert_eq!(normalize_join_code(&code), Some(code.clone()));
        }
    }

    #[test]
    fn typed_codes_are_normalized_or_refused() {
        assert_eq!(
            normalize_join_code(" abcd-efgh "),
            Some("ABCDEFGH".to_owned())
        );
        assert_eq!(
            normalize_join_code("ab cd 23 45"),
            Some("ABCD2345".to_owned())
        );
        assert_eq!(normalize_join_code("ABCDEFG"), None);
        assert_eq!(normalize_join_code("ABCDEFGO"), None);
        assert_eq!(normalize_join_code("ABCDEFG1"), None);
        assert_eq!(normalize_join_code("ABCDEFGHJ"), None);
    }

    #[test]
    fn failures_block_until_the_oldest_counted_one_leaves_the_window() {
        let limiter = JoinCodeAttemptLimiter::default();
        let account = [AttemptKey::Account(Uuid::nil())];
        let start = Instant::now();
        for minute in 0..JOIN_FAILURES_PER_ACCOUNT as u64 {
            assert_eq!(
                limiter
                    .wait_before_next_attempt(&account, start + Duration::from_secs(minute * 30)),
                None
            );
            limiter.record_failure(&account, start + Duration::from_secs(minute * 30));
        }
        let after_last = start + Duration::from_secs(5 * 60);
        assert_eq!(
            limiter.wait_before_next_attempt(&account, after_last),
            Some(JOIN_ATTEMPT_WINDOW - Duration::from_secs(5 * 60))
        );
        // Once the first failure is ten minutes old, one more attempt is allowed.
        assert_eq!(
            limiter.wait_before_next_attempt(&account, start + JOIN_ATTEMPT_WINDOW),
            None
        );
    }

    #[test]
    fn an_address_is_limited_across_accounts_but_more_loosely() {
        let limiter = JoinCodeAttemptLimiter::default();
        let address = AttemptKey::Address(IpAddr::from([192, 0, 2, 7]));
        let now = Instant::now();
        for attempt in 0..JOIN_FAILURES_PER_ADDRESS {
            let keys = [
                AttemptKey::Account(Uuid::from_u128(attempt as u128)),
                address,
            ];
            assert_eq!(limiter.wait_before_next_attempt(&keys, now), None);
            limiter.record_failure(&keys, now);
        }
        let fresh_account = [AttemptKey::Account(Uuid::from_u128(u128::MAX)), address];
        assert!(limiter
            .wait_before_next_attempt(&fresh_account, now)
            .is_some());
        let elsewhere = [AttemptKey::Account(Uuid::from_u128(u128::MAX))];
        assert_eq!(limiter.wait_before_next_attempt(&elsewhere, now), None);
    }
}
