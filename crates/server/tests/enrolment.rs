//! Enrolment (issue 21) over HTTP on both engines: a site's admins choose how each course is
//! entered; learners apply, wait past the capacity, are approved or declined with a reason,
//! withdraw; who may do what; and the certificate goes only to a learner the site enrolled.

mod classes_support;
mod sites_support;
mod xapi_support;

use baeum_core::records::enrolment::ApplicationState;
use baeum_core::records::wire::{Application, SiteApplication, SiteEnrolment};
use baeum_server::store::{Role, SiteRole};
use baeum_server::AppState;
use classes_support::{lesson_activity, player_statement, sync_statements, COURSE};
use serde_json::{json, Value};
use sites_support::{at, make_class, staff, state_with_sites, ALMATY, NAJU, PLATFORM};
use uuid::Uuid;
use xapi_support::{account, api, Reply, TestAccount};

async fn call(
    state: &AppState,
    host: &str,
    who: Option<&TestAccount>,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Reply {
    let credentials = who.map(TestAccount::basic);
    at(
        state,
        host,
        api(method, path, credentials.as_deref(), body.as_ref()),
    )
    .await
}

async fn set_mode(state: &AppState, admin: &TestAccount, mode: &str, capacity: Option<u32>) {
    let mut enrolment = json!({ "mode": mode });
    if let Some(capacity) = capacity {
        enrolment["capacity"] = json!(capacity);
    }
    let reply = call(
        state,
        ALMATY,
        Some(admin),
        "PUT",
        "/api/site/enrolment",
        Some(json!({ "course": COURSE, "enrolment": enrolment })),
    )
    .await;
    assert_eq!(reply.status, 204, "{:?}", reply.body);
}

async fn apply(state: &AppState, learner: &TestAccount, id: Uuid) -> Reply {
    call(
        state,
        ALMATY,
        Some(learner),
        "POST",
        "/api/my/applications",
        Some(json!({ "id": id, "course": COURSE })),
    )
    .await
}

fn application(reply: &Reply) -> Application {
    serde_json::from_value(reply.body.clone()).expect("an application")
}

async fn decide(state: &AppState, admin: &TestAccount, id: Uuid, body: Value) -> Reply {
    call(
        state,
        ALMATY,
        Some(admin),
        "POST",
        &format!("/api/site/applications/{id}/decision"),
        Some(body),
    )
    .await
}

async fn withdraw(state: &AppState, who: &TestAccount, id: Uuid) -> Reply {
    let path = format!("/api/my/applications/{id}/withdraw");
    call(state, ALMATY, Some(who), "POST", &path, None).await
}

async fn complete_every_lesson(state: &AppState, learner: &TestAccount) {
    let statements = ["l1", "l2", "l3"]
        .iter()
        .map(|lesson| {
            player_statement(
                &learner.actor(state),
                "completed",
                &lesson_activity(lesson),
                json!({ "completion": true, "score": { "scaled": 1.0 } }),
                "2026-12-01T09:00:00Z",
            )
        })
        .collect();
    sync_statements(state, learner, statements).await;
}

async fn ask_certificate(state: &AppState, learner: &TestAccount) -> Reply {
    call(
        state,
        ALMATY,
        Some(learner),
        "POST",
        "/api/my/certificates",
        Some(json!({ "course": COURSE, "name": "A Learner" })),
    )
    .await
}

async fn public(state: &AppState, host: &str) -> SiteEnrolment {
    let reply = call(state, host, None, "GET", "/api/enrolment", None).await;
    serde_json::from_value(reply.body).expect("a list")
}

async fn almaty_admin(state: &AppState) -> TestAccount {
    let admin = account(state, "almaty-head", Role::Teacher).await;
    staff(state, "almaty", &admin, SiteRole::Admin);
    admin
}

#[tokio::test]
async fn only_a_sites_admins_choose_how_its_courses_are_entered_and_anyone_reads_it() {
    let state = state_with_sites();
    let admin = almaty_admin(&state).await;
    let teacher = account(&state, "almaty-teacher", Role::Teacher).await;
    staff(&state, "almaty", &teacher, SiteRole::Teacher);
    let learner = account(&state, "learner", Role::Learner).await;
    let body = json!({ "course": COURSE, "enrolment": { "mode": "application", "capacity": 20 } });
    let put = |who| {
        call(
            &state,
            ALMATY,
            Some(who),
            "PUT",
            "/api/site/enrolment",
            Some(body.clone()),
        )
    };
    assert_eq!(put(&teacher).await.status, 403);
    assert_eq!(put(&learner).await.status, 404);
    // Naju's admin at Almaty's address runs nothing there.
    let naju_admin = account(&state, "naju-head", Role::Teacher).await;
    staff(&state, "naju", &naju_admin, SiteRole::Admin);
    assert_eq!(put(&naju_admin).await.status, 404);

    assert_eq!(public(&state, ALMATY).await.courses, []);
    assert_eq!(put(&admin).await.status, 204);
    let listed = public(&state, ALMATY).await;
    assert_eq!(listed.site.as_deref(), Some("almaty"));
    assert_eq!(listed.courses.len(), 1);
    assert_eq!(listed.courses[0].enrolment.capacity, Some(20));
    // Other addresses list nothing of Almaty's.
    assert_eq!(public(&state, NAJU).await.courses, []);
    assert_eq!(public(&state, PLATFORM).await, SiteEnrolment::default());

    // Bad changes are refused with the reason, and change nothing.
    for (bad, why) in [
        (json!({ "mode": "application", "capacity": 0 }), "capacity"),
        (json!({ "mode": "open", "capacity": 3 }), "capacity"),
        (json!({ "mode": "closed" }), "unknown variant"),
    ] {
        let reply = call(
            &state,
            ALMATY,
            Some(&admin),
            "PUT",
            "/api/site/enrolment",
            Some(json!({ "course": COURSE, "enrolment": bad })),
        )
        .await;
        assert_eq!(reply.status, 400, "{:?}", reply.body);
        assert!(reply.body.to_string().contains(why), "{:?}", reply.body);
    }
    let unknown = call(
        &state,
        ALMATY,
        Some(&admin),
        "PUT",
        "/api/site/enrolment",
        Some(json!({ "course": "no-such-course", "enrolment": { "mode": "assignment" } })),
    )
    .await;
    assert_eq!(unknown.status, 404, "{:?}", unknown.body);

    // Open again: no row is left.
    set_mode(&state, &admin, "open", None).await;
    assert_eq!(public(&state, ALMATY).await.courses, []);
    assert!(state
        .store
        .enrolments_of_site("almaty")
        .expect("listed")
        .is_empty());
}

#[tokio::test]
async fn learners_apply_wait_past_the_capacity_and_are_approved_or_declined() {
    let state = state_with_sites();
    let admin = almaty_admin(&state).await;
    let first = account(&state, "first", Role::Learner).await;
    let second = account(&state, "second", Role::Learner).await;

    // Open: nothing to apply for.
    let open = apply(&state, &first, Uuid::new_v4()).await;
    assert_eq!(open.status, 409, "{:?}", open.body);
    assert!(open.body.to_string().contains("start it at once"));

    set_mode(&state, &admin, "application", Some(1)).await;
    // Elsewhere than a site, there is nothing to apply to.
    let nowhere = call(
        &state,
        PLATFORM,
        Some(&first),
        "POST",
        "/api/my/applications",
        Some(json!({ "id": Uuid::new_v4(), "course": COURSE })),
    )
    .await;
    assert_eq!(nowhere.status, 404);

    let first_id = Uuid::new_v4();
    let reply = apply(&state, &first, first_id).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    assert_eq!(application(&reply).state, ApplicationState::Pending);
    assert_eq!(application(&reply).waiting, None);
    // Sent again (a queue retried offline): the same one, 200.
    let again = apply(&state, &first, first_id).await;
    assert_eq!(again.status, 200);
    assert_eq!(application(&again).id, first_id);
    // Another id for the same course: still the live one.
    assert_eq!(
        application(&apply(&state, &first, Uuid::new_v4()).await).id,
        first_id
    );
    // Someone else's id is not theirs to reuse.
    assert_eq!(apply(&state, &second, first_id).await.status, 409);

    let second_id = Uuid::new_v4();
    let reply = apply(&state, &second, second_id).await;
    assert_eq!(reply.status, 201);
    // One place, two pending: the second waits, first on the list.
    assert_eq!(application(&reply).waiting, Some(1));

    // The queue: the site's admins only.
    let queue = |who| {
        call(
            &state,
            ALMATY,
            Some(who),
            "GET",
            "/api/site/applications",
            None,
        )
    };
    assert_eq!(queue(&first).await.status, 404);
    let listed: Vec<SiteApplication> =
        serde_json::from_value(queue(&admin).await.body).expect("a queue");
    assert_eq!(
        listed
            .iter()
            .map(|listed| (listed.learner.as_str(), listed.application.waiting))
            .collect::<Vec<_>>(),
        [("first", None), ("second", Some(1))]
    );

    // Complete but not approved: no certificate.
    complete_every_lesson(&state, &first).await;
    let refused = ask_certificate(&state, &first).await;
    assert_eq!(refused.status, 403, "{:?}", refused.body);
    assert!(refused.body.to_string().contains("apply"));

    // A learner cannot decide their own; the admin approves the first and the course is full.
    assert_eq!(
        decide(&state, &first, first_id, json!({ "approve": true }))
            .await
            .status,
        404
    );
    let approved = decide(&state, &admin, first_id, json!({ "approve": true })).await;
    assert_eq!(approved.status, 200, "{:?}", approved.body);
    assert_eq!(application(&approved).state, ApplicationState::Approved);
    let full = decide(&state, &admin, second_id, json!({ "approve": true })).await;
    assert_eq!(full.status, 409);
    assert!(full.body.to_string().contains("full"), "{:?}", full.body);
    // A decline needs a reason; an approval gives none.
    assert_eq!(
        decide(&state, &admin, second_id, json!({ "approve": false }))
            .await
            .status,
        400
    );
    assert_eq!(
        decide(
            &state,
            &admin,
            second_id,
            json!({ "approve": true, "reason": "x" })
        )
        .await
        .status,
        400
    );
    let declined = decide(
        &state,
        &admin,
        second_id,
        json!({ "approve": false, "reason": "  정원이 찼습니다. 다음 학기에 신청해 주세요.  " }),
    )
    .await;
    assert_eq!(declined.status, 200);
    assert_eq!(application(&declined).state, ApplicationState::Declined);
    assert_eq!(
        application(&declined).reason.as_deref(),
        Some("정원이 찼습니다. 다음 학기에 신청해 주세요.")
    );
    // Decided stays decided.
    assert_eq!(
        decide(&state, &admin, second_id, json!({ "approve": true }))
            .await
            .status,
        409
    );

    // Approved: the certificate is issued.
    let issued = ask_certificate(&state, &first).await;
    assert_eq!(issued.status, 201, "{:?}", issued.body);

    // The learner sees theirs, and only theirs.
    let mine = call(
        &state,
        NAJU,
        Some(&second),
        "GET",
        "/api/my/applications",
        None,
    )
    .await;
    let mine: Vec<Application> = serde_json::from_value(mine.body).expect("a list");
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].site, "almaty");
    assert_eq!(mine[0].state, ApplicationState::Declined);

    // A declined learner may apply again; someone else's application cannot be withdrawn.
    let reapplied = apply(&state, &second, Uuid::new_v4()).await;
    assert_eq!(reapplied.status, 201);
    let reapplied = application(&reapplied).id;
    assert_eq!(withdraw(&state, &first, reapplied).await.status, 404);
    let withdrawn = withdraw(&state, &second, reapplied).await;
    assert_eq!(withdrawn.status, 200);
    assert_eq!(application(&withdrawn).state, ApplicationState::Withdrawn);
    assert_eq!(withdraw(&state, &second, Uuid::new_v4()).await.status, 404);
    let garbage = call(
        &state,
        ALMATY,
        Some(&second),
        "POST",
        "/api/my/applications/not-a-uuid/withdraw",
        None,
    )
    .await;
    assert_eq!(garbage.status, 404);

    // Deleting the account deletes its applications.
    let key =
        baeum_server::accounts::account_identifier(&state.account_home_page, second.record.id)
            .key();
    assert!(state
        .store
        .delete_account(second.record.id, &key)
        .expect("deleted"));
    assert!(state
        .store
        .applications_of_site("almaty")
        .expect("listed")
        .iter()
        .all(|record| record.account_id != second.record.id));
}

