//! Every stable code the API answers with besides the rules' reasons
//! ([`crate::rules::Reason`]): problem codes, field error codes and the
//! codes of what blocks a plan's next step. The web app words each of them
//! in the user's language (its test walks these lists in every language);
//! the backend's debug builds refuse to answer with a code missing here, so
//! a new code cannot reach a user untranslated.

/// `Problem::code`s that are not a rule's reason.
pub const PROBLEM_CODES: &[&str] = &[
    "not_found",
    "method_not_allowed",
    "bad_request",
    "malformed_json",
    "malformed_if_match",
    "body_unreadable",
    "payload_too_large",
    "invalid_input",
    "unauthenticated",
    "wrong_credentials",
    "stale_version",
    "if_match_required",
    "too_many_attempts",
    "too_large",
    "unsupported_media_type",
    "document_damaged",
    "unavailable",
    "storage_full",
    "storage_unavailable",
    "migrations_pending",
    "other_party_node",
    "foreign_row",
    "internal",
];

/// `FieldError::code`s: why one input field is refused.
pub const FIELD_CODES: &[&str] = &[
    "required",
    "too_short",
    "too_long",
    "length",
    "invalid",
    "unknown_field",
    "unknown",
    "control_character",
    "bidi_control",
    "taken",
    "wrong",
    "in_past",
    "in_future",
    "too_early",
    "outside_year",
    "before_start",
    "before_sent",
    "before_signature",
    "needs_signature",
    "out_of_range",
    "conflict",
    "duplicate",
    "fixed",
    "not_pending",
    "not_recorded_by_hand",
    "not_yours",
    "carried",
    "not_carriable",
    "too_large",
    "unsupported_media_type",
    "unsupported_type",
    "type_mismatch",
    "not_a_spreadsheet",
    "empty",
    "unreadable",
    "formula",
    "unknown_column",
    "too_many_rows",
    "duplicate_row",
    "insecure_url",
    "not_a_date",
    "not_a_month",
    "not_a_number",
    "not_in_list",
];

/// `Blocker::code`s: what keeps a plan from its next step.
pub const BLOCKER_CODES: &[&str] = &[
    "awaiting_consent",
    "changes_requested",
    "no_accepted_activity",
    "year_not_over",
    "awaiting_confirmation",
    "needs_proposal",
    "translations_missing",
    "translations_outdated",
];

/// Whether `code` is a problem code the web app knows: one of
/// [`PROBLEM_CODES`] or a rule's reason.
pub fn is_problem_code(code: &str) -> bool {
    PROBLEM_CODES.contains(&code) || crate::rules::Reason::examples().iter().any(|r| r.code() == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_code_is_listed_twice() {
        for list in [PROBLEM_CODES, FIELD_CODES, BLOCKER_CODES] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len());
        }
    }

    #[test]
    fn problem_codes_and_reasons_do_not_overlap() {
        for reason in crate::rules::Reason::examples() {
            assert!(!PROBLEM_CODES.contains(&reason.code().as_str()), "{}", reason.code());
        }
    }
}
