//! A button that asks before it acts (issue 17, item 7): what cannot be
//! taken back quietly (withdrawing an activity from the plan, deleting a
//! draft) first shows its question with "Yes, …" and "Keep it". Focus goes
//! to "Keep it" (the safe answer), Escape keeps, and focus returns to the
//! button when nothing was done.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{I18n, Key};

/// The words of one confirmation.
#[derive(Debug, Clone, Copy)]
pub struct Asking {
    /// The button's label.
    pub label: Key,
    /// The question.
    pub question: Key,
    /// The button that does it.
    pub confirm: Key,
    /// The button that keeps things as they are.
    pub keep: Key,
}

/// The button `name` (its `data-testid`; the question's buttons are
/// `confirm-{name}` and `keep-{name}`), running `on_confirm` only after the
/// user said yes. `danger` styles the button as destructive.
#[component]
pub fn ConfirmButton(
    name: &'static str,
    words: Asking,
    #[prop(into)] busy: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let asking = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let keep_button = NodeRef::<leptos::html::Button>::new();
    let question_id = format!("{name}-question");
    // Focus moves once the swapped-in buttons are drawn.
    let ask = move |_| {
        asking.set(true);
        set_timeout(
            move || {
                if let Some(b) = keep_button.get_untracked() {
                    let _ = b.focus();
                }
            },
            Duration::ZERO,
        );
    };
    let keep = move || {
        asking.set(false);
        set_timeout(
            move || {
                if let Some(b) = button.get_untracked() {
                    let _ = b.focus();
                }
            },
            Duration::ZERO,
        );
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class=if danger { "danger" } else { "secondary" } data-testid=name node_ref=button
                    disabled=move || busy.get() on:click=ask>
                    {i18n.tr(words.label)}
                </button>
            }
        >
            <div class="confirm" role="group" aria-labelledby=question_id.clone() data-testid=format!("ask-{name}")
                on:keydown=move |ev| if ev.key() == "Escape" { keep() }>
                <p id=question_id.clone()>{i18n.tr(words.question)}</p>
                <div class="inline">
                    <button type="button" class="danger" data-testid=format!("confirm-{name}")
                        disabled=move || busy.get() on:click=move |_| { asking.set(false); on_confirm.run(()) }>
                        {i18n.tr(words.confirm)}
                    </button>
                    <button type="button" class="secondary" data-testid=format!("keep-{name}") node_ref=keep_button
                        on:click=move |_| keep()>
                        {i18n.tr(words.keep)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
