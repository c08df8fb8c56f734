from search import terms

#: Set by the search view on a response that is a reader's search (`search.views`), with the
#: number of results; taken off before the response leaves.
SEARCH_HEADER = "X-Wijkportaal-Search-Results"


class SearchCountMiddleware:
    """Counts searches (`search.terms`), also those served from the page caches: it sits before
    `VisitorPageCacheMiddleware`, and a cached search page keeps the view's header. Counting
    only where the view renders would miss every repeat of a popular search within the
    cache's lifetime. Also flushes this process's counts when they are due."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        found = response.get(SEARCH_HEADER)
        if found is not None:
            del response[SEARCH_HEADER]
            if request.method == "GET":
                terms.search_count(query=request.GET.get("q", ""), found=int(found))
        if terms.search_counts_due():
            try:
                terms.search_counts_flush()
            except Exception:  # statistics never cost a reader their page
                terms.logger.exception("Search counts not stored; kept for the next try")
        return response
