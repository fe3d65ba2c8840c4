"""The accessibility statement stays honest: its facts load, every language has its texts (the
UI checks compare the keys), and no test it cites has changed since it was last reviewed."""

from __future__ import annotations

import datetime as dt

from ekokit.validate._base import Content, Problems, one_line


def accessibility_statement(content: Content) -> Problems:
    """data/accessibility.yaml loads; ``reviewed`` is neither before ``published`` nor in the
    future; every cited test exists and still has the SHA-256 recorded at the review (a changed
    test means the statement must be reviewed again: re-run the tests, re-read the
    non-conformities, set ``reviewed`` and record the hash this check prints)."""
    from ekokit.content.statement import REPOSITORY, file_sha256, statement_facts

    where = "accessibility.yaml"
    try:
        facts = statement_facts()
    except (OSError, ValueError) as exc:
        return [f"{where}: {one_line(exc)}"]
    found = []
    if facts.reviewed < facts.published:
        found.append(f"{where}: reviewed {facts.reviewed} is before published {facts.published}")
    if facts.reviewed > dt.date.today():
        found.append(f"{where}: reviewed {facts.reviewed} is in the future")
    if not (REPOSITORY / "tests").is_dir():
        return found  # an installed kit: the tests are in the repository, not here
    for test, recorded in sorted(facts.tests.items()):
        path = REPOSITORY / test
        if not path.is_file():
            found.append(f"{where}: tests: {test}: no such file (the statement cites it)")
            continue
        now = file_sha256(path)
        if now != recorded:
            found.append(f"{where}: tests: {test} changed since the statement was reviewed on "
                         f"{facts.reviewed}: run it, review the statement, set reviewed: and "
                         f"record sha256 {now}")
    return found
