"""Write data/examples/demo_team.json: the worked example team "esimerkki".

An invented cross-administrative team works on the ylivelkaantuminen of young adults through the
whole programme: Session 1 maps the phenomenon and its ecosystem, Session 2 looks toward a preferred
future 2030, Session 3 plans the experiment "Talousvalmentaja nuorten palveluihin" (a debt coach
in a youth one-stop guidance centre, Ohjaamo), the homework runs it, and Session 4 harvests it.
People, the wellbeing services county, the city and the foundation are invented; the figures are
the experiment's own invented data, not statistics.

Every answer is validated with the exercise's answer model before writing; every exercise of
data/exercises/ is covered, and its latest revision is complete. Run after changing the answers:

    .venv/bin/python scripts/make_demo_workbook.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ekokit.content.calendar import calendar
from ekokit.content.exercises import find_exercise
from ekokit.model import answers
from ekokit.paths import data_dir
from ekokit.store.workbook import FORMAT, VERSION, dumps, parse_workbook

OUT = Path(__file__).resolve().parent.parent / "data" / "examples" / "demo_team.json"

# -- the team ---------------------------------------------------------------------------------
LAURA = "Laura Niemi"  # Valtiokonttori, kehittämispäällikkö (tiedolla johtaminen)
MIKKO = "Mikko Halonen"  # Oikeusministeriö, erityisasiantuntija (talous- ja velkaneuvonta)
SANNA = "Sanna Korhonen"  # Kela, palveluasiantuntija (nuorten palvelut)
ELINA = "Elina Virtanen"  # Järvimaan hyvinvointialue, palvelupäällikkö (aikuissosiaalityö)
TUOMAS = "Tuomas Lehtinen"  # Talouskuntoon-säätiö, talousvalmennuksen asiantuntija
MEMBERS = (LAURA, MIKKO, SANNA, ELINA, TUOMAS)
EVERYONE = ", ".join(MEMBERS)

TEAM = {
    "slug": "esimerkki",
    "name": "Esimerkkitiimi: Nuorten aikuisten ylivelkaantuminen",
    "phenomenon": "Nuorten aikuisten ylivelkaantuminen",
    "members": list(MEMBERS),
}
CREATED_AT = "2023-10-02T09:15:00.000+00:00"

# -- the actors (one spelling everywhere, so that the charts can join them) --------------------
OM = "Oikeusministeriö"
KELA = "Kela"
HVA = "Järvimaan hyvinvointialue"
SAATIO = "Talouskuntoon-säätiö"
VK = "Valtiokonttori"
VELKA = "Oikeusaputoimiston talous- ja velkaneuvonta"
OHJAAMO = "Järvilinnan Ohjaamo"
OPISTO = "Järvilinnan ammattiopisto"
DIAKONIA = "Seurakuntien diakoniatyö"
VUOKRA = "Järvilinnan Vuokrakodit Oy"
NUORET = "Nuoret aikuiset"
ULOSOTTO = "Ulosottolaitos"
FIVA = "Finanssivalvonta"
STM = "Sosiaali- ja terveysministeriö"
LUOTTO = "Luotonantajat ja maksupalveluyritykset"
SOME = "Sosiaalinen media ja vaikuttajat"

PILOT = "Talousvalmentaja nuorten palveluihin"
VISION = ("Yksikään nuori aikuinen ei jää velkojensa kanssa yksin – apu alkaa siitä ovesta, "
          "josta nuori tulee sisään.")

Rev = tuple[str, str, dict[str, Any]]  # (author, created_at, answer)


def rev(author: str, when: str, data: dict[str, Any]) -> Rev:
    """One saved revision; ``when`` is UTC "YYYY-MM-DD HH:MM"."""
    stamp = dt.datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC)
    return author, stamp.isoformat(timespec="milliseconds"), data


def meeting(date: str, participants: str, decisions: str, open_questions: str = "") -> dict:
    return {"date": date, "participants": participants, "decisions": decisions,
            "open_questions": open_questions}


def scores(*values: int) -> dict[str, int]:
    """Maturity scores in the order of the maturity_dimension vocabulary."""
    dims = ("shared_vision", "value_proposition", "orchestration", "trust", "participation",
            "knowledge_sharing", "experimentation", "impact_measurement")
    assert len(values) == len(dims)
    return dict(zip(dims, values))


# =============================================================================================
# Session 1 · 9.10.2023 klo 9–12 (06:00–09:00 UTC): the phenomenon and its ecosystem
# =============================================================================================
def session1() -> dict[str, list[Rev]]:
    phenomenon_draft = {
        "phenomenon": "Nuorten ylivelkaantuminen",
        "description": ("Yhä useampi nuori ottaa pikavippejä ja osamaksuja, joita ei pysty "
                        "maksamaan, ja saa maksuhäiriömerkinnän."),
        "affected_groups": ["Nuoret, joilla on maksuhäiriömerkintä", "Opiskelijat"],
    }
    phenomenon = {
        "phenomenon": "Nuorten aikuisten ylivelkaantuminen",
        "description": (
            "Yhä useampi 18–29-vuotias ajautuu velkakierteeseen: pienistä kulutusluotoista, "
            "osamaksuista ja \"osta nyt, maksa myöhemmin\" -palveluista kertyy maksuja, joita ei "
            "pystytä hoitamaan. Seurauksena on maksuhäiriömerkintä, joka vaikeuttaa "
            "vuokra-asunnon, puhelinliittymän ja joskus työpaikankin saamista.\n\n"
            "Taustalla on harvoin yksi syy. Pienet ja epäsäännölliset tulot, nousseet "
            "asumiskustannukset, digitaalisen kulutuksen helppous, puutteellinen talousosaaminen "
            "ja usein myös mielenterveyden kuormitus kietoutuvat yhteen. Apua haetaan yleensä "
            "vasta, kun velat ovat jo perinnässä tai ulosotossa.\n\n"
            "Kukaan ei omista ilmiötä yksin: luotonannon sääntely, toimeentuloturva, sosiaalityö, "
            "talous- ja velkaneuvonta ja järjestöjen tuki toimivat kukin omassa siilossaan, ja "
            "sama nuori voi asioida kolmessa palvelussa ilman, että kukaan näkee kokonaisuutta."),
        "why_now": (
            "Korkojen ja elinkustannusten nousu on kiristänyt nuorten aikuisten taloutta vuodesta "
            "2022. Kulutusluottojen sääntelyä on kiristetty, ja positiivinen luottotietorekisteri "
            "otetaan käyttöön vuonna 2024. Hallitusohjelma korostaa hallinnonalojen välistä "
            "yhteistyötä ja ilmiölähtöisyyttä, ja hyvinvointialueet rakentavat parhaillaan "
            "palvelupolkujaan – nyt on hyvä hetki sopia, kuka tekee mitä."),
        "affected_groups": [
            "18–29-vuotiaat, joilla on maksuhäiriömerkintä tai sen uhka",
            "Opiskelijat ja pienituloiset vastavalmistuneet",
            "Työttömät ja pätkätöitä tekevät nuoret aikuiset",
            "Nuoret, joilla on mielenterveyden tai päihteiden kanssa haasteita",
            "Nuoret lapsiperheet",
            "Läheiset, jotka maksavat nuoren velkoja tai ovat takaajina",
            "Vuokranantajat ja palveluntarjoajat, joille maksut jäävät saamatta",
        ],
        "administrative_branches": [
            "Oikeusministeriö (kuluttajaluottosääntely, talous- ja velkaneuvonta, ulosotto)",
            "Sosiaali- ja terveysministeriö (sosiaaliturva, mielenterveys)",
            "Kela (toimeentulotuki, asumistuki, opintotuki)",
            "Hyvinvointialueet (aikuissosiaalityö, mielenterveyspalvelut)",
            "Opetus- ja kulttuuriministeriö (talousosaaminen koulutuksessa, nuorisotyö)",
            "Valtiovarainministeriö (rahoitusmarkkinasääntely)",
            "Valtiokonttori (tiedolla johtaminen)",
            "Kunnat (Ohjaamot, nuorisotyö, asuntotoimi)",
        ],
    }

    def factor(name, kind, direction, cluster):
        return {"name": name, "kind": kind, "direction": direction, "cluster": cluster}

    factors = [
        factor("Pikavipit ja kulutusluotot", "factor", "to_phenomenon", "Luotonanto"),
        factor("Osta nyt, maksa myöhemmin -palvelut", "factor", "to_phenomenon", "Luotonanto"),
        factor("Digitaalinen kulutus ja mobiilipelit", "factor", "to_phenomenon", "Kulutus"),
        factor("Heikko talousosaaminen", "factor", "to_phenomenon", "Osaaminen"),
        factor("Mielenterveyden haasteet", "factor", "both", "Hyvinvointi"),
        factor("Asumiskustannukset", "factor", "to_phenomenon", "Toimeentulo"),
    ]
    more_factors = [
        factor("Pienet ja epäsäännölliset tulot", "factor", "to_phenomenon", "Toimeentulo"),
        factor("Häpeä ja avun hakemisen kynnys", "factor", "both", "Hyvinvointi"),
        factor("Pirstaleiset palvelut", "factor", "to_phenomenon", "Palvelujärjestelmä"),
        factor("Maksuhäiriömerkintä", "factor", "from_phenomenon", "Seuraukset"),
        factor("18–29-vuotiaat, joilla on maksuhäiriöitä", "description", None, "Kohderyhmä"),
        factor("Nuoren näkökulma: raha on yksityisasia", "viewpoint", None, "Kohderyhmä"),
        factor("Julkisen talouden näkökulma: myöhäinen apu on kallista", "viewpoint", None,
               "Palvelujärjestelmä"),
    ]

    def linked(name, org_type, factor_name):
        return {"name": name, "org_type": org_type, "linked_factor": factor_name}

    network = {
        "factors": factors + more_factors,
        "actors": [
            linked(FIVA, "state", "Pikavipit ja kulutusluotot"),
            linked(LUOTTO, "company", "Osta nyt, maksa myöhemmin -palvelut"),
            linked(SOME, "other", "Digitaalinen kulutus ja mobiilipelit"),
            linked(OPISTO, "research", "Heikko talousosaaminen"),
            linked(HVA, "wellbeing_area", "Mielenterveyden haasteet"),
            linked(VUOKRA, "company", "Asumiskustannukset"),
            linked(KELA, "state", "Pienet ja epäsäännölliset tulot"),
            linked(SAATIO, "ngo", "Häpeä ja avun hakemisen kynnys"),
            linked(VELKA, "state", "Pirstaleiset palvelut"),
            linked(ULOSOTTO, "state", "Maksuhäiriömerkintä"),
        ],
        "goals": [
            "Nuoret aikuiset hakevat apua raha-asioihinsa ennen kuin velat ovat perinnässä",
            "Talousosaaminen on osa jokaista nuorten palvelua, ei erillinen kurssi",
            ("Kukaan ei putoa palvelujen väliin siirtyessään Kelasta sosiaalityöhön tai "
             "velkaneuvontaan"),
            "Maksuhäiriömerkinnän saavien 18–29-vuotiaiden määrä kääntyy laskuun",
        ],
    }

    def actor(name, org_type, ring, layer, roles, in_team=False):
        return {"name": name, "org_type": org_type, "ring": ring, "layer": layer,
                "roles": roles, "in_team": in_team}

    actor_map = {"actors": [
        actor(OM, "state", "core", "insider", ["orchestrator", "regulator"], True),
        actor(KELA, "state", "core", "insider", ["keystone", "supplier"], True),
        actor(HVA, "wellbeing_area", "core", "insider", ["keystone", "supplier"], True),
        actor(SAATIO, "ngo", "core", "activist", ["niche_player", "expert", "champion"], True),
        actor(VK, "state", "core", "activist", ["enabler", "expert"], True),
        actor(VELKA, "state", "partner", "activist", ["supplier", "expert"]),
        actor(OHJAAMO, "municipality", "partner", "activist", ["complementor", "supplier"]),
        actor(OPISTO, "research", "partner", "follower", ["complementor"]),
        actor(DIAKONIA, "other", "partner", "follower", ["complementor"]),
        actor(VUOKRA, "company", "partner", "follower", ["complementor"]),
        actor(NUORET, "citizen", "partner", "follower", ["user"]),
        actor(ULOSOTTO, "state", "partner", "follower", ["expert"]),
        actor(FIVA, "state", "environment", None, ["regulator"]),
        actor(STM, "state", "environment", "follower", ["sponsor", "regulator"]),
        actor("Suomen Pankki (talousosaamisen koordinaatio)", "state", "environment", "follower",
              ["expert", "champion"]),
        actor(LUOTTO, "company", "environment", None, ["dominator"]),
        actor(SOME, "other", "environment", None, []),
    ]}

    def stake(name, power, interest, disposition, target_power=None, target_interest=None):
        return {"name": name, "power": power, "interest": interest, "disposition": disposition,
                "target_power": target_power, "target_interest": target_interest}

    power_interest = {"stakeholders": [
        stake(OM, 5, 4, "supportive"),
        stake(KELA, 4, 3, "supportive", None, 5),
        stake(HVA, 4, 4, "supportive", None, 5),
        stake(SAATIO, 2, 5, "supportive", 3, None),
        stake(VELKA, 3, 5, "supportive"),
        stake(OHJAAMO, 2, 4, "supportive", 3, 5),
        stake(NUORET, 1, 3, "neutral", 3, 4),
        stake(LUOTTO, 5, 2, "resisting", None, 3),
        stake(FIVA, 4, 2, "neutral", None, 3),
        stake(STM, 5, 2, "neutral", None, 4),
        stake(OPISTO, 2, 2, "neutral", None, 4),
        stake(VUOKRA, 3, 2, "neutral", None, 4),
    ]}

    def gives(giver, receiver, what):
        return {"giver": giver, "receiver": receiver, "gives": what}

    motivation = {
        "actors": [
            {"name": KELA, "ring": "core", "motivation": (
                "Haluaa, että etuudet tukevat nuoren taloutta eikä velkakierre kasvata "
                "toimeentulotuen tarvetta. Tavoittelee sujuvaa ohjausta asiakkaille, joiden "
                "ongelma ei ratkea etuuspäätöksellä.")},
            {"name": HVA, "ring": "core", "motivation": (
                "Nuorten aikuisten sosiaalityön asiakasmäärät kasvavat, ja velat ovat usein "
                "taustalla. Haluaa ehkäistä raskaita palveluja ja saada talousosaamista "
                "työntekijöidensä tueksi.")},
            {"name": SAATIO, "ring": "core", "motivation": (
                "Säätiön tehtävä on auttaa velkaantuneita ajoissa ja ilman leimaa. Se tavoittelee "
                "pysyvää paikkaa julkisilla palvelupoluilla ja ennustettavaa rahoitusta "
                "talousvalmennukselle.")},
            {"name": VELKA, "ring": "partner", "motivation": (
                "Myöhään tulevat asiakkaat ja jonot kuormittavat neuvontaa. Neuvonta haluaa "
                "asiakkaat aiemmin, kun velkajärjestelyn sijaan riittää maksusuunnitelma ja "
                "sopiminen velkojien kanssa.")},
        ],
        "exchanges": [
            gives(KELA, HVA, "Nuoren luvalla tieto etuustilanteesta ja vuokraveloista"),
            gives(HVA, KELA, "Sosiaalityön arvio tilanteista, joissa etuuspäätös ei riitä"),
            gives(SAATIO, HVA, "Talousvalmennusta asiakkaille ja koulutusta "
                               "sosiaalityöntekijöille"),
            gives(HVA, SAATIO, "Ohjaa asiakkaita valmennukseen, mutta ei rahoita sitä"),
            gives(SAATIO, VELKA, "Valmiiksi kootut velkatiedot ja motivoituneet asiakkaat"),
            gives(VELKA, SAATIO, "Konsultaatiotukea vaikeissa velkatilanteissa"),
        ],
        "gaps": [
            ("Kela ei ohjaa nuoria velkaneuvontaan eikä säätiöön: sovitaan puheeksioton malli ja "
             "yhteinen ohjauskäytäntö"),
            ("Velkaneuvonta ei saa tietoa hyvinvointialueen asiakkaista ajoissa – kokeillaan "
             "yhteisiä vastaanottoaikoja"),
            ("Säätiön talousvalmennuksella ei ole pysyvää rahoittajaa: selvitetään "
             "hyvinvointialueen ostopalvelu"),
            ("Nuorten oma motivaatio puuttuu taulukosta – kutsutaan nuoria kertomaan, mikä saisi "
             "hakemaan apua"),
        ],
    }

    roles = {
        "actors": [
            {"name": OM, "roles": ["orchestrator", "regulator"],
             "contribution": "Kuluttajaluottosääntely ja talous- ja velkaneuvonnan ohjaus"},
            {"name": KELA, "roles": ["keystone", "supplier"],
             "contribution": "Etuudet, laaja asiakaskunta ja tieto nuorten taloustilanteesta"},
            {"name": HVA, "roles": ["keystone", "supplier"],
             "contribution": "Aikuissosiaalityö, mielenterveyspalvelut ja palveluohjaus"},
            {"name": SAATIO, "roles": ["niche_player", "expert", "champion"],
             "contribution": "Talousvalmennus, vertaistuki ja matala kynnys"},
            {"name": VK, "roles": ["enabler", "expert"],
             "contribution": "Tietoaineistojen yhdistäminen ja vaikutusten seurannan tuki"},
            {"name": VELKA, "roles": ["supplier", "expert"],
             "contribution": "Maksuneuvottelut ja velkajärjestelyn valmistelu"},
            {"name": OHJAAMO, "roles": ["complementor"],
             "contribution": "Yhteys nuoriin ja matalan kynnyksen palveluohjaus"},
            {"name": FIVA, "roles": ["regulator"], "contribution": "Luotonantajien valvonta"},
            {"name": NUORET, "roles": ["user"], "contribution": "Kokemustieto palveluista"},
        ],
        "orchestration": [
            {"task": "framing", "owner": f"{OM} ({MIKKO})", "how": (
                "Kirjoittaa ilmiön kuvauksen ja yhteisen tavoitteen auki niin, että jokainen "
                "organisaatio tunnistaa siinä oman tehtävänsä.")},
            {"task": "activating", "owner": f"{SAATIO} ja {HVA}", "how": (
                "Kutsuvat Ohjaamon, velkaneuvonnan ja nuoret mukaan omien verkostojensa kautta.")},
            {"task": "mobilizing", "owner": f"{KELA} ({SANNA})", "how": (
                "Sopii työnjaosta ja resursseista kokeilua varten ja vie asian Kelan alueelliseen "
                "palveluryhmään.")},
            {"task": "synthesizing", "owner": f"{VK} ({LAURA})", "how": (
                "Kokoaa kokeilujen tiedot ja opit yhteen ja tuo ne tapaamisiin tiivistettynä.")},
        ],
        "missing_roles": ["sponsor", "leader"],
        "reflection": (
            "Rahoittajan rooli puuttuu kokonaan: kokeilu tehdään aluksi omilla resursseilla, mutta "
            "jatkoa varten tarvitaan hyvinvointialueen tai STM:n sitoutuminen. Ekosysteemin "
            "johtajasta ei ole sovittu – oikeusministeriö orkestroi ohjelman ajan, mutta "
            "pitkällä aikavälillä johtajuuden pitäisi olla alueella, lähellä palveluja. Laura ja "
            "Mikko kutsuvat hyvinvointialueen johdon marraskuun kumppanitapaamiseen."),
    }

    def activity(name, performer, position, readiness):
        return {"name": name, "performer": performer, "position": position,
                "readiness": readiness}

    def link(source, target, flow, content):
        return {"source": source, "target": target, "flow": flow, "content": content}

    value_proposition = {
        "beneficiary": ("18–29-vuotias nuori aikuinen, jonka raha-asiat ovat alkaneet karata "
                        "käsistä"),
        "value_proposition": (
            "Nuori saa apua raha-asioihinsa samasta paikasta, jossa hän jo asioi, ennen kuin velat "
            "päätyvät perintään tai ulosottoon."),
        "activities": [
            activity("Seurantatieto ja tilannekuva", VK, 1, "not_ready"),
            activity("Yhteinen ohjausmalli ja suostumuskäytäntö", f"{OM}, {KELA}, {HVA}", 2,
                     "not_ready"),
            activity("Sosiaalityön ja mielenterveystuen kytkeminen talousapuun", HVA, 3, "partly"),
            activity("Etuuksien tarkistus ja toimeentulotuki", KELA, 4, "ready"),
            activity("Velkojen selvittäminen ja maksuneuvottelut", VELKA, 5, "ready"),
            activity("Raha-asioiden puheeksiotto nuorten palveluissa",
                     f"{OHJAAMO}, {KELA}, sosiaalityö", 6, "partly"),
            activity("Talousvalmennus ja budjetointi", SAATIO, 7, "ready"),
        ],
        "links": [
            link(KELA, HVA, "information", "Nuoren luvalla tieto etuustilanteesta"),
            link(OHJAAMO, SAATIO, "information", "Ohjattu nuori ja hänen tilanteensa"),
            link(SAATIO, VELKA, "information", "Velkakooste ja valmiiksi kerätyt asiakirjat"),
            link(HVA, SAATIO, "money", "Mahdollinen ostopalvelusopimus (ei vielä)"),
            link(OM, VELKA, "influence", "Ohjaus ja tulostavoitteet"),
            link(VK, OM, "information", "Seurantatieto ja tilannekuva"),
            link(SAATIO, NUORET, "material", "Henkilökohtainen talousvalmennus"),
        ],
        "leader": f"{OM} ohjelman ajan, myöhemmin {HVA}",
        "followers": [
            {"name": KELA, "attitude": "supportive",
             "must_change": "Raha-asiat kysytään nuorten palvelukeskusteluissa"},
            {"name": OHJAAMO, "attitude": "supportive",
             "must_change": "Antaa tilan ja ajan talousvalmentajalle ja kirjaa ohjaukset"},
            {"name": "Järvimaan hyvinvointialueen aikuissosiaalityö", "attitude": "neutral",
             "must_change": "Hyväksyy järjestön valmentajan osaksi palvelupolkua"},
            {"name": VELKA, "attitude": "supportive",
             "must_change": "Varaa nuorille nopeita aikoja ilman pitkää jonoa"},
        ],
        "risks": [
            {"kind": "co_innovation", "description": (
                "Yhteistä ohjausmallia ja suostumuskäytäntöä ei ole. Ilman niitä tieto ei liiku "
                "Kelan, hyvinvointialueen ja järjestön välillä, ja nuori joutuu kertomaan "
                "tilanteensa monta kertaa.")},
            {"kind": "adoption_chain", "description": (
                "Sosiaalityöntekijät ja Kelan palveluneuvojat ovat kiireisiä. Jos raha-asioiden "
                "puheeksiotto tuntuu lisätyöltä, he eivät ohjaa nuoria eteenpäin, vaikka "
                "valmennus olisi tarjolla.")},
            {"kind": "adoption_chain", "description": (
                "Nuoret eivät välttämättä halua puhua raha-asioistaan viranomaiselle, ja häpeä "
                "voi estää tarttumasta tarjottuun apuun.")},
        ],
    }

    lifecycle = {
        "current_phase": "activation",
        "evidence": (
            "Ekosysteemi on vasta syntymässä. Tiimin viisi organisaatiota tuntevat toisensa "
            "lähinnä yksittäisten ihmisten kautta, eikä yhteistä tavoitetta ole kirjattu. "
            "Kumppanit – Ohjaamo, velkaneuvonta ja oppilaitokset – eivät vielä tiedä koko "
            "ekosysteemistä. Resursseista ei ole sovittu, ja jokainen tekee työtä oman "
            "organisaationsa tehtävän pohjalta. Innostusta on paljon, rakenteita ei vielä "
            "lainkaan."),
        "next_phase_needs": [
            "Yhteinen, kirjoitettu tavoite, johon kumppanit voivat sitoutua",
            "Ensimmäinen yhteinen kokeilu, joka näyttää arvon käytännössä",
            "Pelisäännöt tiedon jakamisesta ja nuoren suostumuksesta",
            "Säännöllinen tapaamisrytmi ja selvä orkestroija",
            "Nuorten oma ääni mukaan suunnitteluun",
        ],
        "orchestrator_tasks_now": [
            "Kutsutaan Ohjaamo ja oikeusaputoimiston velkaneuvonta mukaan marraskuussa",
            "Kirjoitetaan ilmiön kuvaus yhden sivun mittaiseksi kumppaneita varten",
            "Sovitaan tiimin tapaamisrytmi: joka toinen tiistai 45 min Teamsissa",
            "Kootaan, mitä tietoa nuorten velkaantumisesta alueella jo on",
        ],
    }

    maturity_draft = {"ratings": [
        {"member": LAURA, "scores": scores(2, 2, 1, 3, 1, 2, 2, 1)},
        {"member": MIKKO, "scores": scores(2, 1, 2, 3, 2, 2, 1, 1)},
        {"member": SANNA, "scores": scores(1, 2, 1, 2, 1, 1, 2, 1)},
    ]}
    maturity = {
        "ratings": maturity_draft["ratings"] + [
            {"member": ELINA, "scores": scores(2, 2, 1, 3, 2, 2, 3, 1)},
            {"member": TUOMAS, "scores": scores(1, 2, 1, 2, 1, 2, 3, 2)},
        ],
        "reflection": (
            "Luottamus sai korkeimmat arviot: moni meistä on tehnyt töitä yhdessä aiemmin, ja "
            "puhumme avoimesti. Orkestrointi, osallistumisen laajuus ja vaikutusten arviointi ovat "
            "heikoimmat – kukaan ei vielä vastaa kokonaisuudesta, nuoret ja kumppanit puuttuvat, "
            "eikä meillä ole yhteisiä mittareita. Eniten eroja oli kokeilukyvyssä: säätiö ja "
            "hyvinvointialue kokeilevat arjessaan jatkuvasti, valtion virastoissa kokeilu tuntuu "
            "raskaalta. Valitsemme kehitettäviksi orkestroinnin ja osallistumisen."),
    }

    impact_chain = {
        "resources": [
            "Tiimin viiden organisaation työaika (noin 2 h viikossa kukin)",
            "Talouskuntoon-säätiön talousvalmentajat",
            "Kelan ja hyvinvointialueen asiakaskontaktit",
            "Valtiokonttorin analytiikkaosaaminen",
        ],
        "activities": [
            "Raha-asioiden puheeksiotto nuorten palveluissa",
            "Talousvalmennus samaan paikkaan, jossa nuoret jo asioivat",
            "Yhteinen ohjausmalli Kelan, sosiaalityön ja velkaneuvonnan välille",
        ],
        "outputs": [
            "Talousvalmentajan vastaanotto Ohjaamossa",
            "Ohjausmalli ja suostumuslomake",
            "Koulutus palveluneuvojille ja sosiaalityöntekijöille",
        ],
        "outcomes": [
            "Nuoret hakevat apua aiemmin",
            "Ammattilaiset ottavat raha-asiat puheeksi rutiinisti",
            "Nuoren ei tarvitse kertoa tilannettaan monta kertaa",
        ],
        "impacts": [
            "Maksuhäiriömerkinnän saavien nuorten aikuisten määrä vähenee",
            "Velkojen vuoksi asunto- ja työmarkkinoilta syrjään jääminen vähenee",
        ],
        "assumptions": [
            "Nuoret tulevat valmennukseen, jos se on tutussa paikassa eikä vaadi ajanvarausta",
            "Ammattilaisilla on aikaa ja rohkeutta ottaa raha puheeksi",
            "Aikainen apu estää velkojen etenemisen perintään ja ulosottoon",
        ],
    }

    iceberg = {
        "events": [
            ("Nuori saa ensimmäisen maksuhäiriömerkinnän 20-vuotiaana puhelinlaskusta ja "
             "pikavipistä"),
            "Vuokrasopimus jää saamatta maksuhäiriön vuoksi",
            "Sosiaalityöntekijä huomaa velat vasta, kun nuori hakee kiireellistä toimeentulotukea",
            "Velkaneuvontaan tullaan, kun asia on jo ulosotossa",
        ],
        "patterns": [
            "Uusia pieniä luottoja otetaan vanhojen maksamiseen – velat kasautuvat",
            "Apua haetaan vasta kriisissä, usein vuosien viiveellä",
            "Rahahuolet ja mielenterveyden ongelmat ruokkivat toisiaan",
            "Sama nuori asioi kolmessa palvelussa, mutta kukaan ei näe kokonaisuutta",
        ],
        "structures": [
            ("Palvelut on järjestetty hallinnonaloittain: etuudet, sosiaalityö ja velkaneuvonta "
             "eivät jaa tietoa"),
            "Nuoren suostumukselle tiedon jakamiseen ei ole yhteistä käytäntöä",
            "Luotonanto ja maksaminen on tehty sovelluksissa kitkattomiksi",
            "Talousosaamisen opetus ei tavoita niitä, jotka ovat jo päättäneet koulunsa",
            "Järjestöjen talousneuvonta on hankerahoituksen varassa",
        ],
        "mental_models": [
            "Velkaantuminen on yksilön huonoja valintoja ja oma vika",
            "Raha-asiat ovat yksityisiä, niistä ei kysytä",
            "Velat eivät kuulu minun tehtäviini – ne hoitaa velkaneuvonta",
            "Viranomainen ei voi toimia ennen kuin ongelma on todettu",
        ],
        "vision": (
            "Raha-asiat nähdään osana hyvinvointia, ja niistä kysytään yhtä luontevasti kuin "
            "jaksamisesta. Palvelut toimivat nuoren näkökulmasta yhtenä kokonaisuutena: tieto "
            "liikkuu nuoren luvalla, ja ensimmäinen kohtaaminen riittää avun alkuun."),
        "leverage_points": [
            "Raha-asioiden puheeksiotto kaikkiin nuorten palveluihin (Kela, Ohjaamo, sosiaalityö)",
            "Yhteinen suostumuskäytäntö tiedon jakamiseen",
            "Velasta puhuminen ilman syyllistämistä – kieli ja viestintä",
            "Talousvalmennus hyvinvointialueen palveluvalikoimaan pysyvällä rahoituksella",
        ],
    }

    operating_model = {
        "vision": (
            "Vuonna 2030 yksikään nuori aikuinen ei jää velkojensa kanssa yksin. Raha-asiat "
            "otetaan puheeksi kaikissa nuorten palveluissa, ja apu löytyy yhdellä yhteydenotolla "
            "riippumatta siitä, mistä ovesta nuori tulee sisään."),
        "goals": [
            ("Yhteinen ohjausmalli Kelan, hyvinvointialueen, velkaneuvonnan ja järjestöjen välille "
             "vuoden 2024 aikana"),
            "Talousvalmennus saatavilla kaikissa alueen Ohjaamoissa",
            "Nuorten aikuisten maksuhäiriömerkintöjen kasvu taittuu alueella",
            "Ammattilaisilla on osaaminen ja välineet raha-asioiden puheeksiottoon",
        ],
        "orchestrator": f"{OM} ({MIKKO}) ohjelman ajan, jatkossa {HVA}",
        "rules": [
            "Päätökset tehdään ydinverkoston tapaamisissa; jokaisella organisaatiolla on yksi ääni",
            "Asiakastietoa jaetaan vain nuoren suostumuksella",
            ("Uusi toimija pääsee mukaan, kun se sitoutuu yhteiseen tavoitteeseen ja kertoo "
             "panoksensa"),
            "Jokainen organisaatio kantaa omat kulunsa; yhteisistä kuluista sovitaan erikseen",
            "Epäonnistunutkin kokeilu raportoidaan – opit ovat yhteisiä",
        ],
        "participation_forms": [
            "Ydinverkosto kokoontuu joka toinen viikko ja päättää suunnasta",
            "Kumppanit ovat mukana kokeiluissa ja kuukausittaisessa verkostotapaamisessa",
            "Nuorten kehittäjäraati kommentoi ja testaa ratkaisuja",
            "Seuraajat saavat uutiskirjeen ja pääsevät avoimelle Teams-kanavalle",
        ],
        "sharing_practices": [
            "Yhteinen Teams-työtila ja tämä työkirja",
            "Kokeilupäiväkirja, johon havainnot kirjataan viikoittain",
            "Valtiokonttorin kokoama lyhyt oppikooste kerran kuussa",
        ],
        "open_questions": [
            "Kuka rahoittaa talousvalmennuksen kokeilun jälkeen?",
            "Miten nuoren suostumus tiedon jakamiseen hoidetaan tietosuojan kannalta kestävästi?",
            "Miten nuoret saadaan mukaan muuten kuin kohderyhmänä?",
        ],
    }

    def slice_(name, resources, activities, addition, capture, dependence, risk, note):
        return {"name": name, "resources": resources, "activities": activities,
                "value_addition": addition, "value_capture": capture, "dependence": dependence,
                "risk": risk, "risk_note": note}

    ecosystem_pie = {
        "value_proposition": (
            "Nuori aikuinen saa apua raha-asioihinsa ajoissa ja yhdestä paikasta, ja julkinen "
            "sektori välttyy raskaammilta ja kalliimmilta palveluilta."),
        "actors": [
            slice_(KELA, "Etuustieto, laaja asiakaskunta ja palveluneuvojat",
                   "Myöntää etuudet, tarkistaa nuoren etuustilanteen ja ohjaa eteenpäin",
                   "Tavoittaa nuoret varhain, koska lähes jokainen velkaantunut nuori asioi "
                   "Kelassa",
                   "Vähemmän toistuvia toimeentulotukihakemuksia ja selkeämmät ohjauspolut",
                   "medium", "medium",
                   "Palveluneuvojien aika on kortilla, ja puheeksiotto vaatii koulutusta"),
            slice_(HVA, "Sosiaalityö, mielenterveyspalvelut ja nuorten palveluohjaus",
                   "Tukee nuorta kokonaisvaltaisesti ja ohjaa talousvalmennukseen",
                   "Yhdistää talousavun mielenterveyden ja arjen hallinnan tukeen",
                   "Ennaltaehkäisy vähentää raskaiden palvelujen tarvetta",
                   "high", "medium",
                   "Talous on tiukalla, ja uusi toiminta voi jäädä säästöjen jalkoihin"),
            slice_(SAATIO, "Talousvalmentajat, vertaistuki ja nuorten luottamus",
                   "Talousvalmennus, budjetointi ja tuki velkojien kanssa neuvotteluun",
                   "Matalan kynnyksen apu ilman viranomaisleimaa",
                   "Näkyvyys ja mahdollisuus vakiinnuttaa rahoitus",
                   "high", "high",
                   "Toiminta on hankerahoituksen varassa; jos rahoitus katkeaa, valmennus loppuu"),
            slice_(VELKA, "Lakisääteinen neuvonta ja velkajärjestelyosaaminen",
                   "Neuvottelee velkojien kanssa ja valmistelee velkajärjestelyn",
                   "Ratkaisee velkatilanteet, joihin valmennus ei riitä",
                   "Asiakkaat tulevat aiemmin ja valmistautuneempina, jonot lyhenevät",
                   "low", "low", "Toiminta on vakiintunutta ja lakisääteistä"),
            slice_(VK, "Analytiikka- ja tiedolla johtamisen osaaminen",
                   "Kokoaa seurantatiedon ja tilannekuvan",
                   "Tekee vaikutukset näkyviksi päättäjille",
                   "Esimerkki ilmiölähtöisestä tiedolla johtamisesta",
                   "low", "medium",
                   "Tehtävä ei ole viraston ydintä, ja työaikaa voi olla vaikea perustella"),
            slice_(OHJAAMO, "Tila, nuorten luottamus ja monialainen tiimi",
                   "Tarjoaa paikan, johon nuori tulee ilman ajanvarausta",
                   "Tavoittaa nuoret, jotka eivät hakeudu viranomaispalveluihin",
                   "Lisää palveluja nuorille ilman omaa lisäresurssia",
                   "medium", "low", "Ohjaamo on innokas, mutta tilat ovat ahtaat"),
        ],
        "insights": [
            ("Suurin riski on säätiöllä, joka tekee valmennuksen mutta saa ekosysteemistä vähiten "
             "pysyvää hyötyä"),
            ("Kelan rooli tavoittajana on keskeinen, mutta Kelan oma hyöty on epäsuora – se pitää "
             "tehdä näkyväksi"),
            ("Velkaneuvonta hyötyy paljon ja on vähiten riippuvainen – voisiko se kantaa enemmän "
             "vastuuta?"),
            "Hyvinvointialue on ainoa, joka voisi rahoittaa valmennuksen pysyvästi",
        ],
    }

    day = "2023-10-09"
    return {
        "s1_phenomenon": [rev(MIKKO, f"{day} 06:15", phenomenon_draft),
                          rev(LAURA, f"{day} 06:40", phenomenon)],
        "s1_network_map": [rev(TUOMAS, f"{day} 06:55", {"factors": factors}),
                           rev(SANNA, f"{day} 07:20", network)],
        "s1_actor_map": [rev(ELINA, f"{day} 07:35", actor_map)],
        "s1_power_interest": [rev(LAURA, f"{day} 07:50", power_interest)],
        "s1_motivation": [rev(TUOMAS, f"{day} 08:05", motivation)],
        "s1_roles": [rev(MIKKO, f"{day} 08:15", roles)],
        "s1_value_proposition": [rev(SANNA, f"{day} 08:30", value_proposition)],
        "s1_lifecycle": [rev(ELINA, f"{day} 08:40", lifecycle)],
        "s1_maturity": [rev(LAURA, f"{day} 08:48", maturity_draft),
                        rev(ELINA, f"{day} 08:58", maturity)],
        # the deeper ones were finished together in the afternoon of the same day
        "s1_impact_chain": [rev(MIKKO, f"{day} 10:30", impact_chain)],
        "s1_iceberg": [rev(TUOMAS, f"{day} 11:00", iceberg)],
        "s1_operating_model": [rev(LAURA, f"{day} 11:30", operating_model)],
        "s1_ecosystem_pie": [rev(SANNA, f"{day} 12:15", ecosystem_pie)],
    }


# =============================================================================================
# Homework h1 · before 17.11.2023
# =============================================================================================
def homework1() -> dict[str, list[Rev]]:
    plan_draft = {
        "goal": ("Kootaan nuorten aikuisten talousavun toimijat yhteen ja kokeillaan jotain "
                 "yhdessä ennen tammikuuta."),
        "first_actors_to_invite": [OHJAAMO, VELKA],
        "next_steps": ["Ilmiökuvaus kumppaneille – Mikko", "Verkostomaisema – kaikki"],
    }
    plan = {
        "goal": (
            "Ohjelman aikana (10/2023–1/2024) rakennamme Järvimaan alueelle nuorten aikuisten "
            "talousavun ekosysteemin ytimen: yhteinen tavoite ja pelisäännöt viidelle "
            "organisaatiolle, Ohjaamo ja talous- ja velkaneuvonta mukaan, sekä ainakin yksi "
            "yhteinen kokeilu, jossa talousapu tuodaan sinne, missä nuoret jo asioivat. "
            "Tammikuussa tiedämme, kannattaako mallia viedä laajemmalle."),
        "first_actors_to_invite": [
            "Järvilinnan Ohjaamon palvelukoordinaattori",
            "Oikeusaputoimiston talous- ja velkaneuvonnan esihenkilö",
            "Järvimaan hyvinvointialueen aikuissosiaalityön johto",
            "Järvilinnan ammattiopiston opinto-ohjaajat",
            "2–3 nuorta aikuista, joilla on omaa kokemusta veloista (säätiön kautta)",
        ],
        "next_steps": [
            "Ilmiökuvaus yhdelle sivulle kumppaneita varten – Mikko 20.10.",
            "Verkostomaiseman täydennys omissa organisaatioissa – kaikki 27.10.",
            "Tutustumiskäynti Ohjaamoon – Elina ja Tuomas 3.11.",
            "Kooste olemassa olevasta tiedosta nuorten velkaantumisesta – Laura 10.11.",
            "Kumppanitapaaminen Ohjaamon ja velkaneuvonnan kanssa – Elina 14.11.",
        ],
        "timeline": (
            "Lokakuu: ilmiökuvaus ja verkostomaisema, tiimin tapaaminen 24.10.\n"
            "Marraskuu: kumppanitapaaminen 14.11. ja tiedon kooste ennen toista yhteistä "
            "tapaamista 20.11.\n"
            "Joulukuu: kokeilun suunnittelu kolmannessa tapaamisessa 11.12. ja käynnistys heti "
            "sen jälkeen.\n"
            "Tammikuu: kokeilun tulokset ja päätös jatkosta sadonkorjuussa 10.1."),
    }

    def person(who, competence):
        return {"who": who, "competence": competence}

    def partner(who, competence, prior_work):
        return {"who": who, "competence": competence, "prior_work": prior_work}

    landscape = {
        "phenomenon_summary": (
            "Yhä useampi 18–29-vuotias ajautuu velkakierteeseen pienistä luotoista ja "
            "osamaksuista. Apua haetaan myöhään, ja palvelut toimivat erillään. Tarvitsemme "
            "ihmisiä, jotka tuntevat nuorten arjen, velkojen hoidon ja tiedon yhdistämisen."),
        "internal": [
            person("Kelan toimeentulotuen etuusasiantuntija",
                   "Tuntee nuorten toimeentulotukiasiakkaiden tyypilliset velkatilanteet"),
            person("Kelan nuorten palvelujen kehittämistiimi",
                   "Palvelumuotoilu ja asiakaspalautteen analysointi"),
            person("Valtiokonttorin analytiikkayksikkö",
                   "Tietoaineistojen yhdistäminen ja tilastollinen seuranta"),
            person("Oikeusministeriön oikeusapuyksikkö",
                   "Talous- ja velkaneuvonnan ohjaus ja tilastot"),
            person("Järvimaan hyvinvointialueen mielenterveys- ja päihdepalvelut",
                   "Velkojen ja mielenterveyden yhteys asiakastyössä"),
            person("Talouskuntoon-säätiön vertaistukiryhmän vetäjä",
                   "Tietää, mikä saa nuoren hakemaan apua – ja mikä estää"),
        ],
        "external": [
            partner(OHJAAMO, "Matalan kynnyksen palveluohjaus alle 30-vuotiaille",
                    "Monialainen yhteistyö työllisyyspalvelujen ja nuorisotyön kanssa"),
            partner(VELKA, "Velkaneuvonta, maksuneuvottelut ja velkajärjestely",
                    "Etäneuvonta ja chat-palvelu"),
            partner("Suomen Pankki", "Talousosaamisen edistämisen kansallinen koordinaatio",
                    "Talousosaamisen strategia ja verkosto"),
            partner(OPISTO, "Opinto-ohjaus ja opiskelijahuolto",
                    "Talousosaamisen teemapäivät opiskelijoille"),
            partner(DIAKONIA, "Ruoka-apu ja taloudellinen avustaminen",
                    "Diakoniatyöntekijöiden talousneuvonta-ajat"),
            partner("Nuorisotutkijat", "Nuorten aikuisten talous ja hyvinvointi",
                    "Nuorisobarometrin aineistot"),
        ],
        "invite": [
            "Ohjaamon palvelukoordinaattori",
            "Velkaneuvonnan esihenkilö",
            "Hyvinvointialueen aikuissosiaalityön palvelupäällikkö",
            "Ammattiopiston opinto-ohjaaja",
            "Kaksi säätiön vertaistukiryhmän nuorta",
        ],
    }

    first_meeting = meeting(
        "2023-10-24", EVERYONE,
        "Tapaamme joka toinen tiistai klo 14–14.45 Teamsissa. Mikko viimeistelee ilmiökuvauksen "
        "kumppaneille. Jokainen täydentää verkostomaiseman omasta organisaatiostaan 27.10. "
        "mennessä. Elina ja Tuomas käyvät Ohjaamossa marraskuun alussa.",
        "Kuka omistaa ekosysteemin ohjelman jälkeen? Voiko Kela jakaa tietoa nuoren luvalla?")
    second_meeting = meeting(
        "2023-11-14",
        f"{LAURA}, {MIKKO}, {ELINA}, {TUOMAS}; vieraina Ohjaamon palvelukoordinaattori ja "
        "velkaneuvonnan esihenkilö",
        "Ohjaamo on valmis antamaan tilan talousvalmentajalle kahtena päivänä viikossa kokeilun "
        "ajaksi. Velkaneuvonta varaa nuorille kaksi pikavastaanottoaikaa viikossa. Laura esittelee "
        "tiedon koosteen toisessa yhteisessä tapaamisessa. Kokeiluidea viedään 11.12. tapaamiseen.",
        "Sanna selvittää, voiko Kelan palveluneuvoja ohjata nuoren suoraan Ohjaamon "
        "talousvalmentajalle. Sanna oli estynyt; hänelle muistio sähköpostilla.")

    return {
        "h1_development_plan": [rev(MIKKO, "2023-10-13 11:20", plan_draft),
                                rev(LAURA, "2023-11-15 13:05", plan)],
        "h1_network_landscape": [rev(SANNA, "2023-10-27 10:40", landscape)],
        "h1_team_meeting": [rev(ELINA, "2023-10-24 12:10", {"meetings": [first_meeting]}),
                            rev(ELINA, "2023-11-14 13:30",
                                {"meetings": [first_meeting, second_meeting]})],
    }


# =============================================================================================
# Session 2 · 20.11.2023 klo 12.30–16 (10:30–14:00 UTC): futures design
# =============================================================================================
def session2() -> dict[str, list[Rev]]:
    megatrends = {
        "relevance": {"nature": 2, "people": 5, "power": 3, "technology": 5, "economy": 5},
        "readings": [
            {"megatrend": "economy",
             "visible_now": (
                 "Korot ja elinkustannukset nousivat nopeasti, nuorten aikuisten ostovoima "
                 "heikkeni ja vuokrat nousivat. Velkaneuvonnan jonot ovat pidentyneet."),
             "surprising": "Kuinka nopeasti maksuvaikeudet levisivät myös työssäkäyviin nuoriin.",
             "effects": (
                 "5 vuotta: maksuhäiriöt yleistyvät, jos tulot eivät nouse. 10 vuotta: "
                 "velkaantuneet nuoret perustavat perheitä, ja vaikutukset ulottuvat lapsiin. "
                 "20 vuotta: erot omistusasujien ja vuokralla asuvien välillä kasvavat."),
             "positive": "Taloushuoli on nostanut talousosaamisen yleiseen keskusteluun."},
            {"megatrend": "technology",
             "visible_now": (
                 "Luotto on yhden klikkauksen päässä: osamaksu verkkokaupan kassalla, pelien "
                 "sisäiset ostot ja somessa mainostetut kryptosijoitukset."),
             "surprising": "Moni nuori ei koe osamaksua velaksi.",
             "effects": (
                 "5 vuotta: positiivinen luottotietorekisteri muuttaa luotonantoa. 10 vuotta: "
                 "tekoäly tekee luottopäätöksistä ja markkinoinnista yksilöllisiä. 20 vuotta: "
                 "raha on arjessa lähes näkymätöntä."),
             "positive": ("Samat kanavat voivat tuoda avun nuoren taskuun: budjetointisovellukset "
                          "ja chat-neuvonta.")},
            {"megatrend": "people",
             "visible_now": ("Nuorten aikuisten mielenterveyden ongelmat ja yksinäisyys ovat "
                             "lisääntyneet, ja ne kietoutuvat rahahuoliin."),
             "surprising": "Kuinka usein velka on sekä mielenterveyden ongelman syy että seuraus.",
             "effects": ("Lähivuosina palvelujen kysyntä kasvaa nopeammin kuin resurssit; "
                         "10–20 vuoden päästä ennaltaehkäisy ratkaisee palvelujen kantokyvyn."),
             "positive": "Hyvinvointi ymmärretään laajemmin, myös taloudellisena turvallisuutena."},
            {"megatrend": "power",
             "visible_now": ("Somevaikuttajat ohjaavat nuorten rahankäyttöä enemmän kuin "
                             "viranomaiset, ja luottamus instituutioihin vaihtelee."),
             "effects": "Jos luottamus heikkenee, nuoret eivät hae apua viranomaisilta lainkaan.",
             "positive": "Järjestöt ja vertaiset voivat toimia luottamuksen siltoina."},
        ],
        "key_insight": (
            "Ilmiömme on kolmen megatrendin risteyksessä: talouden epävarmuus, digitaalinen "
            "kulutus ja hyvinvoinnin haasteet vahvistavat toisiaan, eikä yksikään hallinnonala "
            "ratkaise sitä yksin. Ekosysteemin kannalta tärkeintä on, että apu kulkee samoja "
            "digitaalisia ja arkisia reittejä kuin velkaantuminenkin."),
    }

    econ, tech, people, power = ("Talouden perusta rakoilee", "Kilpailu digivallasta kiihtyy",
                                 "Hyvinvoinnin haasteet kasvavat", "Demokratian kamppailu kovenee")
    megatrend_cards = {
        "cards_drawn": [econ, tech, people, power],
        "rankings": [
            {"member": LAURA, "order": [econ, people, tech, power]},
            {"member": MIKKO, "order": [tech, econ, people, power]},
            {"member": SANNA, "order": [econ, people, tech, power]},
            {"member": ELINA, "order": [people, econ, tech, power]},
            {"member": TUOMAS, "order": [tech, people, econ, power]},
        ],
        "ranking_differences": (
            "Kaikki pitivät demokratiaa vähiten tärkeänä, mutta keskustelu paljasti, että "
            "luottamus viranomaisiin on juuri se, mikä estää nuoria hakemasta apua. Valtion "
            "edustajat nostivat talouden ensimmäiseksi, hyvinvointialue ja säätiö hyvinvoinnin "
            "tai digivallan – asiakastyön arki näkyy järjestyksessä."),
        "story": (
            "Vuonna 2035 palkka tulee sovellukseen, jossa tekoäly tarjoaa luottoa jo ennen kuin "
            "tili on tyhjä. Asuminen vie puolet tuloista. Moni nuori elää kuukauden kerrallaan ja "
            "kokee, ettei kukaan näe hänen tilannettaan. Luottamus yhteisiin instituutioihin "
            "ratkaisee, kääntyykö nuori avun puoleen vai vaikuttajan, joka lupaa nopeaa "
            "rikastumista."),
        "tension": "Kitkaton digitaalinen luotonanto vastaan nuoren taloudellinen turvallisuus",
        "tension_outcome": "new_direction",
        "tension_reasoning": (
            "Kitkaa ei saada takaisin kieltämällä, mutta samat kanavat voivat tuoda myös tukea: "
            "avun linkki luottopäätöksen yhteydessä, budjetointi sovelluksessa ja positiivisen "
            "luottotietorekisterin ote yhdessä valmentajan kanssa. Tarvitsemme siis kumppaneiksi "
            "myös luotonantajia ja fintech-yrityksiä."),
        "ideas": [
            "Avun linkki jokaiseen luottopäätökseen ja perintäkirjeeseen",
            "Talousvalmentaja Ohjaamoon ja oppilaitoksiin",
            "Nuorten oma somekampanja velasta puhumisesta",
            "Kelan palvelukeskusteluun kysymys raha-tilanteesta",
        ],
    }

    def seen(megatrend, observation, source, kind, distance):
        return {"megatrend": megatrend, "observation": observation, "source": source,
                "type": kind, "distance": distance}

    radar = {
        "viewpoint": "Nuorten aikuisten talousavun palvelut Järvimaan alueella",
        "observations": [
            seen("economy", "Vuokrat ovat nousseet nopeammin kuin nuorten tulot, ja vuokravelat "
                 "näkyvät toimeentulotukihakemuksissa.",
                 "Kelan etuusasiantuntijoiden havainnot, syksy 2023", "service", "close"),
            seen("technology", "Verkkokauppojen kassalla osamaksu on usein ensimmäinen "
                 "vaihtoehto.", "Tiimin omat verkko-ostokset", "everyday", "close"),
            seen("technology", "Positiivinen luottotietorekisteri otetaan käyttöön vuonna 2024.",
                 "Oikeusministeriön tiedote", "news", "middle"),
            seen("people", "Yhä useampi Ohjaamon asiakas kertoo rahahuolista ensimmäisenä "
                 "asiana.", "Ohjaamon palvelukoordinaattori 14.11.2023", "everyday", "close"),
            seen("people", "Nuorten mielenterveyspalveluihin jonotetaan pitkään.",
                 "Hyvinvointialueen jonotilanne", "service", "close"),
            seen("power", "Talousvaikuttajat neuvovat sijoittamaan velkarahalla.",
                 "TikTok ja YouTube", "social_media", "middle"),
            seen("economy", "Järjestöjen rahoituksen tulevaisuus on epävarma julkisen talouden "
                 "säästöjen vuoksi.", "Uutisointi syksyllä 2023", "news", "middle"),
            seen("nature", "Ilmastohuoli näkyy osalla nuorista kulutuksen vähentämisenä – "
                 "kohtuullisuus voi suojata velkaantumiselta.", "Säätiön vertaistukiryhmä",
                 "everyday", "far"),
        ],
        "reinforcing": [
            "Vuokrien nousu + osamaksun helppous = velkaa arjen menoihin",
            "Mielenterveyspalvelujen jonot + rahahuolet Ohjaamossa",
        ],
        "conflicting": [
            ("Positiivinen luottotietorekisteri hillitsee velkaantumista ↔ talousvaikuttajat "
             "kannustavat velkavipuun"),
            "Järjestörahoituksen epävarmuus ↔ matalan kynnyksen avun tarve kasvaa",
        ],
        "threats": [
            "Järjestöjen talousneuvonta supistuu juuri, kun tarve kasvaa",
            "Velka siirtyy yhä näkymättömämmäksi sovelluksiin",
            "Hyvinvointialueen säästöt karsivat ennaltaehkäisyä",
        ],
        "opportunities": [
            "Ohjaamo on luonteva paikka talousavulle",
            "Positiivisen luottotietorekisterin ote voi auttaa tunnistamaan riskin ajoissa",
            "Digitaaliset kanavat tuovat avun nuoren taskuun",
        ],
    }

    def pf(dimension, factor_text, valence, impact, uncertainty):
        return {"dimension": dimension, "factor": factor_text, "valence": valence,
                "impact": impact, "uncertainty": uncertainty}

    pestel = {
        "focus": "Nuorten aikuisten ylivelkaantuminen Järvimaan alueella vuoteen 2030",
        "factors": [
            pf("political", "Hallitusohjelma korostaa hallinnonalojen yhteistyötä ja "
               "ilmiölähtöisyyttä", "positive", 3, 2),
            pf("political", "Sosiaaliturvan uudistus ja etuusleikkaukset", "negative", 4, 4),
            pf("economic", "Korkotaso ja elinkustannukset", "negative", 5, 4),
            pf("economic", "Nuorten aikuisten työmarkkina ja pätkätyöt", "negative", 4, 3),
            pf("economic", "Hyvinvointialueen talouden sopeutus", "negative", 4, 3),
            pf("social", "Nuorten aikuisten mielenterveyden ongelmat", "negative", 4, 2),
            pf("social", "Velkaantumiseen liittyvä häpeä", "negative", 4, 2),
            pf("social", "Järjestöjen ja vertaisten luottamus nuorten keskuudessa", "positive",
               3, 3),
            pf("technological", "Osta nyt, maksa myöhemmin -palvelut ja kitkaton luotonanto",
               "negative", 5, 3),
            pf("technological", "Positiivinen luottotietorekisteri", "positive", 4, 3),
            pf("technological", "Tekoälyä hyödyntävät budjetointi- ja neuvontapalvelut",
               "positive", 3, 5),
            pf("ecological", "Kohtuullisen kulutuksen ja kierrätyksen arvostus nuorilla",
               "positive", 2, 3),
            pf("legal", "Kulutusluottosääntelyn kiristyminen (EU:n uusi kulutusluottodirektiivi)",
               "positive", 4, 2),
            pf("legal", "Tietosuojan tulkinnat rajoittavat tiedon jakamista organisaatioiden "
               "välillä", "negative", 3, 2),
            pf("values", "Käsitys velkaantumisesta yksilön vikana", "negative", 4, 3),
            pf("values", "Raha-asiat nähdään osana hyvinvointia", "positive", 3, 4),
        ],
        "key_uncertainties": [
            ("Miten positiivinen luottotietorekisteri ja uusi kulutusluottodirektiivi muuttavat "
             "luotonantoa käytännössä"),
            "Riittääkö julkinen ja järjestörahoitus matalan kynnyksen talousapuun",
            ("Tavoittaako digitaalinen talousneuvonta nuoret, vai jääkö se kaupallisten "
             "toimijoiden varaan"),
            "Miten etuusmuutokset vaikuttavat nuorten aikuisten toimeentuloon",
        ],
        "conclusions": (
            "Eniten vaikutusta on taloudellisilla ja teknologisilla tekijöillä, mutta sosiaaliset "
            "ja arvoihin liittyvät tekijät ratkaisevat, hakeeko nuori apua. Sääntely liikkuu "
            "meille myönteiseen suuntaan, rahoitus ja etuudet kielteiseen. Ekosysteemin kannattaa "
            "keskittyä siihen, mihin se voi vaikuttaa: avun saavutettavuuteen, häpeän "
            "purkamiseen ja tiedon kulkuun."),
    }

    weak_signals = {
        "signals": [
            {"title": "Velka meemeissä",
             "observation": ("Nuoret tekevät somessa huumoria pikavipeistä ja osamaksuista; "
                             "velasta tulee vitsi."),
             "source": "TikTok ja Instagram, tiimin havainnot", "seen_on": "2023-11-06",
             "why_it_matters": "Häpeä voi vähentyä – tai velka normalisoitua.",
             "if_it_grows": ("Velasta puhuminen helpottuu ja avun hakeminen madaltuu, mutta "
                             "samalla velkaantumisen riski kasvaa."),
             "impact": 3},
            {"title": "Vuokranantaja tarkistaa tilitiedot sovelluksella",
             "observation": ("Vuokranantaja pyysi hakijalta suostumusta pankkitietojen "
                             "tarkistamiseen sovelluksella."),
             "source": "Säätiön asiakkaan kertomus", "seen_on": "2023-11-02",
             "why_it_matters": "Talousdata siirtyy yksityisten toimijoiden käyttöön.",
             "if_it_grows": "Maksuhäiriöisen nuoren asunnon saanti vaikeutuu entisestään.",
             "impact": 4},
            {"title": "Palkka kesken kuukauden",
             "observation": ("Jotkin työnantajat tarjoavat sovelluksella palkan ennakkoa jo "
                             "kesken kuukauden."),
             "source": "Uutinen, lokakuu 2023", "seen_on": "2023-10-30",
             "why_it_matters": "Voi vähentää pikavippien tarvetta – tai olla uusi luoton muoto.",
             "if_it_grows": "Palkkaennakosta tulee velan muoto, jota sääntely ei tunne.",
             "impact": 3},
            {"title": "Ruoka-avun jonossa yhä nuorempia",
             "observation": "Diakoniatyön ruoka-avussa käy aiempaa enemmän alle 30-vuotiaita.",
             "source": "Seurakunnan diakoniatyöntekijä", "seen_on": "2023-11-10",
             "why_it_matters": "Velat näkyvät arjen niukkuutena jo ennen maksuhäiriötä.",
             "if_it_grows": "Diakoniatyö on tärkeä tavoittaja, joka puuttuu ydinverkostostamme.",
             "impact": 4},
        ],
        "wildcards": [
            {"title": "Perustulo otetaan käyttöön", "type": "improbable",
             "description": ("Kaikki aikuiset saavat ehdottoman perustulon, ja etuusjärjestelmän "
                             "byrokratialoukut poistuvat."),
             "impact": 5, "likelihood": 1},
            {"title": "Suuri maksupalvelu kaatuu", "type": "improbable",
             "description": ("Osta nyt, maksa myöhemmin -yhtiö ajautuu konkurssiin ja myy "
                             "saatavansa perintään kerralla."),
             "impact": 4, "likelihood": 2},
            {"title": "Velka-armahdus nuorille", "type": "taboo",
             "description": ("Valtio mitätöi nuorten pienet kulutusluotot kertaluonteisesti. "
                             "Siitä vaietaan, koska se tuntuu epäreilulta maksaneita kohtaan."),
             "impact": 5, "likelihood": 1},
        ],
        "watch_list": [
            "Somekeskustelu veloista ja talousvaikuttajat",
            "Vuokranantajien tavat tarkistaa hakijoiden talous",
            "Ruoka-avun ja diakoniatyön asiakasrakenne",
            "Palkkaennakkopalvelujen yleistyminen",
        ],
    }

    hylkays = "Ylivelkaantuneen luottohakemukset hylätään useammin"
    nakyvat = "Luotonantajat näkevät hakijan kaikki luotot"
    oma_ote = "Nuori voi tarkistaa omat luottonsa yhdestä paikasta"
    epavirallinen = "Osa nuorista siirtyy epävirallisiin lainoihin"
    hinnoittelu = "Luotonantajat hinnoittelevat riskin tarkemmin"
    vahemman = "Uusien pikavippien määrä vähenee"
    neuvonta = "Velkaneuvonta saa kokonaiskuvan velaista nopeasti"
    valmennus = "Talousvalmennus voi alkaa rekisteriotteesta yhdessä nuoren kanssa"
    kalliimpi = "Pienituloisten nuorten luotot kallistuvat"
    hitaasti = "Maksuhäiriömerkinnät vähenevät hitaasti"

    def wheel(impact, ring, follows_from, valence, likelihood):
        return {"impact": impact, "ring": ring, "follows_from": follows_from,
                "valence": valence, "likelihood": likelihood}

    futures_wheel = {
        "centre": "Positiivinen luottotietorekisteri otetaan käyttöön vuonna 2024",
        "impacts": [
            wheel(nakyvat, "first", "", "neutral", "likely"),
            wheel(hylkays, "first", "", "positive", "likely"),
            wheel(oma_ote, "first", "", "positive", "possible"),
            wheel(hinnoittelu, "second", nakyvat, "neutral", "likely"),
            wheel(epavirallinen, "second", hylkays, "negative", "possible"),
            wheel(vahemman, "second", hylkays, "positive", "likely"),
            wheel(neuvonta, "second", oma_ote, "positive", "possible"),
            wheel(kalliimpi, "third", hinnoittelu, "negative", "likely"),
            wheel("Velkaa otetaan läheisiltä, ja perhesuhteet kuormittuvat", "third",
                  epavirallinen, "negative", "possible"),
            wheel(hitaasti, "third", vahemman, "positive", "possible"),
            wheel(valmennus, "third", neuvonta, "positive", "possible"),
        ],
        "cross_links": [
            f"{kalliimpi} → {epavirallinen}",
            f"{valmennus} → {hitaasti}",
        ],
        "attention_points": [
            "Rekisteri ei näe epävirallisia eikä ulkomaisia luottoja – varaudutaan niihin",
            "Rekisteriote on hyvä työväline talousvalmennukseen: opetellaan käyttämään sitä",
            "Seurataan, kasvaako lainaaminen läheisiltä",
        ],
    }

    futures_triangle = {
        "pull": [
            "Visio: yksikään nuori ei jää velkojensa kanssa yksin",
            "Hyvinvointi ymmärretään myös taloudellisena turvallisuutena",
            "Ilmiölähtöinen julkishallinto hallitusohjelmassa",
            "Nuoret haluavat hallita rahojaan ja arvostavat kohtuullisuutta",
        ],
        "push": [
            "Elinkustannusten ja vuokrien nousu",
            "Kitkaton digitaalinen luotonanto",
            "Positiivinen luottotietorekisteri ja uusi kulutusluottodirektiivi",
            "Mielenterveyspalvelujen kysynnän kasvu",
        ],
        "weight": [
            "Hallinnonalakohtaiset budjetit ja tulostavoitteet",
            "Tietosuojan tulkinnat, jotka estävät tiedon kulun",
            "Ajatus velasta yksilön vikana",
            "Järjestöjen lyhytjänteinen hankerahoitus",
        ],
        "strength": {"pull": 3, "push": 5, "weight": 4},
        "plausible_future": (
            "Ilman yhteistä toimintaa työntö voittaa: velkaantuminen kasvaa ja palvelut "
            "reagoivat myöhään, koska rakenteet pitävät ne erillään. Jos vetoa vahvistetaan ja "
            "painoa kevennetään yhdellä konkreettisella yhteisellä palvelulla, uskottava "
            "tulevaisuus vuonna 2030 on alueellinen talousavun verkosto, jossa ainakin Ohjaamo, "
            "Kela, sosiaalityö ja velkaneuvonta toimivat yhteisellä mallilla."),
        "levers": (
            "Vetoa vahvistetaan kirjoittamalla visio auki ja viemällä se organisaatioiden "
            "johtoryhmiin. Työntöä hyödynnetään: rekisteriote ja luottoarviot ovat tilaisuus "
            "ottaa raha puheeksi. Painoa kevennetään sopimalla suostumuskäytäntö tiedon "
            "jakamiseen ja pieni yhteinen kokeilubudjetti."),
    }

    reg = ("Tiukkenee selvästi", "Pysyy ennallaan",
           "Löystyy, uudet luottomuodot sääntelyn ulkopuolella")
    income = ("Paranee työllisyyden myötä", "Polkee paikallaan",
              "Heikkenee etuusleikkausten ja asumiskulujen vuoksi")
    coop = ("Yhteinen alueellinen malli", "Yksittäisiä kumppanuuksia", "Siilot säilyvät")
    digi = ("Julkinen ja järjestöjen apu sovelluksissa", "Kaupalliset sovellukset hallitsevat",
            "Apu jää kasvokkaiseksi")
    attitude = ("Velasta puhutaan avoimesti", "Velka normalisoituu huomaamatta", "Häpeä säilyy")
    futures_table = {
        "variables": [
            {"name": "Kulutusluottojen sääntely", "states": list(reg)},
            {"name": "Nuorten aikuisten toimeentulo", "states": list(income)},
            {"name": "Palvelujen yhteistyö", "states": list(coop)},
            {"name": "Digitaalinen talousapu", "states": list(digi)},
            {"name": "Asenne velkaan", "states": list(attitude)},
        ],
        "scenarios": [
            {"name": "Yhdessä ajoissa",
             "path": [reg[0], income[1], coop[0], digi[0], attitude[0]],
             "narrative": (
                 "Sääntely ja yhteinen palvelumalli tukevat toisiaan. Vaikka nuorten tulot eivät "
                 "juuri kasva, apu tavoittaa heidät ajoissa, ja rahasta puhutaan kuin "
                 "terveydestä.")},
            {"name": "Klikkauksen päässä",
             "path": [reg[2], income[2], coop[2], digi[1], attitude[1]],
             "narrative": (
                 "Uudet luottomuodot kiertävät sääntelyä, ja nuoret hoitavat raha-asiansa "
                 "kaupallisten sovellusten varassa. Palvelut kohtaavat nuoren vasta ulosotossa.")},
            {"name": "Hyvä tahto, vanhat rakenteet",
             "path": [reg[1], income[1], coop[1], digi[2], attitude[2]],
             "narrative": (
                 "Kokeiluja syntyy, mutta ne jäävät yksittäisiksi. Apua saa, jos sattuu oikeaan "
                 "paikkaan oikeaan aikaan.")},
        ],
        "consistency_flags": [
            f"{coop[0]} + {digi[2]}: yhteinen malli edellyttää yhteisiä digitaalisia kanavia",
            f"{attitude[0]} + {coop[2]}: avoin puhe vaatii, että joku myös vastaa",
            f"{reg[0]} + {digi[1]}: ristiriita, ellei sääntely ulotu sovelluksiin",
        ],
    }

    scenarios = {
        "uncertainties": [
            "Riittääkö rahoitus matalan kynnyksen talousapuun",
            "Tekevätkö palvelut yhteistyötä vai pysyvätkö ne siiloissa",
            "Miten digitaalinen luotonanto kehittyy",
            "Paraneeko nuorten aikuisten toimeentulo",
            "Muuttuuko asenne velkaan",
        ],
        "axes": [
            {"direction": "horizontal", "uncertainty": "Palvelujen yhteistyö",
             "pole_low": "Siilot säilyvät", "pole_high": "Yhteinen alueellinen malli"},
            {"direction": "vertical", "uncertainty": "Nuorten aikuisten taloudellinen "
             "liikkumavara", "pole_low": "Kiristyy", "pole_high": "Paranee"},
        ],
        "quadrants": [
            {"quadrant": "top_right", "name": "Vakaa pohja", "scenario_type": "utopia",
             "narrative": (
                 "Nuorten tulot kohenevat, ja palvelut toimivat yhdessä. Talousvalmennus on "
                 "arkipäivää Ohjaamoissa ja oppilaitoksissa, ja ylivelkaantuminen on harvinaista. "
                 "Haasteena on, ettei hyvä tilanne johda ennaltaehkäisyn karsimiseen."),
             "implications": ("Keskitytään ennaltaehkäisyyn ja talousosaamiseen; velkaneuvonta "
                              "voi keskittyä vaikeimpiin tilanteisiin."),
             "early_indicators": ["Maksuhäiriömerkintöjen määrä kääntyy laskuun",
                                  "Talousvalmennus on pysyvä palvelu Ohjaamoissa"]},
            {"quadrant": "top_left", "name": "Onnekkaat pärjäävät",
             "scenario_type": "continuation",
             "narrative": (
                 "Talous kohenee, mutta palvelut pysyvät erillään. Useimmat pärjäävät, mutta ne, "
                 "joilla on monta ongelmaa yhtä aikaa, putoavat palvelujen väliin."),
             "implications": ("Ekosysteemin pitää tehdä näkyviksi ne nuoret, jotka eivät hyödy "
                              "hyvästä suhdanteesta."),
             "early_indicators": ["Keskiarvot paranevat, mutta toistuvat asiakkaat lisääntyvät"]},
            {"quadrant": "bottom_left", "name": "Kukaan ei kysy", "scenario_type": "dystopia",
             "narrative": (
                 "Elinkustannukset nousevat, etuuksia leikataan ja palvelut puolustavat omia "
                 "budjettejaan. Velkaneuvonnan jonot venyvät kuukausiin ja järjestöjen apu "
                 "supistuu. Nuori kohtaa palvelut vasta ulosotossa."),
             "implications": ("Kokeilut lopetetaan ensimmäisinä; ekosysteemin on osoitettava "
                              "hyötynsä nopeasti."),
             "early_indicators": ["Järjestöjen rahoitusta leikataan",
                                  "Velkaneuvonnan jonot yli kolme kuukautta"]},
            {"quadrant": "bottom_right", "name": "Niukkuus yhdistää",
             "scenario_type": "upheaval",
             "narrative": (
                 "Niukkuus pakottaa palvelut yhteistyöhön: kenelläkään ei ole varaa tehdä samaa "
                 "työtä kahteen kertaan. Yhteinen ohjausmalli syntyy pakon edessä, ja järjestöt "
                 "ja viranomaiset jakavat tilat ja tiedon."),
             "implications": ("Ekosysteemin arvo näkyy tehokkuutena; on varmistettava, ettei "
                              "nuoren kohtaaminen kärsi."),
             "early_indicators": ["Hyvinvointialue ja järjestöt tekevät yhteisiä sopimuksia",
                                  "Yhteisiä vastaanottoja Ohjaamoissa"]},
        ],
        "robust_actions": [
            "Raha-asioiden puheeksiotto kaikkiin nuorten palveluihin",
            "Yhteinen suostumuskäytäntö tiedon jakamiseen",
            "Talousvalmennus sinne, missä nuoret jo ovat",
            "Seurantatieto, joka näyttää vaikutukset ja säästöt",
        ],
    }

    preferred_future = (
        "Vuonna 2030 raha-asioista puhutaan nuorten palveluissa yhtä luontevasti kuin "
        "jaksamisesta. Kun nuori asioi Kelassa, Ohjaamossa, oppilaitoksessa tai sosiaalityössä, "
        "häneltä kysytään myös raha-tilanteesta, ja apu alkaa saman päivän aikana. "
        "Talousvalmentajat, velkaneuvonta ja sosiaalityö toimivat yhteisellä mallilla, tieto "
        "kulkee nuoren luvalla, eikä kenenkään tarvitse kertoa tarinaansa kolmesti. "
        "Maksuhäiriömerkinnän saavien nuorten aikuisten määrä on kääntynyt laskuun, ja "
        "velkaantumisesta puhutaan ilman häpeää.")
    futures_frequency = {
        "what_if": [
            "Mitä jos velka olisi yhtä helppo ottaa puheeksi kuin uni tai liikunta?",
            "Mitä jos jokaisen luottopäätöksen mukana tulisi linkki apuun?",
            "Mitä jos nuoret itse suunnittelisivat talousavun palvelut?",
            "Mitä jos Kela, sosiaalityö ja velkaneuvonta jakaisivat yhden asiakassuunnitelman?",
            "Mitä jos jokaisessa Ohjaamossa olisi talousvalmentaja?",
        ],
        "assumptions": [
            {"assumption": "Nuoret eivät halua puhua rahasta viranomaisille",
             "based_on": ("Asiakastyön kokemuksiin ja häpeästä kertoviin tarinoihin – mutta "
                          "kukaan ei ole kysynyt nuorilta suoraan.")},
            {"assumption": "Tietoa ei voi jakaa organisaatioiden välillä",
             "based_on": ("Tietosuojasta on totuttu tekemään tiukkoja tulkintoja, vaikka nuoren "
                          "luvalla tieto voi kulkea.")},
            {"assumption": "Ennaltaehkäisyn hyötyjä ei voi mitata",
             "based_on": ("Vaikutukset näkyvät vasta vuosien päästä, mutta välituloksia voi "
                          "seurata jo nyt.")},
        ],
        "preferred_year": 2030,
        "preferred_future": preferred_future,
        "first_steps": [
            {"action": "Kokeillaan talousvalmentajaa Järvilinnan Ohjaamossa", "owner": TUOMAS,
             "due": "2023-12-13"},
            {"action": "Kutsutaan kaksi nuorta mukaan kokeilun suunnitteluun", "owner": ELINA,
             "due": "2023-12-08"},
            {"action": "Selvitetään suostumuskäytäntö tiedon jakamiseen Kelan ja "
             "hyvinvointialueen välillä", "owner": SANNA, "due": "2024-01-10"},
        ],
    }

    milestones = [
        {"year": 2030, "milestone": "Malli on käytössä neljällä hyvinvointialueella"},
        {"year": 2028, "milestone": "Talousvalmennus on hyvinvointialueen palveluvalikoimassa ja "
                                    "talousarviossa"},
        {"year": 2026, "milestone": "Yhteinen ohjausmalli ja suostumuskäytäntö ovat käytössä "
                                    "koko Järvimaassa"},
        {"year": 2025, "milestone": "Kokeilu on laajentunut alueen kaikkiin Ohjaamoihin ja "
                                    "kahteen oppilaitokseen"},
        {"year": 2024, "milestone": "Ensimmäinen kokeilu Järvilinnan Ohjaamossa on arvioitu ja "
                                    "jatkosta päätetty"},
    ]

    def act(milestone, action, owner):
        return {"milestone": milestone, "action": action, "owner": owner}

    backcasting = {
        "vision_year": 2030,
        "end_state": (
            "On vuosi 2030. Järvimaan kaikissa nuorten palveluissa kysytään raha-tilanteesta, ja "
            "talousvalmennus on hyvinvointialueen pysyvä palvelu, jota säätiö tuottaa "
            "sopimuksella. Kela, sosiaalityö, Ohjaamot ja velkaneuvonta käyttävät yhteistä "
            "ohjausmallia ja suostumuskäytäntöä. Nuoret hakevat apua selvästi aiemmin kuin "
            "vuonna 2023, ja maksuhäiriömerkinnän saavien 18–29-vuotiaiden määrä alueella on "
            "laskenut. Malli on levinnyt kolmelle muulle hyvinvointialueelle."),
        "changes_achieved": [
            "Raha-asioiden puheeksiotto on rutiinia kaikissa nuorten palveluissa",
            "Talousvalmennuksella on pysyvä rahoitus",
            "Tieto kulkee nuoren luvalla organisaatioiden välillä",
        ],
        "milestones": milestones,
        "actions": [
            act("2024: ensimmäinen kokeilu", "Talousvalmentajan kokeilu Ohjaamossa "
                "joulu–tammikuussa", SAATIO),
            act("2024: ensimmäinen kokeilu", "Kokeilun mittarit ja tiedonkeruu", VK),
            act("2025: laajennus", "Palveluneuvojien ja sosiaalityöntekijöiden koulutus "
                "puheeksiottoon", f"{KELA} ja {HVA}"),
            act("2026: yhteinen ohjausmalli", "Suostumuskäytännön tietosuojaselvitys ja "
                "käyttöönotto", OM),
            act("2028: pysyvä rahoitus", "Ostopalvelusopimus talousvalmennuksesta", HVA),
            act("2030: neljä hyvinvointialuetta", "Kokemusten levitys muille "
                "hyvinvointialueille", f"{OM} ja STM"),
        ],
        "obstacles": [
            "Hyvinvointialueen talouden sopeutus",
            "Tietosuojan tulkinnat",
            "Järjestörahoituksen leikkaukset",
            "Hallinnonalojen erilliset tulostavoitteet",
        ],
        "resources": [
            "Viiden organisaation sitoutunut tiimi",
            "Ohjaamon valmius antaa tilat",
            "Säätiön valmennusosaaminen ja vertaistuki",
            "Velkaneuvonnan lakisääteinen palvelu",
        ],
    }

    six_pillars = {
        "past": (
            "Ylivelkaantuminen on ollut Suomessa julkinen kysymys ainakin 1990-luvun laman "
            "velkaongelmista lähtien. 2000-luvulla tekstiviestivipit toivat pikaluotot nuorten "
            "arkeen, ja sääntelyä on kiristetty useaan kertaan. 2010-luvulla luotonanto siirtyi "
            "verkkoon ja sovelluksiin, ja vuonna 2022 alkanut kustannusten nousu kiristi nuorten "
            "aikuisten taloutta entisestään."),
        "forecast": (
            "Jos mikään ei muutu, maksuhäiriöiset nuoret aikuiset lisääntyvät, velkaneuvonnan "
            "jonot pitenevät ja apu tulee edelleen vasta perinnässä. Velkaantuminen siirtyy "
            "uusiin, vaikeammin näkyviin muotoihin."),
        "assumptions": (
            "Oletamme, että nuoret eivät halua apua viranomaisilta, että tietoa ei voi jakaa ja "
            "että velkaantuminen on yksilön ongelma. Kaikki kolme voivat olla toisin."),
        "alternatives": (
            "Nelikentän skenaariot Vakaa pohja, Onnekkaat pärjäävät, Kukaan ei kysy ja Niukkuus "
            "yhdistää sekä tulevaisuustaulukon polut Yhdessä ajoissa, Klikkauksen päässä ja "
            "Hyvä tahto, vanhat rakenteet."),
        "preferred": (
            "Vuonna 2030 yksikään nuori ei jää velkojensa kanssa yksin: raha-asiat otetaan "
            "puheeksi kaikissa nuorten palveluissa, ja apu alkaa yhdellä yhteydenotolla."),
        "how": (
            "2030 malli neljällä hyvinvointialueella ← 2028 pysyvä rahoitus ← 2026 yhteinen "
            "ohjausmalli ← 2025 kokeilu laajenee ← 2024 ensimmäinen kokeilu arvioitu. "
            "Ensimmäinen askel: talousvalmentaja Järvilinnan Ohjaamoon joulukuussa 2023."),
        "new_metaphor": "Monta ovea, yksi talo – mistä tahansa ovesta tulee sisään, pääsee apuun",
    }

    actors_needed = [
        {"name": OHJAAMO, "ring": "partner", "contribution": "Tila ja nuorten luottamus"},
        {"name": VELKA, "ring": "partner",
         "contribution": "Velkojen ratkaiseminen ja pikavastaanotot"},
        {"name": HVA, "ring": "core", "contribution": "Pysyvä rahoitus ja sosiaalityön kytkentä"},
        {"name": KELA, "ring": "core", "contribution": "Raha-asioiden puheeksiotto "
                                                       "palvelukeskusteluissa"},
        {"name": NUORET, "ring": "partner",
         "contribution": "Kokemustieto ja palvelujen yhteissuunnittelu"},
        {"name": STM, "ring": "environment",
         "contribution": "Valtakunnallinen linjaus ja rahoitus levitykseen"},
        {"name": LUOTTO, "ring": "environment",
         "contribution": "Avun linkki luottopäätöksiin ja perintäkirjeisiin"},
    ]
    vision_draft = {
        "future_image": preferred_future,
        "vision": "Nuorten ylivelkaantuminen vähenee yhteistyöllä.",
        "actors_needed": actors_needed[:4],
    }
    vision = {
        "future_image": preferred_future,
        "vision": VISION,
        "vision_year": 2030,
        "goals": [
            "Raha-asioiden puheeksiotto on rutiinia kaikissa nuorten palveluissa",
            "Talousvalmennus on saatavilla jokaisessa alueen Ohjaamossa",
            "Nuoret hakevat apua aiemmin kuin vuonna 2023",
            "Maksuhäiriömerkinnän saavien nuorten aikuisten määrä laskee",
        ],
        "actors_needed": actors_needed,
        "next_step": "Kutsutaan Ohjaamo ja velkaneuvonta kokeilun suunnitteluun 11.12.",
    }

    day = "2023-11-20"
    return {
        "s2_megatrends": [rev(LAURA, f"{day} 10:50", megatrends)],
        "s2_megatrend_cards": [rev(MIKKO, f"{day} 11:05", megatrend_cards)],
        "s2_megatrend_radar": [rev(SANNA, f"{day} 11:20", radar)],
        "s2_pestel": [rev(ELINA, f"{day} 11:35", pestel)],
        "s2_weak_signals": [rev(TUOMAS, f"{day} 11:50", weak_signals)],
        "s2_futures_wheel": [rev(LAURA, f"{day} 12:05", futures_wheel)],
        "s2_futures_triangle": [rev(SANNA, f"{day} 12:20", futures_triangle)],
        "s2_futures_table": [rev(MIKKO, f"{day} 12:35", futures_table)],
        "s2_scenarios_2x2": [rev(ELINA, f"{day} 12:50", scenarios)],
        "s2_futures_frequency": [rev(TUOMAS, f"{day} 13:05", futures_frequency)],
        "s2_backcasting": [rev(LAURA, f"{day} 13:20", backcasting)],
        "s2_six_pillars": [rev(MIKKO, f"{day} 13:35", six_pillars)],
        "s2_vision": [rev(SANNA, f"{day} 13:45", vision_draft),
                      rev(MIKKO, f"{day} 13:58", vision)],
    }


# =============================================================================================
# Homework h2 · before 8.12.2023
# =============================================================================================
def homework2() -> dict[str, list[Rev]]:
    def obs(member, megatrend, observation, source, kind, distance):
        return {"member": member, "megatrend": megatrend, "observation": observation,
                "source": source, "type": kind, "distance": distance}

    observations = {
        "observations": [
            obs(LAURA, "economy", "Tieto nuorten velkaantumisesta on hajallaan useassa lähteessä, "
                "eikä yhdestäkään näe, mitä palveluja nuoret ovat käyttäneet.",
                "Oma tietokooste marraskuu 2023", "research", "close"),
            obs(LAURA, "technology", "Pankkisovellus tarjosi joustoerää joululahjoihin kolme "
                "kertaa saman viikon aikana.", "Oma pankkisovellus", "everyday", "close"),
            obs(MIKKO, "technology", "EU:n uusi kulutusluottodirektiivi tuo myös osta nyt, maksa "
                "myöhemmin -palvelut sääntelyn piiriin.", "EU:n virallinen lehti", "news",
                "middle"),
            obs(MIKKO, "power", "Somekeskustelussa pikavipit nähdään markkinoiden eikä nuorten "
                "ongelmana – vaaditaan kieltoja, ei apua.", "X ja Instagram", "social_media",
                "middle"),
            obs(SANNA, "people", "Nuoret asioivat Kelassa yhä useammin chatissa; rahahuolet "
                "tulevat esiin vasta pitkän keskustelun lopussa.", "Kelan chat-palvelu",
                "service", "close"),
            obs(SANNA, "economy", "Moni nuori asumistuen hakija kertoo vuokran vievän yli puolet "
                "tuloista.", "Kelan palveluneuvojien havainnot", "service", "close"),
            obs(ELINA, "people", "Lähes jokaisella sosiaalityön uudella nuorella asiakkaalla on "
                "velkoja, mutta niitä ei kirjata rakenteisesti.", "Aikuissosiaalityön "
                "tiimipalaveri", "service", "close"),
            obs(ELINA, "nature", "Vaatelainaamot ja kirppisovellukset keventävät nuorten "
                "kulutuspaineita.", "Oma havainto", "everyday", "far"),
            obs(TUOMAS, "technology", "Säätiön chatissa kysytään yhä useammin kryptovaluutoista "
                "ja niiden vuoksi otetuista lainoista.", "Säätiön chat-tilastot", "service",
                "middle"),
            obs(TUOMAS, "people", "Vertaistukiryhmän nuorten mukaan velasta on helpompi puhua "
                "toiselle nuorelle kuin ammattilaiselle.", "Vertaistukiryhmä 28.11.2023",
                "everyday", "close"),
        ],
        "to_discuss": [
            "Miksi rahahuolet tulevat esiin vasta keskustelun lopussa – voisiko kysyä heti alussa?",
            "Miten vertaisten rooli saadaan mukaan kokeiluun?",
            "Kuka päättää velkojen rakenteisesta kirjaamisesta sosiaalityössä?",
        ],
    }

    milestones = [
        {"year": 2030, "milestone": "Malli on käytössä neljällä hyvinvointialueella"},
        {"year": 2026, "milestone": "Yhteinen ohjausmalli on käytössä koko Järvimaassa"},
        {"year": 2024, "milestone": "Ensimmäinen kokeilu on arvioitu ja jatkosta päätetty"},
    ]
    preferred_draft = {
        "year": 2030,
        "headline": "Kukaan ei jää velkojensa kanssa yksin",
        "description": ("Raha-asiat otetaan puheeksi nuorten palveluissa, ja apua saa "
                        "yhdestä paikasta."),
        "milestones": milestones,
        "first_steps": [{"step": "Kokeilu Ohjaamossa", "owner": TUOMAS, "due": None}],
    }
    preferred_better = {
        **preferred_draft,
        "headline": "Apu alkaa siitä ovesta, josta nuori tulee sisään",
        "description": (
            "Vuonna 2030 raha-asioista kysytään kaikissa nuorten palveluissa yhtä luontevasti "
            "kuin jaksamisesta. Apu alkaa saman päivän aikana, tieto kulkee nuoren luvalla, ja "
            "talousvalmennus on pysyvä osa hyvinvointialueen palveluja. Nuoret ovat mukana "
            "suunnittelemassa palveluja, ja velasta puhutaan ilman häpeää."),
        "signs_of_success": [
            "Nuori saa talousapua samana päivänä, kun ottaa asian puheeksi",
            "Ammattilaiset kysyvät raha-tilanteesta rutiinisti",
            "Talousvalmennuksella on pysyvä rahoitus",
        ],
    }
    preferred = {
        **preferred_better,
        "description": preferred_better["description"] + (
            " Maksuhäiriömerkinnän saavien 18–29-vuotiaiden määrä alueella on kääntynyt "
            "laskuun, ja malli on levinnyt Järvimaasta kolmelle muulle hyvinvointialueelle."),
        "signs_of_success": preferred_better["signs_of_success"] + [
            "Nuoret ovat mukana palvelujen kehittämisessä",
            "Maksuhäiriömerkinnän saavien nuorten aikuisten määrä laskee",
        ],
        "milestones": [
            milestones[0],
            {"year": 2028, "milestone": "Talousvalmennus on hyvinvointialueen talousarviossa"},
            milestones[1],
            {"year": 2025, "milestone": "Kokeilu on laajentunut kaikkiin alueen Ohjaamoihin"},
            milestones[2],
        ],
        "first_steps": [
            {"step": "Talousvalmentajan kokeilu Järvilinnan Ohjaamossa", "owner": TUOMAS,
             "due": "2023-12-13"},
            {"step": "Kokeilun mittarit ja seurantalomake", "owner": LAURA, "due": "2023-12-11"},
            {"step": "Kelan palveluneuvojille ohje ohjata nuoret Ohjaamoon", "owner": SANNA,
             "due": "2023-12-15"},
            {"step": "Kaksi nuorta kommentoimaan kokeilun alkua", "owner": ELINA,
             "due": "2023-12-20"},
        ],
        "actors_needed": [OHJAAMO, VELKA, "Järvimaan hyvinvointialueen johto", STM, NUORET,
                          "Luotonantajat"],
    }

    first = meeting(
        "2023-11-28", EVERYONE,
        "Kävimme läpi megatrendihavainnot ja veimme ne tutkaan. Laura luonnosteli toivottavan "
        "tulevaisuuden; Elina ja Mikko viimeistelevät sen 7.12. mennessä. Ehdotamme kokeiluksi "
        "talousvalmentajaa Ohjaamoon.",
        "Ehtiikö kokeilu käynnistyä ennen joulua?")
    second = meeting(
        "2023-12-05", f"{MIKKO}, {SANNA}, {ELINA}, {TUOMAS}; Ohjaamon palvelukoordinaattori",
        f"Kokeilu \"{PILOT}\" alkaa 13.12. Ohjaamossa keskiviikkoisin ja torstaisin klo 12–16. "
        "Säätiö antaa valmentajan, Ohjaamo tilan ja velkaneuvonta kaksi pikavastaanottoaikaa "
        "viikossa. Laura tekee seurantalomakkeen 11.12. mennessä.",
        "Miten Kelan palveluneuvojat ohjaavat nuoria, kun suostumuskäytäntö ei ole valmis? "
        "Pidetäänkö vastaanotto auki joulun ja uudenvuoden välillä?")

    return {
        "h2_megatrend_observations": [rev(TUOMAS, "2023-12-01 09:30", observations)],
        "h2_preferred_future": [rev(LAURA, "2023-11-28 13:40", preferred_draft),
                                rev(ELINA, "2023-12-05 14:15", preferred_better),
                                rev(MIKKO, "2023-12-07 08:50", preferred)],
        "h2_team_meeting": [rev(SANNA, "2023-12-05 13:50", {"meetings": [first, second]})],
    }


# =============================================================================================
# Session 3 · 11.12.2023 klo 12.30–16 (10:30–14:00 UTC): the experiment
# =============================================================================================
def session3() -> dict[str, list[Rev]]:
    what_is = {
        "idea": ("Talousvalmentaja päivystää Järvilinnan Ohjaamossa kahtena päivänä viikossa ja "
                 "auttaa nuoria raha-asioissa ilman ajanvarausta."),
        "criteria_met": ["new", "concrete", "bounded"],
        "what_is_new": (
            "Emme tiedä, ottavatko nuoret raha-asiat puheeksi, kun apu on tarjolla tutussa "
            "paikassa ilman ajanvarausta, ja ohjaavatko Kelan ja sosiaalityön ammattilaiset "
            "nuoria sinne. Nyt talousapu on erillinen palvelu, johon nuoren pitää itse hakeutua."),
        "setting": (
            "Järvilinnan Ohjaamo, 18–29-vuotiaat, 13.12.2023–5.1.2024 (neljä viikkoa), "
            "keskiviikkoisin ja torstaisin klo 12–16. Mukana Talouskuntoon-säätiö, Ohjaamo, "
            "oikeusaputoimiston velkaneuvonta, Kela ja Järvimaan hyvinvointialue."),
        "learning_goal": (
            "Haluamme tietää, tavoittaako matalan kynnyksen valmennus nuoria aiemmin kuin "
            "nykyiset palvelut, mitkä ohjausreitit toimivat ja mitä yhteistyö vaatii kultakin "
            "organisaatiolta. Tieto tukee hyvinvointialueen päätöstä talousvalmennuksen jatkosta."),
        "reflection": (
            "Kokeilu osuu joulun aikaan, jolloin Ohjaamossa on hiljaista. Kelan ohjaus ilman "
            "valmista suostumuskäytäntöä mietityttää. Sovimme, että neljä viikkoa on ensimmäinen "
            "kierros ja jatkosta päätetään sadonkorjuussa 10.1."),
    }

    plan = {
        "name": PILOT,
        "goal": (
            "Tuodaan talousapu sinne, missä nuoret jo asioivat, ja selvitetään, hakevatko nuoret "
            "apua aiemmin, kun kynnys on matala. Ilmiön kannalta tärkeää on katkaista kierre "
            "ennen maksuhäiriömerkintää ja ulosottoa."),
        "partners": [
            f"{SAATIO} (talousvalmentaja)",
            f"{OHJAAMO} (tila ja ohjaus)",
            f"{VELKA} (pikavastaanotot)",
            f"{KELA} (ohjaus palvelukeskusteluista)",
            f"{HVA} (sosiaalityön ohjaus)",
            f"{VK} (seuranta)",
        ],
        "first_steps": [
            {"step": "Valmentajan vastaanottoajat ja Ohjaamon tilavaraus", "owner": TUOMAS,
             "due": "2023-12-12"},
            {"step": "Seurantalomake ja mittarit", "owner": LAURA, "due": "2023-12-12"},
            {"step": "Tiedote Kelan palveluneuvojille ja sosiaalityöntekijöille", "owner": SANNA,
             "due": "2023-12-13"},
            {"step": "Ilmoitus Ohjaamon somekanaviin", "owner": ELINA, "due": "2023-12-13"},
            {"step": "Velkaneuvonnan pikavastaanottoajat nuorille", "owner": MIKKO,
             "due": "2023-12-14"},
        ],
        "obstacles": [
            {"obstacle": "Joulunaika – kävijöitä voi olla vähän", "support_from": OHJAAMO},
            {"obstacle": "Kelan ohjaus ilman valmista suostumuskäytäntöä",
             "support_from": "Kelan tietosuojavastaava"},
            {"obstacle": "Valmentajan työaika on säätiön hankkeesta",
             "support_from": "Säätiön johto"},
        ],
        "follow_up": (
            "Valmentaja kirjaa jokaisesta keskustelusta anonyymisti ikäryhmän, ohjausreitin "
            "(itse, Ohjaamo, Kela, sosiaalityö), velkojen vaiheen (ei perinnässä / perinnässä / "
            "ulosotossa) ja jatkon. Laura koostaa tiedot viikoittain, ja tiimi käy ne läpi "
            "perjantaisin 15 minuutissa. Lisäksi nuorilta kysytään kolme palautekysymystä."),
        "decision_date": "2024-01-10",
    }

    def assumption(category, text, importance, evidence):
        return {"category": category, "text": text, "importance": importance,
                "evidence": evidence}

    riskiest = "Nuoret ottavat raha-asiat puheeksi, kun apu on Ohjaamossa ilman ajanvarausta"
    assumptions = {
        "assumptions": [
            assumption("people", riskiest, 5, 2),
            assumption("people", "Kelan palveluneuvojat ja sosiaalityöntekijät ohjaavat nuoria "
                       "valmentajalle", 4, 2),
            assumption("solution", "Yksi valmennuskeskustelu riittää alkuun, kun jatkoon on "
                       "varattu aika", 3, 3),
            assumption("solution", "Velkaneuvonnan pikavastaanotto ottaa vastaan nuoret, joiden "
                       "velat ovat jo perinnässä", 3, 4),
            assumption("impact", "Aiemmin saatu apu estää velkojen etenemisen ulosottoon", 5, 3),
            assumption("resources", "Säätiö pystyy irrottamaan valmentajan kahdeksi päiväksi "
                       "viikossa", 4, 4),
            assumption("resources", "Ohjaamon tilat riittävät luottamukselliseen keskusteluun",
                       3, 3),
        ],
        "riskiest": riskiest,
        "we_believe": (
            "Uskomme, että kun talousvalmentaja on Ohjaamossa kahtena päivänä viikossa ilman "
            "ajanvarausta, nuoret aikuiset ottavat raha-asiansa puheeksi ja sopivat jatkosta – "
            "myös ne, joiden velat eivät vielä ole perinnässä tai ulosotossa."),
        "we_will_know_when": (
            "Neljän viikon aikana vähintään 20 nuorta käy valmennuskeskustelussa, vähintään 10 "
            "sopii jatkotapaamisen, ja vähintään puolella velat eivät vielä ole ulosotossa."),
        "method": (
            "Valmentaja kirjaa jokaisen keskustelun anonyymisti seurantalomakkeelle. Velkojen "
            "vaihetta verrataan velkaneuvonnan nuorten asiakkaiden tilanteeseen. Lisäksi "
            "nuorilta kysytään kolme palautekysymystä."),
        "test_until": "2024-01-05",
        "control_group": (f"{VELKA}: 18–29-vuotiaat asiakkaat loka–marraskuussa 2023 "
                          "(velkojen vaihe ensikäynnillä)"),
    }

    hypothesis = "Nuoret tulevat valmentajalle ilman ajanvarausta"
    cycle_draft = {
        "experiment": PILOT,
        "cycles": [
            {"cycle_no": 1, "phase": "prepare", "started": "2023-12-05", "ended": None,
             "hypothesis": hypothesis,
             "notes": "Kumppanit ovat sitoutuneet; seurantalomake on tekeillä."},
        ],
        "next_change": "Päätetään kierroksen lopussa 5.1.",
    }
    cycle = {
        "experiment": PILOT,
        "cycles": [
            {"cycle_no": 1, "phase": "analyse", "started": "2023-12-05", "ended": "2024-01-05",
             "hypothesis": hypothesis,
             "notes": (
                 "17 keskustelua ja 9 jatkoaikaa. Kävijöitä tuli odotettua vähemmän joulun "
                 "vuoksi, mutta useimmat tulivat ajoissa: 11/17 velat eivät vielä olleet "
                 "ulosotossa. Kelan ohjaus käynnistyi vasta viimeisellä viikolla.")},
            {"cycle_no": 2, "phase": "plan", "started": "2024-01-08", "ended": None,
             "hypothesis": "Kelan palveluneuvojien suora ajanvaraus lisää ohjattuja nuoria",
             "notes": "Toinen kierros 15.1.–29.3.2024, mukaan Kelan ohjaus ja ammattiopisto."},
        ],
        "next_change": (
            "Toisella kierroksella Kelan palveluneuvojat varaavat nuorelle ajan suoraan "
            "valmentajalle. Valmentaja käy lisäksi ammattiopistolla kerran viikossa. "
            "Seurantaan lisätään kysymys siitä, mistä nuori kuuli palvelusta, ja päämittariksi "
            "nostetaan velkojen vaihe tullessa."),
    }

    learnings_draft = [
        {"learning": ("Ohjaamon työntekijät tunnistavat nuorten rahahuolet, mutta eivät tiedä, "
                      "minne ohjata."),
         "loop": "single", "experiment": PILOT,
         "consequence": "Ohjaamolle lyhyt ohjauskortti"},
        {"learning": ("Kokeilu voi alkaa ilman valmista suostumuskäytäntöä, kun nuori itse vie "
                      "tiedon mukanaan."),
         "loop": "double", "experiment": PILOT,
         "consequence": "Emme odota täydellistä tietojärjestelmäratkaisua"},
        {"learning": "Suunnittelimme palvelua nuorille kysymättä nuorilta itseltään.",
         "loop": "triple", "experiment": PILOT,
         "consequence": "Nuoret mukaan jokaiselle kierrokselle"},
    ]
    loops_draft = {
        "learnings": learnings_draft,
        "questioned_assumptions": [
            "Nuoret eivät halua puhua rahasta viranomaisille",
            "Tietoa ei voi jakaa ennen kuin suostumuskäytäntö on valmis",
        ],
        "how_we_learn": ("Perjantaisin 15 minuutin oppikatsaus Teamsissa, ja opit kirjataan "
                         "kokeilupäiväkirjaan."),
    }
    loops = {
        "learnings": learnings_draft + [
            {"learning": ("Joulunaika oli huono ajankohta: kävijöitä oli vähän, mutta ne, jotka "
                          "tulivat, tulivat ajoissa."),
             "loop": "single", "experiment": PILOT,
             "consequence": "Toinen kierros arkikaudella"},
            {"learning": ("Kävijämäärä oli väärä päämittari: tärkeämpää on, missä vaiheessa "
                          "velkoja nuori tulee."),
             "loop": "double", "experiment": PILOT,
             "consequence": "Päämittariksi velkojen vaihe tullessa"},
            {"learning": ("Kelan palveluneuvojat eivät ohjanneet ketään, koska tiedote hukkui "
                          "kiireeseen; lyhyt etäinfo toi ensimmäisen ohjauksen."),
             "loop": "single", "experiment": PILOT,
             "consequence": "Kelaan lyhyt koulutus ja suora ajanvaraus"},
        ],
        "questioned_assumptions": loops_draft["questioned_assumptions"] + [
            "Onnistumisen mittari on kävijämäärä",
            "Tiedote riittää ohjauksen käynnistämiseen",
        ],
        "how_we_learn": (
            "Perjantain 15 minuutin oppikatsaus toimii. Lisäämme kierroksen loppuun yhteisen "
            "jälkiarvioinnin, johon kutsutaan myös Ohjaamon työntekijät ja kaksi nuorta. "
            "Valtiokonttori koostaa opit kuukausittain kaikkien kumppanien luettavaksi."),
    }

    scaling = {
        "experiment": PILOT,
        "scaling_types": ["out", "deep"],
        "scaling_form": "practice",
        "target_actors": [
            "Järvimaan muut Ohjaamot (3)",
            OPISTO,
            "Kelan nuorten palveluneuvojat",
            "Hyvinvointialueen aikuissosiaalityön tiimit",
        ],
        "barriers": [
            "Valmennuksen rahoitus kokeilun jälkeen",
            "Ohjaamoiden erilaiset tilat ja aukioloajat",
            "Kelan ohjeet, jotka rajaavat ohjausta järjestöjen palveluihin",
            "Ammattilaisten kiire",
        ],
        "decision": "continue",
        "rationale": (
            "Kokeilu on vasta alkamassa, joten skaalaamme ensin käytäntöä: raha-asioiden "
            "puheeksioton ja matalan kynnyksen valmennuksen tapaa, emme valmista palvelua. Jos "
            "ensimmäinen kierros näyttää, että nuoret tulevat ajoissa, laajennamme toisella "
            "kierroksella ammattiopistoon ja muihin Ohjaamoihin (laajemmalle) ja viemme "
            "kokemukset ammattilaisten koulutukseen (syvemmälle). Rakenteisiin (ylöspäin) "
            "tähdätään vasta, kun näyttöä on kahdelta kierrokselta."),
    }

    portfolio = {
        "shared_goal": ("Nuoret aikuiset saavat apua raha-asioihinsa ennen kuin velat päätyvät "
                        "perintään tai ulosottoon."),
        "experiments": [
            {"name": PILOT, "owner": f"{SAATIO} ja {OHJAAMO}",
             "purposes": ["learning_place", "participation"], "phase": "prepare",
             "decision": None},
            {"name": "Raha puheeksi Kelan palvelukeskustelussa", "owner": KELA,
             "purposes": ["structure_challenger", "learning_place"], "phase": "plan",
             "decision": None},
            {"name": "Velkaneuvonnan chat-ajanvaraus nuorille", "owner": VELKA,
             "purposes": ["learning_place"], "phase": "identify", "decision": None},
            {"name": "Talousosaamisen työpaja ammattiopistossa", "owner": f"{SAATIO} ja {OPISTO}",
             "purposes": ["participation", "public_debate"], "phase": "plan", "decision": None},
            {"name": "Velkatiedon rakenteinen kirjaaminen sosiaalityössä", "owner": HVA,
             "purposes": ["management_tool", "structure_challenger"], "phase": "identify",
             "decision": None},
        ],
        "gaps": [
            "Kukaan ei kokeile yhteistyötä luotonantajien kanssa",
            "Nuorten oma kehittäjärooli puuttuu kaikista kokeiluista",
            "Kaksi kokeilua tavoittelee samoja ammattiopiston nuoria – sovitaan yhteinen aikataulu",
        ],
        "learning_sharing": (
            "Kokeilujen vastuuhenkilöt kokoontuvat kerran kuussa 45 minuutin oppikatsaukseen, "
            "jota Valtiokonttori fasilitoi. Opit kirjataan yhteiseen kokeilupäiväkirjaan, ja "
            "sadonkorjuussa 10.1. käydään läpi kaikkien kokeilujen tilanne."),
    }

    mve = {
        "value_proposition": ("Nuori saa talousapua samassa paikassa, jossa hän jo asioi, ennen "
                              "kuin velat ovat perinnässä."),
        "essential_actors": [
            {"name": SAATIO, "activity": "Antaa talousvalmentajan kahdeksi päiväksi viikossa",
             "ring": "core", "ready": True},
            {"name": OHJAAMO, "activity": "Tarjoaa tilan ja ohjaa asiakkaitaan valmentajalle",
             "ring": "partner", "ready": True},
            {"name": VELKA, "activity": "Ottaa vastaan nuoret, joiden velat ovat jo perinnässä",
             "ring": "partner", "ready": True},
            {"name": VK, "activity": "Kokoaa seurantatiedon viikoittain", "ring": "core",
             "ready": True},
            {"name": NUORET, "activity": "Tulevat paikalle ja kertovat, mikä auttoi",
             "ring": "partner", "ready": False},
        ],
        "can_wait": [
            "Kela (suora ohjaus toisella kierroksella)",
            "Järvimaan hyvinvointialueen sosiaalityö",
            OPISTO,
            DIAKONIA,
            "Luotonantajat",
        ],
        "first_evidence": (
            "Neljän viikon seurantatiedot: kuinka moni nuori tuli, missä vaiheessa velkoja ja "
            "mistä hän kuuli palvelusta. Lisäksi nuorten palautteet ja yksi tarina, jonka nuori "
            "antaa luvan kertoa. Kun hyvinvointialue ja Kela näkevät, että nuoret tulevat "
            "ajoissa, niitä on helpompi pyytää mukaan toiselle kierrokselle."),
        "risks": (
            "Nuoret eivät löydä palvelua joulun aikaan. Säätiön hankerahoitus kattaa valmentajan "
            "vain maaliskuun loppuun. Kela ja sosiaalityö voivat kokea jääneensä sivuun, jos "
            "heitä ei pidetä ajan tasalla."),
    }

    day = "2023-12-11"
    return {
        "s3_what_is_experiment": [rev(ELINA, f"{day} 10:45", what_is)],
        "s3_experiment_plan": [rev(TUOMAS, f"{day} 11:00", plan),
                               # the decision is filled in on the decision date (Session 4)
                               rev(ELINA, "2024-01-10 12:40", {**plan, "decision": "continue"})],
        "s3_assumptions": [rev(MIKKO, f"{day} 11:20", assumptions)],
        "s3_experiment_cycle": [rev(LAURA, f"{day} 11:35", cycle_draft),
                                rev(LAURA, "2024-01-08 09:00", cycle)],
        "s3_learning_loops": [rev(SANNA, f"{day} 11:50", loops_draft),
                              rev(SANNA, "2024-01-10 10:40", loops)],
        "s3_scaling": [rev(ELINA, f"{day} 12:10", scaling)],
        "s3_portfolio": [rev(MIKKO, f"{day} 12:30", portfolio)],
        "s3_mve": [rev(TUOMAS, f"{day} 12:50", mve)],
    }


# =============================================================================================
# Homework h3 · before 8.1.2024: the experiment runs
# =============================================================================================
def homework3() -> dict[str, list[Rev]]:
    entries = [
        {"date": "2023-12-14",
         "what_happened": (
             "Kaksi ensimmäistä vastaanottopäivää (13. ja 14.12.). Valmentaja istui pienessä "
             "neuvotteluhuoneessa Ohjaamon aulan vieressä, ovessa kyltti \"Raha-asiat? Tule "
             "juttelemaan\"."),
         "data": ("5 keskustelua: 3 nuorta tuli itse aulasta, 2 Ohjaamon ohjaajan kautta. "
                  "4/5:llä velat eivät vielä olleet ulosotossa."),
         "surprises": "Kaksi nuorta tuli kaverin kanssa – kaveri rohkaisi tulemaan."},
        {"date": "2023-12-21",
         "what_happened": ("Toinen viikko. Ohjaamon joulutapahtuma toi paljon väkeä, ja "
                           "valmentaja kiersi aulassa juttelemassa."),
         "data": ("6 keskustelua (yhteensä 11), 6 jatkoaikaa sovittu. Yksi ohjaus velkaneuvonnan "
                  "pikavastaanotolle."),
         "surprises": "Kelasta ei ole ohjattu ketään: tiedote ei ollut tavoittanut "
                      "palveluneuvojia."},
        {"date": "2023-12-28",
         "what_happened": "Välipäivät: Ohjaamo oli auki vain torstaina.",
         "data": "1 keskustelu (yhteensä 12).",
         "surprises": ("Nuori oli saanut perintäkirjeen joululahjoista – osamaksu oli "
                       "tuntunut ilmaiselta.")},
        {"date": "2024-01-04",
         "what_happened": ("Neljäs viikko. Kelan palveluneuvojille pidettiin 15 minuutin "
                           "etäinfo 2.1."),
         "data": ("5 keskustelua (yhteensä 17), 9 jatkoaikaa ja 2 ohjausta velkaneuvontaan. "
                  "Ohjaamon ohjaajat ohjasivat 5 nuorta, Kela 1. 11/17:llä velat eivät vielä "
                  "olleet ulosotossa. Palaute: 14/15 vastanneesta suosittelisi kaverille."),
         "surprises": "Tärkein syy tulla: \"ei tarvinnut varata aikaa eikä selittää miksi\"."},
    ]

    result = {
        "hypothesis": (
            "Kun talousvalmentaja on Ohjaamossa kahtena päivänä viikossa ilman ajanvarausta, "
            "nuoret ottavat raha-asiansa puheeksi. Mittari: neljässä viikossa vähintään 20 "
            "keskustelua, vähintään 10 jatkotapaamista ja vähintään puolella velat eivät vielä "
            "ulosotossa."),
        "result": "inconclusive",
        "evidence": (
            "Keskusteluja oli 17 (tavoite 20) ja jatkotapaamisia 9 (tavoite 10), mutta 11/17 "
            "nuorta tuli ennen ulosottoa (tavoite yli puolet). Yksi neljästä viikosta oli "
            "välipäiviä, jolloin Ohjaamo oli lähes kiinni, ja Kelan ohjaus käynnistyi vasta "
            "viimeisellä viikolla. Määrätavoite jäi hieman vajaaksi, aikaisuutta koskeva "
            "tavoite täyttyi selvästi."),
        "learning": (
            "Matalan kynnyksen paikka tavoittaa nuoria ajoissa – juuri sitä nykyiset palvelut "
            "eivät tee. Ohjaus muista palveluista ei sen sijaan käynnisty tiedotteella: se "
            "vaatii lyhyen koulutuksen ja suoran ajanvarauksen. Kävijämäärä ei ole oikea "
            "päämittari; tärkeämpää on, missä vaiheessa velkoja nuori tulee."),
        "loop": "double",
        "next_step": "continue",
        "scaling_draft": (
            "Toinen kierros tammi–maaliskuussa arkikaudella: valmentaja Ohjaamossa kahtena "
            "päivänä ja ammattiopistolla yhtenä päivänä viikossa, ja Kelan palveluneuvojat "
            "varaavat ajan suoraan. Jos aikainen tavoittaminen toistuu, esitetään "
            "hyvinvointialueelle talousvalmennuksen ostopalvelua ja mallin levittämistä alueen "
            "kolmeen muuhun Ohjaamoon."),
    }

    meetings = {"meetings": [
        meeting("2023-12-22", f"{LAURA}, {SANNA}, {ELINA}, {TUOMAS}",
                "Vastaanotto pidetään välipäivinä auki torstaina. Sanna järjestää Kelan "
                "palveluneuvojille etäinfon 2.1. Laura lisää seurantaan kysymyksen siitä, mistä "
                "nuori kuuli palvelusta.",
                "Miksi Kelan ohjaus ei käynnistynyt? Riittääkö pelkkä tiedote koskaan?"),
        meeting("2024-01-08", EVERYONE,
                "Hypoteesin tulos on epäselvä, mutta suunta lupaava: esitämme jatkoa toisena "
                "kierroksena tammi–maaliskuussa. Sadonkorjuuseen valmistellaan päivitetty "
                "vaikutusketju (Laura), tulosten sadonkorjuu (Elina) ja muutostarinat (Tuomas). "
                "Mikko kysyy STM:n kiinnostusta mallin levittämiseen.",
                "Kuka rahoittaa valmentajan huhtikuusta alkaen? Antaako nuori luvan kertoa "
                "tarinansa sadonkorjuussa?"),
    ]}

    return {
        "h3_experiment_log": [
            rev(TUOMAS, "2023-12-15 13:00", {"experiment": PILOT, "entries": entries[:1]}),
            rev(TUOMAS, "2023-12-22 12:30", {"experiment": PILOT, "entries": entries[:2]}),
            rev(LAURA, "2024-01-05 14:00", {"experiment": PILOT, "entries": entries}),
        ],
        "h3_hypothesis_result": [rev(MIKKO, "2024-01-08 08:30", result)],
        "h3_team_meeting": [rev(ELINA, "2024-01-08 14:00", meetings)],
    }


# =============================================================================================
# Session 4 · 10.1.2024 klo 12.30–16 (10:30–14:00 UTC): the harvest
# =============================================================================================
def session4() -> dict[str, list[Rev]]:
    chain = {
        "resources": [
            "Tiimin ja kumppanien työaika (noin 120 tuntia joulu–tammikuussa)",
            "Talouskuntoon-säätiön valmentaja kahtena päivänä viikossa (hankerahoitus)",
            "Ohjaamon tila ja näkyvyys aulassa",
            "Velkaneuvonnan kaksi pikavastaanottoaikaa viikossa",
            "Valtiokonttorin seurantalomake ja analyysi",
        ],
        "activities": [
            "Talousvalmentajan vastaanotto Ohjaamossa ilman ajanvarausta",
            "Raha-asioiden puheeksiotto Ohjaamon ohjauskeskusteluissa",
            "Kelan palveluneuvojien etäinfo ja ohjaus",
            "Viikoittainen seuranta ja oppikatsaus",
        ],
        "outputs": [
            "17 valmennuskeskustelua neljässä viikossa",
            "9 jatkotapaamista ja 2 ohjausta velkaneuvontaan",
            "Ohjauskortti Ohjaamon ja Kelan työntekijöille",
            "Seurantalomake ja kokeilupäiväkirja",
        ],
        "outcomes": [
            "Nuoret tulivat ennen ulosottoa (11/17)",
            "Ohjaamon ohjaajat ottavat raha-asiat puheeksi ja ohjaavat valmentajalle",
            "Kelan palveluneuvojat alkoivat ohjata nuoria",
            "Kumppanit sopivat toisesta kierroksesta ja yhteisestä seurannasta",
        ],
        "impacts": [
            "Nuoret hakevat apua ennen kuin velat ovat perinnässä",
            "Talousapu on pysyvä osa nuorten palveluja",
            "Maksuhäiriömerkinnän saavien nuorten aikuisten määrä laskee alueella (tavoite 2030)",
        ],
        "assumptions": [
            "Nuoret tulevat, kun apu on tutussa paikassa – vahvistui alustavasti",
            "Ammattilaisten ohjaus vaatii koulutuksen ja suoran ajanvarauksen; tiedote ei riitä",
            "Aikainen apu estää velkojen etenemisen ulosottoon – seurataan toisella kierroksella",
        ],
    }

    def indicator(step, name, baseline, value):
        return {"step": step, "indicator": name, "baseline": baseline, "value": value}

    def contribution(actor, step, what):
        return {"actor": actor, "step": step, "contribution": what}

    chain_full = {
        **chain,
        "indicators": [
            indicator("outputs", "Valmennuskeskustelut", "0", "17 neljässä viikossa"),
            indicator("outputs", "Sovitut jatkotapaamiset", "0", "9"),
            indicator("outcomes", "Nuoret, joiden velat eivät vielä ulosotossa tullessa",
                      "noin kolmannes (velkaneuvonnan nuoret 10–11/2023)", "65 % (11/17)"),
            indicator("outcomes", "Ammattilaisten ohjaamat nuoret", "0",
                      "6 (Ohjaamo 5, Kela 1)"),
            indicator("outcomes", "Nuorten suositteluhalukkuus", "–",
                      "14/15 suosittelisi kaverille"),
            indicator("impacts", "Maksuhäiriömerkinnän saaneet 18–29-vuotiaat alueella",
                      "koottava keväällä 2024", "seurataan vuosittain"),
        ],
        "actor_contributions": [
            contribution(OM, "resources", "Orkestrointi ja kumppanien kokoaminen"),
            contribution(SAATIO, "activities", "Valmentaja ja valmennusmenetelmä"),
            contribution(OHJAAMO, "activities", "Tila, näkyvyys ja nuorten ohjaus"),
            contribution(VELKA, "outputs", "Pikavastaanotot nuorille, joiden velat perinnässä"),
            contribution(VK, "outputs", "Seurantalomake ja viikkokoosteet"),
            contribution(KELA, "outcomes", "Palveluneuvojien etäinfo ja ensimmäinen ohjaus"),
            contribution(HVA, "outcomes", "Tulokset johtoryhmään ja ostopalvelun selvitys"),
        ],
    }

    def change(from_step, to_step, assumption, status, evidence):
        return {"from_step": from_step, "to_step": to_step, "assumption": assumption,
                "status": status, "evidence": evidence}

    puheeksi = "Nuoret ottavat raha-asiat puheeksi"
    ajoissa = "Nuoret tulevat ennen ulosottoa"
    ei_ulosottoon = "Velat eivät etene ulosottoon"
    theory = {
        "desired_change": (
            "Nuoret aikuiset saavat apua raha-asioihinsa ennen kuin velat päätyvät perintään tai "
            "ulosottoon, ja maksuhäiriömerkinnän saavien nuorten aikuisten määrä kääntyy "
            "laskuun."),
        "links": [
            change("Talousvalmentaja Ohjaamossa ilman ajanvarausta", puheeksi,
                   "Koska nuoret asioivat Ohjaamossa muutenkin, ja matala kynnys purkaa häpeää.",
                   "holds", "17 keskustelua neljässä viikossa, joista 10 nuorta tuli itse "
                   "aulasta. Palaute: \"ei tarvinnut varata aikaa\"."),
            change("Tiedote ammattilaisille", "Ammattilaiset ohjaavat nuoria valmentajalle",
                   "Koska ammattilaiset tunnistavat rahahuolet ja haluavat ohjata eteenpäin.",
                   "broken", "Tiedotteen jälkeen Kelasta ei tullut yhtään ohjausta; vasta "
                   "etäinfon jälkeen yksi. Sosiaalityöstä ei tullut ohjauksia."),
            change(puheeksi, ajoissa,
                   "Koska matalan kynnyksen paikka tavoittaa ne, jotka eivät vielä ole kriisissä.",
                   "holds", "11/17 tuli ennen ulosottoa, kun velkaneuvonnan nuorista noin "
                   "kolmannes."),
            change(ajoissa, ei_ulosottoon,
                   "Koska maksusuunnitelma ja neuvottelut velkojien kanssa onnistuvat, kun velat "
                   "ovat vielä pieniä.",
                   "unknown", "Seuranta-aika on liian lyhyt; seurataan jatkoaikojen kautta "
                   "kolme kuukautta."),
            change(ei_ulosottoon, "Maksuhäiriömerkinnät vähenevät alueella",
                   "Koska riittävän moni nuori tavoitetaan ajoissa.",
                   "unknown", "Vaatii laajemman mittakaavan ja vuosien seurannan."),
        ],
        "revisions": (
            "Lisäämme teoriaan välivaiheen: ammattilaiset saavat lyhyen koulutuksen ja "
            "mahdollisuuden suoraan ajanvaraukseen ennen kuin heiltä odotetaan ohjausta. "
            "Päämittariksi vaihdetaan kävijämäärän sijaan velkojen vaihe tullessa."),
        "to_test_next": [
            "Lisääkö suora ajanvaraus Kelan ohjauksia?",
            "Pysyvätkö jatkoaikojen nuoret poissa ulosotosta kolmen kuukauden seurannassa?",
            "Tavoittaako valmentaja ammattiopistolla nuoret, jotka eivät käy Ohjaamossa?",
        ],
    }

    def outcome(statement, actor, change_type, significance, contribution_, evidence, observed,
                anticipated, substantiated):
        return {"statement": statement, "social_actor": actor, "change_type": change_type,
                "significance": significance, "contribution": contribution_,
                "evidence": evidence, "first_observed": observed, "anticipated": anticipated,
                "substantiated": substantiated}

    harvesting = {
        "harvest_questions": [
            ("Mikä muuttui nuorten, ammattilaisten ja organisaatioiden toiminnassa "
             "joulu–tammikuussa?"),
            "Mikä osuus muutoksista oli ekosysteemin yhteisellä toiminnalla?",
            "Mitä muutoksia emme odottaneet?",
        ],
        "outcomes": [
            outcome("Joulukuussa 2023 Järvilinnan Ohjaamon ohjaajat alkoivat kysyä nuorilta "
                    "raha-tilanteesta ohjauskeskustelun alussa ja ohjasivat viisi nuorta "
                    "talousvalmentajalle.",
                    "Järvilinnan Ohjaamon ohjaajat", "practice", "high",
                    "Tiimi toi valmentajan Ohjaamoon ja teki ohjauskortin; Elina ja Tuomas "
                    "perehdyttivät ohjaajat.",
                    ["Kokeilupäiväkirja 14.12. ja 21.12.",
                     "Ohjaamon palvelukoordinaattorin kommentti 8.1.2024"],
                    "2023-12-14", True, True),
            outcome("Tammikuussa 2024 Kelan nuorten palveluneuvojat sopivat varaavansa nuorelle "
                    "ajan suoraan valmentajalle, kun raha-asiat tulevat esiin.",
                    "Kelan nuorten palveluneuvojat", "policy", "medium",
                    "Sanna vei kokeilun Kelan alueelliseen palveluryhmään ja piti etäinfon 2.1.",
                    ["Kelan palveluryhmän muistio 4.1.2024"], "2024-01-04", True, False),
            outcome("Oikeusaputoimiston talous- ja velkaneuvonta varasi nuorille kaksi "
                    "pikavastaanottoaikaa viikossa ja ilmoitti jatkavansa käytäntöä kevään ajan.",
                    VELKA, "action", "high",
                    "Mikko esitteli ekosysteemin tavoitteen velkaneuvonnan esihenkilöille "
                    "marraskuussa.",
                    ["Velkaneuvonnan ajanvarauskalenteri"], "2023-12-13", True, True),
            outcome("Nuoret tulivat valmentajalle kaverin kanssa ja suosittelivat palvelua "
                    "toisilleen.",
                    NUORET, "behaviour", "medium",
                    "Matalan kynnyksen paikka ja valmentajan tapa puhua rahasta syyllistämättä.",
                    ["Palautelomakkeet (14/15 suosittelisi)", "Kokeilupäiväkirja 14.12."],
                    "2023-12-14", False, False),
            outcome("Järvimaan hyvinvointialueen aikuissosiaalityön johtoryhmä pyysi kokeilun "
                    "tulokset ja päätti selvittää talousvalmennuksen ostopalvelua keväällä 2024.",
                    "Järvimaan hyvinvointialueen aikuissosiaalityön johtoryhmä", "policy", "high",
                    "Elina vei viikkokoosteet johtoryhmään; Valtiokonttorin kooste teki tulokset "
                    "näkyviksi.",
                    ["Johtoryhmän muistio 9.1.2024"], "2024-01-09", False, True),
            outcome("Tiimin viisi organisaatiota alkoivat jakaa tietoa viikoittain ilman "
                    "erillistä pyyntöä.",
                    "Tiimin viisi organisaatiota", "relationship", "medium",
                    "Perjantain 15 minuutin oppikatsaus ja yhteinen kokeilupäiväkirja.",
                    ["Teams-työtilan keskustelut"], "2023-12-15", False, False),
        ],
        "interpretation": (
            "Suurin osa muutoksista näkyy ammattilaisten ja organisaatioiden käytännöissä – "
            "nuorten käyttäytymisen muutoksista on vasta ensimmäisiä merkkejä. Yllättävintä oli "
            "hyvinvointialueen johdon nopea kiinnostus ja se, että nuoret toivat kavereitaan. "
            "Odotettu Kelan ohjaus käynnistyi vasta, kun tiedotteen tilalle tuli keskustelu."),
        "use_of_findings": (
            "Elina esittelee tulokset hyvinvointialueen johtoryhmälle helmikuussa ostopalvelun "
            "valmistelun tueksi. Tulokset liitetään toisen kierroksen suunnitelmaan, ja "
            "ekosysteemikoulun yhteinen sadonkorjuu käyttää niitä esimerkkinä."),
    }

    domains = ["Nuorten avun hakeminen", "Ammattilaisten yhteistyö",
               "Organisaatioiden toimintatavat"]
    selected = "Perintäkirje joululahjoista"
    msc = {
        "domains": domains,
        "reporting_period": "joulukuu 2023 – tammikuu 2024",
        "stories": [
            {"title": selected, "teller": "Talousvalmentaja, Talouskuntoon-säätiö",
             "domain": domains[0],
             "what_changed": (
                 "22-vuotias nuori tuli välipäivinä Ohjaamoon, koska oli saanut perintäkirjeen "
                 "joululahjoihin käytetystä osamaksusta. Hän ei olisi mennyt velkaneuvontaan, "
                 "koska \"se on niille, joilla on oikeita velkoja\". Valmentajan kanssa tehtiin "
                 "maksusuunnitelma, ja velka maksettiin ennen ulosottoa."),
             "why_significant": (
                 "Tämä on juuri se hetki, jota nykyiset palvelut eivät tavoita: velka on vielä "
                 "pieni, mutta kierre on alkamassa. Yksi keskustelu riitti katkaisemaan sen."),
             "context": ("Ohjaamo oli välipäivinä auki vain torstaina. Nuori tuli kaverin "
                         "suosituksesta. Tarina kerrotaan nuoren luvalla ilman tunnistetietoja."),
             "votes": 6, "consent": True},
            {"title": "Ohjaajat kysyvät nyt rahasta", "teller": "Ohjaamon palvelukoordinaattori",
             "domain": domains[1],
             "what_changed": (
                 "Ennen kokeilua Ohjaamon ohjaajat välttelivät raha-asioita, koska eivät "
                 "tienneet, minne ohjata. Nyt raha-tilanne kysytään ohjauskeskustelun alussa, ja "
                 "ohjaajat tietävät, että apu on viereisessä huoneessa."),
             "why_significant": ("Muutos jää elämään, vaikka valmentaja ei olisi paikalla: "
                                 "ohjaajien tapa kohdata nuori on muuttunut."),
             "context": "Ohjauskortti ja kaksi yhteistä palaveria joulukuussa.",
             "votes": 4, "consent": True},
            {"title": "Johtoryhmä kysyi itse", "teller": f"{ELINA}, {HVA}",
             "domain": domains[2],
             "what_changed": (
                 "Hyvinvointialueen aikuissosiaalityön johtoryhmä pyysi kokeilun tulokset omasta "
                 "aloitteestaan ja päätti selvittää talousvalmennuksen ostopalvelua."),
             "why_significant": ("Ensimmäistä kertaa järjestön talousvalmennus nähdään osana "
                                 "hyvinvointialueen palveluja eikä erillisenä hankkeena."),
             "context": "Viikkokoosteet kulkivat johtoryhmään Elinan kautta.",
             "votes": 3, "consent": True},
            {"title": "Kelasta ensimmäinen suora ohjaus", "teller": f"{SANNA}, {KELA}",
             "domain": domains[1],
             "what_changed": (
                 "Kelan palveluneuvoja varasi nuorelle ajan valmentajalle puhelun aikana – "
                 "ensimmäinen kerta, kun alueen palveluneuvoja ohjasi asiakkaan suoraan "
                 "järjestön palveluun."),
             "why_significant": ("Näyttää, että rajat ylittävä ohjaus on mahdollista ilman "
                                 "uutta tietojärjestelmää."),
             "votes": 2, "consent": True},
        ],
        "selected_story": selected,
        "selection_reason": (
            "Tarina näyttää, miksi teemme tätä: nuori sai apua ennen kuin velka ehti kasvaa, ja "
            "kynnys oli niin matala, että hän tuli. Valinta kertoo, että arvostamme eniten "
            "muutosta nuoren elämässä, vaikka organisaatioiden muutoksia oli enemmän. "
            "Keskustelussa huomasimme myös, että ohjaajien muuttunut tapa oli tarinan "
            "edellytys."),
        "feedback": (
            "Tuomas kertoo valinnasta valmentajalle ja pyytää häntä välittämään kiitoksen "
            "nuorelle. Kaikki tarinat ja valinnan perustelut lähetetään kumppaneille sadonkorjuun "
            "muistion liitteenä 17.1.2024 mennessä."),
    }

    aar = {
        "event": f"{PILOT} – ensimmäinen kierros 13.12.2023–5.1.2024",
        "expected": ("Vähintään 20 nuorta neljässä viikossa, noin puolet Kelan ja sosiaalityön "
                     "ohjaamina, ja jokaisella kumppanilla selvä rooli."),
        "actual": (
            "17 nuorta, joista 10 tuli itse ja 6 ammattilaisten ohjaamina (Ohjaamo 5, Kela 1). "
            "Sosiaalityöstä ei tullut ohjauksia. Nuoret tulivat selvästi aiemmin kuin "
            "velkaneuvontaan, ja palaute oli erinomaista."),
        "gaps": [
            {"divergence": "Kelan ohjaus jäi lähes olemattomaksi",
             "cause": ("Tiedote ei tavoittanut palveluneuvojia kiireen keskellä; ohjaus vaati "
                       "keskustelun ja suoran ajanvarauksen.")},
            {"divergence": "Sosiaalityö ei ohjannut ketään",
             "cause": ("Sosiaalityöntekijöitä ei perehdytetty – oletimme, että Elinan viesti "
                       "tiimeille riittää.")},
            {"divergence": "Kävijämäärä jäi alle tavoitteen",
             "cause": "Joulun ajankohta; Ohjaamo oli yhden viikon lähes kiinni."},
        ],
        "sustain": [
            "Vastaanotto ilman ajanvarausta",
            "Valmentajan näkyvyys Ohjaamon aulassa",
            "Perjantain 15 minuutin oppikatsaus",
            "Kevyt anonyymi seurantalomake",
        ],
        "change": [
            {"action": "Kelan palveluneuvojille 15 minuutin koulutus ja suora ajanvaraus",
             "owner": SANNA},
            {"action": "Sosiaalityön tiimeille perehdytys ja ohjauskortti", "owner": ELINA},
            {"action": "Toinen kierros arkikaudella 15.1.–29.3.2024", "owner": TUOMAS},
        ],
    }

    def note(column, text, votes):
        return {"column": column, "text": text, "votes": votes}

    retrospective = {
        "format": "four_l",
        "notes": [
            note("liked", "Aito yhteinen tekeminen viiden organisaation kesken", 5),
            note("liked", "Kokeilu lähti liikkeelle nopeasti – ideasta käyntiin kahdessa viikossa",
                 4),
            note("liked", "Nuoren tarina muistutti, miksi teemme tätä", 3),
            note("learned", "Tiedote ei ole ohjausta – ihmiset tarvitsevat keskustelun", 5),
            note("learned", "Mittari ratkaisee, mitä näemme: aikaisuus on tärkeämpää kuin määrä",
                 4),
            note("learned", "Tietoa voi jakaa nuoren luvalla jo nyt", 2),
            note("lacked", "Nuorten oma osallistuminen suunnitteluun", 4),
            note("lacked", "Rahoitus kokeilun jatkolle", 3),
            note("lacked", "Johdon tuki omissa organisaatioissa vaihteli", 2),
            note("longed_for", "Enemmän aikaa tapaamisten välillä", 2),
            note("longed_for", "Yhteinen tietopohja nuorten velkaantumisesta alueella", 3),
            note("longed_for", "STM ja luotonantajat mukaan keskusteluun", 1),
        ],
        "actions": [
            {"action": "Nuorten kehittäjäraati mukaan toiselle kierrokselle", "owner": ELINA,
             "due": "2024-02-15"},
            {"action": "Rahoitussuunnitelma toiselle kierrokselle ja huhtikuusta eteenpäin",
             "owner": MIKKO, "due": "2024-02-29"},
            {"action": "Alueellinen tietopohja nuorten velkaantumisesta", "owner": LAURA,
             "due": "2024-03-31"},
        ],
    }

    before_after_draft = {
        "ratings": [
            {"member": MIKKO, "scores": scores(3, 3, 3, 4, 3, 3, 3, 2)},
            {"member": SANNA, "scores": scores(3, 3, 2, 3, 2, 3, 3, 2)},
            {"member": TUOMAS, "scores": scores(3, 4, 2, 4, 3, 4, 4, 3)},
        ],
        "current_phase": "cohesion",
        "actor_map_changes": "Ohjaamo ja velkaneuvonta siirtyivät ydinverkostoon.",
        "learning": "Ekosysteemi syntyy tekemällä.",
    }
    before_after = {
        "ratings": [
            {"member": LAURA, "scores": scores(4, 3, 3, 4, 2, 3, 4, 3)},
            *before_after_draft["ratings"][:2],
            {"member": ELINA, "scores": scores(4, 3, 3, 4, 3, 3, 4, 2)},
            before_after_draft["ratings"][2],
        ],
        "current_phase": "cohesion",
        "phase_change": (
            "Lokakuussa olimme aktivointivaiheessa: innostusta oli, mutta yhteistä tavoitetta ja "
            "rakenteita ei. Nyt meillä on kirjattu visio, pelisäännöt ja yhteinen kokeilu, ja "
            "kumppanit ovat sitoutuneet toiseen kierrokseen. Yhtenäistyminen on silti kesken: "
            "rahoitus ja johtajuus ohjelman jälkeen ovat auki, joten vakiintumiseen on vielä "
            "matkaa."),
        "actor_map_changes": (
            "Ohjaamo ja oikeusaputoimiston velkaneuvonta siirtyivät kumppaneista "
            "ydinverkostoon: ne tekivät kokeilussa yhtä paljon kuin tiimin organisaatiot. "
            "Ammattiopisto tulee mukaan toisella kierroksella, ja diakoniatyö nousi esiin "
            "nuorten tavoittajana ruoka-avussa. Nuoret aikuiset nousevat seuraajista "
            "aktiiveiksi, kun kehittäjäraati perustetaan. STM ja luotonantajat ovat yhä "
            "toimintaympäristössä – niiden kutsuminen on seuraava askel."),
        "experiments": [
            {"name": PILOT, "decision": "continue"},
            {"name": "Raha puheeksi Kelan palvelukeskustelussa", "decision": "continue"},
            {"name": "Talousosaamisen työpaja ammattiopistossa", "decision": "continue"},
            {"name": "Velkaneuvonnan chat-ajanvaraus nuorille", "decision": "stop"},
            {"name": "Velkatiedon rakenteinen kirjaaminen sosiaalityössä",
             "decision": "continue"},
        ],
        "learning": (
            "Tärkein oppi: ekosysteemi syntyy tekemällä. Yhteinen kokeilu sitoutti kumppanit "
            "nopeammin kuin yksikään kokous. Opimme myös, että ohjaus organisaatioiden välillä "
            "vaatii ihmisten välisiä keskusteluja eikä tiedotteita, ja että mittarin valinta "
            "ratkaisee, mitä pidämme onnistumisena. Opit muuttivat toimintaamme (koulutus ja "
            "suora ajanvaraus) ja tavoitettamme (aikaisuus määrän sijaan). Tapamme oppia muuttui, "
            "kun otimme käyttöön viikoittaisen oppikatsauksen. Velkaneuvonnan chat-ajanvaraus "
            "lopetettiin, koska pikavastaanotot riittivät."),
    }

    harvest_plan = {
        "purpose": (
            "Korjaamme satoa kahdesta syystä: jotta Järvimaan hyvinvointialue ja kumppanit "
            "voivat päättää talousvalmennuksen jatkosta tiedon varassa, ja jotta muut "
            "ekosysteemikoulun tiimit ja valtionhallinto oppivat, miten hallinnonalojen rajat "
            "ylittävä kokeilu käynnistetään nopeasti."),
        "harvest_contents": [
            "Kokeilun tulokset ja mittarit (päivitetty vaikutusketju)",
            "Muutosteoria ja sen korjaukset",
            "Merkittävimmän muutoksen tarinat",
            "Ohjauskortti ja seurantalomake muiden käyttöön",
            "Ekosysteemin toimintamalli ja pelisäännöt",
            "Opit: mikä toimi ja mikä ei",
        ],
        "artifacts": [
            {"type": "report", "title": f"{PILOT} – ensimmäisen kierroksen tulokset",
             "audience": "Järvimaan hyvinvointialueen johtoryhmä ja kumppanien johto",
             "purpose": "Päätös toisen kierroksen rahoituksesta"},
            {"type": "story", "title": selected,
             "audience": "Ammattilaiset ja päättäjät",
             "purpose": "Tekee muutoksen näkyväksi nuoren näkökulmasta"},
            {"type": "graphic", "title": "Monta ovea, yksi talo – ekosysteemi ja vaikutusketju "
             "yhdellä sivulla", "audience": "Kumppanit ja uudet toimijat",
             "purpose": "Kutsu mukaan ekosysteemiin"},
            {"type": "presentation", "title": "Mitä opimme yhdessä – esitys sadonkorjuuseen",
             "audience": "Muut tiimit ja ohjelman järjestäjät", "purpose": "Vertaisoppiminen"},
            {"type": "blog", "title": "Tiedote ei ole ohjausta – viisi oppia yhteisestä "
             "kokeilusta", "audience": "Valtionhallinnon kehittäjät",
             "purpose": "Oppien levittäminen"},
        ],
        "feedback_loops": [
            {"channel": "Kelan alueellinen palveluryhmä", "owner": SANNA, "date": "2024-01-25"},
            {"channel": "Talouskuntoon-säätiön hallitus", "owner": TUOMAS, "date": "2024-01-31"},
            {"channel": "Oikeusministeriön oikeusapuyksikön kehittämispäivä", "owner": MIKKO,
             "date": "2024-02-07"},
            {"channel": "Järvimaan hyvinvointialueen aikuissosiaalityön johtoryhmä",
             "owner": ELINA, "date": "2024-02-13"},
            {"channel": "Valtiokonttorin ekosysteemiverkoston tapaaminen", "owner": LAURA,
             "date": "2024-02-20"},
        ],
    }

    day = "2024-01-10"
    return {
        "s4_impact_chain": [rev(LAURA, f"{day} 10:45", chain),
                            rev(ELINA, f"{day} 11:10", chain_full)],
        "s4_theory_of_change": [rev(MIKKO, f"{day} 11:25", theory)],
        "s4_outcome_harvesting": [rev(ELINA, f"{day} 11:45", harvesting)],
        "s4_msc_stories": [rev(TUOMAS, f"{day} 12:05", msc)],
        "s4_aar": [rev(SANNA, f"{day} 12:20", aar)],
        "s4_retrospective": [rev(LAURA, f"{day} 12:35", retrospective)],
        "s4_before_after": [rev(MIKKO, f"{day} 13:00", before_after_draft),
                            rev(ELINA, f"{day} 13:20", before_after)],
        "s4_harvest_plan": [rev(TUOMAS, f"{day} 13:40", harvest_plan)],
    }


# =============================================================================================
# checks and output
# =============================================================================================
def _window(session: str) -> tuple[dt.date, dt.date, dt.date | None]:
    """(earliest, latest, the day the first revision must be on) for a session's exercise.
    A session's exercise is started on the session day and may be revised until the last
    session; homework is done between its session and its due date."""
    cal = calendar()
    last = max(s.date for s in cal.sessions)
    if session.startswith("h"):
        homework = next(h for h in cal.homework if h.id == session)
        return cal.session(homework.after).date, homework.due, None
    day = cal.session(session).date
    return day, last, day


def _check_story(exercises: dict[str, list[Rev]]) -> None:
    """A few cross-references the charts join on."""
    latest = {eid: revs[-1][2] for eid, revs in exercises.items()}
    factor_names = {f["name"] for f in latest["s1_network_map"]["factors"]}
    assert all(a["linked_factor"] in factor_names for a in latest["s1_network_map"]["actors"])
    names = {a["name"] for a in latest["s1_motivation"]["actors"]}
    assert all({x["giver"], x["receiver"]} <= names for x in latest["s1_motivation"]["exchanges"])
    for eid in ("s1_maturity", "s4_before_after"):
        assert {r["member"] for r in latest[eid]["ratings"]} <= set(MEMBERS), eid
    impacts = {i["impact"] for i in latest["s2_futures_wheel"]["impacts"]}
    assert all(i["follows_from"] in impacts | {""} for i in latest["s2_futures_wheel"]["impacts"])
    titles = {s["title"] for s in latest["s4_msc_stories"]["stories"]}
    assert latest["s4_msc_stories"]["selected_story"] in titles
    assert latest["s1_lifecycle"]["current_phase"] == "activation"
    assert latest["s4_before_after"]["current_phase"] == "cohesion"


def build() -> dict[str, Any]:
    exercises: dict[str, list[Rev]] = {}
    for part in (session1, homework1, session2, homework2, session3, homework3, session4):
        chunk = part()
        assert not set(chunk) & set(exercises), set(chunk) & set(exercises)
        exercises.update(chunk)

    ids = {p.stem for p in (data_dir() / "exercises").glob("*.yaml")}
    assert set(exercises) == ids, (sorted(ids - set(exercises)), sorted(set(exercises) - ids))
    _check_story(exercises)

    out: dict[str, list[dict[str, Any]]] = {}
    for exercise_id, revisions in exercises.items():
        the_card = find_exercise(exercise_id)
        earliest, latest, first_day = _window(the_card.session)
        records = []
        previous = CREATED_AT
        for number, (author, created_at, data) in enumerate(revisions, start=1):
            assert author in MEMBERS, (exercise_id, author)
            assert created_at > previous, (exercise_id, number, "timestamps must increase")
            day = dt.date.fromisoformat(created_at[:10])
            assert earliest <= day <= latest, (exercise_id, number, day)
            assert first_day is None or number > 1 or day == first_day, (exercise_id, day)
            previous = created_at
            valid = answers.validate(the_card, data)  # raises AnswerInvalid with the path
            records.append({"revision": number, "data": valid, "author": author,
                            "created_at": created_at})
        missing = answers.missing_required(the_card, records[-1]["data"])
        assert missing == [], (exercise_id, missing)
        out[exercise_id] = records

    return {"format": FORMAT, "version": VERSION, "team": TEAM, "created_at": CREATED_AT,
            "exercises": out}


def main() -> None:
    text = dumps(build())
    parse_workbook(text)  # the same check as an import
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
