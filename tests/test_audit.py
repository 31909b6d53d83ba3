import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import research


def test_accounting_detects_lost_and_duplicated_text(seed_articles, seed_blocks):
    dropped = seed_blocks.drop(index=seed_blocks.index[5])
    table = research.check_accounting(seed_articles, dropped)
    lost = table.set_index("article_id").loc[seed_blocks.iloc[5]["article_id"]]
    assert not lost["ok"] and lost["in_no_block"] == len(seed_blocks.iloc[5]["text"].replace(" ", ""))

    doubled = seed_blocks.copy()
    doubled.loc[doubled.index[5], "end"] += 3  # now overlaps the next block
    doubled.loc[doubled.index[5], "text"] = "tampered"
    with pytest.raises(AssertionError, match=seed_blocks.iloc[5]["article_id"]):
        research.assert_accounted(seed_articles, doubled)


def test_accounting_detects_body_text_missing_from_passages(seed_articles, seed_blocks, seed_passages):
    body = seed_passages[seed_passages["role"] == "body"]
    table = research.check_accounting(seed_articles, seed_blocks, seed_passages.drop(index=body.index[0]))
    assert (~table["ok"]).sum() == 1


def test_cleaning_audit_adds_up(seed_articles, seed_blocks):
    audit = research.cleaning_audit(seed_articles, seed_blocks)
    assert (audit["body_chars"] + audit["set_aside_chars"] == audit["chars"]).all()
    assert audit["chars"].tolist() == [sum(not c.isspace() for c in t) for t in seed_articles["text"]]
    assert list(audit["outlet"]) == list(seed_articles["outlet"])
    assert audit.set_index("outlet")["body_share"].between(0.4, 1.0).all()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n", max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6))
def test_span_accounting_equals_a_character_by_character_count(text, raw_spans):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in raw_spans]
    blocks = pd.DataFrame({"article_id": "x", "block_id": [f"x:b{i}" for i in range(len(spans))],
                           "start": [s for s, _ in spans], "end": [e for _, e in spans],
                           "role": "body", "reason": "r", "text": [text[s:e] for s, e in spans]})
    table = research.check_accounting(pd.DataFrame({"article_id": ["x"], "text": [text]}), blocks)
    layers = [sum(s <= i < e for s, e in spans) for i in range(len(text))]
    nonspace = [i for i, c in enumerate(text) if not c.isspace()]
    row = table.iloc[0]
    assert row["nonspace_chars"] == len(nonspace)
    assert row["in_no_block"] == sum(layers[i] == 0 for i in nonspace)
    assert row["in_several_blocks"] == sum(layers[i] > 1 for i in nonspace)
    assert row["body_chars"] == sum(layers[i] > 0 for i in nonspace)
