//! Idempotent demo data (SPEC §7): running it twice changes nothing, and it never
//! overwrites a row a person has since edited. Each feature adds its part here.

use app::access::Role;
use app::credentials::argon2id;
use app::users::server::repo;
pub mod agents;
mod policies;
pub mod presentations;

use sqlx::PgPool;
use uuid::Uuid;

/// The role test users of SPEC §7.2 (password `testpassword`), plus one user for each
/// role the source never seeded, so every role can be tried at once.
pub const DEMO_USERS: &[(&str, &str, &str, &str, &str, Role)] = &[
    (
        "550e8400-e29b-41d4-a716-446655440000",
        "+919876543200",
        "superadmin@test.com",
        "Super",
        "Admin",
        Role::SuperAdmin,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440001",
        "+919876543201",
        "provideradmin@test.com",
        "Provider",
        "Admin",
        Role::InsuranceProviderAdmin,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440002",
        "+919876543202",
        "regionalmgr@test.com",
        "Regional",
        "Manager",
        Role::RegionalManager,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440003",
        "+919876543203",
        "senioragent@test.com",
        "Senior",
        "Agent",
        Role::SeniorAgent,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440004",
        "+919876543204",
        "junioragent@test.com",
        "Junior",
        "Agent",
        Role::JuniorAgent,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440005",
        "+919876543205",
        "policyholder@test.com",
        "Policy",
        "Holder",
        Role::Policyholder,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440006",
        "+919876543206",
        "supportstaff@test.com",
        "Support",
        "Staff",
        Role::SupportStaff,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440007",
        "+919876543207",
        "compliance@test.com",
        "Compliance",
        "Officer",
        Role::ComplianceOfficer,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440008",
        "+919876543208",
        "supportlead@test.com",
        "Support",
        "Lead",
        Role::CustomerSupportLead,
    ),
    (
        "550e8400-e29b-41d4-a716-446655440009",
        "+919876543209",
        "guest@test.com",
        "Guest",
        "User",
        Role::Guest,
    ),
];

pub const DEMO_PASSWORD: &str = "testpassword";

/// The original demo agent and customers (SPEC §7.3), password `password123`.
pub const DEMO_AGENT_PASSWORD: &str = "password123";
pub const DEMO_AGENT_USERS: &[(&str, &str, &str, &str, &str, Role)] = &[
    (
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "+919876543210",
        "agent1@test.com",
        "Test",
        "Agent",
        Role::JuniorAgent,
    ),
    (
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
        "+919876543211",
        "customer1@test.com",
        "Test",
        "Customer",
        Role::Policyholder,
    ),
    // V9 (SPEC §7.3): AGENT002, AGENT003, a provider admin and two customers.
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a20",
        "+919876543220",
        "agent2@test.com",
        "Ravi",
        "Kumar",
        Role::SeniorAgent,
    ),
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a21",
        "+919876543221",
        "agent3@test.com",
        "Meera",
        "Joshi",
        Role::RegionalManager,
    ),
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a22",
        "+919876543222",
        "licadmin@test.com",
        "Anil",
        "Mehta",
        Role::InsuranceProviderAdmin,
    ),
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a23",
        "+919876543223",
        "customer3@test.com",
        "Priya",
        "Sharma",
        Role::Policyholder,
    ),
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a24",
        "+919876543224",
        "customer4@test.com",
        "Kavita",
        "Rao",
        Role::Policyholder,
    ),
    // An agent awaiting verification, and one whose licence was rejected.
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a25",
        "+919876543225",
        "agent4@test.com",
        "Deepak",
        "Verma",
        Role::JuniorAgent,
    ),
    (
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a26",
        "+919876543226",
        "agent5@test.com",
        "Sunita",
        "Das",
        Role::JuniorAgent,
    ),
    // SPEC §9 #45: the ids the old API clients read.
    (
        "650742fb-5fa7-4913-8e4f-cdad3ccbe476",
        "+919876543230",
        "policyholder2@test.com",
        "Old",
        "Client",
        Role::Policyholder,
    ),
    (
        "431432dc-823a-4a2e-8532-6c6b76c8c394",
        "+919876543231",
        "disposable@test.com",
        "Disposable",
        "User",
        Role::Guest,
    ),
];

