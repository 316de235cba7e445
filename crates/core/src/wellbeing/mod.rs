//! Wellbeing check-ins: "How are you today?" with five faces, a few optional words and an
//! optional "I would like to talk to someone", and the privacy rule that goes with them.
//!
//! A check-in is an xAPI statement like any answer, so it is recorded into the same log and
//! outbox and nothing new can be lost; what sets it apart is its verb ([`VERB_CHECKED_IN`]) and
//! activity type ([`ACTIVITY_TYPE_CHECK_IN`]), baeum's own. The statement says:
//! - the mood in `result.score.raw` (1 to 5, [`Mood`]), so no words are needed;
//! - the learner's few words, if any, in `result.response`;
//! - whether they would like to talk to someone ([`WANTS_TO_TALK_EXTENSION`]);
//! - the one class whose teacher may see it, if the learner chose one
//!   ([`SHARED_WITH_CLASS_EXTENSION`]); without it, no one but the learner.
//!
//! **Who may see a check-in** (enforced by the server, written here once so the server and the
//! client agree on what a check-in is): its learner; the teacher of the class named in it while
//! the learner is a member of that class; no one else, admins included. It never counts in any
//! progress report (the progress fold reads only learning verbs), it is never forwarded to
//! another learning record store, and the learner's export leaves it out unless asked
//! ([`is_private_statement`] is the client's test; the server applies [`PRIVATE_VERB_IDS`] in
//! its SQL, to the check-in and to a statement voiding one).

pub mod help_lines;
pub mod wire;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::record::{
    checked_json as checked, offset_of, verb_json as verb, Actor, RecordError, UTC_OFFSET_EXTENSION,
};
use crate::xapi::formats::{format_calendar_date, parse_calendar_date, parse_timestamp};
use crate::xapi::VOIDED_VERB_ID;

/// The verb of a check-in: the learner told how they are.
pub const VERB_CHECKED_IN: &str = "https://baeum.invalid/xapi/verbs/checked-in";
/// The activity type of the check-in activity.
pub const ACTIVITY_TYPE_CHECK_IN: &str = "https://baeum.invalid/xapi/activities/wellbeing-check-in";
/// The one activity every check-in is about.
pub const CHECK_IN_ACTIVITY_ID: &str = "https://baeum.invalid/activities/wellbeing/check-in";
/// Context extension: the id of the class whose teacher the learner shares this check-in with.
pub const SHARED_WITH_CLASS_EXTENSION: &str =
    "https://baeum.invalid/xapi/extensions/shared-with-class";
/// Context extension: `true` when the learner would like to talk to someone.
pub const WANTS_TO_TALK_EXTENSION: &str = "https://baeum.invalid/xapi/extensions/wants-to-talk";
/// The verbs whose statements only their actor may read (and, for a check-in, the teacher it
/// is shared with, through the server's own route).
pub const PRIVATE_VERB_IDS: &[&str] = &[VERB_CHECKED_IN];
/// The most characters a learner's few words may have.
pub const MAXIMUM_WORDS_CHARACTERS: usize = 280;

/// Whether statements with this verb are private to their actor.
pub fn is_private_verb(verb_id: &str) -> bool {
    PRIVATE_VERB_IDS.contains(&verb_id)
}

/// Whether a statement (as JSON) is private to its actor: a check-in.
pub fn is_private_statement(statement: &Value) -> bool {
    statement
        .get("verb")
        .and_then(|verb| verb.get("id"))
        .and_then(Value::as_str)
        .is_some_and(is_private_verb)
}

/// How the learner feels, from 1 (very sad) to 5 (very happy): the five faces.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct Mood(u8);

impl Mood {
    /// The lowest face.
    pub const LOWEST: Mood = Mood(1);
    /// The highest face.
    pub const HIGHEST: Mood = Mood(5);
    /// Every face, lowest first.
    pub const ALL: [Mood; 5] = [Mood(1), Mood(2), Mood(3), Mood(4), Mood(5)];

