//! The progress fold's rules: completion, mastery, continue, time, most missed, voiding,
//! streaks across time zones and daylight saving, and FSRS against published reference values.

use baeum_core::content::{
    ByteSize, ChoiceOption, CourseManifest, Item, ItemKind, Language, Level, LocalizedText,
    ManifestLesson, ManifestUnit, Spoken, Subject,
};
use baeum_core::progress::{
    due_count, review_queue, schedule, streak, CardState, ContinueLesson, ItemKey, LessonActivity,
    LessonStanding, Progress, ProgressDigest,
};
use baeum_core::record::{
    account_actor, answered, experienced, learning_event, lesson_completed, Answer, LessonOutcome,
    RecordContext,
};
use chrono::{DateTime, NaiveDate, SecondsFormat};
use serde_json::{json, Value};
use uuid::Uuid;

const COURSE: &str = "survival-korean";
const DAY_MS: i64 = 86_400_000;

fn text(words: &str) -> LocalizedText {
    LocalizedText::from_pairs([(Language::En, words)])
}

fn vocab(id: &str) -> Item {
    Item {
        id: id.to_owned(),
        hint: None,
        kind: ItemKind::Vocab {
            ko: Spoken::new("물"),
            romanization: Some("mul".into()),
            gloss: text("water"),
            example: None,
        },
    }
}

fn choice(id: &str) -> Item {
    Item {
        id: id.to_owned(),
        hint: None,
        kind: ItemKind::Choice {
            prompt: text("Which?"),
            ko: None,
            options: vec![ChoiceOption::Plain("물".into())],
            answer: 0,
        },
    }
}

/// Builds statements for one learner in one course through the public builders.
struct Learner {
    actor: baeum_core::record::Actor,
    title: LocalizedText,
}

impl Learner {
    fn new() -> Learner {
        Learner {
            actor: account_actor(Uuid::from_u128(1)),
            title: text("title"),
        }
    }

    fn context<'a>(&'a self, id: u128, timestamp: &'a str, lesson: &'a str) -> RecordContext<'a> {
        RecordContext {
            statement_id: Uuid::from_u128(id),
            timestamp,
            actor: &self.actor,
            course_id: COURSE,
            course_title: &self.title,
            lesson_id: lesson,
            lesson_title: &self.title,
        }
    }

    fn answer(
        &self,
        id: u128,
        timestamp: &str,
        lesson: &str,
        item: &Item,
        success: bool,
        duration_ms: u64,
    ) -> Value {
        answered(
            &self.context(id, timestamp, lesson),
            &Answer {
                item,
                response: "물",
                success,
                duration_ms,
                attempt: 1,
            },
        )
        .expect("valid answer")
    }

    fn view(&self, id: u128, timestamp: &str, lesson: &str, item: &Item) -> Value {
        experienced(&self.context(id, timestamp, lesson), item).expect("valid view")
    }

    fn complete(&self, id: u128, timestamp: &str, lesson: &str, correct: u32) -> Value {
        lesson_completed(
            &self.context(id, timestamp, lesson),
            &LessonOutcome {
                correct,
                total: 5,
                duration_ms: 600_000,
            },
        )
        .expect("valid completion")
    }
}

fn void(id: u128, target: u128) -> Value {
    json!({
        "id": Uuid::from_u128(id).to_string(),
        "actor": account_actor(Uuid::from_u128(1)),
        "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
        "object": { "objectType": "StatementRef", "id": Uuid::from_u128(target).to_string() },
        "timestamp": "2026-11-30T00:00:00Z",
    })
}

