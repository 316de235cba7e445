//! The learning-record vocabulary: how a learning event becomes an xAPI statement, and how a
//! statement is read back into a typed [`LearningEvent`].
//!
//! Progress is an append-only log of xAPI statements (design.md, invariant 1). Every statement
//! the client writes for a learner is built here, so the shape the progress fold reads is decided
//! in one place; [`learning_event`] reads that shape back, including statements written by other
//! devices or returned by the server.
//!
//! What a statement says:
//! - [`answered`]: the learner answered an item (`http://adlnet.gov/expapi/verbs/answered`) with
//!   `result.success`, `result.response`, `result.duration`, a score for graded kinds, and the
//!   attempt number and item kind as context extensions.
//! - [`experienced`]: the learner saw an item without answering it (a reading, a letter, a word, a
//!   culture note) (`http://adlnet.gov/expapi/verbs/experienced`).
//! - [`lesson_completed`]: the learner finished a lesson (`…/verbs/completed`), with the lesson's
//!   score and whether it reached [`PASS_MARK`]; [`lesson_assessed`] gives the matching `passed`
//!   or `failed` statement for systems that look for those verbs.
//!
//! There is no `progressed` statement: how far a learner got in a lesson already follows from
//! its item statements, and a second record of the same fact could only disagree with them.
//!
//! Each builder has two forms: `answered_statement` and its siblings give the typed
//! [`Statement`] (`statement.rs`), which the learners' app serializes through the browser
//! without carrying `serde_json::Value`; `answered` and its siblings give the same statement as
//! JSON, checked by the xAPI validator, for the server, the tools and the tests. Reading
//! statements back is `read.rs`.
//!
//! Activity ids are IRIs under [`ACTIVITY_BASE`]:
//! `…/course/<course>`, `…/course/<course>/lesson/<lesson>` and
//! `…/course/<course>/lesson/<lesson>/item/<item>`. Content ids match `[a-z0-9][a-z0-9-]*`, so
//! they need no percent-encoding; the builders refuse any other id rather than produce an IRI
//! that would not read back.
//!
//! The learner's local UTC offset matters for streaks (a day is the learner's own day). The
//! timestamp carries it, but the server stores timestamps in UTC, so a statement pulled from the
//! server would lose it: every statement therefore also carries the offset in the context
//! extension [`UTC_OFFSET_EXTENSION`], and [`learning_event`] prefers that extension to the
//! timestamp's own zone. Without it two devices would disagree on streaks, breaking invariant 1.

mod read;
mod statement;

use serde_json::Value;
use uuid::Uuid;

use crate::content::{Item, ItemKind, ListeningResponse, LocalizedText};
use crate::xapi::formats::parse_timestamp;
use crate::xapi::{validate_statement, XapiValidationError};

#[cfg(test)]
use read::parse_activity_id;
use read::timestamp_offset_seconds;
pub use read::{learning_event, voided_statement_id, LearningEvent, LearningVerb};
pub(crate) use read::{learning_event_view, local_date_of, EventView};
pub use statement::{
    Activity, Actor, ActorAccount, ContextActivities, ContextExtensions, Definition,
    EnglishDisplay, ItemKindExtension, LanguageMap, Outcome, Score, ScoreNumber, Statement,
    StatementContext, Verb,
};

/// The home page of every baeum account; matches the server's `DEFAULT_ACCOUNT_HOME_PAGE`.
pub const ACCOUNT_HOME_PAGE: &str = "https://baeum.invalid/";

/// The prefix of every activity id baeum writes.
pub const ACTIVITY_BASE: &str = "https://baeum.invalid/activities";

/// Verb: the learner answered an item.
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
/// Verb: the learner saw an item that asks for no answer.
pub const VERB_EXPERIENCED: &str = "http://adlnet.gov/expapi/verbs/experienced";
/// Verb: the learner reached the end of a lesson.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// Verb: the learner's lesson score reached the pass mark.
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
/// Verb: the learner's lesson score stayed under the pass mark.
pub const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";

/// Activity type of a course.
pub const ACTIVITY_TYPE_COURSE: &str = "http://adlnet.gov/expapi/activities/course";
/// Activity type of a lesson.
pub const ACTIVITY_TYPE_LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
/// Activity type of an item the learner answers.
pub const ACTIVITY_TYPE_INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// Activity type of an item the learner only reads or looks at.
pub const ACTIVITY_TYPE_MEDIA: &str = "http://adlnet.gov/expapi/activities/media";

