"""Parse a document's sentences with the Lark grammar, read its tables, and build its facts."""

from __future__ import annotations

from checker.extract.relations import Context, SentenceFacts, flush
from checker.extract.sentences import focus, sentences
from checker.extract.tables import TableRead, consumed_spans, inside, read_tables
from checker.extract.transform import parse_sentence
from checker.facts import Fact, Facts, Sentence, Span
from checker.source import Source


def extract(source: Source) -> Facts:
    """Every fact of the document, in text order, with the sentences it was read from.

    Only sentences that hold a digit are parsed (the rest carry no figure); a sentence that
    does not parse costs only its own facts. The figures of a table become Cell facts
    (checker/extract/tables.py) where the table stands; its header, labels and figures are
    not parsed again as sentences. A list that runs over several sentences ends at a table,
    and at the end of the document.
    """
    items: list[Fact] = []
    read: list[Sentence] = []
    ctx = Context()
    tables = read_tables(source)
    skip = consumed_spans(tables)
    pending = list(reversed(tables))  # nearest last
    for index, piece in enumerate(sentences(source)):
        _tables_before(pending, piece.start, items, ctx, source.text)
        if not any(ch.isdigit() for ch in piece.text):
            continue
        if skip and inside(skip, piece.start, piece.end):
            continue
        clauses = parse_sentence(focus(piece.text), piece.start)
        read.append(Sentence(index, Span(piece.start, piece.end), clauses is not None))
        if clauses is None:
            continue
        builder = SentenceFacts(clauses, index, len(items), ctx)
        items.extend(builder.build(source.text))
    _tables_before(pending, len(source.text), items, ctx, source.text)
    items.extend(flush(ctx, len(items), source.text))
    return Facts(tuple(items), tuple(read))


def _tables_before(
    pending: list[TableRead], before: int, items: list[Fact], ctx: Context, text: str
) -> None:
    """Add the cells of the tables that start by ``before``, numbered on from ``items``
    (after the list left open by the prose before the table)."""
    while pending and pending[-1].start <= before:
        items.extend(flush(ctx, len(items), text))
        items.extend(pending.pop().facts(len(items)))
