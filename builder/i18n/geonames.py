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

REGION_SPELLINGS: dict[Language, dict[str, str]] = {"ru": {"KGZ": "Кыргызстан"}}
"""Where Russian has two names for a country and CLDR gives the other one, the name the
country itself uses in Russian (issue #21: "the region's spellings where Russian has two").
CLDR's Russian for KG is «Киргизия»; Kyrgyzstan's own Russian-language usage is «Кыргызстан»."""


def country_name(code: str, lang: Language) -> str:
    """A country's name in ``lang`` from its alpha-3 code; the English name when CLDR lacks it."""
    if lang == "en":
        return english_country_name(code)
    if code.upper() in REGION_SPELLINGS.get(lang, {}):
        return REGION_SPELLINGS[lang][code.upper()]
    aliases = get_global("territory_aliases").get(code.upper()) or [code.upper()]
    territories = Locale.parse(lang).territories
    for alias in aliases:
        if alias in territories:
            return str(territories[alias])
    return english_country_name(code)
