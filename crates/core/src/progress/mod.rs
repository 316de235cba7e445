//! Progress: a pure fold over the learner's statement log (design.md, invariant 1).
//!
//! [`Progress`] is built from statements ([`Progress::from_statements`]) or grown one statement
//! at a time ([`Progress::apply`]). It depends only on the *set* of statements: any order and any
//! repetition of the same statements gives an equal `Progress`, so two devices holding the same
//! statements show the same progress and there is nothing to merge. That holds because
//! - statements are keyed by id, and a repeated id is ignored (if two different bodies ever
//!   claimed one id, the one with the smaller [`event_precedence`] key wins on every device);
//! - a voiding statement (`http://adlnet.gov/expapi/verbs/voided`) removes its target whether it
//!   arrives before or after it, and the target stays removed;
//! - everything ordered in time is ordered by (timestamp, statement id), a total order.
//!
//! The rules it answers with:
//! - **Lesson completion**: a lesson is complete when a live `completed` statement for it exists.
//!   A unit or course is complete when all its lessons (per the [`CourseManifest`]) are.
//! - **Mastery**: an item is mastered when at least [`MASTERY_CORRECT`] of its last
//!   [`MASTERY_WINDOW`] answers were correct (3 of the last 5), in (timestamp, id) order.
//! - **Streaks**: see [`streak`]; a day counts when any live statement's local date is that day.
//! - **Time spent**: the sum of the durations of `answered` and `experienced` statements. Lesson
//!   `completed` statements are left out because their duration covers the same minutes again.
//! - **Continue where you left off**: see [`Progress::continue_lesson`].
//! - **Spaced repetition**: see [`fsrs`].
//!
//! [`report`] is the part of it a teacher's reports read, which the server keeps per learner
//! and grows as statements arrive.

pub mod digest;
pub mod fsrs;
pub mod monthly;
pub mod report;
pub mod streak;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::Value;
use uuid::Uuid;

use crate::content::CourseManifest;
use crate::record::{
    is_content_id, learning_event_view, voided_statement_id, EventView, LearningEvent, LearningVerb,
};
use crate::xapi::VOIDED_VERB_ID;

pub use digest::{DigestError, ProgressDigest};
pub use fsrs::{
    due_count, rating_for_answer, review_queue, schedule, CardState, DueCard, ReviewRating,
    ReviewSource, SCHEDULED_KINDS,
};
pub use report::{ItemTally, LearnerReport, LessonReport, ReportError};
pub use streak::{date_parts, local_date_at, streak, CalendarDate, Streak};

/// How many of the last answers the mastery rule looks at.
pub const MASTERY_WINDOW: usize = 5;
/// How many of those must be correct for the item to count as mastered.
pub const MASTERY_CORRECT: usize = 3;

/// One item of one lesson of one course.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemKey {
    pub course_id: String,
    pub lesson_id: String,
    pub item_id: String,
}

/// One lesson of one course.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LessonKey {
    pub course_id: String,
    pub lesson_id: String,
}

/// When an event happened, in the fold's total order: timestamp, then statement id.
pub type EventOrder = (i64, Uuid);

/// One answer to an item, as the mastery rule and the scheduler need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnswerRecord {
    pub success: bool,
    pub duration_ms: Option<u64>,
}

impl AnswerRecord {
    fn of(event: &EventView<'_>) -> AnswerRecord {
        AnswerRecord {
            // An answer without a success flag cannot count as right.
            success: event.success.unwrap_or(false),
            duration_ms: event.duration_ms,
        }
    }
}

/// One completion of a lesson.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompletionRecord {
    pub success: Option<bool>,
    pub score: Option<f64>,
}

/// What the fold knows about an item the learner has seen or answered.
#[derive(Debug, Clone, PartialEq)]
struct ItemHistory {
    key: ItemKey,
    /// The content kinds the item's statements name (`vocab`, `choice`, …), with how many
    /// statements name each. They should all agree; if they do not, the smallest name is used,
    /// so the kind does not depend on the order statements arrived in.
    kinds: BTreeMap<Arc<str>, u32>,
    /// Every answer, in (timestamp, id) order.
    answers: BTreeMap<EventOrder, AnswerRecord>,
    /// Every time it was shown without an answer (`experienced`), in order.
    views: BTreeSet<EventOrder>,
}

