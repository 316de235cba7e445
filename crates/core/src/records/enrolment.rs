//! Enrolment (issue 21): how a learner enters a course at a site, and an application's life.
//!
//! Each site chooses, course by course ([`Enrolment`]): open (start at once, as always; nothing
//! is kept), by application (the learner applies; the site's admins approve, or decline with a
//! reason; at most `capacity` approved, the others wait in the order they applied), or by
//! assignment (a teacher's class at the site assigns it).
//!
//! Enrolment decides whom the site counts as its learner of a course, and so to whom it issues
//! the course's certificate ([`enrolled`]). It does not lock the lessons: course files are
//! public, kept offline and shared by file, and a learner may practise before being approved.
//!
//! The waiting list is not stored: it is the pending applications in the order they came,
//! past the places left ([`waiting_positions`]), so approving, declining or a withdrawal moves
//! it with no bookkeeping that could drift.

use serde::{Deserialize, Serialize};

/// The largest capacity a course may have at a site.
pub const MAX_CAPACITY: u32 = 100_000;
/// The longest reason a decline may give, in characters.
pub const MAX_REASON_CHARS: usize = 300;

/// How a course at a site is entered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentMode {
    /// Anyone starts at once.
    #[default]
    Open,
    /// A learner applies and the site's admins decide.
    Application,
    /// Through a teacher's class at the site that assigns the course.
    Assignment,
}

impl EnrolmentMode {
    /// The stored and sent name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Application => "application",
            Self::Assignment => "assignment",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Open, Self::Application, Self::Assignment]
            .into_iter()
            .find(|mode| mode.as_str() == name)
    }
}

/// A course's enrolment at a site. An open course needs no row anywhere: it is the default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    pub mode: EnrolmentMode,
    /// How many may be approved (by application only); none: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
}

impl Enrolment {
    pub fn check(&self) -> Result<(), EnrolmentError> {
        match (self.mode, self.capacity) {
            (EnrolmentMode::Application, Some(capacity))
                if capacity == 0 || capacity > MAX_CAPACITY =>
            {
                Err(EnrolmentError::Capacity)
            }
            (EnrolmentMode::Open | EnrolmentMode::Assignment, Some(_)) => {
                Err(EnrolmentError::CapacityWithoutApplication)
            }
            _ => Ok(()),
        }
    }

    /// How many may still be approved; `None` when there is no limit.
    pub fn places_left(&self, approved: u32) -> Option<u32> {
        self.capacity
            .map(|capacity| capacity.saturating_sub(approved))
    }
}

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationState {
    /// Waiting for the site's decision (on the waiting list when no place is left).
    Pending,
    Approved,
    /// Declined, with a reason.
    Declined,
    /// Withdrawn by the learner.
    Withdrawn,
}

impl ApplicationState {
    /// A live application stands in the way of another one for the same course at the site.
    pub fn is_live(self) -> bool {
        matches!(self, Self::Pending | Self::Approved)
    }

    /// The stored and sent name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::Approved,
            Self::Declined,
            Self::Withdrawn,
        ]
        .into_iter()
        .find(|state| state.as_str() == name)
    }
}

/// What may happen to an application: the site's admins decide, its learner withdraws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplicationChange {
    Approve,
    /// Declines a pending application or takes back an approved one (its place is freed).
    Decline {
        reason: String,
    },
    Withdraw,
}

/// Why a change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolmentError {
    #[error("the course is full: all {capacity} places are taken")]
    Full { capacity: u32 },
    #[error("this application is {} already", .0.as_str())]
    AlreadyDecided(ApplicationState),
    #[error("a capacity is 1 to {MAX_CAPACITY}")]
    Capacity,
    #[error("only a course taken by application has a capacity")]
    CapacityWithoutApplication,
    #[error("a reason is 1 to {MAX_REASON_CHARS} characters, with no control characters")]
    Reason,
}

/// The state `change` leads to from `current`, given the course's enrolment and how many
/// applications it has approved already. The store applies it inside the transaction that
/// counts those, so two admins cannot both give the last place.
pub fn apply_change(
    current: ApplicationState,
    change: &ApplicationChange,
    enrolment: &Enrolment,
    approved: u32,
) -> Result<ApplicationState, EnrolmentError> {
    use ApplicationState::*;
    match (change, current) {
        (ApplicationChange::Approve, Pending) => match enrolment.places_left(approved) {
            Some(0) => Err(EnrolmentError::Full {
                capacity: enrolment.capacity.unwrap_or_default(),
            }),
            _ => Ok(Approved),
        },
        (ApplicationChange::Decline { .. }, Pending | Approved) => Ok(Declined),
        (ApplicationChange::Withdraw, Pending | Approved) => Ok(Withdrawn),
        (_, state) => Err(EnrolmentError::AlreadyDecided(state)),
    }
}

/// A decline's reason, trimmed; refused when empty, too long, or with control characters.
pub fn check_reason(reason: &str) -> Result<String, EnrolmentError> {
    let reason = reason.trim();
    let length = reason.chars().count();
    if length == 0
        || length > MAX_REASON_CHARS
        || reason.chars().any(crate::records::certificate::misleads)
    {
        return Err(EnrolmentError::Reason);
    }
    Ok(reason.to_owned())
}

