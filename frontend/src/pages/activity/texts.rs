//! The activity's title and description in each language: who wrote each
//! and when, the original marked, an outdated translation marked; the
//! owning party writes or corrects its own language (with the text's
//! version in `If-Match`) and confirms an outdated translation. What may be
//! done is asked of the shared rules (`rules::texts`).

use concord_client::{Client, NEW_TEXT, Versioned};
use concord_shared::Lang;
use concord_shared::api::{Activity, TextInput};
use concord_shared::plan::PlanState;
use concord_shared::rules::texts::{may_confirm, may_write};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::{Message, MessageView};

/// The texts section of the activity page.
#[component]
pub fn TextsPanel(
    current: RwSignal<Versioned<Activity>>,
    plan_state: RwSignal<Option<PlanState>>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let message = RwSignal::new(None::<Message>);
    view! {
        <section id="texts" class="activity-texts" data-testid="activity-texts">
            <h2>{i18n.tr(Key::TextsHeading)}</h2>
            <p class="hint">{i18n.tr(Key::TextsHint)}</p>
            <MessageView message />
            {move || {
                let a = current.get().value;
                Lang::ALL
                    .iter()
                    .map(|&lang| view! { <TextEntry activity=a.clone() lang plan_state message on_reload /> })
                    .collect_view()
            }}
        </section>
    }
}

#[component]
fn TextEntry(
    activity: Activity,
    lang: Lang,
    plan_state: RwSignal<Option<PlanState>>,
    message: RwSignal<Option<Message>>,
    on_reload: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let actor = auth.actor();
    let code = lang.code();
    let id = activity.id;
    let proposer = activity.proposing_party;
    let original_lang = activity.text_lang;
    let text = activity.text_exactly(lang).cloned();
    let original = original_lang == lang;
    let outdated = text.as_ref().is_some_and(|t| t.outdated);
    let version = text.as_ref().map_or(NEW_TEXT, |t| t.version);
    let may_write_it = move || {
        actor.is_some_and(|a| {
            plan_state
                .get()
                .is_some_and(|s| may_write(a, s, proposer, original_lang, lang).is_ok())
        })
    };
    let may_confirm_it = move || {
        actor.is_some_and(|a| {
            plan_state
                .get()
                .is_some_and(|s| may_confirm(a, s, proposer, original_lang, lang, outdated).is_ok())
        })
    };
    let editing = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let title = RwSignal::new(text.as_ref().map(|t| t.title.clone()).unwrap_or_default());
    let description = RwSignal::new(text.as_ref().map(|t| t.description.clone()).unwrap_or_default());
    let done = move |result: Result<(), concord_shared::Problem>| match result {
        Ok(()) => {
            message.set(Some(Message::Done(Key::TextSaved, String::new())));
            on_reload.run(());
        }
        Err(problem) if problem.status == 412 => on_reload.run(()),
        Err(problem) => message.set(Some(Message::Failed(problem))),
    };
    let save = {
        let client = client.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let client = client.clone();
            let input = TextInput {
                title: title.get_untracked().trim().to_owned(),
                description: description.get_untracked().trim().to_owned(),
            };
            busy.set(true);
            spawn_local(async move {
                let result = auth.call(client.put_activity_text(id, lang, version, &input)).await;
                busy.set(false);
                done(result.map(|_| ()));
            });
        }
    };
    let confirm = move |_| {
        let client = client.clone();
        busy.set(true);
        spawn_local(async move {
            let result = auth.call(client.confirm_activity_text(id, lang, version)).await;
            busy.set(false);
            done(result.map(|_| ()));
        });
    };
    let shown = text.clone().map(|t| {
        let written = move || {
            i18n.t(Key::TextWrittenBy)
                .replace("{name}", &t.written_by)
                .replace("{date}", &format_datetime(t.written_at.timestamp_millis(), i18n.lang()))
        };
        view! {
            <p class="text-title" lang=code data-testid=format!("text-title-{code}")>{text.as_ref().map(|t| t.title.clone())}</p>
            <p class="prose" lang=code>{text.as_ref().map(|t| t.description.clone())}</p>
            <p class="muted">{written}</p>
        }
    });
    let title_id = format!("text-title-input-{code}");
    let description_id = format!("text-description-input-{code}");
    view! {
        <div class="text-entry card" data-testid=format!("text-{code}") data-lang=code data-outdated=outdated.to_string()>
            <h3>
                {lang.native_name()}
                {original.then(|| view! { " " <small class="badge">{i18n.tr(Key::TextOriginal)}</small> })}
                {outdated.then(|| view! { " " <small class="badge warn" data-testid="text-outdated">{i18n.tr(Key::TextOutdated)}</small> })}
            </h3>
            {match shown {
                Some(view) => view.into_any(),
                None => view! { <p class="muted">{i18n.tr(Key::TextNotWritten)}</p> }.into_any(),
            }}
            {move || (!editing.get()).then(|| view! {
                <div class="form-actions">
                    {may_write_it().then(|| view! {
                        <button type="button" class="secondary" data-testid=format!("text-edit-{code}")
                            on:click=move |_| editing.set(true)>
                            {i18n.tr(if version == NEW_TEXT { Key::TextWrite } else { Key::Edit })}
                        </button>
                    })}
                    {may_confirm_it().then(|| view! {
                        <button type="button" class="secondary" data-testid=format!("text-confirm-{code}")
                            disabled=move || busy.get() on:click=confirm.clone()>
                            {i18n.tr(Key::TextConfirm)}
                        </button>
                    })}
                </div>
            })}
            {move || editing.get().then(|| view! {
                <form class="text-form" on:submit=save.clone()>
                    <label for=title_id.clone()>{i18n.tr(Key::Title)}</label>
                    <input id=title_id.clone() lang=code maxlength="200" required=true
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                    <label for=description_id.clone()>{i18n.tr(Key::Description)}</label>
                    <textarea id=description_id.clone() lang=code rows="4" maxlength="4000"
                        prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid=format!("text-save-{code}") disabled=move || busy.get()>{i18n.tr(Key::Save)}</button>
                        <button type="button" class="secondary" on:click=move |_| editing.set(false)>{i18n.tr(Key::Cancel)}</button>
                    </div>
                </form>
            })}
        </div>
    }
}
