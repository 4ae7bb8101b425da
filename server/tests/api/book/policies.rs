//! Policies: writing one under the rules of SPEC §4.9, every lifecycle step
//! (legal and not), the owner agent's edit limits, and who sees what.

use super::*;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_agent_writes_a_policy_for_their_customer_only(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let res = write_policy(&app, &policy_body(CUST001)).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let p = res.json();
    assert_eq!(p["status"], "draft");
    assert_eq!(p["payment_status"], "pending");
    assert_eq!(p["premium_amount"], 12500.5);
    assert_eq!(p["plan_code"], "TECH954");
    assert_eq!(p["agent_info"]["agent_code"], "AGENT001");
    assert_eq!(p["provider_info"]["provider_code"], "LIC");
    // No number given: one is generated.
    assert!(
        p["policy_number"].as_str().unwrap().starts_with("POL"),
        "{p}"
    );
    assert_eq!(
        audit_count(&app, "policy.created", p["policy_id"].as_str().unwrap()).await,
        1
    );

    // Someone else's customer: 403 in the seed's words.
    let res = write_policy(&app, &policy_body(CUST003)).await;
    assert_eq!(res.status, 403, "{}", res.text());
    assert!(res.text().contains("assigned policyholders"));
    // An unknown customer: 404.
    let res = write_policy(&app, &policy_body("00000000-0000-4000-8000-00000000dead")).await;
    assert_eq!(res.status, 404);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_policies_name_every_field_and_lic_numbers_have_8_to_12_digits(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let mut body = policy_body(CUST001);
    body["sum_assured"] = json!(0);
    body["premium_amount"] = json!(2_000_000);
    body["premium_frequency"] = json!("weekly");
    body["category"] = json!("motorbike");
    body["start_date"] = json!(day(-10));
    body["maturity_date"] = json!(day(-11));
    let res = write_policy(&app, &body).await;
    assert_eq!(res.status, 422, "{}", res.text());
    let errors = &res.json()["fields"];
    for f in [
        "sum_assured",
        "premium_amount",
        "premium_frequency",
        "category",
        "start_date",
    ] {
        assert!(errors[f].is_array(), "{f}: {}", res.text());
    }
    let mut body = policy_body(CUST001);
    body["policy_number"] = json!("ABC123");
    let res = write_policy(&app, &body).await;
    assert_eq!(res.status, 422, "{}", res.text());
    assert!(res.text().contains("8–12 digits"), "{}", res.text());
    body["policy_number"] = json!("123456789");
    assert_eq!(write_policy(&app, &body).await.status, 201);
    // The same number again: 409 on the field.
    let res = write_policy(&app, &body).await;
    assert_eq!(res.status, 409, "{}", res.text());
    assert!(res.json()["fields"]["policy_number"].is_array());
}

#[sqlx::test(migrations = "../migrations")]
async fn the_lifecycle_runs_draft_to_active_and_refuses_illegal_steps(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let res = write_policy(&app, &policy_body(CUST001)).await;
    let id = res.json()["policy_id"].as_str().unwrap().to_owned();
    let agent = app.as_user(Demo::Agent).await;
    let pa = app.as_user(Demo::ProviderAdmin).await;
    let sa = app.as_user(Demo::SuperAdmin).await;
    async fn step(who: &crate::demo::AsUser<'_>, id: &str, name: &str) -> TestResponse {
        who.post_json(&format!("/api/v1/policies/{id}/{name}"), "")
            .await
    }
    // Activating a draft: 409 naming its state.
    let res = step(&pa, &id, "activate").await;
    assert_eq!(res.status, 409);
    assert!(
        res.json()["detail"].as_str().unwrap().contains("draft"),
        "{}",
        res.text()
    );
    // The agent cannot approve.
    assert_eq!(step(&agent, &id, "approve").await.status, 403);
    assert_eq!(
        step(&agent, &id, "submit").await.json()["status"],
        "pending_approval"
    );
    assert_eq!(step(&agent, &id, "submit").await.status, 409);
    assert_eq!(step(&pa, &id, "approve").await.json()["status"], "approved");
    let p = agent.get(&format!("/api/v1/policies/{id}")).await.json();
    assert_eq!(p["approval_date"], day(0));
    assert_eq!(step(&pa, &id, "activate").await.json()["status"], "active");
    for (event, n) in [
        ("policy.submitted", 1),
        ("policy.approved", 1),
        ("policy.activated", 1),
    ] {
        assert_eq!(audit_count(&app, event, &id).await, n, "{event}");
    }
    // Owner edits: only coverage and nominee, and not once active.
    let res = agent
        .put_json(
            &format!("/api/v1/policies/{id}"),
            &json!({"nominee_details": {"name": "Asha"}}).to_string(),
        )
        .await;
    assert_eq!(
        res.status,
        403,
        "the junior agent has no policies.update: {}",
        res.text()
    );
    // An admin lapses it through PUT, and a cancel from lapsed is legal.
    let res = pa
        .put_json(
            &format!("/api/v1/policies/{id}"),
            &json!({"status": "lapsed"}).to_string(),
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["status"], "lapsed");
    // Only the super admin cancels.
    assert_eq!(
        pa.delete(&format!("/api/v1/policies/{id}")).await.status,
        403
    );
    let res = sa.delete(&format!("/api/v1/policies/{id}")).await;
    assert_eq!(res.json()["message"], "Policy cancelled successfully");
    // A cancelled policy never changes again.
    let res = sa.delete(&format!("/api/v1/policies/{id}")).await;
    assert_eq!(res.status, 409);
    assert!(res.json()["detail"].as_str().unwrap().contains("cancelled"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_senior_agent_edits_only_coverage_and_nominee_before_activation(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // The senior agent's own customer and draft.
    let sr = app.as_user(Demo::SeniorAgent).await;
    let res = sr
        .post_json(
            "/api/v1/policyholders",
            &json!({"user": {"phone_number": "9876500311", "first_name": "Kiran"}}).to_string(),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let holder = res.json()["policyholder_id"].as_str().unwrap().to_owned();
    let res = sr
        .post_json("/api/v1/policies", &policy_body(&holder).to_string())
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let id = res.json()["policy_id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/policies/{id}");
    let ok = sr
        .put_json(
            &path,
            &json!({"coverage_details": {"riders": ["Waiver of Premium"]}}).to_string(),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(
        ok.json()["coverage_details"]["riders"][0],
        "Waiver of Premium"
    );
    let res = sr
        .put_json(&path, &json!({"sum_assured": 1}).to_string())
        .await;
    assert_eq!(res.status, 403, "{}", res.text());
    // Coverage as a list, through the seed path.
    let cov = sr.get(&format!("{path}/coverage")).await.json();
    assert_eq!(cov["coverage"][0]["coverage_type"], "riders");
    assert_eq!(
        sr.get(&format!("{path}/claims")).await.json()["claims"],
        json!([])
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn visibility_follows_spec_4_9_for_every_role(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let numbers = |res: TestResponse| -> Vec<String> {
        assert_eq!(res.status, 200, "{}", res.text());
        res.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["policy_number"].as_str().unwrap().to_owned())
            .collect()
    };
    let mine = numbers(
        app.as_user(Demo::Agent)
            .await
            .get("/api/v1/policies?limit=100")
            .await,
    );
    assert!(mine.contains(&"POL001001".to_owned()), "{mine:?}");
    assert!(!mine.contains(&"POL002001".to_owned()), "{mine:?}");
    let holder = numbers(
        app.as_user(Demo::Policyholder)
            .await
            .get("/api/v1/policies")
            .await,
    );
    assert_eq!(holder, vec!["POLJR0001".to_owned()]);
    for who in [Demo::SupportStaff, Demo::ProviderAdmin, Demo::SuperAdmin] {
        let all = numbers(
            app.as_user(who)
                .await
                .get("/api/v1/policies?limit=100")
                .await,
        );
        assert!(
            all.contains(&"POL002001".to_owned()) && all.contains(&"POLJR0001".to_owned()),
            "{who:?}"
        );
    }
    // A guest reads no policy; a customer without a record reads none either.
    assert!(numbers(app.as_user(Demo::Guest).await.get("/api/v1/policies").await).is_empty());
    // By id and by number: someone else's is not found.
    let sr = app.as_user(Demo::SeniorAgent).await;
    assert_eq!(
        sr.get(&format!("/api/v1/policies/{POL001001}"))
            .await
            .status,
        404
    );
    assert_eq!(
        sr.get("/api/v1/policies/number/POL001001").await.status,
        404
    );
    let agent = app.as_user(Demo::Agent).await;
    assert_eq!(
        agent.get("/api/v1/policies/number/pol001001").await.json()["policy_id"],
        POL001001
    );
    // Filters: status, number substring, the quick views.
    let active = numbers(agent.get("/api/v1/policies?status=active&limit=100").await);
    assert!(active.contains(&"POL001001".to_owned()) && !active.contains(&"POL001003".to_owned()));
    assert_eq!(
        numbers(agent.get("/api/v1/policies?policy_number=1003").await),
        vec!["POL001003".to_owned()]
    );
    let lapsed = numbers(agent.get("/api/v1/policies?view=lapsed").await);
    assert_eq!(lapsed.len(), 2, "{lapsed:?}");
    assert!(numbers(agent.get("/api/v1/policies?status=nonsense").await).is_empty());
}
