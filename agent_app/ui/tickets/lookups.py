"""Reference data the ticket screens show and offer: dictionary names, categories, people, engineers.

Loaded once per page through the ops runner (`load_lookups` runs in a worker); the widgets then map
dictionary codes (urgency, source channel, callback result, product line, root cause …) to the names
people read, in the UI language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agent_app.services.catalog import CategoryNode, Choice, Named
from agent_app.ui.tickets.text import english

DICT_KINDS = ("urgency", "source_channel", "callback_result", "product_line", "root_cause", "complaint_verdict")


@dataclass(frozen=True)
class Lookups:
    choices: dict[str, list[Choice]] = field(default_factory=dict)
    categories: list[CategoryNode] = field(default_factory=list)
    users: list[Named] = field(default_factory=list)
    engineers: list[Named] = field(default_factory=list)
    areas: list[Named] = field(default_factory=list)

    def options(self, kind: str) -> list[tuple[str, str]]:
        """(code, name) of a dictionary, in its own order."""
        return [(c.code, c.name_en if english() and c.name_en else c.name) for c in self.choices.get(kind, [])]

    def name(self, kind: str, code: str | None) -> str:
        """The name of a dictionary code; the code itself if the dictionary does not know it."""
        if not code:
            return ""
        for choice in self.choices.get(kind, []):
            if choice.code == code:
                return choice.name_en if english() and choice.name_en else choice.name
        return code

    def categories_at(self, level: int, parent_id: int | None = None) -> list[CategoryNode]:
        return [c for c in self.categories if c.level == level and (parent_id is None or c.parent_id == parent_id)]

    def leaf_paths(self) -> list[tuple[int, str]]:
        """(id, "一级 / 二级 / 三级") of every leaf category, for pickers."""
        by_id = {c.id: c for c in self.categories}

        def path(node: CategoryNode) -> str:
            names = [node.name]
            while node.parent_id is not None and node.parent_id in by_id:
                node = by_id[node.parent_id]
                names.append(node.name)
            return " / ".join(reversed(names))

        return [(c.id, path(c)) for c in self.categories if c.is_leaf]


def load_lookups(services: Any, actor: Any) -> Lookups:
    """Worker side: every list the ticket screens need, in one go."""
    catalog = services.catalog
    engineers: list[Named] = []
    for provider in catalog.providers(actor):
        engineers.extend(catalog.engineers(actor, provider.id))
    users = catalog.users(actor) if actor.provider_id is None else []
    return Lookups(
        choices={kind: catalog.choices(actor, kind) for kind in DICT_KINDS},
        categories=catalog.categories(actor),
        users=users,
        engineers=engineers,
        areas=catalog.areas(actor),
    )
