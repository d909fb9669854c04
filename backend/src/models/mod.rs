//! The model layer: where access rules meet the data. Handlers stay thin and
//! call these functions.

pub mod reference;
