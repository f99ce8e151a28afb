"""The secretariat sets up an authenticator at first sign-in (the secret never travels in the
form), is told on the account page, and signs in again with a code after a wrong one."""
import base64
import hashlib
import hmac
import struct
import time

from selenium.webdriver.common.by import By

from conftest import DEMO, sign_in, submit_and_wait


def totp(key_base32, offset=0):
    """RFC 6238 as an authenticator app computes it, from the key the page shows."""
    key = base64.b32decode(key_base32.replace(" ", "") + "=" * (-len(key_base32.replace(" ", "")) % 8))
    counter = int(time.time()) // 30 + offset
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    start = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[start:start + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def submit(browser):
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))




def test_enrol_then_sign_in_with_a_code(browser, app_url):
    sign_in(browser, app_url, DEMO.secretariat)
    assert browser.current_url == app_url + "/login/enrol"
    assert not browser.find_elements(By.NAME, "secret"), "the proposed secret stays on the server"
    key = browser.find_element(By.CSS_SELECTOR, "code.secret").text
    browser.find_element(By.ID, "code").send_keys(totp(key))
    submit(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "ul.codes li")) == 10
    browser.find_element(By.LINK_TEXT, "Continue").click()
    assert browser.current_url == app_url + "/account"
    notice = browser.find_element(By.CSS_SELECTOR, "main .flash-warning")
    assert "An authenticator app was set up for your account." in notice.text
    submit_and_wait(browser, notice.find_element(By.TAG_NAME, "button"))
    assert not browser.find_elements(By.CSS_SELECTOR, "main .flash-warning")

    # Next sign-in: a wrong code is named on the form; the next step's code lets the owner in.
    sign_in(browser, app_url, DEMO.secretariat)
    assert browser.current_url == app_url + "/login/second-factor"
    browser.get(app_url + "/login/enrol")
    assert browser.current_url == app_url + "/login/second-factor", "no second enrolment with the password alone"
    browser.find_element(By.ID, "code").send_keys("000000")
    submit(browser)
    assert "That code is not right" in browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    browser.find_element(By.ID, "code").send_keys(totp(key, offset=1))
    submit(browser)
    assert browser.current_url == app_url + "/work", "the secretariat lands on its queue"
    assert "The secretariat's queue" in browser.page_source
    browser.get(app_url + "/account")
    assert browser.find_element(By.LINK_TEXT, "Set up a new authenticator app")
