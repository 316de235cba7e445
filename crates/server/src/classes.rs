//! Classes: a teacher's group of learners, joined with a short code written on the board.
//!
//! - `POST /api/classes` `{name}` (teacher) → 201 [`ClassView`].
//! - `GET /api/classes` → teacher (or admin): `{classes: [ClassView]}` for the classes they
//!   own; learner: `{classes: [LearnerClassView]}` for the classes they are in.
//! - `POST /api/classes/join` `{join_code}` (learner) → 200 [`LearnerClassView`]. Attempts
//!   with a well-formed code are limited per account and per client address
//!   ([`crate::limits`]); beyond the limit every attempt is 429 with `Retry-After`.
//! - `GET /api/classes/{class_id}` (the class's teacher) → [`ClassDetailView`] with members.
//! - `PATCH /api/classes/{class_id}` `{name}` → 200 [`ClassView`].
//! - `POST /api/classes/{class_id}/join-code` → 200 [`ClassView`] with a fresh code; the old
//!   code stops working at once, learners already in the class stay.
//! - `GET /api/classes/{class_id}/members` → `{members: [PersonView]}`.
//! - `DELETE /api/classes/{class_id}/members/{learner_id}` → 204. The learner loses the class,
//!   its assignments, and the teacher's read access to their statements through it.
//!
//! Who may manage a class ([`class_managed_by`]): its teacher, the platform's admin, or an
//! admin of the class's site. Another teacher gets 404, so class ids cannot be probed; a
//! learner gets 403.
//!
//! A class belongs to the site it was made at ([`crate::sites`]; `None` at an address that is
//! no site's). A joint class ([`crate::class_teachers`]) is also at the site of each teacher
//! who took it up with its teacher code. A class is listed, joined and managed at its sites'
//! addresses only: at any other address it answers 404 as a class that does not exist, to
//! everyone. At a site, only its staff (`baeum-server site staff`, or a teacher invited there)
//! make classes. A learner belongs to the class as a pupil of the site whose address they
//! joined at.

use axum::extract::{Path, State};
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
pub use crate::limits::{ClientAddress, JOIN_FAILURES_PER_ACCOUNT, JOIN_FAILURES_PER_ADDRESS};
use crate::store::{
    run_blocking, ClassMemberRecord, ClassRecord, ClassTeacherRecord, Role, SiteRole, Store,
    StoreError,
};
use crate::AppState;
use baeum_core::site::SiteName;

/// Letters and digits that cannot be confused when read aloud or copied from a board: no
/// `0`/`O`, no `1`/`I`/`L`.
pub const JOIN_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Eight characters from a 31-letter alphabet: about 8.5 × 10¹¹ codes, which the attempt
/// limits below make impossible to find by guessing, yet short enough for a child to type.
pub const JOIN_CODE_LENGTH: usize = 8;
/// Longest class name, in characters.
pub const MAXIMUM_CLASS_NAME_CHARACTERS: usize = 100;

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

/// A class and who teaches it besides its owner: where the class is, and who teaches it,
/// follow from both.
#[derive(Debug, Clone)]
pub struct JointClass {
    pub class: ClassRecord,
    /// The owner's username (empty when the account is gone mid-request).
    pub owner_username: String,
    pub teachers: Vec<ClassTeacherRecord>,
}

impl JointClass {
    /// Reads the class's other teachers and its owner's name.
    pub fn load(store: &dyn Store, class: ClassRecord) -> Result<Self, StoreError> {
        let teachers = store.class_teachers(class.id)?;
        let owner_username = store
            .account_by_id(class.teacher_id)?
            .map(|owner| owner.username)
            .unwrap_or_default();
        Ok(Self {
            class,
            owner_username,
            teachers,
        })
    }

    /// Whether the class is at this site (`None`: an address that is no site's): the site it
    /// was made at, or one of its other teachers'.
    pub fn is_at(&self, site_id: Option<&str>) -> bool {
        self.class.site_id.as_deref() == site_id
            || self
                .teachers
                .iter()
                .any(|teacher| teacher.site_id.as_deref() == site_id)
    }

    /// The site the account teaches the class from (the owner: the class's own site); `None`
    /// when they do not teach it.
    pub fn teaching_site(&self, account_id: Uuid) -> Option<Option<&str>> {
        if self.class.teacher_id == account_id {
            return Some(self.class.site_id.as_deref());
        }
        self.teachers
            .iter()
            .find(|teacher| teacher.teacher_id == account_id)
            .map(|teacher| teacher.site_id.as_deref())
    }

