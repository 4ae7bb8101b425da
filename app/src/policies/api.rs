//! Server functions of the policy pages (`/api/ui/policies/*`): the list and
//! detail (P9, P10), writing a policy, its lifecycle steps, recording a premium,
//! the renewal queue with its reminders, the customer's own policies and the
//! agent home's figures. Form-encoded, so every form posts without JavaScript;
//! the words a page shows (a policy's standing) are worked out here, on the
//! server's today, in the reader's language.

use crate::error::AppError;
use crate::money::Money;
use crate::paging::Page;
use crate::policies::types::*;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{auth::server::guard::ctx, policies::server::service};

#[cfg(feature = "ssr")]
fn line(policy: Policy, lang: crate::i18n::Lang) -> PolicyLine {
    crate::policies::text::line(policy, service::today(), lang)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoliciesPage {
    pub page: Page<PolicyLine>,
    pub may_write: bool,
}

#[server(prefix = "/api/ui", endpoint = "policies/list", input = GetUrl)]
pub async fn list_policies(
    view: Option<String>,
    status: Option<String>,
    category: Option<String>,
    policy_number: Option<String>,
    policyholder_id: Option<Uuid>,
    cursor: Option<String>,
) -> Result<PoliciesPage, AppError> {
    let ctx = ctx::<ListPolicies>()?;
    let q = PolicyQuery {
        view,
        status,
        category,
        policy_number,
        policyholder_id,
        cursor,
        ..PolicyQuery::default()
    };
    let lang = ctx.meta.lang;
    let page = service::list(&ctx, &q).await?.map(|p| line(p, lang));
    Ok(PoliciesPage {
        page,
        may_write: ctx.caller.can(crate::access::Permission::PoliciesCreate),
    })
}

/// The detail page (P10): the policy, its history, and what the caller may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyDetail {
    pub line: PolicyLine,
    pub premiums: Vec<Premium>,
    pub reminders: Vec<Reminder>,
    /// The lifecycle steps this caller may take now.
    pub steps: Vec<PolicyStep>,
    pub may_record: bool,
}

#[server(prefix = "/api/ui", endpoint = "policies/detail", input = GetUrl)]
pub async fn load_policy(policy_id: Uuid) -> Result<PolicyDetail, AppError> {
    let ctx = ctx::<LoadPolicy>()?;
    service::detail(&ctx, policy_id).await.map(
        |(policy, premiums, reminders, steps, may_record)| PolicyDetail {
            line: line(policy, ctx.meta.lang),
            premiums,
            reminders,
            steps,
            may_record,
        },
    )
}

/// What the New Policy form offers: the caller's customers and the agent's provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyForm {
    pub customers: Vec<(Uuid, String)>,
    pub provider: Option<String>,
    pub today: NaiveDate,
}

#[server(prefix = "/api/ui", endpoint = "policies/new", input = GetUrl)]
pub async fn new_policy_form() -> Result<PolicyForm, AppError> {
    let ctx = ctx::<NewPolicyForm>()?;
    let (customers, provider) = service::form_choices(&ctx).await?;
    Ok(PolicyForm {
        customers,
        provider,
        today: service::today(),
    })
}

/// Writes a draft and opens it.
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api/ui", endpoint = "policies/write", input = PostUrl)]
pub async fn write_policy(
    policyholder_id: String,
    policy_number: String,
    policy_type: String,
    plan_name: String,
    plan_code: String,
    category: String,
    sum_assured: String,
    premium_amount: String,
    premium_frequency: String,
    premium_mode: String,
    application_date: String,
    start_date: String,
    maturity_date: String,
    nominee_name: String,
    nominee_relationship: String,
    riders: String,
) -> Result<(), AppError> {
    let ctx = ctx::<WritePolicy>()?;
    let lang = ctx.meta.lang;
    let mut problems = crate::error::Problems::new(lang);
    let mut money = |field: &str, raw: &str| {
        let m = Money::parse(raw);
        if m.is_none() && !raw.trim().is_empty() {
            problems.add(field, crate::policies::text::T::AmountPositive);
        }
        m
    };
    let sum_assured = money("sum_assured", &sum_assured);
    let premium_amount = money("premium_amount", &premium_amount);
    problems.into_result()?;
    let riders: Vec<String> = riders
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect();
    let nominee = (!nominee_name.trim().is_empty()).then(|| {
        serde_json::json!({"name": nominee_name.trim(), "relationship": nominee_relationship.trim()})
    });
    let some = |s: String| (!s.trim().is_empty()).then_some(s);
    let req = PolicyRequest {
        policy_number: some(policy_number),
        policyholder_id: policyholder_id.parse().ok(),
        agent_id: None,
        provider_id: None,
        policy_type,
        plan_name,
        plan_code: some(plan_code),
        category,
        sum_assured,
        premium_amount,
        premium_frequency,
        premium_mode: some(premium_mode),
        application_date,
        start_date,
        maturity_date: some(maturity_date),
        coverage_details: Some(serde_json::json!({ "riders": riders })),
        nominee_details: nominee,
    };
    let policy = service::create(&ctx, &req).await?;
    leptos_axum::redirect(&format!("/policies/{}", policy.policy_id));
    Ok(())
}