/// What the fold knows about a lesson the learner has touched.
#[derive(Debug, Clone, PartialEq)]
struct LessonHistory {
    key: LessonKey,
    /// Every live event of the lesson, whatever its verb, for "continue".
    activity: BTreeSet<EventOrder>,
    /// Its `completed` statements, in order.
    completions: BTreeMap<EventOrder, CompletionRecord>,
}

/// A live event as the fold keeps it. Its texts are the keys of the item and lesson tables,
/// shared rather than copied, so keeping an event allocates nothing of its own.
#[derive(Debug, Clone, PartialEq)]
struct StoredEvent {
    verb: LearningVerb,
    /// The lesson's table key, `course/lesson`.
    lesson: Arc<str>,
    /// The item's table key, `course/lesson/item`, for statements about an item.
    item: Option<Arc<str>>,
    item_kind: Option<Arc<str>>,
    attempt: Option<u32>,
    success: Option<bool>,
    score: Option<f64>,
    duration_ms: Option<u64>,
    timestamp_ms: i64,
    utc_offset_seconds: i32,
    local_date: NaiveDate,
}

impl StoredEvent {
    /// The event as the parser gave it, texts borrowed from the table keys.
    fn view(&self, statement_id: Uuid) -> EventView<'_> {
        // Content ids cannot contain `/` (the parser and `apply_event` refuse them), so the keys
        // split back into their ids unambiguously.
        let (course_id, lesson_id) = self.lesson.split_once('/').unwrap_or((&self.lesson, ""));
        let item_id = self
            .item
            .as_deref()
            .map(|item| item.rsplit_once('/').map_or(item, |(_, item_id)| item_id));
        EventView {
            statement_id,
            verb: self.verb,
            course_id,
            lesson_id,
            item_id,
            item_kind: self.item_kind.as_deref(),
            attempt: self.attempt,
            success: self.success,
            score: self.score,
            duration_ms: self.duration_ms,
            timestamp_ms: self.timestamp_ms,
            utc_offset_seconds: self.utc_offset_seconds,
            local_date: self.local_date,
        }
    }
}

/// A key that orders two different events claiming the same statement id, so every device keeps
/// the same one. Such a pair should never exist (the server refuses a different body for a
/// stored id); this only keeps the fold deterministic if one does.
fn precedence<'a>(event: &EventView<'a>) -> impl Ord + 'a {
    (
        event.timestamp_ms,
        event.verb,
        event.course_id,
        event.lesson_id,
        event.item_id,
        (
            event.item_kind,
            event.attempt,
            event.success,
            event.score.map(f64::to_bits),
            event.duration_ms,
            event.utc_offset_seconds,
        ),
    )
}

/// What a statement means to the fold and its digest.
enum StatementMeaning<'a> {
    /// A voiding statement and the id it voids.
    Voids(Uuid),
    /// A learning record.
    Learning(EventView<'a>),
    /// A wellbeing check-in: whose (the actor's account name) and on which of their own days.
    /// Progress keeps only each learner's latest day (so home asks at most once a day on
    /// every device), never what was answered.
    CheckedIn(&'a str, NaiveDate),
    /// Anything else, which progress ignores.
    Nothing,
}

impl StatementMeaning<'_> {
    fn of(statement: &Value) -> StatementMeaning<'_> {
        let verb_id = statement
            .get("verb")
            .and_then(|verb| verb.get("id"))
            .and_then(Value::as_str);
        if verb_id == Some(VOIDED_VERB_ID) {
            return voided_statement_id(statement)
                .map_or(StatementMeaning::Nothing, StatementMeaning::Voids);
        }
        if let Some(check_in) = crate::wellbeing::read_check_in(statement) {
            return statement
                .pointer("/actor/account/name")
                .and_then(Value::as_str)
                .map_or(StatementMeaning::Nothing, |learner| {
                    StatementMeaning::CheckedIn(learner, check_in.local_date)
                });
        }
        learning_event_view(statement).map_or(StatementMeaning::Nothing, StatementMeaning::Learning)
    }
}

