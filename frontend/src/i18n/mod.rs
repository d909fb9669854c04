//! The interface's own words in English, Azerbaijani and Georgian. Each
//! language is an exhaustive `match`, so a missing translation does not
//! compile. The domain's fixed labels (areas, forms, parties) come from the
//! API's reference data instead, in the glossary's wording.
//!
//! The texts are two tables, so the first page does not download them all:
//! the shell's ([`ShellKey`]: header, login, the Agreement page, loading and
//! failure) in the main wasm module, and every other [`Key`] in a module of
//! its own that the release build loads with the first lazily loaded page
//! (see [`pages`]). A shell text is named like any other (`Key::SignIn` is a
//! constant for `Key::Shell(ShellKey::SignIn)`), so callers do not care
//! which table holds it; the shell's code must name only shell texts (a
//! page's text there reads as empty until the table arrives).

use concord_shared::Lang;
use leptos::prelude::*;

mod az;
mod en;
mod ka;
mod pages;

#[cfg(feature = "split")]
pub use pages::load_page_texts;

const STORAGE_KEY: &str = "concord.lang";

/// Declares the shell's texts: the [`ShellKey`] enum, and for each a
/// constant of [`Key`] of the same name, so `Key::SignIn` reads as any text.
macro_rules! shell_keys {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// The texts of the app's shell: what the first page shows before a
        /// lazily loaded page needs the rest (see the module docs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ShellKey {
            $($(#[doc = $doc])* $name,)*
        }

        #[allow(non_upper_case_globals)]
        impl Key {
            $($(#[doc = $doc])* pub const $name: Key = Key::Shell(ShellKey::$name);)*
        }

        #[cfg(test)]
        impl ShellKey {
            /// Every shell text, for the tests.
            const ALL: &[ShellKey] = &[$(ShellKey::$name),*];
        }
    };
}

/// Every text of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A text of the app's shell (see [`ShellKey`]).
    Shell(ShellKey),
    /// After [`Key::LiveChangedBy`] on an activity being edited.
    LiveEditStale,
    /// Reloads the activity someone else changed.
    LiveShowNew,
    /// This is too short.
    ErrTooShort,
    /// The password needs at least 12 characters.
    PasswordTooShort,
    /// This is too long.
    ErrTooLong,
    /// This user name is already taken.
    ErrTaken,
    /// This is not your current password.
    ErrWrongCurrent,
    /// This value is not valid.
    ErrInvalid,
    /// Choose a date in the future.
    ErrInPast,
    /// Check this value.
    ErrOther,
    /// Some fields need attention. See the messages next to them.
    FormHasErrors,
    /// Your role does not allow this.
    Forbidden,
    /// The change was not made:
    Conflict,
    /// Someone changed this user while you were editing. Reload to see the current state.
    Stale,
    /// Reload
    Reload,
    /// Cancel
    Cancel,
    /// Saving…
    Saving,
    /// My account
    AccountHeading,
    /// Name
    FullName,
    /// Party
    Party,
    /// Role
    Role,
    /// Position
    Position,
    /// Change your password
    ChangePasswordHeading,
    /// When you change your password, your other sessions end; this one stays signed in.
    ChangePasswordNote,
    /// Current password
    CurrentPassword,
    /// New password
    NewPassword,
    /// Repeat the new password
    RepeatPassword,
    /// At least 12 characters.
    PasswordHint,
    /// The two new passwords are not the same.
    PasswordsDiffer,
    /// Your password has been changed. Your other sessions have ended.
    PasswordChanged,
    /// Change password
    ChangePasswordButton,
    /// Where you are signed in
    SessionsHeading,
    /// Started
    Started,
    /// Last active
    LastActive,
    /// Browser
    Browser,
    /// IP address
    Address,
    /// This session
    ThisSession,
    /// unknown
    Unknown,
    /// End session
    EndSession,
    /// You are not signed in anywhere else.
    NoOtherSessions,
    /// The session has been ended.
    SessionRevoked,
    /// Actions
    Actions,
    /// Users
    UsersHeading,
    /// The people of your ministry who can sign in to Concord.
    UsersIntro,
    /// Display name
    DisplayName,
    /// Status
    Status,
    /// active
    Active,
    /// disabled
    Disabled,
    /// No users yet. Add the first one with the form below.
    NoUsers,
    /// Add a user
    AddUserHeading,
    /// 3–64 characters: a–z, 0–9, dot, underscore or hyphen.
    UsernameHint,
    /// Initial password
    InitialPassword,
    /// Add user
    AddUser,
    /// User {name} has been added.
    UserAdded,
    /// Role of {name}
    RoleOf,
    /// Change role
    ApplyRole,
    /// Disable
    Disable,
    /// Enable
    Enable,
    /// Set a new password
    ResetPassword,
    /// New password for {name}
    NewPasswordFor,
    /// Set password
    SetPassword,
    /// A new password is set for {name}; their sessions have ended.
    PasswordSetFor,
    /// The changes to {name} have been saved.
    UserSaved,
    /// you
    You,
    /// API tokens
    TokensHeading,
    /// API tokens let other systems use Concord's API for your ministry, with the role you give them.
    TokensIntro,
    /// Name
    TokenName,
    /// What the token is for, e.g. the system that uses it.
    TokenNameHint,
    /// Created by
    CreatedBy,
    /// Created
    Created,
    /// Expires
    Expires,
    /// Last used
    LastUsed,
    /// never
    Never,
    /// no expiry
    NoExpiry,
    /// revoked
    StatusRevoked,
    /// expired
    StatusExpired,
    /// No API tokens yet. Create one below when another system needs access to Concord.
    NoTokens,
    /// Create a token
    CreateTokenHeading,
    /// Expires on (optional)
    ExpiresOn,
    /// Leave empty for a token without expiry. It stops working at the end of that day.
    ExpiresOnHint,
    /// Create token
    CreateToken,
    /// Token {name} has been created.
    TokenCreated,
    /// Copy this token now and keep it safe. It will not be shown again.
    TokenOnce,
    /// Token
    TheToken,
    /// Copy
    Copy,
    /// Copied to the clipboard.
    Copied,
    /// Could not copy. Select the token and copy it yourself.
    CopyFailed,
    /// I have copied it
    TokenDone,
    /// Calendar feed (heading)
    FeedHeading,
    /// What a calendar feed is.
    FeedIntro,
    /// Name of a new feed.
    FeedName,
    /// Create a feed address
    FeedCreate,
    /// Copy this address now: it is shown once.
    FeedOnce,
    /// Feed address
    FeedAddress,
    /// No calendar feed yet.
    NoFeeds,
    /// Feed {name} has been revoked.
    FeedRevoked,
    /// Import from a spreadsheet (heading)
    ImportHeading,
    /// How the import works.
    ImportIntro,
    /// Download the template
    ImportTemplate,
    /// The filled-in file (label)
    ImportFile,
    /// Check the file
    ImportCheck,
    /// {name} activities are ready.
    ImportReady,
    /// Correct these and check again; nothing was created.
    ImportFaults,
    /// Create the drafts
    ImportConfirm,
    /// {name} drafts have been created.
    ImportDone,
    /// Row (of a sheet)
    ImportRow,
    /// Revoke
    Revoke,
    /// Revoke {name}? Systems using this token will stop working at once.
    RevokeConfirm,
    /// Yes, revoke
    ConfirmRevoke,
    /// Keep it
    KeepToken,
    /// Token {name} has been revoked.
    TokenRevoked,
    /// Annual cooperation plans
    PlansHeading,
    /// One plan per calendar year. Open a plan to see its board, its table and what awaits your party.
    PlansIntro,
    /// There is no plan yet. A coordinator of either party can create the plan for a year.
    NoPlans,
    /// Annual cooperation plan {year}
    PlanOfYear,
    /// Views of the plan
    PlanViews,
    /// Plan
    TabOverview,
    /// Board
    TabBoard,
    /// Table
    TabTable,
    /// Awaiting my party
    TabInbox,
    /// State
    PlanState,
    /// Activities in the plan
    ActivitiesInPlan,
    /// signed — amendment {n} in drafting
    PlanSignedAmendingDrafting,
    /// signed — amendment {n} in negotiation
    PlanSignedAmendingNegotiation,
    /// signed — amendment {n} agreed
    PlanSignedAmendingAgreed,
    /// Open the plan for {year}
    OpenPlan,
    /// {n} activities in the plan
    PlanListCount,
    /// Shared activities that are not rejected or withdrawn.
    ActivitiesInPlanHint,
    /// All activities you can see, drafts included
    ActivitiesYouSee,
    /// Your party's drafts and the rejected and withdrawn ones too
    ActivitiesYouSeeHint,
    /// What blocks the next step
    NextStepHeading,
    /// Nothing blocks the next step.
    NothingBlocks,
    /// {n} activities await the consent of {party}.
    BlockAwaitingConsent,
    /// Changes were requested on {n} activities; their proposers must revise them.
    BlockChangesRequested,
    /// No activity has been accepted by both parties yet.
    BlockNoAccepted,
    /// The proposed step awaits the confirmation of a coordinator of {party}.
    BlockAwaitingConfirmation,
    /// A coordinator of either party must propose the next step.
    BlockNeedsProposal,
    /// Something else blocks the next step.
    BlockOther,
    /// Step awaiting confirmation
    ProposalHeading,
    /// {name} ({party}) proposed on {date} to move the plan to “{state}”.
    ProposalText,
    /// The step takes effect only when a coordinator of the other party confirms it.
    ConfirmHint,
    /// Reason for declining
    DeclineReason,
    /// Confirm the step
    ConfirmStep,
    /// Decline
    DeclineStep,
    /// Waiting for a coordinator of {party} to confirm.
    AwaitingOther,
    /// Withdraw the proposal
    WithdrawStep,
    /// Propose: {state}
    ProposeStep,
    /// New activity
    NewActivity,
    /// New activity in the {year} plan
    NewActivityIn,
    /// The new activity is a draft of your party: the other party sees it only once you share it.
    NewActivityIntro,
    /// draft
    ConsentDraft,
    /// awaiting consent
    ConsentPending,
    /// changes requested
    ConsentChangesRequested,
    /// accepted by AZ
    ConsentAcceptedByAz,
    /// accepted by GE
    ConsentAcceptedByGe,
    /// accepted by both
    ConsentAccepted,
    /// rejected
    ConsentRejected,
    /// withdrawn
    ConsentWithdrawn,
    /// pending
    DecisionPending,
    /// accepted
    DecisionAccepted,
    /// rejected
    DecisionRejected,
    /// changes requested
    DecisionChangesRequested,
    /// All
    All,
    /// Choose…
    Choose,
    /// Filters
    Filters,
    /// Area of co-operation
    Area,
    /// Specify the area
    AreaOther,
    /// Form of co-operation
    Form,
    /// Specify the form
    FormOther,
    /// Proposing party
    ProposingParty,
    /// Host party
    HostParty,
    /// Month
    Month,
    /// Search
    SearchText,
    /// host {party}
    HostedBy,
    /// not shared yet
    NotShared,
    /// No activity matches these filters. Clear a filter, or draft a new activity from the plan page.
    NoActivitiesMatch,
    /// Reference
    Reference,
    /// Title
    Title,
    /// When
    When,
    /// Consent
    Consent,
    /// Last changed
    Updated,
    /// Page {page} of {pages} ({n} activities)
    PageOf,
    /// Previous page
    PreviousPage,
    /// Next page
    NextPage,
    /// Columns to show
    ChooseColumns,
    /// Awaiting my party
    InboxHeading,
    /// Nothing awaits your party in this plan. Look at the board to follow the other activities.
    InboxEmpty,
    /// {n} activities need your party's action, newest first.
    InboxCount,
    /// Everything that awaits your party and role in every plan and amendment, newest first.
    QueueIntro,
    /// Nothing awaits you now (what to do instead).
    QueueEmpty,
    /// Plan {year}
    QueuePlan,
    /// Plan {year}, amendment {n}
    QueueAmendment,
    /// Diplomatic notifications
    QueueNotes,
    /// since {date}
    QueueSince,
    /// proposed: {state}
    QueueStepTo,
    /// Select “{title}”
    QueueSelect,
    /// Select all awaiting consent in plan {year}
    QueueSelectAll,
    /// Decide the selected activities
    BulkLegend,
    /// {n} selected
    BulkSelected,
    /// Comment for all (needed to reject or request changes)
    BulkComment,
    /// Write a comment to reject or request changes.
    BulkCommentNeeded,
    /// Select at least one activity first.
    BulkNoneSelected,
    /// Done for {n}.
    BulkDone,
    /// Refused for {n}:
    BulkRefused,
    /// Deciding…
    BulkWorking,
    /// Select every activity on this page that you can decide
    TableSelectAll,
    /// Description
    Description,
    /// Location
    Location,
    /// First day
    StartDate,
    /// Last day
    EndDate,
    /// Cost arrangement
    Cost,
    /// sending party pays
    CostSending,
    /// host party pays
    CostHost,
    /// shared
    CostShared,
    /// funded by a third party
    CostThird,
    /// exact dates
    ExactDates,
    /// a tentative month
    TentativeMonth,
    /// Participants
    Participants,
    /// {n} participants
    ParticipantsN,
    /// Responsible unit
    ResponsibleUnit,
    /// Point of contact
    PointOfContact,
    /// The activity
    Substance,
    /// The side of {party}
    OwnSide,
    /// The side of {party}
    SideOf,
    /// Save
    Save,
    /// You have unsaved changes.
    UnsavedChanges,
    /// Discard your unsaved changes?
    DiscardChanges,
    /// Choose a date in the plan's year.
    ErrOutsideYear,
    /// The last day cannot be before the first day.
    ErrBeforeStart,
    /// Enter a whole number from 0 to 10,000.
    ErrOutOfRange,
    /// {party} changed this activity while you were editing. Your changes are not saved yet.
    ChangedWhileEditing,
    /// Someone changed this activity while you were editing. Your changes are not saved yet.
    ChangedWhileEditingSomeone,
    /// Reload the current version
    ReloadDiscard,
    /// Review the difference
    ReviewDifference,
    /// Field
    FieldName,
    /// Your version
    YourValue,
    /// Current version
    CurrentValue,
    /// Board of the {year} plan
    BackToBoard,
    /// Edit
    Edit,
    /// Edit the activity
    EditActivity,
    /// Share with the other party
    Share,
    /// The activity is shared with the other party.
    Shared,
    /// Withdraw
    Withdraw,
    /// The activity is withdrawn from the plan.
    Withdrawn,
    /// Asked before withdrawing an activity.
    WithdrawQuestion,
    /// Button: withdraw after all.
    ConfirmWithdraw,
    /// Button: keep the activity as it is.
    KeepActivity,
    /// Button: delete a draft that was never shared.
    DeleteDraft,
    /// Asked before deleting a draft.
    DeleteDraftQuestion,
    /// Button: delete the draft after all.
    ConfirmDeleteDraft,
    /// The activity has been saved.
    ActivitySaved,
    /// Your party's consent
    ConsentHeading,
    /// Your decision
    YourDecision,
    /// Accept
    Accept,
    /// Request changes
    RequestChanges,
    /// Reject
    Reject,
    /// Comment
    Comment,
    /// Needed to reject or to request changes; it joins the comments both parties see.
    CommentHint,
    /// Choose a decision.
    ChooseDecision,
    /// Say why in a comment.
    CommentNeeded,
    /// Send the decision
    SendDecision,
    /// Your party's decision is recorded.
    DecisionRecorded,
    /// Comments of both parties
    CommentsHeading,
    /// No comments yet. Write the first one below.
    NoComments,
    /// Your comment
    AddComment,
    /// Send the comment
    SendComment,
    /// Internal notes
    NotesHeading,
    /// Visible only to the {authority}. The other party never sees these notes.
    NotesOnlyFor,
    /// No internal notes yet.
    NoNotes,
    /// New internal note
    AddNote,
    /// Save the internal note
    SaveNote,
    // Register (instruments, authorities, notifications)
    /// The register's heading.
    RegHeading,
    /// Under the register's heading.
    RegIntro,
    /// Link to the record form.
    RegRecord,
    /// Accessible name of the filters.
    RegFilters,
    /// Search field.
    RegSearch,
    /// The empty filter choice.
    RegAny,
    /// Year of signature filter.
    RegYear,
    /// No instrument matches.
    RegNoMatch,
    /// Title.
    RegTitle,
    /// Number.
    RegNumber,
    /// Kind.
    RegKind,
    /// Date of signature.
    RegSignedOn,
    /// Place of signature.
    RegSignedAt,
    /// Entry into force.
    RegInForceOn,
    /// Termination.
    RegTerminatedOn,
    /// Kind: the Agreement.
    RegKindBase,
    /// Kind: additional agreement.
    RegKindAdditional,
    /// Kind: signed annual plan.
    RegKindPlan,
    /// Kind: plan amendment.
    RegKindAmendment,
    /// Kind: protocol.
    RegKindProtocol,
    /// Kind: minutes.
    RegKindMinutes,
    /// Status: not signed.
    RegStatusUnsigned,
    /// Status: signed.
    RegStatusSigned,
    /// Status: in force.
    RegStatusInForce,
    /// Status: terminated.
    RegStatusTerminated,
    /// Back to the register.
    RegBack,
    /// Edit link.
    RegEdit,
    /// Heading of the parties' sides.
    RegSides,
    /// Party column.
    RegParty,
    /// Signatory.
    RegSignatory,
    /// Signatory's position.
    RegPosition,
    /// Internal procedures.
    RegProcedures,
    /// Procedures completed on.
    RegProceduresOn,
    /// Timeline heading.
    RegTimeline,
    /// No dates recorded.
    RegNoDates,
    /// Timeline: signed.
    RegEventSigned,
    /// Timeline: internal procedures completed.
    RegEventProcedures,
    /// Timeline: entry into force.
    RegEventInForce,
    /// Timeline: terminated.
    RegEventTerminated,
    /// Related instruments.
    RegRelated,
    /// No related instruments.
    RegNoRelated,
    /// Documents heading.
    RegDocuments,
    /// No documents.
    RegNoDocuments,
    /// File column.
    RegFile,
    /// Size column.
    RegSize,
    /// Checksum column.
    RegSha256,
    /// Uploaded by.
    RegUploadedBy,
    /// Uploaded at.
    RegUploadedAt,
    /// The file input's label.
    RegAttach,
    /// Allowed types and size.
    RegUploadHint,
    /// Upload button.
    RegUpload,
    /// Upload button while busy.
    RegUploading,
    /// Status while uploading.
    RegUploadBusy,
    /// Upload done: {name}.
    RegUploaded,
    /// No file chosen.
    RegChooseFile,
    /// The browser could not read the file.
    RegUnreadable,
    /// 413: {mb} is the limit.
    RegTooLarge,
    /// 415 on the content.
    RegWrongType,
    /// 415 on the declared type.
    RegTypeMismatch,
    /// The file is empty.
    RegEmptyFile,
    /// 422 on the file name.
    RegBadFilename,
    /// Record form heading.
    RegRecordHeading,
    /// Edit form heading.
    RegEditHeading,
    /// Save button.
    RegSave,
    /// Cancel.
    RegCancel,
    /// 412 explained.
    RegStale,
    /// Reload button.
    RegReload,
    /// Authorities page heading.
    RegAuthHeading,
    /// Under the heading.
    RegAuthIntro,
    /// History heading.
    RegHistoryHeading,
    /// Authority name column.
    RegAuthName,
    /// Valid from.
    RegValidFrom,
    /// Valid to.
    RegValidTo,
    /// Pending changes heading.
    RegPendingHeading,
    /// Who sees pending changes.
    RegPendingIntro,
    /// Proposed date: {date}.
    RegProposedFrom,
    /// Enter a change heading.
    RegProposeHeading,
    /// Name in English.
    RegNameEn,
    /// Name in Azerbaijani.
    RegNameAz,
    /// Name in Georgian.
    RegNameKa,
    /// Submit a change.
    RegEnterChange,
    /// Done: {name}.
    RegChangeEntered,
    /// Record a notification.
    RegRecordNotification,
    /// Form heading: {name}.
    RegNotificationFor,
    /// Done: note {name}.
    RegNotificationRecorded,
    /// Effective on.
    RegEffectiveOn,
    /// Never before today.
    RegEffectiveHint,
    /// Notification log heading.
    RegLogHeading,
    /// Sending party.
    RegSendingParty,
    /// Note number.
    RegNoteNumber,
    /// Subject.
    RegSubject,
    /// Sent on.
    RegSentOn,
    /// Received on.
    RegReceivedOn,
    /// Acknowledgement.
    RegAcknowledged,
    /// History
    HistoryHeading,
    /// Nothing is recorded yet.
    NoHistory,
    /// The {n} most recent of {total} entries.
    HistoryLatest,
    /// drafted the activity
    HistCreated,
    /// edited the activity
    HistUpdated,
    /// shared it with the other party
    HistShared,
    /// withdrew it from the plan
    HistWithdrawn,
    /// recorded their party's decision
    HistConsent,
    /// updated the execution status
    HistExecution,
    /// wrote an after-action summary
    HistSummary,
    /// commented
    HistComment,
    /// added an internal note
    HistNote,
    /// Execution status
    FieldExecution,
    /// Reason
    FieldExecutionReason,
    /// After-action summary
    FieldSummary,
    /// Carried over from
    FieldCarriedFrom,
    /// planned
    ExecPlanned,
    /// confirmed
    ExecConfirmed,
    /// held
    ExecHeld,
    /// postponed
    ExecPostponed,
    /// cancelled
    ExecCancelled,
    // --- register2 ---
    /// Page {page} of {pages} ({n} notifications)
    RegPageOfNotes,
    /// Page {page} of {pages} ({n} instruments)
    RegPageOfInstruments,
    /// Edit the change
    RegEditChange,
    /// Save the change
    RegSaveChange,
    /// Withdraw the change
    RegWithdrawChange,
    /// Withdraw this pending change? It was never notified, so nothing of it remains in force.
    RegWithdrawQuestion,
    /// Yes, withdraw it
    RegConfirmWithdraw,
    /// The pending change {name} was saved.
    RegChangeSaved,
    /// The pending change {name} was withdrawn.
    RegChangeWithdrawn,
    /// Someone changed this in the meantime. The page now shows the current version; please check it and try again.
    RegChangedMeanwhile,
    /// Details
    RegNoteDetails,
    /// Documents and receipt
    RegOpenNote,
    /// Note {number}
    RegNoteHeading,
    /// Receipt and acknowledgement
    RegReceiptHeading,
    /// Acknowledged on
    RegAcknowledgedOn,
    /// Acknowledgement (note number or text)
    RegAckText,
    /// Record receipt
    RegSaveReceipt,
    /// Receipt of note {name} was recorded.
    RegReceiptSaved,
    /// Receipt and acknowledgement are recorded by the party that received the note.
    RegReceiptByReceiver,
    /// Document of the note (optional)
    RegNoteFile,
    /// The notification was recorded, but its document was not attached: {reason} Attach it again below, under the notification.
    RegNoteFileRefused,
    /// Close
    RegClose,
    // --- lifecycle ---
    /// A request is under way (on a button).
    LcWorking,
    /// 412 on a lifecycle action.
    LcStale,
    /// Button reloading after a 412.
    LcReload,
    /// A date in the future.
    LcErrInFuture,
    /// A date before the Agreement.
    LcErrTooEarly,
    /// Heading of an amendment in progress; {n}.
    LcAmendmentHeading,
    /// What an amendment in progress means; {n} signed, {next} new.
    LcAmendmentText,
    /// Link to version {n}.
    LcSeeVersion,
    /// Link comparing the amendment with version {n}.
    LcCompareWithSigned,
    /// Hint before opening an amendment.
    LcAmendHint,
    /// Button opening an amendment.
    LcOpenAmendment,
    /// Heading of the signatures.
    LcSignaturesHeading,
    /// A party has not signed yet.
    LcNotSigned,
    /// One signature: {name} {position} {place} {date} {by}.
    LcSignatureText,
    /// Heading of the signature form.
    LcSignHeading,
    /// Hint of the signature form.
    LcSignHint,
    /// Field: who signed.
    LcSignatory,
    /// Field: the signatory's position.
    LcPosition,
    /// Field: date of signature.
    LcSignedOn,
    /// Field: place of signature.
    LcPlace,
    /// Button recording the signature.
    LcSign,
    /// Heading of the signed version {n}.
    LcSignedVersionHeading,
    /// Label: version number.
    LcVersionNumber,
    /// Label: when a version was frozen.
    LcFrozenAt,
    /// Link to the versions list.
    LcAllVersions,
    /// Link comparing with version {n}.
    LcComparePrevious,
    /// No signed version yet.
    LcNoVersions,
    /// Heading of carry-over; {year} next year.
    LcCarryHeading,
    /// Hint of carry-over.
    LcCarryHint,
    /// Legend of the activities to carry over.
    LcCarryChoose,
    /// Nothing chosen to carry over.
    LcChooseActivities,
    /// Button carrying over; {year}.
    LcCarrySubmit,
    /// Carried over; {n} drafts, {year}.
    LcCarried,
    /// Nothing to carry over.
    LcNothingToCarry,
    /// Carried over already.
    LcErrCarried,
    /// Not carriable.
    LcErrNotCarriable,
    /// Closing not yet; {year}.
    LcCloseAfter,
    /// Heading of the versions page.
    LcVersionsHeading,
    /// Caption of the versions table.
    LcVersionsCaption,
    /// Label: dates of signature per party.
    LcSignedDates,
    /// Version {n}.
    LcVersionN,
    /// Version {n} being negotiated.
    LcVersionInProgress,
    /// Heading of the comparison picker.
    LcCompareHeading,
    /// Label: older version.
    LcCompareFrom,
    /// Label: newer version.
    LcCompareTo,
    /// Button comparing.
    LcCompare,
    /// Lead of a version page.
    LcFrozenHint,
    /// Caption: {n} activities.
    LcSnapshotCaption,
    /// Heading: comparison of {from} and {to}.
    LcCompareTitle,
    /// Comparing with an amendment in progress; {n}.
    LcCompareDraftHint,
    /// Counts; {added} {removed} {changed}.
    LcCompareSummary,
    /// Heading: added activities.
    LcAddedHeading,
    /// Heading: removed activities.
    LcRemovedHeading,
    /// Heading: changed activities.
    LcChangedHeading,
    /// Nothing in a list.
    LcNone,
    /// Marker of an added activity.
    LcMarkAdded,
    /// Marker of a removed activity.
    LcMarkRemoved,
    /// Marker of a changed field.
    LcMarkChanged,
    /// Column: field.
    LcField,
    /// Column: change marker.
    LcChange,
    /// Heading of the execution section.
    LcExecutionHeading,
    /// Legend of the status choice.
    LcNewStatus,
    /// No status chosen.
    LcChooseStatus,
    /// Hint of the reason.
    LcReasonHint,
    /// Button setting the status.
    LcSetStatus,
    /// Status saved.
    LcStatusSaved,
    /// Held or cancelled is final.
    LcExecutionFinal,
    /// A party's summary; {party}.
    LcSummaryOf,
    /// Field: the caller's party's summary.
    LcOwnSummary,
    /// Button saving the summary.
    LcSaveSummary,
    /// Summary saved.
    LcSummarySaved,
    // --- views ---
    /// Tab: the calendar.
    ViewsTabCalendar,
    /// Tab: the timeline.
    ViewsTabTimeline,
    /// Tab: the dashboard.
    ViewsTabDashboard,
    /// Accessible name of the calendar's month buttons.
    ViewsMonthNav,
    /// Button: the previous month.
    ViewsPrevMonth,
    /// Button: the next month.
    ViewsNextMonth,
    /// The calendar's weekdays, Monday first, comma-separated.
    ViewsWeekdays,
    /// The calendar's month is empty.
    ViewsNothingThisMonth,
    /// Heading of a month's tentative activities.
    ViewsTentativeIn,
    /// Marks a timeline bar of a tentative month.
    ViewsTentative,
    /// Shows a view's figures as a table.
    ViewsAsTable,
    /// Column: how many activities.
    ViewsCount,
    /// "{party} hosts".
    ViewsHosts,
    /// "{party} sends".
    ViewsSends,
    /// The dashboard's total.
    ViewsTotal,
    /// Chart: per consent state.
    ViewsByConsent,
    /// Chart: per area.
    ViewsByArea,
    /// Chart: per form.
    ViewsByForm,
    /// Chart: hosted versus sent.
    ViewsReciprocity,
    /// Chart: hosted versus sent in the signed plan.
    ViewsSignedReciprocity,
    /// Execution: neither held, postponed nor cancelled.
    ViewsOpen,
    /// Heading of a closed plan's report.
    ViewsReportFinal,
    /// Heading of a signed plan's execution so far.
    ViewsReportOngoing,
    /// The execution rate.
    ViewsRate,
    /// Column: the share held.
    ViewsShareHeld,
    /// Refusal: the caller's role is below what the action needs.
    RfRoleTooLow,
    /// Refusal: nobody gives a role above their own.
    RfRoleAboveOwn,
    /// Refusal: a write from another site.
    RfCrossSite,
    /// Refusal: the party's last active administrator.
    RfLastAdministrator,
    /// Refusal: only a signed-in user, not a token.
    RfSessionRequired,
    /// Refusal: tokens have no password.
    RfTokenHasNoPassword,
    /// Refusal: `{year}`'s plan exists.
    RfPlanExists,
    /// Refusal: no step is proposed.
    RfNoStepProposed,
    /// Refusal: a step is proposed already.
    RfStepAlreadyProposed,
    /// Refusal: a party cannot confirm its own proposal.
    RfOwnProposal,
    /// Refusal: only the proposing party withdraws.
    RfOthersProposal,
    /// Refusal: the plan's state (`{state}`) does not allow this.
    RfPlanState,
    /// Refusal: before the blockers that keep the plan from being agreed.
    RfPlanNotAgreeable,
    /// Refusal: only `{party}` edits this field.
    RfNotYourField,
    /// Refusal: the activity is shared already.
    RfAlreadyShared,
    /// Refusal: the activity's state (`{state}`) does not allow this.
    RfActivityState,
    /// Refusal: the party's signature is recorded.
    RfAlreadySigned,
    /// Refusal: `{year}` is not over.
    RfYearNotOver,
    /// Refusal: the execution status cannot go from `{from}` to `{to}`.
    RfExecutionStep,
    /// Refusal: only the host party reports execution.
    RfNotHost,
    /// Refusal: `{year}`'s plan must exist first.
    RfNextPlanMissing,
    /// Refusal: a summary waits until the activity is held.
    RfNotHeld,
    /// Refusal: a held activity is not carried over.
    RfAlreadyHeld,
    /// Refusal: only the receiving party records receipt.
    RfNotReceiver,
    /// Refusal: a party's competent authority is changed only by that party.
    RfOtherPartysAuthority,
    /// Refusal: a notified authority entry is final.
    RfAlreadyNotified,
    /// Refusal: another request created the same thing at the same moment.
    RfAlreadyExists,
    /// Refusal without a reason of its own.
    RfOther,
    /// A refusal whose code this build does not know: `{status}`.
    RfUnknown,
    /// Problem `not_found`.
    PbNotFound,
    /// Problems of a request the server cannot read (`malformed_json`, ...).
    PbBadRequest,
    /// Problem `payload_too_large`.
    PbTooLarge,
    /// Problem `stale_version`.
    PbStale,
    /// Problem `document_damaged`.
    PbDocumentDamaged,
    /// Problem `unavailable`: try again in `{n}` seconds.
    PbUnavailable,
    /// Who does what
    WhoHeading,
    /// What each role may do in Concord, as the rules of the Agreement's work decide it; the server enforces exactly this. Each party's users act for their own party only.
    WhoIntro,
    /// Duty
    WhoDuty,
    /// A party's drafts, internal notes and users are never seen by the other party. To be given another role, ask your party's administrator.
    WhoParties,
    /// may
    WhoYes,
    /// may not
    WhoNo,
    /// Read the joint board, the plans and the register
    WhoReadBoard,
    /// Draft activities and share them with the other party
    WhoDraftAndShare,
    /// Fill in your party's side of an activity (participants, unit, contact)
    WhoEditOwnSide,
    /// Comment on activities and write your party's internal notes
    WhoComment,
    /// Give or withhold your party's consent to an activity
    WhoConsent,
    /// Propose the plan's next step
    WhoProposeStep,
    /// Confirm a step the other party proposed
    WhoConfirmStep,
    /// Record your party's signature of the agreed plan
    WhoSign,
    /// Open an amendment of a signed plan
    WhoOpenAmendment,
    /// Report the execution of an activity your party hosts
    WhoReportExecution,
    /// Carry an activity that was not held into next year's plan
    WhoCarryOver,
    /// Record instruments and diplomatic notifications in the register
    WhoRecordInstruments,
    /// Enter a change of your party's competent authority
    WhoChangeAuthority,
    /// Record the receipt of the other party's diplomatic notification
    WhoRecordReceipt,
    /// Manage your party's users and their roles
    WhoManageUsers,
    /// Issue and revoke your party's API tokens
    WhoManageTokens,
    /// Read your party's audit log
    WhoReadAudit,
    /// Problem `storage_full`: no room for files, nothing kept.
    PbStorageFull,
    /// Problem `other_party_node`: this server is `{party}`'s node and serves only its users.
    PbOtherPartyNode,
    /// Problem `foreign_row`: this belongs to `{party}` and is written only on its node.
    PbForeignRow,
    /// Problem `storage_unavailable`: files cannot be stored now; try again in `{n}` seconds.
    PbStorageUnavailable,
    /// Blocker `year_not_over`.
    BlockYearNotOver,
    /// Field error `length` (a user name).
    FeLength,
    /// Field errors `control_character`, `bidi_control`.
    FeControl,
    /// Field error `taken` (anything but a user name).
    FeTaken,
    /// Field error `too_early`.
    FeTooEarly,
    /// Field error `before_sent`.
    FeBeforeSent,
    /// Field error `before_signature`.
    FeBeforeSignature,
    /// Field error `needs_signature`.
    FeNeedsSignature,
    /// Field error `out_of_range` (anything but participants).
    FeOutOfRange,
    /// Field error `conflict` (dates and a month).
    FeConflict,
    /// Field error `duplicate`.
    FeDuplicate,
    /// Field error `unknown`.
    FeUnknown,
    /// Field error `fixed`.
    FeFixed,
    /// Field error `not_pending`.
    FeNotPending,
    /// Field error `not_recorded_by_hand`.
    FeNotByHand,
    /// Field error `too_large`.
    FeTooLarge,
    /// Import file error `not_a_spreadsheet`.
    ImpNotSpreadsheet,
    /// Import file error `empty`.
    ImpEmpty,
    /// Import file error `unreadable`.
    ImpUnreadable,
    /// Import file error `formula`.
    ImpFormula,
    /// Import file error `unknown_column`.
    ImpUnknownColumn,
    /// Import file error `too_many_rows`.
    ImpTooManyRows,
    /// Import file error `duplicate_row`.
    ImpDuplicateRow,
    /// Import fault `not_a_date`: not a date as YYYY-MM-DD.
    ImpNotADate,
    /// Import fault `not_a_month`: not a month number 1–12.
    ImpNotAMonth,
    /// Import fault `not_a_number`: not a whole number.
    ImpNotANumber,
    /// Import fault `not_in_list`: not one of the list's values.
    ImpNotInList,
    /// Heading of the alerts page.
    AlertsHeading,
    /// What the alerts page lists.
    AlertsIntro,
    /// The alerts list is empty.
    NoAlerts,
    /// Button: mark every alert read.
    AlertsMarkAllRead,
    /// Link to what an alert is about.
    AlertsOpen,
    /// Page {page} of {pages} ({n} alerts).
    AlertsPageOf,
    /// Marks an unread alert.
    AlertsUnreadMark,
    /// Heading of the delivery preferences.
    AlertsPrefsHeading,
    /// What the preferences mean.
    AlertsPrefsIntro,
    /// Label: the e-mail address for alerts.
    AlertsEmail,
    /// Label: the language of alert e-mail.
    AlertsLanguage,
    /// The preferences were saved.
    AlertsSaved,
    /// Heading of the webhooks page.
    WebhooksHeading,
    /// What webhooks are for.
    WebhooksIntro,
    /// The party has no webhooks.
    NoWebhooks,
    /// Label: the webhook's address.
    WebhookUrl,
    /// Under the address field.
    WebhookUrlHint,
    /// Legend of the kinds of change sent.
    WebhookEvents,
    /// Checkbox: start sending at once.
    WebhookStartEnabled,
    /// Heading of the form.
    CreateWebhookHeading,
    /// Submit button.
    CreateWebhook,
    /// Heading of the new secret: `{name}` is the address.
    WebhookCreated,
    /// Warning under the new secret.
    WebhookOnce,
    /// Label of the secret.
    WebhookSecret,
    /// Button: delete a webhook.
    WebhookDelete,
    /// Confirmation: `{name}` is the address.
    WebhookDeleteConfirm,
    /// Button confirming the deletion.
    ConfirmDeleteWebhook,
    /// Button cancelling the deletion.
    KeepWebhook,
    /// Done: `{name}` is the address.
    WebhookDeleted,
    /// Done: `{name}` is the address.
    WebhookEnabledDone,
    /// Done: `{name}` is the address.
    WebhookDisabledDone,
    /// Button: show a webhook's delivery log.
    ShowDeliveries,
    /// Heading of the log: `{name}` is the address.
    DeliveriesHeading,
    /// The log is empty.
    NoDeliveries,
    /// Page {page} of {pages} ({n} deliveries).
    DeliveriesPageOf,
    /// Column: the change sent.
    DeliveryEvent,
    /// Column: attempts.
    DeliveryAttempts,
    /// Column: the HTTP status the endpoint answered.
    DeliveryAnswer,
    /// No answer came.
    DeliveryNoAnswer,
    /// Column: why the last attempt failed.
    DeliveryError,
    /// Column: when it is tried again.
    DeliveryNext,
    /// Button: send a delivery again.
    Redeliver,
    /// Done: `{name}` is the delivery's number.
    Redelivered,
    /// Field error `insecure_url`.
    FeInsecureUrl,
    /// Blocker `translations_missing`: `{n}` accepted activities lack their
    /// text in a language; `{party}` is filled with [`Key::LangAdjAz`] or [`Key::LangAdjKa`].
    BlockTranslationsMissing,
    /// Blocker `translations_outdated`: the texts of `{n}` accepted activities
    /// in a language are outdated; `{party}` as for [`Key::BlockTranslationsMissing`].
    BlockTranslationsOutdated,
    /// Refusal: the translation is up to date, nothing to confirm.
    RfTextNotOutdated,
    /// Badge on a text shown in English instead of the user's language.
    TextInEn,
    /// Badge on a text shown in Azerbaijani instead of the user's language.
    TextInAz,
    /// Badge on a text shown in Georgian instead of the user's language.
    TextInKa,
    /// Activity page: heading of the texts per language.
    TextsHeading,
    /// Activity page: who writes which text.
    TextsHint,
    /// Marks the original text (the proposer's).
    TextOriginal,
    /// Marks a translation whose original changed since.
    TextOutdated,
    /// A language without a text yet.
    TextNotWritten,
    /// Who wrote a text and when: `{name}`, `{date}`.
    TextWrittenBy,
    /// Button: write the text in a language not written yet.
    TextWrite,
    /// Button: confirm an outdated translation is still correct.
    TextConfirm,
    /// After a text was saved.
    TextSaved,
    /// History: a party wrote its language's text.
    HistText,
    /// History: a party confirmed its outdated translation.
    HistTextConfirm,
    HistReplicated,
    HistPeerServer,
    /// The Azerbaijani language as the blockers' sentences name it ("Azerbaijani text").
    LangAdjAz,
    /// The Georgian language as the blockers' sentences name it.
    LangAdjKa,
    /// The board's swimlanes: rows grouped by area or host party.
    BoardLanes,
    /// No swimlanes: one row of columns.
    BoardLanesNone,
    /// The board's compact density.
    BoardCompact,
    /// On a phone: the consent column shown.
    BoardColumnShown,
    /// To a planner, where the consent form would be: who decides and how to ask them.
    WhoDecidesConsent,
}

shell_keys! {
    /// Under the product name.
    Tagline,
    /// Someone else's change reached the live stream: `{name}`, `{party}`.
    LiveChangedBy,
    /// The skip link's text.
    SkipToContent,
    /// Accessible name of the main navigation.
    MainNavigation,
    /// Accessible name of the language switcher.
    Language,
    /// Navigation: the Agreement page.
    NavAgreement,
    /// The footer line.
    Footer,
    /// A fetch is under way.
    Loading,
    /// Heading of a failed load.
    LoadFailedTitle,
    /// The server did not answer at all.
    ServerUnreachable,
    /// The server answered with an error.
    ServerError,
    /// Button to retry a failed load.
    TryAgain,
    /// Agreement page heading.
    AgreementHeading,
    /// "Signed in {place} on {date}".
    SignedInOn,
    /// Heading of the parties section.
    PartiesHeading,
    /// Label before a party's competent authority.
    CompetentAuthority,
    /// "In force since {date}".
    InForceSince,
    /// Heading of the areas list.
    AreasHeading,
    /// Heading of the forms list.
    FormsHeading,
    /// Marks the "other" area and form.
    NeedsSpecification,
    /// Heading of the not-found page.
    NotFoundTitle,
    /// Body of the not-found page.
    NotFoundBody,
    /// My account
    NavAccount,
    /// Users
    NavUsers,
    /// API tokens
    NavTokens,
    /// Sign out
    SignOut,
    /// Signed-in user
    SignedInUser,
    /// Sign in to Concord
    LoginHeading,
    /// Use the user name and password your ministry's administrator gave you.
    LoginIntro,
    /// User name
    Username,
    /// Password
    Password,
    /// Sign in
    SignIn,
    /// Signing in…
    SigningIn,
    /// The user name or password is not correct. Check both and try again.
    LoginWrong,
    /// Too many failed sign-ins. Try again in {n} minutes.
    LoginRateLimited,
    /// Too many failed sign-ins. Try again in 1 minute.
    LoginRateLimitedOne,
    /// Your session has ended. Please sign in again.
    SessionEnded,
    /// You have signed out.
    SignedOut,
    /// Fill in this field.
    ErrRequired,
    /// Plans
    NavPlans,
    /// Inbox
    NavInbox,
    /// {n} items await you.
    QueueCount,
    /// A date field's placeholder: `YYYY-MM-DD` in the language's letters.
    DateFormat,
    /// Navigation: the instruments register.
    RegNavRegister,
    /// Navigation: competent authorities and notifications.
    RegNavAuthorities,
    /// Who does what
    NavWho,
    /// Navigation: the user's alerts (not the diplomatic notifications).
    NavAlerts,
    /// How many alerts are unread: `{n}`.
    AlertsUnread,
    /// Navigation: the party's webhooks (administrators).
    NavWebhooks,
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match key {
        Key::Shell(key) => shell_text(lang, key),
        key => pages::text(lang, key),
    }
}

/// A shell text in `lang`.
fn shell_text(lang: Lang, key: ShellKey) -> &'static str {
    match lang {
        Lang::En => en::shell(key),
        Lang::Az => az::shell(key),
        Lang::Ka => ka::shell(key),
    }
}

