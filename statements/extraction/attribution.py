"""Finding statements in paragraphs and deciding who made them.

Two kinds of statement are found:
- direct quotations, attributed by the speech clause in the same sentence ("...," the
  diplomat said), by the quotation they continue, or by the speaker quoted just before;
- reported speech, where a speech verb links a speaker to a clause: "X said (that) ...",
  "..., X said.", "As X noted, ...", "According to X, ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .dates import resolve_said_on
from .lexicon import (
    ADDRESSEE_VERBS,
    CONTENT_TAIL_MARKERS,
    COUNTRIES,
    FRAMING_OPENERS,
    INFINITIVE_ADDRESSEE_VERBS,
    INSTITUTION_NOUNS,
    MULTIWORD_COUNTRIES,
    ROLE_NOUNS,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from .records import PartialDate, SpeakerKind, SpeakerRef, StatementKind
from .speakers import (
    CONNECTORS,
    ISSUED_BY_OWNER,
    SPECIFIC_OFFICES,
    Mention,
    SpeakerDirectory,
    Subject,
    country_of,
    descriptor_matches,
    institution_name,
    is_role_phrase,
    subject_before,
    subject_phrase,
)
from .text import (
    DOUBLE_OPENERS,
    QuoteSpan,
    find_quotes,
    sentence_spans,
    strip_edge_punctuation,
    word_count,
)

MASK = "§"
# A quotation this long inside a sentence is a statement of its own; shorter ones
# ("articulated and clear-cut") are words the narrator borrows.
MIN_EMBEDDED_QUOTE_WORDS = 5
MIN_SENTENCE_QUOTE_WORDS = 3
MIN_REPORTED_WORDS = 3


def _by_first_letter(alternatives: list[str]) -> str:
    """The alternation of `alternatives` (plain words and phrases), tried in the same order, with
    those that share a first letter under one branch: `re` tries every branch at every word, and a
    branch whose first letter differs is passed over at once.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(re.escape(alternative[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


SPEECH = re.compile(
    r"(?<![\w’'\-])(?:"
    + _by_first_letter(
        [
            *sorted(SPEECH_PHRASES, key=len, reverse=True),
            *sorted(SPEECH_VERBS, key=len, reverse=True),
        ]
    )
    # "was quoted by RIA Novosti as saying", "was cited in a statement as saying": who reported
    # the words stands inside the phrase.
    + r"|(?:was|were|is|are|has been|had been) (?:quoted|cited) (?:by|in) [^,.;:§!?\"“”«»]{1,60}? as saying"
    + r")(?![\w’'\-])"
)
FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|you|You|your|Your|I'm|I’m|we're|we’re)\b")
# The words between a speech verb and "that": where, when, to whom. A full stop may only
# belong to an abbreviation ("on Sept. 2 that").
THAT_CLAUSE = re.compile(
    r"^(?P<gap>(?:[^,.;:§!?\"“”]|\.(?!\s+[A-Z])){0,160}?)"
    r"(?:,\s*(?:however|in particular|in turn|nevertheless|though|therefore|also|moreover|above all"
    r"|in (?:his|her|its|their) words|in (?:his|her|its|their) view|for (?:his|her|its|their) part),\s*)?"
    r"(?<![\w])that(?![\w])\s*,?\s*"
)
# "told reporters on Monday the department had ...": an addressee, a time, then the clause.
TOLD_CLAUSE = re.compile(
    r"^\s*(?:[\w.’']+\s+){1,4}?(?:(?:on|this|last)\s+\w+day\s+|yesterday\s+|today\s+)?"
    r"(?=(?:the|a|an|it|there|he|she|they|we|its|his|her|their|[A-Z][\w’'-]+)\s)"
)
# A quotation introduced as a name ("a conference titled «...»") is not a statement.
NAMING_WORDS = re.compile(
    r"\b(?:titled|entitled|themed|called|named|dubbed|headlined|slogan|motto|theme|title|conference|forum"
    r"|summit|seminar|symposium|exhibition|festival|programme|program|project|initiative|report|book"
    r"|article|document|declaration|strategy|concept|doctrine|plan|treaty|agreement|operation|exercises?"
    r"|drills?|campaign|film|newspaper|magazine|session|dialogue|roundtable|round table)\s*[:,]?\s*$",
    re.IGNORECASE,
)
AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did|"
    r"cannot|won’t|won't|isn’t|isn't|aren’t|aren't|wasn’t|wasn't)\b"
)
CIRCUMSTANCE = re.compile(
    r"(?:(?:In|On|At|During|Via|Through|From)\s+(?:a|an|his|her|its|their|the)\s"
    r"|(?:Speaking|Addressing|Responding|Commenting|Referring|Talking|Answering|Asked|Writing|Posting)\s)"
    r"[^,§]{0,80}$"
)
SAID_WHEN = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?=\s+(?!(?:is|was|will|would)\b)[a-z])"
)
# "This was stated by Hikmet Hajiyev during a briefing.": who said what the sentence before says.
STATED_BY = re.compile(
    r"^(?:This|That|It|These words|The statement)\s+(?:was|were)\s+"
    r"(?:stated|said|noted|announced|declared|emphasi[sz]ed|stressed|underlined|voiced)\s+by\s+"
    r"(?P<who>[^.;:§!?]{3,240}?)"
    r"(?:,?\s+(?:during|at|in|on|while|when|after|speaking|addressing)\b[^§]*)?[.!]?\s*$"
)
# "..., Trend reports." / "..., TASS reported.": the outlet, not the speaker.
REPORTS_TAIL = re.compile(r",\s*[A-Z][\w.\- ]{1,30}\s+(?:reports|reported)\.?$")
QUANTITY = re.compile(r"(?:at (?:least|most)|up to|more than|over|nearly|almost|about)\s+\d")
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which)\b[^,]*,")
SECOND_SPEAKER = re.compile(r",\s*(?:while|whereas|but|and)\s+")
# "..., according to Karaoglu, who said Ankara was ...": the source goes on in words of its own.
SECOND_SPEAKER_OR_SOURCE = re.compile(
    r",\s*(?:(?:while|whereas|but|and)\s+|according to\s+(?=[^,]{2,120},\s*(?:who|which)\s))"
)
TAIL = re.compile(r",\s*(?:" + "|".join(re.escape(m) for m in CONTENT_TAIL_MARKERS) + r")\b")
ACCORDING_FIRST = re.compile(r"^\s*(?:[A-Z][a-z]+,\s+)?[Aa]ccording to (?P<who>[^,]{2,120}),\s*")
IN_SOMEONES_VIEW = re.compile(
    r"^\s*(?:[Ii]n|[Aa]ccording to) (?P<who>[^,§]{2,80}?)[’']s? "
    r"(?:words|view|opinion|assessment|estimation),\s*"
)
IN_HIS_WORDS = re.compile(
    r"^\s*(?:[Aa]ccording to|[Ii]n the words of|[Ii]n) (?P<pronoun>him|her|his)"
    r"(?: words| view| opinion| assessment)?,\s*"
)
# "According to the central bank / the statistics bureau" cites data, not a statement.
DATA_SOURCE = re.compile(
    r"\b(?:bank|bureau|statistic\w*|data|survey|poll|census|report|study|estimate\w*|figures|index)\b",
    re.IGNORECASE,
)
ACCORDING_LAST = re.compile(r",\s*according to (?P<who>[^,.;]{2,120})(?:,\s*who\b[^.;]*)?[.!?]?\s*$")
QUESTION_ASKED = re.compile(r"^\W*(?:[\w’'\-]+\s+){0,6}?(?:asked|wondered|queried)\b")
QUESTION_INTRO = re.compile(r"^\W*(?:when\s+)?asked\b", re.IGNORECASE)
SAYING = re.compile(r",\s*saying(?:\s+that)?\s+")
# "..., said the country's foreign minister, Ahmed Hassan." / "..., Ahmed Hassan, told reporters".
NAME_AFTER_ROLE = re.compile(r",\s*(?P<name>[A-Z][^,.;:§!?]{2,60}?)\s*(?=[,.;:!?]|$)")
# "..., said Irina Sokolova, the ministry's deputy spokeswoman" / "..., Pakistan's envoy to the UN".
ROLE_AFTER_NAME = re.compile(
    r",\s*(?:(?:the|an?)\s+(?P<role>[^,.;:§!?]{2,80}?)|(?P<owned_role>[A-Z][\w.\-]*['’]s\s+[^,.;:§!?]{2,70}?))"
    r"\s*(?=[,.;:!?]|$)"
)
SUBJECT_THEN_QUOTATION = re.compile(rf"^(?:[\w’'\-]+\s+){{1,5}}{MASK}+[\s.,;!?]*$")
SECOND_PREDICATE = re.compile(r"[\s,](?:and|but)(?:\s+(?:also|then|later|still))?$")
# "X condemned the move, saying (that) ...", "X called on ..., stressing that ...": a participle
# of a speech verb gives the clause after a predicate that is not one.
# "..., writing on X that ...": where it was said may stand between the participle and "that".
# Not "adding that": what is added to an act is no statement of its own, as with one to words.
SPEECH_PARTICIPLE = re.compile(
    r",\s*(?:saying(?:\s+that)?|(?:stressing|noting|insisting|arguing|warning|emphasi[sz]ing"
    r"|underlining|explaining|asserting|affirming|reiterating|writing)"
    r"(?:\s+(?:on|in)\s+[^,.;:§!?]{1,40}?)?\s+that)\s+"
)
# "Guo Wenhai: China firmly opposes ...": a turn of a transcript, opened by its speaker's name.
TURN_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,60}?):\s+(?=\S)")
MIN_TURN_NAME_WORDS = 2
# "The UAE has strongly condemned ...": a country opening a sentence with its own act, which a
# speech participle then words (", saying ..."). A country's name alone before "said" stays no
# speaker: "China said" reports a position, not whose words they were.
COUNTRY_OPENING = re.compile(
    r"^(?:[Tt]he\s+)?(?P<country>(?=[A-Z])(?i:"
    + "|".join(re.escape(name) for name in sorted({*COUNTRIES, *MULTIWORD_COUNTRIES}, key=len, reverse=True))
    + r"))\s+(?:has\s+|have\s+)?(?:[a-z]+ly\s+)?[a-z]{3,}ed\b"
)
INTERVIEW_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*[:.\-–—]\s")
INTERVIEW_ANSWER = re.compile(r"^\s*(?:A|Answer)\s*[:.\-–—]\s")
# An item of a list: "- LNG shipments grew by 14%;", "• a new service will be launched."
LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+")
# An interview written as dialogue: "— How do you see ...?" and then "— «We see ...»".
LEADING_SPACE = re.compile(r"\s*")
DIALOGUE_DASH = re.compile(r"^\s*(?:—|–|-(?=\s))\s*")
DISCOURSE_OPENER = re.compile(
    r"^(?:additionally|however|meanwhile|moreover|furthermore|also|still|at the same time|in addition|"
    r"besides|nevertheless|therefore|thus|in particular|in this regard|in this context|notably),\s+",
    re.IGNORECASE,
)
# Words that open the part of a sentence after "X said" that is about the saying, not the said.
ATTRIBUTION_TAIL_WORDS = frozenset(
    """
    in at on during while when after before to with as from via about for by this last earlier later
    yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday adding noting
    according citing speaking referring commenting answering responding addressing quoted late early
    here there following ahead upon
    """.split()
)
GAP_ADVERBS = frozenset(
    "also once again repeatedly earlier further firmly explicitly specifically clearly publicly "
    "openly strongly categorically previously recently then later separately".split()
)
CLAUSE_START_WORDS = frozenset(
    """
        it there he she they we this these those its his her their both all no any some such one the
        a an russia china moscow beijing washington
        """.split()
)
FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did|"
    r"cannot|won’t|won't|isn’t|isn't|aren’t|aren't|remains|continues|\w{3,}ed|\w{3,}s|"
    # Irregular past tenses that are not also common nouns ("said he saw no contradiction").
    r"saw|went|made|took|gave|knew|felt|found|came|became|kept|held|meant|sought|stood|won|lost|"
    r"brought|built|began|grew|rose|fell|drew|wrote|spoke|chose|broke|fought|paid|sold|bought|"
    r"understood|forgot|met|got)\b"
)
# "said he ...": a personal pronoun then a lower-case word opens a clause, whatever its verb.
PRONOUN_THEN_PREDICATE = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+[a-z]")
# Speech verbs that as often take a thing as a clause ("announced the sale", "confirmed the visit").
OBJECT_TAKING_VERBS = frozenset({"announced", "announces", "confirmed", "declared", "recalled", "predicted"})
CLAUSE_VERBS = frozenset(
    """
        said says stated states added adds believes believed thinks thought warned warns insisted
        argued claimed claims noted stressed emphasized emphasised explained announced declared
        confirmed predicted recalled suggested maintained reiterated assured
        """.split()
)


