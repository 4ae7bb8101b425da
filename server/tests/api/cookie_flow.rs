//! The browser's way in: a form post to `/api/ui/auth/login`, an `am_session`
//! cookie, signed-in requests with it, and a logout that makes it worthless.

use crate::demo::Demo;
use crate::helpers::{TestApp, TestResponse};
use axum::body::Body;
use http::{header, Request, StatusCode};
use sqlx::PgPool;

const ORIGIN: &str = "http://127.0.0.1:8012";

fn form_post(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "127.0.0.1:8012")
        .header(header::ORIGIN, ORIGIN)
        .header(header::REFERER, format!("{ORIGIN}/login"));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

/// The `am_session=…` pair and the attributes of the cookie the response sets.
fn session_cookie(res: &TestResponse) -> (String, String) {
    let set = res
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("am_session="))
        .unwrap_or_else(|| panic!("no am_session cookie: {:?}", res.headers))
        .to_owned();
    let pair = set.split(';').next().unwrap().to_owned();
    (pair, set)
}

async fn sign_in(app: &TestApp, cookie: Option<&str>) -> (String, String) {
    let body = format!(
        "identifier={}&password={}&next=%2Fagent",
        Demo::Agent.email(),
        Demo::Agent.password()
    );
    let res = app
        .send(form_post("/api/ui/auth/login", &body, cookie))
        .await;
    assert!(res.status.is_redirection(), "{} {}", res.status, res.text());
    assert_eq!(res.header("location"), Some("/agent"));
    session_cookie(&res)
}

async fn who_am_i(app: &TestApp, cookie: &str) -> serde_json::Value {
    let res = app
        .get_with(
            "/api/ui/auth/me",
            &[("cookie", cookie), ("accept", "application/json")],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_browser_signs_in_with_a_cookie_uses_it_and_signs_out(pool: PgPool) {
    let app = TestApp::seeded(pool).await;

    // Sign-in answers with the session cookie, locked down.
    let (first, attributes) = sign_in(&app, None).await;
    let lower = attributes.to_ascii_lowercase();
    assert!(lower.contains("httponly"), "{attributes}");
    assert!(lower.contains("samesite=lax"), "{attributes}");
    assert!(lower.contains("path=/"), "{attributes}");
    // Test runs are plain HTTP; outside development and test the cookie is Secure.
    assert!(!lower.contains("secure"), "{attributes}");

    // Signing in again from the same browser renews the session id (no fixation).
    let (second, _) = sign_in(&app, Some(&first)).await;
    assert_ne!(first, second, "the session id is renewed at sign-in");

    // A signed-in request.
    let me = who_am_i(&app, &second).await;
    assert_eq!(me["user"]["email"], Demo::Agent.email());
    let res = app
        .get_with("/api/v1/users/me", &[("cookie", second.as_str())])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());

    // Logout, and the old cookie is refused.
    let res = app
        .send(form_post("/api/ui/auth/logout", "", Some(&second)))
        .await;
    assert!(res.status.is_redirection(), "{} {}", res.status, res.text());
    assert_eq!(res.header("location"), Some("/login"));
    assert!(who_am_i(&app, &second).await.is_null());
    let res = app
        .get_with("/api/v1/users/me", &[("cookie", second.as_str())])
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{}", res.text());
}
