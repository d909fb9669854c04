//! The fixed vocabulary of the agreement: parties, roles, areas and forms of
//! co-operation. Wording in the three languages is the agreed one of
//! `docs/glossary.md`; change it there and here at once.

use serde::{Deserialize, Serialize};

use crate::i18n::{Labels, Lang};

/// Declares a closed list with stable snake_case wire codes, in a fixed order,
/// and labels in English, Azerbaijani and Georgian.
macro_rules! closed_list {
    (
        $(#[$meta:meta])*
        $name:ident {
            // `$code:tt`, not `:literal`: a `literal` fragment reaches derive
            // macros wrapped in an invisible group, which utoipa does not read
            // as a rename (the document then showed the variants' names).
            $( $(#[$vmeta:meta])* $variant:ident = $code:tt => [$en:literal, $az:literal, $ka:literal] ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant ),+
        }

        impl $name {
            /// Every value, in the agreement's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable wire code (snake_case).
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a wire code; unknown codes give `None`.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The agreed label in one language.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$variant, Lang::En) => $en,
                        ($name::$variant, Lang::Az) => $az,
                        ($name::$variant, Lang::Ka) => $ka,
                    )+
                }
            }

            /// The agreed labels in all three languages.
            pub fn labels(self) -> Labels {
                Labels::new(self.label(Lang::En), self.label(Lang::Az), self.label(Lang::Ka))
            }
        }

        code_text!($name);
    };
}

pub use crate::wire::UnknownCode;
pub(crate) use crate::wire::code_text;

closed_list! {
    /// A party to the agreement. Every user, draft and internal note belongs to exactly one.
    Party {
        /// The Republic of Azerbaijan.
        Az = "az" => ["Republic of Azerbaijan", "Azərbaycan Respublikası", "აზერბაიჯანის რესპუბლიკა"],
        /// Georgia.
        Ge = "ge" => ["Georgia", "Gürcüstan", "საქართველო"],
    }
}

impl Party {
    /// The other party of the bilateral agreement.
    pub fn other(self) -> Party {
        match self {
            Party::Az => Party::Ge,
            Party::Ge => Party::Az,
        }
    }

    /// The short uppercase code people see (`AZ`, `GE`).
    pub fn short(self) -> &'static str {
        match self {
            Party::Az => "AZ",
            Party::Ge => "GE",
        }
    }

    /// The party's competent authority at the agreement's signature.
    pub fn authority_at_signature(self) -> Labels {
        match self {
            Party::Az => Labels::new(
                "Ministry of Defence of the Republic of Azerbaijan",
                "Azərbaycan Respublikasının Müdafiə Nazirliyi",
                "აზერბაიჯანის რესპუბლიკის თავდაცვის სამინისტრო",
            ),
            Party::Ge => Labels::new(
                "Ministry of Defence of Georgia",
                "Gürcüstanın Müdafiə Nazirliyi",
                "საქართველოს თავდაცვის სამინისტრო",
            ),
        }
    }
}

closed_list! {
    /// A user's role within their party; each role includes the rights of the ones before it.
    Role {
        /// Reads the joint board and its own party's internal items.
        Viewer = "viewer" => ["viewer", "müşahidəçi", "დამთვალიერებელი"],
        /// Also drafts, edits and shares its party's proposals, comments, reports execution.
        Planner = "planner" => ["planner", "planlaşdırıcı", "დამგეგმავი"],
        /// Also gives or withholds its party's consent, approves and signs plans.
        Coordinator = "coordinator" => ["coordinator", "koordinator", "კოორდინატორი"],
        /// Also manages its own party's users, roles and API tokens.
        Administrator = "administrator" => ["administrator", "administrator", "ადმინისტრატორი"],
    }
}

