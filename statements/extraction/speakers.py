"""Who is speaking: names with their titles, institutions, descriptions and pronouns.

A subject phrase is read right to left from the speech verb: first the name (capitalised
words that are not titles), then the title words before it ("Russian Deputy Foreign
Minister"). Descriptions ("the senior Russian diplomat") and pronouns are resolved later
against the people the article has already quoted or named.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .lexicon import (
    ARMED_SERVICES,
    CAPITAL_CITIES,
    CIRCUMSTANCE_OPENERS,
    COUNTRIES,
    DEMONYMS,
    GOVERNED_FIELDS,
    INSTITUTION_NOUNS,
    INSTITUTION_PHRASES,
    MONTHS,
    MULTIWORD_COUNTRIES,
    MULTIWORD_PLACES,
    NOT_NAME_WORDS,
    OFFICE_INITIALS,
    PARENTHETICAL_ADVERBS,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    SEATS_OF_GOVERNMENT,
    TITLE_WORDS,
    VERB_MODIFIERS,
    WEEKDAYS,
)
from .records import KnownSpeaker, SpeakerKind, SpeakerRef
from .text import ends_with_abbreviation

TOKEN = re.compile(r"[^\W\d_][\w’'\-\.]*|\d[\w\-]*|[,;:§()\"“”«»\[\]—–]")
MASKED_TOKEN = re.compile(r"[^\W\d_][\w’'\-\.]*|\d[\w\-]*|§+|[,;:()\"“”«»\[\]—–]")
# Month names that are not also given names (April, May, June, August are).
MONTH_NAMES = frozenset(name for name in MONTHS if len(name) > 3) - {"april", "may", "june", "august"}
NAME_PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "al",
        "el",
        "de",
        "van",
        "von",
        "der",
        "da",
        "dos",
        "la",
        "le",
        "abu",
        "di",
        "du",
        "del",
        "al-",
    }
)
# Words that end a title when reading leftwards from a name.
ROLE_STOP_WORDS = frozenset(
    """
    the a an this that these those it its in on at as but and or if when while however meanwhile
    additionally also earlier later according moreover furthermore still yet so thus then now
    today yesterday tomorrow last next both each all some many most such he she they we i you his
    her their our my after before during since until with without for from by to of under over
    among between against despite although though because unlike like following speaking asked
    commenting responding referring addressing separately similarly instead therefore
    nevertheless besides otherwise indeed finally there here what which who whom whose where why
    how no not nor
    """.split()
)
CONNECTORS = frozenset({"of", "the", "for", "and", "to", "on", "at", "in"})
CLAUSE_BOUNDARY = frozenset(',;:§()"“”«»[]—–')
DIPLOMATIC_ROLES = (
    "foreign minister",
    "ambassador",
    "envoy",
    "diplomat",
    "foreign ministry",
    "foreign affairs",
    "consul",
    "deputy foreign",
    "spokes",
)
FOREIGN_MINISTERS = (
    "foreign minister",
    "foreign secretary",
    "secretary of state",
    "minister of foreign affairs",
)
# A spokesman speaks for a diplomatic service unless the title names another body: the
# Kremlin's or the defence ministry's spokesman is not "the diplomat".
NON_DIPLOMATIC_BODIES = ("kremlin", "presiden", "defen", "military", "army", "navy", "police", "cabinet")


class Token(NamedTuple):
    # A tuple rather than a frozen dataclass: every sentence read back from a speech verb is
    # tokenized again, and a tuple is several times cheaper to make.
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return self.text.rstrip(".").lower()


@dataclass(frozen=True)
class Subject:
    """A speaker phrase found in a sentence, before resolution."""

    kind: str  # "name", "institution", "descriptor" or "pronoun"
    start: int
    end: int
    as_written: str
    name: str = ""
    role: str = ""
    country: str = ""
    head: str = ""
    # "a ministry spokesperson": someone the article may name elsewhere, or nobody it names.
    indefinite: bool = False
    # Read off a sentence's first verb rather than a speech verb ("Protesters gathered ..., saying"):
    # a lone capitalised word there is as likely a common noun as a surname.
    from_predicate: bool = False

    def shifted(self, offset: int) -> Subject:
        return replace(self, start=self.start + offset, end=self.end + offset)


def tokenize(text: str) -> list[Token]:
    return list(_tokens_of(text))


_new_tuple = tuple.__new__


# A sentence is read back from each of its speech verbs by several rules: tokens and subjects are
# asked for the same text about twice each.
@functools.lru_cache(maxsize=1024)
def _tokens_of(text: str) -> tuple[Token, ...]:
    # Made as tuple.__new__ makes them, in a list: a tenth of extraction is making tokens, and
    # Token(...) and a generator cost a quarter more.
    if "§" not in text:
        return tuple([_new_tuple(Token, (m[0], m.start(), m.end())) for m in TOKEN.finditer(text)])
    # A masked quotation is one boundary, however long: one "§" token spanning it, not one per
    # character (which made tokenizing a quoted sentence cost as much as the rest of its reading).
    return tuple(
        [
            _new_tuple(Token, ("§" if m[0][0] == "§" else m[0], m.start(), m.end()))
            for m in MASKED_TOKEN.finditer(text)
        ]
    )


def tokens_before(text: str, end: int) -> list[Token]:
    """The tokens of text[:end]. A sentence is read back from each of its verbs: its tokens are
    made once and cut at each verb, rather than made again for every prefix."""
    tokens, ends = _tokens_and_ends(text)
    cut = bisect.bisect_right(ends, end)
    found = list(tokens[:cut])
    if cut < len(tokens) and tokens[cut].start < end:
        # A token running past `end` is cut there, as tokenizing text[:end] would cut it.
        start = tokens[cut].start
        found += [Token(t.text, t.start + start, t.end + start) for t in _tokens_of(text[start:end])]
    return found


@functools.lru_cache(maxsize=256)
def _tokens_and_ends(text: str) -> tuple[tuple[Token, ...], list[int]]:
    tokens = _tokens_of(text)
    return tokens, [token.end for token in tokens]


def _strip_possessive(word: str) -> str:
    # Asked of most tokens: a suffix test, not a regular expression.
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _is_title_word(token: Token) -> bool:
    bare = _strip_possessive(token.bare)
    return bare in TITLE_WORDS or bare in ROLE_NOUNS or bare in DEMONYMS or bare in COUNTRIES


ARABIC_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|ould)-[A-Z]")


def is_name_word(token: Token) -> bool:
    return _is_name_text(token.text)


@functools.lru_cache(maxsize=16384)
def _is_name_text(text: str) -> bool:
    text = text.rstrip(".")
    if ARABIC_ARTICLE_NAME.match(text):
        return True
    if not text or not text[0].isupper() or not any(char.isalpha() for char in text):
        return False
    bare = text.lower()
    if ("’" in bare or "'" in bare) and re.search(r"[’']s$", bare):
        return False
    # "the United Nations' nuclear watchdog": a plural possessive belongs to a body.
    if re.search(r"s[’']$", bare):
        return False
    if bare in NOT_NAME_WORDS or bare in TITLE_WORDS or bare in ROLE_NOUNS or bare in DEMONYMS:
        return False
    if bare in COUNTRIES or bare in PLACES or bare in MONTH_NAMES or bare in WEEKDAYS or bare in PRONOUNS:
        return False
    # Acronyms (NATO, TASS, AUKUS) name organisations, not people.
    return not (text.isupper() and 1 < len(text) <= 5)


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A comparison key that folds case, accents and common transliteration variants
    (Nikolay/Nikolai, Sergey/Sergei, Dmitry/Dmitriy)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(?:mr|mrs|ms|dr|prof)\.?\s+", "", text)
    # Hyphenated parts are one name: "al-Kuwari", "Jong-un".
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)
    text = re.sub(r"[^a-z ]+", " ", text)
    text = text.replace("y", "i")
    text = re.sub(r"(.)\1+", r"\1", text)
    return " ".join(text.split())


# One name per country, whichever way a text writes it: "US", "U.S.", "USA", "America" and
# "American" are all the United States, so "the American diplomat" fits a "US envoy".
_COUNTRY_WORDS = {
    **{country: country.title() if len(country) > 3 else country.upper() for country in COUNTRIES},
    "usa": "United States",
    "america": "United States",
    "britain": "United Kingdom",
    **DEMONYMS,
    **MULTIWORD_COUNTRIES,
    **SEATS_OF_GOVERNMENT,
}
_COUNTRY_PATTERN = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(word) for word in sorted(_COUNTRY_WORDS, key=len, reverse=True))
    + r")(?:[’']s)?(?![\w])"
)


@functools.lru_cache(maxsize=4096)
def country_of(role: str) -> str:
    """The country a title names first: "Russia's ambassador to China" is Russia's. A country an
    office is sent to is not its holder's: "head of the EU Delegation to Azerbaijan"."""
    lowered = role.lower()
    for match in _COUNTRY_PATTERN.finditer(lowered):
        if not lowered[: match.start()].endswith(("to ", "to the ", "in ", "in the ")):
            return _COUNTRY_WORDS[match.group(1)]
    return ""


