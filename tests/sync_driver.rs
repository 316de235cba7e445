//! Browser tests of the sync driver, the account calls and their panels, against a scripted
//! server that stands in for the network through the `Transport` trait, and of the home
//! screen's digest of the log the driver records into. Each test opens its own database and
//! stops its driver at the end, because all tests share one page.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

mod browser_support;

use baeum_core::progress::ProgressDigest;
use baeum_core::record::{account_actor, guest_actor};
use baeum_core::sync::{
    parse_timestamp_ms, BackoffPolicy, ClockOffset, HttpResponse, SyncActivity, SyncConfig,
};
use baeum_web::account::{self, AccountError, AccountPanel};
use baeum_web::chunks::ChunkLoadError;
use baeum_web::http::{gzip, HttpError, Method};
use baeum_web::pages::account::AccountPage;
use baeum_web::progress_view::{fold_whole_log, load_digest, StandingError, WholeLogFold};
use baeum_web::sync_driver::{local_timestamp, provide_sync, SyncHandle, SyncOptions};
use baeum_web::sync_status::SyncStatusPanel;
use baeum_web::sync_transport::{FetchTransport, Transport, TransportFuture, TransportRequest};
use browser_support::{fresh_node, pause};
use futures::FutureExt;
use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const DATE_HEADER: &str = "Mon, 23 Nov 2026 08:00:00 GMT";

/// What the scripted server holds and has been asked.
#[derive(Default)]
struct ServerState {
    reachable: bool,
    requests: Vec<TransportRequest>,
    /// Statements stored, by id, with their `stored` time.
    statements: BTreeMap<String, Value>,
    /// Accounts by username: (password, account id).
    accounts: BTreeMap<String, (String, Uuid)>,
    /// When set, pushes are answered with this status and body instead of being stored.
    push_refusal: Option<(u16, String)>,
    /// When set, pushes are refused with a 400 naming every statement of the batch with this
    /// reason, as baeum's server names invalid statements.
    invalid_reason: Option<String>,
    /// When set, the first pull page points to this `more` link.
    more_link: Option<String>,
    next_stored_ms: i64,
}

/// A fake of baeum's server, just enough of it for the sync driver and the account calls.
#[derive(Clone, Default)]
struct FakeServer {
    state: Rc<RefCell<ServerState>>,
}

const TOKEN_PREFIX: &str = "token-for-";

impl FakeServer {
    fn new() -> Self {
        let server = Self::default();
        server.state.borrow_mut().reachable = true;
        server.state.borrow_mut().next_stored_ms = 1_700_000_000_000;
        server
    }

    fn with_account(self, username: &str, password: &str) -> Self {
        self.state.borrow_mut().accounts.insert(
            username.to_owned(),
            (
                password.to_owned(),
                Uuid::from_u128(username.len() as u128 + 1000),
            ),
        );
        self
    }

    fn account_id(&self, username: &str) -> Uuid {
        self.state.borrow().accounts[username].1
    }

    fn set_reachable(&self, reachable: bool) {
        self.state.borrow_mut().reachable = reachable;
    }

    fn requests_to(&self, method: Method, path_start: &str) -> Vec<TransportRequest> {
        self.state
            .borrow()
            .requests
            .iter()
            .filter(|request| request.method == method && request.url.starts_with(path_start))
            .cloned()
            .collect()
    }

    fn pushes(&self) -> Vec<TransportRequest> {
        self.requests_to(Method::Post, "/xapi/statements")
    }

    fn stored(&self) -> BTreeMap<String, Value> {
        self.state.borrow().statements.clone()
    }

    /// Puts a statement on the server as if another device had pushed it.
    fn store_from_another_device(&self, statement: Value) {
        let mut state = self.state.borrow_mut();
        let id = statement["id"].as_str().unwrap_or_default().to_owned();
        state.next_stored_ms += 1_000;
        state.statements.insert(id, statement);
    }

    fn session_json(&self, username: &str) -> Value {
        let id = self.account_id(username);
        json!({
            "token": format!("{TOKEN_PREFIX}{username}"),
            "expires_at": "2026-12-23T08:00:00Z",
            "account": {
                "id": id, "username": username, "role": "learner",
                "created_at": "2026-11-23T08:00:00Z", "actor": account_actor(id),
            },
        })
    }

