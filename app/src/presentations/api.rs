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
use server_fn::codec::{GetUrl, Json, PostUrl};
use uuid::Uuid;

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
    let caller = crate::auth::server::guard::signed_in()?;
    crate::presentations::server::service::my_active(&crate::state::app_state()?, &caller).await
}

/// The public shop window of an agent, by agent code.
#[server(prefix = "/api/ui", endpoint = "presentations/public", input = GetUrl)]
pub async fn public_carousel(code: String) -> Result<Presentation, AppError> {
    let _ = crate::auth::server::guard::public();
    crate::presentations::server::service::public_active(&crate::state::app_state()?, &code).await
}

#[server(prefix = "/api/ui", endpoint = "presentations/library", input = GetUrl)]
pub async fn load_library(
    agent_id: Option<Uuid>,
    status: Option<String>,
) -> Result<Library, AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    use crate::presentations::server::service;
    let state = crate::state::app_state()?;
    // An admin who has not chosen an agent yet gets the list to choose from.
    if agent_id.is_none() && caller.agent_id.is_none() {
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
            choices: service::agent_choices(&state, &caller).await?,
        });
    }
    let page = service::list(&state, &caller, agent_id, status.as_deref(), Some(50), None).await?;
    let templates = service::templates(&state, &caller, None, false).await?;
    let agent_id = agent_id.or(caller.agent_id).unwrap_or_default();
    Ok(Library {
        page,
        templates: templates.templates,
        own: caller.agent_id.is_some_and(|own| own == agent_id),
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
    let caller = crate::auth::server::guard::signed_in()?;
    use crate::presentations::server::service;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    let created = match template_id {
        Some(template_id) => {
            let request = FromTemplate {
                template_id,
                name,
                custom_title,
                custom_subtitle,
            };
            service::from_template(&state, &meta, &caller, agent_id, &request).await?
        }
        None => {
            let input = PresentationInput {
                name: name
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| "My presentation".into()),
                slides: vec![Slide::new_text("Welcome", "Insurance made simple")],
                ..Default::default()
            };
            service::create(&state, &meta, &caller, agent_id, &input).await?
        }
    };
    let query = match agent_id {
        Some(id) if Some(id) != caller.agent_id => format!("?agent={id}"),
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
    caller: crate::auth::server::guard::CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    action: crate::presentations::server::service::DeckAction,
) -> Result<(), AppError> {
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    crate::presentations::server::service::apply(
        &state,
        &meta,
        &caller,
        agent_id,
        presentation_id,
        action,
    )
    .await?;
    leptos_axum::redirect(&library_url(agent_id, caller.agent_id));
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "presentations/duplicate", input = PostUrl)]
pub async fn duplicate_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let action = crate::presentations::server::service::DeckAction::Duplicate;
    deck_action(caller, agent_id, presentation_id, action).await
}

/// Deletes a never-published draft; archives anything else.
#[server(prefix = "/api/ui", endpoint = "presentations/remove", input = PostUrl)]
pub async fn remove_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let action = crate::presentations::server::service::DeckAction::Remove;
    deck_action(caller, agent_id, presentation_id, action).await
}

/// Archived → draft.
#[server(prefix = "/api/ui", endpoint = "presentations/restore", input = PostUrl)]
pub async fn restore_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let action = crate::presentations::server::service::DeckAction::Restore;
    deck_action(caller, agent_id, presentation_id, action).await
}

#[server(prefix = "/api/ui", endpoint = "presentations/activate", input = PostUrl)]
pub async fn activate_presentation(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<(), AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let action = crate::presentations::server::service::DeckAction::Activate;
    deck_action(caller, agent_id, presentation_id, action).await
}

/// The editor's data: the presentation with every slide (scheduled ones too).
#[server(prefix = "/api/v1", endpoint = "presentations/editor/load", input = GetUrl)]
pub async fn editor_load(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> Result<Presentation, AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    crate::presentations::server::service::get(
        &crate::state::app_state()?,
        &caller,
        agent_id,
        presentation_id,
    )
    .await
}

/// Saves the whole presentation (409 when `input.version` is stale). Publishing is
/// a save with `status: published` and `is_active: true`.
#[server(prefix = "/api/v1", endpoint = "presentations/editor/save", input = Json)]
pub async fn editor_save(
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    input: PresentationInput,
) -> Result<Presentation, AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    crate::presentations::server::service::update(
        &state,
        &meta,
        &caller,
        agent_id,
        presentation_id,
        &input,
    )
    .await
}

