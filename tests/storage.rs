//! Browser tests of the IndexedDB adapter: round trips through every store, the sync engine's
//! store operations against the same scenarios as core's `InMemoryStore`, the migrations from
//! version 1, the saved progress digest and a full disk. Every test opens its own uniquely
//! named database, because all tests of this binary share one page and one origin.
#![cfg(target_arch = "wasm32")]

use baeum_core::content::{Item, ItemKind, Language, LocalizedText};
use baeum_core::progress::ProgressDigest;
use baeum_core::record::{self, account_actor, guest_actor, Actor, RecordContext};
use baeum_core::sync::{
    Event, InMemoryStore, LocalStore, PulledStatement, PushSettlement, RejectedStatement,
    RejectionReason, StoreOperation, StoreReply, SyncStatement,
};
use baeum_web::account::{AccountView, Role, Session};
use baeum_web::storage::progress_digest::SavedDigest;
use baeum_web::storage::schema::{self, V1_SESSION_SETTING_KEY};
use baeum_web::storage::{classify_dom_exception, ContentStore, LocalDatabase, StorageError};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test uses.
fn unique_name(test: &str) -> String {
    format!("baeum-test-{test}-{}", baeum_web::uuid_v7::new_v7())
}

async fn fresh_database(test: &str) -> LocalDatabase {
    LocalDatabase::open(&unique_name(test))
        .await
        .expect("the database opens")
}

fn statement(n: u128, verb: &str) -> SyncStatement {
    SyncStatement::new(Uuid::from_u128(n), json!({ "verb": verb })).expect("a valid statement")
}

fn pulled(n: u128, verb: &str, stored_ms: i64) -> PulledStatement {
    PulledStatement {
        statement: statement(n, verb),
        stored_ms,
    }
}

fn ids(statements: &[SyncStatement]) -> Vec<u128> {
    statements
        .iter()
        .map(|statement| statement.id().as_u128())
        .collect()
}

fn sample_session() -> Session {
    Session {
        token: "token-1234".to_owned(),
        expires_at: "2026-12-23T08:00:00Z".to_owned(),
        account: AccountView {
            id: Uuid::from_u128(42),
            username: "minji".to_owned(),
            role: Role::Learner,
            created_at: "2026-11-23T08:00:00Z".to_owned(),
            actor: Actor::on_baeum("42".to_owned()),
        },
    }
}

#[wasm_bindgen_test]
async fn a_new_database_has_every_store_at_the_current_version() {
    let database = fresh_database("stores").await;
    assert_eq!(database.version(), schema::CURRENT_VERSION);
    let mut expected = vec![
        schema::CATALOG,
        schema::COURSE_MANIFESTS,
        schema::LESSON_FILES,
        schema::MEDIA_BLOBS,
        schema::STATEMENTS,
        schema::OUTBOX,
        schema::REJECTED,
        schema::SETTINGS,
        schema::SYNC_STATE,
        schema::SESSION,
        schema::LOG_ORDER,
    ];
    expected.sort_unstable();
    assert_eq!(database.store_names(), expected);
}