closed_list! {
    /// An area of co-operation (the agreement's closed list, in its order).
    CooperationArea {
        /// Military education, training and exercises.
        MilitaryEducationTrainingExercises = "military_education_training_exercises" => ["military education, training and exercises", "hərbi təhsil, hazırlıq və təlimlər", "სამხედრო განათლება, წვრთნა და სწავლებები"],
        /// Defence and security policy.
        DefenceSecurityPolicy = "defence_security_policy" => ["defence and security policy", "müdafiə və təhlükəsizlik siyasəti", "თავდაცვისა და უსაფრთხოების პოლიტიკა"],
        /// Peacekeeping and humanitarian operations.
        PeacekeepingHumanitarianOperations = "peacekeeping_humanitarian_operations" => ["peacekeeping and humanitarian operations", "sülhməramlı və humanitar əməliyyatlar", "სამშვიდობო და ჰუმანიტარული ოპერაციები"],
        /// Co-operation within NATO's Partnership for Peace programme.
        NatoPartnershipForPeace = "nato_partnership_for_peace" => ["cooperation within the framework of NATO's Partnership for Peace programme", "NATO-nun \"Sülh naminə tərəfdaşlıq\" proqramı çərçivəsində əməkdaşlıq", "თანამშრომლობა ნატოს „პარტნიორობა მშვიდობისთვის“ პროგრამის ფარგლებში"],
        /// Arms control and disarmament.
        ArmsControlDisarmament = "arms_control_disarmament" => ["arms control and disarmament", "silahlara nəzarət və tərksilah", "შეიარაღების კონტროლი და განიარაღება"],
        /// Military legislation.
        MilitaryLegislation = "military_legislation" => ["military legislation", "hərbi qanunvericilik", "სამხედრო კანონმდებლობა"],
        /// Logistics.
        Logistics = "logistics" => ["logistics", "logistika", "ლოჯისტიკა"],
        /// Civil-military co-operation.
        CivilMilitaryCooperation = "civil_military_cooperation" => ["civil-military co-operation", "mülki-hərbi əməkdaşlıq", "სამოქალაქო-სამხედრო თანამშრომლობა"],
        /// Defence cyber security.
        DefenceCyberSecurity = "defence_cyber_security" => ["defence cyber security", "müdafiə sahəsində kibertəhlükəsizlik", "თავდაცვის სფეროში კიბერუსაფრთხოება"],
        /// Military cartography.
        MilitaryCartography = "military_cartography" => ["military cartography", "hərbi kartoqrafiya", "სამხედრო კარტოგრაფია"],
        /// Military medical services.
        MilitaryMedicalServices = "military_medical_services" => ["military medical services", "hərbi tibb xidmətləri", "სამხედრო სამედიცინო მომსახურება"],
        /// Social, sporting and cultural activities.
        SocialSportingCultural = "social_sporting_cultural" => ["social, sporting and cultural activities", "sosial, idman və mədəni tədbirlər", "სოციალური, სპორტული და კულტურული ღონისძიებები"],
        /// Humanitarian demining.
        HumanitarianDemining = "humanitarian_demining" => ["humanitarian demining", "humanitar minatəmizləmə", "ჰუმანიტარული განაღმვა"],
        /// Other areas of mutual interest; needs a free-text specification.
        OtherArea = "other_area" => ["other areas of mutual interest", "qarşılıqlı maraq doğuran digər sahələr", "ორმხრივი ინტერესის სხვა სფეროები"],
    }
}

impl CooperationArea {
    /// Whether an activity in this area needs a free-text specification.
    pub fn needs_specification(self) -> bool {
        self == CooperationArea::OtherArea
    }
}

