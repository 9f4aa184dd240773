"""Topic tagging from curator-owned rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import TopicRule


class InvalidTopicRule(ValueError):
    pass


def compile_pattern(pattern: str) -> re.Pattern:
    """One rule line as a regular expression (see TopicRule for the syntax)."""
    pattern = pattern.strip()
    if pattern.lower().startswith("re:"):
        try:
            return re.compile(pattern[3:].strip(), re.IGNORECASE)
        except re.error as error:
            raise InvalidTopicRule(f"{pattern!r}: {error}") from error
    words = pattern.split()
    if not words:
        raise InvalidTopicRule("empty rule")
    parts = []
    for word in words:
        wildcard = word.endswith("*")
        core = re.escape(word.rstrip("*"))
        # Hyphens and spaces are interchangeable: "Asia-Pacific" matches "Asia Pacific".
        core = core.replace(r"\-", r"[\s\-]?")
        parts.append(core + (r"[\w\-’']*" if wildcard else ""))
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class TopicMatcher:
    compiled: tuple[tuple[str, tuple[re.Pattern, ...]], ...]

    @classmethod
    def from_rules(cls, rules: Sequence[TopicRule]) -> TopicMatcher:
        # Ingest hands every article the same rules: compile them once per set of rules.
        return _matcher_for(tuple(rules))

    @classmethod
    def _compile(cls, rules: tuple[TopicRule, ...]) -> TopicMatcher:
        compiled = []
        for rule in rules:
            patterns = []
            for pattern in rule.patterns:
                try:
                    patterns.append(compile_pattern(pattern))
                except InvalidTopicRule:
                    # A broken rule must not stop ingest; the admin validates rules on save.
                    continue
            if patterns:
                compiled.append((rule.key, _combined(patterns)))
        return cls(tuple(compiled))

    def match(self, *texts: str) -> tuple[str, ...]:
        joined = "\n".join(text for text in texts if text)
        return tuple(key for key, patterns in self.compiled if any(p.search(joined) for p in patterns))


@functools.lru_cache(maxsize=8)
def _matcher_for(rules: tuple[TopicRule, ...]) -> TopicMatcher:
    return TopicMatcher._compile(rules)


def _combined(patterns: list[re.Pattern]) -> tuple[re.Pattern, ...]:
    """A topic's rules as one alternation, so a text is scanned once per topic; rules that
    cannot share a pattern (inline flags, say) stay apart."""
    try:
        return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE),)
    except re.error:
        return tuple(patterns)
