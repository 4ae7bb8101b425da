//! Server side of presentations: rules and transactions, SQL, media, REST.

pub mod library;
pub mod media;
pub mod repo;
pub mod rest;
pub mod service;
pub mod templates;
