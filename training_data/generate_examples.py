# ruff: noqa: E501  (template sentences read better unbroken)
"""Generate the project's own labelled examples from templates written by this team.

Run from the repository root: ``python training_data/generate_examples.py [--out DIR]``. It
rewrites ``spam_examples.jsonl``, ``ham_examples.jsonl`` and ``toxicity_examples.jsonl`` next to
this file (or in DIR), deterministically, so a change to the templates shows up as a reviewable
diff. Each batch of templates declares its labels and draws from generators of its own, seeded
by its name (``batches.py``), so editing one batch changes only that batch's lines. The word
lists the templates draw from are in ``vocab/examples.toml``.

Every sentence here is original; nothing is copied from the public corpora. Domains, phone
numbers and e-mail addresses are invented (phone numbers use the fictional 555 ranges).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from batches import Batch, Row, dedupe, load_vocab, main

from classifier.identities import IDENTITY_SHARE, ordinary_identity

VOCAB = load_vocab("examples.toml")
#: Share of spam rows that carry a real spam signal in an author field.
SPAM_SIGNAL_SHARE = 0.6

SPAM = {"spam": 1}
CLEAN = {
    "spam": 0,
    "toxicity": 0,
    "severe_toxicity": 0,
    "identity_attack": 0,
    "insult": 0,
    "profanity": 0,
    "threat": 0,
}
#: Toxic lines: each template adds the sub-attributes it settles (see ``tox``); the others stay
#: unknown, except severe_toxicity, which the templates mark wherever it applies.
TOXIC = {"spam": 0, "toxicity": 1, "severe_toxicity": 0}

# --------------------------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------------------------

FIRST = VOCAB["first_names"]
LAST = VOCAB["last_names"]
SPAM_DOMAINS = VOCAB["spam_domains"]
SHORT = VOCAB["short"]
SEO_ANCHORS = VOCAB["seo_anchors"]
BRANDS = VOCAB["brands"]
PILLS = VOCAB["pills"]
TOPICS = VOCAB["topics"]


def slug(rng: random.Random, n: int = 6) -> str:
    return "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(n))


def spam_url(rng: random.Random) -> str:
    style = rng.random()
    domain = rng.choice(SPAM_DOMAINS)
    if style < 0.25:
        return f"https://{rng.choice(SHORT)}/{slug(rng)}"
    if style < 0.55:
        return f"https://{domain}/?ref={slug(rng, 4)}"
    if style < 0.8:
        return f"http://www.{domain}"
    return domain


def phone(rng: random.Random) -> str:
    area = rng.choice(["800", "888", "877", "866", "855", "844"])
    fmt = rng.choice(
        [
            "+1-{a}-555-{d}",
            "1 ({a}) 555 {d}",
            "+1 {a} 555 {d}",
            "{a}.555.{d}",
            "+44 20 7946 {d}",
            "+1{a}555{d}",
        ]
    )
    return fmt.format(a=area, d=f"{rng.randint(0, 9999):04d}")


def spam_email(rng: random.Random) -> str:
    user = rng.choice(["support", "info", "contact", "agent", "recovery", "help", "admin"])
    user += str(rng.randint(10, 9999))
    return (
        f"{user}@{rng.choice(['gmail.com', 'outlook.com', 'proton.me', 'yandex.ru', 'mail.com'])}"
    )


def money(rng: random.Random) -> str:
    return (
        rng.choice(["$", "$", "£", "€"])
        + f"{rng.choice([250, 500, 750, 1200, 3500, 5000, 8000, 15000, 85])}"
    )


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def obfuscate(rng: random.Random, text: str) -> str:
    """A spammer's disguise of a word: leetspeak, spacing or homoglyphs."""
    style = rng.random()
    if style < 0.35:
        return text.translate(str.maketrans("aeios", "@310$"))
    if style < 0.65:
        return " ".join(text)
    return text.translate(str.maketrans("aeopcx", "аеорсх"))  # Cyrillic look-alikes


# --------------------------------------------------------------------------------------------
# Spam
# --------------------------------------------------------------------------------------------

# SEO link drops
SEO_LINKS = Batch(
    "spam/seo-links",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: f"Great article! For more {rng.choice(TOPICS)} tips visit {spam_url(rng)}",
        lambda rng: (
            f"Nice post, thanks for sharing. {spam_url(rng)} {spam_url(rng)} {spam_url(rng)}"
        ),
        lambda rng: (
            f'<a href="{spam_url(rng)}">{rng.choice(SEO_ANCHORS)}</a> <a href="{spam_url(rng)}">{rng.choice(SEO_ANCHORS)}</a>'
        ),
        lambda rng: (
            f"[url={spam_url(rng)}]{rng.choice(SEO_ANCHORS)}[/url] [url={spam_url(rng)}]{rng.choice(SEO_ANCHORS)}[/url]"
        ),
        lambda rng: (
            f"{rng.choice(SEO_ANCHORS)} {spam_url(rng)} | {rng.choice(SEO_ANCHORS)} {spam_url(rng)} | {rng.choice(SEO_ANCHORS)} {spam_url(rng)}"
        ),
        lambda rng: (
            f"Looking for {rng.choice(SEO_ANCHORS)}? We are the number one provider. Visit us at {spam_url(rng)} today!"
        ),
        lambda rng: (
            f"I found this very helpful. If you need {rng.choice(SEO_ANCHORS)} check {spam_url(rng)}"
        ),
        lambda rng: (
            f"Visit {rng.choice(SPAM_DOMAINS).replace('.', ' dot ')} for the best {rng.choice(SEO_ANCHORS)}"
        ),
        lambda rng: f"Check my profile for {rng.choice(SEO_ANCHORS)} >>> {spam_url(rng)} <<<",
    ],
)


# Work from home
WORK_FROM_HOME = Batch(
    "spam/work-from-home",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: (
            f"I am making {money(rng)} a week working from home. I was shocked when my cousin told me. Start here {spam_url(rng)}"
        ),
        lambda rng: (
            f"My {rng.choice(['aunt', 'neighbour', 'best friend', 'sister'])} earns {money(rng)} per month online with just a laptop. Go to this site {spam_url(rng)}"
        ),
        lambda rng: (
            f"Earn {money(rng)} daily from home!!! No experience needed. Copy this link {spam_url(rng)}"
        ),
        lambda rng: (
            f"WORK FROM HOME AND EARN {money(rng)} EVERY DAY. Simple tasks, weekly payouts. Sign up now {spam_url(rng)}"
        ),
        lambda rng: (
            f"Start earning today. Just {rng.randint(2, 4)} hours a day and you can make {money(rng)} extra. Details at {spam_url(rng)}"
        ),
        lambda rng: (
            f"Google is paying {money(rng)} per hour for online jobs. Last month I got paid {money(rng)}. Open this {spam_url(rng)}"
        ),
        lambda rng: (
            f"Quit your 9-5 job! I made {money(rng)} last week from home. DM me or visit {spam_url(rng)}"
        ),
    ],
)


# Crypto and investment
CRYPTO = Batch(
    "spam/crypto-and-investment",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: (
            f"I invested {money(rng)} in bitcoin with {name(rng)} and now I earn {money(rng)} every week. Contact on WhatsApp {phone(rng)}"
        ),
        lambda rng: (
            f"Thanks to {rng.choice(['Mrs', 'Mr', 'Dr'])} {rng.choice(LAST)} my crypto portfolio grew 300%. Message her on Telegram @{slug(rng, 8)}"
        ),
        lambda rng: (
            f"Forex trading changed my life. My account manager doubled my investment in 7 days. Email {spam_email(rng)}"
        ),
        lambda rng: (
            f"Lost your crypto to scammers? I recovered my funds with a hacker. Contact {spam_email(rng)} or WhatsApp {phone(rng)}"
        ),
        lambda rng: (
            f"Guaranteed profit {rng.randint(15, 40)}% weekly with our AI trading bot. Join {spam_url(rng)} now!!!"
        ),
        lambda rng: (
            f"Send 0.1 BTC to 0x{slug(rng, 40)} and receive 0.2 BTC back instantly. Limited offer!"
        ),
        lambda rng: (
            f"Binary options made me {money(rng)} in one month. Investment starts from {money(rng)}. WhatsApp {phone(rng)}"
        ),
        lambda rng: (
            f"Best crypto signals group, {rng.randint(90, 99)}% accuracy, join our Telegram t.me/{slug(rng, 8)}"
        ),
        lambda rng: (
            f"Everyone talking about inflation should invest in ethereum now. My expert gives free advice: {spam_email(rng)}"
        ),
        lambda rng: (
            f"Hello, I earn {money(rng)} weekly through bitcoin mining with {rng.choice(LAST)} investment platform, no risk. Visit {spam_url(rng)}"
        ),
    ],
)


# Fake support phone numbers
SUPPORT_NUMBERS = Batch(
    "spam/support-phone-numbers",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: f"{rng.choice(BRANDS)} customer support number {phone(rng)} call 24/7 for help",
        lambda rng: (
            f"If you have problem with your {rng.choice(BRANDS)} account call toll free {phone(rng)} helpline"
        ),
        lambda rng: (
            f"{rng.choice(BRANDS)} Support Phone Number {phone(rng)} | {rng.choice(BRANDS)} Helpline Number {phone(rng)}"
        ),
        lambda rng: (
            f"Call {phone(rng)} for {rng.choice(BRANDS)} technical support, recover password, refund, billing issue"
        ),
        lambda rng: (
            f"Need help with {rng.choice(BRANDS)}? Dial {phone(rng)} now, our experts are available round the clock"
        ),
    ],
)


# Adult
ADULT = Batch(
    "spam/adult",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: f"Hot singles in your area are waiting for you tonight {spam_url(rng)}",
        lambda rng: (
            f"Bored? Lonely girls want to chat with you right now, no signup {spam_url(rng)}"
        ),
        lambda rng: f"Meet sexy women near you tonight, 100% free {spam_url(rng)}",
        lambda rng: f"Watch private webcam shows for free, click {spam_url(rng)}",
        lambda rng: f"Want a date tonight? Check my profile pics {spam_url(rng)} xxx",
    ],
)


# Pharmacy
PHARMACY = Batch(
    "spam/pharmacy",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: (
            f"Buy {rng.choice(PILLS)} online without prescription, cheap price, fast delivery {spam_url(rng)}"
        ),
        lambda rng: (
            f"Cheap {rng.choice(PILLS)} and {rng.choice(PILLS)} overnight shipping no rx needed {spam_url(rng)}"
        ),
        lambda rng: (
            f"Order {obfuscate(rng, rng.choice(PILLS))} online best price guaranteed {spam_url(rng)}"
        ),
        lambda rng: (
            f"{rng.choice(PILLS).upper()} 50% OFF!!! Discreet packaging worldwide {spam_url(rng)}"
        ),
        lambda rng: f"Generic {rng.choice(PILLS)} for sale, pay with bitcoin, {spam_url(rng)}",
        lambda rng: f"Lose 20 pounds in 2 weeks with this keto pill doctors hate {spam_url(rng)}",
    ],
)


# Generic praise with a link
PRAISE_WITH_LINK = Batch(
    "spam/praise-with-a-link",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: (
            f"Thanks for sharing this informative post, I have bookmarked it. {spam_url(rng)}"
        ),
        lambda rng: (
            f"Very nice blog, keep up the good work. Please also visit my website {spam_url(rng)}"
        ),
        lambda rng: (
            f"This is really interesting, you are a very skilled blogger. I have joined your feed. {spam_url(rng)}"
        ),
        lambda rng: (
            f"Wow, awesome blog layout! How long have you been blogging for? {spam_url(rng)}"
        ),
        lambda rng: (
            f"Hi there! This post could not be written any better! Reading this post reminds me of my old room mate. {spam_url(rng)}"
        ),
        lambda rng: (
            f"I like the valuable information you provide in your articles. I will bookmark your blog and check again here regularly. {spam_url(rng)}"
        ),
        lambda rng: (
            f"Excellent post. I was checking constantly this blog and I am impressed! Very useful info. {spam_url(rng)}"
        ),
    ],
)


