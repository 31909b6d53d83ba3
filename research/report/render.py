"""HTML views of article text: shared passages side by side, conflicting figures side by side.

Every character taken from an article goes through `html.escape`, so a page
that contains markup ("<script>", "&amp;") shows it as text. Tables are
left-aligned with selectors specific enough to win over a notebook's own
table style.
"""

from __future__ import annotations

import html
from functools import lru_cache

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.report.layout import when
from research.text.sentences import sentence_spans
from research.text.tokens import word_tokens

STYLE = (
    "<style>table.shared-spans,table.conflicts{border-collapse:collapse;width:100%}"
    "table.shared-spans td,table.shared-spans th,table.conflicts td,table.conflicts th{text-align:left;"
    "vertical-align:top;padding:.4em .6em;border-bottom:1px solid #ddd;font-size:95%;line-height:1.45}"
    "table.shared-spans td{width:50%}table.shared-spans mark,table.conflicts mark{background:#ffe08a}"
    "table.shared-spans span.context{color:#777}table.conflicts th.group{background:#f4f5f7;font-weight:600}"
    "table.shared-spans th span.kind,table.conflicts td.figure{white-space:nowrap}"
    "table.conflicts td:last-child{width:60%}</style>"
)


def highlight_differences(text: str, other: str) -> str:
    """`text` as escaped HTML with each word that `other` lacks wrapped in <mark>.

    Words are compared in their matching form (`research.text.tokens.word_tokens`:
    case, quote style and thousands separators ignored); stop words ("the",
    "to") are never marked, so what is marked is what a reader would call a
    changed word.
    """
    others = {word for _, _, word in word_tokens(other)}
    parts, position = [], 0
    for start, end, word in word_tokens(text):
        parts.append(html.escape(text[position:start]))
        token = html.escape(text[start:end])
        parts.append(f"<mark>{token}</mark>" if word not in others and word not in ENGLISH_STOP_WORDS else token)
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentence_spans(text))


