//! User pages: the admin list (search, filters, sort, paging in the URL; CSV of the
//! same view), the create form, the user detail (edit, roles, deactivate), and the
//! signed-in user's profile and preferences. All forms post without JavaScript.

use super::text::T;
use crate::access::Role;
use crate::error::AppError;
use crate::i18n::{t, Msg};
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, action_saved, FormAlert, SavedNotice, TextField};
use crate::ui::table::{query_param, Column, DataTable, Filter, FilterBar};
use crate::users::api::*;
use crate::users::labels::{role_key_label, role_label, sort_label, status_label};
use crate::users::types::{UserDetail, UserResponse, UserSort, UserStatus, TIMEZONES};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

/// The query parameters of the admin list that a link to another page keeps.
const LIST_PARAMS: &[&str] = &["q", "role", "status", "sort", "limit"];

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let page = Resource::new(
        move || {
            (
                query_param("q"),
                query_param("role"),
                query_param("status"),
                query_param("sort"),
                query_param("cursor"),
                query_param("limit").and_then(|l| l.parse().ok()),
            )
        },
        |(q, role, status, sort, cursor, limit)| list_users(q, role, status, sort, cursor, limit),
    );
    // Each option: the key the URL and the API use, and its readable label.
    let named = |values: Vec<(&'static str, &'static str)>| {
        values
            .into_iter()
            .map(|(key, label)| (key.to_owned(), label.to_owned()))
            .collect()
    };
    let filters = vec![
        Filter::Text {
            name: "q",
            label: t(Msg::Search),
            placeholder: t(T::SearchUsersHint),
        },
        Filter::Select {
            name: "role",
            label: t(T::Role),
            any: Some(t(T::AllRoles)),
            options: named(
                Role::ALL
                    .iter()
                    .map(|r| (r.as_str(), role_label(*r)))
                    .collect(),
            ),
        },
        Filter::Select {
            name: "status",
            label: t(T::Status),
            any: Some(t(T::AllStatuses)),
            options: named(
                UserStatus::ALL
                    .iter()
                    .map(|s| (s.as_str(), status_label(*s)))
                    .collect(),
            ),
        },
        Filter::Select {
            name: "sort",
            label: t(T::SortBy),
            any: None,
            options: named(
                UserSort::ALL
                    .iter()
                    .map(|s| (s.as_str(), sort_label(*s)))
                    .collect(),
            ),
        },
    ];
    view! {
        <Title text=t(T::Users)/>
        <div class="flex flex-wrap items-center justify-between gap-3">
            <h1 class="text-3xl font-bold">{t(T::Users)}</h1>
            <A href="/admin/users/new" attr:class="btn btn-primary">{t(T::AddUser)}</A>
        </div>
        <FilterBar action="/admin/users" filters/>
        <Transition fallback=|| view! { <Loading height="h-96"/> }>
            {move || page.get().map(|r| match r {
                Ok(page) => view! {
                    <DataTable page columns=user_columns() path="/admin/users" keep=LIST_PARAMS
                        export="/api/v1/users/export.csv" empty=t(T::NoUsers)/>
                }.into_any(),
                Err(e) => failure(e, "/admin/users"),
            })}
        </Transition>
    }
}

fn user_columns() -> Vec<Column<UserResponse>> {
    vec![
        Column {
            header: t(T::Name),
            cell: |u| {
                let name = u
                    .display_name
                    .clone()
                    .unwrap_or_else(|| u.phone_number.clone().unwrap_or_default());
                view! { <a class="link font-medium" href=format!("/admin/users/{}", u.user_id)>{name}</a> }
                    .into_any()
            },
        },
        Column {
            header: t(T::Contact),
            cell: |u| {
                view! {
                    <span class="text-sm">{u.phone_number.clone().unwrap_or_default()}<br/>
                        {u.email.clone().unwrap_or_default()}</span>
                }
                .into_any()
            },
        },
        Column {
            header: t(T::Role),
            cell: |u| {
                view! { <span class="badge badge-role">{role_label(u.role)}</span> }.into_any()
            },
        },
        Column {
            header: t(T::Status),
            cell: |u| {
                let status = u.status.as_str();
                view! { <span class=format!("badge badge-status-{status}")>{status_label(u.status)}</span> }
                    .into_any()
            },
        },
    ]
}

#[component]
pub fn NewUserPage() -> impl IntoView {
    let action = ServerAction::<CreateUser>::new();
    let error = action_error(action);
    view! {
        <Title text=t(T::AddUser)/>
        <h1 class="text-3xl font-bold">{t(T::AddUser)}</h1>
        <ActionForm action=action attr:class="card mt-4 flex flex-col gap-4 max-w-xl" attr:novalidate="true">
            <FormAlert error/>
            <TextField name="first_name" label=t(T::FirstName) error required=true/>
            <TextField name="last_name" label=t(T::LastName) error/>
            <TextField name="phone_number" label=t(Msg::MobileNumber) error input_type="tel" prefix="+91"/>
            <TextField name="email" label=t(T::Email) error input_type="email"/>
            <div class="flex flex-col gap-1">
                <label for="role" class="font-medium">{t(T::Role)}</label>
                <select id="role" name="role" class="input">
                    {Role::ALL.into_iter().rev().map(|r| view! { <option value=r.as_str()>{role_label(r)}</option> }).collect_view()}
                </select>
            </div>
            <TextField name="password" label=t(Msg::Password) error input_type="password" autocomplete="new-password" hint=t(T::PasswordOptional)/>
            <button type="submit" class="btn btn-primary self-start">{t(T::CreateUser)}</button>
        </ActionForm>
    }
}

