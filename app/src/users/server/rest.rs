//! `/api/v1/users/*` and `/api/v1/rbac/*` for the mobile app and integrations.

use crate::auth::permissions::Permission;
use crate::auth::server::guard::{CurrentUser, RequestMeta};
use crate::catalog::{schema, Access, Endpoint, RestGroup, Verb};
use crate::error::AppResult;
use crate::rest::{ApiJson, IdPath};
use crate::state::AppState;
use crate::users::server::service;
use crate::users::types::*;
use axum::{
    extract::{Query, State},
    http::{header, StatusCode},
    response::IntoResponse,
    routing::{get, post},
    Json, Router,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/users/me", get(me))
        .route("/api/v1/users", get(search).post(create))
        .route("/api/v1/users/search", get(search))
        .route("/api/v1/users/export.csv", get(export))
        .route(
            "/api/v1/users/{user_id}",
            get(read).put(update).delete(deactivate),
        )
        .route("/api/v1/users/{user_id}/reactivate", post(reactivate))
        .route(
            "/api/v1/users/{user_id}/preferences",
            get(preferences).put(update_preferences),
        )
        .route("/api/v1/rbac/roles", get(roles))
        .route("/api/v1/rbac/permissions", get(permissions))
        .route("/api/v1/rbac/users/{user_id}/roles", get(user_roles))
        .route("/api/v1/rbac/users/assign-role", post(assign_role))
        .route("/api/v1/rbac/users/remove-role", post(remove_role))
}

/// SPEC §9 #8: the flat fields and the same object under `user`, plus extras.
async fn me(
    State(state): State<AppState>,
    caller: CurrentUser,
) -> AppResult<Json<serde_json::Value>> {
    let detail = service::get(&state, &caller, caller.user_id).await?;
    let prefs = service::preferences(&state, &caller, caller.user_id).await?;
    let mut body = serde_json::to_value(&detail.user)
        .map_err(|e| crate::error::AppError::internal("json", e))?;
    let user = body.clone();
    let extras = serde_json::json!({
        "user": user,
        "language_preference": prefs.language_preference,
        "timezone": prefs.timezone,
        "theme_preference": prefs.theme_preference,
        "roles": caller.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "permissions": caller.permissions.iter().map(|p| p.name()).collect::<Vec<_>>(),
        "agent_id": caller.agent_id,
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extras.as_object()) {
        b.extend(e.clone());
    }
    Ok(Json(body))
}

async fn search(
    State(state): State<AppState>,
    caller: CurrentUser,
    Query(q): Query<UserQuery>,
) -> AppResult<Json<Vec<UserResponse>>> {
    caller.require(Permission::UsersSearch)?;
    Ok(Json(service::search(&state, &caller, &q).await?.users))
}

async fn export(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Query(q): Query<UserQuery>,
) -> AppResult<impl IntoResponse> {
    caller.require(Permission::UsersSearch)?;
    let csv = service::export_csv(&state, &meta, &caller, &q).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"users.csv\"",
            ),
        ],
        csv,
    ))
}

async fn create(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    ApiJson(form): ApiJson<NewUserForm>,
) -> AppResult<(StatusCode, Json<UserResponse>)> {
    caller.require(Permission::UsersCreate)?;
    Ok((
        StatusCode::CREATED,
        Json(service::create(&state, &meta, &caller, &form).await?),
    ))
}

/// Self, or `users.read` (checked in the service, which knows who "self" is).
async fn read(
    State(state): State<AppState>,
    caller: CurrentUser,
    IdPath(id): IdPath,
) -> AppResult<Json<UserResponse>> {
    Ok(Json(service::get(&state, &caller, id).await?.user))
}

async fn update(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    IdPath(id): IdPath,
    ApiJson(patch): ApiJson<UserPatch>,
) -> AppResult<Json<UserResponse>> {
    Ok(Json(
        service::update(&state, &meta, &caller, id, &patch).await?,
    ))
}

async fn deactivate(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    IdPath(id): IdPath,
) -> AppResult<Json<serde_json::Value>> {
    caller.require(Permission::UsersDelete)?;
    service::set_active(&state, &meta, &caller, id, false, None).await?;
    Ok(Json(
        serde_json::json!({"message": "User deactivated successfully", "user_id": id}),
    ))
}

async fn reactivate(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    IdPath(id): IdPath,
) -> AppResult<Json<UserResponse>> {
    caller.require(Permission::UsersDelete)?;
    Ok(Json(
        service::set_active(&state, &meta, &caller, id, true, None).await?,
    ))
}

async fn preferences(
    State(state): State<AppState>,
    caller: CurrentUser,
    IdPath(id): IdPath,
) -> AppResult<Json<Preferences>> {
    Ok(Json(service::preferences(&state, &caller, id).await?))
}

async fn update_preferences(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    IdPath(id): IdPath,
    ApiJson(patch): ApiJson<PreferencesPatch>,
) -> AppResult<Json<Preferences>> {
    Ok(Json(
        service::update_preferences(&state, &meta, &caller, id, &patch).await?,
    ))
}

async fn roles(caller: CurrentUser) -> AppResult<Json<Vec<RoleInfo>>> {
    caller.require(Permission::SystemAdmin)?;
    Ok(Json(service::roles()))
}

async fn permissions(caller: CurrentUser) -> AppResult<Json<Vec<serde_json::Value>>> {
    caller.require(Permission::SystemAdmin)?;
    Ok(Json(
        Permission::ALL
            .iter()
            .map(|p| {
                let (resource, action) = p.name().split_once('.').unwrap_or((p.name(), ""));
                serde_json::json!({"permission_name": p.name(), "resource_type": resource, "action": action})
            })
            .collect(),
    ))
}

