//! Several server instances on one database are one server (issue 18, item 3): rate limits
//! and join-code attempts are counted in the database, a password change on one instance ends
//! the old password and the other sessions on every instance, and concurrent instances spend
//! each attempt once; behind a proxy named with `--trusted-proxy`, each client address keeps a
//! limit of its own. Two `app()`s over two stores on one database stand for two processes
//! (SQLite: two stores on one file; PostgreSQL: two pools on one database); the end-to-end test
//! with real processes behind nginx is `instances_behind_a_proxy.rs`.

mod xapi_support;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use baeum_server::store::{BucketTake, Role, Store, TakeOutcome};
use baeum_server::{cheap_password_params, AppState, Config};
use chrono::{Duration, Utc};
use serde_json::json;
use xapi_support::engine::SharedDatabase;
use xapi_support::{account, api, basic, send, Reply};

fn config() -> Config {
    Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: "/nonexistent/content".into(),
        data_dir: "/nonexistent/data".into(),
        transport: Default::default(),
    }
}

/// Two server instances on one database.
fn two_instances() -> (SharedDatabase, AppState, AppState) {
    let database = SharedDatabase::new();
    let first = AppState::with_store(config(), database.open(), cheap_password_params());
    let second = AppState::with_store(config(), database.open(), cheap_password_params());
    (database, first, second)
}

fn from(address: &str, mut request: Request<Body>) -> Request<Body> {
    let address: SocketAddr = address.parse().expect("a socket address");
    request.extensions_mut().insert(ConnectInfo(address));
    request
}

async fn sign_in(state: &AppState, address: &str, username: &str, password: &str) -> Reply {
    let body = json!({ "username": username, "password": password });
    send(
        state,
        from(address, api("POST", "/api/sessions", None, Some(&body))),
    )
    .await
}

#[tokio::test]
async fn a_password_burst_spent_half_on_each_instance_is_refused_on_both() {
    let (_database, first, second) = two_instances();
    let learner = account(&first, "min-jun", Role::Learner).await;
    let guesser = "203.0.113.5:4000";
    // Ten wrong passwords per account and address (the default burst): five on each.
    for attempt in 0..10 {
        let instance = if attempt % 2 == 0 { &first } else { &second };
        let reply = sign_in(instance, guesser, "min-jun", "a guess").await;
        assert_eq!(reply.status, 401, "attempt {attempt}: {:?}", reply.body);
    }
    for instance in [&first, &second] {
        let refused = sign_in(instance, guesser, "min-jun", &learner.password).await;
        assert_eq!(refused.status, 429, "{:?}", refused.body);
        let retry_after: u64 = refused
            .header("retry-after")
            .and_then(|value| value.parse().ok())
            .expect("a retry-after header in seconds");
        // One attempt comes back every 600 s / 10.
        assert!((59..=60).contains(&retry_after), "{retry_after}");
    }
    // The learner, elsewhere, still signs in on either instance.
    let school = sign_in(&second, "198.51.100.1:5000", "min-jun", &learner.password).await;
    assert_eq!(school.status, 200, "{:?}", school.body);
}

#[tokio::test]
async fn join_code_attempts_are_counted_once_for_every_instance() {
    let (_database, first, second) = two_instances();
    let guesser = account(&first, "learner-guess", Role::Learner).await;
    let token = sign_in(
        &first,
        "192.0.2.10:5000",
        "learner-guess",
        &guesser.password,
    )
    .await
    .body["token"]
        .as_str()
        .expect("a token")
        .to_owned();
    let join = |state: &AppState| {
        let state = state.clone();
        let token = token.clone();
        async move {
            let request = api(
                "POST",
                "/api/classes/join",
                Some(&format!("Bearer {token}")),
                Some(&json!({ "join_code": "AAAAAAAA" })),
            );
            send(&state, from("192.0.2.10:5000", request)).await
        }
    };
    for attempt in 0..baeum_server::limits::JOIN_FAILURES_PER_ACCOUNT {
        let instance = if attempt % 2 == 0 { &first } else { &second };
        let reply = join(instance).await;
        assert_eq!(reply.status, 404, "attempt {attempt}: {:?}", reply.body);
    }
    assert_eq!(join(&first).await.status, 429);
    assert_eq!(join(&second).await.status, 429);
}