# Other commercial spam
COMMERCIAL = Batch(
    "spam/other-commercial",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: (
            f"Get {rng.randint(1, 10)}000 real Instagram followers for only {money(rng)}! {spam_url(rng)}"
        ),
        lambda rng: f"Payday loans approved in 5 minutes, bad credit OK. Apply now {spam_url(rng)}",
        lambda rng: (
            f"Online casino bonus {money(rng)} free spins, sign up and win big {spam_url(rng)}"
        ),
        lambda rng: f"Replica Rolex watches best quality lowest price {spam_url(rng)}",
        lambda rng: (
            f"Need an essay written? Professional writers, plagiarism free, cheap prices {spam_url(rng)}"
        ),
        lambda rng: (
            f"Congratulations! You have been selected to win a free iPhone. Claim your prize at {spam_url(rng)}"
        ),
        lambda rng: f"FREE GIFT CARD {money(rng)} - limited time only - click here {spam_url(rng)}",
        lambda rng: f"Subscribe to my channel for daily giveaways!!! {spam_url(rng)}",
        lambda rng: (
            f"We offer SEO services to rank your website on the first page of Google. Contact {spam_email(rng)}"
        ),
        lambda rng: (
            f"Get your ex back in 48 hours with the help of a powerful spell caster. Email {spam_email(rng)}"
        ),
        lambda rng: (
            f"Do you need a loan? We give loans at 2% interest rate. Contact us via email {spam_email(rng)}"
        ),
    ],
)

# What really marks a spammer in the author fields: keywords or a brand in the name, a
# commercial or shortener URL, a throwaway mail domain, a promotional handle. Each returns only
# the fields it sets; the rest come from the ordinary identity every row draws first
# (with_author), so ordinary identities are spread alike over spam and ham.
DISPOSABLE_MAIL = VOCAB["disposable_mail"]
SPAM_AUTHORS: list[Callable[[random.Random], tuple[str, str, str]]] = [
    lambda rng: (rng.choice(SEO_ANCHORS).title(), "", f"http://{rng.choice(SPAM_DOMAINS)}"),
    lambda rng: ("", "", f"https://{rng.choice(SPAM_DOMAINS)}/{slug(rng, 5)}"),
    lambda rng: (f"{rng.choice(BRANDS)} Support", "", ""),
    lambda rng: (
        f"{rng.choice(['cheap', 'buy', 'best'])} {rng.choice(PILLS)}",
        "",
        f"https://{rng.choice(SHORT)}/{slug(rng)}",
    ),
    lambda rng: ("", f"{slug(rng, 8)}@{rng.choice(DISPOSABLE_MAIL)}", ""),
    lambda rng: (handle_body(rng), "", ""),
    lambda rng: (creator_body(rng), "", ""),
]

# --------------------------------------------------------------------------------------------
# Ham: civil news-comment discussion
# --------------------------------------------------------------------------------------------

PLACES = VOCAB["places"]
PARTIES = VOCAB["parties"]
GROUPS = VOCAB["groups"]
LEGIT_LINKS = VOCAB["legit_links"]

# War and ceasefire talks
WAR_AND_CEASEFIRE = Batch(
    "ham/war-and-ceasefire-talks",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            f"The ceasefire in {rng.choice(PLACES)} will only hold if both sides allow monitors in. I hope the talks this week get that far."
        ),
        lambda rng: (
            f"It is heartbreaking to read about the civilian deaths in {rng.choice(PLACES)}. Whatever one thinks of the politics, the aid convoys have to get through."
        ),
        lambda rng: (
            "I disagree with the author. A ceasefire without the release of the hostages rewards the side that took them, and that makes the next war more likely."
        ),
        lambda rng: (
            f"The article glosses over how the war in {rng.choice(PLACES)} started. Both governments made choices that led to the shelling of towns near the border."
        ),
        lambda rng: (
            f"My family fled {rng.choice(PLACES)} in {rng.randint(1990, 2022)}. Reading that the peace talks stalled again is painful, but I still think negotiation beats more bombing."
        ),
        lambda rng: (
            "Sanctions have not stopped the attacks so far. Maybe the diplomats should focus on a prisoner exchange first and build trust from there."
        ),
        lambda rng: (
            "Thousands killed and the front line has barely moved. Military analysts quoted here seem to agree it is a stalemate."
        ),
        lambda rng: (
            "Calling for an immediate ceasefire is not the same as supporting the other side. People can want the killing to stop and still want accountability for war crimes."
        ),
        lambda rng: (
            "The airstrike on the hospital should be investigated independently. If the army is confident it followed the law of war, it has nothing to fear."
        ),
        lambda rng: (
            f"Good reporting. The map of the shelling around {rng.choice(PLACES)} made the scale of the destruction clear."
        ),
        lambda rng: (
            "How many more soldiers have to die before the generals admit this offensive failed? That is a fair question for parliament to ask."
        ),
        lambda rng: (
            "The humanitarian corridor was supposed to open on Monday. Does anyone know whether the evacuation of the wounded actually started?"
        ),
    ],
)


# Terrorism
TERRORISM = Batch(
    "ham/terrorism",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            "The bombing at the market was a horrific act of terrorism. My thoughts are with the families, and I hope the investigators find everyone involved."
        ),
        lambda rng: (
            f"Terrorist attacks like this one are designed to divide us. The best answer is for the {rng.choice(GROUPS)} community and everyone else to stand together."
        ),
        lambda rng: (
            "The police say the attacker was radicalised online. We need a serious debate about how extremist groups recruit teenagers."
        ),
        lambda rng: (
            "Calling every attack terrorism before the facts are in does not help. Wait for the investigation, then judge."
        ),
        lambda rng: (
            "The suspect in the stabbing has been charged with murder and terrorism offences. The trial should be allowed to run its course without speculation."
        ),
        lambda rng: (
            "Security at stadiums was tightened after the last attack, and it seems to have worked this time. Credit to the emergency services."
        ),
        lambda rng: (
            f"The hostage crisis ended after {rng.randint(2, 40)} hours. Negotiators deserve more credit than they usually get."
        ),
    ],
)


# Elections
ELECTIONS = Batch(
    "ham/elections",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            "Turnout was the highest in decades. Whatever you think of the result, that is good for democracy."
        ),
        lambda rng: (
            f"I voted for {rng.choice(PARTIES)} last time but their housing policy has lost my support. The rents in this city are out of control."
        ),
        lambda rng: (
            "The election commission should publish the ballot counts by precinct. Transparency is the best answer to claims of fraud."
        ),
        lambda rng: (
            "Polls were wrong again. Maybe pollsters need to reach younger voters who never answer landline phones."
        ),
        lambda rng: (
            f"{rng.choice(PARTIES).capitalize()} won fair and square. The losing side should concede and focus on the next campaign."
        ),
        lambda rng: (
            "I watched the debate last night. Neither candidate gave a straight answer on healthcare funding, which is disappointing."
        ),
        lambda rng: (
            f"Postal voting worked fine in our district. The queues on election day were much shorter than in {rng.randint(2012, 2020)}."
        ),
        lambda rng: (
            f"The referendum result was close, {rng.randint(50, 53)} to {rng.randint(47, 50)}. Both camps should accept that half the country disagrees with them."
        ),
        lambda rng: (
            "Campaign finance rules need an overhaul. Too much money comes from a handful of donors on all sides."
        ),
    ],
)


# Crime and justice
CRIME_AND_JUSTICE = Batch(
    "ham/crime-and-justice",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            f"The murder rate in our city fell by {rng.randint(5, 30)}% last year according to the police figures. Community policing seems to be working."
        ),
        lambda rng: (
            "The jury convicted him of manslaughter, not murder. Having read the evidence in the article, I think that was the right call."
        ),
        lambda rng: (
            "Burglaries on our street have gone up. I would like to know whether the council plans to fix the broken street lights."
        ),
        lambda rng: (
            "The sentence seems short for a violent assault, but the judge explained the reasons in detail. I would rather trust the court than a comment section."
        ),
        lambda rng: (
            "Drug gangs are recruiting kids as young as twelve. Youth clubs closing down did not help."
        ),
        lambda rng: (
            "The shooting was a tragedy. Gun laws will be debated again, and I hope this time it leads to something concrete."
        ),
        lambda rng: (
            "Knife crime figures are grim. I would like to see more funding for violence-interruption programmes that have worked elsewhere."
        ),
        lambda rng: (
            "Innocent until proven guilty. The man has been arrested, not convicted, so maybe we should wait before naming and shaming him."
        ),
    ],
)


# Other news topics
OTHER_NEWS = Batch(
    "ham/other-news",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            "The new tax on fuel will hit rural families hardest. Public transport out here is one bus a day."
        ),
        lambda rng: (
            "Interesting piece on inflation. Food prices at my local supermarket are up by about a fifth since last spring."
        ),
        lambda rng: (
            f"The hospital waiting lists are the real story here. My mother waited {rng.randint(8, 40)} weeks for a hip operation."
        ),
        lambda rng: (
            "Climate policy keeps being delayed. The flooding in our valley this winter was the worst anyone can remember."
        ),
        lambda rng: (
            "I think the council made the right decision on the bike lanes, even if the construction was a nightmare for a few months."
        ),
        lambda rng: (
            "The strike by nurses is understandable. Their pay has not kept up with the cost of living for years."
        ),
        lambda rng: (
            "Thank you for a balanced article. It is rare to see both the union and the management quoted fairly."
        ),
        lambda rng: (
            f"As a teacher, I can confirm that class sizes have grown. We have {rng.randint(30, 38)} pupils in some rooms."
        ),
        lambda rng: (
            "Immigration is a complex issue. We need workers in care homes and farms, and we also need a fair, fast asylum system."
        ),
        lambda rng: (
            "The minister resigned, which was the right thing to do after the report. Now let's see if the reforms actually happen."
        ),
        lambda rng: (
            "Great article, I learned a lot about how the vaccine trials were run. More science reporting like this, please."
        ),
        lambda rng: (
            "I respectfully disagree. The data in the second chart shows the opposite of what the headline claims."
        ),
        lambda rng: (
            "Does anyone know when the road closure on the high street ends? The article doesn't say."
        ),
        lambda rng: (
            "This is a lazy piece of journalism. The reporter did not even ask the company for comment."
        ),
        lambda rng: (
            f"The bill passed {rng.randint(200, 330)} to {rng.randint(100, 250)}. I'm surprised so many backbenchers rebelled."
        ),
        lambda rng: (
            "Wow, what a match last night. The referee got the penalty decision wrong though."
        ),
        lambda rng: (
            f"The article says unemployment is falling, but in my town the factory just laid off {rng.randint(100, 900)} people."
        ),
        lambda rng: (
            "Free speech includes speech we dislike. The university should not have cancelled the talk."
        ),
        lambda rng: (
            f"Correction: the treaty was signed in {rng.randint(1950, 1999)}, not {rng.randint(2000, 2010)} as the article says."
        ),
    ],
)


