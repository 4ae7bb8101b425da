//! The agent's home page (their carousel), the public shop window `/a/{code}`, and
//! the presentation library. Every action here is a form that posts without
//! JavaScript; the editor (`editor.rs`) is the one page that needs it.

use super::api::*;
use super::carousel::CarouselIsland;
use super::text::{t, T};
use super::types::*;
use crate::frame::use_session;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::action_error;
use crate::ui::forms::FormAlert;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use uuid::Uuid;

/// `P3`: the agent's carousel first, then the way to shape it.
#[component]
pub fn AgentHomePage() -> impl IntoView {
    let carousel = Resource::new(|| (), |_| my_carousel());
    let name = use_session()
        .and_then(|s| s.user.first_name.clone())
        .unwrap_or_default();
    let greeting = match name.as_str() {
        "" => format!("{}!", t(T::Namaste)),
        name => format!("{}, {name}!", t(T::Namaste)),
    };
    view! {
        <Title text=t(T::HomeTitle)/>
        <h1 class="text-2xl sm:text-3xl font-bold" data-testid="greeting">{greeting}</h1>
        <div class="mt-4">
            <Transition fallback=|| view! { <div class="skeleton h-[220px] sm:h-[300px] mt-0"></div> }>
                {move || carousel.get().map(|r| match r {
                    Ok(Some(p)) => view! {
                        <CarouselIsland slides=p.slides.clone() label=format!("{}: {}", t(T::YourCarousel), p.name) agent=p.agent.clone().unwrap_or_default()/>
                        <div class="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
                            <span class="text-muted">{t(T::ShowingActive)}" "<strong>{p.name.clone()}</strong></span>
                            <A href=format!("/agent/presentations/{}", p.presentation_id) attr:class="link tap font-semibold">{t(T::EditCarousel)}</A>
                        </div>
                    }.into_any(),
                    Ok(None) => view! { <EmptyCarousel/> }.into_any(),
                    Err(e) => failure(e, "/agent"),
                })}
            </Transition>
        </div>
        <crate::policies::pages::BookSummaryCards/>
        <nav aria-label=t(T::QuickLinks) class="mt-8 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <A href="/agent/renewals" attr:class="card font-semibold hover:border-brand">{crate::policies::text::t(crate::policies::text::T::Renewals)}</A>
            <A href="/agent/customers" attr:class="card font-semibold hover:border-brand">{crate::customers::text::t(crate::customers::text::T::Customers)}</A>
            <A href="/policies" attr:class="card font-semibold hover:border-brand">{crate::policies::text::t(crate::policies::text::T::Policies)}</A>
            <A href="/agent/presentations" attr:class="card font-semibold hover:border-brand">{t(T::Presentations)}</A>
            <A href="/me" attr:class="card font-semibold hover:border-brand">{t(T::Profile)}</A>
        </nav>
    }
}

/// No active deck: say so, and offer the shortest way to one.
#[component]
fn EmptyCarousel() -> impl IntoView {
    view! {
        <div class="flex h-[220px] sm:h-[300px] flex-col items-center justify-center gap-3 rounded-card border-2 border-dashed border-line bg-surface text-center px-4"
            data-testid="carousel-empty">
            <p class="text-lg font-semibold">{t(T::NoPresentation)}</p>
            <p class="text-muted">{t(T::NoPresentationHint)}</p>
            <A href="/agent/presentations" attr:class="btn btn-primary">{t(T::CreatePresentation)}</A>
        </div>
    }
}

/// The public shop window of an agent: `/a/AGENT001`.
#[component]
pub fn PublicCarouselPage() -> impl IntoView {
    let params = use_params_map();
    let deck = Resource::new(
        move || params.read().get("code").unwrap_or_default(),
        public_carousel,
    );
    view! {
        <Transition fallback=|| view! { <div class="skeleton h-[220px] sm:h-[300px]"></div> }>
            {move || deck.get().map(|r| match r {
                Ok(p) => {
                    let agent = p.agent.clone().unwrap_or_default();
                    view! {
                        <Title text=agent.display_name.clone()/>
                        <h1 class="text-2xl font-bold">{agent.display_name.clone()}</h1>
                        <p class="text-muted">{agent.business_name.clone().unwrap_or_default()}" · "{agent.agent_code.clone()}</p>
                        <div class="mt-4">
                            <CarouselIsland slides=p.slides.clone() label=format!("{} {}", agent.display_name, t(T::Carousel)) agent=agent.clone()/>
                        </div>
                        {agent.phone_number.clone().map(|phone| view! {
                            <a class="btn btn-primary mt-4" href=format!("tel:{phone}")>{t(T::TalkToMe)}</a>
                        })}
                    }.into_any()
                }
                Err(e) => {
                    // An unknown agent code is a 404, not a page that says so with 200.
                    #[cfg(feature = "ssr")]
                    if matches!(e, crate::error::AppError::NotFound(_)) {
                        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                            response.set_status(http::StatusCode::NOT_FOUND);
                        }
                    }
                    view! {
                    <div class="card text-center py-10">
                        <h1 class="text-xl font-bold">{t(T::NoPresentation)}</h1>
                        <p class="mt-2 text-muted">{e.to_string()}</p>
                    </div>
                }.into_any()
                }
            })}
        </Transition>
    }
}

