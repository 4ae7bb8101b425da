//! Server side of presentations: rules and transactions, SQL, media, REST.

pub mod actions;
pub mod library;
pub mod media;
pub mod media_rest;
pub mod repo;
pub mod rest;
pub mod routes;
pub mod service;
pub mod templates;
