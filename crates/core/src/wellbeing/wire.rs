//! The school API's check-in answers, as the server writes them and the teachers' app reads
//! them (written once here, so the two cannot drift apart):
//!
//! - `GET /api/classes/{class_id}/wellbeing` → [`ClassWellbeing`]: the learners of the class
//!   who shared check-ins with its teacher, nothing about the others.
//! - `POST /api/classes/{class_id}/wellbeing/{statement_id}/seen` → [`SharedCheckIn`], with
//!   `seen_at` set (the first time a request was marked seen stays).
//! - `GET /api/wellbeing/open-requests` → [`OpenRequests`]: how many "I would like to talk"
//!   requests shared with this teacher are not marked seen yet, over all their classes.
//!
//! Times are RFC 3339 text, as the statements carry them, so the client needs no date parser.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Mood, Trend};

/// How many of a learner's latest check-ins the teacher's trend shows.
pub const RECENT_CHECK_INS: usize = 14;

/// One check-in a learner shared with this class's teacher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedCheckIn {
    pub statement_id: Uuid,
    pub mood: Mood,
    pub words: Option<String>,
    pub wants_to_talk: bool,
    /// When the learner checked in, on their own clock (RFC 3339 with their offset).
    pub timestamp: String,
    /// When a teacher marked the request seen (RFC 3339, UTC); `None` while open.
    pub seen_at: Option<String>,
}

impl SharedCheckIn {
    /// A request to talk that no teacher has marked seen yet.
    pub fn is_open_request(&self) -> bool {
        self.wants_to_talk && self.seen_at.is_none()
    }
}

/// A learner who shared with this class's teacher: their recent check-ins, newest first, the
/// trend of those, and every open request to talk (also older ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerWellbeing {
    pub learner_id: Uuid,
    pub username: String,
    pub recent: Vec<SharedCheckIn>,
    pub trend: Option<Trend>,
    pub open_requests: Vec<SharedCheckIn>,
}

/// A class's shared check-ins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassWellbeing {
    pub class_id: Uuid,
    pub learners: Vec<LearnerWellbeing>,
}

/// The count on the teachers' app's home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenRequests {
    pub open: usize,
}
