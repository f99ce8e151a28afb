"""The three main jobs in Arabic and in Chinese, chosen with the switcher on the page: a focal
point updates a milestone, a survivor posts feedback, a reader downloads a progress report.
Each page is in the chosen language (and right to left in Arabic), with none of the English
words of the same page left."""
import io
import re
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import openpyxl
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO, sign_in, submit_and_wait

LANGUAGES = {"ar": ("العربية", "rtl", re.compile(r"[\u0600-\u06FF]")), "zh": ("中文", "ltr", re.compile(r"[\u4E00-\u9FFF]"))}
# English words each of these pages shows in English: none may be left in another language.
ENGLISH = ["Milestones", "Sign out", "The milestone is saved.", "Send your feedback", "Progress report", "Pledges"]


def switch(browser, code):
    """Chooses the language with the switcher's own link, as a reader would."""
    autonym, direction, _ = LANGUAGES[code]
    browser.find_element(By.CSS_SELECTOR, f"nav.languages a[hreflang='{code}']").click()
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == code and html.get_attribute("dir") == direction
    assert browser.find_element(By.CSS_SELECTOR, "nav.languages a[aria-current='true']").text == autonym


def in_language(browser, code):
    text = browser.find_element(By.TAG_NAME, "main").text
    assert LANGUAGES[code][2].search(text), "the page's own words are in the language"
    left = [word for word in ENGLISH if word in text]
    assert not left, f"English left on {browser.current_url}: {left}"
    return text


@pytest.mark.parametrize("code", ["ar", "zh"])
def test_update_post_and_download_in_another_language(browser, app_url, code):
    # A focal point updates a milestone.
    sign_in(browser, app_url, DEMO.focal_point)
    # A pledge already in progress: the milestone test needs the planning ones as they are.
    browser.get(app_url + "/pledges?status=in_progress&mine=1&sort=title")
    switch(browser, code)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "table.pledges th a")]
    edit = None
    for link in links[1:] if code == "zh" else links:  # each language its own pledge
        browser.get(link)
        edits = browser.find_elements(By.CSS_SELECTOR, ".stage-implementation .milestone-actions a")
        if edits:
            pledge_url, edit = link, edits[0].get_attribute("href")
            break
    assert edit, "a pledge in progress with a milestone the focal point may edit"
    browser.get(edit)
    in_language(browser, code)
    Select(browser.find_element(By.ID, "status")).select_by_value("on_track")
    browser.find_element(By.ID, "completed_on").clear()  # a milestone on track has no completion day
    percent = browser.find_element(By.ID, "percent_complete")
    percent.clear()
    percent.send_keys("40")
    browser.find_element(By.ID, "why").send_keys("أسبوع التدريب الأول" if code == "ar" else "第一周培训已完成")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert browser.current_url.startswith(pledge_url), browser.find_element(By.TAG_NAME, "main").text[:600]
    text = in_language(browser, code)
    assert browser.find_element(By.CSS_SELECTOR, ".flash").text.strip(), "a message in the language"
    history = browser.find_element(By.CSS_SELECTOR, "ol.history li").text
    assert "40" in history and ("أسبوع التدريب الأول" in history or "第一周培训已完成" in history)
    assert "%" in text or "٪" in text

    # A survivor posts feedback in their language.
    sign_in(browser, app_url, DEMO.member)
    browser.get(app_url + "/feedback?mine=1")
    switch(browser, code)
    browser.get(app_url + "/feedback/new")
    in_language(browser, code)
    assert Select(browser.find_element(By.ID, "language")).first_selected_option.get_attribute("value") == code
    words = "نحتاج إلى مترجمة في المأوى." if code == "ar" else "庇护所需要一名女性口译员。"
    browser.find_element(By.ID, "body").send_keys(words)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button.button[value=post]"))
    assert "/feedback/" in browser.current_url
    in_language(browser, code)
    posted = browser.find_element(By.CSS_SELECTOR, f".feedback-text[lang='{code}']")
    assert posted.text == words

    # A reader downloads the progress report: the brief, the PDF and the workbook.
    browser.delete_all_cookies()
    browser.get(app_url + "/reports?country=KEN")
    switch(browser, code)
    in_language(browser, code)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.report-form button[type=submit]"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == code
    assert LANGUAGES[code][2].search(browser.find_element(By.TAG_NAME, "h1").text)
    base = browser.current_url.split("?")[0].replace("/reports", "/reports/download") if "/download" not in browser.current_url \
        else browser.current_url.split("?")[0]
    query = browser.current_url.split("?", 1)[1]
    def fetch(format):
        url = f"{base}?{re.sub(r'format=[^&]*', 'format=' + format, query)}"
        request = urllib.request.Request(url, headers={"Accept-Language": code})
        with urllib.request.urlopen(request, timeout=90) as response:
            assert response.status == 200
            return response.read()
    workbook = openpyxl.load_workbook(io.BytesIO(fetch("xlsx")), read_only=True)
    assert all(LANGUAGES[code][2].search(name) for name in workbook.sheetnames), workbook.sheetnames
    pdf = fetch("pdf")
    assert pdf.startswith(b"%PDF-")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "brief.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert LANGUAGES[code][2].search(text), "the PDF carries the language's own letters"
    assert "Noto" in fonts, f"a font that has the glyphs: {fonts}"
