"""A reader filters the By State dashboard to one region, follows a country from the table and
then from the tile map, and the filter stays with them."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import submit_and_wait


def test_filter_the_states_dashboard_and_follow_a_country(browser, app_url):
    browser.get(app_url + "/dashboards")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Progress dashboards"
    browser.find_element(By.CSS_SELECTOR, "nav.dash-nav").find_element(By.LINK_TEXT, "By State").click()
    assert browser.current_url == app_url + "/dashboards/states"
    groups = [g.text for g in browser.find_elements(By.CSS_SELECTOR, "table.dashboard tr.group th")]
    assert len(groups) == 5 and groups[0].startswith("Africa")

    Select(browser.find_element(By.ID, "region")).select_by_visible_text("Africa")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert browser.current_url == app_url + "/dashboards/states?region=002"
    groups = [g.text for g in browser.find_elements(By.CSS_SELECTOR, "table.dashboard tr.group th")]
    assert len(groups) == 1 and groups[0].startswith("Africa")
    assert Select(browser.find_element(By.ID, "region")).first_selected_option.text == "Africa"

    browser.find_element(By.CSS_SELECTOR, "table.dashboard").find_element(By.LINK_TEXT, "Kenya").click()
    assert browser.current_url == app_url + "/dashboards/states/KEN?region=002"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kenya"
    figures = {d.find_element(By.TAG_NAME, "dt").text: d.find_element(By.TAG_NAME, "dd").text
               for d in browser.find_elements(By.CSS_SELECTOR, "dl.headline > div")}
    assert int(figures["Pledges"]) > 0
    assert browser.find_element(By.ID, "measures").text == "Measures covered and missing"
    crumbs = browser.find_element(By.CSS_SELECTOR, "nav.breadcrumbs")
    crumbs.find_element(By.LINK_TEXT, "By State").click()
    assert browser.current_url == app_url + "/dashboards/states?region=002"

    # The tile map's squares are links too.
    browser.find_element(By.CSS_SELECTOR, 'svg.tile-map a[href="/dashboards/states/NGA?region=002"]').click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Nigeria"
