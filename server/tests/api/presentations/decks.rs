//! Saving decks: slides renumbered and capped, field errors per slide, stale
//! revisions refused, the owner rule, deleting and duplicating.

use super::{
    create, read, text_slide, token, DEMO_AGENT, DEMO_AGENT_USER, JUNIOR_AGENT, JUNIOR_USER,
    PROVIDER_ADMIN_USER, REGIONAL_USER, SENIOR_AGENT, SENIOR_USER,
};
use crate::helpers::TestApp;
use http::{Method, StatusCode};
use serde_json::json;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn slides_are_renumbered_in_the_order_sent_and_capped_at_twenty(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let mut slides = vec![text_slide("c"), text_slide("a"), text_slide("b")];
    for (slide, order) in slides.iter_mut().zip([9, 2, 5]) {
        slide["slide_order"] = json!(order);
    }
    let saved = create(
        &app,
        &t,
        SENIOR_AGENT,
        json!({"name": "Order", "slides": slides}),
    )
    .await;
    let id = saved["presentation_id"].as_str().unwrap();
    let deck = read(&app, &t, SENIOR_AGENT, id).await;
    let got: Vec<_> = deck["slides"]
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
    assert_eq!(got, [(1, "c".into()), (2, "a".into()), (3, "b".into())]);

    let twenty: Vec<_> = (0..20).map(|i| text_slide(&format!("s{i}"))).collect();
    let path = format!("/api/v1/presentations/agent/{SENIOR_AGENT}/{id}");
    let ok = app
        .put_json_bearer(
            &path,
            &t,
            &json!({"name": "Order", "slides": twenty}).to_string(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    let mut too_many = twenty.clone();
    too_many.push(text_slide("one more"));
    let refused = app
        .put_json_bearer(
            &path,
            &t,
            &json!({"name": "Order", "slides": too_many}).to_string(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.json()["fields"]["slides"].is_array());
    assert_eq!(
        read(&app, &t, SENIOR_AGENT, id).await["slides"]
            .as_array()
            .unwrap()
            .len(),
        20
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn field_errors_name_the_slide_and_the_field(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let res = app
        .send_bearer(
            Method::POST,
            &format!("/api/v1/presentations/agent/{SENIOR_AGENT}"),
            &t,
            "application/json",
            json!({"name": "Bad", "slides": [
                text_slide("fine"),
                {"slide_type": "image", "text_color": "red", "duration": 30}
            ]})
            .to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = res.json()["fields"].clone();
    for key in [
        "slides[1].text_color",
        "slides[1].duration",
        "slides[1].media_url",
    ] {
        assert!(fields[key].is_array(), "{key} in {fields}");
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM presentations WHERE name = 'Bad'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing half-written");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_stale_revision_is_refused_and_the_newer_save_survives(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let saved = create(
        &app,
        &t,
        SENIOR_AGENT,
        json!({"name": "Tabs", "slides": [text_slide("x")]}),
    )
    .await;
    let id = saved["presentation_id"].as_str().unwrap();
    let version = saved["version"].as_i64().unwrap();
    let path = format!("/api/v1/presentations/agent/{SENIOR_AGENT}/{id}");
    let first = app
        .put_json_bearer(
            &path,
            &t,
            &json!({"name": "Tab A", "version": version, "slides": [text_slide("a")]}).to_string(),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(first.json()["version"], version + 1);
    let second = app
        .put_json_bearer(
            &path,
            &t,
            &json!({"name": "Tab B", "version": version, "slides": [text_slide("b")]}).to_string(),
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(second.json()["detail"]
        .as_str()
        .unwrap()
        .contains("changed"));
    let deck = read(&app, &t, SENIOR_AGENT, id).await;
    assert_eq!(deck["name"], "Tab A");
    assert_eq!(deck["slides"][0]["title"], "a");
}

#[sqlx::test(migrations = "../migrations")]
async fn agents_own_their_decks_and_admins_need_the_permission(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // A junior agent has only presentations.read, yet edits and publishes their own.
    let junior = token(&app, JUNIOR_USER).await;
    let own = create(
        &app,
        &junior,
        JUNIOR_AGENT,
        json!({"name": "Mine", "status": "published", "is_active": true, "slides": [text_slide("x")]}),
    )
    .await;
    assert_eq!(own["is_active"], true);
    // …but not someone else's.
    let senior_deck = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13";
    let path = format!("/api/v1/presentations/agent/{SENIOR_AGENT}/{senior_deck}");
    let body = json!({"name": "Hijack", "slides": [text_slide("x")]}).to_string();
    assert_eq!(
        app.put_json_bearer(&path, &junior, &body).await.status,
        StatusCode::FORBIDDEN
    );
    // Nor may a senior agent, although senior agents hold presentations.update:
    // stored grants never reach another agent's carousel.
    let senior = token(&app, SENIOR_USER).await;
    let demo_deck =
        format!("/api/v1/presentations/agent/{DEMO_AGENT}/d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assert_eq!(
        app.put_json_bearer(&demo_deck, &senior, &body).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_bearer(&demo_deck, &senior).await.status,
        StatusCode::FORBIDDEN
    );
    // A regional manager may publish/activate (presentations.publish) but not edit.
    let rm = token(&app, REGIONAL_USER).await;
    assert_eq!(
        app.put_json_bearer(&path, &rm, &body).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_bearer(&format!("{path}/activate"), &rm)
            .await
            .status,
        StatusCode::OK
    );
    // A provider admin of the tenant edits any agent's deck.
    let pa = token(&app, PROVIDER_ADMIN_USER).await;
    let edit = json!({"name": "Edited by admin", "slides": [text_slide("x")]}).to_string();
    assert_eq!(
        app.put_json_bearer(&path, &pa, &edit).await.status,
        StatusCode::OK
    );
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT event_type FROM audit_events WHERE resource_type = 'presentation' ORDER BY created_at",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for e in [
        "presentation.created",
        "presentation.activated",
        "presentation.updated",
    ] {
        assert!(events.iter().any(|x| x == e), "{e} in {events:?}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn deleting_removes_drafts_and_archives_published_decks(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, DEMO_AGENT_USER).await;
    let draft =
        format!("/api/v1/presentations/agent/{DEMO_AGENT}/d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12");
    assert_eq!(
        app.delete_bearer(&draft, &t).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_bearer(&draft, &t).await.status,
        StatusCode::NOT_FOUND
    );
    let published =
        format!("/api/v1/presentations/agent/{DEMO_AGENT}/d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assert_eq!(
        app.delete_bearer(&published, &t).await.status,
        StatusCode::NO_CONTENT
    );
    let deck = app.get_bearer(&published, &t).await.json();
    assert_eq!(deck["status"], "archived");
    assert_eq!(deck["is_active"], false);
    let dup = app.post_bearer(&format!("{published}/duplicate"), &t).await;
    assert_eq!(dup.status, StatusCode::CREATED);
    assert_eq!(dup.json()["name"], "Copy of Daily Promotional");
    assert_eq!(dup.json()["slides"].as_array().unwrap().len(), 3);
}