closed_list! {
    /// A form of co-operation (the agreement's closed list, in its order).
    CooperationForm {
        /// Official visits and staff meetings.
        OfficialVisitsStaffMeetings = "official_visits_staff_meetings" => ["official visits and staff meetings", "rəsmi səfərlər və işçi görüşləri", "ოფიციალური ვიზიტები და სამუშაო შეხვედრები"],
        /// Bilateral negotiations, consultations and exchange of experience.
        NegotiationsConsultationsExperience = "negotiations_consultations_experience" => ["bilateral negotiations, consultations and exchange of experience", "ikitərəfli danışıqlar, məsləhətləşmələr və təcrübə mübadiləsi", "ორმხრივი მოლაპარაკებები, კონსულტაციები და გამოცდილების გაზიარება"],
        /// Participation in training and educational events.
        TrainingEducationalEvents = "training_educational_events" => ["participation in training and educational events", "təlim və tədris tədbirlərində iştirak", "მონაწილეობა სასწავლო და საგანმანათლებლო ღონისძიებებში"],
        /// Exchange of information of mutual interest.
        InformationExchange = "information_exchange" => ["exchange of information of mutual interest", "qarşılıqlı maraq doğuran məlumat mübadiləsi", "ორმხრივი ინტერესის ინფორმაციის გაცვლა"],
        /// Participation in conferences and seminars.
        ConferencesSeminars = "conferences_seminars" => ["participation in conferences and seminars", "konfrans və seminarlarda iştirak", "მონაწილეობა კონფერენციებსა და სემინარებში"],
        /// Participation in cultural and sporting events.
        CulturalSportingEvents = "cultural_sporting_events" => ["participation in cultural and sporting events", "mədəni və idman tədbirlərində iştirak", "მონაწილეობა კულტურულ და სპორტულ ღონისძიებებში"],
        /// Other mutually agreed forms of co-operation; needs a free-text specification.
        OtherForm = "other_form" => ["other mutually agreed forms of co-operation", "qarşılıqlı razılaşdırılmış digər əməkdaşlıq formaları", "თანამშრომლობის სხვა ურთიერთშეთანხმებული ფორმები"],
    }
}

impl CooperationForm {
    /// Whether an activity in this form needs a free-text specification.
    pub fn needs_specification(self) -> bool {
        self == CooperationForm::OtherForm
    }
}

/// The agreement's full title in one language.
pub fn agreement_title() -> Labels {
    Labels::new(
        "Agreement on cooperation in the field of defence between the Government of the Republic of Azerbaijan and the Government of Georgia",
        "Azərbaycan Respublikası Hökuməti ilə Gürcüstan Hökuməti arasında müdafiə sahəsində əməkdaşlıq haqqında Saziş",
        "შეთანხმება აზერბაიჯანის რესპუბლიკის მთავრობასა და საქართველოს მთავრობას შორის თავდაცვის სფეროში თანამშრომლობის შესახებ",
    )
}

closed_list! {
    /// What a person is alerted to (issue 15): each follows one of the
    /// agreement's roles, decided by `rules::alerts`. Not the diplomatic
    /// notifications of competent-authority changes.
    AlertKind {
        /// An activity of the other party awaits my party's consent (coordinators).
        AwaitingConsent = "awaiting_consent" => ["awaiting my party's consent", "tərəfimizin razılığını gözləyir", "ელოდება ჩვენი მხარის თანხმობას"],
        /// The other party requested changes to my party's activity (planners).
        ChangesRequested = "changes_requested" => ["changes requested", "dəyişiklik tələb olunub", "მოთხოვნილია ცვლილებები"],
        /// The other party proposed a step of the plan (coordinators).
        StepProposed = "step_proposed" => ["plan step proposed", "plan mərhələsi təklif olunub", "შემოთავაზებულია გეგმის ეტაპი"],
        /// A signature of the plan was recorded (coordinators).
        Signature = "signature" => ["signature recorded", "imza qeydə alınıb", "ხელმოწერა დარეგისტრირდა"],
        /// The execution status of an activity my party hosts changed (planners).
        Execution = "execution" => ["execution status changed", "icra vəziyyəti dəyişib", "შესრულების სტატუსი შეიცვალა"],
        /// Someone mentioned me (`@username`) in a comment or internal note.
        Mention = "mention" => ["you were mentioned", "sizin adınız çəkilib", "თქვენ მოგიხსენიეს"],
        /// The other party shared an activity without my party's language, or
        /// changed its original so that my party's translation is outdated (planners).
        Translation = "translation" => ["translation needed in my party's language", "tərəfimizin dilində tərcümə lazımdır", "საჭიროა თარგმანი ჩვენი მხარის ენაზე"],
    }
}