#[wasm_bindgen_test]
async fn every_content_store_round_trips_bytes() {
    let database = fresh_database("content").await;
    for (index, store) in ContentStore::ALL.into_iter().enumerate() {
        let key = format!("file-{index}.json");
        let bytes: Vec<u8> = (0..=255u8).chain([index as u8]).collect();
        assert_eq!(database.get_content(store, &key).await, Ok(None));
        database
            .put_content(store, &key, &bytes)
            .await
            .expect("put");
        assert_eq!(
            database.get_content(store, &key).await,
            Ok(Some(bytes.clone()))
        );
        assert_eq!(database.content_keys(store).await, Ok(vec![key.clone()]));
        database.delete_content(store, &key).await.expect("delete");
        assert_eq!(database.get_content(store, &key).await, Ok(None));
        // Deleting what is not there is not an error.
        database
            .delete_content(store, &key)
            .await
            .expect("delete again");
    }
    // The stores are separate: a key in one is not in another.
    database
        .put_content(ContentStore::LessonFiles, "same", b"lesson")
        .await
        .expect("put");
    assert_eq!(
        database.get_content(ContentStore::MediaBlobs, "same").await,
        Ok(None)
    );
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Preferences {
    help_language: String,
    volume: f64,
    lessons_per_day: u32,
    seen: std::collections::BTreeMap<String, bool>,
}

#[wasm_bindgen_test]
async fn settings_round_trip_and_the_guest_id_is_made_once() {
    let name = unique_name("settings");
    let database = LocalDatabase::open(&name).await.expect("open");
    let preferences = Preferences {
        help_language: "vi".to_owned(),
        volume: 0.75,
        lessons_per_day: 3,
        seen: [("intro".to_owned(), true)].into_iter().collect(),
    };
    assert_eq!(
        database.get_setting::<Preferences>("preferences").await,
        Ok(None)
    );
    database
        .put_setting("preferences", &preferences)
        .await
        .expect("put");
    assert_eq!(
        database.get_setting("preferences").await,
        Ok(Some(preferences))
    );
    database
        .delete_setting("preferences")
        .await
        .expect("delete");
    assert_eq!(
        database.get_setting::<Preferences>("preferences").await,
        Ok(None)
    );

    let guest = database.guest_learner_id().await.expect("guest id");
    assert_eq!(database.guest_learner_id().await, Ok(guest));
    database.close();
    let reopened = LocalDatabase::open(&name).await.expect("reopen");
    assert_eq!(reopened.guest_learner_id().await, Ok(guest));
}

#[wasm_bindgen_test]
async fn the_session_round_trips_and_is_forgotten() {
    let database = fresh_database("session").await;
    assert_eq!(database.get_session().await, Ok(None));
    let session = sample_session();
    database.put_session(&session).await.expect("put");
    assert_eq!(database.last_write_durability().as_deref(), Some("strict"));
    assert_eq!(database.get_session().await, Ok(Some(session)));
    database.delete_session().await.expect("delete");
    assert_eq!(database.get_session().await, Ok(None));
}

#[wasm_bindgen_test]
async fn statement_bodies_round_trip_exactly() {
    let database = fresh_database("bodies").await;
    let body = json!({
        "actor": {"objectType": "Agent", "account": {"homePage": "https://baeum.invalid/", "name": "7"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"ko": "대답했다"}},
        "result": {"score": {"scaled": 0.5, "raw": 3, "min": 0, "max": 6}, "success": true,
                   "response": "안녕하세요", "duration": "PT12.5S"},
        "context": {"extensions": {"https://baeum.invalid/x/attempt": 2,
                                   "https://baeum.invalid/x/empty": {}, "https://baeum.invalid/x/list": [1, "two", null]}},
    });
    let statement = SyncStatement::new(baeum_web::uuid_v7::new_v7(), body).expect("valid");
    database.append(&statement).await.expect("append");
    assert_eq!(database.log().await, Ok(vec![statement.clone()]));
    assert_eq!(database.outbox().await, Ok(vec![statement]));
}

#[wasm_bindgen_test]
async fn append_puts_a_statement_in_log_and_outbox_once_with_strict_durability() {
    let database = fresh_database("append").await;
    let mut reference = InMemoryStore::new();
    database.append(&statement(1, "a")).await.expect("append");
    reference
        .append(statement(1, "a"))
        .expect("reference append");
    assert_eq!(database.last_write_durability().as_deref(), Some("strict"));
    assert_eq!(
        database.append(&statement(1, "b")).await,
        Err(StorageError::DuplicateStatement(Uuid::from_u128(1)))
    );
    assert!(reference.append(statement(1, "b")).is_err());
    assert_eq!(database.outbox().await.map(|outbox| outbox.len()), Ok(1));
    assert_eq!(database.log().await, Ok(vec![statement(1, "a")]));
    assert_eq!(database.log().await.ok(), reference.log().ok());
}

#[wasm_bindgen_test]
async fn snapshot_takes_the_oldest_batch() {
    let database = fresh_database("snapshot").await;
    for n in (1..=5).rev() {
        database.append(&statement(n, "a")).await.expect("append");
    }
    let snapshot = database.snapshot(2).await.expect("snapshot");
    assert_eq!(snapshot.waiting_count, 5);
    assert_eq!(ids(&snapshot.outbox_batch), [1, 2]);
    assert_eq!(snapshot.pull_cursor, None);
    assert!(snapshot.rejected.is_empty());
    // IndexedDB reads a limit of 0 as "everything"; the adapter must not.
    let empty = database.snapshot(0).await.expect("snapshot");
    assert!(empty.outbox_batch.is_empty());
    assert_eq!(empty.waiting_count, 5);
}

#[wasm_bindgen_test]
async fn settling_acknowledges_sets_aside_and_is_idempotent() {
    let database = fresh_database("settle").await;
    let mut reference = InMemoryStore::new();
    for store_statement in [statement(1, "a"), statement(2, "b")] {
        database.append(&store_statement).await.expect("append");
        reference.append(store_statement).expect("reference append");
    }
    database
        .store_pulled_page(&[], Some(100))
        .await
        .expect("cursor");
    reference.store_pulled_page(&[], Some(100)).expect("cursor");
    assert_eq!(database.pull_cursor().await, Ok(Some(100)));
    let settlement = PushSettlement {
        acknowledged: vec![Uuid::from_u128(1)],
        rejected: vec![RejectedStatement {
            statement: statement(2, "b"),
            reason: RejectionReason::Conflict {
                message: "taken".to_owned(),
            },
            rejected_at_ms: 5,
        }],
        server_versions: vec![statement(2, "server")],
        rewind_cursor: true,
    };
    database.settle_push(&settlement).await.expect("settle");
    let log_once = database.log().await.expect("log");
    let rejected_once = database.rejected().await.expect("rejected");
    database
        .settle_push(&settlement)
        .await
        .expect("settle again");
    reference
        .settle_push(&settlement)
        .expect("reference settle");

    assert_eq!(database.log().await, Ok(log_once.clone()));
    assert_eq!(database.rejected().await, Ok(rejected_once.clone()));
    assert_eq!(log_once, vec![statement(1, "a"), statement(2, "server")]);
    assert_eq!(Ok(log_once), reference.log());
    assert_eq!(rejected_once, reference.rejected());
    assert_eq!(database.outbox().await, Ok(Vec::new()));
    assert_eq!(database.pull_cursor().await, Ok(None));
    let snapshot = database.snapshot(10).await.expect("snapshot");
    assert_eq!(snapshot.rejected.len(), 1);
    assert_eq!(snapshot.waiting_count, 0);
}

#[wasm_bindgen_test]
async fn a_rejected_statement_goes_back_to_log_and_outbox_like_the_reference() {
    let database = fresh_database("restore").await;
    let mut reference = InMemoryStore::new();
    for store_statement in [statement(1, "a"), statement(2, "b")] {
        database.append(&store_statement).await.expect("append");
        reference.append(store_statement).expect("reference append");
    }
    let settlement = PushSettlement {
        rejected: vec![
            RejectedStatement {
                statement: statement(1, "a"),
                reason: RejectionReason::Invalid {
                    message: "no verb".to_owned(),
                },
                rejected_at_ms: 5,
            },
            RejectedStatement {
                statement: statement(2, "b"),
                reason: RejectionReason::Conflict {
                    message: "taken".to_owned(),
                },
                rejected_at_ms: 5,
            },
        ],
        server_versions: vec![statement(2, "server")],
        ..PushSettlement::default()
    };
    database.settle_push(&settlement).await.expect("settle");
    reference
        .settle_push(&settlement)
        .expect("reference settle");
    assert_eq!(database.outbox().await, Ok(Vec::new()));
    let ids = [Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3)];
    assert_eq!(database.restore_rejected(&ids).await, Ok(1));
    assert_eq!(reference.restore_rejected(&ids), Ok(1));
    assert_eq!(database.last_write_durability().as_deref(), Some("strict"));
    assert_eq!(database.outbox().await, Ok(vec![statement(1, "a")]));
    assert_eq!(database.log().await.ok(), reference.log().ok());
    assert_eq!(database.rejected().await, Ok(reference.rejected()));
    // The conflict stays set aside: the log holds the server's copy under its id.
    assert_eq!(
        database.rejected().await.map(|rejected| rejected.len()),
        Ok(1)
    );
    assert_eq!(database.restore_rejected(&ids).await, Ok(0));
}

