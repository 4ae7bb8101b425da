//! `/api/v1/users/*` and `/api/v1/rbac/*` for the mobile app and integrations, and
//! the registration of every users endpoint (REST and web-UI server functions).

use crate::access::{Access, Permission, Role};
use crate::auth::server::guard::Ctx;
use crate::catalog::{Api, Endpoint};
use crate::error::AppResult;
use crate::rest::{ApiJson, ApiQuery, IdPath};
use crate::users::api as ui;
use crate::users::server::service;
use crate::users::types::*;
use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use Permission::*;

/// Parses as every JSON body here; refused later by validation, never by the guard.
const SAMPLE: &str =
    r#"{"role":"guest","user_id":"00000000-0000-4000-8000-000000000002","role_name":"guest"}"#;
const SOMEONE: &str = "user_id=00000000-0000-4000-8000-000000000002";

pub fn api() -> Api {
    let e = Endpoint::get;
    Api::new("users", SAMPLE)
        .rest(
            e(
                "/api/v1/users/me",
                "The caller's own user, roles, permissions and preferences",
                Access::SignedIn,
            )
            .returns::<Me>(),
            me,
        )
        .rest(
            e(
                "/api/v1/users",
                "Search users (q, role, status, sort, limit, offset)",
                Access::Permission(UsersSearch),
            )
            .query::<UserQuery>()
            .returns_list::<UserResponse>()
            .errors(&[422]),
            search,
        )
        .rest(
            e(
                "/api/v1/users/search",
                "Search users (same as GET /users)",
                Access::Permission(UsersSearch),
            )
            .query::<UserQuery>()
            .returns_list::<UserResponse>()
            .errors(&[422]),
            search,
        )
        .rest(
            e(
                "/api/v1/users/export.csv",
                "The filtered user list as CSV, every row, streamed",
                Access::Permission(UsersSearch),
            )
            .query::<UserQuery>()
            .returns_media("text/csv")
            .errors(&[422]),
            export,
        )
        .rest(
            Endpoint::post(
                "/api/v1/users",
                "Create a user",
                Access::Permission(UsersCreate),
            )
            .body::<NewUserForm>()
            .status(201)
            .returns::<UserResponse>()
            .errors(&[403, 409, 422]),
            create,
        )
        .rest(
            e(
                "/api/v1/users/{user_id}",
                "One user (self, or users.read)",
                Access::SelfOr(UsersRead),
            )
            .returns::<UserResponse>()
            .errors(&[404]),
            read,
        )
        .rest(
            Endpoint::put(
                "/api/v1/users/{user_id}",
                "Edit a user (self: names only; users.update: also email, phone, status)",
                Access::SelfOr(UsersUpdate),
            )
            .body::<UserPatch>()
            .returns::<UserResponse>()
            .errors(&[404, 409, 422]),
            update,
        )
        .rest(
            Endpoint::delete(
                "/api/v1/users/{user_id}",
                "Deactivate a user and end their sessions",
                Access::Permission(UsersDelete),
            )
            .returns::<Deactivated>()
            .errors(&[404]),
            deactivate,
        )
        .rest(
            Endpoint::post(
                "/api/v1/users/{user_id}/reactivate",
                "Reactivate a deactivated user",
                Access::Permission(UsersDelete),
            )
            .returns::<UserResponse>()
            .errors(&[404]),
            reactivate,
        )
        .rest(
            e(
                "/api/v1/users/{user_id}/preferences",
                "A user's preferences (self, or users.read)",
                Access::SelfOr(UsersRead),
            )
            .returns::<Preferences>()
            .errors(&[404]),
            preferences,
        )
        .rest(
            Endpoint::put(
                "/api/v1/users/{user_id}/preferences",
                "Change preferences; only keys sent change",
                Access::SelfOr(UsersUpdate),
            )
            .body::<PreferencesPatch>()
            .returns::<Preferences>()
            .errors(&[404, 422]),
            update_preferences,
        )
        .rest(
            e(
                "/api/v1/rbac/roles",
                "The ten roles and their permissions",
                Access::Permission(SystemAdmin),
            )
            .returns_list::<RoleInfo>(),
            roles,
        )
        .rest(
            e(
                "/api/v1/rbac/permissions",
                "The permission catalogue",
                Access::Permission(SystemAdmin),
            )
            .returns_list::<PermissionInfo>(),
            permissions,
        )
        .rest(
            e(
                "/api/v1/rbac/users/{user_id}/roles",
                "A user's roles and permissions (self, or users.read)",
                Access::SelfOr(UsersRead),
            )
            .returns::<UserRoles>()
            .errors(&[404]),
            user_roles,
        )
        .rest(
            Endpoint::post(
                "/api/v1/rbac/users/assign-role",
                "Give a user an extra role (idempotent)",
                Access::Permission(UsersUpdate),
            )
            .body::<RoleChange>()
            .returns::<Message>()
            .errors(&[404]),
            assign_role,
        )
        .rest(
            Endpoint::post(
                "/api/v1/rbac/users/remove-role",
                "Take an extra role away",
                Access::Permission(UsersUpdate),
            )
            .body::<RoleChange>()
            .returns::<Message>()
            .errors(&[404]),
            remove_role,
        )
        .merge(web_ui())
}

