"""Agent Desk: the customer-service hotline desktop for utilities and service providers."""

__version__ = "0.1.0"
