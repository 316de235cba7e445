//! Spaced repetition with FSRS, derived from the answer statements.
//!
//! A card's schedule is never stored: it is computed by replaying the item's `answered`
//! statements in (timestamp, statement id) order through the FSRS scheduler of the `rs-fsrs`
//! crate (FSRS-5, default weights, 90 % requested retention, no fuzz, short-term learning steps).
//! Two devices holding the same statements therefore agree on every due date, as invariant 1
//! asks, and a voided answer simply drops out of the replay.
//!
//! Rules:
//! - **Scheduled items** are those of [`SCHEDULED_KINDS`]: Hangul letters, words, and the two
//!   sentence kinds (`ordering`, `fill_blank`). Questions about a reading or a culture note are
//!   not worth reviewing on their own.
//! - **Rating** ([`rating_for_answer`]): a wrong answer is Again. A right answer is Easy when it
//!   came within the kind's fast threshold, Hard when it took longer than the slow threshold,
//!   and Good otherwise or when no duration was recorded. Letters and words: fast ≤ 3 s, slow
//!   > 10 s. Sentences: fast ≤ 8 s, slow > 25 s (reading and arranging a sentence takes longer).
//! - **New items** are scheduled items the learner was shown in a lesson (`experienced`) but
//!   never answered. [`review_queue`] adds at most `daily_new_limit` of them, less the items
//!   whose first answer fell in the 24 hours before `now`, oldest shown first.
//!
//! `rs-fsrs` constructors such as `Card::new` and `Parameters::default` read the system clock;
//! this module never calls them, so the core stays free of a clock.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Parameters, Rating, Seed, State, FSRS};

use super::{AnswerRecord, EventOrder, ItemKey, Progress};

/// The item kinds that get review cards.
pub const SCHEDULED_KINDS: [&str; 4] = ["hangul_letter", "vocab", "ordering", "fill_blank"];

/// The FSRS-5 default weights, exactly those of `rs-fsrs` 1.2.1 (`src/parameters.rs`). They are
/// repeated here because the crate's `Parameters::default()` also reads the clock for a seed.
pub const FSRS_WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813,
    0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];

/// The probability of recall the schedule aims for when a card comes due.
pub const REQUESTED_RETENTION: f64 = 0.9;

/// The longest interval FSRS may give, in days (100 years: no cap in practice).
pub const MAXIMUM_INTERVAL_DAYS: i32 = 36_500;

/// How long before `now` a first answer counts against today's new-item limit.
pub const NEW_ITEM_WINDOW_MS: i64 = 24 * 60 * 60 * 1000;

const WORD_FAST_MS: u64 = 3_000;
const WORD_SLOW_MS: u64 = 10_000;
const SENTENCE_FAST_MS: u64 = 8_000;
const SENTENCE_SLOW_MS: u64 = 25_000;

/// How well the learner recalled an item, FSRS's four grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewRating {
    Again,
    Hard,
    Good,
    Easy,
}

impl From<ReviewRating> for Rating {
    fn from(rating: ReviewRating) -> Rating {
        match rating {
            ReviewRating::Again => Rating::Again,
            ReviewRating::Hard => Rating::Hard,
            ReviewRating::Good => Rating::Good,
            ReviewRating::Easy => Rating::Easy,
        }
    }
}

/// Where a card is in FSRS's life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CardState {
    /// Shown but never answered.
    New,
    Learning,
    Review,
    Relearning,
}

impl From<State> for CardState {
    fn from(state: State) -> CardState {
        match state {
            State::New => CardState::New,
            State::Learning => CardState::Learning,
            State::Review => CardState::Review,
            State::Relearning => CardState::Relearning,
        }
    }
}

/// One card of the review queue or the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct DueCard {
    pub item: ItemKey,
    /// The item's content kind (one of [`SCHEDULED_KINDS`]).
    pub kind: String,
    pub state: CardState,
    /// When the card is due, in milliseconds since the Unix epoch. For a new card, when it was
    /// first shown.
    pub due_ms: i64,
    /// FSRS memory state; 0 for a new card.
    pub stability: f64,
    pub difficulty: f64,
    pub reviews: u32,
    pub lapses: u32,
    /// The last answer's time, `None` for a new card.
    pub last_review_ms: Option<i64>,
}

impl DueCard {
    /// Whether the learner has never answered this card.
    pub fn is_new(&self) -> bool {
        self.state == CardState::New
    }
}