#[wasm_bindgen_test]
async fn pulled_pages_are_deduplicated_and_the_cursor_only_moves_forward() {
    let database = fresh_database("pull").await;
    database
        .append(&statement(1, "mine"))
        .await
        .expect("append");
    let new = database
        .store_pulled_page(
            &[
                pulled(1, "copy", 10),
                pulled(2, "b", 20),
                pulled(2, "b", 20),
            ],
            Some(20),
        )
        .await;
    assert_eq!(new, Ok(1));
    assert_eq!(
        database.log().await,
        Ok(vec![statement(1, "mine"), statement(2, "b")])
    );
    // A pulled statement is someone else's or already sent: it never enters the outbox.
    assert_eq!(
        database.outbox().await.map(|outbox| ids(&outbox)),
        Ok(vec![1])
    );
    database
        .store_pulled_page(&[], Some(5))
        .await
        .expect("older");
    assert_eq!(database.pull_cursor().await, Ok(Some(20)));
    database
        .store_pulled_page(&[], None)
        .await
        .expect("no cursor");
    assert_eq!(database.pull_cursor().await, Ok(Some(20)));
    database
        .store_pulled_page(&[], Some(30))
        .await
        .expect("newer");
    assert_eq!(database.pull_cursor().await, Ok(Some(30)));
}

