//! Typed, layered configuration: built-in defaults, then an optional TOML file
//! (`AGENT_MITRA_CONFIG`, default `agent-mitra.toml` if present), then environment
//! variables. Every variable is listed in `.env.sample`.
//!
//! Secrets are `SecretString`: their `Debug` output is redacted, so logging the
//! settings at start-up is safe.

use anyhow::{bail, Context};
use app::state::Environment;
use figment::{
    providers::{Env, Format, Toml},
    Figment,
};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::{net::SocketAddr, path::PathBuf};

/// 64 hex characters as a 32-byte key.
fn parse_key(hex: &str) -> Option<[u8; 32]> {
    let hex = hex.trim();
    if hex.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(key)
}

/// The JWT secret the sample files ship with; refused outside development and test.
pub const DEV_JWT_SECRET: &str = "dev-secret-key-change-in-production";

#[derive(Debug, Deserialize)]
pub struct Settings {
    #[serde(default = "default_environment")]
    pub environment: Environment,
    #[serde(default = "default_host")]
    pub api_host: String,
    #[serde(default = "default_port")]
    pub api_port: u16,
    pub database_url: SecretString,
    #[serde(default = "default_max_connections")]
    pub database_max_connections: u32,
    /// Seconds a request waits for a pooled connection before answering 503.
    #[serde(default = "default_acquire_timeout")]
    pub database_acquire_timeout_secs: u64,
    #[serde(default = "default_jwt_secret")]
    pub jwt_secret_key: SecretString,
    /// Seals providers' integration secrets at rest: 64 hex characters (32 bytes).
    /// Without it, a key is derived from the JWT secret (development and test).
    pub provider_secrets_key: Option<SecretString>,
    /// `pretty` or `json`; defaults to json in staging and production.
    pub log_format: Option<LogFormat>,
    /// Where the built site (`pkg/`, assets) lives; cargo-leptos sets it too.
    #[serde(default = "default_site_root")]
    pub leptos_site_root: PathBuf,
    /// Seconds to let in-flight requests finish after SIGINT/SIGTERM.
    #[serde(default = "default_shutdown_grace")]
    pub shutdown_grace_secs: u64,
    /// Accept the fixed OTP `123456` (development only; refused elsewhere).
    #[serde(default)]
    pub dev_fixed_otp: bool,
    /// Trust `X-Forwarded-For` for the client IP (only behind your own proxy).
    #[serde(default)]
    pub trust_proxy_headers: bool,
    #[serde(default = "default_true")]
    pub rate_limiting_enabled: bool,
    /// `outbox` (development/test: messages stay in the sms_outbox table) or `http`.
    #[serde(default = "default_sms_provider")]
    pub sms_provider: String,
    pub sms_http_url: Option<String>,
    pub sms_http_api_key: Option<SecretString>,
    #[serde(default = "default_sender_id")]
    pub sms_sender_id: String,
    #[serde(default)]
    pub sms_dlt_entity_id: String,
    #[serde(default)]
    pub sms_dlt_template_id: String,
    /// Where uploaded media is stored on local disk (when no S3 bucket is set).
    #[serde(default = "default_media_root")]
    pub media_root: PathBuf,
    /// An S3-compatible bucket for media; credentials from the usual AWS_* variables.
    pub media_s3_bucket: Option<String>,
    /// The S3 endpoint for MinIO, R2 and friends (AWS itself needs none).
    pub media_s3_endpoint: Option<String>,
    #[serde(default = "default_max_image_upload_mb")]
    pub max_image_upload_mb: u64,
    #[serde(default = "default_max_video_upload_mb")]
    pub max_video_upload_mb: u64,
}

fn default_media_root() -> PathBuf {
    ".data/media".into()
}
fn default_max_image_upload_mb() -> u64 {
    5
}
fn default_max_video_upload_mb() -> u64 {
    50
}

