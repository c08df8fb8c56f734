"""Demo-inhoud voor Wijkportaal (fictief).

De organisaties, personen, steden en wijken in de artikelen en evenementen zijn verzonnen. De
praktijkvoorbeelden spelen in bestaande gemeenten en wijken, maar hun aanpak, partners en
resultaten zijn bedacht (ze staan als verzonnen gemarkeerd). De publicaties onder
"Publicaties" bestaan echt; hun samenvattingen zijn in eigen woorden geschreven en hun PDF's zijn
demobestanden die de bouwer zelf maakt. De achtergrondinformatie over de integrale wijkaanpak is
in eigen woorden geschreven. Deze module bevat alleen gewone Python-data (geen Django-imports).
"""

from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Hulpfuncties voor StreamField-blokken
# ---------------------------------------------------------------------------


def h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def h3(text):
    return {"type": "heading", "value": {"text": text, "level": "h3"}}


def paragraphs(*texts):
    """Rich text: one <p> per text."""
    return "".join(f"<p>{x}</p>" for x in texts)


def bullets(*items, intro=None):
    """Rich text: a bulleted list, after an optional introducing paragraph."""
    html = f"<p>{intro}</p>" if intro else ""
    return html + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def p(*texts):
    return {"type": "paragraph", "value": paragraphs(*texts)}


def ul(*items, intro=None):
    return {"type": "paragraph", "value": bullets(*items, intro=intro)}


def ol(*items, intro=None):
    html = f"<p>{intro}</p>" if intro else ""
    html += "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"
    return {"type": "paragraph", "value": html}


def quote(text, attribution):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def period(when, title, text):
    """One period of a timeline block."""
    return {"period": when, "title": title, "text": f"<p>{text}</p>"}


def panel(title, text):
    """One panel of an accordion block."""
    return {"title": title, "text": f"<p>{text}</p>"}


def step(title, text, *paths):
    """One step of a steps block, with links to the demo pages at `paths`."""
    return {
        "title": title,
        "text": f"<p>{text}</p>",
        "links": [{"page": PageRef(path), "title": ""} for path in paths],
    }


@dataclass(frozen=True)
class PageRef:
    """A demo page by its address ("/publicaties/slagkracht-in-de-wijk/"): the builder stores
    the page's id where a block chooses a page."""

    path: str


def link(path, text):
    """A rich-text link to the demo page at `path`; the builder puts in the page's id."""
    return f'<a linktype="page" id="{path}">{text}</a>'


def cta(title, label, *, page=None, url="", text=""):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "page": PageRef(page) if page else None,
            "url": url,
            "label": label,
        },
    }


# ---------------------------------------------------------------------------
# Thema's
# ---------------------------------------------------------------------------

THEMES = [
    {
        "name": "Wonen",
        "slug": "wonen",
        "description": (
            "Over de kwaliteit, betaalbaarheid en variatie van woningen in de wijk. "
            "Lees hoe gemeenten en corporaties woningen verbeteren, bijbouwen en toewijzen, "
            "en hoe bewoners daarbij een stem krijgen."
        ),
    },
    {
        "name": "Werk & participatie",
        "slug": "werk-en-participatie",
        "description": (
            "Over werk, inkomen en meedoen in de samenleving. "
            "Denk aan begeleiding naar een baan, vrijwilligerswerk, schuldhulp en "
            "armoedebestrijding dicht bij huis."
        ),
    },
    {
        "name": "Onderwijs & opvoeding",
        "slug": "onderwijs-en-opvoeding",
        "description": (
            "Over kansen voor kinderen en jongeren, van voorschoolse educatie tot de stap naar werk. "
            "Met aandacht voor de school als ontmoetingsplek en voor steun aan ouders."
        ),
    },
    {
        "name": "Veiligheid & criminaliteit",
        "slug": "veiligheid-en-criminaliteit",
        "description": (
            "Over een veilige woonomgeving en het voorkomen van criminaliteit en ondermijning. "
            "Hier delen wijkagenten, jongerenwerkers, gemeenten en bewoners hun ervaringen."
        ),
    },
    {
        "name": "Gezondheid, zorg & hulpverlening",
        "slug": "gezondheid-zorg-en-hulpverlening",
        "description": (
            "Over gezond leven en passende zorg en ondersteuning in de buurt. "
            "Het gaat onder meer om wijkteams, preventie, mentale gezondheid en de samenwerking "
            "tussen zorg en welzijn."
        ),
    },
    {
        "name": "Samenleven & integratie",
        "slug": "samenleven-en-integratie",
        "description": (
            "Over ontmoeting, onderlinge betrokkenheid en meedoen, ongeacht je achtergrond. "
            "Je vindt hier voorbeelden van bewonersinitiatieven, taalaanbod en manieren om "
            "bewoners echt te betrekken."
        ),
    },
    {
        "name": "Leefomgeving & openbare ruimte",
        "slug": "leefomgeving-en-openbare-ruimte",
        "description": (
            "Over straten, pleinen, parken en voorzieningen die een buurt prettig maken. "
            "Met aandacht voor een schone, hele en veilige buitenruimte en voor het gebruik "
            "van gegevens over leefbaarheid."
        ),
    },
    {
        "name": "Duurzaamheid",
        "slug": "duurzaamheid",
        "description": (
            "Over een klimaatbestendige en energiezuinige wijk die voor iedereen betaalbaar blijft. "
            "Denk aan het verduurzamen van woningen, vergroening, hitte en energiearmoede."
        ),
    },
]


# ---------------------------------------------------------------------------
# Organisaties (fictief)
# ---------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "name": "Gemeente Havenstad",
        "slug": "gemeente-havenstad",
        "kind": "gemeente",
        "description": (
            "Havenstad is een middelgrote gemeente aan het water. De gemeente voert de regie "
            "over de wijkaanpak in Oosterkwartier, Lindenhof en de Vogelbuurt en werkt daarbij "
            "samen met corporaties, scholen, zorg, welzijn, politie en bewoners."
        ),
    },
    {
        "name": "Woonstichting De Linde",
        "slug": "woonstichting-de-linde",
        "kind": "woningcorporatie",
        "description": (
            "Woningcorporatie met sociale huurwoningen in Havenstad en omgeving. De Linde "
            "investeert in het verbeteren en verduurzamen van haar woningen en is vast partner "
            "in de wijkaanpak van Oosterkwartier."
        ),
    },
    {
        "name": "Stichting Welzijn Havenstad",
        "slug": "welzijn-havenstad",
        "kind": "welzijn",
        "description": (
            "Welzijnsorganisatie voor opbouwwerk, jongerenwerk, buurthuizen en vrijwillige "
            "inzet in Havenstad. De stichting ondersteunt bewonersinitiatieven en helpt "
            "mensen met vragen over geld, eenzaamheid en meedoen."
        ),
    },
    {
        "name": "Gezondheidsdienst Regio Zuiderveen",
        "slug": "gezondheidsdienst-regio-zuiderveen",
        "kind": "zorg",
        "description": (
            "Publieke gezondheidsdienst voor Zuiderveen, Bergdijk en de gemeenten eromheen. "
            "De dienst werkt aan preventie, jeugdgezondheidszorg en een gezonde leefomgeving, "
            "en adviseert gemeenten over gezondheid in de wijk."
        ),
    },
    {
        "name": "Onderwijsgroep Bergdijk",
        "slug": "onderwijsgroep-bergdijk",
        "kind": "onderwijs",
        "description": (
            "Schoolbestuur voor basisscholen en kindcentra in Bergdijk. De onderwijsgroep "
            "ontwikkelt brede scholen waar onderwijs, opvang, sport en zorg samenkomen."
        ),
    },
    {
        "name": "Kenniscentrum Wijkkracht",
        "slug": "kenniscentrum-wijkkracht",
        "kind": "kennisinstituut",
        "description": (
            "Onafhankelijk kenniscentrum dat onderzoek, praktijkervaring en beleid rond de "
            "integrale wijkaanpak bij elkaar brengt. Wijkkracht begeleidt leernetwerken en "
            "maakt handreikingen voor professionals en bewoners."
        ),
    },
]


# Partners van de (verzonnen) praktijkvoorbeelden: ook deze organisaties zijn fictief.
ORGANISATIONS += [
    {
        "name": "Woonstichting Samen Thuis",
        "slug": "woonstichting-samen-thuis",
        "kind": "woningcorporatie",
        "description": (
            "Woningcorporatie met sociale huurwoningen in verschillende steden. Samen Thuis werkt in "
            "wijkaanpakken mee aan betere en zuinigere woningen, en heeft wijkconsulenten die huurders "
            "persoonlijk kennen."
        ),
    },
    {
        "name": "Buurtwerk Verbindt",
        "slug": "buurtwerk-verbindt",
        "kind": "welzijn",
        "description": (
            "Welzijnsorganisatie voor buurtwerk, jongerenwerk en ondersteuning bij geldzorgen. "
            "Buurtwerk Verbindt helpt bewoners om zelf iets voor hun straat op te zetten."
        ),
    },
    {
        "name": "GGD Middenstad",
        "slug": "ggd-middenstad",
        "kind": "zorg",
        "description": (
            "Gemeentelijke gezondheidsdienst die gemeenten en wijkpartners adviseert over gezond leven, "
            "preventie en een gezonde leefomgeving, en die de jeugdgezondheidszorg uitvoert."
        ),
    },
    {
        "name": "Politie basisteam Stadsrand",
        "slug": "politie-basisteam-stadsrand",
        "kind": "politie",
        "description": (
            "Basisteam van de politie met wijkagenten die vast aan een wijk verbonden zijn. Het team "
            "werkt samen met gemeente, corporaties en jongerenwerk aan veiligheid in de buurt."
        ),
    },
    {
        "name": "Kindcentrum Het Kompasveld",
        "slug": "kindcentrum-het-kompasveld",
        "kind": "onderwijs",
        "description": (
            "Kindcentrum met basisonderwijs, peuteropvang en naschoolse activiteiten onder één dak. "
            "Het Kompasveld ziet de school als ontmoetingsplek voor kinderen, ouders en buren."
        ),
    },
]

# Uitgevers van de echte publicaties onder "Publicaties": deze organisaties bestaan.
ORGANISATIONS += [
    {
        "name": "Platform31",
        "slug": "platform31",
        "kind": "kennisinstituut",
        "website": "https://www.platform31.nl/",
        "description": (
            "Kennis- en netwerkorganisatie voor stad en regio. Platform31 volgt het wijkenbeleid al "
            "lang en gaf onder meer een overzicht uit van de geschiedenis van stedelijke vernieuwing "
            "en wijkaanpak."
        ),
    },
    {
        "name": "Verwey-Jonker Instituut",
        "slug": "verwey-jonker-instituut",
        "kind": "kennisinstituut",
        "website": "https://www.verwey-jonker.nl/",
        "description": (
            "Onafhankelijk instituut voor onderzoek naar maatschappelijke vraagstukken. Het schreef "
            "in opdracht van het ministerie van BZK de synthesenotitie ‘Perspectief bieden’."
        ),
    },
    {
        "name": "WijkWijzer",
        "slug": "wijkwijzer",
        "kind": "kennisinstituut",
        "website": "https://www.wijkwijzer.org/",
        "description": (
            "Kennis- en leerplatform voor iedereen die werkt aan leefbare en veilige wijken, opgezet "
            "door kenniscentra samen met het ministerie van BZK en de VNG. Het platform gaf het "
            "praktijkboek ‘Slagkracht in de wijk’ uit."
        ),
    },
]


# ---------------------------------------------------------------------------
# Auteurs (fictief)
# ---------------------------------------------------------------------------

AUTHORS = [
    {
        "name": "Sanne Verhoef",
        "slug": "sanne-verhoef",
        "role": "Programmamanager wijkaanpak",
        "organisation": "gemeente-havenstad",
        "bio": (
            "Sanne leidt namens de gemeente Havenstad het wijkprogramma van Oosterkwartier. "
            "Daarvoor werkte ze als beleidsadviseur in het sociaal domein."
        ),
    },
    {
        "name": "Ruben Kalkman",
        "slug": "ruben-kalkman",
        "role": "Projectleider verduurzaming en wijkvernieuwing",
        "organisation": "woonstichting-de-linde",
        "bio": (
            "Ruben begeleidt renovatie- en verduurzamingsprojecten van Woonstichting De Linde. "
            "Hij vindt dat huurders vanaf de eerste tekening mee moeten kunnen praten."
        ),
    },
    {
        "name": "Fatima El Amrani",
        "slug": "fatima-el-amrani",
        "role": "Opbouwwerker",
        "organisation": "welzijn-havenstad",
        "bio": (
            "Fatima werkt al vijftien jaar als opbouwwerker in Havenstad, het laatst in Lindenhof. "
            "Ze helpt bewoners om hun ideeën voor de buurt zelf waar te maken."
        ),
    },
    {
        "name": "Mehmet Yıldız",
        "slug": "mehmet-yildiz",
        "role": "Jongerenwerker",
        "organisation": "welzijn-havenstad",
        "bio": (
            "Mehmet is jongerenwerker in Oosterkwartier, de wijk waar hij zelf is opgegroeid. "
            "Hij zoekt jongeren op straat op en werkt nauw samen met school en wijkagent."
        ),
    },
    {
        "name": "Joost van Dalen",
        "slug": "joost-van-dalen",
        "role": "Adviseur gezondheidsbevordering",
        "organisation": "gezondheidsdienst-regio-zuiderveen",
        "bio": (
            "Joost adviseert gemeenten en scholen over gezond opgroeien en een gezonde leefomgeving. "
            "Hij heeft een achtergrond in de gezondheidswetenschappen."
        ),
    },
    {
        "name": "Ineke Boersma",
        "slug": "ineke-boersma",
        "role": "Coördinator brede school",
        "organisation": "onderwijsgroep-bergdijk",
        "bio": (
            "Ineke was jarenlang leerkracht voordat ze coördinator werd van de brede school in Hoge Akkers. "
            "Ze verbindt school, opvang, sportverenigingen en zorg rond kinderen en ouders."
        ),
    },
    {
        "name": "Tom Hendriksen",
        "slug": "tom-hendriksen",
        "role": "Onderzoeker leefbaarheid en veiligheid",
        "organisation": "kenniscentrum-wijkkracht",
        "bio": (
            "Tom onderzoekt hoe gemeenten gegevens over leefbaarheid en veiligheid verstandig kunnen gebruiken. "
            "Hij begeleidt ook het leernetwerk over ondermijning in woonwijken."
        ),
    },
    {
        "name": "Lotte Zwart",
        "slug": "lotte-zwart",
        "role": "Kennisadviseur en redacteur",
        "organisation": "kenniscentrum-wijkkracht",
        "bio": (
            "Lotte schrijft over praktijkvoorbeelden en interviewt professionals en bewoners voor Wijkportaal. "
            "Ze is gespecialiseerd in groen, klimaat en leefomgeving."
        ),
    },
]


# ---------------------------------------------------------------------------
# Uitleg over de integrale wijkaanpak
# ---------------------------------------------------------------------------

#: A stand-in an editor replaces with a real video: its id is no video of anybody else.
DEMO_VIDEO_URL = "https://www.youtube.com/watch?v=Wijkportaal"

EXPLAINER_INDEX = {
    "title": "Integrale wijkaanpak",
    "slug": "integrale-wijkaanpak",
    "intro": (
        "Wat houdt een integrale wijkaanpak in, wanneer kies je ervoor en hoe is het Nederlandse "
        "wijkenbeleid ontstaan? Hier vind je de basis, in heldere taal."
    ),
    "body": [
        h2("Over deze uitleg"),
        p(
            "Werk je bij een gemeente, corporatie, school, zorg- of welzijnsorganisatie? Of ben je "
            "bewoner en wil je weten wat er in jouw wijk gebeurt? Deze korte uitleg helpt je op weg. "
            "Elke pagina behandelt één vraag:"
        ),
        ul(
            "wat een integrale wijkaanpak is;",
            "wanneer zo'n aanpak nodig is;",
            "welke partijen meedoen;",
            "wat het verschil is tussen een wijk en een buurt;",
            "hoe het wijkenbeleid zich sinds de oorlog heeft ontwikkeld;",
            "waar je meer kennis en praktische hulp vindt.",
        ),
    ],
}

#: What earlier versions of this builder wrote as each explainer's body (SHA-256 of the blocks'
#: types and values, `demo.builder.body_fingerprint`): a stored body that still matches one of
#: these was never edited, so the builder may replace it with the body below.
EARLIER_EXPLAINER_BODIES = {
    "wat-is-een-integrale-wijkaanpak": {
        "de63925b564fb04184c950f4a91b20d52a7f635a5f3afa8ca5128edae74723a7",
    },
    "wanneer-is-een-integrale-wijkaanpak-nodig": {
        "f5e3ae6e8e5cc031ab7b41d3b45a835aa28771ba6efd8b9a9ff3bc1890918ea5",
    },
    "welke-partijen-zijn-betrokken": {
        "13183c5fdf6c19c6fa3f68dc1e0ba53b658abd5e6e3af181074fd891eedfb08c",
    },
    "wijk-of-buurt": {
        "016589681bb5a485a5b24fe84123cdad8a49a323db1304feea26e7428e24b549",
    },
    "beleidsgeschiedenis": {
        "0f9970f46b4461ae653248b608252f2b4e4173a9838633b361a6af919b97dab5",
    },
    "meer-informatie-en-handvatten": {
        "f511825f61f399b6731a5be44aa73c200a9c59027fe2d51220136fe417fee496",
    },
}