# Short phrases that may stand between a subject and its verb: "X, for his part, said",
# "X on Thursday said", "X on March 2 said".
_BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"(?:\s(?:in (?:his|her|its) turn|in turn|for (?:his|her|its) part|on (?:his|her|its) part|once again"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?"
    r"|on [a-z]+\.? \d{1,2}|last (?:week|month|year)|this (?:week|month|year)|earlier (?:today|this week)"
    r"|in an? (?:joint |written |separate )?(?:statement|interview|press release|communique|post)))$",
    re.IGNORECASE,
)


def _strip_modifiers(tokens: list[Token]) -> list[Token]:
    while tokens:
        if tokens[-1].bare in VERB_MODIFIERS:
            tokens = tokens[:-1]
            continue
        tail = " " + " ".join(t.text for t in tokens[-4:])
        match = _BETWEEN_SUBJECT_AND_VERB.search(tail)
        if not match:
            break
        tokens = tokens[: len(tokens) - len(match.group(0).split())]
    return tokens


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mme", "m"})
# Ranks, which say how senior someone is but not what office they hold ("Senior Colonel").
RANKS = frozenset(
    """
        senior colonel general major lieutenant captain admiral rear vice marshal brigadier
        sergeant col gen lt adm maj capt brig
        """.split()
)

# What a description in apposition calls a body that is no ministry: "Ukrenergo, the national
# grid operator", "Gazprom, the Russian gas giant".
ORGANISATION_NOUNS = frozenset(
    """
    operator company firm utility giant agency authority regulator watchdog producer maker
    broadcaster carrier airline corporation conglomerate exchange network group
    """.split()
)

# Titles that are also family names: after a given name, at a name's end ("Ayesha Sheikh",
# "Erik Prince"), they are the surname; before one ("Sheikh Mohammed") they are the title.
TITLES_ALSO_SURNAMES = frozenset({"Sheikh", "Prince", "King", "Major", "Bishop", "Pope", "Marshal"})


def _follows_a_name(tokens: list[Token], index: int) -> bool:
    return index > 0 and is_name_word(tokens[index - 1])


def _ends_a_sentence(token: Token) -> bool:
    """A word with a full stop that is no initial ("F."), no abbreviation ("St.", "Jr.") and no
    acronym written with stops ("J.D.")."""
    return (
        token.text.endswith(".")
        and "." not in token.text.rstrip(".")
        and not ends_with_abbreviation(token.text)
    )


def _name_run(tokens: list[Token], end: int) -> int:
    """Index where the run of name words ending before `end` starts (== end if none)."""
    start = end
    count = 0
    # Four words, and one more after each particle inside the name ("Mohammed bin Abdulrahman bin
    # Jassim Al Thani").
    limit = 4
    while start > 0:
        token = tokens[start - 1]
        if start < end and _ends_a_sentence(token):
            # "... met Kerem Aydınlı. Voinea stressed ...": a name does not run across sentences.
            break
        if count < limit and (
            is_name_word(token)
            or (start == end and token.text in TITLES_ALSO_SURNAMES and _follows_a_name(tokens, start - 1))
        ):
            start -= 1
            count += 1
            continue
        particles = start
        while particles > 0 and tokens[particles - 1].text in NAME_PARTICLES:
            particles -= 1
        if count and particles < start and (particles == 0 or not is_name_word(tokens[particles - 1])):
            # A name that opens with lower-case particles: "de Vries", "van der Berg".
            if all(t.text[:1].islower() for t in tokens[particles:start]):
                start = particles
            break
        if count and particles < start and is_name_word(tokens[particles - 1]):
            # Particles inside a name: "Gilberto de la Cruz", "Saud bin Hamad".
            start = particles
            limit = min(limit + 1, 6)
            continue
        break
    if count >= 3 and start > 0 and tokens[start - 1].bare in CONNECTORS:
        # "Conference on Disarmament Meera Sundaram": after "of"/"on" the first capitalised
        # words finish the body's name, and the person's name is the last two.
        start = _last_words(tokens, end, 2)
    return start


def _last_words(tokens: list[Token], end: int, count: int) -> int:
    start = end
    while start > 0 and count:
        start -= 1
        if tokens[start].bare not in NAME_PARTICLES:
            count -= 1
    return start


