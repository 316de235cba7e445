//! A digest of progress: what the home screen shows, small enough to save and read back at once,
//! and grown by the statements recorded since without reading the whole log again.
//!
//! [`Progress`] keeps every live event, which is what exact answers about any item need, but
//! reading 100,000 statements from IndexedDB to rebuild it takes seconds on a cheap phone. The
//! digest keeps only what the home screen needs, in size proportional to the items, lessons
//! and days rather than the statements:
//! - per lesson, its latest activity and its latest completion (completion, "continue");
//! - per item, its kind, its first and latest answer, its first view and its FSRS card after
//!   the latest answer (reviews due, and the review queue with its new cards);
//! - the events per local date (streaks), the time spent and the count of live events;
//! - the ids that voiding statements named, so a voided statement arriving later is ignored;
//! - each learner's latest day with a wellbeing check-in (only the day), so a check-in
//!   answered on another device today is not asked again here.
//!
//! **The rule that keeps it exact:** [`ProgressDigest::of`] a fold gives the same digest as
//! folding the same statements into [`Progress`] and digesting that, and
//! [`ProgressDigest::apply`] of a statement gives the digest of the fold with that statement
//! added, as long as it can. When it cannot — a voiding statement (its target may already be
//! counted), an answer older than the item's latest (the FSRS card would have to be replayed)
//! or an item changing kind — it returns [`DigestError::NeedsRefold`] and changes nothing; the
//! caller then folds the whole log again. Statements from one device arrive in time order, so
//! that happens after merges of other devices' older answers and voiding, not in daily use.
//! The caller must hand each statement over once: the digest keeps no statement ids.
//!
//! Save it as a structured value (IndexedDB keeps numbers as they are), not as JSON text:
//! serde_json's default text parser may round the last bit of a float, and a card's stability
//! would then drift from the one a full fold computes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rs_fsrs::Card;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::fsrs::{
    advance_card, due_card, is_scheduled_kind, replay_card, scheduler, ReviewSource,
};
use super::streak::streak_of_days;
use super::{
    item_lookup_key, lesson_lookup_key, AnswerRecord, DueCard, EventOrder, ItemKey, LessonActivity,
    Progress, StatementMeaning, Streak,
};
use crate::record::{EventView, LearningVerb};

/// Why a statement could not be added to a digest.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DigestError {
    #[error("the whole log has to be folded again: {0}")]
    NeedsRefold(&'static str),
}

/// What the digest keeps of one lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct LessonDigest {
    latest_activity: EventOrder,
    latest_completion: Option<EventOrder>,
}

/// What the digest keeps of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ItemDigest {
    /// The smallest content kind its statements named, as [`Progress`] chooses it.
    kind: Option<String>,
    first_answer: Option<EventOrder>,
    latest_answer: Option<EventOrder>,
    /// The first time it was shown without an answer.
    first_view: Option<EventOrder>,
    /// The FSRS card after the latest answer, for scheduled kinds.
    #[serde(default, with = "saved_card")]
    card: Option<Card>,
}

/// The digest of a learner's progress (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressDigest {
    event_count: usize,
    /// Keyed by `course/lesson`.
    lessons: BTreeMap<String, LessonDigest>,
    /// Keyed by `course/lesson/item`.
    items: BTreeMap<String, ItemDigest>,
    #[serde(with = "saved_days")]
    active_days: BTreeMap<NaiveDate, u32>,
    time_spent_ms: u64,
    voided: BTreeSet<Uuid>,
    /// Each learner's latest check-in day, by account name. Missing in digests saved before
    /// check-ins were counted; those learn of earlier check-ins at the next full fold.
    #[serde(
        default,
        with = "saved_check_in_days",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    check_in_days: BTreeMap<String, NaiveDate>,
}

/// Active days as `{"YYYY-MM-DD": count}`, written and read by core's own date format
/// (`xapi::formats`): the client reads a saved digest at every start, and chrono's string
/// parser would otherwise be in its first load for this alone. The text is chrono's own, so
/// digests saved before read the same.
mod saved_days {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::xapi::formats::{format_calendar_date, parse_calendar_date};

    pub fn serialize<S: Serializer>(
        days: &BTreeMap<NaiveDate, u32>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let written = days
            .iter()
            .map(|(date, count)| {
                format_calendar_date(*date)
                    .map(|text| (text, *count))
                    .ok_or_else(|| S::Error::custom(format!("a day out of range: {date:?}")))
            })
            .collect::<Result<BTreeMap<String, u32>, S::Error>>()?;
        serializer.collect_map(written)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<NaiveDate, u32>, D::Error> {
        BTreeMap::<String, u32>::deserialize(deserializer)?
            .into_iter()
            .map(|(text, count)| {
                parse_calendar_date(&text)
                    .map(|date| (date, count))
                    .ok_or_else(|| D::Error::custom(format!("not a calendar date: {text:?}")))
            })
            .collect()
    }
}

/// Check-in days as `{"<account name>": "YYYY-MM-DD"}`, for the reason [`saved_days`] gives.
mod saved_check_in_days {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::xapi::formats::{format_calendar_date, parse_calendar_date};