#[server(prefix = "/api/v1", endpoint = "presentations/editor/media", input = GetUrl)]
pub async fn editor_media(agent_id: Option<Uuid>) -> Result<MediaList, AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    if caller.agent_id.is_none() {
        caller.require(crate::auth::permissions::Permission::PresentationsRead)?;
    }
    crate::presentations::server::library::list(
        &crate::state::app_state()?,
        &caller,
        agent_id,
        None,
        Some(100),
        None,
    )
    .await
}

#[server(prefix = "/api/v1", endpoint = "presentations/editor/media/delete", input = Json)]
pub async fn editor_delete_media(media_id: Uuid) -> Result<(), AppError> {
    let caller = crate::auth::server::guard::signed_in()?;
    if caller.agent_id.is_none() {
        caller.require(crate::auth::permissions::Permission::PresentationsUpdate)?;
    }
    let (state, meta) = crate::auth::server::guard::state_and_meta()?;
    crate::presentations::server::library::delete(&state, &meta, &caller, media_id).await
}

#[cfg(feature = "ssr")]
pub use catalog::ENDPOINTS;

#[cfg(feature = "ssr")]
mod catalog {
    use crate::auth::permissions::Permission::*;
    use crate::catalog::{schema, web_ui as ui, Access, Endpoint, Verb};
    use crate::presentations::types::*;

    /// The demo agent AGENT001 and their published deck: someone else's for every
    /// role user, so the matrix exercises the permission side of the owner rule.
    const IDS: &str =
        "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

    const fn editor(
        verb: Verb,
        path: &'static str,
        summary: &'static str,
        access: Access,
        response: crate::catalog::SchemaRef,
        errors: &'static [u16],
        sample_body: &'static str,
    ) -> Endpoint {
        Endpoint {
            verb,
            path,
            summary,
            tag: "presentations",
            access,
            server_fn: true,
            docs: true,
            request: None,
            response,
            errors,
            sample_body,
        }
    }

    pub static ENDPOINTS: &[Endpoint] = &[
        ui(
            Verb::Get,
            "/api/ui/presentations/home",
            "The signed-in agent's carousel",
            Access::SignedIn,
            "",
        ),
        ui(
            Verb::Get,
            "/api/ui/presentations/public",
            "An agent's public shop window by agent code",
            Access::Public,
            "code=AGENT001",
        ),
        ui(
            Verb::Get,
            "/api/ui/presentations/library",
            "The presentation library page",
            Access::OwnerOr(PresentationsRead),
            "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        ),
        ui(
            Verb::Post,
            "/api/ui/presentations/create",
            "New presentation, blank or from a template (form)",
            Access::OwnerOr(PresentationsCreate),
            "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&name=Matrix",
        ),
        ui(
            Verb::Post,
            "/api/ui/presentations/duplicate",
            "Duplicate a presentation (form)",
            Access::OwnerOr(PresentationsCreate),
            IDS,
        ),
        ui(
            Verb::Post,
            "/api/ui/presentations/remove",
            "Delete a draft or archive a presentation (form)",
            Access::OwnerOr(PresentationsUpdate),
            "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
        ),
        ui(
            Verb::Post,
            "/api/ui/presentations/restore",
            "Archived back to draft (form)",
            Access::OwnerOr(PresentationsUpdate),
            "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=00000000-0000-4000-8000-000000000009",
        ),
        ui(
            Verb::Post,
            "/api/ui/presentations/activate",
            "Set a published presentation active (form)",
            Access::OwnerOr(PresentationsPublish),
            IDS,
        ),
        editor(
            Verb::Get,
            "/api/v1/presentations/editor/load",
            "Editor: one presentation with every slide (agent_id, presentation_id)",
            Access::OwnerOr(PresentationsRead),
            schema::<Presentation>(),
            &[400, 404],
            IDS,
        ),
        editor(
            Verb::Post,
            "/api/v1/presentations/editor/save",
            "Editor: save the whole presentation \
             ({agent_id, presentation_id, input: PresentationInput}); 409 on a stale version",
            Access::OwnerOr(PresentationsUpdate),
            schema::<Presentation>(),
            &[400, 404, 409, 422],
            r#"{"agent_id":"b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","presentation_id":"d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","input":{"name":"Matrix","slides":[]}}"#,
        ),
        editor(
            Verb::Get,
            "/api/v1/presentations/editor/media",
            "Editor: the media library (agent_id for admins)",
            Access::AgentOr(PresentationsRead),
            schema::<MediaList>(),
            &[404],
            "",
        ),
        editor(
            Verb::Post,
            "/api/v1/presentations/editor/media/delete",
            "Editor: delete an unused library file ({media_id}); 409 while in use",
            Access::AgentOr(PresentationsUpdate),
            schema::<crate::catalog::Empty>(),
            &[404, 409],
            r#"{"media_id":"00000000-0000-4000-8000-000000000003"}"#,
        ),
    ];
}
