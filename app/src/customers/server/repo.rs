//! Customer SQL. Only queries; the rules live in `service.rs`. Every read takes
//! a `Book` and filters by it.

use super::scope::{Book, BookRows};
use crate::customers::types::{Customer, CustomerQuery, Profile};
use crate::paging::{like_pattern, Cursor, Total};
use sqlx::{PgConnection, Postgres, QueryBuilder};
use uuid::Uuid;

/// The agent who serves this user as a customer, with the agent's email: `None`
/// when the user is nobody's customer. The agent must be in the customer's tenant.
pub async fn agent_of(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> sqlx::Result<Option<(Uuid, Option<String>)>> {
    sqlx::query_as(
        "SELECT a.agent_id, u.email
           FROM policyholders p
           JOIN agents a ON a.agent_id = p.agent_id AND a.tenant_id = p.tenant_id
           JOIN users u ON u.user_id = a.user_id
          WHERE p.user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// The columns of `Customer`; `p` policyholders, `u` users, `a` agents. The book
/// figures are one indexed lookup each (`policies_holder_idx`).
const CUSTOMER: &str = "SELECT p.policyholder_id, p.user_id, p.tenant_id, p.agent_id, a.agent_code,
        p.customer_id, p.salutation, p.marital_status, p.occupation,
        (p.annual_income * 100)::int8 AS annual_income, p.income_band,
        NULL::text AS education_level, p.preferred_language, p.onboarding_status,
        p.nominee_details, p.marketing_consent, p.marketing_consent_at,
        p.marketing_consent_channel, p.total_interactions, p.last_interaction_at,
        (SELECT count(*) FROM insurance_policies ip
          WHERE ip.policyholder_id = p.policyholder_id AND ip.status <> 'cancelled') AS total_policies,
        coalesce((SELECT (sum(ip.premium_amount) * 100)::int8 FROM insurance_policies ip
          WHERE ip.policyholder_id = p.policyholder_id AND ip.status IN ('active', 'lapsed')), 0)
          AS total_premium,
        p.created_at, p.updated_at,
        trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) AS full_name,
        u.phone_number, u.email
    FROM policyholders p JOIN users u ON u.user_id = p.user_id
    LEFT JOIN agents a ON a.agent_id = p.agent_id
    WHERE true";

/// One customer within `book`.
pub async fn find(conn: &mut PgConnection, book: Book, id: Uuid) -> sqlx::Result<Option<Customer>> {
    let mut qb = QueryBuilder::new(CUSTOMER);
    qb.push(" AND p.policyholder_id = ").push_bind(id);
    book.push_filter(&mut qb, BookRows::CUSTOMERS);
    qb.build_query_as().fetch_optional(conn).await
}

fn push_filters(qb: &mut QueryBuilder<'_, Postgres>, book: Book, q: &CustomerQuery) {
    book.push_filter(qb, BookRows::CUSTOMERS);
    if let Some(agent) = q.agent_id {
        qb.push(" AND p.agent_id = ").push_bind(agent);
    }
    if let Some(text) = q.text() {
        let pattern = like_pattern(&text);
        qb.push(" AND (p.customer_id ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR u.phone_number LIKE ")
            .push_bind(like_pattern(&text.replace([' ', '-'], "")))
            .push(" OR u.email ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR (coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) ILIKE ")
            .push_bind(pattern)
            .push(")");
    }
    match q.has_policy {
        Some(true) => {
            qb.push(" AND EXISTS (SELECT 1 FROM insurance_policies ip WHERE ip.policyholder_id = p.policyholder_id AND ip.status IN ('active', 'lapsed'))");
        }
        Some(false) => {
            qb.push(" AND NOT EXISTS (SELECT 1 FROM insurance_policies ip WHERE ip.policyholder_id = p.policyholder_id AND ip.status IN ('active', 'lapsed'))");
        }
        None => {}
    }
}

/// Up to `limit` customers after `after`, newest first.
pub async fn page(
    conn: &mut PgConnection,
    book: Book,
    q: &CustomerQuery,
    after: Option<&Cursor>,
    limit: i64,
) -> sqlx::Result<Vec<Customer>> {
    let mut qb = QueryBuilder::new(CUSTOMER);
    push_filters(&mut qb, book, q);
    if let Some(c) = after {
        qb.push(" AND (p.created_at, p.policyholder_id) < (")
            .push_bind(c.key.clone())
            .push("::timestamptz, ")
            .push_bind(c.id)
            .push(")");
    }
    qb.push(" ORDER BY p.created_at DESC, p.policyholder_id DESC LIMIT ")
        .push_bind(limit);
    if let Some(offset) = q.offset.filter(|_| after.is_none()) {
        qb.push(" OFFSET ").push_bind(offset.max(0));
    }
    qb.build_query_as().fetch_all(conn).await
}

pub fn cursor(row: &Customer) -> Cursor {
    Cursor::new(
        row.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        row.policyholder_id,
    )
}

/// How many customers match, counted up to the cap.
pub async fn count(conn: &mut PgConnection, book: Book, q: &CustomerQuery) -> sqlx::Result<Total> {
    let cap = Total::cap_for(q.text().is_some());
    let mut qb = QueryBuilder::new(
        "SELECT count(*) FROM (SELECT 1 FROM policyholders p JOIN users u ON u.user_id = p.user_id WHERE true",
    );
    push_filters(&mut qb, book, q);
    qb.push(" LIMIT ").push_bind(cap + 1).push(") capped");
    let counted: i64 = qb.build_query_scalar().fetch_one(conn).await?;
    Ok(Total::capped_at(counted, cap))
}

/// The user with this phone, their tenant, and whether they are a customer already.
pub async fn person_by_phone(
    conn: &mut PgConnection,
    phone: &str,
) -> sqlx::Result<Option<(Uuid, Uuid, bool)>> {
    sqlx::query_as(
        "SELECT u.user_id, u.tenant_id,
                EXISTS (SELECT 1 FROM policyholders p WHERE p.user_id = u.user_id)
           FROM users u WHERE u.phone_number = $1 FOR UPDATE",
    )
    .bind(phone)
    .fetch_optional(conn)
    .await
}

/// A new customer row; the profile's absent fields take their defaults.
pub async fn insert(
    conn: &mut PgConnection,
    tenant: Uuid,
    user_id: Uuid,
    agent_id: Option<Uuid>,
    p: &Profile,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO policyholders (tenant_id, user_id, agent_id, customer_id, salutation,
             marital_status, occupation, annual_income, income_band, preferred_language,
             nominee_details, marketing_consent, marketing_consent_at, marketing_consent_channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::int8 / 100.0, $9, coalesce($10, 'en'), $11,
                 coalesce($12, false), CASE WHEN $12 THEN now() END, CASE WHEN $12 THEN $13 END)
         RETURNING policyholder_id",
    )
    .bind(tenant)
    .bind(user_id)
    .bind(agent_id)
    .bind(&p.customer_id)
    .bind(&p.salutation)
    .bind(&p.marital_status)
    .bind(&p.occupation)
    .bind(p.annual_income)
    .bind(p.income_band)
    .bind(p.preferred_language.map(|l| l.code()))
    .bind(&p.nominee_details)
    .bind(p.marketing_consent)
    .bind(p.marketing_consent_channel)
    .fetch_one(conn)
    .await
}

/// Applies the profile fields given. A consent's time is when it changed to yes.
pub async fn update(conn: &mut PgConnection, id: Uuid, p: &Profile) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE policyholders SET
            customer_id = coalesce($2, customer_id),
            salutation = coalesce($3, salutation),
            marital_status = coalesce($4, marital_status),
            occupation = coalesce($5, occupation),
            annual_income = coalesce($6::int8 / 100.0, annual_income),
            income_band = coalesce($7, income_band),
            preferred_language = coalesce($8, preferred_language),
            nominee_details = coalesce($9, nominee_details),
            marketing_consent_at = CASE
                WHEN $10 IS NULL THEN marketing_consent_at
                WHEN $10 AND NOT marketing_consent THEN now()
                WHEN $10 THEN marketing_consent_at END,
            marketing_consent_channel = CASE
                WHEN $10 IS NULL THEN coalesce($11, marketing_consent_channel)
                WHEN $10 THEN coalesce($11, marketing_consent_channel) END,
            marketing_consent = coalesce($10, marketing_consent),
            updated_at = now()
          WHERE policyholder_id = $1",
    )
    .bind(id)
    .bind(&p.customer_id)
    .bind(&p.salutation)
    .bind(&p.marital_status)
    .bind(&p.occupation)
    .bind(p.annual_income)
    .bind(p.income_band)
    .bind(p.preferred_language.map(|l| l.code()))
    .bind(&p.nominee_details)
    .bind(p.marketing_consent)
    .bind(p.marketing_consent_channel)
    .execute(conn)
    .await?;
    Ok(())
}

