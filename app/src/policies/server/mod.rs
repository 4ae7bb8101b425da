//! Server side of policies: the rules, the SQL and the endpoint registrations.

pub mod repo;
pub mod rest;
pub mod routes;
pub mod service;
