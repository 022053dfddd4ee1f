"""consistency: check that a translated news article kept its quotes, figures and names.

    >>> import consistency
    >>> report = consistency.check(source_text, target_text)   # -> consistency.Report
    >>> report.summary_line()

``check`` loads the model on every call; to check many pairs, make one ``Checker`` and call
its ``check`` method, which keeps the model loaded.
"""
__version__ = "0.1.0"

from .errors import InputError
from .pipeline import Checker, Settings, check
from .report import Report

__all__ = ["Checker", "InputError", "Report", "Settings", "check", "__version__"]
