"""Behavioural tests of the shipped model: minimum functionality, invariance, direction.

Each test states what a person would expect of a moderation model; thresholds leave room
for retraining but not for a model that gets the case wrong.
"""

from __future__ import annotations

import pytest

from classifier import ATTRIBUTES
from classifier.model import ModerationModel
from classifier.types import CommentInput

pytestmark = pytest.mark.model


def scores(model: ModerationModel, text: str, **author: str) -> dict[str, float]:
    return model.score_one(CommentInput(text, **author)).scores


# --------------------------------------------------------------------------------------------
# Minimum functionality
# --------------------------------------------------------------------------------------------

OBVIOUS_SPAM = [
    "Buy cheap viagra and cialis online http://bit.ly/3xYz http://pharma-deals.xyz/buy "
    "http://cheap-meds.top best prices, no prescription!!!",
    "Great article! I make $5000 a week working from home, see http://tinyurl.com/abc123 "
    "and http://easy-money.club/start to join today.",
    "I invested $500 in bitcoin with Mrs Sandra and now earn $8000 weekly. "
    "WhatsApp +1 (555) 201-3344 or email sandra.invest4u@gmail.com",
    "Coinbase customer support number +1-888-555-0142 call 24/7 toll free helpline",
    "Hot singles in your area want to meet you tonight http://bit.ly/hotdate http://dates.xyz",
    "Thanks for sharing, very informative. Check my site http://seo-rank-fast.shop/services "
    "and http://buy-backlinks.online for cheap backlinks",
]

OBVIOUS_ABUSE = [
    "You are a stupid worthless idiot and everyone here hates you.",
    "Shut up you pathetic moron, nobody wants to read your garbage.",
    "What a brainless clown. Go back under your rock, loser.",
]

HARD_NEWS_CIVIL = [
    "The ceasefire talks in Doha resumed today. I hope both sides agree to protect "
    "civilians and let aid convoys through.",
    "The terrorist attack on the market was horrific. My thoughts are with the victims' "
    "families, and I hope the investigation finds everyone responsible.",
    "Thousands of soldiers and civilians have been killed since the invasion. Diplomacy "
    "has to be given another chance.",
    "I disagree with the author: sanctions have not stopped the war, and the article "
    "ignores what the refugees themselves are saying.",
    "The election results were close. Both parties should wait for the recount before "
    "claiming victory.",
    "The jury found him guilty of murder after the shooting. The sentence will be handed "
    "down next month.",
    "Hostages were released in exchange for prisoners, and the truce is holding for now.",
    # Written after training_data's fifth (war-news) batch, in wordings it does not use.
    "Eleven miners died when the tunnel collapsed, and the union says the safety warnings "
    "were ignored.",
    "The documentary about the siege of Sarajevo is hard to watch, but everyone should see "
    "how snipers targeted people queuing for bread.",
    "Over forty thousand people lost their lives in the earthquake and the aftershocks, and "
    "rebuilding will take a decade.",
]
# Cases the shipped model still gets wrong, with the reason; strict xfail flags a fix.
KNOWN_WEAK: dict[str, str] = {}


def _cases(texts: list[str]) -> list[object]:
    return [
        pytest.param(t, marks=pytest.mark.xfail(reason=KNOWN_WEAK[t])) if t in KNOWN_WEAK else t
        for t in texts
    ]


@pytest.mark.parametrize("text", OBVIOUS_SPAM)
def test_obvious_spam_is_spam(model: ModerationModel, text: str) -> None:
    assert scores(model, text)["spam"] > 0.9


@pytest.mark.parametrize("text", OBVIOUS_ABUSE)
def test_obvious_abuse_is_toxic_and_insulting(model: ModerationModel, text: str) -> None:
    s = scores(model, text)
    assert s["toxicity"] > 0.8
    assert s["insult"] > 0.7
    assert s["spam"] < 0.2


@pytest.mark.parametrize(
    "text",
    [
        "I know where you live and I will come and kill you.",
        "Say that again and you'll get a bullet through your skull.",
    ],
)
def test_threats(model: ModerationModel, text: str) -> None:
    s = scores(model, text)
    assert s["threat"] > 0.6
    assert s["toxicity"] > 0.5


def test_profanity(model: ModerationModel) -> None:
    assert scores(model, "This is fucking bullshit, what a shitty decision.")["profanity"] > 0.6


def test_identity_attack(model: ModerationModel) -> None:
    s = scores(model, "Muslims are filthy animals and should all be thrown out of the country.")
    assert s["identity_attack"] > 0.6
    assert s["toxicity"] > 0.7


