//! The teacher's dashboard through the HTTP API: the assignment × learner grid, the
//! drill-down, the most missed items, the CSV export, and who may read them.

mod classes_support;
mod xapi_support;

use baeum_server::dashboard::CSV_COLUMNS;
use baeum_server::store::Role;
use classes_support::{
    assign, create_class, item_activity, join, lesson_activity, player_statement,
    state_with_content, sync_statements,
};
use serde_json::{json, Value};
use uuid::Uuid;
use xapi_support::{account, api, send, TestAccount};

/// The cell of the grid for one assignment and learner.
fn cell<'a>(dashboard: &'a Value, assignment: &str, learner: &TestAccount) -> &'a Value {
    let learner_id = learner.record.id.to_string();
    dashboard["assignments"]
        .as_array()
        .and_then(|assignments| assignments.iter().find(|item| item["id"] == assignment))
        .and_then(|item| item["learners"].as_array())
        .and_then(|cells| {
            cells
                .iter()
                .find(|cell| cell["learner_id"] == learner_id.as_str())
        })
        .unwrap_or(&Value::Null)
}

/// A class of three learners with a unit for everyone and a lesson for one of them, and some
/// work done: (teacher, [ana, bo, chul], class id, unit assignment id, lesson assignment id).
async fn busy_class(
    state: &baeum_server::AppState,
    class_name: &str,
) -> (TestAccount, Vec<TestAccount>, String, String, String) {
    let teacher = account(state, "teacher-kim", Role::Teacher).await;
    let (class, code) = create_class(state, &teacher, class_name).await;
    let mut learners = Vec::new();
    for name in ["learner-ana", "learner-bo", "learner-chul"] {
        let learner = account(state, name, Role::Learner).await;
        join(state, &learner, &code).await;
        learners.push(learner);
    }
    let unit = Uuid::new_v4().to_string();
    assign(
        state,
        &teacher,
        &unit,
        &json!({ "class_id": class, "course_id": "hangul", "unit_id": "u1", "due_at": "2099-01-01T00:00:00Z" }),
    )
    .await;
    let lesson = Uuid::new_v4().to_string();
    assign(
        state,
        &teacher,
        &lesson,
        &json!({ "class_id": class, "course_id": "hangul", "lesson_id": "l3",
                 "due_at": "2020-01-01T00:00:00Z", "learner_ids": [learners[1].record.id] }),
    )
    .await;
    let (ana, bo) = (&learners[0], &learners[1]);
    let answer = |learner: &TestAccount, item: &str, success: bool, at: &str| {
        player_statement(
            &learner.actor(state),
            "answered",
            &item_activity("l1", item),
            json!({ "success": success }),
            at,
        )
    };
    // Ana finishes the unit; she gets "digeut" wrong twice on the way.
    sync_statements(
        state,
        ana,
        vec![
            answer(ana, "digeut", false, "2026-11-20T09:00:00Z"),
            answer(ana, "digeut", false, "2026-11-20T09:01:00Z"),
            answer(ana, "digeut", true, "2026-11-20T09:02:00Z"),
            player_statement(
                &ana.actor(state),
                "completed",
                &lesson_activity("l1"),
                json!({ "score": { "scaled": 0.9 } }),
                "2026-11-20T09:05:00Z",
            ),
            player_statement(
                &ana.actor(state),
                "completed",
                &lesson_activity("l2"),
                json!({ "score": { "scaled": 0.7 } }),
                "2026-11-21T09:05:00Z",
            ),
        ],
    )
    .await;
    // Bo is stuck in the first lesson; he misses "digeut" and "nieun" once each.
    sync_statements(
        state,
        bo,
        vec![
            answer(bo, "digeut", false, "2026-11-22T07:00:00Z"),
            answer(bo, "nieun", false, "2026-11-22T07:01:00Z"),
        ],
    )
    .await;
    (teacher, learners, class, unit, lesson)
}

