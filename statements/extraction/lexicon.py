"""Word lists the people and attribution rules share.

Kept apart so the rules read as rules; all entries are lower case.
"""

from __future__ import annotations

from collections.abc import Iterable


def word_set(text: str) -> frozenset[str]:
    """A word list written as running text, one space-separated entry per word."""
    return frozenset(text.split())


def alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """Words as a regex alternation that matches as ``"|".join(words)`` does, only faster.

    The regex engine tries the alternatives of a list one after another at each
    position; grouped under their first letter ("a(?:dviser|ide)|m(?:inister|ayor)")
    it passes over a whole group at one look. Within a group the words keep their
    order, and a word of another letter cannot match where this one does, so the
    same word wins. ``ignore_case`` for patterns compiled with re.IGNORECASE.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word[:1].isalnum():
            raise ValueError(f"an alternation word must start with a letter or digit: {word!r}")
        groups.setdefault(word[0].lower() if ignore_case else word[0], []).append(word[1:])
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


# Verbs that introduce or describe someone's words. "called" and "accused"
# count: their quoted complements are the speaker's words.
SPEECH_VERBS = word_set("""
    said says say saying told tells tell added adds explained explains stated states declared
    declares announced announces warned warns insisted insists argued argues claimed claims
    replied replies responded responds answered answers asked asks wrote writes tweeted posted
    recalled recalls continued continues concluded concludes emphasized emphasised emphasizes
    emphasises stressed stresses underlined underlines noted notes remarked remarks observed
    commented comments acknowledged acknowledges admitted admits conceded concedes agreed agrees
    complained complains lamented laments vowed vows promised promises pledged pledges urged urges
    called calls accused accuses denied denies dismissed dismisses described describes praised
    praises criticized criticised criticizes criticises condemned condemns suggested suggests
    predicted predicts assured assures reiterated reiterates confirmed confirms revealed reveals
    informed informs reminded reminds alleged alleges maintained maintains contended contends cautioned cautions threatened
    threatens boasted boasts joked jokes quipped quips demanded demands proposed proposes blamed
    blames hailed hails slammed slams labelled labeled labels branded brands termed terms
    characterized characterised expressed voiced assessed announced appealed recounted
    reported reports thanked thanks welcomed welcomes rejected rejects questioned questions
    mused muses shouted yelled whispered pointed went believes believed thinks thought feels felt
    defended defends retorted retorts interrupted interjected countered objected snapped
    protested expects reasoned elaborated wondered scoffed pleaded sighed exclaimed grumbled
    clarified affirmed asserted summarized summarised implored implores fumed fumes blurted
    gushed gushes heckled shrugged shrugs cried cries laughed laughs yelled exclaims shouts
    snaps mused marveled marvelled conceded insisted pressed worried worries groused grouses
    griped gripes fretted frets opined opines bristled vented raged ranted cheered barked
    barks gloated gloats bragged brags recounts heralded heralds denounced denounces
    declares decried decries lambasted lambastes blasted blasts chided chides scolded
    dubbed dubs referred refers
    """)

# Speech verbs that may come before their subject ('"...," said Holm'), as a regex alternation.
INVERTED_VERBS = (
    "said|says|added|adds|explained|noted|stressed|continued|recalled|asked|wrote|told|insisted|"
    "warned|declared|stated|argued|concluded|replied|answered|remarked|observed|commented|"
    "emphasized|emphasised|acknowledged|admitted|agreed|announced|claimed|tweeted|posted|"
    "retorted|countered|interjected|conceded|complained|joked|quipped|vowed|pledged|objected|"
    "shouted|yelled|snapped|fumed|gushed|implored|exclaimed|blurted|heckled|shrugged|cried|"
    "wondered|laughed|sighed|pleaded|demanded|boasted|mused|whispered|barked|gloated|writes|"
    "notes|explains|argues|tells|asks|insists|recalls|warns|continues|concludes|observes|"
    "remarks|admits|concedes|complains|jokes|quips|recounted|predicted|declares|"
    "barks|fumes|snaps|shouts"
)

# Two-word speech verbs: "cut in", "shot back" ("...," Holm shot back).
PHRASAL_SPEECH = frozenset(
    [
        ("cut", "in"),
        ("chimed", "in"),
        ("butted", "in"),
        ("shot", "back"),
        ("fired", "back"),
        ("hit", "back"),
        ("snapped", "back"),
        ("pushed", "back"),
        ("blurted", "out"),
        ("spoke", "out"),
        ("pointed", "out"),
        ("points", "out"),
        ("lashed", "out"),
    ]
)

# Participles that carry a sentence subject's words: "Holm ..., saying that "..."".
SPEECH_PARTICIPLES = word_set("""
    saying calling describing adding accusing warning noting insisting arguing stressing
    claiming urging telling dismissing praising denouncing branding labelling labeling terming
    explaining recalling vowing promising complaining declaring announcing asking citing
    writing tweeting posting
    """)

# Aux and adverbs that may stand between a speaker and the speech verb.
VERB_FILLERS = (
    "also|later|then|further|again|once again|previously|earlier|repeatedly|recently|had|has|"
    "have|would|will|was|were|is|openly|publicly|bluntly|firmly|flatly|simply|only|even|"
    "separately|subsequently|in turn|likewise|similarly|reportedly|himself|herself|already|"
    "often|frequently|usually|always|sometimes"
)

# Time adverbials that may stand there too: "Pavel Hruby on Friday threatened".
TIME_FILLERS = (
    r"(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2})|(?:earlier\s+|later\s+)?(?:today|yesterday|this\s+week|"
    r"last\s+week)"
)

# Title words inside a capitalized run ("Deputy Chairman", "Foreign Minister").
TITLES = word_set("""
    president vice prime minister deputy chairman chairwoman chair chairperson speaker secretary
    general director governor mayor senator sen. rep. representative congressman congresswoman
    ambassador envoy chancellor king queen prince princess emir sheikh sultan pope patriarch
    cardinal bishop archbishop rabbi imam judge justice prosecutor attorney commissioner
    commander chief head leader lieutenant lt. colonel col. major maj. captain capt. admiral adm.
    marshal sergeant sgt. gen. gov. dr dr. mr mr. mrs mrs. ms ms. miss mme mme. professor prof.
    sir lady lord dame premier spokesman spokeswoman spokesperson adviser advisor aide official
    officer critic activist founder ceo editor correspondent analyst economist lawmaker legislator
    mp member mufti ayatollah crown foreign defense defence interior finance economy health trade
    energy agriculture culture education emergencies ombudsman metropolitan father sister brother
    mullah president-elect premier-elect assistant counsellor counselor councillor councilman
    councilwoman mayor-elect duke duchess baron baroness count countess
    water resources ecology environment environmental justice labour labor transport industry
    infrastructure development investment communications tourism sport sports youth science
    digital emergency situations protection welfare construction natural social
    gen rep sen gov lt col maj capt sgt adm cmdr supt insp det cpl pvt
    constable detective inspector superintendent corporal private sheriff deputy-sheriff
    democrat democrats democratic republican republicans gop independent libertarian
    actress actor reporter anchor host presenter singer rapper comedian novelist author writer
    columnist commentator pollster strategist consultant businessman businesswoman billionaire
    entrepreneur investor coach ranking rev reverend pastor schoolteacher teacher nurse farmer
    pensioner student shopkeeper retiree engineer
    representatives senators sens sens. reps reps. congressmen congresswomen delegate
    """)

# Lower-case words that may stand in a title before a name ("retired Gen.", "former Sen.").
TITLE_MODIFIERS = word_set("""
    former acting retired then current outgoing incoming opposition veteran longtime top senior
    interim deputy assistant junior state federal conservative liberal progressive
    republican democratic political longtime
    """)

# Lower-case role nouns: "Kremlin spokesman", "the interior minister", "the deputy head".
ROLE_NOUNS = word_set("""
    spokesman spokeswoman spokesperson minister president chairman chairwoman chair head chief
    leader secretary director governor mayor ambassador envoy adviser advisor aide official
    critic activist lawyer attorney analyst economist expert professor researcher journalist
    editor commander general officer lawmaker legislator deputy senator candidate prosecutor
    judge negotiator diplomat premier chancellor founder owner executive ceo representative
    member colonel mufti cleric priest bishop scientist doctor historian politician opponent
    ally dissident blogger writer author king queen prince princess emir sheikh sultan pope
    patriarch ombudsman commissioner coordinator strategist chairperson vice-president
    vice-chairman vice-premier speaker captain admiral marshal inspector investigator
    boss congressman congresswoman councilman councilwoman sheriff detective superintendent
    democrat republican delegate
    """)

# Capitalized words that mark an organisation or institution, never part of a name.
ORG_WORDS = word_set("""
    council ministry agency organization organisation office party committee commission
    parliament assembly duma senate congress court government administration union bank fund
    federation republic kingdom states nations treaty alliance forces army navy police service
    security department university institute center centre foundation news times post herald
    journal press television radio tv group company corporation inc ltd airlines association
    society church kremlin house pentagon embassy cabinet board authority network media daily
    tribune gazette review channel information presidential guard front movement coalition
    bureau directorate command region province city state street square summit forum
    conference program programme project initiative operation world islamic international
    national federal central supreme united european affairs relations office's ministry's
    novosti interfax reuters bloomberg telegram facebook google twitter youtube instagram
    tiktok whatsapp telegraph guardian observer economist monitor express mirror sun star
    courier chronicle standard inquirer bulletin voice pravda izvestia kommersant vedomosti
    sputnik kazinform tengrinews akorda rosgvardia roskomnadzor gazprom rosneft rosatom
    kazmunaygas lukoil novaya meduza xinhua yonhap kyodo amnesty greenpeace unicef unesco
    oversight commerce engineers judiciary appropriations college hospital institution
    laboratory holdings treasury force
    """)

# Capitalized words that start sentences or name days and months, never a name.
STOP_CAPS = word_set("""
    the a an but and or so yet in on at for from with by as after before when while meanwhile
    however also still then now today yesterday tomorrow earlier later last this that these
    those it he she they we i you his her their our my its if although though despite during
    since until speaking according asked under over among amid between without within
    following nevertheless instead separately elsewhere here there both neither either some
    like unlike
    many most several few all every each other another such what which who whom whose where
    why how not no yes only even just dear sir thus hence indeed moreover furthermore besides
    photo video read related source sources updated editing reporting writing
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec mondays
    """)

# Places and nationalities that commonly stand where a subject could ("Moscow said").
GEO_WORDS = word_set("""
    russia russian russians moscow kremlin ukraine ukrainian kyiv kiev belarus belarusian minsk
    kazakhstan kazakh kazakhstani astana almaty nur-sultan kyrgyzstan kyrgyz bishkek tajikistan
    tajik dushanbe uzbekistan uzbek tashkent turkmenistan armenia armenian yerevan azerbaijan
    azerbaijani baku georgia georgian tbilisi moldova moldovan chisinau china chinese beijing
    japan japanese tokyo india indian delhi pakistan pakistani iran iranian tehran iraq iraqi
    baghdad syria syrian damascus turkey turkish ankara israel israeli jerusalem palestinian
    gaza egypt egyptian cairo saudi arabia riyadh france french paris germany german berlin
    britain british london england english italy italian rome spain spanish madrid poland
    polish warsaw europe european america american americans washington canada canadian
    ottawa mexico brazil brazilian africa african nato eu un us usa uk west western eastern
    soviet post-soviet asia asian baltic latvia lithuania estonia finland sweden norway
    denmark netherlands dutch belgium brussels austria vienna switzerland geneva hungary
    hungarian budapest serbia serbian belgrade romania bucharest bulgaria greece greek
    korea korean pyongyang seoul vietnam afghanistan afghan kabul taliban crimea donbas
    north south east west new saint san los las middle upper lower great central
    mongolia mongolian ulaanbaatar zhanaozen aktau shymkent taraz aktobe karaganda atyrau
    taldykorgan kyzylorda mangystau osh khujand samarkand vilnius riga tallinn helsinki
    stockholm prague bratislava sofia lisbon dublin oslo copenhagen tbilisi sukhumi
    york jersey oklahoma texas california florida ohio iowa nevada arizona alabama michigan
    wisconsin pennsylvania kentucky tennessee louisiana massachusetts connecticut maryland
    illinois missouri nebraska oregon minnesota mississippi arkansas idaho wyoming vermont
    hampshire alaska hawaii manhattan brooklyn chicago philadelphia
    iceland ireland poland finland thailand switzerland scotland greenland
    """)

# Organisation words that are also surnames ("Finance Minister Lars Bank", "Ada Church"):
# a name when a given name or a title comes first, or when the person is known.
SURNAME_LIKE_ORG_WORDS = word_set("bank church street post star guard house")
# Heads of a place's or an institution's name: the word after "University of" is no surname.
PLACE_OF_HEADS = word_set("""
    university institute academy college bank ministry republic kingdom museum port city
    province region state council gulf bay lake mount school hospital county district
    """)

# Titles that are also surnames after a given name ("Peter T. King", "Ada Bishop").
SURNAME_LIKE_TITLES = word_set("king prince bishop judge major marshal chancellor pope baron")

PARTICLES = word_set("de da di du van von der den la le bin ibn al el dos das del della ter ten y")

MALE_TITLES = word_set(
    "mr mr. sir lord king prince duke baron count spokesman chairman congressman councilman "
    "father brother businessman emir sultan sheikh"
)
FEMALE_TITLES = word_set(
    "mrs mrs. ms ms. miss mme mme. madam madame lady dame queen princess duchess baroness "
    "countess spokeswoman chairwoman congresswoman councilwoman sister businesswoman "
    "actress"
)

MALE_NAMES = word_set("""
    aaron abdul adam adrian ahmed ahmad alan albert alejandro aleksandr aleksei alex alexander
    alexandre alexei alexey ali amir anatoly andre andrei andres andrew andrey andriy angel
    anthony anton antonio arkady armen arnold arthur arvid ashraf attila ben benjamin bernard
    bill bob boris brian bruno carl carlos charles chris christian christopher claude colin
    daniel danilo darius david dennis denis dmitri dmitriy dmitry donald doug douglas edward
    egor emmanuel enrique eric erik evgeny fabio felix fernando francis francisco frank
    franz frederick fyodor gabriel gennady george georgy gerhard gregory guy hamid hans
    harold harry hassan heinrich henri henry hugo ian igor ilham ilya imran ivan jack jacob
    jacques jaime james jan javier jean jeff jeffrey jens jerome jim joe johan johannes john
    jonathan jorge jose josef joseph juan julian karl kassym-jomart kassym kemal kevin kim klaus
    konstantin kurt lars lee leon leonid luis lukas luke marat marc marco marcus mario mark
    martin matteo matthew maxim maximilian mehmet michael michel miguel mikhail mohamed
    mohammad mohammed muhammad mustafa nathan nicholas nicolas nikita nikolai nikolay nils
    nursultan olaf oleg oleksandr oleksiy omar oscar otto pablo patrick paul pavel pedro peter
    petr petro philip philippe pierre rafael ramzan recep richard robert roberto roman ron
    ronald rustam ryan salman sam samuel sebastian serge sergei sergey sergiy simon stanislav
    stefan stephen steve steven sven thomas tim timothy tom tony valentin valery vasily viktor
    vincent vitaly vladimir vladislav volodymyr walter wang william xi yaroslav yevgeny yuri
    yury zhang nikita ilya luca joshua musa isa sasha misha kosta jonah ezra horia mircea
    """)
FEMALE_NAMES = word_set("""
    agnes aida alexandra alice alina alla amanda amy ana anastasia andrea angela angelina anita
    ann anna anne annalena antonia astrid barbara beatrice brigitte camille carla carmen
    caroline catherine cecile charlotte christina christine claire claudia cristina dana
    daria diana dilnoza dorothy elena eleanor elisabeth elizabeth ella elvira emily emma erika
    eva evgenia fatima francesca frida gabriela galina giorgia greta hanna hannah heidi helen
    helena hillary ingrid irina isabel isabella jacinda jane janet jennifer jessica joanna
    johanna julia julie juliette kamala karen karin katarina katerina katherine kathleen
    kristina kseniya ksenia larisa laura lena lidia liliana linda lisa liz ludmila lyudmila
    maia maria marie marina marine marta martha mary maya melania mette michelle mira monika
    nadezhda nancy natalia natalya nathalie nina nora olena olga oksana paula petra rachel
    rebecca rosa ruth sabine sandra sanna sara sarah silvia sofia sonia sophie stephanie
    susan svetlana tamara tatiana tatyana teresa theresa ulla ursula valentina valeria
    vera veronika victoria viktoria yelena yulia yuliya zara zoe zoya zuzana
    """)

# Plural or collective subjects: their words are not one person's statement.
GROUP_NOUNS = word_set("""
    officials authorities media ministry government kremlin agency police prosecutors
    spokespeople analysts experts critics observers sources protesters demonstrators residents
    lawmakers deputies diplomats leaders ministers members military army administration
    statement report documents embassy office organisers organizers activists opposition
    parliament committee council court company party group union campaigners witnesses
    officers troops commanders investigators researchers scientists economists doctors
    participants voters citizens people others some many most
    """)

# Words that put the day after them in the future or in a plan ("will travel on Thursday",
# "is expected to sign it Friday", "next Monday"): that day is not when anyone spoke.
FUTURE_MARKERS = word_set("""
    will shall would won't wouldn't going plans planned planning intends intend intended
    expected scheduled due set slated aims hopes next coming upcoming starting beginning
    effective tomorrow ahead
    """)

# Words of a 'Label:' that opens a paragraph but names no speaker of an interview.
NOT_SPEAKER_LABELS = word_set("""
    note editor's editor\u2019s update updated correction photo photos source sources read
    related see watch listen video caption credit disclaimer warning
    """)
