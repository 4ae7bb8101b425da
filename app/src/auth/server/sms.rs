//! SMS delivery. Senders never run inside a request: the request writes the message
//! to `sms_outbox`, and `deliver_pending` (run by the server's background worker)
//! hands pending messages to the configured gateway.
//!
//! * `Outbox` (development, test): the outbox row *is* the delivery. Tests and
//!   developers read codes from it; nothing leaves the machine.
//! * `HttpGateway`: a generic Indian-DLT-shaped HTTP provider (sender id, DLT
//!   template and entity ids), configured by environment.
//!
//! After a real delivery the body is blanked, so an OTP never rests in the database.

use std::{future::Future, pin::Pin, time::Duration};

use sqlx::PgPool;
use uuid::Uuid;

/// The DLT template registered for OTP messages; the text must match it exactly.
pub const OTP_TEMPLATE: &str = "otp_login";

pub fn otp_body(code: &str) -> String {
    format!("{code} is your Agent Mitra verification code. It is valid for 5 minutes. Do not share it with anyone. -AGMITR")
}

#[derive(Debug, Clone, PartialEq)]
pub struct SmsMessage {
    pub phone_number: String,
    pub template_id: String,
    pub body: String,
}

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

pub trait SmsGateway: Send + Sync + std::fmt::Debug {
    /// Delivers one message; the error text is logged, never shown to users.
    fn deliver<'a>(&'a self, message: &'a SmsMessage) -> SendFuture<'a>;
    /// Whether delivered bodies may be kept (only the local outbox keeps them).
    fn keeps_body(&self) -> bool {
        false
    }
}

/// Development and test delivery: leaves the message in the outbox table.
#[derive(Debug, Default)]
pub struct Outbox;

impl SmsGateway for Outbox {
    fn deliver<'a>(&'a self, _message: &'a SmsMessage) -> SendFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    fn keeps_body(&self) -> bool {
        true
    }
}

/// Settings of the HTTP provider (all from the environment; the key is secret).
#[derive(Clone)]
pub struct HttpGatewayConfig {
    pub url: String,
    pub api_key: String,
    pub sender_id: String,
    pub dlt_entity_id: String,
    pub dlt_template_id: String,
}

impl std::fmt::Debug for HttpGatewayConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpGatewayConfig")
            .field("url", &self.url)
            .field("api_key", &"[redacted]")
            .field("sender_id", &self.sender_id)
            .finish()
    }
}

#[derive(Debug)]
pub struct HttpGateway {
    config: HttpGatewayConfig,
    client: reqwest::Client,
}

impl HttpGateway {
    pub fn new(config: HttpGatewayConfig) -> Self {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Self { config, client }
    }
}

impl SmsGateway for HttpGateway {
    fn deliver<'a>(&'a self, message: &'a SmsMessage) -> SendFuture<'a> {
        Box::pin(async move {
            // DLT providers take the number without '+'.
            let to = message.phone_number.trim_start_matches('+');
            let response = self
                .client
                .post(&self.config.url)
                .bearer_auth(&self.config.api_key)
                .json(&serde_json::json!({
                    "sender": self.config.sender_id,
                    "to": to,
                    "message": message.body,
                    "dlt_entity_id": self.config.dlt_entity_id,
                    "dlt_template_id": self.config.dlt_template_id,
                    "template_name": message.template_id,
                }))
                .send()
                .await
                .map_err(|e| format!("request failed: {e}"))?;
            if response.status().is_success() {
                Ok(())
            } else {
                Err(format!("provider answered {}", response.status()))
            }
        })
    }
}

/// Queues a message. Called inside the request; cheap.
pub async fn enqueue(
    conn: &mut sqlx::PgConnection,
    message: &SmsMessage,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO sms_outbox (phone_number, template_id, body) VALUES ($1, $2, $3)
         RETURNING message_id",
    )
    .bind(&message.phone_number)
    .bind(&message.template_id)
    .bind(&message.body)
    .fetch_one(conn)
    .await
}