/// Context extension: which attempt at this item within the lesson this answer is (1-based).
pub const ATTEMPT_EXTENSION: &str = "https://baeum.invalid/xapi/extensions/attempt";
/// Context extension: the item's kind, its `type` in the content (`vocab`, `choice`, …).
pub const ITEM_KIND_EXTENSION: &str = "https://baeum.invalid/xapi/extensions/item-kind";
/// Context extension: the device's UTC offset when the statement was made, as `+09:00`.
pub const UTC_OFFSET_EXTENSION: &str = "https://baeum.invalid/xapi/extensions/utc-offset";

/// The share of a lesson's graded items a learner must get right to pass it: 60 %.
/// A lesson without graded items is passed by completing it.
pub const PASS_MARK: f64 = 0.6;

/// Why a statement could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    #[error("{what} id {id:?} must match [a-z0-9][a-z0-9-]*")]
    InvalidId { what: &'static str, id: String },
    #[error("timestamp {0:?} must be rfc 3339 with the device's utc offset")]
    InvalidTimestamp(String),
    #[error("a lesson score needs correct ({correct}) to be at most total ({total})")]
    InvalidScore { correct: u32, total: u32 },
    #[error("a statement must be a json object")]
    NotAnObject,
    #[error("the actor is not valid: {0}")]
    InvalidActor(XapiValidationError),
    #[error("the built statement is not valid xapi: {0}")]
    InvalidStatement(XapiValidationError),
}

/// Where a statement happens and who makes it: the inputs every builder shares.
///
/// The caller supplies the id (the client makes UUIDv7) and the timestamp (the device's clock,
/// with its UTC offset), because this crate has no clock and no random numbers.
#[derive(Debug, Clone, Copy)]
pub struct RecordContext<'a> {
    pub statement_id: Uuid,
    /// RFC 3339 with the device's own offset, e.g. `2026-11-23T09:00:00.123+09:00`.
    pub timestamp: &'a str,
    /// Who the statement is about, from [`account_actor`] or [`guest_actor`] (or the
    /// server's description of the signed-in account).
    pub actor: &'a Actor,
    pub course_id: &'a str,
    pub course_title: &'a LocalizedText,
    pub lesson_id: &'a str,
    pub lesson_title: &'a LocalizedText,
}

/// What the learner gave for one item.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    pub item: &'a Item,
    /// The learner's answer as text: the typed text, the chosen option's index, the words in
    /// the order given joined by `[,]` (the xAPI sequencing form).
    pub response: &'a str,
    pub success: bool,
    /// How long the learner took, from the item being shown to the answer.
    pub duration_ms: u64,
    /// 1 for the first try at this item in this lesson run, 2 for the next, …
    pub attempt: u32,
}

/// How a lesson run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonOutcome {
    /// Graded items answered correctly (on the first attempt, as the player counts them).
    pub correct: u32,
    /// Graded items in the lesson.
    pub total: u32,
    /// Time from the lesson's start to its end.
    pub duration_ms: u64,
}

impl LessonOutcome {
    /// The scaled score in 0..=1; a lesson without graded items scores 1.
    pub fn scaled_score(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            f64::from(self.correct) / f64::from(self.total)
        }
    }

    /// Whether the score reaches [`PASS_MARK`].
    pub fn passed(&self) -> bool {
        self.scaled_score() >= PASS_MARK
    }
}

/// The actor of a signed-in learner: an account on [`ACCOUNT_HOME_PAGE`] named by the account's
/// uuid, exactly as the server identifies it.
pub fn account_actor(account_id: Uuid) -> Actor {
    Actor::on_baeum(account_id.to_string())
}

/// The actor of a learner who has not signed in: an account named `guest-<uuid>`, where the
/// uuid is made once per device. Its statements stay on the device until the learner signs in
/// and [`reassign_actor`] moves them to the account.
pub fn guest_actor(guest_id: Uuid) -> Actor {
    Actor::on_baeum(format!("guest-{guest_id}"))
}

/// Whether an account is a guest's, made by [`guest_actor`]: the one rule behind
/// [`Actor::is_guest`] and [`is_guest_actor`].
pub(crate) fn is_guest_account(home_page: &str, name: &str) -> bool {
    name.starts_with("guest-") && home_page == ACCOUNT_HOME_PAGE
}

