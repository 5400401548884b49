"""Parse a document's sentences with the Lark grammar and build its facts."""

from __future__ import annotations

from checker.extract.relations import Context, SentenceFacts
from checker.extract.sentences import focus, sentences
from checker.extract.transform import parse_sentence
from checker.facts import Fact, Facts, Sentence, Span
from checker.source import Source


def extract(source: Source) -> Facts:
    """Every fact of the document, in text order, with the sentences it was read from.

    Only sentences that hold a digit are parsed (the rest carry no figure); a sentence that
    does not parse costs only its own facts.
    """
    items: list[Fact] = []
    read: list[Sentence] = []
    ctx = Context()
    for index, piece in enumerate(sentences(source)):
        if not any(ch.isdigit() for ch in piece.text):
            continue
        clauses = parse_sentence(focus(piece.text), piece.start)
        read.append(Sentence(index, Span(piece.start, piece.end), clauses is not None))
        if clauses is None:
            continue
        builder = SentenceFacts(clauses, index, len(items), ctx)
        items.extend(builder.build(source.text))
    return Facts(tuple(items), tuple(read))
