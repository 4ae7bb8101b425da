//! Whose customers and policies a caller reaches (SPEC §2.4 "◐", §4.9): the agent
//! scope of the agents issue, plus a customer's reach over their own record.

use crate::access::{Permission, Role};
use crate::agents::server::scope::{AgentScope, Rows};
use crate::auth::server::guard::CurrentUser;
use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

/// The book a caller reads or writes with one permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Book {
    /// Through an agent scope: an agent's own, a manager's subtree, a tenant, all.
    Agents(AgentScope),
    /// A policyholder's own record and policies, found by their user id.
    Holder(Uuid),
}

/// The columns a book-scoped query filters on.
#[derive(Debug, Clone, Copy)]
pub struct BookRows {
    pub agent: Rows,
    /// The policyholder id of the row.
    pub holder: &'static str,
}

impl BookRows {
    pub const CUSTOMERS: BookRows = BookRows {
        agent: Rows::owned_by("p.agent_id", "p.tenant_id"),
        holder: "p.policyholder_id",
    };
    pub const POLICIES: BookRows = BookRows {
        agent: Rows::owned_by("ip.agent_id", "ip.tenant_id"),
        holder: "ip.policyholder_id",
    };
}

impl Book {
    pub fn of(caller: &CurrentUser, permission: Permission) -> Book {
        match AgentScope::reaching(caller, permission) {
            AgentScope::Nobody
                if caller.roles.contains(&Role::Policyholder)
                    && caller.permissions.contains(permission) =>
            {
                Book::Holder(caller.user_id)
            }
            scope => Book::Agents(scope),
        }
    }

    /// Reaches beyond the caller's own agent record or their own policies.
    pub fn is_admin(self) -> bool {
        matches!(self, Book::Agents(s) if s.is_admin())
    }

    /// Reaches nothing at all: the service answers 403 before any lookup.
    pub fn is_empty(self) -> bool {
        self == Book::Agents(AgentScope::Nobody)
    }

    /// Appends `AND <the rows this book reaches>`.
    pub fn push_filter(self, qb: &mut QueryBuilder<'_, Postgres>, rows: BookRows) {
        match self {
            Book::Agents(scope) => scope.push_filter(qb, rows.agent),
            Book::Holder(user) => {
                qb.push(format!(
                    " AND {} = ANY(ARRAY(SELECT policyholder_id FROM policyholders WHERE user_id = ",
                    rows.holder
                ))
                .push_bind(user)
                .push("))");
            }
        }
    }
}
