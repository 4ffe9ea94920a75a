"""Where actorgraph finds its data files (the repository's ``models/`` folder)."""
from __future__ import annotations

import os
from pathlib import Path

#: ``models/`` beside the package (editable install or a source checkout);
#: override with the ``ACTORGRAPH_MODELS`` environment variable.
MODELS_DIR = Path(os.environ.get("ACTORGRAPH_MODELS", Path(__file__).resolve().parent.parent / "models"))


def model_file(name: str) -> Path:
    path = MODELS_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"actorgraph data file {name!r} not found in {MODELS_DIR}; "
            "install from a source checkout (pip install -e .) or set ACTORGRAPH_MODELS"
        )
    return path


def read_yaml(path) -> object:
    """A YAML data file, parsed safely with libyaml when PyYAML has it (about ten times
    faster than the pure-Python parser on the gazetteer), else with the Python one."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
