"""How to refer to a statement elsewhere: citations (APA, Chicago, BibTeX, RIS) and schema.org data.

A statement is cited as what it is: words a speaker said, as reported in a news article by an outlet,
found in this archive at a permanent address. Nothing here claims more than the record knows: an
unknown date is "n.d.", an unknown outlet is left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from .dates import MONTH_NAMES, known_parts, partial_date_iso
from .extraction import PartialDate
from .models import Statement, StatementKind

ARCHIVE_NAME = "Diplomatic Statements Archive"
QUOTE_WORDS = 25

# What json_script escapes, so the JSON cannot close its <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Citation:
    key: str
    label: str
    text: str


def _short_quote(text: str) -> str:
    words = text.split()
    quote = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    return quote.rstrip(" .,;:")


def _published(statement: Statement) -> PartialDate:
    """What is known of the article's publication date; a day and month without a year is n.d."""
    article = statement.article
    return known_parts(article.published_on, article.published_precision)


def _apa_date(statement: Statement) -> str:
    date = _published(statement)
    if date.year is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    day = f" {date.day}" if date.day else ""
    return f"{date.year}, {MONTH_NAMES[date.month - 1]}{day}"


def _chicago_date(statement: Statement) -> str:
    date = _published(statement)
    if date.year is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{MONTH_NAMES[date.month - 1]} {date.year}"
    return f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"


def _what(statement: Statement) -> str:
    said = "quoted" if statement.kind == StatementKind.DIRECT else "reported"
    who = statement.speaker.name
    if statement.role_as_written:
        who += f", {statement.role_as_written}"
    return f"Statement by {who}, {said}"


def _article_named(article) -> str:
    """The article by its headline, in quotation marks; one without a headline is described, never
    given a title it does not have."""
    return f"“{article.title}”" if article.title else "an untitled article"


def apa(statement: Statement, url: str) -> str:
    article = statement.article
    outlet = article.outlet.name if article.outlet else ""
    source = f" {outlet}." if outlet else ""
    return (
        f"{statement.speaker.name}. ({_apa_date(statement)}). “{_short_quote(statement.text)}” "
        f"[{_what(statement)} in {_article_named(article)}].{source} {ARCHIVE_NAME}. {url}"
    )


def chicago(statement: Statement, url: str) -> str:
    article = statement.article
    outlet = f", {article.outlet.name}" if article.outlet else ""
    verb = "quoted" if statement.kind == StatementKind.DIRECT else "reported"
    return (
        f"{statement.speaker.name}. “{_short_quote(statement.text)}.” {verb.capitalize()} in "
        f"{_article_named(article)}{outlet}, {_chicago_date(statement).rstrip('.')}. {ARCHIVE_NAME}. {url}."
    )


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}")
    text = re.sub(r"([{}%&$#_])", r"\\\1", text)
    return text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex_key(statement: Statement) -> str:
    year = _published(statement).year
    who = slugify(statement.speaker.name.split()[-1] if statement.speaker.name.split() else "statement")
    first_word = slugify(next((word for word in statement.text.split() if len(word) > 3), "said"))
    return f"{who}{year or 'nd'}{first_word}{statement.pk}".replace("-", "")


def bibtex(statement: Statement, url: str) -> str:
    article = statement.article
    date = _published(statement)
    fields = [
        ("author", "{" + _bibtex_escape(statement.speaker.name) + "}"),
        ("title", _bibtex_escape(_short_quote(statement.text))),
        ("howpublished", _bibtex_escape(f"{_what(statement)} in {_article_named(article)}")),
    ]
    if article.outlet:
        fields.append(("organization", _bibtex_escape(article.outlet.name)))
    if date.year is not None:
        fields.append(("year", str(date.year)))
        if date.month is not None:
            fields.append(("month", MONTH_NAMES[date.month - 1][:3].lower()))
    fields += [("note", _bibtex_escape(ARCHIVE_NAME)), ("url", url)]
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields
    )
    return f"@misc{{{bibtex_key(statement)},\n{body}\n}}"


def ris(statement: Statement, url: str) -> str:
    article = statement.article
    date = _published(statement)
    lines = [
        ("TY", "NEWS"),
        ("AU", statement.speaker.name),
        ("TI", _short_quote(statement.text)),
    ]
    if article.title:
        lines.append(("T2", article.title))
    if article.outlet:
        lines.append(("PB", article.outlet.name))
    if date.year is not None:
        lines.append(("PY", str(date.year)))
        if date.month is not None:
            day = f"{date.day:02d}" if date.day else ""
            lines.append(("DA", f"{date.year:04d}/{date.month:02d}/{day}"))
    lines += [("N1", _what(statement)), ("DB", ARCHIVE_NAME), ("UR", url), ("ER", "")]
    return "\n".join(f"{tag}  - {text}".rstrip() for tag, text in lines)


def citations(statement: Statement, url: str) -> list[Citation]:
    return [
        Citation("apa", "APA", apa(statement, url)),
        Citation("chicago", "Chicago", chicago(statement, url)),
        Citation("bibtex", "BibTeX", bibtex(statement, url)),
        Citation("ris", "RIS", ris(statement, url)),
    ]


def quotation(statement: Statement, *, url: str, speaker_url: str, article_url: str) -> dict:
    """schema.org Quotation: the words, who spoke them, and the news article they appeared in."""
    article = statement.article
    speaker_type = "Person" if statement.speaker.kind == "person" else "Organization"
    news_article = {"@type": "NewsArticle", "url": article_url, "inLanguage": article.language}
    if article.title:
        news_article["headline"] = article.title
    if published := partial_date_iso(article.published_on, article.published_precision):
        news_article["datePublished"] = published
    if article.outlet:
        news_article["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    data = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "@id": url,
        "url": url,
        "text": statement.text,
        "spokenByCharacter": {"@type": speaker_type, "name": statement.speaker.name, "url": speaker_url},
        "isPartOf": news_article,
        "inLanguage": article.language,
    }
    if said := partial_date_iso(statement.said_on, statement.said_on_precision):
        data["dateCreated"] = said
    if topics := [topic.name for topic in statement.topics.all()]:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
    return data


def json_ld(data: dict) -> SafeString:
    """JSON to sit inside <script type="application/ld+json">, escaped as json_script escapes it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))
