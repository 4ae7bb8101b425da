//! argon2id at the OWASP parameters (m = 19 MiB, t = 2, p = 1), always off the async
//! runtime: one hash costs tens of milliseconds of CPU.

use crate::error::{AppError, AppResult};
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};

fn argon2() -> Argon2<'static> {
    // The parameters are constants known to be valid; `Params::new` cannot fail here.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes on the blocking pool and returns a PHC string.
pub async fn hash(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::internal("password hashing failed", e))
    })
    .await?
}

/// Verifies on the blocking pool. A malformed stored hash verifies as false.
pub async fn verify(password: String, phc: String) -> AppResult<bool> {
    Ok(tokio::task::spawn_blocking(move || {
        PasswordHash::new(&phc)
            .map(|parsed| {
                argon2()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await?)
}

/// The stored hash of someone who has no password yet (a customer an agent adds,
/// who signs in by SMS code): a real argon2id hash of a random secret nobody
/// keeps, made once per process. A password sign-in against it costs what any
/// other costs, so it tells nobody that the account has no password, and adding
/// a thousand customers costs one hash, not a thousand.
pub async fn unusable() -> AppResult<&'static str> {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    HASH.get_or_try_init(|| hash(uuid::Uuid::new_v4().to_string()))
        .await
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify_only_the_right_password() {
        let phc = hash("testpassword".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify("testpassword".into(), phc.clone()).await.unwrap());
        assert!(!verify("wrong".into(), phc).await.unwrap());
        assert!(!verify("x".into(), "not-a-hash".into()).await.unwrap());
    }
}