/// The progress of one learner: the fold of their statements.
///
/// Items and lessons are found by a text key (`course/lesson/item`, `course/lesson`; content ids
/// cannot contain `/`) built in a reused buffer, so folding an event allocates only for an item
/// or lesson seen for the first time.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Every live (not voided) learning event, by statement id.
    events: HashMap<Uuid, StoredEvent>,
    /// Ids that voiding statements point at; such a statement is never live.
    voided: HashSet<Uuid>,
    items: HashMap<Arc<str>, ItemHistory>,
    lessons: HashMap<Arc<str>, LessonHistory>,
    /// How many live events fall on each local date.
    active_days: BTreeMap<NaiveDate, u32>,
    time_spent_ms: u64,
    /// Each learner's latest day with a check-in (by account name: a shared device's log holds
    /// several learners'), a withdrawn one too: it was answered that day (core's `wellbeing`).
    check_in_days: BTreeMap<String, NaiveDate>,
    /// Scratch space for table keys; not part of the progress.
    key_buffer: String,
}

impl PartialEq for Progress {
    fn eq(&self, other: &Progress) -> bool {
        self.events == other.events
            && self.voided == other.voided
            && self.items == other.items
            && self.lessons == other.lessons
            && self.active_days == other.active_days
            && self.time_spent_ms == other.time_spent_ms
            && self.check_in_days == other.check_in_days
    }
}

pub(super) fn lesson_lookup_key(course_id: &str, lesson_id: &str) -> String {
    let mut key = String::with_capacity(course_id.len() + lesson_id.len() + 1);
    write_lesson_key(&mut key, course_id, lesson_id);
    key
}

pub(super) fn item_lookup_key(course_id: &str, lesson_id: &str, item_id: &str) -> String {
    let mut key = String::with_capacity(course_id.len() + lesson_id.len() + item_id.len() + 2);
    write_lesson_key(&mut key, course_id, lesson_id);
    key.push('/');
    key.push_str(item_id);
    key
}

fn write_lesson_key(key: &mut String, course_id: &str, lesson_id: &str) {
    key.clear();
    key.push_str(course_id);
    key.push('/');
    key.push_str(lesson_id);
}

/// Keeps `day` as `learner`'s latest check-in day if it is later; returns whether it was.
pub(super) fn note_check_in(
    days: &mut BTreeMap<String, NaiveDate>,
    learner: &str,
    day: NaiveDate,
) -> bool {
    match days.get_mut(learner) {
        Some(latest) if *latest >= day => false,
        Some(latest) => {
            *latest = day;
            true
        }
        None => {
            days.insert(learner.to_owned(), day);
            true
        }
    }
}

/// Whether every id of the event has the content id shape, which keeps the table keys
/// unambiguous.
fn has_content_ids(event: &EventView<'_>) -> bool {
    is_content_id(event.course_id)
        && is_content_id(event.lesson_id)
        && event.item_id.is_none_or(is_content_id)
}

/// Most wrong answers first (ties: more attempts first, then key order), at most `limit`: the
/// order of "most missed" wherever it is computed.
pub(super) fn rank_missed_items(mut missed: Vec<MissedItem>, limit: usize) -> Vec<MissedItem> {
    missed.sort_by(|left, right| {
        right
            .wrong
            .cmp(&left.wrong)
            .then(right.attempts.cmp(&left.attempts))
            .then(left.item.cmp(&right.item))
    });
    missed.truncate(limit);
    missed
}

/// Completion of one unit of a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProgress {
    pub unit_id: String,
    pub lessons_done: usize,
    pub lessons_total: usize,
}

