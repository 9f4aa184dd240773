"""The curators' admin: review statements, fix what extraction got wrong, and never lose the fix.

A curator's change to a field extraction writes is recorded in the record's `curated_fields`
(computed here from the admin form, in save_model), and re-ingest leaves such fields alone; changing
a statement's topics makes them all the curator's. Every change is kept with who, when and the old
value by django-simple-history (the "History" button on each record).
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, ForeignKey
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from . import curation
from .dates import DATED, period_start
from .extraction import SourceError
from .extraction.topics import InvalidTopicRule, compile_pattern
from .ingest import STATEMENT_EXTRACTED_FIELDS, ArticleResult, Outcome, SourceRejected, ingest_text
from .models import (
    Article,
    DatePrecision,
    Outlet,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    SpeakerRedirect,
    Statement,
    StatementTopic,
    Topic,
    TopicSource,
    normalize_name,
)

admin.site.site_header = "Diplomatic Statements Archive"
admin.site.site_title = "Archive curation"
admin.site.index_title = "Curation"

MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
CONTEXT_CHARACTERS = 300
# Retagging reads each article through extraction again: beyond this many, the retag command does it.
RETAG_IN_A_REQUEST = 100
DATE_FIELDS = ["published_on", "published_precision", "published_month_day"]


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin, listing history without select_related() (no names), deprecated in 6.1."""

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        tracked = history_manager.model.tracked_fields
        relations = [field.name for field in tracked if isinstance(field, ForeignKey)]
        records = history_manager.filter(**{pk_name: object_id})
        return records.select_related("history_user", *relations)


# Dates -------------------------------------------------------------------------------------------


def clean_partial_date(cleaned: dict, date_field: str, precision_field: str, month_day_field: str | None):
    """One date and its precision, made consistent; the date is stored as the first day of its period.

    Raises ValidationError naming the field to fix.
    """
    value, precision = cleaned.get(date_field), cleaned.get(precision_field)
    if precision in DATED:
        if value is None:
            raise ValidationError({date_field: "Give the date, or choose “Unknown” as its precision."})
        cleaned[date_field] = period_start(value, precision)
        if month_day_field:
            cleaned[month_day_field] = ""
    elif precision == DatePrecision.MONTH_DAY:
        if month_day_field is None:
            raise ValidationError({precision_field: "A statement's date needs its year."})
        if not MONTH_DAY.match(cleaned.get(month_day_field) or ""):
            raise ValidationError({month_day_field: "Write the known day as MM-DD, e.g. 12-24."})
        cleaned[date_field] = None
    elif precision == DatePrecision.UNKNOWN:
        if value is not None:
            raise ValidationError({precision_field: "Choose how precise the date is."})
        if month_day_field:
            cleaned[month_day_field] = ""
    return cleaned


# List filters --------------------------------------------------------------------------------------


class YearUnknownFilter(admin.SimpleListFilter):
    title = "publication date"
    parameter_name = "date"

    def lookups(self, request, model_admin):
        return [("year-unknown", "Year unknown: needs a curator")]

    def queryset(self, request, queryset):
        if self.value() == "year-unknown":
            return queryset.needing_a_year()
        return queryset


