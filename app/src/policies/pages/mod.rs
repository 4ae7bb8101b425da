//! The policy pages: the list (P9), the detail (P10), the New Policy form, the
//! renewal queue and a run of its reminders, the customer's own policies and the
//! agent home's summary. All server-rendered, with forms that post; only a run's
//! page ships WASM (the `LiveRegion` that follows its progress).

mod detail;
mod list;
mod mine;
mod new;
mod renewals;
mod run;
mod summary;

pub use detail::PolicyDetailPage;
pub use list::PoliciesPage;
pub use mine::MyPoliciesSection;
pub use new::NewPolicyPage;
pub use renewals::RenewalsPage;
pub use run::ReminderRunPage;
pub use summary::BookSummaryCards;

use crate::policies::text::status_label;
use crate::policies::types::PolicyStatus;
use leptos::prelude::*;

#[component]
fn StatusBadge(status: PolicyStatus) -> impl IntoView {
    view! { <span class=format!("badge badge-policy-{}", status.as_str())>{status_label(status)}</span> }
}

/// "12 Mar 2027".
fn date(d: chrono::NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A definition list row: label, value (or a dash).
fn row(label: &'static str, value: Option<String>) -> impl IntoView {
    view! {
        <div class="py-2 sm:grid sm:grid-cols-3 sm:gap-2">
            <dt class="font-medium text-muted">{label}</dt>
            <dd class="sm:col-span-2 break-words">{value.unwrap_or_else(|| "—".to_owned())}</dd>
        </div>
    }
}

/// The premium history table, for the customer page too.
pub fn history(premiums: Vec<crate::policies::types::Premium>) -> impl IntoView {
    view! { <detail::History premiums/> }
}

/// The reminders list, for the customer page too.
pub fn reminders(reminders: Vec<crate::policies::types::Reminder>) -> impl IntoView {
    view! { <detail::Reminders reminders/> }
}
