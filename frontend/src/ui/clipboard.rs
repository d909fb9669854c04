//! Copying a secret shown once (an API token, a calendar address, a
//! webhook's signing secret) to the clipboard, and the card that shows one.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::js_sys;

use crate::i18n::{I18n, Key};

/// Writes `text` to the clipboard; `copied` tells how it went.
pub fn copy(text: &str, copied: RwSignal<Option<bool>>) {
    let navigator = window().navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !available {
        copied.set(Some(false));
        return;
    }
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |_| copied.set(Some(true)));
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| copied.set(Some(false)));
    let _ = navigator.clipboard().write_text(text).then2(&ok, &failed);
    // The callbacks run once, later; they are small.
    ok.forget();
    failed.forget();
}

/// A secret shown this once (an API token, a webhook's signing secret):
/// the heading (`heading` with `{name}` filled in), the warning, the value
/// read-only with a Copy button, and the button that puts it away. Test ids
/// and element ids grow from `stem`: `new-{stem}`, `{stem}-secret`,
/// `copy-{stem}`.
#[component]
pub fn ShownOnce(
    /// The heading's text, with `{name}`.
    heading: Key,
    /// What fills `{name}`.
    name: String,
    /// The warning under it.
    warning: Key,
    /// The value's label.
    label: Key,
    /// The secret.
    secret: String,
    /// The ids' stem.
    stem: &'static str,
    /// Put away.
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let copied = RwSignal::new(None::<bool>);
    let heading_id = format!("{stem}-secret-heading");
    let input_id = format!("{stem}-secret");
    let to_copy = secret.clone();
    let labelled_by = heading_id.clone();
    let (label_for, test_id) = (input_id.clone(), input_id.clone());
    view! {
        <section class="card secret" aria-labelledby=labelled_by data-testid=format!("new-{stem}")>
            <h2 id=heading_id>{move || i18n.t(heading).replace("{name}", &name)}</h2>
            <p class="warning" role="alert">{i18n.tr(warning)}</p>
            <div class="field">
                <label for=label_for>{i18n.tr(label)}</label>
                <div class="inline">
                    <input id=input_id class="secret-value" type="text" readonly=true autocomplete="off"
                        spellcheck="false" prop:value=secret data-testid=test_id />
                    <button type="button" class="primary" data-testid=format!("copy-{stem}")
                        on:click=move |_| copy(&to_copy, copied)>
                        {i18n.tr(Key::Copy)}
                    </button>
                </div>
            </div>
            <p role="status" class="muted">
                {move || copied.get().map(|ok| if ok { i18n.t(Key::Copied) } else { i18n.t(Key::CopyFailed) })}
            </p>
            <button type="button" class="secondary" on:click=move |_| on_done.run(())>{i18n.tr(Key::TokenDone)}</button>
        </section>
    }
}
