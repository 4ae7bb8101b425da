//! Demo customers, policies and premiums (SPEC §7.3), with extra policies for the
//! demo agent placed so that every bucket of the renewal queue has a row on any
//! day the demo runs: due dates are relative to today, and re-seeding moves them.

use super::agents::{AGENT002, AGENT003, LIC};
use sqlx::PgConnection;
use uuid::Uuid;

const AGENT001: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const AGTJR001: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04";
pub const CUST001: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10";
pub const CUST002: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const CUST003: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12";
const CUST004: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13";
const CUSTJR01: &str = "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a05";

/// (policyholder id, user id, agent id, customer id, salutation, marital status,
/// occupation, annual income in rupees, language).
type CustomerSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    &'static str,
);

const CUSTOMERS: &[CustomerSeed] = &[
    (
        CUST001,
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
        AGENT001,
        "CUST001",
        "Mr.",
        "married",
        "Software Engineer",
        1_200_000,
        "en",
    ),
    (
        CUST002,
        "650742fb-5fa7-4913-8e4f-cdad3ccbe476",
        AGENT001,
        "CUST002",
        "Ms.",
        "single",
        "Teacher",
        450_000,
        "hi",
    ),
    (
        CUST003,
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a23",
        AGENT002,
        "CUST003",
        "Dr.",
        "married",
        "Doctor",
        2_500_000,
        "en",
    ),
    (
        CUST004,
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a24",
        AGENT003,
        "CUST004",
        "Mrs.",
        "married",
        "Business Owner",
        800_000,
        "hi",
    ),
    (
        CUSTJR01,
        "550e8400-e29b-41d4-a716-446655440005",
        AGTJR001,
        "CUSTJR01",
        "Ms.",
        "married",
        "Pharmacist",
        700_000,
        "en",
    ),
];

/// A demo policy; days are relative to today.
struct PolicySeed {
    id: &'static str,
    number: &'static str,
    holder: &'static str,
    agent: &'static str,
    kind: &'static str,
    plan: &'static str,
    code: &'static str,
    category: &'static str,
    sum_assured: i64,
    premium: i64,
    frequency: &'static str,
    status: &'static str,
    applied: i32,
    starts: i32,
    /// The first unpaid premium's due date, in days from today.
    due: i32,
}

#[allow(clippy::too_many_arguments)]
const fn p(
    id: &'static str,
    number: &'static str,
    holder: &'static str,
    agent: &'static str,
    kind: &'static str,
    plan: &'static str,
    code: &'static str,
    category: &'static str,
    amounts: (i64, i64),
    frequency: &'static str,
    status: &'static str,
    days: (i32, i32, i32),
) -> PolicySeed {
    PolicySeed {
        id,
        number,
        holder,
        agent,
        kind,
        plan,
        code,
        category,
        sum_assured: amounts.0,
        premium: amounts.1,
        frequency,
        status,
        applied: days.0,
        starts: days.1,
        due: days.2,
    }
}

