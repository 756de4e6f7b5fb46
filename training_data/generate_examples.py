# ruff: noqa: E501, S311  (template sentences read better unbroken; the RNG only picks templates)
"""Generate the project's own labelled examples from templates written by this team.

Run from the repository root: ``python training_data/generate_examples.py``. It rewrites
``spam_examples.jsonl``, ``ham_examples.jsonl`` and ``toxicity_examples.jsonl`` next to this
file, deterministically (fixed seed), so a change to the templates shows up as a reviewable diff.
Every sentence here is original; nothing is copied from the public corpora. Domains, phone
numbers and e-mail addresses are invented (phone numbers use the fictional 555 ranges).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from classifier.identities import IDENTITY_SHARE, ordinary_identity

HERE = Path(__file__).resolve().parent
RNG = random.Random(20260510)
# Author fields come from their own generator, so that they are drawn alike for every label.
IDENTITY_RNG = random.Random(20261201)
#: Share of spam rows that carry a real spam signal in an author field.
SPAM_SIGNAL_SHARE = 0.6

# --------------------------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------------------------

FIRST = [
    "Maria",
    "James",
    "Aisha",
    "Tom",
    "Priya",
    "Daniel",
    "Chen",
    "Fatima",
    "Oliver",
    "Sofia",
    "Kwame",
    "Emma",
    "Luis",
    "Hannah",
    "Yusuf",
    "Grace",
    "Mateo",
    "Ingrid",
    "Raj",
    "Claire",
    "Tariq",
    "Nora",
    "Ben",
    "Leila",
    "Samuel",
    "Mei",
    "Patrick",
    "Amara",
    "Jonas",
    "Rosa",
]
LAST = [
    "Smith",
    "Garcia",
    "Khan",
    "Novak",
    "Okafor",
    "Miller",
    "Rossi",
    "Nguyen",
    "Cohen",
    "Silva",
    "Brown",
    "Haddad",
    "Kowalski",
    "Murphy",
    "Sato",
    "Andersen",
    "Mensah",
    "Dubois",
    "Patel",
    "Walsh",
]
SPAM_DOMAINS = [
    "cheap-meds-online.xyz",
    "bestpharma24.top",
    "quickcash-home.club",
    "cryptoprofit-now.io",
    "forex-signals-pro.site",
    "hotdates-tonight.online",
    "seo-rank-boost.shop",
    "essay-writers.biz",
    "replica-watch-outlet.store",
    "casino-bonus-win.vip",
    "loan-approved-today.info",
    "followers-cheap.live",
    "slimfast-keto.icu",
    "win-iphone-free.click",
    "tradingmaster.fun",
    "my-home-income.net",
    "bitwealth-daily.com",
    "rx-discount-store.com",
    "datingsingles.ru",
    "techhelp-desk.co",
    "best-vpn-deals.xyz",
    "pillshop.su",
    "bigprofit-club.win",
]
SHORT = ["bit.ly", "tinyurl.com", "cutt.ly", "t.ly", "rb.gy", "is.gd", "shorturl.at", "goo.gl"]
SEO_ANCHORS = [
    "cheap flights",
    "best seo services",
    "buy backlinks",
    "essay writing service",
    "payday loans",
    "online casino",
    "replica handbags",
    "weight loss pills",
    "buy instagram followers",
    "web design company",
    "car insurance quotes",
    "cbd oil",
    "kitchen remodeling",
    "dog training tips",
]
BRANDS = [
    "Facebook",
    "Gmail",
    "QuickBooks",
    "Norton",
    "Coinbase",
    "Binance",
    "Cash App",
    "PayPal",
    "Amazon",
    "Outlook",
    "Yahoo Mail",
    "Windows",
]
PILLS = [
    "viagra",
    "cialis",
    "tramadol",
    "xanax",
    "oxycodone",
    "levitra",
    "valium",
    "phentermine",
    "adderall",
    "ambien",
]
TOPICS = [
    "gardening",
    "travel",
    "fitness",
    "cooking",
    "finance",
    "marketing",
    "real estate",
    "parenting",
    "photography",
    "fashion",
]


def slug(n: int = 6) -> str:
    return "".join(RNG.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(n))


def spam_url() -> str:
    style = RNG.random()
    domain = RNG.choice(SPAM_DOMAINS)
    if style < 0.25:
        return f"https://{RNG.choice(SHORT)}/{slug()}"
    if style < 0.55:
        return f"https://{domain}/?ref={slug(4)}"
    if style < 0.8:
        return f"http://www.{domain}"
    return domain


def phone() -> str:
    area = RNG.choice(["800", "888", "877", "866", "855", "844"])
    fmt = RNG.choice(
        [
            "+1-{a}-555-{d}",
            "1 ({a}) 555 {d}",
            "+1 {a} 555 {d}",
            "{a}.555.{d}",
            "+44 20 7946 {d}",
            "+1{a}555{d}",
        ]
    )
    return fmt.format(a=area, d=f"{RNG.randint(0, 9999):04d}")


def spam_email() -> str:
    user = RNG.choice(["support", "info", "contact", "agent", "recovery", "help", "admin"])
    user += str(RNG.randint(10, 9999))
    return (
        f"{user}@{RNG.choice(['gmail.com', 'outlook.com', 'proton.me', 'yandex.ru', 'mail.com'])}"
    )


def money() -> str:
    return (
        RNG.choice(["$", "$", "£", "€"])
        + f"{RNG.choice([250, 500, 750, 1200, 3500, 5000, 8000, 15000, 85])}"
    )


def name() -> str:
    return f"{RNG.choice(FIRST)} {RNG.choice(LAST)}"


def obfuscate(text: str) -> str:
    """A spammer's disguise of a word: leetspeak, spacing or homoglyphs."""
    style = RNG.random()
    if style < 0.35:
        return text.translate(str.maketrans("aeios", "@310$"))
    if style < 0.65:
        return " ".join(text)
    return text.translate(str.maketrans("aeopcx", "аеорсх"))  # Cyrillic look-alikes


# --------------------------------------------------------------------------------------------
# Spam
# --------------------------------------------------------------------------------------------