    pub fn serialize<S: Serializer>(
        days: &BTreeMap<String, NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let written = days
            .iter()
            .map(|(learner, day)| {
                format_calendar_date(*day)
                    .map(|text| (learner, text))
                    .ok_or_else(|| S::Error::custom(format!("a day out of range: {day:?}")))
            })
            .collect::<Result<BTreeMap<&String, String>, S::Error>>()?;
        serializer.collect_map(written)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, NaiveDate>, D::Error> {
        BTreeMap::<String, String>::deserialize(deserializer)?
            .into_iter()
            .map(|(learner, text)| {
                parse_calendar_date(&text)
                    .map(|day| (learner, day))
                    .ok_or_else(|| D::Error::custom(format!("not a calendar date: {text:?}")))
            })
            .collect()
    }
}

/// An FSRS card with its two instants written and read by core's own RFC 3339 format, for the
/// reason [`saved_days`] gives; the fields and their text are what rs-fsrs's own serde writes,
/// so digests saved before read the same, to the nanosecond.
mod saved_card {
    use chrono::{DateTime, Utc};
    use rs_fsrs::{Card, State};
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::xapi::formats::{format_timestamp, parse_timestamp, FractionDigits};

    #[derive(Serialize, Deserialize)]
    struct SavedCard {
        due: String,
        stability: f64,
        difficulty: f64,
        elapsed_days: i64,
        scheduled_days: i64,
        reps: i32,
        lapses: i32,
        state: State,
        last_review: String,
    }

    fn write(instant: DateTime<Utc>) -> Option<String> {
        format_timestamp(instant, 0, FractionDigits::Exact, true)
    }

    pub fn serialize<S: Serializer>(card: &Option<Card>, serializer: S) -> Result<S::Ok, S::Error> {
        let saved = match card {
            None => None,
            Some(card) => {
                let (Some(due), Some(last_review)) = (write(card.due), write(card.last_review))
                else {
                    return Err(S::Error::custom("a card's date is out of range"));
                };
                Some(SavedCard {
                    due,
                    stability: card.stability,
                    difficulty: card.difficulty,
                    elapsed_days: card.elapsed_days,
                    scheduled_days: card.scheduled_days,
                    reps: card.reps,
                    lapses: card.lapses,
                    state: card.state,
                    last_review,
                })
            }
        };
        saved.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Card>, D::Error> {
        let Some(saved) = Option::<SavedCard>::deserialize(deserializer)? else {
            return Ok(None);
        };
        let read = |text: &str| {
            parse_timestamp(text)
                .map_err(|_| D::Error::custom(format!("not a timestamp: {text:?}")))
        };
        Ok(Some(Card {
            due: read(&saved.due)?,
            stability: saved.stability,
            difficulty: saved.difficulty,
            elapsed_days: saved.elapsed_days,
            scheduled_days: saved.scheduled_days,
            reps: saved.reps,
            lapses: saved.lapses,
            state: saved.state,
            last_review: read(&saved.last_review)?,
        }))
    }
}

impl ProgressDigest {
    /// The ids of the courses with a lesson worked in, each once: what home asks the catalogue
    /// for when it does not list them (a learner who signs in on a new device).
    pub fn courses_worked_in(&self) -> Vec<String> {
        let mut courses: Vec<String> = Vec::new();
        // A course's `course/…` keys are next to each other in the map's order (they share the
        // prefix), so each course is met in one run.
        for key in self.lessons.keys() {
            let course = key
                .split_once('/')
                .map_or(key.as_str(), |(course, _)| course);
            if courses.last().map(String::as_str) != Some(course) {
                courses.push(course.to_owned());
            }
        }
        courses
    }

    /// The digest of a full fold.
    pub fn of(progress: &Progress) -> ProgressDigest {
        let fsrs = scheduler();
        let lessons = progress
            .lessons
            .iter()
            .filter_map(|(key, lesson)| {
                Some((
                    key.to_string(),
                    LessonDigest {
                        latest_activity: *lesson.activity.last()?,
                        latest_completion: lesson.completions.keys().next_back().copied(),
                    },
                ))
            })
            .collect();
        let items = progress
            .items
            .iter()
            .map(|(key, history)| {
                let kind = history.kind().map(str::to_owned);
                let card = kind
                    .as_deref()
                    .filter(|kind| is_scheduled_kind(kind))
                    .and_then(|kind| replay_card(&fsrs, kind, &history.answers));
                (
                    key.to_string(),
                    ItemDigest {
                        kind,
                        first_answer: history.answers.keys().next().copied(),
                        latest_answer: history.answers.keys().next_back().copied(),
                        first_view: history.views.first().copied(),
                        card,
                    },
                )
            })
            .collect();
        ProgressDigest {
            event_count: progress.event_count(),
            lessons,
            items,
            active_days: progress.active_days.clone(),
            time_spent_ms: progress.time_spent_ms,
            voided: progress.voided.iter().copied().collect(),
            check_in_days: progress.check_in_days.clone(),
        }
    }