def _role_run(tokens: list[Token], end: int) -> int:
    """Index where the title words before a name start (== end if there are none)."""
    start = end
    index = end
    while index > 0:
        token = tokens[index - 1]
        if token.text == ")" and start < end:
            # "Secretary (Economic Relations) at the Ministry": a bracketed part of the title.
            opening = next(
                (i for i in range(index - 2, max(index - 8, -1), -1) if tokens[i].text == "("), None
            )
            if opening is not None and opening > 0:
                index = opening
                continue
        if token.text in CLAUSE_BOUNDARY or _ends_a_sentence(token):
            break
        if _is_title_word(token) or (token.text[:1].isupper() and token.bare not in ROLE_STOP_WORDS):
            # Title words, and capitalised words inside a title ("Valdai Club director").
            index -= 1
            start = index
        elif token.bare in CONNECTORS and not (token.bare == "and" and index == end):
            # "Representative to the UN": kept only if a title word stands further left. "and"
            # may join parts of a title ("Trade and Industry"), but right before a name it
            # joins two people ("Sorokin and Zhang").
            index -= 1
        elif (
            start < end
            and index == start
            and token.text[:1].islower()
            and token.bare not in ROLE_STOP_WORDS
            and tokens[index].text[:1].islower()
            and _is_title_word(tokens[index])
            and end - index < 8
        ):
            # "unification ministry spokesperson": a lower-case qualifier of the title.
            index -= 1
            start = index
        else:
            break
    return start


def is_role_phrase(text: str) -> bool:
    tokens = tokenize(text)
    if not tokens or len(tokens) > 30:
        return False
    if tokens[0].bare in {"while", "when", "who", "which", "in", "at", "during", "speaking", "according"}:
        return False
    return any(_is_role_noun(t) for t in tokens)


def _is_role_noun(token: Token) -> bool:
    """'ambassador', and hyphenated offices built on one: 'ambassador-at-large'."""
    bare = _strip_possessive(token.bare)
    return bare in ROLE_NOUNS or bare.split("-")[0] in ROLE_NOUNS


