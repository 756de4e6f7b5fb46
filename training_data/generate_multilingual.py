# ruff: noqa: E501  (template sentences read better unbroken)
"""Generate the project's own labelled NON-ENGLISH news-comment examples.

Run from the repository root: ``python training_data/generate_multilingual.py [--out DIR]``. It
rewrites ``multilingual_examples.jsonl`` next to this file (or in DIR), deterministically: each
language's toxic and civil lines are two batches, ``multilingual/<code>/toxic`` and
``multilingual/<code>/civil``, each drawn from generators of its own seeded by that name
(``batches.py``). The word lists are in ``vocab/multilingual.toml``, one table per language.

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
from dataclasses import dataclass

# The shared module beside this file (this folder is on sys.path when it is run as a script).
from batches import Batch, Row, Template, dedupe, load_vocab, main

VOCAB = load_vocab("multilingual.toml")

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
    v = VOCAB["es"]
    places = v["places"]
    wars = v["wars"]
    teams = v["teams"]
    ins = v["ins"]
    ins_pl = v["ins_pl"]
    insp = v["insp"]
    swear = v["swear"]
    topics = v["topics"]
    authors = v["authors"]
    politicians = v["politicians"]
    origin = v["origin"]
    groups = [*origin, "gays"]
    slurs_pl = v["slurs_pl"]
    slurs_sg = v["slurs_sg"]
    months = v["months"]
    numbers = v["numbers"]

    def swear_l(rng: random.Random) -> str:
        return rng.choice(swear).lower()

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Eres un {rng.choice(ins)}.", INSULT),
        (
            lambda rng: (
                f"Eres un {rng.choice(ins)} y lo sabes. No tienes ni idea de {rng.choice(topics)}."
            ),
            INSULT,
        ),
        (lambda rng: f"¿Tú has leído el artículo, {rng.choice(ins)}? Porque no lo parece.", INSULT),
        (
            lambda rng: (
                f"{rng.choice(authors)} es un {rng.choice(ins)}. Qué vergüenza de periodismo."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"Solo un {rng.choice(ins)} escribiría algo así sobre {rng.choice(topics)}."
            ),
            INSULT,
        ),
        (lambda rng: f"Cállate ya, {rng.choice(ins)}, que das pena.", INSULT),
        (
            lambda rng: (
                f"Menudo {rng.choice(ins)} estás hecho. Vuelve al colegio y aprende a leer."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"Tu opinión sobre {rng.choice(topics)} vale lo mismo que tú: nada. Eres un {rng.choice(ins)} de manual."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"{rng.choice(politicians)} es un {rng.choice(ins)} y los que le votaron, igual."
            ),
            INSULT,
        ),
        (lambda rng: f"Los que votan a este partido son todos unos {rng.choice(ins_pl)}.", INSULT),
        (
            lambda rng: f"Qué comentario más estúpido. Se nota que eres un {rng.choice(ins)}.",
            INSULT,
        ),
        (lambda rng: f"Eres un {rng.choice(insp)}.", INSULT_PROF),
        (
            lambda rng: f"{rng.choice(swear)}, qué {rng.choice(insp)} eres. Vete a la mierda.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Que te den, {rng.choice(insp)}. Lo que dices sobre {rng.choice(topics)} es pura basura."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"El árbitro es un {rng.choice(insp)}. Nos ha robado el partido contra {rng.choice(teams)}, {swear_l(rng)}."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: f"Vete a tomar por culo, {rng.choice(ins)}. Nadie te ha preguntado.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(authors)} es un vendido y un {rng.choice(insp)}. Menuda mierda de artículo."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, otra vez sube {rng.choice(['la luz', 'el alquiler', 'la gasolina', 'la cesta de la compra', 'el abono del metro'])}. Este país es una puta mierda."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Estoy hasta los cojones {rng.choice(['de la inflación', 'de los recortes', 'de las obras del centro', 'de los atascos en ' + rng.choice(places), 'del VAR', 'de las huelgas de Renfe'])}. {rng.choice(swear)}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Puta mierda de partido. {cap(rng.choice(teams))} ha jugado de pena, {swear_l(rng)}."
            ),
            RANT,
        ),
        (lambda rng: f"Me cago en {rng.choice(teams)} y en el VAR. Qué puto robo.", RANT_AT),
        (lambda rng: f"Como te vea por {rng.choice(places)}, te parto la cara.", THREAT),
        (lambda rng: f"Sé dónde vives, {rng.choice(ins)}. Ya te encontraré.", THREAT_INSULT),
        (lambda rng: f"{rng.choice(politicians)} se merece un tiro en la cabeza.", THREAT),
        (
            lambda rng: (
                f"Te voy a buscar y te vas a enterar. Ya verás lo que te pasa por escribir así sobre {rng.choice(topics)}."
            ),
            THREAT,
        ),
        (lambda rng: f"Ojalá te pongan una bomba en casa, {rng.choice(insp)}.", BOMB_WISH),
        (
            lambda rng: (
                f"Al próximo que defienda esto le rompo las piernas{rng.choice(['.', ', lo juro.', ', avisado queda.'])}"
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Si ese árbitro vuelve a pitar en {rng.choice(places)}, no sale vivo del estadio."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"A los {rng.choice(['periodistas como tú', 'que escriben esta basura', 'de tu calaña'])} habría que colgarlos en la plaza del pueblo."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda rng: f"Los {rng.choice(origin)} son una plaga. Que se vuelvan a su país.",
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Todos los {rng.choice(groups)} son unos delincuentes. No los queremos en {rng.choice(places)}."
            ),
            IDENTITY,
        ),
        (lambda rng: f"Los {rng.choice(slurs_pl)} no son personas, son animales.", IDENTITY_SLUR),
        (
            lambda rng: f"Otro {rng.choice(slurs_sg)} robando, qué raro. Fuera de aquí ya.",
            IDENTITY_SLUR,
        ),
        (lambda rng: f"Vete a tu país, {rng.choice(slurs_sg)} de mierda.", IDENTITY_PROF),
        (
            lambda rng: (
                f"Los {rng.choice(origin)} solo vienen a vivir de las ayudas y a violar a nuestras mujeres."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Ser {rng.choice(['gay', 'lesbiana', 'trans'])} es una enfermedad. Habría que curaros a todos a palos."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: f"A los {rng.choice(groups)} habría que echarlos a todos al mar.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Hay que quemar {rng.choice(['la mezquita', 'la sinagoga', 'el centro de menores', 'el centro de acogida'])} de {rng.choice(places)} con todos dentro."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Maricón', 'Moro', 'Sudaca', 'Judío'])} de mierda, ojalá {rng.choice(['te mueras', 'revientes', 'te pille un tren', 'te maten'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda rng: f"Ojalá te mueras de cáncer, {rng.choice(insp)}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"No estoy de acuerdo con el artículo. Subir los impuestos a las rentas medias no va a arreglar el problema de {rng.choice(['la vivienda', 'las pensiones', 'la deuda', 'el paro juvenil'])}."
        ),
        lambda rng: (
            f"El alto el fuego en {rng.choice(wars)} solo aguantará si hay observadores internacionales. Ojalá las negociaciones de esta semana lleguen a algo."
        ),
        lambda rng: (
            f"Según la noticia, {rng.choice(numbers)} soldados murieron en el ataque cerca de la frontera. Es terrible, y los civiles siguen pagando el precio."
        ),
        lambda rng: (
            f"La policía abatió al atacante pocos minutos después del apuñalamiento en {rng.choice(places)}. Mis condolencias a las familias."
        ),
        lambda rng: (
            f"Como mujer musulmana, me duele leer estos titulares. La inmensa mayoría de nosotras solo queremos vivir en paz en {rng.choice(places)}."
        ),
        lambda rng: (
            f"La pareja gay de la noticia lleva {rng.randint(4, 30)} años en el barrio y nadie había tenido nunca ningún problema con ellos."
        ),
        lambda rng: (
            f"Con todo respeto, creo que te equivocas. Los datos del INE muestran que la inflación bajó en {rng.choice(months)}."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} jugó fatal la segunda parte, pero el penalti fue clarísimo. El VAR hizo bien en revisarlo."
        ),
        lambda rng: (
            f"El árbitro se equivocó con la expulsión, aunque eso no explica el 0-{rng.randint(2, 5)} final."
        ),
        lambda rng: (
            f"Soy hijo de inmigrantes {rng.choice(['marroquíes', 'ecuatorianos', 'rumanos', 'colombianos', 'senegaleses', 'peruanos'])} y trabajo como enfermero en {rng.choice(places)}. La inmigración es un tema complejo y merece un debate serio, sin bulos."
        ),
        lambda rng: (
            f"El atentado de {rng.choice(places)} fue obra de un solo individuo, según la policía. Culpar a toda una comunidad no tiene sentido."
        ),
        lambda rng: (
            f"Buen artículo. Faltaría explicar cuánto va a costar de verdad {rng.choice(['la ampliación del metro', 'el nuevo hospital', 'el puente', 'la reforma del estadio'])} de {rng.choice(places)}."
        ),
        lambda rng: (
            "Discrepo totalmente del autor, pero agradezco que publiquen opiniones distintas."
        ),
        lambda rng: (
            f"El detenido por el robo en {rng.choice(places)} ya tenía antecedentes, según fuentes policiales. Ahora le toca al juez."
        ),
        lambda rng: (
            f"Mi abuelo vivió la guerra y siempre decía que la peor paz es mejor que la mejor guerra. Espero que en {rng.choice(wars)} se llegue pronto a un acuerdo."
        ),
        lambda rng: (
            f"Los alquileres en {rng.choice(places)} son una locura. Mi hija paga {rng.randrange(350, 900, 50)} euros por una habitación."
        ),
        lambda rng: (
            f"El pleno del ayuntamiento aprobó ayer el presupuesto por {rng.choice(numbers)} votos de diferencia. Veremos si se cumple."
        ),
        lambda rng: (
            f"Insultar a quien piensa distinto no aporta nada. Se puede hablar de {rng.choice(topics)} sin llamar idiota a nadie."
        ),
        lambda rng: (
            f"Vivo en {rng.choice(places)} desde hace {rng.randint(5, 40)} años y el barrio ha cambiado mucho. Hay más comercios y menos ruido por la noche."
        ),
        lambda rng: (
            f"La comunidad judía de {rng.choice(places)} ha condenado el ataque y ha pedido calma. Me parece una respuesta muy sensata."
        ),
        lambda rng: (
            f"Gran partido ayer. El gol en el minuto {rng.randint(2, 93)} fue una maravilla."
        ),
        lambda rng: (
            f"¿Alguien sabe si la manifestación del sábado en {rng.choice(places)} sigue convocada?"
        ),
        lambda rng: (
            "El ministro debería dimitir por cómo ha gestionado la crisis, pero eso lo tienen que decidir las urnas, no los tribunales."
        ),
        lambda rng: (
            f"Según el informe, el terrorista fue abatido por la policía en {rng.choice(places)} y no hubo más víctimas. Gracias a los agentes que intervinieron."
        ),
        lambda rng: (
            f"La amenaza de bomba en la estación de {rng.choice(places)} resultó ser falsa. Menos mal, pero el caos fue enorme."
        ),
        lambda rng: (
            f"Los refugiados que han llegado de {rng.choice(wars)} necesitan vivienda y clases de español. Mi parroquia está ayudando con lo que puede."
        ),
        lambda rng: (
            "Entiendo tu punto de vista, pero no comparto que cerrar fronteras sea la solución."
        ),
        lambda rng: rng.choice(
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
        lambda rng: (
            "Mi compañero de trabajo es gitano y es de las personas más honradas que conozco. Generalizar siempre es injusto."
        ),
        lambda rng: (
            f"El paro bajó un 0,{rng.randint(1, 9)} % en {rng.choice(months)}, pero sigue muy por encima de la media europea."
        ),
        lambda rng: (
            f"El juicio por el asesinato de {rng.choice(places)} empieza el lunes. Espero que se haga justicia para la familia."
        ),
        lambda rng: (
            f"Soy {rng.choice(['gay', 'lesbiana', 'bisexual'])} y vivo en un pueblo pequeño de {rng.choice(['Teruel', 'Soria', 'Extremadura', 'Galicia', 'Jaén'])}. La mayoría de los vecinos me trata con total normalidad."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} mereció ganar. El otro equipo apenas tiró a puerta en {rng.randint(60, 90)} minutos."
        ),
    ]
    return Language(
        "es",
        toxic,
        civil,
        120,
        150,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# Italian
# --------------------------------------------------------------------------------------------


def italian() -> Language:
    v = VOCAB["it"]
    places = v["places"]
    wars = v["wars"]
    wars_from = v["wars_from"]
    teams = v["teams"]
    ins = v["ins"]
    ins_pl = v["ins_pl"]
    insp = v["insp"]
    swear = v["swear"]
    topics = v["topics"]
    authors = v["authors"]
    politicians = v["politicians"]
    origin = v["origin"]
    groups = [*origin, "i gay"]
    slurs_pl = v["slurs_pl"]
    slurs_sg = v["slurs_sg"]
    months = v["months"]
    numbers = v["numbers"]

    def swear_l(rng: random.Random) -> str:
        return rng.choice(swear).lower()

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Sei {rng.choice(ins)}.", INSULT),
        (lambda rng: f"Sei {rng.choice(ins)} e non capisci niente {rng.choice(topics)}.", INSULT),
        (
            lambda rng: f"Ma l'hai letto l'articolo, {bare(rng.choice(ins))}? Non sembra proprio.",
            INSULT,
        ),
        (
            lambda rng: f"{rng.choice(authors)} è {rng.choice(ins)}. Che vergogna di giornalismo.",
            INSULT,
        ),
        (lambda rng: f"Solo {rng.choice(ins)} può scrivere una cosa del genere.", INSULT),
        (lambda rng: f"Stai zitto, {bare(rng.choice(ins))}, che fai pena.", INSULT),
        (
            lambda rng: (
                f"Ma quanto sei {rng.choice(['stupido', 'ignorante', 'scemo', 'ottuso', 'ridicolo', 'patetico'])}? Torna a scuola e impara a leggere."
            ),
            INSULT,
        ),
        (
            lambda rng: f"{rng.choice(politicians)} è {rng.choice(ins)}, e chi l'ha votato pure.",
            INSULT,
        ),
        (
            lambda rng: (
                f"Commento da {bare(rng.choice(ins))}. Si vede che non hai mai aperto un libro."
            ),
            INSULT,
        ),
        (lambda rng: f"Siete tutti {rng.choice(ins_pl)}, voi che votate questa gente.", INSULT),
        (lambda rng: f"Sei {rng.choice(insp)}.", INSULT_PROF),
        (
            lambda rng: f"{rng.choice(swear)}, sei proprio {rng.choice(insp)}. Vaffanculo.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Vai a cagare, {bare(rng.choice(insp))}. Quello che scrivi {rng.choice(topics)} è pura spazzatura."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"L'arbitro è {rng.choice(insp)}. Ci ha rubato la partita contro {rng.choice(teams)}, {swear_l(rng)}!"
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: f"{rng.choice(authors)} è un venduto del cazzo. Che articolo di merda.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, un altro aumento {rng.choice(['della luce', 'della benzina', 'degli affitti', 'del gas', 'dei biglietti del treno'])}. Questo paese fa schifo."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Ne ho piene le palle {rng.choice(['dei cantieri in centro', 'del traffico a ' + rng.choice(places), 'del VAR', 'di questa inflazione', 'dei ritardi dei treni'])}. Che schifo, cazzo."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Partita di merda. {cap(rng.choice(teams))} ha giocato da schifo, {swear_l(rng)}."
            ),
            RANT,
        ),
        (
            lambda rng: f"Ma vaffanculo {rng.choice(teams)} e pure il VAR. Che furto del cazzo.",
            RANT_AT,
        ),
        (lambda rng: f"Se ti becco a {rng.choice(places)} ti spacco la faccia.", THREAT),
        (lambda rng: f"So dove abiti, {bare(rng.choice(ins))}. Ti vengo a trovare.", THREAT_INSULT),
        (lambda rng: f"{rng.choice(politicians)} meriterebbe una pallottola in testa.", THREAT),
        (
            lambda rng: (
                f"Ti vengo a cercare e vedrai cosa ti succede per quello che hai scritto {rng.choice(topics)}."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Spero che qualcuno ti metta una bomba sotto casa, {bare(rng.choice(insp))}."
            ),
            BOMB_WISH,
        ),
        (
            lambda rng: (
                f"Al prossimo che difende questa roba gli spezzo le gambe{rng.choice(['.', ', giuro.', ', siete avvisati.'])}"
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Se quell'arbitro torna a {rng.choice(places)} non esce vivo dallo stadio."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Quelli come te', 'I giornalisti come te', 'Quelli che scrivono queste cose'])} andrebbero appesi in piazza."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda rng: f"{cap(rng.choice(origin))} sono una piaga. Che tornino a casa loro.",
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Tutti {rng.choice(groups)} sono delinquenti. A {rng.choice(places)} non li vogliamo."
            ),
            IDENTITY,
        ),
        (lambda rng: f"{cap(rng.choice(slurs_pl))} non sono persone, sono bestie.", IDENTITY_SLUR),
        (
            lambda rng: (
                f"L'ennesimo {rng.choice(slurs_sg)} che ruba, che sorpresa. Rimandatelo a casa sua."
            ),
            IDENTITY_SLUR,
        ),
        (lambda rng: f"Torna al tuo paese, {rng.choice(slurs_sg)} di merda.", IDENTITY_PROF),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} vengono qui solo per vivere di sussidi e stuprare le nostre donne."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Essere {rng.choice(['gay', 'lesbica', 'trans'])} è una malattia. Bisognerebbe curarvi a bastonate."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: f"{cap(rng.choice(groups))} andrebbero buttati tutti in mare.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Bisogna dare fuoco {rng.choice(['alla moschea', 'alla sinagoga', 'al centro di accoglienza', 'al campo rom'])} di {rng.choice(places)} con tutti dentro."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Frocio', 'Negro', 'Zingaro', 'Ebreo'])} di merda, spero che {rng.choice(['tu crepi', 'tu muoia', 'ti ammazzino', 'ti investa un treno'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda rng: f"Spero che tu muoia di cancro, {bare(rng.choice(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Non sono d'accordo con l'articolo. Alzare le tasse al ceto medio non risolverà il problema {rng.choice(['della casa', 'delle pensioni', 'del debito', 'della disoccupazione giovanile'])}."
        ),
        lambda rng: (
            f"Il cessate il fuoco {rng.choice(wars)} reggerà solo se ci saranno osservatori internazionali. Speriamo che i negoziati di questa settimana portino a qualcosa."
        ),
        lambda rng: (
            f"Secondo l'articolo, {rng.choice(numbers)} soldati sono morti nell'attacco vicino al confine. È terribile, e a pagare sono sempre i civili."
        ),
        lambda rng: (
            f"L'aggressore è stato ucciso dalla polizia pochi minuti dopo l'accoltellamento a {rng.choice(places)}. Condoglianze alle famiglie delle vittime."
        ),
        lambda rng: (
            f"Da donna musulmana, mi fa male leggere questi titoli. La stragrande maggioranza di noi vuole solo vivere in pace a {rng.choice(places)}."
        ),
        lambda rng: (
            f"La coppia gay dell'articolo vive nel quartiere da {rng.randint(4, 30)} anni e nessuno ha mai avuto problemi con loro."
        ),
        lambda rng: (
            f"Con tutto il rispetto, credo che tu ti sbagli. I dati Istat dicono che l'inflazione è scesa {rng.choice(months)}."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} ha giocato malissimo nel secondo tempo, ma il rigore era netto. Il VAR ha fatto bene a intervenire."
        ),
        lambda rng: (
            f"L'arbitro ha sbagliato sull'espulsione, anche se questo non spiega lo 0-{rng.randint(2, 5)} finale."
        ),
        lambda rng: (
            f"Sono figlio di immigrati {rng.choice(['marocchini', 'albanesi', 'rumeni', 'senegalesi', 'peruviani', 'tunisini'])} e faccio l'infermiere a {rng.choice(places)}. L'immigrazione è un tema complesso e merita un dibattito serio, senza bufale."
        ),
        lambda rng: (
            f"Secondo la polizia l'attentato di {rng.choice(places)} è stato opera di una sola persona. Dare la colpa a un'intera comunità non ha senso."
        ),
        lambda rng: (
            f"Bell'articolo. Mancherebbe solo una spiegazione su quanto costerà davvero {rng.choice(['la nuova linea della metro', 'il nuovo ospedale', 'il ponte', 'la ristrutturazione dello stadio'])} a {rng.choice(places)}."
        ),
        lambda rng: (
            "Non sono per niente d'accordo con l'autore, ma apprezzo che pubblichiate opinioni diverse."
        ),
        lambda rng: (
            f"L'uomo arrestato per la rapina a {rng.choice(places)} aveva già precedenti, secondo la questura. Ora decide il giudice."
        ),
        lambda rng: (
            f"Mio nonno ha vissuto la guerra e diceva sempre che la peggiore pace è meglio della migliore guerra. Spero che {rng.choice(wars)} si arrivi presto a un accordo."
        ),
        lambda rng: (
            f"Gli affitti a {rng.choice(places)} sono folli. Mia figlia paga {rng.randrange(350, 900, 50)} euro per una stanza."
        ),
        lambda rng: (
            f"Ieri il consiglio comunale ha approvato il bilancio con {rng.choice(numbers)} voti di scarto. Vedremo se verrà rispettato."
        ),
        lambda rng: (
            f"Insultare chi la pensa diversamente non serve a niente. Si può parlare {rng.choice(topics)} senza dare dell'idiota a nessuno."
        ),
        lambda rng: (
            f"Vivo a {rng.choice(places)} da {rng.randint(5, 40)} anni e il quartiere è cambiato molto. Ci sono più negozi e meno rumore la notte."
        ),
        lambda rng: (
            f"La comunità ebraica di {rng.choice(places)} ha condannato l'attacco e ha chiesto calma. Mi sembra una risposta molto saggia."
        ),
        lambda rng: (
            f"Che partita ieri sera! Il gol al {rng.randint(2, 93)}° minuto è stato una meraviglia."
        ),
        lambda rng: (
            f"Qualcuno sa se la manifestazione di sabato a {rng.choice(places)} è confermata?"
        ),
        lambda rng: (
            "Il ministro dovrebbe dimettersi per come ha gestito la crisi, ma devono deciderlo gli elettori, non i tribunali."
        ),
        lambda rng: (
            f"Secondo il rapporto il terrorista è stato colpito dalla polizia a {rng.choice(places)} e non ci sono state altre vittime. Grazie agli agenti intervenuti."
        ),
        lambda rng: (
            f"L'allarme bomba alla stazione di {rng.choice(places)} si è rivelato falso. Meno male, ma il caos è stato enorme."
        ),
        lambda rng: (
            f"I profughi arrivati {rng.choice(wars_from)} hanno bisogno di una casa e di corsi di italiano. La mia parrocchia aiuta come può."
        ),
        lambda rng: (
            "Capisco il tuo punto di vista, ma non credo che chiudere le frontiere sia la soluzione."
        ),
        lambda rng: rng.choice(
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
        lambda rng: (
            "Il mio collega è rom ed è una delle persone più oneste che conosca. Generalizzare è sempre ingiusto."
        ),
        lambda rng: (
            f"La disoccupazione è scesa dello 0,{rng.randint(1, 9)}% {rng.choice(months)}, ma resta molto sopra la media europea."
        ),
        lambda rng: (
            f"Il processo per l'omicidio di {rng.choice(places)} comincia lunedì. Spero che la famiglia ottenga giustizia."
        ),
        lambda rng: (
            f"Sono {rng.choice(['gay', 'lesbica', 'bisessuale'])} e vivo in un paesino {rng.choice(['in Calabria', 'in Veneto', 'in Sicilia', 'in Umbria', 'in Piemonte'])}. La maggior parte dei vicini mi tratta con totale normalità."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} ha meritato di vincere. Gli avversari non hanno quasi mai tirato in porta in {rng.randint(60, 90)} minuti."
        ),
    ]
    return Language(
        "it",
        toxic,
        civil,
        120,
        150,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# Turkish
# --------------------------------------------------------------------------------------------


def turkish() -> Language:
    v = VOCAB["tr"]
    # (nominative, locative)
    places = v["places"]
    wars = v["wars"]
    wars_from = v["wars_from"]
    teams = v["teams"]
    # (bare, "you are ...", plural)
    ins = v["ins"]
    insp = v["insp"]
    swear = v["swear"]
    topics = v["topics"]
    authors = v["authors"]
    # (nominative, genitive)
    politicians = v["politicians"]
    origin = v["origin"]
    groups = [*origin, "eşcinseller"]
    slurs_pl = v["slurs_pl"]
    slurs_sg = v["slurs_sg"]
    months = v["months"]
    numbers = v["numbers"]

    def loc(rng: random.Random) -> str:
        return rng.choice(places)[1]

    def nom(rng: random.Random) -> str:
        return rng.choice(places)[0]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Sen tam bir {rng.choice(ins)[1]}.", INSULT),
        (
            lambda rng: (
                f"Sen tam bir {rng.choice(ins)[1]}. {rng.choice(topics)} hakkında hiçbir şey bilmiyorsun."
            ),
            INSULT,
        ),
        (lambda rng: f"Haberi okudun mu {rng.choice(ins)[0]}? Hiç öyle görünmüyor.", INSULT),
        (
            lambda rng: (
                f"{rng.choice(authors)} tam bir {rng.choice(ins)[0]}. Böyle gazetecilik olmaz, yazıklar olsun."
            ),
            INSULT,
        ),
        (lambda rng: f"Ancak bir {rng.choice(ins)[0]} böyle bir şey yazabilir.", INSULT),
        (lambda rng: f"Sus artık {rng.choice(ins)[0]}, rezil oluyorsun.", INSULT),
        (
            lambda rng: (
                f"Senin gibi {rng.choice(ins)[0]} bir adam görmedim. Git önce okumayı öğren."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"{rng.choice(politicians)[0]} tam bir {rng.choice(ins)[0]}, ona oy verenler de öyle."
            ),
            INSULT,
        ),
        (lambda rng: f"Bu partiye oy verenlerin hepsi {rng.choice(ins)[2]}.", INSULT),
        (lambda rng: f"Ne kadar saçma bir yorum. Belli ki {rng.choice(ins)[1]}.", INSULT),
        (lambda rng: f"Sen bir {rng.choice(insp)[1]}.", INSULT_PROF),
        (lambda rng: f"{rng.choice(swear)}, {rng.choice(insp)[1]} sen. Siktir git.", INSULT_PROF),
        (
            lambda rng: (
                f"Siktir git {rng.choice(insp)[0]}. {rng.choice(topics)} hakkında yazdıkların tamamen saçmalık."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Hakem tam bir {rng.choice(insp)[0]}, {rng.choice(teams)} maçını resmen çaldı. {rng.choice(swear)}!"
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(authors)} satılmış bir {rng.choice(insp)[0]}. Ne biçim bok gibi yazı bu."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, {rng.choice(['elektrik', 'benzin', 'kira', 'ekmek', 'doğalgaz', 'akbil'])} yine zamlandı. Bu ülke tam bir bok çukuru."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, bıktım artık bu {rng.choice(['enflasyondan', 'trafikten', 'zamlardan', 'kuyruklardan', 'elektrik kesintilerinden', 'VAR rezaletinden'])}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Bok gibi maç. {rng.choice(teams)} rezil oynadı, {rng.choice(swear).lower()}."
            ),
            RANT,
        ),
        (
            lambda rng: f"Siktir olsun {rng.choice(teams)} yönetimi de VAR da. Resmen soygun.",
            RANT_AT,
        ),
        (lambda rng: f"Seni {loc(rng)} görürsem ağzını burnunu kırarım.", THREAT),
        (
            lambda rng: f"Nerede oturduğunu biliyorum {rng.choice(ins)[0]}. Seni bulacağım.",
            THREAT_INSULT,
        ),
        (lambda rng: f"{rng.choice(politicians)[1]} kafasına bir kurşun sıkmak lazım.", THREAT),
        (lambda rng: f"{rng.choice(politicians)[0]} kurşuna dizilmeyi hak ediyor.", THREAT),
        (
            lambda rng: (
                f"Seni bulacağım ve {rng.choice(topics).lower()} hakkında yazdıklarının hesabını soracağım."
            ),
            THREAT,
        ),
        (lambda rng: f"Sen bir {rng.choice(insp)[1]}, umarım evine bomba koyarlar.", BOMB_WISH),
        (
            lambda rng: (
                f"Bunu savunan bir sonraki kişinin bacaklarını kırarım{rng.choice(['.', ', yemin ederim.', ', haberiniz olsun.'])}"
            ),
            THREAT,
        ),
        (lambda rng: f"O hakem bir daha {loc(rng)} maç yönetirse stadyumdan sağ çıkamaz.", THREAT),
        (
            lambda rng: (
                f"{rng.choice(['Senin gibileri', 'Böyle yazan gazetecileri', 'Bu haberi yazanları'])} meydanda asmak lazım."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} bu ülkenin başına bela. Defolsunlar ülkelerine."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Bütün {rng.choice(origin)} hırsız ve suçlu. {loc(rng)} onları istemiyoruz."
            ),
            IDENTITY,
        ),
        (lambda rng: f"Bu {rng.choice(slurs_pl)} insan değil, hayvan.", IDENTITY_SLUR),
        (
            lambda rng: (
                f"Yine bir {rng.choice(['ibne', 'gavur', 'Suriyeli it', 'çingene'])} hırsızlık yapmış, ne sürpriz. Defolsun gitsin."
            ),
            IDENTITY_SLUR,
        ),
        (lambda rng: f"Siktir git ülkene, pis {rng.choice(slurs_sg)}.", IDENTITY_PROF),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} buraya sadece yardım almak ve kadınlarımıza saldırmak için geliyor."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Eşcinsellik', 'Trans olmak', 'Lezbiyenlik'])} bir hastalık. Hepinizi sopayla düzeltmek lazım."
            ),
            IDENTITY_VIOLENT,
        ),
        (lambda rng: f"{cap(rng.choice(groups))} toplanıp denize atılmalı.", IDENTITY_VIOLENT),
        (
            lambda rng: (
                f"{loc(rng)}ki {rng.choice(['kiliseyi', 'sinagogu', 'cemevini', 'mülteci kampını'])} içindekilerle birlikte yakmak lazım."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['İbne', 'Pis Suriyeli', 'Gavur', 'Ermeni dölü'])} orospu çocuğu, umarım {rng.choice(['geberirsin', 'ölürsün', 'biri seni öldürür', 'sana bir araba çarpar'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda rng: f"Umarım kanserden geberirsin, {rng.choice(insp)[0]}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Habere katılmıyorum. Orta gelirlilere vergi artırmak {rng.choice(['konut sorununu', 'emeklilik sorununu', 'borç sorununu', 'genç işsizliğini'])} çözmez."
        ),
        lambda rng: (
            f"{rng.choice(wars)} ateşkes ancak uluslararası gözlemciler olursa sürer. Umarım bu haftaki görüşmelerden bir sonuç çıkar."
        ),
        lambda rng: (
            f"Habere göre sınır yakınındaki saldırıda {rng.choice(numbers)} asker hayatını kaybetti. Çok acı, bedeli yine siviller ödüyor."
        ),
        lambda rng: (
            f"{loc(rng)} bıçaklı saldırıyı yapan kişi birkaç dakika sonra polis tarafından vurularak etkisiz hale getirildi. Ailelerin başı sağ olsun."
        ),
        lambda rng: (
            f"Müslüman bir kadın olarak bu başlıkları okumak beni üzüyor. Çoğumuz sadece {loc(rng)} huzur içinde yaşamak istiyoruz."
        ),
        lambda rng: (
            f"Haberdeki eşcinsel çift {rng.randint(4, 30)} yıldır bu mahallede yaşıyor ve kimse onlarla bir sorun yaşamamış."
        ),
        lambda rng: (
            f"Saygıyla söylüyorum ama bence yanılıyorsun. TÜİK verilerine göre enflasyon {rng.choice(months)} düştü."
        ),
        lambda rng: (
            f"{rng.choice(teams)} ikinci yarıda çok kötü oynadı ama penaltı çok netti. VAR'ın müdahalesi doğruydu."
        ),
        lambda rng: (
            f"Hakem kırmızı kartta hata yaptı ama bu {rng.randint(2, 5)}-0'lık skoru açıklamıyor."
        ),
        lambda rng: (
            f"{rng.choice(['Bulgaristan’dan gelen', 'Suriyeli', 'Afgan', 'Iraklı', 'Azerbaycanlı'])} göçmen bir ailenin çocuğuyum ve {loc(rng)} hemşire olarak çalışıyorum. Göç karmaşık bir konu, yalan haberlerle değil ciddiyetle tartışılmalı."
        ),
        lambda rng: (
            f"Polise göre {loc(rng)}ki saldırıyı tek bir kişi gerçekleştirmiş. Bütün bir toplumu suçlamanın anlamı yok."
        ),
        lambda rng: (
            f"Güzel haber. Sadece {loc(rng)}ki {rng.choice(['yeni metro hattının', 'yeni hastanenin', 'köprünün', 'stadyum yenilemesinin'])} gerçekte kaça mal olacağı da yazılsaydı iyi olurdu."
        ),
        lambda rng: "Yazara hiç katılmıyorum ama farklı görüşlere yer vermeniz güzel.",
        lambda rng: (
            f"{loc(rng)}ki soygundan tutuklanan kişinin daha önce de sabıkası varmış. Artık karar mahkemenin."
        ),
        lambda rng: (
            f"Dedem savaşı yaşamış, en kötü barışın en iyi savaştan iyi olduğunu söylerdi. Umarım {rng.choice(wars)} yakında bir anlaşmaya varılır."
        ),
        lambda rng: (
            f"{loc(rng)} kiralar çıldırdı. Kızım bir oda için ayda {rng.randrange(8000, 25000, 500)} lira ödüyor."
        ),
        lambda rng: (
            f"Belediye meclisi bütçeyi dün {rng.choice(numbers)} oy farkla kabul etti. Bakalım sözler tutulacak mı."
        ),
        lambda rng: (
            f"Farklı düşünene hakaret etmek hiçbir işe yaramaz. {rng.choice(topics)} hakkında kimseye aptal demeden de tartışabiliriz."
        ),
        lambda rng: (
            f"{rng.randint(5, 40)} yıldır {loc(rng)} yaşıyorum, mahalle çok değişti. Daha fazla dükkan var, geceleri daha az gürültü."
        ),
        lambda rng: (
            f"{loc(rng)}ki Yahudi cemaati saldırıyı kınadı ve sakin olunması çağrısında bulundu. Bence çok yerinde bir tepki."
        ),
        lambda rng: f"Dün akşam ne maçtı! {rng.randint(2, 93)}. dakikadaki gol harikaydı.",
        lambda rng: f"Cumartesi {loc(rng)} yapılacak yürüyüş hâlâ geçerli mi, bilen var mı?",
        lambda rng: (
            "Bakan krizi yönetme biçimi yüzünden istifa etmeli ama buna mahkemeler değil seçmenler karar vermeli."
        ),
        lambda rng: (
            f"Rapora göre {loc(rng)}ki saldırgan polis tarafından vurularak etkisiz hale getirildi ve başka kimse yaralanmadı. Müdahale eden polislere teşekkürler."
        ),
        lambda rng: (
            f"{nom(rng)} garındaki bomba ihbarı asılsız çıktı. Çok şükür ama büyük bir kaos yaşandı."
        ),
        lambda rng: (
            f"{rng.choice(wars_from)} gelen mülteciler ev ve dil kursuna ihtiyaç duyuyor. Mahallemizdeki dernek elinden geleni yapıyor."
        ),
        lambda rng: "Bakış açını anlıyorum ama sınırları kapatmanın çözüm olduğunu düşünmüyorum.",
        lambda rng: rng.choice(
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
        lambda rng: (
            "İş arkadaşım Roman ve tanıdığım en dürüst insanlardan biri. Genelleme yapmak her zaman haksızlık."
        ),
        lambda rng: (
            f"İşsizlik {rng.choice(months)} yüzde 0,{rng.randint(1, 9)} düştü ama hâlâ Avrupa ortalamasının çok üstünde."
        ),
        lambda rng: (
            f"{loc(rng)}ki cinayet davası pazartesi başlıyor. Umarım aile için adalet yerini bulur."
        ),
        lambda rng: (
            f"{rng.choice(['Eşcinselim', 'Lezbiyenim', 'Biseksüelim'])} ve {rng.choice(['Ege’de', 'Karadeniz’de', 'İç Anadolu’da', 'Trakya’da'])} küçük bir kasabada yaşıyorum. Komşularımın çoğu bana gayet normal davranıyor."
        ),
        lambda rng: (
            f"{rng.choice(teams)} kazanmayı hak etti. Rakip {rng.randint(60, 90)} dakika boyunca neredeyse hiç şut atamadı."
        ),
    ]
    return Language(
        "tr",
        toxic,
        civil,
        120,
        150,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# Portuguese (Brazilian and European)
# --------------------------------------------------------------------------------------------


def portuguese() -> Language:
    v = VOCAB["pt"]
    # ("em ...", "de ...")
    places = v["places"]
    wars = v["wars"]
    wars_from = v["wars_from"]
    teams = v["teams"]
    ins = v["ins"]
    insp = v["insp"]
    swear = v["swear"]
    topics = v["topics"]
    topic_nouns = v["topic_nouns"]
    authors = v["authors"]
    politicians = v["politicians"]
    origin = v["origin"]
    groups = [*origin, "os gays"]
    slurs_pl = v["slurs_pl"]
    slurs_sg = v["slurs_sg"]
    months = v["months"]
    numbers = v["numbers"]

    def em(rng: random.Random) -> str:
        return rng.choice(places)[0]

    def de(rng: random.Random) -> str:
        return rng.choice(places)[1]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Você é {rng.choice(ins)}.", INSULT),
        (lambda rng: f"És mesmo {rng.choice(ins)}, pá. Vai mas é estudar.", INSULT),
        (lambda rng: f"Você é {rng.choice(ins)} e não entende nada {rng.choice(topics)}.", INSULT),
        (lambda rng: f"Você leu a matéria, {bare(rng.choice(ins))}? Não parece.", INSULT),
        (
            lambda rng: f"{rng.choice(authors)} é {rng.choice(ins)}. Que vergonha de jornalismo.",
            INSULT,
        ),
        (lambda rng: f"Só {rng.choice(ins)} escreveria uma coisa dessas.", INSULT),
        (lambda rng: f"Cala a boca, {bare(rng.choice(ins))}, você só passa vergonha.", INSULT),
        (
            lambda rng: f"Que comentário mais burro. Dá pra ver que você é {rng.choice(ins)}.",
            INSULT,
        ),
        (
            lambda rng: f"{rng.choice(politicians)} é {rng.choice(ins)} e quem votou nele também.",
            INSULT,
        ),
        (
            lambda rng: (
                f"Quem vota nesse partido é tudo {rng.choice(['gado', 'idiota', 'burro', 'otário', 'imbecil', 'jumento'])}."
            ),
            INSULT,
        ),
        (lambda rng: f"Você é {rng.choice(insp)}.", INSULT_PROF),
        (
            lambda rng: f"{rng.choice(swear)}, você é {rng.choice(insp)} mesmo. Vai tomar no cu.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Vai se foder, {bare(rng.choice(insp))}. O que você escreve sobre {rng.choice(topic_nouns)} é puro lixo."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"O juiz é {rng.choice(insp)}. Roubou o jogo contra {rng.choice(teams)}, {rng.choice(swear).lower()}!"
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: f"{rng.choice(authors)} é um vendido do caralho. Que matéria de merda.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, {rng.choice(['a gasolina', 'a conta de luz', 'o aluguel', 'o preço do feijão', 'a passagem de ônibus'])} subiu de novo. Esse país é uma merda."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Tô de saco cheio {rng.choice(['dessa inflação', 'desse trânsito', 'dessas obras no centro', 'do VAR', 'dessa fila no posto de saúde'])}, {rng.choice(swear).lower()}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Jogo de merda. {cap(rng.choice(teams))} jogou muito mal, {rng.choice(swear).lower()}."
            ),
            RANT,
        ),
        (lambda rng: f"Que se foda {rng.choice(teams)} e o VAR junto. Roubo do caralho.", RANT_AT),
        (lambda rng: f"Se eu te pegar {em(rng)}, te quebro a cara.", THREAT),
        (lambda rng: f"Sei onde você mora, {bare(rng.choice(ins))}. Vou te achar.", THREAT_INSULT),
        (lambda rng: f"{rng.choice(politicians)} merece levar um tiro na cabeça.", THREAT),
        (
            lambda rng: (
                f"Vou te encontrar e você vai pagar por cada palavra que escreveu sobre {rng.choice(topic_nouns)}."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Tomara que alguém coloque uma bomba na tua casa, {bare(rng.choice(insp))}."
            ),
            BOMB_WISH,
        ),
        (
            lambda rng: (
                f"O próximo que defender isso aqui leva uma surra{rng.choice(['.', ', pode ter certeza.', ', tô avisando.'])}"
            ),
            THREAT,
        ),
        (lambda rng: f"Se esse juiz aparecer {em(rng)} de novo, não sai vivo do estádio.", THREAT),
        (
            lambda rng: (
                f"{rng.choice(['Gente como você', 'Jornalista como você', 'Quem escreve esse tipo de coisa'])} tinha que ser enforcado em praça pública."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda rng: f"{cap(rng.choice(origin))} são uma praga. Que voltem para a terra deles.",
            IDENTITY,
        ),
        (
            lambda rng: f"Todos {rng.choice(groups)} são bandidos. Não queremos eles {em(rng)}.",
            IDENTITY,
        ),
        (lambda rng: f"{cap(rng.choice(slurs_pl))} não são gente, são animais.", IDENTITY_SLUR),
        (lambda rng: f"Mais um {rng.choice(slurs_sg)} roubando, que surpresa.", IDENTITY_SLUR),
        (
            lambda rng: (
                f"Volta pra tua terra, {rng.choice(['macaco', 'paraíba', 'crioulo'])} de merda."
            ),
            IDENTITY_PROF,
        ),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} só vêm pra cá pra viver de bolsa e estuprar nossas mulheres."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Ser {rng.choice(['gay', 'lésbica', 'trans'])} é doença. Tinha que curar vocês na porrada."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: f"{cap(rng.choice(groups))} deviam ser todos jogados no mar.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Tem que botar fogo {rng.choice(['na mesquita', 'na sinagoga', 'no terreiro', 'no abrigo de refugiados'])} {de(rng)} com todo mundo dentro."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Viado', 'Macaco', 'Judeu', 'Cigano'])} de merda, tomara que {rng.choice(['você morra', 'te matem', 'você apodreça', 'um ônibus te atropele'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda rng: f"Tomara que você morra de câncer, {bare(rng.choice(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Discordo da matéria. Aumentar impostos da classe média não vai resolver o problema {rng.choice(['da moradia', 'da previdência', 'da dívida pública', 'do desemprego entre os jovens'])}."
        ),
        lambda rng: (
            f"O cessar-fogo {rng.choice(wars)} só vai durar se houver observadores internacionais. Tomara que as negociações desta semana deem resultado."
        ),
        lambda rng: (
            f"Segundo a reportagem, {rng.choice(numbers)} soldados morreram no ataque perto da fronteira. É terrível, e quem paga são sempre os civis."
        ),
        lambda rng: (
            f"O agressor foi morto pela polícia poucos minutos depois do esfaqueamento {em(rng)}. Meus sentimentos às famílias."
        ),
        lambda rng: (
            f"Como mulher muçulmana, me dói ler essas manchetes. A grande maioria de nós só quer viver em paz {em(rng)}."
        ),
        lambda rng: (
            f"O casal gay da reportagem mora no bairro há {rng.randint(4, 30)} anos e ninguém nunca teve problema com eles."
        ),
        lambda rng: (
            f"Com todo o respeito, acho que você está enganado. Os dados do IBGE mostram que a inflação caiu em {rng.choice(months)}."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} jogou muito mal no segundo tempo, mas o pênalti foi claro. O VAR acertou em revisar o lance."
        ),
        lambda rng: (
            f"O juiz errou na expulsão, mas isso não explica o {rng.randint(2, 5)} a 0 no final."
        ),
        lambda rng: (
            f"Sou filho de imigrantes {rng.choice(['angolanos', 'bolivianos', 'haitianos', 'cabo-verdianos', 'venezuelanos', 'japoneses'])} e trabalho como enfermeiro {em(rng)}. Imigração é um tema complexo e merece um debate sério, sem fake news."
        ),
        lambda rng: (
            f"Segundo a polícia, o atentado {em(rng)} foi obra de uma só pessoa. Culpar uma comunidade inteira não faz sentido."
        ),
        lambda rng: (
            f"Boa matéria. Só faltou explicar quanto vai custar de verdade {rng.choice(['a nova linha do metrô', 'o novo hospital', 'a ponte', 'a reforma do estádio'])} {em(rng)}."
        ),
        lambda rng: (
            "Discordo totalmente do autor, mas gosto que o jornal publique opiniões diferentes."
        ),
        lambda rng: (
            f"O preso pelo assalto {em(rng)} já tinha passagem pela polícia. Agora é com a Justiça."
        ),
        lambda rng: (
            f"Meu avô viveu a guerra e dizia que a pior paz é melhor que a melhor guerra. Espero que {rng.choice(wars)} cheguem logo a um acordo."
        ),
        lambda rng: (
            f"O aluguel {em(rng)} está absurdo. Minha filha paga {rng.randrange(600, 2500, 100)} por mês por um quarto."
        ),
        lambda rng: (
            f"A Câmara aprovou ontem o orçamento por {rng.choice(numbers)} votos de diferença. Vamos ver se vai ser cumprido."
        ),
        lambda rng: (
            f"Ofender quem pensa diferente não ajuda em nada. Dá pra discutir {rng.choice(topic_nouns)} sem chamar ninguém de idiota."
        ),
        lambda rng: (
            f"Moro {em(rng)} há {rng.randint(5, 40)} anos e o bairro mudou muito. Tem mais comércio e menos barulho à noite."
        ),
        lambda rng: (
            f"A comunidade judaica {de(rng)} condenou o ataque e pediu calma. Achei uma reação muito sensata."
        ),
        lambda rng: f"Que jogo ontem! O gol aos {rng.randint(2, 93)} minutos foi uma pintura.",
        lambda rng: f"Alguém sabe se a manifestação de sábado {em(rng)} continua de pé?",
        lambda rng: (
            "O ministro deveria renunciar pela forma como lidou com a crise, mas quem decide isso são os eleitores, não os tribunais."
        ),
        lambda rng: (
            f"Segundo a polícia, o terrorista foi baleado e não houve outras vítimas {em(rng)}. Obrigado aos agentes que agiram rápido."
        ),
        lambda rng: (
            f"A ameaça de bomba na estação {de(rng)} era falsa. Ainda bem, mas o caos foi enorme."
        ),
        lambda rng: (
            f"Os refugiados que vieram {rng.choice(wars_from)} precisam de moradia e aulas de português. Minha igreja está ajudando como pode."
        ),
        lambda rng: (
            "Entendo seu ponto de vista, mas não acho que fechar as fronteiras seja a solução."
        ),
        lambda rng: rng.choice(
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
        lambda rng: (
            "Meu colega de trabalho é cigano e é uma das pessoas mais honestas que conheço. Generalizar é sempre injusto."
        ),
        lambda rng: (
            f"O desemprego caiu 0,{rng.randint(1, 9)} ponto em {rng.choice(months)}, mas continua alto."
        ),
        lambda rng: (
            f"O julgamento do assassinato {em(rng)} começa segunda-feira. Espero que a família tenha justiça."
        ),
        lambda rng: (
            f"Sou {rng.choice(['gay', 'lésbica', 'bissexual'])} e moro numa cidade pequena {rng.choice(['do interior de Minas', 'do Alentejo', 'do sertão da Bahia', 'do interior do Paraná'])}. A maioria dos vizinhos me trata com total normalidade."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} mereceu ganhar. O adversário quase não chutou a gol em {rng.randint(60, 90)} minutos."
        ),
    ]
    return Language(
        "pt",
        toxic,
        civil,
        120,
        150,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# French
# --------------------------------------------------------------------------------------------


def french() -> Language:
    v = VOCAB["fr"]
    places = v["places"]
    wars = v["wars"]
    wars_from = v["wars_from"]
    teams = v["teams"]
    ins = v["ins"]
    ins_pl = v["ins_pl"]
    insp = v["insp"]
    swear = v["swear"]
    topics_a = v["topics_a"]
    topics_sur = v["topics_sur"]
    topic_nouns = v["topic_nouns"]
    authors = v["authors"]
    politicians = v["politicians"]
    origin = v["origin"]
    groups = [*origin, "les gays"]
    slurs_pl = v["slurs_pl"]
    slurs_sg = v["slurs_sg"]
    months = v["months"]
    numbers = v["numbers"]

    def de(word: str) -> str:
        return f"d'{word}" if word[0] in "aeiouéèâîôh" else f"de {word}"

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"T'es {rng.choice(ins)}.", INSULT),
        (
            lambda rng: f"Tu es {rng.choice(ins)}, tu n'as rien compris {rng.choice(topics_a)}.",
            INSULT,
        ),
        (
            lambda rng: f"T'as lu l'article, espèce {de(bare(rng.choice(ins)))} ? On dirait pas.",
            INSULT,
        ),
        (
            lambda rng: (
                f"{rng.choice(authors)} est {rng.choice(ins)}. Quelle honte, ce journalisme."
            ),
            INSULT,
        ),
        (lambda rng: f"Il faut être {rng.choice(ins)} pour écrire un truc pareil.", INSULT),
        (lambda rng: f"Ferme-la, {bare(rng.choice(ins))}, tu te ridiculises.", INSULT),
        (
            lambda rng: (
                f"Commentaire {de(bare(rng.choice(ins)))}. On voit que tu n'as jamais ouvert un livre."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"{rng.choice(politicians)} est {rng.choice(ins)}, et ceux qui ont voté pour lui aussi."
            ),
            INSULT,
        ),
        (lambda rng: f"Vous êtes tous des {rng.choice(ins_pl)} à voter pour ces gens-là.", INSULT),
        (
            lambda rng: (
                f"Mais t'es vraiment {rng.choice(['bête', 'idiot', 'débile', 'stupide', 'limité'])} ou tu le fais exprès ?"
            ),
            INSULT,
        ),
        (lambda rng: f"T'es {rng.choice(insp)}.", INSULT_PROF),
        (
            lambda rng: (
                f"{rng.choice(swear)}, t'es vraiment {rng.choice(insp)}. Va te faire foutre."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Ta gueule, {bare(rng.choice(insp))}. Ce que tu écris {rng.choice(topics_sur)}, c'est de la merde."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"L'arbitre est {rng.choice(insp)}. Il nous a volé le match contre {rng.choice(teams)}, {rng.choice(swear).lower()} !"
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: f"{rng.choice(authors)} est un vendu de merde. Article de merde.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, {rng.choice(['l’essence', 'l’électricité', 'le loyer', 'le prix du pain', 'le ticket de métro'])} augmente encore. Ce pays part en couilles."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"J'en ai ras le cul {rng.choice(['de cette inflation', 'des travaux dans le centre', 'des bouchons à ' + rng.choice(places), 'de la VAR', 'des grèves de la SNCF'])}. {rng.choice(swear)}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Match de merde. {cap(rng.choice(teams))} a joué comme des pieds, {rng.choice(swear).lower()}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Qu'ils aillent se faire foutre, {rng.choice(teams)} et la VAR. Vol de merde."
            ),
            RANT_AT,
        ),
        (lambda rng: f"Si je te croise à {rng.choice(places)}, je t'éclate la tête.", THREAT),
        (
            lambda rng: f"Je sais où tu habites, {bare(rng.choice(ins))}. Je vais te retrouver.",
            THREAT_INSULT,
        ),
        (lambda rng: f"{rng.choice(politicians)} mérite une balle dans la tête.", THREAT),
        (
            lambda rng: (
                f"Je vais te retrouver et tu vas payer pour ce que tu as écrit {rng.choice(topics_sur)}."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"J'espère que quelqu'un va mettre une bombe chez toi, {bare(rng.choice(insp))}."
            ),
            BOMB_WISH,
        ),
        (
            lambda rng: (
                f"Le prochain qui défend ça, je lui casse les jambes{rng.choice(['.', ', je le jure.', ', vous êtes prévenus.'])}"
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Si cet arbitre revient à {rng.choice(places)}, il ne sortira pas vivant du stade."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Les gens comme toi', 'Les journalistes comme toi', 'Ceux qui écrivent ces horreurs'])}, on devrait les pendre sur la place publique."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda rng: f"{cap(rng.choice(origin))} sont une plaie. Qu'ils rentrent chez eux.",
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Tous {rng.choice(groups)} sont des délinquants. On n'en veut pas à {rng.choice(places)}."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"{cap(rng.choice(slurs_pl))} ne sont pas des humains, ce sont des animaux."
            ),
            IDENTITY_SLUR,
        ),
        (lambda rng: f"Encore un {rng.choice(slurs_sg)} qui vole, quelle surprise.", IDENTITY_SLUR),
        (lambda rng: f"Retourne dans ton pays, sale {rng.choice(slurs_sg)}.", IDENTITY_SLUR),
        (lambda rng: f"Rentre chez toi, {rng.choice(slurs_sg)} de merde.", IDENTITY_PROF),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} viennent ici juste pour toucher les allocs et violer nos femmes."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"Être {rng.choice(['gay', 'lesbienne', 'trans'])}, c'est une maladie. Faudrait vous soigner à coups de bâton."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: f"{cap(rng.choice(groups))}, faudrait tous les jeter à la mer.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Il faut brûler {rng.choice(['la mosquée', 'la synagogue', 'le centre pour migrants', 'le camp de Roms'])} de {rng.choice(places)} avec tout le monde dedans."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Sale pédé', 'Sale bougnoule', 'Sale juif', 'Sale négro'])} de merde, j'espère que {rng.choice(['tu vas crever', 'quelqu’un va te tuer', 'tu vas pourrir en enfer', 'un bus va t’écraser'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (
            lambda rng: f"J'espère que tu vas crever d'un cancer, {bare(rng.choice(insp))}.",
            DEATH_WISH,
        ),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Je ne suis pas d'accord avec l'article. Augmenter les impôts des classes moyennes ne réglera pas le problème {rng.choice(['du logement', 'des retraites', 'de la dette', 'du chômage des jeunes'])}."
        ),
        lambda rng: (
            f"Le cessez-le-feu {rng.choice(wars)} ne tiendra que s'il y a des observateurs internationaux. J'espère que les négociations de cette semaine aboutiront."
        ),
        lambda rng: (
            f"D'après l'article, {rng.choice(numbers)} soldats ont été tués dans l'attaque près de la frontière. C'est terrible, et ce sont toujours les civils qui paient."
        ),
        lambda rng: (
            f"L'assaillant a été abattu par la police quelques minutes après l'attaque au couteau à {rng.choice(places)}. Toutes mes pensées vont aux familles."
        ),
        lambda rng: (
            f"En tant que femme musulmane, ça me fait mal de lire ces titres. La grande majorité d'entre nous veut juste vivre en paix à {rng.choice(places)}."
        ),
        lambda rng: (
            f"Le couple gay de l'article vit dans le quartier depuis {rng.randint(4, 30)} ans et personne n'a jamais eu de problème avec eux."
        ),
        lambda rng: (
            f"Avec tout le respect, je pense que vous vous trompez. Les chiffres de l'Insee montrent que l'inflation a baissé en {rng.choice(months)}."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} a très mal joué en deuxième mi-temps, mais le penalty était évident. La VAR a eu raison d'intervenir."
        ),
        lambda rng: (
            f"L'arbitre s'est trompé sur l'expulsion, mais ça n'explique pas le {rng.randint(2, 5)}-0 final."
        ),
        lambda rng: (
            f"Je suis fils d'immigrés {rng.choice(['algériens', 'marocains', 'portugais', 'sénégalais', 'maliens', 'vietnamiens'])} et je travaille comme infirmier à {rng.choice(places)}. L'immigration est un sujet complexe qui mérite un vrai débat, sans fake news."
        ),
        lambda rng: (
            f"Selon la police, l'attentat de {rng.choice(places)} a été commis par une seule personne. Accuser toute une communauté n'a aucun sens."
        ),
        lambda rng: (
            f"Bon article. Il manque juste une chose : combien va vraiment coûter {rng.choice(['la nouvelle ligne de tram', 'le nouvel hôpital', 'le pont', 'la rénovation du stade'])} à {rng.choice(places)} ?"
        ),
        lambda rng: (
            "Je ne partage pas du tout l'avis de l'auteur, mais c'est bien de publier des opinions différentes."
        ),
        lambda rng: (
            f"L'homme interpellé pour le braquage à {rng.choice(places)} était déjà connu des services de police. C'est à la justice de trancher maintenant."
        ),
        lambda rng: (
            f"Mon grand-père a connu la guerre et il disait que la pire des paix vaut mieux que la meilleure des guerres. J'espère qu'on arrivera vite à un accord {rng.choice(wars)}."
        ),
        lambda rng: (
            f"Les loyers à {rng.choice(places)} sont délirants. Ma fille paie {rng.randrange(400, 950, 50)} euros pour une chambre."
        ),
        lambda rng: (
            f"Le conseil municipal a voté le budget hier à {rng.choice(numbers)} voix près. On verra s'il est respecté."
        ),
        lambda rng: (
            f"Insulter ceux qui pensent autrement ne sert à rien. On peut parler {rng.choice(topic_nouns)} sans traiter personne d'idiot."
        ),
        lambda rng: (
            f"J'habite à {rng.choice(places)} depuis {rng.randint(5, 40)} ans et le quartier a beaucoup changé. Il y a plus de commerces et moins de bruit la nuit."
        ),
        lambda rng: (
            f"La communauté juive de {rng.choice(places)} a condamné l'attaque et appelé au calme. Je trouve cette réaction très sage."
        ),
        lambda rng: (
            f"Quel match hier soir ! Le but à la {rng.randint(2, 93)}e minute était magnifique."
        ),
        lambda rng: (
            f"Quelqu'un sait si la manifestation de samedi à {rng.choice(places)} est maintenue ?"
        ),
        lambda rng: (
            "Le ministre devrait démissionner pour sa gestion de la crise, mais c'est aux électeurs d'en décider, pas aux tribunaux."
        ),
        lambda rng: (
            f"D'après la préfecture, le terroriste a été neutralisé par la police à {rng.choice(places)} et il n'y a pas eu d'autres victimes. Merci aux policiers."
        ),
        lambda rng: (
            f"L'alerte à la bombe à la gare de {rng.choice(places)} était fausse. Tant mieux, mais quelle pagaille."
        ),
        lambda rng: (
            f"Les réfugiés venus {rng.choice(wars_from)} ont besoin d'un logement et de cours de français. Mon association aide comme elle peut."
        ),
        lambda rng: (
            "Je comprends votre point de vue, mais je ne pense pas que fermer les frontières soit la solution."
        ),
        lambda rng: rng.choice(
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
        lambda rng: (
            "Mon collègue est gitan et c'est une des personnes les plus honnêtes que je connaisse. Généraliser, c'est toujours injuste."
        ),
        lambda rng: (
            f"Le chômage a reculé de 0,{rng.randint(1, 9)} point en {rng.choice(months)}, mais il reste élevé."
        ),
        lambda rng: (
            f"Le procès pour le meurtre de {rng.choice(places)} s'ouvre lundi. J'espère que la famille obtiendra justice."
        ),
        lambda rng: (
            f"Je suis {rng.choice(['gay', 'lesbienne', 'bi'])} et j'habite dans un petit village {rng.choice(['en Bretagne', 'dans le Jura', 'en Auvergne', 'en Alsace', 'dans le Gers'])}. La plupart des voisins me traitent tout à fait normalement."
        ),
        lambda rng: (
            f"{cap(rng.choice(teams))} méritait de gagner. L'adversaire n'a presque pas tiré au but en {rng.randint(60, 90)} minutes."
        ),
    ]
    return Language(
        "fr",
        toxic,
        civil,
        120,
        150,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# German
# --------------------------------------------------------------------------------------------


def german() -> Language:
    v = VOCAB["de"]
    places = v["places"]
    wars = v["wars"]
    wars_from = v["wars_from"]
    teams = v["teams"]
    ins = v["ins"]
    ins_pl = v["ins_pl"]
    insp = v["insp"]
    swear = v["swear"]
    topics_von = v["topics_von"]
    topics_ueber = v["topics_ueber"]
    topic_nouns = v["topic_nouns"]
    authors = v["authors"]
    politicians = v["politicians"]
    politicians_dat = v["politicians_dat"]
    origin = v["origin"]
    groups = [*origin, "die Schwulen"]
    slurs_pl = v["slurs_pl"]
    slurs_sg = v["slurs_sg"]
    months = v["months"]
    numbers = v["numbers"]

    def alle(rng: random.Random) -> str:
        return "alle " + bare(rng.choice(groups))

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Du bist {rng.choice(ins)}.", INSULT),
        (
            lambda rng: (
                f"Du bist {rng.choice(ins)} und hast keine Ahnung {rng.choice(topics_von)}."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"Hast du den Artikel überhaupt gelesen, du {bare(rng.choice(ins))}? Sieht nicht so aus."
            ),
            INSULT,
        ),
        (
            lambda rng: (
                f"{rng.choice(authors)} ist {rng.choice(ins)}. Was für ein peinlicher Journalismus."
            ),
            INSULT,
        ),
        (lambda rng: f"Nur {rng.choice(ins)} kann so etwas schreiben.", INSULT),
        (
            lambda rng: f"Halt die Klappe, du {bare(rng.choice(ins))}, du blamierst dich nur.",
            INSULT,
        ),
        (
            lambda rng: f"Was für ein dummer Kommentar. Man merkt, dass du {rng.choice(ins)} bist.",
            INSULT,
        ),
        (
            lambda rng: (
                f"{rng.choice(politicians)} ist {rng.choice(ins)}, und seine Wähler sind nicht besser."
            ),
            INSULT,
        ),
        (
            lambda rng: f"Ihr seid doch alle {rng.choice(ins_pl)}, wenn ihr diese Leute wählt.",
            INSULT,
        ),
        (
            lambda rng: (
                f"Bist du wirklich so {rng.choice(['dumm', 'blöd', 'beschränkt', 'bescheuert', 'hohl', 'dämlich'])} oder tust du nur so?"
            ),
            INSULT,
        ),
        (lambda rng: f"Du bist {rng.choice(insp)}.", INSULT_PROF),
        (
            lambda rng: f"{rng.choice(swear)}, du bist echt {rng.choice(insp)}. Verpiss dich.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Fick dich, du {bare(rng.choice(insp))}. Was du {rng.choice(topics_ueber)} schreibst, ist kompletter Müll."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Der Schiri ist {rng.choice(insp)}. Der hat uns das Spiel gegen {rng.choice(teams)} geklaut, {rng.choice(swear).lower()}!"
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: f"{rng.choice(authors)} ist ein gekaufter Drecksack. Scheißartikel.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, {rng.choice(['der Sprit', 'der Strom', 'die Miete', 'das Brot', 'das Deutschlandticket'])} ist schon wieder teurer geworden. Dieses Land geht vor die Hunde, verdammt."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Ich hab die Schnauze voll {rng.choice(['von der Inflation', 'von den Baustellen in der Innenstadt', 'vom Stau in ' + rng.choice(places), 'vom VAR', 'von den Bahnstreiks'])}. {rng.choice(swear)}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Scheißspiel. {rng.choice(teams)} hat grottig gespielt, {rng.choice(swear).lower()}."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Scheiß auf {rng.choice(teams)} und den VAR. Was für ein beschissener Betrug."
            ),
            RANT_AT,
        ),
        (
            lambda rng: (
                f"Wenn ich dich in {rng.choice(places)} erwische, polier ich dir die Fresse."
            ),
            THREAT_ROUGH,
        ),
        (
            lambda rng: f"Ich weiß, wo du wohnst, du {bare(rng.choice(ins))}. Ich finde dich.",
            THREAT_INSULT,
        ),
        (lambda rng: f"{rng.choice(politicians_dat)} gehört eine Kugel in den Kopf.", THREAT),
        (
            lambda rng: (
                f"Ich werde dich finden, und dann wirst du für das bezahlen, was du {rng.choice(topics_ueber)} geschrieben hast."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Ich hoffe, jemand legt dir eine Bombe vors Haus, du {bare(rng.choice(insp))}."
            ),
            BOMB_WISH,
        ),
        (
            lambda rng: (
                f"Dem Nächsten, der das verteidigt, breche ich die Beine{rng.choice(['.', ', versprochen.', ', ihr seid gewarnt.'])}"
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"Wenn der Schiri noch mal nach {rng.choice(places)} kommt, verlässt er das Stadion nicht lebend."
            ),
            THREAT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Leute wie dich', 'Journalisten wie dich', 'Solche Schreiberlinge'])} sollte man öffentlich aufhängen."
            ),
            THREAT_VAGUE,
        ),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} sind eine Plage. Sollen sie doch dahin zurück, wo sie herkommen."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"{cap(alle(rng))} sind kriminell. In {rng.choice(places)} wollen wir die nicht."
            ),
            IDENTITY,
        ),
        (lambda rng: f"{rng.choice(slurs_pl)} sind keine Menschen, das sind Tiere.", IDENTITY_SLUR),
        (
            lambda rng: (
                f"Schon wieder ein {rng.choice(slurs_sg)} beim Klauen erwischt, was für eine Überraschung."
            ),
            IDENTITY_SLUR,
        ),
        (
            lambda rng: f"Geh zurück in dein Land, du dreckiger {rng.choice(slurs_sg)}.",
            IDENTITY_SLUR,
        ),
        (
            lambda rng: f"Verpiss dich aus Deutschland, du Scheiß-{rng.choice(slurs_sg)}.",
            IDENTITY_PROF,
        ),
        (
            lambda rng: (
                f"{cap(rng.choice(origin))} kommen doch nur her, um von Sozialhilfe zu leben und unsere Frauen zu vergewaltigen."
            ),
            IDENTITY,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Schwul', 'Lesbisch', 'Trans'])} zu sein ist eine Krankheit. Man sollte euch das aus dem Leib prügeln."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: f"{cap(rng.choice(groups))} sollte man alle ins Meer werfen.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Man sollte {rng.choice(['die Moschee', 'die Synagoge', 'das Flüchtlingsheim', 'die Asylunterkunft'])} in {rng.choice(places)} anzünden, mit allen drin."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Scheiß Schwuchtel', 'Scheißkanake', 'Scheiß Jude', 'Scheißzigeuner'])}, ich hoffe, {rng.choice(['du verreckst', 'dich bringt bald einer um', 'du verrottest in der Hölle', 'dich überfährt ein Bus'])}."
            ),
            SLUR_DEATH_WISH,
        ),
        (lambda rng: f"Ich hoffe, du krepierst an Krebs, du {bare(rng.choice(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Ich bin mit dem Artikel nicht einverstanden. Höhere Steuern für die Mittelschicht lösen das Problem {rng.choice(['mit den Mieten', 'bei der Rente', 'mit den Schulden', 'der Jugendarbeitslosigkeit'])} nicht."
        ),
        lambda rng: (
            f"Die Waffenruhe {rng.choice(wars)} hält nur, wenn es internationale Beobachter gibt. Ich hoffe, die Verhandlungen diese Woche bringen etwas."
        ),
        lambda rng: (
            f"Laut dem Artikel wurden bei dem Angriff nahe der Grenze {rng.choice(numbers)} Soldaten getötet. Das ist schrecklich, und am Ende zahlen immer die Zivilisten."
        ),
        lambda rng: (
            f"Der Angreifer wurde wenige Minuten nach der Messerattacke in {rng.choice(places)} von der Polizei erschossen. Mein Beileid an die Familien."
        ),
        lambda rng: (
            f"Als muslimische Frau tut es mir weh, solche Schlagzeilen zu lesen. Die allermeisten von uns wollen einfach in Frieden in {rng.choice(places)} leben."
        ),
        lambda rng: (
            f"Das schwule Paar aus dem Artikel wohnt seit {rng.randint(4, 30)} Jahren im Viertel, und niemand hatte je ein Problem mit ihnen."
        ),
        lambda rng: (
            f"Bei allem Respekt, ich glaube, Sie irren sich. Laut Statistischem Bundesamt ist die Inflation im {rng.choice(months)} gesunken."
        ),
        lambda rng: (
            f"{rng.choice(teams)} hat in der zweiten Halbzeit schwach gespielt, aber der Elfmeter war klar. Der VAR hat zu Recht eingegriffen."
        ),
        lambda rng: (
            f"Der Schiri lag bei der Roten Karte daneben, aber das erklärt nicht das 0:{rng.randint(2, 5)} am Ende."
        ),
        lambda rng: (
            f"Ich bin Sohn {rng.choice(['türkischer', 'italienischer', 'polnischer', 'syrischer', 'griechischer', 'vietnamesischer'])} Einwanderer und arbeite als Pfleger in {rng.choice(places)}. Migration ist ein komplexes Thema und verdient eine ernsthafte Debatte ohne Fake News."
        ),
        lambda rng: (
            f"Laut Polizei war der Anschlag in {rng.choice(places)} die Tat eines Einzelnen. Eine ganze Gemeinschaft dafür verantwortlich zu machen, ergibt keinen Sinn."
        ),
        lambda rng: (
            f"Guter Artikel. Es fehlt nur, was {rng.choice(['die neue Straßenbahnlinie', 'das neue Krankenhaus', 'die Brücke', 'der Umbau des Stadions'])} in {rng.choice(places)} wirklich kosten wird."
        ),
        lambda rng: (
            "Ich sehe das völlig anders als der Autor, finde es aber gut, dass Sie unterschiedliche Meinungen veröffentlichen."
        ),
        lambda rng: (
            f"Der Mann, der nach dem Überfall in {rng.choice(places)} festgenommen wurde, war laut Polizei schon vorbestraft. Jetzt muss das Gericht entscheiden."
        ),
        lambda rng: (
            f"Mein Opa hat den Krieg erlebt und immer gesagt, der schlechteste Frieden ist besser als der beste Krieg. Ich hoffe, {rng.choice(wars)} gibt es bald eine Einigung."
        ),
        lambda rng: (
            f"Die Mieten in {rng.choice(places)} sind irre. Meine Tochter zahlt {rng.randrange(400, 950, 50)} Euro für ein WG-Zimmer."
        ),
        lambda rng: (
            f"Der Stadtrat hat den Haushalt gestern mit {rng.choice(numbers)} Stimmen Mehrheit beschlossen. Mal sehen, ob er eingehalten wird."
        ),
        lambda rng: (
            f"Leute zu beleidigen, die anders denken, bringt nichts. Man kann über {rng.choice(topic_nouns)} diskutieren, ohne jemanden einen Idioten zu nennen."
        ),
        lambda rng: (
            f"Ich wohne seit {rng.randint(5, 40)} Jahren in {rng.choice(places)}, und das Viertel hat sich sehr verändert. Es gibt mehr Läden, und nachts ist es ruhiger."
        ),
        lambda rng: (
            f"Die jüdische Gemeinde in {rng.choice(places)} hat den Angriff verurteilt und zur Ruhe aufgerufen. Finde ich eine sehr besonnene Reaktion."
        ),
        lambda rng: (
            f"Was für ein Spiel gestern! Das Tor in der {rng.randint(2, 93)}. Minute war ein Traum."
        ),
        lambda rng: (
            f"Weiß jemand, ob die Demo am Samstag in {rng.choice(places)} noch stattfindet?"
        ),
        lambda rng: (
            "Der Minister sollte wegen seines Krisenmanagements zurücktreten, aber das müssen die Wähler entscheiden, nicht die Gerichte."
        ),
        lambda rng: (
            f"Laut Polizei wurde der Terrorist in {rng.choice(places)} angeschossen und festgenommen, weitere Opfer gab es nicht. Danke an die Einsatzkräfte."
        ),
        lambda rng: (
            f"Die Bombendrohung am Hauptbahnhof in {rng.choice(places)} war falscher Alarm. Zum Glück, aber das Chaos war riesig."
        ),
        lambda rng: (
            f"Die Geflüchteten {rng.choice(wars_from)} brauchen Wohnungen und Sprachkurse. Unsere Gemeinde hilft, so gut sie kann."
        ),
        lambda rng: (
            "Ich verstehe Ihren Standpunkt, aber ich glaube nicht, dass geschlossene Grenzen die Lösung sind."
        ),
        lambda rng: rng.choice(
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
        lambda rng: (
            "Mein Kollege ist Sinto und einer der ehrlichsten Menschen, die ich kenne. Verallgemeinern ist immer unfair."
        ),
        lambda rng: (
            f"Die Arbeitslosigkeit ist im {rng.choice(months)} um 0,{rng.randint(1, 9)} Prozentpunkte gesunken, liegt aber immer noch hoch."
        ),
        lambda rng: (
            f"Der Mordprozess in {rng.choice(places)} beginnt am Montag. Ich hoffe, die Familie bekommt Gerechtigkeit."
        ),
        lambda rng: (
            f"Ich bin {rng.choice(['schwul', 'lesbisch', 'bi'])} und wohne in einem kleinen Dorf {rng.choice(['in Niederbayern', 'in der Uckermark', 'im Allgäu', 'in Ostfriesland', 'im Sauerland'])}. Die meisten Nachbarn gehen ganz normal mit mir um."
        ),
        lambda rng: (
            f"{rng.choice(teams)} hat verdient gewonnen. Der Gegner hat in {rng.randint(60, 90)} Minuten kaum aufs Tor geschossen."
        ),
    ]
    return Language(
        "de",
        toxic,
        civil,
        120,
        150,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# Dutch (smaller)
# --------------------------------------------------------------------------------------------


def dutch() -> Language:
    v = VOCAB["nl"]
    places = v["places"]
    teams = v["teams"]
    ins = v["ins"]
    insp = v["insp"]
    swear = v["swear"]
    topics = v["topics"]
    politicians = v["politicians"]
    origin = v["origin"]
    groups = [*origin, "homo's"]
    months = v["months"]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Je bent {rng.choice(ins)}.", INSULT),
        (
            lambda rng: (
                f"Jij bent echt {rng.choice(ins)}, je hebt geen verstand van {rng.choice(topics)}."
            ),
            INSULT,
        ),
        (lambda rng: f"Heb je het artikel wel gelezen, {bare(rng.choice(ins))}?", INSULT),
        (
            lambda rng: (
                f"{rng.choice(['De schrijver', 'Deze journalist', 'De columnist'])} is {rng.choice(ins)}. Wat een waardeloze journalistiek."
            ),
            INSULT,
        ),
        (lambda rng: f"Hou je bek, {bare(rng.choice(ins))}.", INSULT),
        (
            lambda rng: (
                f"{rng.choice(politicians)} is {rng.choice(ins)} en zijn kiezers net zo goed."
            ),
            INSULT,
        ),
        (lambda rng: f"Je bent {rng.choice(insp)}.", INSULT_PROF),
        (lambda rng: f"{rng.choice(swear)}, wat ben jij {rng.choice(insp)}. Rot op.", INSULT_PROF),
        (
            lambda rng: (
                f"Die scheidsrechter is {rng.choice(insp)}, hij heeft de wedstrijd tegen {rng.choice(teams)} gewoon gestolen."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, {rng.choice(['de benzine is', 'de stroom is', 'de huur is', 'de boodschappen zijn'])} alweer duurder geworden. Wat een kutland."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Kutwedstrijd. {rng.choice(teams)} speelde als een stel amateurs, godverdomme."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Als ik je in {rng.choice(places)} tegenkom, sla ik je helemaal in elkaar."
            ),
            THREAT,
        ),
        (
            lambda rng: f"Ik weet waar je woont, {bare(rng.choice(ins))}. Ik kom je halen.",
            THREAT_INSULT,
        ),
        (lambda rng: f"{rng.choice(politicians)} verdient een kogel door zijn kop.", THREAT),
        (
            lambda rng: f"Ik hoop dat iemand een bom bij je huis legt, {bare(rng.choice(insp))}.",
            BOMB_WISH,
        ),
        (lambda rng: f"Alle {rng.choice(origin)} zijn tuig. Terug naar hun eigen land.", IDENTITY),
        (
            lambda rng: (
                f"{rng.choice(['Kutmarokkanen', 'Geitenneukers', 'Flikkers'])} zijn geen mensen, het zijn beesten."
            ),
            IDENTITY_SLUR,
        ),
        (
            lambda rng: (
                f"Rot op naar je eigen land, vuile {rng.choice(['kutmarokkaan', 'geitenneuker'])}."
            ),
            IDENTITY_PROF,
        ),
        (
            lambda rng: f"Al die {rng.choice(groups)} moeten de zee in gegooid worden.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Vuile {rng.choice(['flikker', 'jood', 'zwarte'])}, ik hoop dat je {rng.choice(['doodgaat', 'onder een trein komt', 'in de hel wegrot'])}."
            ),
            SLUR_DEATH_WISH_NOSWEAR,
        ),
        (lambda rng: f"Ik hoop dat je aan kanker crepeert, {bare(rng.choice(insp))}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Ik ben het niet eens met het artikel. Hogere belastingen voor de middenklasse lossen {rng.choice(['de woningnood', 'het pensioenprobleem', 'de staatsschuld'])} niet op."
        ),
        lambda rng: (
            f"Het staakt-het-vuren {rng.choice(['in Oekraïne', 'in Gaza', 'in Soedan', 'in Libanon'])} houdt alleen stand als er internationale waarnemers komen."
        ),
        lambda rng: (
            f"Volgens het artikel zijn er {rng.choice(['twee', 'drie', 'vier', 'vijf', 'zeven'])} soldaten omgekomen bij de aanval bij de grens. Verschrikkelijk."
        ),
        lambda rng: (
            f"De dader werd kort na de steekpartij in {rng.choice(places)} door de politie neergeschoten. Sterkte aan de families."
        ),
        lambda rng: (
            f"Als moslima doet het me pijn om zulke koppen te lezen. De meesten van ons willen gewoon in vrede leven in {rng.choice(places)}."
        ),
        lambda rng: (
            f"Het homostel uit het artikel woont al {rng.randint(4, 30)} jaar in de wijk en niemand heeft ooit problemen met ze gehad."
        ),
        lambda rng: (
            f"{rng.choice(teams)} speelde slecht in de tweede helft, maar het was een terechte penalty. De VAR greep terecht in."
        ),
        lambda rng: (
            f"Ik ben een kind van {rng.choice(['Marokkaanse', 'Turkse', 'Surinaamse', 'Poolse', 'Syrische'])} ouders en werk als verpleegkundige in {rng.choice(places)}. Migratie is ingewikkeld en verdient een serieus debat."
        ),
        lambda rng: (
            f"Volgens de politie was de aanslag in {rng.choice(places)} het werk van één persoon. Een hele gemeenschap de schuld geven slaat nergens op."
        ),
        lambda rng: (
            "Ik ben het totaal niet eens met de schrijver, maar goed dat jullie verschillende meningen plaatsen."
        ),
        lambda rng: (
            f"De huren in {rng.choice(places)} zijn belachelijk. Mijn dochter betaalt {rng.randrange(450, 1000, 50)} euro voor een kamer."
        ),
        lambda rng: (
            f"Mensen uitschelden omdat ze anders denken helpt niemand. Je kunt over {rng.choice(topics)} praten zonder iemand een idioot te noemen."
        ),
        lambda rng: (
            f"De joodse gemeenschap in {rng.choice(places)} heeft de aanval veroordeeld en opgeroepen tot kalmte."
        ),
        lambda rng: (
            f"Weet iemand of de demonstratie van zaterdag in {rng.choice(places)} nog doorgaat?"
        ),
        lambda rng: (
            f"De bommelding op het station van {rng.choice(places)} bleek vals. Gelukkig, maar het was wel een enorme chaos."
        ),
        lambda rng: (
            f"Wat een wedstrijd gisteren! Die goal in de {rng.randint(2, 93)}e minuut was prachtig."
        ),
        lambda rng: (
            "Ik begrijp je standpunt, maar ik denk niet dat de grenzen dichtgooien de oplossing is."
        ),
        lambda rng: rng.choice(
            [
                "Helemaal mee eens.",
                "Goed stuk, bedankt.",
                "Wat een triest nieuws.",
                "Rust zacht.",
                "Eindelijk goed nieuws.",
                "Dit moet goed uitgezocht worden.",
            ]
        ),
        lambda rng: (
            f"De man die is opgepakt voor de overval in {rng.choice(places)} had al een strafblad. Nu is het aan de rechter."
        ),
        lambda rng: (
            f"De werkloosheid daalde in {rng.choice(months)} met 0,{rng.randint(1, 9)} procentpunt, maar blijft hoger dan vorig jaar."
        ),
        lambda rng: (
            f"{rng.choice(politicians)} moet wat mij betreft aftreden, maar dat beslist de kiezer, niet de rechter."
        ),
    ]
    return Language(
        "nl",
        toxic,
        civil,
        40,
        50,
        v["first_names"],
        v["last_names"],
    )


# --------------------------------------------------------------------------------------------
# Polish (smaller)
# --------------------------------------------------------------------------------------------


def polish() -> Language:
    v = VOCAB["pl"]
    places = v["places"]
    teams_instr = v["teams_instr"]
    ins_instr = v["ins_instr"]
    ins_voc = v["ins_voc"]
    ins_nom = v["ins_nom"]
    insp_instr = v["insp_instr"]
    insp_nom = v["insp_nom"]
    insp_voc = v["insp_voc"]
    swear = v["swear"]
    topics_loc = v["topics_loc"]
    politicians = v["politicians"]
    # (nominative, accusative)
    origin = v["origin"]
    groups = [*origin, ("geje", "gejów")]
    months = v["months"]

    toxic: list[tuple[Template, dict[str, int]]] = [
        (lambda rng: f"Jesteś {rng.choice(ins_instr)}.", INSULT),
        (
            lambda rng: (
                f"Jesteś {rng.choice(ins_instr)} i nie masz pojęcia o {rng.choice(topics_loc)}."
            ),
            INSULT,
        ),
        (lambda rng: f"Czytałeś w ogóle ten artykuł, {rng.choice(ins_voc)}?", INSULT),
        (
            lambda rng: (
                f"{rng.choice(['Autor', 'Ten dziennikarz', 'Felietonista'])} to {rng.choice(ins_nom)}. Co za żenujące dziennikarstwo."
            ),
            INSULT,
        ),
        (lambda rng: f"Zamknij się, {rng.choice(ins_voc)}, bo tylko się ośmieszasz.", INSULT),
        (
            lambda rng: (
                f"{rng.choice(politicians)} to {rng.choice(ins_nom)}, a jego wyborcy nie lepsi."
            ),
            INSULT,
        ),
        (lambda rng: f"Jesteś {rng.choice(insp_instr)}.", INSULT_PROF),
        (
            lambda rng: f"{rng.choice(swear)}, ale z ciebie {rng.choice(insp_nom)}. Spierdalaj.",
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"Sędzia to {rng.choice(insp_nom)}, ukradł nam mecz z {rng.choice(teams_instr)}."
            ),
            INSULT_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(swear)}, {rng.choice(['prąd', 'czynsz', 'chleb', 'gaz', 'bilet miesięczny'])} znowu podrożał. Ten kraj to jedno wielkie gówno."
            ),
            RANT,
        ),
        (
            lambda rng: (
                f"Co za gówniany mecz z {rng.choice(teams_instr)}, {rng.choice(swear).lower()}."
            ),
            RANT,
        ),
        (lambda rng: f"Jak cię spotkam {rng.choice(places)}, to ci mordę obiję.", THREAT_ROUGH),
        (lambda rng: f"Wiem, gdzie mieszkasz, {rng.choice(ins_voc)}. Znajdę cię.", THREAT_INSULT),
        (lambda rng: f"{rng.choice(politicians)} zasługuje na kulkę w łeb.", THREAT),
        (
            lambda rng: f"Mam nadzieję, że ktoś podłoży ci bombę pod dom, {rng.choice(insp_voc)}.",
            BOMB_WISH,
        ),
        (
            lambda rng: (
                f"{cap(rng.choice(origin)[0])} to zaraza. Niech wracają tam, skąd przyszli."
            ),
            IDENTITY,
        ),
        (
            lambda rng: f"Wszyscy {rng.choice(origin)[0]} to złodzieje. Wypierdalać do siebie.",
            IDENTITY_PROF,
        ),
        (
            lambda rng: (
                f"{rng.choice(['Pedały', 'Ciapaci', 'Brudasy'])} to nie ludzie, tylko zwierzęta."
            ),
            IDENTITY_SLUR,
        ),
        (
            lambda rng: f"Wszystkich {rng.choice(groups)[1]} trzeba by potopić w morzu.",
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Spalić {rng.choice(['meczet', 'synagogę', 'ośrodek dla uchodźców'])} {rng.choice(places)} razem z ludźmi w środku."
            ),
            IDENTITY_VIOLENT,
        ),
        (
            lambda rng: (
                f"Ty {rng.choice(['pedale', 'ciapaty brudasie', 'żydowski śmieciu'])}, obyś {rng.choice(['zdechł', 'sczezł w piekle', 'wpadł pod pociąg'])}."
            ),
            SLUR_DEATH_WISH_NOSWEAR,
        ),
        (lambda rng: f"Obyś zdechł na raka, {rng.choice(insp_voc)}.", DEATH_WISH),
    ]
    civil: list[Template] = [
        lambda rng: (
            f"Nie zgadzam się z artykułem. Wyższe podatki dla klasy średniej nie rozwiążą problemu {rng.choice(['mieszkań', 'emerytur', 'długu publicznego'])}."
        ),
        lambda rng: (
            f"Zawieszenie broni {rng.choice(['w Ukrainie', 'w Gazie', 'w Sudanie', 'w Libanie'])} przetrwa tylko wtedy, gdy będą tam międzynarodowi obserwatorzy."
        ),
        lambda rng: (
            f"Według artykułu w ataku przy granicy zginęło {rng.choice(['dwóch', 'trzech', 'czterech', 'pięciu', 'siedmiu', 'dwunastu'])} żołnierzy. To straszne."
        ),
        lambda rng: (
            f"Napastnik został zastrzelony przez policję kilka minut po ataku nożownika {rng.choice(places)}. Wyrazy współczucia dla rodzin."
        ),
        lambda rng: (
            f"Jako muzułmanka źle się czuję, czytając takie nagłówki. Większość z nas chce po prostu żyć w spokoju {rng.choice(places)}."
        ),
        lambda rng: (
            f"Para gejów z artykułu mieszka na osiedlu od {rng.randint(5, 30)} lat i nikt nigdy nie miał z nimi problemu."
        ),
        lambda rng: (
            f"Mecz z {rng.choice(teams_instr)} był nerwowy, ale karny był ewidentny. VAR słusznie interweniował."
        ),
        lambda rng: (
            f"Jestem dzieckiem {rng.choice(['ukraińskich', 'wietnamskich', 'białoruskich', 'ormiańskich'])} imigrantów i pracuję jako pielęgniarz {rng.choice(places)}. Migracja to złożony temat i zasługuje na poważną debatę."
        ),
        lambda rng: (
            f"Według policji zamach {rng.choice(places)} był dziełem jednej osoby. Obwinianie całej społeczności nie ma sensu."
        ),
        lambda rng: "Zupełnie nie zgadzam się z autorem, ale dobrze, że publikujecie różne opinie.",
        lambda rng: (
            f"Czynsze {rng.choice(places)} to jakiś obłęd. Moja córka płaci {rng.randrange(900, 2500, 100)} zł za pokój."
        ),
        lambda rng: (
            f"Obrażanie ludzi, którzy myślą inaczej, nic nie daje. Można rozmawiać o {rng.choice(topics_loc)} bez nazywania nikogo idiotą."
        ),
        lambda rng: f"Gmina żydowska {rng.choice(places)} potępiła atak i zaapelowała o spokój.",
        lambda rng: f"Czy ktoś wie, czy sobotnia manifestacja {rng.choice(places)} jest aktualna?",
        lambda rng: (
            f"Alarm bombowy na dworcu {rng.choice(places)} okazał się fałszywy. Całe szczęście, ale chaos był ogromny."
        ),
        lambda rng: f"Co za mecz wczoraj! Gol w {rng.randint(2, 93)}. minucie był piękny.",
        lambda rng: (
            "Rozumiem twój punkt widzenia, ale nie sądzę, żeby zamknięcie granic było rozwiązaniem."
        ),
        lambda rng: rng.choice(
            [
                "Całkowicie się zgadzam.",
                "Dobry artykuł, dziękuję.",
                "Bardzo smutna wiadomość.",
                "Niech spoczywają w pokoju.",
                "Wreszcie dobra wiadomość.",
                "Trzeba to dokładnie wyjaśnić.",
            ]
        ),
        lambda rng: (
            f"Mężczyzna zatrzymany po napadzie {rng.choice(places)} był już wcześniej karany. Teraz decyzja należy do sądu."
        ),
        lambda rng: (
            f"Bezrobocie spadło {rng.choice(months)} o 0,{rng.randint(1, 9)} punktu procentowego, ale nadal jest wysokie."
        ),
        lambda rng: (
            f"{rng.choice(politicians)} powinien podać się do dymisji, ale o tym decydują wyborcy, a nie sądy."
        ),
    ]
    return Language(
        "pl",
        toxic,
        civil,
        40,
        50,
        v["first_names"],
        v["last_names"],
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


def online_style(text: str, code: str, rng: random.Random) -> str:
    """Some lines typed without accents or in lower case; the same rate for toxic and civil."""
    text = text.replace("’", "'")
    roll = rng.random()
    if roll < 0.15:
        text = unaccented(text, code)
    elif roll < 0.22:
        text = text.lower()
    return text


def batches(lang: Language) -> tuple[tuple[Batch, int], tuple[Batch, int]]:
    """The language's toxic and civil batches, each with the number of lines it writes."""

    def typed(template: Template) -> Template:
        return lambda rng: online_style(template(rng), lang.code, rng)

    toxic = Batch(
        f"multilingual/{lang.code}/toxic",
        {},
        [(typed(template), labels) for template, labels in lang.toxic],
        rounds=60,
    )
    civil = Batch(
        f"multilingual/{lang.code}/civil",
        CIVIL,
        [typed(template) for template in lang.civil],
        rounds=60,
    )
    return (toxic, lang.n_toxic), (civil, lang.n_civil)


