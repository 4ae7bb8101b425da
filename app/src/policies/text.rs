//! English and Hindi text of the policy pages and checks (the feature's one
//! `texts!` table).

use super::types::{
    Bucket, Category, Frequency, PaymentMethod, Policy, PolicyLine, PolicyStatus, Standing,
};
pub use crate::i18n::t;
use crate::i18n::{fill, Lang, Text};
use chrono::{Datelike, NaiveDate};

crate::texts! {
    /// The policy feature's messages.
    pub enum T;
    PaidUpTo => "Paid up to {date}", "{date} तक भुगतान हो चुका है";
    DueToday => "Due today", "आज देय";
    DueTomorrow => "Due tomorrow", "कल देय";
    DueInDays => "Due in {days} days", "{days} दिन में देय";
    InGraceUntil => "In grace until {date}", "{date} तक छूट अवधि में";
    LapsedRevivable => "Lapsed: can be revived until {year}", "व्यपगत: {year} तक फिर से चालू हो सकती है";
    LapsedFinal => "Lapsed", "व्यपगत";
    // Checks.
    ChooseCustomer => "Choose the customer.", "ग्राहक चुनें।";
    PolicyTypeRule => "Choose the kind of plan.", "योजना का प्रकार चुनें।";
    PlanNameNeeded => "Enter the plan's name (up to 255 characters).", "योजना का नाम दर्ज करें (अधिकतम 255 अक्षर)।";
    CategoryRule => "Choose life, health or general.", "जीवन, स्वास्थ्य या सामान्य चुनें।";
    FrequencyRule => "Choose monthly, quarterly, half-yearly or annual.", "मासिक, त्रैमासिक, अर्धवार्षिक या वार्षिक चुनें।";
    ModeRule => "Choose regular, single or limited pay.", "नियमित, एकल या सीमित भुगतान चुनें।";
    AmountPositive => "Enter an amount above zero, in rupees.", "शून्य से अधिक राशि रुपयों में दर्ज करें।";
    AmountCap => "The most this can be is {cap}.", "यह अधिकतम {cap} हो सकता है।";
    DateNeeded => "Enter the date.", "तारीख़ दर्ज करें।";
    ApplicationNotFuture => "The application date cannot be in the future.", "आवेदन की तारीख़ भविष्य की नहीं हो सकती।";
    StartAfterApplication => "The start date cannot be before the application date.", "शुरुआत की तारीख़ आवेदन की तारीख़ से पहले नहीं हो सकती।";
    MaturityAfterStart => "The maturity date must be after the start date.", "परिपक्वता की तारीख़ शुरुआत की तारीख़ के बाद होनी चाहिए।";
    PolicyNumberRule => "Use up to 100 letters, digits, / or -.", "अधिकतम 100 अक्षर, अंक, / या - इस्तेमाल करें।";
    PaidNotFuture => "The payment date cannot be in the future.", "भुगतान की तारीख़ भविष्य की नहीं हो सकती।";
    MethodRule => "Choose how it was paid.", "भुगतान का तरीका चुनें।";
    ReceiptNeeded => "Enter the receipt number: it stops the same payment being recorded twice.", "रसीद नंबर दर्ज करें: इससे एक ही भुगतान दो बार दर्ज नहीं होता।";
    AgentNotWorking => "Only an approved, active agent can write policies.", "केवल स्वीकृत, सक्रिय एजेंट ही पॉलिसी लिख सकते हैं।";
    ChooseAgent => "Choose an agent in your network.", "अपने नेटवर्क का कोई एजेंट चुनें।";
    CoverageRule => "Coverage must be a list or a set of named benefits.", "कवरेज एक सूची या नामित लाभों का समूह होना चाहिए।";
    NotAgentsProvider => "Choose the agent's own insurer.", "एजेंट की अपनी बीमा कंपनी चुनें।";
    NumberTaken => "Policy number already exists.", "यह पॉलिसी नंबर पहले से मौजूद है।";
    OnlyOwnCustomers => "Agents can only create policies for their assigned policyholders.", "एजेंट केवल अपने ग्राहकों के लिए पॉलिसी बना सकते हैं।";
    OwnerEditsLimited => "You can change only the coverage and the nominee of your policies.", "आप अपनी पॉलिसियों का केवल कवरेज और नामांकित व्यक्ति बदल सकते हैं।";
    ReceiptRecorded => "This receipt is already recorded on this policy.", "यह रसीद इस पॉलिसी पर पहले से दर्ज है।";
    StatusRule => "Choose one of the ten policy statuses.", "पॉलिसी की दस स्थितियों में से एक चुनें।";
    ChannelRule => "Choose SMS or WhatsApp.", "SMS या WhatsApp चुनें।";
    BucketRule => "Choose due soon, in grace, revivable or lapsed.", "जल्द देय, छूट अवधि, पुनर्जीवित योग्य या व्यपगत चुनें।";
    // Pages.
    Policies => "Policies", "पॉलिसियाँ";
    NewPolicy => "New policy", "नई पॉलिसी";
    NoPolicies => "No policies match.", "कोई पॉलिसी नहीं मिली।";
    NumberHint => "Part of a policy number", "पॉलिसी नंबर का कोई हिस्सा";
    PolicyNumber => "Policy number", "पॉलिसी नंबर";
    PolicyNumberHint => "Leave blank to have one made. LIC numbers have 8–12 digits.", "खाली छोड़ें तो नंबर अपने आप बनेगा। LIC नंबर में 8–12 अंक होते हैं।";
    Customer => "Customer", "ग्राहक";
    Agent => "Agent", "एजेंट";
    Provider => "Insurer", "बीमा कंपनी";
    Plan => "Plan", "योजना";
    PlanName => "Plan name", "योजना का नाम";
    PlanCode => "Plan code", "योजना कोड";
    Kind => "Kind of plan", "योजना का प्रकार";
    CategoryLabel => "Category", "श्रेणी";
    SumAssured => "Sum assured (₹)", "बीमा राशि (₹)";
    PremiumLabel => "Premium (₹)", "प्रीमियम (₹)";
    Frequency => "Paid", "भुगतान";
    Mode => "Premium mode", "प्रीमियम का तरीका";
    ApplicationDate => "Application date", "आवेदन की तारीख़";
    StartDate => "Start date", "शुरुआत की तारीख़";
    MaturityDate => "Maturity date", "परिपक्वता की तारीख़";
    NomineeName => "Nominee's name", "नामांकित व्यक्ति का नाम";
    NomineeRelation => "Nominee's relationship", "नामांकित व्यक्ति से संबंध";
    Riders => "Riders (comma-separated)", "राइडर (अल्पविराम से अलग)";
    NextDue => "Next due", "अगली देय तिथि";
    StatusLabel => "Status", "स्थिति";
    AllStatuses => "All statuses", "सभी स्थितियाँ";
    AllCategories => "All categories", "सभी श्रेणियाँ";
    ViewAll => "All", "सभी";
    ViewActive => "Active", "सक्रिय";
    ViewLapsed => "Lapsed", "व्यपगत";
    ViewMaturing => "Maturing", "परिपक्व होने वाली";
    Write => "Save as draft", "ड्राफ़्ट के रूप में सहेजें";
    Basics => "Policy", "पॉलिसी";
    Holder => "Policyholder", "पॉलिसीधारक";
    Coverage => "Coverage", "कवरेज";
    NoRiders => "No riders.", "कोई राइडर नहीं।";
    Claims => "Claims", "दावे";
    NoClaims => "No claims.", "कोई दावा नहीं।";
    Outstanding => "Outstanding", "बकाया";
    PaymentStatus => "Payment status", "भुगतान की स्थिति";
    Actions => "Actions", "कार्रवाइयाँ";
    Submit => "Submit for approval", "स्वीकृति के लिए भेजें";
    Approve => "Approve", "स्वीकृत करें";
    Activate => "Activate", "सक्रिय करें";
    Cancel => "Cancel policy", "पॉलिसी रद्द करें";
    CancelConfirm => "Cancel this policy? This cannot be undone.", "यह पॉलिसी रद्द करें? यह वापस नहीं होगा।";
    Done => "Done.", "हो गया।";
    RecordPremium => "Record a premium", "प्रीमियम दर्ज करें";
    Amount => "Amount (₹)", "राशि (₹)";
    PaidOn => "Paid on", "भुगतान की तारीख़";
    Method => "Paid by", "भुगतान का माध्यम";
    Receipt => "Receipt number", "रसीद नंबर";
    Record => "Record premium", "प्रीमियम दर्ज करें";
    PremiumHistory => "Premium history", "प्रीमियम इतिहास";
    NoPremiums => "No premiums recorded yet.", "अभी कोई प्रीमियम दर्ज नहीं।";
    DueDate => "Due", "देय";
    Reminders => "Reminders", "रिमाइंडर";
    NoReminders => "No reminders sent yet.", "अभी कोई रिमाइंडर नहीं भेजा गया।";
    // The renewal queue.
    Renewals => "Renewals", "नवीनीकरण";
    RenewalsIntro => "Who is due, who is in grace, who has lapsed and who can still be revived.", "किसका प्रीमियम देय है, कौन छूट अवधि में है, किसकी पॉलिसी व्यपगत हुई और कौन फिर से चालू हो सकती है।";
    DueSoon => "Due soon", "जल्द देय";
    InGrace => "In grace", "छूट अवधि में";
    Revivable => "Revivable", "फिर चालू हो सकती है";
    LapsedBucket => "Lapsed", "व्यपगत";
    AllBuckets => "All", "सभी";
    NoRenewals => "Nothing here: every premium in this list is paid up.", "यहाँ कुछ नहीं: इस सूची के सभी प्रीमियम भरे हुए हैं।";
    AmountDue => "Amount due", "देय राशि";
    LastReminder => "Last reminder", "पिछला रिमाइंडर";
    NeverReminded => "Not reminded yet", "अभी रिमाइंडर नहीं भेजा";
    RemindSms => "Send SMS", "SMS भेजें";
    RemindWhatsapp => "WhatsApp", "WhatsApp";
    RemindedToday => "Reminded today", "आज रिमाइंडर भेजा";
    RemindAll => "Remind all in grace", "छूट अवधि वाले सभी को याद दिलाएँ";
    RemindAllConfirm => "Send an SMS reminder to every customer in grace ({n})? Anyone reminded in the last 24 hours is skipped.", "छूट अवधि वाले हर ग्राहक ({n}) को SMS रिमाइंडर भेजें? पिछले 24 घंटों में जिन्हें भेजा गया, वे छोड़ दिए जाएँगे।";
    RemindAllYes => "Yes, send them", "हाँ, भेजें";
    KeepQueue => "Not now", "अभी नहीं";
    Sending => "Sending reminders…", "रिमाइंडर भेजे जा रहे हैं…";
    SentSkipped => "{sent} reminders sent, {skipped} skipped.", "{sent} रिमाइंडर भेजे गए, {skipped} छोड़े गए।";
    RunTitle => "Reminders", "रिमाइंडर";
    RunOf => "SMS reminders to: {bucket} ({total})", "SMS रिमाइंडर: {bucket} ({total})";
    RunDone => "All reminders are out.", "सभी रिमाइंडर भेज दिए गए।";
    RunProgress => "Reminders sent", "भेजे गए रिमाइंडर";
    BackToQueue => "Back to the queue", "कतार पर वापस";
    // The customer's page and the agent home.
    MyPolicies => "My policies", "मेरी पॉलिसियाँ";
    MyPoliciesNone => "No policies on your name yet. Your agent will add them.", "अभी आपके नाम कोई पॉलिसी नहीं है। आपके एजेंट इन्हें जोड़ेंगे।";
    NextPremium => "Next premium {amount} on {date}", "अगला प्रीमियम {amount}, {date} को";
    CardPolicies => "Policies in force", "चालू पॉलिसियाँ";
    CardCustomers => "Active customers", "सक्रिय ग्राहक";
    CardPremium => "Premium since 1 April", "1 अप्रैल से प्रीमियम";
    ChartTitle => "Premiums collected, last 12 months", "पिछले 12 महीनों में जमा प्रीमियम";
    // Labels of the stored values.
    StDraft => "Draft", "ड्राफ़्ट";
    StPending => "Pending approval", "स्वीकृति बाकी";
    StReview => "Under review", "जाँच में";
    StApproved => "Approved", "स्वीकृत";
    StActive => "Active", "सक्रिय";
    StLapsed => "Lapsed", "व्यपगत";
    StSurrendered => "Surrendered", "सरेंडर";
    StMatured => "Matured", "परिपक्व";
    StClaimed => "Claimed", "दावा किया गया";
    StCancelled => "Cancelled", "रद्द";
    FqMonthly => "Monthly", "मासिक";
    FqQuarterly => "Quarterly", "त्रैमासिक";
    FqHalfYearly => "Half-yearly", "अर्धवार्षिक";
    FqAnnual => "Annual", "वार्षिक";
    CatLife => "Life", "जीवन";
    CatHealth => "Health", "स्वास्थ्य";
    CatGeneral => "General", "सामान्य";
    MCash => "Cash", "नकद";
    MCheque => "Cheque", "चेक";
    MUpi => "UPI", "UPI";
    MNetBanking => "Net banking", "नेट बैंकिंग";
    MCard => "Card", "कार्ड";
    MOnline => "Online", "ऑनलाइन";
    MBankTransfer => "Bank transfer", "बैंक ट्रांसफ़र";
    LicNumberRule => "An LIC policy number has 8–12 digits.", "LIC पॉलिसी नंबर में 8–12 अंक होते हैं।";
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
];