def _at_boundary(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    if not before:
        return True
    if before[-1] in CLAUSE_BOUNDARY or before[-1] in "-":
        return True
    words = before.split()
    last_word = words[-1].lower()
    if last_word == "and":
        # "..., and Lavrov said" starts a clause; "Sorokin and Zhang agreed" is a joint subject.
        return len(words) > 1 and words[-2].endswith(",") and not _ends_with_name(before[: -len("and")])
    # "... a day after Foreign Minister Hakan Fidan said ...": a clause of its own.
    return last_word in {
        "as",
        "but",
        "while",
        "that",
        "after",
        "before",
        "when",
        "since",
        "because",
        "although",
        "though",
        "until",
        "whereas",
    }


def _ends_with_name(text: str) -> bool:
    tokens = tokenize(text.rstrip().rstrip(","))
    return bool(tokens) and is_name_word(tokens[-1])


# Offices that one person holds in a body: "the head of the agency", "the chief of the mission".
OFFICES_OF_A_BODY = frozenset(
    {"head", "chief", "director", "chairman", "chairwoman", "chairperson", "leader"}
)

# Offices one person holds at a time, so "a spokesperson of the ministry" may be the one the
# article names; "a senior official" or "a diplomat" stays anonymous.
SPECIFIC_OFFICES = frozenset({"spokesperson", "spokesman", "spokeswoman"})

# "the press service of X", "a spokesman for X": someone who speaks for a body.
SERVES_A_BODY = re.compile(
    r"\b(?:press (?:service|office|centre|center)|spokes\w*) (?:of|for) ", re.IGNORECASE
)
# What an institution or person issued, standing for them: "the embassy's statement said".
ISSUED_BY_OWNER = frozenset(
    {
        "statement",
        "communique",
        "communiqué",
        "release",
        "note",
        "website",
        "channel",
        "declaration",
        "document",
    }
)
# "Azerbaijan and Kyrgyzstan have signed a joint declaration": who a joint document speaks for.
JOINT_DOCUMENT = re.compile(
    r"\b(?P<parties>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)? and (?:the )?[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?) "
    r"(?:have |has )?(?:signed|adopted|issued|released) (?:a |the )?joint "
    r"(?:declaration|statement|communiqu[eé])"
)


@functools.lru_cache(maxsize=1024)
def subject_before(text: str, end: int) -> Subject | None:
    """The speaker phrase that ends right before position `end` (a speech verb)."""
    tokens = _strip_modifiers(tokens_before(text, end))
    if len(tokens) >= 3 and tokens[-1].bare in {"who", "which"} and tokens[-2].text == ",":
        return _antecedent(text, tokens[:-2])
    # "The Ministry of External Affairs (MEA) said": the bracketed abbreviation adds nothing.
    if len(tokens) >= 3 and tokens[-1].text == ")" and tokens[-3].text == "(":
        tokens = tokens[:-3]
    # "the Kremlin press service said", "the ministry's press office said": the owner speaks.
    if (
        len(tokens) >= 3
        and tokens[-2].bare == "press"
        and tokens[-1].bare in {"service", "office", "centre", "center"}
    ):
        tokens = tokens[:-2]
        owner = tokens[-1]
        if re.search(r"[’']s$", owner.text):
            tokens = [*tokens[:-1], Token(_strip_possessive(owner.text), owner.start, owner.end - 2)]
    # "the press service of Azerbaijan Railways said", "a spokesman for China's Ministry of
    # Transport said": the body they serve speaks, when no name is given.
    for index in range(len(tokens) - 4, -1, -1) if SERVES_A_BODY.search(text, 0, end) else ():
        serves = (
            tokens[index].bare == "press"
            and tokens[index + 1].bare in {"service", "office", "centre", "center"}
        ) or (tokens[index + 1].bare in SPECIFIC_OFFICES and tokens[index].bare in {"a", "an", "the"})
        if (
            serves
            and tokens[index + 2].bare in {"of", "for"}
            and (tokens[index + 3].text[:1].isupper() or tokens[index + 3].bare == "the")
        ):
            body_start = tokens[index + 3].start
            body = subject_phrase(text[body_start : tokens[-1].end])
            if body is not None and body.kind == "institution":
                return body.shifted(body_start)
            break
    # "the embassy's statement said", "the ministry's press release says".
    if len(tokens) >= 2 and tokens[-1].bare in ISSUED_BY_OWNER:
        owner_index = len(tokens) - 2
        if tokens[owner_index].bare in {"press", "official", "telegram"} and owner_index > 0:
            owner_index -= 1
        owner = tokens[owner_index]
        if re.search(r"[’']s$", owner.text):
            trimmed = Token(_strip_possessive(owner.text), owner.start, owner.end - 2)
            tokens = [*tokens[:owner_index], trimmed]
    if not tokens:
        return None
    subject = _parse_tail(text, tokens)
    if subject is not None:
        return subject
    if tokens[-1].text != ",":
        return None
    return _parse_with_parenthetical(text, tokens)


def _parse_with_parenthetical(text: str, tokens: list[Token]) -> Subject | None:
    """Subjects split by commas: "Putin, while speaking ..., said", "Wang Yi, director of ...,
    said", "Russia's ambassador to China, Andrey Denisov, said"."""
    close = len(tokens) - 1
    inner_end = close
    if close >= 3 and tokens[close - 1].text == ")" and tokens[close - 3].text == "(":
        # "..., director of the UN Institute for Disarmament Research (UNIDIR), said": the
        # bracketed abbreviation closes the appositive, it does not open one.
        inner_end = close - 3
    open_index = inner_end - 1
    while open_index >= 0 and tokens[open_index].text not in {",", "§", ";", ":", "(", "—", "–"}:
        open_index -= 1
    inner = tokens[open_index + 1 : inner_end]
    if not inner:
        return None
    inner_text = text[inner[0].start : inner[-1].end]
    # The parenthetical is the name itself ("Andrey Denisov", "Ambassador Robert Calloway");
    # a title may stand before it in its own commas.
    titled = _parse_tail(text, inner) if len(inner) <= 12 else None
    is_bare_name = all(is_name_word(t) or t.bare in NAME_PARTICLES for t in inner) and len(inner) <= 5
    if is_bare_name or (titled is not None and titled.kind == "name" and titled.start == inner[0].start):
        role = titled.role if titled is not None and not is_bare_name else ""
        name = titled.name if titled is not None and not is_bare_name else inner_text
        start = inner[0].start
        if open_index >= 0 and tokens[open_index].text == ",":
            previous = open_index - 1
            while previous >= 0 and tokens[previous].text not in {",", "§", ";", ":", "(", "—", "–"}:
                previous -= 1
            candidate = tokens[previous + 1 : open_index]
            if candidate:
                candidate_text = text[candidate[0].start : candidate[-1].end]
                if is_role_phrase(candidate_text) and len(candidate) <= 12:
                    described = re.sub(r"^[Tt]he\s+", "", candidate_text)
                    # "The official, Ambassador-at-Large Vadim Ostrikov, said": the title the name
                    # carries says more than a one-word description before it.
                    if not role or len(described.split()) > 1:
                        role = described
                    start = candidate[0].start
        if not _at_boundary(text, start):
            return None
        return Subject(
            "name", start, inner[-1].end, text[start : inner[-1].end], name, role, country_of(role)
        )
    if open_index < 0:
        return None
    before = tokens[:open_index]
    if not before:
        return None
    # A participle opens a circumstance too: "Ritesh Malhotra, briefing the media, said", "The
    # statement, released on Sunday, said".
    circumstance = inner[0].text[:1].islower() and (
        inner[0].bare in CIRCUMSTANCE_OPENERS
        or (len(inner) == 1 and inner[0].bare in PARENTHETICAL_ADVERBS)
        or (inner[0].bare.endswith(("ing", "ed")) and len(inner) > 1)
    )
    if circumstance:
        # "Putin, while speaking at ..., said", "The ministry, meanwhile, said".
        return _parse_tail(text, _strip_modifiers(before))
    described = _body_described_in_apposition(text, before, inner)
    if described is not None:
        return described
    # A role appositive, possibly with commas of its own ("a research fellow at the Institute
    # of Russian, Eastern European and Central Asian Studies"): widen it until a role noun
    # opens it and a name stands before it.
    opening = open_index
    for _ in range(4):
        segment = tokens[opening + 1 : close]
        segment_text = text[segment[0].start : segment[-1].end]
        if is_role_phrase(segment_text) and _is_role_noun_early(segment):
            subject = _parse_tail(text, tokens[:opening])
            if subject is not None and subject.kind == "name":
                role = subject.role or segment_text
                if all(word.lower().rstrip(".") in RANKS | HONORIFICS for word in role.split()):
                    # "Senior Colonel Xu Dongcheng, spokesperson for the ministry": the office is
                    # in the apposition.
                    role = f"{role}, {segment_text}"
                return replace(subject, role=role, country=country_of(role))
        previous = opening - 1
        while previous >= 0 and tokens[previous].text not in {",", "§", ";", ":", "(", "—", "–"}:
            previous -= 1
        if previous < 0 or tokens[opening].text != ",":
            break
        opening = previous
    return None


def _body_after_description(text: str, tokens: list[Token], name_start: int) -> Subject | None:
    start = name_start - 1
    while start > 0 and tokens[start - 1].text not in CLAUSE_BOUNDARY and len(tokens) - start < 8:
        if tokens[start - 1].bare in {"the", "a", "an"}:
            start -= 1
            break
        if (
            tokens[start - 1].text[:1].isupper()
            and _strip_possessive(tokens[start - 1].bare) not in DEMONYMS.keys() | COUNTRIES
        ):
            # A capital that opens the sentence ("Grid operator Ukrenergo") belongs to the description.
            if _at_boundary(text, tokens[start - 1].start):
                start -= 1
            break
        start -= 1
    if not _at_boundary(text, tokens[start].start):
        return None
    name = text[tokens[name_start].start : tokens[-1].end]
    description = text[tokens[start].start : tokens[name_start - 1].end]
    return Subject(
        "institution",
        tokens[start].start,
        tokens[-1].end,
        text[tokens[start].start : tokens[-1].end],
        name,
        "",
        country_of(description),
    )


def _body_described_in_apposition(text: str, before: list[Token], inner: list[Token]) -> Subject | None:
    """ "Ukrenergo, the national grid operator, said": a name the description makes a company,
    an agency or another body."""
    if inner[0].bare not in {"the", "a", "an"} or inner[-1].bare not in ORGANISATION_NOUNS:
        return None
    start = len(before)
    while (
        start > 0 and before[start - 1].text[:1].isupper() and before[start - 1].text not in CLAUSE_BOUNDARY
    ):
        start -= 1
    named = before[start:]
    if not 1 <= len(named) <= 4 or any(_is_title_word(token) for token in named):
        return None
    if not _at_boundary(text, named[0].start):
        return None
    name = text[named[0].start : named[-1].end]
    description = text[inner[0].start : inner[-1].end]
    return Subject("institution", named[0].start, named[-1].end, name, name, "", country_of(description))


def _is_role_noun_early(segment: list[Token]) -> bool:
    """A role appositive names the office near its start: "director of ...", "a research fellow at"."""
    return any(_is_role_noun(token) for token in segment[:6])


def _parse_tail(text: str, tokens: list[Token]) -> Subject | None:
    if not tokens:
        return None
    last = tokens[-1]
    if last.bare in PRONOUNS or (last.bare == "it" and _at_boundary(text, last.start)):
        if _at_boundary(text, last.start):
            return Subject("pronoun", last.start, last.end, last.text, head=last.bare)
        return None
    institution = _institution_tail(text, tokens)
    if institution is not None:
        return institution
    of_a_country = _name_of_a_country(text, tokens)
    if of_a_country is not None:
        return of_a_country
    name_start = _name_run(tokens, len(tokens))
    if name_start < len(tokens) and name_start > 0 and tokens[name_start - 1].bare in ORGANISATION_NOUNS:
        # "grid operator Ukrenergo", "Russian gas giant Gazprom": a body named after its description.
        return _body_after_description(text, tokens, name_start)
    if name_start < len(tokens):
        role_start = _role_run(tokens, name_start)
        start_token = tokens[role_start] if role_start < name_start else tokens[name_start]
        # "the Russian president Vladimir Putin", "his Finnish counterpart Elina Saarinen": the
        # article or a possessive opens the title phrase.
        opener = tokens[role_start - 1].bare if role_start > 0 else ""
        if opener == "the" or (opener in TITLE_DETERMINERS and role_start < name_start):
            role_start -= 1
            start_token = tokens[role_start]
        if not _at_boundary(text, start_token.start):
            return None
        name = text[tokens[name_start].start : last.end]
        role = (
            text[tokens[role_start].start : tokens[name_start].start].strip()
            if role_start < name_start
            else ""
        )
        role = re.sub(r"^(?:the|The|his|His|her|Her|their|Their)\s+", "", role)
        if _joins_two_people(role):
            return None
        role = _own_title(role)
        if role and role.split()[-1] in CONNECTORS:
            # "director of the center at the Higher School of Economics": the capitalised words
            # after "of" name a place of work, not a person.
            return None
        if role and not any(
            _strip_possessive(t.bare) in TITLE_WORDS | ROLE_NOUNS for t in tokens[role_start:name_start]
        ):
            role = role if country_of(role) else ""
        return Subject(
            "name",
            start_token.start,
            last.end,
            text[start_token.start : last.end],
            name,
            role,
            country_of(role),
        )
    return _descriptor_tail(text, tokens)


TITLE_DETERMINERS = frozenset({"his", "her", "their"})
HEADS_OF_STATE = ("president", "prime minister", "premier", "chancellor", "king", "emir", "supreme leader")


def _name_of_a_country(text: str, tokens: list[Token]) -> Subject | None:
    """ "Amara Nwosu of Nigeria": a person named with the country they speak for."""
    for cut in (len(tokens) - 2, len(tokens) - 3):
        if cut < 2 or tokens[cut].bare != "of" or not is_name_word(tokens[cut - 1]):
            continue
        place = tokens[cut + 1 :]
        country = country_of(" ".join(token.text for token in place))
        if not country or not _names_a_place(place):
            continue
        named = _parse_tail(text, tokens[:cut])
        if named is None or named.kind != "name":
            return None
        end = tokens[-1].end
        return replace(named, end=end, as_written=text[named.start : end], country=named.country or country)
    return None


def _own_title(role: str) -> str:
    """ "Asanbekov and Azerbaijani Foreign Minister" before "Rauf Guliyev": the title is the one
    after "and"; the words before it name someone else."""
    if " and " not in role:
        return role
    first, joined, rest = role.partition(" and ")
    if joined and not any(_is_title_word(t) or _is_role_noun(t) for t in tokenize(first)):
        return rest
    return role


def _joins_two_people(role: str) -> bool:
    """ "UK Prime Minister Rishi Sunak and Australian Prime Minister": a title, a name, "and"
    and another title is two people speaking together, not one person's title."""
    head, joined, tail = role.partition(" and ")
    if not joined:
        return False
    head_tokens = tokenize(head)
    # "Deputy Prime Minister and Foreign Minister Omar Khasawneh": with no name before "and",
    # both titles are one person's offices.
    if not head_tokens or _is_title_word(head_tokens[-1]):
        return False
    return any(_is_role_noun(t) for t in head_tokens) and any(_is_role_noun(t) for t in tokenize(tail))


# Legal forms that end a company's name ("Azerbaijan Railways CJSC", "Gazprom PJSC").
LEGAL_FORMS = frozenset({"cjsc", "ojsc", "pjsc", "jsc", "llc", "plc", "ltd", "inc", "ag", "gmbh", "sa"})


def _institution_tail(text: str, tokens: list[Token]) -> Subject | None:
    # "the Russian Embassy in Japan", "the Ministry of Defence of Ukraine": a place after the
    # institution belongs to its name.
    for cut in range(len(tokens) - 2, max(len(tokens) - 5, 0), -1):
        if (
            tokens[cut].bare in {"in", "to", "of", "at"}
            and all(t.text[:1].isupper() for t in tokens[cut + 1 :])
            and len(tokens) - cut - 1 <= 2
            and _names_a_place(tokens[cut + 1 :])
            and _strip_possessive(tokens[cut - 1].bare) in INSTITUTION_NOUNS
        ):
            found = _institution_tail(text, tokens[:cut])
            described = _descriptor_tail(text, tokens[:cut]) if found is None else None
            if described is not None and described.head in INSTITUTION_NOUNS and described.country:
                # "the Russian embassy in Tallinn": a described body, named with its place.
                end = tokens[-1].end
                name = f"{institution_name(described)} {text[tokens[cut].start : end]}"
                as_written = text[described.start : end]
                return Subject("institution", described.start, end, as_written, name, "", described.country)
            if found is not None:
                end = tokens[-1].end
                as_written = text[found.start : end]
                name = re.sub(r"^[Tt]he\s+", "", as_written)
                return Subject("institution", found.start, end, as_written, name, "", country_of(name))
    last = tokens[-1]
    if last.bare in LEGAL_FORMS and len(tokens) >= 2:
        # "Azerbaijan Railways CJSC": a company, named up to its legal form.
        start = len(tokens) - 1
        while start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].bare not in {"the"}:
            start -= 1
        if start < len(tokens) - 1 and _at_boundary(text, tokens[start].start):
            name = text[tokens[start].start : last.end]
            return Subject("institution", tokens[start].start, last.end, name, name, "", country_of(name))
    if (
        len(tokens) >= 2
        and tokens[-2].bare == "the"
        and last.text.isupper()
        and len(last.text) >= 2
        and last.bare not in OFFICE_INITIALS
        and _at_boundary(text, tokens[-2].start)
    ):
        # "the NDMA said", "the IAEA said": a body known by its initials.
        as_written = text[tokens[-2].start : last.end]
        country = country_of(last.text)
        return Subject("institution", tokens[-2].start, last.end, as_written, last.text, "", country)
    lowered_tail = " ".join(t.bare for t in tokens[-2:])
    phrase = next(
        (
            phrase
            for phrase in (*INSTITUTION_PHRASES, *ARMED_SERVICES)
            if lowered_tail == phrase or lowered_tail.endswith(" " + phrase)
        ),
        None,
    )
    is_phrase = phrase is not None
    if not is_phrase and not (
        last.text[:1].isupper()
        and (
            _strip_possessive(last.bare) in INSTITUTION_NOUNS | {"affairs", "defense", "defence", "relations"}
            or _names_a_body_by_its_field(tokens)
        )
    ):
        return None
    # A phrase's own words are the name's, written in lower case or not ("Ukraine's air force").
    start = len(tokens) - (len(phrase.split()) if phrase else 1)
    while start > 0:
        token = tokens[start - 1]
        if token.text in CLAUSE_BOUNDARY:
            break
        if (
            (token.text[:1].isupper() and token.bare not in ROLE_STOP_WORDS)
            or (
                token.bare in {"of", "for", "and", "on"}
                and start > 1
                and tokens[start - 2].text[:1].isupper()
            )
            # "Taiwan Affairs Office of the State Council"
            or (token.bare == "the" and start > 1 and tokens[start - 2].bare in {"of", "for", "on"})
        ):
            start -= 1
        else:
            break
    words = tokens[start:]
    if not any(_strip_possessive(t.bare) in INSTITUTION_NOUNS for t in words) and not is_phrase:
        return None
    if phrase in ARMED_SERVICES and len(words) == len(phrase.split()):
        # "the military said" names no body unless its country owns it ("South Korea's military").
        return None
    single_name = last.bare in {"kremlin", "pentagon"} or (last.text.isupper() and len(last.text) > 1)
    if len(words) == 1 and not single_name and not is_phrase:
        # "the Ministry" alone is a description to resolve, not a name.
        return _descriptor_tail(text, tokens)
    phrase_start = words[0].start
    as_written_start = (
        tokens[start - 1].start if start > 0 and tokens[start - 1].bare == "the" else phrase_start
    )
    if not _at_boundary(text, as_written_start):
        return None
    name = text[phrase_start : last.end]
    if is_phrase and len(words) <= 2:
        name = " ".join(w.capitalize() for w in name.split())
    return Subject(
        "institution",
        as_written_start,
        last.end,
        text[as_written_start : last.end],
        name,
        "",
        country_of(name),
    )


