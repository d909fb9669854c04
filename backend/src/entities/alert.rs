//! `alerts`, `alert_preferences`, `alert_contacts`, `alert_cursor` and
//! `alert_outbox`: what people are told, how they want to hear of it, and
//! the e-mail waiting to go (see `crate::alerts`).

/// One alert of one user.
pub mod row {
    use concord_shared::domain::{AlertDelivery, AlertKind, Party};
    use sea_orm::entity::prelude::*;

    /// An alert: an audit entry a user is told about.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "alerts")]
    pub struct Model {
        /// Id.
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The recipient.
        pub user_id: i32,
        /// The audit entry it comes from.
        pub audit_id: i32,
        /// What the user is alerted to.
        pub kind: AlertKind,
        /// The audit action.
        pub action: String,
        /// The kind of thing changed.
        pub entity_type: String,
        /// Its id.
        pub entity_id: Option<String>,
        /// Who acted.
        pub actor_label: String,
        /// The acting party.
        pub actor_party: Option<Party>,
        /// When the change happened.
        pub created_at: DateTimeUtc,
        /// When the user read it.
        pub read_at: Option<DateTimeUtc>,
        /// `app`, `email` or `digest`, as chosen when it was made.
        pub mail: AlertDelivery,
        /// When it went into an e-mail (at once or in a digest).
        pub mailed_at: Option<DateTimeUtc>,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A user's delivery for one kind.
pub mod preference {
    use concord_shared::domain::{AlertDelivery, AlertKind};
    use sea_orm::entity::prelude::*;

    /// One kind's delivery.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "alert_preferences")]
    pub struct Model {
        /// The user.
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        /// The kind of alert.
        #[sea_orm(primary_key, auto_increment = false)]
        pub kind: AlertKind,
        /// How the user wants to hear of it.
        pub delivery: AlertDelivery,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Where and in which language a user gets e-mail.
pub mod contact {
    use concord_shared::i18n::Lang;
    use sea_orm::entity::prelude::*;

    /// A user's e-mail address and language.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "alert_contacts")]
    pub struct Model {
        /// The user.
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        /// E-mail address.
        pub email: Option<String>,
        /// The language of the user's e-mail.
        pub language: Option<Lang>,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// How far the worker has read the audit log.
pub mod cursor {
    use sea_orm::entity::prelude::*;

    /// The one row (id 1).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "alert_cursor")]
    pub struct Model {
        /// Always 1.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        /// The last audit entry turned into alerts.
        pub last_audit_id: i32,
    }

    /// No navigable relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An e-mail to send.
pub mod outbox {
    use sea_orm::entity::prelude::*;

    /// One message, rendered when queued, with its attempts.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "alert_outbox")]
    pub struct Model {
        /// Id.
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The recipient.
        pub user_id: i32,
        /// Their address.
        pub to_address: String,
        /// Subject.
        pub subject: String,
        /// Plain-text part.
        pub text_body: String,
        /// HTML part.
        pub html_body: String,
        /// Failed attempts so far.
        pub attempts: i32,
        /// Not before this.
        pub next_attempt_at: DateTimeUtc,
        /// When the SMTP server accepted it.
        pub sent_at: Option<DateTimeUtc>,
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
