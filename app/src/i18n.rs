//! English and Hindi UI text. Every user-facing string in a view comes from here, so
//! adding a language is adding a column, and a missing translation is a compile error.
//!
//! The language is chosen by the `am_lang` cookie (set by `/lang/{code}`, which works
//! without JavaScript). The server renders `<html lang>` from it, and the browser reads
//! that attribute back at hydration, so both sides agree without a round trip.

use leptos::prelude::*;

pub const LANG_COOKIE: &str = "am_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Hi,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Hi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }

    /// The language's own name, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Hi => "हिन्दी",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "hi" => Some(Lang::Hi),
            _ => None,
        }
    }

    /// The `Set-Cookie` value that remembers this language for a year.
    pub fn set_cookie(self) -> String {
        format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            self.code()
        )
    }

    /// Reads the language from a `Cookie` header value.
    pub fn from_cookie_header(header: &str) -> Lang {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LANG_COOKIE)
            .and_then(|(_, value)| Lang::from_code(value))
            .unwrap_or_default()
    }
}

/// Declares a feature's message table: an enum of messages and the text of each in
/// every language. A message without all its translations does not compile. Each
/// feature keeps its table beside its pages (`presentations/text.rs`); this file
/// holds the shared one (`Msg`: the frame, sign-in, users, status, errors).
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident, fn $text:ident; $($msg:ident => $en:literal, $hi:literal;)+) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($msg),+ }

        /// The text of `msg` in `lang`.
        $vis fn $text(lang: $crate::i18n::Lang, msg: $name) -> &'static str {
            match msg {
                $($name::$msg => match lang {
                    $crate::i18n::Lang::En => $en,
                    $crate::i18n::Lang::Hi => $hi,
                }),+
            }
        }
    };
}

