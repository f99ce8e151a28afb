"""A reader turns the Kenya dashboard into a progress report: follows "Download this view as a
report", finds Kenya already chosen, and downloads the brief, the PDF, the workbook and every CSV
file; each agrees with the dashboard's figures. A future "as of" day brings the form back with
what to fix and what was typed.

Headless Chromium does not hand downloads to WebDriver, so the brief (shown inline) is opened by
submitting the form, and the other formats are fetched with urllib from the very address the form
would submit (a public reader needs no cookies)."""
import csv
import datetime
import io
import re
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import submit_and_wait

CSV_FORMATS = ["pledges.csv", "milestones.csv", "history.csv", "feedback.csv", "changes.csv"]
TABLE_SHEETS = ["Pledges", "Milestones", "Change history", "Survivor feedback"]
# Columns the workbook must hold as real dates and as whole numbers.
DATE_COLUMNS = {"Pledges": ["Start date", "Target date", "Created"], "Milestones": ["Due date", "Completed on"]}
NUMBER_COLUMNS = {
    "Pledges": ["Pledge number", "Commitment: done", "Commitment: milestones", "Implementation: done",
                "Implementation: milestones", "Evaluation: done", "Evaluation: milestones", "Overdue milestones"],
    "Milestones": ["Pledge number", "Milestone number", "Percent complete"],
}
SUMMARY_FIGURES = ["Pledges", "Planning", "In progress", "Fulfilled", "Withdrawn", "Milestones", "Milestones done",
                   "Overdue milestones"]
DAY = r"\d{4}-\d\d-\d\d"


def headline(browser):
    return {d.find_element(By.TAG_NAME, "dt").text: d.find_element(By.TAG_NAME, "dd").text
            for d in browser.find_elements(By.CSS_SELECTOR, "dl.headline > div")}


def number(text):
    return int(re.sub(r"[^\d]", "", text))


def form_url(browser, format):
    """Chooses a format on the report form and returns the address its GET submission goes to."""
    browser.find_element(By.ID, "format-" + format).click()
    return browser.execute_script(
        "const form = document.querySelector('form.report-form');"
        "return form.action + '?' + new URLSearchParams(new FormData(form)).toString();")


def fetch(url):
    with urllib.request.urlopen(url, timeout=90) as response:
        return response.status, response.headers, response.read()


def filename(headers):
    match = re.fullmatch(r'(attachment|inline); filename="([^"]+)"', headers["Content-Disposition"] or "")
    assert match, headers["Content-Disposition"]
    return match.group(1), match.group(2)


def table(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def check_workbook(body, pledges, dashboard):
    book = openpyxl.load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["Summary"] + TABLE_SHEETS
    for name in TABLE_SHEETS:
        assert book[name].freeze_panes == "A2", f"{name}: the header row is frozen"

    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row and row[0]}
    for label in SUMMARY_FIGURES:
        assert type(summary.get(label)) is int, f"Summary {label!r}: {summary.get(label)!r}"
    assert summary["Pledges"] == pledges
    assert summary["Planning"] + summary["In progress"] + summary["Fulfilled"] + summary["Withdrawn"] == pledges
    for label in ("Planning", "In progress", "Fulfilled", "Withdrawn", "Overdue milestones"):
        if label in dashboard:
            assert summary[label] == number(dashboard[label]), label
    assert isinstance(summary["As of"], datetime.datetime)

    for name in ("Pledges", "Milestones"):
        header, rows = table(book[name])
        for column in DATE_COLUMNS[name]:
            values = [row[header.index(column)] for row in rows if row[header.index(column)] is not None]
            assert values, f"{name}: {column} has dates"
            assert all(type(v) is datetime.datetime for v in values), f"{name}: {column} holds real dates: {values[:3]}"
        for column in NUMBER_COLUMNS[name]:
            values = [row[header.index(column)] for row in rows]
            assert all(type(v) is int for v in values), f"{name}: {column} holds whole numbers: {values[:3]}"
    header, rows = table(book["Pledges"])
    assert len(rows) == pledges, "one row per pledge"
    assert all("Kenya" in row[header.index("Countries of implementation")] for row in rows)
    _, milestones = table(book["Milestones"])
    assert len(milestones) == summary["Milestones"]
    header, history = table(book["Change history"])
    assert history and all(type(row[header.index("When")]) is datetime.datetime for row in history)
    return summary


def check_pdf(body, pledges):
    with tempfile.TemporaryDirectory(prefix="pledgetrack-test-") as folder:
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(body)
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 2, info
    assert "Progress report" in text and "Kenya" in text
    # The bottom margin says "page / pages".
    for page in (1, pages):
        assert re.search(rf"(?<!\d){page}\s*/\s*{pages}(?!\d)", text), f"page number {page} / {pages}"
    # The headline section: "Pledges" and, below it, the number.
    section = text[text.index("Headline figures"):]
    figure = re.search(r"\bPledges\b\D*?(\d[\d,]*)", section, re.S)
    assert figure and number(figure.group(1)) == pledges, section[:400]


