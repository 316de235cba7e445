//! Existence is not leaked (issue 15, item 5): a class, assignment or statement the caller may
//! not see is answered exactly like a random id, on every route that takes one.

mod classes_support;
mod xapi_support;

use baeum_server::store::Role;
use classes_support::{assign, create_class, join, state_with_content, COURSE};
use serde_json::{json, Value};
use uuid::Uuid;
use xapi_support::{account, api, send, xapi, Reply, TestAccount};

/// Status and error text, with `id` replaced so that two answers can be compared.
fn shape(reply: &Reply, id: &str) -> (u16, String) {
    (reply.status.as_u16(), reply.error().replace(id, "ID"))
}

async fn ask(
    state: &baeum_server::AppState,
    who: &TestAccount,
    method: &str,
    uri: &str,
    body: Option<&Value>,
) -> Reply {
    let request = if uri.starts_with("/xapi/") {
        xapi(method, uri, Some(&who.basic()), body)
    } else {
        api(method, uri, Some(&who.basic()), body)
    };
    send(state, request).await
}

#[tokio::test]
async fn another_teachers_ids_answer_exactly_like_random_ones() {
    let (state, _content) = state_with_content();
    let owner = account(&state, "teacher-kim", Role::Teacher).await;
    let other = account(&state, "teacher-park", Role::Teacher).await;
    let pupil = account(&state, "pupil", Role::Learner).await;
    let outsider = account(&state, "outsider", Role::Learner).await;
    let (class, code) = create_class(&state, &owner, "Korean 1").await;
    join(&state, &pupil, &code).await;
    let assignment = Uuid::new_v4().to_string();
    assign(
        &state,
        &owner,
        &assignment,
        &json!({ "class_id": class, "course_id": COURSE, "due_at": "2030-01-01T00:00:00Z" }),
    )
    .await;
    let mut statement = xapi_support::statement(&pupil.actor(&state), "hangul-1");
    let statement_id = Uuid::new_v4().to_string();
    statement["id"] = json!(statement_id);
    let stored = ask(&state, &pupil, "POST", "/xapi/statements", Some(&statement)).await;
    assert_eq!(stored.status, 200);
    let pupil_id = pupil.record.id;

    // Every route that takes a class, assignment or statement id, with the id as `{}`.
    let routes: Vec<(&str, String, Option<Value>)> = vec![
        ("GET", "/api/classes/{}".into(), None),
        (
            "PATCH",
            "/api/classes/{}".into(),
            Some(json!({ "name": "x" })),
        ),
        ("POST", "/api/classes/{}/join-code".into(), None),
        ("GET", "/api/classes/{}/members".into(), None),
        (
            "DELETE",
            format!("/api/classes/{{}}/members/{pupil_id}"),
            None,
        ),
        ("GET", "/api/classes/{}/assignments".into(), None),
        ("GET", "/api/classes/{}/dashboard".into(), None),
        ("GET", "/api/classes/{}/dashboard.csv".into(), None),
        (
            "GET",
            format!("/api/classes/{{}}/learners/{pupil_id}"),
            None,
        ),
        (
            "POST",
            "/api/assignments".into(),
            Some(
                json!({ "id": Uuid::new_v4(), "class_id": "{}", "course_id": COURSE,
                "due_at": "2030-01-01T00:00:00Z" }),
            ),
        ),
    ];
    let assignment_routes: Vec<(&str, String, Option<Value>)> = vec![
        ("GET", "/api/assignments/{}".into(), None),
        (
            "PATCH",
            "/api/assignments/{}".into(),
            Some(json!({ "note": "x" })),
        ),
        ("DELETE", "/api/assignments/{}".into(), None),
    ];
    let statement_routes: Vec<(&str, String, Option<Value>)> = vec![
        ("GET", "/xapi/statements?statementId={}".into(), None),
        ("GET", "/xapi/statements?voidedStatementId={}".into(), None),
    ];
    let fill = |template: &str, id: &str| template.replace("{}", id);
    let fill_body = |body: &Option<Value>, id: &str| {
        body.as_ref()
            .map(|body| serde_json::from_str::<Value>(&fill(&body.to_string(), id)).expect("json"))
    };
    for (existing, routes) in [
        (&class, &routes),
        (&assignment, &assignment_routes),
        (&statement_id, &statement_routes),
    ] {
        for caller in [&other, &outsider] {
            for (method, template, body) in routes {
                let random = Uuid::new_v4().to_string();
                let real = ask(
                    &state,
                    caller,
                    method,
                    &fill(template, existing),
                    fill_body(body, existing).as_ref(),
                )
                .await;
                let made_up = ask(
                    &state,
                    caller,
                    method,
                    &fill(template, &random),
                    fill_body(body, &random).as_ref(),
                )
                .await;
                assert_eq!(
                    shape(&real, existing),
                    shape(&made_up, &random),
                    "{} {method} {template}",
                    caller.record.username
                );
                assert!(
                    matches!(real.status.as_u16(), 403 | 404),
                    "{method} {template}: {}",
                    real.status
                );
            }
        }
    }
}
