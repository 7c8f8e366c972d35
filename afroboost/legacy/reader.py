"""Where legacy documents come from: a live MongoDB (motor, async) or a folder of `mongoexport` files.

Both yield the same Python shapes (ObjectId, datetime…): `bson.json_util` decodes Extended JSON
(`{"$oid": …}`, `{"$date": …}`) exactly like the driver does.
"""

from __future__ import annotations

import pathlib
from collections.abc import AsyncIterator
from dataclasses import dataclass


@dataclass
class BadLine:
    """A line of an export file that is not a JSON document."""

    line: int
    reason: str


class MotorReader:
    def __init__(self, db) -> None:
        self.db = db  # a motor AsyncIOMotorDatabase (or mongomock-motor's)

    @classmethod
    def from_url(cls, url: str, db_name: str | None = None) -> MotorReader:
        from motor.motor_asyncio import AsyncIOMotorClient

        # DATETIME_AUTO: a BSON date beyond year 9999 arrives as DatetimeMS (reported by as_dt)
        # instead of an InvalidBSON error that would stop the whole cursor.
        client = AsyncIOMotorClient(url, tz_aware=True, datetime_conversion="DATETIME_AUTO")
        name = db_name or client.get_default_database(default="afroboost").name
        return cls(client[name])

    async def count(self, collection: str) -> int:
        return await self.db[collection].count_documents({})

    async def documents(self, collection: str) -> AsyncIterator[dict | BadLine]:
        async for doc in self.db[collection].find({}).sort("_id", 1):
            yield doc


class DirReader:
    def __init__(self, folder: str | pathlib.Path) -> None:
        self.folder = pathlib.Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"not a folder: {self.folder}")

    def _file(self, collection: str) -> pathlib.Path:
        return self.folder / f"{collection}.json"

    async def count(self, collection: str) -> int:
        path = self._file(collection)
        if not path.exists():
            return 0
        with path.open(encoding="utf-8") as fh:
            return sum(1 for line in fh if line.strip())

    async def documents(self, collection: str) -> AsyncIterator[dict | BadLine]:
        from bson import json_util
        from bson.codec_options import DatetimeConversion

        # As in MotorReader.from_url: an out-of-range date stays in its document (DatetimeMS), so
        # the document is reported by its _id, not as an unreadable line.
        options = json_util.DEFAULT_JSON_OPTIONS.with_options(datetime_conversion=DatetimeConversion.DATETIME_AUTO)
        path = self._file(collection)
        if not path.exists():
            return
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    doc = json_util.loads(line, json_options=options)
                except Exception as exc:  # noqa: BLE001 - any undecodable line is reported, not fatal
                    yield BadLine(n, f"invalid JSON: {exc}"[:200])
                    continue
                if not isinstance(doc, dict):
                    yield BadLine(n, "not a JSON object")
                    continue
                yield doc