# Identity mentioned neutrally
IDENTITIES = Batch(
    "ham/identities-mentioned-neutrally",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            f"As a {rng.choice(GROUPS)} woman who has lived here for twenty years, I welcome the new community centre."
        ),
        lambda rng: (
            f"My neighbours are a {rng.choice(GROUPS)} family and they organised the street party this summer."
        ),
        lambda rng: (
            f"The {rng.choice(GROUPS)} community has been part of this city for generations, as the museum exhibition shows."
        ),
        lambda rng: (
            f"I'm {rng.choice(GROUPS)} and I did not find the film offensive at all. It was a thoughtful portrayal."
        ),
        lambda rng: (
            f"The report found that {rng.choice(GROUPS)} applicants were less likely to get an interview with the same CV. That deserves attention."
        ),
        lambda rng: (
            "The mosque, the synagogue and the church on our road held a joint vigil after the attack. That is the best of this town."
        ),
        lambda rng: (
            f"Being {rng.choice(GROUPS)} should not make any difference to how the police treat you. Glad the inquiry says so plainly."
        ),
        lambda rng: (
            f"Our school has {rng.choice(GROUPS)}, {rng.choice(GROUPS)} and {rng.choice(GROUPS)} kids in the same class and they get along fine."
        ),
        lambda rng: (
            f"The new {rng.choice(GROUPS)} MP gave a moving first speech about growing up in a council flat."
        ),
        lambda rng: (
            f"Hate crimes against {rng.choice(GROUPS)} people rose last year according to the statistics quoted here. That is worrying."
        ),
        lambda rng: (
            f"My {rng.choice(['son', 'daughter', 'brother', 'sister', 'best friend'])} is {rng.choice(['gay', 'transgender', 'lesbian', 'bisexual', 'deaf', 'autistic'])} and the support from the school has been wonderful."
        ),
        lambda rng: (
            f"The {rng.choice(GROUPS)} festival in the park was lovely this year, good food and music."
        ),
    ],
)


# One legitimate link
LEGIT_LINK = Batch(
    "ham/one-legitimate-link",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            f"The full text of the agreement is here if anyone wants to read it: {rng.choice(LEGIT_LINKS)}"
        ),
        lambda rng: (
            f"Source for the figures in the article: {rng.choice(LEGIT_LINKS)} - worth reading the methodology section."
        ),
        lambda rng: (
            f"For context, this explains the rules on civilians in armed conflict: {rng.choice(LEGIT_LINKS)}"
        ),
        lambda rng: (
            f"The official statistics tell a different story, see {rng.choice(LEGIT_LINKS)}"
        ),
        lambda rng: (
            f"I wrote about the flood response on my blog last month, the council's own data is at {rng.choice(LEGIT_LINKS)}"
        ),
        lambda rng: (
            f"Here is the original report the article is based on: {rng.choice(LEGIT_LINKS)}. The summary on page 3 is clear."
        ),
    ],
)


# --------------------------------------------------------------------------------------------
# Toxicity: explicit per-attribute labels
# --------------------------------------------------------------------------------------------

TARGETS = VOCAB["targets"]
INSULT_NOUNS = VOCAB["insult_nouns"]
INSULT_ADJ = VOCAB["insult_adj"]
PROFANE = VOCAB["profane"]


def tox(**labels: int) -> dict[str, int]:
    """The sub-attribute labels of one toxic template (added to TOXIC)."""
    return labels


# Insults
INSULTS = Batch(
    "toxicity/insults",
    TOXIC,
    rounds=6,
    templates=[
        (
            lambda rng: f"You are a {rng.choice(INSULT_ADJ)} {rng.choice(INSULT_NOUNS)}.",
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: (
                f"Only a complete {rng.choice(INSULT_NOUNS)} would write an article this {rng.choice(INSULT_ADJ)}."
            ),
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: (
                f"{rng.choice(TARGETS).capitalize()} is a {rng.choice(INSULT_ADJ)} {rng.choice(INSULT_NOUNS)} and everyone knows it."
            ),
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: (
                f"Shut up, you {rng.choice(INSULT_ADJ)} {rng.choice(INSULT_NOUNS)}. Nobody cares what you think."
            ),
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: (
                f"What a {rng.choice(INSULT_ADJ)} thing to say. Are you really this {rng.choice(INSULT_ADJ)} or just pretending?"
            ),
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: f"Go back to school, {rng.choice(INSULT_NOUNS)}. You clearly can't read.",
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: (
                f"Typical {rng.choice(INSULT_NOUNS)} comment from a {rng.choice(INSULT_ADJ)} troll."
            ),
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: f"{obfuscate(rng, rng.choice(INSULT_NOUNS))}, that is what you are.",
            tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
    ],
)


# Profanity
PROFANITY = Batch(
    "toxicity/profanity",
    TOXIC,
    rounds=6,
    templates=[
        (
            lambda rng: f"This is {rng.choice(PROFANE)} ridiculous, the council is a joke.",
            tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: "What the fuck is wrong with these people?",
            tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: "Holy shit, this article is a pile of crap.",
            tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: "Bullshit. Total bullshit from start to finish.",
            tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: f"{rng.choice(TARGETS).capitalize()} can kiss my ass.",
            tox(profanity=1, insult=1, threat=0, identity_attack=0, severe_toxicity=0),
        ),
        (
            lambda rng: (
                f"Fuck {rng.choice(TARGETS)} and fuck this {rng.choice(['paper', 'government', 'website'])}."
            ),
            tox(profanity=1, insult=1, threat=0, identity_attack=0),
        ),
        (
            lambda rng: f"You {rng.choice(['stupid', 'dumb'])} piece of shit.",
            tox(profanity=1, insult=1, severe_toxicity=1, threat=0, identity_attack=0),
        ),
        (
            lambda rng: f"{rng.choice(TARGETS).capitalize()} is a lying asshole.",
            tox(profanity=1, insult=1, threat=0, identity_attack=0),
        ),
        (
            lambda rng: f"Screw you, {rng.choice(['bitch', 'bastard', 'dickhead', 'jackass'])}.",
            tox(profanity=1, insult=1, threat=0, identity_attack=0),
        ),
        (
            lambda rng: (
                f"{obfuscate(rng, 'fuck')} off with your {rng.choice(INSULT_ADJ)} opinions."
            ),
            tox(profanity=1, insult=1, threat=0, identity_attack=0),
        ),
    ],
)


# Threats
THREATS = Batch(
    "toxicity/threats",
    TOXIC,
    rounds=6,
    templates=[
        (
            lambda rng: f"I know where {rng.choice(TARGETS)} lives. Watch your back.",
            tox(threat=1, identity_attack=0),
        ),
        (
            lambda rng: f"Someone should shoot {rng.choice(TARGETS)} before it is too late.",
            tox(threat=1, severe_toxicity=1, identity_attack=0),
        ),
        (
            lambda rng: (
                f"If I ever meet {rng.choice(TARGETS)} I will break every bone in that face."
            ),
            tox(threat=1, identity_attack=0),
        ),
        (
            lambda rng: (
                f"People like {rng.choice(TARGETS)} deserve to be beaten until they can't stand."
            ),
            tox(threat=1, severe_toxicity=1, identity_attack=0),
        ),
        (
            lambda rng: "Keep writing this and you will regret it. We will find you.",
            tox(threat=1, identity_attack=0, profanity=0),
        ),
        (
            lambda rng: f"I hope {rng.choice(TARGETS)} gets hanged for treason.",
            tox(threat=1, severe_toxicity=1, identity_attack=0),
        ),
        (
            lambda rng: f"I am going to burn your house down, {rng.choice(INSULT_NOUNS)}.",
            tox(threat=1, insult=1, severe_toxicity=1, identity_attack=0),
        ),
        (
            lambda rng: (
                f"You should be dragged into the street and {rng.choice(['shot', 'stabbed', 'strung up'])}."
            ),
            tox(threat=1, severe_toxicity=1, identity_attack=0),
        ),
        (
            lambda rng: f"Say that again and I'll {obfuscate(rng, 'kill')} you.",
            tox(threat=1, severe_toxicity=1, identity_attack=0),
        ),
    ],
)


# Identity attacks
IDENTITY_ATTACKS = Batch(
    "toxicity/identity-attacks",
    TOXIC,
    rounds=6,
    templates=[
        (
            lambda rng: (
                f"{rng.choice(GROUPS)} people are {rng.choice(['vermin', 'parasites', 'animals', 'subhuman'])} and should be thrown out of this country."
            ),
            tox(identity_attack=1, insult=1, severe_toxicity=1),
        ),
        (
            lambda rng: f"Never trust a {rng.choice(GROUPS)}, they are all liars and thieves.",
            tox(identity_attack=1, insult=1, threat=0),
        ),
        (
            lambda rng: (
                f"I hate {rng.choice(GROUPS)} people. They ruin every neighbourhood they move into."
            ),
            tox(identity_attack=1, threat=0),
        ),
        (
            lambda rng: (
                f"Of course the criminal was {rng.choice(GROUPS)}. Those people are born violent."
            ),
            tox(identity_attack=1, threat=0),
        ),
        (
            lambda rng: (
                f"{rng.choice(GROUPS)} scum should all be deported, every last one of them."
            ),
            tox(identity_attack=1, insult=1, severe_toxicity=1),
        ),
        (
            lambda rng: f"Being {rng.choice(GROUPS)} is a disease that needs curing.",
            tox(identity_attack=1, threat=0),
        ),
    ],
)


# Severe
SEVERE = Batch(
    "toxicity/severe",
    TOXIC,
    rounds=6,
    templates=[
        (
            lambda rng: (
                f"Go kill yourself, you worthless {rng.choice(['piece of shit', 'waste of oxygen', 'sack of crap'])}."
            ),
            tox(severe_toxicity=1, insult=1, threat=1, profanity=1),
        ),
        (
            lambda rng: (
                f"Die in a fire, {rng.choice(INSULT_NOUNS)}. The world would be better off without you."
            ),
            tox(severe_toxicity=1, insult=1, threat=1),
        ),
        (
            lambda rng: (
                f"You are a disgusting {rng.choice(['cunt', 'motherfucker', 'son of a bitch'])} and I hope you suffer."
            ),
            tox(severe_toxicity=1, insult=1, profanity=1),
        ),
    ],
)

# Hard negatives: strong words about violent events, quoted slurs reported, mild criticism.
HARD_NEGATIVES = Batch(
    "toxicity/hard-negatives",
    CLEAN,
    rounds=4,
    templates=[
        lambda rng: (
            f"The gunman killed {rng.randint(3, 20)} people before the police shot him. It is shocking that he bought the rifle legally."
        ),
        lambda rng: (
            "Militants executed the hostages on video. The government vowed to hunt down the killers and bring them to trial."
        ),
        lambda rng: (
            "The article describes how the soldiers burned villages and raped women. These war crimes must be prosecuted at The Hague."
        ),
        lambda rng: (
            "The suicide bomber detonated the vest outside a school. The attack was condemned by every party in parliament."
        ),
        lambda rng: (
            f"Calling {rng.choice(TARGETS)} a liar is fair when the figures in the speech were simply wrong."
        ),
        lambda rng: (
            "I think the minister's plan is a bad idea and will hurt the poorest people the most."
        ),
        lambda rng: (
            "The prosecutor said the defendant threatened to kill his neighbour before the attack. He was found guilty of murder."
        ),
        lambda rng: (
            f"The genocide in {rng.choice(PLACES)} must never be forgotten. Millions of people were murdered for their ethnicity."
        ),
        lambda rng: (
            "Russian missiles hit the power station overnight, and the army says it destroyed the drones that followed."
        ),
        lambda rng: (
            "The report on extremism quotes the slurs the group used on its forum, which shows how hateful its members are."
        ),
        lambda rng: (
            f"The film deals with racism and violence against {rng.choice(GROUPS)} families in the 1960s. Hard to watch but important."
        ),
        lambda rng: (
            "Hamas and Israel both claim the other broke the truce. The mediators in Cairo are trying to save the deal."
        ),
        lambda rng: (
            "The terrorist who attacked the concert was sentenced to life without parole. Justice for the victims."
        ),
        lambda rng: (
            "The death toll from the earthquake and the bombing campaign keeps rising. Donate to the Red Cross if you can."
        ),
        lambda rng: (
            "Police shot dead a man armed with a knife after he stabbed two people. The watchdog is investigating."
        ),
    ],
)


# --------------------------------------------------------------------------------------------
# Second batch: more variety where the first model was weak (threats, adult spam, short
# link drops, and civil reporting of violent news in many wordings).
# --------------------------------------------------------------------------------------------

WEAPONS = VOCAB["weapons"]
BODY = VOCAB["body"]
VIOLENT_EVENTS = VOCAB["violent_events"]
ACTORS = VOCAB["actors"]
NUMBERS = VOCAB["numbers"]
VICTIMS = VOCAB["victims"]
VERBS_PAST = VOCAB["verbs_past"]

MORE_THREATS = Batch(
    "toxicity/more-threats",
    {"spam": 0, "toxicity": 1, "threat": 1, "identity_attack": 0},
    rounds=5,
    templates=[
        lambda rng: f"Keep talking and I'll put {rng.choice(WEAPONS)} in {rng.choice(BODY)}.",
        lambda rng: (
            f"I'm going to smash {rng.choice(BODY)} in with {rng.choice(WEAPONS)} when I find you."
        ),
        lambda rng: (
            f"You'd better watch your back, {rng.choice(TARGETS)}. We know where your kids go to school."
        ),
        lambda rng: (
            f"One day someone is going to shoot {rng.choice(TARGETS)}, and I hope it's soon."
        ),
        lambda rng: f"I will make {rng.choice(TARGETS)} pay for this with blood.",
        lambda rng: f"If {rng.choice(TARGETS)} shows up at the rally, we will beat them senseless.",
        lambda rng: "I swear I will hunt you down and make you suffer.",
        lambda rng: f"Your house is going to burn tonight, {rng.choice(INSULT_NOUNS)}.",
        lambda rng: "I'll slit your throat if you ever come near my family again.",
        lambda rng: f"Somebody needs to put {rng.choice(TARGETS)} six feet under.",
        lambda rng: (
            "Post one more article like this and you will be the next one they find in a ditch."
        ),
        lambda rng: "We are coming for you and your family. Sleep well.",
        lambda rng: (
            f"I'm going to beat the crap out of {rng.choice(TARGETS)} next time I see them."
        ),
        lambda rng: "Line them all up against a wall and shoot them.",
        lambda rng: f"I hope someone stabs {rng.choice(TARGETS)} on the way home.",
    ],
)

ADULT_LINKS_AND_MONEY = Batch(
    "spam/adult-short-links-and-money",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: f"Lonely? Beautiful girls near you are online now, chat free {spam_url(rng)}",
        lambda rng: (
            f"Sexy local women looking for fun tonight! No credit card needed {spam_url(rng)} {spam_url(rng)}"
        ),
        lambda rng: f"18+ only: see my private photos here {spam_url(rng)} kisses xx",
        lambda rng: f"Find a hookup in your city in 5 minutes {spam_url(rng)}",
        lambda rng: (
            f"{rng.choice(['Nice', 'Cool', 'Good', 'Interesting', 'Great'])} {rng.choice(['article', 'post', 'read', 'story', 'info'])} {spam_url(rng)}"
        ),
        lambda rng: (
            f"{rng.choice(['see', 'look', 'check', 'wow', 'omg'])} {spam_url(rng)} {spam_url(rng)}"
        ),
        lambda rng: f"{spam_url(rng)} {spam_url(rng)} {spam_url(rng)} {spam_url(rng)}",
        lambda rng: (
            f"I agree with this article. By the way, {rng.choice(SEO_ANCHORS)} at {spam_url(rng)}"
        ),
        lambda rng: (
            f"Thanks! Also see {spam_url(rng)} and {spam_url(rng)} for {rng.choice(SEO_ANCHORS)}"
        ),
        lambda rng: (
            f"Make money online fast, {money(rng)} per day guaranteed, click {spam_url(rng)}"
        ),
        lambda rng: f"Get paid {money(rng)} for filling simple surveys at home {spam_url(rng)}",
        lambda rng: f"Claim your {money(rng)} bonus now!!! Only today {spam_url(rng)}",
        lambda rng: (
            f"Turn {money(rng)} into {money(rng)} in 7 days with crypto arbitrage, text {phone(rng)}"
        ),
        lambda rng: (
            f"Hacked account? Locked wallet? Our recovery experts help 24/7, call {phone(rng)} or mail {spam_email(rng)}"
        ),
        lambda rng: (
            f"Cheap {rng.choice(PILLS)} {spam_url(rng)} cheap {rng.choice(PILLS)} {spam_url(rng)} cheap {rng.choice(PILLS)} {spam_url(rng)}"
        ),
    ],
)

