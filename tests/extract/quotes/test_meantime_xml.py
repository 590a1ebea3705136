"""The shared MEANTIME reader: folders, tarballs, test documents and bad paths."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.eval.meantime_xml import is_test_doc, xml_sources

LAYER = "corpus/intra-doc_annotation"


def _tarball(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_folder_reads_only_the_intra_doc_layer_in_name_order(tmp_path: Path) -> None:
    for rel in (f"{LAYER}/b.xml", f"{LAYER}/a.xml", "corpus/intra_cross-doc_annotation/c.xml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(rel.encode())
    got = [(Path(n).name, d) for n, d in xml_sources(tmp_path)]
    assert got == [("a.xml", f"{LAYER}/a.xml".encode()), ("b.xml", f"{LAYER}/b.xml".encode())]


def test_tarball_and_folder_holding_it(tmp_path: Path) -> None:
    tgz = _tarball(tmp_path / "m.tar.gz", {f"{LAYER}/z.xml": b"z", f"{LAYER}/y.xml": b"y", "x.txt": b"x"})
    assert [n for n, _ in xml_sources(tgz)] == [f"{LAYER}/y.xml", f"{LAYER}/z.xml"]
    assert list(xml_sources(tmp_path)) == list(xml_sources(tgz))


def test_bad_paths_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no MEANTIME") as err:
        list(xml_sources(tmp_path))
    assert str(tmp_path) in str(err.value)
    with pytest.raises(InputError, match="expected the MEANTIME tarball"):
        list(xml_sources(tmp_path / "missing"))
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(InputError, match=r"not a readable tar\.gz") as err:
        list(xml_sources(broken))
    assert "broken.tar.gz" in str(err.value)


def test_test_documents_are_recognised_by_file_name() -> None:
    assert is_test_doc("meantime/intra-doc_annotation/corpus_airbus/100911_Airbus_tanker.xml")
    assert is_test_doc("102977_x.xml")
    assert not is_test_doc("intra-doc_annotation/120578_Some_title.xml")
