//! The kinds of audit row.

macro_rules! events {
    ($($variant:ident => $name:literal $(| $legacy:literal)*,)*) => {
        /// One kind of audit row. Stored as its `resource.action` name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Event { $($variant,)* }

        impl Event {
            pub const ALL: &'static [Event] = &[$(Event::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Event::$variant => $name,)* }
            }

            /// A stored name, including the names earlier versions wrote.
            pub fn parse(name: &str) -> Option<Event> {
                match name { $($name $(| $legacy)* => Some(Event::$variant),)* _ => None }
            }
        }
    };
}

events! {
    // Identity.
    LoginAttempt => "auth.login" | "login_attempt",
    Logout => "auth.logout" | "logout",
    OtpSent => "auth.otp_sent" | "otp_sent",
    OtpVerification => "auth.otp_verified" | "otp_verification",
    TokenRefreshed => "auth.token_refreshed" | "token_refreshed",
    SessionRevoked => "auth.session_revoked" | "session_revoked",
    PasswordChanged => "auth.password_changed" | "password_changed",
    // The user admin.
    UserCreated => "user.created" | "user_created",
    UserUpdated => "user.updated" | "user_updated",
    UserDeactivated => "user.deactivated" | "user_deactivated",
    UserReactivated => "user.reactivated" | "user_reactivated",
    RoleAssigned => "user.role_assigned" | "role_assigned",
    RoleRemoved => "user.role_removed" | "role_removed",
    PreferencesUpdated => "user.preferences_updated" | "preferences_updated",
    UsersExported => "user.exported" | "users_exported",
    // Presentations.
    PresentationCreated => "presentation.created",
    PresentationUpdated => "presentation.updated",
    PresentationPublished => "presentation.published",
    PresentationActivated => "presentation.activated",
    PresentationDeleted => "presentation.deleted",
    PresentationArchived => "presentation.archived",
    PresentationRestored => "presentation.restored",
    MediaUploaded => "presentation.media_uploaded",
    MediaDeleted => "presentation.media_deleted",
    TemplateCreated => "presentation_template.created",
    TemplateUpdated => "presentation_template.updated",
    TemplateArchived => "presentation_template.archived",
    // Agents.
    AgentRegistered => "agent.registered",
    AgentProfileUpdated => "agent.profile_updated",
    AgentDocumentUploaded => "agent.document_uploaded",
    AgentVerificationSubmitted => "agent.verification_submitted",
    AgentApproved => "agent.approved",
    AgentRejected => "agent.rejected",
    AgentStatusChanged => "agent.status_changed",
    AgentUpdated => "agent.updated",
    // Providers.
    ProviderCreated => "provider.created",
    ProviderUpdated => "provider.updated",
    ProviderDeactivated => "provider.deactivated",
    // Customers, policies and premiums.
    CustomerCreated => "customer.created",
    CustomerUpdated => "customer.updated",
    CustomerReassigned => "customer.reassigned",
    PolicyCreated => "policy.created",
    PolicyUpdated => "policy.updated",
    PolicySubmitted => "policy.submitted",
    PolicyApproved => "policy.approved",
    PolicyActivated => "policy.activated",
    PolicyCancelled => "policy.cancelled",
    PolicyLapsed => "policy.lapsed",
    PolicyStatusChanged => "policy.status_changed",
    PremiumRecorded => "premium.recorded",
    ReminderSent => "premium.reminder_sent",
    RemindersStarted => "premium.reminders_started",
    ImportStarted => "import.started",
    ImportFinished => "import.finished",
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_resource_dot_action_and_round_trip() {
        for event in Event::ALL {
            let name = event.as_str();
            let (resource, action) = name.split_once('.').expect(name);
            assert!(!resource.is_empty() && !action.is_empty(), "{name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
                "{name}"
            );
            assert_eq!(Event::parse(name), Some(*event));
        }
    }

    #[test]
    fn names_stored_by_earlier_versions_still_parse() {
        assert_eq!(Event::parse("login_attempt"), Some(Event::LoginAttempt));
        assert_eq!(Event::parse("user_created"), Some(Event::UserCreated));
        assert_eq!(Event::parse("users_exported"), Some(Event::UsersExported));
        assert_eq!(Event::parse("no_such_event"), None);
    }
}
