//! An activity's title in the user's language: where the text in that
//! language is not written yet, the fallback (English, then the original)
//! shows with a small badge naming its language, and carries a `lang`
//! attribute so screen readers and hyphenation follow it.

use concord_shared::Lang;
use concord_shared::api::{Activity, PickedText};
use leptos::prelude::*;

use crate::i18n::{I18n, Key};

/// The badge naming the language of a fallback text.
pub fn in_language(lang: Lang) -> Key {
    match lang {
        Lang::En => Key::TextInEn,
        Lang::Az => Key::TextInAz,
        Lang::Ka => Key::TextInKa,
    }
}

/// The title as plain text in `lang` (for links composed with a reference
/// and for `title` attributes); a fallback is not marked.
pub fn title_in(activity: &Activity, lang: Lang) -> String {
    activity.text_in(lang).title.to_owned()
}

/// The activity's title in the user's language (following it), a fallback
/// marked with its language (unless `unmarked`: a heading shows the mark
/// beside it with [`FallbackMark`]).
#[component]
pub fn LocalTitle(activity: Activity, #[prop(optional)] unmarked: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    move || {
        let text = activity.text_in(i18n.lang());
        let badge = (text.fallback && !unmarked).then(|| view! { " " <FallbackBadge lang=text.lang /> });
        view! { {picked_title(text)}{badge} }
    }
}

/// A title picked for a language (`pick_text`), with its `lang` attribute.
pub fn picked_title(text: PickedText<'_>) -> impl IntoView + use<> {
    let code = text.lang.code();
    view! { <span lang=code data-text-lang=code>{text.title.to_owned()}</span> }
}

/// The mark of a text shown in another language than the user's: "in English".
#[component]
pub fn FallbackBadge(lang: Lang) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let code = lang.code();
    view! { <small class="badge lang-fallback" data-testid="text-fallback" data-lang=code>{move || i18n.t(in_language(lang))}</small> }
}

/// The fallback mark of an activity's title, alone (nothing when the title
/// is in the user's language).
#[component]
pub fn FallbackMark(activity: Activity) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    move || {
        let text = activity.text_in(i18n.lang());
        text.fallback
            .then(|| view! { <p class="inline"><FallbackBadge lang=text.lang /></p> })
    }
}
