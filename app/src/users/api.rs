//! Server functions of the user pages (`/api/ui/users/*`): the admin list and detail,
//! and the signed-in user's own profile and preferences. Form-encoded, so every form
//! posts without JavaScript.

use crate::error::AppError;
use crate::users::types::{Preferences, UserDetail, UserPage, UserResponse};
use leptos::prelude::*;
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

/// Flat arguments, so the page's query string maps straight onto them.
#[server(prefix = "/api/ui", endpoint = "users/list", input = GetUrl)]
pub async fn list_users(
    q: Option<String>,
    role: Option<String>,
    status: Option<String>,
    sort: Option<String>,
    offset: Option<i64>,
) -> Result<UserPage, AppError> {
    let caller =
        crate::auth::server::guard::require(crate::auth::permissions::Permission::UsersSearch)?;
    let query = crate::users::types::UserQuery {
        q,
        role,
        status,
        sort,
        limit: Some(20),
        offset,
    };
    crate::users::server::service::search(&crate::state::app_state()?, &caller, &query).await
}

#[server(prefix = "/api/ui", endpoint = "users/get", input = GetUrl)]
pub async fn get_user_detail(user_id: Uuid) -> Result<UserDetail, AppError> {
    // Self, or users.read: decided by the service, which knows who "self" is.
    let caller = crate::auth::server::guard::signed_in()?;
    crate::users::server::service::get(&crate::state::app_state()?, &caller, user_id).await
}

#[server(prefix = "/api/ui", endpoint = "users/create", input = PostUrl)]
pub async fn create_user(
    first_name: String,
    last_name: String,
    phone_number: String,
    email: String,
    role: String,
    password: String,
) -> Result<(), AppError> {
    let caller =
        crate::auth::server::guard::require(crate::auth::permissions::Permission::UsersCreate)?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    let form = crate::users::types::NewUserForm {
        first_name: Some(first_name),
        last_name: Some(last_name),
        phone_number: Some(phone_number),
        email: Some(email),
        role,
        password: Some(password),
    };
    let user = crate::users::server::service::create(&state, &meta, &caller, &form).await?;
    leptos_axum::redirect(&format!("/admin/users/{}?saved=1", user.user_id));
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "users/update", input = PostUrl)]
pub async fn update_user(
    user_id: Uuid,
    first_name: String,
    last_name: String,
    display_name: String,
    email: Option<String>,
    phone_number: Option<String>,
) -> Result<UserResponse, AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    let patch = crate::users::types::UserPatch {
        first_name: Some(first_name),
        last_name: Some(last_name),
        display_name: Some(display_name),
        email,
        phone_number,
        status: None,
    };
    crate::users::server::service::update(&state, &meta, &caller, user_id, &patch).await
}

#[server(prefix = "/api/ui", endpoint = "users/active", input = PostUrl)]
pub async fn set_user_active(user_id: Uuid, active: bool) -> Result<UserResponse, AppError> {
    let caller =
        crate::auth::server::guard::require(crate::auth::permissions::Permission::UsersDelete)?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    crate::users::server::service::set_active(&state, &meta, &caller, user_id, active, None).await
}

#[server(prefix = "/api/ui", endpoint = "users/roles/assign", input = PostUrl)]
pub async fn assign_role(user_id: Uuid, role_name: String) -> Result<String, AppError> {
    let caller =
        crate::auth::server::guard::require(crate::auth::permissions::Permission::UsersUpdate)?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    let change = crate::users::types::RoleChange { user_id, role_name };
    crate::users::server::service::assign_role(&state, &meta, &caller, &change).await
}

#[server(prefix = "/api/ui", endpoint = "users/roles/remove", input = PostUrl)]
pub async fn remove_role(user_id: Uuid, role_name: String) -> Result<String, AppError> {
    let caller =
        crate::auth::server::guard::require(crate::auth::permissions::Permission::UsersUpdate)?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    let change = crate::users::types::RoleChange { user_id, role_name };
    crate::users::server::service::remove_role(&state, &meta, &caller, &change).await
}

