//! `TestApp`: the real router over a test pool, with typed request helpers.

use axum::{body::Body, http::Request, Router};
use http::{header, Method, StatusCode};
use http_body_util::BodyExt;
use sqlx::PgPool;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub pool: PgPool,
    pub state: app::state::AppState,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: bytes::Bytes,
}

impl TestResponse {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl TestApp {
    pub fn new(pool: PgPool) -> Self {
        if std::env::var("TEST_LOG").is_ok() {
            server::telemetry::init(server::config::LogFormat::Pretty);
        }
        let state = server::startup::test_state(pool.clone());
        Self::with_state(pool, state)
    }

    /// An app over a state the test has changed (another site root, say).
    pub fn with_state(pool: PgPool, state: app::state::AppState) -> Self {
        Self {
            router: server::startup::build_router(state.clone()),
            pool,
            state,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        // A request that hangs fails here, naming itself, instead of stalling the run.
        let what = format!("{} {}", request.method(), request.uri());
        let response = tokio::time::timeout(REQUEST_LIMIT, self.router.clone().oneshot(request))
            .await
            .unwrap_or_else(|_| {
                // Say whether the pool was exhausted: the likeliest cause of a stall.
                let (open, idle) = (self.pool.size(), self.pool.num_idle());
                panic!("{what} got no answer in {REQUEST_LIMIT:?} (pool: {open} open, {idle} idle)")
            })
            .expect("router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A JSON POST, as the mobile app sends it.
    pub async fn post_json(&self, path: &str, body: &str) -> TestResponse {
        self.send(
            Request::builder()
                .method(Method::POST)
                .uri(path)
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::ACCEPT, "application/json")
                .body(Body::from(body.to_owned()))
                .unwrap(),
        )
        .await
    }
}

/// Far above any request of ours (a debug build renders the editor in well under 1 s).
const REQUEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(20);

pub const PASSWORD: &str = server::seed::DEMO_PASSWORD;

impl TestApp {
    /// The app over a database holding the demo data (all ten roles).
    pub async fn seeded(pool: PgPool) -> Self {
        let app = Self::new(pool);
        server::seed::run(&app.pool, &app.state.media)
            .await
            .expect("seed");
        app
    }

    /// Signs in through the mobile API; panics unless it succeeds.
    pub async fn login(&self, phone: &str, password: &str) -> serde_json::Value {
        let body = serde_json::json!({"phone_number": phone, "password": password}).to_string();
        let res = self.post_json("/api/v1/auth/login", &body).await;
        assert_eq!(res.status, StatusCode::OK, "login {phone}: {}", res.text());
        res.json()
    }

    /// A fresh mobile session for `user_id`, straight from the service (no rate limit).
    pub async fn token_for(&self, user_id: uuid::Uuid) -> String {
        use app::auth::server::service;
        let meta = app::auth::server::guard::RequestMeta {
            ip: "10.9.8.7".into(),
            user_agent: None,
            lang: app::i18n::Lang::En,
        };
        let login = service::start_session(
            &self.state,
            &meta,
            user_id,
            app::auth::types::LoginMethod::Password,
            service::Client::Mobile,
            false,
        )
        .await
        .expect("session");
        service::token_response(&self.state, &login)
            .await
            .expect("tokens")
            .access_token
    }

    pub async fn send_bearer(
        &self,
        method: Method,
        path: &str,
        token: &str,
        content_type: &str,
        body: String,
    ) -> TestResponse {
        self.send(
            Request::builder()
                .method(method)
                .uri(path)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, content_type)
                .header(header::ACCEPT, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    /// A multipart upload of one file as `field`, the way a phone sends it.
    pub async fn upload_file(
        &self,
        path: &str,
        token: &str,
        field: &str,
        name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> TestResponse {
        let boundary = "XyZzYboundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {mime}\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.send(
            Request::builder()
                .method(Method::POST)
                .uri(path)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .header(header::ACCEPT, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    pub async fn get_bearer(&self, path: &str, token: &str) -> TestResponse {
        self.send_bearer(Method::GET, path, token, "application/json", String::new())
            .await
    }

    pub async fn post_bearer(&self, path: &str, token: &str) -> TestResponse {
        self.send_bearer(Method::POST, path, token, "application/json", "{}".into())
            .await
    }

    pub async fn delete_bearer(&self, path: &str, token: &str) -> TestResponse {
        self.send_bearer(
            Method::DELETE,
            path,
            token,
            "application/json",
            String::new(),
        )
        .await
    }

    pub async fn put_json_bearer(&self, path: &str, token: &str, body: &str) -> TestResponse {
        self.send_bearer(
            Method::PUT,
            path,
            token,
            "application/json",
            body.to_owned(),
        )
        .await
    }

    /// The newest OTP sent to `phone`, read from the SMS outbox as a phone would.
    pub async fn outbox_code(&self, phone: &str) -> String {
        let body: String = sqlx::query_scalar(
            "SELECT body FROM sms_outbox WHERE phone_number = $1 ORDER BY created_at DESC LIMIT 1",
        )
        .bind(phone)
        .fetch_one(&self.pool)
        .await
        .expect("an SMS was queued");
        body.chars().take(6).collect()
    }

    /// Moves the last send 31 s into the past, as if the cooldown had passed.
    pub async fn end_otp_cooldown(&self) {
        sqlx::query("UPDATE otp_codes SET last_sent_at = last_sent_at - interval '31 seconds'")
            .execute(&self.pool)
            .await
            .unwrap();
    }
}
