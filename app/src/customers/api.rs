//! Server functions of the customer pages (`/api/ui/customers/*`).

use crate::customers::types::MyAgent;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use crate::{auth::server::guard::ctx, customers::server::service};

/// The signed-in customer's agent; `None` when no agent has taken them on (and for
/// anyone who is nobody's customer).
#[server(prefix = "/api/ui", endpoint = "customers/my-agent", input = GetUrl)]
pub async fn load_my_agent() -> Result<Option<MyAgent>, AppError> {
    let ctx = ctx::<LoadMyAgent>()?;
    service::my_agent(&ctx).await
}
