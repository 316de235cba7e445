//! Classes and staff per site (issue 19), over HTTP on both engines: a class belongs to the
//! site it was made at and answers 404 at any other address, to its own teacher too; only a
//! site's staff make classes there; a site's admin invites teachers to it, manages its
//! classes and reads its report (small counts suppressed), and is a stranger at another site.

mod classes_support;
mod sites_support;
mod xapi_support;

use baeum_server::store::{Role, SiteRole};
use baeum_server::AppState;
use serde_json::{json, Value};
use xapi_support::{account, api, Reply, TestAccount};

use sites_support::{at, class_ids, make_class, staff, state_with_sites, ALMATY, NAJU, PLATFORM};

#[tokio::test]
async fn a_class_belongs_to_its_site_and_answers_404_anywhere_else() {
    let state = state_with_sites();
    let teacher = account(&state, "naju-teacher", Role::Teacher).await;
    let learner = account(&state, "mover", Role::Learner).await;
    staff(&state, "naju", &teacher, SiteRole::Teacher);

    let made = make_class(&state, NAJU, &teacher).await;
    assert_eq!(made.status, 201, "{:?}", made.body);
    let id = made.body["id"].as_str().expect("an id").to_owned();
    let code = made.body["join_code"].as_str().expect("a code").to_owned();

    assert_eq!(class_ids(&state, NAJU, &teacher).await, [id.as_str()]);
    assert!(class_ids(&state, ALMATY, &teacher).await.is_empty());
    assert!(class_ids(&state, PLATFORM, &teacher).await.is_empty());

    // Every class route at another address answers as for a class that does not exist.
    for path in [
        format!("/api/classes/{id}"),
        format!("/api/classes/{id}/members"),
        format!("/api/classes/{id}/dashboard"),
        format!("/api/classes/{id}/dashboard.csv"),
        format!("/api/classes/{id}/assignments"),
        format!("/api/classes/{id}/wellbeing"),
    ] {
        for host in [ALMATY, PLATFORM] {
            let reply = at(
                &state,
                host,
                api("GET", &path, Some(&teacher.basic()), None),
            )
            .await;
            assert_eq!(reply.status, 404, "{host}{path}: {:?}", reply.body);
        }
        let reply = at(
            &state,
            NAJU,
            api("GET", &path, Some(&teacher.basic()), None),
        )
        .await;
        assert_eq!(reply.status, 200, "{path} at its site: {:?}", reply.body);
    }

    // A learner joins at the class's site; its code at another site is no class's.
    let join = |host: &'static str| {
        at(
            &state,
            host,
            api(
                "POST",
                "/api/classes/join",
                Some(&learner.basic()),
                Some(&json!({ "join_code": code })),
            ),
        )
    };
    assert_eq!(join(ALMATY).await.status, 404);
    assert_eq!(join(NAJU).await.status, 200);
    assert_eq!(class_ids(&state, NAJU, &learner).await, [id.as_str()]);
    assert!(class_ids(&state, ALMATY, &learner).await.is_empty());

    // Assignments are the site's too.
    let assign = |host: &'static str| {
        at(
            &state,
            host,
            api(
                "PUT",
                &format!("/api/assignments/{}", uuid::Uuid::new_v4()),
                Some(&teacher.basic()),
                Some(
                    &json!({ "class_id": id, "course_id": "hangul", "due_at": "2026-12-20T17:00:00+09:00" }),
                ),
            ),
        )
    };
    let elsewhere = assign(ALMATY).await;
    assert_eq!(elsewhere.status, 404, "{:?}", elsewhere.body);
    let assigned = assign(NAJU).await;
    assert_eq!(assigned.status, 201, "{:?}", assigned.body);
    // The assignment, and the learner's drill-down, are the site's too.
    let assignment = format!(
        "/api/assignments/{}",
        assigned.body["id"].as_str().expect("an id")
    );
    let drill_down = format!("/api/classes/{id}/learners/{}", learner.record.id);
    for path in [&assignment, &drill_down] {
        let elsewhere = at(
            &state,
            ALMATY,
            api("GET", path, Some(&teacher.basic()), None),
        )
        .await;
        assert_eq!(elsewhere.status, 404, "{path}: {:?}", elsewhere.body);
        let here = at(&state, NAJU, api("GET", path, Some(&teacher.basic()), None)).await;
        assert_eq!(here.status, 200, "{path}: {:?}", here.body);
    }
    let deleted = at(
        &state,
        ALMATY,
        api("DELETE", &assignment, Some(&teacher.basic()), None),
    )
    .await;
    assert_eq!(deleted.status, 404);
    let mine = |host: &'static str| {
        at(
            &state,
            host,
            api("GET", "/api/my/assignments", Some(&learner.basic()), None),
        )
    };
    assert_eq!(
        mine(NAJU).await.body["assignments"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(
        mine(ALMATY).await.body["assignments"]
            .as_array()
            .map(Vec::len),
        Some(0)
    );
}

#[tokio::test]
async fn only_a_sites_staff_make_classes_there() {
    let state = state_with_sites();
    let outsider = account(&state, "outsider", Role::Teacher).await;
    let refused = make_class(&state, NAJU, &outsider).await;
    assert_eq!(refused.status, 403, "{:?}", refused.body);
    assert!(
        refused.error().contains("administrator can invite"),
        "{}",
        refused.error()
    );
    // At an address that is no site's, a teacher makes classes as before sites.
    assert_eq!(make_class(&state, PLATFORM, &outsider).await.status, 201);

    // Staff of one site are outsiders at another.
    staff(&state, "almaty", &outsider, SiteRole::Teacher);
    assert_eq!(make_class(&state, ALMATY, &outsider).await.status, 201);
    assert_eq!(make_class(&state, NAJU, &outsider).await.status, 403);

    // A learner's account is never staff through the API's door either.
    let learner = account(&state, "pupil", Role::Learner).await;
    staff(&state, "naju", &learner, SiteRole::Teacher);
    assert_eq!(make_class(&state, NAJU, &learner).await.status, 403);
}

#[tokio::test]
async fn a_site_admin_invites_teachers_there_and_manages_the_sites_classes_only() {
    let state = state_with_sites();
    let naju_admin = account(&state, "naju-admin", Role::Teacher).await;
    let almaty_admin = account(&state, "almaty-admin", Role::Teacher).await;
    staff(&state, "naju", &naju_admin, SiteRole::Admin);
    staff(&state, "almaty", &almaty_admin, SiteRole::Admin);

    let invite = |host: &'static str, who: &TestAccount| {
        at(
            &state,
            host,
            api(
                "POST",
                "/api/admin/teacher-invitations",
                Some(&who.basic()),
                None,
            ),
        )
    };
    // Another site's admin is a stranger there (404); at an address that is no site's, the
    // platform's admin alone invites (403 for anyone else, as before sites).
    assert_eq!(invite(ALMATY, &naju_admin).await.status, 404);
    assert_eq!(invite(PLATFORM, &naju_admin).await.status, 403);
    let invitation = invite(NAJU, &naju_admin).await;
    assert_eq!(invitation.status, 201, "{:?}", invitation.body);
    let code = invitation.body["code"].as_str().expect("a code");

    // The invited teacher's account is a teacher of Naju from its first request on.
    let signed_up = at(
        &state,
        NAJU,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": "new-teacher", "password": "a long enough password", "invitation": code })),
        ),
    )
    .await;
    assert_eq!(signed_up.status, 201, "{:?}", signed_up.body);
    let new_teacher = TestAccount {
        record: state
            .store
            .account_by_username("new-teacher")
            .expect("read")
            .expect("made"),
        password: "a long enough password".into(),
    };
    assert_eq!(
        state
            .store
            .site_role("naju", new_teacher.record.id)
            .expect("role"),
        Some(SiteRole::Teacher)
    );
    let made = make_class(&state, NAJU, &new_teacher).await;
    assert_eq!(made.status, 201, "{:?}", made.body);
    assert_eq!(make_class(&state, ALMATY, &new_teacher).await.status, 403);
    let id = made.body["id"].as_str().expect("an id").to_owned();
    // A teacher of the site does not invite: refused, not hidden.
    assert_eq!(invite(NAJU, &new_teacher).await.status, 403);

    // Naju's admin manages the class; Almaty's admin is a stranger to it anywhere.
    let detail = |host: &'static str, who: &TestAccount| {
        at(
            &state,
            host,
            api(
                "GET",
                &format!("/api/classes/{id}"),
                Some(&who.basic()),
                None,
            ),
        )
    };
    assert_eq!(detail(NAJU, &naju_admin).await.status, 200);
    assert_eq!(detail(NAJU, &almaty_admin).await.status, 404);
    assert_eq!(detail(ALMATY, &almaty_admin).await.status, 404);
    // What is shared with the teacher alone stays the teacher's: not the site admin's.
    let wellbeing = at(
        &state,
        NAJU,
        api(
            "GET",
            &format!("/api/classes/{id}/wellbeing"),
            Some(&naju_admin.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(wellbeing.status, 404);

    // Closing the site leaves its classes with their teacher, at no site.
    state.store.delete_site("naju").expect("closed");
    state.sites.invalidate();
    let class = state
        .store
        .class_by_id(id.parse().expect("a uuid"))
        .expect("read")
        .expect("kept");
    assert_eq!(class.site_id, None);
    assert_eq!(
        state
            .store
            .site_role("naju", naju_admin.record.id)
            .expect("role"),
        None
    );
    let body: Value = detail(PLATFORM, &new_teacher).await.body;
    assert_eq!(body["id"].as_str(), Some(id.as_str()));
}

async fn report(state: &AppState, host: &str, who: &TestAccount, path: &str) -> Reply {
    at(state, host, api("GET", path, Some(&who.basic()), None)).await
}

#[tokio::test]
async fn a_site_admin_reads_the_sites_report_with_small_counts_suppressed() {
    let state = state_with_sites();
    let naju_admin = account(&state, "naju-head", Role::Teacher).await;
    let almaty_admin = account(&state, "almaty-head", Role::Teacher).await;
    let teacher = account(&state, "naju-teacher", Role::Teacher).await;
    staff(&state, "naju", &naju_admin, SiteRole::Admin);
    staff(&state, "naju", &teacher, SiteRole::Teacher);
    staff(&state, "almaty", &almaty_admin, SiteRole::Admin);
    let platform_admin = account(&state, "province", Role::Admin).await;

    // Six learners in a Naju class complete a lesson in March; two in an Almaty class.
    let naju_class = make_class(&state, NAJU, &teacher).await;
    let almaty_class = make_class(&state, ALMATY, &almaty_admin).await;
    for (index, host, class) in (0..8).map(|index| {
        if index < 6 {
            (index, NAJU, &naju_class)
        } else {
            (index, ALMATY, &almaty_class)
        }
    }) {
        let learner = account(&state, &format!("learner-{index}"), Role::Learner).await;
        let joined = at(
            &state,
            host,
            api(
                "POST",
                "/api/classes/join",
                Some(&learner.basic()),
                Some(&json!({ "join_code": class.body["join_code"] })),
            ),
        )
        .await;
        assert_eq!(joined.status, 200, "{:?}", joined.body);
        let completed = classes_support::player_statement(
            &learner.actor(&state),
            "completed",
            &classes_support::lesson_activity("l1"),
            json!({ "completion": true }),
            "2027-03-05T10:00:00+09:00",
        );
        classes_support::sync_statements(&state, &learner, vec![completed]).await;
    }

    let naju = report(&state, NAJU, &naju_admin, "/api/reports").await;
    assert_eq!(naju.status, 200, "{:?}", naju.body);
    // Asked again at once, the report made is given again, not made anew.
    let again = report(&state, NAJU, &naju_admin, "/api/reports").await;
    assert_eq!(again.body["generated_at"], naju.body["generated_at"]);
    assert_eq!(naju.body["smallest_shown_group"], 5);
    assert_eq!(
        naju.body["rows"],
        json!([{ "site_id": "naju", "course_id": "hangul", "month": "2027-03",
                 "learners_active": 6, "lessons_completed": 6, "courses_completed": 0 }])
    );
    let almaty = report(&state, ALMATY, &almaty_admin, "/api/reports").await;
    assert_eq!(
        almaty.body["rows"],
        json!([{ "site_id": "almaty", "course_id": "hangul", "month": "2027-03",
                 "learners_active": null, "lessons_completed": null, "courses_completed": 0 }])
    );

    // Nobody else reads a site's report: another site's admin, its teachers, its learners.
    let learner = state
        .store
        .account_by_username("learner-0")
        .expect("read")
        .expect("made");
    let learner = TestAccount {
        record: learner,
        password: "learner-0-password".into(),
    };
    for (host, who) in [
        (ALMATY, &naju_admin),
        (NAJU, &almaty_admin),
        (NAJU, &teacher),
        (NAJU, &learner),
        (PLATFORM, &naju_admin),
    ] {
        let refused = report(&state, host, who, "/api/reports").await;
        assert_eq!(refused.status, 404, "{} at {host}", who.record.username);
    }

    // The platform's admin reads every site's at an address that is no site's, as CSV too.
    let every = report(&state, PLATFORM, &platform_admin, "/api/reports").await;
    assert_eq!(every.body["rows"].as_array().map(Vec::len), Some(2));
    let csv = report(&state, PLATFORM, &platform_admin, "/api/reports.csv").await;
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.body.as_str().expect("text"),
        "\u{feff}site,course,month,learners_active,lessons_completed,courses_completed\r\n\
         almaty,hangul,2027-03,<5,<5,0\r\nnaju,hangul,2027-03,6,6,0\r\n"
    );
}

#[tokio::test]
async fn a_school_that_becomes_a_site_brings_its_classes() {
    let state = state_with_sites();
    let teacher = account(&state, "village-teacher", Role::Teacher).await;
    let made = make_class(&state, PLATFORM, &teacher).await;
    assert_eq!(made.status, 201);
    let id = made.body["id"].as_str().expect("an id").to_owned();
    assert!(class_ids(&state, NAJU, &teacher).await.is_empty());
    // A learner who joined at the school's own server is one of its pupils once it is a site.
    let learner = account(&state, "village-pupil", Role::Learner).await;
    let joined = at(
        &state,
        PLATFORM,
        api(
            "POST",
            "/api/classes/join",
            Some(&learner.basic()),
            Some(&json!({ "join_code": made.body["join_code"] })),
        ),
    )
    .await;
    assert_eq!(joined.status, 200, "{:?}", joined.body);
    assert!(state
        .store
        .learners_of_site("naju")
        .expect("read")
        .is_empty());

    assert_eq!(state.store.adopt_classes("naju").expect("adopted"), 1);
    assert_eq!(
        state.store.learners_of_site("naju").expect("read"),
        [learner.record.id]
    );
    assert_eq!(class_ids(&state, NAJU, &learner).await, [id.as_str()]);
    assert_eq!(class_ids(&state, NAJU, &teacher).await, [id.as_str()]);
    assert!(class_ids(&state, PLATFORM, &teacher).await.is_empty());
    assert_eq!(
        state
            .store
            .site_role("naju", teacher.record.id)
            .expect("role"),
        Some(SiteRole::Teacher)
    );
    assert_eq!(make_class(&state, NAJU, &teacher).await.status, 201);
    // Nothing is left to adopt; another site takes none of Naju's.
    assert_eq!(state.store.adopt_classes("almaty").expect("none"), 0);
}

#[tokio::test]
async fn a_sites_admin_reads_and_chooses_its_courses_and_nobody_else_does() {
    let state = state_with_sites();
    let admin = account(&state, "naju-runner", Role::Teacher).await;
    let teacher = account(&state, "naju-class-teacher", Role::Teacher).await;
    let stranger = account(&state, "almaty-runner", Role::Teacher).await;
    let learner = account(&state, "naju-learner", Role::Learner).await;
    let platform_admin = account(&state, "the-province", Role::Admin).await;
    staff(&state, "naju", &admin, SiteRole::Admin);
    staff(&state, "naju", &teacher, SiteRole::Teacher);
    staff(&state, "almaty", &stranger, SiteRole::Admin);
    let get = |host: &'static str, who: &TestAccount| {
        at(
            &state,
            host,
            api("GET", "/api/site", Some(&who.basic()), None),
        )
    };
    let put = |who: &TestAccount, body: Value| {
        at(
            &state,
            NAJU,
            api("PUT", "/api/site/courses", Some(&who.basic()), Some(&body)),
        )
    };

    let seen = get(NAJU, &admin).await;
    assert_eq!(seen.status, 200, "{:?}", seen.body);
    assert_eq!(seen.body["id"], "naju");
    assert_eq!(seen.body["role"], "admin");
    assert_eq!(seen.body["all_courses"], true);
    assert_eq!(seen.body["catalog"][0]["id"], "hangul");
    let by_teacher = get(NAJU, &teacher).await;
    assert_eq!(by_teacher.body["role"], "teacher");
    assert_eq!(by_teacher.body["catalog"], json!([]));
    assert_eq!(
        get(NAJU, &platform_admin).await.body["role"],
        "platform_admin"
    );
    for (host, who) in [
        (NAJU, &stranger),
        (NAJU, &learner),
        (PLATFORM, &admin),
        (ALMATY, &admin),
    ] {
        assert_eq!(get(host, who).await.status, 404, "{}", who.record.username);
    }

    assert_eq!(put(&teacher, json!({ "all": true })).await.status, 403);
    assert_eq!(put(&stranger, json!({ "all": true })).await.status, 404);
    let unknown = put(
        &admin,
        json!({ "all": false, "courses": ["no-such-course"] }),
    )
    .await;
    assert_eq!(unknown.status, 400);
    assert!(
        unknown.error().contains("no-such-course"),
        "{}",
        unknown.error()
    );
    assert_eq!(
        put(&admin, json!({ "all": false, "courses": [] }))
            .await
            .status,
        400
    );
    let chosen = put(&admin, json!({ "all": false, "courses": ["hangul"] })).await;
    assert_eq!(chosen.status, 200, "{:?}", chosen.body);
    assert_eq!(chosen.body["courses"], json!(["hangul"]));
    let stored = state.store.sites().expect("sites");
    let naju = stored.iter().find(|site| site.id == "naju").expect("naju");
    assert!(naju.courses.offers("hangul"));
    assert!(!naju.courses.offers("science-basics"));
    // Its names and hosts are as they were.
    assert_eq!(naju.hosts, [NAJU]);
}

