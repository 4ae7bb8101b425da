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

    /// The language of a request: the `am_lang` cookie (the user's own choice) if it
    /// names one, else the best supported language of `Accept-Language` (how the
    /// mobile app and a first visit ask), else English.
    pub fn of_request(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        let chosen = cookie.and_then(|header| {
            header
                .split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(name, _)| *name == LANG_COOKIE)
                .and_then(|(_, value)| Lang::from_code(value))
        });
        chosen
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .unwrap_or_default()
    }

    /// The supported language with the highest `q` in an `Accept-Language` value.
    fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let primary = tag.split('-').next()?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                Some((Lang::from_code(primary)?, q))
            })
            .filter(|(_, q)| *q > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(lang, _)| lang)
    }
}

/// What every message table gives: its text in a language.
pub trait Text: Copy {
    fn text(self, lang: Lang) -> &'static str;
}

/// Declares a message table: an enum of messages and the text of each in every
/// language, as an implementation of [`Text`]. A message without all its translations
/// does not compile. Each feature keeps its table in its own `text.rs`, its
/// validation messages included, so a Hindi page never shows an English field error.
/// This file holds the shared table, [`Msg`].
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident; $($msg:ident => $en:literal, $hi:literal;)+) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($msg),+ }

        impl $name {
            /// Every message of the table, for the tests that check translations.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$msg),+];
        }

        impl $crate::i18n::Text for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match self {
                    $($name::$msg => match lang {
                        $crate::i18n::Lang::En => $en,
                        $crate::i18n::Lang::Hi => $hi,
                    }),+
                }
            }
        }
    };
}

/// Fills the `{name}` placeholders of a message, for messages that carry a number
/// (`"Up to {max} characters."`). Placeholders stay in the table so a translation can
/// put them where its grammar wants them.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    args.iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

texts! {
    /// The messages shared by every feature: the frame, the home page, the shared
    /// widgets and words that several features use.
    pub enum Msg;
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
    FixFields => "Please fix the highlighted fields.", "कृपया चिह्नित फ़ील्ड ठीक करें।";
    TooLong => "That is too long.", "यह बहुत लंबा है।";
    DateFormat => "Use a date like 2027-03-31.", "2027-03-31 जैसी तारीख़ इस्तेमाल करें।";
    StalePageLink => "This page link is out of date. Start again from the first page.", "यह पेज लिंक पुराना हो गया है। पहले पेज से फिर शुरू करें।";
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
    SignIn => "Sign in", "साइन इन करें";
    Password => "Password", "पासवर्ड";
    MobileNumber => "Mobile number", "मोबाइल नंबर";
    SignOut => "Sign out", "साइन आउट";
    MyAccount => "My account", "मेरा खाता";
    NotForYouTitle => "This page is not for your role", "यह पेज आपकी भूमिका के लिए नहीं है";
    NotForYouBody => "Your account cannot use this page. Your own page has what you can do here.", "आपका खाता इस पेज का उपयोग नहीं कर सकता। आप जो कर सकते हैं, वह आपके अपने पेज पर है।";
    GoToMyPage => "Go to my page", "मेरे पेज पर जाएँ";
    MyTitle => "My Agent Mitra", "मेरा एजेंट मित्र";
    MyWelcome => "Welcome!", "स्वागत है!";
    MyWelcomeNamed => "Welcome, {name}!", "स्वागत है, {name}!";
    MyAgent => "My agent", "मेरे एजेंट";
    MyAgentNone => "You are not linked to an agent yet. When your agent adds you as their customer, their page and contact details appear here.", "आप अभी किसी एजेंट से जुड़े नहीं हैं। जब आपके एजेंट आपको अपने ग्राहक के रूप में जोड़ेंगे, तो उनका पेज और संपर्क यहाँ दिखेगा।";
    AddYourName => "Add your name", "अपना नाम जोड़ें";
    AgentCarousel => "{name}'s carousel", "{name} का कैरोसेल";
    CallAgent => "Call", "कॉल करें";
    WhatsAppAgent => "WhatsApp", "व्हाट्सऐप";
    EmailAgent => "Email", "ईमेल";
    NavSecurity => "Security", "सुरक्षा";
    Search => "Search", "खोजें";
    ExportCsv => "Export this view as CSV", "यह सूची CSV में निर्यात करें";
    Pages => "Pages", "पेज";
    FirstPage => "First page", "पहला पेज";
    Next => "Next", "अगला";
    NavUsers => "Users", "यूज़र";
    NavDashboard => "Dashboard", "डैशबोर्ड";
    NavAgents => "Agents", "एजेंट";
    NavProviders => "Providers", "प्रदाता";
    NavAgentProfile => "My agent profile", "मेरी एजेंट प्रोफ़ाइल";
    NavProfile => "Profile", "प्रोफ़ाइल";
    NavPresentations => "Presentations", "प्रेज़ेंटेशन";
    NavRenewals => "Renewals", "नवीनीकरण";
    NavCustomers => "Customers", "ग्राहक";
    NavPolicies => "Policies", "पॉलिसियाँ";
    NavImport => "Import", "आयात";
}

/// The current language: provided by `App` on the server. An island in the browser
/// has no server context, so it reads `<html lang>`, which the server wrote from the
/// same value.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(document_lang)
}

fn document_lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Lang::default()
    }
}

/// The text of `msg`, from any feature's table, in the current language.
pub fn t(msg: impl Text) -> &'static str {
    msg.text(use_lang())
}

/// Checks a message table: no text is empty, and both languages use the same
/// `{placeholders}`, so [`fill`] never leaves one behind. Each table's tests call it.
#[cfg(test)]
pub fn check_table<T: Text + std::fmt::Debug>(all: &[T]) {
    let placeholders = |text: &str| {
        let mut names: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        names.sort();
        names
    };
    for &msg in all {
        let (en, hi) = (msg.text(Lang::En), msg.text(Lang::Hi));
        assert!(
            !en.trim().is_empty() && !hi.trim().is_empty(),
            "{msg:?} is empty"
        );
        assert_eq!(
            placeholders(en),
            placeholders(hi),
            "{msg:?}: placeholders differ"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_is_read_among_others() {
        assert_eq!(
            Lang::of_request(Some("a=1; am_lang=hi; b=2"), None),
            Lang::Hi
        );
        assert_eq!(Lang::of_request(Some("am_lang=xx"), None), Lang::En);
        assert_eq!(Lang::of_request(Some(""), None), Lang::En);
    }

    #[test]
    fn the_cookie_wins_over_accept_language() {
        assert_eq!(
            Lang::of_request(Some("am_lang=en"), Some("hi-IN")),
            Lang::En
        );
        assert_eq!(
            Lang::of_request(None, Some("hi-IN,hi;q=0.9,en;q=0.8")),
            Lang::Hi
        );
        assert_eq!(Lang::of_request(None, Some("en-GB,hi;q=0.5")), Lang::En);
        assert_eq!(Lang::of_request(None, Some("ta-IN, hi;q=0.7")), Lang::Hi);
        assert_eq!(Lang::of_request(None, Some("hi;q=0, fr")), Lang::En);
        assert_eq!(
            Lang::of_request(Some("am_lang=xx"), Some("garbage;;q=")),
            Lang::En
        );
        assert_eq!(Lang::of_request(None, None), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code(" HI "), Some(Lang::Hi));
    }

    #[test]
    fn the_shared_table_is_fully_translated() {
        check_table(Msg::ALL);
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let text = fill(
            "Between {min} and {max} seconds.",
            &[("min", &3), ("max", &30)],
        );
        assert_eq!(text, "Between 3 and 30 seconds.");
    }
}
