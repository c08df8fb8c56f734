#!/bin/sh
# Install the Dutch Hunspell dictionary (Debian's hunspell-nl, OpenTaal) where PostgreSQL's
# full text search reads it: $tsearch_data/wijkportaal_nl.dict and .affix (search/textsearch.py).
# PostgreSQL's ispell reader refuses OpenTaal's number rules (COMPOUNDRULE), its compound patterns
# and the few words with "/" in them ("km/h"), so those are left out of the copy; and OpenTaal writes
# the "ij" as one letter (U+0133 "ĳ"), which readers never type, so the copy spells it "ij". Run as root on the
# database server; safe to run again. Usage: dutch-dictionary.sh [tsearch_data directory ...]
set -eu
if [ ! -r /usr/share/hunspell/nl.dic ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian's hunspell-nl for Dutch compound words in search"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-nl >/dev/null
    else
        echo "hunspell-nl is not installed (apt-get install hunspell-nl): search will not split compounds" >&2
        exit 0
    fi
fi
dirs="$*"
[ -n "$dirs" ] || dirs=$(ls -d /usr/share/postgresql/*/tsearch_data 2>/dev/null || true)
for dir in $dirs; do
    if [ -s "$dir/wijkportaal_nl.dict" ] && [ "$dir/wijkportaal_nl.dict" -nt /usr/share/hunspell/nl.dic ]; then
        continue
    fi
    if [ ! -w "$dir" ]; then
        echo "Cannot write $dir (run as root): search will not split compounds" >&2
        continue
    fi
    grep -v -e '^COMPOUNDRULE' -e '^CHECKCOMPOUNDPATTERN' /usr/share/hunspell/nl.aff |
        sed -e 's/ĳ/ij/g' -e 's/Ĳ/IJ/g' > "$dir/wijkportaal_nl.affix"
    grep -v -F '\/' /usr/share/hunspell/nl.dic | sed -e 's/ĳ/ij/g' -e 's/Ĳ/IJ/g' > "$dir/wijkportaal_nl.dict"
    echo "Dutch dictionary for search written to $dir"
done