closed_list! {
    /// The kinds of things whose changes the live stream carries and a
    /// webhook subscribes to (the audit entry's `entity_type`). Accounts,
    /// sessions, tokens and webhooks themselves stay in the audit log only.
    ChangeKind {
        /// Activities: created, shared, updated, consent, withdrawn, execution.
        Activity = "activity" => ["activities", "tədbirlər", "ღონისძიებები"],
        /// Comments and internal notes (a note only to its own party).
        Comment = "comment" => ["comments", "şərhlər", "კომენტარები"],
        /// Annual co-operation plans and their steps.
        Plan = "plan" => ["annual cooperation plans", "illik əməkdaşlıq planları", "თანამშრომლობის წლიური გეგმები"],
        /// Signatures of plans.
        Signature = "signature" => ["signatures", "imzalar", "ხელმოწერები"],
        /// The register of instruments.
        Instrument = "instrument" => ["instruments", "sənədlər", "დოკუმენტები"],
        /// Diplomatic notifications.
        Notification = "notification" => ["diplomatic notifications", "diplomatik bildirişlər", "დიპლომატიური შეტყობინებები"],
        /// Competent authorities.
        Authority = "authority" => ["competent authorities", "səlahiyyətli orqanlar", "უფლებამოსილი ორგანოები"],
        /// Attached documents.
        Document = "document" => ["attached files", "əlavə edilmiş fayllar", "მიმაგრებული ფაილები"],
        /// An activity's title and description in a party's language: written or confirmed.
        Text = "activity_text" => ["activity texts in each language", "tədbirlərin hər dildə mətnləri", "ღონისძიებების ტექსტები თითოეულ ენაზე"],
    }
}

closed_list! {
    /// What awaits a party and role in the work queue (issue 17), decided by
    /// `rules::inbox::awaits`.
    InboxKind {
        /// An activity of the other party awaits my party's consent (coordinators).
        AwaitingConsent = "awaiting_consent" => ["awaiting my party's consent", "tərəfimizin razılığını gözləyir", "ელოდება ჩვენი მხარის თანხმობას"],
        /// The other party requested changes to my party's activity (planners).
        ChangesRequested = "changes_requested" => ["changes requested", "dəyişiklik tələb olunub", "მოთხოვნილია ცვლილებები"],
        /// The other party proposed a step of the plan, to be confirmed (coordinators).
        StepProposed = "step_proposed" => ["plan step to confirm", "təsdiqlənməli plan mərhələsi", "დასადასტურებელი გეგმის ეტაპი"],
        /// The agreed plan awaits my party's signature (coordinators).
        SignatureDue = "signature_due" => ["signature due", "imza gözlənilir", "მოსალოდნელია ხელმოწერა"],
        /// An activity of my party was not held in a closed plan: carry it over or let it go (planners).
        CarryOverDue = "carry_over_due" => ["to carry over into next year", "növbəti ilə keçirilməlidir", "გადასატანია მომავალ წელზე"],
        /// A diplomatic notification of the other party awaits my party's receipt (coordinators).
        NoteAwaitingReceipt = "note_awaiting_receipt" => ["diplomatic notification awaiting receipt", "alınması qeydə alınmamış diplomatik bildiriş", "დიპლომატიური შეტყობინება, რომლის მიღებაც არ არის აღრიცხული"],
        /// A shared activity lacks its text in my party's language, or that text is outdated: write or confirm it (planners).
        TranslationDue = "translation_due" => ["translation to write or confirm", "yazılmalı və ya təsdiqlənməli tərcümə", "დასაწერი ან დასადასტურებელი თარგმანი"],
    }
}

closed_list! {
    /// Where a webhook delivery stands (derived from its attempts, not stored).
    DeliveryStatus {
        /// To be sent, or sent again after a failure.
        Pending = "pending" => ["pending", "gözləyir", "მოლოდინში"],
        /// The endpoint answered 2xx.
        Delivered = "delivered" => ["delivered", "çatdırılıb", "მიწოდებულია"],
        /// Given up 24 hours after the change; only a redelivery sends it again.
        Failed = "failed" => ["given up", "dayandırılıb", "შეწყვეტილია"],
    }
}

