"""``python -m sitrep.kb.ecb [eval|train|cv] [--ecb-dir DIR] [--cache DIR]``.

``train`` fits the shipped weights (topics 1-35), ``cv`` prints the 5-fold cross-validated
CoNLL F1 over topics 1-35 (for development), ``eval`` the test figure (topics 36-45).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.kb.ecb.reader import DEV_TOPICS, TRAIN_TOPICS
from sitrep.kb.ecb.run import DEFAULT_ECB_DIR, fit, load, run_eval, save, weights_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sitrep.kb.ecb", description=__doc__)
    parser.add_argument("command", choices=("eval", "train", "cv"), nargs="?", default="eval")
    parser.add_argument("--ecb-dir", type=Path, default=DEFAULT_ECB_DIR,
                        help="folder with ECB+.tar.gz and ECBplus_coreference_sentences.csv")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the prepared topics 1-35 here between runs (not for eval)")
    args = parser.parse_args(argv)
    if args.command == "cv":
        from sitrep.kb.ecb.cv import cross_validate

        conll, threshold = cross_validate(load(args.ecb_dir, TRAIN_TOPICS + DEV_TOPICS, args.cache))
        print(f"5-fold CV over topics 1-35: CoNLL F1 {conll:.3f} at threshold {threshold:.3f}")
        return
    if args.command == "train":
        model, dev = fit(load(args.ecb_dir, TRAIN_TOPICS, args.cache),
                         load(args.ecb_dir, DEV_TOPICS, args.cache))
        save(model, weights_path(), dev)
        print(f"dev CoNLL F1 {dev:.3f} at threshold {model.threshold:.3f}; wrote {weights_path()}")
        return
    print("\n".join(run_eval(args.ecb_dir).lines()))


if __name__ == "__main__":
    main()
