//! Querying statements: filters, paging with `more`, since/until, voiding and the StatementRef
//! rule.

mod xapi_support;

use baeum_server::store::Role;
use serde_json::{json, Value};
use xapi_support::{account, encode, send, state, statement, xapi, TestAccount};

const VOIDED: &str = "http://adlnet.gov/expapi/verbs/voided";

fn id(number: u32) -> String {
    format!("0190f0a4-7b1c-7d2e-8f30-{number:012x}")
}

async fn post(state: &baeum_server::AppState, who: &TestAccount, body: &Value) -> Value {
    let reply = send(
        state,
        xapi("POST", "/xapi/statements", Some(&who.basic()), Some(body)),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply.body
}

async fn get(state: &baeum_server::AppState, who: &TestAccount, query: &str) -> Value {
    let reply = send(
        state,
        xapi(
            "GET",
            &format!("/xapi/statements{query}"),
            Some(&who.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{query}: {:?}", reply.body);
    reply.body
}

fn ids_of(result: &Value) -> Vec<String> {
    result["statements"]
        .as_array()
        .map(|statements| {
            statements
                .iter()
                .map(|statement| statement["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Posts statements with ids 1..=count for `who`, one request each so their stored times
/// differ, and returns the ids in posting order.
async fn post_series(state: &baeum_server::AppState, who: &TestAccount, count: u32) -> Vec<String> {
    let mut ids = Vec::new();
    for number in 1..=count {
        let mut body = statement(&who.actor(state), &format!("lesson-{number}"));
        body["id"] = json!(id(number));
        post(state, who, &body).await;
        ids.push(id(number));
    }
    ids
}

#[tokio::test]
async fn an_empty_store_returns_an_empty_result() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let reply = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, json!({ "statements": [], "more": "" }));
    assert!(reply
        .header("x-experience-api-consistent-through")
        .is_some());
}

#[tokio::test]
async fn results_are_newest_first_and_page_through_more() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let posted = post_series(&state, &learner, 5).await;
    let newest_first: Vec<String> = posted.iter().rev().cloned().collect();

    let all = get(&state, &learner, "").await;
    assert_eq!(ids_of(&all), newest_first);
    assert_eq!(all["more"], "");

    let mut collected = Vec::new();
    let mut page = get(&state, &learner, "?limit=2").await;
    let mut pages = 1;
    loop {
        assert!(ids_of(&page).len() <= 2);
        collected.extend(ids_of(&page));
        let more = page["more"].as_str().unwrap_or_default().to_owned();
        if more.is_empty() {
            break;
        }
        assert!(more.starts_with("/xapi/statements?more="), "{more}");
        // A statement stored after the first page does not disturb the pages that follow.
        if pages == 1 {
            let mut late = statement(&learner.actor(&state), "late");
            late["id"] = json!(id(99));
            post(&state, &learner, &late).await;
        }
        let reply = send(&state, xapi("GET", &more, Some(&learner.basic()), None)).await;
        assert_eq!(reply.status, 200);
        page = reply.body;
        pages += 1;
    }
    assert_eq!(pages, 3);
    assert_eq!(collected, newest_first);

    let ascending = get(&state, &learner, "?ascending=true&limit=3").await;
    assert_eq!(ids_of(&ascending), posted[..3].to_vec());
    let more = ascending["more"].as_str().unwrap_or_default().to_owned();
    let rest = send(&state, xapi("GET", &more, Some(&learner.basic()), None))
        .await
        .body;
    assert_eq!(
        ids_of(&rest),
        vec![posted[3].clone(), posted[4].clone(), id(99)]
    );

    let with_other = format!("{more}&limit=1");
    let reply = send(
        &state,
        xapi("GET", &with_other, Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(reply.status, 400);
}

#[tokio::test]
async fn since_is_exclusive_and_until_inclusive() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    post_series(&state, &learner, 3).await;
    let all = get(&state, &learner, "?ascending=true").await;
    let stored: Vec<String> = all["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["stored"].as_str().unwrap().to_owned())
        .collect();
    assert!(stored[0] < stored[1] && stored[1] < stored[2], "{stored:?}");

    let since = get(
        &state,
        &learner,
        &format!("?ascending=true&since={}", encode(&stored[0])),
    )
    .await;
    assert_eq!(ids_of(&since), vec![id(2), id(3)]);
    let until = get(
        &state,
        &learner,
        &format!("?ascending=true&until={}", encode(&stored[1])),
    )
    .await;
    assert_eq!(ids_of(&until), vec![id(1), id(2)]);
    let window = get(
        &state,
        &learner,
        &format!("?since={}&until={}", encode(&stored[0]), encode(&stored[1])),
    )
    .await;
    assert_eq!(ids_of(&window), vec![id(2)]);
    // Another zone, same instant.
    let instant = chrono::DateTime::parse_from_rfc3339(&stored[1]).unwrap();
    let in_seoul = instant
        .with_timezone(&chrono::FixedOffset::east_opt(9 * 3600).unwrap())
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, false);
    let since_seoul = get(&state, &learner, &format!("?since={}", encode(&in_seoul))).await;
    assert_eq!(ids_of(&since_seoul), vec![id(3)]);
}

#[tokio::test]
async fn voided_statements_disappear_except_by_voided_statement_id() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    post_series(&state, &learner, 2).await;
    let voiding = json!({
        "id": id(50),
        "actor": learner.actor(&state),
        "verb": { "id": VOIDED, "display": { "en": "voided" } },
        "object": { "objectType": "StatementRef", "id": id(1) }
    });
    post(&state, &learner, &voiding).await;

    assert_eq!(
        ids_of(&get(&state, &learner, "").await),
        vec![id(50), id(2)]
    );
    let by_id = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(1)),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(by_id.status, 404);
    let by_voided_id = get(&state, &learner, &format!("?voidedStatementId={}", id(1))).await;
    assert_eq!(by_voided_id["id"], id(1));
    let not_voided = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?voidedStatementId={}", id(2)),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(not_voided.status, 404);

    // The voiding statement matches a filter on the voided statement's activity (the
    // StatementRef rule) even though the voided statement itself is gone.
    let activity = encode("https://baeum.example/lessons/lesson-1");
    assert_eq!(
        ids_of(&get(&state, &learner, &format!("?activity={activity}")).await),
        vec![id(50)]
    );

    // A voiding statement cannot be voided.
    let void_the_voiding = json!({
        "id": id(51),
        "actor": learner.actor(&state),
        "verb": { "id": VOIDED },
        "object": { "objectType": "StatementRef", "id": id(50) }
    });
    post(&state, &learner, &void_the_voiding).await;
    let remaining = ids_of(&get(&state, &learner, "").await);
    assert!(remaining.contains(&id(50)), "{remaining:?}");
}

#[tokio::test]
async fn a_statement_arriving_after_its_voiding_statement_is_voided() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let voiding = json!({
        "id": id(60),
        "actor": learner.actor(&state),
        "verb": { "id": VOIDED },
        "object": { "objectType": "StatementRef", "id": id(1) }
    });
    post(&state, &learner, &voiding).await;
    post_series(&state, &learner, 1).await;
    assert_eq!(ids_of(&get(&state, &learner, "").await), vec![id(60)]);
    let by_voided_id = get(&state, &learner, &format!("?voidedStatementId={}", id(1))).await;
    assert_eq!(by_voided_id["id"], id(1));
}

#[tokio::test]
async fn filters_match_verb_activity_registration_and_agent() {
    let state = state();
    let admin = account(&state, "admin", Role::Admin).await;
    let registration = "6a5f2b9c-0d1e-4f2a-8b3c-4d5e6f708192";
    let someone = json!({ "mbox": "mailto:someone@example.com" });
    let other = json!({ "objectType": "Agent", "mbox": "mailto:other@example.com" });
    let statements = json!([
        {
            "id": id(1), "actor": someone,
            "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
            "object": { "id": "https://baeum.example/lessons/a" },
            "context": {
                "registration": registration,
                "contextActivities": { "parent": [{ "id": "https://baeum.example/courses/korean" }] }
            }
        },
        {
            "id": id(2), "actor": other,
            "verb": { "id": "http://adlnet.gov/expapi/verbs/attempted" },
            "object": { "id": "https://baeum.example/lessons/b" },
            "context": { "instructor": { "mbox": "mailto:someone@EXAMPLE.com" } }
        },
        {
            "id": id(3), "actor": other,
            "verb": { "id": "http://adlnet.gov/expapi/verbs/mentored" },
            "object": { "objectType": "Agent", "mbox": "mailto:someone@example.com" }
        },
        {
            "id": id(4), "actor": { "objectType": "Group", "member": [someone, other] },
            "verb": { "id": "http://adlnet.gov/expapi/verbs/attended" },
            "object": { "id": "https://baeum.example/meetings/1" }
        },
        {
            "id": id(5), "actor": other,
            "verb": { "id": "https://baeum.example/verbs/commented" },
            "object": { "objectType": "StatementRef", "id": id(1) }
        }
    ]);
    post(&state, &admin, &statements).await;
    let sorted = |mut ids: Vec<String>| {
        ids.sort();
        ids
    };
    let verb = encode("http://adlnet.gov/expapi/verbs/completed");
    assert_eq!(
        sorted(ids_of(&get(&state, &admin, &format!("?verb={verb}")).await)),
        vec![id(1), id(5)]
    );
    let activity = encode("https://baeum.example/lessons/b");
    assert_eq!(
        ids_of(&get(&state, &admin, &format!("?activity={activity}")).await),
        vec![id(2)]
    );
    let course = encode("https://baeum.example/courses/korean");
    assert_eq!(
        ids_of(&get(&state, &admin, &format!("?activity={course}")).await),
        Vec::<String>::new()
    );
    assert_eq!(
        sorted(ids_of(
            &get(
                &state,
                &admin,
                &format!("?activity={course}&related_activities=true")
            )
            .await
        )),
        vec![id(1), id(5)]
    );
    assert_eq!(
        sorted(ids_of(
            &get(&state, &admin, &format!("?registration={registration}")).await
        )),
        vec![id(1), id(5)]
    );
    let agent = encode(&json!({ "mbox": "mailto:someone@example.com" }).to_string());
    assert_eq!(
        sorted(ids_of(
            &get(&state, &admin, &format!("?agent={agent}")).await
        )),
        vec![id(1), id(3), id(4), id(5)]
    );
    assert_eq!(
        sorted(ids_of(
            &get(
                &state,
                &admin,
                &format!("?agent={agent}&related_agents=true")
            )
            .await
        )),
        vec![id(1), id(2), id(3), id(4), id(5)]
    );
    let both = get(&state, &admin, &format!("?agent={agent}&verb={verb}")).await;
    assert_eq!(sorted(ids_of(&both)), vec![id(1), id(5)]);
}

/// xAPI 2.0: a context agent or a member of a context group is matched by `related_agents`,
/// and not by the plain `agent` filter.
#[tokio::test]
async fn context_agents_and_groups_are_matched_by_related_agents() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let admin = account(&state, "admin", Role::Admin).await;
    let mut body = statement(&learner.actor(&state), "lesson-1");
    body["id"] = json!(id(1));
    body["context"] = json!({
        "contextAgents": [{
            "objectType": "contextAgent",
            "agent": { "mbox": "mailto:mentor@example.com" },
            "relevantTypes": ["https://baeum.example/relevance/mentor"]
        }],
        "contextGroups": [{
            "objectType": "contextGroup",
            "group": { "objectType": "Group", "member": [{ "mbox": "mailto:pair@example.com" }] }
        }]
    });
    post(&state, &learner, &body).await;
    for mbox in ["mailto:mentor@example.com", "mailto:pair@example.com"] {
        let agent = encode(&json!({ "mbox": mbox }).to_string());
        assert_eq!(
            ids_of(
                &get(
                    &state,
                    &admin,
                    &format!("?agent={agent}&related_agents=true")
                )
                .await
            ),
            vec![id(1)],
            "{mbox}"
        );
        assert!(ids_of(&get(&state, &admin, &format!("?agent={agent}")).await).is_empty());
    }
    let stored = get(&state, &learner, &format!("?statementId={}", id(1))).await;
    assert_eq!(
        stored["context"]["contextAgents"][0]["relevantTypes"],
        json!(["https://baeum.example/relevance/mentor"])
    );
}

/// Communication 2.1.3.s4: `format=canonical` keeps one language per language map, the one
/// `Accept-Language` prefers; `exact` keeps them all.
#[tokio::test]
async fn canonical_format_keeps_the_accepted_language_of_each_map() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let mut body = statement(&learner.actor(&state), "lesson-1");
    body["id"] = json!(id(1));
    body["object"]["definition"] = json!({ "name": { "en": "Lesson", "ko": "수업", "vi": "Bài" } });
    post(&state, &learner, &body).await;
    let query = format!("/xapi/statements?statementId={}&format=canonical", id(1));
    let mut request = xapi("GET", &query, Some(&learner.basic()), None);
    request.headers_mut().insert(
        "accept-language",
        axum::http::HeaderValue::from_static("vi, ko;q=0.5"),
    );
    let reply = send(&state, request).await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body["object"]["definition"]["name"],
        json!({ "vi": "Bài" })
    );
    let listed = get(&state, &learner, "?format=canonical").await;
    assert_eq!(
        listed["statements"][0]["object"]["definition"]["name"],
        json!({ "en": "Lesson" }),
        "without Accept-Language, English"
    );
    let exact = get(&state, &learner, "?format=exact").await;
    assert_eq!(
        exact["statements"][0]["object"]["definition"]["name"],
        json!({ "en": "Lesson", "ko": "수업", "vi": "Bài" })
    );
}
