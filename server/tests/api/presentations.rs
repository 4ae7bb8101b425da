//! Presentations through the real router on a real database: the carousel and its
//! ETag, ordering, the slide limit, revisions, concurrent publishes, schedules,
//! templates, the owner rule, and uploads.

use crate::helpers::TestApp;
use http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use sqlx::PgPool;
use uuid::Uuid;

const DEMO_AGENT: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const DEMO_AGENT_USER: &str = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const SENIOR_AGENT: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03";
const SENIOR_USER: &str = "550e8400-e29b-41d4-a716-446655440003";
const JUNIOR_USER: &str = "550e8400-e29b-41d4-a716-446655440004";
const JUNIOR_AGENT: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04";
const POLICYHOLDER_USER: &str = "550e8400-e29b-41d4-a716-446655440005";
const REGIONAL_USER: &str = "550e8400-e29b-41d4-a716-446655440002";
const PROVIDER_ADMIN_USER: &str = "550e8400-e29b-41d4-a716-446655440001";

async fn token(app: &TestApp, user: &str) -> String {
    app.token_for(user.parse().unwrap()).await
}

fn text_slide(title: &str) -> Value {
    json!({"slide_type": "text", "title": title, "background_color": "#1A237E"})
}

async fn create(app: &TestApp, token: &str, agent: &str, body: Value) -> Value {
    let res = app
        .send_bearer(
            Method::POST,
            &format!("/api/v1/presentations/agent/{agent}"),
            token,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()
}

async fn read(app: &TestApp, token: &str, agent: &str, id: &str) -> Value {
    let res = app
        .get_bearer(&format!("/api/v1/presentations/agent/{agent}/{id}"), token)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
}

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

// ---- uploads ---------------------------------------------------------------

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(
    app: &TestApp,
    token: &str,
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> crate::helpers::TestResponse {
    let boundary = "XyZzYboundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {mime}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.send(
        Request::builder()
            .method(Method::POST)
            .uri("/api/v1/presentations/media/upload")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(axum::body::Body::from(body))
            .unwrap(),
    )
    .await
}

fn files_in(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            walk(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(app.state.media.root.as_ref().unwrap())
}

#[sqlx::test(migrations = "../migrations")]
async fn an_upload_is_stored_served_with_ranges_resized_and_deduplicated(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let bytes = png(1200, 600);
    let res = upload(&app, &t, "banner.png", "image/png", &bytes).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let media = res.json();
    assert_eq!(media["media_type"], "image");
    assert_eq!(media["mime_type"], "image/png");
    assert_eq!(media["width"], 1200);
    assert_eq!(media["duplicate"], false);
    let url = media["media_url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with(&format!("/media/presentations/{SENIOR_AGENT}/")),
        "{url}"
    );

    let served = app.get(&url).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/png"));
    assert_eq!(
        served.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let part = app.get_with(&url, &[("range", "bytes=0-7")]).await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.header("content-range"),
        Some(format!("bytes 0-7/{}", bytes.len()).as_str())
    );
    assert_eq!(part.header("content-length"), Some("8"));

    // The same bytes again: the same item, nothing new stored.
    let again = upload(&app, &t, "copy.png", "image/png", &bytes)
        .await
        .json();
    assert_eq!(again["media_id"], media["media_id"]);
    assert_eq!(again["duplicate"], true);

    // The resized versions appear in the background.
    let mut optimized = false;
    for _ in 0..100 {
        optimized =
            sqlx::query_scalar("SELECT is_optimized FROM presentation_media WHERE media_id = $1")
                .bind(media["media_id"].as_str().unwrap().parse::<Uuid>().unwrap())
                .fetch_one(&app.pool)
                .await
                .unwrap();
        if optimized {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(optimized, "derivatives were made");
    assert_eq!(files_in(&app), 3, "original, 960 and 480");
    let small = app.get(&url.replace(".png", "-480.jpg")).await;
    assert_eq!(small.status, StatusCode::OK);
    assert_eq!(small.header("content-type"), Some("image/jpeg"));

    let events: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_events WHERE event_type = 'presentation.media_uploaded'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(events, 1);

    // Unused media can be deleted, files and all; used media cannot.
    let id = media["media_id"].as_str().unwrap();
    let deck = create(
        &app,
        &t,
        SENIOR_AGENT,
        json!({"name": "Uses it", "slides": [{"slide_type": "image", "media_url": url, "media_id": id}]}),
    )
    .await;
    let del = app
        .delete_bearer(&format!("/api/v1/presentations/media/{id}"), &t)
        .await;
    assert_eq!(del.status, StatusCode::CONFLICT);
    let deck_path = format!(
        "/api/v1/presentations/agent/{SENIOR_AGENT}/{}",
        deck["presentation_id"].as_str().unwrap()
    );
    assert_eq!(
        app.delete_bearer(&deck_path, &t).await.status,
        StatusCode::NO_CONTENT
    );
    let del = app
        .delete_bearer(&format!("/api/v1/presentations/media/{id}"), &t)
        .await;
    assert_eq!(del.status, StatusCode::NO_CONTENT, "{}", del.text());
    assert_eq!(files_in(&app), 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn uploads_are_judged_by_their_bytes_and_refusals_leave_nothing(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    // A PDF named like a photo.
    let res = upload(
        &app,
        &t,
        "photo.jpg",
        "image/jpeg",
        b"%PDF-1.7 not an image",
    )
    .await;
    assert_eq!(
        res.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        res.text()
    );
    assert_eq!(res.json()["kind"], "unsupported_media_type");
    // A real PNG that claims to be a video.
    let res = upload(&app, &t, "clip.mp4", "video/mp4", &png(10, 10)).await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // An image over 5 MB.
    let mut big = png(10, 10);
    big.resize(5 * 1024 * 1024 + 1, 0);
    let res = upload(&app, &t, "big.png", "image/png", &big).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res.json()["detail"].as_str().unwrap().contains("5 MB"));
    // A PNG header followed by garbage.
    let mut corrupt = png(10, 10)[..40].to_vec();
    corrupt.extend_from_slice(&[7u8; 200]);
    let res = upload(&app, &t, "broken.png", "image/png", &corrupt).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.json()["fields"]["file"].is_array());
    // An empty file.
    let res = upload(&app, &t, "empty.png", "image/png", b"").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Someone without an agent record or the permission.
    let ph = token(&app, POLICYHOLDER_USER).await;
    let res = upload(&app, &ph, "a.png", "image/png", &png(4, 4)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    assert_eq!(files_in(&app), 0, "nothing left on disk");
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM presentation_media")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    // A video is accepted by its bytes (an MP4 `ftyp` box).
    let mut mp4 = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom".to_vec();
    mp4.extend_from_slice(&[0u8; 1000]);
    let res = upload(&app, &t, "intro.mov", "video/quicktime", &mp4).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["mime_type"], "video/mp4");
    assert!(res.json()["thumbnail_url"].is_null());
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

#[sqlx::test(migrations = "../migrations")]
async fn an_admin_without_an_agent_record_is_offered_the_tenants_agents(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN_USER).await;
    let res = app.get_bearer("/api/ui/presentations/library", &pa).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let codes: Vec<String> = res.json()["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["agent_code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["AGENT001", "AGTJR001", "AGTSR001"]);
    // Someone without presentations.read gets no list.
    let ph = token(&app, POLICYHOLDER_USER).await;
    let res = app.get_bearer("/api/ui/presentations/library", &ph).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn slides_may_only_use_the_owners_own_media(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let senior = token(&app, SENIOR_USER).await;
    let uploaded = upload(&app, &senior, "mine.png", "image/png", &png(20, 20))
        .await
        .json();
    let junior = token(&app, JUNIOR_USER).await;
    // The junior agent points a slide at the senior agent's file, by id or by URL.
    for slide in [
        json!({"slide_type": "image", "media_id": uploaded["media_id"], "media_url": uploaded["media_url"]}),
        json!({"slide_type": "image", "media_url": uploaded["media_url"]}),
    ] {
        let res = app
            .send_bearer(
                Method::POST,
                &format!("/api/v1/presentations/agent/{JUNIOR_AGENT}"),
                &junior,
                "application/json",
                json!({"name": "Borrowed", "slides": [slide]}).to_string(),
            )
            .await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            res.text()
        );
        assert!(res.json()["fields"]["slides[0].media_url"].is_array());
    }
    // The owner may; the URL and type come from the library, not the client.
    let own = create(
        &app,
        &senior,
        SENIOR_AGENT,
        json!({"name": "Mine", "slides": [{"slide_type": "image", "media_id": uploaded["media_id"],
                                             "media_url": "/media/demo/welcome.jpg", "media_type": "video/mp4"}]}),
    )
    .await;
    let deck = read(
        &app,
        &senior,
        SENIOR_AGENT,
        own["presentation_id"].as_str().unwrap(),
    )
    .await;
    assert_eq!(deck["slides"][0]["media_url"], uploaded["media_url"]);
    assert_eq!(deck["slides"][0]["media_type"], "image/png");
}

/// The pages render on the server for a signed-in agent (no browser-only code runs
/// there: a JS closure built during SSR would abort the whole process).
#[sqlx::test(migrations = "../migrations")]
async fn the_presentation_pages_render_on_the_server(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, DEMO_AGENT_USER).await;
    let pages = [
        ("/agent", "Namaste, Test!"),
        ("/agent", "Welcome"),
        ("/agent/presentations", "Daily Promotional"),
        (
            "/agent/presentations/d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            "slide-panel",
        ),
        ("/a/AGENT001", "aria-roledescription=\"carousel\""),
    ];
    for (path, expected) in pages {
        let res = app
            .send(
                Request::builder()
                    .uri(path)
                    .header(header::AUTHORIZATION, format!("Bearer {t}"))
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        assert!(res.text().contains(expected), "{path} lacks {expected}");
    }
}
