//! Customer rules. Whose record is this? The caller's own, found by their user id.

use super::repo;
use crate::auth::server::guard::Ctx;
use crate::customers::types::MyAgent;
use crate::error::AppResult;
use crate::presentations::server::service as presentations;

/// The caller's agent, their contact and live carousel; `None` for anyone who is
/// nobody's customer (a new SMS sign-up, staff).
pub async fn my_agent(ctx: &Ctx) -> AppResult<Option<MyAgent>> {
    let mut conn = ctx.state.pool.acquire().await?;
    let Some((agent_id, email)) = repo::agent_of(&mut conn, ctx.caller.user_id).await? else {
        return Ok(None);
    };
    let (agent, deck) = presentations::shop_window(&mut conn, agent_id).await?;
    Ok(Some(MyAgent { agent, email, deck }))
}
