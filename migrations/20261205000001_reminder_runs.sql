-- "Remind all" as a job (issue 12): one row per run, which the run's page reads
-- for its progress bar, so the bar survives a reload and the confirmation's
-- request returns at once however large the bucket. The reminders themselves are
-- `premium_reminders` rows, each in its own transaction.
CREATE TABLE reminder_runs (
    run_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    started_by uuid NOT NULL REFERENCES users (user_id),
    bucket     varchar(20) NOT NULL CHECK (bucket IN ('due_soon', 'in_grace', 'revivable', 'lapsed')),
    status     varchar(20) NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    -- The bucket's size when the run began: the bar's 100%.
    total      integer NOT NULL CHECK (total >= 0),
    sent       integer NOT NULL DEFAULT 0 CHECK (sent >= 0),
    skipped    integer NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    failure    text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- One running run per person: a second tap of "Yes, send them" finds the first.
CREATE UNIQUE INDEX reminder_runs_one_running_idx ON reminder_runs (started_by) WHERE status = 'running';
CREATE INDEX reminder_runs_started_by_idx ON reminder_runs (started_by, created_at DESC);
