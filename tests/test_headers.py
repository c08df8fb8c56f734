"""Security headers on every page: CSP without inline code, Permissions-Policy, referrer, frames."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    "path", ["/", "/artikelen/", "/themas/wonen/", "/zoeken/?q=wijk", "/bestaat-niet/"]
)
def test_public_pages_forbid_inline_and_foreign_code(client, article, event, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_cached_page_keeps_its_headers(client, article):
    client.get("/artikelen/")
    response = client.get("/artikelen/")
    assert response["X-Cache"] == "hit"
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_alone_allows_inline_code(client, editor):
    client.force_login(editor)
    policy = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