impl UnitProgress {
    /// Whether every lesson of the unit is complete (a unit without lessons is not).
    pub fn is_complete(&self) -> bool {
        self.lessons_total > 0 && self.lessons_done == self.lessons_total
    }
}

/// Completion of a course, per the course's manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseProgress {
    pub course_id: String,
    pub lessons_done: usize,
    pub lessons_total: usize,
    pub units: Vec<UnitProgress>,
}

impl CourseProgress {
    /// Whether every lesson of the course is complete (a course without lessons is not).
    pub fn is_complete(&self) -> bool {
        self.lessons_total > 0 && self.lessons_done == self.lessons_total
    }
}

/// The mastery of one item by the documented rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemMastery {
    pub attempts: usize,
    /// Correct answers among the last [`MASTERY_WINDOW`].
    pub recent_correct: usize,
    pub mastered: bool,
}

/// An item and how often the learner got it wrong, for teachers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissedItem {
    pub item: ItemKey,
    pub attempts: usize,
    pub wrong: usize,
}

/// The lesson the learner was last busy with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastActivity {
    pub lesson: LessonKey,
    pub timestamp_ms: i64,
}

/// The lesson "continue" opens, with the unit it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContinueLesson {
    pub unit_id: String,
    pub lesson_id: String,
    /// Whether the learner had started it without completing it.
    pub in_progress: bool,
}

impl ItemHistory {
    fn kind(&self) -> Option<&str> {
        self.kinds.keys().next().map(|kind| &**kind)
    }
}

