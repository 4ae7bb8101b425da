//! English and Hindi text of the agent pages and checks (the one `texts!` table of
//! the feature; a missing translation does not compile).

pub use crate::i18n::t;

crate::texts! {
    /// The agent feature's messages.
    pub enum T;
    AgentCodeRule => "Use 3–20 letters, digits, - or _ (like AGENT001).", "3–20 अक्षर, अंक, - या _ इस्तेमाल करें (जैसे AGENT001)।";
    AgentRoleRule => "Choose junior agent, senior agent or regional manager.", "जूनियर एजेंट, सीनियर एजेंट या रीजनल मैनेजर चुनें।";
    ChooseProvider => "Choose the insurance provider.", "बीमा प्रदाता चुनें।";
    FirstNameNeeded => "Enter the first name.", "पहला नाम दर्ज करें।";
    LastNameNeeded => "Enter the last name.", "उपनाम दर्ज करें।";
    ExpiryInFuture => "The licence must not have expired: use a date after today.", "लाइसेंस की समय-सीमा खत्म नहीं होनी चाहिए: आज के बाद की तारीख़ दें।";
    ExpiryNeeded => "Enter the licence expiry date.", "लाइसेंस समाप्ति की तारीख़ दर्ज करें।";
    RateRule => "A commission rate is between 0 and 100 percent.", "कमीशन दर 0 से 100 प्रतिशत के बीच होती है।";
    YearsRule => "Between 0 and 80 years.", "0 से 80 वर्ष के बीच।";
    GstRule => "A GSTIN has 15 characters, like 27ABCDE1234F1Z5.", "GSTIN में 15 अक्षर होते हैं, जैसे 27ABCDE1234F1Z5।";
    PanRule => "A PAN looks like ABCDE1234F.", "PAN ऐसा दिखता है: ABCDE1234F।";
    WebsiteRule => "Start the address with https://.", "पता https:// से शुरू करें।";
    LicenceNeeded => "Enter your licence number.", "अपना लाइसेंस नंबर दर्ज करें।";
    AuthorityNeeded => "Enter who issued the licence (like IRDAI).", "लाइसेंस किसने जारी किया, यह दर्ज करें (जैसे IRDAI)।";
    DocumentNeeded => "Upload at least one document (PDF, JPEG or PNG).", "कम से कम एक दस्तावेज़ अपलोड करें (PDF, JPEG या PNG)।";
    UnknownDocument => "One of the documents is not yours or no longer exists.", "कोई दस्तावेज़ आपका नहीं है या अब मौजूद नहीं है।";
    ReasonNeeded => "Say why, so the agent knows what to fix (up to 1,000 characters).", "कारण बताएँ, ताकि एजेंट जान सके कि क्या सुधारना है (अधिकतम 1,000 अक्षर)।";
    AgentCodeTaken => "This agent code is already taken.", "यह एजेंट कोड पहले से लिया जा चुका है।";
    LicenceTaken => "This licence number belongs to another agent.", "यह लाइसेंस नंबर किसी और एजेंट का है।";
    PhoneTaken => "This phone number belongs to another account.", "यह फ़ोन नंबर किसी और खाते का है।";
    EmailTaken => "This email belongs to another account.", "यह ईमेल किसी और खाते का है।";
    AlreadyAgent => "This person is already an agent.", "यह व्यक्ति पहले से एजेंट है।";
    ProviderUnknown => "No active provider has this id.", "इस आईडी का कोई सक्रिय प्रदाता नहीं है।";
    ParentUnknown => "Choose a parent agent you manage.", "ऐसा पैरेंट एजेंट चुनें जिसे आप संभालते हैं।";
    ParentCycle => "An agent cannot report to someone in their own network.", "एजेंट अपने ही नेटवर्क के किसी व्यक्ति को रिपोर्ट नहीं कर सकता।";
    UnknownStatus => "Choose active, inactive or suspended.", "सक्रिय, निष्क्रिय या निलंबित चुनें।";
    NotAnAgent => "This account has no agent profile.", "इस खाते की कोई एजेंट प्रोफ़ाइल नहीं है।";
    // Labels.
    StatusActive => "Active", "सक्रिय";
    StatusInactive => "Inactive", "निष्क्रिय";
    StatusSuspended => "Suspended", "निलंबित";
    StatusPending => "Pending approval", "अनुमोदन बाकी";
    StatusRejected => "Rejected", "अस्वीकृत";
    VerPending => "Not submitted", "जमा नहीं किया";
    VerSubmitted => "Awaiting verification", "सत्यापन की प्रतीक्षा";
    VerVerified => "Verified", "सत्यापित";
    VerRejected => "Changes requested", "बदलाव ज़रूरी";
    JuniorAgent => "Junior agent", "जूनियर एजेंट";
    SeniorAgent => "Senior agent", "सीनियर एजेंट";
    RegionalManager => "Regional manager", "रीजनल मैनेजर";
    // Pages.
    Agents => "Agents", "एजेंट";
    Dashboard => "Dashboard", "डैशबोर्ड";
    RegisterAgent => "Register agent", "एजेंट पंजीकृत करें";
    SearchHint => "Name, code, business or email…", "नाम, कोड, व्यवसाय या ईमेल…";
    AllStatuses => "All statuses", "सभी स्थितियाँ";
    AllVerification => "Any verification", "कोई भी सत्यापन";
    AllProviders => "All providers", "सभी प्रदाता";
    Status => "Status", "स्थिति";
    VerificationCol => "Verification", "सत्यापन";
    Provider => "Provider", "प्रदाता";
    Code => "Code", "कोड";
    AgentCode => "Agent code", "एजेंट कोड";
    KeepProvider => "Keep the current provider", "मौजूदा प्रदाता रखें";
    EvRegistered => "Registered", "पंजीकृत";
    EvProfileUpdated => "Profile updated", "प्रोफ़ाइल अपडेट";
    EvDocumentUploaded => "Document uploaded", "दस्तावेज़ अपलोड";
    EvSubmitted => "Submitted for verification", "सत्यापन के लिए जमा";
    EvApproved => "Approved", "अनुमोदित";
    EvRejected => "Changes requested", "बदलाव माँगे गए";
    EvStatusChanged => "Status changed", "स्थिति बदली";
    EvUpdated => "Provider, commission or network changed", "प्रदाता, कमीशन या नेटवर्क बदला";
    YourProvider => "Your provider: {name}", "आपका प्रदाता: {name}";
    Name => "Name", "नाम";
    Business => "Business", "व्यवसाय";
    Territory => "Territory", "क्षेत्र";
    Policies => "Policies", "पॉलिसियाँ";
    Premium => "Premium", "प्रीमियम";
    NoAgents => "No agents match.", "कोई एजेंट नहीं मिला।";
    Queue => "Awaiting verification", "सत्यापन की प्रतीक्षा";
    QueueEmpty => "Nobody is waiting for verification.", "कोई सत्यापन की प्रतीक्षा में नहीं है।";
    QueueMore => "Show all {n} waiting", "सभी {n} प्रतीक्षारत दिखाएँ";
    SubmittedOn => "Submitted {date}", "{date} को जमा किया";
    Review => "Review", "जाँचें";
    FirstName => "First name", "पहला नाम";
    LastName => "Last name", "उपनाम";
    Email => "Email", "ईमेल";
    Role => "Role", "भूमिका";
    CommissionRate => "Commission rate (%)", "कमीशन दर (%)";
    ParentCode => "Reports to (agent code)", "किसे रिपोर्ट करते हैं (एजेंट कोड)";
    ParentHint => "Leave blank for none.", "कोई नहीं तो खाली छोड़ें।";
    ParentEditHint => "Blank keeps it; - removes it.", "खाली रखने पर वही रहेगा; - से हट जाएगा।";
    PasswordHint => "Optional. Without one, the agent signs in with an SMS code.", "वैकल्पिक। इसके बिना एजेंट SMS कोड से साइन इन करेगा।";
    Register => "Register", "पंजीकृत करें";
    Licence => "Licence number", "लाइसेंस नंबर";
    LicenceExpiry => "Licence expiry", "लाइसेंस समाप्ति";
    Authority => "Issuing authority", "जारीकर्ता प्राधिकरण";
    Documents => "Documents", "दस्तावेज़";
    NoDocuments => "No documents yet.", "अभी कोई दस्तावेज़ नहीं।";
    Network => "Network", "नेटवर्क";
    ReportsTo => "Reports to", "रिपोर्ट करते हैं";
    NobodyAbove => "Nobody: top of the network.", "कोई नहीं: नेटवर्क में सबसे ऊपर।";
    SubAgents => "Sub-agents", "सब-एजेंट";
    NoSubAgents => "No sub-agents.", "कोई सब-एजेंट नहीं।";
    History => "History", "इतिहास";
    NoHistory => "Nothing recorded yet.", "अभी कुछ दर्ज नहीं।";
    Actions => "Actions", "कार्रवाई";
    Approve => "Approve", "अनुमोदित करें";
    Reject => "Reject", "अस्वीकार करें";
    RejectReason => "Reason for the agent", "एजेंट के लिए कारण";
    Suspend => "Suspend", "निलंबित करें";
    Deactivate => "Deactivate", "निष्क्रिय करें";
    Reactivate => "Reactivate", "फिर सक्रिय करें";
    StatusReason => "Reason (optional)", "कारण (वैकल्पिक)";
    EditCommercial => "Provider, commission and network", "प्रदाता, कमीशन और नेटवर्क";
    Save => "Save", "सहेजें";
    Saved => "Saved.", "सहेजा गया।";
    Done => "Done.", "हो गया।";
    MyProfile => "My agent profile", "मेरी एजेंट प्रोफ़ाइल";
    BusinessDetails => "Business details", "व्यवसाय विवरण";
    BusinessName => "Business name", "व्यवसाय का नाम";
    Experience => "Years of experience", "अनुभव के वर्ष";
    Specializations => "Specialisations (comma-separated)", "विशेषज्ञता (कॉमा से अलग)";
    WhatsApp => "WhatsApp business number", "व्हाट्सऐप बिज़नेस नंबर";
    BusinessEmail => "Business email", "व्यवसाय ईमेल";
    Website => "Website", "वेबसाइट";
    Gst => "GSTIN", "GSTIN";
    Pan => "PAN", "PAN";
    Verification => "Verification", "सत्यापन";
    VerifyIntro => "Upload your licence (PDF, JPEG or PNG), then submit it with its number and expiry.", "अपना लाइसेंस अपलोड करें (PDF, JPEG या PNG), फिर उसके नंबर और समाप्ति तिथि के साथ जमा करें।";
    UploadDocument => "Upload document", "दस्तावेज़ अपलोड करें";
    ChooseFile => "Choose a file", "फ़ाइल चुनें";
    Uploaded => "Uploaded.", "अपलोड हो गया।";
    SubmitVerification => "Submit for verification", "सत्यापन के लिए जमा करें";
    Submitted => "Submitted. An approver will review it.", "जमा हो गया। एक अनुमोदक इसे जाँचेगा।";
    WaitingReview => "Your verification is with an approver. You can edit drafts meanwhile; publishing opens once you are approved.", "आपका सत्यापन अनुमोदक के पास है। तब तक आप ड्राफ़्ट संपादित कर सकते हैं; अनुमोदन के बाद प्रकाशन खुलेगा।";
    VerifiedNote => "You are verified: your page can go live.", "आप सत्यापित हैं: आपका पेज लाइव हो सकता है।";
    RejectedNote => "An approver asked for changes:", "अनुमोदक ने बदलाव माँगे हैं:";
    NotSubmittedNote => "Not verified yet: you can edit drafts, but publishing opens once an approver verifies your licence.", "अभी सत्यापित नहीं: आप ड्राफ़्ट संपादित कर सकते हैं, पर प्रकाशन तब खुलेगा जब अनुमोदक आपका लाइसेंस सत्यापित करेगा।";
    Photo => "Profile photo", "प्रोफ़ाइल फ़ोटो";
    PhotoHint => "JPEG or PNG, up to 5 MB.", "JPEG या PNG, अधिकतम 5 MB।";
    UploadPhoto => "Upload photo", "फ़ोटो अपलोड करें";
    AgentsByStatus => "Agents by status", "स्थिति के अनुसार एजेंट";
    NewPerWeek => "New agents per week (last 12 weeks)", "हर सप्ताह नए एजेंट (पिछले 12 सप्ताह)";
    PendingVerifications => "Pending verifications", "लंबित सत्यापन";
    OpenQueue => "Open the queue", "कतार खोलें";
    ManageUsers => "Manage users", "यूज़र प्रबंधित करें";
    ManageAgents => "Manage agents", "एजेंट प्रबंधित करें";
    ProvidersTile => "Insurance providers: {n} active", "बीमा प्रदाता: {n} सक्रिय";
    MyAccount => "My profile and security", "मेरी प्रोफ़ाइल और सुरक्षा";
    Promoted => "Approving makes this customer a junior agent.", "अनुमोदन से यह ग्राहक जूनियर एजेंट बन जाएगा।";
}

