"""Sent when every part of an import job has finished; the page cache listens to it."""

from django.dispatch import Signal

job_finished = Signal()  # job_id
