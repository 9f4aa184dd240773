"""One small hand-written text per rule of statement extraction and attribution."""

import pytest

from statements.extraction import KnownSpeaker, SpeakerKind, StatementKind, extract_article
from statements.extraction.speakers import SpeakerDirectory, tokenize, tokens_before

HEADER = " date 2024-03-13 "  # a Wednesday


def statements(body: str, **kwargs):
    return extract_article(HEADER + body, **kwargs).statements


def only(body: str, **kwargs):
    found = statements(body, **kwargs)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def test_reported_speech_with_content_first_and_titled_speaker():
    statement = only(
        "BERLIN, March 13. /TASS/. Europe must take more responsibility for its own defence, "
        "German Defence Minister Klaus Adler said on Tuesday."
    )
    assert statement.kind == StatementKind.INDIRECT
    assert statement.text == "Europe must take more responsibility for its own defence"
    assert statement.speaker.name == "Klaus Adler"
    assert statement.role_as_written == "German Defence Minister"
    assert statement.speaker.country == "Germany"
    assert statement.said_on.iso() == "2024-03-12"


def test_reported_speech_with_that_clause():
    statement = only("Foreign Minister Anna Novak stressed that the talks would resume in April.")
    assert statement.kind == StatementKind.INDIRECT
    assert statement.text == "the talks would resume in April"
    assert statement.speaker.name == "Anna Novak"


def test_reported_speech_without_that():
    statement = only("President Luis Ortega said the country will not join any military bloc.")
    assert statement.text == "the country will not join any military bloc"


def test_a_bare_clause_whose_verb_is_irregular_or_whose_subject_is_a_pronoun():
    found = statements(
        "Deputy Foreign Minister Olga Brandt spoke in Tashkent.\n\n"
        # Every word after the verb but one is a noun, adjective or irregular verb.
        "The diplomat also said he saw no contradiction in that policy.\n\n"
        "Brandt said the delegation found the proposal useful.\n\n"
        "She said they expect an answer from the partner."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Olga Brandt", "he saw no contradiction in that policy"),
        ("Olga Brandt", "the delegation found the proposal useful"),
        ("Olga Brandt", "they expect an answer from the partner"),
    ]


def test_addressee_between_verb_and_clause():
    statement = only(
        "Kremlin spokesman Ivan Sokolov told reporters on Monday that no meeting had been scheduled."
    )
    assert statement.text == "no meeting had been scheduled"
    assert statement.speaker.name == "Ivan Sokolov"
    assert statement.role_as_written == "Kremlin spokesman"
    assert statement.said_on.iso() == "2024-03-11"


def test_informed_takes_an_addressee_and_an_urged_infinitive_keeps_its_own_that():
    found = statements(
        "Spokesperson Ayesha Khan informed the media that the minister would lead the delegation.\n\n"
        "She urged the Secretariat to refrain from any steps that might lend legitimacy to the process."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Ayesha Khan", "the minister would lead the delegation")
    ]


def test_according_to_before_and_after():
    first, second = statements(
        "According to Deputy Prime Minister Omar Haddad, the pipeline will be finished next year. "
        "The project has cost more than expected, according to the energy minister."
    )
    assert first.text == "the pipeline will be finished next year"
    assert first.speaker.name == "Omar Haddad"
    assert second.text == "The project has cost more than expected"


def test_as_x_noted_clause():
    statement = only("As Secretary-General Maria Costa noted, the council has failed to act on the crisis.")
    assert statement.text == "the council has failed to act on the crisis"
    assert statement.speaker.name == "Maria Costa"


def test_content_stops_before_adding_that():
    statement = only(
        "Ambassador Li Wen said that trade had doubled in five years, adding that more flights were planned."
    )
    assert statement.text == "trade had doubled in five years"


def test_direct_quote_with_attribution_after_and_inverted():
    first, second = statements(
        'Secretary of State Ellen Marsh spoke in Tokyo. "We will stand by our allies in the region," '
        'Marsh said. "Nobody wants a conflict over these islands," said the Japanese minister Kenji Oda.'
    )
    assert (first.kind, first.speaker.name) == (StatementKind.DIRECT, "Ellen Marsh")
    assert first.text == "We will stand by our allies in the region"
    assert second.speaker.name == "Kenji Oda"


def test_direct_quote_introduced_by_a_colon():
    statement = only('Prime Minister Raj Mehta said: "Our borders are not up for negotiation."')
    assert statement.text == "Our borders are not up for negotiation."
    assert statement.speaker.name == "Raj Mehta"


def test_split_quote_keeps_its_speaker_for_the_second_part():
    first, second = statements(
        '"The sanctions have failed," Foreign Minister Petr Lukin said. "They only hurt ordinary people."'
    )
    assert second.text == "They only hurt ordinary people."
    assert second.speaker.name == first.speaker.name == "Petr Lukin"


def test_quote_continued_across_paragraphs_takes_the_final_attribution():
    first, second = statements(
        "Deputy Minister Elena Kova spoke at the forum.\n\n"
        '"We have never threatened anyone in the region and we never will.\n\n'
        '"But we will defend our people if they are attacked," Kova said.'
    )
    assert first.text == "We have never threatened anyone in the region and we never will."
    assert first.speaker.name == second.speaker.name == "Elena Kova"


def test_quote_whose_opening_mark_was_lost():
    first, second = statements(
        '"We are ready for dialogue without preconditions.\n\n'
        'As for the deadline, we consider it unrealistic," Minister Tomas Berg said.'
    )
    assert second.text == "As for the deadline, we consider it unrealistic"
    assert first.speaker.name == "Tomas Berg"


def test_pronoun_and_description_resolve_to_the_last_speaker_not_the_last_name():
    found = statements(
        "Foreign Minister Sara Lind said on Tuesday that Sweden backs the plan, speaking after she met "
        "Chinese Ambassador Zhou Ming.\n\n"
        '"We expect every member to contribute to the mission," she said.\n\n'
        '"Security in the Baltic is indivisible," the minister added.'
    )
    assert [s.speaker.name for s in found] == ["Sara Lind"] * 3
    assert found[1].speaker_name_as_written == "she"
    assert found[2].role_as_written == "Foreign Minister"


def test_surname_resolves_to_the_full_name_mentioned_earlier():
    found = statements(
        "Chinese Premier Li Qiang met Brazilian President Ana Souza on Tuesday.\n\n"
        "Souza said that Brazil wants to double its exports to Asia."
    )
    assert found[0].speaker.name == "Ana Souza"
    assert found[0].role_as_written == "Brazilian President"


def test_institution_as_speaker():
    statement = only(
        "The Russian Foreign Ministry said in a statement that the expulsions would not go unanswered."
    )
    assert statement.speaker.name == "Russian Foreign Ministry"
    assert statement.speaker.kind == SpeakerKind.INSTITUTION


def test_an_institution_named_by_the_field_it_governs():
    found = statements(
        "Saudi Arabia's Ministry of Energy said the fire had been brought under control.\n\n"
        "The Ministry of Trade and Industry said that exports would grow next year.\n\n"
        "Ministry of Energy spokesperson Pavel Sorokin said that the grid had held."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in found] == [
        ("Saudi Arabia's Ministry of Energy", SpeakerKind.INSTITUTION),
        ("Ministry of Trade and Industry", SpeakerKind.INSTITUTION),
        ("Pavel Sorokin", SpeakerKind.PERSON),
    ]


def test_a_body_named_for_any_field_it_governs_is_no_person():
    found = statements(
        "The Ministry of Transport said the main highway would reopen on Friday.\n\n"
        "The Department of Homeland Security said the rule would take effect next month.\n\n"
        "The Ministry of Natural Resources and Environment said that the spill had been contained.\n\n"
        "Russia's Black Sea Fleet said it had repelled an attack overnight.\n\n"
        "Deputy Head of the Ministry of Energy Nikolai Shulginov said that supplies would continue."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in found] == [
        ("Ministry of Transport", SpeakerKind.INSTITUTION),
        ("Department of Homeland Security", SpeakerKind.INSTITUTION),
        ("Ministry of Natural Resources and Environment", SpeakerKind.INSTITUTION),
        ("Russia's Black Sea Fleet", SpeakerKind.INSTITUTION),
        ("Nikolai Shulginov", SpeakerKind.PERSON),
    ]
    assert found[-1].role_as_written == "Deputy Head of the Ministry of Energy"


def test_an_office_then_the_name_of_who_holds_it_after_the_verb():
    found = statements(
        "Russia is ready to resume talks, Deputy Foreign Minister Sergey Ryabkov said.\n\n"
        '"There is no alternative to dialogue," said Pakistan\'s envoy to the UN, Munir Akram.\n\n'
        '"We are ready," said the head of the delegation, Vladimir Medinsky.\n\n'
        '"The door is open," said Ahmed Hassan, Egypt\'s former foreign minister.\n\n'
        '"It is over," said the minister, Moscow\'s closest ally in the region.'
    )
    assert [(s.speaker.name, s.role_as_written) for s in found] == [
        ("Sergey Ryabkov", "Deputy Foreign Minister"),
        ("Munir Akram", "Pakistan's envoy to the UN"),
        ("Vladimir Medinsky", "head of the delegation"),
        ("Ahmed Hassan", "Egypt's former foreign minister"),
        # No name in apposition: "the minister" is the minister last named.
        ("Ahmed Hassan", "Egypt's former foreign minister"),
    ]