#[tokio::test]
async fn a_sites_admin_sees_its_staff_and_changes_their_roles_but_not_their_own() {
    let state = state_with_sites();
    let admin = account(&state, "staff-runner", Role::Teacher).await;
    let teacher = account(&state, "staff-teacher", Role::Teacher).await;
    let stranger = account(&state, "staff-stranger", Role::Teacher).await;
    // An account that exists but is not on the staff.
    let _outsider = account(&state, "not-on-staff", Role::Teacher).await;
    let platform_admin = account(&state, "staff-province", Role::Admin).await;
    staff(&state, "naju", &admin, SiteRole::Admin);
    staff(&state, "naju", &teacher, SiteRole::Teacher);
    staff(&state, "almaty", &stranger, SiteRole::Admin);
    let get = |who: &TestAccount| {
        at(
            &state,
            NAJU,
            api("GET", "/api/site", Some(&who.basic()), None),
        )
    };
    let put = |who: &TestAccount, username: &str, role: Value| {
        at(
            &state,
            NAJU,
            api(
                "PUT",
                &format!("/api/site/staff/{username}"),
                Some(&who.basic()),
                Some(&json!({ "role": role })),
            ),
        )
    };

    let seen = get(&admin).await;
    assert_eq!(
        seen.body["staff"],
        json!([
            { "username": "staff-runner", "role": "admin" },
            { "username": "staff-teacher", "role": "teacher" },
        ])
    );
    // A teacher of the site does not get the list.
    assert_eq!(get(&teacher).await.body["staff"], json!([]));

    // Only those who run the site change it; another site's admin finds no site here.
    assert_eq!(put(&teacher, "staff-runner", json!(null)).await.status, 403);
    assert_eq!(
        put(&stranger, "staff-teacher", json!(null)).await.status,
        404
    );
    // Someone not on the staff is not found (teachers come by invitation), whoever they are.
    assert_eq!(
        put(&admin, "not-on-staff", json!("teacher")).await.status,
        404
    );
    assert_eq!(
        put(&admin, "staff-province", json!("teacher")).await.status,
        404
    );
    assert_eq!(put(&admin, "staff-runner", json!(null)).await.status, 409);
    assert_eq!(
        put(&admin, "staff-teacher", json!("platform_admin"))
            .await
            .status,
        400
    );

    let promoted = put(&admin, "staff-teacher", json!("admin")).await;
    assert_eq!(promoted.status, 200, "{:?}", promoted.body);
    assert_eq!(promoted.body["staff"][1]["role"], "admin");
    assert_eq!(get(&teacher).await.body["role"], "admin");
    // The platform's admin changes anyone's, and the new admin may change the first's.
    assert_eq!(
        put(&platform_admin, "staff-runner", json!("teacher"))
            .await
            .status,
        200
    );
    let removed = put(&teacher, "staff-runner", json!(null)).await;
    assert_eq!(removed.status, 200, "{:?}", removed.body);
    assert_eq!(
        removed.body["staff"],
        json!([{ "username": "staff-teacher", "role": "admin" }])
    );
    assert_eq!(get(&admin).await.status, 404, "no longer staff at Naju");
}

