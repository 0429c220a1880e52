"""Whether a source's address is one a reader can open, and whether it needs resolving.

A citation promises a page a reader can open. An address with a port, a
publishing system's preview host or tracking parameters works for whoever copied
it, not as the public, canonical page; a shortened link hides where it leads and
dies with the shortener; a repost is somebody else's copy. The first kind is
refused outright (:func:`address_problem`); the second kind may stand as printed
in the article's footnotes, but only with the original page beside it
(:func:`needs_resolving`, checked against ``resolved_url``).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit, urlunsplit

SHORTENER_HOSTS = frozenset(
    {
        "bit.ly",
        "bitly.com",
        "buff.ly",
        "cutt.ly",
        "goo.gl",
        "is.gd",
        "ow.ly",
        "rb.gy",
        "shorturl.at",
        "t.co",
        "t.ly",
        "tiny.cc",
        "tinyurl.com",
    }
)
"""Link shorteners: their addresses say nothing of the page they lead to."""

REPOST_DOMAINS = frozenset(
    {
        # Reposts, aggregators and content farms met while researching the record:
        # each copies other outlets' reporting, so a fact is cited from the original.
        "ecoi.net",
        "urdupoint.com",
        "rallypoint.com",
        "headtopics.com",
        "menafn.com",
        "newsbreak.com",
        "ngowatch.net",
        "thefreeonline.com",
        "monroehelpcpc.net",
        "asiatoday.co",
        "postofasia.com",
        "reflectiigeopolitice.ro",
        "observatoireturquie.fr",
        "bnnbreaking.com",
        "covidnews.how",
        "truoosh.com",
        "analyticsinsight.net",
        "sundries.news",
        "bazaartimes.com",
        "generico.ru",
        "talaba.su",
        "cmio.org",
        "gettotext.com",
        "somalimagazine.so",
        "tajikistannewsgazette.com",
        "kazakhstannewsgazette.com",
        "dzen.ru",
        "artificialintelligence.wiki",
        "missiledefenseadvocacy.org",
        "infobalkans.com",
        "usmuslims.com",
        "wordpress.com",
        "blogspot.com",
        "vestnikkavkaza.net",
        "hrnww.com",
        "wenewsenglish.com",
        "sluchaj.org",
        "aifstan.info",
        "militermeter.com",
        "electrodealpro.com",
        "aopnews.com",
        "m5dergi.com",
        "nachrichtde.com",
        "tajikherald.com",
        "vocfm.co.za",
        "tiue.org",
    }
)
"""Domains that only repost or aggregate others' reporting (subdomains included)."""

PREVIEW_HOSTS = frozenset({"pangea-cms.com"})
"""Publishing systems' own hosts (RFE/RL's Pangea), which serve drafts and previews."""

PREVIEW_LABELS = frozenset({"preview", "staging", "stage", "draft"})
"""Host name labels, or a first path segment, that mark a preview or staging copy."""

TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "_ga", "yclid"}
)
"""Query parameters that only track who shared or clicked a link."""

TRACKING_BY_SITE = {"forbes.com": frozenset({"sh"}), "twitter.com": frozenset({"s", "t"})}
"""Sites whose own share links add a tracking parameter of a common name."""


def _on(host: str, domains: frozenset[str] | set[str]) -> str | None:
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def _tracking(host: str, query: str) -> list[str]:
    site_specific = frozenset().union(
        *(names for site, names in TRACKING_BY_SITE.items() if _on(host, {site}))
    )
    return [
        name
        for name, _ in parse_qsl(query, keep_blank_values=True)
        if name.lower().startswith("utm_")
        or name.lower() in TRACKING_PARAMETERS
        or name in site_specific
    ]


def address_problem(url: str) -> str | None:
    """Why ``url`` is not a public, canonical address (port, preview host, tracking), or None."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None  # not a URL at all: the URL type says so in its own words
    host = (parts.hostname or "").lower()
    if port is not None:
        public = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
        return f"has a port (:{port}); give the public address a reader opens: {public}"
    first_segment = parts.path.strip("/").split("/", 1)[0].lower()
    labels = set(host.split("."))
    if _on(host, PREVIEW_HOSTS) or labels & PREVIEW_LABELS or first_segment in PREVIEW_LABELS:
        return (
            f"points at a preview or staging copy ({host}), not the public page; give the "
            "address on the publisher's own site that readers can open"
        )
    tracked = _tracking(host, parts.query)
    if tracked:
        return (
            f"carries tracking parameters ({', '.join(dict.fromkeys(tracked))}); "
            "remove them, keeping the page's own address"
        )
    return None


def needs_resolving(url: str) -> str | None:
    """What hides the page behind ``url`` (a shortener or a repost site), or None."""
    host = (urlsplit(url).hostname or "").lower()
    if host in SHORTENER_HOSTS or _on(host, SHORTENER_HOSTS):
        return f"is a shortened link ({host})"
    repost = _on(host, REPOST_DOMAINS)
    if repost:
        return f"is a copy on a repost site ({repost})"
    return None
