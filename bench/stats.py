"""Timing helpers: every figure is a list of probe times in milliseconds."""

from __future__ import annotations

import statistics
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000.0, value


def summary(times: list[float]) -> dict[str, float]:
    if not times:
        return {"median": float("nan"), "p95": float("nan"), "max": float("nan"), "probes": 0}
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]
    return {"median": round(statistics.median(ordered), 3), "p95": round(p95, 3), "max": round(ordered[-1], 3),
            "probes": len(ordered)}


@dataclass
class Figure:
    name: str
    database: str
    unit: str
    value: dict[str, float]  # median / p95 / max / probes (or a single value for rates and loads)
    floor: dict[str, float] | None
    target: str
    met: bool | None
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if not self.floor or not self.floor.get("p95"):
            return None
        return round(self.value["p95"] / self.floor["p95"], 2)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio_p95_to_floor"] = self.ratio
        return data
