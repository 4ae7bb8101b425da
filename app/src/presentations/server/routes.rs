//! Every presentations endpoint, registered once in the catalogue (`crate::catalog`):
//! the `/api/v1/presentations/*` decks and templates, whose handlers are in
//! `rest.rs`, the media routes of `media_rest.rs`, and the pages' and the editor's
//! server functions (`presentations::api`), with the doc-only shapes of their
//! arguments.

use super::rest::{
    activate, active, archive_template, create, create_template, duplicate, from_template, list,
    read, remove, templates, update, update_template, ListQuery, TemplateQuery,
};
use crate::access::{Access, Permission::*};
use crate::catalog::{Api, Endpoint};
use crate::presentations::types::*;
use uuid::Uuid;

/// Parses as every JSON body here; refused later by the rules, never by the guard.
const SAMPLE: &str =
    r#"{"name":"Matrix","slides":[],"template_id":"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}"#;
/// The demo agent AGENT001 and their published deck: someone else's for every role
/// user, so the matrix exercises the permission side of the owner rule.
const IDS: &str =
    "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const DECK: &str = "/api/v1/presentations/agent/{agent_id}/{presentation_id}";

/// Every presentations endpoint: decks, templates, media, and the pages' and the
/// editor's server functions.
pub fn api(upload_limit: usize) -> Api {
    use Access::{OwnerOr, Permission as With, SignedIn};
    let (get, post) = (Endpoint::get, Endpoint::post);
    Api::new("presentations", SAMPLE)
        .rest(
            get(
                "/api/v1/presentations/agent/{agent_id}/active",
                "The agent's active carousel, slides in order (ETag; 304 on If-None-Match)",
                SignedIn,
            )
            .returns::<Presentation>()
            .errors(&[304, 404]),
            active,
        )
        .rest(
            get(
                "/api/v1/presentations/agent/{agent_id}",
                "The agent's presentations, newest first",
                OwnerOr(PresentationsRead),
            )
            .query::<ListQuery>()
            .returns::<PresentationPage>()
            .errors(&[404, 422]),
            list,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}",
                "Create a presentation (a draft unless status says otherwise)",
                OwnerOr(PresentationsCreate),
            )
            .body::<PresentationInput>()
            .status(201)
            .returns::<Saved>()
            .errors(&[404, 422]),
            create,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}/from-template",
                "Create a draft from a template, filling its placeholders",
                OwnerOr(PresentationsCreate),
            )
            .body::<FromTemplate>()
            .status(201)
            .returns::<Presentation>()
            .errors(&[404, 422]),
            from_template,
        )
        .rest(
            get(
                DECK,
                "One presentation with all its slides",
                OwnerOr(PresentationsRead),
            )
            .returns::<Presentation>()
            .errors(&[404]),
            read,
        )
        .rest(
            Endpoint::put(
                DECK,
                "Save a presentation: the slides replace all existing ones; send `version`",
                OwnerOr(PresentationsUpdate),
            )
            .body::<PresentationInput>()
            .returns::<Saved>()
            .errors(&[404, 409, 422]),
            update,
        )
        .rest(
            Endpoint::delete(
                DECK,
                "Delete a never-published draft, or archive a presentation",
                OwnerOr(PresentationsUpdate),
            )
            .no_content()
            .errors(&[404]),
            remove,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}/{presentation_id}/activate",
                "Make a published presentation the agent's only active one",
                OwnerOr(PresentationsPublish),
            )
            .returns::<Presentation>()
            .errors(&[404, 409]),
            activate,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}/{presentation_id}/duplicate",
                "Copy a presentation as a new draft",
                OwnerOr(PresentationsCreate),
            )
            .status(201)
            .returns::<Presentation>()
            .errors(&[404]),
            duplicate,
        )
        .rest(
            get(
                "/api/v1/presentations/templates",
                "Templates (category, is_public); active and inside their availability window",
                SignedIn,
            )
            .query::<TemplateQuery>()
            .returns::<TemplateList>()
            .errors(&[422]),
            templates,
        )
        .rest(
            post(
                "/api/v1/presentations/templates",
                "Create a shared template (slide skeletons with {{placeholders}})",
                With(SystemAdmin),
            )
            .body::<TemplateInput>()
            .status(201)
            .returns::<Template>()
            .errors(&[422]),
            create_template,
        )
        .rest(
            Endpoint::put(
                "/api/v1/presentations/templates/{template_id}",
                "Edit a shared template",
                With(SystemAdmin),
            )
            .body::<TemplateInput>()
            .returns::<Template>()
            .errors(&[404, 422]),
            update_template,
        )
        .rest(
            Endpoint::delete(
                "/api/v1/presentations/templates/{template_id}",
                "Retire a shared template; decks made from it keep their slides",
                With(SystemAdmin),
            )
            .no_content()
            .errors(&[404]),
            archive_template,
        )
        .merge(super::media_rest::api(upload_limit))
        .merge(web_ui())
}

