//! The library page's agent picker, and the presentation pages rendered on the
//! server.

use super::{token, DEMO_AGENT_USER, POLICYHOLDER_USER, PROVIDER_ADMIN_USER};
use crate::helpers::TestApp;
use http::{header, Request, StatusCode};
use sqlx::PgPool;

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
    assert_eq!(
        codes,
        ["AGENT001", "AGENT002", "AGENT003", "AGENT004", "AGENT005", "AGTJR001", "AGTSR001"]
    );
    // Someone without presentations.read gets no list.
    let ph = token(&app, POLICYHOLDER_USER).await;
    let res = app.get_bearer("/api/ui/presentations/library", &ph).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
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
