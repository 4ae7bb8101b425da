#![allow(clippy::unwrap_used)] // test code: a panic is the failure report
//! HTTP tests: each drives the real router (`server::startup::build_router`) on a
//! fresh database created by `#[sqlx::test]`.

mod helpers;

mod auth;
mod docs;
mod errors;
mod health;
mod matrix;
mod otp;
mod pages;
mod presentations;
mod users;
