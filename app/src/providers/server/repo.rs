//! SQL for providers. The sealed secret columns are written here and read by no
//! query below: the answers say only whether a secret is set.

use crate::input::given;
use crate::providers::types::*;
use sqlx::{PgConnection, QueryBuilder};
use uuid::Uuid;

const SELECT: &str = "SELECT p.provider_id, p.provider_code, p.provider_name, p.provider_type,
        p.description, p.license_number, p.regulatory_authority, p.established_year,
        p.headquarters, p.supported_languages, p.service_regions, p.business_hours,
        p.commission_structure, p.api_endpoint, p.webhook_url,
        (p.api_credentials_sealed IS NOT NULL) AS has_api_credentials,
        (p.webhook_secret_sealed IS NOT NULL) AS has_webhook_secret,
        p.status, p.integration_status, p.last_sync_at,
        (SELECT count(*) FROM agents a WHERE a.provider_id = p.provider_id) AS agent_count,
        p.created_at, p.updated_at
    FROM insurance_providers p WHERE true";

/// The catalogue, by name. A type filter alone lists active providers (SPEC §4.8).
pub async fn list(conn: &mut PgConnection, q: &ProviderQuery) -> sqlx::Result<Vec<Provider>> {
    let mut qb = QueryBuilder::new(SELECT);
    let (status, kind) = (given(&q.status), given(&q.provider_type));
    match (&status, &kind) {
        (Some(s), _) => {
            qb.push(" AND p.status = ").push_bind(s.clone());
        }
        (None, Some(_)) => {
            qb.push(" AND p.status = 'active'");
        }
        _ => {}
    }
    if let Some(kind) = kind {
        qb.push(" AND p.provider_type = ").push_bind(kind);
    }
    if let Some(text) = given(&q.search) {
        let pattern = format!(
            "%{}%",
            text.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        qb.push(" AND (p.provider_name ILIKE ")
            .push_bind(pattern.clone());
        qb.push(" OR p.provider_code ILIKE ")
            .push_bind(pattern)
            .push(")");
    }
    qb.push(" ORDER BY p.provider_name, p.provider_id LIMIT 500");
    qb.build_query_as().fetch_all(conn).await
}

pub async fn get(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Provider>> {
    sqlx::query_as(&format!("{SELECT} AND p.provider_id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn by_code(conn: &mut PgConnection, code: &str) -> sqlx::Result<Option<Provider>> {
    sqlx::query_as(&format!("{SELECT} AND p.provider_code = upper($1)"))
        .bind(code)
        .fetch_optional(conn)
        .await
}

/// Active providers for a form's choice: id and name.
pub async fn choices(conn: &mut PgConnection) -> sqlx::Result<Vec<(Uuid, String)>> {
    sqlx::query_as(
        "SELECT provider_id, provider_name FROM insurance_providers WHERE status = 'active'
         ORDER BY provider_name",
    )
    .fetch_all(conn)
    .await
}

/// The provider a tenant administers, if it is a provider's tenant.
pub async fn of_tenant(conn: &mut PgConnection, tenant: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT provider_id FROM tenants WHERE tenant_id = $1")
        .bind(tenant)
        .fetch_optional(conn)
        .await
        .map(Option::flatten)
}

/// Sealed secrets to store; `None` keeps what is there.
pub struct Sealed {
    pub api_credentials: Option<Vec<u8>>,
    pub webhook_secret: Option<Vec<u8>>,
}

pub async fn insert(
    conn: &mut PgConnection,
    p: &ProviderInput,
    sealed: &Sealed,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO insurance_providers (provider_code, provider_name, provider_type, description,
            license_number, regulatory_authority, established_year, headquarters,
            supported_languages, service_regions, business_hours, commission_structure,
            api_endpoint, webhook_url, api_credentials_sealed, webhook_secret_sealed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, '{en}'), coalesce($10, '{}'),
                 $11, $12, $13, $14, $15, $16)
         RETURNING provider_id",
    )
    .bind(&p.provider_code)
    .bind(&p.provider_name)
    .bind(&p.provider_type)
    .bind(&p.description)
    .bind(&p.license_number)
    .bind(&p.regulatory_authority)
    .bind(p.established_year)
    .bind(&p.headquarters)
    .bind(&p.supported_languages)
    .bind(&p.service_regions)
    .bind(&p.business_hours)
    .bind(&p.commission_structure)
    .bind(&p.api_endpoint)
    .bind(&p.webhook_url)
    .bind(&sealed.api_credentials)
    .bind(&sealed.webhook_secret)
    .fetch_one(conn)
    .await
}

/// Applies the fields present; absent ones keep their value.
pub async fn update(
    conn: &mut PgConnection,
    id: Uuid,
    p: &ProviderInput,
    sealed: &Sealed,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE insurance_providers SET
            provider_name = coalesce($2, provider_name),
            provider_type = coalesce($3, provider_type),
            description = coalesce($4, description),
            license_number = coalesce($5, license_number),
            regulatory_authority = coalesce($6, regulatory_authority),
            established_year = coalesce($7, established_year),
            headquarters = coalesce($8, headquarters),
            supported_languages = coalesce($9, supported_languages),
            service_regions = coalesce($10, service_regions),
            business_hours = coalesce($11, business_hours),
            commission_structure = coalesce($12, commission_structure),
            api_endpoint = coalesce($13, api_endpoint),
            webhook_url = coalesce($14, webhook_url),
            api_credentials_sealed = coalesce($15, api_credentials_sealed),
            webhook_secret_sealed = coalesce($16, webhook_secret_sealed),
            status = coalesce($17, status),
            integration_status = coalesce($18, integration_status),
            updated_at = now()
          WHERE provider_id = $1",
    )
    .bind(id)
    .bind(&p.provider_name)
    .bind(&p.provider_type)
    .bind(&p.description)
    .bind(&p.license_number)
    .bind(&p.regulatory_authority)
    .bind(p.established_year)
    .bind(&p.headquarters)
    .bind(&p.supported_languages)
    .bind(&p.service_regions)
    .bind(&p.business_hours)
    .bind(&p.commission_structure)
    .bind(&p.api_endpoint)
    .bind(&p.webhook_url)
    .bind(&sealed.api_credentials)
    .bind(&sealed.webhook_secret)
    .bind(&p.status)
    .bind(&p.integration_status)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn deactivate(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE insurance_providers SET status = 'inactive', updated_at = now() WHERE provider_id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
