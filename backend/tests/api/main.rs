//! API tests: each spawns the real application on port 0 with a fresh
//! database (a temp SQLite file, or a fresh PostgreSQL database when
//! `CONCORD_TEST_DATABASE=postgres`) and drives it through `concord-client`.

mod helpers;

mod audit;
mod auth;
mod authorities;
mod cache;
mod concurrency;
mod demo;
mod documents;
pub mod execution;
mod health;
mod history;
mod input;
mod instruments;
mod isolation;
mod openapi;
mod paper;
pub mod plans;
mod reference;
mod server;
mod tokens;
mod users;
pub mod versions;
