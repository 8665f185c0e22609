#!/usr/bin/env python3
"""Builds judged-queries.jsonl from ../shared/corpus by the transparent rules in README.md.

Run from the project root: python3 src/test/resources/relevance/generate.py [shared-dir]
Traditional queries are converted afterwards by ToTraditional.java (opencc4j, as the service uses).
Seeded, so the same corpus gives the same file.
"""
import collections
import json
import random
import re
import sys
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
OUT = Path(__file__).with_name("judged-queries.jsonl")
CORPORA = ["laws_lawrefbook", "xinwen_lianbo_cctv", "party_building_school_site"]
rng = random.Random(20240601)
HAN = re.compile(r"[\u4e00-\u9fff]+")

docs = []  # (id, corpus, title, text)
for c in CORPORA:
    for line in open(SHARED / "corpus" / c / "index.jsonl", encoding="utf-8"):
        row = json.loads(line)
        text = (SHARED / "corpus" / c / row["file"]).read_text(encoding="utf-8")
        docs.append((row["id"], c, row["title"], text))
titles = collections.Counter(d[2] for d in docs)


def topical(term, text_min=3):
    """Grade 2: the title contains the term; grade 1: the text contains it at least text_min times."""
    rel = {}
    for i, _, title, text in docs:
        if term in title:
            rel[i] = 2
        elif text.count(term) >= text_min:
            rel[i] = 1
    return rel


queries = []


def add(query, kind, rel, rule):
    if rel:
        queries.append({"query": query, "kind": kind, "relevant": rel, "rule": rule})


def clean_title(t):
    return re.sub(r"^【[^】]*】", "", t).strip()


# Known item by title: titles that occur once, long enough to identify the document.
def unique_titled(corpus, n, used):
    pool = [d for d in docs if d[1] == corpus and titles[d[2]] == 1 and len(clean_title(d[2])) >= 8 and d[0] not in used]
    picked = rng.sample(pool, n)
    used.update(d[0] for d in picked)
    return picked


used = set()
for d in unique_titled("laws_lawrefbook", 12, used) + unique_titled("xinwen_lianbo_cctv", 8, used) + unique_titled(
        "party_building_school_site", 5, used):
    add(clean_title(d[2]), "title", {d[0]: 2}, "known item: its own title (column prefix 【…】 dropped)")

# Traditional-script titles (converted by ToTraditional.java; the "query" holds the Simplified until then).
for d in unique_titled("laws_lawrefbook", 10, used) + unique_titled("xinwen_lianbo_cctv", 5, used):
    add(clean_title(d[2]), "traditional", {d[0]: 2}, "known item: its own title in Traditional script")

# Paraphrased law titles: without the 中华人民共和国 prefix; the law itself 2, other titles containing it 1.
laws = [d for d in docs if d[1] == "laws_lawrefbook" and d[2].startswith("中华人民共和国") and titles[d[2]] == 1
        and d[0] not in used and len(d[2]) <= 16]
for d in rng.sample(laws, 10):
    short = d[2][len("中华人民共和国"):]
    rel = {o[0]: 1 for o in docs if short in o[2]}
    rel[d[0]] = 2
    add(short, "paraphrase", rel, "short law title: the law 2, other titles containing it 1")

# Distinctive passages: a Han run of 8-12 characters that occurs in exactly one document.
for corpus, n in (("laws_lawrefbook", 7), ("xinwen_lianbo_cctv", 7), ("party_building_school_site", 6)):
    pool = [d for d in docs if d[1] == corpus and d[0] not in used]
    got = 0
    while got < n:
        d = rng.choice(pool)
        runs = [r for r in HAN.findall(d[3]) if len(r) >= 12]
        if not runs:
            continue
        run = rng.choice(runs)
        size = rng.randint(8, 12)
        start = rng.randint(0, len(run) - size)
        passage = run[start:start + size]
        if sum(1 for o in docs if passage in o[3] or passage in o[2]) == 1:
            used.add(d[0])
            add(passage, "passage", {d[0]: 2}, "known item: a passage found in no other document")
            got += 1

