//! Statement validation against the MUST rules of the xAPI data part: each rule gets a statement
//! that breaks it and a check that the error names the offending property path.

use baeum_core::xapi::{
    validate_statement, Actor, InverseFunctionalIdentifier, StatementObject, XapiValidationError,
};
use serde_json::{json, Value};

fn minimal() -> Value {
    json!({
        "id": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
        "actor": { "mbox": "mailto:learner@example.com" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en-US": "completed" } },
        "object": { "id": "https://baeum.example/lessons/hangul-1" }
    })
}

/// Applies `change` to the minimal statement and returns the validation error it must cause.
fn rejected(change: impl FnOnce(&mut Value)) -> XapiValidationError {
    let mut statement = minimal();
    change(&mut statement);
    match validate_statement(&statement) {
        Ok(parsed) => panic!("statement was accepted but should not be: {statement}\n{parsed:?}"),
        Err(error) => error,
    }
}

fn accepted(change: impl FnOnce(&mut Value)) -> baeum_core::xapi::Statement {
    let mut statement = minimal();
    change(&mut statement);
    match validate_statement(&statement) {
        Ok(parsed) => parsed,
        Err(error) => panic!("statement was rejected: {error}\n{statement}"),
    }
}

fn assert_path(error: &XapiValidationError, path: &str) {
    assert_eq!(error.path, path, "error was: {error}");
    // Messages start in lowercase (or with a quoted value), like every error in the project.
    let first = error.message.chars().next().unwrap_or('?');
    assert!(
        !first.is_uppercase(),
        "message does not start in lowercase: {error}"
    );
}

#[test]
fn minimal_statement_is_accepted_and_typed() {
    let statement = accepted(|_| {});
    assert!(matches!(
        statement.actor,
        Actor::Agent(ref agent) if agent.identifier == InverseFunctionalIdentifier::Mbox("mailto:learner@example.com".into())
    ));
    assert!(matches!(statement.object, StatementObject::Activity(_)));
    assert_eq!(
        statement.verb.id,
        "http://adlnet.gov/expapi/verbs/completed"
    );
}

#[test]
fn a_statement_must_be_an_object() {
    let error = validate_statement(&json!([1, 2])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "statement: must be an object, not an array"
    );
}

#[test]
fn actor_verb_and_object_are_required() {
    for property in ["actor", "verb", "object"] {
        let error = rejected(|s| {
            s.as_object_mut().unwrap().remove(property);
        });
        assert_path(&error, property);
        assert!(error.message.contains("required"));
    }
}

#[test]
fn unknown_top_level_properties_are_rejected() {
    let error = rejected(|s| s["score"] = json!(1));
    assert_path(&error, "score");
}

#[test]
fn wrongly_cased_property_names_are_rejected_with_a_hint() {
    let error = rejected(|s| {
        let verb = s.as_object_mut().unwrap().remove("verb").unwrap();
        s["Verb"] = verb;
    });
    assert_eq!(error.path, "Verb");
    assert!(error.message.contains("case-sensitive"), "{error}");
}

#[test]
fn nulls_are_rejected_outside_extensions() {
    let error = rejected(|s| s["result"] = json!(null));
    assert_path(&error, "result");
    let error = rejected(|s| s["actor"]["name"] = json!(null));
    assert_path(&error, "actor.name");
    accepted(|s| s["result"] = json!({ "extensions": { "https://baeum.example/ext/hint": null } }));
}

#[test]
fn ids_must_be_uuids_in_standard_form() {
    for bad in [
        "not-a-uuid",
        "",
        "0190f0a47b1c7d2e8f304a5b6c7d8e9f",
        "{0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f}",
        "urn:uuid:0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
        "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9g",
    ] {
        let error = rejected(|s| s["id"] = json!(bad));
        assert_path(&error, "id");
    }
    let error = rejected(|s| s["id"] = json!(12));
    assert_eq!(error.message, "must be a string, not a number");
}

#[test]
fn iris_must_be_absolute() {
    for bad in [
        "completed",
        "/verbs/completed",
        "",
        "http://exa mple.com/x",
        ":nothing",
    ] {
        let error = rejected(|s| s["verb"]["id"] = json!(bad));
        assert_path(&error, "verb.id");
    }
    let error = rejected(|s| s["object"]["id"] = json!("lesson-1"));
    assert_path(&error, "object.id");
    accepted(|s| s["object"]["id"] = json!("urn:baeum:lesson:1"));
    accepted(|s| s["object"]["id"] = json!("https://배움.example/수업/1"));
}

#[test]
fn language_maps_need_rfc_5646_keys_and_string_values() {
    for bad in [
        "englishes",
        "en_US",
        "en US",
        "e",
        "en-",
        "123",
        "en-US-",
        "x",
        "de-a-",
    ] {
        let error = rejected(|s| s["verb"]["display"] = json!({ bad: "completed" }));
        assert_eq!(error.path, format!("verb.display.{bad}"), "{error}");
    }
    for good in [
        "en",
        "ko",
        "ko-KR",
        "zh-Hant-TW",
        "es-419",
        "sl-rozaj-biske",
        "de-CH-1901",
        "en-a-bbb-x-a-ccc",
        "x-whatever",
        "i-klingon",
        "zh-yue-HK",
        "tlh",
    ] {
        accepted(|s| s["verb"]["display"] = json!({ good: "done" }));
    }
    let error = rejected(|s| s["verb"]["display"] = json!({ "en": 5 }));
    assert_path(&error, "verb.display.en");
    let error = rejected(|s| s["verb"]["display"] = json!("completed"));
    assert_path(&error, "verb.display");
}

#[test]
fn an_agent_needs_exactly_one_identifier() {
    let error = rejected(|s| s["actor"] = json!({ "name": "nobody" }));
    assert_path(&error, "actor");
    let error = rejected(|s| {
        s["actor"] = json!({ "mbox": "mailto:a@example.com", "openid": "https://id.example/a" })
    });
    assert_path(&error, "actor");
    assert!(error.message.contains("mbox, openid"), "{error}");
}

#[test]
fn each_identifier_has_its_format() {
    let error = rejected(|s| s["actor"] = json!({ "mbox": "learner@example.com" }));
    assert_path(&error, "actor.mbox");
    let error = rejected(|s| s["actor"] = json!({ "mbox_sha1sum": "abc" }));
    assert_path(&error, "actor.mbox_sha1sum");
    let error = rejected(|s| s["actor"] = json!({ "openid": "not an iri" }));
    assert_path(&error, "actor.openid");
    let error =
        rejected(|s| s["actor"] = json!({ "account": { "homePage": "baeum", "name": "x" } }));
    assert_path(&error, "actor.account.homePage");
    let error =
        rejected(|s| s["actor"] = json!({ "account": { "homePage": "https://b.example" } }));
    assert_path(&error, "actor.account.name");
    let error = rejected(|s| {
        s["actor"] =
            json!({ "account": { "homePage": "https://b.example", "name": "x", "extra": 1 } })
    });
    assert_path(&error, "actor.account.extra");
    accepted(|s| {
        s["actor"] = json!({ "mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9" })
    });
    accepted(|s| s["actor"] = json!({ "objectType": "Agent", "openid": "https://id.example/a" }));
}

#[test]
fn groups_follow_the_anonymous_and_identified_rules() {
    let error = rejected(|s| s["actor"] = json!({ "objectType": "Group", "name": "team" }));
    assert_path(&error, "actor.member");
    let error = rejected(|s| {
        s["actor"] = json!({
            "objectType": "Group",
            "member": [{ "objectType": "Group", "mbox": "mailto:g@example.com" }]
        })
    });
    assert_path(&error, "actor.member[0].objectType");
    let error = rejected(|s| {
        s["actor"] = json!({ "objectType": "Group", "member": [{ "name": "no identifier" }] })
    });
    assert_path(&error, "actor.member[0]");
    let error = rejected(|s| {
        s["actor"] = json!({
            "objectType": "Group",
            "mbox": "mailto:g@example.com",
            "account": { "homePage": "https://b.example", "name": "g" }
        })
    });
    assert_path(&error, "actor");
    accepted(|s| {
        s["actor"] =
            json!({ "objectType": "Group", "member": [{ "mbox": "mailto:a@example.com" }] })
    });
    accepted(|s| s["actor"] = json!({ "objectType": "Group", "mbox": "mailto:g@example.com" }));
}

#[test]
fn object_types_are_exact() {
    let error = rejected(|s| s["actor"]["objectType"] = json!("agent"));
    assert_path(&error, "actor.objectType");
    let error = rejected(|s| s["object"]["objectType"] = json!("activity"));
    assert_path(&error, "object.objectType");
}

#[test]
fn agents_as_objects_need_an_object_type() {
    // Without objectType the object is read as an activity, which has no mbox.
    let error = rejected(|s| s["object"] = json!({ "mbox": "mailto:b@example.com" }));
    assert_path(&error, "object.mbox");
    accepted(|s| s["object"] = json!({ "objectType": "Agent", "mbox": "mailto:b@example.com" }));
}

#[test]
fn timestamps_need_a_zone_and_a_real_date() {
    let error = rejected(|s| s["timestamp"] = json!("2024-05-01T09:30:00"));
    assert_path(&error, "timestamp");
    assert!(error.message.contains("no time zone"), "{error}");
    for bad in [
        "2024-13-01T09:30:00Z",
        "yesterday",
        "2024-05-01",
        "2024-05-01T25:00:00Z",
    ] {
        let error = rejected(|s| s["timestamp"] = json!(bad));
        assert_path(&error, "timestamp");
    }
    let statement = accepted(|s| s["timestamp"] = json!("2024-05-01T18:30:00.123+09:00"));
    assert_eq!(
        statement.timestamp.unwrap().to_rfc3339(),
        "2024-05-01T09:30:00.123Z"
    );
    accepted(|s| s["timestamp"] = json!("2024-05-01T09:30:00.123456789Z"));
    accepted(|s| s["timestamp"] = json!("2024-05-01T09:30:00+0900"));
    let error = rejected(|s| s["stored"] = json!("2024-05-01 09:30"));
    assert_path(&error, "stored");
}

#[test]
fn scores_stay_in_range() {
    let error = rejected(|s| s["result"] = json!({ "score": { "scaled": 1.5 } }));
    assert_path(&error, "result.score.scaled");
    let error = rejected(|s| s["result"] = json!({ "score": { "scaled": -1.01 } }));
    assert_path(&error, "result.score.scaled");
    let error = rejected(|s| s["result"] = json!({ "score": { "raw": 11, "min": 0, "max": 10 } }));
    assert_path(&error, "result.score.raw");
    let error = rejected(|s| s["result"] = json!({ "score": { "raw": -1, "min": 0 } }));
    assert_path(&error, "result.score.raw");
    let error = rejected(|s| s["result"] = json!({ "score": { "min": 10, "max": 10 } }));
    assert_path(&error, "result.score.min");
    let error = rejected(|s| s["result"] = json!({ "score": { "scaled": "0.5" } }));
    assert_eq!(error.message, "must be a number, not a string");
    let statement =
        accepted(|s| s["result"] = json!({ "score": { "scaled": -1, "raw": 10, "max": 10 } }));
    // Integers stay integers when the statement is serialized again.
    assert_eq!(statement.to_json()["result"]["score"]["raw"], json!(10));
}

#[test]
fn result_fields_have_their_types() {
    let error = rejected(|s| s["result"] = json!({ "success": "true" }));
    assert_path(&error, "result.success");
    let error = rejected(|s| s["result"] = json!({ "completion": 1 }));
    assert_path(&error, "result.completion");
    let error = rejected(|s| s["result"] = json!({ "response": ["a"] }));
    assert_path(&error, "result.response");
}

#[test]
fn durations_use_the_designator_format() {
    for good in [
        "PT1M30S",
        "PT16559.14S",
        "P3Y1M29DT4H35M59.14S",
        "P3Y",
        "P4W",
        "PT0S",
    ] {
        accepted(|s| s["result"] = json!({ "duration": good }));
    }
    for bad in [
        "P4W1D",
        "1M",
        "P",
        "PT",
        "P0003-02-01T04:35:59",
        "PT1.5M30S",
        "PT1S1M",
        "P1H",
    ] {
        let error = rejected(|s| s["result"] = json!({ "duration": bad }));
        assert_path(&error, "result.duration");
    }
}

#[test]
fn voiding_statements_must_reference_a_statement() {
    let error = rejected(|s| s["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/voided"));
    assert_path(&error, "object.objectType");
    let statement = accepted(|s| {
        s["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/voided");
        s["object"] =
            json!({ "objectType": "StatementRef", "id": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e90" });
    });
    assert!(statement.is_voiding());
    assert_eq!(
        statement
            .voided_statement_id()
            .map(|id| id.to_string())
            .as_deref(),
        Some("0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e90")
    );
}

#[test]
fn statement_refs_need_a_uuid() {
    let error = rejected(|s| s["object"] = json!({ "objectType": "StatementRef", "id": "x" }));
    assert_path(&error, "object.id");
}

fn sub_statement() -> Value {
    json!({
        "objectType": "SubStatement",
        "actor": { "mbox": "mailto:learner@example.com" },
        "verb": { "id": "https://baeum.example/verbs/will-review" },
        "object": { "id": "https://baeum.example/lessons/hangul-2" },
        "timestamp": "2999-01-01T00:00:00Z"
    })
}

#[test]
fn substatements_are_validated_and_restricted() {
    accepted(|s| s["object"] = sub_statement());
    for forbidden in ["id", "stored", "version", "authority"] {
        let error = rejected(|s| {
            let mut object = sub_statement();
            object[forbidden] = json!("0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f");
            s["object"] = object;
        });
        assert_path(&error, &format!("object.{forbidden}"));
    }
    let error = rejected(|s| {
        let mut object = sub_statement();
        object["object"] = sub_statement();
        s["object"] = object;
    });
    assert_path(&error, "object.object.objectType");
    let error = rejected(|s| {
        let mut object = sub_statement();
        object["verb"]["id"] = json!("not an iri");
        s["object"] = object;
    });
    assert_path(&error, "object.verb.id");
}

#[test]
fn context_rules() {
    let error = rejected(|s| s["context"] = json!({ "registration": "abc" }));
    assert_path(&error, "context.registration");
    let error = rejected(|s| s["context"] = json!({ "language": "ko_KR" }));
    assert_path(&error, "context.language");
    let error = rejected(|s| s["context"] = json!({ "contextActivities": { "sibling": [] } }));
    assert_path(&error, "context.contextActivities.sibling");
    let error = rejected(|s| {
        s["context"] = json!({ "contextActivities": { "parent": [{ "id": "relative/path" }] } })
    });
    assert_path(&error, "context.contextActivities.parent[0].id");
    let error = rejected(|s| s["context"] = json!({ "team": { "mbox": "mailto:t@example.com" } }));
    assert_path(&error, "context.team.objectType");
    let error = rejected(|s| {
        s["context"] = json!({ "statement": { "id": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f" } })
    });
    assert_path(&error, "context.statement.objectType");
    let error = rejected(|s| {
        s["object"] = json!({ "objectType": "Agent", "mbox": "mailto:b@example.com" });
        s["context"] = json!({ "platform": "baeum web" });
    });
    assert_path(&error, "context.platform");
    let error = rejected(|s| {
        s["object"] = json!({ "objectType": "Agent", "mbox": "mailto:b@example.com" });
        s["context"] = json!({ "revision": "2" });
    });
    assert_path(&error, "context.revision");
    let error = rejected(|s| s["context"] = json!({ "extensions": { "not-an-iri": 1 } }));
    assert_path(&error, "context.extensions.not-an-iri");
}

#[test]
fn single_context_activities_become_arrays() {
    let statement = accepted(|s| {
        s["context"] = json!({
            "registration": "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
            "contextActivities": { "parent": { "id": "https://baeum.example/courses/korean-1" } },
            "platform": "baeum web",
            "language": "ko-KR"
        })
    });
    assert_eq!(
        statement.to_json()["context"]["contextActivities"]["parent"],
        json!([{ "objectType": "Activity", "id": "https://baeum.example/courses/korean-1" }])
    );
}

#[test]
fn interaction_definitions() {
    let definition = |extra: Value| {
        let mut definition = json!({
            "name": { "ko": "받침 고르기" },
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "interactionType": "choice",
            "correctResponsesPattern": ["a"],
            "choices": [{ "id": "a", "description": { "en": "ㄱ" } }, { "id": "b" }]
        });
        if let (Some(map), Value::Object(extra)) = (definition.as_object_mut(), extra) {
            map.extend(extra);
        }
        definition
    };
    accepted(|s| s["object"]["definition"] = definition(json!({})));
    let error = rejected(|s| {
        s["object"]["definition"] = definition(json!({ "interactionType": "multiple-choice" }))
    });
    assert_path(&error, "object.definition.interactionType");
    let error = rejected(|s| {
        s["object"]["definition"] = definition(json!({ "choices": [{ "id": "a" }, { "id": "a" }] }))
    });
    assert_path(&error, "object.definition.choices[1].id");
    let error =
        rejected(|s| s["object"]["definition"] = definition(json!({ "steps": [{ "id": "s1" }] })));
    assert_path(&error, "object.definition.steps");
    let error =
        rejected(|s| s["object"]["definition"] = json!({ "correctResponsesPattern": ["true"] }));
    assert_path(&error, "object.definition.interactionType");
    let error = rejected(|s| s["object"]["definition"] = json!({ "moreInfo": "docs" }));
    assert_path(&error, "object.definition.moreInfo");
}

#[test]
fn versions_must_be_1_0_or_2_0() {
    accepted(|s| s["version"] = json!("1.0.0"));
    accepted(|s| s["version"] = json!("2.0.0"));
    for bad in ["1.1.0", "0.95", "2.0", "3.0.0", "2.0.x"] {
        let error = rejected(|s| s["version"] = json!(bad));
        assert_path(&error, "version");
    }
}

#[test]
fn attachments_metadata() {
    let attachment = json!({
        "usageType": "https://baeum.example/attachments/recording",
        "display": { "ko": "녹음" },
        "contentType": "audio/ogg",
        "length": 2048,
        "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
        "fileUrl": "https://baeum.example/files/1.ogg"
    });
    accepted(|s| s["attachments"] = json!([attachment.clone()]));
    let mut bad_length = attachment.clone();
    bad_length["length"] = json!(-1);
    let error = rejected(|s| s["attachments"] = json!([bad_length]));
    assert_path(&error, "attachments[0].length");
    let mut bad_hash = attachment.clone();
    bad_hash["sha2"] = json!("abc");
    let error = rejected(|s| s["attachments"] = json!([bad_hash]));
    assert_path(&error, "attachments[0].sha2");
    let mut missing_display = attachment;
    missing_display.as_object_mut().unwrap().remove("display");
    let error = rejected(|s| s["attachments"] = json!([missing_display]));
    assert_path(&error, "attachments[0].display");
}

#[test]
fn errors_can_be_located_in_a_batch() {
    let error = rejected(|s| s["verb"]["id"] = json!("x")).within("statements[3]");
    assert_eq!(error.path, "statements[3].verb.id");
    assert!(error.to_string().starts_with("statements[3].verb.id: "));
}

/// xAPI 2.0's `context.contextAgents` and `context.contextGroups`.
#[test]
fn context_agents_and_groups_are_accepted_returned_and_matched_by_related_agents() {
    let parsed = accepted(|statement| {
        statement["context"] = json!({
            "contextAgents": [{
                "objectType": "contextAgent",
                "agent": { "mbox": "mailto:mentor@example.com", "name": "Mentor" },
                "relevantTypes": ["https://baeum.example/relevance/mentor"]
            }],
            "contextGroups": [{
                "objectType": "contextGroup",
                "group": { "objectType": "Group", "mbox": "mailto:class@example.com" }
            }]
        });
    });
    let json = parsed.to_json();
    assert_eq!(
        json["context"]["contextAgents"][0]["objectType"],
        "contextAgent"
    );
    assert_eq!(
        json["context"]["contextGroups"][0]["group"]["mbox"],
        "mailto:class@example.com"
    );
    let related = parsed.related_agent_keys();
    assert!(related.contains(&"mbox:mailto:mentor@example.com".to_owned()));
    assert!(related.contains(&"mbox:mailto:class@example.com".to_owned()));
    assert!(
        !parsed
            .agent_keys()
            .contains(&"mbox:mailto:mentor@example.com".to_owned()),
        "only related_agents=true matches a context agent"
    );
    let ids = parsed.to_ids_format().to_json();
    assert_eq!(
        ids["context"]["contextAgents"][0]["agent"],
        json!({"objectType": "Agent", "mbox": "mailto:mentor@example.com"})
    );
}

#[test]
fn context_agents_and_groups_break_no_rule_unnoticed() {
    let cases: [(Value, &str); 7] = [
        (
            json!({"contextAgents": [{"agent": {"mbox": "mailto:a@example.com"}}]}),
            "context.contextAgents[0].objectType",
        ),
        (
            json!({"contextAgents": [{"objectType": "Agent", "agent": {"mbox": "mailto:a@example.com"}}]}),
            "context.contextAgents[0].objectType",
        ),
        (
            json!({"contextAgents": [{"objectType": "contextAgent"}]}),
            "context.contextAgents[0].agent",
        ),
        (
            json!({"contextAgents": [{"objectType": "contextAgent",
                "agent": {"objectType": "Group", "mbox": "mailto:g@example.com"}}]}),
            "context.contextAgents[0].agent.objectType",
        ),
        (
            json!({"contextAgents": [{"objectType": "contextAgent",
                "agent": {"mbox": "mailto:a@example.com"}, "relevantTypes": []}]}),
            "context.contextAgents[0].relevantTypes",
        ),
        (
            json!({"contextGroups": [{"objectType": "contextGroup",
                "group": {"objectType": "Group", "mbox": "mailto:g@example.com"},
                "relevantTypes": ["not an iri"]}]}),
            "context.contextGroups[0].relevantTypes[0]",
        ),
        (
            json!({"contextGroups": {"objectType": "contextGroup"}}),
            "context.contextGroups",
        ),
    ];
    for (context, path) in cases {
        let error = rejected(|statement| statement["context"] = context.clone());
        assert_path(&error, path);
    }
}
