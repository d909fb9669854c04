//! Where keyboard focus goes when the page changes under the user (issue
//! 17, item 7): the page's heading after a route change, a save or a share;
//! the first invalid field after a refused submit; the main content from the
//! skip link. A screen reader then reads what changed, and a keyboard user
//! goes on from there instead of from the top of the document.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// How often and how long a focus waits for what it focuses to be drawn.
const STEP: Duration = Duration::from_millis(50);
const TRIES: u32 = 40;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn find(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok().flatten()
}

/// Whether the user is in a field of the page (typing, choosing): focus is
/// then theirs and never moved from under them by a late page load.
fn in_a_field() -> bool {
    document().and_then(|d| d.active_element()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") && el.closest("main").ok().flatten().is_some()
    })
}

/// Focuses `el`; an element that is not focusable by itself (a heading, the
/// main element) gets `tabindex="-1"`, focusable by script only.
fn focus(el: Element) {
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = el.dyn_into::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// Tries `attempt` now and again every [`STEP`] until it answers `true`
/// or [`TRIES`] have passed (a page still loading its data).
fn retry(attempt: impl Fn() -> bool + 'static, tries: u32) {
    if attempt() || tries <= 1 {
        return;
    }
    set_timeout(move || retry(attempt, tries - 1), STEP);
}

/// The page's heading (`main h1`) once drawn, unless the user is already in
/// a field.
pub fn focus_heading() {
    set_timeout(
        || {
            retry(
                || {
                    if in_a_field() {
                        return true;
                    }
                    find("main h1").map(focus).is_some()
                },
                TRIES,
            );
        },
        Duration::ZERO,
    );
}

/// After a route change: the new page's heading, once it replaced the old
/// page's (lazily loaded pages come a moment later). A heading that is
/// still the same element after a while is the new page's after all (drawn
/// before this ran, or the same page for another id).
pub fn focus_new_heading() {
    let old = find("main h1");
    let waited = std::cell::Cell::new(0_u32);
    retry(
        move || {
            if in_a_field() {
                return true;
            }
            waited.set(waited.get() + 1);
            match find("main h1") {
                Some(h1) if old.as_ref() != Some(&h1) || waited.get() > SAME_HEADING_TRIES => {
                    focus(h1);
                    true
                }
                _ => false,
            }
        },
        TRIES,
    );
}

/// Tries before the heading found at a route change counts as the new one.
const SAME_HEADING_TRIES: u32 = 8;

/// The first invalid field of the page (`aria-invalid="true"`), once the
/// errors are drawn.
pub fn focus_first_invalid() {
    set_timeout(
        || retry(|| find("main [aria-invalid=\"true\"]").map(focus).is_some(), 10),
        Duration::ZERO,
    );
}

/// The skip link's target: the main content, focused (not only scrolled to).
pub fn focus_main() {
    if let Some(main) = find("main") {
        focus(main);
    }
}
