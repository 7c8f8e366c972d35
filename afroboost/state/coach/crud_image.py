"""The CRUD kit for a form with one image (Offres, Articles, Médias).

The image is stored as soon as it is chosen and its path kept in `form[crud_image.field]`;
the row points to it only once saved. An upload that is never saved (cancel, another row,
another upload) is deleted, and the image a save replaced goes too.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import reflex as rx

from afroboost.state.coach.crud import KEPT_OUTCOMES, CrudTab
from afroboost.state.coach.uploads import drop_image, rejected_message, store_image


@dataclasses.dataclass(frozen=True)
class ImageField:
    """Where the tab keeps its image: the `form` key, the upload folder, a size limit (0: default)."""

    field: str
    folder: str
    max_bytes: int = 0


class ImageTab(CrudTab, mixin=True):
    crud_image: ClassVar[ImageField]
    _saved_image: str = ""  # the image the row in the form already has (an upload differs until saved)

    def _filled(self, form) -> None:
        self._saved_image = self.form.get(self.crud_image.field, "")

    async def _drop_unsaved_upload(self) -> None:
        key = self.crud_image.field
        if self.form.get(key, "") != self._saved_image:
            await drop_image(self.form.get(key, ""))
        self.form[key] = self._saved_image

    async def _saved(self) -> None:
        if self._saved_image != self.form.get(self.crud_image.field, ""):
            await drop_image(self._saved_image)  # replaced or removed: the old file goes
        self._saved_image = ""

    async def _deleted(self, row, outcome):
        # Content services answer the deleted row's image path; Offres answers an outcome word
        # (its image goes only when the offer really was deleted, not archived).
        image = getattr(row, "image", "") if outcome == "deleted" else outcome
        if isinstance(image, str) and image not in KEPT_OUTCOMES:
            await drop_image(image)
        return await super()._deleted(row, outcome)

    @rx.event
    async def upload_image(self, files: list[rx.UploadFile]):
        """Store the chosen image now; the row points to it once the form is saved."""
        rel, error = await store_image(files, self.crud_image.folder, max_bytes=self.crud_image.max_bytes)
        self.err["image"] = error
        if rel:
            await self._drop_unsaved_upload()
            self.form[self.crud_image.field] = rel

    @rx.event
    def image_rejected(self, rejected: list[dict]):
        self.err["image"] = rejected_message(rejected if isinstance(rejected, list) else [], self.crud_image.folder)

    @rx.event
    async def remove_image(self):
        await self._drop_unsaved_upload()
        self.form[self.crud_image.field], self.err["image"] = "", ""
