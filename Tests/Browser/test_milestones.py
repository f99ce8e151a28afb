"""A focal point updates a milestone and sees it in the history and the pledge's status; a
second person editing the same milestone at the same time gets the conflict page."""
import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO, sign_in, submit_and_wait





def open_first_editable_implementation_milestone(browser, app_url):
    """The focal point's first pledge in planning, and its first implementation milestone."""
    browser.get(app_url + "/pledges?status=planning&entity=&sort=title")
    for link in [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "table.pledges th a")]:
        browser.get(link)
        edits = browser.find_elements(By.CSS_SELECTOR, ".stage-implementation .milestone-actions a")
        if edits:
            return link, edits[0].get_attribute("href")
    pytest.fail("no planning pledge with an implementation milestone that the focal point may edit")


@pytest.fixture
def second_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def test_update_a_milestone_see_history_and_status_then_a_second_editor_gets_the_conflict_page(browser, second_browser, app_url):
    sign_in(browser, app_url, DEMO.focal_point)
    pledge_url, edit_url = open_first_editable_implementation_milestone(browser, app_url)
    status_before = browser.find_element(By.CSS_SELECTOR, ".status-line .badge").text
    assert status_before == "Planning"

    # A second session opens the same milestone before the first one saves.
    sign_in(second_browser, app_url, DEMO.focal_point)
    second_browser.get(edit_url)

    browser.get(edit_url)
    Select(browser.find_element(By.ID, "status")).select_by_value("on_track")
    percent = browser.find_element(By.ID, "percent_complete")
    percent.clear()
    percent.send_keys("35")
    browser.find_element(By.ID, "why").send_keys("First training week held")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    assert browser.current_url.startswith(pledge_url)
    assert browser.find_element(By.CSS_SELECTOR, ".flash").text == "The milestone is saved."
    assert browser.find_element(By.CSS_SELECTOR, ".status-line .badge").text == "In progress"
    history = browser.find_element(By.CSS_SELECTOR, "ol.history li").text
    assert "Demo Focal Point" in history
    assert "Status: Not started → On track" in history
    assert "Percent complete: 0 % → 35 %" in history
    assert "First training week held" in history

    # The second session, still on the old version, is told instead of overwriting.
    Select(second_browser.find_element(By.ID, "status")).select_by_value("delayed")
    submit_and_wait(second_browser, second_browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Someone else changed this while you were editing" in second_browser.find_element(By.CSS_SELECTOR, "main").text
    differing = second_browser.find_element(By.CSS_SELECTOR, "table.conflict tr.differs").text
    assert "On track" in differing and "Delayed" in differing
    assert Select(second_browser.find_element(By.ID, "status")).first_selected_option.text == "Delayed"
    browser.get(pledge_url)
    assert "Status: Not started → On track" in browser.find_element(By.CSS_SELECTOR, "ol.history li").text
