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


def test_a_permalink_answers_304_until_what_it_shows_changes(client, make_statement):
    statement = make_statement("The first statement.")
    following = make_statement("The second statement.", article=statement.article)
    url = statement.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304

    # The statement's speaker renamed.
    statement.speaker.name = "Sergei Ryabkov"
    statement.speaker.save()
    renamed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert renamed.status_code == 200 and renamed["ETag"] != first["ETag"]
    assert client.get(url, headers={"if-none-match": renamed["ETag"]}).status_code == 304

    # The next statement in its article rejected by a curator: the page no longer leads to it,
    # though the statement, its article and its speaker are as they were.
    assert following.get_absolute_url() in renamed.content.decode()
    Statement.objects.filter(pk=following.pk).update(review_status="rejected")
    without_next = client.get(url, headers={"if-none-match": renamed["ETag"]})
    assert without_next.status_code == 200
    assert following.get_absolute_url() not in without_next.content.decode()

    assert client.get("/statements/999999/", headers={"if-none-match": "*"}).status_code == 404