/// The library pages' form functions (`/api/ui/presentations/*`) and the editor's
/// JSON functions (`/api/v1/presentations/editor/*`, documented: the mobile app may
/// call them).
fn web_ui() -> Api {
    use crate::presentations::api as f;
    use Access::{AgentOr, OwnerOr, Public, SignedIn};
    const AGENT: &str = "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    Api::new("presentations", "")
        .server_fn(Endpoint::server_fn::<f::MyCarousel>("The signed-in agent's carousel", SignedIn).undocumented())
        .server_fn(Endpoint::server_fn::<f::PublicCarousel>("An agent's public shop window by agent code", Public).sample("code=AGENT001"))
        .server_fn(Endpoint::server_fn::<f::LoadLibrary>("The presentation library page", OwnerOr(PresentationsRead)).sample(AGENT))
        .server_fn(Endpoint::server_fn::<f::CreatePresentation>("New presentation, blank or from a template (form)", OwnerOr(PresentationsCreate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&name=Matrix"))
        .server_fn(Endpoint::server_fn::<f::DuplicatePresentation>("Duplicate a presentation (form)", OwnerOr(PresentationsCreate)).sample(IDS))
        .server_fn(Endpoint::server_fn::<f::RemovePresentation>("Delete a draft or archive a presentation (form)", OwnerOr(PresentationsUpdate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12"))
        .server_fn(Endpoint::server_fn::<f::RestorePresentation>("Archived back to draft (form)", OwnerOr(PresentationsUpdate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=00000000-0000-4000-8000-000000000009"))
        .server_fn(Endpoint::server_fn::<f::ActivatePresentation>("Set a published presentation active (form)", OwnerOr(PresentationsPublish)).sample(IDS))
        .server_fn(
            Endpoint::server_fn::<f::EditorLoad>("Editor: one presentation with every slide", OwnerOr(PresentationsRead))
                .query::<EditorLoadQuery>()
                .returns::<Presentation>()
                .errors(&[404, 422])
                .sample(IDS),
        )
        .server_fn(
            Endpoint::server_fn::<f::EditorSave>("Editor: save the whole presentation; 409 on a stale version", OwnerOr(PresentationsUpdate))
                .body::<EditorSaveBody>()
                .returns::<Presentation>()
                .errors(&[404, 409, 422])
                .sample(r#"{"agent_id":"b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","presentation_id":"d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","input":{"name":"Matrix","slides":[]}}"#),
        )
        .server_fn(
            Endpoint::server_fn::<f::EditorMedia>("Editor: the media library (agent_id for admins)", AgentOr(PresentationsRead))
                .query::<EditorMediaQuery>()
                .returns::<MediaList>()
                .errors(&[404, 422]),
        )
        .server_fn(
            Endpoint::server_fn::<f::EditorDeleteMedia>("Editor: delete an unused library file; 409 while in use", AgentOr(PresentationsUpdate))
                .body::<EditorDeleteMediaBody>()
                .returns::<crate::catalog::Empty>()
                .errors(&[404, 409])
                .sample(r#"{"media_id":"00000000-0000-4000-8000-000000000003"}"#),
        )
}

/// The query of `GET …/editor/load`.
#[derive(utoipa::IntoParams)]
#[allow(dead_code)]
struct EditorLoadQuery {
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
}

/// The body of `POST …/editor/save`: the server function's arguments.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct EditorSaveBody {
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    input: PresentationInput,
}

/// The body of `POST …/editor/media/delete`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct EditorDeleteMediaBody {
    media_id: Uuid,
}

/// The query of `GET …/editor/media`.
#[derive(utoipa::IntoParams)]
#[allow(dead_code)]
struct EditorMediaQuery {
    agent_id: Option<Uuid>,
}