/// "1 slide", "3 slides".
fn slide_count(n: usize) -> String {
    if n == 1 {
        t(T::OneSlide).to_owned()
    } else {
        crate::i18n::fill(t(T::NSlides), &[("n", &n)])
    }
}

fn status_text(status: Status) -> &'static str {
    t(match status {
        Status::Draft => T::Draft,
        Status::Published => T::Published,
        Status::Archived => T::Archived,
    })
}

fn category_text(category: TemplateCategory) -> &'static str {
    t(match category {
        TemplateCategory::TermInsurance => T::TermInsurance,
        TemplateCategory::HealthInsurance => T::HealthInsurance,
        TemplateCategory::ChildPlans => T::ChildPlans,
        TemplateCategory::Retirement => T::Retirement,
    })
}

/// `P4`: the agent's presentations, the templates, and new/duplicate/archive.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).filter(|v| !v.is_empty());
    // Actions redirect back to this same URL, which the router does not reload:
    // each finished action bumps this instead.
    let refresh = RwSignal::new(0u32);
    provide_context(LibraryRefresh(refresh));
    let library = Resource::new(
        move || {
            (
                get("agent").and_then(|a| a.parse::<Uuid>().ok()),
                get("status"),
                refresh.get(),
            )
        },
        |(agent, status, _)| load_library(agent, status),
    );
    view! {
        <Title text=t(T::Presentations)/>
        <h1 class="text-3xl font-bold">{t(T::Presentations)}</h1>
        <Transition fallback=|| view! { <Loading height="h-96"/> }>
            {move || library.get().map(|r| match r {
                Ok(lib) if lib.agent_id.is_nil() => view! { <AgentPicker choices=lib.choices/> }.into_any(),
                Ok(lib) => view! { <LibraryView lib/> }.into_any(),
                Err(e) => failure(e, "/agent/presentations"),
            })}
        </Transition>
    }
}

