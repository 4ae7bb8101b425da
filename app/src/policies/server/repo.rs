//! Policy SQL. Only queries; the rules live in `service.rs`. Every read takes a
//! `Book` and filters by it. Money crosses as whole paise (`money.rs`).

mod premiums;
mod renewals;
mod runs;

pub use premiums::*;
pub use renewals::*;
pub use runs::*;

use crate::customers::server::scope::{Book, BookRows};
use crate::paging::{like_pattern, Cursor, Total};
use crate::policies::types::*;
use chrono::NaiveDate;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use uuid::Uuid;

/// The columns of `Policy`; `ip` the policies chosen, `p`/`hu` the holder,
/// `a`/`au` the agent, `pr` the provider.
const COLUMNS: &str = "SELECT ip.policy_id, ip.tenant_id, ip.policy_number, ip.provider_policy_id,
        ip.policyholder_id, ip.agent_id, ip.provider_id, ip.policy_type, ip.plan_name, ip.plan_code,
        ip.category, (ip.sum_assured * 100)::int8 AS sum_assured,
        (ip.premium_amount * 100)::int8 AS premium_amount, ip.premium_frequency, ip.premium_mode,
        ip.application_date, ip.approval_date, ip.start_date, ip.maturity_date, ip.renewal_date,
        ip.status, ip.sub_status, ip.payment_status, ip.total_payments,
        (ip.outstanding_amount * 100)::int8 AS outstanding_amount, ip.next_payment_date,
        ip.last_payment_date, ip.coverage_details, ip.nominee_details, ip.created_at, ip.updated_at,
        trim(coalesce(hu.first_name, '') || ' ' || coalesce(hu.last_name, '')) AS full_name,
        hu.phone_number, hu.email,
        trim(coalesce(au.first_name, '') || ' ' || coalesce(au.last_name, '')) AS agent_full_name,
        a.agent_code, au.phone_number AS agent_phone, pr.provider_name, pr.provider_code
    FROM (SELECT ip.* FROM insurance_policies ip WHERE true";

/// Closes the inner choice of policies (filtered, ordered and limited on the
/// policies table alone, so an offset skips rows without joining them), then
/// joins who holds, sold and underwrites the few chosen.
const JOINS: &str = ") ip
    JOIN policyholders p ON p.policyholder_id = ip.policyholder_id
    JOIN users hu ON hu.user_id = p.user_id
    JOIN agents a ON a.agent_id = ip.agent_id
    JOIN users au ON au.user_id = a.user_id
    JOIN insurance_providers pr ON pr.provider_id = ip.provider_id";

/// One policy by id within `book`.
pub async fn find(conn: &mut PgConnection, book: Book, id: Uuid) -> sqlx::Result<Option<Policy>> {
    let mut qb = QueryBuilder::new(COLUMNS);
    qb.push(" AND ip.policy_id = ").push_bind(id);
    book.push_filter(&mut qb, BookRows::POLICIES);
    qb.push(JOINS);
    qb.build_query_as().fetch_optional(conn).await
}

/// One policy by its number (any case) within `book`.
pub async fn find_by_number(
    conn: &mut PgConnection,
    book: Book,
    number: &str,
) -> sqlx::Result<Option<Policy>> {
    let mut qb = QueryBuilder::new(COLUMNS);
    qb.push(" AND ip.policy_number = upper(")
        .push_bind(number.trim().to_owned())
        .push(")");
    book.push_filter(&mut qb, BookRows::POLICIES);
    qb.push(JOINS);
    qb.build_query_as().fetch_optional(conn).await
}

fn push_filters(
    qb: &mut QueryBuilder<'_, Postgres>,
    book: Book,
    q: &PolicyQuery,
    today: NaiveDate,
) {
    book.push_filter(qb, BookRows::POLICIES);
    let impossible = matches!(q.status(), Some(None)) || matches!(q.category(), Some(None));
    if impossible {
        qb.push(" AND false");
        return;
    }
    if let Some(id) = q.policyholder_id {
        qb.push(" AND ip.policyholder_id = ").push_bind(id);
    }
    if let Some(id) = q.agent_id {
        qb.push(" AND ip.agent_id = ").push_bind(id);
    }
    if let Some(id) = q.provider_id {
        qb.push(" AND ip.provider_id = ").push_bind(id);
    }
    if let Some(Some(status)) = q.status() {
        qb.push(" AND ip.status = ").push_bind(status);
    }
    if let Some(t) = crate::input::given(&q.policy_type) {
        qb.push(" AND ip.policy_type = ")
            .push_bind(t.to_ascii_lowercase());
    }
    if let Some(Some(c)) = q.category() {
        qb.push(" AND ip.category = ").push_bind(c);
    }
    if let Some(n) = q.number() {
        // Trigram-indexed (`policies_number_trgm_idx`).
        qb.push(" AND ip.policy_number LIKE ")
            .push_bind(like_pattern(&n));
    }
    match q.view() {
        "active" => {
            qb.push(" AND ip.status = 'active'");
        }
        "lapsed" => {
            qb.push(" AND ip.status = 'lapsed'");
        }
        "maturing" => {
            qb.push(" AND ip.status = 'active' AND ip.maturity_date BETWEEN ")
                .push_bind(today)
                .push(" AND ")
                .push_bind(today + chrono::Duration::days(MATURING_DAYS));
        }
        _ => {}
    }
}

/// Up to `limit` policies after `after`, newest first.
pub async fn page(
    conn: &mut PgConnection,
    book: Book,
    q: &PolicyQuery,
    today: NaiveDate,
    after: Option<&Cursor>,
    limit: i64,
) -> sqlx::Result<Vec<Policy>> {
    let mut qb = QueryBuilder::new(COLUMNS);
    push_filters(&mut qb, book, q, today);
    if let Some(c) = after {
        qb.push(" AND (ip.created_at, ip.policy_id) < (")
            .push_bind(c.key.clone())
            .push("::timestamptz, ")
            .push_bind(c.id)
            .push(")");
    }
    qb.push(" ORDER BY ip.created_at DESC, ip.policy_id DESC LIMIT ")
        .push_bind(limit);
    if let Some(offset) = q.offset.filter(|_| after.is_none()) {
        qb.push(" OFFSET ").push_bind(offset.max(0));
    }
    qb.push(JOINS);
    qb.push(" ORDER BY ip.created_at DESC, ip.policy_id DESC");
    qb.build_query_as().fetch_all(conn).await
}

pub fn cursor(row: &Policy) -> Cursor {
    Cursor::new(
        row.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        row.policy_id,
    )
}

/// How many policies match, counted up to the cap.
pub async fn count(
    conn: &mut PgConnection,
    book: Book,
    q: &PolicyQuery,
    today: NaiveDate,
) -> sqlx::Result<Total> {
    let cap = Total::cap_for(q.number().is_some());
    let mut qb =
        QueryBuilder::new("SELECT count(*) FROM (SELECT 1 FROM insurance_policies ip WHERE true");
    push_filters(&mut qb, book, q, today);
    qb.push(" LIMIT ").push_bind(cap + 1).push(") capped");
    let counted: i64 = qb.build_query_scalar().fetch_one(conn).await?;
    Ok(Total::capped_at(counted, cap))
}

/// The policy's owner, tenant and state, locked for a change.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Locked {
    pub policy_id: Uuid,
    pub tenant_id: Uuid,
    pub agent_id: Uuid,
    pub policyholder_id: Uuid,
    pub status: PolicyStatus,
    pub premium_frequency: Frequency,
    pub start_date: NaiveDate,
    pub next_payment_date: Option<NaiveDate>,
    pub outstanding_amount: crate::money::Money,
}

