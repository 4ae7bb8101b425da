//! Whose agents a caller reaches: the one scope rule for every agent-scoped list
//! (agents, and through `customers::server::scope::Book` customers and policies).
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
    /// The agents whose records the caller reaches with `agents.read`.
    pub fn of(caller: &CurrentUser) -> Self {
        Self::reaching(caller, Permission::AgentsRead)
    }

    /// The agents whose records (and customers and policies) the caller reaches
    /// with `permission`. Which role grants it decides how far: a tenant-wide admin
    /// role wins over the regional manager's subtree, and an agent role's grant
    /// reaches only the caller's own agent record.
    pub fn reaching(caller: &CurrentUser, permission: Permission) -> Self {
        if caller.roles.contains(&Role::SuperAdmin) {
            return AgentScope::All;
        }
        if caller.reach.contains(permission) {
            let tenant_wide = caller.roles.iter().any(|r| {
                *r != Role::RegionalManager
                    && crate::access::PermissionSet::of_admin_roles(&[*r]).contains(permission)
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
            Some(id) if caller.permissions.contains(permission) => AgentScope::Own(id),
            _ => AgentScope::Nobody,
        }
    }

    /// Whether the scope reaches beyond the caller's own record (an admin's).
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            AgentScope::All | AgentScope::Tenant(_) | AgentScope::Subtree { .. }
        )
    }

    /// Appends `AND <the rows this scope reaches>` to a query over `rows`.
    ///
    /// The subtree is the maintained `agents.network_path` (see the migration
    /// `agent_network_and_search`): one GIN lookup, however deep the tree. A tree
    /// never crosses a tenant (the same trigger refuses it), so the path alone
    /// bounds an agents query; rows of another table also check their tenant.
    pub fn push_filter(self, qb: &mut QueryBuilder<'_, Postgres>, rows: Rows) {
        match self {
            AgentScope::All => {}
            AgentScope::Tenant(tenant) => {
                qb.push(format!(" AND {} = ", rows.tenant))
                    .push_bind(tenant);
            }
            AgentScope::Own(id) => {
                qb.push(format!(" AND {} = ", rows.agent)).push_bind(id);
            }
            AgentScope::Subtree { tenant, root } => match rows.path {
                Some(path) => {
                    qb.push(format!(" AND {path} @> ARRAY["))
                        .push_bind(root)
                        .push("]::uuid[]");
                }
                None => {
                    qb.push(format!(" AND {} = ", rows.tenant))
                        .push_bind(tenant)
                        // `= ANY(ARRAY(…))`: the subtree is looked up once, then
                        // its rows are fetched by key.
                        .push(format!(
                            " AND {} = ANY(ARRAY(SELECT agent_id FROM agents WHERE network_path @> ARRAY[",
                            rows.agent
                        ))
                        .push_bind(root)
                        .push("]::uuid[]))");
                }
            },
            AgentScope::Nobody => {
                qb.push(" AND false");
            }
        }
    }
}

/// The columns a scoped query filters on.
#[derive(Debug, Clone, Copy)]
pub struct Rows {
    pub agent: &'static str,
    pub tenant: &'static str,
    /// `agents.network_path` when the query is over agents itself.
    pub path: Option<&'static str>,
}

impl Rows {
    /// The agents table as `a`.
    pub const AGENTS: Rows = Rows {
        agent: "a.agent_id",
        tenant: "a.tenant_id",
        path: Some("a.network_path"),
    };

    /// Rows of another table that belong to an agent (customers, policies).
    pub const fn owned_by(agent: &'static str, tenant: &'static str) -> Rows {
        Rows {
            agent,
            tenant,
            path: None,
        }
    }
}
