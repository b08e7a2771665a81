"""Steps both browser journeys share: log in and out, open the menu at phone width, check the page fits."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import PASSWORD


def log_in(page, live_server, login_name):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", login_name)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(live_server.url + reverse("home"))


def open_menu(page):
    """At 360 px the menu hides behind the toggler; wait until Bootstrap has finished opening it.

    While it opens (class `collapsing`, 0.35 s) its height grows from 0 and Playwright's scroll into view can
    land a click beside the link: only once the class is `collapse show` do the items stay put.
    """
    menu = page.locator("#nav")
    expect(menu).to_be_hidden()
    toggler = page.locator("button.navbar-toggler")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    page.locator("#nav.collapse.show").wait_for()  # polled each frame, not at expect()'s growing intervals
    return menu


def log_out(page, live_server):
    open_menu(page).locator(f'form[action="{reverse("logout")}"] button[type=submit]').click()
    expect(page).to_have_url(live_server.url + reverse("login"))


# The elements that reach past the right edge, deepest first, to name the culprit when the page scrolls sideways.
OVERFLOWING = """() => [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .reverse().slice(0, 5)
    .map(e => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")}`
        + ` right=${Math.round(e.getBoundingClientRect().right)}: ${e.textContent.trim().slice(0, 60)}`)"""


def assert_fits_phone_width(page):
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, f"{page.url} scrolls sideways at 360 px: {page.evaluate(OVERFLOWING)}"


def submit(page, locator):
    with page.expect_navigation():
        locator.click()