def test_quoted_or_cited_by_an_outlet_as_saying():
    found = statements(
        "Deputy Foreign Minister Sergey Ryabkov was quoted by RIA Novosti as saying that the treaty was dead.\n\n"
        "Turkish President Recep Tayyip Erdogan was cited by Anadolu as saying the operation would continue."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Sergey Ryabkov", "the treaty was dead"),
        ("Recep Tayyip Erdogan", "the operation would continue"),
    ]


def test_where_words_were_said_is_not_what_was_said():
    found = statements(
        "Foreign Minister Ishaq Dar spoke at a seminar in Islamabad.\n\n"
        'In a post on X, the minister said: "Pakistan stands with Palestine."\n\n'
        "Speaking to reporters, he said.\n\n"
        "In the coming days the talks will resume, he said."
    )
    assert [(s.speaker.name, s.kind, s.text) for s in found] == [
        ("Ishaq Dar", StatementKind.DIRECT, "Pakistan stands with Palestine."),
        ("Ishaq Dar", StatementKind.INDIRECT, "In the coming days the talks will resume"),
    ]


def test_a_ministry_described_by_its_country_or_capital_is_that_countrys():
    found = statements(
        "The two countries agreed to strengthen their deterrence, Seoul's foreign ministry said.\n\n"
        "The two sides would meet again in March, South Korea's foreign ministry said.\n\n"
        "The missile fell outside its waters, Japan's defense ministry said on Monday.\n\n"
        "Saudi Arabia's foreign ministry said the kingdom condemned the strike.\n\n"
        "The ministry said the kingdom would respond."
    )
    assert [(s.speaker.name, s.speaker.kind, s.speaker.country) for s in found] == [
        ("South Korean Foreign Ministry", SpeakerKind.INSTITUTION, "South Korea"),
        ("South Korean Foreign Ministry", SpeakerKind.INSTITUTION, "South Korea"),
        ("Japanese Defense Ministry", SpeakerKind.INSTITUTION, "Japan"),
        ("Saudi Foreign Ministry", SpeakerKind.INSTITUTION, "Saudi Arabia"),
        ("Saudi Foreign Ministry", SpeakerKind.INSTITUTION, "Saudi Arabia"),
    ]


def test_two_speakers_reported_in_one_sentence():
    found = statements(
        "Vice Foreign Minister Park Yoon-joo met Deputy Secretary of State Kurt Campbell in Washington.\n\n"
        "Park stressed that cooperation with Japan was vital, while Campbell noted that the alliance was stronger than ever."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Park Yoon-joo", "cooperation with Japan was vital"),
        ("Kurt Campbell", "the alliance was stronger than ever"),
    ]


def test_the_reporters_caveat_is_not_part_of_the_claim():
    statement = only(
        "Russia's Defense Ministry said its forces had captured the village of Novoselivka, "
        "a claim that could not be independently verified."
    )
    assert statement.text == "its forces had captured the village of Novoselivka"


def test_long_names_with_particles_and_religious_titles():
    found = statements(
        "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani said that mediation would continue.\n\n"
        '"We will not be deterred," Sheikh Mohammed told a news conference in Doha.\n\n'
        "Iran's Supreme Leader Ayatollah Ali Khamenei said the resistance would prevail."
    )
    assert [s.speaker.name for s in found] == [
        "Mohammed bin Abdulrahman bin Jassim Al Thani",
        "Mohammed bin Abdulrahman bin Jassim Al Thani",
        "Ali Khamenei",
    ]
    assert found[2].role_as_written == "Iran's Supreme Leader Ayatollah"


def test_the_head_of_state_is_the_president_just_quoted():
    found = statements(
        "Russian President Vladimir Putin said on Friday that Moscow was open to dialogue.\n\n"
        "The head of state also pointed out that Russia's nuclear doctrine remained unchanged."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Vladimir Putin", "Moscow was open to dialogue"),
        ("Vladimir Putin", "Russia's nuclear doctrine remained unchanged"),
    ]


def test_a_description_by_seat_of_government_is_that_countrys_person():
    found = statements(
        "Russian President Vladimir Putin said on Friday that Moscow was open to dialogue.\n\n"
        '"The door is closed," German government spokesman Steffen Hebestreit said.\n\n'
        "The Kremlin chief noted that the treaty expires in February.\n\n"
        "Kremlin spokesman Dmitry Peskov said the talks would continue."
    )
    assert [(s.speaker.name, s.speaker.country) for s in found] == [
        ("Vladimir Putin", "Russia"),
        ("Steffen Hebestreit", "Germany"),
        ("Vladimir Putin", "Russia"),
        ("Dmitry Peskov", "Russia"),
    ]


def test_a_title_that_is_also_a_surname_ends_a_name():
    found = statements(
        "Indian Deputy Prime Minister Anil Rao said that trade was growing.\n\n"
        "Pakistani Foreign Minister Ayesha Sheikh noted that the consultations had been detailed.\n\n"
        "Sheikh Mohammed bin Abdulrahman Al Thani said that mediation would continue."
    )
    assert [(s.speaker.name, s.role_as_written) for s in found] == [
        ("Anil Rao", "Indian Deputy Prime Minister"),
        ("Ayesha Sheikh", "Pakistani Foreign Minister"),
        ("Mohammed bin Abdulrahman Al Thani", "Sheikh"),
    ]


def test_an_honorific_is_no_role_where_the_article_gives_an_office():
    found = statements(
        "Secretary-General Antonio Guterres on Thursday called for a ceasefire in Sudan.\n\n"
        "Mr. Guterres said that the Organization stood ready to support a political process."
    )
    assert [(s.speaker.name, s.role_as_written) for s in found] == [("Antonio Guterres", "Secretary-General")]


def test_a_speaker_after_a_subordinating_conjunction():
    statement = only(
        "The visit came a day after Foreign Minister Hakan Fidan said Ankara expected concrete steps from Damascus."
    )
    assert (statement.speaker.name, statement.text) == (
        "Hakan Fidan",
        "Ankara expected concrete steps from Damascus",
    )


def test_the_source_of_a_report_is_not_the_speaker_it_reports():
    found = statements(
        'During the call, Han Seung-ho said the launch was "a blatant provocation", while Daniel Whitford '
        "noted that the commitment remained ironclad, according to the ministry.\n\n"
        "MEA spokesperson Ritesh Malhotra, briefing the media later in the evening, said that the visit was useful.\n\n"
        "The Chinese Embassy in Kuala Lumpur, in a statement, said China was committed to the talks."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Han Seung-ho", 'the launch was "a blatant provocation"'),
        ("Daniel Whitford", "the commitment remained ironclad"),
        ("Ritesh Malhotra", "the visit was useful"),
        ("Chinese Embassy in Kuala Lumpur", "China was committed to the talks"),
    ]


def test_a_name_ends_with_its_sentence_and_a_second_speaker_may_carry_the_quotation():
    found = statements(
        "Romanian Defense Minister Andrei Voinea met Turkish Defense Minister Kerem Aydinli. Voinea stressed "
        "that drifting sea mines remained a serious threat to shipping, while Aydinli noted that the task "
        'group had proven to be "a successful model of regional ownership."\n\n'
        "Amb. Yusuf Bello said that Nigeria remained committed to dialogue."
    )
    assert [(s.speaker.name, s.role_as_written, s.text[:30]) for s in found] == [
        ("Andrei Voinea", "Romanian Defense Minister", "drifting sea mines remained a "),
        ("Kerem Aydinli", "Turkish Defense Minister", "the task group had proven to b"),
        ("Yusuf Bello", "Amb.", "Nigeria remained committed to "),
    ]


def test_when_it_was_said_between_the_verb_and_a_bare_clause():
    found = statements(
        "Japan's Defense Ministry said Wednesday it had spotted the carrier near Okinawa.\n\n"
        "Prime Minister Ivan Petrov said on Monday evening the talks would resume."
    )
    assert [(s.speaker.name, s.text, s.said_on.iso()) for s in found] == [
        ("Japan's Defense Ministry", "it had spotted the carrier near Okinawa", "2024-03-13"),
        ("Ivan Petrov", "the talks would resume", "2024-03-11"),
    ]


def test_a_person_named_with_the_country_they_speak_for():
    found = statements(
        "Amara Nwosu of Nigeria stressed that developing countries depended on satellite services, "
        "while Tomasz Wierzba of Poland noted that measures could be agreed quickly.\n\n"
        "The Bank of Japan said rates would stay low."
    )
    assert [(s.speaker.name, s.speaker.kind, s.speaker.country) for s in found] == [
        ("Amara Nwosu", SpeakerKind.PERSON, "Nigeria"),
        ("Tomasz Wierzba", SpeakerKind.PERSON, "Poland"),
        ("Bank of Japan", SpeakerKind.INSTITUTION, "Japan"),
    ]


