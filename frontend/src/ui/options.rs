//! The closed lists as select options, and the selects built on them.

use concord_shared::rules::{Actor, roles::may_grant};
use concord_shared::{CooperationArea, CooperationForm, Lang, Party, Role};
use leptos::prelude::*;

use crate::i18n::{I18n, Key, month_name};

const MONTH_CODES: [&str; 12] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

/// Areas as select options.
pub fn area_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    CooperationArea::ALL.iter().map(|a| (a.code(), a.label(lang))).collect()
}

/// Forms as select options.
pub fn form_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    CooperationForm::ALL.iter().map(|f| (f.code(), f.label(lang))).collect()
}

/// Parties as select options.
pub fn party_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    Party::ALL.iter().map(|p| (p.code(), p.label(lang))).collect()
}

/// Months as select options.
pub fn month_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    MONTH_CODES
        .iter()
        .enumerate()
        .map(|(i, code)| (*code, month_name(lang, i as u32 + 1)))
        .collect()
}

/// The roles `actor` may give, lowest first.
pub fn grantable_roles(actor: Actor) -> Vec<Role> {
    Role::ALL
        .iter()
        .copied()
        .filter(|role| may_grant(actor, *role).is_ok())
        .collect()
}

/// A labelled select of the roles the actor may give.
#[component]
pub fn RoleSelect(
    #[prop(into)] id: String,
    roles: Vec<Role>,
    value: RwSignal<Role>,
    /// A visible label; without one, `aria_label` names the select.
    #[prop(optional)]
    label: Option<Key>,
    #[prop(optional, into)] aria_label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let options = roles.clone();
    view! {
        {label.map(|label| view! { <label for=id.clone()>{move || i18n.t(label)}</label> })}
        <select
            id=id.clone()
            name=id.clone()
            aria-label=move || aria_label.map(|l| l.get())
            on:change=move |ev| {
                if let Some(role) = Role::from_code(&event_target_value(&ev)) {
                    value.set(role);
                }
            }
        >
            {options
                .into_iter()
                .map(|role| {
                    view! {
                        <option value=role.code() selected=move || value.get() == role>
                            {move || role.label(i18n.lang())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// A labelled select over `(value, label)` options, the empty value first when `any` is given.
#[component]
pub fn Choice(
    #[prop(into)] id: String,
    label: Key,
    value: RwSignal<String>,
    options: Vec<(String, Key)>,
    #[prop(optional)] any: Option<Key>,
    #[prop(optional)] extra: Vec<String>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(label)}</label>
            <select id=id.clone() name=id on:change=move |ev| value.set(event_target_value(&ev))>
                {any.map(|key| view! { <option value="" selected=move || value.get().is_empty()>{i18n.tr(key)}</option> })}
                {options
                    .into_iter()
                    .map(|(code, key)| {
                        let shown = code.clone();
                        view! { <option value=code selected=move || value.get() == shown>{i18n.tr(key)}</option> }
                    })
                    .collect_view()}
                {extra
                    .into_iter()
                    .map(|text| {
                        let (code, shown) = (text.clone(), text.clone());
                        view! { <option value=code selected=move || value.get() == shown>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
