//! The renewal queue's SQL: buckets are derived from the due date and the
//! frequency, in SQL the same way `Standing::of` derives them in Rust (a test
//! holds the two together).

use crate::customers::server::scope::{Book, BookRows};
use crate::policies::types::{Bucket, BucketCounts, Channel, Reminder, Renewal, RenewalQuery};
use chrono::NaiveDate;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use uuid::Uuid;

/// The last day of grace: 15 days for monthly premiums, a calendar month for the
/// others (Postgres clamps a month end the way `add_months` does).
const GRACE_ENDS: &str =
    "(CASE WHEN ip.premium_frequency = 'monthly' THEN ip.next_payment_date + 15
     ELSE (ip.next_payment_date + interval '1 month')::date END)";
/// The last day a lapsed policy can be revived: five years less a day.
const REVIVABLE_UNTIL: &str = "((ip.next_payment_date + interval '5 years')::date - 1)";

fn push_bucket(qb: &mut QueryBuilder<'_, Postgres>, bucket: Bucket, today: NaiveDate, window: i64) {
    match bucket {
        Bucket::DueSoon => {
            qb.push(" AND ip.next_payment_date BETWEEN ")
                .push_bind(today)
                .push(" AND ")
                .push_bind(today + chrono::Duration::days(window));
        }
        Bucket::InGrace => {
            qb.push(" AND ip.next_payment_date < ")
                .push_bind(today)
                .push(format!(" AND {GRACE_ENDS} >= "))
                .push_bind(today);
        }
        Bucket::Revivable => {
            qb.push(format!(" AND {GRACE_ENDS} < "))
                .push_bind(today)
                .push(format!(" AND {REVIVABLE_UNTIL} >= "))
                .push_bind(today);
        }
        Bucket::Lapsed => {
            qb.push(format!(" AND {REVIVABLE_UNTIL} < "))
                .push_bind(today);
        }
    }
}

/// Policies on the books with a premium due within the window or overdue.
fn push_queue(qb: &mut QueryBuilder<'_, Postgres>, book: Book, q: &RenewalQuery, today: NaiveDate) {
    qb.push(" AND ip.status IN ('active', 'lapsed') AND ip.next_payment_date <= ")
        .push_bind(today + chrono::Duration::days(q.window()));
    book.push_filter(qb, BookRows::POLICIES);
    if let Some(agent) = q.agent_id {
        qb.push(" AND ip.agent_id = ").push_bind(agent);
    }
    match q.bucket() {
        Some(Some(b)) => push_bucket(qb, b, today, q.window()),
        Some(None) => {
            qb.push(" AND false");
        }
        None => {}
    }
}

/// A page of the queue, most urgent (earliest due) first.
pub async fn renewals(
    conn: &mut PgConnection,
    book: Book,
    q: &RenewalQuery,
    today: NaiveDate,
    limit: i64,
) -> sqlx::Result<Vec<Renewal>> {
    let mut qb = QueryBuilder::new(
        "SELECT ip.policy_id, ip.policy_number, ip.plan_name, ip.status, ip.policyholder_id,
                trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) AS customer_name,
                u.phone_number, p.preferred_language,
                (ip.premium_amount * 100)::int8 AS premium_amount,
                (ip.outstanding_amount * 100)::int8 AS outstanding_amount,
                ip.premium_frequency, ip.next_payment_date AS due_date,
                r.sent_at AS last_reminder_at, r.channel AS last_reminder_channel
           FROM insurance_policies ip
           JOIN policyholders p ON p.policyholder_id = ip.policyholder_id
           JOIN users u ON u.user_id = p.user_id
           LEFT JOIN LATERAL (SELECT sent_at, channel FROM premium_reminders pr
                               WHERE pr.policy_id = ip.policy_id
                               ORDER BY sent_at DESC LIMIT 1) r ON true
          WHERE true",
    );
    push_queue(&mut qb, book, q, today);
    qb.push(" ORDER BY ip.next_payment_date, ip.policy_id LIMIT ")
        .push_bind(limit);
    if let Some(offset) = q.offset {
        qb.push(" OFFSET ").push_bind(offset.max(0));
    }
    qb.build_query_as().fetch_all(conn).await
}

