//! `/my`: where a customer (or guest) lands. A page made for them: a welcome by
//! name (never by phone number), their agent with the agent's carousel and the
//! ways to reach them, and their policies.

use crate::customers::api::load_my_agent;
use crate::customers::types::MyAgent;
use crate::i18n::{fill, t, Msg};
use crate::presentations::carousel::CarouselIsland;
use crate::ui::feedback::failure;
use leptos::prelude::*;
use leptos_meta::Title;

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
    let agent = Resource::new(|| (), |_| load_my_agent());
    view! {
        <Title text=t(Msg::MyTitle)/>
        <h1 class="text-2xl sm:text-3xl font-bold" data-testid="greeting">{welcome}</h1>
        {name.is_none().then(|| view! {
            <a href="/me" class="btn btn-secondary mt-4 inline-flex">{t(Msg::AddYourName)}</a>
        })}
        <section class="card mt-6" aria-labelledby="my-agent" data-testid="my-agent">
            <h2 id="my-agent" class="text-xl font-semibold">{t(Msg::MyAgent)}</h2>
            <Suspense fallback=|| view! { <div class="skeleton h-[220px] mt-3"></div> }>
                {move || agent.get().map(|r| match r {
                    Ok(Some(mine)) => view! { <AgentPanel mine/> }.into_any(),
                    Ok(None) => view! { <p class="mt-2 text-muted">{t(Msg::MyAgentNone)}</p> }.into_any(),
                    Err(e) => failure(e, "/my"),
                })}
            </Suspense>
        </section>
        <crate::policies::pages::MyPoliciesSection/>
    }
}

/// The agent: name and business, the carousel they publish, and one tap to call,
/// message on WhatsApp or email them.
#[component]
fn AgentPanel(mine: MyAgent) -> impl IntoView {
    let whatsapp = mine.whatsapp();
    let MyAgent { agent, email, deck } = mine;
    let label = fill(
        t(Msg::AgentCarousel),
        &[("name", &agent.display_name as &dyn std::fmt::Display)],
    );
    view! {
        <p class="mt-2 text-lg font-semibold break-words" data-testid="my-agent-name">{agent.display_name.clone()}</p>
        <p class="text-muted break-words">
            {agent.business_name.clone().map(|b| format!("{b} · "))}{agent.agent_code.clone()}
        </p>
        {deck.map(|p| view! {
            <div class="mt-4">
                <CarouselIsland slides=p.slides label agent=agent.clone()/>
            </div>
        })}
        <div class="mt-4 flex flex-wrap gap-3" data-testid="my-agent-contact">
            {agent.phone_number.clone().map(|phone| view! {
                <a class="btn btn-primary" href=format!("tel:{phone}")>{t(Msg::CallAgent)}</a>
            })}
            {whatsapp.map(|href| view! {
                <a class="btn btn-secondary" href=href rel="external noopener" target="_blank">{t(Msg::WhatsAppAgent)}</a>
            })}
            {email.map(|email| view! {
                <a class="btn btn-secondary" href=format!("mailto:{email}")>{t(Msg::EmailAgent)}</a>
            })}
        </div>
    }
}
