//! Azerbaijani (Latin script).

use super::{Key, ShellKey};

/// The shell's texts (in the main module of the split build).
pub(super) fn shell(key: ShellKey) -> &'static str {
    match key {
        ShellKey::Tagline => "Azərbaycan–Gürcüstan müdafiə əməkdaşlığı lövhəsi",
        ShellKey::LiveChangedBy => "{name} ({party}) indicə dəyişiklik etdi.",
        ShellKey::SkipToContent => "Məzmuna keçin",
        ShellKey::MainNavigation => "Əsas naviqasiya",
        ShellKey::Language => "Dil",
        ShellKey::NavAgreement => "Saziş",
        ShellKey::Footer => "Azərbaycan Respublikası və Gürcüstan Müdafiə Nazirliklərinin birgə planlaşdırma lövhəsi",
        ShellKey::Loading => "Yüklənir…",
        ShellKey::LoadFailedTitle => "Bu səhifəni yükləmək mümkün olmadı",
        ShellKey::ServerUnreachable => {
            "Concord serveri cavab vermədi. Şəbəkə bağlantınızı yoxlayın və yenidən cəhd edin."
        }
        ShellKey::ServerError => {
            "Concord serveri problem barədə məlumat verdi. Yenidən cəhd edin; problem davam edərsə, administratorunuza bildirin."
        }
        ShellKey::TryAgain => "Yenidən cəhd edin",
        ShellKey::AgreementHeading => "Saziş",
        ShellKey::SignedInOn => "{date} tarixində {place} şəhərində imzalanmışdır.",
        ShellKey::PartiesHeading => "Tərəflər və səlahiyyətli orqanlar",
        ShellKey::CompetentAuthority => "Səlahiyyətli orqan",
        ShellKey::InForceSince => "{date} tarixindən qüvvədədir",
        ShellKey::AreasHeading => "Əməkdaşlıq sahələri",
        ShellKey::FormsHeading => "Əməkdaşlıq formaları",
        ShellKey::NeedsSpecification => "dəqiqləşdirilməlidir",
        ShellKey::NotFoundTitle => "Səhifə tapılmadı",
        ShellKey::NotFoundBody => {
            "Bu ünvanda səhifə yoxdur. Yuxarıdakı naviqasiyadan istifadə edin və ya Sazişə keçin."
        }
        ShellKey::NavAccount => "Hesabım",
        ShellKey::NavUsers => "İstifadəçilər",
        ShellKey::NavTokens => "API tokenləri",
        ShellKey::SignOut => "Çıxış",
        ShellKey::SignedInUser => "Daxil olmuş istifadəçi",
        ShellKey::LoginHeading => "Concord-a daxil olun",
        ShellKey::LoginIntro => {
            "Nazirliyinizin administratorunun sizə verdiyi istifadəçi adı və şifrədən istifadə edin."
        }
        ShellKey::Username => "İstifadəçi adı",
        ShellKey::Password => "Şifrə",
        ShellKey::SignIn => "Daxil ol",
        ShellKey::SigningIn => "Daxil olunur…",
        ShellKey::LoginWrong => "İstifadəçi adı və ya şifrə yanlışdır. Hər ikisini yoxlayıb yenidən cəhd edin.",
        ShellKey::LoginRateLimited => "Həddən artıq uğursuz giriş cəhdi olub. {n} dəqiqədən sonra yenidən cəhd edin.",
        ShellKey::LoginRateLimitedOne => "Həddən artıq uğursuz giriş cəhdi olub. 1 dəqiqədən sonra yenidən cəhd edin.",
        ShellKey::SessionEnded => "Sessiyanız başa çatıb. Zəhmət olmasa, yenidən daxil olun.",
        ShellKey::SignedOut => "Siz sistemdən çıxdınız.",
        ShellKey::ErrRequired => "Bu sahəni doldurun.",
        ShellKey::NavPlans => "Planlar",
        ShellKey::NavInbox => "Gələnlər",
        ShellKey::QueueCount => "Sizi {n} bənd gözləyir.",
        ShellKey::DateFormat => "İİİİ-AA-GG",
        ShellKey::RegNavRegister => "Sənədlər reyestri",
        ShellKey::RegNavAuthorities => "Səlahiyyətli orqanlar",
        ShellKey::NavWho => "Kim nə edir",
        ShellKey::NavAlerts => "Xəbərdarlıqlar",
        ShellKey::AlertsUnread => "{n} oxunmamış",
        ShellKey::NavWebhooks => "Webhook-lar",
    }
}

