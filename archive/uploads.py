"""Uploads stop being read past ARCHIVE_UPLOAD_MAX_BYTES a file.

Without this Django would write a file of any size to a temporary file before
a form could refuse it. The names of the files skipped are kept on the request
so the form can name them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        if not hasattr(self.request, "oversized_uploads"):
            self.request.oversized_uploads = []

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.ARCHIVE_UPLOAD_MAX_BYTES:
            self.request.oversized_uploads.append(self.file_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handlers store the file