VIOLENT_NEWS = Batch(
    "ham/violent-news-reported-civilly",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            f"{rng.choice(VIOLENT_EVENTS).capitalize()} {rng.choice(VERBS_PAST)} {rng.choice(NUMBERS)} {rng.choice(VICTIMS)}, according to the article. An independent inquiry is the least the families deserve."
        ),
        lambda rng: (
            f"Reports say {rng.choice(ACTORS)} {rng.choice(VERBS_PAST)} {rng.choice(NUMBERS)} {rng.choice(VICTIMS)} near the border. If that is confirmed, the UN should investigate."
        ),
        lambda rng: (
            f"After {rng.choice(VIOLENT_EVENTS)}, the ceasefire negotiators met again in {rng.choice(['Cairo', 'Doha', 'Geneva', 'Istanbul', 'Oslo', 'Riyadh'])}. Let's hope they keep talking."
        ),
        lambda rng: (
            f"I lost a cousin in {rng.choice(VIOLENT_EVENTS)} years ago. Articles like this one help people understand what the survivors live with."
        ),
        lambda rng: (
            f"The prosecutor says the suspect planned {rng.choice(VIOLENT_EVENTS)} for months. That should come out at trial, not in the comment section."
        ),
        lambda rng: (
            f"Both {rng.choice(ACTORS)} and {rng.choice(ACTORS)} have been accused of war crimes. The evidence should go to an international court."
        ),
        lambda rng: (
            f"The death toll rose to {rng.randint(12, 400)} overnight. Please donate blood if you live nearby; the hospitals are asking for it."
        ),
        lambda rng: (
            f"Analysts quoted here think {rng.choice(ACTORS)} are running out of ammunition. That might finally push both sides to negotiate."
        ),
        lambda rng: (
            "The attack was an act of terror and should be called one. That does not justify collective punishment of an entire population."
        ),
        lambda rng: (
            "My son serves in the army and is deployed near the front. Every headline about shelling makes my heart stop."
        ),
        lambda rng: (
            f"It is possible to condemn {rng.choice(VIOLENT_EVENTS)} and still criticise the government's response to it."
        ),
        lambda rng: (
            f"The article says {rng.choice(NUMBERS)} {rng.choice(VICTIMS)} were {rng.choice(VERBS_PAST)}. Does anyone have the source for that figure?"
        ),
        lambda rng: (
            "Terrorism experts interviewed for this piece say most attackers were known to the police beforehand. That needs fixing."
        ),
        lambda rng: (
            f"The peace deal collapsed after {rng.choice(VIOLENT_EVENTS)}, but talks resumed a week later. Diplomacy is slow, not dead."
        ),
        lambda rng: (
            f"Gun violence in {rng.choice(['Chicago', 'Glasgow', 'Marseille', 'Johannesburg', 'Toronto', 'Baltimore'])} fell last year. The violence-interruption programme deserves more funding."
        ),
        lambda rng: (
            f"The court sentenced the {rng.choice(['gunman', 'bomber', 'attacker', 'killer'])} to life. Nothing brings the victims back, but justice was done."
        ),
        lambda rng: (
            "Sanctions, arms embargoes, peace talks: none of it has stopped the killing yet. I honestly don't know what would."
        ),
        lambda rng: (
            f"The {rng.choice(GROUPS)} victims of the attack were buried today. The whole town came out to mourn with their families."
        ),
        lambda rng: (
            "As a former soldier I can tell you the article gets the logistics right. Wars are won and lost on supply lines."
        ),
        lambda rng: (
            f"I strongly disagree with {rng.choice(PARTIES)} on this, but calling them traitors is not an argument."
        ),
        lambda rng: (
            "This policy is a mistake and the numbers in the article show why. I hope parliament votes it down."
        ),
        lambda rng: (
            f"Honestly the headline is misleading. The shooting happened in {rng.randint(2015, 2023)}, not last week."
        ),
        lambda rng: (
            "Respectfully, the author is wrong about the history of the conflict. The partition happened before the war, not after it."
        ),
        lambda rng: (
            "The hostages' families held a vigil outside parliament. Their calls for a deal should be heard by both governments."
        ),
        lambda rng: (
            f"Refugees fleeing the fighting in {rng.choice(PLACES)} need safe routes. The camps described here are overcrowded."
        ),
        lambda rng: (
            f"Police say the riot left {rng.randint(3, 60)} officers injured and {rng.randint(10, 200)} people arrested. Both sides should calm down."
        ),
        lambda rng: (
            f"The militants claimed responsibility for {rng.choice(VIOLENT_EVENTS)}. Security services had warned about the group for years."
        ),
        lambda rng: (
            f"I voted {rng.choice(['yes', 'no', 'for the Greens', 'for Labour', 'for the Conservatives', 'independent'])} and I'm happy to explain why without insulting anyone."
        ),
        lambda rng: (
            f"The documentary about the genocide in {rng.choice(['Rwanda', 'Srebrenica', 'Cambodia', 'Darfur', 'Armenia'])} is hard to watch but everyone should see it."
        ),
        lambda rng: (
            "Crime statistics show burglaries down and violent crime up slightly. The article's headline only mentions the second part."
        ),
    ],
)


# Third batch: spam genres seen under articles that the first two batches lacked (prize and
# text-message spam, channel and profile promotion, investment "mentors", follower schemes),
# and civil comments that use the same words innocently.

PRIZES = VOCAB["prizes"]

