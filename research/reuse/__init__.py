"""Compare: passage similarity, the similarity join and its compiled kernels, shared spans and derivation.

May import `research.corpus`, `research.text` and `research.errors`.
"""
