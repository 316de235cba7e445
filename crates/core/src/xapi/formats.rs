//! Checks for the string formats xAPI uses: IRIs, UUIDs, RFC 5646 language tags, ISO 8601
//! timestamps and durations, `mailto:` IRIs, hashes and media types.
//!
//! The specification allows best-effort validation of IRIs and language tags, but requires at
//! least a scheme on every IRI and the right sequence of subtag lengths in every language tag;
//! these checks go that far and a little further, without pulling a URL or locale library into
//! the wasm client.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use uuid::Uuid;

/// Whether `text` is an absolute IRI: a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`),
/// a colon, and a non-empty rest without whitespace, control characters or characters that
/// RFC 3987 never allows unescaped (`<>"{}|\^` and backtick).
pub fn is_absolute_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_characters = scheme.chars();
    let starts_with_letter = scheme_characters
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic());
    let scheme_is_valid = starts_with_letter
        && scheme_characters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_is_valid
        && !rest.is_empty()
        && !text.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
}

/// Parses a UUID in the standard string form only (`8-4-4-4-12` hexadecimal digits with
/// hyphens). The `uuid` crate also accepts braces, `urn:uuid:` and the hyphenless form, which
/// the specification forbids.
pub fn parse_standard_uuid(text: &str) -> Option<Uuid> {
    let bytes = text.as_bytes();
    if bytes.len() != 36 {
        return None;
    }
    let well_formed = bytes.iter().enumerate().all(|(index, byte)| match index {
        8 | 13 | 18 | 23 => *byte == b'-',
        _ => byte.is_ascii_hexdigit(),
    });
    if !well_formed {
        return None;
    }
    Uuid::parse_str(text).ok()
}

/// RFC 5646 tags that do not follow the general grammar ("grandfathered" tags).
const GRANDFATHERED_TAGS: &[&str] = &[
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

/// Whether `tag` follows the RFC 5646 `Language-Tag` grammar: language (with up to three
/// extended language subtags), script, region, variants, extensions and private use, in that
/// order and with the right lengths, or a grandfathered or private-use tag. Subtags are not
/// checked against the IANA registry.
pub fn is_language_tag(tag: &str) -> bool {
    if GRANDFATHERED_TAGS
        .iter()
        .any(|grandfathered| grandfathered.eq_ignore_ascii_case(tag))
    {
        return true;
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    let well_formed_subtags = subtags.iter().all(|subtag| {
        (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric())
    });
    if !well_formed_subtags {
        return false;
    }
    let alphabetic = |subtag: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphabetic())
    };
    let is_private_use_singleton = |subtag: &str| subtag.eq_ignore_ascii_case("x");
    if is_private_use_singleton(subtags[0]) {
        return subtags.len() > 1;
    }
    let count = subtags.len();
    let mut index = 1;
    let language = subtags[0];
    if alphabetic(language, 2..=3) {
        let mut extended_language_subtags = 0;
        while index < count && extended_language_subtags < 3 && alphabetic(subtags[index], 3..=3) {
            index += 1;
            extended_language_subtags += 1;
        }
    } else if !alphabetic(language, 4..=8) {
        return false;
    }
    if index < count && alphabetic(subtags[index], 4..=4) {
        index += 1;
    }
    if index < count {
        let region = subtags[index];
        let numeric_region = region.len() == 3 && region.chars().all(|c| c.is_ascii_digit());
        if alphabetic(region, 2..=2) || numeric_region {
            index += 1;
        }
    }
    while index < count {
        let variant = subtags[index];
        let long_variant = (5..=8).contains(&variant.len());
        let digit_variant = variant.len() == 4 && variant.starts_with(|c: char| c.is_ascii_digit());
        if long_variant || digit_variant {
            index += 1;
        } else {
            break;
        }
    }
    while index < count && subtags[index].len() == 1 && !is_private_use_singleton(subtags[index]) {
        index += 1;
        let first_extension_subtag = index;
        while index < count && (2..=8).contains(&subtags[index].len()) {
            index += 1;
        }
        if index == first_extension_subtag {
            return false;
        }
    }
    if index < count && is_private_use_singleton(subtags[index]) {
        // Every remaining subtag is 1–8 alphanumerics (checked above); at least one is needed.
        return index + 1 < count;
    }
    index == count
}

/// Why a timestamp was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampProblem {
    /// Not an ISO 8601 combined date and time at all.
    Malformed,
    /// A valid date and time, but no zone: the instant is ambiguous.
    MissingZone,
    /// Well formed, but not a real date or time (month 13, 25 o'clock, offset beyond 23:59).
    OutOfRange,
}

