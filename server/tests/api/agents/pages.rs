//! Every agent and provider page renders completely on the server (a browser test
//! that arrives by client navigation never runs this path), with no islands.

use super::*;
use crate::helpers::TestApp;
use sqlx::PgPool;

async fn page(app: &TestApp, user: &str, path: &str) -> String {
    let res = app.get_bearer(path, &token(app, user).await).await;
    assert_eq!(res.status, 200, "{path}: {}", res.text());
    let html = res.text();
    assert!(!html.contains("data-islands"), "{path} loads no WASM");
    html
}

#[sqlx::test(migrations = "../migrations")]
async fn the_admin_pages_render_on_the_server(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let html = page(&app, PROVIDER_ADMIN, "/admin").await;
    assert!(html.contains(r#"data-testid="pending-count""#), "{html}");
    assert!(
        html.contains(r#"data-testid="status-chart""#) && html.contains("<svg"),
        "{html}"
    );
    assert!(html.contains(r#"data-testid="weekly-chart""#), "{html}");
    let html = page(&app, PROVIDER_ADMIN, "/admin/agents").await;
    assert!(
        html.contains(r#"data-testid="verification-queue""#),
        "{html}"
    );
    assert!(
        html.contains("Deepak Verma"),
        "the waiting agent is queued: {html}"
    );
    assert!(html.contains("AGTSR001"), "{html}");
    let html = page(
        &app,
        PROVIDER_ADMIN,
        "/admin/agents?verification_status=rejected",
    )
    .await;
    assert!(
        html.contains("AGENT005") && !html.contains(">AGTSR001<"),
        "{html}"
    );
    let html = page(&app, PROVIDER_ADMIN, "/admin/agents/new").await;
    assert!(
        html.contains("Life Insurance Corporation of India"),
        "{html}"
    );
    let html = page(&app, PROVIDER_ADMIN, &format!("/admin/agents/{WAITING}")).await;
    assert!(html.contains(r#"data-testid="agent-actions""#), "{html}");
    assert!(html.contains("licence.pdf"), "{html}");
    let html = page(&app, SUPER_ADMIN, &format!("/admin/agents/{AGENT002}")).await;
    assert!(
        html.contains("AGENT003") && html.contains("AGENT001"),
        "the network: {html}"
    );
    let html = page(&app, SUPER_ADMIN, "/admin/providers").await;
    assert!(html.contains("HDFC_LIFE"), "{html}");
    let html = page(&app, SUPER_ADMIN, &format!("/admin/providers/{LIC}")).await;
    assert!(
        html.contains(r#"data-testid="provider-form""#) && html.contains("AGENT001"),
        "{html}"
    );
    page(&app, SUPER_ADMIN, "/admin/providers/new").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn the_agent_profile_renders_with_the_reason_of_a_rejection(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let html = page(&app, REJECTED_USER, "/agent/profile").await;
    assert!(html.contains("The licence photo is blurred"), "{html}");
    assert!(
        html.contains(r#"data-testid="verification-form""#),
        "they may resubmit: {html}"
    );
    let html = page(&app, WAITING_USER, "/agent/profile").await;
    assert!(
        !html.contains(r#"data-testid="verification-form""#),
        "waiting: no second submission"
    );
    // Pages for another role say so, with a 403.
    let res = app
        .get_bearer("/admin/agents", &token(&app, JUNIOR).await)
        .await;
    assert_eq!(res.status, 403);
    let res = app
        .get_bearer("/agent/profile", &token(&app, PROVIDER_ADMIN).await)
        .await;
    assert_eq!(res.status, 403);
}