/// Every policy of the queue that `q` selects, most urgent first: the worklist of
/// a "remind all" run.
pub async fn queue_policies(
    conn: &mut PgConnection,
    book: Book,
    q: &RenewalQuery,
    today: NaiveDate,
) -> sqlx::Result<Vec<Uuid>> {
    let mut qb = QueryBuilder::new("SELECT ip.policy_id FROM insurance_policies ip WHERE true");
    push_queue(&mut qb, book, q, today);
    qb.push(" ORDER BY ip.next_payment_date, ip.policy_id");
    qb.build_query_scalar().fetch_all(conn).await
}

/// How many policies sit in each bucket.
pub async fn bucket_counts(
    conn: &mut PgConnection,
    book: Book,
    q: &RenewalQuery,
    today: NaiveDate,
) -> sqlx::Result<BucketCounts> {
    let mut qb = QueryBuilder::new("SELECT");
    for (i, bucket) in Bucket::ALL.iter().enumerate() {
        qb.push(if i == 0 { " " } else { ", " });
        qb.push("count(*) FILTER (WHERE true");
        push_bucket(&mut qb, *bucket, today, q.window());
        qb.push(")");
    }
    qb.push(" FROM insurance_policies ip WHERE true");
    let all = RenewalQuery {
        bucket: None,
        ..q.clone()
    };
    push_queue(&mut qb, book, &all, today);
    let (due_soon, in_grace, revivable, lapsed): (i64, i64, i64, i64) =
        qb.build_query_as().fetch_one(conn).await?;
    Ok(BucketCounts {
        due_soon,
        in_grace,
        revivable,
        lapsed,
    })
}

/// The newest reminder of a policy, if any.
pub async fn last_reminder(
    conn: &mut PgConnection,
    policy: Uuid,
) -> sqlx::Result<Option<chrono::DateTime<chrono::Utc>>> {
    sqlx::query_scalar("SELECT max(sent_at) FROM premium_reminders WHERE policy_id = $1")
        .bind(policy)
        .fetch_one(conn)
        .await
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_reminder(
    conn: &mut PgConnection,
    tenant: Uuid,
    policy: Uuid,
    holder: Uuid,
    channel: Channel,
    due: Option<NaiveDate>,
    message: Option<Uuid>,
    by: Uuid,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO premium_reminders (tenant_id, policy_id, policyholder_id, channel, due_date,
                                        message_id, sent_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING reminder_id",
    )
    .bind(tenant)
    .bind(policy)
    .bind(holder)
    .bind(channel)
    .bind(due)
    .bind(message)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// The reminders of a policy or of a customer, newest first.
pub async fn reminders(
    conn: &mut PgConnection,
    policy: Option<Uuid>,
    holder: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<Reminder>> {
    sqlx::query_as(
        "SELECT r.reminder_id, r.policy_id, ip.policy_number, r.channel, r.due_date, r.sent_at
           FROM premium_reminders r JOIN insurance_policies ip ON ip.policy_id = r.policy_id
          WHERE ($1::uuid IS NULL OR r.policy_id = $1) AND ($2::uuid IS NULL OR r.policyholder_id = $2)
          ORDER BY r.sent_at DESC LIMIT $3",
    )
    .bind(policy)
    .bind(holder)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Lapses, in one statement, up to `batch` active policies whose grace ran out,
/// skipping rows another instance holds. Returns what it lapsed.
pub async fn lapse_overdue(
    conn: &mut PgConnection,
    today: NaiveDate,
    batch: i64,
) -> sqlx::Result<Vec<(Uuid, Uuid, NaiveDate)>> {
    sqlx::query_as(&format!(
        "WITH due AS (
             SELECT ip.policy_id FROM insurance_policies ip
              WHERE ip.status = 'active' AND ip.next_payment_date < $1 AND {GRACE_ENDS} < $1
              ORDER BY ip.next_payment_date LIMIT $2
              FOR UPDATE SKIP LOCKED)
         UPDATE insurance_policies ip SET status = 'lapsed', lapsed_at = now(), updated_at = now()
           FROM due WHERE ip.policy_id = due.policy_id
         RETURNING ip.policy_id, ip.tenant_id, ip.next_payment_date"
    ))
    .bind(today)
    .bind(batch)
    .fetch_all(conn)
    .await
}
