#!/usr/bin/env python3
"""Generate Migrations/0013_un_country_names.sql: the UN's names for countries and areas.

What it does
    Reads two kept files (see scripts/data/README.md) and nothing else:
      * scripts/data/m49.csv         - the UN Statistics Division's M49 "Overview" table: M49
        code, ISO alpha-2 and alpha-3 codes, the English name of each country or area, its
        region and sub-region.
      * scripts/data/uninhabited.csv - the areas with no permanent population (the rule is in
        the README), left out of the pickers and the tile map.
    and writes one migration that brings the `country` table (Migrations/0003_countries.sql)
    to M49:
      * adds `un_listed` (M49 lists the entry) and `uninhabited`; the app offers a country in
        its pickers and draws it on the tile map when `un_listed AND NOT uninhabited`, or when
        a pledge or panel already names it;
      * inserts or updates every M49 entry: the UN's English name, M49 code, ISO alpha-2,
        region and sub-region (M49 intermediate regions are folded into their sub-region, as
        in 0003);
      * an entry M49 does not list is deleted when no pledge, entity or panel refers to it,
        and otherwise kept with `un_listed = false` (shown as it was, offered to nobody new).
    Every region and sub-region must be one of the 5 + 17 in un_region (0003) and every code
    well formed, or the script stops with the problems and writes nothing.

    Migrations/0003_countries.sql was written once by an earlier version of this script (from
    PyPI's pycountry and country_converter; see git history); it is applied and never
    regenerated.

How to run (one-off, Python 3 standard library only; the app does not need Python)
    python3 scripts/generate_countries.py            # from the repo root
    python3 scripts/generate_countries.py -o FILE    # write elsewhere
"""

import argparse
import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts" / "data"

# The region and sub-region codes un_region holds (Migrations/0003_countries.sql).
REGIONS = {"002", "019", "142", "150", "009"}
SUB_REGIONS = {  # sub-region -> region
    "015": "002", "202": "002", "419": "019", "021": "019", "143": "142", "030": "142", "035": "142",
    "034": "142", "145": "142", "151": "150", "154": "150", "039": "150", "155": "150", "053": "009",
    "054": "009", "057": "009", "061": "009",
}

# The tables that refer to country (iso3); an entry they name is never deleted.
REFERENCES = [("pledge_country", "country_iso3"), ("panel_country", "country_iso3"), ("entity", "home_country")]


def code(value):
    """A numeric code as M49 writes it, three digits ('12' or '012' -> '012'); None if empty."""
    value = (value or "").strip()
    return value.zfill(3) if value else None


def read_csv(path):
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    return list(csv.DictReader(text.splitlines(), delimiter=delimiter))


def build_rows():
    uninhabited = {r["iso3"].strip() for r in read_csv(DATA / "uninhabited.csv")}
    rows, problems = [], []
    for r in read_csv(DATA / "m49.csv"):
        iso3, iso2 = r["ISO-alpha3 Code"].strip(), r["ISO-alpha2 Code"].strip()
        name, m49 = r["Country or Area"].strip(), code(r["M49 Code"])
        region, sub_region = code(r["Region Code"]), code(r["Sub-region Code"])
        if not iso3:
            problems.append(f"{name}: no ISO alpha-3 code (not written)")
            continue
        if len(iso3) != 3 or not iso3.isascii() or not iso3.isupper() or len(iso2) != 2 or not iso2.isupper():
            problems.append(f"{name}: bad ISO codes {iso3!r} {iso2!r}")
        if m49 is None or len(m49) != 3 or not m49.isdigit():
            problems.append(f"{iso3}: bad M49 code {m49!r}")
        if (region is None) != (sub_region is None):
            problems.append(f"{iso3}: region {region} without sub-region {sub_region} or the reverse")
        elif region is not None and SUB_REGIONS.get(sub_region) != region:
            problems.append(f"{iso3}: sub-region {sub_region} is not one of region {region}'s")
        if not name:
            problems.append(f"{iso3}: no name")
        rows.append((iso3, iso2, m49, name, region, sub_region, iso3 in uninhabited))

    listed = {r[0] for r in rows}
    for iso3 in sorted(uninhabited - listed):
        problems.append(f"{iso3}: in uninhabited.csv but not in m49.csv")
    rows.sort(key=lambda r: r[0])
    for column in (0, 1, 2):  # iso3, iso2 and m49 are unique in the table
        seen = {}
        for r in rows:
            if r[column] in seen:
                problems.append(f"{r[0]} and {seen[r[column]]} share {r[column]}")
            seen[r[column]] = r[0]
    return rows, problems


