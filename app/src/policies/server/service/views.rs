//! What the policy pages read beyond the API: the detail page's history and
//! allowed steps, the New Policy form's choices, the customer's own policies and
//! the agent home's figures.

use super::{book, read, today};
use crate::access::Permission;
use crate::agents::server::scope::AgentScope;
use crate::auth::server::guard::Ctx;
use crate::customers::server::scope::Book;
use crate::error::AppResult;
use crate::policies::server::repo;
use crate::policies::types::*;
use chrono::Datelike;
use uuid::Uuid;

/// The lifecycle steps the detail page offers: legal from the current status,
/// and allowed to this caller (the same rules `step` applies).
fn steps_for(ctx: &Ctx, p: &Policy) -> Vec<PolicyStep> {
    let caller = &ctx.caller;
    [
        PolicyStep::Submit,
        PolicyStep::Approve,
        PolicyStep::Activate,
        PolicyStep::Cancel,
    ]
    .into_iter()
    .filter(|s| p.status.next(*s).is_ok())
    .filter(|s| match s {
        PolicyStep::Submit => {
            caller.agent_id == Some(p.agent_id) || caller.reach.contains(Permission::PoliciesUpdate)
        }
        PolicyStep::Approve | PolicyStep::Activate => {
            caller.reach.contains(Permission::PoliciesApprove)
        }
        _ => caller.reach.contains(Permission::PoliciesDelete),
    })
    .collect()
}

type Detail = (Policy, Vec<Premium>, Vec<Reminder>, Vec<PolicyStep>, bool);

pub async fn detail(ctx: &Ctx, id: Uuid) -> AppResult<Detail> {
    let policy = read(ctx, id).await?;
    let mut conn = ctx.pool().acquire().await?;
    let premiums = if ctx.caller.can(Permission::PaymentsRead) {
        repo::premiums(&mut conn, id).await?
    } else {
        Vec::new()
    };
    let reminders = match book(ctx, Permission::PoliciesRead) {
        Book::Holder(_) => Vec::new(),
        _ => repo::reminders(&mut conn, Some(id), None, 20).await?,
    };
    let may_record = ctx.caller.can(Permission::PaymentsCreate)
        && takes_premiums(policy.status)
        && !book(ctx, Permission::PaymentsCreate).is_empty();
    let steps = steps_for(ctx, &policy);
    Ok((policy, premiums, reminders, steps, may_record))
}

/// The customers the New Policy form offers (the caller's own, or their scope's
/// first hundred) and the writing agent's provider.
pub async fn form_choices(ctx: &Ctx) -> AppResult<(Vec<(Uuid, String)>, Option<String>)> {
    let q = crate::customers::types::CustomerQuery {
        agent_id: ctx
            .caller
            .agent_id
            .filter(|_| !book(ctx, Permission::CustomersRead).is_admin()),
        limit: Some(crate::paging::MAX_LIMIT),
        ..Default::default()
    };
    let customers = crate::customers::server::service::list(ctx, &q)
        .await?
        .items
        .into_iter()
        .map(|c| {
            let label = match &c.customer_id {
                Some(id) => format!("{} · {id}", c.addressed()),
                None => c.addressed(),
            };
            (c.policyholder_id, label)
        })
        .collect();
    let provider = match ctx.caller.agent_id {
        Some(agent) => {
            let mut conn = ctx.pool().acquire().await?;
            sqlx::query_scalar(
                "SELECT p.provider_name FROM agents a JOIN insurance_providers p USING (provider_id)
                  WHERE a.agent_id = $1",
            )
            .bind(agent)
            .fetch_optional(&mut *conn)
            .await?
        }
        None => None,
    };
    Ok((customers, provider))
}

/// A customer's own policies and premiums (none for anyone who is not one).
pub async fn mine(ctx: &Ctx) -> AppResult<(Vec<Policy>, Vec<Premium>)> {
    let Book::Holder(user) = book(ctx, Permission::PoliciesRead) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let q = PolicyQuery {
        limit: Some(crate::paging::MAX_LIMIT),
        ..PolicyQuery::default()
    };
    let policies = super::list(ctx, &q).await?.items;
    let mut conn = ctx.pool().acquire().await?;
    let holder: Option<Uuid> =
        sqlx::query_scalar("SELECT policyholder_id FROM policyholders WHERE user_id = $1")
            .bind(user)
            .fetch_optional(&mut *conn)
            .await?;
    let premiums = match holder {
        Some(h) if ctx.caller.can(Permission::PaymentsRead) => {
            repo::premiums_of_holder(&mut conn, h, 24).await?
        }
        _ => Vec::new(),
    };
    Ok((policies, premiums))
}

/// The first day of India's financial year (1 April) that holds `day`.
pub fn financial_year_start(day: chrono::NaiveDate) -> chrono::NaiveDate {
    let year = if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    };
    chrono::NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or(day)
}

/// The agent home's figures, for the caller's own agent record (`None` for
/// anyone without one).
pub async fn summary(ctx: &Ctx) -> AppResult<Option<BookSummary>> {
    let Some(agent) = ctx.caller.agent_id else {
        return Ok(None);
    };
    let today = today();
    let mut conn = ctx.pool().acquire().await?;
    let (policies, active_customers, premium_this_year): (i64, i64, crate::money::Money) =
        sqlx::query_as(
            "SELECT (SELECT count(*) FROM insurance_policies
                      WHERE agent_id = $1 AND status IN ('active', 'lapsed')),
                    (SELECT count(DISTINCT policyholder_id) FROM insurance_policies
                      WHERE agent_id = $1 AND status = 'active'),
                    coalesce((SELECT (sum(amount) * 100)::int8 FROM premium_payments
                      WHERE agent_id = $1 AND status = 'completed'
                        AND payment_date >= $2::date::timestamp AT TIME ZONE 'Asia/Kolkata'), 0)",
        )
        .bind(agent)
        .bind(financial_year_start(today))
        .fetch_one(&mut *conn)
        .await?;
    let counts = repo::bucket_counts(
        &mut conn,
        Book::Agents(AgentScope::Own(agent)),
        &RenewalQuery::default(),
        today,
    )
    .await?;
    let months = repo::monthly_premiums(&mut conn, agent, today, 12).await?;
    Ok(Some(BookSummary {
        policies,
        active_customers,
        premium_this_year,
        counts,
        months,
    }))
}

#[cfg(test)]
mod tests {
    use super::financial_year_start;
    use chrono::NaiveDate;

    #[test]
    fn the_financial_year_starts_on_1_april() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(financial_year_start(d(2026, 12, 2)), d(2026, 4, 1));
        assert_eq!(financial_year_start(d(2027, 3, 31)), d(2026, 4, 1));
        assert_eq!(financial_year_start(d(2027, 4, 1)), d(2027, 4, 1));
    }
}