/// "12 March 2027": a date with its year, as a reminder states it.
pub fn day_month_year(date: NaiveDate, lang: Lang) -> String {
    let months = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Hi => &MONTHS_HI,
    };
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

/// "12 March" (this year) or "12 March 2028".
pub fn day_month(date: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let months = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Hi => &MONTHS_HI,
    };
    let month = months[date.month0() as usize];
    if date.year() == today.year() {
        format!("{} {month}", date.day())
    } else {
        format!("{} {month} {}", date.day(), date.year())
    }
}

/// Where a policy stands, in the words a customer uses: "Paid up to 12 March",
/// "Due in 5 days", "In grace until 2 April", "Lapsed: can be revived until 2030".
pub fn describe(standing: Standing, today: NaiveDate, lang: Lang) -> String {
    let date = |d: NaiveDate| day_month(d, today, lang);
    match standing {
        // Paid up to the day before the next premium falls due.
        Standing::PaidUp { due } => fill(
            T::PaidUpTo.text(lang),
            &[("date", &date(due - chrono::Duration::days(1)))],
        ),
        Standing::DueSoon { days_left: 0, .. } => T::DueToday.text(lang).to_owned(),
        Standing::DueSoon { days_left: 1, .. } => T::DueTomorrow.text(lang).to_owned(),
        Standing::DueSoon { days_left, .. } => {
            fill(T::DueInDays.text(lang), &[("days", &days_left)])
        }
        Standing::InGrace { until, .. } => {
            fill(T::InGraceUntil.text(lang), &[("date", &date(until))])
        }
        Standing::Revivable { until, .. } => {
            fill(T::LapsedRevivable.text(lang), &[("year", &until.year())])
        }
        Standing::Lapsed { .. } => T::LapsedFinal.text(lang).to_owned(),
    }
}

