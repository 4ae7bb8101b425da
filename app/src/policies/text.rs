//! English and Hindi text of the policy pages and checks (the feature's one
//! `texts!` table).

use super::types::Standing;
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
