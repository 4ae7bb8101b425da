//! Server side of providers: rules, SQL, sealed secrets and the endpoints.

pub mod repo;
pub mod rest;
pub mod routes;
pub mod secrets;
pub mod service;
