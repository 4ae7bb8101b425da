//! Editing a policy (`PUT /policies/{id}`): the owner agent's limits, an admin's
//! fields, and a status named in the edit taken as a lifecycle step.

use super::{audit_policy, book, forbidden, not_found, step_book, take_step};
use crate::access::Permission;
use crate::agents::server::scope::AgentScope;
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::customers::server::scope::Book;
use crate::error::{AppError, AppResult};
use crate::policies::server::repo;
use crate::policies::text::T;
use crate::policies::types::*;
use uuid::Uuid;

/// `PUT /policies/{id}`. An owner agent edits coverage and nominee before
/// activation; an admin with `policies.update` edits any field and may move the
/// status (each move needs its own step's permission).
pub async fn update(ctx: &Ctx, id: Uuid, patch: &PolicyPatch) -> AppResult<Policy> {
    let lang = ctx.meta.lang;
    // An admin edits through their admin scope (which may reach no one); an
    // owner agent through their own record, within the owner's limits.
    let reach = &ctx.caller.reach;
    let (book, admin) = if reach.contains(Permission::PoliciesUpdate) {
        (book(ctx, Permission::PoliciesUpdate), true)
    } else if reach.contains(Permission::PoliciesApprove) {
        (book(ctx, Permission::PoliciesApprove), true)
    } else {
        match book(ctx, Permission::PoliciesUpdate) {
            own @ Book::Agents(AgentScope::Own(_)) => (own, false),
            _ => {
                return Err(AppError::Forbidden(
                    "Insufficient permissions to update this policy".into(),
                ))
            }
        }
    };
    let edit = check_patch(lang, patch)?;
    let target = match crate::input::given_str(&patch.status) {
        None => None,
        Some(s) => Some(
            PolicyStatus::parse(s)
                .ok_or_else(|| AppError::invalid(lang, "status", T::StatusRule))?,
        ),
    };
    let mut tx = ctx.pool().begin().await?;
    let locked = repo::lock(&mut tx, book, id).await?.ok_or_else(not_found)?;
    if !admin {
        if patch.beyond_owner_fields() {
            return Err(forbidden(lang, T::OwnerEditsLimited));
        }
        if !locked.status.editable_by_owner() {
            return Err(AppError::Conflict(format!(
                "This policy can no longer be edited: its status is {}",
                locked.status
            )));
        }
    }
    repo::update(&mut tx, id, &edit).await?;
    audit_policy(
        &mut tx,
        ctx,
        Event::PolicyUpdated,
        id,
        serde_json::json!({"fields": edit.names()}),
    )
    .await?;
    if let Some(target) = target.filter(|t| *t != locked.status) {
        let step = PolicyStep::towards(target).ok_or_else(|| {
            AppError::Conflict(format!(
                "Cannot move this policy to {target}: its status is {}",
                locked.status
            ))
        })?;
        step_book(ctx, step)?;
        take_step(&mut tx, ctx, &locked, step).await?;
    }
    let policy = repo::find(&mut tx, Book::Agents(AgentScope::All), id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(policy)
}

fn check_patch(lang: crate::i18n::Lang, p: &PolicyPatch) -> AppResult<repo::Edit> {
    let mut problems = crate::error::Problems::new(lang);
    let category = crate::input::given(&p.category).and_then(|c| {
        let parsed = Category::parse(&c);
        if parsed.is_none() {
            problems.add("category", T::CategoryRule);
        }
        parsed
    });
    let frequency = crate::input::given(&p.premium_frequency).and_then(|f| {
        let parsed = Frequency::parse(&f);
        if parsed.is_none() {
            problems.add("premium_frequency", T::FrequencyRule);
        }
        parsed
    });
    let mode = crate::input::given(&p.premium_mode).and_then(|m| {
        let parsed = PremiumMode::parse(&m);
        if parsed.is_none() {
            problems.add("premium_mode", T::ModeRule);
        }
        parsed
    });
    let maturity = crate::input::given(&p.maturity_date).and_then(|d| {
        let parsed = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.add("maturity_date", crate::i18n::Msg::DateFormat);
        }
        parsed
    });
    for (field, amount, cap) in [
        ("sum_assured", p.sum_assured, SUM_ASSURED_CAP),
        ("premium_amount", p.premium_amount, PREMIUM_CAP),
    ] {
        match amount {
            Some(a) if a <= crate::money::Money::ZERO => problems.add(field, T::AmountPositive),
            Some(a) if a > cap => {
                problems.add_filled(field, T::AmountCap, &[("cap", &cap.label())])
            }
            _ => {}
        }
    }
    let plan_name = crate::input::given(&p.plan_name);
    if plan_name
        .as_deref()
        .is_some_and(|n| n.chars().count() > 255)
    {
        problems.add("plan_name", T::PlanNameNeeded);
    }
    if p.coverage_details
        .as_ref()
        .is_some_and(|c| !c.is_object() && !c.is_array())
    {
        problems.add("coverage_details", T::CoverageRule);
    }
    problems.into_result()?;
    Ok(repo::Edit {
        policy_type: crate::input::given(&p.policy_type).map(|t| t.to_ascii_lowercase()),
        plan_name,
        plan_code: crate::input::given(&p.plan_code).map(|c| c.to_ascii_uppercase()),
        category,
        sum_assured: p.sum_assured,
        premium_amount: p.premium_amount,
        premium_frequency: frequency,
        premium_mode: mode,
        maturity_date: maturity,
        coverage_details: p.coverage_details.clone(),
        nominee_details: p.nominee_details.clone().filter(|n| !n.is_null()),
        sub_status: crate::input::given(&p.sub_status),
        payment_status: crate::input::given(&p.payment_status),
    })
}

impl repo::Edit {
    /// The names of the fields the edit sets (the audit row's: no values).
    pub fn names(&self) -> Vec<&'static str> {
        [
            ("policy_type", self.policy_type.is_some()),
            ("plan_name", self.plan_name.is_some()),
            ("plan_code", self.plan_code.is_some()),
            ("category", self.category.is_some()),
            ("sum_assured", self.sum_assured.is_some()),
            ("premium_amount", self.premium_amount.is_some()),
            ("premium_frequency", self.premium_frequency.is_some()),
            ("premium_mode", self.premium_mode.is_some()),
            ("maturity_date", self.maturity_date.is_some()),
            ("coverage_details", self.coverage_details.is_some()),
            ("nominee_details", self.nominee_details.is_some()),
            ("sub_status", self.sub_status.is_some()),
            ("payment_status", self.payment_status.is_some()),
        ]
        .into_iter()
        .filter_map(|(n, set)| set.then_some(n))
        .collect()
    }
}
