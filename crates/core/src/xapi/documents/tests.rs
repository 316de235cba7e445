//! The document rules, each test named after the requirement (Communication part) it checks.

use super::*;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

const AGENT: &str =
    r#"{"objectType":"Agent","account":{"homePage":"https://school.example","name":"ana"}}"#;
const ACTIVITY: &str = "https://school.example/courses/hangul/1";

fn json(text: &str) -> Document {
    Document {
        content_type: "application/json".to_owned(),
        contents: text.as_bytes().to_vec(),
    }
}

fn state(method: DocumentMethod, extra: &[(&str, &str)]) -> Result<DocumentRequest, DocumentError> {
    let mut list = vec![("activityId", ACTIVITY), ("agent", AGENT)];
    list.extend_from_slice(extra);
    parse_document_request(DocumentResource::State, method, &pairs(&list))
}

#[test]
fn state_2_3_s3_activity_agent_and_state_id_address_one_document() {
    let request = state(DocumentMethod::Put, &[("stateId", "bookmark")]).expect("valid");
    assert_eq!(request.id.as_deref(), Some("bookmark"));
    assert_eq!(request.scope.activity_id.as_deref(), Some(ACTIVITY));
    assert_eq!(
        request.scope.agent_key().as_deref(),
        Some("account:https://school.example|ana")
    );
    assert_eq!(request.scope.registration, None);
}

#[test]
fn state_2_3_s3_activity_id_and_agent_are_required() {
    for missing in ["activityId", "agent"] {
        let list: Vec<_> = [("activityId", ACTIVITY), ("agent", AGENT), ("stateId", "a")]
            .into_iter()
            .filter(|(name, _)| *name != missing)
            .collect();
        let refused =
            parse_document_request(DocumentResource::State, DocumentMethod::Get, &pairs(&list));
        assert!(
            matches!(refused, Err(DocumentError::BadRequest(ref message)) if message.contains(missing)),
            "{missing}: {refused:?}"
        );
    }
}

#[test]
fn state_2_3_s3_registration_must_be_a_uuid() {
    assert!(state(DocumentMethod::Get, &[("registration", "not-a-uuid")]).is_err());
    let request = state(
        DocumentMethod::Get,
        &[("registration", "0190f0a4-7b1c-7d2e-8f30-000000000001")],
    )
    .expect("a UUID registration");
    assert!(request.scope.registration.is_some());
}

#[test]
fn agent_parameter_must_be_an_agent_object_in_json() {
    for agent in [
        "ana",
        r#"{"objectType":"Agent"}"#,
        r#"{"objectType":"Group","mbox":"mailto:class@school.example"}"#,
    ] {
        let list = [("activityId", ACTIVITY), ("agent", agent)];
        assert!(
            parse_document_request(DocumentResource::State, DocumentMethod::Get, &pairs(&list))
                .is_err(),
            "{agent}"
        );
    }
}

#[test]
fn activity_id_must_be_an_iri() {
    let list = [("activityId", "hangul 1"), ("agent", AGENT)];
    assert!(
        parse_document_request(DocumentResource::State, DocumentMethod::Get, &pairs(&list))
            .is_err()
    );
}

#[test]
fn unknown_parameters_are_refused() {
    assert!(state(DocumentMethod::Get, &[("profileId", "x")]).is_err());
    let list = [("agent", AGENT), ("activityId", ACTIVITY)];
    assert!(parse_document_request(
        DocumentResource::AgentProfile,
        DocumentMethod::Get,
        &pairs(&list)
    )
    .is_err());
}

#[test]
fn state_2_3_s4_since_lists_ids_and_is_refused_with_a_state_id() {
    let listed = state(DocumentMethod::Get, &[("since", "2026-12-01T10:00:00Z")]).expect("list");
    assert!(listed.since.is_some() && listed.id.is_none());
    assert!(state(
        DocumentMethod::Get,
        &[("since", "2026-12-01T10:00:00Z"), ("stateId", "a")]
    )
    .is_err());
    assert!(state(DocumentMethod::Get, &[("since", "yesterday")]).is_err());
    assert!(state(DocumentMethod::Delete, &[("since", "2026-12-01T10:00:00Z")]).is_err());
}

