//! Streaks: runs of consecutive days on which the learner studied, in the learner's own dates.
//!
//! A day is a local calendar date taken from each statement's own UTC offset (see
//! `record::UTC_OFFSET_EXTENSION`), not from the device that folds the log: a learner who studies
//! at 23:30 in Seoul and then at 08:00 the next morning in Almaty has studied on two days, and a
//! daylight-saving change moves no statement to another day. A day counts when any live
//! statement's local date is that day.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate};

use super::Progress;
use crate::record::local_date_of;

/// A learner's calendar date (chrono's `NaiveDate`), named here so a client reaches it through
/// core's functions below and needs no date library of its own.
pub type CalendarDate = NaiveDate;

/// The local calendar date at `ms` since the epoch for someone `utc_offset_minutes` east of
/// UTC: the "today" a streak is counted against, from the browser's clock and `Date`'s offset,
/// by the same rule that dates each statement (`record`). `None` out of range.
pub fn local_date_at(ms: i64, utc_offset_minutes: i32) -> Option<CalendarDate> {
    let instant = DateTime::from_timestamp_millis(ms)?;
    local_date_of(instant, utc_offset_minutes.checked_mul(60)?)
}

/// The year, month (1–12) and day (1–31) of a date.
pub fn date_parts(date: CalendarDate) -> (i32, u32, u32) {
    (date.year(), date.month(), date.day())
}

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

#[cfg(test)]
mod local_date_tests {
    use super::*;

    #[test]
    fn the_local_date_follows_the_offset_across_midnight() {
        // 2026-11-23T17:30:00Z: already the 24th in Seoul, still the 23rd in Almaty and in
        // New York.
        let ms = 1_795_455_000_000;
        assert_eq!(
            local_date_at(ms, 9 * 60).map(date_parts),
            Some((2026, 11, 24))
        );
        assert_eq!(
            local_date_at(ms, 5 * 60).map(date_parts),
            Some((2026, 11, 23))
        );
        assert_eq!(
            local_date_at(ms, -5 * 60).map(date_parts),
            Some((2026, 11, 23))
        );
        assert_eq!(local_date_at(ms, 24 * 60), None);
        assert_eq!(local_date_at(i64::MAX, 0), None);
    }
}
