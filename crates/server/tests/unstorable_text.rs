//! Text one engine could keep and the other could not: PostgreSQL's `text` refuses U+0000,
//! SQLite's keeps it. Each route that puts a request's text in a column of its own refuses it
//! with the same 400 on both engines, instead of a 500 on one of them.

mod classes_support;
mod xapi_support;

use baeum_server::store::Role;
use classes_support::{create_class, state_with_content};
use serde_json::json;
use uuid::Uuid;
use xapi_support::{account, api, encode, send, state, statement, xapi};

#[tokio::test]
async fn a_class_name_with_a_control_character_is_refused() {
    let state = state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    for name in ["Korean\u{0}1", "Korean\n1"] {
        let reply = send(
            &state,
            api(
                "POST",
                "/api/classes",
                Some(&teacher.basic()),
                Some(&json!({ "name": name })),
            ),
        )
        .await;
        assert_eq!(reply.status, 400, "{name:?}: {:?}", reply.body);
        assert!(
            reply.body.to_string().contains("control characters"),
            "{:?}",
            reply.body
        );
    }
    let (class, _) = create_class(&state, &teacher, "Korean 1").await;
    let renamed = send(
        &state,
        api(
            "PATCH",
            &format!("/api/classes/{class}"),
            Some(&teacher.basic()),
            Some(&json!({ "name": "Korean\u{0}2" })),
        ),
    )
    .await;
    assert_eq!(renamed.status, 400, "{:?}", renamed.body);
}

#[tokio::test]
async fn an_assignment_note_keeps_its_lines_but_not_a_nul() {
    let (state, _content) = state_with_content();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let (class, _) = create_class(&state, &teacher, "Korean 1").await;
    let assignment = |note: &str| {
        json!({
            "class_id": class,
            "course_id": "hangul",
            "unit_id": "u1",
            "due_at": "2026-12-01T17:00:00+09:00",
            "note": note,
        })
    };
    let refused = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{}", Uuid::new_v4()),
            Some(&teacher.basic()),
            Some(&assignment("Read\u{0}aloud")),
        ),
    )
    .await;
    assert_eq!(refused.status, 400, "{:?}", refused.body);
    let kept = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{}", Uuid::new_v4()),
            Some(&teacher.basic()),
            Some(&assignment("Read aloud:\n\tpage 3")),
        ),
    )
    .await;
    assert_eq!(kept.status, 201, "{:?}", kept.body);
    assert_eq!(kept.body["note"], "Read aloud:\n\tpage 3");
}

#[tokio::test]
async fn an_agent_account_name_with_a_nul_is_refused_in_statements_and_filters() {
    let state = state();
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let admin = account(&state, "admin-oh", Role::Admin).await;
    let mut sent = statement(&learner.actor(&state), "l1");
    sent["context"] = json!({
        "instructor": {
            "objectType": "Agent",
            "account": { "homePage": "https://school.example", "name": "kim\u{0}" }
        }
    });
    let refused = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&sent),
        ),
    )
    .await;
    assert_eq!(refused.status, 400, "{:?}", refused.body);
    assert!(
        refused.body.to_string().contains("U+0000"),
        "{:?}",
        refused.body
    );

    let agent = encode(
        &json!({ "account": { "homePage": "https://school.example", "name": "kim\u{0}" } })
            .to_string(),
    );
    let filtered = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?agent={agent}"),
            Some(&admin.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(filtered.status, 400, "{:?}", filtered.body);
}
