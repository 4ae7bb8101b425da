//! Agent Mitra's application crate: every page, server function and shared type.
//!
//! Compiled twice: with `ssr` into the server (services, repositories, SQL) and with
//! `hydrate` into the browser's WASM (views and shared types only). See
//! ARCHITECTURE.md for the code map and the invariants.

// The editor's view types nest deeply; the default limit (128) is too low for them.
#![recursion_limit = "256"]

#[macro_use]
mod text_enum;

pub mod access;
pub mod agents;
pub mod audit;
pub mod auth;
pub mod codec;
pub mod credentials;
pub mod customers;
pub mod error;
pub mod flash;
pub mod format;
pub mod frame;
pub mod home;
pub mod i18n;
pub mod imports;
pub mod input;
pub mod money;
pub mod paging;
pub mod policies;
pub mod presentations;
pub mod providers;
pub mod system;
pub mod time;
pub mod ui;
pub mod users;

#[cfg(feature = "ssr")]
pub mod catalog;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;

/// Every endpoint of the app, each feature's merged: the router and the catalogue
/// come from this one value (see `catalog`). `upload_limit` is the media upload's
/// request-body limit in bytes.
#[cfg(feature = "ssr")]
pub fn api(upload_limit: usize) -> catalog::Api {
    system::server::rest::api()
        .merge(auth::server::rest::api())
        .merge(users::server::rest::api())
        .merge(presentations::server::routes::api(upload_limit))
        .merge(customers::server::routes::api())
        .merge(policies::server::routes::api())
        .merge(imports::server::routes::api())
        .merge(agents::server::routes::api())
        .merge(providers::server::routes::api())
}

use crate::access::{Access::*, Permission as P};
use crate::agents::pages::{
    AdminAgentsPage, AdminDashboardPage, AgentDetailPage, AgentProfilePage, RegisterAgentPage,
};
use crate::auth::pages::{LoginPage, OtpPage, SecurityPage};
use crate::customers::pages::{CustomerDetailPage, CustomersPage, MyPage, NewCustomerPage};
use crate::frame::Layout;
use crate::home::{HomePage, NotFound};
use crate::i18n::Lang;
use crate::imports::pages::{ImportJobPage, ImportPage};
use crate::policies::pages::{
    NewPolicyPage, PoliciesPage, PolicyDetailPage, ReminderRunPage, RenewalsPage,
};
use crate::presentations::{
    editor::EditorPage,
    pages::{AgentHomePage, LibraryPage, PublicCarouselPage},
};
use crate::providers::pages::{NewProviderPage, ProviderPage, ProvidersPage};
use crate::system::pages::StatusPage;
use crate::ui::feedback::error_fallback;
use crate::users::pages::{AdminUsersPage, NewUserPage, ProfilePage, UserDetailPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security::provide_request_nonce();
    let lang = request_lang();
    let islands = page_has_islands(&request_path());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1a237e"/>
                <link rel="icon" href="/img/logo.v1.svg" type="image/svg+xml"/>
                // The CSS under its content-hashed name in a release build.
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                {islands.then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body class="bg-canvas text-ink antialiased" data-islands=islands.then_some("true")>
                <App/>
            </body>
        </html>
    }
}

/// Whether a page has islands, so needs the WASM. Every other page is complete HTML
/// with forms that post: it ships no WASM and no JS (the login page's budget).
/// `server/tests/api/pages.rs` checks each page's answer against this list, and the
/// hydrated Playwright run fails if an island's page is missing from it.
pub fn page_has_islands(path: &str) -> bool {
    // The library (`/agent/presentations`) has none since its delete confirmation
    // became HTML; the editor (`/agent/presentations/{id}`) is one. `/my` carries
    // the customer's agent's carousel.
    matches!(
        path,
        "/status" | "/login/otp" | "/agent" | "/my" | "/my/policies"
    ) || path.starts_with("/agent/presentations/")
        // An import's page and a run of reminders follow a running job (`LiveRegion`).
        || path.starts_with("/agent/import/")
        || path.starts_with("/agent/renewals/run/")
        || path.starts_with("/a/")
}

