//! The activity form: a new draft, or the edit of an existing activity
//! offering only the fields the caller's party may edit (the shared policy
//! decides). Field-level messages come from the same rules the server
//! checks, and from the server's 422 answer. A stale edit (412) is
//! explained, naming the party whose change came first, with the choice to
//! reload or review the difference. Unsaved changes are guarded.

use chrono::{Datelike, NaiveDate};
use concord_client::{Client, Versioned};
use concord_shared::api::{Activity, ActivityPatch, CostArrangement, NewActivity, Schedule, SideInput};
use concord_shared::rules::activities::{FieldOwner, may_edit_field};
use concord_shared::{CooperationArea, CooperationForm, Lang, Party, Problem};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::focus::focus_first_invalid;
use crate::ui::labels::cost_key;
use crate::ui::options::{area_options, form_options, month_options, party_options};
use crate::ui::{Field, FieldErrors, Message, MessageView, SelectField, TextAreaField, error_of, field_error_key};

fn cost_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    CostArrangement::ALL
        .iter()
        .map(|c| (c.code(), crate::i18n::text(lang, cost_key(*c))))
        .collect()
}

fn when_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        ("dates", crate::i18n::text(lang, Key::ExactDates)),
        ("month", crate::i18n::text(lang, Key::TentativeMonth)),
    ]
}

/// Parses `YYYY-MM-DD` (what a date input gives) without chrono's format
/// parser, which would weigh more than this whole form in the web app.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The form's choices from the closed lists, typed.
struct Choices {
    area: CooperationArea,
    form: CooperationForm,
    host: Party,
    cost: CostArrangement,
}

/// The form's values, as typed.
#[derive(Clone, Debug, PartialEq, Default)]
struct Values {
    title: String,
    description: String,
    area: String,
    area_other: String,
    form: String,
    form_other: String,
    host: String,
    location: String,
    when: String,
    start: String,
    end: String,
    month: String,
    cost: String,
    participants: String,
    unit: String,
    contact: String,
}

impl Values {
    fn of(activity: Option<&Activity>, side: Party) -> Values {
        let Some(a) = activity else {
            return Values {
                area: CooperationArea::ALL[0].code().to_owned(),
                form: CooperationForm::ALL[0].code().to_owned(),
                host: side.code().to_owned(),
                when: "dates".to_owned(),
                cost: CostArrangement::SendingPartyPays.code().to_owned(),
                ..Default::default()
            };
        };
        let own = if side == Party::Az { &a.az } else { &a.ge };
        Values {
            title: a.title.clone(),
            description: a.description.clone(),
            area: a.area.code().to_owned(),
            area_other: a.area_other.clone().unwrap_or_default(),
            form: a.form.code().to_owned(),
            form_other: a.form_other.clone().unwrap_or_default(),
            host: a.host_party.code().to_owned(),
            location: a.location.clone(),
            when: if a.month.is_some() { "month" } else { "dates" }.to_owned(),
            start: a.start_date.map(crate::ui::dates::iso).unwrap_or_default(),
            end: a.end_date.map(crate::ui::dates::iso).unwrap_or_default(),
            month: a.month.map(|m| m.to_string()).unwrap_or_default(),
            cost: a.cost.code().to_owned(),
            participants: own.participants.map(|p| p.to_string()).unwrap_or_default(),
            unit: own.responsible_unit.clone(),
            contact: own.point_of_contact.clone(),
        }
    }

    /// The closed-list choices read back from their selects; `None` when a
    /// select holds a code outside its list (its options come from the
    /// lists, so only a tampered page gets there, and the form refuses).
    fn choices(&self) -> Option<Choices> {
        Some(Choices {
            area: self.area.parse().ok()?,
            form: self.form.parse().ok()?,
            host: self.host.parse().ok()?,
            cost: self.cost.parse().ok()?,
        })
    }

    fn schedule(&self) -> Schedule {
        if self.when == "month" {
            Schedule {
                month: self.month.parse().ok(),
                ..Default::default()
            }
        } else {
            Schedule {
                start_date: parse_date(&self.start),
                end_date: parse_date(&self.end),
                month: None,
            }
        }
    }

    fn side(&self) -> SideInput {
        SideInput {
            participants: self.participants.trim().parse().ok(),
            responsible_unit: self.unit.trim().to_owned(),
            point_of_contact: self.contact.trim().to_owned(),
        }
    }

