"""Imports as jobs that Celery workers share: one task per file or JSON Lines chunk.

creating.py  a job from paths or uploads, split into parts, and queued
running.py   import one part, idempotently (a redelivered task repeats nothing)
tasks.py     the Celery task around running.run_part
"""
