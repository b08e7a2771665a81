"""The conversation analyzer: a coach's transcript in, a report on their coaching moves out.

The core (transcript.py, classify.py, report.py, evaluation.py) is pure Python; the rest is the
Django app that stores transcripts, confidential to the coach, and shows the reports.
"""