    fn other(text: &str) -> Option<String> {
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// The same checks the server makes, so messages appear before saving.
    fn check(&self, year: i32, substance: bool, side: bool) -> Vec<(String, Key)> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, key: Key| errors.push((field.to_owned(), key));
        if substance {
            let title = self.title.trim().chars().count();
            if title == 0 {
                fail("title", Key::ErrRequired);
            } else if title > 200 {
                fail("title", Key::ErrTooLong);
            }
            if self.description.chars().count() > 4000 {
                fail("description", Key::ErrTooLong);
            }
            if self.location.chars().count() > 200 {
                fail("location", Key::ErrTooLong);
            }
            match self.choices() {
                None => fail("area", Key::ErrInvalid),
                Some(choices) => {
                    if choices.area.needs_specification() && self.area_other.trim().is_empty() {
                        fail("area_other", Key::ErrRequired);
                    }
                    if choices.form.needs_specification() && self.form_other.trim().is_empty() {
                        fail("form_other", Key::ErrRequired);
                    }
                }
            }
            if self.when == "month" {
                if self.month.is_empty() {
                    fail("month", Key::ErrRequired);
                }
            } else {
                let start = parse_date(&self.start);
                let end = parse_date(&self.end);
                // Something typed that is no date (31 February, 12.05.2027)
                // is said so next to the field, never taken for "no date".
                let typed = |text: &str| !text.trim().is_empty();
                match start {
                    None if typed(&self.start) => fail("start_date", Key::ImpNotADate),
                    None => fail("start_date", Key::ErrRequired),
                    Some(s) if s.year() != year => fail("start_date", Key::ErrOutsideYear),
                    _ => {}
                }
                if end.is_none() && typed(&self.end) {
                    fail("end_date", Key::ImpNotADate);
                }
                if let Some(e) = end {
                    if e.year() != year {
                        fail("end_date", Key::ErrOutsideYear);
                    } else if start.is_some_and(|s| e < s) {
                        fail("end_date", Key::ErrBeforeStart);
                    }
                }
            }
        }
        if side {
            let p = self.participants.trim();
            if !p.is_empty() && !p.parse::<i64>().is_ok_and(|n| (0..=10_000).contains(&n)) {
                fail("participants", Key::ErrOutOfRange);
            }
            if self.unit.chars().count() > 200 {
                fail("responsible_unit", Key::ErrTooLong);
            }
            if self.contact.chars().count() > 200 {
                fail("point_of_contact", Key::ErrTooLong);
            }
        }
        errors
    }

    fn new_activity(&self, choices: &Choices, side: bool) -> NewActivity {
        let schedule = self.schedule();
        NewActivity {
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            lang: None,
            area: choices.area,
            area_other: Values::other(&self.area_other),
            form: choices.form,
            form_other: Values::other(&self.form_other),
            host_party: choices.host,
            location: self.location.trim().to_owned(),
            start_date: schedule.start_date,
            end_date: schedule.end_date,
            month: schedule.month,
            cost: choices.cost,
            own_side: side.then(|| self.side()),
        }
    }

    /// Only what changed since `before`.
    fn patch(&self, before: &Values, choices: &Choices, substance: bool, side: bool) -> ActivityPatch {
        let changed = |a: &String, b: &String| (a != b).then(|| a.trim().to_owned());
        let mut patch = ActivityPatch::default();
        if substance {
            patch.title = changed(&self.title, &before.title);
            patch.description = changed(&self.description, &before.description);
            patch.area = (self.area != before.area).then_some(choices.area);
            patch.area_other = changed(&self.area_other, &before.area_other);
            patch.form = (self.form != before.form).then_some(choices.form);
            patch.form_other = changed(&self.form_other, &before.form_other);
            patch.host_party = (self.host != before.host).then_some(choices.host);
            patch.location = changed(&self.location, &before.location);
            let schedule_changed = self.when != before.when
                || self.start != before.start
                || self.end != before.end
                || self.month != before.month;
            patch.schedule = schedule_changed.then(|| self.schedule());
            patch.cost = (self.cost != before.cost).then_some(choices.cost);
        }
        if side
            && (self.participants != before.participants || self.unit != before.unit || self.contact != before.contact)
        {
            patch.own_side = Some(self.side());
        }
        patch
    }
}

/// The wire field a server error names, as the form's field id.
fn form_field(field: &str) -> String {
    field.rsplit('.').next().unwrap_or(field).to_owned()
}