fn manifest() -> CourseManifest {
    let lesson = |id: &str| ManifestLesson {
        id: id.to_owned(),
        title: text(id),
        file: format!("{id}.json"),
        item_count: 3,
        size: ByteSize::default(),
        media: Vec::new(),
    };
    let unit = |id: &str, lessons: &[&str]| ManifestUnit {
        id: id.to_owned(),
        title: text(id),
        size: ByteSize::default(),
        lessons: lessons.iter().map(|id| lesson(id)).collect(),
    };
    CourseManifest {
        format: 1,
        id: COURSE.to_owned(),
        version: 1,
        subject: Subject::Korean,
        level: Level::Beginner,
        title: text("Survival Korean"),
        description: text("Words for the first week"),
        completion: None,
        units: vec![unit("u1", &["l1", "l2"]), unit("u2", &["l3"])],
    }
}

fn key(lesson: &str, item: &str) -> ItemKey {
    ItemKey {
        course_id: COURSE.to_owned(),
        lesson_id: lesson.to_owned(),
        item_id: item.to_owned(),
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn utc_text(milliseconds: i64) -> String {
    DateTime::from_timestamp_millis(milliseconds)
        .expect("in range")
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[test]
fn a_lesson_is_new_started_with_how_far_or_done_on_the_fold_and_its_digest() {
    let learner = Learner::new();
    let (first, second, reading) = (vocab("water"), choice("which"), vocab("shown-only"));
    let log = [
        learner.answer(1, "2026-11-20T10:00:00+09:00", "l1", &first, false, 3_000),
        learner.answer(2, "2026-11-20T10:01:00+09:00", "l1", &first, true, 3_000),
        learner.view(3, "2026-11-20T10:02:00+09:00", "l1", &reading),
        learner.answer(4, "2026-11-20T10:03:00+09:00", "l2", &second, true, 3_000),
        learner.complete(5, "2026-11-20T10:04:00+09:00", "l2", 5),
    ];
    let progress = Progress::from_statements(&log);
    let mut digest = ProgressDigest::default();
    for statement in &log {
        digest.apply(statement).expect("grows");
    }
    for activity in [&progress as &dyn LessonActivity, &digest] {
        // Two items of five seen in l1 (one answered twice, one only shown).
        assert_eq!(
            activity.lesson_standing(COURSE, "l1", 5),
            LessonStanding::Started { seen: 2, of: 5 }
        );
        assert_eq!(
            activity.lesson_standing(COURSE, "l2", 5),
            LessonStanding::Done
        );
        assert_eq!(
            activity.lesson_standing(COURSE, "l3", 5),
            LessonStanding::New
        );
        // A lesson id that is a prefix of another's counts only its own items.
        assert_eq!(
            activity.lesson_standing(COURSE, "l", 5),
            LessonStanding::New
        );
        // Items of a lesson whose outline now lists fewer are counted up to its count.
        assert_eq!(
            activity.lesson_standing(COURSE, "l1", 1),
            LessonStanding::Started { seen: 1, of: 1 }
        );
    }
}

#[test]
fn lessons_units_and_courses_complete_by_the_manifest() {
    let learner = Learner::new();
    let log = [
        learner.complete(1, "2026-11-20T10:00:00+09:00", "l1", 5),
        learner.complete(2, "2026-11-21T10:00:00+09:00", "l2", 2),
        // A completion of a lesson the manifest does not list is kept but counts nowhere.
        learner.complete(3, "2026-11-21T11:00:00+09:00", "retired-lesson", 5),
    ];
    let progress = Progress::from_statements(&log);
    let course = progress.course_progress(&manifest());
    assert_eq!(course.lessons_done, 2);
    assert_eq!(course.lessons_total, 3);
    assert!(!course.is_complete());
    assert!(course.units[0].is_complete());
    assert!(!course.units[1].is_complete());
    // A failed run (2 of 5) still completes the lesson; its score is kept.
    assert!(progress.is_lesson_completed(COURSE, "l2"));
    assert_eq!(progress.best_lesson_score(COURSE, "l2"), Some(0.4));

    let mut finished = progress.clone();
    assert!(finished.apply(&learner.complete(4, "2026-11-22T10:00:00+09:00", "l3", 4)));
    assert!(finished.course_progress(&manifest()).is_complete());
    assert_eq!(finished.continue_lesson(&manifest()), None);
}

#[test]
fn mastery_needs_three_of_the_last_five_answers_right() {
    let learner = Learner::new();
    let word = vocab("water");
    // Answers in time order: ✓ ✓ ✓ ✗ ✗ ✗ ✓ — the last five are ✓ ✗ ✗ ✗ ✓, two right.
    let outcomes = [true, true, true, false, false, false, true];
    let mut log: Vec<Value> = outcomes
        .iter()
        .enumerate()
        .map(|(index, success)| {
            let timestamp = format!("2026-11-2{index}T10:00:00+09:00");
            // Ids run against time so that id order is not mistaken for time order.
            learner.answer(
                100 - index as u128,
                &timestamp,
                "l1",
                &word,
                *success,
                5_000,
            )
        })
        .collect();
    let progress = Progress::from_statements(&log);
    let mastery = progress.item_mastery(&key("l1", "water")).unwrap();
    assert_eq!(mastery.attempts, 7);
    assert_eq!(mastery.recent_correct, 2);
    assert!(!mastery.mastered);

    // One more right answer: the last five are ✗ ✗ ✗ ✓ ✓, still two.
    log.push(learner.answer(1, "2026-11-28T10:00:00+09:00", "l1", &word, true, 5_000));
    let progress = Progress::from_statements(&log);
    let mastery = progress.item_mastery(&key("l1", "water")).unwrap();
    assert_eq!(mastery.recent_correct, 2);
    assert!(!mastery.mastered);

    // And another: ✗ ✗ ✓ ✓ ✓ is three of five.
    log.push(learner.answer(2, "2026-11-29T10:00:00+09:00", "l1", &word, true, 5_000));
    let progress = Progress::from_statements(&log);
    let mastery = progress.item_mastery(&key("l1", "water")).unwrap();
    assert_eq!(mastery.recent_correct, 3);
    assert!(mastery.mastered);
    assert_eq!(progress.mastery().len(), 1);
    assert_eq!(progress.item_mastery(&key("l1", "fire")), None);
}

#[test]
fn answers_at_the_same_instant_are_ordered_by_statement_id() {
    let learner = Learner::new();
    let word = vocab("water");
    let same_time = "2026-11-20T10:00:00+09:00";
    // Five answers at one instant: the last two by id are wrong, three right overall.
    let log: Vec<Value> = [
        (1, true),
        (2, true),
        (3, true),
        (4, false),
        (5, false),
        (6, false),
    ]
    .iter()
    .map(|(id, success)| learner.answer(*id, same_time, "l1", &word, *success, 5_000))
    .collect();
    let progress = Progress::from_statements(log.iter().rev());
    let mastery = progress.item_mastery(&key("l1", "water")).unwrap();
    // The last five by (time, id) are ids 2..=6: two right.
    assert_eq!(mastery.recent_correct, 2);
}

#[test]
fn continue_opens_the_unfinished_lesson_or_the_next_one() {
    let learner = Learner::new();
    let manifest = manifest();
    let empty = Progress::new();
    assert_eq!(
        empty.continue_lesson(&manifest),
        Some(ContinueLesson {
            unit_id: "u1".into(),
            lesson_id: "l1".into(),
            in_progress: false
        })
    );

    let mut progress =
        Progress::from_statements(&[learner.complete(1, "2026-11-20T10:00:00+09:00", "l1", 5)]);
    assert_eq!(
        progress.continue_lesson(&manifest).unwrap().lesson_id,
        "l2",
        "the lesson after the completed one"
    );

    // Started l3 but did not finish it: continue goes back to l3.
    progress.apply(&learner.view(2, "2026-11-21T10:00:00+09:00", "l3", &vocab("hello")));
    assert_eq!(
        progress.continue_lesson(&manifest),
        Some(ContinueLesson {
            unit_id: "u2".into(),
            lesson_id: "l3".into(),
            in_progress: true
        })
    );

    // Finished l3: the next incomplete lesson after it wraps round to l2.
    progress.apply(&learner.complete(3, "2026-11-21T10:30:00+09:00", "l3", 5));
    assert_eq!(progress.continue_lesson(&manifest).unwrap().lesson_id, "l2");
    let last = progress.last_activity().unwrap();
    assert_eq!(last.lesson.lesson_id, "l3");
}

#[test]
fn time_spent_and_most_missed_items() {
    let learner = Learner::new();
    let first = choice("q1");
    let second = choice("q2");
    let third = choice("q3");
    let log = [
        learner.answer(1, "2026-11-20T10:00:00+09:00", "l1", &first, false, 4_000),
        learner.answer(2, "2026-11-20T10:01:00+09:00", "l1", &first, false, 3_000),
        learner.answer(3, "2026-11-20T10:02:00+09:00", "l1", &second, false, 2_000),
        learner.answer(4, "2026-11-20T10:03:00+09:00", "l1", &second, true, 1_000),
        learner.answer(5, "2026-11-20T10:04:00+09:00", "l1", &third, true, 500),
        learner.view(6, "2026-11-20T10:05:00+09:00", "l1", &vocab("water")),
        // The lesson's own duration overlaps the items' and is not added again.
        learner.complete(7, "2026-11-20T10:06:00+09:00", "l1", 1),
    ];
    let progress = Progress::from_statements(&log);
    assert_eq!(progress.time_spent_ms(), 10_500);
    let missed = progress.most_missed_items(10);
    assert_eq!(missed.len(), 2);
    assert_eq!(missed[0].item, key("l1", "q1"));
    assert_eq!((missed[0].attempts, missed[0].wrong), (2, 2));
    assert_eq!(missed[1].item, key("l1", "q2"));
    assert_eq!((missed[1].attempts, missed[1].wrong), (2, 1));
    assert_eq!(progress.most_missed_items(1).len(), 1);
}

#[test]
fn voiding_removes_the_target_whichever_arrives_first() {
    let learner = Learner::new();
    let completion = learner.complete(1, "2026-11-20T10:00:00+09:00", "l1", 5);
    let wrong_answer = learner.answer(2, "2026-11-20T10:00:00+09:00", "l1", &choice("q"), false, 1);
    let voiding = void(3, 1);
    let void_answer = void(4, 2);

    let before = Progress::from_statements([&completion, &wrong_answer, &voiding, &void_answer]);
    let after = Progress::from_statements([&voiding, &void_answer, &wrong_answer, &completion]);
    assert_eq!(before, after);
    assert!(!before.is_lesson_completed(COURSE, "l1"));
    assert!(before.most_missed_items(5).is_empty());
    assert_eq!(before.event_count(), 0);
    assert!(before.active_days().is_empty());

    // Re-sending the voided statement does not bring it back.
    let mut progress = before.clone();
    assert!(!progress.apply(&completion));
    assert_eq!(progress, before);
}

#[test]
fn streaks_follow_the_learners_own_dates_across_time_zones() {
    let learner = Learner::new();
    let word = vocab("water");
    let log = [
        // Seoul, +09:00: 23:30 on the 1st and 00:30 on the 2nd are two days.
        learner.view(1, "2026-12-01T23:30:00+09:00", "l1", &word),
        learner.view(2, "2026-12-02T00:30:00+09:00", "l1", &word),
        // Moved to Almaty, +06:00 (the day gained three hours).
        learner.view(3, "2026-12-03T21:00:00+06:00", "l1", &word),
        // 02:00 in Almaty on the 4th is 05:00 in Seoul: still the 4th, one more day.
        learner.view(4, "2026-12-04T02:00:00+06:00", "l1", &word),
        // A gap on the 5th, then two more days.
        learner.view(5, "2026-12-06T08:00:00+06:00", "l1", &word),
        learner.view(6, "2026-12-07T08:00:00+06:00", "l1", &word),
    ];
    let progress = Progress::from_statements(&log);
    let days: Vec<NaiveDate> = progress.active_days().keys().copied().collect();
    assert_eq!(
        days,
        vec![
            date(2026, 12, 1),
            date(2026, 12, 2),
            date(2026, 12, 3),
            date(2026, 12, 4),
            date(2026, 12, 6),
            date(2026, 12, 7)
        ]
    );
    let on_the_seventh = streak(&progress, date(2026, 12, 7));
    assert_eq!(on_the_seventh.current_days, 2);
    assert_eq!(on_the_seventh.longest_days, 4);
    assert_eq!(on_the_seventh.active_days, 6);
    // Yesterday's streak is still alive until the day ends; two days later it is broken.
    assert_eq!(streak(&progress, date(2026, 12, 8)).current_days, 2);
    assert_eq!(streak(&progress, date(2026, 12, 9)).current_days, 0);
    // Seen from the 4th (a device whose clock is behind), later days do not count.
    assert_eq!(streak(&progress, date(2026, 12, 4)).current_days, 4);
    // A learner who flew west holds a statement dated tomorrow: the streak still counts it.
    assert_eq!(streak(&progress, date(2026, 12, 6)).current_days, 2);
}

#[test]
fn streaks_survive_a_daylight_saving_change() {
    // Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026. The night's 23:30 and the
    // morning after the change are different days; the instants 00:30+01:00 and 03:30+02:00 on
    // the 29th are one day.
    let learner = Learner::new();
    let word = vocab("water");
    let log = [
        learner.view(1, "2026-03-28T23:30:00+01:00", "l1", &word),
        learner.view(2, "2026-03-29T00:30:00+01:00", "l1", &word),
        learner.view(3, "2026-03-29T03:30:00+02:00", "l1", &word),
        learner.view(4, "2026-03-30T00:15:00+02:00", "l1", &word),
    ];
    let progress = Progress::from_statements(&log);
    assert_eq!(
        progress.active_days().get(&date(2026, 3, 29)).copied(),
        Some(2)
    );
    let result = streak(&progress, date(2026, 3, 30));
    assert_eq!(result.current_days, 3);
    assert_eq!(result.longest_days, 3);
    // 00:15+02:00 on the 30th is 22:15 UTC on the 29th: a fold that used UTC dates would have
    // counted it on the 29th and found only two days.
    assert_eq!(result.last_active_day, Some(date(2026, 3, 30)));
}

/// Reference: rs-fsrs 1.2.1, `src/tests.rs`, `test_basic_scheduler_interval` (the FSRS project's
/// Rust port, <https://github.com/open-spaced-repetition/rs-fsrs>): with the default FSRS-5
/// parameters and no fuzz, a new card rated Good ×6, Again ×2, Good ×5, each review on its due
/// date, gets the intervals (in days) 0, 4, 15, 48, 136, 351, 0, 0, 7, 13, 24, 43, 77.
#[test]
fn fsrs_replay_matches_the_published_interval_sequence() {
    let learner = Learner::new();
    let word = vocab("water");
    // Good for a word is a right answer in more than 3 and at most 10 seconds.
    let ratings = [
        true, true, true, true, true, true, false, false, true, true, true, true, true,
    ];
    let expected_days = [0, 4, 15, 48, 136, 351, 0, 0, 7, 13, 24, 43, 77];
    // 2022-11-29 12:30:00 UTC, the reference test's start.
    let mut now_ms: i64 = 1_669_725_000_000;
    let mut log = Vec::new();
    let mut intervals = Vec::new();
    for (index, success) in ratings.iter().enumerate() {
        let timestamp = utc_text(now_ms);
        log.push(learner.answer(index as u128 + 1, &timestamp, "l1", &word, *success, 5_000));
        let progress = Progress::from_statements(&log);
        let cards = schedule(&progress);
        assert_eq!(cards.len(), 1);
        let card = &cards[0];
        assert_eq!(card.last_review_ms, Some(now_ms));
        intervals.push((card.due_ms - now_ms).div_euclid(DAY_MS));
        now_ms = card.due_ms;
    }
    assert_eq!(intervals, expected_days);
}

/// FSRS's interval formula (the FSRS-4.5/5 algorithm description in the FSRS project's wiki,
/// "The Algorithm"): I(r) = S / FACTOR × (r^(1/DECAY) − 1) with DECAY = −0.5 and
/// FACTOR = 19/81, so at r = 0.9 the interval equals the stability. A new card rated Easy gets
/// the initial stability w[3] = 15.4722 days, rounded to 15.
#[test]
fn fsrs_first_easy_answer_schedules_the_initial_stability() {
    let learner = Learner::new();
    let start_ms: i64 = 1_669_725_000_000;
    let log = [learner.answer(1, &utc_text(start_ms), "l1", &vocab("water"), true, 1_000)];
    let cards = schedule(&Progress::from_statements(&log));
    assert_eq!(cards[0].state, CardState::Review);
    assert!((cards[0].stability - 15.4722).abs() < 1e-9);
    assert_eq!(cards[0].due_ms - start_ms, 15 * DAY_MS);
}

#[test]
fn review_queue_lists_due_cards_then_limited_new_items() {
    let learner = Learner::new();
    let start_ms: i64 = 1_795_392_000_000;
    let log = [
        // Answered wrong: a new card rated Again is due again after one minute.
        learner.answer(1, &utc_text(start_ms), "l1", &vocab("wrong"), false, 5_000),
        // Answered Easy: due in 15 days.
        learner.answer(2, &utc_text(start_ms), "l1", &vocab("easy"), true, 1_000),
        // Shown, never answered: new.
        learner.view(3, &utc_text(start_ms - 2 * DAY_MS), "l1", &vocab("new-a")),
        learner.view(4, &utc_text(start_ms - DAY_MS), "l1", &vocab("new-b")),
        learner.view(5, &utc_text(start_ms - DAY_MS), "l1", &vocab("new-c")),
        // Not a scheduled kind: neither reviewed nor new.
        learner.answer(
            6,
            &utc_text(start_ms),
            "l1",
            &choice("question"),
            false,
            5_000,
        ),
        learner.view(7, &utc_text(start_ms), "l1", &choice("unanswered-question")),
    ];
    let progress = Progress::from_statements(&log);
    let an_hour_later = start_ms + 3_600_000;
    assert_eq!(due_count(&progress, an_hour_later), 1);
    assert_eq!(due_count(&progress, start_ms + 16 * DAY_MS), 2);

    // Two items were first answered within the last 24 hours, so a limit of 3 leaves one new.
    let queue = review_queue(&progress, an_hour_later, 3);
    let names: Vec<(&str, bool)> = queue
        .iter()
        .map(|card| (card.item.item_id.as_str(), card.is_new()))
        .collect();
    assert_eq!(names, vec![("wrong", false), ("new-a", true)]);

    // Two days later the first answers no longer count against the limit.
    let later = start_ms + 2 * DAY_MS;
    let queue = review_queue(&progress, later, 2);
    let names: Vec<&str> = queue
        .iter()
        .map(|card| card.item.item_id.as_str())
        .collect();
    assert_eq!(names, vec!["wrong", "new-a", "new-b"]);
    assert_eq!(review_queue(&progress, later, 0).len(), 1);
}

#[test]
fn events_with_ids_that_are_not_content_ids_are_ignored() {
    let learner = Learner::new();
    let statement = learner.view(1, "2026-11-20T10:00:00+09:00", "l1", &vocab("water"));
    let event = learning_event(&statement).expect("reads back");
    let mut progress = Progress::new();
    let mut slashed = event.clone();
    slashed.course_id = "survival/korean".into();
    assert!(!progress.apply_event(slashed));
    assert_eq!(progress, Progress::new());
    assert!(progress.apply_event(event.clone()));
    assert!(!progress.apply_event(event.clone()));
    assert_eq!(progress.events_in_order(), vec![event]);
}
