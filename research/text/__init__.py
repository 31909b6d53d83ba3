"""What every stage reads text with: the tokenizer, quotation marks, sentences, dates.

Plain functions on strings; may import nothing else of the package.
"""