impl Progress {
    /// An empty progress: nothing learned yet.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// The fold of these statements. Statements that are not learning records are ignored.
    pub fn from_statements<'a>(statements: impl IntoIterator<Item = &'a Value>) -> Progress {
        let statements = statements.into_iter();
        let mut progress = Progress::new();
        progress.events.reserve(statements.size_hint().0);
        for statement in statements {
            progress.apply(statement);
        }
        progress
    }

    /// The fold of events that were already read with [`learning_event`](crate::record::learning_event), plus the ids that
    /// voiding statements point at. Equal to [`Progress::from_statements`] on the same log less its
    /// wellbeing check-ins, which are no learning event.
    pub fn from_events(
        events: impl IntoIterator<Item = LearningEvent>,
        voided_ids: impl IntoIterator<Item = Uuid>,
    ) -> Progress {
        let mut progress = Progress::new();
        for voided_id in voided_ids {
            progress.apply_voiding(voided_id);
        }
        for event in events {
            progress.apply_event(event);
        }
        progress
    }

    /// Folds one more statement in. Returns whether anything changed: a repeated statement, an
    /// unknown one or one already voided changes nothing.
    pub fn apply(&mut self, statement: &Value) -> bool {
        match StatementMeaning::of(statement) {
            StatementMeaning::Voids(target) => self.apply_voiding(target),
            StatementMeaning::Learning(event) => self.apply_view(event),
            StatementMeaning::CheckedIn(learner, day) => {
                note_check_in(&mut self.check_in_days, learner, day)
            }
            StatementMeaning::Nothing => false,
        }
    }

    /// Folds in a statement that voids `target`. Returns whether anything changed.
    pub fn apply_voiding(&mut self, target: Uuid) -> bool {
        let newly_voided = self.voided.insert(target);
        if let Some(event) = self.events.remove(&target) {
            self.unindex(&event, target);
        }
        newly_voided
    }

    /// Folds in one learning event. Returns whether anything changed. An event whose course,
    /// lesson or item id is not a content id (`[a-z0-9][a-z0-9-]*`) is ignored, as
    /// [`learning_event`](crate::record::learning_event) would never have produced it.
    pub fn apply_event(&mut self, event: LearningEvent) -> bool {
        self.apply_view(event.view())
    }

    fn apply_view(&mut self, event: EventView<'_>) -> bool {
        if !has_content_ids(&event) || self.voided.contains(&event.statement_id) {
            return false;
        }
        if let Some(existing) = self.events.get(&event.statement_id) {
            let existing = existing.view(event.statement_id);
            if existing == event || precedence(&existing) <= precedence(&event) {
                return false;
            }
            if let Some(replaced) = self.events.remove(&event.statement_id) {
                self.unindex(&replaced, event.statement_id);
            }
        }
        let stored = self.index(&event);
        self.events.insert(event.statement_id, stored);
        true
    }

    fn index(&mut self, event: &EventView<'_>) -> StoredEvent {
        let order = (event.timestamp_ms, event.statement_id);
        *self.active_days.entry(event.local_date).or_insert(0) += 1;

        write_lesson_key(&mut self.key_buffer, event.course_id, event.lesson_id);
        let lesson_key = match self.lessons.get_key_value(self.key_buffer.as_str()) {
            Some((key, _)) => Arc::clone(key),
            None => {
                let key: Arc<str> = Arc::from(self.key_buffer.as_str());
                self.lessons.insert(
                    Arc::clone(&key),
                    LessonHistory {
                        key: LessonKey {
                            course_id: event.course_id.to_owned(),
                            lesson_id: event.lesson_id.to_owned(),
                        },
                        activity: BTreeSet::new(),
                        completions: BTreeMap::new(),
                    },
                );
                key
            }
        };
        let mut stored = StoredEvent {
            verb: event.verb,
            lesson: Arc::clone(&lesson_key),
            item: None,
            item_kind: None,
            attempt: event.attempt,
            success: event.success,
            score: event.score,
            duration_ms: event.duration_ms,
            timestamp_ms: event.timestamp_ms,
            utc_offset_seconds: event.utc_offset_seconds,
            local_date: event.local_date,
        };
        let Some(lesson) = self.lessons.get_mut(&lesson_key) else {
            return stored;
        };
        lesson.activity.insert(order);
        match (event.verb, event.item_id) {
            (LearningVerb::Answered | LearningVerb::Experienced, Some(item_id)) => {
                self.time_spent_ms = self
                    .time_spent_ms
                    .saturating_add(event.duration_ms.unwrap_or(0));
                self.key_buffer.push('/');
                self.key_buffer.push_str(item_id);
                let item_key = match self.items.get_key_value(self.key_buffer.as_str()) {
                    Some((key, _)) => Arc::clone(key),
                    None => {
                        let key: Arc<str> = Arc::from(self.key_buffer.as_str());
                        self.items.insert(
                            Arc::clone(&key),
                            ItemHistory {
                                key: ItemKey {
                                    course_id: event.course_id.to_owned(),
                                    lesson_id: event.lesson_id.to_owned(),
                                    item_id: item_id.to_owned(),
                                },
                                kinds: BTreeMap::new(),
                                answers: BTreeMap::new(),
                                views: BTreeSet::new(),
                            },
                        );
                        key
                    }
                };
                let Some(history) = self.items.get_mut(&item_key) else {
                    return stored;
                };
                if let Some(kind) = event.item_kind {
                    let kind_key = match history.kinds.get_key_value(kind) {
                        Some((key, _)) => Arc::clone(key),
                        None => Arc::from(kind),
                    };
                    *history.kinds.entry(Arc::clone(&kind_key)).or_insert(0) += 1;
                    stored.item_kind = Some(kind_key);
                }
                if event.verb == LearningVerb::Answered {
                    history.answers.insert(order, AnswerRecord::of(event));
                } else {
                    history.views.insert(order);
                }
                stored.item = Some(item_key);
            }
            (LearningVerb::Completed, None) => {
                lesson.completions.insert(
                    order,
                    CompletionRecord {
                        success: event.success,
                        score: event.score,
                    },
                );
            }
            _ => {}
        }
        stored
    }

    fn unindex(&mut self, event: &StoredEvent, statement_id: Uuid) {
        let order = (event.timestamp_ms, statement_id);
        if let Some(count) = self.active_days.get_mut(&event.local_date) {
            *count -= 1;
            if *count == 0 {
                self.active_days.remove(&event.local_date);
            }
        }
        if let Some(lesson) = self.lessons.get_mut(&event.lesson) {
            lesson.activity.remove(&order);
            lesson.completions.remove(&order);
            if lesson.activity.is_empty() && lesson.completions.is_empty() {
                self.lessons.remove(&event.lesson);
            }
        }
        let Some(item_key) = &event.item else {
            return;
        };
        self.time_spent_ms = self
            .time_spent_ms
            .saturating_sub(event.duration_ms.unwrap_or(0));
        if let Some(history) = self.items.get_mut(item_key) {
            history.answers.remove(&order);
            history.views.remove(&order);
            if let Some(kind) = &event.item_kind {
                if let Some(count) = history.kinds.get_mut(kind) {
                    *count -= 1;
                    if *count == 0 {
                        history.kinds.remove(kind);
                    }
                }
            }
            if history.answers.is_empty() && history.views.is_empty() {
                self.items.remove(item_key);
            }
        }
    }

    fn lesson(&self, course_id: &str, lesson_id: &str) -> Option<&LessonHistory> {
        self.lessons
            .get(lesson_lookup_key(course_id, lesson_id).as_str())
    }

    fn item(&self, item: &ItemKey) -> Option<&ItemHistory> {
        self.items
            .get(item_lookup_key(&item.course_id, &item.lesson_id, &item.item_id).as_str())
    }

    /// How many live learning events the fold holds.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// Every live event, in (timestamp, id) order.
    pub fn events_in_order(&self) -> Vec<LearningEvent> {
        let mut events: Vec<(&Uuid, &StoredEvent)> = self.events.iter().collect();
        events.sort_by_key(|(statement_id, event)| (event.timestamp_ms, **statement_id));
        events
            .into_iter()
            .map(|(statement_id, event)| event.view(*statement_id).to_event())
            .collect()
    }

    /// The best scaled score of the lesson's completions, if any carried a score.
    pub fn best_lesson_score(&self, course_id: &str, lesson_id: &str) -> Option<f64> {
        self.lesson(course_id, lesson_id)?
            .completions
            .values()
            .filter_map(|completion| completion.score)
            .reduce(f64::max)
    }

    /// The mastery of an item by the documented rule; `None` if it was never answered.
    pub fn item_mastery(&self, item: &ItemKey) -> Option<ItemMastery> {
        let history = self.item(item)?;
        if history.answers.is_empty() {
            return None;
        }
        Some(mastery_of(history))
    }

    /// Every answered item with its mastery, in key order.
    pub fn mastery(&self) -> Vec<(ItemKey, ItemMastery)> {
        let mut mastery: Vec<(ItemKey, ItemMastery)> = self
            .items
            .values()
            .filter(|history| !history.answers.is_empty())
            .map(|history| (history.key.clone(), mastery_of(history)))
            .collect();
        mastery.sort_by(|left, right| left.0.cmp(&right.0));
        mastery
    }

    /// The items answered wrong most often, most wrong answers first (ties: more attempts
    /// first, then key order), at most `limit` of them. Items never answered wrong are left out.
    pub fn most_missed_items(&self, limit: usize) -> Vec<MissedItem> {
        let missed: Vec<MissedItem> = self
            .items
            .values()
            .map(|history| MissedItem {
                item: history.key.clone(),
                attempts: history.answers.len(),
                wrong: history
                    .answers
                    .values()
                    .filter(|answer| !answer.success)
                    .count(),
            })
            .filter(|missed| missed.wrong > 0)
            .collect();
        rank_missed_items(missed, limit)
    }

    /// The local dates on which the learner did anything, with how many statements each.
    pub fn active_days(&self) -> &BTreeMap<NaiveDate, u32> {
        &self.active_days
    }

    /// Total time spent on items, in milliseconds (see the module documentation).
    pub fn time_spent_ms(&self) -> u64 {
        self.time_spent_ms
    }

    /// A learner's (by account name) latest day, on their own clock, with a wellbeing
    /// check-in.
    pub fn last_check_in_day(&self, learner: &str) -> Option<NaiveDate> {
        self.check_in_days.get(learner).copied()
    }

    /// The lesson of the most recent live event, in any course.
    pub fn last_activity(&self) -> Option<LastActivity> {
        self.lessons
            .values()
            .filter_map(|lesson| Some((lesson.activity.last()?, &lesson.key)))
            .max()
            .map(|(order, lesson)| LastActivity {
                lesson: lesson.clone(),
                timestamp_ms: order.0,
            })
    }

    /// Every item's answers in order, for the scheduler.
    pub(crate) fn answered_items(
        &self,
    ) -> impl Iterator<Item = (&ItemKey, Option<&str>, &BTreeMap<EventOrder, AnswerRecord>)> {
        self.items
            .values()
            .map(|history| (&history.key, history.kind(), &history.answers))
    }

    /// When the item was first answered, if ever.
    pub(crate) fn first_answer_ms(&self, item: &ItemKey) -> Option<i64> {
        Some(self.item(item)?.answers.keys().next()?.0)
    }

    /// Items shown but never answered, with their kind and when they were first shown.
    pub(crate) fn unanswered_items(
        &self,
    ) -> impl Iterator<Item = (&ItemKey, Option<&str>, EventOrder)> {
        self.items.values().filter_map(|history| {
            if !history.answers.is_empty() {
                return None;
            }
            let first_view = *history.views.first()?;
            Some((&history.key, history.kind(), first_view))
        })
    }
}