def _names_a_place(tokens: list[Token]) -> bool:
    """ "Japan", "Moscow", "Kuala Lumpur", "South Korea": a country or a city the archive knows."""
    if _strip_possessive(tokens[0].bare) in COUNTRIES | PLACES:
        return True
    words = _strip_possessive(" ".join(token.bare for token in tokens))
    return words in MULTIWORD_PLACES or words in MULTIWORD_COUNTRIES


def _names_a_body_by_its_field(tokens: list[Token]) -> bool:
    """ "the Ministry of Energy", "the Department of State", "the Ministry of Trade and Industry":
    a body named by the field it governs, capitalised words of a title that are no office."""
    index = len(tokens) - 1
    # Up to "Natural Resources and Environment", "Agriculture and Rural Development".
    while index > 0 and len(tokens) - index <= 6:
        token = tokens[index]
        bare = _strip_possessive(token.bare)
        if token.bare in {"of", "for"}:
            return (
                index < len(tokens) - 1
                and tokens[index - 1].text[:1].isupper()
                and (tokens[index - 1].bare in INSTITUTION_NOUNS)
            )
        is_field = token.text[:1].isupper() and (
            bare in GOVERNED_FIELDS or (bare in TITLE_WORDS and bare not in ROLE_NOUNS)
        )
        if bare != "and" and not is_field:
            return False
        index -= 1
    return False