/// Delivers up to `batch` pending messages; returns how many were attempted.
/// `FOR UPDATE SKIP LOCKED` lets several instances run workers side by side.
pub async fn deliver_pending(
    pool: &PgPool,
    gateway: &dyn SmsGateway,
    batch: i64,
) -> Result<usize, sqlx::Error> {
    let rows: Vec<(Uuid, String, String, String)> = sqlx::query_as(
        "UPDATE sms_outbox SET status = 'sending', attempts = attempts + 1
         WHERE message_id IN (
             SELECT message_id FROM sms_outbox
             WHERE status = 'pending' OR (status = 'failed' AND attempts < 3)
                -- a worker that died mid-send leaves 'sending' behind
                OR (status = 'sending' AND created_at < now() - interval '2 minutes' AND attempts < 3)
             ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT $1)
         RETURNING message_id, phone_number, template_id, body",
    )
    .bind(batch)
    .fetch_all(pool)
    .await?;
    for (id, phone_number, template_id, body) in &rows {
        let message = SmsMessage {
            phone_number: phone_number.clone(),
            template_id: template_id.clone(),
            body: body.clone(),
        };
        match gateway.deliver(&message).await {
            Ok(()) => {
                sqlx::query(
                    "UPDATE sms_outbox SET status = 'sent', sent_at = now(), last_error = NULL,
                            body = CASE WHEN $2 THEN body ELSE '[delivered]' END
                     WHERE message_id = $1",
                )
                .bind(id)
                .bind(gateway.keeps_body())
                .execute(pool)
                .await?;
            }
            Err(error) => {
                tracing::warn!(message_id = %id, %error, "sms delivery failed");
                // After the last try the body goes too: no OTP rests in the table.
                sqlx::query(
                    "UPDATE sms_outbox SET status = 'failed', last_error = $2,
                            body = CASE WHEN attempts >= 3 AND NOT $3 THEN '[undelivered]' ELSE body END
                     WHERE message_id = $1",
                )
                    .bind(id)
                    .bind(&error)
                    .bind(gateway.keeps_body())
                    .execute(pool)
                    .await?;
            }
        }
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{extract::State, http::HeaderMap, routing::post, Json, Router};
    use std::sync::{Arc, Mutex};

    type Seen = Arc<Mutex<Vec<(Option<String>, serde_json::Value)>>>;

    /// A local stand-in for the provider: records what it receives.
    async fn fake_provider(status: u16) -> (String, Seen) {
        let seen: Seen = Arc::default();
        let app = Router::new()
            .route(
                "/send",
                post(
                    move |State(seen): State<Seen>,
                          headers: HeaderMap,
                          Json(body): Json<serde_json::Value>| async move {
                        let auth = headers
                            .get("authorization")
                            .and_then(|v| v.to_str().ok())
                            .map(str::to_owned);
                        seen.lock().unwrap().push((auth, body));
                        axum::http::StatusCode::from_u16(status).unwrap()
                    },
                ),
            )
            .with_state(seen.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (format!("http://{addr}/send"), seen)
    }

    fn gateway(url: String) -> HttpGateway {
        HttpGateway::new(HttpGatewayConfig {
            url,
            api_key: "k-123".into(),
            sender_id: "AGMITR".into(),
            dlt_entity_id: "1101000000000000001".into(),
            dlt_template_id: "1107000000000000001".into(),
        })
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn the_http_gateway_sends_a_dlt_shaped_request_and_blanks_the_body(pool: PgPool) {
        let (url, seen) = fake_provider(200).await;
        let message = SmsMessage {
            phone_number: "+919876543212".into(),
            template_id: OTP_TEMPLATE.into(),
            body: otp_body("123987"),
        };
        let id = enqueue(&mut pool.acquire().await.unwrap(), &message)
            .await
            .unwrap();
        assert_eq!(deliver_pending(&pool, &gateway(url), 10).await.unwrap(), 1);

        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 1);
        let (auth, body) = &seen[0];
        assert_eq!(auth.as_deref(), Some("Bearer k-123"));
        assert_eq!(body["to"], "919876543212");
        assert_eq!(body["sender"], "AGMITR");
        assert_eq!(body["dlt_template_id"], "1107000000000000001");
        assert!(body["message"]
            .as_str()
            .unwrap()
            .starts_with("123987 is your"));

        let (status, stored): (String, String) =
            sqlx::query_as("SELECT status, body FROM sms_outbox WHERE message_id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(status, "sent");
        assert_eq!(stored, "[delivered]", "no OTP rests in the database");
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn a_refusing_provider_leaves_the_message_for_a_retry(pool: PgPool) {
        let (url, _) = fake_provider(503).await;
        let message = SmsMessage {
            phone_number: "+919876543212".into(),
            template_id: OTP_TEMPLATE.into(),
            body: "x".into(),
        };
        enqueue(&mut pool.acquire().await.unwrap(), &message)
            .await
            .unwrap();
        deliver_pending(&pool, &gateway(url), 10).await.unwrap();
        let (status, error): (String, Option<String>) =
            sqlx::query_as("SELECT status, last_error FROM sms_outbox")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(status, "failed");
        assert!(error.unwrap().contains("503"));
    }
}