/// Who made the change that came first, judged by what differs: the
/// substance is only the proposer's, a side only its party's.
fn changed_by(mine: &Activity, theirs: &Activity) -> Option<Party> {
    if mine.az != theirs.az || mine.consent_az != theirs.consent_az || mine.az_summary != theirs.az_summary {
        return Some(Party::Az);
    }
    if mine.ge != theirs.ge || mine.consent_ge != theirs.consent_ge || mine.ge_summary != theirs.ge_summary {
        return Some(Party::Ge);
    }
    (mine.title != theirs.title
        || mine.description != theirs.description
        || mine.location != theirs.location
        || mine.area != theirs.area
        || mine.form != theirs.form
        || mine.host_party != theirs.host_party
        || mine.cost != theirs.cost
        || mine.start_date != theirs.start_date
        || mine.end_date != theirs.end_date
        || mine.month != theirs.month
        || mine.consent != theirs.consent)
        .then_some(mine.proposing_party)
}

/// A stale edit: who changed the activity first, and what now differs.
#[derive(Clone)]
struct Conflict {
    by: Option<Party>,
    theirs: Values,
}

/// The activity form.
#[component]
pub fn ActivityForm(
    /// The plan's year.
    year: i32,
    /// The activity being edited, with its version; `None` drafts a new one.
    #[prop(optional)]
    editing: Option<Versioned<Activity>>,
    /// Called with the saved activity.
    #[prop(into)]
    on_saved: Callback<Versioned<Activity>>,
    /// Called when the user cancels.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// Called to reload the activity (after a conflict).
    #[prop(optional, into)]
    on_reload: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let Some(actor) = auth.actor() else {
        return ().into_any();
    };
    let party = actor.party;
    let proposer = editing.as_ref().map_or(party, |v| v.value.proposing_party);
    let substance = may_edit_field(actor, proposer, FieldOwner::Substance).is_ok();
    let side = may_edit_field(actor, proposer, FieldOwner::Side(party)).is_ok();
    let before = Values::of(editing.as_ref().map(|v| &v.value), party);
    let original = editing.as_ref().map(|v| v.value.clone());
    let version = editing.as_ref().map(|v| v.version);
    let id = editing.as_ref().map(|v| v.value.id);

    let s = |get: fn(&Values) -> &String| RwSignal::new(get(&before).clone());
    let title = s(|v| &v.title);
    let description = s(|v| &v.description);
    let area = s(|v| &v.area);
    let area_other = s(|v| &v.area_other);
    let form = s(|v| &v.form);
    let form_other = s(|v| &v.form_other);
    let host = s(|v| &v.host);
    let location = s(|v| &v.location);
    let when = s(|v| &v.when);
    let start = s(|v| &v.start);
    let end = s(|v| &v.end);
    let month = s(|v| &v.month);
    let cost = s(|v| &v.cost);
    let participants = s(|v| &v.participants);
    let unit = s(|v| &v.unit);
    let contact = s(|v| &v.contact);
    let values = move || Values {
        title: title.get(),
        description: description.get(),
        area: area.get(),
        area_other: area_other.get(),
        form: form.get(),
        form_other: form_other.get(),
        host: host.get(),
        location: location.get(),
        when: when.get(),
        start: start.get(),
        end: end.get(),
        month: month.get(),
        cost: cost.get(),
        participants: participants.get(),
        unit: unit.get(),
        contact: contact.get(),
    };
    let before_for_dirty = before.clone();
    let dirty = Memo::new(move |_| values() != before_for_dirty);

    // Leaving the page with unsaved changes asks first.
    let guard = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    on_cleanup(move || guard.remove());
    guard_links(dirty, i18n);

    let errors: FieldErrors = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<Message>);
    let saving = RwSignal::new(false);
    let conflict = RwSignal::new(None::<Conflict>);
    let show_diff = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let now = values();
        let found = now.check(year, substance, side);
        let choices = now.choices();
        let Some(choices) = choices.filter(|_| found.is_empty()) else {
            errors.set(found);
            message.set(Some(Message::Failed(Problem::new(422, "invalid"))));
            focus_first_invalid();
            return;
        };
        errors.set(Vec::new());
        message.set(None);
        saving.set(true);
        let client = client.clone();
        let before = before.clone();
        let original = original.clone();
        spawn_local(async move {
            let result = match (id, version) {
                (Some(id), Some(version)) => {
                    let patch = now.patch(&before, &choices, substance, side);
                    auth.call(client.update_activity(id, version, &patch)).await
                }
                _ => {
                    auth.call(client.create_activity(year, &now.new_activity(&choices, side)))
                        .await
                }
            };
            match result {
                Ok(saved) => {
                    saving.set(false);
                    on_saved.run(saved);
                }
                Err(problem) if problem.status == 412 => {
                    let theirs = match id {
                        Some(id) => auth.call(client.activity(id)).await.ok(),
                        None => None,
                    };
                    saving.set(false);
                    let by = match (&original, &theirs) {
                        (Some(mine), Some(theirs)) => changed_by(mine, &theirs.value),
                        _ => None,
                    };
                    let theirs = Values::of(theirs.as_ref().map(|t| &t.value), party);
                    conflict.set(Some(Conflict { by, theirs }));
                }
                Err(problem) => {
                    saving.set(false);
                    if problem.status == 422 {
                        errors.set(
                            problem
                                .errors
                                .iter()
                                .map(|e| (form_field(&e.field), field_error_key(&e.field, &e.code)))
                                .collect(),
                        );
                        focus_first_invalid();
                    }
                    message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };

    let conflict_view = move || {
        conflict.get().map(|c| {
            let mine = values();
            let rows: Vec<(Key, String, String)> = [
                (Key::Title, &mine.title, &c.theirs.title),
                (Key::Description, &mine.description, &c.theirs.description),
                (Key::Area, &mine.area, &c.theirs.area),
                (Key::Form, &mine.form, &c.theirs.form),
                (Key::HostParty, &mine.host, &c.theirs.host),
                (Key::Location, &mine.location, &c.theirs.location),
                (Key::StartDate, &mine.start, &c.theirs.start),
                (Key::EndDate, &mine.end, &c.theirs.end),
                (Key::Month, &mine.month, &c.theirs.month),
                (Key::Cost, &mine.cost, &c.theirs.cost),
                (Key::Participants, &mine.participants, &c.theirs.participants),
                (Key::ResponsibleUnit, &mine.unit, &c.theirs.unit),
                (Key::PointOfContact, &mine.contact, &c.theirs.contact),
            ]
            .into_iter()
            .filter(|(_, a, b)| a != b)
            .map(|(k, a, b)| (k, a.clone(), b.clone()))
            .collect();
            let by = c.by;
            view! {
                <div class="notice failure conflict" role="alert" data-testid="conflict">
                    <p>
                        {move || match by {
                            Some(p) => i18n.t(Key::ChangedWhileEditing).replace("{party}", p.label(i18n.lang())),
                            None => i18n.t(Key::ChangedWhileEditingSomeone).to_owned(),
                        }}
                    </p>
                    <div class="form-actions">
                        <button type="button" class="primary" data-testid="conflict-reload" on:click=move |_| {
                            if let Some(reload) = on_reload { reload.run(()) }
                        }>{i18n.tr(Key::ReloadDiscard)}</button>
                        <button type="button" class="secondary" data-testid="conflict-review" on:click=move |_| show_diff.update(|v| *v = !*v)>
                            {i18n.tr(Key::ReviewDifference)}
                        </button>
                    </div>
                    {move || show_diff.get().then(|| view! {
                        <table class="data diff" data-testid="conflict-diff">
                            <thead><tr>
                                <th scope="col">{i18n.tr(Key::FieldName)}</th>
                                <th scope="col">{i18n.tr(Key::YourValue)}</th>
                                <th scope="col">{i18n.tr(Key::CurrentValue)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.clone().into_iter().map(|(k, a, b)| view! {
                                    <tr><th scope="row">{i18n.tr(k)}</th><td>{a}</td><td>{b}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                </div>
            }
        })
    };

    let e = move |field: &'static str| error_of(errors, field);
    let own_label = move || i18n.t(Key::OwnSide).replace("{party}", party.label(i18n.lang()));
    view! {
        <form class="form activity-form" novalidate on:submit=on_submit data-testid="activity-form">
            {conflict_view}
            <MessageView message />
            {substance.then(|| view! {
                <fieldset class="form-grid">
                    <legend>{i18n.tr(Key::Substance)}</legend>
                    <Field id="title" label=Key::Title value=title error=e("title") required=true />
                    <TextAreaField id="description" label=Key::Description value=description error=e("description") />
                    <SelectField id="area" label=Key::Area value=area options=area_options />
                    {move || area.get().parse::<CooperationArea>().is_ok_and(|a| a.needs_specification()).then(|| view! {
                        <Field id="area_other" label=Key::AreaOther value=area_other error=e("area_other") required=true />
                    })}
                    <SelectField id="form" label=Key::Form value=form options=form_options />
                    {move || form.get().parse::<CooperationForm>().is_ok_and(|f| f.needs_specification()).then(|| view! {
                        <Field id="form_other" label=Key::FormOther value=form_other error=e("form_other") required=true />
                    })}
                    <SelectField id="host_party" label=Key::HostParty value=host options=party_options />
                    <Field id="location" label=Key::Location value=location error=e("location") />
                    <SelectField id="when" label=Key::When value=when options=when_options />
                    {move || if when.get() == "month" {
                        view! { <SelectField id="month" label=Key::Month value=month options=month_options any=Key::Choose error=e("month") /> }.into_any()
                    } else {
                        view! {
                            <Field id="start_date" label=Key::StartDate value=start error=e("start_date") kind="date" required=true />
                            <Field id="end_date" label=Key::EndDate value=end error=e("end_date") kind="date" />
                        }.into_any()
                    }}
                    <SelectField id="cost" label=Key::Cost value=cost options=cost_options />
                </fieldset>
            })}
            {side.then(|| view! {
                <fieldset class="form-grid">
                    <legend>{own_label}</legend>
                    <Field id="participants" label=Key::Participants value=participants error=e("participants") kind="number" />
                    <Field id="responsible_unit" label=Key::ResponsibleUnit value=unit error=e("responsible_unit") />
                    <Field id="point_of_contact" label=Key::PointOfContact value=contact error=e("point_of_contact") />
                </fieldset>
            })}
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="save" disabled=move || saving.get()>
                    {move || if saving.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
                <button type="button" class="secondary" data-testid="cancel-edit" on:click=move |_| {
                    let leave = !dirty.get_untracked()
                        || window().confirm_with_message(i18n.t(Key::DiscardChanges)).unwrap_or(false);
                    if leave { on_cancel.run(()) }
                }>{i18n.tr(Key::Cancel)}</button>
                {move || dirty.get().then(|| view! { <span class="warning" data-testid="unsaved" role="status">{i18n.tr(Key::UnsavedChanges)}</span> })}
            </div>
        </form>
    }
    .into_any()
}

/// Leaving through an in-app link with unsaved changes asks first, as a
/// reload or Cancel does. The router follows link clicks with its own
/// listener on the window, so this one listens on the document in the
/// capture phase, before it, and stops the click when the user stays.
fn guard_links(dirty: Memo<bool>, i18n: I18n) {
    use send_wrapper::SendWrapper;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !dirty.get_untracked() || ev.default_prevented() || ev.button() != 0 {
            return;
        }
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            // Only links that leave the page: not the skip link, a download or a new tab.
            .and_then(|el| {
                el.closest(r##"a[href]:not([href^="#"]):not([download]):not([target])"##)
                    .ok()
                    .flatten()
            })
            .is_some();
        if on_link
            && !window()
                .confirm_with_message(i18n.t(Key::DiscardChanges))
                .unwrap_or(true)
        {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let document = document();
    let _ = document.add_event_listener_with_callback_and_bool("click", handler.as_ref().unchecked_ref(), true);
    // The closure must live as long as the listener; both go with the form.
    let held = SendWrapper::new((document, handler));
    on_cleanup(move || {
        let (document, handler) = held.take();
        let _ = document.remove_event_listener_with_callback_and_bool("click", handler.as_ref().unchecked_ref(), true);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(start: &str, end: &str) -> Values {
        Values {
            title: "Staff talks".into(),
            area: "logistics".into(),
            form: "official_visits_staff_meetings".into(),
            host: "ge".into(),
            cost: "shared".into(),
            when: "dates".into(),
            start: start.into(),
            end: end.into(),
            ..Values::default()
        }
    }

    #[test]
    fn an_impossible_typed_date_is_an_error_next_to_its_field_never_no_date() {
        let errors = dated("2027-02-27", "2027-02-31").check(2027, true, false);
        assert_eq!(errors, vec![("end_date".to_owned(), Key::ImpNotADate)]);
        let errors = dated("31.03.2027", "").check(2027, true, false);
        assert_eq!(errors, vec![("start_date".to_owned(), Key::ImpNotADate)]);
        assert_eq!(
            dated("", "").check(2027, true, false),
            vec![("start_date".to_owned(), Key::ErrRequired)]
        );
        assert!(dated("2027-02-27", "2027-02-28").check(2027, true, false).is_empty());
    }
}
