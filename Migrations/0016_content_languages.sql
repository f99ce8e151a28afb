-- Content in more than one language. A pledge records the language it was written in, and
-- its title and description, and its milestones' titles, may carry translations; a reader
-- sees their own language where a translation exists and the original otherwise. Survivor
-- feedback stays in the language it was written in and records which. An account may choose
-- the language of its pages.

ALTER TABLE app_user ADD COLUMN language text
    CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
COMMENT ON COLUMN app_user.language IS 'The language the account chose for its pages; NULL follows the browser.';

ALTER TABLE pledge ADD COLUMN language text NOT NULL DEFAULT 'en'
    CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
COMMENT ON COLUMN pledge.language IS 'The language the title, description and milestone titles were written in.';

CREATE TABLE pledge_translation (
    pledge_id bigint NOT NULL REFERENCES pledge ON DELETE CASCADE,
    language text NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
    title text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by bigint REFERENCES app_user ON DELETE SET NULL,
    PRIMARY KEY (pledge_id, language)
);
COMMENT ON TABLE pledge_translation IS 'A pledge''s title and description in a language other than its own.';

CREATE TABLE milestone_translation (
    milestone_id bigint NOT NULL REFERENCES milestone ON DELETE CASCADE,
    language text NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
    title text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    PRIMARY KEY (milestone_id, language)
);
COMMENT ON TABLE milestone_translation IS 'A milestone''s title in a language other than its pledge''s.';

ALTER TABLE feedback ADD COLUMN language text NOT NULL DEFAULT 'en'
    CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
COMMENT ON COLUMN feedback.language IS 'The language its author wrote in; feedback is never machine-translated.';

-- A title in the reader's language, or the original: one lookup by primary key.
CREATE FUNCTION pledge_title_in(pledge_id bigint, original text, reader text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT t.title FROM pledge_translation t WHERE t.pledge_id = pledge_title_in.pledge_id AND t.language = reader), original);

CREATE FUNCTION milestone_title_in(milestone_id bigint, original text, reader text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT t.title FROM milestone_translation t WHERE t.milestone_id = milestone_title_in.milestone_id AND t.language = reader), original);

-- Cached pages change when a translation does.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['pledge_translation', 'milestone_translation'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version()', t);
        EXECUTE format('CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version()', t);
    END LOOP;
END $$;

-- A country's name in the reader's language (migration 0015), or its English UN name.
CREATE FUNCTION country_name_in(iso3 character(3), original text, reader text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT n.name FROM country_name n WHERE n.iso3 = country_name_in.iso3 AND n.language = reader), original);
