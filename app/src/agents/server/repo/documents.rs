//! SQL for verification documents.

use crate::agents::types::AgentDocument;
use sqlx::PgConnection;
use uuid::Uuid;

const COLUMNS: &str = "document_id, agent_id, file_name, mime_type, size_bytes, uploaded_at";

pub struct NewDocument<'a> {
    pub agent_id: Uuid,
    pub file_name: &'a str,
    pub mime_type: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub storage_key: &'a str,
    pub uploaded_by: Uuid,
}

/// Inserts the row, or returns the agent's existing one for the same content
/// (`true` when a row was created).
pub async fn insert(
    conn: &mut PgConnection,
    d: &NewDocument<'_>,
) -> sqlx::Result<(AgentDocument, bool)> {
    let created: Option<AgentDocument> = sqlx::query_as(&format!(
        "INSERT INTO agent_documents (agent_id, file_name, mime_type, size_bytes, sha256,
                                      storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (agent_id, sha256) DO NOTHING RETURNING {COLUMNS}"
    ))
    .bind(d.agent_id)
    .bind(d.file_name)
    .bind(d.mime_type)
    .bind(d.size_bytes)
    .bind(d.sha256)
    .bind(d.storage_key)
    .bind(d.uploaded_by)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(doc) = created {
        return Ok((doc, true));
    }
    let existing = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM agent_documents WHERE agent_id = $1 AND sha256 = $2"
    ))
    .bind(d.agent_id)
    .bind(d.sha256)
    .fetch_one(conn)
    .await?;
    Ok((existing, false))
}

pub async fn list(conn: &mut PgConnection, agent_id: Uuid) -> sqlx::Result<Vec<AgentDocument>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM agent_documents WHERE agent_id = $1 ORDER BY uploaded_at DESC LIMIT 50"
    ))
    .bind(agent_id)
    .fetch_all(conn)
    .await
}

/// One document of one agent, with where its bytes are.
pub async fn get(
    conn: &mut PgConnection,
    agent_id: Uuid,
    document_id: Uuid,
) -> sqlx::Result<Option<(AgentDocument, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        doc: AgentDocument,
        storage_key: String,
    }
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS}, storage_key FROM agent_documents WHERE agent_id = $1 AND document_id = $2"
    ))
    .bind(agent_id)
    .bind(document_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.doc, r.storage_key)))
}

/// How many of `ids` belong to the agent.
pub async fn count_owned(
    conn: &mut PgConnection,
    agent_id: Uuid,
    ids: &[Uuid],
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM agent_documents WHERE agent_id = $1 AND document_id = ANY($2)",
    )
    .bind(agent_id)
    .bind(ids)
    .fetch_one(conn)
    .await
}

/// Every document id of the agent (the web form submits them all).
pub async fn all_ids(conn: &mut PgConnection, agent_id: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar("SELECT document_id FROM agent_documents WHERE agent_id = $1")
        .bind(agent_id)
        .fetch_all(conn)
        .await
}
