//! The admin list: one keyset page, the seed clients' offset page, and the streamed
//! CSV export of the whole filtered view with its audit row.

use super::{audit_user, tenant_scope};
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::AppResult;
use crate::paging::{self, Cursor, Page};
use crate::users::server::repo;
use crate::users::types::{users_csv_rows, UserQuery, UserResponse, USERS_CSV_HEADER};

/// One page of the admin list, starting at `q.cursor` (keyset paging).
pub async fn search(ctx: &Ctx, q: &UserQuery) -> AppResult<Page<UserResponse>> {
    let after = Cursor::from_param(q.cursor.as_deref(), ctx.meta.lang)?;
    let limit = paging::limit(q.limit);
    let tenant = tenant_scope(&ctx.caller);
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::page(&mut conn, tenant, q, after.as_ref(), limit + 1).await?;
    let total = repo::count(&mut conn, tenant, q).await?;
    let page = Page::from_rows(rows, limit, total, |r| {
        Cursor::new(r.sort_key.clone(), r.user.user_id)
    });
    Ok(page.map(|r| r.user))
}

/// The `limit`/`offset` page of the seed clients: the same filter and order.
pub async fn search_offset(ctx: &Ctx, q: &UserQuery) -> AppResult<Vec<UserResponse>> {
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::offset_page(&mut conn, tenant_scope(&ctx.caller), q).await?)
}

/// Rows per batch of an export: one short query each, no connection held between.
const EXPORT_BATCH: i64 = 500;

/// Exactly the filtered view as CSV, every row, streamed: it is read in keyset
/// batches, and no connection is held while the client downloads. Its audit row,
/// with the row count, is written when the stream ends, or when the client leaves
/// early (then marked incomplete).
pub fn export_csv(
    ctx: Ctx,
    q: UserQuery,
) -> impl futures_util::Stream<Item = AppResult<bytes::Bytes>> + Send + 'static {
    let export = Export {
        ctx,
        q,
        after: None,
        rows: 0,
        started: false,
        finished: false,
        audited: false,
    };
    futures_util::stream::unfold(export, |mut export| async move {
        match export.next_chunk().await {
            Ok(Some(chunk)) => Some((Ok(chunk), export)),
            Ok(None) => None,
            Err(e) => {
                export.finished = true;
                Some((Err(e), export))
            }
        }
    })
}

struct Export {
    ctx: Ctx,
    q: UserQuery,
    after: Option<Cursor>,
    rows: u64,
    started: bool,
    finished: bool,
    audited: bool,
}

impl Export {
    async fn next_chunk(&mut self) -> AppResult<Option<bytes::Bytes>> {
        if !self.started {
            self.started = true;
            return Ok(Some(bytes::Bytes::from_static(USERS_CSV_HEADER.as_bytes())));
        }
        if self.finished {
            if !self.audited {
                self.audited = true;
                record_export(&self.ctx, self.rows, true).await?;
            }
            return Ok(None);
        }
        let batch = {
            let mut conn = self.ctx.pool().acquire().await?;
            let tenant = tenant_scope(&self.ctx.caller);
            repo::page(
                &mut conn,
                tenant,
                &self.q,
                self.after.as_ref(),
                EXPORT_BATCH,
            )
            .await?
        };
        self.finished = (batch.len() as i64) < EXPORT_BATCH;
        self.after = batch
            .last()
            .map(|r| Cursor::new(r.sort_key.clone(), r.user.user_id));
        self.rows += batch.len() as u64;
        let users: Vec<UserResponse> = batch.into_iter().map(|r| r.user).collect();
        Ok(Some(bytes::Bytes::from(users_csv_rows(&users))))
    }
}

impl Drop for Export {
    /// A client that stops reading still leaves a trace of what it was sent.
    fn drop(&mut self) {
        if !self.audited {
            let (ctx, rows) = (self.ctx.clone(), self.rows);
            tokio::spawn(async move {
                if let Err(e) = record_export(&ctx, rows, false).await {
                    tracing::error!(error = ?e, "export audit failed");
                }
            });
        }
    }
}

async fn record_export(ctx: &Ctx, rows: u64, complete: bool) -> AppResult<()> {
    let mut conn = ctx.pool().acquire().await?;
    let details = serde_json::json!({"rows": rows, "complete": complete});
    audit_user(
        &mut conn,
        ctx,
        Event::UsersExported,
        ctx.caller.user_id,
        details,
    )
    .await
}
