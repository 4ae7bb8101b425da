//! Every page of the book renders completely on the server (a browser test that
//! arrives by client navigation never runs this path): the agent home's cards and
//! chart, customers, policies, the renewal queue and the customer's own page.

use super::*;
use sqlx::PgPool;

async fn page(app: &TestApp, who: Demo, path: &str) -> String {
    let res = app.as_user(who).await.get(path).await;
    assert_eq!(res.status, 200, "{path}: {}", res.text());
    res.text()
}

fn has(html: &str, needle: &str) {
    assert!(html.contains(needle), "{needle} in {html}");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_agents_pages_render_on_the_server(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let html = page(&app, Demo::Agent, "/agent").await;
    has(&html, r#"data-testid="book-summary""#);
    has(&html, r#"data-testid="premium-chart""#);
    has(&html, r#"href="/agent/renewals?bucket=in_grace""#);
    let html = page(&app, Demo::Agent, "/agent/customers").await;
    has(&html, "CUST001");
    has(&html, "CUST002");
    let html = page(&app, Demo::Agent, "/agent/customers/new").await;
    has(&html, r#"data-testid="add-customer""#);
    let html = page(&app, Demo::Agent, &format!("/agent/customers/{CUST001}")).await;
    has(&html, "Mr. Test Customer");
    has(&html, "POL001001");
    has(&html, r#"href="/policies/new?customer="#);
    let html = page(&app, Demo::Agent, "/policies").await;
    has(&html, "POL001001");
    has(&html, "₹50,00,000");
    let html = page(&app, Demo::Agent, "/policies?view=lapsed").await;
    has(&html, "POL001006");
    assert!(!html.contains(">POL001001<"), "{html}");
    let html = page(
        &app,
        Demo::Agent,
        &format!("/policies/new?customer={CUST001}"),
    )
    .await;
    has(&html, r#"data-testid="new-policy""#);
    has(&html, &format!(r#"value="{CUST001}" selected"#));
    let html = page(&app, Demo::Agent, &format!("/policies/{POL001001}")).await;
    has(&html, r#"data-testid="policy-number""#);
    has(&html, "RCPT-POL001001-1");
    has(&html, "Paid up to");
    let html = page(&app, Demo::Agent, "/agent/renewals").await;
    for b in ["due_soon", "in_grace", "revivable", "lapsed"] {
        has(&html, &format!("badge-bucket-{b}"));
    }
    has(&html, r#"data-testid="remind-all""#);
    let html = page(&app, Demo::Agent, "/agent/import").await;
    has(&html, r#"data-testid="import-form""#);
    has(&html, r#"enctype="multipart/form-data""#);
    let html = page(&app, Demo::Agent, "/agent/renewals?bucket=in_grace").await;
    has(&html, "POL001005");
    assert!(!html.contains("POL001004"), "{html}");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_admin_approves_from_the_policy_page_and_moves_a_customer(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let html = page(&app, Demo::ProviderAdmin, &format!("/policies/{POL001003}")).await;
    has(&html, r#"data-testid="step-activate""#);
    let html = page(
        &app,
        Demo::ProviderAdmin,
        &format!("/agent/customers/{CUST001}"),
    )
    .await;
    has(&html, r#"name="agent_id""#);
    // An agent sees no move form, and another agent's customer is not found.
    let html = page(&app, Demo::Agent, &format!("/agent/customers/{CUST001}")).await;
    assert!(!html.contains(r#"id="move""#), "{html}");
    let res = app
        .as_user(Demo::SeniorAgent)
        .await
        .get(&format!("/agent/customers/{CUST001}"))
        .await;
    assert_eq!(res.status, 404, "{}", res.text());
}

#[sqlx::test(migrations = "../migrations")]
async fn the_customers_own_page_shows_their_policies_and_their_agent(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    for path in ["/my", "/my/policies"] {
        let html = page(&app, Demo::Customer, path).await;
        has(&html, r#"data-testid="my-policies""#);
        has(&html, "LIC Term Plan");
        has(&html, "Paid up to");
        has(&html, "Test Agent");
        has(&html, "wa.me/919876543210");
    }
    // The role-test policyholder: the junior agent's customer.
    let html = page(&app, Demo::Policyholder, "/my").await;
    has(&html, "POLJR0001");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_import_job_page_renders_its_progress_and_errors(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent = app.as_user(Demo::Agent).await;
    let mut csv = app::imports::types::template();
    csv.push_str("12345,,,,,,,term_life,X,,motor,0,1,weekly,2024-01-01,2024-01-10,,,active,\r\n");
    let res = app
        .upload_file(
            "/api/v1/imports",
            &agent.token,
            "file",
            "book.csv",
            "text/csv",
            csv.as_bytes(),
        )
        .await;
    assert_eq!(res.status, 202, "{}", res.text());
    let id = res.json()["job_id"].as_str().unwrap().to_owned();
    wait_for_job(&agent, &id, "ready").await;
    let html = page(&app, Demo::Agent, &format!("/agent/import/{id}")).await;
    has(&html, r#"data-status="ready""#);
    has(&html, r#"role="progressbar""#);
    has(&html, r#"data-testid="import-errors""#);
    has(&html, "3 rows read · 2 valid · 1 with problems");
    has(&html, r#"data-testid="run-import""#);
    // The page carries the WASM that lets its progress region follow the job.
    has(&html, r#"data-islands="true""#);
    let other = app
        .as_user(Demo::SeniorAgent)
        .await
        .get(&format!("/agent/import/{id}"))
        .await;
    assert_eq!(other.status, 404);
}
