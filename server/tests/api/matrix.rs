//! The permission matrix: every catalogued endpoint, called anonymously and as each
//! of the ten roles, must answer as its `Access` rule says. A handler that forgets
//! its guard answers an anonymous caller with something other than 401 and fails here.

use crate::helpers::TestApp;
use app::auth::permissions::PermissionSet;
use app::catalog::{Access, Verb};
use app::users::types::Role;
use http::{Method, StatusCode};
use sqlx::PgPool;

fn method(verb: Verb) -> Method {
    match verb {
        Verb::Get => Method::GET,
        Verb::Post => Method::POST,
        Verb::Put => Method::PUT,
        Verb::Delete => Method::DELETE,
    }
}

fn concrete(path: &str) -> String {
    // Any well-formed id: a missing object is 404, which the guard must precede.
    path.replace("{session_id}", "00000000-0000-4000-8000-000000000001")
        .replace("{user_id}", "00000000-0000-4000-8000-000000000002")
        .replace("{media_id}", "00000000-0000-4000-8000-000000000003")
        .replace("{template_id}", "00000000-0000-4000-8000-000000000004")
        // The demo agent AGENT001 and their deck: someone else's for every role user.
        .replace("{agent_id}", "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
        .replace("{presentation_id}", "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
}

#[sqlx::test(migrations = "../migrations")]
async fn every_endpoint_enforces_its_access_rule_for_anonymous_and_all_ten_roles(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let users: Vec<(Role, uuid::Uuid)> = server::seed::DEMO_USERS
        .iter()
        .map(|(id, _, _, _, _, role)| (*role, id.parse().unwrap()))
        .collect();
    let mut has_agent = std::collections::HashSet::new();
    for (_, user_id) in &users {
        let found: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM agents WHERE user_id = $1)")
                .bind(user_id)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        if found {
            has_agent.insert(*user_id);
        }
    }
    let mut checked = 0;
    for endpoint in app::catalog::endpoints() {
        let mut path = concrete(endpoint.path);
        // GET server functions take their arguments from the query string.
        if endpoint.server_fn && endpoint.verb == Verb::Get && !endpoint.sample_body.is_empty() {
            path = format!("{path}?{}", endpoint.sample_body);
        }
        let (content_type, body) = if endpoint.server_fn && endpoint.path.starts_with("/api/ui/") {
            (
                "application/x-www-form-urlencoded",
                endpoint.sample_body.to_owned(),
            )
        } else {
            (
                "application/json",
                if endpoint.verb == Verb::Get {
                    String::new()
                } else {
                    endpoint.sample_body.to_owned()
                },
            )
        };

        // Anonymous.
        let res = app
            .send(
                http::Request::builder()
                    .method(method(endpoint.verb))
                    .uri(&path)
                    .header("content-type", content_type)
                    .header("accept", "application/json")
                    .body(axum::body::Body::from(body.clone()))
                    .unwrap(),
            )
            .await;
        match endpoint.access {
            Access::Public => assert_ne!(
                res.status,
                StatusCode::UNAUTHORIZED,
                "anonymous {path}: {}",
                res.text()
            ),
            _ => assert_eq!(
                res.status,
                StatusCode::UNAUTHORIZED,
                "anonymous {path} must be refused: {}",
                res.text()
            ),
        }

        // Each role, with a fresh session (some endpoints end the session they use).
        for (role, user_id) in &users {
            let token = app.token_for(*user_id).await;
            let res = app
                .send_bearer(
                    method(endpoint.verb),
                    &path,
                    &token,
                    content_type,
                    body.clone(),
                )
                .await;
            let allowed = match endpoint.access {
                Access::Public | Access::SignedIn => true,
                // The path names someone else, so "self" never applies here.
                Access::Permission(p) | Access::SelfOr(p) => {
                    PermissionSet::of_roles(&[*role]).contains(p)
                }
                // The path names another agent's deck: agents never pass (the owner
                // rule), admins need the permission.
                Access::OwnerOr(p) => {
                    !has_agent.contains(user_id) && PermissionSet::of_roles(&[*role]).contains(p)
                }
                Access::AgentOr(p) => {
                    has_agent.contains(user_id) || PermissionSet::of_roles(&[*role]).contains(p)
                }
            };
            if allowed {
                assert!(
                    res.status != StatusCode::UNAUTHORIZED && res.status != StatusCode::FORBIDDEN,
                    "{role:?} {path} should pass the guard: {} {}",
                    res.status,
                    res.text()
                );
            } else {
                assert_eq!(
                    res.status,
                    StatusCode::FORBIDDEN,
                    "{role:?} {path} must be forbidden: {}",
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
        checked >= 10 * 20,
        "the matrix covers the catalogue ({checked} checks)"
    );
}