#[server(prefix = "/api/ui", endpoint = "users/me/preferences", input = GetUrl)]
pub async fn my_preferences() -> Result<Preferences, AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    crate::users::server::service::preferences(&crate::state::app_state()?, &caller, caller.user_id)
        .await
}

/// Checkboxes post only when ticked, so each channel arrives as an optional "on".
#[server(prefix = "/api/ui", endpoint = "users/me/preferences/save", input = PostUrl)]
pub async fn save_preferences(
    language_preference: String,
    timezone: String,
    theme_preference: String,
    email: Option<String>,
    sms: Option<String>,
    push: Option<String>,
    whatsapp: Option<String>,
) -> Result<(), AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    let patch = crate::users::types::PreferencesPatch {
        language_preference: Some(language_preference.clone()),
        timezone: Some(timezone),
        theme_preference: Some(theme_preference),
        notification_preferences: Some(serde_json::json!({
            "email": email.is_some(), "sms": sms.is_some(), "push": push.is_some(), "whatsapp": whatsapp.is_some(),
        })),
    };
    crate::users::server::service::update_preferences(
        &state,
        &meta,
        &caller,
        caller.user_id,
        &patch,
    )
    .await?;
    // The UI follows the saved language at once (the cookie drives <html lang>).
    if let (Some(lang), Some(response)) = (
        crate::i18n::Lang::from_code(&language_preference),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(cookie) = http::HeaderValue::from_str(&lang.set_cookie()) {
            response.append_header(http::header::SET_COOKIE, cookie);
        }
    }
    leptos_axum::redirect("/me?saved=1");
    Ok(())
}

#[cfg(feature = "ssr")]
pub use catalog::ENDPOINTS;

#[cfg(feature = "ssr")]
mod catalog {
    use crate::auth::permissions::Permission::*;
    use crate::catalog::{web_ui as ui, Access, Endpoint, Verb};

    pub static ENDPOINTS: &[Endpoint] = &[
        ui(
            Verb::Get,
            "/api/ui/users/list",
            "Admin user list",
            Access::Permission(UsersSearch),
            "",
        ),
        ui(
            Verb::Get,
            "/api/ui/users/get",
            "One user (self, or users.read)",
            Access::SelfOr(UsersRead),
            "user_id=00000000-0000-4000-8000-000000000002",
        ),
        ui(
            Verb::Post,
            "/api/ui/users/create",
            "Create a user (form)",
            Access::Permission(UsersCreate),
            "first_name=&last_name=&phone_number=&email=&role=&password=",
        ),
        ui(
            Verb::Post,
            "/api/ui/users/update",
            "Edit a user (form)",
            Access::SelfOr(UsersUpdate),
            "user_id=00000000-0000-4000-8000-000000000002&first_name=a&last_name=b&display_name=c",
        ),
        ui(
            Verb::Post,
            "/api/ui/users/active",
            "Deactivate or reactivate a user (form)",
            Access::Permission(UsersDelete),
            "user_id=00000000-0000-4000-8000-000000000002&active=false",
        ),
        ui(
            Verb::Post,
            "/api/ui/users/roles/assign",
            "Assign a role (form)",
            Access::Permission(UsersUpdate),
            "user_id=00000000-0000-4000-8000-000000000002&role_name=guest",
        ),
        ui(
            Verb::Post,
            "/api/ui/users/roles/remove",
            "Remove a role (form)",
            Access::Permission(UsersUpdate),
            "user_id=00000000-0000-4000-8000-000000000002&role_name=guest",
        ),
        ui(
            Verb::Get,
            "/api/ui/users/me/preferences",
            "The caller's preferences",
            Access::SignedIn,
            "",
        ),
        ui(
            Verb::Post,
            "/api/ui/users/me/preferences/save",
            "Save the caller's preferences (form)",
            Access::SignedIn,
            "language_preference=en&timezone=Asia%2FKolkata&theme_preference=light",
        ),
    ];
}
