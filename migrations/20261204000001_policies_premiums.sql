-- Customers, policies, premiums and reminders (SPEC §3.8–3.10, §4.9–4.10): the
-- agent's book. Money is NUMERIC; a due date is a DATE (a premium falls due on a
-- day, in India, not at an instant).

-- The customer's profile (the policyholders table has held only the agent link).
ALTER TABLE policyholders
    ADD COLUMN salutation                varchar(10),
    ADD COLUMN marital_status            varchar(20),
    ADD COLUMN occupation                varchar(100),
    ADD COLUMN annual_income             numeric(12, 2) CHECK (annual_income >= 0),
    ADD COLUMN income_band               varchar(20)
        CHECK (income_band IN ('below_3l', '3l_5l', '5l_10l', '10l_25l', 'above_25l')),
    ADD COLUMN nominee_details           jsonb,
    ADD COLUMN marketing_consent         boolean NOT NULL DEFAULT false,
    -- When and how the consent was given: a consent without both is not one.
    ADD COLUMN marketing_consent_at      timestamptz,
    ADD COLUMN marketing_consent_channel varchar(20)
        CHECK (marketing_consent_channel IN ('in_person', 'phone', 'sms', 'whatsapp', 'web', 'import')),
    ADD COLUMN total_interactions        integer NOT NULL DEFAULT 0,
    ADD COLUMN last_interaction_at       timestamptz,
    ADD CONSTRAINT policyholders_consent_recorded CHECK (
        NOT marketing_consent OR (marketing_consent_at IS NOT NULL AND marketing_consent_channel IS NOT NULL));
CREATE INDEX policyholders_agent_created_idx ON policyholders (agent_id, created_at DESC, policyholder_id DESC);
CREATE INDEX policyholders_tenant_created_idx ON policyholders (tenant_id, created_at DESC, policyholder_id DESC);

-- Generated policy numbers: POL + 9 digits, when the form leaves it blank.
CREATE SEQUENCE policy_number_seq START 1;

CREATE TABLE insurance_policies (
    policy_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid NOT NULL REFERENCES tenants (tenant_id),
    policy_number      varchar(100) NOT NULL UNIQUE,
    provider_policy_id varchar(100),
    policyholder_id    uuid NOT NULL REFERENCES policyholders (policyholder_id),
    agent_id           uuid NOT NULL REFERENCES agents (agent_id),
    provider_id        uuid NOT NULL REFERENCES insurance_providers (provider_id),
    policy_type        varchar(100) NOT NULL,
    plan_name          varchar(255) NOT NULL,
    plan_code          varchar(50),
    category           varchar(50) NOT NULL CHECK (category IN ('life', 'health', 'general')),
    sum_assured        numeric(15, 2) NOT NULL CHECK (sum_assured > 0),
    premium_amount     numeric(12, 2) NOT NULL CHECK (premium_amount > 0),
    premium_frequency  varchar(20) NOT NULL
        CHECK (premium_frequency IN ('monthly', 'quarterly', 'half_yearly', 'annual')),
    premium_mode       varchar(20) CHECK (premium_mode IN ('regular', 'single', 'limited_pay')),
    application_date   date NOT NULL,
    approval_date      date,
    start_date         date NOT NULL,
    maturity_date      date,
    renewal_date       date,
    status             varchar(30) NOT NULL DEFAULT 'draft' CHECK (status IN (
        'draft', 'pending_approval', 'under_review', 'approved', 'active', 'lapsed',
        'surrendered', 'matured', 'claimed', 'cancelled')),
    sub_status         varchar(50),
    payment_status     varchar(50) NOT NULL DEFAULT 'pending',
    coverage_details   jsonb NOT NULL DEFAULT '{}',
    nominee_details    jsonb,
    created_by         uuid REFERENCES users (user_id),
    approved_by        uuid REFERENCES users (user_id),
    last_payment_date  timestamptz,
    -- The first unpaid premium's due date: the renewal queue derives everything
    -- from it and the frequency.
    next_payment_date  date,
    total_payments     integer NOT NULL DEFAULT 0,
    outstanding_amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (outstanding_amount >= 0),
    lapsed_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (start_date >= application_date),
    CHECK (maturity_date IS NULL OR maturity_date > start_date)
);
CREATE INDEX policies_tenant_created_idx ON insurance_policies (tenant_id, created_at DESC, policy_id DESC);
CREATE INDEX policies_agent_created_idx ON insurance_policies (agent_id, created_at DESC, policy_id DESC);
CREATE INDEX policies_holder_idx ON insurance_policies (policyholder_id);
CREATE INDEX policies_status_created_idx ON insurance_policies (tenant_id, status, created_at DESC, policy_id DESC);
-- The renewal queue: an agent's policies on the books, by due date.
CREATE INDEX policies_renewal_idx ON insurance_policies (agent_id, next_payment_date)
    WHERE status IN ('active', 'lapsed');
-- The daily lapse job: active policies whose first unpaid premium is overdue.
CREATE INDEX policies_overdue_idx ON insurance_policies (next_payment_date)
    WHERE status = 'active';
CREATE INDEX policies_number_trgm_idx ON insurance_policies USING gin (policy_number gin_trgm_ops);