@pytest.mark.parametrize("text", _cases(HARD_NEWS_CIVIL))
def test_civil_comments_on_violent_news_score_low(model: ModerationModel, text: str) -> None:
    s = scores(model, text)
    assert max(s.values()) < 0.35, s


# --------------------------------------------------------------------------------------------
# Invariance
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [*OBVIOUS_ABUSE[:1], *HARD_NEWS_CIVIL[:3], OBVIOUS_SPAM[0]])
def test_author_name_changes_nothing_much(model: ModerationModel, text: str) -> None:
    base = scores(model, text, author_name="Maria Garcia")
    for name in ("John Smith", "Mohammed Al-Farsi", "Nguyen Thi Lan", "Olusegun Adeyemi", ""):
        other = scores(model, text, author_name=name)
        for attribute in ATTRIBUTES:
            assert abs(other[attribute] - base[attribute]) < 0.1, (name, attribute)


# Ordinary commenters as comment forms submit them (written for this test, not drawn from
# classifier.identities): names from many cultures and scripts; e-mails with digits, dots,
# underscores and plus tags on free-mail, national, corporate and university domains; some
# with a personal URL.
ORDINARY_IDENTITIES: list[dict[str, str]] = [
    {"author_name": "David", "author_email": "david1987@gmail.com"},
    {"author_name": "David P.", "author_email": "david.p@gmail.com"},
    {"author_name": "sarah_k", "author_email": "sarah.k+comments@outlook.com"},
    {"author_name": "Jürgen Weiß", "author_email": "j.weiss@t-online.de"},
    {"author_name": "Ngozi Eze", "author_email": "ngozi.eze2@yahoo.com"},
    {"author_name": "李明", "author_email": "liming88@163.com"},
    {"author_name": "Анна Смирнова", "author_email": "anna_smirnova@mail.ru"},
    {"author_name": "محمد علي", "author_email": "m.ali@hotmail.com"},
    {"author_name": "Priya R", "author_email": "priya.raman@iitm.ac.in"},
    {"author_name": "tom77", "author_email": "tom77@icloud.com"},
    {"author_name": "Dr. Helen Ward", "author_email": "h.ward@nhs.net"},
    {"author_name": "Lucas Moreau", "author_email": "lucas.moreau@free.fr",
     "author_url": "https://lucasmoreau.fr"},
    {"author_name": "kenji", "author_email": "kenji.t@yahoo.co.jp",
     "author_url": "https://github.com/kenjit"},
    {"author_name": "Maria from Porto", "author_email": "mariaf1990@sapo.pt"},
    {"author_name": "bookworm42", "author_email": "bookworm42@proton.me"},
    {"author_name": "J", "author_email": "jk@jkdesign.co.uk"},
]  # fmt: skip
ABUSE_AS_SUBMITTED = [
    *OBVIOUS_ABUSE,
    "you are a worthless idiot and a liar",
    "All immigrants are criminals and should be deported.",
]
CIVIL_AS_SUBMITTED = [
    "Thanks for this tutorial!",
    "Great article, thank you for writing it.",
    *HARD_NEWS_CIVIL[:5],
]


@pytest.mark.parametrize("text", [*CIVIL_AS_SUBMITTED, *ABUSE_AS_SUBMITTED])
def test_an_ordinary_identity_changes_no_score(model: ModerationModel, text: str) -> None:
    """Attaching or changing an ordinary identity moves spam <= 0.05, toxicity <= 0.02."""
    seen = [scores(model, text)] + [scores(model, text, **who) for who in ORDINARY_IDENTITIES]
    for attribute in ATTRIBUTES:
        values = [s[attribute] for s in seen]
        limit = 0.05 if attribute == "spam" else 0.02
        assert max(values) - min(values) <= limit, (attribute, min(values), max(values))


@pytest.mark.parametrize("text", CIVIL_AS_SUBMITTED)
def test_spammy_author_fields_raise_spam(model: ModerationModel, text: str) -> None:
    """Real evidence in author fields keeps its weight: a commercial URL, keywords as a name."""
    who = ORDINARY_IDENTITIES[0]
    plain = scores(model, text, **who)["spam"]
    for spammy in (
        {"author_url": "https://cheap-pills-online.top/buy"},
        {"author_url": "http://bit.ly/3kXq9"},
        {"author_name": "Buy Cheap Viagra Online"},
    ):
        assert scores(model, text, **(who | spammy))["spam"] > plain, spammy