SPAM_TEMPLATES = [
    # SEO link drops
    lambda: f"Great article! For more {RNG.choice(TOPICS)} tips visit {spam_url()}",
    lambda: f"Nice post, thanks for sharing. {spam_url()} {spam_url()} {spam_url()}",
    lambda: (
        f'<a href="{spam_url()}">{RNG.choice(SEO_ANCHORS)}</a> <a href="{spam_url()}">{RNG.choice(SEO_ANCHORS)}</a>'
    ),
    lambda: (
        f"[url={spam_url()}]{RNG.choice(SEO_ANCHORS)}[/url] [url={spam_url()}]{RNG.choice(SEO_ANCHORS)}[/url]"
    ),
    lambda: (
        f"{RNG.choice(SEO_ANCHORS)} {spam_url()} | {RNG.choice(SEO_ANCHORS)} {spam_url()} | {RNG.choice(SEO_ANCHORS)} {spam_url()}"
    ),
    lambda: (
        f"Looking for {RNG.choice(SEO_ANCHORS)}? We are the number one provider. Visit us at {spam_url()} today!"
    ),
    lambda: f"I found this very helpful. If you need {RNG.choice(SEO_ANCHORS)} check {spam_url()}",
    lambda: (
        f"Visit {RNG.choice(SPAM_DOMAINS).replace('.', ' dot ')} for the best {RNG.choice(SEO_ANCHORS)}"
    ),
    lambda: f"Check my profile for {RNG.choice(SEO_ANCHORS)} >>> {spam_url()} <<<",
    # Work from home
    lambda: (
        f"I am making {money()} a week working from home. I was shocked when my cousin told me. Start here {spam_url()}"
    ),
    lambda: (
        f"My {RNG.choice(['aunt', 'neighbour', 'best friend', 'sister'])} earns {money()} per month online with just a laptop. Go to this site {spam_url()}"
    ),
    lambda: f"Earn {money()} daily from home!!! No experience needed. Copy this link {spam_url()}",
    lambda: (
        f"WORK FROM HOME AND EARN {money()} EVERY DAY. Simple tasks, weekly payouts. Sign up now {spam_url()}"
    ),
    lambda: (
        f"Start earning today. Just {RNG.randint(2, 4)} hours a day and you can make {money()} extra. Details at {spam_url()}"
    ),
    lambda: (
        f"Google is paying {money()} per hour for online jobs. Last month I got paid {money()}. Open this {spam_url()}"
    ),
    lambda: f"Quit your 9-5 job! I made {money()} last week from home. DM me or visit {spam_url()}",
    # Crypto and investment
    lambda: (
        f"I invested {money()} in bitcoin with {name()} and now I earn {money()} every week. Contact on WhatsApp {phone()}"
    ),
    lambda: (
        f"Thanks to {RNG.choice(['Mrs', 'Mr', 'Dr'])} {RNG.choice(LAST)} my crypto portfolio grew 300%. Message her on Telegram @{slug(8)}"
    ),
    lambda: (
        f"Forex trading changed my life. My account manager doubled my investment in 7 days. Email {spam_email()}"
    ),
    lambda: (
        f"Lost your crypto to scammers? I recovered my funds with a hacker. Contact {spam_email()} or WhatsApp {phone()}"
    ),
    lambda: (
        f"Guaranteed profit {RNG.randint(15, 40)}% weekly with our AI trading bot. Join {spam_url()} now!!!"
    ),
    lambda: f"Send 0.1 BTC to 0x{slug(40)} and receive 0.2 BTC back instantly. Limited offer!",
    lambda: (
        f"Binary options made me {money()} in one month. Investment starts from {money()}. WhatsApp {phone()}"
    ),
    lambda: (
        f"Best crypto signals group, {RNG.randint(90, 99)}% accuracy, join our Telegram t.me/{slug(8)}"
    ),
    lambda: (
        f"Everyone talking about inflation should invest in ethereum now. My expert gives free advice: {spam_email()}"
    ),
    lambda: (
        f"Hello, I earn {money()} weekly through bitcoin mining with {RNG.choice(LAST)} investment platform, no risk. Visit {spam_url()}"
    ),
    # Fake support phone numbers
    lambda: f"{RNG.choice(BRANDS)} customer support number {phone()} call 24/7 for help",
    lambda: (
        f"If you have problem with your {RNG.choice(BRANDS)} account call toll free {phone()} helpline"
    ),
    lambda: (
        f"{RNG.choice(BRANDS)} Support Phone Number {phone()} | {RNG.choice(BRANDS)} Helpline Number {phone()}"
    ),
    lambda: (
        f"Call {phone()} for {RNG.choice(BRANDS)} technical support, recover password, refund, billing issue"
    ),
    lambda: (
        f"Need help with {RNG.choice(BRANDS)}? Dial {phone()} now, our experts are available round the clock"
    ),
    # Adult
    lambda: f"Hot singles in your area are waiting for you tonight {spam_url()}",
    lambda: f"Bored? Lonely girls want to chat with you right now, no signup {spam_url()}",
    lambda: f"Meet sexy women near you tonight, 100% free {spam_url()}",
    lambda: f"Watch private webcam shows for free, click {spam_url()}",
    lambda: f"Want a date tonight? Check my profile pics {spam_url()} xxx",
    # Pharmacy
    lambda: (
        f"Buy {RNG.choice(PILLS)} online without prescription, cheap price, fast delivery {spam_url()}"
    ),
    lambda: (
        f"Cheap {RNG.choice(PILLS)} and {RNG.choice(PILLS)} overnight shipping no rx needed {spam_url()}"
    ),
    lambda: f"Order {obfuscate(RNG.choice(PILLS))} online best price guaranteed {spam_url()}",
    lambda: f"{RNG.choice(PILLS).upper()} 50% OFF!!! Discreet packaging worldwide {spam_url()}",
    lambda: f"Generic {RNG.choice(PILLS)} for sale, pay with bitcoin, {spam_url()}",
    lambda: f"Lose 20 pounds in 2 weeks with this keto pill doctors hate {spam_url()}",
    # Generic praise with a link
    lambda: f"Thanks for sharing this informative post, I have bookmarked it. {spam_url()}",
    lambda: f"Very nice blog, keep up the good work. Please also visit my website {spam_url()}",
    lambda: (
        f"This is really interesting, you are a very skilled blogger. I have joined your feed. {spam_url()}"
    ),
    lambda: f"Wow, awesome blog layout! How long have you been blogging for? {spam_url()}",
    lambda: (
        f"Hi there! This post could not be written any better! Reading this post reminds me of my old room mate. {spam_url()}"
    ),
    lambda: (
        f"I like the valuable information you provide in your articles. I will bookmark your blog and check again here regularly. {spam_url()}"
    ),
    lambda: (
        f"Excellent post. I was checking constantly this blog and I am impressed! Very useful info. {spam_url()}"
    ),
    # Other commercial spam
    lambda: (
        f"Get {RNG.randint(1, 10)}000 real Instagram followers for only {money()}! {spam_url()}"
    ),
    lambda: f"Payday loans approved in 5 minutes, bad credit OK. Apply now {spam_url()}",
    lambda: f"Online casino bonus {money()} free spins, sign up and win big {spam_url()}",
    lambda: f"Replica Rolex watches best quality lowest price {spam_url()}",
    lambda: (
        f"Need an essay written? Professional writers, plagiarism free, cheap prices {spam_url()}"
    ),
    lambda: (
        f"Congratulations! You have been selected to win a free iPhone. Claim your prize at {spam_url()}"
    ),
    lambda: f"FREE GIFT CARD {money()} - limited time only - click here {spam_url()}",
    lambda: f"Subscribe to my channel for daily giveaways!!! {spam_url()}",
    lambda: (
        f"We offer SEO services to rank your website on the first page of Google. Contact {spam_email()}"
    ),
    lambda: (
        f"Get your ex back in 48 hours with the help of a powerful spell caster. Email {spam_email()}"
    ),
    lambda: (
        f"Do you need a loan? We give loans at 2% interest rate. Contact us via email {spam_email()}"
    ),
]

# What really marks a spammer in the author fields: keywords or a brand in the name, a
# commercial or shortener URL, a throwaway mail domain, a promotional handle. Each returns only
# the fields it sets; the rest come from the ordinary identity every row draws first
# (with_author), so ordinary identities are spread alike over spam and ham.
DISPOSABLE_MAIL = [
    "mailinator.com",
    "guerrillamail.com",
    "10minutemail.com",
    "yopmail.com",
    "trashmail.com",
    "sharklasers.com",
    "temp-mail.org",
    "dispostable.com",
]
SPAM_AUTHORS = [
    lambda: (RNG.choice(SEO_ANCHORS).title(), "", f"http://{RNG.choice(SPAM_DOMAINS)}"),
    lambda: ("", "", f"https://{RNG.choice(SPAM_DOMAINS)}/{slug(5)}"),
    lambda: (f"{RNG.choice(BRANDS)} Support", "", ""),
    lambda: (
        f"{RNG.choice(['cheap', 'buy', 'best'])} {RNG.choice(PILLS)}",
        "",
        f"https://{RNG.choice(SHORT)}/{slug()}",
    ),
    lambda: ("", f"{slug(8)}@{RNG.choice(DISPOSABLE_MAIL)}", ""),
    lambda: (handle_body(), "", ""),
    lambda: (creator_body(), "", ""),
]

# --------------------------------------------------------------------------------------------
# Ham: civil news-comment discussion
# --------------------------------------------------------------------------------------------

PLACES = [
    "Gaza",
    "Ukraine",
    "Sudan",
    "Yemen",
    "the Sahel",
    "Kashmir",
    "Syria",
    "Armenia",
    "Myanmar",
    "Haiti",
    "the Donbas",
    "Lebanon",
]
PARTIES = [
    "the government",
    "the opposition",
    "the ruling party",
    "the coalition",
    "the prime minister",
    "the president",
    "the mayor",
    "parliament",
    "the senate",
]
GROUPS = [
    "Muslim",
    "Jewish",
    "Christian",
    "Hindu",
    "Sikh",
    "Buddhist",
    "gay",
    "lesbian",
    "transgender",
    "Black",
    "white",
    "Asian",
    "Latino",
    "Arab",
    "immigrant",
    "disabled",
    "elderly",
    "deaf",
    "Mexican",
    "Nigerian",
    "Chinese",
    "Indian",
    "Irish",
    "Polish",
    "Catholic",
    "atheist",
    "bisexual",
    "Native American",
    "refugee",
    "African American",
]
LEGIT_LINKS = [
    "https://www.un.org/en/ceasefire-report",
    "https://www.bbc.co.uk/news/world-middle-east-12345678",
    "https://www.reuters.com/world/europe/talks-resume-2024-03-02/",
    "https://www.who.int/news/item/measles-outbreak-update",
    "https://en.wikipedia.org/wiki/Geneva_Conventions",
    "https://www.gov.uk/government/statistics/crime-in-england-and-wales",
    "https://www.census.gov/library/stories/2023/population.html",
    "https://www.icrc.org/en/document/humanitarian-law-basics",
    "https://apnews.com/article/election-results-turnout",
    "https://www.theguardian.com/world/live/ceasefire",
    "https://www.nature.com/articles/climate-study-2023",
    "https://ourworldindata.org/homicides",
]