def test_a_possessive_may_open_the_title_of_a_second_speaker():
    found = statements(
        "Estonian Foreign Minister Kristjan Mets stressed that the fleet posed a threat, while his Finnish "
        "counterpart Elina Saarinen noted that several tankers had damaged undersea cables."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Kristjan Mets", "the fleet posed a threat"),
        ("Elina Saarinen", "several tankers had damaged undersea cables"),
    ]


def test_the_kremlin_chief_is_the_president_not_his_spokesman():
    found = statements(
        "Kremlin spokesman Arkady Volin told journalists that President Mikhail Sorin had met the council.\n\n"
        "Addressing a board meeting in December, the Kremlin chief said Russia had no intention of fighting NATO."
    )
    assert [s.speaker.name for s in found] == ["Arkady Volin", "Mikhail Sorin"]


def test_an_allegation_is_reported_speech_and_an_alleged_thing_is_not():
    found = statements(
        "Congress general secretary Pawan Deshmukh alleged that the government had ceded ground.\n\n"
        "Police arrested the alleged attacker on Monday."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Pawan Deshmukh", "the government had ceded ground")
    ]


def test_a_number_after_the_verb_opens_the_content():
    found = statements(
        "The Ministry of Health said at least 27 people were killed in the attacks.\n\n"
        "Foreign Minister Ivan Petrov said at a briefing in Moscow on Monday."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Ministry of Health", "at least 27 people were killed in the attacks")
    ]


def test_a_body_described_in_apposition_is_an_institution():
    found = statements(
        "Ukrenergo, the national grid operator, said power cuts would remain in place in Kyiv.\n\n"
        "Gazprom, the Russian gas giant, said supplies would continue.\n\n"
        "Lavrov, a veteran diplomat, said talks were possible."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in found] == [
        ("Ukrenergo", SpeakerKind.INSTITUTION),
        ("Gazprom", SpeakerKind.INSTITUTION),
        ("Lavrov", SpeakerKind.PERSON),
    ]


def test_a_body_named_after_its_description_is_an_institution():
    found = statements(
        "Grid operator Ukrenergo said power cuts would remain in place.\n\n"
        "Russian gas giant Gazprom said supplies would continue.\n\n"
        "Foreign Minister Sergey Lavrov said the talks were useful."
    )
    assert [(s.speaker.name, s.speaker.kind, s.speaker.country) for s in found] == [
        ("Ukrenergo", SpeakerKind.INSTITUTION, ""),
        ("Gazprom", SpeakerKind.INSTITUTION, "Russia"),
        ("Sergey Lavrov", SpeakerKind.PERSON, ""),
    ]


def test_this_was_stated_by_names_the_speaker_of_the_sentence_before():
    found = statements(
        "Azerbaijan is ready to sign a peace treaty with Armenia, Trend reports.\n\n"
        "This was stated by Assistant to the President, Head of the Foreign Policy Department "
        "Hikmet Hajiyev during a briefing.\n\n"
        "The talks will resume in April. This was noted by Foreign Minister Jeyhun Bayramov."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Hikmet Hajiyev", "Azerbaijan is ready to sign a peace treaty with Armenia"),
        ("Jeyhun Bayramov", "The talks will resume in April"),
    ]


def test_a_countrys_military_speaks_as_a_body():
    found = statements(
        "North Korea fired a missile into the sea on Friday, South Korea's military said, a day before the drills.\n\n"
        "The military said the drills would go ahead."
    )
    assert [(s.speaker.name, s.speaker.kind, s.text) for s in found] == [
        (
            "South Korea's military",
            SpeakerKind.INSTITUTION,
            "North Korea fired a missile into the sea on Friday",
        )
    ]
    assert found[0].speaker.country == "South Korea"


def test_a_countrys_armed_service_speaks_as_a_body_in_lower_case_too():
    found = statements(
        "Ukraine's air force said Russia launched 143 drones and 12 missiles overnight.\n\n"
        "The navy said two vessels had left the port before dawn on Monday."
    )
    assert [(s.speaker.name, s.speaker.kind, s.speaker.country) for s in found] == [
        ("Ukraine's air force", SpeakerKind.INSTITUTION, "Ukraine")
    ]


def test_the_ministry_resolves_to_the_institution_named_before():
    found = statements(
        "The Indian Ministry of External Affairs said that the talks were constructive.\n\n"
        "Further rounds will follow in Delhi, the ministry said."
    )
    assert [s.speaker.name for s in found] == ["Indian Ministry of External Affairs"] * 2


def test_scare_quotes_stay_inside_reported_speech():
    statement = only(
        'The policy of "maximum pressure" has failed completely, Iranian envoy Reza Karimi said.'
    )
    assert statement.kind == StatementKind.INDIRECT
    assert '"maximum pressure"' in statement.text


def test_embedded_long_quote_is_the_statement():
    statement = only(
        'Minister Hana Ito said Japan will "work with every partner to keep the sea lanes open."'
    )
    assert statement.kind == StatementKind.DIRECT
    assert statement.text == "work with every partner to keep the sea lanes open."


def test_reported_clause_keeps_the_quotation_it_ends_with():
    statement = only(
        "Foreign Minister Ana Lopez told reporters that the new tariffs were aimed at "
        '"cutting off trade routes from the whole region."'
    )
    assert statement.kind == StatementKind.INDIRECT
    assert statement.text.startswith("the new tariffs were aimed at")
    assert "cutting off trade routes from the whole region" in statement.text
    assert statement.speaker.name == "Ana Lopez"


def test_a_description_naming_a_country_skips_a_speaker_from_another():
    found = statements(
        "Mongolian Foreign Minister Batbold Erdene said after meeting Ambassador of Japan to "
        "Mongolia Kenji Sato that the two countries would sign a trade deal in May.\n\n"
        "The Japanese diplomat, for his part, noted that Tokyo was ready to finance the new airport."
    )
    assert [s.speaker.name for s in found] == ["Batbold Erdene", "Kenji Sato"]


def test_a_counterpart_is_the_one_a_description_with_his_country_means():
    found = statements(
        "Foreign Minister Ali Shah said after talks with his Turkish counterpart Mehmet Demir that "
        "trade would double by 2030.\n\n"
        "Demir said Ankara was ready to open a new consulate in Lahore.\n\n"
        '"Our two nations are brothers, and nothing will change that," the Turkish foreign minister said.'
    )
    assert [s.speaker.name for s in found] == ["Ali Shah", "Mehmet Demir", "Mehmet Demir"]


def test_the_diplomat_is_not_the_kremlin_spokesman_quoted_last():
    found = statements(
        "Deputy Foreign Minister Oleg Rudin said that the talks with Washington were frozen.\n\n"
        "Kremlin spokesman Ivan Petrov said that the president had no plans to call Washington.\n\n"
        "The senior diplomat also underlined that the embassy would keep working as usual."
    )
    assert [s.speaker.name for s in found] == ["Oleg Rudin", "Ivan Petrov", "Oleg Rudin"]


def test_a_spokesperson_in_the_lead_is_the_one_named_with_that_title_later():
    found = statements(
        "China opposes the new export rules and has lodged representations with Washington, "
        "a Chinese Foreign Ministry spokesperson said on Wednesday.\n\n"
        '"The rules harm the interests of companies in both countries," said ministry '
        "spokesperson Lin Qiaoyu at a regular press briefing."
    )
    assert [s.speaker.name for s in found] == ["Lin Qiaoyu", "Lin Qiaoyu"]
    assert found[0].said_on.iso() == "2024-03-13"


def test_an_anonymous_spokesperson_is_not_given_a_name_from_elsewhere():
    found = statements(
        "Foreign Minister Petr Lukin said the talks would resume in April.\n\n"
        "The delegation will arrive on Monday, a spokesperson said."
    )
    assert [s.speaker.name for s in found] == ["Petr Lukin"]


def test_framing_quotes_and_unattributed_quotes_are_not_statements():
    found = statements(
        'The summit adopted a declaration titled "A Shared Future for the Peoples of the Region."\n\n'
        'Speaking about "the new security architecture of Eurasia," Minister Aigul Sarsen said that '
        "the region needs its own institutions."
    )
    assert [s.text for s in found] == ["the region needs its own institutions"]


def test_events_without_a_speech_verb_are_not_statements():
    assert (
        statements(
            "Foreign Minister Sergio Ramos met his Turkish counterpart in Ankara on Monday. "
            "The ministers discussed trade and the situation in the Black Sea."
        )
        == ()
    )


def test_single_curly_quotes_when_the_article_uses_no_double_marks():
    statement = only("‘We will not accept a divided Europe,’ Chancellor Hans Weber said.")
    assert statement.text == "We will not accept a divided Europe"
    assert statement.speaker.name == "Hans Weber"


def test_guillemets():
    statement = only("«The door to negotiations remains open», Minister Yuri Orlov said.")
    assert statement.text == "The door to negotiations remains open"


def test_known_speaker_aliases_link_transliterations():
    known = [KnownSpeaker(key="nikolai-petrov", name="Nikolai Petrov", aliases=("Nikolay Petrov",))]
    statement = only(
        "Security Council Secretary Nikolay Petrov said that the threat is growing.", known_speakers=known
    )
    assert statement.speaker.name == "Nikolai Petrov"
    assert statement.speaker.known_key == "nikolai-petrov"
    assert statement.speaker_name_as_written == "Nikolay Petrov"


