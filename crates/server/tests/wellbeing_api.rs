//! Check-ins' privacy rule over HTTP (issue 23): a check-in is its learner's alone unless they
//! share it with the teacher of one of their classes; sharing with one class's teacher shows
//! nothing to another's; no xAPI query, single read, conflict answer, dashboard, CSV or
//! forwarding carries it; the teacher marks a request to talk seen; it goes with the account.
//!
//! Runs on the engine the suite runs on (`BAEUM_TEST_DATABASE_URL`, see `xapi_support`).

mod classes_support;
mod xapi_support;

use baeum_core::wellbeing::{check_in_statement, CheckInInput, Mood};
use baeum_server::store::{run_blocking, Role};
use baeum_server::AppState;
use classes_support::{create_class, join, state_with_content};
use serde_json::{json, Value};
use uuid::Uuid;
use xapi_support::{account, api, encode, send, statement, xapi, TestAccount};

/// The words every test check-in carries, so a leak anywhere shows up in a body.
const WORDS: &str = "miss my grandmother";

fn check_in(
    state: &AppState,
    learner: &TestAccount,
    mood: u8,
    wants_to_talk: bool,
    class: Option<&str>,
) -> Value {
    let actor: baeum_core::record::Actor =
        serde_json::from_value(learner.actor(state)).expect("the learner's actor");
    check_in_statement(&CheckInInput {
        statement_id: Uuid::now_v7(),
        timestamp: "2026-12-06T08:30:00.000+09:00",
        actor: &actor,
        mood: Mood::new(mood).expect("a face"),
        words: WORDS,
        wants_to_talk,
        shared_with_class: class.map(|id| Uuid::parse_str(id).expect("a class id")),
    })
    .expect("a check-in")
}

