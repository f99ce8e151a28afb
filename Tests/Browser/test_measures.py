"""A reader opens the home page, follows a measure, and moves between measures."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def test_home_lists_the_twenty_measures_and_a_measure_link_leads_to_its_page(browser, app_url):
    browser.get(app_url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Pledges on protection from trafficking"
    measures = browser.find_elements(By.CSS_SELECTOR, "main li.measure a")
    assert len(measures) == 20
    themes = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.theme h3")]
    assert themes[0] == "Legal framework" and themes[-1] == "Solutions" and len(themes) == 7

    link = browser.find_element(By.CSS_SELECTOR, 'main a[href="/measures/18"]')
    assert "survivor participation" in link.text
    link.click()

    assert browser.current_url == app_url + "/measures/18"
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("Measure 18: ") and "survivor participation" in heading
    assert "Evidence and participation" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert browser.find_elements(By.XPATH, "//h2[text()='SDG targets']/following-sibling::ul[1]/li")
    nav = browser.find_element(By.CSS_SELECTOR, 'nav[aria-label="Main"] a[aria-current="page"]')
    assert nav.text == "Measures"

    browser.find_element(By.LINK_TEXT, "Next: measure 19").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Measure 19: ")
    browser.find_element(By.LINK_TEXT, "Measures").click()
    assert browser.current_url == app_url + "/measures"


def test_keyboard_reaches_the_skip_link_first_and_it_moves_to_the_content(browser, app_url):
    browser.get(app_url + "/measures/1")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to main content"
    assert focused.is_displayed()
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"


def test_an_unknown_measure_shows_a_plain_not_found_page_with_a_way_back(browser, app_url):
    browser.get(app_url + "/measures/99")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
    browser.find_element(By.LINK_TEXT, "Go to the home page").click()
    assert browser.current_url == app_url + "/"
