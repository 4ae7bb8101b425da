//! Customers (policyholders, SPEC §3.8): the people an agent serves, and the page a
//! customer lands on (`/my`) with their agent's carousel and contact.
//!
//! - `types.rs`: the wire shapes, shared with the browser.
//! - `api.rs`: server functions; `pages.rs`: the customer's own page.
//! - `server/`: `service.rs` (whose record is this), `repo.rs` (SQL).
//!
//! **Invariant:** a customer sees only their own record and their own agent; the
//! caller's user id is the only key, never an id from the request.

pub mod api;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
