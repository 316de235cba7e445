//! The `canonical` format of `GET /xapi/statements` (Communication 2.1.3.s4): every language
//! map of an activity definition (name, description, each interaction component's
//! description) and of a verb's display keeps one language, the one the `Accept-Language`
//! header prefers, chosen map by map (2.1.3.s4.b5). A map none of whose languages is
//! acceptable keeps one all the same (b1 asks for exactly one): English if it has it, else
//! the first by tag.

use serde_json::{Map, Value};

/// The interaction components whose items carry a `description` language map.
const INTERACTION_COMPONENTS: [&str; 5] = ["choices", "scale", "source", "target", "steps"];

/// The statement (as stored JSON) in the canonical format for this `Accept-Language` value
/// (empty or absent: no preference).
pub fn to_canonical_format(statement: &mut Value, accept_language: &str) {
    let preferences = parse_accept_language(accept_language);
    canonical_statement(statement, &preferences);
}

fn canonical_statement(statement: &mut Value, preferences: &[(String, f32)]) {
    if let Some(display) = statement.pointer_mut("/verb/display") {
        keep_one_language(display, preferences);
    }
    if let Some(object) = statement.get_mut("object") {
        match object.get("objectType").and_then(Value::as_str) {
            None | Some("Activity") => canonical_activity(object, preferences),
            Some("SubStatement") => canonical_statement(object, preferences),
            _ => {}
        }
    }
    if let Some(Value::Object(lists)) = statement.pointer_mut("/context/contextActivities") {
        for list in lists.values_mut() {
            match list {
                Value::Array(activities) => {
                    for activity in activities {
                        canonical_activity(activity, preferences);
                    }
                }
                activity @ Value::Object(_) => canonical_activity(activity, preferences),
                _ => {}
            }
        }
    }
}

fn canonical_activity(activity: &mut Value, preferences: &[(String, f32)]) {
    let Some(Value::Object(definition)) = activity.get_mut("definition") else {
        return;
    };
    for property in ["name", "description"] {
        if let Some(map) = definition.get_mut(property) {
            keep_one_language(map, preferences);
        }
    }
    for component in INTERACTION_COMPONENTS {
        if let Some(Value::Array(items)) = definition.get_mut(component) {
            for item in items {
                if let Some(map) = item.get_mut("description") {
                    keep_one_language(map, preferences);
                }
            }
        }
    }
}

/// Replaces a language map by a map of its one preferred entry.
fn keep_one_language(map: &mut Value, preferences: &[(String, f32)]) {
    let Value::Object(entries) = map else {
        return;
    };
    if entries.len() <= 1 {
        return;
    }
    let Some(chosen) = choose(entries, preferences) else {
        return;
    };
    let value = entries.get(&chosen).cloned().unwrap_or(Value::Null);
    let mut kept = Map::new();
    kept.insert(chosen, value);
    *entries = kept;
}

fn choose(entries: &Map<String, Value>, preferences: &[(String, f32)]) -> Option<String> {
    for (range, _) in preferences {
        if let Some(tag) = entries.keys().find(|tag| range_matches(range, tag)) {
            return Some(tag.clone());
        }
    }
    let fallback = entries
        .keys()
        .find(|tag| range_matches("en", tag))
        .or_else(|| entries.keys().min());
    fallback.cloned()
}

/// RFC 4647 basic filtering: `*` matches every tag; a range matches a tag equal to it or
/// beginning with it and a hyphen, case-insensitively.
fn range_matches(range: &str, tag: &str) -> bool {
    range == "*"
        || tag.eq_ignore_ascii_case(range)
        || (tag.len() > range.len()
            && tag.as_bytes()[range.len()] == b'-'
            && tag[..range.len()].eq_ignore_ascii_case(range))
}

/// The language ranges of an `Accept-Language` value, most preferred first (ties keep their
/// order); ranges with `q=0` (not acceptable) and malformed entries are left out.
pub fn parse_accept_language(header: &str) -> Vec<(String, f32)> {
    let mut ranges: Vec<(String, f32)> = header
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let range = parts.next().filter(|range| !range.is_empty())?;
            let mut quality = 1.0_f32;
            for parameter in parts {
                if let Some(value) = parameter
                    .strip_prefix("q=")
                    .or_else(|| parameter.strip_prefix("Q="))
                {
                    quality = value
                        .trim()
                        .parse()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))?;
                }
            }
            let well_formed = range == "*"
                || range.split('-').all(|part| {
                    !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric())
                });
            (well_formed && quality > 0.0).then(|| (range.to_owned(), quality))
        })
        .collect();
    ranges.sort_by(|left, right| right.1.total_cmp(&left.1));
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statement() -> Value {
        json!({
            "verb": { "id": "http://adlnet.gov/expapi/verbs/answered",
                      "display": { "en-US": "answered", "ko": "답했다" } },
            "object": {
                "id": "https://baeum.example/q/1",
                "definition": {
                    "name": { "en-US": "Question 1", "ko-KR": "1번 문제", "vi": "Câu 1" },
                    "description": { "vi": "Chọn", "ru": "Выберите" },
                    "interactionType": "choice",
                    "choices": [{ "id": "a", "description": { "en": "A", "ko": "가" } }]
                }
            },
            "context": { "contextActivities": { "parent": [{
                "id": "https://baeum.example/lesson/1",
                "definition": { "name": { "en": "Lesson", "ko": "수업" } }
            }] } }
        })
    }

    #[test]
    fn canonical_2_1_3_s4_b5_each_map_keeps_the_language_the_header_prefers() {
        let mut value = statement();
        to_canonical_format(&mut value, "ko;q=0.9, vi;q=0.8, en;q=0.5");
        let definition = &value["object"]["definition"];
        assert_eq!(
            definition["name"],
            json!({ "ko-KR": "1번 문제" }),
            "ko matches ko-KR"
        );
        assert_eq!(
            definition["description"],
            json!({ "vi": "Chọn" }),
            "map by map"
        );
        assert_eq!(
            definition["choices"][0]["description"],
            json!({ "ko": "가" })
        );
        assert_eq!(value["verb"]["display"], json!({ "ko": "답했다" }));
        assert_eq!(
            value["context"]["contextActivities"]["parent"][0]["definition"]["name"],
            json!({ "ko": "수업" })
        );
    }

    #[test]
    fn canonical_2_1_3_s4_b1_a_map_keeps_one_language_even_with_no_match() {
        let mut value = statement();
        to_canonical_format(&mut value, "th");
        let definition = &value["object"]["definition"];
        assert_eq!(
            definition["name"],
            json!({ "en-US": "Question 1" }),
            "English first"
        );
        assert_eq!(
            definition["description"],
            json!({ "ru": "Выберите" }),
            "else the first tag"
        );
    }

    #[test]
    fn accept_language_orders_by_quality_and_drops_refused_and_malformed_ranges() {
        assert_eq!(
            parse_accept_language("en;q=0.2, ko, vi;q=0, *;q=0.1, b@d, ru;q=2"),
            vec![
                ("ko".to_owned(), 1.0),
                ("en".to_owned(), 0.2),
                ("*".to_owned(), 0.1)
            ]
        );
        assert!(parse_accept_language("").is_empty());
    }
}
