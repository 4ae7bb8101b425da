//! Who may open a page, asked before the page renders anything: the same `Access`
//! as the menu item that leads there (`nav.rs`) and the gate in front of the page's
//! data. Signed out: sign in first, then come back. Signed in without the access: a
//! plain "not for your role" page with a 403, instead of a permission name under a
//! search form that cannot work.

use crate::access::Access;
use crate::auth::types::SessionUser;
use crate::frame::use_session;
use crate::i18n::{t, Msg};
use leptos::prelude::*;

#[component]
pub fn Gate(access: Access, children: ChildrenFn) -> impl IntoView {
    let me = use_session();
    if access.admits(me.as_ref().map(SessionUser::grants).as_ref()) {
        return children().into_any();
    }
    match me {
        None => {
            let here = request_uri();
            view! {
                <leptos_router::components::Redirect path=format!("/login?next={}", crate::format::urlencode(&here))/>
            }
            .into_any()
        }
        Some(me) => view! { <NotForYou me/> }.into_any(),
    }
}

#[component]
fn NotForYou(me: SessionUser) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    view! {
        <leptos_meta::Title text=t(Msg::NotForYouTitle)/>
        <section class="card max-w-xl mx-auto text-center py-10" data-testid="not-for-you">
            <h1 class="text-2xl font-bold">{t(Msg::NotForYouTitle)}</h1>
            <p class="mt-2 text-muted">{t(Msg::NotForYouBody)}</p>
            <a href=landing(&me) class="btn btn-primary mt-6 inline-flex">{t(Msg::GoToMyPage)}</a>
        </section>
    }
}

/// Where each role starts (SPEC §6): anyone with an agent record on their carousel
/// home; admins on the admin dashboard, whose tiles follow their grants; customers
/// and guests on the page made for them. An agent role without an agent record is
/// not an agent yet (it acts on nothing), so it lands as a customer would.
pub fn landing(me: &SessionUser) -> &'static str {
    use crate::access::RoleKind;
    if me.is_agent() {
        "/agent"
    } else if me.user.roles.iter().any(|r| r.kind() == RoleKind::Admin) {
        "/admin"
    } else {
        "/my"
    }
}

fn request_uri() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|p| {
                p.uri
                    .path_and_query()
                    .map_or("/", |pq| pq.as_str())
                    .to_owned()
            })
            .unwrap_or_else(|| "/".to_owned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        "/".to_owned()
    }
}
