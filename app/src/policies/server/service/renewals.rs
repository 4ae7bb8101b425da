//! The renewal queue (derived from due dates and frequencies, never from a
//! hand-set status), its reminders, and the daily job that lapses policies
//! whose grace has run out.

use super::{audit_policy, book, not_found, today};
use crate::access::Permission;
use crate::audit::{self, Entry, Event};
use crate::auth::server::guard::Ctx;
use crate::auth::server::sms::{self, SmsMessage};
use crate::customers::server::scope::Book;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::policies::server::repo;
use crate::policies::types::*;
use sqlx::PgPool;
use uuid::Uuid;

/// A page of the caller's queue and the counts of every bucket.
pub async fn renewals(ctx: &Ctx, q: &RenewalQuery) -> AppResult<(Vec<Renewal>, BucketCounts)> {
    let book = book(ctx, Permission::PoliciesRead);
    let limit = crate::paging::limit(q.limit);
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::renewals(&mut conn, book, q, today(), limit).await?;
    let counts = repo::bucket_counts(&mut conn, book, q, today()).await?;
    Ok((rows, counts))
}

/// The counts alone (the agent home's cards).
pub async fn bucket_counts(ctx: &Ctx) -> AppResult<BucketCounts> {
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::bucket_counts(
        &mut conn,
        book(ctx, Permission::PoliciesRead),
        &RenewalQuery::default(),
        today(),
    )
    .await?)
}

/// What a reminder did: the WhatsApp link to open, for a WhatsApp reminder.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Sent {
    pub reminder_id: Uuid,
    pub channel: Channel,
    pub text: String,
    pub whatsapp_url: Option<String>,
}

/// Sends (SMS, through the outbox) or logs (a WhatsApp tap) one reminder for a
/// policy in the caller's book. One per policy per day: the policy row's lock
/// makes two taps at once queue, and the second finds the first.
///
/// # Errors
/// 404 outside the book; 409 for a policy with nothing due, or reminded in the
/// last 24 hours.
pub async fn remind(ctx: &Ctx, id: Uuid, channel: Channel) -> AppResult<Sent> {
    let book = match book(ctx, Permission::PoliciesRead) {
        Book::Holder(_) => return Err(not_found()),
        b => b,
    };
    let mut tx = ctx.pool().begin().await?;
    let locked = repo::lock(&mut tx, book, id).await?.ok_or_else(not_found)?;
    let policy = repo::find(&mut tx, book, id).await?.ok_or_else(not_found)?;
    let (Some(due), true) = (locked.next_payment_date, locked.status.is_on_the_books()) else {
        return Err(AppError::Conflict(format!(
            "Nothing is due on this policy: its status is {}",
            locked.status
        )));
    };
    if let Some(at) = repo::last_reminder(&mut tx, id).await? {
        let next = at + chrono::Duration::hours(REMINDER_GAP_HOURS);
        if chrono::Utc::now() < next {
            return Err(AppError::Conflict(format!(
                "This customer was reminded less than {REMINDER_GAP_HOURS} hours ago; the next reminder can go after {}",
                crate::format::ist_time(next)
            )));
        }
    }
    let lang = Lang::from_code(&customer_language(&mut tx, locked.policyholder_id).await?)
        .unwrap_or_default();
    let amount = if policy.outstanding_amount > crate::money::Money::ZERO {
        policy.outstanding_amount
    } else {
        policy.premium_amount
    };
    let text = ReminderText {
        name: &policy.policyholder_info.full_name,
        amount,
        policy_number: &policy.policy_number,
        due,
        agent: &policy.agent_info.full_name,
    }
    .render(lang);
    let Some(phone) = policy.policyholder_info.phone_number.clone() else {
        return Err(AppError::Conflict(
            "This customer has no mobile number to remind".into(),
        ));
    };
    let (message, whatsapp_url) = match channel {
        Channel::Sms => {
            let message = SmsMessage {
                phone_number: phone.clone(),
                template_id: "premium_reminder".into(),
                body: text.clone(),
            };
            (Some(sms::enqueue(&mut tx, &message).await?), None)
        }
        Channel::Whatsapp => (None, whatsapp_link(&phone, &text)),
    };
    let reminder = repo::insert_reminder(
        &mut tx,
        locked.tenant_id,
        id,
        locked.policyholder_id,
        channel,
        Some(due),
        message,
        ctx.caller.user_id,
    )
    .await?;
    audit_policy(
        &mut tx,
        ctx,
        Event::ReminderSent,
        id,
        serde_json::json!({"channel": channel, "due_date": due, "reminder_id": reminder}),
    )
    .await?;
    tx.commit().await?;
    Ok(Sent {
        reminder_id: reminder,
        channel,
        text,
        whatsapp_url,
    })
}

async fn customer_language(conn: &mut sqlx::PgConnection, holder: Uuid) -> AppResult<String> {
    Ok(sqlx::query_scalar(
        "SELECT preferred_language FROM policyholders WHERE policyholder_id = $1",
    )
    .bind(holder)
    .fetch_one(conn)
    .await?)
}

/// The daily lapse job: every active policy whose grace has run out becomes
/// `lapsed`, with an audit row each, in batches. Safe to run twice (a lapsed
/// policy is no longer active) and on two instances at once (`SKIP LOCKED`: each
/// instance takes rows the other does not hold). Returns how many it lapsed.
pub async fn lapse_overdue(pool: &PgPool, batch: i64) -> AppResult<u64> {
    let mut total = 0;
    loop {
        let mut tx = pool.begin().await?;
        let lapsed = repo::lapse_overdue(&mut tx, today(), batch).await?;
        for (policy, tenant, due) in &lapsed {
            let e = Entry::new(Event::PolicyLapsed)
                .tenant(*tenant)
                .on("policy", *policy)
                .details(
                    serde_json::json!({"from": "active", "to": "lapsed", "due_date": due,
                                            "by": "lapse job"}),
                );
            audit::record(
                &mut tx,
                &crate::auth::server::guard::RequestMeta::system(),
                e,
            )
            .await?;
        }
        tx.commit().await?;
        total += lapsed.len() as u64;
        if (lapsed.len() as i64) < batch {
            return Ok(total);
        }
    }
}