PRIZES_PROMOTION_MENTORS = Batch(
    "spam/prizes-promotion-and-mentors",
    SPAM,
    rounds=4,
    templates=[
        lambda rng: (
            f"CONGRATULATIONS! You have won {rng.choice(PRIZES)}. Text CLAIM to {rng.randint(60000, 89999)} or call {phone(rng)} now!"
        ),
        lambda rng: (
            f"URGENT: your mobile number has been selected for {rng.choice(PRIZES)}. Call {phone(rng)} before midnight. T&C apply"
        ),
        lambda rng: (
            f"FREE entry into our weekly draw to win {rng.choice(PRIZES)}! Reply WIN to {rng.randint(60000, 89999)}, 18+ only"
        ),
        lambda rng: (
            f"You are today's lucky visitor! Claim {rng.choice(PRIZES)} now at {spam_url(rng)}"
        ),
        lambda rng: (
            f"Hey guys check out my new channel, I post {rng.choice(['covers', 'gaming videos', 'vlogs', 'beats', 'makeup tutorials'])} every day!! Please subscribe :)"
        ),
        lambda rng: (
            f"Please subscribe to my channel, I am trying to reach {rng.choice(['1000', '10k', '500'])} subscribers!!! Thank you"
        ),
        lambda rng: (
            f"If you like this, check my {rng.choice(['channel', 'page', 'profile', 'bio'])} for more, and follow me for a follow back!"
        ),
        lambda rng: "Check out my music video, link in my profile, like and share please!!!",
        lambda rng: (
            f"Follow @{slug(rng, 7)} for daily {rng.choice(['trading tips', 'giveaways', 'motivation', 'signals'])} and DM to join"
        ),
        lambda rng: (
            f"I was in debt until I found {rng.choice(['Mrs', 'Mr', 'Coach'])} {rng.choice(LAST)}, the best account manager. DM {rng.choice(['her', 'him'])} on {rng.choice(['Instagram', 'Telegram', 'WhatsApp'])} @{slug(rng, 8)}"
        ),
        lambda rng: (
            f"Who else wants to earn {money(rng)} weekly? My mentor @{slug(rng, 8)} taught me forex, send a DM"
        ),
        lambda rng: (
            f"Testimony: I got {money(rng)} profit from my first investment with @{slug(rng, 9)}. Message to start earning"
        ),
        lambda rng: (
            f"Stop scrolling! Start your journey to financial freedom, inbox me to learn how I earn {money(rng)} a day"
        ),
        lambda rng: "Promote your page and get real followers fast, message us for cheap packages",
        lambda rng: (
            f"Grow your business with us, {rng.choice(['SEO', 'social media marketing', 'web design', 'logo design'])} at the lowest price. Email {spam_email(rng)}"
        ),
        lambda rng: (
            f"Want more views? Buy {rng.randint(1, 50)}k views and likes for just {money(rng)} {spam_url(rng)}"
        ),
        lambda rng: (
            f"Dear friend, I am a banker and need a partner to transfer {money(rng)} million. Reply to {spam_email(rng)} for details"
        ),
        lambda rng: (
            f"Your account has been suspended. Verify your details within 24 hours at {spam_url(rng)}"
        ),
        lambda rng: (
            f"Free {rng.choice(['bitcoin', 'robux', 'V-bucks', 'gift cards'])} generator, no survey, working {rng.randint(2023, 2026)}: {spam_url(rng)}"
        ),
        lambda rng: f"Hi dear, you look lovely. Text me on WhatsApp {phone(rng)} let's be friends",
    ],
)

SPAM_WORDS_CIVILLY = Batch(
    "ham/spam-words-used-civilly",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: (
            "I subscribed to the newsletter after reading this; the weekly digest is worth it."
        ),
        lambda rng: (
            "Call your MP about this bill. The number is on the parliament website, and it takes two minutes."
        ),
        lambda rng: (
            "Check out the full report before judging; the summary leaves out the regional figures."
        ),
        lambda rng: (
            f"The lottery winner in the story donated half of the {rng.choice(['prize', 'jackpot', 'winnings'])} to the local hospice. Lovely news for once."
        ),
        lambda rng: (
            "Scam texts claiming you won a prize are everywhere now; my mother nearly fell for one. Good article."
        ),
        lambda rng: (
            "Investment fraud is a real problem. The police advice at the end of the article is useful."
        ),
        lambda rng: (
            "I follow the reporter on social media and she always links her sources. Credit where it is due."
        ),
        lambda rng: (
            "Congratulations to the team on the award, this investigation took two years of work."
        ),
        lambda rng: (
            "My channel of choice for this kind of news is the public broadcaster; the commercial ones cut it short."
        ),
        lambda rng: (
            "Crypto prices fell again this week. Anyone who put their savings in should get independent advice."
        ),
        lambda rng: (
            f"Text message fraud cost pensioners {rng.randint(2, 90)} million last year according to the regulator."
        ),
        lambda rng: (
            "The company promised free gifts to early customers and then went bust. The article explains how."
        ),
        lambda rng: (
            "Thanks for the tip about the council helpline, I called this morning and they sorted it out."
        ),
        lambda rng: (
            "Follow-up question for the author: did the bank refund the victims of the phone scam?"
        ),
        lambda rng: (
            "I earn the minimum wage and the new tax credit will make a real difference for my family."
        ),
    ],
)


# --------------------------------------------------------------------------------------------
# Fourth batch: spam that sites get beyond SEO, written so the model meets the genres in many
# wordings (casing, emoji, missing punctuation, with and without handles, links and numbers):
# testimonial and recovery scams, DM bait, channel and music promotion, text-message prizes,
# job and dating bait, homework and follower selling. Then civil comments and chatty messages
# that share their surface (handles, emoji, "DM", "channel", money, short replies).
# Slots in the templates below ({h}, {m}, {amt}, ...) are filled by ``fill``; a slot used
# twice in one template gets the same value.
# --------------------------------------------------------------------------------------------

HYPE_EMOJI = VOCAB["hype_emoji"]
HAM_EMOJI = VOCAB["ham_emoji"]
FEMALE = VOCAB["female_names"]
MALE = VOCAB["male_names"]
HANDLE_WORDS = VOCAB["handle_words"]
CREATOR_WORDS = VOCAB["creator_words"]
HACKERS = VOCAB["hackers"]
RECOVERY_USERS = VOCAB["recovery_users"]
CITIES = VOCAB["cities"]
COINS = VOCAB["coins"]
APPS = VOCAB["apps"]
COURIERS = VOCAB["couriers"]
ACCOUNTS = VOCAB["accounts"]
SOCIALS = VOCAB["socials"]
CONTENT = VOCAB["content"]
GENRES = VOCAB["genres"]
SUBJECTS = VOCAB["subjects"]
GOV_LINKS = VOCAB["gov_links"]
REPORTERS = VOCAB["reporters"]


def emo(rng: random.Random, most: int = 3) -> str:
    return "".join(rng.choice(HYPE_EMOJI) for _ in range(rng.randint(1, most)))


def ham_emo(rng: random.Random, most: int = 3) -> str:
    return "".join(rng.choice(HAM_EMOJI) for _ in range(rng.randint(1, most)))


def handle_body(rng: random.Random) -> str:
    first = rng.choice(FEMALE + MALE).lower()
    sep = rng.choice(["_", ".", "", "_", "__"])
    word = rng.choice(HANDLE_WORDS)
    style = rng.randrange(5)
    if style == 0:
        return f"{first}{sep}{word}"
    if style == 1:
        return f"{word}{sep}{first}"
    if style == 2:
        title = rng.choice(["mrs", "mr", "dr", "coach", "miss", "sir", "expert"])
        return f"{title}{sep}{first}{sep}{word}"
    if style == 3:
        return (
            f"{first}{sep}{rng.choice(LAST).lower()}{rng.choice(['', '', str(rng.randint(1, 99))])}"
        )
    return f"{first}{sep}{word}{rng.randint(1, 999)}"


def handle(rng: random.Random) -> str:
    return rng.choice(["@", "@", "@", "#", "@ "]) + handle_body(rng)


def creator_body(rng: random.Random) -> str:
    first = rng.choice(FIRST + FEMALE + MALE).lower()
    word = rng.choice(CREATOR_WORDS)
    style = rng.randrange(5)
    if style == 0:
        return f"{first}{rng.choice(['_', '.', ''])}{word}"
    if style == 1:
        return f"{word}by{first}"
    if style == 2:
        return f"lil{rng.choice(['_', ''])}{first}{rng.choice(['', 'z', 'y', 'x'])}"
    if style == 3:
        return f"the.{first}.{word}"
    return f"{first}{rng.choice(LAST).lower()}{rng.randint(1, 99)}"


def creator(rng: random.Random) -> str:
    return "@" + creator_body(rng)


def channel_url(rng: random.Random) -> str:
    body = creator_body(rng)
    return rng.choice(
        [
            f"https://youtube.com/@{body}",
            f"youtube.com/@{body}",
            f"https://www.youtube.com/channel/UC{slug(rng, 22)}",
            f"https://youtu.be/{slug(rng, 11)}",
            f"instagram.com/{body}",
            f"https://www.instagram.com/{body}/",
            f"soundcloud.com/{body}",
            f"https://soundcloud.com/{body}/{rng.choice(['new-single', 'demo', 'freestyle', 'mixtape-vol-2'])}",
            f"tiktok.com/@{body}",
            f"https://www.tiktok.com/@{body}",
            f"linktr.ee/{body}",
            f"https://{rng.choice(SHORT)}/{slug(rng)}",
        ]
    )


def mobile(rng: random.Random) -> str:
    """WhatsApp-style numbers in fictional ranges (US 555-01xx, UK 07700 900xxx)."""
    d = f"{rng.randint(0, 999):03d}"
    return rng.choice(
        [
            f"+44 7700 900{d}",
            f"07700900{d}",
            f"+1 (555) 01{d[:2]}",
            f"+1 555 01{d[:2]}",
            f"+15550{rng.randint(100, 199)}",
            f"+1-{rng.choice(['212', '305', '646', '713'])}-555-01{d[:2]}",
        ]
    )


def premium(rng: random.Random) -> str:
    """UK premium-rate numbers in the fictional 0909 879 0xxx range."""
    d = f"{rng.randint(0, 999):03d}"
    return rng.choice([f"09098790{d}", f"0909 879 0{d}", f"0909-879-0{d}"])


def recovery_contact(rng: random.Random) -> str:
    user = rng.choice(RECOVERY_USERS) + rng.choice(["", "", str(rng.randint(1, 99))])
    domain, tld = rng.choice(
        [("gmail", "com"), ("outlook", "com"), ("proton", "me"), ("mail", "com")]
    )
    at, dot = rng.choice(
        [("@", "."), (" at ", " dot "), ("(at)", "(dot)"), (" @ ", " . "), ("[at]", ".")]
    )
    if rng.random() < 0.25:
        return f"{user} at {domain}"
    return f"{user}{at}{domain}{dot}{tld}"


def amount(rng: random.Random) -> str:
    return rng.choice(
        [
            "$500",
            "$1,000",
            "$1000",
            "£750",
            "$2,500",
            "$300",
            "$5k",
            "€1,500",
            "$200",
            "£1k",
            "$3000",
        ]
    )


def big_amount(rng: random.Random) -> str:
    return rng.choice(
        [
            "$12,000",
            "$45k",
            "£30,000",
            "$87,500",
            "$150,000",
            "$9,800",
            "$250k",
            "€40,000",
            "$18,600",
            "$62,000",
        ]
    )


def uname(rng: random.Random) -> str:
    """An ordinary commenter's handle, for civil replies."""
    first = rng.choice(FIRST + FEMALE + MALE)
    last = rng.choice(LAST)
    return rng.choice(
        [
            f"@{first.lower()}_{last[0].lower()}",
            f"@{first.lower()}.{last.lower()}",
            f"@{first}{last}",
            f"@{first} {last}",
            f"@old_{rng.choice(['gardener', 'teacher', 'reader', 'nurse'])}{rng.randint(50, 79)}",
            f"@{first.lower()}{rng.randint(1, 99)}",
        ]
    )


