//! Sign-in safety through the HTTP API: rate limits under concurrent floods, teachers made only
//! by an admin's invitation, changing a password, signing out everywhere, deleting an account
//! with its statements, idle sessions, and HTTP Basic refused on plain http over a network.

mod xapi_support;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use baeum_server::auth::token_sha256;
use baeum_server::store::Role;
use baeum_server::{AppState, Config, Transport};
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use xapi_support::{account, api, basic, send, state, statement, xapi, Reply, TestAccount};

fn from(address: &str, mut request: Request<Body>) -> Request<Body> {
    let address: SocketAddr = address.parse().expect("a socket address");
    request.extensions_mut().insert(ConnectInfo(address));
    request
}

async fn sign_in(state: &AppState, address: &str, username: &str, password: &str) -> Reply {
    send(
        state,
        from(
            address,
            api(
                "POST",
                "/api/sessions",
                None,
                Some(&json!({ "username": username, "password": password })),
            ),
        ),
    )
    .await
}

async fn token_of(state: &AppState, learner: &TestAccount) -> String {
    let reply = sign_in(
        state,
        "192.0.2.50:1000",
        &learner.record.username,
        &learner.password,
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply.body["token"].as_str().expect("a token").to_owned()
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

#[tokio::test]
async fn a_flood_of_wrong_passwords_gets_429_while_the_learner_signs_in_from_elsewhere() {
    let state = state();
    let learner = account(&state, "min-jun", Role::Learner).await;
    let attacker = (0..200).map(|_| {
        let state = state.clone();
        tokio::spawn(
            async move { sign_in(&state, "203.0.113.66:4000", "min-jun", "guess-1234").await },
        )
    });
    let honest = {
        let state = state.clone();
        let password = learner.password.clone();
        tokio::spawn(
            async move { sign_in(&state, "198.51.100.20:5000", "min-jun", &password).await },
        )
    };
    let mut too_many = 0;
    let mut wrong = 0;
    for reply in futures_join(attacker.collect()).await {
        match reply.status.as_u16() {
            401 => wrong += 1,
            429 => {
                too_many += 1;
                let retry: u64 = reply
                    .header("retry-after")
                    .and_then(|value| value.parse().ok())
                    .expect("retry-after in seconds");
                assert!(retry >= 1, "{retry}");
            }
            other => panic!("unexpected {other}: {:?}", reply.body),
        }
    }
    // Ten guesses per account and address get checked (one more per minute the test takes).
    assert!((10..=12).contains(&wrong), "{wrong} guesses were checked");
    assert_eq!(too_many, 200 - wrong);
    let honest = honest.await.expect("joined");
    assert_eq!(honest.status, 200, "{:?}", honest.body);
}

async fn futures_join(handles: Vec<tokio::task::JoinHandle<Reply>>) -> Vec<Reply> {
    let mut replies = Vec::new();
    for handle in handles {
        replies.push(handle.await.expect("joined"));
    }
    replies
}

#[tokio::test]
async fn thirty_pupils_behind_one_school_address_sign_in_at_once() {
    let state = state();
    let mut pupils = Vec::new();
    for index in 0..30 {
        pupils.push(account(&state, &format!("pupil-{index}"), Role::Learner).await);
    }
    let attempts: Vec<_> = pupils
        .iter()
        .map(|pupil| {
            let state = state.clone();
            let (username, password) = (pupil.record.username.clone(), pupil.password.clone());
            tokio::spawn(async move {
                // Each mistypes once first.
                let typo = sign_in(&state, "198.51.100.1:1", &username, "mistyped-pw").await;
                assert_eq!(typo.status, 401);
                sign_in(&state, "198.51.100.1:2", &username, &password).await
            })
        })
        .collect();
    for reply in futures_join(attempts).await {
        assert_eq!(reply.status, 200, "{:?}", reply.body);
    }
}

#[tokio::test]
async fn basic_guessing_is_limited_and_a_verified_pair_is_not_counted_again() {
    let state = state();
    let learner = account(&state, "lee", Role::Learner).await;
    for _ in 0..30 {
        let reply = send(
            &state,
            from(
                "192.0.2.9:1",
                api("GET", "/api/me", Some(&learner.basic()), None),
            ),
        )
        .await;
        assert_eq!(reply.status, 200, "a tool repeating the right pair");
    }
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let reply = send(
            &state,
            from(
                "192.0.2.9:1",
                api(
                    "GET",
                    "/api/me",
                    Some(&basic("lee", "not-the-password")),
                    None,
                ),
            ),
        )
        .await;
        statuses.push(reply.status.as_u16());
    }
    // The first verification of the right pair took one of the ten.
    assert_eq!(&statuses[..9], &[401; 9], "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
}

#[tokio::test]
async fn sign_ups_are_limited_per_address() {
    let state = state();
    for index in 0..60 {
        let reply = send(
            &state,
            from(
                "192.0.2.77:1",
                api(
                    "POST",
                    "/api/accounts",
                    None,
                    Some(&json!({ "username": format!("new-{index}"), "password": "long enough" })),
                ),
            ),
        )
        .await;
        assert_eq!(reply.status, 201, "{index}: {:?}", reply.body);
    }
    let refused = send(
        &state,
        from(
            "192.0.2.77:1",
            api(
                "POST",
                "/api/accounts",
                None,
                Some(&json!({ "username": "one-more", "password": "long enough" })),
            ),
        ),
    )
    .await;
    assert_eq!(refused.status, 429);
    assert!(refused.header("retry-after").is_some());
}

#[tokio::test]
async fn choosing_teacher_at_sign_up_is_refused_without_an_invitation() {
    let state = state();
    let reply = send(
        &state,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": "self-made", "password": "long enough", "role": "teacher" })),
        ),
    )
    .await;
    assert_eq!(reply.status, 403, "{:?}", reply.body);
    assert!(reply.error().contains("invitation"), "{}", reply.error());
    assert!(state
        .store
        .account_by_username("self-made")
        .unwrap()
        .is_none());
    let learner = send(
        &state,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": "plain", "password": "long enough" })),
        ),
    )
    .await;
    assert_eq!(learner.status, 201);
    assert_eq!(learner.body["role"], "learner");
}

