//! The "same id, same body" comparison: what an LRS may change is ignored, the rest is not.

use baeum_core::xapi::{canonical_equal, validate_statement, Statement};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "id": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
        "actor": {
            "objectType": "Group",
            "mbox": "mailto:team@Example.COM",
            "member": [
                { "mbox": "mailto:a@example.com" },
                { "account": { "homePage": "https://baeum.example/", "name": "b" } }
            ]
        },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en": "completed" } },
        "object": {
            "id": "https://baeum.example/lessons/hangul-1",
            "definition": { "name": { "ko": "한글 1" } }
        },
        "result": { "duration": "PT1M30.123S", "score": { "scaled": 0.5 } },
        "context": {
            "contextActivities": {
                "parent": [{ "id": "https://baeum.example/courses/korean-1", "definition": { "name": { "en": "Korean 1" } } }]
            }
        },
        "timestamp": "2024-05-01T09:30:00Z"
    })
}

fn parse(value: &Value) -> Statement {
    validate_statement(value).unwrap_or_else(|error| panic!("invalid test statement: {error}"))
}

fn equal_after(change: impl FnOnce(&mut Value)) -> bool {
    let mut changed = base();
    change(&mut changed);
    canonical_equal(&parse(&base()), &parse(&changed))
}

#[test]
fn identical_statements_are_equal() {
    assert!(equal_after(|_| {}));
}

#[test]
fn lrs_assigned_properties_are_ignored() {
    assert!(equal_after(|s| {
        s["stored"] = json!("2024-05-02T00:00:00Z");
        s["authority"] = json!({ "mbox": "mailto:admin@example.com" });
        s["version"] = json!("1.0.0");
    }));
    // A statement sent without a timestamp matches the stored one that the LRS gave one.
    assert!(equal_after(|s| {
        s.as_object_mut().unwrap().remove("timestamp");
    }));
}

#[test]
fn timestamps_compare_as_instants() {
    assert!(equal_after(
        |s| s["timestamp"] = json!("2024-05-01T18:30:00.000+09:00")
    ));
    assert!(!equal_after(
        |s| s["timestamp"] = json!("2024-05-01T09:30:01Z")
    ));
}

#[test]
fn definitions_displays_member_order_and_domain_case_are_ignored() {
    assert!(equal_after(|s| {
        s["verb"]["display"] = json!({ "ko": "완료함" });
        s["object"]["definition"] = json!({ "name": { "en": "Hangul 1" } });
        s["context"]["contextActivities"]["parent"][0]
            .as_object_mut()
            .unwrap()
            .remove("definition");
        let members = s["actor"]["member"].as_array_mut().unwrap();
        members.reverse();
        s["actor"]["mbox"] = json!("mailto:team@example.com");
    }));
}

#[test]
fn a_single_context_activity_equals_an_array_of_one() {
    assert!(equal_after(|s| {
        s["context"]["contextActivities"]["parent"] =
            json!({ "id": "https://baeum.example/courses/korean-1" });
    }));
}

#[test]
fn durations_are_compared_to_hundredths_but_spelling_counts() {
    assert!(equal_after(
        |s| s["result"]["duration"] = json!("PT1M30.12S")
    ));
    assert!(!equal_after(|s| s["result"]["duration"] = json!("PT90.12S")));
}

#[test]
fn real_differences_count() {
    assert!(!equal_after(
        |s| s["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/failed")
    ));
    assert!(!equal_after(|s| s["result"]["score"]["scaled"] = json!(0.6)));
    assert!(!equal_after(
        |s| s["object"]["id"] = json!("https://baeum.example/lessons/hangul-2")
    ));
    assert!(!equal_after(
        |s| s["actor"]["mbox"] = json!("mailto:TEAM@example.com")
    ));
    assert!(!equal_after(|s| {
        s["actor"]["member"].as_array_mut().unwrap().pop();
    }));
    assert!(!equal_after(
        |s| s["result"]["extensions"] = json!({ "https://baeum.example/x": 1 })
    ));
}

#[test]
fn versions_compare_when_both_are_present() {
    let mut first = base();
    first["version"] = json!("1.0.0");
    let mut second = base();
    second["version"] = json!("2.0.0");
    assert!(!canonical_equal(&parse(&first), &parse(&second)));
}

