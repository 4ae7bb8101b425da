//! SQL for session rows: opening one, the guard's one-query lookup, sliding expiry,
//! refresh-token rotation, revocation and the caller's list.

use super::roles_of;
use crate::access::Role;
use crate::access::UserStatus;
use crate::auth::types::SessionInfo;
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

pub struct NewSession<'a> {
    pub user_id: Uuid,
    pub kind: &'a str,
    pub login_method: &'a str,
    pub refresh_jti: Option<Uuid>,
    pub device: Option<&'a str>,
    pub ip: &'a str,
    pub user_agent: Option<&'a str>,
    pub ttl_secs: i64,
}

pub async fn create_session(
    conn: &mut PgConnection,
    s: &NewSession<'_>,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO user_sessions (user_id, kind, login_method, refresh_jti, device, ip_address,
                                    user_agent, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6::inet, $7, now() + make_interval(secs => $8))
         RETURNING session_id",
    )
    .bind(s.user_id)
    .bind(s.kind)
    .bind(s.login_method)
    .bind(s.refresh_jti)
    .bind(s.device)
    .bind(
        s.ip.parse::<std::net::IpAddr>()
            .ok()
            .map(|ip| ip.to_string()),
    )
    .bind(s.user_agent)
    .bind(s.ttl_secs as f64)
    .fetch_one(conn)
    .await
}

/// Everything the guard needs about a live session, in one query.
#[derive(FromRow)]
pub struct PrincipalRow {
    pub session_id: Uuid,
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub role: String,
    pub extra_roles: Vec<String>,
    pub status: UserStatus,
    pub agent_id: Option<Uuid>,
    pub kind: String,
    pub stale: bool,
}

impl PrincipalRow {
    pub fn roles(&self) -> Vec<Role> {
        roles_of(
            Role::parse(&self.role).unwrap_or(Role::Guest),
            &self.extra_roles,
        )
    }
}

pub async fn live_principal(
    conn: &mut PgConnection,
    session_id: Uuid,
) -> Result<Option<PrincipalRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.session_id, s.user_id, u.tenant_id, u.role,
                array(SELECT r.role FROM user_roles r WHERE r.user_id = u.user_id) AS extra_roles,
                u.status, (SELECT a.agent_id FROM agents a WHERE a.user_id = u.user_id) AS agent_id,
                s.kind, s.last_seen_at < now() - interval '1 minute' AS stale
         FROM user_sessions s JOIN users u ON u.user_id = s.user_id
         WHERE s.session_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()",
    )
    .bind(session_id)
    .fetch_optional(conn)
    .await
}

pub async fn touch_session(conn: &mut PgConnection, session_id: Uuid) -> Result<(), sqlx::Error> {
    // Browser sessions slide like their cookie (7 days of inactivity); mobile ones
    // are bounded by their refresh token instead.
    sqlx::query(
        "UPDATE user_sessions SET last_seen_at = now(),
                expires_at = CASE WHEN kind = 'browser' THEN now() + interval '7 days' ELSE expires_at END
         WHERE session_id = $1",
    )
        .bind(session_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The refresh state of a session, locked for rotation.
#[derive(FromRow)]
pub struct RefreshRow {
    pub user_id: Uuid,
    pub refresh_jti: Option<Uuid>,
    pub previous_refresh_jti: Option<Uuid>,
    pub in_grace: bool,
    pub live: bool,
}

pub async fn lock_refresh(
    conn: &mut PgConnection,
    session_id: Uuid,
) -> Result<Option<RefreshRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT user_id, refresh_jti, previous_refresh_jti,
                coalesce(rotated_at > now() - interval '10 seconds', false) AS in_grace,
                revoked_at IS NULL AND expires_at > now() AS live
         FROM user_sessions WHERE session_id = $1 FOR UPDATE",
    )
    .bind(session_id)
    .fetch_optional(conn)
    .await
}

pub async fn rotate_refresh(
    conn: &mut PgConnection,
    session_id: Uuid,
    new_jti: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE user_sessions SET previous_refresh_jti = refresh_jti, refresh_jti = $2,
                rotated_at = now(), last_seen_at = now()
         WHERE session_id = $1",
    )
    .bind(session_id)
    .bind(new_jti)
    .execute(conn)
    .await?;
    Ok(())
}

/// Revokes one session of `user_id`; false if there was no such live session.
pub async fn revoke_session(
    conn: &mut PgConnection,
    user_id: Uuid,
    session_id: Uuid,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE user_sessions SET revoked_at = now(), revoked_reason = $3
         WHERE session_id = $1 AND user_id = $2 AND revoked_at IS NULL",
    )
    .bind(session_id)
    .bind(user_id)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes every live session of `user_id` except `keep`; returns how many.
pub async fn revoke_all_except(
    conn: &mut PgConnection,
    user_id: Uuid,
    keep: Option<Uuid>,
    reason: &str,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE user_sessions SET revoked_at = now(), revoked_reason = $3
         WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR session_id <> $2)",
    )
    .bind(user_id)
    .bind(keep)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

pub async fn list_sessions(
    conn: &mut PgConnection,
    user_id: Uuid,
    current: Uuid,
) -> Result<Vec<SessionInfo>, sqlx::Error> {
    sqlx::query_as(
        "SELECT session_id, kind, login_method, device, host(ip_address) AS ip_address, user_agent,
                created_at, last_seen_at, session_id = $2 AS current
         FROM user_sessions
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
         ORDER BY last_seen_at DESC",
    )
    .bind(user_id)
    .bind(current)
    .fetch_all(conn)
    .await
}