/// Locks one policy within `book`: two changes to one policy queue here.
pub async fn lock(conn: &mut PgConnection, book: Book, id: Uuid) -> sqlx::Result<Option<Locked>> {
    let mut qb = QueryBuilder::new(
        "SELECT ip.policy_id, ip.tenant_id, ip.agent_id, ip.policyholder_id, ip.status,
                ip.premium_frequency, ip.start_date, ip.next_payment_date,
                (ip.outstanding_amount * 100)::int8 AS outstanding_amount
           FROM insurance_policies ip WHERE ip.policy_id = ",
    );
    qb.push_bind(id);
    book.push_filter(&mut qb, BookRows::POLICIES);
    qb.push(" FOR UPDATE OF ip");
    qb.build_query_as().fetch_optional(conn).await
}

/// A new policy, `draft`; a number is generated when none is given. The first
/// premium falls due on the start date.
pub async fn insert(
    conn: &mut PgConnection,
    tenant: Uuid,
    agent: Uuid,
    provider: Uuid,
    number: Option<&str>,
    p: &NewPolicy,
    by: Uuid,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO insurance_policies (tenant_id, policy_number, policyholder_id, agent_id,
             provider_id, policy_type, plan_name, plan_code, category, sum_assured, premium_amount,
             premium_frequency, premium_mode, application_date, start_date, maturity_date,
             coverage_details, nominee_details, created_by, next_payment_date, outstanding_amount)
         VALUES ($1, coalesce($2, 'POL' || lpad(nextval('policy_number_seq')::text, 9, '0')),
                 $3, $4, $5, $6, $7, $8, $9, $10::int8 / 100.0, $11::int8 / 100.0, $12, $13,
                 $14, $15, $16, $17, $18, $19, $15, $11::int8 / 100.0)
         RETURNING policy_id",
    )
    .bind(tenant)
    .bind(number)
    .bind(p.policyholder_id)
    .bind(agent)
    .bind(provider)
    .bind(&p.policy_type)
    .bind(&p.plan_name)
    .bind(&p.plan_code)
    .bind(p.category)
    .bind(p.sum_assured)
    .bind(p.premium_amount)
    .bind(p.premium_frequency)
    .bind(p.premium_mode)
    .bind(p.application_date)
    .bind(p.start_date)
    .bind(p.maturity_date)
    .bind(&p.coverage_details)
    .bind(&p.nominee_details)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// Moves a policy to `to`; approval stamps the day and the approver, a lapse
