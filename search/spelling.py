"""“Bedoelde je …?”: a misspelt search offered again with the words the site uses.

The vocabulary (`SearchWord`) holds the words of the public pages' titles and intros and of the
terms' names, with how many use each; `search_words_refresh` makes it anew from the search
documents (`manage.py refresh_search_words`, daily in `settings.SCHEDULE`, and after
`rebuild_search_index`). Words of pages behind a view restriction never enter it.

`suggestion` keeps every word the search knows: one in the vocabulary, or one that finds a public
page on its own (a body word, an inflected form, a stop word). Each other word is replaced by the
most similar vocabulary word, most used first. On PostgreSQL that is one query for all words, with
pg_trgm's trigram similarity on an index; on SQLite (`make run`) `difflib` over the most used
words.
"""

import difflib
import re
from collections import Counter

from django.db import connection, transaction
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, Concat

from search.models import SearchDocument, SearchWord
from search.textsearch import CONFIG

MAX_WORDS = 12
MAX_WORD_LENGTH = 40
#: Shorter words have too few trigrams to tell a typo from another word: they are kept.
MIN_WORD_LENGTH = 4
#: pg_trgm similarity a replacement needs ("veiligheit" ~ "veiligheid" is 0.69, "wonn" ~ "wonen"
#: 0.38, "huis" ~ "muis" 0.25).
MIN_SIMILARITY = 0.35
#: difflib's ratio a replacement needs on SQLite.
MIN_RATIO = 0.8
#: The most used words difflib looks through on SQLite.
SQLITE_VOCABULARY = 5_000
#: The search page offers a suggestion when a search finds fewer results than this.
FEW_RESULTS = 3

#: A word of a query, as `search.query.query_clean` splits it.
WORD = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]+")


def query_words(query: str) -> list[str]:
    """The first `MAX_WORDS` words of `query`."""
    return WORD.findall(query[: MAX_WORDS * (MAX_WORD_LENGTH + 1) * 4])[:MAX_WORDS]


def _correctable(word: str) -> bool:
    return MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and _LETTERS.fullmatch(word) is not None


def public_documents():
    """Search documents of live pages that anybody may read."""
    from pagecache.memo import private_q

    documents = SearchDocument.objects.filter(page__live=True)
    private = private_q("page__")
    return documents.exclude(private) if private else documents


def suggestion(query: str) -> str | None:
    """`query` with each unknown word replaced by the most similar known one; None when
    nothing changes (every word known, or nothing similar enough)."""
    words = query_words(query)
    candidates = sorted({word.lower() for word in words if _correctable(word)})
    if not candidates:
        return None
    if connection.vendor == "postgresql":
        fixes = _fixes_postgresql(candidates)
    else:
        fixes = _fixes_difflib(candidates)
    fixes = {word: fix for word, fix in fixes.items() if fix != word}
    if not fixes:
        return None
    return " ".join(fixes.get(word.lower(), word) for word in words)