closed_list! {
    /// One decision taken on several activities at once (issue 17):
    /// coordinators consent, planners share or withdraw.
    BulkAction {
        /// Accept for my party (coordinators).
        Accept = "accept" => ["accept", "qəbul et", "მიღება"],
        /// Ask the proposing party for changes, one comment for all (coordinators).
        RequestChanges = "request_changes" => ["request changes", "dəyişiklik istə", "ცვლილებების მოთხოვნა"],
        /// Reject for my party, one comment for all (coordinators).
        Reject = "reject" => ["reject", "rədd et", "უარყოფა"],
        /// Share my party's drafts with the other party (planners).
        Share = "share" => ["share with the other party", "digər tərəflə paylaş", "მეორე მხარისთვის გაზიარება"],
        /// Withdraw my party's shared activities (planners).
        Withdraw = "withdraw" => ["withdraw", "geri götür", "გაწვევა"],
    }
}

closed_list! {
    /// How a person wants to hear of one kind of alert.
    AlertDelivery {
        /// In the web app only.
        App = "app" => ["in the app only", "yalnız tətbiqdə", "მხოლოდ აპლიკაციაში"],
        /// In the web app and by e-mail at once.
        Email = "email" => ["e-mail at once", "dərhal e-poçtla", "ელფოსტით დაუყოვნებლივ"],
        /// In the web app and in a daily e-mail digest.
        Digest = "digest" => ["daily e-mail digest", "gündəlik e-poçt icmalı", "ყოველდღიური ელფოსტის დაიჯესტი"],
        /// Not at all.
        Off = "off" => ["off", "söndürülüb", "გამორთულია"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agreement_lists_fourteen_areas_and_seven_forms_in_order() {
        assert_eq!(CooperationArea::ALL.len(), 14);
        assert_eq!(CooperationForm::ALL.len(), 7);
        assert_eq!(
            CooperationArea::ALL[0],
            CooperationArea::MilitaryEducationTrainingExercises
        );
        assert_eq!(CooperationArea::ALL[13], CooperationArea::OtherArea);
        assert_eq!(CooperationForm::ALL[6], CooperationForm::OtherForm);
    }

    #[test]
    fn wire_codes_are_snake_case_and_round_trip_through_serde() {
        for area in CooperationArea::ALL {
            let json = serde_json::to_string(area).expect("serialize");
            assert_eq!(json, format!("\"{}\"", area.code()));
            assert_eq!(serde_json::from_str::<CooperationArea>(&json).expect("parse"), *area);
            assert!(area.code().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        for form in CooperationForm::ALL {
            assert_eq!(CooperationForm::from_code(form.code()), Some(*form));
        }
        assert_eq!(serde_json::to_string(&Party::Ge).expect("serialize"), "\"ge\"");
        assert_eq!("az".parse::<Party>(), Ok(Party::Az));
        assert!("xx".parse::<Role>().is_err());
    }

    #[test]
    fn every_label_exists_in_every_language_and_is_distinct_per_language() {
        for lang in Lang::ALL {
            let mut seen = std::collections::HashSet::new();
            for area in CooperationArea::ALL {
                let label = area.label(lang);
                assert!(!label.trim().is_empty());
                assert!(seen.insert(label), "duplicate area label {label}");
            }
        }
        // Georgian labels are written in the Georgian script.
        for form in CooperationForm::ALL {
            assert!(
                form.label(Lang::Ka)
                    .chars()
                    .any(|c| ('\u{10D0}'..='\u{10FF}').contains(&c))
            );
        }
    }

    #[test]
    fn only_the_other_area_and_form_need_a_specification() {
        let areas: Vec<_> = CooperationArea::ALL
            .iter()
            .filter(|a| a.needs_specification())
            .collect();
        assert_eq!(areas, vec![&CooperationArea::OtherArea]);
        let forms: Vec<_> = CooperationForm::ALL
            .iter()
            .filter(|f| f.needs_specification())
            .collect();
        assert_eq!(forms, vec![&CooperationForm::OtherForm]);
    }

    #[test]
    fn the_other_party_of_each_party_is_the_other_one() {
        assert_eq!(Party::Az.other(), Party::Ge);
        assert_eq!(Party::Ge.other(), Party::Az);
    }
}
