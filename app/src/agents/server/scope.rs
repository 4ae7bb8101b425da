//! Whose agents a caller reaches: the one scope rule for every agent-scoped list
//! (agents now; customers and policies with the next issue).
//!
//! - a super admin: every tenant;
//! - an admin whose reach includes `agents.read` through a tenant-wide role
//!   (provider admin): their tenant;
//! - a regional manager: their own agent record and everyone under it (the
//!   subtree of `parent_agent_id`), in their tenant; without an agent record, no one;
//! - an agent: their own record only;
//! - anyone else: no one.

use crate::access::{Permission, Role};
use crate::auth::server::guard::CurrentUser;
use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentScope {
    All,
    Tenant(Uuid),
    Subtree { tenant: Uuid, root: Uuid },
    Own(Uuid),
    Nobody,
}

impl AgentScope {
    pub fn of(caller: &CurrentUser) -> Self {
        if caller.roles.contains(&Role::SuperAdmin) {
            return AgentScope::All;
        }
        if caller.reach.contains(Permission::AgentsRead) {
            // Which admin role grants the reach decides how far it goes: a
            // tenant-wide role wins over the regional manager's subtree.
            let tenant_wide = caller.roles.iter().any(|r| {
                *r != Role::RegionalManager
                    && crate::access::PermissionSet::of_admin_roles(&[*r])
                        .contains(Permission::AgentsRead)
            });
            if tenant_wide {
                return AgentScope::Tenant(caller.tenant_id);
            }
            return match caller.agent_id {
                Some(root) => AgentScope::Subtree {
                    tenant: caller.tenant_id,
                    root,
                },
                None => AgentScope::Nobody,
            };
        }
        match caller.agent_id {
            Some(id) => AgentScope::Own(id),
            None => AgentScope::Nobody,
        }
    }

    /// Whether the scope reaches beyond the caller's own record (an admin's).
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            AgentScope::All | AgentScope::Tenant(_) | AgentScope::Subtree { .. }
        )
    }

    /// Appends `AND <the rows this scope reaches>` to a query, for a table whose
    /// agent id is `agent_col` and tenant `tenant_col` (`a.agent_id`, `a.tenant_id`).
    /// The subtree is one recursive query; `UNION` (not `UNION ALL`) ends it even
    /// if a cycle slipped past the writes that refuse them.
    pub fn push_filter(
        self,
        qb: &mut QueryBuilder<'_, Postgres>,
        agent_col: &str,
        tenant_col: &str,
    ) {
        match self {
            AgentScope::All => {}
            AgentScope::Tenant(tenant) => {
                qb.push(format!(" AND {tenant_col} = ")).push_bind(tenant);
            }
            AgentScope::Own(id) => {
                qb.push(format!(" AND {agent_col} = ")).push_bind(id);
            }
            AgentScope::Subtree { tenant, root } => {
                qb.push(format!(" AND {tenant_col} = "))
                    .push_bind(tenant)
                    // `= ANY(ARRAY(…))`: the subtree is walked once, then its rows
                    // are fetched by key (twice as fast as `IN (…)` at 50,000 agents).
                    .push(format!(
                        " AND {agent_col} = ANY(ARRAY(WITH RECURSIVE subtree AS (
                            SELECT agent_id FROM agents WHERE agent_id = "
                    ))
                    .push_bind(root)
                    .push(
                        " UNION SELECT c.agent_id FROM agents c
                            JOIN subtree s ON c.parent_agent_id = s.agent_id)
                          SELECT agent_id FROM subtree))",
                    );
            }
            AgentScope::Nobody => {
                qb.push(" AND false");
            }
        }
    }
}