#[tokio::test]
async fn a_sites_admin_chooses_what_home_features_there_and_nobody_else_does() {
    let state = state_with_sites();
    let admin = account(&state, "featuring-admin", Role::Teacher).await;
    let teacher = account(&state, "featuring-teacher", Role::Teacher).await;
    let stranger = account(&state, "featuring-stranger", Role::Teacher).await;
    let platform_admin = account(&state, "featuring-province", Role::Admin).await;
    // A second course in the built catalogue, to feature before the first.
    let catalog_path = state
        .config
        .content_dir
        .join(baeum_core::content::CATALOG_FILE_NAME);
    let mut catalog: baeum_core::content::CatalogIndex =
        serde_json::from_slice(&std::fs::read(&catalog_path).expect("read")).expect("a catalogue");
    let mut second = catalog.courses[0].clone();
    second.id = "reading-2".into();
    catalog.courses.push(second);
    std::fs::write(&catalog_path, serde_json::to_vec(&catalog).expect("json")).expect("write");
    staff(&state, "naju", &admin, SiteRole::Admin);
    staff(&state, "naju", &teacher, SiteRole::Teacher);
    staff(&state, "almaty", &stranger, SiteRole::Admin);
    let put = |who: &TestAccount, body: Value| {
        at(
            &state,
            NAJU,
            api("PUT", "/api/site/featured", Some(&who.basic()), Some(&body)),
        )
    };
    let before = home_ids(&state, NAJU).await;
    let last = before.last().expect("a course").clone();
    assert_ne!(before[0], last, "the test needs two courses");

    assert_eq!(put(&teacher, json!({ "featured": [] })).await.status, 403);
    assert_eq!(put(&stranger, json!({ "featured": [] })).await.status, 404);
    for bad in [
        json!({ "featured": ["no-such-course"] }),
        json!({ "featured": [last, last] }),
        json!({ "featured": ["Not An Id"] }),
        json!({ "featured": [], "extra": 1 }),
        json!({ "featured": (0..13).map(|n| format!("c{n}")).collect::<Vec<_>>() }),
    ] {
        assert_eq!(put(&admin, bad.clone()).await.status, 400, "{bad}");
    }

    let chosen = put(&admin, json!({ "featured": [last] })).await;
    assert_eq!(chosen.status, 200, "{:?}", chosen.body);
    assert_eq!(chosen.body["featured"], json!([last]));
    // Home at Naju lists it first, the rest after it; Almaty's home is as it was.
    let at_naju = home_ids(&state, NAJU).await;
    assert_eq!(at_naju[0], last);
    assert_eq!(at_naju.len(), before.len());
    assert_eq!(home_ids(&state, ALMATY).await, before);
    // Kept by the store, and left as it is when the site is changed from the command line.
    let stored_naju = || {
        state
            .store
            .sites()
            .expect("sites")
            .into_iter()
            .find(|site| site.id == "naju")
            .expect("naju")
    };
    let mut naju = stored_naju();
    assert_eq!(naju.featured, std::slice::from_ref(&last));
    naju.featured.clear();
    state.store.put_site(&naju).expect("put");
    assert_eq!(stored_naju().featured, std::slice::from_ref(&last));

    // The platform's admin may change it too; none brings back the catalogue's order.
    let cleared = put(&platform_admin, json!({ "featured": [] })).await;
    assert_eq!(cleared.status, 200, "{:?}", cleared.body);
    state.sites.invalidate();
    assert_eq!(home_ids(&state, NAJU).await, before);
}

/// The ids home lists at `host` on a first visit.
async fn home_ids(state: &AppState, host: &str) -> Vec<String> {
    let reply = at(state, host, api("GET", "/api/catalog/home", None, None)).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply.body["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .map(|course| course["id"].as_str().expect("an id").to_owned())
        .collect()
}