/// Statements exercising every part of the model.
fn rich_statements() -> Vec<Value> {
    let sub_statement = json!({
        "id": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e90",
        "actor": { "objectType": "Agent", "name": "teacher", "openid": "https://id.example/t" },
        "verb": { "id": "https://baeum.example/verbs/planned" },
        "object": {
            "objectType": "SubStatement",
            "actor": { "account": { "homePage": "https://baeum.invalid/", "name": "learner-1" } },
            "verb": { "id": "https://baeum.example/verbs/will-review" },
            "object": {
                "objectType": "Group",
                "name": "pair",
                "member": [{ "mbox": "mailto:a@example.com" }, { "mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9" }]
            },
            "context": { "instructor": { "mbox": "mailto:t@example.com" } },
            "timestamp": "2999-01-01T00:00:00+09:00"
        },
        "version": "1.0.3"
    });
    let interaction = json!({
        "actor": { "objectType": "Group", "mbox": "mailto:team@example.com", "member": [{ "mbox": "mailto:a@example.com" }] },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/answered", "display": { "ko": "답함", "en-US": "answered" } },
        "object": {
            "objectType": "Activity",
            "id": "https://baeum.example/questions/7",
            "definition": {
                "name": { "ko": "짝 맞추기" },
                "description": { "en": "match" },
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "moreInfo": "https://baeum.example/help",
                "interactionType": "matching",
                "correctResponsesPattern": ["a[.]1[,]b[.]2"],
                "source": [{ "id": "a", "description": { "ko": "가" } }, { "id": "b" }],
                "target": [{ "id": "1" }, { "id": "2" }],
                "extensions": { "https://baeum.example/ext/level": { "n": 3, "tags": [null, true] } }
            }
        },
        "result": {
            "score": { "scaled": -0.5, "raw": 1.25, "min": -10, "max": 10 },
            "success": false,
            "completion": true,
            "response": "a[.]2",
            "duration": "P1DT2H3M4.5S",
            "extensions": { "https://baeum.example/ext/keys": 12 }
        },
        "context": {
            "registration": "6a5f2b9c-0d1e-4f2a-8b3c-4d5e6f708192",
            "team": { "objectType": "Group", "account": { "homePage": "https://school.example", "name": "class-3" } },
            "contextActivities": {
                "parent": [{ "id": "https://baeum.example/lessons/1" }],
                "grouping": { "id": "https://baeum.example/courses/korean" },
                "category": [{ "id": "https://baeum.example/profiles/baeum", "definition": { "type": "http://adlnet.gov/expapi/activities/profile" } }],
                "other": []
            },
            "revision": "3",
            "platform": "baeum web",
            "language": "ko-KR",
            "statement": { "objectType": "StatementRef", "id": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e90" },
            "extensions": { "https://baeum.example/ext/device": "tablet" }
        },
        "timestamp": "2024-05-01T09:30:00.123456Z",
        "stored": "2024-05-01T09:30:01Z",
        "authority": { "mbox": "mailto:admin@example.com" },
        "attachments": [{
            "usageType": "https://baeum.example/attachments/recording",
            "display": { "ko": "녹음" },
            "description": { "en": "recording" },
            "contentType": "audio/ogg; codecs=opus",
            "length": 2048,
            "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
            "fileUrl": "https://baeum.example/files/1.ogg"
        }]
    });
    vec![base(), sub_statement, interaction]
}

#[test]
fn serialized_statements_validate_back_to_the_same_statement() {
    // The server stores `to_json()` and parses it again to compare re-sent statements and to
    // answer `format=ids`, so serialization must round-trip exactly.
    for value in rich_statements() {
        let statement = parse(&value);
        let serialized = statement.to_json();
        let reparsed = validate_statement(&serialized).unwrap_or_else(|error| {
            panic!("serialized statement is invalid: {error}\n{serialized}")
        });
        assert_eq!(reparsed, statement);
        assert!(canonical_equal(&statement, &reparsed));
        let ids_only = statement.to_ids_format().to_json();
        validate_statement(&ids_only)
            .unwrap_or_else(|error| panic!("ids format is invalid: {error}"));
        assert_only_identifiers(&ids_only, "");
        assert_eq!(ids_only["id"], serialized["id"]);
        assert_eq!(ids_only["result"], serialized["result"]);
    }
}

/// Fails when a name, display or definition survived the `ids` format (attachments, which are
/// not agents, activities or verbs, keep theirs; account names are identifiers).
fn assert_only_identifiers(value: &Value, path: &str) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = format!("{path}.{key}");
                let inside_account = path.ends_with(".account");
                assert!(
                    !matches!(key.as_str(), "definition" | "display")
                        && (key != "name" || inside_account),
                    "{child_path} survived the ids format"
                );
                if key != "attachments" && key != "extensions" {
                    assert_only_identifiers(child, &child_path);
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| assert_only_identifiers(item, path)),
        _ => {}
    }
}
