"""话务管理: the agent's call records, filtered, with their recordings and linked tickets."""