def sql(value):
    if value is None:
        return "NULL"
    if value is True or value is False:
        return "true" if value else "false"
    return "'" + str(value).replace("'", "''") + "'"


def render(rows):
    digest = hashlib.sha256((DATA / "m49.csv").read_bytes()).hexdigest()
    not_referenced = "\n".join(
        f"  AND NOT EXISTS (SELECT 1 FROM {table} r WHERE r.{column} = country.iso3)" for table, column in REFERENCES
    )
    values = ",\n".join("    (" + ", ".join(sql(v) for v in r) + ")" for r in rows)
    return f"""-- Generated by scripts/generate_countries.py; do not edit by hand, re-run the script.
-- Source: scripts/data/m49.csv, the UN Statistics Division's M49 overview table
-- (sha256 {digest}; where it came from: scripts/data/README.md),
-- and scripts/data/uninhabited.csv (no permanent population).
-- {len(rows)} countries or areas; {sum(1 for r in rows if r[6])} of them uninhabited.

-- M49 lists this entry as a country or area. An entry it does not list stays only while a
-- pledge, entity or panel names it, and is offered to nobody new.
ALTER TABLE country ADD COLUMN IF NOT EXISTS un_listed boolean NOT NULL DEFAULT true;
-- No permanent population (scripts/data/uninhabited.csv): left out of the pickers and the
-- tile map unless something already names it.
ALTER TABLE country ADD COLUMN IF NOT EXISTS uninhabited boolean NOT NULL DEFAULT false;

CREATE TEMPORARY TABLE m49_source (
    iso3            char(3) PRIMARY KEY,
    iso2            char(2) NOT NULL,
    m49             char(3) NOT NULL,
    name            text NOT NULL,
    region_code     char(3),
    sub_region_code char(3),
    uninhabited     boolean NOT NULL
) ON COMMIT DROP;

INSERT INTO m49_source (iso3, iso2, m49, name, region_code, sub_region_code, uninhabited) VALUES
{values};

-- Entries M49 does not list: deleted when nothing refers to them, otherwise marked.
UPDATE country SET un_listed = false WHERE iso3 NOT IN (SELECT iso3 FROM m49_source);
DELETE FROM country
WHERE NOT un_listed
{not_referenced};

INSERT INTO country (iso3, iso2, m49, name, region_code, sub_region_code, un_listed, uninhabited)
SELECT iso3, iso2, m49, name, region_code, sub_region_code, true, uninhabited FROM m49_source
ON CONFLICT (iso3) DO UPDATE SET
    iso2 = EXCLUDED.iso2, m49 = EXCLUDED.m49, name = EXCLUDED.name, region_code = EXCLUDED.region_code,
    sub_region_code = EXCLUDED.sub_region_code, un_listed = true, uninhabited = EXCLUDED.uninhabited;
"""


def main():
    default = ROOT / "Migrations" / "0013_un_country_names.sql"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=default)
    args = parser.parse_args()

    rows, problems = build_rows()
    if problems:
        print("Not written; these did not map cleanly:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    args.output.write_text(render(rows), encoding="utf-8")
    print(f"wrote {args.output}: {len(rows)} countries/areas, "
          f"uninhabited: {', '.join(r[0] for r in rows if r[6])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
