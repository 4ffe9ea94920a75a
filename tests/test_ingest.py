import json
import os

import pytest

from pipeline.ingest import CorpusError, iter_corpus, parse_metadata_date


def _docs(path):
    return {d.doc_id: d for d in iter_corpus(path)}


def test_folder_recursive_with_metadata_and_formats(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("L'OTAN se réunit à Bruxelles.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("**Moscou** a [répondu](#) hier.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Titre de page</title></head><body><nav>Menu Accueil</nav>"
        "<article><p>Le Kremlin a averti l'Alliance atlantique contre tout déploiement de troupes.</p>"
        "<p>Kiev a salué la décision des alliés de livrer des armes supplémentaires.</p></article>"
        "<script>track()</script></body></html>", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "metadata.csv").write_text("file,title,date,url\na.txt,Réunion,2023-06-15,https://ex.fr/a\n",
                                           encoding="utf-8")
    docs = _docs(tmp_path)
    assert set(docs) == {"a", "sub/b", "c"}
    a = docs["a"]
    assert (a.title, a.published, a.published_precision, a.date_source) == ("Réunion", "2023-06-15", "day", "metadata")
    assert a.url == "https://ex.fr/a"
    assert docs["sub/b"].text == "Moscou a répondu hier."
    assert "Kremlin a averti" in docs["c"].text and "track()" not in docs["c"].text


def test_cp1252_file_is_decoded(tmp_path):
    (tmp_path / "win.txt").write_bytes("Le président français a rencontré l’émissaire à Genève.".encode("cp1252"))
    d = _docs(tmp_path)["win"]
    assert d.status == "ok" and "président français" in d.text and d.encoding == "cp1252"


def test_bad_files_are_recorded_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n \t", encoding="utf-8")
    (tmp_path / "fake.txt").write_bytes(b"%PDF-1.5 binary stuff")
    (tmp_path / "good.txt").write_text("La Pologne renforce sa frontière.", encoding="utf-8")
    docs = _docs(tmp_path)
    assert docs["good"].status == "ok"
    for name in ("empty", "blank", "fake"):
        assert docs[name].status == "error" and docs[name].error
    assert "PDF" in docs["fake"].error


def test_symlink_loop_does_not_hang(tmp_path):
    (tmp_path / "a.txt").write_text("Texte sur la Russie.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    assert list(_docs(tmp_path)) == ["a"]


def test_jsonl_with_invalid_lines(tmp_path):
    p = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "x1", "text": "L'Ukraine demande des armes.", "published": "24/02/2022",
                         "source": "AFP"}),
             "{not json",
             json.dumps(["a list"]),
             json.dumps({"id": "x2", "title": "sans texte"}),
             json.dumps({"text": "Sans identifiant, la Russie."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(iter_corpus(p))
    assert len(docs) == 5
    x1 = docs[0]
    assert (x1.doc_id, x1.published, x1.source, x1.status) == ("x1", "2022-02-24", "AFP", "ok")
    assert [d.status for d in docs] == ["ok", "error", "error", "error", "ok"]
    assert "line 2" in docs[1].error
    assert docs[4].doc_id.startswith("doc-")


def test_csv_embedded_newlines_extra_columns(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('id,text,date,lang,extra\n1,"Première ligne.\nDeuxième ligne sur l\'OTAN.",2024-03,fr,x\n'
                 '2,"Texte, avec virgule",,fr,y\n', encoding="utf-8")
    docs = list(iter_corpus(p))
    assert [d.doc_id for d in docs] == ["1", "2"]
    assert docs[0].text == "Première ligne.\nDeuxième ligne sur l'OTAN."
    assert (docs[0].published, docs[0].published_precision) == ("2024-03", "month")
    assert docs[0].meta == {"lang": "fr", "extra": "x"}


def test_csv_without_text_column_is_a_clear_error(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no 'text' column"):
        list(iter_corpus(p))


def test_missing_corpus():
    with pytest.raises(CorpusError, match="not found"):
        list(iter_corpus("/nonexistent/corpus"))


@pytest.mark.parametrize("value,expected", [
    ("2022-02-24", ("2022-02-24", "day")),
    ("2022-02-24T10:32:00+01:00", ("2022-02-24", "day")),
    ("2022-02", ("2022-02", "month")),
    ("2022", ("2022", "year")),
    ("03/12/2025", ("2025-12-03", "day")),
    ("31/02/2024", ("", "")),
    ("", ("", "")),
    ("2022-13", ("", "")),
])
def test_metadata_dates(value, expected):
    assert parse_metadata_date(value) == expected
