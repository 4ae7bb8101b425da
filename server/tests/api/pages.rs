use crate::helpers::TestApp;
use http::StatusCode;
use sqlx::PgPool;

fn csp_nonce(csp: &str) -> &str {
    let start = csp.find("'nonce-").expect("nonce in CSP") + "'nonce-".len();
    &csp[start..start + csp[start..].find('\'').unwrap()]
}

#[sqlx::test(migrations = "../migrations")]
async fn the_home_page_renders_and_its_inline_script_carries_the_csp_nonce(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/").await;
    assert_eq!(res.status, StatusCode::OK);
    let html = res.text();
    assert!(html.contains("<html lang=\"en\""), "{html}");
    assert!(html.contains("Agent Mitra"));
    let nonce = csp_nonce(res.header("content-security-policy").unwrap()).to_owned();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "hydration script lacks the nonce"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_status_page_is_complete_without_javascript(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/status").await;
    assert_eq!(res.status, StatusCode::OK);
    let html = res.text();
    assert!(
        html.contains("data-testid=\"database-card\""),
        "data rendered on the server"
    );
    assert!(html.contains("data-status=\"healthy\""));
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_pages_get_the_404_page_with_a_404_status(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/no/such/page").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.text().contains("Page not found"));
}

#[sqlx::test(migrations = "../migrations")]
async fn choosing_hindi_sets_a_cookie_and_the_pages_follow_it(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/lang/hi?next=/status").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), Some("/status"));
    let cookie = res.header("set-cookie").unwrap().to_owned();
    assert!(cookie.starts_with("am_lang=hi;"), "{cookie}");

    let page = app.get_with("/", &[("cookie", "am_lang=hi")]).await.text();
    assert!(page.contains("<html lang=\"hi\""));
    assert!(page.contains("सिस्टम स्थिति"), "navigation in Hindi");
}

/// A page asks its `Access` before it renders (`frame::Gate`): a guest opening the
/// user admin gets a plain 403 page, and no server function of that page runs for
/// them. (Server functions still check their own entry on their first line; the
/// permission matrix proves that over HTTP.)
#[sqlx::test(migrations = "../migrations")]
async fn a_page_for_another_role_is_refused_before_it_renders(pool: PgPool) {
    use crate::demo::Demo;
    let app = TestApp::seeded(pool).await;
    let guest = app.as_user(Demo::Guest).await;
    let res = guest.get("/admin/users").await;
    assert_eq!(res.status, 403);
    let page = res.text();
    assert!(page.contains("This page is not for your role"), "{page}");
    assert!(!page.contains("Insufficient permissions"), "{page}");
    assert!(
        !page.contains(Demo::SuperAdmin.email()),
        "the guest must not see the user list"
    );
    let admin = app.as_user(Demo::SuperAdmin).await;
    let page = admin.get("/admin/users").await.text();
    assert!(
        page.contains(Demo::Guest.email()),
        "the admin sees the list"
    );
}
