-- Importing an agent's existing book from a CSV (issue 12): a job, its checked
-- rows staged until the go-ahead, and the link from every row it wrote back to
-- it, so a failed import resumes where it stopped or is rolled back whole. The
-- job's state lives here, so the progress bar survives a reload or a restart.
CREATE TABLE import_jobs (
    job_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL REFERENCES tenants (tenant_id),
    agent_id      uuid NOT NULL REFERENCES agents (agent_id),
    created_by    uuid NOT NULL REFERENCES users (user_id),
    file_name     text NOT NULL,
    status        varchar(20) NOT NULL DEFAULT 'checking' CHECK (status IN (
        'checking', 'ready', 'importing', 'done', 'failed', 'rolled_back')),
    total_rows    integer NOT NULL DEFAULT 0,
    valid_rows    integer NOT NULL DEFAULT 0,
    imported_rows integer NOT NULL DEFAULT 0,
    error_count   integer NOT NULL DEFAULT 0,
    failure       text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_jobs_agent_idx ON import_jobs (agent_id, created_at DESC);

-- Checked rows, in file order, until they are written.
CREATE TABLE import_rows (
    job_id     uuid NOT NULL REFERENCES import_jobs (job_id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    data       jsonb NOT NULL,
    imported   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (job_id, row_number)
);
CREATE INDEX import_rows_pending_idx ON import_rows (job_id, row_number) WHERE NOT imported;

-- Every problem found, per row and column (the page shows them; a CSV of them
-- can be downloaded).
CREATE TABLE import_errors (
    job_id     uuid NOT NULL REFERENCES import_jobs (job_id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    field      text NOT NULL,
    message    text NOT NULL
);
CREATE INDEX import_errors_job_idx ON import_errors (job_id, row_number);

-- What an import wrote: a rollback removes exactly these.
ALTER TABLE users ADD COLUMN import_job_id uuid REFERENCES import_jobs (job_id) ON DELETE SET NULL;
ALTER TABLE policyholders ADD COLUMN import_job_id uuid REFERENCES import_jobs (job_id) ON DELETE SET NULL;
ALTER TABLE insurance_policies ADD COLUMN import_job_id uuid REFERENCES import_jobs (job_id) ON DELETE SET NULL;
CREATE INDEX users_import_idx ON users (import_job_id) WHERE import_job_id IS NOT NULL;
CREATE INDEX policyholders_import_idx ON policyholders (import_job_id) WHERE import_job_id IS NOT NULL;
CREATE INDEX policies_import_idx ON insurance_policies (import_job_id) WHERE import_job_id IS NOT NULL;

-- The agents' counters also follow deletions (a rollback).
CREATE FUNCTION agents_uncount_policies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agents a SET total_policies_sold = a.total_policies_sold - c.n
      FROM (SELECT agent_id, count(*) AS n FROM old_rows GROUP BY agent_id) c
     WHERE a.agent_id = c.agent_id;
    RETURN NULL;
END $$;
CREATE TRIGGER policies_uncounted AFTER DELETE ON insurance_policies
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agents_uncount_policies();

CREATE FUNCTION agents_uncount_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agents a SET active_policyholders = a.active_policyholders - c.n
      FROM (SELECT agent_id, count(*) AS n FROM old_rows WHERE agent_id IS NOT NULL GROUP BY agent_id) c
     WHERE a.agent_id = c.agent_id;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_uncounted AFTER DELETE ON policyholders
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agents_uncount_customers();
