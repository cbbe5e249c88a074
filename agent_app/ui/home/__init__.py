"""首页: the month's ticket and call figures of the company, and per management area."""