#[component]
pub fn UserDetailPage() -> impl IntoView {
    let id = crate::ui::route::path_id();
    let update = ServerAction::<UpdateUser>::new();
    let active = ServerAction::<SetUserActive>::new();
    let assign = ServerAction::<AssignRole>::new();
    let remove = ServerAction::<RemoveRole>::new();
    let detail = Resource::new(
        move || {
            (
                id(),
                update.version().get(),
                active.version().get(),
                assign.version().get(),
                remove.version().get(),
            )
        },
        |(id, ..)| async move {
            match id {
                Some(id) => get_user_detail(id).await,
                None => Err(AppError::not_found("User")),
            }
        },
    );
    let errors = Signal::derive(move || {
        action_error(update)
            .get()
            .or_else(|| action_error(active).get())
            .or_else(|| action_error(assign).get())
            .or_else(|| action_error(remove).get())
    });
    view! {
        <Title text=t(T::User)/>
        <Transition fallback=|| view! { <Loading height="h-96"/> }>
            {move || detail.get().map(|r| match r {
                Ok(d) => view! { <UserDetailView d update active assign remove errors/> }.into_any(),
                Err(e) => failure(e, "/admin/users"),
            })}
        </Transition>
    }
}

#[component]
fn UserDetailView(
    d: UserDetail,
    update: ServerAction<UpdateUser>,
    active: ServerAction<SetUserActive>,
    assign: ServerAction<AssignRole>,
    remove: ServerAction<RemoveRole>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let saved = Signal::derive(move || {
        action_saved(update).get()
            || action_saved(active).get()
            || action_saved(assign).get()
            || action_saved(remove).get()
    });
    let u = d.user.clone();
    let id = u.user_id.to_string();
    let (id_edit, id_roles, id_assign, id_active) = (id.clone(), id.clone(), id.clone(), id);
    let is_active = u.status == UserStatus::Active;
    view! {
        <div class="flex flex-wrap items-center gap-3">
            <h1 class="text-3xl font-bold">{u.display_name.clone().unwrap_or_default()}</h1>
            <span class=format!("badge badge-status-{}", u.status) data-testid="user-status" data-status=u.status.as_str()>{status_label(u.status)}</span>
        </div>
        <p class="text-muted mt-1">{role_label(u.role)} " · " {u.phone_number.clone().unwrap_or_default()} " · " {u.email.clone().unwrap_or_default()}</p>
        <div class="mt-4"><FormAlert error=errors/><SavedNotice saved message=t(T::Saved)/></div>
        <section class="card mt-4" aria-labelledby="edit-heading">
            <h2 id="edit-heading" class="text-xl font-semibold">{t(T::EditUser)}</h2>
            <ActionForm action=update attr:class="mt-4 grid gap-4 sm:grid-cols-2" attr:novalidate="true">
                <input type="hidden" name="user_id" value=id_edit/>
                <TextField name="first_name" label=t(T::FirstName) error=errors value=u.first_name.clone().unwrap_or_default()/>
                <TextField name="last_name" label=t(T::LastName) error=errors value=u.last_name.clone().unwrap_or_default()/>
                <TextField name="display_name" label=t(T::DisplayName) error=errors value=u.display_name.clone().unwrap_or_default()/>
                <TextField name="email" label=t(T::Email) error=errors input_type="email" value=u.email.clone().unwrap_or_default()/>
                <button type="submit" class="btn btn-primary self-start">{t(T::Save)}</button>
            </ActionForm>
        </section>
        <section class="card mt-4" aria-labelledby="roles-heading">
            <h2 id="roles-heading" class="text-xl font-semibold">{t(T::Roles)}</h2>
            <p class="mt-2">{t(T::PrimaryRole)} ": " <strong>{role_label(u.role)}</strong></p>
            <ul class="mt-2 flex flex-wrap gap-2" data-testid="extra-roles">
                {d.roles.iter().map(|r| {
                    let r = r.clone();
                    let id = id_roles.clone();
                    view! {
                        <li>
                            <ActionForm action=remove attr:class="badge badge-role gap-2">
                                <input type="hidden" name="user_id" value=id/>
                                <input type="hidden" name="role_name" value=r.clone()/>
                                {role_key_label(&r)}
                                <button type="submit" class="icon-btn border-0 min-h-12 min-w-12" aria-label=format!("{} {}", t(T::RemoveRole), role_key_label(&r))>"×"</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=assign attr:class="mt-3 flex flex-wrap items-end gap-3">
                <input type="hidden" name="user_id" value=id_assign/>
                <div class="flex flex-col gap-1">
                    <label for="role_name" class="font-medium">{t(T::AssignRole)}</label>
                    <select id="role_name" name="role_name" class="input">
                        {Role::ALL.into_iter().rev().map(|r| view! { <option value=r.as_str()>{role_label(r)}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn-secondary">{t(T::AssignRole)}</button>
            </ActionForm>
        </section>
        {(!d.is_self).then(move || view! {
            <section class="card mt-4">
                <ActionForm action=active>
                    <input type="hidden" name="user_id" value=id_active.clone()/>
                    <input type="hidden" name="active" value=(!is_active).to_string()/>
                    <button type="submit" class=if is_active { "btn btn-danger" } else { "btn btn-secondary" }>
                        {if is_active { t(T::Deactivate) } else { t(T::Reactivate) }}
                    </button>
                </ActionForm>
            </section>
        })}
    }
}

/// The signed-in user's own profile and preferences.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.read().get("saved").as_deref() == Some("1");
    let prefs = Resource::new(|| (), |_| my_preferences());
    let save = ServerAction::<SavePreferences>::new();
    let error = action_error(save);
    let update = ServerAction::<UpdateUser>::new();
    let name_error = action_error(update);
    let me = crate::frame::use_session;
    view! {
        <Title text=t(T::Preferences)/>
        <h1 class="text-3xl font-bold">{t(T::Preferences)}</h1>
        <Transition fallback=|| ()>
            {move || me().map(|me| view! {
                <ActionForm action=update attr:class="card mt-4 grid gap-4 sm:grid-cols-2" attr:novalidate="true">
                    <div class="sm:col-span-2"><FormAlert error=name_error/><SavedNotice saved=action_saved(update) message=t(T::Saved)/></div>
                    <input type="hidden" name="user_id" value=me.user.user_id.to_string()/>
                    <TextField name="first_name" label=t(T::FirstName) error=name_error value=me.user.first_name.clone().unwrap_or_default()/>
                    <TextField name="last_name" label=t(T::LastName) error=name_error value=me.user.last_name.clone().unwrap_or_default()/>
                    <TextField name="display_name" label=t(T::DisplayName) error=name_error value=me.user.display_name.clone().unwrap_or_default()/>
                    <button type="submit" class="btn btn-primary self-end">{t(T::Save)}</button>
                </ActionForm>
            })}
        </Transition>
        {move || saved().then(|| view! { <p role="status" class="mt-2 text-ok font-medium">{t(T::Saved)}</p> })}
        <Transition fallback=|| view! { <Loading height="h-64"/> }>
            {move || prefs.get().map(|r| match r {
                Ok(p) => {
                    let on = |k: &str| p.notification_preferences.get(k).and_then(|v| v.as_bool()).unwrap_or(false);
                    let (email, sms, push, whatsapp) = (on("email"), on("sms"), on("push"), on("whatsapp"));
                    let (lang, tz, theme) = (p.language_preference.clone(), p.timezone.clone(), p.theme_preference.clone());
                    view! {
                        // A plain form, even with WASM: a new language re-renders the
                        // whole document (`<html lang>`), so a full page load is right.
                        <form method="post" action="/api/ui/users/me/preferences/save" class="card mt-4 flex flex-col gap-4 max-w-xl">
                            <FormAlert error/>
                            <div class="flex flex-col gap-1">
                                <label for="language_preference" class="font-medium">{t(Msg::Language)}</label>
                                <select id="language_preference" name="language_preference" class="input">
                                    <option value="en" selected=lang == "en">"English"</option>
                                    <option value="hi" selected=lang == "hi">"हिन्दी"</option>
                                </select>
                            </div>
                            <div class="flex flex-col gap-1">
                                <label for="timezone" class="font-medium">{t(T::TimeZone)}</label>
                                <select id="timezone" name="timezone" class="input">
                                    {TIMEZONES.into_iter().map(|z| view! { <option value=z selected=tz == z>{z}</option> }).collect_view()}
                                </select>
                            </div>
                            <fieldset class="flex flex-col gap-2">
                                <legend class="font-medium">{t(T::Theme)}</legend>
                                <label class="flex items-center gap-2 min-h-12"><input type="radio" name="theme_preference" value="light" checked=theme == "light"/>{t(T::Light)}</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="radio" name="theme_preference" value="dark" checked=theme == "dark"/>{t(T::Dark)}</label>
                            </fieldset>
                            <fieldset class="flex flex-col gap-2">
                                <legend class="font-medium">{t(T::Notifications)}</legend>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="email" checked=email/>"Email"</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="sms" checked=sms/>"SMS"</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="push" checked=push/>{t(T::Push)}</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="whatsapp" checked=whatsapp/>"WhatsApp"</label>
                            </fieldset>
                            <button type="submit" class="btn btn-primary self-start">{t(T::Save)}</button>
                        </form>
                    }.into_any()
                }
                Err(e) => failure(e, "/me"),
            })}
        </Transition>
    }
}
