//! The rules of the agreement, decided once for the backend and the web app.
//!
//! Every rule answers `Result<(), Refusal>` (or the thing it allows): the
//! backend turns a refusal into 404, 403 or 409 with the reason's stable
//! code; the web app disables or hides the control and says why in the
//! user's language. By topic: [`roles`] (who may do what by role),
//! [`visibility`] (drafts, notes, pending authority changes), [`plan`] (the
//! plan's state machine, one [`plan::transition`]), [`activities`] (edit,
//! share, consent, execution, summary, carry-over), [`consents`] (an
//! activity's consents from each party's own decision), [`signatures`], [`texts`] (activity texts per language) and
//! [`register`]; [`inbox`] what awaits whom (the work queue); [`joint`] which
//! recorded actions go on a party's signed chain.

pub mod activities;
pub mod alerts;
pub mod consents;
pub mod inbox;
pub mod joint;
pub mod plan;
pub mod refusal;
pub mod register;
pub mod roles;
pub mod signatures;
pub mod texts;
pub mod translations;
pub mod visibility;
pub mod webhooks;
pub mod who;

pub use refusal::{Reason, Refusal};
pub use roles::{Action, Actor, Scope};
