//! "Download PDF" with the document's language: one of the three, or two
//! side by side as the parallel text of a bilateral instrument; "Download
//! CSV" and "Download XLSX" of a list. The wording is the documents' own
//! (`concord_shared::paper`), so the button and the file it gives say the
//! same thing.

use concord_shared::paper::{DocLangs, Text};
use leptos::prelude::*;

use crate::i18n::I18n;

/// The choice's label for a language code (`az,ka` → "Azərbaycanca + ქართული").
fn choice_label(code: &str) -> String {
    DocLangs::parse(code)
        .map(|l| l.all().iter().map(|l| l.native_name()).collect::<Vec<_>>().join(" + "))
        .unwrap_or_default()
}

/// A language choice and a download link to `path` (an API path such as
/// `/api/v1/plans/2027/document.pdf`) with `?lang=` the chosen code. `name`
/// tells apart several on one page (and names the test hooks).
#[component]
pub fn DownloadPdf(path: String, name: &'static str) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let chosen = RwSignal::new(i18n.lang().code().to_owned());
    let id = format!("pdf-lang-{name}");
    let href = move || format!("{path}?lang={}", chosen.get());
    let label = move |t: Text| move || t.get(i18n.lang());
    let options = DocLangs::CODES
        .iter()
        .map(|code| view! { <option value=*code>{choice_label(code)}</option> })
        .collect_view();
    view! {
        <div class="download-pdf" data-testid=format!("download-{name}")>
            <label for=id.clone()>{label(Text::DocumentLanguage)}</label>
            " "
            <select id=id prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                {options}
            </select>
            " "
            <a class="button" href=href download="" data-testid=format!("download-{name}-link")>{label(Text::DownloadPdf)}</a>
        </div>
    }
}

/// Download links to a list as CSV and as XLSX, headers in the interface's
/// language: `base` is the list's API path without the extension (e.g.
/// `/api/v1/instruments`), `query` its filters as a query string (every
/// page: the files are not paged). `name` names the test hooks.
#[component]
pub fn DownloadList(base: Signal<String>, query: Signal<String>, name: &'static str) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let href =
        move |ext: &'static str| move || format!("{}.{ext}?lang={}&{}", base.get(), i18n.lang().code(), query.get());
    view! {
        <p class="exports" data-testid=format!("download-{name}")>
            <a class="button secondary" href=href("csv") download="" data-testid=format!("download-{name}-csv")>
                {move || Text::DownloadCsv.get(i18n.lang())}
            </a>
            " "
            <a class="button secondary" href=href("xlsx") download="" data-testid=format!("download-{name}-xlsx")>
                {move || Text::DownloadXlsx.get(i18n.lang())}
            </a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_shared::Lang;

    #[test]
    fn choices_are_named_in_their_own_languages() {
        assert_eq!(choice_label("az,ka"), "Azərbaycanca + ქართული");
        assert_eq!(choice_label("en"), Lang::En.native_name());
    }
}