def test_surname_only_matches_a_unique_known_speaker():
    known = [KnownSpeaker(key="maria-zaharova", name="Maria Zaharova")]
    statement = only("Zaharova said the embassy had received no note.", known_speakers=known)
    assert statement.speaker.known_key == "maria-zaharova"


def test_said_on_is_inherited_from_the_speakers_dated_statement():
    first, second = statements(
        "Talks must resume at once, Minister Ali Reza said on Monday.\n\n"
        '"There is no alternative to diplomacy," Reza said.'
    )
    assert first.said_on.iso() == second.said_on.iso() == "2024-03-11"


def test_said_on_month_expressions():
    statement = only(
        "Prime Minister Jan Novak, speaking at a summit last October, said that Europe needs its own army."
    )
    assert statement.said_on.iso() == "2023-10"


@pytest.mark.parametrize(
    "text",
    [
        "The agreement said that both sides would withdraw.",
        "Media reports said the meeting had been postponed.",
        "It was said that the talks had stalled.",
    ],
)
def test_subjects_that_are_not_speakers_give_no_statement(text):
    assert statements(text) == ()


def test_positions_point_into_the_body():
    article = extract_article(HEADER + "Peace is possible this year, Minister Ola Berg said.")
    statement = article.statements[0]
    assert article.body[statement.start : statement.end] == statement.text


def test_topics_come_from_rules_and_section_headings():
    from statements.extraction import TopicRule

    rules = [
        TopicRule("space", "Outer space", ("outer space", "satellite*")),
        TopicRule("nato", "NATO", ("NATO",)),
    ]
    found = statements(
        "Sweden presented its defence plans on Wednesday, Minister Lena Holm said.\n\n"
        "Outer Space\n\n"
        "Minister Lena Holm said that Sweden would launch two satellites this year.\n\n"
        "Holm said that cooperation with partners would continue.",
        topic_rules=rules,
    )
    assert [s.topics for s in found] == [(), ("space",), ("space",)]


def test_time_between_subject_and_verb():
    statement = only(
        "Foreign Ministry spokesperson Wang Lin on Tuesday said that China opposes the new export rules."
    )
    assert statement.speaker.name == "Wang Lin"
    assert statement.said_on.iso() == "2024-03-12"


def test_surname_used_before_the_full_name_resolves_to_it():
    first, second = statements(
        "Orlova, for her part, noted that the embassy had received no explanation.\n\n"
        "Earlier, ministry spokeswoman Irina Orlova said Moscow would retaliate."
    )
    assert first.speaker.name == second.speaker.name == "Irina Orlova"
    assert second.text == "Moscow would retaliate"


def test_according_to_a_data_source_is_not_a_statement():
    assert statements("Trade stood at $1.2 billion last year, according to the central bank.") == ()


def test_interview_answers_belong_to_the_interviewee_and_questions_are_skipped():
    found = statements(
        "MOSCOW, March 13. /TASS/. Talks are frozen, Deputy Minister Oleg Rudin said in an interview with TASS.\n\n"
        "Q: Is there any prospect of resuming the dialogue soon?\n\n"
        "A: Frankly, I do not see such prospects today. The other side froze the dialogue."
    )
    assert [s.speaker.name for s in found] == ["Oleg Rudin", "Oleg Rudin"]
    assert found[1].text.startswith("Frankly, I do not see")


def test_an_office_written_as_initials_is_the_person_holding_it():
    found = statements(
        "Foreign Minister Wang Li and Prime Minister Li Qiang spoke in Beijing on Monday.\n\n"
        "The FM said China would remain neutral.\n\n"
        "The PM said the economy would grow.\n\n"
        "The NSA said the agency would publish its report."
    )
    # "The NSA" is a body known by its initials, not an office.
    assert [(s.speaker.name, s.speaker.kind, s.text) for s in found] == [
        ("Wang Li", SpeakerKind.PERSON, "China would remain neutral"),
        ("Li Qiang", SpeakerKind.PERSON, "the economy would grow"),
        ("NSA", SpeakerKind.INSTITUTION, "the agency would publish its report"),
    ]


def test_a_clause_that_ends_before_a_later_quotation_is_a_statement_beside_it():
    found = statements(
        "Foreign Minister Anna Novak stressed that her country supported Syria's territorial integrity, "
        'adding that lifting the sanctions would help "millions of Syrians return home."\n\n'
        'She said the talks had been useful, adding: "We will meet again next month."'
    )
    assert [(s.kind, s.text) for s in found] == [
        (StatementKind.INDIRECT, "her country supported Syria's territorial integrity"),
        (StatementKind.DIRECT, "millions of Syrians return home."),
        (StatementKind.INDIRECT, "the talks had been useful"),
        (StatementKind.DIRECT, "We will meet again next month."),
    ]


def test_a_speaker_set_inside_a_clause_leaves_the_whole_clause_the_statement():
    found = statements(
        "Deputy Minister Oleg Rudin spoke in Geneva.\n\n"
        "The political commitment, he added, has now been joined by more than 35 states.\n\n"
        "The talks were useful, he said, adding that more rounds would follow."
    )
    assert [s.text for s in found] == [
        "The political commitment, he added, has now been joined by more than 35 states",
        "The talks were useful",
    ]


def test_a_rank_before_a_name_and_the_office_in_apposition_are_both_the_role():
    found = statements(
        "Foreign Ministry spokesperson Lin Hao said the sale was illegal.\n\n"
        "Senior Colonel Tan Wei, spokesperson for the defense ministry, said the army was on alert. "
        '"Those who play with fire will get burned," the spokesperson warned.'
    )
    assert [(s.speaker.name, s.role_as_written) for s in found[1:]] == [
        ("Tan Wei", "Senior Colonel, spokesperson for the defense ministry")
    ] * 2


def test_who_or_which_said_is_the_person_or_body_before_it():
    found = statements(
        "Minister Anna Novak criticised remarks by NATO Deputy Secretary General Henrik Aalto, who said "
        "last week that the alliance would not be intimidated.\n\n"
        "The strike was condemned by the Foreign Ministry, which said in a statement that the attack "
        "violated international law.\n\n"
        "In March, the minister had already told journalists that the embassy was preparing events."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Henrik Aalto", "the alliance would not be intimidated"),
        ("Foreign Ministry", "the attack violated international law"),
        ("Anna Novak", "the embassy was preparing events"),
    ]
    assert found[0].role_as_written == "NATO Deputy Secretary General"


def test_two_offices_of_one_person_joined_by_and():
    found = statements(
        "MOSCOW, March 13. /TASS/. The group will not become a bloc, Russian Deputy Foreign Minister "
        "and BRICS sherpa Oleg Rudin said on Wednesday.\n\n"
        "The sherpa said that the payment initiative had entered the practical stage."
    )
    assert [(s.speaker.name, s.role_as_written) for s in found] == [
        ("Oleg Rudin", "Russian Deputy Foreign Minister and BRICS sherpa")
    ] * 2


def test_an_interview_written_as_dialogue_gives_each_answer_to_the_interviewee():
    found = statements(
        "MOSCOW, March 13. /TASS/. Talks are frozen, Deputy Minister Oleg Rudin said in an interview with TASS.\n\n"
        "— Oleg Ivanovich, is there any prospect of resuming the dialogue soon?\n\n"
        "— «Frankly, I do not see such prospects today. The other side froze the dialogue.»\n\n"
        "— What about the sanctions?\n\n"
        "– They hurt those who imposed them, first of all.\n\n"
        "— The delegation left Geneva on Friday evening."
    )
    # A dash that follows no question opens no answer.
    assert len(found) == 3
    assert [(s.speaker.name, s.kind, s.text) for s in found[1:]] == [
        (
            "Oleg Rudin",
            StatementKind.DIRECT,
            "Frankly, I do not see such prospects today. The other side froze the dialogue.",
        ),
        ("Oleg Rudin", StatementKind.DIRECT, "They hurt those who imposed them, first of all."),
    ]


def test_an_answer_runs_on_for_one_paragraph_before_the_next_question():
    found = statements(
        "MOSCOW, March 13. /TASS/. Trade is growing, Ambassador Oleg Rudin said in an interview with TASS.\n\n"
        "Question: What about trade?\n\n"
        "Answer: The payment problem has largely been solved.\n\n"
        "Our main exports remain fertilisers, grain and metals.\n\n"
        "The embassy reopened its consular section in 2019 after a long pause.\n\n"
        "Question: When will flights resume?\n\n"
        "Answer: That is a question for the airlines.\n\n"
        "The interview was recorded in Kuala Lumpur last week."
    )
    assert [s.text for s in found[1:]] == [
        "The payment problem has largely been solved.",
        "Our main exports remain fertilisers, grain and metals.",
        "That is a question for the airlines.",
    ]


