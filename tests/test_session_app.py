"""The Session 1 app as widgets: team choice, progress, homework due date, opening exercises."""

from __future__ import annotations

import html

from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.widgets.session_app import SessionApp

fi = Translator("fi")


def app_for(store, team: str | None = None, lang: str = "fi") -> SessionApp:
    return SessionApp("1", store=store, lang=lang).bind(team=team, lang=lang)


def test_without_a_team_the_picker_is_shown_and_creates_a_team(store):
    app = app_for(store)
    picker_box = app.team_area.children[0]
    assert "ek-team-picker" in picker_box._dom_classes
    assert app.exercise_area.children == ()
    from ekokit.widgets.team_picker import TeamPicker  # noqa: F401 - the picker's widgets by class
    widgets = {c: w for w in picker_box.children for c in w._dom_classes}
    widgets["ek-field-team_name"].value = "Nuoret & velat"
    widgets["ek-field-team_members"].value = "Aino\nBashir"
    widgets["ek-create-team"].click()
    assert store.get_team("nuoret-velat").members == ("Aino", "Bashir")
    assert app.team.slug == "nuoret-velat"
    shown = [c for c in app.exercise_area.children if "ek-exercise" in c._dom_classes]
    assert len(shown) == len(app.exercises)


def test_an_empty_team_name_is_refused_with_a_message(store):
    app = app_for(store)
    picker_box = app.team_area.children[0]
    widgets = {c: w for w in picker_box.children for c in w._dom_classes}
    widgets["ek-create-team"].click()
    assert fi("team.name") in widgets["ek-team-message"].value
    assert store.teams() == []


def test_an_unknown_team_slug_says_so_and_offers_the_picker(store):
    app = app_for(store, team="<ei-ole>")
    assert html.escape(fi("error.unknown_team", slug="<ei-ole>")) in app.notice.value
    assert "ek-team-picker" in app.team_area.children[0]._dom_classes


def test_progress_counts_and_homework_due_date(store, team):
    app = app_for(store, team=team.slug)
    own = [e for e in app.exercises if not e.is_homework]
    homework = [e for e in app.exercises if e.is_homework]
    assert own and homework
    line = fi("progress.session_line", done=0, started=0, open=len(own), total=len(own))
    assert line in app.progress.value
    assert fi("progress.homework_line", done=0, started=0, open=len(homework),
              total=len(homework)) in app.progress.value
    assert "17.11.2023" in app.progress.value  # from data/calendar.yaml
    section = app.sections["s1_phenomenon"]
    section.set_open(True)
    editors = section.view.form.editors
    editors["phenomenon"].input.value = "Velat"
    assert fi("progress.started") in section.heading.value
    editors["description"].input.value = "Kuvaus"
    assert fi("progress.done") in section.heading.value
    assert fi("progress.session_line", done=1, started=0, open=len(own) - 1,
              total=len(own)) in app.progress.value


def test_saved_answers_show_as_started_when_the_app_opens(store, team):
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat"}, base_revision=0)
    app = app_for(store, team=team.slug)
    assert fi("progress.started") in app.sections["s1_phenomenon"].heading.value


def test_session_app_in_english(store):
    store.create_team(Team(slug="t", name="T"))
    app = app_for(store, team="t", lang="en")
    en = Translator("en")
    assert html.escape(en("session.title_1")) in app.header.value
    assert app.sections["s1_phenomenon"].toggle.description == en(
        "exercise.open", title=app.sections["s1_phenomenon"].exercise.title("en"))


def test_every_session1_exercise_builds(store, team):
    app = app_for(store, team=team.slug)
    for section in app.sections.values():
        section.set_open(True)
        assert section.view.form is not None
        assert "<figure" in section.view.chart.value or "<table" in section.view.chart.value


def test_the_demo_team_is_never_preselected_and_says_why_it_does_not_save(store, team,
                                                                           monkeypatch):
    from ekokit.model.teams import DEMO_TEAM
    from ekokit.state.exercise import SELF_STUDY
    from ekokit.store.demo import ensure_demo_team

    monkeypatch.delenv(SELF_STUDY, raising=False)
    ensure_demo_team(store)
    store.save(team.slug, "s1_iceberg", {}, base_revision=0)
    store.save(DEMO_TEAM, "s1_iceberg", {"events": ["Uusin"]},
               base_revision=store.latest(DEMO_TEAM, "s1_iceberg").revision)  # saved last
    app = app_for(store)
    picker = app.team_area.children[0]
    choice = next(w for w in picker.children[1].children if "ek-field-team" in w._dom_classes)
    assert choice.value == team.slug
    demo = app_for(store, team=DEMO_TEAM)
    section = demo.sections["s1_phenomenon"]
    section.set_open(True)
    section.view.form.editors["phenomenon"].input.value = "Kokeilu"
    assert html.escape(fi("status.example")) in section.view.status.value


