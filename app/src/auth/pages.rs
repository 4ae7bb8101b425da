//! Sign-in (password, agent code, OTP), the OTP code entry and the Security page.
//! Every form is an `<ActionForm>`: it posts without JavaScript and shows errors next
//! to the field they concern either way.

use super::code_entry::CodeEntry;
use super::text::T;
use crate::auth::api::{
    my_sessions, ChangePassword, RevokeOtherSessions, RevokeSession, WebLogin, WebSendOtp,
    WebVerifyOtp,
};
use crate::auth::types::{SessionInfo, OTP_RESEND_COOLDOWN_SECS};
use crate::error::AppError;
use crate::frame::SignOutButton;
use crate::i18n::{t, Msg};
use crate::ui::feedback::{ErrorView, Loading};
use crate::ui::forms::{action_error, action_saved, FieldError, FormAlert, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Redirect, hooks::use_query_map};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Password,
    AgentCode,
    Otp,
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let method = move || match query.read().get("method").as_deref() {
        Some("agent_code") => Method::AgentCode,
        Some("otp") => Method::Otp,
        _ => Method::Password,
    };
    let next = move || query.read().get("next").unwrap_or_else(|| "/".into());
    // Plain links: the router's `<A>` marks every link to `/login` as current,
    // whatever its query, so all three tabs looked selected.
    let tab = move |m: Method, label: T, key: &'static str| {
        view! {
            <a
                href=move || format!("/login?method={key}&next={}", crate::format::urlencode(&next()))
                class="tab"
                aria-current=move || (method() == m).then_some("page")
            >
                {t(label)}
            </a>
        }
    };
    view! {
        <Title text=t(Msg::SignIn)/>
        <section class="max-w-md mx-auto">
            <h1 class="text-2xl font-bold">{t(T::SignInTitle)}</h1>
            <nav class="tabs mt-6" aria-label=t(T::SignInMethod)>
                {tab(Method::Password, T::MethodPassword, "password")}
                {tab(Method::AgentCode, T::MethodAgentCode, "agent_code")}
                {tab(Method::Otp, T::MethodOtp, "otp")}
            </nav>
            <div class="card mt-4">
                {move || match method() {
                    Method::Otp => view! { <SendOtpForm/> }.into_any(),
                    m => view! { <PasswordForm agent_code=m == Method::AgentCode next=next()/> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn PasswordForm(agent_code: bool, next: String) -> impl IntoView {
    let action = ServerAction::<WebLogin>::new();
    let error = action_error(action);
    let pending = action.pending();
    view! {
        <ActionForm action=action attr:class="flex flex-col gap-4" attr:novalidate="true">
            <FormAlert error/>
            {if agent_code {
                view! {
                    <TextField name="agent_code" label=t(T::AgentCode) error autocomplete="username"
                        input_class="uppercase" required=true/>
                }.into_any()
            } else {
                view! {
                    <TextField name="identifier" label=t(T::PhoneOrEmail) error autocomplete="username"
                        hint=t(T::PhoneHint) required=true/>
                }.into_any()
            }}
            <TextField name="password" label=t(Msg::Password) error input_type="password"
                autocomplete="current-password" required=true/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="btn btn-primary" disabled=pending>
                {move || if pending.get() { t(T::SigningIn) } else { t(Msg::SignIn) }}
            </button>
        </ActionForm>
    }
}

#[component]
fn SendOtpForm() -> impl IntoView {
    let action = ServerAction::<WebSendOtp>::new();
    let error = action_error(action);
    let pending = action.pending();
    view! {
        <ActionForm action=action attr:class="flex flex-col gap-4" attr:novalidate="true">
            <FormAlert error/>
            <TextField name="phone_number" label=t(Msg::MobileNumber) error input_type="tel"
                autocomplete="tel-national" prefix="+91" hint=t(T::OtpHint) required=true/>
            <button type="submit" class="btn btn-primary" disabled=pending>{t(T::SendCode)}</button>
        </ActionForm>
    }
}

/// Six boxes, one `<input>`: paste and `autocomplete="one-time-code"` work, and so
/// does posting without JavaScript. With JavaScript the form submits itself once all
/// six digits are in, and the resend countdown ticks.
#[component]
pub fn OtpPage() -> impl IntoView {
    let query = use_query_map();
    let phone = query.read_untracked().get("phone").unwrap_or_default();
    let verify = ServerAction::<WebVerifyOtp>::new();
    let resend = ServerAction::<WebSendOtp>::new();
    // Both forms post as plain forms (with JavaScript too), so a failure comes back
    // as this page with the error: the code boxes start empty again.
    let error = Signal::derive(move || {
        action_error(verify)
            .get()
            .or_else(|| action_error(resend).get())
    });
    let (for_verify, for_resend) = (phone.clone(), phone.clone());
    view! {
        <Title text=t(T::EnterCode)/>
        <CodeEntry wait_secs=OTP_RESEND_COOLDOWN_SECS resend_in=t(T::ResendIn).to_owned() ready=t(T::DidntGetCode).to_owned()>
        <section class="max-w-md mx-auto card">
            <h1 class="text-2xl font-bold">{t(T::EnterCode)}</h1>
            <p class="mt-2 text-muted">{t(T::CodeSentTo)} " +91-" {phone.clone()}</p>
            <ActionForm action=verify attr:id="otp-form" attr:class="mt-6 flex flex-col gap-4" attr:novalidate="true">
                <FormAlert error/>
                <input type="hidden" name="phone_number" value=for_verify/>
                <label for="otp" class="font-medium">{t(T::SixDigitCode)}</label>
                <input
                    id="otp"
                    name="otp"
                    class="otp-boxes"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    pattern="[0-9]{6}"
                    maxlength="6"
                    required
                    autofocus
                    aria-describedby="otp-error"
                    aria-invalid=move || error.get().map(|_| "true")
                />
                <FieldError id="otp-error" name="otp" error/>
                <button id="otp-verify" type="submit" class="btn btn-primary">{t(T::Verify)}</button>
            </ActionForm>
            <ActionForm action=resend attr:class="mt-4 flex items-center gap-3">
                <input type="hidden" name="phone_number" value=for_resend/>
                <p id="resend-countdown" class="text-muted" aria-live="polite" data-testid="resend-countdown">
                    {t(T::DidntGetCode)}
                </p>
                // Enabled as rendered: without JavaScript nothing could count down, and
                // the server refuses an early resend with the seconds to wait anyway.
                <button id="otp-resend" type="submit" class="btn-link">{t(T::Resend)}</button>
            </ActionForm>
            <a href="/login?method=otp" class="link mt-4 inline-block">{t(T::UseDifferentNumber)}</a>
        </section>
        </CodeEntry>
    }
}

/// The Security page: sessions everywhere, and the password.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let revoke = ServerAction::<RevokeSession>::new();
    let revoke_others = ServerAction::<RevokeOtherSessions>::new();
    let sessions = Resource::new(
        move || (revoke.version().get(), revoke_others.version().get()),
        |_| my_sessions(),
    );
    view! {
        <Title text=t(T::Security)/>
        <h1 class="text-3xl font-bold">{t(T::Security)}</h1>
        <section class="mt-6 card" aria-labelledby="sessions-heading">
            <div class="flex flex-wrap items-center justify-between gap-3">
                <h2 id="sessions-heading" class="text-xl font-semibold">{t(T::ActiveSessions)}</h2>
                <ActionForm action=revoke_others>
                    <button type="submit" class="btn btn-secondary">{t(T::SignOutOthers)}</button>
                </ActionForm>
            </div>
            <Suspense fallback=|| view! { <Loading height="h-32"/> }>
                {move || sessions.get().map(|r| match r {
                    Ok(list) => view! { <SessionList list revoke/> }.into_any(),
                    // Signed out (or the session was revoked elsewhere): go and sign in.
                    Err(AppError::Unauthenticated(_)) => {
                        view! { <Redirect path="/login?next=/me/security"/> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                })}
            </Suspense>
        </section>
        <ChangePasswordForm/>
    }
}

#[component]
fn SessionList(list: Vec<SessionInfo>, revoke: ServerAction<RevokeSession>) -> impl IntoView {
    view! {
        <ul class="mt-4 divide-y divide-line" data-testid="session-list">
            {list.into_iter().map(|s| {
                let label = s.device.clone().unwrap_or_else(|| s.kind.clone());
                view! {
                    <li class="py-3 flex flex-wrap items-center gap-3" data-session=s.session_id.to_string()>
                        <div class="flex-1 min-w-48">
                            <p class="font-medium">
                                {label}
                                {s.current.then(|| view! { <span class="badge badge-healthy ml-2">{t(T::ThisDevice)}</span> })}
                            </p>
                            <p class="text-sm text-muted">
                                {format!("{} · {} · {}", s.kind, s.login_method, s.ip_address.clone().unwrap_or_default())}
                                " · " {t(T::LastSeen)} " " {s.last_seen_at.format("%d %b %Y %H:%M UTC").to_string()}
                            </p>
                        </div>
                        {if s.current {
                            // This device signs out as the header's button does.
                            view! { <SignOutButton class="btn btn-secondary"/> }.into_any()
                        } else {
                            view! {
                                <ActionForm action=revoke>
                                    <input type="hidden" name="session_id" value=s.session_id.to_string()/>
                                    <button type="submit" class="btn btn-secondary">{t(Msg::SignOut)}</button>
                                </ActionForm>
                            }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let error = action_error(action);
    let query = use_query_map();
    let saved = action_saved(action);
    let done = move || saved.get() || query.read().get("changed").as_deref() == Some("1");
    view! {
        <section class="mt-6 card" aria-labelledby="password-heading">
            <h2 id="password-heading" class="text-xl font-semibold">{t(T::ChangePassword)}</h2>
            <ActionForm action=action attr:class="mt-4 flex flex-col gap-4 max-w-md" attr:novalidate="true">
                <FormAlert error/>
                {move || done().then(|| view! { <p role="status" class="text-ok font-medium">{t(T::PasswordChanged)}</p> })}
                <TextField name="current_password" label=t(T::CurrentPassword) error input_type="password" autocomplete="current-password" required=true/>
                <TextField name="new_password" label=t(T::NewPassword) error input_type="password" autocomplete="new-password"
                    hint=t(T::PasswordRule) required=true/>
                <TextField name="confirm_password" label=t(T::ConfirmPassword) error input_type="password" autocomplete="new-password" required=true/>
                <button type="submit" class="btn btn-primary self-start">{t(T::ChangePassword)}</button>
            </ActionForm>
        </section>
    }
}
