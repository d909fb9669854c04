//! How a failure is shown: a failed load with a way to try again, and a
//! refused request above the form that made it.

use concord_shared::Problem;
use leptos::prelude::*;

use crate::i18n::{I18n, Key};
use crate::ui::problem_text;

/// A failed load, in plain words, with a way to try again.
#[component]
pub fn LoadError(problem: Problem, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let unreachable = problem.status == 0;
    view! {
        <section class="card error" role="alert">
            <h2>{i18n.tr(Key::LoadFailedTitle)}</h2>
            <p>
                {move || {
                    if unreachable { i18n.t(Key::ServerUnreachable) } else { i18n.t(Key::ServerError) }
                }}
            </p>
            <button type="button" class="primary" on:click=move |_| on_retry.run(())>
                {i18n.tr(Key::TryAgain)}
            </button>
        </section>
    }
}

/// The text of a lifecycle request's failure: a stale version (412) in
/// words of its own, everything else as the app words it.
pub fn failure_text(i18n: I18n, problem: &Problem) -> String {
    if problem.status == 412 {
        i18n.t(Key::LcStale).to_owned()
    } else {
        problem_text(i18n, problem)
    }
}

/// A failure above a lifecycle form; a stale version offers to reload.
#[component]
pub fn Failure(problem: RwSignal<Option<Problem>>, #[prop(into)] on_reload: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    move || {
        problem.get().map(|p| {
            let stale = p.status == 412;
            let status = p.status.to_string();
            view! {
                <div class="notice failure" role="alert" data-testid="lc-failure" data-status=status>
                    <p>{move || failure_text(i18n, &p)}</p>
                    {stale.then(|| view! {
                        <button type="button" class="secondary" data-testid="lc-reload" on:click=move |_| on_reload.run(())>{i18n.tr(Key::LcReload)}</button>
                    })}
                </div>
            }
        })
    }
}