@dataclass
class Candidate:
    """A statement found in the text, before its speaker is resolved."""

    kind: StatementKind
    text: str
    paragraph_index: int
    start: int
    end: int
    subject: Subject | None
    subject_position: int
    attribution_text: str
    continues_into: Candidate | None = None
    sentence_has_quote_start: bool = False
    # An answer in a question-and-answer interview: the interviewee's own words.
    interview_answer: bool = False
    # Not a statement: a sentence about someone ("The minister also touched upon ...") that
    # makes them the one a following "he" or "in his words" refers to.
    focus_only: bool = False


@dataclass
class Attributed:
    candidate: Candidate
    speaker: SpeakerRef
    name_as_written: str
    role: str
    said_on: PartialDate | None


@dataclass
class _ArticleState:
    directory: SpeakerDirectory
    history: list[tuple[SpeakerRef, int]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    dates: dict[str, PartialDate] = field(default_factory=dict)
    speakers: dict[str, SpeakerRef] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    quoted: set[str] = field(default_factory=set)
    # The person the last sentence was about ("X also addressed the ceremony."), and the
    # paragraph it stands in; the paragraph being attributed now.
    focus: tuple[SpeakerRef, int] | None = None
    paragraph: int = 0

    def canonical(self, speaker: SpeakerRef) -> SpeakerRef:
        """One SpeakerRef per speaker in an article, keeping the fullest details seen."""
        seen = self.speakers.get(speaker.name)
        if seen is None or (not seen.country and speaker.country):
            self.speakers[speaker.name] = speaker if seen is None else replace(seen, country=speaker.country)
        return self.speakers[speaker.name]


def _mask(text: str, spans: list[QuoteSpan], offset: int = 0) -> str:
    chars = list(text)
    for span in spans:
        low = max(span.mark_start - offset, 0)
        high = min(span.mark_end - offset, len(text))
        for index in range(low, high):
            chars[index] = MASK
    return "".join(chars)


def _is_framing(prefix: str) -> bool:
    lowered = prefix.strip().lower()
    return lowered.startswith(FRAMING_OPENERS) and "," not in lowered


def _is_circumstance(clause: str) -> bool:
    """Where or how words were said, with no clause of what ("In a post on X, the minister said",
    "Speaking to reporters, he said"): not what was said."""
    return bool(CIRCUMSTANCE.match(clause.strip())) and not AUXILIARY.search(clause)


def _accept_quotes(paragraphs: list[str], use_single_marks: bool) -> list[list[QuoteSpan]]:
    """Pair marks within paragraphs and decide which unmatched marks are real quotations."""
    accepted: list[list[QuoteSpan]] = []
    previous_open = False
    for text in paragraphs:
        spans = []
        for span in find_quotes(text, use_single_marks):
            if not span.opened:
                prefix = text[: span.end]
                # A closing mark with no opening: a quotation running on from the paragraph
                # before, or one whose opening mark was lost. Without either sign it is noise.
                if not (previous_open or (FIRST_OR_SECOND_PERSON.search(prefix) and not _is_framing(prefix))):
                    continue
            spans.append(span)
        accepted.append(spans)
        previous_open = bool(spans) and not spans[-1].closed
    return accepted


def _statement_quotes(text: str, spans: list[QuoteSpan], sentence: tuple[int, int]) -> list[QuoteSpan]:
    low, high = sentence
    inside = [
        span
        for span in spans
        if low <= span.mark_start < high or (span.start == 0 and low == 0 and not span.opened)
    ]
    chosen = []
    for span in inside:
        quote_words = word_count(text[span.start : span.end])
        prefix = text[low : span.mark_start]
        starts_sentence = not prefix.strip()
        if _is_framing(_mask(prefix, spans, low)) or NAMING_WORDS.search(prefix):
            continue
        if _looks_like_a_title(text[span.start : span.end]) and not starts_sentence:
            continue
        # "the minister said: "..."": a speech verb and a colon open a whole quotation, however short.
        introduced = prefix.rstrip().endswith(":") and bool(_speech_verbs(prefix))
        if quote_words >= MIN_EMBEDDED_QUOTE_WORDS or (
            (starts_sentence or introduced) and quote_words >= MIN_SENTENCE_QUOTE_WORDS
        ):
            chosen.append(span)
    return chosen


def _looks_like_a_title(quoted: str) -> bool:
    """Quoted words in Title Case ("Connectivity in the Caspian Region: New Horizons") name
    an event or a document; people do not speak in Title Case."""
    long_words = [word for word in re.findall(r"[^\W\d_][\w’'\-]*", quoted) if len(word) > 3]
    if len(long_words) < 3 or quoted.rstrip().endswith(("!", "?")):
        return False
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return capitalised / len(long_words) >= 0.75


def _speech_verbs(masked: str) -> list[re.Match]:
    return list(SPEECH.finditer(masked))


def _subject_after(masked: str, position: int) -> Subject | None:
    """Inverted attribution: '..., said Ryabkov.' / '..., said the official.'"""
    segment = re.split(r"[,.;:§!?]", masked[position:], maxsplit=1)[0]
    words = list(re.finditer(r"\S+", segment))[:12]
    for count in range(len(words), 0, -1):
        cut = position + words[count - 1].end()
        subject = subject_phrase(masked[position:cut])
        if subject is not None:
            subject = subject.shifted(position)
            appositive = ROLE_AFTER_NAME.match(masked, cut) if subject.kind == "name" else None
            role = appositive and (appositive["role"] or appositive["owned_role"])
            if role and not subject.role and is_role_phrase(role):
                # '..., said Irina Sokolova, the ministry's deputy spokeswoman, at a briefing.'
                subject = replace(subject, role=role, country=country_of(role))
            if subject.kind == "descriptor" and not subject.indefinite:
                named = _named_in_apposition(masked, subject.start, position + len(segment))
                if named is not None:
                    return named
            return subject
    return None


def _named_in_apposition(masked: str, office_start: int, office_end: int) -> Subject | None:
    """'..., said the head of the delegation, Vladimir Medinsky.': an office, then the full name
    of who holds it; the office is that person's role as the article writes it."""
    apposition = NAME_AFTER_ROLE.match(masked, office_end)
    if apposition is None:
        return None
    named = subject_phrase(apposition["name"])
    if named is None or named.kind != "name" or named.role or word_count(named.name) < 2:
        return None
    role = re.sub(r"^[Tt]he\s+", "", masked[office_start:office_end].strip())
    start = apposition.start("name") + named.start
    return replace(named, start=start, end=start + len(named.as_written), role=role, country=country_of(role))


def _is_question_asked(sentence: str, quotes: list[tuple[int, int]]) -> bool:
    """'"Why ...?" the minister asked.' A question put is not a statement made."""
    last_start, last_end = quotes[-1]
    quoted = sentence[last_start:last_end].rstrip("\"”’»' ")
    return quoted.endswith("?") and bool(QUESTION_ASKED.match(sentence[last_end:]))


def _quote_attribution(masked: str, quotes: list[tuple[int, int]]) -> tuple[Subject | None, str]:
    verbs = _speech_verbs(masked)

    def distance(match: re.Match) -> int:
        return min(min(abs(match.start() - end), abs(start - match.end())) for start, end in quotes)

    for verb in sorted(verbs, key=distance):
        subject = _speaker_before_verb(masked, verb)
        if subject is None:
            subject = _subject_after(masked, verb.end())
        if subject is not None:
            return subject, masked
    according = _according_to(masked)
    if according is not None:
        return according[2], masked
    in_words = IN_HIS_WORDS.match(masked)
    if in_words:
        pronoun = in_words["pronoun"]
        return Subject(
            "pronoun", in_words.start("pronoun"), in_words.end("pronoun"), pronoun, head=pronoun
        ), masked
    return None, masked


def _is_attribution_gap(gap: str, verb: str) -> bool:
    """Whether the words between a speech verb and "that" only say where, when or to whom
    ("said at a briefing on Monday that"), rather than being the content itself ("said the
    talks had lasted two years and that ...")."""
    words = gap.split()
    if not words:
        return True
    if len(words) > 16 or AUXILIARY.search(gap):
        return False
    first = words[0].lower()
    if verb in INFINITIVE_ADDRESSEE_VERBS and "to" in (word.lower() for word in words):
        return False
    return first in ATTRIBUTION_TAIL_WORDS or first in GAP_ADVERBS or verb in ADDRESSEE_VERBS


def _content_after_verb(masked: str, verb: re.Match) -> int | None:
    after = masked[verb.end() :]
    that = THAT_CLAUSE.match(after)
    if that and _is_attribution_gap(that["gap"], verb.group(0)):
        return verb.end() + that.end()
    if verb.group(0) in ADDRESSEE_VERBS:
        # "told reporters the talks would ...", but never "urged the West the ...".
        told = TOLD_CLAUSE.match(after) if verb.group(0) not in INFINITIVE_ADDRESSEE_VERBS else None
        rest = after[told.end() :] if told else ""
        if told and AUXILIARY.search(" ".join(rest.split()[:8])):
            return verb.end() + told.end()
        return None
    # "was quoted as saying the talks ...": a report of words takes their clause bare.
    if verb.group(0) not in CLAUSE_VERBS and not verb.group(0).endswith(" as saying"):
        return None
    # "said (on) Wednesday it had ...": when it was said, then the clause.
    when = SAID_WHEN.match(after)
    skipped = when.end() if when is not None else 0
    after = after[skipped:]
    stripped = after.lstrip()
    if not stripped or not stripped[0].isalpha():
        return None
    first_word = re.match(r"[\w’'\-]+", stripped).group(0)
    opens_clause = first_word[0].isupper() or first_word.lower() in CLAUSE_START_WORDS
    # "said regional countries should ...": a bare noun phrase needs an auxiliary soon after, and
    # before anyone else's speech verb ("stressed the importance of ..., while X noted that ... was").
    following = SPEECH.search(stripped)
    own_words = stripped[: following.start()] if following else stripped
    if not opens_clause and not AUXILIARY.search(" ".join(own_words.split()[:16])):
        return None
    # "said at least 27 people were killed": a number, not where it was said.
    if not QUANTITY.match(stripped) and first_word.lower() in {
        "in",
        "at",
        "on",
        "during",
        "while",
        "when",
        "after",
        "before",
        "to",
        "with",
        "as",
        "from",
        "via",
        "about",
        "for",
        "by",
        "this",
        "last",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }:
        return None
    # "said the Arab world "cannot afford ..."": the quotation that ends the sentence carries
    # the clause's verb.
    subject_then_quotation = SUBJECT_THEN_QUOTATION.match(stripped) is not None
    if (
        not FINITE_VERB.search(" ".join(stripped.split()[:20]))
        and not subject_then_quotation
        and not PRONOUN_THEN_PREDICATE.match(stripped)
    ):
        return None
    if (
        verb.group(0) in OBJECT_TAKING_VERBS
        and not AUXILIARY.search(" ".join(own_words.split()[:16]))
        and not PRONOUN_THEN_PREDICATE.match(stripped)
        and not subject_then_quotation
    ):
        # "announced on Monday the possible sale of air defense systems": a thing announced,
        # whose plural nouns read like verbs, not a clause.
        return None
    return verb.end() + skipped + (len(after) - len(stripped))


def _content_end(masked: str, start: int) -> int:
    tail = TAIL.search(masked, start)
    end = tail.start() if tail else len(masked)
    # "..., while Campbell noted that ...": someone else's words end these.
    for joint in SECOND_SPEAKER.finditer(masked, start, end):
        verb = SPEECH.search(masked, joint.end(), min(end, joint.end() + 80))
        if verb and subject_phrase(masked[joint.end() : verb.start()]) is not None:
            return joint.start()
    return end


def _clean_content(text: str) -> str:
    text = strip_edge_punctuation(text)
    text = DISCOURSE_OPENER.sub("", text)
    text = re.sub(r",([\"”’»])$", r"\1", text)
    text = text.rstrip(".").rstrip()
    return text


def _sentence_subject(masked: str) -> Subject | None:
    """The person or body a sentence is about, when it opens with them and a verb."""
    return _opening_subject(masked, within_words=6, pronouns=False)


# A participle ("Winding up ...", "Asked about ...") is followed by its object or a preposition,
# never by a verb ("Beijing has ...").
PARTICIPLE_OPENING = re.compile(
    r"[A-Z][a-z]+(?:ing|ed)\s(?!(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|"
    r"might|does|did|said|says|also)\b)[a-z][^,§]{0,80},\s*"
)
AS_SOMEONE_SAID = re.compile(
    r"\s*As\s+(?P<who>[^,§]{2,100}?)\s+(?:said|noted|stressed|stated|emphasi[sz]ed|underlined|pointed out"
    r"|put it|has said|had said|once said)\b[^,§]{0,60},\s*"
)
QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>[^,;:§]{2,80}?)\s+as\s+saying(?:\s+that)?\s+")
DENIAL_STEMS = ("denie", "reject", "dismiss", "refut")
DENIAL = re.compile(
    r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
    r"(?:(?:the|media|press|western|recent|these|such|some|all|any)\s+)*"
    r"(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|speculation|accusations?)\s+that\b"
)
# What someone called a thing, with the thing between the verb and the quotation.
CHARACTERISED = re.compile(
    r"\b(?:called|calls|calling|described|describes|describing|branded|brands|branding|labell?ed"
    r"|termed|terms|dismissed|dismisses|dismissing)\s+[^,;:§]{1,60}?\s+(?:as\s+)?$"
)
NAME_AHEAD = re.compile(
    r"(?:\s+(?:the|of|for|to|on|at|in|and|[A-Z][\w’'\-]*)){0,6}?\s+[A-Z][a-z][\w’'\-]*\s+[A-Z][a-z][\w’'\-]*\s+[a-z]"
)
NAME_IN_APPOSITION_AHEAD = re.compile(r"[^,.;:§]{0,60},\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+\s*,")
LOWER_CASE_WORD = re.compile(r"(?<![\w’'\-])[a-z][\w’'\-]*")


