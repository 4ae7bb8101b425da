//! The customer's own page and its server function: each caller sees their own
//! agent and nobody else's.

use crate::demo::Demo;
use crate::helpers::TestApp;
use sqlx::PgPool;

const MY_AGENT: &str = "/api/ui/customers/my-agent";

/// Role by role: everyone signed in may ask, and only a customer gets an agent;
/// their own, found by who they are.
#[sqlx::test(migrations = "../migrations")]
async fn each_role_gets_only_their_own_agent(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    assert_eq!(app.get(MY_AGENT).await.status, 401);
    for who in Demo::all() {
        let res = app.as_user(who).await.get(MY_AGENT).await;
        assert_eq!(res.status, 200, "{who:?}: {}", res.text());
        let body = res.json();
        let code = body["agent"]["agent_code"].as_str();
        let expected = match who {
            Demo::Policyholder => Some("AGTJR001"),
            Demo::Customer => Some("AGENT001"),
            _ => None,
        };
        assert_eq!(code, expected, "{who:?}: {body}");
    }
}

/// The demo customer's page, server-rendered: their agent's live carousel and one
/// tap to call, WhatsApp or email; no "not linked" text.
#[sqlx::test(migrations = "../migrations")]
async fn a_customer_page_shows_their_agents_carousel_and_contact(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let page = app.as_user(Demo::Customer).await.get("/my").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains(r#"data-testid="my-agent-name" class="mt-2 text-lg font-semibold break-words">Test Agent<"#),
        "{html}"
    );
    assert!(
        html.contains("data-testid=\"carousel\""),
        "the carousel renders: {html}"
    );
    assert!(html.contains(r#"href="tel:+919876543210""#), "{html}");
    assert!(
        html.contains(r#"href="https://wa.me/919876543210""#),
        "{html}"
    );
    assert!(html.contains(r#"href="mailto:agent1@test.com""#), "{html}");
    assert!(!html.contains("not linked to an agent"), "{html}");
}

/// A suspended agent's customers still see whom to call, but no carousel.
#[sqlx::test(migrations = "../migrations")]
async fn an_inactive_agents_carousel_is_not_shown(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    sqlx::query("UPDATE agents SET status = 'suspended' WHERE agent_code = 'AGENT001'")
        .execute(&app.pool)
        .await
        .unwrap();
    let html = app.as_user(Demo::Customer).await.get("/my").await.text();
    assert!(html.contains("tel:+919876543210"), "{html}");
    assert!(!html.contains("data-testid=\"carousel\""), "{html}");
}

/// Nobody's customer (a guest, a new SMS sign-up) is told plainly.
#[sqlx::test(migrations = "../migrations")]
async fn a_user_without_an_agent_is_told_so(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let html = app.as_user(Demo::Guest).await.get("/my").await.text();
    assert!(html.contains("not linked to an agent"), "{html}");
    assert!(!html.contains("data-testid=\"my-agent-contact\""), "{html}");
}
