//! The specification's statement comparison: are two statements with the same id "the same"?
//!
//! An LRS must answer a re-sent statement with success when it matches the stored one and with
//! `409 Conflict` when it does not; the client's outbox relies on that to retry safely. Two
//! statements match when they differ only in ways the specification lists as exceptions to
//! statement immutability (`reference/xapi/xAPI-Data.md`, 2.3.1):
//!
//! - properties the LRS assigns: `id`, `stored`, `authority`, and `timestamp`/`version` when
//!   one side lacks them (the LRS fills them in); when both sides carry them they must agree,
//!   timestamps as instants;
//! - Activity definitions and Verb displays, which are not part of the statement;
//! - the order of Group members;
//! - case where a value is case-insensitive: the domain of an `mbox` address;
//! - durations beyond 0.01 second precision.
//!
//! Everything else, including the duration's spelling (`PT60S` is not `PT1M`), must be equal.

use serde_json::Value;

use super::model::*;

/// Whether two statements are the same for the "same id, same body" rule.
pub fn canonical_equal(left: &Statement, right: &Statement) -> bool {
    let (mut left_form, mut right_form) = (comparison_form(left), comparison_form(right));
    // Timestamps and versions are compared only when both sides have them, because the LRS
    // assigns them to statements that arrive without.
    for property in ["timestamp", "version"] {
        let both_present = left_form.get(property).is_some() && right_form.get(property).is_some();
        if !both_present {
            remove(&mut left_form, property);
            remove(&mut right_form, property);
        }
    }
    left_form == right_form
}

/// The statement as JSON with every difference the comparison ignores taken out: without id,
/// stored and authority, without activity definitions and verb displays, with group members
/// sorted, mbox domains lowercased and durations cut to hundredths of a second.
pub fn comparison_form(statement: &Statement) -> Value {
    let mut form = statement.to_json();
    for property in ["id", "stored", "authority"] {
        remove(&mut form, property);
    }
    normalize(&mut form);
    form
}

fn remove(value: &mut Value, property: &str) {
    if let Value::Object(map) = value {
        map.remove(property);
    }
}

/// Walks the serialized statement and applies the ignored differences. Extensions are left
/// untouched: their content belongs to whoever owns the extension IRI.
fn normalize(value: &mut Value) {
    let Value::Object(map) = value else {
        return;
    };
    if map.get("objectType").and_then(Value::as_str) == Some("Activity") {
        map.remove("definition");
    }
    for (key, child) in map.iter_mut() {
        match key.as_str() {
            "extensions" => {}
            "verb" => {
                remove(child, "display");
            }
            "mbox" => {
                if let Value::String(mbox) = child {
                    *mbox = lowercase_mailto_domain(mbox);
                }
            }
            "duration" => {
                if let Value::String(duration) = child {
                    *duration = truncate_duration_seconds(duration);
                }
            }
            "member" => {
                if let Value::Array(members) = child {
                    members.iter_mut().for_each(normalize);
                    members.sort_by_key(|member| member.to_string());
                }
            }
            _ => match child {
                Value::Array(items) => items.iter_mut().for_each(normalize),
                Value::Object(_) => normalize(child),
                _ => {}
            },
        }
    }
}

/// Cuts the fractional seconds of a duration to two digits (`PT1.2345S` → `PT1.23S`).
fn truncate_duration_seconds(duration: &str) -> String {
    let Some(without_designator) = duration.strip_suffix('S') else {
        return duration.to_owned();
    };
    let Some(separator) = without_designator.rfind(['.', ',']) else {
        return duration.to_owned();
    };
    let fraction = &without_designator[separator + 1..];
    if fraction.len() <= 2 {
        return duration.to_owned();
    }
    format!(
        "{}{}S",
        &without_designator[..separator + 1],
        &fraction[..2]
    )
}

#[cfg(test)]
mod tests {
    use super::truncate_duration_seconds;

    #[test]
    fn durations_are_cut_to_hundredths() {
        assert_eq!(truncate_duration_seconds("PT1.2345S"), "PT1.23S");
        assert_eq!(truncate_duration_seconds("PT1.2S"), "PT1.2S");
        assert_eq!(truncate_duration_seconds("P1D"), "P1D");
    }
}
