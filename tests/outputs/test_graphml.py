"""The GraphML writer gives the bytes networkx's lxml writer gives for the same graph."""
import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.outputs.graphml import write_graphml_text

_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\t\n\r&<>"\']]>')
_text = st.text(alphabet=_chars, max_size=8)
_value = st.one_of(_text, st.integers(-10**12, 10**12), st.floats(allow_nan=False), st.booleans())
_data = st.dictionaries(st.sampled_from(["label", "weight", "kind", "x", "n", "flag", "id", "a b"]), _value,
                        max_size=5)


@st.composite
def graphs(draw):
    g = (nx.MultiDiGraph if draw(st.booleans()) else nx.MultiGraph)()
    names = draw(st.lists(_text.filter(bool), min_size=0, max_size=6, unique=True))
    for n in names:
        g.add_node(n, **draw(_data))
    for _ in range(draw(st.integers(0, 8)) if names else 0):
        u, v = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        data = draw(_data)
        g.add_edge(u, v, key=draw(_text), **data)
    return g


def _networkx_bytes(g, path):
    nx.write_graphml(g, path, encoding="utf-8", infer_numeric_types=True, edge_id_from_attribute="id")
    return path.read_bytes()


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_same_bytes_as_networkx(tmp_path_factory, g):
    folder = tmp_path_factory.mktemp("g")
    write_graphml_text(g, folder / "ours.graphml")
    assert (folder / "ours.graphml").read_bytes() == _networkx_bytes(g, folder / "nx.graphml")


def test_an_empty_graph(tmp_path):
    for g in (nx.MultiGraph(), nx.MultiDiGraph()):
        write_graphml_text(g, tmp_path / "ours.graphml")
        assert (tmp_path / "ours.graphml").read_bytes() == _networkx_bytes(g, tmp_path / "nx.graphml")
