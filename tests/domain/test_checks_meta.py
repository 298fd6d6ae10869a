"""Front matter: the format for the year, the signature date, the publication deadline."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.report import Report
from tests.support.clean_reports import FORMATS, clean_report, of


@pytest.mark.parametrize(("year", "wrong", "right"), [(2022, "2019", "2021"), (2020, "2021", "2019")])
def test_format_for_the_year(year: int, wrong: str, right: str) -> None:
    good = Report.from_dict({"meta": {"agency": "某市教育局", "year": year}})
    assert good.meta.format == right and not of(good, "R-FORMAT")
    bad = Report.from_dict({"meta": {"agency": "某市教育局", "year": year, "format": wrong}})
    [f] = of(bad, "R-FORMAT")
    assert f.level is Level.ERROR and f.section == "meta"
    assert f.suggested == {"meta.format": right}
    assert str(year) in f.message


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize(("offset", "month_day"), [(0, "12-20"), (2, "01-10")])
def test_signature_date_outside_the_following_year(fid: str, offset: int, month_day: str) -> None:
    report = clean_report(fid)
    assert not of(report, "R-DATE")
    report.meta.date = f"{report.meta.year + offset}-{month_day}"
    [f] = of(report, "R-DATE")
    assert f.level is Level.WARNING and f.section == "meta"


@pytest.mark.parametrize("fid", FORMATS)
def test_no_date_is_not_reported(fid: str) -> None:
    report = clean_report(fid)
    report.meta.date = None
    assert not of(report, "R-DATE") and not of(report, "R-DEADLINE")


@pytest.mark.parametrize("fid", FORMATS)
def test_department_deadline_is_january_31(fid: str) -> None:
    report = clean_report(fid)
    report.meta.date = f"{report.meta.year + 1}-01-31"
    assert not of(report, "R-DEADLINE")
    report.meta.date = f"{report.meta.year + 1}-02-01"
    [f] = of(report, "R-DEADLINE")
    assert f.level is Level.WARNING and "1月31日" in f.message and "第四十九条" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_government_deadline_is_march_31(fid: str) -> None:
    report = clean_report(fid, agency="某市人民政府")
    report.meta.date = f"{report.meta.year + 1}-03-15"
    assert not of(report, "R-DEADLINE")
    report.meta.date = f"{report.meta.year + 1}-04-02"
    [f] = of(report, "R-DEADLINE")
    assert "3月31日" in f.message