/// The waiting-list place of each of `pending` applications, given in the order they came:
/// `None` for those within the places left, 1, 2, … for the rest.
pub fn waiting_positions(enrolment: &Enrolment, approved: u32, pending: usize) -> Vec<Option<u32>> {
    let places = enrolment
        .places_left(approved)
        .map_or(usize::MAX, |places| places as usize);
    (0..pending)
        .map(|index| index.checked_sub(places).map(|past| past as u32 + 1))
        .collect()
}

/// Whether the site counts a learner as enrolled in the course: always when open; by
/// application once approved; by assignment once a class of theirs at the site assigns it.
pub fn enrolled(enrolment: &Enrolment, approved: bool, assigned: bool) -> bool {
    match enrolment.mode {
        EnrolmentMode::Open => true,
        EnrolmentMode::Application => approved,
        EnrolmentMode::Assignment => assigned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_application(capacity: Option<u32>) -> Enrolment {
        Enrolment {
            mode: EnrolmentMode::Application,
            capacity,
        }
    }

    #[test]
    fn approving_takes_a_place_until_none_is_left() {
        let two = by_application(Some(2));
        let approve = ApplicationChange::Approve;
        use ApplicationState::*;
        assert_eq!(apply_change(Pending, &approve, &two, 1), Ok(Approved));
        assert_eq!(
            apply_change(Pending, &approve, &two, 2),
            Err(EnrolmentError::Full { capacity: 2 })
        );
        assert_eq!(
            apply_change(Pending, &approve, &by_application(None), 5_000),
            Ok(Approved)
        );
        // A course changed to open later: what was pending may still be approved.
        assert_eq!(
            apply_change(Pending, &approve, &Enrolment::default(), 9),
            Ok(Approved)
        );
    }

    #[test]
    fn decided_applications_stay_decided_and_live_ones_may_be_withdrawn_or_declined() {
        use ApplicationState::*;
        let any = by_application(Some(1));
        let decline = ApplicationChange::Decline {
            reason: "full this term".into(),
        };
        for state in [Declined, Withdrawn] {
            for change in [
                ApplicationChange::Approve,
                decline.clone(),
                ApplicationChange::Withdraw,
            ] {
                assert_eq!(
                    apply_change(state, &change, &any, 0),
                    Err(EnrolmentError::AlreadyDecided(state))
                );
            }
        }
        assert_eq!(
            apply_change(Approved, &ApplicationChange::Approve, &any, 1),
            Err(EnrolmentError::AlreadyDecided(Approved))
        );
        assert_eq!(apply_change(Approved, &decline, &any, 1), Ok(Declined));
        assert_eq!(
            apply_change(Pending, &ApplicationChange::Withdraw, &any, 1),
            Ok(Withdrawn)
        );
        assert!(Pending.is_live() && Approved.is_live());
        assert!(!Declined.is_live() && !Withdrawn.is_live());
    }

    #[test]
    fn the_waiting_list_is_the_pending_past_the_places_left() {
        assert_eq!(
            waiting_positions(&by_application(Some(3)), 1, 4),
            [None, None, Some(1), Some(2)]
        );
        assert_eq!(
            waiting_positions(&by_application(Some(3)), 5, 2),
            [Some(1), Some(2)]
        );
        assert_eq!(
            waiting_positions(&by_application(None), 100, 2),
            [None, None]
        );
    }

    #[test]
    fn capacities_and_reasons_are_checked() {
        assert!(by_application(Some(30)).check().is_ok());
        assert_eq!(
            by_application(Some(0)).check(),
            Err(EnrolmentError::Capacity)
        );
        assert_eq!(
            by_application(Some(MAX_CAPACITY + 1)).check(),
            Err(EnrolmentError::Capacity)
        );
        let open_with_places = Enrolment {
            mode: EnrolmentMode::Open,
            capacity: Some(3),
        };
        assert_eq!(
            open_with_places.check(),
            Err(EnrolmentError::CapacityWithoutApplication)
        );
        assert_eq!(check_reason("  정원 초과  ").as_deref(), Ok("정원 초과"));
        assert_eq!(check_reason("   "), Err(EnrolmentError::Reason));
        assert_eq!(check_reason("a\u{202e}b"), Err(EnrolmentError::Reason));
        assert_eq!(check_reason("a\nb"), Err(EnrolmentError::Reason));
        assert_eq!(
            check_reason(&"가".repeat(MAX_REASON_CHARS + 1)),
            Err(EnrolmentError::Reason)
        );
    }

    #[test]
    fn who_is_enrolled_follows_the_mode() {
        let assignment = Enrolment {
            mode: EnrolmentMode::Assignment,
            capacity: None,
        };
        assert!(enrolled(&Enrolment::default(), false, false));
        assert!(!enrolled(&by_application(None), false, true));
        assert!(enrolled(&by_application(None), true, false));
        assert!(!enrolled(&assignment, true, false));
        assert!(enrolled(&assignment, false, true));
    }

    #[test]
    fn names_read_back() {
        for mode in [
            EnrolmentMode::Open,
            EnrolmentMode::Application,
            EnrolmentMode::Assignment,
        ] {
            assert_eq!(EnrolmentMode::from_name(mode.as_str()), Some(mode));
        }
        for state in [
            ApplicationState::Pending,
            ApplicationState::Approved,
            ApplicationState::Declined,
            ApplicationState::Withdrawn,
        ] {
            assert_eq!(ApplicationState::from_name(state.as_str()), Some(state));
        }
        assert_eq!(ApplicationState::from_name("Pending"), None);
    }
}
