//! Presentations through the real router on a real database: the carousel and its
//! ETag, ordering, the slide limit, revisions, concurrent publishes, schedules,
//! templates, the owner rule, and uploads.
//!
//! One file per use case; the seed's ids and the request helpers they share are here.
//!
//! - `carousel.rs`: what goes live: the active deck and its ETag, one active deck
//!   under concurrent publishes, publishing rules, schedules.
//! - `decks.rs`: saving decks: order, the slide limit, field errors, revisions, the
//!   owner rule, deleting and duplicating.
//! - `templates.rs`: drafts from templates, and super admins managing them.
//! - `media.rs`: uploads (ranges, resizing, de-duplication, byte sniffing) and the
//!   rule that slides use only the owner's media.
//! - `library.rs`: the library's agent picker and the server-rendered pages.

use crate::helpers::TestApp;
use http::{Method, StatusCode};
use serde_json::{json, Value};

mod carousel;
mod decks;
mod library;
mod media;
mod templates;

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
