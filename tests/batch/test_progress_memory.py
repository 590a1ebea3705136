import gzip
import subprocess
import sys
import time

from sitrep.batch import Progress, count_inputs, rss_bytes
from sitrep.batch.memory import PeakSampler, process_tree


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_rate_and_eta():
    clock = FakeClock()
    p = Progress(total=100, clock=clock)
    p.update(articles=20, words=10_000)
    clock.now += 10
    assert p.rate == 2.0
    assert p.eta == 40.0
    assert p.line() == "20/100 articles, 2.0/s, 1,000 words/s, ETA 40s"


def test_progress_without_total_has_no_eta():
    clock = FakeClock()
    p = Progress(clock=clock)
    p.update(3, skipped=2)
    clock.now += 1
    assert p.eta is None
    assert p.line().startswith("5 articles, 5.0/s")
    assert "2 already stored" in p.line()


def test_count_inputs_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nBody.")
    (tmp_path / "b.html").write_text("<p>B</p>")
    (tmp_path / "notes.bin").write_bytes(b"\0")
    (tmp_path / "archive.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n{"text": "3"}')
    with gzip.open(tmp_path / "more.jsonl.gz", "wt") as fh:
        fh.write('{"text": "x"}\n{"text": "y"}\n')
    assert count_inputs([tmp_path]) == 2 + 3 + 2
    assert count_inputs([tmp_path / "notes.bin"]) == 1  # named explicitly: counted


def test_rss_sums_children():
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(50_000_000); time.sleep(5)"])
    try:
        deadline = time.time() + 5
        while time.time() < deadline and rss_bytes(child.pid, children=False) < 40_000_000:
            time.sleep(0.05)
        assert child.pid in process_tree()
        alone = rss_bytes(children=False)
        assert rss_bytes() >= alone + 40_000_000
    finally:
        child.kill()
        child.wait()


def test_peak_sampler_sees_the_high_water_mark():
    with PeakSampler(interval=0.01) as s:
        blob = bytearray(80_000_000)
        time.sleep(0.1)
        del blob
    assert s.peak >= 80_000_000


TRIM_PROBE = """
from sitrep.batch.memory import release_free_memory, rss_bytes
before = rss_bytes(children=False)
blocks, live = [], []
for _ in range(2000):  # 128 MB of heap blocks, pinned in place by small live objects
    blocks.append(bytearray(b"x") * (64 * 1024))  # written, so resident
    live.append(bytearray(100))
del blocks
held = rss_bytes(children=False)
trimmed = release_free_memory()
print(trimmed, (held - before) >> 20, (rss_bytes(children=False) - before) >> 20)
"""


def test_release_free_memory_gives_freed_heap_back_on_glibc():
    import platform

    out = subprocess.run([sys.executable, "-c", TRIM_PROBE], capture_output=True, text=True, check=True)
    trimmed, held_mb, after_mb = out.stdout.split()
    if platform.libc_ver()[0] != "glibc":
        assert trimmed == "False"
        return
    assert trimmed == "True"
    assert int(held_mb) > 48  # freed, but still resident until trimmed
    assert int(after_mb) < 32
