//! Time as the sync engine sees it: milliseconds since the Unix epoch, passed in as arguments,
//! and the device-to-server clock offset learned from the HTTP `Date` header.
//!
//! Learners' devices often have wrong clocks (a tablet whose battery ran flat resets to 2000).
//! A statement's `timestamp` should say when the learner did something, so the client corrects
//! the device time by the offset the server's `Date` header reveals before writing it.

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

use crate::xapi::formats::{format_timestamp, parse_timestamp, FractionDigits};

/// Why a timestamp or a `Date` header could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("not an http date (rfc 7231 imf-fixdate): {0:?}")]
    NotAnHttpDate(String),
    #[error("not an iso 8601 timestamp with a time zone: {0:?}")]
    NotATimestamp(String),
    #[error("timestamp out of range: {0} ms")]
    OutOfRange(i64),
}

/// Reads an HTTP date. RFC 7231 makes IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) the form
/// servers send and asks recipients to accept the two obsolete forms too (RFC 850 and C's
/// `asctime`), so all three are read. Returns milliseconds since the epoch.
///
/// Each form is read by position rather than through a format string: the three are fixed
/// in shape, and chrono's format-string parser would be the only reason the learners' first
/// load carried that parser.
pub fn parse_http_date(header: &str) -> Result<i64, ClockError> {
    let text = header.trim();
    parse_imf_fixdate(text)
        .or_else(|| parse_rfc850_date(text))
        .or_else(|| parse_asctime_date(text))
        .ok_or_else(|| ClockError::NotAnHttpDate(header.to_owned()))
}

const SHORT_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Reads the fixed-width IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`). Every response
/// carries one, so this is the common case.
fn parse_imf_fixdate(text: &str) -> Option<i64> {
    // Checking for ASCII first makes every slice below fall on a character boundary.
    if !text.is_ascii() || text.len() != 29 || &text[3..5] != ", " || &text[25..] != " GMT" {
        return None;
    }
    let weekday = SHORT_WEEKDAYS
        .iter()
        .position(|name| *name == &text[0..3])?;
    read_date_and_time(weekday, &text[5..25])
}

/// Reads the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`). Its two-digit year is
/// read as 1969 to 2068, as C's `strptime` and chrono read `%y`.
fn parse_rfc850_date(text: &str) -> Option<i64> {
    let (weekday_name, rest) = text.split_once(", ")?;
    let weekday = LONG_WEEKDAYS
        .iter()
        .position(|name| *name == weekday_name)?;
    if !rest.is_ascii() || rest.len() != 22 || !rest.ends_with(" GMT") {
        return None;
    }
    if &rest[2..3] != "-" || &rest[6..7] != "-" || &rest[9..10] != " " {
        return None;
    }
    let two_digit_year: u32 = digits(&rest[7..9])?;
    let century = if two_digit_year >= 69 { 1900 } else { 2000 };
    // Rearranged into the IMF-fixdate order, "06 Nov 1994 08:49:37".
    let rearranged = format!(
        "{} {} {}{}",
        &rest[0..2],
        &rest[3..6],
        century + two_digit_year,
        &rest[9..18]
    );
    read_date_and_time(weekday, &rearranged)
}

/// Reads the obsolete `asctime` form (`Sun Nov  6 08:49:37 1994`), whose day is padded with a
/// space.
fn parse_asctime_date(text: &str) -> Option<i64> {
    let spaces_in_place = [3, 7, 10, 19]
        .iter()
        .all(|&index| text.as_bytes().get(index) == Some(&b' '));
    if !text.is_ascii() || text.len() != 24 || !spaces_in_place {
        return None;
    }
    let weekday = SHORT_WEEKDAYS
        .iter()
        .position(|name| *name == &text[0..3])?;
    // Rearranged into the IMF-fixdate order, "06 Nov 1994 08:49:37", with the padding before
    // a one-digit day turned into a zero.
    let day = match text[8..10].strip_prefix(' ') {
        Some(one_digit) => format!("0{one_digit}"),
        None => text[8..10].to_owned(),
    };
    let rearranged = format!("{day} {} {} {}", &text[4..7], &text[20..24], &text[11..19]);
    read_date_and_time(weekday, &rearranged)
}

