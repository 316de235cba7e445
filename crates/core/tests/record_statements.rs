//! The learning-record builders make valid xAPI statements that read back into the same event.

use baeum_core::content::{
    ChoiceOption, Item, ItemKind, Language, ListeningResponse, LocalizedText, Spoken,
};
use baeum_core::record::{
    account_actor, answered, experienced, guest_actor, is_guest_actor, learning_event,
    lesson_assessed, lesson_completed, reassign_actor, voided_statement_id, Actor, ActorAccount,
    Answer, LearningVerb, LessonOutcome, RecordContext, RecordError, UTC_OFFSET_EXTENSION,
    VERB_FAILED, VERB_PASSED,
};
use baeum_core::xapi::{validate_statement, InteractionType, StatementObject};
use chrono::NaiveDate;
use serde_json::{json, Value};
use uuid::Uuid;

fn english(text: &str) -> LocalizedText {
    LocalizedText::from_pairs([(Language::En, text), (Language::Vi, text)])
}

fn every_kind_of_item() -> Vec<Item> {
    let item = |id: &str, kind: ItemKind| Item {
        id: id.to_owned(),
        hint: None,
        kind,
    };
    vec![
        item(
            "reading-1",
            ItemKind::Reading {
                text: english(&"A long reading. ".repeat(20)),
            },
        ),
        item(
            "culture-1",
            ItemKind::CultureNote {
                title: english("Bowing"),
                text: english("People bow."),
            },
        ),
        item(
            "letter-g",
            ItemKind::HangulLetter {
                jamo: "ㄱ".into(),
                name: Spoken::new("기역"),
                romanization: "g / k".into(),
                sound: english("g as in go"),
                examples: Vec::new(),
            },
        ),
        item(
            "water",
            ItemKind::Vocab {
                ko: Spoken::new("물"),
                romanization: Some("mul".into()),
                gloss: english("water"),
                example: None,
            },
        ),
        item(
            "choice-1",
            ItemKind::Choice {
                prompt: english("Which is water?"),
                ko: None,
                options: vec![
                    ChoiceOption::Plain("물".into()),
                    ChoiceOption::Plain("불".into()),
                ],
                answer: 0,
            },
        ),
        item(
            "typed-1",
            ItemKind::Typed {
                prompt: english("Type water"),
                ko: None,
                answer: "물".into(),
                accept: Vec::new(),
            },
        ),
        item(
            "listen-1",
            ItemKind::Listening {
                audio: Spoken::new("물"),
                prompt: english("What did you hear?"),
                response: ListeningResponse::Typed {
                    answer: "물".into(),
                    accept: Vec::new(),
                },
            },
        ),
        item(
            "order-1",
            ItemKind::Ordering {
                prompt: english("Put in order"),
                words: vec!["물을".into(), "마셔요".into()],
                gloss: english("I drink water"),
            },
        ),
        item(
            "blank-1",
            ItemKind::FillBlank {
                prompt: english("Fill the blank"),
                text: "___ 마셔요".into(),
                answer: "물을".into(),
                accept: Vec::new(),
                options: Vec::new(),
                gloss: english("I drink water"),
            },
        ),
    ]
}

struct Fixture {
    actor: Actor,
    course_title: LocalizedText,
    lesson_title: LocalizedText,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture {
            actor: account_actor(Uuid::from_u128(7)),
            course_title: english("Survival Korean"),
            lesson_title: english("Drinks"),
        }
    }

    fn context<'a>(&'a self, id: u128, timestamp: &'a str) -> RecordContext<'a> {
        RecordContext {
            statement_id: Uuid::from_u128(id),
            timestamp,
            actor: &self.actor,
            course_id: "survival-korean",
            course_title: &self.course_title,
            lesson_id: "drinks",
            lesson_title: &self.lesson_title,
        }
    }
}