/// Admins open an agent's library by choosing the agent (a plain GET form).
#[component]
fn AgentPicker(choices: Vec<AgentCard>) -> impl IntoView {
    view! {
        <form method="get" action="/agent/presentations" class="card mt-4 flex flex-wrap items-end gap-3">
            <div class="flex flex-col gap-1 grow">
                <label for="agent-choice" class="font-medium">{t(T::ChooseAgent)}</label>
                <select id="agent-choice" name="agent" class="input" required=true>
                    {choices.into_iter().map(|a| view! {
                        <option value=a.agent_id.to_string()>{format!("{} · {}", a.agent_code, a.display_name)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn btn-primary">{t(T::Open)}</button>
        </form>
    }
}

#[derive(Clone, Copy)]
struct LibraryRefresh(RwSignal<u32>);

/// Reloads the library once `action` has finished (successfully or not).
fn reload_after<I, O>(action: ServerAction<I>)
where
    I: server_fn::ServerFn<Output = O, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    O: Clone + Send + Sync + 'static,
{
    if let Some(LibraryRefresh(refresh)) = use_context::<LibraryRefresh>() {
        Effect::watch(
            move || action.version().get(),
            move |_, _, _| refresh.update(|n| *n += 1),
            false,
        );
    }
}

#[component]
fn LibraryView(lib: Library) -> impl IntoView {
    // Admins act for the agent in the URL; agents for themselves (no field).
    let agent = if lib.own {
        String::new()
    } else {
        lib.agent_id.to_string()
    };
    let agent_query = if lib.own {
        String::new()
    } else {
        format!("agent={}&", lib.agent_id)
    };
    let create = ServerAction::<CreatePresentation>::new();
    let query = use_query_map();
    let current = move || query.read().get("status").unwrap_or_default();
    let filters = [
        ("", T::All),
        ("draft", T::Draft),
        ("published", T::Published),
        ("archived", T::Archived),
    ];
    let decks = lib.page.presentations.clone();
    let empty = decks.is_empty();
    let (agent_form, agent_templates) = (agent.clone(), agent.clone());
    view! {
        <section class="card mt-4" aria-labelledby="new-heading">
            <h2 id="new-heading" class="text-lg font-semibold">{t(T::NewPresentation)}</h2>
            <ActionForm action=create attr:class="mt-2 flex flex-wrap gap-2 items-end">
                <input type="hidden" name="agent_id" value=agent_form/>
                <div class="flex flex-col gap-1 grow">
                    <label for="new-name" class="font-medium">{t(T::Name)}</label>
                    <input id="new-name" name="name" class="input" maxlength="255" placeholder=t(T::NamePlaceholder)/>
                </div>
                <button type="submit" class="btn btn-primary">{t(T::CreateBlank)}</button>
            </ActionForm>
            <FormAlert error=action_error(create)/>
            <Templates templates=lib.templates.clone() agent=agent_templates/>
        </section>

        <nav aria-label=t(T::FilterByStatus) class="mt-6 flex flex-wrap gap-2">
            {filters.into_iter().map(|(value, label)| {
                let href = format!("/agent/presentations?{agent_query}status={value}");
                view! {
                    <a href=href class="btn btn-secondary min-h-10"
                        aria-current=move || (current() == value).then_some("page")>{t(label)}</a>
                }
            }).collect_view()}
        </nav>

        {empty.then(|| view! {
            <div class="card mt-4 text-center py-10" data-testid="library-empty">
                <p class="text-lg font-semibold">{t(T::NoPresentation)}</p>
                <p class="mt-1 text-muted">{t(T::CreateFirst)}</p>
            </div>
        })}
        <ul class="mt-4 grid gap-4 sm:grid-cols-2" data-testid="presentation-list">
            {decks.into_iter().map(|p| view! { <DeckCard p agent=agent.clone()/> }).collect_view()}
        </ul>
    }
}

#[component]
fn DeckCard(p: Presentation, agent: String) -> impl IntoView {
    let duplicate = ServerAction::<DuplicatePresentation>::new();
    let remove = ServerAction::<RemovePresentation>::new();
    let activate = ServerAction::<ActivatePresentation>::new();
    let restore = ServerAction::<RestorePresentation>::new();
    reload_after(duplicate);
    reload_after(remove);
    reload_after(activate);
    reload_after(restore);
    let id = p.presentation_id.to_string();
    let edit = if agent.is_empty() {
        format!("/agent/presentations/{id}")
    } else {
        format!("/agent/presentations/{id}?agent={agent}")
    };
    let first = p.slides.first().cloned();
    let thumb_style = first
        .as_ref()
        .map(|s| format!("background:{}", s.background_color))
        .unwrap_or_default();
    let thumb = first.and_then(|s| {
        s.thumbnail_url
            .or(s.media_url.filter(|_| s.slide_type == SlideType::Image))
    });
    let never_published = p.status == Status::Draft && p.published_at.is_none();
    let [for_activate, for_duplicate, for_restore, for_remove] =
        [(); 4].map(|_| hidden_ids(&agent, &id));
    let confirm_text = if never_published {
        t(T::ConfirmDelete)
    } else {
        t(T::ConfirmArchive)
    };
    let errors = Signal::derive(move || {
        action_error(duplicate)
            .get()
            .or_else(|| action_error(remove).get())
            .or_else(|| action_error(activate).get())
            .or_else(|| action_error(restore).get())
    });
    view! {
        <li class="card flex min-w-0 flex-col gap-3" data-testid="presentation-card">
            <div class="flex gap-3">
                <div class="h-16 w-28 shrink-0 overflow-hidden rounded-btn" style=thumb_style aria-hidden="true">
                    {thumb.map(|src| view! { <img src=src alt="" width="112" height="64" loading="lazy" class="h-full w-full object-cover"/> })}
                </div>
                <div class="min-w-0">
                    // Long names wrap (at any character: a 255-letter word too).
                    <h2 class="font-semibold text-lg break-words [overflow-wrap:anywhere] line-clamp-3"><a class="link" href=edit.clone()>{p.name.clone()}</a></h2>
                    <p class="text-sm text-muted">
                        {format!("{} · {}", slide_count(p.slides.len()), p.updated_at.format("%d %b %Y"))}
                    </p>
                    <p class="mt-1 flex flex-wrap gap-2">
                        <span class=format!("badge badge-deck-{}", p.status.as_str())>{status_text(p.status)}</span>
                        {p.is_active.then(|| view! { <span class="badge badge-active" data-testid="active-badge">{t(T::Active)}</span> })}
                    </p>
                </div>
            </div>
            <div class="flex flex-wrap gap-2">
                <a class="btn btn-primary min-h-10" href=edit>{t(T::Edit)}</a>
                {(p.status == Status::Published && !p.is_active).then(|| view! {
                    <ActionForm action=activate>{for_activate}<button type="submit" class="btn btn-secondary min-h-10">{t(T::SetActive)}</button></ActionForm>
                })}
                <ActionForm action=duplicate>{for_duplicate}<button type="submit" class="btn btn-secondary min-h-10">{t(T::Duplicate)}</button></ActionForm>
                {(p.status == Status::Archived).then(|| view! {
                    <ActionForm action=restore>{for_restore}<button type="submit" class="btn btn-secondary min-h-10">{t(T::Restore)}</button></ActionForm>
                })}
                // The confirmation step is HTML: the button opens the question and
                // the form, so it asks with or without JavaScript.
                {(p.status != Status::Archived).then(|| view! {
                    <details class="confirm" data-testid="confirm-remove">
                        <summary class="btn btn-secondary min-h-12 list-none cursor-pointer">
                            {if never_published { t(T::Delete) } else { t(T::Archive) }}
                        </summary>
                        <ActionForm action=remove attr:class="mt-2 flex flex-wrap items-center gap-2">
                            {for_remove}
                            <p class="text-sm font-medium">{confirm_text}</p>
                            <button type="submit" class="btn btn-danger min-h-12">
                                {if never_published { t(T::YesDelete) } else { t(T::YesArchive) }}
                            </button>
                        </ActionForm>
                    </details>
                })}
            </div>
            <FormAlert error=errors/>
        </li>
    }
}

/// The ids every deck action posts.
fn hidden_ids(agent: &str, id: &str) -> impl IntoView {
    view! {
        <input type="hidden" name="agent_id" value=agent.to_owned()/>
        <input type="hidden" name="presentation_id" value=id.to_owned()/>
    }
}

/// `P6`: templates by category; "Use" asks for the headline words and makes a draft.
#[component]
fn Templates(templates: Vec<Template>, agent: String) -> impl IntoView {
    let create = ServerAction::<CreatePresentation>::new();
    view! {
        <details class="mt-4" data-testid="templates">
            <summary class="cursor-pointer font-semibold text-brand min-h-12 flex items-center">{t(T::StartFromTemplate)}</summary>
            <FormAlert error=action_error(create)/>
            {TemplateCategory::ALL.iter().map(|category| {
                let in_category: Vec<Template> = templates.iter().filter(|t| t.category == *category).cloned().collect();
                let agent = agent.clone();
                (!in_category.is_empty()).then(move || view! {
                    <h3 class="mt-4 font-semibold text-muted">{category_text(*category)}</h3>
                    <ul class="mt-2 grid gap-3 sm:grid-cols-2">
                        {in_category.into_iter().map(|tpl| {
                            let agent = agent.clone();
                            let form_id = format!("tpl-{}", tpl.template_id);
                            view! {
                                <li class="rounded-card border border-line p-3 flex flex-col gap-2" data-testid="template">
                                    {tpl.thumbnail_url.clone().map(|src| view! {
                                        <img src=src alt="" width="480" height="270" loading="lazy" class="w-full h-24 object-cover rounded-btn"/>
                                    })}
                                    <p class="font-semibold">{tpl.name.clone()}</p>
                                    <p class="text-sm text-muted">{tpl.description.clone().unwrap_or_default()}" · "{slide_count(tpl.slides.len())}</p>
                                    <ActionForm action=create attr:class="flex flex-col gap-2">
                                        <input type="hidden" name="agent_id" value=agent.clone()/>
                                        <input type="hidden" name="template_id" value=tpl.template_id.to_string()/>
                                        <label class="text-sm font-medium" for=format!("{form_id}-title")>{t(T::YourHeadline)}</label>
                                        <input id=format!("{form_id}-title") name="custom_title" class="input" maxlength="80" placeholder=t(T::HeadlinePlaceholder)/>
                                        <label class="text-sm font-medium" for=format!("{form_id}-subtitle")>{t(T::YourSubtitle)}</label>
                                        <input id=format!("{form_id}-subtitle") name="custom_subtitle" class="input" maxlength="140"/>
                                        <button type="submit" class="btn btn-primary">{t(T::UseTemplate)}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }).collect_view()}
        </details>
    }
}