const POLICIES: &[PolicySeed] = &[
    // SPEC §7.3.
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a01",
        "POL001001",
        CUST001,
        AGENT001,
        "term_life",
        "LIC Term Plan",
        "TERM2024",
        "life",
        (5_000_000, 15_000),
        "annual",
        "active",
        (-30, 0, 365),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a02",
        "POL001002",
        CUST002,
        AGENT001,
        "health_insurance",
        "LIC Health Shield",
        "HEALTH2024",
        "health",
        (300_000, 8_500),
        "annual",
        "active",
        (-15, 0, 365),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03",
        "POL002001",
        CUST003,
        AGENT002,
        "ulip",
        "LIC ULIP Plan",
        "ULIP2024",
        "life",
        (2_000_000, 25_000),
        "annual",
        "pending_approval",
        (-20, 0, 30),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04",
        "POL003001",
        CUST004,
        AGENT003,
        "retirement",
        "LIC Retirement Plan",
        "RETIRE2024",
        "life",
        (10_000_000, 50_000),
        "annual",
        "draft",
        (-10, 5, 5),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a05",
        "POL001003",
        CUST001,
        AGENT001,
        "child_plan",
        "LIC Child Plan",
        "CHILD2024",
        "life",
        (1_000_000, 12_000),
        "annual",
        "approved",
        (-5, 0, 0),
    ),
    // The role-test customer's active policy, with the junior agent.
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a06",
        "POLJR0001",
        CUSTJR01,
        AGTJR001,
        "endowment",
        "LIC Jeevan Labh",
        "LABH2024",
        "life",
        (1_500_000, 2_400),
        "monthly",
        "active",
        (-200, -180, 12),
    ),
    // The demo agent's renewal queue: due soon, in grace, revivable, lapsed.
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a07",
        "POL001004",
        CUST002,
        AGENT001,
        "endowment",
        "LIC Jeevan Anand",
        "ANAND2024",
        "life",
        (800_000, 1_200),
        "monthly",
        "active",
        (-400, -390, 5),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a08",
        "POL001005",
        CUST001,
        AGENT001,
        "whole_life",
        "LIC Jeevan Umang",
        "UMANG2024",
        "life",
        (2_500_000, 9_800),
        "quarterly",
        "active",
        (-380, -370, -10),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a09",
        "POL001006",
        CUST002,
        AGENT001,
        "term_life",
        "LIC Tech Term",
        "TECH2024",
        "life",
        (7_500_000, 11_000),
        "annual",
        "lapsed",
        (-900, -890, -160),
    ),
    p(
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a0a",
        "POL001007",
        CUST001,
        AGENT001,
        "endowment",
        "LIC New Endowment",
        "ENDOW2019",
        "life",
        (400_000, 6_000),
        "annual",
        "lapsed",
        (-3000, -2990, -2260),
    ),
];

/// (payment id, policy, paid days ago, due in days, amount, status, method, receipt).
type PaymentSeed = (
    &'static str,
    &'static str,
    i32,
    i32,
    i64,
    &'static str,
    &'static str,
    &'static str,
);

const PAYMENTS: &[PaymentSeed] = &[
    (
        "f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a01",
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a01",
        1,
        0,
        15_000,
        "completed",
        "online",
        "RCPT-POL001001-1",
    ),
    (
        "f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a02",
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a02",
        3,
        0,
        8_500,
        "completed",
        "bank_transfer",
        "RCPT-POL001002-1",
    ),
    (
        "f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a03",
        "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03",
        0,
        30,
        25_000,
        "pending",
        "online",
        "RCPT-POL002001-1",
    ),
];

/// The monthly premiums the demo agent collected on POL001004 over the past
/// year: the agent home's chart has a bar for every month.
const MONTHLY_HISTORY: i32 = 11;