async fn user_roles(
    State(state): State<AppState>,
    caller: CurrentUser,
    IdPath(id): IdPath,
) -> AppResult<Json<serde_json::Value>> {
    let detail = service::get(&state, &caller, id).await?;
    let mut roles = vec![detail.user.role.clone()];
    roles.extend(
        detail
            .roles
            .iter()
            .filter(|r| **r != detail.user.role)
            .cloned(),
    );
    let parsed: Vec<Role> = roles.iter().filter_map(|r| Role::parse(r)).collect();
    let permissions: Vec<&str> = crate::auth::permissions::PermissionSet::of_roles(&parsed)
        .iter()
        .map(|p| p.name())
        .collect();
    Ok(Json(serde_json::json!({
        "user_id": id,
        "user_name": detail.user.display_name,
        "user_email": detail.user.email,
        "roles": roles,
        "permissions": permissions,
    })))
}

async fn assign_role(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    ApiJson(change): ApiJson<RoleChange>,
) -> AppResult<Json<serde_json::Value>> {
    caller.require(Permission::UsersUpdate)?;
    let message = service::assign_role(&state, &meta, &caller, &change).await?;
    Ok(Json(serde_json::json!({"message": message})))
}

async fn remove_role(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    ApiJson(change): ApiJson<RoleChange>,
) -> AppResult<Json<serde_json::Value>> {
    caller.require(Permission::UsersUpdate)?;
    let message = service::remove_role(&state, &meta, &caller, &change).await?;
    Ok(Json(serde_json::json!({"message": message})))
}

/// Parses as every JSON body here; refused later by validation, never by the guard.
const SAMPLE: &str =
    r#"{"role":"guest","user_id":"00000000-0000-4000-8000-000000000002","role_name":"guest"}"#;

const API: RestGroup = RestGroup {
    tag: "users",
    sample_body: SAMPLE,
};

use crate::catalog::Empty;
use Permission::*;

pub static ENDPOINTS: &[Endpoint] = &[
    API.endpoint(
        Verb::Get,
        "/api/v1/users/me",
        "The caller's own user, roles, permissions and preferences",
        Access::SignedIn,
        None,
        schema::<UserResponse>(),
        &[401],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/users",
        "Search users (q, role, status, sort, limit, offset)",
        Access::Permission(UsersSearch),
        None,
        schema::<UserResponse>(),
        &[401, 403],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/users/search",
        "Search users (same as GET /users)",
        Access::Permission(UsersSearch),
        None,
        schema::<UserResponse>(),
        &[401, 403],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/users/export.csv",
        "The filtered user list as CSV",
        Access::Permission(UsersSearch),
        None,
        schema::<Empty>(),
        &[401, 403],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/users",
        "Create a user (201)",
        Access::Permission(UsersCreate),
        Some(schema::<NewUserForm>()),
        schema::<UserResponse>(),
        &[401, 403, 422],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/users/{user_id}",
        "One user (self, or users.read)",
        Access::SelfOr(UsersRead),
        None,
        schema::<UserResponse>(),
        &[401, 403, 404],
    ),
    API.endpoint(
        Verb::Put,
        "/api/v1/users/{user_id}",
        "Edit a user (self: names only; users.update: also email, phone, status)",
        Access::SelfOr(UsersUpdate),
        Some(schema::<UserPatch>()),
        schema::<UserResponse>(),
        &[400, 401, 403, 404, 422],
    ),
    API.endpoint(
        Verb::Delete,
        "/api/v1/users/{user_id}",
        "Deactivate a user and end their sessions",
        Access::Permission(UsersDelete),
        None,
        schema::<Empty>(),
        &[400, 401, 403, 404],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/users/{user_id}/reactivate",
        "Reactivate a deactivated user",
        Access::Permission(UsersDelete),
        None,
        schema::<UserResponse>(),
        &[400, 401, 403, 404],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/users/{user_id}/preferences",
        "A user's preferences (self, or users.read)",
        Access::SelfOr(UsersRead),
        None,
        schema::<Preferences>(),
        &[401, 403, 404],
    ),
    API.endpoint(
        Verb::Put,
        "/api/v1/users/{user_id}/preferences",
        "Change preferences; only keys sent change",
        Access::SelfOr(UsersUpdate),
        Some(schema::<PreferencesPatch>()),
        schema::<Preferences>(),
        &[401, 403, 404, 422],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/rbac/roles",
        "The ten roles and their permissions",
        Access::Permission(SystemAdmin),
        None,
        schema::<RoleInfo>(),
        &[401, 403],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/rbac/permissions",
        "The permission catalogue",
        Access::Permission(SystemAdmin),
        None,
        schema::<Empty>(),
        &[401, 403],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/rbac/users/{user_id}/roles",
        "A user's roles and permissions (self, or users.read)",
        Access::SelfOr(UsersRead),
        None,
        schema::<Empty>(),
        &[401, 403, 404],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/rbac/users/assign-role",
        "Give a user an extra role (idempotent)",
        Access::Permission(UsersUpdate),
        Some(schema::<RoleChange>()),
        schema::<Empty>(),
        &[400, 401, 403],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/rbac/users/remove-role",
        "Take an extra role away",
        Access::Permission(UsersUpdate),
        Some(schema::<RoleChange>()),
        schema::<Empty>(),
        &[400, 401, 403],
    ),
];
