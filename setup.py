"""Build step: put the data files into the wheel.

The repository keeps ``models/`` (gazetteer, triggers, temporal vocabulary…) and
``CODEBOOK.md`` at the top level, where researchers edit them; they stay the only copy in
the repository. When a wheel (or a non-editable install) is built, they are copied into
``pipeline/_data/`` inside the package, where :mod:`pipeline.paths` finds them.
Everything else is declared in pyproject.toml.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = [("models", "*.yaml"), ("models", "*.md"), (".", "CODEBOOK.md")]


class build_py_with_data(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads models/ in the checkout itself
        dest = Path(self.build_lib) / "pipeline" / "_data"
        for folder, pattern in DATA:
            files = sorted((ROOT / folder).glob(pattern))
            if not files:
                raise SystemExit(f"setup.py: no {folder}/{pattern} to put in the wheel")
            target = dest / folder if folder != "." else dest
            target.mkdir(parents=True, exist_ok=True)
            for f in files:
                shutil.copyfile(f, target / f.name)


setup(cmdclass={"build_py": build_py_with_data})
