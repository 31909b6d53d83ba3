"""HTML views of article text: shared passages side by side, shared words highlighted.

Every character taken from an article goes through `html.escape`, so a page
that contains markup ("<script>", "&amp;") shows it as text.
"""

from __future__ import annotations

import html

import pandas as pd

from research.similarity import word_tokens

STYLE = (
    "<style>.shared-spans td{vertical-align:top;text-align:left;width:50%;font-size:90%}"
    ".shared-spans mark{background:#ffe08a}.shared-spans th{text-align:left}</style>"
)


def highlight_shared(text: str, other: str) -> str:
    """`text` as escaped HTML with each word that also occurs in `other` wrapped in <mark>.

    Words are compared in their matching form (`similarity.word_tokens`:
    case, quote style and thousands separators ignored).
    """
    others = {word for _, _, word in word_tokens(other)}
    parts, position = [], 0
    for start, end, word in word_tokens(text):
        parts.append(html.escape(text[position:start]))
        token = html.escape(text[start:end])
        parts.append(f"<mark>{token}</mark>" if word in others else token)
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def side_by_side(spans: pd.DataFrame, labels: dict | None = None) -> str:
    """An HTML table of shared spans: A's text and B's text side by side, shared words highlighted.

    `spans`: rows of `align` (uses `article_id_a`, `article_id_b`, `kind`,
    `n_words`, `similarity`, `text_a`, `text_b`), shown in the given order.
    `labels`: display names of the articles (e.g. article_id -> outlet);
    article ids are shown where a label is missing.
    """
    labels = labels or {}
    rows = []
    for span in spans.itertuples(index=False):
        name_a = html.escape(str(labels.get(span.article_id_a, span.article_id_a)))
        name_b = html.escape(str(labels.get(span.article_id_b, span.article_id_b)))
        caption = html.escape(
            f"{span.kind}, {span.n_words} words, similarity {span.similarity:.2f}"
        )
        rows.append(
            f"<tr><th>{name_a}</th><th>{name_b} ({caption})</th></tr>"
            f"<tr><td>{highlight_shared(span.text_a, span.text_b)}</td>"
            f"<td>{highlight_shared(span.text_b, span.text_a)}</td></tr>"
        )
    return f'{STYLE}<table class="shared-spans">{"".join(rows)}</table>'
