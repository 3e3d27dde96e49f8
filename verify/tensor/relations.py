"""Inverses that do not simplify by themselves: proving with ``N K = I = K N`` for ``K = N⁻¹``.

An inverse of a sum (``(A + UCV)⁻¹``) or of a product through another dimension
(``(XᵀX)⁻¹``) is an opaque head ``K`` in a normal form.  Its defining relations are
used as rewrite rules, oriented on the *leading* term ``N*`` of ``N = Σ c_t N_t``
(most factors first):

    N*[p,x] K[x,s]  ->  (δ[p,s] − Σ_{t≠*} c_t N_t[p,x] K[x,s]) / c*      (left rule)
    K[s,x] N*[x,q]  ->  (δ[s,q] − Σ_{t≠*} c_t K[s,x] N_t[x,q]) / c*      (right rule)

A rule fires where the factors of ``N*`` occur in a term, joined to ``K`` through an
index that nothing else uses (sub-network matching).  If rewriting alone leaves a
residual ``Δ``, it is multiplied by ``N`` on the left or the right first: ``N`` is
invertible wherever the claim is defined (its inverse occurs in the claim), so
``NΔ = 0`` exactly when ``Δ = 0``.  This proves Woodbury, Sherman–Morrison and the
push-through identity at symbolic size.
"""

from __future__ import annotations

from .heads import delta
from .network import Factor, Tensor, Term, fresh, product
from .normal import normal_form
from .zero import residual_groups

__all__ = ["prove_with_relations"]

MAX_REWRITES = 40


class _Rule:
    """The relations of one opaque inverse head ``K = N⁻¹``."""

    def __init__(self, head, lead: int = 0):
        self.head = head
        n = head.payload[0]
        self.n = n
        groups = _terms_of(n)
        self.lead = None
        if lead < len(groups) and groups[lead][0].is_nonzero:
            self.lead = groups[lead]
            self.rest = groups[:lead] + groups[lead + 1:]

    def rewrite(self, term: Term, out: tuple):
        """The term rewritten by one application of a rule, as a list of terms; None if none applies."""
        if self.lead is None:
            return None
        for k_pos, kf in enumerate(term.factors):
            if kf.head != self.head:
                continue
            for side in ("left", "right"):
                hit = self._match(term, out, k_pos, side)
                if hit is not None:
                    return self._replace(term, k_pos, side, *hit)
        return None

    def _match(self, term, out, k_pos, side):
        kf = term.factors[k_pos]
        link, other = (kf.idx[0], kf.idx[1]) if side == "left" else (kf.idx[1], kf.idx[0])
        if link in out or link == other:
            return None
        coef, pattern = self.lead
        p, q = self.n.out
        anchor = q if side == "left" else p  # the pattern index that joins K
        others = [f for k, f in enumerate(term.factors) if k != k_pos]
        binding = _subnetwork(pattern, others, {anchor: link}, free=(p, q))
        if binding is None:
            return None
        mapping, used = binding
        used_factors = {id(others[k]) for k in used}
        outside = [f for f in others if id(f) not in used_factors] + [kf]
        internal = [i for i in mapping if i not in (p, q)]
        for i in internal:  # the matched sub-network may not be joined to anything else
            if mapping[i] in out or any(mapping[i] in f.idx for f in outside):
                return None
        if sum(f.idx.count(link) for f in outside) != 1 or link in out:
            return None
        return mapping, used

    def _replace(self, term, k_pos, side, mapping, used):
        kf = term.factors[k_pos]
        p, q = self.n.out
        coef_lead = self.lead[0]
        others = [f for k, f in enumerate(term.factors) if k != k_pos]
        rest = tuple(f for k, f in enumerate(others) if k not in used)
        if side == "left":
            start, end = mapping[p], kf.idx[1]
        else:
            start, end = kf.idx[0], mapping[q]
        scale = term.coef / coef_lead
        terms = [Term(scale, rest + (delta(start, end),))]
        for c, fs in self.rest:
            x = fresh(p.dim)
            if side == "left":  # N_t[start, x] K[x, end]
                ren = _fresh_map(fs, p, q, {p: start, q: x})
                terms.append(Term(-scale * c, rest + tuple(f.rename(ren) for f in fs) + (Factor(self.head, (x, end)),)))
            else:  # K[start, x] N_t[x, end]
                ren = _fresh_map(fs, p, q, {p: x, q: end})
                terms.append(Term(-scale * c, rest + (Factor(self.head, (start, x)),) + tuple(f.rename(ren) for f in fs)))
        return terms


def _fresh_map(factors, p, q, base):
    mapping = dict(base)
    for f in factors:
        for i in f.idx:
            if i not in mapping:
                mapping[i] = fresh(i.dim)
    return mapping


def _matches(pattern, target, binding, free=()):
    """Every map of the pattern factors onto distinct target factors, extending the index ``binding``.

    Pattern indices map injectively, except that the ``free`` ones (the pattern's output indices) may share
    an image with each other (a trace of a relation, ``WᵀW = I`` inside ``tr(WᵀW)``)."""
    free = set(free)

    def extend(k, bind, used):
        if k == len(pattern):
            yield dict(bind), list(used)
            return
        pf = pattern[k]
        for t_pos, tf in enumerate(target):
            if t_pos in used or tf.head != pf.head:
                continue
            orders = [tf.idx]
            if pf.head.symmetric:
                orders.append(tf.idx[::-1])
            for idx in orders:
                new = dict(bind)
                ok = True
                for pi, ti in zip(pf.idx, idx, strict=True):
                    if pi in new:
                        if new[pi] != ti:
                            ok = False
                            break
                    elif any(v == ti and not (pi in free and k2 in free) for k2, v in new.items()):
                        ok = False
                        break
                    else:
                        new[pi] = ti
                if ok:
                    yield from extend(k + 1, new, used + [t_pos])

    yield from extend(0, dict(binding), [])