EXPLAINERS = [
    {
        "title": "Wat is een integrale wijkaanpak?",
        "slug": "wat-is-een-integrale-wijkaanpak",
        "intro": (
            "Een integrale wijkaanpak is meer dan wijkgericht werken. Hier lees je wat de aanpak "
            "inhoudt en wat ‘integraal’ in de praktijk betekent."
        ),
        "body": [
            h2("Een langdurige inzet op één gebied"),
            p(
                "Bij een integrale wijkaanpak zetten de gemeente en haar partners voor een lange periode "
                "extra maatregelen in voor één afgebakend gebied. Het gaat om plekken waar verschillende "
                "problemen tegelijk spelen en elkaar versterken, zoals slechte woningen, weinig werk, "
                "schooluitval en onveiligheid. Het gebied kan een hele wijk zijn, maar ook een stadsdeel "
                "of een groep buurten die bij elkaar horen. Het doel is steeds hetzelfde: bewoners moeten "
                "er prettiger, gezonder en veiliger kunnen leven.",
                "Je hoort ook andere namen, zoals <i>wijkgerichte aanpak</i> of <i>gebiedsgerichte aanpak</i>. "
                "Die betekenen ongeveer hetzelfde. Let wel op het verschil met <i>wijkgericht werken</i>. "
                "Dat is een manier van werken waarbij professionals dicht bij bewoners staan, vaak als "
                "gewoon onderdeel van hun taak. Een integrale wijkaanpak is breder: het is een gezamenlijke, "
                "gerichte en meerjarige extra inspanning.",
            ),
            h2("Wat betekent ‘integraal’?"),
            ul(
                "elke partij haar eigen taak zo goed mogelijk uitvoert;",
                "partijen van elkaar weten wat ze doen en waarom;",
                "ze elkaars rol en deskundigheid respecteren;",
                "ze samen afspraken maken op de plekken waar hun werk elkaar raakt.",
                intro=(
                    "Integraal wil zeggen dat de opgaven in een gebied in samenhang worden opgepakt. "
                    "Corporaties, scholen, politie, justitie, zorg en welzijn werken niet ieder op een "
                    "eigen eiland, maar stemmen hun inzet op elkaar af. Dat betekent niet dat iedereen "
                    "overal aan tafel moet zitten. Een integrale aanpak werkt juist goed als:"
                ),
            ),
            h2("Waarom samenhang loont"),
            p(
                "Problemen in een wijk staan zelden los van elkaar. Een gezin met schulden woont misschien "
                "in een vochtige woning, de kinderen hebben moeite op school en een van de ouders kampt met "
                "gezondheidsklachten. Wie alleen één probleem oplost, ziet vaak dat het volgende opduikt. "
                "Door samen te kijken naar wat een buurt en haar bewoners nodig hebben, kunnen partners hun "
                "mensen en middelen gerichter inzetten. Zo ontstaat een aanpak die op de lange termijn meer "
                "oplevert dan een reeks losse projecten."
            ),
            {
                "type": "video",
                "value": {
                    "url": DEMO_VIDEO_URL,
                    "title": "Voorbeeldvideo: de integrale wijkaanpak in het kort",
                    "transcript": (
                        "<p>Deze video is een plaatshouder in de demo-inhoud van Wijkportaal. Een "
                        "redacteur vervangt de link door een eigen video over de wijkaanpak.</p>"
                        "<p>Zo'n video laat bijvoorbeeld zien hoe een wijkteam, een corporatie, een "
                        "school en bewoners aan één tafel een probleem in hun straat bespreken, en hoe "
                        "ieder daarna zelf een deel van de oplossing uitvoert.</p>"
                    ),
                },
            },
        ],
    },
    {
        "title": "Wanneer is een integrale wijkaanpak nodig?",
        "slug": "wanneer-is-een-integrale-wijkaanpak-nodig",
        "intro": (
            "Niet elke wijk heeft een integrale aanpak nodig. Deze pagina helpt je inschatten wanneer "
            "een extra impuls wel op zijn plaats is."
        ),
        "body": [
            h2("Extra inzet bovenop het gewone werk"),
            p(
                "In elke wijk gebeurt al veel. De corporatie verhuurt en onderhoudt woningen, de gemeente "
                "zorgt voor straten, groen en verlichting, en zorgaanbieders helpen hun cliënten. Dat "
                "reguliere werk loopt gewoon door, met of zonder speciaal programma. Een integrale "
                "wijkaanpak is bedoeld voor situaties waarin dat niet genoeg is. Dat is het geval als de "
                "problemen in een buurt of wijk zo zwaar, ingewikkeld of groot zijn dat het gebied een "
                "extra impuls nodig heeft."
            ),
            h2("Signalen dat een wijk meer nodig heeft"),
            ul(
                "Veel huishoudens hebben een laag inkomen, schulden of geen betaald werk.",
                "Kinderen beginnen met een achterstand aan school of verlaten het onderwijs zonder diploma.",
                "Bewoners voelen zich onveilig, of er is sprake van criminaliteit en ondermijning.",
                "De woningvoorraad is eenzijdig of in slechte staat.",
                "Gezondheidsproblemen en eenzaamheid komen vaker voor dan elders in de gemeente.",
                "Wie het zich kan veroorloven, vertrekt, waardoor de buurt minder veerkrachtig wordt.",
                intro=(
                    "Er is geen vaste grens waarboven een wijkaanpak nodig is. Wel zijn er signalen "
                    "waaraan je kunt zien dat problemen zich opstapelen:"
                ),
            ),
            p(
                "Meestal speelt niet één van deze punten, maar een combinatie. Juist die stapeling maakt "
                "het lastig om met losse maatregelen resultaat te boeken."
            ),
            h2("Eerst samen het probleem scherp krijgen"),
            p(
                "Voordat je een wijkaanpak start, is het verstandig om met partners en bewoners een gedeeld "
                "beeld van de situatie te maken. Combineer cijfers uit registraties met de verhalen van "
                "mensen die in de wijk wonen en werken. Bespreek wat er al gebeurt, wat goed gaat en waar "
                "het vastloopt. Zo voorkom je dat de aanpak alleen uit nieuwe projecten bestaat, en kun je "
                "gericht bepalen waar extra inzet het verschil maakt.",
                "Een wijkaanpak vraagt bovendien een lange adem. Problemen die in tientallen jaren zijn "
                "ontstaan, los je niet in één bestuursperiode op. Houd daarom rekening met een looptijd van "
                "vele jaren en maak afspraken die verkiezingen en reorganisaties kunnen doorstaan.",
            ),
            {
                "type": "steps",
                "value": {
                    "title": "In vijf stappen naar een wijkaanpak",
                    "intro": (
                        "Elke wijk vraagt om maatwerk, maar de route lijkt vaak op elkaar. Deze vijf "
                        "stappen helpen je op weg; bij elke stap vind je verder leesvoer."
                    ),
                    "steps": [
                        step(
                            "Breng de opgave samen in beeld",
                            "Leg cijfers naast de ervaringen van bewoners en professionals. Zoek naar "
                            "problemen die zich opstapelen, en naar wat al goed gaat.",
                            "/artikelen/data-over-leefbaarheid-meer-dan-een-kaart-met-kleuren/",
                            "/publicaties/factsheet-datatafels-in-de-wijk/",
                        ),
                        step(
                            "Kies het gebied en de schaal",
                            "Bepaal welke wijk of welke groep buurten de aanpak krijgt, en houd oog "
                            "voor de grenzen die bewoners zelf ervaren.",
                            "/integrale-wijkaanpak/wijk-of-buurt/",
                        ),
                        step(
                            "Vind je partners en betrek bewoners",
                            "Spreek af wie wat doet. Bewoners denken mee vanaf het begin, niet pas "
                            "als de plannen klaar zijn.",
                            "/integrale-wijkaanpak/welke-partijen-zijn-betrokken/",
                            "/artikelen/bewoners-betrekken-vijf-lessen-uit-lindenhof/",
                        ),
                        step(
                            "Leg de koers vast in een meerjarig programma",
                            "Beschrijf een paar heldere ambities voor tien jaar of langer, met concrete "
                            "stappen voor het eerste jaar en afspraken over geld.",
                            "/artikelen/zo-stelde-oosterkwartier-samen-een-wijkprogramma-op/",
                            "/publicaties/slagkracht-in-de-wijk/",
                        ),
                        step(
                            "Volg de resultaten en stuur bij",
                            "Kijk geregeld samen terug: wat werkt, wat niet, en wat vraagt de wijk nu? "
                            "Pas het programma daarop aan.",
                            "/praktijkvoorbeelden/huurders-kiezen-mee-bij-verduurzaming-in-heechterp-schieringen/",
                            "/artikelen/tien-jaar-wijkaanpak-in-bergdijk-wat-hebben-we-geleerd/",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "title": "Welke partijen zijn betrokken?",
        "slug": "welke-partijen-zijn-betrokken",
        "intro": (
            "Een integrale wijkaanpak lukt alleen als organisaties en bewoners samen optrekken. "
            "Wie doen er mee, en wat brengt ieder in?"
        ),
        "body": [
            h2("Samenwerken over grenzen heen"),
            p(
                "Omdat een integrale wijkaanpak verschillende opgaven tegelijk oppakt, kan geen enkele "
                "organisatie het alleen. Iedereen met een belang in het gebied heeft een rol. Klap "
                "hieronder open wat elke partij meestal inbrengt."
            ),
            {
                "type": "accordion",
                "value": {
                    "title": "Wie brengt wat in?",
                    "panels": [
                        panel(
                            "De gemeente",
                            "Voert vaak de regie en verbindt de beleidsterreinen: wonen, sociaal domein, "
                            "veiligheid, onderwijs en openbare ruimte. Zorgt voor een programmateam en "
                            "voor afspraken over geld.",
                        ),
                        panel(
                            "Woningcorporaties",
                            "Bouwen, verbeteren en verhuren woningen, en hebben met huismeesters en "
                            "wijkconsulenten vaak als eerste zicht op wat er achter de voordeur speelt.",
                        ),
                        panel(
                            "Onderwijs",
                            "Van kinderopvang en basisschool tot het mbo: de school bereikt kinderen en "
                            "ouders dagelijks en kan uitgroeien tot een ontmoetingsplek in de buurt.",
                        ),
                        panel(
                            "Politie en justitie",
                            "Werken aan veiligheid, handhaving en de aanpak van criminaliteit en "
                            "ondermijning, liefst samen met jongerenwerk en school.",
                        ),
                        panel(
                            "Welzijn en zorg",
                            "Opbouwwerk, jongerenwerk, de GGD, huisartsen en wijkteams: zij ondersteunen "
                            "bewoners en helpen problemen vroeg te signaleren.",
                        ),
                        panel(
                            "Bewoners",
                            "Kennen hun straat als geen ander. Zij zijn ervaringsdeskundigen en "
                            "mede-eigenaren van de aanpak, geen publiek dat achteraf wordt ingelicht.",
                        ),
                    ],
                },
            },
            p(
                "Ook ondernemers, sportclubs, kerken, moskeeën en andere maatschappelijke organisaties "
                "kunnen veel bijdragen. Zij kennen de buurt vaak goed en bereiken mensen die "
                "professionals moeilijk vinden."
            ),
            h2("Bewoners zijn partner, geen doelgroep"),
            p(
                "Bewoners weten als geen ander wat er in hun straat speelt. Betrek hen daarom vanaf het "
                "begin: bij het benoemen van de problemen, het kiezen van oplossingen en het volgen van de "
                "resultaten. Dat vraagt om meer dan een inspraakavond. Denk aan huisbezoeken, gesprekken op "
                "het schoolplein, een bewonerspanel of een wijkbudget waarover bewoners zelf beslissen."
            ),
            h2("Wat vraagt dit van de gemeente?"),
            p(
                "Voor gemeenten is het belangrijk dat niet één afdeling de wijkaanpak draagt. Wonen, "
                "sociaal domein, veiligheid, onderwijs, economie en openbare ruimte moeten allemaal "
                "bijdragen. Dat lukt beter als de verantwoordelijke bestuurders en directeuren zich samen "
                "eigenaar voelen, en als er een programmateam is dat dwars door de organisatie heen mag werken.",
                "Goede samenwerking betekent overigens niet dat alles met alles verbonden moet worden. "
                "Maak duidelijke afspraken over wie waarvoor verantwoordelijk is, deel informatie waar dat "
                "mag en nodig is, en spreek elkaar aan als afspraken niet worden nagekomen.",
            ),
        ],
    },
    {
        "title": "Wijk of buurt?",
        "slug": "wijk-of-buurt",
        "intro": (
            "In beleid en in het dagelijks leven lopen de woorden ‘wijk’ en ‘buurt’ vaak door elkaar. "
            "Toch is het handig om het verschil te kennen."
        ),
        "body": [
            h2("Geen vaste definities"),
            p(
                "Er bestaat geen officiële omschrijving van een wijk of een buurt waar iedereen het over "
                "eens is. In de praktijk worden beide woorden afwisselend gebruikt. Wel is er een "
                "vuistregel. Met een <i>wijk</i> bedoelen we meestal een gebied dat bestuurlijk of voor "
                "statistiek is afgebakend, bijvoorbeeld door de gemeente. De <i>buurt</i> is eerder de "
                "omgeving die bewoners zelf ervaren: de straten waar je boodschappen doet, je kinderen naar "
                "school brengt en je buren tegenkomt.",
                "Een wijk bestaat doorgaans uit een aantal buurten. De grenzen die bewoners voelen, vallen "
                "lang niet altijd samen met de lijnen op de kaart van de gemeente. Een drukke weg, een "
                "spoorlijn of een park kan voor bewoners een scherpe scheiding zijn, ook als beide kanten "
                "formeel bij dezelfde wijk horen.",
            ),
            h2("Waarom het verschil ertoe doet"),
            ul(
                "Op het niveau van de wijk of het gebied maak je afspraken over geld, sturing en grote "
                "investeringen, zoals woningbouw of de herinrichting van straten en pleinen.",
                "Op het niveau van de buurt merk je wat bewoners echt bezighoudt en waar kleine ingrepen "
                "veel verschil maken.",
                "Cijfers over een hele wijk kunnen grote verschillen tussen buurten verbergen. Kijk dus "
                "ook naar de kleinere eenheden.",
                intro="Voor een integrale wijkaanpak is het zinvol om beide schaalniveaus in beeld te hebben:",
            ),
            {
                "type": "table",
                "value": {
                    "table_caption": "Wijk, buurt en focusgebied naast elkaar",
                    "table_header_choice": "both",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        ["", "Buurt", "Wijk", "Focusgebied"],
                        [
                            "Wie trekt de grens?",
                            "Bewoners, door hoe ze de omgeving beleven",
                            "De gemeente, voor bestuur en statistiek",
                            "Rijk en gemeente samen, voor een landelijk programma",
                        ],
                        [
                            "Omvang",
                            "Een paar straten tot een paar duizend inwoners",
                            "Meestal een aantal buurten",
                            "Meestal een aantal wijken",
                        ],
                        [
                            "Handig voor",
                            "Kleine ingrepen en contact met bewoners",
                            "Afspraken over geld, sturing en investeringen",
                            "Een langjarige aanpak met steun van het Rijk",
                        ],
                    ],
                },
            },
            h2("Soms is het gebied nog groter"),
            p(
                "Niet elke aanpak past binnen één wijk. Zo beslaan de stedelijke focusgebieden uit het "
                "Nationaal Programma Leefbaarheid en Veiligheid steeds een aantal wijken samen. Ook op die "
                "schaal blijft het belangrijk om oog te houden voor de eigenheid van elke buurt.",
                "Een praktische tip: vraag bewoners om op een kaart aan te wijzen wat zij als ‘hun buurt’ "
                "zien. Dat levert vaak verrassende inzichten op en helpt om activiteiten op de goede plek "
                "te organiseren.",
            ),
        ],
    },
    {
        "title": "Beleidsgeschiedenis",
        "slug": "beleidsgeschiedenis",
        "intro": (
            "Nederland werkt al sinds de Tweede Wereldoorlog aan het verbeteren van kwetsbare wijken. "
            "Een overzicht per periode, van de wederopbouw tot het Nationaal Programma Leefbaarheid en Veiligheid."
        ),
        "body": [
            p(
                "Het Nederlandse beleid voor kwetsbare wijken is bijna zo oud als de wederopbouw. Steeds "
                "opnieuw wisselden landelijke programma's en perioden waarin gemeenten het vooral zelf "
                "deden elkaar af. De tijdlijn hieronder zet de belangrijkste perioden op een rij."
            ),
            {
                "type": "timeline",
                "value": {
                    "title": "Wijkenbeleid sinds de Tweede Wereldoorlog",
                    "entries": [
                        period(
                            "1945 – eind jaren zestig",
                            "Wederopbouw: sanering en reconstructie",
                            "Na de oorlog wilden overheden voorkomen dat buurten verder in verval "
                            "raakten. Slechte woningen in oude stadswijken, toen vaak ‘krotten’ "
                            "genoemd, werden gesloopt. Op de vrijgekomen grond kwamen grote kantoren "
                            "en moderne winkelcentra: de stad moest vooral economisch goed draaien.",
                        ),
                        period(
                            "Eind jaren zestig – jaren tachtig",
                            "Stadsvernieuwing",
                            "Toen de ergste woningnood voorbij was, begon een programma van vele jaren "
                            "voor verkrotte binnensteden waar bewoners wegtrokken. Renovatie en "
                            "nieuwbouw sloten nu aan op de bestaande bebouwing, op de sociale verbanden "
                            "in de buurt en op de mensen die er al woonden.",
                        ),
                        period(
                            "Midden jaren negentig",
                            "Grotestedenbeleid en herstructurering",
                            "De aandacht verschoof naar de wijken die kort na de oorlog aan de randen "
                            "van de steden waren gebouwd. Binnen het grotestedenbeleid (GSB) draaide "
                            "het om herstructurering van de woningvoorraad en om sociale menging door "
                            "een mix van woningtypen.",
                        ),
                        period(
                            "Vanaf 2007",
                            "Van krachtwijk naar prachtwijk",
                            "Als onderdeel van het GSB wilde het Rijk veertig wijken in tien jaar "
                            "omvormen tot ‘prachtwijken’, met een brede en langdurige inzet op wonen, "
                            "werken, leren en opgroeien, veiligheid en integratie.",
                        ),
                        period(
                            "Vanaf 2012",
                            "Afbouw",
                            "Het GSB werd eerder dan gepland afgebouwd. De zorg voor kwetsbare wijken "
                            "kwam daarmee vooral bij gemeenten en hun lokale partners te liggen.",
                        ),
                        period(
                            "Sinds 2022",
                            "Nationaal Programma Leefbaarheid en Veiligheid",
                            "Het Rijk startte het NPLV voor twintig stedelijke focusgebieden. Rijk, "
                            "gemeenten, maatschappelijke partners en bewoners pakken daar samen "
                            "vraagstukken rond onderwijs, armoede, gezondheid, wonen en veiligheid aan, "
                            "met een looptijd van vijftien tot twintig jaar.",
                        ),
                    ],
                },
            },
            h2("De rode draad"),
            p(
                "Wie deze geschiedenis overziet, ziet een duidelijke lijn: van ingrepen in stenen naar een "
                "aanpak waarin bewoners, voorzieningen en samenwerking centraal staan. Tegelijk keren "
                "dezelfde vragen steeds terug: hoe lang houdt het Rijk vol, wie betaalt, en hoe voorkom je "
                "dat een wijk opknappen betekent dat de oorspronkelijke bewoners vertrekken?"
            ),
            cta(
                "Meer lezen over de geschiedenis?",
                "Bekijk de publicatie",
                page="/publicaties/75-jaar-stedelijke-vernieuwing-en-wijkaanpak/",
                text=(
                    "Het overzichtswerk ‘75 jaar stedelijke vernieuwing en wijkaanpak’ beschrijft "
                    "elke periode uitgebreid, met de ideeën die er steeds weer opduiken."
                ),
            ),
        ],
    },
    {
        "title": "Meer informatie en handvatten",
        "slug": "meer-informatie-en-handvatten",
        "intro": (
            "Wil je zelf aan de slag met een integrale wijkaanpak? Deze bronnen helpen je op weg, van "
            "achtergrondkennis tot praktische checklists."
        ),
        "body": [
            h2("Achtergrond en onderbouwing"),
            ul(
                link(
                    "/publicaties/75-jaar-stedelijke-vernieuwing-en-wijkaanpak/",
                    "‘75 jaar stedelijke vernieuwing en wijkaanpak’",
                )
                + " (Platform31): een overzichtswerk dat laat zien hoe het Nederlandse wijkenbeleid "
                "zich sinds de Tweede Wereldoorlog heeft ontwikkeld. Handig als je wilt begrijpen "
                "waarom eerdere aanpakken zijn gekozen en wat ze hebben opgeleverd.",
                link("/publicaties/perspectief-bieden/", "Synthesenotitie ‘Perspectief bieden’")
                + " (Verwey-Jonker Instituut): geschreven in de aanloop naar het Nationaal Programma "
                "Leefbaarheid en Veiligheid. De notitie bundelt kennis over wat een integrale "
                "wijkaanpak is, waarom die nodig is en hoe je hem vormgeeft.",
                intro="Deze publicaties geven inzicht in de geschiedenis en de onderbouwing van de wijkaanpak:",
            ),
            h2("Praktische hulpmiddelen"),
            ul(
                "Bouwstenen voor een slagvaardige wijkaanpak: ontwikkeld door "
                '<a href="https://www.wijkwijzer.org/">WijkWijzer</a> op basis van onderzoek en '
                "ervaringen uit de praktijk. De bouwstenen bieden inspiratie en houvast als je een "
                "eigen aanpak opzet.",
                link("/publicaties/slagkracht-in-de-wijk/", "Praktijkboek ‘Slagkracht in de wijk’")
                + " (WijkWijzer): licht de bouwstenen uitgebreid toe, met handige checklists en "
                "herkenbare voorbeelden van vroeger en nu.",
                "Onze eigen "
                + link("/praktijkvoorbeelden/", "praktijkvoorbeelden")
                + " en "
                + link("/dossiers/", "dossiers")
                + " laten zien hoe partners in verschillende wijken aan de slag gingen.",
                intro="Ga je zelf een wijkaanpak opzetten of verbeteren? Dan zijn deze hulpmiddelen nuttig:",
            ),
            cta(
                "Aan de slag met het praktijkboek",
                "Naar het praktijkboek",
                page="/publicaties/slagkracht-in-de-wijk/",
                text=(
                    "Tips, checklists en voorbeelden voor de startfase van een wijkaanpak, met een "
                    "samenvatting en een demobestand om te downloaden."
                ),
            ),
            h2("Zo gebruik je deze bronnen"),
            p(
                "Begin met de geschiedenis als je nieuw bent in het werkveld: die helpt je om huidige keuzes "
                "in perspectief te plaatsen. Gebruik de synthesenotitie als gespreksstof met partners, "
                "bijvoorbeeld bij de start van een nieuw wijkprogramma. De bouwstenen en het praktijkboek "
                "zijn vooral geschikt voor werkgroepen die concreet aan de slag gaan.",
                "Twijfel je waar je moet beginnen? Bepaal dan eerst welke vraag je hebt. Wil je vooral "
                "begrijpen waarom een wijkaanpak werkt, of zoek je een stappenplan voor morgen? Spreek ook "
                "met je partners af welke bron jullie samen lezen. Zo ontstaat een gedeelde taal, en dat "
                "maakt de samenwerking een stuk makkelijker.",
                "Op Wijkportaal vind je daarnaast praktijkverhalen, interviews en bijeenkomsten over de "
                "wijkaanpak. Met een gratis account kun je thema's, organisaties en auteurs volgen en "
                "interessante artikelen bewaren voor later.",
            ),
        ],
    },
]


# ---------------------------------------------------------------------------
# Artikelen (fictieve praktijkverhalen)
# ---------------------------------------------------------------------------

ARTICLES = [
    {
        "title": "Zo stelde Oosterkwartier samen een wijkprogramma op",
        "slug": "zo-stelde-oosterkwartier-samen-een-wijkprogramma-op",
        "places": ["havenstad-oosterkwartier"],
        "kind": "achtergrond",
        "intro": (
            "In de Havenstadse wijk Oosterkwartier schreven bewoners, gemeente en partners in één jaar "
            "een gezamenlijk wijkprogramma. Wat werkte, en wat zouden we nu anders doen?"
        ),
        "days_ago": 3,
        "themes": ["samenleven-en-integratie", "leefomgeving-en-openbare-ruimte"],
        "organisations": ["gemeente-havenstad", "woonstichting-de-linde"],
        "authors": ["sanne-verhoef"],
        "body": [
            h2("Beginnen bij de verhalen"),
            p(
                "Toen de gemeenteraad besloot dat Oosterkwartier een wijkaanpak zou krijgen, lag één route "
                "voor de hand: op het stadhuis een nota schrijven en die daarna presenteren. Dat hebben we "
                "bewust niet gedaan. We begonnen met ruim honderd gesprekken: aan de keukentafel, bij de "
                "moskee, op het schoolplein en in de wachtkamer van het gezondheidscentrum. Die gesprekken "
                "gaven een veel rijker beeld dan de cijfers alleen."
            ),
            h2("Van zorgen naar ambities"),
            p(
                "Drie onderwerpen kwamen steeds terug: een schone en veilige buitenruimte, meer kansen voor "
                "jongeren en betere woningen. Samen met Woonstichting De Linde, de scholen, het welzijnswerk "
                "en de politie vertaalden we die zorgen naar ambities voor de komende tien jaar. Per ambitie "
                "werkten we een paar concrete stappen uit voor het eerste jaar, zodat bewoners snel iets "
                "zouden merken."
            ),
            quote(
                "Het programma is niet van de gemeente of van de corporatie, maar van de wijk. "
                "Dat moet je in elke stap laten zien.",
                "Ruben Kalkman, Woonstichting De Linde",
            ),
            h2("Wat we anders zouden doen"),
            ul(
                "Spreek vroeg af wie wat betaalt. Ambities zonder budget wekken verwachtingen die je niet kunt waarmaken.",
                "Zorg dat bewoners ook na de startfase blijven meepraten, bijvoorbeeld via een vaste wijkraad of een bewonerspanel.",
                "Houd het programma kort. Ons eerste concept telde zestig pagina's; de versie die we nu gebruiken past op vier.",
                intro="Niet alles ging meteen goed. Drie lessen voor wie zelf aan de slag gaat:",
            ),
            p(
                "Het wijkprogramma is inmiddels vastgesteld door de gemeenteraad en door de besturen van de "
                "partners. Eén keer per jaar organiseren we een wijkavond. Daar laten we zien wat er bereikt "
                "is en bepalen we samen met bewoners waar we bijsturen."
            ),
            p(
                "Wil je meer weten over onze aanpak? Tijdens de wijkwandeling door Oosterkwartier en de kennisbijeenkomst over wijkprogramma's vertellen we er graag meer over. Je vindt beide bijeenkomsten in de agenda van Wijkportaal.",
            ),
        ],
    },
    {
        "title": "Bewoners betrekken: vijf lessen uit Lindenhof",
        "slug": "bewoners-betrekken-vijf-lessen-uit-lindenhof",
        "places": ["havenstad-lindenhof"],
        "kind": "column",
        "intro": (
            "Opbouwwerker Fatima El Amrani werkt al jaren in de Havenstadse buurt Lindenhof. "
            "Zij deelt wat ze heeft geleerd over het echt betrekken van bewoners."
        ),
        "days_ago": 8,
        "themes": ["samenleven-en-integratie"],
        "organisations": ["welzijn-havenstad"],
        "authors": ["fatima-el-amrani"],
        "body": [
            h2("Waarom de inspraakavond niet genoeg is"),
            p(
                "Op een gewone inspraakavond zie je vaak dezelfde gezichten. Dat zijn betrokken mensen, maar "
                "ze spreken niet voor de hele buurt. Jonge ouders, mensen met twee banen en bewoners die de "
                "taal nog niet goed spreken, komen zelden. Wie hen wil bereiken, moet het anders aanpakken."
            ),
            h2("Vijf lessen"),
            ol(
                "<b>Ga naar mensen toe.</b> Wij staan met koffie bij de supermarkt, lopen mee met de "
                "schoolbel en bellen gewoon aan. Dat kost tijd, maar levert veel op.",
                "<b>Begin klein en zichtbaar.</b> Een opgeknapt speelveldje of een extra bankje laat zien "
                "dat meedoen zin heeft. Daarna durven mensen ook over grotere vragen mee te denken.",
                "<b>Wees eerlijk over wat kan.</b> Beloof geen dingen die niet in jouw macht liggen. "
                "Bewoners waarderen een eerlijk ‘nee’ meer dan een vaag ‘we gaan ernaar kijken’.",
                "<b>Laat zien wat je met de inbreng doet.</b> Wij hangen na elke ronde een poster op in het "
                "buurthuis: dit hoorden we, dit gaan we doen, en dit lukt (nog) niet.",
                "<b>Geef echte zeggenschap.</b> In Lindenhof beslist een groep bewoners over een eigen "
                "buurtbudget. Daardoor voelen mensen zich verantwoordelijk voor de uitkomst.",
            ),
            h2("Tot slot"),
            p(
                "Bewoners betrekken is geen losse stap aan het begin van een project. Het is een houding die "
                "je volhoudt zolang de aanpak loopt. Als professional ben je daarbij vooral gastheer of "
                "gastvrouw: je maakt ruimte, zorgt voor goede informatie en durft het stuur soms uit handen "
                "te geven. Dat is niet altijd makkelijk, maar de buurt wordt er sterker van."
            ),
        ],
    },
    {
        "title": "Data over leefbaarheid: meer dan een kaart met kleuren",
        "slug": "data-over-leefbaarheid-meer-dan-een-kaart-met-kleuren",
        "places": ["bergdijk-hoge-akkers", "havenstad-vogelbuurt"],
        "kind": "opinie",
        "intro": (
            "Cijfers helpen om te zien waar een wijk extra aandacht nodig heeft. Maar hoe voorkom je dat "
            "een buurt wordt teruggebracht tot een rood vlak op een kaart?"
        ),
        "days_ago": 15,
        "themes": ["leefomgeving-en-openbare-ruimte", "veiligheid-en-criminaliteit"],
        "organisations": ["kenniscentrum-wijkkracht"],
        "authors": ["tom-hendriksen"],
        "body": [
            h2("Wat cijfers wel en niet vertellen"),
            p(
                "Gemeenten beschikken over steeds meer gegevens: over inkomens, meldingen in de openbare "
                "ruimte, schoolresultaten, gezondheid en veiligheid. Op een dashboard lijkt dat een "
                "compleet beeld. Toch laten cijfers vooral zien <i>dat</i> er iets aan de hand is, en "
                "zelden <i>waarom</i>. Een stijging van het aantal meldingen over afval kan betekenen dat "
                "de buurt viezer wordt, maar ook dat bewoners de meldapp beter hebben leren gebruiken."
            ),
            h2("Vijf tips voor verstandig gebruik"),
            ul(
                "<b>Combineer cijfers met verhalen.</b> Bespreek de uitkomsten met bewoners en professionals "
                "die de buurt kennen. Zij kunnen verklaren wat je ziet.",
                "<b>Kijk naar ontwikkelingen, niet naar één meting.</b> Een enkel jaar zegt weinig; een "
                "trend over meerdere jaren veel meer.",
                "<b>Pas op met kleine aantallen.</b> In een kleine buurt kunnen een paar gebeurtenissen de "
                "cijfers flink laten schommelen.",
                "<b>Denk aan privacy.</b> Werk met geanonimiseerde en samengevoegde gegevens en spreek "
                "vooraf af wie welke informatie mag zien.",
                "<b>Let op je woorden.</b> Een label als ‘probleemwijk’ blijft hangen en kan bewoners "
                "en investeerders wegjagen.",
            ),
            h2("Samen de cijfers duiden"),
            p(
                "In een van onze leernetwerken organiseerde een gemeente zogeheten ‘datatafels’. Daar keken "
                "ambtenaren, corporatiemedewerkers, een wijkagent en een paar bewoners samen naar de "
                "gegevens. De bewoners wezen al snel op een donkere doorgang die in geen enkele tabel "
                "voorkwam, maar die voor veel mensen een reden was om ’s avonds om te lopen. Juist die "
                "combinatie van meten en weten maakt data bruikbaar voor een wijkaanpak."
            ),
            p(
                "Wil je zelf aan de slag? Begin klein, met drie of vier gegevens die er voor jouw wijk echt toe doen, en bespreek die elk halfjaar met partners en bewoners. Zo groeit stap voor stap een gedeeld beeld, waarop je de aanpak kunt bijsturen.",
            ),
        ],
    },
    {
        "title": "Schuldhulp dichtbij: spreekuur in het buurthuis",
        "slug": "schuldhulp-dichtbij-spreekuur-in-het-buurthuis",
        "places": ["havenstad-vogelbuurt"],
        "kind": "nieuws",
        "intro": (
            "In de Havenstadse Vogelbuurt kunnen bewoners met geldzorgen elke week zonder afspraak "
            "binnenlopen in het buurthuis. Het spreekuur bereikt mensen die eerder buiten beeld bleven."
        ),
        "days_ago": 22,
        "themes": ["werk-en-participatie", "gezondheid-zorg-en-hulpverlening"],
        "organisations": ["welzijn-havenstad", "gemeente-havenstad"],
        "authors": ["fatima-el-amrani", "sanne-verhoef"],
        "body": [
            h2("De drempel omlaag"),
            p(
                "Wie schulden heeft, schaamt zich vaak. Een afspraak maken op het stadhuis voelt dan als een "
                "grote stap. Daarom besloten de gemeente en Stichting Welzijn Havenstad om de hulp naar de "
                "buurt te brengen. Elke dinsdagochtend zitten een schuldhulpverlener van de gemeente en twee "
                "getrainde vrijwilligers in het buurthuis. Er is koffie, er zijn geen formulieren bij de "
                "deur, en je hoeft je niet aan te melden."
            ),
            h2("Vroeg erbij zijn"),
            p(
                "Het spreekuur is gekoppeld aan signalen van andere partners. Als een huurder van "
                "Woonstichting De Linde een paar maanden achterloopt met de huur, krijgt hij of zij een "
                "persoonlijke uitnodiging om langs te komen. Ook huisartsen en scholen verwijzen door. Zo "
                "zijn we er eerder bij, voordat een kleine achterstand uitgroeit tot een berg schulden."
            ),
            ul(
                "Een vaste plek en een vast moment, zodat mensen weten waar ze terechtkunnen.",
                "Vrijwilligers met eigen ervaring, die vertrouwen wekken en de taal van de buurt spreken.",
                "Korte lijnen met de corporatie, energieleveranciers en de afdeling inkomen.",
                "Aandacht voor de hele situatie: geldzorgen gaan vaak samen met stress en gezondheidsklachten.",
                intro="Wat maakt het spreekuur succesvol? De medewerkers noemen vier dingen:",
            ),
            h2("Meer dan geld"),
            p(
                "Bezoekers vertellen dat ze na een gesprek beter slapen, ook als de schulden nog niet zijn "
                "opgelost. Het gevoel dat iemand meekijkt, geeft rust. Voor sommigen is het spreekuur ook "
                "een eerste stap naar vrijwilligerswerk of een opleiding. Dat laat zien hoe nauw geld, "
                "gezondheid en meedoen met elkaar verbonden zijn."
            ),
            p(
                "De komende tijd breiden de partners het spreekuur uit naar Lindenhof. Daar zoeken ze nog vrijwilligers die het leuk vinden om buurtgenoten te helpen met hun administratie. Zij krijgen een training en goede begeleiding.",
            ),
        ],
    },
    {
        "title": "De brede school als spil in Hoge Akkers",
        "slug": "de-brede-school-als-spil-in-hoge-akkers",
        "places": ["bergdijk-hoge-akkers"],
        "kind": "interview",
        "intro": (
            "In de Bergdijkse wijk Hoge Akkers is de brede school veel meer dan een plek om te leren. "
            "Coördinator Ineke Boersma vertelt hoe school, opvang, sport en zorg er samenkomen."
        ),
        "days_ago": 30,
        "themes": ["onderwijs-en-opvoeding"],
        "organisations": ["onderwijsgroep-bergdijk"],
        "authors": ["ineke-boersma"],
        "body": [
            h2("Eén gebouw, veel partners"),
            p(
                "Onder het dak van onze brede school zitten twee basisscholen, een kinderopvang, een "
                "peuterspeelzaal en een consultatiebureau. Na schooltijd komen de sportverenigingen en de "
                "muziekschool langs. Voor ouders is dat praktisch: ze hoeven niet door de hele stad te "
                "reizen. Voor kinderen betekent het dat ze na de laatste bel nog kunnen voetballen, tekenen "
                "of huiswerk maken onder begeleiding."
            ),
            h2("Samen rond het kind"),
            p(
                "Het belangrijkste is niet het gebouw, maar de samenwerking. Elke zes weken overleggen de "
                "intern begeleiders, de jeugdverpleegkundige en de medewerker van het wijkteam. Met "
                "toestemming van ouders bespreken we kinderen bij wie het niet lekker loopt. Zo hoeft een "
                "gezin niet bij drie loketten hetzelfde verhaal te vertellen."
            ),
            ul(
                "een ouderkamer waar ouders elkaar ontmoeten en taallessen volgen;",
                "een gezond schoolontbijt voor kinderen die zonder eten van huis komen;",
                "een verlengde schooldag met sport, cultuur en natuur;",
                "een vast aanspreekpunt voor ouders met vragen over opvoeding of geld.",
                intro="Inmiddels hebben we onder meer:",
            ),
            h2("Wat het oplevert"),
            p(
                "Leerkrachten merken dat kinderen rustiger in de klas zitten nu er meer structuur is rond "
                "de schooldag. Ouders zijn vaker in de school te vinden, ook ouders die eerst wat "
                "terughoudend waren. Het blijft wel hard werken: subsidies lopen af en partners wisselen van "
                "personeel. Daarom leggen we afspraken vast in een convenant en evalueren we elk jaar samen "
                "wat werkt."
            ),
            p(
                "Voor wijken die zelf een brede school willen opzetten, heb ik één advies: begin bij de vraag wat kinderen en ouders nodig hebben, niet bij het gebouw. Een mooi pand zonder samenwerking levert weinig op, terwijl goede afspraken ook in een oud schoolgebouw veel verschil kunnen maken.",
            ),
        ],
    },
    {
        "title": "Wijkagent en jongerenwerk: samen op straat",
        "slug": "wijkagent-en-jongerenwerk-samen-op-straat",
        "places": ["havenstad-oosterkwartier"],
        "kind": "interview",
        "intro": (
            "Een wijkagent en een jongerenwerker hebben verschillende rollen, maar hetzelfde doel. "
            "In Oosterkwartier lopen ze regelmatig samen een ronde. Jongerenwerker Mehmet Yıldız vertelt."
        ),
        "days_ago": 41,
        "themes": ["veiligheid-en-criminaliteit", "onderwijs-en-opvoeding"],
        "organisations": ["welzijn-havenstad"],
        "authors": ["mehmet-yildiz"],
        "body": [
            h2("Vertrouwen en grenzen"),
            p(
                "Als jongerenwerker ben ik er om vertrouwen op te bouwen. Jongeren moeten weten dat ze bij "
                "mij terechtkunnen, ook als ze iets verkeerd hebben gedaan. Wijkagent Karin Mulder heeft een "
                "andere taak: zij handhaaft en treedt op als dat nodig is. Vroeger dachten we dat die rollen "
                "botsten. Nu weten we dat ze elkaar juist versterken."
            ),
            h2("Hoe we samenwerken"),
            ul(
                "We lopen eens per week samen een ronde langs de plekken waar jongeren rondhangen.",
                "We delen signalen, maar ik vertel Karin nooit wat een jongere mij in vertrouwen heeft verteld.",
                "Bij overlast praten we eerst met de groep, daarna pas volgen maatregelen.",
                "We organiseren samen activiteiten, zoals een voetbaltoernooi en een gesprek over online oplichting.",
                intro="In Oosterkwartier hebben we een paar duidelijke afspraken gemaakt:",
            ),
            quote(
                "Jongeren zien dat wij elkaar kennen en respecteren. Dat maakt het gesprek makkelijker, "
                "ook als het moeilijk wordt.",
                "Mehmet Yıldız, jongerenwerker",
            ),
            h2("Ook de school hoort erbij"),
            p(
                "Steeds vaker schuiven ook de mentoren van het vmbo aan. Als een jongere spijbelt of "
                "opeens dure spullen heeft, ziet de school dat vaak als eerste. Door samen op te trekken, "
                "kunnen we sneller ingrijpen als een jongere dreigt af te glijden, bijvoorbeeld richting "
                "drugshandel. Dat lukt alleen als iedereen zijn eigen rol kent en die van de ander respecteert."
            ),
            p(
                "Wat ik andere wijken zou aanraden? Zorg dat jongerenwerker en wijkagent elkaar leren kennen voordat er iets misgaat. Drink samen koffie, loop een keer mee en bespreek hoe je elkaar op de hoogte houdt. Als er dan een incident is, hoef je niet eerst uit te zoeken wie je moet bellen. En betrek de jongeren zelf: vraag hen wat zij nodig hebben om zich veilig te voelen in hun eigen wijk.",
            ),
        ],
    },
    {
        "title": "Verduurzaming van sociale huurwoningen: huurders aan tafel",
        "slug": "verduurzaming-van-sociale-huurwoningen-huurders-aan-tafel",
        "places": ["havenstad-oosterkwartier"],
        "kind": "nieuws",
        "intro": (
            "Woonstichting De Linde verduurzaamt een complex van 120 woningen in Oosterkwartier. "
            "Projectleider Ruben Kalkman legt uit waarom huurders al vanaf het eerste ontwerp meepraten."
        ),
        "days_ago": 55,
        "themes": ["duurzaamheid", "wonen"],
        "organisations": ["woonstichting-de-linde"],
        "authors": ["ruben-kalkman"],
        "body": [
            h2("Meer dan isolatie"),
            p(
                "Het Schippersblok is gebouwd in de jaren zestig. De woningen zijn tochtig, de ramen hebben "
                "enkel glas en veel huurders hebben last van vocht. Met de renovatie pakken we dat aan: we "
                "isoleren gevels, daken en vloeren, plaatsen nieuwe kozijnen en leggen zonnepanelen op het "
                "dak. Voor huurders betekent dat een comfortabelere woning en een lagere energierekening."
            ),
            h2("Huurders vanaf het begin betrokken"),
            p(
                "Bij eerdere projecten presenteerden we een kant-en-klaar plan. Dat leidde tot weerstand. "
                "Dit keer richtten we een klankbordgroep op met tien huurders. Zij dachten mee over de "
                "planning, de volgorde van de werkzaamheden en de keuzes die bewoners zelf mogen maken, "
                "zoals de kleur van de keuken."
            ),
            ul(
                "een proefwoning, zodat iedereen kan zien en voelen wat er verandert;",
                "een vaste bewonersbegeleider die elke dag op de bouwplaats aanwezig is;",
                "een logeerwoning voor bewoners die de drukste dagen niet thuis willen zijn;",
                "extra hulp voor ouderen en mensen met een beperking.",
                intro="Op verzoek van de klankbordgroep zijn er onder meer:",
            ),
            h2("Verduurzamen en de wijkaanpak"),
            p(
                "We gebruiken de renovatie ook om bewoners te spreken over andere zaken. Tijdens de "
                "huisbezoeken signaleren onze bewonersbegeleiders soms eenzaamheid of geldzorgen. Met "
                "toestemming van de bewoner schakelen ze dan het welzijnswerk in. Zo draagt een technisch "
                "project ook bij aan de sociale kant van de wijk. Dat is precies wat een integrale "
                "aanpak zou moeten doen."
            ),
            p(
                "De eerste vijftig woningen zijn inmiddels klaar. Huurders merken dat hun woning minder tocht en dat de ramen in de winter niet meer beslaan. De ervaringen van de klankbordgroep gebruiken we bij de volgende complexen die op de planning staan.",
            ),
        ],
    },
    {
        "title": "Van tegel naar tuin: meer groen in Dijkzicht",
        "slug": "van-tegel-naar-tuin-meer-groen-in-dijkzicht",
        "places": ["bergdijk-dijkzicht"],
        "kind": "nieuws",
        "intro": (
            "In de Bergdijkse buurt Dijkzicht haalden bewoners samen honderden tegels uit de grond. "
            "Het resultaat: meer groen, minder wateroverlast en een buurt waar mensen elkaar vaker spreken."
        ),
        "days_ago": 68,
        "themes": [
            "leefomgeving-en-openbare-ruimte",
            "duurzaamheid",
            "gezondheid-zorg-en-hulpverlening",
        ],
        "organisations": ["kenniscentrum-wijkkracht"],
        "authors": ["lotte-zwart"],
        "body": [
            h2("Het begon met één voortuin"),
            p(
                "Dijkzicht is een dichtbebouwde buurt met weinig groen. Na een hevige regenbui stonden "
                "verschillende straten blank. Een bewoonster besloot haar betegelde voortuin om te vormen "
                "tot een kleine border. Haar buren volgden, en binnen een jaar deden ruim veertig "
                "huishoudens mee. De gemeente haalde de tegels gratis op en leverde planten en aarde."
            ),
            h2("Waarom groen ertoe doet"),
            ul(
                "Regenwater kan beter wegzakken, waardoor straten minder snel onderlopen.",
                "Planten en bomen zorgen voor verkoeling op warme dagen.",
                "Een groene omgeving nodigt uit om naar buiten te gaan en te bewegen.",
                "Samen tuinieren leidt tot praatjes over de schutting en nieuwe contacten.",
                intro="Groen in de buurt levert meer op dan een mooi straatbeeld:",
            ),
            h2("Tips voor andere buurten"),
            p(
                "Volgens de bewoners van Dijkzicht is het belangrijkste dat je het makkelijk maakt. Zorg "
                "dat mensen niet zelf met tegels hoeven te sjouwen en dat er hulp is voor wie niet goed ter "
                "been is. Organiseer een gezamenlijke werkdag met koffie en soep: dat maakt er een feest van. "
                "En denk na over onderhoud. Een geveltuin die na een jaar verwaarloosd is, werkt averechts. "
                "In Dijkzicht spraken bewoners daarom af dat ze elkaars tuintjes water geven tijdens de vakantie.",
                "Het kenniscentrum volgt het initiatief en verzamelt de ervaringen in een korte handreiking "
                "voor andere wijken.",
            ),
            p(
                "Ook de gemeente ziet de waarde van het initiatief. Bij de herinrichting van twee straten in Dijkzicht komen er extra bomen en wordt een deel van de parkeerplaatsen omgevormd tot een groene strook. Bewoners mogen meebeslissen over de beplanting.",
            ),
        ],
    },
    {
        "title": "Interview: ‘Een wijkaanpak vraagt een lange adem’",
        "slug": "interview-een-wijkaanpak-vraagt-een-lange-adem",
        "places": ["havenstad-oosterkwartier"],
        "kind": "interview",
        "intro": (
            "Sanne Verhoef is programmamanager van de wijkaanpak in Oosterkwartier. Een gesprek over "
            "geduld, bestuurlijke wisselingen en de kracht van kleine successen."
        ),
        "days_ago": 84,
        "themes": ["wonen", "samenleven-en-integratie"],
        "organisations": ["gemeente-havenstad", "kenniscentrum-wijkkracht"],
        "authors": ["lotte-zwart"],
        "body": [
            h2("Geen snelle oplossingen"),
            p(
                "‘De grootste valkuil is ongeduld,’ zegt Sanne Verhoef als we haar spreken in het wijkkantoor "
                "aan de Kadestraat. ‘Bestuurders willen na twee jaar resultaten zien. Maar de problemen in "
                "Oosterkwartier zijn in veertig jaar ontstaan. Die los je niet op met een paar projecten.’",
                "Daarom legde Havenstad de wijkaanpak vast voor tien jaar, met afspraken die alle partners "
                "hebben ondertekend. ‘Dat geeft houvast als er na verkiezingen een nieuwe wethouder komt.’",
            ),
            quote(
                "Laat elk jaar iets zien wat bewoners zelf kunnen merken. Dat houdt het vertrouwen vast, "
                "terwijl je aan de grote veranderingen werkt.",
                "Sanne Verhoef, programmamanager wijkaanpak",
            ),
            h2("Kleine successen vieren"),
            p(
                "Tegelijk waarschuwt Verhoef voor het omgekeerde. ‘Als bewoners jaren niets merken, haken ze "
                "af.’ Daarom combineert het programma lange trajecten, zoals de renovatie van woningen, met "
                "snelle zichtbare verbeteringen. Denk aan betere verlichting, een opgeknapt speelplein en een "
                "vast spreekuur van de wijkagent."
            ),
            h2("Wat zou ze andere gemeenten meegeven?"),
            ul(
                "Investeer in persoonlijke relaties met partners; die dragen de samenwerking in moeilijke tijden.",
                "Geef het programmateam mandaat om knopen door te hakken.",
                "Meet niet alleen cijfers, maar vraag bewoners ook hoe zij de buurt ervaren.",
                intro="Verhoef noemt drie dingen:",
            ),
            p(
                "‘En wees eerlijk als iets niet lukt,’ voegt ze eraan toe. ‘Bewoners prikken zo door mooie "
                "verhalen heen.’"
            ),
            p(
                "Hoe ziet ze de komende jaren? ‘De renovaties zijn in volle gang en het eerste jaar van de wijkonderneming zit erop. De volgende stap is om bewoners meer zeggenschap te geven, bijvoorbeeld over het budget voor de buitenruimte. Daar kijk ik echt naar uit.’",
                "Ze lacht: ‘Ik woon zelf niet in Oosterkwartier, maar ik voel me er inmiddels thuis. Als ik over het plein loop, spreken mensen me aan. Dat zegt misschien nog het meest over hoe zo'n aanpak werkt: het draait om mensen die elkaar kennen.’",
            ),
        ],
    },
    {
        "title": "Gezond opgroeien in Dijkzicht: school en gezondheidsdienst werken samen",
        "slug": "gezond-opgroeien-in-dijkzicht",
        "places": ["bergdijk-dijkzicht"],
        "kind": "nieuws",
        "intro": (
            "Kinderen in Dijkzicht bewegen weinig en eten vaak ongezond. De gezondheidsdienst en de "
            "basisscholen pakken dat samen aan, met ouders als belangrijke partner."
        ),
        "days_ago": 99,
        "themes": ["gezondheid-zorg-en-hulpverlening", "onderwijs-en-opvoeding"],
        "organisations": ["gezondheidsdienst-regio-zuiderveen", "onderwijsgroep-bergdijk"],
        "authors": ["joost-van-dalen", "ineke-boersma"],
        "body": [
            h2("Waarom juist op school?"),
            p(
                "Op school bereik je bijna alle kinderen, ongeacht hun achtergrond. Daarom kozen de "
                "gezondheidsdienst en Onderwijsgroep Bergdijk de basisscholen in Dijkzicht als vertrekpunt. "
                "De jeugdverpleegkundige zag bij de periodieke onderzoeken dat veel kinderen te weinig "
                "bewegen en vaak met frisdrank en snoep naar school komen. Leerkrachten herkenden dat beeld."
            ),
            h2("Wat we doen"),
            ul(
                "Alle scholen zijn watertappunten geworden: in de klas drinken kinderen water of melk.",
                "Twee keer per week is er een extra gymles, gegeven door een buurtsportcoach.",
                "Het schoolplein is groen ingericht en na schooltijd open als speelplek.",
                "Ouders kunnen meedoen aan kookworkshops met gerechten uit verschillende keukens.",
                intro="Het programma bestaat uit een paar eenvoudige onderdelen:",
            ),
            h2("Ouders als partner"),
            p(
                "Een gezonde school heeft weinig effect als thuis alles bij het oude blijft. Daarom zoeken we "
                "ouders actief op. Dat doen we niet met folders, maar in gesprekken op het schoolplein en in "
                "de ouderkamer. Ouders vertelden ons dat gezonde boodschappen voor hen soms te duur zijn. "
                "Die signalen geven we door aan de gemeente, want gezond opgroeien hangt ook samen met inkomen.",
                "We volgen de resultaten samen met de scholen. We kijken daarbij niet alleen naar gewicht, "
                "maar ook naar hoe kinderen zich voelen en hoe vaak ze buiten spelen. Zo bouwen we stap voor "
                "stap aan een wijk waarin gezond kiezen de makkelijkste keuze wordt.",
            ),
            p(
                "Ook andere scholen in Bergdijk hebben inmiddels belangstelling getoond. De komende jaren willen we de aanpak daarom stap voor stap uitbreiden, met ruimte voor eigen keuzes per school en per buurt.",
            ),
        ],
    },
    {
        "title": "Van uitkering naar werk via de wijkonderneming",
        "slug": "van-uitkering-naar-werk-via-de-wijkonderneming",
        "places": ["havenstad-oosterkwartier"],
        "kind": "achtergrond",
        "intro": (
            "In Oosterkwartier doen bewoners met een uitkering werkervaring op bij een wijkonderneming. "
            "Ze onderhouden groen, runnen een kringloopwinkel en koken voor de buurt."
        ),
        "days_ago": 120,
        "themes": ["werk-en-participatie"],
        "organisations": ["gemeente-havenstad"],
        "authors": ["sanne-verhoef"],
        "body": [
            h2("Werk in je eigen buurt"),
            p(
                "Veel bewoners van Oosterkwartier staan al lang langs de kant van de arbeidsmarkt. Een "
                "sollicitatietraining op een kantoor aan de andere kant van de stad sloeg bij hen weinig aan. "
                "Daarom richtten de gemeente en een groep bewoners samen wijkonderneming De Werkplaats op. "
                "Daar doen mensen werkervaring op met klussen die de buurt zelf nodig heeft."
            ),
            h2("Wat de deelnemers doen"),
            ul(
                "een groenploeg die perken en speelplekken onderhoudt;",
                "een kringloopwinkel met een kleine fietsenwerkplaats;",
                "een buurtkeuken die twee keer per week een betaalbare maaltijd serveert;",
                "een klussendienst voor ouderen die kleine reparaties niet meer zelf kunnen doen.",
                intro="De Werkplaats biedt op dit moment vier soorten werk:",
            ),
            h2("Begeleiding op maat"),
            p(
                "Deelnemers krijgen een vaste werkbegeleider en kunnen een vakcertificaat halen, bijvoorbeeld "
                "voor groenonderhoud of als horecamedewerker. Voor wie dat aankan, zoeken we daarna een "
                "betaalde baan bij een werkgever in de regio. Anderen blijven als vrijwilliger actief, wat "
                "net zo waardevol kan zijn voor hun gezondheid en zelfvertrouwen.",
                "De wijkonderneming laat zien dat werk en leefbaarheid elkaar versterken. De buurt wordt "
                "schoner en gezelliger, en bewoners die lang aan de kant stonden, krijgen weer een rol. "
                "Een belangrijke les: maak vooraf duidelijke afspraken met de uitkeringsinstantie, zodat "
                "deelnemers niet onverwacht worden gekort op hun inkomen.",
            ),
            p(
                "Inmiddels werken er ongeveer veertig bewoners bij De Werkplaats. Een deel van hen heeft de stap naar betaald werk gezet, bijvoorbeeld in het groenonderhoud of in de horeca. Voor de gemeente is de wijkonderneming daarmee een vast onderdeel van het wijkprogramma geworden.",
            ),
        ],
    },
    {
        "title": "Renoveren zonder de buurt uit elkaar te trekken",
        "slug": "renoveren-zonder-de-buurt-uit-elkaar-te-trekken",
        "places": ["havenstad-lindenhof"],
        "kind": "opinie",
        "intro": (
            "Bij grote renovaties en sloop-nieuwbouw raken bewoners soms hun buurt kwijt. Woonstichting "
            "De Linde zoekt naar manieren om mensen de kans te geven terug te keren."
        ),
        "days_ago": 146,
        "themes": ["wonen"],
        "organisations": ["woonstichting-de-linde"],
        "authors": ["ruben-kalkman"],
        "body": [
            h2("Lessen uit het verleden"),
            p(
                "In de jaren negentig en nul zijn in veel steden verouderde flats gesloopt om plaats te maken "
                "voor een mix van huur- en koopwoningen. Dat gaf wijken een nieuwe uitstraling. Maar de "
                "keerzijde was dat oorspronkelijke bewoners vaak niet terugkwamen. Vriendschappen, "
                "burenhulp en vertrouwde winkels verdwenen. Bij De Linde willen we die fout niet herhalen."
            ),
            h2("Hoe we het nu aanpakken"),
            ul(
                "Elke huurder krijgt een persoonlijk gesprek over wensen en zorgen, ruim voordat het werk begint.",
                "Wie wil terugkeren, krijgt daar voorrang voor, ook als het huishouden intussen is veranderd.",
                "We faseren de werkzaamheden, zodat buren zoveel mogelijk samen kunnen verhuizen.",
                "Huurprijzen na renovatie blijven voor de terugkerende huurders betaalbaar.",
                intro="Voor de vernieuwing van het Havenplein-complex in Oosterkwartier hebben we afspraken gemaakt:",
            ),
            h2("Menging met mate"),
            p(
                "We voegen ook woningen toe voor middeninkomens en voor ouderen uit de buurt die kleiner "
                "willen wonen. Zo ontstaat meer variatie, zonder dat de huidige bewoners moeten wijken. "
                "Sociale menging is geen doel op zich: het gaat erom dat mensen een wooncarrière kunnen "
                "maken zonder de wijk te verlaten.",
                "Dat vraagt soms om geduld en om extra geld. Maar een buurt die zijn sociale netwerk behoudt, "
                "is op de lange duur sterker. Daar hebben bewoners, de gemeente en wij als corporatie allemaal "
                "belang bij.",
            ),
            p(
                "Ook na de oplevering blijven we betrokken. Een buurtbeheerder houdt een oogje in het zeil en organiseert samen met het welzijnswerk bijeenkomsten waar oude en nieuwe bewoners kennismaken. Zo groeit de buurt weer naar elkaar toe.",
            ),
        ],
    },
    {
        "title": "Ondermijning herkennen: wat kunnen professionals in de wijk doen?",
        "slug": "ondermijning-herkennen-wat-kunnen-professionals-doen",
        "places": ["havenstad-vogelbuurt"],
        "kind": "achtergrond",
        "intro": (
            "Criminelen maken soms gebruik van kwetsbare wijken. Professionals die dagelijks in de buurt "
            "komen, kunnen signalen opvangen. Maar wat doe je daar dan mee?"
        ),
        "days_ago": 180,
        "themes": ["veiligheid-en-criminaliteit"],
        "organisations": ["kenniscentrum-wijkkracht", "gemeente-havenstad"],
        "authors": ["tom-hendriksen"],
        "body": [
            h2("Wat is ondermijning?"),
            p(
                "Met ondermijning bedoelen we criminaliteit die de samenleving van binnenuit aantast, "
                "doordat de onderwereld en de gewone wereld met elkaar verweven raken. Denk aan drugshandel "
                "vanuit woningen, het ronselen van jongeren als koerier of witwassen via winkels die nooit "
                "klanten lijken te hebben. Bewoners merken het vaak eerder dan instanties, maar durven er "
                "niet altijd over te praten."
            ),
            h2("Signalen in de wijk"),
            ul(
                "een woning waar op vreemde tijden veel mensen kort langskomen;",
                "dichtgeplakte ramen, een ongebruikelijk hoog stroomverbruik of een sterke geur;",
                "jongeren die plotseling dure kleding of scooters hebben;",
                "een bedrijf met weinig klanten dat toch lang openblijft.",
                intro="Medewerkers van corporaties, wijkteams, scholen en welzijn kunnen onder meer letten op:",
            ),
            h2("Wat je met signalen doet"),
            p(
                "Ga niet zelf op onderzoek uit en spreek verdachte personen niet aan. Bespreek wat je ziet met "
                "je leidinggevende en meld het via de afgesproken route, bijvoorbeeld bij de wijkagent of het "
                "gemeentelijke meldpunt. Bewoners kunnen anoniem melden bij Meld Misdaad Anoniem.",
                "In het leernetwerk van Kenniscentrum Wijkkracht merken we dat één ding het verschil maakt: "
                "vertrouwen. Professionals die elkaar kennen, delen sneller informatie en weten wat wel en "
                "niet mag. Investeer daarom in ontmoeting, bijvoorbeeld met een gezamenlijke training voor "
                "alle partners in de wijk.",
            ),
            p(
                "Tot slot een belangrijk punt: vergeet de bewoners niet. Zij hebben vaak het meeste last van criminaliteit in hun straat, maar zijn ook het kwetsbaarst als ze iets melden. Laat hen weten wat er met hun signalen gebeurt, voor zover dat mag, en zorg voor een veilige manier om zorgen te delen.",
            ),
        ],
    },
    {
        "title": "Taalcafé en buurtmentoren helpen nieuwkomers op weg",
        "slug": "taalcafe-en-buurtmentoren-helpen-nieuwkomers-op-weg",
        "places": ["havenstad-lindenhof"],
        "kind": "nieuws",
        "intro": (
            "In Lindenhof koppelt het welzijnswerk nieuwe bewoners aan een buurtmentor. Samen met een "
            "wekelijks taalcafé helpt dat mensen om hun weg te vinden en mee te doen."
        ),
        "days_ago": 220,
        "themes": ["samenleven-en-integratie", "werk-en-participatie"],
        "organisations": ["welzijn-havenstad"],
        "authors": ["fatima-el-amrani"],
        "body": [
            h2("Nieuw in de buurt"),
            p(
                "Wie net in Nederland woont, krijgt met veel tegelijk te maken: een nieuwe taal, brieven van "
                "instanties, een school voor de kinderen en de zoektocht naar werk. In Lindenhof wonen "
                "steeds meer statushouders en arbeidsmigranten. Veel van hen voelden zich de eerste "
                "maanden eenzaam en wisten niet waar ze terechtkonden."
            ),
            h2("Buurtmentoren"),
            p(
                "Daarom zijn we twee jaar geleden gestart met buurtmentoren. Dat zijn vrijwilligers uit de "
                "buurt die een nieuwkomer een half jaar lang wegwijs maken. Ze gaan samen naar de markt, "
                "helpen bij een afspraak met de huisarts of nemen iemand mee naar de voetbalclub. Sommige "
                "mentoren zijn zelf ooit als nieuwkomer begonnen. Zij weten precies hoe het voelt."
            ),
            h2("Het taalcafé"),
            ul(
                "Er zijn geen lessen of toetsen: je oefent door gewoon te praten.",
                "Elke week staat er een praktisch onderwerp centraal, zoals de huisarts of een sollicitatiegesprek.",
                "Vrijwilligers uit de buurt schuiven aan als gesprekspartner.",
                "Kinderopvang is geregeld, zodat ook ouders van jonge kinderen kunnen komen.",
                intro="Elke donderdagmiddag is het buurthuis een taalcafé. Het werkt zo:",
            ),
            p(
                "Het taalcafé is ook een opstap naar werk. Een aantal deelnemers doet inmiddels "
                "vrijwilligerswerk in de buurtkeuken, anderen volgen een opleiding. Het mooiste vind ik dat "
                "de ontmoeting twee kanten op werkt: ook bewoners die hier al lang wonen, leren hun nieuwe "
                "buren kennen."
            ),
            p(
                "Wil je zelf buurtmentor worden? Je hebt geen bijzondere opleiding nodig, wel tijd, geduld en interesse in andere mensen. Nieuwe mentoren krijgen een korte training en kunnen altijd terugvallen op de opbouwwerkers.",
            ),
        ],
    },
    {
        "title": "Hitte in de wijk: wat kunnen bewoners, corporaties en zorg doen?",
        "slug": "hitte-in-de-wijk-wat-kunnen-bewoners-corporaties-en-zorg-doen",
        "places": ["bergdijk-dijkzicht", "bergdijk-hoge-akkers"],
        "kind": "achtergrond",
        "intro": (
            "Tijdens warme zomers worden stenige wijken snel heet. Vooral ouderen en mensen met een "
            "kwetsbare gezondheid lopen risico. Een gezondheidsdienst en een corporatie zoeken samen naar oplossingen."
        ),
        "days_ago": 275,
        "themes": [
            "duurzaamheid",
            "gezondheid-zorg-en-hulpverlening",
            "leefomgeving-en-openbare-ruimte",
        ],
        "organisations": ["gezondheidsdienst-regio-zuiderveen", "woonstichting-de-linde"],
        "authors": ["joost-van-dalen", "ruben-kalkman"],
        "body": [
            h2("Waarom hitte een wijkprobleem is"),
            p(
                "In wijken met veel steen en weinig bomen blijft de warmte 's nachts hangen. Woningen met "
                "slechte isolatie warmen snel op en koelen nauwelijks af. Vaak wonen er ook relatief veel "
                "mensen die extra kwetsbaar zijn: ouderen die alleen wonen, mensen met een chronische "
                "ziekte en gezinnen zonder geld voor een ventilator of zonwering."
            ),
            h2("Maatregelen aan de woning"),
            ul(
                "buitenzonwering aan de zonkant van flats;",
                "isolatie die ook in de zomer helpt om warmte buiten te houden;",
                "ventilatieroosters die 's nachts koele lucht binnenlaten;",
                "groene daken op lage bergingen en garageboxen.",
                intro="Bij renovaties neemt Woonstichting De Linde hittemaatregelen nu standaard mee:",
            ),
            h2("Omzien naar elkaar"),
            p(
                "Niet alles is met stenen op te lossen. De gezondheidsdienst ontwikkelde samen met het "
                "welzijnswerk een eenvoudig hitteplan voor de buurt. Als het warm wordt, bellen vrijwilligers "
                "kwetsbare bewoners op of gaan ze even langs. Ze herinneren mensen eraan om voldoende te "
                "drinken en de gordijnen overdag dicht te houden. Ook thuiszorg en huisartsen letten extra op.",
                "Verder zijn er in verschillende buurten koele plekken aangewezen, zoals een buurthuis met "
                "airconditioning en een schaduwrijk park. Bewoners die het thuis te warm vinden, kunnen daar "
                "terecht. Zo laat de aanpak zien dat klimaat, gezondheid en sociale samenhang in de wijk niet "
                "los van elkaar staan.",
            ),
            p(
                "Wil je als gemeente of corporatie zelf een hitteplan maken? Breng dan eerst de warmste plekken in kaart en ga na welke bewoners het kwetsbaarst zijn. Maak daarna afspraken over wie wat doet als het warm wordt, en oefen die afspraken voordat de zomer begint.",
            ),
        ],
    },
    {
        "title": "Tien jaar wijkaanpak in Bergdijk: wat hebben we geleerd?",
        "slug": "tien-jaar-wijkaanpak-in-bergdijk-wat-hebben-we-geleerd",
        "places": ["bergdijk-dijkzicht", "bergdijk-hoge-akkers"],
        "kind": "achtergrond",
        "intro": (
            "Bergdijk werkte tien jaar aan de wijken Dijkzicht en Hoge Akkers. Kenniscentrum Wijkkracht "
            "blikte samen met partners en bewoners terug op wat werkte en wat niet."
        ),
        "days_ago": 340,
        "themes": ["wonen", "leefomgeving-en-openbare-ruimte", "samenleven-en-integratie"],
        "organisations": ["kenniscentrum-wijkkracht"],
        "authors": ["tom-hendriksen", "lotte-zwart"],
        "body": [
            h2("Een lange periode overzien"),
            p(
                "Tien jaar geleden sloten de gemeente Bergdijk, de corporaties, de scholen en de zorg- en "
                "welzijnsorganisaties een akkoord over Dijkzicht en Hoge Akkers. Voor de evaluatie spraken "
                "we met ruim zestig betrokkenen. We lazen daarnaast alle voortgangsrapportages en bekeken "
                "hoe bewoners hun buurt in de loop der jaren beoordeelden."
            ),
            h2("Wat werkte"),
            ul(
                "<b>Een vaste kern van mensen.</b> Waar dezelfde professionals jarenlang in de wijk bleven, "
                "groeide vertrouwen bij bewoners en partners.",
                "<b>Fysiek en sociaal samen.</b> Renovaties leverden meer op als ze gepaard gingen met "
                "aandacht voor werk, gezondheid en ontmoeting.",
                "<b>Zichtbare verbeteringen.</b> Een opgeknapt plein of een nieuwe speeltuin gaf bewoners "
                "het gevoel dat er echt iets veranderde.",
            ),
            h2("Wat beter kan"),
            ul(
                "<b>Te veel projecten.</b> Op een gegeven moment liepen er tientallen projecten naast elkaar. "
                "Niemand had nog overzicht.",
                "<b>Wisselende aandacht.</b> Na elke verkiezing verschoof het accent, wat partners onzeker maakte.",
                "<b>Weinig meten.</b> Doelen waren vaak vaag geformuleerd, waardoor het lastig was om te zien wat werkte.",
            ),
            quote(
                "Het geheim zit niet in een slim plan, maar in mensen die blijven, ook als het tegenzit.",
                "Lotte Zwart, Kenniscentrum Wijkkracht",
            ),
            p(
                "Bergdijk gebruikt de lessen voor een nieuwe periode. Het aantal projecten gaat omlaag en "
                "de gemeente maakt met de partners afspraken over een klein aantal heldere doelen."
            ),
            p(
                "Voor gemeenten die aan een langjarige wijkaanpak beginnen, hebben we drie adviezen. Kies vanaf het begin een klein aantal doelen en meet die regelmatig. Houd vaste gezichten in de wijk, ook als organisaties veranderen. En maak bewoners mede-eigenaar, zodat de aanpak niet afhangt van de aandacht van bestuurders.",
                "Het volledige evaluatierapport is op te vragen bij Kenniscentrum Wijkkracht.",
            ),
        ],
    },
]


# ---------------------------------------------------------------------------
# Evenementen (fictief)
# ---------------------------------------------------------------------------

EVENTS = [
    {
        "title": "Wijkwandeling door Oosterkwartier",
        "slug": "wijkwandeling-door-oosterkwartier",
        "places": ["havenstad-oosterkwartier"],
        "intro": "Loop mee met bewoners en professionals en zie met eigen ogen wat de wijkaanpak in Oosterkwartier oplevert.",
        "days_from_now": 9,
        "start_hour": 10,
        "duration_hours": 2,
        "location": "Buurthuis De Kade, Havenstad",
        "online": False,
        "themes": ["wonen", "leefomgeving-en-openbare-ruimte"],
        "organisations": ["gemeente-havenstad", "woonstichting-de-linde"],
        "body": [
            p(
                "Tijdens deze wandeling van ongeveer twee uur bezoek je plekken die de afgelopen jaren zijn "
                "veranderd, zoals het gerenoveerde Schippersblok en het vernieuwde speelplein aan de Kadestraat. "
                "Bewoners vertellen wat zij merken van de aanpak, en medewerkers van de gemeente en Woonstichting "
                "De Linde lichten hun keuzes toe."
            ),
            ul(
                "Start en einde: Buurthuis De Kade, met koffie vooraf.",
                "Trek schoenen aan die geschikt zijn om te lopen; de route is rolstoeltoegankelijk.",
                "Deelname is gratis, maar aanmelden is nodig omdat het aantal plekken beperkt is.",
            ),
            p(
                "Na afloop is er gelegenheid om na te praten met bewoners en professionals. Wil je de wandeling met een groep collega's maken? Neem dan contact op met de organisatie, dan zoeken we samen een geschikte datum.",
            ),
        ],
    },
    {
        "title": "Kennisbijeenkomst: samen een wijkprogramma maken",
        "slug": "kennisbijeenkomst-samen-een-wijkprogramma-maken",
        "places": ["havenstad", "bergdijk"],
        "intro": "Hoe stel je met bewoners en partners een wijkprogramma op dat breed gedragen wordt? Leer van ervaringen uit Havenstad en Bergdijk.",
        "days_from_now": 14,
        "start_hour": 13,
        "duration_hours": 3,
        "location": "Stadskantoor Havenstad, zaal De Haven, Havenstad",
        "online": False,
        "themes": ["samenleven-en-integratie", "leefomgeving-en-openbare-ruimte"],
        "organisations": ["kenniscentrum-wijkkracht", "gemeente-havenstad"],
        "body": [
            p(
                "Een goed wijkprogramma begint bij de vraag wat bewoners belangrijk vinden. Maar hoe zorg je "
                "ervoor dat al die wensen uitmonden in heldere keuzes, met afspraken over geld en rollen? "
                "In deze bijeenkomst delen Sanne Verhoef (gemeente Havenstad) en Tom Hendriksen (Kenniscentrum "
                "Wijkkracht) hun ervaringen.",
                "Daarna ga je in kleine groepen aan de slag met een eigen casus. Je gaat naar huis met een "
                "eenvoudig stappenplan en contacten van collega's die voor dezelfde opgave staan. De "
                "bijeenkomst is bedoeld voor beleidsmedewerkers, programmamanagers en actieve bewoners.",
            ),
            p(
                "Na afloop is er een informele borrel, zodat je verder kunt praten met andere deelnemers. Aanmelden kan tot een week van tevoren.",
            ),
        ],
    },
    {
        "title": "Webinar: data over leefbaarheid voor beginners",
        "slug": "webinar-data-over-leefbaarheid-voor-beginners",
        "places": [],
        "intro": "Een praktische introductie in het gebruik van cijfers over leefbaarheid en veiligheid in je wijkaanpak.",
        "days_from_now": 21,
        "start_hour": 15,
        "duration_hours": 1,
        "location": "",
        "online": True,
        "themes": ["leefomgeving-en-openbare-ruimte", "veiligheid-en-criminaliteit"],
        "organisations": ["kenniscentrum-wijkkracht"],
        "body": [
            p(
                "Welke gegevens zijn er over jouw wijk, hoe lees je ze en waar moet je op letten? In dit "
                "webinar van een uur laat onderzoeker Tom Hendriksen zien hoe je cijfers combineert met de "
                "ervaringen van bewoners en professionals. Hij bespreekt veelgemaakte fouten, zoals conclusies "
                "trekken uit kleine aantallen, en geeft tips om privacy te waarborgen.",
                "Je hebt geen voorkennis nodig. Na afloop ontvang je de presentatie en een korte checklist. "
                "Tijdens het webinar kun je via de chat vragen stellen.",
            ),
            p(
                "Het webinar wordt opgenomen. Ben je verhinderd, dan kun je de opname achteraf terugkijken via Wijkportaal.",
            ),
        ],
    },
    {
        "title": "Leernetwerk schuldhulp in de wijk",
        "slug": "leernetwerk-schuldhulp-in-de-wijk",
        "places": [],
        "intro": "Professionals en vrijwilligers wisselen ervaringen uit over laagdrempelige hulp bij geldzorgen in de buurt.",
        "days_from_now": 35,
        "start_hour": 9,
        "duration_hours": 4,
        "location": "Wijkcentrum De Meent, Zuiderveen",
        "online": False,
        "themes": ["werk-en-participatie", "gezondheid-zorg-en-hulpverlening"],
        "organisations": ["welzijn-havenstad"],
        "body": [
            p(
                "In dit leernetwerk komen schuldhulpverleners, opbouwwerkers, medewerkers van corporaties en "
                "vrijwilligers bij elkaar. Ze delen wat werkt om mensen met geldzorgen vroeg te bereiken. "
                "Fatima El Amrani vertelt over het inloopspreekuur in de Vogelbuurt in Havenstad.",
                "In de middagsessie bespreek je aan de hand van casussen hoe je signalen van verschillende "
                "partners bij elkaar brengt zonder de privacy van bewoners te schenden. Het leernetwerk "
                "komt vier keer per jaar bijeen; je kunt ook eenmalig aansluiten.",
            ),
            p(
                "Deelname is gratis. Wel vragen we je om je vooraf aan te melden en een eigen casus of vraag mee te nemen, zodat we het programma goed kunnen afstemmen op de deelnemers.",
            ),
        ],
    },
    {
        "title": "Werkconferentie Gezond opgroeien in de wijk",
        "slug": "werkconferentie-gezond-opgroeien-in-de-wijk",
        "places": ["bergdijk"],
        "intro": "Een dag over de samenwerking tussen onderwijs, jeugdgezondheidszorg, sport en welzijn rond kinderen en gezinnen.",
        "days_from_now": 60,
        "start_hour": 9,
        "duration_hours": 7,
        "location": "Congrescentrum Het Baken, Bergdijk",
        "online": False,
        "themes": ["gezondheid-zorg-en-hulpverlening", "onderwijs-en-opvoeding"],
        "organisations": ["gezondheidsdienst-regio-zuiderveen", "onderwijsgroep-bergdijk"],
        "body": [
            p(
                "Hoe zorg je ervoor dat kinderen in kwetsbare wijken gezond kunnen opgroeien? Tijdens deze "
                "werkconferentie staan praktijkvoorbeelden centraal, zoals de aanpak in Dijkzicht en de brede "
                "school in Hoge Akkers."
            ),
            ul(
                "een opening door Joost van Dalen en Ineke Boersma;",
                "workshops over gezonde schoolpleinen, ouderbetrokkenheid en armoede onder kinderen;",
                "een marktplaats waar organisaties hun aanpak presenteren;",
                "een afsluitend gesprek met jongeren uit Bergdijk.",
                intro="Het programma bestaat onder meer uit:",
            ),
            p(
                "Lunch en koffie zijn inbegrepen. De locatie is goed bereikbaar met het openbaar vervoer."
            ),
            p(
                "Deelname is gratis voor medewerkers van scholen, gemeenten en zorg- en welzijnsorganisaties in de regio. Aanmelden is wel verplicht.",
            ),
        ],
    },
    {
        "title": "Webinar: huurders betrekken bij verduurzaming",
        "slug": "webinar-huurders-betrekken-bij-verduurzaming",
        "places": ["havenstad-oosterkwartier"],
        "intro": "Hoe zorg je dat huurders meedenken over de verduurzaming van hun woning? Een avondwebinar met ervaringen uit Oosterkwartier.",
        "days_from_now": 90,
        "start_hour": 19,
        "duration_hours": 1,
        "location": "",
        "online": True,
        "themes": ["duurzaamheid", "wonen"],
        "organisations": ["woonstichting-de-linde"],
        "body": [
            p(
                "Ruben Kalkman van Woonstichting De Linde vertelt hoe de renovatie van het Schippersblok is "
                "voorbereid met een klankbordgroep van huurders. Een van de huurders vertelt over haar ervaringen, "
                "van de proefwoning tot de dagen waarop de bouwvakkers in huis waren.",
                "Het webinar is bedoeld voor medewerkers van corporaties en gemeenten, en voor leden van "
                "huurdersorganisaties. We houden het bewust kort en praktisch. Je krijgt concrete tips om "
                "bewoners vanaf het begin te betrekken en om extra hulp te bieden aan huurders die dat nodig hebben.",
            ),
            p(
                "Na afloop sturen we je een samenvatting met de belangrijkste tips en de presentatie.",
            ),
        ],
    },
    {
        "title": "Leerbijeenkomst wijkagenten en jongerenwerkers",
        "slug": "leerbijeenkomst-wijkagenten-en-jongerenwerkers",
        "places": ["havenstad"],
        "intro": "Wijkagenten en jongerenwerkers uit de regio spraken over samenwerken op straat, met respect voor elkaars rol.",
        "days_from_now": -20,
        "start_hour": 14,
        "duration_hours": 3,
        "location": "Jongerencentrum De Loods, Havenstad",
        "online": False,
        "themes": ["veiligheid-en-criminaliteit", "onderwijs-en-opvoeding"],
        "organisations": ["welzijn-havenstad"],
        "body": [
            p(
                "Ruim dertig wijkagenten en jongerenwerkers kwamen samen in Jongerencentrum De Loods. "
                "Mehmet Yıldız en wijkagent Karin Mulder vertelden hoe ze in Oosterkwartier samen optrekken. "
                "Daarna bespraken de deelnemers in groepjes lastige situaties: wat deel je wel en wat niet, "
                "en hoe ga je om met jongeren die het vertrouwen in de politie kwijt zijn?",
                "Een terugkerend inzicht was dat duidelijke afspraken vooraf veel onrust voorkomen. Een "
                "verslag van de middag verschijnt binnenkort op Wijkportaal.",
            ),
            p(
                "De organisatoren willen de bijeenkomst elk halfjaar herhalen, zodat wijkagenten en jongerenwerkers uit verschillende wijken van elkaar kunnen blijven leren. Heb je ideeën voor onderwerpen? Laat het dan weten aan Stichting Welzijn Havenstad.",
            ),
        ],
    },
    {
        "title": "Groendag Dijkzicht",
        "slug": "groendag-dijkzicht",
        "places": ["bergdijk-dijkzicht"],
        "intro": "Bewoners van Dijkzicht vervingen samen tegels door planten. Professionals uit andere gemeenten kwamen kijken en meedoen.",
        "days_from_now": -45,
        "start_hour": 10,
        "duration_hours": 5,
        "location": "Speeltuin Dijkzicht, Bergdijk",
        "online": False,
        "themes": ["leefomgeving-en-openbare-ruimte", "duurzaamheid"],
        "organisations": ["kenniscentrum-wijkkracht"],
        "body": [
            p(
                "Op deze zonnige zaterdag werkten bewoners, vrijwilligers en bezoekers samen aan een groenere "
                "buurt. Er werden geveltuinen aangelegd, boomspiegels beplant en regentonnen geplaatst. "
                "Kinderen maakten insectenhotels in de speeltuin.",
                "Voor professionals uit andere gemeenten was er een rondleiding en een gesprek met de "
                "initiatiefnemers. Zij vertelden hoe ze buren enthousiast maakten en hoe ze het onderhoud "
                "regelen. De ervaringen zijn verwerkt in een handreiking van Kenniscentrum Wijkkracht.",
            ),
            p(
                "Na de lunch, verzorgd door de buurtkeuken, kregen de deelnemers uitleg over het onderhoud van geveltuinen. Ook maakten bewoners afspraken over het water geven in droge periodes. De dag eindigde met een gezamenlijke wandeling langs alle nieuwe tuintjes.",
            ),
        ],
    },
    {
        "title": "Terugblik: tien jaar wijkaanpak in Bergdijk",
        "slug": "terugblik-tien-jaar-wijkaanpak-in-bergdijk",
        "places": ["bergdijk-dijkzicht", "bergdijk-hoge-akkers"],
        "intro": "Een werkconferentie over de evaluatie van tien jaar wijkaanpak in Dijkzicht en Hoge Akkers, ter plaatse en online te volgen.",
        "days_from_now": -120,
        "start_hour": 10,
        "duration_hours": 6,
        "location": "Raadhuis Bergdijk, Bergdijk",
        "online": True,
        "themes": ["wonen", "samenleven-en-integratie"],
        "organisations": ["kenniscentrum-wijkkracht"],
        "body": [
            p(
                "Tijdens deze werkconferentie presenteerden Tom Hendriksen en Lotte Zwart de evaluatie van "
                "tien jaar wijkaanpak in Bergdijk. Bestuurders, professionals en bewoners gingen daarna met "
                "elkaar in gesprek over de lessen en over de koers voor de komende jaren.",
                "Belangrijke thema's waren het verminderen van het aantal projecten, het vasthouden van "
                "vaste gezichten in de wijk en het beter meten van resultaten. De conferentie was ook online "
                "te volgen. Een samenvatting van de evaluatie lees je in het artikel op Wijkportaal.",
            ),
            p(
                "Veel deelnemers waardeerden de openheid van het gesprek: ook wat niet goed ging, kwam uitgebreid aan bod.",
            ),
        ],
    },
]


# ---------------------------------------------------------------------------
# Informatiepagina's
# ---------------------------------------------------------------------------

#: What earlier versions of this builder wrote as an information page's body (SHA-256, see
#: `EARLIER_EXPLAINER_BODIES`): a stored body that still matches gets the current one.
EARLIER_INFORMATION_BODIES = {
    "toegankelijkheid": {
        "857d5bd03dabe7b210b971bdfdb5fc9dea144584153ec6ffe5f8ac6552f860bb",
    },
}

#: The accessibility statement, in the order of the Dutch model statement (DigiToegankelijk):
#: for which website, the status, what is not yet accessible, how to report a problem, how we
#: check and when we last did.
ACCESSIBILITY_STATEMENT = [
    h2("Voor welke website deze verklaring geldt"),
    p(
        "Deze verklaring geldt voor de website Wijkportaal op https://wijkportaal.example: alle "
        "openbare pagina's, de pagina's voor leden (zoals de leeslijst, volgen en je account) en "
        "de documenten die we zelf op de website zetten.",
        "Niet onder deze verklaring vallen de beheeromgeving waarin redacteuren de website "
        "bijhouden, en websites van andere organisaties waar we naar verwijzen, zoals "
        "aanmeldpagina's voor evenementen en de websites van uitgevers.",
    ),
    h2("Status: voldoet gedeeltelijk"),
    p(
        "Wijkportaal voldoet gedeeltelijk aan de eisen voor digitale toegankelijkheid: de Web "
        "Content Accessibility Guidelines (WCAG) 2.1 op niveau A en AA, die ook in de Europese "
        "norm EN 301 549 staan. Dezelfde eisen gelden voor websites van de overheid."
    ),
    ul(
        "A: voldoet volledig;",
        "B: voldoet gedeeltelijk (dit is de status van Wijkportaal);",
        "C: eerste maatregelen genomen;",
        "D: voldoet niet.",
        intro="Het model voor een toegankelijkheidsverklaring van de overheid kent deze statussen:",
    ),
    p(
        "Onze status is een eigen beoordeling. Er is nog geen onderzoek gedaan door een "
        "onafhankelijke partij, en zo'n onderzoek is nodig om te kunnen zeggen dat de website "
        "volledig voldoet. Tot dat onderzoek er is, houden we het op 'voldoet gedeeltelijk'. "
        "Hieronder staat wat we al weten."
    ),
    h2("Wat nog niet toegankelijk is"),
    ul(
        "<b>Video's van YouTube en Vimeo.</b> De videospeler komt van die dienst. Op de "
        "bediening van de speler en op de ondertiteling hebben we geen invloed, en niet elke "
        "video heeft Nederlandse ondertitels. Daarom staat bij elke video een uitgeschreven "
        "tekst van wat er gezegd en getoond wordt, en een link om de video bij de dienst zelf te "
        "bekijken.",
        "<b>PDF-documenten.</b> De PDF's bij publicaties zijn niet getagd: een schermlezer kan "
        "koppen en de leesvolgorde niet goed herkennen. PDF's van andere organisaties hebben we "
        "niet op toegankelijkheid gecontroleerd. Op de pagina van elke publicatie staat een "
        "samenvatting in gewone tekst. Heb je het document in een andere vorm nodig, vraag het "
        "ons dan (zie hieronder).",
        "<b>Inloggen met een code.</b> Een inlogcode die we per e-mail sturen, is 3 minuten "
        "geldig. Heb je meer tijd nodig, vraag dan een nieuwe code aan of log in met je "
        "e-mailadres en wachtwoord; daarvoor geldt geen tijdslimiet.",
        "<b>E-mails.</b> De e-mails die we sturen, zoals de bevestiging van je account en de "
        "e-mailsamenvatting, hebben we nog niet apart op toegankelijkheid getest.",
        "<b>Inhoud van redacteuren.</b> Redacteuren moeten bij elke afbeelding een beschrijving "
        "geven en bij elke video een uitgeschreven tekst. Toch kan een tekst, tabel of link die "
        "een redacteur toevoegt, minder goed bruikbaar zijn. Zulke problemen lossen we op zodra "
        "we ze vinden of jij ze meldt.",
        intro="Deze onderdelen voldoen nog niet, of we weten nog niet zeker of ze voldoen:",
    ),
    h2("Een probleem melden"),
    p(
        "Kun je iets op Wijkportaal niet lezen of gebruiken, of heb je informatie in een andere "
        "vorm nodig? Mail dan naar "
        '<a href="mailto:toegankelijkheid@wijkportaal.example">toegankelijkheid@wijkportaal.example</a>. '
        "Vertel om welke pagina het gaat, wat er misgaat en welk hulpmiddel je gebruikt, als je "
        "dat wilt.",
        "Je krijgt binnen 5 werkdagen een reactie. Daarin staat wat we gaan doen en wanneer. Een "
        "document in een andere vorm krijg je binnen 2 weken.",
        "Ben je niet tevreden over hoe we je melding afhandelen? Laat het ons weten via hetzelfde "
        "adres. Vind je dat je wordt achtergesteld omdat de website niet toegankelijk is, dan kun "
        "je het College voor de Rechten van de Mens om een oordeel vragen.",
    ),
    h2("Hoe we de toegankelijkheid controleren"),
    ul(
        "Bij elke wijziging van de website controleert een automatische test alle soorten "
        "pagina's met axe-core op de regels van WCAG 2.1 niveau A en AA, op de breedte van een "
        "computerscherm en van een telefoon.",
        "Automatische tests testen ook de belangrijkste taken, zoals zoeken, een artikel bewaren, "
        "een thema volgen en inloggen, met alleen het toetsenbord of zonder JavaScript.",
        "Nieuwe onderdelen bekijken we zelf, op een computerscherm en op de breedte van een "
        "telefoon, en met alleen het toetsenbord.",
        intro="We controleren de website op deze manieren:",
    ),
    p(
        "Automatische tests vinden maar een deel van de problemen. Wat we nog niet gedaan hebben: "
        "een volledig onderzoek volgens WCAG-EM, de evaluatiemethode van het W3C, door een "
        "onafhankelijke partij, en tests met schermlezers door mensen die ze dagelijks gebruiken. "
        "Als dat onderzoek er is, passen we deze verklaring aan."
    ),
    h2("Datum van de laatste controle"),
    p(
        "We hebben de website voor het laatst gecontroleerd op 28 november 2026. Deze verklaring "
        "is opgesteld op 27 november 2026 en bijgewerkt op 28 november 2026."
    ),
]

INFORMATION_PAGES = [
    {
        "title": "Toegankelijkheid",
        "slug": "toegankelijkheid",
        "intro": (
            "Wijkportaal moet voor iedereen goed te gebruiken zijn, ook voor mensen met een beperking. "
            "In deze toegankelijkheidsverklaring lees je hoe we daaraan werken."
        ),
        "body": ACCESSIBILITY_STATEMENT,
    },
    {
        "title": "Privacy",
        "slug": "privacy",
        "intro": (
            "We gaan zorgvuldig om met persoonsgegevens en verzamelen niet meer dan nodig is. "
            "Hier lees je welke gegevens we gebruiken, waarom en hoe lang."
        ),
        "body": [
            h2("Bezoekers van de website"),
            p(
                "Je kunt Wijkportaal bezoeken zonder dat we je volgen. We gebruiken geen tracking- of "
                "analysecookies en plaatsen geen advertentiecookies. Als je niet inlogt, ontvang je van ons "
                "geen cookies. We houden dus ook geen profielen van bezoekers bij."
            ),
            h2("Leden met een account"),
            ul(
                "je e-mailadres, om in te loggen en om je berichten te sturen waar je zelf om hebt gevraagd;",
                "je weergavenaam, je organisatie en je functie, als je die invult;",
                "je leeslijst: de artikelen die je hebt bewaard;",
                "de thema's, organisaties en auteurs die je volgt;",
                "je instellingen voor de e-mailsamenvatting (digest), zoals hoe vaak je die wilt ontvangen.",
                intro=(
                    "Maak je een account aan, dan bewaren we de volgende gegevens. We gebruiken ze alleen om "
                    "de functies van je account te laten werken, zoals de leeslijst, volgen en de "
                    "e-mailsamenvatting. Ingelogde leden krijgen alleen de functionele cookies die nodig zijn om ingelogd te blijven en de website te beveiligen."
                ),
            ),
            p(
                "De grondslag hiervoor is de overeenkomst die je met ons sluit als je een account aanmaakt "
                "(artikel 6 lid 1 sub b van de Algemene verordening gegevensbescherming, AVG). We verkopen "
                "je gegevens nooit en delen ze niet met andere partijen, behalve met de partij die de website "
                "voor ons host en die aan dezelfde regels gebonden is."
            ),
            h2("Hoe lang we gegevens bewaren"),
            p(
                "We bewaren je gegevens zolang je account bestaat. Verwijder je je account, dan wissen we je "
                "gegevens."
            ),
            h2("Jouw rechten"),
            p(
                "Je kunt je gegevens altijd zelf inzien, aanpassen, downloaden en verwijderen op de pagina "
                "van je account. Heb je een vraag of een klacht over privacy? Mail dan naar "
                '<a href="mailto:privacy@wijkportaal.example">privacy@wijkportaal.example</a>. Ben je niet '
                "tevreden over onze reactie, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens."
            ),
        ],
    },
]


# ---------------------------------------------------------------------------
# Homepage
# ---------------------------------------------------------------------------

HOME = {
    "title": "Wijkportaal",
    "intro": (
        "Wijkportaal is het kennisplatform over de integrale wijkaanpak. Je vindt hier uitleg, "
        "praktijkverhalen, interviews en bijeenkomsten voor professionals en bewoners die samen werken "
        "aan betere wijken."
    ),
    "body": [
        h2("Welkom"),
        p(
            "Werk je aan een wijk waar veel tegelijk speelt? Dan ben je niet de enige. Op Wijkportaal delen "
            "gemeenten, corporaties, scholen, zorg- en welzijnsorganisaties en bewoners wat ze leren. Begin "
            "bij de uitleg over de integrale wijkaanpak, lees ervaringen per thema of meld je aan voor een "
            "bijeenkomst bij jou in de buurt.",
            "Met een gratis account bewaar je artikelen op je leeslijst en volg je de thema's, organisaties "
            "en auteurs die jou interesseren.",
            "<i>Let op: dit is een demo-omgeving. De organisaties, personen, steden en wijken in de "
            "voorbeeldartikelen zijn verzonnen.</i>",
        ),
    ],
}


# ---------------------------------------------------------------------------
# Gebieden: de stedelijke focusgebieden van het Nationaal Programma Leefbaarheid en Veiligheid
# (NPLV: 20 focusgebieden in 19 gemeenten, Staatscourant 2023-25879) met hun gemeenten, een paar
# echte wijken en buurten uit de praktijkvoorbeelden, en de verzonnen gemeenten van de
# demo-artikelen (Havenstad en Bergdijk).
# ---------------------------------------------------------------------------

#: (gemeente, slug, provincie, [(focusgebied, slug)]) of the NPLV.
NPLV = [
    ("Leeuwarden", "leeuwarden", "Friesland", [("Leeuwarden-Oost", "leeuwarden-oost")]),
    ("Groningen", "groningen", "Groningen", [("Groningen Noord", "groningen-noord")]),
    ("Arnhem", "arnhem", "Gelderland", [("Arnhem Oost", "arnhem-oost")]),
    ("Heerlen", "heerlen", "Limburg", [("Heerlen Noord", "heerlen-noord")]),
    ("Breda", "breda", "Noord-Brabant", [("Breda Noord", "breda-noord")]),
    (
        "Eindhoven",
        "eindhoven",
        "Noord-Brabant",
        [("Eindhoven Woensel-Zuid", "eindhoven-woensel-zuid")],
    ),
    ("Tilburg", "tilburg", "Noord-Brabant", [("Tilburg Noordwest", "tilburg-noordwest")]),
    (
        "Schiedam",
        "schiedam",
        "Zuid-Holland",
        [("Schiedam Nieuwland-Oost", "schiedam-nieuwland-oost")],
    ),
    ("Rotterdam", "rotterdam", "Zuid-Holland", [("Rotterdam-Zuid", "rotterdam-zuid")]),
    ("Den Haag", "den-haag", "Zuid-Holland", [("Den Haag Zuidwest", "den-haag-zuidwest")]),
    (
        "Amsterdam",
        "amsterdam",
        "Noord-Holland",
        [
            ("Amsterdam Zuidoost", "amsterdam-zuidoost"),
            ("Amsterdam Nieuw-West", "amsterdam-nieuw-west"),
        ],
    ),
    ("Zaanstad", "zaanstad", "Noord-Holland", [("Zaandam Oost", "zaandam-oost")]),
    ("Lelystad", "lelystad", "Flevoland", [("Lelystad Oost", "lelystad-oost")]),
    ("Utrecht", "utrecht", "Utrecht", [("Utrecht Overvecht", "utrecht-overvecht")]),
    ("Nieuwegein", "nieuwegein", "Utrecht", [("Nieuwegein Centrale-As", "nieuwegein-centrale-as")]),
    ("Vlaardingen", "vlaardingen", "Zuid-Holland", [("Vlaardingen West", "vlaardingen-west")]),
    ("Delft", "delft", "Zuid-Holland", [("Delft West", "delft-west")]),
    ("Dordrecht", "dordrecht", "Zuid-Holland", [("Dordrecht West", "dordrecht-west")]),
    ("Roosendaal", "roosendaal", "Noord-Brabant", [("Roosendaal-stad", "roosendaal-stad")]),
]


def _nplv_places() -> list[dict]:
    """Each NPLV gemeente, then its focusgebied(en)."""
    places = []
    for gemeente, slug, province, areas in NPLV:
        names = " en ".join(name for name, _ in areas)
        one = len(areas) == 1
        places.append(
            {
                "name": gemeente,
                "slug": slug,
                "level": "gemeente",
                "parent": None,
                "description": (
                    f"Gemeente in {province}. {names} {'hoort' if one else 'horen'} bij de twintig "
                    "stedelijke focusgebieden van het Nationaal Programma Leefbaarheid en Veiligheid."
                ),
            }
        )
        for name, area_slug in areas:
            places.append(
                {
                    "name": name,
                    "slug": area_slug,
                    "level": "focusgebied",
                    "parent": slug,
                    "description": (
                        f"Stedelijk focusgebied in {gemeente}. Sinds 2022 werken het Rijk, de "
                        "gemeente, bewoners en partners hier voor lange tijd samen aan school en "
                        "werk, gezondheid, wonen en veiligheid, in samenhang in plaats van elk "
                        "onderwerp los. Het gebied beslaat meer dan één wijk."
                    ),
                }
            )
    return places


PLACES = [
    *_nplv_places(),
    {
        "name": "Feijenoord",
        "slug": "rotterdam-feijenoord",
        "level": "wijk",
        "parent": "rotterdam-zuid",
        "description": "Wijk op Rotterdam-Zuid, aan de zuidoever van de Maas.",
    },
    {
        "name": "Bloemhof",
        "slug": "rotterdam-bloemhof",
        "level": "buurt",
        "parent": "rotterdam-feijenoord",
        "description": "Buurt in de wijk Feijenoord op Rotterdam-Zuid.",
    },
    {
        "name": "Moerwijk",
        "slug": "den-haag-moerwijk",
        "level": "wijk",
        "parent": "den-haag-zuidwest",
        "description": "Wijk in het stadsdeel Escamp, in het zuidwesten van Den Haag.",
    },
    {
        "name": "Moerwijk-Oost",
        "slug": "den-haag-moerwijk-oost",
        "level": "buurt",
        "parent": "den-haag-moerwijk",
        "description": "Buurt in de Haagse wijk Moerwijk.",
    },
    {
        "name": "Poelenburg",
        "slug": "zaanstad-poelenburg",
        "level": "wijk",
        "parent": "zaandam-oost",
        "description": "Wijk in het oosten van Zaandam.",
    },
    {
        "name": "Heechterp-Schieringen",
        "slug": "leeuwarden-heechterp-schieringen",
        "level": "wijk",
        "parent": "leeuwarden-oost",
        "description": "Wijk in het oosten van Leeuwarden.",
    },
    # The fictional places of the demo articles, events and publications.
    {
        "name": "Havenstad",
        "slug": "havenstad",
        "level": "gemeente",
        "parent": None,
        "description": (
            "Een verzonnen gemeente aan het water, waar veel demo-artikelen over gaan. De wijken, "
            "buurten, organisaties en mensen van Havenstad bestaan niet."
        ),
    },
    {
        "name": "Oosterkwartier",
        "slug": "havenstad-oosterkwartier",
        "level": "wijk",
        "parent": "havenstad",
        "description": (
            "Verzonnen wijk in Havenstad met veel sociale huurwoningen, waar bewoners, gemeente "
            "en partners samen een wijkprogramma opstelden."
        ),
    },
    {
        "name": "Lindenhof",
        "slug": "havenstad-lindenhof",
        "level": "buurt",
        "parent": "havenstad-oosterkwartier",
        "description": "Verzonnen buurt in Oosterkwartier, met een taalcafé en buurtmentoren.",
    },
    {
        "name": "Vogelbuurt",
        "slug": "havenstad-vogelbuurt",
        "level": "buurt",
        "parent": "havenstad-oosterkwartier",
        "description": "Verzonnen buurt in Oosterkwartier, met een spreekuur voor geldzorgen.",
    },
    {
        "name": "Bergdijk",
        "slug": "bergdijk",
        "level": "gemeente",
        "parent": None,
        "description": (
            "Een verzonnen gemeente die tien jaar aan twee wijken werkte. Bergdijk, Dijkzicht en "
            "Hoge Akkers bestaan niet."
        ),
    },
    {
        "name": "Dijkzicht",
        "slug": "bergdijk-dijkzicht",
        "level": "wijk",
        "parent": "bergdijk",
        "description": "Verzonnen wijk in Bergdijk, waar bewoners tegels vervingen door groen.",
    },
    {
        "name": "Hoge Akkers",
        "slug": "bergdijk-hoge-akkers",
        "level": "wijk",
        "parent": "bergdijk",
        "description": "Verzonnen wijk in Bergdijk, met een brede school als middelpunt.",
    },
]

#: Places as an earlier builder wrote them, by slug: (name, level, parent slug, description). A
#: place that still reads exactly so is brought up to date (`demo.builder`); one an editor
#: changed is left alone.
EARLIER_PLACES = {
    "rotterdam-feijenoord": (
        "Feijenoord",
        "wijk",
        "rotterdam",
        "Wijk op Rotterdam-Zuid, aan de zuidoever van de Maas.",
    ),
    "den-haag-moerwijk": (
        "Moerwijk",
        "wijk",
        "den-haag",
        "Wijk in het stadsdeel Escamp, in het zuidwesten van Den Haag.",
    ),
    "zaanstad-poelenburg": ("Poelenburg", "wijk", "zaanstad", "Wijk in het oosten van Zaandam."),
    "leeuwarden-heechterp-schieringen": (
        "Heechterp-Schieringen",
        "wijk",
        "leeuwarden",
        "Wijk in het oosten van Leeuwarden.",
    ),
    "utrecht-overvecht": (
        "Overvecht",
        "wijk",
        "utrecht",
        "Wijk in het noorden van Utrecht, grotendeels gebouwd in de jaren zestig en zeventig.",
    ),
    **{
        slug: (
            name,
            "gemeente",
            None,
            f"{description_start}{focus} is een van de stedelijke focusgebieden van het "
            "Nationaal Programma Leefbaarheid en Veiligheid.",
        )
        for slug, name, description_start, focus in (
            ("rotterdam", "Rotterdam", "Gemeente in Zuid-Holland. ", "Rotterdam-Zuid"),
            ("den-haag", "Den Haag", "Gemeente in Zuid-Holland. ", "Den Haag Zuidwest"),
            ("utrecht", "Utrecht", "Gemeente in de provincie Utrecht. ", "Overvecht"),
            ("zaanstad", "Zaanstad", "Gemeente in Noord-Holland. ", "Zaandam Oost"),
            ("leeuwarden", "Leeuwarden", "Hoofdstad van Friesland. ", "Leeuwarden-Oost"),
        )
    },
}


# ---------------------------------------------------------------------------
# Publicaties
# ---------------------------------------------------------------------------

PUBLICATION_INDEX = {
    "title": "Publicaties",
    "slug": "publicaties",
    "intro": (
        "Onderzoeken, handreikingen en praktijkboeken over de integrale wijkaanpak, met een korte "
        "samenvatting en een document om te downloaden."
    ),
}

#: Every publication's PDF is a demo file the builder writes itself: it says so on its first page.
PDF_NOTICE = (
    "Dit is een demodocument van Wijkportaal. Het is niet de oorspronkelijke publicatie en bevat "
    "geen tekst daaruit: Wijkportaal maakte dit bestand zelf, om te laten zien hoe een publicatie "
    "met een document werkt. De echte publicatie vind je bij de uitgever."
)

PUBLICATIONS = [
    {
        "title": "75 jaar stedelijke vernieuwing en wijkaanpak",
        "slug": "75-jaar-stedelijke-vernieuwing-en-wijkaanpak",
        "places": [],
        "kind": "onderzoek",
        "year": 2020,
        "publisher": "platform31",
        "authors": [],
        "themes": ["wonen", "leefomgeving-en-openbare-ruimte", "samenleven-en-integratie"],
        "days_ago": 400,
        "intro": (
            "Een overzicht van de Nederlandse aanpak van kwetsbare wijken vanaf 1945: van sanering en "
            "wederopbouw via stadsvernieuwing en grotestedenbeleid tot de hernieuwde aandacht van de "
            "laatste jaren. Een bijgewerkte editie verscheen in 2024 onder de titel ‘80 jaar "
            "stedelijke vernieuwing en wijkaanpak’."
        ),
        "body": [
            h2("Waar gaat deze publicatie over?"),
            p(
                "De uitgave volgt het wijkenbeleid periode voor periode. Ze laat zien welke problemen "
                "elke generatie beleidsmakers zag, welke oplossingen ze kozen en wat daarvan terechtkwam. "
                "Tussen de hoofdstukken staan korte beschouwingen over ideeën die steeds terugkomen, "
                "zoals de gemengde wijk en het begrip leefbaarheid.",
                "Het overzicht is bedoeld voor mensen die nieuw zijn in het werkveld, maar ook voor "
                "ervaren wijkaanpakkers die willen voortbouwen op wat eerder is geprobeerd.",
                "Een korte versie van deze geschiedenis vind je in onze uitleg over de "
                + link("/integrale-wijkaanpak/beleidsgeschiedenis/", "beleidsgeschiedenis")
                + ".",
            ),
            cta(
                "De bijgewerkte editie lezen",
                "Naar Platform31",
                url="https://www.platform31.nl/artikelen/80-jaar-stedelijke-vernieuwing-en-wijkaanpak/",
                text="Het bestand onder ‘Downloaden’ is een demobestand. De publicatie zelf staat bij de uitgever.",
            ),
        ],
        "document": {
            "title": "75 jaar stedelijke vernieuwing en wijkaanpak (demodocument)",
            "label": "Demodocument met samenvatting",
            "paragraphs": [
                "Waar gaat het over? Sinds de Tweede Wereldoorlog investeert Nederland in wijken die "
                "achterop dreigen te raken. Deze demotekst vat in eigen woorden samen welke perioden "
                "het wijkenbeleid kende.",
                "Eerst lag de nadruk op slopen en opnieuw bouwen. Daarna volgde de stadsvernieuwing, "
                "die juist wilde behouden wat er was. Vanaf de jaren negentig ging het om "
                "herstructurering en sociale menging, later om krachtwijken. Na een periode van "
                "afbouw kwam er met het Nationaal Programma Leefbaarheid en Veiligheid weer een "
                "landelijke impuls.",
                "Waarom is dat nuttig? Wie weet welke aanpakken eerder zijn geprobeerd, herkent oude "
                "valkuilen sneller en kan beter uitleggen waarom een wijk een lange adem nodig heeft.",
            ],
        },
    },
    {
        "title": "Perspectief bieden",
        "slug": "perspectief-bieden",
        "places": [],
        "kind": "onderzoek",
        "year": 2021,
        "publisher": "verwey-jonker-instituut",
        "authors": [],
        "themes": [
            "veiligheid-en-criminaliteit",
            "samenleven-en-integratie",
            "werk-en-participatie",
        ],
        "days_ago": 380,
        "intro": (
            "Synthesenotitie die de kennis uit de verkenningsfase van het rijksprogramma Leefbaarheid "
            "en Veiligheid samenbrengt, geschreven in opdracht van het ministerie van BZK. De notitie "
            "beschrijft uitgangspunten en succesfactoren voor een nieuwe gebiedsgerichte aanpak."
        ),
        "body": [
            h2("Waar gaat deze publicatie over?"),
            p(
                "De notitie zet op een rij wat onderzoek en praktijk zeggen over het verbeteren van "
                "kwetsbare gebieden: wat leren we van eerder wijkenbeleid, en wat vraagt de huidige tijd "
                "anders? De kern is dat de aanpak moet draaien om de kansen van bewoners op onderwijs, "
                "werk, een goede woning en gezondheid, niet alleen om de plek zelf.",
                "Het stuk was een belangrijke bouwsteen voor het Nationaal Programma Leefbaarheid en "
                "Veiligheid en voor het praktijkboek "
                + link("/publicaties/slagkracht-in-de-wijk/", "‘Slagkracht in de wijk’")
                + ".",
            ),
            cta(
                "De notitie lezen",
                "Naar WijkWijzer",
                url="https://wijkwijzer.org/actueel/onderzoek/perspectief-bieden-1",
                text="Het bestand onder ‘Downloaden’ is een demobestand. De notitie zelf staat bij WijkWijzer.",
            ),
        ],
        "document": {
            "title": "Perspectief bieden (demodocument)",
            "label": "Demodocument met samenvatting",
            "paragraphs": [
                "Waar gaat het over? Deze demotekst vat in eigen woorden de gedachte achter de "
                "synthesenotitie samen: structurele verbetering van een kwetsbaar gebied begint bij "
                "toekomstperspectief voor de mensen die er wonen.",
                "Zo'n aanpak is langjarig, verbindt beleidsdomeinen en laat bewoners meepraten en "
                "meebeslissen. Gemeenten voeren de regie, samen met corporaties, scholen, zorg, "
                "welzijn, politie en ondernemers. Het Rijk zorgt voor ruimte in regels en voor "
                "geld dat langer meegaat dan een bestuursperiode.",
                "Gebruik deze inzichten als gespreksstof bij de start van een wijkprogramma.",
            ],
        },
    },
    {
        "title": "Slagkracht in de wijk",
        "slug": "slagkracht-in-de-wijk",
        "places": [],
        "kind": "praktijkboek",
        "year": 2022,
        "publisher": "wijkwijzer",
        "authors": [],
        "themes": ["samenleven-en-integratie", "wonen", "veiligheid-en-criminaliteit"],
        "days_ago": 300,
        "intro": (
            "Praktijkboek voor een meerjarige, gebiedsgerichte aanpak van kwetsbare wijken. Lessen uit "
            "onderzoek en praktijk zijn vertaald naar tips, checklists en voorbeelden, met de nadruk "
            "op de startfase van een wijkaanpak."
        ),
        "body": [
            h2("Waar gaat deze publicatie over?"),
            p(
                "Het praktijkboek werkt de bouwstenen voor een slagvaardige wijkaanpak uit. Het "
                "schrijft niet voor hoe het moet, maar helpt gemeenten, partners, ondernemers en "
                "bewoners bij de eerste keuzes: welk gebied, welke doelen, wie doet wat en hoe organiseer "
                "je de samenwerking.",
                "De voorbeelden komen uit de focusgebieden van het Nationaal Programma Leefbaarheid en "
                "Veiligheid en uit andere wijken. Het boek is een uitgave van WijkWijzer, gemaakt samen "
                "met Platform31 en het Verwey-Jonker Instituut.",
                "Wil je eerst weten of jouw wijk zo'n aanpak nodig heeft? Lees dan "
                + link(
                    "/integrale-wijkaanpak/wanneer-is-een-integrale-wijkaanpak-nodig/",
                    "Wanneer is een integrale wijkaanpak nodig?",
                )
                + ", met vijf stappen om te beginnen.",
            ),
            cta(
                "Het praktijkboek lezen",
                "Naar het Verwey-Jonker Instituut",
                url="https://www.verwey-jonker.nl/publicatie/slagkracht-in-de-wijk/",
                text="Het bestand onder ‘Downloaden’ is een demobestand. Het praktijkboek zelf staat bij de makers.",
            ),
        ],
        "document": {
            "title": "Slagkracht in de wijk (demodocument)",
            "label": "Demodocument met samenvatting",
            "paragraphs": [
                "Waar gaat het over? Deze demotekst beschrijft in eigen woorden hoe je het praktijkboek "
                "kunt gebruiken bij de start van een wijkaanpak.",
                "Begin met een gedeeld beeld van de wijk, kies een beperkt aantal doelen en maak "
                "afspraken over regie, geld en de rol van bewoners. Gebruik de checklists om na te gaan "
                "of niets belangrijks vergeten is, en de voorbeelden om te zien hoe anderen het "
                "aanpakten.",
                "Tip: lees het boek samen met je partners, zodat jullie dezelfde taal spreken.",
            ],
        },
    },
    {
        "title": "Factsheet: datatafels in de wijk",
        "slug": "factsheet-datatafels-in-de-wijk",
        "places": ["bergdijk"],
        "kind": "factsheet",
        "year": 2026,
        "publisher": "kenniscentrum-wijkkracht",
        "authors": ["tom-hendriksen"],
        "themes": ["leefomgeving-en-openbare-ruimte", "veiligheid-en-criminaliteit"],
        "days_ago": 20,
        "intro": (
            "Twee kantjes over het samen duiden van cijfers over leefbaarheid: wie je aan tafel vraagt, "
            "welke gegevens je meeneemt en hoe je voorkomt dat een buurt een stempel krijgt. Een "
            "verzonnen voorbeeld uit de demo-inhoud."
        ),
        "body": [
            p(
                "Deze factsheet hoort bij het artikel "
                + link(
                    "/artikelen/data-over-leefbaarheid-meer-dan-een-kaart-met-kleuren/",
                    "Data over leefbaarheid: meer dan een kaart met kleuren",
                )
                + "."
            ),
        ],
        "document": {
            "title": "Factsheet datatafels in de wijk (demodocument)",
            "label": "Factsheet",
            "paragraphs": [
                "Wat is een datatafel? Een bijeenkomst waar ambtenaren, corporatiemedewerkers, een "
                "wijkagent en bewoners samen naar de cijfers van hun wijk kijken en ze verklaren.",
                "Neem drie of vier gegevens mee die er voor de wijk echt toe doen, laat trends over "
                "meerdere jaren zien en werk alleen met samengevoegde gegevens. Spreek vooraf af wie "
                "wat mag zien.",
                "Vraag bewoners waar de cijfers niet kloppen met wat zij zien. Een donkere doorgang of "
                "een kapotte lantaarn staat zelden in een tabel.",
            ],
        },
    },
    {
        "title": "Handreiking: een buurtbudget dat bewoners zelf verdelen",
        "slug": "handreiking-buurtbudget",
        "places": ["havenstad-lindenhof"],
        "kind": "handreiking",
        "year": 2025,
        "publisher": "welzijn-havenstad",
        "authors": ["fatima-el-amrani"],
        "themes": ["samenleven-en-integratie"],
        "days_ago": 150,
        "intro": (
            "Hoe geef je bewoners echte zeggenschap over geld voor hun buurt? Deze handreiking beschrijft "
            "de spelregels, de valkuilen en de rol van de opbouwwerker. Een verzonnen voorbeeld uit de "
            "demo-inhoud."
        ),
        "body": [
            p(
                "De handreiking bouwt voort op de ervaringen uit "
                + link(
                    "/artikelen/bewoners-betrekken-vijf-lessen-uit-lindenhof/",
                    "Bewoners betrekken: vijf lessen uit Lindenhof",
                )
                + "."
            ),
        ],
        "document": {
            "title": "Handreiking buurtbudget (demodocument)",
            "label": "Handreiking",
            "paragraphs": [
                "Een buurtbudget is een bedrag waarover een groep bewoners zelf beslist. Leg vooraf vast "
                "waarvoor het geld mag worden gebruikt, hoe de groep wordt samengesteld en hoe besluiten "
                "openbaar worden gemaakt.",
                "Zorg dat de groep wisselt, zodat niet steeds dezelfde mensen beslissen. De opbouwwerker "
                "ondersteunt, maar beslist niet mee.",
                "Laat elk jaar zien wat er met het geld is gebeurd, ook als iets niet lukte.",
            ],
        },
    },
]


# ---------------------------------------------------------------------------
# Praktijkvoorbeelden (verzonnen, in bestaande plaatsen)
# ---------------------------------------------------------------------------

PRACTICE_EXAMPLE_INDEX = {
    "title": "Praktijkvoorbeelden",
    "slug": "praktijkvoorbeelden",
    "intro": (
        "Hoe pakten partners in een gemeente of wijk een opgave samen aan, wat leverde het op en wat "
        "leerden ze ervan? Let op: de voorbeelden in deze demo zijn verzonnen."
    ),
}

PRACTICE_EXAMPLES = [
    {
        "title": "Het schoolplein als buurtkamer in Bloemhof",
        "slug": "het-schoolplein-als-buurtkamer-in-bloemhof",
        "municipality": "rotterdam",
        "area": "rotterdam-bloemhof",
        "start_year": 2022,
        "end_year": None,
        "status": "lopend",
        "themes": ["onderwijs-en-opvoeding", "samenleven-en-integratie"],
        "partners": ["kindcentrum-het-kompasveld", "buurtwerk-verbindt", "ggd-middenstad"],
        "contact": "buurtwerk-verbindt",
        "days_ago": 12,
        "intro": (
            "Na schooltijd stond het plein van het kindcentrum leeg, terwijl buurtkinderen nergens "
            "konden spelen. Nu is het plein tot de avond open, met activiteiten voor kinderen en ouders."
        ),
        "approach": paragraphs(
            "Het kindcentrum, het buurtwerk en de GGD spraken af het schoolplein na schooltijd open te "
            "stellen. Twee buurtsportcoaches en een groep ouders houden toezicht en organiseren drie "
            "middagen per week spelletjes, voetbal en een moestuinclub.",
            "Ouders die hun kinderen komen halen, blijven vaak even hangen. Daarom staat er op "
            "woensdag een koffietafel, waar de jeugdverpleegkundige en een medewerker van het buurtwerk "
            "aanschuiven voor vragen over opvoeding, geld of gezondheid.",
        ),
        "results": bullets(
            "Het plein wordt op open middagen door gemiddeld zestig kinderen gebruikt.",
            "Ouders leggen makkelijker contact met school en hulpverlening.",
            "Er is minder overlast rond het plein in de avonduren.",
            intro="Na twee jaar zien de partners:",
        ),
        "lessons": bullets(
            "Maak vooraf afspraken over sleutels, verzekering en schoonmaak; daar lopen zulke plannen vaak op vast.",
            "Betaal vaste begeleiders; vrijwilligers alleen houden het niet elke week vol.",
            "Laat kinderen zelf meedenken over de inrichting van het plein.",
        ),
    },
    {
        "title": "Vroeg eropaf bij huurachterstand in Moerwijk-Oost",
        "slug": "vroeg-eropaf-bij-huurachterstand-in-moerwijk-oost",
        "municipality": "den-haag",
        "area": "den-haag-moerwijk-oost",
        "start_year": 2020,
        "end_year": 2023,
        "status": "afgerond",
        "themes": ["werk-en-participatie", "wonen"],
        "partners": ["woonstichting-samen-thuis", "buurtwerk-verbindt"],
        "contact": "woonstichting-samen-thuis",
        "days_ago": 45,
        "intro": (
            "Een corporatie en een welzijnsorganisatie gingen samen op huisbezoek zodra een huurder een "
            "maand achterliep. Zo kwamen schulden veel eerder in beeld."
        ),
        "approach": paragraphs(
            "Bij één maand huurachterstand stuurde de corporatie geen aanmaning meer, maar belde een "
            "wijkconsulent aan, samen met een medewerker van het buurtwerk. Het gesprek ging niet "
            "alleen over de huur, maar over de hele situatie van het huishouden.",
            "Wie hulp wilde, kreeg binnen een week een vaste contactpersoon. Die hielp met een "
            "betalingsregeling, toeslagen en, waar nodig, een doorverwijzing naar schuldhulp.",
        ),
        "results": bullets(
            "Het aantal ontruimingen wegens huurachterstand daalde in drie jaar tot bijna nul.",
            "Huurders met schulden kwamen gemiddeld een half jaar eerder bij de hulpverlening.",
            "De werkwijze is na afloop overgenomen in het gewone werk van beide organisaties.",
            intro="Bij de afronding in 2023 trokken de partners deze conclusies:",
        ),
        "lessons": bullets(
            "Samen aanbellen werkt beter dan een brief: mensen voelen zich minder aangesproken als wanbetaler.",
            "Spreek vooraf af welke gegevens je met elkaar mag delen, en vraag de huurder om toestemming.",
        ),
    },
    {
        "title": "Samen tegen overlast in de portiekflats van Overvecht",
        "slug": "samen-tegen-overlast-in-de-portiekflats-van-overvecht",
        "municipality": "utrecht",
        "area": "utrecht-overvecht",
        "start_year": 2023,
        "end_year": None,
        "status": "lopend",
        "themes": ["veiligheid-en-criminaliteit", "wonen", "leefomgeving-en-openbare-ruimte"],
        "partners": [
            "politie-basisteam-stadsrand",
            "woonstichting-samen-thuis",
            "buurtwerk-verbindt",
        ],
        "contact": "woonstichting-samen-thuis",
        "days_ago": 5,
        "intro": (
            "In een paar portiekflats stapelden klachten over overlast, vervuiling en onveilige "
            "trappenhuizen zich op. Corporatie, wijkagent en buurtwerk kozen voor één gezamenlijke "
            "aanpak per portiek."
        ),
        "approach": paragraphs(
            "Per portiek maakten de partners een kort plan: wat is er aan de hand, wie woont er, en wat "
            "is er nodig? De corporatie verbeterde verlichting en sloten, de wijkagent en een "
            "jongerenwerker spraken jongeren aan die in de portieken rondhingen, en het buurtwerk "
            "organiseerde portiekgesprekken met de bewoners zelf.",
            "Elke zes weken bespreken de partners de stand van zaken, met een bewoner per flat "
            "aan tafel.",
        ),
        "results": paragraphs(
            "Na een jaar zijn de meldingen van overlast in de betrokken flats met ongeveer een derde "
            "gedaald. Bewoners zeggen vooral dat ze hun buren beter kennen en weten bij wie ze "
            "terechtkunnen."
        ),
        "lessons": bullets(
            "Kleine fysieke ingrepen, zoals betere lampen, maken snel verschil en wekken vertrouwen.",
            "Een vast gezicht van de politie in de wijk helpt meer dan extra controles.",
            "Houd de aanpak per portiek klein en concreet.",
        ),
    },
    {
        "title": "Beweegmaatjes in Poelenburg",
        "slug": "beweegmaatjes-in-poelenburg",
        "municipality": "zaanstad",
        "area": "zaanstad-poelenburg",
        "start_year": 2024,
        "end_year": None,
        "status": "lopend",
        "themes": ["gezondheid-zorg-en-hulpverlening", "samenleven-en-integratie"],
        "partners": ["ggd-middenstad", "buurtwerk-verbindt"],
        "contact": "ggd-middenstad",
        "days_ago": 30,
        "intro": (
            "Bewoners die weinig bewegen en vaak alleen zijn, krijgen een buurtgenoot als "
            "beweegmaatje. Samen wandelen ze, doen ze boodschappen of gaan ze naar de buurtgym."
        ),
        "approach": paragraphs(
            "De GGD en het buurtwerk werven maatjes in de wijk zelf, onder meer via de huisartsen, de "
            "moskee en het buurthuis. Maatjes krijgen een korte training en worden gekoppeld aan een "
            "buurtgenoot die wel wil bewegen, maar er niet alleen toe komt.",
            "Een keer per maand is er een gezamenlijke wandeling, met daarna koffie en een korte "
            "voorlichting over gezond leven.",
        ),
        "results": paragraphs(
            "In het eerste jaar zijn tachtig koppels gevormd. De meeste deelnemers bewegen vaker en "
            "voelen zich minder eenzaam; een deel is inmiddels zelf maatje geworden."
        ),
        "lessons": bullets(
            "Werf maatjes via mensen die bewoners al vertrouwen.",
            "Maak het eerste contact laagdrempelig: een wandeling is minder eng dan een sportschool.",
        ),
    },
    {
        "title": "Huurders kiezen mee bij verduurzaming in Heechterp-Schieringen",
        "slug": "huurders-kiezen-mee-bij-verduurzaming-in-heechterp-schieringen",
        "municipality": "leeuwarden",
        "area": "leeuwarden-heechterp-schieringen",
        "start_year": 2019,
        "end_year": 2023,
        "status": "afgerond",
        "themes": ["duurzaamheid", "wonen"],
        "partners": ["woonstichting-samen-thuis", "kenniscentrum-wijkkracht"],
        "contact": "woonstichting-samen-thuis",
        "days_ago": 90,
        "intro": (
            "Bij de verduurzaming van ruim driehonderd huurwoningen kozen huurders zelf uit een paar "
            "varianten. De energierekening daalde en de renovatie kreeg brede steun."
        ),
        "approach": paragraphs(
            "Voordat de tekeningen klaar waren, organiseerde de corporatie een bewonersavond per blok "
            "en een proefwoning waar huurders de nieuwe installaties konden zien. Huurders kozen per "
            "woning tussen een paar pakketten, met een duidelijke berekening van huur en energiekosten.",
            "Een bewonersbegeleider was tijdens de werkzaamheden dagelijks in de wijk en regelde een "
            "logeerwoning voor wie tijdelijk niet thuis kon blijven.",
        ),
        "results": bullets(
            "Meer dan negen op de tien huurders stemden in met de renovatie.",
            "De gemiddelde energierekening daalde merkbaar, terwijl de huur beperkt steeg.",
            "Klachten tijdens de bouw werden meestal binnen een dag opgelost.",
            intro="Bij de afronding bleek:",
        ),
        "lessons": bullets(
            "Een proefwoning zegt meer dan een folder.",
            "Reken de woonlasten per huishouden door, niet alleen gemiddeld.",
            "Plan ruim tijd voor bewoners die extra hulp nodig hebben.",
        ),
    },
]


# ---------------------------------------------------------------------------
# Dossiers
# ---------------------------------------------------------------------------

DOSSIER_INDEX = {
    "title": "Dossiers",
    "slug": "dossiers",
    "intro": (
        "Per opgave een selectie van de beste uitleg, artikelen, publicaties en praktijkvoorbeelden, "
        "gekozen door de redactie."
    ),
}

DOSSIERS = [
    {
        "title": "Veiligheid en leefbaarheid",
        "slug": "veiligheid-en-leefbaarheid",
        "themes": ["veiligheid-en-criminaliteit", "leefomgeving-en-openbare-ruimte"],
        "intro": (
            "Een veilige en prettige buurt ontstaat niet alleen door handhaving. Dit dossier bundelt "
            "wat professionals en bewoners samen kunnen doen."
        ),
        "body": [
            p(
                "Onveiligheid hangt vaak samen met andere problemen: armoede, weinig perspectief voor "
                "jongeren, slecht onderhouden woningen. In dit dossier vind je voorbeelden van "
                "partners die daar samen iets aan doen, en achtergrond om de eigen aanpak op te bouwen."
            ),
        ],
        "sections": [
            {
                "heading": "Samen op straat",
                "text": "Wijkagenten, jongerenwerkers en corporaties die elkaar kennen en samen optrekken.",
                "pages": [
                    "/artikelen/wijkagent-en-jongerenwerk-samen-op-straat/",
                    "/praktijkvoorbeelden/samen-tegen-overlast-in-de-portiekflats-van-overvecht/",
                    "/evenementen/leerbijeenkomst-wijkagenten-en-jongerenwerkers/",
                ],
            },
            {
                "heading": "Signalen herkennen en duiden",
                "text": "Over ondermijning, cijfers en het samen kijken naar wat er in de wijk gebeurt.",
                "pages": [
                    "/artikelen/ondermijning-herkennen-wat-kunnen-professionals-doen/",
                    "/artikelen/data-over-leefbaarheid-meer-dan-een-kaart-met-kleuren/",
                    "/publicaties/factsheet-datatafels-in-de-wijk/",
                ],
            },
            {
                "heading": "Achtergrond",
                "text": "Waarom een integrale aanpak, en wat het landelijk beleid erover zegt.",
                "pages": [
                    "/integrale-wijkaanpak/wanneer-is-een-integrale-wijkaanpak-nodig/",
                    "/publicaties/perspectief-bieden/",
                ],
            },
        ],
    },
    {
        "title": "Wonen en herstructurering",
        "slug": "wonen-en-herstructurering",
        "themes": ["wonen", "duurzaamheid"],
        "intro": (
            "Van sloop en nieuwbouw tot verduurzaming met huurders aan tafel: hoe verbeter je de "
            "woningen in een wijk zonder de buurt uit elkaar te trekken?"
        ),
        "body": [
            p(
                "Herstructurering was decennialang het hart van het wijkenbeleid. Tegenwoordig gaat het "
                "minder om slopen en meer om verbeteren, verduurzamen en betaalbaar houden. Dit dossier "
                "brengt lessen uit heden en verleden samen."
            ),
        ],
        "sections": [
            {
                "heading": "Vernieuwen met bewoners",
                "text": "Renovatie en verduurzaming waarbij huurders meebeslissen.",
                "pages": [
                    "/praktijkvoorbeelden/huurders-kiezen-mee-bij-verduurzaming-in-heechterp-schieringen/",
                    "/artikelen/verduurzaming-van-sociale-huurwoningen-huurders-aan-tafel/",
                    "/artikelen/renoveren-zonder-de-buurt-uit-elkaar-te-trekken/",
                ],
            },
            {
                "heading": "Lessen uit de geschiedenis",
                "text": "Wat eerdere generaties stedelijke vernieuwers probeerden, en wat het opleverde.",
                "pages": [
                    "/integrale-wijkaanpak/beleidsgeschiedenis/",
                    "/publicaties/75-jaar-stedelijke-vernieuwing-en-wijkaanpak/",
                    "/artikelen/tien-jaar-wijkaanpak-in-bergdijk-wat-hebben-we-geleerd/",
                ],
            },
            {
                "heading": "Woonlasten en geldzorgen",
                "text": "Want een goede woning helpt alleen als je de huur kunt blijven betalen.",
                "pages": [
                    "/praktijkvoorbeelden/vroeg-eropaf-bij-huurachterstand-in-moerwijk-oost/",
                    "/artikelen/schuldhulp-dichtbij-spreekuur-in-het-buurthuis/",
                ],
            },
        ],
    },
    {
        "title": "Kansrijk opgroeien",
        "slug": "kansrijk-opgroeien",
        "themes": ["onderwijs-en-opvoeding", "gezondheid-zorg-en-hulpverlening"],
        "intro": (
            "Kinderen in kwetsbare wijken verdienen dezelfde kansen als elders. School, zorg en buurt "
            "kunnen daar samen veel aan doen."
        ),
        "body": [
            p(
                "Dit dossier laat zien hoe scholen, jeugdgezondheidszorg, welzijn en ouders samen een "
                "omgeving maken waarin kinderen gezond en kansrijk opgroeien."
            ),
        ],
        "sections": [
            {
                "heading": "School en buurt",
                "text": "De school als ontmoetingsplek en spil in de wijk.",
                "pages": [
                    "/artikelen/de-brede-school-als-spil-in-hoge-akkers/",
                    "/praktijkvoorbeelden/het-schoolplein-als-buurtkamer-in-bloemhof/",
                ],
            },
            {
                "heading": "Gezond in de wijk",
                "text": "Bewegen, ontmoeten en een gezonde leefomgeving.",
                "pages": [
                    "/artikelen/gezond-opgroeien-in-dijkzicht/",
                    "/praktijkvoorbeelden/beweegmaatjes-in-poelenburg/",
                    "/evenementen/werkconferentie-gezond-opgroeien-in-de-wijk/",
                ],
            },
        ],
    },
]


# ---------------------------------------------------------------------------
# Uitgelicht: op de startpagina en op een paar themapagina's
# ---------------------------------------------------------------------------

HOME_FEATURED = [
    "/dossiers/veiligheid-en-leefbaarheid/",
    "/publicaties/slagkracht-in-de-wijk/",
    "/praktijkvoorbeelden/samen-tegen-overlast-in-de-portiekflats-van-overvecht/",
    "/artikelen/interview-een-wijkaanpak-vraagt-een-lange-adem/",
]

THEME_FEATURED = {
    "wonen": [
        "/dossiers/wonen-en-herstructurering/",
        "/praktijkvoorbeelden/huurders-kiezen-mee-bij-verduurzaming-in-heechterp-schieringen/",
        "/publicaties/75-jaar-stedelijke-vernieuwing-en-wijkaanpak/",
    ],
    "veiligheid-en-criminaliteit": [
        "/dossiers/veiligheid-en-leefbaarheid/",
        "/praktijkvoorbeelden/samen-tegen-overlast-in-de-portiekflats-van-overvecht/",
        "/artikelen/ondermijning-herkennen-wat-kunnen-professionals-doen/",
    ],
}
