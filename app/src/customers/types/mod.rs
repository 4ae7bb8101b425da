//! What the customer pages and `/api/v1/policyholders` exchange.
//!
//! - `customer.rs`: a customer as read (the seed's PolicyholderResponse) and
//!   the list's query;
//! - `new_customer.rs`: adding one and editing one, with the checks;
//! - `my_agent.rs`: the customer's own agent, as their page shows them.

mod customer;
mod my_agent;
mod new_customer;

pub use customer::*;
pub use my_agent::*;
pub use new_customer::*;
