//! Customers: adding one (the user found by phone or created), the 409 for a
//! phone that is already a customer's, scoped lists and reads, edits, and an
//! admin's reassignment in one audited transaction.

use super::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_agent_adds_a_customer_and_a_phone_is_one_customer(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let id = add_customer(&app, "98765 00301").await;
    let agent = app.as_user(Demo::Agent).await;
    let c = agent
        .get(&format!("/api/v1/policyholders/{id}"))
        .await
        .json();
    assert_eq!(c["user_info"]["phone_number"], "+919876500301");
    assert_eq!(c["user_info"]["full_name"], "Meera Iyer");
    assert_eq!(c["preferred_language"], "hi");
    assert_eq!(c["agent_code"], "AGENT001");
    assert_eq!(audit_count(&app, "customer.created", &id).await, 1);

    // The same phone again, in any spelling: 409 under the phone field.
    let again = agent
        .post_json(
            "/api/v1/policyholders",
            &json!({"user": {"phone_number": "+91 98765-00301", "first_name": "M"}}).to_string(),
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.text());
    assert!(
        again.json()["fields"]["phone_number"].is_array(),
        "{}",
        again.text()
    );

    // An existing user who is nobody's customer (a guest) is reused, not duplicated.
    let guest = agent
        .post_json(
            "/api/v1/policyholders",
            &json!({"user": {"phone_number": Demo::Guest.phone(), "first_name": "Guest"}})
                .to_string(),
        )
        .await;
    assert_eq!(guest.status, 201, "{}", guest.text());
    assert_eq!(guest.json()["user_id"], Demo::Guest.user_id().to_string());
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_customers_get_every_field_error_and_nothing_is_written(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let res = app
        .as_user(Demo::Agent)
        .await
        .post_json(
            "/api/v1/policyholders",
            &json!({"user": {"phone_number": "12345", "email": "not-an-email"},
                    "income_band": "rich", "marketing_consent": true})
            .to_string(),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
    let errors = &res.json()["fields"];
    for f in [
        "phone_number",
        "email",
        "first_name",
        "income_band",
        "marketing_consent_channel",
    ] {
        assert!(errors[f].is_array(), "{f}: {}", res.text());
    }
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(before, after);
}

#[sqlx::test(migrations = "../migrations")]
async fn each_role_sees_its_own_book_of_customers(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let ids = |res: TestResponse| -> Vec<String> {
        assert_eq!(res.status, 200, "{}", res.text());
        res.json()["policyholders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["customer_id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let mine = ids(app
        .as_user(Demo::Agent)
        .await
        .get("/api/v1/policyholders")
        .await);
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert!(mine.contains(&"CUST001".to_owned()) && mine.contains(&"CUST002".to_owned()));
    // The provider admin and support staff: the tenant.
    for who in [Demo::ProviderAdmin, Demo::SupportStaff, Demo::SuperAdmin] {
        let all = ids(app
            .as_user(who)
            .await
            .get("/api/v1/policyholders?limit=100")
            .await);
        assert!(all.len() >= 5, "{who:?}: {all:?}");
    }
    // AGENT003 (a regional manager) sees their subtree: AGENT002's and AGENT001's.
    let manager = app
        .token_for(super::super::agents::MANAGER.parse().unwrap())
        .await;
    let sub = ids(app
        .get_bearer("/api/v1/policyholders?limit=100", &manager)
        .await);
    assert!(
        sub.contains(&"CUST001".to_owned()) && sub.contains(&"CUST003".to_owned()),
        "{sub:?}"
    );
    assert!(!sub.contains(&"CUSTJR01".to_owned()), "{sub:?}");
    // A customer: themself.
    let me = ids(app
        .as_user(Demo::Policyholder)
        .await
        .get("/api/v1/policyholders")
        .await);
    assert_eq!(me, vec!["CUSTJR01".to_owned()]);
    // Another agent's customer is not found.
    let res = app
        .as_user(Demo::SeniorAgent)
        .await
        .get(&format!("/api/v1/policyholders/{CUST001}"))
        .await;
    assert_eq!(res.status, 404);
    // Search by name, phone and customer id.
    let agent = app.as_user(Demo::Agent).await;
    assert_eq!(
        ids(agent.get("/api/v1/policyholders?q=cust002").await),
        vec!["CUST002".to_owned()]
    );
    assert_eq!(
        ids(agent.get("/api/v1/policyholders?q=98765%2043211").await),
        vec!["CUST001".to_owned()]
    );
    // Both of the demo agent's customers hold a policy in force.
    assert_eq!(
        ids(agent.get("/api/v1/policyholders?has_policy=true").await).len(),
        2
    );
    assert!(ids(agent.get("/api/v1/policyholders?has_policy=false").await).is_empty());
    // The seed's agent-scoped shape.
    let seed = agent
        .get("/api/v1/agents/b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11/customers")
        .await
        .json();
    assert_eq!(seed["data"]["total"], 2, "{seed}");
    assert!(seed["data"]["customers"][0]["user_info"]["full_name"].is_string());
}

#[sqlx::test(migrations = "../migrations")]
async fn an_admin_moves_a_customer_and_their_policies_in_one_audited_step(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent002 = super::super::agents::AGENT002;
    let agent001 = super::super::agents::AGENT001;
    let count = |agent: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_as::<_, (i32, i32)>(
                "SELECT total_policies_sold, active_policyholders FROM agents WHERE agent_id = $1::uuid",
            )
            .bind(agent)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let (sold_before, holders_before) = count(agent001).await;
    // An agent cannot move their customer away.
    let res = app
        .as_user(Demo::Agent)
        .await
        .put_json(
            &format!("/api/v1/policyholders/{CUST002}"),
            &json!({"agent_id": agent002}).to_string(),
        )
        .await;
    assert_eq!(res.status, 403, "{}", res.text());

    let pa = app.as_user(Demo::ProviderAdmin).await;
    let res = pa
        .put_json(
            &format!("/api/v1/policyholders/{CUST002}"),
            &json!({"agent_id": agent002, "occupation": "Principal"}).to_string(),
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["agent_id"], agent002);
    assert_eq!(res.json()["occupation"], "Principal");
    let moved: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM insurance_policies WHERE policyholder_id = $1::uuid AND agent_id = $2::uuid",
    )
    .bind(CUST002)
    .bind(agent002)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(
        moved >= 2,
        "the customer's policies moved with them ({moved})"
    );
    assert_eq!(audit_count(&app, "customer.reassigned", CUST002).await, 1);
    // The counters follow the rows.
    let (sold_after, holders_after) = count(agent001).await;
    assert_eq!(holders_after, holders_before - 1);
    assert_eq!(sold_after, sold_before - moved as i32);
    // The demo agent no longer reads them.
    let res = app
        .as_user(Demo::Agent)
        .await
        .get(&format!("/api/v1/policyholders/{CUST002}"))
        .await;
    assert_eq!(res.status, 404);
    // A move to an agent who is not working is refused, and nothing changes.
    let waiting = super::super::agents::WAITING;
    let res = pa
        .put_json(
            &format!("/api/v1/policyholders/{CUST002}"),
            &json!({"agent_id": waiting}).to_string(),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
    assert!(res.json()["fields"]["agent_id"].is_array());
}