/// The instant `06 Nov 1994 08:49:37` (UTC) names, if that is its exact shape, every part is
/// in range and the weekday (0 for Monday) agrees with the date, as RFC 7231 requires.
fn read_date_and_time(weekday: usize, text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let shape_in_place = bytes.len() == 20
        && text.is_ascii()
        && [2, 6, 11].iter().all(|&index| bytes[index] == b' ')
        && bytes[14] == b':'
        && bytes[17] == b':';
    if !shape_in_place {
        return None;
    }
    let month = MONTHS.iter().position(|name| *name == &text[3..6])? as u32 + 1;
    let date = chrono::NaiveDate::from_ymd_opt(digits(&text[7..11])?, month, digits(&text[0..2])?)?;
    if date.weekday().num_days_from_monday() as usize != weekday {
        return None;
    }
    let time = chrono::NaiveTime::from_hms_opt(
        digits(&text[12..14])?,
        digits(&text[15..17])?,
        digits(&text[18..20])?,
    )?;
    Some(date.and_time(time).and_utc().timestamp_millis())
}

/// A number written in ASCII digits only (no sign, no space).
fn digits<N: std::str::FromStr>(text: &str) -> Option<N> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads an xAPI timestamp (ISO 8601 / RFC 3339 with a zone), as in `stored` and the
/// `X-Experience-API-Consistent-Through` header. Returns milliseconds since the epoch; finer
/// digits are cut, which the pull overlap window makes harmless.
///
/// Read with core's own ISO 8601 reader (`xapi::formats::parse_timestamp`), the one statements
/// are validated with, so the client carries no parser of chrono's.
pub fn parse_timestamp_ms(text: &str) -> Result<i64, ClockError> {
    parse_timestamp(text.trim())
        .map(|parsed| parsed.timestamp_millis())
        .map_err(|_| ClockError::NotATimestamp(text.to_owned()))
}

/// Writes milliseconds since the epoch as an RFC 3339 UTC timestamp with milliseconds, the
/// form used for `since` and for statement timestamps.
pub fn format_timestamp_ms(ms: i64) -> Result<String, ClockError> {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .and_then(|time| format_timestamp(time, 0, FractionDigits::Millis, true))
        .ok_or(ClockError::OutOfRange(ms))
}

/// How far the server's clock is ahead of this device's (negative when behind).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockOffset {
    pub server_minus_device_ms: i64,
}

impl ClockOffset {
    /// Learns the offset from a response's `Date` header, read at device time `device_now_ms`.
    ///
    /// The header has whole seconds, so the server's clock was somewhere in the following
    /// second when it wrote it; taking the middle of that second halves the worst error.
    pub fn from_server_date(
        device_now_ms: i64,
        server_date_header: &str,
    ) -> Result<Self, ClockError> {
        let server_ms = parse_http_date(server_date_header)?;
        Ok(Self {
            server_minus_device_ms: server_ms + 500 - device_now_ms,
        })
    }

    /// The server's time when this device's clock reads `device_ms`.
    pub fn server_time(&self, device_ms: i64) -> i64 {
        device_ms.saturating_add(self.server_minus_device_ms)
    }

    /// A corrected statement timestamp for an event that happened at device time `device_ms`.
    pub fn corrected_timestamp(&self, device_ms: i64) -> Result<String, ClockError> {
        format_timestamp_ms(self.server_time(device_ms))
    }