    fn answer(&self, request: &TransportRequest) -> Result<HttpResponse, HttpError> {
        let respond = |status: u16, body: Value| HttpResponse {
            status,
            body: body.to_string(),
            date: Some(DATE_HEADER.to_owned()),
            consistent_through: None,
        };
        let body: Value = request
            .body
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or(Value::Null);
        let signed_in = request
            .bearer_token
            .as_deref()
            .is_some_and(|token| token.starts_with(TOKEN_PREFIX));
        let path = request.url.split('?').next().unwrap_or_default();
        match (request.method, path) {
            (Method::Post, "/api/sessions") => {
                let username = body["username"].as_str().unwrap_or_default();
                let known = self.state.borrow().accounts.get(username).cloned();
                match known {
                    Some((password, _)) if body["password"] == json!(password) => {
                        Ok(respond(200, self.session_json(username)))
                    }
                    _ => Ok(respond(401, json!({"error": "wrong username or password"}))),
                }
            }
            (Method::Post, "/api/accounts") => {
                let username = body["username"].as_str().unwrap_or_default().to_owned();
                if self.state.borrow().accounts.contains_key(&username) {
                    return Ok(respond(409, json!({"error": "username is already taken"})));
                }
                let password = body["password"].as_str().unwrap_or_default().to_owned();
                if password.chars().count() < 8 {
                    return Ok(respond(
                        400,
                        json!({"error": "password must have at least 8 characters"}),
                    ));
                }
                let id = baeum_web::uuid_v7::new_v7();
                self.state
                    .borrow_mut()
                    .accounts
                    .insert(username.clone(), (password, id));
                Ok(respond(201, json!({"id": id, "username": username})))
            }
            (Method::Delete, "/api/sessions/current") => Ok(respond(204, Value::Null)),
            (_, "/xapi/statements") if !request.xapi => {
                Ok(respond(400, json!({"error": "missing version header"})))
            }
            (_, "/xapi/statements") if !signed_in => Ok(respond(401, json!({"error": "sign in"}))),
            (Method::Post, "/xapi/statements") => {
                if let Some((status, refusal)) = self.state.borrow().push_refusal.clone() {
                    return Ok(HttpResponse {
                        status,
                        body: refusal,
                        date: Some(DATE_HEADER.to_owned()),
                        consistent_through: None,
                    });
                }
                let batch = body.as_array().cloned().unwrap_or_default();
                if let Some(reason) = self.state.borrow().invalid_reason.clone() {
                    let invalid: Vec<Value> = batch
                        .iter()
                        .map(|statement| json!({"id": statement["id"], "reason": reason}))
                        .collect();
                    return Ok(respond(
                        400,
                        json!({"error": "invalid statements", "invalid": invalid}),
                    ));
                }
                // Like the real server, a learner may only write statements about themself.
                let username = request
                    .bearer_token
                    .as_deref()
                    .and_then(|token| token.strip_prefix(TOKEN_PREFIX))
                    .unwrap_or_default();
                let caller = account_actor(self.account_id(username));
                if batch
                    .iter()
                    .any(|statement| statement["actor"] != json!(caller))
                {
                    return Ok(respond(403, json!({"error": "not your statement"})));
                }
                let mut ids = Vec::new();
                for statement in batch {
                    let id = statement["id"].as_str().unwrap_or_default().to_owned();
                    ids.push(id.clone());
                    self.state.borrow_mut().statements.insert(id, statement);
                }
                Ok(respond(200, json!(ids)))
            }
            (Method::Get, "/xapi/statements") => {
                let stored_time = "2026-11-23T07:59:00.000Z";
                let statements: Vec<Value> = self
                    .stored()
                    .into_values()
                    .map(|mut statement| {
                        statement["stored"] = json!(stored_time);
                        statement
                    })
                    .collect();
                let more = self.state.borrow_mut().more_link.take().unwrap_or_default();
                Ok(HttpResponse {
                    status: 200,
                    body: json!({"statements": statements, "more": more}).to_string(),
                    date: Some(DATE_HEADER.to_owned()),
                    consistent_through: Some("2026-11-23T08:00:00.000Z".to_owned()),
                })
            }
            _ => Ok(respond(404, json!({"error": "no such route"}))),
        }
    }
}

impl Transport for FakeServer {
    fn send(&self, request: TransportRequest) -> TransportFuture {
        let server = self.clone();
        async move {
            if !server.state.borrow().reachable {
                return Err(HttpError::Network("the fake network is down".to_owned()));
            }
            server.state.borrow_mut().requests.push(request.clone());
            server.answer(&request)
        }
        .boxed_local()
    }
}

fn test_options(test: &str) -> SyncOptions {
    SyncOptions {
        database_name: format!("baeum-sync-test-{test}-{}", baeum_web::uuid_v7::new_v7()),
        base_url: String::new(),
        config: SyncConfig {
            record_debounce_ms: 0,
            request_timeout_ms: 5_000,
            backoff: BackoffPolicy {
                initial_delay_ms: 50,
                max_delay_ms: 200,
            },
            ..SyncConfig::default()
        },
        seed: 7,
    }
}

fn start(test: &str, server: &FakeServer) -> SyncHandle {
    SyncHandle::start(test_options(test), Rc::new(server.clone()))
}

/// Polls `check` until it holds, failing the test after five seconds.
async fn eventually<F, Fut>(what: &str, check: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = bool>,
{
    for _ in 0..250 {
        if check().await {
            return;
        }
        pause(20).await;
    }
    panic!("timed out waiting until {what}");
}

fn dispatch_window_event(name: &str) {
    let event = web_sys::Event::new(name).expect("an event");
    web_sys::window()
        .expect("a window")
        .dispatch_event(&event)
        .expect("dispatch");
}

fn answer_statement() -> Value {
    json!({
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "https://baeum.invalid/activities/course/hangul/lesson/1/item/a"},
        "result": {"success": true},
    })
}

