"""A panel member posts feedback for the pledge's owners; the facilitator publishes it; a
focal point of the pledge answers; the member reads the answer; then the member leaves with
the quick exit, and Back does not bring the panel page back."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO, sign_in, submit_and_wait

MARKER = "Please open the shelter on Sundays too"




def test_post_publish_answer_read_then_quick_exit(browser, app_url):
    sign_in(browser, app_url, DEMO.member)
    browser.get(app_url + "/feedback?mine=1")
    pledge_link = browser.find_element(By.CSS_SELECTOR, ".feedback-item a[href^='/pledges/']").get_attribute("href")
    pledge = pledge_link.rstrip("/").split("/")[-1]

    browser.get(f"{app_url}/feedback/new?pledge={pledge}")
    assert browser.find_element(By.ID, "scope-panel").is_selected(), "the most restrictive scope is the default"
    browser.find_element(By.ID, "body").send_keys(MARKER)
    browser.find_element(By.ID, "scope-pledge_owners").click()
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button.button[value=post]"))
    item_url = browser.current_url
    assert "/feedback/" in item_url and MARKER in browser.page_source
    assert "has not published this yet" in browser.page_source

    sign_in(browser, app_url, DEMO.facilitator)
    browser.get(item_url)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=published]"))
    assert "Decision saved." in browser.page_source

    sign_in(browser, app_url, DEMO.focal_point)
    browser.get(item_url)
    assert MARKER in browser.page_source
    browser.find_element(By.ID, "answer").send_keys("From next month the shelter opens on Sundays.")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Send the answer']"))
    assert "Answer sent." in browser.page_source

    sign_in(browser, app_url, DEMO.member)
    browser.get(app_url + "/feedback")
    browser.get(item_url)
    assert "From next month the shelter opens on Sundays." in browser.page_source
    assert "Where it stands: Answered." in browser.page_source

    # The quick exit is the first thing the keyboard reaches.
    browser.find_element(By.TAG_NAME, "body").send_keys("\ue004")  # Tab
    assert browser.switch_to.active_element.get_attribute("id") == "quick-exit"

    browser.find_element(By.ID, "quick-exit").click()
    WebDriverWait(browser, 10).until(lambda b: not b.current_url.startswith(app_url))
    time.sleep(0.5)  # the sign-out beacon
    browser.back()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.startswith(app_url))
    assert MARKER not in browser.page_source
    assert "From next month" not in browser.page_source
    assert "Your panel" not in browser.page_source
