"""One page model per page: the only place a page gets its data from."""