#[tokio::test]
async fn a_password_changed_on_one_instance_stops_the_old_one_on_the_other() {
    let (_database, first, second) = two_instances();
    let learner = account(&first, "jisoo", Role::Learner).await;
    let signed_in = |state: &AppState, address: &'static str| {
        let state = state.clone();
        let password = learner.password.clone();
        async move {
            let reply = sign_in(&state, address, "jisoo", &password).await;
            assert_eq!(reply.status, 200, "{:?}", reply.body);
            format!("Bearer {}", reply.body["token"].as_str().expect("a token"))
        }
    };
    let here = signed_in(&first, "192.0.2.1:1").await;
    let elsewhere = signed_in(&second, "192.0.2.2:1").await;
    // A tool's Basic pair, verified and remembered by the second instance.
    let tool = send(&second, api("GET", "/api/me", Some(&learner.basic()), None)).await;
    assert_eq!(tool.status, 200, "{:?}", tool.body);

    let change = api(
        "POST",
        "/api/me/password",
        Some(&here),
        Some(&json!({ "current_password": learner.password, "new_password": "a new password" })),
    );
    assert_eq!(send(&first, change).await.status, 204);

    // The second instance remembers the pair with the hash it was verified against, and
    // compares that with the account's hash in the database on every use.
    let old_pair = send(&second, api("GET", "/api/me", Some(&learner.basic()), None)).await;
    assert_eq!(old_pair.status, 401, "{:?}", old_pair.body);
    let other_session = send(&second, api("GET", "/api/me", Some(&elsewhere), None)).await;
    assert_eq!(other_session.status, 401, "{:?}", other_session.body);
    let new_pair = basic("jisoo", "a new password");
    let renewed = send(&second, api("GET", "/api/me", Some(&new_pair), None)).await;
    assert_eq!(renewed.status, 200, "{:?}", renewed.body);
    // The session the change was made with stays, on either instance.
    let kept = send(&second, api("GET", "/api/me", Some(&here), None)).await;
    assert_eq!(kept.status, 200, "{:?}", kept.body);
}

#[test]
fn concurrent_instances_spend_each_attempt_once() {
    let database = SharedDatabase::new();
    let stores: Vec<Arc<dyn Store>> = vec![database.open(), database.open()];
    let take = BucketTake {
        bucket: [42; 32],
        interval_micros: 60_000_000,
        tolerance_micros: 9 * 60_000_000,
    };
    let now = Utc::now();
    let threads: Vec<_> = (0..40)
        .map(|index| {
            let store = Arc::clone(&stores[index % 2]);
            std::thread::spawn(move || {
                store
                    .take_rate_tokens(&[take], now)
                    .expect("the database answers")
            })
        })
        .collect();
    let outcomes: Vec<TakeOutcome> = threads
        .into_iter()
        .map(|thread| thread.join().expect("a taking thread"))
        .collect();
    let allowed = outcomes
        .iter()
        .filter(|outcome| **outcome == TakeOutcome::Allowed)
        .count();
    assert_eq!(allowed, 10, "a burst of ten, whoever asks: {outcomes:?}");
}

#[test]
fn buckets_full_again_are_deleted_so_a_flood_of_names_leaves_a_small_table() {
    let database = SharedDatabase::new();
    let store = database.open();
    // Someone tries 10,000 usernames: one bucket each, one attempt back every minute.
    let flood_at = Utc::now();
    let interval_micros = 60_000_000;
    for chunk in 0..10_u16 {
        let takes: Vec<BucketTake> = (0..1000_u16)
            .map(|index| {
                let mut bucket = [0; 32];
                bucket[..2].copy_from_slice(&chunk.to_be_bytes());
                bucket[2..4].copy_from_slice(&index.to_be_bytes());
                BucketTake {
                    bucket,
                    interval_micros,
                    tolerance_micros: 9 * interval_micros,
                }
            })
            .collect();
        let outcome = store
            .take_rate_tokens(&takes, flood_at)
            .expect("the database answers");
        assert_eq!(outcome, TakeOutcome::Allowed);
    }
    assert_eq!(database.count_rows("rate_buckets"), 10_000);
    // Two minutes later every one of those buckets is full again; the next attempt (any
    // instance's, here the same) deletes them.
    let later = BucketTake {
        bucket: [255; 32],
        interval_micros,
        tolerance_micros: 0,
    };
    let outcome = store
        .take_rate_tokens(&[later], flood_at + Duration::minutes(2))
        .expect("the database answers");
    assert_eq!(outcome, TakeOutcome::Allowed);
    assert_eq!(database.count_rows("rate_buckets"), 1);
}