def test_transcript_turns_belong_to_the_named_speaker_and_questions_are_skipped():
    found = statements(
        "Photo: Spokesperson Lin Hao at the podium.\n\n"
        "AFP: Can you confirm the reports about the visit next week?\n\n"
        "Lin Hao: I have nothing to release at the moment on that visit.\n\n"
        "We hope all parties will handle the matter in a calm way.\n\n"
        "Reuters: The minister said the talks would resume in April. Do you have a comment?\n\n"
        "Lin Hao: China supports every effort that helps the talks resume soon."
    )
    assert [(s.speaker.name, s.kind) for s in found] == [("Lin Hao", StatementKind.DIRECT)] * 3
    assert [s.text[:20] for s in found] == [
        "I have nothing to re",
        "We hope all parties ",
        "China supports every",
    ]


def test_a_transcript_in_capitals_names_its_speaker_by_honorific_and_surname():
    article = extract_article(
        "Department Press Briefing\n\n"
        "MR HALE: Good afternoon. We remain deeply concerned about the fighting and call for a ceasefire.\n\n"
        "QUESTION: Will the Secretary travel to the region this week?\n\n"
        "MR HALE: I have no travel to announce today, but we will keep pressing both parties.\n\n"
        "Matthew Hale is the department's principal deputy spokesperson."
    )
    assert article.dateline_place == ""
    assert [(s.speaker.name, s.kind, s.text[:20]) for s in article.statements] == [
        ("Matthew Hale", StatementKind.DIRECT, "Good afternoon. We r"),
        ("Matthew Hale", StatementKind.DIRECT, "I have no travel to "),
    ]


def test_a_turn_of_an_official_transcript_runs_to_the_next_label():
    found = statements(
        "MR HALE: Good afternoon. Just a couple of things at the top.\n\n"
        "First, Secretary Laura Mills spoke with the Australian foreign minister. The Secretary reaffirmed "
        "that the partnership remains a cornerstone of regional security.\n\n"
        "Second, the United States strongly condemns yesterday's missile launch.\n\n"
        "QUESTION: Will you respond?\n\n"
        "MR HALE: We will consult our allies on the next steps.\n\n"
        "(The briefing was concluded at 1:52 p.m.)\n\n"
        "Gregory Hale is the department's deputy spokesperson."
    )
    assert [(s.speaker.name, s.text[:30]) for s in found] == [
        ("Gregory Hale", "Good afternoon. Just a couple "),
        ("Laura Mills", "the partnership remains a corn"),
        ("Gregory Hale", "Second, the United States stro"),
        ("Gregory Hale", "We will consult our allies on "),
    ]


def test_a_turn_ends_where_the_reporter_speaks_again():
    found = statements(
        "Andriy Bondar: We are ready to discuss any format of security guarantees.\n\n"
        "10:45 GMT: Poland scrambled jets as Russia launched another wave of drones.\n\n"
        "Andriy Bondar: Troops on the ground are not on the table for us today.\n\n"
        'Later on Monday, the Kremlin rejected the idea. Spokesman Dmitry Orlov said: "Foreign troops in '
        'Ukraine are unacceptable to us."\n\n'
        "The press conference lasted about forty minutes."
    )
    assert [(s.speaker.name, s.text[:24]) for s in found] == [
        ("Andriy Bondar", "We are ready to discuss "),
        ("Andriy Bondar", "Troops on the ground are"),
        ("Dmitry Orlov", "Foreign troops in Ukrain"),
    ]


def test_a_country_opening_a_sentence_is_not_the_speaker_of_anothers_participle():
    found = statements(
        "India trained hundreds of police officers last year, the report said, adding that more were planned."
    )
    assert not found


def test_a_top_diplomat_is_not_a_deputy():
    found = statements(
        "Secretary of State Laura Mills met her counterpart in Tokyo. Deputy Secretary of State Tom Reed also attended.\n\n"
        "The country's top diplomat said the alliance had never been stronger."
    )
    assert [s.speaker.name for s in found] == ["Laura Mills"]


def test_saying_clause_after_another_verb():
    statement = only(
        "Foreign Minister Min-ho Park on Thursday called on the world to act, saying the launches violate council resolutions."
    )
    assert statement.text == "the launches violate council resolutions"


def test_a_speech_participle_with_where_it_was_said_before_that():
    first, second = statements(
        "Defense Minister Rasa Zemaityte welcomed the remarks, writing on X that the brigade guarantees our security.\n\n"
        "The Foreign Ministry condemned the strike, noting in a statement that it had hit a hospital."
    )
    assert (first.speaker.name, first.text) == ("Rasa Zemaityte", "the brigade guarantees our security")
    assert second.text == "it had hit a hospital"


def test_a_country_that_acts_and_a_participle_that_words_it():
    found = statements(
        "The UAE has strongly condemned the attack on the vessel, saying that such acts violate international law.\n\n"
        "Kuwait welcomed the ceasefire, stressing that dialogue was the only way forward.\n\n"
        "China said that the move was a mistake."
    )
    assert [(s.speaker.name, s.speaker.kind, s.speaker.country) for s in found] == [
        ("UAE", SpeakerKind.INSTITUTION, "United Arab Emirates"),
        ("Kuwait", SpeakerKind.INSTITUTION, "Kuwait"),
    ]
    assert found[0].text == "such acts violate international law"


def test_quoted_titles_of_events_are_not_statements():
    statement = only(
        'Trade will grow, Deputy Minister Rauf Aliyev said at the conference "Connectivity in the Caspian Region: New Horizons" held in Baku.'
    )
    assert statement.text == "Trade will grow"


def test_a_title_in_the_lead_resolves_to_the_person_named_next():
    first, second = statements(
        "Sweden must act first, the Turkish Foreign Ministry spokesman said on Tuesday.\n\n"
        '"The ball is in their court," Omer Kaya told a news conference.'
    )
    assert first.speaker.name == second.speaker.name == "Omer Kaya"


def test_content_stops_where_the_that_clause_belongs_to_the_content():
    statement = only("Minister Ali Nasser said the talks had lasted two years and that progress was slow.")
    assert statement.text == "the talks had lasted two years and that progress was slow"


def test_country_owned_body_without_a_name():
    statement = only("Qatar's foreign ministry has said that the exchange could open the door to diplomacy.")
    assert statement.speaker.name == "Qatari Foreign Ministry"
    assert statement.speaker.kind == SpeakerKind.INSTITUTION


def test_names_with_particles_and_hyphenated_articles():
    first, second = statements(
        '"We hope for more steps," Saud bin Hamad al-Kuwari, an adviser to the prime minister, told reporters.\n\n'
        "Al-Kuwari said the negotiations had lasted two years."
    )
    assert first.speaker.name == second.speaker.name == "Saud bin Hamad al-Kuwari"
    assert first.role_as_written == "an adviser to the prime minister"


def test_a_question_the_speaker_asked_is_not_a_statement():
    found = statements(
        "Trade grew by a third, Minister Ivan Petrov said.\n\n"
        '"Why does the West refuse to talk if it has nothing to hide?" the minister asked.'
    )
    assert [s.text for s in found] == ["Trade grew by a third"]


def test_bare_weekday_and_possessive_weekday_date_the_statement():
    first, second = statements(
        "Trade will grow, Vice Minister Zhou Ming said Tuesday.\n\n"
        "Trade will fall, spokesperson Chen Li said at Monday's press conference."
    )
    assert (first.said_on.iso(), second.said_on.iso()) == ("2024-03-12", "2024-03-11")


def test_titles_with_brackets_and_appositives_with_commas():
    first, second = statements(
        "Secretary (Economic Relations) at the Ministry of External Affairs Rajiv Mehra said that India backed the plan.\n\n"
        "Huang Ze, a research fellow at the Institute of Russian, Eastern European and Central Asian Studies, "
        "told reporters on Monday that the move binds Japan to the US."
    )
    assert first.speaker.name == "Rajiv Mehra"
    assert first.role_as_written == "Secretary (Economic Relations) at the Ministry of External Affairs"
    assert second.speaker.name == "Huang Ze"


def test_an_appositive_that_ends_with_a_bracketed_abbreviation():
    statement = only(
        "Briefing via videoconference from Geneva, Daniel Achterberg, Director of the UN Institute for "
        "Disarmament Research (UNIDIR), said the risk of miscalculation was growing."
    )
    assert statement.speaker.name == "Daniel Achterberg"
    assert statement.role_as_written.startswith("Director of the UN Institute")
    assert statement.text == "the risk of miscalculation was growing"


def test_a_top_diplomat_is_the_foreign_minister_not_the_last_diplomat_quoted():
    found = statements(
        "Foreign Minister Karim El-Naggar affirmed Egypt's support for Sudan.\n\n"
        "Foreign ministry spokesman Tamer Fawzy said the two ministers also discussed a meeting in Cairo.\n\n"
        'Egypt\'s top diplomat later told reporters that "the region cannot bear another collapsed state."'
    )
    assert [s.speaker.name for s in found] == ["Tamer Fawzy", "Karim El-Naggar"]


def test_particles_in_names_and_a_shortened_name():
    first, second = statements(
        "Defense Secretary Gilberto de la Cruz said the talks were useful.\n\n"
        "De la Cruz said his country welcomed the decision."
    )
    assert first.speaker.name == second.speaker.name == "Gilberto de la Cruz"


