"""The ``html`` output in a real headless browser (Debian's chromium and chromedriver, driven by
selenium; `.ci/run` installs them): highlighted cells are visible and explain themselves on hover
and focus, the dashboard filters and sorts, nothing is fetched, and a report's script never runs.

Each page is opened from a file:// URL, as a person opens a saved report. Every page load also
records Content-Security-Policy violations (a listener installed before the page's own script)
and the browser's network requests, so each test also checks that the page asked for nothing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import html_cases as cases
import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# This machine has no network but the package registries: keep Chromium from trying.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000")
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The batch and one report's page, written to files."""
    folder = tmp_path_factory.mktemp("html")
    results = cases.lint(folder / "reports")
    out = {"batch": folder / "batch.html", "one": folder / "one.html"}
    out["batch"].write_text(cases.render(results), encoding="utf-8")
    out["one"].write_text(cases.render([r for r in results if r.path.endswith("zibo-finance-2023.txt")]),
                          encoding="utf-8")
    return out


def _requests(driver: WebDriver) -> list[str]:
    """URLs the page asked for since the last call (chrome:// pages of the browser itself aside)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return [u for u in urls if not u.startswith("chrome://")]


def _open(driver: WebDriver, path: Path, fragment: str = "") -> None:
    _requests(driver)  # forget what came before
    url = path.as_uri() + fragment
    driver.get(url)
    assert driver.execute_script("return document.documentElement.classList.contains('js')"), "the script did not run"
    assert driver.execute_script("return window.__cspViolations") == []
    assert all(u.split("#")[0] == path.as_uri() for u in _requests(driver))


def _tip(driver: WebDriver) -> WebElement:
    return driver.find_element(By.ID, "tip")


def _visible_rows(driver: WebDriver) -> list[WebElement]:
    return [r for r in driver.find_elements(By.CSS_SELECTOR, "#reports tbody tr") if r.is_displayed()]


def test_browser_is_debian_chromium() -> None:
    assert shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)


def test_highlighted_cell_visible_with_its_finding_on_hover_and_focus(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["one"])
    cell = browser.find_element(By.ID, "r1-requests-granted-total")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    assert cell.is_displayed()
    background = cell.value_of_css_property("background-color")
    plain = browser.find_element(By.ID, "r1-requests-new-commercial").value_of_css_property("background-color")
    assert background != plain  # highlighted
    assert not _tip(browser).is_displayed()
    ActionChains(browser).move_to_element(cell).perform()
    tip = _tip(browser)
    assert tip.is_displayed()
    assert "DL302" in tip.text and "预期：2" in tip.text and "实际：3" in tip.text
    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, "#r1 h1")).perform()
    assert not _tip(browser).is_displayed()
    # keyboard: the cell takes focus and shows the same text; Escape hides it
    browser.execute_script("arguments[0].focus()", cell)
    assert _tip(browser).is_displayed() and "DL302" in _tip(browser).text
    cell.send_keys(Keys.ESCAPE)
    assert not _tip(browser).is_displayed()
    # every finding of the page has a visible highlighted place
    flagged = browser.find_elements(By.CSS_SELECTOR, ".flag.sev-error")
    assert {e.get_attribute("id") for e in flagged} == {"r1-requests-granted-total", "r1-requests-handled_total-total"}
    assert all(e.is_displayed() for e in flagged)


def test_badge_and_finding_link_to_each_other(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["one"])
    badge = browser.find_element(By.CSS_SELECTOR, "#r1-requests-granted-total a.badge")
    browser.execute_script("arguments[0].click()", badge)
    assert browser.execute_script("return location.hash") == "#r1-f1"
    finding = browser.find_element(By.ID, "r1-f1")
    assert finding.is_displayed() and "DL302" in finding.text
    finding.find_element(By.CSS_SELECTOR, "a.goto").click()
    assert browser.execute_script("return location.hash") == "#r1-requests-granted-total"


def test_filter_narrows_the_dashboard(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["batch"])
    dashboard = browser.find_element(By.ID, "dashboard")
    assert dashboard.is_displayed() and not browser.find_element(By.ID, "r1").is_displayed()
    assert len(_visible_rows(browser)) == 4
    search = browser.find_element(By.ID, "f-q")
    search.send_keys("淄博")
    assert [r.get_attribute("data-agency") for r in _visible_rows(browser)] == ["淄博市行政审批服务局", "淄博市财政局"]
    assert browser.find_element(By.ID, "f-shown").text == "显示 2 / 4 份报告"
    search.send_keys("市财政")
    assert [r.get_attribute("data-agency") for r in _visible_rows(browser)] == ["淄博市财政局"]
    search.send_keys(Keys.CONTROL, "a", Keys.DELETE)
    assert len(_visible_rows(browser)) == 4
    search.send_keys("教育 局")  # spaces do not matter
    assert [r.get_attribute("data-agency")[:6] for r in _visible_rows(browser)] == ["济南市教育局"]
    search.send_keys(Keys.CONTROL, "a", Keys.DELETE)
    Select(browser.find_element(By.ID, "f-year")).select_by_value("2022")
    assert [r.get_attribute("data-agency") for r in _visible_rows(browser)] == ["青岛市民政局"]
    Select(browser.find_element(By.ID, "f-year")).select_by_value("")
    browser.find_element(By.ID, "f-problems").click()
    assert len(_visible_rows(browser)) == 3
    # a bar of the chart filters by its rule
    browser.find_element(By.CSS_SELECTOR, '.chart-svg g[data-rule="DL503"]').click()
    assert [r.get_attribute("data-agency") for r in _visible_rows(browser)] == ["淄博市行政审批服务局"]


def test_sorting_the_dashboard(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["batch"])

    def errors() -> list[int]:
        return [int(r.find_element(By.CSS_SELECTOR, "td.c-errors").text) for r in _visible_rows(browser)]

    assert errors() == [1, 0, 1, 2]  # by path
    button = browser.find_element(By.CSS_SELECTOR, 'th button[data-sort="errors"]')
    button.click()
    assert errors() == [0, 1, 1, 2]
    assert button.find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"
    button.click()
    assert errors() == [2, 1, 1, 0]
    browser.find_element(By.CSS_SELECTOR, 'th button[data-sort="year"]').click()
    assert _visible_rows(browser)[0].get_attribute("data-agency") == "青岛市民政局"


def test_a_report_page_of_the_batch(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["batch"])
    link = browser.find_element(By.LINK_TEXT, "淄博市行政审批服务局")
    link.click()
    page = browser.find_element(By.ID, "r3")
    assert page.is_displayed() and not browser.find_element(By.ID, "dashboard").is_displayed()
    mark = page.find_element(By.CSS_SELECTOR, ".rtext mark.flag")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    assert mark.is_displayed() and mark.text == "25502"
    ActionChains(browser).move_to_element(mark).perform()
    assert "DL503" in _tip(browser).text
    page.find_element(By.CSS_SELECTOR, "a.back").click()
    assert browser.find_element(By.ID, "dashboard").is_displayed() and not page.is_displayed()
    # a link straight into a report's cell opens that report's page
    _open(browser, pages["batch"], "#r4-requests-granted-total")
    assert browser.find_element(By.ID, "r4-requests-granted-total").is_displayed()


def test_nothing_is_fetched(browser: WebDriver, pages: dict[str, Path]) -> None:
    for path in pages.values():
        _requests(browser)
        browser.get(path.as_uri())
        assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
        assert _requests(browser) == [path.as_uri()]
        assert browser.execute_script("return window.__cspViolations") == []


def test_violations_are_seen(browser: WebDriver, tmp_path: Path) -> None:
    """The checks above can fail: a page that loads an image and runs a script not allowed by
    the policy is caught by both the request log and the violation listener."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                    "<script>window.__ran = 1</script><img src=\"http://example.invalid/x.png\">", encoding="utf-8")
    _requests(browser)
    browser.get(page.as_uri())
    assert "http://example.invalid/x.png" in _requests(browser)
    violations = browser.execute_script("return window.__cspViolations")
    assert any(v.startswith("script-src") for v in violations) and any(v.startswith("img-src") for v in violations)
    assert browser.execute_script("return window.__ran") is None