/// its time.
pub async fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    to: PolicyStatus,
    by: Uuid,
    today: NaiveDate,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE insurance_policies SET status = $2,
            approval_date = CASE WHEN $2 = 'approved' THEN $4 ELSE approval_date END,
            approved_by = CASE WHEN $2 = 'approved' THEN $3 ELSE approved_by END,
            lapsed_at = CASE WHEN $2 = 'lapsed' THEN now() WHEN $2 = 'active' THEN NULL ELSE lapsed_at END,
            updated_at = now()
          WHERE policy_id = $1",
    )
    .bind(id)
    .bind(to)
    .bind(by)
    .bind(today)
    .execute(conn)
    .await?;
    Ok(())
}

/// A checked edit: `None` keeps the value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edit {
    pub policy_type: Option<String>,
    pub plan_name: Option<String>,
    pub plan_code: Option<String>,
    pub category: Option<Category>,
    pub sum_assured: Option<crate::money::Money>,
    pub premium_amount: Option<crate::money::Money>,
    pub premium_frequency: Option<Frequency>,
    pub premium_mode: Option<PremiumMode>,
    pub maturity_date: Option<NaiveDate>,
    pub coverage_details: Option<serde_json::Value>,
    pub nominee_details: Option<serde_json::Value>,
    pub sub_status: Option<String>,
    pub payment_status: Option<String>,
}

pub async fn update(conn: &mut PgConnection, id: Uuid, e: &Edit) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE insurance_policies SET
            policy_type = coalesce($2, policy_type),
            plan_name = coalesce($3, plan_name),
            plan_code = coalesce($4, plan_code),
            category = coalesce($5, category),
            sum_assured = coalesce($6::int8 / 100.0, sum_assured),
            premium_amount = coalesce($7::int8 / 100.0, premium_amount),
            premium_frequency = coalesce($8, premium_frequency),
            premium_mode = coalesce($9, premium_mode),
            maturity_date = coalesce($10, maturity_date),
            coverage_details = coalesce($11, coverage_details),
            nominee_details = coalesce($12, nominee_details),
            sub_status = coalesce($13, sub_status),
            payment_status = coalesce($14, payment_status),
            updated_at = now()
          WHERE policy_id = $1",
    )
    .bind(id)
    .bind(&e.policy_type)
    .bind(&e.plan_name)
    .bind(&e.plan_code)
    .bind(e.category)
    .bind(e.sum_assured)
    .bind(e.premium_amount)
    .bind(e.premium_frequency)
    .bind(e.premium_mode)
    .bind(e.maturity_date)
    .bind(&e.coverage_details)
    .bind(&e.nominee_details)
    .bind(&e.sub_status)
    .bind(&e.payment_status)
    .execute(conn)
    .await?;
    Ok(())
}

/// What a new policy needs to know of its customer, agent and provider.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Parties {
    pub holder_tenant: Uuid,
    pub holder_agent: Option<Uuid>,
}

/// The customer a policy is written for, unscoped: the service decides whose.
pub async fn holder(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Parties>> {
    sqlx::query_as(
        "SELECT tenant_id AS holder_tenant, agent_id AS holder_agent
           FROM policyholders WHERE policyholder_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The writing agent: tenant, provider, and whether approved and active.
pub async fn writer(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<(Uuid, Option<Uuid>, bool)>> {
    sqlx::query_as(
        "SELECT tenant_id, provider_id,
                status = 'active' AND verification_status IN ('verified', 'approved')
           FROM agents WHERE agent_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// A provider's code, when it exists and is active.
pub async fn provider_code(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT provider_code FROM insurance_providers WHERE provider_id = $1 AND status = 'active'",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}
