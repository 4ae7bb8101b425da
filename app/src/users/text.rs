//! English and Hindi text of the user pages, the feature's own `texts!` table
//! (a missing translation does not compile).

pub use crate::i18n::t;

crate::texts! {
    /// The user pages' messages.
    pub enum T;
    LanguageChoice => "Choose English, Hindi or Telugu.", "अंग्रेज़ी, हिन्दी या तेलुगु चुनें।";
    ThemeChoice => "Choose light or dark.", "हल्की या गहरी चुनें।";
    TimezoneChoice => "Choose a time zone such as Asia/Kolkata.", "Asia/Kolkata जैसा कोई समय क्षेत्र चुनें।";
    NotificationChoice => "Use true/false for email, sms, push and whatsapp.", "email, sms, push और whatsapp के लिए true/false इस्तेमाल करें।";
    PhoneOrEmailNeeded => "Give a phone number or an email.", "फ़ोन नंबर या ईमेल दें।";
    FirstNameRule => "Enter a first name (up to {max} characters).", "पहला नाम दर्ज करें (अधिकतम {max} अक्षर)।";
    UpToChars => "Up to {max} characters.", "अधिकतम {max} अक्षर।";
    ChooseRole => "Choose a role.", "भूमिका चुनें।";
    UnknownStatus => "Unknown status.", "अज्ञात स्थिति।";
    EmailTaken => "This email is already registered.", "यह ईमेल पहले से पंजीकृत है।";
    PhoneTaken => "This phone number is already registered.", "यह फ़ोन नंबर पहले से पंजीकृत है।";
    KeepAnIdentifier => "Keep at least a phone number or an email.", "कम से कम एक फ़ोन नंबर या ईमेल रखें।";
    Users => "Users", "यूज़र";
    AddUser => "Add new user", "नया यूज़र जोड़ें";
    SearchUsersHint => "Search users by name, email, or phone…", "नाम, ईमेल या फ़ोन से यूज़र खोजें…";
    Role => "Role", "भूमिका";
    AllRoles => "All roles", "सभी भूमिकाएँ";
    Status => "Status", "स्थिति";
    AllStatuses => "All statuses", "सभी स्थितियाँ";
    SortBy => "Sort by", "क्रम";
    NoUsers => "No users match.", "कोई यूज़र नहीं मिला।";
    Name => "Name", "नाम";
    Contact => "Contact", "संपर्क";
    FirstName => "First name", "पहला नाम";
    LastName => "Last name", "उपनाम";
    Email => "Email", "ईमेल";
    PasswordOptional => "Optional. Without one, the user signs in with an SMS code.", "वैकल्पिक। इसके बिना यूज़र SMS कोड से साइन इन करेगा।";
    CreateUser => "Create user", "यूज़र बनाएँ";
    User => "User", "यूज़र";
    EditUser => "Edit user", "यूज़र संपादित करें";
    DisplayName => "Display name", "दिखने वाला नाम";
    Save => "Save", "सहेजें";
    Roles => "Roles", "भूमिकाएँ";
    PrimaryRole => "Primary role", "मुख्य भूमिका";
    RemoveRole => "Remove role", "भूमिका हटाएँ";
    AssignRole => "Assign role", "भूमिका दें";
    Deactivate => "Deactivate user", "यूज़र निष्क्रिय करें";
    Reactivate => "Reactivate user", "यूज़र फिर से सक्रिय करें";
    Preferences => "Profile and preferences", "प्रोफ़ाइल और पसंद";
    Saved => "Saved.", "सहेजा गया।";
    TimeZone => "Time zone", "समय क्षेत्र";
    Theme => "Theme", "थीम";
    Light => "Light", "हल्की";
    Dark => "Dark", "गहरी";
    Notifications => "Notifications", "सूचनाएँ";
    Push => "App notifications", "ऐप सूचनाएँ";
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_fully_translated() {
        crate::i18n::check_table(super::T::ALL);
    }
}
