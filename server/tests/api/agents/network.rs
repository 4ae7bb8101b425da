//! Scope and the network: each admin sees exactly their scope, the tree refuses
//! cycles, and the hierarchy endpoint shows an agent their place.

use super::*;
use crate::helpers::TestApp;
use sqlx::PgPool;

async fn codes(app: &TestApp, user: &str, query: &str) -> Vec<String> {
    let res = app
        .get_bearer(&format!("/api/v1/agents{query}"), &token(app, user).await)
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let mut codes: Vec<String> = res.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["agent_code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes
}

#[sqlx::test(migrations = "../migrations")]
async fn each_role_sees_exactly_its_scope(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let all = [
        "AGENT001", "AGENT002", "AGENT003", "AGENT004", "AGENT005", "AGTJR001", "AGTSR001",
    ];
    assert_eq!(codes(&app, SUPER_ADMIN, "").await, all);
    assert_eq!(codes(&app, PROVIDER_ADMIN, "").await, all);
    // The regional manager AGENT003: their subtree only.
    assert_eq!(
        codes(&app, MANAGER, "").await,
        ["AGENT001", "AGENT002", "AGENT003"]
    );
    assert_eq!(
        codes(&app, MANAGER, "/search?query=agent").await,
        ["AGENT001", "AGENT002", "AGENT003"]
    );
    let rm = token(&app, MANAGER).await;
    assert_eq!(
        app.get_bearer(&format!("/api/v1/agents/{AGENT001}"), &rm)
            .await
            .status,
        200
    );
    assert_eq!(
        app.get_bearer(&format!("/api/v1/agents/{WAITING}"), &rm)
            .await
            .status,
        404
    );
    // Agents have no list: their own grants reach no one else.
    let junior = token(&app, JUNIOR).await;
    assert_eq!(app.get_bearer("/api/v1/agents", &junior).await.status, 403);
    assert_eq!(
        app.get_bearer(&format!("/api/v1/agents/{AGENT001}"), &junior)
            .await
            .status,
        403
    );
    // Filters and search.
    assert_eq!(
        codes(&app, SUPER_ADMIN, "?verification_status=submitted").await,
        ["AGENT004"]
    );
    assert_eq!(
        codes(&app, SUPER_ADMIN, "?status=rejected").await,
        ["AGENT005"]
    );
    assert_eq!(codes(&app, SUPER_ADMIN, "?q=meera").await, ["AGENT003"]);
    assert!(codes(&app, SUPER_ADMIN, "?status=sleeping")
        .await
        .is_empty());
    let res = app
        .get_bearer(
            "/api/v1/agents/search?query=a",
            &token(&app, SUPER_ADMIN).await,
        )
        .await;
    assert_eq!(res.status, 422);
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_follow_the_cursor_without_repeats(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, SUPER_ADMIN).await;
    let mut seen = Vec::new();
    let mut next: Option<String> = None;
    loop {
        let path = match &next {
            Some(c) => format!("/api/v1/agents?limit=2&cursor={c}"),
            None => "/api/v1/agents?limit=2".to_owned(),
        };
        let body = app.get_bearer(&path, &sa).await.json();
        seen.extend(
            body["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["agent_code"].as_str().unwrap().to_owned()),
        );
        assert_eq!(body["total"], 7);
        next = body["next"].as_str().map(str::to_owned);
        if next.is_none() {
            break;
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (7, 7));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_network_is_a_tree(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let me = token(&app, AGENT002_USER).await;
    let res = app.get_bearer("/api/v1/agents/hierarchy", &me).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let data = &res.json()["data"];
    assert_eq!(data["parent_agent"]["agent_code"], "AGENT003");
    assert_eq!(data["sub_agents"][0]["agent_code"], "AGENT001");
    assert_eq!(data["hierarchy_level"], 2);
    // AGENT003 under AGENT001 would close a loop.
    let sa = token(&app, SUPER_ADMIN).await;
    let body = format!(r#"{{"parent_agent_id":"{AGENT001}"}}"#);
    let res = app
        .put_json_bearer(&format!("/api/v1/agents/{AGENT003}"), &sa, &body)
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
    assert!(res.json()["fields"]["parent_agent_id"].is_array());
    let body = format!(r#"{{"parent_agent_id":"{AGENT003}"}}"#);
    let res = app
        .put_json_bearer(&format!("/api/v1/agents/{AGENT003}"), &sa, &body)
        .await;
    assert_eq!(res.status, 422, "an agent is not their own parent");
    // A legal move, with commission.
    let body = format!(r#"{{"parent_agent_id":"{AGENT003}","commission_rate":6.5}}"#);
    let res = app
        .put_json_bearer(&format!("/api/v1/agents/{AGENT001}"), &sa, &body)
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["parent_agent_id"], AGENT003);
    assert_eq!(res.json()["commission_rate"], 6.5);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_move_carries_the_whole_subtree_in_and_out_of_scope(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, SUPER_ADMIN).await;
    // AGENT002 (with AGENT001 under them) leaves AGENT003's network…
    let res = app
        .put_json_bearer(
            &format!("/api/v1/agents/{AGENT002}"),
            &sa,
            r#"{"clear_parent":true}"#,
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(codes(&app, MANAGER, "").await, ["AGENT003"]);
    // …and comes back, two levels deep.
    let body = format!(r#"{{"parent_agent_id":"{AGENT003}"}}"#);
    let res = app
        .put_json_bearer(&format!("/api/v1/agents/{AGENT002}"), &sa, &body)
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        codes(&app, MANAGER, "").await,
        ["AGENT001", "AGENT002", "AGENT003"]
    );
    let level: i32 = sqlx::query_scalar(
        "SELECT cardinality(network_path) FROM agents WHERE agent_code = 'AGENT001'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(level, 3);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_database_refuses_a_cycle_or_a_parent_in_another_tenant(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // Past the service's own check, the trigger still holds the tree.
    let err = sqlx::query("UPDATE agents SET parent_agent_id = $1 WHERE agent_id = $2")
        .bind(uuid::Uuid::parse_str(AGENT001).unwrap())
        .bind(uuid::Uuid::parse_str(AGENT003).unwrap())
        .execute(&app.pool)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("own sub-agent"), "{err}");
    sqlx::query(
        "INSERT INTO tenants (tenant_id, tenant_code, tenant_name)
         VALUES ('00000000-0000-0000-0000-0000000000e1', 'OTHER', 'Other')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let err = sqlx::query(
        "UPDATE agents SET tenant_id = '00000000-0000-0000-0000-0000000000e1' WHERE agent_id = $1",
    )
    .bind(uuid::Uuid::parse_str(AGENT001).unwrap())
    .execute(&app.pool)
    .await
    .unwrap_err();
    assert!(err.to_string().contains("different tenants"), "{err}");
}

#[sqlx::test(migrations = "../migrations")]
async fn search_follows_a_renamed_user(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    assert!(codes(&app, SUPER_ADMIN, "?q=zubin").await.is_empty());
    sqlx::query("UPDATE users SET first_name = 'Zubin' WHERE user_id = $1")
        .bind(uuid::Uuid::parse_str(AGENT002_USER).unwrap())
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(codes(&app, SUPER_ADMIN, "?q=zubin").await, ["AGENT002"]);
    // By code, business and email too, in any case; pattern characters are literal.
    assert_eq!(codes(&app, SUPER_ADMIN, "?q=agent002").await, ["AGENT002"]);
    assert!(codes(&app, SUPER_ADMIN, "?q=%25%25").await.is_empty());
}
