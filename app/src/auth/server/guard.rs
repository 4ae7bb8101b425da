//! The guard: who is calling, and may they do this?
//!
//! `resolve::resolve_caller` (a middleware) turns the session cookie or the bearer
//! token into a `Caller` in the request extensions, and never rejects. Every server
//! function then starts with `require(Permission::…)` (or `signed_in()` for
//! self-service, or `public()` where the catalogue says the endpoint is public), and
//! every REST handler takes a `CurrentUser` extractor and calls `.require(…)`.
//! Scope ("own", "team", "tenant") is not decided here: services apply it to queries.

use crate::auth::permissions::{Permission, PermissionSet};
use crate::error::{AppError, AppResult};
use crate::users::types::Role;
use axum::{extract::FromRequestParts, http::request::Parts};
use uuid::Uuid;

/// Where a request came from; for audit rows and per-IP limits.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: String,
    pub user_agent: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Cookie,
    Bearer,
}

/// A signed-in caller, re-read from the database on every request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub role: Role,
    pub roles: Vec<Role>,
    pub permissions: PermissionSet,
    pub agent_id: Option<Uuid>,
    pub session_id: Uuid,
    pub via: Via,
}

impl CurrentUser {
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(permission)
    }

    /// `Forbidden` with the seed's wording unless the permission is granted.
    pub fn require(&self, permission: Permission) -> AppResult<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "Insufficient permissions: {permission} required"
            )))
        }
    }
}

/// The outcome of resolving a request's credentials.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    User(Box<CurrentUser>),
    /// Credentials were presented but are no good (bad token, inactive user).
    Rejected(AppError),
}

impl Caller {
    pub fn user(&self) -> AppResult<CurrentUser> {
        match self {
            Caller::User(user) => Ok((**user).clone()),
            Caller::Anonymous => Err(AppError::Unauthenticated(
                "Authentication credentials not provided".into(),
            )),
            Caller::Rejected(err) => Err(err.clone()),
        }
    }
}

fn parts() -> Option<Parts> {
    leptos::prelude::use_context::<Parts>()
}

/// The caller of the current server function.
pub fn caller() -> Caller {
    parts()
        .and_then(|p| p.extensions.get::<Caller>().cloned())
        .unwrap_or(Caller::Anonymous)
}

pub fn request_meta() -> RequestMeta {
    parts()
        .and_then(|p| p.extensions.get::<RequestMeta>().cloned())
        .unwrap_or_default()
}

/// The app state and this request's meta, for server functions that write.
pub fn state_and_meta() -> AppResult<(crate::state::AppState, RequestMeta)> {
    Ok((crate::state::app_state()?, request_meta()))
}

/// First line of a server function that needs a permission.
pub fn require(permission: Permission) -> AppResult<CurrentUser> {
    let user = caller().user()?;
    user.require(permission)?;
    Ok(user)
}

/// First line of a self-service server function (own profile, sessions, logout).
pub fn signed_in() -> AppResult<CurrentUser> {
    caller().user()
}

/// First line of a public server function: says so explicitly, so a reader (and
/// grep) sees that the missing check is deliberate.
pub fn public() -> Caller {
    caller()
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .unwrap_or(Caller::Anonymous)
            .user()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestMeta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<RequestMeta>()
            .cloned()
            .unwrap_or_default())
    }
}

/// The caller, possibly anonymous, for REST handlers that accept both.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Caller);

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(
            parts
                .extensions
                .get::<Caller>()
                .cloned()
                .unwrap_or(Caller::Anonymous),
        ))
    }
}
