//! English and Hindi text of the customer pages and checks.

pub use crate::i18n::t;

crate::texts! {
    /// The customers feature's messages.
    pub enum T;
    // Checks.
    PhoneNeeded => "Enter the customer's mobile number: reminders go there.", "ग्राहक का मोबाइल नंबर दर्ज करें: रिमाइंडर वहीं जाते हैं।";
    PhoneIsCustomer => "This mobile number is already a customer's.", "यह मोबाइल नंबर पहले से किसी ग्राहक का है।";
    EmailTaken => "This email belongs to another account.", "यह ईमेल किसी और खाते का है।";
    CustomerIdTaken => "This customer id is already in use.", "यह ग्राहक आईडी पहले से इस्तेमाल में है।";
    NomineeRule => "Give the nominee's name (up to 100 characters).", "नामांकित व्यक्ति का नाम दें (अधिकतम 100 अक्षर)।";
    IncomeBandRule => "Choose an income band from the list.", "सूची में से आय वर्ग चुनें।";
    LanguageRule => "Choose English or Hindi.", "अंग्रेज़ी या हिन्दी चुनें।";
    ConsentChannelRule => "Say how the customer agreed: in person, phone, SMS, WhatsApp or web.", "बताएँ कि ग्राहक ने कैसे सहमति दी: मिलकर, फ़ोन, SMS, WhatsApp या वेब।";
    AgentUnknown => "Choose an agent in your network.", "अपने नेटवर्क का कोई एजेंट चुनें।";
    NotYourCustomer => "Agents can only act for their assigned policyholders.", "एजेंट केवल अपने ग्राहकों के लिए काम कर सकते हैं।";
    OnlyAdminsMove => "Only an administrator can move a customer to another agent.", "केवल व्यवस्थापक ही ग्राहक को दूसरे एजेंट को सौंप सकते हैं।";
    NotAnActiveAgent => "Only an approved, active agent can take on customers.", "केवल स्वीकृत, सक्रिय एजेंट ही ग्राहक ले सकते हैं।";
    // Pages.
    Customers => "Customers", "ग्राहक";
    AddCustomer => "Add customer", "ग्राहक जोड़ें";
    AnyPolicies => "With or without policies", "पॉलिसी हो या न हो";
    WithPolicies => "With a policy in force", "चालू पॉलिसी वाले";
    WithoutPolicies => "No policy in force", "बिना चालू पॉलिसी";
    NoCustomers => "No customers yet. Add your first customer.", "अभी कोई ग्राहक नहीं। अपना पहला ग्राहक जोड़ें।";
    SearchHint => "Name, phone, email or customer id", "नाम, फ़ोन, ईमेल या ग्राहक आईडी";
    Name => "Name", "नाम";
    Phone => "Phone", "फ़ोन";
    CustomerId => "Customer id", "ग्राहक आईडी";
    Policies => "Policies", "पॉलिसियाँ";
    Premium => "Premium", "प्रीमियम";
    LastContact => "Last contact", "पिछला संपर्क";
    Agent => "Agent", "एजेंट";
    Salutation => "Title", "संबोधन";
    Occupation => "Occupation", "व्यवसाय";
    IncomeBand => "Income band", "आय वर्ग";
    Language => "Reminder language", "रिमाइंडर की भाषा";
    NomineeName => "Nominee's name", "नामांकित व्यक्ति का नाम";
    NomineeRelation => "Nominee's relationship", "नामांकित व्यक्ति से संबंध";
    Consent => "The customer agrees to receive offers by SMS and WhatsApp", "ग्राहक SMS और WhatsApp पर ऑफ़र पाने के लिए सहमत है";
    ConsentGiven => "Consent given", "सहमति का तरीका";
    Profile => "Profile", "प्रोफ़ाइल";
    PremiumHistory => "Premium history", "प्रीमियम इतिहास";
    Reminders => "Reminders sent", "भेजे गए रिमाइंडर";
    NoReminders => "No reminders sent yet.", "अभी कोई रिमाइंडर नहीं भेजा गया।";
    MoveTo => "Move to agent", "एजेंट को सौंपें";
    Move => "Move", "सौंपें";
    Save => "Save", "सहेजें";
    NewPolicy => "New policy", "नई पॉलिसी";
    Band0 => "Below ₹3 lakh", "₹3 लाख से कम";
    Band1 => "₹3–5 lakh", "₹3–5 लाख";
    Band2 => "₹5–10 lakh", "₹5–10 लाख";
    Band3 => "₹10–25 lakh", "₹10–25 लाख";
    Band4 => "Above ₹25 lakh", "₹25 लाख से अधिक";
    InPerson => "In person", "मिलकर";
    ByPhone => "Phone call", "फ़ोन कॉल";
}

/// An income band's label.
pub fn band_label(b: super::types::IncomeBand) -> &'static str {
    use super::types::IncomeBand::*;
    t(match b {
        Below3L => T::Band0,
        From3To5L => T::Band1,
        From5To10L => T::Band2,
        From10To25L => T::Band3,
        Above25L => T::Band4,
    })
}
