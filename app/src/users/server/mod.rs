//! Server side of users: the SQL, the rules and the REST routes.

pub mod repo;
pub mod rest;
pub mod service;
