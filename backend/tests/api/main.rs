//! API tests: each spawns the real application on port 0 with a fresh
//! database (a temp SQLite file, or a fresh PostgreSQL database when
//! `CONCORD_TEST_DATABASE=postgres`) and drives it through `concord-client`.

// The server's allocator (see `backend/src/main.rs`), so memory measured
// here is the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod helpers;

mod alerts;
mod audit;
mod auth;
mod authorities;
mod backups;
mod bulk;
mod cache;
mod closed_lists;
mod cluster;
mod concurrency;
mod conditional;
mod consents;
mod crash;
mod credentials;
mod demo;
mod deploy;
pub mod documents;
mod events;
pub mod execution;
mod faults;
pub mod federation;
mod federation_activities;
mod federation_chain;
mod federation_rows;
mod feeds;
mod health;
mod history;
mod imports;
mod inbox;
mod input;
mod instruments;
mod isolation;
mod joint_chain;
mod language;
mod limits;
mod mail;
mod node;
mod openapi;
mod operations;
mod owned_rows;
mod paper;
mod pg_restart;
pub mod plans;
mod reference;
mod server;
mod sheets;
mod signatures;
mod storage_faults;
mod texts;
mod tokens;
mod translation_work;
mod users;
pub mod versions;
mod visibility;
pub mod webhooks;