/// Whether this actor, as JSON (a statement's, read back), is a guest made by [`guest_actor`].
pub fn is_guest_actor(actor: &Value) -> bool {
    let text = |pointer: &str| actor.pointer(pointer).and_then(Value::as_str);
    match (text("/account/homePage"), text("/account/name")) {
        (Some(home_page), Some(name)) => is_guest_account(home_page, name),
        _ => false,
    }
}

/// The same statement with another actor. Used when a guest signs in before any of their
/// statements left the device: the statements have never been stored anywhere else, so giving
/// them the account's actor (same id, same everything else) loses nothing and creates no
/// duplicate. Statements that were already sent must never be rewritten this way.
///
/// The client does the same to statements it holds as browser objects, checking the new actor
/// with [`Actor::check`] first as this does.
pub fn reassign_actor(statement: &Value, new_actor: &Actor) -> Result<Value, RecordError> {
    new_actor.check().map_err(RecordError::InvalidActor)?;
    let Value::Object(properties) = statement else {
        return Err(RecordError::NotAnObject);
    };
    let mut reassigned = properties.clone();
    reassigned.insert(
        "actor".to_owned(),
        serde_json::to_value(new_actor).map_err(|_| RecordError::NotAnObject)?,
    );
    Ok(Value::Object(reassigned))
}

/// The id of a course activity.
pub fn course_activity_id(course_id: &str) -> String {
    format!("{ACTIVITY_BASE}/course/{course_id}")
}

/// The id of a lesson activity.
pub fn lesson_activity_id(course_id: &str, lesson_id: &str) -> String {
    format!("{ACTIVITY_BASE}/course/{course_id}/lesson/{lesson_id}")
}

/// The id of an item activity.
pub fn item_activity_id(course_id: &str, lesson_id: &str, item_id: &str) -> String {
    format!("{ACTIVITY_BASE}/course/{course_id}/lesson/{lesson_id}/item/{item_id}")
}

/// Whether an item kind is graded: its answer is right or wrong by the content, so answering it
/// carries a score. Vocab and letters are flash cards the learner judges themselves.
pub fn is_graded_kind(kind: &ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Choice { .. }
            | ItemKind::Typed { .. }
            | ItemKind::Listening { .. }
            | ItemKind::Ordering { .. }
            | ItemKind::FillBlank { .. }
    )
}

/// The statement for an answered item.
pub fn answered_statement(
    context: &RecordContext<'_>,
    answer: &Answer<'_>,
) -> Result<Statement, RecordError> {
    check_context(context)?;
    check_id("item", &answer.item.id)?;
    let points = u32::from(answer.success);
    let score = is_graded_kind(&answer.item.kind).then_some(Score {
        scaled: ScoreNumber::Whole(points),
        raw: Some(points),
        min: Some(0),
        max: Some(1),
    });
    Ok(Statement {
        id: context.statement_id,
        actor: context.actor.clone(),
        verb: verb(VERB_ANSWERED, "answered"),
        object: item_activity(context, answer.item, true),
        result: Some(Outcome {
            score,
            success: answer.success,
            completion: None,
            response: Some(answer.response.to_owned()),
            duration: iso8601_duration(answer.duration_ms),
        }),
        context: item_context(
            context,
            Some(answer.attempt.max(1)),
            answer.item.kind.type_name(),
        )?,
        timestamp: context.timestamp.to_owned(),
    })
}

/// The statement for an item the learner saw without answering (a reading, a culture note, a
/// letter or a word being introduced).
pub fn experienced_statement(
    context: &RecordContext<'_>,
    item: &Item,
) -> Result<Statement, RecordError> {
    check_context(context)?;
    check_id("item", &item.id)?;
    Ok(Statement {
        id: context.statement_id,
        actor: context.actor.clone(),
        verb: verb(VERB_EXPERIENCED, "experienced"),
        object: item_activity(context, item, false),
        result: None,
        context: item_context(context, None, item.kind.type_name())?,
        timestamp: context.timestamp.to_owned(),
    })
}

/// The statement for a completed lesson: `completed`, with the score and whether it reached
/// [`PASS_MARK`] in `result.success`.
pub fn lesson_completed_statement(
    context: &RecordContext<'_>,
    outcome: &LessonOutcome,
) -> Result<Statement, RecordError> {
    lesson_statement(context, outcome, VERB_COMPLETED, "completed")
}

/// The `passed` or `failed` statement that goes with [`lesson_completed_statement`] (with its
/// own statement id), for reports that look for those verbs. The progress fold does not need
/// it.
pub fn lesson_assessed_statement(
    context: &RecordContext<'_>,
    outcome: &LessonOutcome,
) -> Result<Statement, RecordError> {
    if outcome.passed() {
        lesson_statement(context, outcome, VERB_PASSED, "passed")
    } else {
        lesson_statement(context, outcome, VERB_FAILED, "failed")
    }
}

