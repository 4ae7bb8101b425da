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

/// Every translatable message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    Tagline,
    SkipToContent,
    Menu,
    NavHome,
    NavStatus,
    NavApiDocs,
    Language,
    FooterNote,
    Loading,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    ErrorTitle,
    TryAgain,
    Dismiss,
    HomeHeadline,
    HomeIntro,
    HomeAgentsTitle,
    HomeAgentsBody,
    HomeAdminsTitle,
    HomeAdminsBody,
    HomeMobileTitle,
    HomeMobileBody,
    CheckStatus,
    StatusTitle,
    StatusIntro,
    StatusOverall,
    StatusDatabase,
    StatusHost,
    StatusRoundTrip,
    StatusPool,
    StatusCpu,
    StatusMemory,
    StatusDisk,
    StatusUptime,
    StatusVersion,
    StatusRefresh,
    StatusLatencyChart,
    StatusUpdated,
    Healthy,
    Degraded,
    Critical,
    Unhealthy,
    SignIn,
    SignInTitle,
    SignInMethod,
    MethodPassword,
    MethodAgentCode,
    MethodOtp,
    AgentCode,
    PhoneOrEmail,
    PhoneHint,
    Password,
    SigningIn,
    MobileNumber,
    OtpHint,
    SendCode,
    EnterCode,
    CodeSentTo,
    SixDigitCode,
    Verify,
    ResendIn,
    DidntGetCode,
    Resend,
    UseDifferentNumber,
    Security,
    ActiveSessions,
    SignOutOthers,
    ThisDevice,
    LastSeen,
    SignOut,
    ChangePassword,
    PasswordChanged,
    CurrentPassword,
    NewPassword,
    PasswordRule,
    ConfirmPassword,
    NavSecurity,
    SignedInAs,
    Welcome,
    Users,
    AddUser,
    Search,
    SearchUsersHint,
    Role,
    AllRoles,
    Status,
    AllStatuses,
    SortBy,
    NoUsers,
    ExportCsv,
    Name,
    Contact,
    Pages,
    Previous,
    Next,
    FirstName,
    LastName,
    Email,
    PasswordOptional,
    CreateUser,
    User,
    EditUser,
    DisplayName,
    Save,
    Roles,
    PrimaryRole,
    RemoveRole,
    AssignRole,
    Deactivate,
    Reactivate,
    Preferences,
    Saved,
    TimeZone,
    Theme,
    Light,
    Dark,
    Notifications,
    Push,
    NavUsers,
    NavProfile,
    NavPresentations,
}

