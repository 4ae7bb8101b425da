//! Importing a book: bad rows are reported per row and column and nothing of
//! them is written; 10,000 rows go in, in batches; a batch that fails leaves the
//! ones before it, the import resumes where it stopped, and a rollback removes it
//! whole (the agent's counters follow).

use super::*;
use app::imports::server::service;
use app::imports::types::{JobStatus, COLUMNS};
use sqlx::PgPool;

const AGENT001: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

fn header() -> String {
    app::imports::csv::line(COLUMNS)
}

/// Row `i` of a generated book: a phone, a 9-digit LIC number, an annual plan.
fn book_row(i: u32) -> String {
    format!(
        "{},Cust{i},Test,,,en,{},endowment,LIC Jeevan Labh,936,life,500000,{},yearly,2024-01-0{},2024-01-10,,,active,\r\n",
        9_100_000_000u64 + i as u64,
        100_000_000 + i,
        1000 + i % 50,
        1 + i % 9,
    )
}

async fn job_for(app: &TestApp, text: &str) -> uuid::Uuid {
    let path = std::env::temp_dir().join(format!("import-test-{}.csv", uuid::Uuid::new_v4()));
    std::fs::write(&path, text).unwrap();
    let tenant = uuid::Uuid::nil();
    let id: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO import_jobs (tenant_id, agent_id, created_by, file_name)
         VALUES ($1, $2::uuid, $3, 'book.csv') RETURNING job_id",
    )
    .bind(tenant)
    .bind(AGENT001)
    .bind(Demo::Agent.user_id())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    service::check(&app.pool, id, &path, app::i18n::Lang::En)
        .await
        .unwrap();
    std::fs::remove_file(&path).ok();
    id
}