/// The user pages' server functions (`/api/ui/users/*`).
fn web_ui() -> Api {
    Api::new("web-ui", "")
        .server_fn(Endpoint::server_fn::<ui::ListUsers>("Admin user list", Access::Permission(UsersSearch)))
        .server_fn(Endpoint::server_fn::<ui::GetUserDetail>("One user (self, or users.read)", Access::SelfOr(UsersRead)).sample(SOMEONE))
        .server_fn(Endpoint::server_fn::<ui::CreateUser>("Create a user (form)", Access::Permission(UsersCreate)).sample("first_name=&last_name=&phone_number=&email=&role=&password="))
        .server_fn(Endpoint::server_fn::<ui::UpdateUser>("Edit a user (form)", Access::SelfOr(UsersUpdate)).sample("user_id=00000000-0000-4000-8000-000000000002&first_name=a&last_name=b&display_name=c"))
        .server_fn(Endpoint::server_fn::<ui::SetUserActive>("Deactivate or reactivate a user (form)", Access::Permission(UsersDelete)).sample("user_id=00000000-0000-4000-8000-000000000002&active=false"))
        .server_fn(Endpoint::server_fn::<ui::AssignRole>("Assign a role (form)", Access::Permission(UsersUpdate)).sample("user_id=00000000-0000-4000-8000-000000000002&role_name=guest"))
        .server_fn(Endpoint::server_fn::<ui::RemoveRole>("Remove a role (form)", Access::Permission(UsersUpdate)).sample("user_id=00000000-0000-4000-8000-000000000002&role_name=guest"))
        .server_fn(Endpoint::server_fn::<ui::MyPreferences>("The caller's preferences", Access::SignedIn))
        .server_fn(Endpoint::server_fn::<ui::SavePreferences>("Save the caller's preferences (form)", Access::SignedIn).sample("language_preference=en&timezone=Asia%2FKolkata&theme_preference=light"))
}

/// SPEC §9 #8: the flat fields and the same object under `user`, plus extras.
async fn me(ctx: Ctx) -> AppResult<Json<Me>> {
    let me = ctx.caller.user_id;
    let detail = service::get(&ctx, me).await?;
    let prefs = service::preferences(&ctx, me).await?;
    let caller = &ctx.caller;
    Ok(Json(Me {
        profile: detail.user.clone(),
        user: detail.user,
        language_preference: prefs.language_preference,
        timezone: prefs.timezone,
        theme_preference: prefs.theme_preference,
        roles: caller.roles.iter().map(|r| r.as_str().to_owned()).collect(),
        permissions: caller
            .permissions
            .iter()
            .map(|p| p.name().to_owned())
            .collect(),
        agent_id: caller.agent_id,
    }))
}

