"""Who said what, and which figures: attribution cues, actors, figures and the claim ledger.

May import `research.text` and `research.errors`.
"""
