"""Pages of the cases app, by topic: the dashboard, intake (opening a case, its people,
neutral appointments), processes (the guide, proposing, the consent screens, starting and
ending) and the case page. Each view is thin: `access_*` first, then a form, one service or
selector, and a template."""