#[tokio::test]
async fn the_dashboard_shows_each_learner_on_each_assignment() {
    let (state, _content) = state_with_content();
    let (teacher, learners, class, unit, lesson) = busy_class(&state, "Korean 1").await;
    let (ana, bo, chul) = (&learners[0], &learners[1], &learners[2]);
    let before = chrono::Utc::now();
    let reply = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/dashboard"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let dashboard = &reply.body;
    let as_of: chrono::DateTime<chrono::Utc> = dashboard["as_of"]
        .as_str()
        .and_then(|text| text.parse().ok())
        .expect("as_of is a time");
    assert!(as_of >= before, "as_of is the time of computation");
    assert_eq!(dashboard["class"]["name"], "Korean 1");
    assert_eq!(dashboard["learners"].as_array().map(Vec::len), Some(3));

    let ana_unit = cell(dashboard, &unit, ana);
    assert_eq!(ana_unit["status"], "done");
    let score = ana_unit["score"].as_f64().unwrap_or_default();
    assert!((score - 0.8).abs() < 1e-9, "{score}");
    assert_eq!(ana_unit["last_active"], "2026-11-21T09:05:00Z");
    assert_eq!(ana_unit["overdue"], false);
    let bo_unit = cell(dashboard, &unit, bo);
    assert_eq!(bo_unit["status"], "in_progress");
    assert_eq!(bo_unit["score"], Value::Null);
    assert_eq!(cell(dashboard, &unit, chul)["status"], "not_started");
    assert_eq!(cell(dashboard, &unit, chul)["last_active"], Value::Null);

    // The lesson was given to Bo alone, and is overdue for him.
    let lesson_cells = dashboard["assignments"]
        .as_array()
        .and_then(|assignments| {
            assignments
                .iter()
                .find(|item| item["id"] == lesson.as_str())
        })
        .map(|item| item["learners"].clone())
        .unwrap_or_default();
    assert_eq!(lesson_cells.as_array().map(Vec::len), Some(1));
    assert_eq!(cell(dashboard, &lesson, bo)["status"], "not_started");
    assert_eq!(cell(dashboard, &lesson, bo)["overdue"], true);

    let missed = dashboard["most_missed_items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let summary: Vec<(String, u64, u64)> = missed
        .iter()
        .map(|item| {
            (
                item["item_id"].as_str().unwrap_or_default().to_owned(),
                item["wrong"].as_u64().unwrap_or_default(),
                item["learners_missed"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![("digeut".to_owned(), 3, 2), ("nieun".to_owned(), 1, 1)]
    );
    assert_eq!(
        missed[0]["activity_id"],
        item_activity("l1", "digeut").as_str()
    );
    assert_eq!(missed[0]["attempts"], 4);
}

#[tokio::test]
async fn the_drill_down_shows_one_learner_lesson_by_lesson() {
    let (state, _content) = state_with_content();
    let (teacher, learners, class, unit, lesson) = busy_class(&state, "Korean 1").await;
    let bo = &learners[1];
    let reply = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/learners/{}", bo.record.id),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let body = &reply.body;
    assert!(body["as_of"].is_string());
    assert_eq!(body["learner"]["username"], "learner-bo");
    assert_eq!(body["last_active"], "2026-11-22T07:01:00Z");
    let assignments = body["assignments"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = assignments
        .iter()
        .map(|item| item["assignment_id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, vec![lesson.as_str(), unit.as_str()], "by due date");
    let unit_row = &assignments[1];
    assert_eq!(unit_row["status"], "in_progress");
    assert_eq!(
        unit_row["lessons"],
        json!([
            { "lesson_id": "l1", "status": "in_progress", "score": null, "last_active": "2026-11-22T07:01:00Z" },
            { "lesson_id": "l2", "status": "not_started", "score": null, "last_active": null },
        ])
    );
    let missed: Vec<&str> = body["missed_items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item["item_id"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(missed, vec!["digeut", "nieun"]);

    let stranger = account(&state, "learner-far", Role::Learner).await;
    let not_in_class = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/learners/{}", stranger.record.id),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(not_in_class.status, 404);
}

#[tokio::test]
async fn a_removed_learner_leaves_the_dashboard_and_the_drill_down() {
    let (state, _content) = state_with_content();
    let (teacher, learners, class, unit, _) = busy_class(&state, "Korean 1").await;
    let ana = &learners[0];
    let removed = send(
        &state,
        api(
            "DELETE",
            &format!("/api/classes/{class}/members/{}", ana.record.id),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(removed.status, 204);
    let dashboard = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/dashboard"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(cell(&dashboard.body, &unit, ana), &Value::Null);
    assert_eq!(dashboard.body["learners"].as_array().map(Vec::len), Some(2));
    // Ana's two wrong answers no longer count for this class.
    assert_eq!(dashboard.body["most_missed_items"][0]["wrong"], 1);
    let drill_down = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/learners/{}", ana.record.id),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(drill_down.status, 404);
}

#[tokio::test]
async fn the_csv_export_has_a_header_and_one_quoted_row_per_assignment_and_learner() {
    let (state, _content) = state_with_content();
    let (teacher, learners, class, unit, _) = busy_class(&state, "Korean \"A\", =morning").await;
    let response = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/dashboard.csv"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert!(response
        .header("content-disposition")
        .is_some_and(|value| value.starts_with("attachment;")));
    let text = response.body.as_str().unwrap_or_default();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a utf-8 byte-order mark");
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(lines[0], CSV_COLUMNS.join(","));
    // Three learners on the unit, one on the lesson.
    assert_eq!(lines.len(), 1 + 3 + 1, "{text}");
    let ana_row = lines
        .iter()
        .find(|line| line.contains(&unit) && line.contains("learner-ana"))
        .expect("ana's unit row");
    let expected_start = format!("{class},\"Korean \"\"A\"\", =morning\",{unit},hangul,u1,,2099-01-01T00:00:00Z,{},learner-ana,done,2,2,0.800,2026-11-21T09:05:00Z,false,", learners[0].record.id);
    assert!(
        ana_row.starts_with(&expected_start),
        "{ana_row}\n{expected_start}"
    );

    let formula = send(
        &state,
        api(
            "PATCH",
            &format!("/api/classes/{class}"),
            Some(&teacher.basic()),
            Some(&json!({ "name": "=HYPERLINK(\"x\")" })),
        ),
    )
    .await;
    assert_eq!(formula.status, 200);
    let response = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/dashboard.csv"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    let text = response.body.as_str().unwrap_or_default();
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"x\"\")\","),
        "a name a spreadsheet would run is neutralized: {text}"
    );
}

#[tokio::test]
async fn only_the_class_teacher_reads_the_dashboard() {
    let (state, _content) = state_with_content();
    let (_, learners, class, _, _) = busy_class(&state, "Korean 1").await;
    let other_teacher = account(&state, "teacher-park", Role::Teacher).await;
    let learner = &learners[0];
    let admin = account(&state, "admin-choi", Role::Admin).await;
    let uris = [
        format!("/api/classes/{class}/dashboard"),
        format!("/api/classes/{class}/dashboard.csv"),
        format!("/api/classes/{class}/learners/{}", learner.record.id),
    ];
    for uri in &uris {
        let reply = send(&state, api("GET", uri, Some(&other_teacher.basic()), None)).await;
        assert_eq!(reply.status, 404, "another teacher: {uri}");
        let reply = send(&state, api("GET", uri, Some(&learner.basic()), None)).await;
        assert_eq!(reply.status, 403, "a learner: {uri}");
        let reply = send(&state, api("GET", uri, None, None)).await;
        assert_eq!(reply.status, 401, "nobody: {uri}");
        let reply = send(&state, api("GET", uri, Some(&admin.basic()), None)).await;
        assert_eq!(reply.status, 200, "an admin: {uri}");
    }
    let unknown = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{}/dashboard", Uuid::new_v4()),
            Some(&other_teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(unknown.status, 404);
}
