//! SQL for sign-in and sessions. Functions take a connection; services own transactions.

use crate::access::Role;
use crate::auth::types::{AuthUser, LoginIdentifier, SessionInfo};
use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

/// The credential row: kept apart from `AuthUser`, and not `Serialize`, so a password
/// hash can never end up in a response.
#[derive(FromRow)]
pub struct CredentialRow {
    pub user_id: Uuid,
    pub password_hash: String,
    pub status: String,
}

pub async fn find_credentials(
    conn: &mut PgConnection,
    identifier: &LoginIdentifier,
) -> Result<Option<CredentialRow>, sqlx::Error> {
    let (sql, value) = match identifier {
        LoginIdentifier::Phone(p) => (
            "SELECT user_id, password_hash, status FROM users WHERE phone_number = $1",
            p,
        ),
        LoginIdentifier::Email(e) => (
            "SELECT user_id, password_hash, status FROM users WHERE lower(email) = lower($1)",
            e,
        ),
        LoginIdentifier::AgentCode(c) => (
            "SELECT u.user_id, u.password_hash, u.status
             FROM agents a JOIN users u ON u.user_id = a.user_id
             WHERE a.agent_code = upper($1)",
            c,
        ),
    };
    sqlx::query_as(sql).bind(value).fetch_optional(conn).await
}

pub async fn find_user_by_phone(
    conn: &mut PgConnection,
    phone: &str,
) -> Result<Option<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as("SELECT user_id, status FROM users WHERE phone_number = $1")
        .bind(phone)
        .fetch_optional(conn)
        .await
}

/// A verified phone with no account becomes a policyholder (SPEC §4.2).
pub async fn create_policyholder(
    conn: &mut PgConnection,
    phone: &str,
    placeholder_hash: &str,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (phone_number, password_hash, role, phone_verified, display_name)
         VALUES ($1, $2, 'policyholder', true, $1) RETURNING user_id",
    )
    .bind(phone)
    .bind(placeholder_hash)
    .fetch_one(conn)
    .await
}

pub async fn mark_login(
    conn: &mut PgConnection,
    user_id: Uuid,
    phone_verified: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET last_login_at = now(), phone_verified = phone_verified OR $2
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(phone_verified)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(FromRow)]
struct AuthUserRow {
    user_id: Uuid,
    email: Option<String>,
    phone_number: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    display_name: Option<String>,
    role: String,
    extra_roles: Vec<String>,
    status: String,
    phone_verified: bool,
    email_verified: bool,
    tenant_id: Uuid,
    agent_id: Option<Uuid>,
    language_preference: String,
    last_login_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const AUTH_USER_SELECT: &str = "
    SELECT u.user_id, u.email, u.phone_number, u.first_name, u.last_name, u.display_name,
           u.role, array(SELECT r.role FROM user_roles r WHERE r.user_id = u.user_id ORDER BY r.role) AS extra_roles,
           u.status, u.phone_verified, u.email_verified, u.tenant_id,
           (SELECT a.agent_id FROM agents a WHERE a.user_id = u.user_id) AS agent_id,
           u.language_preference, u.last_login_at, u.created_at, u.updated_at
    FROM users u";

/// The primary role first, then the assigned ones (unknown names are skipped).
fn roles_of(primary: Role, extra: &[String]) -> Vec<Role> {
    let mut roles = vec![primary];
    roles.extend(
        extra
            .iter()
            .filter_map(|r| Role::parse(r))
            .filter(|r| *r != primary),
    );
    roles
}

pub async fn auth_user(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> Result<Option<AuthUser>, sqlx::Error> {
    let row: Option<AuthUserRow> =
        sqlx::query_as(&format!("{AUTH_USER_SELECT} WHERE u.user_id = $1"))
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|r| {
        let role = Role::parse(&r.role).unwrap_or(Role::Guest);
        AuthUser {
            full_name: crate::auth::types::full_name(
                r.first_name.as_deref(),
                r.last_name.as_deref(),
                r.display_name.as_deref(),
            ),
            roles: roles_of(role, &r.extra_roles),
            role,
            is_verified: r.phone_verified || r.email_verified,
            user_id: r.user_id,
            email: r.email,
            phone_number: r.phone_number,
            first_name: r.first_name,
            last_name: r.last_name,
            display_name: r.display_name,
            status: r.status,
            phone_verified: r.phone_verified,
            email_verified: r.email_verified,
            tenant_id: r.tenant_id,
            agent_id: r.agent_id,
            language_preference: r.language_preference,
            last_login_at: r.last_login_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }))
}

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
    pub status: String,
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

pub async fn password_hash(conn: &mut PgConnection, user_id: Uuid) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(conn)
        .await
}

pub async fn set_password(
    conn: &mut PgConnection,
    user_id: Uuid,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE user_id = $1")
        .bind(user_id)
        .bind(hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// The OTP row of a phone (SPEC §3.4).
#[derive(FromRow)]
pub struct OtpRow {
    pub code_hash: String,
    pub expired: bool,
    pub attempts: i32,
    /// Seconds since the last send.
    pub since_last_send: f64,
    /// Whether the hourly send window is still open, and its count.
    pub window_open: bool,
    pub sends_in_window: i32,
    pub window_ends_in: f64,
}

pub async fn lock_otp(conn: &mut PgConnection, phone: &str) -> Result<Option<OtpRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT code_hash, expires_at <= now() AS expired, attempts,
                extract(epoch FROM now() - last_sent_at)::float8 AS since_last_send,
                window_started_at > now() - interval '1 hour' AS window_open,
                sends_in_window,
                extract(epoch FROM window_started_at + interval '1 hour' - now())::float8 AS window_ends_in
         FROM otp_codes WHERE phone_number = $1 FOR UPDATE",
    )
    .bind(phone)
    .fetch_optional(conn)
    .await
}

/// Stores a new code, replacing (and so voiding) any previous one, with fresh attempts.
pub async fn store_otp(
    conn: &mut PgConnection,
    phone: &str,
    code_hash: &str,
    ttl_secs: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO otp_codes (phone_number, code_hash, expires_at, attempts, last_sent_at,
                                window_started_at, sends_in_window)
         VALUES ($1, $2, now() + make_interval(secs => $3), 0, now(), now(), 1)
         ON CONFLICT (phone_number) DO UPDATE SET
            code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0,
            last_sent_at = now(),
            window_started_at = CASE WHEN otp_codes.window_started_at > now() - interval '1 hour'
                                     THEN otp_codes.window_started_at ELSE now() END,
            sends_in_window = CASE WHEN otp_codes.window_started_at > now() - interval '1 hour'
                                   THEN otp_codes.sends_in_window + 1 ELSE 1 END",
    )
    .bind(phone)
    .bind(code_hash)
    .bind(ttl_secs as f64)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn otp_failed_attempt(conn: &mut PgConnection, phone: &str) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE otp_codes SET attempts = attempts + 1 WHERE phone_number = $1 RETURNING attempts",
    )
    .bind(phone)
    .fetch_one(conn)
    .await
}

/// Kills the code (used up, or too many wrong tries) but keeps the send counters.
pub async fn spend_otp(conn: &mut PgConnection, phone: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE otp_codes SET code_hash = '', expires_at = now() WHERE phone_number = $1")
        .bind(phone)
        .execute(conn)
        .await?;
    Ok(())
}