/// The list as the seed clients know it: a JSON array. With `offset`, the
/// `limit`/`offset` page; otherwise keyset paging, with the next page's cursor in
/// `X-Next-Cursor` and the (capped) total in `X-Total-Count`.
async fn search(ctx: Ctx, ApiQuery(q): ApiQuery<UserQuery>) -> AppResult<Response> {
    if q.offset.is_some() && q.cursor.is_none() {
        return Ok(Json(service::search_offset(&ctx, &q).await?).into_response());
    }
    let page = service::search(&ctx, &q).await?;
    let mut response = Json(page.items).into_response();
    let headers = response.headers_mut();
    if let Some(next) = page.next.and_then(|n| HeaderValue::from_str(&n).ok()) {
        headers.insert("x-next-cursor", next);
    }
    if let Ok(total) = HeaderValue::from_str(&page.total.label()) {
        headers.insert("x-total-count", total);
    }
    Ok(response)
}

async fn export(ctx: Ctx, ApiQuery(q): ApiQuery<UserQuery>) -> impl IntoResponse {
    let body = axum::body::Body::from_stream(service::export_csv(ctx, q));
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"users.csv\"",
            ),
        ],
        body,
    )
}

async fn create(
    ctx: Ctx,
    ApiJson(form): ApiJson<NewUserForm>,
) -> AppResult<(StatusCode, Json<UserResponse>)> {
    Ok((
        StatusCode::CREATED,
        Json(service::create(&ctx, &form).await?),
    ))
}

/// Self, or `users.read` (checked in the service, which knows who "self" is).
async fn read(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<UserResponse>> {
    Ok(Json(service::get(&ctx, id).await?.user))
}

async fn update(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(patch): ApiJson<UserPatch>,
) -> AppResult<Json<UserResponse>> {
    Ok(Json(service::update(&ctx, id, &patch).await?))
}

async fn deactivate(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Deactivated>> {
    service::set_active(&ctx, id, false, None).await?;
    Ok(Json(Deactivated {
        message: "User deactivated successfully".into(),
        user_id: id,
    }))
}

async fn reactivate(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<UserResponse>> {
    Ok(Json(service::set_active(&ctx, id, true, None).await?))
}

async fn preferences(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Preferences>> {
    Ok(Json(service::preferences(&ctx, id).await?))
}

async fn update_preferences(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(patch): ApiJson<PreferencesPatch>,
) -> AppResult<Json<Preferences>> {
    Ok(Json(service::update_preferences(&ctx, id, &patch).await?))
}

async fn roles() -> Json<Vec<RoleInfo>> {
    Json(service::roles())
}

async fn permissions() -> Json<Vec<PermissionInfo>> {
    Json(
        Permission::ALL
            .iter()
            .map(|p| PermissionInfo::of(*p))
            .collect(),
    )
}

async fn user_roles(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<UserRoles>> {
    let detail = service::get(&ctx, id).await?;
    let mut roles = vec![detail.user.role.as_str().to_owned()];
    roles.extend(
        detail
            .roles
            .iter()
            .filter(|r| **r != detail.user.role.as_str())
            .cloned(),
    );
    let parsed: Vec<Role> = roles.iter().filter_map(|r| Role::parse(r)).collect();
    let permissions: Vec<&str> = crate::access::PermissionSet::of_roles(&parsed)
        .iter()
        .map(|p| p.name())
        .collect();
    Ok(Json(UserRoles {
        user_id: id,
        user_name: detail.user.display_name,
        user_email: detail.user.email,
        roles,
        permissions: permissions.into_iter().map(str::to_owned).collect(),
    }))
}

async fn assign_role(ctx: Ctx, ApiJson(change): ApiJson<RoleChange>) -> AppResult<Json<Message>> {
    let message = service::assign_role(&ctx, &change).await?;
    Ok(Json(Message { message }))
}

async fn remove_role(ctx: Ctx, ApiJson(change): ApiJson<RoleChange>) -> AppResult<Json<Message>> {
    let message = service::remove_role(&ctx, &change).await?;
    Ok(Json(Message { message }))
}
