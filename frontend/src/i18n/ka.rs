//! Georgian.

use super::{Key, ShellKey};

/// The shell's texts (in the main module of the split build).
pub(super) fn shell(key: ShellKey) -> &'static str {
    match key {
        ShellKey::Tagline => "აზერბაიჯან–საქართველოს თავდაცვითი თანამშრომლობის დაფა",
        ShellKey::LiveChangedBy => "{name} ({party}) ახლახან შეცვალა.",
        ShellKey::SkipToContent => "შინაარსზე გადასვლა",
        ShellKey::MainNavigation => "მთავარი ნავიგაცია",
        ShellKey::Language => "ენა",
        ShellKey::NavAgreement => "შეთანხმება",
        ShellKey::Footer => {
            "აზერბაიჯანის რესპუბლიკისა და საქართველოს თავდაცვის სამინისტროების ერთობლივი დაგეგმვის დაფა"
        }
        ShellKey::Loading => "იტვირთება…",
        ShellKey::LoadFailedTitle => "ამ გვერდის ჩატვირთვა ვერ მოხერხდა",
        ShellKey::ServerUnreachable => "Concord-ის სერვერმა არ უპასუხა. შეამოწმეთ ქსელთან კავშირი და სცადეთ ხელახლა.",
        ShellKey::ServerError => {
            "Concord-ის სერვერმა პრობლემის შესახებ შეგვატყობინა. სცადეთ ხელახლა; თუ პრობლემა გაგრძელდა, მიმართეთ ადმინისტრატორს."
        }
        ShellKey::TryAgain => "ხელახლა ცდა",
        ShellKey::AgreementHeading => "შეთანხმება",
        ShellKey::SignedInOn => "ხელმოწერილია {date}, ქ. {place}.",
        ShellKey::PartiesHeading => "მხარეები და უფლებამოსილი ორგანოები",
        ShellKey::CompetentAuthority => "უფლებამოსილი ორგანო",
        ShellKey::InForceSince => "ძალაშია {date}-დან",
        ShellKey::AreasHeading => "თანამშრომლობის სფეროები",
        ShellKey::FormsHeading => "თანამშრომლობის ფორმები",
        ShellKey::NeedsSpecification => "დასაზუსტებელია",
        ShellKey::NotFoundTitle => "გვერდი ვერ მოიძებნა",
        ShellKey::NotFoundBody => {
            "ამ მისამართზე გვერდი არ არის. გამოიყენეთ ზემოთ მოცემული ნავიგაცია ან გადადით შეთანხმებაზე."
        }
        ShellKey::NavAccount => "ჩემი ანგარიში",
        ShellKey::NavUsers => "მომხმარებლები",
        ShellKey::NavTokens => "API ტოკენები",
        ShellKey::SignOut => "გასვლა",
        ShellKey::SignedInUser => "შესული მომხმარებელი",
        ShellKey::LoginHeading => "Concord-ში შესვლა",
        ShellKey::LoginIntro => {
            "გამოიყენეთ მომხმარებლის სახელი და პაროლი, რომელიც თქვენი სამინისტროს ადმინისტრატორმა მოგცათ."
        }
        ShellKey::Username => "მომხმარებლის სახელი",
        ShellKey::Password => "პაროლი",
        ShellKey::SignIn => "შესვლა",
        ShellKey::SigningIn => "მიმდინარეობს შესვლა…",
        ShellKey::LoginWrong => "მომხმარებლის სახელი ან პაროლი არასწორია. შეამოწმეთ ორივე და სცადეთ ხელახლა.",
        ShellKey::LoginRateLimited => "შესვლის ძალიან ბევრი წარუმატებელი მცდელობა. სცადეთ ხელახლა {n} წუთში.",
        ShellKey::LoginRateLimitedOne => "შესვლის ძალიან ბევრი წარუმატებელი მცდელობა. სცადეთ ხელახლა 1 წუთში.",
        ShellKey::SessionEnded => "თქვენი სესია დასრულდა. გთხოვთ, ხელახლა შეხვიდეთ სისტემაში.",
        ShellKey::SignedOut => "თქვენ გამოხვედით სისტემიდან.",
        ShellKey::ErrRequired => "შეავსეთ ეს ველი.",
        ShellKey::NavPlans => "გეგმები",
        ShellKey::NavInbox => "შემოსულები",
        ShellKey::QueueCount => "თქვენ {n} ჩანაწერი გელოდებათ.",
        ShellKey::DateFormat => "წწწწ-თთ-დდ",
        ShellKey::RegNavRegister => "ინსტრუმენტების რეესტრი",
        ShellKey::RegNavAuthorities => "უფლებამოსილი ორგანოები",
        ShellKey::NavWho => "ვინ რას აკეთებს",
        ShellKey::NavAlerts => "ცნობები",
        ShellKey::AlertsUnread => "{n} წაუკითხავი",
        ShellKey::NavWebhooks => "ვებჰუკები",
    }
}

