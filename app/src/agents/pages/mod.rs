//! The agent pages. Every form posts without JavaScript; none has an island.
//!
//! - `dashboard.rs`: `/admin`, the admin's tiles and live counters with SVG charts.
//! - `list.rs`: `/admin/agents`, the verification queue and the agent list.
//! - `register.rs`: `/admin/agents/new`.
//! - `detail.rs`: `/admin/agents/{id}`: profile, documents, network, history, actions.
//! - `profile.rs`: `/agent/profile`, the agent's own profile and verification.

mod dashboard;
mod detail;
mod list;
mod profile;
mod register;

pub use dashboard::AdminDashboardPage;
pub use detail::AgentDetailPage;
pub use list::AdminAgentsPage;
pub use profile::AgentProfilePage;
pub use register::RegisterAgentPage;

use crate::agents::text::{status_label, verification_label};
use crate::agents::types::{AgentStatus, Verification};
use leptos::prelude::*;

/// The two state badges, side by side.
#[component]
pub fn StateBadges(status: AgentStatus, verification: Verification) -> impl IntoView {
    view! {
        <span class=format!("badge badge-agent-{status}") data-testid="agent-status" data-status=status.as_str()>
            {status_label(status)}
        </span>
        " "
        <span class=format!("badge badge-verification-{verification}") data-testid="agent-verification" data-status=verification.as_str()>
            {verification_label(verification)}
        </span>
    }
}

/// A date as people here write it: 2 Dec 2026.
pub fn day(at: chrono::DateTime<chrono::Utc>) -> String {
    (at + chrono::Duration::minutes(330))
        .format("%-d %b %Y")
        .to_string()
}
