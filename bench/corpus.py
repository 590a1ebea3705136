"""Build the benchmark corpus: real news texts from ../shared/eval, made distinct to 10,000+.

Sources (all under ``../shared/eval``, read-only, never copied into the repo):
ECB+ texts (tokenised XML, detokenised here), MEANTIME English (the same),
the article-extraction benchmark's ground-truth bodies, and the news-articles
markdown files. About 1,300 distinct texts.

Repeating a text does not grow spaCy's string store, so a memory test over plain
repeats proves nothing. Copy ``k >= 1`` of a text therefore has every capitalised
non-stop word replaced by a generated name and every number shifted, both unique
to the copy: the sentence structure stays news-like, the vocabulary is new.

The corpus is written as JSON Lines (``{"text", "title", "source"}``) to
``bench/.cache/corpus-N.jsonl`` and reused when present.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the shared corpora: ../shared beside the repository, or $SITREP_SHARED
EVAL = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared") / "eval"
CACHE = Path(__file__).resolve().parent / ".cache"

SYLLABLES = ("ka", "lo", "ve", "mi", "dra", "sun", "tor", "bel", "ny", "quo", "zar", "fen", "ish", "pol",
             "ru")
NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
NO_SPACE_AFTER = re.compile(r"([(\[{$#]) ")
CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+\b")
NUMBER = re.compile(r"\b\d+\b")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens).replace("``", '"').replace("''", '"')
    text = NO_SPACE_BEFORE.sub(r"\1", text)
    return NO_SPACE_AFTER.sub(r"\1", text)


def _token_xml(data: bytes) -> tuple[str, str]:
    """(title, text) of an ECB+ or MEANTIME token file: sentences joined, first as title."""
    root = ET.fromstring(data)
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    return lines[0] if lines else "", "\n\n".join(lines)


def _tar_texts(path: Path, keep: str) -> Iterator[dict[str, str]]:
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".xml") and keep in member.name:
                fh = tar.extractfile(member)
                if fh is None:
                    continue
                title, text = _token_xml(fh.read())
                yield {"title": title, "text": text, "source": f"{path.name}:{member.name}"}


def real_texts(eval_dir: Path = EVAL) -> Iterator[dict[str, str]]:
    """Every real text of the four corpora, in a fixed order."""
    yield from _tar_texts(eval_dir / "ecbplus" / "ECB+.tar.gz", "ECB+/")
    yield from _tar_texts(eval_dir / "meantime-en" / "meantime_newsreader_english_oct15.tar.gz",
                          "/intra-doc_annotation/")
    with gzip.open(eval_dir / "article-extraction-benchmark" / "ground-truth.json.gz", "rt") as fh:
        truth = json.load(fh)
    for key in sorted(truth):
        body = truth[key].get("articleBody") or ""
        yield {"title": "", "text": body, "source": f"article-extraction-benchmark:{key}"}
    for md in sorted((eval_dir / "news-articles").glob("*.md")):
        if md.name != "SOURCE.md":
            text = md.read_text(encoding="utf-8")
            yield {"title": text.split("\n", 1)[0], "text": text, "source": f"news-articles:{md.name}"}


def _name(word: str, copy: int) -> str:
    digest = hashlib.blake2b(f"{copy}:{word}".encode(), digest_size=8).digest()
    parts = [SYLLABLES[b % len(SYLLABLES)] for b in digest[: 2 + digest[7] % 3]]
    return "".join(parts).capitalize()


def make_distinct(text: str, copy: int, stop_words: frozenset[str]) -> str:
    """Copy ``copy`` of ``text``: capitalised non-stop words and numbers replaced consistently."""
    if copy == 0:
        return text
    names: dict[str, str] = {}

    def name(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.lower() in stop_words:
            return w
        return names.setdefault(w, _name(w, copy))

    text = CAPITALISED.sub(name, text)
    return NUMBER.sub(lambda m: str(int(m.group(0)) + 7 * copy), text)


def build(n: int, eval_dir: Path = EVAL) -> Iterator[dict[str, str]]:
    """``n`` articles with distinct bodies: the real texts, then distinct copies of them."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if not (eval_dir / "ecbplus").is_dir():
        raise SystemExit(f"bench: the shared corpora are not at {eval_dir}: set SITREP_SHARED to the "
                         "folder that holds eval/ (ecbplus, meantime-en, article-extraction-benchmark)")
    stop = frozenset(STOP_WORDS)
    base = [t for t in real_texts(eval_dir) if t["text"].strip()]
    seen: set[str] = set()
    copy = 0
    while len(seen) < n:
        for item in base:
            text = make_distinct(item["text"], copy, stop)
            key = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            if key in seen:
                continue
            seen.add(key)
            yield {"title": make_distinct(item["title"], copy, stop), "text": text,
                   "source": f"{item['source']}#copy{copy}"}
            if len(seen) >= n:
                return
        copy += 1


def corpus_path(n: int) -> Path:
    """The cached corpus of ``n`` articles, built on first use."""
    path = CACHE / f"corpus-{n}.jsonl"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for item in build(n):
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        tmp.rename(path)
    return path


def read_corpus(path: Path, limit: int | None = None) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(corpus_path(size))
