//! Accounts, sessions and classes through the HTTP API.

mod xapi_support;

use baeum_server::accounts::{seed_demo, DEMO_ACCOUNTS};
use baeum_server::auth::token_sha256;
use baeum_server::store::Role;
use baeum_server::Config;
use chrono::{Duration, Utc};
use serde_json::json;
use xapi_support::{account, api, basic, send, state};

#[tokio::test]
async fn sign_up_returns_the_account_and_its_actor() {
    let state = state();
    let reply = send(
        &state,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": "  Min-Jun ", "password": "correct horse", "role": "learner" })),
        ),
    )
    .await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    assert_eq!(reply.body["username"], "min-jun");
    assert_eq!(reply.body["role"], "learner");
    let id = reply.body["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        reply.body["actor"],
        json!({ "objectType": "Agent", "account": { "homePage": "https://baeum.invalid/", "name": id } })
    );
    let stored = state
        .store
        .account_by_username("min-jun")
        .unwrap()
        .expect("account stored");
    assert!(
        stored.password_hash.starts_with("$argon2id$"),
        "{}",
        stored.password_hash
    );
    assert!(!stored.password_hash.contains("correct horse"));
}

#[tokio::test]
async fn usernames_are_normalized_so_lookalikes_collide() {
    let state = state();
    let first = json!({ "username": "Jos\u{e9}", "password": "password-1", "role": "learner" });
    assert_eq!(
        send(&state, api("POST", "/api/accounts", None, Some(&first)))
            .await
            .status,
        201
    );
    // "e" followed by a combining acute accent is NFC-equal to "é".
    let second = json!({ "username": "JOSE\u{301}", "password": "password-2", "role": "learner" });
    let reply = send(&state, api("POST", "/api/accounts", None, Some(&second))).await;
    assert_eq!(reply.status, 409);
    assert_eq!(reply.error(), "username is already taken");
    let hangul = json!({ "username": "배움이", "password": "password-3", "role": "learner" });
    assert_eq!(
        send(&state, api("POST", "/api/accounts", None, Some(&hangul)))
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn bad_sign_ups_are_refused_with_a_reason() {
    let state = state();
    let cases = [
        (
            json!({ "username": "ab", "password": "long enough", "role": "learner" }),
            "username must be 3 to 32",
        ),
        (
            json!({ "username": "has space", "password": "long enough", "role": "learner" }),
            "username may only contain",
        ),
        (
            json!({ "username": "-dash", "password": "long enough", "role": "learner" }),
            "must start with a letter",
        ),
        (
            json!({ "username": "shorty", "password": "short", "role": "learner" }),
            "password must be at least 8",
        ),
        (
            json!({ "username": "boss", "password": "long enough", "role": "admin" }),
            "role must be",
        ),
        (
            json!({ "username": "extra", "password": "long enough", "role": "learner", "email": "x@y" }),
            "unknown field",
        ),
        (
            json!({ "username": "typed", "password": 12345678, "role": "learner" }),
            "invalid type",
        ),
    ];
    for (body, expected) in cases {
        let reply = send(&state, api("POST", "/api/accounts", None, Some(&body))).await;
        assert_eq!(reply.status, 400, "{body}");
        assert!(
            reply.error().contains(expected),
            "{body}: {}",
            reply.error()
        );
        assert!(
            !reply.error().starts_with(char::is_uppercase),
            "{}",
            reply.error()
        );
    }
    let malformed = axum::http::Request::builder()
        .method("POST")
        .uri("/api/accounts")
        .header("content-type", "application/json")
        .body(axum::body::Body::from("{\"username\": "))
        .unwrap();
    let reply = send(&state, malformed).await;
    assert_eq!(reply.status, 400);
    assert!(reply.body["error"].is_string());
}

#[tokio::test]
async fn sessions_sign_in_identify_and_sign_out() {
    let state = state();
    let learner = account(&state, "learner-one", Role::Learner).await;
    let wrong = json!({ "username": "learner-one", "password": "not the password" });
    let reply = send(&state, api("POST", "/api/sessions", None, Some(&wrong))).await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.error(), "wrong username or password");
    assert_eq!(
        reply.header("www-authenticate"),
        Some("Bearer realm=\"baeum\"")
    );

    let right = json!({ "username": "Learner-One", "password": learner.password });
    let reply = send(&state, api("POST", "/api/sessions", None, Some(&right))).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let token = reply.body["token"].as_str().unwrap_or_default().to_owned();
    assert_eq!(token.len(), 43, "256 random bits in unpadded base64url");
    let expires = reply.body["expires_at"].as_str().unwrap_or_default();
    let expires = chrono::DateTime::parse_from_rfc3339(expires).expect("rfc 3339 expiry");
    assert!(expires > Utc::now() + Duration::days(29));

    let bearer = format!("Bearer {token}");
    let me = send(&state, api("GET", "/api/me", Some(&bearer), None)).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["username"], "learner-one");
    assert_eq!(me.body["id"], learner.record.id.to_string());

    let by_password = send(&state, api("GET", "/api/me", Some(&learner.basic()), None)).await;
    assert_eq!(by_password.status, 200);

    let signed_out = send(
        &state,
        api("DELETE", "/api/sessions/current", Some(&bearer), None),
    )
    .await;
    assert_eq!(signed_out.status, 204);
    let after = send(&state, api("GET", "/api/me", Some(&bearer), None)).await;
    assert_eq!(after.status, 401);
    assert!(after.error().contains("invalid or expired"));
}

