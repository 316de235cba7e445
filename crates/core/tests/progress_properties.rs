//! Invariant 1 as properties: the fold depends only on the set of statements. Any permutation
//! and any duplication of the same statements gives an equal `Progress`, equal views and an
//! equal review queue, and voiding a statement is the same as never having had it. The saved
//! digest, grown statement by statement, stays equal to the digest of the whole fold, and
//! knows the learner's latest day with a wellbeing check-in whatever the order.

use baeum_core::content::{
    ByteSize, ChoiceOption, CourseManifest, Item, ItemKind, Language, Level, LocalizedText,
    ManifestLesson, ManifestUnit, Spoken, Subject,
};
use baeum_core::progress::{
    due_count, review_queue, schedule, streak, ContinueLesson, CourseProgress, DueCard, EventOrder,
    LearnerReport, LessonActivity, LessonStanding, Progress, ProgressDigest, Streak,
};
use baeum_core::record::{
    account_actor, answered, experienced, learning_event, lesson_completed, voided_statement_id,
    Answer, LessonOutcome, RecordContext,
};
use baeum_core::wellbeing::{check_in_statement, CheckInInput, Mood};
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use proptest::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

const COURSE: &str = "survival-korean";
const LESSONS: [&str; 3] = ["l1", "l2", "l3"];
/// 2026-11-01T00:00:00Z.
const START_MS: i64 = 1_793_491_200_000;
const HOUR_MS: i64 = 3_600_000;
/// Void targets are taken modulo this window so that they often hit a generated statement.
const VOID_WINDOW: usize = 24;
/// Seoul, Almaty, Berlin in winter and summer, New York, UTC.
const OFFSETS_SECONDS: [i32; 6] = [9 * 3600, 6 * 3600, 3600, 2 * 3600, -5 * 3600, 0];

/// One statement to generate.
#[derive(Debug, Clone)]
enum Spec {
    Answer {
        lesson: usize,
        item: usize,
        success: bool,
        duration_ms: u64,
    },
    View {
        lesson: usize,
        item: usize,
    },
    Complete {
        lesson: usize,
        correct: u32,
    },
    /// Voids the statement generated at this position (modulo the log's length).
    Void {
        target: usize,
    },
    /// A wellbeing check-in, which no progress counts but its day.
    CheckIn {
        mood: u8,
    },
}

#[derive(Debug, Clone)]
struct Generated {
    spec: Spec,
    hours_after_start: i64,
    offset_index: usize,
}

fn spec_strategy() -> impl Strategy<Value = Spec> {
    prop_oneof![
        5 => (0..3usize, 0..4usize, any::<bool>(), 0..30_000u64).prop_map(
            |(lesson, item, success, duration_ms)| Spec::Answer { lesson, item, success, duration_ms }
        ),
        2 => (0..3usize, 0..5usize).prop_map(|(lesson, item)| Spec::View { lesson, item }),
        1 => (0..3usize, 0..=5u32).prop_map(|(lesson, correct)| Spec::Complete { lesson, correct }),
        1 => (0..64usize).prop_map(|target| Spec::Void { target }),
        1 => (1..=5u8).prop_map(|mood| Spec::CheckIn { mood }),
    ]
}

fn generated_strategy() -> impl Strategy<Value = Generated> {
    (spec_strategy(), 0..(24 * 30i64), 0..OFFSETS_SECONDS.len()).prop_map(
        |(spec, hours_after_start, offset_index)| Generated {
            spec,
            hours_after_start,
            offset_index,
        },
    )
}

fn text(words: &str) -> LocalizedText {
    LocalizedText::from_pairs([(Language::En, words)])
}

/// Items 0 and 1 are words, 2 an ordering, 3 a choice, 4 a reading.
fn item(index: usize) -> Item {
    let kind = match index {
        0 | 1 => ItemKind::Vocab {
            ko: Spoken::new("물"),
            romanization: Some("mul".into()),
            gloss: text("water"),
            example: None,
        },
        2 => ItemKind::Ordering {
            prompt: text("Order"),
            words: vec!["물을".into(), "마셔요".into()],
            gloss: text("I drink water"),
        },
        3 => ItemKind::Choice {
            prompt: text("Which?"),
            ko: None,
            options: vec![ChoiceOption::Plain("물".into())],
            answer: 0,
        },
        _ => ItemKind::Reading {
            text: text("Read this."),
        },
    };
    Item {
        id: format!("item-{index}"),
        hint: None,
        kind,
    }
}

