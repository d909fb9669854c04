//! English.

use super::{Key, ShellKey};

/// The shell's texts (in the main module of the split build).
pub(super) fn shell(key: ShellKey) -> &'static str {
    match key {
        ShellKey::Tagline => "Azerbaijan–Georgia defence co-operation board",
        ShellKey::LiveChangedBy => "Changed by {name} ({party}) just now.",
        ShellKey::SkipToContent => "Skip to content",
        ShellKey::MainNavigation => "Main navigation",
        ShellKey::Language => "Language",
        ShellKey::NavAgreement => "Agreement",
        ShellKey::Footer => {
            "Joint planning board of the Ministries of Defence of the Republic of Azerbaijan and Georgia"
        }
        ShellKey::Loading => "Loading…",
        ShellKey::LoadFailedTitle => "This page could not be loaded",
        ShellKey::ServerUnreachable => {
            "Concord's server did not answer. Check your network connection, then try again."
        }
        ShellKey::ServerError => {
            "Concord's server reported a problem. Try again; if it persists, tell your administrator."
        }
        ShellKey::TryAgain => "Try again",
        ShellKey::AgreementHeading => "The Agreement",
        ShellKey::SignedInOn => "Signed in {place} on {date}.",
        ShellKey::PartiesHeading => "Parties and competent authorities",
        ShellKey::CompetentAuthority => "Competent authority",
        ShellKey::InForceSince => "In force since {date}",
        ShellKey::AreasHeading => "Areas of co-operation",
        ShellKey::FormsHeading => "Forms of co-operation",
        ShellKey::NeedsSpecification => "to be specified",
        ShellKey::NotFoundTitle => "Page not found",
        ShellKey::NotFoundBody => "There is no page at this address. Use the navigation above, or go to the Agreement.",
        ShellKey::NavAccount => "My account",
        ShellKey::NavUsers => "Users",
        ShellKey::NavTokens => "API tokens",
        ShellKey::SignOut => "Sign out",
        ShellKey::SignedInUser => "Signed-in user",
        ShellKey::LoginHeading => "Sign in to Concord",
        ShellKey::LoginIntro => "Use the user name and password your ministry's administrator gave you.",
        ShellKey::Username => "User name",
        ShellKey::Password => "Password",
        ShellKey::SignIn => "Sign in",
        ShellKey::SigningIn => "Signing in…",
        ShellKey::LoginWrong => "The user name or password is not correct. Check both and try again.",
        ShellKey::LoginRateLimited => "Too many failed sign-ins. Try again in {n} minutes.",
        ShellKey::LoginRateLimitedOne => "Too many failed sign-ins. Try again in 1 minute.",
        ShellKey::SessionEnded => "Your session has ended. Please sign in again.",
        ShellKey::SignedOut => "You have signed out.",
        ShellKey::ErrRequired => "Fill in this field.",
        ShellKey::NavPlans => "Plans",
        ShellKey::NavInbox => "Inbox",
        ShellKey::QueueCount => "{n} items await you.",
        ShellKey::DateFormat => "YYYY-MM-DD",
        ShellKey::RegNavRegister => "Instruments",
        ShellKey::RegNavAuthorities => "Authorities",
        ShellKey::NavWho => "Who does what",
        ShellKey::NavAlerts => "Alerts",
        ShellKey::AlertsUnread => "{n} unread",
        ShellKey::NavWebhooks => "Webhooks",
    }
}

