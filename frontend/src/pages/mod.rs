//! One module per route.

pub mod account;
pub mod activity;
pub mod agreement;
pub mod alerts;
pub mod board;
pub mod inbox;
pub mod login;
pub mod not_found;
pub mod plan;
pub mod tokens;
pub mod users;
pub mod webhooks;
pub mod who;
// The register: instruments; and the competent authorities with the notification log
pub mod authorities;
pub mod instruments;
// Versions and amendments (the lifecycle lives in plan/, execution in activity/)
pub mod versions;
// The calendar, the timeline and the dashboard
pub mod views;
