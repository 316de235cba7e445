//! Forwarding to another learning record store (issue 18, item 6), with a second baeum server
//! on a loopback port as the external store: what is pushed to the first arrives at the second
//! in stored order, exactly once, also when the second is down for a while, across a restart
//! of the forwarder, and under concurrent pushes; a refusal that needs a person (a wrong
//! credential, a different statement under the same id) stops forwarding and shows in the
//! admin's status instead of skipping anything; without an endpoint nothing is queued.
//!
//! Runs on the engine the suite runs on (`BAEUM_TEST_DATABASE_URL`, see `xapi_support`).

mod xapi_support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use baeum_server::forward::{self, Credential, ForwardSettings};
use baeum_server::store::{run_blocking, ForwardStatus, Role, Store};
use baeum_server::{app, cheap_password_params, AppState, Config};
use serde_json::{json, Value};
use uuid::Uuid;
use xapi_support::engine::SharedDatabase;
use xapi_support::{account, send, statement, xapi, TestAccount};

fn config() -> Config {
    Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: "/nonexistent/content".into(),
        data_dir: "/nonexistent/data".into(),
        transport: Default::default(),
    }
}

/// The external store: a baeum app on a loopback port, with the admin account the forwarder
/// signs in as. Dropping it stops the server.
struct External {
    state: AppState,
    admin: TestAccount,
    address: SocketAddr,
    server: Option<tokio::task::JoinHandle<()>>,
}

impl External {
    /// Creates the store and its admin, and picks a port, without serving yet (it is "down").
    async fn new() -> Self {
        let state = xapi_support::state();
        let admin = account(&state, "province", Role::Admin).await;
        let free = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let address = free.local_addr().expect("an address");
        drop(free);
        Self {
            state,
            admin,
            address,
            server: None,
        }
    }

    async fn start(&mut self) {
        let listener = tokio::net::TcpListener::bind(self.address)
            .await
            .expect("bind the external store's port");
        let service = app(self.state.clone()).into_make_service_with_connect_info::<SocketAddr>();
        self.server = Some(tokio::spawn(async move {
            let _ = axum::serve(listener, service).await;
        }));
    }

    fn endpoint(&self) -> String {
        format!("http://{}/xapi/", self.address)
    }

    fn credential(&self) -> Credential {
        Credential::parse(&format!(
            "{}:{}",
            self.admin.record.username, self.admin.password
        ))
        .expect("the admin's credential")
    }

    /// The statements the external store answers a query with, in its stored order (voided
    /// ones are left out of queries, as xAPI requires).
    async fn stored_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        let mut uri = "/xapi/statements?ascending=true&limit=500".to_owned();
        loop {
            let reply = send(
                &self.state,
                xapi("GET", &uri, Some(&self.admin.basic()), None),
            )
            .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            for statement in reply.body["statements"].as_array().expect("statements") {
                ids.push(statement["id"].as_str().expect("an id").to_owned());
            }
            match reply.body["more"].as_str() {
                Some(more) if !more.is_empty() => uri = more.to_owned(),
                _ => break,
            }
        }
        ids
    }
}

