//! Classes through the HTTP API: listing, members, renaming, code rotation, removal, who may
//! do what, and the limit on join-code guessing.

mod classes_support;
mod xapi_support;

use baeum_server::classes::{JOIN_FAILURES_PER_ACCOUNT, JOIN_FAILURES_PER_ADDRESS};
use baeum_server::store::Role;
use classes_support::{
    create_class, join, join_from, lesson_activity, player_statement, sync_statements,
};
use serde_json::{json, Value};
use xapi_support::{account, api, encode, send, state, xapi};

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn teachers_list_their_classes_and_learners_list_theirs() {
    let state = state();
    let kim = account(&state, "teacher-kim", Role::Teacher).await;
    let park = account(&state, "teacher-park", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let (korean, korean_code) = create_class(&state, &kim, "Korean 1").await;
    let (science, science_code) = create_class(&state, &park, "Science").await;
    let (_, _) = create_class(&state, &park, "Maths").await;
    join(&state, &learner, &korean_code).await;
    join(&state, &learner, &science_code).await;

    let kims = send(&state, api("GET", "/api/classes", Some(&kim.basic()), None)).await;
    assert_eq!(kims.status, 200);
    assert_eq!(ids(&kims.body["classes"]), vec![korean.clone()]);
    assert_eq!(kims.body["classes"][0]["member_count"], 1);
    assert_eq!(kims.body["classes"][0]["join_code"], korean_code.as_str());

    let parks = send(
        &state,
        api("GET", "/api/classes", Some(&park.basic()), None),
    )
    .await;
    assert_eq!(parks.body["classes"].as_array().map(Vec::len), Some(2));

    let learners = send(
        &state,
        api("GET", "/api/classes", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(learners.status, 200);
    assert_eq!(ids(&learners.body["classes"]), vec![korean, science]);
    assert_eq!(
        learners.body["classes"][0]["teacher"]["username"],
        "teacher-kim"
    );
    assert!(
        learners.body["classes"][0].get("join_code").is_none(),
        "learners are not shown join codes: {:?}",
        learners.body
    );
}

#[tokio::test]
async fn teachers_see_members_rename_and_rotate_the_code() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let first = account(&state, "learner-a", Role::Learner).await;
    let second = account(&state, "learner-b", Role::Learner).await;
    let (class, old_code) = create_class(&state, &teacher, "Korean 1").await;
    join(&state, &first, &old_code).await;
    // Joining twice is harmless.
    join(&state, &first, &old_code).await;

    let detail = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(detail.status, 200, "{:?}", detail.body);
    assert_eq!(
        detail.body["members"],
        json!([{ "id": first.record.id, "username": "learner-a", "site_id": null }])
    );

    let renamed = send(
        &state,
        api(
            "PATCH",
            &format!("/api/classes/{class}"),
            Some(&teacher.basic()),
            Some(&json!({ "name": "  Korean 2 " })),
        ),
    )
    .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.body);
    assert_eq!(renamed.body["name"], "Korean 2");
    let empty = send(
        &state,
        api(
            "PATCH",
            &format!("/api/classes/{class}"),
            Some(&teacher.basic()),
            Some(&json!({ "name": "" })),
        ),
    )
    .await;
    assert_eq!(empty.status, 400);

    let rotated = send(
        &state,
        api(
            "POST",
            &format!("/api/classes/{class}/join-code"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(rotated.status, 200, "{:?}", rotated.body);
    let new_code = rotated.body["join_code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_ne!(new_code, old_code);
    assert_eq!(new_code.len(), 8);
    assert!(!new_code.contains(['0', 'O', '1', 'I', 'L']), "{new_code}");
    assert_eq!(rotated.body["name"], "Korean 2");

    let with_old = send(
        &state,
        api(
            "POST",
            "/api/classes/join",
            Some(&second.basic()),
            Some(&json!({ "join_code": old_code })),
        ),
    )
    .await;
    assert_eq!(with_old.status, 404, "the old code stops working");
    // A code written on the board in two groups, typed in lower case, still works.
    let grouped = format!("{}-{}", &new_code[..4], &new_code[4..]).to_lowercase();
    join(&state, &second, &grouped).await;

    let members = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/members"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(members.status, 200);
    let mut member_ids = ids(&members.body["members"]);
    member_ids.sort();
    let mut expected = vec![first.record.id.to_string(), second.record.id.to_string()];
    expected.sort();
    assert_eq!(
        member_ids, expected,
        "members who joined with the old code stay"
    );
}

#[tokio::test]
async fn other_teachers_get_404_and_learners_get_403_on_class_management() {
    let state = state();
    let owner = account(&state, "teacher-kim", Role::Teacher).await;
    let other = account(&state, "teacher-park", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let (class, code) = create_class(&state, &owner, "Korean 1").await;
    join(&state, &learner, &code).await;
    let learner_id = learner.record.id;
    let requests: Vec<(&str, String, Option<Value>)> = vec![
        ("GET", format!("/api/classes/{class}"), None),
        (
            "PATCH",
            format!("/api/classes/{class}"),
            Some(json!({ "name": "mine" })),
        ),
        ("POST", format!("/api/classes/{class}/join-code"), None),
        ("GET", format!("/api/classes/{class}/members"), None),
        (
            "DELETE",
            format!("/api/classes/{class}/members/{learner_id}"),
            None,
        ),
    ];
    for (method, uri, body) in &requests {
        let reply = send(
            &state,
            api(method, uri, Some(&other.basic()), body.as_ref()),
        )
        .await;
        assert_eq!(reply.status, 404, "another teacher: {method} {uri}");
        let reply = send(
            &state,
            api(method, uri, Some(&learner.basic()), body.as_ref()),
        )
        .await;
        assert_eq!(reply.status, 403, "a learner: {method} {uri}");
        let reply = send(&state, api(method, uri, None, body.as_ref())).await;
        assert_eq!(reply.status, 401, "nobody: {method} {uri}");
    }
    // Nothing changed.
    let detail = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}"),
            Some(&owner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(detail.body["name"], "Korean 1");
    assert_eq!(detail.body["join_code"], code.as_str());
    assert_eq!(detail.body["member_count"], 1);

    let not_a_uuid = send(
        &state,
        api("GET", "/api/classes/not-a-uuid", Some(&owner.basic()), None),
    )
    .await;
    assert_eq!(not_a_uuid.status, 400);
}

#[tokio::test]
async fn a_removed_learner_loses_the_class_and_the_teacher_loses_their_statements() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let (class, code) = create_class(&state, &teacher, "Korean 1").await;
    join(&state, &learner, &code).await;
    sync_statements(
        &state,
        &learner,
        vec![player_statement(
            &learner.actor(&state),
            "completed",
            &lesson_activity("l1"),
            Value::Null,
            "2026-11-20T10:00:00Z",
        )],
    )
    .await;
    let by_agent = format!(
        "/xapi/statements?agent={}",
        encode(&learner.actor(&state).to_string())
    );
    let before = send(&state, xapi("GET", &by_agent, Some(&teacher.basic()), None)).await;
    assert_eq!(before.body["statements"].as_array().map(Vec::len), Some(1));
    let statement_id = before.body["statements"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let removed = send(
        &state,
        api(
            "DELETE",
            &format!("/api/classes/{class}/members/{}", learner.record.id),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(removed.status, 204, "{:?}", removed.body);
    let again = send(
        &state,
        api(
            "DELETE",
            &format!("/api/classes/{class}/members/{}", learner.record.id),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(again.status, 404);

    let theirs = send(
        &state,
        api("GET", "/api/classes", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(theirs.body["classes"], json!([]));
    let after = send(&state, xapi("GET", &by_agent, Some(&teacher.basic()), None)).await;
    assert_eq!(after.status, 200);
    assert_eq!(after.body["statements"], json!([]));
    let single = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={statement_id}"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(single.status, 404, "as if it did not exist");
    // The learner still reads their own record.
    let own = send(&state, xapi("GET", &by_agent, Some(&learner.basic()), None)).await;
    assert_eq!(own.body["statements"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn wrong_join_codes_are_limited_per_account() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let guesser = account(&state, "learner-guess", Role::Learner).await;
    let honest = account(&state, "learner-honest", Role::Learner).await;
    let (_, code) = create_class(&state, &teacher, "Korean 1").await;
    let wrong = if code == "AAAAAAAA" {
        "BBBBBBBB"
    } else {
        "AAAAAAAA"
    };
    for attempt in 0..JOIN_FAILURES_PER_ACCOUNT {
        let reply = send(&state, join_from("192.0.2.10:5000", &guesser, wrong)).await;
        assert_eq!(reply.status, 404, "attempt {attempt}");
    }
    let blocked = send(&state, join_from("192.0.2.10:5000", &guesser, wrong)).await;
    assert_eq!(blocked.status, 429, "{:?}", blocked.body);
    let retry_after: u64 = blocked
        .header("retry-after")
        .and_then(|value| value.parse().ok())
        .expect("a retry-after header in seconds");
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    // Even the right code is refused while blocked, so a block cannot confirm a guess.
    let right = send(&state, join_from("192.0.2.10:5000", &guesser, &code)).await;
    assert_eq!(right.status, 429);
    // Another account at the same address (a classmate) is not blocked by one guesser.
    let classmate = send(&state, join_from("192.0.2.10:5001", &honest, &code)).await;
    assert_eq!(classmate.status, 200, "{:?}", classmate.body);
}

#[tokio::test]
async fn wrong_join_codes_are_limited_per_address_across_accounts() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let (_, code) = create_class(&state, &teacher, "Korean 1").await;
    let wrong = if code == "AAAAAAAA" {
        "BBBBBBBB"
    } else {
        "AAAAAAAA"
    };
    let accounts_needed = JOIN_FAILURES_PER_ADDRESS.div_ceil(JOIN_FAILURES_PER_ACCOUNT);
    let mut failures = 0;
    for index in 0..accounts_needed {
        let guesser = account(&state, &format!("guesser-{index}"), Role::Learner).await;
        for _ in 0..JOIN_FAILURES_PER_ACCOUNT {
            if failures == JOIN_FAILURES_PER_ADDRESS {
                break;
            }
            let reply = send(&state, join_from("198.51.100.7:4000", &guesser, wrong)).await;
            assert_eq!(reply.status, 404, "failure {failures}");
            failures += 1;
        }
    }
    let fresh = account(&state, "fresh-account", Role::Learner).await;
    let blocked = send(&state, join_from("198.51.100.7:4001", &fresh, &code)).await;
    assert_eq!(
        blocked.status, 429,
        "a fresh account at the same address is blocked"
    );
    assert!(blocked.header("retry-after").is_some());
    let elsewhere = send(&state, join_from("203.0.113.9:4000", &fresh, &code)).await;
    assert_eq!(elsewhere.status, 200, "{:?}", elsewhere.body);
}

#[tokio::test]
async fn malformed_codes_are_explained_and_not_counted_as_guesses() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let (_, code) = create_class(&state, &teacher, "Korean 1").await;
    for typo in ["ABC", "ABCDEFG0", "ABCDEFGHJK", ""] {
        for _ in 0..JOIN_FAILURES_PER_ACCOUNT {
            let reply = send(&state, join_from("192.0.2.1:1", &learner, typo)).await;
            assert_eq!(reply.status, 400, "{typo:?}");
            assert!(
                reply.error().contains("without 0, 1, i, l or o"),
                "{}",
                reply.error()
            );
        }
    }
    let joined = send(&state, join_from("192.0.2.1:1", &learner, &code)).await;
    assert_eq!(joined.status, 200, "{:?}", joined.body);
}
