//! Server side of imports: the job's SQL, the three steps, the endpoints.

pub mod repo;
pub mod rest;
pub mod routes;
pub mod service;
