//! Providers and the agent network (SPEC §7.3–7.4): the three providers, LIC as the
//! DEFAULT tenant's provider, every seeded agent linked to LIC, AGENT002 and
//! AGENT003 with their V9 details, the hierarchy AGENT003 → AGENT002 → AGENT001,
//! one agent awaiting verification (with a document) and one rejected with a reason.

use app::presentations::server::media::MediaStore;
use sqlx::PgConnection;
use uuid::Uuid;

pub const LIC: &str = "01fa8d3a-5509-4f73-abeb-617fd547f16d";

/// (id, code, name, description, licence, year, languages)
type ProviderSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
    &'static [&'static str],
);

const PROVIDERS: &[ProviderSeed] = &[
    (
        LIC,
        "LIC",
        "Life Insurance Corporation of India",
        "Largest life insurance company in India",
        "LIC-001",
        1956,
        &["en", "hi", "te", "ta", "kn", "mr", "gu", "bn", "ml", "pa"],
    ),
    (
        "01fa8d3a-5509-4f73-abeb-617fd547f16e",
        "HDFC_LIFE",
        "HDFC Life Insurance Company",
        "Leading private life insurance provider",
        "HDFC-001",
        2000,
        &["en", "hi"],
    ),
    (
        "01fa8d3a-5509-4f73-abeb-617fd547f16f",
        "ICICI_PRUDENTIAL",
        "ICICI Prudential Life Insurance",
        "Joint venture between ICICI Bank and Prudential",
        "ICICI-001",
        2000,
        &["en", "hi"],
    ),
];

/// An agent beyond the first wave's: (agent_id, user_id, code, licence, business,
/// territory, years, specialisations, commission %, status, verification).
type AgentSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
    &'static [&'static str],
    f64,
    &'static str,
    &'static str,
);

pub const AGENT002: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a20";
pub const AGENT003: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a21";
pub const AGENT_WAITING: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a25";
pub const AGENT_REJECTED: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a26";

const AGENTS: &[AgentSeed] = &[
    (
        AGENT002,
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a20",
        "AGENT002",
        "LIC234567",
        "Senior Insurance Solutions",
        "Mumbai Central",
        8,
        &["life_insurance", "health_insurance"],
        5.5,
        "active",
        "verified",
    ),
    (
        AGENT003,
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a21",
        "AGENT003",
        "LIC345678",
        "Regional Insurance Hub",
        "Pune Region",
        12,
        &["term_life", "ulip", "retirement"],
        7.0,
        "active",
        "verified",
    ),
    (
        AGENT_WAITING,
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a25",
        "AGENT004",
        "LIC456789",
        "Verma Insurance Point",
        "Nagpur",
        3,
        &["term_life"],
        4.5,
        "pending_approval",
        "submitted",
    ),
    (
        AGENT_REJECTED,
        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a26",
        "AGENT005",
        "LIC567890",
        "Das Family Cover",
        "Kolkata",
        2,
        &["health_insurance"],
        4.5,
        "rejected",
        "rejected",
    ),
];

pub const REJECTION: &str = "The licence photo is blurred: upload a clear scan of both sides.";

/// The waiting agent's licence: a small, valid PDF.
const LICENCE_PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\n\
trailer << /Root 1 0 R >>\n%%EOF\n";
const LICENCE_DOC: &str = "e1eebc99-9c0b-4ef8-bb6d-6bb9bd380a25";

pub async fn run(conn: &mut PgConnection, media: &MediaStore) -> anyhow::Result<()> {
    for (id, code, name, description, licence, year, languages) in PROVIDERS {
        sqlx::query(
            "INSERT INTO insurance_providers (provider_id, provider_code, provider_name, provider_type,
                 description, license_number, regulatory_authority, established_year, headquarters,
                 supported_languages, service_regions, commission_structure)
             VALUES ($1, $2, $3, 'life_insurance', $4, $5, 'IRDAI', $6,
                 '{\"city\": \"Mumbai\", \"state\": \"Maharashtra\", \"country\": \"India\"}', $7,
                 '{All India}', '{\"first_year\": 25, \"renewal\": 5}')
             ON CONFLICT DO NOTHING",
        )
        .bind(id.parse::<Uuid>()?)
        .bind(code)
        .bind(name)
        .bind(description)
        .bind(licence)
        .bind(year)
        .bind(languages)
        .execute(&mut *conn)
        .await?;
    }
    let lic: Uuid = LIC.parse()?;
    sqlx::query(
        "UPDATE tenants SET provider_id = $1 WHERE tenant_code = 'DEFAULT' AND provider_id IS NULL",
    )
    .bind(lic)
    .execute(&mut *conn)
    .await?;
    for (id, user, code, licence, business, territory, years, specs, rate, status, verification) in
        AGENTS
    {
        sqlx::query(
            "INSERT INTO agents (agent_id, user_id, agent_code, license_number, business_name,
                 territory, experience_years, specializations, commission_rate, status,
                 verification_status, provider_id, license_expiry_date, license_issuing_authority,
                 approved_at, verification_submitted_at, rejection_reason)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::numeric, $10, $11, $12,
                 DATE '2028-03-31', 'IRDAI',
                 CASE WHEN $11 = 'verified' THEN now() END,
                 CASE WHEN $11 IN ('submitted', 'rejected') THEN now() - interval '2 days' END,
                 CASE WHEN $11 = 'rejected' THEN $13 END)
             ON CONFLICT DO NOTHING",
        )
        .bind(id.parse::<Uuid>()?)
        .bind(user.parse::<Uuid>()?)
        .bind(code)
        .bind(licence)
        .bind(business)
        .bind(territory)
        .bind(years)
        .bind(specs)
        .bind(rate)
        .bind(status)
        .bind(verification)
        .bind(lic)
        .bind(REJECTION)
        .execute(&mut *conn)
        .await?;
    }
    // Every seeded agent sells for LIC; the network is AGENT003 → AGENT002 → AGENT001.
    sqlx::query("UPDATE agents SET provider_id = $1 WHERE provider_id IS NULL")
        .bind(lic)
        .execute(&mut *conn)
        .await?;
    for (child, parent) in [("AGENT002", "AGENT003"), ("AGENT001", "AGENT002")] {
        sqlx::query(
            "UPDATE agents SET parent_agent_id = (SELECT agent_id FROM agents WHERE agent_code = $2)
             WHERE agent_code = $1 AND parent_agent_id IS NULL",
        )
        .bind(child)
        .bind(parent)
        .execute(&mut *conn)
        .await?;
    }
    licence_document(conn, media).await
}

async fn licence_document(conn: &mut PgConnection, media: &MediaStore) -> anyhow::Result<()> {
    use sha2::{Digest, Sha256};
    let sha = app::format::hex(&Sha256::digest(LICENCE_PDF));
    let key = format!("agents/{AGENT_WAITING}/documents/{sha}.pdf");
    media
        .put(&key, bytes::Bytes::from_static(LICENCE_PDF))
        .await?;
    sqlx::query(
        "INSERT INTO agent_documents (document_id, agent_id, file_name, mime_type, size_bytes,
             sha256, storage_key)
         VALUES ($1, $2, 'licence.pdf', 'application/pdf', $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(LICENCE_DOC.parse::<Uuid>()?)
    .bind(AGENT_WAITING.parse::<Uuid>()?)
    .bind(LICENCE_PDF.len() as i64)
    .bind(&sha)
    .bind(&key)
    .execute(conn)
    .await?;
    Ok(())
}
