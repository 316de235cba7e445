//! `X-Experience-API-Consistent-Through` under concurrent writers (issue 18, items 3 and 4):
//! every statement stored up to the time a read names is in that read, while other pushes are
//! written at the same moment, on either engine, and across two server instances on one
//! PostgreSQL database, where one instance cannot see the other's batches in flight.

mod xapi_support;

use std::collections::{HashMap, HashSet};

use baeum_server::store::Role;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use xapi_support::{account, send, state, statement, xapi};

const WRITERS: u32 = 6;
const ROUNDS: u32 = 11;
const BATCH: u32 = 3;

fn id(number: u32) -> String {
    format!("0190f0a4-7b1c-7d2e-8f30-{number:012x}")
}

fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|error| panic!("{text:?}: {error}"))
        .with_timezone(&Utc)
}

/// One page of the learner's statements (all of them fit): the consistent-through time and
/// each statement's id and stored time.
async fn read_all(
    state: &baeum_server::AppState,
    authorization: &str,
) -> (DateTime<Utc>, HashMap<String, DateTime<Utc>>) {
    let reply = send(
        state,
        xapi(
            "GET",
            "/xapi/statements?limit=200",
            Some(authorization),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let through = time(
        reply
            .header("x-experience-api-consistent-through")
            .expect("the header"),
    );
    let statements = reply.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| {
            (
                statement["id"].as_str().unwrap_or_default().to_owned(),
                time(statement["stored"].as_str().unwrap_or_default()),
            )
        })
        .collect();
    (through, statements)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_statement_stored_up_to_consistent_through_is_in_the_read() {
    let state = state();
    check_reads_against_writes(&[state]).await;
}

/// Two instances behind one proxy (`xapi_support::two_instances`): pushes and reads land on
/// either.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reads_through_one_instance_are_consistent_with_writes_through_another() {
    let instances = xapi_support::two_instances();
    check_reads_against_writes(&instances).await;
}

/// Writers push batches through the instances in turn while reads, also in turn, collect
/// what each read saw and the consistent-through time it named; then every statement stored
/// up to a read's time must be in that read.
async fn check_reads_against_writes(instances: &[baeum_server::AppState]) {
    let state = &instances[0];
    let learner = account(state, "learner", Role::Learner).await;
    let actor = learner.actor(state);
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let state = instances[writer as usize % instances.len()].clone();
            let (authorization, actor) = (learner.basic(), actor.clone());
            tokio::spawn(async move {
                for round in 0..ROUNDS {
                    let first = (writer * ROUNDS + round) * BATCH;
                    let body: Vec<Value> = (first..first + BATCH)
                        .map(|number| {
                            let mut body = statement(&actor, "hangul-1");
                            body["id"] = json!(id(number));
                            body
                        })
                        .collect();
                    let reply = send(
                        &state,
                        xapi(
                            "POST",
                            "/xapi/statements",
                            Some(&authorization),
                            Some(&Value::Array(body)),
                        ),
                    )
                    .await;
                    assert_eq!(reply.status, 200, "{}", reply.body);
                }
            })
        })
        .collect();

    let mut reads: Vec<(DateTime<Utc>, HashSet<String>)> = Vec::new();
    while !writers.iter().all(|writer| writer.is_finished()) {
        let reader = &instances[reads.len() % instances.len()];
        let (through, seen) = read_all(reader, &learner.basic()).await;
        reads.push((through, seen.into_keys().collect()));
    }
    for writer in writers {
        writer.await.expect("the writer finished");
    }
    let (through, stored) = read_all(state, &learner.basic()).await;
    assert_eq!(stored.len(), (WRITERS * ROUNDS * BATCH) as usize);
    assert!(
        stored.values().all(|at| *at <= through),
        "after the writes, everything is consistent"
    );
    reads.push((through, stored.keys().cloned().collect()));

    for (index, (through, seen)) in reads.iter().enumerate() {
        let missing: Vec<_> = stored
            .iter()
            .filter(|(id, at)| **at <= *through && !seen.contains(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "read {index} said it was consistent through {through} but missed {missing:?}"
        );
    }
}
