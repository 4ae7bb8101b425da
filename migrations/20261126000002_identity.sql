-- Identity: assigned roles, agents (the columns sign-in needs), sessions for browsers
-- and the mobile app, OTP codes, shared rate-limit and lockout counters, the SMS
-- outbox and the audit trail. Everything that several app instances must agree on
-- lives here, not in process memory.

-- Extra roles beyond the primary users.role (SPEC §2.1). Permissions are the union
-- of the grants of the primary role and these, compiled into the code.
CREATE TABLE user_roles (
    user_id     uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN (
        'super_admin', 'compliance_officer', 'customer_support_lead', 'insurance_provider_admin',
        'regional_manager', 'senior_agent', 'junior_agent', 'support_staff', 'policyholder', 'guest')),
    assigned_by uuid REFERENCES users (user_id) ON DELETE SET NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role)
);

-- Agents (SPEC §3.7): the columns sign-in and scoping need now; agent management
-- adds the rest. agent_code is stored upper-case and matched case-insensitively.
CREATE TABLE agents (
    agent_id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'
        REFERENCES tenants (tenant_id),
    user_id             uuid NOT NULL UNIQUE REFERENCES users (user_id) ON DELETE CASCADE,
    provider_id         uuid,
    agent_code          varchar(50) NOT NULL UNIQUE CHECK (agent_code ~ '^[A-Z0-9_-]{3,20}$'),
    license_number      varchar(100) UNIQUE,
    business_name       varchar(255),
    territory           varchar(255),
    parent_agent_id     uuid REFERENCES agents (agent_id),
    status              varchar(30) NOT NULL DEFAULT 'pending_approval' CHECK (status IN (
        'active', 'inactive', 'suspended', 'pending_approval', 'rejected')),
    verification_status varchar(30) NOT NULL DEFAULT 'pending' CHECK (verification_status IN (
        'pending', 'submitted', 'verified', 'rejected')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agents_tenant_idx ON agents (tenant_id);

-- One row per sign-in, browser or mobile. A browser's tower-sessions record points
-- at its row; a mobile token pair carries its id as `sid`. Revoking the row ends
-- both at once. The refresh token is never stored: only its jti.
CREATE TABLE user_sessions (
    session_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    kind           varchar(10) NOT NULL CHECK (kind IN ('browser', 'mobile')),
    login_method   varchar(20) NOT NULL CHECK (login_method IN ('password', 'agent_code', 'otp')),
    refresh_jti    uuid UNIQUE,
    -- The previous refresh jti stays valid for a 10 s grace window after rotation so
    -- two concurrent refreshes do not look like theft.
    previous_refresh_jti uuid,
    rotated_at     timestamptz,
    device         varchar(200),
    ip_address     inet,
    user_agent     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(50)
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id) WHERE revoked_at IS NULL;

-- Phone OTPs (SPEC §3.4, §4.2). Only a hash of the code is kept.
CREATE TABLE otp_codes (
    phone_number      varchar(15) PRIMARY KEY,
    code_hash         text NOT NULL,
    expires_at        timestamptz NOT NULL,
    attempts          integer NOT NULL DEFAULT 0,
    last_sent_at      timestamptz NOT NULL,
    window_started_at timestamptz NOT NULL,
    sends_in_window   integer NOT NULL DEFAULT 1
);

-- Fixed-window counters for rate limits, shared by all instances.
CREATE TABLE rate_limit_counters (
    bucket       text NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket, window_start)
);

-- Consecutive password failures per (identifier, client IP), with the lock.
CREATE TABLE login_lockouts (
    identifier   text NOT NULL,
    ip_address   text NOT NULL,
    failures     integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (identifier, ip_address)
);

-- Messages handed to the SMS sender. In development and tests this table *is* the
-- delivery; tests read codes from it. Production senders record the attempt too.
CREATE TABLE sms_outbox (
    message_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    phone_number varchar(15) NOT NULL,
    template_id  varchar(50) NOT NULL,
    body         text NOT NULL,
    status       varchar(10) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);
CREATE INDEX sms_outbox_pending_idx ON sms_outbox (created_at) WHERE status IN ('pending', 'failed');
CREATE INDEX sms_outbox_phone_idx ON sms_outbox (phone_number, created_at DESC);

-- The audit trail (SPEC §3.13, §4.16). Never holds passwords or OTP codes.
CREATE TABLE audit_events (
    event_id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid,
    user_id       uuid,
    event_type    text NOT NULL,
    resource_type text,
    resource_id   text,
    success       boolean NOT NULL DEFAULT true,
    phone_number  text,
    email         text,
    ip_address    text,
    user_agent    text,
    details       jsonb NOT NULL DEFAULT '{}',
    error_message text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_created_idx ON audit_events (created_at DESC);
CREATE INDEX audit_events_user_idx ON audit_events (user_id, created_at DESC);

-- The browser session store of tower-sessions-sqlx-store (the same DDL its
-- `migrate()` runs), created here so that every database gets it from our migrations.
CREATE SCHEMA IF NOT EXISTS tower_sessions;
CREATE TABLE IF NOT EXISTS tower_sessions.session (
    id          text PRIMARY KEY NOT NULL,
    data        bytea NOT NULL,
    expiry_date timestamptz NOT NULL
);
