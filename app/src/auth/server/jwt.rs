//! HS256 JWTs for the mobile app (SPEC §4.3). Only HS256 is accepted, so `alg: none`
//! and algorithm-confusion tokens fail signature validation. Every access token also
//! names its session (`sid`); the guard checks that session on every request, which is
//! how a revoked session's tokens stop working at once.

use crate::auth::types::{ACCESS_TOKEN_SECS, REFRESH_TOKEN_SECS};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ISSUER: &str = "agent-mitra";
pub const AUDIENCE: &str = "agent-mitra-api";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenType {
    Access,
    Refresh,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub sid: Uuid,
    pub jti: Uuid,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    #[serde(rename = "type")]
    pub token_type: TokenType,
    /// Informational copies for clients; the server never trusts them (it re-reads
    /// the user on every request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// Signs and checks tokens with one secret.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKeys([redacted])")
    }
}

impl TokenKeys {
    pub fn new(secret: &[u8]) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    pub fn issue(
        &self,
        token_type: TokenType,
        user_id: Uuid,
        session_id: Uuid,
        jti: Uuid,
        role: Option<&str>,
        tenant_id: Option<Uuid>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let now = chrono::Utc::now().timestamp();
        let ttl = match token_type {
            TokenType::Access => ACCESS_TOKEN_SECS,
            TokenType::Refresh => REFRESH_TOKEN_SECS,
        };
        let claims = Claims {
            sub: user_id,
            sid: session_id,
            jti,
            iat: now,
            exp: now + ttl,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            token_type,
            role: role.map(Into::into),
            tenant_id,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// Checks signature, algorithm, issuer, audience, expiry and the token type.
    pub fn verify(&self, token: &str, expected: TokenType) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        let claims = decode::<Claims>(token, &self.decoding, &validation)
            .ok()?
            .claims;
        (claims.token_type == expected).then_some(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    fn keys() -> TokenKeys {
        TokenKeys::new(b"a-test-secret-of-sufficient-length!!")
    }

    fn token(t: TokenType) -> String {
        keys()
            .issue(
                t,
                Uuid::new_v4(),
                Uuid::new_v4(),
                Uuid::new_v4(),
                Some("junior_agent"),
                None,
            )
            .unwrap()
    }

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    #[test]
    fn a_fresh_access_token_verifies_only_as_access() {
        let t = token(TokenType::Access);
        assert!(keys().verify(&t, TokenType::Access).is_some());
        assert!(
            keys().verify(&t, TokenType::Refresh).is_none(),
            "type confusion"
        );
        let r = token(TokenType::Refresh);
        assert!(
            keys().verify(&r, TokenType::Access).is_none(),
            "refresh used as access"
        );
    }

    #[test]
    fn a_token_signed_with_another_key_is_rejected() {
        let other = TokenKeys::new(b"another-secret-another-secret-123");
        let t = other
            .issue(
                TokenType::Access,
                Uuid::new_v4(),
                Uuid::new_v4(),
                Uuid::new_v4(),
                None,
                None,
            )
            .unwrap();
        assert!(keys().verify(&t, TokenType::Access).is_none());
    }

    #[test]
    fn alg_none_and_tampered_tokens_are_rejected() {
        let t = token(TokenType::Access);
        let parts: Vec<&str> = t.split('.').collect();
        let none_header = b64(br#"{"alg":"none","typ":"JWT"}"#);
        assert!(keys()
            .verify(&format!("{none_header}.{}.", parts[1]), TokenType::Access)
            .is_none());

        let mut payload: serde_json::Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(parts[1])
                .unwrap(),
        )
        .unwrap();
        payload["role"] = "super_admin".into();
        let tampered = format!(
            "{}.{}.{}",
            parts[0],
            b64(payload.to_string().as_bytes()),
            parts[2]
        );
        assert!(keys().verify(&tampered, TokenType::Access).is_none());
    }

    #[test]
    fn an_expired_token_is_rejected() {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: Uuid::new_v4(),
            sid: Uuid::new_v4(),
            jti: Uuid::new_v4(),
            iat: now - 3600,
            exp: now - 60,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            token_type: TokenType::Access,
            role: None,
            tenant_id: None,
        };
        let t = encode(&Header::new(Algorithm::HS256), &claims, &keys().encoding).unwrap();
        assert!(keys().verify(&t, TokenType::Access).is_none());
    }
}