/// Where a learner stands in one lesson ([`LessonActivity::lesson_standing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStanding {
    New,
    Started { seen: usize, of: usize },
    Done,
}

/// What lesson completion and "continue where you left off" need to know. The full fold
/// ([`Progress`]) and its saved digest ([`ProgressDigest`]) both answer it, so the rules below
/// are written once and give the same answers on either.
pub trait LessonActivity {
    /// The (timestamp, id) of the lesson's most recent live event.
    fn latest_activity(&self, course_id: &str, lesson_id: &str) -> Option<EventOrder>;
    /// The (timestamp, id) of the lesson's most recent live `completed` statement.
    fn latest_completion(&self, course_id: &str, lesson_id: &str) -> Option<EventOrder>;
    /// The (timestamp, id) of the most recent live event in any lesson of the course.
    fn latest_activity_in_course(&self, course_id: &str) -> Option<EventOrder>;

    /// How many of the lesson's items were answered or shown (a reading is only shown).
    fn items_seen(&self, course_id: &str, lesson_id: &str) -> usize;

    /// Whether the lesson has a live `completed` statement.
    fn is_lesson_completed(&self, course_id: &str, lesson_id: &str) -> bool {
        self.latest_completion(course_id, lesson_id).is_some()
    }

    /// The lesson's mark on the course's outline: done once it has a live `completed`
    /// statement; started once anything happened in it, with how many of its `item_count`
    /// items were seen (at most that many: an outline may have dropped items since); else new.
    fn lesson_standing(
        &self,
        course_id: &str,
        lesson_id: &str,
        item_count: usize,
    ) -> LessonStanding {
        if self.is_lesson_completed(course_id, lesson_id) {
            LessonStanding::Done
        } else if self.latest_activity(course_id, lesson_id).is_some() {
            LessonStanding::Started {
                seen: self.items_seen(course_id, lesson_id).min(item_count),
                of: item_count,
            }
        } else {
            LessonStanding::New
        }
    }

