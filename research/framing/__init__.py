"""How outlets tell it: distinctive terms, certainty markers, voices and headlines.

May import `research.claims`, `research.text` and `research.errors`.
"""
