//! Copying a secret shown once (an API token, a calendar address, a
//! webhook's signing secret) to the clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::js_sys;

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