def _opening_subject(
    masked: str, *, within_words: int, finite_verbs_only: bool = False, pronouns: bool = True
) -> Subject | None:
    """The subject a sentence opens with, after an opening phrase set off by a comma if there is
    one, found before one of its first `within_words` lower-case words."""
    # "Winding up his statement, the ambassador called ...": a participle's phrase opens it.
    participle = PARTICIPLE_OPENING.match(masked)
    opening_end = participle.end() if participle else 0
    if not opening_end and masked.lower().startswith(FRAMING_OPENERS) and "," in masked:
        # "As for the remarks by several lawmakers about ..., the diplomat called them ...".
        opening_end = masked.index(",") + 1
    for word in list(LOWER_CASE_WORD.finditer(masked, opening_end))[:within_words]:
        if finite_verbs_only and not FINITE_VERB.fullmatch(word.group(0)):
            continue
        if word.group(0) in ROLE_NOUNS or word.group(0) in TITLE_WORDS:
            # "the deputy minister was ...": the subject runs on to the whole office.
            continue
        subject = subject_before(masked, word.start())
        if subject is None or (subject.kind == "pronoun" and not pronouns) or subject.start < opening_end:
            continue
        if (subject.kind == "descriptor" or word.group(0) in CONNECTORS) and NAME_IN_APPOSITION_AHEAD.match(
            masked, subject.end
        ):
            # "The Deputy Minister of Commerce and Industry, Abdul Haqyar, said", "The leader of
            # the opposition bloc, Vasile Moraru, called ...": the office runs on, and is his.
            continue
        if (
            subject.kind == "descriptor"
            and word.group(0) in CONNECTORS
            and NAME_AHEAD.match(masked, word.end())
        ):
            # "South Korean Ambassador to the UN Lee Dong-hwan was ...": the office runs on to a name.
            continue
        opening = masked[: subject.start].strip()
        if not opening or opening.endswith(","):
            return replace(subject, from_predicate=True)
    return None


