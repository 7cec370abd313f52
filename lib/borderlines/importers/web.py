"""Saved web pages of news articles: the main text and the metadata (title, date,
author, site name, address) as extracted by trafilatura (its date by htmldate, the
original publication date rather than an update)."""

from __future__ import annotations

from .records import UNREADABLE, Article, paragraphs_text


def page_article(data: bytes, position: int = 1, url: str | None = None) -> Article:
    """The article of one saved page (its bytes; trafilatura finds the encoding).
    ``url``: the page's address when known (a Media Cloud list), else the page's own
    canonical link is used. A page without article text is an :class:`Article` with
    its ``error`` set."""
    import trafilatura
    article = Article(position=position, unit="page", line=None)
    try:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": True, "original_date": True})
    except (ValueError, TypeError) as exc:      # not parseable as HTML at all
        doc, reason = None, str(exc)
    else:
        reason = "trafilatura found no article text in the page"
    doc = doc.as_dict() if doc is not None else None
    if not doc or not (doc.get("text") or "").strip():
        article.error = (UNREADABLE, reason, "check that the file is a saved article page (not an index "
                                             "or a login page), or give its text another way")
        return article
    article.text = paragraphs_text((doc.get("text") or "").split("\n"))
    article.title = doc.get("title") or ""
    article.author = (doc.get("author") or "").replace(";", ",")
    article.outlet = doc.get("sitename") or doc.get("hostname") or ""
    article.url = url or doc.get("url") or ""
    article.date = doc.get("date")
    return article


def page_url(data: bytes) -> str:
    """The address a saved page gives for itself (canonical link or og:url), or ''."""
    from trafilatura import extract_metadata
    meta = extract_metadata(data)
    return (meta.url or "") if meta is not None else ""