fn default_true() -> bool {
    true
}
fn default_sms_provider() -> String {
    "outbox".into()
}
fn default_sender_id() -> String {
    "AGMITR".into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

fn default_environment() -> Environment {
    Environment::Development
}
fn default_host() -> String {
    "127.0.0.1".into()
}
fn default_port() -> u16 {
    8012
}
fn default_max_connections() -> u32 {
    10
}
fn default_acquire_timeout() -> u64 {
    3
}
fn default_jwt_secret() -> SecretString {
    SecretString::from(DEV_JWT_SECRET)
}
fn default_site_root() -> PathBuf {
    "target/site".into()
}
fn default_shutdown_grace() -> u64 {
    10
}

/// The environment variables read, by their config key (lowercase of the name).
const ENV_KEYS: &[&str] = &[
    "environment",
    "api_host",
    "api_port",
    "database_url",
    "database_max_connections",
    "database_acquire_timeout_secs",
    "jwt_secret_key",
    "provider_secrets_key",
    "log_format",
    "leptos_site_root",
    "shutdown_grace_secs",
    "dev_fixed_otp",
    "trust_proxy_headers",
    "rate_limiting_enabled",
    "sms_provider",
    "sms_http_url",
    "sms_http_api_key",
    "sms_sender_id",
    "sms_dlt_entity_id",
    "sms_dlt_template_id",
    "media_root",
    "media_s3_bucket",
    "media_s3_endpoint",
    "max_image_upload_mb",
    "max_video_upload_mb",
];

impl Settings {
    /// Loads defaults → file → environment, then checks production safety rules.
    pub fn load() -> anyhow::Result<Self> {
        let file =
            std::env::var("AGENT_MITRA_CONFIG").unwrap_or_else(|_| "agent-mitra.toml".into());
        let settings: Settings = Figment::new()
            .merge(Toml::file(&file))
            .merge(Env::raw().only(ENV_KEYS))
            .extract()
            .context("invalid configuration (see .env.sample)")?;
        settings.check()?;
        Ok(settings)
    }

    /// Refuses to run a production-like environment with development secrets.
    pub fn check(&self) -> anyhow::Result<()> {
        if let Some(key) = &self.provider_secrets_key {
            if parse_key(key.expose_secret()).is_none() {
                bail!("PROVIDER_SECRETS_KEY must be 64 hex characters (32 bytes)");
            }
        }
        if self.environment.is_production_like() {
            let secret = self.jwt_secret_key.expose_secret();
            if secret == DEV_JWT_SECRET || secret.len() < 32 {
                bail!(
                    "JWT_SECRET_KEY must be set to a random value of at least 32 characters \
                     when ENVIRONMENT={}",
                    self.environment.as_str()
                );
            }
        }
        if self.dev_fixed_otp && self.environment != Environment::Development {
            bail!("DEV_FIXED_OTP is only allowed when ENVIRONMENT=development");
        }
        match self.sms_provider.as_str() {
            "outbox" if self.environment.is_production_like() => {
                bail!(
                    "SMS_PROVIDER=outbox delivers nothing; set SMS_PROVIDER=http in {}",
                    self.environment.as_str()
                )
            }
            "outbox" => {}
            "http" if self.sms_http_url.is_none() || self.sms_http_api_key.is_none() => {
                bail!("SMS_PROVIDER=http needs SMS_HTTP_URL and SMS_HTTP_API_KEY")
            }
            "http" => {}
            other => bail!("unknown SMS_PROVIDER '{other}' (use outbox or http)"),
        }
        Ok(())
    }

    /// Identity settings for `AppState`.
    pub fn auth_config(&self) -> app::auth::server::AuthConfig {
        let secret = self.jwt_secret_key.expose_secret().as_bytes();
        app::auth::server::AuthConfig {
            keys: app::auth::server::jwt::TokenKeys::new(secret),
            // A separate key derived from the secret, so OTP hashes and tokens differ.
            otp_pepper: [secret, b":otp"].concat(),
            flash_key: [secret, b":flash"].concat(),
            secrets_key: self.secrets_key(),
            dev_fixed_otp: self.dev_fixed_otp,
            trust_proxy_headers: self.trust_proxy_headers,
            rate_limiting: self.rate_limiting_enabled,
        }
    }

    /// The providers' secrets key: `PROVIDER_SECRETS_KEY` (hex), else one derived
    /// from the JWT secret. `check` refuses a malformed key before start-up.
    fn secrets_key(&self) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        if let Some(hex) = &self.provider_secrets_key {
            if let Some(key) = parse_key(hex.expose_secret()) {
                return key;
            }
        }
        let secret = self.jwt_secret_key.expose_secret().as_bytes();
        Sha256::digest([secret, b":provider-secrets"].concat()).into()
    }

    /// The media store: an S3-compatible bucket when one is set, else local disk.
    pub fn media_store(&self) -> anyhow::Result<app::presentations::server::media::MediaStore> {
        use app::presentations::server::media::{MediaLimits, MediaStore};
        let limits = MediaLimits {
            image_max_bytes: self.max_image_upload_mb * 1024 * 1024,
            video_max_bytes: self.max_video_upload_mb * 1024 * 1024,
        };
        match &self.media_s3_bucket {
            Some(bucket) => MediaStore::s3(bucket, self.media_s3_endpoint.as_deref(), limits),
            None => MediaStore::local(&self.media_root, limits),
        }
    }

    /// The SMS gateway the background worker delivers with.
    pub fn sms_gateway(&self) -> std::sync::Arc<dyn app::auth::server::sms::SmsGateway> {
        use app::auth::server::sms::{HttpGateway, HttpGatewayConfig, Outbox};
        match (
            self.sms_provider.as_str(),
            &self.sms_http_url,
            &self.sms_http_api_key,
        ) {
            ("http", Some(url), Some(key)) => {
                std::sync::Arc::new(HttpGateway::new(HttpGatewayConfig {
                    url: url.clone(),
                    api_key: key.expose_secret().to_owned(),
                    sender_id: self.sms_sender_id.clone(),
                    dlt_entity_id: self.sms_dlt_entity_id.clone(),
                    dlt_template_id: self.sms_dlt_template_id.clone(),
                }))
            }
            _ => std::sync::Arc::new(Outbox),
        }
    }

    pub fn log_format(&self) -> LogFormat {
        self.log_format
            .unwrap_or(if self.environment.is_production_like() {
                LogFormat::Json
            } else {
                LogFormat::Pretty
            })
    }

    pub fn address(&self) -> anyhow::Result<SocketAddr> {
        format!("{}:{}", self.api_host, self.api_port)
            .parse()
            .with_context(|| {
                format!(
                    "API_HOST/API_PORT do not form an address: {}:{}",
                    self.api_host, self.api_port
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_toml(toml: &str) -> anyhow::Result<Settings> {
        let s: Settings = Figment::new().merge(Toml::string(toml)).extract()?;
        s.check()?;
        Ok(s)
    }

    #[test]
    fn defaults_fill_everything_but_the_database() {
        let s = from_toml(r#"database_url = "postgres://x/y""#).unwrap();
        assert_eq!(s.api_port, 8012);
        assert_eq!(s.environment, Environment::Development);
        assert_eq!(s.log_format(), LogFormat::Pretty);
        assert!(from_toml("").is_err(), "database_url is required");
    }

    #[test]
    fn production_refuses_the_default_secret() {
        let err = from_toml(
            r#"database_url = "postgres://x/y"
               environment = "production""#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("JWT_SECRET_KEY"), "{err}");
        let ok = from_toml(&format!(
            r#"database_url = "postgres://x/y"
               environment = "production"
               jwt_secret_key = "{}"
               sms_provider = "http"
               sms_http_url = "https://sms.example/send"
               sms_http_api_key = "k""#,
            "k".repeat(40)
        ))
        .unwrap();
        assert_eq!(ok.log_format(), LogFormat::Json);
    }

    #[test]
    fn the_fixed_otp_and_the_outbox_are_development_tools() {
        let fixed = from_toml(
            r#"database_url = "postgres://x/y"
               environment = "test"
               dev_fixed_otp = true"#,
        );
        assert!(fixed.is_err());
        let outbox_in_prod = from_toml(&format!(
            r#"database_url = "postgres://x/y"
               environment = "production"
               jwt_secret_key = "{}""#,
            "k".repeat(40)
        ));
        assert!(outbox_in_prod
            .unwrap_err()
            .to_string()
            .contains("SMS_PROVIDER"));
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let s = from_toml(r#"database_url = "postgres://user:hunter2@db/app""#).unwrap();
        let debug = format!("{s:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(!debug.contains(DEV_JWT_SECRET), "{debug}");
    }
}
