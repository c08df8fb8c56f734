"""What visitors type: cleaned into plain words, widened with synonyms and singular forms, and
marked in the excerpts of the results."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.search.query import Or, PlainText

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
EXCERPT_WORDS = 40

#: Phrases that mean the same to our readers; a query with one of them also finds the others.
SYNONYMS = (("wijkaanpak", "wijkgerichte aanpak", "gebiedsgerichte aanpak"),)


def query_clean(raw: str) -> str:
    """Plain lower-case words: operators and punctuation mean nothing to visitors."""
    words = re.sub(r"[\W_]+", " ", raw[: MAX_QUERY_LENGTH * 4]).split()[:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def _singular(query: str) -> str:
    """Drop the plural -s after a vowel ("woningcorporaties"), which the Dutch stemmer keeps."""
    return re.sub(r"\b(\w{3,}[aeiouy])s\b", r"\1", query)


def query_variants(query: str) -> list[str]:
    """The query and its alternative forms: singular words, and each synonym of a phrase in it."""
    variants = []
    for base in dict.fromkeys([query.lower(), _singular(query.lower())]):
        variants.append(base)
        for group in SYNONYMS:
            for phrase in group:
                pattern = re.compile(rf"\b{re.escape(phrase)}\b")
                if pattern.search(base):
                    variants += [pattern.sub(other, base) for other in group if other != phrase]
                    break
    return list(dict.fromkeys(variants))


def search_expression(query: str):
    """A Wagtail search query: all words of the query, or of one of its synonym variants."""
    variants = [PlainText(variant, operator="and") for variant in query_variants(query)]
    return variants[0] if len(variants) == 1 else Or(variants)


def highlight_pattern(query: str):
    """A pattern for the words to mark: each query word (and synonym) by its first letters.

    Dropping the last two letters of longer words is a rough stand-in for the stemming the search
    does, so "buurten" also marks "buurt" and "woningcorporaties" marks "woningcorporatie".
    """
    roots = set()
    for variant in query_variants(query):
        for word in variant.split():
            if len(word) >= 3:
                roots.add(word if len(word) <= 5 else word[:-2])
    if not roots:
        return None
    alternatives = "|".join(sorted((re.escape(root) for root in roots), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def excerpt(text: str, pattern, *, words: int = EXCERPT_WORDS) -> SafeString:
    """Up to `words` words of `text` around the first match, escaped, matches in `<mark>`."""
    tokens = (text or "").split()
    start = 0
    if pattern is not None:
        first = next((i for i, token in enumerate(tokens) if pattern.search(token)), 0)
        start = max(0, min(first - words // 4, len(tokens) - words))
    snippet = " ".join(tokens[start : start + words])
    if start:
        snippet = "… " + snippet
    if start + words < len(tokens):
        snippet += " …"
    if pattern is None:
        return escape(snippet)
    parts, last = [], 0
    for match in pattern.finditer(snippet):
        parts.append(escape(snippet[last : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    parts.append(escape(snippet[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