    /// The mood for a face number, 1 to 5.
    pub fn new(value: u8) -> Option<Mood> {
        (1..=5).contains(&value).then_some(Mood(value))
    }

    /// 1 to 5.
    pub fn value(self) -> u8 {
        self.0
    }

    /// The two sad faces: after one the learner is shown where to get help.
    pub fn is_low(self) -> bool {
        self.0 <= 2
    }
}

/// A face number that is not 1 to 5. Its own small error, so reading a mood (the teachers'
/// app does) does not bring in every statement error's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoodOutOfRange(pub u8);

impl std::fmt::Display for MoodOutOfRange {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "a mood is a face from 1 to 5, not {}", self.0)
    }
}

impl TryFrom<u8> for Mood {
    type Error = MoodOutOfRange;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Mood::new(value).ok_or(MoodOutOfRange(value))
    }
}

impl From<Mood> for u8 {
    fn from(mood: Mood) -> u8 {
        mood.0
    }
}

/// Why a check-in cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CheckInError {
    #[error("a few words are at most {MAXIMUM_WORDS_CHARACTERS} characters")]
    TooManyWords,
    #[error(transparent)]
    Record(#[from] RecordError),
}

/// What the learner answered, with what every statement needs.
#[derive(Debug, Clone, Copy)]
pub struct CheckInInput<'a> {
    pub statement_id: Uuid,
    /// RFC 3339 with the device's own offset.
    pub timestamp: &'a str,
    pub actor: &'a Actor,
    pub mood: Mood,
    /// The learner's few words, in any language; blank for none.
    pub words: &'a str,
    pub wants_to_talk: bool,
    /// The class whose teacher may see it; `None` keeps it to the learner.
    pub shared_with_class: Option<Uuid>,
}

/// Builds a check-in's statement.
pub fn check_in_statement(input: &CheckInInput<'_>) -> Result<Value, CheckInError> {
    let offset = offset_of(input.timestamp)?;
    let words = input.words.trim();
    if words.chars().count() > MAXIMUM_WORDS_CHARACTERS {
        return Err(CheckInError::TooManyWords);
    }
    let mut result = json!({
        "score": { "raw": input.mood.value(), "min": Mood::LOWEST.value(), "max": Mood::HIGHEST.value() },
    });
    if !words.is_empty() {
        result["response"] = json!(words);
    }
    let mut extensions = Map::new();
    extensions.insert(UTC_OFFSET_EXTENSION.to_owned(), json!(offset));
    extensions.insert(
        WANTS_TO_TALK_EXTENSION.to_owned(),
        json!(input.wants_to_talk),
    );
    if let Some(class_id) = input.shared_with_class {
        extensions.insert(
            SHARED_WITH_CLASS_EXTENSION.to_owned(),
            json!(class_id.to_string()),
        );
    }
    let statement = json!({
        "id": input.statement_id.to_string(),
        "actor": input.actor,
        "verb": verb(VERB_CHECKED_IN, "checked in"),
        "object": {
            "objectType": "Activity",
            "id": CHECK_IN_ACTIVITY_ID,
            "definition": {
                "type": ACTIVITY_TYPE_CHECK_IN,
                "name": { "en": "How are you today?" },
            },
        },
        "result": result,
        "context": { "extensions": Value::Object(extensions) },
        "timestamp": input.timestamp,
    });
    Ok(checked(statement)?)
}

/// A check-in read back from its statement.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckIn {
    pub statement_id: Uuid,
    pub mood: Mood,
    pub words: Option<String>,
    pub wants_to_talk: bool,
    pub shared_with_class: Option<Uuid>,
    /// The statement's timestamp as written.
    pub timestamp: String,
    /// The learner's own calendar date when they checked in.
    pub local_date: NaiveDate,
}