async fn post(state: &AppState, who: &TestAccount, statements: &[Value]) {
    let reply = send(
        state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&who.basic()),
            Some(&Value::Array(statements.to_vec())),
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

async fn get(state: &AppState, who: &TestAccount, uri: &str) -> xapi_support::Reply {
    if uri.starts_with("/xapi/") {
        send(state, xapi("GET", uri, Some(&who.basic()), None)).await
    } else {
        send(state, api("GET", uri, Some(&who.basic()), None)).await
    }
}

fn ids(reply: &xapi_support::Reply) -> Vec<String> {
    reply.body["statements"]
        .as_array()
        .map(|statements| {
            statements
                .iter()
                .filter_map(|s| s["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn id_of(statement: &Value) -> String {
    statement["id"].as_str().unwrap_or_default().to_owned()
}

/// `who` marks check-in `id` of `class` seen.
fn mark_seen(who: &TestAccount, class: &str, id: &str) -> axum::http::Request<axum::body::Body> {
    api(
        "POST",
        &format!("/api/classes/{class}/wellbeing/{id}/seen"),
        Some(&who.basic()),
        None,
    )
}

fn shared_learners(reply: &xapi_support::Reply) -> Vec<String> {
    reply.body["learners"]
        .as_array()
        .map(|learners| {
            learners
                .iter()
                .filter_map(|l| l["username"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Two teachers, each with a class; `mina` is in both, `joon` only in the first.
struct School {
    state: AppState,
    _content: tempfile::TempDir,
    admin: TestAccount,
    kim: TestAccount,
    lee: TestAccount,
    mina: TestAccount,
    joon: TestAccount,
    kims_class: String,
    kims_code: String,
    lees_class: String,
}

async fn school() -> School {
    let (state, content) = state_with_content();
    let admin = account(&state, "head", Role::Admin).await;
    let kim = account(&state, "ms-kim", Role::Teacher).await;
    let lee = account(&state, "mr-lee", Role::Teacher).await;
    let mina = account(&state, "mina", Role::Learner).await;
    let joon = account(&state, "joon", Role::Learner).await;
    let (kims_class, kims_code) = create_class(&state, &kim, "Korean 1").await;
    let (lees_class, lees_code) = create_class(&state, &lee, "Science").await;
    join(&state, &mina, &kims_code).await;
    join(&state, &mina, &lees_code).await;
    join(&state, &joon, &kims_code).await;
    School {
        state,
        _content: content,
        admin,
        kim,
        lee,
        mina,
        joon,
        kims_class,
        kims_code,
        lees_class,
    }
}

#[tokio::test]
async fn a_check_in_is_invisible_to_teachers_and_admins_until_shared() {
    let school = school().await;
    let state = &school.state;
    let private = check_in(state, &school.mina, 2, true, None);
    let lesson = {
        let mut lesson = statement(&school.mina.actor(state), "l1");
        lesson["id"] = json!(Uuid::now_v7().to_string());
        lesson
    };
    post(state, &school.mina, &[private.clone(), lesson.clone()]).await;

    // The learner reads her own.
    let own = get(state, &school.mina, "/xapi/statements").await;
    assert!(ids(&own).contains(&id_of(&private)), "{:?}", own.body);

    for reader in [&school.kim, &school.lee, &school.admin] {
        let all = get(state, reader, "/xapi/statements").await;
        assert_eq!(all.status, 200);
        assert!(
            ids(&all).contains(&id_of(&lesson)),
            "the lesson is readable"
        );
        assert!(!all.body.to_string().contains(WORDS), "{:?}", all.body);
        let by_verb = get(
            state,
            reader,
            "/xapi/statements?verb=https%3A%2F%2Fbaeum.invalid%2Fxapi%2Fverbs%2Fchecked-in",
        )
        .await;
        assert_eq!(ids(&by_verb), Vec::<String>::new(), "{:?}", by_verb.body);
        let single = get(
            state,
            reader,
            &format!("/xapi/statements?statementId={}", id_of(&private)),
        )
        .await;
        assert_eq!(single.status, 404, "{:?}", single.body);
    }
    let nothing = get(
        state,
        &school.kim,
        &format!("/api/classes/{}/wellbeing", school.kims_class),
    )
    .await;
    assert_eq!(nothing.status, 200, "{:?}", nothing.body);
    assert_eq!(shared_learners(&nothing), Vec::<String>::new());

    // Shared with Ms Kim's class: she sees it there, and nowhere else does anyone.
    let shared = check_in(state, &school.mina, 1, true, Some(&school.kims_class));
    post(state, &school.mina, std::slice::from_ref(&shared)).await;
    let kims = get(
        state,
        &school.kim,
        &format!("/api/classes/{}/wellbeing", school.kims_class),
    )
    .await;
    assert_eq!(shared_learners(&kims), vec!["mina".to_owned()]);
    let mina = &kims.body["learners"][0];
    assert_eq!(mina["recent"].as_array().map(Vec::len), Some(1), "{mina}");
    assert_eq!(mina["recent"][0]["words"], json!(WORDS));
    assert_eq!(mina["recent"][0]["mood"], json!(1));
    assert_eq!(
        mina["open_requests"][0]["statement_id"],
        json!(id_of(&shared))
    );
    // The private one is not there.
    assert!(!kims.body.to_string().contains(&id_of(&private)));
    // Still not through xAPI, even for the teacher it is shared with.
    let single = get(
        state,
        &school.kim,
        &format!("/xapi/statements?statementId={}", id_of(&shared)),
    )
    .await;
    assert_eq!(single.status, 404);
}

#[tokio::test]
async fn sharing_with_one_class_shows_nothing_to_another_classes_teacher() {
    let school = school().await;
    let state = &school.state;
    let shared = check_in(state, &school.mina, 2, true, Some(&school.kims_class));
    post(state, &school.mina, &[shared]).await;

    let lees = get(
        state,
        &school.lee,
        &format!("/api/classes/{}/wellbeing", school.lees_class),
    )
    .await;
    assert_eq!(lees.status, 200);
    assert_eq!(shared_learners(&lees), Vec::<String>::new());
    assert!(!lees.body.to_string().contains(WORDS));
    // Mr Lee cannot read Ms Kim's class, and an admin is no teacher of it.
    for stranger in [&school.lee, &school.admin] {
        let other = get(
            state,
            stranger,
            &format!("/api/classes/{}/wellbeing", school.kims_class),
        )
        .await;
        assert_eq!(other.status, 404, "{:?}", other.body);
    }
    let learner = get(
        state,
        &school.joon,
        &format!("/api/classes/{}/wellbeing", school.kims_class),
    )
    .await;
    assert_eq!(learner.status, 403);
    let counts = |teacher: &TestAccount| {
        let teacher = teacher.basic();
        async move {
            send(
                state,
                api("GET", "/api/wellbeing/open-requests", Some(&teacher), None),
            )
            .await
            .body["open"]
                .clone()
        }
    };
    assert_eq!(counts(&school.kim).await, json!(1));
    assert_eq!(counts(&school.lee).await, json!(0));
}

#[tokio::test]
async fn a_request_to_talk_is_marked_seen_by_its_teacher_only() {
    let school = school().await;
    let state = &school.state;
    let shared = check_in(state, &school.mina, 1, true, Some(&school.kims_class));
    let joons = check_in(state, &school.joon, 2, true, None);
    post(state, &school.mina, std::slice::from_ref(&shared)).await;
    post(state, &school.joon, std::slice::from_ref(&joons)).await;
    // Another class's teacher, a private check-in, a random id: all 404 alike.
    for request in [
        mark_seen(&school.lee, &school.kims_class, &id_of(&shared)),
        mark_seen(&school.lee, &school.lees_class, &id_of(&shared)),
        mark_seen(&school.kim, &school.kims_class, &id_of(&joons)),
        mark_seen(&school.kim, &school.kims_class, &Uuid::now_v7().to_string()),
    ] {
        assert_eq!(send(state, request).await.status, 404);
    }
    let seen = send(
        state,
        mark_seen(&school.kim, &school.kims_class, &id_of(&shared)),
    )
    .await;
    assert_eq!(seen.status, 200, "{:?}", seen.body);
    let first = seen.body["seen_at"].as_str().expect("seen").to_owned();
    let again = send(
        state,
        mark_seen(&school.kim, &school.kims_class, &id_of(&shared)),
    )
    .await;
    assert_eq!(again.body["seen_at"], json!(first), "the first mark stays");
    let kims = get(
        state,
        &school.kim,
        &format!("/api/classes/{}/wellbeing", school.kims_class),
    )
    .await;
    assert_eq!(kims.body["learners"][0]["open_requests"], json!([]));
    assert_eq!(
        kims.body["learners"][0]["recent"][0]["seen_at"],
        json!(first)
    );
    let open = send(
        state,
        api(
            "GET",
            "/api/wellbeing/open-requests",
            Some(&school.kim.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(open.body["open"], json!(0));
}

#[tokio::test]
async fn stopping_sharing_withdraws_a_check_in_and_only_its_learner_may() {
    let school = school().await;
    let state = &school.state;
    let kept = check_in(state, &school.mina, 3, false, Some(&school.kims_class));
    let withdrawn = check_in(state, &school.mina, 1, true, Some(&school.kims_class));
    post(state, &school.mina, &[kept.clone(), withdrawn.clone()]).await;
    let path = format!("/api/classes/{}/wellbeing", school.kims_class);
    let recent = |reply: &xapi_support::Reply| -> Vec<String> {
        reply.body["learners"][0]["recent"]
            .as_array()
            .map(|recent| {
                recent
                    .iter()
                    .filter_map(|c| c["statement_id"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(recent(&get(state, &school.kim, &path).await).len(), 2);
    let withdraw = |who: &TestAccount, target: &Value| {
        let actor: baeum_core::record::Actor =
            serde_json::from_value(who.actor(state)).expect("an actor");
        baeum_core::wellbeing::withdrawal_statements(
            &actor,
            "2026-12-07T09:00:00.000+09:00",
            &[Uuid::parse_str(&id_of(target)).expect("an id")],
            Uuid::now_v7,
        )
        .expect("a withdrawal")
    };
    // Another learner, and the teacher the check-in is shared with, may not take it back: the
    // store's rule that a voiding statement voids only its own actor's statements.
    for who in [&school.joon, &school.kim] {
        let reply = send(
            state,
            xapi(
                "POST",
                "/xapi/statements",
                Some(&who.basic()),
                Some(&Value::Array(withdraw(who, &withdrawn))),
            ),
        )
        .await;
        assert_eq!(reply.status, 400, "{:?}", reply.body);
        assert!(reply.body["error"]
            .as_str()
            .is_some_and(|error| error.contains("only void statements of its own actor")));
    }
    assert_eq!(recent(&get(state, &school.kim, &path).await).len(), 2);
    let withdrawal = withdraw(&school.mina, &withdrawn);
    post(state, &school.mina, &withdrawal).await;
    // The voiding statement says a check-in existed: private like it. Its learner reads it;
    // the teacher, who may read her learning statements, finds it neither in a list (by any
    // filter) nor by its id.
    let voiding_id = id_of(&withdrawal[0]);
    let own = get(state, &school.mina, "/xapi/statements").await;
    assert!(ids(&own).contains(&voiding_id), "{:?}", own.body);
    for path in [
        "/xapi/statements".to_owned(),
        "/xapi/statements?verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fvoided".to_owned(),
        format!(
            "/xapi/statements?agent={}",
            encode(&school.mina.actor(state).to_string())
        ),
    ] {
        let listed = get(state, &school.kim, &path).await;
        assert_eq!(listed.status, 200, "{:?}", listed.body);
        assert!(
            !ids(&listed).contains(&voiding_id),
            "{path}: {:?}",
            listed.body
        );
        assert!(
            !listed.body.to_string().contains(&id_of(&withdrawn)),
            "{path}"
        );
    }
    let single = get(
        state,
        &school.kim,
        &format!("/xapi/statements?statementId={voiding_id}"),
    )
    .await;
    assert_eq!(single.status, 404, "{:?}", single.body);
    let after = get(state, &school.kim, &path).await;
    assert_eq!(recent(&after), vec![id_of(&kept)]);
    assert_eq!(after.body["learners"][0]["open_requests"], json!([]));
    assert!(!after.body.to_string().contains(&id_of(&withdrawn)));
    // Marking it seen is 404 now, like any id never shared.
    let mark = send(
        state,
        mark_seen(&school.kim, &school.kims_class, &id_of(&withdrawn)),
    )
    .await;
    assert_eq!(mark.status, 404);
    let open = get(state, &school.kim, "/api/wellbeing/open-requests").await;
    assert_eq!(open.body["open"], json!(0));
}

#[tokio::test]
async fn a_learner_who_left_the_class_is_no_longer_shown() {
    let school = school().await;
    let state = &school.state;
    post(
        state,
        &school.joon,
        &[check_in(
            state,
            &school.joon,
            4,
            false,
            Some(&school.kims_class),
        )],
    )
    .await;
    let path = format!("/api/classes/{}/wellbeing", school.kims_class);
    assert_eq!(
        shared_learners(&get(state, &school.kim, &path).await),
        vec!["joon".to_owned()]
    );
    let removed = send(
        state,
        api(
            "DELETE",
            &format!(
                "/api/classes/{}/members/{}",
                school.kims_class, school.joon.record.id
            ),
            Some(&school.kim.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(removed.status, 204);
    assert_eq!(
        shared_learners(&get(state, &school.kim, &path).await),
        Vec::<String>::new()
    );
    // He joins again: what he shared during his earlier membership stays out of sight; what he
    // shares from now on is shown.
    join(state, &school.joon, &school.kims_code).await;
    assert_eq!(
        shared_learners(&get(state, &school.kim, &path).await),
        Vec::<String>::new()
    );
    let again = check_in(state, &school.joon, 2, true, Some(&school.kims_class));
    post(state, &school.joon, std::slice::from_ref(&again)).await;
    let shown = get(state, &school.kim, &path).await;
    assert_eq!(shared_learners(&shown), vec!["joon".to_owned()]);
    let recent = shown.body["learners"][0]["recent"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(recent.len(), 1, "{recent:?}");
    assert_eq!(recent[0]["statement_id"], json!(id_of(&again)));
}

#[tokio::test]
async fn reports_exports_conflicts_and_forwarding_never_carry_a_check_in() {
    let school = school().await;
    let state = &school.state;
    run_blocking(&state.store, |store| {
        store.configure_forwarding(Some("http://127.0.0.1:9/xapi/statements"))
    })
    .await
    .expect("forwarding configured");
    let shared = check_in(state, &school.mina, 1, true, Some(&school.kims_class));
    let mut lesson = statement(&school.mina.actor(state), "l1");
    lesson["id"] = json!(Uuid::now_v7().to_string());
    post(state, &school.mina, &[shared.clone(), lesson]).await;

    for path in [
        format!("/api/classes/{}/dashboard", school.kims_class),
        format!("/api/classes/{}/dashboard.csv", school.kims_class),
        format!(
            "/api/classes/{}/learners/{}",
            school.kims_class, school.mina.record.id
        ),
    ] {
        let reply = get(state, &school.kim, &path).await;
        assert_eq!(reply.status, 200, "{path}: {:?}", reply.body);
        let text = reply.body.to_string();
        assert!(
            !text.contains(WORDS) && !text.contains(&id_of(&shared)),
            "{path}: {text}"
        );
    }
    let mine = get(state, &school.mina, "/api/my/assignments").await;
    assert!(!mine.body.to_string().contains(WORDS));

    // Only the lesson is queued for the province's store, and withdrawing the check-in does
    // not tell it one existed.
    let actor: baeum_core::record::Actor =
        serde_json::from_value(school.mina.actor(state)).expect("an actor");
    let withdrawal = baeum_core::wellbeing::withdrawal_statements(
        &actor,
        "2026-12-07T09:00:00.000+09:00",
        &[Uuid::parse_str(&id_of(&shared)).expect("an id")],
        Uuid::now_v7,
    )
    .expect("a withdrawal");
    post(state, &school.mina, &withdrawal).await;
    let status = run_blocking(&state.store, |store| store.forward_status())
        .await
        .expect("status");
    assert_eq!(status.pending, 1, "{status:?}");

    // A teacher who sends a statement under the check-in's id learns nothing of it.
    let mut taken = statement(&school.kim.actor(state), "l1");
    taken["id"] = shared["id"].clone();
    let refused = send(
        state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&school.kim.basic()),
            Some(&taken),
        ),
    )
    .await;
    assert_eq!(refused.status, 404, "{:?}", refused.body);
    assert!(!refused.body.to_string().contains(WORDS));
}

#[tokio::test]
async fn check_ins_and_their_seen_marks_go_with_the_account() {
    let school = school().await;
    let state = &school.state;
    let shared = check_in(state, &school.mina, 1, true, Some(&school.kims_class));
    post(state, &school.mina, std::slice::from_ref(&shared)).await;
    let seen = send(
        state,
        mark_seen(&school.kim, &school.kims_class, &id_of(&shared)),
    )
    .await;
    assert_eq!(seen.status, 200);
    let deleted = send(
        state,
        api(
            "DELETE",
            "/api/me",
            Some(&school.mina.basic()),
            Some(&json!({ "password": school.mina.password })),
        ),
    )
    .await;
    // The seen mark references the statement, so the deletion succeeding means it went too.
    assert!(deleted.status.is_success(), "{:?}", deleted.body);
    let mina_key =
        baeum_server::accounts::account_identifier(&state.account_home_page, school.mina.record.id)
            .key();
    let left = run_blocking(&state.store, move |store| store.check_ins_of(&[mina_key]))
        .await
        .expect("read");
    assert_eq!(left, Vec::new());
    let kims = get(
        state,
        &school.kim,
        &format!("/api/classes/{}/wellbeing", school.kims_class),
    )
    .await;
    assert_eq!(shared_learners(&kims), Vec::<String>::new());
}