/// The path of the page being rendered (server only; the shell never runs in the browser).
fn request_path() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| parts.uri.path().to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The language of this request: the cookie or `Accept-Language`.
fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        // Worked out once per request by the caller middleware (`auth::server::resolve`).
        crate::auth::server::guard::request_meta().lang
    }
    // `App` renders on the server only; islands read the language themselves.
    #[cfg(not(feature = "ssr"))]
    {
        Lang::default()
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(request_lang());

    view! {
        <Title formatter=|text: String| {
            if text.is_empty() { "Agent Mitra".to_owned() } else { format!("{text} · Agent Mitra") }
        }/>
        <Router>
            <Layout>
                <ErrorBoundary fallback=error_fallback>
                    <Routes fallback=|| view! { <NotFound/> }>
                        // Async everywhere: each page (with its data, and the
                        // header's signed-in user) is rendered completely before it
                        // is sent, so it works without JavaScript.
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/status") view=StatusPage ssr=SsrMode::Async/>
                        <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                        <Route path=path!("/login/otp") view=OtpPage ssr=SsrMode::Async/>
                        // Each gated page asks its `Access` first (`frame::gate`).
                        <Route path=path!("/my") view=|| gated(SignedIn, MyPage) ssr=SsrMode::Async/>
                        <Route path=path!("/my/policies") view=|| gated(SignedIn, MyPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/customers") view=|| gated(OwnerOr(P::CustomersRead), CustomersPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/customers/new") view=|| gated(Permission(P::CustomersCreate), NewCustomerPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/customers/:id") view=|| gated(OwnerOr(P::CustomersRead), CustomerDetailPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/import") view=|| gated(AgentOr(P::CustomersUpdate), ImportPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/import/:id") view=|| gated(AgentOr(P::CustomersUpdate), ImportJobPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/renewals") view=|| gated(OwnerOr(P::PoliciesRead), RenewalsPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/renewals/run/:id") view=|| gated(OwnerOr(P::PoliciesRead), ReminderRunPage) ssr=SsrMode::Async/>
                        <Route path=path!("/policies") view=|| gated(OwnerOr(P::PoliciesRead), PoliciesPage) ssr=SsrMode::Async/>
                        <Route path=path!("/policies/new") view=|| gated(Permission(P::PoliciesCreate), NewPolicyPage) ssr=SsrMode::Async/>
                        <Route path=path!("/policies/:id") view=|| gated(Permission(P::PoliciesRead), PolicyDetailPage) ssr=SsrMode::Async/>
                        <Route path=path!("/me/security") view=|| gated(SignedIn, SecurityPage) ssr=SsrMode::Async/>
                        <Route path=path!("/me") view=|| gated(SignedIn, ProfilePage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/users") view=|| gated(Permission(P::UsersSearch), AdminUsersPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/users/new") view=|| gated(Permission(P::UsersCreate), NewUserPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/users/:id") view=|| gated(SelfOr(P::UsersRead), UserDetailPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin") view=|| gated(AdminRole, AdminDashboardPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/agents") view=|| gated(Reach(P::AgentsRead), AdminAgentsPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/agents/new") view=|| gated(Reach(P::AgentsCreate), RegisterAgentPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/agents/:id") view=|| gated(OwnerOr(P::AgentsRead), AgentDetailPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/providers") view=|| gated(SignedIn, ProvidersPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/providers/new") view=|| gated(Permission(P::ProvidersCreate), NewProviderPage) ssr=SsrMode::Async/>
                        <Route path=path!("/admin/providers/:id") view=|| gated(SignedIn, ProviderPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/profile") view=|| gated(OwnAgent, AgentProfilePage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent") view=|| gated(OwnerOr(P::PresentationsRead), AgentHomePage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/presentations") view=|| gated(OwnerOr(P::PresentationsRead), LibraryPage) ssr=SsrMode::Async/>
                        <Route path=path!("/agent/presentations/:id") view=|| gated(OwnerOr(P::PresentationsUpdate), EditorPage) ssr=SsrMode::Async/>
                        <Route path=path!("/a/:code") view=PublicCarouselPage ssr=SsrMode::Async/>
                    </Routes>
                </ErrorBoundary>
            </Layout>
        </Router>
        <HydrationMarker/>
    }
}

/// A page behind its `Access` (`frame::Gate`).
fn gated<V: IntoView + 'static>(access: access::Access, page: fn() -> V) -> impl IntoView {
    view! { <frame::Gate access>{move || page()}</frame::Gate> }
}

/// The browser's start: the islands' loader finds each `<leptos-island>` and calls
/// its export from this crate.
#[cfg(feature = "hydrate")]
pub fn hydrate_islands() {
    leptos::mount::hydrate_islands();
}

/// Tests wait for this marker: placed after every other island, it runs last, once
/// the islands before it are live. (Pages without islands load no WASM to run it.)
#[island]
fn HydrationMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
