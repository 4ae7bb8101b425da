//! English and Hindi text of the sign-in and security pages, the feature's own `texts!` table
//! (a missing translation does not compile).

pub use crate::i18n::t;

crate::texts! {
    /// The sign-in and security pages' messages.
    pub enum T;
    CredentialsRefused => "Invalid credentials", "गलत लॉगिन जानकारी";
    OtpRefused => "Invalid or expired OTP", "OTP गलत है या उसकी समय-सीमा खत्म हो गई";
    AgentCodeInvalid => "Agent codes are 3–20 letters, digits, '-' or '_'.", "एजेंट कोड 3–20 अक्षर, अंक, '-' या '_' का होता है।";
    PasswordRequired => "Password is required", "पासवर्ड ज़रूरी है";
    EnterPhoneOrEmail => "Enter your mobile number or email.", "अपना मोबाइल नंबर या ईमेल दर्ज करें।";
    EnterAgentCode => "Enter your agent code.", "अपना एजेंट कोड दर्ज करें।";
    CodeRefused => "That code is wrong or has expired.", "यह कोड गलत है या इसकी समय-सीमा खत्म हो गई है।";
    PasswordsDiffer => "New password and confirmation do not match", "नया पासवर्ड और पुष्टि मेल नहीं खाते";
    CurrentPasswordWrong => "Current password is incorrect", "मौजूदा पासवर्ड गलत है";
    OtpShape => "Enter the 6-digit code.", "6 अंकों का कोड दर्ज करें।";
    SignInTitle => "Sign in to your Agent Mitra account", "अपने एजेंट मित्र खाते में साइन इन करें";
    SignInMethod => "How to sign in", "साइन इन का तरीका";
    MethodPassword => "Password", "पासवर्ड";
    MethodAgentCode => "Agent code", "एजेंट कोड";
    MethodOtp => "SMS code", "SMS कोड";
    AgentCode => "Agent code", "एजेंट कोड";
    PhoneOrEmail => "Mobile number or email", "मोबाइल नंबर या ईमेल";
    PhoneHint => "10-digit mobile number, e.g. 9876543210", "10 अंकों का मोबाइल नंबर, जैसे 9876543210";
    SigningIn => "Signing in…", "साइन इन हो रहा है…";
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
    ChangePassword => "Change password", "पासवर्ड बदलें";
    PasswordChanged => "Password changed. Your other sessions were signed out.", "पासवर्ड बदल गया। आपके बाकी सत्र साइन आउट कर दिए गए।";
    CurrentPassword => "Current password", "मौजूदा पासवर्ड";
    NewPassword => "New password", "नया पासवर्ड";
    PasswordRule => "8 to 128 characters; avoid common passwords.", "8 से 128 अक्षर; आम पासवर्ड से बचें।";
    ConfirmPassword => "Confirm new password", "नए पासवर्ड की पुष्टि करें";
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_fully_translated() {
        crate::i18n::check_table(super::T::ALL);
    }
}
