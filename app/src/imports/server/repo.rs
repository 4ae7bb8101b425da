//! Import SQL: the job row, staging checked rows in batches, and writing a batch
//! of the book in a few set-based statements (users, customers, policies).

use crate::imports::types::{BookRow, Job, JobStatus, RowError};
use sqlx::PgConnection;
use uuid::Uuid;

const JOB: &str =
    "SELECT job_id, agent_id, file_name, status, total_rows, valid_rows, imported_rows,
        error_count, failure, created_at, updated_at FROM import_jobs";

pub async fn create(
    conn: &mut PgConnection,
    tenant: Uuid,
    agent: Uuid,
    by: Uuid,
    file_name: &str,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO import_jobs (tenant_id, agent_id, created_by, file_name) VALUES ($1, $2, $3, $4)
         RETURNING job_id",
    )
    .bind(tenant)
    .bind(agent)
    .bind(by)
    .bind(file_name)
    .fetch_one(conn)
    .await
}

pub async fn job(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Job>> {
    sqlx::query_as(&format!("{JOB} WHERE job_id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// The job's tenant and owner, for the scope check.
pub async fn owner(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<(Uuid, Uuid)>> {
    sqlx::query_as("SELECT tenant_id, agent_id FROM import_jobs WHERE job_id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// An agent's recent jobs, newest first.
pub async fn recent(conn: &mut PgConnection, agent: Uuid) -> sqlx::Result<Vec<Job>> {
    sqlx::query_as(&format!(
        "{JOB} WHERE agent_id = $1 ORDER BY created_at DESC LIMIT 10"
    ))
    .bind(agent)
    .fetch_all(conn)
    .await
}

pub async fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: JobStatus,
    failure: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE import_jobs SET status = $2, failure = $3, updated_at = now() WHERE job_id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(failure)
    .execute(conn)
    .await?;
    Ok(())
}

/// Stages one batch: its valid rows, its errors and the running counts.
pub async fn stage(
    conn: &mut PgConnection,
    id: Uuid,
    read: i32,
    rows: &[(i64, BookRow)],
    errors: &[RowError],
) -> sqlx::Result<()> {
    let numbers: Vec<i32> = rows.iter().map(|(n, _)| *n as i32).collect();
    let data: Vec<serde_json::Value> = rows
        .iter()
        .map(|(_, r)| serde_json::to_value(r).unwrap_or_default())
        .collect();
    sqlx::query(
        "INSERT INTO import_rows (job_id, row_number, data)
         SELECT $1, n, d FROM unnest($2::int4[], $3::jsonb[]) AS t(n, d)",
    )
    .bind(id)
    .bind(&numbers)
    .bind(&data)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO import_errors (job_id, row_number, field, message)
         SELECT $1, n, f, m FROM unnest($2::int4[], $3::text[], $4::text[]) AS t(n, f, m)",
    )
    .bind(id)
    .bind(errors.iter().map(|e| e.row as i32).collect::<Vec<_>>())
    .bind(errors.iter().map(|e| e.field.clone()).collect::<Vec<_>>())
    .bind(errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>())
    .execute(&mut *conn)
    .await?;
    let bad_rows = errors
        .iter()
        .map(|e| e.row)
        .collect::<std::collections::BTreeSet<_>>()
        .len() as i32;
    sqlx::query(
        "UPDATE import_jobs SET total_rows = $2, valid_rows = valid_rows + $3,
                error_count = error_count + $4, updated_at = now() WHERE job_id = $1",
    )
    .bind(id)
    .bind(read)
    .bind(rows.len() as i32)
    .bind(bad_rows)
    .execute(conn)
    .await?;
    Ok(())
}

/// Of these phones and policy numbers, the ones the import may not use: a phone
/// that is another agent's (or another tenant's) customer, a policy number
/// already taken, an email that belongs to someone with another phone.
pub async fn conflicts(
    conn: &mut PgConnection,
    tenant: Uuid,
    agent: Uuid,
    rows: &[(i64, BookRow)],
) -> sqlx::Result<(Vec<String>, Vec<String>, Vec<String>)> {
    let phones: Vec<&str> = rows.iter().map(|(_, r)| r.phone_number.as_str()).collect();
    let numbers: Vec<&str> = rows
        .iter()
        .filter_map(|(_, r)| r.policy_number.as_deref())
        .collect();
    let emails: Vec<String> = rows
        .iter()
        .map(|(_, r)| r.email.clone().unwrap_or_default())
        .collect();
    let taken_phones: Vec<String> = sqlx::query_scalar(
        "SELECT u.phone_number FROM users u LEFT JOIN policyholders p ON p.user_id = u.user_id
          WHERE u.phone_number = ANY($1)
            AND (u.tenant_id <> $2 OR (p.agent_id IS NOT NULL AND p.agent_id <> $3))",
    )
    .bind(&phones)
    .bind(tenant)
    .bind(agent)
    .fetch_all(&mut *conn)
    .await?;
    let taken_numbers: Vec<String> = sqlx::query_scalar(
        "SELECT policy_number FROM insurance_policies WHERE policy_number = ANY($1)",
    )
    .bind(&numbers)
    .fetch_all(&mut *conn)
    .await?;
    let taken_emails: Vec<String> = sqlx::query_scalar(
        "SELECT lower(u.email) FROM users u
           JOIN unnest($1::text[], $2::text[]) AS t(phone, email) ON lower(u.email) = lower(t.email)
          WHERE t.email <> '' AND u.phone_number IS DISTINCT FROM t.phone",
    )
    .bind(&phones)
    .bind(&emails)
    .fetch_all(conn)
    .await?;
    Ok((taken_phones, taken_numbers, taken_emails))
}

/// Errors of a job, in row order (at most `limit`).
pub async fn errors(conn: &mut PgConnection, id: Uuid, limit: i64) -> sqlx::Result<Vec<RowError>> {
    sqlx::query_as::<_, (i32, String, String)>(
        "SELECT row_number, field, message FROM import_errors WHERE job_id = $1
          ORDER BY row_number, field LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await
    .map(|rows| {
        rows.into_iter()
            .map(|(row, field, message)| RowError {
                row: row as i64,
                field,
                message,
            })
            .collect()
    })
}

/// The next batch of rows not yet written, locked (another runner skips them).
pub async fn next_batch(
    conn: &mut PgConnection,
    id: Uuid,
    size: i64,
) -> sqlx::Result<Vec<(i32, serde_json::Value)>> {
    sqlx::query_as(
        "SELECT row_number, data FROM import_rows WHERE job_id = $1 AND NOT imported
          ORDER BY row_number LIMIT $2 FOR UPDATE SKIP LOCKED",
    )
    .bind(id)
    .bind(size)
    .fetch_all(conn)
    .await
}

/// The record type of a staged row, for `jsonb_to_recordset`.
const RECORD: &str = "r(phone_number text, first_name text, last_name text, email text,
    customer_id text, preferred_language text, policy_number text, policy_type text,
    plan_name text, plan_code text, category text, sum_assured numeric, premium_amount numeric,
    premium_frequency text, application_date date, start_date date, maturity_date date,
    next_due_date date, status text, nominee_name text)";

/// Writes one batch: the users who are new (by phone), the customers who are new
/// (for this agent), then one policy per row. Returns the policies written.
#[allow(clippy::too_many_arguments)]
pub async fn write_batch(
    conn: &mut PgConnection,
    job: Uuid,
    tenant: Uuid,
    agent: Uuid,
    provider: Uuid,
    by: Uuid,
    password_hash: &str,
    rows: &serde_json::Value,
) -> sqlx::Result<u64> {
    sqlx::query(&format!(
        "INSERT INTO users (tenant_id, phone_number, email, first_name, last_name, display_name,
                            role, password_hash, created_by, import_job_id, password_changed_at)
         SELECT DISTINCT ON (r.phone_number) $2, r.phone_number, lower(nullif(r.email, '')), r.first_name,
                coalesce(r.last_name, ''), trim(r.first_name || ' ' || coalesce(r.last_name, '')),
                'policyholder', $3, $4, $5, now()
           FROM jsonb_to_recordset($1) AS {RECORD}
         ON CONFLICT (phone_number) DO NOTHING"
    ))
    .bind(rows)
    .bind(tenant)
    .bind(password_hash)
    .bind(by)
    .bind(job)
    .execute(&mut *conn)
    .await?;
    sqlx::query(&format!(
        "INSERT INTO policyholders (tenant_id, user_id, agent_id, customer_id, preferred_language,
                                    nominee_details, import_job_id)
         SELECT DISTINCT ON (u.user_id) $2, u.user_id, $3, upper(nullif(r.customer_id, '')),
                coalesce(nullif(r.preferred_language, ''), 'en'),
                CASE WHEN r.nominee_name IS NOT NULL THEN jsonb_build_object('name', r.nominee_name) END, $4
           FROM jsonb_to_recordset($1) AS {RECORD}
           JOIN users u ON u.phone_number = r.phone_number
         ON CONFLICT (user_id) DO NOTHING"
    ))
    .bind(rows)
    .bind(tenant)
    .bind(agent)
    .bind(job)
    .execute(&mut *conn)
    .await?;
    let written = sqlx::query(&format!(
        "INSERT INTO insurance_policies (tenant_id, policy_number, policyholder_id, agent_id,
             provider_id, policy_type, plan_name, plan_code, category, sum_assured, premium_amount,
             premium_frequency, application_date, start_date, maturity_date, status,
             approval_date, payment_status, next_payment_date, outstanding_amount, created_by,
             import_job_id)
         SELECT $2, coalesce(r.policy_number, 'POL' || lpad(nextval('policy_number_seq')::text, 9, '0')),
                p.policyholder_id, $3, $4, r.policy_type, r.plan_name, r.plan_code, r.category,
                r.sum_assured, r.premium_amount, r.premium_frequency, r.application_date,
                r.start_date, r.maturity_date, r.status,
                CASE WHEN r.status IN ('approved', 'active', 'lapsed') THEN r.start_date END,
                CASE WHEN r.status IN ('active', 'lapsed') THEN 'completed' ELSE 'pending' END,
                r.next_due_date, 0, $5, $6
           FROM jsonb_to_recordset($1) AS {RECORD}
           JOIN users u ON u.phone_number = r.phone_number
           JOIN policyholders p ON p.user_id = u.user_id AND p.agent_id = $3"
    ))
    .bind(rows)
    .bind(tenant)
    .bind(agent)
    .bind(provider)
    .bind(by)
    .bind(job)
    .execute(&mut *conn)
    .await?;
    Ok(written.rows_affected())
}

pub async fn mark_written(conn: &mut PgConnection, job: Uuid, numbers: &[i32]) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE import_rows SET imported = true WHERE job_id = $1 AND row_number = ANY($2)",
    )
    .bind(job)
    .bind(numbers)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE import_jobs SET imported_rows = imported_rows + $2, status = 'importing',
                updated_at = now() WHERE job_id = $1",
    )
    .bind(job)
    .bind(numbers.len() as i32)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes everything the job wrote, in one statement per table.
pub async fn roll_back(conn: &mut PgConnection, job: Uuid) -> sqlx::Result<()> {
    for sql in [
        "DELETE FROM insurance_policies WHERE import_job_id = $1",
        "DELETE FROM policyholders p WHERE p.import_job_id = $1
            AND NOT EXISTS (SELECT 1 FROM insurance_policies ip WHERE ip.policyholder_id = p.policyholder_id)",
        "DELETE FROM users u WHERE u.import_job_id = $1
            AND NOT EXISTS (SELECT 1 FROM policyholders p WHERE p.user_id = u.user_id)",
        "UPDATE import_rows SET imported = false WHERE job_id = $1",
        "UPDATE import_jobs SET imported_rows = 0, status = 'rolled_back', failure = NULL,
                updated_at = now() WHERE job_id = $1",
    ] {
        sqlx::query(sql).bind(job).execute(&mut *conn).await?;
    }
    Ok(())
}
