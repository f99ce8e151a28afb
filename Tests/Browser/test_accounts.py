"""A focal point signs in (mistyping once), sees their account, and signs out."""
from selenium.webdriver.common.by import By

from conftest import DEMO, submit_and_wait

EMAIL, PASSWORD = DEMO.focal_point.login, DEMO.focal_point.password


def submit(browser):
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def test_sign_in_fails_once_with_a_clear_message_then_succeeds_and_signs_out(browser, app_url):
    browser.delete_all_cookies()
    browser.get(app_url + "/account")
    assert browser.current_url == app_url + "/login?next=/account"

    browser.find_element(By.ID, "email").send_keys(EMAIL)
    browser.find_element(By.ID, "password").send_keys("not my password")
    submit(browser)
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "The e-mail address or the password is not right." in summary.text
    assert browser.find_element(By.ID, "email").get_attribute("value") == EMAIL
    assert browser.find_element(By.ID, "password").get_attribute("value") == ""
    assert browser.find_element(By.ID, "password").get_attribute("aria-invalid") == "true"

    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(browser)
    assert browser.current_url == app_url + "/account"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Your account"
    assert "Demo Focal Point" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    session = browser.get_cookie("__Host-pt_session")
    assert session and session["httpOnly"] and session["secure"] and session["sameSite"] == "Lax"

    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".account-links button"))
    assert browser.current_url == app_url + "/"
    assert browser.find_element(By.CSS_SELECTOR, ".flash").text == "You are signed out."
    assert browser.find_element(By.LINK_TEXT, "Sign in")
    browser.get(app_url + "/account")
    assert browser.current_url.startswith(app_url + "/login")