HAM_TEMPLATES = [
    # War and ceasefire talks
    lambda: (
        f"The ceasefire in {RNG.choice(PLACES)} will only hold if both sides allow monitors in. I hope the talks this week get that far."
    ),
    lambda: (
        f"It is heartbreaking to read about the civilian deaths in {RNG.choice(PLACES)}. Whatever one thinks of the politics, the aid convoys have to get through."
    ),
    lambda: (
        "I disagree with the author. A ceasefire without the release of the hostages rewards the side that took them, and that makes the next war more likely."
    ),
    lambda: (
        f"The article glosses over how the war in {RNG.choice(PLACES)} started. Both governments made choices that led to the shelling of towns near the border."
    ),
    lambda: (
        f"My family fled {RNG.choice(PLACES)} in {RNG.randint(1990, 2022)}. Reading that the peace talks stalled again is painful, but I still think negotiation beats more bombing."
    ),
    lambda: (
        "Sanctions have not stopped the attacks so far. Maybe the diplomats should focus on a prisoner exchange first and build trust from there."
    ),
    lambda: (
        "Thousands killed and the front line has barely moved. Military analysts quoted here seem to agree it is a stalemate."
    ),
    lambda: (
        "Calling for an immediate ceasefire is not the same as supporting the other side. People can want the killing to stop and still want accountability for war crimes."
    ),
    lambda: (
        "The airstrike on the hospital should be investigated independently. If the army is confident it followed the law of war, it has nothing to fear."
    ),
    lambda: (
        f"Good reporting. The map of the shelling around {RNG.choice(PLACES)} made the scale of the destruction clear."
    ),
    lambda: (
        "How many more soldiers have to die before the generals admit this offensive failed? That is a fair question for parliament to ask."
    ),
    lambda: (
        "The humanitarian corridor was supposed to open on Monday. Does anyone know whether the evacuation of the wounded actually started?"
    ),
    # Terrorism
    lambda: (
        "The bombing at the market was a horrific act of terrorism. My thoughts are with the families, and I hope the investigators find everyone involved."
    ),
    lambda: (
        f"Terrorist attacks like this one are designed to divide us. The best answer is for the {RNG.choice(GROUPS)} community and everyone else to stand together."
    ),
    lambda: (
        "The police say the attacker was radicalised online. We need a serious debate about how extremist groups recruit teenagers."
    ),
    lambda: (
        "Calling every attack terrorism before the facts are in does not help. Wait for the investigation, then judge."
    ),
    lambda: (
        "The suspect in the stabbing has been charged with murder and terrorism offences. The trial should be allowed to run its course without speculation."
    ),
    lambda: (
        "Security at stadiums was tightened after the last attack, and it seems to have worked this time. Credit to the emergency services."
    ),
    lambda: (
        f"The hostage crisis ended after {RNG.randint(2, 40)} hours. Negotiators deserve more credit than they usually get."
    ),
    # Elections
    lambda: (
        "Turnout was the highest in decades. Whatever you think of the result, that is good for democracy."
    ),
    lambda: (
        f"I voted for {RNG.choice(PARTIES)} last time but their housing policy has lost my support. The rents in this city are out of control."
    ),
    lambda: (
        "The election commission should publish the ballot counts by precinct. Transparency is the best answer to claims of fraud."
    ),
    lambda: (
        "Polls were wrong again. Maybe pollsters need to reach younger voters who never answer landline phones."
    ),
    lambda: (
        f"{RNG.choice(PARTIES).capitalize()} won fair and square. The losing side should concede and focus on the next campaign."
    ),
    lambda: (
        "I watched the debate last night. Neither candidate gave a straight answer on healthcare funding, which is disappointing."
    ),
    lambda: (
        f"Postal voting worked fine in our district. The queues on election day were much shorter than in {RNG.randint(2012, 2020)}."
    ),
    lambda: (
        f"The referendum result was close, {RNG.randint(50, 53)} to {RNG.randint(47, 50)}. Both camps should accept that half the country disagrees with them."
    ),
    lambda: (
        "Campaign finance rules need an overhaul. Too much money comes from a handful of donors on all sides."
    ),
    # Crime and justice
    lambda: (
        f"The murder rate in our city fell by {RNG.randint(5, 30)}% last year according to the police figures. Community policing seems to be working."
    ),
    lambda: (
        "The jury convicted him of manslaughter, not murder. Having read the evidence in the article, I think that was the right call."
    ),
    lambda: (
        "Burglaries on our street have gone up. I would like to know whether the council plans to fix the broken street lights."
    ),
    lambda: (
        "The sentence seems short for a violent assault, but the judge explained the reasons in detail. I would rather trust the court than a comment section."
    ),
    lambda: (
        "Drug gangs are recruiting kids as young as twelve. Youth clubs closing down did not help."
    ),
    lambda: (
        "The shooting was a tragedy. Gun laws will be debated again, and I hope this time it leads to something concrete."
    ),
    lambda: (
        "Knife crime figures are grim. I would like to see more funding for violence-interruption programmes that have worked elsewhere."
    ),
    lambda: (
        "Innocent until proven guilty. The man has been arrested, not convicted, so maybe we should wait before naming and shaming him."
    ),
    # Other news topics
    lambda: (
        "The new tax on fuel will hit rural families hardest. Public transport out here is one bus a day."
    ),
    lambda: (
        "Interesting piece on inflation. Food prices at my local supermarket are up by about a fifth since last spring."
    ),
    lambda: (
        f"The hospital waiting lists are the real story here. My mother waited {RNG.randint(8, 40)} weeks for a hip operation."
    ),
    lambda: (
        "Climate policy keeps being delayed. The flooding in our valley this winter was the worst anyone can remember."
    ),
    lambda: (
        "I think the council made the right decision on the bike lanes, even if the construction was a nightmare for a few months."
    ),
    lambda: (
        "The strike by nurses is understandable. Their pay has not kept up with the cost of living for years."
    ),
    lambda: (
        "Thank you for a balanced article. It is rare to see both the union and the management quoted fairly."
    ),
    lambda: (
        f"As a teacher, I can confirm that class sizes have grown. We have {RNG.randint(30, 38)} pupils in some rooms."
    ),
    lambda: (
        "Immigration is a complex issue. We need workers in care homes and farms, and we also need a fair, fast asylum system."
    ),
    lambda: (
        "The minister resigned, which was the right thing to do after the report. Now let's see if the reforms actually happen."
    ),
    lambda: (
        "Great article, I learned a lot about how the vaccine trials were run. More science reporting like this, please."
    ),
    lambda: (
        "I respectfully disagree. The data in the second chart shows the opposite of what the headline claims."
    ),
    lambda: (
        "Does anyone know when the road closure on the high street ends? The article doesn't say."
    ),
    lambda: (
        "This is a lazy piece of journalism. The reporter did not even ask the company for comment."
    ),
    lambda: (
        f"The bill passed {RNG.randint(200, 330)} to {RNG.randint(100, 250)}. I'm surprised so many backbenchers rebelled."
    ),
    lambda: "Wow, what a match last night. The referee got the penalty decision wrong though.",
    lambda: (
        f"The article says unemployment is falling, but in my town the factory just laid off {RNG.randint(100, 900)} people."
    ),
    lambda: (
        "Free speech includes speech we dislike. The university should not have cancelled the talk."
    ),
    lambda: (
        f"Correction: the treaty was signed in {RNG.randint(1950, 1999)}, not {RNG.randint(2000, 2010)} as the article says."
    ),
    # Identity mentioned neutrally
    lambda: (
        f"As a {RNG.choice(GROUPS)} woman who has lived here for twenty years, I welcome the new community centre."
    ),
    lambda: (
        f"My neighbours are a {RNG.choice(GROUPS)} family and they organised the street party this summer."
    ),
    lambda: (
        f"The {RNG.choice(GROUPS)} community has been part of this city for generations, as the museum exhibition shows."
    ),
    lambda: (
        f"I'm {RNG.choice(GROUPS)} and I did not find the film offensive at all. It was a thoughtful portrayal."
    ),
    lambda: (
        f"The report found that {RNG.choice(GROUPS)} applicants were less likely to get an interview with the same CV. That deserves attention."
    ),
    lambda: (
        "The mosque, the synagogue and the church on our road held a joint vigil after the attack. That is the best of this town."
    ),
    lambda: (
        f"Being {RNG.choice(GROUPS)} should not make any difference to how the police treat you. Glad the inquiry says so plainly."
    ),
    lambda: (
        f"Our school has {RNG.choice(GROUPS)}, {RNG.choice(GROUPS)} and {RNG.choice(GROUPS)} kids in the same class and they get along fine."
    ),
    lambda: (
        f"The new {RNG.choice(GROUPS)} MP gave a moving first speech about growing up in a council flat."
    ),
    lambda: (
        f"Hate crimes against {RNG.choice(GROUPS)} people rose last year according to the statistics quoted here. That is worrying."
    ),
    lambda: (
        f"My {RNG.choice(['son', 'daughter', 'brother', 'sister', 'best friend'])} is {RNG.choice(['gay', 'transgender', 'lesbian', 'bisexual', 'deaf', 'autistic'])} and the support from the school has been wonderful."
    ),
    lambda: (
        f"The {RNG.choice(GROUPS)} festival in the park was lovely this year, good food and music."
    ),
    # One legitimate link
    lambda: (
        f"The full text of the agreement is here if anyone wants to read it: {RNG.choice(LEGIT_LINKS)}"
    ),
    lambda: (
        f"Source for the figures in the article: {RNG.choice(LEGIT_LINKS)} - worth reading the methodology section."
    ),
    lambda: (
        f"For context, this explains the rules on civilians in armed conflict: {RNG.choice(LEGIT_LINKS)}"
    ),
    lambda: f"The official statistics tell a different story, see {RNG.choice(LEGIT_LINKS)}",
    lambda: (
        f"I wrote about the flood response on my blog last month, the council's own data is at {RNG.choice(LEGIT_LINKS)}"
    ),
    lambda: (
        f"Here is the original report the article is based on: {RNG.choice(LEGIT_LINKS)}. The summary on page 3 is clear."
    ),
]


# --------------------------------------------------------------------------------------------
# Toxicity: explicit per-attribute labels
# --------------------------------------------------------------------------------------------

TARGETS = [
    "you",
    "the author",
    "this reporter",
    "the mayor",
    "that senator",
    "the minister",
    "the commenter above",
    "this guy",
]
INSULT_NOUNS = [
    "idiot",
    "moron",
    "imbecile",
    "clown",
    "loser",
    "fool",
    "halfwit",
    "cretin",
    "dimwit",
    "buffoon",
    "numpty",
    "dumbass",
]
INSULT_ADJ = [
    "stupid",
    "pathetic",
    "brainless",
    "clueless",
    "worthless",
    "ignorant",
    "dumb",
    "spineless",
    "useless",
    "gutless",
]
PROFANE = ["fucking", "goddamn", "bloody", "shitty", "damn"]


def tox(**labels: int) -> dict[str, int]:
    out = {"spam": 0, "toxicity": 1}
    out.update(labels)
    return out


