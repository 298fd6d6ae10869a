"""What a report format is, as immutable records: its sections, tables (the grid of labels,
headers and value cells), fields with their derivations, carry-over pairs and rules.
Built from the format files by domain/format_grid.py; found by year in domain/formats.py.

The records are NamedTuples, not frozen dataclasses: every window start defines them, and on
Python 3.11 a frozen dataclass compiles six methods from source when it is defined (about 1 ms
each class, 19 classes); a NamedTuple is defined ten times faster and is just as immutable,
compared and hashed by value, and typed. Nothing here subclasses a record: the shared parts
of a section and a table are the `Numbered` protocol. No `from __future__ import annotations`
here: a NamedTuple turns each annotation written as a string into a ForwardRef by compiling it
(a third of the time it takes to define these records)."""

from collections.abc import Iterator
from typing import Any, Literal, NamedTuple, Protocol

ValueKind = Literal["count", "signed_count", "amount", "amount_with_unit", "unit"]
CellRole = Literal["value", "label", "header", "group", "note"]
VALUE_KINDS: tuple[str, ...] = ("count", "signed_count", "amount", "amount_with_unit", "unit")
NOTE_TITLE = "表下说明"  # what the words printed under a table are called


def numbered_heading(number: str, title: str) -> str:
    """'三、收到和处理政府信息公开申请情况': how the official format numbers a part or a table."""
    return f"{number}、{title}"


class Derivation(NamedTuple):
    """A derived cell is the sum of `terms`; `rule` names the check of that sum."""

    rule: str
    terms: tuple[str, ...]


class Field(NamedTuple):
    """One value of the report, addressed by its canonical key (`t3.new.natural`)."""

    key: str
    table: str
    kind: ValueKind
    label: str
    derived: Derivation | None = None
    # a cell at a sum row and a sum column (（七）总计 · 总计) is the column-wise sum (`derived`)
    # and must also equal this row-wise one, which its rule checks
    row_sum: Derivation | None = None
    unit_key: str | None = None  # amount_with_unit: where the written unit (元/万元) is kept
    row: int = -1  # grid position in its table (-1 for fields with no cell of their own)
    col: int = -1
    row_id: str | None = None  # matrix tables: the row and column ids of the key
    col_id: str | None = None
    col_label: str | None = None  # matrix tables: the column's printed name ("法人或其他组织 · 商业企业")

    @property
    def is_input(self) -> bool:
        return self.derived is None


class GridCell(NamedTuple):
    """A cell of a table's official grid; spans as in the printed form."""

    row: int
    col: int
    rowspan: int
    colspan: int
    role: CellRole
    text: str | None = None
    key: str | None = None


