//! Streaks: runs of consecutive days on which the learner studied, in the learner's own dates.
//!
//! A day is a local calendar date taken from each statement's own UTC offset (see
//! `record::UTC_OFFSET_EXTENSION`), not from the device that folds the log: a learner who studies
//! at 23:30 in Seoul and then at 08:00 the next morning in Almaty has studied on two days, and a
//! daylight-saving change moves no statement to another day. A day counts when any live
//! statement's local date is that day.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Progress;

/// The learner's streaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    /// Consecutive active days ending today or yesterday (see [`streak`]); 0 when broken.
    pub current_days: u32,
    /// The longest run of consecutive active days ever.
    pub longest_days: u32,
    /// How many distinct days the learner was active.
    pub active_days: u32,
    /// The latest active day, if any.
    pub last_active_day: Option<NaiveDate>,
}

/// The streaks relative to `today`, the learner's current local date.
///
/// The current streak is the run of consecutive active days that ends on the latest active day
/// no later than tomorrow, if that day is yesterday, today or tomorrow. Yesterday keeps the
/// streak alive because today is not over yet; tomorrow is allowed because a learner who has
/// just flown west can hold statements dated a day ahead of their new local date.
pub fn streak(progress: &Progress, today: NaiveDate) -> Streak {
    streak_of_days(progress.active_days(), today)
}

/// The streaks of these active days (local date → statements that day) relative to `today`.
pub(crate) fn streak_of_days(days: &BTreeMap<NaiveDate, u32>, today: NaiveDate) -> Streak {
    let mut longest_days = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for day in days.keys() {
        run = match previous {
            Some(previous) if previous.succ_opt() == Some(*day) => run + 1,
            _ => 1,
        };
        longest_days = longest_days.max(run);
        previous = Some(*day);
    }
    let latest_allowed = today.succ_opt().unwrap_or(today);
    let earliest_alive = today.pred_opt().unwrap_or(today);
    let current_days = match days.range(..=latest_allowed).next_back() {
        Some((anchor, _)) if *anchor >= earliest_alive => {
            let mut count = 0;
            let mut expected = Some(*anchor);
            for day in days.range(..=*anchor).rev().map(|(day, _)| *day) {
                if Some(day) != expected {
                    break;
                }
                count += 1;
                expected = day.pred_opt();
            }
            count
        }
        _ => 0,
    };
    Streak {
        current_days,
        longest_days,
        active_days: u32::try_from(days.len()).unwrap_or(u32::MAX),
        last_active_day: days.keys().next_back().copied(),
    }
}