async fn outbox_len(sync: SyncHandle) -> usize {
    let database = sync.database().await.expect("database");
    database.outbox().await.expect("outbox").len()
}

#[wasm_bindgen_test]
async fn a_statement_recorded_offline_is_pushed_once_when_the_device_comes_online() {
    let server = FakeServer::new().with_account("minji", "password1");
    let sync = start("offline", &server);
    account::sign_in(sync, "minji", "password1")
        .await
        .expect("sign in");
    eventually("the first sync is done", || async {
        sync.status
            .get_untracked()
            .last_successful_sync_ms
            .is_some()
    })
    .await;

    dispatch_window_event("offline");
    server.set_reachable(false);
    sync.record(answer_statement()).await.expect("recorded");
    // The statement is durable before `record` returned.
    assert_eq!(outbox_len(sync).await, 1);
    pause(200).await;
    assert_eq!(server.pushes().len(), 0);
    let offline_status = sync.status.get_untracked();
    assert_eq!(offline_status.waiting_count, 1);
    assert_eq!(offline_status.activity, SyncActivity::Offline);

    server.set_reachable(true);
    dispatch_window_event("online");
    eventually("the outbox is empty and the status says so", || async {
        outbox_len(sync).await == 0 && sync.status.get_untracked().waiting_count == 0
    })
    .await;
    // A second push, if the driver wrongly made one, would come within this pause.
    pause(100).await;

    let pushes = server.pushes();
    assert_eq!(pushes.len(), 1, "pushed exactly once");
    assert_eq!(pushes[0].bearer_token.as_deref(), Some("token-for-minji"));
    assert!(pushes[0].xapi);
    let pushed: Value =
        serde_json::from_str(pushes[0].body.as_deref().unwrap_or_default()).expect("a json body");
    let pushed = pushed.as_array().expect("an array").clone();
    assert_eq!(pushed.len(), 1);
    assert_eq!(
        pushed[0]["actor"],
        json!(account_actor(server.account_id("minji")))
    );
    assert!(pushed[0]["id"].is_string());
    assert!(pushed[0]["timestamp"].is_string());
    let status = sync.status.get_untracked();
    assert_eq!(status.waiting_count, 0);
    assert_eq!(status.last_problem, None);
    sync.stop();
}

#[wasm_bindgen_test]
async fn a_guest_studies_without_the_network_and_signing_in_gives_the_work_to_the_account() {
    let server = FakeServer::new().with_account("jun", "password2");
    let sync = start("guest", &server);
    sync.record(answer_statement()).await.expect("recorded");
    sync.record(answer_statement()).await.expect("recorded");
    pause(200).await;
    // Without a session nothing leaves the device, and nothing is retried in a loop.
    assert!(server.state.borrow().requests.is_empty());
    let status = sync.status.get_untracked();
    assert_eq!(status.waiting_count, 2);
    assert!(!status.signed_in);
    assert_eq!(status.activity, SyncActivity::SignedOut);
    assert_eq!(status.last_problem, None);

    let database = sync.database().await.expect("database");
    let guest = guest_actor(database.guest_learner_id().await.expect("guest id"));
    assert_eq!(sync.learner_actor().await, Ok(guest.clone()));
    let before = database.outbox().await.expect("outbox");
    assert!(before
        .iter()
        .all(|statement| statement.body()["actor"] == json!(guest)));

    account::sign_in(sync, "jun", "password2")
        .await
        .expect("sign in");
    let account = account_actor(server.account_id("jun"));
    assert_eq!(sync.learner_actor().await, Ok(account.clone()));
    eventually("both statements reached the server", || async {
        server.stored().len() == 2
    })
    .await;
    for statement in server.stored().values() {
        assert_eq!(statement["actor"], json!(account));
    }
    // Same ids: nothing was duplicated, only re-attributed.
    let mut before_ids: Vec<String> = before.iter().map(|s| s.id().to_string()).collect();
    before_ids.sort();
    assert_eq!(
        server.stored().keys().cloned().collect::<Vec<_>>(),
        before_ids
    );
    let log = database.log().await.expect("log");
    assert!(log
        .iter()
        .all(|statement| statement.body()["actor"] == json!(account)));
    sync.stop();
}

#[wasm_bindgen_test]
async fn statements_from_another_device_are_pulled_into_the_log() {
    let server = FakeServer::new().with_account("sora", "password3");
    let other_id = baeum_web::uuid_v7::new_v7();
    server.store_from_another_device(json!({
        "id": other_id.to_string(),
        "actor": account_actor(server.account_id("sora")),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://baeum.invalid/activities/course/hangul/lesson/2"},
        "timestamp": "2026-11-22T10:00:00.000Z",
    }));
    let sync = start("pull", &server);
    account::sign_in(sync, "sora", "password3")
        .await
        .expect("sign in");
    let database = sync.database().await.expect("database");
    eventually("the other device's statement is in the log", || async {
        database
            .log()
            .await
            .expect("log")
            .iter()
            .any(|statement| statement.id() == other_id)
    })
    .await;
    let pulls = server.requests_to(Method::Get, "/xapi/statements");
    assert!(!pulls.is_empty());
    let agent =
        js_sys::encode_uri_component(&json!(account_actor(server.account_id("sora"))).to_string());
    assert!(pulls[0].url.contains(&format!("agent={agent}")));
    assert!(pulls[0].url.contains("ascending=true"));
    // What shows progress hears of it, so it adds up again without a reload.
    assert_eq!(sync.statements_pulled(), 1);
    // A pulled statement is not this device's to push.
    assert_eq!(outbox_len(sync).await, 0);
    assert!(database.pull_cursor().await.expect("cursor").is_some());
    sync.stop();
}