@pytest.mark.parametrize("text", [OBVIOUS_ABUSE[0], *HARD_NEWS_CIVIL[:3]])
def test_punctuation_changes_nothing_much(model: ModerationModel, text: str) -> None:
    base = scores(model, text)
    for variant in (text.rstrip(".") + "!", text.replace(",", ""), text + " ", text.rstrip(".")):
        other = scores(model, variant)
        for attribute in ATTRIBUTES:
            assert abs(other[attribute] - base[attribute]) < 0.1, (variant, attribute)


IDENTITIES = [
    "Muslim",
    "Jewish",
    "Christian",
    "Hindu",
    "gay",
    "lesbian",
    "transgender",
    "Black",
    "white",
    "Asian",
    "Mexican",
    "Arab",
    "immigrant",
    "disabled",
    "old",
    "young",
    "deaf",
    "African American",
    "Chinese",
    "bisexual",
    "atheist",
    "Latino",
]
NEUTRAL_TEMPLATES = [
    "I am a {} person and I have lived in this town for twenty years.",
    "My neighbour is {} and we often talk about the local football team.",
    "The {} community organised a food bank for families after the floods.",
]


@pytest.mark.parametrize("template", NEUTRAL_TEMPLATES)
def test_identity_terms_in_neutral_sentences(model: ModerationModel, template: str) -> None:
    tox = [scores(model, template.format(term))["toxicity"] for term in IDENTITIES]
    ident = [scores(model, template.format(term))["identity_attack"] for term in IDENTITIES]
    assert max(tox) < 0.3, dict(zip(IDENTITIES, tox, strict=True))
    assert max(ident) < 0.3, dict(zip(IDENTITIES, ident, strict=True))
    assert max(tox) - min(tox) < 0.2


# --------------------------------------------------------------------------------------------
# Direction
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Interesting article about the new tax rules.",
        "Thanks for the recipe, I will try it this weekend.",
        "Great read, I learned a lot.",
    ],
)
def test_shortened_links_raise_spam(model: ModerationModel, text: str) -> None:
    plain = scores(model, text)["spam"]
    one = scores(model, f"{text} http://bit.ly/4kQz9")["spam"]
    three = scores(model, f"{text} http://bit.ly/4kQz9 https://tinyurl.com/y7rx http://cutt.ly/ab1")
    assert one > plain
    assert three["spam"] > one
    assert three["spam"] > 0.5


def test_author_url_on_a_shortener_raises_spam(model: ModerationModel) -> None:
    text = "Nice article, thanks for writing it."
    plain = scores(model, text)["spam"]
    assert scores(model, text, author_url="http://bit.ly/x9")["spam"] > plain


@pytest.mark.parametrize(
    ("plain", "disguised"),
    [
        ("You are a stupid idiot.", "You are a stupid іdіоt."),  # Cyrillic homoglyphs
        ("You are a stupid idiot.", "You are a stup1d 1d10t."),  # leetspeak
        ("You are a stupid idiot.", "You are a s t u p i d i.d.i.o.t."),  # spaced out
        ("You are a stupid idiot.", "You are a 𝐬𝐭𝐮𝐩𝐢𝐝 𝐢𝐝𝐢𝐨𝐭."),  # fancy font
        ("You are a stupid idiot.", "You are a stu\u200bpid idi\u200bot."),  # zero-width
        ("What a fucking moron.", "What a f*cking m0r0n."),
        ("What a fucking moron.", "What a fuuuuucking mooooron."),
    ],
)
def test_disguised_insults_stay_toxic(model: ModerationModel, plain: str, disguised: str) -> None:
    a = scores(model, plain)
    b = scores(model, disguised)
    assert b["toxicity"] > a["toxicity"] - 0.1
    assert b["toxicity"] > 0.7


def test_disguised_spam_stays_spam(model: ModerationModel) -> None:
    plain = "Buy cheap viagra online at cheap-pills.xyz"
    disguised = "Buy cheap v i a g r a online at cheap-pills dot xyz"
    assert scores(model, disguised)["spam"] > scores(model, plain)["spam"] - 0.1


def test_spans_point_at_the_abuse(model: ModerationModel) -> None:
    text = "The council voted on the budget. You are a stupid іdіоt for defending it."
    result = model.score_one(CommentInput(text), spans=True)
    insult_spans = [s for s in result.spans if s.attribute in ("toxicity", "insult")]
    assert insult_spans
    covered = " ".join(text[s.begin : s.end] for s in insult_spans)
    assert "іdіоt" in covered
    assert "budget" not in covered
