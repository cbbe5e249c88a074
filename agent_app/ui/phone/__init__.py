"""The phone bar (话务栏): hotline login, agent state, call controls, on top of the SIP engine."""
