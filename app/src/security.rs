//! The per-request CSP nonce. The server's security-headers middleware mints it,
//! stores it in the request extensions and names it in the `Content-Security-Policy`
//! header; the shell hands the same value to Leptos so its inline hydration script
//! carries it. No other inline script is allowed.

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
