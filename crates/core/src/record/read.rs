//! Reading statements back: any statement's JSON, whoever wrote it (this device's builders,
//! another device, an imported file), into the typed [`LearningEvent`] the progress fold needs.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde_json::Value;
use uuid::Uuid;

use super::{
    is_content_id, parse_iso8601_duration_ms, ACTIVITY_BASE, ATTEMPT_EXTENSION,
    ITEM_KIND_EXTENSION, UTC_OFFSET_EXTENSION, VERB_ANSWERED, VERB_COMPLETED, VERB_EXPERIENCED,
    VERB_FAILED, VERB_PASSED,
};
use crate::xapi::formats::parse_timestamp;
use crate::xapi::VOIDED_VERB_ID;

/// The kind of learning event a statement records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LearningVerb {
    Answered,
    Experienced,
    Completed,
    Passed,
    Failed,
}

impl LearningVerb {
    fn from_iri(iri: &str) -> Option<LearningVerb> {
        Some(match iri {
            VERB_ANSWERED => LearningVerb::Answered,
            VERB_EXPERIENCED => LearningVerb::Experienced,
            VERB_COMPLETED => LearningVerb::Completed,
            VERB_PASSED => LearningVerb::Passed,
            VERB_FAILED => LearningVerb::Failed,
            _ => return None,
        })
    }
}

/// A statement read back as what the progress fold needs.
#[derive(Debug, Clone, PartialEq)]
pub struct LearningEvent {
    pub statement_id: Uuid,
    pub verb: LearningVerb,
    pub course_id: String,
    pub lesson_id: String,
    /// `None` for statements about a whole lesson.
    pub item_id: Option<String>,
    /// The item's content `type`, when the statement says it.
    pub item_kind: Option<String>,
    pub attempt: Option<u32>,
    pub success: Option<bool>,
    /// `result.score.scaled`.
    pub score: Option<f64>,
    pub duration_ms: Option<u64>,
    /// The instant, in milliseconds since the Unix epoch (UTC).
    pub timestamp_ms: i64,
    /// The learner's UTC offset when it happened, in seconds east of UTC.
    pub utc_offset_seconds: i32,
    /// The learner's own calendar date when it happened.
    pub local_date: NaiveDate,
}

/// Reads a statement made by this module's builders (or any statement of the same shape) into a
/// [`LearningEvent`]. Anything else — another verb, an activity outside [`ACTIVITY_BASE`], a
/// missing id or timestamp — gives `None`; this never panics on any JSON.
pub fn learning_event(statement: &Value) -> Option<LearningEvent> {
    learning_event_view(statement).map(|view| view.to_event())
}

/// A [`LearningEvent`] whose texts are borrowed from the statement it was read from. The progress
/// fold reads every statement of a log through this, so that folding allocates only for the
/// items and lessons it has not seen before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EventView<'a> {
    pub statement_id: Uuid,
    pub verb: LearningVerb,
    pub course_id: &'a str,
    pub lesson_id: &'a str,
    pub item_id: Option<&'a str>,
    pub item_kind: Option<&'a str>,
    pub attempt: Option<u32>,
    pub success: Option<bool>,
    pub score: Option<f64>,
    pub duration_ms: Option<u64>,
    pub timestamp_ms: i64,
    pub utc_offset_seconds: i32,
    pub local_date: NaiveDate,
}

