"""Official or press: what kind of source a document is, from its site name and address.

The rule (documented, deliberately simple):

1. The address's host decides first. A host is **official** where it is, or ends in, one of
   :data:`OFFICIAL_DOMAINS` (the UN system, intergovernmental bodies, the governments of the
   mission's main actors), or where one of its labels is a government second-level domain
   (:data:`GOVERNMENT_LABELS`: ``gov``, ``go``, ``gob``, ``gouv``, ``govt``, ``gv``, ``mil`` —
   ``*.gov``, ``*.gov.uk``, ``*.go.ke``, ``*.gouv.ht``...), or its top-level domain is ``int``
   (reserved for treaty organisations: ``nato.int``, ``au.int``).
2. Without an address, the site (outlet) name decides: official when it names a government or
   UN body (:data:`OFFICIAL_NAME_PATTERNS`, e.g. "United Nations", "UN News", "Ministry of ...",
   "Office of the President", "U.S. Department of State", "The White House").
3. Everything else is **press**.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

SourceKind = Literal["official", "press"]

#: Hosts of official bodies without a government second-level domain.
OFFICIAL_DOMAINS = (
    "un.org",
    "unmissions.org",
    "undp.org",
    "unicef.org",
    "unhcr.org",
    "unodc.org",
    "ohchr.org",
    "unocha.org",
    "reliefweb.int",
    "wfp.org",
    "iom.int",
    "oas.org",
    "caricom.org",
    "africa-union.org",
    "state.gov",
    "whitehouse.gov",
    "president.go.ke",
    "mod.go.ke",
    "kenyapolice.go.ke",
    "primature.gouv.ht",
    "canada.ca",
    "gc.ca",
    "europa.eu",
)

#: Labels that mark a government domain where they are the second (or any lower) label.
GOVERNMENT_LABELS = frozenset({"gov", "go", "gob", "gouv", "govt", "gv", "mil", "gub"})

OFFICIAL_NAME_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bunited nations\b",
        r"^un\b",
        r"\bsecurity council\b",
        r"\bministry\b",
        r"\bminist[eè]re\b",
        r"\bdepartment of state\b",
        r"\bstate department\b",
        r"\bwhite house\b",
        r"\boffice of the president\b",
        r"\bstate house\b",
        r"\bgovernment of\b",
        r"\bgouvernement\b",
        r"\bprimature\b",
        r"\bnational police service\b",
        r"\bembassy\b",
        r"\borganization of american states\b",
        r"\bcaricom\b",
        r"\bafrican union\b",
    )
)


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` (``www.`` dropped), or ``None``."""
    if not url:
        return None
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _official_host(host: str) -> bool:
    if any(host == d or host.endswith("." + d) for d in OFFICIAL_DOMAINS):
        return True
    labels = host.split(".")
    if labels[-1] in ("gov", "mil", "int"):
        return True
    # gov.uk, go.ke, gouv.ht: a government label right under a country-code TLD
    return len(labels) >= 2 and len(labels[-1]) == 2 and labels[-2] in GOVERNMENT_LABELS


@lru_cache(maxsize=65536)
def source_kind(site: str | None, url: str | None) -> SourceKind:
    """``"official"`` for UN and government sources, else ``"press"`` (see the module rule).

    Cached: every fact of a document asks the same question when the store loads facts."""
    host = host_of(url)
    if host is not None:
        return "official" if _official_host(host) else "press"
    if site and any(p.search(site.strip()) for p in OFFICIAL_NAME_PATTERNS):
        return "official"
    return "press"
