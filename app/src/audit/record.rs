//! Writing audit rows.

use super::Event;
use crate::auth::server::guard::{CurrentUser, RequestMeta};
use crate::error::AppResult;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// One audit row, built with the methods below.
#[derive(Debug)]
pub struct Entry<'a> {
    pub event: Event,
    pub success: bool,
    pub user_id: Option<Uuid>,
    pub tenant_id: Option<Uuid>,
    pub resource_type: Option<&'static str>,
    pub resource_id: Option<String>,
    pub phone_number: Option<&'a str>,
    pub email: Option<&'a str>,
    pub details: serde_json::Value,
    pub error_message: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// A successful event.
    pub fn new(event: Event) -> Self {
        Self {
            event,
            success: true,
            user_id: None,
            tenant_id: None,
            resource_type: None,
            resource_id: None,
            phone_number: None,
            email: None,
            details: serde_json::json!({}),
            error_message: None,
        }
    }

    /// A refused or failed attempt, with the reason.
    pub fn failed(event: Event, reason: &'a str) -> Self {
        Self {
            success: false,
            error_message: Some(reason),
            ..Self::new(event)
        }
    }

    /// In this tenant, by nobody (a background job).
    pub fn tenant(mut self, tenant: Uuid) -> Self {
        self.tenant_id = Some(tenant);
        self
    }

    /// Done by this caller (their user and tenant).
    pub fn by(mut self, caller: &CurrentUser) -> Self {
        self.user_id = Some(caller.user_id);
        self.tenant_id = Some(caller.tenant_id);
        self
    }

    /// Done by (or to) this user, when there is no signed-in caller.
    pub fn user(mut self, user_id: Uuid) -> Self {
        self.user_id = Some(user_id);
        self
    }

    /// The record it touched.
    pub fn on(mut self, resource_type: &'static str, id: impl ToString) -> Self {
        self.resource_type = Some(resource_type);
        self.resource_id = Some(id.to_string());
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }

    pub fn phone(mut self, phone_number: &'a str) -> Self {
        self.phone_number = Some(phone_number);
        self
    }
}

/// Writes the row on `conn`: pass the transaction that makes the change, so the row
/// commits or rolls back with it. A failed write fails the change.
pub async fn record(
    conn: &mut PgConnection,
    meta: &RequestMeta,
    entry: Entry<'_>,
) -> AppResult<()> {
    insert(conn, meta, &entry).await?;
    Ok(())
}

/// Writes the row of a change the caller made to one record, inside the
/// transaction that makes it: the shape every feature's changes share.
pub async fn record_change(
    conn: &mut PgConnection,
    ctx: &crate::auth::server::guard::Ctx,
    event: Event,
    resource_type: &'static str,
    id: Uuid,
    details: serde_json::Value,
) -> AppResult<()> {
    let e = Entry::new(event)
        .by(&ctx.caller)
        .on(resource_type, id)
        .details(details);
    record(conn, &ctx.meta, e).await
}

/// Writes the row of an attempt that was refused, on a connection of its own.
///
/// A failed sign-in (or a refused OTP, a wrong current password) changes nothing,
/// so there is no transaction to join, and the request ends in an error that would
/// roll one back; yet lockouts and investigations need exactly these rows. So they
/// are written by themselves, and a failure to write is logged, never returned:
/// the caller already has the answer they are owed.
pub async fn record_failure(pool: &PgPool, meta: &RequestMeta, entry: Entry<'_>) {
    let result = match pool.acquire().await {
        Ok(mut conn) => insert(&mut conn, meta, &entry).await,
        Err(err) => Err(err),
    };
    if let Err(err) = result {
        tracing::error!(error = %err, event = entry.event.as_str(), "audit write failed");
    }
}

async fn insert(
    conn: &mut PgConnection,
    meta: &RequestMeta,
    e: &Entry<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_events (tenant_id, user_id, event_type, resource_type, resource_id,
                                   success, phone_number, email, ip_address, user_agent,
                                   details, error_message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(e.tenant_id)
    .bind(e.user_id)
    .bind(e.event.as_str())
    .bind(e.resource_type)
    .bind(&e.resource_id)
    .bind(e.success)
    .bind(e.phone_number)
    .bind(e.email)
    .bind(&meta.ip)
    .bind(meta.user_agent.as_deref())
    .bind(&e.details)
    .bind(e.error_message)
    .execute(conn)
    .await?;
    Ok(())
}
