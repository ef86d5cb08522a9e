"""Settings modules: `dev` (make run), `test`, `production` (the `accord` command's default)."""