use super::types::{AgentStatus, Verification};
use crate::access::Role;

pub fn status_label(s: AgentStatus) -> &'static str {
    t(match s {
        AgentStatus::Active => T::StatusActive,
        AgentStatus::Inactive => T::StatusInactive,
        AgentStatus::Suspended => T::StatusSuspended,
        AgentStatus::PendingApproval => T::StatusPending,
        AgentStatus::Rejected => T::StatusRejected,
    })
}

/// An agent's history line, in words (the audit event's name as a fallback).
pub fn event_label(event: &str) -> String {
    use crate::audit::Event as E;
    let msg = match crate::audit::Event::parse(event) {
        Some(E::AgentRegistered) => T::EvRegistered,
        Some(E::AgentProfileUpdated) => T::EvProfileUpdated,
        Some(E::AgentDocumentUploaded) => T::EvDocumentUploaded,
        Some(E::AgentVerificationSubmitted) => T::EvSubmitted,
        Some(E::AgentApproved) => T::EvApproved,
        Some(E::AgentRejected) => T::EvRejected,
        Some(E::AgentStatusChanged) => T::EvStatusChanged,
        Some(E::AgentUpdated) => T::EvUpdated,
        _ => return event.to_owned(),
    };
    t(msg).to_owned()
}

pub fn verification_label(v: Verification) -> &'static str {
    t(match v {
        Verification::Pending => T::VerPending,
        Verification::Submitted => T::VerSubmitted,
        Verification::Verified => T::VerVerified,
        Verification::Rejected => T::VerRejected,
    })
}

/// The agent roles a registration offers, with their names.
pub fn agent_role_label(r: Role) -> &'static str {
    t(match r {
        Role::SeniorAgent => T::SeniorAgent,
        Role::RegionalManager => T::RegionalManager,
        _ => T::JuniorAgent,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_has_both_languages_and_the_same_placeholders() {
        crate::i18n::check_table(super::T::ALL);
    }
}
