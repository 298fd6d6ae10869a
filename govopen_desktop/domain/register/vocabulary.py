"""What a register may say, read from the format file: applicant types and result rows of
table 3 (from the table's grid), kinds and outcomes of table 4 (from the format's `register`
block), and how a loosely written category is matched to exactly one of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from govopen_desktop.domain.formats import Names, RegisterApplications, RegisterCases, ReportFormat, load_format

_SEPARATORS = re.compile(r"[/\\\-—–_·•|,，;；:：>＞\s]+")
_NUMBERING = re.compile(r"^(?:\(?[一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.]|\(?\d+\)|\d+[.、])")
_NOISE = re.compile(r"[\"'“”‘’《》「」]")
_BRACKETS = re.compile(r"[()\[\]【】]+")
_NEGATIONS = "不未非无"
_REMARK = re.compile(r"\([^()]*\)$")  # a printed remark after a label: （区分处理的，只计这一情形…）


@dataclass(frozen=True)
class Category:
    """One official category: its id in the format (`natural`, `denied_third_party`), the
    text offered in the template's drop-down, its label parts and other names it goes by."""

    id: str
    text: str
    parts: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def leaf(self) -> str:
        return self.parts[-1]


@dataclass(frozen=True)
class Match:
    """A category found for a written text, or None with the candidates that fit equally."""

    category: Category | None
    candidates: tuple[Category, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """Everything the register of one format counts into: where (the format's `register`)
    and the categories a row may name."""

    format_id: str
    applications: RegisterApplications
    cases: RegisterCases
    applicant_types: tuple[Category, ...]
    results: tuple[Category, ...]
    kinds: tuple[Category, ...]
    outcomes: tuple[Category, ...]
    _matches: dict[tuple[str, str], Match] = field(default_factory=dict, compare=False, repr=False)

    def _cached(self, what: str, text: str, categories: tuple[Category, ...]) -> Match:
        found = self._matches.get((what, text))
        if found is None:
            found = self._matches[(what, text)] = match_category(text, categories)
        return found

    def t3_key(self, row: str, column: str) -> str:
        return f"{self.applications.table}.{row}.{column}"

    def t4_key(self, kind: str, outcome: str) -> str:
        return f"{self.cases.table}.{kind}.{outcome}"

    def match_applicant(self, text: str) -> Match:
        return self._cached("applicant", text, self.applicant_types)

    def match_result(self, text: str) -> Match:
        return self._cached("result", text, self.results)

    def match_kind(self, text: str) -> Match:
        return self._cached("kind", text, self.kinds)

    def match_outcome(self, text: str) -> Match:
        return self._cached("outcome", text, self.outcomes)


@cache
def vocabulary(format_id: str) -> Vocabulary:
    fmt = load_format(format_id)
    if fmt.register is None:
        raise KeyError("register")
    apps, cases = fmt.register.applications, fmt.register.cases
    applicant_types = tuple(
        Category(col.id, " / ".join(col.parts), col.parts, apps.applicant_aliases.get(col.id, ()))
        for col in fmt.table(apps.table).value_columns
        if col.sum_of is None
    )
    results = tuple(
        Category(row_id, " / ".join(parts), parts, apps.result_aliases.get(row_id, ()))
        for row_id, parts in _result_rows(fmt, apps.table, apps.results_row)
    )
    return Vocabulary(
        format_id, apps, cases, applicant_types, results, _named(cases.kinds), _named(cases.outcomes)
    )


def _named(names: Names) -> tuple[Category, ...]:
    """Categories whose first name is the printed one and the rest aliases."""
    return tuple(Category(k, n[0], (n[0],), n[1:]) for k, n in names.items())


def _result_rows(fmt: ReportFormat, table_id: str, total_row: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each row summed into the results total, with the labels printed for it (the group
    label such as （三）不予公开 and its own), leaving out labels that span the total too."""
    table = fmt.table(table_id)
    row_of: dict[str, int] = {}
    for cell in table.value_cells():
        f = fmt.fields[cell.key or ""]
        if f.row_id is not None:
            row_of.setdefault(f.row_id, cell.row)
    total_line = row_of[total_row]
    total_field = next(f for f in fmt.fields.values() if f.row_id == total_row and f.derived is not None
                       and all(t.split(".")[1] != total_row for t in f.derived.terms))
    members = [t.split(".")[1] for t in total_field.derived.terms]  # type: ignore[union-attr]
    labels = [c for c in table.cells if c.role == "label" and c.text]
    rows: list[tuple[str, tuple[str, ...]]] = []
    for row_id in members:
        line = row_of[row_id]
        parts = tuple(
            (c.text or "").strip()
            for c in sorted(labels, key=lambda c: c.col)
            if c.row <= line < c.row + c.rowspan and not c.row <= total_line < c.row + c.rowspan
        )
        rows.append((row_id, parts))
    return rows


# ---- matching a written category ---------------------------------------------------------


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Width, spaces, quotes and a leading numbering (（三）, 4., 一、) taken away."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", text))
    return "".join(_NUMBERING.sub("", t) for t in _SEPARATORS.split(text))


def _tokens(text: str) -> tuple[str, ...]:
    """The written parts: "不予公开（第三方）" -> 不予公开, 第三方; a leading numbering is dropped
    before brackets split, so that （三） never becomes a part."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", text))
    tokens = (_NUMBERING.sub("", t) for t in _SEPARATORS.split(text))
    return tuple(p for t in tokens for p in _BRACKETS.split(t) if p)


def _alias_in(alias: str, token: str) -> bool:
    """An alias inside a written part, unless negated right before it (不同意公开)."""
    start = token.find(alias)
    while start != -1:
        if start == 0 or token[start - 1] not in _NEGATIONS:
            return True
        start = token.find(alias, start + 1)
    return False


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def match_category(text: str, categories: tuple[Category, ...]) -> Match:
    """The one category `text` names. Tried from strict to loose; at the first level where
    something fits, exactly one must fit (two equally good are reported, never chosen)."""
    tokens = _tokens(text)
    if not tokens:
        return Match(None)
    whole = normalize(text)

    def exact(c: Category) -> bool:
        names = {normalize(c.text), normalize(c.leaf), "".join(normalize(p) for p in c.parts)}
        return whole in names or whole in {normalize(a) for a in c.aliases}

    def contained(c: Category) -> bool:
        parts = [_REMARK.sub("", normalize(p)) for p in c.parts]
        aliases = [normalize(a) for a in c.aliases]
        return all(
            any(t in p for p in parts) or any(t in a or _alias_in(a, t) for a in aliases) for t in tokens
        )

    def loose(c: Category) -> bool:
        joined = "".join(_REMARK.sub("", normalize(p)) for p in c.parts)
        return all(_is_subsequence(t, joined) for t in tokens)

    for test in (exact, contained, loose):
        fits = tuple(c for c in categories if test(c))
        if len(fits) == 1:
            return Match(fits[0])
        if fits:
            return Match(None, fits)
    return Match(None)
