//! The Agent Mitra server: configuration, start-up, middleware and the CLI. The
//! application itself (pages, server functions, services) lives in the `app` crate.

pub mod admin;
pub mod assets;
pub mod cli;
pub mod config;
pub mod db;
pub mod docs;
pub mod lang;
pub mod middleware;
pub mod seed;
pub mod startup;
pub mod telemetry;
pub mod worker;