    /// Adds one statement the digest has not seen (see the module documentation for when it
    /// cannot). Statements that are not learning records change nothing.
    pub fn apply(&mut self, statement: &Value) -> Result<(), DigestError> {
        match StatementMeaning::of(statement) {
            StatementMeaning::Voids(_) => Err(DigestError::NeedsRefold("a statement was voided")),
            StatementMeaning::Learning(event) => self.apply_event(&event),
            StatementMeaning::CheckedIn(learner, day) => {
                super::note_check_in(&mut self.check_in_days, learner, day);
                Ok(())
            }
            StatementMeaning::Nothing => Ok(()),
        }
    }

    fn apply_event(&mut self, event: &EventView<'_>) -> Result<(), DigestError> {
        if !super::has_content_ids(event) || self.voided.contains(&event.statement_id) {
            return Ok(());
        }
        let order = (event.timestamp_ms, event.statement_id);
        let lesson_key = lesson_lookup_key(event.course_id, event.lesson_id);
        // Everything is checked before anything changes, so a refused statement leaves the
        // digest as it was.
        let item_change = match (event.verb, event.item_id) {
            (LearningVerb::Answered | LearningVerb::Experienced, Some(item_id)) => {
                let item_key = item_lookup_key(event.course_id, event.lesson_id, item_id);
                let updated = self.updated_item(&item_key, event, order)?;
                Some((item_key, updated))
            }
            _ => None,
        };
        if let Some((item_key, updated)) = item_change {
            self.time_spent_ms = self
                .time_spent_ms
                .saturating_add(event.duration_ms.unwrap_or(0));
            self.items.insert(item_key, updated);
        }
        let completed = event.verb == LearningVerb::Completed && event.item_id.is_none();
        let lesson = self
            .lessons
            .entry(lesson_key)
            .or_insert_with(|| LessonDigest {
                latest_activity: order,
                latest_completion: None,
            });
        lesson.latest_activity = lesson.latest_activity.max(order);
        if completed {
            lesson.latest_completion = lesson.latest_completion.max(Some(order));
        }
        *self.active_days.entry(event.local_date).or_insert(0) += 1;
        self.event_count += 1;
        Ok(())
    }

    /// The item's digest with this event in it, or why the whole log must be folded instead.
    fn updated_item(
        &self,
        item_key: &str,
        event: &EventView<'_>,
        order: EventOrder,
    ) -> Result<ItemDigest, DigestError> {
        let mut item = self.items.get(item_key).cloned().unwrap_or(ItemDigest {
            kind: None,
            first_answer: None,
            latest_answer: None,
            first_view: None,
            card: None,
        });
        if let Some(kind) = event.item_kind {
            match item.kind.as_deref() {
                Some(known) if known == kind => {}
                // A first kind may be set while nothing was scheduled under another one.
                None if item.latest_answer.is_none() => item.kind = Some(kind.to_owned()),
                _ => return Err(DigestError::NeedsRefold("an item changed its kind")),
            }
        }
        if event.verb != LearningVerb::Answered {
            item.first_view = Some(item.first_view.map_or(order, |first| first.min(order)));
            return Ok(item);
        }
        if item.latest_answer.is_some_and(|latest| latest > order) {
            return Err(DigestError::NeedsRefold(
                "an answer is older than the item's latest",
            ));
        }
        item.latest_answer = Some(order);
        item.first_answer = Some(item.first_answer.map_or(order, |first| first.min(order)));
        if let Some(kind) = item.kind.as_deref().filter(|kind| is_scheduled_kind(kind)) {
            let answer = AnswerRecord::of(event);
            item.card = advance_card(
                &scheduler(),
                item.card.take(),
                kind,
                event.timestamp_ms,
                &answer,
            );
        }
        Ok(item)
    }

    /// How many live learning events the digest counts.
    pub fn event_count(&self) -> usize {
        self.event_count
    }

    /// How many answered, scheduled items are due at `now_utc_ms`, as
    /// [`due_count`](super::due_count) counts them.
    pub fn due_count(&self, now_utc_ms: i64) -> usize {
        self.items
            .values()
            .filter_map(|item| item.card.as_ref())
            .filter(|card| card.due.timestamp_millis() <= now_utc_ms)
            .count()
    }

