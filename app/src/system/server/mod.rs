//! Server side of the system feature: probes (service) and the REST routes.

pub mod rest;
pub mod service;