/// Parses an ISO 8601 combined date and time in the extended format
/// (`YYYY-MM-DDThh:mm[:ss[.fraction]]` then `Z`, `±hh:mm`, `±hhmm` or `±hh`) into UTC.
pub fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, TimestampProblem> {
    let mut cursor = Cursor::new(text);
    let year = cursor.digits(4).ok_or(TimestampProblem::Malformed)?;
    cursor.expect(b'-').ok_or(TimestampProblem::Malformed)?;
    let month = cursor.digits(2).ok_or(TimestampProblem::Malformed)?;
    cursor.expect(b'-').ok_or(TimestampProblem::Malformed)?;
    let day = cursor.digits(2).ok_or(TimestampProblem::Malformed)?;
    if !(cursor.expect(b'T').is_some() || cursor.expect(b't').is_some()) {
        return Err(TimestampProblem::Malformed);
    }
    let hour = cursor.digits(2).ok_or(TimestampProblem::Malformed)?;
    cursor.expect(b':').ok_or(TimestampProblem::Malformed)?;
    let minute = cursor.digits(2).ok_or(TimestampProblem::Malformed)?;
    let mut second = 0;
    let mut nanosecond = 0;
    if cursor.expect(b':').is_some() {
        second = cursor.digits(2).ok_or(TimestampProblem::Malformed)?;
        if cursor.expect(b'.').is_some() || cursor.expect(b',').is_some() {
            let fraction = cursor.digit_run();
            if fraction.is_empty() {
                return Err(TimestampProblem::Malformed);
            }
            // Precision beyond nanoseconds is truncated, which the specification allows.
            let mut padded: String = fraction.chars().take(9).collect();
            while padded.len() < 9 {
                padded.push('0');
            }
            nanosecond = padded.parse().map_err(|_| TimestampProblem::Malformed)?;
        }
    }
    let offset_seconds: i32 = if cursor.is_at_end() {
        return Err(TimestampProblem::MissingZone);
    } else if cursor.expect(b'Z').is_some() || cursor.expect(b'z').is_some() {
        0
    } else {
        let sign = if cursor.expect(b'+').is_some() {
            1
        } else if cursor.expect(b'-').is_some() {
            -1
        } else {
            return Err(TimestampProblem::Malformed);
        };
        let offset_hours = cursor.digits(2).ok_or(TimestampProblem::Malformed)?;
        let offset_minutes = if cursor.is_at_end() {
            0
        } else {
            cursor.expect(b':');
            cursor.digits(2).ok_or(TimestampProblem::Malformed)?
        };
        if offset_hours > 23 || offset_minutes > 59 {
            return Err(TimestampProblem::OutOfRange);
        }
        sign * (offset_hours as i32 * 3600 + offset_minutes as i32 * 60)
    };
    if !cursor.is_at_end() {
        return Err(TimestampProblem::Malformed);
    }
    let date =
        NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(TimestampProblem::OutOfRange)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanosecond)
        .ok_or(TimestampProblem::OutOfRange)?;
    let offset = FixedOffset::east_opt(offset_seconds).ok_or(TimestampProblem::OutOfRange)?;
    let local = offset
        .from_local_datetime(&date.and_time(time))
        .single()
        .ok_or(TimestampProblem::OutOfRange)?;
    Ok(local.with_timezone(&Utc))
}