pub async fn run(conn: &mut PgConnection) -> anyhow::Result<()> {
    for (id, user, agent, number, salutation, marital, occupation, income, lang) in CUSTOMERS {
        sqlx::query(
            "INSERT INTO policyholders (policyholder_id, user_id, agent_id, customer_id, salutation,
                 marital_status, occupation, annual_income, preferred_language, nominee_details)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '{\"name\": \"Family Nominee\", \"relationship\": \"spouse\"}')
             ON CONFLICT (policyholder_id) DO UPDATE SET salutation = EXCLUDED.salutation,
                 marital_status = EXCLUDED.marital_status, occupation = EXCLUDED.occupation,
                 annual_income = EXCLUDED.annual_income,
                 preferred_language = EXCLUDED.preferred_language,
                 nominee_details = coalesce(policyholders.nominee_details, EXCLUDED.nominee_details)",
        )
        .bind(id.parse::<Uuid>()?)
        .bind(user.parse::<Uuid>()?)
        .bind(agent.parse::<Uuid>()?)
        .bind(number)
        .bind(salutation)
        .bind(marital)
        .bind(occupation)
        .bind(*income as f64)
        .bind(lang)
        .execute(&mut *conn)
        .await?;
    }
    let lic: Uuid = LIC.parse()?;
    for s in POLICIES {
        sqlx::query(
            "INSERT INTO insurance_policies (policy_id, tenant_id, policy_number, policyholder_id,
                 agent_id, provider_id, policy_type, plan_name, plan_code, category, sum_assured,
                 premium_amount, premium_frequency, premium_mode, application_date, start_date,
                 maturity_date, status, approval_date, payment_status, coverage_details,
                 nominee_details, next_payment_date, outstanding_amount, lapsed_at)
             SELECT $1, p.tenant_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'regular',
                    current_date + $13, current_date + $14, current_date + $14 + interval '20 years',
                    $15, CASE WHEN $15 IN ('approved', 'active', 'lapsed') THEN current_date + $13 + 3 END,
                    CASE WHEN $15 IN ('active', 'lapsed') THEN 'completed' ELSE 'pending' END,
                    '{\"riders\": [\"Accidental Death Benefit\"], \"term\": 20}',
                    '{\"name\": \"Family Nominee\", \"relationship\": \"spouse\"}',
                    current_date + $16,
                    CASE WHEN $16 < 0 OR $15 NOT IN ('active', 'lapsed') THEN $11 ELSE 0 END,
                    CASE WHEN $15 = 'lapsed' THEN now() END
               FROM policyholders p WHERE p.policyholder_id = $3
             ON CONFLICT (policy_id) DO UPDATE SET application_date = EXCLUDED.application_date,
                 start_date = EXCLUDED.start_date, maturity_date = EXCLUDED.maturity_date,
                 status = EXCLUDED.status, approval_date = EXCLUDED.approval_date,
                 next_payment_date = EXCLUDED.next_payment_date,
                 outstanding_amount = EXCLUDED.outstanding_amount, lapsed_at = EXCLUDED.lapsed_at",
        )
        .bind(s.id.parse::<Uuid>()?)
        .bind(s.number)
        .bind(s.holder.parse::<Uuid>()?)
        .bind(s.agent.parse::<Uuid>()?)
        .bind(lic)
        .bind(s.kind)
        .bind(s.plan)
        .bind(s.code)
        .bind(s.category)
        .bind(s.sum_assured as f64)
        .bind(s.premium as f64)
        .bind(s.frequency)
        .bind(s.applied)
        .bind(s.starts)
        .bind(s.status)
        .bind(s.due)
        .execute(&mut *conn)
        .await?;
    }
    for (id, policy, paid_ago, due_in, amount, status, method, receipt) in PAYMENTS {
        insert_payment(
            conn,
            id.parse()?,
            policy.parse()?,
            *paid_ago,
            *due_in,
            *amount,
            status,
            method,
            receipt,
        )
        .await?;
    }
    // A premium a month on POL001004, for the chart.
    let monthly: Uuid = "f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a07".parse()?;
    for month in 1..=MONTHLY_HISTORY {
        let id = Uuid::from_u128(0xf2ee_bc99_9c0b_4ef8_bb6d_6bb9_bd38_0a00 + month as u128);
        let receipt = format!("RCPT-POL001004-{month}");
        insert_payment(
            conn,
            id,
            monthly,
            month * 30 - 25,
            -(month * 30),
            1_200,
            "completed",
            "upi",
            &receipt,
        )
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn insert_payment(
    conn: &mut PgConnection,
    id: Uuid,
    policy: Uuid,
    paid_ago: i32,
    due_in: i32,
    amount: i64,
    status: &str,
    method: &str,
    receipt: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO premium_payments (payment_id, tenant_id, policy_id, policyholder_id, agent_id,
             amount, payment_date, due_date, status, payment_method, reference)
         SELECT $1, ip.tenant_id, ip.policy_id, ip.policyholder_id, ip.agent_id, $4,
                now() - make_interval(days => $2), current_date + $3, $5, $6, $7
           FROM insurance_policies ip WHERE ip.policy_id = $8
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(paid_ago)
    .bind(due_in)
    .bind(amount as f64)
    .bind(status)
    .bind(method)
    .bind(receipt)
    .bind(policy)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE insurance_policies ip SET
             total_payments = (SELECT count(*) FROM premium_payments pp
                                WHERE pp.policy_id = ip.policy_id AND pp.status = 'completed'),
             last_payment_date = (SELECT max(payment_date) FROM premium_payments pp
                                   WHERE pp.policy_id = ip.policy_id AND pp.status = 'completed')
          WHERE ip.policy_id = $1",
    )
    .bind(policy)
    .execute(conn)
    .await?;
    Ok(())
}