#[wasm_bindgen_test]
async fn a_statement_the_server_refuses_is_set_aside_and_shown() {
    let server = FakeServer::new().with_account("hana", "password4");
    let sync = start("refused", &server);
    account::sign_in(sync, "hana", "password4")
        .await
        .expect("sign in");
    // Only a refusal that names the statement sets it aside (issue 15: a 400 naming nothing
    // keeps it, see the test below).
    server.state.borrow_mut().invalid_reason =
        Some("invalid statement: verb is missing".to_owned());
    sync.record(answer_statement()).await.expect("recorded");
    eventually("the refusal is counted", || async {
        sync.status.get_untracked().rejected_count == 1
    })
    .await;
    let database = sync.database().await.expect("database");
    let rejected = database.rejected().await.expect("rejected");
    assert_eq!(rejected.len(), 1);
    // The reason is kept with the statement, for the learner or a teacher to see; the status
    // banner itself is cleared by the next pass that goes through.
    assert!(rejected[0].reason.to_string().contains("verb is missing"));
    assert_eq!(outbox_len(sync).await, 0);
    assert!(!database
        .log()
        .await
        .expect("log")
        .iter()
        .any(|statement| statement.id() == rejected[0].statement.id()));

    // The server is fixed: sent again, the statement is stored and back in the log.
    server.state.borrow_mut().invalid_reason = None;
    let id = rejected[0].statement.id();
    assert_eq!(sync.send_rejected_again(&[id]).await, Ok(1));
    eventually("the statement sent again is stored", || async {
        server.stored().contains_key(&id.to_string()) && outbox_len(sync).await == 0
    })
    .await;
    assert_eq!(database.rejected().await, Ok(Vec::new()));
    assert!(database
        .log()
        .await
        .expect("log")
        .iter()
        .any(|statement| statement.id() == id));
    eventually("the status counts no refusal", || async {
        sync.status.get_untracked().rejected_count == 0
    })
    .await;
    sync.stop();
}

#[wasm_bindgen_test]
async fn a_400_that_names_no_statement_keeps_every_statement_and_says_so() {
    let server = FakeServer::new().with_account("bora", "password10");
    let sync = start("unnamed-400", &server);
    account::sign_in(sync, "bora", "password10")
        .await
        .expect("sign in");
    // A proxy's answer, or a request whose version header was stripped on the way.
    server.state.borrow_mut().push_refusal =
        Some((400, "<html><body>400 Bad Request</body></html>".to_owned()));
    sync.record(answer_statement()).await.expect("recorded");
    sync.record(answer_statement()).await.expect("recorded");
    sync.record(answer_statement()).await.expect("recorded");
    eventually("the problem is shown", || async {
        sync.status
            .get_untracked()
            .last_problem
            .is_some_and(|problem| problem.contains("without naming an answer (http 400)"))
    })
    .await;
    let database = sync.database().await.expect("database");
    assert_eq!(outbox_len(sync).await, 3);
    assert_eq!(database.rejected().await, Ok(Vec::new()));
    assert_eq!(database.log().await.map(|log| log.len()), Ok(3));
    let status = sync.status.get_untracked();
    assert_eq!(status.rejected_count, 0);
    assert_eq!(status.waiting_count, 3);
    assert!(matches!(
        status.activity,
        SyncActivity::WaitingToRetry { .. } | SyncActivity::Syncing
    ));

    server.state.borrow_mut().push_refusal = None;
    sync.sync_now();
    eventually("all three are stored", || async {
        server.stored().len() == 3 && outbox_len(sync).await == 0
    })
    .await;
    sync.stop();
}

#[wasm_bindgen_test]
async fn a_more_link_to_another_host_is_never_followed() {
    let server = FakeServer::new().with_account("jiho", "password11");
    server.state.borrow_mut().more_link =
        Some("https://elsewhere.invalid/xapi/statements?more=steal".to_owned());
    let sync = start("foreign-more", &server);
    account::sign_in(sync, "jiho", "password11")
        .await
        .expect("sign in");
    eventually("the page is refused as unreadable", || async {
        sync.status
            .get_untracked()
            .last_problem
            .is_some_and(|problem| problem.contains("more"))
    })
    .await;
    assert!(server
        .state
        .borrow()
        .requests
        .iter()
        .all(|request| request.url.starts_with('/')));
    // The next pull, with a link of the server's own, completes.
    sync.sync_now();
    eventually("a sync completes", || async {
        sync.status
            .get_untracked()
            .last_successful_sync_ms
            .is_some()
    })
    .await;
    sync.stop();
}

