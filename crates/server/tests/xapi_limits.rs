//! Per-account daily limits on stored statements, exact under concurrent pushes, and a full
//! disk answered with 507 and nothing stored (issue 15, item 13).

mod xapi_support;

use std::sync::Arc;

use baeum_core::sync::wire::{classify_push_response, PushOutcome};
use baeum_core::xapi::validate_statement;
use baeum_server::store::{DailyCharge, DailyLimits, NewStatement, Role, SqliteStore, StoreError};
use baeum_server::{AppState, Config};
use chrono::{NaiveDate, Utc};
use serde_json::{json, Value};
use xapi_support::{account, send, state, statement, xapi, Reply, TestAccount};

fn id(number: u32) -> String {
    format!("0190f0a4-7b1c-7d2e-8f30-{number:012x}")
}

/// A batch of `size` statements of `who`, numbered from `first`.
fn batch(state: &AppState, who: &TestAccount, first: u32, size: u32) -> Value {
    Value::Array(
        (first..first + size)
            .map(|number| {
                let mut body = statement(&who.actor(state), "hangul-1");
                body["id"] = json!(id(number));
                body
            })
            .collect(),
    )
}

async fn post(state: &AppState, who: &TestAccount, body: &Value) -> Reply {
    send(
        state,
        xapi("POST", "/xapi/statements", Some(&who.basic()), Some(body)),
    )
    .await
}