TOXIC_TEMPLATES: list[tuple[Any, dict[str, int]]] = [
    # Insults
    (
        lambda: f"You are a {RNG.choice(INSULT_ADJ)} {RNG.choice(INSULT_NOUNS)}.",
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: (
            f"Only a complete {RNG.choice(INSULT_NOUNS)} would write an article this {RNG.choice(INSULT_ADJ)}."
        ),
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: (
            f"{RNG.choice(TARGETS).capitalize()} is a {RNG.choice(INSULT_ADJ)} {RNG.choice(INSULT_NOUNS)} and everyone knows it."
        ),
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: (
            f"Shut up, you {RNG.choice(INSULT_ADJ)} {RNG.choice(INSULT_NOUNS)}. Nobody cares what you think."
        ),
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: (
            f"What a {RNG.choice(INSULT_ADJ)} thing to say. Are you really this {RNG.choice(INSULT_ADJ)} or just pretending?"
        ),
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: f"Go back to school, {RNG.choice(INSULT_NOUNS)}. You clearly can't read.",
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: (
            f"Typical {RNG.choice(INSULT_NOUNS)} comment from a {RNG.choice(INSULT_ADJ)} troll."
        ),
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: f"{obfuscate(RNG.choice(INSULT_NOUNS))}, that is what you are.",
        tox(insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    # Profanity
    (
        lambda: f"This is {RNG.choice(PROFANE)} ridiculous, the council is a joke.",
        tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: "What the fuck is wrong with these people?",
        tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: "Holy shit, this article is a pile of crap.",
        tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: "Bullshit. Total bullshit from start to finish.",
        tox(profanity=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: f"{RNG.choice(TARGETS).capitalize()} can kiss my ass.",
        tox(profanity=1, insult=1, threat=0, identity_attack=0, severe_toxicity=0),
    ),
    (
        lambda: (
            f"Fuck {RNG.choice(TARGETS)} and fuck this {RNG.choice(['paper', 'government', 'website'])}."
        ),
        tox(profanity=1, insult=1, threat=0, identity_attack=0),
    ),
    (
        lambda: f"You {RNG.choice(['stupid', 'dumb'])} piece of shit.",
        tox(profanity=1, insult=1, severe_toxicity=1, threat=0, identity_attack=0),
    ),
    (
        lambda: f"{RNG.choice(TARGETS).capitalize()} is a lying asshole.",
        tox(profanity=1, insult=1, threat=0, identity_attack=0),
    ),
    (
        lambda: f"Screw you, {RNG.choice(['bitch', 'bastard', 'dickhead', 'jackass'])}.",
        tox(profanity=1, insult=1, threat=0, identity_attack=0),
    ),
    (
        lambda: f"{obfuscate('fuck')} off with your {RNG.choice(INSULT_ADJ)} opinions.",
        tox(profanity=1, insult=1, threat=0, identity_attack=0),
    ),
    # Threats
    (
        lambda: f"I know where {RNG.choice(TARGETS)} lives. Watch your back.",
        tox(threat=1, identity_attack=0),
    ),
    (
        lambda: f"Someone should shoot {RNG.choice(TARGETS)} before it is too late.",
        tox(threat=1, severe_toxicity=1, identity_attack=0),
    ),
    (
        lambda: f"If I ever meet {RNG.choice(TARGETS)} I will break every bone in that face.",
        tox(threat=1, identity_attack=0),
    ),
    (
        lambda: f"People like {RNG.choice(TARGETS)} deserve to be beaten until they can't stand.",
        tox(threat=1, severe_toxicity=1, identity_attack=0),
    ),
    (
        lambda: "Keep writing this and you will regret it. We will find you.",
        tox(threat=1, identity_attack=0, profanity=0),
    ),
    (
        lambda: f"I hope {RNG.choice(TARGETS)} gets hanged for treason.",
        tox(threat=1, severe_toxicity=1, identity_attack=0),
    ),
    (
        lambda: f"I am going to burn your house down, {RNG.choice(INSULT_NOUNS)}.",
        tox(threat=1, insult=1, severe_toxicity=1, identity_attack=0),
    ),
    (
        lambda: (
            f"You should be dragged into the street and {RNG.choice(['shot', 'stabbed', 'strung up'])}."
        ),
        tox(threat=1, severe_toxicity=1, identity_attack=0),
    ),
    (
        lambda: f"Say that again and I'll {obfuscate('kill')} you.",
        tox(threat=1, severe_toxicity=1, identity_attack=0),
    ),
    # Identity attacks
    (
        lambda: (
            f"{RNG.choice(GROUPS)} people are {RNG.choice(['vermin', 'parasites', 'animals', 'subhuman'])} and should be thrown out of this country."
        ),
        tox(identity_attack=1, insult=1, severe_toxicity=1),
    ),
    (
        lambda: f"Never trust a {RNG.choice(GROUPS)}, they are all liars and thieves.",
        tox(identity_attack=1, insult=1, threat=0),
    ),
    (
        lambda: (
            f"I hate {RNG.choice(GROUPS)} people. They ruin every neighbourhood they move into."
        ),
        tox(identity_attack=1, threat=0),
    ),
    (
        lambda: f"Of course the criminal was {RNG.choice(GROUPS)}. Those people are born violent.",
        tox(identity_attack=1, threat=0),
    ),
    (
        lambda: f"{RNG.choice(GROUPS)} scum should all be deported, every last one of them.",
        tox(identity_attack=1, insult=1, severe_toxicity=1),
    ),
    (
        lambda: f"Being {RNG.choice(GROUPS)} is a disease that needs curing.",
        tox(identity_attack=1, threat=0),
    ),
    # Severe
    (
        lambda: (
            f"Go kill yourself, you worthless {RNG.choice(['piece of shit', 'waste of oxygen', 'sack of crap'])}."
        ),
        tox(severe_toxicity=1, insult=1, threat=1, profanity=1),
    ),
    (
        lambda: (
            f"Die in a fire, {RNG.choice(INSULT_NOUNS)}. The world would be better off without you."
        ),
        tox(severe_toxicity=1, insult=1, threat=1),
    ),
    (
        lambda: (
            f"You are a disgusting {RNG.choice(['cunt', 'motherfucker', 'son of a bitch'])} and I hope you suffer."
        ),
        tox(severe_toxicity=1, insult=1, profanity=1),
    ),
]

# Hard negatives: strong words about violent events, quoted slurs reported, mild criticism.
HARD_NEGATIVE_TEMPLATES = [
    lambda: (
        f"The gunman killed {RNG.randint(3, 20)} people before the police shot him. It is shocking that he bought the rifle legally."
    ),
    lambda: (
        "Militants executed the hostages on video. The government vowed to hunt down the killers and bring them to trial."
    ),
    lambda: (
        "The article describes how the soldiers burned villages and raped women. These war crimes must be prosecuted at The Hague."
    ),
    lambda: (
        "The suicide bomber detonated the vest outside a school. The attack was condemned by every party in parliament."
    ),
    lambda: (
        f"Calling {RNG.choice(TARGETS)} a liar is fair when the figures in the speech were simply wrong."
    ),
    lambda: "I think the minister's plan is a bad idea and will hurt the poorest people the most.",
    lambda: (
        "The prosecutor said the defendant threatened to kill his neighbour before the attack. He was found guilty of murder."
    ),
    lambda: (
        f"The genocide in {RNG.choice(PLACES)} must never be forgotten. Millions of people were murdered for their ethnicity."
    ),
    lambda: (
        "Russian missiles hit the power station overnight, and the army says it destroyed the drones that followed."
    ),
    lambda: (
        "The report on extremism quotes the slurs the group used on its forum, which shows how hateful its members are."
    ),
    lambda: (
        f"The film deals with racism and violence against {RNG.choice(GROUPS)} families in the 1960s. Hard to watch but important."
    ),
    lambda: (
        "Hamas and Israel both claim the other broke the truce. The mediators in Cairo are trying to save the deal."
    ),
    lambda: (
        "The terrorist who attacked the concert was sentenced to life without parole. Justice for the victims."
    ),
    lambda: (
        "The death toll from the earthquake and the bombing campaign keeps rising. Donate to the Red Cross if you can."
    ),
    lambda: (
        "Police shot dead a man armed with a knife after he stabbed two people. The watchdog is investigating."
    ),
]


# --------------------------------------------------------------------------------------------
# Second batch: more variety where the first model was weak (threats, adult spam, short
# link drops, and civil reporting of violent news in many wordings).
# --------------------------------------------------------------------------------------------

WEAPONS = ["a bullet", "a knife", "a baseball bat", "a brick", "my fist", "a hammer"]
BODY = ["your head", "your face", "your skull", "your teeth", "your gut"]
VIOLENT_EVENTS = [
    "the missile strike",
    "the shelling",
    "the car bomb",
    "the mass shooting",
    "the stabbing",
    "the suicide attack",
    "the drone strike",
    "the massacre",
    "the ambush",
    "the hostage taking",
    "the arson attack",
    "the riot",
    "the coup attempt",
    "the bombing of the train station",
]
ACTORS = [
    "the army",
    "the rebels",
    "the militia",
    "the police",
    "the insurgents",
    "government forces",
    "the separatists",
    "the occupying troops",
    "the gunmen",
    "the jihadist group",
    "the far-right cell",
    "the cartel",
]
NUMBERS = ["two", "five", "a dozen", "dozens of", "hundreds of", "more than 40", "at least 17"]
VICTIMS = [
    "civilians",
    "children",
    "soldiers",
    "police officers",
    "aid workers",
    "journalists",
    "worshippers",
    "students",
    "villagers",
    "patients",
]
VERBS_PAST = ["killed", "wounded", "murdered", "injured", "shot dead", "executed", "abducted"]

EXTRA_THREATS = [
    lambda: f"Keep talking and I'll put {RNG.choice(WEAPONS)} in {RNG.choice(BODY)}.",
    lambda: f"I'm going to smash {RNG.choice(BODY)} in with {RNG.choice(WEAPONS)} when I find you.",
    lambda: (
        f"You'd better watch your back, {RNG.choice(TARGETS)}. We know where your kids go to school."
    ),
    lambda: f"One day someone is going to shoot {RNG.choice(TARGETS)}, and I hope it's soon.",
    lambda: f"I will make {RNG.choice(TARGETS)} pay for this with blood.",
    lambda: f"If {RNG.choice(TARGETS)} shows up at the rally, we will beat them senseless.",
    lambda: "I swear I will hunt you down and make you suffer.",
    lambda: f"Your house is going to burn tonight, {RNG.choice(INSULT_NOUNS)}.",
    lambda: "I'll slit your throat if you ever come near my family again.",
    lambda: f"Somebody needs to put {RNG.choice(TARGETS)} six feet under.",
    lambda: "Post one more article like this and you will be the next one they find in a ditch.",
    lambda: "We are coming for you and your family. Sleep well.",
    lambda: f"I'm going to beat the crap out of {RNG.choice(TARGETS)} next time I see them.",
    lambda: "Line them all up against a wall and shoot them.",
    lambda: f"I hope someone stabs {RNG.choice(TARGETS)} on the way home.",
]

EXTRA_SPAM = [
    lambda: f"Lonely? Beautiful girls near you are online now, chat free {spam_url()}",
    lambda: (
        f"Sexy local women looking for fun tonight! No credit card needed {spam_url()} {spam_url()}"
    ),
    lambda: f"18+ only: see my private photos here {spam_url()} kisses xx",
    lambda: f"Find a hookup in your city in 5 minutes {spam_url()}",
    lambda: (
        f"{RNG.choice(['Nice', 'Cool', 'Good', 'Interesting', 'Great'])} {RNG.choice(['article', 'post', 'read', 'story', 'info'])} {spam_url()}"
    ),
    lambda: f"{RNG.choice(['see', 'look', 'check', 'wow', 'omg'])} {spam_url()} {spam_url()}",
    lambda: f"{spam_url()} {spam_url()} {spam_url()} {spam_url()}",
    lambda: f"I agree with this article. By the way, {RNG.choice(SEO_ANCHORS)} at {spam_url()}",
    lambda: f"Thanks! Also see {spam_url()} and {spam_url()} for {RNG.choice(SEO_ANCHORS)}",
    lambda: f"Make money online fast, {money()} per day guaranteed, click {spam_url()}",
    lambda: f"Get paid {money()} for filling simple surveys at home {spam_url()}",
    lambda: f"Claim your {money()} bonus now!!! Only today {spam_url()}",
    lambda: f"Turn {money()} into {money()} in 7 days with crypto arbitrage, text {phone()}",
    lambda: (
        f"Hacked account? Locked wallet? Our recovery experts help 24/7, call {phone()} or mail {spam_email()}"
    ),
    lambda: (
        f"Cheap {RNG.choice(PILLS)} {spam_url()} cheap {RNG.choice(PILLS)} {spam_url()} cheap {RNG.choice(PILLS)} {spam_url()}"
    ),
]

EXTRA_HAM = [
    lambda: (
        f"{RNG.choice(VIOLENT_EVENTS).capitalize()} {RNG.choice(VERBS_PAST)} {RNG.choice(NUMBERS)} {RNG.choice(VICTIMS)}, according to the article. An independent inquiry is the least the families deserve."
    ),
    lambda: (
        f"Reports say {RNG.choice(ACTORS)} {RNG.choice(VERBS_PAST)} {RNG.choice(NUMBERS)} {RNG.choice(VICTIMS)} near the border. If that is confirmed, the UN should investigate."
    ),
    lambda: (
        f"After {RNG.choice(VIOLENT_EVENTS)}, the ceasefire negotiators met again in {RNG.choice(['Cairo', 'Doha', 'Geneva', 'Istanbul', 'Oslo', 'Riyadh'])}. Let's hope they keep talking."
    ),
    lambda: (
        f"I lost a cousin in {RNG.choice(VIOLENT_EVENTS)} years ago. Articles like this one help people understand what the survivors live with."
    ),
    lambda: (
        f"The prosecutor says the suspect planned {RNG.choice(VIOLENT_EVENTS)} for months. That should come out at trial, not in the comment section."
    ),
    lambda: (
        f"Both {RNG.choice(ACTORS)} and {RNG.choice(ACTORS)} have been accused of war crimes. The evidence should go to an international court."
    ),
    lambda: (
        f"The death toll rose to {RNG.randint(12, 400)} overnight. Please donate blood if you live nearby; the hospitals are asking for it."
    ),
    lambda: (
        f"Analysts quoted here think {RNG.choice(ACTORS)} are running out of ammunition. That might finally push both sides to negotiate."
    ),
    lambda: (
        "The attack was an act of terror and should be called one. That does not justify collective punishment of an entire population."
    ),
    lambda: (
        "My son serves in the army and is deployed near the front. Every headline about shelling makes my heart stop."
    ),
    lambda: (
        f"It is possible to condemn {RNG.choice(VIOLENT_EVENTS)} and still criticise the government's response to it."
    ),
    lambda: (
        f"The article says {RNG.choice(NUMBERS)} {RNG.choice(VICTIMS)} were {RNG.choice(VERBS_PAST)}. Does anyone have the source for that figure?"
    ),
    lambda: (
        "Terrorism experts interviewed for this piece say most attackers were known to the police beforehand. That needs fixing."
    ),
    lambda: (
        f"The peace deal collapsed after {RNG.choice(VIOLENT_EVENTS)}, but talks resumed a week later. Diplomacy is slow, not dead."
    ),
    lambda: (
        f"Gun violence in {RNG.choice(['Chicago', 'Glasgow', 'Marseille', 'Johannesburg', 'Toronto', 'Baltimore'])} fell last year. The violence-interruption programme deserves more funding."
    ),
    lambda: (
        f"The court sentenced the {RNG.choice(['gunman', 'bomber', 'attacker', 'killer'])} to life. Nothing brings the victims back, but justice was done."
    ),
    lambda: (
        "Sanctions, arms embargoes, peace talks: none of it has stopped the killing yet. I honestly don't know what would."
    ),
    lambda: (
        f"The {RNG.choice(GROUPS)} victims of the attack were buried today. The whole town came out to mourn with their families."
    ),
    lambda: (
        "As a former soldier I can tell you the article gets the logistics right. Wars are won and lost on supply lines."
    ),
    lambda: (
        f"I strongly disagree with {RNG.choice(PARTIES)} on this, but calling them traitors is not an argument."
    ),
    lambda: (
        "This policy is a mistake and the numbers in the article show why. I hope parliament votes it down."
    ),
    lambda: (
        f"Honestly the headline is misleading. The shooting happened in {RNG.randint(2015, 2023)}, not last week."
    ),
    lambda: (
        "Respectfully, the author is wrong about the history of the conflict. The partition happened before the war, not after it."
    ),
    lambda: (
        "The hostages' families held a vigil outside parliament. Their calls for a deal should be heard by both governments."
    ),
    lambda: (
        f"Refugees fleeing the fighting in {RNG.choice(PLACES)} need safe routes. The camps described here are overcrowded."
    ),
    lambda: (
        f"Police say the riot left {RNG.randint(3, 60)} officers injured and {RNG.randint(10, 200)} people arrested. Both sides should calm down."
    ),
    lambda: (
        f"The militants claimed responsibility for {RNG.choice(VIOLENT_EVENTS)}. Security services had warned about the group for years."
    ),
    lambda: (
        f"I voted {RNG.choice(['yes', 'no', 'for the Greens', 'for Labour', 'for the Conservatives', 'independent'])} and I'm happy to explain why without insulting anyone."
    ),
    lambda: (
        f"The documentary about the genocide in {RNG.choice(['Rwanda', 'Srebrenica', 'Cambodia', 'Darfur', 'Armenia'])} is hard to watch but everyone should see it."
    ),
    lambda: (
        "Crime statistics show burglaries down and violent crime up slightly. The article's headline only mentions the second part."
    ),
]


# Third batch: spam genres seen under articles that the first two batches lacked (prize and
# text-message spam, channel and profile promotion, investment "mentors", follower schemes),
# and civil comments that use the same words innocently.

PRIZES = [
    "a $1000 Walmart gift card",
    "an iPhone 15",
    "a free cruise",
    "£500 cash",
    "a Tesla",
    "a $250 Amazon voucher",
    "free concert tickets",
    "a holiday for two",
]

EXTRA_SPAM_2 = [
    lambda: (
        f"CONGRATULATIONS! You have won {RNG.choice(PRIZES)}. Text CLAIM to {RNG.randint(60000, 89999)} or call {phone()} now!"
    ),
    lambda: (
        f"URGENT: your mobile number has been selected for {RNG.choice(PRIZES)}. Call {phone()} before midnight. T&C apply"
    ),
    lambda: (
        f"FREE entry into our weekly draw to win {RNG.choice(PRIZES)}! Reply WIN to {RNG.randint(60000, 89999)}, 18+ only"
    ),
    lambda: f"You are today's lucky visitor! Claim {RNG.choice(PRIZES)} now at {spam_url()}",
    lambda: (
        f"Hey guys check out my new channel, I post {RNG.choice(['covers', 'gaming videos', 'vlogs', 'beats', 'makeup tutorials'])} every day!! Please subscribe :)"
    ),
    lambda: (
        f"Please subscribe to my channel, I am trying to reach {RNG.choice(['1000', '10k', '500'])} subscribers!!! Thank you"
    ),
    lambda: (
        f"If you like this, check my {RNG.choice(['channel', 'page', 'profile', 'bio'])} for more, and follow me for a follow back!"
    ),
    lambda: "Check out my music video, link in my profile, like and share please!!!",
    lambda: (
        f"Follow @{slug(7)} for daily {RNG.choice(['trading tips', 'giveaways', 'motivation', 'signals'])} and DM to join"
    ),
    lambda: (
        f"I was in debt until I found {RNG.choice(['Mrs', 'Mr', 'Coach'])} {RNG.choice(LAST)}, the best account manager. DM {RNG.choice(['her', 'him'])} on {RNG.choice(['Instagram', 'Telegram', 'WhatsApp'])} @{slug(8)}"
    ),
    lambda: (
        f"Who else wants to earn {money()} weekly? My mentor @{slug(8)} taught me forex, send a DM"
    ),
    lambda: (
        f"Testimony: I got {money()} profit from my first investment with @{slug(9)}. Message to start earning"
    ),
    lambda: (
        f"Stop scrolling! Start your journey to financial freedom, inbox me to learn how I earn {money()} a day"
    ),
    lambda: "Promote your page and get real followers fast, message us for cheap packages",
    lambda: (
        f"Grow your business with us, {RNG.choice(['SEO', 'social media marketing', 'web design', 'logo design'])} at the lowest price. Email {spam_email()}"
    ),
    lambda: (
        f"Want more views? Buy {RNG.randint(1, 50)}k views and likes for just {money()} {spam_url()}"
    ),
    lambda: (
        f"Dear friend, I am a banker and need a partner to transfer {money()} million. Reply to {spam_email()} for details"
    ),
    lambda: f"Your account has been suspended. Verify your details within 24 hours at {spam_url()}",
    lambda: (
        f"Free {RNG.choice(['bitcoin', 'robux', 'V-bucks', 'gift cards'])} generator, no survey, working {RNG.randint(2023, 2026)}: {spam_url()}"
    ),
    lambda: f"Hi dear, you look lovely. Text me on WhatsApp {phone()} let's be friends",
]

EXTRA_HAM_2 = [
    lambda: "I subscribed to the newsletter after reading this; the weekly digest is worth it.",
    lambda: (
        "Call your MP about this bill. The number is on the parliament website, and it takes two minutes."
    ),
    lambda: (
        "Check out the full report before judging; the summary leaves out the regional figures."
    ),
    lambda: (
        f"The lottery winner in the story donated half of the {RNG.choice(['prize', 'jackpot', 'winnings'])} to the local hospice. Lovely news for once."
    ),
    lambda: (
        "Scam texts claiming you won a prize are everywhere now; my mother nearly fell for one. Good article."
    ),
    lambda: (
        "Investment fraud is a real problem. The police advice at the end of the article is useful."
    ),
    lambda: (
        "I follow the reporter on social media and she always links her sources. Credit where it is due."
    ),
    lambda: "Congratulations to the team on the award, this investigation took two years of work.",
    lambda: (
        "My channel of choice for this kind of news is the public broadcaster; the commercial ones cut it short."
    ),
    lambda: (
        "Crypto prices fell again this week. Anyone who put their savings in should get independent advice."
    ),
    lambda: (
        f"Text message fraud cost pensioners {RNG.randint(2, 90)} million last year according to the regulator."
    ),
    lambda: (
        "The company promised free gifts to early customers and then went bust. The article explains how."
    ),
    lambda: (
        "Thanks for the tip about the council helpline, I called this morning and they sorted it out."
    ),
    lambda: "Follow-up question for the author: did the bank refund the victims of the phone scam?",
    lambda: (
        "I earn the minimum wage and the new tax credit will make a real difference for my family."
    ),
]


# --------------------------------------------------------------------------------------------
# Fourth batch: spam that sites get beyond SEO, written so the model meets the genres in many
# wordings (casing, emoji, missing punctuation, with and without handles, links and numbers):
# testimonial and recovery scams, DM bait, channel and music promotion, text-message prizes,
# job and dating bait, homework and follower selling. Then civil comments and chatty messages
# that share their surface (handles, emoji, "DM", "channel", money, short replies).
# Slots in the templates below ({h}, {m}, {amt}, ...) are filled by ``fill``; a slot used
# twice in one template gets the same value.
# --------------------------------------------------------------------------------------------

HYPE_EMOJI = [
    "🔥",
    "💯",
    "🙏",
    "💰",
    "🚀",
    "❤️",
    "😍",
    "👇",
    "👉",
    "✅",
    "💵",
    "🤑",
    "📈",
    "🙌",
    "😊",
    "💸",
    "⭐",
    "🎁",
    "📲",
    "💎",
    "🥰",
    "😘",
]
HAM_EMOJI = [
    "😂",
    "🤣",
    "❤️",
    "😍",
    "👏",
    "🙌",
    "😭",
    "🥰",
    "👍",
    "😊",
    "🔥",
    "💯",
    "🙏",
    "😅",
    "🎶",
    "✨",
    "😢",
    "👀",
    "🥲",
    "💔",
]
FEMALE = [
    "Helen",
    "Susan",
    "Jennifer",
    "Margaret",
    "Linda",
    "Evelyn",
    "Carol",
    "Maria",
    "Priya",
    "Sofia",
    "Grace",
    "Claire",
    "Nora",
    "Rosa",
    "Amara",
    "Jessica",
    "Olivia",
]
MALE = [
    "Robert",
    "Michael",
    "Steven",
    "William",
    "George",
    "James",
    "Daniel",
    "Oliver",
    "Luis",
    "Patrick",
    "Samuel",
    "Kevin",
    "Anthony",
]
HANDLE_WORDS = [
    "trades",
    "fx",
    "invest",
    "official",
    "mentor",
    "wealth",
    "signals",
    "coach",
    "crypto",
    "capital",
    "profits",
    "global",
    "assets",
    "forex",
    "btc",
    "mining",
    "finance",
    "hub",
]
CREATOR_WORDS = [
    "vlogs",
    "music",
    "beats",
    "gaming",
    "sings",
    "tv",
    "official",
    "covers",
    "plays",
    "films",
    "art",
    "daily",
    "raps",
    "edits",
]
HACKERS = [
    "CyberPhantom",
    "HackVault",
    "Wizard Tech Recovery",
    "Mr Leo Spyhack",
    "Digital Retrieve Team",
    "Ghost_Recovery_Pro",
    "Hacker Marcus",
    "Spy Expert Dan",
]
RECOVERY_USERS = [
    "recoveryexpert",
    "fundsretrieval",
    "cyberghost.recovery",
    "assetreclaim",
    "hackwizard",
    "spyexpert",
    "techrecover",
    "walletfixer",
    "digitalrescue",
    "fastrecovery.agent",
    "trustedhacker",
]
CITIES = [
    "Houston",
    "Manchester",
    "Lagos",
    "Toronto",
    "Sydney",
    "Dublin",
    "Phoenix",
    "Leeds",
    "Nairobi",
    "Austin",
    "Glasgow",
    "Atlanta",
    "Cardiff",
    "Denver",
]
COINS = ["crypto", "bitcoin", "BTC", "forex", "ETH", "binary options", "USDT", "stocks", "gold"]
APPS = ["WhatsApp", "Telegram", "Instagram", "IG", "Facebook", "Signal", "TG", "whatsapp"]
COURIERS = ["Royal Mail", "DHL", "USPS", "Evri", "FedEx", "DPD", "UPS", "Parcel Service"]
ACCOUNTS = ["bank", "Bank", "card", "PayPal", "Amazon", "Apple ID", "Netflix", "mobile banking"]
SOCIALS = ["Instagram", "Facebook", "Snapchat", "TikTok", "WhatsApp", "email", "iCloud", "X"]
CONTENT = [
    "gaming",
    "music",
    "cooking",
    "comedy",
    "makeup",
    "fitness",
    "prank",
    "reaction",
    "vlog",
    "guitar cover",
    "drawing",
]
GENRES = ["rap", "R&B", "gospel", "drill", "indie", "pop", "afrobeats", "lofi", "country"]
SUBJECTS = ["history", "nursing", "law", "business", "psychology", "English", "accounting"]
GOV_LINKS = [
    "https://www.actionfraud.police.uk/",
    "https://reportfraud.ftc.gov/",
    "https://www.ncsc.gov.uk/collection/phishing-scams",
    "https://www.fca.org.uk/scamsmart",
    "https://consumer.ftc.gov/articles/how-recognize-and-avoid-phishing-scams",
    "https://www.usa.gov/stop-scams-frauds",
    "https://www.ic3.gov/",
    "https://www.sec.gov/investor/alerts",
]
REPORTERS = ["Sarah", "Tom", "Ms Okafor", "Mr Novak", "Priya", "Daniel", "the author", "Claire"]


def emo(most: int = 3) -> str:
    return "".join(RNG.choice(HYPE_EMOJI) for _ in range(RNG.randint(1, most)))


def ham_emo(most: int = 3) -> str:
    return "".join(RNG.choice(HAM_EMOJI) for _ in range(RNG.randint(1, most)))


def handle_body() -> str:
    first = RNG.choice(FEMALE + MALE).lower()
    sep = RNG.choice(["_", ".", "", "_", "__"])
    word = RNG.choice(HANDLE_WORDS)
    style = RNG.randrange(5)
    if style == 0:
        return f"{first}{sep}{word}"
    if style == 1:
        return f"{word}{sep}{first}"
    if style == 2:
        title = RNG.choice(["mrs", "mr", "dr", "coach", "miss", "sir", "expert"])
        return f"{title}{sep}{first}{sep}{word}"
    if style == 3:
        return (
            f"{first}{sep}{RNG.choice(LAST).lower()}{RNG.choice(['', '', str(RNG.randint(1, 99))])}"
        )
    return f"{first}{sep}{word}{RNG.randint(1, 999)}"


def handle() -> str:
    return RNG.choice(["@", "@", "@", "#", "@ "]) + handle_body()


def creator_body() -> str:
    first = RNG.choice(FIRST + FEMALE + MALE).lower()
    word = RNG.choice(CREATOR_WORDS)
    style = RNG.randrange(5)
    if style == 0:
        return f"{first}{RNG.choice(['_', '.', ''])}{word}"
    if style == 1:
        return f"{word}by{first}"
    if style == 2:
        return f"lil{RNG.choice(['_', ''])}{first}{RNG.choice(['', 'z', 'y', 'x'])}"
    if style == 3:
        return f"the.{first}.{word}"
    return f"{first}{RNG.choice(LAST).lower()}{RNG.randint(1, 99)}"


def creator() -> str:
    return "@" + creator_body()


def channel_url() -> str:
    body = creator_body()
    return RNG.choice(
        [
            f"https://youtube.com/@{body}",
            f"youtube.com/@{body}",
            f"https://www.youtube.com/channel/UC{slug(22)}",
            f"https://youtu.be/{slug(11)}",
            f"instagram.com/{body}",
            f"https://www.instagram.com/{body}/",
            f"soundcloud.com/{body}",
            f"https://soundcloud.com/{body}/{RNG.choice(['new-single', 'demo', 'freestyle', 'mixtape-vol-2'])}",
            f"tiktok.com/@{body}",
            f"https://www.tiktok.com/@{body}",
            f"linktr.ee/{body}",
            f"https://{RNG.choice(SHORT)}/{slug()}",
        ]
    )


def mobile() -> str:
    """WhatsApp-style numbers in fictional ranges (US 555-01xx, UK 07700 900xxx)."""
    d = f"{RNG.randint(0, 999):03d}"
    return RNG.choice(
        [
            f"+44 7700 900{d}",
            f"07700900{d}",
            f"+1 (555) 01{d[:2]}",
            f"+1 555 01{d[:2]}",
            f"+15550{RNG.randint(100, 199)}",
            f"+1-{RNG.choice(['212', '305', '646', '713'])}-555-01{d[:2]}",
        ]
    )


def premium() -> str:
    """UK premium-rate numbers in the fictional 0909 879 0xxx range."""
    d = f"{RNG.randint(0, 999):03d}"
    return RNG.choice([f"09098790{d}", f"0909 879 0{d}", f"0909-879-0{d}"])


def recovery_contact() -> str:
    user = RNG.choice(RECOVERY_USERS) + RNG.choice(["", "", str(RNG.randint(1, 99))])
    domain, tld = RNG.choice(
        [("gmail", "com"), ("outlook", "com"), ("proton", "me"), ("mail", "com")]
    )
    at, dot = RNG.choice(
        [("@", "."), (" at ", " dot "), ("(at)", "(dot)"), (" @ ", " . "), ("[at]", ".")]
    )
    if RNG.random() < 0.25:
        return f"{user} at {domain}"
    return f"{user}{at}{domain}{dot}{tld}"


def amount() -> str:
    return RNG.choice(
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


def big_amount() -> str:
    return RNG.choice(
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


def uname() -> str:
    """An ordinary commenter's handle, for civil replies."""
    first = RNG.choice(FIRST + FEMALE + MALE)
    last = RNG.choice(LAST)
    return RNG.choice(
        [
            f"@{first.lower()}_{last[0].lower()}",
            f"@{first.lower()}.{last.lower()}",
            f"@{first}{last}",
            f"@{first} {last}",
            f"@old_{RNG.choice(['gardener', 'teacher', 'reader', 'nurse'])}{RNG.randint(50, 79)}",
            f"@{first.lower()}{RNG.randint(1, 99)}",
        ]
    )


def mentor_slots() -> dict[str, str]:
    female = RNG.random() < 0.65
    titles = ["Mrs", "Mrs", "Miss", "Madam", "Dr", "Coach"] if female else ["Mr", "Mr", "Dr", "Sir"]
    first = RNG.choice(FEMALE if female else MALE)
    display = RNG.choice(
        [
            f"{RNG.choice(titles)} {first} {RNG.choice(LAST)}",
            f"{RNG.choice(titles)} {first}",
            f"{RNG.choice(titles)} {RNG.choice(LAST)}",
            f"{first} {RNG.choice(LAST)}",
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
    "days": lambda: RNG.choice(
        ["7 days", "2 weeks", "48 hours", "one month", "10 days", "3 weeks"]
    ),
    "hours": lambda: RNG.choice(["24", "48", "12", "72", "6"]),
    "coin": lambda: RNG.choice(COINS),
    "app": lambda: RNG.choice(APPS),
    "city": lambda: RNG.choice(CITIES),
    "prize": lambda: RNG.choice(PRIZES),
    "short": lambda: str(RNG.randint(60000, 89999)),
    "rate": lambda: RNG.choice(
        [
            f"${RNG.randint(35, 120)}/hour",
            f"${RNG.randint(35, 120)} an hour",
            f"${RNG.randint(35, 120)}/hr",
        ]
    ),
    "n": lambda: str(RNG.randint(3, 50)),
    "k": lambda: str(RNG.choice([1, 2, 5, 10, 20, 50, 100])),
    "word": lambda: RNG.choice(["blessed", "WIN", "INFO", "ME", "GOD FIRST", "ready", "💰", "YES"]),
    "plat": lambda: RNG.choice(["YouTube", "IG", "TikTok", "SoundCloud", "Spotify", "insta"]),
    "social": lambda: RNG.choice(SOCIALS),
    "brand": lambda: RNG.choice(BRANDS),
    "courier": lambda: RNG.choice(COURIERS),
    "acct": lambda: RNG.choice(ACCOUNTS),
    "fee": lambda: RNG.choice(["£1.99", "$2.99", "£2.45", "$1.50", "€1.99", "£3.20"]),
    "ppm": lambda: str(RNG.choice([150, 125, 100, 50])),
    "hacker": lambda: RNG.choice(HACKERS),
    "fname": lambda: RNG.choice(FEMALE + FIRST),
    "age": lambda: str(RNG.randint(19, 29)),
    "content": lambda: RNG.choice(CONTENT),
    "genre": lambda: RNG.choice(GENRES),
    "subject": lambda: RNG.choice(SUBJECTS),
    "subs": lambda: RNG.choice(["1k", "1000", "500", "10k", "100 subs", "5k"]),
    "kids": lambda: RNG.choice(["two", "three", "four", "2", "3"]),
    "year": lambda: str(RNG.randint(2019, 2025)),
    "track": lambda: RNG.choice(["two", "three", "five", "seven", "nine", "4", "6", "10"]),
    "pct": lambda: str(RNG.randint(3, 40)),
    "time": lambda: RNG.choice(["7", "half 6", "8:30", "6pm", "noon", "quarter past 5"]),
    "legit": lambda: RNG.choice(LEGIT_LINKS),
    "gov": lambda: RNG.choice(GOV_LINKS),
    "reporter": lambda: RNG.choice(REPORTERS),
    "month": lambda: RNG.choice(["March", "June", "September", "the end of the month", "January"]),
}


class _Slots(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        if key in ("m", "subj", "Subj", "obj"):
            self.update(mentor_slots())
        else:
            self[key] = SLOTS[key]()
        return str(self[key])


def fill(template: str) -> str:
    return template.format_map(_Slots())


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


def textspeak(text: str) -> str:
    """Text-message shorthand ("ur", "2 claim", "txt") on about half the messages; URLs untouched."""
    if RNG.random() < 0.45:
        return text
    words = []
    for word in text.split(" "):
        if not any(c in word for c in "/.@"):
            for pattern, short in TEXTSPEAK:
                word = pattern.sub(short, word)
        words.append(word)
    return " ".join(words)


def vary(text: str) -> str:
    """A spammer's casualness: casing, dropped punctuation and apostrophes, extra !!!, emoji."""
    r = RNG.random()
    if r < 0.2:
        text = text.lower()
    elif r < 0.27:
        text = text.upper()
    if RNG.random() < 0.25:
        text = re.sub(r"[,.](?=\s|$)", "", text).replace("'", "")
    if RNG.random() < 0.15:
        text = text.replace("!", "!!!")
    has_emoji = any(e in text for e in HYPE_EMOJI + HAM_EMOJI)
    r = RNG.random()
    if not has_emoji and r < 0.3:
        text = f"{text} {emo()}"
    elif not has_emoji and r < 0.38:
        text = f"{emo()} {text}"
    return text


def casual(text: str) -> str:
    """An ordinary commenter's casualness: sometimes all lower case, no final stop, an emoji."""
    r = RNG.random()
    if r < 0.15:
        text = text.lower()
    if RNG.random() < 0.2:
        text = text.rstrip(".")
    if RNG.random() < 0.08 and "http" not in text:
        text = f"{text} {ham_emo(2)}"
    return text


def _spam(template: str) -> Any:
    return lambda: vary(fill(template))


def _sms(template: str) -> Any:
    return lambda: vary(textspeak(fill(template)))


def _ham(template: str) -> Any:
    return lambda: casual(fill(template))


TESTIMONIAL_SPAM = [
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
]

RECOVERY_SPAM = [
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
]

DM_BAIT_SPAM = [
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
]

PROMO_SPAM = [
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
]

SMS_SPAM = [
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
]

JOB_SPAM = [
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
]

DATING_SPAM = [
    "hot singles near you want to meet tonight {url}",
    "check my profile, I'm lonely tonight",
    "Hi I'm {fname}, {age} y.o., looking for a serious man, write me on {app} {wa}",
    "Bored at home? Click my photo for my private pics 🔞",
    "{n} women in {city} are looking for a date right now {url}",
    "don't read my name 🙈",
    "Who wants to chat? I'm new here, text me {h}",
    "sweetheart, your smile is lovely, add me on {app} so we can talk",
]

ESSAY_SPAM = [
    "Need help with your {subject} essay? We write any assignment in {hours} hours, plagiarism-free. {url}",
    "Students! Dissertation, homework and online exams done for you. WhatsApp {wa}",
    "I can do your math homework and online classes for a small fee, email {email}",
    "Top grade guaranteed. Pay someone to write your {subject} paper at {url}",
    "Struggling with assignments? Our tutors take your online test for you. {h}",
]

FOLLOWER_SPAM = [
    "Get {k}k followers in {hours} hours, real and active, {url}",
    "Buy likes, views and followers for Instagram, TikTok and YouTube, cheapest prices {url}",
    "Want to go viral? We sell {k}k TikTok views for {amt}. DM {h}",
    "Boost your page: {k}k followers for just {amt}, pay by PayPal or crypto. {app} {wa}",
    "Instant YouTube subscribers and watch hours for monetization. Contact {email}",
    "Cheap verified accounts and follower packages, message {h}",
]

EXTRA_SPAM_3 = [
    _spam(t)
    for t in TESTIMONIAL_SPAM
    + RECOVERY_SPAM
    + DM_BAIT_SPAM
    + PROMO_SPAM
    + JOB_SPAM
    + DATING_SPAM
    + ESSAY_SPAM
    + FOLLOWER_SPAM
] + [_sms(t) for t in SMS_SPAM]

INVESTING_HAM = [
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
]

SCAM_AWARENESS_HAM = [
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
]

THANKS_HAM = [
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
]

MEDIA_HAM = [
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
]

REACTION_HAM = [
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
]

CHAT_HAM = [
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
]

LINK_HAM = [
    "The full report is here if anyone wants the numbers: {legit}",
    "Official guidance on reporting scams: {gov}",
    "For anyone who wants to check the figures: {legit}",
    "Here's the original source the article quotes: {legit}",
    "If you got one of these texts or calls, you can report it here: {gov}",
    "Worth reading alongside this: {legit}",
    "The regulator's own advice on investment scams is here: {gov}",
    "Background on the case: {legit}",
]

MENTION_HAM = [
    "{uname} good point, I hadn't thought about the cost side.",
    "{uname} I think you misread the chart, the figures are per 100,000 people.",
    "Thanks {uname}, that link was really helpful",
    "{uname} sorry to hear about your dad, hope he's doing better now",
    "Agree with {uname} above, the council should have consulted residents first.",
    "{uname} do you have a source for that? Genuinely curious, not trying to argue",
    "{uname} haha same, my cat does exactly that",
    "Replying to {uname}: the deadline was moved to {month}, it's in the last paragraph.",
    "{uname} welcome back! Haven't seen you in the comments for a while",
]

LOOKALIKE_HAM = [
    "Follow the money and you'll see who benefits from this policy.",
    "Check your local council website, mine had the new bin schedule up already.",
    "I work from home three days a week now and honestly I get more done.",
    "The job centre helped me find a part-time role after redundancy, credit where it's due.",
    "My sister earns about £{n},000 as a nurse and can't afford a flat near the hospital. That's the real story here.",
    "Congratulations to the winners of the school science prize, lovely to see them in the paper.",
]

EXTRA_HAM_3 = [
    _ham(t)
    for t in INVESTING_HAM
    + SCAM_AWARENESS_HAM
    + THANKS_HAM
    + MEDIA_HAM
    + REACTION_HAM
    + CHAT_HAM
    + LINK_HAM
    + MENTION_HAM
    + LOOKALIKE_HAM
] + [
    # emoji-only reactions
    lambda: ham_emo(4),
    lambda: RNG.choice(HAM_EMOJI) * RNG.randint(2, 5),
    lambda: f"{RNG.choice(HAM_EMOJI)}{RNG.choice(HAM_EMOJI)}",
    lambda: RNG.choice(["👏👏👏", "😂😂", "❤️", "🙏", "😭😭😭", "🔥🔥"]),
]


# Fifth batch: civil comments on casualties, wars and attacks. The shipped model still leaned
# toxic on plain reporting words ("killed", "dead", "mass shooting", "invasion") and on calls
# for talks; these give those words civil company in many wordings. Drawn from a generator of
# their own (``WAR_RNG``), after every other batch, so the earlier files do not change.
WAR_RNG = random.Random(20261130)
# Below the default weight of own examples (2.0): at full weight these 90 lines moved the
# toxicity calibration enough to cost recall at 1% FPR on the corpora's test parts.
WAR_HAM_WEIGHT = 1.0
CONFLICTS = [
    "the invasion",
    "the war",
    "the occupation",
    "the civil war",
    "the siege",
    "the offensive",
    "the border clashes",
    "the insurgency",
]
CASUALTY_NOUNS = [
    "soldiers",
    "civilians",
    "conscripts",
    "fighters on both sides",
    "medics",
    "children",
    "volunteers",
    "reservists",
    "men and women",
    "families",
]
CASUALTY_VERBS = ["killed", "killed or wounded", "dead", "lost", "missing", "displaced"]
HOPES = [
    "Diplomacy deserves one more try.",
    "The talks have to resume.",
    "Negotiators should get back to the table.",
    "A ceasefire would save lives on both sides.",
    "Both governments should give mediation a chance.",
    "Peace talks are slow, but they are the only way out.",
    "Another round of negotiations is worth it.",
    "I hope the mediators keep trying.",
]
QUANTS = ["Thousands of", "Tens of thousands of", "Hundreds of", "More than 500", "Dozens of"]
WAR_HAM = [
    lambda: (
        f"{WAR_RNG.choice(QUANTS)} {WAR_RNG.choice(CASUALTY_NOUNS)} have been {WAR_RNG.choice(['killed', 'wounded', 'displaced'])} since {WAR_RNG.choice(CONFLICTS)} began. {WAR_RNG.choice(HOPES)}"
    ),
    lambda: (
        f"The article puts the number of {WAR_RNG.choice(CASUALTY_NOUNS)} {WAR_RNG.choice(CASUALTY_VERBS)} at {WAR_RNG.randint(2, 90)},000. {WAR_RNG.choice(HOPES)}"
    ),
    lambda: (
        f"{WAR_RNG.choice(HOPES)} Every month of {WAR_RNG.choice(CONFLICTS)} means more {WAR_RNG.choice(CASUALTY_NOUNS)} killed."
    ),
    lambda: (
        f"Another mass shooting, {WAR_RNG.randint(3, 30)} people dead. {WAR_RNG.choice(['Lawmakers', 'Congress', 'Parliament', 'The state legislature'])} keeps promising action on guns and nothing changes."
    ),
    lambda: (
        f"{WAR_RNG.randint(3, 60)} dead in {WAR_RNG.choice(VIOLENT_EVENTS)}. My heart goes out to the families; the investigation must be thorough."
    ),
    lambda: (
        f"The men killed at the front were mostly {WAR_RNG.choice(['conscripts', 'reservists', 'volunteers', 'young recruits'])}. Their families deserve the truth about how they died."
    ),
    lambda: (
        f"My {WAR_RNG.choice(['uncle', 'grandfather', 'brother', 'neighbour', 'father'])} served in {WAR_RNG.choice(CONFLICTS)} and saw friends killed. He says nobody who was there wants another war."
    ),
    lambda: (
        f"Both armies have lost {WAR_RNG.choice(['tens of thousands of', 'thousands of', 'countless'])} men. {WAR_RNG.choice(HOPES)}"
    ),
    lambda: (
        f"The bombing of the {WAR_RNG.choice(['hospital', 'school', 'market', 'power station', 'refugee camp'])} killed {WAR_RNG.choice(['doctors and patients', 'teachers and pupils', 'shoppers', 'workers', 'whole families'])}. It should be investigated as a possible war crime."
    ),
    lambda: (
        f"Civilians are dying in {WAR_RNG.choice(CONFLICTS)} every day, and the article is right that aid is not getting through."
    ),
    lambda: (
        f"The death toll from {WAR_RNG.choice(VIOLENT_EVENTS)} has risen to {WAR_RNG.randint(5, 300)}. Please check on friends who live in the area."
    ),
    lambda: (
        f"{WAR_RNG.choice(ACTORS).capitalize()} say {WAR_RNG.randint(2, 80)} fighters were killed; local officials say many of the dead were civilians. We need independent reporting."
    ),
    lambda: (
        f"Genocide, massacre, ethnic cleansing: the words matter, and {WAR_RNG.choice(['the court', 'the UN report', 'the historians quoted here', 'the inquiry'])} uses them carefully."
    ),
    lambda: (
        f"The soldiers who died in the ambush were {WAR_RNG.randint(19, 24)} and {WAR_RNG.randint(19, 24)} years old. War is a terrible waste of young lives."
    ),
    lambda: (
        f"I disagree with the author about {WAR_RNG.choice(CONFLICTS)}: more weapons will mean more dead {WAR_RNG.choice(CASUALTY_NOUNS)}, not a quicker end."
    ),
    lambda: (
        f"The executed prisoners were named in the report today. Whoever gave the order should face trial in {WAR_RNG.choice(['The Hague', 'an international court', 'a war crimes tribunal'])}."
    ),
    lambda: (
        f"Terrorists killed {WAR_RNG.choice(NUMBERS)} {WAR_RNG.choice(VICTIMS)} in {WAR_RNG.choice(VIOLENT_EVENTS)}. Security services need the resources to stop the next one."
    ),
    lambda: (
        f"The shooting left {WAR_RNG.randint(2, 12)} dead and the town in shock. The vigil tonight starts at {WAR_RNG.randint(5, 8)} pm outside the library."
    ),
    lambda: (
        f"Whatever you think of {WAR_RNG.choice(PARTIES)}, more {WAR_RNG.choice(CASUALTY_NOUNS)} killed helps nobody. {WAR_RNG.choice(HOPES)}"
    ),
    lambda: (
        f"After {WAR_RNG.choice(['two', 'three', 'four', 'five'])} years of {WAR_RNG.choice(CONFLICTS)[4:]}, the dead number in the hundreds of thousands. History will judge the leaders who could have stopped it."
    ),
]


def emit(path: Path, rows: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def with_author(row: dict[str, Any], *, spam: bool = False) -> dict[str, Any]:
    """Attach the author fields a comment form sends, independently of the label.

    Every row draws an ordinary identity (or none) the same way; a spam row then keeps, with
    probability SPAM_SIGNAL_SHARE, one real spam signal in place of that identity's field.
    """
    fields = (
        ordinary_identity(IDENTITY_RNG) if IDENTITY_RNG.random() < IDENTITY_SHARE else ("", "", "")
    )
    if spam and IDENTITY_RNG.random() < SPAM_SIGNAL_SHARE:
        signal = IDENTITY_RNG.choice(SPAM_AUTHORS)()
        fields = tuple(mark or field for mark, field in zip(signal, fields, strict=True))
    for key, value in zip(("author_name", "author_email", "author_url"), fields, strict=True):
        if value:
            row[key] = value
    return row


def main() -> None:
    spam = []
    for _ in range(4):
        for template in SPAM_TEMPLATES + EXTRA_SPAM + EXTRA_SPAM_2 + EXTRA_SPAM_3:
            text = template()
            spam.append(with_author({"text": text, "labels": {"spam": 1}}, spam=True))
    clean = dict.fromkeys(
        ("toxicity", "severe_toxicity", "identity_attack", "insult", "profanity", "threat"), 0
    )
    ham = []
    for _ in range(5):
        for template in HAM_TEMPLATES + EXTRA_HAM + EXTRA_HAM_2 + EXTRA_HAM_3:
            ham.append(with_author({"text": template(), "labels": {"spam": 0, **clean}}))
    toxic = []
    for _ in range(6):
        for template, labels in TOXIC_TEMPLATES:
            # Sub-attributes a template does not settle stay unknown, except severe_toxicity,
            # which the templates mark wherever it applies.
            toxic.append(
                with_author({"text": template(), "labels": {"severe_toxicity": 0, **labels}})
            )
    for _ in range(4):
        for template in HARD_NEGATIVE_TEMPLATES:
            toxic.append(with_author({"text": template(), "labels": {"spam": 0, **clean}}))
    for _ in range(5):
        for template in EXTRA_THREATS:
            labels = {"spam": 0, "toxicity": 1, "threat": 1, "identity_attack": 0}
            toxic.append(with_author({"text": template(), "labels": labels}))
    for _ in range(5):
        for template in WAR_HAM:
            row = {"text": template(), "labels": {"spam": 0, **clean}, "weight": WAR_HAM_WEIGHT}
            ham.append(with_author(row))
    emit(HERE / "spam_examples.jsonl", spam)
    emit(HERE / "ham_examples.jsonl", ham)
    emit(HERE / "toxicity_examples.jsonl", toxic)


if __name__ == "__main__":
    main()
