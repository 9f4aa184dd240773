"""From a raw wire text to metadata and the article's own paragraphs.

Scraped wire stories carry site furniture around the article: menus, photo captions with
credits, share buttons, comment widgets, teasers of related stories. Each line is judged
on its own shape (punctuation, length, script, credit marks) rather than on any one site.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from .dates import find_full_date, find_month_day
from .lexicon import ENGLISH_STOPWORDS, FURNITURE_LINES, MULTIWORD_PLACES, PLACES
from .records import UNKNOWN_DATE, PartialDate
from .text import word_count, words

HEADER_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")
HEADER_DATE_IN_LINE = re.compile(r"(?m)^[ \t]*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")
HEADER_SEARCH_CHARS = 2000

# Wire services and news sites, with the marks that identify them in a text.
OUTLETS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("UrduPoint", r"\burdupoint\b"),
        ("AzerNews", r"\bazernews"),
        ("RIA Novosti", r"\bria\s+novosti\b"),
        ("Sputnik", r"\bsputnik\b"),
        ("TASS", r"(?<![a-z])tass(?![a-z])"),
        ("Interfax", r"\binterfax\b"),
        ("Xinhua", r"\bxinhua\b"),
        ("Global Times", r"\bglobal\s+times\b"),
        ("China Daily", r"\bchina\s+daily\b"),
        ("CGTN", r"\bcgtn\b"),
        ("Reuters", r"\breuters\b"),
        ("AFP", r"\bafp\b|agence france-presse"),
        ("Associated Press", r"\(ap\)|associated press"),
        ("Anadolu Agency", r"\banadolu\b"),
        ("Trend", r"\btrend\.az\b|\(trend\)"),
        ("APA", r"\bapa\.az\b|\(apa\)"),
        ("IRNA", r"\birna\b"),
        ("Kyodo", r"\bkyodo\b"),
        ("Yonhap", r"\byonhap\b"),
        ("KCNA", r"\bkcna\b"),
        ("BelTA", r"\bbelta\b"),
        ("Kazinform", r"\bkazinform\b"),
        ("Press Trust of India", r"\bpti\b|press trust of india"),
        ("ANI", r"\(ani\)"),
        ("APP", r"\(app\)|associated press of pakistan"),
        ("Bernama", r"\bbernama\b"),
        ("RT", r"\(rt\)|\brt\.com\b"),
        ("Al Jazeera", r"\bal\s+jazeera\b"),
        ("Vietnam News Agency", r"\bvna\b|vietnam news agency"),
        ("Prensa Latina", r"\bprensa\s+latina\b"),
        ("Arab News", r"\barab\s+news\b"),
        ("Daily Sabah", r"\bdaily\s+sabah\b"),
        ("EFE", r"\(efe\)|\befe\s+news\b"),
        ("ANTARA", r"\bantara\b"),
        ("Jiji Press", r"\bjiji\b"),
        ("WAM", r"\(wam\)|emirates news agency"),
        ("KUNA", r"\bkuna\b|kuwait news agency"),
        ("Saudi Press Agency", r"\(spa\)|saudi press agency"),
        ("Tasnim", r"\btasnim\b"),
        ("Mehr", r"\bmehr\s+news\b|\(mehr\)"),
        ("Ukrinform", r"\bukrinform\b"),
    )
)

_PLACE = r"(?P<place>(?:[A-Z][A-Z.'’\- ]{1,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:,\s*[A-Z][a-zA-Z.]+)?)"
DATELINES = (
    # MOSCOW, December 24. /TASS/.
    re.compile(
        rf"^{_PLACE},\s+(?P<date>[A-Z][a-z]+\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)\.?\s*/(?P<agency>[^/]{{2,40}})/\.?\s*[-–—]*\s*"
    ),
    # BEIJING, Dec. 22 (Xinhua) --
    re.compile(rf"^{_PLACE},\s+(?P<date>[^()\n]{{3,30}}?)\s*\((?P<agency>[^)]{{2,80}})\)\s*[-–—:]*\s*"),
    # MOSCOW. Nov 24 (Interfax) -
    re.compile(
        r"^(?P<place>[A-Z][A-Z'’\- ]{1,40}?)\.\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2})\s*"
        r"\((?P<agency>[^)]{2,80})\)\s*[-–—:]*\s*"
    ),
    # MOSCOW (Sputnik) -   /   MOSCOW (UrduPoint News / Sputnik - 29th December, 2020)
    re.compile(rf"^{_PLACE},?\s*\((?P<agency>[^)]{{2,80}})\)\s*[-–—:]*\s*"),
    # MOSCOW, December 24 -
    re.compile(rf"^{_PLACE},\s+(?P<date>[A-Z][a-z]+\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*[-–—:]+\s*"),
    # MOSCOW -
    re.compile(rf"^{_PLACE}\s*[-–—:]+\s+(?=[A-Z\"“])"),
)

TERMINAL = re.compile(r"[.!?…][\"”’'»)\]]*\s*$|[\"”»]\s*$")
CREDIT = re.compile(
    r"©|\bgo to the mediabank\b|^\s*(?:photo|image|picture|credit|source|file photo)\s*(?:by)?\s*[:/]"
    r"|\b(?:getty images|shutterstock|ap photo|reuters/|afp via)\b",
    re.IGNORECASE,
)
# "- Sputnik International, 1920, 19.09.2023": an outlet's stamp under a photo or teaser.
STAMP = re.compile(r"[-–—]\s*[A-Z][\w .&]+,\s*\d{3,4}(?:,\s*\d{1,2}\.\d{1,2}\.\d{4})?\s*$")
SOCIAL = re.compile(
    r"^\s*(?:follow\s+us|join\s+us|subscribe\b|share\s+(?:on|this)|click\s+here|read\s+(?:more|also)"
    r"|see\s+also|also\s+read|related\s*:|more\s*:|sign\s+up|download\s+(?:our|the)\s+app"
    r"|to\s+participate\s+in\s+the\s+discussion|log\s+in|all\s+rights\s+reserved|skip\s+to\s+(?:main\s+)?content"
    r"|we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|by\s+continuing\s+to\s+(?:browse|use)|accept\s+all)",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^\s*[-_=*•·|~#]{2,}\s*$")
DOMAIN = re.compile(
    r"^\s*[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ru|az|pk|cn|info|news|io|co|uk|in)\s*$", re.IGNORECASE
)
HANDLE = re.compile(r"@([A-Za-z]\w{2,})")
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
STRAY_BAR = re.compile(r"(?<=\s)\|(?=\w)|(?<=\w)\|(?=\s)")


@dataclass(frozen=True)
class Paragraph:
    text: str
    is_heading: bool = False


@dataclass
class CleanedText:
    paragraphs: list[Paragraph]
    title: str = ""
    dateline_place: str = ""
    outlet: str | None = None
    source_outlet: str | None = None
    published: PartialDate = UNKNOWN_DATE
    language: str = "en"
    warnings: list[str] = field(default_factory=list)


# A site's menus, captions and footers repeat from one of its articles to the next, and each
# line costs a search per outlet (several microseconds each).
@functools.lru_cache(maxsize=4096)
def outlet_named_in(text: str) -> str | None:
    for name, pattern in OUTLETS:
        if pattern.search(text):
            return name
    return None


# Any letter outside Latin (with other alphanumerics, which are not counted anyway): most texts
# have none, and then every letter is Latin without looking each one up.
BEYOND_LATIN = re.compile(r"[^\W\d_\u0000-\u024f]")


def dominant_script(text: str) -> str:
    if not BEYOND_LATIN.search(text):
        return "latin"
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _script_of(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else "latin"


@functools.lru_cache(maxsize=4096)
def _script_of(char: str) -> str:
    if char < "\u0250":
        return "latin"
    name = unicodedata.name(char, "")
    for script in (
        "CYRILLIC",
        "CJK",
        "ARABIC",
        "HEBREW",
        "GREEK",
        "HANGUL",
        "HIRAGANA",
        "KATAKANA",
        "DEVANAGARI",
        "THAI",
        "GEORGIAN",
        "ARMENIAN",
    ):
        if name.startswith(script) or f" {script} " in f" {name} ":
            return script.lower()
    return "latin"


SCRIPT_LANGUAGES = {
    "cyrillic": "ru",
    "cjk": "zh",
    "arabic": "ar",
    "hebrew": "he",
    "greek": "el",
    "hangul": "ko",
    "hiragana": "ja",
    "katakana": "ja",
    "devanagari": "hi",
    "thai": "th",
    "georgian": "ka",
    "armenian": "hy",
}

LATIN_STOPWORDS = {
    "en": ENGLISH_STOPWORDS,
    "fr": frozenset(
        """
            le la les des du de et est que qui dans pour pas sur une un au avec il elle ce sont a
            été
            """.split()
    ),
    "de": frozenset(
        """
            der die das und ist nicht mit den von zu sich des auf für ein eine dem im sie es wird
            """.split()
    ),
    "es": frozenset(
        """
            el la los las de del y que en un una por con para es no se su al lo como más
            """.split()
    ),
    "it": frozenset(
        """
            il lo la gli le di del della e che in un una per con non è sono da al si
            """.split()
    ),
    "pt": frozenset(
        """
            o a os as de do da e que em um uma para com não é por no na se ao
            """.split()
    ),
}


def detect_language(text: str) -> str:
    script = dominant_script(text)
    if script != "latin":
        return SCRIPT_LANGUAGES.get(script, "und")
    tokens = [token.lower() for token in words(text)]
    if not tokens:
        return "und"
    scores = {
        lang: sum(map(stop.__contains__, tokens)) / len(tokens) for lang, stop in LATIN_STOPWORDS.items()
    }
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.05 else "und"


@functools.lru_cache(maxsize=2048)
def _is_furniture(line: str, script: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    letters = [char for char in stripped if char.isalpha()] if _may_mix_scripts(stripped, script) else []
    if letters and sum(_script_of(char) != script for char in letters) > len(letters) / 2:
        return True
    if (
        SEPARATOR.match(stripped)
        or CREDIT.search(stripped)
        or SOCIAL.match(stripped)
        or DOMAIN.match(stripped)
    ):
        return True
    if STAMP.search(stripped):
        return True
    tokens = words(stripped)
    if not tokens:
        return True
    if len(tokens) <= 4 and all(token.lower() in FURNITURE_LINES or token.isdigit() for token in tokens):
        return True
    if stripped.startswith(("- ", "– ", "— ")) and outlet_named_in(stripped) and len(tokens) <= 6:
        return True
    return _is_date_line(stripped)


def _may_mix_scripts(line: str, script: str) -> bool:
    return script != "latin" or bool(BEYOND_LATIN.search(line))


def _is_date_line(line: str) -> bool:
    found = find_full_date(line)
    if not found:
        return False
    return word_count(line) <= 10 and not TERMINAL.search(line.rstrip(")"))


# clean() asks it of each line several times (where the body starts, branding, paragraphs).
@functools.lru_cache(maxsize=1024)
def _is_prose(line: str) -> bool:
    count = word_count(line)
    return (bool(TERMINAL.search(line)) and count >= 4) or count >= 20


def _split_header(text: str) -> tuple[PartialDate | None, str]:
    match = HEADER_DATE.match(text)
    if not match:
        # Glued to a line below the headline ("Title\n date 2025-11-20 MOSCOW, November 20."):
        # a line of the page's top, whose date header is cut out of it.
        match = HEADER_DATE_IN_LINE.search(text, 0, HEADER_SEARCH_CHARS)
        if not match:
            return None, text
        text = text[: match.start()] + "\n" + text[match.end() :]
        year, month, day = (int(part) for part in match["date"].split("-"))
        try:
            return PartialDate(year, month, day), text
        except ValueError:
            return None, text
    year, month, day = (int(part) for part in match["date"].split("-"))
    try:
        date = PartialDate(year, month, day)
    except ValueError:
        date = None
    return date, text[match.end() :]


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width: nearly every long line stops short of 80 characters."""
    long_lines = [line for line in lines if len(line) > 40]
    if len(long_lines) < 4:
        return False
    return sum(len(line) <= 80 for line in long_lines) / len(long_lines) >= 0.9


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Re-join prose hard-wrapped across lines: a line ending mid-clause (a comma) or not
    ending a sentence, followed directly by one that starts in lower case."""
    wrapped = _is_hard_wrapped(lines)
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        if (
            line
            and previous
            and not LIST_ITEM_START.match(line)
            and (
                (wrapped and len(previous) > 40)
                or (line[:1].islower() and not TERMINAL.search(previous))
                or previous.endswith((",", ";"))
            )
        ):
            joined[-1] = previous + " " + line.strip()
        else:
            joined.append(line)
    return joined


# Capitalised labels that look like a dateline place but head page furniture.
NOT_PLACES = frozenset(
    """
    SOURCE SOURCES PHOTO PHOTOS VIDEO UPDATE UPDATED EDITOR EDITORS NOTE READ WATCH BREAKING
    EXCLUSIVE ANALYSIS OPINION COMMENT TAGS TOPICS RELATED ALSO MORE LIVE PUBLISHED BY AUTHOR
    FILE CREDIT COPYRIGHT DISCLAIMER ADVERTISEMENT SPONSORED
    """.split()
) | frozenset(
    # A transcript's labels in capitals ("MR HALE: Good afternoon", "QUESTION: ..."): whose turn it
    # is, never where the story was filed.
    """
    MR MR. MRS MRS. MS MS. DR DR. PROF PROF. QUESTION Q MODERATOR OPERATOR PARTICIPANT SECRETARY
    PRESIDENT AMBASSADOR MINISTER SPOKESPERSON SPOKESMAN SPOKESWOMAN INTERVIEWER
    """.split()
)


def _match_dateline(line: str, *, after_prose: bool = False) -> re.Match | None:
    for pattern in DATELINES:
        match = pattern.match(line)
        if not match or len(match["place"].strip()) < 3:
            continue
        if match["place"].split(",")[0].strip().split()[0] in NOT_PLACES:
            continue
        if (
            "agency" not in match.groupdict()
            and "date" not in match.groupdict()
            and word_count(line[match.end() :]) < 6
        ):
            # A bare "PLACE -" opens a dateline only when the story follows on the line.
            continue
        place = match["place"].split(",")[0].replace(" ", "")
        agency = match.groupdict().get("agency")
        # An all-capitals place is a dateline; a Title Case one only with a known agency after it,
        # or a city the archive knows heading the first line of prose ("Abu Dhabi: The UAE has
        # ..."): further down, "Moscow: ..." heads one capital's part of a roundup, and a line
        # asking a question is a headline.
        if place.isupper() or (agency and outlet_named_in(agency)):
            return match
        if (
            _is_known_place(match["place"])
            and not after_prose
            and _is_prose(line)
            and not line.rstrip().endswith("?")
        ):
            return match
    return None


def _is_known_place(place: str) -> bool:
    name = " ".join(place.split(",")[0].lower().replace(".", "").split())
    return name in PLACES or name in MULTIWORD_PLACES


def _outlets_from_agency(agency: str) -> list[str]:
    names = []
    for part in re.split(r"\s*/\s*", agency):
        part = re.split(r"\s+[-–—]\s+", part)[0]
        name = outlet_named_in(part) or (part.strip() if 1 <= word_count(part) <= 4 else None)
        if name and name not in names:
            names.append(name)
    return names


def clean(text: str) -> CleanedText:
    header_date, text = _split_header(text)
    text = STRAY_BAR.sub("", text)
    script = dominant_script(text)
    lines = _join_wrapped_lines([line.strip() for line in text.split("\n")])

    dateline_index, dateline = None, None
    after_prose = False
    for index, line in enumerate(lines[:40]):
        match = _match_dateline(line, after_prose=after_prose)
        if match:
            dateline_index, dateline = index, match
            break
        after_prose = after_prose or _is_prose(line)

    if dateline_index is not None:
        body_start = dateline_index
    else:
        body_start = next(
            (i for i, line in enumerate(lines) if _is_prose(line) and not _is_furniture(line, script)),
            len(lines),
        )
    header_lines = lines[:body_start]

    result = CleanedText(paragraphs=[])
    published = header_date

    agency_outlets: list[str] = []
    if dateline is not None:
        result.dateline_place = dateline["place"].strip()
        agency = dateline.groupdict().get("agency") or ""
        agency_outlets = _outlets_from_agency(agency) if agency else []
        lines[body_start] = lines[body_start][dateline.end() :]
        if published is None:
            dated_text = (dateline.groupdict().get("date") or "") + " " + agency
            full = find_full_date(dated_text)
            if full:
                published = full[0]

    # Site branding stands on furniture lines: header, captions, footer.
    branding = [
        outlet_named_in(line) or _domain_outlet(line)
        for line in lines
        if line and (not _is_prose(line) or _is_furniture(line, script))
    ]
    branding = [name for name in branding if name]
    for handle in HANDLE.findall(
        " ".join(line for line in lines if SOCIAL.match(line) or not _is_prose(line))
    ):
        name = outlet_named_in(handle)
        if name:
            branding.append(name)

    site = branding[0] if branding else None
    if agency_outlets:
        result.outlet = site if site and site not in agency_outlets else agency_outlets[0]
        carried = [name for name in agency_outlets if name != result.outlet]
        result.source_outlet = carried[0] if carried else None
    else:
        result.outlet = site

    if published is None:
        for line in header_lines:
            full = find_full_date(line)
            if full:
                published = full[0]
                break
    dateline_day = None
    if dateline is not None and dateline.groupdict().get("date"):
        dateline_day = find_month_day(dateline["date"])
    if published is None:
        published = _date_from_date_lines(lines, dateline_day)
    if published is None and dateline_day is not None:
        published = dateline_day
    if published is None:
        published = UNKNOWN_DATE
        result.warnings.append("no publication date found")
    elif published.year is None:
        result.warnings.append("publication year unknown")
    result.published = published

    result.title = _pick_title(header_lines, script)
    result.paragraphs = _body_paragraphs(lines[body_start:], script)
    result.language = detect_language(" ".join(p.text for p in result.paragraphs) or text)
    return result


DATE_LABEL = re.compile(r"^\W*(?:published|updated|posted|last\s+updated|date)\b", re.IGNORECASE)


def _date_from_date_lines(lines: list[str], dateline_day: PartialDate | None) -> PartialDate | None:
    """A full date from a line that only states dates ("Published On 18 Sep 2023", a photo
    stamp), preferring one that agrees with the dateline's day and month."""
    found = []
    for line in lines:
        if not line or not (_is_date_line(line) or DATE_LABEL.match(line) or STAMP.search(line)):
            continue
        full = find_full_date(line)
        if full:
            found.append(full[0])
    if dateline_day is not None:
        agreeing = [
            date for date in found if (date.month, date.day) == (dateline_day.month, dateline_day.day)
        ]
        if agreeing:
            return agreeing[0]
        if not found:
            return _numeric_date_agreeing(lines, dateline_day)
    return found[0] if found else None


NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")


def _numeric_date_agreeing(lines: list[str], dateline_day: PartialDate) -> PartialDate | None:
    """The year of a numeric stamp ("24/11/2026", "24-11-2026") whose day and month, read in
    either order, are the dateline's: alone, "03/04/2026" could be March or April."""
    wanted = (dateline_day.day, dateline_day.month)
    for line in lines:
        if not line or word_count(line) > 8:
            continue
        for first, second, year in NUMERIC_DATE.findall(line):
            if wanted in {(int(first), int(second)), (int(second), int(first))}:
                return PartialDate(int(year), dateline_day.month, dateline_day.day)
    return None


def _domain_outlet(line: str) -> str | None:
    match = DOMAIN.match(line)
    if not match:
        return None
    return line.strip().split(".")[0]


# "Home | World | Business | Opinion", "Home > General > World": a site's menu or breadcrumb.
NAVIGATION_SEPARATOR = re.compile(r"\s[|>»]\s")
# "Emirates News Agency - WAM", "Ukrainian national news agency": the outlet's masthead.
MASTHEAD = re.compile(r"\bnews\s+agency\b", re.IGNORECASE)


def _is_navigation(line: str) -> bool:
    parts = NAVIGATION_SEPARATOR.split(line)
    # "Politics news | Iran" is a section label; "Talks to resume, minister says | TASS" a title.
    return len(parts) >= 3 or (len(parts) == 2 and all(word_count(part) <= 3 for part in parts))