impl Drop for External {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

/// Settings patient enough for a test: short waits, so the endpoint being down costs
/// milliseconds.
fn quick_settings(external: &External) -> ForwardSettings {
    let mut settings =
        ForwardSettings::new(&external.endpoint(), external.credential()).expect("settings");
    settings.batch_size = 25;
    settings.idle_poll = Duration::from_millis(20);
    settings.backoff_start = Duration::from_millis(20);
    settings.backoff_cap = Duration::from_millis(200);
    settings.request_timeout = Duration::from_secs(10);
    settings.lease = Duration::from_secs(20);
    settings
}

/// The sending school: a store on `database` with forwarding to `external` switched on.
async fn school(database: &SharedDatabase, external: Option<&External>) -> AppState {
    let state = AppState::with_store(config(), database.open(), cheap_password_params());
    let endpoint = external.map(|external| quick_settings(external).statements_url.to_string());
    run_blocking(&state.store, move |store| {
        store.configure_forwarding(endpoint.as_deref())
    })
    .await
    .expect("configure forwarding");
    state
}

async fn status(store: &Arc<dyn Store>) -> ForwardStatus {
    run_blocking(store, |store| store.forward_status())
        .await
        .expect("the forwarding status")
}

/// Waits until nothing is queued, or fails after a while.
async fn until_drained(store: &Arc<dyn Store>) -> ForwardStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let status = status(store).await;
        if status.pending == 0 {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "forwarding did not finish: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until the status shows an error, or fails after a while.
async fn until_failed(store: &Arc<dyn Store>) -> ForwardStatus {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let status = status(store).await;
        if status.last_error.is_some() {
            return status;
        }
        assert!(Instant::now() < deadline, "no failure recorded: {status:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Pushes `count` statements of `learner` in one batch; returns their ids in order.
async fn push(state: &AppState, learner: &TestAccount, count: usize) -> Vec<String> {
    let actor = learner.actor(state);
    let batch: Vec<Value> = (0..count)
        .map(|index| {
            let mut statement = statement(&actor, &format!("lesson-{index}"));
            statement["id"] = json!(Uuid::now_v7().to_string());
            statement
        })
        .collect();
    let reply = send(
        state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!(batch)),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    batch
        .iter()
        .map(|statement| statement["id"].as_str().expect("an id").to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn statements_arrive_in_order_once_after_the_endpoint_was_down_and_across_a_restart() {
    let mut external = External::new().await;
    let database = SharedDatabase::new();
    let school_state = school(&database, Some(&external)).await;
    let learner = account(&school_state, "learner", Role::Learner).await;
    let forwarder =
        forward::spawn(school_state.store.clone(), quick_settings(&external)).expect("spawn");

    // The endpoint is not up yet: everything waits, and the failure shows.
    let mut pushed = Vec::new();
    for _ in 0..3 {
        pushed.extend(push(&school_state, &learner, 20).await);
    }
    // A voiding statement is a statement too, and goes in its place.
    let voided = pushed[3].clone();
    let voiding_id = Uuid::now_v7().to_string();
    let voiding = json!({
        "id": voiding_id,
        "actor": learner.actor(&school_state),
        "verb": { "id": "http://adlnet.gov/expapi/verbs/voided", "display": { "en": "voided" } },
        "object": { "objectType": "StatementRef", "id": voided },
    });
    let reply = send(
        &school_state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&voiding),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    pushed.push(voiding_id.clone());
    let down = until_failed(&school_state.store).await;
    assert_eq!(down.pending, 61, "{down:?}");
    assert_eq!(down.forwarded, 0);
    assert!(
        down.last_error
            .as_deref()
            .is_some_and(|error| error.contains("cannot reach")),
        "{down:?}"
    );

    // Up: all arrive, in stored order, once; the error clears.
    external.start().await;
    let drained = until_drained(&school_state.store).await;
    assert_eq!(drained.forwarded, 61);
    assert_eq!(drained.last_error, None);
    // What a query answers: all but the voided statement.
    let answered = |pushed: &[String]| -> Vec<String> {
        pushed.iter().filter(|id| **id != voided).cloned().collect()
    };
    assert_eq!(external.stored_ids().await, answered(&pushed));
    let reply = send(
        &external.state,
        xapi(
            "GET",
            &format!("/xapi/statements?voidedStatementId={voided}"),
            Some(&external.admin.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "the voiding was forwarded: {}",
        reply.body
    );

    // The school's server stops (the forwarder with it) while more is pushed, then starts
    // again on the same database: it resumes from its outbox.
    forwarder.stop().await;
    pushed.extend(push(&school_state, &learner, 7).await);
    let restarted = school(&database, Some(&external)).await;
    assert_eq!(status(&restarted.store).await.pending, 7);
    let forwarder =
        forward::spawn(restarted.store.clone(), quick_settings(&external)).expect("spawn");
    let drained = until_drained(&restarted.store).await;
    assert_eq!(drained.forwarded, 68);
    assert_eq!(external.stored_ids().await, answered(&pushed));

    // Stopped while the school pushes, and up again: nothing lost, nothing doubled.
    if let Some(server) = external.server.take() {
        server.abort();
        let _ = server.await;
    }
    pushed.extend(push(&restarted, &learner, 5).await);
    until_failed(&restarted.store).await;
    external.start().await;
    until_drained(&restarted.store).await;
    assert_eq!(external.stored_ids().await, answered(&pushed));
    forwarder.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nothing_is_lost_when_pushes_run_concurrently_with_forwarding() {
    let mut external = External::new().await;
    external.start().await;
    let database = SharedDatabase::new();
    let school_state = school(&database, Some(&external)).await;
    let forwarder =
        forward::spawn(school_state.store.clone(), quick_settings(&external)).expect("spawn");
    let mut learners = Vec::new();
    for index in 0..6 {
        learners.push(account(&school_state, &format!("learner-{index}"), Role::Learner).await);
    }
    let mut pushes = Vec::new();
    for learner in learners {
        let state = school_state.clone();
        pushes.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for _ in 0..8 {
                ids.extend(push(&state, &learner, 10).await);
            }
            ids
        }));
    }
    let mut pushed = Vec::new();
    for task in pushes {
        pushed.extend(task.await.expect("a pushing task"));
    }
    let drained = until_drained(&school_state.store).await;
    assert_eq!(drained.forwarded, 480);
    let mut arrived = external.stored_ids().await;
    assert_eq!(arrived.len(), 480, "each statement arrived once");
    arrived.sort();
    pushed.sort();
    assert_eq!(arrived, pushed);
    forwarder.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_endpoint_nothing_is_queued() {
    let database = SharedDatabase::new();
    let school_state = school(&database, None).await;
    let learner = account(&school_state, "learner", Role::Learner).await;
    push(&school_state, &learner, 10).await;
    assert_eq!(database.count_rows("forward_outbox"), 0);
    let status = status(&school_state.store).await;
    assert_eq!(status.endpoint, None);
    assert_eq!(status.pending, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_wrong_credential_stops_forwarding_and_shows_in_the_admin_status() {
    let mut external = External::new().await;
    external.start().await;
    let database = SharedDatabase::new();
    let school_state = school(&database, Some(&external)).await;
    let learner = account(&school_state, "learner", Role::Learner).await;
    let admin = account(&school_state, "school-admin", Role::Admin).await;
    let mut settings = quick_settings(&external);
    settings.credential = Credential::parse("province:not-the-password").expect("a credential");
    let forwarder = forward::spawn(school_state.store.clone(), settings).expect("spawn");
    push(&school_state, &learner, 3).await;
    let stopped = until_failed(&school_state.store).await;
    assert_eq!(stopped.pending, 3, "nothing was skipped: {stopped:?}");
    let error = stopped.last_error.unwrap_or_default();
    assert!(error.contains("401"), "{error}");

    let reply = send(
        &school_state,
        xapi("GET", "/api/admin/forwarding", Some(&admin.basic()), None),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["pending"], 3);
    assert_eq!(
        reply.body["endpoint"],
        format!("{}statements", external.endpoint())
    );
    assert!(reply.body["last_error"]
        .as_str()
        .is_some_and(|e| e.contains("401")));
    let reply = send(
        &school_state,
        xapi("GET", "/api/admin/forwarding", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(external.stored_ids().await.is_empty());
    forwarder.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_different_statement_under_the_same_id_at_the_endpoint_stops_forwarding() {
    let mut external = External::new().await;
    external.start().await;
    let database = SharedDatabase::new();
    let school_state = school(&database, Some(&external)).await;
    let learner = account(&school_state, "learner", Role::Learner).await;
    // The endpoint already holds another statement under the id the school will send.
    let id = Uuid::now_v7().to_string();
    let mut theirs = statement(&learner.actor(&school_state), "their-lesson");
    theirs["id"] = json!(id);
    let reply = send(
        &external.state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&external.admin.basic()),
            Some(&theirs),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let mut ours = statement(&learner.actor(&school_state), "our-lesson");
    ours["id"] = json!(id);
    let reply = send(
        &school_state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&ours),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let forwarder =
        forward::spawn(school_state.store.clone(), quick_settings(&external)).expect("spawn");
    let stopped = until_failed(&school_state.store).await;
    assert_eq!(stopped.pending, 1, "the statement is kept, not skipped");
    let error = stopped.last_error.unwrap_or_default();
    assert!(
        error.contains("409") && error.contains("different statement"),
        "{error}"
    );
    forwarder.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_account_takes_its_unsent_statements_out_of_the_queue() {
    let external = External::new().await;
    let database = SharedDatabase::new();
    let school_state = school(&database, Some(&external)).await;
    let leaving = account(&school_state, "leaving", Role::Learner).await;
    let staying = account(&school_state, "staying", Role::Learner).await;
    push(&school_state, &leaving, 4).await;
    push(&school_state, &staying, 2).await;
    assert_eq!(status(&school_state.store).await.pending, 6);
    let reply = send(
        &school_state,
        xapi_support::api(
            "DELETE",
            "/api/me",
            Some(&leaving.basic()),
            Some(&json!({ "password": leaving.password })),
        ),
    )
    .await;
    assert!(reply.status.is_success(), "{} {}", reply.status, reply.body);
    assert_eq!(status(&school_state.store).await.pending, 2);
    assert_eq!(database.count_rows("forward_outbox"), 2);
}

/// A `baeum-server` process this test started, killed when the test ends whatever happened.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_server_binary_forwards_with_its_flags_and_refuses_a_missing_credential() {
    let mut external = External::new().await;
    external.start().await;
    let directory = tempfile::tempdir().expect("a temporary directory");
    let database = xapi_support::engine::Reopenable::new();
    let binary = env!("CARGO_BIN_EXE_baeum-server");

    // The credential never comes from the command line, and a missing file is named.
    let refused = database
        .for_command(
            std::process::Command::new(binary).args(["--forward-to", &external.endpoint()]),
        )
        .env_remove("BAEUM_FORWARD_CREDENTIAL")
        .output()
        .expect("run the server");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--forward-credential-file"));
    let missing = directory.path().join("missing");
    let refused = database
        .for_command(std::process::Command::new(binary).args([
            "--forward-to".as_ref(),
            external.endpoint().as_ref(),
            "--forward-credential-file".as_ref(),
            missing.as_os_str(),
        ]))
        .output()
        .expect("run the server");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("cannot read the forwarding credential"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    let credential = directory.path().join("credential");
    std::fs::write(
        &credential,
        format!(
            "{}:{}\n",
            external.admin.record.username, external.admin.password
        ),
    )
    .expect("write the credential");
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = free.local_addr().expect("an address");
    drop(free);
    let data = directory.path().join("data");
    let mut command = std::process::Command::new(binary);
    command
        .args([
            "--addr",
            &address.to_string(),
            "--seed-demo",
            "--forward-to",
        ])
        .arg(external.endpoint())
        .arg("--forward-credential-file")
        .arg(&credential)
        .arg("--data")
        .arg(&data)
        .args(database.arguments())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let _server = Running(
        database
            .for_command(&mut command)
            .spawn()
            .expect("start the server"),
    );

    let client = reqwest::Client::new();
    let statement_id = Uuid::now_v7().to_string();
    let deadline = Instant::now() + Duration::from_secs(30);
    // The demo learner's actor: its account id is the server's, so ask it.
    let me: Value = loop {
        let answer = client
            .get(format!("http://{address}/api/me"))
            .basic_auth("demo-learner", Some("baeum-learner"))
            .send()
            .await;
        if let Ok(answer) = answer {
            if answer.status().is_success() {
                let text = answer.text().await.expect("the account");
                break serde_json::from_str(&text).expect("the account as JSON");
            }
        }
        assert!(Instant::now() < deadline, "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let actor = json!({ "objectType": "Agent", "account": {
        "homePage": baeum_server::DEFAULT_ACCOUNT_HOME_PAGE,
        "name": me["id"].as_str().expect("an account id"),
    }});
    let mut pushed = statement(&actor, "through-the-binary");
    pushed["id"] = json!(statement_id);
    let answer = client
        .post(format!("http://{address}/xapi/statements"))
        .basic_auth("demo-learner", Some("baeum-learner"))
        .header("X-Experience-API-Version", "2.0.0")
        .header("Content-Type", "application/json")
        .body(pushed.to_string())
        .send()
        .await
        .expect("push");
    assert!(answer.status().is_success(), "{}", answer.status());
    loop {
        if external.stored_ids().await == vec![statement_id.clone()] {
            break;
        }
        assert!(Instant::now() < deadline, "the statement was not forwarded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A measurement, not a check: how long 5,000 statements (batches of 100) take to push with
/// and without the outbox filling, and to forward once the endpoint is up.
/// `cargo test -p baeum-server --test forwarding -- --ignored --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "a measurement; run by hand"]
async fn measure_pushing_and_forwarding_five_thousand_statements() {
    let mut external = External::new().await;
    for forwarding in [false, true] {
        let database = SharedDatabase::new();
        let school_state = school(&database, forwarding.then_some(&external)).await;
        let learner = account(&school_state, "learner", Role::Learner).await;
        let started = Instant::now();
        for _ in 0..50 {
            push(&school_state, &learner, 100).await;
        }
        println!(
            "pushing 5000 statements with forwarding {}: {:?}",
            if forwarding { "on" } else { "off" },
            started.elapsed()
        );
        if forwarding {
            external.start().await;
            let mut settings = quick_settings(&external);
            settings.batch_size = 100;
            let started = Instant::now();
            let forwarder = forward::spawn(school_state.store.clone(), settings).expect("spawn");
            until_drained(&school_state.store).await;
            println!("forwarding them: {:?}", started.elapsed());
            forwarder.stop().await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_senders_lease_runs_out_and_another_takes_over() {
    let mut external = External::new().await;
    external.start().await;
    let database = SharedDatabase::new();
    let school_state = school(&database, Some(&external)).await;
    let learner = account(&school_state, "learner", Role::Learner).await;
    // An instance killed while holding the lease, for another second.
    let killed = Uuid::new_v4();
    let now = chrono::Utc::now().timestamp_micros();
    let taken = run_blocking(&school_state.store, move |store| {
        store.take_forward_lease(killed, now, now + 1_000_000)
    })
    .await
    .expect("take the lease");
    assert!(taken);
    let pushed = push(&school_state, &learner, 5).await;
    let forwarder =
        forward::spawn(school_state.store.clone(), quick_settings(&external)).expect("spawn");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        status(&school_state.store).await.pending,
        5,
        "nothing is sent while another holds the lease"
    );
    until_drained(&school_state.store).await;
    assert!(now + 1_000_000 <= chrono::Utc::now().timestamp_micros());
    assert_eq!(external.stored_ids().await, pushed);
    forwarder.stop().await;
}