fn timestamp(milliseconds: i64, offset_seconds: i32) -> String {
    let offset = FixedOffset::east_opt(offset_seconds).expect("valid offset");
    DateTime::from_timestamp_millis(milliseconds)
        .expect("in range")
        .with_timezone(&offset)
        .to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// The generated log's learner: their account name.
fn learner() -> String {
    Uuid::from_u128(1).to_string()
}

/// The statements for a generated log; statement `i` has id `i + 1`.
fn statements(generated: &[Generated]) -> Vec<Value> {
    let actor = account_actor(Uuid::from_u128(1));
    let title = text("title");
    generated
        .iter()
        .enumerate()
        .map(|(index, generated)| {
            let id = Uuid::from_u128(index as u128 + 1);
            let when = timestamp(
                START_MS + generated.hours_after_start * HOUR_MS,
                OFFSETS_SECONDS[generated.offset_index],
            );
            let context = |lesson: usize| RecordContext {
                statement_id: id,
                timestamp: &when,
                actor: &actor,
                course_id: COURSE,
                course_title: &title,
                lesson_id: LESSONS[lesson],
                lesson_title: &title,
            };
            match &generated.spec {
                Spec::Answer {
                    lesson,
                    item: item_index,
                    success,
                    duration_ms,
                } => answered(
                    &context(*lesson),
                    &Answer {
                        item: &item(*item_index),
                        response: "물",
                        success: *success,
                        duration_ms: *duration_ms,
                        attempt: 1,
                    },
                ),
                Spec::View {
                    lesson,
                    item: item_index,
                } => experienced(&context(*lesson), &item(*item_index)),
                Spec::Complete { lesson, correct } => lesson_completed(
                    &context(*lesson),
                    &LessonOutcome {
                        correct: *correct,
                        total: 5,
                        duration_ms: 60_000,
                    },
                ),
                Spec::Void { target } => Ok(json!({
                    "id": id.to_string(),
                    "actor": actor,
                    "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
                    "object": {
                        "objectType": "StatementRef",
                        "id": Uuid::from_u128((target % VOID_WINDOW) as u128 + 1).to_string(),
                    },
                    "timestamp": when,
                })),
                Spec::CheckIn { mood } => Ok(check_in_statement(&CheckInInput {
                    statement_id: id,
                    timestamp: &when,
                    actor: &actor,
                    mood: Mood::new(*mood).expect("1 to 5"),
                    words: "",
                    wants_to_talk: false,
                    shared_with_class: None,
                })
                .expect("a valid check-in")),
            }
            .expect("generated statements are valid")
        })
        .collect()
}

fn manifest() -> CourseManifest {
    let lesson = |id: &str| ManifestLesson {
        id: id.to_owned(),
        title: text(id),
        file: format!("{id}.json"),
        item_count: 5,
        size: ByteSize::default(),
        media: Vec::new(),
    };
    CourseManifest {
        format: 1,
        id: COURSE.to_owned(),
        version: 1,
        subject: Subject::Korean,
        level: Level::Beginner,
        title: text("Survival Korean"),
        description: text("Words"),
        completion: None,
        units: vec![
            ManifestUnit {
                id: "u1".into(),
                title: text("u1"),
                size: ByteSize::default(),
                lessons: vec![lesson("l1"), lesson("l2")],
            },
            ManifestUnit {
                id: "u2".into(),
                title: text("u2"),
                size: ByteSize::default(),
                lessons: vec![lesson("l3")],
            },
        ],
    }
}

/// Everything a learner or teacher is shown, gathered for comparison.
fn views(progress: &Progress) -> impl PartialEq + std::fmt::Debug {
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("valid date");
    let now_ms = START_MS + 20 * 24 * HOUR_MS;
    (
        progress.course_progress(&manifest()),
        progress.continue_lesson(&manifest()),
        progress.mastery(),
        progress.most_missed_items(10),
        streak(progress, today),
        progress.time_spent_ms(),
        progress.last_activity(),
        review_queue(progress, now_ms, 3),
        schedule(progress),
    )
}

/// What the home screen shows.
type HomeView = (
    CourseProgress,
    Option<ContinueLesson>,
    Option<EventOrder>,
    Streak,
    usize,
    usize,
    u64,
    Vec<DueCard>,
    Option<NaiveDate>,
    Vec<LessonStanding>,
);

/// Every lesson's mark on the course's outline.
fn standings(activity: &impl LessonActivity) -> Vec<LessonStanding> {
    manifest()
        .units
        .iter()
        .flat_map(|unit| unit.lessons.iter())
        .map(|lesson| activity.lesson_standing(COURSE, &lesson.id, lesson.item_count))
        .collect()
}

/// What the home screen shows, from the full fold.
fn home_view_of_fold(progress: &Progress) -> HomeView {
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("valid date");
    let now_ms = START_MS + 20 * 24 * HOUR_MS;
    (
        progress.course_progress(&manifest()),
        progress.continue_lesson(&manifest()),
        progress.latest_activity_in_course(COURSE),
        streak(progress, today),
        due_count(progress, now_ms),
        progress.event_count(),
        progress.time_spent_ms(),
        review_queue(progress, now_ms, 3),
        progress.last_check_in_day(&learner()),
        standings(progress),
    )
}

/// What the home screen shows, from the digest.
fn home_view_of_digest(digest: &ProgressDigest) -> HomeView {
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("valid date");
    let now_ms = START_MS + 20 * 24 * HOUR_MS;
    (
        digest.course_progress(&manifest()),
        digest.continue_lesson(&manifest()),
        digest.latest_activity_in_course(COURSE),
        digest.streak(today),
        digest.due_count(now_ms),
        digest.event_count(),
        digest.time_spent_ms(),
        review_queue(digest, now_ms, 3),
        digest.last_check_in_day(&learner()),
        standings(digest),
    )
}

/// Grows a digest one statement at a time, as the app does with the statements recorded since
/// its saved digest, folding everything again whenever the digest says it must. Returns the
/// digest and how many refolds it took.
fn grown_digest(received: &[Value]) -> (ProgressDigest, usize) {
    let mut folded = Progress::new();
    let mut digest = ProgressDigest::of(&folded);
    let mut refolds = 0;
    for statement in received {
        folded.apply(statement);
        let before = digest.clone();
        if digest.apply(statement).is_err() {
            assert_eq!(digest, before, "a refused statement must change nothing");
            refolds += 1;
            digest = ProgressDigest::of(&folded);
        }
    }
    (digest, refolds)
}

/// Grows a teacher's report one statement at a time, as the server does while statements
/// arrive: each statement once, in the order received; a statement voided by one already
/// received is stored voided and not added; a voiding statement refolds everything received.
/// Returns the report and how many refolds it took.
fn grown_report(received: &[Value]) -> (LearnerReport, usize) {
    let mut report = LearnerReport::new();
    let mut refolds = 0;
    let mut voided = std::collections::HashSet::new();
    for (position, statement) in received.iter().enumerate() {
        if let Some(target) = voided_statement_id(statement) {
            voided.insert(target);
        }
        let id = statement["id"]
            .as_str()
            .and_then(|id| Uuid::parse_str(id).ok());
        if id.is_some_and(|id| voided.contains(&id)) && voided_statement_id(statement).is_none() {
            continue;
        }
        let before = report.clone();
        if report.apply(statement).is_err() {
            assert_eq!(report, before, "a refused statement must change nothing");
            refolds += 1;
            report = LearnerReport::from_statements(&received[..=position]);
        }
    }
    (report, refolds)
}

/// A log, an order to deliver it in (a permutation of its positions), and positions in that
/// order to deliver again.
type Delivery = (Vec<Value>, Vec<usize>, Vec<prop::sample::Index>);

fn log_strategy() -> impl Strategy<Value = Delivery> {
    prop::collection::vec(generated_strategy(), 0..40).prop_flat_map(|generated| {
        let log = statements(&generated);
        let positions: Vec<usize> = (0..log.len()).collect();
        (
            Just(log),
            Just(positions).prop_shuffle(),
            prop::collection::vec(any::<prop::sample::Index>(), 0..20),
        )
    })
}

/// The log delivered in `order`, then the `repeats` sent again.
fn delivered(log: &[Value], order: &[usize], repeats: &[prop::sample::Index]) -> Vec<Value> {
    let mut received: Vec<Value> = order
        .iter()
        .map(|position| log[*position].clone())
        .collect();
    if !log.is_empty() {
        for repeat in repeats {
            received.push(received[repeat.index(order.len())].clone());
        }
    }
    received
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_order_and_any_duplication_give_the_same_progress(
        (log, order, repeats) in log_strategy()
    ) {
        let original = Progress::from_statements(&log);
        let received = delivered(&log, &order, &repeats);
        let mut incremental = Progress::new();
        for statement in &received {
            incremental.apply(statement);
        }
        prop_assert_eq!(&incremental, &original);
        prop_assert_eq!(views(&incremental), views(&original));

        // Folding already-parsed events gives the same result as folding the JSON (less the
        // check-ins, which are no learning event).
        let without_check_ins = Progress::from_statements(log.iter().filter(|statement| {
            statement.pointer("/verb/id").and_then(Value::as_str)
                != Some(baeum_core::wellbeing::VERB_CHECKED_IN)
        }));
        let events = received.iter().filter_map(learning_event);
        let voided = received.iter().filter_map(voided_statement_id);
        prop_assert_eq!(&Progress::from_events(events, voided), &without_check_ins);

        // The live events the fold lists fold back into the same progress.
        let voided = received.iter().filter_map(voided_statement_id);
        prop_assert_eq!(
            &Progress::from_events(original.events_in_order(), voided),
            &without_check_ins
        );
    }

    #[test]
    fn conflicting_bodies_under_one_id_fold_the_same_in_any_order(
        (mut log, order, repeats) in log_strategy(),
        copies in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..6),
    ) {
        // Such statements should never exist (the server refuses a second body for an id), but
        // if one slipped through, every device must still keep the same one.
        if !log.is_empty() {
            for (from, to) in &copies {
                let id = log[from.index(log.len())]["id"].clone();
                let target = to.index(log.len());
                log[target]["id"] = id;
            }
        }
        let in_log_order = Progress::from_statements(&log);
        let received = delivered(&log, &order, &repeats);
        let in_delivery_order = Progress::from_statements(&received);
        prop_assert_eq!(&in_delivery_order, &in_log_order);
        prop_assert_eq!(views(&in_delivery_order), views(&in_log_order));
    }

    #[test]
    fn voiding_a_statement_is_the_same_as_never_having_had_it(
        (log, _order, _repeats) in log_strategy()
    ) {
        let voided: Vec<Uuid> = log.iter().filter_map(voided_statement_id).collect();
        let kept: Vec<&Value> = log
            .iter()
            .filter(|statement| voided_statement_id(statement).is_none())
            .filter(|statement| {
                learning_event(statement)
                    .is_some_and(|event| !voided.contains(&event.statement_id))
            })
            .collect();
        let with_voiding = Progress::from_statements(&log);
        let without = Progress::from_statements(kept);
        prop_assert_eq!(views(&with_voiding), views(&without));
        prop_assert_eq!(with_voiding.event_count(), without.event_count());
    }

    #[test]
    fn a_digest_grown_statement_by_statement_equals_the_digest_of_the_fold(
        (log, order, _repeats) in log_strategy()
    ) {
        let original = Progress::from_statements(&log);
        let expected = ProgressDigest::of(&original);
        let received: Vec<Value> = order.iter().map(|position| log[*position].clone()).collect();
        let (grown, _refolds) = grown_digest(&received);
        prop_assert_eq!(&grown, &expected);
        prop_assert_eq!(home_view_of_digest(&grown), home_view_of_fold(&original));
        // The courses home asks the catalogue for: exactly those with live activity.
        let worked_in: Vec<String> = original
            .latest_activity_in_course(COURSE)
            .map(|_| COURSE.to_owned())
            .into_iter()
            .collect();
        prop_assert_eq!(grown.courses_worked_in(), worked_in);
        // The latest check-in's day on the learner's own clock (the date its timestamp
        // writes), withdrawn ones too.
        let last_check_in_day = log
            .iter()
            .filter(|statement| statement.pointer("/verb/id").and_then(Value::as_str)
                == Some(baeum_core::wellbeing::VERB_CHECKED_IN))
            .filter_map(|statement| statement["timestamp"].as_str()?.get(..10)?.parse().ok())
            .max();
        prop_assert_eq!(grown.last_check_in_day(&learner()), last_check_in_day);
        prop_assert_eq!(grown.last_check_in_day("someone-else"), None);

        // The digest is saved as a structured value, as IndexedDB keeps it, and read back whole.
        let saved = serde_json::to_value(&grown).expect("a digest serializes");
        let read_back: ProgressDigest = serde_json::from_value(saved).expect("and reads back");
        prop_assert_eq!(&read_back, &grown);
    }

    #[test]
    fn one_device_recording_in_time_order_never_needs_a_refold(
        (log, _order, _repeats) in log_strategy()
    ) {
        let mut in_time_order: Vec<Value> = log
            .into_iter()
            .filter(|statement| voided_statement_id(statement).is_none())
            .collect();
        in_time_order.sort_by_key(|statement| {
            learning_event(statement).map(|event| (event.timestamp_ms, event.statement_id))
        });
        let (grown, refolds) = grown_digest(&in_time_order);
        prop_assert_eq!(refolds, 0);
        prop_assert_eq!(&grown, &ProgressDigest::of(&Progress::from_statements(&in_time_order)));
    }

    #[test]
    fn a_report_grown_statement_by_statement_equals_the_report_of_the_fold(
        (log, order, _repeats) in log_strategy()
    ) {
        let original = Progress::from_statements(&log);
        let expected = LearnerReport::of(&original);
        let received: Vec<Value> = order.iter().map(|position| log[*position].clone()).collect();
        let (grown, _refolds) = grown_report(&received);
        prop_assert_eq!(&grown, &expected);
        // And it answers what the reports ask as the fold does.
        for lesson in LESSONS {
            prop_assert_eq!(
                grown.is_lesson_completed(COURSE, lesson),
                original.is_lesson_completed(COURSE, lesson)
            );
            prop_assert_eq!(
                grown.latest_activity_ms(COURSE, lesson),
                original.latest_activity(COURSE, lesson).map(|order| order.0)
            );
            prop_assert_eq!(
                grown.best_lesson_score(COURSE, lesson),
                original.best_lesson_score(COURSE, lesson)
            );
        }
        prop_assert_eq!(
            grown.last_activity_ms(),
            original.last_activity().map(|activity| activity.timestamp_ms)
        );
        prop_assert_eq!(grown.most_missed_items(usize::MAX), original.most_missed_items(usize::MAX));
        prop_assert_eq!(grown.most_missed_items(2), original.most_missed_items(2));
    }

    #[test]
    fn reports_of_two_parts_of_a_log_merge_into_the_report_of_the_whole(
        (log, order, _repeats) in log_strategy(),
        split in any::<prop::sample::Index>(),
    ) {
        let log: Vec<Value> = order
            .iter()
            .map(|position| log[*position].clone())
            .filter(|statement| voided_statement_id(statement).is_none())
            .collect();
        let at = if log.is_empty() { 0 } else { split.index(log.len() + 1) };
        let mut merged = LearnerReport::from_statements(&log[..at]);
        merged.merge(&LearnerReport::from_statements(&log[at..]));
        prop_assert_eq!(merged, LearnerReport::from_statements(&log));
    }
}
