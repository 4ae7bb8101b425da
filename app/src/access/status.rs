//! An account's status. Only an active account is let in: sign-in, OTP and every
//! request check it, so it lives beside the roles rather than in `users`.

crate::text_enum! {
    /// The statuses an account can be in (SPEC §3.1).
    pub enum UserStatus {
        Active => "active",
        Inactive => "inactive",
        Suspended => "suspended",
        PendingVerification => "pending_verification",
        Deactivated => "deactivated",
    }
}
