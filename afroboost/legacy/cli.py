"""`python -m afroboost import-mongo --mongo-url URL | --from-dir DIR [--dry-run]`."""

from __future__ import annotations

import asyncio


def import_mongo(args) -> int:
    from afroboost.db import get_engine
    from afroboost.legacy.reader import DirReader, MotorReader
    from afroboost.legacy.runner import run_import

    reader = DirReader(args.from_dir) if args.from_dir else MotorReader.from_url(args.mongo_url, args.db_name)
    report = asyncio.run(run_import(reader, get_engine(), dry_run=args.dry_run, progress=not args.no_progress))
    print(report.table())
    return 0
