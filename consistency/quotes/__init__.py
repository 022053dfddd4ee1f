"""Quotations: where a document quotes someone (detect.py, with the marks of each language in
marks.py) and who is quoted, with which reporting verb (attribution.py, verbs in verbs.py)."""
from .attribution import NEXT, NONE, PREVIOUS, SAME_AFTER, SAME_BEFORE, Attribution, attribute
from .detect import PHRASE, STATEMENT, Quote, find_quotes, word_count

__all__ = ["NEXT", "NONE", "PHRASE", "PREVIOUS", "SAME_AFTER", "SAME_BEFORE", "STATEMENT", "Attribution",
           "Quote", "attribute", "find_quotes", "word_count"]
