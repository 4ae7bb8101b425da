-- Providers and agents (SPEC §3.6–3.7, §4.5–4.8): the provider catalogue, the
-- provider–agent link, agent registration and verification, the agent network.

-- Shared reference data: not tenant-scoped. Delete is soft (status 'inactive').
CREATE TABLE insurance_providers (
    provider_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_code        varchar(20)  NOT NULL UNIQUE CHECK (provider_code ~ '^[A-Z0-9_-]{2,20}$'),
    provider_name        varchar(255) NOT NULL CHECK (btrim(provider_name) <> ''),
    provider_type        varchar(50)  NOT NULL CHECK (provider_type IN (
        'life_insurance', 'health_insurance', 'general_insurance')),
    description          text,
    api_endpoint         varchar(500),
    webhook_url          varchar(500),
    -- Integration secrets, sealed with AES-256-GCM under the configured key
    -- (app::providers::server::secrets). No query that feeds a response reads them.
    api_credentials_sealed bytea,
    webhook_secret_sealed  bytea,
    license_number       varchar(100),
    regulatory_authority varchar(100),
    established_year     integer CHECK (established_year BETWEEN 1800 AND 2100),
    headquarters         jsonb,
    supported_languages  text[] NOT NULL DEFAULT '{en}',
    business_hours       jsonb,
    service_regions      text[] NOT NULL DEFAULT '{}',
    commission_structure jsonb,
    status               varchar(50) NOT NULL DEFAULT 'active' CHECK (status IN (
        'active', 'inactive', 'suspended', 'under_maintenance')),
    integration_status   varchar(50) NOT NULL DEFAULT 'pending' CHECK (integration_status IN (
        'pending', 'testing', 'active')),
    last_sync_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- The profile photo (an agent's, for now), served from the public media prefix.
ALTER TABLE users ADD COLUMN avatar_url varchar(500);

-- The provider a provider tenant administers (SPEC §4.8): its admins edit that one.
ALTER TABLE tenants ADD COLUMN provider_id uuid REFERENCES insurance_providers (provider_id);

ALTER TABLE agents
    ADD CONSTRAINT agents_provider_fk FOREIGN KEY (provider_id)
        REFERENCES insurance_providers (provider_id),
    ADD COLUMN license_expiry_date       date,
    ADD COLUMN license_issuing_authority varchar(100),
    ADD COLUMN business_address          jsonb,
    ADD COLUMN gst_number                varchar(15),
    ADD COLUMN pan_number                varchar(10),
    ADD COLUMN operating_regions         text[] NOT NULL DEFAULT '{}',
    ADD COLUMN specializations           text[] NOT NULL DEFAULT '{}',
    ADD COLUMN experience_years          integer CHECK (experience_years BETWEEN 0 AND 80),
    ADD COLUMN commission_rate           numeric(5,2) CHECK (commission_rate BETWEEN 0 AND 100),
    ADD COLUMN whatsapp_business_number  varchar(15),
    ADD COLUMN business_email            varchar(255),
    ADD COLUMN website                   varchar(500),
    ADD COLUMN total_policies_sold       integer NOT NULL DEFAULT 0,
    ADD COLUMN total_premium_collected   numeric(15,2) NOT NULL DEFAULT 0,
    ADD COLUMN active_policyholders      integer NOT NULL DEFAULT 0,
    ADD COLUMN approved_at               timestamptz,
    ADD COLUMN approved_by               uuid REFERENCES users (user_id),
    ADD COLUMN rejection_reason          text,
    ADD COLUMN verification_submitted_at timestamptz,
    ADD COLUMN created_by                uuid REFERENCES users (user_id),
    -- A role with admin reach asked for at registration, granted on approval.
    ADD COLUMN requested_role            varchar(30) CHECK (requested_role IN ('regional_manager')),
    -- An agent is not their own ancestor; longer cycles are refused by the service,
    -- which checks the chain with a recursive query under a lock.
    ADD CONSTRAINT agents_not_own_parent CHECK (parent_agent_id IS DISTINCT FROM agent_id);

-- The admin list (newest first, keyset), its filters, the subtree walk and the queue.
CREATE INDEX agents_tenant_created_idx ON agents (tenant_id, created_at DESC, agent_id DESC);
CREATE INDEX agents_created_idx ON agents (created_at DESC, agent_id DESC);
CREATE INDEX agents_parent_idx ON agents (parent_agent_id);
CREATE INDEX agents_provider_idx ON agents (provider_id);
CREATE INDEX agents_queue_idx ON agents (tenant_id, verification_submitted_at)
    WHERE verification_status = 'submitted';
CREATE UNIQUE INDEX agents_license_lower_key ON agents (lower(license_number));

-- Verification documents: private files (PDF, JPEG, PNG) in the media store, read
-- only through the gated document route, by the agent and their approvers.
CREATE TABLE agent_documents (
    document_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id     uuid NOT NULL REFERENCES agents (agent_id) ON DELETE CASCADE,
    file_name    varchar(255) NOT NULL,
    mime_type    varchar(100) NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
    sha256       char(64) NOT NULL,
    storage_key  text NOT NULL UNIQUE,
    uploaded_by  uuid REFERENCES users (user_id),
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (agent_id, sha256)
);
CREATE INDEX agent_documents_agent_idx ON agent_documents (agent_id, uploaded_at DESC);

-- An agent's history on their detail page comes from the audit trail, through
-- audit_events_resource_idx (20261201000001).