def mentor_slots(rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.65
    titles = ["Mrs", "Mrs", "Miss", "Madam", "Dr", "Coach"] if female else ["Mr", "Mr", "Dr", "Sir"]
    first = rng.choice(FEMALE if female else MALE)
    display = rng.choice(
        [
            f"{rng.choice(titles)} {first} {rng.choice(LAST)}",
            f"{rng.choice(titles)} {first}",
            f"{rng.choice(titles)} {rng.choice(LAST)}",
            f"{first} {rng.choice(LAST)}",
        ]
    )
    subj, obj = ("she", "her") if female else ("he", "him")
    return {"m": display, "subj": subj, "Subj": subj.capitalize(), "obj": obj}


SLOTS = {
    "h": handle,
    "hb": handle_body,
    "wa": mobile,
    "ph": phone,
    "prem": premium,
    "amt": amount,
    "big": big_amount,
    "url": spam_url,
    "email": spam_email,
    "rec": recovery_contact,
    "emo": emo,
    "hemo": ham_emo,
    "ch": channel_url,
    "cr": creator,
    "uname": uname,
    "days": lambda rng: rng.choice(
        ["7 days", "2 weeks", "48 hours", "one month", "10 days", "3 weeks"]
    ),
    "hours": lambda rng: rng.choice(["24", "48", "12", "72", "6"]),
    "coin": lambda rng: rng.choice(COINS),
    "app": lambda rng: rng.choice(APPS),
    "city": lambda rng: rng.choice(CITIES),
    "prize": lambda rng: rng.choice(PRIZES),
    "short": lambda rng: str(rng.randint(60000, 89999)),
    "rate": lambda rng: rng.choice(
        [
            f"${rng.randint(35, 120)}/hour",
            f"${rng.randint(35, 120)} an hour",
            f"${rng.randint(35, 120)}/hr",
        ]
    ),
    "n": lambda rng: str(rng.randint(3, 50)),
    "k": lambda rng: str(rng.choice([1, 2, 5, 10, 20, 50, 100])),
    "word": lambda rng: rng.choice(
        ["blessed", "WIN", "INFO", "ME", "GOD FIRST", "ready", "💰", "YES"]
    ),
    "plat": lambda rng: rng.choice(["YouTube", "IG", "TikTok", "SoundCloud", "Spotify", "insta"]),
    "social": lambda rng: rng.choice(SOCIALS),
    "brand": lambda rng: rng.choice(BRANDS),
    "courier": lambda rng: rng.choice(COURIERS),
    "acct": lambda rng: rng.choice(ACCOUNTS),
    "fee": lambda rng: rng.choice(["£1.99", "$2.99", "£2.45", "$1.50", "€1.99", "£3.20"]),
    "ppm": lambda rng: str(rng.choice([150, 125, 100, 50])),
    "hacker": lambda rng: rng.choice(HACKERS),
    "fname": lambda rng: rng.choice(FEMALE + FIRST),
    "age": lambda rng: str(rng.randint(19, 29)),
    "content": lambda rng: rng.choice(CONTENT),
    "genre": lambda rng: rng.choice(GENRES),
    "subject": lambda rng: rng.choice(SUBJECTS),
    "subs": lambda rng: rng.choice(["1k", "1000", "500", "10k", "100 subs", "5k"]),
    "kids": lambda rng: rng.choice(["two", "three", "four", "2", "3"]),
    "year": lambda rng: str(rng.randint(2019, 2025)),
    "track": lambda rng: rng.choice(["two", "three", "five", "seven", "nine", "4", "6", "10"]),
    "pct": lambda rng: str(rng.randint(3, 40)),
    "time": lambda rng: rng.choice(["7", "half 6", "8:30", "6pm", "noon", "quarter past 5"]),
    "legit": lambda rng: rng.choice(LEGIT_LINKS),
    "gov": lambda rng: rng.choice(GOV_LINKS),
    "reporter": lambda rng: rng.choice(REPORTERS),
    "month": lambda rng: rng.choice(
        ["March", "June", "September", "the end of the month", "January"]
    ),
}


class _Slots(dict[str, Any]):
    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key in ("m", "subj", "Subj", "obj"):
            self.update(mentor_slots(self.rng))
        else:
            self[key] = SLOTS[key](self.rng)
        return str(self[key])


def fill(rng: random.Random, template: str) -> str:
    return template.format_map(_Slots(rng))


TEXTSPEAK = [
    (re.compile(r"\byou're\b", re.IGNORECASE), "ur"),
    (re.compile(r"\byour\b", re.IGNORECASE), "ur"),
    (re.compile(r"\byou\b", re.IGNORECASE), "u"),
    (re.compile(r"\bto\b", re.IGNORECASE), "2"),
    (re.compile(r"\bfor\b", re.IGNORECASE), "4"),
    (re.compile(r"\bbefore\b", re.IGNORECASE), "b4"),
    (re.compile(r"\bare\b", re.IGNORECASE), "r"),
    (re.compile(r"\bplease\b", re.IGNORECASE), "pls"),
    (re.compile(r"\btext\b", re.IGNORECASE), "txt"),
    (re.compile(r"\bmessage\b", re.IGNORECASE), "msg"),
]


def textspeak(rng: random.Random, text: str) -> str:
    """Text-message shorthand ("ur", "2 claim", "txt") on about half the messages; URLs untouched."""
    if rng.random() < 0.45:
        return text
    words = []
    for word in text.split(" "):
        if not any(c in word for c in "/.@"):
            for pattern, short in TEXTSPEAK:
                word = pattern.sub(short, word)
        words.append(word)
    return " ".join(words)


def vary(rng: random.Random, text: str) -> str:
    """A spammer's casualness: casing, dropped punctuation and apostrophes, extra !!!, emoji."""
    r = rng.random()
    if r < 0.2:
        text = text.lower()
    elif r < 0.27:
        text = text.upper()
    if rng.random() < 0.25:
        text = re.sub(r"[,.](?=\s|$)", "", text).replace("'", "")
    if rng.random() < 0.15:
        text = text.replace("!", "!!!")
    has_emoji = any(e in text for e in HYPE_EMOJI + HAM_EMOJI)
    r = rng.random()
    if not has_emoji and r < 0.3:
        text = f"{text} {emo(rng)}"
    elif not has_emoji and r < 0.38:
        text = f"{emo(rng)} {text}"
    return text


def casual(rng: random.Random, text: str) -> str:
    """An ordinary commenter's casualness: sometimes all lower case, no final stop, an emoji."""
    r = rng.random()
    if r < 0.15:
        text = text.lower()
    if rng.random() < 0.2:
        text = text.rstrip(".")
    if rng.random() < 0.08 and "http" not in text:
        text = f"{text} {ham_emo(rng, 2)}"
    return text


def spammy(rng: random.Random, template: str) -> str:
    """A spam template filled, in a spammer's casual style."""
    return vary(rng, fill(rng, template))


def text_message(rng: random.Random, template: str) -> str:
    """A text-message spam template filled, with text-speak and a spammer's style."""
    return vary(rng, textspeak(rng, fill(rng, template)))


def civil(rng: random.Random, template: str) -> str:
    """A civil template filled, in an ordinary commenter's casual style."""
    return casual(rng, fill(rng, template))


TESTIMONIALS = Batch(
    "spam/testimonials",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "I was skeptical at first until {m} helped me turn {amt} into {big} in {days}. Contact {obj} on {app} {h}",
        "Big thanks to {h}, my life changed completely {emo}",
        "{Subj} is genuine, I can trust {obj} with my last dime. {h}",
        "{h} {emo}",
        "all thanks to {h} {emo}",
        "Who else has been trading with {m}? {Subj} is the best, I just got {big} payout today",
        "I started with {amt} and now I have {big}, all thanks to {m}. Reach {obj} on WhatsApp {wa}",
        "Anyone still struggling with {coin} should reach out to {m}, {subj} made me {big} in {days}. {h} on {app}",
        "Yes!! {m} is real, I got my {big} profit yesterday. message {obj} {h}",
        "Thank you {m} for the {big} you made for me, you are a blessing to my family",
        "I have been investing with {h} for {n} weeks now and every payout came on time. highly recommend",
        "Please people stop wasting time with these brokers, {m} is the real deal. {Subj} manages my account and I earn {amt} every week. WhatsApp {wa}",
        "My husband laughed at me when I invested {amt} with {m}. Now we just paid off our mortgage {h}",
        "I'm a single mom of {kids} and {m} changed everything for us. Contact {obj} {h}",
        "The economy is bad but I thank God for {m}, earning {big} monthly. You can reach {obj} via {app}: {wa}",
        "Honestly {h} is the best {coin} mentor on here, no fees before profit",
        "I recommend {m} to anyone who wants to invest in {coin}, {subj} is legit and honest. Search {obj} on {app} {h}",
        "I dont usually comment but {m} deserves it. {amt} to {big} in {days}. legit 100%",
        "Got my withdrawal of {big} today from {m}. If you need a good account manager, DM {h}",
        "Anyone here heard of {m}?? {Subj} is so good at {coin} trading",
        "Yes I know {m}, {subj} helped me too, I earn {amt} weekly now. {h}",
        "Can someone share {m}'s contact? Is it {h} on {app}?",
        "{h} thank you so much for the {big}",
        "Retired early thanks to my {coin} portfolio managed by {m}. Still can't believe it. {app}: {wa}",
        "I was about to lose my house until a friend introduced me to {m}. Now I make {amt} every week. contact {h}",
        "GOD BLESS {m} {emo} {big} in {days}, reach {obj} on {app} {h}",
        "Invest {amt} and get {big} in {days} guaranteed, ask {m} {wa}",
        "Is anyone else trading with {h}? best decision I ever made",
        "I'm from {city} and {m} got me out of debt with {coin}. {Subj} is trustworthy. {h}",
        "Don't waste your money elsewhere, go straight to {m} on {app}. best {coin} expert around {h}",
        "{m} is the most honest person in this business, {big} in profit and no hidden fees. #{hb}",
    ],
)

RECOVERY = Batch(
    "spam/recovery-and-hackers",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "I lost {big} to a fake broker until I contacted {rec}, they got all my money back in {days}",
        "If you've been scammed by a {coin} platform, contact {rec}. They recovered my {big}",
        "Thank you {rec} for recovering my stolen {coin} funds. Don't give up people",
        "Lost money to binary options? I did too until I found a recovery expert, email {rec} or WhatsApp {wa}",
        "Need a hacker to recover your {social} account? Contact {rec}, fast and discreet",
        "My {social} account was hacked and {hacker} got it back in {hours} hours. contact them at {rec}",
        "Do you suspect your partner is cheating? Contact {rec} to spy on their phone, texts, calls and WhatsApp without them knowing",
        "He helped me catch my cheating husband by getting into his phone remotely. Reach him at {rec}",
        "Need to fix your credit score or clear your debt? {hacker} did mine in {days}. {rec}",
        "Beware of fake recovery agents! Only {rec} is legit, they got back {big} for me",
        "Got scammed? Your funds can be recovered!! DM {h} on {app}",
        "Hire a professional hacker for any job: phone access, social media, school grades, bank. Email {rec}",
        "I want to recommend {hacker}, they recovered my lost wallet and {big} in {coin}. Text {wa}",
        "I was a victim of a romance scam and lost {big}. {rec} helped me trace and recover everything",
        "Stolen {coin} is NOT gone forever, reach {rec} for a free consultation",
        "Locked out of your {social}? contact {hacker} on {app} {wa}, they never fail",
    ],
)

DM_BAIT = Batch(
    "spam/dm-bait",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "First {n} people to DM me '{word}' get {amt}",
        "check your DM",
        "Check your DM, I sent you something important",
        "check out my page",
        "Check out my stories, you won't regret it",
        "inbox me",
        "inbox me for more info",
        "I'm giving away {amt} to {n} lucky followers, comment '{word}' and follow {h}",
        "GIVEAWAY!!! {big} shared among the first {n} people who message me on {app} {wa}",
        "Blessing someone today with {amt}, DM me '{word}'",
        "I just sent you a message, please check your inbox and message requests",
        "Hey, I sent you a friend request, accept and check my message",
        "Who needs {amt} right now? Drop your CashApp tag and check your DM",
        "{amt} giveaway for everyone who reads this comment! follow {h} and type '{word}'",
        "Congrats, you've been picked as one of our winners. DM {h} to claim your prize",
        "{uname} you won our giveaway! message {h} with your details to claim",
        "Paying off {n} people's bills this week, DM me your story",
        "Check my bio for a surprise",
    ],
)

