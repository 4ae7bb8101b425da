//! The public home page, which sends each signed-in role on to its own page
//! (`frame::landing`), and the 404 page.

use crate::i18n::{t, Msg};
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
