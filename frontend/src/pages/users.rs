//! Users (administrators): the party's users; adding one; changing a user's
//! role, disabling or enabling them, setting a new password. Changes send
//! the version that was read; a stale one (412) asks to reload.

use concord_client::Client;
use concord_shared::api::{NewUser, UserPatch, UserView};
use concord_shared::rules::roles::{may_change_standing, may_see_users_page};
use concord_shared::{Problem, Role};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::feedback::{LoadError, NotAllowed, WhyNot, allowed_resource};
use crate::ui::options::{RoleSelect, grantable_roles};
use crate::ui::{Field, FieldErrors, Loader, Loading, Message, MessageView, error_of, field_errors_of, header_row};

/// The Users page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    // Only administrators ask; others are told on the page instead.
    let users = allowed_resource(may_see_users_page, move || {
        let client = client.clone();
        async move { auth.call(client.users()).await }
    });
    let message = RwSignal::new(None::<Message>);
    let stale = RwSignal::new(false);
    let reload = move || {
        stale.set(false);
        message.set(None);
        users.refetch();
    };

    move || {
        let Some(actor) = auth.actor() else {
            return view! { <Loading /> }.into_any();
        };
        if may_see_users_page(actor).is_err() {
            return view! { <NotAllowed heading=Key::UsersHeading /> }.into_any();
        }
        let roles = grantable_roles(actor);
        let me_id = auth.me().and_then(|me| me.user.map(|u| u.id));
        let table_roles = roles.clone();
        view! {
            <h1 id="users-heading">{i18n.tr(Key::UsersHeading)}</h1>
            <p class="lead">{i18n.tr(Key::UsersIntro)}</p>
            {move || {
                stale
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice failure" role="alert" data-testid="stale">
                                <p>{i18n.tr(Key::Stale)}</p>
                                <button type="button" class="primary" on:click=move |_| reload()>
                                    {i18n.tr(Key::Reload)}
                                </button>
                            </div>
                        }
                    })
            }}
            <MessageView message />
            <Loader content=std::sync::Arc::new(
                {move || {
                    let roles = table_roles.clone();
                    users
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! { <p class="empty card">{i18n.tr(Key::NoUsers)}</p> }.into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <UserTable
                                        list
                                        roles
                                        me_id
                                        message
                                        stale
                                        on_change=move |_| users.refetch()
                                    />
                                }
                                    .into_any()
                            }
                            Err(problem) => {
                                view! { <LoadError problem on_retry=move |_| users.refetch() /> }.into_any()
                            }
                        })
                }}
            ) />
            <AddUser roles message on_added=move |_| users.refetch() />
        }
        .into_any()
    }
}

/// Reports the outcome of a change to a user.
fn report(
    result: Result<(), Problem>,
    done: Key,
    name: String,
    message: RwSignal<Option<Message>>,
    stale: RwSignal<bool>,
) {
    match result {
        Ok(()) => message.set(Some(Message::Done(done, name))),
        Err(problem) if problem.status == 412 => {
            message.set(None);
            stale.set(true);
        }
        Err(problem) => message.set(Some(Message::Failed(problem))),
    }
}