#[test]
fn state_2_3_s5_delete_without_state_id_addresses_the_whole_scope() {
    let request = state(DocumentMethod::Delete, &[]).expect("a scope delete");
    assert_eq!(request.id, None);
    assert!(
        state(DocumentMethod::Put, &[]).is_err(),
        "PUT needs stateId"
    );
    assert!(
        state(DocumentMethod::Post, &[]).is_err(),
        "POST needs stateId"
    );
}

#[test]
fn profiles_2_6_and_2_7_take_their_own_scope() {
    let agent = parse_document_request(
        DocumentResource::AgentProfile,
        DocumentMethod::Put,
        &pairs(&[("agent", AGENT), ("profileId", "settings")]),
    )
    .expect("agent profile");
    assert_eq!(agent.scope.activity_id, None);
    let activity = parse_document_request(
        DocumentResource::ActivityProfile,
        DocumentMethod::Get,
        &pairs(&[("activityId", ACTIVITY)]),
    )
    .expect("activity profile list");
    assert_eq!(activity.scope.agent, None);
    assert!(parse_document_request(
        DocumentResource::ActivityProfile,
        DocumentMethod::Delete,
        &pairs(&[("activityId", ACTIVITY)]),
    )
    .is_err());
}

#[test]
fn concurrency_3_1_s4_b2_etag_is_the_lowercase_sha1_hex_of_the_contents() {
    // SHA-1 of "abc", from FIPS 180-1's test vectors.
    assert_eq!(
        json("abc").etag(),
        "a9993e364706816aba3e25717850c26c9cd0d89d"
    );
}

