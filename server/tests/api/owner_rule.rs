//! The owner rule (SPEC §2.4): agent roles act only through their own agent record,
//! and without one on nothing; reach over other people's records comes only from
//! admin roles; a change to live content needs the publish right.

use crate::demo::Demo;
use crate::helpers::TestApp;
use app::access::{Grants, Permission, Role};
use app::auth::server::guard::{Ctx, CurrentUser, RequestMeta, Via};
use app::presentations::types::PresentationInput;
use http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

const DEMO_AGENT: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const DAILY: &str = server::seed::presentations::DAILY_PROMOTIONAL;
const WEEKLY: &str = server::seed::presentations::WEEKLY_UPDATE;

/// A senior agent made in the user admin has the role's grants
/// (`presentations.update` among them) but no agent record.
async fn senior_agent_without_record(app: &TestApp) -> String {
    let admin = app.as_user(Demo::SuperAdmin).await;
    let body = json!({"first_name": "New", "last_name": "Senior", "phone_number": "9876500001",
                      "role": "senior_agent", "password": "a-long-secret-1"});
    let res = admin.post_json("/api/v1/users", &body.to_string()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id: Uuid = res.json()["user_id"].as_str().unwrap().parse().unwrap();
    app.token_for(id).await
}

#[sqlx::test(migrations = "../migrations")]
async fn an_agent_role_without_an_agent_record_acts_on_nothing(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let token = senior_agent_without_record(&app).await;
    let deck = format!("/api/v1/presentations/agent/{DEMO_AGENT}/{WEEKLY}");
    let save = json!({"name": "Hijacked", "slides": []}).to_string();
    let res = app.put_json_bearer(&deck, &token, &save).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "edit: {}", res.text());
    let res = app.get_bearer(&deck, &token).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "read: {}", res.text());
    let media = format!("/api/v1/presentations/media?agent_id={DEMO_AGENT}");
    let res = app.get_bearer(&media, &token).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "library: {}", res.text());
    let res = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/presentations/media/upload",
            &token,
            "multipart/form-data; boundary=x",
            format!("--x\r\nContent-Disposition: form-data; name=\"agent_id\"\r\n\r\n{DEMO_AGENT}\r\n--x--\r\n"),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "upload: {}", res.text());
    // Nothing changed.
    let owner = app.as_user(Demo::Agent).await;
    let res = owner.get(&deck).await;
    assert_eq!(res.json()["name"], "Weekly Update");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_guest_cannot_read_agents_drafts_or_media(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let guest = app.as_user(Demo::Guest).await;
    for who in [Demo::Guest, Demo::Customer] {
        let user = app.as_user(who).await;
        for path in [
            format!("/api/v1/presentations/agent/{DEMO_AGENT}"),
            format!("/api/v1/presentations/agent/{DEMO_AGENT}/{WEEKLY}"),
            format!("/api/v1/presentations/media?agent_id={DEMO_AGENT}"),
        ] {
            let res = user.get(&path).await;
            assert_eq!(
                res.status,
                StatusCode::FORBIDDEN,
                "{who:?} {path}: {}",
                res.text()
            );
        }
        let res = user
            .delete(&format!(
                "/api/v1/presentations/agent/{DEMO_AGENT}/{WEEKLY}"
            ))
            .await;
        assert_eq!(
            res.status,
            StatusCode::FORBIDDEN,
            "{who:?} delete: {}",
            res.text()
        );
    }
    // The published carousel stays visible, as on the public shop window.
    let active = guest
        .get(&format!("/api/v1/presentations/agent/{DEMO_AGENT}/active"))
        .await;
    assert_eq!(active.status, StatusCode::OK, "{}", active.text());
}

/// An admin who may edit decks but not publish them.
fn editor_without_publish(app: &TestApp) -> Ctx {
    let mut caller = CurrentUser::new(
        Uuid::new_v4(),
        Uuid::nil(), // the default tenant, where the demo data lives
        vec![Role::InsuranceProviderAdmin],
        None,
        Uuid::new_v4(),
        Via::Bearer,
    );
    let reach = Grants::of(&[Role::InsuranceProviderAdmin], false).reach;
    let without = [Permission::PresentationsPublish];
    caller.reach = reach
        .iter()
        .filter(|p| !without.contains(p))
        .fold(app::access::PermissionSet::default(), |set, p| set.with(p));
    caller.permissions = caller.reach;
    Ctx {
        state: app.state.clone(),
        caller,
        meta: RequestMeta::default(),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn an_edit_to_live_content_needs_the_publish_right(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let ctx = editor_without_publish(&app);
    let agent: Uuid = DEMO_AGENT.parse().unwrap();
    // A save that leaves out `status` on the published, active deck.
    let input = PresentationInput {
        name: "Edited live".into(),
        ..Default::default()
    };
    let live = app::presentations::server::service::update(
        &ctx,
        Some(agent),
        DAILY.parse().unwrap(),
        &input,
    )
    .await;
    assert!(
        matches!(live, Err(app::error::AppError::Forbidden(_))),
        "{live:?}"
    );
    // The same editor may change a draft.
    let draft = app::presentations::server::service::update(
        &ctx,
        Some(agent),
        WEEKLY.parse().unwrap(),
        &input,
    )
    .await;
    assert!(draft.is_ok(), "{draft:?}");
    let owner = app.as_user(Demo::Agent).await;
    let res = owner
        .get(&format!("/api/v1/presentations/agent/{DEMO_AGENT}/{DAILY}"))
        .await;
    assert_eq!(
        res.json()["name"],
        "Daily Promotional",
        "the live deck is untouched"
    );
}
