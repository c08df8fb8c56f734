"""The PostgreSQL text search configuration `wijkportaal_nl`: Dutch words looked up in the Dutch
Hunspell dictionary (OpenTaal, Debian's `hunspell-nl`) first, which knows lemmas ("gemeenten" ->
"gemeente") and splits compounds ("woningcorporatie" -> woningcorporatie, woning, corporatie);
words it does not know go to the Snowball stemmer, as PostgreSQL's own `dutch` does.

PostgreSQL cannot read OpenTaal's files as Debian ships them (its number compound rules and a few
entries with "/" in the word), so `deploy/postgres/dutch-dictionary.sh` writes a copy without them
into PostgreSQL's `tsearch_data` as `wijkportaal_nl.dict` and `.affix`; `make test`, `.ci/run` and
the compose database image run it. Without those files the configuration is PostgreSQL's `dutch`
alone: stemming, no compounds (`text_search_configure` says which).
"""

from django.db import DatabaseError, transaction

CONFIG = "wijkportaal_nl"
DICTIONARY = "wijkportaal_nl_hunspell"
DICTIONARY_FILE = "wijkportaal_nl"
TOKEN_TYPES = "asciiword, word, hword, hword_part, hword_asciipart, asciihword"  # noqa: S105


def text_search_configure(connection) -> bool:
    """Create the configuration, or bring it up to date with the dictionary files now present.
    True when it splits compounds (the Hunspell dictionary is in use)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.dutch)")
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [DICTIONARY])
        compounds = cursor.fetchone() is not None
        if not compounds:
            try:
                with transaction.atomic(using=connection.alias):
                    cursor.execute(
                        f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} (TEMPLATE = ispell, "
                        f"DictFile = {DICTIONARY_FILE}, AffFile = {DICTIONARY_FILE}, "
                        "StopWords = dutch)"
                    )
                compounds = True
            except DatabaseError:  # the files are not there (or not readable): stemming only
                compounds = False
        dictionaries = f"{DICTIONARY}, dutch_stem" if compounds else "dutch_stem"
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {TOKEN_TYPES} "
            f"WITH {dictionaries}"
        )
    return compounds


def splits_compounds(connection) -> bool:
    """Whether the configuration uses the Hunspell dictionary (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_ts_config_map m JOIN pg_ts_config c ON c.oid = m.mapcfg "
            "JOIN pg_ts_dict d ON d.oid = m.mapdict WHERE c.cfgname = %s AND d.dictname = %s",
            [CONFIG, DICTIONARY],
        )
        return cursor.fetchone() is not None


_splits_compounds: dict[str, bool] = {}


def splits_compounds_cached(connection) -> bool:
    """`splits_compounds`, asked once per process and database."""
    if connection.alias not in _splits_compounds:
        _splits_compounds[connection.alias] = splits_compounds(connection)
    return _splits_compounds[connection.alias]
