//! The audit trail (SPEC §4.16). Writing an event never fails the request: a failed
//! write is logged and swallowed. Never put a password or an OTP code in `details`.

use crate::auth::server::guard::RequestMeta;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Default)]
pub struct AuditEvent<'a> {
    pub event_type: &'a str,
    pub user_id: Option<Uuid>,
    pub tenant_id: Option<Uuid>,
    pub resource_type: Option<&'a str>,
    pub resource_id: Option<String>,
    pub success: bool,
    pub phone_number: Option<&'a str>,
    pub email: Option<&'a str>,
    pub details: serde_json::Value,
    pub error_message: Option<&'a str>,
}

impl<'a> AuditEvent<'a> {
    pub fn new(event_type: &'a str, success: bool) -> Self {
        Self {
            event_type,
            success,
            details: serde_json::json!({}),
            ..Default::default()
        }
    }
}

pub async fn record(pool: &PgPool, meta: &RequestMeta, event: AuditEvent<'_>) {
    let result = sqlx::query(
        "INSERT INTO audit_events (tenant_id, user_id, event_type, resource_type, resource_id,
                                   success, phone_number, email, ip_address, user_agent,
                                   details, error_message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(event.tenant_id)
    .bind(event.user_id)
    .bind(event.event_type)
    .bind(event.resource_type)
    .bind(&event.resource_id)
    .bind(event.success)
    .bind(event.phone_number)
    .bind(event.email)
    .bind(&meta.ip)
    .bind(meta.user_agent.as_deref())
    .bind(&event.details)
    .bind(event.error_message)
    .execute(pool)
    .await;
    if let Err(err) = result {
        tracing::error!(error = %err, event = event.event_type, "audit write failed");
    }
}
