//! SQL for users. Functions take a connection so the caller owns the transaction.

use crate::access::Role;
use sqlx::PgConnection;
use uuid::Uuid;

pub struct NewUser<'a> {
    pub email: Option<&'a str>,
    pub phone_number: Option<&'a str>,
    pub password_hash: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub role: Role,
}

/// Inserts a user, or — when one with the same email or phone exists — updates its
/// role, password and names. Returns the id and whether a row was created.
pub async fn upsert_by_identifier(
    conn: &mut PgConnection,
    user: &NewUser<'_>,
) -> Result<(Uuid, bool), sqlx::Error> {
    let existing: Option<Uuid> = sqlx::query_scalar(
        "SELECT user_id FROM users
         WHERE ($1::text IS NOT NULL AND lower(email) = lower($1))
            OR ($2::text IS NOT NULL AND phone_number = $2)
         LIMIT 1",
    )
    .bind(user.email)
    .bind(user.phone_number)
    .fetch_optional(&mut *conn)
    .await?;
    let display_name = format!("{} {}", user.first_name, user.last_name)
        .trim()
        .to_owned();
    match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE users SET role = $2, password_hash = $3, first_name = $4, last_name = $5,
                        display_name = $6, status = 'active', password_changed_at = now(),
                        updated_at = now()
                 WHERE user_id = $1",
            )
            .bind(id)
            .bind(user.role.as_str())
            .bind(user.password_hash)
            .bind(user.first_name)
            .bind(user.last_name)
            .bind(&display_name)
            .execute(&mut *conn)
            .await?;
            Ok((id, false))
        }
        None => {
            let id = sqlx::query_scalar(
                "INSERT INTO users (email, phone_number, password_hash, first_name, last_name,
                                    display_name, role, email_verified, phone_verified,
                                    password_changed_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $1 IS NOT NULL, $2 IS NOT NULL, now())
                 RETURNING user_id",
            )
            .bind(user.email)
            .bind(user.phone_number)
            .bind(user.password_hash)
            .bind(user.first_name)
            .bind(user.last_name)
            .bind(&display_name)
            .bind(user.role.as_str())
            .fetch_one(&mut *conn)
            .await?;
            Ok((id, true))
        }
    }
}

/// Inserts a user with a fixed id unless that id, email or phone already exists.
/// Returns whether a row was created. Used by seeding, which must not overwrite.
pub async fn insert_seed_user(
    conn: &mut PgConnection,
    id: Uuid,
    user: &NewUser<'_>,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO users (user_id, email, phone_number, password_hash, first_name, last_name,
                            display_name, role, email_verified, phone_verified, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $5 || ' ' || $6, $7, true, true, now())
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(user.email)
    .bind(user.phone_number)
    .bind(user.password_hash)
    .bind(user.first_name)
    .bind(user.last_name)
    .bind(user.role.as_str())
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

use crate::paging::{like_pattern, Cursor, Total};
use crate::users::types::{
    NewUser as ValidNewUser, Preferences, UserPatch, UserQuery, UserResponse, UserSort,
};

const USER_COLUMNS: &str = "u.user_id, u.email, u.phone_number, u.first_name, u.last_name, u.display_name,
    u.role, u.status, u.phone_verified, u.email_verified, u.last_login_at, u.created_at, u.updated_at";

const FILTER: &str = "($1::uuid IS NULL OR u.tenant_id = $1)
    AND ($2::text IS NULL OR u.first_name ILIKE $2 OR u.last_name ILIKE $2 OR u.display_name ILIKE $2
         OR u.email ILIKE $2 OR u.phone_number ILIKE $2)
    AND ($3::text IS NULL OR u.role = $3)
    AND ($4::text IS NULL OR u.status = $4)";

/// The sort of the admin list as keyset SQL: the key expression, its SQL type, and
/// the direction. Every order ends on `user_id`, so pages never skip or repeat rows.
fn sort_key(sort: UserSort) -> (&'static str, &'static str, &'static str) {
    match sort {
        UserSort::Newest => ("u.created_at", "timestamptz", "DESC"),
        UserSort::Oldest => ("u.created_at", "timestamptz", "ASC"),
        UserSort::Name => (
            "lower(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))",
            "text",
            "ASC",
        ),
        UserSort::LastLogin => (
            "coalesce(u.last_login_at, '-infinity'::timestamptz)",
            "timestamptz",
            "DESC",
        ),
    }
}

/// A user and the value it sorts by (the next page's cursor).
#[derive(sqlx::FromRow)]
pub struct Keyed {
    #[sqlx(flatten)]
    pub user: UserResponse,
    pub sort_key: String,
}