#[wasm_bindgen_test]
async fn signing_in_and_out_in_one_tab_is_seen_by_another() {
    let server = FakeServer::new().with_account("tab-user", "password12");
    let options = test_options("two-tabs");
    let first = SyncHandle::start(options.clone(), Rc::new(server.clone()));
    let second = SyncHandle::start(options, Rc::new(server.clone()));
    // A guest answer in the second tab, before anyone signs in.
    second.record(answer_statement()).await.expect("recorded");
    account::sign_in(first, "tab-user", "password12")
        .await
        .expect("sign in");
    eventually("the second tab shows the account", || async {
        second
            .account
            .get_untracked()
            .map(|account| account.username)
            == Some("tab-user".to_owned())
    })
    .await;
    second.record(answer_statement()).await.expect("recorded");
    eventually("both answers are stored as the account's", || async {
        server.stored().len() == 2
    })
    .await;
    let account = account_actor(server.account_id("tab-user"));
    assert!(server
        .stored()
        .values()
        .all(|statement| statement["actor"] == json!(account)));

    account::sign_out(first).await.expect("sign out");
    eventually("the second tab is signed out too", || async {
        second.account.get_untracked().is_none()
    })
    .await;
    let database = second.database().await.expect("database");
    let guest = guest_actor(database.guest_learner_id().await.expect("guest"));
    assert_eq!(second.learner_actor().await, Ok(guest));
    first.stop();
    second.stop();
}

#[wasm_bindgen_test]
async fn a_tab_that_missed_the_sign_in_reads_it_before_recording() {
    let server = FakeServer::new().with_account("late-tab", "password13");
    let sync = start("missed-sign-in", &server);
    sync.record(answer_statement()).await.expect("recorded");
    // Another tab signed in and stored the session, and its message never came (a browser
    // without BroadcastChannel): only the database says so.
    let session: account::Session =
        serde_json::from_value(server.session_json("late-tab")).expect("a session");
    let database = sync.database().await.expect("database");
    database.put_session(&session).await.expect("stored");
    assert_eq!(sync.account.get_untracked(), None);

    let guest = guest_actor(database.guest_learner_id().await.expect("guest"));
    // A statement built for the guest by a lesson that started before the sign-in.
    let mut stale = answer_statement();
    stale["actor"] = json!(guest);
    sync.record(stale).await.expect("recorded");
    assert_eq!(
        sync.account.get_untracked().map(|account| account.username),
        Some("late-tab".to_owned())
    );
    eventually("both answers are stored as the account's", || async {
        server.stored().len() == 2
    })
    .await;
    let account = account_actor(server.account_id("late-tab"));
    assert!(server
        .stored()
        .values()
        .all(|statement| statement["actor"] == json!(account)));
    assert!(database
        .log()
        .await
        .expect("log")
        .iter()
        .all(|statement| statement.body()["actor"] != json!(guest)));
    sync.stop();
}

/// A statement from core's typed builders, as a lesson records it, made for `actor`.
fn typed_statement(actor: &baeum_core::record::Actor) -> baeum_core::record::Statement {
    let title = baeum_core::content::LocalizedText::from_pairs([(
        baeum_core::content::Language::En,
        "Hangul",
    )]);
    let timestamp = local_timestamp(1_795_392_000_000, None).expect("a timestamp");
    baeum_core::record::lesson_completed_statement(
        &baeum_core::record::RecordContext {
            statement_id: baeum_web::uuid_v7::new_v7(),
            timestamp: &timestamp,
            actor,
            course_id: "hangul",
            course_title: &title,
            lesson_id: "vowels-1",
            lesson_title: &title,
        },
        &baeum_core::record::LessonOutcome {
            correct: 3,
            total: 4,
            duration_ms: 90_000,
        },
    )
    .expect("a statement")
}

#[wasm_bindgen_test]
async fn a_typed_statement_is_pushed_as_its_json_and_a_stale_guests_becomes_the_accounts() {
    let server = FakeServer::new().with_account("typed", "password14");
    let sync = start("typed-record", &server);
    let database = sync.database().await.expect("database");
    let guest = guest_actor(database.guest_learner_id().await.expect("guest"));
    let as_guest = typed_statement(&guest);
    sync.record_statement(as_guest.clone())
        .await
        .expect("recorded");
    // The log holds the statement's JSON, as the sync engine and the progress fold read it.
    assert_eq!(
        database.log().await.expect("log")[0].body(),
        &as_guest.to_value()
    );
    // Another tab signs in; a lesson that started before it records for the guest.
    let session: account::Session =
        serde_json::from_value(server.session_json("typed")).expect("a session");
    database.put_session(&session).await.expect("stored");
    let stale = typed_statement(&guest);
    sync.record_statement(stale.clone())
        .await
        .expect("recorded");
    eventually("both statements are stored as the account's", || async {
        server.stored().len() == 2
    })
    .await;
    let account = account_actor(server.account_id("typed"));
    let mut expected = stale.to_value();
    expected["actor"] = json!(account);
    let mut on_server = server.stored()[&stale.id.to_string()].clone();
    on_server
        .as_object_mut()
        .expect("an object")
        .remove("stored");
    assert_eq!(on_server, expected);
    assert!(server
        .stored()
        .values()
        .all(|statement| statement["actor"] == json!(account)));
    sync.stop();
}