/// Reads a calendar date, `YYYY-MM-DD` (how a saved progress digest writes its active days).
/// Read here rather than by chrono's string parser, which the client's first load would
/// otherwise carry for this alone.
pub fn parse_calendar_date(text: &str) -> Option<NaiveDate> {
    let mut cursor = Cursor::new(text);
    let year = cursor.digits(4)?;
    cursor.expect(b'-')?;
    let month = cursor.digits(2)?;
    cursor.expect(b'-')?;
    let day = cursor.digits(2)?;
    if !cursor.is_at_end() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Writes a calendar date as `YYYY-MM-DD`, as chrono does for years 0 to 9999; `None` for a
/// year outside them, which [`parse_calendar_date`] could not read back.
pub fn format_calendar_date(date: NaiveDate) -> Option<String> {
    (0..=9999)
        .contains(&date.year())
        .then(|| format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
}

/// How many digits of the second's fraction [`format_timestamp`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FractionDigits {
    /// Always three.
    Millis,
    /// None, 3, 6 or 9: as few as keep the instant exact (chrono's `AutoSi`, and how chrono
    /// serialises a `DateTime`).
    Exact,
}

/// Writes `instant` in RFC 3339 as seen `offset_seconds` east of UTC, e.g.
/// `2026-11-23T17:00:00.000+09:00`; a zero offset is `Z` when `z_for_utc`, else `+00:00`.
/// `None` for an offset of a day or more, or a local year outside 0 to 9999. The inverse is
/// [`parse_timestamp`]; chrono's formatter stays out of the client.
pub fn format_timestamp(
    instant: DateTime<Utc>,
    offset_seconds: i32,
    fraction: FractionDigits,
    z_for_utc: bool,
) -> Option<String> {
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let local = instant.with_timezone(&offset).naive_local();
    let date = format_calendar_date(local.date())?;
    let nanos = local.nanosecond() % 1_000_000_000;
    let fraction = match fraction {
        FractionDigits::Millis => format!(".{:03}", nanos / 1_000_000),
        FractionDigits::Exact if nanos == 0 => String::new(),
        FractionDigits::Exact if nanos.is_multiple_of(1_000_000) => {
            format!(".{:03}", nanos / 1_000_000)
        }
        FractionDigits::Exact if nanos.is_multiple_of(1_000) => format!(".{:06}", nanos / 1_000),
        FractionDigits::Exact => format!(".{nanos:09}"),
    };
    let zone = if offset_seconds == 0 && z_for_utc {
        "Z".to_owned()
    } else {
        let sign = if offset_seconds < 0 { '-' } else { '+' };
        let minutes = offset_seconds.unsigned_abs() / 60;
        format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    };
    Some(format!(
        "{date}T{:02}:{:02}:{:02}{fraction}{zone}",
        local.hour(),
        local.minute(),
        local.second()
    ))
}

/// Whether `text` is an ISO 8601 duration in the format with designators
/// (`PnYnMnDTnHnMnS` or `PnW`). The alternative format (`P0003-02-01T…`) is refused, as the
/// specification requires. A decimal fraction is allowed on the last component only.
pub fn is_iso8601_duration(text: &str) -> bool {
    let Some(body) = text.strip_prefix('P') else {
        return false;
    };
    if body.is_empty() {
        return false;
    }
    if let Some(weeks) = body.strip_suffix('W') {
        return is_duration_number(weeks, true);
    }
    let (date_part, time_part) = match body.split_once('T') {
        Some((date, time)) => {
            if time.is_empty() {
                return false;
            }
            (date, Some(time))
        }
        None => (body, None),
    };
    let mut components: Vec<(&str, char)> = Vec::new();
    if !split_components(date_part, &['Y', 'M', 'D'], &mut components) {
        return false;
    }
    if let Some(time) = time_part {
        if !split_components(time, &['H', 'M', 'S'], &mut components) {
            return false;
        }
    }
    if components.is_empty() {
        return false;
    }
    let last = components.len() - 1;
    components
        .iter()
        .enumerate()
        .all(|(index, (number, _))| is_duration_number(number, index == last))
}

/// Splits `part` into `(number, designator)` pairs, requiring the designators to appear in the
/// given order, each at most once.
fn split_components<'a>(
    part: &'a str,
    designators: &[char],
    components: &mut Vec<(&'a str, char)>,
) -> bool {
    let mut rest = part;
    let mut next_allowed = 0;
    while !rest.is_empty() {
        let Some(position) = rest.find(|c: char| c.is_ascii_alphabetic()) else {
            return false;
        };
        let designator = rest[position..].chars().next().unwrap_or(' ');
        let Some(order) = designators[next_allowed..]
            .iter()
            .position(|allowed| *allowed == designator)
        else {
            return false;
        };
        next_allowed += order + 1;
        components.push((&rest[..position], designator));
        rest = &rest[position + 1..];
    }
    true
}

fn is_duration_number(text: &str, fraction_allowed: bool) -> bool {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    all_digits(whole)
        && match fraction {
            None => true,
            Some(fraction) => fraction_allowed && all_digits(fraction),
        }
}

/// Whether `text` is a `mailto:` IRI with a plausible address (`local@domain`).
pub fn is_mailto_iri(text: &str) -> bool {
    let Some(address) = text.strip_prefix("mailto:") else {
        return false;
    };
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !address.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `text` is a hexadecimal string of exactly `length` digits.
pub fn is_hex_of_length(text: &str, length: usize) -> bool {
    text.len() == length && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// Whether `text` is a hexadecimal SHA-2 digest (SHA-224, -256, -384 or -512).
pub fn is_sha2_hex(text: &str) -> bool {
    [56, 64, 96, 128]
        .into_iter()
        .any(|length| is_hex_of_length(text, length))
}

/// Whether `text` looks like an Internet media type (`type/subtype`, optional parameters).
pub fn is_media_type(text: &str) -> bool {
    let essence = text.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    let is_token = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$&^_.+-".contains(c))
    };
    is_token(kind) && is_token(subtype)
}

/// Whether `version` is a statement version this LRS accepts: `1.0.x` or `2.0.x`.
pub fn is_accepted_statement_version(version: &str) -> bool {
    let Some(patch) = version
        .strip_prefix("1.0.")
        .or_else(|| version.strip_prefix("2.0."))
    else {
        return false;
    };
    !patch.is_empty() && patch.chars().all(|c| c.is_ascii_digit())
}

/// A tiny byte cursor for the timestamp parser.
struct Cursor<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            position: 0,
        }
    }

    fn is_at_end(&self) -> bool {
        self.position == self.bytes.len()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        if self.bytes.get(self.position) == Some(&byte) {
            self.position += 1;
            Some(())
        } else {
            None
        }
    }

    /// Exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let slice = self.bytes.get(self.position..self.position + count)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.position += count;
        Some(
            slice
                .iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0')),
        )
    }

    /// The longest run of ASCII digits from here.
    fn digit_run(&mut self) -> &'a str {
        let start = self.position;
        while self
            .bytes
            .get(self.position)
            .is_some_and(u8::is_ascii_digit)
        {
            self.position += 1;
        }
        // Only ASCII digits were consumed, so the slice is valid UTF-8.
        std::str::from_utf8(&self.bytes[start..self.position]).unwrap_or("")
    }
}

