"""Run every benchmark in one process, one after another."""

import importlib
import sys

MODULES = ("bench.catalog", "bench.numerics", "bench.table", "bench.notes")

for name in MODULES:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name == name:
            continue
        raise
    print(f"\n== {name} ==", flush=True)
    module.main(sys.argv[1:])