#[wasm_bindgen_test]
async fn an_unreachable_server_keeps_the_statement_and_sync_now_retries() {
    let server = FakeServer::new().with_account("mina", "password5");
    let sync = start("unreachable", &server);
    account::sign_in(sync, "mina", "password5")
        .await
        .expect("sign in");
    server.set_reachable(false);
    sync.record(answer_statement()).await.expect("recorded");
    eventually("the problem is shown", || async {
        sync.status.get_untracked().last_problem.as_deref() == Some("server unreachable")
    })
    .await;
    assert_eq!(outbox_len(sync).await, 1);
    server.set_reachable(true);
    sync.sync_now();
    eventually("the statement is pushed", || async {
        outbox_len(sync).await == 0
    })
    .await;
    assert_eq!(server.stored().len(), 1);
    sync.stop();
}

#[wasm_bindgen_test]
async fn account_calls_report_what_went_wrong() {
    let server = FakeServer::new().with_account("taken", "password6");
    let sync = start("account-errors", &server);
    assert_eq!(
        account::sign_in(sync, "taken", "wrong-password").await,
        Err(AccountError::WrongCredentials)
    );
    assert_eq!(
        account::sign_up(sync, "taken", "password6", None).await,
        Err(AccountError::UsernameTaken)
    );
    assert_eq!(
        account::sign_up(sync, "newcomer", "short", None).await,
        Err(AccountError::Refused(
            "password must have at least 8 characters".to_owned()
        ))
    );
    server.set_reachable(false);
    assert_eq!(
        account::sign_in(sync, "taken", "password6").await,
        Err(AccountError::Unreachable)
    );
    server.set_reachable(true);
    let session = account::sign_up(sync, "newcomer", "long enough", None)
        .await
        .expect("sign up then sign in");
    assert_eq!(session.account.username, "newcomer");
    let database = sync.database().await.expect("database");
    assert_eq!(database.get_session().await, Ok(Some(session)));

    // Signing out works offline: the session is forgotten here in any case.
    server.set_reachable(false);
    account::sign_out(sync).await.expect("sign out");
    assert_eq!(database.get_session().await, Ok(None));
    assert_eq!(sync.account.get_untracked(), None);
    sync.stop();
}

#[wasm_bindgen_test]
async fn on_a_shared_device_each_learners_statements_wait_for_their_own_sign_in() {
    let server = FakeServer::new()
        .with_account("first", "password-a")
        .with_account("second", "password-b");
    let sync = start("shared-device", &server);
    account::sign_in(sync, "first", "password-a")
        .await
        .expect("first signs in");
    server.set_reachable(false);
    sync.record(answer_statement()).await.expect("recorded");
    // The first learner leaves before the statement could be sent.
    account::sign_out(sync).await.expect("sign out");
    server.set_reachable(true);

    account::sign_in(sync, "second", "password-b")
        .await
        .expect("second signs in");
    sync.record(answer_statement()).await.expect("recorded");
    // The server stores the statement before the driver reads its answer, so the driver's
    // status is awaited too rather than read at once.
    eventually("the second learner's statement is pushed", || async {
        server.stored().len() == 1 && sync.status.get_untracked().activity == SyncActivity::UpToDate
    })
    .await;
    let second_actor = account_actor(server.account_id("second"));
    assert!(server
        .stored()
        .values()
        .all(|statement| statement["actor"] == json!(second_actor)));
    // The first learner's statement was neither sent under the second token nor taken over.
    assert_eq!(outbox_len(sync).await, 1);
    for push in server.pushes() {
        assert_eq!(push.bearer_token.as_deref(), Some("token-for-second"));
    }

    account::sign_out(sync).await.expect("sign out");
    account::sign_in(sync, "first", "password-a")
        .await
        .expect("first signs in again");
    eventually("the first learner's statement is pushed", || async {
        server.stored().len() == 2 && outbox_len(sync).await == 0
    })
    .await;
    let first_actor = account_actor(server.account_id("first"));
    assert_eq!(
        server
            .stored()
            .values()
            .filter(|statement| statement["actor"] == json!(first_actor))
            .count(),
        1
    );
    sync.stop();
}

#[wasm_bindgen_test]
async fn a_restarted_driver_signs_in_from_the_stored_session() {
    let server = FakeServer::new().with_account("yuna", "password7");
    let options = test_options("restart");
    let first = SyncHandle::start(options.clone(), Rc::new(server.clone()));
    account::sign_in(first, "yuna", "password7")
        .await
        .expect("sign in");
    first.stop();
    let second = SyncHandle::start(options, Rc::new(server.clone()));
    // Recorded at once, before anything could have been read: it is still the account's.
    second.record(answer_statement()).await.expect("recorded");
    assert_eq!(
        second
            .account
            .get_untracked()
            .map(|account| account.username),
        Some("yuna".to_owned())
    );
    eventually("the statement is pushed", || async {
        server.stored().len() == 1
    })
    .await;
    let account = account_actor(server.account_id("yuna"));
    assert!(server
        .stored()
        .values()
        .all(|statement| statement["actor"] == json!(account)));
    second.stop();
}