/// Whether items of this content kind get review cards.
pub fn is_scheduled_kind(kind: &str) -> bool {
    SCHEDULED_KINDS.contains(&kind)
}

/// The FSRS rating of one answer (see the module documentation for the thresholds).
pub fn rating_for_answer(kind: &str, success: bool, duration_ms: Option<u64>) -> ReviewRating {
    if !success {
        return ReviewRating::Again;
    }
    let (fast_ms, slow_ms) = match kind {
        "ordering" | "fill_blank" => (SENTENCE_FAST_MS, SENTENCE_SLOW_MS),
        _ => (WORD_FAST_MS, WORD_SLOW_MS),
    };
    match duration_ms {
        Some(duration) if duration <= fast_ms => ReviewRating::Easy,
        Some(duration) if duration > slow_ms => ReviewRating::Hard,
        _ => ReviewRating::Good,
    }
}

pub(crate) fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        request_retention: REQUESTED_RETENTION,
        maximum_interval: MAXIMUM_INTERVAL_DAYS,
        w: FSRS_WEIGHTS,
        decay: Parameters::DECAY,
        factor: Parameters::FACTOR,
        enable_short_term: true,
        enable_fuzz: false,
        // Without fuzz the seed is never used; an explicit one avoids the clock-reading default.
        seed: Seed::Empty,
    })
}

fn instant(milliseconds: i64) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp_millis(milliseconds)
}

/// The card after one more answer; `None` before the first. A card that was never reviewed
/// starts at the epoch (`Card::new` would read the clock). Timestamps outside chrono's range
/// cannot come from a real device; such an answer leaves the card as it was, which keeps the
/// replay total instead of failing the whole schedule.
pub(crate) fn advance_card(
    fsrs: &FSRS,
    card: Option<Card>,
    kind: &str,
    timestamp_ms: i64,
    answer: &AnswerRecord,
) -> Option<Card> {
    let Some(now) = instant(timestamp_ms) else {
        return card;
    };
    let rating = rating_for_answer(kind, answer.success, answer.duration_ms);
    Some(fsrs.next(card.unwrap_or_default(), now, rating.into()).card)
}

/// The schedule entry of an item whose card is `card`.
pub(crate) fn due_card(item: ItemKey, kind: &str, card: &Card) -> DueCard {
    DueCard {
        item,
        kind: kind.to_owned(),
        state: card.state.into(),
        due_ms: card.due.timestamp_millis(),
        stability: card.stability,
        difficulty: card.difficulty,
        reviews: u32::try_from(card.reps).unwrap_or(0),
        lapses: u32::try_from(card.lapses).unwrap_or(0),
        last_review_ms: Some(card.last_review.timestamp_millis()),
    }
}

/// Replays one item's answers in order and returns its card, or `None` before any answer.
pub(crate) fn replay_card(
    fsrs: &FSRS,
    kind: &str,
    answers: &std::collections::BTreeMap<EventOrder, AnswerRecord>,
) -> Option<Card> {
    answers
        .iter()
        .fold(None, |card, (&(timestamp_ms, _), answer)| {
            advance_card(fsrs, card, kind, timestamp_ms, answer)
        })
}

/// Replays one item's answers and returns its schedule entry, or `None` if it has no answers.
fn replay(
    fsrs: &FSRS,
    item: &ItemKey,
    kind: &str,
    answers: &std::collections::BTreeMap<EventOrder, AnswerRecord>,
) -> Option<DueCard> {
    let card = replay_card(fsrs, kind, answers)?;
    Some(due_card(item.clone(), kind, &card))
}

/// Every answered scheduled item's card, in item key order.
pub fn schedule(progress: &Progress) -> Vec<DueCard> {
    let fsrs = scheduler();
    let mut cards: Vec<DueCard> = progress
        .answered_items()
        .filter_map(|(item, kind, answers)| {
            let kind = kind.filter(|kind| is_scheduled_kind(kind))?;
            replay(&fsrs, item, kind, answers)
        })
        .collect();
    cards.sort_by(|left, right| left.item.cmp(&right.item));
    cards
}