SELF_PROMOTION = Batch(
    "spam/self-promotion",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "check out my channel",
        "Subscribe to me, I make videos like this {ch}",
        "please listen to my new song {ch} it would mean a lot",
        "follow me for follow back",
        "like this comment if you came here from TikTok, then check out my channel {ch}",
        "hey guys I'm a small youtuber trying to grow, would love if you checked out my channel",
        "Hi everyone! I'm a {age}-year-old {genre} artist from {city}, listen to my mixtape on {ch}",
        "I do covers like this one, please give me a chance {ch}",
        "If you read this, please visit my channel, I'm almost at {subs} subs!!",
        "sub to me and I'll sub back, comment done when you have",
        "please check out my new video {ch}, it took me {n} days to edit",
        "New music out now on all platforms, search {cr}",
        "{cr} on {plat} for daily {content} videos",
        "Sorry for the self promo but I just uploaded a {content} video and nobody has seen it yet {ch}",
        "Could you guys give my song a listen? {ch} Feedback welcome",
        "Follow {cr} on IG, follow back guaranteed",
        "I know nobody will read this but I'm a struggling artist, one listen would make my day {ch}",
        "Like this comment so more people see my channel",
        "Go follow {cr} on TikTok, we're trying to hit {subs}!!",
        "my new beat is fire, check it out {ch}",
        "If you like this you will love my podcast, link in bio",
        "Hey! I make {content} videos too, would be cool if you checked my channel out {ch}",
        "Guys pls support my page, I post {content} content every day {cr}",
        "Everyone who subscribes to my channel gets a shoutout in my next video {ch}",
    ],
)

SMS = Batch(
    "spam/text-messages",
    SPAM,
    rounds=4,
    style=text_message,
    templates=[
        "Congratulations! You have been selected to receive a £1000 gift card. Reply YES to claim or call {prem}",
        "URGENT! Your {acct} account has been suspended. Verify your details at {url}",
        "Free entry to win {prize}! Text WIN to {short}. Std txt rate. 18+ T&C apply",
        "Your parcel is waiting for delivery. Please pay the {fee} redelivery fee at {url}",
        "{courier}: we could not deliver your package. Confirm your address at {url}",
        "You have {n} new voicemail messages. Call {prem} to listen now. Calls cost {ppm}p/min",
        "You are awarded a £{n}00 bonus prize! To claim call {prem} now. Text STOP to {short} to opt out",
        "WINNER!! As a valued customer you have been chosen to receive {prize}. Call {prem} before it expires",
        "Your mobile contract is due for a FREE upgrade to the latest phone. Call {prem} or reply UPGRADE",
        "You are eligible for a tax refund of £{n}4.50. Submit your claim at {url}",
        "Your {acct} card has been locked due to unusual activity. Unlock now: {url}",
        "Final notice: your subscription payment failed. Update your billing at {url} to avoid suspension",
        "Hi mum, I lost my phone, this is my new number. Can you message me on WhatsApp {wa}",
        "Reply YES to claim {prize}, only {n} left!",
        "Dear customer, your reward points worth {amt} expire today. Redeem at {url}",
        "Text MUSIC to {short} for your chance to win {prize}. {ppm}p per msg. Text STOP to end",
        "Your number has won the weekly cash draw! Call {prem} to claim your {amt}. Valid 12hrs",
        "IMPORTANT: suspicious login detected on your {brand} account. Verify at {url} within 24h",
        "You have been pre-approved for a {amt} loan, no credit checks. Reply LOAN or call {ph}",
        "Private! Your account statement shows {n} unredeemed bonus points. Call {prem} to claim",
        "Your toll payment is overdue. Pay {fee} now at {url} to avoid a penalty",
        "Someone has sent you a valentine! Find out who, text LOVE to {short}",
        "You have been selected for {prize}. Claim now {url} before it expires",
    ],
)

JOBS = Batch(
    "spam/jobs",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "I'm making {rate} from home on my laptop, look here {url}",
        "I get paid over {rate} working from home with {kids} kids. My best friend earns over {big} a year doing this, look here {url}",
        "Hiring! Remote data entry, {rate}, no experience, flexible hours. DM for details",
        "Anyone looking for a side job? Earn {amt} a day just liking posts. DM for details",
        "Work from your phone {n} minutes a day, paid daily via CashApp or PayPal. Message me on {app} {wa}",
        "We are recruiting online assistants, salary {amt}/week, apply by texting {wa}",
        "My last paycheck was {big} for {n} hours of work online. Check it here {url}",
        "Stay at home moms!! Make {amt} per week with this simple online job {url}",
        "Just quit my job, making {rate} from home now. It's easy: {url}",
        "Online product reviewers needed, get paid {amt} per review, DM me",
        "Looking for {n} serious people to join my team, earn {amt} weekly from home. comment INFO",
        "Earn money typing captchas, {rate}, payment every Friday. Start: {url}",
        "Part-time job offer: {rate}, work {n} hours a day from your phone. Contact HR on WhatsApp {wa}",
    ],
)

DATING = Batch(
    "spam/dating",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "hot singles near you want to meet tonight {url}",
        "check my profile, I'm lonely tonight",
        "Hi I'm {fname}, {age} y.o., looking for a serious man, write me on {app} {wa}",
        "Bored at home? Click my photo for my private pics 🔞",
        "{n} women in {city} are looking for a date right now {url}",
        "don't read my name 🙈",
        "Who wants to chat? I'm new here, text me {h}",
        "sweetheart, your smile is lovely, add me on {app} so we can talk",
    ],
)

HOMEWORK = Batch(
    "spam/homework",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "Need help with your {subject} essay? We write any assignment in {hours} hours, plagiarism-free. {url}",
        "Students! Dissertation, homework and online exams done for you. WhatsApp {wa}",
        "I can do your math homework and online classes for a small fee, email {email}",
        "Top grade guaranteed. Pay someone to write your {subject} paper at {url}",
        "Struggling with assignments? Our tutors take your online test for you. {h}",
    ],
)

FOLLOWERS = Batch(
    "spam/followers",
    SPAM,
    rounds=4,
    style=spammy,
    templates=[
        "Get {k}k followers in {hours} hours, real and active, {url}",
        "Buy likes, views and followers for Instagram, TikTok and YouTube, cheapest prices {url}",
        "Want to go viral? We sell {k}k TikTok views for {amt}. DM {h}",
        "Boost your page: {k}k followers for just {amt}, pay by PayPal or crypto. {app} {wa}",
        "Instant YouTube subscribers and watch hours for monetization. Contact {email}",
        "Cheap verified accounts and follower packages, message {h}",
    ],
)

INVESTING = Batch(
    "ham/investing",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "This is obviously a scam, don't DM anyone who promises to double your money.",
        "Every article about {coin} gets flooded with 'Mrs so-and-so turned my $1,000 into $10,000' replies. Nobody legit advertises in comment sections.",
        "Bitcoin is down {pct}% this month. I only put in what I can afford to lose, and I'd suggest everyone does the same.",
        "If someone offers guaranteed returns, walk away. Real investments go up and down.",
        "I've been putting money in an index fund for {n} years. Boring, but it beats chasing tips online.",
        "The bit about recovery scams is important: people who lost money get targeted a second time by fake 'recovery experts'.",
        "My uncle lost his savings to a fake trading app last year and the bank refunded nothing. Please read articles like this one.",
        "Does anyone know if the pension changes in the article apply to people who have already retired?",
        "Crypto is a casino as far as I'm concerned, but the regulation described here is overdue.",
        "Interest rates going up again will hurt first-time buyers. My mortgage offer expires next month.",
        "Ethereum fees have come down a lot since the update. Still not using it to buy groceries though lol",
        "Anyone replying with a WhatsApp number and a 'mentor' name is a bot. Report and move on.",
        "Good piece. Checking a firm on the regulator's register before sending money should be common sense, but it isn't.",
        "I made {pct}% on my savings account this year, which barely beats inflation. Not exactly life changing.",
        "The article says the exchange froze withdrawals for {n} days. That alone would make me move my money out.",
        "Forex 'signals' groups are a red flag. If the signals were that good they wouldn't need to sell them.",
        "Been putting a little into a global tracker every month since {year}. It's dull but I sleep fine.",
        "So the founder was sentenced to {n} years. I hope the investors get at least part of their money back.",
        "My financial adviser charges a fee and tells me things I don't want to hear. That's how I know she's legit.",
        "Reminder that the regulator never contacts you on WhatsApp. If someone 'from the regulator' messages you, it's fake.",
        "Stock market's been wild this week. I stopped checking the app every hour, better for my health.",
        "The replies here are full of fake testimonials about trading mentors. Kind of proves the article's point.",
    ],
)

SCAM_AWARENESS = Batch(
    "ham/scam-awareness",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "Got a text yesterday saying my parcel was held and I had to pay a fee. Deleted it. Couriers don't do that.",
        "My gran got a 'Hi mum, new number' message on WhatsApp. Luckily she rang my aunt first.",
        "I forward the fake prize texts to 7726, it's free and the networks use it to block the numbers.",
        "Those 'you've won a gift card, reply YES' messages are everywhere again. Never reply, not even STOP.",
        "My bank texted me about unusual activity, so I called the number on the back of my card instead of the one in the message. It was real this time, but that's the safe way to check.",
        "People in the replies offering to 'hack' your account back are scammers too. Use the official recovery page.",
        "I nearly paid a fake toll fine last week. The link looked almost exactly like the real site.",
        "Romance scams are so cruel. My neighbour sent thousands to someone he had never even seen on a video call.",
        "Anyone else getting job offers on WhatsApp for liking videos? It's the task scam the article describes.",
        "Please talk to older relatives about this. My dad thought the 'account suspended' email was from his bank.",
        "I don't DM strangers who offer money. If it sounds too good to be true, it is.",
        "My son is a small YouTuber and he got one of these fake sponsorship emails last week. Luckily he asked me first.",
    ],
)

THANKS = Batch(
    "ham/thanks",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "Thank you for writing this, it explained the changes better than the official leaflet.",
        "Great article, thanks. I shared it with my parents.",
        "Thanks for covering this story. Local news like this matters.",
        "Really well researched, thank you {reporter}.",
        "Thank you for including the helpline numbers at the end, very thoughtful.",
        "This is the first article on the subject that actually made sense to me. Thanks!",
        "Appreciate the follow-up. I'd been wondering what happened after the first report.",
        "Thanks for the balanced take, it's rare these days.",
        "Bookmarking this for later, so useful. thank you",
        "Cheers for the update, keep up the good work",
        "Subscribed to the paper after this series. Worth every penny.",
    ],
)

MEDIA = Batch(
    "ham/media",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "I watched the interview on YouTube after reading this, she comes across very differently in the full version.",
        "love this song!!",
        "This song got me through my exams {hemo}",
        "Their live version of this song is even better, I saw them in {city} last summer.",
        "The documentary they mention is on YouTube in full, worth the hour.",
        "My daughter plays this song on repeat, now I know all the words too",
        "The choir video at the end made me cry. Beautiful.",
        "Anyone know the name of the song playing in the background of the video?",
        "Still the best music video ever made imo",
        "This song reminds me of road trips with my dad {hemo}",
        "I subscribed to their channel years ago and they still upload the best cooking videos.",
        "The band's new album is so good, track {track} especially.",
        "Saw this on TikTok first, nice to read the whole story.",
        "Who else remembers when this was the biggest story of the year?",
    ],
)

