//! Server side of customers: the scope, the rules, the SQL and the endpoints.

pub mod repo;
pub mod rest;
pub mod routes;
pub mod scope;
pub mod service;
