"""The actor ruler's pattern keys kept on disk (pipeline.nlp.ruler_cache)."""
import json
import os

from spacy.matcher import PhraseMatcher

from pipeline.nlp import ruler_cache as rc
from pipeline.nlp.actors import ActorRuler

FORMS = ["Vladimir Poutine", "l'OTAN", "M.Macron", "Jens Stoltenberg", "Kiev", "États-Unis", "U.S.A.",
         "président russe", "aujourd'hui", "Moscou"]


def test_keys_are_the_tokens_lowercase_forms(nlp):
    keys = rc.pattern_keys(nlp, FORMS)
    for form in FORMS:
        assert keys[form] == tuple(nlp.vocab.strings[t.lower_] for t in nlp.make_doc(form))
    assert len(keys["M.Macron"]) == 3  # our infix rule splits the glued title


def test_the_file_gives_the_same_keys_and_grows_with_new_forms(nlp, tmp_path):
    first = rc.pattern_keys(nlp, FORMS[:5], tmp_path)
    path = tmp_path / rc.CACHE_FILE
    assert set(json.loads(path.read_text(encoding="utf-8"))["entries"]) == set(FORMS[:5])
    both = rc.pattern_keys(nlp, FORMS, tmp_path)
    assert both == rc.pattern_keys(nlp, FORMS) and {k: both[k] for k in first} == first
    assert set(json.loads(path.read_text(encoding="utf-8"))["entries"]) == set(FORMS)


def test_keys_are_read_from_the_file(nlp, tmp_path):
    rc.pattern_keys(nlp, FORMS, tmp_path)
    path = tmp_path / rc.CACHE_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    # a planted value with a valid checksum is served: the file is what is read
    data["entries"]["Kiev"] = [7]
    data["checksum"] = rc._checksum(data["entries"])
    path.write_text(json.dumps(data), encoding="utf-8")
    assert rc.pattern_keys(nlp, ["Kiev"], tmp_path) == {"Kiev": (7,)}


def test_a_damaged_or_stale_file_is_made_again_with_a_note(nlp, tmp_path, capsys):
    good = rc.pattern_keys(nlp, FORMS, tmp_path)
    path = tmp_path / rc.CACHE_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    edited = dict(data, entries=dict(data["entries"], Kiev=[7]))  # checksum no longer matches
    stale = dict(data, tokenizer="0" * 40)
    wrong_shape = dict(data, entries=dict(data["entries"], Kiev="kiev"))
    wrong_shape["checksum"] = rc._checksum(wrong_shape["entries"])
    for content, why in ((json.dumps(edited), "checksum"), (json.dumps(stale), "another tokenizer"),
                         ("{not json", "not valid JSON"), (json.dumps(wrong_shape), "not a list of token hashes"),
                         (json.dumps([1, 2]), "not a pattern file")):
        path.write_text(content, encoding="utf-8")
        assert rc.pattern_keys(nlp, FORMS, tmp_path) == good
        err = capsys.readouterr().err
        assert "actorgraph: note:" in err and why in err, (why, err)
        assert json.loads(path.read_text(encoding="utf-8"))["entries"]["Kiev"] == list(good["Kiev"])
    rc.pattern_keys(nlp, FORMS, tmp_path)
    assert capsys.readouterr().err == ""  # the rebuilt file is used quietly


def test_the_ruler_matches_the_same_with_or_without_the_file(nlp, tmp_path):
    plain = ActorRuler(nlp)
    rc.pattern_keys(nlp, [], tmp_path)  # an empty file: every form is added to it
    cached = ActorRuler(nlp, pattern_cache=str(tmp_path))
    again = ActorRuler(nlp, pattern_cache=str(tmp_path))  # read from the file
    doc = nlp.make_doc("Le président russe Vladimir Poutine a reçu à Moscou le secrétaire général de l'OTAN, "
                       "Jens Stoltenberg, et M.Macron venu des États-Unis.")
    assert plain.matcher(doc) and plain.matcher(doc) == cached.matcher(doc) == again.matcher(doc)
    assert isinstance(again.matcher, PhraseMatcher)


def test_use_folder_sets_the_folder_for_the_block_only(tmp_path, monkeypatch):
    monkeypatch.delenv(rc.CACHE_ENV, raising=False)
    with rc.use_folder(tmp_path):
        assert rc.folder_from_env() == str(tmp_path) == os.environ[rc.CACHE_ENV]
        with rc.use_folder(None):
            assert rc.folder_from_env() is None
        assert rc.folder_from_env() == str(tmp_path)
    assert rc.folder_from_env() is None


def test_the_tokenizer_key_changes_with_the_tokenizer_rules(nlp):
    import spacy

    blank = spacy.blank("fr")
    key = rc.tokenizer_key(blank)
    assert key == rc.tokenizer_key(spacy.blank("fr")) and len(key) == 40
    from pipeline.nlp.loader import split_glued_titles

    split_glued_titles(blank)
    assert rc.tokenizer_key(blank) != key
    assert rc.tokenizer_key(nlp) != key
