//! Certificates (issue 21) over HTTP on both engines: the server decides completion from the
//! learner's stored statements and never from the app; a site issues one certificate per
//! learner and course, signed with its own key, which verifies with core's verifier against
//! the published trust list; a site's admins list and revoke theirs and nobody else may; a
//! rotated key still verifies what it signed.

mod classes_support;
mod sites_support;
mod xapi_support;

use baeum_core::records::certificate::{compact_form, verify, Refusal, TrustList};
use baeum_core::records::wire::{IssuedCertificate, NotYetComplete, SiteCertificate};
use baeum_server::site_admin::{run_site_command, SiteCommand};
use baeum_server::store::{Role, SiteRole};
use baeum_server::AppState;
use classes_support::{lesson_activity, player_statement, sync_statements, COURSE};
use serde_json::{json, Value};
use sites_support::{at, staff, state_with_sites, ALMATY, NAJU, PLATFORM};
use xapi_support::{account, api, Reply, TestAccount};

fn completed(state: &AppState, learner: &TestAccount, lesson: &str, score: f64) -> Value {
    player_statement(
        &learner.actor(state),
        "completed",
        &lesson_activity(lesson),
        json!({ "completion": true, "score": { "scaled": score } }),
        "2026-12-01T09:00:00Z",
    )
}

/// Every lesson of the test course completed with full marks, synced.
async fn complete_every_lesson(state: &AppState, learner: &TestAccount) {
    let statements = ["l1", "l2", "l3"]
        .iter()
        .map(|lesson| completed(state, learner, lesson, 1.0))
        .collect();
    sync_statements(state, learner, statements).await;
}