def test_homework_is_its_own_group_headed_with_its_due_date(store, team):
    from ekokit.content.calendar import calendar
    from ekokit.content.timefmt import local_date

    app = app_for(store, team=team.slug)
    children = app.exercise_area.children
    heading = next(i for i, c in enumerate(children) if "ek-homework" in c._dom_classes)
    before = [c for c in children[:heading]]
    after = [c for c in children[heading + 1:]]
    assert all(any(f"ek-ex-{k}1_" in " ".join(c._dom_classes) for k in "sr") for c in before)
    assert after and all("ek-ex-h1_" in " ".join(c._dom_classes) for c in after)
    due = local_date(calendar().homework_after("1").due)
    text = children[heading].value
    assert html.escape(fi("progress.homework_heading")) in text and due in text
    # the 2023 calendar is past: said kindly, not as an error
    assert html.escape(fi("progress.homework_passed", due=due)) in text


def test_a_notebook_shows_exercises_after_their_reading_and_homework_last(store, team):
    app = app_for(store, team=team.slug)
    first = app.group(("s1_phenomenon", "s1_iceberg"))
    homework = app.group(())
    assert [c._dom_classes[-1] for c in first.children] == ["ek-ex-s1_phenomenon",
                                                           "ek-ex-s1_iceberg"]
    assert "ek-homework" in homework.children[0]._dom_classes  # headed with its due date
    assert all("ek-ex-h1_" in c._dom_classes[-1] for c in homework.children[1:])
    left = [c._dom_classes[-1] for c in app.exercise_area.children]
    assert "ek-ex-s1_phenomenon" not in left and not any("h1_" in c for c in left)
    assert len(left) + 2 + len(homework.children) - 1 == len(app.exercises)


def test_groups_made_before_a_team_fill_when_the_team_is_chosen(store, team):
    app = app_for(store)  # the picker: no team yet
    box = app.group(("s1_actor_map",))
    assert box.children == ()
    app.use_team(team)
    assert box.children == (app.sections["s1_actor_map"].widget,)


def test_the_demo_team_is_marked_as_the_example_wherever_teams_are_listed(store, team):
    from ekokit.model.teams import DEMO_TEAM, DEMO_TEAMS
    from ekokit.store.demo import ensure_demo_team

    ensure_demo_team(store)
    demo = store.get_team(DEMO_TEAM)
    marked = f"{demo.name} ({fi('team.example_mark')})"
    picker = app_for(store).team_area.children[0]
    choice = next(w for w in picker.children[1].children if "ek-field-team" in w._dom_classes)
    labels = {slug: label for label, slug in choice.options}
    # the picker lists the demo team in its language only, marked as the example
    assert labels == {"": fi("form.choose"), DEMO_TEAM: marked, team.slug: team.name}
    assert {DEMO_TEAMS["en"], DEMO_TEAMS["sv"]} <= {t.slug for t in store.teams()}


def test_the_facilitator_counts_the_teams_of_the_room_without_the_demo_teams(store, team):
    from ekokit.store.demo import ensure_demo_team
    from ekokit.widgets.facilitator import FacilitatorView

    ensure_demo_team(store)  # three demo teams (fi, en, sv) and one team of the room
    table = FacilitatorView(lang="fi", store=store, live=False).table.value
    assert html.escape(fi("facilitator.caption", teams=1)) in table
    assert html.escape(team.name) in table
    assert not any(html.escape(t.name) in table for t in store.teams() if t.slug != team.slug)


def test_a_store_with_only_the_demo_teams_shows_the_one_in_the_views_language(tmp_path):
    from ekokit.model.teams import DEMO_TEAMS
    from ekokit.store.database import Store
    from ekokit.store.demo import ensure_demo_team
    from ekokit.widgets.facilitator import FacilitatorView

    store = Store(str(tmp_path / "demo.db"))
    ensure_demo_team(store)
    for lang in ("fi", "en"):
        tr = Translator(lang)
        demo = store.get_team(DEMO_TEAMS[lang])
        table = FacilitatorView(lang=lang, store=store, live=False).table.value
        assert html.escape(tr("facilitator.caption", teams=1)) in table
        assert html.escape(f"{demo.name} ({tr('team.example_mark')})") in table


def test_a_demo_team_page_shows_the_demo_answers_in_the_pages_language(store):
    """?team=esimerkki&lang=en (the language switch keeps the team) shows the English demo
    team; ?team=example&lang=fi the Finnish one; every language the kit speaks likewise."""
    from ekokit.content.example import example_folder, example_workbook
    from ekokit.content.i18n import languages
    from ekokit.model.teams import DEMO_TEAMS
    from ekokit.store.demo import ensure_demo_team

    ensure_demo_team(store)
    assert {"fi", "en"} <= set(languages())
    for lang in languages():
        book = example_workbook(example_folder(lang))
        phenomenon = book["exercises"]["s1_phenomenon"][-1]["data"]["phenomenon"]
        assert phenomenon == book["team"]["phenomenon"]
        app = app_for(store, team="esimerkki", lang=lang)  # as the language switch keeps it
        assert app.team.slug == DEMO_TEAMS[lang]
        assert app.sections["s1_phenomenon"].view.state.saved["phenomenon"] == phenomenon
        assert html.escape(phenomenon) in app.team_area.children[0].value
        if lang == "en":
            assert phenomenon == "Over-indebtedness of young adults"
    finnish = app_for(store, team=DEMO_TEAMS["en"], lang="fi")
    assert finnish.team.slug == DEMO_TEAMS["fi"]