#[component]
fn UserTable(
    list: Vec<UserView>,
    roles: Vec<Role>,
    me_id: Option<i64>,
    message: RwSignal<Option<Message>>,
    stale: RwSignal<bool>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // The list is the party's users: what the last-administrator rule counts.
    let active_admins = list
        .iter()
        .filter(|u| u.role == Role::Administrator && !u.disabled)
        .count() as u64;
    let rows = list
        .into_iter()
        .map(|user| {
            let is_me = me_id == Some(user.id);
            view! { <UserRow user roles=roles.clone() is_me active_admins message stale on_change=on_change /> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data" aria-labelledby="users-heading" data-testid="users">
                {header_row(i18n, &[Key::Username, Key::DisplayName, Key::Position, Key::Role, Key::Status, Key::Actions])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn UserRow(
    user: UserView,
    roles: Vec<Role>,
    is_me: bool,
    active_admins: u64,
    message: RwSignal<Option<Message>>,
    stale: RwSignal<bool>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let UserView {
        id,
        username,
        display_name,
        position,
        role,
        disabled,
        version,
        ..
    } = user;
    let chosen = RwSignal::new(role);
    let busy = RwSignal::new(false);
    let resetting = RwSignal::new(false);
    let new_password = RwSignal::new(String::new());
    let reset_errors: FieldErrors = RwSignal::new(Vec::new());

    let patch = {
        let client = client.clone();
        let name = display_name.clone();
        move |patch: UserPatch| {
            let client = client.clone();
            let name = name.clone();
            busy.set(true);
            spawn_local(async move {
                let result = auth.call(client.update_user(id, version, &patch)).await.map(|_| ());
                busy.set(false);
                let ok = result.is_ok();
                report(result, Key::UserSaved, name, message, stale);
                if ok {
                    on_change.run(());
                }
            });
        }
    };
    let change_role = {
        let patch = patch.clone();
        move |_| {
            patch(UserPatch {
                role: Some(chosen.get_untracked()),
                ..Default::default()
            })
        }
    };
    let toggle = move |_| {
        patch(UserPatch {
            disabled: Some(!disabled),
            ..Default::default()
        })
    };
    let set_password = {
        let name = display_name.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let secret = new_password.get_untracked();
            if concord_shared::rules::roles::check_password(&secret).is_err() {
                reset_errors.set(vec![("new_password".to_owned(), Key::PasswordTooShort)]);
                return;
            }
            reset_errors.set(Vec::new());
            busy.set(true);
            let client = client.clone();
            let name = name.clone();
            spawn_local(async move {
                let result = auth.call(client.reset_password(id, &secret)).await;
                busy.set(false);
                match &result {
                    Err(problem) if problem.status == 422 => reset_errors.set(field_errors_of(problem)),
                    Ok(()) => {
                        resetting.set(false);
                        new_password.set(String::new());
                    }
                    Err(_) => {}
                }
                report(result, Key::PasswordSetFor, name, message, stale);
            });
        }
    };

    // The rules say what a change would be refused for (the last active
    // administrator stays): the button is disabled and says why.
    let role_refusal = move || may_change_standing((role, disabled), (chosen.get(), disabled), active_admins).err();
    let toggle_refusal = may_change_standing((role, disabled), (role, !disabled), active_admins).err();
    let toggle_blocked = toggle_refusal.is_some();
    let role_reason_id = format!("role-reason-{id}");
    let toggle_reason_id = format!("toggle-reason-{id}");
    let role_label = {
        let name = display_name.clone();
        Signal::derive(move || i18n.t(Key::RoleOf).replace("{name}", &name))
    };
    let reset_label = display_name.clone();
    let pw_id = format!("new-password-{id}");
    view! {
        <tr data-user=username.clone() class:disabled=disabled>
            <td>{username.clone()}</td>
            <td>
                {display_name.clone()}
                {is_me.then(|| view! { <span class="muted">" ("{i18n.tr(Key::You)}")"</span> })}
            </td>
            <td>{position}</td>
            <td>
                <div class="inline">
                    <RoleSelect id=format!("role-{id}") roles value=chosen aria_label=role_label />
                    <button
                        type="button"
                        class="secondary"
                        data-testid="apply-role"
                        aria-describedby={
                            let id = role_reason_id.clone();
                            move || role_refusal().map(|_| id.clone())
                        }
                        disabled=move || busy.get() || chosen.get() == role || role_refusal().is_some()
                        on:click=change_role
                    >
                        {i18n.tr(Key::ApplyRole)}
                    </button>
                </div>
                {move || role_refusal().map(|refusal| view! { <WhyNot id=role_reason_id.clone() name="role-reason" refusal /> })}
            </td>
            <td>
                {if disabled {
                    view! { <span class="badge off">{i18n.tr(Key::Disabled)}</span> }.into_any()
                } else {
                    view! { <span class="badge ok">{i18n.tr(Key::Active)}</span> }.into_any()
                }}
            </td>
            <td>
                <div class="inline">
                    <button
                        type="button"
                        class="secondary"
                        data-testid="toggle-user"
                        aria-describedby=toggle_blocked.then(|| toggle_reason_id.clone())
                        disabled=move || busy.get() || toggle_blocked
                        on:click=toggle
                    >
                        {move || if disabled { i18n.t(Key::Enable) } else { i18n.t(Key::Disable) }}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-expanded=move || resetting.get().to_string()
                        on:click=move |_| resetting.update(|open| *open = !*open)
                    >
                        {i18n.tr(Key::ResetPassword)}
                    </button>
                </div>
                {toggle_refusal.map(|refusal| view! { <WhyNot id=toggle_reason_id.clone() name="toggle-reason" refusal /> })}
                {move || {
                    resetting
                        .get()
                        .then(|| {
                            let name = reset_label.clone();
                            view! {
                                <form class="form inline-form" on:submit=set_password.clone() novalidate=true>
                                    <p class="muted">{move || i18n.t(Key::NewPasswordFor).replace("{name}", &name)}</p>
                                    <Field
                                        id=pw_id.clone()
                                        label=Key::NewPassword
                                        value=new_password
                                        error=error_of(reset_errors, "new_password")
                                        kind="password"
                                        hint=Key::PasswordHint
                                        autocomplete="new-password"
                                        required=true
                                    />
                                    <div class="form-actions">
                                        <button type="submit" class="primary" disabled=move || busy.get()>
                                            {i18n.tr(Key::SetPassword)}
                                        </button>
                                        <button type="button" class="ghost-dark" on:click=move |_| resetting.set(false)>
                                            {i18n.tr(Key::Cancel)}
                                        </button>
                                    </div>
                                </form>
                            }
                        })
                }}
            </td>
        </tr>
    }
}

#[component]
fn AddUser(
    roles: Vec<Role>,
    message: RwSignal<Option<Message>>,
    #[prop(into)] on_added: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let position = RwSignal::new(String::new());
    // The least role first: whoever may grant any role may grant it.
    let role = RwSignal::new(Role::Viewer);
    let password = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let form_message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let new = NewUser {
            username: username.get_untracked().trim().to_lowercase(),
            display_name: display_name.get_untracked().trim().to_owned(),
            position: position.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
            password: password.get_untracked(),
        };
        let mut found = Vec::new();
        if new.username.is_empty() {
            found.push(("username".to_owned(), Key::ErrRequired));
        }
        if new.display_name.is_empty() {
            found.push(("display_name".to_owned(), Key::ErrRequired));
        }
        if concord_shared::rules::roles::check_password(&new.password).is_err() {
            found.push(("password".to_owned(), Key::PasswordTooShort));
        }
        errors.set(found);
        form_message.set(None);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        pending.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.create_user(&new)).await;
            pending.set(false);
            match result {
                Ok(created) => {
                    username.set(String::new());
                    display_name.set(String::new());
                    position.set(String::new());
                    password.set(String::new());
                    message.set(Some(Message::Done(Key::UserAdded, created.value.display_name)));
                    on_added.run(());
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    form_message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };

    view! {
        <h2 id="add-user-heading">{i18n.tr(Key::AddUserHeading)}</h2>
        <form class="form card" aria-labelledby="add-user-heading" on:submit=on_submit novalidate=true data-testid="add-user">
            <div class="form-grid">
                <Field
                    id="new-username"
                    label=Key::Username
                    value=username
                    error=error_of(errors, "username")
                    hint=Key::UsernameHint
                    required=true
                />
                <Field
                    id="new-display-name"
                    label=Key::DisplayName
                    value=display_name
                    error=error_of(errors, "display_name")
                    required=true
                />
                <Field id="new-position" label=Key::Position value=position error=error_of(errors, "position") />
                <div class="field" class:invalid=move || error_of(errors, "role").get().is_some()>
                    <RoleSelect id="new-role" roles label=Key::Role value=role />
                    {move || {
                        error_of(errors, "role")
                            .get()
                            .map(|key| view! { <p class="field-error">{move || i18n.t(key)}</p> })
                    }}
                </div>
                <Field
                    id="new-password"
                    label=Key::InitialPassword
                    value=password
                    error=error_of(errors, "password")
                    kind="password"
                    hint=Key::PasswordHint
                    autocomplete="new-password"
                    required=true
                />
            </div>
            <MessageView message=form_message />
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::AddUser) }}
                </button>
            </div>
        </form>
    }
}
