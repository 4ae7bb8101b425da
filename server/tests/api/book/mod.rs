//! The agent's book through the real router: customers, policies and their
//! lifecycle, premiums, the renewal queue, reminders and the lapse job.

mod customers;
mod imports;
mod pages;
mod policies;
mod premiums;
mod renewals;

use crate::demo::Demo;
use crate::helpers::{TestApp, TestResponse};
use serde_json::{json, Value};

pub const CUST001: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10";
pub const CUST002: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
pub const CUST003: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12";
/// POL001001: AGENT001's active annual term plan for CUST001.
pub const POL001001: &str = "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a01";
/// POL001003: AGENT001's approved child plan.
pub const POL001003: &str = "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a05";
/// POLJR0001: the junior agent's monthly policy for the role-test customer.
pub const POLJR0001: &str = "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a06";

/// Today in India, as the service counts days.
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::minutes(330)).date_naive()
}

pub fn day(offset: i64) -> String {
    (today() + chrono::Duration::days(offset)).to_string()
}

/// A new customer of the demo agent; returns their policyholder id.
pub async fn add_customer(app: &TestApp, phone: &str) -> String {
    let res = app
        .as_user(Demo::Agent)
        .await
        .post_json(
            "/api/v1/policyholders",
            &json!({"user": {"phone_number": phone, "first_name": "Meera", "last_name": "Iyer"},
                    "preferred_language": "hi"})
            .to_string(),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()["policyholder_id"].as_str().unwrap().to_owned()
}

pub fn policy_body(holder: &str) -> Value {
    json!({
        "policyholder_id": holder,
        "policy_type": "term_life",
        "plan_name": "LIC Tech Term",
        "plan_code": "tech954",
        "category": "life",
        "sum_assured": 5000000,
        "premium_amount": 12500.5,
        "premium_frequency": "monthly",
        "application_date": day(-3),
        "start_date": day(0),
        "maturity_date": day(365 * 20),
        "coverage_details": {"riders": ["Accidental Death Benefit"]},
        "nominee_details": {"name": "Ravi Iyer", "relationship": "son"},
    })
}

/// A draft written by the demo agent for `holder`; returns the response.
pub async fn write_policy(app: &TestApp, body: &Value) -> TestResponse {
    app.as_user(Demo::Agent)
        .await
        .post_json("/api/v1/policies", &body.to_string())
        .await
}

pub async fn audit_count(app: &TestApp, event: &str, resource: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM audit_events WHERE event_type = $1 AND resource_id = $2",
    )
    .bind(event)
    .bind(resource)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// Polls an import until it reaches `want` (the checks and the writing run after
/// the answer); returns the job.
pub async fn wait_for_job(who: &crate::demo::AsUser<'_>, id: &str, want: &str) -> Value {
    for _ in 0..200 {
        let job = who.get(&format!("/api/v1/imports/{id}")).await.json();
        if job["status"] == want {
            return job;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("import {id} never became {want}");
}