#[tokio::test]
async fn admins_approving_at_once_never_pass_the_capacity() {
    let state = state_with_sites();
    let admin = almaty_admin(&state).await;
    set_mode(&state, &admin, "application", Some(3)).await;
    let mut ids = Vec::new();
    for index in 0..10 {
        let learner = account(&state, &format!("learner-{index}"), Role::Learner).await;
        let id = Uuid::new_v4();
        assert_eq!(apply(&state, &learner, id).await.status, 201);
        ids.push(id);
    }
    // Each on its own task, as requests from two admins' browsers are.
    let mut decisions = tokio::task::JoinSet::new();
    for id in ids {
        let (state, credentials) = (state.clone(), admin.basic());
        decisions.spawn(async move {
            let path = format!("/api/site/applications/{id}/decision");
            let body = json!({ "approve": true });
            at(
                &state,
                ALMATY,
                api("POST", &path, Some(&credentials), Some(&body)),
            )
            .await
        });
    }
    let statuses: Vec<u16> = decisions
        .join_all()
        .await
        .iter()
        .map(|reply| reply.status.as_u16())
        .collect();
    assert_eq!(statuses.iter().filter(|status| **status == 200).count(), 3);
    assert_eq!(statuses.iter().filter(|status| **status == 409).count(), 7);
    let approved = state
        .store
        .applications_of_site("almaty")
        .expect("listed")
        .iter()
        .filter(|record| record.state == ApplicationState::Approved)
        .count();
    assert_eq!(approved, 3);
}

