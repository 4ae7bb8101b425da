//! Customer SQL. Only queries; the rules live in `service.rs`.

use sqlx::PgConnection;
use uuid::Uuid;

/// The agent who serves this user as a customer, with the agent's email: `None`
/// when the user is nobody's customer. The agent must be in the customer's tenant.
pub async fn agent_of(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> sqlx::Result<Option<(Uuid, Option<String>)>> {
    sqlx::query_as(
        "SELECT a.agent_id, u.email
           FROM policyholders p
           JOIN agents a ON a.agent_id = p.agent_id AND a.tenant_id = p.tenant_id
           JOIN users u ON u.user_id = a.user_id
          WHERE p.user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}
