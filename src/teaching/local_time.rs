//! Times between the server's UTC and the person's own clock: due dates typed in the teacher's
//! local time become RFC 3339 with the local offset, and every UTC time the server sends is
//! shown in the reader's local time zone. A learner in another time zone therefore sees the
//! same instant at their own local hour.

use baeum_core::sync::parse_timestamp_ms;
use wasm_bindgen::JsValue;

/// Why a typed due date cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DueDateError {
    #[error("choose a due date and time")]
    Missing,
    #[error("{0:?} is not a date and time like 2026-12-01T17:00")]
    Unreadable(String),
}

impl DueDateError {
    /// The problem in words for the user, in the interface language; in lower case, like the
    /// `Display` text, because the page puts it into a sentence.
    pub fn message(&self) -> String {
        match self {
            DueDateError::Missing => crate::t!("teach-due-missing"),
            DueDateError::Unreadable(text) => {
                crate::t!("teach-due-unreadable", input = format!("{text:?}"))
            }
        }
    }
}

/// A wall-clock date and time as a `datetime-local` input gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalDateTime {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl LocalDateTime {
    /// Reads `YYYY-MM-DDTHH:MM`, optionally with `:SS` (seconds are dropped: due dates are
    /// given to the minute).
    pub fn parse(text: &str) -> Result<Self, DueDateError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DueDateError::Missing);
        }
        let unreadable = || DueDateError::Unreadable(text.to_owned());
        let (date, time) = text
            .split_once('T')
            .or_else(|| text.split_once(' '))
            .ok_or_else(unreadable)?;
        let mut date_parts = date.split('-');
        let mut time_parts = time.split(':');
        let number = |part: Option<&str>, digits: usize| -> Result<u32, DueDateError> {
            let part = part.ok_or_else(unreadable)?;
            if part.len() != digits || !part.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(unreadable());
            }
            part.parse::<u32>().map_err(|_| unreadable())
        };
        let parsed = Self {
            year: number(date_parts.next(), 4)?,
            month: number(date_parts.next(), 2)?,
            day: number(date_parts.next(), 2)?,
            hour: number(time_parts.next(), 2)?,
            minute: number(time_parts.next(), 2)?,
        };
        let in_range = (1..=12).contains(&parsed.month)
            && (1..=31).contains(&parsed.day)
            && parsed.hour < 24
            && parsed.minute < 60
            && date_parts.next().is_none();
        if in_range {
            Ok(parsed)
        } else {
            Err(unreadable())
        }
    }

    /// The value a `datetime-local` input shows for this time.
    pub fn input_value(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

/// Writes a wall-clock time with its offset east of UTC in minutes, as RFC 3339:
/// `2026-12-01T17:00:00+09:00`.
pub fn rfc3339_with_offset(time: LocalDateTime, offset_minutes_east: i32) -> String {
    let sign = if offset_minutes_east < 0 { '-' } else { '+' };
    let offset = offset_minutes_east.unsigned_abs();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00{sign}{:02}:{:02}",
        time.year,
        time.month,
        time.day,
        time.hour,
        time.minute,
        offset / 60,
        offset % 60
    )
}

/// Turns what the teacher typed into a `datetime-local` input, in this device's time zone, into
/// RFC 3339 with the offset that zone has on that date (so a due date across a daylight-saving
/// change keeps its local hour). A local time that does not exist (inside a spring-forward gap)
/// becomes the time the browser moves it to.
pub fn local_input_to_rfc3339(text: &str) -> Result<String, DueDateError> {
    let typed = LocalDateTime::parse(text)?;
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        typed.year,
        typed.month as i32 - 1,
        typed.day as i32,
        typed.hour as i32,
        typed.minute as i32,
    );
    if date.get_time().is_nan() || date.get_date() != typed.day {
        // 31 February and friends: the browser rolls them into the next month.
        return Err(DueDateError::Unreadable(text.trim().to_owned()));
    }
    let actual = LocalDateTime {
        year: date.get_full_year(),
        month: date.get_month() + 1,
        day: date.get_date(),
        hour: date.get_hours(),
        minute: date.get_minutes(),
    };
    // `getTimezoneOffset` is minutes WEST of UTC.
    let offset_minutes_east = -(date.get_timezone_offset() as i32);
    Ok(rfc3339_with_offset(actual, offset_minutes_east))
}

/// A sensible default due date: a week from now at 17:00 local time.
pub fn default_due_input() -> String {
    let in_a_week = js_sys::Date::new(&JsValue::from_f64(
        js_sys::Date::now() + 7.0 * 24.0 * 3600.0 * 1000.0,
    ));
    LocalDateTime {
        year: in_a_week.get_full_year(),
        month: in_a_week.get_month() + 1,
        day: in_a_week.get_date(),
        hour: 17,
        minute: 0,
    }
    .input_value()
}

/// A UTC time from the server in the reader's local date and time, for example
/// "1 Dec 2026, 17:00". A text that is not a timestamp is shown as it is.
pub fn local_time_text(rfc3339: &str) -> String {
    match parse_timestamp_ms(rfc3339) {
        Ok(ms) => local_time_text_from_ms(ms as f64),
        Err(_) => rfc3339.to_owned(),
    }
}

/// Milliseconds since the epoch in the reader's local date and time, in the interface language.
pub fn local_time_text_from_ms(ms: f64) -> String {
    crate::i18n::format_date_time(ms)
}

/// An optional server time in local time, or "never".
pub fn optional_local_time_text(rfc3339: Option<&str>) -> String {
    rfc3339.map_or_else(|| crate::t!("teach-time-never"), local_time_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn typed_times_are_read_to_the_minute() {
        let parsed = LocalDateTime::parse("2026-12-01T17:05").expect("a valid input");
        assert_eq!(
            parsed,
            LocalDateTime {
                year: 2026,
                month: 12,
                day: 1,
                hour: 17,
                minute: 5
            }
        );
        assert_eq!(
            LocalDateTime::parse("2026-12-01T17:05:30").map(|time| time.input_value()),
            Ok("2026-12-01T17:05".to_owned())
        );
        assert_eq!(LocalDateTime::parse("  "), Err(DueDateError::Missing));
        assert!(LocalDateTime::parse("2026-13-01T17:05").is_err());
        assert!(LocalDateTime::parse("2026-12-01").is_err());
        assert!(LocalDateTime::parse("26-12-01T17:05").is_err());
    }

    #[wasm_bindgen_test]
    fn offsets_east_and_west_of_utc_are_written_with_their_sign() {
        let time = LocalDateTime {
            year: 2026,
            month: 12,
            day: 1,
            hour: 17,
            minute: 0,
        };
        assert_eq!(
            rfc3339_with_offset(time, 9 * 60),
            "2026-12-01T17:00:00+09:00"
        );
        assert_eq!(
            rfc3339_with_offset(time, -(5 * 60 + 30)),
            "2026-12-01T17:00:00-05:30"
        );
        assert_eq!(rfc3339_with_offset(time, 0), "2026-12-01T17:00:00+00:00");
    }

    #[wasm_bindgen_test]
    fn a_local_input_names_the_same_instant_as_the_browser_reads_it() {
        let written = local_input_to_rfc3339("2026-12-01T17:00").expect("a valid input");
        let written_ms = parse_timestamp_ms(&written).expect("rfc 3339");
        let browser_ms =
            js_sys::Date::new_with_year_month_day_hr_min(2026, 11, 1, 17, 0).get_time();
        assert_eq!(written_ms as f64, browser_ms);
        assert!(local_input_to_rfc3339("2026-02-31T17:00").is_err());
    }
}
