//! SQL for users. Functions take a connection so the caller owns the transaction.

use crate::users::types::Role;
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