/// What the review queue is built from. The full fold ([`Progress`]) and its saved digest
/// (`ProgressDigest`) both provide it, so the queue's rules are written once.
pub trait ReviewSource {
    /// Every answered scheduled item's card, in item key order.
    fn cards(&self) -> Vec<DueCard>;
    /// When the item was first answered, if ever.
    fn first_answer_ms(&self, item: &ItemKey) -> Option<i64>;
    /// Scheduled-kind candidates for new cards: items shown but never answered, with their
    /// kind and when they were first shown.
    fn unanswered_items(&self) -> Vec<(ItemKey, Option<String>, EventOrder)>;
}

impl ReviewSource for Progress {
    fn cards(&self) -> Vec<DueCard> {
        schedule(self)
    }

    fn first_answer_ms(&self, item: &ItemKey) -> Option<i64> {
        Progress::first_answer_ms(self, item)
    }

    fn unanswered_items(&self) -> Vec<(ItemKey, Option<String>, EventOrder)> {
        Progress::unanswered_items(self)
            .map(|(item, kind, first_shown)| (item.clone(), kind.map(str::to_owned), first_shown))
            .collect()
    }
}

/// The reviews due at `now_utc_ms` (earliest due first, then by item), followed by up to
/// `daily_new_limit` new items (see the module documentation).
pub fn review_queue(
    source: &impl ReviewSource,
    now_utc_ms: i64,
    daily_new_limit: usize,
) -> Vec<DueCard> {
    let cards = source.cards();
    let introduced_recently = cards
        .iter()
        .filter(|card| {
            source
                .first_answer_ms(&card.item)
                .is_some_and(|first| first > now_utc_ms - NEW_ITEM_WINDOW_MS && first <= now_utc_ms)
        })
        .count();
    let mut queue: Vec<DueCard> = cards
        .into_iter()
        .filter(|card| card.due_ms <= now_utc_ms)
        .collect();
    queue.sort_by(|left, right| {
        left.due_ms
            .cmp(&right.due_ms)
            .then_with(|| left.item.cmp(&right.item))
    });
    let new_allowed = daily_new_limit.saturating_sub(introduced_recently);
    let mut new_items: Vec<(EventOrder, ItemKey, String)> = source
        .unanswered_items()
        .into_iter()
        .filter_map(|(item, kind, first_shown)| {
            let kind = kind.filter(|kind| is_scheduled_kind(kind))?;
            // An item first shown after `now` (a device with a fast clock) is not new yet.
            (first_shown.0 <= now_utc_ms).then_some((first_shown, item, kind))
        })
        .collect();
    new_items.sort_by(|left, right| left.0.cmp(&right.0).then_with(|| left.1.cmp(&right.1)));
    queue.extend(
        new_items
            .into_iter()
            .take(new_allowed)
            .map(|(first_shown, item, kind)| DueCard {
                item,
                kind,
                state: CardState::New,
                due_ms: first_shown.0,
                stability: 0.0,
                difficulty: 0.0,
                reviews: 0,
                lapses: 0,
                last_review_ms: None,
            }),
    );
    queue
}

/// How many answered cards are due at `now_utc_ms` (new items not counted).
pub fn due_count(progress: &Progress, now_utc_ms: i64) -> usize {
    schedule(progress)
        .iter()
        .filter(|card| card.due_ms <= now_utc_ms)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_the_crates_defaults() {
        assert_eq!(FSRS_WEIGHTS, Parameters::default().w);
    }

    #[test]
    fn ratings_follow_the_thresholds() {
        assert_eq!(
            rating_for_answer("vocab", false, Some(1)),
            ReviewRating::Again
        );
        assert_eq!(
            rating_for_answer("vocab", true, Some(3_000)),
            ReviewRating::Easy
        );
        assert_eq!(
            rating_for_answer("vocab", true, Some(3_001)),
            ReviewRating::Good
        );
        assert_eq!(
            rating_for_answer("vocab", true, Some(10_000)),
            ReviewRating::Good
        );
        assert_eq!(
            rating_for_answer("vocab", true, Some(10_001)),
            ReviewRating::Hard
        );
        assert_eq!(rating_for_answer("vocab", true, None), ReviewRating::Good);
        assert_eq!(
            rating_for_answer("ordering", true, Some(8_000)),
            ReviewRating::Easy
        );
        assert_eq!(
            rating_for_answer("fill_blank", true, Some(20_000)),
            ReviewRating::Good
        );
        assert_eq!(
            rating_for_answer("fill_blank", true, Some(25_001)),
            ReviewRating::Hard
        );
    }
}
