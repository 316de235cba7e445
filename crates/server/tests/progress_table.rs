//! The progress the store keeps as statements arrive (issue 18, item 5), on whichever engine
//! the tests run on: after a generated log of answers, views and completions, sent out of order
//! in batches with retries, voidings of stored statements and voidings that arrive before
//! their target, the kept progress equals core's fold of every learner's stored statements
//! done again from scratch; and a database from before the progress tables gets them filled
//! from its statements when it is opened.

mod xapi_support;

use std::collections::BTreeMap;

use baeum_core::progress::LearnerReport;
use baeum_core::record::{item_activity_id, lesson_activity_id, VERB_ANSWERED, VERB_COMPLETED};
use baeum_server::store::{Role, StatementQuery, Store};
use baeum_server::{AppState, Config};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use uuid::Uuid;
use xapi_support::engine::Reopenable;
use xapi_support::{account, send, state, xapi, TestAccount};

const COURSE: &str = "hangul";
const LESSONS: [&str; 3] = ["l1", "l2", "l3"];
const ITEMS: [&str; 4] = ["a", "b", "c", "d"];
const VERB_EXPERIENCED: &str = "http://adlnet.gov/expapi/verbs/experienced";

/// A generated log for one learner: learning statements and voidings, in the order made.
fn generated_log(random: &mut StdRng, actor: &Value, length: usize) -> Vec<Value> {
    let mut log: Vec<Value> = Vec::with_capacity(length);
    let mut ids: Vec<Uuid> = Vec::new();
    for _ in 0..length {
        let id = Uuid::new_v4();
        let lesson = LESSONS[random.gen_range(0..LESSONS.len())];
        let item = ITEMS[random.gen_range(0..ITEMS.len())];
        // Minutes within a month, in no particular order: devices merge late.
        let minute = random.gen_range(0..30 * 24 * 60);
        let timestamp = format!(
            "2026-11-{:02}T{:02}:{:02}:00.000+09:00",
            1 + minute / (24 * 60),
            minute / 60 % 24,
            minute % 60
        );
        let mut statement = match random.gen_range(0..10) {
            0..=4 => json!({
                "verb": { "id": VERB_ANSWERED },
                "object": { "id": item_activity_id(COURSE, lesson, item) },
                "result": { "success": random.gen_bool(0.6) },
            }),
            5 => json!({
                // No success flag: counts as wrong.
                "verb": { "id": VERB_ANSWERED },
                "object": { "id": item_activity_id(COURSE, lesson, item) },
            }),
            6 => json!({
                "verb": { "id": VERB_EXPERIENCED },
                "object": { "id": item_activity_id(COURSE, lesson, item) },
            }),
            7 => json!({
                "verb": { "id": VERB_COMPLETED },
                "object": { "id": lesson_activity_id(COURSE, lesson) },
                "result": { "score": { "scaled": f64::from(random.gen_range(0..=20_u8)) / 20.0 } },
            }),
            _ => {
                // A voiding of a statement made before, or of one made later (it may arrive
                // first), or of one that never comes.
                let target = match random.gen_range(0..3) {
                    0 if !ids.is_empty() => ids[random.gen_range(0..ids.len())],
                    1 => Uuid::new_v4(),
                    _ => ids.last().copied().unwrap_or_else(Uuid::new_v4),
                };
                json!({
                    "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
                    "object": { "objectType": "StatementRef", "id": target.to_string() },
                })
            }
        };
        statement["id"] = json!(id.to_string());
        statement["actor"] = actor.clone();
        // Some statements come without a timestamp: the server stamps them when it stores them.
        if random.gen_range(0..8) != 0 {
            statement["timestamp"] = json!(timestamp);
        }
        ids.push(id);
        log.push(statement);
    }
    // A few voidings aim at statements made after them in the log.
    for position in 0..ids.len() / 10 {
        let later = random.gen_range(position..ids.len());
        log.push(json!({
            "id": Uuid::new_v4().to_string(),
            "actor": actor,
            "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
            "object": { "objectType": "StatementRef", "id": ids[later].to_string() },
        }));
    }
    log
}

