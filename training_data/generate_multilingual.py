# ruff: noqa: E501, S311  (template sentences read better unbroken; the RNG only picks templates)
"""Generate the project's own labelled NON-ENGLISH news-comment examples.

Run from the repository root: ``python training_data/generate_multilingual.py``. It rewrites
``multilingual_examples.jsonl`` next to this file, deterministically (fixed seed).

The public corpora the models train on are almost all English; the only multilingual one says
"toxic" or "not toxic" and nothing more. Without examples of our own, abuse written in Spanish,
Italian, Turkish, Portuguese, French or German (and Dutch and Polish) looks like unknown words to
the toxicity heads, and so does ordinary civil discussion in those languages. For each language
this file writes:

* toxic comments of several kinds (insults at another commenter or the author, profanity-laden
  rants, identity attacks, threats, and extreme mixes), labelled ``toxicity: 1`` with the
  sub-attributes that apply set to 1, those that clearly do not set to 0, and borderline ones
  left out (unknown);
* civil comments on the *same* topics (politics, football, migration, war and ceasefires,
  terrorism and crime reports, economy, local news), with hard but polite disagreement, neutral
  mentions of identities and factual reports of violence, labelled 0 on every attribute.

Toxic and civil templates share vocabulary and topics on purpose, so that the difference the
model can learn is the abuse itself. Every sentence here was written for this project by the
team; nothing is copied from the public corpora. Some lines are written without accents or in
lower case, as people type online; that happens to toxic and civil lines alike.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The sibling generator (this folder is on sys.path when either is run as a script).
from generate_examples import emit

HERE = Path(__file__).resolve().parent
RNG = random.Random(20260531)

CIVIL = {
    "spam": 0,
    "toxicity": 0,
    "severe_toxicity": 0,
    "identity_attack": 0,
    "insult": 0,
    "profanity": 0,
    "threat": 0,
}


def tox(
    *, insult: int | None, profanity: int | None, threat: int | None, identity: int, severe: int = 0
) -> dict[str, int]:
    """Labels of a toxic line; ``None`` leaves a borderline attribute unknown (not written)."""
    labels = {
        "spam": 0,
        "toxicity": 1,
        "severe_toxicity": severe,
        "identity_attack": identity,
        "insult": insult,
        "profanity": profanity,
        "threat": threat,
    }
    return {k: v for k, v in labels.items() if v is not None}


U = None  # unknown: the attribute is debatable for that template
# A plain insult at a person.
INSULT = tox(insult=1, profanity=0, threat=0, identity=0)
# An insult with swear words.
INSULT_PROF = tox(insult=1, profanity=1, threat=0, identity=0)
# Swearing at a situation (prices, traffic, a match), nobody insulted.
RANT = tox(insult=0, profanity=1, threat=0, identity=0)
# Swearing at a club or an institution: whether it "insults" is debatable.
RANT_AT = tox(insult=U, profanity=1, threat=0, identity=0)
THREAT = tox(insult=0, profanity=0, threat=1, identity=0)
# A threat in coarse words ("Fresse", "mordę") that are not quite swearing.
THREAT_ROUGH = tox(insult=0, profanity=U, threat=1, identity=0)
THREAT_INSULT = tox(insult=1, profanity=0, threat=1, identity=0)
# "People like you should be hanged": an insult or not is debatable.
THREAT_VAGUE = tox(insult=U, profanity=0, threat=1, identity=0)
# "I hope someone bombs your house, you son of a bitch."
BOMB_WISH = tox(insult=1, profanity=1, threat=1, identity=0, severe=1)
# Dehumanising or hateful generalisation about a group named in neutral words.
IDENTITY = tox(insult=1, profanity=0, threat=0, identity=1)
# The same with a slur (whether a slur counts as profanity is left unknown).
IDENTITY_SLUR = tox(insult=1, profanity=U, threat=0, identity=1)
IDENTITY_PROF = tox(insult=1, profanity=1, threat=0, identity=1)
# Calls for violence against a group.
IDENTITY_VIOLENT = tox(insult=1, profanity=0, threat=1, identity=1, severe=1)
# Death wishes: graphic abuse; whether a wish is a threat is left unknown.
DEATH_WISH = tox(insult=1, profanity=1, threat=U, identity=0, severe=1)
SLUR_DEATH_WISH = tox(insult=1, profanity=1, threat=U, identity=1, severe=1)
SLUR_DEATH_WISH_NOSWEAR = tox(insult=1, profanity=U, threat=U, identity=1, severe=1)

Template = Callable[[], str]


def c(seq: Sequence[Any]) -> Any:
    return RNG.choice(seq)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def bare(noun_with_article: str) -> str:
    """``"un idiota"`` -> ``"idiota"``."""
    return noun_with_article.split(" ", 1)[1]


@dataclass
class Language:
    code: str
    toxic: list[tuple[Template, dict[str, int]]]
    civil: list[Template]
    n_toxic: int
    n_civil: int
    first_names: list[str]
    last_names: list[str]


# --------------------------------------------------------------------------------------------
# Spanish
# --------------------------------------------------------------------------------------------


def spanish() -> Language:
    places = [
        "Madrid",
        "Sevilla",
        "Valencia",
        "Bilbao",
        "Zaragoza",
        "Málaga",
        "Murcia",
        "Vigo",
        "Alicante",
        "Granada",
        "Valladolid",
        "Lavapiés",
        "Badalona",
        "Cádiz",
    ]
    wars = ["Ucrania", "Gaza", "Sudán", "Siria", "el Líbano", "Yemen", "el Sahel"]
    teams = [
        "el Madrid",
        "el Barça",
        "el Atleti",
        "el Betis",
        "el Sevilla",
        "el Valencia",
        "el Athletic",
        "la Real",
    ]
    ins = [
        "idiota",
        "imbécil",
        "payaso",
        "ignorante",
        "inútil",
        "cretino",
        "tarado",
        "subnormal",
        "paleto",
        "borrego",
        "analfabeto",
        "memo",
        "cateto",
        "zoquete",
        "mamarracho",
        "necio",
        "cenutrio",
        "bocazas",
    ]
    ins_pl = [
        "idiotas",
        "imbéciles",
        "borregos",
        "ignorantes",
        "paletos",
        "analfabetos",
        "descerebrados",
        "inútiles",
    ]
    insp = [
        "gilipollas",
        "cabrón",
        "capullo",
        "mierda",
        "comemierda",
        "soplapollas",
        "hijo de puta",
        "mamón",
        "pringado de mierda",
    ]
    swear = [
        "Joder",
        "Hostia",
        "Me cago en la leche",
        "Coño",
        "Me cago en todo",
        "Hostias",
        "Puta madre",
    ]
    topics = [
        "política",
        "fútbol",
        "inmigración",
        "economía",
        "la guerra",
        "el alto el fuego",
        "las pensiones",
        "la vivienda",
        "terrorismo",
        "este tema",
    ]
    authors = [
        "El autor",
        "El periodista que ha escrito esto",
        "Quien ha escrito este artículo",
        "El columnista",
        "El redactor",
    ]
    politicians = [
        "El alcalde",
        "El ministro del Interior",
        "El presidente",
        "El concejal de urbanismo",
        "El portavoz del partido",
        "El consejero de sanidad",
    ]
    origin = [
        "musulmanes",
        "gitanos",
        "inmigrantes",
        "marroquíes",
        "rumanos",
        "judíos",
        "latinoamericanos",
        "africanos",
        "chinos",
    ]
    groups = [*origin, "gays"]
    slurs_pl = ["moros", "sudacas", "panchitos", "maricones", "negratas"]
    slurs_sg = ["moro", "sudaca", "panchito", "negrata"]
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "septiembre", "octubre"]
    numbers = ["dos", "tres", "cuatro", "cinco", "siete", "doce"]

    def swear_l() -> str:
        return c(swear).lower()

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Eres un {c(ins)}.", INSULT),
        (lambda: f"Eres un {c(ins)} y lo sabes. No tienes ni idea de {c(topics)}.", INSULT),
        (lambda: f"¿Tú has leído el artículo, {c(ins)}? Porque no lo parece.", INSULT),
        (lambda: f"{c(authors)} es un {c(ins)}. Qué vergüenza de periodismo.", INSULT),
        (lambda: f"Solo un {c(ins)} escribiría algo así sobre {c(topics)}.", INSULT),
        (lambda: f"Cállate ya, {c(ins)}, que das pena.", INSULT),
        (lambda: f"Menudo {c(ins)} estás hecho. Vuelve al colegio y aprende a leer.", INSULT),
        (
            lambda: (
                f"Tu opinión sobre {c(topics)} vale lo mismo que tú: nada. Eres un {c(ins)} de manual."
            ),
            INSULT,
        ),
        (lambda: f"{c(politicians)} es un {c(ins)} y los que le votaron, igual.", INSULT),
        (lambda: f"Los que votan a este partido son todos unos {c(ins_pl)}.", INSULT),
        (lambda: f"Qué comentario más estúpido. Se nota que eres un {c(ins)}.", INSULT),
        (lambda: f"Eres un {c(insp)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, qué {c(insp)} eres. Vete a la mierda.", INSULT_PROF),
        (
            lambda: f"Que te den, {c(insp)}. Lo que dices sobre {c(topics)} es pura basura.",
            INSULT_PROF,
        ),
        (
            lambda: (
                f"El árbitro es un {c(insp)}. Nos ha robado el partido contra {c(teams)}, {swear_l()}."
            ),
            INSULT_PROF,
        ),
        (lambda: f"Vete a tomar por culo, {c(ins)}. Nadie te ha preguntado.", INSULT_PROF),
        (
            lambda: f"{c(authors)} es un vendido y un {c(insp)}. Menuda mierda de artículo.",
            INSULT_PROF,
        ),
        (
            lambda: (
                f"{c(swear)}, otra vez sube {c(['la luz', 'el alquiler', 'la gasolina', 'la cesta de la compra', 'el abono del metro'])}. Este país es una puta mierda."
            ),
            RANT,
        ),
        (
            lambda: (
                f"Estoy hasta los cojones {c(['de la inflación', 'de los recortes', 'de las obras del centro', 'de los atascos en ' + c(places), 'del VAR', 'de las huelgas de Renfe'])}. {c(swear)}."
            ),
            RANT,
        ),
        (lambda: f"Puta mierda de partido. {cap(c(teams))} ha jugado de pena, {swear_l()}.", RANT),
        (lambda: f"Me cago en {c(teams)} y en el VAR. Qué puto robo.", RANT_AT),
        (lambda: f"Como te vea por {c(places)}, te parto la cara.", THREAT),
        (lambda: f"Sé dónde vives, {c(ins)}. Ya te encontraré.", THREAT_INSULT),
        (lambda: f"{c(politicians)} se merece un tiro en la cabeza.", THREAT),
        (
            lambda: (
                f"Te voy a buscar y te vas a enterar. Ya verás lo que te pasa por escribir así sobre {c(topics)}."
            ),
            THREAT,
        ),
        (lambda: f"Ojalá te pongan una bomba en casa, {c(insp)}.", BOMB_WISH),
        (
            lambda: (
                f"Al próximo que defienda esto le rompo las piernas{c(['.', ', lo juro.', ', avisado queda.'])}"
            ),
            THREAT,
        ),
        (
            lambda: f"Si ese árbitro vuelve a pitar en {c(places)}, no sale vivo del estadio.",
            THREAT,
        ),
        (
            lambda: (
                f"A los {c(['periodistas como tú', 'que escriben esta basura', 'de tu calaña'])} habría que colgarlos en la plaza del pueblo."
            ),
            THREAT_VAGUE,
        ),
        (lambda: f"Los {c(origin)} son una plaga. Que se vuelvan a su país.", IDENTITY),
        (
            lambda: f"Todos los {c(groups)} son unos delincuentes. No los queremos en {c(places)}.",
            IDENTITY,
        ),
        (lambda: f"Los {c(slurs_pl)} no son personas, son animales.", IDENTITY_SLUR),
        (lambda: f"Otro {c(slurs_sg)} robando, qué raro. Fuera de aquí ya.", IDENTITY_SLUR),
        (lambda: f"Vete a tu país, {c(slurs_sg)} de mierda.", IDENTITY_PROF),
        (
            lambda: (
                f"Los {c(origin)} solo vienen a vivir de las ayudas y a violar a nuestras mujeres."
            ),
            IDENTITY,
        ),
        (
            lambda: (
                f"Ser {c(['gay', 'lesbiana', 'trans'])} es una enfermedad. Habría que curaros a todos a palos."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda: f"A los {c(groups)} habría que echarlos a todos al mar.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Hay que quemar {c(['la mezquita', 'la sinagoga', 'el centro de menores', 'el centro de acogida'])} de {c(places)} con todos dentro."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"{c(['Maricón', 'Moro', 'Sudaca', 'Judío'])} de mierda, ojalá {c(['te mueras', 'revientes', 'te pille un tren', 'te maten'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda: f"Ojalá te mueras de cáncer, {c(insp)}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"No estoy de acuerdo con el artículo. Subir los impuestos a las rentas medias no va a arreglar el problema de {c(['la vivienda', 'las pensiones', 'la deuda', 'el paro juvenil'])}."
        ),
        lambda: (
            f"El alto el fuego en {c(wars)} solo aguantará si hay observadores internacionales. Ojalá las negociaciones de esta semana lleguen a algo."
        ),
        lambda: (
            f"Según la noticia, {c(numbers)} soldados murieron en el ataque cerca de la frontera. Es terrible, y los civiles siguen pagando el precio."
        ),
        lambda: (
            f"La policía abatió al atacante pocos minutos después del apuñalamiento en {c(places)}. Mis condolencias a las familias."
        ),
        lambda: (
            f"Como mujer musulmana, me duele leer estos titulares. La inmensa mayoría de nosotras solo queremos vivir en paz en {c(places)}."
        ),
        lambda: (
            f"La pareja gay de la noticia lleva {RNG.randint(4, 30)} años en el barrio y nadie había tenido nunca ningún problema con ellos."
        ),
        lambda: (
            f"Con todo respeto, creo que te equivocas. Los datos del INE muestran que la inflación bajó en {c(months)}."
        ),
        lambda: (
            f"{cap(c(teams))} jugó fatal la segunda parte, pero el penalti fue clarísimo. El VAR hizo bien en revisarlo."
        ),
        lambda: (
            f"El árbitro se equivocó con la expulsión, aunque eso no explica el 0-{RNG.randint(2, 5)} final."
        ),
        lambda: (
            f"Soy hijo de inmigrantes {c(['marroquíes', 'ecuatorianos', 'rumanos', 'colombianos', 'senegaleses', 'peruanos'])} y trabajo como enfermero en {c(places)}. La inmigración es un tema complejo y merece un debate serio, sin bulos."
        ),
        lambda: (
            f"El atentado de {c(places)} fue obra de un solo individuo, según la policía. Culpar a toda una comunidad no tiene sentido."
        ),
        lambda: (
            f"Buen artículo. Faltaría explicar cuánto va a costar de verdad {c(['la ampliación del metro', 'el nuevo hospital', 'el puente', 'la reforma del estadio'])} de {c(places)}."
        ),
        lambda: "Discrepo totalmente del autor, pero agradezco que publiquen opiniones distintas.",
        lambda: (
            f"El detenido por el robo en {c(places)} ya tenía antecedentes, según fuentes policiales. Ahora le toca al juez."
        ),
        lambda: (
            f"Mi abuelo vivió la guerra y siempre decía que la peor paz es mejor que la mejor guerra. Espero que en {c(wars)} se llegue pronto a un acuerdo."
        ),
        lambda: (
            f"Los alquileres en {c(places)} son una locura. Mi hija paga {RNG.randrange(350, 900, 50)} euros por una habitación."
        ),
        lambda: (
            f"El pleno del ayuntamiento aprobó ayer el presupuesto por {c(numbers)} votos de diferencia. Veremos si se cumple."
        ),
        lambda: (
            f"Insultar a quien piensa distinto no aporta nada. Se puede hablar de {c(topics)} sin llamar idiota a nadie."
        ),
        lambda: (
            f"Vivo en {c(places)} desde hace {RNG.randint(5, 40)} años y el barrio ha cambiado mucho. Hay más comercios y menos ruido por la noche."
        ),
        lambda: (
            f"La comunidad judía de {c(places)} ha condenado el ataque y ha pedido calma. Me parece una respuesta muy sensata."
        ),
        lambda: f"Gran partido ayer. El gol en el minuto {RNG.randint(2, 93)} fue una maravilla.",
        lambda: f"¿Alguien sabe si la manifestación del sábado en {c(places)} sigue convocada?",
        lambda: (
            "El ministro debería dimitir por cómo ha gestionado la crisis, pero eso lo tienen que decidir las urnas, no los tribunales."
        ),
        lambda: (
            f"Según el informe, el terrorista fue abatido por la policía en {c(places)} y no hubo más víctimas. Gracias a los agentes que intervinieron."
        ),
        lambda: (
            f"La amenaza de bomba en la estación de {c(places)} resultó ser falsa. Menos mal, pero el caos fue enorme."
        ),
        lambda: (
            f"Los refugiados que han llegado de {c(wars)} necesitan vivienda y clases de español. Mi parroquia está ayudando con lo que puede."
        ),
        lambda: (
            "Entiendo tu punto de vista, pero no comparto que cerrar fronteras sea la solución."
        ),
        lambda: c(
            [
                "Totalmente de acuerdo.",
                "Muy buen análisis, gracias.",
                "Qué noticia más triste.",
                "Gracias por el artículo.",
                "Esto hay que investigarlo bien.",
                "Descansen en paz.",
                "Suerte a los dos equipos.",
                "Por fin una buena noticia.",
            ]
        ),
        lambda: (
            "Mi compañero de trabajo es gitano y es de las personas más honradas que conozco. Generalizar siempre es injusto."
        ),
        lambda: (
            f"El paro bajó un 0,{RNG.randint(1, 9)} % en {c(months)}, pero sigue muy por encima de la media europea."
        ),
        lambda: (
            f"El juicio por el asesinato de {c(places)} empieza el lunes. Espero que se haga justicia para la familia."
        ),
        lambda: (
            f"Soy {c(['gay', 'lesbiana', 'bisexual'])} y vivo en un pueblo pequeño de {c(['Teruel', 'Soria', 'Extremadura', 'Galicia', 'Jaén'])}. La mayoría de los vecinos me trata con total normalidad."
        ),
        lambda: (
            f"{cap(c(teams))} mereció ganar. El otro equipo apenas tiró a puerta en {RNG.randint(60, 90)} minutos."
        ),
    ]
    return Language(
        "es",
        toxic,
        civil,
        120,
        150,
        [
            "Javier",
            "Lucía",
            "Carmen",
            "Andrés",
            "Pilar",
            "Sergio",
            "Marta",
            "Iñaki",
            "Rocío",
            "Álvaro",
            "Nuria",
            "Jordi",
            "Manuel",
            "Begoña",
            "Raúl",
        ],
        [
            "García",
            "Martínez",
            "López",
            "Fernández",
            "Ruiz",
            "Sánchez",
            "Navarro",
            "Gómez",
            "Castro",
            "Ortega",
            "Vidal",
            "Moreno",
        ],
    )


# --------------------------------------------------------------------------------------------
# Italian
# --------------------------------------------------------------------------------------------


def italian() -> Language:
    places = [
        "Roma",
        "Milano",
        "Napoli",
        "Torino",
        "Palermo",
        "Bologna",
        "Firenze",
        "Genova",
        "Bari",
        "Verona",
        "Catania",
        "Lampedusa",
    ]
    wars = ["in Ucraina", "a Gaza", "in Sudan", "in Siria", "in Libano", "nello Yemen", "nel Sahel"]
    wars_from = ["dall'Ucraina", "da Gaza", "dal Sudan", "dalla Siria", "dall'Afghanistan"]
    teams = [
        "la Juve",
        "l'Inter",
        "il Milan",
        "il Napoli",
        "la Roma",
        "la Lazio",
        "l'Atalanta",
        "la Fiorentina",
    ]
    ins = [
        "un idiota",
        "un imbecille",
        "un cretino",
        "un deficiente",
        "un ignorante",
        "un buffone",
        "un pagliaccio",
        "un incapace",
        "un somaro",
        "un analfabeta",
        "un decerebrato",
        "un fallito",
        "uno scemo",
        "uno stupido",
        "un babbeo",
        "un poveraccio",
    ]
    ins_pl = [
        "dei pecoroni",
        "degli idioti",
        "degli ignoranti",
        "dei buffoni",
        "dei decerebrati",
        "dei cretini",
        "dei falliti",
    ]
    insp = [
        "uno stronzo",
        "un coglione",
        "una testa di cazzo",
        "un figlio di puttana",
        "un pezzo di merda",
        "un rincoglionito",
        "un cazzone",
        "un pezzente di merda",
    ]
    swear = [
        "Cazzo",
        "Porca miseria",
        "Porca puttana",
        "Ma che cazzo",
        "Minchia",
        "Merda",
        "Porca troia",
    ]
    topics = [
        "di politica",
        "di calcio",
        "di immigrazione",
        "di economia",
        "della guerra",
        "del cessate il fuoco",
        "delle pensioni",
        "di questo argomento",
        "di terrorismo",
    ]
    authors = [
        "L'autore",
        "Il giornalista che ha scritto questo pezzo",
        "Chi ha scritto questo articolo",
        "Il direttore di questo giornale",
        "L'opinionista",
    ]
    politicians = [
        "Il sindaco",
        "Il ministro dell'Interno",
        "Il presidente della Regione",
        "L'assessore ai trasporti",
        "Il portavoce del partito",
        "Il senatore",
    ]
    origin = [
        "i musulmani",
        "i rom",
        "gli immigrati",
        "i marocchini",
        "gli albanesi",
        "gli ebrei",
        "gli africani",
        "i rumeni",
        "i cinesi",
    ]
    groups = [*origin, "i gay"]
    slurs_pl = ["i negri", "gli zingari", "i froci", "i terroni", "i culattoni"]
    slurs_sg = ["negro", "zingaro", "frocio", "marocchino"]
    months = [
        "a gennaio",
        "a febbraio",
        "a marzo",
        "ad aprile",
        "a maggio",
        "a giugno",
        "a settembre",
        "ad ottobre",
    ]
    numbers = ["due", "tre", "quattro", "cinque", "sette", "dodici"]

    def swear_l() -> str:
        return c(swear).lower()

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Sei {c(ins)}.", INSULT),
        (lambda: f"Sei {c(ins)} e non capisci niente {c(topics)}.", INSULT),
        (lambda: f"Ma l'hai letto l'articolo, {bare(c(ins))}? Non sembra proprio.", INSULT),
        (lambda: f"{c(authors)} è {c(ins)}. Che vergogna di giornalismo.", INSULT),
        (lambda: f"Solo {c(ins)} può scrivere una cosa del genere.", INSULT),
        (lambda: f"Stai zitto, {bare(c(ins))}, che fai pena.", INSULT),
        (
            lambda: (
                f"Ma quanto sei {c(['stupido', 'ignorante', 'scemo', 'ottuso', 'ridicolo', 'patetico'])}? Torna a scuola e impara a leggere."
            ),
            INSULT,
        ),
        (lambda: f"{c(politicians)} è {c(ins)}, e chi l'ha votato pure.", INSULT),
        (lambda: f"Commento da {bare(c(ins))}. Si vede che non hai mai aperto un libro.", INSULT),
        (lambda: f"Siete tutti {c(ins_pl)}, voi che votate questa gente.", INSULT),
        (lambda: f"Sei {c(insp)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, sei proprio {c(insp)}. Vaffanculo.", INSULT_PROF),
        (
            lambda: (
                f"Vai a cagare, {bare(c(insp))}. Quello che scrivi {c(topics)} è pura spazzatura."
            ),
            INSULT_PROF,
        ),
        (
            lambda: (
                f"L'arbitro è {c(insp)}. Ci ha rubato la partita contro {c(teams)}, {swear_l()}!"
            ),
            INSULT_PROF,
        ),
        (lambda: f"{c(authors)} è un venduto del cazzo. Che articolo di merda.", INSULT_PROF),
        (
            lambda: (
                f"{c(swear)}, un altro aumento {c(['della luce', 'della benzina', 'degli affitti', 'del gas', 'dei biglietti del treno'])}. Questo paese fa schifo."
            ),
            RANT,
        ),
        (
            lambda: (
                f"Ne ho piene le palle {c(['dei cantieri in centro', 'del traffico a ' + c(places), 'del VAR', 'di questa inflazione', 'dei ritardi dei treni'])}. Che schifo, cazzo."
            ),
            RANT,
        ),
        (lambda: f"Partita di merda. {cap(c(teams))} ha giocato da schifo, {swear_l()}.", RANT),
        (lambda: f"Ma vaffanculo {c(teams)} e pure il VAR. Che furto del cazzo.", RANT_AT),
        (lambda: f"Se ti becco a {c(places)} ti spacco la faccia.", THREAT),
        (lambda: f"So dove abiti, {bare(c(ins))}. Ti vengo a trovare.", THREAT_INSULT),
        (lambda: f"{c(politicians)} meriterebbe una pallottola in testa.", THREAT),
        (
            lambda: (
                f"Ti vengo a cercare e vedrai cosa ti succede per quello che hai scritto {c(topics)}."
            ),
            THREAT,
        ),
        (lambda: f"Spero che qualcuno ti metta una bomba sotto casa, {bare(c(insp))}.", BOMB_WISH),
        (
            lambda: (
                f"Al prossimo che difende questa roba gli spezzo le gambe{c(['.', ', giuro.', ', siete avvisati.'])}"
            ),
            THREAT,
        ),
        (lambda: f"Se quell'arbitro torna a {c(places)} non esce vivo dallo stadio.", THREAT),
        (
            lambda: (
                f"{c(['Quelli come te', 'I giornalisti come te', 'Quelli che scrivono queste cose'])} andrebbero appesi in piazza."
            ),
            THREAT_VAGUE,
        ),
        (lambda: f"{cap(c(origin))} sono una piaga. Che tornino a casa loro.", IDENTITY),
        (lambda: f"Tutti {c(groups)} sono delinquenti. A {c(places)} non li vogliamo.", IDENTITY),
        (lambda: f"{cap(c(slurs_pl))} non sono persone, sono bestie.", IDENTITY_SLUR),
        (
            lambda: f"L'ennesimo {c(slurs_sg)} che ruba, che sorpresa. Rimandatelo a casa sua.",
            IDENTITY_SLUR,
        ),
        (lambda: f"Torna al tuo paese, {c(slurs_sg)} di merda.", IDENTITY_PROF),
        (
            lambda: (
                f"{cap(c(origin))} vengono qui solo per vivere di sussidi e stuprare le nostre donne."
            ),
            IDENTITY,
        ),
        (
            lambda: (
                f"Essere {c(['gay', 'lesbica', 'trans'])} è una malattia. Bisognerebbe curarvi a bastonate."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda: f"{cap(c(groups))} andrebbero buttati tutti in mare.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Bisogna dare fuoco {c(['alla moschea', 'alla sinagoga', 'al centro di accoglienza', 'al campo rom'])} di {c(places)} con tutti dentro."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"{c(['Frocio', 'Negro', 'Zingaro', 'Ebreo'])} di merda, spero che {c(['tu crepi', 'tu muoia', 'ti ammazzino', 'ti investa un treno'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda: f"Spero che tu muoia di cancro, {bare(c(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Non sono d'accordo con l'articolo. Alzare le tasse al ceto medio non risolverà il problema {c(['della casa', 'delle pensioni', 'del debito', 'della disoccupazione giovanile'])}."
        ),
        lambda: (
            f"Il cessate il fuoco {c(wars)} reggerà solo se ci saranno osservatori internazionali. Speriamo che i negoziati di questa settimana portino a qualcosa."
        ),
        lambda: (
            f"Secondo l'articolo, {c(numbers)} soldati sono morti nell'attacco vicino al confine. È terribile, e a pagare sono sempre i civili."
        ),
        lambda: (
            f"L'aggressore è stato ucciso dalla polizia pochi minuti dopo l'accoltellamento a {c(places)}. Condoglianze alle famiglie delle vittime."
        ),
        lambda: (
            f"Da donna musulmana, mi fa male leggere questi titoli. La stragrande maggioranza di noi vuole solo vivere in pace a {c(places)}."
        ),
        lambda: (
            f"La coppia gay dell'articolo vive nel quartiere da {RNG.randint(4, 30)} anni e nessuno ha mai avuto problemi con loro."
        ),
        lambda: (
            f"Con tutto il rispetto, credo che tu ti sbagli. I dati Istat dicono che l'inflazione è scesa {c(months)}."
        ),
        lambda: (
            f"{cap(c(teams))} ha giocato malissimo nel secondo tempo, ma il rigore era netto. Il VAR ha fatto bene a intervenire."
        ),
        lambda: (
            f"L'arbitro ha sbagliato sull'espulsione, anche se questo non spiega lo 0-{RNG.randint(2, 5)} finale."
        ),
        lambda: (
            f"Sono figlio di immigrati {c(['marocchini', 'albanesi', 'rumeni', 'senegalesi', 'peruviani', 'tunisini'])} e faccio l'infermiere a {c(places)}. L'immigrazione è un tema complesso e merita un dibattito serio, senza bufale."
        ),
        lambda: (
            f"Secondo la polizia l'attentato di {c(places)} è stato opera di una sola persona. Dare la colpa a un'intera comunità non ha senso."
        ),
        lambda: (
            f"Bell'articolo. Mancherebbe solo una spiegazione su quanto costerà davvero {c(['la nuova linea della metro', 'il nuovo ospedale', 'il ponte', 'la ristrutturazione dello stadio'])} a {c(places)}."
        ),
        lambda: (
            "Non sono per niente d'accordo con l'autore, ma apprezzo che pubblichiate opinioni diverse."
        ),
        lambda: (
            f"L'uomo arrestato per la rapina a {c(places)} aveva già precedenti, secondo la questura. Ora decide il giudice."
        ),
        lambda: (
            f"Mio nonno ha vissuto la guerra e diceva sempre che la peggiore pace è meglio della migliore guerra. Spero che {c(wars)} si arrivi presto a un accordo."
        ),
        lambda: (
            f"Gli affitti a {c(places)} sono folli. Mia figlia paga {RNG.randrange(350, 900, 50)} euro per una stanza."
        ),
        lambda: (
            f"Ieri il consiglio comunale ha approvato il bilancio con {c(numbers)} voti di scarto. Vedremo se verrà rispettato."
        ),
        lambda: (
            f"Insultare chi la pensa diversamente non serve a niente. Si può parlare {c(topics)} senza dare dell'idiota a nessuno."
        ),
        lambda: (
            f"Vivo a {c(places)} da {RNG.randint(5, 40)} anni e il quartiere è cambiato molto. Ci sono più negozi e meno rumore la notte."
        ),
        lambda: (
            f"La comunità ebraica di {c(places)} ha condannato l'attacco e ha chiesto calma. Mi sembra una risposta molto saggia."
        ),
        lambda: (
            f"Che partita ieri sera! Il gol al {RNG.randint(2, 93)}° minuto è stato una meraviglia."
        ),
        lambda: f"Qualcuno sa se la manifestazione di sabato a {c(places)} è confermata?",
        lambda: (
            "Il ministro dovrebbe dimettersi per come ha gestito la crisi, ma devono deciderlo gli elettori, non i tribunali."
        ),
        lambda: (
            f"Secondo il rapporto il terrorista è stato colpito dalla polizia a {c(places)} e non ci sono state altre vittime. Grazie agli agenti intervenuti."
        ),
        lambda: (
            f"L'allarme bomba alla stazione di {c(places)} si è rivelato falso. Meno male, ma il caos è stato enorme."
        ),
        lambda: (
            f"I profughi arrivati {c(wars_from)} hanno bisogno di una casa e di corsi di italiano. La mia parrocchia aiuta come può."
        ),
        lambda: (
            "Capisco il tuo punto di vista, ma non credo che chiudere le frontiere sia la soluzione."
        ),
        lambda: c(
            [
                "Completamente d'accordo.",
                "Ottima analisi, grazie.",
                "Che notizia triste.",
                "Grazie per l'articolo.",
                "Bisogna indagare a fondo.",
                "Riposino in pace.",
                "In bocca al lupo a entrambe le squadre.",
                "Finalmente una bella notizia.",
            ]
        ),
        lambda: (
            "Il mio collega è rom ed è una delle persone più oneste che conosca. Generalizzare è sempre ingiusto."
        ),
        lambda: (
            f"La disoccupazione è scesa dello 0,{RNG.randint(1, 9)}% {c(months)}, ma resta molto sopra la media europea."
        ),
        lambda: (
            f"Il processo per l'omicidio di {c(places)} comincia lunedì. Spero che la famiglia ottenga giustizia."
        ),
        lambda: (
            f"Sono {c(['gay', 'lesbica', 'bisessuale'])} e vivo in un paesino {c(['in Calabria', 'in Veneto', 'in Sicilia', 'in Umbria', 'in Piemonte'])}. La maggior parte dei vicini mi tratta con totale normalità."
        ),
        lambda: (
            f"{cap(c(teams))} ha meritato di vincere. Gli avversari non hanno quasi mai tirato in porta in {RNG.randint(60, 90)} minuti."
        ),
    ]
    return Language(
        "it",
        toxic,
        civil,
        120,
        150,
        [
            "Marco",
            "Giulia",
            "Alessandro",
            "Francesca",
            "Luca",
            "Chiara",
            "Giuseppe",
            "Sara",
            "Matteo",
            "Elena",
            "Davide",
            "Valentina",
        ],
        [
            "Rossi",
            "Russo",
            "Ferrari",
            "Esposito",
            "Bianchi",
            "Romano",
            "Colombo",
            "Ricci",
            "Marino",
            "Greco",
            "Bruno",
            "Gallo",
        ],
    )


# --------------------------------------------------------------------------------------------
# Turkish
# --------------------------------------------------------------------------------------------


def turkish() -> Language:
    # (nominative, locative)
    places = [
        ("İstanbul", "İstanbul'da"),
        ("Ankara", "Ankara'da"),
        ("İzmir", "İzmir'de"),
        ("Bursa", "Bursa'da"),
        ("Antalya", "Antalya'da"),
        ("Adana", "Adana'da"),
        ("Konya", "Konya'da"),
        ("Gaziantep", "Gaziantep'te"),
        ("Trabzon", "Trabzon'da"),
        ("Diyarbakır", "Diyarbakır'da"),
        ("Eskişehir", "Eskişehir'de"),
        ("Kadıköy", "Kadıköy'de"),
    ]
    wars = ["Ukrayna'da", "Gazze'de", "Sudan'da", "Suriye'de", "Lübnan'da", "Yemen'de"]
    wars_from = ["Ukrayna'dan", "Gazze'den", "Sudan'dan", "Suriye'den", "Afganistan'dan"]
    teams = ["Galatasaray", "Fenerbahçe", "Beşiktaş", "Trabzonspor", "Başakşehir", "Göztepe"]
    # (bare, "you are ...", plural)
    ins = [
        ("aptal", "aptalsın", "aptallar"),
        ("salak", "salaksın", "salaklar"),
        ("gerizekalı", "gerizekalısın", "gerizekalılar"),
        ("mal", "malsın", "mallar"),
        ("beyinsiz", "beyinsizsin", "beyinsizler"),
        ("cahil", "cahilsin", "cahiller"),
        ("ahmak", "ahmaksın", "ahmaklar"),
        ("dangalak", "dangalaksın", "dangalaklar"),
        ("embesil", "embesilsin", "embesiller"),
        ("hödük", "hödüksün", "hödükler"),
        ("soytarı", "soytarısın", "soytarılar"),
        ("ezik", "eziksin", "ezikler"),
        ("şerefsiz", "şerefsizsin", "şerefsizler"),
        ("öküz", "öküzsün", "öküzler"),
        ("budala", "budalasın", "budalalar"),
    ]
    insp = [
        ("orospu çocuğu", "orospu çocuğusun"),
        ("pezevenk", "pezevenksin"),
        ("piç", "piçsin"),
        ("yavşak", "yavşaksın"),
        ("siktiğimin aptalı", "siktiğimin aptalısın"),
        ("amına koyduğumun salağı", "amına koyduğumun salağısın"),
    ]
    swear = ["Amına koyayım", "Siktir", "Hay sikeyim", "Hassiktir", "Sikeyim böyle işi"]
    topics = [
        "Siyaset",
        "Futbol",
        "Göç",
        "Ekonomi",
        "Savaş",
        "Ateşkes",
        "Emeklilik",
        "Bu konu",
        "Terör",
    ]
    authors = [
        "Yazar",
        "Bu haberi yazan gazeteci",
        "Bu yazıyı yazan",
        "Köşe yazarı",
        "Haberi yapan muhabir",
    ]
    # (nominative, genitive)
    politicians = [
        ("Belediye başkanı", "Belediye başkanının"),
        ("İçişleri bakanı", "İçişleri bakanının"),
        ("Bakan", "Bakanın"),
        ("Kulüp başkanı", "Kulüp başkanının"),
        ("Parti sözcüsü", "Parti sözcüsünün"),
        ("Vali", "Valinin"),
    ]
    origin = [
        "Suriyeliler",
        "Kürtler",
        "göçmenler",
        "Araplar",
        "Yahudiler",
        "Ermeniler",
        "Afganlar",
        "Romanlar",
        "Aleviler",
    ]
    groups = [*origin, "eşcinseller"]
    slurs_pl = ["ibneler", "gavurlar", "Suriyeli itler", "çingeneler"]
    slurs_sg = ["Suriyeli", "Arap", "gavur", "Afgan"]
    months = ["ocakta", "şubatta", "martta", "nisanda", "mayısta", "haziranda", "eylülde", "ekimde"]
    numbers = ["iki", "üç", "dört", "beş", "yedi", "on iki"]

    def loc() -> str:
        return c(places)[1]

    def nom() -> str:
        return c(places)[0]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Sen tam bir {c(ins)[1]}.", INSULT),
        (lambda: f"Sen tam bir {c(ins)[1]}. {c(topics)} hakkında hiçbir şey bilmiyorsun.", INSULT),
        (lambda: f"Haberi okudun mu {c(ins)[0]}? Hiç öyle görünmüyor.", INSULT),
        (
            lambda: f"{c(authors)} tam bir {c(ins)[0]}. Böyle gazetecilik olmaz, yazıklar olsun.",
            INSULT,
        ),
        (lambda: f"Ancak bir {c(ins)[0]} böyle bir şey yazabilir.", INSULT),
        (lambda: f"Sus artık {c(ins)[0]}, rezil oluyorsun.", INSULT),
        (lambda: f"Senin gibi {c(ins)[0]} bir adam görmedim. Git önce okumayı öğren.", INSULT),
        (lambda: f"{c(politicians)[0]} tam bir {c(ins)[0]}, ona oy verenler de öyle.", INSULT),
        (lambda: f"Bu partiye oy verenlerin hepsi {c(ins)[2]}.", INSULT),
        (lambda: f"Ne kadar saçma bir yorum. Belli ki {c(ins)[1]}.", INSULT),
        (lambda: f"Sen bir {c(insp)[1]}.", INSULT_PROF),
        (lambda: f"{c(swear)}, {c(insp)[1]} sen. Siktir git.", INSULT_PROF),
        (
            lambda: f"Siktir git {c(insp)[0]}. {c(topics)} hakkında yazdıkların tamamen saçmalık.",
            INSULT_PROF,
        ),
        (
            lambda: f"Hakem tam bir {c(insp)[0]}, {c(teams)} maçını resmen çaldı. {c(swear)}!",
            INSULT_PROF,
        ),
        (
            lambda: f"{c(authors)} satılmış bir {c(insp)[0]}. Ne biçim bok gibi yazı bu.",
            INSULT_PROF,
        ),
        (
            lambda: (
                f"{c(swear)}, {c(['elektrik', 'benzin', 'kira', 'ekmek', 'doğalgaz', 'akbil'])} yine zamlandı. Bu ülke tam bir bok çukuru."
            ),
            RANT,
        ),
        (
            lambda: (
                f"{c(swear)}, bıktım artık bu {c(['enflasyondan', 'trafikten', 'zamlardan', 'kuyruklardan', 'elektrik kesintilerinden', 'VAR rezaletinden'])}."
            ),
            RANT,
        ),
        (lambda: f"Bok gibi maç. {c(teams)} rezil oynadı, {c(swear).lower()}.", RANT),
        (lambda: f"Siktir olsun {c(teams)} yönetimi de VAR da. Resmen soygun.", RANT_AT),
        (lambda: f"Seni {loc()} görürsem ağzını burnunu kırarım.", THREAT),
        (lambda: f"Nerede oturduğunu biliyorum {c(ins)[0]}. Seni bulacağım.", THREAT_INSULT),
        (lambda: f"{c(politicians)[1]} kafasına bir kurşun sıkmak lazım.", THREAT),
        (lambda: f"{c(politicians)[0]} kurşuna dizilmeyi hak ediyor.", THREAT),
        (
            lambda: (
                f"Seni bulacağım ve {c(topics).lower()} hakkında yazdıklarının hesabını soracağım."
            ),
            THREAT,
        ),
        (lambda: f"Sen bir {c(insp)[1]}, umarım evine bomba koyarlar.", BOMB_WISH),
        (
            lambda: (
                f"Bunu savunan bir sonraki kişinin bacaklarını kırarım{c(['.', ', yemin ederim.', ', haberiniz olsun.'])}"
            ),
            THREAT,
        ),
        (lambda: f"O hakem bir daha {loc()} maç yönetirse stadyumdan sağ çıkamaz.", THREAT),
        (
            lambda: (
                f"{c(['Senin gibileri', 'Böyle yazan gazetecileri', 'Bu haberi yazanları'])} meydanda asmak lazım."
            ),
            THREAT_VAGUE,
        ),
        (lambda: f"{cap(c(origin))} bu ülkenin başına bela. Defolsunlar ülkelerine.", IDENTITY),
        (lambda: f"Bütün {c(origin)} hırsız ve suçlu. {loc()} onları istemiyoruz.", IDENTITY),
        (lambda: f"Bu {c(slurs_pl)} insan değil, hayvan.", IDENTITY_SLUR),
        (
            lambda: (
                f"Yine bir {c(['ibne', 'gavur', 'Suriyeli it', 'çingene'])} hırsızlık yapmış, ne sürpriz. Defolsun gitsin."
            ),
            IDENTITY_SLUR,
        ),
        (lambda: f"Siktir git ülkene, pis {c(slurs_sg)}.", IDENTITY_PROF),
        (
            lambda: (
                f"{cap(c(origin))} buraya sadece yardım almak ve kadınlarımıza saldırmak için geliyor."
            ),
            IDENTITY,
        ),
        (
            lambda: (
                f"{c(['Eşcinsellik', 'Trans olmak', 'Lezbiyenlik'])} bir hastalık. Hepinizi sopayla düzeltmek lazım."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda: f"{cap(c(groups))} toplanıp denize atılmalı.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"{loc()}ki {c(['kiliseyi', 'sinagogu', 'cemevini', 'mülteci kampını'])} içindekilerle birlikte yakmak lazım."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"{c(['İbne', 'Pis Suriyeli', 'Gavur', 'Ermeni dölü'])} orospu çocuğu, umarım {c(['geberirsin', 'ölürsün', 'biri seni öldürür', 'sana bir araba çarpar'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda: f"Umarım kanserden geberirsin, {c(insp)[0]}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Habere katılmıyorum. Orta gelirlilere vergi artırmak {c(['konut sorununu', 'emeklilik sorununu', 'borç sorununu', 'genç işsizliğini'])} çözmez."
        ),
        lambda: (
            f"{c(wars)} ateşkes ancak uluslararası gözlemciler olursa sürer. Umarım bu haftaki görüşmelerden bir sonuç çıkar."
        ),
        lambda: (
            f"Habere göre sınır yakınındaki saldırıda {c(numbers)} asker hayatını kaybetti. Çok acı, bedeli yine siviller ödüyor."
        ),
        lambda: (
            f"{loc()} bıçaklı saldırıyı yapan kişi birkaç dakika sonra polis tarafından vurularak etkisiz hale getirildi. Ailelerin başı sağ olsun."
        ),
        lambda: (
            f"Müslüman bir kadın olarak bu başlıkları okumak beni üzüyor. Çoğumuz sadece {loc()} huzur içinde yaşamak istiyoruz."
        ),
        lambda: (
            f"Haberdeki eşcinsel çift {RNG.randint(4, 30)} yıldır bu mahallede yaşıyor ve kimse onlarla bir sorun yaşamamış."
        ),
        lambda: (
            f"Saygıyla söylüyorum ama bence yanılıyorsun. TÜİK verilerine göre enflasyon {c(months)} düştü."
        ),
        lambda: (
            f"{c(teams)} ikinci yarıda çok kötü oynadı ama penaltı çok netti. VAR'ın müdahalesi doğruydu."
        ),
        lambda: (
            f"Hakem kırmızı kartta hata yaptı ama bu {RNG.randint(2, 5)}-0'lık skoru açıklamıyor."
        ),
        lambda: (
            f"{c(['Bulgaristan’dan gelen', 'Suriyeli', 'Afgan', 'Iraklı', 'Azerbaycanlı'])} göçmen bir ailenin çocuğuyum ve {loc()} hemşire olarak çalışıyorum. Göç karmaşık bir konu, yalan haberlerle değil ciddiyetle tartışılmalı."
        ),
        lambda: (
            f"Polise göre {loc()}ki saldırıyı tek bir kişi gerçekleştirmiş. Bütün bir toplumu suçlamanın anlamı yok."
        ),
        lambda: (
            f"Güzel haber. Sadece {loc()}ki {c(['yeni metro hattının', 'yeni hastanenin', 'köprünün', 'stadyum yenilemesinin'])} gerçekte kaça mal olacağı da yazılsaydı iyi olurdu."
        ),
        lambda: "Yazara hiç katılmıyorum ama farklı görüşlere yer vermeniz güzel.",
        lambda: (
            f"{loc()}ki soygundan tutuklanan kişinin daha önce de sabıkası varmış. Artık karar mahkemenin."
        ),
        lambda: (
            f"Dedem savaşı yaşamış, en kötü barışın en iyi savaştan iyi olduğunu söylerdi. Umarım {c(wars)} yakında bir anlaşmaya varılır."
        ),
        lambda: (
            f"{loc()} kiralar çıldırdı. Kızım bir oda için ayda {RNG.randrange(8000, 25000, 500)} lira ödüyor."
        ),
        lambda: (
            f"Belediye meclisi bütçeyi dün {c(numbers)} oy farkla kabul etti. Bakalım sözler tutulacak mı."
        ),
        lambda: (
            f"Farklı düşünene hakaret etmek hiçbir işe yaramaz. {c(topics)} hakkında kimseye aptal demeden de tartışabiliriz."
        ),
        lambda: (
            f"{RNG.randint(5, 40)} yıldır {loc()} yaşıyorum, mahalle çok değişti. Daha fazla dükkan var, geceleri daha az gürültü."
        ),
        lambda: (
            f"{loc()}ki Yahudi cemaati saldırıyı kınadı ve sakin olunması çağrısında bulundu. Bence çok yerinde bir tepki."
        ),
        lambda: f"Dün akşam ne maçtı! {RNG.randint(2, 93)}. dakikadaki gol harikaydı.",
        lambda: f"Cumartesi {loc()} yapılacak yürüyüş hâlâ geçerli mi, bilen var mı?",
        lambda: (
            "Bakan krizi yönetme biçimi yüzünden istifa etmeli ama buna mahkemeler değil seçmenler karar vermeli."
        ),
        lambda: (
            f"Rapora göre {loc()}ki saldırgan polis tarafından vurularak etkisiz hale getirildi ve başka kimse yaralanmadı. Müdahale eden polislere teşekkürler."
        ),
        lambda: (
            f"{nom()} garındaki bomba ihbarı asılsız çıktı. Çok şükür ama büyük bir kaos yaşandı."
        ),
        lambda: (
            f"{c(wars_from)} gelen mülteciler ev ve dil kursuna ihtiyaç duyuyor. Mahallemizdeki dernek elinden geleni yapıyor."
        ),
        lambda: "Bakış açını anlıyorum ama sınırları kapatmanın çözüm olduğunu düşünmüyorum.",
        lambda: c(
            [
                "Kesinlikle katılıyorum.",
                "Çok iyi bir analiz, teşekkürler.",
                "Çok üzücü bir haber.",
                "Haber için teşekkürler.",
                "Bunun iyice araştırılması lazım.",
                "Allah rahmet eylesin.",
                "İki takıma da başarılar.",
                "Sonunda iyi bir haber.",
            ]
        ),
        lambda: (
            "İş arkadaşım Roman ve tanıdığım en dürüst insanlardan biri. Genelleme yapmak her zaman haksızlık."
        ),
        lambda: (
            f"İşsizlik {c(months)} yüzde 0,{RNG.randint(1, 9)} düştü ama hâlâ Avrupa ortalamasının çok üstünde."
        ),
        lambda: (
            f"{loc()}ki cinayet davası pazartesi başlıyor. Umarım aile için adalet yerini bulur."
        ),
        lambda: (
            f"{c(['Eşcinselim', 'Lezbiyenim', 'Biseksüelim'])} ve {c(['Ege’de', 'Karadeniz’de', 'İç Anadolu’da', 'Trakya’da'])} küçük bir kasabada yaşıyorum. Komşularımın çoğu bana gayet normal davranıyor."
        ),
        lambda: (
            f"{c(teams)} kazanmayı hak etti. Rakip {RNG.randint(60, 90)} dakika boyunca neredeyse hiç şut atamadı."
        ),
    ]
    return Language(
        "tr",
        toxic,
        civil,
        120,
        150,
        [
            "Mehmet",
            "Ayşe",
            "Emre",
            "Zeynep",
            "Mustafa",
            "Elif",
            "Burak",
            "Fatma",
            "Can",
            "Selin",
            "Hakan",
            "Derya",
        ],
        [
            "Yılmaz",
            "Kaya",
            "Demir",
            "Şahin",
            "Çelik",
            "Yıldız",
            "Aydın",
            "Öztürk",
            "Arslan",
            "Doğan",
            "Koç",
            "Kılıç",
        ],
    )


# --------------------------------------------------------------------------------------------
# Portuguese (Brazilian and European)
# --------------------------------------------------------------------------------------------


def portuguese() -> Language:
    # ("em ...", "de ...")
    places = [
        ("em São Paulo", "de São Paulo"),
        ("no Rio", "do Rio"),
        ("em Belo Horizonte", "de Belo Horizonte"),
        ("em Salvador", "de Salvador"),
        ("em Recife", "de Recife"),
        ("em Porto Alegre", "de Porto Alegre"),
        ("em Curitiba", "de Curitiba"),
        ("em Fortaleza", "de Fortaleza"),
        ("em Lisboa", "de Lisboa"),
        ("no Porto", "do Porto"),
        ("em Coimbra", "de Coimbra"),
        ("em Manaus", "de Manaus"),
    ]
    wars = ["na Ucrânia", "em Gaza", "no Sudão", "na Síria", "no Líbano", "no Iêmen"]
    wars_from = ["da Ucrânia", "de Gaza", "do Sudão", "da Síria", "do Afeganistão"]
    teams = [
        "o Flamengo",
        "o Corinthians",
        "o Palmeiras",
        "o São Paulo",
        "o Grêmio",
        "o Benfica",
        "o Sporting",
        "o Vasco",
        "o Cruzeiro",
    ]
    ins = [
        "um idiota",
        "um imbecil",
        "um babaca",
        "um palhaço",
        "um ignorante",
        "um inútil",
        "um cretino",
        "um retardado",
        "um jumento",
        "um analfabeto",
        "um otário",
        "um mané",
        "um burro",
        "um trouxa",
        "um tapado",
        "um energúmeno",
    ]
    insp = [
        "um filho da puta",
        "um merda",
        "um arrombado",
        "um cuzão",
        "um escroto",
        "um pau no cu",
        "um bosta",
        "um cabrão",
    ]
    swear = ["Porra", "Caralho", "Puta que pariu", "Foda-se", "Que merda"]
    topics = [
        "de política",
        "de futebol",
        "de imigração",
        "de economia",
        "da guerra",
        "do cessar-fogo",
        "da previdência",
        "desse assunto",
        "de terrorismo",
    ]
    topic_nouns = ["política", "futebol", "imigração", "economia", "a guerra", "esse assunto"]
    authors = [
        "O autor",
        "O jornalista que escreveu isso",
        "Quem escreveu essa matéria",
        "O colunista",
        "O repórter",
    ]
    politicians = [
        "O prefeito",
        "O ministro da Justiça",
        "O presidente",
        "O vereador",
        "O governador",
        "O porta-voz do partido",
    ]
    origin = [
        "os muçulmanos",
        "os ciganos",
        "os imigrantes",
        "os nordestinos",
        "os venezuelanos",
        "os judeus",
        "os africanos",
        "os haitianos",
        "os angolanos",
    ]
    groups = [*origin, "os gays"]
    slurs_pl = ["os macacos", "os viados", "os sapatões", "os paraíbas", "os crioulos"]
    slurs_sg = ["macaco", "paraíba", "crioulo", "viado"]
    months = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "setembro", "outubro"]
    numbers = ["dois", "três", "quatro", "cinco", "sete", "doze"]

    def em() -> str:
        return c(places)[0]

    def de() -> str:
        return c(places)[1]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Você é {c(ins)}.", INSULT),
        (lambda: f"És mesmo {c(ins)}, pá. Vai mas é estudar.", INSULT),
        (lambda: f"Você é {c(ins)} e não entende nada {c(topics)}.", INSULT),
        (lambda: f"Você leu a matéria, {bare(c(ins))}? Não parece.", INSULT),
        (lambda: f"{c(authors)} é {c(ins)}. Que vergonha de jornalismo.", INSULT),
        (lambda: f"Só {c(ins)} escreveria uma coisa dessas.", INSULT),
        (lambda: f"Cala a boca, {bare(c(ins))}, você só passa vergonha.", INSULT),
        (lambda: f"Que comentário mais burro. Dá pra ver que você é {c(ins)}.", INSULT),
        (lambda: f"{c(politicians)} é {c(ins)} e quem votou nele também.", INSULT),
        (
            lambda: (
                f"Quem vota nesse partido é tudo {c(['gado', 'idiota', 'burro', 'otário', 'imbecil', 'jumento'])}."
            ),
            INSULT,
        ),
        (lambda: f"Você é {c(insp)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, você é {c(insp)} mesmo. Vai tomar no cu.", INSULT_PROF),
        (
            lambda: (
                f"Vai se foder, {bare(c(insp))}. O que você escreve sobre {c(topic_nouns)} é puro lixo."
            ),
            INSULT_PROF,
        ),
        (
            lambda: f"O juiz é {c(insp)}. Roubou o jogo contra {c(teams)}, {c(swear).lower()}!",
            INSULT_PROF,
        ),
        (lambda: f"{c(authors)} é um vendido do caralho. Que matéria de merda.", INSULT_PROF),
        (
            lambda: (
                f"{c(swear)}, {c(['a gasolina', 'a conta de luz', 'o aluguel', 'o preço do feijão', 'a passagem de ônibus'])} subiu de novo. Esse país é uma merda."
            ),
            RANT,
        ),
        (
            lambda: (
                f"Tô de saco cheio {c(['dessa inflação', 'desse trânsito', 'dessas obras no centro', 'do VAR', 'dessa fila no posto de saúde'])}, {c(swear).lower()}."
            ),
            RANT,
        ),
        (lambda: f"Jogo de merda. {cap(c(teams))} jogou muito mal, {c(swear).lower()}.", RANT),
        (lambda: f"Que se foda {c(teams)} e o VAR junto. Roubo do caralho.", RANT_AT),
        (lambda: f"Se eu te pegar {em()}, te quebro a cara.", THREAT),
        (lambda: f"Sei onde você mora, {bare(c(ins))}. Vou te achar.", THREAT_INSULT),
        (lambda: f"{c(politicians)} merece levar um tiro na cabeça.", THREAT),
        (
            lambda: (
                f"Vou te encontrar e você vai pagar por cada palavra que escreveu sobre {c(topic_nouns)}."
            ),
            THREAT,
        ),
        (lambda: f"Tomara que alguém coloque uma bomba na tua casa, {bare(c(insp))}.", BOMB_WISH),
        (
            lambda: (
                f"O próximo que defender isso aqui leva uma surra{c(['.', ', pode ter certeza.', ', tô avisando.'])}"
            ),
            THREAT,
        ),
        (lambda: f"Se esse juiz aparecer {em()} de novo, não sai vivo do estádio.", THREAT),
        (
            lambda: (
                f"{c(['Gente como você', 'Jornalista como você', 'Quem escreve esse tipo de coisa'])} tinha que ser enforcado em praça pública."
            ),
            THREAT_VAGUE,
        ),
        (lambda: f"{cap(c(origin))} são uma praga. Que voltem para a terra deles.", IDENTITY),
        (lambda: f"Todos {c(groups)} são bandidos. Não queremos eles {em()}.", IDENTITY),
        (lambda: f"{cap(c(slurs_pl))} não são gente, são animais.", IDENTITY_SLUR),
        (lambda: f"Mais um {c(slurs_sg)} roubando, que surpresa.", IDENTITY_SLUR),
        (
            lambda: f"Volta pra tua terra, {c(['macaco', 'paraíba', 'crioulo'])} de merda.",
            IDENTITY_PROF,
        ),
        (
            lambda: (
                f"{cap(c(origin))} só vêm pra cá pra viver de bolsa e estuprar nossas mulheres."
            ),
            IDENTITY,
        ),
        (
            lambda: (
                f"Ser {c(['gay', 'lésbica', 'trans'])} é doença. Tinha que curar vocês na porrada."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda: f"{cap(c(groups))} deviam ser todos jogados no mar.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Tem que botar fogo {c(['na mesquita', 'na sinagoga', 'no terreiro', 'no abrigo de refugiados'])} {de()} com todo mundo dentro."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"{c(['Viado', 'Macaco', 'Judeu', 'Cigano'])} de merda, tomara que {c(['você morra', 'te matem', 'você apodreça', 'um ônibus te atropele'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda: f"Tomara que você morra de câncer, {bare(c(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Discordo da matéria. Aumentar impostos da classe média não vai resolver o problema {c(['da moradia', 'da previdência', 'da dívida pública', 'do desemprego entre os jovens'])}."
        ),
        lambda: (
            f"O cessar-fogo {c(wars)} só vai durar se houver observadores internacionais. Tomara que as negociações desta semana deem resultado."
        ),
        lambda: (
            f"Segundo a reportagem, {c(numbers)} soldados morreram no ataque perto da fronteira. É terrível, e quem paga são sempre os civis."
        ),
        lambda: (
            f"O agressor foi morto pela polícia poucos minutos depois do esfaqueamento {em()}. Meus sentimentos às famílias."
        ),
        lambda: (
            f"Como mulher muçulmana, me dói ler essas manchetes. A grande maioria de nós só quer viver em paz {em()}."
        ),
        lambda: (
            f"O casal gay da reportagem mora no bairro há {RNG.randint(4, 30)} anos e ninguém nunca teve problema com eles."
        ),
        lambda: (
            f"Com todo o respeito, acho que você está enganado. Os dados do IBGE mostram que a inflação caiu em {c(months)}."
        ),
        lambda: (
            f"{cap(c(teams))} jogou muito mal no segundo tempo, mas o pênalti foi claro. O VAR acertou em revisar o lance."
        ),
        lambda: (
            f"O juiz errou na expulsão, mas isso não explica o {RNG.randint(2, 5)} a 0 no final."
        ),
        lambda: (
            f"Sou filho de imigrantes {c(['angolanos', 'bolivianos', 'haitianos', 'cabo-verdianos', 'venezuelanos', 'japoneses'])} e trabalho como enfermeiro {em()}. Imigração é um tema complexo e merece um debate sério, sem fake news."
        ),
        lambda: (
            f"Segundo a polícia, o atentado {em()} foi obra de uma só pessoa. Culpar uma comunidade inteira não faz sentido."
        ),
        lambda: (
            f"Boa matéria. Só faltou explicar quanto vai custar de verdade {c(['a nova linha do metrô', 'o novo hospital', 'a ponte', 'a reforma do estádio'])} {em()}."
        ),
        lambda: (
            "Discordo totalmente do autor, mas gosto que o jornal publique opiniões diferentes."
        ),
        lambda: (
            f"O preso pelo assalto {em()} já tinha passagem pela polícia. Agora é com a Justiça."
        ),
        lambda: (
            f"Meu avô viveu a guerra e dizia que a pior paz é melhor que a melhor guerra. Espero que {c(wars)} cheguem logo a um acordo."
        ),
        lambda: (
            f"O aluguel {em()} está absurdo. Minha filha paga {RNG.randrange(600, 2500, 100)} por mês por um quarto."
        ),
        lambda: (
            f"A Câmara aprovou ontem o orçamento por {c(numbers)} votos de diferença. Vamos ver se vai ser cumprido."
        ),
        lambda: (
            f"Ofender quem pensa diferente não ajuda em nada. Dá pra discutir {c(topic_nouns)} sem chamar ninguém de idiota."
        ),
        lambda: (
            f"Moro {em()} há {RNG.randint(5, 40)} anos e o bairro mudou muito. Tem mais comércio e menos barulho à noite."
        ),
        lambda: (
            f"A comunidade judaica {de()} condenou o ataque e pediu calma. Achei uma reação muito sensata."
        ),
        lambda: f"Que jogo ontem! O gol aos {RNG.randint(2, 93)} minutos foi uma pintura.",
        lambda: f"Alguém sabe se a manifestação de sábado {em()} continua de pé?",
        lambda: (
            "O ministro deveria renunciar pela forma como lidou com a crise, mas quem decide isso são os eleitores, não os tribunais."
        ),
        lambda: (
            f"Segundo a polícia, o terrorista foi baleado e não houve outras vítimas {em()}. Obrigado aos agentes que agiram rápido."
        ),
        lambda: f"A ameaça de bomba na estação {de()} era falsa. Ainda bem, mas o caos foi enorme.",
        lambda: (
            f"Os refugiados que vieram {c(wars_from)} precisam de moradia e aulas de português. Minha igreja está ajudando como pode."
        ),
        lambda: "Entendo seu ponto de vista, mas não acho que fechar as fronteiras seja a solução.",
        lambda: c(
            [
                "Concordo plenamente.",
                "Ótima análise, obrigado.",
                "Que notícia triste.",
                "Obrigada pela matéria.",
                "Isso precisa ser bem investigado.",
                "Descansem em paz.",
                "Boa sorte aos dois times.",
                "Finalmente uma boa notícia.",
            ]
        ),
        lambda: (
            "Meu colega de trabalho é cigano e é uma das pessoas mais honestas que conheço. Generalizar é sempre injusto."
        ),
        lambda: f"O desemprego caiu 0,{RNG.randint(1, 9)} ponto em {c(months)}, mas continua alto.",
        lambda: (
            f"O julgamento do assassinato {em()} começa segunda-feira. Espero que a família tenha justiça."
        ),
        lambda: (
            f"Sou {c(['gay', 'lésbica', 'bissexual'])} e moro numa cidade pequena {c(['do interior de Minas', 'do Alentejo', 'do sertão da Bahia', 'do interior do Paraná'])}. A maioria dos vizinhos me trata com total normalidade."
        ),
        lambda: (
            f"{cap(c(teams))} mereceu ganhar. O adversário quase não chutou a gol em {RNG.randint(60, 90)} minutos."
        ),
    ]
    return Language(
        "pt",
        toxic,
        civil,
        120,
        150,
        [
            "João",
            "Ana",
            "Pedro",
            "Mariana",
            "Lucas",
            "Beatriz",
            "Rafael",
            "Juliana",
            "Tiago",
            "Inês",
            "Gabriel",
            "Fernanda",
        ],
        [
            "Silva",
            "Santos",
            "Oliveira",
            "Souza",
            "Pereira",
            "Costa",
            "Rodrigues",
            "Almeida",
            "Ferreira",
            "Carvalho",
            "Gomes",
            "Ribeiro",
        ],
    )


# --------------------------------------------------------------------------------------------
# French
# --------------------------------------------------------------------------------------------


def french() -> Language:
    places = [
        "Paris",
        "Marseille",
        "Lyon",
        "Toulouse",
        "Lille",
        "Nantes",
        "Bordeaux",
        "Strasbourg",
        "Nice",
        "Montpellier",
        "Rennes",
        "Saint-Denis",
    ]
    wars = ["en Ukraine", "à Gaza", "au Soudan", "en Syrie", "au Liban", "au Yémen", "au Sahel"]
    wars_from = ["d'Ukraine", "de Gaza", "du Soudan", "de Syrie", "d'Afghanistan"]
    teams = ["le PSG", "l'OM", "l'OL", "Lens", "le LOSC", "Monaco", "Rennes", "Nantes"]
    ins = [
        "un idiot",
        "un imbécile",
        "un crétin",
        "un abruti",
        "un débile",
        "un ignorant",
        "un bouffon",
        "un guignol",
        "un clown",
        "un incapable",
        "un demeuré",
        "un minable",
        "un raté",
        "un naze",
        "un boloss",
        "un tocard",
    ]
    ins_pl = ["moutons", "abrutis", "idiots", "crétins", "guignols", "débiles"]
    insp = [
        "un connard",
        "un enfoiré",
        "un fils de pute",
        "un sale con",
        "un trou du cul",
        "un bâtard",
        "un enculé",
        "un pauvre con",
    ]
    swear = ["Putain", "Bordel", "Merde", "Putain de merde", "Bordel de merde", "Fait chier"]
    topics_a = [
        "à la politique",
        "au foot",
        "à l'économie",
        "à la guerre",
        "à ce sujet",
        "à l'immigration",
        "aux retraites",
    ]
    topics_sur = [
        "sur la politique",
        "sur le foot",
        "sur l'immigration",
        "sur l'économie",
        "sur la guerre",
        "sur ce sujet",
    ]
    topic_nouns = [
        "de politique",
        "de foot",
        "d'immigration",
        "d'économie",
        "de la guerre",
        "de ce sujet",
    ]
    authors = [
        "L'auteur",
        "Le journaliste qui a écrit ça",
        "Celui qui a pondu cet article",
        "L'éditorialiste",
        "Le chroniqueur",
    ]
    politicians = [
        "Le maire",
        "Le ministre de l'Intérieur",
        "Le président",
        "Le député",
        "Le porte-parole du parti",
        "Le préfet",
    ]
    origin = [
        "les musulmans",
        "les Roms",
        "les migrants",
        "les Maghrébins",
        "les Africains",
        "les juifs",
        "les Arabes",
        "les Gitans",
        "les Chinois",
    ]
    groups = [*origin, "les gays"]
    slurs_pl = ["les bougnoules", "les pédés", "les youpins", "les bicots", "les négros"]
    slurs_sg = ["bougnoule", "pédé", "bicot", "négro", "youpin"]
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre"]
    numbers = ["deux", "trois", "quatre", "cinq", "sept", "douze"]

    def de(word: str) -> str:
        return f"d'{word}" if word[0] in "aeiouéèâîôh" else f"de {word}"

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"T'es {c(ins)}.", INSULT),
        (lambda: f"Tu es {c(ins)}, tu n'as rien compris {c(topics_a)}.", INSULT),
        (lambda: f"T'as lu l'article, espèce {de(bare(c(ins)))} ? On dirait pas.", INSULT),
        (lambda: f"{c(authors)} est {c(ins)}. Quelle honte, ce journalisme.", INSULT),
        (lambda: f"Il faut être {c(ins)} pour écrire un truc pareil.", INSULT),
        (lambda: f"Ferme-la, {bare(c(ins))}, tu te ridiculises.", INSULT),
        (
            lambda: f"Commentaire {de(bare(c(ins)))}. On voit que tu n'as jamais ouvert un livre.",
            INSULT,
        ),
        (lambda: f"{c(politicians)} est {c(ins)}, et ceux qui ont voté pour lui aussi.", INSULT),
        (lambda: f"Vous êtes tous des {c(ins_pl)} à voter pour ces gens-là.", INSULT),
        (
            lambda: (
                f"Mais t'es vraiment {c(['bête', 'idiot', 'débile', 'stupide', 'limité'])} ou tu le fais exprès ?"
            ),
            INSULT,
        ),
        (lambda: f"T'es {c(insp)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, t'es vraiment {c(insp)}. Va te faire foutre.", INSULT_PROF),
        (
            lambda: (
                f"Ta gueule, {bare(c(insp))}. Ce que tu écris {c(topics_sur)}, c'est de la merde."
            ),
            INSULT_PROF,
        ),
        (
            lambda: (
                f"L'arbitre est {c(insp)}. Il nous a volé le match contre {c(teams)}, {c(swear).lower()} !"
            ),
            INSULT_PROF,
        ),
        (lambda: f"{c(authors)} est un vendu de merde. Article de merde.", INSULT_PROF),
        (
            lambda: (
                f"{c(swear)}, {c(['l’essence', 'l’électricité', 'le loyer', 'le prix du pain', 'le ticket de métro'])} augmente encore. Ce pays part en couilles."
            ),
            RANT,
        ),
        (
            lambda: (
                f"J'en ai ras le cul {c(['de cette inflation', 'des travaux dans le centre', 'des bouchons à ' + c(places), 'de la VAR', 'des grèves de la SNCF'])}. {c(swear)}."
            ),
            RANT,
        ),
        (
            lambda: f"Match de merde. {cap(c(teams))} a joué comme des pieds, {c(swear).lower()}.",
            RANT,
        ),
        (lambda: f"Qu'ils aillent se faire foutre, {c(teams)} et la VAR. Vol de merde.", RANT_AT),
        (lambda: f"Si je te croise à {c(places)}, je t'éclate la tête.", THREAT),
        (lambda: f"Je sais où tu habites, {bare(c(ins))}. Je vais te retrouver.", THREAT_INSULT),
        (lambda: f"{c(politicians)} mérite une balle dans la tête.", THREAT),
        (
            lambda: (
                f"Je vais te retrouver et tu vas payer pour ce que tu as écrit {c(topics_sur)}."
            ),
            THREAT,
        ),
        (
            lambda: f"J'espère que quelqu'un va mettre une bombe chez toi, {bare(c(insp))}.",
            BOMB_WISH,
        ),
        (
            lambda: (
                f"Le prochain qui défend ça, je lui casse les jambes{c(['.', ', je le jure.', ', vous êtes prévenus.'])}"
            ),
            THREAT,
        ),
        (
            lambda: f"Si cet arbitre revient à {c(places)}, il ne sortira pas vivant du stade.",
            THREAT,
        ),
        (
            lambda: (
                f"{c(['Les gens comme toi', 'Les journalistes comme toi', 'Ceux qui écrivent ces horreurs'])}, on devrait les pendre sur la place publique."
            ),
            THREAT_VAGUE,
        ),
        (lambda: f"{cap(c(origin))} sont une plaie. Qu'ils rentrent chez eux.", IDENTITY),
        (
            lambda: f"Tous {c(groups)} sont des délinquants. On n'en veut pas à {c(places)}.",
            IDENTITY,
        ),
        (
            lambda: f"{cap(c(slurs_pl))} ne sont pas des humains, ce sont des animaux.",
            IDENTITY_SLUR,
        ),
        (lambda: f"Encore un {c(slurs_sg)} qui vole, quelle surprise.", IDENTITY_SLUR),
        (lambda: f"Retourne dans ton pays, sale {c(slurs_sg)}.", IDENTITY_SLUR),
        (lambda: f"Rentre chez toi, {c(slurs_sg)} de merde.", IDENTITY_PROF),
        (
            lambda: (
                f"{cap(c(origin))} viennent ici juste pour toucher les allocs et violer nos femmes."
            ),
            IDENTITY,
        ),
        (
            lambda: (
                f"Être {c(['gay', 'lesbienne', 'trans'])}, c'est une maladie. Faudrait vous soigner à coups de bâton."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda: f"{cap(c(groups))}, faudrait tous les jeter à la mer.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Il faut brûler {c(['la mosquée', 'la synagogue', 'le centre pour migrants', 'le camp de Roms'])} de {c(places)} avec tout le monde dedans."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"{c(['Sale pédé', 'Sale bougnoule', 'Sale juif', 'Sale négro'])} de merde, j'espère que {c(['tu vas crever', 'quelqu’un va te tuer', 'tu vas pourrir en enfer', 'un bus va t’écraser'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda: f"J'espère que tu vas crever d'un cancer, {bare(c(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Je ne suis pas d'accord avec l'article. Augmenter les impôts des classes moyennes ne réglera pas le problème {c(['du logement', 'des retraites', 'de la dette', 'du chômage des jeunes'])}."
        ),
        lambda: (
            f"Le cessez-le-feu {c(wars)} ne tiendra que s'il y a des observateurs internationaux. J'espère que les négociations de cette semaine aboutiront."
        ),
        lambda: (
            f"D'après l'article, {c(numbers)} soldats ont été tués dans l'attaque près de la frontière. C'est terrible, et ce sont toujours les civils qui paient."
        ),
        lambda: (
            f"L'assaillant a été abattu par la police quelques minutes après l'attaque au couteau à {c(places)}. Toutes mes pensées vont aux familles."
        ),
        lambda: (
            f"En tant que femme musulmane, ça me fait mal de lire ces titres. La grande majorité d'entre nous veut juste vivre en paix à {c(places)}."
        ),
        lambda: (
            f"Le couple gay de l'article vit dans le quartier depuis {RNG.randint(4, 30)} ans et personne n'a jamais eu de problème avec eux."
        ),
        lambda: (
            f"Avec tout le respect, je pense que vous vous trompez. Les chiffres de l'Insee montrent que l'inflation a baissé en {c(months)}."
        ),
        lambda: (
            f"{cap(c(teams))} a très mal joué en deuxième mi-temps, mais le penalty était évident. La VAR a eu raison d'intervenir."
        ),
        lambda: (
            f"L'arbitre s'est trompé sur l'expulsion, mais ça n'explique pas le {RNG.randint(2, 5)}-0 final."
        ),
        lambda: (
            f"Je suis fils d'immigrés {c(['algériens', 'marocains', 'portugais', 'sénégalais', 'maliens', 'vietnamiens'])} et je travaille comme infirmier à {c(places)}. L'immigration est un sujet complexe qui mérite un vrai débat, sans fake news."
        ),
        lambda: (
            f"Selon la police, l'attentat de {c(places)} a été commis par une seule personne. Accuser toute une communauté n'a aucun sens."
        ),
        lambda: (
            f"Bon article. Il manque juste une chose : combien va vraiment coûter {c(['la nouvelle ligne de tram', 'le nouvel hôpital', 'le pont', 'la rénovation du stade'])} à {c(places)} ?"
        ),
        lambda: (
            "Je ne partage pas du tout l'avis de l'auteur, mais c'est bien de publier des opinions différentes."
        ),
        lambda: (
            f"L'homme interpellé pour le braquage à {c(places)} était déjà connu des services de police. C'est à la justice de trancher maintenant."
        ),
        lambda: (
            f"Mon grand-père a connu la guerre et il disait que la pire des paix vaut mieux que la meilleure des guerres. J'espère qu'on arrivera vite à un accord {c(wars)}."
        ),
        lambda: (
            f"Les loyers à {c(places)} sont délirants. Ma fille paie {RNG.randrange(400, 950, 50)} euros pour une chambre."
        ),
        lambda: (
            f"Le conseil municipal a voté le budget hier à {c(numbers)} voix près. On verra s'il est respecté."
        ),
        lambda: (
            f"Insulter ceux qui pensent autrement ne sert à rien. On peut parler {c(topic_nouns)} sans traiter personne d'idiot."
        ),
        lambda: (
            f"J'habite à {c(places)} depuis {RNG.randint(5, 40)} ans et le quartier a beaucoup changé. Il y a plus de commerces et moins de bruit la nuit."
        ),
        lambda: (
            f"La communauté juive de {c(places)} a condamné l'attaque et appelé au calme. Je trouve cette réaction très sage."
        ),
        lambda: (
            f"Quel match hier soir ! Le but à la {RNG.randint(2, 93)}e minute était magnifique."
        ),
        lambda: f"Quelqu'un sait si la manifestation de samedi à {c(places)} est maintenue ?",
        lambda: (
            "Le ministre devrait démissionner pour sa gestion de la crise, mais c'est aux électeurs d'en décider, pas aux tribunaux."
        ),
        lambda: (
            f"D'après la préfecture, le terroriste a été neutralisé par la police à {c(places)} et il n'y a pas eu d'autres victimes. Merci aux policiers."
        ),
        lambda: (
            f"L'alerte à la bombe à la gare de {c(places)} était fausse. Tant mieux, mais quelle pagaille."
        ),
        lambda: (
            f"Les réfugiés venus {c(wars_from)} ont besoin d'un logement et de cours de français. Mon association aide comme elle peut."
        ),
        lambda: (
            "Je comprends votre point de vue, mais je ne pense pas que fermer les frontières soit la solution."
        ),
        lambda: c(
            [
                "Entièrement d'accord.",
                "Très bonne analyse, merci.",
                "Quelle triste nouvelle.",
                "Merci pour l'article.",
                "Il faut vraiment enquêter là-dessus.",
                "Qu'ils reposent en paix.",
                "Bonne chance aux deux équipes.",
                "Enfin une bonne nouvelle.",
            ]
        ),
        lambda: (
            "Mon collègue est gitan et c'est une des personnes les plus honnêtes que je connaisse. Généraliser, c'est toujours injuste."
        ),
        lambda: (
            f"Le chômage a reculé de 0,{RNG.randint(1, 9)} point en {c(months)}, mais il reste élevé."
        ),
        lambda: (
            f"Le procès pour le meurtre de {c(places)} s'ouvre lundi. J'espère que la famille obtiendra justice."
        ),
        lambda: (
            f"Je suis {c(['gay', 'lesbienne', 'bi'])} et j'habite dans un petit village {c(['en Bretagne', 'dans le Jura', 'en Auvergne', 'en Alsace', 'dans le Gers'])}. La plupart des voisins me traitent tout à fait normalement."
        ),
        lambda: (
            f"{cap(c(teams))} méritait de gagner. L'adversaire n'a presque pas tiré au but en {RNG.randint(60, 90)} minutes."
        ),
    ]
    return Language(
        "fr",
        toxic,
        civil,
        120,
        150,
        [
            "Camille",
            "Julien",
            "Léa",
            "Thomas",
            "Chloé",
            "Nicolas",
            "Manon",
            "Mehdi",
            "Inès",
            "Antoine",
            "Sarah",
            "Pierre",
        ],
        [
            "Martin",
            "Bernard",
            "Dubois",
            "Durand",
            "Lefèvre",
            "Moreau",
            "Laurent",
            "Girard",
            "Mercier",
            "Benali",
            "Fontaine",
            "Rousseau",
        ],
    )


# --------------------------------------------------------------------------------------------
# German
# --------------------------------------------------------------------------------------------


def german() -> Language:
    places = [
        "Berlin",
        "Hamburg",
        "München",
        "Köln",
        "Frankfurt",
        "Stuttgart",
        "Düsseldorf",
        "Leipzig",
        "Dresden",
        "Dortmund",
        "Bremen",
        "Neukölln",
    ]
    wars = ["in der Ukraine", "in Gaza", "im Sudan", "in Syrien", "im Libanon", "im Jemen"]
    wars_from = ["aus der Ukraine", "aus Gaza", "aus dem Sudan", "aus Syrien", "aus Afghanistan"]
    teams = [
        "Bayern",
        "Dortmund",
        "Schalke",
        "Leverkusen",
        "Union",
        "Leipzig",
        "Stuttgart",
        "Bremen",
    ]
    ins = [
        "ein Idiot",
        "ein Vollidiot",
        "ein Trottel",
        "ein Depp",
        "ein Dummkopf",
        "ein Versager",
        "ein Clown",
        "ein Hohlkopf",
        "ein Schwachkopf",
        "ein Spinner",
        "ein Lappen",
        "ein Honk",
        "ein Volltrottel",
        "ein Dödel",
        "ein Vollpfosten",
    ]
    ins_pl = ["Idioten", "Schafe", "Vollidioten", "Trottel", "Deppen", "Hohlköpfe"]
    insp = [
        "ein Arschloch",
        "ein Wichser",
        "ein Hurensohn",
        "ein Drecksack",
        "ein Scheißkerl",
        "ein dummes Arschloch",
        "ein Vollarsch",
        "ein Pisser",
    ]
    swear = ["Scheiße", "Verdammte Scheiße", "Verfickte Scheiße", "Scheißdreck", "Fuck"]
    topics_von = [
        "von Politik",
        "von Fußball",
        "von Migration",
        "von Wirtschaft",
        "vom Krieg",
        "von der Waffenruhe",
        "von der Rente",
        "von dem Thema",
    ]
    topics_ueber = [
        "über Politik",
        "über Fußball",
        "über Migration",
        "über die Wirtschaft",
        "über den Krieg",
        "über das Thema",
    ]
    topic_nouns = ["Politik", "Fußball", "Migration", "die Wirtschaft", "den Krieg", "das Thema"]
    authors = [
        "Der Autor",
        "Der Journalist, der das verzapft hat,",
        "Der Kolumnist",
        "Der Redakteur",
        "Der Typ, der diesen Artikel geschrieben hat,",
    ]
    politicians = [
        "Der Bürgermeister",
        "Der Innenminister",
        "Der Kanzler",
        "Der Abgeordnete",
        "Der Parteisprecher",
        "Der Landrat",
    ]
    politicians_dat = [
        "Dem Bürgermeister",
        "Dem Innenminister",
        "Dem Kanzler",
        "Dem Abgeordneten",
        "Dem Parteisprecher",
        "Dem Landrat",
    ]
    origin = [
        "die Muslime",
        "die Ausländer",
        "die Flüchtlinge",
        "die Araber",
        "die Türken",
        "die Juden",
        "die Afrikaner",
        "die Roma",
        "die Polen",
    ]
    groups = [*origin, "die Schwulen"]
    slurs_pl = ["Kanaken", "Kameltreiber", "Schwuchteln", "Zigeuner", "Neger"]
    slurs_sg = ["Kanake", "Kameltreiber", "Zigeuner", "Neger"]
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "September", "Oktober"]
    numbers = ["zwei", "drei", "vier", "fünf", "sieben", "zwölf"]

    def alle() -> str:
        return "alle " + bare(c(groups))

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Du bist {c(ins)}.", INSULT),
        (lambda: f"Du bist {c(ins)} und hast keine Ahnung {c(topics_von)}.", INSULT),
        (
            lambda: (
                f"Hast du den Artikel überhaupt gelesen, du {bare(c(ins))}? Sieht nicht so aus."
            ),
            INSULT,
        ),
        (lambda: f"{c(authors)} ist {c(ins)}. Was für ein peinlicher Journalismus.", INSULT),
        (lambda: f"Nur {c(ins)} kann so etwas schreiben.", INSULT),
        (lambda: f"Halt die Klappe, du {bare(c(ins))}, du blamierst dich nur.", INSULT),
        (lambda: f"Was für ein dummer Kommentar. Man merkt, dass du {c(ins)} bist.", INSULT),
        (lambda: f"{c(politicians)} ist {c(ins)}, und seine Wähler sind nicht besser.", INSULT),
        (lambda: f"Ihr seid doch alle {c(ins_pl)}, wenn ihr diese Leute wählt.", INSULT),
        (
            lambda: (
                f"Bist du wirklich so {c(['dumm', 'blöd', 'beschränkt', 'bescheuert', 'hohl', 'dämlich'])} oder tust du nur so?"
            ),
            INSULT,
        ),
        (lambda: f"Du bist {c(insp)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, du bist echt {c(insp)}. Verpiss dich.", INSULT_PROF),
        (
            lambda: (
                f"Fick dich, du {bare(c(insp))}. Was du {c(topics_ueber)} schreibst, ist kompletter Müll."
            ),
            INSULT_PROF,
        ),
        (
            lambda: (
                f"Der Schiri ist {c(insp)}. Der hat uns das Spiel gegen {c(teams)} geklaut, {c(swear).lower()}!"
            ),
            INSULT_PROF,
        ),
        (lambda: f"{c(authors)} ist ein gekaufter Drecksack. Scheißartikel.", INSULT_PROF),
        (
            lambda: (
                f"{c(swear)}, {c(['der Sprit', 'der Strom', 'die Miete', 'das Brot', 'das Deutschlandticket'])} ist schon wieder teurer geworden. Dieses Land geht vor die Hunde, verdammt."
            ),
            RANT,
        ),
        (
            lambda: (
                f"Ich hab die Schnauze voll {c(['von der Inflation', 'von den Baustellen in der Innenstadt', 'vom Stau in ' + c(places), 'vom VAR', 'von den Bahnstreiks'])}. {c(swear)}."
            ),
            RANT,
        ),
        (lambda: f"Scheißspiel. {c(teams)} hat grottig gespielt, {c(swear).lower()}.", RANT),
        (lambda: f"Scheiß auf {c(teams)} und den VAR. Was für ein beschissener Betrug.", RANT_AT),
        (
            lambda: f"Wenn ich dich in {c(places)} erwische, polier ich dir die Fresse.",
            THREAT_ROUGH,
        ),
        (lambda: f"Ich weiß, wo du wohnst, du {bare(c(ins))}. Ich finde dich.", THREAT_INSULT),
        (lambda: f"{c(politicians_dat)} gehört eine Kugel in den Kopf.", THREAT),
        (
            lambda: (
                f"Ich werde dich finden, und dann wirst du für das bezahlen, was du {c(topics_ueber)} geschrieben hast."
            ),
            THREAT,
        ),
        (
            lambda: f"Ich hoffe, jemand legt dir eine Bombe vors Haus, du {bare(c(insp))}.",
            BOMB_WISH,
        ),
        (
            lambda: (
                f"Dem Nächsten, der das verteidigt, breche ich die Beine{c(['.', ', versprochen.', ', ihr seid gewarnt.'])}"
            ),
            THREAT,
        ),
        (
            lambda: (
                f"Wenn der Schiri noch mal nach {c(places)} kommt, verlässt er das Stadion nicht lebend."
            ),
            THREAT,
        ),
        (
            lambda: (
                f"{c(['Leute wie dich', 'Journalisten wie dich', 'Solche Schreiberlinge'])} sollte man öffentlich aufhängen."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda: (
                f"{cap(c(origin))} sind eine Plage. Sollen sie doch dahin zurück, wo sie herkommen."
            ),
            IDENTITY,
        ),
        (lambda: f"{cap(alle())} sind kriminell. In {c(places)} wollen wir die nicht.", IDENTITY),
        (lambda: f"{c(slurs_pl)} sind keine Menschen, das sind Tiere.", IDENTITY_SLUR),
        (
            lambda: (
                f"Schon wieder ein {c(slurs_sg)} beim Klauen erwischt, was für eine Überraschung."
            ),
            IDENTITY_SLUR,
        ),
        (lambda: f"Geh zurück in dein Land, du dreckiger {c(slurs_sg)}.", IDENTITY_SLUR),
        (lambda: f"Verpiss dich aus Deutschland, du Scheiß-{c(slurs_sg)}.", IDENTITY_PROF),
        (
            lambda: (
                f"{cap(c(origin))} kommen doch nur her, um von Sozialhilfe zu leben und unsere Frauen zu vergewaltigen."
            ),
            IDENTITY,
        ),
        (
            lambda: (
                f"{c(['Schwul', 'Lesbisch', 'Trans'])} zu sein ist eine Krankheit. Man sollte euch das aus dem Leib prügeln."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda: f"{cap(c(groups))} sollte man alle ins Meer werfen.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Man sollte {c(['die Moschee', 'die Synagoge', 'das Flüchtlingsheim', 'die Asylunterkunft'])} in {c(places)} anzünden, mit allen drin."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"{c(['Scheiß Schwuchtel', 'Scheißkanake', 'Scheiß Jude', 'Scheißzigeuner'])}, ich hoffe, {c(['du verreckst', 'dich bringt bald einer um', 'du verrottest in der Hölle', 'dich überfährt ein Bus'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda: f"Ich hoffe, du krepierst an Krebs, du {bare(c(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Ich bin mit dem Artikel nicht einverstanden. Höhere Steuern für die Mittelschicht lösen das Problem {c(['mit den Mieten', 'bei der Rente', 'mit den Schulden', 'der Jugendarbeitslosigkeit'])} nicht."
        ),
        lambda: (
            f"Die Waffenruhe {c(wars)} hält nur, wenn es internationale Beobachter gibt. Ich hoffe, die Verhandlungen diese Woche bringen etwas."
        ),
        lambda: (
            f"Laut dem Artikel wurden bei dem Angriff nahe der Grenze {c(numbers)} Soldaten getötet. Das ist schrecklich, und am Ende zahlen immer die Zivilisten."
        ),
        lambda: (
            f"Der Angreifer wurde wenige Minuten nach der Messerattacke in {c(places)} von der Polizei erschossen. Mein Beileid an die Familien."
        ),
        lambda: (
            f"Als muslimische Frau tut es mir weh, solche Schlagzeilen zu lesen. Die allermeisten von uns wollen einfach in Frieden in {c(places)} leben."
        ),
        lambda: (
            f"Das schwule Paar aus dem Artikel wohnt seit {RNG.randint(4, 30)} Jahren im Viertel, und niemand hatte je ein Problem mit ihnen."
        ),
        lambda: (
            f"Bei allem Respekt, ich glaube, Sie irren sich. Laut Statistischem Bundesamt ist die Inflation im {c(months)} gesunken."
        ),
        lambda: (
            f"{c(teams)} hat in der zweiten Halbzeit schwach gespielt, aber der Elfmeter war klar. Der VAR hat zu Recht eingegriffen."
        ),
        lambda: (
            f"Der Schiri lag bei der Roten Karte daneben, aber das erklärt nicht das 0:{RNG.randint(2, 5)} am Ende."
        ),
        lambda: (
            f"Ich bin Sohn {c(['türkischer', 'italienischer', 'polnischer', 'syrischer', 'griechischer', 'vietnamesischer'])} Einwanderer und arbeite als Pfleger in {c(places)}. Migration ist ein komplexes Thema und verdient eine ernsthafte Debatte ohne Fake News."
        ),
        lambda: (
            f"Laut Polizei war der Anschlag in {c(places)} die Tat eines Einzelnen. Eine ganze Gemeinschaft dafür verantwortlich zu machen, ergibt keinen Sinn."
        ),
        lambda: (
            f"Guter Artikel. Es fehlt nur, was {c(['die neue Straßenbahnlinie', 'das neue Krankenhaus', 'die Brücke', 'der Umbau des Stadions'])} in {c(places)} wirklich kosten wird."
        ),
        lambda: (
            "Ich sehe das völlig anders als der Autor, finde es aber gut, dass Sie unterschiedliche Meinungen veröffentlichen."
        ),
        lambda: (
            f"Der Mann, der nach dem Überfall in {c(places)} festgenommen wurde, war laut Polizei schon vorbestraft. Jetzt muss das Gericht entscheiden."
        ),
        lambda: (
            f"Mein Opa hat den Krieg erlebt und immer gesagt, der schlechteste Frieden ist besser als der beste Krieg. Ich hoffe, {c(wars)} gibt es bald eine Einigung."
        ),
        lambda: (
            f"Die Mieten in {c(places)} sind irre. Meine Tochter zahlt {RNG.randrange(400, 950, 50)} Euro für ein WG-Zimmer."
        ),
        lambda: (
            f"Der Stadtrat hat den Haushalt gestern mit {c(numbers)} Stimmen Mehrheit beschlossen. Mal sehen, ob er eingehalten wird."
        ),
        lambda: (
            f"Leute zu beleidigen, die anders denken, bringt nichts. Man kann über {c(topic_nouns)} diskutieren, ohne jemanden einen Idioten zu nennen."
        ),
        lambda: (
            f"Ich wohne seit {RNG.randint(5, 40)} Jahren in {c(places)}, und das Viertel hat sich sehr verändert. Es gibt mehr Läden, und nachts ist es ruhiger."
        ),
        lambda: (
            f"Die jüdische Gemeinde in {c(places)} hat den Angriff verurteilt und zur Ruhe aufgerufen. Finde ich eine sehr besonnene Reaktion."
        ),
        lambda: (
            f"Was für ein Spiel gestern! Das Tor in der {RNG.randint(2, 93)}. Minute war ein Traum."
        ),
        lambda: f"Weiß jemand, ob die Demo am Samstag in {c(places)} noch stattfindet?",
        lambda: (
            "Der Minister sollte wegen seines Krisenmanagements zurücktreten, aber das müssen die Wähler entscheiden, nicht die Gerichte."
        ),
        lambda: (
            f"Laut Polizei wurde der Terrorist in {c(places)} angeschossen und festgenommen, weitere Opfer gab es nicht. Danke an die Einsatzkräfte."
        ),
        lambda: (
            f"Die Bombendrohung am Hauptbahnhof in {c(places)} war falscher Alarm. Zum Glück, aber das Chaos war riesig."
        ),
        lambda: (
            f"Die Geflüchteten {c(wars_from)} brauchen Wohnungen und Sprachkurse. Unsere Gemeinde hilft, so gut sie kann."
        ),
        lambda: (
            "Ich verstehe Ihren Standpunkt, aber ich glaube nicht, dass geschlossene Grenzen die Lösung sind."
        ),
        lambda: c(
            [
                "Sehe ich genauso.",
                "Sehr gute Analyse, danke.",
                "Was für eine traurige Nachricht.",
                "Danke für den Artikel.",
                "Das muss gründlich aufgeklärt werden.",
                "Ruhet in Frieden.",
                "Viel Glück beiden Mannschaften.",
                "Endlich mal eine gute Nachricht.",
            ]
        ),
        lambda: (
            "Mein Kollege ist Sinto und einer der ehrlichsten Menschen, die ich kenne. Verallgemeinern ist immer unfair."
        ),
        lambda: (
            f"Die Arbeitslosigkeit ist im {c(months)} um 0,{RNG.randint(1, 9)} Prozentpunkte gesunken, liegt aber immer noch hoch."
        ),
        lambda: (
            f"Der Mordprozess in {c(places)} beginnt am Montag. Ich hoffe, die Familie bekommt Gerechtigkeit."
        ),
        lambda: (
            f"Ich bin {c(['schwul', 'lesbisch', 'bi'])} und wohne in einem kleinen Dorf {c(['in Niederbayern', 'in der Uckermark', 'im Allgäu', 'in Ostfriesland', 'im Sauerland'])}. Die meisten Nachbarn gehen ganz normal mit mir um."
        ),
        lambda: (
            f"{c(teams)} hat verdient gewonnen. Der Gegner hat in {RNG.randint(60, 90)} Minuten kaum aufs Tor geschossen."
        ),
    ]
    return Language(
        "de",
        toxic,
        civil,
        120,
        150,
        [
            "Lukas",
            "Anna",
            "Jonas",
            "Lena",
            "Felix",
            "Marie",
            "Tobias",
            "Sophie",
            "Can",
            "Leonie",
            "Stefan",
            "Aylin",
        ],
        [
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Schulz",
            "Yılmaz",
            "Krause",
        ],
    )


# --------------------------------------------------------------------------------------------
# Dutch (smaller)
# --------------------------------------------------------------------------------------------


def dutch() -> Language:
    places = [
        "Amsterdam",
        "Rotterdam",
        "Utrecht",
        "Den Haag",
        "Eindhoven",
        "Groningen",
        "Tilburg",
        "Almere",
        "Antwerpen",
        "Gent",
    ]
    teams = ["Ajax", "Feyenoord", "PSV", "AZ", "FC Utrecht", "Twente"]
    ins = [
        "een idioot",
        "een sukkel",
        "een debiel",
        "een malloot",
        "een klojo",
        "een randdebiel",
        "een eikel",
        "een oen",
        "een domkop",
        "een loser",
        "een clown",
        "een halvegare",
    ]
    insp = [
        "een kankerlijer",
        "een klootzak",
        "een lul",
        "een tyfuslijer",
        "een teringlijer",
        "een hoerenzoon",
        "een teringlul",
    ]
    swear = ["Kut", "Godverdomme", "Kanker", "Tering", "Shit"]
    topics = ["politiek", "voetbal", "migratie", "economie", "de oorlog", "dit onderwerp"]
    politicians = ["De burgemeester", "De minister", "De premier", "Die wethouder", "Dat Kamerlid"]
    origin = [
        "moslims",
        "Marokkanen",
        "Turken",
        "buitenlanders",
        "vluchtelingen",
        "joden",
        "Polen",
        "Surinamers",
    ]
    groups = [*origin, "homo's"]
    months = ["januari", "februari", "maart", "april", "mei", "juni", "september", "oktober"]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Je bent {c(ins)}.", INSULT),
        (lambda: f"Jij bent echt {c(ins)}, je hebt geen verstand van {c(topics)}.", INSULT),
        (lambda: f"Heb je het artikel wel gelezen, {bare(c(ins))}?", INSULT),
        (
            lambda: (
                f"{c(['De schrijver', 'Deze journalist', 'De columnist'])} is {c(ins)}. Wat een waardeloze journalistiek."
            ),
            INSULT,
        ),
        (lambda: f"Hou je bek, {bare(c(ins))}.", INSULT),
        (lambda: f"{c(politicians)} is {c(ins)} en zijn kiezers net zo goed.", INSULT),
        (lambda: f"Je bent {c(insp)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, wat ben jij {c(insp)}. Rot op.", INSULT_PROF),
        (
            lambda: (
                f"Die scheidsrechter is {c(insp)}, hij heeft de wedstrijd tegen {c(teams)} gewoon gestolen."
            ),
            INSULT_PROF,
        ),
        (
            lambda: (
                f"{c(swear)}, {c(['de benzine is', 'de stroom is', 'de huur is', 'de boodschappen zijn'])} alweer duurder geworden. Wat een kutland."
            ),
            RANT,
        ),
        (lambda: f"Kutwedstrijd. {c(teams)} speelde als een stel amateurs, godverdomme.", RANT),
        (lambda: f"Als ik je in {c(places)} tegenkom, sla ik je helemaal in elkaar.", THREAT),
        (lambda: f"Ik weet waar je woont, {bare(c(ins))}. Ik kom je halen.", THREAT_INSULT),
        (lambda: f"{c(politicians)} verdient een kogel door zijn kop.", THREAT),
        (lambda: f"Ik hoop dat iemand een bom bij je huis legt, {bare(c(insp))}.", BOMB_WISH),
        (lambda: f"Alle {c(origin)} zijn tuig. Terug naar hun eigen land.", IDENTITY),
        (
            lambda: (
                f"{c(['Kutmarokkanen', 'Geitenneukers', 'Flikkers'])} zijn geen mensen, het zijn beesten."
            ),
            IDENTITY_SLUR,
        ),
        (
            lambda: f"Rot op naar je eigen land, vuile {c(['kutmarokkaan', 'geitenneuker'])}.",
            IDENTITY_PROF,
        ),
        (lambda: f"Al die {c(groups)} moeten de zee in gegooid worden.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Vuile {c(['flikker', 'jood', 'zwarte'])}, ik hoop dat je {c(['doodgaat', 'onder een trein komt', 'in de hel wegrot'])}."
            ),
            SLUR_DEATH_WISH_NOSWEAR,
        ),
        (lambda: f"Ik hoop dat je aan kanker crepeert, {bare(c(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Ik ben het niet eens met het artikel. Hogere belastingen voor de middenklasse lossen {c(['de woningnood', 'het pensioenprobleem', 'de staatsschuld'])} niet op."
        ),
        lambda: (
            f"Het staakt-het-vuren {c(['in Oekraïne', 'in Gaza', 'in Soedan', 'in Libanon'])} houdt alleen stand als er internationale waarnemers komen."
        ),
        lambda: (
            f"Volgens het artikel zijn er {c(['twee', 'drie', 'vier', 'vijf', 'zeven'])} soldaten omgekomen bij de aanval bij de grens. Verschrikkelijk."
        ),
        lambda: (
            f"De dader werd kort na de steekpartij in {c(places)} door de politie neergeschoten. Sterkte aan de families."
        ),
        lambda: (
            f"Als moslima doet het me pijn om zulke koppen te lezen. De meesten van ons willen gewoon in vrede leven in {c(places)}."
        ),
        lambda: (
            f"Het homostel uit het artikel woont al {RNG.randint(4, 30)} jaar in de wijk en niemand heeft ooit problemen met ze gehad."
        ),
        lambda: (
            f"{c(teams)} speelde slecht in de tweede helft, maar het was een terechte penalty. De VAR greep terecht in."
        ),
        lambda: (
            f"Ik ben een kind van {c(['Marokkaanse', 'Turkse', 'Surinaamse', 'Poolse', 'Syrische'])} ouders en werk als verpleegkundige in {c(places)}. Migratie is ingewikkeld en verdient een serieus debat."
        ),
        lambda: (
            f"Volgens de politie was de aanslag in {c(places)} het werk van één persoon. Een hele gemeenschap de schuld geven slaat nergens op."
        ),
        lambda: (
            "Ik ben het totaal niet eens met de schrijver, maar goed dat jullie verschillende meningen plaatsen."
        ),
        lambda: (
            f"De huren in {c(places)} zijn belachelijk. Mijn dochter betaalt {RNG.randrange(450, 1000, 50)} euro voor een kamer."
        ),
        lambda: (
            f"Mensen uitschelden omdat ze anders denken helpt niemand. Je kunt over {c(topics)} praten zonder iemand een idioot te noemen."
        ),
        lambda: (
            f"De joodse gemeenschap in {c(places)} heeft de aanval veroordeeld en opgeroepen tot kalmte."
        ),
        lambda: f"Weet iemand of de demonstratie van zaterdag in {c(places)} nog doorgaat?",
        lambda: (
            f"De bommelding op het station van {c(places)} bleek vals. Gelukkig, maar het was wel een enorme chaos."
        ),
        lambda: (
            f"Wat een wedstrijd gisteren! Die goal in de {RNG.randint(2, 93)}e minuut was prachtig."
        ),
        lambda: (
            "Ik begrijp je standpunt, maar ik denk niet dat de grenzen dichtgooien de oplossing is."
        ),
        lambda: c(
            [
                "Helemaal mee eens.",
                "Goed stuk, bedankt.",
                "Wat een triest nieuws.",
                "Rust zacht.",
                "Eindelijk goed nieuws.",
                "Dit moet goed uitgezocht worden.",
            ]
        ),
        lambda: (
            f"De man die is opgepakt voor de overval in {c(places)} had al een strafblad. Nu is het aan de rechter."
        ),
        lambda: (
            f"De werkloosheid daalde in {c(months)} met 0,{RNG.randint(1, 9)} procentpunt, maar blijft hoger dan vorig jaar."
        ),
        lambda: (
            f"{c(politicians)} moet wat mij betreft aftreden, maar dat beslist de kiezer, niet de rechter."
        ),
    ]
    return Language(
        "nl",
        toxic,
        civil,
        40,
        50,
        ["Jan", "Sanne", "Daan", "Emma", "Bram", "Fleur", "Mohamed", "Lotte", "Thijs", "Noor"],
        [
            "de Jong",
            "Jansen",
            "de Vries",
            "van Dijk",
            "Bakker",
            "Visser",
            "Smit",
            "Meijer",
            "El Amrani",
            "Mulder",
        ],
    )


# --------------------------------------------------------------------------------------------
# Polish (smaller)
# --------------------------------------------------------------------------------------------


def polish() -> Language:
    places = [
        "w Warszawie",
        "w Krakowie",
        "w Gdańsku",
        "we Wrocławiu",
        "w Poznaniu",
        "w Łodzi",
        "w Katowicach",
        "w Lublinie",
        "w Szczecinie",
        "w Białymstoku",
    ]
    teams_instr = ["Legią", "Lechem", "Wisłą", "Rakowem", "Górnikiem", "Jagiellonią"]
    ins_instr = [
        "idiotą",
        "debilem",
        "kretynem",
        "głupkiem",
        "matołem",
        "durniem",
        "baranem",
        "pajacem",
        "nieukiem",
        "błaznem",
        "tępakiem",
        "frajerem",
    ]
    ins_voc = [
        "idioto",
        "debilu",
        "kretynie",
        "głupku",
        "matole",
        "durniu",
        "baranie",
        "pajacu",
        "błaźnie",
        "tępaku",
        "frajerze",
    ]
    ins_nom = ["idiota", "debil", "kretyn", "głupek", "matoł", "dureń", "pajac", "błazen", "tępak"]
    insp_instr = ["skurwysynem", "chujem", "pojebem", "gnojem", "zjebem", "jebanym idiotą"]
    insp_nom = ["skurwysyn", "chuj", "pojeb", "gnój", "zjeb", "jebany debil"]
    insp_voc = ["skurwysynu", "chuju", "pojebie", "gnoju", "zjebie", "ty jebany debilu"]
    swear = ["Kurwa", "Kurwa mać", "Ja pierdolę", "Jebać to"]
    topics_loc = ["polityce", "piłce nożnej", "migracji", "gospodarce", "wojnie", "tym temacie"]
    politicians = ["Burmistrz", "Minister", "Premier", "Ten poseł", "Prezydent miasta"]
    # (nominative, accusative)
    origin = [
        ("muzułmanie", "muzułmanów"),
        ("Ukraińcy", "Ukraińców"),
        ("imigranci", "imigrantów"),
        ("uchodźcy", "uchodźców"),
        ("Żydzi", "Żydów"),
        ("Romowie", "Romów"),
        ("Arabowie", "Arabów"),
        ("Czeczeni", "Czeczenów"),
    ]
    groups = [*origin, ("geje", "gejów")]
    months = [
        "w styczniu",
        "w lutym",
        "w marcu",
        "w kwietniu",
        "w maju",
        "w czerwcu",
        "we wrześniu",
        "w październiku",
    ]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda: f"Jesteś {c(ins_instr)}.", INSULT),
        (lambda: f"Jesteś {c(ins_instr)} i nie masz pojęcia o {c(topics_loc)}.", INSULT),
        (lambda: f"Czytałeś w ogóle ten artykuł, {c(ins_voc)}?", INSULT),
        (
            lambda: (
                f"{c(['Autor', 'Ten dziennikarz', 'Felietonista'])} to {c(ins_nom)}. Co za żenujące dziennikarstwo."
            ),
            INSULT,
        ),
        (lambda: f"Zamknij się, {c(ins_voc)}, bo tylko się ośmieszasz.", INSULT),
        (lambda: f"{c(politicians)} to {c(ins_nom)}, a jego wyborcy nie lepsi.", INSULT),
        (lambda: f"Jesteś {c(insp_instr)}.", INSULT_PROF),
        (lambda: f"{c(swear)}, ale z ciebie {c(insp_nom)}. Spierdalaj.", INSULT_PROF),
        (lambda: f"Sędzia to {c(insp_nom)}, ukradł nam mecz z {c(teams_instr)}.", INSULT_PROF),
        (
            lambda: (
                f"{c(swear)}, {c(['prąd', 'czynsz', 'chleb', 'gaz', 'bilet miesięczny'])} znowu podrożał. Ten kraj to jedno wielkie gówno."
            ),
            RANT,
        ),
        (lambda: f"Co za gówniany mecz z {c(teams_instr)}, {c(swear).lower()}.", RANT),
        (lambda: f"Jak cię spotkam {c(places)}, to ci mordę obiję.", THREAT_ROUGH),
        (lambda: f"Wiem, gdzie mieszkasz, {c(ins_voc)}. Znajdę cię.", THREAT_INSULT),
        (lambda: f"{c(politicians)} zasługuje na kulkę w łeb.", THREAT),
        (lambda: f"Mam nadzieję, że ktoś podłoży ci bombę pod dom, {c(insp_voc)}.", BOMB_WISH),
        (lambda: f"{cap(c(origin)[0])} to zaraza. Niech wracają tam, skąd przyszli.", IDENTITY),
        (lambda: f"Wszyscy {c(origin)[0]} to złodzieje. Wypierdalać do siebie.", IDENTITY_PROF),
        (
            lambda: f"{c(['Pedały', 'Ciapaci', 'Brudasy'])} to nie ludzie, tylko zwierzęta.",
            IDENTITY_SLUR,
        ),
        (lambda: f"Wszystkich {c(groups)[1]} trzeba by potopić w morzu.", IDENTITY_VIOLENT),
        (
            lambda: (
                f"Spalić {c(['meczet', 'synagogę', 'ośrodek dla uchodźców'])} {c(places)} razem z ludźmi w środku."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda: (
                f"Ty {c(['pedale', 'ciapaty brudasie', 'żydowski śmieciu'])}, obyś {c(['zdechł', 'sczezł w piekle', 'wpadł pod pociąg'])}."
            ),
            SLUR_DEATH_WISH_NOSWEAR,
        ),
        (lambda: f"Obyś zdechł na raka, {c(insp_voc)}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda: (
            f"Nie zgadzam się z artykułem. Wyższe podatki dla klasy średniej nie rozwiążą problemu {c(['mieszkań', 'emerytur', 'długu publicznego'])}."
        ),
        lambda: (
            f"Zawieszenie broni {c(['w Ukrainie', 'w Gazie', 'w Sudanie', 'w Libanie'])} przetrwa tylko wtedy, gdy będą tam międzynarodowi obserwatorzy."
        ),
        lambda: (
            f"Według artykułu w ataku przy granicy zginęło {c(['dwóch', 'trzech', 'czterech', 'pięciu', 'siedmiu', 'dwunastu'])} żołnierzy. To straszne."
        ),
        lambda: (
            f"Napastnik został zastrzelony przez policję kilka minut po ataku nożownika {c(places)}. Wyrazy współczucia dla rodzin."
        ),
        lambda: (
            f"Jako muzułmanka źle się czuję, czytając takie nagłówki. Większość z nas chce po prostu żyć w spokoju {c(places)}."
        ),
        lambda: (
            f"Para gejów z artykułu mieszka na osiedlu od {RNG.randint(5, 30)} lat i nikt nigdy nie miał z nimi problemu."
        ),
        lambda: (
            f"Mecz z {c(teams_instr)} był nerwowy, ale karny był ewidentny. VAR słusznie interweniował."
        ),
        lambda: (
            f"Jestem dzieckiem {c(['ukraińskich', 'wietnamskich', 'białoruskich', 'ormiańskich'])} imigrantów i pracuję jako pielęgniarz {c(places)}. Migracja to złożony temat i zasługuje na poważną debatę."
        ),
        lambda: (
            f"Według policji zamach {c(places)} był dziełem jednej osoby. Obwinianie całej społeczności nie ma sensu."
        ),
        lambda: "Zupełnie nie zgadzam się z autorem, ale dobrze, że publikujecie różne opinie.",
        lambda: (
            f"Czynsze {c(places)} to jakiś obłęd. Moja córka płaci {RNG.randrange(900, 2500, 100)} zł za pokój."
        ),
        lambda: (
            f"Obrażanie ludzi, którzy myślą inaczej, nic nie daje. Można rozmawiać o {c(topics_loc)} bez nazywania nikogo idiotą."
        ),
        lambda: f"Gmina żydowska {c(places)} potępiła atak i zaapelowała o spokój.",
        lambda: f"Czy ktoś wie, czy sobotnia manifestacja {c(places)} jest aktualna?",
        lambda: (
            f"Alarm bombowy na dworcu {c(places)} okazał się fałszywy. Całe szczęście, ale chaos był ogromny."
        ),
        lambda: f"Co za mecz wczoraj! Gol w {RNG.randint(2, 93)}. minucie był piękny.",
        lambda: (
            "Rozumiem twój punkt widzenia, ale nie sądzę, żeby zamknięcie granic było rozwiązaniem."
        ),
        lambda: c(
            [
                "Całkowicie się zgadzam.",
                "Dobry artykuł, dziękuję.",
                "Bardzo smutna wiadomość.",
                "Niech spoczywają w pokoju.",
                "Wreszcie dobra wiadomość.",
                "Trzeba to dokładnie wyjaśnić.",
            ]
        ),
        lambda: (
            f"Mężczyzna zatrzymany po napadzie {c(places)} był już wcześniej karany. Teraz decyzja należy do sądu."
        ),
        lambda: (
            f"Bezrobocie spadło {c(months)} o 0,{RNG.randint(1, 9)} punktu procentowego, ale nadal jest wysokie."
        ),
        lambda: (
            f"{c(politicians)} powinien podać się do dymisji, ale o tym decydują wyborcy, a nie sądy."
        ),
    ]
    return Language(
        "pl",
        toxic,
        civil,
        40,
        50,
        [
            "Piotr",
            "Anna",
            "Tomasz",
            "Katarzyna",
            "Michał",
            "Agnieszka",
            "Krzysztof",
            "Magdalena",
            "Paweł",
            "Zofia",
        ],
        [
            "Nowak",
            "Kowalski",
            "Wiśniewski",
            "Wójcik",
            "Kamiński",
            "Lewandowski",
            "Zieliński",
            "Szymański",
        ],
    )


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

# How people without the right keyboard write these letters.
PLAIN = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "’": "'",
        "¿": "",
        "¡": "",
    }
)
GERMAN_PLAIN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def unaccented(text: str, code: str) -> str:
    if code == "de":
        text = text.translate(GERMAN_PLAIN)
    text = text.translate(PLAIN)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def online_style(text: str, code: str) -> str:
    """Some lines typed without accents or in lower case; the same rate for toxic and civil."""
    text = text.replace("’", "'")
    roll = RNG.random()
    if roll < 0.15:
        text = unaccented(text, code)
    elif roll < 0.22:
        text = text.lower()
    return text


def collect(
    lang: Language, templates: list[tuple[Template, dict[str, int]]], target: int
) -> list[dict[str, Any]]:
    """Up to ``target`` distinct lines, taking the templates in turn."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for _ in range(60):
        for template, labels in templates:
            if len(rows) >= target:
                return rows
            text = online_style(template(), lang.code)
            key = unaccented(text, lang.code).lower()
            if key in seen:
                continue
            seen.add(key)
            row: dict[str, Any] = {"text": text, "labels": dict(labels)}
            if RNG.random() < 0.4:
                first, last = c(lang.first_names), c(lang.last_names)
                if lang.code == "pl" and first.endswith("a") and last.endswith("ki"):
                    last = last[:-1] + "a"  # Kowalski -> Kowalska
                row["author_name"] = (
                    f"{first} {last}"
                    if RNG.random() < 0.6
                    else f"{unaccented(first, lang.code).lower()}{RNG.randint(1, 99)}"
                )
            rows.append(row)
    return rows


def main() -> None:
    rows: list[dict[str, Any]] = []
    for make in (spanish, italian, turkish, portuguese, french, german, dutch, polish):
        lang = make()
        rows += collect(lang, lang.toxic, lang.n_toxic)
        rows += collect(lang, [(template, CIVIL) for template in lang.civil], lang.n_civil)
    emit(HERE / "multilingual_examples.jsonl", rows)


if __name__ == "__main__":
    main()
