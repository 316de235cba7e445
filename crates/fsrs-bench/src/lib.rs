//! The spaced-repetition benchmark of `cargo xtask bench`: a learner's history with thousands of
//! words, folded into progress and scheduled with FSRS, timed.
//!
//! The same code runs twice. xtask runs it natively (the `server` profile) and compiles it to
//! wasm in the release profile the client ships with, which `tests/bench/browser.mjs` loads into
//! headless Chromium, with and without the CPU slowed down. Only the clock differs: `Instant` on
//! the machine, `performance.now()` in the page. This crate is a measurement, never part of the
//! app.

use baeum_core::content::{Item, ItemKind, Language, LocalizedText, Spoken};
use baeum_core::progress::{fsrs, review_queue, Progress};
use baeum_core::record::{self, Answer, RecordContext, RecordError};
use baeum_core::sync::{ClockError, ClockOffset};
use serde_json::{json, Value};
use uuid::Uuid;

/// Cards in the measurement: the "FSRS schedules 10,000 cards in wasm in under 50 ms".
pub const CARDS: usize = 10_000;
/// Timed runs of each step; the report gives the median.
pub const RUNS: usize = 5;
/// The learner's UTC offset in minutes: a device in Korea.
const SEOUL_UTC_OFFSET_MINUTES: i32 = 9 * 60;
const DAY_MS: i64 = 86_400_000;

#[derive(Debug, thiserror::Error)]
pub enum WorkloadError {
    #[error("cannot write a statement timestamp: {0}")]
    Timestamp(#[from] ClockError),
    #[error("cannot build a statement: {0}")]
    Record(#[from] RecordError),
    #[error("cannot read a statement back: {0}")]
    Json(#[from] serde_json::Error),
}

/// A learner's history with `cards` different words, each answered three times five days apart
/// over the last 40 days (one answer in five wrong). The statements come from the client's
/// builders and are read back from JSON text, the way the client reads them from IndexedDB.
pub fn history(cards: usize, now_unix_ms: i64) -> Result<Vec<Value>, WorkloadError> {
    let actor = record::account_actor(Uuid::from_u128(1));
    let course_title = LocalizedText::from_pairs([(Language::En, "Survival Korean")]);
    let clock = ClockOffset::default();
    let mut statements = Vec::with_capacity(cards * 3);
    for card in 0..cards {
        let lesson_id = format!("words-{}", card / 20);
        let lesson_title = LocalizedText::from_pairs([(Language::En, lesson_id.as_str())]);
        let word = Item {
            id: format!("word-{card}"),
            hint: None,
            kind: ItemKind::Vocab {
                ko: Spoken::new("물"),
                romanization: Some("mul".to_owned()),
                gloss: LocalizedText::from_pairs([(Language::En, "water")]),
                example: None,
            },
        };
        for answer in 0..3u64 {
            let index = statements.len() as u64;
            let answered_at =
                now_unix_ms - 40 * DAY_MS + answer as i64 * 5 * DAY_MS + card as i64 * 60_000;
            let timestamp =
                clock.corrected_local_timestamp(answered_at, SEOUL_UTC_OFFSET_MINUTES)?;
            let context = RecordContext {
                statement_id: Uuid::from_u128((u128::from(answer) << 64) | card as u128),
                timestamp: &timestamp,
                actor: &actor,
                course_id: "survival-korean",
                course_title: &course_title,
                lesson_id: &lesson_id,
                lesson_title: &lesson_title,
            };
            let statement = record::answered(
                &context,
                &Answer {
                    item: &word,
                    response: "물",
                    success: !index.is_multiple_of(5),
                    duration_ms: (1 + index % 12) * 1_000,
                    attempt: 1,
                },
            )?;
            statements.push(serde_json::from_str(&statement.to_string())?);
        }
    }
    Ok(statements)
}

/// Folds the history into progress and times `schedule` (every card's FSRS replay) and
/// `review_queue` (today's queue), [`RUNS`] times each, reading milliseconds from `clock_ms`.
/// The report says "measured": false, with the reason, if the fold did not make one card per
/// word: then the workload no longer matches what core reads, and a time would mean nothing.
pub fn measure(
    now_unix_ms: i64,
    clock_ms: &dyn Fn() -> f64,
    build: &str,
) -> Result<Value, WorkloadError> {
    let statements = history(CARDS, now_unix_ms)?;
    let (mut fold_times, mut schedule_times, mut queue_times) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut cards_scheduled = 0;
    let mut queue_length = 0;
    for _ in 0..RUNS {
        let started = clock_ms();
        let progress = Progress::from_statements(&statements);
        fold_times.push(clock_ms() - started);
        let started = clock_ms();
        cards_scheduled = fsrs::schedule(&progress).len();
        schedule_times.push(clock_ms() - started);
        let started = clock_ms();
        queue_length = review_queue(&progress, now_unix_ms, 20).len();
        queue_times.push(clock_ms() - started);
    }
    if cards_scheduled != CARDS {
        return Ok(json!({
            "measured": false,
            "reason": format!("the fold made {cards_scheduled} cards out of {CARDS} words: \
                               the benchmark's statements no longer match what core reads"),
            "cards": CARDS,
        }));
    }
    Ok(json!({
        "measured": true,
        "cards": cards_scheduled,
        "statements": statements.len(),
        "runs": RUNS,
        "milliseconds": median(schedule_times),
        "fold_milliseconds": median(fold_times),
        "review_queue_milliseconds": median(queue_times),
        "review_queue_length": queue_length,
        "build": build,
    }))
}

/// The median, to a tenth of a millisecond.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.get(values.len() / 2).copied().unwrap_or(f64::NAN);
    (middle * 10.0).round() / 10.0
}

/// The page's entry point: `measure_fsrs(Date.now())` returns the report as JSON text.
#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub fn measure_fsrs(now_unix_ms: f64) -> Result<String, JsValue> {
        let performance = web_sys::window()
            .and_then(|window| window.performance())
            .ok_or_else(|| JsValue::from_str("this page has no performance clock"))?;
        let clock_ms = move || performance.now();
        let report = super::measure(
            now_unix_ms as i64,
            &clock_ms,
            "wasm32, profile release (opt-level z, as the client ships)",
        )
        .map_err(|error| JsValue::from_str(&error.to_string()))?;
        Ok(report.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_history_becomes_one_scheduled_card() {
        let now = 1_795_000_000_000;
        let statements = history(40, now).expect("the history builds");
        assert_eq!(statements.len(), 120);
        let progress = Progress::from_statements(&statements);
        assert_eq!(fsrs::schedule(&progress).len(), 40);
    }

    #[test]
    fn the_median_is_the_middle_value() {
        assert_eq!(median(vec![5.0, 1.0, 3.0]), 3.0);
        assert!(median(Vec::new()).is_nan());
    }
}
