//! Verification documents and the profile photo. Uploads are checked by their
//! bytes (never the name or the declared type), stored through the media store with
//! no connection held, then recorded in one transaction with the audit row; a
//! refused or failed upload leaves nothing behind.
//!
//! Documents are private: they live outside the public media prefix and are served
//! only by `serve`, to the agent and to approvers within their scope.

use super::repo::{self, documents::NewDocument};
use super::scope::AgentScope;
use super::service::{admin_scope, audit_agent, not_found, own_agent};
use crate::access::Permission;
use crate::agents::types::AgentDocument;
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::presentations::server::media;
use crate::rest::multipart::FilePart;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The largest document: a phone photo of a licence, or a scanned PDF.
pub const DOCUMENT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// SPEC §5.6: profile photos are JPEG or PNG up to 5 MB.
pub const PHOTO_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// What a document's bytes are: PDF, JPEG or PNG, with a readable image header or
/// a PDF trailer. Anything else is refused, whatever it is called.
pub fn document_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF-") {
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        let ends = tail.windows(5).any(|w| w == b"%%EOF");
        return ends.then_some(("application/pdf", "pdf"));
    }
    image_kind(bytes)
}

/// JPEG or PNG whose header decodes to real dimensions.
fn image_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    let sniffed = media::sniff(bytes)?;
    let ok = matches!(sniffed.mime, "image/jpeg" | "image/png")
        && media::decode_dimensions(bytes, sniffed.mime).is_some();
    ok.then_some((sniffed.mime, sniffed.ext))
}

fn checked(
    file: &FilePart,
    max: u64,
    kind: fn(&[u8]) -> Option<(&'static str, &'static str)>,
    accepted: &str,
) -> AppResult<(&'static str, &'static str)> {
    if file.bytes.is_empty() {
        return Err(AppError::BadRequest("No file data found".into()));
    }
    if file.bytes.len() as u64 > max {
        return Err(AppError::TooLarge(format!(
            "File too large. Maximum size is {}MB.",
            max / (1024 * 1024)
        )));
    }
    kind(&file.bytes).ok_or_else(|| {
        AppError::UnsupportedMediaType(format!(
            "Invalid file type. Only {accepted} files are allowed."
        ))
    })
}

fn sha256_hex(bytes: &[u8]) -> String {
    crate::format::hex(&Sha256::digest(bytes))
}

/// Stores a verification document for the caller's own agent record.
pub async fn upload(ctx: &Ctx, file: FilePart) -> AppResult<AgentDocument> {
    let agent_id = own_agent(&ctx.caller)?;
    let (mime, ext) = checked(
        &file,
        DOCUMENT_MAX_BYTES,
        document_kind,
        "PDF, JPEG and PNG",
    )?;
    let sha = sha256_hex(&file.bytes);
    let key = format!("agents/{agent_id}/documents/{sha}.{ext}");
    let size = file.bytes.len() as i64;
    // The slow part, with no connection held.
    ctx.state
        .media
        .put(&key, file.bytes.clone())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "document store failed");
            AppError::Unavailable("The file could not be stored. Try again.".into())
        })?;
    let name: String = file.file_name.chars().take(200).collect();
    let recorded = async {
        let mut tx = ctx.pool().begin().await?;
        let new = NewDocument {
            agent_id,
            file_name: if name.is_empty() { "document" } else { &name },
            mime_type: mime,
            size_bytes: size,
            sha256: &sha,
            storage_key: &key,
            uploaded_by: ctx.caller.user_id,
        };
        let (doc, created) = repo::documents::insert(&mut tx, &new).await?;
        if created {
            audit_agent(
                &mut tx,
                ctx,
                Event::AgentDocumentUploaded,
                agent_id,
                serde_json::json!({"document_id": doc.document_id, "mime_type": mime, "size_bytes": size}),
            )
            .await?;
        }
        tx.commit().await?;
        AppResult::Ok(doc)
    }
    .await;
    if recorded.is_err() {
        // Same content, same key: only a file no row points to is removed.
        let mut conn = ctx.pool().acquire().await?;
        let referenced: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM agent_documents WHERE storage_key = $1)",
        )
        .bind(&key)
        .fetch_one(&mut *conn)
        .await
        .unwrap_or(true);
        drop(conn);
        if !referenced {
            let _ = ctx.state.media.delete(&key).await;
        }
    }
    recorded
}

/// One document's bytes, for the agent themself or an approver in their scope.
pub async fn serve(
    ctx: &Ctx,
    agent_id: Uuid,
    document_id: Uuid,
) -> AppResult<(AgentDocument, bytes::Bytes)> {
    let scope = if ctx.caller.agent_id == Some(agent_id) {
        AgentScope::Own(agent_id)
    } else {
        admin_scope(&ctx.caller, Permission::AgentsApprove)?
    };
    let (doc, key) = {
        let mut conn = ctx.pool().acquire().await?;
        repo::profile(&mut conn, scope, agent_id)
            .await?
            .ok_or_else(not_found)?;
        repo::documents::get(&mut conn, agent_id, document_id)
            .await?
            .ok_or_else(|| AppError::not_found("Document"))?
    };
    use object_store::ObjectStore;
    let bytes = ctx
        .state
        .media
        .store
        .get(&object_store::path::Path::from(key.as_str()))
        .await
        .map_err(|_| AppError::not_found("Document"))?
        .bytes()
        .await
        .map_err(|_| AppError::not_found("Document"))?;
    Ok((doc, bytes))
}

/// The profile photo (JPEG or PNG up to 5 MB): public, like the agent's page, so it
/// is stored under the public media prefix and set as the user's avatar.
pub async fn upload_photo(ctx: &Ctx, file: FilePart) -> AppResult<String> {
    let agent_id = own_agent(&ctx.caller)?;
    let (_, ext) = checked(&file, PHOTO_MAX_BYTES, image_kind, "JPEG and PNG")?;
    let sha = sha256_hex(&file.bytes);
    let key = format!("presentations/avatars/{agent_id}/{sha}.{ext}");
    ctx.state
        .media
        .put(&key, file.bytes.clone())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "photo store failed");
            AppError::Unavailable("The file could not be stored. Try again.".into())
        })?;
    let url = format!("/media/{key}");
    let mut tx = ctx.pool().begin().await?;
    sqlx::query("UPDATE users SET avatar_url = $2, updated_at = now() WHERE user_id = $1")
        .bind(ctx.caller.user_id)
        .bind(&url)
        .execute(&mut *tx)
        .await?;
    audit_agent(
        &mut tx,
        ctx,
        Event::AgentProfileUpdated,
        agent_id,
        serde_json::json!({"fields": ["photo"]}),
    )
    .await?;
    tx.commit().await?;
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_known_by_their_bytes() {
        assert_eq!(
            document_kind(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
            Some(("application/pdf", "pdf"))
        );
        // A truncated PDF, or a text file named licence.pdf, is not a document.
        assert_eq!(document_kind(b"%PDF-1.7\n1 0 obj"), None);
        assert_eq!(document_kind(b"just some text"), None);
        // PNG magic without a readable header is refused too.
        assert_eq!(document_kind(b"\x89PNG\r\n\x1A\nrubbish"), None);
    }
}
