// The rule table. Ids and severities are the contract of rules.md; the legal source of
// each finding (act, §, stk., version) comes from checks/law/*.xml, never from here.
#include "registry.hpp"

#include <array>

#include "rules/rules.hpp"

namespace kvs::checks {

namespace {

using S = Severity;
using K = RuleKind;
using Src = SourceKind;
namespace r = rules;

constexpr std::array kRules = {
    // --- Legal rules: the statutory target groups ---------------------------------------
    Rule{"mg-82-aarligt", "Årligt besøg til de ældste", S::fejl, K::legal, Src::duty,
         "Alle borgere fra den alder, loven fastsætter for det årlige besøg, tilbydes mindst det antal besøg om "
         "året, loven kræver. Standardens målgrupper lægges sammen: en målgruppe, der er begrænset af en "
         "betingelse (fx bor alene), tæller ikke med.",
         "advarsel, når alderen er dækket, men en målgruppes hyppighed ikke er angivet", r::duty},
    Rule{"mg-75", "Besøg i det år, man fylder 75", S::fejl, K::legal, Src::duty,
         "Alle borgere tilbydes et besøg i det år, de fylder den alder, loven nævner. En bredere målgruppe "
         "(fra en lavere alder, eller fylder og frem) dækker også året.",
         "advarsel, når alderen er dækket, men en målgruppes hyppighed ikke er angivet", r::duty},
    Rule{"mg-80", "Besøg i det år, man fylder 80", S::fejl, K::legal, Src::duty,
         "Alle borgere tilbydes et besøg i det år, de fylder den alder, loven nævner (kun i de lovversioner, "
         "der har pligten).",
         "advarsel, når alderen er dækket, men en målgruppes hyppighed ikke er angivet", r::duty},
    Rule{"mg-70-alene", "Besøg til aleneboende i det år, de fylder 70", S::fejl, K::legal, Src::duty,
         "Alle, der bor alene, tilbydes et besøg i det år, de fylder den alder, loven nævner. En målgruppe "
         "uden betingelse dækker også de aleneboende.",
         "advarsel, når alderen er dækket, men en målgruppes hyppighed ikke er angivet", r::duty},
    Rule{"risiko-alder", "Besøg efter behov til borgere i særlig risiko", S::fejl, K::legal, Src::duty,
         "Borgere i særlig risiko for at få nedsat social, psykisk eller fysisk funktionsevne tilbydes besøg "
         "efter behov i hele det aldersinterval, loven nævner. En åben målgruppe (fra en alder uden øvre grænse) "
         "dækker hele intervallet; flere målgrupper kan tilsammen dække det.",
         "advarsel, når alderen er dækket, men en målgruppes hyppighed ikke er angivet", r::duty},
    Rule{"risiko-grupper", "Navngivne særlige risikogrupper", S::fejl, K::legal, Src::content,
         "Standarden nævner, hvilke særlige risikogrupper tilbuddet efter behov er målrettet (mindst én "
         "risikogruppe-blok), og hvordan de får tilbudt besøg (findes-via eller invitation).",
         "", r::content},
    // --- Legal rules: exclusions, organisation and content -------------------------------
    Rule{"undtagelse-hjemmel", "Undtagelser skal have hjemmel", S::fejl, K::legal, Src::exclusion,
         "Hver undtagelse fra ordningen skal være dækket af lovens undtagelse (borgere, der modtager både "
         "personlig pleje og praktisk hjælp), eventuelt indsnævret yderligere. Plejebolig og institution er "
         "kun lovlige, for så vidt beboerne modtager begge former for hjælp. Enhver anden grund er en fejl; "
         "at nogle undtagelsesvis kan få besøg, gør ikke en generel undtagelse lovlig. En undtagelse, der "
         "kun gælder målgrupper uden for lovens pligter, vurderes ikke.",
         "advarsel for plejebolig og institution (betinget undtagelse)", r::undtagelse_hjemmel},
    Rule{"alternativ-hjemmebesoeg", "Individuelt hjemmebesøg som alternativ", S::fejl, K::legal, Src::content,
         "Hver målgruppe, der tilbydes et kollektivt arrangement, en telefon- eller onlinesamtale i stedet "
         "for et hjemmebesøg, får at vide, at den i stedet kan få et individuelt besøg i hjemmet "
         "(alternativ: hjemmebesøg).",
         "", r::content},
    Rule{"formaal-indhold", "Formål og indhold", S::fejl, K::legal, Src::content,
         "Standarden beskriver formålet med og indholdet af et besøg (felterne formål og indhold).", "",
         r::content},
    Rule{"tilrettelaeggelse", "Tilrettelæggelse for hver målgruppe", S::fejl, K::legal, Src::content,
         "For hver målgruppe: hvordan borgerne inviteres (invitation) og mødeformen (mødeform).", "",
         r::content},
    Rule{"aarlig-revision", "Årlig kvalitetsstandard", S::fejl, K::legal, Src::content,
         "Standarden angiver sit år eller sin gyldighedsperiode og sin godkendelse (organ og dato), og "
         "godkendelsen ligger højst det antal måneder, loven tillader, før periodens første dag.",
         "advarsel, når år/periode eller godkendelsesdato mangler", r::aarlig_revision},
    Rule{"lovhenvisning", "Lovhenvisninger skal være gældende", S::advarsel, K::legal, Src::citation,
         "Den lovhjemmel, standarden henviser til, findes i den gældende lovversion (også det nævnte stk.). "
         "Henviser standarden kun til ændringslove, som en senere lov har afløst, gives en advarsel. "
         "Henviser den til en ophævet bestemmelse som sit gældende grundlag, er det en fejl.",
         "fejl, når den henviste bestemmelse er ophævet eller stk. ikke findes", r::lovhenvisning},
    Rule{"sammentaenkning", "Sammentænkning med anden forebyggelse", S::raad, K::legal, Src::content,
         "Standarden beskriver, hvordan tilbuddet tænkes sammen med anden forebyggelse (feltet "
         "sammentænkning eller en liste over samarbejdspartnere). Loven siger bør, så fundet er et råd.",
         "", r::content},
    Rule{"lovgrundlag-ophoerer", "Lovgrundlaget ophører i perioden", S::advarsel, K::legal, Src::versions,
         "Den lovversion, standarden bedømmes efter, ophæves eller ændres i løbet af standardens egen "
         "periode. Fundet nævner datoen og det, der gælder derefter.",
         "", r::lovgrundlag_ophoerer},
    Rule{"aeldrelov-forebyggelse", "Generel forebyggende indsats", S::advarsel, K::legal, Src::content,
         "Standarden beskriver den generelle forebyggende indsats (feltet generel-forebyggelse).", "",
         r::content},
    Rule{"aeldrelov-opsoegende", "Opsøgende indsats", S::advarsel, K::legal, Src::content,
         "Standarden beskriver den opsøgende indsats over for borgere med et forebyggelsespotentiale: hvem "
         "de er (mindst én målgruppe eller risikogruppe), og hvordan de findes (findes-via).",
         "", r::content},
    // --- Advice rules (the national evaluation) -------------------------------------------
    Rule{"raad-datobrev", "Datobrev til de ældste og mest sårbare", S::raad, K::advice, Src::advice,
         "De ældste og mest sårbare grupper inviteres først med datobrev (fast dato og tidspunkt, framelding) "
         "eller en personlig henvendelse, der aftaler en dato. Åbne breve giver lavere og mere ulige "
         "deltagelse.",
         "", r::raad_datobrev},
    Rule{"raad-saarbare-kollektiv", "Sårbare nås ikke kun med åbne breve eller kollektive tilbud",
         S::raad, K::advice, Src::advice,
         "Ingen sårbar gruppe nås kun med åbne breve eller kun med kollektive arrangementer.", "",
         r::raad_saarbare_kollektiv},
    Rule{"raad-risikogrupper-bredde", "Risikogrupper ud over mistet ægtefælle", S::raad, K::advice,
         Src::advice,
         "Risikogrupperne rækker ud over borgere, der har mistet en ægtefælle (de fleste standarder stopper "
         "dér).",
         "", r::raad_risikogrupper_bredde},
    Rule{"raad-opfoelgning", "Opfølgning efter besøget", S::raad, K::advice, Src::advice,
         "Opfølgningen efter besøget er beskrevet (feltet opfølgning).", "", r::raad_opfoelgning},
    Rule{"raad-selvhenvendelse", "Borgeren kan selv bede om besøg", S::raad, K::advice, Src::advice,
         "Borgere (og med samtykke pårørende eller personale) kan selv bede om et besøg, og standarden siger "
         "hvordan (feltet selvhenvendelse, findes-via: selvhenvendelse eller invitation: "
         "borgeren-henvender-sig).",
         "", r::raad_selvhenvendelse},
    Rule{"raad-kompetencer", "Personalets fagligheder og kompetencer", S::raad, K::advice, Src::advice,
         "Personalets fagligheder og kompetencer er beskrevet (personale med fagligheder og kompetencer).", "",
         r::raad_kompetencer},
    Rule{"raad-kontakt", "Kontaktoplysninger", S::raad, K::advice, Src::advice,
         "Dokumentet giver borgeren en måde at komme i kontakt på: telefon, e-mail, adresse eller "
         "telefontid.",
         "", r::raad_kontakt},
    Rule{"raad-kollektiv-registrering", "Registrering af deltagelse i kollektive arrangementer", S::raad,
         K::advice, Src::advice,
         "Hvor der holdes kollektive arrangementer, siger standarden, hvordan deltagelsen registreres "
         "(feltet dokumentation).",
         "", r::raad_kollektiv_registrering},
    Rule{"raad-laesbarhed", "Læsbarhed (LIX)", S::raad, K::advice, Src::advice,
         "Hvert borgerrettet afsnit er let at læse: et afsnit med en LIX over grænsen giver et råd, der viser "
         "afsnittets LIX. LIX = ord pr. periode + 100 · lange ord / ord (ordgrænser efter ICU).",
         "", r::raad_laesbarhed},
    // --- About the check itself -----------------------------------------------------------
    Rule{"anerkendelse-uden-fund", "Anerkendelse uden fund", S::advarsel, K::meta, Src::none,
         "En anerkendelse, der ikke svarer til noget fund, rapporteres (den er forældet eller stavet forkert).",
         "", nullptr},
    Rule{"anerkendelse-afvist", "Anerkendelse af en fejl uden frisættelse", S::fejl, K::meta, Src::none,
         "En lovfejl kan kun anerkendes ved at nævne en frisættelse med dens grundlag; ellers afvises "
         "anerkendelsen, og fejlen står ved magt.",
         "", nullptr},
    Rule{"anerkendelse-ukendt-regel", "Anerkendelse af en ukendt regel", S::fejl, K::meta, Src::none,
         "En anerkendelse nævner en regel, der ikke findes i kataloget (med et forslag: mente du …?).", "",
         nullptr},
    Rule{"lovversion-mangler", "Ingen lovversion gælder", S::advarsel, K::meta, Src::versions,
         "Ingen lovversion i lovdataene gælder på standardens referencedato; lovkravene kontrolleres ikke.", "",
         nullptr},
};

}  // namespace

std::span<const Rule> rule_table() { return kRules; }

const Rule* find_rule(std::string_view id) {
  for (const auto& r : kRules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace kvs::checks
