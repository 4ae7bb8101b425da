//! Server functions of the presentation pages.
//!
//! - `/api/ui/presentations/*`: the home carousel, the public shop window and the
//!   library page with its actions. Form-encoded, so they work without JavaScript.
//! - `/api/v1/presentations/editor/*`: the editor's JSON operations (load, save,
//!   media). The editor is a WASM app; the mobile app may call these too.
//!
//! Every function starts with its guard; the owner rule and scope are applied by the
//! service, which knows whose agent record a presentation belongs to.

use crate::error::AppError;
use crate::presentations::types::*;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
// The editor's functions speak `codec::Json` (one JSON decoder in the browser).
use crate::codec::Json;
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

// The server side. Each function's first line checks the `Access` of its own
// catalogue entry, named by its type: `ctx::<ListUsers>()?` gives the admitted
// caller's context, `public::<…>()?` says the entry is public. Server rendering
// calls these functions in-process, where no route gate stands in front of them.
#[cfg(feature = "ssr")]
use crate::{
    auth::server::guard::{ctx, public},
    presentations::server::{library, service},
};

/// The library page: the agent's decks and the templates to start from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub page: PresentationPage,
    pub templates: Vec<Template>,
    /// The agent whose library this is.
    pub agent_id: Uuid,
    /// False when an admin looks at another agent's library.
    pub own: bool,
    /// For admins without an agent record: the agents they may open.
    pub choices: Vec<AgentCard>,
}

#[server(prefix = "/api/ui", endpoint = "presentations/home", input = GetUrl)]
pub async fn my_carousel() -> Result<Option<Presentation>, AppError> {
    let ctx = ctx::<MyCarousel>()?;
    service::my_active(&ctx).await
}

/// The public shop window of an agent, by agent code.
#[server(prefix = "/api/ui", endpoint = "presentations/public", input = GetUrl)]
pub async fn public_carousel(code: String) -> Result<Presentation, AppError> {
    public::<PublicCarousel>()?;
    service::public_active(&crate::state::app_state()?, &code).await
}

#[server(prefix = "/api/ui", endpoint = "presentations/library", input = GetUrl)]
pub async fn load_library(
    agent_id: Option<Uuid>,
    status: Option<String>,
) -> Result<Library, AppError> {
    let ctx = ctx::<LoadLibrary>()?;
    // An admin who has not chosen an agent yet gets the list to choose from.
    if agent_id.is_none() && ctx.caller.agent_id.is_none() {
        return Ok(Library {
            page: PresentationPage {
                presentations: vec![],
                total: 0,
                limit: 0,
                offset: 0,
            },
            templates: vec![],
            agent_id: Uuid::nil(),
            own: false,
            choices: service::agent_choices(&ctx).await?,
        });
    }
    let page = service::list(&ctx, agent_id, status.as_deref(), Some(50), None).await?;
    let templates = service::templates(&ctx, None, false).await?;
    let agent_id = agent_id.or(ctx.caller.agent_id).unwrap_or_default();
    Ok(Library {
        page,
        templates: templates.templates,
        own: ctx.caller.agent_id.is_some_and(|own| own == agent_id),
        agent_id,
        choices: vec![],
    })
}

/// Where the library lives for this agent (admins keep `?agent=`).
#[cfg(feature = "ssr")]
fn library_url(agent_id: Option<Uuid>, own: Option<Uuid>) -> String {
    match agent_id {
        Some(id) if Some(id) != own => format!("/agent/presentations?agent={id}"),
        _ => "/agent/presentations".to_owned(),
    }
}