    /// Who sees the check-ins of a learner who joined at `member_site`: the class's teachers
    /// who teach it from that site, else (no teacher of that school teaches it now) its owner.
    pub fn check_ins_go_to(&self, member_site: Option<&str>, teacher_id: Uuid) -> bool {
        let from_site = |site: Option<&str>| site == member_site;
        let owner_there = from_site(self.class.site_id.as_deref());
        let others_there: Vec<Uuid> = self
            .teachers
            .iter()
            .filter(|teacher| from_site(teacher.site_id.as_deref()))
            .map(|teacher| teacher.teacher_id)
            .collect();
        if owner_there || !others_there.is_empty() {
            (owner_there && teacher_id == self.class.teacher_id)
                || others_there.contains(&teacher_id)
        } else {
            teacher_id == self.class.teacher_id
        }
    }

    /// The ids of the sites it is at, its own first, each once.
    pub fn site_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let sites = std::iter::once(&self.class.site_id)
            .chain(self.teachers.iter().map(|teacher| &teacher.site_id));
        for id in sites.flatten() {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }

    /// Its teachers, the owner first.
    pub fn teacher_views(&self) -> Vec<ClassTeacherView> {
        std::iter::once(ClassTeacherView {
            id: self.class.teacher_id,
            username: self.owner_username.clone(),
            site_id: self.class.site_id.clone(),
            owner: true,
        })
        .chain(self.teachers.iter().map(|teacher| ClassTeacherView {
            id: teacher.teacher_id,
            username: teacher.username.clone(),
            site_id: teacher.site_id.clone(),
            owner: false,
        }))
        .collect()
    }
}

/// The classes of this list that are at the site, with their teachers.
pub fn classes_at(
    store: &dyn Store,
    classes: Vec<ClassRecord>,
    site_id: Option<&str>,
) -> Result<Vec<JointClass>, StoreError> {
    let mut at = Vec::new();
    for class in classes {
        let joint = JointClass::load(store, class)?;
        if joint.is_at(site_id) {
            at.push(joint);
        }
    }
    Ok(at)
}

/// A class as its teachers see it.
#[derive(Debug, Serialize)]
pub struct ClassView {
    pub id: Uuid,
    pub name: String,
    pub join_code: String,
    /// Its owner, who made it.
    pub teacher_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub member_count: usize,
    /// The sites it is at, its own first: two or more for a joint class, none at an address
    /// that is no site's.
    pub sites: Vec<SiteName>,
    /// Who teaches it, its owner first, each with the site they teach it from.
    pub teachers: Vec<ClassTeacherView>,
    /// The code another teacher takes the class up with; shown to its owner and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teacher_code: Option<String>,
}

/// One of a class's teachers.
#[derive(Debug, Clone, Serialize)]
pub struct ClassTeacherView {
    pub id: Uuid,
    pub username: String,
    pub site_id: Option<String>,
    /// The teacher who made the class.
    pub owner: bool,
}

impl ClassView {
    /// The class as `caller` sees it (the teacher code for its owner and admins only).
    pub async fn new(
        state: &AppState,
        caller: &Authenticated,
        joint: &JointClass,
        member_count: usize,
    ) -> Result<Self, ServerError> {
        let class = &joint.class;
        let teacher_code = if may_invite_teachers(state, caller, joint).await? {
            class.teacher_code.clone()
        } else {
            None
        };
        Ok(Self {
            id: class.id,
            name: class.name.clone(),
            join_code: class.join_code.clone(),
            teacher_id: class.teacher_id,
            created_at: class.created_at,
            member_count,
            sites: state.sites.names(state, &joint.site_ids()).await,
            teachers: joint.teacher_views(),
            teacher_code,
        })
    }
}

/// Whether the caller may invite other teachers to the class or take them off it: its owner,
/// the platform's admin, or an admin of the class's own site asking there (a partner site's
/// admin manages the class but does not bring in more schools).
pub async fn may_invite_teachers(
    state: &AppState,
    caller: &Authenticated,
    joint: &JointClass,
) -> Result<bool, ServerError> {
    Ok(joint.class.teacher_id == caller.account.id
        || caller.account.role == Role::Admin
        || (caller.site_id.is_some()
            && caller.site_id == joint.class.site_id
            && caller.role_here(state).await? == Some(SiteRole::Admin)))
}

/// A class as a learner in it sees it. The join code is left out: a teacher who rotates a
/// leaked code should not have the new one shown to every member.
#[derive(Debug, Serialize)]
pub struct LearnerClassView {
    pub id: Uuid,
    pub name: String,
    /// Its owner.
    pub teacher: PersonView,
    /// Every teacher, its owner first.
    pub teachers: Vec<PersonView>,
    /// The schools it joins, its own first.
    pub sites: Vec<SiteName>,
}

