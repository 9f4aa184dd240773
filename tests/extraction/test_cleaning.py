"""Metadata and boilerplate: what is article and what is page furniture."""

import unicodedata

import pytest

from statements.extraction import DatePrecision, extract_article
from statements.extraction.cleaning import BEYOND_LATIN
from statements.extraction.decoding import normalize_text


def test_header_date_glued_to_the_dateline_and_first_sentence():
    article = extract_article(
        " date 2022-05-04 BEIJING, May 4. /TASS/. Trade grew by a third, Minister Zhang Hua said."
    )
    assert article.published.iso() == "2022-05-04"
    assert article.outlet == "TASS"
    assert article.dateline_place == "BEIJING"
    assert article.paragraphs[0].startswith("Trade grew")


def test_header_date_glued_to_a_line_below_the_headline():
    article = extract_article(
        "Northern Sea Route: who needs an Arctic shortcut\n"
        "Experts believe Asian carriers will keep using the route\n"
        " date 2025-11-20 MOSCOW, November 20. /TASS/. The navigation season has closed with a record.\n"
    )
    assert article.published.iso() == "2025-11-20"
    assert article.title == "Northern Sea Route: who needs an Arctic shortcut"
    assert article.paragraphs[0].startswith("The navigation season has closed")


def test_dateline_without_a_year_is_kept_as_day_and_month_only():
    article = extract_article("A headline about talks\nTOKYO, November 3. /TASS/. The talks went well.")
    assert article.published.precision == DatePrecision.MONTH_DAY
    assert article.published.month_day() == "11-03"
    assert article.published.iso() is None
    assert "publication year unknown" in article.warnings
    assert article.title == "A headline about talks"


@pytest.mark.parametrize(
    ("text", "outlet", "source", "date"),
    [
        ("MOSCOW (Sputnik) - Trade is growing, the minister said.", "Sputnik", None, None),
        (
            "ISLAMABAD (UrduPoint News / APP - 4th May, 2021) Trade is growing fast.",
            "UrduPoint",
            "APP",
            "2021-05-04",
        ),
        ("BEIJING, June 5 (Xinhua) -- Trade is growing fast in the region.", "Xinhua", None, None),
        (
            "ISLAMABAD, (UrduPoint / Pakistan Point News - 29th Dec, 2020) : Trade is growing fast.",
            "UrduPoint",
            "Pakistan Point News",
            "2020-12-29",
        ),
        (
            "12 May 2022 14:05 (UTC+04:00)\n\nTrade is growing fast.\n\nFollow us on Twitter @AzerNewsAz",
            "AzerNews",
            None,
            "2022-05-12",
        ),
    ],
)
def test_outlets_and_dates_from_datelines_and_site_marks(text, outlet, source, date):
    article = extract_article(text)
    assert article.outlet == outlet
    assert article.source_outlet == source
    assert article.published.iso() == date


def test_site_furniture_never_reaches_the_body():
    article = extract_article(
        "- News Site International, 1920\n"
        "World\n"
        "Leaders Agree on Grain Deal - Minister\n"
        "© News Site / Jan Kowalski / Go to the mediabank\n"
        "Minister Ada Lee, left, and her counterpart - News Site International, 1920, 19.09.2023\n"
        "Subscribe\n"
        "PARIS (Sputnik) - The grain deal will be extended, Minister Ada Lee said on Tuesday.\n"
        "Photo: Reuters / Some Photographer\n"
        "Read also: Another Story Headline Here\n"
        "Newsfeed\n"
        "0\n"
        "To participate in the discussion\n"
        "log in or register\n"
        "Заголовок открываемого материала\n"
        "Share on Facebook\n"
    )
    assert article.paragraphs == ("The grain deal will be extended, Minister Ada Lee said on Tuesday.",)
    assert article.title == "Leaders Agree on Grain Deal - Minister"
    assert article.published.iso() == "2023-09-19"
    assert len(article.statements) == 1


def test_teaser_headlines_inside_the_body_are_dropped_but_subheadings_kept():
    article = extract_article(
        "MOSCOW (Sputnik) - The plan was approved, Minister Lev Orlov said.\n"
        "World\n"
        "China, Russia Agree on Something Important for Everyone - Minister Says\n"
        "Background\n"
        "The plan had been discussed for two years before it was finally approved.\n"
    )
    assert article.paragraphs == (
        "The plan was approved, Minister Lev Orlov said.",
        "Background",
        "The plan had been discussed for two years before it was finally approved.",
    )


def test_hard_wrapped_lines_are_rejoined():
    article = extract_article(
        "MOSCOW (Sputnik) - The plan was approved by the government,\nMinister Lev Orlov said on Friday."
    )
    assert article.paragraphs == (
        "The plan was approved by the government, Minister Lev Orlov said on Friday.",
    )


def test_stray_bar_characters_are_removed():
    article = extract_article(
        "MOSCOW (Sputnik) - Speaking about |trade, Minister Lev Orlov said that it grew."
    )
    assert "|" not in article.body


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("МОСКВА, 3 марта. /ТАСС/. Россия готова к переговорам, заявил министр иностранных дел.", "ru"),
        (
            "PARIS, 3 mars (AFP) - La France est prête à discuter avec tous les partenaires de la région.",
            "fr",
        ),
    ],
)
def test_non_english_articles_are_flagged_and_yield_no_statements(text, language):
    article = extract_article(text)
    assert article.language == language
    assert article.statements == ()
    assert any("language" in warning for warning in article.warnings)


def test_numeric_photo_stamp_date_and_written_dates():
    assert extract_article("Tue 29th December 2020 | 06:00 PM\n\nTrade grew.").published.iso() == "2020-12-29"
    assert (
        extract_article("22 February 2023 22:13 (UTC+04:00)\n\nTrade grew.").published.iso() == "2023-02-22"
    )


