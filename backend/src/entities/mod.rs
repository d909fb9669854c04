//! SeaORM entities, one module per table.

pub mod competent_authority;