def _descriptor_tail(text: str, tokens: list[Token]) -> Subject | None:
    """A speaker described by office: "the senior Russian diplomat", "the ministry",
    "Russia's foreign ministry spokeswoman"."""
    last = tokens[-1]
    head = _strip_possessive(last.bare)
    if len(tokens) >= 2 and tokens[-2].bare == "the" and head in ISSUED_BY_OWNER:
        # "The statement said ...": the statement of whoever was just quoted.
        first = tokens[-2]
        if _at_boundary(text, first.start):
            return Subject("descriptor", first.start, last.end, text[first.start : last.end], head=head)
        return None
    office = OFFICE_INITIALS.get(last.bare) if last.text.isupper() else None
    if office is not None and len(tokens) >= 2 and tokens[-2].bare == "the":
        # "the EAM said": the office the initials stand for, as a whole.
        first = tokens[-2]
        if not _at_boundary(text, first.start):
            return None
        return Subject(
            "descriptor", first.start, last.end, text[first.start : last.end], head=office, role=office
        )
    if head not in ROLE_NOUNS and head not in INSTITUTION_NOUNS and head.split("-")[0] not in ROLE_NOUNS:
        return _office_of_body(text, tokens)
    start = len(tokens) - 1
    while start > 0 and len(tokens) - start <= 6:
        token = tokens[start - 1]
        if token.bare == "the" or (token.bare in {"a", "an"} and head in SPECIFIC_OFFICES):
            start -= 1
            break
        if token.text in CLAUSE_BOUNDARY or token.bare in {
            "and",
            "but",
            "as",
            "that",
            "while",
            "said",
            "told",
            "a",
            "an",
        }:
            break
        start -= 1
    if start > 0 and tokens[start - 1].bare in {"a", "an", "one"} and tokens[start].bare not in {"a", "an"}:
        # "one Western diplomat said": someone the article does not name.
        start -= 1
    first = tokens[start]
    owner = _strip_possessive(first.bare)
    indefinite = first.bare in {"a", "an", "one"}
    owned_by = _country_opening([token.text for token in tokens[start:-1]])[1]
    if first.bare != "the" and not indefinite and owner not in DEMONYMS and not owned_by:
        return None
    if not _at_boundary(text, first.start):
        return None
    phrase = text[first.start : last.end]
    role = re.sub(r"^(?:[Tt]he|[Aa]n?|[Oo]ne)\s+", "", phrase)
    return Subject(
        "descriptor",
        first.start,
        last.end,
        phrase,
        head=head,
        role=role,
        country=country_of(phrase) or owned_by,
        indefinite=indefinite,
    )