TOPICS = ["乡村振兴", "疫情防控", "安全生产", "基层党组织建设", "生态环境保护", "知识产权", "食品安全", "脱贫攻坚",
          "全面从严治党", "一带一路", "党史学习教育", "科技创新", "个人信息保护", "医疗保障", "文化遗产", "野生动物保护",
          "未成年人保护", "营商环境", "黄河流域", "粮食安全", "网络安全", "反垄断", "主题教育", "志愿服务", "碳达峰"]
for t in TOPICS:
    add(t, "topic", topical(t), "topical: title contains 2, text contains >= 3 times 1")

TWO = ["扶贫", "税收", "消防", "海关", "渔业", "审计", "监狱", "森林", "疫苗", "廉洁", "湿地", "专利", "彩票", "航天", "教师"]
for t in TWO:
    add(t, "two_char", topical(t), "topical: title contains 2, text contains >= 3 times 1")

for t in ["矿", "粮", "税", "茶", "鱼"]:
    add(t, "single_char", topical(t, 20), "single character: title contains 2, text contains >= 20 times 1")

QUOTED = [("“全面从严治党”", "全面从严治党"), ('"不忘初心"', "不忘初心"), ("「两个维护」", "两个维护"),
          ('"新发展理念"', "新发展理念"), ("“人类命运共同体”", "人类命运共同体"), ('"供给侧结构性改革"', "供给侧结构性改革"),
          ("“社会主义核心价值观”", "社会主义核心价值观"), ('"最低生活保障"', "最低生活保障")]
for q, t in QUOTED:
    add(q, "quoted", topical(t, 1), "quoted phrase: title contains 2, text contains it at all 1")

QUESTIONS = [
    ("国家对野生动物保护有哪些法律规定？", "野生动物保护"),
    ("企业发生安全生产事故后应当承担什么责任？", "安全生产"),
    ("如何加强基层党组织建设？", "基层党组织"),
    ("农村土地承包经营权可以流转吗？", "土地承包"),
    ("个人信息被泄露了怎么维权？", "个人信息"),
    ("食品安全标准由哪个部门制定？", "食品安全"),
    ("怎样申请政府信息公开？", "政府信息公开"),
    ("未成年人保护法规定了哪些家庭保护责任？", "未成年人保护"),
    ("如何推进乡村振兴战略实施？", "乡村振兴"),
    ("消费者权益受到侵害时应当如何投诉？", "消费者权益"),
    ("反垄断执法机构有哪些职责？", "反垄断"),
    ("劳动合同解除需要支付经济补偿吗？", "劳动合同"),
    ("疫情防控期间各地采取了哪些措施？", "疫情防控"),
    ("怎样保护黄河流域的生态环境？", "黄河流域"),
]
for q, t in QUESTIONS:
    add(q, "question", topical(t), "question about '" + t + "': title contains it 2, text contains >= 3 times 1")

# Document numbers cited in the text, queried in another bracket style.
NUMBER = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,6})[〔\[［（(]((?:19|20)\d{2})[〕\]］）)](\d{1,4})号")
cited = collections.defaultdict(dict)
for i, _, _, text in docs:
    for m in NUMBER.finditer(text):
        key = m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号"
        cited[key][i] = 2 if m.start() < 300 else 1
numbers = sorted(k for k, v in cited.items() if len(v) <= 3)
styles = ["[{}]", "（{}）", "〔{}〕"]
for k in rng.sample(numbers, 8):
    issuer, rest = k.split("〔")
    year, serial = rest.split("〕")
    q = issuer + rng.choice(styles).format(year) + serial
    # Any bracket style in the text counts.
    rel = {}
    for i, _, _, text in docs:
        for m in NUMBER.finditer(text):
            if m.group(1) == issuer and m.group(2) == year and m.group(3) + "号" == serial:
                rel[i] = max(rel.get(i, 0), 2 if m.start() < 300 else 1)
    add(q, "doc_number", rel, "document number in any bracket style: in the first 300 chars 2, later 1")

with open(OUT, "w", encoding="utf-8") as f:
    for q in queries:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")
print(len(queries), collections.Counter(q["kind"] for q in queries))
