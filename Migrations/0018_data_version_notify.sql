-- Every app instance keeps the data version in memory, learnt from a notification on the
-- channel `data_version` that each writing transaction sends as it commits, so a cached page
-- costs no query (PageCache, DataVersion). The payload is "<shard> <version>", the shard's
-- new value; a writer's `NOTIFY` reaches listeners only once its transaction has committed.
--
-- A change that takes something out of a reader's view (survivor feedback and panels, who
-- belongs to which entity or holds which role, a pledge made restricted or deleted) adds
-- " withheld": pages made before it are never served again, not even for the few seconds a
-- page may otherwise lag behind the data while it is rebuilt. Progress (milestones, their
-- evidence and history, a pledge's text, links and translations) may lag by that bound.
CREATE OR REPLACE FUNCTION touch_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    touched text := COALESCE(current_setting('pledgetrack.data_touched', true), '');
    withheld boolean := TG_TABLE_NAME NOT IN ('milestone', 'milestone_evidence', 'milestone_translation', 'change_event',
                                               'pledge', 'pledge_country', 'pledge_measure', 'pledge_sdg_target',
                                               'pledge_gcm_action', 'pledge_co_owner', 'pledge_translation', 'entity',
                                               'app_user');
    my_shard smallint := txid_current() % 32;
    new_version bigint;
BEGIN
    IF TG_TABLE_NAME = 'pledge' AND TG_LEVEL = 'ROW' THEN
        IF TG_OP = 'DELETE' THEN
            withheld := true;
        ELSIF TG_OP = 'UPDATE' THEN
            withheld := OLD.visibility <> NEW.visibility;
        END IF;
    ELSIF TG_TABLE_NAME = 'pledge' THEN
        withheld := true;  -- TRUNCATE
    END IF;
    -- Once per transaction, and once more if a withholding change follows a plain one.
    IF touched = 'withheld' OR (touched = 'yes' AND NOT withheld) THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('pledgetrack.data_touched', CASE WHEN withheld THEN 'withheld' ELSE 'yes' END, true);
    UPDATE data_version SET version = version + 1 WHERE shard = my_shard RETURNING version INTO new_version;
    PERFORM pg_notify('data_version', my_shard || ' ' || new_version || CASE WHEN withheld THEN ' withheld' ELSE '' END);
    RETURN NULL;
END $$;
