"""What curators do to the archive beyond editing one record, kept apart from the admin that calls it.

- `curator_changes` and `mark_curated`: which extraction-owned fields an admin form changed, recorded
  in `curated_fields` so re-ingest leaves them alone (see statements.ingest).
- `take_over_topics`: a curator changed a statement's topics, so the whole set is theirs from now on.
- `set_review_status`, `merge_speakers` and `retag`: the bulk operations behind admin actions and the
  `retag` command; `articles_to_retag`, the articles a change to some topics' rules can concern.

Every change made here is written with its history record (django-simple-history): who, when, why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import and_

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from .extraction import SourceError
from .ingest import Ingestor, SourceRejected, content_hash
from .models import (
    Article,
    Speaker,
    SpeakerAlias,
    SpeakerRedirect,
    Statement,
    StatementTopic,
    TopicSource,
    normalize_name,
)

# The fields extraction writes, which a curator's change takes over (ingest's `_article_values`).
ARTICLE_EXTRACTED_FIELDS = (
    "outlet",
    "source_outlet",
    "title",
    "dateline_place",
    "published_on",
    "published_precision",
    "published_month_day",
    "language",
)
# Ingest never rewrites a speaker it found, but a curator's correction is still worth marking.
SPEAKER_EXTRACTED_FIELDS = ("name", "kind", "country")

# A statement's slug is made from its speaker and text once, when ingest creates it, and never again:
# when a curator changes either, the slug it was published under stays (marked curated, so the record
# says the slug no longer follows them), and links keep working.
SLUG_SOURCES = {"speaker", "text"}

TOPICS = "topics"
REASON_MAX_LENGTH = 100


def curator_changes(form, owned: Sequence[str]) -> list[str]:
    """The extraction-owned fields a bound, valid admin form changes.

    Those the form reports changed, and any whose new value differs from the stored row: a form
    opened from an older version in the history view starts from that version, not the stored one.
    """
    instance = form.instance
    names = [name for name in owned if name in form.fields]
    changed = {name for name in form.changed_data if name in names}
    if instance.pk is not None and names:
        attnames = {name: instance._meta.get_field(name).attname for name in names}
        stored = type(instance)._default_manager.filter(pk=instance.pk).values(*attnames.values()).first()
        if stored is not None:
            changed |= {
                name for name, attname in attnames.items() if getattr(instance, attname) != stored[attname]
            }
    return [name for name in owned if name in changed]


def mark_curated(instance, names: Iterable[str]) -> bool:
    """Add `names` to the instance's `curated_fields` (unsaved); True when the list grew."""
    names = set(names)
    if isinstance(instance, Statement) and names & SLUG_SOURCES:
        names.add("slug")
    before = set(instance.curated_fields)
    if names <= before:
        return False
    instance.curated_fields = sorted(before | names)
    return True


def take_over_topics(statement: Statement) -> None:
    """The curator's topic links are the statement's topics now: rule tagging never changes them.

    Called after a curator added, changed or removed any of a statement's topic links: every link
    left becomes a curator's, and "topics" in `curated_fields` makes ingest and retag skip the
    statement, so a rule-made topic the curator removed does not come back either.
    """
    for link in StatementTopic.objects.filter(statement=statement).exclude(source=TopicSource.CURATOR):
        link.source = TopicSource.CURATOR
        link._change_reason = "topics set by a curator"
        link.save(update_fields=["source"])
    if mark_curated(statement, [TOPICS]):
        statement._change_reason = "topics set by a curator"
        statement.save(update_fields=["curated_fields", "updated_at"])


def set_review_status(statements: Iterable[Statement], status: str, user=None) -> int:
    """Verify, reject or return statements to auto; how many changed. Rejected ones stay stored."""
    now = timezone.now()
    changed = [statement for statement in statements if statement.review_status != status]
    for statement in changed:
        statement.review_status = status
        statement.updated_at = now
    bulk_update_with_history(
        changed,
        Statement,
        ["review_status", "updated_at"],
        default_user=user,
        default_change_reason=f"review: {status}",
    )
    return len(changed)


@dataclass
class MergeResult:
    kept: Speaker
    merged: list[str]
    statements_moved: int = 0
    aliases_moved: int = 0
    aliases_added: list[str] = field(default_factory=list)