/// A policy with its standing worded for `today`, in `lang`.
pub fn line(policy: Policy, today: NaiveDate, lang: Lang) -> PolicyLine {
    let standing = policy.standing(today);
    PolicyLine {
        standing: standing.map(|s| describe(s, today, lang)),
        bucket: standing.and_then(Standing::bucket),
        policy,
    }
}

/// A status's label.
pub fn status_label(s: PolicyStatus) -> &'static str {
    use PolicyStatus::*;
    t(match s {
        Draft => T::StDraft,
        PendingApproval => T::StPending,
        UnderReview => T::StReview,
        Approved => T::StApproved,
        Active => T::StActive,
        Lapsed => T::StLapsed,
        Surrendered => T::StSurrendered,
        Matured => T::StMatured,
        Claimed => T::StClaimed,
        Cancelled => T::StCancelled,
    })
}

pub fn frequency_label(f: Frequency) -> &'static str {
    t(match f {
        Frequency::Monthly => T::FqMonthly,
        Frequency::Quarterly => T::FqQuarterly,
        Frequency::HalfYearly => T::FqHalfYearly,
        Frequency::Annual => T::FqAnnual,
    })
}

pub fn category_label(c: Category) -> &'static str {
    t(match c {
        Category::Life => T::CatLife,
        Category::Health => T::CatHealth,
        Category::General => T::CatGeneral,
    })
}

