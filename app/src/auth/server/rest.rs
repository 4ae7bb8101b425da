//! `/api/v1/auth/*` for the mobile app (SPEC §5.2): JSON in, `TokenResponse` out.
//! Thin: guard, service call, answer.

use crate::access::Access;
use crate::auth::api as ui;
use crate::auth::server::{
    guard::{Caller, Ctx, MaybeUser, RequestMeta},
    otp,
    service::{self, Client},
};
use crate::auth::types::*;
use crate::catalog::{Api, Endpoint};
use crate::error::AppResult;
use crate::rest::{ApiJson, IdPath};
use crate::state::AppState;
use axum::{extract::State, Json};

/// Enough for the change-password body to parse; other endpoints ignore it.
const SAMPLE: &str = r#"{"current_password":"x","new_password":"y","confirm_password":"z"}"#;

/// Every identity endpoint: the mobile API and the web UI's server functions.
pub fn api() -> Api {
    use Access::{Public, SignedIn};
    Api::new("auth", SAMPLE)
        .rest(
            Endpoint::post(
                "/api/v1/auth/login",
                "Sign in with phone, email or agent code plus password",
                Public,
            )
            .body::<LoginRequest>()
            .returns::<TokenResponse>()
            .errors(&[401, 403, 422, 423, 429]),
            login,
        )
        .rest(
            Endpoint::post(
                "/api/v1/auth/send-otp",
                "Send a 6-digit sign-in code by SMS (same answer for unknown phones)",
                Public,
            )
            .body::<SendOtpRequest>()
            .returns::<OtpSent>()
            .errors(&[422, 429]),
            send_otp,
        )
        .rest(
            Endpoint::post(
                "/api/v1/auth/verify-otp",
                "Sign in with an SMS code; creates a policyholder for a new phone",
                Public,
            )
            .body::<VerifyOtpRequest>()
            .returns::<TokenResponse>()
            .errors(&[401, 403, 422, 429]),
            verify_otp,
        )
        .rest(
            Endpoint::post(
                "/api/v1/auth/refresh",
                "Exchange a refresh token for a new pair (rotates; reuse revokes the session)",
                Public,
            )
            .body::<RefreshRequest>()
            .returns::<TokenResponse>()
            .errors(&[401]),
            refresh,
        )
        .rest(
            Endpoint::post(
                "/api/v1/auth/logout",
                "End the session of the presented token (200 even if already ended)",
                Public,
            )
            .returns::<MessageResponse>(),
            logout,
        )
        .rest(
            Endpoint::put(
                "/api/v1/auth/change-password",
                "Change the password; ends every other session",
                SignedIn,
            )
            .body::<ChangePasswordRequest>()
            .returns::<MessageResponse>()
            .errors(&[409, 422, 429]),
            change_password,
        )
        .rest(
            Endpoint::get(
                "/api/v1/auth/sessions",
                "The caller's live sessions, browser and mobile",
                SignedIn,
            )
            .returns_list::<SessionInfo>(),
            sessions,
        )
        .rest(
            Endpoint::delete(
                "/api/v1/auth/sessions",
                "Revoke every session of the caller except this one",
                SignedIn,
            )
            .returns::<MessageResponse>(),
            revoke_others,
        )
        .rest(
            Endpoint::delete(
                "/api/v1/auth/sessions/{session_id}",
                "Revoke one of the caller's sessions",
                SignedIn,
            )
            .returns::<MessageResponse>()
            .errors(&[404]),
            revoke_one,
        )
        .merge(web_ui())
}

/// The sign-in pages' server functions (`/api/ui/auth/*`).
fn web_ui() -> Api {
    use Access::{Public, SignedIn};
    let f = Api::new("web-ui", "");
    f.server_fn(Endpoint::server_fn::<ui::CurrentUser>(
        "The browser's signed-in user",
        Public,
    ))
    .server_fn(
        Endpoint::server_fn::<ui::WebLogin>("Password or agent-code sign-in (form)", Public)
            .sample("identifier=&password="),
    )
    .server_fn(
        Endpoint::server_fn::<ui::WebSendOtp>("Send an OTP (form)", Public).sample("phone_number="),
    )
    .server_fn(
        Endpoint::server_fn::<ui::WebVerifyOtp>("Verify an OTP and sign in (form)", Public)
            .sample("phone_number=&otp="),
    )
    .server_fn(Endpoint::server_fn::<ui::WebLogout>(
        "Sign out this browser (form)",
        Public,
    ))
    .server_fn(Endpoint::server_fn::<ui::MySessions>(
        "The caller's sessions",
        SignedIn,
    ))
    .server_fn(
        Endpoint::server_fn::<ui::RevokeSession>("Revoke one of the caller's sessions", SignedIn)
            .sample("session_id=00000000-0000-4000-8000-000000000001"),
    )
    .server_fn(Endpoint::server_fn::<ui::RevokeOtherSessions>(
        "Revoke the caller's other sessions",
        SignedIn,
    ))
    .server_fn(
        Endpoint::server_fn::<ui::ChangePassword>("Change the caller's password", SignedIn)
            .sample("current_password=x&new_password=y&confirm_password=z"),
    )
}

async fn login(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(body): ApiJson<LoginRequest>,
) -> AppResult<Json<TokenResponse>> {
    // Public: this is how credentials are presented.
    let login = service::login(&state, &meta, &body, Client::Mobile).await?;
    service::token_response(&state, &login).await.map(Json)
}

async fn send_otp(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(body): ApiJson<SendOtpRequest>,
) -> AppResult<Json<OtpSent>> {
    otp::send(&state, &meta, &body.phone_number).await.map(Json)
}

async fn verify_otp(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(body): ApiJson<VerifyOtpRequest>,
) -> AppResult<Json<TokenResponse>> {
    let login = otp::verify(&state, &meta, &body.phone_number, &body.otp, Client::Mobile).await?;
    service::token_response(&state, &login).await.map(Json)
}

async fn refresh(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> AppResult<Json<TokenResponse>> {
    service::refresh(&state, &meta, &body.refresh_token)
        .await
        .map(Json)
}

/// Bearer optional (SPEC §5.2): answers 200 even for an already-dead token.
async fn logout(
    State(state): State<AppState>,
    meta: RequestMeta,
    MaybeUser(caller): MaybeUser,
) -> AppResult<Json<MessageResponse>> {
    if let Caller::User(user) = caller {
        let ctx = Ctx {
            state,
            caller: *user,
            meta,
        };
        service::logout(&ctx).await?;
    }
    Ok(Json(MessageResponse::ok("Successfully logged out")))
}

async fn change_password(
    ctx: Ctx,
    ApiJson(body): ApiJson<ChangePasswordRequest>,
) -> AppResult<Json<MessageResponse>> {
    service::change_password(&ctx, &body).await?;
    Ok(Json(MessageResponse::ok("Password changed successfully")))
}

async fn sessions(ctx: Ctx) -> AppResult<Json<Vec<SessionInfo>>> {
    service::list_sessions(&ctx).await.map(Json)
}

async fn revoke_one(ctx: Ctx, IdPath(session_id): IdPath) -> AppResult<Json<MessageResponse>> {
    service::revoke_session(&ctx, session_id).await?;
    Ok(Json(MessageResponse::ok("Session revoked")))
}

async fn revoke_others(ctx: Ctx) -> AppResult<Json<MessageResponse>> {
    let n = service::revoke_other_sessions(&ctx).await?;
    Ok(Json(MessageResponse::ok(&format!(
        "{n} other sessions revoked"
    ))))
}