def check_csv(format, headers, body, pledges, summary):
    assert headers["Content-Type"].startswith("text/csv")
    assert body.startswith(b"\xef\xbb\xbf"), f"{format}: UTF-8 with a byte order mark"
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b""), f"{format}: lines end with CRLF"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    header, rows = rows[0], rows[1:]
    assert header and all(header), f"{format}: a header row"
    assert all(len(row) == len(header) for row in rows), f"{format}: every row has every column"
    if format == "pledges.csv":
        assert header[0] == "Pledge number" and len(rows) == pledges
        assert all("Kenya" in row[header.index("Countries of implementation")] for row in rows)
        assert all(re.fullmatch(DAY, row[header.index("Start date")]) for row in rows)
    if format == "milestones.csv":
        assert len(rows) == summary["Milestones"]
    if format == "history.csv":
        assert rows, "the pledges have a history"


def test_download_the_kenya_dashboard_as_a_report(browser, app_url):
    browser.delete_all_cookies()  # a public reader, like the downloads fetched without cookies
    browser.get(app_url + "/dashboards/states/KEN")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kenya"
    dashboard = headline(browser)
    pledges = number(dashboard["Pledges"])
    assert pledges > 0

    link = browser.find_element(By.CSS_SELECTOR, "p.download-view a")
    assert link.text == "Download this view as a report"
    link.click()
    assert browser.current_url == app_url + "/reports?country=KEN"
    assert Select(browser.find_element(By.ID, "country")).first_selected_option.text == "Kenya"
    assert browser.find_element(By.ID, "format-brief").is_selected(), "the brief is the default"

    urls = {format: form_url(browser, format)
            for format in ["pdf", "xlsx"] + CSV_FORMATS}
    for format, url in urls.items():
        assert url.startswith(app_url + "/reports/download?") and "country=KEN" in url and url.endswith("format=" + format)

    # The workbook.
    status, headers, body = fetch(urls["xlsx"])
    assert status == 200 and headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    disposition, name = filename(headers)
    assert disposition == "attachment" and re.fullmatch(rf"pledgetrack-ken-{DAY}\.xlsx", name), name
    summary = check_workbook(body, pledges, dashboard)

    # The PDF brief.
    status, headers, body = fetch(urls["pdf"])
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF-")
    disposition, name = filename(headers)
    assert disposition == "attachment" and re.fullmatch(rf"pledgetrack-ken-{DAY}\.pdf", name), name
    check_pdf(body, pledges)

    # Each CSV table.
    for format in CSV_FORMATS:
        status, headers, body = fetch(urls[format])
        assert status == 200
        disposition, name = filename(headers)
        table_name = format.removesuffix(".csv")
        assert disposition == "attachment" and re.fullmatch(rf"pledgetrack-ken-{table_name}-{DAY}\.csv", name), name
        check_csv(format, headers, body, pledges, summary)

    # The brief opens in the browser, from the form itself.
    brief_url = form_url(browser, "brief")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.report-form button[type=submit]"))
    assert browser.current_url == brief_url
    assert browser.title.startswith("Progress report")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Progress report — Kenya"
    assert "Country: Kenya" in browser.find_element(By.CSS_SELECTOR, "section.brief-cover").text
    assert number(headline(browser)["Pledges"]) == pledges


def test_what_changed_and_a_future_day(browser, app_url):
    browser.delete_all_cookies()
    browser.get(app_url + "/reports?country=KEN")

    # With a start, the workbook opens on what changed (after its summary).
    since = browser.find_element(By.ID, "since")
    browser.execute_script("arguments[0].value = arguments[1]", since, (datetime.date.today() - datetime.timedelta(days=365)).isoformat())
    status, headers, body = fetch(form_url(browser, "xlsx"))
    assert status == 200
    _, name = filename(headers)
    assert re.fullmatch(rf"pledgetrack-ken-{DAY}-to-{DAY}\.xlsx", name), name
    book = openpyxl.load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["Summary", "What changed"] + TABLE_SHEETS
    assert book["What changed"].freeze_panes == "A2"
    browser.execute_script("arguments[0].value = ''", since)

    # A day in the future: the form comes back with the error and what was typed.
    as_of = browser.find_element(By.ID, "as_of")
    browser.execute_script("arguments[0].value = '2099-06-30'", as_of)
    form_url(browser, "brief")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.report-form button[type=submit]"))
    assert "/reports/download?" in browser.current_url and "as_of=2099-06-30" in browser.current_url
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "in the future" in summary.text
    assert summary.find_element(By.CSS_SELECTOR, "a[href='#as_of']")
    assert browser.find_element(By.ID, "as_of").get_attribute("value") == "2099-06-30"
    assert browser.find_element(By.ID, "as_of").get_attribute("aria-invalid") == "true"
    assert Select(browser.find_element(By.ID, "country")).first_selected_option.text == "Kenya"
    assert browser.find_element(By.ID, "format-brief").is_selected()