def test_a_description_prefers_the_person_named_with_that_title():
    found = statements(
        "Spokesperson Sadia Iqbal said Pakistan wants calm in the region.\n\n"
        "Ambassador to China Khalid Chaudhry met the vice minister in Beijing. "
        "The ambassador said the second phase of the corridor would focus on industry."
    )
    assert [s.speaker.name for s in found] == ["Sadia Iqbal", "Khalid Chaudhry"]


@pytest.mark.parametrize(
    "text",
    [
        "Sorokin and Zhang agreed that the next round would be held in Beijing.",
        "US President Joe Baker, UK Prime Minister Ann Hale and Australian Prime Minister Tom Ross announced that the deal was done.",
        "Sources said that several new agreements were expected to be signed.",
    ],
)
def test_joint_and_anonymous_subjects_give_no_statement(text):
    assert statements(text) == ()


def test_bodies_speaking_through_press_services_statements_and_long_names():
    found = statements(
        "On Monday, the Kremlin press service said that Moscow had received no proposals.\n\n"
        "Meanwhile, the Prime Minister Office in a statement said the second phase would focus on industry.\n\n"
        "The Taiwan Affairs Office of the State Council said on Thursday that sanctions would follow.\n\n"
        "The statement said the office would publish a list of names."
    )
    assert [s.speaker.name for s in found] == [
        "Kremlin",
        "Prime Minister Office",
        "Taiwan Affairs Office of the State Council",
        "Taiwan Affairs Office of the State Council",
    ]


def test_an_adverb_in_commas_before_that():
    statement = only("The diplomat Ivan Orlov believes, however, that Moscow should not close the door.")
    assert statement.text == "Moscow should not close the door"


def test_pronouns_follow_who_the_text_is_about_and_the_pronouns_already_used():
    found = statements(
        'Deputy Minister Ivan Sorin said that talks went well. "We agreed on a lot," he said.\n\n'
        'Spokeswoman Anna Li said that China welcomed the talks. "It was useful," she said.\n\n'
        "Foreign Secretary Tahir Khan met the ambassador on Monday.\n\n"
        "On trade, she said that exports had doubled.\n\n"
        "Sorin also touched upon the treaty. In his words, the treaty is still alive."
    )
    assert [s.speaker.name for s in found] == [
        "Ivan Sorin",
        "Ivan Sorin",
        "Anna Li",
        "Anna Li",
        "Anna Li",
        "Ivan Sorin",
    ]


def test_a_surname_alone_names_a_known_speaker_only_when_one_has_it():
    known = (
        KnownSpeaker(key="maria-zakharova", name="Maria Zakharova", aliases=("Maria Zaharova",)),
        KnownSpeaker(key="li-wei", name="Li Wei"),
        KnownSpeaker(key="zhang-wei", name="Zhang Wei"),
    )
    directory = SpeakerDirectory(known)
    assert directory.known_speaker("Zakharova").key == "maria-zakharova"
    assert directory.known_speaker("Zaharova").key == "maria-zakharova"
    assert directory.known_speaker("Wei") is None  # two known speakers end so
    assert directory.known_speaker("Ryabkov") is None
    # A later article with other known speakers is not answered from the first one's.
    assert SpeakerDirectory(known[1:2]).known_speaker("Wei").key == "li-wei"


@pytest.mark.parametrize(
    ("title", "name", "country"),
    [
        ("Russian Ambassador to the United States", "Anatoly Antonov", "Russia"),
        ("Ambassador to the United Kingdom", "Irina Berg", ""),
        ("Permanent Representative to the United Nations", "Vasily Petrov", ""),
        ("Ambassador of the United Arab Emirates", "Omar Saeed", ""),
        ("Head of the European Union delegation", "Marta Lind", ""),
    ],
)
def test_a_title_ending_in_a_states_or_bodys_name_stays_out_of_the_name(title, name, country):
    statement = only(f"MOSCOW, March 13. /TASS/. The talks were useful, {title} {name} said on Tuesday.")

    assert statement.speaker.name == name
    assert statement.role_as_written == title
    if country:
        assert statement.speaker.country == country


def test_two_offices_joined_by_and_belong_to_one_person():
    statement = only(
        "Deputy Prime Minister and Foreign Minister Omar Haddad said the region would not accept another war."
    )
    assert statement.speaker.name == "Omar Haddad"
    assert statement.role_as_written == "Deputy Prime Minister and Foreign Minister"


def test_a_clause_whose_verb_is_inside_the_quotation_keeps_its_subject():
    statement = only(
        'Minister Omar Haddad said the Arab world "cannot afford another failed state on its borders."'
    )
    assert statement.kind == StatementKind.INDIRECT
    assert statement.text == 'the Arab world "cannot afford another failed state on its borders."'
    # A quotation inside the clause that names something is no verb.
    assert statements('Minister Omar Haddad said the "Big Three" of the region at the summit.') == ()


def test_a_speech_participle_after_a_predicate_that_is_not_speech():
    found = statements(
        "Foreign Minister Ana Ruiz condemned on Monday the new measures against the banking system, "
        "saying they are aimed at punishing ordinary families.\n\n"
        "Elsewhere in his remarks, the ministry spokesman Omar Aziz rejected the report, saying that "
        "the figures had been invented.\n\n"
        "Minister Ana Ruiz called on the council to act against the violations, stressing that the "
        "council cannot remain a spectator."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Ana Ruiz", "they are aimed at punishing ordinary families"),
        ("Omar Aziz", "the figures had been invented"),
        ("Ana Ruiz", "the council cannot remain a spectator"),
    ]


def test_a_participle_after_an_inverted_attribution_stays_the_tail():
    statement = only(
        "The conflict has displaced millions of people, the Peace and Security Council said in a "
        "communique, adding that "
        "it would send a mission."
    )
    assert statement.text == "The conflict has displaced millions of people"


def test_a_speech_verb_after_a_first_predicate_belongs_to_the_sentence_subject():
    found = statements(
        "Iran's envoy to the agency, Hamid Karimi, rejected the criticism and said the agency had "
        "ignored the attacks.\n\n"
        'The envoy, Ambassador Kamal Idris, welcomed the resolution but said his government "will not '
        'accept equating the army with a militia."'
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Hamid Karimi", "the agency had ignored the attacks"),
        ("Kamal Idris", "will not accept equating the army with a militia."),
    ]


def test_the_head_of_a_body_in_a_lead_is_the_person_named_next():
    found = statements(
        "The head of the United Nations' nuclear watchdog said Wednesday that inspectors must return "
        "to the damaged sites.\n\n"
        '"We have lost continuity of knowledge," Mariano Vidal, director general of the agency, told '
        "the board."
    )
    assert [s.speaker.name for s in found] == ["Mariano Vidal", "Mariano Vidal"]
    assert found[0].said_on.iso() == "2024-03-13"
    assert found[0].text == "inspectors must return to the damaged sites"


def test_a_described_speaker_taken_up_as_the_same_office_is_the_one_named_later():
    found = statements(
        "MOSCOW (Sputnik) - The region is becoming a zone of confrontation, a senior Russian diplomat "
        "told Sputnik on Wednesday.\n\n"
        '"We see a systematic effort to build up infrastructure," the diplomat said.\n\n'
        "The official, Russian Ambassador-at-Large Vadim Ostrikov, said that the balance had changed.\n\n"
        "Talks were held in Oslo, a Western diplomat said. Foreign Minister Ola Berg said the talks were useful."
    )
    assert [(s.speaker.name, s.role_as_written, s.text[:24]) for s in found] == [
        ("Vadim Ostrikov", "Russian Ambassador-at-Large", "The region is becoming a"),
        ("Vadim Ostrikov", "Russian Ambassador-at-Large", "We see a systematic effo"),
        ("Vadim Ostrikov", "Russian Ambassador-at-Large", "the balance had changed"),
        ("Ola Berg", "Foreign Minister", "the talks were useful"),
    ]


def test_the_minister_just_quoted_may_be_the_counterpart():
    found = statements(
        "Transit will grow, Azerbaijani Foreign Minister Ramil Sadigov said at a joint press conference "
        "with his Georgian counterpart Tamar Jorbenadze.\n\n"
        '"The corridor has proved its value," Jorbenadze said.\n\n'
        "Asked about Brussels, the minister replied that the two tracks did not compete."
    )
    assert [s.speaker.name for s in found] == ["Ramil Sadigov", "Tamar Jorbenadze", "Tamar Jorbenadze"]


def test_a_participle_phrase_opening_a_sentence_leaves_its_subject_the_focus():
    found = statements(
        "Ambassador Tariq Jafri told the Council that the threat was growing.\n\n"
        "Special Representative Rosalind Tembo told the Council that funding was falling.\n\n"
        "Winding up his statement, the ambassador called for a coordinated approach.\n\n"
        '"The Council must act now," he said.'
    )
    assert [s.speaker.name for s in found] == ["Tariq Jafri", "Rosalind Tembo", "Tariq Jafri"]