REACTIONS = Batch(
    "ham/reactions",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "lol so true",
        "who's here in {year}?",
        "this made my day {hemo}",
        "same here",
        "haha exactly",
        "omg yes",
        "facts",
        "I needed this today",
        "so proud of her!!",
        "wow",
        "this is gold {hemo}",
        "can't stop laughing {hemo}",
        "underrated comment",
        "me every monday {hemo}",
        "love this",
        "beautiful {hemo}",
        "so cute {hemo}",
        "agreed 100%",
        "good news for once!",
        "well said",
        "RIP, what a legend {hemo}",
    ],
)

CHAT = Batch(
    "ham/chat",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "ok see you at {time}, call me when you're home",
        "Running late, be there in {n} mins. Save me a seat",
        "Did you get my text? I left the keys with your mum",
        "Happy birthday {fname}!! Have the best day {hemo}",
        "Can you pick up milk on the way back? And bread if they have it",
        "haha yeah I'll bring the snacks, see u tomorrow",
        "Just got home, the train was delayed again. Talk tomorrow x",
        "Congrats on the new job!! so happy for you",
        "Miss you guys, let's do dinner soon",
        "Sorry I missed your call, in a meeting till 4. Ring you after",
        "lol did you see what {fname} posted? call me later",
    ],
)

LINKS = Batch(
    "ham/links",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "The full report is here if anyone wants the numbers: {legit}",
        "Official guidance on reporting scams: {gov}",
        "For anyone who wants to check the figures: {legit}",
        "Here's the original source the article quotes: {legit}",
        "If you got one of these texts or calls, you can report it here: {gov}",
        "Worth reading alongside this: {legit}",
        "The regulator's own advice on investment scams is here: {gov}",
        "Background on the case: {legit}",
    ],
)

MENTIONS = Batch(
    "ham/mentions",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "{uname} good point, I hadn't thought about the cost side.",
        "{uname} I think you misread the chart, the figures are per 100,000 people.",
        "Thanks {uname}, that link was really helpful",
        "{uname} sorry to hear about your dad, hope he's doing better now",
        "Agree with {uname} above, the council should have consulted residents first.",
        "{uname} do you have a source for that? Genuinely curious, not trying to argue",
        "{uname} haha same, my cat does exactly that",
        "Replying to {uname}: the deadline was moved to {month}, it's in the last paragraph.",
        "{uname} welcome back! Haven't seen you in the comments for a while",
    ],
)

LOOKALIKES = Batch(
    "ham/lookalikes",
    CLEAN,
    rounds=5,
    style=civil,
    templates=[
        "Follow the money and you'll see who benefits from this policy.",
        "Check your local council website, mine had the new bin schedule up already.",
        "I work from home three days a week now and honestly I get more done.",
        "The job centre helped me find a part-time role after redundancy, credit where it's due.",
        "My sister earns about £{n},000 as a nurse and can't afford a flat near the hospital. That's the real story here.",
        "Congratulations to the winners of the school science prize, lovely to see them in the paper.",
    ],
)

# Emoji-only reactions
EMOJI_ONLY = Batch(
    "ham/emoji-only",
    CLEAN,
    rounds=5,
    templates=[
        lambda rng: ham_emo(rng, 4),
        lambda rng: rng.choice(HAM_EMOJI) * rng.randint(2, 5),
        lambda rng: f"{rng.choice(HAM_EMOJI)}{rng.choice(HAM_EMOJI)}",
        lambda rng: rng.choice(["👏👏👏", "😂😂", "❤️", "🙏", "😭😭😭", "🔥🔥"]),
    ],
)


# Fifth batch: civil comments on casualties, wars and attacks. The shipped model still leaned
# toxic on plain reporting words ("killed", "dead", "mass shooting", "invasion") and on calls
# for talks; these give those words civil company in many wordings.
# Below the default weight of own examples (2.0): at full weight these 90 lines moved the
# toxicity calibration enough to cost recall at 1% FPR on the corpora's test parts.
WAR_HAM_WEIGHT = 1.0
CONFLICTS = VOCAB["conflicts"]
CASUALTY_NOUNS = VOCAB["casualty_nouns"]
CASUALTY_VERBS = VOCAB["casualty_verbs"]
HOPES = VOCAB["hopes"]
QUANTS = VOCAB["quants"]
WAR_NEWS = Batch(
    "ham/war-news",
    CLEAN,
    rounds=5,
    weight=WAR_HAM_WEIGHT,
    templates=[
        lambda rng: (
            f"{rng.choice(QUANTS)} {rng.choice(CASUALTY_NOUNS)} have been {rng.choice(['killed', 'wounded', 'displaced'])} since {rng.choice(CONFLICTS)} began. {rng.choice(HOPES)}"
        ),
        lambda rng: (
            f"The article puts the number of {rng.choice(CASUALTY_NOUNS)} {rng.choice(CASUALTY_VERBS)} at {rng.randint(2, 90)},000. {rng.choice(HOPES)}"
        ),
        lambda rng: (
            f"{rng.choice(HOPES)} Every month of {rng.choice(CONFLICTS)} means more {rng.choice(CASUALTY_NOUNS)} killed."
        ),
        lambda rng: (
            f"Another mass shooting, {rng.randint(3, 30)} people dead. {rng.choice(['Lawmakers', 'Congress', 'Parliament', 'The state legislature'])} keeps promising action on guns and nothing changes."
        ),
        lambda rng: (
            f"{rng.randint(3, 60)} dead in {rng.choice(VIOLENT_EVENTS)}. My heart goes out to the families; the investigation must be thorough."
        ),
        lambda rng: (
            f"The men killed at the front were mostly {rng.choice(['conscripts', 'reservists', 'volunteers', 'young recruits'])}. Their families deserve the truth about how they died."
        ),
        lambda rng: (
            f"My {rng.choice(['uncle', 'grandfather', 'brother', 'neighbour', 'father'])} served in {rng.choice(CONFLICTS)} and saw friends killed. He says nobody who was there wants another war."
        ),
        lambda rng: (
            f"Both armies have lost {rng.choice(['tens of thousands of', 'thousands of', 'countless'])} men. {rng.choice(HOPES)}"
        ),
        lambda rng: (
            f"The bombing of the {rng.choice(['hospital', 'school', 'market', 'power station', 'refugee camp'])} killed {rng.choice(['doctors and patients', 'teachers and pupils', 'shoppers', 'workers', 'whole families'])}. It should be investigated as a possible war crime."
        ),
        lambda rng: (
            f"Civilians are dying in {rng.choice(CONFLICTS)} every day, and the article is right that aid is not getting through."
        ),
        lambda rng: (
            f"The death toll from {rng.choice(VIOLENT_EVENTS)} has risen to {rng.randint(5, 300)}. Please check on friends who live in the area."
        ),
        lambda rng: (
            f"{rng.choice(ACTORS).capitalize()} say {rng.randint(2, 80)} fighters were killed; local officials say many of the dead were civilians. We need independent reporting."
        ),
        lambda rng: (
            f"Genocide, massacre, ethnic cleansing: the words matter, and {rng.choice(['the court', 'the UN report', 'the historians quoted here', 'the inquiry'])} uses them carefully."
        ),
        lambda rng: (
            f"The soldiers who died in the ambush were {rng.randint(19, 24)} and {rng.randint(19, 24)} years old. War is a terrible waste of young lives."
        ),
        lambda rng: (
            f"I disagree with the author about {rng.choice(CONFLICTS)}: more weapons will mean more dead {rng.choice(CASUALTY_NOUNS)}, not a quicker end."
        ),
        lambda rng: (
            f"The executed prisoners were named in the report today. Whoever gave the order should face trial in {rng.choice(['The Hague', 'an international court', 'a war crimes tribunal'])}."
        ),
        lambda rng: (
            f"Terrorists killed {rng.choice(NUMBERS)} {rng.choice(VICTIMS)} in {rng.choice(VIOLENT_EVENTS)}. Security services need the resources to stop the next one."
        ),
        lambda rng: (
            f"The shooting left {rng.randint(2, 12)} dead and the town in shock. The vigil tonight starts at {rng.randint(5, 8)} pm outside the library."
        ),
        lambda rng: (
            f"Whatever you think of {rng.choice(PARTIES)}, more {rng.choice(CASUALTY_NOUNS)} killed helps nobody. {rng.choice(HOPES)}"
        ),
        lambda rng: (
            f"After {rng.choice(['two', 'three', 'four', 'five'])} years of {rng.choice(CONFLICTS)[4:]}, the dead number in the hundreds of thousands. History will judge the leaders who could have stopped it."
        ),
    ],
)


def with_author(row: Row, rng: random.Random, *, spam: bool = False) -> Row:
    """Attach the author fields a comment form sends, independently of the label.

    Every row draws an ordinary identity (or none) the same way; a spam row then keeps, with
    probability SPAM_SIGNAL_SHARE, one real spam signal in place of that identity's field.
    """
    fields: tuple[str, ...] = (
        ordinary_identity(rng) if rng.random() < IDENTITY_SHARE else ("", "", "")
    )
    if spam and rng.random() < SPAM_SIGNAL_SHARE:
        signal = rng.choice(SPAM_AUTHORS)(rng)
        fields = tuple(mark or field for mark, field in zip(signal, fields, strict=True))
    for key, value in zip(("author_name", "author_email", "author_url"), fields, strict=True):
        if value:
            row[key] = value
    return row


def lines(batch: Batch) -> list[Row]:
    """Every line ``batch`` draws, with author fields from the batch's own generator."""
    authors = batch.author_rng()
    rows = []
    for text, labels in batch.draws():
        row: Row = {"text": text, "labels": labels}
        if batch.weight is not None:
            row["weight"] = batch.weight
        rows.append(with_author(row, authors, spam=labels.get("spam") == 1))
    return rows


BATCHES = [
    # spam_examples.jsonl
    SEO_LINKS,
    WORK_FROM_HOME,
    CRYPTO,
    SUPPORT_NUMBERS,
    ADULT,
    PHARMACY,
    PRAISE_WITH_LINK,
    COMMERCIAL,
    ADULT_LINKS_AND_MONEY,
    PRIZES_PROMOTION_MENTORS,
    TESTIMONIALS,
    RECOVERY,
    DM_BAIT,
    SELF_PROMOTION,
    SMS,
    JOBS,
    DATING,
    HOMEWORK,
    FOLLOWERS,
    # ham_examples.jsonl
    WAR_AND_CEASEFIRE,
    TERRORISM,
    ELECTIONS,
    CRIME_AND_JUSTICE,
    OTHER_NEWS,
    IDENTITIES,
    LEGIT_LINK,
    VIOLENT_NEWS,
    SPAM_WORDS_CIVILLY,
    INVESTING,
    SCAM_AWARENESS,
    THANKS,
    MEDIA,
    REACTIONS,
    CHAT,
    LINKS,
    MENTIONS,
    LOOKALIKES,
    EMOJI_ONLY,
    WAR_NEWS,
    # toxicity_examples.jsonl
    INSULTS,
    PROFANITY,
    THREATS,
    IDENTITY_ATTACKS,
    SEVERE,
    HARD_NEGATIVES,
    MORE_THREATS,
]


def build() -> dict[str, list[Row]]:
    """The rows of each file, batch after batch; a repeated text is kept once."""
    files: dict[str, list[Row]] = {"spam": [], "ham": [], "toxicity": []}
    for batch in BATCHES:
        files[batch.file] += lines(batch)
    return {f"{file}_examples": dedupe(rows) for file, rows in files.items()}


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build)
