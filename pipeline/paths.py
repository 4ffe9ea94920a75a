"""Where actorgraph finds its data files: ``models/`` (gazetteer, rules, lexicons) and
``CODEBOOK.md``.

In a source checkout (or an editable install) they are the repository's own top-level
files, the only copy kept in git. A wheel carries a copy in ``pipeline/_data/``, made by
the build step of ``setup.py``. ``ACTORGRAPH_MODELS`` overrides the ``models/`` folder.
"""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PACKAGED = _PACKAGE / "_data"  # installed from a wheel
_CHECKOUT = _PACKAGE.parent  # a source checkout or an editable install


def data_root() -> Path:
    """The folder holding ``models/`` and ``CODEBOOK.md``."""
    return _PACKAGED if (_PACKAGED / "models").is_dir() else _CHECKOUT


MODELS_DIR = Path(os.environ.get("ACTORGRAPH_MODELS") or data_root() / "models")
CODEBOOK = data_root() / "CODEBOOK.md"


def model_file(name: str) -> Path:
    path = MODELS_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"actorgraph data file {name!r} not found in {MODELS_DIR}; "
            "reinstall actorgraph (pip install actorgraph, or pip install -e . in a checkout) "
            "or set ACTORGRAPH_MODELS")
    return path


def read_yaml(path) -> object:
    """A YAML data file, parsed safely with libyaml when PyYAML has it (about ten times
    faster than the pure-Python parser on the gazetteer), else with the Python one."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
