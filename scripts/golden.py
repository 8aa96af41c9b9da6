"""Before/after check for refactors: run the product's commands on fixed inputs and compare outputs.

    python scripts/golden.py write DIR     # outputs of this checkout's code into DIR
    python scripts/golden.py compare A B   # every file of A and B equal (after masking run times)

Inputs: the demo survey (fixed seed) and, when ../shared/data is present, a 10k survey of real
en/zh/ru reviews of each of the bench's mixes (its builder; the mixes other than `mixed` are
tagged and reported). Outputs: `score --json`, the HTML report in two languages
with its exports, `tag` (CSV, mentions, --json), `discover --json`, `evaluate --json`, a model
trained on labelled real reviews (its cross-validation and its predictions through `report
--model`), and `import` into SQLite followed by a report of the wave. What changes from run to run
by nature (clock times, durations, temporary paths, the model card's time and library versions) is
masked; everything else must be byte for byte the same.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
INSIGHT = [sys.executable, "-m", "insight"]
# run-to-run noise: times, durations, dates of the run, the output folder's own path
_MASKS = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?"), "<time>"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?(?: UTC)?"), "<time>"),
    (re.compile(r"\b\d+(?:[.,]\d+)? ?(?:s|ms|с|秒)\b"), "<secs>"),
    (re.compile(r'"(?:seconds|elapsed|created|model_sha256)": [^,}\n]+'), '"<volatile>": 0'),
]


def _run(args: list[str], out: Path, name: str) -> None:
    done = subprocess.run(INSIGHT + args, capture_output=True, text=True, cwd=out, env={**os.environ, "COLUMNS": "120"})
    (out / f"{name}.stdout").write_text(done.stdout, encoding="utf-8")
    (out / f"{name}.stderr").write_text(f"exit {done.returncode}\n{done.stderr}", encoding="utf-8")


def _real_survey(path: Path, mix: str = "mixed") -> bool:
    if not SHARED.exists():
        return False
    sys.path.insert(0, str(ROOT / "bench"))
    import run as bench  # noqa: PLC0415 - the bench's survey builder

    shutil.copy(bench.comments(10_000, mix), path)
    return True


def write(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _run(["demo", "-o", "demo.csv"], out, "demo")
    surveys = ["demo.csv"] + (["real.csv"] if _real_survey(out / "real.csv") else [])
    for survey in surveys:
        s = Path(survey).stem
        _run(["score", survey, "--by", "Channel", "--by", "Customer type", "--period", "Q", "--json"], out, f"{s}-score")
        _run(["report", survey, "-o", f"{s}.html", "--by", "Channel", "--by", "Customer type", "--period", "Q",
              "--export", f"{s}-exports", "--jobs", "2"], out, f"{s}-report")
        _run(["report", survey, "-o", f"{s}.ru.html", "--lang", "ru", "--by", "Channel"], out, f"{s}-report-ru")
        _run(["tag", survey, "-o", f"{s}-tagged.csv", "--mentions", f"{s}-mentions.csv", "--json"], out, f"{s}-tag")
        _run(["discover", survey, "--json", "--members", f"{s}-members.csv"], out, f"{s}-discover")
    for mix in ("zh-heavy", "en-long", "ru-heavy"):  # the bench's other survey mixes: tagging and the report
        if _real_survey(out / f"{mix}.csv", mix):
            _run(["tag", f"{mix}.csv", "-o", f"{mix}-tagged.csv", "--mentions", f"{mix}-mentions.csv", "--json"],
                 out, f"{mix}-tag")
            _run(["report", f"{mix}.csv", "-o", f"{mix}.html", "--by", "Channel", "--export", f"{mix}-exports"],
                 out, f"{mix}-report")
    _run(["import", "demo.csv", "--db", "sqlite:///store.db", "--wave", "W1"], out, "import")
    _run(["report", "--db", "sqlite:///store.db", "--wave", "W1", "-o", "wave.html"], out, "wave-report")
    if SHARED.exists():
        semeval = str(SHARED / "semeval14_restaurants.csv")
        _run(["evaluate", semeval, "--codeframe", "restaurant", "--json", "--polarity-col", "sublabels_json"],
             out, "evaluate")
        _run(["train", str(SHARED / "womens_clothing.csv"), "--bootstrap", "--codeframe", "ecommerce",
              "-o", "models/clothing", "--folds", "2"], out, "train")
        _run(["report", "real.csv", "--model", "models/clothing", "--codeframe", "ecommerce", "-o", "real.model.html",
              "--export", "real-model-exports"], out, "report-model")


def _text(path: Path) -> list[str] | None:
    if path.suffix == ".xlsx":  # a zip of XML parts; its properties part holds the time it was written
        with zipfile.ZipFile(path) as book:
            text = "\n".join(f"{name}\n{book.read(name).decode('utf-8')}" for name in sorted(book.namelist()))
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return None
    text = text.replace(str(path.parent), "<dir>")
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    return text.splitlines()


def compare(a: Path, b: Path) -> int:
    skip = {".db", ".skops"}  # the store's and the model's bytes hold times; their contents show in the outputs
    names = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()}
                   | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    bad = 0
    for name in names:
        if name.suffix in skip:
            continue
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()):
            print(f"only in {'A' if pa.exists() else 'B'}: {name}")
            bad += 1
            continue
        ta, tb = _text(pa), _text(pb)
        same = pa.read_bytes() == pb.read_bytes() if ta is None or tb is None else ta == tb
        if not same:
            bad += 1
            print(f"differs: {name}")
            if ta is not None and tb is not None:
                for line in list(difflib.unified_diff(ta, tb, lineterm="", n=0))[2:12]:
                    print("   ", line[:200])
    print(f"{len(names)} files, {bad} differ")
    return 1 if bad else 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(Path(sys.argv[2]).resolve())
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(Path(sys.argv[2]), Path(sys.argv[3]))
    print(__doc__.strip().splitlines()[2:4], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
