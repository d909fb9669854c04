//! `webhooks`, `webhook_events` and `webhook_deliveries`: integrators'
//! endpoints, what each receives and the deliveries made (see `crate::webhooks`).

/// One endpoint of one party.
pub mod hook {
    use concord_shared::Party;
    use sea_orm::entity::prelude::*;

    /// A webhook.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "webhooks")]
    pub struct Model {
        /// Id.
        #[sea_orm(primary_key)]
        pub id: i32,
        /// Whose changes it receives.
        pub party: Party,
        /// Where deliveries go.
        pub url: String,
        /// The HMAC key; never in an API answer but the creation's.
        pub secret: String,
        /// Whether changes are queued for it.
        pub enabled: bool,
        /// The newest audit entry at its creation: it receives what comes after.
        pub from_audit_id: i32,
        /// Who created it (display name or token name).
        pub created_by_label: String,
        /// Created.
        pub created_at: DateTimeUtc,
        /// Version (ETag).
        pub version: i64,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A kind of change one webhook receives.
pub mod event {
    use sea_orm::entity::prelude::*;

    /// One subscribed kind.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "webhook_events")]
    pub struct Model {
        /// The webhook.
        #[sea_orm(primary_key, auto_increment = false)]
        pub webhook_id: i32,
        /// The `ChangeKind` code (text: SeaORM's composite keys take no
        /// value types; the column's `CHECK` keeps it in the list).
        #[sea_orm(primary_key, auto_increment = false)]
        pub kind: String,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One change to deliver to one webhook, with its attempts.
pub mod delivery {
    use sea_orm::entity::prelude::*;

    /// A delivery.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "webhook_deliveries")]
    pub struct Model {
        /// Id (`X-Concord-Delivery`).
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The webhook.
        pub webhook_id: i32,
        /// The audit entry delivered.
        pub audit_id: i32,
        /// Its action (`X-Concord-Event`).
        pub event: String,
        /// The JSON body, rendered when queued.
        pub payload: String,
        /// Attempts so far.
        pub attempts: i32,
        /// Not before this; none once delivered or given up.
        pub next_attempt_at: Option<DateTimeUtc>,
        /// When the endpoint answered 2xx.
        pub delivered_at: Option<DateTimeUtc>,
        /// The last answer's HTTP status.
        pub last_status: Option<i32>,
        /// The last failure.
        pub last_error: Option<String>,
        /// Queued.
        pub created_at: DateTimeUtc,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
