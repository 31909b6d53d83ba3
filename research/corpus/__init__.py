"""Load and clean: files -> articles -> blocks with roles -> passages with offsets.

May import `research.text` and `research.errors` only.
"""