impl LearnerClassView {
    pub async fn new(state: &AppState, joint: &JointClass) -> Self {
        let teachers: Vec<PersonView> = joint
            .teacher_views()
            .into_iter()
            .map(|teacher| PersonView {
                id: teacher.id,
                username: teacher.username,
            })
            .collect();
        Self {
            id: joint.class.id,
            name: joint.class.name.clone(),
            teacher: teachers[0].clone(),
            teachers,
            sites: state.sites.names(state, &joint.site_ids()).await,
        }
    }
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

/// A learner in a class, for its teachers: who, and which site's pupil.
#[derive(Debug, Serialize)]
pub struct MemberView {
    #[serde(flatten)]
    pub person: PersonView,
    pub site_id: Option<String>,
}

impl From<&ClassMemberRecord> for MemberView {
    fn from(member: &ClassMemberRecord) -> Self {
        Self {
            person: PersonView::from(member),
            site_id: member.site_id.clone(),
        }
    }
}

/// A class with its members, for its teacher.
#[derive(Debug, Serialize)]
pub struct ClassDetailView {
    #[serde(flatten)]
    pub class: ClassView,
    pub members: Vec<MemberView>,
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
    // A name is one line on a teacher's list; a control character (U+0000 among them, which
    // PostgreSQL's text cannot hold) is never part of one.
    if let Some(bad) = name.chars().find(|character| character.is_control()) {
        return Err(ServerError::bad_request(format!(
            "class name must not contain control characters, not {bad:?}"
        )));
    }
    Ok(name)
}

pub(crate) fn new_join_code() -> String {
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
    site_id: Option<&str>,
) -> Result<ClassRecord, ServerError> {
    for _ in 0..5 {
        let class = ClassRecord {
            id: Uuid::now_v7(),
            teacher_id,
            name: name.to_owned(),
            join_code: new_join_code(),
            created_at: Utc::now(),
            site_id: site_id.map(str::to_owned),
            teacher_code: None,
        };
        match store.create_class(&class) {
            Ok(()) => return Ok(class),
            Err(StoreError::JoinCodeTaken) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(ServerError::Store(StoreError::JoinCodeTaken))
}

/// The class when the caller may manage it: one of its teachers, or an admin. A learner gets
/// 403; a teacher asking about another teacher's class gets the same 404 as for a class that
/// does not exist, so that class ids reveal nothing.
pub async fn class_managed_by(
    state: &AppState,
    caller: &Authenticated,
    class_id: Uuid,
) -> Result<ClassRecord, ServerError> {
    Ok(joint_class_managed_by(state, caller, class_id).await?.class)
}

/// [`class_managed_by`], with the class's other teachers.
pub async fn joint_class_managed_by(
    state: &AppState,
    caller: &Authenticated,
    class_id: Uuid,
) -> Result<JointClass, ServerError> {
    class_of_caller(state, caller, class_id, AdminsToo::Yes).await
}

/// The class when the caller is one of its teachers; an admin is answered as a stranger (404),
/// for what is shared with the teachers alone (wellbeing check-ins, each learner's with the
/// teachers of their own school: [`JointClass::check_ins_go_to`]).
pub async fn class_taught_by(
    state: &AppState,
    caller: &Authenticated,
    class_id: Uuid,
) -> Result<JointClass, ServerError> {
    class_of_caller(state, caller, class_id, AdminsToo::No).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AdminsToo {
    Yes,
    No,
}

async fn class_of_caller(
    state: &AppState,
    caller: &Authenticated,
    class_id: Uuid,
    admins: AdminsToo,
) -> Result<JointClass, ServerError> {
    if caller.account.role == Role::Learner {
        return Err(ServerError::Forbidden(
            "only the class's teacher can do this".into(),
        ));
    }
    let not_found = || ServerError::NotFound(format!("no class {class_id}"));
    let joint = run_blocking(&state.store, move |store| {
        store
            .class_by_id(class_id)?
            .map(|class| JointClass::load(store, class))
            .transpose()
    })
    .await?
    // A class is managed at its sites' addresses only.
    .filter(|joint| joint.is_at(caller.site_id.as_deref()))
    .ok_or_else(not_found)?;
    if joint.teaching_site(caller.account.id).is_some() {
        return Ok(joint);
    }
    if admins == AdminsToo::No {
        return Err(not_found());
    }
    if caller.account.role == Role::Admin {
        return Ok(joint);
    }
    // The class is at the request's site (above), so an admin of that site manages it.
    if caller.role_here(state).await? == Some(SiteRole::Admin) {
        Ok(joint)
    } else {
        Err(not_found())
    }
}

/// Whether the caller may make classes where the request was made: a teacher at an address
/// that is no site's; at a site, its staff only.
pub(crate) async fn may_make_classes(
    state: &AppState,
    caller: &Authenticated,
) -> Result<bool, ServerError> {
    if caller.account.role != Role::Teacher {
        return Ok(false);
    }
    Ok(caller.site_id.is_none() || caller.role_here(state).await?.is_some())
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
    if !may_make_classes(&state, &caller).await? {
        return Err(ServerError::Forbidden(if caller.site_id.is_some() {
            "only this site's teachers can create classes here; its administrator can invite \
             you"
            .into()
        } else {
            "only teachers can create classes".into()
        }));
    }
    let name = checked_class_name(&request.name)?;
    let store = state.store.clone();
    let teacher_id = caller.account.id;
    let site_id = caller.site_id.clone();
    let class = tokio::task::spawn_blocking(move || {
        create_class_for(&*store, teacher_id, &name, site_id.as_deref())
    })
    .await
    .map_err(|_| ServerError::Store(StoreError::TaskFailed))??;
    let joint = JointClass {
        class,
        owner_username: caller.account.username.clone(),
        teachers: Vec::new(),
    };
    Ok((
        StatusCode::CREATED,
        Json(ClassView::new(&state, &caller, &joint, 0).await?),
    ))
}

async fn list_classes(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<serde_json::Value>, ServerError> {
    let caller_id = caller.account.id;
    let site_id = caller.site_id.clone();
    if caller.account.role == Role::Learner {
        let joints = run_blocking(&state.store, move |store| {
            classes_at(
                store,
                store.classes_of_learner(caller_id)?,
                site_id.as_deref(),
            )
        })
        .await?;
        let mut classes = Vec::new();
        for joint in &joints {
            classes.push(LearnerClassView::new(&state, joint).await);
        }
        return Ok(Json(serde_json::json!({ "classes": classes })));
    }
    let joints = run_blocking(&state.store, move |store| {
        let mut counted = Vec::new();
        for joint in classes_at(
            store,
            store.classes_of_teacher(caller_id)?,
            site_id.as_deref(),
        )? {
            let member_count = store.class_member_count(joint.class.id)?;
            counted.push((joint, member_count));
        }
        Ok(counted)
    })
    .await?;
    let mut classes = Vec::new();
    for (joint, member_count) in &joints {
        classes.push(ClassView::new(&state, &caller, joint, *member_count).await?);
    }
    Ok(Json(serde_json::json!({ "classes": classes })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinClass {
    join_code: String,
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
    // A typo that cannot be a code is explained and not counted as a guess.
    let join_code = normalize_join_code(&request.join_code).ok_or_else(|| {
        ServerError::bad_request(format!(
            "a join code is {JOIN_CODE_LENGTH} letters and digits without 0, 1, i, l or o"
        ))
    })?;
    // Counted before the code is looked at, so that a guesser who is over the limit learns
    // nothing, not even from a right guess.
    state
        .limiters
        .join_attempt(&state.store, caller.account.id, address)
        .await?;
    let learner_id = caller.account.id;
    let site_id = caller.site_id.clone();
    let joined = run_blocking(&state.store, move |store| {
        // Another site's class is joined at one of its own sites' addresses.
        let Some(class) = store.class_by_join_code(&join_code)? else {
            return Ok(None);
        };
        let joint = JointClass::load(store, class)?;
        if !joint.is_at(site_id.as_deref()) {
            return Ok(None);
        }
        store.add_class_member(joint.class.id, learner_id, site_id.as_deref())?;
        Ok(Some(joint))
    })
    .await?;
    match joined {
        Some(joint) => Ok(Json(LearnerClassView::new(&state, &joint).await)),
        None => Err(ServerError::NotFound("no class has this join code".into())),
    }
}

async fn class_detail(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassDetailView>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let joint = joint_class_managed_by(&state, &caller, class_id).await?;
    let members = run_blocking(&state.store, move |store| store.class_members(class_id)).await?;
    Ok(Json(ClassDetailView {
        class: ClassView::new(&state, &caller, &joint, members.len()).await?,
        members: members.iter().map(MemberView::from).collect(),
    }))
}

async fn rename_class(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
    JsonBody(request): JsonBody<ClassName>,
) -> Result<Json<ClassView>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let mut joint = joint_class_managed_by(&state, &caller, class_id).await?;
    let name = checked_class_name(&request.name)?;
    joint.class.name = name.clone();
    let member_count = run_blocking(&state.store, move |store| {
        store.rename_class(class_id, &name)?;
        store.class_member_count(class_id)
    })
    .await?;
    Ok(Json(
        ClassView::new(&state, &caller, &joint, member_count).await?,
    ))
}

async fn rotate_join_code(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassView>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let mut joint = joint_class_managed_by(&state, &caller, class_id).await?;
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
    joint.class.join_code = join_code;
    Ok(Json(
        ClassView::new(&state, &caller, &joint, member_count).await?,
    ))
}

async fn list_members(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<serde_json::Value>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    class_managed_by(&state, &caller, class_id).await?;
    let members = run_blocking(&state.store, move |store| store.class_members(class_id)).await?;
    let members: Vec<MemberView> = members.iter().map(MemberView::from).collect();
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
}
