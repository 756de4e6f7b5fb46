# ruff: noqa: E501  (word lists read better unbroken)
"""A hand-written, multilingual lexicon of abusive language, counted as features per category.

Hashed n-grams learn the words of the corpora they were trained on; a comment from another
site, in another slang or another language, shares few of them. These categories carry what a
moderator already knows into the model: the toxicity heads learn *one* weight per category
from every corpus (an English insult, a Spanish one and a Turkish one all raise the same
``lex_insult`` column), so a word the training corpora never showed still counts.

Entries are written by this project (not taken from any corpus) and matched on the normalised
text (:func:`classifier.normalize.normalize`: lower case, accents stripped, leetspeak and spaced
letters undone), so they are written here without accents. Three kinds of entry:

* **words**: whole tokens (``idiot`` matches "idiot", not "idiots"; list the forms);
* **roots**: matched anywhere inside a token (``fuck`` matches "motherfucking"); only roots that
  are not part of ordinary words in the covered languages;
* **phrases**: several words, matched at word boundaries.

Ambiguous words are left out on purpose (Spanish *negro* "black", Turkish *mal*, *it*, *got*,
French *con*, identity terms such as *gay*, *queer*, *muslim*, *jew*): the n-gram features and
the identity-term training sentences decide those in context.

:func:`lexicon_counts` returns one value per :data:`LEXICON_NAMES` for the metadata block of
:mod:`classifier.signals`; :func:`lexicon_matches` returns where the hits are (explanations).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import ahocorasick

__all__ = ["CATEGORIES", "LEXICON_DIGEST", "LEXICON_NAMES", "lexicon_counts", "lexicon_matches"]

#: Categories, in feature order. ``directed`` is not a list: it counts listed insults, profanity
#: and slurs with a second-person word ("you", "ur", "eres", "sei", "sen", "du", ...) among the
#: four words before them. ``any`` is 1 when anything matched.
CATEGORIES: tuple[str, ...] = ("profanity", "insult", "slur", "sexual", "hate", "threat")
LEXICON_NAMES: tuple[str, ...] = (*(f"lex_{c}" for c in CATEGORIES), "lex_directed", "lex_any")

# --------------------------------------------------------------------------------------------
# Words (whole tokens)
# --------------------------------------------------------------------------------------------

_WORDS: dict[str, str] = {
    "profanity": """
        fuck fucks fucked fucking fuckin fukin fucker fuckers fck fcking fk fuk fuking fkn fking
        effing shit shits shitty shite shitting bullshit horseshit dipshit crap crappy damn
        goddamn dammit ass asses arse asshole assholes arsehole arseholes bastard bastards
        bitch bitches bitching bitchy bollocks bugger cunt cunts dick dicks dickhead dickheads
        piss pissed pissing prick pricks twat twats wanker wankers wtf stfu gtfo motherfucker
        motherfuckers mf mofo douche douchebag shithead shitheads jackass dumbass smartass
        badass fml omfg frigging friggin
        mierda mierdas joder jodido jodida jodete cono carajo puta puto putas putos verga chingar
        chingada chingado chinga pinche culero culeros cabron cabrones cojones polla hostias
        cazzo cazzi cazzata cazzate merda merde vaffanculo fanculo minchia stronzate incazzato
        fottiti fottuto fottuta culo puttana puttane troia troie zoccola mignotta
        amk aq amina sikerim sikeyim siktir sikik sokayim orospu kahpe pezevenk yavsak gotveren
        anani boktan
        porra caralho foda foder fodase fodido fodida cu
        putain putains chier couille couilles bite niquer nique
        scheisse scheiss arsch ficken fick verdammt kacke
        kut klote godverdomme tering kurwa chuj pierdol pierdole jebac pizda suka blyat cyka
        nahui pizdec
    """,
    "insult": """
        idiot idiots idiotic moron morons moronic stupid stupidity stupidest dumb dumber dumbest
        imbecile imbeciles cretin cretins loser losers retard retards retarded pathetic scum
        scumbag scumbags trash clown clowns fool fools foolish ignorant dimwit dimwits halfwit
        nitwit numbskull dork jerk jerks pig pigs swine rat rats coward cowards cowardly liar
        liars hypocrite hypocrites disgusting vile worthless useless incompetent brainless
        braindead lunatic lunatics psycho psychos maniac creep creepy freak freaks weirdo
        degenerate degenerates filth filthy sleazy troll trolls shill shills sheeple libtard
        libtards snowflake snowflakes cuck cucks bimbo airhead twit prat tosser muppet plonker
        pillock dunce buffoon buffoons dolt oaf simpleton fatso hag ugly gross clueless
        delusional deranged spineless gutless sicko sickos lowlife scumbucket asshat
        pendejo pendeja pendejos pendejas gilipollas idiota idiotas imbecil imbeciles estupido
        estupida estupidos estupidas tonto tonta tontos subnormal retrasado retrasada mongolo
        basura asqueroso asquerosa asquerosos payaso payasos inutil inutiles malparido gonorrea
        huevon boludo boluda pelotudo pelotuda capullo zorra perra cerdo cerda escoria mamon
        lameculos tarado tarada ignorante ignorantes patetico patetica miserable cobarde
        sinverguenza hdp
        stronzo stronzi stronza coglione coglioni idioti imbecille imbecilli cretino cretini
        deficiente deficienti stupido stupidi scemo scema scemi buffone pagliaccio pagliacci
        schifoso schifosa schifosi ritardato ritardata ritardati mongoloide handicappato
        ignoranti somaro bastardo bastardi verme vermi porco maiale sfigato sfigati fallito
        falliti vigliacco infame infami merdoso rompicoglioni cesso
        gerizekali gerizekalilar aptal aptallar salak salaklar serefsiz serefsizler haysiyetsiz
        namussuz dangalak ahmak beyinsiz denyo lavuk pust kancik surtuk pislik cahil cahiller
        kafasiz ezik rezil asagilik embesil hiyar
        otario otaria babaca arrombado vagabundo vagabunda desgracado desgracada corno
        retardado retardada escroto nojento nojenta canalha palhaco cuzao
        connard connards connasse salope salopes pute putes encule encules abruti abrutis
        debile debiles batard batards ordure ordures bouffon conne cretine
        arschloch arschlocher fotze wichser hurensohn schlampe hure vollidiot missgeburt spast
        spasti dummkopf drecksau penner depp trottel vollpfosten mistkerl
        klootzak lul hoer mongool debiel debil durak mudak
    """,
    "slur": """
        nigger niggers nigga niggas niggah niggaz negroes fag fags faggot faggots fagot dyke
        dykes tranny trannies shemale kike kikes spic spics wetback wetbacks beaner beaners chink
        chinks gook gooks raghead ragheads towelhead towelheads sandnigger paki pakis coon coons
        jigaboo porchmonkey darkie darkies mongoloid homo homos lesbo lesbos muzzie muzzies
        maricon maricones marica sudaca sudacas negrata travelo
        frocio froci finocchio ricchione ricchioni culattone negri zingaro zingari terrone
        terroni
        ibne ibneler
        viado bicha sapatao
        pede pedes pd tapette gouine negre bougnoule youpin bamboula
        schwuchtel kanake kanaken neger
        flikker cwel pedal pidor pidoras
    """,
    "sexual": """
        cock cocks dick dicks pussy pussies blowjob cum cumming jizz horny porn porno slut sluts
        slutty whore whores hoe hoes thot thots tits titties boobs dildo anal orgasm penis
        cocksucker cocksuckers wank wanking
        follar pene polla tetas
        scopare pompino figa zoccole
        sik sike siki amcik yarrak
        pica buceta
        baiser
    """,
    "hate": """
        subhuman subhumans untermensch untermenschen vermin parasites infestation savages
        mongrel mongrels invaders mudshark mudsharks zog negroid negroids jewboy jewboys
        islamofascist islamofascists
    """,
    "threat": """
        kys
    """,
}

# --------------------------------------------------------------------------------------------
# Roots (inside a token) and phrases (several words)
# --------------------------------------------------------------------------------------------

_ROOTS: dict[str, str] = {
    "profanity": "fuck shit cunt bitch asshole motherf dickhead bullsh wank scheiss mierd cazz vaffancul caralh kurw siktir orospu",
    "insult": "idiot stupid moron retard imbecil pendej gilipoll stronz coglion arschloch hurensohn wichser serefsiz gerizekal connard salop encul",
    "slur": "nigg fagg",
    "sexual": "whore slut puttan",
    "hate": "",
    "threat": "",
}

_PHRASES: dict[str, str] = {
    "profanity": """
        son of a bitch | piece of shit | go to hell | screw you | piss off | shut the fuck up |
        me cago en | vete a la mierda | que te jodan |
        porco dio | porca madonna | vai a cagare | vai a fare in culo |
        amina koyayim | anani sikeyim |
        vai se foder | vai tomar no cu | puta que pariu |
        nique ta mere | va te faire foutre | fait chier |
        fick dich | verpiss dich
    """,
    "insult": """
        shut up | you people | waste of space | waste of oxygen | get lost | grow a brain |
        hijo de puta | hijos de puta | callate | cierra la boca |
        pezzo di merda | figlio di puttana | testa di cazzo | fai schifo | fate schifo |
        stai zitto | sta zitto |
        orospu cocugu | kapa ceneni |
        filho da puta | cala a boca |
        fils de pute | ta gueule | ferme ta gueule | gros porc |
        halt die fresse | halts maul
    """,
    "slur": """
        camel jockey | ching chong | sand nigger | porch monkey
    """,
    "sexual": """
        suck my | suck it | blow me
    """,
    "hate": """
        race traitor | race traitors | race mixing | white genocide | inferior race |
        inferior races | mud race | mud races | go back to africa | go back to your country |
        go back where you came from | breed like rabbits | breed like rats | they are animals |
        should be deported | deport them all | gas the | sale arabe | sale juif | sale noir
    """,
    "threat": """
        kill you | kill u | kill yourself | kill urself | i will kill | i'll kill | ill kill |
        gonna kill | going to kill | shoot you | hang you | hang them | should be hanged |
        should be shot | deserve to die | deserves to die | hope you die | hope u die |
        you will die | you're dead | youre dead | ur dead | watch your back | i will find you |
        i'll find you | slit your throat | rape you | beat you up | beat the shit | punch you |
        stab you | bullet in your | put a bullet | blow your head | murder you | die in a fire |
        burn in hell | kill them all | kill all the | should be killed | need to be killed |
        te voy a matar | te mato | muerete | matate | ojala te mueras |
        ti ammazzo | ti uccido | devi morire | crepa | spero che muori | ammazzateli |
        seni oldurecegim | gebertecegim | geberin | oldurun |
        vou te matar | te mato |
        je vais te tuer | crever | creve |
        ich bring dich um | ich bringe dich um | stirb
    """,
}

# Ordinary words that contain a root (the Scunthorpe problem): a root hit inside one of these
# does not count.
_NOT_ROOT = frozenset(
    """scunthorpe shiitake shitake swank swanky swankier snigger sniggers sniggered sniggering
    niggle niggles niggling niggard niggardly faggio faggi salopette salopettes retardant
    retardants puttanesca""".split()  # noqa: SIM905
)

# Second-person words: an insult right after one of these is aimed at someone.
_SECOND_PERSON = frozenset(
    """you u ur youre your ya yu thou eres sei sen sensin tu te du bist voce vc vous jij""".split()  # noqa: SIM905
)
_SECOND_PERSON_B = frozenset(w.encode() for w in _SECOND_PERSON)
_DIRECTED_FROM = frozenset({"profanity", "insult", "slur"})


def _split(block: str, sep: str | None = None) -> list[str]:
    items = block.split(sep) if sep else block.split()
    return [" ".join(item.split()) for item in items if item.strip()]


# Stretched forms that are ordinary words of their own.
_NOT_STRETCHED = frozenset(["looser", "ville", "pratt", "bitte"])

#: Version of the matching rules below (stretching, roots, "directed"): bump it with any change
#: to how a hit is found, so that the fingerprint changes with the features.
_MATCH_RULES = 1


def _fingerprint(
    words: dict[str, str],
    roots: dict[str, str],
    phrases: dict[str, str],
    exceptions: Iterable[frozenset[str]],
    rules: int = _MATCH_RULES,
) -> str:
    payload = [rules, words, roots, phrases, *(sorted(x) for x in exceptions)]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


#: Fingerprint of every list in this module (words, roots and phrases, and the exception and
#: second-person lists) and of the matching rules: a change to any of them changes the lexicon
#: features, so a model fitted before the change refuses to load.
LEXICON_DIGEST = _fingerprint(
    _WORDS, _ROOTS, _PHRASES, (_NOT_ROOT, _SECOND_PERSON, _DIRECTED_FROM, _NOT_STRETCHED)
)


def _stretched(word: str) -> list[str]:
    """``word`` and, from four letters on, its forms with one letter doubled ("fuucking").

    normalize() cuts a run of three or more equal letters to two ("fuuuuck" -> "fuuck"), so
    these forms are what a stretched word looks like after normalisation.
    """
    forms = [word]
    if len(word) >= 4 and " " not in word:
        for i, ch in enumerate(word):
            # A letter that is not already doubled ("asshole" keeps its "ss").
            alone = (i + 1 >= len(word) or word[i + 1] != ch) and (i == 0 or word[i - 1] != ch)
            if ch.isalpha() and alone:
                form = word[: i + 1] + ch + word[i + 1 :]
                if form not in _NOT_STRETCHED:
                    forms.append(form)
    return forms


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], Any]:
    """Word -> category bits, and an Aho-Corasick automaton of the roots and phrases.

    The automaton's values are ``(length, category bits, is_phrase)``.
    """
    index = {c: i for i, c in enumerate(CATEGORIES)}
    words: dict[str, int] = {}
    for cat, block in _WORDS.items():
        for w in _split(block):
            for form in _stretched(w):
                words[form] = words.get(form, 0) | (1 << index[cat])
    entries: dict[str, tuple[int, bool]] = {}
    for cat, block in _ROOTS.items():
        for r in _split(block):
            for form in _stretched(r):
                bits, _ = entries.get(form, (0, False))
                entries[form] = (bits | (1 << index[cat]), False)
    for cat, block in _PHRASES.items():
        for p in _split(block, "|"):
            bits, _ = entries.get(p, (0, True))
            entries[p] = (bits | (1 << index[cat]), True)
    automaton = ahocorasick.Automaton()
    for key, (bits, is_phrase) in entries.items():
        automaton.add_word(key, (len(key), bits, is_phrase))
    automaton.make_automaton()
    return words, automaton


def _hits(norm: str) -> Iterator[tuple[int, int, int]]:
    """``(begin, end, category bits)`` of every root and phrase hit in ``norm``.

    A phrase must start and end at word boundaries; a root hit is widened to its whole token.
    """
    words, automaton = _tables()
    n = len(norm)
    for last, (length, bits, is_phrase) in automaton.iter(norm):
        begin, end = last + 1 - length, last + 1
        if is_phrase:
            if (begin > 0 and norm[begin - 1].isalnum()) or (end < n and norm[end].isalnum()):
                continue
        else:
            while begin > 0 and norm[begin - 1].isalnum():
                begin -= 1
            while end < n and norm[end].isalnum():
                end += 1
            token = norm[begin:end]
            if token in _NOT_ROOT or token in words:  # a listed word is counted as a word
                continue
        yield begin, end, bits


# Words as lexicon_counts() sees them (split at apostrophes too: "fuck's" holds "fuck").
_TOKEN_RE = re.compile(r"[^\W_]+")


def lexicon_matches(norm: str) -> list[tuple[str, int, int]]:
    """``(category, begin, end)`` of every hit in the normalised text ``norm`` (explanations)."""
    words, _ = _tables()
    found: set[tuple[str, int, int]] = set()
    spans = [(m.start(), m.end(), words.get(m.group(0), 0)) for m in _TOKEN_RE.finditer(norm)]
    for begin, end, bits in [*spans, *_hits(norm)]:
        for i, cat in enumerate(CATEGORIES):
            if bits >> i & 1:
                found.add((cat, begin, end))
    return sorted(found, key=lambda t: (t[1], t[2], t[0]))


_AIMED = sum(1 << i for i, c in enumerate(CATEGORIES) if c in _DIRECTED_FROM)


@lru_cache(maxsize=1)
def _byte_words() -> dict[bytes, int]:
    return {w.encode(): bits for w, bits in _tables()[0].items()}


_PUNCT_TO_SPACE_B = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)


def lexicon_counts(
    norm: str, tokens: list[bytes] | None = None, token_set: set[bytes] | None = None
) -> list[float]:
    """The :data:`LEXICON_NAMES` values of a normalised text: ``log1p`` of each count.

    ``tokens`` are the UTF-8 words of ``norm`` split at ASCII punctuation and spaces, if the
    caller has them already (:func:`classifier.signals.comment_meta` has), and ``token_set``
    the same as a set.
    """
    words = _byte_words()
    if tokens is None:
        tokens = norm.encode("utf-8", "ignore").translate(_PUNCT_TO_SPACE_B).split()
    counts = [0] * len(CATEGORIES)
    directed = 0
    any_word = not words.keys().isdisjoint(tokens if token_set is None else token_set)
    for k, tok in enumerate(tokens if any_word else ()):
        bits = words.get(tok)
        if not bits:
            continue
        for i in range(len(CATEGORIES)):
            if bits >> i & 1:
                counts[i] += 1
        if bits & _AIMED and not _SECOND_PERSON_B.isdisjoint(tokens[max(0, k - 4) : k]):
            directed += 1
    for _, _, bits in _hits(norm):
        for i in range(len(CATEGORIES)):
            if bits >> i & 1:
                counts[i] += 1
    total = sum(counts)
    return [*(math.log1p(c) for c in counts), math.log1p(directed), float(total > 0)]
