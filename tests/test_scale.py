"""What keeps pages fast on a large archive: the indexed copy of the article's date, HTTP validators."""

from __future__ import annotations

import datetime as dt

import pytest

from statements.columns import sort_date
from statements.models import Article, Statement

pytestmark = pytest.mark.django_db


def copied_dates() -> dict[int, dt.date | None]:
    rows = Statement.objects.annotate(copy=sort_date()).values_list("pk", "copy")
    return {pk: dt.date.fromisoformat(copy) if isinstance(copy, str) else copy for pk, copy in rows}


def test_statements_follow_their_articles_date_through_every_change(make_statement):
    first = make_statement("The first statement.")
    other = Article.objects.create(
        source_file="other.txt", original_text="-", body="-", content_hash="1" * 64, published_on=None
    )
    second = make_statement("The second statement.", article=other)
    assert copied_dates() == {first.pk: dt.date(2021, 12, 24), second.pk: None}

    other.published_on = dt.date(2022, 3, 1)
    other.save()  # a curator gives the undated article its date
    assert copied_dates()[second.pk] == dt.date(2022, 3, 1)
    assert list(Statement.objects.newest_first()) == [second, first]

    first.article = other
    first.save()  # moved to another article (and saved again by Django, which never names the copy)
    assert copied_dates()[first.pk] == dt.date(2022, 3, 1)

    Article.objects.filter(pk=other.pk).update(published_on=None)  # a bulk update reaches them too
    assert copied_dates() == {first.pk: None, second.pk: None}


def test_a_permalink_answers_304_until_the_statement_article_or_speaker_changes(client, make_statement):
    statement = make_statement("The first statement.")
    url = statement.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]

    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304

    statement.speaker.name = "Sergei Ryabkov"
    statement.speaker.save()
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert client.get("/statements/999999/", headers={"if-none-match": "*"}).status_code == 404