/// The customer row, locked: who owns it now, in which tenant.
pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<(Option<Uuid>, Uuid)>> {
    sqlx::query_as(
        "SELECT agent_id, tenant_id FROM policyholders WHERE policyholder_id = $1 FOR UPDATE",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Moves a customer and their policies still on the books to another agent.
/// Returns how many policies moved.
pub async fn reassign(conn: &mut PgConnection, id: Uuid, agent: Uuid) -> sqlx::Result<u64> {
    sqlx::query(
        "UPDATE policyholders SET agent_id = $2, updated_at = now() WHERE policyholder_id = $1",
    )
    .bind(id)
    .bind(agent)
    .execute(&mut *conn)
    .await?;
    let moved = sqlx::query(
        "UPDATE insurance_policies SET agent_id = $2, updated_at = now()
          WHERE policyholder_id = $1 AND agent_id <> $2
            AND status NOT IN ('cancelled', 'surrendered', 'matured', 'claimed')",
    )
    .bind(id)
    .bind(agent)
    .execute(conn)
    .await?;
    Ok(moved.rows_affected())
}

/// An agent that may take customers: exists, active and verified, with its tenant.
pub async fn working_agent(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<(Uuid, bool)>> {
    sqlx::query_as(
        "SELECT tenant_id, status = 'active' AND verification_status IN ('verified', 'approved')
           FROM agents WHERE agent_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}
