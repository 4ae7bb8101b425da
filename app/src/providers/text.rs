//! English and Hindi text of the provider pages and checks.

pub use crate::i18n::t;

crate::texts! {
    /// The provider feature's messages.
    pub enum T;
    CodeRule => "Use 2–20 capital letters, digits, _ or - (like HDFC_LIFE).", "2–20 बड़े अक्षर, अंक, _ या - इस्तेमाल करें (जैसे HDFC_LIFE)।";
    CodeTaken => "Provider code already exists.", "यह प्रदाता कोड पहले से मौजूद है।";
    NameRule => "Enter the provider's name (up to 255 characters).", "प्रदाता का नाम दर्ज करें (अधिकतम 255 अक्षर)।";
    TypeRule => "Choose life, health or general insurance.", "जीवन, स्वास्थ्य या सामान्य बीमा चुनें।";
    StatusRule => "Choose one of the listed statuses.", "दी गई स्थितियों में से एक चुनें।";
    YearRule => "Use a year between 1800 and 2100.", "1800 और 2100 के बीच का वर्ष दें।";
    HttpsRule => "Use an https:// address.", "https:// पता इस्तेमाल करें।";
    LanguagesRule => "Use language codes like en, hi, te.", "en, hi, te जैसे भाषा कोड इस्तेमाल करें।";
    ObjectRule => "Use a JSON object, like {\"first_year\": 25}.", "JSON ऑब्जेक्ट इस्तेमाल करें, जैसे {\"first_year\": 25}।";
    JsonRule => "This is not valid JSON.", "यह मान्य JSON नहीं है।";
    Providers => "Insurance providers", "बीमा प्रदाता";
    AddProvider => "Add provider", "प्रदाता जोड़ें";
    NoProviders => "No providers match.", "कोई प्रदाता नहीं मिला।";
    SearchHint => "Name or code…", "नाम या कोड…";
    Code => "Code", "कोड";
    Name => "Name", "नाम";
    Type => "Type", "प्रकार";
    Status => "Status", "स्थिति";
    Agents => "Agents", "एजेंट";
    AllTypes => "All types", "सभी प्रकार";
    AllStatuses => "All statuses", "सभी स्थितियाँ";
    Life => "Life insurance", "जीवन बीमा";
    Health => "Health insurance", "स्वास्थ्य बीमा";
    General => "General insurance", "सामान्य बीमा";
    Active => "Active", "सक्रिय";
    Inactive => "Inactive", "निष्क्रिय";
    Suspended => "Suspended", "निलंबित";
    Maintenance => "Under maintenance", "रखरखाव में";
    Description => "Description", "विवरण";
    Licence => "Licence number", "लाइसेंस नंबर";
    Regulator => "Regulator", "नियामक";
    Year => "Established", "स्थापना वर्ष";
    City => "Headquarters city", "मुख्यालय शहर";
    State => "Headquarters state", "मुख्यालय राज्य";
    Languages => "Languages (comma-separated codes)", "भाषाएँ (कॉमा से अलग कोड)";
    Regions => "Service regions (comma-separated)", "सेवा क्षेत्र (कॉमा से अलग)";
    Hours => "Business hours (JSON)", "कार्य समय (JSON)";
    Commission => "Commission structure (JSON)", "कमीशन संरचना (JSON)";
    ApiEndpoint => "API endpoint", "API एंडपॉइंट";
    WebhookUrl => "Webhook URL", "वेबहुक URL";
    ApiCredentials => "API credentials (JSON, write-only)", "API क्रेडेंशियल (JSON, केवल लिखने के लिए)";
    WebhookSecret => "Webhook secret (write-only)", "वेबहुक सीक्रेट (केवल लिखने के लिए)";
    SecretSet => "A secret is stored. Type a new one to replace it.", "एक सीक्रेट सहेजा हुआ है। बदलने के लिए नया लिखें।";
    SecretUnset => "Not set.", "सेट नहीं है।";
    Save => "Save", "सहेजें";
    Saved => "Saved.", "सहेजा गया।";
    Create => "Create provider", "प्रदाता बनाएँ";
    Deactivate => "Deactivate", "निष्क्रिय करें";
    DeactivateConfirm => "Yes, deactivate", "हाँ, निष्क्रिय करें";
    LinkedAgents => "Linked agents", "जुड़े एजेंट";
    NoLinkedAgents => "No agents sell for this provider yet.", "अभी कोई एजेंट इस प्रदाता के लिए काम नहीं करता।";
    Details => "Details", "विवरण";
    Edit => "Edit provider", "प्रदाता संपादित करें";
    Integration => "Integration", "इंटीग्रेशन";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_has_both_languages_and_the_same_placeholders() {
        crate::i18n::check_table(super::T::ALL);
    }
}
