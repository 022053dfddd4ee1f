"""The checks, each in its own module, registered by name on import."""
from .base import Check, CheckContext, available, create, defaults, register
from . import bidi, figures, lengthened, names, negation, omission, quotes, shortened  # noqa: F401  (each registers itself)

__all__ = ["Check", "CheckContext", "available", "create", "defaults", "register"]