def _office_of_body(text: str, tokens: list[Token]) -> Subject | None:
    """ "The head of the United Nations' nuclear watchdog": an office named by the body it heads,
    for a lead that gives the name later."""
    for index in range(len(tokens) - 2, max(len(tokens) - 10, 0), -1):
        if tokens[index].bare != "of" or tokens[index - 1].bare not in OFFICES_OF_A_BODY:
            continue
        first = tokens[index - 2] if index >= 2 else None
        if first is None or first.bare != "the" or not _at_boundary(text, first.start):
            return None
        if any(token.text in CLAUSE_BOUNDARY for token in tokens[index + 1 :]):
            return None
        last = tokens[-1]
        phrase = text[first.start : last.end]
        return Subject(
            "descriptor",
            first.start,
            last.end,
            phrase,
            head=tokens[index - 1].bare,
            role=re.sub(r"^[Tt]he\s+", "", phrase),
            country=country_of(phrase),
        )
    return None


_ANTECEDENT_WORDS = TITLE_WORDS | ROLE_NOUNS | {"the", "of"}


def _antecedent(text: str, tokens: list[Token]) -> Subject | None:
    """Who "who" or "which" stands for: the title, name or body that ends `tokens`, wherever it
    stands in its sentence ("remarks by Deputy Secretary General Henrik Aalto, who said ...")."""
    start = len(tokens)
    while start > 0 and (tokens[start - 1].text[:1].isupper() or tokens[start - 1].bare in _ANTECEDENT_WORDS):
        start -= 1
    while start < len(tokens) and tokens[start].bare == "of":
        start += 1
    if start == len(tokens):
        return None
    phrase_start = tokens[start].start
    subject = subject_phrase(text[phrase_start : tokens[-1].end])
    return subject.shifted(phrase_start) if subject is not None else None


def subject_phrase(text: str) -> Subject | None:
    """A subject that is the whole of `text` ("according to <the ministry>")."""
    stripped = text.strip().rstrip(".,;:")
    if not stripped:
        return None
    offset = text.index(stripped[0])
    subject = _parse_tail(stripped, _strip_modifiers(tokenize(stripped)))
    if subject is None or subject.start != 0:
        return None
    return subject.shifted(offset)


@dataclass
class Mention:
    name: str
    role: str
    country: str
    kind: SpeakerKind
    position: int

    @functools.cached_property
    def key_parts(self) -> list[str]:
        return name_key(self.name).split()


INITIALS_IN_BRACKETS = re.compile(r"\([A-Z]{2,8}\)")
SPELLED_OUT = re.compile(
    r"(?P<words>[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|the|for|and|on|in))*)\s+\((?P<initials>[A-Z]{2,8})\)"
)


@dataclass
class SpeakerDirectory:
    """The people and bodies an article names, plus those the archive already knows."""

    known: tuple[KnownSpeaker, ...] = ()
    mentions: list[Mention] = field(default_factory=list)
    # Initials the article spells out: "National Disaster Management Authority (NDMA)".
    spelled_out: dict[str, str] = field(default_factory=dict)
    # The parties a joint document of the article speaks for ("Azerbaijan and Kyrgyzstan").
    joint_parties: str = ""

    def __post_init__(self) -> None:
        self._known = _KnownIndex.of(self.known)

    def collect_mentions(self, paragraphs: list[tuple[int, str]]) -> None:
        """Register every titled or full name in the article, in reading order."""
        for offset, paragraph in paragraphs:
            if not self.joint_parties and " joint " in paragraph:
                joint = JOINT_DOCUMENT.search(paragraph)
                if joint is not None:
                    self.joint_parties = joint["parties"]
            if "(" in paragraph and INITIALS_IN_BRACKETS.search(paragraph):
                for spelled in SPELLED_OUT.finditer(paragraph):
                    initials = "".join(word[0] for word in spelled["words"].split() if word[0].isupper())
                    if initials == spelled["initials"]:
                        self.spelled_out.setdefault(initials, spelled["words"])
            tokens = tokenize(paragraph)
            index = len(tokens)
            found: list[Mention] = []
            while index > 0:
                name_start = _name_run(tokens, index)
                if name_start == index:
                    index -= 1
                    continue
                role_start = _role_run(tokens, name_start)
                name_tokens = tokens[name_start:index]
                role = _own_title(
                    paragraph[tokens[role_start].start : tokens[name_start].start].strip()
                    if role_start < name_start
                    else ""
                )
                has_title = any(
                    _strip_possessive(t.bare) in TITLE_WORDS | ROLE_NOUNS
                    for t in tokens[role_start:name_start]
                )
                if len(name_tokens) >= 2 or has_title:
                    name = _tidy_name(paragraph[name_tokens[0].start : name_tokens[-1].end])
                    found.append(
                        Mention(
                            name,
                            role if has_title else "",
                            country_of(role),
                            SpeakerKind.PERSON,
                            offset + name_tokens[0].start,
                        )
                    )
                index = role_start if role_start < name_start else name_start
            self.mentions.extend(reversed(found))

    def full_mention(self, name: str, before: int | None = None) -> Mention | None:
        """The fullest mention a (possibly surname-only) name refers to."""
        parts = name_key(name).split()
        if not parts:
            # A word in another script ("Подписаться") folds to nothing: no one's name.
            return None
        earlier = [m for m in self.mentions if before is None or m.position <= before]
        found = self._best_mention(parts, earlier)
        # A surname may come before the full name ("Zakharova ... Maria Zakharova").
        return found if found is not None or before is None else self._best_mention(parts, self.mentions)

    @staticmethod
    def _best_mention(parts: list[str], candidates: list[Mention]) -> Mention | None:
        """The fullest mention of the same person: the same name, or one the written name ends
        ("De la Cruz" for "Gilberto de la Cruz"); for a single word, a surname or, as Chinese
        and Korean names are written, a family name first."""
        keyed = [(m, m.key_parts) for m in candidates]
        matches = [(m, key) for m, key in keyed if key[-len(parts) :] == parts and len(key) >= len(parts)]
        if not matches and len(parts) == 1:
            matches = [(m, key) for m, key in keyed if len(key) > 1 and key[0] == parts[0]]
        # Names with no surname last: a Malay name's own words ("Ahmad Faizal" for "Ahmad Faizal
        # Rahman", who has no surname), the first of two Spanish surnames ("Cabrera" for
        # "Eduardo Cabrera Fuentes").
        if len(parts) > 1:
            matches += [(m, key) for m, key in keyed if len(key) > len(parts) and key[: len(parts)] == parts]
        elif not matches:
            matches = [(m, key) for m, key in keyed if len(key) > 2 and parts[0] in key[1:-1]]
        if not matches:
            return None
        # Longest name first, then one with a title, then the earliest.
        return min(matches, key=lambda item: (-len(item[1]), not item[0].role, item[0].position))[0]

    def known_speaker(self, name: str) -> KnownSpeaker | None:
        speaker = self._known.by_key.get(name_key(name))
        if speaker is not None:
            return speaker
        parts = name_key(name).split()
        if len(parts) == 1:
            matches = self._known.by_last_word.get(parts[0], {})
            if len(matches) == 1:
                return next(iter(matches.values()))
        return None

    def resolve_name(self, subject: Subject, position: int) -> tuple[SpeakerRef, str]:
        """A named subject as a SpeakerRef, with the role the article gives it."""
        kind = SpeakerKind.INSTITUTION if subject.kind == "institution" else SpeakerKind.PERSON
        name, role, country = subject.name, subject.role, subject.country
        if kind == SpeakerKind.PERSON:
            mention = self.full_mention(name, before=position)
            if mention is not None:
                if len(name_key(mention.name).split()) >= len(name_key(name).split()):
                    name = mention.name
                # "Mr. Guterres" is addressed, not titled: the office is the one given with his name.
                if role.lower().rstrip(".") in HONORIFICS and mention.role:
                    role = mention.role
                role = role or mention.role
                country = country or mention.country
        if kind == SpeakerKind.INSTITUTION and name.isupper() and name in self.spelled_out:
            # "the NDMA said" after "National Disaster Management Authority (NDMA)".
            name = self.spelled_out[name]
        name = _tidy_name(name)
        known = self.known_speaker(name)
        if known is not None:
            return SpeakerRef(known.name, known.kind, known.country or country, known.key), role
        return SpeakerRef(name, kind, country), role


