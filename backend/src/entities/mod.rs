//! SeaORM entities, one module per table.

pub mod api_token;
pub mod audit_log;
pub mod competent_authority;
pub mod login_failure;
pub mod session;
pub mod user;
