-- The worklists are cached until the data changes. "Entities without a focal point" and
-- "my entities' pledges" depend on who belongs to which entity and who holds which role, so
-- those tables bump the data version too (as the tables of migrations 0008 and 0010 do).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entity_member', 'user_role'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version()', t);
        EXECUTE format('CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version()', t);
    END LOOP;
END $$;