def _is_attribution_tail(after: str, verb: str) -> bool:
    """Whether what follows a speech verb only says where, when or how it was said, so the
    content must be the clause before the subject ("..., X said on Friday in Beijing.")."""
    rest = after.strip()
    if rest.startswith(":"):
        # "..., the minister said: "...": a colon opens what was said.
        return False
    if not rest or rest[0] in ".!?,;—–-" or rest.startswith(MASK):
        return True
    first = re.match(r"[\w’'\-]+", rest)
    if first is None:
        return False
    word = first.group(0).lower()
    if word in ATTRIBUTION_TAIL_WORDS:
        return True
    # "..., X told reporters." / "..., X told TASS on Monday."
    if verb in ADDRESSEE_VERBS:
        addressee = re.split(r"[,.;:!?]", rest, maxsplit=1)[0]
        return word_count(addressee) <= 8 and not THAT_CLAUSE.match(rest)
    return False


def _according_to(masked: str) -> tuple[int, int, Subject, str] | None:
    first = ACCORDING_FIRST.match(masked)
    if first and not DATA_SOURCE.search(first["who"]):
        subject = subject_phrase(first["who"])
        if subject is not None:
            subject = subject.shifted(first.start("who"))
            return first.end(), _content_end(masked, first.end()), subject, masked[: first.end()]
    last = ACCORDING_LAST.search(masked)
    if last and not DATA_SOURCE.search(last["who"]):
        subject = subject_phrase(last["who"])
        if subject is not None:
            return 0, last.start(), subject.shifted(last.start("who")), masked[last.start() :]
    return None