texts! {
    /// Every shared translatable message.
    pub enum Msg, fn text;
    AppName => "Agent Mitra", "Agent Mitra";
    Tagline => "Stay close to every policyholder", "हर पॉलिसीधारक के करीब रहें";
    SkipToContent => "Skip to content", "मुख्य सामग्री पर जाएँ";
    Menu => "Menu", "मेनू";
    NavHome => "Home", "होम";
    NavStatus => "System status", "सिस्टम स्थिति";
    NavApiDocs => "API docs", "API दस्तावेज़";
    Language => "Language", "भाषा";
    FooterNote => "Agent Mitra, for insurance agents across India.", "एजेंट मित्र, पूरे भारत के बीमा एजेंटों के लिए।";
    Loading => "Loading…", "लोड हो रहा है…";
    NotFoundTitle => "Page not found", "पेज नहीं मिला";
    NotFoundBody => "The page you asked for does not exist or has moved.", "आपका माँगा गया पेज मौजूद नहीं है या हटा दिया गया है।";
    BackHome => "Go to the home page", "होम पेज पर जाएँ";
    ErrorTitle => "Something went wrong", "कुछ गलत हो गया";
    TryAgain => "Try again", "फिर से कोशिश करें";
    Dismiss => "Dismiss", "बंद करें";
    HomeHeadline => "Your customers, your carousel, your day — in one place", "आपके ग्राहक, आपका कैरोसेल, आपका दिन — एक ही जगह";
    HomeIntro => "Agent Mitra helps LIC agents keep in touch with their policyholders, and helps admins run their agent networks.", "एजेंट मित्र LIC एजेंटों को अपने पॉलिसीधारकों से जुड़े रहने में और एडमिन को एजेंट नेटवर्क चलाने में मदद करता है।";
    HomeAgentsTitle => "For agents", "एजेंटों के लिए";
    HomeAgentsBody => "Policies, premium reminders and a home-page carousel that shows your customers what you offer.", "पॉलिसी, प्रीमियम रिमाइंडर और एक होम-पेज कैरोसेल जो ग्राहकों को आपकी सेवाएँ दिखाता है।";
    HomeAdminsTitle => "For admins", "एडमिन के लिए";
    HomeAdminsBody => "Users, roles, agent approval, providers and feature flags, with an audit trail.", "यूज़र, भूमिकाएँ, एजेंट स्वीकृति, प्रदाता और फ़ीचर फ़्लैग, ऑडिट ट्रेल के साथ।";
    HomeMobileTitle => "For the mobile app", "मोबाइल ऐप के लिए";
    HomeMobileBody => "A documented JSON API with stable /api/v1 paths.", "स्थिर /api/v1 पाथ वाला प्रलेखित JSON API।";
    CheckStatus => "Check system status", "सिस्टम स्थिति देखें";
    StatusTitle => "System status", "सिस्टम स्थिति";
    StatusIntro => "Live health of the service, its database and the machine it runs on.", "सेवा, उसके डेटाबेस और सर्वर मशीन की मौजूदा स्थिति।";
    StatusOverall => "Overall", "कुल स्थिति";
    StatusDatabase => "Database", "डेटाबेस";
    StatusHost => "Server", "सर्वर";
    StatusRoundTrip => "Round trip", "राउंड ट्रिप";
    StatusPool => "Connections in use", "उपयोग में कनेक्शन";
    StatusCpu => "CPU", "CPU";
    StatusMemory => "Memory", "मेमोरी";
    StatusDisk => "Disk", "डिस्क";
    StatusUptime => "Up for", "चालू समय";
    StatusVersion => "Version", "संस्करण";
    StatusRefresh => "Refresh", "रीफ़्रेश करें";
    StatusLatencyChart => "Database round trip, last checks (ms)", "डेटाबेस राउंड ट्रिप, पिछली जाँचें (ms)";
    StatusUpdated => "Updates every 15 seconds.", "हर 15 सेकंड में अपडेट होता है।";
    Healthy => "Healthy", "ठीक है";
    Degraded => "Degraded", "आंशिक रूप से बाधित";
    Critical => "Critical", "गंभीर";
    Unhealthy => "Down", "बंद";
    SignIn => "Sign in", "साइन इन करें";
    SignInTitle => "Sign in to your Agent Mitra account", "अपने एजेंट मित्र खाते में साइन इन करें";
    SignInMethod => "How to sign in", "साइन इन का तरीका";
    MethodPassword => "Password", "पासवर्ड";
    MethodAgentCode => "Agent code", "एजेंट कोड";
    MethodOtp => "SMS code", "SMS कोड";
    AgentCode => "Agent code", "एजेंट कोड";
    PhoneOrEmail => "Mobile number or email", "मोबाइल नंबर या ईमेल";
    PhoneHint => "10-digit mobile number, e.g. 9876543210", "10 अंकों का मोबाइल नंबर, जैसे 9876543210";
    Password => "Password", "पासवर्ड";
    SigningIn => "Signing in…", "साइन इन हो रहा है…";
    MobileNumber => "Mobile number", "मोबाइल नंबर";
    OtpHint => "We will send a 6-digit code by SMS.", "हम SMS से 6 अंकों का कोड भेजेंगे।";
    SendCode => "Send code", "कोड भेजें";
    EnterCode => "Enter verification code", "सत्यापन कोड दर्ज करें";
    CodeSentTo => "We sent a 6-digit code to", "हमने 6 अंकों का कोड भेजा है:";
    SixDigitCode => "6-digit code", "6 अंकों का कोड";
    Verify => "Verify and sign in", "सत्यापित करें और साइन इन करें";
    ResendIn => "Resend code in", "कोड दोबारा भेजें:";
    DidntGetCode => "Didn't receive the code?", "कोड नहीं मिला?";
    Resend => "Resend", "दोबारा भेजें";
    UseDifferentNumber => "Use a different number", "दूसरा नंबर इस्तेमाल करें";
    Security => "Security", "सुरक्षा";
    ActiveSessions => "Where you are signed in", "आप कहाँ साइन इन हैं";
    SignOutOthers => "Sign out all other sessions", "बाकी सभी सत्रों से साइन आउट करें";
    ThisDevice => "This device", "यह डिवाइस";
    LastSeen => "last active", "पिछली गतिविधि";
    SignOut => "Sign out", "साइन आउट";
    ChangePassword => "Change password", "पासवर्ड बदलें";
    PasswordChanged => "Password changed. Your other sessions were signed out.", "पासवर्ड बदल गया। आपके बाकी सत्र साइन आउट कर दिए गए।";
    CurrentPassword => "Current password", "मौजूदा पासवर्ड";
    NewPassword => "New password", "नया पासवर्ड";
    PasswordRule => "8 to 128 characters; avoid common passwords.", "8 से 128 अक्षर; आम पासवर्ड से बचें।";
    ConfirmPassword => "Confirm new password", "नए पासवर्ड की पुष्टि करें";
    NavSecurity => "Security", "सुरक्षा";
    SignedInAs => "Signed in as", "साइन इन:";
    Welcome => "Welcome", "स्वागत है";
    Users => "Users", "यूज़र";
    AddUser => "Add new user", "नया यूज़र जोड़ें";
    Search => "Search", "खोजें";
    SearchUsersHint => "Search users by name, email, or phone…", "नाम, ईमेल या फ़ोन से यूज़र खोजें…";
    Role => "Role", "भूमिका";
    AllRoles => "All roles", "सभी भूमिकाएँ";
    Status => "Status", "स्थिति";
    AllStatuses => "All statuses", "सभी स्थितियाँ";
    SortBy => "Sort by", "क्रम";
    NoUsers => "No users match.", "कोई यूज़र नहीं मिला।";
    ExportCsv => "Export this view as CSV", "यह सूची CSV में निर्यात करें";
    Name => "Name", "नाम";
    Contact => "Contact", "संपर्क";
    Pages => "Pages", "पेज";
    Previous => "Previous", "पिछला";
    FirstPage => "First page", "पहला पेज";
    Next => "Next", "अगला";
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
    NavUsers => "Users", "यूज़र";
    NavProfile => "Profile", "प्रोफ़ाइल";
    NavPresentations => "Presentations", "प्रेज़ेंटेशन";
}

/// The current language (provided by `App`).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The text of `msg` in the current language.
pub fn t(msg: Msg) -> &'static str {
    text(use_lang(), msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_is_read_among_others() {
        assert_eq!(Lang::from_cookie_header("a=1; am_lang=hi; b=2"), Lang::Hi);
        assert_eq!(Lang::from_cookie_header("am_lang=xx"), Lang::En);
        assert_eq!(Lang::from_cookie_header(""), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code(" HI "), Some(Lang::Hi));
    }

    #[test]
    fn hindi_text_differs_from_english_for_user_facing_messages() {
        for msg in [
            Msg::NavHome,
            Msg::StatusTitle,
            Msg::NotFoundTitle,
            Msg::Healthy,
        ] {
            assert_ne!(text(Lang::En, msg), text(Lang::Hi, msg), "{msg:?}");
        }
    }
}