/// New deck: blank, or from a template with the agent's words in its placeholders.
/// Opens the editor on it.
#[server(prefix = "/api/ui", endpoint = "presentations/create", input = PostUrl)]
pub async fn create_presentation(
    agent_id: Option<Uuid>,
    name: Option<String>,
    template_id: Option<Uuid>,
    custom_title: Option<String>,
    custom_subtitle: Option<String>,
) -> Result<Uuid, AppError> {
    let ctx = ctx::<CreatePresentation>()?;
    let created = match template_id {
        Some(template_id) => {
            let request = FromTemplate {
                template_id,
                name,
                custom_title,
                custom_subtitle,
            };
            service::from_template(&ctx, agent_id, &request).await?
        }
        None => {
            let input = PresentationInput {
                name: name
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| "My presentation".into()),
                slides: vec![Slide::new_text("Welcome", "Insurance made simple")],
                ..Default::default()
            };
            service::create(&ctx, agent_id, &input).await?
        }
    };
    let query = match agent_id {
        Some(id) if Some(id) != ctx.caller.agent_id => format!("?agent={id}"),
        _ => String::new(),
    };
    leptos_axum::redirect(&format!(
        "/agent/presentations/{}{query}",
        created.presentation_id
    ));
    Ok(created.presentation_id)
}

/// The library's one-click actions share one body after their guard: act, then back
/// to the list.
#[cfg(feature = "ssr")]
async fn deck_action(
    ctx: crate::auth::server::guard::Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    action: service::DeckAction,
) -> Result<(), AppError> {
    service::apply(&ctx, agent_id, presentation_id, action).await?;
    leptos_axum::redirect(&library_url(agent_id, ctx.caller.agent_id));
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "presentations/duplicate", input = PostUrl)]
pub async fn duplicate_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let ctx = ctx::<DuplicatePresentation>()?;
    let action = service::DeckAction::Duplicate;
    deck_action(ctx, agent_id, presentation_id, action).await
}

/// Deletes a never-published draft; archives anything else.
#[server(prefix = "/api/ui", endpoint = "presentations/remove", input = PostUrl)]
pub async fn remove_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let ctx = ctx::<RemovePresentation>()?;
    let action = service::DeckAction::Remove;
    deck_action(ctx, agent_id, presentation_id, action).await
}

/// Archived → draft.
#[server(prefix = "/api/ui", endpoint = "presentations/restore", input = PostUrl)]
pub async fn restore_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let ctx = ctx::<RestorePresentation>()?;
    let action = service::DeckAction::Restore;
    deck_action(ctx, agent_id, presentation_id, action).await
}

#[server(prefix = "/api/ui", endpoint = "presentations/activate", input = PostUrl)]
pub async fn activate_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let ctx = ctx::<ActivatePresentation>()?;
    let action = service::DeckAction::Activate;
    deck_action(ctx, agent_id, presentation_id, action).await
}

/// The editor's data: the presentation with every slide (scheduled ones too).
#[server(prefix = "/api/v1", endpoint = "presentations/editor/load", input = GetUrl, output = Json)]
pub async fn editor_load(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<Presentation, AppError> {
    let ctx = ctx::<EditorLoad>()?;
    service::get(&ctx, agent_id, presentation_id).await
}

/// Saves the whole presentation (409 when `input.version` is stale). Publishing is
/// a save with `status: published` and `is_active: true`.
#[server(prefix = "/api/v1", endpoint = "presentations/editor/save", input = Json, output = Json)]
pub async fn editor_save(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    input: PresentationInput,
) -> Result<Presentation, AppError> {
    let ctx = ctx::<EditorSave>()?;
    service::update(&ctx, agent_id, presentation_id, &input).await
}

#[server(prefix = "/api/v1", endpoint = "presentations/editor/media", input = GetUrl, output = Json)]
pub async fn editor_media(agent_id: Option<Uuid>) -> Result<MediaList, AppError> {
    let ctx = ctx::<EditorMedia>()?;
    library::list(&ctx, agent_id, None, Some(100), None).await
}

#[server(prefix = "/api/v1", endpoint = "presentations/editor/media/delete", input = Json, output = Json)]
pub async fn editor_delete_media(media_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<EditorDeleteMedia>()?;
    library::delete(&ctx, media_id).await
}
