//! What goes live: the agent's active deck (in order, with an ETag), exactly one
//! active deck however publishes race, only published decks, and schedules.

use super::{
    create, read, text_slide, token, DEMO_AGENT, DEMO_AGENT_USER, POLICYHOLDER_USER, SENIOR_AGENT,
    SENIOR_USER,
};
use crate::helpers::TestApp;
use http::{header, Method, Request, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

#[sqlx::test(migrations = "../migrations")]
async fn the_carousel_is_the_active_deck_in_order_with_an_etag_and_304(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // A policyholder of the same tenant sees their agent's shop window.
    let t = token(&app, POLICYHOLDER_USER).await;
    let path = format!("/api/v1/presentations/agent/{DEMO_AGENT}/active");
    let res = app.get_bearer(&path, &t).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let body = res.json();
    assert_eq!(body["name"], "Daily Promotional");
    assert_eq!(body["is_active"], true);
    let titles: Vec<_> = body["slides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["slide_order"].as_i64().unwrap(),
                s["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [
            (1, "Welcome".into()),
            (2, "Our Services".into()),
            (3, "Contact Us".into())
        ]
    );
    assert_eq!(body["slides"][1]["cta_button"]["text"], "Learn More");
    assert_eq!(body["agent"]["agent_code"], "AGENT001");
    let etag = res.header("etag").expect("an ETag").to_owned();
    assert_eq!(res.header("cache-control"), Some("private, no-cache"));

    let again = app
        .send(
            Request::builder()
                .uri(&path)
                .header(header::AUTHORIZATION, format!("Bearer {t}"))
                .header(header::IF_NONE_MATCH, &etag)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.text().is_empty());

    // The user id works in place of the agent id (SPEC §9 #35).
    let by_user = app
        .get_bearer(
            &format!("/api/v1/presentations/agent/{DEMO_AGENT_USER}/active"),
            &t,
        )
        .await;
    assert_eq!(by_user.status, StatusCode::OK);
    let missing = app
        .get_bearer(
            "/api/v1/presentations/agent/00000000-0000-4000-8000-000000000099/active",
            &t,
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["detail"], "Agent not found");
    let bad = app
        .get_bearer("/api/v1/presentations/agent/not-a-uuid/active", &t)
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrations = "../migrations")]
async fn concurrent_publishes_leave_exactly_one_active_deck(pool: PgPool) {
    use tower::ServiceExt;
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let mut ids = Vec::new();
    for i in 0..8 {
        let saved = create(
            &app,
            &t,
            SENIOR_AGENT,
            json!({"name": format!("Deck {i}"), "status": "published", "slides": [text_slide("x")]}),
        )
        .await;
        ids.push(saved["presentation_id"].as_str().unwrap().to_owned());
    }
    let mut tasks = tokio::task::JoinSet::new();
    for id in &ids {
        let router = app.router.clone();
        let request = Request::builder()
            .method(Method::POST)
            .uri(format!(
                "/api/v1/presentations/agent/{SENIOR_AGENT}/{id}/activate"
            ))
            .header(header::AUTHORIZATION, format!("Bearer {t}"))
            .body(axum::body::Body::empty())
            .unwrap();
        tasks.spawn(async move { router.oneshot(request).await.unwrap().status() });
    }
    while let Some(status) = tasks.join_next().await {
        assert_eq!(status.unwrap(), StatusCode::OK);
    }
    let active: i64 =
        sqlx::query_scalar("SELECT count(*) FROM presentations WHERE agent_id = $1 AND is_active")
            .bind(SENIOR_AGENT.parse::<Uuid>().unwrap())
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(active, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn only_published_decks_can_be_active_and_drafts_leave_the_home_page(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let draft = create(
        &app,
        &t,
        SENIOR_AGENT,
        json!({"name": "Draft", "slides": [text_slide("x")]}),
    )
    .await;
    let id = draft["presentation_id"].as_str().unwrap();
    let res = app
        .post_bearer(
            &format!("/api/v1/presentations/agent/{SENIOR_AGENT}/{id}/activate"),
            &t,
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(
        res.json()["detail"],
        "Only published presentations can be active"
    );
    // Publish-and-activate in one save, then back to draft: it leaves the home page.
    let path = format!("/api/v1/presentations/agent/{SENIOR_AGENT}/{id}");
    let body = json!({"name": "Draft", "status": "published", "is_active": true, "slides": [text_slide("x")]});
    assert_eq!(
        app.put_json_bearer(&path, &t, &body.to_string())
            .await
            .status,
        StatusCode::OK
    );
    let active = app
        .get_bearer(
            &format!("/api/v1/presentations/agent/{SENIOR_AGENT}/active"),
            &t,
        )
        .await;
    assert_eq!(active.json()["presentation_id"], id);
    let back = json!({"name": "Draft", "status": "draft", "slides": [text_slide("x")]});
    assert_eq!(
        app.put_json_bearer(&path, &t, &back.to_string())
            .await
            .status,
        StatusCode::OK
    );
    let none = app
        .get_bearer(
            &format!("/api/v1/presentations/agent/{SENIOR_AGENT}/active"),
            &t,
        )
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    assert_eq!(none.json()["detail"], "No active presentation found");
}

#[sqlx::test(migrations = "../migrations")]
async fn schedules_hide_expired_slides_and_decks_in_the_agents_timezone(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let active_path = format!("/api/v1/presentations/agent/{SENIOR_AGENT}/active");
    let id = app.get_bearer(&active_path, &t).await.json()["presentation_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/presentations/agent/{SENIOR_AGENT}/{id}");
    let mut expired = text_slide("Diwali offer");
    expired["active_until"] = json!("2020-11-15T00:00:00+05:30");
    let body = json!({"name": "Seasonal", "slides": [text_slide("Always"), expired]});
    assert_eq!(
        app.put_json_bearer(&path, &t, &body.to_string())
            .await
            .status,
        StatusCode::OK
    );
    let shown = app.get_bearer(&active_path, &t).await.json();
    assert_eq!(
        shown["slides"].as_array().unwrap().len(),
        1,
        "the expired slide is hidden"
    );
    assert_eq!(
        read(&app, &t, SENIOR_AGENT, &id).await["slides"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A local start time is read in the agent's timezone (Asia/Kolkata, +05:30).
    let body = json!({"name": "Seasonal", "active_from": "2099-12-01T09:00", "slides": [text_slide("Later")]});
    assert_eq!(
        app.put_json_bearer(&path, &t, &body.to_string())
            .await
            .status,
        StatusCode::OK
    );
    let stored: String = sqlx::query_scalar(
        "SELECT to_char(active_from AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM presentations WHERE presentation_id = $1",
    )
    .bind(id.parse::<Uuid>().unwrap())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, "2099-12-01 03:30");
    assert_eq!(
        read(&app, &t, SENIOR_AGENT, &id).await["active_from"],
        "2099-12-01T09:00"
    );
    assert_eq!(
        app.get_bearer(&active_path, &t).await.status,
        StatusCode::NOT_FOUND
    );
}