/// [`answered_statement`] as JSON, checked by the xAPI validator.
pub fn answered(context: &RecordContext<'_>, answer: &Answer<'_>) -> Result<Value, RecordError> {
    checked(&answered_statement(context, answer)?)
}

/// [`experienced_statement`] as JSON, checked by the xAPI validator.
pub fn experienced(context: &RecordContext<'_>, item: &Item) -> Result<Value, RecordError> {
    checked(&experienced_statement(context, item)?)
}

/// [`lesson_completed_statement`] as JSON, checked by the xAPI validator.
pub fn lesson_completed(
    context: &RecordContext<'_>,
    outcome: &LessonOutcome,
) -> Result<Value, RecordError> {
    checked(&lesson_completed_statement(context, outcome)?)
}

/// [`lesson_assessed_statement`] as JSON, checked by the xAPI validator.
pub fn lesson_assessed(
    context: &RecordContext<'_>,
    outcome: &LessonOutcome,
) -> Result<Value, RecordError> {
    checked(&lesson_assessed_statement(context, outcome)?)
}

fn lesson_statement(
    context: &RecordContext<'_>,
    outcome: &LessonOutcome,
    verb_id: &'static str,
    verb_name: &'static str,
) -> Result<Statement, RecordError> {
    check_context(context)?;
    if outcome.correct > outcome.total {
        return Err(RecordError::InvalidScore {
            correct: outcome.correct,
            total: outcome.total,
        });
    }
    Ok(Statement {
        id: context.statement_id,
        actor: context.actor.clone(),
        verb: verb(verb_id, verb_name),
        object: lesson_activity(context),
        result: Some(Outcome {
            score: Some(lesson_score(outcome)),
            success: outcome.passed(),
            completion: Some(true),
            response: None,
            duration: iso8601_duration(outcome.duration_ms),
        }),
        context: StatementContext {
            context_activities: ContextActivities {
                parent: vec![course_activity(context)],
                grouping: None,
            },
            extensions: ContextExtensions {
                attempt: None,
                item_kind: None,
                utc_offset: offset_of(context.timestamp)?,
            },
        },
        timestamp: context.timestamp.to_owned(),
    })
}

/// The lesson's score. A lesson without graded items has no raw score (xAPI needs min < max),
/// only the scaled score of 1.
fn lesson_score(outcome: &LessonOutcome) -> Score {
    if outcome.total == 0 {
        Score {
            scaled: ScoreNumber::Whole(1),
            raw: None,
            min: None,
            max: None,
        }
    } else {
        Score {
            scaled: ScoreNumber::Fraction(outcome.scaled_score()),
            raw: Some(outcome.correct),
            min: Some(0),
            max: Some(outcome.total),
        }
    }
}

/// A built statement as JSON, validated: the builders' shapes are checked against the server's
/// rules every time one is made natively (the tools, every test), so a statement the client
/// stores is one the server accepts, and never sits in the outbox refused.
fn checked(statement: &Statement) -> Result<Value, RecordError> {
    let value = statement.to_value();
    validate_statement(&value).map_err(RecordError::InvalidStatement)?;
    Ok(value)
}

fn check_context(context: &RecordContext<'_>) -> Result<(), RecordError> {
    check_id("course", context.course_id)?;
    check_id("lesson", context.lesson_id)?;
    context.actor.check().map_err(RecordError::InvalidActor)?;
    offset_of(context.timestamp)?;
    Ok(())
}

fn check_id(what: &'static str, id: &str) -> Result<(), RecordError> {
    if is_content_id(id) {
        Ok(())
    } else {
        Err(RecordError::InvalidId {
            what,
            id: id.to_owned(),
        })
    }
}