/// Reads a check-in's statement; `None` for any other statement, or one that is not shaped as
/// [`check_in_statement`] writes (never panics on any JSON).
pub fn read_check_in(statement: &Value) -> Option<CheckIn> {
    if !is_private_statement(statement) {
        return None;
    }
    let statement_id = Uuid::parse_str(statement.get("id")?.as_str()?).ok()?;
    let result = statement.get("result")?;
    let raw = result.get("score")?.get("raw")?.as_u64()?;
    let mood = Mood::new(u8::try_from(raw).ok()?)?;
    let words = result
        .get("response")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|words| !words.is_empty())
        .map(str::to_owned);
    let extensions = statement.get("context").and_then(|c| c.get("extensions"));
    let wants_to_talk = extensions
        .and_then(|extensions| extensions.get(WANTS_TO_TALK_EXTENSION))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let shared_with_class = extensions
        .and_then(|extensions| extensions.get(SHARED_WITH_CLASS_EXTENSION))
        .and_then(Value::as_str)
        .and_then(|id| Uuid::parse_str(id).ok());
    let timestamp = statement.get("timestamp")?.as_str()?.to_owned();
    // The learner's day is the day on their own clock, as the timestamp they wrote says.
    let local_date = parse_calendar_date(timestamp.get(..10)?)?;
    parse_timestamp(&timestamp).ok()?;
    Some(CheckIn {
        statement_id,
        mood,
        words,
        wants_to_talk,
        shared_with_class,
        timestamp,
        local_date,
    })
}

/// The check-ins a learner shares with one class's teacher and has not withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassShare {
    pub class_id: Uuid,
    /// The shared check-ins' statement ids, in log order.
    pub check_ins: Vec<Uuid>,
}

/// What `actor` shares, by class in the order the classes were first shared with: their
/// check-ins in `statements` that name a class, less those withdrawn (voided by a statement of
/// the same actor in `statements`). Other learners' statements, on a shared device, are never
/// counted.
pub fn shares_of(actor: &Actor, statements: &[Value]) -> Vec<ClassShare> {
    let Ok(account) = serde_json::to_value(&actor.account) else {
        return Vec::new();
    };
    let own: Vec<&Value> = statements
        .iter()
        .filter(|statement| statement.pointer("/actor/account") == Some(&account))
        .collect();
    let withdrawn: std::collections::HashSet<Uuid> = own
        .iter()
        .filter(|statement| {
            statement.pointer("/verb/id").and_then(Value::as_str) == Some(VOIDED_VERB_ID)
        })
        .filter_map(|statement| statement.pointer("/object/id")?.as_str())
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect();
    let mut shares: Vec<ClassShare> = Vec::new();
    for check_in in own.into_iter().filter_map(read_check_in) {
        let Some(class_id) = check_in.shared_with_class else {
            continue;
        };
        if withdrawn.contains(&check_in.statement_id) {
            continue;
        }
        match shares.iter_mut().find(|share| share.class_id == class_id) {
            Some(share) => share.check_ins.push(check_in.statement_id),
            None => shares.push(ClassShare {
                class_id,
                check_ins: vec![check_in.statement_id],
            }),
        }
    }
    shares
}

/// The statements that take shared check-ins back ("Stop sharing"): one voiding statement
/// each, xAPI's own way to withdraw a statement. The server then shows them to no teacher and
/// lets no one but their learner void them; they go through the log and outbox like any
/// answer, so stopping works offline. `new_id` gives each statement its id.
pub fn withdrawal_statements(
    actor: &Actor,
    timestamp: &str,
    check_ins: &[Uuid],
    mut new_id: impl FnMut() -> Uuid,
) -> Result<Vec<Value>, RecordError> {
    offset_of(timestamp)?;
    check_ins
        .iter()
        .map(|check_in| {
            checked(json!({
                "id": new_id().to_string(),
                "actor": actor,
                "verb": verb(VOIDED_VERB_ID, "voided"),
                "object": { "objectType": "StatementRef", "id": check_in.to_string() },
                "timestamp": timestamp,
            }))
        })
        .collect()
}

