//! One module per route.

pub mod account;
pub mod activity;
pub mod activity_form;
pub mod agreement;
pub mod board;
pub mod login;
pub mod not_found;
pub mod plan;
pub mod tokens;
pub mod users;
// Register (instruments, authorities, notifications)
pub mod authorities;
pub mod documents;
pub mod register;
// The calendar, the timeline and the dashboard
pub mod views;
