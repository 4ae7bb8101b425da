//! Server functions of the user pages (`/api/ui/users/*`): the admin list and detail,
//! and the signed-in user's own profile and preferences. Form-encoded, so every form
//! posts without JavaScript.

use crate::error::AppError;
use crate::paging::Page;
use crate::users::types::{Preferences, UserDetail, UserResponse};
use leptos::prelude::*;
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

// The server side. Each function's first line checks the `Access` of its own
// catalogue entry, named by its type: `ctx::<ListUsers>()?` gives the admitted
// caller's context, `public::<…>()?` says the entry is public. Server rendering
// calls these functions in-process, where no route gate stands in front of them.
#[cfg(feature = "ssr")]
use crate::{auth::server::guard::ctx, users::server::service};

/// Flat arguments, so the page's query string maps straight onto them.
#[server(prefix = "/api/ui", endpoint = "users/list", input = GetUrl)]
pub async fn list_users(
    q: Option<String>,
    role: Option<String>,
    status: Option<String>,
    sort: Option<String>,
    cursor: Option<String>,
    limit: Option<i64>,
) -> Result<Page<UserResponse>, AppError> {
    let ctx = ctx::<ListUsers>()?;
    let query = crate::users::types::UserQuery {
        q,
        role,
        status,
        sort,
        cursor,
        limit,
        offset: None,
    };
    service::search(&ctx, &query).await
}

#[server(prefix = "/api/ui", endpoint = "users/get", input = GetUrl)]
pub async fn get_user_detail(user_id: Uuid) -> Result<UserDetail, AppError> {
    // Self, or users.read: decided by the service, which knows who "self" is.
    let ctx = ctx::<GetUserDetail>()?;
    service::get(&ctx, user_id).await
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
    let ctx = ctx::<CreateUser>()?;
    let form = crate::users::types::NewUserForm {
        first_name: Some(first_name),
        last_name: Some(last_name),
        phone_number: Some(phone_number),
        email: Some(email),
        role,
        password: Some(password),
    };
    let user = service::create(&ctx, &form).await?;
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
    let ctx = ctx::<UpdateUser>()?;
    let patch = crate::users::types::UserPatch {
        first_name: Some(first_name),
        last_name: Some(last_name),
        display_name: Some(display_name),
        email,
        phone_number,
        status: None,
    };
    service::update(&ctx, user_id, &patch).await
}

#[server(prefix = "/api/ui", endpoint = "users/active", input = PostUrl)]
pub async fn set_user_active(user_id: Uuid, active: bool) -> Result<UserResponse, AppError> {
    let ctx = ctx::<SetUserActive>()?;
    service::set_active(&ctx, user_id, active, None).await
}

#[server(prefix = "/api/ui", endpoint = "users/roles/assign", input = PostUrl)]
pub async fn assign_role(user_id: Uuid, role_name: String) -> Result<String, AppError> {
    let ctx = ctx::<AssignRole>()?;
    let change = crate::users::types::RoleChange { user_id, role_name };
    service::assign_role(&ctx, &change).await
}

#[server(prefix = "/api/ui", endpoint = "users/roles/remove", input = PostUrl)]
pub async fn remove_role(user_id: Uuid, role_name: String) -> Result<String, AppError> {
    let ctx = ctx::<RemoveRole>()?;
    let change = crate::users::types::RoleChange { user_id, role_name };
    service::remove_role(&ctx, &change).await
}

#[server(prefix = "/api/ui", endpoint = "users/me/preferences", input = GetUrl)]
pub async fn my_preferences() -> Result<Preferences, AppError> {
    let ctx = ctx::<MyPreferences>()?;
    service::preferences(&ctx, ctx.caller.user_id).await
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
    let ctx = ctx::<SavePreferences>()?;
    let patch = crate::users::types::PreferencesPatch {
        language_preference: Some(language_preference.clone()),
        timezone: Some(timezone),
        theme_preference: Some(theme_preference),
        notification_preferences: Some(serde_json::json!({
            "email": email.is_some(), "sms": sms.is_some(), "push": push.is_some(), "whatsapp": whatsapp.is_some(),
        })),
    };
    service::update_preferences(&ctx, ctx.caller.user_id, &patch).await?;
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
