-- Foundation schema: tenants and users, the two tables every later feature hangs off.
-- Conventions for every migration in this folder:
--   * UUID keys from gen_random_uuid(); timestamps are timestamptz; money NUMERIC(14,2).
--   * Business tables carry tenant_id; every query filters by it in the application.
--   * Applied migrations are never edited: add a new file instead.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE tenants (
    tenant_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_code      varchar(50)  NOT NULL UNIQUE,
    tenant_name      varchar(255) NOT NULL,
    tenant_type      varchar(50)  NOT NULL DEFAULT 'insurance_provider'
        CHECK (tenant_type IN ('insurance_provider', 'independent_agent', 'agent_network')),
    parent_tenant_id uuid REFERENCES tenants (tenant_id),
    status           varchar(20)  NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'inactive', 'suspended')),
    subscription_plan varchar(50),
    max_users        integer NOT NULL DEFAULT 1000,
    storage_limit_gb integer NOT NULL DEFAULT 10,
    api_rate_limit   integer NOT NULL DEFAULT 1000,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The DEFAULT tenant (SPEC §7.1) must exist before any user, because users.tenant_id
-- defaults to it. Demo data maps it to LIC.
INSERT INTO tenants (tenant_id, tenant_code, tenant_name, tenant_type)
VALUES ('00000000-0000-0000-0000-000000000000', 'DEFAULT', 'Default Tenant', 'insurance_provider');

-- Roles are a fixed catalogue compiled into the code (app::users::types::Role); the
-- CHECK keeps the database honest about it. Stored as text, not a PG enum, so adding
-- a role is one migration and no type juggling.
CREATE TABLE users (
    user_id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'
        REFERENCES tenants (tenant_id),
    email              varchar(255) UNIQUE,
    phone_number       varchar(15) UNIQUE CHECK (phone_number ~ '^\+91[6-9][0-9]{9}$'),
    -- argon2id PHC string; OTP-only users get a random unguessable placeholder.
    password_hash      varchar(255) NOT NULL,
    password_changed_at timestamptz,
    first_name         varchar(100),
    last_name          varchar(100),
    display_name       varchar(255),
    language_preference varchar(10) NOT NULL DEFAULT 'en',
    timezone           varchar(50)  NOT NULL DEFAULT 'Asia/Kolkata',
    theme_preference   varchar(20)  NOT NULL DEFAULT 'light',
    notification_preferences jsonb  NOT NULL DEFAULT '{"email": true, "sms": true, "push": true, "whatsapp": false}',
    email_verified     boolean NOT NULL DEFAULT false,
    phone_verified     boolean NOT NULL DEFAULT false,
    last_login_at      timestamptz,
    role               text NOT NULL CHECK (role IN (
        'super_admin', 'compliance_officer', 'customer_support_lead', 'insurance_provider_admin',
        'regional_manager', 'senior_agent', 'junior_agent', 'support_staff', 'policyholder', 'guest')),
    status             varchar(30) NOT NULL DEFAULT 'active' CHECK (status IN (
        'active', 'inactive', 'suspended', 'pending_verification', 'deactivated')),
    created_by         uuid REFERENCES users (user_id),
    updated_by         uuid REFERENCES users (user_id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deactivated_at     timestamptz,
    deactivated_reason text,
    -- Every account must be reachable by at least one sign-in identifier.
    CONSTRAINT users_identifier_present CHECK (email IS NOT NULL OR phone_number IS NOT NULL)
);

-- Email lookups are case-insensitive.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_tenant_created_idx ON users (tenant_id, created_at DESC, user_id);
