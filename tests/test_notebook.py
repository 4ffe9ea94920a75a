"""notebooks/explore.ipynb runs top to bottom on the seeds outputs (nbclient)."""
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def _text(cell) -> str:
    out = []
    for o in cell.get("outputs", []):
        out.append(o.get("text", ""))
        out.append(o.get("data", {}).get("text/plain", ""))
    return "\n".join(out)


def test_explore_notebook_answers_the_three_questions(seeds_out, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    out, _ = seeds_out
    monkeypatch.setenv("ACTORGRAPH_OUT", str(out))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    text = "\n".join(_text(c) for c in code)
    assert str(out) in text and "5 documents" in text
    assert "Most central by betweenness:" in text and "OTAN" in text
    assert re.search(r"OTAN–Russie: [1-9]\d* co-mention sentences", text)
    assert "events target Ukraine" in text
