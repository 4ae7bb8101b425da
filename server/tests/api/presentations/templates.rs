//! Templates: a draft from one with the agent's words, and super admins managing
//! the shared ones.

use super::{text_slide, token, PROVIDER_ADMIN_USER, SENIOR_AGENT, SENIOR_USER};
use crate::helpers::TestApp;
use http::{Method, StatusCode};
use serde_json::{json, Value};
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn a_template_becomes_a_draft_with_the_agents_words(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let list = app
        .get_bearer("/api/v1/presentations/templates", &t)
        .await
        .json();
    let categories: Vec<_> = list["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["category"].as_str().unwrap().to_owned())
        .collect();
    for c in [
        "term_insurance",
        "health_insurance",
        "child_plans",
        "retirement",
    ] {
        assert!(categories.iter().any(|x| x == c), "{c}");
    }
    let filtered = app
        .get_bearer("/api/v1/presentations/templates?category=retirement", &t)
        .await
        .json();
    assert_eq!(filtered["templates"].as_array().unwrap().len(), 1);

    let res = app
        .send_bearer(
            Method::POST,
            &format!("/api/v1/presentations/agent/{SENIOR_AGENT}/from-template"),
            &t,
            "application/json",
            json!({"template_id": "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13",
                   "custom_title": "Secure your family", "custom_subtitle": "Term cover in 10 minutes"})
            .to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let deck = res.json();
    assert_eq!(deck["status"], "draft");
    assert_eq!(deck["template_id"], "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13");
    assert_eq!(deck["slides"][0]["title"], "Secure your family");
    assert_eq!(deck["slides"][0]["subtitle"], "Term cover in 10 minutes");
    assert_eq!(deck["slides"][2]["cta_button"]["text"], "Call Senior Agent");
    assert_eq!(
        deck["slides"][2]["cta_button"]["action"],
        "tel:+919876543203"
    );
    let used: i32 = sqlx::query_scalar(
        "SELECT usage_count FROM presentation_templates WHERE name = 'Term Insurance Promotional'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(used, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn super_admins_manage_the_shared_templates(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, "550e8400-e29b-41d4-a716-446655440000").await;
    let agent = token(&app, SENIOR_USER).await;
    let body = json!({"name": "Diwali Greetings", "category": "term_insurance",
                      "slides": [{"slide_type": "text", "title": "{{custom_title}}", "background_color": "#E65100"}]});
    let pa = token(&app, PROVIDER_ADMIN_USER).await;
    let refused = app
        .send_bearer(
            Method::POST,
            "/api/v1/presentations/templates",
            &pa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let no_category = app
        .send_bearer(
            Method::POST,
            "/api/v1/presentations/templates",
            &sa,
            "application/json",
            json!({"name": "X", "slides": [text_slide("x")]}).to_string(),
        )
        .await;
    assert_eq!(no_category.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_category.json()["fields"]["category"].is_array());

    let created = app
        .send_bearer(
            Method::POST,
            "/api/v1/presentations/templates",
            &sa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let id = created.json()["template_id"].as_str().unwrap().to_owned();
    let names = |list: Value| -> Vec<String> {
        list["templates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let listed = app
        .get_bearer("/api/v1/presentations/templates", &agent)
        .await
        .json();
    assert!(names(listed).contains(&"Diwali Greetings".to_owned()));

    let path = format!("/api/v1/presentations/templates/{id}");
    let edited = json!({"name": "Diwali Wishes", "slides": [text_slide("Happy Diwali")]});
    let res = app.put_json_bearer(&path, &sa, &edited.to_string()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        res.json()["category"],
        "term_insurance",
        "kept when not sent"
    );
    assert_eq!(
        app.delete_bearer(&path, &sa).await.status,
        StatusCode::NO_CONTENT
    );
    let listed = app
        .get_bearer("/api/v1/presentations/templates", &agent)
        .await
        .json();
    assert!(!names(listed).iter().any(|n| n.starts_with("Diwali")));
    assert_eq!(
        app.delete_bearer(&path, &sa).await.status,
        StatusCode::NOT_FOUND
    );
}