/// Up to `limit` users after `after` (the last row of the previous page), in the
/// query's order. `tenant` is `None` only for a super admin.
pub async fn page(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    q: &UserQuery,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<Keyed>, sqlx::Error> {
    let (key, cast, dir) = sort_key(q.sort());
    let op = if dir == "DESC" { "<" } else { ">" };
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, ({key})::text AS sort_key FROM users u WHERE {FILTER}
           AND ($5::text IS NULL OR ({key}, u.user_id) {op} ($5::text::{cast}, $6::uuid))
         ORDER BY {key} {dir}, u.user_id {dir} LIMIT $7"
    ))
    .bind(tenant)
    .bind(q.text().map(|t| like_pattern(&t)))
    .bind(q.role())
    .bind(q.status())
    .bind(after.map(|c| c.key.as_str()))
    .bind(after.map(|c| c.id))
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// How many users match, counted up to the cap and no further.
pub async fn count(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    q: &UserQuery,
) -> Result<Total, sqlx::Error> {
    let cap = Total::cap_for(q.text().is_some());
    let counted: i64 = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM (SELECT 1 FROM users u WHERE {FILTER} LIMIT $5) capped"
    ))
    .bind(tenant)
    .bind(q.text().map(|t| like_pattern(&t)))
    .bind(q.role())
    .bind(q.status())
    .bind(cap + 1)
    .fetch_one(conn)
    .await?;
    Ok(Total::capped_at(counted, cap))
}

/// The `limit`/`offset` page the seed clients ask for (`GET /api/v1/users?offset=`):
/// the compatibility path, over the same filter and order.
pub async fn offset_page(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    q: &UserQuery,
) -> Result<Vec<UserResponse>, sqlx::Error> {
    let (key, _, dir) = sort_key(q.sort());
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE {FILTER}
         ORDER BY {key} {dir}, u.user_id {dir} LIMIT $5 OFFSET $6"
    ))
    .bind(tenant)
    .bind(q.text().map(|t| like_pattern(&t)))
    .bind(q.role())
    .bind(q.status())
    .bind(q.limit())
    .bind(q.offset())
    .fetch_all(conn)
    .await
}

pub async fn get(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    user_id: Uuid,
) -> Result<Option<UserResponse>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE u.user_id = $2 AND ($1::uuid IS NULL OR u.tenant_id = $1)"
    ))
    .bind(tenant)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

pub async fn insert(
    conn: &mut PgConnection,
    tenant: Uuid,
    user: &ValidNewUser,
    password_hash: &str,
    created_by: Uuid,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, phone_number, password_hash, first_name, last_name,
                            display_name, role, created_by, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, trim($5 || ' ' || $6), $7, $8, now()) RETURNING user_id",
    )
    .bind(tenant)
    .bind(&user.email)
    .bind(&user.phone_number)
    .bind(password_hash)
    .bind(&user.first_name)
    .bind(&user.last_name)
    .bind(user.role.as_str())
    .bind(created_by)
    .fetch_one(conn)
    .await
}

/// Applies the fields present in the patch (absent fields keep their value).
pub async fn update(
    conn: &mut PgConnection,
    user_id: Uuid,
    patch: &UserPatch,
    updated_by: Uuid,
) -> Result<(), sqlx::Error> {
    let trimmed = |v: &Option<String>| v.as_deref().map(str::trim).map(str::to_owned);
    sqlx::query(
        "UPDATE users SET
            first_name = coalesce($2, first_name),
            last_name = coalesce($3, last_name),
            display_name = coalesce($4, display_name),
            email = CASE WHEN $5::text IS NULL THEN email WHEN $5 = '' THEN NULL ELSE lower($5) END,
            phone_number = CASE WHEN $6::text IS NULL THEN phone_number WHEN $6 = '' THEN NULL ELSE $6 END,
            status = coalesce($7, status),
            deactivated_at = CASE WHEN $7 = 'deactivated' THEN now() WHEN $7 IS NOT NULL THEN NULL ELSE deactivated_at END,
            updated_by = $8, updated_at = now()
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(trimmed(&patch.first_name))
    .bind(trimmed(&patch.last_name))
    .bind(trimmed(&patch.display_name))
    .bind(trimmed(&patch.email))
    .bind(&patch.phone_number)
    .bind(&patch.status)
    .bind(updated_by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_status(
    conn: &mut PgConnection,
    user_id: Uuid,
    status: &str,
    reason: Option<&str>,
    by: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET status = $2, updated_by = $4, updated_at = now(),
            deactivated_at = CASE WHEN $2 = 'deactivated' THEN now() ELSE NULL END,
            deactivated_reason = CASE WHEN $2 = 'deactivated' THEN $3 ELSE NULL END
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(status)
    .bind(reason)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn preferences(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> Result<Option<Preferences>, sqlx::Error> {
    sqlx::query_as(
        "SELECT language_preference, timezone, theme_preference, notification_preferences
         FROM users WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// Only the keys sent change; notification settings merge key by key.
pub async fn update_preferences(
    conn: &mut PgConnection,
    user_id: Uuid,
    p: &crate::users::types::PreferencesPatch,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET
            language_preference = coalesce($2, language_preference),
            timezone = coalesce($3, timezone),
            theme_preference = coalesce($4, theme_preference),
            notification_preferences = notification_preferences || coalesce($5, '{}'::jsonb),
            updated_at = now()
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(&p.language_preference)
    .bind(&p.timezone)
    .bind(&p.theme_preference)
    .bind(&p.notification_preferences)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn extra_roles(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
        .bind(user_id)
        .fetch_all(conn)
        .await
}

pub async fn assign_role(
    conn: &mut PgConnection,
    user_id: Uuid,
    role: Role,
    by: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO user_roles (user_id, role, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(user_id)
        .bind(role.as_str())
        .bind(by)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn remove_role(
    conn: &mut PgConnection,
    user_id: Uuid,
    role: Role,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM user_roles WHERE user_id = $1 AND role = $2")
        .bind(user_id)
        .bind(role.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
