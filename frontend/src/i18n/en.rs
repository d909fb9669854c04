//! English.

use super::Key;

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::Tagline => "Azerbaijan–Georgia defence co-operation board",
        Key::SkipToContent => "Skip to content",
        Key::MainNavigation => "Main navigation",
        Key::Language => "Language",
        Key::NavAgreement => "Agreement",
        Key::Footer => "Joint planning board of the Ministries of Defence of the Republic of Azerbaijan and Georgia",
        Key::Loading => "Loading…",
        Key::LoadFailedTitle => "This page could not be loaded",
        Key::ServerUnreachable => "Concord's server did not answer. Check your network connection, then try again.",
        Key::ServerError => "Concord's server reported a problem. Try again; if it persists, tell your administrator.",
        Key::TryAgain => "Try again",
        Key::AgreementHeading => "The Agreement",
        Key::SignedInOn => "Signed in {place} on {date}.",
        Key::PartiesHeading => "Parties and competent authorities",
        Key::CompetentAuthority => "Competent authority",
        Key::InForceSince => "In force since {date}",
        Key::AreasHeading => "Areas of co-operation",
        Key::FormsHeading => "Forms of co-operation",
        Key::NeedsSpecification => "to be specified",
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundBody => "There is no page at this address. Use the navigation above, or go to the Agreement.",
    }
}
