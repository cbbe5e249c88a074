"""Keyset paging: ordering by (sort column, id) and continuing after a page's last row, so a page
costs the same at any depth."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, tuple_


def in_order(statement: Select, sort: ColumnElement[Any], id_: ColumnElement[int], descending: bool) -> Select:
    return statement.order_by(*((sort.desc(), id_.desc()) if descending else (sort.asc(), id_.asc())))


def after(statement: Select, sort: ColumnElement[Any], id_: ColumnElement[int], cursor: tuple[Any, int] | None,
          descending: bool) -> Select:
    """The rows after `cursor` (the last row's sort value and id) in that order; all without one."""
    if cursor is None:
        return statement
    key = tuple_(sort, id_)
    return statement.where(key < tuple_(*cursor) if descending else key > tuple_(*cursor))
