//! One module per route.

pub mod account;
pub mod agreement;
pub mod login;
pub mod not_found;
pub mod tokens;
pub mod users;
