//! One module per route.

pub mod agreement;
pub mod not_found;