def _reported(masked: str) -> tuple[int, int, Subject, str] | None:
    """(content start, content end, subject, attribution text) for reported speech."""
    according = _according_to(masked)
    if according is not None:
        start, end, _, _ = according
        if start == 0:
            # "X said ..., according to the ministry": the ministry reports what X said.
            own = _reported(masked[:end])
            if own is not None:
                return own
        return according
    in_words = IN_HIS_WORDS.match(masked)
    if in_words:
        pronoun = in_words["pronoun"]
        subject = Subject(
            "pronoun", in_words.start("pronoun"), in_words.end("pronoun"), pronoun, head=pronoun
        )
        return in_words.end(), _content_end(masked, in_words.end()), subject, masked[: in_words.end()]
    in_view = IN_SOMEONES_VIEW.match(masked)
    if in_view:
        # "In the Uzbek leader's view, the railway would ...".
        subject = subject_phrase(in_view["who"])
        if subject is not None:
            subject = subject.shifted(in_view.start("who"))
            return in_view.end(), _content_end(masked, in_view.end()), subject, masked[: in_view.end()]

    as_said = AS_SOMEONE_SAID.match(masked)
    if as_said is not None:
        # "As Foreign Minister X said on Tuesday, the council cannot ..., Y recalled.": X's words,
        # which Y recalls.
        original = subject_phrase(as_said["who"])
        if original is not None and original.kind in {"name", "institution"}:
            rest = masked[as_said.end() :]
            recalled = _reported(rest)
            end = recalled[1] if recalled is not None and recalled[0] == 0 else _content_end(rest, 0)
            return (
                as_said.end(),
                as_said.end() + end,
                original.shifted(as_said.start("who")),
                masked[: as_said.end()],
            )
    relayed = QUOTED_AS_SAYING.search(masked) if "quoted" in masked else None
    if relayed is not None:
        # "Vereshchagin quoted the minister as saying that ...": the minister's words.
        subject = _relayed_speaker(relayed)
        if subject is not None:
            return relayed.end(), _content_end(masked, relayed.end()), subject, masked[: relayed.end()]
    denial = DENIAL.search(masked) if any(stem in masked for stem in DENIAL_STEMS) else None
    if denial is not None:
        subject = _speaker_before_verb(masked, denial)
        if subject is not None:
            # "The embassy denied media reports that Moscow was preparing to ...": what was
            # denied is no claim of the one denying it, so the denial is the statement.
            return denial.start(), _content_end(masked, denial.end()), subject, masked[: denial.start()]
    for verb in _speech_verbs(masked):
        before_verb = masked[: verb.start()].rstrip()
        subject = _speaker_before_verb(masked, verb)
        if subject is None:
            # Inverted: "..., said Foreign Minister X."
            if before_verb.endswith(",") and word_count(before_verb) >= MIN_REPORTED_WORDS:
                inverted = _subject_after(masked, verb.end())
                if inverted is not None and _is_attribution_tail(masked[inverted.end :], verb.group(0)):
                    return 0, len(before_verb) - 1, inverted, masked[verb.start() :]
            continue
        content_start = _content_after_verb(masked, verb)
        if content_start is not None:
            return content_start, _content_end(masked, content_start), subject, masked[:content_start]
        saying = SAYING.search(masked, verb.end())
        if saying:
            # "X called on the West to ..., saying (that) ...".
            return saying.end(), _content_end(masked, saying.end()), subject, masked[: saying.end()]
        before = masked[: subject.start].rstrip()
        after = masked[verb.end() :]
        if (
            before.endswith((",", MASK))
            and _is_attribution_tail(after, verb.group(0))
            and not _is_framing(masked[: subject.start])
            and not _is_circumstance(before.rstrip(","))
            and not QUESTION_INTRO.match(masked)
        ):
            # "..., X said." — the content comes first.
            end = len(before) - 1 if before.endswith(",") else len(before)
            rest = re.match(r"\s*,\s*(?=[a-z])", after)
            if rest is not None and not FINITE_VERB.search(masked[:end]):
                # "The commitment, he added, has now been joined by 35 states": the words around
                # the speaker are one clause, and the statement is the whole of it.
                resumes = verb.end() + rest.end()
                return 0, _content_end(masked, resumes), subject, masked[subject.start : resumes]
            return 0, end, subject, masked[subject.start :]
        if re.search(r"(?:^|\s)[Aa]s$", before) and after.lstrip().startswith(","):
            start = verb.end() + after.index(",") + 1
            return start, _content_end(masked, start), subject, masked[:start]
        participle = SPEECH_PARTICIPLE.search(masked, verb.end())
        if participle:
            # "X called on the council to act, stressing that ...".
            return (
                participle.end(),
                _content_end(masked, participle.end()),
                subject,
                masked[: participle.end()],
            )
    participle = SPEECH_PARTICIPLE.search(masked)
    if participle:
        before = masked[: participle.start()]
        # "India trained ..., the report said, adding that": the participle is the report's.
        subject = _subject_of_predicate(before) or (
            None if _speech_verbs(before) else _country_opening(masked)
        )
        if subject is not None:
            start = participle.end()
            return start, _content_end(masked, start), subject, masked[:start]
    return None


def _relayed_speaker(relayed: re.Match) -> Subject | None:
    """Whom "X quoted <them> as saying" names: a person or body by name. A description ("the
    minister") could as well be read as the one who quotes them."""
    subject = subject_phrase(relayed["who"])
    if subject is None or subject.kind not in {"name", "institution"}:
        return None
    return subject.shifted(relayed.start("who"))


def _country_opening(masked: str) -> Subject | None:
    opening = COUNTRY_OPENING.match(masked)
    if opening is None:
        return None
    written = opening["country"]
    country = country_of(written) or written
    return Subject(
        "institution", opening.start("country"), opening.end("country"), written, written, "", country
    )


def _speaker_before_verb(masked: str, verb: re.Match) -> Subject | None:
    subject = subject_before(masked, verb.start())
    if subject is None:
        before_verb = masked[: verb.start()].rstrip()
        if SECOND_PREDICATE.search(before_verb):
            # "X rejected the criticism and said ...": the speaker is the sentence's subject.
            subject = _subject_of_predicate(before_verb)
    return subject


def _subject_of_predicate(masked: str) -> Subject | None:
    """The person or body before the first verb of a sentence ("The spokesman condemned ..."),
    after an opening phrase set off by a comma if there is one."""
    return _opening_subject(masked, within_words=12, finite_verbs_only=True)


def _reported_candidate(
    sentence: str, low: int, index: int, found: tuple[int, int, Subject, str]
) -> Candidate:
    """Reported speech as `_reported` found it in a sentence that starts at `low` in its paragraph."""
    start, end, subject, attribution = found
    content = sentence[start:end]
    cleaned = _clean_content(content)
    offset = low + start + max(content.find(cleaned[:20]), 0)
    return Candidate(
        StatementKind.INDIRECT,
        cleaned,
        index,
        offset,
        offset + len(cleaned),
        subject,
        low + subject.start,
        attribution.replace(MASK, " "),
    )


Reported = tuple[int, int, Subject, str]


def _reported_around_quotes(
    masked: str, quotes: list[QuoteSpan], low: int
) -> tuple[Reported | None, Reported | None]:
    """Reported speech in a sentence with quotations: a clause that carries them ("X said Russia
    regarded the move as "a direct threat to our security."") is the statement, and the quotation
    alone would lose what it is said about; or a clause that ends before them ("X stressed that
    ..., adding that ... "..."") is a statement beside them."""
    first = min(span.mark_start for span in quotes) - low
    # Most quoted sentences open with the quotation: no clause can carry it, and reading one
    # is what costs time here.
    opened_by_view = IN_HIS_WORDS.match(masked) or IN_SOMEONES_VIEW.match(masked)
    if (word_count(masked[:first]) < MIN_REPORTED_WORDS and not opened_by_view) or any(
        not span.opened or not span.closed for span in quotes
    ):
        return None, None
    found = _reported(masked)
    if found is None:
        return None, None
    start, end, _, _ = found
    # Only a clause after its verb: "A spokesperson for the UK Foreign, Commonwealth and
    # Development Office said: "..."" has a comma inside its speaker.
    if 0 < start < end <= first and word_count(masked[start:end]) >= MIN_REPORTED_WORDS:
        return None, found
    last = max(span.mark_end for span in quotes) - low
    # 'In his opinion, "the failure of ..." has been exposed by ...': the clause may open with
    # the quotation when it goes on after it.
    opens_with_quotation = first == start and opened_by_view and word_count(masked[last:end]) >= 2
    if (first <= start and not opens_with_quotation) or last > end + 1:
        return None, None
    # A clause that is little but the quotation ("X said Japan will "...."") stays a quotation.
    if word_count(masked[start:end].replace(MASK, " ")) < MIN_REPORTED_WORDS:
        return None, None
    return found, None


def _transcript_speakers(paragraphs: list[str]) -> dict[str, Subject]:
    """The people whose turns a transcript opens with their names ("Guo Wenhai: ..."): a full
    name that labels two paragraphs or more. A label used once ("Photo: ...", "Editor: Huang
    Wei") or one that is not a person's name ("CCTV: ...", "Reuters: ...") is no speaker's turn."""
    counts: dict[str, int] = {}
    for text in paragraphs:
        label = TURN_LABEL.match(text)
        if label:
            counts[label["label"]] = counts.get(label["label"], 0) + 1
    speakers = {}
    for label, count in counts.items():
        if count < 2:
            continue
        # "MR HALE:", "SECRETARY BLINKEN:": a transcript in capitals names people as any other.
        written = _title_case(label) if label.isupper() else label
        subject = subject_phrase(written)
        if (
            subject is not None
            and subject.kind == "name"
            and subject.end == len(written)
            # A full name, or a surname after an honorific or an office ("Mr Hale"): that person is
            # named more fully elsewhere in the article, or not at all.
            and (word_count(subject.name) >= MIN_TURN_NAME_WORDS or subject.role)
        ):
            speakers[label] = subject
    return speakers


def _title_case(words: str) -> str:
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in words.split())


def _turn_candidate(text: str, start: int, index: int, subject: Subject) -> Candidate | None:
    """A transcript turn, or a paragraph that continues one: the speaker's own words."""
    words = strip_edge_punctuation(text[start:])
    if word_count(words) < MIN_SENTENCE_QUOTE_WORDS:
        return None
    offset = text.index(words[:20], start)
    return Candidate(StatementKind.DIRECT, words, index, offset, offset + len(words), subject, 0, "")


