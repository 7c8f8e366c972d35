"""Domain logic. No `import reflex` here: check_* validate, do_* mutate, access_* fetch."""


class ServiceError(Exception):
    """A user-facing refusal: `key` maps to a French message in texts.ERR."""

    def __init__(self, key: str, field: str = "", **params):
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params