#[tokio::test]
async fn by_assignment_the_certificate_needs_a_class_at_the_site_that_assigns_the_course() {
    let state = state_with_sites();
    let admin = almaty_admin(&state).await;
    set_mode(&state, &admin, "assignment", None).await;
    let learner = account(&state, "pupil", Role::Learner).await;
    complete_every_lesson(&state, &learner).await;
    // No application for a course by assignment.
    let reply = apply(&state, &learner, Uuid::new_v4()).await;
    assert_eq!(reply.status, 409);
    assert!(reply.body.to_string().contains("teacher's class"));
    let refused = ask_certificate(&state, &learner).await;
    assert_eq!(refused.status, 403, "{:?}", refused.body);

    let teacher = account(&state, "almaty-teacher", Role::Teacher).await;
    staff(&state, "almaty", &teacher, SiteRole::Teacher);
    let class = make_class(&state, ALMATY, &teacher).await;
    assert_eq!(class.status, 201, "{:?}", class.body);
    let joined = call(
        &state,
        ALMATY,
        Some(&learner),
        "POST",
        "/api/classes/join",
        Some(json!({ "join_code": class.body["join_code"] })),
    )
    .await;
    assert_eq!(joined.status, 200, "{:?}", joined.body);
    // In the class, but nothing assigned yet.
    assert_eq!(ask_certificate(&state, &learner).await.status, 403);
    let assigned = call(
        &state,
        ALMATY,
        Some(&teacher),
        "PUT",
        &format!("/api/assignments/{}", Uuid::new_v4()),
        Some(json!({ "class_id": class.body["id"], "course_id": COURSE, "due_at": "2026-12-20T17:00:00+09:00" })),
    )
    .await;
    assert_eq!(assigned.status, 201, "{:?}", assigned.body);
    let issued = ask_certificate(&state, &learner).await;
    assert_eq!(issued.status, 201, "{:?}", issued.body);
}

