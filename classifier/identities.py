"""Ordinary commenter identities: the name, e-mail and URL a real reader's comment arrives with.

Every comment form sends a name and an e-mail (WordPress requires both), and most public
corpora carry neither. A model trained on bare corpus rows plus the project's own examples,
whose identities differed by label, learned that an e-mail or digits in it mean something.
Training attaches one of these identities to corpus rows that have none, drawn from a hash of
the text and the ``salt`` (so independently of the label), and evaluation scores every test
text again "as submitted", with an identity from another salt.

The identities are varied on purpose: names from many cultures and scripts, e-mails with
dots, digits, underscores and plus tags, on free-mail, national, corporate and university
domains, sometimes with a personal URL. Nothing here marks spam: spam signals in author fields
(a shortener or commercial URL, keywords in the name, a throwaway mail domain) are written by
the spam examples themselves.
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from classifier.types import LabelledExample

__all__ = [
    "EVALUATION_SALT",
    "IDENTITY_SHARE",
    "Identity",
    "as_submitted",
    "identity_for",
    "ordinary_identity",
    "with_identity",
]

#: (author_name, author_email, author_url)
Identity = tuple[str, str, str]

#: Salt of the identities attached to evaluation texts (training uses its own).
EVALUATION_SALT = "evaluation"

#: Share of bare training rows that get an identity (the rest stay bare, like API callers
#: that send none).
IDENTITY_SHARE = 0.8

# (given names, family names, romanised given names, romanised family names) by culture: the
# e-mail of a name in another script uses the romanised form, as people's addresses do.
_CULTURES: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]
_CULTURES = (
    (
        ("David", "Sarah", "Michael", "Emily", "James", "Jennifer", "Robert", "Linda", "Tom"),
        ("Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clark"),
        (),
        (),
    ),
    (
        ("María", "José", "Lucía", "Javier", "Carmen", "Andrés", "Sofía", "Diego"),
        ("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez"),
        ("maria", "jose", "lucia", "javier", "carmen", "andres", "sofia", "diego"),
        ("garcia", "fernandez", "lopez", "martinez", "sanchez", "perez", "gomez"),
    ),
    (
        ("Jean", "Camille", "Étienne", "Chloé", "Luc", "Margaux", "Hélène", "Mathieu"),
        ("Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fournier", "Bernard"),
        ("jean", "camille", "etienne", "chloe", "luc", "margaux", "helene", "mathieu"),
        ("dubois", "lefevre", "moreau", "girard", "rousseau", "fournier", "bernard"),
    ),
    (
        ("Jürgen", "Anna", "Lukas", "Katrin", "Stefan", "Lena", "Matthias", "Jonas"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann"),
        ("juergen", "anna", "lukas", "katrin", "stefan", "lena", "matthias", "jonas"),
        ("mueller", "schmidt", "schneider", "fischer", "weber", "becker", "hoffmann"),
    ),
    (
        ("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Paola"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"),
        (),
        (),
    ),
    (
        ("Ольга", "Дмитрий", "Наталья", "Сергей", "Екатерина", "Алексей"),
        ("Иванова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Волков"),
        ("olga", "dmitry", "natalia", "sergey", "ekaterina", "alexey"),
        ("ivanova", "smirnov", "kuznetsova", "popov", "sokolova", "volkov"),
    ),
    (
        ("Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł"),
        ("Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski"),
        ("agnieszka", "piotr", "katarzyna", "tomasz", "magdalena", "pawel"),
        ("kowalski", "nowak", "wisniewska", "wojcik", "kaminska", "lewandowski"),
    ),
    (
        ("محمد", "فاطمة", "أحمد", "مريم", "علي", "ليلى"),
        ("الحسن", "منصور", "حداد", "سعيد", "خليل", "ناصر"),
        ("mohammed", "fatima", "ahmed", "maryam", "ali", "layla"),
        ("alhassan", "mansour", "haddad", "saeed", "khalil", "nasser"),
    ),
    (
        ("Mohammed", "Fatima", "Omar", "Aisha", "Yusuf", "Khadija", "Hassan", "Nadia"),
        ("Rahman", "Hussain", "Karimi", "Benali", "Haddad", "Qureshi", "Abdullah"),
        (),
        (),
    ),
    (
        ("Priya", "Rahul", "Ananya", "Vikram", "Deepa", "Arjun", "Sunita", "Ravi"),
        ("Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair", "Singh", "Chatterjee"),
        (),
        (),
    ),
    (
        ("प्रिया", "राहुल", "अनीता", "विजय"),
        ("शर्मा", "वर्मा", "यादव", "मिश्रा"),
        ("priya", "rahul", "anita", "vijay"),
        ("sharma", "verma", "yadav", "mishra"),
    ),
    (
        ("伟", "芳", "娜", "强", "敏", "静"),
        ("王", "李", "张", "刘", "陈", "杨"),
        ("wei", "fang", "na", "qiang", "min", "jing"),
        ("wang", "li", "zhang", "liu", "chen", "yang"),
    ),
    (
        ("Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan", "Lei", "Ting"),
        ("Wang", "Li", "Zhang", "Chen", "Huang", "Zhou", "Wu", "Lin"),
        (),
        (),
    ),
    (
        ("Hiroshi", "Yuki", "Kenji", "Aiko", "Takashi", "Haruka", "Sota"),
        ("Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Sato"),
        (),
        (),
    ),
    (
        ("민준", "서연", "지훈", "하은"),
        ("김", "이", "박", "최"),
        ("minjun", "seoyeon", "jihoon", "haeun"),
        ("kim", "lee", "park", "choi"),
    ),
    (
        ("Chukwuemeka", "Ngozi", "Oluwaseun", "Amara", "Kwame", "Abena", "Tunde", "Zanele"),
        ("Okafor", "Adeyemi", "Mensah", "Nwosu", "Boateng", "Dlamini", "Okonkwo"),
        (),
        (),
    ),
    (
        ("João", "Ana", "Thiago", "Beatriz", "Rafael", "Juliana", "Gabriel"),
        ("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida"),
        ("joao", "ana", "thiago", "beatriz", "rafael", "juliana", "gabriel"),
        ("silva", "santos", "oliveira", "souza", "costa", "pereira", "almeida"),
    ),
    (
        ("Mehmet", "Ayşe", "Emre", "Zeynep", "Burak", "Elif", "Can"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın"),
        ("mehmet", "ayse", "emre", "zeynep", "burak", "elif", "can"),
        ("yilmaz", "kaya", "demir", "sahin", "celik", "ozturk", "aydin"),
    ),
    (
        ("Nguyen", "Linh", "Minh", "Thao", "Duc", "Huong"),
        ("Tran", "Le", "Pham", "Hoang", "Vu", "Dang"),
        (),
        (),
    ),
    (
        ("Yosef", "Noa", "Ariel", "Tamar", "Eitan", "Shira"),
        ("Cohen", "Levi", "Mizrahi", "Peretz", "Friedman", "Katz"),
        (),
        (),
    ),
    (
        ("Ελένη", "Γιώργος", "Μαρία", "Νίκος"),
        ("Παπαδοπούλου", "Οικονόμου", "Γεωργίου", "Νικολάου"),
        ("eleni", "giorgos", "maria", "nikos"),
        ("papadopoulou", "oikonomou", "georgiou", "nikolaou"),
    ),
    (
        ("Astrid", "Lars", "Ingrid", "Erik", "Sigrid", "Anders", "Maja"),
        ("Johansson", "Andersson", "Hansen", "Nielsen", "Larsen", "Lindqvist"),
        (),
        (),
    ),
)

_FREE_MAIL = (
    "gmail.com", "gmail.com", "gmail.com", "gmail.com", "outlook.com", "hotmail.com",
    "yahoo.com", "icloud.com", "aol.com", "proton.me", "protonmail.com", "live.com",
    "gmx.de", "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "naver.com",
    "yahoo.co.jp", "libero.it", "orange.fr", "laposte.net", "wp.pl", "seznam.cz",
    "uol.com.br", "bol.com.br", "rediffmail.com", "hotmail.co.uk", "yahoo.fr", "zoho.com",
)  # fmt: skip
_NATIONAL = (
    "btinternet.com", "sky.com", "t-online.de", "free.fr", "sfr.fr", "telenet.be",
    "shaw.ca", "comcast.net", "verizon.net", "bigpond.com", "xtra.co.nz", "tiscali.it",
    "telia.com", "ziggo.nl", "optusnet.com.au", "sbcglobal.net", "virgilio.it", "o2.pl",
)  # fmt: skip
_WORK = (
    "bbc.co.uk", "siemens.com", "nhs.net", "ibm.com", "deloitte.com", "accenture.com",
    "bosch.com", "unicef.org", "who.int", "redcross.org", "lidl.de", "infosys.com",
    "ox.ac.uk", "cam.ac.uk", "mit.edu", "stanford.edu", "umich.edu", "ucl.ac.uk",
    "uni-heidelberg.de", "u-tokyo.ac.jp", "unam.mx", "usp.br", "iitb.ac.in", "uct.ac.za",
    "sorbonne-universite.fr", "unimi.it", "tudelft.nl", "mcgill.ca", "anu.edu.au",
)  # fmt: skip
_TAGS = ("news", "comments", "blog", "web", "2024", "press", "misc", "read")
_WORDS = (
    "sunflower", "riverside", "oldtimer", "bookworm", "nightowl", "greenfield", "wanderer",
    "skipper", "blueberry", "hillwalker", "coffeelover", "stargazer", "northwind", "maple",
)  # fmt: skip
_CITIES = ("Leeds", "Ohio", "Lagos", "Lyon", "Pune", "Cork", "Adelaide", "Kraków", "Osaka")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def _pick_person(rng: random.Random) -> tuple[str, str, str, str]:
    """(given, family, romanised given, romanised family) of one person."""
    given, family, r_given, r_family = rng.choice(_CULTURES)
    i, j = rng.randrange(len(given)), rng.randrange(len(family))
    first, last = given[i], family[j]
    rf = r_given[i] if r_given else _ascii(first)
    rl = r_family[j] if r_family else _ascii(last)
    return first, last, rf or "reader", rl or "reader"


def _display_name(rng: random.Random, first: str, last: str, rf: str, rl: str) -> str:
    style = rng.random()
    if style < 0.40:
        return f"{first} {last}"
    if style < 0.55:
        return first
    if style < 0.62:
        return f"{first} {last[:1]}."
    if style < 0.70:
        return f"{rf}{rng.randint(1, 99) if rng.random() < 0.5 else rng.randint(1950, 2009)}"
    if style < 0.76:
        return f"{rf}.{rl}"
    if style < 0.81:
        return f"{rf}_{rl}"
    if style < 0.86:
        return f"{first} from {rng.choice(_CITIES)}"
    if style < 0.91:
        return f"{rng.choice(_WORDS)}{rng.randint(1, 999) if rng.random() < 0.6 else ''}"
    if style < 0.95:
        return f"Dr. {first} {last}"
    return f"{rf[:1].upper()}{rl[:1].upper()}"


def _local_part(rng: random.Random, rf: str, rl: str) -> str:
    style = rng.random()
    year = str(rng.randint(1950, 2009))
    if style < 0.22:
        local = f"{rf}.{rl}"
    elif style < 0.34:
        local = f"{rf}{rl}"
    elif style < 0.46:
        local = f"{rf}{year if rng.random() < 0.6 else year[2:]}"
    elif style < 0.56:
        local = f"{rf}.{rl}{rng.randint(1, 99)}"
    elif style < 0.63:
        local = f"{rf[:1]}{rl}"
    elif style < 0.70:
        local = f"{rf}_{rl}"
    elif style < 0.76:
        local = f"{rf}{rl}{rng.randint(100, 9999)}"
    elif style < 0.82:
        local = f"{rl}.{rf[:1]}"
    elif style < 0.88:
        local = f"{rng.choice(_WORDS)}{rng.randint(1, 9999)}"
    elif style < 0.94:
        local = f"{rf}.{rl}+{rng.choice(_TAGS)}"
    else:
        local = f"{rf[:1]}{rl[:1]}{rng.randint(10, 99999)}"
    return local


def _domain(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.70:
        return rng.choice(_FREE_MAIL)
    if r < 0.85:
        return rng.choice(_NATIONAL)
    return rng.choice(_WORK)


def _personal_url(rng: random.Random, rf: str, rl: str) -> str:
    user = f"{rf}{rl}" if rng.random() < 0.6 else f"{rf}{rng.randint(1, 99)}"
    return rng.choice(
        (
            f"https://{rf}{rl}.com",
            f"https://{user}.wordpress.com",
            f"https://{user}.blogspot.com",
            f"https://github.com/{user}",
            f"https://www.linkedin.com/in/{rf}-{rl}",
            f"https://mastodon.social/@{user}",
            f"https://medium.com/@{user}",
            f"https://{user}.substack.com",
            f"http://www.{rl}-{rf}.net/",
            f"https://x.com/{user}",
        )
    )


def ordinary_identity(rng: random.Random) -> Identity:
    """One ordinary reader's (name, e-mail, URL); the URL is empty for most."""
    first, last, rf, rl = _pick_person(rng)
    name = _display_name(rng, first, last, rf, rl)
    email = f"{_local_part(rng, rf, rl)}@{_domain(rng)}"
    url = _personal_url(rng, rf, rl) if rng.random() < 0.15 else ""
    return name, email, url