#[wasm_bindgen_test]
async fn performing_an_operation_answers_with_the_engines_event() {
    let database = fresh_database("perform").await;
    database.append(&statement(1, "a")).await.expect("append");
    match database
        .perform(9, &StoreOperation::Snapshot { batch_limit: 10 })
        .await
    {
        Event::StoreCompleted {
            request: 9,
            reply: StoreReply::Snapshot(snapshot),
        } => assert_eq!(snapshot.waiting_count, 1),
        other => panic!("unexpected event {other:?}"),
    }
    match database
        .perform(
            10,
            &StoreOperation::StorePulledPage {
                statements: vec![pulled(2, "b", 7)],
                cursor: Some(7),
            },
        )
        .await
    {
        Event::StoreCompleted {
            request: 10,
            reply: StoreReply::PageStored { new_statements: 1 },
        } => {}
        other => panic!("unexpected event {other:?}"),
    }
    database.close();
    // A closed connection is a failed operation, reported to the engine, not a panic.
    match database
        .perform(11, &StoreOperation::Snapshot { batch_limit: 1 })
        .await
    {
        Event::StoreFailed {
            request: 11,
            message,
        } => assert!(!message.is_empty()),
        other => panic!("unexpected event {other:?}"),
    }
}

/// A statement about `actor`, stored as older versions stored every statement: a JSON body.
fn statement_about(n: u128, actor: &Actor, verb: &str) -> SyncStatement {
    SyncStatement::new(
        Uuid::from_u128(n),
        json!({ "actor": actor, "verb": { "id": verb }, "result": { "score": { "scaled": 0.5 } } }),
    )
    .expect("a valid statement")
}

