//! Integration secrets at rest: AES-256-GCM under the configured key
//! (`PROVIDER_SECRETS_KEY`), a fresh random nonce per value, stored as
//! `nonce ‖ ciphertext`. The database alone never reveals a secret.

use aes_gcm::aead::{Aead, KeyInit, OsRng};
use aes_gcm::{AeadCore, Aes256Gcm, Key, Nonce};

/// Seals `plain` under `key` (32 bytes).
pub fn seal(key: &[u8; 32], plain: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let mut out = nonce.to_vec();
    // Encryption with a valid key and nonce cannot fail.
    out.extend(cipher.encrypt(&nonce, plain).unwrap_or_default());
    out
}

/// Opens a sealed value; `None` if it was not sealed under this key or was altered.
pub fn open(key: &[u8; 32], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 12 {
        return None;
    }
    let (nonce, body) = sealed.split_at(12);
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
        .decrypt(Nonce::from_slice(nonce), body)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_never_shows_in_the_clear() {
        let key = [7u8; 32];
        let sealed = seal(&key, b"whsec_live_123");
        assert!(!sealed.windows(5).any(|w| w == b"whsec"));
        assert_eq!(open(&key, &sealed).as_deref(), Some(&b"whsec_live_123"[..]));
        assert_eq!(open(&[8u8; 32], &sealed), None);
        let mut tampered = sealed.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert_eq!(open(&key, &tampered), None);
        assert_ne!(seal(&key, b"x"), seal(&key, b"x"), "fresh nonce each time");
    }
}
