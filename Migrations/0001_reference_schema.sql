-- Reference data: the pledge's 20 measures and their themes, the SDG goals and targets and
-- the GCM Objective 10 actions they answer, and the countries and areas with their UN M49
-- regions. Seeded by the migrations that follow; never typed by users.

CREATE TABLE measure_theme (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z]+(-[a-z]+)*$'),
    position smallint NOT NULL UNIQUE,
    title    text NOT NULL
);

CREATE TABLE measure (
    number     smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 20),
    theme_code text NOT NULL REFERENCES measure_theme (code),
    title      text NOT NULL,          -- short title, in the project's own words
    summary    text NOT NULL,          -- one or two sentences, in the project's own words
    source_ref text NOT NULL,          -- where the guidance says it (document and paragraph)
    source_url text NOT NULL CHECK (source_url ~ '^https://')
);

CREATE TABLE sdg_goal (
    number smallint PRIMARY KEY,
    title  text NOT NULL
);

CREATE TABLE sdg_target (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]+\.[0-9]+$'),
    goal_number smallint NOT NULL REFERENCES sdg_goal (number),
    position    smallint NOT NULL,
    title       text NOT NULL,
    UNIQUE (goal_number, position)
);

CREATE TABLE gcm_action (
    letter     char(1) PRIMARY KEY CHECK (letter BETWEEN 'a' AND 'j'),
    title      text NOT NULL,          -- short title, in the project's own words
    source_ref text NOT NULL
);

-- Which SDG targets and GCM actions each measure answers (Pledgetrack's reading of the seeds).
CREATE TABLE measure_sdg_target (
    measure_number smallint NOT NULL REFERENCES measure (number),
    target_code    text NOT NULL REFERENCES sdg_target (code),
    PRIMARY KEY (measure_number, target_code)
);

CREATE TABLE measure_gcm_action (
    measure_number smallint NOT NULL REFERENCES measure (number),
    action_letter  char(1) NOT NULL REFERENCES gcm_action (letter),
    PRIMARY KEY (measure_number, action_letter)
);

-- UN M49 regions (parent_code IS NULL) and sub-regions.
CREATE TABLE un_region (
    code        char(3) PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
    name        text NOT NULL UNIQUE,
    parent_code char(3) REFERENCES un_region (code)
);

CREATE TABLE country (
    iso3            char(3) PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
    iso2            char(2) NOT NULL UNIQUE CHECK (iso2 ~ '^[A-Z]{2}$'),
    m49             char(3) NOT NULL UNIQUE CHECK (m49 ~ '^[0-9]{3}$'),
    name            text NOT NULL,
    region_code     char(3) REFERENCES un_region (code),  -- NULL only for Antarctica
    sub_region_code char(3) REFERENCES un_region (code)
);
CREATE INDEX country_region_idx ON country (region_code, sub_region_code);