def collect(lang: Language, batch: Batch, target: int) -> list[Row]:
    """The first ``target`` distinct lines of ``batch`` (distinct without accents and case)."""
    authors = batch.author_rng()
    rows: list[Row] = []
    seen: set[str] = set()
    for text, labels in batch.draws():
        if len(rows) >= target:
            break
        key = unaccented(text, lang.code).lower()
        if key in seen:
            continue
        seen.add(key)
        row: Row = {"text": text, "labels": labels}
        if authors.random() < 0.4:
            first, last = authors.choice(lang.first_names), authors.choice(lang.last_names)
            if lang.code == "pl" and first.endswith("a") and last.endswith("ki"):
                last = last[:-1] + "a"  # Kowalski -> Kowalska
            row["author_name"] = (
                f"{first} {last}"
                if authors.random() < 0.6
                else f"{unaccented(first, lang.code).lower()}{authors.randint(1, 99)}"
            )
        rows.append(row)
    return rows


LANGUAGES = (spanish, italian, turkish, portuguese, french, german, dutch, polish)


def build() -> dict[str, list[Row]]:
    rows: list[Row] = []
    for make in LANGUAGES:
        lang = make()
        for batch, target in batches(lang):
            rows += collect(lang, batch, target)
    return {"multilingual_examples": dedupe(rows)}


if __name__ == "__main__":
    main(__doc__.splitlines()[0], build)