def _continues_a_turn(text: str) -> bool:
    """A paragraph after a transcript's turn goes on with it only in the speaker's own voice, with
    nobody quoted and no one reported: otherwise it is the reporter's again ("Later on Monday, the
    Kremlin rejected the idea"), read as any other paragraph."""
    return (
        bool(FIRST_OR_SECOND_PERSON.search(text))
        and not any(mark in text for mark in '"“”«»„')
        and not _speech_verbs(text)
    )


def _question_comes_next(paragraphs: list[str], index: int) -> bool:
    """Whether the next labelled paragraph after `index` puts a question, so that the ones
    before it still belong to the answer."""
    for text in paragraphs[index + 1 :]:
        if INTERVIEW_QUESTION.match(text) or (DIALOGUE_DASH.match(text) and text.rstrip().endswith("?")):
            return True
        if INTERVIEW_ANSWER.match(text) or DIALOGUE_DASH.match(text):
            return False
    return False


def _list_introduction(text: str) -> tuple[Subject, str] | None:
    """The speaker of a paragraph that introduces a list of what they said ("Russia's Energy
    Ministry said in a statement on Friday that:"), with the words that say when."""
    sentence = text[sentence_spans(text, [])[-1][0] :].rstrip().rstrip(":")
    for verb in reversed(_speech_verbs(sentence)):
        subject = _speaker_before_verb(sentence, verb)
        if subject is not None:
            return subject, sentence
    return None


def _focus_candidate(focus: Subject, index: int, low: int) -> Candidate:
    """No statement: the person or body a sentence at `low` is about, whom a later "he" or
    description may mean."""
    return Candidate(
        StatementKind.INDIRECT, "", index, low, low, focus, low + focus.start, "", focus_only=True
    )


def _unwrapped(words: str) -> str:
    """An answer without the quotation marks that enclose the whole of it ("«We see ...»")."""
    closers = DOUBLE_OPENERS.get(words[:1], "")
    inner = words[1:-1]
    if closers and words[-1:] in closers and not any(mark in inner for mark in closers):
        return inner.strip()
    return words


def find_candidates(paragraphs: list[str], use_single_marks: bool = False) -> list[Candidate]:
    quotes_by_paragraph = _accept_quotes(paragraphs, use_single_marks)
    candidates: list[Candidate] = []
    previous_open_piece: Candidate | None = None
    turn_speakers = _transcript_speakers(paragraphs)
    turn: Subject | None = None
    formal = False
    # Whether the paragraph before put a question as dialogue: a dash-opened reply is the answer.
    dialogue_question = False
    # Whether the paragraph before was an interview's answer.
    answering = False
    # Who introduced a list ("The ministry said that:"), and how: each item is their statement.
    listed_by: tuple[Subject, str] | None = None
    list_introductions: dict[int, int] = {}
    for index, text in enumerate(paragraphs):
        asked, dialogue_question = dialogue_question, False
        item = LIST_ITEM.match(text) if listed_by is not None else None
        if item is not None:
            words = text[item.end() :].strip().rstrip(";.,").rstrip()
            if word_count(words) >= MIN_REPORTED_WORDS:
                start = item.end() + text[item.end() :].index(words[:1])
                candidates.append(
                    Candidate(
                        StatementKind.INDIRECT,
                        words,
                        index,
                        start,
                        start + len(words),
                        listed_by[0],
                        0,
                        listed_by[1],
                    )
                )
            continue
        introduces_list = (
            text.rstrip().endswith(":")
            and index + 1 < len(paragraphs)
            and bool(LIST_ITEM.match(paragraphs[index + 1]))
        )
        listed_by = _list_introduction(text) if introduces_list else None
        if listed_by is not None:
            # What the introduction says itself ("that the following was agreed:") is not a statement.
            list_introductions[index] = sentence_spans(text, [])[-1][0]
        label = TURN_LABEL.match(text) if turn_speakers else None
        speaker = turn_speakers.get(label["label"]) if label else None
        # An official transcript labels its turns in capitals ("MR HALE:"): a turn runs to the next
        # label, but for a note in brackets ("(The briefing was concluded at 1:52 p.m.)"). Where
        # the speaker reports someone else's words ("The Secretary reaffirmed that ..."), those are
        # read as in any paragraph, and the turn goes on after them.
        # Nor does a speaker name himself: "Matthew Hale is the department's spokesperson" is
        # the reporter's.
        formal_turn = (
            turn is not None
            and formal
            and not label
            and text[:1] not in "(["
            and turn.name.split()[-1] not in text
        )
        reports_others = formal_turn and bool(_speech_verbs(text))
        continues = turn is not None and not label and (_continues_a_turn(text) or formal_turn)
        if speaker is not None or (continues and not reports_others):
            if speaker is not None:
                formal = label["label"].isupper()
            # A question put is no statement.
            turn = speaker or turn
            found = _turn_candidate(text, label.end() if label else 0, index, turn)
            if found is not None and not found.text.endswith("?"):
                candidates.append(found)
            continue
        if not reports_others:
            turn = None
        if label and text.rstrip().endswith("?"):
            # A journalist's question in a transcript ("Reuters: The minister said ... Do you have
            # a comment?"): the words it reports are the asker's summary, with no speaker to trust.
            continue
        if INTERVIEW_QUESTION.match(text):
            continue
        dash = DIALOGUE_DASH.match(text)
        if dash and text.rstrip().endswith("?"):
            dialogue_question = True
            continue
        answer = INTERVIEW_ANSWER.match(text) or (dash if asked else None)
        continued = answer is None and answering and _question_comes_next(paragraphs, index)
        # A labelled answer, and the one paragraph after it when the next labelled one is a
        # question; a second such paragraph is as likely the reporter's.
        answering = answer is not None
        if continued:
            answer = LEADING_SPACE.match(text)
        if answer:
            words = _unwrapped(strip_edge_punctuation(text[answer.end() :]))
            if word_count(words) >= MIN_SENTENCE_QUOTE_WORDS:
                start = text.index(words[:20])
                candidates.append(
                    Candidate(
                        StatementKind.DIRECT,
                        words,
                        index,
                        start,
                        start + len(words),
                        None,
                        0,
                        "",
                        interview_answer=True,
                    )
                )
            continue
        spans = quotes_by_paragraph[index]
        protected = [(span.mark_start, span.mark_end) for span in spans]
        for low, high in sentence_spans(text, protected):
            sentence = text[low:high]
            masked = _mask(sentence, spans, low)
            stated_by = STATED_BY.match(masked)
            if stated_by is not None:
                # "Azerbaijan is ready to sign ... This was stated by <X> during a briefing.": the
                # sentence before is X's, if nobody else's words were found in it.
                found = _stated_before(paragraphs, candidates, index, low, masked, stated_by)
                if found is not None:
                    candidates.append(found)
                continue
            quotes = _statement_quotes(text, spans, (low, high))
            if quotes and _is_question_asked(
                sentence, [(q.mark_start - low, q.mark_end - low) for q in quotes]
            ):
                continue
            carried, before_quotes = _reported_around_quotes(masked, quotes, low) if quotes else (None, None)
            if carried is not None:
                candidates.append(_reported_candidate(sentence, low, index, carried))
                candidates += _second_speaker(sentence, masked, low, index, carried[1])
                previous_open_piece = None
                continue
            shared = _shared_with_a_quoting_speaker(sentence, masked, low, index) if quotes else []
            if shared:
                # "A stressed that ..., while B noted that ... "a successful model."": the
                # quotation is inside B's reported words.
                candidates += shared
                previous_open_piece = None
                continue
            if quotes:
                if before_quotes is not None:
                    candidates.append(_reported_candidate(sentence, low, index, before_quotes))
                relative = [(q.mark_start - low, q.mark_end - low) for q in quotes]
                subject, attribution = _quote_attribution(masked, relative)
                # A sentence that opens with its quotation has no subject before it to read.
                focus = (
                    _sentence_subject(masked)
                    if subject is None and not masked.lstrip().startswith(MASK)
                    else None
                )
                relayed = QUOTED_AS_SAYING.search(masked[: relative[0][0]]) if subject is None else None
                relayed_by = _relayed_speaker(relayed) if relayed is not None else None
                if relayed_by is not None:
                    # 'Vereshchagin quoted President Petrov as saying that "..."': Petrov's words.
                    subject, attribution = relayed_by, masked[: relative[0][0]]
                elif focus is not None and CHARACTERISED.search(masked[: relative[0][0]]):
                    # "the diplomat called them "a confession of helplessness"": the words are
                    # those of whoever called them so.
                    subject, attribution = focus, masked[: relative[0][0]]
                elif focus is not None:
                    # "Vasile Moraru called the decision "...". He said ...": whoever the sentence
                    # is about is the one a following "he" means.
                    candidates.append(_focus_candidate(focus, index, low))
                for span in quotes:
                    quote_text = strip_edge_punctuation(text[span.start : span.end])
                    candidate = Candidate(
                        StatementKind.DIRECT,
                        quote_text,
                        index,
                        span.start,
                        span.start + len(quote_text),
                        subject,
                        low + (subject.start if subject else 0),
                        attribution.replace(MASK, " "),
                        sentence_has_quote_start=not sentence[: span.mark_start - low].strip(),
                    )
                    if previous_open_piece is not None and (not span.opened or span.start <= 1):
                        previous_open_piece.continues_into = candidate
                    previous_open_piece = candidate if not span.closed else None
                    candidates.append(candidate)
                continue
            found = _reported(masked)
            if found is None:
                focus = _sentence_subject(masked)
                if focus is not None:
                    candidates.append(_focus_candidate(focus, index, low))
                continue
            candidate = _reported_candidate(sentence, low, index, found)
            if word_count(candidate.text) >= MIN_REPORTED_WORDS:
                candidates.append(candidate)
            candidates += _second_speaker(sentence, masked, low, index, found[1])
        if spans and spans[-1].closed:
            previous_open_piece = None
    return [
        candidate
        for candidate in candidates
        if candidate.focus_only
        or candidate.start
        < list_introductions.get(candidate.paragraph_index, len(candidate.text) + candidate.start + 1)
    ]


