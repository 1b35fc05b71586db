"""reflow: give back the paragraphs that page layout broke apart.

The public API is what this module exports; everything else is internal.
"""

from reflow.config import Config
from reflow.decode import InputError, decode
from reflow.document import Document
from reflow.model import SCHEMA_VERSION, Action, Block, Decision, Role
from reflow.pipeline import reflow, reflow_file

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "Block",
    "Config",
    "Decision",
    "Document",
    "InputError",
    "Role",
    "__version__",
    "decode",
    "reflow",
    "reflow_file",
]