async fn policies_of(app: &TestApp, job: uuid::Uuid) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM insurance_policies WHERE import_job_id = $1")
        .bind(job)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn sold(app: &TestApp) -> i32 {
    sqlx::query_scalar("SELECT total_policies_sold FROM agents WHERE agent_id = $1::uuid")
        .bind(AGENT001)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_bad_row_is_reported_and_the_good_ones_go_in(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let mut text = header();
    text.push_str(&book_row(1));
    text.push_str(
        "12345,,,,,,ABC,term_life,,,motor,0,10,weekly,2030-01-01,2024-01-01,,,active,\r\n",
    );
    text.push_str(&book_row(3));
    // The same phone twice is one customer with two policies.
    text.push_str(&book_row(3).replace(",100000003,", ",100000903,"));
    let id = job_for(&app, &text).await;
    let job = app::imports::server::repo::job(&mut app.pool.acquire().await.unwrap(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (job.status, job.total_rows, job.valid_rows, job.error_count),
        (JobStatus::Ready, 4, 3, 1)
    );
    let errors =
        app::imports::server::repo::errors(&mut app.pool.acquire().await.unwrap(), id, 100)
            .await
            .unwrap();
    assert!(errors.iter().all(|e| e.row == 2), "{errors:?}");
    for f in [
        "phone_number",
        "first_name",
        "policy_number",
        "category",
        "sum_assured",
        "premium_frequency",
    ] {
        assert!(errors.iter().any(|e| e.field == f), "{f} in {errors:?}");
    }
    assert_eq!(
        policies_of(&app, id).await,
        0,
        "nothing is written before the go-ahead"
    );
    let before = sold(&app).await;
    let done = service::run(&app.pool, id, Demo::Agent.user_id())
        .await
        .unwrap();
    assert_eq!((done.status, done.imported_rows), (JobStatus::Done, 3));
    assert_eq!(policies_of(&app, id).await, 3);
    assert_eq!(sold(&app).await, before + 3);
    let customers: i64 =
        sqlx::query_scalar("SELECT count(*) FROM policyholders WHERE import_job_id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(customers, 2);
    // The agent sees them in their book, with the due date the schedule gives.
    let q = app
        .as_user(Demo::Agent)
        .await
        .get("/api/v1/policies/number/100000001")
        .await
        .json();
    assert_eq!(q["status"], "active");
    assert_eq!(q["premium_frequency"], "annual");
}

#[sqlx::test(migrations = "../migrations")]
async fn ten_thousand_rows_import_in_batches(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let mut text = header();
    for i in 0..10_000 {
        text.push_str(&book_row(i));
    }
    let id = job_for(&app, &text).await;
    let job = service::run(&app.pool, id, Demo::Agent.user_id())
        .await
        .unwrap();
    assert_eq!(
        (
            job.status,
            job.valid_rows,
            job.imported_rows,
            job.error_count
        ),
        (JobStatus::Done, 10_000, 10_000, 0)
    );
    assert_eq!(policies_of(&app, id).await, 10_000);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_failed_import_resumes_where_it_stopped_or_rolls_back_whole(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let before = sold(&app).await;
    let mut text = header();
    for i in 0..2_500 {
        text.push_str(&book_row(i));
    }
    let id = job_for(&app, &text).await;
    // Someone takes row 1,501's policy number after the check: its batch fails.
    sqlx::query("UPDATE insurance_policies SET policy_number = '100001500' WHERE policy_number = 'POL001003'")
        .execute(&app.pool)
        .await
        .unwrap();
    let job = service::run(&app.pool, id, Demo::Agent.user_id())
        .await
        .unwrap();
    assert_eq!(job.status, JobStatus::Failed);
    assert_eq!(job.imported_rows, 1_000, "the first batch stays in");
    assert!(
        job.failure.as_deref().unwrap().contains("policy number"),
        "{job:?}"
    );
    assert_eq!(policies_of(&app, id).await, 1_000);
    // The number is freed; the import resumes at row 1,001.
    sqlx::query("UPDATE insurance_policies SET policy_number = 'POL001003' WHERE policy_number = '100001500'")
        .execute(&app.pool)
        .await
        .unwrap();
    let job = service::run(&app.pool, id, Demo::Agent.user_id())
        .await
        .unwrap();
    assert_eq!((job.status, job.imported_rows), (JobStatus::Done, 2_500));
    assert_eq!(sold(&app).await, before + 2_500);
    // And rolled back, whole: the counters return.
    let res = app
        .as_user(Demo::Agent)
        .await
        .post_json(&format!("/api/v1/imports/{id}/rollback"), "")
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["status"], "rolled_back");
    assert_eq!(policies_of(&app, id).await, 0);
    assert_eq!(sold(&app).await, before);
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE import_job_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(users, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_upload_endpoint_streams_checks_and_writes(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent = app.as_user(Demo::Agent).await;
    let template = agent.get("/api/v1/imports/template.csv").await;
    assert_eq!(template.status, 200);
    assert!(template.text().starts_with("phone_number,first_name"));
    let res = app
        .upload_file(
            "/api/v1/imports",
            &agent.token,
            "file",
            "book.csv",
            "text/csv",
            template.text().as_bytes(),
        )
        .await;
    assert_eq!(res.status, 202, "{}", res.text());
    let id = res.json()["job_id"].as_str().unwrap().to_owned();
    let job = wait_for_job(&agent, &id, "ready").await;
    assert_eq!(job["valid_rows"], 2, "{job}");
    assert_eq!(
        agent
            .post_json(&format!("/api/v1/imports/{id}/run"), "")
            .await
            .status,
        202
    );
    let job = wait_for_job(&agent, &id, "done").await;
    assert_eq!(job["imported_rows"], 2);
    // Another agent does not see it; the errors CSV has its header.
    assert_eq!(
        app.as_user(Demo::SeniorAgent)
            .await
            .get(&format!("/api/v1/imports/{id}"))
            .await
            .status,
        404
    );
    let csv = agent
        .get(&format!("/api/v1/imports/{id}/errors.csv"))
        .await
        .text();
    assert!(csv.starts_with("row,column,problem"));
}
