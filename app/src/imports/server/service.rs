//! Importing a book (issue 12). Whose book? The caller's own agent record, or
//! for an admin an agent in their scope. Three steps, each resumable:
//!
//! 1. `check`: the file is read as a stream (one record in memory at a time, on a
//!    blocking thread), each row checked with the forms' own rules, and the valid
//!    rows staged in batches with every row's errors. Nothing is written yet.
//! 2. `run`: the staged rows are written in batches of `BATCH`, each batch one
//!    transaction. A failed batch leaves the batches before it in; `run` again
//!    resumes at the first row not written.
//! 3. `roll_back`: removes everything the job wrote, in one transaction.
//!
//! The job's state lives in Postgres, so the page's progress bar survives a
//! reload, and a restart mid-import resumes where it stopped.

use super::repo;
use crate::access::Permission;
use crate::agents::server::scope::AgentScope;
use crate::audit::{self, Event};
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::imports::csv::Reader;
use crate::imports::types::*;
use sqlx::PgPool;
use std::collections::HashSet;
use std::path::Path;
use uuid::Uuid;

/// Rows per staging and writing batch.
pub const BATCH: usize = 1000;
/// The largest file accepted: about 300,000 rows of the template.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

fn not_found() -> AppError {
    AppError::NotFound("Import not found".into())
}

/// The agent whose book the caller imports into: their own, or for an admin with
/// `customers.update` reach the agent they name, within their scope.
pub async fn target_agent(ctx: &Ctx, asked: Option<Uuid>) -> AppResult<(Uuid, Uuid, Uuid, String)> {
    ctx.caller
        .require(Permission::CustomersCreate)
        .or_else(|_| ctx.caller.require_reach(Permission::CustomersUpdate))?;
    let scope = AgentScope::reaching(&ctx.caller, Permission::CustomersUpdate);
    let agent = match (asked, ctx.caller.agent_id) {
        (Some(a), own) if Some(a) == own => a,
        (Some(a), _) if scope.is_admin() => a,
        (None, Some(own)) => own,
        _ => {
            return Err(AppError::invalid(
                ctx.meta.lang,
                "agent_id",
                crate::customers::text::T::AgentUnknown,
            ))
        }
    };
    let mut conn = ctx.pool().acquire().await?;
    if Some(agent) != ctx.caller.agent_id
        && crate::agents::server::repo::profile(&mut conn, scope, agent)
            .await?
            .is_none()
    {
        return Err(AppError::invalid(
            ctx.meta.lang,
            "agent_id",
            crate::customers::text::T::AgentUnknown,
        ));
    }
    let row: Option<(Uuid, Option<Uuid>, Option<String>)> = sqlx::query_as(
        "SELECT a.tenant_id, a.provider_id, p.provider_code FROM agents a
           LEFT JOIN insurance_providers p ON p.provider_id = a.provider_id WHERE a.agent_id = $1",
    )
    .bind(agent)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some((tenant, Some(provider), Some(code))) => Ok((agent, tenant, provider, code)),
        _ => Err(AppError::invalid(
            ctx.meta.lang,
            "agent_id",
            crate::customers::text::T::NotAnActiveAgent,
        )),
    }
}

/// A job the caller may see: their own agent's, or one in their admin scope.
pub async fn job(ctx: &Ctx, id: Uuid) -> AppResult<Job> {
    let mut conn = ctx.pool().acquire().await?;
    let (tenant, agent) = repo::owner(&mut conn, id).await?.ok_or_else(not_found)?;
    let mine = ctx.caller.agent_id == Some(agent);
    let scope = AgentScope::reaching(&ctx.caller, Permission::CustomersUpdate);
    let in_scope = match scope {
        AgentScope::All => true,
        AgentScope::Tenant(t) => t == tenant,
        AgentScope::Subtree { .. } => crate::agents::server::repo::profile(&mut conn, scope, agent)
            .await?
            .is_some(),
        _ => false,
    };
    if !(mine || in_scope) {
        return Err(not_found());
    }
    repo::job(&mut conn, id).await?.ok_or_else(not_found)
}

pub async fn errors(ctx: &Ctx, id: Uuid, limit: i64) -> AppResult<Vec<RowError>> {
    job(ctx, id).await?;
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::errors(&mut conn, id, limit).await?)
}

/// The caller's own agent's recent jobs.
pub async fn recent(ctx: &Ctx) -> AppResult<Vec<Job>> {
    let Some(agent) = ctx.caller.agent_id else {
        return Ok(Vec::new());
    };
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::recent(&mut conn, agent).await?)
}

