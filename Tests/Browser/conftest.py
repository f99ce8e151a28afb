"""Browser tests drive a real headless Chromium (Debian's chromium and chromium-driver)
through WebDriver against the app that `make test` starts; APP_URL says where it is."""
import os
import sys
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# The personas and helpers the benchmark and the fault tests use too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from harness import DEMO, Persona  # noqa: E402,F401  (re-exported for the tests)


@pytest.fixture(scope="session")
def app_url():
    url = os.environ.get("APP_URL")
    if not url:
        pytest.fail("APP_URL is not set: run the browser tests with `make test`")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


@pytest.fixture(autouse=True)
def fresh_cookies(request):
    """Each test starts without the cookies of the one before: a language chosen there (Arabic,
    in the accessibility test) would otherwise carry over to the next."""
    if "browser" in request.fixturenames:
        request.getfixturevalue("browser").delete_all_cookies()
    yield


def submit_and_wait(browser, button):
    """Clicks a submit button and waits for the next page: the old document's window carries a
    mark that the new one does not. (Selenium 4.8's staleness check misreads this Chromium.)"""
    from selenium.webdriver.support.ui import WebDriverWait
    browser.execute_script("window.__pledgetrackOldPage = true")
    button.click()
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return !window.__pledgetrackOldPage && document.readyState === 'complete'"))


def sign_in(browser, app_url, persona):
    """Signs `persona` in through the form, in a browser without cookies."""
    browser.delete_all_cookies()
    browser.get(app_url + "/login")
    browser.find_element(By.ID, "email").send_keys(persona.login)
    browser.find_element(By.ID, "password").send_keys(persona.password)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