#[tokio::test]
async fn applying_and_withdrawing_in_a_loop_stops_at_the_most_an_account_keeps() {
    use baeum_core::records::enrolment::ApplicationChange;
    use baeum_server::records::enrolment::MAX_APPLICATIONS_PER_ACCOUNT;
    use baeum_server::store::{ApplicationOwner, ApplicationRecord};
    let state = state_with_sites();
    let admin = almaty_admin(&state).await;
    set_mode(&state, &admin, "application", None).await;
    let learner = account(&state, "looping", Role::Learner).await;
    // All but one made and withdrawn straight in the store (each request checks a password).
    for _ in 1..MAX_APPLICATIONS_PER_ACCOUNT {
        let id = Uuid::new_v4();
        let record = ApplicationRecord {
            id,
            account_id: learner.record.id,
            site_id: "almaty".into(),
            course_id: COURSE.into(),
            state: ApplicationState::Pending,
            reason: None,
            applied_at: chrono::Utc::now(),
            decided_at: None,
        };
        state.store.apply_for_course(&record).expect("stored");
        let owner = ApplicationOwner::Account(learner.record.id);
        let changed = state
            .store
            .change_application(id, &owner, &ApplicationChange::Withdraw, chrono::Utc::now())
            .expect("changed");
        assert!(matches!(changed, Some(Ok(_))));
    }
    let last = Uuid::new_v4();
    assert_eq!(apply(&state, &learner, last).await.status, 201);
    assert_eq!(withdraw(&state, &learner, last).await.status, 200);
    let refused = apply(&state, &learner, Uuid::new_v4()).await;
    assert_eq!(refused.status, 409, "{:?}", refused.body);
    assert!(refused.body.to_string().contains("the most one keeps"));
    // The last one sent again is still known: a queue retried is not refused.
    assert_eq!(apply(&state, &learner, last).await.status, 200);
}

