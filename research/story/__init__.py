"""Group: events across a corpus, story elements within an event, and what each outlet covered.

May import `research.reuse`, `research.claims.quantities`, `research.corpus`, `research.text`.
"""