/// Creates the job for an uploaded file (already on disk).
pub async fn start(ctx: &Ctx, agent: Uuid, tenant: Uuid, file_name: &str) -> AppResult<Uuid> {
    let mut tx = ctx.pool().begin().await?;
    let id = repo::create(&mut tx, tenant, agent, ctx.caller.user_id, file_name).await?;
    audit::record_change(
        &mut tx,
        ctx,
        Event::ImportStarted,
        "import",
        id,
        serde_json::json!({"agent_id": agent, "file_name": file_name}),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Reads and checks the file at `path` into job `id`. The file is read on a
/// blocking thread, a batch at a time; a bounded channel keeps at most two batches
/// in memory while the async side checks them against the database and stages them.
pub async fn check(pool: &PgPool, id: Uuid, path: &Path, lang: crate::i18n::Lang) -> AppResult<()> {
    let mut conn = pool.acquire().await?;
    let (tenant, agent) = repo::owner(&mut conn, id).await?.ok_or_else(not_found)?;
    let code: String = sqlx::query_scalar(
        "SELECT coalesce(p.provider_code, '') FROM agents a
           LEFT JOIN insurance_providers p ON p.provider_id = a.provider_id WHERE a.agent_id = $1",
    )
    .bind(agent)
    .fetch_one(&mut *conn)
    .await?;
    drop(conn);
    let today = crate::policies::server::service::today();
    let (send, mut receive) = tokio::sync::mpsc::channel::<Batch>(2);
    let file = std::fs::File::open(path).map_err(|e| AppError::internal("import file", e))?;
    let reader = tokio::task::spawn_blocking(move || read_file(file, lang, today, &code, send));
    let mut seen_numbers = HashSet::new();
    let mut read = 0;
    while let Some(batch) = receive.recv().await {
        read = batch.read;
        let (mut rows, mut errors) = (batch.rows, batch.errors);
        let mut conn = pool.acquire().await?;
        let (phones, numbers, emails) = repo::conflicts(&mut conn, tenant, agent, &rows).await?;
        let (phones, numbers, emails): (HashSet<_>, HashSet<_>, HashSet<_>) = (
            phones.into_iter().collect(),
            numbers.into_iter().collect(),
            emails.into_iter().collect(),
        );
        rows.retain(|(n, r)| {
            let mut problem = |field: &str, message: &str| {
                errors.push(RowError {
                    row: *n,
                    field: field.into(),
                    message: message.into(),
                });
                false
            };
            if phones.contains(&r.phone_number) {
                return problem(
                    "phone_number",
                    "This mobile number is another agent's customer.",
                );
            }
            if let Some(number) = &r.policy_number {
                if numbers.contains(number) || !seen_numbers.insert(number.clone()) {
                    return problem("policy_number", "Policy number already exists.");
                }
            }
            if r.email
                .as_ref()
                .is_some_and(|e| emails.contains(&e.to_lowercase()))
            {
                return problem("email", "This email belongs to another account.");
            }
            true
        });
        errors.sort_by_key(|e| e.row);
        drop(conn);
        let mut tx = pool.begin().await?;
        repo::stage(&mut tx, id, read, &rows, &errors).await?;
        tx.commit().await?;
    }
    let outcome = reader
        .await
        .map_err(|e| AppError::internal("import reader", e))?;
    let mut conn = pool.acquire().await?;
    if let Err(header) = outcome {
        repo::stage(&mut conn, id, read, &[], &header).await?;
    }
    repo::set_status(&mut conn, id, JobStatus::Ready, None).await?;
    Ok(())
}

struct Batch {
    read: i32,
    rows: Vec<(i64, BookRow)>,
    errors: Vec<RowError>,
}

/// The blocking half of `check`: the header, then each row, a batch at a time.
/// `Err` is a header that cannot be imported.
fn read_file(
    file: std::fs::File,
    lang: crate::i18n::Lang,
    today: chrono::NaiveDate,
    provider_code: &str,
    send: tokio::sync::mpsc::Sender<Batch>,
) -> Result<(), Vec<RowError>> {
    let io = |e: std::io::Error| {
        vec![RowError {
            row: 0,
            field: "file".into(),
            message: format!("The file could not be read as text: {e}"),
        }]
    };
    let mut reader = Reader::new(std::io::BufReader::new(file));
    let header = reader.record().map_err(io)?.unwrap_or_default();
    let at = columns(&header)?;
    let mut batch = Batch {
        read: 0,
        rows: Vec::with_capacity(BATCH),
        errors: Vec::new(),
    };
    let mut n: i64 = 0;
    while let Some(cells) = reader.record().map_err(io)? {
        n += 1;
        match check_row(&cells, &at, n, lang, today, provider_code) {
            Ok(row) => batch.rows.push((n, row)),
            Err(errors) => batch.errors.extend(errors),
        }
        if batch.rows.len() + batch.errors.len() >= BATCH {
            batch.read = n as i32;
            let full = std::mem::replace(
                &mut batch,
                Batch {
                    read: 0,
                    rows: Vec::with_capacity(BATCH),
                    errors: Vec::new(),
                },
            );
            if send.blocking_send(full).is_err() {
                return Ok(());
            }
        }
    }
    batch.read = n as i32;
    let _ = send.blocking_send(batch);
    Ok(())
}

/// Writes the staged rows of a ready (or failed, or rolled-back) job, a batch per
/// transaction. Safe to call again: it resumes at the first row not written, and
/// two runners at once take different batches.
pub async fn run(pool: &PgPool, id: Uuid, by: Uuid) -> AppResult<Job> {
    let mut conn = pool.acquire().await?;
    let job = repo::job(&mut conn, id).await?.ok_or_else(not_found)?;
    if matches!(job.status, JobStatus::Checking | JobStatus::Done) {
        return Err(AppError::Conflict(format!(
            "This import cannot run now: it is {}",
            job.status
        )));
    }
    let (tenant, agent) = repo::owner(&mut conn, id).await?.ok_or_else(not_found)?;
    let provider: Uuid = sqlx::query_scalar("SELECT provider_id FROM agents WHERE agent_id = $1")
        .bind(agent)
        .fetch_one(&mut *conn)
        .await?;
    repo::set_status(&mut conn, id, JobStatus::Importing, None).await?;
    drop(conn);
    let hash = crate::credentials::argon2id::unusable().await?;
    loop {
        let mut tx = pool.begin().await?;
        let batch = repo::next_batch(&mut tx, id, BATCH as i64).await?;
        if batch.is_empty() {
            break;
        }
        let numbers: Vec<i32> = batch.iter().map(|(n, _)| *n).collect();
        let rows = serde_json::Value::Array(batch.into_iter().map(|(_, d)| d).collect());
        let written =
            repo::write_batch(&mut tx, id, tenant, agent, provider, by, hash, &rows).await;
        let failure = match written {
            Ok(n) if n as usize == numbers.len() => None,
            Ok(n) => Some(format!("Rows {} to {}: {} of {} policies could be written (a customer number or an account is taken).", numbers[0], numbers[numbers.len() - 1], n, numbers.len())),
            Err(e) => {
                tracing::warn!(error = %e, job = %id, "import batch failed");
                Some(format!("Rows {} to {} could not be written: {}", numbers[0], numbers[numbers.len() - 1], describe(&e)))
            }
        };
        if let Some(failure) = failure {
            drop(tx);
            let mut conn = pool.acquire().await?;
            repo::set_status(&mut conn, id, JobStatus::Failed, Some(&failure)).await?;
            return repo::job(&mut conn, id).await?.ok_or_else(not_found);
        }
        repo::mark_written(&mut tx, id, &numbers).await?;
        tx.commit().await?;
    }
    let mut tx = pool.begin().await?;
    repo::set_status(&mut tx, id, JobStatus::Done, None).await?;
    let job = repo::job(&mut tx, id).await?.ok_or_else(not_found)?;
    let e = audit::Entry::new(Event::ImportFinished)
        .tenant(tenant)
        .on("import", id)
        .details(serde_json::json!({"imported_rows": job.imported_rows, "by": by}));
    audit::record(
        &mut tx,
        &crate::auth::server::guard::RequestMeta::system(),
        e,
    )
    .await?;
    tx.commit().await?;
    Ok(job)
}

/// What a failed batch tells the person importing: which rule, never the SQL.
fn describe(e: &sqlx::Error) -> &'static str {
    match e {
        sqlx::Error::Database(db) => match db.constraint() {
            Some("insurance_policies_policy_number_key") => "a policy number is already in use",
            Some("users_email_key" | "users_email_lower_key") => {
                "an email belongs to another account"
            }
            Some("policyholders_customer_id_key") => "a customer id is already in use",
            _ => "a row breaks a rule of the book",
        },
        _ => "the database did not answer",
    }
}

/// Removes everything job `id` wrote, as one transaction, and audits it.
pub async fn roll_back(ctx: &Ctx, id: Uuid) -> AppResult<Job> {
    let j = job(ctx, id).await?;
    if j.status == JobStatus::Importing {
        return Err(AppError::Conflict(
            "This import is running: wait for it to stop".into(),
        ));
    }
    let mut tx = ctx.pool().begin().await?;
    repo::roll_back(&mut tx, id).await.map_err(|e| match &e {
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => AppError::Conflict(
            "Premiums or reminders were recorded on these policies since: they can no longer be rolled back".into(),
        ),
        _ => AppError::from(e),
    })?;
    audit::record_change(
        &mut tx,
        ctx,
        Event::ImportFinished,
        "import",
        id,
        serde_json::json!({"rolled_back": true}),
    )
    .await?;
    let j = repo::job(&mut tx, id).await?.ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(j)
}
