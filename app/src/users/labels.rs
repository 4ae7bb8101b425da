//! Readable names of roles and account statuses, in English and Hindi: pages show
//! these, never the keys (`junior_agent`) that the API and the database use.

use crate::access::{Role, UserStatus};
use crate::i18n::t;
use crate::users::types::UserSort;

crate::texts! {
    /// Role and status names.
    pub enum L;
    SuperAdmin => "Super admin", "सुपर एडमिन";
    ComplianceOfficer => "Compliance officer", "अनुपालन अधिकारी";
    CustomerSupportLead => "Customer support lead", "ग्राहक सहायता प्रमुख";
    InsuranceProviderAdmin => "Insurance provider admin", "बीमा प्रदाता एडमिन";
    RegionalManager => "Regional manager", "क्षेत्रीय प्रबंधक";
    SeniorAgent => "Senior agent", "वरिष्ठ एजेंट";
    JuniorAgent => "Junior agent", "जूनियर एजेंट";
    SupportStaff => "Support staff", "सहायता कर्मचारी";
    Policyholder => "Policyholder", "पॉलिसीधारक";
    Guest => "Guest", "अतिथि";
    Active => "Active", "सक्रिय";
    Inactive => "Inactive", "निष्क्रिय";
    Suspended => "Suspended", "निलंबित";
    PendingVerification => "Awaiting verification", "सत्यापन बाकी";
    Deactivated => "Deactivated", "निष्क्रिय किया गया";
    SortNewest => "Newest first", "नए पहले";
    SortOldest => "Oldest first", "पुराने पहले";
    SortName => "Name", "नाम";
    SortLastLogin => "Last sign-in", "आखिरी साइन इन";
}

/// "Junior agent" for `Role::JuniorAgent`, in the page's language.
pub fn role_label(role: Role) -> &'static str {
    t(match role {
        Role::SuperAdmin => L::SuperAdmin,
        Role::ComplianceOfficer => L::ComplianceOfficer,
        Role::CustomerSupportLead => L::CustomerSupportLead,
        Role::InsuranceProviderAdmin => L::InsuranceProviderAdmin,
        Role::RegionalManager => L::RegionalManager,
        Role::SeniorAgent => L::SeniorAgent,
        Role::JuniorAgent => L::JuniorAgent,
        Role::SupportStaff => L::SupportStaff,
        Role::Policyholder => L::Policyholder,
        Role::Guest => L::Guest,
    })
}

/// "Awaiting verification" for `UserStatus::PendingVerification`.
pub fn status_label(status: UserStatus) -> &'static str {
    t(match status {
        UserStatus::Active => L::Active,
        UserStatus::Inactive => L::Inactive,
        UserStatus::Suspended => L::Suspended,
        UserStatus::PendingVerification => L::PendingVerification,
        UserStatus::Deactivated => L::Deactivated,
    })
}

/// "Newest first" for `UserSort::Newest`.
pub fn sort_label(sort: UserSort) -> &'static str {
    t(match sort {
        UserSort::Newest => L::SortNewest,
        UserSort::Oldest => L::SortOldest,
        UserSort::Name => L::SortName,
        UserSort::LastLogin => L::SortLastLogin,
    })
}

/// The label of a role key as stored (`"senior_agent"`), or the key itself.
pub fn role_key_label(key: &str) -> String {
    Role::parse(key).map_or_else(|| key.to_owned(), |r| role_label(r).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_complete() {
        crate::i18n::check_table(L::ALL);
    }
}
