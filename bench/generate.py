"""Synthetic wire-service articles for the benchmark, deterministic from a seed value.

Each article reads like the stories in seeds/: a TASS, Sputnik, AzerNews or UrduPoint header and
dateline, a lead that names a speaker with a title, direct quotes continued by "the diplomat said"
or a surname, reported speech ("X noted that ..."), a second speaker now and then, and the sites'
furniture (menus, photo credits, "Read also" teasers, share widgets) that ingest must clean away.

The vocabulary mixes very common words (cooperation, security), phrases the search benchmark looks
for ("strategic partnership"), topic words that the default topic rules tag (NATO, Ukraine, outer
space, ...) and a long tail of rare proper nouns (project and place names built from syllables),
so rare-word, common-word and phrase searches each have something realistic to find.

    python -m bench.generate OUT_DIR --articles 1000 --seed 1

writes OUT_DIR/0000/000000.txt ... in folders of 1,000 files. Nothing here imports Django.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FILES_PER_FOLDER = 1000

# Country, demonym, capital (as a dateline writes it), first names, surnames.
COUNTRIES = [
    ("Russia", "Russian", "MOSCOW", "Sergey Maria Nikolai Andrey Dmitry Alexander Vladimir Oleg Yuri Anna"),
    ("China", "Chinese", "BEIJING", "Wei Li Jian Hua Ming Xiaoming Yan Hong Qiang Lei"),
    ("Azerbaijan", "Azerbaijani", "BAKU", "Elnur Leyla Hikmet Jeyhun Ramiz Aida Farid Nigar Tural Samir"),
    ("Pakistan", "Pakistani", "ISLAMABAD", "Imran Ayesha Bilal Faisal Hina Asif Shehbaz Zahid Nadia Omar"),
    ("India", "Indian", "NEW DELHI", "Rajesh Priya Anil Sunita Vikram Arun Kavita Suresh Meera Rahul"),
    ("Turkey", "Turkish", "ANKARA", "Mehmet Ayse Hakan Emine Mustafa Ibrahim Zeynep Kemal Selin Murat"),
    ("Iran", "Iranian", "TEHRAN", "Hossein Maryam Ali Reza Nasser Parisa Hamid Saeed Leila Abbas"),
    ("Kazakhstan", "Kazakh", "ASTANA", "Nursultan Aigerim Yerlan Dana Askar Marat Saule Timur Gulnara Arman"),
    ("Egypt", "Egyptian", "CAIRO", "Ahmed Fatima Sameh Mona Khaled Hany Rania Tarek Yasmin Nabil"),
    ("Brazil", "Brazilian", "BRASILIA", "Carlos Ana Mauro Lucia Celso Paulo Beatriz Rafael Marina Jorge"),
    ("Germany", "German", "BERLIN", "Annalena Olaf Markus Katrin Stefan Sabine Jens Ulrike Thomas Petra"),
    ("France", "French", "PARIS", "Jean Claire Pierre Sophie Antoine Camille Laurent Helene Nicolas Julie"),
]
SURNAMES = {
    "Russia": "Ryabkov Zakharova Lavrov Peskov Galuzin Grushko Nebenzya Ulyanov Rudenko Polyansky "
    "Kozhin Sokolov Volkov Morozov Orlov",
    "China": "Wang Zhao Hua Mao Qin Zhang Liu Chen Yang Huang Xu Sun Zhou Ma Gao",
    "Azerbaijan": "Bayramov Hajizada Aliyev Mammadov Huseynov Guliyev Hasanov Ismayilov Karimov "
    "Abbasov Rustamov Safarov Valiyev Jafarov Nasirov",
    "Pakistan": "Qureshi Zardari Baloch Khan Sharif Malik Chaudhry Butt Abbasi Rana Siddiqui Hashmi "
    "Mirza Niazi Sheikh",
    "India": "Jaishankar Bagchi Kumar Sharma Verma Iyer Menon Reddy Nair Gupta Rao Pillai Das Bose Kapoor",
    "Turkey": "Fidan Kalin Yilmaz Demir Celik Sahin Aydin Ozturk Arslan Dogan Kaya Koc Kurt Ozdemir Polat",
    "Iran": "Araghchi Kanaani Baghaei Larijani Zarif Velayati Rezaei Ahmadi Hosseini Mousavi Karimi "
    "Jafari Rahimi Tehrani Salehi",
    "Kazakhstan": "Nurtleu Smadiyarov Tokayev Ashimbayev Vassilenko Umarov Sultanov Zhumabayev "
    "Kassymov Abenov Bekov Tulegenov Akhmetov Seitov Omarov",
    "Egypt": "Shoukry Abdelatty Hafez Zayed Mansour Fahmy Said Ezzat Gamal Hamdy Nour Rashad Saleh "
    "Shaker Youssef",
    "Brazil": "Vieira Amorim Silva Santos Oliveira Souza Lima Costa Pereira Carvalho Almeida Ferreira "
    "Rocha Ribeiro Gomes",
    "Germany": "Baerbock Schmidt Weber Becker Hoffmann Schulz Koch Richter Klein Wolf Neumann Braun "
    "Zimmermann Kruger Hartmann",
    "France": "Barrot Lemoine Dubois Moreau Laurent Girard Bonnet Dupont Lambert Fontaine Rousseau "
    "Vincent Muller Lefevre Faure",
}
TITLES = [
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Foreign Ministry Spokesperson",
    "Presidential Spokesman",
    "Security Council Secretary",
    "Defense Minister",
    "Prime Minister",
    "Permanent Representative to the United Nations",
    "Ambassador to China",
    "Ambassador to Russia",
    "Ambassador to the United States",
    "Deputy Prime Minister",
    "Economy Minister",
    "Energy Minister",
]
DESCRIPTIONS = ["the diplomat", "the minister", "the official", "the senior diplomat", "the envoy"]
PRONOUN_VERBS = ["said", "added", "stressed", "noted", "emphasized", "pointed out", "went on to say"]
REPORTING_VERBS = ["said", "noted", "stressed", "emphasized", "pointed out", "underlined", "added"]

PARTNERS = [
    "Moscow and Beijing",
    "Baku and Ankara",
    "Islamabad and Beijing",
    "the two countries",
    "the BRICS members",
    "the member states of the Shanghai Cooperation Organization",
    "the Caspian states",
    "the countries of Central Asia",
    "the European Union and its neighbours",
    "the United States and its allies",
]
SUBJECTS = [
    "Bilateral cooperation",
    "The strategic partnership",
    "Trade between our countries",
    "The security situation in the region",
    "The dialogue on regional security",
    "Energy cooperation",
    "The negotiations",
    "Our position",
    "The agreement",
    "Humanitarian cooperation",
    "Military cooperation",
    "The consultations",
]
PREDICATES = [
    "is developing steadily in all areas",
    "meets the fundamental interests of {partners}",
    "should not be held hostage to the policies of third countries",
    "remains a priority for our foreign policy",
    "has reached an unprecedented level of mutual trust",
    "will continue regardless of external pressure",
    "requires patience and a comprehensive approach",
    "is based on equality and mutual respect",
    "cannot be built at the expense of the security of others",
    "depends on the political will of all the parties",
    "must take into account the legitimate concerns of {partners}",
    "has been discussed in detail at the highest level",
]
TOPIC_SENTENCES = [
    "NATO's eastward expansion poses a direct threat to regional security",
    "the settlement of the conflict in Ukraine must be political and diplomatic",
    "the deployment of weapons in outer space would undermine strategic stability",
    "the Taiwan question is an internal affair of China",
    "the situation in Xinjiang is being distorted by Western media",
    "the AUKUS partnership fuels an arms race in the Asia-Pacific region",
    "the New START treaty remains the cornerstone of arms control",
    "security guarantees must be legally binding",
    "sanctions are counterproductive and illegal under international law",
    "the nuclear programme should be discussed at the negotiating table",
    "the grain corridor is vital for global food security",
    "the peace process in the South Caucasus is irreversible",
    "the North-South transport corridor will boost trade across Eurasia",
    "the Hong Kong authorities act within the law",
    "climate finance should reach the developing countries",
]
QUALIFIERS = [
    "",
    "",
    "",
    " in the current circumstances",
    " despite the difficulties",
    " in the coming years",
    " as never before",
    " within the framework of the United Nations Charter",
    " on the basis of international law",
    " step by step",
]
OCCASIONS = [
    "at a press conference",
    "at a briefing",
    "in an interview with the International Affairs journal",
    "at a meeting with his counterpart",
    "at the Valdai International Discussion Club",
    "on the sidelines of the forum",
    "at a plenary session",
    "in a statement",
    "speaking to reporters",
    "at a joint news conference",
]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "earlier"]
BACKGROUND = [
    "The talks were held behind closed doors and lasted more than three hours.",
    "The two sides signed a number of documents following the meeting.",
    "The previous round of consultations took place in {month}.",
    "The forum brought together delegations from more than forty countries.",
    "Trade turnover between the two countries grew by {number} percent last year.",
    "The visit is the first at this level in {number} years.",
]
# The rare words: names of projects, places and vessels built from syllables, a long tail.
SYLLABLES = "ka ri mo lun da ve sta tor zan bel qui dro fen sar mix ol pra nu gal tek".split()
RARE_KINDS = ["pipeline", "corridor", "initiative", "port", "project", "dialogue format", "terminal"]

OUTLETS = ["TASS", "Sputnik", "AzerNews", "UrduPoint"]
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2025, 12, 31)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    country: str
    demonym: str
    title: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def titled(self) -> str:
        return f"{self.demonym} {self.title} {self.name}"


def people(seed: int) -> list[Person]:
    """The cast: every surname of every country, each with a first name and a title of their own."""
    rng = random.Random(f"people-{seed}")
    cast = []
    for country, demonym, _capital, first_names in COUNTRIES:
        for last in SURNAMES[country].split():
            cast.append(Person(rng.choice(first_names.split()), last, country, demonym, rng.choice(TITLES)))
    return cast


def rare_words(seed: int, count: int = 3000) -> list[str]:
    rng = random.Random(f"rare-{seed}")
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize())
    return sorted(words)


class ArticleWriter:
    """Writes article number `n` of the corpus for `seed`; the same (seed, n) gives the same text."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.cast = people(seed)
        random.Random(f"order-{seed}").shuffle(self.cast)
        self.cast_weights = list(
            itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(self.cast)))
        )
        self.rare = rare_words(seed)

    def article(self, n: int) -> str:
        rng = random.Random(f"{self.seed}-{n}")
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        speaker = self._pick(rng)
        other = self._pick(rng, unlike=speaker)
        capital = next(c[2] for c in COUNTRIES if c[0] == speaker.country)
        sentences = [self._sentence(rng) for _ in range(rng.randint(9, 13))]
        title = f"{sentences[0][0].upper()}{sentences[0][1:].rstrip('.')} — {speaker.last}"
        lead = (
            f"{sentences[0][0].upper()}{sentences[0][1:].rstrip('.')}, {speaker.titled()} said "
            f"{rng.choice(OCCASIONS)} {rng.choice(WHEN)}."
        )
        body = [lead, *self._paragraphs(rng, speaker, other, sentences[1:], published)]
        return self._furnish(rng, outlet, published, capital, title, body)

    def _pick(self, rng: random.Random, unlike: Person | None = None) -> Person:
        # A few people speak much more often than the rest, as in real news (Zipf-like weights).
        while True:
            (person,) = rng.choices(self.cast, cum_weights=self.cast_weights)
            if person != unlike:
                return person

    def _sentence(self, rng: random.Random) -> str:
        if rng.random() < 0.35:
            text = rng.choice(TOPIC_SENTENCES)
        else:
            subject = rng.choice(SUBJECTS)
            text = f"{subject} {rng.choice(PREDICATES)}{rng.choice(QUALIFIERS)}"
        if rng.random() < 0.12:
            word = self.rare[int(rng.paretovariate(0.7) * 3) % len(self.rare)]
            text += f", including the {word} {rng.choice(RARE_KINDS)}"
        text = text.replace("{partners}", rng.choice(PARTNERS))
        return text[0].upper() + text[1:] + "."

    def _paragraphs(
        self, rng: random.Random, speaker: Person, other: Person, sentences: list[str], published: dt.date
    ) -> list[str]:
        paragraphs = []
        current = speaker
        introduced = {speaker}
        while sentences:
            shape = rng.random()
            if shape < 0.12 and other not in introduced:
                current = other
                introduced.add(other)
                sentence = sentences.pop()
                paragraphs.append(
                    f"{other.titled()} {rng.choice(REPORTING_VERBS)} that {_lower_first(sentence)}"
                )
            elif shape < 0.55:
                quote = " ".join(sentences.pop() for _ in range(min(len(sentences), rng.randint(1, 2))))
                who = rng.choice([current.last, rng.choice(DESCRIPTIONS), current.last])
                verb = rng.choice(PRONOUN_VERBS)
                paragraphs.append(f'"{quote.rstrip(".")}," {who} {verb}.')
            elif shape < 0.85:
                sentence = sentences.pop()
                paragraphs.append(
                    f"{current.last} {rng.choice(REPORTING_VERBS)} that {_lower_first(sentence)}"
                )
            else:
                background = rng.choice(BACKGROUND)
                month = MONTHS[(published.month - 2) % 12]
                paragraphs.append(background.format(month=month, number=rng.randint(2, 40)))
        return paragraphs

    def _furnish(
        self, rng: random.Random, outlet: str, published: dt.date, capital: str, title: str, body: list[str]
    ) -> str:
        month = MONTHS[published.month - 1]
        lead, rest = body[0], body[1:]
        if outlet == "TASS":
            head = [f" date {published.isoformat()} {capital}, {month} {published.day}. /TASS/. {lead}"]
            return "\n\n".join([*head, *rest]) + "\n"
        if outlet == "Sputnik":
            head = [
                "- Sputnik International, 1920",
                "World",
                "Get the latest news from around the world, live coverage, off-beat stories, features "
                "and analysis.",
                "",
                title,
                "",
                f"© Sputnik / {rng.choice(['Pavel Bednyakov', 'Alexei Druzhinin', 'Vitaly Belousov'])} / "
                "Go to the mediabank",
                f"{title} - Sputnik International, 1920, {published:%d.%m.%Y}",
                "Subscribe",
                f"{capital} (Sputnik) - {lead}",
            ]
            return "\n".join(head) + "\n" + "\n".join(rest) + "\n"
        if outlet == "AzerNews":
            clock = f"{rng.randint(9, 22)}:{rng.randint(10, 59)}"
            stamp = f"{published.day} {month} {published.year} {clock} (UTC+04:00)"
            teaser = f"Read more: {self._sentence(rng).rstrip('.')}"
            tail = ["Follow us on Twitter @AzerNewsAz", teaser]
            return "\n\n".join([f" date {published.isoformat()} {stamp}", lead, *rest, *tail]) + "\n"
        weekday = WEEKDAYS[published.weekday()][:3]
        suffix = _ordinal(published.day)
        stamp = f"{weekday} {published.day}{suffix} {month} {published.year} | 0{rng.randint(1, 9)}:00 PM"
        dateline = f"{capital} (UrduPoint News / Sputnik - {published.day}{suffix} {month}, {published.year})"
        head = [f" date {published.isoformat()} UrduPoint.com", title, stamp, title, f"{dateline} {lead}"]
        return "\n\n".join([*head, *rest]) + "\n"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def articles(seed: int, count: int, start: int = 0) -> Iterator[tuple[str, str]]:
    """(relative file name, text) for articles start .. start+count-1, one at a time."""
    writer = ArticleWriter(seed)
    for n in range(start, start + count):
        yield f"{n // FILES_PER_FOLDER:04d}/{n:07d}.txt", writer.article(n)


def write_corpus(folder: Path, seed: int, count: int, start: int = 0) -> int:
    """Write the articles as files under `folder`; returns the bytes written."""
    written = 0
    for name, text in articles(seed, count, start):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    size = write_corpus(args.folder, args.seed, args.articles, args.start)
    print(f"{args.articles} articles, {size / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
