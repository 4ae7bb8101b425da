//! Server side of identity: who is calling (the guard types and the
//! caller-resolving middleware), tokens, limits, OTP delivery, and the sign-in use
//! cases.

pub mod guard;
pub mod jwt;
pub mod limits;
pub mod otp;
pub mod repo;
pub mod resolve;
pub mod rest;
pub mod service;
pub mod sms;

use jwt::TokenKeys;

/// Identity settings, built by the server from its configuration.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub keys: TokenKeys,
    /// Keys the OTP code hashes (HMAC), so a leaked table cannot be brute-forced offline.
    pub otp_pepper: Vec<u8>,
    /// Signs the one-minute form flash cookie (`crate::flash`).
    pub flash_key: Vec<u8>,
    /// Seals providers' integration secrets (`providers::server::secrets`).
    pub secrets_key: [u8; 32],
    /// Accept `123456` as every OTP: development only, and only when switched on.
    pub dev_fixed_otp: bool,
    /// Read the client IP from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy_headers: bool,
    pub rate_limiting: bool,
}

impl AuthConfig {
    /// Settings for tests: a fixed secret, limits on.
    pub fn for_tests() -> Self {
        let secret = b"test-secret-test-secret-test-secret!";
        Self {
            keys: TokenKeys::new(secret),
            otp_pepper: secret.to_vec(),
            flash_key: [&secret[..], b":flash"].concat(),
            secrets_key: [42; 32],
            dev_fixed_otp: false,
            trust_proxy_headers: false,
            rate_limiting: true,
        }
    }
}
