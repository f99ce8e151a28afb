"""A focal point chooses a pledge's countries with the check-box picker: typing filters the
list, a click or Space adds a country without dropping the others, Enter in the search field
does not send the form, and the saved pledge names every country chosen."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DEMO, sign_in


def shown(browser, value):
    return browser.find_element(By.CSS_SELECTOR, f"input[name=country][value={value}]").is_displayed()


def search(browser, text):
    field = browser.find_element(By.ID, "country_search")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    if text:
        field.send_keys(text)
    return field


def test_choose_several_countries_by_typing_clicking_and_keyboard(browser, app_url):
    sign_in(browser, app_url, DEMO.focal_point)
    browser.get(app_url + "/pledges/new")
    # With JavaScript the list filters as one types; its Search button is gone, so Enter in
    # another field still means Save.
    assert browser.find_elements(By.CSS_SELECTOR, "button[name=picker_search]") == []

    field = search(browser, "viet")
    WebDriverWait(browser, 5).until(lambda b: not shown(b, "KEN"))
    assert shown(browser, "VNM")
    browser.find_element(By.XPATH, "//label[normalize-space()='Viet Nam']").click()

    # Enter in the search field filters; it does not send the form.
    field.send_keys(Keys.ENTER)
    assert browser.current_url == app_url + "/pledges/new"

    # A second country, chosen with the keyboard: the first stays chosen and in view.
    search(browser, "türk")
    WebDriverWait(browser, 5).until(lambda b: shown(b, "TUR") and not shown(b, "FRA"))
    box = browser.find_element(By.CSS_SELECTOR, "input[name=country][value=TUR]")
    browser.execute_script("arguments[0].focus()", box)
    box.send_keys(Keys.SPACE)
    assert box.is_selected()
    assert shown(browser, "VNM") and browser.find_element(By.CSS_SELECTOR, "input[name=country][value=VNM]").is_selected()
    assert "2 chosen" in browser.find_element(By.ID, "country-status").text

    search(browser, "")
    WebDriverWait(browser, 5).until(lambda b: shown(b, "FRA"))

    Select(browser.find_element(By.ID, "owner")).select_by_index(1)
    browser.find_element(By.CSS_SELECTOR, "input[name=measure][value='6']").click()
    # Enter in the title saves, as it does on a form without pickers.
    browser.execute_script("window.__pledgetrackOldPage = true")
    browser.find_element(By.ID, "title").send_keys("Picker test: hotlines in two countries", Keys.ENTER)
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return !window.__pledgetrackOldPage && document.readyState === 'complete'"))
    assert "/pledges/" in browser.current_url and not browser.current_url.endswith("/new")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Viet Nam" in main and "Türkiye" in main