#[test]
fn json_procedure_2_2_s7_merges_top_level_properties() {
    let merged = apply_write(
        DocumentResource::State,
        Some(&json(r#"{"x":"foo","y":"bar"}"#)),
        DocumentWrite::Post(json(r#"{"x":"bash","z":"faz"}"#)),
        Preconditions::default(),
    )
    .expect("merged")
    .expect("a document");
    let value: Value = serde_json::from_slice(&merged.contents).expect("JSON");
    assert_eq!(
        value,
        serde_json::json!({"x": "bash", "y": "bar", "z": "faz"})
    );
}

#[test]
fn json_procedure_2_2_s8_b1_a_non_json_side_is_400() {
    let text = Document {
        content_type: "text/plain".to_owned(),
        contents: b"hello".to_vec(),
    };
    for (stored, posted) in [
        (text.clone(), json("{}")),
        (json("{}"), text.clone()),
        (json("[1]"), json("{}")),
        (json("{}"), json("not json")),
    ] {
        assert!(matches!(
            apply_write(
                DocumentResource::State,
                Some(&stored),
                DocumentWrite::Post(posted),
                Preconditions::default()
            ),
            Err(DocumentError::BadRequest(_))
        ));
    }
}

#[test]
fn post_without_a_stored_document_creates_it() {
    let created = apply_write(
        DocumentResource::AgentProfile,
        None,
        DocumentWrite::Post(json(r#"{"a":1}"#)),
        Preconditions::default(),
    )
    .expect("created");
    assert_eq!(created, Some(json(r#"{"a":1}"#)));
}

#[test]
fn concurrency_3_1_s4_b13_put_over_a_profile_without_headers_is_409() {
    let stored = json("{}");
    for resource in [
        DocumentResource::AgentProfile,
        DocumentResource::ActivityProfile,
    ] {
        assert_eq!(
            apply_write(
                resource,
                Some(&stored),
                DocumentWrite::Put(json("{}")),
                Preconditions::default()
            ),
            Err(DocumentError::Conflict)
        );
    }
    // 3.1.s3: the State resource permits writes without concurrency headers.
    assert!(apply_write(
        DocumentResource::State,
        Some(&stored),
        DocumentWrite::Put(json("{}")),
        Preconditions::default()
    )
    .is_ok());
}

#[test]
fn concurrency_3_1_s4_b5_if_match_lets_through_only_the_stored_version() {
    let stored = json(r#"{"v":1}"#);
    let etag = format!("\"{}\"", stored.etag());
    let put = |if_match: &str| {
        apply_write(
            DocumentResource::ActivityProfile,
            Some(&stored),
            DocumentWrite::Put(json(r#"{"v":2}"#)),
            Preconditions {
                if_match: Some(if_match),
                if_none_match: None,
            },
        )
    };
    assert!(put(&etag).is_ok());
    assert!(put("*").is_ok());
    assert!(put(&format!("\"0000\", {etag}")).is_ok());
    assert!(matches!(
        put("\"0000000000000000000000000000000000000000\""),
        Err(DocumentError::PreconditionFailed(_))
    ));
    // If-Match with no document at all fails too.
    assert!(matches!(
        apply_write(
            DocumentResource::ActivityProfile,
            None,
            DocumentWrite::Put(json("{}")),
            Preconditions {
                if_match: Some("*"),
                if_none_match: None
            }
        ),
        Err(DocumentError::PreconditionFailed(_))
    ));
}

#[test]
fn concurrency_3_1_s4_b6_if_none_match_star_writes_only_a_new_document() {
    let star = Preconditions {
        if_match: None,
        if_none_match: Some("*"),
    };
    assert!(apply_write(
        DocumentResource::AgentProfile,
        None,
        DocumentWrite::Put(json("{}")),
        star
    )
    .is_ok());
    assert!(matches!(
        apply_write(
            DocumentResource::AgentProfile,
            Some(&json("{}")),
            DocumentWrite::Put(json("{}")),
            star
        ),
        Err(DocumentError::PreconditionFailed(_))
    ));
}

#[test]
fn concurrency_3_1_s4_b7_delete_honours_if_match() {
    let stored = json(r#"{"v":1}"#);
    assert!(matches!(
        apply_write(
            DocumentResource::AgentProfile,
            Some(&stored),
            DocumentWrite::Delete,
            Preconditions {
                if_match: Some("\"ffff\""),
                if_none_match: None
            }
        ),
        Err(DocumentError::PreconditionFailed(_))
    ));
    assert_eq!(
        apply_write(
            DocumentResource::AgentProfile,
            Some(&stored),
            DocumentWrite::Delete,
            Preconditions::default()
        ),
        Ok(None)
    );
}

#[test]
fn json_media_types_with_parameters_count_as_json() {
    assert!(is_json_media_type("application/json"));
    assert!(is_json_media_type("Application/JSON; charset=utf-8"));
    assert!(!is_json_media_type("application/jsonp"));
    assert!(!is_json_media_type("text/json"));
}

#[test]
fn agents_2_4_s3_b3_an_unknown_agent_is_still_a_person_of_itself() {
    let agent = parse_agents_request(&pairs(&[("agent", AGENT)])).expect("an agent");
    assert_eq!(
        person_of(&agent),
        serde_json::json!({
            "objectType": "Person",
            "account": [{ "homePage": "https://school.example", "name": "ana" }]
        })
    );
    let named = parse_agents_request(&pairs(&[(
        "agent",
        r#"{"name":"Ana","mbox":"mailto:ana@school.example"}"#,
    )]))
    .expect("an agent");
    assert_eq!(
        person_of(&named),
        serde_json::json!({
            "objectType": "Person", "name": ["Ana"], "mbox": ["mailto:ana@school.example"]
        })
    );
}

#[test]
fn agents_2_4_s2_the_agent_parameter_is_required_and_alone() {
    assert!(parse_agents_request(&pairs(&[])).is_err());
    assert!(parse_agents_request(&pairs(&[("agent", AGENT), ("since", "x")])).is_err());
    assert!(parse_agents_request(&pairs(&[(
        "agent",
        r#"{"objectType":"Group","member":[]}"#
    )]))
    .is_err());
}

#[test]
fn activities_2_5_s1_activity_id_is_a_required_iri() {
    assert_eq!(
        parse_activities_request(&pairs(&[("activityId", ACTIVITY)])),
        Ok(ACTIVITY.to_owned())
    );
    assert!(parse_activities_request(&pairs(&[("activityId", "quiz 7")])).is_err());
    assert!(parse_activities_request(&pairs(&[])).is_err());
}
