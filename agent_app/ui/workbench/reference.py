"""What the workbench forms offer, loaded once per page in a worker: categories, dictionaries, areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agent_app.services.catalog import CategoryNode, Choice, Named


@dataclass(frozen=True)
class Reference:
    categories: list[CategoryNode] = field(default_factory=list)
    source_channels: list[Choice] = field(default_factory=list)
    urgencies: list[Choice] = field(default_factory=list)
    customer_types: list[Choice] = field(default_factory=list)
    areas: list[Named] = field(default_factory=list)

    def customer_type_label(self, code: str | None, lang: str) -> str:
        for choice in self.customer_types:
            if choice.code == code:
                return choice_label(choice, lang)
        return code or ""


def choice_label(choice: Choice, lang: str) -> str:
    """A dictionary entry in the UI language (the Chinese name when there is no English one)."""
    return choice.name_en if lang == "en" and choice.name_en else choice.name


def load_reference(services: Any, actor: Any) -> Reference:
    """Runs in a worker (see QueryOp)."""
    catalog = services.catalog
    return Reference(
        categories=catalog.categories(actor),
        source_channels=catalog.choices(actor, "source_channel"),
        urgencies=catalog.choices(actor, "urgency"),
        customer_types=catalog.choices(actor, "customer_type"),
        areas=catalog.areas(actor),
    )
