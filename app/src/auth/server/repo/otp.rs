//! SQL for OTP codes (SPEC §3.4): one row per phone, locked while a code is checked,
//! with the resend and hourly-window counters kept across codes.

use sqlx::{FromRow, PgConnection};

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
