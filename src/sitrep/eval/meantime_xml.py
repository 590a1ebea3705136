"""MEANTIME's CAT XML files, read from the release tarball or an unpacked folder.

One reader for every MEANTIME check (entities, quotes; time expressions may use it too):
the intra-document annotation files in name order, and the documents that are test
data (``../shared/eval/news-articles``), which no development run may read.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from sitrep.errors import InputError

TEST_DOCS = frozenset({"100911", "102977"})  # in ../shared/eval/news-articles: never develop on them
_LAYER = "intra-doc_annotation"


def is_test_doc(name: str) -> bool:
    """Whether the file ``name`` (``100911_Some_title.xml``, any folder) is a test document."""
    return PurePosixPath(name).name.split("_", 1)[0] in TEST_DOCS


def xml_sources(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each intra-doc XML file in the tarball or folder at ``path``, in
    name order; a folder holding the tarball is read through it."""
    if path.is_dir():
        tarballs = sorted(path.glob("*.tar.gz"))
        if tarballs:
            yield from xml_sources(tarballs[0])
            return
        files = [f for f in sorted(path.rglob("*.xml")) if _LAYER in str(f)]
        if not files:
            raise InputError(str(path), f"no MEANTIME {_LAYER} XML files in this folder")
        for f in files:
            yield str(f), f.read_bytes()
        return
    if path.is_file() and path.name.endswith((".tar.gz", ".tgz")):
        yield from _tar_sources(path)
        return
    raise InputError(str(path), f"expected the MEANTIME tarball or a folder holding {_LAYER}")


def _tar_sources(path: Path) -> Iterator[tuple[str, bytes]]:
    try:
        with tarfile.open(path) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if _LAYER in member.name and member.name.endswith(".xml"):
                    fh = tar.extractfile(member)
                    if fh is not None:
                        yield member.name, fh.read()
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise InputError(str(path), f"not a readable tar.gz archive: {exc}") from exc
