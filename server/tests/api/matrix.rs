//! The permission matrix: every catalogued endpoint, called anonymously and as each
//! of the ten roles (plus the demo agent on their own record), must answer as its
//! `Access` says. Refusals must be 401/403 with our wording; admitted calls must get
//! past the guard (no 401/403) and must not fail inside (no 5xx).

use crate::demo::Demo;
use crate::helpers::TestApp;
use app::access::{Access, PermissionSet, Role};
use app::catalog::{Endpoint, Verb};
use http::StatusCode;
use sqlx::PgPool;

fn concrete(path: &str) -> String {
    // Any well-formed id: a missing object is 404, which the guard must precede.
    path.replace("{session_id}", "00000000-0000-4000-8000-000000000001")
        .replace("{user_id}", "00000000-0000-4000-8000-000000000002")
        .replace("{media_id}", "00000000-0000-4000-8000-000000000003")
        .replace("{template_id}", "00000000-0000-4000-8000-000000000004")
        .replace("{document_id}", "00000000-0000-4000-8000-000000000005")
        // LIC: the provider of the DEFAULT tenant's admins.
        .replace("{provider_id}", "01fa8d3a-5509-4f73-abeb-617fd547f16d")
        .replace("{provider_code}", "LIC")
        // The demo agent AGENT001 and their deck: someone else's for every role user.
        .replace("{agent_id}", "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
        .replace("{presentation_id}", "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
        // A customer and a policy nobody holds: outside every book, so not found.
        .replace("{policyholder_id}", "00000000-0000-4000-8000-000000000006")
        .replace("{policy_id}", "00000000-0000-4000-8000-000000000007")
        .replace("{policy_number}", "POL000000000")
        .replace("{job_id}", "00000000-0000-4000-8000-000000000008")
        .replace("{run_id}", "00000000-0000-4000-8000-000000000009")
}

/// The request the matrix sends for an entry: method, URI, content type, body.
fn request(endpoint: &Endpoint, token: Option<&str>) -> http::Request<axum::body::Body> {
    let mut path = concrete(endpoint.path);
    // GET server functions take their arguments from the query string.
    if endpoint.server_fn && endpoint.verb == Verb::Get && !endpoint.sample_body.is_empty() {
        path = format!("{path}?{}", endpoint.sample_body);
    }
    let form = endpoint.server_fn && endpoint.path.starts_with("/api/ui/");
    let content_type = if form {
        "application/x-www-form-urlencoded"
    } else {
        "application/json"
    };
    let body = if endpoint.verb == Verb::Get {
        String::new()
    } else {
        endpoint.sample_body.to_owned()
    };
    let mut builder = http::Request::builder()
        .method(endpoint.verb.method())
        .uri(&path)
        .header("content-type", content_type)
        .header("accept", "application/json");
    if let Some(token) = token {
        builder = builder.header("authorization", format!("Bearer {token}"));
    }
    builder.body(axum::body::Body::from(body)).unwrap()
}

/// Whether a role may act on an entry whose path names the demo agent's record.
fn admitted(access: Access, role: Role, own_record: bool, has_agent: bool) -> bool {
    let reach = PermissionSet::of_admin_roles(&[role]);
    match access {
        Access::Public | Access::SignedIn => true,
        // The path names someone else, so "self" never applies here.
        Access::Permission(p) | Access::SelfOr(p) => PermissionSet::of_roles(&[role]).contains(p),
        // The owner rule: the agent's own record, or an admin role's reach.
        Access::OwnerOr(p) => own_record || reach.contains(p),
        Access::AgentOr(p) => has_agent || reach.contains(p),
        Access::Reach(p) => reach.contains(p),
        Access::OwnAgent => has_agent,
        Access::AdminRole => role.kind() == app::access::RoleKind::Admin,
        // The path names LIC, the provider of the DEFAULT tenant's admins.
        Access::ProviderOr(p) => {
            role == Role::InsuranceProviderAdmin || PermissionSet::of_roles(&[role]).contains(p)
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn every_endpoint_enforces_its_access_rule_for_anonymous_and_all_ten_roles(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // The ten role users act on someone else's record (the demo agent's); the demo
    // agent acts on their own, so owner entries must admit them.
    let users: Vec<(Demo, bool)> = Demo::ROLE_USERS
        .into_iter()
        .map(|d| (d, false))
        .chain([(Demo::Agent, true)])
        .collect();
    let mut checked = 0;
    for endpoint in server::startup::catalogue() {
        let path = concrete(endpoint.path);
        let res = app.send(request(&endpoint, None)).await;
        if endpoint.access == Access::Public {
            assert!(
                !matches!(res.status.as_u16(), 401 | 403) && !res.status.is_server_error(),
                "anonymous {path} is public: {} {}",
                res.status,
                res.text()
            );
        } else {
            assert_eq!(
                res.status,
                StatusCode::UNAUTHORIZED,
                "anonymous {path} must be refused: {}",
                res.text()
            );
        }

        // Each role, with a fresh session (some endpoints end the session they use).
        for (who, own) in &users {
            let role = who.role();
            let token = app.token_for(who.user_id()).await;
            let res = app.send(request(&endpoint, Some(&token))).await;
            let allowed = admitted(endpoint.access, role, *own, who.agent_id().is_some());
            if allowed {
                assert!(
                    !matches!(res.status.as_u16(), 401 | 403) && !res.status.is_server_error(),
                    "{role:?} (own record: {own}) {} {path} is admitted: {} {}",
                    endpoint.verb.as_str(),
                    res.status,
                    res.text()
                );
            } else {
                assert_eq!(
                    res.status,
                    StatusCode::FORBIDDEN,
                    "{role:?} {} {path} must be forbidden: {}",
                    endpoint.verb.as_str(),
                    res.text()
                );
                assert!(res.json()["detail"]
                    .as_str()
                    .unwrap()
                    .starts_with("Insufficient permissions"));
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 11 * 60,
        "the matrix covers the catalogue ({checked} checks)"
    );
}