pub fn bucket_label(b: Bucket) -> &'static str {
    t(match b {
        Bucket::DueSoon => T::DueSoon,
        Bucket::InGrace => T::InGrace,
        Bucket::Revivable => T::Revivable,
        Bucket::Lapsed => T::LapsedBucket,
    })
}

pub fn method_label(m: PaymentMethod) -> &'static str {
    use PaymentMethod::*;
    t(match m {
        Cash => T::MCash,
        Cheque => T::MCheque,
        Upi => T::MUpi,
        NetBanking => T::MNetBanking,
        Card => T::MCard,
        Online => T::MOnline,
        BankTransfer => T::MBankTransfer,
    })
}

/// The label of a plan kind (`term_life` → "Term life").
pub fn kind_label(kind: &str) -> String {
    let spaced = kind.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policies::types::{Frequency, DUE_SOON_DAYS};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_standing_reads_as_a_customer_would_say_it() {
        let today = d(2027, 3, 1);
        let say = |due, lang| {
            describe(
                Standing::of(due, Frequency::Annual, today, DUE_SOON_DAYS),
                today,
                lang,
            )
        };
        assert_eq!(say(d(2027, 6, 13), Lang::En), "Paid up to 12 June");
        assert_eq!(say(d(2028, 1, 1), Lang::En), "Paid up to 31 December");
        assert_eq!(say(today, Lang::En), "Due today");
        assert_eq!(say(d(2027, 3, 2), Lang::En), "Due tomorrow");
        assert_eq!(say(d(2027, 3, 6), Lang::En), "Due in 5 days");
        assert_eq!(say(d(2027, 2, 20), Lang::En), "In grace until 20 March");
        assert_eq!(
            say(d(2025, 6, 1), Lang::En),
            "Lapsed: can be revived until 2030"
        );
        assert_eq!(say(d(2021, 6, 1), Lang::En), "Lapsed");
        assert_eq!(say(d(2027, 3, 6), Lang::Hi), "5 दिन में देय");
        assert_eq!(say(d(2027, 2, 20), Lang::Hi), "20 मार्च तक छूट अवधि में");
        assert_eq!(
            day_month(d(2028, 2, 29), today, Lang::En),
            "29 February 2028"
        );
    }

    #[test]
    fn every_message_is_translated() {
        crate::i18n::check_table(T::ALL);
    }
}