/// Every other text (in a module of its own in the split build).
pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::Shell(key) => shell(key),
        Key::LiveEditStale => "What you are editing is no longer the current version; saving now would be refused.",
        Key::LiveShowNew => "Show the new version",
        Key::ErrTooShort => "This is too short.",
        Key::PasswordTooShort => "The password needs at least 12 characters.",
        Key::ErrTooLong => "This is too long.",
        Key::ErrTaken => "This user name is already taken.",
        Key::ErrWrongCurrent => "This is not your current password.",
        Key::ErrInvalid => "This value is not valid.",
        Key::ErrInPast => "Choose a date in the future.",
        Key::ErrOther => "Check this value.",
        Key::FormHasErrors => "Some fields need attention. See the messages next to them.",
        Key::Forbidden => "Your role does not allow this.",
        Key::Conflict => "The change was not made:",
        Key::Stale => "Someone changed this user while you were editing. Reload to see the current state.",
        Key::Reload => "Reload",
        Key::Cancel => "Cancel",
        Key::Saving => "Saving…",
        Key::AccountHeading => "My account",
        Key::FullName => "Name",
        Key::Party => "Party",
        Key::Role => "Role",
        Key::Position => "Position",
        Key::ChangePasswordHeading => "Change your password",
        Key::ChangePasswordNote => "When you change your password, your other sessions end; this one stays signed in.",
        Key::CurrentPassword => "Current password",
        Key::NewPassword => "New password",
        Key::RepeatPassword => "Repeat the new password",
        Key::PasswordHint => "At least 12 characters.",
        Key::PasswordsDiffer => "The two new passwords are not the same.",
        Key::PasswordChanged => "Your password has been changed. Your other sessions have ended.",
        Key::ChangePasswordButton => "Change password",
        Key::SessionsHeading => "Where you are signed in",
        Key::Started => "Started",
        Key::LastActive => "Last active",
        Key::Browser => "Browser",
        Key::Address => "IP address",
        Key::ThisSession => "This session",
        Key::Unknown => "unknown",
        Key::EndSession => "End session",
        Key::NoOtherSessions => "You are not signed in anywhere else.",
        Key::SessionRevoked => "The session has been ended.",
        Key::Actions => "Actions",
        Key::UsersHeading => "Users",
        Key::UsersIntro => "The people of your ministry who can sign in to Concord.",
        Key::DisplayName => "Display name",
        Key::Status => "Status",
        Key::Active => "active",
        Key::Disabled => "disabled",
        Key::NoUsers => "No users yet. Add the first one with the form below.",
        Key::AddUserHeading => "Add a user",
        Key::UsernameHint => "3–64 characters: a–z, 0–9, dot, underscore or hyphen.",
        Key::InitialPassword => "Initial password",
        Key::AddUser => "Add user",
        Key::UserAdded => "User {name} has been added.",
        Key::RoleOf => "Role of {name}",
        Key::ApplyRole => "Change role",
        Key::Disable => "Disable",
        Key::Enable => "Enable",
        Key::ResetPassword => "Set a new password",
        Key::NewPasswordFor => "New password for {name}",
        Key::SetPassword => "Set password",
        Key::PasswordSetFor => "A new password is set for {name}; their sessions have ended.",
        Key::UserSaved => "The changes to {name} have been saved.",
        Key::You => "you",
        Key::TokensHeading => "API tokens",
        Key::TokensIntro => {
            "API tokens let other systems use Concord's API for your ministry, with the role you give them."
        }
        Key::TokenName => "Name",
        Key::TokenNameHint => "What the token is for, e.g. the system that uses it.",
        Key::CreatedBy => "Created by",
        Key::Created => "Created",
        Key::Expires => "Expires",
        Key::LastUsed => "Last used",
        Key::Never => "never",
        Key::NoExpiry => "no expiry",
        Key::StatusRevoked => "revoked",
        Key::StatusExpired => "expired",
        Key::NoTokens => "No API tokens yet. Create one below when another system needs access to Concord.",
        Key::CreateTokenHeading => "Create a token",
        Key::ExpiresOn => "Expires on (optional)",
        Key::ExpiresOnHint => "Leave empty for a token without expiry. It stops working at the end of that day.",
        Key::CreateToken => "Create token",
        Key::TokenCreated => "Token {name} has been created.",
        Key::TokenOnce => "Copy this token now and keep it safe. It will not be shown again.",
        Key::TheToken => "Token",
        Key::Copy => "Copy",
        Key::Copied => "Copied to the clipboard.",
        Key::CopyFailed => "Could not copy. Select the token and copy it yourself.",
        Key::TokenDone => "I have copied it",
        Key::FeedHeading => "Calendar feed",
        Key::FeedIntro => {
            "Subscribe to the activities you may see from your calendar program (Outlook, Thunderbird, a phone): dated activities as all-day events, tentative months as tentative events over the month. The address is secret: anyone who has it sees what you see. It stops when you revoke it or your account is disabled."
        }
        Key::FeedName => "Name (for example, the calendar program)",
        Key::FeedCreate => "Create a feed address",
        Key::FeedOnce => {
            "Copy this address into your calendar program now and keep it private. It will not be shown again."
        }
        Key::FeedAddress => "Feed address",
        Key::NoFeeds => "No calendar feed yet.",
        Key::FeedRevoked => "Feed {name} has been revoked.",
        Key::ImportHeading => "Import from a spreadsheet",
        Key::ImportIntro => {
            "Download the template, fill in one activity per row and check the file: every problem is named by row and column, and nothing is created until you confirm. Then all rows become your party's private drafts at once, or none."
        }
        Key::ImportTemplate => "Download the template",
        Key::ImportFile => "Filled-in template (XLSX, or CSV with the same columns)",
        Key::ImportCheck => "Check the file",
        Key::ImportReady => "{name} activities are ready to be created as your party's drafts.",
        Key::ImportFaults => "Correct these problems and check the file again. Nothing has been created.",
        Key::ImportConfirm => "Create the drafts",
        Key::ImportDone => "{name} drafts have been created.",
        Key::ImportRow => "Row",
        Key::Revoke => "Revoke",
        Key::RevokeConfirm => "Revoke {name}? Systems using this token will stop working at once.",
        Key::ConfirmRevoke => "Yes, revoke",
        Key::KeepToken => "Keep it",
        Key::TokenRevoked => "Token {name} has been revoked.",
        Key::PlansHeading => "Annual cooperation plans",
        Key::PlansIntro => {
            "One plan per calendar year. Open a plan to see its board, its table and what awaits your party."
        }
        Key::NoPlans => "There is no plan yet. A coordinator of either party can create the plan for a year.",
        Key::PlanOfYear => "Annual cooperation plan {year}",
        Key::PlanViews => "Views of the plan",
        Key::TabOverview => "Plan",
        Key::TabBoard => "Board",
        Key::TabTable => "Table",
        Key::TabInbox => "Awaiting my party",
        Key::PlanState => "State",
        Key::ActivitiesInPlan => "Activities in the plan",
        Key::PlanSignedAmendingDrafting => "signed — amendment {n} in drafting",
        Key::PlanSignedAmendingNegotiation => "signed — amendment {n} in negotiation",
        Key::PlanSignedAmendingAgreed => "signed — amendment {n} agreed",
        Key::OpenPlan => "Open the plan for {year}",
        Key::PlanListCount => "{n} activities in the plan",
        Key::ActivitiesInPlanHint => "Shared activities that are not rejected or withdrawn.",
        Key::ActivitiesYouSee => "All activities you can see, drafts included",
        Key::ActivitiesYouSeeHint => {
            "Your party's drafts and the rejected and withdrawn ones too: the board and the table show them all."
        }
        Key::NextStepHeading => "What blocks the next step",
        Key::NothingBlocks => "Nothing blocks the next step.",
        Key::BlockAwaitingConsent => "{n} activities await the consent of {party}.",
        Key::BlockChangesRequested => "Changes were requested on {n} activities; their proposers must revise them.",
        Key::BlockNoAccepted => "No activity has been accepted by both parties yet.",
        Key::BlockAwaitingConfirmation => "The proposed step awaits the confirmation of a coordinator of {party}.",
        Key::BlockNeedsProposal => "A coordinator of either party must propose the next step.",
        Key::BlockOther => "Something else blocks the next step.",
        Key::ProposalHeading => "Step awaiting confirmation",
        Key::ProposalText => "{name} ({party}) proposed on {date} to move the plan to “{state}”.",
        Key::ConfirmHint => "The step takes effect only when a coordinator of the other party confirms it.",
        Key::DeclineReason => "Reason for declining",
        Key::ConfirmStep => "Confirm the step",
        Key::DeclineStep => "Decline",
        Key::AwaitingOther => "Waiting for a coordinator of {party} to confirm.",
        Key::WithdrawStep => "Withdraw the proposal",
        Key::ProposeStep => "Propose: {state}",
        Key::NewActivity => "New activity",
        Key::NewActivityIn => "New activity in the {year} plan",
        Key::NewActivityIntro => {
            "The new activity is a draft of your party: the other party sees it only once you share it."
        }
        Key::ConsentDraft => "draft",
        Key::ConsentPending => "awaiting consent",
        Key::ConsentChangesRequested => "changes requested",
        Key::ConsentAcceptedByAz => "accepted by AZ",
        Key::ConsentAcceptedByGe => "accepted by GE",
        Key::ConsentAccepted => "accepted by both",
        Key::ConsentRejected => "rejected",
        Key::ConsentWithdrawn => "withdrawn",
        Key::DecisionPending => "pending",
        Key::DecisionAccepted => "accepted",
        Key::DecisionRejected => "rejected",
        Key::DecisionChangesRequested => "changes requested",
        Key::All => "All",
        Key::Choose => "Choose…",
        Key::Filters => "Filters",
        Key::Area => "Area of co-operation",
        Key::AreaOther => "Specify the area",
        Key::Form => "Form of co-operation",
        Key::FormOther => "Specify the form",
        Key::ProposingParty => "Proposing party",
        Key::HostParty => "Host party",
        Key::Month => "Month",
        Key::SearchText => "Search",
        Key::HostedBy => "host {party}",
        Key::NotShared => "not shared yet",
        Key::NoActivitiesMatch => {
            "No activity matches these filters. Clear a filter, or draft a new activity from the plan page."
        }
        Key::Reference => "Reference",
        Key::Title => "Title",
        Key::When => "When",
        Key::Consent => "Consent",
        Key::Updated => "Last changed",
        Key::PageOf => "Page {page} of {pages} ({n} activities)",
        Key::PreviousPage => "Previous page",
        Key::NextPage => "Next page",
        Key::ChooseColumns => "Columns to show",
        Key::InboxHeading => "Awaiting my party",
        Key::InboxEmpty => "Nothing awaits your party in this plan. Look at the board to follow the other activities.",
        Key::InboxCount => "{n} activities need your party's action, newest first.",
        Key::QueueIntro => "Everything that awaits your party and role in every plan and amendment, newest first.",
        Key::QueueEmpty => {
            "Nothing awaits you now. New items appear here when the other party shares an activity, asks for changes, proposes a step of a plan or sends a diplomatic notification. To follow every activity, open a plan under Plans."
        }
        Key::QueuePlan => "Plan {year}",
        Key::QueueAmendment => "Plan {year}, amendment {n}",
        Key::QueueNotes => "Diplomatic notifications",
        Key::QueueSince => "since {date}",
        Key::QueueStepTo => "proposed: {state}",
        Key::QueueSelect => "Select “{title}”",
        Key::QueueSelectAll => "Select all awaiting consent in plan {year}",
        Key::BulkLegend => "Decide the selected activities",
        Key::BulkSelected => "{n} selected",
        Key::BulkComment => "Comment for all (needed to reject or request changes)",
        Key::BulkCommentNeeded => "Write a comment to reject or request changes.",
        Key::BulkNoneSelected => "Select at least one activity first.",
        Key::BulkDone => "Done for {n}.",
        Key::BulkRefused => "Refused for {n}:",
        Key::BulkWorking => "Deciding…",
        Key::TableSelectAll => "Select every activity on this page that you can decide",
        Key::Description => "Description",
        Key::Location => "Location",
        Key::StartDate => "First day",
        Key::EndDate => "Last day",
        Key::Cost => "Cost arrangement",
        Key::CostSending => "sending party pays",
        Key::CostHost => "host party pays",
        Key::CostShared => "shared",
        Key::CostThird => "funded by a third party",
        Key::ExactDates => "exact dates",
        Key::TentativeMonth => "a tentative month",
        Key::Participants => "Participants",
        Key::ParticipantsN => "{n} participants",
        Key::ResponsibleUnit => "Responsible unit",
        Key::PointOfContact => "Point of contact",
        Key::Substance => "The activity",
        Key::OwnSide => "The side of {party}",
        Key::SideOf => "The side of {party}",
        Key::Save => "Save",
        Key::UnsavedChanges => "You have unsaved changes.",
        Key::DiscardChanges => "Discard your unsaved changes?",
        Key::ErrOutsideYear => "Choose a date in the plan's year.",
        Key::ErrBeforeStart => "The last day cannot be before the first day.",
        Key::ErrOutOfRange => "Enter a whole number from 0 to 10,000.",
        Key::ChangedWhileEditing => {
            "{party} changed this activity while you were editing. Your changes are not saved yet."
        }
        Key::ChangedWhileEditingSomeone => {
            "Someone changed this activity while you were editing. Your changes are not saved yet."
        }
        Key::ReloadDiscard => "Reload the current version",
        Key::ReviewDifference => "Review the difference",
        Key::FieldName => "Field",
        Key::YourValue => "Your version",
        Key::CurrentValue => "Current version",
        Key::BackToBoard => "Board of the {year} plan",
        Key::Edit => "Edit",
        Key::EditActivity => "Edit the activity",
        Key::Share => "Share with the other party",
        Key::Shared => "The activity is shared with the other party.",
        Key::Withdraw => "Withdraw",
        Key::Withdrawn => "The activity is withdrawn from the plan.",
        Key::WithdrawQuestion => {
            "Withdraw this activity from the plan? The other party sees it as withdrawn, and it no longer counts towards the plan."
        }
        Key::ConfirmWithdraw => "Yes, withdraw it",
        Key::KeepActivity => "Keep it",
        Key::DeleteDraft => "Delete the draft",
        Key::DeleteDraftQuestion => {
            "Delete this draft? It was never shared, so only your party has seen it; it cannot be restored."
        }
        Key::ConfirmDeleteDraft => "Yes, delete the draft",
        Key::ActivitySaved => "The activity has been saved.",
        Key::ConsentHeading => "Your party's consent",
        Key::YourDecision => "Your decision",
        Key::Accept => "Accept",
        Key::RequestChanges => "Request changes",
        Key::Reject => "Reject",
        Key::Comment => "Comment",
        Key::CommentHint => "Needed to reject or to request changes; it joins the comments both parties see.",
        Key::ChooseDecision => "Choose a decision.",
        Key::CommentNeeded => "Say why in a comment.",
        Key::SendDecision => "Send the decision",
        Key::DecisionRecorded => "Your party's decision is recorded.",
        Key::CommentsHeading => "Comments of both parties",
        Key::NoComments => "No comments yet. Write the first one below.",
        Key::AddComment => "Your comment",
        Key::SendComment => "Send the comment",
        Key::NotesHeading => "Internal notes",
        Key::NotesOnlyFor => "Visible only to the {authority}. The other party never sees these notes.",
        Key::NoNotes => "No internal notes yet.",
        Key::AddNote => "New internal note",
        Key::SaveNote => "Save the internal note",
        // Register (instruments, authorities, notifications)
        Key::RegHeading => "Register of instruments",
        Key::RegIntro => {
            "The Agreement, additional agreements, signed annual cooperation plans and their amendments, protocols and minutes. The status follows the recorded dates."
        }
        Key::RegRecord => "Record an instrument",
        Key::RegFilters => "Filter the register",
        Key::RegSearch => "Search title or number",
        Key::RegAny => "Any",
        Key::RegYear => "Year of signature",
        Key::RegNoMatch => "No instrument matches these filters.",
        Key::RegTitle => "Title",
        Key::RegNumber => "Number",
        Key::RegKind => "Kind",
        Key::RegSignedOn => "Date of signature",
        Key::RegSignedAt => "Place of signature",
        Key::RegInForceOn => "Entry into force",
        Key::RegTerminatedOn => "Termination",
        Key::RegKindBase => "Agreement",
        Key::RegKindAdditional => "additional agreement",
        Key::RegKindPlan => "annual cooperation plan",
        Key::RegKindAmendment => "amendment",
        Key::RegKindProtocol => "protocol",
        Key::RegKindMinutes => "minutes",
        Key::RegStatusUnsigned => "not signed",
        Key::RegStatusSigned => "signed",
        Key::RegStatusInForce => "in force",
        Key::RegStatusTerminated => "terminated",
        Key::RegBack => "← Register of instruments",
        Key::RegEdit => "Edit",
        Key::RegSides => "Signatories and internal procedures",
        Key::RegParty => "Party",
        Key::RegSignatory => "Signatory",
        Key::RegPosition => "Position",
        Key::RegProcedures => "Internal procedures",
        Key::RegProceduresOn => "Procedures completed on",
        Key::RegTimeline => "Timeline",
        Key::RegNoDates => "No dates recorded yet.",
        Key::RegEventSigned => "signed",
        Key::RegEventProcedures => "internal procedures completed",
        Key::RegEventInForce => "entry into force",
        Key::RegEventTerminated => "terminated",
        Key::RegRelated => "Related instruments",
        Key::RegNoRelated => "No related instruments.",
        Key::RegDocuments => "Documents",
        Key::RegNoDocuments => "No documents attached yet.",
        Key::RegFile => "File",
        Key::RegSize => "Size",
        Key::RegSha256 => "SHA-256 checksum",
        Key::RegUploadedBy => "Uploaded by",
        Key::RegUploadedAt => "Uploaded",
        Key::RegAttach => "Attach a document",
        Key::RegUploadHint => {
            "PDF, Word, Excel, PowerPoint or OpenDocument (.pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp), at most 25 MB unless the server is set otherwise."
        }
        Key::RegUpload => "Upload",
        Key::RegUploading => "Uploading…",
        Key::RegUploadBusy => "Sending the file and checking it on the server…",
        Key::RegUploaded => "{name} has been attached.",
        Key::RegChooseFile => "Choose a file first.",
        Key::RegUnreadable => "The file could not be read. Choose it again.",
        Key::RegTooLarge => "The file is too large: at most {mb} MB is accepted.",
        Key::RegWrongType => {
            "This type of file is not accepted. Attach a PDF, Word, Excel, PowerPoint or OpenDocument file."
        }
        Key::RegTypeMismatch => {
            "The file's content does not match its type. Save it again in its own program and retry."
        }
        Key::RegEmptyFile => "The file is empty.",
        Key::RegBadFilename => {
            "The file name's extension does not fit its content, or the name is not allowed. Rename the file and retry."
        }
        Key::RegRecordHeading => "Record an instrument",
        Key::RegEditHeading => "Edit the instrument",
        Key::RegSave => "Save",
        Key::RegCancel => "Cancel",
        Key::RegStale => {
            "Someone else changed this instrument after you opened it, so your changes were not saved. Reload to see the current version, then make your changes again."
        }
        Key::RegReload => "Reload",
        Key::RegAuthHeading => "Competent authorities and diplomatic notifications",
        Key::RegAuthIntro => {
            "A change of a party's competent authority takes effect only once the diplomatic notification announcing it is recorded."
        }
        Key::RegHistoryHeading => "Competent authorities over time",
        Key::RegAuthName => "Competent authority",
        Key::RegValidFrom => "Valid from",
        Key::RegValidTo => "Valid to",
        Key::RegPendingHeading => "Pending changes of your party",
        Key::RegPendingIntro => "Only your party sees these until the notification is recorded.",
        Key::RegProposedFrom => "Proposed to take effect on {date}",
        Key::RegProposeHeading => "Enter a change of your party's competent authority",
        Key::RegNameEn => "Name in English",
        Key::RegNameAz => "Name in Azerbaijani",
        Key::RegNameKa => "Name in Georgian",
        Key::RegEnterChange => "Enter the change",
        Key::RegChangeEntered => {
            "The change to {name} has been entered. It takes effect once its notification is recorded."
        }
        Key::RegRecordNotification => "Record the diplomatic notification",
        Key::RegNotificationFor => "Diplomatic notification announcing {name}",
        Key::RegNotificationRecorded => "Notification {name} has been recorded.",
        Key::RegEffectiveOn => "Takes effect on",
        Key::RegEffectiveHint => "Never before today, the day the notification is recorded.",
        Key::RegLogHeading => "Diplomatic notifications",
        Key::RegSendingParty => "Sent by",
        Key::RegNoteNumber => "Note number",
        Key::RegSubject => "Subject",
        Key::RegSentOn => "Sent on",
        Key::RegReceivedOn => "Received on",
        Key::RegAcknowledged => "Acknowledgement",
        Key::HistoryHeading => "History",
        Key::NoHistory => "Nothing is recorded yet.",
        Key::HistoryLatest => "The {n} most recent of {total} entries.",
        Key::HistCreated => "drafted the activity",
        Key::HistUpdated => "edited the activity",
        Key::HistShared => "shared it with the other party",
        Key::HistWithdrawn => "withdrew it from the plan",
        Key::HistConsent => "recorded their party's decision",
        Key::HistExecution => "updated the execution status",
        Key::HistSummary => "wrote an after-action summary",
        Key::HistComment => "commented",
        Key::HistNote => "added an internal note",
        Key::FieldExecution => "Execution status",
        Key::FieldExecutionReason => "Reason",
        Key::FieldSummary => "After-action summary",
        Key::FieldCarriedFrom => "Carried over from",
        Key::ExecPlanned => "planned",
        Key::ExecConfirmed => "confirmed",
        Key::ExecHeld => "held",
        Key::ExecPostponed => "postponed",
        Key::ExecCancelled => "cancelled",
        // --- register2 ---
        Key::RegPageOfNotes => "Page {page} of {pages} ({n} notifications)",
        Key::RegPageOfInstruments => "Page {page} of {pages} ({n} instruments)",
        Key::RegEditChange => "Edit the change",
        Key::RegSaveChange => "Save the change",
        Key::RegWithdrawChange => "Withdraw the change",
        Key::RegWithdrawQuestion => {
            "Withdraw this pending change? It was never notified, so nothing of it remains in force."
        }
        Key::RegConfirmWithdraw => "Yes, withdraw it",
        Key::RegChangeSaved => "The pending change {name} was saved.",
        Key::RegChangeWithdrawn => "The pending change {name} was withdrawn.",
        Key::RegChangedMeanwhile => {
            "Someone changed this in the meantime. The page now shows the current version; please check it and try again."
        }
        Key::RegNoteDetails => "Details",
        Key::RegOpenNote => "Documents and receipt",
        Key::RegNoteHeading => "Note {number}",
        Key::RegReceiptHeading => "Receipt and acknowledgement",
        Key::RegAcknowledgedOn => "Acknowledged on",
        Key::RegAckText => "Acknowledgement (note number or text)",
        Key::RegSaveReceipt => "Record receipt",
        Key::RegReceiptSaved => "Receipt of note {name} was recorded.",
        Key::RegReceiptByReceiver => "Receipt and acknowledgement are recorded by the party that received the note.",
        Key::RegNoteFile => "Document of the note (optional)",
        Key::RegNoteFileRefused => {
            "The notification was recorded, but its document was not attached: {reason} Attach it again below, under the notification."
        }
        Key::RegClose => "Close",
        // --- lifecycle ---
        Key::LcWorking => "Working…",
        Key::LcStale => {
            "The plan or activity changed since you loaded it (someone else acted). Nothing was saved: reload, check, and try again."
        }
        Key::LcReload => "Reload",
        Key::LcErrInFuture => "The date may not be in the future.",
        Key::LcErrTooEarly => "The date may not be before the Agreement was signed (24 April 2023).",
        Key::LcAmendmentHeading => "Amendment {n} in progress",
        Key::LcAmendmentText => {
            "This plan is amending signed version {n}: version {next} is negotiated, agreed and signed like the original. Until both parties sign it, version {n} stays in force."
        }
        Key::LcSeeVersion => "Signed version {n}",
        Key::LcCompareWithSigned => "What the amendment changes in version {n}",
        Key::LcAmendHint => {
            "Changes to a signed plan go through an amendment: a new version negotiated and signed by both parties. The signed version stays in force meanwhile."
        }
        Key::LcOpenAmendment => "Open an amendment",
        Key::LcSignaturesHeading => "Signatures",
        Key::LcNotSigned => "Not signed yet",
        Key::LcSignatureText => "{name}, {position} — signed in {place} on {date} (recorded by {by})",
        Key::LcSignHeading => "Record your party's signature",
        Key::LcSignHint => {
            "Record who signed the agreed plan for your ministry, and when and where. The plan is signed once both parties have recorded their signature; its version is then frozen with its SHA-256."
        }
        Key::LcSignatory => "Signatory",
        Key::LcPosition => "Position",
        Key::LcSignedOn => "Date of signature",
        Key::LcPlace => "Place of signature",
        Key::LcSign => "Record the signature",
        Key::LcSignedVersionHeading => "Signed version {n}",
        Key::LcVersionNumber => "Version",
        Key::LcFrozenAt => "Frozen (both signatures recorded)",
        Key::LcAllVersions => "All versions",
        Key::LcComparePrevious => "Compare with version {n}",
        Key::LcNoVersions => "No version of this plan has been signed yet.",
        Key::LcCarryHeading => "Carry over into the {year} plan",
        Key::LcCarryHint => {
            "Your party's activities of this plan that were not held can become new drafts of your party in the {year} plan, linked to the originals. Each is carried over once; the {year} plan must exist and take new activities."
        }
        Key::LcCarryChoose => "Activities not held",
        Key::LcChooseActivities => "Choose at least one activity.",
        Key::LcCarrySubmit => "Carry into the {year} plan",
        Key::LcCarried => "{n} new drafts in the {year} plan:",
        Key::LcNothingToCarry => "Every activity of your party in this plan was held or carried over already.",
        Key::LcErrCarried => "This activity was carried over already.",
        Key::LcErrNotCarriable => "Only activities of the signed plan that were not held are carried over.",
        Key::LcCloseAfter => "The plan can be closed by both parties only after 31 December {year}.",
        Key::LcVersionsHeading => "Signed versions",
        Key::LcVersionsCaption => "Each signed version is frozen: its snapshot and SHA-256 never change.",
        Key::LcSignedDates => "Signed",
        Key::LcVersionN => "Version {n}",
        Key::LcVersionInProgress => "Version {n} (amendment in progress)",
        Key::LcCompareHeading => "Compare two versions",
        Key::LcCompareFrom => "From",
        Key::LcCompareTo => "To",
        Key::LcCompare => "Compare",
        Key::LcFrozenHint => "The plan exactly as both parties signed it, read-only.",
        Key::LcSnapshotCaption => "{n} activities in this version",
        Key::LcCompareTitle => "Version {from} compared with version {to}",
        Key::LcCompareDraftHint => {
            "Version {n} is still being negotiated: this shows the plan as it stands now, not a signed version."
        }
        Key::LcCompareSummary => "{added} added, {removed} removed, {changed} changed.",
        Key::LcAddedHeading => "Added activities",
        Key::LcRemovedHeading => "Removed activities",
        Key::LcChangedHeading => "Changed activities",
        Key::LcNone => "None.",
        Key::LcMarkAdded => "[+ added]",
        Key::LcMarkRemoved => "[− removed]",
        Key::LcMarkChanged => "[≠ changed]",
        Key::LcField => "Field",
        Key::LcChange => "Change",
        Key::LcExecutionHeading => "Execution",
        Key::LcNewStatus => "New status",
        Key::LcChooseStatus => "Choose the new status.",
        Key::LcReasonHint => "Say why when the activity is postponed or cancelled.",
        Key::LcSetStatus => "Set the status",
        Key::LcStatusSaved => "The execution status has been updated.",
        Key::LcExecutionFinal => "Held and cancelled are final: the status no longer changes.",
        Key::LcSummaryOf => "Summary of {party}",
        Key::LcOwnSummary => "Your party's after-action summary",
        Key::LcSaveSummary => "Save the summary",
        Key::LcSummarySaved => "Your party's summary has been saved.",
        // --- views ---
        Key::ViewsTabCalendar => "Calendar",
        Key::ViewsTabTimeline => "Timeline",
        Key::ViewsTabDashboard => "Dashboard",
        Key::ViewsMonthNav => "Choose the month",
        Key::ViewsPrevMonth => "Previous month",
        Key::ViewsNextMonth => "Next month",
        Key::ViewsWeekdays => "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
        Key::ViewsNothingThisMonth => "No activity this month matches the filters.",
        Key::ViewsTentativeIn => "Tentative in {month} (no dates yet)",
        Key::ViewsTentative => "tentative, month only",
        Key::ViewsAsTable => "As a table",
        Key::ViewsCount => "Activities",
        Key::ViewsHosts => "{party} hosts",
        Key::ViewsSends => "{party} sends",
        Key::ViewsTotal => "{n} activities you can see, your party's drafts included.",
        Key::ViewsByConsent => "Activities per consent state",
        Key::ViewsByArea => "Activities per area of co-operation",
        Key::ViewsByForm => "Activities per form of co-operation",
        Key::ViewsReciprocity => "Reciprocity: activities hosted and delegations sent per party",
        Key::ViewsSignedReciprocity => "Reciprocity in the signed plan",
        Key::ViewsOpen => "not yet held",
        Key::ViewsReportFinal => "Execution report of signed version {version} (final: the plan is closed)",
        Key::ViewsReportOngoing => "Execution of signed version {version} so far",
        Key::ViewsRate => "Execution rate: {rate}% held ({held} of {total} activities)",
        Key::ViewsShareHeld => "Share held",
        Key::RfRoleTooLow => "Your role does not allow this. Ask your ministry's administrator.",
        Key::RfRoleAboveOwn => "No one may give a role above their own.",
        Key::RfCrossSite => "The request came from another site and was refused. Reload Concord and try again.",
        Key::RfLastAdministrator => "This is the last active administrator of your party; appoint another one first.",
        Key::RfSessionRequired => "Only a signed-in user may do this, not an API token.",
        Key::RfTokenHasNoPassword => "API tokens have no password.",
        Key::RfPlanExists => "A plan for {year} exists already.",
        Key::RfNoStepProposed => "No step is proposed.",
        Key::RfStepAlreadyProposed => "A step is already proposed; confirm, decline or withdraw it first.",
        Key::RfOwnProposal => {
            "A coordinator of the other party must confirm or decline your party's proposal; you may withdraw it."
        }
        Key::RfOthersProposal => "Only the proposing party withdraws its proposal.",
        Key::RfPlanState => "This is not possible while the plan is “{state}”.",
        Key::RfPlanNotAgreeable => "The plan cannot be agreed yet:",
        Key::RfNotYourField => {
            "Only {party} edits this: the proposing party edits an activity's substance, each party its own side."
        }
        Key::RfAlreadyShared => "This activity is already shared.",
        Key::RfActivityState => "This is not possible while the activity is “{state}”.",
        Key::RfAlreadySigned => "Your party's signature is recorded already.",
        Key::RfYearNotOver => "The {year} plan can be closed only after 31 December {year}.",
        Key::RfExecutionStep => "The execution status cannot change from “{from}” to “{to}”.",
        Key::RfNotHost => "Only the host party reports the execution of an activity.",
        Key::RfNextPlanMissing => "Create the {year} plan first.",
        Key::RfNotHeld => "An after-action summary is written once the activity is held.",
        Key::RfAlreadyHeld => "A held activity is not carried over.",
        Key::RfNotReceiver => "Only the receiving party records that a notification was received.",
        Key::RfOtherPartysAuthority => "Only a party's own coordinators change its competent authority.",
        Key::RfAlreadyNotified => {
            "This competent authority has been notified; a further change is a new entry with a new notification."
        }
        Key::RfAlreadyExists => "Someone created the same thing at the same moment. Reload to see it.",
        Key::RfOther => "The request was refused.",
        Key::RfUnknown => "The server refused this request (error {status}).",
        Key::PbNotFound => "There is nothing here, or you may not see it.",
        Key::PbBadRequest => "Concord could not read this request. Reload the page and try again.",
        Key::PbTooLarge => "The request is too large.",
        Key::PbStale => {
            "Someone changed this while you were editing. Reload to see the current version, then make your change again."
        }
        Key::PbDocumentDamaged => {
            "The stored file is damaged and is not served. Ask the administrators to restore it from a backup."
        }
        Key::PbUnavailable => "Concord is busy or cannot reach its database. Try again in {n} seconds.",
        Key::WhoHeading => "Who does what",
        Key::WhoIntro => {
            "What each role may do in Concord, as the rules of the Agreement's work decide it; the server enforces exactly this. Each party's users act for their own party only."
        }
        Key::WhoDuty => "Duty",
        Key::WhoParties => {
            "A party's drafts, internal notes and users are never seen by the other party. To be given another role, ask your party's administrator."
        }
        Key::WhoYes => "may",
        Key::WhoNo => "may not",
        Key::WhoReadBoard => "Read the joint board, the plans and the register",
        Key::WhoDraftAndShare => "Draft activities and share them with the other party",
        Key::WhoEditOwnSide => "Fill in your party's side of an activity (participants, unit, contact)",
        Key::WhoComment => "Comment on activities and write your party's internal notes",
        Key::WhoConsent => "Give or withhold your party's consent to an activity",
        Key::WhoProposeStep => "Propose the plan's next step",
        Key::WhoConfirmStep => "Confirm a step the other party proposed",
        Key::WhoSign => "Record your party's signature of the agreed plan",
        Key::WhoOpenAmendment => "Open an amendment of a signed plan",
        Key::WhoReportExecution => "Report the execution of an activity your party hosts",
        Key::WhoCarryOver => "Carry an activity that was not held into next year's plan",
        Key::WhoRecordInstruments => "Record instruments and diplomatic notifications in the register",
        Key::WhoChangeAuthority => "Enter a change of your party's competent authority",
        Key::WhoRecordReceipt => "Record the receipt of the other party's diplomatic notification",
        Key::WhoManageUsers => "Manage your party's users and their roles",
        Key::WhoManageTokens => "Issue and revoke your party's API tokens",
        Key::WhoReadAudit => "Read your party's audit log",
        Key::PbOtherPartyNode => {
            "This Concord server is the node of {party} and serves only its users. Sign in on your own ministry's server."
        }
        Key::PbForeignRow => {
            "This belongs to {party}: it is written only on the server of {party} and copied here, so it cannot be changed here."
        }
        Key::PbStorageFull => {
            "The server has no room left for files, so the file was not kept. Ask the administrators to free space."
        }
        Key::PbStorageUnavailable => {
            "The server cannot store files right now, so the file was not kept. Try again in {n} seconds."
        }
        Key::BlockYearNotOver => "The plan can be closed only after 31 December of its year.",
        Key::FeLength => "Use 3 to 64 characters.",
        Key::FeControl => "Remove the invisible control characters from this text.",
        Key::FeTaken => "This exists already.",
        Key::FeTooEarly => "This date is too early.",
        Key::FeBeforeSent => "The date cannot be before the notification was sent.",
        Key::FeBeforeSignature => "The date cannot be before the signature.",
        Key::FeNeedsSignature => "Enter the date of signature first.",
        Key::FeOutOfRange => "This number is outside the accepted range.",
        Key::FeConflict => "Give either exact dates or a tentative month, not both.",
        Key::FeDuplicate => "This is listed twice.",
        Key::FeUnknown => "Nothing with this value exists.",
        Key::FeFixed => "This cannot be changed.",
        Key::FeNotPending => "Choose a pending change of your own party's competent authority.",
        Key::FeNotByHand => "This kind is not recorded by hand: Concord links it itself.",
        Key::FeTooLarge => "The file is too large.",
        Key::ImpNotSpreadsheet => "The file is not an XLSX workbook: use the template.",
        Key::ImpEmpty => "The workbook has no rows to import.",
        Key::ImpUnreadable => "The first sheet cannot be read.",
        Key::ImpFormula => "The sheet holds formulas: enter values only.",
        Key::ImpUnknownColumn => "The sheet has a column the template does not have.",
        Key::ImpTooManyRows => "At most 2,000 rows can be imported at once.",
        Key::ImpDuplicateRow => "A row repeats an earlier row.",
        Key::ImpNotADate => "Not a date: write it as YYYY-MM-DD, e.g. 2027-05-14.",
        Key::ImpNotAMonth => "Not a month: write its number, 1 to 12.",
        Key::ImpNotANumber => "Not a whole number.",
        Key::ImpNotInList => "Not one of the list's values: use the template's drop-down list.",
        Key::AlertsHeading => "Alerts",
        Key::AlertsIntro => {
            "What others did that concerns you: activities awaiting your party's consent, changes requested, plan steps proposed, signatures, execution changes and mentions of you. Diplomatic notifications are in the register."
        }
        Key::NoAlerts => "No alerts.",
        Key::AlertsMarkAllRead => "Mark all as read",
        Key::AlertsOpen => "Open",
        Key::AlertsPageOf => "Page {page} of {pages} ({n} alerts)",
        Key::AlertsUnreadMark => "Unread",
        Key::AlertsPrefsHeading => "How you are alerted",
        Key::AlertsPrefsIntro => {
            "For each kind: in the app only, by e-mail at once, in a daily e-mail digest, or off. An e-mail carries a link, never the content."
        }
        Key::AlertsEmail => "E-mail address",
        Key::AlertsLanguage => "Language of e-mail",
        Key::AlertsSaved => "Your alert preferences are saved.",
        Key::WebhooksHeading => "Webhooks",
        Key::WebhooksIntro => {
            "Other systems of your ministry can receive your party's changes as they happen: Concord sends each change to the address you give, signed with the webhook's secret. A webhook carries only what your party may see, and a link, never the content."
        }
        Key::NoWebhooks => "No webhooks yet. Create one below when another system needs Concord's changes.",
        Key::WebhookUrl => "Address (URL)",
        Key::WebhookUrlHint => "https:// only; http:// only to this computer (127.0.0.1, localhost) for development.",
        Key::WebhookEvents => "Changes to send",
        Key::WebhookStartEnabled => "Send changes from now on",
        Key::CreateWebhookHeading => "New webhook",
        Key::CreateWebhook => "Create webhook",
        Key::WebhookCreated => "Webhook for {name} created",
        Key::WebhookOnce => {
            "Copy this signing secret now and keep it safe in the receiving system. It will not be shown again."
        }
        Key::WebhookSecret => "Signing secret",
        Key::WebhookDelete => "Delete",
        Key::WebhookDeleteConfirm => "Delete the webhook for {name}? Its delivery log is deleted with it.",
        Key::ConfirmDeleteWebhook => "Delete webhook",
        Key::KeepWebhook => "Keep it",
        Key::WebhookDeleted => "The webhook for {name} was deleted.",
        Key::WebhookEnabledDone => "The webhook for {name} sends changes again.",
        Key::WebhookDisabledDone => "The webhook for {name} no longer sends changes.",
        Key::ShowDeliveries => "Delivery log",
        Key::DeliveriesHeading => "Deliveries to {name}",
        Key::NoDeliveries => "Nothing has been sent to this webhook yet.",
        Key::DeliveriesPageOf => "Page {page} of {pages} ({n} deliveries)",
        Key::DeliveryEvent => "Change",
        Key::DeliveryAttempts => "Attempts",
        Key::DeliveryAnswer => "Answer (HTTP status)",
        Key::DeliveryNoAnswer => "no answer",
        Key::DeliveryError => "Last error",
        Key::DeliveryNext => "Next attempt",
        Key::Redeliver => "Redeliver",
        Key::Redelivered => "Delivery {name} will be sent again now.",
        Key::FeInsecureUrl => "Only https:// addresses, or http:// to 127.0.0.1, localhost or [::1] for development.",
        Key::BlockTranslationsMissing => "{n} accepted activities lack their {party} text.",
        Key::BlockTranslationsOutdated => {
            "The {party} texts of {n} accepted activities are outdated: the original changed since."
        }
        Key::RfTextNotOutdated => "This translation is up to date; there is nothing to confirm.",
        Key::TextInEn => "in English",
        Key::TextInAz => "in Azerbaijani",
        Key::TextInKa => "in Georgian",
        Key::TextsHeading => "Title and description in each language",
        Key::TextsHint => {
            "Each party writes the text in its own language: Azerbaijani the Republic of Azerbaijan, Georgian Georgia, English the proposing party. Adding or correcting a translation resets no consent."
        }
        Key::TextOriginal => "original",
        Key::TextOutdated => "outdated: the original changed",
        Key::TextNotWritten => "Not written yet.",
        Key::TextWrittenBy => "{name}, {date}",
        Key::TextWrite => "Write",
        Key::TextConfirm => "Still correct",
        Key::LangAdjAz => "Azerbaijani",
        Key::LangAdjKa => "Georgian",
        Key::HistText => "wrote the text in its language",
        Key::HistTextConfirm => "confirmed a translation is still correct",
        Key::HistReplicated => "brought in a change the other party made on its own server",
        Key::HistPeerServer => "The other ministry's server",
        Key::TextSaved => "The text was saved.",

        Key::BoardLanes => "Rows by",
        Key::BoardLanesNone => "One row",
        Key::BoardCompact => "Compact cards",
        Key::BoardColumnShown => "Column shown",
        Key::WhoDecidesConsent => {
            "Consent is decided by each party's coordinators, not by planners: ask your party's coordinator (a comment below reaches them)."
        }
    }
}