#[wasm_bindgen_test]
async fn a_guests_unsent_statements_move_to_the_account_and_nothing_else_changes() {
    let database = fresh_database("reassign").await;
    let guest = guest_actor(Uuid::from_u128(5));
    let account = account_actor(Uuid::from_u128(6));
    let someone_else = account_actor(Uuid::from_u128(7));
    database
        .append(&statement_about(1, &guest, "a"))
        .await
        .expect("append");
    database
        .append(&statement_about(2, &guest, "b"))
        .await
        .expect("append");
    database
        .append(&statement_about(3, &someone_else, "c"))
        .await
        .expect("append");
    database.append(&statement(4, "d")).await.expect("append");
    database
        .settle_push(&PushSettlement {
            acknowledged: vec![Uuid::from_u128(1)],
            ..PushSettlement::default()
        })
        .await
        .expect("settle");
    assert_eq!(
        database.reassign_unsent_statements(&guest, &account).await,
        Ok(1)
    );
    let moved = statement_about(2, &account, "b");
    let expected_log = vec![
        statement_about(1, &guest, "a"),
        moved.clone(),
        statement_about(3, &someone_else, "c"),
        statement(4, "d"),
    ];
    assert_eq!(database.log().await, Ok(expected_log));
    assert_eq!(
        database.outbox().await,
        Ok(vec![
            moved,
            statement_about(3, &someone_else, "c"),
            statement(4, "d")
        ])
    );
    // An actor that is not valid takes nothing, as core's `reassign_actor` refuses it.
    assert_eq!(
        database
            .reassign_unsent_statements(&account, &Actor::on_baeum(String::new()))
            .await,
        Ok(0)
    );
}

#[wasm_bindgen_test]
async fn a_statement_from_the_typed_builders_reads_back_as_its_json() {
    let database = fresh_database("typed").await;
    let title = LocalizedText::from_pairs([(Language::En, "Drinks"), (Language::Vi, "Đồ uống")]);
    let actor = account_actor(Uuid::from_u128(6));
    let context = RecordContext {
        statement_id: Uuid::from_u128(11),
        timestamp: "2026-11-23T09:00:00.123+09:00",
        actor: &actor,
        course_id: "survival-korean",
        course_title: &title,
        lesson_id: "drinks",
        lesson_title: &title,
    };
    let item = Item {
        id: "water".to_owned(),
        hint: None,
        kind: ItemKind::Reading {
            text: title.clone(),
        },
    };
    let outcome = record::LessonOutcome {
        correct: 2,
        total: 3,
        duration_ms: 61_500,
    };
    let built = [
        record::experienced_statement(&context, &item).expect("builds"),
        record::lesson_completed_statement(
            &RecordContext {
                statement_id: Uuid::from_u128(12),
                ..context
            },
            &outcome,
        )
        .expect("builds"),
    ];
    for statement in &built {
        database.append_statement(statement).await.expect("append");
    }
    // The sync engine reads them as any other statement: the JSON the builders' JSON form
    // gives, which core checks against the xAPI validator.
    let expected: Vec<SyncStatement> = [
        record::experienced(&context, &item).expect("builds"),
        record::lesson_completed(
            &RecordContext {
                statement_id: Uuid::from_u128(12),
                ..context
            },
            &outcome,
        )
        .expect("builds"),
    ]
    .into_iter()
    .map(|body| SyncStatement::from_body(body).expect("a statement"))
    .collect();
    assert_eq!(database.log().await, Ok(expected.clone()));
    assert_eq!(database.outbox().await, Ok(expected));
    assert_eq!(
        database.append_statement(&built[0]).await,
        Err(StorageError::DuplicateStatement(Uuid::from_u128(11)))
    );
}

#[wasm_bindgen_test]
async fn an_accounts_statements_are_forgotten_and_nobody_elses() {
    let database = fresh_database("forget").await;
    let account = account_actor(Uuid::from_u128(6));
    let someone_else = account_actor(Uuid::from_u128(7));
    database
        .append(&statement_about(1, &account, "a"))
        .await
        .expect("append");
    database
        .append(&statement_about(2, &someone_else, "b"))
        .await
        .expect("append");
    database.append(&statement(3, "c")).await.expect("append");
    // The same account under another display name is still the account.
    let renamed = Actor {
        name: Some("Minji".to_owned()),
        ..account.clone()
    };
    database
        .append(&statement_about(4, &renamed, "d"))
        .await
        .expect("append");
    assert_eq!(database.forget_statements_of_account(&account).await, Ok(2));
    assert_eq!(database.log().await.map(|log| ids(&log)), Ok(vec![2, 3]));
    assert_eq!(
        database.outbox().await.map(|outbox| ids(&outbox)),
        Ok(vec![2, 3])
    );
}