/// Agent records: (agent_id, user_id, code, licence, business name).
pub const DEMO_AGENTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "AGENT001",
        "LIC123456",
        "Test Agent Insurance",
    ),
    (
        "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03",
        "550e8400-e29b-41d4-a716-446655440003",
        "AGTSR001",
        "LICSR001",
        "Senior Agent Agency",
    ),
    (
        "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04",
        "550e8400-e29b-41d4-a716-446655440004",
        "AGTJR001",
        "LICJR001",
        "Junior Agent Agency",
    ),
];

/// Customer records (SPEC §7.2–7.3): (policyholder_id, user_id, agent_id, customer id).
/// The role-test policyholder is the junior agent's customer; Test Customer is the
/// demo agent's CUST001.
pub const DEMO_POLICYHOLDERS: &[(&str, &str, &str, &str)] = &[
    (
        "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
        "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "CUST001",
    ),
    (
        "e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a05",
        "550e8400-e29b-41d4-a716-446655440005",
        "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04",
        "CUSTJR01",
    ),
];

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub users_created: usize,
}

/// Seeds the demo data; `media` receives the demo files (a licence document).
pub async fn run(
    pool: &PgPool,
    media: &app::presentations::server::media::MediaStore,
) -> anyhow::Result<SeedReport> {
    let mut report = SeedReport::default();
    // One hash for all demo users: they share a password, and hashing is the slow part.
    let hash = argon2id::hash(DEMO_PASSWORD.to_owned()).await?;
    let agent_hash = argon2id::hash(DEMO_AGENT_PASSWORD.to_owned()).await?;
    let mut tx = pool.begin().await?;
    let all = DEMO_USERS
        .iter()
        .map(|u| (u, &hash))
        .chain(DEMO_AGENT_USERS.iter().map(|u| (u, &agent_hash)));
    for ((id, phone, email, first, last, role), hash) in all {
        let id: Uuid = id.parse()?;
        let created = repo::insert_seed_user(
            &mut tx,
            id,
            &repo::NewUser {
                email: Some(email),
                phone_number: Some(phone),
                password_hash: hash,
                first_name: first,
                last_name: last,
                role: *role,
            },
        )
        .await?;
        report.users_created += usize::from(created);
    }
    for (agent_id, user_id, code, licence, business) in DEMO_AGENTS {
        sqlx::query(
            "INSERT INTO agents (agent_id, user_id, agent_code, license_number, business_name,
                                 status, verification_status)
             VALUES ($1, $2, $3, $4, $5, 'active', 'verified') ON CONFLICT DO NOTHING",
        )
        .bind(agent_id.parse::<Uuid>()?)
        .bind(user_id.parse::<Uuid>()?)
        .bind(code)
        .bind(licence)
        .bind(business)
        .execute(&mut *tx)
        .await?;
    }
    for (id, user_id, agent_id, customer_id) in DEMO_POLICYHOLDERS {
        sqlx::query(
            "INSERT INTO policyholders (policyholder_id, user_id, agent_id, customer_id)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(id.parse::<Uuid>()?)
        .bind(user_id.parse::<Uuid>()?)
        .bind(agent_id.parse::<Uuid>()?)
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    }
    agents::run(&mut tx, media).await?;
    policies::run(&mut tx).await?;
    presentations::run(&mut tx).await?;
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[sqlx::test(migrations = "../migrations")]
    async fn seeding_twice_creates_the_demo_users_once(pool: PgPool) {
        let first = run(&pool, &crate::startup::test_media_store())
            .await
            .unwrap();
        assert_eq!(
            first.users_created,
            DEMO_USERS.len() + DEMO_AGENT_USERS.len()
        );
        let second = run(&pool, &crate::startup::test_media_store())
            .await
            .unwrap();
        assert_eq!(second.users_created, 0);
        let roles: i64 = sqlx::query_scalar("SELECT count(DISTINCT role) FROM users")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(roles, 10, "every role has a demo user");
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn seeding_keeps_changes_people_made(pool: PgPool) {
        run(&pool, &crate::startup::test_media_store())
            .await
            .unwrap();
        sqlx::query("UPDATE users SET first_name = 'Renamed' WHERE phone_number = '+919876543200'")
            .execute(&pool)
            .await
            .unwrap();
        run(&pool, &crate::startup::test_media_store())
            .await
            .unwrap();
        let name: String =
            sqlx::query_scalar("SELECT first_name FROM users WHERE phone_number = '+919876543200'")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(name, "Renamed");
    }
}
