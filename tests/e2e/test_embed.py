"""Video embeds in Chromium: nothing loads from the video service until the reader presses play,
then its privacy-friendly player appears and takes focus; without JavaScript a plain link."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.content import VIDEO
from tests.e2e.support import PAGES, format_violations

pytestmark = pytest.mark.e2e

VIDEO_PAGE = PAGES["uitlegpagina"]  # tests.e2e.content puts every body block there
EMBED_URL = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
PLAYER = "<!doctype html><html lang='nl'><title>Speler</title><p>Een nagebootste speler.</p>"


def test_video_loads_nothing_from_the_service_until_played(page, base_url, axe):
    own_host = urlsplit(base_url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    def elsewhere(route):
        """No real network: the player is a stand-in, anything else from elsewhere fails."""
        if route.request.url == EMBED_URL:
            route.fulfill(status=200, content_type="text/html", body=PLAYER)
        else:
            route.abort()

    page.route(lambda url: urlsplit(url).netloc != own_host, elsewhere)

    page.goto(VIDEO_PAGE)
    page.wait_for_load_state("networkidle")
    play = page.get_by_role("button", name=f"Video afspelen: {VIDEO['title']}")
    expect(play).to_be_visible()  # embed.js has run
    expect(
        page.get_by_text(
            "Als je op afspelen drukt, laadt YouTube de video en kan YouTube cookies plaatsen."
        )
    ).to_be_visible()
    expect(page.locator(".video-embed summary", has_text="Uitgeschreven tekst")).to_be_visible()
    foreign = [url for url in requested if urlsplit(url).netloc != own_host]
    assert foreign == [], f"requests to other hosts before play: {foreign}"
    assert page.locator("iframe").count() == 0

    violations = axe(page)
    assert not violations, (
        f"axe found {len(violations)} WCAG 2.1 AA violation(s) on {VIDEO_PAGE}:\n"
        + format_violations(violations)
    )

    play.focus()
    page.keyboard.press("Enter")
    player = page.locator("iframe.video-embed__iframe")
    expect(player).to_have_attribute("src", EMBED_URL)
    expect(player).to_have_attribute("title", re.compile(re.escape(VIDEO["title"])))
    expect(play).to_have_count(0)
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('iframe.video-embed__iframe')"
    )
    expect(player.content_frame.get_by_text("Een nagebootste speler.")).to_be_visible()
    foreign = [url for url in requested if urlsplit(url).netloc != own_host]
    assert foreign == [EMBED_URL], foreign


def test_without_javascript_the_video_is_a_link_and_its_text(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(VIDEO_PAGE)
        video = page.locator("figure.video-embed")
        expect(video.get_by_role("button")).to_have_count(0)  # hidden: it would do nothing
        link = video.get_by_role("link", name="Bekijk de video op YouTube")
        expect(link).to_have_attribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        video.locator("summary", has_text="Uitgeschreven tekst").click()
        expect(video.get_by_text("Een bewoner vertelt")).to_be_visible()
        assert all(url.startswith(base_url) for url in requested), requested
    finally:
        context.close()
