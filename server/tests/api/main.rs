#![allow(clippy::unwrap_used)] // test code: a panic is the failure report
//! HTTP tests: each drives the real router (`server::startup::build_router`) on a
//! fresh database created by `#[sqlx::test]`.

mod demo;
mod helpers;

mod agents;
mod assets;
mod audit;
mod auth;
mod book;
mod cookie_flow;
mod customers;
mod docs;
mod errors;
mod health;
mod language;
mod matrix;
mod otp;
mod owner_rule;
mod pages;
mod presentations;
mod users;
