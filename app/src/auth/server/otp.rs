//! Phone OTP (SPEC §4.2): 6 digits, 5 minutes, single use, 3 wrong tries kill the
//! code, a resend voids the old code, 30 s between sends, 5 sends an hour per phone
//! and 20 an hour per IP. Codes are stored as an HMAC, never logged, and the answer
//! to "send" is the same whether or not the phone has an account.

use crate::access::UserStatus;
use crate::audit::{self, Entry, Event};
use crate::auth::server::{
    guard::RequestMeta,
    limits::{self, Limit},
    repo,
    service::{self, Client, NewLogin},
    sms,
};
use crate::auth::text::T;
use crate::auth::types::*;
use crate::credentials::{normalize_phone, text::T as Rule};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Text};
use crate::state::AppState;
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;
use std::time::Duration;

/// The only code accepted when `dev_fixed_otp` is on (development only).
pub const DEV_FIXED_OTP: &str = "123456";

fn code_mac(pepper: &[u8], phone: &str) -> Hmac<Sha256> {
    // `new_from_slice` accepts keys of any length for HMAC.
    let mut mac = Hmac::<Sha256>::new_from_slice(pepper)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(phone.as_bytes());
    mac.update(b":");
    mac
}

pub fn hash_code(pepper: &[u8], phone: &str, code: &str) -> String {
    let mut mac = code_mac(pepper, phone);
    mac.update(code.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// Constant-time comparison of a code against its stored HMAC.
fn code_matches(pepper: &[u8], phone: &str, code: &str, stored_hex: &str) -> bool {
    let Some(stored) = unhex(stored_hex) else {
        return false;
    };
    let mut mac = code_mac(pepper, phone);
    mac.update(code.as_bytes());
    mac.verify_slice(&stored).is_ok()
}

use crate::format::hex;

fn unhex(s: &str) -> Option<Vec<u8>> {
    (s.len().is_multiple_of(2) && !s.is_empty())
        .then(|| {
            (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
                .collect()
        })
        .flatten()
}

fn parse_phone(input: &str, lang: Lang) -> AppResult<String> {
    normalize_phone(input)
        .ok_or_else(|| AppError::invalid(lang, "phone_number", Rule::PhoneInvalid))
}

/// # Errors
/// `Invalid` for a bad number; `RateLimited` (with `retry_after`) inside the 30 s
/// cooldown, past 5 sends an hour for the phone, or past 20 an hour for the IP.
pub async fn send(state: &AppState, meta: &RequestMeta, phone_input: &str) -> AppResult<OtpSent> {
    let phone = parse_phone(phone_input, meta.lang)?;
    // A refused send commits nothing, yet must be recorded: `record_failure`.
    let audit_fail = |error: &'static str| Entry::failed(Event::OtpSent, error);
    if state.auth.rate_limiting {
        if let Err(err) = limits::hit(
            &state.pool,
            &Limit::new(format!("otp:ip:{}", meta.ip), 20, Duration::from_secs(3600)),
        )
        .await
        {
            audit::record_failure(
                &state.pool,
                meta,
                audit_fail("Rate limit exceeded").phone(&phone),
            )
            .await;
            return Err(err);
        }
    }
    let mut tx = state.pool.begin().await?;
    if let Some(row) = repo::lock_otp(&mut tx, &phone).await? {
        let cooldown = OTP_RESEND_COOLDOWN_SECS as f64 - row.since_last_send;
        let refusal = if cooldown > 0.0 {
            Some((cooldown.ceil() as u64, "Resend cooldown"))
        } else if row.window_open && row.sends_in_window >= OTP_SENDS_PER_HOUR {
            Some((
                row.window_ends_in.ceil().max(1.0) as u64,
                "Too many OTP requests",
            ))
        } else {
            None
        };
        if let Some((retry_after_secs, why)) = refusal {
            drop(tx);
            audit::record_failure(&state.pool, meta, audit_fail(why).phone(&phone)).await;
            return Err(AppError::RateLimited { retry_after_secs });
        }
    }
    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
    repo::store_otp(
        &mut tx,
        &phone,
        &hash_code(&state.auth.otp_pepper, &phone, &code),
        OTP_TTL_SECS,
    )
    .await?;
    sms::enqueue(
        &mut tx,
        &sms::SmsMessage {
            phone_number: phone.clone(),
            template_id: sms::OTP_TEMPLATE.into(),
            body: sms::otp_body(&code),
        },
    )
    .await?;
    audit::record(&mut tx, meta, Entry::new(Event::OtpSent).phone(&phone)).await?;
    tx.commit().await?;
    Ok(OtpSent {
        success: true,
        message: "OTP sent successfully".into(),
        data: OtpSentData {
            phone_number: phone,
            email: None,
            expires_in: OTP_TTL_SECS,
            resend_after: OTP_RESEND_COOLDOWN_SECS,
        },
    })
}

/// The same answer for every bad code (wrong, expired, used, exhausted).
fn bad_otp(lang: Lang) -> AppError {
    AppError::Unauthenticated(T::OtpRefused.text(lang).into())
}

/// Checks a code and signs in, creating a policyholder for an unknown phone.
///
/// # Errors
/// `Unauthenticated("Invalid or expired OTP")` for a wrong, expired, used or
/// exhausted code; `RateLimited` past 10 verifications per 15 minutes per phone.
pub async fn verify(
    state: &AppState,
    meta: &RequestMeta,
    phone_input: &str,
    code: &str,
    client: Client,
) -> AppResult<NewLogin> {
    let phone = parse_phone(phone_input, meta.lang)?;
    let code = code.trim();
    if code.len() != OTP_LENGTH || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(AppError::invalid(meta.lang, "otp", T::OtpShape));
    }
    if state.auth.rate_limiting {
        limits::hit(
            &state.pool,
            &Limit::new(format!("otp-verify:{phone}"), 10, Duration::from_secs(900)),
        )
        .await?;
    }
    let dev_ok = state.auth.dev_fixed_otp && code == DEV_FIXED_OTP;
    // The password of an account made here: random and discarded, so nobody can sign
    // in with it. Hashed before the transaction, never while holding a connection.
    let placeholder = service::unusable_password_hash().await?;
    let mut tx = state.pool.begin().await?;
    let row = repo::lock_otp(&mut tx, &phone).await?;
    let valid = match &row {
        _ if dev_ok => true,
        Some(r) if !r.expired && r.attempts < OTP_MAX_ATTEMPTS => {
            code_matches(&state.auth.otp_pepper, &phone, code, &r.code_hash)
        }
        _ => false,
    };
    if !valid {
        let attempts = match &row {
            Some(r) if !r.expired => {
                let n = repo::otp_failed_attempt(&mut tx, &phone).await?;
                if n >= OTP_MAX_ATTEMPTS {
                    repo::spend_otp(&mut tx, &phone).await?;
                }
                n
            }
            _ => 0,
        };
        // The attempt count commits, and its audit row with it.
        let e = Entry::failed(Event::OtpVerification, "Invalid or expired OTP")
            .phone(&phone)
            .details(serde_json::json!({"attempts": attempts}));
        audit::record(&mut tx, meta, e).await?;
        tx.commit().await?;
        return Err(bad_otp(meta.lang));
    }
    repo::spend_otp(&mut tx, &phone).await?;
    let user_id = match repo::find_user_by_phone(&mut tx, &phone).await? {
        Some((id, UserStatus::Active)) => id,
        Some(_) => {
            // The code is spent either way; the account just may not sign in.
            let e = Entry::failed(Event::OtpVerification, "Account not active").phone(&phone);
            audit::record(&mut tx, meta, e).await?;
            tx.commit().await?;
            return Err(AppError::Forbidden("Account is not active".into()));
        }
        None => repo::create_policyholder(&mut tx, &phone, &placeholder).await?,
    };
    let e = Entry::new(Event::OtpVerification)
        .user(user_id)
        .phone(&phone);
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    service::start_session(state, meta, user_id, LoginMethod::Otp, client, true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_hashes_depend_on_pepper_phone_and_code_and_compare_exactly() {
        let h = hash_code(b"pepper", "+919876543212", "123456");
        assert_eq!(h.len(), 64);
        assert!(code_matches(b"pepper", "+919876543212", "123456", &h));
        assert!(!code_matches(b"pepper", "+919876543212", "123457", &h));
        assert!(!code_matches(b"other", "+919876543212", "123456", &h));
        assert!(!code_matches(b"pepper", "+919876543213", "123456", &h));
        assert!(!code_matches(b"pepper", "+919876543212", "123456", ""));
    }
}
