//! An activity's title and description in the parties' languages: one text
//! per language, each owned by one party (Azerbaijani by AZ, Georgian by
//! GE, English by the proposer), and the helper that picks the text to show
//! in a language, saying when it fell back to another.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Activity;
use crate::domain::Party;
use crate::i18n::Lang;

/// An activity's title and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityText {
    /// The language.
    pub lang: Lang,
    /// Title (1–200 characters).
    pub title: String,
    /// Description (up to 4,000 characters).
    pub description: String,
    /// The party that writes this text (`az`: AZ, `ka`: GE, `en`: the proposer).
    pub party: Party,
    /// The original text (in `Activity::text_lang`) changed since this
    /// translation was written or confirmed: its party should update or confirm it.
    pub outdated: bool,
    /// Who wrote (or last confirmed) it, by display name.
    pub written_by: String,
    /// When.
    pub written_at: DateTime<Utc>,
    /// Version (ETag) of this text; `PUT .../texts/{lang}` sends it in `If-Match`.
    pub version: i64,
}

/// An activity's title alone in one language (the work queue, the board's cards).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitleText {
    /// The language.
    pub lang: Lang,
    /// The title.
    pub title: String,
    /// The original changed since this translation was written or confirmed.
    pub outdated: bool,
}

/// `PUT /api/v1/activities/{id}/texts/{lang}`: the text in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TextInput {
    /// Title (1–200 characters).
    pub title: String,
    /// Description (up to 4,000 characters).
    #[serde(default)]
    pub description: String,
}

/// The text chosen to show in a language (see [`pick_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PickedText<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// The language the text is in (for a `lang` attribute).
    pub lang: Lang,
    /// The text is not in the language asked for: show it marked as such.
    pub fallback: bool,
    /// The translation is outdated (the original changed since).
    pub outdated: bool,
}

/// The order in which languages are tried for `want`: the language itself,
/// then English, then the original's language, then the rest.
pub fn fallback_order(want: Lang, original: Lang) -> Vec<Lang> {
    let mut order = vec![want, Lang::En, original];
    order.extend(Lang::ALL);
    let mut seen = Vec::new();
    order.retain(|l| {
        let fresh = !seen.contains(l);
        seen.push(*l);
        fresh
    });
    order
}

/// Picks the text of an activity for `want` from its `texts`, falling back
/// (see [`fallback_order`]) to English, then to the original (`title`,
/// `description` in `original`), which every activity has.
pub fn pick_text<'a>(texts: &'a [ActivityText], original: (&'a str, &'a str, Lang), want: Lang) -> PickedText<'a> {
    let texts = texts
        .iter()
        .map(|t| (t.lang, t.title.as_str(), t.description.as_str(), t.outdated));
    pick_from(texts, original, want)
}

/// [`pick_text`] over texts given as (language, title, description, outdated).
pub fn pick_from<'a, I>(texts: I, original: (&'a str, &'a str, Lang), want: Lang) -> PickedText<'a>
where
    I: Iterator<Item = (Lang, &'a str, &'a str, bool)> + Clone,
{
    let (title, description, original_lang) = original;
    for lang in fallback_order(want, original_lang) {
        let found = texts
            .clone()
            .find(|(l, title, _, _)| *l == lang && !title.trim().is_empty());
        if let Some((_, title, description, outdated)) = found {
            return PickedText {
                title,
                description,
                lang,
                fallback: lang != want,
                outdated,
            };
        }
        if lang == original_lang {
            return PickedText {
                title,
                description,
                lang,
                fallback: lang != want,
                outdated: false,
            };
        }
    }
    PickedText {
        title,
        description,
        lang: original_lang,
        fallback: original_lang != want,
        outdated: false,
    }
}

impl Activity {
    /// The activity's title and description to show in `lang` (see [`pick_text`]).
    pub fn text_in(&self, lang: Lang) -> PickedText<'_> {
        pick_text(&self.texts, (&self.title, &self.description, self.text_lang), lang)
    }

    /// The text in exactly `lang`, if written.
    pub fn text_exactly(&self, lang: Lang) -> Option<&ActivityText> {
        self.texts.iter().find(|t| t.lang == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: Lang, title: &str) -> ActivityText {
        ActivityText {
            lang,
            title: title.into(),
            description: String::new(),
            party: Party::Az,
            outdated: false,
            written_by: String::new(),
            written_at: DateTime::<Utc>::default(),
            version: 1,
        }
    }

    #[test]
    fn the_language_asked_for_then_english_then_the_original() {
        let texts = vec![text(Lang::Az, "Qərargah danışıqları"), text(Lang::En, "Staff talks")];
        let original = ("Qərargah danışıqları", "", Lang::Az);
        let az = pick_text(&texts, original, Lang::Az);
        assert_eq!((az.title, az.fallback), ("Qərargah danışıqları", false));
        let ka = pick_text(&texts, original, Lang::Ka);
        assert_eq!((ka.title, ka.lang, ka.fallback), ("Staff talks", Lang::En, true));
        let only = pick_text(&[], ("Qərargah", "", Lang::Az), Lang::Ka);
        assert_eq!((only.title, only.lang, only.fallback), ("Qərargah", Lang::Az, true));
        assert_eq!(fallback_order(Lang::Ka, Lang::Az), vec![Lang::Ka, Lang::En, Lang::Az]);
    }
}
