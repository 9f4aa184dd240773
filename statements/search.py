"""Full-text search over statements: the one place that knows PostgreSQL FTS from SQLite FTS5.

Researchers type the syntax search engines taught them: words (all must match), "an exact phrase",
OR between alternatives, and -word or -"a phrase" to exclude; words are stemmed, so negotiations
finds negotiate. `parse_query` reads that syntax into a `ParsedQuery`, rejecting what it cannot
search with a message meant for the researcher; the backends only ever see the parsed form, never
the raw input, so both databases answer the same question:

- PostgreSQL: a stored tsvector column (`search_vector`, GENERATED from `text` with the `english`
  configuration, GIN-indexed; migration 0003) matched with `websearch_to_tsquery`, ranked with
  `ts_rank` and highlighted with `ts_headline`.
- SQLite: an external-content FTS5 table (`statements_statement_fts`, porter tokenizer, kept in sync
  by triggers; migration 0003) matched with a query built here from quoted strings only, ranked with
  `bm25` and highlighted with `highlight()`.

Both rank "higher is better" in `search_rank`, and both mark matches with control characters that
`highlighted_html` turns into <mark> after escaping the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import F, FloatField, Func, TextField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .columns import StatementColumn

MAX_QUERY_LENGTH = 300
MAX_TERMS = 24
# Best-match order ranks at most this many matches, the most recently added (the newest ids): the
# candidates are found by walking the primary key backwards where matches are dense (common words),
# otherwise through the full-text index in growing windows of ids, and never by a full scan.
RANK_CANDIDATES = 1000
# The newest ids first searched for those candidates (StatementQuerySet.latest_match_ids), unless
# the search is narrowed to a few speakers.
CANDIDATE_WINDOW = 10_000
# Narrowed to at most this many speakers, a search looks among each one's statements on its own.
FEW_SPEAKERS = 5

PG_CONFIG = "english"
PG_VECTOR_COLUMN = "search_vector"
PG_VECTOR_INDEX = "statement_search_vector"
FTS5_TABLE = "statements_statement_fts"
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 0"

# Markers around matches, chosen because article text never contains them.
MATCH_START, MATCH_END = "\x02", "\x03"

# PostgreSQL's `english` stop words (tsearch_data/english.stop). They are left out of both
# databases' queries, so "the" is rejected everywhere rather than matching everything in SQLite.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it its itself they them their theirs themselves what which who whom this that
    these those am is are was were be been being have has had having do does did doing a an the and
    but if or because as until while of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor not only own
    same so than too very s t can will just don should now
    """.split()
)

# A word as both databases' parsers see it: letters and digits, joined by inner . - or an
# apostrophe (U.S., Asia-Pacific, People's), which each parser splits in its own consistent way.
WORD = re.compile(r"[^\W_]+(?:[.'’\-][^\W_]+)*")
WORD_PART = re.compile(r"[^\W_]+")
TOKEN = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)"?|(?P<bare>[^\s"]+))')
CURLY_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


class SearchSyntaxError(ValueError):
    """A query that cannot be searched; str() is a message for the researcher."""


@dataclass(frozen=True)
class Term:
    """One word, or an exact phrase of words in order."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def websearch(self) -> str:
        return f'"{self.text}"' if len(self.words) > 1 else self.text

    def fts5(self) -> str:
        # An FTS5 string: the tokenizer splits it into a phrase. WORD never lets a quote in.
        return '"' + self.text.replace('"', '""') + '"'


@dataclass(frozen=True)
class ParsedQuery:
    """All of `required` must match (each a group of alternatives), none of `excluded` may."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def __str__(self) -> str:
        return self.websearch()

    def websearch(self) -> str:
        """The query in websearch_to_tsquery's syntax, rebuilt from parsed words only."""
        groups = [" OR ".join(term.websearch() for term in group) for group in self.required]
        return " ".join([*groups, *(f"-{term.websearch()}" for term in self.excluded)])

    def fts5(self) -> str:
        """The query in FTS5's syntax: every word inside a quoted string, operators ours."""
        groups = ["(" + " OR ".join(term.fts5() for term in group) + ")" for group in self.required]
        query = " AND ".join(groups)
        if self.excluded:
            query = f"({query}) NOT (" + " OR ".join(term.fts5() for term in self.excluded) + ")"
        return query


def _term(text: str) -> Term | None:
    """The words of a bare word or a quoted phrase, without stop words at either end."""
    words = [word.lower() for word in WORD.findall(text)]

    def is_stop_word(word: str) -> bool:
        return all(part in STOP_WORDS for part in WORD_PART.findall(word))

    while words and is_stop_word(words[0]):
        words.pop(0)
    while words and is_stop_word(words[-1]):
        words.pop()
    return Term(tuple(words)) if words else None


