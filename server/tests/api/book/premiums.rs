//! Recording premiums: the policy's counters and next due date move in the same
//! transaction (calendar months, month-end rule), a receipt counts once even
//! when two clerks send it at the same moment, and the history reads newest first.

use super::*;
use sqlx::PgPool;

async fn policy_row(app: &TestApp, id: &str) -> (i32, Option<chrono::NaiveDate>, f64, String) {
    sqlx::query_as(
        "SELECT total_payments, next_payment_date, outstanding_amount::float8, status
           FROM insurance_policies WHERE policy_id = $1::uuid",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// The senior agent's own active monthly policy starting on 31 January.
async fn month_end_policy(app: &TestApp) -> String {
    let sr = app.as_user(Demo::SeniorAgent).await;
    let res = sr
        .post_json(
            "/api/v1/policyholders",
            &json!({"user": {"phone_number": "9876500321", "first_name": "Lata"}}).to_string(),
        )
        .await;
    let holder = res.json()["policyholder_id"].as_str().unwrap().to_owned();
    let mut body = policy_body(&holder);
    body["application_date"] = json!("2026-01-20");
    body["start_date"] = json!("2026-01-31");
    let res = sr.post_json("/api/v1/policies", &body.to_string()).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let id = res.json()["policy_id"].as_str().unwrap().to_owned();
    assert_eq!(
        sr.post_json(&format!("/api/v1/policies/{id}/submit"), "")
            .await
            .status,
        200
    );
    let pa = app.as_user(Demo::ProviderAdmin).await;
    for step in ["approve", "activate"] {
        assert_eq!(
            pa.post_json(&format!("/api/v1/policies/{id}/{step}"), "")
                .await
                .status,
            200
        );
    }
    id
}

fn premium(reference: &str) -> String {
    json!({"amount": 12500.5, "payment_method": "upi", "reference": reference}).to_string()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_premium_moves_the_counters_and_the_due_date_by_calendar_months(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let id = month_end_policy(&app).await;
    let sr = app.as_user(Demo::SeniorAgent).await;
    let path = format!("/api/v1/policies/{id}/premiums");
    assert_eq!(
        policy_row(&app, &id).await.1.unwrap().to_string(),
        "2026-01-31"
    );
    let res = sr.post_json(&path, &premium("RCPT-1")).await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(res.json()["amount"], 12500.5);
    assert_eq!(res.json()["due_date"], "2026-01-31");
    let (paid, next, outstanding, _) = policy_row(&app, &id).await;
    assert_eq!(
        (paid, next.unwrap().to_string(), outstanding),
        (1, "2026-02-28".into(), 0.0)
    );
    // The anchor day comes back after a short month.
    assert_eq!(sr.post_json(&path, &premium("RCPT-2")).await.status, 201);
    assert_eq!(
        policy_row(&app, &id).await.1.unwrap().to_string(),
        "2026-03-31"
    );
    // History, newest first, with the receipt as the transaction id.
    let history = sr.get(&path).await.json();
    assert_eq!(history["premiums"][0]["transaction_id"], "RCPT-2");
    assert_eq!(history["premiums"].as_array().unwrap().len(), 2);
    assert_eq!(audit_count(&app, "premium.recorded", &id).await, 2);
    // The same receipt again is refused and counts nothing.
    let res = sr.post_json(&path, &premium("rcpt-2")).await;
    assert_eq!(res.status, 409, "{}", res.text());
    assert!(res.json()["fields"]["reference"].is_array());
    assert_eq!(policy_row(&app, &id).await.0, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_same_receipt_sent_twice_at_once_is_recorded_once(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let id = month_end_policy(&app).await;
    let path = format!("/api/v1/policies/{id}/premiums");
    let (a, b) = (
        app.as_user(Demo::SeniorAgent).await,
        app.as_user(Demo::SuperAdmin).await,
    );
    let body = premium("RCPT-RACE");
    let (x, y) = tokio::join!(a.post_json(&path, &body), b.post_json(&path, &body));
    let mut statuses = [x.status.as_u16(), y.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [201, 409], "{} / {}", x.text(), y.text());
    assert_eq!(policy_row(&app, &id).await.0, 1);
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM premium_payments WHERE policy_id = $1::uuid")
            .bind(&id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(rows, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn premiums_need_a_policy_that_takes_them_and_a_recorder_who_may(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // The junior agent lacks payments.create (SPEC §2.4).
    let res = app
        .as_user(Demo::Agent)
        .await
        .post_json(
            &format!("/api/v1/policies/{POL001001}/premiums"),
            &premium("R1"),
        )
        .await;
    assert_eq!(res.status, 403);
    // A draft takes no premium: 409 naming its state.
    let res = write_policy(&app, &policy_body(CUST001)).await;
    let draft = res.json()["policy_id"].as_str().unwrap().to_owned();
    let sa = app.as_user(Demo::SuperAdmin).await;
    let res = sa
        .post_json(
            &format!("/api/v1/policies/{draft}/premiums"),
            &premium("R1"),
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(res.json()["detail"].as_str().unwrap().contains("draft"));
    // Bad input: every field named.
    let res = sa
        .post_json(
            &format!("/api/v1/policies/{POL001001}/premiums"),
            &json!({"amount": -5, "payment_date": day(2), "payment_method": "barter"}).to_string(),
        )
        .await;
    assert_eq!(res.status, 422);
    for f in ["amount", "payment_date", "payment_method", "reference"] {
        assert!(res.json()["fields"][f].is_array(), "{f}: {}", res.text());
    }
    // A customer records a premium on their own policy, and on no one else's.
    let ph = app.as_user(Demo::Policyholder).await;
    assert_eq!(
        ph.post_json(
            &format!("/api/v1/policies/{POLJR0001}/premiums"),
            &premium("UPI-77")
        )
        .await
        .status,
        201
    );
    assert_eq!(
        ph.post_json(
            &format!("/api/v1/policies/{POL001001}/premiums"),
            &premium("UPI-78")
        )
        .await
        .status,
        404
    );
}