async fn request(state: &AppState, host: &str, learner: &TestAccount, body: Value) -> Reply {
    at(
        state,
        host,
        api(
            "POST",
            "/api/my/certificates",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await
}

async fn trust(state: &AppState) -> TrustList {
    let reply = at(
        state,
        PLATFORM,
        api("GET", "/api/certificates/trust", None, None),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    serde_json::from_value(reply.body).expect("a trust list")
}

fn certificate(reply: &Reply) -> IssuedCertificate {
    serde_json::from_value(reply.body.clone()).expect("a certificate")
}

#[tokio::test]
async fn a_site_certifies_a_completed_course_from_its_own_record_and_it_verifies() {
    let state = state_with_sites();
    let learner = account(&state, "aigerim", Role::Learner).await;
    let body = json!({ "course": COURSE, "name": "Айгерим Нурланова", "language": "ru" });

    // Nothing recorded yet: 409, lesson by lesson.
    let reply = request(&state, ALMATY, &learner, body.clone()).await;
    assert_eq!(reply.status, 409, "{:?}", reply.body);
    let not_yet: NotYetComplete = serde_json::from_value(reply.body).expect("why not");
    assert_eq!((not_yet.status.done, not_yet.status.total), (0, 3));

    // Two lessons well, one under the course's 80%: still 409, naming that lesson.
    sync_statements(
        &state,
        &learner,
        vec![
            completed(&state, &learner, "l1", 0.9),
            completed(&state, &learner, "l2", 1.0),
            completed(&state, &learner, "l3", 0.5),
        ],
    )
    .await;
    let reply = request(&state, ALMATY, &learner, body.clone()).await;
    assert_eq!(reply.status, 409, "{:?}", reply.body);
    let not_yet: NotYetComplete = serde_json::from_value(reply.body).expect("why not");
    assert_eq!(not_yet.status.done, 2);
    assert_eq!(not_yet.status.missing[0].0, "l3");

    // What an app claims counts for nothing: the body has no say in completion.
    let claimed = json!({ "course": COURSE, "name": "A", "complete": true });
    assert_eq!(request(&state, ALMATY, &learner, claimed).await.status, 400);

    // l3 again, at 85%: the certificate is issued (201), and asking again gives the same (200).
    sync_statements(
        &state,
        &learner,
        vec![completed(&state, &learner, "l3", 0.85)],
    )
    .await;
    let reply = request(&state, ALMATY, &learner, body.clone()).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let issued = certificate(&reply);
    assert_eq!(issued.claims.learner_name, "Айгерим Нурланова");
    assert_eq!(issued.claims.site, "almaty");
    assert_eq!(issued.claims.hours, 2);
    assert_eq!(
        issued.claims.course_title.get("ko").map(String::as_str),
        Some("한글")
    );
    let again = request(
        &state,
        ALMATY,
        &learner,
        json!({ "course": COURSE, "name": "Someone Else" }),
    )
    .await;
    assert_eq!(again.status, 200);
    assert_eq!(certificate(&again), issued, "the first one, name and all");

    // Listed as the learner's, and verified by core's verifier against the published list.
    let mine = at(
        &state,
        NAJU,
        api("GET", "/api/my/certificates", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(mine.status, 200);
    let mine: Vec<IssuedCertificate> = serde_json::from_value(mine.body).expect("a list");
    assert_eq!(mine, std::slice::from_ref(&issued));
    let list = trust(&state).await;
    assert_eq!(list.keys.len(), 1);
    assert_eq!(list.keys[0].site, "almaty");
    let verdict = verify(&compact_form(&issued.claims, &issued.proof_value), &list);
    assert_eq!(verdict.refusal, None);

    // Another site issues its own, with its own key.
    let reply = request(&state, NAJU, &learner, body.clone()).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let naju = certificate(&reply);
    assert_ne!(naju.claims.key, issued.claims.key);
    assert_eq!(trust(&state).await.keys.len(), 2);
}

#[tokio::test]
async fn where_and_for_what_a_certificate_cannot_be_asked() {
    let state = state_with_sites();
    let learner = account(&state, "mina", Role::Learner).await;
    let good = json!({ "course": COURSE, "name": "Kim Mina" });
    // At an address that is no site's.
    assert_eq!(
        request(&state, PLATFORM, &learner, good.clone())
            .await
            .status,
        404
    );
    // Signed out.
    let reply = at(
        &state,
        ALMATY,
        api("POST", "/api/my/certificates", None, Some(&good)),
    )
    .await;
    assert_eq!(reply.status, 401);
    // A course that is not there, and bad bodies.
    for (body, status) in [
        (json!({ "course": "science", "name": "Kim Mina" }), 404),
        (json!({ "course": "../etc", "name": "Kim Mina" }), 400),
        (json!({ "course": COURSE, "name": "   " }), 400),
        (json!({ "course": COURSE, "name": "x".repeat(81) }), 400),
        (json!({ "course": COURSE, "name": "Mina\u{202e}miK" }), 400),
        (
            json!({ "course": COURSE, "name": "Kim Mina", "language": "xx" }),
            400,
        ),
        (json!({ "course": COURSE }), 400),
        (json!("hangul"), 400),
    ] {
        let reply = request(&state, ALMATY, &learner, body.clone()).await;
        assert_eq!(reply.status, status, "{body}: {:?}", reply.body);
    }
    // A site that does not offer the course.
    let mut only_other = sites_support::site("almaty", ALMATY);
    only_other.courses = baeum_core::site::CourseSelection::Only(["science".to_owned()].into());
    state.store.put_site(&only_other).expect("almaty changed");
    assert_eq!(request(&state, ALMATY, &learner, good).await.status, 404);
}

#[tokio::test]
async fn a_sites_admins_list_and_revoke_its_certificates_and_nobody_else_may() {
    let state = state_with_sites();
    let learner = account(&state, "bolat", Role::Learner).await;
    let admin = account(&state, "almaty-admin", Role::Teacher).await;
    let teacher = account(&state, "almaty-teacher", Role::Teacher).await;
    let naju_admin = account(&state, "naju-admin", Role::Teacher).await;
    staff(&state, "almaty", &admin, SiteRole::Admin);
    staff(&state, "almaty", &teacher, SiteRole::Teacher);
    staff(&state, "naju", &naju_admin, SiteRole::Admin);
    complete_every_lesson(&state, &learner).await;
    let reply = request(
        &state,
        ALMATY,
        &learner,
        json!({ "course": COURSE, "name": "Bolat" }),
    )
    .await;
    assert_eq!(reply.status, 201);
    let issued = certificate(&reply);
    let id = issued.claims.id;

    let list = |who: &TestAccount, host: &'static str| {
        let basic = who.basic();
        let state = &state;
        async move {
            at(
                state,
                host,
                api("GET", "/api/site/certificates", Some(&basic), None),
            )
            .await
        }
    };
    let listed = list(&admin, ALMATY).await;
    assert_eq!(listed.status, 200);
    let listed: Vec<SiteCertificate> = serde_json::from_value(listed.body).expect("a list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].learner_name.as_str()),
        (id, "Bolat")
    );
    assert_eq!(list(&teacher, ALMATY).await.status, 403);
    assert_eq!(list(&learner, ALMATY).await.status, 404);
    assert_eq!(list(&naju_admin, ALMATY).await.status, 404);
    // Naju's admin at Naju sees Naju's certificates: none.
    assert_eq!(list(&naju_admin, NAJU).await.body, json!([]));

    let revoke = |who: &TestAccount, host: &'static str, id: String| {
        let basic = who.basic();
        let state = &state;
        async move {
            at(
                state,
                host,
                api(
                    "POST",
                    &format!("/api/site/certificates/{id}/revoke"),
                    Some(&basic),
                    None,
                ),
            )
            .await
        }
    };
    assert_eq!(revoke(&teacher, ALMATY, id.to_string()).await.status, 403);
    assert_eq!(revoke(&naju_admin, NAJU, id.to_string()).await.status, 404);
    assert_eq!(revoke(&learner, ALMATY, id.to_string()).await.status, 404);
    assert_eq!(
        revoke(&admin, ALMATY, "not-a-uuid".into()).await.status,
        404
    );
    assert_eq!(
        revoke(&admin, ALMATY, uuid::Uuid::new_v4().to_string())
            .await
            .status,
        404
    );
    assert_eq!(trust(&state).await.revoked, []);
    assert_eq!(revoke(&admin, ALMATY, id.to_string()).await.status, 204);
    let first = trust(&state).await;
    assert_eq!(first.revoked.len(), 1);
    // Revoking again keeps the first time.
    assert_eq!(revoke(&admin, ALMATY, id.to_string()).await.status, 204);
    assert_eq!(trust(&state).await.revoked, first.revoked);
    let verdict = verify(&compact_form(&issued.claims, &issued.proof_value), &first);
    assert!(
        matches!(verdict.refusal, Some(Refusal::Revoked { .. })),
        "{verdict:?}"
    );

    // The learner sees it revoked, and may ask again: a new one, decided anew.
    let mine = at(
        &state,
        ALMATY,
        api("GET", "/api/my/certificates", Some(&learner.basic()), None),
    )
    .await;
    let mine: Vec<IssuedCertificate> = serde_json::from_value(mine.body).expect("a list");
    assert!(mine[0].revoked.is_some());
    let reply = request(
        &state,
        ALMATY,
        &learner,
        json!({ "course": COURSE, "name": "Bolat Sarsenov" }),
    )
    .await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    assert_ne!(certificate(&reply).claims.id, id);
}

#[tokio::test]
async fn a_rotated_key_still_verifies_what_it_signed_and_signs_nothing_more() {
    let state = state_with_sites();
    let first = account(&state, "first", Role::Learner).await;
    let second = account(&state, "second", Role::Learner).await;
    for learner in [&first, &second] {
        complete_every_lesson(&state, learner).await;
    }
    let old = certificate(
        &request(
            &state,
            NAJU,
            &first,
            json!({ "course": COURSE, "name": "First" }),
        )
        .await,
    );

    // The command refuses a site that does not exist, then rotates Naju's key.
    let content = state.config.content_dir.clone();
    let unknown =
        run_site_command(&state, SiteCommand::RotateKey("nowhere".into()), &content).await;
    assert!(unknown.is_err());
    let said = run_site_command(&state, SiteCommand::RotateKey("naju".into()), &content)
        .await
        .expect("rotated");
    assert!(said.contains("from now"), "{said}");

    let new = certificate(
        &request(
            &state,
            NAJU,
            &second,
            json!({ "course": COURSE, "name": "Second" }),
        )
        .await,
    );
    assert_ne!(new.claims.key, old.claims.key);
    let list = trust(&state).await;
    let naju_keys: Vec<_> = list.keys.iter().filter(|key| key.site == "naju").collect();
    assert_eq!(naju_keys.len(), 2);
    assert_eq!(
        naju_keys.iter().filter(|key| key.retired.is_some()).count(),
        1
    );
    for issued in [&old, &new] {
        let verdict = verify(&compact_form(&issued.claims, &issued.proof_value), &list);
        assert_eq!(verdict.refusal, None, "{}", issued.claims.learner_name);
    }
    // Nobody can present the old key's signature on a certificate dated after its retirement.
    let mut backdated = old.claims.clone();
    backdated.issued = "2099-01-01T00:00:00Z".into();
    let verdict = verify(&compact_form(&backdated, &old.proof_value), &list);
    assert!(
        matches!(verdict.refusal, Some(Refusal::IssuedAfterKeyRetired { .. })),
        "{verdict:?}"
    );

    // `site list` names the current key and how many are retired.
    let listed = run_site_command(&state, SiteCommand::List, &content)
        .await
        .expect("listed");
    assert!(
        listed.contains(&format!("signing key: {} (1 retired)", new.claims.key)),
        "{listed}"
    );
}

#[tokio::test]
async fn a_learners_certificates_go_with_their_account() {
    let state = state_with_sites();
    let learner = account(&state, "leaving", Role::Learner).await;
    complete_every_lesson(&state, &learner).await;
    let reply = request(
        &state,
        NAJU,
        &learner,
        json!({ "course": COURSE, "name": "Leaving" }),
    )
    .await;
    assert_eq!(reply.status, 201);
    assert_eq!(
        state
            .store
            .certificates_of_site("naju")
            .expect("listed")
            .len(),
        1
    );
    let key =
        baeum_server::accounts::account_identifier(&state.account_home_page, learner.record.id)
            .key();
    assert!(state
        .store
        .delete_account(learner.record.id, &key)
        .expect("deleted"));
    assert!(state
        .store
        .certificates_of_site("naju")
        .expect("listed")
        .is_empty());
    // The key stays published: the copy the learner keeps still verifies.
    assert_eq!(trust(&state).await.keys.len(), 1);
}

#[tokio::test]
async fn a_learner_sees_their_standing_toward_each_begun_course_at_the_site() {
    use baeum_core::records::wire::CourseCompletion;
    let state = state_with_sites();
    let learner = account(&state, "counting", Role::Learner).await;
    let standing = |host: &'static str| {
        at(
            &state,
            host,
            api("GET", "/api/my/completion", Some(&learner.basic()), None),
        )
    };
    // Nothing begun: nothing listed; at an address that is no site's, no certificates at all.
    assert_eq!(standing(ALMATY).await.body, json!([]));
    assert_eq!(standing(PLATFORM).await.status, 404);
    let statements = vec![
        completed(&state, &learner, "l1", 1.0),
        completed(&state, &learner, "l2", 0.5),
    ];
    sync_statements(&state, &learner, statements).await;
    let reply = standing(ALMATY).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let listed: Vec<CourseCompletion> = serde_json::from_value(reply.body).expect("a list");
    assert_eq!(listed.len(), 1);
    let status = &listed[0].status;
    assert_eq!(status.course_id, COURSE);
    // l1 counts; l2's best score is under the rule's; l3 was never completed.
    assert_eq!((status.done, status.total), (1, 3));
    assert_eq!(status.missing.len(), 2);
    // Only the learner's own: another learner sees nothing of it.
    let other = account(&state, "other", Role::Learner).await;
    let reply = at(
        &state,
        ALMATY,
        api("GET", "/api/my/completion", Some(&other.basic()), None),
    )
    .await;
    assert_eq!(reply.body, json!([]));
}