#[tokio::test]
async fn one_account_asking_in_a_loop_is_slowed_and_another_is_not() {
    use baeum_server::limits::{Rate, RateLimits};
    use std::num::NonZeroU32;
    let state = state_with_sites().with_rate_limits(RateLimits {
        records_per_account: Rate::per_seconds(NonZeroU32::new(3).expect("3"), 600),
        ..RateLimits::default()
    });
    let admin = almaty_admin(&state).await;
    set_mode(&state, &admin, "application", None).await;
    let looping = account(&state, "looping", Role::Learner).await;
    let other = account(&state, "other", Role::Learner).await;
    let standing = |who| call(&state, ALMATY, Some(who), "GET", "/api/my/completion", None);
    for _ in 0..2 {
        assert_eq!(standing(&looping).await.status, 200);
    }
    let id = Uuid::new_v4();
    assert_eq!(apply(&state, &looping, id).await.status, 201);
    // The fourth request of the ten minutes, of any of the routes.
    let refused = withdraw(&state, &looping, id).await;
    assert_eq!(refused.status, 429, "{:?}", refused.body);
    assert!(refused.headers.contains_key("retry-after"));
    assert_eq!(ask_certificate(&state, &looping).await.status, 429);
    // Reading what is stored is not limited; another account is not slowed.
    let mine = call(
        &state,
        ALMATY,
        Some(&looping),
        "GET",
        "/api/my/applications",
        None,
    )
    .await;
    assert_eq!(mine.status, 200);
    assert_eq!(standing(&other).await.status, 200);
}

#[tokio::test]
async fn by_assignment_a_joint_class_counts_at_the_site_its_pupil_joined_from() {
    let state = state_with_sites();
    let admin = almaty_admin(&state).await;
    set_mode(&state, &admin, "assignment", None).await;
    // A class made at Naju, taught from Almaty too.
    let naju_teacher = account(&state, "naju-teacher", Role::Teacher).await;
    staff(&state, "naju", &naju_teacher, SiteRole::Teacher);
    let almaty_teacher = account(&state, "almaty-teacher", Role::Teacher).await;
    staff(&state, "almaty", &almaty_teacher, SiteRole::Teacher);
    let made = make_class(&state, NAJU, &naju_teacher).await;
    let class_id = made.body["id"].as_str().expect("an id").to_owned();
    let join_code = made.body["join_code"].clone();
    let coded = at(
        &state,
        NAJU,
        api(
            "POST",
            &format!("/api/classes/{class_id}/teacher-code"),
            Some(&naju_teacher.basic()),
            None,
        ),
    )
    .await;
    let taken = call(
        &state,
        ALMATY,
        Some(&almaty_teacher),
        "POST",
        "/api/classes/teach",
        Some(json!({ "teacher_code": coded.body["teacher_code"] })),
    )
    .await;
    assert_eq!(taken.status, 200, "{:?}", taken.body);
    // One pupil joins at Almaty, one at Naju; the course is assigned to the whole class.
    let almaty_pupil = account(&state, "almaty-pupil", Role::Learner).await;
    let naju_pupil = account(&state, "naju-pupil", Role::Learner).await;
    for (host, pupil) in [(ALMATY, &almaty_pupil), (NAJU, &naju_pupil)] {
        let joined = call(
            &state,
            host,
            Some(pupil),
            "POST",
            "/api/classes/join",
            Some(json!({ "join_code": join_code })),
        )
        .await;
        assert_eq!(joined.status, 200, "{:?}", joined.body);
        complete_every_lesson(&state, pupil).await;
    }
    let assigned = call(
        &state,
        NAJU,
        Some(&naju_teacher),
        "PUT",
        &format!("/api/assignments/{}", Uuid::new_v4()),
        Some(json!({ "class_id": class_id, "course_id": COURSE, "due_at": "2026-12-20T17:00:00+09:00" })),
    )
    .await;
    assert_eq!(assigned.status, 201, "{:?}", assigned.body);
    // Almaty certifies its own pupil of the joint class, not Naju's.
    assert_eq!(ask_certificate(&state, &almaty_pupil).await.status, 201);
    assert_eq!(ask_certificate(&state, &naju_pupil).await.status, 403);
}