/// Every other text (in a module of its own in the split build).
pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::Shell(key) => shell(key),
        Key::LiveEditStale => "რასაც არედაქტირებთ, აღარ არის მიმდინარე ვერსია; ახლა შენახვა უარყოფილი იქნება.",
        Key::LiveShowNew => "ახალი ვერსიის ჩვენება",
        Key::ErrTooShort => "ეს ძალიან მოკლეა.",
        Key::PasswordTooShort => "პაროლი უნდა შეიცავდეს მინიმუმ 12 სიმბოლოს.",
        Key::ErrTooLong => "ეს ძალიან გრძელია.",
        Key::ErrTaken => "ეს მომხმარებლის სახელი უკვე დაკავებულია.",
        Key::ErrWrongCurrent => "ეს არ არის თქვენი მიმდინარე პაროლი.",
        Key::ErrInvalid => "ეს მნიშვნელობა არასწორია.",
        Key::ErrInPast => "აირჩიეთ მომავალი თარიღი.",
        Key::ErrOther => "შეამოწმეთ ეს მნიშვნელობა.",
        Key::FormHasErrors => "ზოგიერთ ველს შესწორება სჭირდება. იხილეთ მათ გვერდით მოცემული შეტყობინებები.",
        Key::Forbidden => "თქვენი როლი ამის უფლებას არ გაძლევთ.",
        Key::Conflict => "ცვლილება არ განხორციელდა:",
        Key::Stale => {
            "სანამ თქვენ არედაქტირებდით, ვიღაცამ ეს მომხმარებელი შეცვალა. განაახლეთ მიმდინარე მდგომარეობის სანახავად."
        }
        Key::Reload => "განახლება",
        Key::Cancel => "გაუქმება",
        Key::Saving => "ინახება…",
        Key::AccountHeading => "ჩემი ანგარიში",
        Key::FullName => "სახელი",
        Key::Party => "მხარე",
        Key::Role => "როლი",
        Key::Position => "თანამდებობა",
        Key::ChangePasswordHeading => "პაროლის შეცვლა",
        Key::ChangePasswordNote => "პაროლის შეცვლისას თქვენი სხვა სესიები სრულდება; ეს სესია აქტიური რჩება.",
        Key::CurrentPassword => "მიმდინარე პაროლი",
        Key::NewPassword => "ახალი პაროლი",
        Key::RepeatPassword => "გაიმეორეთ ახალი პაროლი",
        Key::PasswordHint => "მინიმუმ 12 სიმბოლო.",
        Key::PasswordsDiffer => "ახალი პაროლები ერთმანეთს არ ემთხვევა.",
        Key::PasswordChanged => "თქვენი პაროლი შეიცვალა. თქვენი სხვა სესიები დასრულდა.",
        Key::ChangePasswordButton => "პაროლის შეცვლა",
        Key::SessionsHeading => "სად ხართ შესული",
        Key::Started => "დაწყების დრო",
        Key::LastActive => "ბოლო აქტივობა",
        Key::Browser => "ბრაუზერი",
        Key::Address => "IP მისამართი",
        Key::ThisSession => "მიმდინარე სესია",
        Key::Unknown => "უცნობია",
        Key::EndSession => "სესიის დასრულება",
        Key::NoOtherSessions => "სხვაგან არსად ხართ შესული.",
        Key::SessionRevoked => "სესია დასრულდა.",
        Key::Actions => "მოქმედებები",
        Key::UsersHeading => "მომხმარებლები",
        Key::UsersIntro => "თქვენი სამინისტროს თანამშრომლები, რომლებსაც Concord-ში შესვლა შეუძლიათ.",
        Key::DisplayName => "საჩვენებელი სახელი",
        Key::Status => "სტატუსი",
        Key::Active => "აქტიური",
        Key::Disabled => "გათიშული",
        Key::NoUsers => "მომხმარებლები ჯერ არ არის. დაამატეთ პირველი ქვემოთ მოცემული ფორმით.",
        Key::AddUserHeading => "მომხმარებლის დამატება",
        Key::UsernameHint => "3–64 სიმბოლო: a–z, 0–9, წერტილი, ქვედა ტირე ან დეფისი.",
        Key::InitialPassword => "საწყისი პაროლი",
        Key::AddUser => "მომხმარებლის დამატება",
        Key::UserAdded => "მომხმარებელი {name} დაემატა.",
        Key::RoleOf => "{name}: როლი",
        Key::ApplyRole => "როლის შეცვლა",
        Key::Disable => "გათიშვა",
        Key::Enable => "ჩართვა",
        Key::ResetPassword => "ახალი პაროლის დაყენება",
        Key::NewPasswordFor => "ახალი პაროლი: {name}",
        Key::SetPassword => "პაროლის დაყენება",
        Key::PasswordSetFor => "მომხმარებელს {name} ახალი პაროლი დაუყენდა; მისი სესიები დასრულდა.",
        Key::UserSaved => "ცვლილებები შენახულია: {name}.",
        Key::You => "თქვენ",
        Key::TokensHeading => "API ტოკენები",
        Key::TokensIntro => {
            "API ტოკენები სხვა სისტემებს აძლევს საშუალებას, გამოიყენონ Concord-ის API თქვენი სამინისტროს სახელით, თქვენ მიერ მინიჭებული როლით."
        }
        Key::TokenName => "დასახელება",
        Key::TokenNameHint => "რისთვის არის ტოკენი, მაგალითად, რომელი სისტემა იყენებს მას.",
        Key::CreatedBy => "შემქმნელი",
        Key::Created => "შექმნის დრო",
        Key::Expires => "ვადის გასვლა",
        Key::LastUsed => "ბოლო გამოყენება",
        Key::Never => "არასდროს",
        Key::NoExpiry => "უვადო",
        Key::StatusRevoked => "გაუქმებული",
        Key::StatusExpired => "ვადაგასული",
        Key::NoTokens => {
            "API ტოკენები ჯერ არ არის. შექმენით ტოკენი ქვემოთ, როცა სხვა სისტემას Concord-ზე წვდომა დასჭირდება."
        }
        Key::CreateTokenHeading => "ტოკენის შექმნა",
        Key::ExpiresOn => "ვადის გასვლის თარიღი (არასავალდებულო)",
        Key::ExpiresOnHint => "უვადო ტოკენისთვის დატოვეთ ცარიელი. ტოკენი ამ დღის ბოლოს შეწყვეტს მოქმედებას.",
        Key::CreateToken => "ტოკენის შექმნა",
        Key::TokenCreated => "ტოკენი {name} შეიქმნა.",
        Key::TokenOnce => "დააკოპირეთ ეს ტოკენი ახლავე და შეინახეთ უსაფრთხოდ. ის აღარ გამოჩნდება.",
        Key::TheToken => "ტოკენი",
        Key::Copy => "კოპირება",
        Key::Copied => "დაკოპირდა ბუფერში.",
        Key::CopyFailed => "კოპირება ვერ მოხერხდა. მონიშნეთ ტოკენი და დააკოპირეთ ხელით.",
        Key::TokenDone => "დავაკოპირე",
        Key::FeedHeading => "კალენდრის არხი",
        Key::FeedIntro => {
            "გამოიწერეთ თქვენთვის ხილული ღონისძიებები თქვენი კალენდრის პროგრამიდან (Outlook, Thunderbird, ტელეფონი): თარიღიანი ღონისძიებები — მთელი დღის მოვლენებად, სავარაუდო თვეები — სავარაუდო მოვლენებად მთელი თვის განმავლობაში. მისამართი საიდუმლოა: ვისაც ის აქვს, ხედავს იმას, რასაც თქვენ. ის წყვეტს მოქმედებას, როცა მას გააუქმებთ ან თქვენი ანგარიში დაიბლოკება."
        }
        Key::FeedName => "სახელი (მაგალითად, კალენდრის პროგრამა)",
        Key::FeedCreate => "არხის მისამართის შექმნა",
        Key::FeedOnce => {
            "დააკოპირეთ ეს მისამართი ახლავე თქვენს კალენდრის პროგრამაში და შეინახეთ საიდუმლოდ. ის აღარ გამოჩნდება."
        }
        Key::FeedAddress => "არხის მისამართი",
        Key::NoFeeds => "კალენდრის არხი ჯერ არ არის.",
        Key::FeedRevoked => "არხი {name} გაუქმდა.",
        Key::ImportHeading => "იმპორტი ცხრილიდან",
        Key::ImportIntro => {
            "ჩამოტვირთეთ შაბლონი, შეავსეთ თითო ღონისძიება თითო სტრიქონში და შეამოწმეთ ფაილი: ყოველი პრობლემა მითითებულია სტრიქონითა და სვეტით, და არაფერი იქმნება, სანამ არ დაადასტურებთ. შემდეგ ყველა სტრიქონი ერთად ხდება თქვენი მხარის პირადი პროექტი, ან არც ერთი."
        }
        Key::ImportTemplate => "შაბლონის ჩამოტვირთვა",
        Key::ImportFile => "შევსებული შაბლონი (XLSX ან იგივე სვეტებიანი CSV)",
        Key::ImportCheck => "ფაილის შემოწმება",
        Key::ImportReady => "{name} ღონისძიება მზადაა თქვენი მხარის პროექტებად შესაქმნელად.",
        Key::ImportFaults => "გაასწორეთ ეს პრობლემები და ხელახლა შეამოწმეთ ფაილი. არაფერი შექმნილა.",
        Key::ImportConfirm => "პროექტების შექმნა",
        Key::ImportDone => "შეიქმნა {name} პროექტი.",
        Key::ImportRow => "სტრიქონი",
        Key::Revoke => "გაუქმება",
        Key::RevokeConfirm => "გაუქმდეს {name}? ამ ტოკენის გამომყენებელი სისტემები მაშინვე შეწყვეტენ მუშაობას.",
        Key::ConfirmRevoke => "დიახ, გაუქმდეს",
        Key::KeepToken => "დატოვება",
        Key::TokenRevoked => "ტოკენი {name} გაუქმდა.",
        Key::PlansHeading => "თანამშრომლობის წლიური გეგმები",
        Key::PlansIntro => {
            "თითო გეგმა ყოველ კალენდარულ წელზე. გახსენით გეგმა მისი დაფის, ცხრილისა და თქვენი მხარის მოლოდინში მყოფი საკითხების სანახავად."
        }
        Key::NoPlans => "გეგმა ჯერ არ არის. ნებისმიერი მხარის კოორდინატორს შეუძლია წლის გეგმის შექმნა.",
        Key::PlanOfYear => "თანამშრომლობის წლიური გეგმა {year}",
        Key::PlanViews => "გეგმის ხედები",
        Key::TabOverview => "გეგმა",
        Key::TabBoard => "დაფა",
        Key::TabTable => "ცხრილი",
        Key::TabInbox => "ჩემი მხარის მოლოდინში",
        Key::PlanState => "მდგომარეობა",
        Key::ActivitiesInPlan => "ღონისძიებები გეგმაში",
        Key::PlanSignedAmendingDrafting => "ხელმოწერილია — ცვლილება {n} მზადდება",
        Key::PlanSignedAmendingNegotiation => "ხელმოწერილია — ცვლილება {n} მოლაპარაკების ეტაპზეა",
        Key::PlanSignedAmendingAgreed => "ხელმოწერილია — ცვლილება {n} შეთანხმებულია",
        Key::OpenPlan => "{year} წლის გეგმის გახსნა",
        Key::PlanListCount => "გეგმაში {n} ღონისძიება",
        Key::ActivitiesInPlanHint => "გაზიარებული ღონისძიებები, რომლებიც არ არის უარყოფილი ან გაწვეული.",
        Key::ActivitiesYouSee => "ყველა ღონისძიება, რომელსაც ხედავთ, პროექტების ჩათვლით",
        Key::ActivitiesYouSeeHint => {
            "თქვენი მხარის პროექტები, უარყოფილი და გაწვეული ღონისძიებებიც: დაფა და ცხრილი ყველას აჩვენებს."
        }
        Key::NextStepHeading => "რა აბრკოლებს შემდეგ ნაბიჯს",
        Key::NothingBlocks => "შემდეგ ნაბიჯს არაფერი აბრკოლებს.",
        Key::BlockAwaitingConsent => "{n} ღონისძიება ელოდება მხარის — {party} — თანხმობას.",
        Key::BlockChangesRequested => "{n} ღონისძიებაზე მოთხოვნილია ცვლილებები; შემომთავაზებელმა უნდა გადახედოს მათ.",
        Key::BlockNoAccepted => "ჯერ არცერთი ღონისძიება არ არის მიღებული ორივე მხარის მიერ.",
        Key::BlockAwaitingConfirmation => {
            "შემოთავაზებული ნაბიჯი ელოდება მხარის — {party} — კოორდინატორის დადასტურებას."
        }
        Key::BlockNeedsProposal => "შემდეგი ნაბიჯი ნებისმიერი მხარის კოორდინატორმა უნდა შესთავაზოს.",
        Key::BlockOther => "შემდეგ ნაბიჯს სხვა რამ აბრკოლებს.",
        Key::ProposalHeading => "დადასტურების მოლოდინში მყოფი ნაბიჯი",
        Key::ProposalText => "{name} ({party}) {date}-ს შესთავაზა გეგმის გადაყვანა მდგომარეობაში „{state}“.",
        Key::ConfirmHint => "ნაბიჯი ძალაში შედის მხოლოდ მეორე მხარის კოორდინატორის დადასტურების შემდეგ.",
        Key::DeclineReason => "უარის მიზეზი",
        Key::ConfirmStep => "ნაბიჯის დადასტურება",
        Key::DeclineStep => "უარყოფა",
        Key::AwaitingOther => "ველოდებით მხარის — {party} — კოორდინატორის დადასტურებას.",
        Key::WithdrawStep => "შეთავაზების გაწვევა",
        Key::ProposeStep => "შეთავაზება: {state}",
        Key::NewActivity => "ახალი ღონისძიება",
        Key::NewActivityIn => "ახალი ღონისძიება {year} წლის გეგმაში",
        Key::NewActivityIntro => {
            "ახალი ღონისძიება თქვენი მხარის პროექტია: მეორე მხარე მას მხოლოდ გაზიარების შემდეგ დაინახავს."
        }
        Key::ConsentDraft => "პროექტი",
        Key::ConsentPending => "თანხმობის მოლოდინში",
        Key::ConsentChangesRequested => "მოთხოვნილია ცვლილებები",
        Key::ConsentAcceptedByAz => "მიღებულია AZ-ის მიერ",
        Key::ConsentAcceptedByGe => "მიღებულია GE-ის მიერ",
        Key::ConsentAccepted => "მიღებულია ორივე მხარის მიერ",
        Key::ConsentRejected => "უარყოფილია",
        Key::ConsentWithdrawn => "გაწვეულია",
        Key::DecisionPending => "მოლოდინში",
        Key::DecisionAccepted => "მიღებულია",
        Key::DecisionRejected => "უარყოფილია",
        Key::DecisionChangesRequested => "ითხოვს ცვლილებებს",
        Key::All => "ყველა",
        Key::Choose => "აირჩიეთ…",
        Key::Filters => "ფილტრები",
        Key::Area => "თანამშრომლობის სფერო",
        Key::AreaOther => "მიუთითეთ სფერო",
        Key::Form => "თანამშრომლობის ფორმა",
        Key::FormOther => "მიუთითეთ ფორმა",
        Key::ProposingParty => "შემომთავაზებელი მხარე",
        Key::HostParty => "მასპინძელი მხარე",
        Key::Month => "თვე",
        Key::SearchText => "ძიება",
        Key::HostedBy => "მასპინძელი {party}",
        Key::NotShared => "ჯერ არ არის გაზიარებული",
        Key::NoActivitiesMatch => {
            "ამ ფილტრებს არცერთი ღონისძიება არ შეესაბამება. გაასუფთავეთ ფილტრი ან შექმენით ახალი ღონისძიება გეგმის გვერდიდან."
        }
        Key::Reference => "საცნობარო კოდი",
        Key::Title => "სათაური",
        Key::When => "დრო",
        Key::Consent => "თანხმობა",
        Key::Updated => "ბოლო ცვლილება",
        Key::PageOf => "გვერდი {page} / {pages} ({n} ღონისძიება)",
        Key::PreviousPage => "წინა გვერდი",
        Key::NextPage => "შემდეგი გვერდი",
        Key::ChooseColumns => "საჩვენებელი სვეტები",
        Key::InboxHeading => "ჩემი მხარის მოლოდინში",
        Key::InboxEmpty => "ამ გეგმაში თქვენს მხარეს არაფერი ელოდება. სხვა ღონისძიებების სანახავად გადადით დაფაზე.",
        Key::InboxCount => "{n} ღონისძიება საჭიროებს თქვენი მხარის ქმედებას, უახლესი პირველია.",
        Key::QueueIntro => {
            "ყველაფერი, რაც თქვენს მხარესა და როლს ელოდება ყველა გეგმასა და ცვლილებაში, უახლესი პირველია."
        }
        Key::QueueEmpty => {
            "ამჟამად არაფერი გელოდებათ. ახალი ჩანაწერები აქ გამოჩნდება, როცა მეორე მხარე გააზიარებს ღონისძიებას, მოითხოვს ცვლილებებს, შემოგთავაზებთ გეგმის ეტაპს ან გამოგზავნის დიპლომატიურ შეტყობინებას. ყველა ღონისძიების სანახავად გახსენით გეგმა განყოფილებაში „გეგმები“."
        }
        Key::QueuePlan => "{year} წლის გეგმა",
        Key::QueueAmendment => "{year} წლის გეგმა, ცვლილება {n}",
        Key::QueueNotes => "დიპლომატიური შეტყობინებები",
        Key::QueueSince => "{date}-დან",
        Key::QueueStepTo => "შემოთავაზებულია: {state}",
        Key::QueueSelect => "„{title}“-ის მონიშვნა",
        Key::QueueSelectAll => "{year} წლის გეგმაში თანხმობის მოლოდინში მყოფი ყველას მონიშვნა",
        Key::BulkLegend => "გადაწყვეტილება მონიშნულ ღონისძიებებზე",
        Key::BulkSelected => "მონიშნულია {n}",
        Key::BulkComment => "კომენტარი ყველასთვის (საჭიროა უარყოფისთვის ან ცვლილებების მოთხოვნისთვის)",
        Key::BulkCommentNeeded => "უარყოფისთვის ან ცვლილებების მოთხოვნისთვის დაწერეთ კომენტარი.",
        Key::BulkNoneSelected => "ჯერ მონიშნეთ ერთი ღონისძიება მაინც.",
        Key::BulkDone => "შესრულდა {n} ღონისძიებისთვის.",
        Key::BulkRefused => "უარი ეთქვა {n} ღონისძიებას:",
        Key::BulkWorking => "მიმდინარეობს…",
        Key::TableSelectAll => "ამ გვერდზე ყველა ღონისძიების მონიშვნა, რომელზეც გადაწყვეტილების მიღება შეგიძლიათ",
        Key::Description => "აღწერა",
        Key::Location => "ადგილი",
        Key::StartDate => "დაწყების თარიღი",
        Key::EndDate => "დასრულების თარიღი",
        Key::Cost => "ხარჯების დაფარვა",
        Key::CostSending => "ხარჯებს ფარავს გამგზავნი მხარე",
        Key::CostHost => "ხარჯებს ფარავს მასპინძელი მხარე",
        Key::CostShared => "გაზიარებული",
        Key::CostThird => "აფინანსებს მესამე მხარე",
        Key::ExactDates => "ზუსტი თარიღები",
        Key::TentativeMonth => "სავარაუდო თვე",
        Key::Participants => "მონაწილეები",
        Key::ParticipantsN => "{n} მონაწილე",
        Key::ResponsibleUnit => "პასუხისმგებელი ქვედანაყოფი",
        Key::PointOfContact => "საკონტაქტო პირი",
        Key::Substance => "ღონისძიება",
        Key::OwnSide => "მხარე: {party}",
        Key::SideOf => "მხარე: {party}",
        Key::Save => "შენახვა",
        Key::UnsavedChanges => "გაქვთ შეუნახავი ცვლილებები.",
        Key::DiscardChanges => "გაუქმდეს შეუნახავი ცვლილებები?",
        Key::ErrOutsideYear => "აირჩიეთ თარიღი გეგმის წლის ფარგლებში.",
        Key::ErrBeforeStart => "დასრულების თარიღი არ შეიძლება იყოს დაწყების თარიღამდე.",
        Key::ErrOutOfRange => "შეიყვანეთ მთელი რიცხვი 0-დან 10 000-მდე.",
        Key::ChangedWhileEditing => {
            "სანამ რედაქტირებდით, ეს ღონისძიება შეცვალა მხარემ: {party}. თქვენი ცვლილებები ჯერ არ არის შენახული."
        }
        Key::ChangedWhileEditingSomeone => {
            "სანამ რედაქტირებდით, ვიღაცამ შეცვალა ეს ღონისძიება. თქვენი ცვლილებები ჯერ არ არის შენახული."
        }
        Key::ReloadDiscard => "მიმდინარე ვერსიის ჩატვირთვა",
        Key::ReviewDifference => "განსხვავების ნახვა",
        Key::FieldName => "ველი",
        Key::YourValue => "თქვენი ვერსია",
        Key::CurrentValue => "მიმდინარე ვერსია",
        Key::BackToBoard => "{year} წლის გეგმის დაფა",
        Key::Edit => "რედაქტირება",
        Key::EditActivity => "ღონისძიების რედაქტირება",
        Key::Share => "მეორე მხარისთვის გაზიარება",
        Key::Shared => "ღონისძიება გაზიარებულია მეორე მხარისთვის.",
        Key::Withdraw => "გაწვევა",
        Key::Withdrawn => "ღონისძიება გაწვეულია გეგმიდან.",
        Key::WithdrawQuestion => {
            "გავიწვიოთ ეს ღონისძიება გეგმიდან? მეორე მხარე მას გაწვეულად დაინახავს და ის აღარ ჩაითვლება გეგმის ნაწილად."
        }
        Key::ConfirmWithdraw => "დიახ, გაიწვიე",
        Key::KeepActivity => "დატოვება",
        Key::DeleteDraft => "პროექტის წაშლა",
        Key::DeleteDraftQuestion => {
            "წავშალოთ ეს პროექტი? ის არასოდეს გაზიარებულა, ამიტომ მხოლოდ თქვენმა მხარემ ნახა; მისი აღდგენა შეუძლებელი იქნება."
        }
        Key::ConfirmDeleteDraft => "დიახ, წაშალე პროექტი",
        Key::ActivitySaved => "ღონისძიება შენახულია.",
        Key::ConsentHeading => "თქვენი მხარის თანხმობა",
        Key::YourDecision => "თქვენი გადაწყვეტილება",
        Key::Accept => "მიღება",
        Key::RequestChanges => "ცვლილებების მოთხოვნა",
        Key::Reject => "უარყოფა",
        Key::Comment => "კომენტარი",
        Key::CommentHint => {
            "აუცილებელია უარყოფისთვის ან ცვლილებების მოთხოვნისთვის; ემატება ორივე მხარისთვის ხილულ კომენტარებს."
        }
        Key::ChooseDecision => "აირჩიეთ გადაწყვეტილება.",
        Key::CommentNeeded => "მიუთითეთ მიზეზი კომენტარში.",
        Key::SendDecision => "გადაწყვეტილების გაგზავნა",
        Key::DecisionRecorded => "თქვენი მხარის გადაწყვეტილება ჩაწერილია.",
        Key::CommentsHeading => "ორივე მხარის კომენტარები",
        Key::NoComments => "კომენტარები ჯერ არ არის. დაწერეთ პირველი ქვემოთ.",
        Key::AddComment => "თქვენი კომენტარი",
        Key::SendComment => "კომენტარის გაგზავნა",
        Key::NotesHeading => "შიდა შენიშვნები",
        Key::NotesOnlyFor => "ხილულია მხოლოდ უწყებისთვის: {authority}. მეორე მხარე ამ შენიშვნებს ვერასდროს ხედავს.",
        Key::NoNotes => "შიდა შენიშვნები ჯერ არ არის.",
        Key::AddNote => "ახალი შიდა შენიშვნა",
        Key::SaveNote => "შიდა შენიშვნის შენახვა",
        // Register (instruments, authorities, notifications)
        Key::RegHeading => "ინსტრუმენტების რეესტრი",
        Key::RegIntro => {
            "შეთანხმება, დამატებითი შეთანხმებები, ხელმოწერილი თანამშრომლობის წლიური გეგმები და მათი ცვლილებები, ოქმები და შეხვედრის ჩანაწერები. სტატუსი დამოკიდებულია ჩაწერილ თარიღებზე."
        }
        Key::RegRecord => "ინსტრუმენტის რეგისტრაცია",
        Key::RegFilters => "რეესტრის გაფილტვრა",
        Key::RegSearch => "ძიება სათაურით ან ნომრით",
        Key::RegAny => "ყველა",
        Key::RegYear => "ხელმოწერის წელი",
        Key::RegNoMatch => "ამ ფილტრებს არცერთი ინსტრუმენტი არ შეესაბამება.",
        Key::RegTitle => "სათაური",
        Key::RegNumber => "ნომერი",
        Key::RegKind => "სახე",
        Key::RegSignedOn => "ხელმოწერის თარიღი",
        Key::RegSignedAt => "ხელმოწერის ადგილი",
        Key::RegInForceOn => "ძალაში შესვლა",
        Key::RegTerminatedOn => "შეწყვეტა",
        Key::RegKindBase => "შეთანხმება",
        Key::RegKindAdditional => "დამატებითი შეთანხმება",
        Key::RegKindPlan => "თანამშრომლობის წლიური გეგმა",
        Key::RegKindAmendment => "ცვლილება",
        Key::RegKindProtocol => "ოქმი",
        Key::RegKindMinutes => "შეხვედრის ჩანაწერები",
        Key::RegStatusUnsigned => "ხელმოუწერელი",
        Key::RegStatusSigned => "ხელმოწერილი",
        Key::RegStatusInForce => "ძალაშია",
        Key::RegStatusTerminated => "შეწყვეტილი",
        Key::RegBack => "← ინსტრუმენტების რეესტრი",
        Key::RegEdit => "რედაქტირება",
        Key::RegSides => "ხელმომწერები და შიდასახელმწიფოებრივი პროცედურები",
        Key::RegParty => "მხარე",
        Key::RegSignatory => "ხელმომწერი",
        Key::RegPosition => "თანამდებობა",
        Key::RegProcedures => "შიდასახელმწიფოებრივი პროცედურები",
        Key::RegProceduresOn => "პროცედურების დასრულების თარიღი",
        Key::RegTimeline => "ქრონოლოგია",
        Key::RegNoDates => "თარიღები ჯერ არ არის ჩაწერილი.",
        Key::RegEventSigned => "ხელმოწერილია",
        Key::RegEventProcedures => "შიდასახელმწიფოებრივი პროცედურები დასრულდა",
        Key::RegEventInForce => "ძალაში შევიდა",
        Key::RegEventTerminated => "შეწყდა",
        Key::RegRelated => "დაკავშირებული ინსტრუმენტები",
        Key::RegNoRelated => "დაკავშირებული ინსტრუმენტები არ არის.",
        Key::RegDocuments => "დოკუმენტები",
        Key::RegNoDocuments => "დოკუმენტები ჯერ არ არის დართული.",
        Key::RegFile => "ფაილი",
        Key::RegSize => "ზომა",
        Key::RegSha256 => "SHA-256 საკონტროლო ჯამი",
        Key::RegUploadedBy => "ატვირთა",
        Key::RegUploadedAt => "ატვირთვის დრო",
        Key::RegAttach => "დოკუმენტის დართვა",
        Key::RegUploadHint => {
            "PDF, Word, Excel, PowerPoint ან OpenDocument (.pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp), მაქსიმუმ 25 MB, თუ სერვერზე სხვა ლიმიტი არ არის დაყენებული."
        }
        Key::RegUpload => "ატვირთვა",
        Key::RegUploading => "იტვირთება…",
        Key::RegUploadBusy => "ფაილი იგზავნება და მოწმდება სერვერზე…",
        Key::RegUploaded => "{name} დაერთო.",
        Key::RegChooseFile => "ჯერ აირჩიეთ ფაილი.",
        Key::RegUnreadable => "ფაილის წაკითხვა ვერ მოხერხდა. აირჩიეთ ხელახლა.",
        Key::RegTooLarge => "ფაილი ძალიან დიდია: დასაშვებია მაქსიმუმ {mb} MB.",
        Key::RegWrongType => "ამ ტიპის ფაილი არ მიიღება. დაურთეთ PDF, Word, Excel, PowerPoint ან OpenDocument ფაილი.",
        Key::RegTypeMismatch => {
            "ფაილის შიგთავსი მის ტიპს არ შეესაბამება. შეინახეთ ხელახლა თავის პროგრამაში და სცადეთ თავიდან."
        }
        Key::RegEmptyFile => "ფაილი ცარიელია.",
        Key::RegBadFilename => {
            "ფაილის სახელის გაფართოება შიგთავსს არ შეესაბამება ან სახელი დაუშვებელია. გადაარქვით სახელი და სცადეთ თავიდან."
        }
        Key::RegRecordHeading => "ინსტრუმენტის რეგისტრაცია",
        Key::RegEditHeading => "ინსტრუმენტის რედაქტირება",
        Key::RegSave => "შენახვა",
        Key::RegCancel => "გაუქმება",
        Key::RegStale => {
            "თქვენ მიერ გახსნის შემდეგ ეს ინსტრუმენტი სხვამ შეცვალა, ამიტომ თქვენი ცვლილებები არ შეინახა. გადატვირთეთ მიმდინარე ვერსიის სანახავად და შეიტანეთ ცვლილებები ხელახლა."
        }
        Key::RegReload => "გადატვირთვა",
        Key::RegAuthHeading => "უფლებამოსილი ორგანოები და დიპლომატიური შეტყობინებები",
        Key::RegAuthIntro => {
            "მხარის უფლებამოსილი ორგანოს ცვლილება ძალაში შედის მხოლოდ მას შემდეგ, რაც მისი შემატყობინებელი დიპლომატიური შეტყობინება ჩაიწერება."
        }
        Key::RegHistoryHeading => "უფლებამოსილი ორგანოების ისტორია",
        Key::RegAuthName => "უფლებამოსილი ორგანო",
        Key::RegValidFrom => "მოქმედებს (დან)",
        Key::RegValidTo => "მოქმედებს (მდე)",
        Key::RegPendingHeading => "თქვენი მხარის მომლოდინე ცვლილებები",
        Key::RegPendingIntro => "შეტყობინების ჩაწერამდე ამას მხოლოდ თქვენი მხარე ხედავს.",
        Key::RegProposedFrom => "ძალაში შესვლის შემოთავაზებული თარიღი: {date}",
        Key::RegProposeHeading => "შეიყვანეთ თქვენი მხარის უფლებამოსილი ორგანოს ცვლილება",
        Key::RegNameEn => "სახელი ინგლისურად",
        Key::RegNameAz => "სახელი აზერბაიჯანულად",
        Key::RegNameKa => "სახელი ქართულად",
        Key::RegEnterChange => "ცვლილების შეყვანა",
        Key::RegChangeEntered => "ცვლილება — {name} — შეყვანილია. ძალაში შევა შეტყობინების ჩაწერის შემდეგ.",
        Key::RegRecordNotification => "დიპლომატიური შეტყობინების ჩაწერა",
        Key::RegNotificationFor => "დიპლომატიური შეტყობინება: {name}",
        Key::RegNotificationRecorded => "შეტყობინება {name} ჩაიწერა.",
        Key::RegEffectiveOn => "ძალაში შესვლის თარიღი",
        Key::RegEffectiveHint => "არა უადრეს დღევანდელისა — შეტყობინების ჩაწერის დღისა.",
        Key::RegLogHeading => "დიპლომატიური შეტყობინებები",
        Key::RegSendingParty => "გამგზავნი",
        Key::RegNoteNumber => "ნოტის ნომერი",
        Key::RegSubject => "საგანი",
        Key::RegSentOn => "გაგზავნის თარიღი",
        Key::RegReceivedOn => "მიღების თარიღი",
        Key::RegAcknowledged => "დადასტურება",
        Key::HistoryHeading => "ისტორია",
        Key::NoHistory => "ჯერ არაფერია აღრიცხული.",
        Key::HistoryLatest => "{total} ჩანაწერიდან ბოლო {n}.",
        Key::HistCreated => "შექმნა ღონისძიების პროექტი",
        Key::HistUpdated => "შეცვალა ღონისძიება",
        Key::HistShared => "გაუზიარა მეორე მხარეს",
        Key::HistWithdrawn => "გამოიწვია გეგმიდან",
        Key::HistConsent => "დააფიქსირა თავისი მხარის გადაწყვეტილება",
        Key::HistExecution => "განაახლა შესრულების სტატუსი",
        Key::HistSummary => "დაწერა შემაჯამებელი ანგარიში",
        Key::HistComment => "დაწერა კომენტარი",
        Key::HistNote => "დაამატა შიდა შენიშვნა",
        Key::FieldExecution => "შესრულების სტატუსი",
        Key::FieldExecutionReason => "მიზეზი",
        Key::FieldSummary => "შემაჯამებელი ანგარიში",
        Key::FieldCarriedFrom => "გადმოტანილია ღონისძიებიდან",
        Key::ExecPlanned => "დაგეგმილი",
        Key::ExecConfirmed => "დადასტურებული",
        Key::ExecHeld => "ჩატარებული",
        Key::ExecPostponed => "გადადებული",
        Key::ExecCancelled => "გაუქმებული",
        // --- register2 ---
        Key::RegPageOfNotes => "გვერდი {page} / {pages} ({n} შეტყობინება)",
        Key::RegPageOfInstruments => "გვერდი {page} / {pages} ({n} დოკუმენტი)",
        Key::RegEditChange => "ცვლილების რედაქტირება",
        Key::RegSaveChange => "ცვლილების შენახვა",
        Key::RegWithdrawChange => "ცვლილების გაწვევა",
        Key::RegWithdrawQuestion => {
            "გავიწვიოთ ეს მომლოდინე ცვლილება? შეტყობინება არ გაგზავნილა, ამიტომ ძალაში არაფერი რჩება."
        }
        Key::RegConfirmWithdraw => "დიახ, გაიწვიე",
        Key::RegChangeSaved => "მომლოდინე ცვლილება — {name} — შენახულია.",
        Key::RegChangeWithdrawn => "მომლოდინე ცვლილება — {name} — გაწვეულია.",
        Key::RegChangedMeanwhile => {
            "ამასობაში ვიღაცამ ეს შეცვალა. გვერდზე ახლა მიმდინარე ვერსიაა; გადაამოწმეთ და სცადეთ ხელახლა."
        }
        Key::RegNoteDetails => "დეტალები",
        Key::RegOpenNote => "დოკუმენტები და მიღება",
        Key::RegNoteHeading => "ნოტა {number}",
        Key::RegReceiptHeading => "მიღება და დადასტურება",
        Key::RegAcknowledgedOn => "დადასტურების თარიღი",
        Key::RegAckText => "დადასტურება (ნოტის ნომერი ან ტექსტი)",
        Key::RegSaveReceipt => "მიღების ჩაწერა",
        Key::RegReceiptSaved => "ნოტა {name}-ის მიღება ჩაიწერა.",
        Key::RegReceiptByReceiver => "მიღებასა და დადასტურებას ნოტის მიმღები მხარე წერს.",
        Key::RegNoteFile => "ნოტის დოკუმენტი (არასავალდებულო)",
        Key::RegNoteFileRefused => {
            "შეტყობინება ჩაიწერა, მაგრამ მისი დოკუმენტი არ დაერთო: {reason} დაურთეთ ხელახლა ქვემოთ, შეტყობინების ქვეშ."
        }
        Key::RegClose => "დახურვა",
        // --- lifecycle ---
        Key::LcWorking => "მიმდინარეობს…",
        Key::LcStale => {
            "გეგმა ან ღონისძიება შეიცვალა მას შემდეგ, რაც ის ჩატვირთეთ (სხვამ იმოქმედა). არაფერი შენახულა: ხელახლა ჩატვირთეთ, შეამოწმეთ და სცადეთ თავიდან."
        }
        Key::LcReload => "ხელახლა ჩატვირთვა",
        Key::LcErrInFuture => "თარიღი არ შეიძლება იყოს მომავალში.",
        Key::LcErrTooEarly => "თარიღი არ შეიძლება იყოს შეთანხმების ხელმოწერამდე (2023 წლის 24 აპრილი).",
        Key::LcAmendmentHeading => "მიმდინარეობს ცვლილება {n}",
        Key::LcAmendmentText => {
            "ეს გეგმა ცვლის ხელმოწერილ ვერსიას {n}: ვერსია {next} განიხილება, თანხმდება და ხელი ეწერება ისევე, როგორც თავდაპირველს. სანამ ორივე მხარე არ მოაწერს ხელს, ძალაშია ვერსია {n}."
        }
        Key::LcSeeVersion => "ხელმოწერილი ვერსია {n}",
        Key::LcCompareWithSigned => "რას ცვლის ცვლილება ვერსიაში {n}",
        Key::LcAmendHint => {
            "ხელმოწერილ გეგმაში ცვლილებები ცვლილების გზით შედის: ახალი ვერსია, რომელსაც ორივე მხარე განიხილავს და ხელს აწერს. მანამდე ხელმოწერილი ვერსია ძალაშია."
        }
        Key::LcOpenAmendment => "ცვლილების დაწყება",
        Key::LcSignaturesHeading => "ხელმოწერები",
        Key::LcNotSigned => "ჯერ ხელმოწერილი არ არის",
        Key::LcSignatureText => "{name}, {position} — ხელი მოაწერა {place}, {date} (დააფიქსირა: {by})",
        Key::LcSignHeading => "თქვენი მხარის ხელმოწერის დაფიქსირება",
        Key::LcSignHint => {
            "დააფიქსირეთ, ვინ მოაწერა ხელი შეთანხმებულ გეგმას თქვენი სამინისტროს სახელით, როდის და სად. გეგმა ხელმოწერილია, როცა ორივე მხარე დააფიქსირებს ხელმოწერას; მაშინ მისი ვერსია იყინება SHA-256-ით."
        }
        Key::LcSignatory => "ხელმომწერი",
        Key::LcPosition => "თანამდებობა",
        Key::LcSignedOn => "ხელმოწერის თარიღი",
        Key::LcPlace => "ხელმოწერის ადგილი",
        Key::LcSign => "ხელმოწერის დაფიქსირება",
        Key::LcSignedVersionHeading => "ხელმოწერილი ვერსია {n}",
        Key::LcVersionNumber => "ვერსია",
        Key::LcFrozenAt => "გაყინულია (ორივე ხელმოწერა დაფიქსირებულია)",
        Key::LcAllVersions => "ყველა ვერსია",
        Key::LcComparePrevious => "შედარება ვერსიასთან {n}",
        Key::LcNoVersions => "ამ გეგმის არცერთ ვერსიას ჯერ ხელი არ მოწერია.",
        Key::LcCarryHeading => "გადატანა {year} წლის გეგმაში",
        Key::LcCarryHint => {
            "თქვენი მხარის ამ გეგმის ჩაუტარებელი ღონისძიებები შეიძლება გახდეს თქვენი მხარის ახალი პროექტები {year} წლის გეგმაში, დაკავშირებული თავდაპირველთან. თითოეული ერთხელ გადაიტანება; {year} წლის გეგმა უნდა არსებობდეს და იღებდეს ახალ ღონისძიებებს."
        }
        Key::LcCarryChoose => "ჩაუტარებელი ღონისძიებები",
        Key::LcChooseActivities => "აირჩიეთ მინიმუმ ერთი ღონისძიება.",
        Key::LcCarrySubmit => "გადატანა {year} წლის გეგმაში",
        Key::LcCarried => "{n} ახალი პროექტი {year} წლის გეგმაში:",
        Key::LcNothingToCarry => "თქვენი მხარის ამ გეგმის ყველა ღონისძიება ჩატარდა ან უკვე გადატანილია.",
        Key::LcErrCarried => "ეს ღონისძიება უკვე გადატანილია.",
        Key::LcErrNotCarriable => "გადაიტანება მხოლოდ ხელმოწერილი გეგმის ჩაუტარებელი ღონისძიებები.",
        Key::LcCloseAfter => "გეგმის დახურვა ორივე მხარეს შეუძლია მხოლოდ {year} წლის 31 დეკემბრის შემდეგ.",
        Key::LcVersionsHeading => "ხელმოწერილი ვერსიები",
        Key::LcVersionsCaption => "ყოველი ხელმოწერილი ვერსია გაყინულია: მისი ასლი და SHA-256 არასოდეს იცვლება.",
        Key::LcSignedDates => "ხელმოწერილია",
        Key::LcVersionN => "ვერსია {n}",
        Key::LcVersionInProgress => "ვერსია {n} (მიმდინარე ცვლილება)",
        Key::LcCompareHeading => "ორი ვერსიის შედარება",
        Key::LcCompareFrom => "საიდან",
        Key::LcCompareTo => "სადამდე",
        Key::LcCompare => "შედარება",
        Key::LcFrozenHint => "გეგმა ზუსტად ისე, როგორც ორივე მხარემ მოაწერა ხელი, მხოლოდ წასაკითხად.",
        Key::LcSnapshotCaption => "{n} ღონისძიება ამ ვერსიაში",
        Key::LcCompareTitle => "ვერსია {from} შედარებული ვერსიასთან {to}",
        Key::LcCompareDraftHint => {
            "ვერსია {n} ჯერ კიდევ განიხილება: აქ ნაჩვენებია გეგმა ამჟამინდელი სახით და არა ხელმოწერილი ვერსია."
        }
        Key::LcCompareSummary => "{added} დამატებულია, {removed} ამოღებულია, {changed} შეცვლილია.",
        Key::LcAddedHeading => "დამატებული ღონისძიებები",
        Key::LcRemovedHeading => "ამოღებული ღონისძიებები",
        Key::LcChangedHeading => "შეცვლილი ღონისძიებები",
        Key::LcNone => "არცერთი.",
        Key::LcMarkAdded => "[+ დამატებულია]",
        Key::LcMarkRemoved => "[− ამოღებულია]",
        Key::LcMarkChanged => "[≠ შეიცვალა]",
        Key::LcField => "ველი",
        Key::LcChange => "ცვლილება",
        Key::LcExecutionHeading => "შესრულება",
        Key::LcNewStatus => "ახალი სტატუსი",
        Key::LcChooseStatus => "აირჩიეთ ახალი სტატუსი.",
        Key::LcReasonHint => "მიუთითეთ მიზეზი, როცა ღონისძიება გადაიდება ან გაუქმდება.",
        Key::LcSetStatus => "სტატუსის დაყენება",
        Key::LcStatusSaved => "შესრულების სტატუსი განახლდა.",
        Key::LcExecutionFinal => "ჩატარებული და გაუქმებული საბოლოოა: სტატუსი აღარ იცვლება.",
        Key::LcSummaryOf => "{party}: შემაჯამებელი ანგარიში",
        Key::LcOwnSummary => "თქვენი მხარის შემაჯამებელი ანგარიში",
        Key::LcSaveSummary => "ანგარიშის შენახვა",
        Key::LcSummarySaved => "თქვენი მხარის ანგარიში შენახულია.",
        // --- views ---
        Key::ViewsTabCalendar => "კალენდარი",
        Key::ViewsTabTimeline => "დროის ხაზი",
        Key::ViewsTabDashboard => "მაჩვენებლები",
        Key::ViewsMonthNav => "თვის არჩევა",
        Key::ViewsPrevMonth => "წინა თვე",
        Key::ViewsNextMonth => "შემდეგი თვე",
        Key::ViewsWeekdays => "ორშ,სამ,ოთხ,ხუთ,პარ,შაბ,კვი",
        Key::ViewsNothingThisMonth => "ამ თვეში ფილტრების შესაბამისი ღონისძიება არ არის.",
        Key::ViewsTentativeIn => "{month}: სავარაუდო ღონისძიებები (თარიღები ჯერ არ არის)",
        Key::ViewsTentative => "სავარაუდო, მხოლოდ თვე",
        Key::ViewsAsTable => "ცხრილის სახით",
        Key::ViewsCount => "ღონისძიებები",
        Key::ViewsHosts => "{party} მასპინძლობს",
        Key::ViewsSends => "{party} აგზავნის",
        Key::ViewsTotal => "თქვენთვის ხილული {n} ღონისძიება, თქვენი მხარის პროექტების ჩათვლით.",
        Key::ViewsByConsent => "ღონისძიებები თანხმობის მდგომარეობის მიხედვით",
        Key::ViewsByArea => "ღონისძიებები თანამშრომლობის სფეროების მიხედვით",
        Key::ViewsByForm => "ღონისძიებები თანამშრომლობის ფორმების მიხედვით",
        Key::ViewsReciprocity => {
            "ორმხრივობა: თითოეული მხარის მიერ უმასპინძლებული ღონისძიებები და გაგზავნილი დელეგაციები"
        }
        Key::ViewsSignedReciprocity => "ორმხრივობა ხელმოწერილ გეგმაში",
        Key::ViewsOpen => "ჯერ არ ჩატარებულა",
        Key::ViewsReportFinal => "ხელმოწერილი ვერსია {version}-ის შესრულების ანგარიში (საბოლოო: გეგმა დახურულია)",
        Key::ViewsReportOngoing => "ხელმოწერილი ვერსია {version}-ის შესრულება ამ დრომდე",
        Key::ViewsRate => "შესრულების მაჩვენებელი: {rate}% ჩატარდა ({total} ღონისძიებიდან {held})",
        Key::ViewsShareHeld => "ჩატარებულის წილი",
        Key::RfRoleTooLow => "თქვენი როლი ამის უფლებას არ გაძლევთ. მიმართეთ თქვენი სამინისტროს ადმინისტრატორს.",
        Key::RfRoleAboveOwn => "არავის შეუძლია საკუთარზე მაღალი როლის მინიჭება.",
        Key::RfCrossSite => {
            "მოთხოვნა სხვა საიტიდან მოვიდა და უარყოფილია. ხელახლა ჩატვირთეთ Concord და სცადეთ კიდევ ერთხელ."
        }
        Key::RfLastAdministrator => "ეს თქვენი მხარის ბოლო აქტიური ადმინისტრატორია; ჯერ სხვა დანიშნეთ.",
        Key::RfSessionRequired => "ამის გაკეთება მხოლოდ სისტემაში შესულ მომხმარებელს შეუძლია და არა API ტოკენს.",
        Key::RfTokenHasNoPassword => "API ტოკენებს პაროლი არ აქვთ.",
        Key::RfPlanExists => "{year} წლის გეგმა უკვე არსებობს.",
        Key::RfNoStepProposed => "არცერთი ნაბიჯი არ არის შეთავაზებული.",
        Key::RfStepAlreadyProposed => "ნაბიჯი უკვე შეთავაზებულია; ჯერ დაადასტურეთ, უარყავით ან გაიწვიეთ იგი.",
        Key::RfOwnProposal => {
            "თქვენი მხარის შეთავაზება მეორე მხარის კოორდინატორმა უნდა დაადასტუროს ან უარყოს; თქვენ შეგიძლიათ მისი გაწვევა."
        }
        Key::RfOthersProposal => "შეთავაზებას მხოლოდ შემომთავაზებელი მხარე იწვევს.",
        Key::RfPlanState => "ეს შეუძლებელია, სანამ გეგმის მდგომარეობაა „{state}“.",
        Key::RfPlanNotAgreeable => "გეგმის შეთანხმება ჯერ შეუძლებელია:",
        Key::RfNotYourField => {
            "ამას მხოლოდ მხარე — {party} — არედაქტირებს: ღონისძიების შინაარსს — შემომთავაზებელი მხარე, თითოეული მხარე კი — საკუთარ ნაწილს."
        }
        Key::RfAlreadyShared => "ეს ღონისძიება უკვე გაზიარებულია.",
        Key::RfActivityState => "ეს შეუძლებელია, სანამ ღონისძიების მდგომარეობაა „{state}“.",
        Key::RfAlreadySigned => "თქვენი მხარის ხელმოწერა უკვე დაფიქსირებულია.",
        Key::RfYearNotOver => "{year} წლის გეგმის დახურვა შესაძლებელია მხოლოდ {year} წლის 31 დეკემბრის შემდეგ.",
        Key::RfExecutionStep => "შესრულების სტატუსის შეცვლა „{from}“ → „{to}“ შეუძლებელია.",
        Key::RfNotHost => "ღონისძიების შესრულების შესახებ ინფორმაციას მხოლოდ მასპინძელი მხარე წარადგენს.",
        Key::RfNextPlanMissing => "ჯერ შექმენით {year} წლის გეგმა.",
        Key::RfNotHeld => "შემაჯამებელი ანგარიში იწერება ღონისძიების ჩატარების შემდეგ.",
        Key::RfAlreadyHeld => "ჩატარებული ღონისძიება არ გადაიტანება.",
        Key::RfNotReceiver => "შეტყობინების მიღებას მხოლოდ მიმღები მხარე აფიქსირებს.",
        Key::RfOtherPartysAuthority => "მხარის უფლებამოსილ ორგანოს მხოლოდ ამავე მხარის კოორდინატორები ცვლიან.",
        Key::RfAlreadyNotified => {
            "ამ უფლებამოსილი ორგანოს შესახებ შეტყობინება უკვე გაგზავნილია; შემდგომი ცვლილება ახალი ჩანაწერი და ახალი შეტყობინებაა."
        }
        Key::RfAlreadyExists => "ვიღაცამ იმავე წამს იგივე შექმნა. სანახავად ხელახლა ჩატვირთეთ.",
        Key::RfOther => "მოთხოვნა უარყოფილია.",
        Key::RfUnknown => "სერვერმა ეს მოთხოვნა უარყო (შეცდომა {status}).",
        Key::PbNotFound => "აქ არაფერია, ან მისი ნახვის უფლება არ გაქვთ.",
        Key::PbBadRequest => "Concord-მა ვერ წაიკითხა ეს მოთხოვნა. ხელახლა ჩატვირთეთ გვერდი და სცადეთ კიდევ ერთხელ.",
        Key::PbTooLarge => "მოთხოვნა ძალიან დიდია.",
        Key::PbStale => {
            "სანამ არედაქტირებდით, ვიღაცამ ეს შეცვალა. ხელახლა ჩატვირთეთ მიმდინარე ვერსიის სანახავად და კვლავ შეიტანეთ ცვლილება."
        }
        Key::PbDocumentDamaged => {
            "შენახული ფაილი დაზიანებულია და არ გაიცემა. სთხოვეთ ადმინისტრატორებს მისი აღდგენა სარეზერვო ასლიდან."
        }
        Key::WhoHeading => "ვინ რას აკეთებს",
        Key::WhoIntro => {
            "რისი გაკეთება შეუძლია თითოეულ როლს Concord-ში, შეთანხმების საქმიანობის წესების მიხედვით; სერვერი ზუსტად ამას იცავს. თითოეული მხარის მომხმარებლები მხოლოდ საკუთარი მხარის სახელით მოქმედებენ."
        }
        Key::WhoDuty => "მოვალეობა",
        Key::WhoParties => {
            "მხარის პროექტებს, შიდა შენიშვნებსა და მომხმარებლებს მეორე მხარე ვერასდროს ხედავს. სხვა როლის მისაღებად მიმართეთ თქვენი მხარის ადმინისტრატორს."
        }
        Key::WhoYes => "შეუძლია",
        Key::WhoNo => "არ შეუძლია",
        Key::WhoReadBoard => "ერთობლივი დაფის, გეგმებისა და რეესტრის დათვალიერება",
        Key::WhoDraftAndShare => "ღონისძიებების პროექტების მომზადება და მეორე მხარისთვის გაზიარება",
        Key::WhoEditOwnSide => "ღონისძიებაში თქვენი მხარის ნაწილის შევსება (მონაწილეები, ქვედანაყოფი, საკონტაქტო პირი)",
        Key::WhoComment => "ღონისძიებებზე კომენტარის დაწერა და თქვენი მხარის შიდა შენიშვნების ჩაწერა",
        Key::WhoConsent => "ღონისძიებაზე თქვენი მხარის თანხმობის მიცემა ან არმიცემა",
        Key::WhoProposeStep => "გეგმის შემდეგი ეტაპის შეთავაზება",
        Key::WhoConfirmStep => "მეორე მხარის მიერ შემოთავაზებული ეტაპის დადასტურება",
        Key::WhoSign => "შეთანხმებულ გეგმაზე თქვენი მხარის ხელმოწერის რეგისტრაცია",
        Key::WhoOpenAmendment => "ხელმოწერილ გეგმაში ცვლილების დაწყება",
        Key::WhoReportExecution => "თქვენი მხარის მიერ მასპინძლობილი ღონისძიების შესრულების ანგარიში",
        Key::WhoCarryOver => "ჩაუტარებელი ღონისძიების გადატანა მომავალი წლის გეგმაში",
        Key::WhoRecordInstruments => "დოკუმენტებისა და დიპლომატიური შეტყობინებების რეესტრში რეგისტრაცია",
        Key::WhoChangeAuthority => "თქვენი მხარის უფლებამოსილი ორგანოს ცვლილების შეტანა",
        Key::WhoRecordReceipt => "მეორე მხარის დიპლომატიური შეტყობინების მიღების რეგისტრაცია",
        Key::WhoManageUsers => "თქვენი მხარის მომხმარებლებისა და მათი როლების მართვა",
        Key::WhoManageTokens => "თქვენი მხარის API ტოკენების გაცემა და გაუქმება",
        Key::WhoReadAudit => "თქვენი მხარის აუდიტის ჟურნალის დათვალიერება",
        Key::PbOtherPartyNode => {
            "Concord-ის ეს სერვერი მხარის — {party} — კვანძია და მხოლოდ მის მომხმარებლებს ემსახურება. შედით თქვენი სამინისტროს სერვერზე."
        }
        Key::PbForeignRow => {
            "ეს ეკუთვნის მხარეს — {party}: ის მხოლოდ მის სერვერზე იწერება და აქ კოპირდება, ამიტომ აქ მისი შეცვლა შეუძლებელია."
        }
        Key::PbStorageFull => {
            "სერვერზე ფაილებისთვის ადგილი აღარ არის, ამიტომ ფაილი არ შეინახა. სთხოვეთ ადმინისტრატორებს ადგილის გათავისუფლება."
        }
        Key::PbStorageUnavailable => {
            "სერვერს ახლა ფაილების შენახვა არ შეუძლია, ამიტომ ფაილი არ შეინახა. სცადეთ ხელახლა {n} წამში."
        }
        Key::PbUnavailable => "Concord დაკავებულია ან ვერ უკავშირდება მონაცემთა ბაზას. სცადეთ ხელახლა {n} წამში.",
        Key::BlockYearNotOver => "გეგმის დახურვა შესაძლებელია მხოლოდ მისი წლის 31 დეკემბრის შემდეგ.",
        Key::FeLength => "გამოიყენეთ 3-დან 64-მდე სიმბოლო.",
        Key::FeControl => "ამოშალეთ ამ ტექსტიდან უხილავი მმართველი სიმბოლოები.",
        Key::FeTaken => "ეს უკვე არსებობს.",
        Key::FeTooEarly => "ეს თარიღი ძალიან ადრეულია.",
        Key::FeBeforeSent => "თარიღი არ შეიძლება იყოს შეტყობინების გაგზავნამდე.",
        Key::FeBeforeSignature => "თარიღი არ შეიძლება იყოს ხელმოწერამდე.",
        Key::FeNeedsSignature => "ჯერ შეიყვანეთ ხელმოწერის თარიღი.",
        Key::FeOutOfRange => "ეს რიცხვი დასაშვებ ფარგლებს სცდება.",
        Key::FeConflict => "მიუთითეთ ან ზუსტი თარიღები, ან სავარაუდო თვე და არა ორივე.",
        Key::FeDuplicate => "ეს ორჯერაა მითითებული.",
        Key::FeUnknown => "ამ მნიშვნელობით არაფერი არსებობს.",
        Key::FeFixed => "ამის შეცვლა შეუძლებელია.",
        Key::FeNotPending => "აირჩიეთ თქვენი მხარის უფლებამოსილი ორგანოს მოლოდინში მყოფი ცვლილება.",
        Key::FeNotByHand => "ეს სახე ხელით არ ფიქსირდება: Concord მას თავად აკავშირებს.",
        Key::FeTooLarge => "ფაილი ძალიან დიდია.",
        Key::ImpNotSpreadsheet => "ფაილი არ არის XLSX სამუშაო წიგნი: გამოიყენეთ შაბლონი.",
        Key::ImpEmpty => "სამუშაო წიგნში იმპორტისთვის რიგები არ არის.",
        Key::ImpUnreadable => "პირველი ფურცელი ვერ იკითხება.",
        Key::ImpFormula => "ფურცელი შეიცავს ფორმულებს: შეიყვანეთ მხოლოდ მნიშვნელობები.",
        Key::ImpUnknownColumn => "ფურცელს აქვს სვეტი, რომელიც შაბლონში არ არის.",
        Key::ImpTooManyRows => "ერთჯერადად შესაძლებელია არაუმეტეს 2000 რიგის იმპორტი.",
        Key::ImpDuplicateRow => "რიგი იმეორებს წინა რიგს.",
        Key::ImpNotADate => "ეს არ არის თარიღი: ჩაწერეთ ასე: წწწწ-თთ-დდ, მაგალითად 2027-05-14.",
        Key::ImpNotAMonth => "ეს არ არის თვე: ჩაწერეთ მისი ნომერი, 1-დან 12-მდე.",
        Key::ImpNotANumber => "ეს არ არის მთელი რიცხვი.",
        Key::ImpNotInList => "ეს არ არის სიის მნიშვნელობა: გამოიყენეთ შაბლონის ჩამოსაშლელი სია.",
        Key::AlertsHeading => "ცნობები",
        Key::AlertsIntro => {
            "თქვენთან დაკავშირებული ქმედებები: ღონისძიებები, რომლებიც ელოდება თქვენი მხარის თანხმობას, მოთხოვნილი ცვლილებები, შემოთავაზებული გეგმის ეტაპები, ხელმოწერები, შესრულების ცვლილებები და თქვენი მოხსენიებები. დიპლომატიური შეტყობინებები რეესტრშია."
        }
        Key::NoAlerts => "ცნობები არ არის.",
        Key::AlertsMarkAllRead => "ყველას წაკითხულად მონიშვნა",
        Key::AlertsOpen => "გახსნა",
        Key::AlertsPageOf => "გვერდი {page} / {pages} ({n} ცნობა)",
        Key::AlertsUnreadMark => "წაუკითხავი",
        Key::AlertsPrefsHeading => "ცნობების მიწოდება",
        Key::AlertsPrefsIntro => {
            "თითოეული სახისთვის: მხოლოდ აპლიკაციაში, ელფოსტით დაუყოვნებლივ, ყოველდღიურ ელფოსტის დაიჯესტში ან გამორთული. წერილი შეიცავს ბმულს და არასოდეს შინაარსს."
        }
        Key::AlertsEmail => "ელფოსტის მისამართი",
        Key::AlertsLanguage => "წერილების ენა",
        Key::AlertsSaved => "თქვენი ცნობების პარამეტრები შენახულია.",
        Key::WebhooksHeading => "ვებჰუკები",
        Key::WebhooksIntro => {
            "თქვენი სამინისტროს სხვა სისტემებს შეუძლიათ თქვენი მხარის ცვლილებების მიღება მაშინვე, როგორც კი ისინი ხდება: Concord თითოეულ ცვლილებას აგზავნის თქვენ მიერ მითითებულ მისამართზე, ვებჰუკის საიდუმლო გასაღებით ხელმოწერილს. ვებჰუკი გადასცემს მხოლოდ იმას, რისი ნახვის უფლებაც თქვენს მხარეს აქვს, და ბმულს, არასოდეს შინაარსს."
        }
        Key::NoWebhooks => {
            "ვებჰუკები ჯერ არ არის. შექმენით ქვემოთ, როცა სხვა სისტემას Concord-ის ცვლილებები დასჭირდება."
        }
        Key::WebhookUrl => "მისამართი (URL)",
        Key::WebhookUrlHint => "მხოლოდ https://; http:// მხოლოდ ამ კომპიუტერზე (127.0.0.1, localhost), ტესტირებისთვის.",
        Key::WebhookEvents => "გასაგზავნი ცვლილებები",
        Key::WebhookStartEnabled => "ცვლილებების გაგზავნა ახლავე დაიწყოს",
        Key::CreateWebhookHeading => "ახალი ვებჰუკი",
        Key::CreateWebhook => "ვებჰუკის შექმნა",
        Key::WebhookCreated => "ვებჰუკი {name}-ისთვის შეიქმნა",
        Key::WebhookOnce => {
            "დააკოპირეთ ეს ხელმოწერის გასაღები ახლავე და შეინახეთ უსაფრთხოდ მიმღებ სისტემაში. ის აღარ გამოჩნდება."
        }
        Key::WebhookSecret => "ხელმოწერის გასაღები",
        Key::WebhookDelete => "წაშლა",
        Key::WebhookDeleteConfirm => "წაიშალოს ვებჰუკი {name}-ისთვის? მასთან ერთად წაიშლება მიწოდების ჟურნალიც.",
        Key::ConfirmDeleteWebhook => "ვებჰუკის წაშლა",
        Key::KeepWebhook => "დატოვება",
        Key::WebhookDeleted => "ვებჰუკი {name}-ისთვის წაიშალა.",
        Key::WebhookEnabledDone => "ვებჰუკი {name}-ისთვის კვლავ აგზავნის ცვლილებებს.",
        Key::WebhookDisabledDone => "ვებჰუკი {name}-ისთვის აღარ აგზავნის ცვლილებებს.",
        Key::ShowDeliveries => "მიწოდების ჟურნალი",
        Key::DeliveriesHeading => "მიწოდებები მისამართზე {name}",
        Key::NoDeliveries => "ამ ვებჰუკზე ჯერ არაფერი გაგზავნილა.",
        Key::DeliveriesPageOf => "გვერდი {page} / {pages} ({n} მიწოდება)",
        Key::DeliveryEvent => "ცვლილება",
        Key::DeliveryAttempts => "მცდელობები",
        Key::DeliveryAnswer => "პასუხი (HTTP სტატუსი)",
        Key::DeliveryNoAnswer => "პასუხი არ არის",
        Key::DeliveryError => "ბოლო შეცდომა",
        Key::DeliveryNext => "შემდეგი მცდელობა",
        Key::Redeliver => "ხელახლა გაგზავნა",
        Key::Redelivered => "მიწოდება {name} ახლავე ხელახლა გაიგზავნება.",
        Key::FeInsecureUrl => {
            "მხოლოდ https:// მისამართები, ან ტესტირებისთვის http:// მისამართზე 127.0.0.1, localhost ან [::1]."
        }
        Key::BlockTranslationsMissing => "{n} მიღებულ ღონისძიებას არ აქვს ტექსტი {party} ენაზე.",
        Key::BlockTranslationsOutdated => {
            "{n} მიღებული ღონისძიების ტექსტი {party} ენაზე მოძველებულია: ორიგინალი მას შემდეგ შეიცვალა."
        }
        Key::RfTextNotOutdated => "ეს თარგმანი აქტუალურია; დასადასტურებელი არაფერია.",
        Key::TextInEn => "ინგლისურად",
        Key::TextInAz => "აზერბაიჯანულად",
        Key::TextInKa => "ქართულად",
        Key::TextsHeading => "სათაური და აღწერა თითოეულ ენაზე",
        Key::TextsHint => {
            "თითოეული მხარე ტექსტს საკუთარ ენაზე წერს: აზერბაიჯანულს – აზერბაიჯანის რესპუბლიკა, ქართულს – საქართველო, ინგლისურს – ინიციატორი მხარე. თარგმანის დამატება ან შესწორება თანხმობას არ აუქმებს."
        }
        Key::TextOriginal => "ორიგინალი",
        Key::TextOutdated => "მოძველებულია: ორიგინალი შეიცვალა",
        Key::TextNotWritten => "ჯერ არ დაწერილა.",
        Key::TextWrittenBy => "{name}, {date}",
        Key::TextWrite => "დაწერა",
        Key::TextConfirm => "კვლავ სწორია",
        Key::LangAdjAz => "აზერბაიჯანულ",
        Key::LangAdjKa => "ქართულ",
        Key::HistText => "დაწერა ტექსტი თავის ენაზე",
        Key::HistTextConfirm => "დაადასტურა, რომ თარგმანი კვლავ სწორია",
        Key::HistReplicated => "მოიტანა ცვლილება, რომელიც მეორე მხარემ საკუთარ სერვერზე შეიტანა",
        Key::HistPeerServer => "მეორე სამინისტროს სერვერი",
        Key::TextSaved => "ტექსტი შენახულია.",

        Key::BoardLanes => "რიგები",
        Key::BoardLanesNone => "ერთი რიგი",
        Key::BoardCompact => "კომპაქტური ბარათები",
        Key::BoardColumnShown => "ნაჩვენები სვეტი",
        Key::WhoDecidesConsent => {
            "თანხმობის შესახებ გადაწყვეტილებას იღებენ თითოეული მხარის კოორდინატორები და არა დამგეგმავები: მიმართეთ თქვენი მხარის კოორდინატორს (ქვემოთ დატოვებული კომენტარი მათ მიაღწევს)."
        }
    }
}