class RetiredFilter(admin.SimpleListFilter):
    title = "in the latest reading"
    parameter_name = "retired"

    def lookups(self, request, model_admin):
        return [("no", "Current"), ("yes", "Retired (the text no longer yields it)")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.current()
        if self.value() == "yes":
            return queryset.filter(retired_at__isnull=False)
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    """Only shown for the article a curator came from, e.g. after pasting it."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = self.value()
        if value and value.isdigit():
            article = Article.objects.filter(pk=value).only("title", "source_file").first()
            if article is not None:
                return [(value, Truncator(str(article)).chars(60))]
        return []

    def has_output(self):
        return bool(self.lookup_choices)

    def queryset(self, request, queryset):
        value = self.value()
        if value:
            if not value.isdigit():
                return queryset.none()
            return queryset.filter(article_id=value)
        return queryset


# Outlets -------------------------------------------------------------------------------------------


@admin.register(Outlet)
class OutletAdmin(HistoryAdmin):
    list_display = ["name", "slug", "website", "article_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, outlet: Outlet) -> int:
        return outlet.article_count


# Articles ------------------------------------------------------------------------------------------


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "outlet", "source_outlet", "dateline_place", "language", *DATE_FIELDS]

    def clean(self):
        cleaned = super().clean()
        return clean_partial_date(cleaned, "published_on", "published_precision", "published_month_day")


class PasteArticleForm(forms.Form):
    text = forms.CharField(
        label="Article text",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100}),
        help_text="The story as the outlet published it, dateline and all; extraction cleans it.",
    )
    name = forms.CharField(
        label="Source name",
        required=False,
        max_length=Article._meta.get_field("source_file").max_length,
        help_text=(
            "Optional. The article's key, like a file name; by default one made from the text, so "
            "pasting the same text again finds the same article. The name of an existing article "
            "re-reads it, keeping what curators changed."
        ),
    )

    def clean_text(self):
        # Browsers send text areas with CRLF line ends; files are read with the ends they have.
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if not text.strip():
            raise ValidationError("Paste the article's text.")
        return text

    def source_name(self) -> str:
        return self.cleaned_data["name"].strip() or curation.pasted_source_name(self.cleaned_data["text"])


class StatementInline(admin.TabularInline):
    """The article's statements in reading order; review them here or open one to fix it."""

    model = Statement
    fields = ["position", "speaker", "kind", "excerpt", "said", "review_status"]
    readonly_fields = ["position", "speaker", "kind", "excerpt", "said"]
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["position", "id"]

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    @admin.display(description="text")
    def excerpt(self, statement: Statement) -> str:
        return Truncator(statement.text).chars(140)

    @admin.display(description="said on")
    def said(self, statement: Statement) -> str:
        return statement.said_on_display


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    form = ArticleForm
    list_display = ["__str__", "outlet", "published", "source_file", "statement_count", "updated_at"]
    list_filter = [YearUnknownFilter, "published_precision", "outlet", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "source_file", "dateline_place"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet", "source_outlet"]
    readonly_fields = [
        "source_file",
        "original_text",
        "body",
        "content_hash",
        "curated_fields",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "source_outlet", "dateline_place", "language"]}),
        (
            "Publication date",
            {
                "fields": DATE_FIELDS,
                "description": "When the text gives no year, the day and month wait here (MM-DD) "
                "for a curator to give the full date and set the precision to “Day”.",
            },
        ),
        (
            "Source",
            {
                "fields": ["source_file", "content_hash", "curated_fields", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
        ("Text", {"fields": ["original_text", "body"], "classes": ["collapse"]}),
    ]
    inlines = [StatementInline]
    actions = ["retag_articles"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description="published", ordering="published_on")
    def published(self, article: Article) -> str:
        return article.published_display

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, article: Article) -> int:
        return article.statement_count

    def save_model(self, request, obj, form, change):
        if change:
            curation.mark_curated(obj, curation.curator_changes(form, curation.ARTICLE_EXTRACTED_FIELDS))
        super().save_model(request, obj, form, change)

    def add_view(self, request: HttpRequest, form_url="", extra_context=None):
        """An article is added by pasting its text: ingest reads it as it reads files."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PasteArticleForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                result = ingest_text(form.source_name(), form.cleaned_data["text"])
            except (SourceError, SourceRejected) as error:
                form.add_error("text", f"This text cannot be ingested: {error}")
            else:
                # A duplicate is the article that already has this text, under another name.
                article = Article.objects.get(source_file=result.duplicate_of or result.source_file)
                self._report_paste(request, article, result)
                changelist = reverse("admin:statements_statement_changelist")
                return HttpResponseRedirect(f"{changelist}?article={article.pk}")
        context = {
            **self.admin_site.each_context(request),
            "title": "Add an article from its text",
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/statements/article/paste_form.html", context)

    def _report_paste(self, request, article: Article, result: ArticleResult) -> None:
        """Log and announce what pasting did: added the article, read it again, or found it unchanged."""
        retired = f", {result.statements_retired} no longer in the text" if result.statements_retired else ""
        extracted = f"{result.statements} statement(s) extracted ({result.statements_new} new{retired})"
        if result.outcome == Outcome.NEW:
            self.log_addition(request, article, [{"added": {}}])
            note, level = f"was added: {extracted}. Review them here.", messages.SUCCESS
        elif result.outcome == Outcome.UPDATED:
            self.log_change(request, article, f"Read again from pasted text: {extracted}.")
            note, level = f"was read again from this text: {extracted}. Review them here.", messages.SUCCESS
        else:  # the same text as stored: nothing changed, so nothing is logged
            note, level = "was already in the archive with this text; here are its statements.", messages.INFO
        self.message_user(request, f"“{article}” {note}", level)

    @admin.action(description="Re-apply topic rules to the selected articles", permissions=["change"])
    def retag_articles(self, request, queryset):
        _report_retag(self, request, curation.retag(queryset))


# Speakers ------------------------------------------------------------------------------------------


class SpeakerAliasForm(forms.ModelForm):
    class Meta:
        model = SpeakerAlias
        fields = ["name"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        normalized = normalize_name(name)
        if not normalized:
            raise ValidationError("A name needs letters or digits.")
        clash = (
            SpeakerAlias.objects.filter(normalized=normalized)
            .exclude(pk=self.instance.pk)
            .select_related("speaker")
            .first()
        )
        if clash is not None:
            raise ValidationError(f"“{clash.name}” is already a name of {clash.speaker}.")
        # Derived here, where the name is validated; the model does no work on save.
        self.instance.normalized = normalized
        return name


class SpeakerAliasFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                continue
            normalized = form.instance.normalized
            if normalized in seen:
                raise ValidationError("The same name is listed twice.")
            seen.add(normalized)


class OnlySuperusersDelete:
    """Curators merge speakers instead of deleting them: a merge keeps the names as aliases and the
    addresses as redirects, which deleting a speaker, an alias or a redirect would lose."""

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class SpeakerAliasInline(OnlySuperusersDelete, admin.TabularInline):
    model = SpeakerAlias
    form = SpeakerAliasForm
    formset = SpeakerAliasFormSet
    extra = 1


class MergeSpeakersForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep",
        help_text="The others' statements, names and addresses move to this speaker.",
    )

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = speakers


@admin.register(Speaker)
class SpeakerAdmin(OnlySuperusersDelete, HistoryAdmin):
    list_display = ["name", "kind", "country", "slug", "statement_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    readonly_fields = ["curated_fields", "created_at", "updated_at"]
    fields = ["name", "slug", "kind", "country", "description", "curated_fields", "created_at", "updated_at"]
    inlines = [SpeakerAliasInline]
    actions = ["merge_speakers"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    def get_prepopulated_fields(self, request, obj=None):
        # Only a new speaker's slug follows the name: an existing one is an address people use.
        return {"slug": ["name"]} if obj is None else {}

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, speaker: Speaker) -> int:
        return speaker.statement_count

    def save_model(self, request, obj, form, change):
        if change:
            curation.mark_curated(obj, curation.curator_changes(form, curation.SPEAKER_EXTRACTED_FIELDS))
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            curation.redirect_old_slug(obj, form.initial.get("slug", ""))

    # Merging deletes the merged speakers, but keeps all they had: changing speakers is enough.
    @admin.action(description="Merge the selected speakers into one", permissions=["change"])
    def merge_speakers(self, request, queryset):
        speakers = queryset.annotate(statement_count=Count("statements")).order_by("-statement_count", "name")
        if len(speakers) < 2:
            self.message_user(request, "Select two speakers or more to merge.", messages.WARNING)
            return None
        form = MergeSpeakersForm(request.POST if "keep" in request.POST else None, speakers=speakers)
        if form.is_bound and form.is_valid():
            keep = form.cleaned_data["keep"]
            result = curation.merge_speakers(keep, list(speakers), user=request.user)
            for name in result.merged:
                self.log_change(request, keep, f"Merged {name} into this speaker.")
            self.message_user(
                request,
                f"Merged {', '.join(result.merged)} into {keep}: {result.statements_moved} statement(s) "
                f"and {result.aliases_moved} alias(es) moved, {len(result.aliases_added)} name(s) "
                "kept as aliases; their old addresses redirect.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.opts,
            "form": form,
            "speakers": speakers,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_speakers",
            "media": self.media,
        }
        return TemplateResponse(request, "admin/statements/speaker/merge_form.html", context)


@admin.register(SpeakerRedirect)
class SpeakerRedirectAdmin(OnlySuperusersDelete, HistoryAdmin):
    list_display = ["old_slug", "speaker", "created_at"]
    search_fields = ["old_slug", "speaker__name"]
    autocomplete_fields = ["speaker"]
    list_select_related = ["speaker"]


# Topics --------------------------------------------------------------------------------------------


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "description", "match_rules"]

    def clean_match_rules(self):
        rules = self.cleaned_data["match_rules"]
        problems = []
        for number, line in enumerate(rules.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                compile_pattern(line)
            except InvalidTopicRule as error:
                problems.append(f"Line {number}: {error}")
        if problems:
            raise ValidationError(problems)
        return rules


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    form = TopicForm
    list_display = ["name", "slug", "rule_count", "statement_count"]
    search_fields = ["name", "slug", "match_rules"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["retag_topics"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description="rules")
    def rule_count(self, topic: Topic) -> int:
        return len(topic.rule_lines)

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, topic: Topic) -> int:
        return topic.statement_count

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "match_rules" in form.changed_data:
            self.message_user(
                request,
                "The rules changed: select this topic and “Re-apply the selected topics’ rules”, or run "
                f"`python manage.py retag --topic {obj.slug}`, to tag the statements already stored.",
                messages.INFO,
            )

    @admin.action(description="Re-apply the selected topics’ rules", permissions=["change"])
    def retag_topics(self, request, queryset):
        """Retag the articles these topics' rules can concern, when few enough for one request."""
        articles = curation.articles_to_retag(queryset)
        if articles.values("pk")[: RETAG_IN_A_REQUEST + 1].count() > RETAG_IN_A_REQUEST:
            topics = " ".join(f"--topic {slug}" for slug in queryset.values_list("slug", flat=True))
            self.message_user(
                request,
                f"These rules may concern more than {RETAG_IN_A_REQUEST} articles, too many to read again "
                f"while the page waits: run `python manage.py retag {topics}` on the server instead.",
                messages.WARNING,
            )
            return
        _report_retag(self, request, curation.retag(articles))


def _report_retag(model_admin, request, summary: curation.RetagSummary) -> None:
    model_admin.message_user(
        request,
        f"Topic rules re-applied to {summary.articles} article(s): {summary.links_added} topic link(s) "
        f"added, {summary.links_removed} removed. Topics curators set were left alone.",
        messages.SUCCESS,
    )
    for failure in summary.failures:
        model_admin.message_user(request, f"{failure.article}: {failure.reason}", messages.ERROR)


# Statements ----------------------------------------------------------------------------------------


class StatementForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = [*STATEMENT_EXTRACTED_FIELDS, "review_status"]

    def clean(self):
        cleaned = super().clean()
        clean_partial_date(cleaned, "said_on", "said_on_precision", None)
        start, end = cleaned.get("char_start"), cleaned.get("char_end")
        if start is not None and end is not None:
            if start > end:
                raise ValidationError({"char_end": "The span must end after it starts."})
            if end > len(self.instance.article.body):
                raise ValidationError({"char_end": "The span must end within the article's text."})
        return cleaned


class StatementTopicInline(admin.TabularInline):
    """A statement's topics. Any change here makes them all the curator's (see take_over_topics)."""

    model = StatementTopic
    fields = ["topic", "source"]
    readonly_fields = ["source"]
    autocomplete_fields = ["topic"]
    extra = 1
    verbose_name = "topic"
    verbose_name_plural = "topics (rule-made ones follow the rules until a curator changes any)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic")


