"""The only code that knows the shape of grammars/statements.lark.

``parse_sentence`` parses one sentence and returns its items: a list of clauses (separated
by ";"), each a list of ``Item``. Constructions become items of their kind; plain tokens
(words, commas, colons, breakdown and total keywords) become items of kind "token" with
their terminal name. Offsets are absolute (into the NFC text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Transformer, v_args
from lark.exceptions import LarkError

from checker.facts import Number
from checker.grammar import parser
from checker.numbers import to_number

Clause = list["Item"]


@dataclass
class Item:
    """One item of a sentence: a construction, a group or a token (mutable while building)."""

    kind: str
    start: int
    end: int
    text: str
    type: str = ""  # terminal name for tokens; keyword text for constructions
    numbers: list[Number] = field(default_factory=list)
    unit_text: str | None = None
    keyword: str = ""
    base: Item | None = None  # what a change or an achievement is compared with
    measure: str = "count"  # for a delta: count, percent or points
    years: tuple[int, int | None] | None = None  # for a term
    since_now: bool = False
    date: tuple[int | None, int | None, int] | None = None  # day, month blank in a draft
    date_style: str = "numeric"
    code: str = ""  # for a reference: the number and code as written
    clauses: list[Clause] = field(default_factory=list)  # for a group

    @property
    def is_figure(self) -> bool:
        return self.kind in ("quantity", "ratio", "share", "rate", "bare_percent", "delta")

    def word(self) -> str:
        return self.text if self.kind == "token" else ""


def _tok(t: Token, base: int) -> Item:
    start = base + (t.start_pos or 0)
    return Item("token", start, start + len(t), str(t), type=t.type)


@v_args(inline=True)
class _ToItems(Transformer[Token, list[Clause]]):
    """Lark tree -> items. Positions are made absolute with ``offset``."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        self.offset = 0  # stateless: positions are relative to the sentence

    # -- helpers -------------------------------------------------------------------------
    def _span_of(self, *children: object) -> tuple[int, int]:
        starts: list[int] = []
        ends: list[int] = []
        for c in children:
            if isinstance(c, Token):
                starts.append(self.offset + (c.start_pos or 0))
                ends.append(self.offset + (c.end_pos or 0))
            elif isinstance(c, Item):
                starts.append(c.start)
                ends.append(c.end)
        return min(starts), max(ends)

    def _make(self, kind: str, children: tuple[object, ...], text: str) -> Item:
        start, end = self._span_of(*children)
        return Item(kind, start, end, text)

    # -- structure -----------------------------------------------------------------------
    @v_args(inline=False)
    def sentence(self, children: list[object]) -> list[Clause]:
        return self._collect(children)

    @v_args(inline=False)
    def clause(self, children: list[object]) -> Clause:
        out: Clause = []
        for c in children:
            out.append(c if isinstance(c, Item) else _tok(c, self.offset))  # type: ignore[arg-type]
        return out

    def _collect(self, children: list[object]) -> list[Clause]:
        return [c for c in children if isinstance(c, list)]

    @v_args(inline=False)
    def group(self, children: list[object]) -> Item:
        item = self._make("group", (children[0], children[-1]), "")
        item.clauses = self._collect(children)
        return item

    # -- figures -------------------------------------------------------------------------
    @v_args(inline=False)
    def quantity(self, children: list[Token]) -> Item:
        item = self._make("quantity", tuple(children), " ".join(map(str, children)))
        item.numbers = [to_number(str(children[0]))]
        item.unit_text = str(children[1]) if len(children) > 1 else None
        return item

    def share(self, kw: Token, pct: Token) -> Item:
        item = self._make("share", (kw, pct), f"{kw} {pct}")
        item.keyword = str(kw)
        item.numbers = [to_number(str(pct))]
        return item

    @v_args(inline=False)
    def rate(self, children: list[object]) -> Item:
        kw, pct = children[0], children[1]
        item = self._make("rate", tuple(children), "")
        item.keyword = str(kw)
        item.numbers = [to_number(str(pct))]
        if len(children) > 3 and isinstance(children[3], Item):
            item.base = children[3]
        elif len(children) == 3 and isinstance(children[2], Token):  # "đạt 105% kế hoạch"
            item.base = _tok(children[2], self.offset)
        return item

    @v_args(inline=False)
    def delta(self, children: list[object]) -> Item:
        direction = children[0]
        item = self._make("delta", tuple(children), "")
        item.keyword = str(direction)
        rest = [c for c in children[1:] if isinstance(c, Token)]
        amount = rest[0]
        item.numbers = [to_number(str(amount))]
        if amount.type == "PERCENT":
            item.measure = "percent"
        for tok in rest[1:]:
            if tok.type == "UNIT":
                item.unit_text = str(tok)
            elif tok.type == "POINTS":
                item.measure = "points"
        bases = [c for c in children if isinstance(c, Item)]
        if bases:
            item.base = bases[0]
        return item

    def multiple(self, kw: Token, num: Token, lan: Token) -> Item:
        item = self._make("multiple", (kw, num, lan), f"{kw} {num} {lan}")
        item.numbers = [to_number(str(num))]
        return item

    @v_args(inline=False)
    def ratio(self, children: list[Token]) -> Item:
        item = self._make("ratio", tuple(children), " ".join(map(str, children)))
        a, b = str(children[0]).split("/")
        item.numbers = [to_number(a), to_number(b)]
        item.unit_text = str(children[1]) if len(children) > 1 else None
        return item

    def enumeration(self, tok: Token) -> Item:
        item = self._make("enumeration", (tok,), str(tok))
        item.numbers = [to_number(str(tok).strip("()"))]
        return item

    def bare_percent(self, pct: Token) -> Item:
        item = self._make("bare_percent", (pct,), str(pct))
        item.numbers = [to_number(str(pct))]
        return item

    def bare_span(self, span: Token) -> Item:
        item = self._make("term", (span,), str(span))
        item.years = _years(str(span))
        return item

    @v_args(inline=False)
    def base(self, children: list[object]) -> Item:
        child = children[0]
        if isinstance(child, Item):
            return child
        assert isinstance(child, Token)
        item = _tok(child, self.offset)
        if child.type == "YEAR_SPAN":
            item.kind = "term"
            item.years = _years(str(child))
        return item

    # -- periods, dates, citations ---------------------------------------------------------
    @v_args(inline=False)
    def term(self, children: list[Token]) -> Item:
        item = self._make("term", tuple(children), " ".join(map(str, children)))
        item.keyword = str(children[0])
        tok = children[1]
        if tok.type == "YEAR_SPAN":
            item.years = _years(str(tok))
        else:
            item.years = (int(str(tok)), None)
            item.since_now = len(children) > 2
        return item

    @v_args(inline=False)
    def date(self, children: list[Token]) -> Item:
        item = self._make("date", tuple(children), " ".join(map(str, children)))
        tok = children[-1]
        if tok.type == "DATE_NUM":
            d, m, y = (int(p) for p in str(tok).split("/"))
            item.date = (d, m, y)
        else:
            item.date = _date_words(str(tok))
            item.date_style = "words"
        return item

    @v_args(inline=False)
    def reference(self, children: list[Token]) -> Item:
        item = self._make("reference", tuple(children), " ".join(map(str, children)))
        item.keyword = " ".join(str(children[0]).lower().split())
        item.code = str(children[-1])
        return item


