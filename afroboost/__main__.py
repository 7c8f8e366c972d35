"""Command line: `python -m afroboost seed [--if-empty]`."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m afroboost")
    sub = parser.add_subparsers(dest="cmd", required=True)
    seed = sub.add_parser("seed", help="load the demo data (idempotent)")
    seed.add_argument("--if-empty", action="store_true", help="only when the database has no course yet")
    args = parser.parse_args(argv)

    from afroboost.db import in_read, in_write
    from afroboost.seed import do_seed, is_empty

    if args.cmd == "seed":
        if args.if_empty and not in_read(is_empty):
            print("demo data: database already has data, nothing to do")
            return 0
        created = in_write(do_seed)
        print("demo data: " + ", ".join(f"{k} +{v}" for k, v in created.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