    /// A corrected statement timestamp written in the learner's local offset (minutes east of
    /// UTC), e.g. `2026-11-23T09:00:00.123+09:00`. The instant is the same as
    /// [`ClockOffset::corrected_timestamp`]; the offset keeps the learner's local date, which
    /// streaks are counted in.
    pub fn corrected_local_timestamp(
        &self,
        device_ms: i64,
        utc_offset_minutes: i32,
    ) -> Result<String, ClockError> {
        let server_ms = self.server_time(device_ms);
        // Always a numeric offset, "+00:00" rather than "Z": it states the learner's local
        // offset, which happens to be zero.
        DateTime::<Utc>::from_timestamp_millis(server_ms)
            .and_then(|time| {
                format_timestamp(
                    time,
                    utc_offset_minutes.saturating_mul(60),
                    FractionDigits::Millis,
                    false,
                )
            })
            .ok_or(ClockError::OutOfRange(server_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 1994-11-06T08:49:37Z, the example date of RFC 7231.
    const RFC_EXAMPLE_MS: i64 = 784_111_777_000;

    #[test]
    fn local_timestamps_keep_the_instant_and_show_the_offset() {
        let offset = ClockOffset {
            server_minus_device_ms: 1_000,
        };
        assert_eq!(
            offset.corrected_local_timestamp(RFC_EXAMPLE_MS, 9 * 60),
            Ok("1994-11-06T17:49:38.000+09:00".to_owned())
        );
        assert_eq!(
            offset.corrected_local_timestamp(RFC_EXAMPLE_MS, 0),
            Ok("1994-11-06T08:49:38.000+00:00".to_owned())
        );
        assert!(offset.corrected_local_timestamp(0, 30 * 60).is_err());
    }

    #[test]
    fn reads_all_three_http_date_forms() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Ok(RFC_EXAMPLE_MS)
        );
        assert_eq!(
            parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"),
            Ok(RFC_EXAMPLE_MS)
        );
        assert_eq!(
            parse_http_date("Sun Nov  6 08:49:37 1994"),
            Ok(RFC_EXAMPLE_MS)
        );
        // A two-digit year from 69 on is in the 1900s, below it in the 2000s.
        let monday_23_november_2026 = parse_http_date("Mon, 23 Nov 2026 08:00:00 GMT");
        assert!(monday_23_november_2026.is_ok());
        assert_eq!(
            parse_http_date("Monday, 23-Nov-26 08:00:00 GMT"),
            monday_23_november_2026
        );
        assert_eq!(
            parse_http_date("Mon Nov 23 08:00:00 2026"),
            monday_23_november_2026
        );
    }

    #[test]
    fn refuses_obsolete_forms_that_are_off() {
        for bad in [
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Monday, 06-Nov-94 08:49:37 GMT",
            "Sunday, 06 Nov 94 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 UTC",
            "Sunday, 6-Nov-94 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994",
            "Mon Nov  6 08:49:37 1994",
            "Sun Nov  6 08:49:37 94",
            "Sun Nov 6  08:49:37 1994",
            "Sun Nov  6 08-49-37 1994",
            "Sun Nov  6 08:49:37 1994 GMT",
        ] {
            assert_eq!(
                parse_http_date(bad),
                Err(ClockError::NotAnHttpDate(bad.to_owned())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_an_http_date() {
        for bad in [
            "",
            "yesterday",
            "2026-11-23T07:23:37Z",
            "Sun, 06 Nov 1994 08:49:37 +0900",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Now 1994 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "일, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:3 GMT",
        ] {
            assert_eq!(
                parse_http_date(bad),
                Err(ClockError::NotAnHttpDate(bad.to_owned())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn offset_from_a_date_header_corrects_a_slow_device() {
        // The device believes it is ten minutes earlier than the server.
        let device_now = RFC_EXAMPLE_MS - 600_000;
        let offset =
            ClockOffset::from_server_date(device_now, "Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(offset.server_minus_device_ms, 600_500);
        assert_eq!(
            offset.server_time(device_now + 1_000),
            RFC_EXAMPLE_MS + 1_500
        );
        assert_eq!(
            offset.corrected_timestamp(device_now).unwrap(),
            "1994-11-06T08:49:37.500Z"
        );
        assert!(ClockOffset::from_server_date(device_now, "soon").is_err());
    }

    #[test]
    fn timestamps_round_trip_and_accept_zones() {
        let text = format_timestamp_ms(RFC_EXAMPLE_MS + 123).unwrap();
        assert_eq!(text, "1994-11-06T08:49:37.123Z");
        assert_eq!(parse_timestamp_ms(&text), Ok(RFC_EXAMPLE_MS + 123));
        assert_eq!(
            parse_timestamp_ms("1994-11-06T17:49:37.123456+09:00"),
            Ok(RFC_EXAMPLE_MS + 123)
        );
        assert!(parse_timestamp_ms("1994-11-06 08:49").is_err());
        assert_eq!(
            format_timestamp_ms(i64::MAX),
            Err(ClockError::OutOfRange(i64::MAX))
        );
    }
}
