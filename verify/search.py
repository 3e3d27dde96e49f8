"""Find catalog entries by id, name, title, aliases, tags and seed wording.

A small ranked search: every field is tokenised; a query token that matches a
field adds that field's weight (prefix matches count half); common abbreviations
are expanded both ways (``grad`` ~ ``gradient``, ``det`` ~ ``determinant``,
``mgf`` ~ ``moment generating function``).
"""

from __future__ import annotations

import re

__all__ = ["search", "tokens"]

WEIGHTS = {"id": 6.0, "name": 5.0, "aliases": 4.0, "title": 3.0, "tags": 2.5, "notes": 0.5, "seed": 1.0}
SYNONYMS = {
    "grad": "gradient", "gradients": "gradient", "derivative": "gradient", "derivatives": "gradient",
    "det": "determinant", "logdet": "log determinant", "mgf": "moment generating function",
    "kl": "kullback leibler divergence", "var": "variance", "cov": "covariance", "tr": "trace",
    "inv": "inverse", "pca": "principal component analysis", "ppca": "probabilistic pca",
    "fa": "factor analysis", "cs": "cauchy schwarz", "ineq": "inequality", "pmi": "pointwise mutual information",
    "cnn": "convolution", "conv": "convolution", "relu": "relu", "sgd": "stochastic gradient descent",
    "vae": "variational autoencoder", "gan": "generative adversarial network", "elbo": "evidence lower bound",
    "pdf": "density", "cdf": "distribution function", "rv": "random variable", "svd": "singular value decomposition",
}
STOP = {"the", "of", "a", "an", "and", "for", "is", "in", "to", "with", "on", "by", "as", "at", "wrt", "w", "r", "t"}


def tokens(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", (text or "").lower())
    out = []
    for w in words:
        if w in STOP:
            continue
        out.append(w)
        if w in SYNONYMS:
            out.extend(SYNONYMS[w].split())
        if w.endswith("s") and len(w) > 3:
            out.append(w[:-1])
    return out


def _fields(entry) -> dict[str, set[str]]:
    return {
        "id": set(tokens(entry.id.replace(".", " ").replace("-", " "))),
        "name": set(tokens(entry.name.replace("_", " "))),
        "aliases": set(tokens(" ".join(entry.aliases))),
        "title": set(tokens(entry.title)),
        "tags": set(tokens(" ".join(entry.tags))),
        "notes": set(tokens(entry.notes)),
        "seed": set(tokens(entry.seed_quote or "")),
    }


def search(text: str, *, limit: int = 10, entries=None):
    """Entries ranked by relevance to ``text``: a list of (entry, score)."""
    import formulas

    entries = formulas.entries() if entries is None else entries
    query = tokens(text)
    if not query:
        return []
    exact = text.strip().lower()
    scored = []
    for e in entries:
        if exact in (e.id.lower(), e.name.lower()):
            scored.append((e, 1000.0))
            continue
        fields = _fields(e)
        score = 0.0
        matched = 0
        for q in set(query):
            best = 0.0
            for field, words in fields.items():
                if q in words:
                    best = max(best, WEIGHTS[field])
                elif len(q) >= 4 and any(w.startswith(q) for w in words):
                    best = max(best, WEIGHTS[field] / 2)
            if best:
                matched += 1
            score += best
        if score:
            coverage = matched / len(set(query))
            score *= 0.5 + coverage
            if e.corrected_by is None and not e.is_seed_claim:
                score *= 1.05  # a correct reference statement ranks just above the printed claim
            scored.append((e, score))
    scored.sort(key=lambda es: (-es[1], es[0].id))
    return scored[:limit]