#[test]
fn the_refused_bucket_says_how_long_to_wait_and_later_ones_are_untouched() {
    let database = SharedDatabase::new();
    let store = database.open();
    let now = Utc::now();
    let strict = BucketTake {
        bucket: [1; 32],
        interval_micros: 10_000_000,
        tolerance_micros: 0,
    };
    let after = BucketTake {
        bucket: [2; 32],
        interval_micros: 10_000_000,
        tolerance_micros: 0,
    };
    assert_eq!(
        store
            .take_rate_tokens(&[strict, after], now)
            .expect("taken"),
        TakeOutcome::Allowed
    );
    let refused = store
        .take_rate_tokens(&[strict, after], now + Duration::seconds(4))
        .expect("answered");
    assert_eq!(
        refused,
        TakeOutcome::Refused {
            index: 0,
            wait: std::time::Duration::from_secs(6)
        }
    );
    // The second bucket was not spent by the refused attempt: at 10 s it allows one again,
    // which it would not before 20 s had the refused attempt spent it at 4 s.
    assert_eq!(
        store
            .take_rate_tokens(&[after], now + Duration::seconds(10))
            .expect("answered"),
        TakeOutcome::Allowed
    );
    assert_eq!(
        store
            .take_rate_tokens(&[strict], now + Duration::seconds(10))
            .expect("answered"),
        TakeOutcome::Allowed
    );
}

async fn sign_in_forwarded(
    state: &AppState,
    peer: &str,
    forwarded_for: &str,
    password: &str,
) -> u16 {
    let body = json!({ "username": "min-jun", "password": password });
    let mut request = api("POST", "/api/sessions", None, Some(&body));
    request.headers_mut().insert(
        "x-forwarded-for",
        forwarded_for.parse().expect("a header value"),
    );
    send(state, from(peer, request)).await.status.as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_address_has_its_own_limit() {
    let database = SharedDatabase::new();
    let proxy: std::net::IpAddr = "10.0.0.2".parse().expect("an address");
    let state = AppState::with_store(config(), database.open(), cheap_password_params())
        .with_trusted_proxies(&[proxy]);
    let learner = account(&state, "min-jun", Role::Learner).await;
    // A guesser behind the proxy spends the burst of their own address.
    for attempt in 0..10 {
        let status = sign_in_forwarded(&state, "10.0.0.2:4000", "203.0.113.5", "a guess").await;
        assert_eq!(status, 401, "attempt {attempt}");
    }
    let refused = sign_in_forwarded(&state, "10.0.0.2:4000", "203.0.113.5", "a guess").await;
    assert_eq!(refused, 429);
    // Writing another address before the proxy's entry changes nothing.
    let spoofed = sign_in_forwarded(
        &state,
        "10.0.0.2:4000",
        "198.51.100.1, 203.0.113.5",
        &learner.password,
    )
    .await;
    assert_eq!(spoofed, 429);
    // The learner, behind the same proxy at another address, signs in.
    let school = sign_in_forwarded(&state, "10.0.0.2:4001", "198.51.100.1", &learner.password);
    assert_eq!(school.await, 200);
    // From anyone but the proxy the header is ignored: varying it does not reset the count.
    for attempt in 0..10 {
        let forwarded = format!("192.0.2.{attempt}");
        let status = sign_in_forwarded(&state, "192.0.2.200:1", &forwarded, "a guess").await;
        assert_eq!(status, 401, "attempt {attempt}");
    }
    let varied = sign_in_forwarded(&state, "192.0.2.200:1", "192.0.2.99", "a guess").await;
    assert_eq!(varied, 429);
}

#[test]
#[ignore = "a measurement; run with --ignored --nocapture (on either engine)"]
fn measure_one_password_attempts_three_buckets() {
    let database = SharedDatabase::new();
    let store = database.open();
    let rounds: u32 = 500;
    let started = std::time::Instant::now();
    for round in 0..rounds {
        // A sign-in's three buckets (address, account and address, account), distinct each
        // round as under a flood of names.
        let takes: Vec<BucketTake> = (0..3_u8)
            .map(|limit| {
                let mut bucket = [limit; 32];
                bucket[..4].copy_from_slice(&round.to_be_bytes());
                BucketTake {
                    bucket,
                    interval_micros: 60_000_000,
                    tolerance_micros: 9 * 60_000_000,
                }
            })
            .collect();
        let outcome = store
            .take_rate_tokens(&takes, Utc::now())
            .expect("the database answers");
        assert_eq!(outcome, TakeOutcome::Allowed);
    }
    let each = started.elapsed() / rounds;
    eprintln!(
        "one password attempt's three shared buckets: {each:?} ({} engine, {rounds} rounds)",
        if xapi_support::engine::on_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
}
