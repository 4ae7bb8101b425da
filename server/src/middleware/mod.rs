//! Cross-cutting layers, outermost first in `startup::build_router`:
//! request id → tracing → security headers → API error status.

pub mod api_errors;
pub mod request_log;
pub mod security_headers;
