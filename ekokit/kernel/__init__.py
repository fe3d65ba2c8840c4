"""Code that runs inside a page's kernel, apart from the server's (``ekokit/server/``): what the
page was opened with (:mod:`.request`), the work a pre-warmed kernel does before its visitor
(:mod:`.prewarm`), and the guard that saves pending answers when the kernel is stopped
(:mod:`.process_guard`)."""
