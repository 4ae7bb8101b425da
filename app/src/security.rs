//! Two request-level defences. The per-request CSP nonce: the server's
//! security-headers middleware mints it, stores it in the request extensions and
//! names it in the `Content-Security-Policy` header; the shell hands the same value
//! to Leptos so its inline hydration script carries it, and no other inline script
//! is allowed. And `safe_local_path`, which keeps redirects after sign-in on this
//! site.

use leptos::prelude::*;

#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// Provides this request's nonce to Leptos (a no-op outside a request).
pub fn provide_request_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
}

/// A `next`/redirect target we may follow: a path on this site. Refuses `//host`,
/// `/\host`, and any control or space character (browsers drop tabs and newlines,
/// which would turn `/\t/evil` into `//evil`).
pub fn safe_local_path(next: Option<String>) -> String {
    next.filter(|n| {
        let b = n.as_bytes();
        b.first() == Some(&b'/')
            && !matches!(b.get(1), Some(b'/' | b'\\'))
            && !n
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    })
    .unwrap_or_else(|| "/".to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn only_plain_local_paths_are_followed() {
        assert_eq!(safe_local_path(Some("/status?x=1".into())), "/status?x=1");
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "https://evil.example",
            "/a b",
            "",
        ] {
            assert_eq!(safe_local_path(Some(bad.to_owned())), "/", "{bad:?}");
        }
        assert_eq!(safe_local_path(None), "/");
    }
}