#[tokio::test]
async fn missing_wrong_and_expired_credentials_are_401() {
    let state = state();
    let learner = account(&state, "learner-two", Role::Learner).await;
    let none = send(&state, api("GET", "/api/me", None, None)).await;
    assert_eq!(none.status, 401);
    assert!(none.header("www-authenticate").is_some());

    let wrong_password = send(
        &state,
        api(
            "GET",
            "/api/me",
            Some(&basic("learner-two", "nope-nope")),
            None,
        ),
    )
    .await;
    assert_eq!(wrong_password.status, 401);
    assert_eq!(
        wrong_password.header("www-authenticate"),
        Some("Basic realm=\"baeum\", charset=\"UTF-8\"")
    );

    let unknown_scheme = send(&state, api("GET", "/api/me", Some("Digest abc"), None)).await;
    assert_eq!(unknown_scheme.status, 401);

    let expired_token = "an-expired-session-token";
    state
        .store
        .create_session(
            token_sha256(expired_token),
            learner.record.id,
            Utc::now() - Duration::seconds(1),
        )
        .unwrap();
    let expired = send(
        &state,
        api(
            "GET",
            "/api/me",
            Some(&format!("Bearer {expired_token}")),
            None,
        ),
    )
    .await;
    assert_eq!(expired.status, 401);

    let fresh_token = "a-fresh-session-token";
    state
        .store
        .create_session(
            token_sha256(fresh_token),
            learner.record.id,
            Utc::now() + Duration::hours(1),
        )
        .unwrap();
    let fresh = send(
        &state,
        api(
            "GET",
            "/api/me",
            Some(&format!("Bearer {fresh_token}")),
            None,
        ),
    )
    .await;
    assert_eq!(fresh.status, 200);
}

#[tokio::test]
async fn signing_out_needs_a_session() {
    let state = state();
    let learner = account(&state, "learner-three", Role::Learner).await;
    let reply = send(
        &state,
        api(
            "DELETE",
            "/api/sessions/current",
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
}

#[tokio::test]
async fn teachers_create_classes_and_learners_join_them() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;

    let refused = send(
        &state,
        api(
            "POST",
            "/api/classes",
            Some(&learner.basic()),
            Some(&json!({ "name": "mine" })),
        ),
    )
    .await;
    assert_eq!(refused.status, 403);

    let created = send(
        &state,
        api(
            "POST",
            "/api/classes",
            Some(&teacher.basic()),
            Some(&json!({ "name": "  Korean 1 " })),
        ),
    )
    .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    assert_eq!(created.body["name"], "Korean 1");
    let code = created.body["join_code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(code.len(), 8);

    let unknown = send(
        &state,
        api(
            "POST",
            "/api/classes/join",
            Some(&learner.basic()),
            Some(&json!({ "join_code": "AAAAAAAA" })),
        ),
    )
    .await;
    assert_eq!(unknown.status, 404);
    let teacher_join = send(
        &state,
        api(
            "POST",
            "/api/classes/join",
            Some(&teacher.basic()),
            Some(&json!({ "join_code": code })),
        ),
    )
    .await;
    assert_eq!(teacher_join.status, 403);

    let joined = send(
        &state,
        api(
            "POST",
            "/api/classes/join",
            Some(&learner.basic()),
            Some(&json!({ "join_code": code.to_lowercase() })),
        ),
    )
    .await;
    assert_eq!(joined.status, 200, "{:?}", joined.body);
    assert_eq!(
        state.store.learners_of_teacher(teacher.record.id).unwrap(),
        vec![learner.record.id]
    );

    let empty_name = send(
        &state,
        api(
            "POST",
            "/api/classes",
            Some(&teacher.basic()),
            Some(&json!({ "name": " " })),
        ),
    )
    .await;
    assert_eq!(empty_name.status, 400);
}

#[tokio::test]
async fn demo_accounts_are_seeded_once() {
    let state = state();
    seed_demo(&state).await.unwrap();
    seed_demo(&state).await.unwrap();
    for (username, password, role) in DEMO_ACCOUNTS {
        let reply = send(
            &state,
            api("GET", "/api/me", Some(&basic(username, password)), None),
        )
        .await;
        assert_eq!(reply.status, 200, "{username}");
        assert_eq!(reply.body["role"], role.as_str());
        assert_ne!(
            role,
            Role::Admin,
            "a demo password is public: never an admin's"
        );
    }
    assert!(state
        .store
        .account_by_username("demo-admin")
        .unwrap()
        .is_none());
    let teacher = state
        .store
        .account_by_username("demo-teacher")
        .unwrap()
        .unwrap();
    let learner = state
        .store
        .account_by_username("demo-learner")
        .unwrap()
        .unwrap();
    assert_eq!(
        state.store.learners_of_teacher(teacher.id).unwrap(),
        vec![learner.id]
    );
}

#[tokio::test]
async fn accounts_survive_reopening_the_database() {
    let directory = tempfile::tempdir().unwrap();
    let config = Config {
        dist_dir: directory.path().join("dist"),
        content_dir: directory.path().join("content"),
        data_dir: directory.path().join("data"),
        transport: Default::default(),
    };
    let database = xapi_support::engine::Reopenable::new();
    let first = database.open(config.clone());
    seed_demo(&first).await.unwrap();
    drop(first);
    if database.is_sqlite() {
        assert!(config.data_dir.join("baeum.sqlite3").is_file());
    }
    let reopened = database.open(config);
    let reply = send(
        &reopened,
        api(
            "GET",
            "/api/me",
            Some(&basic("demo-learner", "baeum-learner")),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
}
