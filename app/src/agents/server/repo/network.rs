//! SQL for the agent network and the read models around one agent: the tree walk
//! that refuses cycles, parent and sub-agents, the history from the audit trail,
//! and the dashboard's counters.

use super::super::scope::{AgentScope, Rows};
use crate::agents::types::*;
use sqlx::{PgConnection, QueryBuilder};
use uuid::Uuid;

/// Whether `agent` is `candidate` or one of its ancestors: making `candidate` the
/// parent of `agent` would close a loop.
pub async fn is_ancestor_or_self(
    conn: &mut PgConnection,
    agent: Uuid,
    candidate: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "WITH RECURSIVE up AS (
            SELECT agent_id, parent_agent_id FROM agents WHERE agent_id = $2
            UNION SELECT a.agent_id, a.parent_agent_id FROM agents a JOIN up ON a.agent_id = up.parent_agent_id)
         SELECT EXISTS (SELECT 1 FROM up WHERE agent_id = $1)",
    )
    .bind(agent)
    .bind(candidate)
    .fetch_one(conn)
    .await
}

const NETWORK: &str =
    "SELECT a.agent_id, a.agent_code, a.business_name, $2::int4 AS hierarchy_level,
        a.status, a.total_policies_sold FROM agents a";

/// The agent's parent and (up to `limit`) direct sub-agents.
pub async fn network(
    conn: &mut PgConnection,
    profile: &AgentProfile,
    limit: i64,
) -> sqlx::Result<Hierarchy> {
    let parent = match profile.parent_agent_id {
        Some(parent) => {
            sqlx::query_as(&format!("{NETWORK} WHERE a.agent_id = $1"))
                .bind(parent)
                .bind(profile.hierarchy_level - 1)
                .fetch_optional(&mut *conn)
                .await?
        }
        None => None,
    };
    let sub_agents = sqlx::query_as(&format!(
        "{NETWORK} WHERE a.parent_agent_id = $1 ORDER BY a.agent_code LIMIT $3"
    ))
    .bind(profile.agent_id)
    .bind(profile.hierarchy_level + 1)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(Hierarchy {
        agent_id: profile.agent_id,
        hierarchy_level: profile.hierarchy_level,
        parent_agent: parent,
        sub_agents,
    })
}

/// The agent's history: the audit rows about this agent, newest first.
pub async fn history(
    conn: &mut PgConnection,
    id: Uuid,
    limit: i64,
) -> sqlx::Result<Vec<HistoryEntry>> {
    sqlx::query_as(
        "SELECT e.event_type,
                nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') AS actor_name,
                e.details, e.created_at
           FROM audit_events e LEFT JOIN users u ON u.user_id = e.user_id
          WHERE e.resource_type = 'agent' AND e.resource_id = $1 AND e.success
          ORDER BY e.created_at DESC LIMIT $2",
    )
    .bind(id.to_string())
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The dashboard's counters, in one round trip.
#[derive(Debug, sqlx::FromRow)]
pub struct Counters {
    pub awaiting: i64,
    pub by_status: sqlx::types::Json<Vec<(String, i64)>>,
    pub weekly: sqlx::types::Json<Vec<(String, i64)>>,
}

pub async fn counters(conn: &mut PgConnection, scope: AgentScope) -> sqlx::Result<Counters> {
    let mut qb = QueryBuilder::new(
        "WITH scoped AS (SELECT a.status, a.verification_status, a.created_at FROM agents a WHERE true",
    );
    scope.push_filter(&mut qb, Rows::AGENTS);
    qb.push(
        "), weeks AS (
            SELECT generate_series(date_trunc('week', now()) - interval '11 weeks',
                                   date_trunc('week', now()), interval '1 week') AS week)
         SELECT (SELECT count(*) FROM scoped WHERE verification_status = 'submitted') AS awaiting,
                (SELECT coalesce(json_agg(json_build_array(status, n) ORDER BY status), '[]')
                   FROM (SELECT status, count(*) AS n FROM scoped GROUP BY status) s) AS by_status,
                (SELECT json_agg(json_build_array(to_char(w.week, 'YYYY-MM-DD'),
                        (SELECT count(*) FROM scoped WHERE date_trunc('week', created_at) = w.week))
                        ORDER BY w.week) FROM weeks w) AS weekly",
    );
    qb.build_query_as().fetch_one(conn).await
}

/// The active agents in `scope` to choose from in a form (code and name), by
/// code; at most 200.
pub async fn choices(
    conn: &mut PgConnection,
    scope: AgentScope,
) -> sqlx::Result<Vec<(Uuid, String)>> {
    let mut qb = QueryBuilder::new(
        "SELECT a.agent_id, a.agent_code || ' · ' || trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))
           FROM agents a JOIN users u ON u.user_id = a.user_id
          WHERE a.status = 'active'",
    );
    scope.push_filter(&mut qb, Rows::AGENTS);
    qb.push(" ORDER BY a.agent_code LIMIT 200");
    qb.build_query_as().fetch_all(conn).await
}