def _shared_with_a_quoting_speaker(sentence: str, masked: str, low: int, index: int) -> list[Candidate]:
    """A first speaker's words without quotation marks, then a second speaker's that carry them."""
    if not SECOND_SPEAKER.search(masked):
        return []
    found = _reported(masked)
    if found is None or MASK in masked[found[0] : found[1]]:
        return []
    second = _second_speaker(sentence, masked, low, index, found[1])
    if not second:
        return []
    first = _reported_candidate(sentence, low, index, found)
    return [first, *second] if word_count(first.text) >= MIN_REPORTED_WORDS else second


def _stated_before(
    paragraphs: list[str],
    candidates: list[Candidate],
    index: int,
    low: int,
    masked: str,
    stated_by: re.Match,
) -> Candidate | None:
    # "by Assistant to the President, Head of the Department Hikmet Hajiyev": titles in commas.
    who, shift = stated_by["who"], stated_by.start("who")
    subject = subject_phrase(who)
    while subject is None and "," in who:
        cut = who.index(",") + 1
        who, shift = who[cut:], shift + cut
        subject = subject_phrase(who)
    if subject is None or subject.kind not in {"name", "institution"}:
        return None
    # The sentence before, in this paragraph or ending the one before it.
    where, before = index, paragraphs[index][:low]
    if not before.strip():
        where -= 1
        if where < 0:
            return None
        before = paragraphs[where]
    spans = sentence_spans(before)
    if not spans:
        return None
    start, end = spans[-1]
    if any(c.paragraph_index == where and c.start < end and start < c.end for c in candidates):
        return None
    content = REPORTS_TAIL.sub("", _clean_content(before[start:end]))
    if word_count(content) < MIN_REPORTED_WORDS or any(mark in content for mark in '"“”«»'):
        return None
    offset = start + max(before[start:end].find(content[:20]), 0)
    subject = subject.shifted(shift)
    return Candidate(
        StatementKind.INDIRECT,
        content,
        where,
        offset,
        offset + len(content),
        subject,
        offset,
        masked.replace(MASK, " "),
    )


def _second_speaker(sentence: str, masked: str, low: int, index: int, first_end: int) -> list[Candidate]:
    """ "..., while Campbell noted that ...": where one person's words end at another subject
    and speech verb, the rest of the sentence is read for that second person."""
    joint = SECOND_SPEAKER_OR_SOURCE.match(masked, first_end)
    second = _reported(masked[joint.end() :]) if joint else None
    if second is None:
        return []
    candidate = _reported_candidate(sentence[joint.end() :], low + joint.end(), index, second)
    return [candidate] if word_count(candidate.text) >= MIN_REPORTED_WORDS else []


def attribute(
    candidates: list[Candidate],
    directory: SpeakerDirectory,
    paragraph_offsets: list[int],
    published: PartialDate,
) -> list[Attributed]:
    state = _ArticleState(directory)
    results: list[Attributed] = []
    last_in_paragraph: dict[int, Attributed] = {}
    anonymous_paragraphs: set[int] = set()
    for number, candidate in enumerate(candidates):
        position = paragraph_offsets[candidate.paragraph_index] + candidate.subject_position
        if candidate.focus_only:
            if _is_unsupported_lone_name(candidate.subject, state.directory):
                continue
            focus = _resolve(candidate.subject, state, position)
            if focus is not None:
                speaker = state.canonical(focus[0])
                if focus[2]:
                    state.roles.setdefault(speaker.name, focus[2])
                state.history.append((speaker, position))
                state.focus = (speaker, candidate.paragraph_index)
            continue
        state.paragraph = candidate.paragraph_index
        subject = candidate.subject
        chained = candidate.continues_into
        while subject is None and chained is not None:
            subject = chained.subject
            chained = chained.continues_into
        if (
            subject is not None
            and subject.from_predicate
            and _is_unsupported_lone_name(subject, state.directory)
        ):
            continue
        resolved = _resolve(subject, state, position) if subject is not None else None
        if (
            resolved is None
            and subject is not None
            and subject.kind == "descriptor"
            and not subject.indefinite
        ):
            # "..., the ministry spokesman said." in a lead that names him only later.
            resolved = _first_named_after(subject, candidates[number + 1 :], state, paragraph_offsets)
        if (
            resolved is None
            and subject is not None
            and subject.indefinite
            and _taken_up_next(subject, candidate, candidates[number + 1 : number + 2])
        ):
            # "..., a senior Russian diplomat told Sputnik." then ""...," the diplomat said.": the
            # same person, whom the article may name later.
            resolved = _first_named_after(subject, candidates[number + 1 :], state, paragraph_offsets)
        if resolved is None and candidate.interview_answer and state.history:
            interviewee = state.history[0][0]
            resolved = (interviewee, "", state.roles.get(interviewee.name, ""))
        if resolved is None and candidate.interview_answer:
            continue
        if resolved is None and subject is not None and subject.indefinite:
            # An unnamed source's words, and the quotation that runs on from them, are nobody's here.
            anonymous_paragraphs.add(candidate.paragraph_index)
            continue
        if resolved is None:
            if candidate.kind != StatementKind.DIRECT or candidate.paragraph_index in anonymous_paragraphs:
                continue
            inherited = last_in_paragraph.get(candidate.paragraph_index)
            if inherited is not None:
                resolved = (inherited.speaker, inherited.name_as_written, inherited.role)
            elif state.history and candidate.sentence_has_quote_start:
                speaker = state.history[-1][0]
                resolved = (speaker, "", state.roles.get(speaker.name, ""))
            else:
                continue
        speaker, as_written, role = resolved
        speaker = state.canonical(speaker)
        # "Sehgal, who presented his credentials in April, noted": when he did something else.
        # Nor the words it adds: "..., Asanbekov said, adding that the train was expected in September".
        attribution = candidate.attribution_text
        if "," in attribution:
            attribution = TAIL.split(attribution, maxsplit=1)[0]
        said_on = resolve_said_on(RELATIVE_CLAUSE.sub(",", attribution), published)
        before = last_in_paragraph.get(candidate.paragraph_index)
        if said_on is None and before is not None and before.speaker == speaker and before.said_on:
            # The rest of a quotation, or more of the same speaker's words in the paragraph, were
            # said when the words before them were.
            said_on = before.said_on
        elif said_on is None:
            said_on = state.dates.get(speaker.name)
        else:
            state.dates.setdefault(speaker.name, said_on)
        if role:
            state.roles.setdefault(speaker.name, role)
        role = role or state.roles.get(speaker.name, "")
        state.history.append((speaker, position))
        state.quoted.add(speaker.name)
        state.focus = None
        result = Attributed(candidate, speaker, as_written, role, said_on)
        last_in_paragraph[candidate.paragraph_index] = result
        results.append(result)
    return results


