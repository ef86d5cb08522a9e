"""Agreements: versioned drafts, comments, the signing ceremony, signed PDFs, certificates."""
