"""The package declares what it imports, and a wheel carries its data files."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter: what does a real run import? (a 600-node layout needs scipy;
# HTML extraction needs trafilatura, justext and lxml.html.clean)
_PROBE = r"""
import json, sys
before = set(sys.modules)
from pipeline.network.layout import force_layout
nodes = [f"n{i}" for i in range(600)]
force_layout(nodes, [(nodes[i], nodes[(i * 7 + 1) % 600], 1) for i in range(600)])
from pipeline.ingest.readers import finish, Document
page = ("<html><head><title>Un titre de page</title></head><body><nav>Accueil Politique Sport</nav>"
        "<article><p>" + "Le ministre a rencontré son homologue à Berlin pour parler de l'OTAN. " * 5
        + "</p></article><footer>Newsletter Instagram</footer></body></html>")
finish(Document(doc_id="p", source="p.html"), page, is_html=True)
import pipeline.run, pipeline.outputs.export, pipeline.outputs.report, pipeline.outputs.gexf
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def _declared_closure() -> set[str]:
    """Distribution names reachable from pyproject's dependencies (no extras)."""
    import re
    from importlib.metadata import PackageNotFoundError, requires

    try:
        import tomllib
    except ImportError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    todo = [re.match(r"[A-Za-z0-9_.\-]+", d).group(0) for d in deps]
    seen: set[str] = set()
    while todo:
        name = norm(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue
        for r in reqs:
            if "extra ==" in r:
                continue
            todo.append(re.match(r"[A-Za-z0-9_.\-]+", r).group(0))
    return seen


#: imported by a declared package only when it happens to be installed (try/except ImportError)
OPTIONAL_IMPORTS = {"cloudpickle"}  # pyarrow


def test_every_module_a_run_imports_comes_from_a_declared_dependency():
    import re
    from importlib.metadata import packages_distributions

    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    declared = _declared_closure()
    owners = packages_distributions()
    undeclared = {}
    for m in modules:
        if m in sys.stdlib_module_names or m in sys.builtin_module_names or m in ("pipeline", "__main__") \
                or m in OPTIONAL_IMPORTS:
            continue
        dists = {re.sub(r"[-_.]+", "-", d).lower() for d in owners.get(m, [])}
        if dists and not dists & declared:
            undeclared[m] = sorted(dists)
    assert not undeclared, f"imported at run time but not declared in pyproject.toml: {undeclared}"


def test_the_wheel_carries_models_and_the_codebook(tmp_path):
    """pip builds the wheel with setup.py's data step: models/*.yaml and CODEBOOK.md inside."""
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(tmp_path)],
                         capture_output=True, text=True)
    if res.returncode != 0 and "No matching distribution" in res.stderr + res.stdout:
        pytest.skip("no package index to fetch the build backend")
    assert res.returncode == 0, res.stderr[-2000:]
    wheel = next(tmp_path.glob("actorgraph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in sorted((ROOT / "models").glob("*.yaml")):
        assert f"pipeline/_data/models/{f.name}" in names
    assert "pipeline/_data/CODEBOOK.md" in names
    assert "pipeline/outputs/static/report.js" in names


def test_data_files_are_found_from_the_package_when_installed(tmp_path, monkeypatch):
    """Installed from a wheel (no models/ beside the package), paths point inside it."""
    import importlib

    import pipeline.paths as paths

    data = tmp_path / "_data"
    (data / "models").mkdir(parents=True)
    (data / "models" / "actors.yaml").write_text("[]\n", encoding="utf-8")
    (data / "CODEBOOK.md").write_text("# codebook\n", encoding="utf-8")
    monkeypatch.setattr(paths, "_PACKAGED", data)
    assert paths.data_root() == data
    monkeypatch.setattr(paths, "_PACKAGED", tmp_path / "absent")
    assert paths.data_root() == ROOT
    importlib.reload(paths)


def test_every_import_in_the_package_source_is_declared():
    """Top-level names imported anywhere in pipeline/ are stdlib, ours, or declared (directly or
    through a declared package); optional extras (dask) are imported inside a guard."""
    import ast
    import re
    from importlib.metadata import packages_distributions

    declared = _declared_closure()
    owners = packages_distributions()
    optional = {"dask", "distributed", "tomli"}  # the [dask] extra; Python 3.10's TOML reader
    missing = {}
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("pipeline", "__future__") or top in optional:
                    continue
                dists = {re.sub(r"[-_.]+", "-", d).lower() for d in owners.get(top, [])}
                if not dists & declared:
                    missing.setdefault(top, []).append(path.relative_to(ROOT).as_posix())
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
