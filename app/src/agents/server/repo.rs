//! SQL for agents. Functions take a connection so the caller owns the transaction;
//! every list takes an `AgentScope` and filters by it.

pub mod documents;
mod network;

pub use network::*;

use super::scope::{AgentScope, Rows};
use crate::agents::types::*;
use crate::paging::{like_pattern, Cursor, Total};
use sqlx::{PgConnection, Postgres, QueryBuilder};
use uuid::Uuid;

/// The profile's columns; `a` agents, `u` users, `p` providers.
const PROFILE: &str = "SELECT a.agent_id, a.user_id, a.tenant_id, a.agent_code, a.license_number,
        a.license_expiry_date, a.license_issuing_authority, a.business_name, a.business_address,
        a.gst_number, a.pan_number, a.territory, a.operating_regions, a.experience_years,
        a.specializations, a.whatsapp_business_number, a.business_email, a.website,
        a.total_policies_sold, a.total_premium_collected::float8 AS total_premium_collected,
        a.active_policyholders, NULL::float8 AS customer_satisfaction_score,
        a.status, a.verification_status, a.approved_at, a.verification_submitted_at,
        cardinality(a.network_path)::int4 AS hierarchy_level,
        (SELECT count(*) FROM agents s WHERE s.parent_agent_id = a.agent_id) AS sub_agents_count,
        a.provider_id, p.provider_name, a.commission_rate::float8 AS commission_rate,
        a.parent_agent_id, a.rejection_reason, a.created_at,
        u.first_name, u.last_name, u.display_name, u.email, u.phone_number, u.avatar_url,
        u.language_preference, u.timezone, u.theme_preference, u.last_login_at
    FROM agents a JOIN users u ON u.user_id = a.user_id
    LEFT JOIN insurance_providers p ON p.provider_id = a.provider_id";

/// One agent by agent id (or, for the seed clients, user id) within `scope`.
pub async fn profile(
    conn: &mut PgConnection,
    scope: AgentScope,
    id: Uuid,
) -> sqlx::Result<Option<AgentProfile>> {
    let mut qb = QueryBuilder::new(PROFILE);
    qb.push(" WHERE (a.agent_id = ").push_bind(id);
    qb.push(" OR a.user_id = ").push_bind(id).push(")");
    scope.push_filter(&mut qb, Rows::AGENTS);
    qb.build_query_as().fetch_optional(conn).await
}

const SUMMARY: &str = "SELECT a.agent_id, a.agent_code, a.business_name, a.territory, a.status,
        a.verification_status, a.total_policies_sold,
        a.total_premium_collected::float8 AS total_premium_collected, p.provider_name,
        a.verification_submitted_at, a.created_at,
        u.first_name, u.last_name, u.email, u.phone_number
    FROM agents a JOIN users u ON u.user_id = a.user_id
    LEFT JOIN insurance_providers p ON p.provider_id = a.provider_id
    WHERE true";

fn push_filters(qb: &mut QueryBuilder<'_, Postgres>, scope: AgentScope, q: &AgentQuery) {
    scope.push_filter(qb, Rows::AGENTS);
    if q.impossible() {
        qb.push(" AND false");
        return;
    }
    if let Some(text) = q.text() {
        // One trigram-indexed column holds code, business, name and email.
        qb.push(" AND a.search_text LIKE lower(")
            .push_bind(like_pattern(&text))
            .push(")");
    }
    if let Some(Some(status)) = q.status() {
        qb.push(" AND a.status = ").push_bind(status.as_str());
    }
    if let Some(Some(v)) = q.verification() {
        qb.push(" AND a.verification_status = ")
            .push_bind(v.as_str());
    }
    if let Some(Some(provider)) = q.provider() {
        qb.push(" AND a.provider_id = ").push_bind(provider);
    }
    if let Some(territory) = q.territory() {
        qb.push(" AND a.territory ILIKE ")
            .push_bind(like_pattern(&territory));
    }
}

