//! The page frame: skip link, header with navigation, main landmark, footer.
//! The mobile menu is a `<details>` element, so it opens without JavaScript.

use crate::auth::api::WebLogout;
use crate::auth::types::SessionUser;
use crate::frame::nav::NAV_ITEMS;
use crate::i18n::{t, use_lang, Lang, Msg};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

/// The signed-in user of this page (None when signed out). Pages render on the
/// server only (islands aside), and every navigation is a page load, so the caller
/// middleware's read is always current. An island in the browser gets None.
pub fn use_session() -> Option<SessionUser> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<crate::auth::server::guard::PageUser>()
                    .cloned()
            })
            .and_then(|user| user.0)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a href="#main" class="skip-link">{t(Msg::SkipToContent)}</a>
        <div class="min-h-screen flex flex-col">
            <Header/>
            <main id="main" tabindex="-1" class="flex-1 w-full max-w-5xl mx-auto px-4 py-6 sm:py-10">
                {children()}
            </main>
            <Footer/>
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="bg-brand text-white shadow-sm">
            <div class="max-w-5xl mx-auto px-4 h-16 flex items-center justify-between gap-4">
                <a href="/" class="flex items-center gap-2 font-bold text-xl tracking-tight focus-ring rounded-btn">
                    <img src="/img/logo.v1.svg" alt="" width="32" height="32" class="h-8 w-8"/>
                    <span>{t(Msg::AppName)}</span>
                </a>
                <nav aria-label="Main" class="hidden sm:block">
                    <NavLinks class="flex gap-1"/>
                </nav>
                <UserMenu/>
                // A page change is a page load, so the menu is closed on every new page.
                <details class="sm:hidden relative mobile-menu">
                    <summary class="list-none cursor-pointer px-3 py-2 rounded-btn border border-white/40 focus-ring min-h-12 flex items-center">
                        {t(Msg::Menu)}
                    </summary>
                    <nav aria-label="Main" class="absolute right-0 mt-2 w-64 bg-surface text-ink rounded-card shadow-lg p-2 z-20">
                        <NavLinks class="flex flex-col"/>
                        <MobileSignOut/>
                    </nav>
                </details>
            </div>
        </header>
    }
}

/// The signed-in person's name for the header, or "My account" when they have none.
fn header_name(me: &SessionUser) -> String {
    crate::frame::nav::person_name(me).unwrap_or_else(|| t(Msg::MyAccount).to_owned())
}

/// Sign out, for the form in the header, the phone menu and the Security page.
#[component]
pub fn SignOutButton(#[prop(default = "nav-link")] class: &'static str) -> impl IntoView {
    let logout = ServerAction::<WebLogout>::new();
    view! {
        <ActionForm action=logout>
            <button type="submit" class=class data-testid="sign-out">{t(Msg::SignOut)}</button>
        </ActionForm>
    }
}

/// Below 640 px the header has no room for the name and Sign out: they are the
/// menu's last entries.
#[component]
fn MobileSignOut() -> impl IntoView {
    use_session().map(|me| {
        view! {
            <div class="mt-2 border-t border-line pt-2">
                <p class="px-3 text-sm text-muted" data-testid="menu-signed-in-as">{header_name(&me)}</p>
                <SignOutButton class="nav-link w-full text-left"/>
            </div>
        }
    })
}

#[component]
fn UserMenu() -> impl IntoView {
    match use_session() {
        Some(me) => view! {
            <div class="hidden sm:flex items-center gap-2">
                <span class="text-sm" data-testid="signed-in-as">{header_name(&me)}</span>
                <SignOutButton/>
            </div>
        }
        .into_any(),
        None => view! { <a href="/login" class="nav-link hidden sm:flex">{t(Msg::SignIn)}</a> }
            .into_any(),
    }
}

#[component]
fn NavLinks(#[prop(into)] class: String) -> impl IntoView {
    view! {
        <ul class=class>
            {
                let me = use_session();
                NAV_ITEMS
                    .iter()
                    .filter(|item| item.visible_to(me.as_ref()))
                    .map(|item| view! {
                        <li>
                            <A href=item.href attr:class="nav-link">{t(item.label)}</A>
                        </li>
                    })
                    .collect_view()
            }
        </ul>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    view! {
        <footer class="border-t border-line bg-surface">
            <div class="max-w-5xl mx-auto px-4 py-6 flex flex-col sm:flex-row gap-4 sm:items-center sm:justify-between text-sm text-muted">
                <p>{t(Msg::FooterNote)} " v" {env!("CARGO_PKG_VERSION")}</p>
                <div class="flex items-center gap-4">
                    <a class="link tap" href="/docs" rel="external">{t(Msg::NavApiDocs)}</a>
                    <nav aria-label=t(Msg::Language) class="flex gap-2">
                        {Lang::ALL
                            .into_iter()
                            .map(|l| {
                                // A plain link: the server sets the cookie and sends the
                                // reader back to the same page, with or without WASM.
                                let href = move || {
                                    format!("/lang/{}?next={}", l.code(), location.pathname.get())
                                };
                                view! {
                                    <a
                                        href=href
                                        rel="external"
                                        hreflang=l.code()
                                        lang=l.code()
                                        aria-current=(l == lang).then_some("true")
                                        class="link tap px-1 aria-[current=true]:font-bold"
                                    >
                                        {l.native_name()}
                                    </a>
                                }
                            })
                            .collect_view()}
                    </nav>
                </div>
            </div>
        </footer>
    }
}
