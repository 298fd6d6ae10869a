"""docs/checks.md lists every rule of both formats and every fact and claim of their vocabulary."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.formats import load_format
from tests.support.clean_reports import FORMATS
from tests.support.paths import REPO

DOCS = REPO / "docs" / "checks.md"


@pytest.mark.parametrize("fid", FORMATS)
def test_every_rule_fact_and_claim_is_documented(fid: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    fmt = load_format(fid)
    missing = [r.id for r in fmt.rules if f"| {r.id} |" not in text]
    missing += [f.id for f in (*fmt.facts.numbers, *fmt.facts.claims) if f.id not in text]
    assert not missing


@pytest.mark.parametrize("fid", FORMATS)
def test_every_fact_has_an_example_it_reads(fid: str) -> None:
    from govopen_desktop.domain.checks.text_facts import statements

    facts = load_format(fid).facts
    for entry in (*facts.numbers, *facts.claims):
        found = {st.fact for st in statements(fid, entry.example + "。")}
        assert entry.id in found, (entry.id, entry.example)