@admin.register(Statement)
class StatementAdmin(HistoryAdmin):
    form = StatementForm
    list_display = ["excerpt", "speaker", "said", "kind", "review_status", "article_title", "retired"]
    list_display_links = ["excerpt"]
    list_filter = [
        "review_status",
        RetiredFilter,
        ArticleFilter,
        "kind",
        "said_on_precision",
        "topics",
        "article__outlet",
    ]
    list_select_related = ["speaker", "article"]
    search_fields = [
        "text",
        "speaker__name",
        "speaker_name_as_written",
        "role_as_written",
        "article__title",
        "article__source_file",
    ]
    search_help_text = "Text, speaker (as written too), role, or the article's title or source file."
    date_hierarchy = "said_on"
    autocomplete_fields = ["speaker"]
    readonly_fields = [
        "article",
        "context",
        "position",
        "paragraph_index",
        "slug",
        "fingerprint",
        "retired_at",
        "curated_fields",
        "topic_history",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["article", "context", "text", "kind", "review_status"]}),
        ("Attribution", {"fields": ["speaker", "speaker_name_as_written", "role_as_written"]}),
        ("When it was said", {"fields": ["said_on", "said_on_precision"]}),
        (
            "Where it stands in the article's text",
            {"fields": ["char_start", "char_end", "position", "paragraph_index"]},
        ),
        (
            "Record",
            {
                "fields": [
                    "slug",
                    "fingerprint",
                    "retired_at",
                    "curated_fields",
                    "topic_history",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [StatementTopicInline]
    actions = ["mark_verified", "mark_rejected", "mark_auto"]

    def has_add_permission(self, request):
        return False  # statements come from articles: paste or ingest one

    def has_delete_permission(self, request, obj=None):
        return False  # reject instead: the statement, its permalink and its history stay

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "speaker")

    @admin.display(description="statement")
    def excerpt(self, statement: Statement) -> str:
        return Truncator(statement.text).chars(100)

    @admin.display(description="said on", ordering="said_on")
    def said(self, statement: Statement) -> str:
        return statement.said_on_display

    @admin.display(description="article", ordering="article__published_on")
    def article_title(self, statement: Statement) -> str:
        return Truncator(str(statement.article)).chars(50)

    @admin.display(description="retired", boolean=True)
    def retired(self, statement: Statement) -> bool:
        return statement.retired_at is not None

    @admin.display(description="in its article")
    def context(self, statement: Statement) -> str:
        body, start, end = statement.article.body, statement.char_start, statement.char_end
        before = body[max(0, start - CONTEXT_CHARACTERS) : start]
        after = body[end : end + CONTEXT_CHARACTERS]
        return format_html("…{}<mark>{}</mark>{}…", before, body[start:end], after)

    @admin.display(description="topic changes")
    def topic_history(self, statement: Statement) -> str:
        records = (
            StatementTopic.history.filter(statement_id=statement.pk)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        names = dict(Topic.objects.values_list("pk", "name"))
        rows = [
            (
                f"{record.history_date:%Y-%m-%d %H:%M}",
                record.history_user or record.history_change_reason or "—",
                {"+": "added", "~": "changed", "-": "removed"}[record.history_type],
                names.get(record.topic_id, f"topic {record.topic_id}"),
                TopicSource(record.source).label.lower(),
            )
            for record in records
        ]
        if not rows:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {} {} {} ({})</li>", rows))

    def save_model(self, request, obj, form, change):
        curation.mark_curated(obj, curation.curator_changes(form, STATEMENT_EXTRACTED_FIELDS))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not StatementTopic:
            return super().save_formset(request, form, formset, change)
        links = formset.save(commit=False)
        for link in formset.deleted_objects:
            link.delete()
        for link in links:
            link.source = TopicSource.CURATOR
            link.save()
        if formset.has_changed():
            curation.take_over_topics(form.instance)
        return None

    @admin.action(description="Verify the selected statements", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._review(request, queryset, ReviewStatus.VERIFIED)

    @admin.action(description="Reject the selected statements (hidden, kept)", permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._review(request, queryset, ReviewStatus.REJECTED)

    @admin.action(description="Return the selected statements to auto", permissions=["change"])
    def mark_auto(self, request, queryset):
        self._review(request, queryset, ReviewStatus.AUTO)

    def _review(self, request, queryset, status: ReviewStatus) -> None:
        changed = curation.set_review_status(queryset, status, user=request.user)
        unchanged = queryset.count() - changed
        note = f" ({unchanged} already were)" if unchanged else ""
        self.message_user(request, f"{changed} statement(s) now “{status.label}”{note}.", messages.SUCCESS)
