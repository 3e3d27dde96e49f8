"""The one result type every check returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from formulas.model import Verdict

__all__ = ["Method", "Result"]


@dataclass
class Method:
    """One engine's run on one claim: what it did and what it found."""

    engine: str  # "symbolic-general" | "exact-explicit" | "torch-autograd" | "counterexample-search" | ...
    outcome: str  # "holds" | "fails" | "inconclusive" | "skipped" | "error"
    detail: str = ""
    seconds: float = 0.0


@dataclass
class Result:
    """The verdict on one entry, with the evidence for it."""

    id: str
    verdict: Verdict
    methods: list[Method] = field(default_factory=list)
    counterexample: dict | None = None
    scope: str = ""  # "general" or the sizes an exact proof covers
    reason: str = ""
    conflicts: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def holds(self) -> bool:
        return self.verdict in (Verdict.PROVED, Verdict.CONFIRMED)

    def to_json(self) -> dict:
        out = asdict(self)
        out["verdict"] = self.verdict.value
        return out

    @classmethod
    def from_json(cls, data: dict) -> Result:
        data = dict(data)
        data["verdict"] = Verdict(data["verdict"])
        data["methods"] = [Method(**m) for m in data.get("methods", [])]
        return cls(**data)