def test_title_case_datelines_need_a_known_agency():
    article = extract_article(
        "New Delhi, Dec 22 (PTI): Trade with the region grew fast, Minister Ravi Das said."
    )
    assert article.dateline_place == "New Delhi"
    assert article.outlet == "Press Trust of India"
    assert extract_article("Russia, on Monday (local time) said nothing.").dateline_place == ""


def test_a_known_city_heading_a_line_of_prose_is_a_dateline():
    article = extract_article(
        "Gulf Herald\nUAE condemns attack, calls for restraint\n\n"
        "Abu Dhabi: The United Arab Emirates has strongly condemned the drone attack on the "
        "facility, saying the act threatened regional energy security."
    )
    assert article.dateline_place == "Abu Dhabi"
    assert article.body.startswith("The United Arab Emirates has strongly condemned")
    # A headline naming a city is not a dateline: it is no sentence.
    headline = extract_article(
        "Tokyo: Japan to raise its defence budget as tensions grow in the region\n\n"
        "TOKYO, Dec 3 (Kyodo) -- Japan will raise its defence budget, Minister Kenji Sato said on Tuesday."
    )
    assert headline.dateline_place == "TOKYO"
    question = extract_article(
        "Washington: Will Congress pass the aid bill before the recess?\n\n"
        "Lawmakers returned on Monday, Senator Mark Hill said, adding that a vote was likely."
    )
    assert question.dateline_place == ""


def test_a_city_heading_a_part_of_a_roundup_is_no_dateline():
    article = extract_article(
        "World reacts to the summit\n\n"
        "Governments reacted swiftly on Friday. UN Secretary-General Ana Ruiz said she was gravely "
        "alarmed by the escalation.\n\n"
        "Moscow: Kremlin spokesman Dmitry Orlov said the summit had changed nothing for Russia."
    )
    assert article.dateline_place == ""
    assert [s.speaker.name for s in article.statements] == ["Ana Ruiz", "Dmitry Orlov"]


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [
        (
            "Havana, Nov 24 (Prensa Latina) Trade with the region grew fast, the minister said.",
            "Havana",
            "Prensa Latina",
        ),
        ("Jakarta (ANTARA) - Trade with the region grew fast, the minister said.", "Jakarta", "ANTARA"),
        (
            "Tokyo, Nov. 25 (Jiji Press)--Trade with the region grew fast, the minister said.",
            "Tokyo",
            "Jiji Press",
        ),
        (
            "MOSCOW. Nov 24 (Interfax) - Trade with the region grew fast, the minister said.",
            "MOSCOW",
            "Interfax",
        ),
    ],
)
def test_more_agencies_datelines_are_taken_off_the_first_sentence(text, place, outlet):
    article = extract_article(text)
    assert article.dateline_place == place
    assert article.outlet == outlet
    assert article.paragraphs[0].startswith("Trade with the region")


def test_hard_wrapped_article_is_rejoined_into_paragraphs():
    article = extract_article(
        "TOKYO, Jan. 18 (Kyodo) -- Japan and the Philippines agreed Thursday to\n"
        "speed up talks on a reciprocal access agreement that would allow their\n"
        "troops to train in each other's territory, officials said.\n\n"
        "Defense Minister Kenji Morishita told reporters that the two sides shared\n"
        '"strong concerns" about unilateral attempts to change the status quo by\n'
        "force in the region.\n"
    )
    assert len(article.paragraphs) == 2
    assert article.statements[0].text.startswith('the two sides shared "strong concerns"')


def test_cookie_banners_and_label_lines_are_not_datelines_or_prose():
    article = extract_article(
        "Skip to Content\n"
        "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies. Accept | Manage preferences\n"
        "Published On 18 Sep 2023\n\n"
        "The Pentagon said there had been no change to the US posture in the Gulf.\n\n"
        "SOURCE: AL JAZEERA AND NEWS AGENCIES\n"
    )
    assert article.published.iso() == "2023-09-18"
    assert article.paragraphs == (
        "The Pentagon said there had been no change to the US posture in the Gulf.",
    )


def test_letters_beyond_latin_are_all_found():
    beyond = "".join(chr(code) for code in range(0x250, 0x110000) if chr(code).isalpha())
    assert len(BEYOND_LATIN.findall(beyond)) == len(beyond)
    assert not BEYOND_LATIN.search("".join(chr(code) for code in range(0x250) if chr(code).isalpha()))


def test_every_space_separator_becomes_a_plain_space():
    every_char = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    text = unicodedata.normalize("NFC", every_char).replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(" " if char != "\n" and unicodedata.category(char) == "Zs" else char for char in text)
    assert normalize_text(every_char) == expected


def test_menus_breadcrumbs_and_mastheads_are_not_the_title():
    article = extract_article(
        "Emirates News Agency - WAM\n"
        "Home | UAE | World | Business | Sports\n"
        "Politics news |  Iran\n"
        "Home > General > World\n\n"
        "UAE condemns attack on commercial vessel in Red Sea\n\n"
        "ABU DHABI, 24th November, 2026 (WAM) -- The minister said the attack was a grave violation."
    )
    assert article.title == "UAE condemns attack on commercial vessel in Red Sea"
    assert article.outlet == "WAM"


def test_a_numeric_stamp_gives_the_year_when_it_agrees_with_the_dateline():
    text = "24/11/2026 19:12 | English\n\nKUWAIT, Nov 24 (KUNA) -- Trade with the region grew fast, the minister said."
    assert extract_article(text).published.iso() == "2026-11-24"
    other_day = text.replace("24/11/2026", "03/04/2026")
    assert extract_article(other_day).published.iso() is None