def _fixes_postgresql(words: list[str]) -> dict[str, str]:
    """{unknown word: replacement} for these lower-case words, in one query."""
    documents_sql, documents_params = public_documents().values("document").query.sql_with_params()
    # CONFIG is a constant and the documents' SQL Django's; every value is a parameter.
    sql = f"""
        SELECT q.word, fix.word
        FROM unnest(%s::text[]) AS q(word)
        CROSS JOIN LATERAL (SELECT plainto_tsquery('{CONFIG}', q.word) AS tsquery) t
        LEFT JOIN LATERAL (
            SELECT v.word FROM search_searchword v
            WHERE v.word %% q.word AND similarity(v.word, q.word) >= %s
            ORDER BY similarity(v.word, q.word) DESC, v.pages DESC, v.word
            LIMIT 1
        ) fix ON true
        WHERE NOT EXISTS (SELECT 1 FROM search_searchword v WHERE v.word = q.word)
            AND numnode(t.tsquery) > 0
            AND NOT EXISTS (
                SELECT 1 FROM ({documents_sql}) d WHERE d.document @@ t.tsquery
            )
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, MIN_SIMILARITY, *documents_params])
        return {word: fix for word, fix in cursor.fetchall() if fix}


def _fixes_difflib(words: list[str]) -> dict[str, str]:
    """{unknown word: replacement} on SQLite, where the documents hold Snowball stems."""
    from search.index import stems

    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    unknown = []
    for word in sorted(set(words) - known):
        stem = (stems(word) or [word])[0]
        if not public_documents().filter(stems__contains=f" {stem} ").exists():
            unknown.append(word)
    if not unknown:
        return {}
    vocabulary = list(
        SearchWord.objects.order_by("-pages", "word").values_list("word", flat=True)[
            :SQLITE_VOCABULARY
        ]
    )
    fixes = {}
    for word in unknown:
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=MIN_RATIO)
        if close:
            fixes[word] = close[0]
    return fixes


def _texts():
    """One text per public page (title, intro, description) and per term or place (its name)."""
    from articles.filters import type_models
    from articles.models import LINK_KINDS

    intros = [
        F(f"page__{model._meta.model_name}__intro")
        for model in type_models().values()
        if any(field.name == "intro" for field in model._meta.get_fields())
    ]
    pages = public_documents().annotate(
        text=Concat(
            "title",
            Value(" "),
            Coalesce(*intros, Value(""), output_field=TextField()),
            Value(" "),
            "page__search_description",
            output_field=TextField(),
        )
    )
    terms = dict.fromkeys(LINK_KINDS.values())
    return [pages.values("text")] + [
        model.objects.annotate(text=F("name")).values("text").order_by() for model in terms
    ]


def search_words_refresh() -> int:
    """Make the vocabulary anew from the search documents; the number of words it holds.

    Safe to run at any time and twice at once: readers keep seeing the old words until it commits.
    """
    if connection.vendor == "postgresql":
        return _refresh_postgresql()
    return _refresh_python()


def _refresh_postgresql() -> int:
    """One statement: PostgreSQL's `simple` parser splits the texts (markup, addresses and
    numbers are not words), and only the words whose count changed are written."""
    parts, params = [], []
    for queryset in _texts():
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"({sql})")
        params += part_params
    texts = " UNION ALL ".join(parts)
    # Every value is a parameter; the texts' SQL is Django's.
    sql = f"""
        WITH texts(text) AS ({texts}),
        fresh AS (
            SELECT word, count(*) AS pages
            FROM texts, unnest(tsvector_to_array(to_tsvector('simple', texts.text))) AS word
            WHERE char_length(word) BETWEEN 2 AND %s AND word ~ '^[[:alpha:]]+$'
            GROUP BY word
        ),
        removed AS (
            DELETE FROM search_searchword s
            WHERE NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.word = s.word)
        )
        INSERT INTO search_searchword (word, pages)
        SELECT word, pages FROM fresh
        ON CONFLICT (word) DO UPDATE SET pages = EXCLUDED.pages
        WHERE search_searchword.pages <> EXCLUDED.pages
    """  # noqa: S608
    with transaction.atomic(), connection.cursor() as cursor:
        # Two refreshes at once would each delete what the other inserts: one at a time.
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [0x5E4C, 1])
        cursor.execute(sql, [*params, MAX_WORD_LENGTH])
        # The planner's idea of the words, for the trigram lookups that follow.
        cursor.execute("ANALYZE search_searchword")
    return SearchWord.objects.count()


def _refresh_python() -> int:
    counts: Counter = Counter()
    for queryset in _texts():
        for text in queryset.values_list("text", flat=True).iterator(chunk_size=2_000):
            words = {
                word
                for word in _LETTERS.findall((text or "").lower())
                if 2 <= len(word) <= MAX_WORD_LENGTH
            }
            counts.update(words)
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(
            (SearchWord(word=word, pages=pages) for word, pages in counts.items()),
            batch_size=2_000,
        )
    return len(counts)


def suggestion_link(request, *, query: str, found: int) -> dict | None:
    """“Bedoelde je …?” for a search of `query` that found `found` results: the corrected query
    and a link to it with the same filters and order (back on the first page); None when the
    search found enough or nothing is better spelt."""
    if found >= FEW_RESULTS:
        return None
    corrected = suggestion(query)
    if corrected is None:
        return None
    params = request.GET.copy()
    params["q"] = corrected
    params.pop("page", None)
    return {"query": corrected, "url": "?" + params.urlencode()}