#[cfg(test)]
mod date_writer_tests {
    use chrono::SecondsFormat;

    use super::*;

    /// Instants with every kind of fraction, across offsets and the years the app meets.
    fn instants() -> Vec<DateTime<Utc>> {
        let mut instants = Vec::new();
        for seconds in [0_i64, 784_111_777, 1_795_455_000, 4_102_444_799] {
            for nanos in [0_u32, 5_000_000, 123_000_000, 123_456_000, 123_456_789, 1] {
                instants.push(DateTime::from_timestamp(seconds, nanos).expect("in range"));
            }
        }
        instants
    }

    #[test]
    fn timestamps_are_written_as_chrono_writes_them_and_read_back() {
        for instant in instants() {
            for offset_minutes in [0, 9 * 60, 5 * 60 + 45, -(3 * 60 + 30), -12 * 60] {
                let offset = FixedOffset::east_opt(offset_minutes * 60).expect("an offset");
                let local = instant.with_timezone(&offset);
                for (digits, format) in [
                    (FractionDigits::Millis, SecondsFormat::Millis),
                    (FractionDigits::Exact, SecondsFormat::AutoSi),
                ] {
                    for z_for_utc in [true, false] {
                        let ours =
                            format_timestamp(instant, offset_minutes * 60, digits, z_for_utc)
                                .expect("in range");
                        assert_eq!(ours, local.to_rfc3339_opts(format, z_for_utc));
                        let read = parse_timestamp(&ours).expect("reads back");
                        if digits == FractionDigits::Exact {
                            assert_eq!(read, instant);
                        } else {
                            assert_eq!(read.timestamp_millis(), instant.timestamp_millis());
                        }
                    }
                }
            }
        }
        // chrono's own serialisation of a `DateTime<Utc>`, which saved digests hold.
        for instant in instants() {
            let chrono_text = serde_json::to_value(instant).expect("serialises");
            assert_eq!(
                chrono_text.as_str(),
                format_timestamp(instant, 0, FractionDigits::Exact, true).as_deref()
            );
        }
        assert_eq!(
            format_timestamp(instants()[0], 24 * 3600, FractionDigits::Millis, true),
            None
        );
    }

    #[test]
    fn calendar_dates_are_written_as_chrono_writes_them_and_read_back() {
        for (year, month, day) in [(2026, 11, 23), (1, 1, 1), (9999, 12, 31), (2024, 2, 29)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).expect("a date");
            let text = format_calendar_date(date).expect("in range");
            assert_eq!(text, date.to_string());
            assert_eq!(parse_calendar_date(&text), Some(date));
        }
        for refused in [
            "2026-02-30",
            "2026-1-01",
            "2026-01-01T",
            "26-01-01",
            "",
            "２０２６-01-01",
        ] {
            assert_eq!(parse_calendar_date(refused), None, "{refused}");
        }
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1).expect("a date");
        assert_eq!(format_calendar_date(far), None);
    }
}
