//! The renewal queue: buckets derived from due dates (SQL and Rust agree on
//! every boundary), one-tap SMS and WhatsApp reminders at most once a day, the
//! bulk reminder, and the lapse job run twice and on two instances at once.

use super::*;
use app::agents::server::scope::AgentScope;
use app::customers::server::scope::Book;
use app::policies::types::{Bucket, Frequency, RenewalQuery, Standing, DUE_SOON_DAYS};
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_queue_has_a_row_in_every_bucket(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let q = app
        .as_user(Demo::Agent)
        .await
        .get("/api/v1/policies/renewals")
        .await;
    assert_eq!(q.status, 200, "{}", q.text());
    let q = q.json();
    for b in ["due_soon", "in_grace", "revivable", "lapsed"] {
        assert!(q["counts"][b].as_i64().unwrap() >= 1, "{b}: {q}");
        assert!(
            q["renewals"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["bucket"] == b),
            "{b} row: {q}"
        );
    }
    // Most urgent first: the earliest due date leads.
    let days: Vec<i64> = q["renewals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["days_to_due"].as_i64().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    // One bucket alone.
    let grace = app
        .as_user(Demo::Agent)
        .await
        .get("/api/v1/policies/renewals?bucket=in_grace")
        .await
        .json();
    assert!(grace["renewals"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["bucket"] == "in_grace"));
    // Another agent's queue does not hold the demo agent's policies.
    let sr = app
        .as_user(Demo::SeniorAgent)
        .await
        .get("/api/v1/policies/renewals")
        .await
        .json();
    assert_eq!(sr["renewals"], json!([]));
}

/// Every due date from 70 days overdue to 40 ahead, monthly and annual, on the
/// policy of an agent with no other: the SQL bucket is the Rust `Standing`'s.
#[sqlx::test(migrations = "../migrations")]
async fn sql_buckets_agree_with_the_pure_rules_at_every_boundary(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let today = today();
    let agent: uuid::Uuid = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04".parse().unwrap();
    let q = RenewalQuery {
        agent_id: Some(agent),
        ..Default::default()
    };
    let mut conn = app.pool.acquire().await.unwrap();
    for (freq, name) in [
        (Frequency::Monthly, "monthly"),
        (Frequency::Annual, "annual"),
    ] {
        for offset in (-70..=40).chain([-1826, -1827, -1828]) {
            let due = today + chrono::Duration::days(offset);
            sqlx::query("UPDATE insurance_policies SET next_payment_date = $1, premium_frequency = $2 WHERE policy_id = $3::uuid")
                .bind(due)
                .bind(name)
                .bind(POLJR0001)
                .execute(&mut *conn)
                .await
                .unwrap();
            let c = app::policies::server::repo::bucket_counts(
                &mut conn,
                Book::Agents(AgentScope::All),
                &q,
                today,
            )
            .await
            .unwrap();
            let got = [
                (c.due_soon, Bucket::DueSoon),
                (c.in_grace, Bucket::InGrace),
                (c.revivable, Bucket::Revivable),
                (c.lapsed, Bucket::Lapsed),
            ]
            .into_iter()
            .find(|(n, _)| *n == 1)
            .map(|(_, b)| b);
            let want = Standing::of(due, freq, today, DUE_SOON_DAYS).bucket();
            assert_eq!(got, want, "{name} due {due} (offset {offset})");
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn one_tap_reminders_go_once_a_day_in_the_customers_language(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent = app.as_user(Demo::Agent).await;
    // POL001005 is CUST001's (English) in-grace policy; POL001006 CUST002's (Hindi).
    let grace = "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a08";
    let res = agent
        .post_json(&format!("/api/v1/policies/{grace}/reminders"), "{}")
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(res.json()["channel"], "sms");
    let (phone, body): (String, String) = sqlx::query_as(
        "SELECT phone_number, body FROM sms_outbox WHERE template_id = 'premium_reminder' ORDER BY created_at DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(phone, "+919876543211");
    assert!(
        body.contains("POL001005") && body.contains("₹9,800"),
        "{body}"
    );
    // Again within 24 hours: refused, with when the next may go.
    let again = agent
        .post_json(
            &format!("/api/v1/policies/{grace}/reminders"),
            r#"{"channel":"whatsapp"}"#,
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.text());
    assert!(again.text().contains("24 hours"));
    assert_eq!(audit_count(&app, "premium.reminder_sent", grace).await, 1);
    // The row shows it.
    let q = agent
        .get("/api/v1/policies/renewals?bucket=in_grace")
        .await
        .json();
    let row = q["renewals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["policy_id"] == grace)
        .unwrap()
        .clone();
    assert_eq!(row["last_reminder_channel"], "sms");

    // WhatsApp: a wa.me link with the Hindi text filled in; logged as a reminder.
    let revivable = "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a09";
    let res = agent
        .post_json(
            &format!("/api/v1/policies/{revivable}/reminders"),
            r#"{"channel":"whatsapp"}"#,
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let sent = res.json();
    assert!(
        sent["whatsapp_url"]
            .as_str()
            .unwrap()
            .starts_with("https://wa.me/919876543230?text="),
        "{sent}"
    );
    assert!(sent["text"].as_str().unwrap().starts_with("प्रिय"), "{sent}");
    // Someone else's policy: not found; nothing due: 409.
    let sr = app.as_user(Demo::SeniorAgent).await;
    assert_eq!(
        sr.post_json(&format!("/api/v1/policies/{grace}/reminders"), "{}")
            .await
            .status,
        404
    );
    let res = agent
        .post_json(&format!("/api/v1/policies/{POL001003}/reminders"), "{}")
        .await;
    assert_eq!(
        res.status,
        409,
        "an approved policy is not on the books yet: {}",
        res.text()
    );
}

/// Polls a run of reminders until it stops running; its last state.
async fn settled(agent: &crate::demo::AsUser<'_>, run: &serde_json::Value) -> serde_json::Value {
    let path = format!(
        "/api/v1/policies/renewals/runs/{}",
        run["run_id"].as_str().unwrap()
    );
    for _ in 0..200 {
        let res = agent.get(&path).await;
        assert_eq!(res.status, 200, "{}", res.text());
        let run = res.json();
        if run["status"] != "running" {
            return run;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the run did not finish in 10 s");
}

#[sqlx::test(migrations = "../migrations")]
async fn remind_all_in_grace_runs_as_a_job_and_skips_the_ones_reminded_today(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent = app.as_user(Demo::Agent).await;
    let res = agent
        .post_json(
            "/api/v1/policies/renewals/remind",
            r#"{"bucket":"in_grace"}"#,
        )
        .await;
    assert_eq!(res.status, 202, "{}", res.text());
    let started = res.json();
    let total = started["total"].as_i64().unwrap();
    assert!(total >= 1, "{started}");
    let first = settled(&agent, &started).await;
    assert_eq!(first["status"], "done", "{first}");
    let sent = first["sent"].as_i64().unwrap();
    assert!(sent >= 1, "{first}");
    assert_eq!(sent + first["skipped"].as_i64().unwrap(), total, "{first}");
    assert_eq!(
        audit_count(
            &app,
            "premium.reminders_started",
            started["run_id"].as_str().unwrap()
        )
        .await,
        1
    );
    let outbox: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sms_outbox WHERE template_id = 'premium_reminder'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(outbox, sent, "one SMS per reminder sent");

    // Again: everyone was reminded today, so nobody is sent twice.
    let res = agent
        .post_json("/api/v1/policies/renewals/remind", "{}")
        .await;
    assert_eq!(res.status, 202, "{}", res.text());
    let second = settled(&agent, &res.json()).await;
    assert_eq!(second["sent"], 0, "{second}");
    assert_eq!(second["skipped"].as_i64().unwrap(), total, "{second}");

    // The run's page renders its bar on the server; a run is its starter's only.
    let path = format!("/agent/renewals/run/{}", first["run_id"].as_str().unwrap());
    let html = agent.get(&path).await.text();
    assert!(
        html.contains(r#"role="progressbar""#) && html.contains(r#"aria-valuenow="100""#),
        "{html}"
    );
    assert!(html.contains(&format!("{sent} reminders sent")), "{html}");
    let other = app.as_user(Demo::ProviderAdmin).await;
    let res = other
        .get(&format!(
            "/api/v1/policies/renewals/runs/{}",
            first["run_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(res.status, 404, "{}", res.text());
    // A bucket that is not one is a field error.
    let res = agent
        .post_json("/api/v1/policies/renewals/remind", r#"{"bucket":"paid"}"#)
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_second_tap_finds_the_run_going_and_a_stopped_run_reads_as_failed(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent = app.as_user(Demo::Agent).await;
    // A run left running by a server that stopped two minutes ago.
    let stale: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO reminder_runs (started_by, bucket, total, updated_at)
         VALUES ($1, 'in_grace', 5, now() - interval '3 minutes') RETURNING run_id",
    )
    .bind(Demo::Agent.user_id())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let res = agent
        .get(&format!("/api/v1/policies/renewals/runs/{stale}"))
        .await;
    assert_eq!(res.json()["status"], "failed", "{}", res.text());
    // It no longer blocks a new run; two taps at once start one run between them.
    let (a, b) = tokio::join!(
        agent.post_json("/api/v1/policies/renewals/remind", "{}"),
        agent.post_json("/api/v1/policies/renewals/remind", "{}")
    );
    assert_eq!(
        (a.status.as_u16(), b.status.as_u16()),
        (202, 202),
        "{} {}",
        a.text(),
        b.text()
    );
    let (a, b) = (a.json(), b.json());
    assert_ne!(a["run_id"].as_str().unwrap(), stale.to_string());
    settled(&agent, &a).await;
    settled(&agent, &b).await;
    let runs: i64 = sqlx::query_scalar("SELECT count(*) FROM reminder_runs WHERE status = 'done'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let reminders: i64 = sqlx::query_scalar("SELECT count(*) FROM premium_reminders")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let sent: i64 = [&a, &b]
        .iter()
        .map(|r| r["total"].as_i64().unwrap())
        .max()
        .unwrap();
    assert!(
        runs >= 1 && reminders <= sent,
        "{runs} runs, {reminders} reminders, bucket {sent}"
    );
}

async fn overdue(app: &TestApp, ids: &[&str]) {
    for id in ids {
        sqlx::query("UPDATE insurance_policies SET status = 'active', next_payment_date = current_date - 60 WHERE policy_id = $1::uuid")
            .bind(id)
            .execute(&app.pool)
            .await
            .unwrap();
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_lapse_job_is_safe_to_run_twice_and_on_two_instances(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let lapse = app::policies::server::service::lapse_overdue;
    // The seed's own queue has no active policy past grace.
    assert_eq!(lapse(&app.pool, 500).await.unwrap(), 0);
    overdue(&app, &[POL001001]).await;
    assert_eq!(lapse(&app.pool, 500).await.unwrap(), 1);
    assert_eq!(
        lapse(&app.pool, 500).await.unwrap(),
        0,
        "the second run finds nothing"
    );
    assert_eq!(audit_count(&app, "policy.lapsed", POL001001).await, 1);
    let status: String =
        sqlx::query_scalar("SELECT status FROM insurance_policies WHERE policy_id = $1::uuid")
            .bind(POL001001)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(status, "lapsed");

    // Two instances at once, in small batches: every policy lapses exactly once.
    let ids = [
        POLJR0001,
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a07",
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a08",
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a02",
    ];
    overdue(&app, &ids).await;
    let (a, b) = tokio::join!(lapse(&app.pool, 1), lapse(&app.pool, 1));
    assert_eq!(a.unwrap() + b.unwrap(), ids.len() as u64);
    for id in ids {
        assert_eq!(audit_count(&app, "policy.lapsed", id).await, 1, "{id}");
    }
}
