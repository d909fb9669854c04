//! The running header of a printed plan page (issue 17, item 9): the plan,
//! its version and whether it is a draft, on every printed page. The print
//! stylesheet (`style/main.css`, `@media print`) writes it into each page's
//! top margin (`@page { @top-left { content: var(--print-header) } }`), so
//! it never covers the content (a fixed element would cover the repeated
//! header row of a long table); this sets that variable on the root
//! element through the CSSOM (which the CSP allows, unlike a style
//! attribute). The same words are in a hidden element for tests.

use concord_client::Client;
use concord_shared::api::Plan;
use concord_shared::paper::Text;
use concord_shared::plan::PlanState;
use leptos::prelude::*;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};

/// Which version a printed page shows: a signed one, or the one in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// A signed version, as frozen.
    Signed(i32),
    /// The version being drafted or negotiated (not signed yet).
    Draft(i32),
}

impl Printed {
    /// What the plan shows as it stands: its signed version while no
    /// amendment is open, else the version in progress.
    pub fn of(plan: &Plan) -> Printed {
        let in_progress = plan.amendment + 1;
        match plan.signed_version {
            Some(n) if n >= in_progress || matches!(plan.state, PlanState::Signed | PlanState::Closed) => {
                Printed::Signed(n)
            }
            _ => Printed::Draft(in_progress),
        }
    }
}

/// The header line of plan `year` at `printed`, in the interface's language.
fn line(i18n: I18n, year: i32, printed: Option<Printed>) -> String {
    let lang = i18n.lang();
    let mut words = vec![i18n.t(Key::PlanOfYear).replace("{year}", &year.to_string())];
    match printed {
        Some(Printed::Signed(n)) => words.push(Text::VersionN.fill(lang, &[("n", &n.to_string())])),
        Some(Printed::Draft(n)) => {
            words.push(Text::VersionN.fill(lang, &[("n", &n.to_string())]));
            words.push(Text::DraftMark.get(lang).to_owned());
        }
        None => {}
    }
    words.join(" · ")
}

/// The running header for plan `year`: at `version` when given (a version's
/// page), else at what `plan` (loaded here when not given) shows.
#[component]
pub fn PrintHeader(year: i32, plan: Option<Plan>, version: Option<i32>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let printed = RwSignal::new(version.map(Printed::Signed).or_else(|| plan.as_ref().map(Printed::of)));
    if printed.get_untracked().is_none() && year > 0 {
        let auth = expect_context::<Auth>();
        let client = expect_context::<Client>();
        leptos::task::spawn_local(async move {
            if let Ok(plan) = auth.call(client.plan(year)).await {
                printed.set(Some(Printed::of(&plan.value)));
            }
        });
    }
    let text = Memo::new(move |_| line(i18n, year, printed.get()));
    let written = StoredValue::new(String::new());
    Effect::new(move |_| {
        let css = css_string(&text.get());
        set_running(Some(&css));
        written.set_value(css);
    });
    // The next page's header may already be written: only ours is taken away.
    on_cleanup(move || {
        if running().is_some_and(|now| now == written.get_value()) {
            set_running(None);
        }
    });
    view! { <div class="print-running" hidden=true data-testid="print-header">{move || text.get()}</div> }
}

/// The custom property the print stylesheet's page margin shows.
const PROPERTY: &str = "--print-header";

/// `text` as a CSS string.
fn css_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn root_style() -> Option<web_sys::CssStyleDeclaration> {
    use wasm_bindgen::JsCast;
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.dyn_into::<web_sys::HtmlElement>().ok()?.style())
}

fn running() -> Option<String> {
    root_style()?
        .get_property_value(PROPERTY)
        .ok()
        .filter(|v| !v.is_empty())
}

fn set_running(css: Option<&str>) {
    if let Some(style) = root_style() {
        let _ = match css {
            Some(css) => style.set_property(PROPERTY, css),
            None => style.remove_property(PROPERTY).map(|_| ()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_a_css_string() {
        assert_eq!(css_string("Plan 2027 · Version 1"), "\"Plan 2027 · Version 1\"");
        assert_eq!(css_string("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
    }
}
