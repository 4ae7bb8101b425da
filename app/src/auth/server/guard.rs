//! Who is calling: the `Caller` of a request, and the `Ctx` services take.
//!
//! `resolve::resolve_caller` (a middleware) turns the session cookie or the bearer
//! token into a `Caller` in the request extensions, and never rejects. The gate of
//! the endpoint's catalogue entry (`crate::catalog`) then checks its `Access` before
//! the handler runs. A server function starts with `ctx()?` (the admitted caller,
//! the state and the request meta) or `public()`; a REST handler takes `Ctx` or
//! `CurrentUser` as an extractor. Scope ("own", "team", "tenant") is not decided
//! here: services apply it to the data.

use crate::access::Role;
use crate::access::{Access, Denied, Grants, Permission, PermissionSet};
use crate::error::{AppError, AppResult};
use axum::{extract::FromRequestParts, http::request::Parts};
use uuid::Uuid;

/// Where a request came from; for audit rows and per-IP limits.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: String,
    pub user_agent: Option<String>,
    /// The language messages go out in (field errors above all).
    pub lang: crate::i18n::Lang,
}

impl RequestMeta {
    /// The meta of work nobody requested: the background jobs' audit rows.
    pub fn system() -> Self {
        Self {
            ip: "worker".into(),
            user_agent: None,
            lang: crate::i18n::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Cookie,
    Bearer,
}

/// The signed-in user of a page request (None when signed out), as the frame shows
/// them; put into the request by the caller middleware.
#[derive(Debug, Clone)]
pub struct PageUser(pub Option<crate::auth::types::SessionUser>);

/// A signed-in caller, re-read from the database on every request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub role: Role,
    pub roles: Vec<Role>,
    pub permissions: PermissionSet,
    /// The grants of the caller's admin roles: their reach over other people's
    /// records. An agent role reaches only the caller's own agent record.
    pub reach: PermissionSet,
    pub agent_id: Option<Uuid>,
    pub session_id: Uuid,
    pub via: Via,
}

impl CurrentUser {
    pub fn new(
        user_id: Uuid,
        tenant_id: Uuid,
        roles: Vec<Role>,
        agent_id: Option<Uuid>,
        session_id: Uuid,
        via: Via,
    ) -> Self {
        let grants = Grants::of(&roles, agent_id.is_some());
        Self {
            user_id,
            tenant_id,
            role: roles.first().copied().unwrap_or(Role::Guest),
            roles,
            permissions: grants.permissions,
            reach: grants.reach,
            agent_id,
            session_id,
            via,
        }
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(permission)
    }

    /// What the catalogue's gate checks.
    pub fn grants(&self) -> Grants {
        Grants {
            permissions: self.permissions,
            reach: self.reach,
            has_agent: self.agent_id.is_some(),
            provider_admin: self.roles.contains(&Role::InsuranceProviderAdmin),
        }
    }

    /// `Forbidden` unless one of the caller's admin roles grants `permission`: the
    /// check for acting on someone else's record.
    pub fn require_reach(&self, permission: Permission) -> AppResult<()> {
        if self.reach.contains(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "Insufficient permissions: {permission} through an admin role required"
            )))
        }
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
    /// The check of an endpoint's `Access`, from the caller alone: what the gate of
    /// every catalogued route, and the first line of every server function, decide.
    pub fn admitted(&self, access: Access) -> AppResult<()> {
        let verdict = match self {
            Caller::User(user) => access.admit(Some(&user.grants())),
            Caller::Anonymous => access.admit(None),
            // Bad credentials stay an error even where anonymous callers are welcome.
            Caller::Rejected(err) if access != Access::Public => return Err(err.clone()),
            Caller::Rejected(_) => Ok(()),
        };
        verdict.map_err(|denied| match denied {
            Denied::SignIn => {
                AppError::Unauthenticated("Authentication credentials not provided".into())
            }
            Denied::Missing(p) => {
                AppError::Forbidden(format!("Insufficient permissions: {p} required"))
            }
            Denied::NotAnAgent => AppError::Forbidden(
                "Insufficient permissions: an agent profile of your own is required".into(),
            ),
            Denied::NotAnAdmin => {
                AppError::Forbidden("Insufficient permissions: an admin role is required".into())
            }
        })
    }

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

/// What a use case runs with: the app state, the caller the gate admitted, and
/// where the request came from (for audit rows and limits).
#[derive(Clone)]
pub struct Ctx {
    pub state: crate::state::AppState,
    pub caller: CurrentUser,
    pub meta: RequestMeta,
}

impl Ctx {
    pub fn pool(&self) -> &sqlx::PgPool {
        &self.state.pool
    }
}

/// The `Access` of each server function's catalogue entry, by path: set once, when
/// the router is built (`catalog::Api::into_parts`), then read without locking by
/// every server function's first line.
static SERVER_FN_ACCESS: std::sync::OnceLock<std::collections::HashMap<&'static str, Access>> =
    std::sync::OnceLock::new();

/// Records the server functions' entries; the first complete catalogue wins (every
/// later one is the same list).
pub(crate) fn register_server_fns(entries: impl Iterator<Item = (&'static str, Access)>) {
    let _ = SERVER_FN_ACCESS.get_or_init(|| entries.collect());
}

/// The caller, checked against the `Access` of `F`'s own catalogue entry. A function
/// that is not catalogued answers nobody.
fn admitted<F: server_fn::ServerFn>() -> AppResult<Caller> {
    let access = SERVER_FN_ACCESS
        .get()
        .and_then(|map| map.get(F::PATH).copied())
        .ok_or_else(|| AppError::internal("server function not in the catalogue", F::PATH))?;
    let caller = caller();
    caller.admitted(access)?;
    Ok(caller)
}

/// First line of a server function whose entry is not public: `ctx::<Self>()` checks
/// the entry's `Access` (in-process during server rendering, and over HTTP) and gives
/// the context of the admitted caller.
pub fn ctx<F: server_fn::ServerFn>() -> AppResult<Ctx> {
    Ok(Ctx {
        caller: admitted::<F>()?.user()?,
        state: crate::state::app_state()?,
        meta: request_meta(),
    })
}

/// First line of a public server function: checks that its entry says so, and gives
/// the caller, who may be anonymous.
pub fn public<F: server_fn::ServerFn>() -> AppResult<Caller> {
    admitted::<F>()
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

impl FromRequestParts<crate::state::AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::state::AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Ctx {
            caller: CurrentUser::from_request_parts(parts, state).await?,
            state: state.clone(),
            meta: parts
                .extensions
                .get::<RequestMeta>()
                .cloned()
                .unwrap_or_default(),
        })
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