def test_a_described_embassy_with_its_city_is_one_body():
    found = statements(
        "NATO Secretary General Mark Rutte visited Narva on Monday.\n\n"
        "In a statement posted on Telegram, the Russian embassy in Tallinn said the fortifications "
        "would only raise tensions. The embassy added that Russia had never threatened its neighbours."
    )
    assert [(s.speaker.name, s.speaker.kind, s.speaker.country) for s in found] == [
        ("Russian Embassy in Tallinn", SpeakerKind.INSTITUTION, "Russia")
    ] * 2


def test_a_past_participle_between_subject_and_verb_is_a_circumstance():
    found = statements(
        "The Iranian Foreign Ministry issued a statement on the European move.\n\n"
        "The statement, released on Sunday, said the three countries had abused the mechanism."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Iranian Foreign Ministry", "the three countries had abused the mechanism")
    ]


def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it():
    found = statements(
        "Receiving Julien de Groote, head of the EU Delegation, in Hanoi, Deputy Minister Nguyen Hai "
        "said that trade was growing.\n\n"
        "Ambassador de Groote said that the EU regarded Vietnam as an important partner."
    )
    assert [s.speaker.name for s in found] == ["Nguyen Hai", "Julien de Groote"]


def test_a_source_who_said_more_gives_a_second_statement():
    found = statements(
        "Foreign Minister Omer Karaoglu spoke in Ankara on Monday.\n\n"
        "Turkey continues its efforts to revive the grain deal, according to Karaoglu, who said Ankara "
        "was in regular contact with both Moscow and Kyiv."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Omer Karaoglu", "Turkey continues its efforts to revive the grain deal"),
        ("Omer Karaoglu", "Ankara was in regular contact with both Moscow and Kyiv"),
    ]


def test_when_someone_did_something_else_is_not_when_they_spoke():
    found = statements(
        "Ambassador Rakesh Sehgal, who presented his credentials in February, noted on Monday that "
        "trade had grown.\n\n"
        '"Narva is NATO," Sehgal told AFP on Tuesday. "Anyone who thinks otherwise is wrong."\n\n'
        "Special Envoy on the Middle East Issue Wu Jianguo said the priority was to stop the war."
    )
    assert [(s.speaker.name, s.said_on.iso()) for s in found] == [
        ("Rakesh Sehgal", "2024-03-11"),
        ("Rakesh Sehgal", "2024-03-12"),
        ("Rakesh Sehgal", "2024-03-12"),
        ("Wu Jianguo", None),
    ]


def test_a_thing_announced_is_no_statement_and_a_clause_announced_is():
    found = statements(
        "The Defense Security Cooperation Agency announced on Monday the possible sale of air defense "
        "systems to the island worth about 1.2 billion dollars.\n\n"
        "The agency announced the sale would strengthen the island's defenses."
    )
    assert [s.text for s in found] == ["the sale would strengthen the island's defenses"]


def test_each_item_of_a_list_a_speaker_introduces_is_their_statement():
    found = statements(
        "Energy Minister Olga Brandt spoke at the forum on Monday.\n\n"
        "The press service of Azerbaijan Railways CJSC told Trend that the following was agreed:\n"
        "• container traffic along the route grew by 31 percent in January-August;\n"
        "• a new block train service will be launched in October.\n\n"
        "In a separate advisory, the National Disaster Management Authority (NDMA) said:\n"
        "- heavy rains are expected in the north between August 19 and 23;\n"
        "- district administrations have been told to keep rescue teams on standby.\n\n"
        '"Rescue teams are ready," the NDMA said.'
    )
    assert [(s.speaker.name, s.speaker.kind, s.text) for s in found] == [
        (
            "Azerbaijan Railways CJSC",
            SpeakerKind.INSTITUTION,
            "container traffic along the route grew by 31 percent in January-August",
        ),
        (
            "Azerbaijan Railways CJSC",
            SpeakerKind.INSTITUTION,
            "a new block train service will be launched in October",
        ),
        (
            "National Disaster Management Authority",
            SpeakerKind.INSTITUTION,
            "heavy rains are expected in the north between August 19 and 23",
        ),
        (
            "National Disaster Management Authority",
            SpeakerKind.INSTITUTION,
            "district administrations have been told to keep rescue teams on standby",
        ),
        ("National Disaster Management Authority", SpeakerKind.INSTITUTION, "Rescue teams are ready"),
    ]


def test_initials_after_the_are_the_body_quoted_before_with_those_initials():
    found = statements(
        '"Our military is on full alert," the Joint Chiefs of Staff said in a statement.\n\n'
        '"We are sharing information with our allies," the JCS said.'
    )
    assert [s.speaker.name for s in found] == ["Joint Chiefs of Staff"] * 2


def test_the_subject_a_sentence_is_about_runs_to_its_whole_office():
    found = statements(
        "The route is open to all, Deputy Foreign Minister Arkady Vereshchagin said.\n\n"
        '"We support the safe use of the routes," said Chinese Foreign Ministry Deputy Director General '
        "Zhou Minghui.\n\n"
        "Asked about Western insurers, the deputy minister was dismissive. "
        '"This problem has been largely solved," he said.'
    )
    assert [s.speaker.name for s in found] == ["Arkady Vereshchagin", "Zhou Minghui", "Arkady Vereshchagin"]


def test_a_description_by_country_prefers_a_speaker_known_to_be_of_it():
    found = statements(
        "Cargo volumes could double, Deputy Minister of Economy of Azerbaijan Rauf Mammadzade said.\n\n"
        "The corridor is no competitor to anyone, said EU Ambassador to Azerbaijan Katrin Holmqvist.\n\n"
        "Karl Berg said the ferries were ready.\n\n"
        "The Azerbaijani official also said Baku was in talks with Turkmenistan."
    )
    assert [(s.speaker.name, s.speaker.country) for s in found] == [
        ("Rauf Mammadzade", "Azerbaijan"),
        # A country an office is sent to is not its holder's.
        ("Katrin Holmqvist", ""),
        ("Karl Berg", ""),
        ("Rauf Mammadzade", "Azerbaijan"),
    ]


def test_he_after_a_sentence_about_someone_is_that_person():
    found = statements(
        '"We are moving from words to deeds," Uzbek Deputy Minister Jasur Rakhimov said.\n\n'
        "The Afghan Deputy Minister of Commerce and Industry, Mawlawi Abdul Latif Haqyar, also addressed "
        "the ceremony. He said security along the route would be guaranteed.\n\n"
        "The leader of the opposition bloc, Vasile Moraru, called the decision "
        '"an open violation of the constitutional right to vote." He said his bloc would challenge it in court.'
    )
    assert [(s.speaker.name, s.role_as_written) for s in found] == [
        ("Jasur Rakhimov", "Uzbek Deputy Minister"),
        ("Abdul Latif Haqyar", "Afghan Deputy Minister of Commerce and Industry"),
        # What he called the decision, and what he said.
        ("Vasile Moraru", "leader of the opposition bloc"),
        ("Vasile Moraru", "leader of the opposition bloc"),
    ]


def test_a_lead_description_is_not_someone_named_later_in_another_office():
    found = statements(
        "Turkey expects the EU to share the burden of migration, the country's deputy foreign minister "
        "said on Tuesday.\n\n"
        "Speaking at a joint press conference, Emre Basturk said the current arrangements no longer worked.\n\n"
        "Meanwhile, interior minister Levent Ozdemir told reporters that 620,000 Syrians had returned."
    )
    assert [s.speaker.name for s in found] == ["Emre Basturk", "Emre Basturk", "Levent Ozdemir"]


def test_a_word_in_another_script_is_no_mention_of_anyone():
    directory = SpeakerDirectory(())
    directory.collect_mentions([(0, "Foreign Minister Anna Maria Novak spoke in Vienna.")])
    assert directory.full_mention("Подписаться") is None
    assert directory.full_mention("Novak").name == "Anna Maria Novak"


def test_a_place_of_work_in_an_apposition_is_no_name():
    found = statements(
        "Yulia Smirnova, director of the Arctic Logistics Center at the Higher School of Economics, "
        "said the restrictions had slowed down construction."
    )
    assert [(s.speaker.name, s.role_as_written) for s in found] == [
        ("Yulia Smirnova", "director of the Arctic Logistics Center at the Higher School of Economics")
    ]


def test_a_denial_keeps_what_was_denied_as_denied():
    found = statements(
        "The Russian Embassy in Serbia on Tuesday denied media reports that Moscow was preparing to "
        "shut down the center in Nis.\n\n"
        "Ambassador Pavel Starodubtsev also rejected claims that the staff enjoy diplomatic status."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        (
            "Russian Embassy in Serbia",
            "denied media reports that Moscow was preparing to shut down the center in Nis",
        ),
        ("Pavel Starodubtsev", "rejected claims that the staff enjoy diplomatic status"),
    ]


def test_a_name_and_another_title_before_a_name_leave_only_that_title():
    found = statements(
        "The document was signed by Asanbekov and Azerbaijani Foreign Minister Rauf Guliyev.\n\n"
        '"We have set clear targets," Guliyev said, adding that the first train was expected in September.'
    )
    assert [(s.speaker.name, s.role_as_written, s.said_on.iso()) for s in found] == [
        # September is when the train is expected, not when he spoke.
        ("Rauf Guliyev", "Azerbaijani Foreign Minister", None)
    ]


