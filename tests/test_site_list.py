"""/statements/: search, filters in the query string, facet counts, sorting, paging, bad input."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.contrib.auth import get_user_model

from statements.models import Article, Outlet, ReviewStatus, Speaker, Statement, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(make_statement):
    """Three speakers, two outlets, dated and undated statements, one rejected."""
    sputnik = Outlet.objects.create(name="Sputnik", slug="sputnik")
    later = Article.objects.create(
        outlet=sputnik,
        source_file="later.txt",
        title="Later story",
        published_on=dt.date(2023, 2, 22),
        published_precision="day",
        content_hash="9" * 64,
    )
    return {
        "space": make_statement(
            "Russia and China oppose an arms race in outer space.",
            kind="indirect",
            said_on=dt.date(2021, 12, 24),
            said_on_precision="day",
            topics=["outer-space", "arms-control"],
        ),
        "negotiate": make_statement(
            "We are ready to negotiate on security guarantees.",
            said_on=dt.date(2021, 12, 20),
            said_on_precision="day",
            topics=["security-guarantees"],
        ),
        "wang": make_statement(
            "Outer space must remain peaceful for all nations.",
            speaker="Wang Yi",
            article=later,
            position=1,
            said_on=dt.date(2023, 2, 21),
            said_on_precision="day",
            topics=["outer-space"],
        ),
        "undated": make_statement("Negotiations on NATO expansion are needed.", topics=["nato"]),
        "rejected": make_statement(
            "Outer space advertisement, subscribe now.", review_status=ReviewStatus.REJECTED
        ),
    }


def listed(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<li class="statement statement-\w+" id="statement-(\d+)"', html)


def ids(*statements: Statement) -> list[str]:
    return [str(statement.pk) for statement in statements]


def test_search_finds_highlights_and_ranks(client, archive):
    response = client.get("/statements/", {"q": "outer space"})

    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(ids(archive["space"], archive["wang"]))
    html = response.content.decode()
    assert "<mark>outer</mark> <mark>space</mark>" in html or "<mark>outer space</mark>" in html
    assert "2 statements matching “outer space”" in html
    assert '<strong aria-current="true">Best match</strong>' in html
    assert "advertisement" not in html  # rejected statements never show


def test_search_syntax_phrases_or_exclusion_and_stems(client, archive):
    assert listed(client.get("/statements/", {"q": '"arms race"'})) == ids(archive["space"])
    assert sorted(listed(client.get("/statements/", {"q": "nato OR guarantees"}))) == sorted(
        ids(archive["negotiate"], archive["undated"])
    )
    assert listed(client.get("/statements/", {"q": "space -peaceful"})) == ids(archive["space"])
    assert sorted(listed(client.get("/statements/", {"q": "negotiations"}))) == sorted(
        ids(archive["negotiate"], archive["undated"])
    )


def test_filters_combine_and_live_in_the_query_string(client, archive):
    response = client.get(
        "/statements/",
        {
            "q": "space",
            "speaker": ["sergey-ryabkov", "wang-yi"],
            "said_after": "2022",
            "said_before": "2023-02",
        },
    )

    assert listed(response) == ids(archive["wang"])
    html = response.content.decode()
    assert "Speaker: Wang Yi" in html and "Said from: 2022" in html and "Said until: 2023-02" in html
    # Removing one filter keeps the others.
    remove_wang = re.search(r'<li>Speaker: Wang Yi <a class="remove" href="([^"]+)"', html)[1]
    assert "speaker=sergey-ryabkov" in remove_wang and "wang-yi" not in remove_wang
    assert "said_after=2022" in remove_wang and "q=space" in remove_wang


def test_each_filter_narrows(client, archive):
    def only(**params):
        return sorted(listed(client.get("/statements/", params)))

    assert only(topic="outer-space") == sorted(ids(archive["space"], archive["wang"]))
    assert only(topic=["nato", "security-guarantees"]) == sorted(
        ids(archive["negotiate"], archive["undated"])
    )
    assert only(outlet="sputnik") == ids(archive["wang"])
    assert only(kind="indirect") == ids(archive["space"])
    assert only(published_after="2023") == ids(archive["wang"])
    assert only(published_before="2021-12-31") == sorted(
        ids(archive["space"], archive["negotiate"], archive["undated"])
    )
    assert only(said_after="2021-12-21", said_before="2021-12-24") == ids(archive["space"])


def test_country_filter_uses_the_speakers_country(client, archive):
    from statements.models import Speaker

    Speaker.objects.filter(slug="wang-yi").update(country="China")

    assert listed(client.get("/statements/", {"country": "China"})) == ids(archive["wang"])
    assert listed(client.get("/statements/", {"country": "Atlantis"})) == []
    # Typed by hand in another case, a country reads as the speakers' records write it.
    typed = client.get("/statements/", {"country": "CHINA", "kind": "direct"})
    assert typed.status_code == 301 and typed["Location"] == "/statements/?country=China&kind=direct"
    feed = client.get("/statements/feed/", {"country": "china"}).content.decode()
    assert "Outer space must remain peaceful for all nations." in feed and "NATO" not in feed


def test_facets_count_each_choice_as_if_it_were_not_chosen_yet(client, archive):
    response = client.get("/statements/", {"speaker": "wang-yi"})

    facets = {facet.name: facet for facet in response.context["facets"]}
    speakers = {choice.value: (choice.count, choice.selected) for choice in facets["speaker"].choices}
    assert speakers == {"sergey-ryabkov": (3, False), "wang-yi": (1, True)}
    topics = {choice.value: choice.count for choice in facets["topic"].choices}
    assert topics == {"outer-space": 1}  # within Wang Yi's statements
    kinds = {choice.label: choice.count for choice in facets["kind"].choices}
    assert kinds == {"Direct quote": 1}
    html = response.content.decode()
    assert 'name="speaker" value="wang-yi" form="filters" checked' in html


def test_sorting_newest_oldest_and_unknown_values(client, archive):
    newest = listed(client.get("/statements/"))
    oldest = listed(client.get("/statements/", {"sort": "oldest"}))

    assert newest[0] == str(archive["wang"].pk)
    assert oldest[0] != str(archive["wang"].pk) and oldest[-1] == str(archive["wang"].pk)
    # An unknown sort, or relevance without a search, falls back to the default.
    assert listed(client.get("/statements/", {"sort": "sideways"})) == newest
    assert listed(client.get("/statements/", {"sort": "relevance"})) == newest


def test_the_count_is_capped_and_pages_keep_the_filters(client, make_statement, monkeypatch):
    monkeypatch.setattr("statements.views.RANK_CANDIDATES", 30)
    monkeypatch.setattr("statements.filters.FACET_SCAN_LIMIT", 30)
    for number in range(35):
        make_statement(f"Statement about treaties number {number}.", topics=["arms-control"])

    first = client.get("/statements/", {"q": "treaties", "topic": "arms-control"})
    html = first.content.decode()

    assert "30+ statements" in html
    assert "Page 1 of 2+" in html
    assert 'href="?q=treaties&amp;topic=arms-control&amp;page=2"' in html
    assert len(listed(client.get("/statements/", {"q": "treaties", "topic": "arms-control", "page": 2}))) == 5


def test_best_match_pages_show_every_match_once_best_first(client, make_statement):
    made = {}
    for number in range(10):
        made.setdefault(3, []).append(make_statement(f"Treaties treaties treaties, number {number}."))
        made.setdefault(2, []).append(make_statement(f"Treaties treaties and more, number {number}."))
        made.setdefault(1, []).append(make_statement(f"Treaties and other matters, number {number}."))

    first = client.get("/statements/", {"q": "treaties"})
    second = client.get("/statements/", {"q": "treaties", "page": 2})

    shown = listed(first) + listed(second)
    assert len(shown) == len(set(shown)) == 30
    assert set(shown[:10]) == set(ids(*made[3])) and set(shown[10:20]) == set(ids(*made[2]))
    assert first.content.decode().count(">Sergey Ryabkov</a>") == 25


@pytest.fixture
def three_ranked(monkeypatch):
    """Best-match order ranks the 3 most recently added matches (and a fourth tells there are more)."""
    monkeypatch.setattr("statements.search.RANK_CANDIDATES", 3)
    monkeypatch.setattr("statements.views.RANK_CANDIDATES", 3)


# Candidates are looked for in windows of ids, newest first: one window, or many, each with few.
@pytest.mark.parametrize("window", [50_000, 2])
def test_best_match_order_ranks_only_the_most_recently_added_candidates(
    client, make_statement, monkeypatch, three_ranked, window
):
    monkeypatch.setattr("statements.search.CANDIDATE_WINDOW", window)
    made = []
    for number in range(5):
        made.append(make_statement(f"Treaties and more treaties, number {number}."))
        make_statement(f"Nothing to look for here, number {number}.")
    made.append(make_statement("Treaties, treaties, treaties and treaties again."))  # the best match, newest

    best = client.get("/statements/", {"q": "treaties"})
    newest = client.get("/statements/", {"q": "treaties", "sort": "newest"})

    # The two oldest are never ranked (nor is a fourth shown: it only tells that there are more).
    assert len(listed(best)) == 3 and set(listed(best)) <= set(ids(*made[-4:]))
    assert listed(best)[0] == str(made[-1].pk)
    assert "3+ statements" in best.content.decode()
    assert "sort by newest first to page through all of them" in best.content.decode()
    assert len(listed(newest)) == 6


def test_when_most_statements_match_the_next_window_holds_the_rest(
    client, make_statement, monkeypatch, three_ranked
):
    # Three of the newest four match: the next window of four is read on, newest first, for the rest.
    monkeypatch.setattr("statements.search.CANDIDATE_WINDOW", 4)
    never_ranked = make_statement("Treaties, treaties, treaties, treaties and treaties: the oldest.")
    best = make_statement("Treaties, treaties, treaties and treaties.")
    others = [make_statement("Treaties and more treaties.")]
    make_statement("Nothing to look for here.")
    others += [make_statement(f"Treaties, number {number}.") for number in range(2)]

    page = client.get("/statements/", {"q": "treaties"})

    assert listed(page)[0] == str(best.pk)
    assert str(never_ranked.pk) not in listed(page) and set(listed(page)) <= set(ids(best, *others))
    assert "3+ statements" in page.content.decode()


def test_matches_that_thin_out_further_down_are_not_read_row_by_row(
    client, make_statement, monkeypatch, django_assert_max_num_queries
):
    # The newest window holds all but one of the candidates, so the rest looks near; the windows
    # below it hold none: they are searched in ever larger windows, not read row by row to the end.
    monkeypatch.setattr("statements.search.RANK_CANDIDATES", 30)
    monkeypatch.setattr("statements.views.RANK_CANDIDATES", 30)
    monkeypatch.setattr("statements.search.CANDIDATE_WINDOW", 31)
    oldest = make_statement("Treaties, the oldest match.")
    Statement.objects.bulk_create(
        Statement(
            article=oldest.article,
            speaker=oldest.speaker,
            text=f"Nothing to look for here, number {number}.",
            kind="direct",
            position=1000 + number,
            fingerprint=f"nothing-{number}",
        )
        for number in range(620)
    )
    make_statement("Nothing here either.")
    for number in range(30):
        make_statement(f"Treaties, number {number}.")

    # Row by row, one window of 31 a query, this page took 28 queries on SQLite and 112 on PostgreSQL.
    with django_assert_max_num_queries(20):
        page = client.get("/statements/", {"q": "treaties"})

    # The oldest match was found too: a 31st candidate, only telling that there are more.
    assert "30+ statements" in page.content.decode()


@pytest.mark.parametrize("few_speakers", [5, 0])
def test_best_match_among_chosen_speakers_ranks_their_most_recent_matches(
    client, make_statement, monkeypatch, three_ranked, few_speakers
):
    # Searched speaker by speaker (a few chosen) or in windows of ids (many): the same statements.
    monkeypatch.setattr("statements.search.FEW_SPEAKERS", few_speakers)
    monkeypatch.setattr("statements.search.CANDIDATE_WINDOW", 2)
    ryabkov = [make_statement(f"Treaties again, number {n}.", speaker="Sergey Ryabkov") for n in range(3)]
    lavrov = []
    for number in range(5):
        lavrov.append(make_statement(f"Treaties, number {number}.", speaker="Sergey Lavrov"))
        make_statement(f"Treaties said by someone else, number {number}.", speaker="Maria Zakharova")
    make_statement("Nothing to look for, Lavrov said.", speaker="Sergey Lavrov")

    one = client.get("/statements/", {"q": "treaties", "speaker": "sergey-ryabkov"})
    two = client.get("/statements/", {"q": "treaties", "speaker": ["sergey-ryabkov", "sergey-lavrov"]})

    assert set(listed(one)) == set(ids(*ryabkov))
    assert "3 statements" in one.content.decode()
    # Of the two speakers' eight matches, the four newest (all Lavrov's) are ranked, and a fourth
    # only tells that there are more.
    assert len(listed(two)) == 3 and set(listed(two)) <= set(ids(*lavrov[1:]))
    assert "3+ statements" in two.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"speaker": "nobody"}, "There is no speaker “nobody” in the archive."),
        ({"topic": "no-such-topic"}, "There is no topic “no-such-topic” in the archive."),
        ({"outlet": "x" * 10_000}, "There is no outlet “xxxxxxxx"),
        ({"said_after": "2021-13-45"}, "“2021-13-45” is not a date"),
        ({"published_before": "yesterday"}, "“yesterday” is not a date"),
        ({"said_before": "2021-02-30"}, "“2021-02-30” is not a date"),
        ({"kind": "shouted"}, "Select a valid choice"),
        ({"q": "-nato"}, "at least one word to look for"),
        ({"q": "the of and"}, "only very common words"),
        ({"q": "junk " * 2000}, "please keep it under 300"),
        ({"q": "nul\x00byte", "country": "Rus\x00sia"}, "Null characters are not allowed"),
        ({"speaker": "not a slug!"}, "There is no speaker “not a slug!”"),
    ],
)
def test_bad_query_strings_get_a_friendly_400(client, archive, params, message):
    response = client.get("/statements/", params)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Some of this search could not be read" in html
    assert message in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert "start again with no filters" in html


def test_a_form_that_could_not_be_read_keeps_every_choice_made(client, archive):
    query = {
        "topic": "outer-space",
        "speaker": ["wang-yi", "nobody"],
        "kind": "direct",
        "said_after": "2021-13-45",
    }
    response = client.get("/statements/", query)

    assert response.status_code == 400
    html = response.content.decode()
    checked = set(
        re.findall(r'<input type="checkbox" name="(\w+)" value="([^"]+)" form="filters" checked>', html)
    )
    assert checked == {
        ("topic", "outer-space"),
        ("speaker", "wang-yi"),
        ("speaker", "nobody"),
        ("kind", "direct"),
    }
    assert 'value="2021-13-45"' in html
    # The error summary's links lead to the choices to correct.
    assert 'href="#id_speaker"' in html and 'id="id_speaker"' in html
    assert 'href="#id_said_after"' in html and 'id="id_said_after"' in html


def test_page_junk_falls_back_to_a_real_page(client, archive):
    for page in ("abc", "-1", "0", "99999999999999999999", "1.5"):
        response = client.get("/statements/", {"page": page})
        assert response.status_code == 200, page
        assert listed(response)


def test_ten_kilobytes_of_junk_never_breaks_the_page(client, archive):
    junk = "".join(chr(33 + (index * 7919) % 90) for index in range(10_000))
    for params in ({"q": junk}, {"said_after": junk}, {"speaker": junk}, {junk[:40]: junk}, {"page": junk}):
        response = client.get("/statements/", params)
        assert response.status_code in (200, 400), params
    assert client.get("/statements/?" + junk).status_code in (200, 400)


def test_review_status_is_for_staff_only(client, archive):
    public = client.get("/statements/", {"review_status": "rejected"})
    assert str(archive["rejected"].pk) not in listed(public)
    assert "Review status" not in public.content.decode()

    staff = get_user_model().objects.create_user("curator", password="x", is_staff=True)
    client.force_login(staff)
    default = client.get("/statements/")
    assert str(archive["rejected"].pk) not in listed(default)
    rejected = client.get("/statements/", {"review_status": "rejected"})
    assert listed(rejected) == ids(archive["rejected"])
    statuses = {choice.value: choice.count for choice in default.context["facets"][-1].choices}
    assert statuses == {"auto": 4, "rejected": 1}
    # A search, best matches first, hides them too unless they are asked for.
    assert str(archive["rejected"].pk) not in listed(client.get("/statements/", {"q": "subscribe"}))
    searched = client.get("/statements/", {"q": "subscribe", "review_status": "rejected"})
    assert listed(searched) == ids(archive["rejected"])


def test_staff_open_the_rejected_statements_they_list_and_readers_do_not(client, archive):
    rejected = archive["rejected"]
    url = rejected.get_absolute_url()
    assert client.get(url).status_code == 404

    client.force_login(get_user_model().objects.create_user("curator", password="x", is_staff=True))
    html = client.get("/statements/", {"review_status": "rejected"}).content.decode()
    assert f'href="{url}"' in html

    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Rejected by a curator." in page and "Only curators see this page" in page
    assert "Rejected by a curator." not in client.get(archive["space"].get_absolute_url()).content.decode()
    client.logout()
    assert client.get(url).status_code == 404


def test_a_period_overlapping_the_date_filters_is_kept(client, make_statement):
    """A date known only to the year or month may fall anywhere in it: it is kept by any filter that
    overlaps that period, and left out only when the whole period lies outside."""
    in_2021 = make_statement("Said some time in 2021.", said_on=dt.date(2021, 1, 1), said_on_precision="year")
    in_june = make_statement("Said in June 2021.", said_on=dt.date(2021, 6, 1), said_on_precision="month")
    on_the_day = make_statement("Said on 15 June.", said_on=dt.date(2021, 6, 15), said_on_precision="day")

    def only(**params):
        return sorted(listed(client.get("/statements/", params)))

    assert only(said_after="2021-06") == sorted(ids(in_2021, in_june, on_the_day))
    assert only(said_after="2021-06-20") == sorted(ids(in_2021, in_june))
    assert only(said_after="2021-07") == ids(in_2021)
    assert only(said_after="2022") == []
    assert only(said_before="2021-06-10") == sorted(ids(in_2021, in_june))
    assert only(said_before="2020") == []
    assert only(said_after="2021-06-16", said_before="2021-06-30") == sorted(ids(in_2021, in_june))

    year_only = Article.objects.create(
        source_file="year-only.txt", published_on=dt.date(2021, 1, 1), published_precision="year"
    )
    published_2021 = make_statement("Published some time in 2021.", article=year_only)
    assert str(published_2021.pk) in only(published_after="2021-12-24")
    assert str(published_2021.pk) not in only(published_after="2022-01")


def test_list_pages_cost_a_bounded_number_of_queries(
    client, make_statement, django_assert_max_num_queries, newest_window_statements
):
    for number in range(60):
        make_statement(
            f"Statement on space and treaties {number}.",
            speaker=f"Speaker {number % 9}",
            topics=["nato", "outer-space"] if number % 2 else ["sanctions"],
        )
    speaker, topic = "speaker-3", "outer-space"
    article = Statement.objects.first().article_id

    bounds = {
        "/": 7,
        "/statements/": 5,
        # A search finds its latest matches once (the newest id, then a window of ids below it),
        # which it ranks, counts and samples for its facets; it ranks them, then reads the page's.
        "/statements/?q=space+treaties": 7 + newest_window_statements,
        # Narrowed to a few speakers, a search looks among each one's statements: a query each.
        f"/statements/?q=space&speaker={speaker}&topic={topic}&topic=nato&outlet=tass&said_after=2020": 16,
        "/statements/?q=space&" + "&".join(f"speaker=speaker-{number}" for number in range(5)): 7 + 5,
        "/statements/?page=2&sort=oldest": 6,
        "/speakers/": 2,
        f"/speakers/{speaker}/": 9,
        "/topics/": 1,
        f"/topics/{topic}/": 8,
        f"/articles/{article}/": 3,
        "/statements/feed/?topic=nato": 3,
    }
    for url, bound in bounds.items():
        with django_assert_max_num_queries(bound):
            response = client.get(url)
        assert response.status_code == 200, url


def test_every_paginated_page_shrugs_off_a_bad_page_number(client, archive):
    for url in ("/speakers/", "/speakers/sergey-ryabkov/", "/topics/outer-space/"):
        for page in ("abc", "-5", "1e9", "%00"):
            response = client.get(url, {"page": page})
            assert response.status_code == 200, (url, page)


def test_a_search_that_matches_nothing_says_so(client, archive):
    for params in ({"q": "zanzibar"}, {"q": "zanzibar", "speaker": "sergey-ryabkov"}):
        html = client.get("/statements/", params).content.decode()

        assert "0 statements matching “zanzibar”" in " ".join(html.split())
        assert "No statements match these filters." in html


def test_links_naming_a_renamed_or_merged_speaker_by_their_old_slug_keep_working(
    client, make_statement, run_command
):
    from statements.models import Speaker, SpeakerRedirect

    kept = make_statement("We are ready to talk.", speaker="Nikolay Patrushev")
    make_statement("Something else entirely.", speaker="Sergey Lavrov")
    patrushev = Speaker.objects.get(slug="nikolay-patrushev")
    SpeakerRedirect.objects.create(old_slug="nikolai-patrushev", speaker=patrushev)

    saved = client.get("/statements/", {"speaker": ["nikolai-patrushev", "sergey-lavrov"], "kind": "direct"})
    feed = client.get("/statements/feed/", {"speaker": "nikolai-patrushev"}).content.decode()
    export = run_command("export_statements", "--format", "jsonl", "--speaker", "nikolai-patrushev")

    assert saved.status_code == 301
    assert saved["Location"] == "/statements/?speaker=nikolay-patrushev&speaker=sergey-lavrov&kind=direct"
    assert len(listed(client.get(saved["Location"]))) == 2
    assert "We are ready to talk." in feed and "Something else entirely." not in feed
    assert export.error is None
    assert [json.loads(line)["id"] for line in export.stdout.splitlines() if line] == [kept.pk]
    # A slug no speaker ever had is still refused.
    assert client.get("/statements/", {"speaker": "nikolai-nobody"}).status_code == 400


def test_facet_counts_read_aloud_in_the_singular_and_plural(client, archive):
    html = client.get("/statements/").content.decode()

    assert re.search(r'<span class="count">1<span class="visually-hidden"> statement</span>', html)
    assert re.search(r'<span class="count">[2-9]<span class="visually-hidden"> statements</span>', html)


def test_a_facet_cut_to_the_most_common_leads_to_every_choice(client, make_statement, monkeypatch):
    monkeypatch.setattr("statements.filters.FACET_CHOICES_SHOWN", 2)
    for number in range(3):
        make_statement(f"Statement number {number}.", speaker=f"Speaker {number}", topics=["nato"])

    html = client.get("/statements/").content.decode()

    assert 'Only the most quoted are listed: see <a href="/speakers/">all speakers</a>.' in html
    # One topic among these statements: all of it is shown, with nothing to lead to.
    assert '<a href="/topics/">all topics</a>' not in html


def test_rows_shown_before_show_every_later_edit_however_it_was_made(client, archive):
    """Rendered rows are kept and reused; queryset updates (which leave updated_at alone) and
    renames of what a row names must still show on the next page built."""
    space = archive["space"]
    pages = ["/", "/statements/", "/statements/?q=china", "/topics/outer-space/", "/speakers/sergey-ryabkov/"]
    for url in pages:
        assert "Sergey Ryabkov" in client.get(url).content.decode()

    Statement.objects.filter(pk=space.pk).update(
        text="Russia and China oppose any arms race in orbit.", review_status=ReviewStatus.VERIFIED
    )
    Speaker.objects.filter(slug="sergey-ryabkov").update(name="Sergei A. Ryabkov")
    Topic.objects.filter(slug="arms-control").update(name="Arms limitation")
    Outlet.objects.filter(slug="tass").update(name="TASS News Agency")

    for url in pages:
        html = client.get(url).content.decode()
        row = re.search(rf'<li class="statement[^"]*" id="statement-{space.pk}">.*?</li>\s*</ul>', html, re.S)
        assert row, url
        row = row.group(0)
        assert "any arms race in orbit" in row, url
        assert "Sergei A. Ryabkov" in row and "Sergey Ryabkov" not in row, url
        assert "Arms limitation" in row, url
        assert "TASS News Agency" in row, url
        assert "Verified" in row, url


def test_facets_shown_before_show_later_counts_and_names(client, archive, make_statement):
    """Rendered facet panels are kept and reused: a page built after the archive changed shows the
    counts and names as they are then."""

    def speaker_choices(html: str) -> list[tuple[str, str]]:
        fieldset = re.search(r'<fieldset class="facet" id="id_speaker">.*?</fieldset>', html, re.S).group(0)
        return re.findall(r'<span class="choice-label">([^<]+)</span> <span class="count">(\d+)<', fieldset)

    before = speaker_choices(client.get("/statements/").content.decode())
    assert ("Sergey Ryabkov", "3") in before

    make_statement("Arms control needs a new start.", speaker="Sergey Ryabkov")
    Speaker.objects.filter(slug="sergey-ryabkov").update(name="Sergei A. Ryabkov")

    after = speaker_choices(client.get("/statements/").content.decode())
    assert ("Sergei A. Ryabkov", "4") in after
    assert all(name != "Sergey Ryabkov" for name, _count in after)