def _subnetwork(pattern, target, binding, free):
    """The first injective map of the pattern onto the target extending ``binding``, or None."""
    return next(_matches(pattern, target, binding), None)


class EqualityRule:
    """A ``where`` equality between matrices or vectors, ``Σ c_t N_t = 0``, used as ``N* -> −Σ_{t≠*} c_t N_t / c*``.

    ``N*`` is the term with most factors; it is replaced wherever its factors occur in a term, joined to
    the rest only through the images of its output indices."""

    def __init__(self, residual: Tensor):
        groups = _terms_of(residual)
        self.out = residual.out
        self.lead = None
        if groups and len(groups[0][1]) > 0 and groups[0][0].is_number and groups[0][0] != 0:
            self.lead = groups[0]
            self.rest = groups[1:]

    def rewrite(self, term: Term, out: tuple):
        if self.lead is None:
            return None
        coef_lead, pattern = self.lead
        for mapping, used in _matches(pattern, list(term.factors), {}, free=self.out):
            outside = [f for k, f in enumerate(term.factors) if k not in used]
            internal = [i for i in mapping if i not in self.out]
            if any(mapping[i] in out or any(mapping[i] in f.idx for f in outside) for i in internal):
                continue
            rest = tuple(outside)
            terms = []
            for c, fs in self.rest:
                ren = {i: mapping[i] for i in self.out}
                for f in fs:
                    for i in f.idx:
                        ren.setdefault(i, fresh(i.dim))
                terms.append(Term(-term.coef * c / coef_lead, rest + tuple(f.rename(ren) for f in fs)))
            return terms
        return None


def _terms_of(n: Tensor) -> list:
    """The terms of ``N``, most factors first (the default leading term)."""
    return sorted(normal_form(n).nonzero().values(), key=lambda g: (-len(g[1]), repr(g[1])))


def _orientations(heads, limit: int = 16):
    """Rule sets: one leading term per inverse, the default (most factors) first."""
    import itertools

    choices = [range(min(len(_terms_of(h.payload[0])), 3)) for h in heads]
    out = []
    for combo in itertools.product(*choices):
        rules = [_Rule(h, k) for h, k in zip(heads, combo, strict=True)]
        rules = [r for r in rules if r.lead is not None]
        if rules:
            out.append(rules)
        if len(out) >= limit:
            break
    return out


def _opaque_inverses(t: Tensor) -> list:
    heads = {}
    for term in t.terms:
        for f in term.factors:
            if f.head.kind == "inv" and f.head.payload[1] is None:
                heads[f.head.key] = f.head
    return list(heads.values())


def _reduce(t: Tensor, rules) -> Tensor:
    current = normal_form(t).tensor()
    for _ in range(MAX_REWRITES):
        changed = False
        terms = []
        for term in current.terms:
            done = None
            for rule in rules:
                done = rule.rewrite(term, current.out)
                if done is not None:
                    break
            if done is None:
                terms.append(term)
            else:
                terms.extend(done)
                changed = True
        if not changed:
            return current
        current = normal_form(Tensor(current.out, tuple(terms))).tensor()
    return current


def _multiplied(t: Tensor, n: Tensor, side: str):
    """``N Δ`` (left) or ``Δ N`` (right), or None if the shapes do not allow it."""
    if side == "left":
        row = t.out[0]
        if row.dim != n.out[1].dim:
            return None
        new, x = fresh(n.out[0].dim), fresh(row.dim)
        return product(n.relabel((new, x)), t.relabel((x,) + t.out[1:]), (new,) + t.out[1:])
    if len(t.out) != 2:
        return None
    col = t.out[1]
    if col.dim != n.out[0].dim:
        return None
    new, x = fresh(n.out[1].dim), fresh(col.dim)
    return product(t.relabel((t.out[0], x)), n.relabel((x, new)), (t.out[0], new))


def prove_with_relations(residual: Tensor, equalities=()) -> str | None:
    """A description of the argument if the residual vanishes using the inverses' relations (and the
    claim's ``where`` equalities, as :class:`EqualityRule`), else None."""
    if not residual.out:
        return None
    heads = _opaque_inverses(normal_form(residual).tensor())
    extra = [r for r in equalities if r.lead is not None]
    if extra and not residual_groups(_reduce(residual, extra)):
        return "the where-equalities as rewrite rules"
    for rules in _orientations(heads):
        found = _with_rules(residual, rules + extra)
        if found is not None:
            return found
    return None


def _with_rules(residual: Tensor, rules) -> str | None:
    """Try Δ, NΔ, ΔN and N₁ΔN₂ (each N an inverse's argument), each reduced by the rules."""
    if not residual_groups(_reduce(residual, rules)):
        return "N N⁻¹ = I for the inverses in the claim"
    for rule in [r for r in rules if isinstance(r, _Rule)]:
        for side in ("left", "right"):
            moved = _multiplied(residual, rule.n, side)
            if moved is None:
                continue
            if not residual_groups(_reduce(moved, rules)):
                return f"N N⁻¹ = I after multiplying lhs − rhs by the invertible N on the {side}"
            for other in [r for r in rules if isinstance(r, _Rule)]:
                for side2 in ("left", "right"):
                    if side2 == side:
                        continue
                    twice = _multiplied(moved, other.n, side2)
                    if twice is not None and not residual_groups(_reduce(twice, rules)):
                        return "N N⁻¹ = I after multiplying lhs − rhs by invertible factors on both sides"
    return None
