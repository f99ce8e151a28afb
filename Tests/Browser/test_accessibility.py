"""axe-core over every page shape a person sees: signed out and signed in as each role, at a
desktop width (1366 px) and a phone width (390 px), in English and in Arabic (right to left). Any serious or critical violation fails
the test, and so does a page wider than the window (it would scroll sideways on a phone).

axe-core is the copy that `scripts/deps test` unpacks from PyPI into .local/axe-core (Deque's
own build, shipped inside the axe-playwright-python wheel)."""
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import DEMO
from harness import database_session

AXE = Path(__file__).resolve().parents[2] / ".local/axe-core/axe.min.js"
WIDTHS = (1366, 390)
LANGUAGES = ("en", "ar")


def psql(sql):
    return subprocess.run(["psql", os.environ["DATABASE_URL"], "-Atqc", sql], check=True, text=True,
                          capture_output=True).stdout.strip()


def shapes():
    """(role, path) for one page of each shape; ids come from the demo data."""
    pledge = psql("SELECT min(id) FROM pledge WHERE visibility = 'public'")
    milestone = psql(f"SELECT min(id) FROM milestone WHERE pledge_id = {pledge}")
    country = psql("SELECT min(country_iso3) FROM pledge_country")
    sdg = psql("SELECT min(target_code) FROM pledge_sdg_target")
    panel = psql("SELECT min(id) FROM panel")
    entity = psql("SELECT min(id) FROM entity")
    user = psql("SELECT min(id) FROM app_user")
    public_item = psql("SELECT min(id) FROM feedback WHERE scope = 'public' AND moderation = 'published'")
    member_item = psql("SELECT min(f.id) FROM feedback f JOIN app_user u ON u.id = f.author_id WHERE u.pseudonym = 'Sunflower'")
    visitor = [
        "/", "/pledges", f"/pledges/{pledge}", "/pledges?country=XXX&page=999", "/measures", "/measures/18", "/measures/3",
        "/dashboards", "/dashboards/states", f"/dashboards/states/{country}", "/dashboards/measures",
        "/dashboards/measures/18", "/dashboards/sdgs", f"/dashboards/sdgs/{sdg}", "/dashboards/gcm", "/dashboards/matrix",
        "/reports", "/feedback", f"/feedback/{public_item}", "/feedback/staying-safe", "/login", "/join/not-a-token",
        "/invite/not-a-token", "/no-such-page",
    ]
    pages = [(None, path) for path in visitor]
    pages += [(DEMO.focal_point, path) for path in (
        "/work", "/account", "/pledges?mine=1", "/pledges/new", f"/pledges/{pledge}/edit", f"/pledges/{pledge}/milestones/new",
        f"/milestones/{milestone}/edit", f"/pledges/{pledge}/withdraw", f"/pledges/{pledge}/translations", "/feedback")]
    pages += [(DEMO.secretariat, path) for path in (
        "/work", "/account", "/feedback/moderation", "/admin/entities", "/admin/entities/new", f"/admin/entities/{entity}",
        "/panels", f"/feedback/{member_item}")]
    pages += [(DEMO.admin, path) for path in (
        "/work", "/admin/users", "/admin/users/new", f"/admin/users/{user}", "/admin/audit", "/panels/new", f"/panels/{panel}/edit",
        "/account/second-factor")]
    pages += [(DEMO.facilitator, path) for path in ("/work", f"/panels/{panel}", f"/feedback/{member_item}", "/feedback/moderation")]
    pages += [(DEMO.member, path) for path in (
        f"/panels/{panel}", "/feedback?mine=1", f"/feedback/new?pledge={pledge}", f"/feedback/{member_item}",
        "/feedback/consent/edit", "/account")]
    return pages


def open_as(browser, app_url, persona, path, language="en"):
    browser.delete_all_cookies()
    if persona:
        browser.get(app_url + "/healthz")
        cookie, _ = database_session(os.environ["DATABASE_URL"], persona.login, "axe")
        for part in cookie.split("; "):
            name, value = part.split("=", 1)
            browser.add_cookie({"name": name, "value": value, "path": "/", "secure": name.startswith("__Host-")})
    browser.get(app_url + path + ("&" if "?" in path else "?") + "lang=" + language)


def scan(browser):
    browser.execute_script(AXE.read_text())
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)), e => done('ERR ' + e));")
    if result.startswith("ERR "):
        raise AssertionError(result)
    return [v for v in json.loads(result) if v["impact"] in ("serious", "critical")]


def describe(violation):
    nodes = "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"][0])
                      for node in violation["nodes"][:4])
    return f'{violation["id"]} ({violation["impact"]}, {len(violation["nodes"])}×): {nodes}'


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_shape_passes_axe(browser, app_url, width, language):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `scripts/deps test` unpacks it")
    browser.set_script_timeout(30)
    before = browser.get_window_size()
    browser.set_window_size(width, 900)
    try:
        failures = scan_every_shape(browser, app_url, width, language)
    finally:
        # The browser is shared by every test: the later ones expect the desktop window.
        browser.set_window_size(before["width"], before["height"])
    assert not failures, f"{len(failures)} problems at {width} px in {language}:\n" + "\n".join(failures)


def scan_every_shape(browser, app_url, width, language):
    failures = []
    for persona, path in shapes():
        open_as(browser, app_url, persona, path, language)
        if browser.execute_script("return document.documentElement.lang") != language:
            failures.append(f"{path}: not in {language}")
        who = persona.login if persona else "visitor"
        if persona and "/login" in browser.current_url:
            failures.append(f"{who} {path}: sent to sign in")
            continue
        for violation in scan(browser):
            failures.append(f"{who} {path}: {describe(violation)}")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            failures.append(f"{who} {path}: {overflow} px wider than the {width} px window")
    return failures
