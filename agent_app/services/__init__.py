"""The service layer: models, migrations, unit of work and the service functions. Imports no Qt."""