async fn invite(state: &AppState, admin: &TestAccount) -> String {
    let reply = send(
        state,
        api(
            "POST",
            "/api/admin/teacher-invitations",
            Some(&admin.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body["code"].as_str().expect("a code").to_owned()
}

async fn sign_up_with(state: &AppState, username: &str, invitation: &str) -> Reply {
    send(
        state,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": username, "password": "teacher password", "invitation": invitation })),
        ),
    )
    .await
}

#[tokio::test]
async fn an_admin_invitation_makes_one_teacher() {
    let state = state();
    let admin = account(&state, "head", Role::Admin).await;
    let code = invite(&state, &admin).await;
    assert_eq!(code.len(), 19, "four groups of four: {code}");
    let teacher = sign_up_with(&state, "ms-kim", &code.to_lowercase()).await;
    assert_eq!(teacher.status, 201, "{:?}", teacher.body);
    assert_eq!(teacher.body["role"], "teacher");
    let again = sign_up_with(&state, "mr-park", &code).await;
    assert_eq!(again.status, 403, "an invitation is used once");
    assert!(state
        .store
        .account_by_username("mr-park")
        .unwrap()
        .is_none());
    let made_up = sign_up_with(&state, "mr-park", "ABCD-EFGH-JKMN-PQRS").await;
    assert_eq!(made_up.status, 403);
    let malformed = sign_up_with(&state, "mr-park", "hello").await;
    assert_eq!(malformed.status, 400);

    // A taken username leaves the invitation usable.
    let second = invite(&state, &admin).await;
    assert_eq!(sign_up_with(&state, "ms-kim", &second).await.status, 409);
    assert_eq!(sign_up_with(&state, "mr-park", &second).await.status, 201);

    // Only an admin invites.
    let learner = account(&state, "pupil", Role::Learner).await;
    let teacher = account(&state, "teacher", Role::Teacher).await;
    for who in [&learner, &teacher] {
        let reply = send(
            &state,
            api(
                "POST",
                "/api/admin/teacher-invitations",
                Some(&who.basic()),
                None,
            ),
        )
        .await;
        assert_eq!(reply.status, 403);
    }
}

#[tokio::test]
async fn an_expired_invitation_makes_nobody_a_teacher() {
    let state = state();
    let code = "ABCDEFGHJKMNPQRS";
    let past = Utc::now() - Duration::days(8);
    state
        .store
        .create_teacher_invitation(
            token_sha256(code),
            None,
            past,
            past + Duration::days(7),
            None,
        )
        .unwrap();
    let reply = sign_up_with(&state, "late-teacher", code).await;
    assert_eq!(reply.status, 403, "{:?}", reply.body);
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let state = state();
    let learner = account(&state, "jisoo", Role::Learner).await;
    let here = token_of(&state, &learner).await;
    let elsewhere = token_of(&state, &learner).await;
    let tool = send(&state, api("GET", "/api/me", Some(&learner.basic()), None)).await;
    assert_eq!(
        tool.status, 200,
        "a tool's basic pair, remembered from now on"
    );
    let change = |current: &str| {
        api(
            "POST",
            "/api/me/password",
            Some(&bearer(&here)),
            Some(&json!({ "current_password": current, "new_password": "a new password" })),
        )
    };
    let wrong = send(&state, change("not my password")).await;
    assert_eq!(wrong.status, 403, "{:?}", wrong.body);
    let short = send(
        &state,
        api(
            "POST",
            "/api/me/password",
            Some(&bearer(&here)),
            Some(&json!({ "current_password": learner.password, "new_password": "short" })),
        ),
    )
    .await;
    assert_eq!(short.status, 400);
    assert_eq!(send(&state, change(&learner.password)).await.status, 204);

    let me = |token: &str| api("GET", "/api/me", Some(&bearer(token)), None);
    assert_eq!(
        send(&state, me(&here)).await.status,
        200,
        "this device stays"
    );
    assert_eq!(send(&state, me(&elsewhere)).await.status, 401, "others end");
    let old = sign_in(&state, "192.0.2.1:1", "jisoo", &learner.password).await;
    assert_eq!(old.status, 401);
    let new = sign_in(&state, "192.0.2.1:1", "jisoo", "a new password").await;
    assert_eq!(new.status, 200);
    // A tool's remembered Basic pair stops working with the old password.
    let basic_old = send(&state, api("GET", "/api/me", Some(&learner.basic()), None)).await;
    assert_eq!(basic_old.status, 401);
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session() {
    let state = state();
    let learner = account(&state, "hana", Role::Learner).await;
    let tokens = [
        token_of(&state, &learner).await,
        token_of(&state, &learner).await,
    ];
    let other = account(&state, "dara", Role::Learner).await;
    let others = token_of(&state, &other).await;
    let reply = send(
        &state,
        api("DELETE", "/api/sessions", Some(&bearer(&tokens[0])), None),
    )
    .await;
    assert_eq!(reply.status, 204, "{:?}", reply.body);
    for token in &tokens {
        let me = send(&state, api("GET", "/api/me", Some(&bearer(token)), None)).await;
        assert_eq!(me.status, 401);
    }
    let untouched = send(&state, api("GET", "/api/me", Some(&bearer(&others)), None)).await;
    assert_eq!(untouched.status, 200);
}

#[tokio::test]
async fn deleting_an_account_removes_its_statements_sessions_and_classes() {
    let state = state();
    let admin = account(&state, "head", Role::Admin).await;
    let teacher = account(&state, "ms-kim", Role::Teacher).await;
    let learner = account(&state, "leaving", Role::Learner).await;
    let staying = account(&state, "staying", Role::Learner).await;
    let class = send(
        &state,
        api(
            "POST",
            "/api/classes",
            Some(&teacher.basic()),
            Some(&json!({ "name": "Korean 1" })),
        ),
    )
    .await;
    let (class_id, code) = (
        class.body["id"].as_str().unwrap().to_owned(),
        class.body["join_code"].as_str().unwrap().to_owned(),
    );
    for who in [&learner, &staying] {
        let joined = send(
            &state,
            api(
                "POST",
                "/api/classes/join",
                Some(&who.basic()),
                Some(&json!({ "join_code": code })),
            ),
        )
        .await;
        assert_eq!(joined.status, 200);
        let posted = send(
            &state,
            xapi(
                "POST",
                "/xapi/statements",
                Some(&who.basic()),
                Some(&statement(&who.actor(&state), "l1")),
            ),
        )
        .await;
        assert_eq!(posted.status, 200, "{:?}", posted.body);
    }
    let token = token_of(&state, &learner).await;
    let wrong = send(
        &state,
        api(
            "DELETE",
            "/api/me",
            Some(&bearer(&token)),
            Some(&json!({ "password": "not it at all" })),
        ),
    )
    .await;
    assert_eq!(wrong.status, 403);
    let deleted = send(
        &state,
        api(
            "DELETE",
            "/api/me",
            Some(&bearer(&token)),
            Some(&json!({ "password": learner.password })),
        ),
    )
    .await;
    assert_eq!(deleted.status, 204, "{:?}", deleted.body);

    assert_eq!(
        send(&state, api("GET", "/api/me", Some(&bearer(&token)), None))
            .await
            .status,
        401
    );
    assert_eq!(
        sign_in(&state, "192.0.2.1:1", "leaving", &learner.password)
            .await
            .status,
        401
    );
    let everything = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&admin.basic()), None),
    )
    .await;
    let actors: Vec<&Value> = everything.body["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .map(|statement| &statement["actor"])
        .collect();
    assert_eq!(
        actors,
        vec![&staying.actor(&state)],
        "only the other's remain"
    );
    let members = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class_id}/members"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    let names: Vec<&str> = members.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|member| member["username"].as_str())
        .collect();
    assert_eq!(names, ["staying"]);
    // The name is free again; the new account is someone else.
    let again = send(
        &state,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": "leaving", "password": "long enough" })),
        ),
    )
    .await;
    assert_eq!(again.status, 201);
    assert_ne!(again.body["id"], json!(learner.record.id.to_string()));
}