def _pick_title(header_lines: list[str], script: str) -> str:
    candidates = [
        line
        for line in header_lines
        if line
        and not _is_furniture(line, script)
        and not TERMINAL.search(line.rstrip("?!"))
        and 3 <= word_count(line) <= 30
        and not _is_navigation(line)
        and not (MASTHEAD.search(line) and word_count(line) <= 6)
    ]
    if not candidates:
        return ""
    repeated = [line for line in candidates if candidates.count(line) > 1]
    return (repeated or candidates)[0]


LIST_ITEM_START = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+\S")


def _body_paragraphs(lines: list[str], script: str) -> list[Paragraph]:
    kept = [line for line in lines if line and not _is_furniture(line, script)]
    paragraphs: list[Paragraph] = []
    in_list = False
    for index, line in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else ""
        # "The ministry said that:" and the items of its list are prose, whatever their stops.
        introduces_list = (
            line.endswith(":") and word_count(line) >= 5 and bool(LIST_ITEM_START.match(following))
        )
        in_list = introduces_list or (in_list and bool(LIST_ITEM_START.match(line)))
        if _is_prose(line) or in_list:
            paragraphs.append(Paragraph(line))
            continue
        # A short line introducing more prose is a subheading; anything else that is not
        # prose (teaser headlines, menu words, widgets) is dropped.
        if word_count(line) <= 6 and _is_prose(following) and line[:1].isupper():
            paragraphs.append(Paragraph(line, is_heading=True))
    return paragraphs
