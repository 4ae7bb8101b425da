//! Server side of agents: the scope rule, the rules and transactions, the SQL, the
//! documents, and the endpoint registrations.

pub mod documents;
pub mod repo;
pub mod rest;
pub mod routes;
pub mod scope;
pub mod service;
mod web;