#[wasm_bindgen_test]
async fn version_1_data_survives_the_upgrade_to_the_current_version() {
    let name = unique_name("migration");
    let first = LocalDatabase::open_at_version(&name, schema::FIRST_VERSION)
        .await
        .expect("open at version 1");
    assert_eq!(first.version(), 1);
    assert!(!first.store_names().contains(&schema::SESSION.to_owned()));
    assert!(!first
        .store_names()
        .contains(&schema::MEDIA_BLOBS.to_owned()));
    // Version 1 as the first release wrote it: the session in settings (its actor a JSON
    // value then), progress in the log.
    let session = sample_session();
    let as_written_then = json!({
        "token": "token-1234",
        "expires_at": "2026-12-23T08:00:00Z",
        "account": {
            "id": Uuid::from_u128(42),
            "username": "minji",
            "role": "learner",
            "created_at": "2026-11-23T08:00:00Z",
            "actor": {"objectType": "Agent",
                      "account": {"homePage": "https://baeum.invalid/", "name": "42"}},
        },
    });
    first
        .put_setting(V1_SESSION_SETTING_KEY, &as_written_then)
        .await
        .expect("v1 session");
    first
        .put_setting("help_language", "th")
        .await
        .expect("setting");
    first.append(&statement(1, "a")).await.expect("append");
    first.append(&statement(2, "b")).await.expect("append");
    first
        .settle_push(&PushSettlement {
            acknowledged: vec![Uuid::from_u128(1)],
            ..PushSettlement::default()
        })
        .await
        .expect("settle");
    first
        .store_pulled_page(&[pulled(3, "c", 50)], Some(50))
        .await
        .expect("pull");
    first
        .put_content(ContentStore::LessonFiles, "lesson-abc.json", b"{}")
        .await
        .expect("content");
    let guest = first.guest_learner_id().await.expect("guest");
    first.close();

    let second = LocalDatabase::open(&name)
        .await
        .expect("open at the current version");
    assert_eq!(second.version(), schema::CURRENT_VERSION);
    assert_eq!(second.get_session().await, Ok(Some(session)));
    assert_eq!(
        second.get_setting::<Session>(V1_SESSION_SETTING_KEY).await,
        Ok(None)
    );
    assert_eq!(
        second.get_setting::<String>("help_language").await,
        Ok(Some("th".to_owned()))
    );
    assert_eq!(second.guest_learner_id().await, Ok(guest));
    assert_eq!(second.log().await.map(|log| ids(&log)), Ok(vec![1, 2, 3]));
    assert_eq!(
        second.outbox().await.map(|outbox| ids(&outbox)),
        Ok(vec![2])
    );
    assert_eq!(second.pull_cursor().await, Ok(Some(50)));
    assert_eq!(
        second
            .get_content(ContentStore::LessonFiles, "lesson-abc.json")
            .await,
        Ok(Some(b"{}".to_vec()))
    );
    // The store version 2 added works.
    second
        .put_content(ContentStore::MediaBlobs, "audio-1.opus", &[1, 2, 3])
        .await
        .expect("media");
    // Statements logged before version 3 have no order numbers, so the log's count tells the
    // progress reader that a full fold is needed; statements logged now are numbered.
    let reading = second.read_digest_and_since().await.expect("read");
    assert_eq!((reading.since.len(), reading.statements_in_log), (0, 3));
    assert!(!reading.covers_the_log());
    second.append(&statement(4, "d")).await.expect("append");
    let reading = second.read_digest_and_since().await.expect("read");
    assert_eq!(ids(&reading.since), vec![4]);
    second.close();

    // An older app opening the newer database is told to update, and changes nothing.
    assert_eq!(
        LocalDatabase::open_at_version(&name, 1).await.err(),
        Some(StorageError::VersionTooNew)
    );
}

