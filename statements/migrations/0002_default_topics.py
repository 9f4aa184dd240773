"""The default topic taxonomy: names, descriptions and match rules curators can refine.

Rules follow Topic.match_rules: one phrase per line, matched case-insensitively on whole words;
a trailing * matches any word ending; `re:` starts a regular expression; `#` starts a comment.
They name the vocabulary of a subject, never the wording of a particular article.
"""

from django.db import migrations

DEFAULT_TOPICS = [
    {
        "name": "NATO",
        "slug": "nato",
        "description": "The North Atlantic Treaty Organization, its members, enlargement and posture.",
        "rules": """
            NATO
            North Atlantic Treaty Organization
            North Atlantic Treaty Organisation
            North Atlantic alliance
            Atlantic alliance
            North Atlantic bloc
            # NATO's eastward enlargement is usually written without the name nearby
            eastward expansion
            eastward enlargement
        """,
    },
    {
        "name": "AUKUS",
        "slug": "aukus",
        "description": "The security partnership of Australia, the United Kingdom and the United States.",
        "rules": """
            AUKUS
        """,
    },
    {
        "name": "Outer space",
        "slug": "outer-space",
        "description": "Military and diplomatic questions of outer space: weapons, arms races, "
        "satellites and treaties governing space activities.",
        "rules": """
            outer space
            space weapon*
            weapons in space
            weapons in outer space
            weapon* into space
            weapon* into outer space
            arms race in space
            militariz* of space
            militaris* of space
            militariz* of outer space
            militaris* of outer space
            weaponiz* of space
            weaponis* of space
            weaponiz* of outer space
            weaponis* of outer space
            space security
            space-based
            space force*
            space domain
            space activities
            space debris
            anti-satellite
            ASAT
            PPWT
            first placement of weapons
            no first placement
            re:\\bplace(?:ment of)? weapons in (?:outer )?space\\b
        """,
    },
    {
        "name": "Taiwan",
        "slug": "taiwan",
        "description": "Taiwan, the Taiwan Strait and cross-strait relations.",
        "rules": """
            Taiwan*
            Taipei
            cross-strait
            cross-straits
            re:\\bone[- ]China (?:policy|principle)\\b
        """,
    },
    {
        "name": "Xinjiang",
        "slug": "xinjiang",
        "description": "The Xinjiang Uygur Autonomous Region and the controversy over it.",
        "rules": """
            Xinjiang
            Uyghur*
            Uighur*
            Uygur*
            Urumqi
            East Turkestan
        """,
    },
    {
        "name": "Tibet",
        "slug": "tibet",
        "description": "Tibet and the Tibet Autonomous Region.",
        "rules": """
            Tibet*
            Dalai Lama
            Lhasa
            Xizang
        """,
    },
    {
        "name": "Hong Kong",
        "slug": "hong-kong",
        "description": "Hong Kong, its status and its government.",
        "rules": """
            Hong Kong
            Hongkong
            HKSAR
        """,
    },
    {
        "name": "Ukraine",
        "slug": "ukraine",
        "description": "Ukraine, the war and the conflict in and around it, and its settlement.",
        "rules": """
            Ukrain*
            Kiev
            Kyiv
            Donbas
            Donbass
            Donetsk
            Luhansk
            Lugansk
            Crimea*
            Zaporozh*
            Kherson
            Zelensky*
            Zelenskiy
            Minsk agreements
            special military operation
        """,
    },
    {
        "name": "Asia-Pacific",
        "slug": "asia-pacific",
        "description": "The Asia-Pacific and Indo-Pacific region, its security and its groupings.",
        "rules": """
            Asia-Pacific
            Asia Pacific
            Asia and the Pacific
            Indo-Pacific
            Indo Pacific
            APEC
            ASEAN
            South China Sea
            East China Sea
            Quad
            re:\\bQuadrilateral Security Dialogue\\b
        """,
    },
    {
        "name": "Arms control",
        "slug": "arms-control",
        "description": "Treaties, talks and commitments that limit, reduce or ban weapons.",
        "rules": """
            arms control
            arms race*
            arms reduction*
            arms limitation*
            disarmament
            non-proliferation
            nonproliferation
            New START
            START treaty
            INF Treaty
            Intermediate-Range Nuclear Forces
            strategic offensive arms
            test ban
            test-ban
            CTBT
            NPT
            Open Skies
            Chemical Weapons Convention
            Biological Weapons Convention
            first placement of weapons
            no first placement
            # the wording of no-first-placement pledges
            re:\\bnot to be the first to (?:place|deploy)\\b
        """,
    },
    {
        "name": "Security guarantees",
        "slug": "security-guarantees",
        "description": "Guarantees and assurances one state or bloc gives another about its security.",
        "rules": """
            security guarantee*
            guarantees of security
            guarantees for security
            security assurance*
            legally binding guarantee*
        """,
    },
    {
        "name": "Strategic security",
        "slug": "strategic-security",
        "description": "Strategic stability, deterrence, missile defence and consultations on them.",
        "rules": """
            strategic security
            strategic stability
            strategic balance
            strategic deterrence
            strategic offensive
            missile defense
            missile defence
            anti-missile
            ballistic missile defen*
        """,
    },
    {
        "name": "Military alliance",
        "slug": "military-alliance",
        "description": "Formal military alliances and blocs, and whether states should form them.",
        "rules": """
            military alliance*
            military-political alliance*
            military and political alliance*
            military bloc*
            military-political bloc*
            formal alliance*
            defense pact*
            defence pact*
            mutual defen* treaty
            mutual defen* pact*
            collective defen*
        """,
    },
    {
        "name": "Military cooperation",
        "slug": "military-cooperation",
        "description": "Joint exercises, defence industry ties, arms trade and other military cooperation.",
        "rules": """
            military cooperation
            military-technical cooperation
            military technical cooperation
            defense cooperation
            defence cooperation
            military ties
            military contacts
            joint exercise*
            joint military exercise*
            joint drill*
            military drill*
            military exercise*
            naval exercise*
            joint patrol*
            arms sales
            arms supplies
            arms deliveries
            arms exports
            weapons supplies
        """,
    },
    {
        "name": "Multipolarity",
        "slug": "multipolarity",
        "description": "A multipolar world order and the critique of a unipolar one.",
        "rules": """
            multipolar*
            multi-polar*
            polycentric*
            unipolar*
            uni-polar*
        """,
    },
    {
        "name": "Belt and Road",
        "slug": "belt-and-road",
        "description": "China's Belt and Road Initiative, its forums and its projects.",
        "rules": """
            Belt and Road
            One Belt, One Road
            One Belt One Road
            BRI
            Silk Road Economic Belt
            Maritime Silk Road
            re:\\bbelt[- ]and[- ]road\\b
        """,
    },
    {
        "name": "UN Security Council",
        "slug": "un-security-council",
        "description": "The United Nations Security Council, its members, resolutions and reform.",
        "rules": """
            # Plain "Security Council" is left out: national security councils share the name.
            UN Security Council
            U.N. Security Council
            United Nations Security Council
            UNSC
            permanent member* of the Security Council
            permanent member* of the UN Security Council
            Security Council resolution*
            re:\\b(?:UN|U\\.N\\.|United Nations) Security Council\\b
        """,
    },
    {
        "name": "Sanctions",
        "slug": "sanctions",
        "description": "Sanctions, embargoes, export controls and other restrictive measures.",
        "rules": """
            sanction*
            embargo*
            restrictive measures
            export control*
            blacklist*
            entity list
            asset freeze*
            frozen assets
        """,
    },
    {
        "name": "Nuclear weapons",
        "slug": "nuclear-weapons",
        "description": "Nuclear arsenals, deterrence, doctrine, testing and threats of nuclear use.",
        "rules": """
            nuclear weapon*
            nuclear arms
            nuclear arsenal*
            nuclear warhead*
            nuclear deterrence
            nuclear deterrent
            nuclear forces
            nuclear doctrine
            nuclear test*
            nuclear war
            nuclear threat*
            nuclear-armed
            tactical nuclear
            strategic nuclear
            atomic weapon*
            atomic bomb*
            denucleariz*
            denuclearis*
        """,
    },
    {
        "name": "Korean Peninsula",
        "slug": "korean-peninsula",
        "description": "North and South Korea and the security of the Korean Peninsula.",
        "rules": """
            Korean Peninsula
            North Korea*
            South Korea*
            DPRK
            Pyongyang
            inter-Korean
        """,
    },
    {
        "name": "Middle East",
        "slug": "middle-east",
        "description": "The Middle East: its conflicts, states and diplomacy.",
        "rules": """
            Middle East*
            Mideast
            Persian Gulf
            Syria*
            Iraq*
            JCPOA
            Israel*
            Palestin*
            Gaza
            West Bank
            Lebanon
            Lebanese
            Yemen*
        """,
    },
    {
        "name": "Arctic",
        "slug": "arctic",
        "description": "The Arctic: shipping, resources, security and the Arctic Council.",
        "rules": """
            Arctic
            Northern Sea Route
            Polar Silk Road
            High North
        """,
    },
]


def rules_text(rules: str) -> str:
    return "\n".join(line.strip() for line in rules.strip().splitlines())


def add_topics(apps, schema_editor):
    Topic = apps.get_model("statements", "Topic")
    for topic in DEFAULT_TOPICS:
        Topic.objects.update_or_create(
            slug=topic["slug"],
            defaults={
                "name": topic["name"],
                "description": topic["description"],
                "match_rules": rules_text(topic["rules"]),
            },
        )


def remove_topics(apps, schema_editor):
    Topic = apps.get_model("statements", "Topic")
    Topic.objects.filter(slug__in=[topic["slug"] for topic in DEFAULT_TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_topics, remove_topics),
    ]