    /// The streaks relative to `today`, as [`streak`](super::streak) gives them.
    pub fn streak(&self, today: NaiveDate) -> Streak {
        streak_of_days(&self.active_days, today)
    }

    /// Total time spent on items, in milliseconds.
    pub fn time_spent_ms(&self) -> u64 {
        self.time_spent_ms
    }

    /// A learner's (by account name) latest day, on their own clock, with a wellbeing
    /// check-in, on any device whose statements this log holds.
    pub fn last_check_in_day(&self, learner: &str) -> Option<NaiveDate> {
        self.check_in_days.get(learner).copied()
    }
}

impl ReviewSource for ProgressDigest {
    fn cards(&self) -> Vec<DueCard> {
        let mut cards: Vec<DueCard> = self
            .items
            .iter()
            .filter_map(|(key, item)| {
                let kind = item.kind.as_deref()?;
                Some(due_card(item_key_of(key)?, kind, item.card.as_ref()?))
            })
            .collect();
        // `course/lesson/item` text order is not item key order (`-` sorts below `/`).
        cards.sort_by(|left, right| left.item.cmp(&right.item));
        cards
    }

    fn first_answer_ms(&self, item: &ItemKey) -> Option<i64> {
        let key = item_lookup_key(&item.course_id, &item.lesson_id, &item.item_id);
        Some(self.items.get(&key)?.first_answer?.0)
    }

    fn unanswered_items(&self) -> Vec<(ItemKey, Option<String>, EventOrder)> {
        self.items
            .iter()
            .filter(|(_, item)| item.latest_answer.is_none())
            .filter_map(|(key, item)| {
                Some((item_key_of(key)?, item.kind.clone(), item.first_view?))
            })
            .collect()
    }
}

/// The item a `course/lesson/item` table key names.
fn item_key_of(key: &str) -> Option<ItemKey> {
    let mut parts = key.splitn(3, '/');
    Some(ItemKey {
        course_id: parts.next()?.to_owned(),
        lesson_id: parts.next()?.to_owned(),
        item_id: parts.next()?.to_owned(),
    })
}

impl LessonActivity for ProgressDigest {
    fn latest_activity(&self, course_id: &str, lesson_id: &str) -> Option<EventOrder> {
        self.lessons
            .get(&lesson_lookup_key(course_id, lesson_id))
            .map(|lesson| lesson.latest_activity)
    }

    fn latest_completion(&self, course_id: &str, lesson_id: &str) -> Option<EventOrder> {
        self.lessons
            .get(&lesson_lookup_key(course_id, lesson_id))?
            .latest_completion
    }

    fn latest_activity_in_course(&self, course_id: &str) -> Option<EventOrder> {
        let prefix = format!("{course_id}/");
        self.lessons
            .range(prefix.clone()..)
            .take_while(|(key, _)| key.starts_with(&prefix))
            .map(|(_, lesson)| lesson.latest_activity)
            .max()
    }

    fn items_seen(&self, course_id: &str, lesson_id: &str) -> usize {
        let prefix = format!("{course_id}/{lesson_id}/");
        self.items
            .range(prefix.clone()..)
            .take_while(|(key, _)| key.starts_with(&prefix))
            .filter(|(_, item)| item.first_answer.is_some() || item.first_view.is_some())
            .count()
    }
}

#[cfg(test)]
mod saved_format_tests {
    use chrono::{DateTime, NaiveDate};
    use rs_fsrs::{Card, State};
    use serde_json::json;

    use super::*;

    #[test]
    fn a_digest_saved_by_chrono_and_rs_fsrs_serde_reads_the_same() {
        let card = Card {
            due: DateTime::from_timestamp(1_795_455_000, 123_456_789).expect("in range"),
            stability: 3.173,
            difficulty: 5.28,
            elapsed_days: 2,
            scheduled_days: 3,
            reps: 4,
            lapses: 1,
            state: State::Review,
            last_review: DateTime::from_timestamp(1_795_000_000, 0).expect("in range"),
        };
        // The text chrono and rs-fsrs wrote before the digest had its own (de)serialisers.
        let before = json!({
            "event_count": 1,
            "lessons": {},
            "items": {"c/l/i": {
                "kind": "vocabulary",
                "first_answer": null,
                "latest_answer": null,
                "first_view": null,
                "card": serde_json::to_value(&card).expect("rs-fsrs serialises"),
            }},
            "active_days": {"2026-11-23": 3, "2026-11-24": 1},
            "time_spent_ms": 5,
            "voided": [],
        });
        let read: ProgressDigest = serde_json::from_value(before.clone()).expect("reads");
        assert_eq!(read.items["c/l/i"].card, Some(card));
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        assert_eq!(read.active_days.get(&day), Some(&3));
        assert_eq!(serde_json::to_value(&read).expect("writes"), before);
    }
}
