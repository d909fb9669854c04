//! "Who does what": the roles × duties table, generated from the shared
//! rules (`rules::who`), so that it says what the server enforces; the
//! signed-in user's own role is marked.

use concord_shared::Role;
use concord_shared::rules::who::Duty;
use leptos::prelude::*;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};

fn duty_key(duty: Duty) -> Key {
    match duty {
        Duty::ReadBoard => Key::WhoReadBoard,
        Duty::DraftAndShare => Key::WhoDraftAndShare,
        Duty::EditOwnSide => Key::WhoEditOwnSide,
        Duty::Comment => Key::WhoComment,
        Duty::Consent => Key::WhoConsent,
        Duty::ProposeStep => Key::WhoProposeStep,
        Duty::ConfirmStep => Key::WhoConfirmStep,
        Duty::Sign => Key::WhoSign,
        Duty::OpenAmendment => Key::WhoOpenAmendment,
        Duty::ReportExecution => Key::WhoReportExecution,
        Duty::CarryOver => Key::WhoCarryOver,
        Duty::RecordInstruments => Key::WhoRecordInstruments,
        Duty::ChangeAuthority => Key::WhoChangeAuthority,
        Duty::RecordReceipt => Key::WhoRecordReceipt,
        Duty::ManageUsers => Key::WhoManageUsers,
        Duty::ManageTokens => Key::WhoManageTokens,
        Duty::ReadAudit => Key::WhoReadAudit,
    }
}

/// The "Who does what" page.
#[component]
pub fn WhoPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let mine = move || auth.actor().map(|a| a.role);
    let header = move || {
        Role::ALL
            .iter()
            .map(|role| {
                let role = *role;
                let current = move || (mine() == Some(role)).then_some("true");
                view! {
                    <th scope="col" aria-current=current data-role=role.code()>
                        {move || role.label(i18n.lang())}
                    </th>
                }
            })
            .collect_view()
    };
    let rows = move || {
        Duty::ALL
            .into_iter()
            .map(|duty| {
                let cells = Role::ALL
                    .iter()
                    .map(|role| {
                        let yes = duty.allowed(*role);
                        let (mark, class) = if yes { ("✓", "who-yes") } else { ("–", "who-no") };
                        let said = if yes { Key::WhoYes } else { Key::WhoNo };
                        view! {
                            <td class=class>
                                <span aria-hidden="true">{mark}</span>
                                <span class="vh">{i18n.tr(said)}</span>
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{i18n.tr(duty_key(duty))}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h1>{i18n.tr(Key::WhoHeading)}</h1>
        <p class="lead">{i18n.tr(Key::WhoIntro)}</p>
        <div class="table-scroll">
            <table class="who" data-testid="who-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.tr(Key::WhoDuty)}</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p>{i18n.tr(Key::WhoParties)}</p>
    }
}
