#!/usr/bin/env python3
"""Generate Migrations/0003_countries.sql: UN M49 regions and ISO 3166-1 countries/areas.

What it does
    Writes INSERTs for two reference tables defined in Migrations/0001_reference_schema.sql:
      * un_region - the 5 UN M49 regions (Africa 002, Americas 019, Asia 142, Europe 150,
        Oceania 009; parent_code NULL) and their 17 M49 sub-regions (parent_code = region).
        Only the region and sub-region levels are stored; M49 "intermediate regions"
        (e.g. 011 Western Africa, 029 Caribbean) are folded into their sub-region
        (202 Sub-Saharan Africa, 419 Latin America and the Caribbean).
      * country - every ISO 3166-1 country or area known to pycountry: iso3, iso2, the
        numeric code zero-padded to 3 digits (ISO 3166-1 numeric, which is the UN M49
        country code), a short English name, region_code and sub_region_code.
    Sources:
      * pycountry          - the ISO 3166-1 list itself (alpha-3, alpha-2, numeric).
      * country_converter  - the short English name (name_short) and the UN M49 region of
        each country (its UNregion column gives the lowest M49 level: the intermediate
        region where there is one, the sub-region otherwise).
      * The M49 region / sub-region / intermediate-region codes and names below are the
        UN Statistics Division's standard (https://unstats.un.org/unsd/methodology/m49/);
        they are a small fixed table, so they are written out here rather than fetched.
    Antarctica (ATA) belongs to no M49 region and gets NULL region and sub-region. Any
    other country without a region, or a region name this script does not know, stops the
    script with an error instead of writing a partial file.
    Kosovo (XKX) is in country_converter but is not an ISO 3166-1 code, so it is not
    written (only pycountry's entries are).

How to run (one-off; the app itself does not depend on Python)
    python3 -m venv /tmp/cvenv
    /tmp/cvenv/bin/pip install pycountry country_converter 'pandas<3'
    /tmp/cvenv/bin/python scripts/generate_countries.py            # from the repo root
    /tmp/cvenv/bin/python scripts/generate_countries.py -o FILE    # write elsewhere

    ('pandas<3': country_converter 1.3.2 fails to load its table under pandas 3.x.)

Versions it was last run with
    Python 3.11.7, pycountry 26.2.16, country_converter 1.3.2, pandas 2.3.3
"""

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

import country_converter as coco
import pycountry

# --- UN M49 (UNSD standard) -------------------------------------------------------------
REGIONS = [  # code, name
    ("002", "Africa"),
    ("019", "Americas"),
    ("142", "Asia"),
    ("150", "Europe"),
    ("009", "Oceania"),
]

SUB_REGIONS = [  # code, name, region code
    ("015", "Northern Africa", "002"),
    ("202", "Sub-Saharan Africa", "002"),
    ("419", "Latin America and the Caribbean", "019"),
    ("021", "Northern America", "019"),
    ("143", "Central Asia", "142"),
    ("030", "Eastern Asia", "142"),
    ("035", "South-eastern Asia", "142"),
    ("034", "Southern Asia", "142"),
    ("145", "Western Asia", "142"),
    ("151", "Eastern Europe", "150"),
    ("154", "Northern Europe", "150"),
    ("039", "Southern Europe", "150"),
    ("155", "Western Europe", "150"),
    ("053", "Australia and New Zealand", "009"),
    ("054", "Melanesia", "009"),
    ("057", "Micronesia", "009"),
    ("061", "Polynesia", "009"),
]

# M49 intermediate regions -> their sub-region code.
INTERMEDIATE = {
    "Eastern Africa": "202",   # 014
    "Middle Africa": "202",    # 017
    "Southern Africa": "202",  # 018
    "Western Africa": "202",   # 011
    "Caribbean": "419",        # 029
    "Central America": "419",  # 013
    "South America": "419",    # 005
    "Channel Islands": "154",  # 830
}

# Areas outside every M49 region.
NO_REGION = {"ATA"}

