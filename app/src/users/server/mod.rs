//! Server side of users: the SQL, the rules and the registration of every users
//! endpoint (REST and web-UI server functions).

pub mod repo;
pub mod rest;
pub mod service;
