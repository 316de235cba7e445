//! A measurement, not a timed assertion (design.md: timings are measured, never asserted):
//! folds 100,000 statements and prints how long the fold and the review queue take. Ignored by
//! default because it only means something in release:
//! `cargo test --release -p baeum-core --test progress_speed -- --ignored --nocapture`.

use std::time::Instant;

use baeum_core::content::{Item, ItemKind, Language, LocalizedText, Spoken};
use baeum_core::progress::{review_queue, streak, Progress};
use baeum_core::record::{
    account_actor, answered, experienced, learning_event, lesson_completed, Answer, LessonOutcome,
    RecordContext,
};
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde_json::Value;
use uuid::Uuid;

const STATEMENTS: usize = 100_000;
const LESSONS: usize = 50;
const ITEMS_PER_LESSON: usize = 20;
/// 2026-01-01T00:00:00Z.
const START_MS: i64 = 1_767_225_600_000;

fn vocab(index: usize) -> Item {
    Item {
        id: format!("word-{index}"),
        hint: None,
        kind: ItemKind::Vocab {
            ko: Spoken::new("물"),
            romanization: Some("mul".into()),
            gloss: LocalizedText::from_pairs([(Language::En, "water")]),
            example: None,
        },
    }
}

/// A year of a busy learner: mostly answers, some views and completions, in two time zones.
fn year_of_statements() -> Vec<Value> {
    let actor = account_actor(Uuid::from_u128(1));
    let title = LocalizedText::from_pairs([(Language::En, "title")]);
    let items: Vec<Item> = (0..ITEMS_PER_LESSON).map(vocab).collect();
    let lesson_ids: Vec<String> = (0..LESSONS)
        .map(|lesson| format!("lesson-{lesson}"))
        .collect();
    (0..STATEMENTS)
        .map(|index| {
            // A deterministic spread: roughly five minutes apart, a year in all.
            let milliseconds = START_MS + index as i64 * 315_000;
            let offset_seconds = if index % 7 == 0 { 6 * 3600 } else { 9 * 3600 };
            let offset = FixedOffset::east_opt(offset_seconds).expect("valid offset");
            let timestamp = DateTime::from_timestamp_millis(milliseconds)
                .expect("in range")
                .with_timezone(&offset)
                .to_rfc3339_opts(SecondsFormat::Millis, false);
            let lesson = index / (STATEMENTS / LESSONS);
            let context = RecordContext {
                statement_id: Uuid::from_u128(index as u128 + 1),
                timestamp: &timestamp,
                actor: &actor,
                course_id: "survival-korean",
                course_title: &title,
                lesson_id: &lesson_ids[lesson % LESSONS],
                lesson_title: &title,
            };
            let item = &items[index % ITEMS_PER_LESSON];
            match index % 20 {
                0 => lesson_completed(
                    &context,
                    &LessonOutcome {
                        correct: 4,
                        total: 5,
                        duration_ms: 600_000,
                    },
                ),
                1..=3 => experienced(&context, item),
                _ => answered(
                    &context,
                    &Answer {
                        item,
                        response: "물",
                        success: index % 3 != 0,
                        duration_ms: (index % 12) as u64 * 1000,
                        attempt: 1,
                    },
                ),
            }
            .expect("valid statement")
        })
        .collect()
}

/// A wall-clock and a CPU-time stopwatch. The machines this runs on are often shared by several
/// builds at once, which stretches wall-clock time; the thread's own CPU time (from Linux's
/// `/proc/thread-self/schedstat`) is what the code itself costs.
struct Stopwatch {
    wall: Instant,
    cpu_ns: Option<u64>,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch {
            wall: Instant::now(),
            cpu_ns: thread_cpu_ns(),
        }
    }

    fn read(&self) -> String {
        let wall = self.wall.elapsed();
        match (self.cpu_ns, thread_cpu_ns()) {
            (Some(start), Some(end)) => format!(
                "{:.1} ms CPU ({:.1} ms wall)",
                (end - start) as f64 / 1e6,
                wall.as_secs_f64() * 1e3
            ),
            _ => format!("{:.1} ms wall", wall.as_secs_f64() * 1e3),
        }
    }
}

fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[test]
#[ignore = "a measurement; run in release with --ignored --nocapture"]
fn fold_of_100000_statements() {
    // The log is read back from JSON text, as the server reads stored bodies and the client
    // reads IndexedDB, so the values lie in memory the way they do in the apps.
    let log: Vec<Value> = year_of_statements()
        .iter()
        .map(|statement| {
            serde_json::from_str(&statement.to_string()).expect("a statement reads back")
        })
        .collect();

    // Three folds, kept until the end so that no drop is timed; the first also pays for the
    // allocator's first growth of the heap.
    let mut folds = Vec::new();
    let mut fold_times = Vec::new();
    for _ in 0..3 {
        let stopwatch = Stopwatch::start();
        folds.push(Progress::from_statements(&log));
        fold_times.push(stopwatch.read());
    }
    let progress = &folds[2];

    let stopwatch = Stopwatch::start();
    let events: Vec<_> = log.iter().filter_map(learning_event).collect();
    let parse_time = stopwatch.read();
    let stopwatch = Stopwatch::start();
    let from_events = Progress::from_events(events, []);
    let fold_events_time = stopwatch.read();

    let now_ms = START_MS + 366 * 86_400_000;
    let stopwatch = Stopwatch::start();
    let queue = review_queue(progress, now_ms, 20);
    let queue_time = stopwatch.read();

    let stopwatch = Stopwatch::start();
    let today = NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid date");
    let streaks = streak(progress, today);
    let streak_time = stopwatch.read();

    assert_eq!(progress.event_count(), STATEMENTS);
    assert_eq!(&from_events, progress);
    assert_eq!(folds[0], folds[1]);
    assert!(!queue.is_empty() && queue.len() <= LESSONS * ITEMS_PER_LESSON);
    assert!(streaks.longest_days >= 364);
    eprintln!("{STATEMENTS} statements:");
    eprintln!("  folds of the JSON values: {}", fold_times.join(", "));
    eprintln!("  parsing alone: {parse_time}");
    eprintln!("  fold of parsed events: {fold_events_time}");
    eprintln!("  review queue of {} cards: {queue_time}", queue.len());
    eprintln!("  streak: {streak_time}");
}