def _is_unsupported_lone_name(subject: Subject, directory: SpeakerDirectory) -> bool:
    """A single untitled word taken for a name without a speech verb after it, which neither
    the article names in full nor the archive knows: "Protesters", "Thousands"."""
    if subject.kind != "name" or subject.role or " " in subject.name.strip():
        return False
    return directory.full_mention(subject.name) is None and directory.known_speaker(subject.name) is None


def _taken_up_next(subject: Subject, candidate: Candidate, following: list[Candidate]) -> bool:
    """Whether the next statement's speaker is "the <same office>", in the same paragraph or the
    next: a definite description that refers back to an indefinite one."""
    return any(
        later.subject is not None
        and later.subject.kind == "descriptor"
        and not later.subject.indefinite
        and later.subject.head == subject.head
        and later.paragraph_index - candidate.paragraph_index <= 1
        for later in following
    )


def _first_named_after(
    subject: Subject, later: list[Candidate], state: _ArticleState, paragraph_offsets: list[int]
) -> tuple[SpeakerRef, str, str] | None:
    wanted = "institution" if subject.head in INSTITUTION_NOUNS else "name"
    for candidate in later:
        subject_read_loosely = candidate.focus_only or (
            candidate.subject is not None and candidate.subject.from_predicate
        )
        if subject_read_loosely and _is_unsupported_lone_name(candidate.subject, state.directory):
            continue
        if candidate.subject is not None and candidate.subject.kind == wanted:
            position = paragraph_offsets[candidate.paragraph_index] + candidate.subject_position
            speaker, role = state.directory.resolve_name(candidate.subject, position)
            return speaker, subject.as_written, role
    return None


def _resolve(subject: Subject, state: _ArticleState, position: int) -> tuple[SpeakerRef, str, str] | None:
    directory = state.directory
    if subject.kind in {"name", "institution"}:
        speaker, role = directory.resolve_name(subject, position)
        if speaker.kind == SpeakerKind.INSTITUTION and speaker.name.isupper():
            # "the JCS said" after the Joint Chiefs of Staff were quoted: the body with those initials.
            speaker = next(
                (
                    earlier
                    for earlier, _ in reversed(state.history)
                    if earlier.kind == SpeakerKind.INSTITUTION
                    and "".join(word[0] for word in earlier.name.split() if word[0].isupper()) == speaker.name
                ),
                speaker,
            )
        return speaker, subject.name, role or state.roles.get(speaker.name, "")
    if subject.kind == "pronoun":
        return _resolve_pronoun(subject, state, position)
    return _resolve_description(subject, state, position)


def _named(mention: Mention, state: _ArticleState, position: int) -> tuple[SpeakerRef, str]:
    return state.directory.resolve_name(
        Subject("name", 0, 0, mention.name, mention.name, mention.role, mention.country), position
    )


def _resolve_pronoun(
    subject: Subject, state: _ArticleState, position: int
) -> tuple[SpeakerRef, str, str] | None:
    # "it said" refers back to an institution, "he"/"she"/"his words" to a person.
    pronoun = subject.head.lower()
    if pronoun == "it":
        for speaker, _ in reversed(state.history):
            if speaker.kind == SpeakerKind.INSTITUTION:
                return speaker, subject.as_written, state.roles.get(speaker.name, "")
        return None
    # The text never states a sex; the pronouns it already used for someone do. The most
    # recent person wins unless the article already called them otherwise, or they were only
    # mentioned (never quoted) while someone quoted just before fits the pronoun.
    gender = "she" if pronoun in {"she", "her"} else "he"
    people = [speaker for speaker, _ in reversed(state.history) if speaker.kind == SpeakerKind.PERSON]
    recent = [p for p in dict.fromkeys(people) if state.genders.get(p.name) in (None, gender)][:4]
    chosen = next((p for p in recent if state.genders.get(p.name) == gender or p.name in state.quoted), None)
    if recent and state.focus == (recent[0], state.paragraph):
        # "Haqyar also addressed the ceremony. He said ...": the one the paragraph is about.
        chosen = recent[0]
    if chosen is None:
        chosen = recent[0] if recent else None
    if chosen is not None:
        state.genders[chosen.name] = gender
        return chosen, subject.as_written, state.roles.get(chosen.name, "")
    # Nobody quoted yet: the last person the article named with a title.
    for mention in reversed(state.directory.mentions):
        if mention.position < position and mention.role:
            speaker, role = _named(mention, state, position)
            return speaker, subject.as_written, role
    return None


def _resolve_description(
    subject: Subject, state: _ArticleState, position: int
) -> tuple[SpeakerRef, str, str] | None:
    """The most recent speaker the description fits, else the most recent person quoted
    (for a person's title), else a person the article names with a fitting title — before
    this point, or, for a lead that names them only later, after it."""
    if subject.indefinite and subject.head not in SPECIFIC_OFFICES:
        # "a Western diplomat", "one official": not anyone the article names.
        return None
    if subject.head in ISSUED_BY_OWNER:
        if subject.head in {"declaration", "document", "statement", "communique", "communiqué"} and (
            state.directory.joint_parties
        ):
            # "the declaration says" after "X and Y have signed a joint declaration".
            return (
                SpeakerRef(state.directory.joint_parties, SpeakerKind.INSTITUTION, ""),
                subject.as_written,
                "",
            )
        if not state.history:
            return None
        speaker = state.history[-1][0]
        return speaker, subject.as_written, state.roles.get(speaker.name, "")
    # The most recent that fits; for "the Azerbaijani official", one known to be Azerbaijani
    # before one of no known country.
    fallback = None
    for speaker, _ in reversed(state.history):
        if subject.indefinite:
            break
        if descriptor_matches(subject, state.roles.get(speaker.name, ""), speaker):
            if not subject.country or speaker.country == subject.country:
                return speaker, subject.as_written, state.roles.get(speaker.name, "")
            fallback = fallback or speaker
    if fallback is not None:
        return fallback, subject.as_written, state.roles.get(fallback.name, "")
    mentions = state.directory.mentions
    earlier = [m for m in reversed(mentions) if m.position < position]
    later = [m for m in mentions if m.position > position]

    def fits(mention: Mention) -> bool:
        return bool(mention.role) and descriptor_matches(
            subject, mention.role, SpeakerRef(mention.name, mention.kind, mention.country)
        )

    for mention in earlier:
        if fits(mention) and subject.head != "official":
            speaker, role = _named(mention, state, position)
            return speaker, subject.as_written, role
    describes_a_body = subject.head in INSTITUTION_NOUNS
    if not describes_a_body and not subject.indefinite:
        for speaker, _ in reversed(state.history):
            # "The Kremlin chief" is not the German spokesman quoted last.
            if speaker.kind == SpeakerKind.PERSON and not (
                subject.country and speaker.country and subject.country != speaker.country
            ):
                return speaker, subject.as_written, state.roles.get(speaker.name, "")

    # Someone named only later must not hold another office of the same head: "the country's
    # deputy foreign minister" is not the interior minister named further down, while "a Foreign
    # Ministry spokesperson" may be the "Spokesperson Lin Haoran" named next.
    def qualifiers(role: str) -> set[str]:
        words = {word for word in role.lower().split() if word in TITLE_WORDS or word in ROLE_NOUNS}
        return words - {subject.head}

    described = qualifiers(subject.role)

    def holds_the_office(mention: Mention) -> bool:
        held = qualifiers(mention.role)
        return fits(mention) and not (held - described and described - held)

    for mention in [*earlier, *(mention for mention in later if holds_the_office(mention))]:
        if fits(mention):
            speaker, role = _named(mention, state, position)
            return speaker, subject.as_written, role
    if describes_a_body and subject.country:
        # "Qatar's foreign ministry": a body named by its country and office.
        return (
            SpeakerRef(institution_name(subject), SpeakerKind.INSTITUTION, subject.country),
            subject.as_written,
            "",
        )
    return None
