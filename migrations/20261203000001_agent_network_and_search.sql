-- Two columns derived from other rows, so the admin lists stay fast at 50,000
-- agents (`./dev bench agents`). Triggers keep them true: no write path can forget.
--
-- network_path: the agent ids from the tree's root down to this agent, inclusive.
--   A regional manager's subtree is `network_path @> ARRAY[their id]`, one GIN
--   lookup, where a recursive walk cost ~15 ms a list at 1,885 agents.
--   The trigger also refuses what would break the tree: a cycle, or a parent in
--   another tenant.
-- search_text: code, business, name and email, lower-cased, in one trigram-indexed
--   column: the search is an index lookup on one table, not four ILIKEs over a join.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE agents
    ADD COLUMN network_path uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN search_text text NOT NULL DEFAULT '';

CREATE FUNCTION agent_search_text(code text, business text, owner uuid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT lower(concat_ws(' ', code, business, u.first_name, u.last_name, u.email))
      FROM users u WHERE u.user_id = owner
$$;

-- Before an agent row is written: its search text, and its path from its parent's.
CREATE FUNCTION agents_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_path uuid[];
    parent_tenant uuid;
BEGIN
    NEW.search_text := coalesce(agent_search_text(NEW.agent_code, NEW.business_name, NEW.user_id), '');
    IF NEW.parent_agent_id IS NULL THEN
        NEW.network_path := ARRAY[NEW.agent_id];
        RETURN NEW;
    END IF;
    SELECT network_path, tenant_id INTO parent_path, parent_tenant
      FROM agents WHERE agent_id = NEW.parent_agent_id;
    IF NEW.agent_id = ANY(parent_path) THEN
        RAISE EXCEPTION 'agent % cannot be placed under its own sub-agent', NEW.agent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'agents_network_acyclic';
    END IF;
    IF parent_tenant IS DISTINCT FROM NEW.tenant_id THEN
        RAISE EXCEPTION 'agent % and its parent are in different tenants', NEW.agent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'agents_network_one_tenant';
    END IF;
    NEW.network_path := parent_path || NEW.agent_id;
    RETURN NEW;
END $$;

-- After an agent moves: everyone under them takes the new path above them. The
-- mover's path is read again (not taken from NEW) so that several moves in one
-- statement settle on the final tree.
CREATE FUNCTION agents_move_subtree() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    here uuid[];
BEGIN
    SELECT network_path INTO here FROM agents WHERE agent_id = NEW.agent_id;
    UPDATE agents
       SET network_path = here || network_path[array_position(network_path, NEW.agent_id) + 1:]
     WHERE network_path @> ARRAY[NEW.agent_id] AND agent_id <> NEW.agent_id;
    RETURN NULL;
END $$;

-- After a user's name or email changes: their agent row's search text.
CREATE FUNCTION users_rederive_agent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agents SET search_text = agent_search_text(agent_code, business_name, user_id)
     WHERE user_id = NEW.user_id;
    RETURN NULL;
END $$;

CREATE TRIGGER agents_derive
    BEFORE INSERT OR UPDATE OF agent_code, business_name, user_id, parent_agent_id, tenant_id
    ON agents FOR EACH ROW EXECUTE FUNCTION agents_derive();
CREATE TRIGGER agents_move_subtree
    AFTER UPDATE OF parent_agent_id ON agents FOR EACH ROW
    WHEN (OLD.parent_agent_id IS DISTINCT FROM NEW.parent_agent_id)
    EXECUTE FUNCTION agents_move_subtree();
CREATE TRIGGER users_rederive_agent
    AFTER UPDATE OF first_name, last_name, email ON users FOR EACH ROW
    WHEN ((OLD.first_name, OLD.last_name, OLD.email) IS DISTINCT FROM (NEW.first_name, NEW.last_name, NEW.email))
    EXECUTE FUNCTION users_rederive_agent();

-- The rows already there: search text, then every path from its root down, in
-- one recursive query.
UPDATE agents SET search_text = coalesce(agent_search_text(agent_code, business_name, user_id), '');
WITH RECURSIVE tree AS (
    SELECT agent_id, ARRAY[agent_id] AS path FROM agents WHERE parent_agent_id IS NULL
    UNION ALL
    SELECT c.agent_id, t.path || c.agent_id FROM agents c JOIN tree t ON c.parent_agent_id = t.agent_id
)
UPDATE agents a SET network_path = tree.path FROM tree WHERE a.agent_id = tree.agent_id;

CREATE INDEX agents_network_path_idx ON agents USING gin (network_path);
CREATE INDEX agents_search_text_idx ON agents USING gin (search_text gin_trgm_ops);
