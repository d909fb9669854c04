//! The interface's own words in English, Azerbaijani and Georgian. Each
//! language is an exhaustive `match` over [`Key`], so a missing translation
//! does not compile. The domain's fixed labels (areas, forms, parties) come
//! from the API's reference data instead, in the glossary's wording.

use concord_shared::Lang;
use leptos::prelude::*;

mod az;
mod en;
mod ka;

const STORAGE_KEY: &str = "concord.lang";

/// Every text of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Under the product name.
    Tagline,
    /// The skip link's text.
    SkipToContent,
    /// Accessible name of the main navigation.
    MainNavigation,
    /// Accessible name of the language switcher.
    Language,
    /// Navigation: the Agreement page.
    NavAgreement,
    /// The footer line.
    Footer,
    /// A fetch is under way.
    Loading,
    /// Heading of a failed load.
    LoadFailedTitle,
    /// The server did not answer at all.
    ServerUnreachable,
    /// The server answered with an error.
    ServerError,
    /// Button to retry a failed load.
    TryAgain,
    /// Agreement page heading.
    AgreementHeading,
    /// "Signed in {place} on {date}".
    SignedInOn,
    /// Heading of the parties section.
    PartiesHeading,
    /// Label before a party's competent authority.
    CompetentAuthority,
    /// "In force since {date}".
    InForceSince,
    /// Heading of the areas list.
    AreasHeading,
    /// Heading of the forms list.
    FormsHeading,
    /// Marks the "other" area and form.
    NeedsSpecification,
    /// Heading of the not-found page.
    NotFoundTitle,
    /// Body of the not-found page.
    NotFoundBody,
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Az => az::text(key),
        Lang::Ka => ka::text(key),
    }
}

/// Month names, January first.
fn months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => en::MONTHS,
        Lang::Az => az::MONTHS,
        Lang::Ka => ka::MONTHS,
    }
}

/// Formats an ISO date (`2023-04-24`) the way each language writes it
/// ("24 April 2023", "24 aprel 2023", "24 აპრილი 2023"); anything else is shown as given.
pub fn format_iso_date(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_owned();
    };
    match months(lang).get(month.wrapping_sub(1)) {
        Some(name) => format!("{day} {name} {y}"),
        None => iso.to_owned(),
    }
}

/// The current language, in context; persisted in local storage and
/// mirrored on `<html lang>`.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// Reads the saved language (or the browser's, or English) and keeps
    /// `<html lang>` in step with it.
    pub fn init() -> I18n {
        let lang = RwSignal::new(saved_lang().or_else(browser_lang).unwrap_or_default());
        Effect::new(move |_| {
            let code = lang.get().code();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", code);
            }
        });
        I18n { lang }
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Switches and remembers the language.
    pub fn set_lang(&self, lang: Lang) {
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
        self.lang.set(lang);
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }
}

fn saved_lang() -> Option<Lang> {
    let storage = window().local_storage().ok()??;
    Lang::from_code(&storage.get_item(STORAGE_KEY).ok()??)
}

fn browser_lang() -> Option<Lang> {
    let preferred = window().navigator().language()?;
    Lang::from_code(preferred.split('-').next()?)
}