/// Takes one lifecycle step (submit, approve, activate, cancel) from the detail page.
#[server(prefix = "/api/ui", endpoint = "policies/step", input = PostUrl)]
pub async fn take_policy_step(policy_id: Uuid, step: String) -> Result<(), AppError> {
    let ctx = ctx::<TakePolicyStep>()?;
    let step = PolicyStep::parse(&step)
        .ok_or_else(|| AppError::BadRequest(format!("Unknown step {step:?}")))?;
    service::step(&ctx, policy_id, step).await.map(drop)
}

/// Records a premium from the detail page.
#[server(prefix = "/api/ui", endpoint = "policies/premium", input = PostUrl)]
pub async fn record_premium(
    policy_id: Uuid,
    amount: String,
    payment_date: String,
    payment_method: String,
    reference: String,
) -> Result<(), AppError> {
    let ctx = ctx::<RecordPremium>()?;
    let amount_given = !amount.trim().is_empty();
    let req = PremiumRequest {
        amount: Money::parse(&amount).or(amount_given.then_some(Money::ZERO)),
        payment_date: Some(payment_date),
        payment_method: Some(payment_method),
        reference: Some(reference),
    };
    service::record(&ctx, policy_id, &req).await.map(drop)
}

/// A renewal row as the queue page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenewalLine {
    pub row: Renewal,
    pub bucket: Option<Bucket>,
    pub standing: String,
    pub may_remind: bool,
    /// When the last reminder went, in words ("14:05 IST on 3 Dec").
    pub last_reminder: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenewalsPage {
    pub rows: Vec<RenewalLine>,
    pub counts: BucketCounts,
}

#[server(prefix = "/api/ui", endpoint = "policies/renewals", input = GetUrl)]
pub async fn load_renewals(bucket: Option<String>) -> Result<RenewalsPage, AppError> {
    let ctx = ctx::<LoadRenewals>()?;
    let q = RenewalQuery {
        bucket,
        limit: Some(crate::paging::MAX_LIMIT),
        ..RenewalQuery::default()
    };
    let (rows, counts) = service::renewals(&ctx, &q).await?;
    let today = service::today();
    let now = chrono::Utc::now();
    let lang = ctx.meta.lang;
    let rows = rows
        .into_iter()
        .map(|row| {
            let standing = row.standing(today);
            RenewalLine {
                bucket: standing.bucket(),
                standing: crate::policies::text::describe(standing, today, lang),
                may_remind: row.may_remind(now),
                last_reminder: row.last_reminder_at.map(crate::format::ist_time),
                row,
            }
        })
        .collect();
    Ok(RenewalsPage { rows, counts })
}

/// One reminder from the queue. SMS comes back to the queue; WhatsApp opens the
/// chat with the text filled in (the tap is logged first).
#[server(prefix = "/api/ui", endpoint = "policies/remind", input = PostUrl)]
pub async fn send_reminder(policy_id: Uuid, channel: String, back: String) -> Result<(), AppError> {
    let ctx = ctx::<SendReminder>()?;
    let channel = Channel::parse(&channel).unwrap_or(Channel::Sms);
    let sent = service::remind(&ctx, policy_id, channel).await?;
    if let Some(url) = sent.whatsapp_url {
        leptos_axum::redirect(&url);
    } else if back.starts_with('/') && !back.starts_with("//") {
        leptos_axum::redirect(&back);
    }
    Ok(())
}

/// "Remind all in grace", after the confirmation: starts the run and goes to its
/// page, where the progress bar follows it.
#[server(prefix = "/api/ui", endpoint = "policies/remind-all", input = PostUrl)]
pub async fn remind_all(bucket: String) -> Result<(), AppError> {
    let ctx = ctx::<RemindAll>()?;
    let bucket = Bucket::parse(&bucket).unwrap_or(Bucket::InGrace);
    let run = service::start_run(&ctx, bucket).await?;
    leptos_axum::redirect(&format!("/agent/renewals/run/{}", run.run_id));
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "policies/reminder-run", input = GetUrl)]
pub async fn load_reminder_run(run_id: Uuid) -> Result<ReminderRun, AppError> {
    let ctx = ctx::<LoadReminderRun>()?;
    service::reminder_run(&ctx, run_id).await
}

/// The customer's own page: their policies in plain words and their premiums.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyPolicies {
    pub policies: Vec<PolicyLine>,
    pub premiums: Vec<Premium>,
}

#[server(prefix = "/api/ui", endpoint = "policies/mine", input = GetUrl)]
pub async fn load_my_policies() -> Result<MyPolicies, AppError> {
    let ctx = ctx::<LoadMyPolicies>()?;
    let (policies, premiums) = service::mine(&ctx).await?;
    let lang = ctx.meta.lang;
    Ok(MyPolicies {
        policies: policies.into_iter().map(|p| line(p, lang)).collect(),
        premiums,
    })
}

#[server(prefix = "/api/ui", endpoint = "policies/summary", input = GetUrl)]
pub async fn load_book_summary() -> Result<Option<BookSummary>, AppError> {
    let ctx = ctx::<LoadBookSummary>()?;
    service::summary(&ctx).await
}
