//! Server functions of the web UI's sign-in and security pages, under `/api/ui/auth`.
//! Each takes form-encoded input, so its `<ActionForm>` works without JavaScript; on
//! success it redirects like a classic form post.

use crate::auth::types::{SessionInfo, SessionUser};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

// The server side. Each function's first line checks the `Access` of its own
// catalogue entry, named by its type: `ctx::<ListUsers>()?` gives the admitted
// caller's context, `public::<…>()?` says the entry is public. Server rendering
// calls these functions in-process, where no route gate stands in front of them.
#[cfg(feature = "ssr")]
use crate::auth::server::{
    guard::{ctx, public, request_meta, Ctx},
    otp,
    service::{self, Client},
};
#[cfg(feature = "ssr")]
use crate::{auth::text::T, i18n::Text};

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::server::resolve::SESSION_KEY;
    use crate::auth::server::service::NewLogin;
    use crate::error::{AppError, AppResult};
    use tower_sessions::Session;

    pub async fn session() -> AppResult<Session> {
        leptos_axum::extract::<Session>()
            .await
            .map_err(|e| AppError::internal("session layer missing", e))
    }

    /// Binds a fresh login to the browser: a new session id (against fixation) that
    /// points at our `user_sessions` row.
    pub async fn attach(login: &NewLogin) -> AppResult<()> {
        let session = session().await?;
        session
            .cycle_id()
            .await
            .map_err(|e| AppError::internal("session cycle failed", e))?;
        session
            .insert(SESSION_KEY, login.session_id)
            .await
            .map_err(|e| AppError::internal("session write failed", e))
    }
}

/// The signed-in user of this browser, if any.
#[server(prefix = "/api/ui", endpoint = "auth/me", input = GetUrl)]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    let caller = public::<CurrentUser>()?;
    let state = crate::state::app_state()?;
    match caller.user() {
        Ok(user) => service::session_user(&state, user.user_id).await.map(Some),
        Err(_) => Ok(None),
    }
}

/// Password or agent-code sign-in from the login page.
#[server(prefix = "/api/ui", endpoint = "auth/login", input = PostUrl)]
pub async fn web_login(
    identifier: Option<String>,
    agent_code: Option<String>,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    public::<WebLogin>()?;
    let (state, meta) = (crate::state::app_state()?, request_meta());
    // The form's own checks first, each under its field (the API's 400 names JSON
    // fields the form does not have).
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut problems = crate::error::Problems::new(meta.lang);
    match &agent_code {
        Some(_) if blank(&agent_code) => problems.add("agent_code", T::EnterAgentCode),
        None if blank(&identifier) => problems.add("identifier", T::EnterPhoneOrEmail),
        _ => {}
    }
    if password.is_empty() {
        problems.add("password", T::PasswordRequired);
    }
    problems.into_result()?;
    let identifier = identifier.unwrap_or_default();
    let request = crate::auth::types::LoginRequest {
        email: identifier.contains('@').then(|| identifier.clone()),
        phone_number: (!identifier.contains('@')).then_some(identifier),
        agent_code,
        password: Some(password),
    };
    // The form has one identifier input for both: its errors go under it.
    let login = service::login(&state, &meta, &request, Client::Browser)
        .await
        .map_err(|e| {
            e.refile("phone_number", "identifier")
                .refile("email", "identifier")
        })?;
    ssr::attach(&login).await?;
    leptos_axum::redirect(&crate::security::safe_local_path(next));
    Ok(())
}

/// Sends a code and moves on to the code entry page.
#[server(prefix = "/api/ui", endpoint = "auth/otp/send", input = PostUrl)]
pub async fn web_send_otp(phone_number: String) -> Result<(), AppError> {
    public::<WebSendOtp>()?;
    let (state, meta) = (crate::state::app_state()?, request_meta());
    let sent = otp::send(&state, &meta, &phone_number).await?;
    leptos_axum::redirect(&format!(
        "/login/otp?phone={}",
        &sent.data.phone_number[3..]
    ));
    Ok(())
}

/// Checks the code and signs the browser in.
#[server(prefix = "/api/ui", endpoint = "auth/otp/verify", input = PostUrl)]
pub async fn web_verify_otp(phone_number: String, otp: String) -> Result<(), AppError> {
    public::<WebVerifyOtp>()?;
    let (state, meta) = (crate::state::app_state()?, request_meta());
    // The page's words: people say "code", not "OTP" (the API keeps its message).
    let login = otp::verify(&state, &meta, &phone_number, &otp, Client::Browser)
        .await
        .map_err(|e| match e {
            AppError::Unauthenticated(_) => {
                AppError::Unauthenticated(T::CodeRefused.text(meta.lang).to_owned())
            }
            other => other,
        })?;
    ssr::attach(&login).await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "auth/logout", input = PostUrl)]
pub async fn web_logout() -> Result<(), AppError> {
    // Public: signing out when already signed out still clears the cookie.
    let caller = public::<WebLogout>()?;
    let (state, meta) = (crate::state::app_state()?, request_meta());
    if let Ok(caller) = caller.user() {
        let ctx = Ctx {
            state,
            caller,
            meta,
        };
        service::logout(&ctx).await?;
    }
    let _ = ssr::session().await?.flush().await;
    leptos_axum::redirect("/login");
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "auth/sessions", input = GetUrl)]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    let ctx = ctx::<MySessions>()?;
    service::list_sessions(&ctx).await
}

#[server(prefix = "/api/ui", endpoint = "auth/sessions/revoke", input = PostUrl)]
pub async fn revoke_session(session_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<RevokeSession>()?;
    service::revoke_session(&ctx, session_id).await
}

#[server(prefix = "/api/ui", endpoint = "auth/sessions/revoke-others", input = PostUrl)]
pub async fn revoke_other_sessions() -> Result<u64, AppError> {
    let ctx = ctx::<RevokeOtherSessions>()?;
    service::revoke_other_sessions(&ctx).await
}

#[server(prefix = "/api/ui", endpoint = "auth/password", input = PostUrl)]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    let ctx = ctx::<ChangePassword>()?;
    let request = crate::auth::types::ChangePasswordRequest {
        current_password,
        new_password,
        confirm_password,
    };
    service::change_password(&ctx, &request).await?;
    // Say so on the page, with or without JavaScript.
    leptos_axum::redirect("/me/security?changed=1");
    Ok(())
}
