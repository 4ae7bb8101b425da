//! The public home page, which sends each signed-in role on to its own page
//! (`frame::landing`), and `/my`, the page for customers and guests.

use crate::i18n::{fill, t, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let cards = [
        (Msg::HomeAgentsTitle, Msg::HomeAgentsBody),
        (Msg::HomeAdminsTitle, Msg::HomeAdminsBody),
        (Msg::HomeMobileTitle, Msg::HomeMobileBody),
    ];
    // Everyone signed in lands on their own page (SPEC §6): sign-in sends them here.
    let landing = crate::frame::use_session()
        .map(|me| view! { <leptos_router::components::Redirect path=crate::frame::landing(&me)/> });
    view! {
        <Title text=t(Msg::AppName)/>
        {landing}
        <section class="py-4 sm:py-8">
            <p class="text-accent font-semibold uppercase tracking-wide text-sm">{t(Msg::Tagline)}</p>
            <h1 class="mt-2 text-3xl sm:text-4xl font-bold leading-tight max-w-3xl">
                {t(Msg::HomeHeadline)}
            </h1>
            <p class="mt-4 text-lg text-muted max-w-2xl">{t(Msg::HomeIntro)}</p>
            <div class="mt-6 flex flex-wrap gap-3">
                <a href="/login" class="btn btn-primary" data-testid="home-sign-in">{t(Msg::SignIn)}</a>
                <A href="/status" attr:class="btn btn-secondary">{t(Msg::CheckStatus)}</A>
                <a href="/docs" rel="external" class="btn btn-secondary">{t(Msg::NavApiDocs)}</a>
            </div>
        </section>
        <ul class="mt-8 grid gap-4 sm:grid-cols-3">
            {cards
                .into_iter()
                .map(|(title, body)| {
                    view! {
                        <li class="card">
                            <h2 class="text-lg font-semibold">{t(title)}</h2>
                            <p class="mt-2 text-muted">{t(body)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// `/my`: where a customer (or guest) lands. Their policies and their agent's page
/// join it when the customers issue links policyholders to agents; until then it
/// says so plainly rather than showing the agents' marketing page.
#[component]
pub fn MyPage() -> impl IntoView {
    let me = crate::frame::use_session();
    let name = me.as_ref().and_then(crate::frame::nav::person_name);
    let welcome = match &name {
        Some(name) => fill(
            t(Msg::MyWelcomeNamed),
            &[("name", name as &dyn std::fmt::Display)],
        ),
        None => t(Msg::MyWelcome).to_owned(),
    };
    view! {
        <Title text=t(Msg::MyTitle)/>
        <h1 class="text-2xl sm:text-3xl font-bold" data-testid="greeting">{welcome}</h1>
        {name.is_none().then(|| view! {
            <a href="/me" class="btn btn-secondary mt-4 inline-flex">{t(Msg::AddYourName)}</a>
        })}
        <section class="card mt-6" aria-labelledby="my-policies">
            <h2 id="my-policies" class="text-xl font-semibold">{t(Msg::MyPolicies)}</h2>
            <p class="mt-2 text-muted">{t(Msg::MyPoliciesEmpty)}</p>
        </section>
        <section class="card mt-4" aria-labelledby="my-agent" data-testid="my-agent">
            <h2 id="my-agent" class="text-xl font-semibold">{t(Msg::MyAgent)}</h2>
            <p class="mt-2 text-muted">{t(Msg::MyAgentNone)}</p>
        </section>
    }
}

/// The 404 page, with a real 404 status when rendered on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t(Msg::NotFoundTitle)/>
        <section class="card max-w-xl mx-auto text-center py-10">
            <p class="text-5xl font-bold text-brand" aria-hidden="true">"404"</p>
            <h1 class="mt-4 text-2xl font-bold">{t(Msg::NotFoundTitle)}</h1>
            <p class="mt-2 text-muted">{t(Msg::NotFoundBody)}</p>
            <A href="/" attr:class="btn btn-primary mt-6 inline-flex">{t(Msg::BackHome)}</A>
        </section>
    }
}
