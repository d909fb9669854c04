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
// Plan lifecycle (signatures, versions, amendments, execution, carry-over)
pub mod execution;
pub mod lifecycle;
pub mod versions;
// The calendar, the timeline and the dashboard
pub mod views;