/// Every other text (in a module of its own in the split build).
pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::Shell(key) => shell(key),
        Key::LiveEditStale => "Redaktə etdiyiniz artıq cari versiya deyil; indi yadda saxlamaq rədd ediləcək.",
        Key::LiveShowNew => "Yeni versiyanı göstər",
        Key::ErrTooShort => "Bu, çox qısadır.",
        Key::PasswordTooShort => "Şifrə ən azı 12 simvoldan ibarət olmalıdır.",
        Key::ErrTooLong => "Bu, çox uzundur.",
        Key::ErrTaken => "Bu istifadəçi adı artıq istifadə olunur.",
        Key::ErrWrongCurrent => "Bu, hazırkı şifrəniz deyil.",
        Key::ErrInvalid => "Bu dəyər düzgün deyil.",
        Key::ErrInPast => "Gələcək tarix seçin.",
        Key::ErrOther => "Bu dəyəri yoxlayın.",
        Key::FormHasErrors => "Bəzi sahələrdə düzəliş lazımdır. Onların yanındakı mesajlara baxın.",
        Key::Forbidden => "Rolunuz buna icazə vermir.",
        Key::Conflict => "Dəyişiklik edilmədi:",
        Key::Stale => "Siz redaktə edərkən kimsə bu istifadəçini dəyişdi. Cari vəziyyəti görmək üçün yenidən yükləyin.",
        Key::Reload => "Yenidən yüklə",
        Key::Cancel => "İmtina",
        Key::Saving => "Yadda saxlanılır…",
        Key::AccountHeading => "Hesabım",
        Key::FullName => "Ad",
        Key::Party => "Tərəf",
        Key::Role => "Rol",
        Key::Position => "Vəzifə",
        Key::ChangePasswordHeading => "Şifrənizi dəyişin",
        Key::ChangePasswordNote => "Şifrənizi dəyişdikdə digər sessiyalarınız başa çatır; bu sessiya açıq qalır.",
        Key::CurrentPassword => "Hazırkı şifrə",
        Key::NewPassword => "Yeni şifrə",
        Key::RepeatPassword => "Yeni şifrəni təkrarlayın",
        Key::PasswordHint => "Ən azı 12 simvol.",
        Key::PasswordsDiffer => "Yeni şifrələr üst-üstə düşmür.",
        Key::PasswordChanged => "Şifrəniz dəyişdirildi. Digər sessiyalarınız başa çatdı.",
        Key::ChangePasswordButton => "Şifrəni dəyiş",
        Key::SessionsHeading => "Daxil olduğunuz sessiyalar",
        Key::Started => "Başlanıb",
        Key::LastActive => "Son fəaliyyət",
        Key::Browser => "Brauzer",
        Key::Address => "IP ünvanı",
        Key::ThisSession => "Bu sessiya",
        Key::Unknown => "naməlum",
        Key::EndSession => "Sessiyanı bitir",
        Key::NoOtherSessions => "Başqa heç bir yerdə daxil olmamısınız.",
        Key::SessionRevoked => "Sessiya bitirildi.",
        Key::Actions => "Əməliyyatlar",
        Key::UsersHeading => "İstifadəçilər",
        Key::UsersIntro => "Nazirliyinizin Concord-a daxil ola bilən əməkdaşları.",
        Key::DisplayName => "Görünən ad",
        Key::Status => "Status",
        Key::Active => "aktiv",
        Key::Disabled => "deaktiv",
        Key::NoUsers => "Hələ istifadəçi yoxdur. İlkini aşağıdakı forma ilə əlavə edin.",
        Key::AddUserHeading => "İstifadəçi əlavə edin",
        Key::UsernameHint => "3–64 simvol: a–z, 0–9, nöqtə, alt xətt və ya defis.",
        Key::InitialPassword => "İlkin şifrə",
        Key::AddUser => "İstifadəçini əlavə et",
        Key::UserAdded => "{name} istifadəçisi əlavə edildi.",
        Key::RoleOf => "{name}: rol",
        Key::ApplyRole => "Rolu dəyiş",
        Key::Disable => "Deaktiv et",
        Key::Enable => "Aktiv et",
        Key::ResetPassword => "Yeni şifrə təyin et",
        Key::NewPasswordFor => "{name} üçün yeni şifrə",
        Key::SetPassword => "Şifrəni təyin et",
        Key::PasswordSetFor => "{name} üçün yeni şifrə təyin edildi; onun sessiyaları başa çatdı.",
        Key::UserSaved => "{name} üzrə dəyişikliklər yadda saxlanıldı.",
        Key::You => "siz",
        Key::TokensHeading => "API tokenləri",
        Key::TokensIntro => {
            "API tokenləri digər sistemlərə Concord API-dən nazirliyiniz adından, verdiyiniz rolla istifadə etməyə imkan verir."
        }
        Key::TokenName => "Ad",
        Key::TokenNameHint => "Tokenin təyinatı, məsələn, ondan istifadə edən sistem.",
        Key::CreatedBy => "Yaradan",
        Key::Created => "Yaradılıb",
        Key::Expires => "Bitmə tarixi",
        Key::LastUsed => "Son istifadə",
        Key::Never => "heç vaxt",
        Key::NoExpiry => "müddətsiz",
        Key::StatusRevoked => "ləğv edilib",
        Key::StatusExpired => "müddəti bitib",
        Key::NoTokens => "Hələ API tokeni yoxdur. Başqa sistemə Concord-a giriş lazım olduqda aşağıda token yaradın.",
        Key::CreateTokenHeading => "Token yaradın",
        Key::ExpiresOn => "Bitmə tarixi (istəyə bağlı)",
        Key::ExpiresOnHint => "Müddətsiz token üçün boş saxlayın. Token həmin günün sonunda işləməyi dayandırır.",
        Key::CreateToken => "Token yarat",
        Key::TokenCreated => "{name} tokeni yaradıldı.",
        Key::TokenOnce => "Bu tokeni indi kopyalayın və etibarlı yerdə saxlayın. O, bir daha göstərilməyəcək.",
        Key::TheToken => "Token",
        Key::Copy => "Kopyala",
        Key::Copied => "Mübadilə buferinə kopyalandı.",
        Key::CopyFailed => "Kopyalamaq mümkün olmadı. Tokeni seçib özünüz kopyalayın.",
        Key::TokenDone => "Kopyaladım",
        Key::FeedHeading => "Təqvim lenti",
        Key::FeedIntro => {
            "Görə bildiyiniz tədbirlərə təqvim proqramınızdan (Outlook, Thunderbird, telefon) abunə olun: tarixi müəyyən tədbirlər bütün günlük hadisələr, təxmini aylar isə ay boyu təxmini hadisələr kimi göstərilir. Ünvan məxfidir: onu bilən hər kəs sizin gördüyünüzü görür. Onu ləğv etdikdə və ya hesabınız bloklandıqda fəaliyyətini dayandırır."
        }
        Key::FeedName => "Ad (məsələn, təqvim proqramı)",
        Key::FeedCreate => "Lent ünvanı yaradın",
        Key::FeedOnce => "Bu ünvanı indi təqvim proqramınıza köçürün və məxfi saxlayın. O, bir daha göstərilməyəcək.",
        Key::FeedAddress => "Lentin ünvanı",
        Key::NoFeeds => "Hələ təqvim lenti yoxdur.",
        Key::FeedRevoked => "{name} lenti ləğv edildi.",
        Key::ImportHeading => "Cədvəldən idxal",
        Key::ImportIntro => {
            "Şablonu yükləyin, hər sətirdə bir tədbir doldurun və faylı yoxlayın: hər problem sətir və sütunla göstərilir, siz təsdiq edənədək heç nə yaradılmır. Sonra bütün sətirlər birlikdə tərəfinizin məxfi layihələrinə çevrilir, ya da heç biri."
        }
        Key::ImportTemplate => "Şablonu yükləyin",
        Key::ImportFile => "Doldurulmuş şablon (XLSX və ya eyni sütunlu CSV)",
        Key::ImportCheck => "Faylı yoxlayın",
        Key::ImportReady => "{name} tədbir tərəfinizin layihələri kimi yaradılmağa hazırdır.",
        Key::ImportFaults => "Bu problemləri düzəldin və faylı yenidən yoxlayın. Heç nə yaradılmayıb.",
        Key::ImportConfirm => "Layihələri yaradın",
        Key::ImportDone => "{name} layihə yaradıldı.",
        Key::ImportRow => "Sətir",
        Key::Revoke => "Ləğv et",
        Key::RevokeConfirm => "{name} ləğv edilsin? Bu tokendən istifadə edən sistemlər dərhal işləməyi dayandıracaq.",
        Key::ConfirmRevoke => "Bəli, ləğv et",
        Key::KeepToken => "Saxla",
        Key::TokenRevoked => "{name} tokeni ləğv edildi.",
        Key::PlansHeading => "İllik əməkdaşlıq planları",
        Key::PlansIntro => {
            "Hər təqvim ili üçün bir plan. Lövhəni, cədvəli və tərəfinizi gözləyənləri görmək üçün planı açın."
        }
        Key::NoPlans => "Hələ plan yoxdur. İstənilən tərəfin koordinatoru il üçün plan yarada bilər.",
        Key::PlanOfYear => "{year} illik əməkdaşlıq planı",
        Key::PlanViews => "Planın görünüşləri",
        Key::TabOverview => "Plan",
        Key::TabBoard => "Lövhə",
        Key::TabTable => "Cədvəl",
        Key::TabInbox => "Tərəfimi gözləyənlər",
        Key::PlanState => "Vəziyyət",
        Key::ActivitiesInPlan => "Plandakı tədbirlər",
        Key::PlanSignedAmendingDrafting => "imzalanıb — {n} saylı dəyişiklik hazırlanır",
        Key::PlanSignedAmendingNegotiation => "imzalanıb — {n} saylı dəyişiklik üzrə danışıqlar gedir",
        Key::PlanSignedAmendingAgreed => "imzalanıb — {n} saylı dəyişiklik razılaşdırılıb",
        Key::OpenPlan => "{year} ili üçün planı aç",
        Key::PlanListCount => "planda {n} tədbir",
        Key::ActivitiesInPlanHint => "Paylaşılmış, rədd edilməmiş və geri götürülməmiş tədbirlər.",
        Key::ActivitiesYouSee => "Gördüyünüz bütün tədbirlər, layihələr daxil olmaqla",
        Key::ActivitiesYouSeeHint => {
            "Tərəfinizin layihələri, rədd edilmiş və geri götürülmüş tədbirlər də daxildir: lövhə və cədvəl hamısını göstərir."
        }
        Key::NextStepHeading => "Növbəti addımı nə əngəlləyir",
        Key::NothingBlocks => "Növbəti addımı heç nə əngəlləmir.",
        Key::BlockAwaitingConsent => "{n} tədbir {party} tərəfinin razılığını gözləyir.",
        Key::BlockChangesRequested => {
            "{n} tədbirdə dəyişiklik istənilib; onları təklif edən tərəf yenidən işləməlidir."
        }
        Key::BlockNoAccepted => "Hələ heç bir tədbir hər iki tərəf tərəfindən qəbul edilməyib.",
        Key::BlockAwaitingConfirmation => "Təklif olunan addım {party} tərəfinin koordinatorunun təsdiqini gözləyir.",
        Key::BlockNeedsProposal => "Növbəti addımı istənilən tərəfin koordinatoru təklif etməlidir.",
        Key::BlockOther => "Növbəti addımı başqa bir şey əngəlləyir.",
        Key::ProposalHeading => "Təsdiq gözləyən addım",
        Key::ProposalText => "{name} ({party}) {date} tarixində planı “{state}” vəziyyətinə keçirməyi təklif edib.",
        Key::ConfirmHint => "Addım yalnız digər tərəfin koordinatoru təsdiq etdikdə qüvvəyə minir.",
        Key::DeclineReason => "İmtina səbəbi",
        Key::ConfirmStep => "Addımı təsdiqlə",
        Key::DeclineStep => "İmtina et",
        Key::AwaitingOther => "{party} tərəfinin koordinatorunun təsdiqi gözlənilir.",
        Key::WithdrawStep => "Təklifi geri götür",
        Key::ProposeStep => "Təklif et: {state}",
        Key::NewActivity => "Yeni tədbir",
        Key::NewActivityIn => "{year} planında yeni tədbir",
        Key::NewActivityIntro => {
            "Yeni tədbir tərəfinizin layihəsidir: digər tərəf onu yalnız siz paylaşdıqdan sonra görür."
        }
        Key::ConsentDraft => "layihə",
        Key::ConsentPending => "razılıq gözlənilir",
        Key::ConsentChangesRequested => "dəyişiklik istənilib",
        Key::ConsentAcceptedByAz => "AZ qəbul edib",
        Key::ConsentAcceptedByGe => "GE qəbul edib",
        Key::ConsentAccepted => "hər iki tərəf qəbul edib",
        Key::ConsentRejected => "rədd edilib",
        Key::ConsentWithdrawn => "geri götürülüb",
        Key::DecisionPending => "gözlənilir",
        Key::DecisionAccepted => "qəbul edib",
        Key::DecisionRejected => "rədd edib",
        Key::DecisionChangesRequested => "dəyişiklik istəyib",
        Key::All => "Hamısı",
        Key::Choose => "Seçin…",
        Key::Filters => "Filtrlər",
        Key::Area => "Əməkdaşlıq sahəsi",
        Key::AreaOther => "Sahəni dəqiqləşdirin",
        Key::Form => "Əməkdaşlıq forması",
        Key::FormOther => "Formanı dəqiqləşdirin",
        Key::ProposingParty => "Təklif edən tərəf",
        Key::HostParty => "Qəbul edən tərəf",
        Key::Month => "Ay",
        Key::SearchText => "Axtarış",
        Key::HostedBy => "qəbul edən {party}",
        Key::NotShared => "hələ paylaşılmayıb",
        Key::NoActivitiesMatch => {
            "Bu filtrlərə uyğun tədbir yoxdur. Filtri təmizləyin və ya plan səhifəsindən yeni tədbir hazırlayın."
        }
        Key::Reference => "İstinad kodu",
        Key::Title => "Ad",
        Key::When => "Vaxt",
        Key::Consent => "Razılıq",
        Key::Updated => "Son dəyişiklik",
        Key::PageOf => "Səhifə {page} / {pages} ({n} tədbir)",
        Key::PreviousPage => "Əvvəlki səhifə",
        Key::NextPage => "Növbəti səhifə",
        Key::ChooseColumns => "Göstəriləcək sütunlar",
        Key::InboxHeading => "Tərəfimi gözləyənlər",
        Key::InboxEmpty => "Bu planda tərəfinizi heç nə gözləmir. Digər tədbirləri izləmək üçün lövhəyə baxın.",
        Key::InboxCount => "{n} tədbir tərəfinizin addımını gözləyir, ən yenisi birinci.",
        Key::QueueIntro => "Bütün plan və dəyişikliklərdə tərəfinizi və rolunuzu gözləyən hər şey, ən yenisi birinci.",
        Key::QueueEmpty => {
            "Hazırda sizi heç nə gözləmir. Digər tərəf tədbir paylaşdıqda, dəyişiklik istədikdə, planın mərhələsini təklif etdikdə və ya diplomatik bildiriş göndərdikdə yeni bəndlər burada görünür. Bütün tədbirləri izləmək üçün «Planlar» bölməsində planı açın."
        }
        Key::QueuePlan => "{year} planı",
        Key::QueueAmendment => "{year} planı, {n} saylı dəyişiklik",
        Key::QueueNotes => "Diplomatik bildirişlər",
        Key::QueueSince => "{date} tarixindən",
        Key::QueueStepTo => "təklif olunub: {state}",
        Key::QueueSelect => "«{title}» seçin",
        Key::QueueSelectAll => "{year} planında razılıq gözləyənlərin hamısını seçin",
        Key::BulkLegend => "Seçilmiş tədbirlər üzrə qərar",
        Key::BulkSelected => "{n} seçilib",
        Key::BulkComment => "Hamısı üçün şərh (rədd etmək və ya dəyişiklik istəmək üçün tələb olunur)",
        Key::BulkCommentNeeded => "Rədd etmək və ya dəyişiklik istəmək üçün şərh yazın.",
        Key::BulkNoneSelected => "Əvvəlcə ən azı bir tədbir seçin.",
        Key::BulkDone => "{n} tədbir üzrə icra olundu.",
        Key::BulkRefused => "{n} tədbir üzrə imtina edildi:",
        Key::BulkWorking => "Qərar verilir…",
        Key::TableSelectAll => "Bu səhifədə qərar verə biləcəyiniz bütün tədbirləri seçin",
        Key::Description => "Təsvir",
        Key::Location => "Yer",
        Key::StartDate => "Başlama tarixi",
        Key::EndDate => "Bitmə tarixi",
        Key::Cost => "Xərclərin ödənilməsi",
        Key::CostSending => "göndərən tərəf ödəyir",
        Key::CostHost => "qəbul edən tərəf ödəyir",
        Key::CostShared => "birgə",
        Key::CostThird => "üçüncü tərəf maliyyələşdirir",
        Key::ExactDates => "dəqiq tarixlər",
        Key::TentativeMonth => "təxmini ay",
        Key::Participants => "İştirakçılar",
        Key::ParticipantsN => "{n} iştirakçı",
        Key::ResponsibleUnit => "Məsul bölmə",
        Key::PointOfContact => "Əlaqələndirici şəxs",
        Key::Substance => "Tədbir",
        Key::OwnSide => "{party} tərəfi",
        Key::SideOf => "{party} tərəfi",
        Key::Save => "Yadda saxla",
        Key::UnsavedChanges => "Yadda saxlanmamış dəyişiklikləriniz var.",
        Key::DiscardChanges => "Yadda saxlanmamış dəyişikliklər ləğv edilsin?",
        Key::ErrOutsideYear => "Planın ilinə aid tarix seçin.",
        Key::ErrBeforeStart => "Bitmə tarixi başlama tarixindən əvvəl ola bilməz.",
        Key::ErrOutOfRange => "0-dan 10 000-ə qədər tam ədəd daxil edin.",
        Key::ChangedWhileEditing => {
            "Siz redaktə edərkən {party} bu tədbiri dəyişdi. Dəyişiklikləriniz hələ yadda saxlanmayıb."
        }
        Key::ChangedWhileEditingSomeone => {
            "Siz redaktə edərkən kimsə bu tədbiri dəyişdi. Dəyişiklikləriniz hələ yadda saxlanmayıb."
        }
        Key::ReloadDiscard => "Cari versiyanı yenidən yüklə",
        Key::ReviewDifference => "Fərqə baxın",
        Key::FieldName => "Sahə",
        Key::YourValue => "Sizin variant",
        Key::CurrentValue => "Cari versiya",
        Key::BackToBoard => "{year} planının lövhəsi",
        Key::Edit => "Redaktə et",
        Key::EditActivity => "Tədbiri redaktə et",
        Key::Share => "Digər tərəflə paylaş",
        Key::Shared => "Tədbir digər tərəflə paylaşıldı.",
        Key::Withdraw => "Geri götür",
        Key::Withdrawn => "Tədbir plandan geri götürüldü.",
        Key::WithdrawQuestion => {
            "Bu tədbir plandan geri götürülsün? Digər tərəf onu geri götürülmüş kimi görəcək və o, artıq plana daxil sayılmayacaq."
        }
        Key::ConfirmWithdraw => "Bəli, geri götür",
        Key::KeepActivity => "Saxla",
        Key::DeleteDraft => "Layihəni sil",
        Key::DeleteDraftQuestion => {
            "Bu layihə silinsin? O, heç vaxt paylaşılmayıb, ona görə də onu yalnız sizin tərəf görüb; onu bərpa etmək mümkün olmayacaq."
        }
        Key::ConfirmDeleteDraft => "Bəli, layihəni sil",
        Key::ActivitySaved => "Tədbir yadda saxlanıldı.",
        Key::ConsentHeading => "Tərəfinizin razılığı",
        Key::YourDecision => "Qərarınız",
        Key::Accept => "Qəbul et",
        Key::RequestChanges => "Dəyişiklik istə",
        Key::Reject => "Rədd et",
        Key::Comment => "Şərh",
        Key::CommentHint => {
            "Rədd etmək və ya dəyişiklik istəmək üçün tələb olunur; hər iki tərəfin gördüyü şərhlərə əlavə olunur."
        }
        Key::ChooseDecision => "Qərar seçin.",
        Key::CommentNeeded => "Səbəbi şərhdə bildirin.",
        Key::SendDecision => "Qərarı göndər",
        Key::DecisionRecorded => "Tərəfinizin qərarı qeydə alındı.",
        Key::CommentsHeading => "Hər iki tərəfin şərhləri",
        Key::NoComments => "Hələ şərh yoxdur. İlk şərhi aşağıda yazın.",
        Key::AddComment => "Şərhiniz",
        Key::SendComment => "Şərhi göndər",
        Key::NotesHeading => "Daxili qeydlər",
        Key::NotesOnlyFor => "Yalnız {authority} üçün görünür. Digər tərəf bu qeydləri heç vaxt görmür.",
        Key::NoNotes => "Hələ daxili qeyd yoxdur.",
        Key::AddNote => "Yeni daxili qeyd",
        Key::SaveNote => "Daxili qeydi yadda saxla",
        // Register (instruments, authorities, notifications)
        Key::RegHeading => "Sənədlər reyestri",
        Key::RegIntro => {
            "Saziş, əlavə sazişlər, imzalanmış illik əməkdaşlıq planları və onlara dəyişikliklər, protokollar və iclas qeydləri. Status qeydə alınmış tarixlərdən asılıdır."
        }
        Key::RegRecord => "Sənədi qeydə al",
        Key::RegFilters => "Reyestri süz",
        Key::RegSearch => "Ad və ya nömrə üzrə axtarış",
        Key::RegAny => "Hamısı",
        Key::RegYear => "İmza ili",
        Key::RegNoMatch => "Bu süzgəclərə uyğun sənəd yoxdur.",
        Key::RegTitle => "Ad",
        Key::RegNumber => "Nömrə",
        Key::RegKind => "Növ",
        Key::RegSignedOn => "İmza tarixi",
        Key::RegSignedAt => "İmza yeri",
        Key::RegInForceOn => "Qüvvəyə minmə",
        Key::RegTerminatedOn => "Qüvvədən düşmə",
        Key::RegKindBase => "Saziş",
        Key::RegKindAdditional => "əlavə saziş",
        Key::RegKindPlan => "illik əməkdaşlıq planı",
        Key::RegKindAmendment => "dəyişiklik",
        Key::RegKindProtocol => "protokol",
        Key::RegKindMinutes => "iclas qeydləri",
        Key::RegStatusUnsigned => "imzalanmayıb",
        Key::RegStatusSigned => "imzalanıb",
        Key::RegStatusInForce => "qüvvədədir",
        Key::RegStatusTerminated => "qüvvədən düşüb",
        Key::RegBack => "← Sənədlər reyestri",
        Key::RegEdit => "Redaktə et",
        Key::RegSides => "İmzalayanlar və daxili prosedurlar",
        Key::RegParty => "Tərəf",
        Key::RegSignatory => "İmzalayan",
        Key::RegPosition => "Vəzifə",
        Key::RegProcedures => "Daxili prosedurlar",
        Key::RegProceduresOn => "Prosedurların başa çatma tarixi",
        Key::RegTimeline => "Xronologiya",
        Key::RegNoDates => "Hələ tarix qeydə alınmayıb.",
        Key::RegEventSigned => "imzalanıb",
        Key::RegEventProcedures => "daxili prosedurlar başa çatıb",
        Key::RegEventInForce => "qüvvəyə minib",
        Key::RegEventTerminated => "qüvvədən düşüb",
        Key::RegRelated => "Əlaqəli sənədlər",
        Key::RegNoRelated => "Əlaqəli sənəd yoxdur.",
        Key::RegDocuments => "Fayllar",
        Key::RegNoDocuments => "Hələ fayl əlavə edilməyib.",
        Key::RegFile => "Fayl",
        Key::RegSize => "Ölçü",
        Key::RegSha256 => "SHA-256 yoxlama cəmi",
        Key::RegUploadedBy => "Yükləyən",
        Key::RegUploadedAt => "Yüklənmə vaxtı",
        Key::RegAttach => "Fayl əlavə et",
        Key::RegUploadHint => {
            "PDF, Word, Excel, PowerPoint və ya OpenDocument (.pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp), server başqa cür qurulmayıbsa, ən çoxu 25 MB."
        }
        Key::RegUpload => "Yüklə",
        Key::RegUploading => "Yüklənir…",
        Key::RegUploadBusy => "Fayl göndərilir və serverdə yoxlanılır…",
        Key::RegUploaded => "{name} əlavə edildi.",
        Key::RegChooseFile => "Əvvəlcə fayl seçin.",
        Key::RegUnreadable => "Faylı oxumaq mümkün olmadı. Onu yenidən seçin.",
        Key::RegTooLarge => "Fayl çox böyükdür: ən çoxu {mb} MB qəbul edilir.",
        Key::RegWrongType => {
            "Bu növ fayl qəbul edilmir. PDF, Word, Excel, PowerPoint və ya OpenDocument faylı əlavə edin."
        }
        Key::RegTypeMismatch => {
            "Faylın məzmunu onun növünə uyğun gəlmir. Onu öz proqramında yenidən saxlayıb təkrar cəhd edin."
        }
        Key::RegEmptyFile => "Fayl boşdur.",
        Key::RegBadFilename => {
            "Fayl adının uzantısı məzmuna uyğun deyil və ya ad yolverilməzdir. Faylın adını dəyişib təkrar cəhd edin."
        }
        Key::RegRecordHeading => "Sənədi qeydə al",
        Key::RegEditHeading => "Sənədi redaktə et",
        Key::RegSave => "Yadda saxla",
        Key::RegCancel => "Ləğv et",
        Key::RegStale => {
            "Siz açdıqdan sonra bu sənədi başqası dəyişib, ona görə dəyişiklikləriniz saxlanmadı. Cari versiyanı görmək üçün yenidən yükləyin və dəyişiklikləri təkrar edin."
        }
        Key::RegReload => "Yenidən yüklə",
        Key::RegAuthHeading => "Səlahiyyətli orqanlar və diplomatik bildirişlər",
        Key::RegAuthIntro => {
            "Tərəfin səlahiyyətli orqanının dəyişməsi yalnız onu bildirən diplomatik bildiriş qeydə alındıqdan sonra qüvvəyə minir."
        }
        Key::RegHistoryHeading => "Səlahiyyətli orqanların tarixçəsi",
        Key::RegAuthName => "Səlahiyyətli orqan",
        Key::RegValidFrom => "Qüvvədədir (başlanğıc)",
        Key::RegValidTo => "Qüvvədədir (son)",
        Key::RegPendingHeading => "Tərəfinizin gözləyən dəyişiklikləri",
        Key::RegPendingIntro => "Bildiriş qeydə alınana qədər bunları yalnız sizin tərəf görür.",
        Key::RegProposedFrom => "{date} tarixindən qüvvəyə minməsi təklif olunur",
        Key::RegProposeHeading => "Tərəfinizin səlahiyyətli orqanının dəyişməsini daxil edin",
        Key::RegNameEn => "Adı ingiliscə",
        Key::RegNameAz => "Adı azərbaycanca",
        Key::RegNameKa => "Adı gürcücə",
        Key::RegEnterChange => "Dəyişikliyi daxil et",
        Key::RegChangeEntered => "{name} dəyişikliyi daxil edildi. Bildirişi qeydə alındıqdan sonra qüvvəyə minəcək.",
        Key::RegRecordNotification => "Diplomatik bildirişi qeydə al",
        Key::RegNotificationFor => "{name} barədə diplomatik bildiriş",
        Key::RegNotificationRecorded => "{name} bildirişi qeydə alındı.",
        Key::RegEffectiveOn => "Qüvvəyə minmə tarixi",
        Key::RegEffectiveHint => "Bildirişin qeydə alındığı gündən, yəni bu gündən əvvəl ola bilməz.",
        Key::RegLogHeading => "Diplomatik bildirişlər",
        Key::RegSendingParty => "Göndərən",
        Key::RegNoteNumber => "Notanın nömrəsi",
        Key::RegSubject => "Mövzu",
        Key::RegSentOn => "Göndərilmə tarixi",
        Key::RegReceivedOn => "Alınma tarixi",
        Key::RegAcknowledged => "Təsdiq",
        Key::HistoryHeading => "Tarixçə",
        Key::NoHistory => "Hələ heç nə qeydə alınmayıb.",
        Key::HistoryLatest => "{total} qeyddən ən son {n} qeyd.",
        Key::HistCreated => "tədbirin layihəsini hazırladı",
        Key::HistUpdated => "tədbirə dəyişiklik etdi",
        Key::HistShared => "digər tərəflə paylaşdı",
        Key::HistWithdrawn => "plandan geri götürdü",
        Key::HistConsent => "öz tərəfinin qərarını qeyd etdi",
        Key::HistExecution => "icra vəziyyətini yenilədi",
        Key::HistSummary => "tədbirdən sonrakı xülasəni yazdı",
        Key::HistComment => "şərh yazdı",
        Key::HistNote => "daxili qeyd əlavə etdi",
        Key::FieldExecution => "İcra vəziyyəti",
        Key::FieldExecutionReason => "Səbəb",
        Key::FieldSummary => "Tədbirdən sonrakı xülasə",
        Key::FieldCarriedFrom => "Köçürüldüyü tədbir",
        Key::ExecPlanned => "planlaşdırılıb",
        Key::ExecConfirmed => "təsdiqlənib",
        Key::ExecHeld => "keçirilib",
        Key::ExecPostponed => "təxirə salınıb",
        Key::ExecCancelled => "ləğv edilib",
        // --- register2 ---
        Key::RegPageOfNotes => "Səhifə {page} / {pages} ({n} bildiriş)",
        Key::RegPageOfInstruments => "Səhifə {page} / {pages} ({n} sənəd)",
        Key::RegEditChange => "Dəyişikliyi redaktə et",
        Key::RegSaveChange => "Dəyişikliyi yadda saxla",
        Key::RegWithdrawChange => "Dəyişikliyi geri götür",
        Key::RegWithdrawQuestion => {
            "Bu gözləyən dəyişiklik geri götürülsün? Barəsində bildiriş göndərilməyib, ona görə də heç nə qüvvədə qalmır."
        }
        Key::RegConfirmWithdraw => "Bəli, geri götür",
        Key::RegChangeSaved => "{name} gözləyən dəyişikliyi yadda saxlanıldı.",
        Key::RegChangeWithdrawn => "{name} gözləyən dəyişikliyi geri götürüldü.",
        Key::RegChangedMeanwhile => {
            "Bu arada kimsə bunu dəyişdi. Səhifədə indi cari versiya göstərilir; yoxlayıb yenidən cəhd edin."
        }
        Key::RegNoteDetails => "Təfərrüatlar",
        Key::RegOpenNote => "Fayllar və alınma",
        Key::RegNoteHeading => "{number} saylı nota",
        Key::RegReceiptHeading => "Alınma və təsdiq",
        Key::RegAcknowledgedOn => "Təsdiq tarixi",
        Key::RegAckText => "Təsdiq (notanın nömrəsi və ya mətni)",
        Key::RegSaveReceipt => "Alınmanı qeydə al",
        Key::RegReceiptSaved => "{name} saylı notanın alınması qeydə alındı.",
        Key::RegReceiptByReceiver => "Alınma və təsdiqi notanı alan tərəf qeydə alır.",
        Key::RegNoteFile => "Notanın faylı (istəyə bağlı)",
        Key::RegNoteFileRefused => {
            "Bildiriş qeydə alındı, lakin faylı əlavə edilmədi: {reason} Onu aşağıda, bildirişin altında yenidən əlavə edin."
        }
        Key::RegClose => "Bağla",
        // --- lifecycle ---
        Key::LcWorking => "İcra olunur…",
        Key::LcStale => {
            "Siz yüklədikdən sonra plan və ya tədbir dəyişib (başqası əməliyyat aparıb). Heç nə saxlanılmadı: yenidən yükləyin, yoxlayın və təkrar cəhd edin."
        }
        Key::LcReload => "Yenidən yüklə",
        Key::LcErrInFuture => "Tarix gələcəkdə ola bilməz.",
        Key::LcErrTooEarly => "Tarix Sazişin imzalandığı gündən (24 aprel 2023) əvvəl ola bilməz.",
        Key::LcAmendmentHeading => "{n} saylı dəyişiklik hazırlanır",
        Key::LcAmendmentText => {
            "Bu plan imzalanmış {n} saylı versiyaya dəyişiklik edir: {next} saylı versiya ilkin plan kimi razılaşdırılır və imzalanır. Hər iki tərəf onu imzalayana qədər {n} saylı versiya qüvvədə qalır."
        }
        Key::LcSeeVersion => "İmzalanmış {n} saylı versiya",
        Key::LcCompareWithSigned => "Dəyişikliyin {n} saylı versiyada dəyişdirdikləri",
        Key::LcAmendHint => {
            "İmzalanmış plana dəyişikliklər düzəliş yolu ilə edilir: hər iki tərəfin razılaşdırıb imzaladığı yeni versiya. Bu müddətdə imzalanmış versiya qüvvədə qalır."
        }
        Key::LcOpenAmendment => "Dəyişiklik aç",
        Key::LcSignaturesHeading => "İmzalar",
        Key::LcNotSigned => "Hələ imzalanmayıb",
        Key::LcSignatureText => "{name}, {position} — {place}, {date} tarixində imzalayıb (qeyd edən: {by})",
        Key::LcSignHeading => "Tərəfinizin imzasını qeyd edin",
        Key::LcSignHint => {
            "Razılaşdırılmış planı nazirliyiniz adından kimin, nə vaxt və harada imzaladığını qeyd edin. Hər iki tərəf imzasını qeyd etdikdə plan imzalanmış olur; onun versiyası SHA-256 ilə dondurulur."
        }
        Key::LcSignatory => "İmzalayan şəxs",
        Key::LcPosition => "Vəzifə",
        Key::LcSignedOn => "İmzalanma tarixi",
        Key::LcPlace => "İmzalanma yeri",
        Key::LcSign => "İmzanı qeyd et",
        Key::LcSignedVersionHeading => "İmzalanmış {n} saylı versiya",
        Key::LcVersionNumber => "Versiya",
        Key::LcFrozenAt => "Dondurulub (hər iki imza qeyd olunub)",
        Key::LcAllVersions => "Bütün versiyalar",
        Key::LcComparePrevious => "{n} saylı versiya ilə müqayisə et",
        Key::LcNoVersions => "Bu planın heç bir versiyası hələ imzalanmayıb.",
        Key::LcCarryHeading => "{year} planına köçürmə",
        Key::LcCarryHint => {
            "Tərəfinizin bu planda keçirilməmiş tədbirləri {year} planında tərəfinizin yeni layihələrinə çevrilə bilər (ilkin tədbirlə əlaqəli). Hər biri bir dəfə köçürülür; {year} planı mövcud olmalı və yeni tədbirlər qəbul etməlidir."
        }
        Key::LcCarryChoose => "Keçirilməmiş tədbirlər",
        Key::LcChooseActivities => "Ən azı bir tədbir seçin.",
        Key::LcCarrySubmit => "{year} planına köçür",
        Key::LcCarried => "{year} planında {n} yeni layihə:",
        Key::LcNothingToCarry => "Tərəfinizin bu plandakı bütün tədbirləri keçirilib və ya artıq köçürülüb.",
        Key::LcErrCarried => "Bu tədbir artıq köçürülüb.",
        Key::LcErrNotCarriable => "Yalnız imzalanmış planın keçirilməmiş tədbirləri köçürülür.",
        Key::LcCloseAfter => "Plan hər iki tərəf tərəfindən yalnız {year} il 31 dekabrdan sonra bağlana bilər.",
        Key::LcVersionsHeading => "İmzalanmış versiyalar",
        Key::LcVersionsCaption => "Hər imzalanmış versiya dondurulur: onun snapşotu və SHA-256-sı heç vaxt dəyişmir.",
        Key::LcSignedDates => "İmzalanıb",
        Key::LcVersionN => "{n} saylı versiya",
        Key::LcVersionInProgress => "{n} saylı versiya (dəyişiklik hazırlanır)",
        Key::LcCompareHeading => "İki versiyanı müqayisə et",
        Key::LcCompareFrom => "Haradan",
        Key::LcCompareTo => "Hara",
        Key::LcCompare => "Müqayisə et",
        Key::LcFrozenHint => "Plan hər iki tərəfin imzaladığı kimi, yalnız oxumaq üçün.",
        Key::LcSnapshotCaption => "Bu versiyada {n} tədbir",
        Key::LcCompareTitle => "{from} saylı versiyanın {to} saylı versiya ilə müqayisəsi",
        Key::LcCompareDraftHint => {
            "{n} saylı versiya hələ razılaşdırılır: burada planın hazırkı vəziyyəti göstərilir, imzalanmış versiya deyil."
        }
        Key::LcCompareSummary => "{added} əlavə edilib, {removed} çıxarılıb, {changed} dəyişdirilib.",
        Key::LcAddedHeading => "Əlavə edilmiş tədbirlər",
        Key::LcRemovedHeading => "Çıxarılmış tədbirlər",
        Key::LcChangedHeading => "Dəyişdirilmiş tədbirlər",
        Key::LcNone => "Yoxdur.",
        Key::LcMarkAdded => "[+ əlavə edilib]",
        Key::LcMarkRemoved => "[− çıxarılıb]",
        Key::LcMarkChanged => "[≠ dəyişib]",
        Key::LcField => "Sahə",
        Key::LcChange => "Dəyişiklik",
        Key::LcExecutionHeading => "İcra",
        Key::LcNewStatus => "Yeni vəziyyət",
        Key::LcChooseStatus => "Yeni vəziyyəti seçin.",
        Key::LcReasonHint => "Tədbir təxirə salındıqda və ya ləğv edildikdə səbəbini göstərin.",
        Key::LcSetStatus => "Vəziyyəti təyin et",
        Key::LcStatusSaved => "İcra vəziyyəti yeniləndi.",
        Key::LcExecutionFinal => "Keçirilib və ləğv edilib vəziyyətləri yekundur: vəziyyət artıq dəyişmir.",
        Key::LcSummaryOf => "{party} xülasəsi",
        Key::LcOwnSummary => "Tərəfinizin tədbirdən sonrakı xülasəsi",
        Key::LcSaveSummary => "Xülasəni saxla",
        Key::LcSummarySaved => "Tərəfinizin xülasəsi saxlanıldı.",
        // --- views ---
        Key::ViewsTabCalendar => "Təqvim",
        Key::ViewsTabTimeline => "Zaman xətti",
        Key::ViewsTabDashboard => "Göstəricilər",
        Key::ViewsMonthNav => "Ayı seçin",
        Key::ViewsPrevMonth => "Əvvəlki ay",
        Key::ViewsNextMonth => "Növbəti ay",
        Key::ViewsWeekdays => "B.e.,Ç.a.,Ç.,C.a.,C.,Ş.,B.",
        Key::ViewsNothingThisMonth => "Bu ay filtrlərə uyğun tədbir yoxdur.",
        Key::ViewsTentativeIn => "{month}: ehtimal olunan tədbirlər (tarixlər hələ yoxdur)",
        Key::ViewsTentative => "ehtimali, yalnız ay",
        Key::ViewsAsTable => "Cədvəl şəklində",
        Key::ViewsCount => "Tədbirlər",
        Key::ViewsHosts => "{party} qəbul edir",
        Key::ViewsSends => "{party} göndərir",
        Key::ViewsTotal => "Gördüyünüz {n} tədbir, tərəfinizin layihələri daxil olmaqla.",
        Key::ViewsByConsent => "Razılıq vəziyyətinə görə tədbirlər",
        Key::ViewsByArea => "Əməkdaşlıq sahələrinə görə tədbirlər",
        Key::ViewsByForm => "Əməkdaşlıq formalarına görə tədbirlər",
        Key::ViewsReciprocity => "Qarşılıqlılıq: hər tərəfin qəbul etdiyi tədbirlər və göndərdiyi nümayəndə heyətləri",
        Key::ViewsSignedReciprocity => "İmzalanmış planda qarşılıqlılıq",
        Key::ViewsOpen => "hələ keçirilməyib",
        Key::ViewsReportFinal => "İmzalanmış {version} versiyasının icra hesabatı (yekun: plan bağlanıb)",
        Key::ViewsReportOngoing => "İmzalanmış {version} versiyasının indiyədək icrası",
        Key::ViewsRate => "İcra səviyyəsi: {rate}% keçirilib ({total} tədbirdən {held})",
        Key::ViewsShareHeld => "Keçirilmə payı",
        Key::RfRoleTooLow => "Rolunuz buna icazə vermir. Nazirliyinizin administratoruna müraciət edin.",
        Key::RfRoleAboveOwn => "Heç kim öz rolundan yüksək rol verə bilməz.",
        Key::RfCrossSite => {
            "Sorğu başqa saytdan gəldiyi üçün rədd edildi. Concord-u yenidən yükləyin və təkrar cəhd edin."
        }
        Key::RfLastAdministrator => "Bu, tərəfinizin son aktiv administratorudur; əvvəlcə başqasını təyin edin.",
        Key::RfSessionRequired => "Bunu yalnız sistemə daxil olmuş istifadəçi edə bilər, API tokeni yox.",
        Key::RfTokenHasNoPassword => "API tokenlərinin şifrəsi yoxdur.",
        Key::RfPlanExists => "{year} ili üçün plan artıq mövcuddur.",
        Key::RfNoStepProposed => "Heç bir addım təklif olunmayıb.",
        Key::RfStepAlreadyProposed => {
            "Artıq bir addım təklif olunub; əvvəlcə onu təsdiqləyin, rədd edin və ya geri götürün."
        }
        Key::RfOwnProposal => {
            "Tərəfinizin təklifini digər tərəfin koordinatoru təsdiqləməli və ya rədd etməlidir; siz onu geri götürə bilərsiniz."
        }
        Key::RfOthersProposal => "Təklifi yalnız onu irəli sürən tərəf geri götürə bilər.",
        Key::RfPlanState => "Planın vəziyyəti “{state}” olduğu halda bu mümkün deyil.",
        Key::RfPlanNotAgreeable => "Plan hələ razılaşdırıla bilməz:",
        Key::RfNotYourField => {
            "Bunu yalnız {party} tərəfi redaktə edir: tədbirin məzmununu təklif edən tərəf, hər tərəf isə öz hissəsini redaktə edir."
        }
        Key::RfAlreadyShared => "Bu tədbir artıq paylaşılıb.",
        Key::RfActivityState => "Tədbirin vəziyyəti “{state}” olduğu halda bu mümkün deyil.",
        Key::RfAlreadySigned => "Tərəfinizin imzası artıq qeydə alınıb.",
        Key::RfYearNotOver => "{year} ilinin planı yalnız 31 dekabr {year} tarixindən sonra bağlana bilər.",
        Key::RfExecutionStep => "İcra statusunun “{from}” → “{to}” dəyişdirilməsi mümkün deyil.",
        Key::RfNotHost => "Tədbirin icrası barədə yalnız qəbul edən tərəf məlumat verir.",
        Key::RfNextPlanMissing => "Əvvəlcə {year} ilinin planını yaradın.",
        Key::RfNotHeld => "Tədbirdən sonrakı xülasə tədbir keçirildikdən sonra yazılır.",
        Key::RfAlreadyHeld => "Keçirilmiş tədbir növbəti ilə köçürülmür.",
        Key::RfNotReceiver => "Bildirişin alındığını yalnız onu alan tərəf qeyd edir.",
        Key::RfOtherPartysAuthority => {
            "Tərəfin səlahiyyətli orqanını yalnız həmin tərəfin koordinatorları dəyişə bilər."
        }
        Key::RfAlreadyNotified => {
            "Bu səlahiyyətli orqan barədə artıq bildiriş göndərilib; növbəti dəyişiklik yeni qeyd və yeni bildirişdir."
        }
        Key::RfAlreadyExists => "Kimsə eyni anda eyni şeyi yaradıb. Görmək üçün yenidən yükləyin.",
        Key::RfOther => "Sorğu rədd edildi.",
        Key::RfUnknown => "Server bu sorğunu rədd etdi (xəta {status}).",
        Key::PbNotFound => "Burada heç nə yoxdur və ya siz onu görə bilməzsiniz.",
        Key::PbBadRequest => "Concord bu sorğunu oxuya bilmədi. Səhifəni yenidən yükləyin və təkrar cəhd edin.",
        Key::PbTooLarge => "Sorğu çox böyükdür.",
        Key::PbStale => {
            "Siz redaktə edərkən kimsə bunu dəyişdi. Cari versiyanı görmək üçün yenidən yükləyin və dəyişikliyinizi təkrar edin."
        }
        Key::PbDocumentDamaged => {
            "Saxlanılan fayl zədələnib və verilmir. Administratorlardan onu ehtiyat nüsxədən bərpa etməyi xahiş edin."
        }
        Key::WhoHeading => "Kim nə edir",
        Key::WhoIntro => {
            "Hər rolun Concord-da nə edə biləcəyi, Sazişin işinin qaydalarına əsasən; server məhz bunu tətbiq edir. Hər tərəfin istifadəçiləri yalnız öz tərəfi adından çıxış edir."
        }
        Key::WhoDuty => "Vəzifə",
        Key::WhoParties => {
            "Tərəfin layihələrini, daxili qeydlərini və istifadəçilərini digər tərəf heç vaxt görmür. Başqa rol almaq üçün tərəfinizin administratoruna müraciət edin."
        }
        Key::WhoYes => "edə bilər",
        Key::WhoNo => "edə bilməz",
        Key::WhoReadBoard => "Birgə lövhəni, planları və reyestri oxumaq",
        Key::WhoDraftAndShare => "Tədbirlərin layihələrini hazırlamaq və digər tərəflə paylaşmaq",
        Key::WhoEditOwnSide => "Tədbirdə öz tərəfinizin hissəsini doldurmaq (iştirakçılar, bölmə, əlaqə)",
        Key::WhoComment => "Tədbirlərə şərh yazmaq və tərəfinizin daxili qeydlərini yazmaq",
        Key::WhoConsent => "Tədbirə tərəfinizin razılığını vermək və ya verməmək",
        Key::WhoProposeStep => "Planın növbəti mərhələsini təklif etmək",
        Key::WhoConfirmStep => "Digər tərəfin təklif etdiyi mərhələni təsdiqləmək",
        Key::WhoSign => "Razılaşdırılmış planın tərəfinizcə imzasını qeydə almaq",
        Key::WhoOpenAmendment => "İmzalanmış plana dəyişiklik açmaq",
        Key::WhoReportExecution => "Tərəfinizin qəbul etdiyi tədbirin icrası barədə məlumat vermək",
        Key::WhoCarryOver => "Keçirilməmiş tədbiri gələn ilin planına keçirmək",
        Key::WhoRecordInstruments => "Sənədləri və diplomatik bildirişləri reyestrdə qeydə almaq",
        Key::WhoChangeAuthority => "Tərəfinizin səlahiyyətli orqanının dəyişikliyini daxil etmək",
        Key::WhoRecordReceipt => "Digər tərəfin diplomatik bildirişinin alınmasını qeydə almaq",
        Key::WhoManageUsers => "Tərəfinizin istifadəçilərini və onların rollarını idarə etmək",
        Key::WhoManageTokens => "Tərəfinizin API tokenlərini vermək və ləğv etmək",
        Key::WhoReadAudit => "Tərəfinizin audit jurnalını oxumaq",
        Key::PbOtherPartyNode => {
            "Bu Concord serveri {party} tərəfinin qovşağıdır və yalnız onun istifadəçilərinə xidmət edir. Öz nazirliyinizin serverində daxil olun."
        }
        Key::PbForeignRow => {
            "Bu {party} tərəfinə məxsusdur: yalnız onun serverində yazılır və buraya köçürülür, ona görə burada dəyişdirilə bilməz."
        }
        Key::PbStorageFull => {
            "Serverdə fayllar üçün yer qalmayıb, ona görə fayl saxlanılmadı. Administratorlardan yer boşaltmağı xahiş edin."
        }
        Key::PbStorageUnavailable => {
            "Server hazırda faylları saxlaya bilmir, ona görə fayl saxlanılmadı. {n} saniyədən sonra yenidən cəhd edin."
        }
        Key::PbUnavailable => {
            "Concord məşğuldur və ya verilənlər bazasına qoşula bilmir. {n} saniyədən sonra yenidən cəhd edin."
        }
        Key::BlockYearNotOver => "Plan yalnız öz ilinin 31 dekabrından sonra bağlana bilər.",
        Key::FeLength => "3-dən 64-ə qədər simvol istifadə edin.",
        Key::FeControl => "Bu mətndən görünməyən idarəetmə simvollarını silin.",
        Key::FeTaken => "Bu artıq mövcuddur.",
        Key::FeTooEarly => "Bu tarix çox erkəndir.",
        Key::FeBeforeSent => "Tarix bildirişin göndərildiyi gündən əvvəl ola bilməz.",
        Key::FeBeforeSignature => "Tarix imzadan əvvəl ola bilməz.",
        Key::FeNeedsSignature => "Əvvəlcə imza tarixini daxil edin.",
        Key::FeOutOfRange => "Bu ədəd icazə verilən hədlərdən kənardadır.",
        Key::FeConflict => "Ya dəqiq tarixləri, ya da təxmini ayı göstərin, hər ikisini yox.",
        Key::FeDuplicate => "Bu, iki dəfə göstərilib.",
        Key::FeUnknown => "Bu dəyərə uyğun heç nə yoxdur.",
        Key::FeFixed => "Bunu dəyişmək olmaz.",
        Key::FeNotPending => "Öz tərəfinizin səlahiyyətli orqanının gözləmədə olan dəyişikliyini seçin.",
        Key::FeNotByHand => "Bu növ əl ilə qeydə alınmır: Concord onu özü əlaqələndirir.",
        Key::FeTooLarge => "Fayl çox böyükdür.",
        Key::ImpNotSpreadsheet => "Fayl XLSX iş kitabı deyil: şablondan istifadə edin.",
        Key::ImpEmpty => "İş kitabında idxal ediləcək sətir yoxdur.",
        Key::ImpUnreadable => "Birinci vərəq oxuna bilmir.",
        Key::ImpFormula => "Vərəqdə düsturlar var: yalnız dəyərlər daxil edin.",
        Key::ImpUnknownColumn => "Vərəqdə şablonda olmayan sütun var.",
        Key::ImpTooManyRows => "Bir dəfəyə ən çox 2000 sətir idxal edilə bilər.",
        Key::ImpDuplicateRow => "Sətir əvvəlki sətri təkrarlayır.",
        Key::ImpNotADate => "Tarix deyil: İİİİ-AA-GG kimi yazın, məsələn 2027-05-14.",
        Key::ImpNotAMonth => "Ay deyil: onun nömrəsini yazın, 1-dən 12-dək.",
        Key::ImpNotANumber => "Tam ədəd deyil.",
        Key::ImpNotInList => "Siyahının dəyərlərindən biri deyil: şablonun açılan siyahısından istifadə edin.",
        Key::AlertsHeading => "Xəbərdarlıqlar",
        Key::AlertsIntro => {
            "Sizə aid olan hərəkətlər: tərəfinizin razılığını gözləyən tədbirlər, tələb olunan dəyişikliklər, təklif olunan plan mərhələləri, imzalar, icra dəyişiklikləri və adınızın çəkilməsi. Diplomatik bildirişlər reyestrdədir."
        }
        Key::NoAlerts => "Xəbərdarlıq yoxdur.",
        Key::AlertsMarkAllRead => "Hamısını oxunmuş kimi qeyd et",
        Key::AlertsOpen => "Açmaq",
        Key::AlertsPageOf => "Səhifə {page} / {pages} ({n} xəbərdarlıq)",
        Key::AlertsUnreadMark => "Oxunmamış",
        Key::AlertsPrefsHeading => "Xəbərdarlıqların çatdırılması",
        Key::AlertsPrefsIntro => {
            "Hər növ üçün: yalnız tətbiqdə, dərhal e-poçtla, gündəlik e-poçt icmalında və ya söndürülüb. Məktubda məzmun yox, yalnız keçid olur."
        }
        Key::AlertsEmail => "E-poçt ünvanı",
        Key::AlertsLanguage => "Məktubların dili",
        Key::AlertsSaved => "Xəbərdarlıq seçimləriniz saxlanıldı.",
        Key::WebhooksHeading => "Webhook-lar",
        Key::WebhooksIntro => {
            "Nazirliyinizin digər sistemləri tərəfinizin dəyişikliklərini baş verən kimi ala bilər: Concord hər dəyişikliyi göstərdiyiniz ünvana webhook-un gizli açarı ilə imzalanmış şəkildə göndərir. Webhook yalnız tərəfinizin görə bildiyini və keçidi daşıyır, məzmunu heç vaxt."
        }
        Key::NoWebhooks => {
            "Hələ webhook yoxdur. Başqa sistemə Concord-un dəyişiklikləri lazım olduqda aşağıda yaradın."
        }
        Key::WebhookUrl => "Ünvan (URL)",
        Key::WebhookUrlHint => "Yalnız https://; http:// yalnız bu kompüterə (127.0.0.1, localhost), sınaq üçün.",
        Key::WebhookEvents => "Göndəriləcək dəyişikliklər",
        Key::WebhookStartEnabled => "Dəyişiklikləri indidən göndər",
        Key::CreateWebhookHeading => "Yeni webhook",
        Key::CreateWebhook => "Webhook yarat",
        Key::WebhookCreated => "{name} üçün webhook yaradıldı",
        Key::WebhookOnce => {
            "Bu imza açarını indi kopyalayın və qəbul edən sistemdə etibarlı saxlayın. O bir daha göstərilməyəcək."
        }
        Key::WebhookSecret => "İmza açarı",
        Key::WebhookDelete => "Sil",
        Key::WebhookDeleteConfirm => "{name} üçün webhook silinsin? Onun çatdırılma jurnalı da silinəcək.",
        Key::ConfirmDeleteWebhook => "Webhook-u sil",
        Key::KeepWebhook => "Saxla",
        Key::WebhookDeleted => "{name} üçün webhook silindi.",
        Key::WebhookEnabledDone => "{name} üçün webhook yenidən dəyişiklikləri göndərir.",
        Key::WebhookDisabledDone => "{name} üçün webhook artıq dəyişiklikləri göndərmir.",
        Key::ShowDeliveries => "Çatdırılma jurnalı",
        Key::DeliveriesHeading => "{name} ünvanına çatdırılmalar",
        Key::NoDeliveries => "Bu webhook-a hələ heç nə göndərilməyib.",
        Key::DeliveriesPageOf => "Səhifə {page} / {pages} ({n} çatdırılma)",
        Key::DeliveryEvent => "Dəyişiklik",
        Key::DeliveryAttempts => "Cəhdlər",
        Key::DeliveryAnswer => "Cavab (HTTP status)",
        Key::DeliveryNoAnswer => "cavab yoxdur",
        Key::DeliveryError => "Son xəta",
        Key::DeliveryNext => "Növbəti cəhd",
        Key::Redeliver => "Yenidən göndər",
        Key::Redelivered => "{name} nömrəli çatdırılma indi yenidən göndəriləcək.",
        Key::FeInsecureUrl => {
            "Yalnız https:// ünvanları və ya sınaq üçün 127.0.0.1, localhost və ya [::1] ünvanına http://."
        }
        Key::BlockTranslationsMissing => "{n} qəbul edilmiş tədbirin {party} dilində mətni yoxdur.",
        Key::BlockTranslationsOutdated => {
            "{n} qəbul edilmiş tədbirin {party} dilindəki mətni köhnəlib: orijinal mətn o vaxtdan dəyişib."
        }
        Key::RfTextNotOutdated => "Bu tərcümə aktualdır; təsdiq ediləsi bir şey yoxdur.",
        Key::TextInEn => "ingiliscə",
        Key::TextInAz => "azərbaycanca",
        Key::TextInKa => "gürcücə",
        Key::TextsHeading => "Hər dildə ad və təsvir",
        Key::TextsHint => {
            "Hər tərəf mətni öz dilində yazır: azərbaycanca Azərbaycan Respublikası, gürcücə Gürcüstan, ingiliscə təklif edən tərəf. Tərcümənin əlavə edilməsi və ya düzəldilməsi razılığı sıfırlamır."
        }
        Key::TextOriginal => "orijinal",
        Key::TextOutdated => "köhnəlib: orijinal dəyişib",
        Key::TextNotWritten => "Hələ yazılmayıb.",
        Key::TextWrittenBy => "{name}, {date}",
        Key::TextWrite => "Yaz",
        Key::TextConfirm => "Hələ də düzgündür",
        Key::LangAdjAz => "Azərbaycan",
        Key::LangAdjKa => "gürcü",
        Key::HistText => "öz dilində mətni yazdı",
        Key::HistTextConfirm => "tərcümənin hələ də düzgün olduğunu təsdiq etdi",
        Key::HistReplicated => "digər tərəfin öz serverində etdiyi dəyişikliyi gətirdi",
        Key::HistPeerServer => "Digər nazirliyin serveri",
        Key::TextSaved => "Mətn yadda saxlanıldı.",

        Key::BoardLanes => "Sətirlər üzrə",
        Key::BoardLanesNone => "Bir sətir",
        Key::BoardCompact => "Yığcam kartlar",
        Key::BoardColumnShown => "Göstərilən sütun",
        Key::WhoDecidesConsent => {
            "Razılıq barədə qərarı planlaşdırıcılar deyil, hər tərəfin koordinatorları verir: öz tərəfinizin koordinatoruna müraciət edin (aşağıdakı şərh onlara çatır)."
        }
    }
}