impl EventView<'_> {
    pub(crate) fn to_event(self) -> LearningEvent {
        LearningEvent {
            statement_id: self.statement_id,
            verb: self.verb,
            course_id: self.course_id.to_owned(),
            lesson_id: self.lesson_id.to_owned(),
            item_id: self.item_id.map(str::to_owned),
            item_kind: self.item_kind.map(str::to_owned),
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

impl LearningEvent {
    pub(crate) fn view(&self) -> EventView<'_> {
        EventView {
            statement_id: self.statement_id,
            verb: self.verb,
            course_id: &self.course_id,
            lesson_id: &self.lesson_id,
            item_id: self.item_id.as_deref(),
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

/// [`learning_event`] without copying the texts.
pub(crate) fn learning_event_view(statement: &Value) -> Option<EventView<'_>> {
    let statement_id = Uuid::parse_str(statement.get("id")?.as_str()?).ok()?;
    let verb = LearningVerb::from_iri(statement.get("verb")?.get("id")?.as_str()?)?;
    let object = statement.get("object")?;
    if object
        .get("objectType")
        .and_then(Value::as_str)
        .is_some_and(|object_type| object_type != "Activity")
    {
        return None;
    }
    let (course_id, lesson_id, item_id) = parse_activity_id(object.get("id")?.as_str()?)?;
    // Answers and views are about items; completions, passes and failures about lessons.
    match (verb, item_id.is_some()) {
        (LearningVerb::Answered | LearningVerb::Experienced, true)
        | (LearningVerb::Completed | LearningVerb::Passed | LearningVerb::Failed, false) => {}
        _ => return None,
    }
    let timestamp_text = statement.get("timestamp")?.as_str()?;
    let instant = parse_timestamp(timestamp_text).ok()?;
    // `get` chains rather than JSON pointers: a pointer lookup allocates for every segment, and
    // this runs once per statement of the whole log.
    let extensions = statement
        .get("context")
        .and_then(|context| context.get("extensions"));
    let utc_offset_seconds = extensions
        .and_then(|extensions| extensions.get(UTC_OFFSET_EXTENSION))
        .and_then(Value::as_str)
        .and_then(parse_offset)
        .or_else(|| timestamp_offset_seconds(timestamp_text))?;
    let local_date = local_date_of(instant, utc_offset_seconds)?;
    let result = statement.get("result");
    let item_kind = extensions
        .and_then(|extensions| extensions.get(ITEM_KIND_EXTENSION))
        .or_else(|| {
            object
                .get("definition")?
                .get("extensions")?
                .get(ITEM_KIND_EXTENSION)
        })
        .and_then(Value::as_str);
    Some(EventView {
        statement_id,
        verb,
        course_id,
        lesson_id,
        item_id,
        item_kind,
        attempt: extensions
            .and_then(|extensions| extensions.get(ATTEMPT_EXTENSION))
            .and_then(Value::as_u64)
            .and_then(|attempt| u32::try_from(attempt).ok()),
        success: result
            .and_then(|result| result.get("success"))
            .and_then(Value::as_bool),
        score: result
            .and_then(|result| result.get("score")?.get("scaled"))
            .and_then(Value::as_f64)
            .filter(|score| score.is_finite()),
        duration_ms: result
            .and_then(|result| result.get("duration"))
            .and_then(Value::as_str)
            .and_then(parse_iso8601_duration_ms),
        timestamp_ms: instant.timestamp_millis(),
        utc_offset_seconds,
        local_date,
    })
}

/// The id of the statement a voiding statement voids; `None` for any other statement.
pub fn voided_statement_id(statement: &Value) -> Option<Uuid> {
    if statement.get("verb")?.get("id")?.as_str()? != VOIDED_VERB_ID {
        return None;
    }
    let object = statement.get("object")?;
    if object.get("objectType")?.as_str()? != "StatementRef" {
        return None;
    }
    Uuid::parse_str(object.get("id")?.as_str()?).ok()
}

/// Splits an activity id under [`ACTIVITY_BASE`] into (course, lesson, item).
pub(super) fn parse_activity_id(iri: &str) -> Option<(&str, &str, Option<&str>)> {
    let rest = iri.strip_prefix(ACTIVITY_BASE)?.strip_prefix("/course/")?;
    let (course_id, rest) = rest.split_once("/lesson/")?;
    let (lesson_id, item_id) = match rest.split_once("/item/") {
        Some((lesson_id, item_id)) => (lesson_id, Some(item_id)),
        None => (rest, None),
    };
    if !is_content_id(course_id)
        || !is_content_id(lesson_id)
        || item_id.is_some_and(|item_id| !is_content_id(item_id))
    {
        return None;
    }
    Some((course_id, lesson_id, item_id))
}

/// The offset written at the end of an RFC 3339 timestamp, in seconds east of UTC.
/// `Z` is 0. Expects a timestamp that [`parse_timestamp`] accepts.
pub(super) fn timestamp_offset_seconds(timestamp: &str) -> Option<i32> {
    if timestamp.ends_with(['Z', 'z']) {
        return Some(0);
    }
    // The zone starts at the last sign after the time separator.
    let time_start = timestamp.find(['T', 't'])?;
    let zone_start = time_start + timestamp[time_start..].rfind(['+', '-'])?;
    parse_offset(&timestamp[zone_start..])
}

/// Parses `+hh:mm`, `+hhmm` or `+hh` (or `-…`) into seconds east of UTC.
fn parse_offset(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let sign = match bytes.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let two_digits = |pair: &[u8]| -> Option<i32> {
        match pair {
            [tens @ b'0'..=b'9', units @ b'0'..=b'9'] => {
                Some(i32::from(tens - b'0') * 10 + i32::from(units - b'0'))
            }
            _ => None,
        }
    };
    let (hours, minutes) = match bytes.len() {
        3 => (two_digits(&bytes[1..3])?, 0),
        5 => (two_digits(&bytes[1..3])?, two_digits(&bytes[3..5])?),
        6 if bytes[3] == b':' => (two_digits(&bytes[1..3])?, two_digits(&bytes[4..6])?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

/// The calendar date at `instant` for someone whose clock is `offset_seconds` east of UTC.
pub(crate) fn local_date_of(instant: DateTime<Utc>, offset_seconds: i32) -> Option<NaiveDate> {
    let offset = FixedOffset::east_opt(offset_seconds)?;
    Some(instant.with_timezone(&offset).date_naive())
}