def test_script_in_a_report_never_runs(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["batch"], "#r1")
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    page = browser.find_element(By.ID, "r1")
    assert cases.SCRIPT in page.find_element(By.TAG_NAME, "h1").text
    assert cases.IMAGE in page.find_element(By.CLASS_NAME, "rtext").text
    assert browser.find_elements(By.CSS_SELECTOR, "#r1 img, #r1 script") == []
    # the finding that quotes the cell, in the list and in the cell's tooltip, is text too
    cell = browser.find_element(By.ID, "r1-active-licensing-decisions")
    assert cell.text.startswith(cases.IMAGE)
    browser.execute_script("arguments[0].focus()", cell)
    assert cases.IMAGE in _tip(browser).text
    assert browser.execute_script("return typeof window.__pwned") == "undefined"


def test_print_layout(browser: WebDriver, pages: dict[str, Path]) -> None:
    _open(browser, pages["one"])
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "#r1 .pnav").is_displayed()
        assert browser.find_element(By.ID, "r1-requests-granted-total").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "#r1-requests-granted-total a.badge").is_displayed()
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
        assert len(pdf["data"]) > 1000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_screenshots(browser: WebDriver, pages: dict[str, Path], tmp_path: Path) -> None:
    """Pictures of a report page and the dashboard, to look at (kept in the test's tmp folder)."""
    _open(browser, pages["one"])
    cell = browser.find_element(By.ID, "r1-requests-granted-total")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    ActionChains(browser).move_to_element(cell).perform()
    assert browser.save_screenshot(str(tmp_path / "report.png"))
    _open(browser, pages["batch"])
    assert browser.save_screenshot(str(tmp_path / "dashboard.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
