//! Server side of users: password hashing and the SQL.

pub mod password;
pub mod repo;
