"""Country names in each language: English from the record's own table, others from CLDR.

The record names countries by ISO 3166-1 alpha-3 code. Russian names come from
Babel's pinned CLDR territory names (alpha-3 codes mapped to CLDR's alpha-2 ones
through CLDR's own territory aliases), never from a hand-made table.
"""

from __future__ import annotations

from babel import Locale
from babel.core import get_global

from builder.i18n import Language
from builder.record.countries import country_name as english_country_name


def country_name(code: str, lang: Language) -> str:
    """A country's name in ``lang`` from its alpha-3 code; the English name when CLDR lacks it."""
    if lang == "en":
        return english_country_name(code)
    aliases = get_global("territory_aliases").get(code.upper()) or [code.upper()]
    territories = Locale.parse(lang).territories
    for alias in aliases:
        if alias in territories:
            return str(territories[alias])
    return english_country_name(code)