/// Whether `id` has the content format's id shape, `[a-z0-9][a-z0-9-]*`.
pub(crate) fn is_content_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.all(|byte| matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

/// The timestamp's offset as `+hh:mm`, refusing timestamps that are not valid or carry no zone.
pub(crate) fn offset_of(timestamp: &str) -> Result<String, RecordError> {
    parse_timestamp(timestamp).map_err(|_| RecordError::InvalidTimestamp(timestamp.to_owned()))?;
    let seconds = timestamp_offset_seconds(timestamp)
        .ok_or_else(|| RecordError::InvalidTimestamp(timestamp.to_owned()))?;
    Ok(format_offset(seconds))
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let magnitude = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", magnitude / 3600, magnitude % 3600 / 60)
}

/// A statement built as JSON (the wellbeing check-in), validated as [`checked`] validates
/// the typed ones.
pub(crate) fn checked_json(statement: Value) -> Result<Value, RecordError> {
    validate_statement(&statement).map_err(RecordError::InvalidStatement)?;
    Ok(statement)
}

/// A verb with its English display, as JSON.
pub(crate) fn verb_json(id: &str, english: &str) -> Value {
    serde_json::json!({ "id": id, "display": { "en": english } })
}

fn verb(id: &'static str, english: &'static str) -> Verb {
    Verb {
        id,
        display: EnglishDisplay { en: english },
    }
}

fn language_map(text: &LocalizedText) -> LanguageMap {
    LanguageMap(
        text.0
            .iter()
            .filter(|(_, words)| !words.is_empty())
            .map(|(language, words)| (language.code(), words.clone()))
            .collect(),
    )
}

fn definition(title: &LocalizedText, activity_type: &'static str) -> Definition {
    Definition {
        activity_type,
        name: language_map(title),
        interaction_type: None,
        extensions: None,
    }
}

fn course_activity(context: &RecordContext<'_>) -> Activity {
    Activity {
        object_type: "Activity",
        id: course_activity_id(context.course_id),
        definition: definition(context.course_title, ACTIVITY_TYPE_COURSE),
    }
}

fn lesson_activity(context: &RecordContext<'_>) -> Activity {
    Activity {
        object_type: "Activity",
        id: lesson_activity_id(context.course_id, context.lesson_id),
        definition: definition(context.lesson_title, ACTIVITY_TYPE_LESSON),
    }
}

/// The context of an item statement: within its lesson, grouped under its course.
fn item_context(
    context: &RecordContext<'_>,
    attempt: Option<u32>,
    item_kind: &'static str,
) -> Result<StatementContext, RecordError> {
    Ok(StatementContext {
        context_activities: ContextActivities {
            parent: vec![lesson_activity(context)],
            grouping: Some(vec![course_activity(context)]),
        },
        extensions: ContextExtensions {
            attempt,
            item_kind: Some(item_kind),
            utc_offset: offset_of(context.timestamp)?,
        },
    })
}

/// The name an item shows in reports: its prompt or title, or the Korean it teaches.
fn item_name(item: &Item) -> LocalizedText {
    match &item.kind {
        ItemKind::Reading { text } => text.clone(),
        ItemKind::CultureNote { title, .. } => title.clone(),
        ItemKind::HangulLetter { jamo, .. } => {
            LocalizedText::from_pairs([(crate::content::Language::Ko, jamo.as_str())])
        }
        ItemKind::Vocab { ko, .. } => {
            LocalizedText::from_pairs([(crate::content::Language::Ko, ko.text.as_str())])
        }
        ItemKind::Choice { prompt, .. }
        | ItemKind::Typed { prompt, .. }
        | ItemKind::Listening { prompt, .. }
        | ItemKind::Ordering { prompt, .. }
        | ItemKind::FillBlank { prompt, .. } => prompt.clone(),
    }
}

/// The xAPI interaction type that describes how an item is answered.
fn interaction_type(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Choice { .. } => "choice",
        ItemKind::Listening {
            response: ListeningResponse::Choice { .. },
            ..
        } => "choice",
        ItemKind::Typed { .. }
        | ItemKind::FillBlank { .. }
        | ItemKind::Listening {
            response: ListeningResponse::Typed { .. },
            ..
        } => "fill-in",
        ItemKind::Ordering { .. } => "sequencing",
        ItemKind::Reading { .. }
        | ItemKind::CultureNote { .. }
        | ItemKind::HangulLetter { .. }
        | ItemKind::Vocab { .. } => "other",
    }
}

fn item_activity(context: &RecordContext<'_>, item: &Item, answered: bool) -> Activity {
    let mut name = item_name(item);
    // A reading's text can be long; the definition is only a label, so it is cut short.
    for words in name.0.values_mut() {
        if words.chars().count() > 80 {
            *words = words.chars().take(80).collect::<String>() + "…";
        }
    }
    let mut definition = if answered {
        let mut definition = definition(&name, ACTIVITY_TYPE_INTERACTION);
        definition.interaction_type = Some(interaction_type(&item.kind));
        definition
    } else {
        definition(&name, ACTIVITY_TYPE_MEDIA)
    };
    definition.extensions = Some(ItemKindExtension(item.kind.type_name()));
    Activity {
        object_type: "Activity",
        id: item_activity_id(context.course_id, context.lesson_id, &item.id),
        definition,
    }
}