#[test]
fn a_session_unused_for_two_weeks_ends_and_use_keeps_it_alive() {
    let store = xapi_support::engine::store();
    let account = baeum_server::store::AccountRecord {
        id: uuid::Uuid::now_v7(),
        username: "idle".into(),
        role: Role::Learner,
        password_hash: "$argon2id$unused".into(),
        created_at: Utc::now(),
    };
    store.create_account(&account).unwrap();
    let now = Utc::now();
    let (used, unused) = ([1_u8; 32], [2_u8; 32]);
    for digest in [used, unused] {
        store
            .create_session(digest, account.id, now + Duration::days(30))
            .unwrap();
    }
    // Used after ten days, then again after twenty: alive, because the use was recorded.
    assert!(store
        .account_for_session(used, now + Duration::days(10))
        .unwrap()
        .is_some());
    assert!(store
        .account_for_session(used, now + Duration::days(20))
        .unwrap()
        .is_some());
    // Not used for fifteen days: ended, though thirty have not passed.
    assert!(store
        .account_for_session(unused, now + Duration::days(15))
        .unwrap()
        .is_none());
    // And the thirty-day limit still holds for a session used every day.
    for day in 21..30 {
        assert!(store
            .account_for_session(used, now + Duration::days(day))
            .unwrap()
            .is_some());
    }
    assert!(store
        .account_for_session(used, now + Duration::days(31))
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn http_basic_is_refused_on_plain_http_over_a_network() {
    let state = xapi_support::engine::state(Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: "/nonexistent/content".into(),
        data_dir: "/nonexistent/data".into(),
        transport: Transport::NetworkHttp,
    });
    let learner = account(&state, "over-wifi", Role::Learner).await;
    let reply = send(&state, api("GET", "/api/me", Some(&learner.basic()), None)).await;
    assert_eq!(reply.status, 401);
    assert!(
        reply.error().contains("refused on plain http"),
        "{}",
        reply.error()
    );
    // Sessions still work (the password crossed once, at sign-in).
    let token = token_of(&state, &learner).await;
    let me = send(&state, api("GET", "/api/me", Some(&bearer(&token)), None)).await;
    assert_eq!(me.status, 200);
}