/// How many statements `who` can read (their own), following `more` links.
async fn stored_count(state: &AppState, who: &TestAccount) -> usize {
    let mut count = 0;
    let mut uri = "/xapi/statements?limit=200".to_owned();
    loop {
        let reply = send(state, xapi("GET", &uri, Some(&who.basic()), None)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        count += reply.body["statements"].as_array().map_or(0, Vec::len);
        match reply.body["more"].as_str() {
            Some(more) if !more.is_empty() => uri = more.to_owned(),
            _ => return count,
        }
    }
}

/// Sends every body at once from its own task and returns the replies in order.
async fn post_concurrently(state: &AppState, who: &TestAccount, bodies: Vec<Value>) -> Vec<Reply> {
    let tasks: Vec<_> = bodies
        .into_iter()
        .map(|body| {
            let state = state.clone();
            let authorization = who.basic();
            tokio::spawn(async move {
                send(
                    &state,
                    xapi(
                        "POST",
                        "/xapi/statements",
                        Some(&authorization),
                        Some(&body),
                    ),
                )
                .await
            })
        })
        .collect();
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.expect("the request task finished"));
    }
    replies
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_daily_statement_limit_is_exact_under_concurrent_pushes() {
    let state = state().with_daily_limits(DailyLimits {
        statements: 50,
        bytes: u64::MAX,
    });
    let learner = account(&state, "learner", Role::Learner).await;
    let classmate = account(&state, "classmate", Role::Learner).await;
    // 24 batches of 5 race for room for 10.
    let bodies: Vec<Value> = (0..24)
        .map(|index| batch(&state, &learner, index * 5, 5))
        .collect();
    let replies = post_concurrently(&state, &learner, bodies.clone()).await;

    let accepted: Vec<usize> = (0..replies.len())
        .filter(|&index| replies[index].status == 200)
        .collect();
    assert_eq!(accepted.len(), 10, "exactly the limit is stored");
    for reply in replies.iter().filter(|reply| reply.status != 200) {
        assert_eq!(reply.status, 429, "{}", reply.body);
        let wait: u64 = reply
            .header("retry-after")
            .and_then(|value| value.parse().ok())
            .expect("a retry-after in seconds");
        assert!(
            (1..=86_400).contains(&wait),
            "until the next utc day: {wait}"
        );
        assert!(
            reply.error().contains("at most 50 statements a day"),
            "{}",
            reply.error()
        );
        // The client keeps its outbox and tries later.
        assert!(matches!(
            classify_push_response(429, &reply.body.to_string()),
            PushOutcome::RetryLater { status: 429 }
        ));
    }
    assert_eq!(stored_count(&state, &learner).await, 50);

    // A retry of what was stored is still acknowledged: it stores nothing new.
    let again = post(&state, &learner, &bodies[accepted[0]]).await;
    assert_eq!(again.status, 200, "{}", again.body);
    // One statement more is refused; another account is not affected.
    assert_eq!(
        post(&state, &learner, &batch(&state, &learner, 1_000, 1))
            .await
            .status,
        429
    );
    assert_eq!(
        post(&state, &classmate, &batch(&state, &classmate, 2_000, 5))
            .await
            .status,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_daily_byte_limit_stops_an_account_under_concurrent_pushes() {
    // Room for a few statements of about 600 bytes each.
    let limit = 3_000;
    let state = state().with_daily_limits(DailyLimits {
        statements: u64::MAX,
        bytes: limit,
    });
    let learner = account(&state, "learner", Role::Learner).await;
    let bodies: Vec<Value> = (0..20)
        .map(|index| batch(&state, &learner, index, 1))
        .collect();
    let replies = post_concurrently(&state, &learner, bodies).await;
    let accepted = replies.iter().filter(|reply| reply.status == 200).count();
    let refused: Vec<&Reply> = replies.iter().filter(|reply| reply.status == 429).collect();
    assert_eq!(accepted + refused.len(), 20);
    assert!(accepted >= 1 && !refused.is_empty(), "{accepted} accepted");
    assert!(
        refused[0].error().contains("bytes"),
        "{}",
        refused[0].error()
    );
    // What was stored fits the limit: the stored bodies are at least as long as their JSON
    // read back.
    let page = send(
        &state,
        xapi(
            "GET",
            "/xapi/statements?limit=100",
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    let statements = page.body["statements"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(statements.len(), accepted);
    let stored_bytes: usize = statements.iter().map(|body| body.to_string().len()).sum();
    assert!(stored_bytes as u64 <= limit, "{stored_bytes} bytes stored");
}

#[tokio::test]
async fn a_full_disk_answers_507_stores_nothing_and_the_client_keeps_its_outbox() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let store = Arc::new(SqliteStore::open(directory.path()).expect("the database opens"));
    let config = Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: "/nonexistent/content".into(),
        data_dir: directory.path().to_owned(),
        transport: Default::default(),
    };
    let cheap = argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None).expect("params");
    let state = AppState::with_store(config, store.clone(), cheap);
    let learner = account(&state, "learner", Role::Learner).await;
    // SQLite's own size cap makes the database "disk" full for real: its writes fail with
    // SQLITE_FULL, as on a full file system.
    store.limit_size(192 * 1024).expect("the cap is set");

    let mut full = None;
    for round in 0..200_u32 {
        let body = batch(&state, &learner, round * 20, 20);
        let reply = post(&state, &learner, &body).await;
        if reply.status != 200 {
            full = Some((round, body, reply));
            break;
        }
    }
    let (round, body, reply) = full.expect("the database filled up");
    assert_eq!(reply.status, 507, "{}", reply.body);
    assert!(
        reply.error().contains("storage is full"),
        "{}",
        reply.error()
    );
    let stored = stored_count(&state, &learner).await;
    assert_eq!(
        stored,
        round as usize * 20,
        "nothing of the refused batch is stored"
    );
    for statement in body.as_array().expect("a batch") {
        let uri = format!(
            "/xapi/statements?statementId={}",
            statement["id"].as_str().unwrap_or_default()
        );
        let lookup = send(&state, xapi("GET", &uri, Some(&learner.basic()), None)).await;
        assert_eq!(lookup.status, 404);
    }
    // The engine keeps the statements and tries again later.
    assert!(matches!(
        classify_push_response(507, &reply.body.to_string()),
        PushOutcome::RetryLater { status: 507 }
    ));

    // Once there is room again, the same batch goes through.
    store
        .limit_size(64 * 1024 * 1024)
        .expect("the cap is raised");
    let retry = post(&state, &learner, &body).await;
    assert_eq!(retry.status, 200, "{}", retry.body);
    assert_eq!(stored_count(&state, &learner).await, stored + 20);
}

/// A statement ready for the store, as the handler prepares it.
fn new_statement(state: &AppState, who: &TestAccount, number: u32) -> NewStatement {
    let mut body = statement(&who.actor(state), "hangul-1");
    body["id"] = json!(id(number));
    let parsed = validate_statement(&body).expect("a valid statement");
    NewStatement {
        id: parsed.id.expect("an id"),
        stored: Utc::now(),
        actor_key: format!("account:{}", who.record.id),
        statement: parsed,
    }
}

#[tokio::test]
async fn usage_is_counted_per_utc_day_and_retries_are_free() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let limits = DailyLimits {
        statements: 2,
        bytes: u64::MAX,
    };
    let day = |text: &str| DailyCharge {
        account_id: learner.record.id,
        day: NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date"),
        limits,
    };
    let store = &state.store;
    let first = [
        new_statement(&state, &learner, 1),
        new_statement(&state, &learner, 2),
    ];
    store
        .insert_statements(&first, &day("2030-01-01"))
        .expect("two fit");
    // Sending the same two again stores nothing new, so it is not charged.
    store
        .insert_statements(&first, &day("2030-01-01"))
        .expect("a retry is free");
    match store.insert_statements(&[new_statement(&state, &learner, 3)], &day("2030-01-01")) {
        Err(StoreError::DailyLimitReached {
            used: 2, limit: 2, ..
        }) => {}
        other => panic!("expected the daily limit, got {other:?}"),
    }
    // The next UTC day starts from nothing.
    store
        .insert_statements(
            &[
                new_statement(&state, &learner, 3),
                new_statement(&state, &learner, 4),
            ],
            &day("2030-01-02"),
        )
        .expect("a new day");
}