def _whole_sentences(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the sentence holding `start` and the end of the sentence holding `end - 1`,
    within the paragraph (blank-line separated) of the span."""
    low = text.rfind("\n\n", 0, start) + 1
    high = text.find("\n\n", end)
    high = len(text) if high < 0 else high
    spans = [(s + low, e + low) for s, e in _sentences(text[low:high])]
    first = max((s for s, _ in spans if s <= start), default=start)
    last = min((e for _, e in spans if e >= end), default=end)
    return min(first, start), max(last, end)


def _side(span, side: str, other: str, texts: dict) -> str:
    """One side of a span: its text with the differing words marked, inside its whole sentences."""
    own = getattr(span, f"text_{side}")
    marked = highlight_differences(own, other)
    text = texts.get(getattr(span, f"article_id_{side}"))
    start, end = getattr(span, f"start_{side}"), getattr(span, f"end_{side}")
    if text is None or text[start:end] != own:
        return marked
    first, last = _whole_sentences(text, start, end)
    before, after = text[first:start], text[end:last]
    return ((f"<span class='context'>{html.escape(before)}</span>" if before else "") + marked
            + (f"<span class='context'>{html.escape(after)}</span>" if after else ""))


def _caption(span) -> str:
    if span.kind == "verbatim":
        return f"{span.n_words} words, word for word"
    kind = "nearly word for word" if span.kind == "near-verbatim" else str(span.kind).replace("paraphrase", "reworded")
    return f"{span.n_words} words, {kind} (similarity {span.similarity:.2f})"


def side_by_side(spans: pd.DataFrame, labels: dict | None = None, articles: pd.DataFrame | None = None) -> str:
    """An HTML table of shared spans: A's text and B's text side by side, the words that differ marked.

    `spans`: rows of `align` (uses `article_id_a`, `article_id_b`, `start_a`, `end_a`, `start_b`,
    `end_b`, `kind`, `n_words`, `similarity`, `text_a`, `text_b`), shown in the given order.
    `labels`: display names of the articles (e.g. article_id -> outlet); article ids are shown
    where a label is missing. `articles` (`article_id`, `text`): when given, each span is shown
    within its whole sentences, the text around it in grey. Only words one side lacks are marked,
    never stop words, so a verbatim span shows no mark.
    """
    labels = labels or {}
    texts = dict(zip(articles["article_id"], articles["text"])) if articles is not None else {}
    rows = []
    for span in spans.itertuples(index=False):
        name_a = html.escape(str(labels.get(span.article_id_a, span.article_id_a)))
        name_b = html.escape(str(labels.get(span.article_id_b, span.article_id_b)))
        rows.append(
            f"<tr><th>{name_a}</th><th>{name_b} <span class='kind'>({html.escape(_caption(span))})</span></th></tr>"
            f"<tr><td>{_side(span, 'a', span.text_b, texts)}</td>"
            f"<td>{_side(span, 'b', span.text_a, texts)}</td></tr>"
        )
    return f'{STYLE}<table class="shared-spans">{"".join(rows)}</table>'


def _passage(texts: pd.Series, article_id: str, start: int, end: int, sentence: str) -> str:
    """The sentence holding text[start:end] with that figure marked (the figure alone when the sentence
    is not found around it)."""
    text = texts[article_id]
    offset = text.find(sentence, max(0, end - len(sentence))) if sentence else -1
    if offset < 0 or not offset <= start <= end <= offset + len(sentence):
        return f"<mark>{html.escape(text[start:end])}</mark>"
    local_start, local_end = start - offset, end - offset
    return (html.escape(sentence[:local_start]) + "<mark>" + html.escape(sentence[local_start:local_end])
            + "</mark>" + html.escape(sentence[local_end:]))


def conflicts_html(conflicts: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The conflicting claims as an HTML table: per subject and date, what disagrees, then each
    passage involved once, the figure highlighted.

    `conflicts`: rows of `claim_conflicts` (pairs of mentions); a mention in several pairs is listed
    once. `articles`: `article_id`, `text`. Article text is escaped (`html.escape`), so markup in an
    article shows as text.
    """
    texts = articles.set_index("article_id")["text"]
    sides = ["outlet", "article_id", "start", "end", "figure", "claimant_group", "text"]
    rows = []
    for (subject, asof), group in conflicts.groupby(["subject_key", "asof_end"], sort=True):
        mentions = pd.concat([group[["conflict", *[f"{c}_{s}" for c in sides]]].set_axis(["conflict", *sides], axis=1)
                              for s in "ab"], ignore_index=True)
        summary = []
        for kind, pairs in mentions.groupby("conflict", sort=True):
            figures = pairs.drop_duplicates(["figure", "outlet"]).groupby("figure", sort=False)["outlet"].agg(
                lambda outlets: ", ".join(sorted(set(outlets))))
            summary.append(f"{kind}: " + "; ".join(f"{figure} ({outlets})" for figure, outlets in figures.items()))
        heading = f"{subject}, as of {when(asof) or 'no date'}: " + " · ".join(summary)
        rows.append(f"<tr><th class='group' colspan='4'>{html.escape(heading)}</th></tr>")
        for m in mentions.drop_duplicates(["article_id", "start"]).sort_values(["outlet", "start"]).itertuples():
            rows.append(f"<tr><td><b>{html.escape(str(m.outlet))}</b></td>"
                        f"<td class='figure'>{html.escape(str(m.figure))}</td>"
                        f"<td>{html.escape(str(m.claimant_group) or 'own voice')}</td>"
                        f"<td>{_passage(texts, m.article_id, m.start, m.end, m.text)}</td></tr>")
    header = "".join(f"<th>{name}</th>" for name in ("outlet", "figure", "claimed by", "passage"))
    return f"{STYLE}<table class='conflicts'><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