    /// Completion of a course and its units, counting the lessons the manifest lists.
    fn course_progress(&self, manifest: &CourseManifest) -> CourseProgress {
        let units: Vec<UnitProgress> = manifest
            .units
            .iter()
            .map(|unit| UnitProgress {
                unit_id: unit.id.clone(),
                lessons_done: unit
                    .lessons
                    .iter()
                    .filter(|lesson| self.is_lesson_completed(&manifest.id, &lesson.id))
                    .count(),
                lessons_total: unit.lessons.len(),
            })
            .collect();
        CourseProgress {
            course_id: manifest.id.clone(),
            lessons_done: units.iter().map(|unit| unit.lessons_done).sum(),
            lessons_total: units.iter().map(|unit| unit.lessons_total).sum(),
            units,
        }
    }

    /// The lesson "continue where you left off" opens in this course:
    /// 1. the lesson of the course's most recent event, if it is not completed (the learner left
    ///    it half-way);
    /// 2. otherwise the first incomplete lesson after the most recently completed one, in
    ///    manifest order, wrapping round to the start of the course;
    /// 3. with no activity in the course at all, its first lesson.
    ///
    /// `None` when every lesson is complete or the course has no lessons.
    fn continue_lesson(&self, manifest: &CourseManifest) -> Option<ContinueLesson> {
        let lessons: Vec<(&str, &str)> = manifest
            .units
            .iter()
            .flat_map(|unit| {
                unit.lessons
                    .iter()
                    .map(move |lesson| (unit.id.as_str(), lesson.id.as_str()))
            })
            .collect();
        let latest_of = |lesson_id: &str| self.latest_activity(&manifest.id, lesson_id);
        let latest_lesson = lessons
            .iter()
            .enumerate()
            .filter_map(|(index, (_, lesson_id))| Some((latest_of(lesson_id)?, index)))
            .max();
        let Some((_, latest_index)) = latest_lesson else {
            return lessons.first().map(|(unit_id, lesson_id)| ContinueLesson {
                unit_id: (*unit_id).to_owned(),
                lesson_id: (*lesson_id).to_owned(),
                in_progress: false,
            });
        };
        let (unit_id, lesson_id) = lessons[latest_index];
        if !self.is_lesson_completed(&manifest.id, lesson_id) {
            return Some(ContinueLesson {
                unit_id: unit_id.to_owned(),
                lesson_id: lesson_id.to_owned(),
                in_progress: true,
            });
        }
        let latest_completed_index = lessons
            .iter()
            .enumerate()
            .filter_map(|(index, (_, lesson_id))| {
                Some((self.latest_completion(&manifest.id, lesson_id)?, index))
            })
            .max()
            .map_or(latest_index, |(_, index)| index);
        (1..=lessons.len())
            .map(|step| lessons[(latest_completed_index + step) % lessons.len()])
            .find(|(_, lesson_id)| !self.is_lesson_completed(&manifest.id, lesson_id))
            .map(|(unit_id, lesson_id)| ContinueLesson {
                unit_id: unit_id.to_owned(),
                lesson_id: lesson_id.to_owned(),
                in_progress: latest_of(lesson_id).is_some(),
            })
    }
}

