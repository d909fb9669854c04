//! `login_failures`: failed sign-ins, counted per user name and per address
//! so the rate limit holds across backend instances.

use sea_orm::entity::prelude::*;

/// One failed sign-in under one key (`user:<name>` or `ip:<address>`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failures")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What is limited.
    pub key: String,
    /// When.
    pub at: DateTimeUtc,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
