//! Premium rows: the history, recording one, and the counters it moves.

use crate::money::Money;
use crate::policies::types::{NewPremium, Premium};
use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

const PREMIUM: &str = "SELECT pp.payment_id AS id, pp.policy_id, ip.policy_number,
        (pp.amount * 100)::int8 AS amount, pp.payment_date, pp.due_date, pp.status,
        pp.reference AS transaction_id, pp.payment_method, pp.payment_gateway
    FROM premium_payments pp JOIN insurance_policies ip ON ip.policy_id = pp.policy_id";

/// A policy's premiums, newest first.
pub async fn premiums(conn: &mut PgConnection, policy: Uuid) -> sqlx::Result<Vec<Premium>> {
    sqlx::query_as(&format!(
        "{PREMIUM} WHERE pp.policy_id = $1 ORDER BY pp.payment_date DESC, pp.created_at DESC LIMIT 200"
    ))
    .bind(policy)
    .fetch_all(conn)
    .await
}

/// A customer's premiums across their policies, newest first.
pub async fn premiums_of_holder(
    conn: &mut PgConnection,
    holder: Uuid,
    limit: i64,
) -> sqlx::Result<Vec<Premium>> {
    sqlx::query_as(&format!(
        "{PREMIUM} WHERE pp.policyholder_id = $1 ORDER BY pp.payment_date DESC, pp.created_at DESC LIMIT $2"
    ))
    .bind(holder)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Records a completed premium. A receipt already recorded on this policy is
/// refused by `premium_payments_policy_id_reference_key`.
#[allow(clippy::too_many_arguments)]
pub async fn insert_premium(
    conn: &mut PgConnection,
    tenant: Uuid,
    policy: Uuid,
    holder: Uuid,
    agent: Uuid,
    due: Option<NaiveDate>,
    p: &NewPremium,
    by: Uuid,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO premium_payments (tenant_id, policy_id, policyholder_id, agent_id, amount,
             payment_date, due_date, payment_method, reference, status, recorded_by)
         VALUES ($1, $2, $3, $4, $5::int8 / 100.0, $6::date + time '12:00' AT TIME ZONE 'Asia/Kolkata',
                 $7, $8, $9, 'completed', $10)
         RETURNING payment_id",
    )
    .bind(tenant)
    .bind(policy)
    .bind(holder)
    .bind(agent)
    .bind(p.amount)
    .bind(p.paid_on)
    .bind(due)
    .bind(p.method)
    .bind(&p.reference)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// The policy's side of a premium (SPEC §4.10): paid on, one more payment, the
/// outstanding amount down (never below zero), the next due date.
pub async fn apply_premium(
    conn: &mut PgConnection,
    policy: Uuid,
    amount: Money,
    paid_on: NaiveDate,
    next_due: Option<NaiveDate>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE insurance_policies SET
            last_payment_date = $3::date + time '12:00' AT TIME ZONE 'Asia/Kolkata',
            total_payments = total_payments + 1,
            outstanding_amount = greatest(0, outstanding_amount - $2::int8 / 100.0),
            next_payment_date = coalesce($4, next_payment_date),
            payment_status = 'completed',
            updated_at = now()
          WHERE policy_id = $1",
    )
    .bind(policy)
    .bind(amount)
    .bind(paid_on)
    .bind(next_due)
    .execute(conn)
    .await?;
    Ok(())
}

/// One premium by id.
pub async fn premium(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Premium>> {
    sqlx::query_as(&format!("{PREMIUM} WHERE pp.payment_id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Completed premiums by month for the last `months` months, oldest first:
/// `(first day of the month, paise)`, every month present.
pub async fn monthly_premiums(
    conn: &mut PgConnection,
    agent: Uuid,
    today: NaiveDate,
    months: i32,
) -> sqlx::Result<Vec<(NaiveDate, Money)>> {
    sqlx::query_as(
        "WITH m AS (
             SELECT (date_trunc('month', $2::date) - make_interval(months => g))::date AS month
               FROM generate_series(0, $3 - 1) g)
         SELECT m.month, coalesce((SELECT (sum(pp.amount) * 100)::int8 FROM premium_payments pp
                 WHERE pp.agent_id = $1 AND pp.status = 'completed'
                   AND pp.payment_date >= m.month::timestamp AT TIME ZONE 'Asia/Kolkata'
                   AND pp.payment_date < (m.month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Kolkata'), 0)
           FROM m ORDER BY m.month",
    )
    .bind(agent)
    .bind(today)
    .bind(months)
    .fetch_all(conn)
    .await
}