#[test]
fn answered_statements_of_every_kind_are_valid_and_read_back() {
    let fixture = Fixture::new();
    for (index, item) in every_kind_of_item().iter().enumerate() {
        let context = fixture.context(index as u128 + 1, "2026-11-23T09:00:00.123+09:00");
        let statement = answered(
            &context,
            &Answer {
                item,
                response: "물",
                success: index % 2 == 0,
                duration_ms: 4_250,
                attempt: 2,
            },
        )
        .expect("builds");
        let typed = validate_statement(&statement).expect("valid xapi");
        let StatementObject::Activity(activity) = &typed.object else {
            panic!("object is an activity");
        };
        let definition = activity.definition.as_ref().expect("definition");
        assert!(definition.interaction_type.is_some(), "{}", item.id);
        assert_eq!(
            activity.id,
            format!(
                "https://baeum.invalid/activities/course/survival-korean/lesson/drinks/item/{}",
                item.id
            )
        );

        let event = learning_event(&statement).expect("reads back");
        assert_eq!(event.statement_id, Uuid::from_u128(index as u128 + 1));
        assert_eq!(event.verb, LearningVerb::Answered);
        assert_eq!(event.course_id, "survival-korean");
        assert_eq!(event.lesson_id, "drinks");
        assert_eq!(event.item_id.as_deref(), Some(item.id.as_str()));
        assert_eq!(event.item_kind.as_deref(), Some(item.kind.type_name()));
        assert_eq!(event.attempt, Some(2));
        assert_eq!(event.success, Some(index % 2 == 0));
        assert_eq!(event.duration_ms, Some(4_250));
        assert_eq!(event.timestamp_ms, 1_795_392_000_123);
        assert_eq!(event.utc_offset_seconds, 9 * 3600);
        assert_eq!(
            event.local_date,
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        let graded = !matches!(
            item.kind,
            ItemKind::Reading { .. }
                | ItemKind::CultureNote { .. }
                | ItemKind::HangulLetter { .. }
                | ItemKind::Vocab { .. }
        );
        assert_eq!(event.score.is_some(), graded, "{}", item.id);
    }
}

#[test]
fn interaction_types_describe_how_an_item_is_answered() {
    let fixture = Fixture::new();
    let expected = [
        ("choice-1", InteractionType::Choice),
        ("typed-1", InteractionType::FillIn),
        ("listen-1", InteractionType::FillIn),
        ("order-1", InteractionType::Sequencing),
        ("blank-1", InteractionType::FillIn),
        ("water", InteractionType::Other),
    ];
    let items = every_kind_of_item();
    for (item_id, interaction_type) in expected {
        let item = items.iter().find(|item| item.id == item_id).unwrap();
        let statement = answered(
            &fixture.context(1, "2026-11-23T09:00:00Z"),
            &Answer {
                item,
                response: "x",
                success: true,
                duration_ms: 1,
                attempt: 1,
            },
        )
        .unwrap();
        let typed = validate_statement(&statement).unwrap();
        let StatementObject::Activity(activity) = typed.object else {
            panic!("object is an activity");
        };
        assert_eq!(
            activity.definition.unwrap().interaction_type,
            Some(interaction_type),
            "{item_id}"
        );
    }
}

#[test]
fn experienced_statements_are_valid_and_read_back() {
    let fixture = Fixture::new();
    for (index, item) in every_kind_of_item().iter().take(4).enumerate() {
        let statement = experienced(
            &fixture.context(index as u128 + 100, "2026-03-29T01:59:59+01:00"),
            item,
        )
        .expect("builds");
        validate_statement(&statement).expect("valid xapi");
        let event = learning_event(&statement).expect("reads back");
        assert_eq!(event.verb, LearningVerb::Experienced);
        assert_eq!(event.item_kind.as_deref(), Some(item.kind.type_name()));
        assert_eq!(event.success, None);
        assert_eq!(
            event.local_date,
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
    }
}

#[test]
fn reading_names_are_cut_short_in_the_definition() {
    let fixture = Fixture::new();
    let items = every_kind_of_item();
    let statement = experienced(&fixture.context(1, "2026-11-23T09:00:00Z"), &items[0]).unwrap();
    let name = statement["object"]["definition"]["name"]["en"]
        .as_str()
        .unwrap();
    assert_eq!(name.chars().count(), 81);
    assert!(name.ends_with('…'));
}

#[test]
fn lesson_completion_carries_score_and_the_pass_mark() {
    let fixture = Fixture::new();
    let cases = [
        (3, 5, true),
        (2, 5, false),
        (0, 0, true),
        (6, 10, true),
        (5, 10, false),
    ];
    for (correct, total, passed) in cases {
        let outcome = LessonOutcome {
            correct,
            total,
            duration_ms: 300_000,
        };
        let completed =
            lesson_completed(&fixture.context(1, "2026-11-23T21:15:00-05:00"), &outcome).unwrap();
        validate_statement(&completed).expect("valid xapi");
        assert_eq!(completed["result"]["completion"], json!(true));
        let event = learning_event(&completed).unwrap();
        assert_eq!(event.verb, LearningVerb::Completed);
        assert_eq!(event.item_id, None);
        assert_eq!(event.success, Some(passed), "{correct}/{total}");
        assert_eq!(event.duration_ms, Some(300_000));
        assert_eq!(
            event.local_date,
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        let expected_score = if total == 0 {
            1.0
        } else {
            f64::from(correct) / f64::from(total)
        };
        assert_eq!(event.score, Some(expected_score));

        let assessed =
            lesson_assessed(&fixture.context(2, "2026-11-23T21:15:00-05:00"), &outcome).unwrap();
        validate_statement(&assessed).expect("valid xapi");
        let verb = if passed { VERB_PASSED } else { VERB_FAILED };
        assert_eq!(assessed["verb"]["id"], json!(verb));
        let event = learning_event(&assessed).unwrap();
        assert_eq!(
            event.verb,
            if passed {
                LearningVerb::Passed
            } else {
                LearningVerb::Failed
            }
        );
    }
}

#[test]
fn builders_refuse_bad_inputs_with_clear_errors() {
    let fixture = Fixture::new();
    let items = every_kind_of_item();
    let no_zone = fixture.context(1, "2026-11-23T09:00:00");
    assert!(matches!(
        experienced(&no_zone, &items[0]),
        Err(RecordError::InvalidTimestamp(_))
    ));
    let mut bad_course = fixture.context(1, "2026-11-23T09:00:00Z");
    bad_course.course_id = "Survival Korean";
    let error = experienced(&bad_course, &items[0]).unwrap_err();
    assert!(matches!(
        error,
        RecordError::InvalidId { what: "course", .. }
    ));
    assert_eq!(
        error.to_string(),
        "course id \"Survival Korean\" must match [a-z0-9][a-z0-9-]*"
    );
    let bad_actors = [
        Actor {
            account: ActorAccount {
                home_page: "baeum".to_owned(),
                name: "nobody".to_owned(),
            },
            ..account_actor(Uuid::from_u128(7))
        },
        Actor::on_baeum(String::new()),
        Actor {
            object_type: Some("Group".to_owned()),
            ..account_actor(Uuid::from_u128(7))
        },
    ];
    for bad_actor in &bad_actors {
        let mut bad_identifier = fixture.context(1, "2026-11-23T09:00:00Z");
        bad_identifier.actor = bad_actor;
        assert!(
            matches!(
                experienced(&bad_identifier, &items[0]),
                Err(RecordError::InvalidActor(_))
            ),
            "{bad_actor:?}"
        );
    }
    let impossible = LessonOutcome {
        correct: 6,
        total: 5,
        duration_ms: 0,
    };
    assert!(matches!(
        lesson_completed(&fixture.context(1, "2026-11-23T09:00:00Z"), &impossible),
        Err(RecordError::InvalidScore { .. })
    ));
}

#[test]
fn statements_pulled_back_in_utc_keep_the_learners_local_date() {
    // The server stores timestamps in UTC. The offset extension keeps the learner's own date:
    // 08:30 in Seoul on 24 November is 23:30 UTC on 23 November.
    let fixture = Fixture::new();
    let items = every_kind_of_item();
    let statement =
        experienced(&fixture.context(1, "2026-11-24T08:30:00+09:00"), &items[3]).unwrap();
    assert_eq!(
        statement["context"]["extensions"][UTC_OFFSET_EXTENSION],
        json!("+09:00")
    );
    let stored = validate_statement(&statement).unwrap().to_json();
    assert_eq!(stored["timestamp"], json!("2026-11-23T23:30:00Z"));
    let original = learning_event(&statement).unwrap();
    let pulled = learning_event(&stored).unwrap();
    assert_eq!(pulled, original);
    assert_eq!(
        pulled.local_date,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    );

    // A foreign statement of the same shape without the extension falls back to the
    // timestamp's own zone.
    let mut foreign = statement.clone();
    foreign["context"]
        .as_object_mut()
        .unwrap()
        .remove("extensions");
    let event = learning_event(&foreign).unwrap();
    assert_eq!(event.utc_offset_seconds, 9 * 3600);
    assert_eq!(event.item_kind.as_deref(), Some("vocab"));
}

#[test]
fn unknown_or_broken_statements_are_ignored() {
    let fixture = Fixture::new();
    let items = every_kind_of_item();
    let good = experienced(&fixture.context(1, "2026-11-23T09:00:00Z"), &items[3]).unwrap();
    let mut broken: Vec<Value> = vec![json!(null), json!([]), json!("statement"), json!({})];
    let edits: [(&str, Value); 8] = [
        ("/id", json!("not a uuid")),
        (
            "/verb/id",
            json!("http://adlnet.gov/expapi/verbs/attempted"),
        ),
        (
            "/object/id",
            json!("https://example.com/activities/course/a/lesson/b/item/c"),
        ),
        (
            "/object/id",
            json!("https://baeum.invalid/activities/course/a/lesson/b"),
        ),
        ("/object/objectType", json!("Agent")),
        ("/timestamp", json!("yesterday")),
        ("/timestamp", json!(42)),
        ("/verb", json!(null)),
    ];
    for (pointer, replacement) in edits {
        let mut statement = good.clone();
        *statement.pointer_mut(pointer).unwrap() = replacement;
        broken.push(statement);
    }
    for statement in &broken {
        assert_eq!(learning_event(statement), None, "{statement}");
        assert_eq!(voided_statement_id(statement), None);
    }
}

#[test]
fn voiding_statements_name_their_target() {
    let target = Uuid::from_u128(99);
    let voiding = json!({
        "id": Uuid::from_u128(100).to_string(),
        "actor": account_actor(Uuid::from_u128(7)),
        "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
        "object": { "objectType": "StatementRef", "id": target.to_string() },
        "timestamp": "2026-11-23T09:00:00Z",
    });
    validate_statement(&voiding).unwrap();
    assert_eq!(voided_statement_id(&voiding), Some(target));
    assert_eq!(learning_event(&voiding), None);
}

#[test]
fn guests_statements_move_to_their_account_unchanged_otherwise() {
    let guest = guest_actor(Uuid::from_u128(5));
    assert_eq!(
        guest.account.name,
        "guest-00000000-0000-0000-0000-000000000005"
    );
    assert!(guest.is_guest());
    assert!(is_guest_actor(&json!(guest)));
    let account = account_actor(Uuid::from_u128(6));
    assert!(!account.is_guest());
    assert!(!is_guest_actor(&json!(account)));

    let fixture = Fixture {
        actor: guest,
        ..Fixture::new()
    };
    let items = every_kind_of_item();
    let statement = experienced(&fixture.context(1, "2026-11-23T09:00:00Z"), &items[3]).unwrap();
    let moved = reassign_actor(&statement, &account).unwrap();
    validate_statement(&moved).unwrap();
    assert_eq!(moved["actor"], json!(account));
    let mut expected = statement.clone();
    expected["actor"] = json!(account);
    assert_eq!(moved, expected);
    assert_eq!(learning_event(&moved), learning_event(&statement));

    assert!(matches!(
        reassign_actor(&json!([]), &account),
        Err(RecordError::NotAnObject)
    ));
    assert!(matches!(
        reassign_actor(&statement, &Actor::on_baeum(String::new())),
        Err(RecordError::InvalidActor(_))
    ));
}
