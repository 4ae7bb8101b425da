//! English and Hindi text of the identifier and password rules, the module's own
//! `texts!` table: sign-in, the user admin and `create-admin` all speak through it.

crate::texts! {
    /// Why an identifier or a password is refused.
    pub enum T;
    PhoneInvalid => "Please enter a valid 10-digit phone number", "कृपया 10 अंकों का सही मोबाइल नंबर दर्ज करें";
    EmailInvalid => "Enter a valid email address.", "सही ईमेल पता दर्ज करें।";
    PasswordLength => "Password must be {min}–{max} characters long.", "पासवर्ड {min}–{max} अक्षरों का होना चाहिए।";
    PasswordCommon => "This password is too common. Choose one that is harder to guess.", "यह पासवर्ड बहुत आम है। ऐसा पासवर्ड चुनें जिसका अनुमान लगाना कठिन हो।";
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_fully_translated() {
        crate::i18n::check_table(super::T::ALL);
    }
}
