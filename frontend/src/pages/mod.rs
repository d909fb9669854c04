//! One module per route.

pub mod account;
pub mod agreement;
pub mod login;
pub mod not_found;
pub mod tokens;
pub mod users;
// Register (instruments, authorities, notifications)
pub mod authorities;
pub mod documents;
pub mod register;
