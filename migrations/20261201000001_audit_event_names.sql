-- One naming style for audit events: `resource.action` (app/src/audit/event.rs).
-- Rows written before it get their new names, so a query by name finds all of them.
UPDATE audit_events SET event_type = CASE event_type
    WHEN 'login_attempt' THEN 'auth.login'
    WHEN 'logout' THEN 'auth.logout'
    WHEN 'otp_sent' THEN 'auth.otp_sent'
    WHEN 'otp_verification' THEN 'auth.otp_verified'
    WHEN 'token_refreshed' THEN 'auth.token_refreshed'
    WHEN 'session_revoked' THEN 'auth.session_revoked'
    WHEN 'password_changed' THEN 'auth.password_changed'
    WHEN 'user_created' THEN 'user.created'
    WHEN 'user_updated' THEN 'user.updated'
    WHEN 'user_deactivated' THEN 'user.deactivated'
    WHEN 'user_reactivated' THEN 'user.reactivated'
    WHEN 'role_assigned' THEN 'user.role_assigned'
    WHEN 'role_removed' THEN 'user.role_removed'
    WHEN 'preferences_updated' THEN 'user.preferences_updated'
    WHEN 'users_exported' THEN 'user.exported'
    ELSE event_type
END
WHERE event_type NOT LIKE '%.%';

-- The audit viewer and the "exactly one row per change" checks filter by resource.
CREATE INDEX IF NOT EXISTS audit_events_resource_idx
    ON audit_events (resource_type, resource_id, created_at DESC);
