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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RNG = random.Random(20260510)

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

SPAM_AUTHORS = [
    lambda: ("", "", ""),
    lambda: ("", "", ""),
    lambda: (RNG.choice(SEO_ANCHORS).title(), spam_email(), f"http://{RNG.choice(SPAM_DOMAINS)}"),
    lambda: (name(), spam_email(), f"https://{RNG.choice(SPAM_DOMAINS)}/{slug(5)}"),
    lambda: (f"{RNG.choice(BRANDS)} Support", spam_email(), ""),
    lambda: (
        f"{RNG.choice(['cheap', 'buy', 'best'])} {RNG.choice(PILLS)}",
        "",
        f"https://{RNG.choice(SHORT)}/{slug()}",
    ),
    lambda: (f"{RNG.choice(FIRST).lower()}{RNG.randint(1000, 99999)}", spam_email(), ""),
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

HAM_AUTHORS = [
    lambda: ("", "", ""),
    lambda: (name(), "", ""),
    lambda: (
        name(),
        f"{RNG.choice(FIRST).lower()}.{RNG.choice(LAST).lower()}@{RNG.choice(['gmail.com', 'outlook.com', 'example.org', 'posteo.de'])}",
        "",
    ),
    lambda: (
        RNG.choice(FIRST),
        "",
        f"https://{RNG.choice(FIRST).lower()}{RNG.choice(LAST).lower()}.blog",
    ),
    lambda: (
        f"{RNG.choice(FIRST)} from {RNG.choice(['Leeds', 'Ohio', 'Lagos', 'Lyon', 'Pune', 'Cork', 'Adelaide'])}",
        "",
        "",
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


def emit(path: Path, rows: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def with_author(row: dict[str, Any], authors: list[Any]) -> dict[str, Any]:
    author_name, author_email, author_url = RNG.choice(authors)()
    if author_name:
        row["author_name"] = author_name
    if author_email:
        row["author_email"] = author_email
    if author_url:
        row["author_url"] = author_url
    return row


def main() -> None:
    spam = []
    for _ in range(4):
        for template in SPAM_TEMPLATES + EXTRA_SPAM + EXTRA_SPAM_2:
            text = template()
            spam.append(with_author({"text": text, "labels": {"spam": 1}}, SPAM_AUTHORS))
    clean = dict.fromkeys(
        ("toxicity", "severe_toxicity", "identity_attack", "insult", "profanity", "threat"), 0
    )
    ham = []
    for _ in range(5):
        for template in HAM_TEMPLATES + EXTRA_HAM + EXTRA_HAM_2:
            ham.append(
                with_author({"text": template(), "labels": {"spam": 0, **clean}}, HAM_AUTHORS)
            )
    toxic = []
    for _ in range(6):
        for template, labels in TOXIC_TEMPLATES:
            # Sub-attributes a template does not settle stay unknown, except severe_toxicity,
            # which the templates mark wherever it applies.
            toxic.append({"text": template(), "labels": {"severe_toxicity": 0, **labels}})
    for _ in range(4):
        for template in HARD_NEGATIVE_TEMPLATES:
            toxic.append({"text": template(), "labels": {"spam": 0, **clean}})
    for _ in range(5):
        for template in EXTRA_THREATS:
            labels = {"spam": 0, "toxicity": 1, "threat": 1, "identity_attack": 0}
            toxic.append({"text": template(), "labels": labels})
    emit(HERE / "spam_examples.jsonl", spam)
    emit(HERE / "ham_examples.jsonl", ham)
    emit(HERE / "toxicity_examples.jsonl", toxic)


if __name__ == "__main__":
    main()