/// Whether home offers the check-in today: it is on, and the learner has neither answered nor
/// skipped it today (`last_day` is the day of the last answer or skip, as
/// [`format_day`] wrote it; a day that does not read counts as never).
pub fn is_due(enabled: bool, last_day: Option<&str>, today: NaiveDate) -> bool {
    enabled && last_day.and_then(parse_calendar_date) != Some(today)
}

/// A day as [`is_due`] reads it back (`None` for a year past 9999).
pub fn format_day(day: NaiveDate) -> Option<String> {
    format_calendar_date(day)
}

/// Which way a learner's recent moods go, oldest first: the mean of the later half against the
/// earlier half, by at least half a face. Fewer than two check-ins have no trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    Better,
    Steady,
    Lower,
}

/// The trend of moods given oldest first.
pub fn trend(moods: &[Mood]) -> Option<Trend> {
    if moods.len() < 2 {
        return None;
    }
    let (earlier, later) = moods.split_at(moods.len() / 2);
    let mean = |part: &[Mood]| {
        part.iter().map(|mood| f64::from(mood.value())).sum::<f64>() / part.len() as f64
    };
    let change = mean(later) - mean(earlier);
    Some(if change >= 0.5 {
        Trend::Better
    } else if change <= -0.5 {
        Trend::Lower
    } else {
        Trend::Steady
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::account_actor;
    use crate::record::learning_event;

    fn input<'a>(actor: &'a Actor, words: &'a str, class: Option<Uuid>) -> CheckInInput<'a> {
        CheckInInput {
            statement_id: Uuid::from_u128(7),
            timestamp: "2026-12-06T08:30:00.000+09:00",
            actor,
            mood: Mood::new(2).expect("a face"),
            words,
            wants_to_talk: true,
            shared_with_class: class,
        }
    }

    #[test]
    fn a_check_in_reads_back_as_written_and_is_private() {
        let actor = account_actor(Uuid::from_u128(1));
        let class = Uuid::from_u128(9);
        let statement =
            check_in_statement(&input(&actor, "  tired  ", Some(class))).expect("builds");
        assert!(is_private_statement(&statement));
        let read = read_check_in(&statement).expect("reads");
        assert_eq!(read.mood.value(), 2);
        assert_eq!(read.words.as_deref(), Some("tired"));
        assert!(read.wants_to_talk);
        assert_eq!(read.shared_with_class, Some(class));
        assert_eq!(
            read.local_date,
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
        );
        // The progress fold never counts it.
        assert!(learning_event(&statement).is_none());
    }

    #[test]
    fn shares_are_counted_by_class_and_withdrawn_by_voiding() {
        let learner = account_actor(Uuid::from_u128(1));
        let other = account_actor(Uuid::from_u128(2));
        let (class_a, class_b) = (Uuid::from_u128(10), Uuid::from_u128(11));
        let check_in = |actor: &Actor, id: u128, class: Option<Uuid>| {
            let mut input = input(actor, "", class);
            input.statement_id = Uuid::from_u128(id);
            check_in_statement(&input).expect("builds")
        };
        let mut log = vec![
            check_in(&learner, 100, Some(class_a)),
            check_in(&learner, 101, None),
            check_in(&learner, 102, Some(class_b)),
            check_in(&learner, 103, Some(class_a)),
            // Another child on the same device shares with the same class: not this learner's.
            check_in(&other, 104, Some(class_a)),
        ];
        assert_eq!(
            shares_of(&learner, &log),
            vec![
                ClassShare {
                    class_id: class_a,
                    check_ins: vec![Uuid::from_u128(100), Uuid::from_u128(103)],
                },
                ClassShare {
                    class_id: class_b,
                    check_ins: vec![Uuid::from_u128(102)],
                },
            ]
        );
        let mut next = 200;
        let withdrawals = withdrawal_statements(
            &learner,
            "2026-12-07T09:00:00.000+09:00",
            &shares_of(&learner, &log)[0].check_ins,
            || {
                next += 1;
                Uuid::from_u128(next)
            },
        )
        .expect("builds");
        assert_eq!(withdrawals.len(), 2);
        assert_eq!(withdrawals[0]["verb"]["id"], VOIDED_VERB_ID);
        assert_eq!(withdrawals[0]["object"]["objectType"], "StatementRef");
        assert_eq!(
            withdrawals[1]["object"]["id"],
            Uuid::from_u128(103).to_string()
        );
        assert_ne!(withdrawals[0]["id"], withdrawals[1]["id"]);
        // Another learner's voiding statement withdraws nothing of this learner's.
        let foreign = withdrawal_statements(
            &other,
            "2026-12-07T09:00:00.000+09:00",
            &[Uuid::from_u128(102)],
            || Uuid::from_u128(300),
        )
        .expect("builds");
        log.extend(withdrawals);
        log.extend(foreign);
        assert_eq!(
            shares_of(&learner, &log),
            vec![ClassShare {
                class_id: class_b,
                check_ins: vec![Uuid::from_u128(102)],
            }]
        );
        assert!(withdrawal_statements(&learner, "not a time", &[], Uuid::nil).is_err());
    }

    #[test]
    fn no_words_and_no_class_are_left_out() {
        let actor = account_actor(Uuid::from_u128(1));
        let statement = check_in_statement(&input(&actor, " ", None)).expect("builds");
        assert!(statement["result"].get("response").is_none());
        let read = read_check_in(&statement).expect("reads");
        assert_eq!(read.words, None);
        assert_eq!(read.shared_with_class, None);
    }

    #[test]
    fn bad_input_is_refused() {
        let actor = account_actor(Uuid::from_u128(1));
        let long = "가".repeat(MAXIMUM_WORDS_CHARACTERS + 1);
        assert_eq!(
            check_in_statement(&input(&actor, &long, None)),
            Err(CheckInError::TooManyWords)
        );
        let mut no_zone = input(&actor, "", None);
        no_zone.timestamp = "2026-12-06T08:30:00";
        assert!(check_in_statement(&no_zone).is_err());
        assert_eq!(Mood::new(0), None);
        assert_eq!(Mood::new(6), None);
        assert!(serde_json::from_str::<Mood>("9").is_err());
        assert_eq!(serde_json::from_str::<Mood>("5").ok(), Mood::new(5));
    }

    #[test]
    fn other_statements_are_not_check_ins() {
        assert!(
            read_check_in(&json!({"verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}}))
                .is_none()
        );
        assert!(read_check_in(&json!({"verb": {"id": VERB_CHECKED_IN}})).is_none());
        assert!(!is_private_statement(&json!([])));
    }

    #[test]
    fn due_once_a_day_unless_turned_off() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let yesterday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert!(is_due(true, None, today));
        assert!(is_due(true, format_day(yesterday).as_deref(), today));
        assert!(!is_due(true, format_day(today).as_deref(), today));
        assert!(!is_due(false, None, today));
        assert!(is_due(true, Some("garbage"), today));
    }

    #[test]
    fn trends() {
        let moods = |values: &[u8]| {
            values
                .iter()
                .filter_map(|v| Mood::new(*v))
                .collect::<Vec<_>>()
        };
        assert_eq!(trend(&moods(&[3])), None);
        assert_eq!(trend(&moods(&[4, 4, 2, 1])), Some(Trend::Lower));
        assert_eq!(trend(&moods(&[1, 2, 4, 5])), Some(Trend::Better));
        assert_eq!(trend(&moods(&[3, 3, 3])), Some(Trend::Steady));
    }
}
