//! How a failure is shown: a failed load with a way to try again, a
//! refused request above the form that made it, and an administrators'
//! page to someone else.

use concord_shared::Problem;
use concord_shared::rules::{Actor, Reason, Refusal};
use leptos::prelude::*;

use crate::auth::Auth;
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

/// Why a control is disabled, in `lang`: the reason of the rule's refusal,
/// worded as the API's refusal of the same request would be.
pub fn refusal_text(lang: concord_shared::Lang, refusal: &Refusal) -> String {
    match refusal.reason() {
        Some(reason) => crate::ui::refusal::reason_text(lang, reason),
        None => crate::i18n::text(lang, Key::Forbidden).to_owned(),
    }
}

/// Why a control is disabled or missing: the rule's `refusal` in the
/// user's language, as `<p id=…>` for the control's `aria-describedby`;
/// `name` is its test id, the reason's code its `data-code`.
#[component]
pub fn WhyNot(#[prop(into)] id: String, name: &'static str, refusal: Refusal) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let code = refusal.reason().map(Reason::code);
    view! {
        <p class="hint reason" id=id data-testid=name data-code=code>
            {move || refusal_text(i18n.lang(), &refusal)}
        </p>
    }
}

/// An administrators' page shown to someone the rule does not allow: its
/// heading and why there is nothing below it.
#[component]
pub fn NotAllowed(heading: Key) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <h1>{i18n.tr(heading)}</h1>
        <p class="notice failure" role="alert">{i18n.tr(Key::Forbidden)}</p>
    }
}

/// A page's list that only those `rule` allows ask the server for; for
/// anyone else it is a 403 at once (the page tells them, with
/// [`NotAllowed`]).
pub fn allowed_resource<T, Fut>(
    rule: fn(Actor) -> Result<(), Refusal>,
    fetch: impl Fn() -> Fut + 'static,
) -> LocalResource<Result<T, Problem>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, Problem>> + 'static,
{
    let auth = expect_context::<Auth>();
    LocalResource::new(move || {
        let allowed = auth.actor().is_some_and(|a| rule(a).is_ok());
        // Made only when allowed; it runs when awaited.
        let request = allowed.then(&fetch);
        async move {
            match request {
                Some(request) => request.await,
                None => Err(Problem::new(403, "Forbidden")),
            }
        }
    })
}
