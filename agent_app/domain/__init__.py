"""Pure Python domain: ticket types and workflows as data, value objects, errors. No Qt, SQLAlchemy or pjsua2."""