/// Month names, January first: the same table the printed plan uses.
fn months(lang: Lang) -> [&'static str; 12] {
    concord_shared::paper::months(lang)
}

/// The name of month `m` (1–12) in `lang`; empty for anything else.
pub fn month_name(lang: Lang, m: u32) -> &'static str {
    months(lang)
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or_default()
}

/// Formats an ISO date (`2023-04-24`) the way each language writes it
/// ("24 April 2023", "24 aprel 2023", "24 აპრილი 2023"); anything else is shown as given.
pub fn format_iso_date(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_owned();
    };
    match months(lang).get(month.wrapping_sub(1)) {
        Some(name) => format!("{day} {name} {y}"),
        None => iso.to_owned(),
    }
}

/// The current language, in context; persisted in local storage and
/// mirrored on `<html lang>`.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// Reads the saved language (or the browser's, or English) and keeps
    /// `<html lang>` in step with it.
    pub fn init() -> I18n {
        let lang = RwSignal::new(saved_lang().or_else(browser_lang).unwrap_or_default());
        Effect::new(move |_| {
            let code = lang.get().code();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", code);
            }
        });
        I18n { lang }
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language, not tracked.
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Switches and remembers the language on this machine.
    pub fn set_lang(&self, lang: Lang) {
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
        self.lang.set(lang);
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }

    /// The text of `key`, following the language: one closure type for every
    /// use, which keeps the wasm small.
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }
}

