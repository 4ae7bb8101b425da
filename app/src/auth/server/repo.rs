//! SQL for sign-in and sessions. Functions take a connection; services own transactions.
//! This file holds the user side (credentials, the signed-in user, passwords);
//! `repo/sessions.rs` the session rows and refresh rotation, `repo/otp.rs` the OTP
//! codes and their send counters. All re-exported here.

use crate::access::Role;
use crate::access::UserStatus;
use crate::auth::types::{AuthUser, LoginIdentifier};
use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

mod otp;
mod sessions;

pub use otp::*;
pub use sessions::*;

/// The credential row: kept apart from `AuthUser`, and not `Serialize`, so a password
/// hash can never end up in a response.
#[derive(FromRow)]
pub struct CredentialRow {
    pub user_id: Uuid,
    pub password_hash: String,
    pub status: UserStatus,
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
) -> Result<Option<(Uuid, UserStatus)>, sqlx::Error> {
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
        // No display name: the phone is not a name, and the pages ask for one.
        "INSERT INTO users (phone_number, password_hash, role, phone_verified)
         VALUES ($1, $2, 'policyholder', true) RETURNING user_id",
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
