"""Demo data for `make run`: sits above every domain app and may import any of them."""
