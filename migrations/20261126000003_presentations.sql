-- Presentations (SPEC §3.11, §4.11–4.12): an agent's home-page carousel, its
-- slides, the shared templates and each agent's media library.
--
-- The rules that must hold under concurrency live here as constraints, so no code
-- path can break them: one active presentation per agent (a partial unique index),
-- contiguous-by-construction slide order (unique per presentation), and one media
-- row per file content per agent (unique hash).

CREATE TABLE presentation_templates (
    template_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid REFERENCES tenants (tenant_id),
    name               varchar(255) NOT NULL,
    description        text,
    category           varchar(100) NOT NULL CHECK (category IN (
        'term_insurance', 'health_insurance', 'child_plans', 'retirement')),
    -- Slide skeletons (SlideInput-shaped); text may hold {{custom_title}} and
    -- {{custom_subtitle}}, filled from the agent's input when a deck is made.
    slides             jsonb NOT NULL DEFAULT '[]',
    is_default         boolean NOT NULL DEFAULT false,
    is_public          boolean NOT NULL DEFAULT false,
    is_system_template boolean NOT NULL DEFAULT false,
    usage_count        integer NOT NULL DEFAULT 0,
    preview_image_url  varchar(500),
    status             varchar(20) NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'archived', 'deprecated')),
    available_from     timestamptz,
    available_until    timestamptz,
    created_by         uuid REFERENCES users (user_id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE presentations (
    presentation_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id          uuid NOT NULL REFERENCES agents (agent_id) ON DELETE CASCADE,
    tenant_id         uuid NOT NULL REFERENCES tenants (tenant_id),
    name              varchar(255) NOT NULL CHECK (length(btrim(name)) > 0),
    description       text,
    status            varchar(20) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'published', 'archived')),
    is_active         boolean NOT NULL DEFAULT false,
    template_id       uuid REFERENCES presentation_templates (template_id) ON DELETE SET NULL,
    template_category varchar(100),
    -- The edit revision: every save must name the revision it started from, so two
    -- tabs cannot silently overwrite each other (409 on a stale one).
    version           integer NOT NULL DEFAULT 1,
    tags              text[] NOT NULL DEFAULT '{}',
    language          varchar(10) NOT NULL DEFAULT 'en',
    -- Optional schedule; outside it the carousel does not show the deck.
    active_from       timestamptz,
    active_until      timestamptz,
    published_at      timestamptz,
    published_by      uuid REFERENCES users (user_id) ON DELETE SET NULL,
    archived_at       timestamptz,
    created_by        uuid REFERENCES users (user_id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT is_active OR status = 'published'),
    CHECK (active_until IS NULL OR active_from IS NULL OR active_until > active_from)
);
CREATE INDEX presentations_agent_idx ON presentations (agent_id, updated_at DESC);
-- Exactly one active presentation per agent, whatever races the service loses.
CREATE UNIQUE INDEX presentations_one_active ON presentations (agent_id) WHERE is_active;

CREATE TABLE presentation_media (
    media_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id          uuid NOT NULL REFERENCES agents (agent_id) ON DELETE CASCADE,
    tenant_id         uuid NOT NULL REFERENCES tenants (tenant_id),
    media_type        varchar(10) NOT NULL CHECK (media_type IN ('image', 'video')),
    mime_type         varchar(100) NOT NULL,
    file_name         varchar(255) NOT NULL,
    file_size_bytes   bigint NOT NULL CHECK (file_size_bytes > 0),
    storage_provider  varchar(20) NOT NULL DEFAULT 'local',
    storage_key       varchar(500) NOT NULL UNIQUE,
    media_url         varchar(500) NOT NULL,
    -- Filled by the background resizer once the display and thumbnail sizes exist.
    display_url       varchar(500),
    thumbnail_url     varchar(500),
    width             integer,
    height            integer,
    file_hash         varchar(64) NOT NULL,
    usage_count       integer NOT NULL DEFAULT 0,
    last_used_at      timestamptz,
    status            varchar(20) NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'archived', 'deleted')),
    is_optimized      boolean NOT NULL DEFAULT false,
    uploaded_by       uuid REFERENCES users (user_id) ON DELETE SET NULL,
    uploaded_at       timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX presentation_media_dedupe ON presentation_media (agent_id, file_hash);
CREATE INDEX presentation_media_agent_idx ON presentation_media (agent_id, uploaded_at DESC);

CREATE TABLE presentation_slides (
    slide_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    presentation_id   uuid NOT NULL REFERENCES presentations (presentation_id) ON DELETE CASCADE,
    slide_order       integer NOT NULL CHECK (slide_order BETWEEN 1 AND 20),
    slide_type        varchar(10) NOT NULL CHECK (slide_type IN ('image', 'video', 'text')),
    media_id          uuid REFERENCES presentation_media (media_id) ON DELETE SET NULL,
    media_url         varchar(500),
    media_type        varchar(50),
    thumbnail_url     varchar(500),
    title             text,
    subtitle          text,
    description       text,
    text_color        varchar(7) NOT NULL DEFAULT '#FFFFFF' CHECK (text_color ~ '^#[0-9A-Fa-f]{6}$'),
    background_color  varchar(7) NOT NULL DEFAULT '#000000'
        CHECK (background_color ~ '^#[0-9A-Fa-f]{6}$'),
    overlay_opacity   numeric(3, 2) NOT NULL DEFAULT 0.5 CHECK (overlay_opacity BETWEEN 0 AND 1),
    layout            varchar(20) NOT NULL DEFAULT 'centered',
    duration          integer NOT NULL DEFAULT 4 CHECK (duration BETWEEN 2 AND 10),
    transition_effect varchar(10) NOT NULL DEFAULT 'fade'
        CHECK (transition_effect IN ('fade', 'slide', 'zoom')),
    cta_button        jsonb,
    agent_branding    jsonb,
    active_from       timestamptz,
    active_until      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (presentation_id, slide_order),
    CHECK (slide_type = 'text' OR media_url IS NOT NULL)
);
CREATE INDEX presentation_slides_media_idx ON presentation_slides (media_id);
