"""Text processing for the archive: plain Python, no Django.

The path of an article through this package, one module a step:

    readers/      file on disk -> RawDocument (format, encoding, metadata the file carries)
    pagination.py page headers, footers, jump lines out; paragraphs split by a page mended
    cleaning.py   RawDocument text -> paragraphs (line unwrapping, captions, credits, URLs)
    metadata.py   title, outlet, publication date, language
    quotes.py     quotation marks -> quote spans (nesting, splits, multi-paragraph)
    people.py     mentions of people: full names, surnames, roles, pronouns, gender
    attribution.py  who said each quote, with evidence and confidence
    dates.py      "said Monday" resolved against the article's date
    pipeline.py   process(RawDocument) -> ExtractedArticle
"""
