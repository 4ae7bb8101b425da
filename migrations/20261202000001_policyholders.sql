-- Customers (SPEC §3.8): the columns that tie a customer to their agent, so a
-- policyholder's own page can show their agent. The customers issue adds the
-- profile (salutation, occupation, income band, nominee, consent).
CREATE TABLE policyholders (
    policyholder_id    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'
        REFERENCES tenants (tenant_id),
    -- One customer record per user: a phone that is already a customer is a 409.
    user_id            uuid NOT NULL UNIQUE REFERENCES users (user_id) ON DELETE CASCADE,
    -- The owning agent; NULL while nobody has taken the customer on.
    agent_id           uuid REFERENCES agents (agent_id),
    customer_id        varchar(100),
    preferred_language varchar(10) NOT NULL DEFAULT 'en',
    onboarding_status  varchar(50) NOT NULL DEFAULT 'completed',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX policyholders_agent_idx ON policyholders (agent_id);
CREATE INDEX policyholders_tenant_idx ON policyholders (tenant_id);