/// An ISO 8601 duration with millisecond precision, e.g. `PT1M5.432S`.
pub fn iso8601_duration(milliseconds: u64) -> String {
    let hours = milliseconds / 3_600_000;
    let minutes = milliseconds / 60_000 % 60;
    let seconds = milliseconds / 1000 % 60;
    let millis = milliseconds % 1000;
    let mut text = String::from("PT");
    if hours > 0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}M"));
    }
    if millis > 0 {
        text.push_str(&format!("{seconds}.{millis:03}S"));
    } else if seconds > 0 || (hours == 0 && minutes == 0) {
        text.push_str(&format!("{seconds}S"));
    }
    text
}

/// Reads an ISO 8601 duration into milliseconds. Years and months have no fixed length, so a
/// duration that uses them gives `None`; weeks and days count as 7 and 1 times 24 hours.
pub fn parse_iso8601_duration_ms(text: &str) -> Option<u64> {
    let body = text.strip_prefix('P')?;
    let mut total_ms: f64 = 0.0;
    let mut in_time = false;
    let mut number_start = 0;
    let mut components = 0;
    for (index, character) in body.char_indices() {
        match character {
            'T' if !in_time && number_start == index => {
                in_time = true;
                number_start = index + 1;
            }
            '0'..='9' | '.' => {}
            designator => {
                let value: f64 = body[number_start..index].parse().ok()?;
                let unit_ms = match (in_time, designator) {
                    (false, 'W') => 7.0 * 86_400_000.0,
                    (false, 'D') => 86_400_000.0,
                    (true, 'H') => 3_600_000.0,
                    (true, 'M') => 60_000.0,
                    (true, 'S') => 1000.0,
                    _ => return None,
                };
                total_ms += value * unit_ms;
                components += 1;
                number_start = index + designator.len_utf8();
            }
        }
    }
    if number_start != body.len() || components == 0 || !total_ms.is_finite() {
        return None;
    }
    Some(total_ms.round() as u64)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip_through_iso8601() {
        for milliseconds in [
            0, 1, 999, 1000, 59_999, 60_000, 65_432, 3_600_000, 3_723_004,
        ] {
            let text = iso8601_duration(milliseconds);
            assert!(
                crate::xapi::formats::is_iso8601_duration(&text),
                "{text} is not iso 8601"
            );
            assert_eq!(
                parse_iso8601_duration_ms(&text),
                Some(milliseconds),
                "{text}"
            );
        }
        assert_eq!(parse_iso8601_duration_ms("P1DT1S"), Some(86_401_000));
        assert_eq!(parse_iso8601_duration_ms("P1M"), None);
        assert_eq!(parse_iso8601_duration_ms("PT"), None);
        assert_eq!(parse_iso8601_duration_ms("P"), None);
        assert_eq!(parse_iso8601_duration_ms("PT5"), None);
    }

    #[test]
    fn offsets_are_read_from_every_zone_form() {
        assert_eq!(
            timestamp_offset_seconds("2026-11-23T09:00:00+09:00"),
            Some(9 * 3600)
        );
        assert_eq!(
            timestamp_offset_seconds("2026-11-23T09:00:00.5-0330"),
            Some(-(3 * 3600 + 1800))
        );
        assert_eq!(
            timestamp_offset_seconds("2026-11-23T09:00:00-05"),
            Some(-5 * 3600)
        );
        assert_eq!(timestamp_offset_seconds("2026-11-23T09:00:00Z"), Some(0));
        assert_eq!(format_offset(-(3 * 3600 + 1800)), "-03:30");
    }

    #[test]
    fn activity_ids_split_into_course_lesson_and_item() {
        assert_eq!(
            parse_activity_id(&item_activity_id("hangul", "l1", "a-1")),
            Some(("hangul", "l1", Some("a-1")))
        );
        assert_eq!(
            parse_activity_id(&lesson_activity_id("hangul", "l1")),
            Some(("hangul", "l1", None))
        );
        assert_eq!(parse_activity_id(&course_activity_id("hangul")), None);
        assert_eq!(
            parse_activity_id("https://baeum.invalid/activities/course/Hangul/lesson/l1"),
            None
        );
    }
}
