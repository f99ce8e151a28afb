-- Dashboards keep their rendered pages in memory and ask this counter, on every request,
-- whether what they show has changed. Every statement that writes what a dashboard reads
-- bumps it, in the writer's transaction: once that commits, the next request sees the new
-- number and rebuilds its page, so a change shows up at once, in every app process.
-- The counter is the sum of 32 rows, and a transaction bumps the row its id picks: writers
-- hold a bumped row's lock until they commit, and one row would make them queue behind each
-- other (the milestone update's throughput fell by a third with a single row).
CREATE TABLE data_version (
    shard   smallint PRIMARY KEY CHECK (shard BETWEEN 0 AND 31),
    version bigint NOT NULL
);
INSERT INTO data_version (shard, version) SELECT s, 0 FROM generate_series(0, 31) s;

CREATE FUNCTION touch_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE shard = txid_current() % 32;
    RETURN NULL;
END $$;

-- Named to fire after each table's other statement triggers (they fire in name order), so
-- the counter's row lock is the last one a statement takes.
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pledge
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON milestone
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pledge_country
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pledge_measure
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pledge_sdg_target
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pledge_gcm_action
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pledge_co_owner
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entity
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();
CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON change_event
    FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version();

-- The completed-milestones-over-time chart reads done milestones by completion day.
CREATE INDEX milestone_completed_idx ON milestone (completed_on) WHERE status = 'done';