def parse_query(text: str) -> ParsedQuery | None:
    """The researcher's query, or None when it is blank. Raises SearchSyntaxError with a reason."""
    text = (text or "").translate(CURLY_QUOTES).strip()
    if not text:
        return None
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchSyntaxError(
            f"That search is {len(text)} characters long; please keep it under {MAX_QUERY_LENGTH}."
        )
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = skipped_any = False
    for match in TOKEN.finditer(text):
        bare = match["bare"]
        if bare is not None and bare.lower() == "or" and not match["minus"]:
            # OR joins the alternatives on either side; at the start or end it means nothing.
            joining = bool(groups)
            continue
        term = _term(match["phrase"] if bare is None else bare)
        if term is None:
            skipped_any = True
            joining = False
            continue
        if match["minus"]:
            excluded.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if sum(map(len, groups)) + len(excluded) > MAX_TERMS:
        raise SearchSyntaxError(f"That search has too many words; please use at most {MAX_TERMS}.")
    if not groups:
        if excluded:
            raise SearchSyntaxError(
                "A search needs at least one word to look for: -word only leaves statements out."
            )
        if skipped_any and WORD.search(text):
            raise SearchSyntaxError(
                "That search has only very common words (such as “the” or “and”); add a more specific word."
            )
        raise SearchSyntaxError("Type some words to search for.")
    return ParsedQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def _parsed(query: ParsedQuery | str) -> ParsedQuery:
    if isinstance(query, ParsedQuery):
        return query
    parsed = parse_query(query)
    if parsed is None:
        raise SearchSyntaxError("Type some words to search for.")
    return parsed


class _Fts5Call(Func):
    """An FTS5 auxiliary function (bm25, highlight) evaluated for the outer statement row."""

    def __init__(self, call: str, match: str, output_field):
        super().__init__(F("pk"), Value(match), output_field=output_field)
        self.call = call

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        match_sql, match_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(SELECT {self.call} FROM {FTS5_TABLE} WHERE {FTS5_TABLE} MATCH {match_sql} "
            f"AND {FTS5_TABLE}.rowid = {pk_sql})"
        )
        return sql, (*match_params, *pk_params)


def _vendor(queryset) -> str:
    return connections[queryset.db].vendor


def _pg_query(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.websearch(), config=PG_CONFIG, search_type="websearch")


def matching(queryset, query: ParsedQuery | str):
    """Statements of `queryset` that match, annotated with `search_rank` (higher is better)."""
    parsed = _parsed(query)
    if _vendor(queryset) == "postgresql":
        vector = StatementColumn(PG_VECTOR_COLUMN, SearchVectorField())
        pg_query = _pg_query(parsed)
        return (
            queryset.alias(_search_vector=vector)
            .filter(_search_vector=pg_query)
            .annotate(search_rank=SearchRank(vector, pg_query))
        )
    match = parsed.fts5()
    hits = RawSQL(f"SELECT rowid FROM {FTS5_TABLE} WHERE {FTS5_TABLE} MATCH %s", (match,))
    # bm25() is lower for better matches; negated, it sorts like ts_rank.
    rank = _Fts5Call(f"-bm25({FTS5_TABLE})", match, FloatField())
    return queryset.filter(pk__in=hits).annotate(search_rank=rank)


def highlighted(queryset, query: ParsedQuery | str):
    """Annotates `search_highlight`: the whole text with every match between the markers."""
    parsed = _parsed(query)
    if _vendor(queryset) == "postgresql":
        headline = SearchHeadline(
            "text",
            _pg_query(parsed),
            config=PG_CONFIG,
            start_sel=MATCH_START,
            stop_sel=MATCH_END,
            highlight_all=True,
        )
        return queryset.annotate(search_highlight=headline)
    call = f"highlight({FTS5_TABLE}, 0, char(2), char(3))"
    return queryset.annotate(search_highlight=_Fts5Call(call, parsed.fts5(), TextField()))


MARKED = re.compile(re.escape(MATCH_START) + "(.*?)" + re.escape(MATCH_END), re.DOTALL)
# Matches only spaces apart read as one ("outer space", not "outer" "space").
ADJACENT_MARKS = re.compile(re.escape(MATCH_END) + r"(\s+)" + re.escape(MATCH_START))


def highlighted_html(marked_text: str) -> SafeString:
    """Marked text as HTML: escaped, each match in <mark>, stray markers dropped."""
    marked_text = ADJACENT_MARKS.sub(r"\1", marked_text)
    parts = []
    position = 0
    for found in MARKED.finditer(marked_text):
        parts.append(escape(_unmarked(marked_text[position : found.start()])))
        parts.append(f"<mark>{escape(_unmarked(found[1]))}</mark>")
        position = found.end()
    parts.append(escape(_unmarked(marked_text[position:])))
    # Every piece of text above went through escape().
    return mark_safe("".join(parts))


def _unmarked(text: str) -> str:
    return text.replace(MATCH_START, "").replace(MATCH_END, "")
