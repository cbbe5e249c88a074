"""工单管理: the ticket tree, the lazily loading list with its queries, the detail with every action."""