#[wasm_bindgen_test]
async fn the_saved_digest_is_read_with_exactly_the_statements_logged_after_it() {
    let database = fresh_database("digest").await;
    let empty = database.read_digest_and_since().await.expect("read");
    assert!(empty.saved.is_none() && empty.since.is_empty());
    assert!(!empty.covers_the_log());

    database.append(&statement(1, "a")).await.expect("append");
    database
        .store_pulled_page(&[pulled(2, "b", 10), pulled(1, "a", 11)], Some(11))
        .await
        .expect("pull");
    let full = database.read_full_log().await.expect("full read");
    assert_eq!(ids(&full.statements), vec![1, 2]);
    database
        .save_digest(&SavedDigest {
            through_order: full.latest_order,
            statements_in_log: 2,
            digest: ProgressDigest::default(),
        })
        .await
        .expect("save");

    // A repeated statement was not numbered twice, so nothing is "since" yet.
    let reading = database.read_digest_and_since().await.expect("read");
    assert!(reading.since.is_empty() && reading.covers_the_log());
    assert_eq!(reading.latest_order, full.latest_order);

    database.append(&statement(3, "c")).await.expect("append");
    database
        .store_pulled_page(&[pulled(4, "d", 12)], Some(12))
        .await
        .expect("pull");
    let reading = database.read_digest_and_since().await.expect("read");
    assert_eq!(ids(&reading.since), vec![3, 4]);
    assert_eq!(reading.statements_in_log, 4);
    assert!(reading.covers_the_log());
    assert!(reading.latest_order > full.latest_order);

    // A failed append numbers nothing: the order store is written in the same transaction.
    database.fail_next_write_for_test("QuotaExceededError");
    assert!(database.append(&statement(5, "e")).await.is_err());
    let after_failure = database.read_digest_and_since().await.expect("read");
    assert_eq!(ids(&after_failure.since), vec![3, 4]);
}

#[wasm_bindgen_test]
async fn a_full_disk_is_reported_as_quota_exceeded_and_loses_nothing() {
    let database = fresh_database("quota").await;
    database
        .append(&statement(1, "kept"))
        .await
        .expect("append");
    database
        .put_content(ContentStore::MediaBlobs, "clip", &[1, 1, 1])
        .await
        .expect("content");

    database.fail_next_write_for_test("QuotaExceededError");
    let refused = database.append(&statement(2, "refused")).await;
    assert_eq!(refused, Err(StorageError::QuotaExceeded));
    assert_eq!(
        refused.map_err(|error| error.to_string()),
        Err("the device has no storage space left for this app".to_owned())
    );
    // The failed transaction left neither half of the statement behind, and the earlier one
    // is untouched.
    assert_eq!(database.log().await, Ok(vec![statement(1, "kept")]));
    assert_eq!(database.outbox().await, Ok(vec![statement(1, "kept")]));

    database.fail_next_write_for_test("QuotaExceededError");
    assert_eq!(
        database
            .put_content(ContentStore::MediaBlobs, "clip", &[9, 9])
            .await,
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        database.get_content(ContentStore::MediaBlobs, "clip").await,
        Ok(Some(vec![1, 1, 1]))
    );

    // Once space is free again the same statement is recorded normally.
    database
        .append(&statement(2, "refused"))
        .await
        .expect("append after space was freed");
    assert_eq!(
        database.outbox().await.map(|outbox| ids(&outbox)),
        Ok(vec![1, 2])
    );
}

#[wasm_bindgen_test]
fn dom_exceptions_are_classified_by_name() {
    let exception = |name: &str| {
        web_sys::DomException::new_with_message_and_name("message from the browser", name)
            .expect("a dom exception")
    };
    assert_eq!(
        classify_dom_exception(&exception("QuotaExceededError")),
        StorageError::QuotaExceeded
    );
    assert_eq!(
        classify_dom_exception(&exception("VersionError")),
        StorageError::VersionTooNew
    );
    assert_eq!(
        classify_dom_exception(&exception("AbortError")),
        StorageError::Aborted
    );
    assert_eq!(
        classify_dom_exception(&exception("DataError")),
        StorageError::Database {
            name: "DataError".to_owned(),
            message: "message from the browser".to_owned()
        }
    );
}
