"""Topic tagging from curator-owned rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import TopicRule


class InvalidTopicRule(ValueError):
    pass


# The only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
# (tests/extraction check this table against `re` over all of Unicode): folded to that letter, a
# text holds a rule's words exactly when `re.IGNORECASE` could find them.
_IGNORECASE_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


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


def required_fragments(pattern: str) -> tuple[str, ...]:
    """Lower-case ASCII pieces of a rule line that any text it matches contains (folded as by
    `fold`); none for a `re:` rule, whose text is not read here."""
    pattern = pattern.strip()
    if pattern.lower().startswith("re:"):
        return ()
    fragments = []
    for word in pattern.split():
        for piece in word.rstrip("*").split("-"):
            fragments += [run.lower() for run in re.findall(r"[\x00-\x7f]+", piece)]
    return tuple(fragments)


def fold(text: str) -> str:
    """The form `required_fragments` are looked for in."""
    if text.isascii():
        return text.lower()
    return text.translate(_IGNORECASE_TWINS).lower()


@dataclass(frozen=True)
class _Rule:
    topic: int
    # What a text must contain (folded) for the pattern to match it: a substring test rules most
    # rules out far faster than a search, and a statement names only a few topics.
    fragments: tuple[str, ...]
    pattern: re.Pattern


@dataclass(frozen=True)
class TopicMatcher:
    keys: tuple[str, ...]
    rules: tuple[_Rule, ...]
    # Each rule's longest fragment is its anchor. `anchor_search` finds, at every position of a
    # folded text, the longest anchor that starts there; `rules_by_anchor` maps an anchor to the
    # rules anchored on it or on any anchor it begins with, which are found at the same position.
    # Rules with no fragment are `always`.
    anchor_search: re.Pattern | None
    rules_by_anchor: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    # The `always` rules whose patterns `screen` joins: one search finds whether any of them can
    # match, and most statements match none.
    screened: tuple[int, ...] = ()
    screen: re.Pattern | None = None

    @classmethod
    def from_rules(cls, rules: Sequence[TopicRule]) -> TopicMatcher:
        # Ingest hands every article the same rules: compile them once per set of rules.
        return _matcher_for(tuple(rules))

    @classmethod
    def _compile(cls, topic_rules: tuple[TopicRule, ...]) -> TopicMatcher:
        rules: list[_Rule] = []
        for topic, topic_rule in enumerate(topic_rules):
            for line in topic_rule.patterns:
                try:
                    pattern = compile_pattern(line)
                except InvalidTopicRule:
                    # A broken rule must not stop ingest; the admin validates rules on save.
                    continue
                rules.append(_Rule(topic, required_fragments(line), pattern))
        anchors: dict[str, list[int]] = {}
        always = []
        for index, rule in enumerate(rules):
            if rule.fragments:
                anchors.setdefault(max(rule.fragments, key=len), []).append(index)
            else:
                always.append(index)
        screened = [index for index in always if _joinable(rules[index].pattern)]
        return cls(
            keys=tuple(topic_rule.key for topic_rule in topic_rules),
            rules=tuple(rules),
            anchor_search=_longest_at_each_position(anchors) if anchors else None,
            rules_by_anchor={
                anchor: tuple(
                    index
                    for prefix, indexes in anchors.items()
                    if anchor.startswith(prefix)
                    for index in indexes
                )
                for anchor in anchors
            },
            always=tuple(index for index in always if index not in screened),
            screened=tuple(screened),
            screen=re.compile(
                "|".join(f"(?:{rules[index].pattern.pattern})" for index in screened), re.IGNORECASE
            )
            if screened
            else None,
        )

    def match(self, *texts: str) -> tuple[str, ...]:
        joined = "\n".join(text for text in texts if text)
        folded = fold(joined)
        candidates = set(self.always)
        if self.screen is not None and self.screen.search(joined):
            candidates.update(self.screened)
        if self.anchor_search is not None:
            # One search rather than a substring test per anchor: a statement holds few of them.
            for anchor in self.anchor_search.findall(folded):
                candidates.update(self.rules_by_anchor[anchor])
        found: set[int] = set()
        for index in sorted(candidates):
            rule = self.rules[index]
            if rule.topic in found:
                continue
            if all(fragment in folded for fragment in rule.fragments) and rule.pattern.search(joined):
                found.add(rule.topic)
        return tuple(key for topic, key in enumerate(self.keys) if topic in found)


def _longest_at_each_position(anchors: Sequence[str]) -> re.Pattern:
    """A pattern whose findall gives, for each position of a text, the longest anchor starting
    there. Every anchor that starts at the same position is a prefix of that one, so the anchors a
    text contains are those found and their prefixes. Grouped by first character, so that a
    position is ruled out by one test rather than one per anchor."""
    by_first: dict[str, list[str]] = {}
    for anchor in anchors:
        by_first.setdefault(anchor[0], []).append(anchor[1:])
    groups = [
        re.escape(first)
        + "(?:"
        + "|".join(re.escape(rest) for rest in sorted(rests, key=len, reverse=True))
        + ")"
        for first, rests in by_first.items()
    ]
    # A lookahead consumes nothing, so anchors that overlap are all found.
    return re.compile("(?=(" + "|".join(groups) + "))")


def _joinable(pattern: re.Pattern) -> bool:
    """Whether a pattern means the same inside an alternation of others: one with no groups
    (nothing a backreference could name) and no flags that must open the whole expression."""
    if pattern.groups or pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return False
    try:
        re.compile(f"(?:{pattern.pattern})", re.IGNORECASE)
    except re.error:
        return False
    return True


@functools.lru_cache(maxsize=8)
def _matcher_for(rules: tuple[TopicRule, ...]) -> TopicMatcher:
    return TopicMatcher._compile(rules)