/// Up to `limit` agents after `after`, newest first (keyset on created_at, id).
pub async fn page(
    conn: &mut PgConnection,
    scope: AgentScope,
    q: &AgentQuery,
    after: Option<&Cursor>,
    limit: i64,
) -> sqlx::Result<Vec<AgentSummary>> {
    let mut qb = QueryBuilder::new(SUMMARY);
    push_filters(&mut qb, scope, q);
    if let Some(c) = after {
        qb.push(" AND (a.created_at, a.agent_id) < (")
            .push_bind(c.key.clone())
            .push("::timestamptz, ")
            .push_bind(c.id)
            .push(")");
    }
    qb.push(" ORDER BY a.created_at DESC, a.agent_id DESC LIMIT ")
        .push_bind(limit);
    if let Some(offset) = q.offset.filter(|_| after.is_none()) {
        qb.push(" OFFSET ").push_bind(offset.max(0));
    }
    qb.build_query_as().fetch_all(conn).await
}

/// The cursor after a row: its creation time to the microsecond, and its id.
pub fn cursor(row: &AgentSummary) -> Cursor {
    Cursor::new(
        row.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        row.agent_id,
    )
}

/// How many agents match, counted up to the cap and no further.
pub async fn count(
    conn: &mut PgConnection,
    scope: AgentScope,
    q: &AgentQuery,
) -> sqlx::Result<Total> {
    let cap = Total::cap_for(q.text().is_some());
    let mut qb = QueryBuilder::new("SELECT count(*) FROM (SELECT 1 FROM agents a WHERE true");
    push_filters(&mut qb, scope, q);
    qb.push(" LIMIT ").push_bind(cap + 1).push(") capped");
    let counted: i64 = qb.build_query_scalar().fetch_one(conn).await?;
    Ok(Total::capped_at(counted, cap))
}

/// The `limit` oldest submissions waiting for a decision, in scope.
pub async fn queue(
    conn: &mut PgConnection,
    scope: AgentScope,
    limit: i64,
) -> sqlx::Result<Vec<AgentSummary>> {
    let mut qb = QueryBuilder::new(SUMMARY);
    qb.push(" AND a.verification_status = 'submitted'");
    scope.push_filter(&mut qb, Rows::AGENTS);
    qb.push(" ORDER BY a.verification_submitted_at, a.agent_id LIMIT ")
        .push_bind(limit);
    qb.build_query_as().fetch_all(conn).await
}

/// An agent's id by code (any case), in scope.
pub async fn id_by_code(
    conn: &mut PgConnection,
    scope: AgentScope,
    code: &str,
) -> sqlx::Result<Option<Uuid>> {
    let mut qb = QueryBuilder::new("SELECT a.agent_id FROM agents a WHERE a.agent_code = upper(");
    qb.push_bind(code.to_owned()).push(")");
    scope.push_filter(&mut qb, Rows::AGENTS);
    qb.build_query_scalar().fetch_optional(conn).await
}

/// An agent's states and contact, locked for a transition.
#[derive(Debug, sqlx::FromRow)]
pub struct Locked {
    pub agent_id: Uuid,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub status: AgentStatus,
    pub verification_status: Verification,
    pub phone_number: Option<String>,
    pub user_role: String,
    /// The role asked for at registration, granted on approval.
    pub requested_role: Option<String>,
}

impl Locked {
    pub fn state(&self) -> AgentState {
        AgentState::new(self.status, self.verification_status)
    }
}

