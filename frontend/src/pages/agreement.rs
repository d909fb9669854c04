//! The Agreement page: the agreement, its parties and their competent
//! authorities, the areas and forms of co-operation, all from
//! `GET /api/v1/reference`.

use concord_client::Client;
use concord_shared::api::Reference;
use leptos::prelude::*;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_iso_date};
use crate::ui::feedback::LoadError;
use crate::ui::{Content, Loader};

/// The Agreement page.
#[component]
pub fn AgreementPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let auth = expect_context::<Auth>();
    let reference = LocalResource::new(move || {
        let client = client.clone();
        async move { auth.call(client.reference()).await }
    });

    let content: Content = std::sync::Arc::new(move || {
        reference.get().map(|result| match result {
            Ok(reference) => view! { <AgreementView reference /> }.into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| reference.refetch() /> }.into_any(),
        })
    });
    view! { <Loader content /> }
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
        <h1>{i18n.tr(Key::AgreementHeading)}</h1>
        <p class="lead" data-testid="agreement-title">{move || agreement.title.get(i18n.lang()).to_owned()}</p>
        <p>
            {move || {
                i18n.t(Key::SignedInOn)
                    .replace("{place}", place.get(i18n.lang()))
                    .replace("{date}", &format_iso_date(&signed_on, i18n.lang()))
            }}
        </p>

        <h2>{i18n.tr(Key::PartiesHeading)}</h2>
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
                                <span class="muted">{i18n.tr(Key::CompetentAuthority)}": "</span>
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

        <h2 id="areas-heading">{i18n.tr(Key::AreasHeading)}</h2>
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
                                .then(|| view! { <span class="tag">{i18n.tr(Key::NeedsSpecification)}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>

        <h2 id="forms-heading">{i18n.tr(Key::FormsHeading)}</h2>
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
                                .then(|| view! { <span class="tag">{i18n.tr(Key::NeedsSpecification)}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
