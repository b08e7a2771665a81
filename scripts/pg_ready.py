"""Exit 0 when the PostgreSQL server in argv[1] (a postgres:// URL) accepts a connection, else 1."""

import sys

import psycopg

url = sys.argv[1]
try:
    # Connect to the maintenance database: the test run creates its own.
    base = url.rsplit("/", 1)[0] + "/postgres"
    psycopg.connect(base, connect_timeout=3).close()
except psycopg.Error:
    sys.exit(1)
