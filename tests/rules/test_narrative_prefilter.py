"""The narrative extractors skip a sentence when it lacks the words its patterns need: that must
never skip a sentence a pattern would have matched (disclosure_lint/text/prose.py, _REQUEST_NEEDS and the
table 二 / 四 word checks). Checked on every sentence of the repository's reports and on generated
text built from the patterns' own vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint.text import prose as n

ROOT = Path(__file__).resolve().parents[2]
# Fragments of the patterns' vocabulary, so generated sentences come close to matching them.
WORDS = [
    "申请", "政府信息公开", "信息公开", "依申请公开", "收到", "受理", "办理", "办结", "答复", "处理", "予以公开", "部分公开",
    "不予公开", "无法提供", "不予处理", "其他处理", "上年结转", "结转下年度", "转入", "遗留", "自然人", "法人或其他组织",
    "商业企业", "科研机构", "未", "没有", "无", "共", "的", "件", "条", "7", "三", "，", "、", "。", "规章", "规范性文件",
    "行政规范性文件", "制发", "废止", "现行有效", "行政许可", "行政处罚", "行政强制", "作出", "决定", "行政复议", "行政诉讼",
    "诉讼", "被申请", "被提起", "和", "各", "中", "公民", "企业", "组织", "机构", "法人", "办理完毕", "办理完成",
    "XX", "x", "×", "（略）", "【略】", "待补充", "此处填写", "___", "_", "篇", "@", "信息",
]


def _sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(ROOT.glob("tests/**/*.txt")) + sorted(ROOT.glob("tests/**/*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for line in text.splitlines():
            prep = n.Prepared.of(line)
            out += [prep.text[a:b] for a, b in n.sentence_spans(prep.text)]
    return out


def _assert_prefilters_keep(s: str) -> None:
    for name, pattern in n._REQUEST_PATTERNS.items():
        if pattern.search(s):
            assert n._REQUEST_NEEDS[name].search(s), (name, s)
    if any(p.search(s) for p in n._ACTIVE_PATTERNS.values()):
        assert n._ACTIVE_WORD.search(s), s
    if any(p.search(s) for p in n._LITIGATION_PATTERNS.values()):
        assert n._LITIGATION_WORD.search(s), s
    if n._SUBSET_CLAUSE.search(s):
        assert "申请中" in s, s
    if n._COMPLETION_RATE.search(s):
        assert "办结率" in s, s
    for (kind, pattern), needs in zip(n._PLACEHOLDER_PATTERNS, n._PLACEHOLDER_NEEDS, strict=True):
        if pattern.search(s):
            assert needs.search(s), (kind, s)


def test_the_repository_reports_have_sentences_the_patterns_match() -> None:
    sentences = _sentences()
    assert len(sentences) > 1000
    # the check below means something only if the patterns do match some of them
    assert sum(1 for s in sentences if n._REQUEST_PATTERNS["outcome"].search(s)) > 50
    assert sum(1 for s in sentences if n._ACTIVE_PATTERNS["verb_doc"].search(s)) > 5
    assert sum(1 for s in sentences if n._LITIGATION_PATTERNS["none"].search(s)) > 5


def test_no_sentence_of_the_repository_is_skipped_wrongly() -> None:
    for s in _sentences():
        _assert_prefilters_keep(s)


@settings(max_examples=20 * settings.default.max_examples, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_no_generated_sentence_is_skipped_wrongly(words: list[str]) -> None:
    _assert_prefilters_keep(n.Prepared.of("".join(words)).text)


def test_a_sentence_without_the_words_yields_no_claims() -> None:
    # the skip is what makes these cheap: a long sentence of other words gives nothing
    text = "持续优化工作流程，" * 20 + "全年共举办培训3次。"
    assert n.find_request_claims(text, year=2023, context=True) == []
    assert n.find_active_claims(text, year=2023) == []
    assert n.find_litigation_claims(text, year=2023, context=True) == []
    assert not re.search("申请|规章|诉讼", text)