#[wasm_bindgen_test]
async fn gzip_makes_a_batch_of_statements_smaller() {
    let batch: Vec<Value> = (0..20).map(|_| answer_statement()).collect();
    let text = serde_json::to_string(&batch).expect("json");
    let compressed = gzip(text.as_bytes())
        .await
        .expect("Chromium has CompressionStream");
    // The gzip magic number, and a real saving on repetitive JSON.
    assert_eq!(compressed[..2], [0x1f, 0x8b]);
    assert!(
        compressed.len() * 3 < text.len(),
        "{} of {}",
        compressed.len(),
        text.len()
    );
}

#[wasm_bindgen_test]
fn timestamps_carry_the_device_offset_and_the_server_correction() {
    let device_now = js_sys::Date::now() as i64;
    let plain = local_timestamp(device_now, None).expect("a timestamp");
    assert_eq!(parse_timestamp_ms(&plain), Ok(device_now));
    let zone = &plain[plain.len() - 6..];
    assert!(
        zone.starts_with('+') || zone.starts_with('-'),
        "{plain} ends in a numeric offset"
    );
    let ten_minutes_slow = ClockOffset {
        server_minus_device_ms: 600_000,
    };
    let corrected = local_timestamp(device_now, Some(ten_minutes_slow)).expect("a timestamp");
    assert_eq!(parse_timestamp_ms(&corrected), Ok(device_now + 600_000));
}

#[wasm_bindgen_test]
async fn the_fetch_transport_reads_status_and_date() {
    // The test runner's own server answers 404 for an unknown path, with a Date header.
    let response = FetchTransport
        .send(TransportRequest {
            method: Method::Get,
            url: "/no-such-path-for-baeum".to_owned(),
            bearer_token: Some("abc".to_owned()),
            xapi: true,
            body: None,
            timeout_ms: Some(10_000),
        })
        .await
        .expect("the runner's server answers");
    assert_eq!(response.status, 404);
    assert!(response.date.is_some());
}

// ----- components -----------------------------------------------------------------------------

fn find(node: &web_sys::HtmlElement, test_id: &str) -> Option<web_sys::HtmlElement> {
    node.query_selector(&format!("[data-testid={test_id}]"))
        .expect("a query")
        .and_then(|element| element.dyn_into().ok())
}

