//! Cross-cutting layers, outermost first in `startup::build_router`:
//! request id → tracing → security headers → API error status → same-origin writes
//! → form flash (post, redirect, get) → sessions → caller resolution
//! (`app::auth::server::resolve`).

pub mod api_errors;
pub mod flash;
pub mod request_log;
pub mod same_origin;
pub mod security_headers;