CREATE TABLE premium_payments (
    payment_id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id              uuid NOT NULL REFERENCES tenants (tenant_id),
    policy_id              uuid NOT NULL REFERENCES insurance_policies (policy_id),
    policyholder_id        uuid NOT NULL REFERENCES policyholders (policyholder_id),
    -- The policy's agent when it was paid: the agent home's chart reads by agent.
    agent_id               uuid NOT NULL REFERENCES agents (agent_id),
    amount                 numeric(12, 2) NOT NULL CHECK (amount > 0),
    currency               varchar(3) NOT NULL DEFAULT 'INR',
    payment_date           timestamptz NOT NULL DEFAULT now(),
    due_date               date,
    grace_period_days      integer NOT NULL DEFAULT 30,
    payment_method         varchar(50),
    payment_gateway        varchar(50),
    gateway_transaction_id varchar(100),
    -- The receipt: one receipt is recorded once per policy (a retry is refused).
    reference              varchar(100),
    status                 varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN (
        'pending', 'processing', 'completed', 'failed', 'refunded', 'cancelled')),
    recorded_by            uuid REFERENCES users (user_id),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (policy_id, reference)
);
CREATE INDEX premium_payments_policy_idx ON premium_payments (policy_id, payment_date DESC);
-- The agent home's 12-month chart: completed premiums by month.
CREATE INDEX premium_payments_agent_date_idx ON premium_payments (agent_id, payment_date)
    WHERE status = 'completed';

-- Reminders sent for a premium: SMS through the outbox, or a WhatsApp tap.
CREATE TABLE premium_reminders (
    reminder_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL REFERENCES tenants (tenant_id),
    policy_id       uuid NOT NULL REFERENCES insurance_policies (policy_id),
    policyholder_id uuid NOT NULL REFERENCES policyholders (policyholder_id),
    channel         varchar(20) NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
    due_date        date,
    message_id      uuid REFERENCES sms_outbox (message_id),
    sent_by         uuid REFERENCES users (user_id),
    sent_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX premium_reminders_holder_idx ON premium_reminders (policyholder_id, sent_at DESC);
CREATE INDEX premium_reminders_policy_idx ON premium_reminders (policy_id, sent_at DESC);

-- A customer number per tenant, when given, is one customer's.
CREATE UNIQUE INDEX policyholders_customer_id_key ON policyholders (tenant_id, customer_id)
    WHERE customer_id IS NOT NULL;

-- The agent's counters (policies sold, premium collected, customers) follow the
-- rows that make them, whichever way the rows arrive: a form, the API, an import,
-- the seed. Statement-level with transition tables, so an import's batch of a
-- thousand rows updates each agent once, not a thousand times.
CREATE FUNCTION agents_count_policies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE agents a SET total_policies_sold = a.total_policies_sold + c.n
          FROM (SELECT agent_id, count(*) AS n FROM new_rows GROUP BY agent_id) c
         WHERE a.agent_id = c.agent_id;
    ELSE
        UPDATE agents a SET total_policies_sold = a.total_policies_sold + c.n
          FROM (SELECT agent_id, sum(n) AS n FROM (
                    SELECT n.agent_id, 1 AS n FROM new_rows n JOIN old_rows o USING (policy_id)
                     WHERE n.agent_id <> o.agent_id
                    UNION ALL
                    SELECT o.agent_id, -1 FROM new_rows n JOIN old_rows o USING (policy_id)
                     WHERE n.agent_id <> o.agent_id) moved
                 GROUP BY agent_id) c
         WHERE a.agent_id = c.agent_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER policies_counted_in AFTER INSERT ON insurance_policies
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agents_count_policies();
CREATE TRIGGER policies_counted_moved AFTER UPDATE ON insurance_policies
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agents_count_policies();

CREATE FUNCTION agents_count_premiums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agents a SET total_premium_collected = a.total_premium_collected + c.amount
      FROM (SELECT agent_id, sum(amount) AS amount FROM new_rows
             WHERE status = 'completed' GROUP BY agent_id) c
     WHERE a.agent_id = c.agent_id;
    RETURN NULL;
END $$;
CREATE TRIGGER premiums_counted AFTER INSERT ON premium_payments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agents_count_premiums();

CREATE FUNCTION agents_count_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE agents a SET active_policyholders = a.active_policyholders + c.n
          FROM (SELECT agent_id, count(*) AS n FROM new_rows
                 WHERE agent_id IS NOT NULL GROUP BY agent_id) c
         WHERE a.agent_id = c.agent_id;
    ELSE
        UPDATE agents a SET active_policyholders = a.active_policyholders + c.n
          FROM (SELECT agent_id, sum(n) AS n FROM (
                    SELECT n.agent_id, 1 AS n FROM new_rows n JOIN old_rows o USING (policyholder_id)
                     WHERE n.agent_id IS DISTINCT FROM o.agent_id AND n.agent_id IS NOT NULL
                    UNION ALL
                    SELECT o.agent_id, -1 FROM new_rows n JOIN old_rows o USING (policyholder_id)
                     WHERE n.agent_id IS DISTINCT FROM o.agent_id AND o.agent_id IS NOT NULL) moved
                 GROUP BY agent_id) c
         WHERE a.agent_id = c.agent_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_counted_in AFTER INSERT ON policyholders
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agents_count_customers();
CREATE TRIGGER customers_counted_moved AFTER UPDATE ON policyholders
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agents_count_customers();

-- Rows written before this migration are counted once, here.
UPDATE agents a SET active_policyholders = (SELECT count(*) FROM policyholders p WHERE p.agent_id = a.agent_id);
