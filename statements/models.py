"""The archive's data: who published what, who said what, and what it was about."""

from __future__ import annotations

import contextlib
import itertools
import operator
import unicodedata
from collections.abc import Sequence
from functools import reduce

from django.db import connections, models, transaction
from django.db.models.functions import TruncMonth, TruncYear
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from . import search as full_text
from .columns import among, sort_date
from .dates import DATED, format_partial_date, period_start


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    MONTH_DAY = "month-day", "Day and month, year unknown"
    UNKNOWN = "unknown", "Unknown"


class Outlet(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    website = models.URLField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def needing_a_year(self):
        return self.filter(published_precision=DatePrecision.MONTH_DAY)


class Article(models.Model):
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="articles", null=True, blank=True
    )
    # The agency the outlet republished the story from, when it says so.
    source_outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="carried_articles", null=True, blank=True
    )
    title = models.CharField(max_length=500, blank=True)
    dateline_place = models.CharField(max_length=120, blank=True)
    # The first day of the known period; empty when the text never gives the year.
    published_on = models.DateField(null=True, blank=True, db_index=True)
    published_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    # "MM-DD" when the day is known but the year is not, for a curator to complete.
    published_month_day = models.CharField(max_length=5, blank=True)
    language = models.CharField(max_length=12, default="en")
    original_text = models.TextField(help_text="The file exactly as it was read.")
    body = models.TextField(help_text="The article text with boilerplate removed.")
    source_file = models.CharField(max_length=500, unique=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    # Fields a curator has changed; re-ingest leaves them alone.
    curated_fields = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    # Who changed what, when, and from what; the texts are the file's own record and never edited.
    history = HistoricalRecords(excluded_fields=["original_text", "body"])

    class Meta:
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title or self.source_file

    def get_absolute_url(self) -> str:
        return reverse("statements:article-detail", args=[self.pk])

    @property
    def published_display(self) -> str:
        return format_partial_date(self.published_on, self.published_precision, self.published_month_day)


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    INSTITUTION = "institution", "Institution"


# Which of a speaker's or topic's statements readers may see; see StatementQuerySet.public().
PUBLIC_STATEMENTS = models.Q(statements__retired_at__isnull=True) & ~models.Q(
    statements__review_status="rejected"
)


class SpeakerQuerySet(models.QuerySet):
    def with_statement_counts(self):
        """Annotates `statement_count` (public statements) and keeps speakers who have any."""
        return self.annotate(
            statement_count=models.Count("statements", filter=PUBLIC_STATEMENTS, distinct=True)
        ).filter(statement_count__gt=0)

    def formerly_at(self, slug: str):
        """The speaker (at most one) that a merged or renamed speaker's old slug leads to now."""
        return self.filter(redirects__old_slug=slug)


class Speaker(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=12, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    country = models.CharField(max_length=80, blank=True)
    description = models.TextField(blank=True)
    curated_fields = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SpeakerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:speaker-detail", args=[self.slug])


def speaker_name(record) -> str:
    """The name of a record's speaker, for its __str__.

    A history record's version of it may name a speaker a merge has deleted since; the admin's
    history pages still list that version.
    """
    try:
        return record.speaker.name
    except Speaker.DoesNotExist:
        return f"speaker {record.speaker_id}, merged since"


def normalize_name(name: str) -> str:
    """The form names are compared in: case, accents and punctuation folded.

    Letters outside the Latin script are kept, so "Сергей Рябков" does not fold to "".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return slugify(without_accents, allow_unicode=True).replace("-", " ")


class SpeakerAlias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return self.name


class SpeakerRedirect(models.Model):
    """An address a speaker had before a curator merged them into another or changed their slug."""

    old_slug = models.SlugField(max_length=200, unique=True)
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"/speakers/{self.old_slug}/ → {speaker_name(self)}"


class TopicQuerySet(models.QuerySet):
    def with_statement_counts(self):
        """Annotates `statement_count` (public statements); topics without any are kept."""
        return self.annotate(
            statement_count=models.Count("statements", filter=PUBLIC_STATEMENTS, distinct=True)
        )


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    match_rules = models.TextField(
        blank=True,
        help_text=(
            "One rule per line, matched case-insensitively on whole words. "
            "A trailing * matches any word ending (negotiat*); a line starting with re: "
            "is a regular expression; lines starting with # are comments."
        ),
    )

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:topic-detail", args=[self.slug])

    @property
    def rule_lines(self) -> tuple[str, ...]:
        lines = (line.strip() for line in self.match_rules.splitlines())
        return tuple(line for line in lines if line and not line.startswith("#"))


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    INDIRECT = "indirect", "Reported speech"


class ReviewStatus(models.TextChoices):
    AUTO = "auto", "Extracted automatically"
    VERIFIED = "verified", "Verified by a curator"
    REJECTED = "rejected", "Rejected by a curator"


def overlapping(date_field: str, precision_field: str, since=None, until=None) -> models.Q:
    """Stored dates whose period overlaps since…until (either may be None, for no bound).

    A stored date is the first day of its period, so the period starts by `until` when the date
    does, and it ends on or after `since` when it starts on or after the start of the period of
    its precision that holds `since`: a statement dated only "2021" may have been said in June
    2021, so said_after=2021-06 keeps it. Dates whose year is unknown overlap no bounded period.
    """
    condition = models.Q()
    if since is not None:
        condition &= reduce(
            operator.or_,
            (
                models.Q(**{precision_field: precision, f"{date_field}__gte": period_start(since, precision)})
                for precision in DATED
            ),
        )
    if until is not None:
        condition &= models.Q(**{f"{date_field}__lte": until})
    return condition


def _objects_or_slugs(field: str, values) -> models.Q:
    """Q for `field` being one of `values`: model objects compare by key, strings by slug."""
    objects = [value for value in values if not isinstance(value, str)]
    slugs = [value for value in values if isinstance(value, str)]
    condition = models.Q(**{f"{field}__in": objects}) if objects else models.Q(pk__in=[])
    if slugs:
        condition |= models.Q(**{f"{field}__slug__in": slugs})
    return condition


# A role's first and last dates looked up per query (StatementQuerySet.roles_as_written).
ROLE_ENDS_PER_QUERY = 200


@contextlib.contextmanager
def _in_index_order(using: str):
    """Queries within read tables through plain index scans: on PostgreSQL, no bitmap scans."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        yield
        # As it was, even when this transaction is part of a longer one (SET LOCAL lasts until its end).
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_bitmapscan")


class StatementQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(review_status=ReviewStatus.REJECTED).filter(retired_at__isnull=True)

    def current(self):
        """Statements the latest reading of their article still yields, rejected ones included."""
        return self.filter(retired_at__isnull=True)

    def visible_to(self, user):
        """The statements `user` may open: curators (staff) see rejected ones too, readers do not.

        Retired statements keep their permalinks; lists and feeds add current().
        """
        return self.all() if user.is_staff else self.exclude(review_status=ReviewStatus.REJECTED)

    def with_review_status(self, *statuses: str):
        return self.filter(review_status__in=statuses)

    def by_speaker(self, *speakers):
        """Statements by these speakers, given as Speaker objects (no join) or slugs."""
        return self.filter(_objects_or_slugs("speaker", speakers))

    def by_country(self, *countries: str):
        """Statements by speakers of these countries (as Speaker.country writes them)."""
        return self.filter(speaker__country__in=countries)

    def in_outlet(self, *outlets):
        """Statements from articles of these outlets, given as Outlet objects or slugs."""
        return self.filter(_objects_or_slugs("article__outlet", outlets))

    def of_kind(self, *kinds: str):
        return self.filter(kind__in=kinds)

    def in_topic(self, *topics):
        """Statements on any of these topics, given as Topic objects or slugs.

        A semi-join rather than a join: a statement on two of the topics is still one row, with no
        DISTINCT over the whole result, so "latest first" stays an index scan.
        """
        links = StatementTopic.objects.filter(_objects_or_slugs("topic", topics))
        return self.filter(models.Exists(links.filter(statement_id=models.OuterRef("pk"))))

    def said_between(self, since=None, until=None):
        """Statements said in a period that overlaps since…until (see overlapping())."""
        return self.filter(overlapping("said_on", "said_on_precision", since, until))

    def published_between(self, since=None, until=None):
        """Statements whose article's publication period overlaps since…until."""
        return self.filter(overlapping("article__published_on", "article__published_precision", since, until))

    def search(self, query):
        """Statements matching a researcher's query, annotated with `search_rank` (higher is better).

        `query` is text in the search box's syntax (words, "a phrase", OR, -word) or a ParsedQuery;
        text that cannot be searched raises search.SearchSyntaxError, whose message is for the reader.
        """
        return full_text.matching(self, query)

    def with_highlights(self, query):
        """Annotates `search_highlight`, the text with the matches of `query` marked (see search.py)."""
        return full_text.highlighted(self, query)

    def related_to(self, statement, topic_ids=(), *, limit: int, scan_limit: int = 500):
        """The `limit` other statements by the same speaker or on the same topics that share the
        most topics with `statement`, most shared topics first.

        Chosen among the speaker's `scan_limit` latest statements and each topic's `scan_limit`
        most recently added, each read in index order: a prolific speaker or a broad topic has
        tens of thousands, and counting shared topics for all of them would read them all. The
        candidates are read first (a query each) and handed over as ids: as subqueries joined by
        OR, the planner read the whole table to test them (~500 ms at a million statements).
        They are ranked in a subquery of their own, so that what a caller joins for display
        (speakers, articles) is joined for the chosen few only, not for every candidate.
        """
        by_speaker = self.filter(speaker_id=statement.speaker_id).order_by("-said_on")
        candidates = set(by_speaker.values_list("pk", flat=True)[:scan_limit])
        for topic_id in topic_ids:
            on_topic = StatementTopic.objects.using(self.db).filter(topic_id=topic_id)
            on_topic = on_topic.order_by("-statement_id")
            candidates.update(on_topic.values_list("statement_id", flat=True)[:scan_limit])
        candidates.discard(statement.pk)
        # Without topics there is nothing to share (a filter on none matches nothing, and would
        # empty the query it orders).
        shared_topics = (
            models.Count("topics", filter=models.Q(topics__in=topic_ids))
            if topic_ids
            else models.Value(0, output_field=models.IntegerField())
        )
        order = ("-shared_topics", models.F("said_on").desc(nulls_last=True), "-id")
        chosen = (
            self.filter(pk__in=among(sorted(candidates), self.db))
            .annotate(shared_topics=shared_topics)
            .order_by(*order)
            .values("pk")[:limit]
        )
        return self.filter(pk__in=chosen).annotate(shared_topics=shared_topics).order_by(*order)

    def tally(self, *fields: str, scan_limit: int | None = None):
        """How many of these statements share each value of `fields`: rows of the fields and `n`.

        Counted over the distinct statements, so a filter that joins (topics) never counts one twice;
        with `scan_limit`, over only that many of them, the most recently added.
        """
        ids = self.order_by("-pk").values("pk")[:scan_limit] if scan_limit else self.order_by().values("pk")
        distinct = self.model.objects.filter(pk__in=ids)
        fields = tuple(dict.fromkeys(fields))
        return distinct.values(*fields).annotate(n=models.Count("pk")).order_by("-n", *fields)

    def roles_as_written(self) -> list[dict]:
        """Each role the articles gave, with how often and when it was first and last published.

        `first` and `last` come with `first_precision` and `last_precision`, the precision of an
        article dated so, to be shown no more precisely than known. Two queries: the roles grouped
        on the statement's own copy of its article's date, then the precision of those end dates.
        """
        roles = list(
            self.exclude(role_as_written="")
            .values("role_as_written")
            .annotate(n=models.Count("pk"), first=models.Min(sort_date()), last=models.Max(sort_date()))
            .order_by(models.F("first").asc(nulls_last=True), "role_as_written")
        )
        ends = [
            models.Q(role_as_written=role["role_as_written"], article__published_on=role[end])
            for role in roles
            for end in ("first", "last")
            if role[end]
        ]
        # Of articles of the same date, the most precise (DatePrecision lists them so).
        rank = list(DatePrecision.values).index
        precision = {}
        # In batches: SQLite refuses a condition nested more than 1,000 deep.
        for batch in itertools.batched(ends, ROLE_ENDS_PER_QUERY):
            dated = (
                self.filter(reduce(operator.or_, batch))
                .order_by()
                .values_list("role_as_written", "article__published_on", "article__published_precision")
                .distinct()
            )
            for role, day, day_precision in dated:
                precision[role, day] = min(precision.get((role, day), day_precision), day_precision, key=rank)
        for role in roles:
            role["first_precision"] = precision.get((role["role_as_written"], role["first"]))
            role["last_precision"] = precision.get((role["role_as_written"], role["last"]))
        return roles

    def per_period(self, period: str):
        """Statements said in each month or year, oldest first: rows of `period` (a date) and `n`.

        Only dates known to that precision count: a statement dated to a year has no month.
        """
        trunc, precisions = {
            "month": (TruncMonth, [DatePrecision.DAY, DatePrecision.MONTH]),
            "year": (TruncYear, [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]),
        }[period]
        distinct = self.model.objects.filter(pk__in=self.order_by().values("pk"))
        return (
            distinct.filter(said_on__isnull=False, said_on_precision__in=precisions)
            .annotate(period=trunc("said_on"))
            .values("period")
            .annotate(n=models.Count("pk"))
            .order_by("period")
        )

    def in_reading_order(self):
        """Article by article, each in the order its statements stand in the text."""
        return self.order_by("article_id", "position", "id")

    def newest_first(self):
        """Latest articles first (undated ones last on every database), each in reading order.

        Ordered by the statement's own copy of its article's date (columns.py), which an index
        of migration 0007 keeps in this order: a page is an index scan, however large the archive.
        """
        return self.order_by(sort_date().desc(nulls_last=True), "-article_id", "position", "id")

    def oldest_first(self):
        """Earliest articles first (undated ones still last), each in reading order."""
        return self.order_by(sort_date().asc(nulls_last=True), "article_id", "position", "id")

    def latest_match_ids(self, *, speaker_ids: Sequence[int] = ()) -> list[int]:
        """The ids of the search.RANK_CANDIDATES + 1 most recently added of these statements: the
        candidates best-match order ranks, found once for every use a page makes.

        Looked for in windows of ids, the newest first (search.CANDIDATE_WINDOW, then larger, or
        that size again while the matches say it holds the rest): a phrase of common words
        matches tens of thousands of statements at a million, and reading all of them to keep the
        latest thousand cost ~75 ms.

        When these statements are all by the speakers `speaker_ids` names, and those are at most
        search.FEW_SPEAKERS, each one's statements are searched on their own instead
        (_latest_match_ids_by_speaker). The caller vouches for that: other speakers' are left out.
        """
        wanted = full_text.RANK_CANDIDATES + 1
        if 0 < len(speaker_ids) <= full_text.FEW_SPEAKERS:
            return self._latest_match_ids_by_speaker(speaker_ids, wanted)
        top = self.model._default_manager.using(self.db).aggregate(top=models.Max("pk"))["top"] or 0
        upper, window = top, full_text.CANDIDATE_WINDOW
        walk = True
        ids: list[int] = []
        while upper > 0 and len(ids) < wanted:
            lower = max(0, upper - window)
            within = self.filter(pk__gt=lower, pk__lte=upper).order_by("-pk")
            # A walk reads the window row by row, newest first, and stops once it has enough: a
            # common word's index entries (a hundred thousand at a million statements) cost more
            # to gather than its 10,000 rows do to test (~19 ms against ~5). The first window is
            # walked, and so is any later one the matches so far say holds the rest.
            with _in_index_order(self.db) if walk else contextlib.nullcontext():
                found = list(within.values_list("pk", flat=True)[: wanted - len(ids)])
                ids += found
            # How many more ids the matches so far say the rest needs, with room to spare.
            searched = top - lower
            missing = wanted - len(ids)
            needed = missing * searched / len(ids) * 1.5 if ids else window * 16
            # Walked only while this window's own matches agree: matches that thin out further
            # down (a burst of recent ones) would otherwise be walked to the table's first row.
            walk = (
                bool(found) and max(needed, missing * window / len(found) * 1.5) <= full_text.CANDIDATE_WINDOW
            )
            # Otherwise left to the planner: between 4 and 16 times the last window (each window
            # is a query, and the words' index entries may be read again by each).
            upper = lower
            window = full_text.CANDIDATE_WINDOW if walk else int(min(max(needed, window * 4), window * 16))
        return ids

    def _latest_match_ids_by_speaker(self, speaker_ids: Sequence[int], wanted: int) -> list[int]:
        """The newest `wanted` ids of these statements, by each speaker's newest `wanted`, merged.

        One speaker's statements, newest first, are read from the (speaker, id) index until enough
        match, or found through the full-text index when the words are rare among them; either way
        the work is bounded by the speaker's statements. Windows of ids (latest_match_ids) made the
        planner test every statement of each window instead: ~60 ms at a million statements for a
        common word and the most quoted speaker, against ~12 ms this way.
        """
        ids: list[int] = []
        for speaker_id in sorted(set(speaker_ids)):
            newest = self.filter(speaker_id=speaker_id).order_by("-pk")
            ids += newest.values_list("pk", flat=True)[:wanted]
        return sorted(ids, reverse=True)[:wanted]

    def best_match_first(self, candidates: list[int] | None = None):
        """By `search_rank` (after search()), ties broken newest first.

        Only the search.RANK_CANDIDATES most recently added matches are ranked: a common word
        matches a good part of a large archive, and ranking every match would read every one.
        `candidates`, when latest_match_ids() gave them already, spares finding them again.
        """
        if candidates is None:
            # One more than are shown, so a count of them can tell there are more.
            latest = self.order_by("-pk").values("pk")[: full_text.RANK_CANDIDATES + 1]
            ranked = self.filter(pk__in=latest)
        else:
            ranked = self.filter(pk__in=among(candidates, self.db))
        return ranked.order_by(
            models.F("search_rank").desc(),
            sort_date().desc(nulls_last=True),
            "-article_id",
            "position",
            "id",
        )

    def with_related(self, *, article_text: bool = False):
        """Statements with their speaker, article, outlets and topics, for showing them. The
        article's texts (kilobytes each) are left unread unless `article_text` asks for them."""
        statements = self.select_related("speaker", "article__outlet", "article__source_outlet")
        statements = statements.prefetch_related("topics")
        return statements if article_text else statements.defer("article__body", "article__original_text")


class Statement(models.Model):
    # No index of their own: statement_article_position and statement_speaker_said lead with them,
    # and every index more is written for every statement ingested.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements", db_index=False)
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="statements", db_index=False)
    speaker_name_as_written = models.CharField(max_length=200, blank=True)
    role_as_written = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=StatementKind.choices)
    text = models.TextField()
    # Words for the permalink's address, never looked up (the id is): not indexed.
    slug = models.SlugField(max_length=80, blank=True, db_index=False)
    # Where the statement stands in Article.body, so pages can show and anchor its context.
    position = models.PositiveIntegerField(help_text="Order of the statement within its article.")
    paragraph_index = models.PositiveIntegerField(default=0)
    char_start = models.PositiveIntegerField(default=0)
    char_end = models.PositiveIntegerField(default=0)
    said_on = models.DateField(null=True, blank=True)
    said_on_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    topics = models.ManyToManyField(Topic, through="StatementTopic", related_name="statements", blank=True)
    review_status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.AUTO)
    # Identifies the statement within its article across re-ingests: a hash of its normalized text.
    fingerprint = models.CharField(max_length=64)
    # Set when a changed source file no longer yields this statement; the permalink stays.
    retired_at = models.DateTimeField(null=True, blank=True)
    curated_fields = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-said_on", "article_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="unique_statement_per_article"),
        ]
        indexes = [
            models.Index(fields=["speaker", "-said_on"], name="statement_speaker_said"),
            # A speaker's latest statements by id: the candidates a search by speaker ranks, and
            # the sample its facets count, without reading everyone else's (bench/).
            models.Index(fields=["speaker", "id"], name="statement_speaker_latest"),
            models.Index(fields=["-said_on", "id"], name="statement_said_on"),
            models.Index(fields=["article", "position"], name="statement_article_position"),
            models.Index(fields=["review_status"], name="statement_review_status"),
            models.Index(fields=["kind"], name="statement_kind"),
        ]

    def __str__(self) -> str:
        return f"{speaker_name(self)}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        if self.slug:
            return reverse("statements:statement-detail", args=[self.pk, self.slug])
        return reverse("statements:statement-permalink", args=[self.pk])

    @property
    def said_on_display(self) -> str:
        return format_partial_date(self.said_on, self.said_on_precision, "")

    @property
    def text_is_curated(self) -> bool:
        """Whether a curator changed the words extraction read (a typo fixed, say)."""
        return "text" in self.curated_fields


class TopicSource(models.TextChoices):
    RULE = "rule", "Matched by a topic rule"
    CURATOR = "curator", "Set by a curator"


class StatementTopic(models.Model):
    # Indexed by the two indexes below, one leading with each (not by one of their own as well).
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, db_index=False)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, db_index=False)
    source = models.CharField(max_length=10, choices=TopicSource.choices, default=TopicSource.RULE)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "topic"], name="unique_topic_per_statement"),
        ]
        indexes = [models.Index(fields=["topic", "statement"], name="statement_topic_lookup")]

    def __str__(self) -> str:
        return f"{self.topic} ← {self.statement_id}"
