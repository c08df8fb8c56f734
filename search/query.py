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


#: Parts of a compound are at least this long ("wijk", "zorg"); shorter ones split too much.
COMPOUND_PART_MIN = 4


def _words_known(words: set[str]) -> dict[str, bool]:
    """Which of `words` the Dutch dictionary knows, in one query (always one, for a long word:
    a search costs the same the first time and the hundredth)."""
    from django.db import connection

    from search.textsearch import DICTIONARY

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT part, ts_lexize(%s::regdictionary, part) IS NOT NULL "
            "FROM unnest(%s::text[]) AS part",
            [DICTIONARY, sorted(words)],
        )
        return dict(cursor.fetchall())


def _splits(word: str):
    """Each way to cut `word` in two, with the Dutch linking "s" left out of the head."""
    for cut in range(COMPOUND_PART_MIN, len(word) - COMPOUND_PART_MIN + 1):
        head, tail = word[:cut], word[cut:]
        yield head, tail
        if head.endswith("s") and len(head) > COMPOUND_PART_MIN:
            yield head[:-1], tail


def compound_variants(query: str) -> list[str]:
    """The query with each compound word the dictionary does not split itself written as two
    words: "bewonersparticipatie" -> "bewoner participatie", "krachtwijk" -> "kracht wijk".
    The longest known head wins. Needs the Dutch dictionary (`search.textsearch`); PostgreSQL."""
    from django.db import connection

    from search.textsearch import splits_compounds_cached

    if not splits_compounds_cached(connection):
        return []
    words = query.lower().split()
    long_words = [w for w in words if len(w) >= 2 * COMPOUND_PART_MIN and w.isalpha()]
    if not long_words:
        return []
    parts = {part for word in long_words for split in _splits(word) for part in split}
    known = _words_known(parts)
    replaced = []
    for word in words:
        best = None
        if word in long_words:
            for head, tail in _splits(word):
                if known.get(head) and known.get(tail):
                    best = f"{head} {tail}"  # later cuts have longer heads
        replaced.append(best or word)
    variant = " ".join(replaced)
    return [variant] if variant != " ".join(words) else []