fn saved_lang() -> Option<Lang> {
    let storage = window().local_storage().ok()??;
    Lang::from_code(&storage.get_item(STORAGE_KEY).ok()??)
}

fn browser_lang() -> Option<Lang> {
    let preferred = window().navigator().language()?;
    Lang::from_code(preferred.split('-').next()?)
}

/// Formats a moment, given as milliseconds since 1970, in the browser's time
/// zone: "24 April 2026, 14:05", "24 aprel 2026, 14:05", "24 აპრილი 2026, 14:05".
pub fn format_datetime(millis: i64, lang: Lang) -> String {
    #[allow(clippy::cast_precision_loss)]
    let moment = web_sys::js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    let month = months(lang)
        .get(moment.get_month() as usize)
        .copied()
        .unwrap_or_default();
    format!(
        "{} {month} {}, {:02}:{:02}",
        moment.get_date(),
        moment.get_full_year(),
        moment.get_hours(),
        moment.get_minutes()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both tables answer every key in every language (the `match`es are
    /// exhaustive, so this is about the words): each shell text is written
    /// in each language and is not the English one on an az or ka page; a
    /// shell text named as a [`Key`] reads the same through either table.
    #[test]
    fn the_shells_texts_are_written_in_every_language() {
        for key in ShellKey::ALL.iter().copied() {
            let english = shell_text(Lang::En, key);
            for lang in Lang::ALL {
                let words = shell_text(lang, key);
                assert!(!words.trim().is_empty(), "{key:?} has no text in {lang:?}");
                assert!(lang == Lang::En || words != english, "{key:?} is English in {lang:?}");
                assert_eq!(text(lang, Key::Shell(key)), words);
                assert_eq!(
                    pages::text(lang, Key::Shell(key)),
                    words,
                    "the page table answers {key:?} too"
                );
            }
        }
        assert_eq!(text(Lang::Ka, Key::SignIn), ka::shell(ShellKey::SignIn));
        assert!(
            !text(Lang::Az, Key::Stale).is_empty(),
            "a page text reads through `text`"
        );
    }
}
