"""The Django app of zi-docs: models of the web app's own data, views, templates, static."""