/// The text of `msg` in `lang`.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match (lang, msg) {
        (_, AppName) => "Agent Mitra",
        (Lang::En, Tagline) => "Stay close to every policyholder",
        (Lang::Hi, Tagline) => "हर पॉलिसीधारक के करीब रहें",
        (Lang::En, SkipToContent) => "Skip to content",
        (Lang::Hi, SkipToContent) => "मुख्य सामग्री पर जाएँ",
        (Lang::En, Menu) => "Menu",
        (Lang::Hi, Menu) => "मेनू",
        (Lang::En, NavHome) => "Home",
        (Lang::Hi, NavHome) => "होम",
        (Lang::En, NavStatus) => "System status",
        (Lang::Hi, NavStatus) => "सिस्टम स्थिति",
        (Lang::En, NavApiDocs) => "API docs",
        (Lang::Hi, NavApiDocs) => "API दस्तावेज़",
        (Lang::En, Language) => "Language",
        (Lang::Hi, Language) => "भाषा",
        (Lang::En, FooterNote) => "Agent Mitra, for insurance agents across India.",
        (Lang::Hi, FooterNote) => "एजेंट मित्र, पूरे भारत के बीमा एजेंटों के लिए।",
        (Lang::En, Loading) => "Loading…",
        (Lang::Hi, Loading) => "लोड हो रहा है…",
        (Lang::En, NotFoundTitle) => "Page not found",
        (Lang::Hi, NotFoundTitle) => "पेज नहीं मिला",
        (Lang::En, NotFoundBody) => "The page you asked for does not exist or has moved.",
        (Lang::Hi, NotFoundBody) => "आपका माँगा गया पेज मौजूद नहीं है या हटा दिया गया है।",
        (Lang::En, BackHome) => "Go to the home page",
        (Lang::Hi, BackHome) => "होम पेज पर जाएँ",
        (Lang::En, ErrorTitle) => "Something went wrong",
        (Lang::Hi, ErrorTitle) => "कुछ गलत हो गया",
        (Lang::En, TryAgain) => "Try again",
        (Lang::Hi, TryAgain) => "फिर से कोशिश करें",
        (Lang::En, Dismiss) => "Dismiss",
        (Lang::Hi, Dismiss) => "बंद करें",
        (Lang::En, HomeHeadline) => "Your customers, your carousel, your day — in one place",
        (Lang::Hi, HomeHeadline) => "आपके ग्राहक, आपका कैरोसेल, आपका दिन — एक ही जगह",
        (Lang::En, HomeIntro) => "Agent Mitra helps LIC agents keep in touch with their policyholders, and helps admins run their agent networks.",
        (Lang::Hi, HomeIntro) => "एजेंट मित्र LIC एजेंटों को अपने पॉलिसीधारकों से जुड़े रहने में और एडमिन को एजेंट नेटवर्क चलाने में मदद करता है।",
        (Lang::En, HomeAgentsTitle) => "For agents",
        (Lang::Hi, HomeAgentsTitle) => "एजेंटों के लिए",
        (Lang::En, HomeAgentsBody) => "Policies, premium reminders and a home-page carousel that shows your customers what you offer.",
        (Lang::Hi, HomeAgentsBody) => "पॉलिसी, प्रीमियम रिमाइंडर और एक होम-पेज कैरोसेल जो ग्राहकों को आपकी सेवाएँ दिखाता है।",
        (Lang::En, HomeAdminsTitle) => "For admins",
        (Lang::Hi, HomeAdminsTitle) => "एडमिन के लिए",
        (Lang::En, HomeAdminsBody) => "Users, roles, agent approval, providers and feature flags, with an audit trail.",
        (Lang::Hi, HomeAdminsBody) => "यूज़र, भूमिकाएँ, एजेंट स्वीकृति, प्रदाता और फ़ीचर फ़्लैग, ऑडिट ट्रेल के साथ।",
        (Lang::En, HomeMobileTitle) => "For the mobile app",
        (Lang::Hi, HomeMobileTitle) => "मोबाइल ऐप के लिए",
        (Lang::En, HomeMobileBody) => "A documented JSON API with stable /api/v1 paths.",
        (Lang::Hi, HomeMobileBody) => "स्थिर /api/v1 पाथ वाला प्रलेखित JSON API।",
        (Lang::En, CheckStatus) => "Check system status",
        (Lang::Hi, CheckStatus) => "सिस्टम स्थिति देखें",
        (Lang::En, StatusTitle) => "System status",
        (Lang::Hi, StatusTitle) => "सिस्टम स्थिति",
        (Lang::En, StatusIntro) => "Live health of the service, its database and the machine it runs on.",
        (Lang::Hi, StatusIntro) => "सेवा, उसके डेटाबेस और सर्वर मशीन की मौजूदा स्थिति।",
        (Lang::En, StatusOverall) => "Overall",
        (Lang::Hi, StatusOverall) => "कुल स्थिति",
        (Lang::En, StatusDatabase) => "Database",
        (Lang::Hi, StatusDatabase) => "डेटाबेस",
        (Lang::En, StatusHost) => "Server",
        (Lang::Hi, StatusHost) => "सर्वर",
        (Lang::En, StatusRoundTrip) => "Round trip",
        (Lang::Hi, StatusRoundTrip) => "राउंड ट्रिप",
        (Lang::En, StatusPool) => "Connections in use",
        (Lang::Hi, StatusPool) => "उपयोग में कनेक्शन",
        (Lang::En, StatusCpu) => "CPU",
        (Lang::Hi, StatusCpu) => "CPU",
        (Lang::En, StatusMemory) => "Memory",
        (Lang::Hi, StatusMemory) => "मेमोरी",
        (Lang::En, StatusDisk) => "Disk",
        (Lang::Hi, StatusDisk) => "डिस्क",
        (Lang::En, StatusUptime) => "Up for",
        (Lang::Hi, StatusUptime) => "चालू समय",
        (Lang::En, StatusVersion) => "Version",
        (Lang::Hi, StatusVersion) => "संस्करण",
        (Lang::En, StatusRefresh) => "Refresh",
        (Lang::Hi, StatusRefresh) => "रीफ़्रेश करें",
        (Lang::En, StatusLatencyChart) => "Database round trip, last checks (ms)",
        (Lang::Hi, StatusLatencyChart) => "डेटाबेस राउंड ट्रिप, पिछली जाँचें (ms)",
        (Lang::En, StatusUpdated) => "Updates every 15 seconds.",
        (Lang::Hi, StatusUpdated) => "हर 15 सेकंड में अपडेट होता है।",
        (Lang::En, Healthy) => "Healthy",
        (Lang::Hi, Healthy) => "ठीक है",
        (Lang::En, Degraded) => "Degraded",
        (Lang::Hi, Degraded) => "आंशिक रूप से बाधित",
        (Lang::En, Critical) => "Critical",
        (Lang::Hi, Critical) => "गंभीर",
        (Lang::En, Unhealthy) => "Down",
        (Lang::Hi, Unhealthy) => "बंद",
        (Lang::En, SignIn) => "Sign in",
        (Lang::Hi, SignIn) => "साइन इन करें",
        (Lang::En, SignInTitle) => "Sign in to your Agent Mitra account",
        (Lang::Hi, SignInTitle) => "अपने एजेंट मित्र खाते में साइन इन करें",
        (Lang::En, SignInMethod) => "How to sign in",
        (Lang::Hi, SignInMethod) => "साइन इन का तरीका",
        (Lang::En, MethodPassword) => "Password",
        (Lang::Hi, MethodPassword) => "पासवर्ड",
        (Lang::En, MethodAgentCode) => "Agent code",
        (Lang::Hi, MethodAgentCode) => "एजेंट कोड",
        (Lang::En, MethodOtp) => "SMS code",
        (Lang::Hi, MethodOtp) => "SMS कोड",
        (Lang::En, AgentCode) => "Agent code",
        (Lang::Hi, AgentCode) => "एजेंट कोड",
        (Lang::En, PhoneOrEmail) => "Mobile number or email",
        (Lang::Hi, PhoneOrEmail) => "मोबाइल नंबर या ईमेल",
        (Lang::En, PhoneHint) => "10-digit mobile number, e.g. 9876543210",
        (Lang::Hi, PhoneHint) => "10 अंकों का मोबाइल नंबर, जैसे 9876543210",
        (Lang::En, Password) => "Password",
        (Lang::Hi, Password) => "पासवर्ड",
        (Lang::En, SigningIn) => "Signing in…",
        (Lang::Hi, SigningIn) => "साइन इन हो रहा है…",
        (Lang::En, MobileNumber) => "Mobile number",
        (Lang::Hi, MobileNumber) => "मोबाइल नंबर",
        (Lang::En, OtpHint) => "We will send a 6-digit code by SMS.",
        (Lang::Hi, OtpHint) => "हम SMS से 6 अंकों का कोड भेजेंगे।",
        (Lang::En, SendCode) => "Send code",
        (Lang::Hi, SendCode) => "कोड भेजें",
        (Lang::En, EnterCode) => "Enter verification code",
        (Lang::Hi, EnterCode) => "सत्यापन कोड दर्ज करें",
        (Lang::En, CodeSentTo) => "We sent a 6-digit code to",
        (Lang::Hi, CodeSentTo) => "हमने 6 अंकों का कोड भेजा है:",
        (Lang::En, SixDigitCode) => "6-digit code",
        (Lang::Hi, SixDigitCode) => "6 अंकों का कोड",
        (Lang::En, Verify) => "Verify and sign in",
        (Lang::Hi, Verify) => "सत्यापित करें और साइन इन करें",
        (Lang::En, ResendIn) => "Resend code in",
        (Lang::Hi, ResendIn) => "कोड दोबारा भेजें:",
        (Lang::En, DidntGetCode) => "Didn't receive the code?",
        (Lang::Hi, DidntGetCode) => "कोड नहीं मिला?",
        (Lang::En, Resend) => "Resend",
        (Lang::Hi, Resend) => "दोबारा भेजें",
        (Lang::En, UseDifferentNumber) => "Use a different number",
        (Lang::Hi, UseDifferentNumber) => "दूसरा नंबर इस्तेमाल करें",
        (Lang::En, Security) => "Security",
        (Lang::Hi, Security) => "सुरक्षा",
        (Lang::En, ActiveSessions) => "Where you are signed in",
        (Lang::Hi, ActiveSessions) => "आप कहाँ साइन इन हैं",
        (Lang::En, SignOutOthers) => "Sign out all other sessions",
        (Lang::Hi, SignOutOthers) => "बाकी सभी सत्रों से साइन आउट करें",
        (Lang::En, ThisDevice) => "This device",
        (Lang::Hi, ThisDevice) => "यह डिवाइस",
        (Lang::En, LastSeen) => "last active",
        (Lang::Hi, LastSeen) => "पिछली गतिविधि",
        (Lang::En, SignOut) => "Sign out",
        (Lang::Hi, SignOut) => "साइन आउट",
        (Lang::En, ChangePassword) => "Change password",
        (Lang::Hi, ChangePassword) => "पासवर्ड बदलें",
        (Lang::En, PasswordChanged) => "Password changed. Your other sessions were signed out.",
        (Lang::Hi, PasswordChanged) => "पासवर्ड बदल गया। आपके बाकी सत्र साइन आउट कर दिए गए।",
        (Lang::En, CurrentPassword) => "Current password",
        (Lang::Hi, CurrentPassword) => "मौजूदा पासवर्ड",
        (Lang::En, NewPassword) => "New password",
        (Lang::Hi, NewPassword) => "नया पासवर्ड",
        (Lang::En, PasswordRule) => "8 to 128 characters; avoid common passwords.",
        (Lang::Hi, PasswordRule) => "8 से 128 अक्षर; आम पासवर्ड से बचें।",
        (Lang::En, ConfirmPassword) => "Confirm new password",
        (Lang::Hi, ConfirmPassword) => "नए पासवर्ड की पुष्टि करें",
        (Lang::En, NavSecurity) => "Security",
        (Lang::Hi, NavSecurity) => "सुरक्षा",
        (Lang::En, SignedInAs) => "Signed in as",
        (Lang::Hi, SignedInAs) => "साइन इन:",
        (Lang::En, Welcome) => "Welcome",
        (Lang::Hi, Welcome) => "स्वागत है",
        (Lang::En, Users) => "Users",
        (Lang::Hi, Users) => "यूज़र",
        (Lang::En, AddUser) => "Add new user",
        (Lang::Hi, AddUser) => "नया यूज़र जोड़ें",
        (Lang::En, Search) => "Search",
        (Lang::Hi, Search) => "खोजें",
        (Lang::En, SearchUsersHint) => "Search users by name, email, or phone…",
        (Lang::Hi, SearchUsersHint) => "नाम, ईमेल या फ़ोन से यूज़र खोजें…",
        (Lang::En, Role) => "Role",
        (Lang::Hi, Role) => "भूमिका",
        (Lang::En, AllRoles) => "All roles",
        (Lang::Hi, AllRoles) => "सभी भूमिकाएँ",
        (Lang::En, Status) => "Status",
        (Lang::Hi, Status) => "स्थिति",
        (Lang::En, AllStatuses) => "All statuses",
        (Lang::Hi, AllStatuses) => "सभी स्थितियाँ",
        (Lang::En, SortBy) => "Sort by",
        (Lang::Hi, SortBy) => "क्रम",
        (Lang::En, NoUsers) => "No users match.",
        (Lang::Hi, NoUsers) => "कोई यूज़र नहीं मिला।",
        (Lang::En, ExportCsv) => "Export this view as CSV",
        (Lang::Hi, ExportCsv) => "यह सूची CSV में निर्यात करें",
        (Lang::En, Name) => "Name",
        (Lang::Hi, Name) => "नाम",
        (Lang::En, Contact) => "Contact",
        (Lang::Hi, Contact) => "संपर्क",
        (Lang::En, Pages) => "Pages",
        (Lang::Hi, Pages) => "पेज",
        (Lang::En, Previous) => "Previous",
        (Lang::Hi, Previous) => "पिछला",
        (Lang::En, Next) => "Next",
        (Lang::Hi, Next) => "अगला",
        (Lang::En, FirstName) => "First name",
        (Lang::Hi, FirstName) => "पहला नाम",
        (Lang::En, LastName) => "Last name",
        (Lang::Hi, LastName) => "उपनाम",
        (Lang::En, Email) => "Email",
        (Lang::Hi, Email) => "ईमेल",
        (Lang::En, PasswordOptional) => "Optional. Without one, the user signs in with an SMS code.",
        (Lang::Hi, PasswordOptional) => "वैकल्पिक। इसके बिना यूज़र SMS कोड से साइन इन करेगा।",
        (Lang::En, CreateUser) => "Create user",
        (Lang::Hi, CreateUser) => "यूज़र बनाएँ",
        (Lang::En, User) => "User",
        (Lang::Hi, User) => "यूज़र",
        (Lang::En, EditUser) => "Edit user",
        (Lang::Hi, EditUser) => "यूज़र संपादित करें",
        (Lang::En, DisplayName) => "Display name",
        (Lang::Hi, DisplayName) => "दिखने वाला नाम",
        (Lang::En, Save) => "Save",
        (Lang::Hi, Save) => "सहेजें",
        (Lang::En, Roles) => "Roles",
        (Lang::Hi, Roles) => "भूमिकाएँ",
        (Lang::En, PrimaryRole) => "Primary role",
        (Lang::Hi, PrimaryRole) => "मुख्य भूमिका",
        (Lang::En, RemoveRole) => "Remove role",
        (Lang::Hi, RemoveRole) => "भूमिका हटाएँ",
        (Lang::En, AssignRole) => "Assign role",
        (Lang::Hi, AssignRole) => "भूमिका दें",
        (Lang::En, Deactivate) => "Deactivate user",
        (Lang::Hi, Deactivate) => "यूज़र निष्क्रिय करें",
        (Lang::En, Reactivate) => "Reactivate user",
        (Lang::Hi, Reactivate) => "यूज़र फिर से सक्रिय करें",
        (Lang::En, Preferences) => "Profile and preferences",
        (Lang::Hi, Preferences) => "प्रोफ़ाइल और पसंद",
        (Lang::En, Saved) => "Saved.",
        (Lang::Hi, Saved) => "सहेजा गया।",
        (Lang::En, TimeZone) => "Time zone",
        (Lang::Hi, TimeZone) => "समय क्षेत्र",
        (Lang::En, Theme) => "Theme",
        (Lang::Hi, Theme) => "थीम",
        (Lang::En, Light) => "Light",
        (Lang::Hi, Light) => "हल्की",
        (Lang::En, Dark) => "Dark",
        (Lang::Hi, Dark) => "गहरी",
        (Lang::En, Notifications) => "Notifications",
        (Lang::Hi, Notifications) => "सूचनाएँ",
        (Lang::En, Push) => "App notifications",
        (Lang::Hi, Push) => "ऐप सूचनाएँ",
        (Lang::En, NavPresentations) => "Presentations",
        (Lang::Hi, NavPresentations) => "प्रेज़ेंटेशन",
        (Lang::En, NavUsers) => "Users",
        (Lang::Hi, NavUsers) => "यूज़र",
        (Lang::En, NavProfile) => "Profile",
        (Lang::Hi, NavProfile) => "प्रोफ़ाइल",
    }
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