def identity_for(text: str, salt: str, *, share: float = IDENTITY_SHARE) -> Identity | None:
    """The identity a bare row of ``text`` gets under ``salt``, or None (left bare).

    Drawn from a hash of the text alone, so it is independent of the row's label; a share
    ``share`` of texts get one.
    """
    digest = hashlib.sha256(f"{salt}\x00{text}".encode("utf-8", "surrogatepass")).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))  # noqa: S311 (sampling, not secrets)
    if rng.random() >= share:
        return None
    return ordinary_identity(rng)


def with_identity(
    rec: LabelledExample, salt: str, *, share: float = IDENTITY_SHARE
) -> LabelledExample:
    """``rec`` as submitted: a row without an e-mail gets an ordinary identity's fields.

    Drawn from the text alone, for a ``share`` of such rows; fields the row has (a YouTube
    user name, a spam example's keyword name or shortener URL) are kept, only the missing
    ones are filled. Rows that have an e-mail are left as they are.
    """
    if rec.author_email:
        return rec
    identity = identity_for(rec.text, salt, share=share)
    if identity is None:
        return rec
    name, email, url = identity
    return replace(
        rec,
        author_name=rec.author_name or name,
        author_email=email,
        author_url=rec.author_url or url,
    )


def as_submitted(records: Sequence[LabelledExample]) -> list[LabelledExample]:
    """Evaluation records as a comment form sends them: every row gets a name and an e-mail."""
    return [with_identity(rec, EVALUATION_SALT, share=1.0) for rec in records]
