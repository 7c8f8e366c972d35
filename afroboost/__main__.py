"""Command line: `python -m afroboost seed [--if-empty]`, `coach-link`, `import-mongo`, `serve`."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m afroboost")
    sub = parser.add_subparsers(dest="cmd", required=True)
    seed = sub.add_parser("seed", help="load the demo data (idempotent)")
    seed.add_argument("--if-empty", action="store_true", help="only when the database has no course yet")
    link = sub.add_parser("coach-link", help="print a one-time coach login URL (10 minutes, usable once)")
    link.add_argument("--email", help="coach email (default: the first of COACH_EMAILS)")
    imp = sub.add_parser("import-mongo", help="import the legacy Afroboost MongoDB (idempotent, resumable)")
    src = imp.add_mutually_exclusive_group(required=True)
    src.add_argument("--mongo-url", help="mongodb://… of the legacy database (read with motor)")
    src.add_argument("--from-dir", help="a folder of mongoexport files named <collection>.json")
    imp.add_argument("--db-name", help="legacy database name (default: the one in the URL, else afroboost)")
    imp.add_argument("--dry-run", action="store_true", help="print what would be created/merged/skipped")
    imp.add_argument("--no-progress", action="store_true", help="no progress bars")
    srv = sub.add_parser("serve", help="the production server (reflex run --env prod) with worker respawn")
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=3000)
    args = parser.parse_args(argv)

    if args.cmd == "serve":
        from afroboost.serve import serve

        return serve(args.host, args.port)
    if args.cmd == "import-mongo":
        from afroboost.legacy.cli import import_mongo

        return import_mongo(args)

    from afroboost.db import in_read, in_write
    from afroboost.seed import do_seed, is_empty

    if args.cmd == "coach-link":
        from afroboost.services import ServiceError
        from afroboost.services.auth import do_create_login_link, login_url

        try:
            token = in_write(do_create_login_link, email=args.email)
        except ServiceError:
            print("refused: this email is not in COACH_EMAILS", file=sys.stderr)
            return 2
        print(f"Coach login (one-time, valid 10 minutes): {login_url(token)}")
        return 0
    if args.cmd == "seed":
        if args.if_empty and not in_read(is_empty):
            print("demo data: database already has data, nothing to do")
            return 0
        created = in_write(do_seed)
        print("demo data: " + ", ".join(f"{k} +{v}" for k, v in created.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
