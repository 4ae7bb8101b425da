//! User pages: the admin list (search, filters, sort, paging in the URL; CSV of the
//! same view), the create form, the user detail (edit, roles, deactivate), and the
//! signed-in user's profile and preferences. All forms post without JavaScript.

use crate::auth::pages::action_error;
use crate::error::AppError;
use crate::i18n::{t, Msg};
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{FormAlert, TextField};
use crate::users::api::*;
use crate::users::types::{Role, UserDetail, UserPage, UserSort, STATUSES, TIMEZONES};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use uuid::Uuid;

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).filter(|v| !v.is_empty());
    let page = Resource::new(
        move || {
            (
                get("q"),
                get("role"),
                get("status"),
                get("sort"),
                get("offset").and_then(|o| o.parse::<i64>().ok()),
            )
        },
        |(q, role, status, sort, offset)| list_users(q, role, status, sort, offset),
    );
    let selected = move |k: &str, v: &str| get(k).as_deref() == Some(v);
    view! {
        <Title text=t(Msg::Users)/>
        <div class="flex flex-wrap items-center justify-between gap-3">
            <h1 class="text-3xl font-bold">{t(Msg::Users)}</h1>
            <A href="/admin/users/new" attr:class="btn btn-primary">{t(Msg::AddUser)}</A>
        </div>
        <form method="get" action="/admin/users" class="card mt-4 grid gap-3 sm:grid-cols-5 items-end" role="search">
            <div class="sm:col-span-2 flex flex-col gap-1">
                <label for="q" class="font-medium">{t(Msg::Search)}</label>
                <input id="q" name="q" class="input" placeholder=t(Msg::SearchUsersHint) value=move || get("q").unwrap_or_default()/>
            </div>
            <div class="flex flex-col gap-1">
                <label for="role" class="font-medium">{t(Msg::Role)}</label>
                <select id="role" name="role" class="input">
                    <option value="">{t(Msg::AllRoles)}</option>
                    {Role::ALL.into_iter().map(|r| view! {
                        <option value=r.as_str() selected=move || selected("role", r.as_str())>{r.as_str()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col gap-1">
                <label for="status" class="font-medium">{t(Msg::Status)}</label>
                <select id="status" name="status" class="input">
                    <option value="">{t(Msg::AllStatuses)}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=s selected=move || selected("status", s)>{s}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col gap-1">
                <label for="sort" class="font-medium">{t(Msg::SortBy)}</label>
                <select id="sort" name="sort" class="input">
                    {UserSort::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || selected("sort", s.as_str())>{s.as_str()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn btn-primary sm:col-start-5">{t(Msg::Search)}</button>
        </form>
        <Transition fallback=|| view! { <Loading height="h-96"/> }>
            {move || page.get().map(|r| match r {
                Ok(page) => view! { <UserTable page/> }.into_any(),
                Err(e) => failure(e, "/admin/users"),
            })}
        </Transition>
    }
}

#[component]
fn UserTable(page: UserPage) -> impl IntoView {
    let query = use_query_map();
    let link = move |offset: i64| {
        let q = query.read();
        let mut parts: Vec<String> = ["q", "role", "status", "sort"]
            .iter()
            .filter_map(|k| {
                q.get(k)
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{k}={}", urlencode(&v)))
            })
            .collect();
        parts.push(format!("offset={offset}"));
        parts.join("&")
    };
    let export = move || format!("/api/v1/users/export.csv?{}", link(0));
    let (from, to) = (page.offset + 1, page.offset + page.users.len() as i64);
    let prev = (page.offset > 0).then(|| (page.offset - page.limit).max(0));
    let next = (to < page.total).then_some(to);
    view! {
        <div class="mt-4 flex flex-wrap items-center justify-between gap-3">
            <p class="text-muted" data-testid="user-count">
                {if page.total == 0 { t(Msg::NoUsers).to_owned() } else { format!("{from}–{to} / {}", page.total) }}
            </p>
            <a class="link" href=export rel="external" download="users.csv">{t(Msg::ExportCsv)}</a>
        </div>
        <div class="mt-2 overflow-x-auto card p-0">
            <table class="w-full text-left">
                <thead class="bg-canvas text-sm text-muted">
                    <tr>
                        <th scope="col" class="p-3">{t(Msg::Name)}</th>
                        <th scope="col" class="p-3">{t(Msg::Contact)}</th>
                        <th scope="col" class="p-3">{t(Msg::Role)}</th>
                        <th scope="col" class="p-3">{t(Msg::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {page.users.into_iter().map(|u| {
                        let name = u.display_name.clone().unwrap_or_else(|| u.phone_number.clone().unwrap_or_default());
                        view! {
                            <tr class="border-t border-line">
                                <td class="p-3"><a class="link font-medium" href=format!("/admin/users/{}", u.user_id)>{name}</a></td>
                                <td class="p-3 text-sm">{u.phone_number.clone().unwrap_or_default()}<br/>{u.email.clone().unwrap_or_default()}</td>
                                <td class="p-3"><span class="badge badge-role">{u.role.clone()}</span></td>
                                <td class="p-3"><span class=format!("badge badge-status-{}", u.status)>{u.status.clone()}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="mt-4 flex gap-3" aria-label=t(Msg::Pages)>
            {prev.map(|o| view! { <a class="btn btn-secondary" href=move || format!("/admin/users?{}", link(o))>{t(Msg::Previous)}</a> })}
            {next.map(|o| view! { <a class="btn btn-secondary" href=move || format!("/admin/users?{}", link(o))>{t(Msg::Next)}</a> })}
        </nav>
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
pub fn NewUserPage() -> impl IntoView {
    let action = ServerAction::<CreateUser>::new();
    let error = action_error(action);
    view! {
        <Title text=t(Msg::AddUser)/>
        <h1 class="text-3xl font-bold">{t(Msg::AddUser)}</h1>
        <ActionForm action=action attr:class="card mt-4 flex flex-col gap-4 max-w-xl" attr:novalidate="true">
            <FormAlert error/>
            <TextField name="first_name" label=t(Msg::FirstName) error required=true/>
            <TextField name="last_name" label=t(Msg::LastName) error/>
            <TextField name="phone_number" label=t(Msg::MobileNumber) error input_type="tel" prefix="+91"/>
            <TextField name="email" label=t(Msg::Email) error input_type="email"/>
            <div class="flex flex-col gap-1">
                <label for="role" class="font-medium">{t(Msg::Role)}</label>
                <select id="role" name="role" class="input">
                    {Role::ALL.into_iter().rev().map(|r| view! { <option value=r.as_str()>{r.as_str()}</option> }).collect_view()}
                </select>
            </div>
            <TextField name="password" label=t(Msg::Password) error input_type="password" autocomplete="new-password" hint=t(Msg::PasswordOptional)/>
            <button type="submit" class="btn btn-primary self-start">{t(Msg::CreateUser)}</button>
        </ActionForm>
    }
}

#[component]
pub fn UserDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<Uuid>().ok());
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
        <Title text=t(Msg::User)/>
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
    let u = d.user.clone();
    let id = u.user_id.to_string();
    let (id_edit, id_roles, id_assign, id_active) = (id.clone(), id.clone(), id.clone(), id);
    let is_active = u.status == "active";
    view! {
        <div class="flex flex-wrap items-center gap-3">
            <h1 class="text-3xl font-bold">{u.display_name.clone().unwrap_or_default()}</h1>
            <span class=format!("badge badge-status-{}", u.status) data-testid="user-status">{u.status.clone()}</span>
        </div>
        <p class="text-muted mt-1">{u.role.clone()} " · " {u.phone_number.clone().unwrap_or_default()} " · " {u.email.clone().unwrap_or_default()}</p>
        <div class="mt-4"><FormAlert error=errors/></div>
        <section class="card mt-4" aria-labelledby="edit-heading">
            <h2 id="edit-heading" class="text-xl font-semibold">{t(Msg::EditUser)}</h2>
            <ActionForm action=update attr:class="mt-4 grid gap-4 sm:grid-cols-2" attr:novalidate="true">
                <input type="hidden" name="user_id" value=id_edit/>
                <TextField name="first_name" label=t(Msg::FirstName) error=errors value=u.first_name.clone().unwrap_or_default()/>
                <TextField name="last_name" label=t(Msg::LastName) error=errors value=u.last_name.clone().unwrap_or_default()/>
                <TextField name="display_name" label=t(Msg::DisplayName) error=errors value=u.display_name.clone().unwrap_or_default()/>
                <TextField name="email" label=t(Msg::Email) error=errors input_type="email" value=u.email.clone().unwrap_or_default()/>
                <button type="submit" class="btn btn-primary self-start">{t(Msg::Save)}</button>
            </ActionForm>
        </section>
        <section class="card mt-4" aria-labelledby="roles-heading">
            <h2 id="roles-heading" class="text-xl font-semibold">{t(Msg::Roles)}</h2>
            <p class="mt-2">{t(Msg::PrimaryRole)} ": " <strong>{u.role.clone()}</strong></p>
            <ul class="mt-2 flex flex-wrap gap-2" data-testid="extra-roles">
                {d.roles.iter().map(|r| {
                    let r = r.clone();
                    let id = id_roles.clone();
                    view! {
                        <li>
                            <ActionForm action=remove attr:class="badge badge-role gap-2">
                                <input type="hidden" name="user_id" value=id/>
                                <input type="hidden" name="role_name" value=r.clone()/>
                                {r.clone()}
                                <button type="submit" aria-label=format!("{} {r}", t(Msg::RemoveRole))>"×"</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=assign attr:class="mt-3 flex flex-wrap items-end gap-3">
                <input type="hidden" name="user_id" value=id_assign/>
                <div class="flex flex-col gap-1">
                    <label for="role_name" class="font-medium">{t(Msg::AssignRole)}</label>
                    <select id="role_name" name="role_name" class="input">
                        {Role::ALL.into_iter().rev().map(|r| view! { <option value=r.as_str()>{r.as_str()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn-secondary">{t(Msg::AssignRole)}</button>
            </ActionForm>
        </section>
        {(!d.is_self).then(move || view! {
            <section class="card mt-4">
                <ActionForm action=active>
                    <input type="hidden" name="user_id" value=id_active.clone()/>
                    <input type="hidden" name="active" value=(!is_active).to_string()/>
                    <button type="submit" class=if is_active { "btn btn-danger" } else { "btn btn-secondary" }>
                        {if is_active { t(Msg::Deactivate) } else { t(Msg::Reactivate) }}
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
    let me = crate::ui::layout::use_session;
    view! {
        <Title text=t(Msg::Preferences)/>
        <h1 class="text-3xl font-bold">{t(Msg::Preferences)}</h1>
        <Transition fallback=|| ()>
            {move || me().map(|me| view! {
                <ActionForm action=update attr:class="card mt-4 grid gap-4 sm:grid-cols-2" attr:novalidate="true">
                    <div class="sm:col-span-2"><FormAlert error=name_error/></div>
                    <input type="hidden" name="user_id" value=me.user.user_id.to_string()/>
                    <TextField name="first_name" label=t(Msg::FirstName) error=name_error value=me.user.first_name.clone().unwrap_or_default()/>
                    <TextField name="last_name" label=t(Msg::LastName) error=name_error value=me.user.last_name.clone().unwrap_or_default()/>
                    <TextField name="display_name" label=t(Msg::DisplayName) error=name_error value=me.user.display_name.clone().unwrap_or_default()/>
                    <button type="submit" class="btn btn-primary self-end">{t(Msg::Save)}</button>
                </ActionForm>
            })}
        </Transition>
        {move || saved().then(|| view! { <p role="status" class="mt-2 text-ok font-medium">{t(Msg::Saved)}</p> })}
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
                                <label for="timezone" class="font-medium">{t(Msg::TimeZone)}</label>
                                <select id="timezone" name="timezone" class="input">
                                    {TIMEZONES.into_iter().map(|z| view! { <option value=z selected=tz == z>{z}</option> }).collect_view()}
                                </select>
                            </div>
                            <fieldset class="flex flex-col gap-2">
                                <legend class="font-medium">{t(Msg::Theme)}</legend>
                                <label class="flex items-center gap-2 min-h-12"><input type="radio" name="theme_preference" value="light" checked=theme == "light"/>{t(Msg::Light)}</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="radio" name="theme_preference" value="dark" checked=theme == "dark"/>{t(Msg::Dark)}</label>
                            </fieldset>
                            <fieldset class="flex flex-col gap-2">
                                <legend class="font-medium">{t(Msg::Notifications)}</legend>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="email" checked=email/>"Email"</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="sms" checked=sms/>"SMS"</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="push" checked=push/>{t(Msg::Push)}</label>
                                <label class="flex items-center gap-2 min-h-12"><input type="checkbox" name="whatsapp" checked=whatsapp/>"WhatsApp"</label>
                            </fieldset>
                            <button type="submit" class="btn btn-primary self-start">{t(Msg::Save)}</button>
                        </form>
                    }.into_any()
                }
                Err(e) => failure(e, "/me"),
            })}
        </Transition>
    }
}