impl LessonActivity for Progress {
    fn latest_activity(&self, course_id: &str, lesson_id: &str) -> Option<EventOrder> {
        self.lesson(course_id, lesson_id)?.activity.last().copied()
    }

    fn latest_completion(&self, course_id: &str, lesson_id: &str) -> Option<EventOrder> {
        self.lesson(course_id, lesson_id)?
            .completions
            .keys()
            .next_back()
            .copied()
    }

    fn latest_activity_in_course(&self, course_id: &str) -> Option<EventOrder> {
        self.lessons
            .values()
            .filter(|lesson| lesson.key.course_id == course_id)
            .filter_map(|lesson| lesson.activity.last().copied())
            .max()
    }

    fn items_seen(&self, course_id: &str, lesson_id: &str) -> usize {
        self.items
            .values()
            .filter(|history| {
                history.key.course_id == course_id
                    && history.key.lesson_id == lesson_id
                    && !(history.answers.is_empty() && history.views.is_empty())
            })
            .count()
    }
}

fn mastery_of(history: &ItemHistory) -> ItemMastery {
    let recent_correct = history
        .answers
        .values()
        .rev()
        .take(MASTERY_WINDOW)
        .filter(|answer| answer.success)
        .count();
    ItemMastery {
        attempts: history.answers.len(),
        recent_correct,
        mastered: recent_correct >= MASTERY_CORRECT,
    }
}
