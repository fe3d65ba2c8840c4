"""Time to refuse a hostile workbook: the shapes that made the old bracket scan (a regular
expression over the raw text) take time with the square of the file's size, at 117 KB (the size
the stress probe used: 48–115 s before) and at the allowed 20 MB (never finished before).

Usage: .venv/bin/python benchmarks/hostile_import.py [--repeats 3]
Prints a Markdown table; writes benchmarks/results/hostile_import.json."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, fmt, md_table, summary, write_result

sys.path.insert(0, str(REPO))  # time this checkout's ekokit, whichever one is installed

NAME = "hostile_import"
SHAPES = {
    "unterminated escaped quotes": b'"aaaaaaaaaa\\',
    "quote-escape pairs": b'"\\"',
    "deep and wide": b'[{"a": [1, {"b": "\\"[["}]}, ',
}
SIZES = {"117 KB": 117 * 1024, "20 MB": 20 * 1024 * 1024 - 64}


def refuse(data: bytes, folder: Path) -> float:
    from ekokit.store.database import Store
    from ekokit.store.workbook import WorkbookError, import_workbook

    store = Store(str(folder / f"s{time.monotonic_ns()}.sqlite"))
    start = time.perf_counter()
    try:
        import_workbook(store, data)
    except WorkbookError:
        return time.perf_counter() - start
    raise SystemExit("a hostile file was imported")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    rows, results = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for shape, unit in SHAPES.items():
            for size_name, size in SIZES.items():
                data = unit * (size // len(unit))
                times = [refuse(data, Path(tmp)) for _ in range(args.repeats)]
                results[f"{shape} / {size_name}"] = summary(times)
                rows.append([shape, size_name, fmt(min(times), 3), fmt(max(times), 3)])
    print(md_table(["shape", "size", "min s", "max s"], rows))
    write_result(NAME, {"refusal_seconds": results})
    return results


if __name__ == "__main__":
    main()
