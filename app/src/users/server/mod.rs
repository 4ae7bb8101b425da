//! Server side of users: password hashing, the SQL, the rules and the REST routes.

pub mod password;
pub mod repo;
pub mod rest;
pub mod service;
