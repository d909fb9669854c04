//! The Agreement page: the agreement, its parties and their competent
//! authorities, the areas and forms of co-operation, all from
//! `GET /api/v1/reference`.

use concord_client::Client;
use concord_shared::Problem;
use concord_shared::api::Reference;
use leptos::prelude::*;

use crate::i18n::{I18n, Key, format_iso_date};

/// The Agreement page.
#[component]
pub fn AgreementPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let client = expect_context::<Client>();
    let reference = LocalResource::new(move || {
        let client = client.clone();
        async move { client.reference().await }
    });

    view! {
        <Transition fallback=move || {
            view! { <p class="status loading" role="status">{move || i18n.t(Key::Loading)}</p> }
        }>
            {move || {
                reference
                    .get()
                    .map(|result| match result {
                        Ok(reference) => view! { <AgreementView reference /> }.into_any(),
                        Err(problem) => view! { <LoadError problem on_retry=move || reference.refetch() /> }.into_any(),
                    })
            }}
        </Transition>
    }
}

#[component]
fn AgreementView(reference: Reference) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let Reference {
        agreement,
        parties,
        areas,
        forms,
    } = reference;
    let signed_on = agreement.signed_on.clone();
    let place = agreement.signed_at_place.clone();
    view! {
        <h1>{move || i18n.t(Key::AgreementHeading)}</h1>
        <p class="lead" data-testid="agreement-title">{move || agreement.title.get(i18n.lang()).to_owned()}</p>
        <p>
            {move || {
                i18n.t(Key::SignedInOn)
                    .replace("{place}", place.get(i18n.lang()))
                    .replace("{date}", &format_iso_date(&signed_on, i18n.lang()))
            }}
        </p>

        <h2>{move || i18n.t(Key::PartiesHeading)}</h2>
        <div class="parties">
            {parties
                .into_iter()
                .map(|party| {
                    let since = party.authority_since.clone();
                    let name = party.name.clone();
                    let authority = party.competent_authority.clone();
                    view! {
                        <section class="card" data-party=party.code.code()>
                            <h3>
                                <span class="party-code">{party.code.short()}</span>
                                {move || name.get(i18n.lang()).to_owned()}
                            </h3>
                            <p>
                                <span class="muted">{move || i18n.t(Key::CompetentAuthority)}": "</span>
                                <span data-testid="authority">{move || authority.get(i18n.lang()).to_owned()}</span>
                            </p>
                            <p class="muted">
                                {move || i18n.t(Key::InForceSince).replace("{date}", &format_iso_date(&since, i18n.lang()))}
                            </p>
                        </section>
                    }
                })
                .collect_view()}
        </div>

        <h2 id="areas-heading">{move || i18n.t(Key::AreasHeading)}</h2>
        <ol class="numbered" aria-labelledby="areas-heading" data-testid="areas">
            {areas
                .into_iter()
                .map(|area| {
                    let label = area.label.clone();
                    view! {
                        <li data-area=area.code.code()>
                            <span class="label">{move || label.get(i18n.lang()).to_owned()}</span>
                            {area
                                .needs_specification
                                .then(|| view! { <span class="tag">{move || i18n.t(Key::NeedsSpecification)}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>

        <h2 id="forms-heading">{move || i18n.t(Key::FormsHeading)}</h2>
        <ol class="numbered" aria-labelledby="forms-heading" data-testid="forms">
            {forms
                .into_iter()
                .map(|form| {
                    let label = form.label.clone();
                    view! {
                        <li data-form=form.code.code()>
                            <span class="label">{move || label.get(i18n.lang()).to_owned()}</span>
                            {form
                                .needs_specification
                                .then(|| view! { <span class="tag">{move || i18n.t(Key::NeedsSpecification)}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// A failed load, in plain words, with a way to try again.
#[component]
pub fn LoadError(problem: Problem, on_retry: impl Fn() + 'static + Send + Sync + Clone) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let unreachable = problem.status == 0;
    view! {
        <section class="card error" role="alert">
            <h2>{move || i18n.t(Key::LoadFailedTitle)}</h2>
            <p>
                {move || {
                    if unreachable { i18n.t(Key::ServerUnreachable) } else { i18n.t(Key::ServerError) }
                }}
            </p>
            <button type="button" class="primary" on:click=move |_| on_retry()>
                {move || i18n.t(Key::TryAgain)}
            </button>
        </section>
    }
}
