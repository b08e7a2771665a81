"""Counting long lists without paying for it: an exact COUNT over an agency's 100,000 rows cost more than the
page it came with. Counts stop at MAX_COUNT; the pages and the API say "at least" past it."""

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

MAX_COUNT = 10_000


def count_up_to(rows: Any, limit: int | None = None) -> int:
    """How many ROWS there are, exactly up to LIMIT (MAX_COUNT), and LIMIT when there are more."""
    limit = MAX_COUNT if limit is None else limit
    if isinstance(rows, QuerySet):
        # Unordered: counting needs no sort, and the first LIMIT entries of any index will do.
        return rows.order_by()[:limit].count()
    return min(len(rows), limit)


class CappedPaginator(Paginator):
    """Django's Paginator counting up to MAX_COUNT: past it, the last page shown is MAX_COUNT's (a filter narrows
    the list before anyone pages that far), and `num_pages_shown` says "200+"."""

    @cached_property
    def count(self) -> int:
        return count_up_to(self.object_list)

    @property
    def capped(self) -> bool:
        return self.count >= MAX_COUNT

    @property
    def num_pages_shown(self) -> str:
        pages = self.num_pages
        return f"{pages}+" if self.capped else str(pages)