def _date_words(text: str) -> tuple[int | None, int | None, int]:
    """"ngày 05 tháng 02 năm 2020" -> (5, 2, 2020); a blank day or month is None. The
    terminal DATE_WORDS has exactly the words "ngày", "tháng", "năm", each before its number."""
    words = text.lower().split()
    values: dict[str, int | None] = {"ngày": None, "tháng": None, "năm": None}
    for i, word in enumerate(words):
        if word in values and i + 1 < len(words) and words[i + 1].isdigit():
            values[word] = int(words[i + 1])
    year = values["năm"]
    assert year is not None, text
    return values["ngày"], values["tháng"], year


def _years(text: str) -> tuple[int, int | None]:
    a, b = (p.strip() for p in text.replace("–", "-").split("-"))
    return int(a), int(b)


_TRANSFORMER = _ToItems()

# Bounds on one sentence's parse, far above real prose (the sample draft's longest sentence
# has 1,451 characters, 36 figures and brackets two deep): a longer "sentence" is a table
# flattened into text or hostile input, and costs only its own facts.
MAX_SENTENCE_CHARS = 20_000
MAX_SENTENCE_FIGURES = 500
MAX_BRACKET_DEPTH = 50


def _figures(text: str) -> int:
    return sum(1 for word in text.split() if any(ch.isdigit() for ch in word))


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")" and depth:
            depth -= 1
    return deepest


def parse_sentence(text: str, base: int) -> list[Clause] | None:
    """Parse one sentence; None when it does not parse even with its brackets ignored.

    The transformer runs inside the LALR parser (no tree is built), with positions relative
    to the sentence; they are then shifted by ``base`` to offsets in the document.
    """
    if len(text) > MAX_SENTENCE_CHARS or _figures(text) > MAX_SENTENCE_FIGURES:
        return None
    lark = parser("statements", "sentence", transformer=_TRANSFORMER)
    attempts = (text, _without_brackets(text))
    if _bracket_depth(text) > MAX_BRACKET_DEPTH:
        attempts = attempts[1:]
    for attempt in attempts:
        try:
            clauses: list[Clause] = lark.parse(attempt)
        except LarkError:
            continue
        if base:
            _shift(clauses, base)
        return clauses
    return None


def _shift(clauses: list[Clause], base: int) -> None:
    for clause in clauses:
        for item in clause:
            item.start += base
            item.end += base
            if item.base is not None:  # a base is never an item of the clause itself
                item.base.start += base
                item.base.end += base
            if item.clauses:
                _shift(item.clauses, base)


def _without_brackets(text: str) -> str:
    """Unbalanced brackets should cost their structure, not the sentence's facts."""
    return text.replace("(", " ").replace(")", " ")
