//! What a form post leaves for the page it returns to: post, redirect, get.
//!
//! Our forms post to server functions, as plain forms (with or without JavaScript).
//! Left to itself, a failed post came back as `?__path=…&__err=<base64>` on the
//! page's URL, and whatever was typed was gone. Instead the `flash` middleware
//! (`server/src/middleware/flash.rs`) keeps the outcome and the typed values (never
//! a password or a code) in a signed cookie that lives a minute, and sends the
//! browser back to the clean URL; the page reads it once, then it is cleared. A
//! success leaves a flash too, so a page can say "Saved".

use crate::error::AppError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The outcome of the last form post, for the page it returned to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    /// The server function's path, `F::PATH` (`/api/ui/auth/login`).
    pub path: String,
    /// `None`: it succeeded.
    pub error: Option<AppError>,
    /// What was typed into each field, after a failure; secrets are never kept.
    pub values: BTreeMap<String, String>,
}

/// The flash of this request, if a form post just left one.
pub fn use_flash() -> Option<Flash> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Flash>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The error of the last post to `F`, if it failed.
pub fn form_error<F: server_fn::ServerFn>() -> Option<AppError> {
    error_at(F::PATH)
}

/// Whether the last post to `F` succeeded.
pub fn form_saved<F: server_fn::ServerFn>() -> bool {
    saved_at(F::PATH)
}

/// The error of the last post to `path` (an upload form's handler), if it failed.
pub fn error_at(path: &str) -> Option<AppError> {
    use_flash().filter(|f| f.path == path).and_then(|f| f.error)
}

/// Whether the last post to `path` succeeded.
pub fn saved_at(path: &str) -> bool {
    use_flash().is_some_and(|f| f.path == path && f.error.is_none())
}

/// What was typed into `field` in a post that failed.
pub fn typed(field: &str) -> Option<String> {
    use_flash().and_then(|mut f| f.values.remove(field))
}

/// Fields whose values are never kept: passwords, one-time codes, tokens.
pub fn is_secret(field: &str) -> bool {
    field == "otp"
        || ["password", "token", "secret", "credential"]
            .iter()
            .any(|s| field.contains(s))
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use super::Flash;
    use crate::error::AppError;
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD as B64, Engine as _};
    use hmac::{Hmac, Mac};
    use sha2::Sha256;

    pub const COOKIE: &str = "am_flash";
    /// Long enough for the redirect, short enough that a stale one never shows.
    pub const MAX_AGE_SECS: u32 = 60;
    /// Browsers keep about 4 KB per cookie; past this the typed values are dropped.
    const MAX_COOKIE_BYTES: usize = 3_500;

    fn mac(key: &[u8], payload: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key");
        mac.update(b"am_flash:v1:");
        mac.update(payload.as_bytes());
        mac
    }

    /// The cookie's value: the flash as JSON, then its HMAC, both base64url.
    pub fn encode(key: &[u8], flash: &Flash) -> String {
        let seal = |flash: &Flash| {
            let payload = B64.encode(serde_json::to_vec(flash).unwrap_or_default());
            let tag = B64.encode(mac(key, &payload).finalize().into_bytes());
            format!("{payload}.{tag}")
        };
        let value = seal(flash);
        if value.len() <= MAX_COOKIE_BYTES {
            return value;
        }
        seal(&Flash {
            values: Default::default(),
            ..flash.clone()
        })
    }

    /// The flash in a cookie value, if its HMAC holds.
    pub fn decode(key: &[u8], value: &str) -> Option<Flash> {
        let (payload, tag) = value.split_once('.')?;
        mac(key, payload)
            .verify_slice(&B64.decode(tag).ok()?)
            .ok()?;
        serde_json::from_slice(&B64.decode(payload).ok()?).ok()
    }

    /// Splits a server function's redirect (`/login?x=1&__path=…&__err=…`, absolute
    /// or not) into the clean same-site target (`/login?x=1`) and the error it
    /// carried. Only the path and query are kept, so a forged `Referer` cannot send
    /// anyone to another site.
    pub fn from_redirect(location: &str) -> (String, Option<AppError>) {
        let base = url::Url::parse("http://localhost/").expect("a valid base");
        let Ok(url) = base.join(location) else {
            return ("/".to_owned(), None);
        };
        let mut error = None;
        let mut clean = url::form_urlencoded::Serializer::new(String::new());
        let mut any = false;
        for (k, v) in url.query_pairs() {
            match &*k {
                "__err" => {
                    error = Some(server_fn::error::ServerFnUrlError::<AppError>::decode_err(
                        &v,
                    ))
                }
                "__path" => {}
                _ => {
                    clean.append_pair(&k, &v);
                    any = true;
                }
            }
        }
        let query = clean.finish();
        let target = if any {
            format!("{}?{query}", url.path())
        } else {
            url.path().to_owned()
        };
        (target, error)
    }

    /// `Set-Cookie` for a flash (`None`: clear it).
    pub fn set_cookie(value: Option<&str>, secure: bool) -> String {
        let secure = if secure { "; Secure" } else { "" };
        match value {
            Some(v) => format!(
                "{COOKIE}={v}; Path=/; Max-Age={MAX_AGE_SECS}; HttpOnly; SameSite=Lax{secure}"
            ),
            None => format!("{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"),
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::error::AppError;

    fn sample() -> Flash {
        Flash {
            path: "/api/ui/auth/login".into(),
            error: Some(AppError::Unauthenticated("Invalid credentials".into())),
            values: [("identifier".to_owned(), "9876543210".to_owned())].into(),
        }
    }

    #[test]
    fn a_sealed_flash_opens_with_its_key_only() {
        let value = encode(b"key-one", &sample());
        assert_eq!(decode(b"key-one", &value), Some(sample()));
        assert_eq!(decode(b"key-two", &value), None);
        let (payload, tag) = value.split_once('.').unwrap();
        let forged = format!("{}A.{tag}", payload);
        assert_eq!(decode(b"key-one", &forged), None);
        assert_eq!(decode(b"key-one", "garbage"), None);
    }

    #[test]
    fn a_huge_flash_drops_its_values_not_its_error() {
        let mut big = sample();
        big.values.insert("bio".into(), "x".repeat(10_000));
        let value = encode(b"k", &big);
        assert!(value.len() < 4_000);
        let back = decode(b"k", &value).unwrap();
        assert!(back.values.is_empty());
        assert_eq!(back.error, big.error);
    }

    #[test]
    fn redirects_lose_the_error_params_and_the_host() {
        let err = AppError::Unauthenticated("Invalid credentials".into());
        let url = server_fn::error::ServerFnUrlError::new("/api/ui/auth/login", err.clone())
            .to_url("http://127.0.0.1:8012/login?method=password&next=%2Fagent")
            .unwrap();
        let (clean, error) = from_redirect(url.as_str());
        assert_eq!(clean, "/login?method=password&next=%2Fagent");
        assert_eq!(error, Some(err));
        assert_eq!(from_redirect("/"), ("/".to_owned(), None));
        assert_eq!(from_redirect("https://evil.example/x?a=b").0, "/x?a=b");
    }

    #[test]
    fn secrets_are_named_as_such() {
        for f in [
            "password",
            "new_password",
            "current_password",
            "otp",
            "refresh_token",
            "webhook_secret",
            "api_credentials",
        ] {
            assert!(is_secret(f), "{f}");
        }
        for f in [
            "identifier",
            "phone_number",
            "email",
            "first_name",
            "agent_code",
        ] {
            assert!(!is_secret(f), "{f}");
        }
    }
}
