-- Dashboards (and the home page, the pledge list and pledge pages for readers who cannot
-- edit) keep their rendered pages in memory and ask this counter, on every request, whether
-- what they show has changed. Every statement that writes what a dashboard reads
-- bumps it, in the writer's transaction: once that commits, the next request sees the new
-- number and rebuilds its page, so a change shows up at once, in every app process.
-- The counter is the sum of 32 rows, and a transaction bumps the row its id picks: writers
-- hold a bumped row's lock until they commit, and one row would make them queue behind each
-- other.
CREATE TABLE data_version (
    shard   smallint PRIMARY KEY CHECK (shard BETWEEN 0 AND 31),
    version bigint NOT NULL
);
INSERT INTO data_version (shard, version) SELECT s, 0 FROM generate_series(0, 31) s;

-- Bumped once per writing transaction, at its commit (deferred constraint triggers), so the
-- shard's row lock is held only while the transaction commits.
CREATE FUNCTION touch_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgetrack.data_touched', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('pledgetrack.data_touched', 'yes', true);  -- until the transaction ends
        UPDATE data_version SET version = version + 1 WHERE shard = txid_current() % 32;
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['pledge', 'milestone', 'pledge_country', 'pledge_measure', 'pledge_sdg_target',
                             'pledge_gcm_action', 'pledge_co_owner', 'entity', 'change_event', 'milestone_evidence'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version()', t);
        EXECUTE format('CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version()', t);
    END LOOP;
END $$;

-- Pledge histories show who made each change.
CREATE CONSTRAINT TRIGGER touch_data_version AFTER UPDATE OF display_name ON app_user
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version();

-- The completed-milestones-over-time chart reads done milestones by completion day.
CREATE INDEX milestone_completed_idx ON milestone (completed_on) WHERE status = 'done';
