"""HTML views of article text: shared passages side by side, conflicting figures side by side.

Every character taken from an article goes through `html.escape`, so a page
that contains markup ("<script>", "&amp;") shows it as text.
"""

from __future__ import annotations

import html

import pandas as pd

from research.text.tokens import word_tokens

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


def conflicts_html(conflicts: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The conflicting passages side by side as an HTML table, the figure highlighted.

    Article text is escaped (`html.escape`), so markup in an article shows as text.
    """
    texts = articles.set_index("article_id")["text"]

    def passage(row, side: str) -> str:
        text = texts[getattr(row, f"article_id_{side}")]
        start, end = getattr(row, f"start_{side}"), getattr(row, f"end_{side}")
        sentence = getattr(row, f"text_{side}")
        offset = text.find(sentence, max(0, end - len(sentence))) if sentence else -1
        if offset < 0 or not offset <= start <= end <= offset + len(sentence):
            return html.escape(text[start:end])
        local_start, local_end = start - offset, end - offset
        return (html.escape(sentence[:local_start]) + "<mark>" + html.escape(sentence[local_start:local_end])
                + "</mark>" + html.escape(sentence[local_end:]))

    rows = []
    for row in conflicts.itertuples(index=False):
        cells = [html.escape(str(row.subject_key)), html.escape(str(row.asof_end)), html.escape(row.conflict)]
        for side in "ab":
            cells.append(f"<b>{html.escape(str(getattr(row, f'outlet_{side}')))}</b> "
                         f"({html.escape(str(getattr(row, f'claimant_group_{side}')) or 'own voice')}): "
                         + passage(row, side))
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    header = "".join(f"<th>{name}</th>" for name in ("subject", "as of", "conflict", "passage A", "passage B"))
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