/// Locks the agent row: two approvers of one submission queue here, and the
/// second sees the state the first left.
pub async fn lock(
    conn: &mut PgConnection,
    scope: AgentScope,
    id: Uuid,
) -> sqlx::Result<Option<Locked>> {
    let mut qb = QueryBuilder::new(
        "SELECT a.agent_id, a.tenant_id, a.user_id, a.status, a.verification_status,
                u.phone_number, u.role AS user_role, a.requested_role
           FROM agents a JOIN users u ON u.user_id = a.user_id
          WHERE (a.agent_id = ",
    );
    qb.push_bind(id)
        .push(" OR a.user_id = ")
        .push_bind(id)
        .push(")");
    scope.push_filter(&mut qb, Rows::AGENTS);
    qb.push(" FOR UPDATE OF a");
    qb.build_query_as().fetch_optional(conn).await
}

/// Moves an agent to `to`; approval and rejection also record who, when and why.
pub async fn set_state(
    conn: &mut PgConnection,
    id: Uuid,
    to: AgentState,
    step: Step,
    actor: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE agents SET status = $2, verification_status = $3, updated_at = now(),
                approved_at = CASE WHEN $4 = 'approve' THEN now() ELSE approved_at END,
                approved_by = CASE WHEN $4 = 'approve' THEN $5 ELSE approved_by END,
                rejection_reason = CASE WHEN $4 = 'reject' THEN $6
                                        WHEN $4 IN ('approve', 'submit') THEN NULL
                                        ELSE rejection_reason END
          WHERE agent_id = $1",
    )
    .bind(id)
    .bind(to.status)
    .bind(to.verification)
    .bind(step.as_str())
    .bind(actor)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a submission: the licence, and when.
pub async fn submit(conn: &mut PgConnection, id: Uuid, s: &Submission) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE agents SET license_number = $2, license_expiry_date = $3,
                license_issuing_authority = $4, verification_submitted_at = now(), updated_at = now()
          WHERE agent_id = $1",
    )
    .bind(id)
    .bind(&s.license_number)
    .bind(s.license_expiry_date)
    .bind(&s.license_issuing_authority)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert(
    conn: &mut PgConnection,
    tenant: Uuid,
    user_id: Uuid,
    r: &Registration,
    requested_role: Option<crate::access::Role>,
    created_by: Uuid,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO agents (tenant_id, user_id, provider_id, agent_code, license_number,
                             license_expiry_date, license_issuing_authority, business_name,
                             territory, experience_years, specializations, commission_rate,
                             parent_agent_id, created_by, requested_role, status,
                             verification_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::numeric, $13, $14, $15,
                 'pending_approval', 'pending')
         RETURNING agent_id",
    )
    .bind(tenant)
    .bind(user_id)
    .bind(r.provider_id)
    .bind(&r.agent_code)
    .bind(&r.license_number)
    .bind(r.license_expiry_date)
    .bind(&r.license_issuing_authority)
    .bind(&r.business_name)
    .bind(&r.territory)
    .bind(r.experience_years)
    .bind(&r.specializations)
    .bind(r.commission_rate)
    .bind(r.parent_agent_id)
    .bind(created_by)
    .bind(requested_role.map(crate::access::Role::as_str))
    .fetch_one(conn)
    .await
}

/// The agent's own edits; `Some("")` clears a field, `None` keeps it.
pub async fn update_profile(
    conn: &mut PgConnection,
    id: Uuid,
    p: &ProfilePatch,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE agents SET
            business_name = CASE WHEN $2::text IS NULL THEN business_name ELSE nullif($2, '') END,
            business_address = coalesce($3, business_address),
            gst_number = CASE WHEN $4::text IS NULL THEN gst_number ELSE nullif($4, '') END,
            pan_number = CASE WHEN $5::text IS NULL THEN pan_number ELSE nullif($5, '') END,
            territory = CASE WHEN $6::text IS NULL THEN territory ELSE nullif($6, '') END,
            operating_regions = coalesce($7, operating_regions),
            experience_years = coalesce($8, experience_years),
            specializations = coalesce($9, specializations),
            whatsapp_business_number = CASE WHEN $10::text IS NULL THEN whatsapp_business_number
                                            ELSE nullif($10, '') END,
            business_email = CASE WHEN $11::text IS NULL THEN business_email ELSE nullif($11, '') END,
            website = CASE WHEN $12::text IS NULL THEN website ELSE nullif($12, '') END,
            updated_at = now()
          WHERE agent_id = $1",
    )
    .bind(id)
    .bind(&p.business_name)
    .bind(&p.business_address)
    .bind(&p.gst_number)
    .bind(&p.pan_number)
    .bind(&p.territory)
    .bind(&p.operating_regions)
    .bind(p.experience_years)
    .bind(&p.specializations)
    .bind(&p.whatsapp_business_number)
    .bind(&p.business_email)
    .bind(&p.website)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn update_admin(conn: &mut PgConnection, id: Uuid, p: &AdminPatch) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE agents SET provider_id = coalesce($2, provider_id),
                commission_rate = coalesce($3::numeric, commission_rate),
                territory = coalesce(nullif($4, ''), territory),
                parent_agent_id = CASE WHEN $6 THEN NULL ELSE coalesce($5, parent_agent_id) END,
                updated_at = now()
          WHERE agent_id = $1",
    )
    .bind(id)
    .bind(p.provider_id)
    .bind(p.commission_rate)
    .bind(&p.territory)
    .bind(p.parent_agent_id)
    .bind(p.clear_parent)
    .execute(conn)
    .await?;
    Ok(())
}