@transaction.atomic
def merge_speakers(keep: Speaker, others: Iterable[Speaker], user=None) -> MergeResult:
    """Fold `others` into `keep`: their statements, aliases and addresses move, their names stay known.

    Each merged speaker's name becomes an alias of the kept one (so later ingests attribute to it),
    their slug a SpeakerRedirect (so /speakers/<old slug>/ leads to it); then they are deleted.
    Statements keep their ids and slugs: every permalink still works.
    """
    others = [other for other in others if other.pk != keep.pk]
    result = MergeResult(kept=keep, merged=[other.name for other in others])
    if not others:
        return result
    reason = _reason(f"merged into {keep.name} ({keep.slug})")
    now = timezone.now()

    statements = list(Statement.objects.filter(speaker__in=others))
    for statement in statements:
        statement.speaker = keep
        statement.updated_at = now
    bulk_update_with_history(
        statements, Statement, ["speaker", "updated_at"], default_user=user, default_change_reason=reason
    )
    result.statements_moved = len(statements)

    def attributed(instance):
        # Signal-made history records name the request's user; a merge run elsewhere names `user`.
        instance._change_reason = reason
        if user is not None:
            instance._history_user = user
        return instance

    kept_name = normalize_name(keep.name)
    for alias in SpeakerAlias.objects.filter(speaker__in=others):
        attributed(alias)
        if alias.normalized == kept_name:
            alias.delete()  # the kept speaker's own name needs no alias
            continue
        alias.speaker = keep
        alias.save(update_fields=["speaker"])
        result.aliases_moved += 1
    taken = set(SpeakerAlias.objects.values_list("normalized", flat=True)) | {kept_name}
    for other in others:
        normalized = normalize_name(other.name)
        if not normalized or normalized in taken:
            continue
        taken.add(normalized)
        attributed(SpeakerAlias(speaker=keep, name=other.name, normalized=normalized)).save()
        result.aliases_added.append(other.name)

    # One by one, not update(): each redirect's history keeps the speaker it led to before.
    for redirect in SpeakerRedirect.objects.filter(speaker__in=others):
        redirect.speaker = keep
        attributed(redirect).save(update_fields=["speaker"])
    for other in others:
        redirect = SpeakerRedirect.objects.filter(old_slug=other.slug).first()
        redirect = redirect or SpeakerRedirect(old_slug=other.slug)
        redirect.speaker = keep
        attributed(redirect).save()
        attributed(other).delete()
    return result


def redirect_old_slug(speaker: Speaker, old_slug: str) -> None:
    """A curator changed a speaker's slug: the old address leads to them from now on."""
    if old_slug and old_slug != speaker.slug:
        SpeakerRedirect.objects.update_or_create(old_slug=old_slug, defaults={"speaker": speaker})
    SpeakerRedirect.objects.filter(old_slug=speaker.slug).delete()  # the speaker's own address now


@dataclass(frozen=True)
class RetagFailure:
    article: str
    reason: str


@dataclass
class RetagSummary:
    articles: int = 0
    links_added: int = 0
    links_removed: int = 0
    failures: list[RetagFailure] = field(default_factory=list)


def retag(articles=None, *, on_progress=None) -> RetagSummary:
    """Apply the topic rules as they are now to the statements of `articles` (default: all).

    Each article's stored text goes through extraction again, as `ingest --force` would read it, and
    only rule-made topic links change: links a curator set, statements whose topics a curator chose,
    verified, rejected and retired statements are left alone (see Ingestor.retag). An article whose
    extraction fails is reported and the others go on.
    """
    articles = Article.objects.all() if articles is None else articles
    ingestor = Ingestor()
    summary = RetagSummary()
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    for done, pk in enumerate(ids, start=1):
        article = Article.objects.only("pk", "source_file", "original_text").get(pk=pk)
        try:
            added, removed = ingestor.retag(article)
        except (SourceError, SourceRejected) as error:
            summary.failures.append(RetagFailure(article.source_file, str(error)))
        else:
            summary.articles += 1
            summary.links_added += added
            summary.links_removed += removed
        if on_progress is not None:
            on_progress(done, len(ids), article.source_file)
    return summary


def articles_to_retag(topics) -> QuerySet[Article]:
    """The articles whose statements a change to these topics' rules can retag.

    Those with a statement on one of the topics now (a changed rule may no longer match it), and
    those whose text holds every word of one of the rules. The words are looked for as the database
    compares text case-insensitively, which is ASCII only on SQLite, so words with other letters
    are left out of the test; a rule without any other word, and a regular expression (re:),
    narrows nothing: then every article is one.
    """
    topics = list(topics)
    wanted = Q(pk__in=Statement.objects.filter(topics__in=topics).values("article_id"))
    for topic in topics:
        for rule in topic.rule_lines:
            words = _ascii_rule_words(rule)
            if not words:
                return Article.objects.all()
            wanted |= reduce(and_, (Q(body__icontains=word) for word in words))
    return Article.objects.filter(wanted)


def _ascii_rule_words(rule: str) -> list[str]:
    """The runs of text a word rule's every match contains, as extraction.topics compiles it: its
    words without a trailing *, split at hyphens ("Asia-Pacific" also matches "Asia Pacific")."""
    if rule.lower().startswith("re:"):
        return []
    pieces = (piece for word in rule.split() for piece in word.rstrip("*").split("-"))
    return [piece for piece in pieces if piece and piece.isascii()]


def pasted_source_name(text: str) -> str:
    """The key of an article pasted in the admin: the same text pasted twice is the same article."""
    return f"pasted/{content_hash(text.encode('utf-8'))[:16]}.txt"


def _reason(text: str) -> str:
    return text[:REASON_MAX_LENGTH]
