//! `/api/v1/auth/*` for the mobile app (SPEC §5.2): JSON in, `TokenResponse` out.
//! Thin: guard, service call, answer.

use crate::auth::server::{
    guard::{Caller, CurrentUser, MaybeUser, RequestMeta},
    otp,
    service::{self, Client},
};
use crate::auth::types::*;
use crate::catalog::{schema, Access, Endpoint, RestGroup, Verb};
use crate::error::AppResult;
use crate::rest::{ApiJson, IdPath};
use crate::state::AppState;
use axum::{
    extract::State,
    routing::{delete, get, post, put},
    Json, Router,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/send-otp", post(send_otp))
        .route("/api/v1/auth/verify-otp", post(verify_otp))
        .route("/api/v1/auth/refresh", post(refresh))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/change-password", put(change_password))
        .route("/api/v1/auth/sessions", get(sessions).delete(revoke_others))
        .route("/api/v1/auth/sessions/{session_id}", delete(revoke_one))
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
        service::logout(&state, &meta, &user).await?;
    }
    Ok(Json(MessageResponse::ok("Successfully logged out")))
}

async fn change_password(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    ApiJson(body): ApiJson<ChangePasswordRequest>,
) -> AppResult<Json<MessageResponse>> {
    service::change_password(&state, &meta, &user, &body).await?;
    Ok(Json(MessageResponse::ok("Password changed successfully")))
}

async fn sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<Vec<SessionInfo>>> {
    service::list_sessions(&state, &user).await.map(Json)
}

async fn revoke_one(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    IdPath(session_id): IdPath,
) -> AppResult<Json<MessageResponse>> {
    service::revoke_session(&state, &meta, &user, session_id).await?;
    Ok(Json(MessageResponse::ok("Session revoked")))
}

async fn revoke_others(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
) -> AppResult<Json<MessageResponse>> {
    let n = service::revoke_other_sessions(&state, &meta, &user).await?;
    Ok(Json(MessageResponse::ok(&format!(
        "{n} other sessions revoked"
    ))))
}

/// Enough for the change-password body to parse; other endpoints ignore it.
const SAMPLE: &str = r#"{"current_password":"x","new_password":"y","confirm_password":"z"}"#;

const API: RestGroup = RestGroup {
    tag: "auth",
    sample_body: SAMPLE,
};

pub static ENDPOINTS: &[Endpoint] = &[
    API.endpoint(
        Verb::Post,
        "/api/v1/auth/login",
        "Sign in with phone, email or agent code plus password",
        Access::Public,
        Some(schema::<LoginRequest>()),
        schema::<TokenResponse>(),
        &[400, 401, 403, 422, 423, 429],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/auth/send-otp",
        "Send a 6-digit sign-in code by SMS (same answer for unknown phones)",
        Access::Public,
        Some(schema::<SendOtpRequest>()),
        schema::<OtpSent>(),
        &[400, 422, 429],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/auth/verify-otp",
        "Sign in with an SMS code; creates a policyholder for a new phone",
        Access::Public,
        Some(schema::<VerifyOtpRequest>()),
        schema::<TokenResponse>(),
        &[400, 401, 403, 422, 429],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/auth/refresh",
        "Exchange a refresh token for a new pair (rotates; reuse revokes the session)",
        Access::Public,
        Some(schema::<RefreshRequest>()),
        schema::<TokenResponse>(),
        &[400, 401],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/auth/logout",
        "End the session of the presented token (200 even if already ended)",
        Access::Public,
        None,
        schema::<MessageResponse>(),
        &[],
    ),
    API.endpoint(
        Verb::Put,
        "/api/v1/auth/change-password",
        "Change the password; ends every other session",
        Access::SignedIn,
        Some(schema::<ChangePasswordRequest>()),
        schema::<MessageResponse>(),
        &[400, 401, 422],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/auth/sessions",
        "The caller's live sessions, browser and mobile",
        Access::SignedIn,
        None,
        schema::<SessionInfo>(),
        &[401],
    ),
    API.endpoint(
        Verb::Delete,
        "/api/v1/auth/sessions",
        "Revoke every session of the caller except this one",
        Access::SignedIn,
        None,
        schema::<MessageResponse>(),
        &[401],
    ),
    API.endpoint(
        Verb::Delete,
        "/api/v1/auth/sessions/{session_id}",
        "Revoke one of the caller's sessions",
        Access::SignedIn,
        None,
        schema::<MessageResponse>(),
        &[401, 404],
    ),
];