class Numbered(Protocol):
    """A part of the format printed under its number: a section (三、…) or a table."""

    @property
    def id(self) -> str: ...

    @property
    def number(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def heading(self) -> str: ...


class ValueColumn(NamedTuple):
    """A value column of a matrix table (t3) as the format file states it."""

    id: str
    label: str
    group: str | None = None  # the printed group above it (法人或其他组织)
    sum_of: tuple[str, ...] | None = None  # a total column: the columns it sums, checked by `rule`
    rule: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        """Its printed names, the group first: ("法人或其他组织", "商业企业")."""
        return tuple(p for p in (self.group, self.label) if p)


class Table(NamedTuple):
    """A table of the format (Numbered): its official grid and, for a matrix, its row and column ids."""

    id: str
    number: str
    title: str
    n_rows: int
    n_cols: int
    header_rows: int
    label_columns: int
    widths: tuple[int, ...]
    cells: tuple[GridCell, ...]
    row_ids: tuple[str, ...] = ()  # matrix tables (t3): ids of the value rows, top to bottom
    value_columns: tuple[ValueColumn, ...] = ()  # matrix tables: the value columns, left to right
    covering: dict[tuple[int, int], GridCell] | None = None  # (row, col) -> the cell over it (built with the grid)

    @property
    def heading(self) -> str:
        return numbered_heading(self.number, self.title)

    @property
    def col_ids(self) -> tuple[str, ...]:
        """Matrix tables: the ids of the value columns."""
        return tuple(c.id for c in self.value_columns)

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The grid cell covering (row, col), or None for a position no cell covers."""
        return self.covering.get((row, col)) if self.covering is not None else None

    def value_cells(self) -> Iterator[GridCell]:
        return (c for c in self.cells if c.key is not None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.cells if c.key is not None)


class DraftButton(NamedTuple):
    """A button on a text page that inserts the drafting template `draft` (see domain/drafts.py)."""

    draft: str
    label: str
    tip: str


class Section(NamedTuple):
    """A part of the report (Numbered): a table's or a text's, with what the window shows of it.
    A front text (the opening paragraph under the title) is a Section without a number: no part
    of the six, printed before 一、 without a heading. A table's part may hold a note: a text
    (`note`, a key under report.text) printed right under its table (注：本年度无结转申请。)."""

    id: str
    number: str
    title: str
    table: str | None = None
    text: str | None = None  # key under report.text
    nav: str = ""  # the short name in the window's navigator
    hint: str = ""  # the line of advice above the page
    buttons: tuple[DraftButton, ...] = ()
    printed_as: tuple[str, ...] = ()  # other offices' wording of the heading (其他需要说明的事项)
    note: str | None = None  # key under report.text of the words printed under the table
    note_hint: str = ""  # the placeholder of the note's box on the table's page

    @property
    def heading(self) -> str:
        return numbered_heading(self.number, self.title) if self.number else self.title

    @property
    def text_keys(self) -> tuple[str, ...]:
        """The part's texts: its own, then the note under its table."""
        return tuple(k for k in (self.text, self.note) if k)


class CarryOver(NamedTuple):
    """This year's row `to_row` of `table` starts from last year's `from_row`, column by column."""

    table: str
    from_row: str
    to_row: str
    note: str = ""  # the tooltip line of a carried cell
    cells: tuple[tuple[str, str], ...] = ()  # (this year's key, last year's key), column by column


class RuleSpec(NamedTuple):
    """A rule as the format file states it; `params` holds the rest of its entry."""

    id: str
    level: str
    kind: str
    title: str
    params: dict[str, Any]


Names = dict[str, tuple[str, ...]]  # category id -> the names it goes by, the printed one first
Subjects = tuple[tuple[str, tuple[str, ...]], ...]  # (word, cells): which group a sentence is about


class TimeLimit(NamedTuple):
    """The 答复期限 a register's applications are counted against."""

    working_days: int = 20
    extension_working_days: int = 20
    source: str = ""  # the provision it comes from, as the register template quotes it


class RegisterApplications(NamedTuple):
    """Where the applications of a register are counted: table 3 and its rows."""

    table: str
    new_row: str
    carried_in_row: str
    results_row: str  # the row summing every result
    carried_out_row: str
    time_limit: TimeLimit
    applicant_aliases: Names
    result_aliases: Names


class RegisterCases(NamedTuple):
    """Where the 复议/诉讼 cases of a register are counted: table 4, its kinds and outcomes."""

    table: str
    pending: str  # the outcome of a case not closed at the year's end
    kinds: Names
    outcomes: Names


class RegisterSpec(NamedTuple):
    """The format's `register`: what a register's rows count into."""

    applications: RegisterApplications
    cases: RegisterCases


class NumberFact(NamedTuple):
    """A number the text states, which must equal its cell or the sum of its cells (Phrasing)."""

    id: str
    patterns: tuple[str, ...]
    name: str
    kind: str = "count"  # "count" or "amount"
    cells: tuple[str, ...] = ()
    subjects: Subjects = ()
    example: str = ""  # a sentence it reads (docs/checks.md, tests)
    exclude: tuple[str, ...] = ()  # a sentence with one of these says something else
    requires: tuple[str, ...] = ()  # the sentence names one of these (复议 for 均获维持), or it is about something else


class Claim(NamedTuple):
    """A qualitative statement (均获维持) its cells contradict when above 0 (Phrasing)."""

    id: str
    patterns: tuple[str, ...]
    says: str
    advice: str = ""
    level: str | None = None
    cells: tuple[str, ...] = ()
    subjects: Subjects = ()
    example: str = ""
    exclude: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()


# What the text may state (the format's `facts`): regular expressions on the text without
# spaces (`{n}` a count with its unit, `{amount}` an amount with 元/万元) and the cells it is
# checked against, or by subject word (复议 -> table 4's 复议 cells).
Phrasing = NumberFact | Claim


class FactsSpec(NamedTuple):
    """The format's `facts`: the number facts and claims, and the words around them."""

    units: dict[str, str]  # kind -> the units a number of it is written with ("万元|元")
    numbers: tuple[NumberFact, ...] = ()
    claims: tuple[Claim, ...] = ()
    scope_words: tuple[str, ...] = ()  # 其中, 市本级: the sentence may be about part of the agency
    subject_masks: tuple[str, ...] = ()  # 复议后起诉, 未经复议: 复议 there names no 复议 case
    scope_masks: tuple[str, ...] = ()  # 本机关不掌握: a scope word there limits nothing
    approx_before: tuple[str, ...] = ()  # 约 300 件: not an exact statement
    approx_after: tuple[str, ...] = ()

    @property
    def phrasings(self) -> tuple[Phrasing, ...]:
        """The number facts, then the claims."""
        return (*self.numbers, *self.claims)


class ReportFormat(NamedTuple):
    id: str
    name: str
    document: str
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    overview_parts: tuple[str, ...]
    tables: tuple[Table, ...]
    rules: tuple[RuleSpec, ...]
    fields: dict[str, Field]
    # input key -> derived keys to recompute when it changes, in evaluation order
    dependents: dict[str, tuple[str, ...]]
    derived_order: tuple[str, ...]
    carry_over: tuple[CarryOver, ...]
    drafts: dict[str, dict[str, Any]]  # drafting templates (domain/drafts.py)
    new_report_text: dict[str, str]  # text key -> draft filled into a new report
    facts: FactsSpec
    open_at: str = ""  # the page shown first when a file of this format is opened
    usage: str = ""  # which years use this format, in words
    register: RegisterSpec | None = None
    # texts before the six sections (the opening paragraph): unnumbered, no heading printed
    front_texts: tuple[Section, ...] = ()

    def table(self, table_id: str) -> Table:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def section(self, section_id: str) -> Section | None:
        """The section (or front text) by its id, table id or text key (a table's note: its section)."""
        return next((s for s in self.all_parts if section_id in (s.id, s.table, s.text, s.note)), None)

    def text_heading(self, key: str) -> str:
        """What a text is called in messages and the undo list: its part's heading, a table's
        note “四、…（表下说明）”."""
        section = self.section(key)
        if section is None:
            return key
        return f"{section.heading}（{NOTE_TITLE}）" if key == section.note else section.heading

    def note_of(self, table_id: str) -> str | None:
        """The text key of the note under table `table_id` (None: the format has none)."""
        return next((s.note for s in self.sections if s.table == table_id), None)

    def is_note(self, key: str) -> bool:
        """`key` is the note under a table."""
        return any(s.note == key for s in self.sections)

    @property
    def all_parts(self) -> tuple[Section, ...]:
        """The front texts, then the six sections: everything the report prints, in order."""
        return self.front_texts + self.sections

    @property
    def text_keys(self) -> tuple[str, ...]:
        """Every text key in print order: front texts first, a table's note after its table."""
        return tuple(k for s in self.all_parts for k in s.text_keys)

    def covers_year(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.fields)

    @property
    def input_keys(self) -> tuple[str, ...]:
        return tuple(k for k, f in self.fields.items() if f.is_input)

    @property
    def number_keys(self) -> tuple[str, ...]:
        return tuple(k for k, f in self.fields.items() if f.kind != "unit")

    @property
    def title(self) -> str:
        return f"{self.name}（{self.document}）"
