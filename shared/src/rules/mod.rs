//! The rules of the agreement, decided once for the backend and the web app.
//!
//! Every rule answers `Result<(), Refusal>`: the backend turns a refusal
//! into 404, 403 or 409 with the reason's stable code; the web app disables
//! or hides the control and says why in the user's language.

pub mod refusal;

pub use refusal::{Reason, Refusal};
