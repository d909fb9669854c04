//! What a party's rows become when the thing they belong to is shared:
//! its texts, sides and documents may then leave its node (docs/federation.md).
//! Sharing an activity (`activities`) and an authority change taking effect
//! (`authorities`) call it; it calls only the leaf `document_blobs`.

use concord_shared::Party;
use concord_shared::api::DocumentOwner;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entities::{activity_side, activity_text, document};
use crate::error::AppError;

/// Marks `party`'s texts of an activity shared (in the sharing transaction).
/// The other party has none on a draft.
pub(crate) async fn texts<C: ConnectionTrait>(conn: &C, activity_id: i32, party: Party) -> Result<(), AppError> {
    activity_text::Entity::update_many()
        .col_expr(activity_text::Column::Shared, Expr::value(true))
        .filter(activity_text::Column::ActivityId.eq(activity_id))
        .filter(activity_text::Column::Party.eq(party))
        .filter(activity_text::Column::Shared.eq(false))
        .exec(conn)
        .await?;
    Ok(())
}

/// Marks `party`'s side of an activity shared (in the sharing
/// transaction). The other party has none on a draft.
pub(crate) async fn sides<C: ConnectionTrait>(conn: &C, activity_id: i32, party: Party) -> Result<(), AppError> {
    activity_side::Entity::update_many()
        .col_expr(activity_side::Column::Shared, Expr::value(true))
        .filter(activity_side::Column::ActivityId.eq(activity_id))
        .filter(activity_side::Column::Party.eq(party))
        .filter(activity_side::Column::Shared.eq(false))
        .exec(conn)
        .await?;
    Ok(())
}

/// Marks `party`'s documents of an owner shared, and their bytes kept in
/// the database on a party node, in the transaction that makes the owner
/// visible to both parties (an activity shared, an authority change taking
/// effect).
pub(crate) async fn documents<C: ConnectionTrait>(
    conn: &C,
    owner: DocumentOwner,
    owner_id: i64,
    party: Party,
) -> Result<(), AppError> {
    let digests: Vec<String> = document::Entity::find()
        .filter(document::Column::OwnerType.eq(owner))
        .filter(document::Column::OwnerId.eq(owner_id))
        .filter(document::Column::UploadedParty.eq(party))
        .filter(document::Column::Shared.eq(false))
        .select_only()
        .column(document::Column::Sha256)
        .into_tuple()
        .all(conn)
        .await?;
    if digests.is_empty() {
        return Ok(());
    }
    document::Entity::update_many()
        .col_expr(document::Column::Shared, Expr::value(true))
        .filter(document::Column::OwnerType.eq(owner))
        .filter(document::Column::OwnerId.eq(owner_id))
        .filter(document::Column::UploadedParty.eq(party))
        .filter(document::Column::Shared.eq(false))
        .exec(conn)
        .await?;
    super::document_blobs::share(conn, party, digests).await
}
