//! Server side of customers: the rules, the SQL and the endpoint registrations.

pub mod repo;
pub mod routes;
pub mod service;