# Readability fixes to country_converter's name_short: spell out its abbreviations
# ("St.", "Fed. Sts.", "Is.") and use the ISO/UN spelling where it differs.
NAME_OVERRIDES = {
    "BES": "Bonaire, Sint Eustatius and Saba",
    "BLM": "Saint Barthélemy",
    "BRN": "Brunei",
    "FSM": "Micronesia",
    "HMD": "Heard Island and McDonald Islands",
    "KNA": "Saint Kitts and Nevis",
    "LCA": "Saint Lucia",
    "MAC": "Macao",
    "MAF": "Saint Martin (French part)",
    "SGS": "South Georgia and the South Sandwich Islands",
    "SHN": "Saint Helena",
    "SJM": "Svalbard and Jan Mayen",
    "SPM": "Saint Pierre and Miquelon",
    "VCT": "Saint Vincent and the Grenadines",
    "WLF": "Wallis and Futuna",
}


def sql_str(value):
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def build_rows():
    sub_by_name = {name: code for code, name, _ in SUB_REGIONS}
    region_of_sub = {code: parent for code, _, parent in SUB_REGIONS}

    data = coco.CountryConverter().data.set_index("ISO3")
    rows, problems = [], []
    for c in pycountry.countries:
        iso3, iso2, numeric = c.alpha_3, c.alpha_2, c.numeric.zfill(3)
        if iso3 not in data.index:
            problems.append(f"{iso3}: not in country_converter")
            continue
        rec = data.loc[iso3]
        name = NAME_OVERRIDES.get(iso3) or rec["name_short"] or getattr(c, "common_name", None) or c.name

        # Cross-check the numeric code against country_converter's UN code where it has one
        # (it has none for Taiwan, which M49 does not list separately).
        un_code = rec["UNcode"]
        if un_code is not None and str(un_code) not in ("<NA>", "nan") and int(un_code) != int(numeric):
            problems.append(f"{iso3}: ISO numeric {numeric} != UN code {un_code}")

        if iso3 in NO_REGION:
            region = sub_region = None
        else:
            un_region = rec["UNregion"]
            sub_region = sub_by_name.get(un_region) or INTERMEDIATE.get(un_region)
            if sub_region is None:
                problems.append(f"{iso3} ({name}): unknown or missing UN region {un_region!r}")
                continue
            region = region_of_sub[sub_region]
        rows.append((iso3, iso2, numeric, name, region, sub_region))

    rows.sort(key=lambda r: r[0])
    for column in (1, 2):  # iso2 and m49 are UNIQUE in the schema
        seen = {}
        for r in rows:
            if r[column] in seen:
                problems.append(f"{r[0]} and {seen[r[column]]} share {r[column]}")
            seen[r[column]] = r[0]
    return rows, problems


def render(rows):
    out = [
        "-- Generated by scripts/generate_countries.py; do not edit by hand, re-run the script.",
        f"-- Sources: PyPI pycountry {version('pycountry')} (ISO 3166-1 codes),"
        f" country_converter {version('country_converter')} (short names, UN M49 regions);",
        "-- M49 region and sub-region codes and names from the UN Statistics Division standard.",
        "-- Antarctica (ATA) has no M49 region.",
        "",
        "INSERT INTO un_region (code, name, parent_code) VALUES",
    ]
    region_rows = [(code, name, None) for code, name in REGIONS] + list(SUB_REGIONS)
    out.append(",\n".join(
        f"    ({sql_str(code)}, {sql_str(name)}, {sql_str(parent)})" for code, name, parent in region_rows
    ) + ";")
    out.append("")
    out.append("INSERT INTO country (iso3, iso2, m49, name, region_code, sub_region_code) VALUES")
    out.append(",\n".join("    (" + ", ".join(sql_str(v) for v in r) + ")" for r in rows) + ";")
    return "\n".join(out) + "\n"


def main():
    default = Path(__file__).resolve().parent.parent / "Migrations" / "0003_countries.sql"
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
    no_region = [r[0] for r in rows if r[4] is None]
    print(f"wrote {args.output}: {len(REGIONS)} regions, {len(SUB_REGIONS)} sub-regions, "
          f"{len(rows)} countries/areas; without region: {', '.join(no_region) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