/// Sends a learner's log shuffled, in batches of 1 to 30, a batch sent again now and then (a
/// retry after a lost answer).
async fn send_shuffled(
    state: &AppState,
    random: &mut StdRng,
    learner: &TestAccount,
    mut log: Vec<Value>,
) {
    log.shuffle(random);
    let mut rest = log.as_slice();
    while !rest.is_empty() {
        let size = random.gen_range(1..=30).min(rest.len());
        let (batch, after) = rest.split_at(size);
        rest = after;
        let body = Value::Array(batch.to_vec());
        // A statement sent without a timestamp is stamped when stored, so only batches whose
        // statements all carry one are the same statements when sent again.
        let all_timed = batch
            .iter()
            .all(|statement| statement.get("timestamp").is_some());
        let times = if all_timed && random.gen_range(0..5) == 0 {
            2
        } else {
            1
        };
        for _ in 0..times {
            let reply = send(
                state,
                xapi(
                    "POST",
                    "/xapi/statements",
                    Some(&learner.basic()),
                    Some(&body),
                ),
            )
            .await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
    }
}

/// Every actor's progress folded again from scratch from their stored, non-voided statements.
fn refolded(store: &dyn Store) -> BTreeMap<String, LearnerReport> {
    let stored = store
        .query_statements(&StatementQuery {
            ascending: true,
            limit: usize::MAX,
            ..StatementQuery::default()
        })
        .expect("the statements read");
    let mut by_actor: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for statement in stored {
        let body: Value = serde_json::from_str(&statement.body).expect("a stored body is JSON");
        by_actor.entry(statement.actor_key).or_default().push(body);
    }
    by_actor
        .into_iter()
        .map(|(actor_key, statements)| (actor_key, LearnerReport::from_statements(&statements)))
        .filter(|(_, report)| *report != LearnerReport::default())
        .collect()
}

/// The progress the store keeps for the same actors.
fn kept(store: &dyn Store, actor_keys: Vec<String>) -> BTreeMap<String, LearnerReport> {
    store
        .learner_reports(&actor_keys)
        .expect("the kept progress reads")
}

fn actor_keys(store: &dyn Store) -> Vec<String> {
    let stored = store
        .query_statements(&StatementQuery {
            limit: usize::MAX,
            ..StatementQuery::default()
        })
        .expect("the statements read");
    let mut keys: Vec<String> = stored
        .into_iter()
        .map(|statement| statement.actor_key)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

#[tokio::test]
async fn kept_progress_equals_a_full_refold_after_shuffled_batches_retries_and_voidings() {
    let state = state();
    let mut random = StdRng::seed_from_u64(18_05);
    let learners = [
        account(&state, "first-learner", Role::Learner).await,
        account(&state, "second-learner", Role::Learner).await,
    ];
    for round in 0..3 {
        for learner in &learners {
            let log = generated_log(&mut random, &learner.actor(&state), 80);
            send_shuffled(&state, &mut random, learner, log).await;
        }
        let store = state.store.as_ref();
        let expected = refolded(store);
        assert_eq!(
            expected.len(),
            learners.len(),
            "round {round}: both learners learned"
        );
        assert_eq!(kept(store, actor_keys(store)), expected, "round {round}");
    }
}

fn config(directory: &std::path::Path) -> Config {
    Config {
        dist_dir: directory.join("dist"),
        content_dir: directory.join("content"),
        data_dir: directory.join("data"),
        transport: Default::default(),
    }
}

#[tokio::test]
async fn opening_a_database_from_before_the_progress_tables_fills_them_from_its_statements() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let database = Reopenable::new();
    let mut random = StdRng::seed_from_u64(5);
    let expected = {
        let state = database.open(config(directory.path()));
        let learner = account(&state, "learner", Role::Learner).await;
        let log = generated_log(&mut random, &learner.actor(&state), 120);
        send_shuffled(&state, &mut random, &learner, log).await;
        refolded(state.store.as_ref())
    };
    assert_eq!(expected.len(), 1);
    database.undo_progress_migration(&config(directory.path()).data_dir);
    let state = database.open(config(directory.path()));
    let store = state.store.as_ref();
    assert_eq!(kept(store, actor_keys(store)), expected);
}