fn text_of(node: &web_sys::HtmlElement, test_id: &str) -> String {
    find(node, test_id)
        .and_then(|element| element.text_content())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn type_into(node: &web_sys::HtmlElement, test_id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = find(node, test_id)
        .expect("the input is rendered")
        .dyn_into()
        .expect("an input");
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("an event");
    input.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_account_panel_signs_in_and_out() {
    let server = FakeServer::new().with_account("eunji", "password8");
    let sync = start("account-panel", &server);
    let node = fresh_node();
    let _mounted = leptos::mount::mount_to(node.clone(), move || {
        provide_sync(sync);
        view! { <AccountPanel/> }
    });
    assert!(find(&node, "sign-in-form").is_some());
    assert!(find(&node, "sign-up").is_some());
    type_into(&node, "username", "eunji");
    type_into(&node, "password", "wrong-one");
    find(&node, "sign-in").expect("a button").click();
    eventually("the refusal is shown", || async {
        text_of(&node, "account-problem") == "wrong username or password"
    })
    .await;

    type_into(&node, "password", "password8");
    find(&node, "sign-in").expect("a button").click();
    eventually("the account is shown", || async {
        text_of(&node, "signed-in-as") == "Signed in as eunji"
    })
    .await;
    assert!(find(&node, "sign-in-form").is_none());

    find(&node, "sign-out").expect("a button").click();
    eventually("the form is back", || async {
        find(&node, "sign-in-form").is_some()
    })
    .await;
    assert_eq!(
        server
            .requests_to(Method::Delete, "/api/sessions/current")
            .len(),
        1
    );
    sync.stop();
}

#[wasm_bindgen_test]
async fn the_sync_status_panel_shows_waiting_statements_and_syncs_now() {
    let server = FakeServer::new().with_account("dami", "password9");
    let sync = start("status-panel", &server);
    let node = fresh_node();
    let _mounted = leptos::mount::mount_to(node.clone(), move || {
        provide_sync(sync);
        view! { <SyncStatusPanel/> }
    });
    account::sign_in(sync, "dami", "password9")
        .await
        .expect("sign in");
    eventually("a sync time is shown", || async {
        text_of(&node, "sync-last") != "Never"
    })
    .await;
    server.set_reachable(false);
    sync.record(answer_statement()).await.expect("recorded");
    eventually(
        "the waiting statement and the problem are shown",
        || async {
            text_of(&node, "sync-waiting") == "1"
                && text_of(&node, "sync-problem") == "server unreachable"
        },
    )
    .await;
    server.set_reachable(true);
    find(&node, "sync-now").expect("a button").click();
    eventually("nothing is waiting any more", || async {
        text_of(&node, "sync-waiting") == "0" && text_of(&node, "sync-problem") == "None"
    })
    .await;
    assert_eq!(server.stored().len(), 1);
    sync.stop();
}

thread_local! {
    /// How many times the counting fold below ran.
    static WHOLE_LOG_FOLDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The fold in place, counting its runs.
fn counting_fold() -> WholeLogFold {
    WholeLogFold(|statements| {
        WHOLE_LOG_FOLDS.with(|folds| folds.set(folds.get() + 1));
        Box::pin(async move { Ok(fold_whole_log(&statements)) })
    })
}

/// A fold whose chunk cannot be fetched.
fn unavailable_fold() -> WholeLogFold {
    WholeLogFold(|_| Box::pin(async { Err(ChunkLoadError) }))
}

async fn digest_of_the_whole_log(sync: SyncHandle) -> ProgressDigest {
    let database = sync.database().await.expect("database");
    let log = database.read_full_log().await.expect("the log");
    fold_whole_log(&log.statements)
}

fn voiding(statement_id: Uuid) -> Value {
    json!({
        "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
        "object": {"objectType": "StatementRef", "id": statement_id.to_string()},
    })
}

#[wasm_bindgen_test]
async fn the_home_digest_is_grown_from_the_log_and_folded_only_when_it_cannot_be() {
    let server = FakeServer::new();
    server.set_reachable(false);
    let sync = start("digest", &server);
    sync.record(answer_statement()).await.expect("record");
    sync.record(json!({
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://baeum.invalid/activities/course/hangul/lesson/1"},
    }))
    .await
    .expect("record");
    let folds_before = WHOLE_LOG_FOLDS.with(std::cell::Cell::get);

    // No digest is saved yet: the whole log is grown from an empty digest, without the fold,
    // and comes out as the fold would.
    let grown = load_digest(sync, counting_fold()).await.expect("digest");
    assert_eq!(WHOLE_LOG_FOLDS.with(std::cell::Cell::get), folds_before);
    assert_eq!(grown.event_count(), 2);
    assert_eq!(grown, digest_of_the_whole_log(sync).await);

    // A voiding statement cannot be added to a digest: the whole log is folded.
    let database = sync.database().await.expect("database");
    let answer_id = database.read_full_log().await.expect("the log").statements[0].id();
    sync.record(voiding(answer_id)).await.expect("record");
    let folded = load_digest(sync, counting_fold()).await.expect("digest");
    assert_eq!(WHOLE_LOG_FOLDS.with(std::cell::Cell::get), folds_before + 1);
    assert_eq!(folded.event_count(), 1);
    assert_eq!(folded, digest_of_the_whole_log(sync).await);

    // The folded digest was saved: opening again grows it and does not fold.
    let again = load_digest(sync, counting_fold()).await.expect("digest");
    assert_eq!(WHOLE_LOG_FOLDS.with(std::cell::Cell::get), folds_before + 1);
    assert_eq!(again, folded);

    // When the fold's chunk cannot be fetched, the error says so and the log is untouched.
    let completion_id = database.read_full_log().await.expect("the log").statements[1].id();
    sync.record(voiding(completion_id)).await.expect("record");
    let unavailable = load_digest(sync, unavailable_fold()).await;
    assert!(matches!(unavailable, Err(StandingError::FoldUnavailable)));
    assert_eq!(
        database
            .read_full_log()
            .await
            .expect("the log")
            .statements
            .len(),
        4
    );
    sync.stop();
}

#[wasm_bindgen_test]
async fn the_me_page_lists_refused_answers_and_sends_them_again() {
    let server = FakeServer::new().with_account("refused-ui", "password14");
    let sync = start("rejected-list", &server);
    account::sign_in(sync, "refused-ui", "password14")
        .await
        .expect("sign in");
    server.state.borrow_mut().invalid_reason = Some("the score is out of range".to_owned());
    sync.record(answer_statement()).await.expect("recorded");
    eventually("the refusal is counted", || async {
        sync.status.get_untracked().rejected_count == 1
    })
    .await;
    let node = fresh_node();
    let _mounted = leptos::mount::mount_to(node.clone(), move || {
        provide_sync(sync);
        view! { <AccountPage/> }
    });
    eventually("the refused answer is listed with its reason", || async {
        text_of(&node, "rejected-entry").contains("the score is out of range")
    })
    .await;
    server.state.borrow_mut().invalid_reason = None;
    find(&node, "rejected-send-again")
        .expect("a send-again button")
        .click();
    eventually("the answer is stored and the list is gone", || async {
        server.stored().len() == 1 && find(&node, "rejected-list").is_none()
    })
    .await;
    assert_eq!(
        text_of(&node, "rejected-send-again-result"),
        "1 answer will be sent again"
    );
    sync.stop();
}