def test_a_joint_document_speaks_for_the_parties_that_signed_it():
    found = statements(
        "Azerbaijan and Kyrgyzstan have signed a joint declaration on strategic partnership, the "
        "Foreign Ministry reported on Wednesday.\n\n"
        "The sides agreed to bring trade turnover to $500 million by 2030, the document says.\n\n"
        '"The Parties consider the transport route a strategic asset," the declaration reads, adding '
        "more.\n\n"
        "The document further states that Baku and Bishkek will cooperate in green energy."
    )
    assert {s.speaker.name for s in found} == {"Azerbaijan and Kyrgyzstan"}
    assert len(found) == 3


def test_as_the_minister_put_it_and_in_his_words_before_that():
    found = statements(
        "Foreign Minister Kemal Ozturan spoke in Ankara.\n\n"
        "As the minister put it, the visa regime is a wall that Europe has built against itself.\n\n"
        "He stressed, in his words, that Turkey is prepared to join a guarantor mechanism."
    )
    assert [s.text for s in found] == [
        "the visa regime is a wall that Europe has built against itself",
        "Turkey is prepared to join a guarantor mechanism",
    ]


def test_what_someone_called_a_thing_is_their_quotation():
    found = statements(
        "Spokeswoman Marina Lebedeva held a briefing on Wednesday.\n\n"
        "As for the remarks by several Estonian lawmakers about closing the border for good, the diplomat "
        'called them "a confession of helplessness, not a policy."\n\n'
        'Researcher Eirik Haugland called the route "a political project first and a commercial one second."\n\n'
        'The summit adopted a plan called "Connectivity for a shared future of the region."'
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Marina Lebedeva", "a confession of helplessness, not a policy."),
        ("Eirik Haugland", "a political project first and a commercial one second."),
    ]


def test_in_someones_view_names_whose_view_it_is():
    found = statements(
        "Uzbek President Bakhtiyor Rakhimov and Kazakh President Daniyar Seitkali met in Gabala.\n\n"
        "In the Uzbek leader's view, the railway project would turn Afghanistan into a bridge.\n\n"
        "According to Seitkali's assessment, trade would double by 2030."
    )
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Bakhtiyor Rakhimov", "the railway project would turn Afghanistan into a bridge"),
        ("Daniyar Seitkali", "trade would double by 2030"),
    ]


def test_an_unnamed_spokesman_for_a_body_speaks_for_it():
    found = statements(
        "A spokesman for China's Ministry of Transport said in August that companies make their own "
        "decisions about the route.\n\n"
        "A spokesman for the Russian Foreign Ministry, Ivan Petrov, said that the talks were useful."
    )
    assert [(s.speaker.name, s.speaker.kind) for s in found] == [
        ("China's Ministry of Transport", SpeakerKind.INSTITUTION),
        ("Ivan Petrov", SpeakerKind.PERSON),
    ]


def test_said_following_a_meeting_is_an_attribution_after_its_content():
    statement = only(
        "TEHRAN, March 13. /TASS/. The 3+3 platform has proven that the region can solve its problems, "
        "Deputy Foreign Minister Sergei Verkhovtsev said following a meeting of the platform on Tuesday."
    )
    assert statement.speaker.name == "Sergei Verkhovtsev"
    assert statement.text == "The 3+3 platform has proven that the region can solve its problems"
    assert statement.said_on.iso() == "2024-03-12"


def test_in_his_opinion_may_open_with_a_quotation_that_the_clause_goes_on_from():
    found = statements(
        "Ambassador Yuri Artamonov spoke in Islamabad.\n\n"
        'In his opinion, "the failure of the policy of exporting democracy" has been exposed by the '
        "withdrawal of foreign forces."
    )
    assert [(s.kind, s.text) for s in found] == [
        (
            StatementKind.INDIRECT,
            '"the failure of the policy of exporting democracy" has been exposed by the withdrawal of foreign forces',
        )
    ]


def test_what_is_added_to_an_act_is_no_statement_but_what_is_said_is():
    found = statements(
        "Deputy Permanent Representative Grigory Lomakin criticised unilateral sanctions, adding that "
        "such restrictions hit ordinary people first of all.\n\n"
        "He condemned the strike, saying that it violated international law."
    )
    assert [s.text for s in found] == ["it violated international law"]


def test_words_quoted_by_someone_else_are_those_of_the_one_named():
    found = statements(
        "Deputy Minister Arkady Vereshchagin quoted President Ivan Petrov as saying that the route was "
        "open to all.\n\n"
        'He quoted Foreign Minister Anna Novak as saying that "no sanctions regime can close a sea."'
    )
    assert [s.speaker.name for s in found] == ["Ivan Petrov", "Anna Novak"]


def test_as_someone_said_gives_the_words_to_them_not_to_who_recalls_them():
    found = statements(
        "Deputy Foreign Minister Ivan Tolmachev spoke in Moscow.\n\n"
        "As Foreign Minister Arkady Velminov said on Tuesday, the council cannot function while its "
        "members coordinate in NATO, Tolmachev recalled.\n\n"
        'As Chinese Foreign Minister Gao Jianming said earlier, "those who play with fire will perish by '
        'it," the deputy minister recalled.'
    )
    assert [s.speaker.name for s in found] == ["Arkady Velminov", "Gao Jianming"]
    assert found[0].text == "the council cannot function while its members coordinate in NATO"


def test_an_office_runs_on_to_the_name_after_it():
    found = statements(
        'UN Assistant Secretary-General Helena Marsh said that the launch was "a flagrant violation" '
        "of the resolutions.\n\n"
        "China's Deputy Permanent Representative to the UN Zhao Pengfei called on all parties to "
        'exercise restraint. "Sanctions alone cannot solve the problem," the Chinese diplomat said.\n\n'
        "South Korean Ambassador to the UN Lee Dong-hwan was equally blunt. "
        '"The council cannot remain silent," he said.'
    )
    assert [s.speaker.name for s in found] == ["Helena Marsh", "Zhao Pengfei", "Lee Dong-hwan"]


def test_a_country_written_as_initials_is_the_same_country_as_its_demonym():
    found = statements(
        "Russia wants a treaty, Russian envoy Konstantin Zarubin said.\n\n"
        "The US envoy to the conference, Margaret Ellison, rejected the criticism on Monday. "
        '"You cannot lecture others about space," the American diplomat said.'
    )
    assert [(s.speaker.name, s.speaker.country) for s in found] == [
        ("Konstantin Zarubin", "Russia"),
        ("Margaret Ellison", "United States"),
    ]


def test_an_unnamed_source_is_not_given_the_last_speaker():
    found = statements(
        "Iran's ambassador to the agency, Hamid Karimi, said the demand was political.\n\n"
        '"We are not there yet," one Western diplomat said, speaking on condition of anonymity. '
        '"But the patience in this room is running very thin."\n\n'
        '"Nobody expects a vote this week," a senior diplomat told reporters.'
    )
    assert [(s.speaker.name, s.text) for s in found] == [("Hamid Karimi", "the demand was political")]


def test_malay_honorifics_are_titles_and_a_name_written_short_is_the_same_person():
    found = statements(
        "Malaysia will keep to quiet diplomacy, said Foreign Minister Datuk Seri Ahmad Faizal Rahman.\n\n"
        "Ahmad Faizal said the note had been delivered last month.\n\n"
        "Cuban Foreign Minister Eduardo Cabrera Fuentes said the measures would fail.\n\n"
        "Cabrera said the vote showed the world's view."
    )
    assert [s.speaker.name for s in found] == [
        "Ahmad Faizal Rahman",
        "Ahmad Faizal Rahman",
        "Eduardo Cabrera Fuentes",
        "Eduardo Cabrera Fuentes",
    ]
    assert found[0].role_as_written == "Foreign Minister Datuk Seri"


def test_a_role_after_the_name_in_an_inverted_attribution():
    statement = only(
        '"Such steps will not remain unanswered," said Irina Sokolova, the ministry\'s deputy '
        "spokeswoman, at a briefing."
    )
    assert statement.speaker.name == "Irina Sokolova"
    assert statement.role_as_written == "ministry's deputy spokeswoman"


def test_a_lone_capitalised_word_before_a_first_verb_is_not_taken_for_a_speaker():
    found = statements(
        "Foreign Minister Anna Novak arrived in Vienna on Monday.\n\n"
        "Protesters gathered outside the embassy, saying they wanted the ambassador to leave.\n\n"
        "She said the talks would resume in April."
    )
    assert [(s.speaker.name, s.text) for s in found] == [("Anna Novak", "the talks would resume in April")]


def test_tokens_before_a_position_are_those_of_the_text_cut_there():
    sentence = (
        "Russia's ambassador to China, Andrey Denisov (pictured), told TASS on Dec. 24 that talks-went well."
    )
    for end in range(len(sentence) + 1):
        assert tokens_before(sentence, end) == tokenize(sentence[:end]), end


def test_a_masked_quotation_is_one_boundary_token_spanning_it():
    masked = "§§§§§§§§§§, the minister said."
    tokens = tokenize(masked)
    assert [token.text for token in tokens] == ["§", ",", "the", "minister", "said."]
    assert (tokens[0].start, tokens[0].end) == (0, 10)