class _KnownIndex:
    """The archive's speakers by name key, and by a key's last word (a surname written alone).

    Ingest hands every article the same tuple of known speakers, thousands of them in a large
    archive: the index is built once per tuple, not once per article.
    """

    _last: _KnownIndex | None = None

    def __init__(self, known: tuple[KnownSpeaker, ...]) -> None:
        # Held, so the tuple `of` compares by identity is never freed and its id never reused.
        self.known = known
        self.by_key: dict[str, KnownSpeaker] = {}
        for speaker in known:
            for name in (speaker.name, *speaker.aliases):
                self.by_key.setdefault(name_key(name), speaker)
        self.by_last_word: dict[str, dict[str, KnownSpeaker]] = {}
        for key, speaker in self.by_key.items():
            words = key.split()
            if words:
                self.by_last_word.setdefault(words[-1], {})[speaker.key] = speaker

    @classmethod
    def of(cls, known: tuple[KnownSpeaker, ...]) -> _KnownIndex:
        if cls._last is None or cls._last.known is not known:
            cls._last = cls(known)
        return cls._last


def _tidy_name(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    name = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+", "", name)
    # A sentence's full stop is not part of a name; an initial's is ("John F.").
    name = re.sub(r"(\w{2,})\.$", r"\1", name)
    return re.sub(r"\s+", " ", name)


def institution_name(subject: Subject) -> str:
    """A described body under a name of its own: "Qatar's foreign ministry" → "Qatari Foreign
    Ministry", "Seoul's foreign ministry" → "South Korean Foreign Ministry"."""
    words = subject.role.split()
    owner, _ = _country_opening(words)
    demonym = ""
    if owner:
        words = words[owner:]
        demonym = next((d.title() for d, c in DEMONYMS.items() if c == subject.country), "")
    return " ".join([demonym, *(w.capitalize() if w.islower() else w for w in words)]).strip()


def _country_opening(words: list[str]) -> tuple[int, str]:
    """How many of the first words name a country, by its name, its people or its capital as
    owner ("Seoul's foreign ministry"), and which country; (0, "") for none."""
    for size in (3, 2):
        phrase = _strip_possessive(" ".join(words[:size]).lower().rstrip("."))
        if len(words) >= size and (phrase in MULTIWORD_COUNTRIES or phrase in DEMONYMS):
            return size, _COUNTRY_WORDS[phrase]
    if not words:
        return 0, ""
    first = words[0].lower().rstrip(".")
    bare = _strip_possessive(first)
    if bare in COUNTRIES or bare in DEMONYMS:
        return 1, _COUNTRY_WORDS[bare]
    if bare in CAPITAL_CITIES and bare != first:
        return 1, CAPITAL_CITIES[bare]
    return 0, ""


def descriptor_matches(descriptor: Subject, role: str, speaker: SpeakerRef) -> bool:
    """Whether "the deputy foreign minister" / "the diplomat" / "the ministry" fits a speaker."""
    head = descriptor.head
    lowered_role = f"{role} {speaker.name}".lower()
    if head in INSTITUTION_NOUNS:
        if speaker.kind != SpeakerKind.INSTITUTION or head not in lowered_role:
            return False
        # "Japan's defense ministry" is not the South Korean Foreign Ministry quoted before it.
        if descriptor.country and speaker.country and descriptor.country != speaker.country:
            return False
        words = descriptor.role.lower().split()
        qualifiers = words[_country_opening(words)[0] :]
        return all(word in lowered_role for word in qualifiers if word not in ROLE_STOP_WORDS)
    if speaker.kind == SpeakerKind.INSTITUTION:
        return False
    # "The Chinese diplomat" after a meeting of two ministers is the one from China.
    country = speaker.country or country_of(role)
    if descriptor.country and country and country != descriptor.country:
        return False
    # "his Iranian counterpart" holds the office of the one he met: "the Iranian minister", and
    # "the minister" when he is the one just quoted. An office of its own (a spokesman) is not it.
    if "counterpart" in role.lower() and (descriptor.country or head not in SPECIFIC_OFFICES):
        return True
    if (head in {"leader", "chief"} and descriptor.country) or "head of state" in descriptor.role.lower():
        # "the Kremlin chief", "the Russian leader", "the head of state": who leads the country.
        return any(office in lowered_role for office in HEADS_OF_STATE) and not re.search(
            r"\b(?:deputy|vice|former|ex)\b", lowered_role
        )
    if head == "diplomat":
        if re.search(r"\btop\b", descriptor.role.lower()):
            # "the country's top diplomat" is its foreign minister, not any of its diplomats.
            return any(office in lowered_role for office in FOREIGN_MINISTERS) and not re.search(
                r"\b(?:deputy|vice|under|assistant)\b", lowered_role
            )
        if "spokes" in lowered_role and any(body in lowered_role for body in NON_DIPLOMATIC_BODIES):
            return False
        return any(marker in lowered_role for marker in DIPLOMATIC_ROLES)
    if head in {"official", "representative", "politician"}:
        return True
    return head in lowered_role
