"""``python -m sitrep.kb.ecb [eval|train] [--ecb-dir DIR]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.kb.ecb.reader import DEV_TOPICS, TRAIN_TOPICS
from sitrep.kb.ecb.run import DEFAULT_ECB_DIR, fit, load, run_eval, save, weights_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sitrep.kb.ecb", description=__doc__)
    parser.add_argument("command", choices=("eval", "train"), nargs="?", default="eval")
    parser.add_argument("--ecb-dir", type=Path, default=DEFAULT_ECB_DIR,
                        help="folder with ECB+.tar.gz and ECBplus_coreference_sentences.csv")
    args = parser.parse_args(argv)
    if args.command == "train":
        model, dev = fit(load(args.ecb_dir, TRAIN_TOPICS), load(args.ecb_dir, DEV_TOPICS))
        save(model, weights_path(), dev)
        print(f"dev CoNLL F1 {dev:.3f} at threshold {model.threshold:.3f}; wrote {weights_path()}")
        return
    print("\n".join(run_eval(args.ecb_dir).lines()))


if __name__ == "__main__":
    main()
