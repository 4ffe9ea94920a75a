import json
import os

import pytest

from pipeline.ingest.readers import CorpusError, iter_corpus, parse_metadata_date


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
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4")  # PDFs are read now: a broken one is an error row
    (tmp_path / "metadata.csv").write_text("file,title,date,url\na.txt,Réunion,2023-06-15,https://ex.fr/a\n",
                                           encoding="utf-8")
    docs = _docs(tmp_path)
    assert set(docs) == {"a", "sub/b", "c", "broken"}
    assert docs["broken"].status == "error" and "looks like a PDF file" in docs["broken"].error
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


# ------------------------------------------------------------------ robustness cases
import codecs  # noqa: E402
import pathlib  # noqa: E402
import tempfile  # noqa: E402
import unicodedata  # noqa: E402

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from pipeline.ingest import readers as ingest  # noqa: E402

ARTICLE = "L'armée française a déployé des soldats en Estonie, a déclaré le ministère à Paris."


@pytest.mark.parametrize("name,data,encoding", [
    ("bom.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
    ("u16.txt", ARTICLE.encode("utf-16"), "utf-16"),
    ("u16le.txt", ARTICLE.encode("utf-16-le"), "utf-16-le"),
    ("u16be.txt", ARTICLE.encode("utf-16-be"), "utf-16-be"),
    ("win.txt", ARTICLE.encode("cp1252"), "cp1252"),
    ("latin.txt", ARTICLE.encode("latin-1"), None),
    ("nul.txt", ARTICLE.encode("utf-8")[:20] + b"\x00" + ARTICLE.encode("utf-8")[20:], "utf-8"),
])
def test_encodings_give_the_same_text(tmp_path, name, data, encoding):
    (tmp_path / name).write_bytes(data)
    d = next(iter_corpus(tmp_path))
    assert d.status == "ok" and d.text == ARTICLE
    assert encoding is None or d.encoding == encoding


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings(tmp_path, newline):
    raw = newline.join(["Titre sur la Russie et l'OTAN", "", "Premier paragraphe.", "Second paragraphe."])
    (tmp_path / "a.txt").write_bytes(raw.encode("cp1252"))
    d = next(iter_corpus(tmp_path))
    assert d.text == "Titre sur la Russie et l'OTAN\n\nPremier paragraphe.\nSecond paragraphe."
    assert d.title == "Titre sur la Russie et l'OTAN"


@pytest.mark.parametrize("data,stage,reason", [
    (b"", "read", "empty file"),
    (b" \r\n\t\r", "read", "empty file"),
    (codecs.BOM_UTF8 + b"  \n", "read", "empty document"),
    ("<html><body><script>x()</script></body></html>".encode(), "read", "empty document"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "decode", "PDF"),
    (bytes(range(256)) * 4, "decode", "binary content"),
])
def test_bad_content_is_an_error_document(tmp_path, data, stage, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    docs = _docs(tmp_path)
    assert docs["good"].status == "ok"
    bad = docs["bad"]
    assert (bad.status, bad.error_stage, bad.text) == ("error", stage, "")
    assert reason in bad.error


def test_file_names_with_spaces_accents_and_other_encodings(tmp_path):
    sub = tmp_path / "dossier été"
    sub.mkdir()
    (sub / "l'article n°1 (copie).txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / unicodedata.normalize("NFD", "Genève.txt")).write_text("Réunion à Genève.", encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"r\xe9sum\xe9.txt"), "wb") as f:  # a latin-1 file name
        f.write("Résumé.".encode("utf-8"))
    docs = _docs(tmp_path)
    assert set(docs) == {"dossier été/l'article n°1 (copie)", "Genève", "résumé"}
    assert all(d.status == "ok" for d in docs.values())
    assert docs["dossier été/l'article n°1 (copie)"].source == "dossier été/l'article n°1 (copie).txt"


def test_symlinks_loops_dangling_and_self(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")
    docs = _docs(tmp_path)
    assert set(docs) == {"a", "dangling", "self"}
    assert docs["a"].status == "ok"
    assert docs["dangling"].status == docs["self"].status == "error"
    assert "cannot read file" in docs["dangling"].error and "symbolic links" in docs["self"].error


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(ARTICLE + " Bis.", encoding="utf-8")
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    docs = _docs(tmp_path)
    assert docs["open"].status == "ok"
    assert (docs["locked"].status, docs["locked"].error_stage) == ("error", "read")
    assert docs["locked"].error == "cannot read file: Permission denied"


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("secret"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs = _docs(tmp_path)
    assert docs["a"].status == "ok"
    assert docs["secret"].status == "error" and "cannot read folder: Permission denied" in docs["secret"].error


def test_fifo_and_oversized_files_do_not_block(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "big.txt").write_text(ARTICLE * 10, encoding="utf-8")
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    docs = _docs(tmp_path)
    assert docs["pipe"].error == "not a regular file"
    assert "file too large" in docs["big"].error


def test_failures_in_third_party_code_are_isolated(tmp_path, monkeypatch):
    import trafilatura

    def boom(*a, **k):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(trafilatura, "extract", boom)
    (tmp_path / "page.html").write_text("<html><body><p>La Finlande rejoint l'OTAN.</p></body></html>",
                                        encoding="utf-8")
    from pipeline.ingest import document

    real_clean = document.clean_text
    monkeypatch.setattr(document, "clean_text", lambda t: real_clean(t) if "poison" not in t else 1 / 0)
    (tmp_path / "poison.txt").write_text("poison", encoding="utf-8")
    real_decode = ingest.decode_bytes
    monkeypatch.setattr(ingest, "decode_bytes", lambda b: real_decode(b) if b != b"weird" else {}["x"])
    (tmp_path / "weird.txt").write_bytes(b"weird")
    docs = _docs(tmp_path)
    # a failing extractor is this page's error, never a silent fallback to the whole page
    assert (docs["page"].status, docs["page"].error_stage) == ("error", "clean")
    assert docs["page"].error == "HTML extraction failed: RuntimeError: parser crashed"
    assert (docs["poison"].error_stage, docs["poison"].error) == ("clean", "ZeroDivisionError: division by zero")
    assert docs["weird"].error_stage == "decode" and "KeyError" in docs["weird"].error


def test_broken_metadata_csv_is_a_corpus_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes(b"%PDF-1.4 not a table")
    with pytest.raises(CorpusError, match="metadata.csv"):
        list(iter_corpus(tmp_path))


def test_jsonl_line_ends_separators_nesting_and_surrogates(tmp_path):
    rows = [json.dumps({"id": "sep", "text": "Un\u2028deux\u2029trois, dit l'OTAN."}, ensure_ascii=False),
            json.dumps({"id": "nan", "text": "Valeur NaN.", "score": float("nan")}),
            "[" * 100_000 + "]" * 100_000,
            '{"id": "sur\\ud800", "title": "\\udfff titre", "text": "Kyiv\\ud800 résiste."}',
            json.dumps({"id": 7, "text": 12}),
            json.dumps({"text": "   "})]
    p = tmp_path / "c.jsonl"
    p.write_bytes(codecs.BOM_UTF8 + "\r\n".join(rows).encode("utf-8") + b"\r")
    docs = list(iter_corpus(p))
    assert [d.status for d in docs] == ["ok", "ok", "error", "ok", "error", "error"]
    assert docs[0].text == "Un\ndeux\n\ntrois, dit l'OTAN."
    assert "line 3" in docs[2].error
    assert (docs[3].doc_id, docs[3].title, docs[3].text) == ("sur\ufffd", "\ufffd titre", "Kyiv résiste.")
    assert (docs[4].doc_id, docs[4].error) == ("7", "c.jsonl:5: 'text' is not a string")
    assert "no text" in docs[5].error
    for d in docs:
        (d.doc_id + d.source + d.title + d.error).encode("utf-8")


def test_jsonl_old_mac_line_ends_and_utf16(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes("\r".join(json.dumps({"id": f"r{i}", "text": f"Texte {i} sur l'Ukraine."}) for i in range(3))
                  .encode("utf-16"))
    assert [(d.doc_id, d.status) for d in iter_corpus(p)] == [("r0", "ok"), ("r1", "ok"), ("r2", "ok")]


def test_one_failing_row_never_stops_the_others(tmp_path, monkeypatch):
    real_finish = ingest.finish

    def finish(doc, text, **kw):
        if "poison" in text:
            raise MemoryError("simulated")
        return real_finish(doc, text, **kw)

    from pipeline.ingest import tables

    monkeypatch.setattr(tables, "finish", finish)  # the table readers finish each row
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(["Un.", "poison", "Trois."])),
                 encoding="utf-8")
    assert [(d.doc_id, d.status) for d in iter_corpus(p)] == [("0", "ok"), ("1", "error"), ("2", "ok")]
    q = tmp_path / "c.csv"
    q.write_text("id,text\n0,Un.\n1,poison\n2,Trois.\n", encoding="utf-8")
    docs = list(iter_corpus(q))
    assert [(d.doc_id, d.status) for d in docs] == [("0", "ok"), ("1", "error"), ("2", "ok")]
    assert docs[1].error == "MemoryError: simulated"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_unreadable_or_binary_table_is_a_corpus_error(tmp_path, monkeypatch, suffix):
    p = tmp_path / f"c{suffix}"
    p.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(CorpusError, match="PNG"):
        list(iter_corpus(p))
    p.write_text("id,text\n1,Texte.\n", encoding="utf-8")
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "denied")))
    with pytest.raises(CorpusError, match="cannot read"):
        list(iter_corpus(p))


def test_csv_row_problems_are_error_rows(tmp_path):
    p = tmp_path / "t.csv"
    p.write_bytes(b'id,Text,date\r\n'
                  b'1,"Ligne un.\r\nLigne deux, dit ""Le Monde"".",2024-01-02\r\n'
                  b'2,,2024\r\n'          # empty text
                  b'3\r\n'                # fewer cells: no text
                  b'4,Quatre sur la Russie.,2024,extra,cells\r\n'
                  b'5,Un \xc3\xa9cran de 5" suffit.,\r\n'  # a quote inside an unquoted cell: fine
                  b'1,Le m\xc3\xaame identifiant.,\r\n')
    docs = list(iter_corpus(p))
    assert [(d.doc_id, d.status) for d in docs] == [("1", "ok"), ("2", "error"), ("3", "error"), ("4", "ok"),
                                                   ("5", "ok"), ("1", "ok")]
    assert docs[0].text == 'Ligne un.\nLigne deux, dit "Le Monde".'
    assert docs[1].error == "t.csv:4: no text" and docs[2].error == "t.csv:5: no text"
    assert docs[4].text == 'Un écran de 5" suffit.'


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_csv_delimiters(tmp_path, delimiter):
    p = tmp_path / "t.csv"
    p.write_text(delimiter.join(["id", "text", "date"]) + "\n" + delimiter.join(["a", "Texte, avec virgule.", "2024"])
                 + "\n", encoding="cp1252")
    (d,) = iter_corpus(p)
    assert (d.doc_id, d.text, d.published) == ("a", "Texte, avec virgule.", "2024")


def test_csv_unclosed_quote_swallowing_the_rest_is_reported(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('id,text\n1,"Bon texte."\n2,"Guillemet jamais fermé.\n3,Texte trois.\n4,Texte quatre.\n'
                 '5,Texte cinq.\n', encoding="utf-8")
    docs = list(iter_corpus(p))
    assert [(d.doc_id, d.status) for d in docs] == [("1", "ok"), ("2", "error")]
    assert docs[1].error.startswith("broken CSV quoting: a quote is never closed, so lines 3-6 (to the end of "
                                    "the file) were read as one row")


def test_csv_quote_closed_mid_cell_is_reported_and_reading_goes_on(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('id,text\n1,"Oubli du guillemet.\n2,"Deux, dit-il."\n3,"Trois."\n', encoding="utf-8")
    docs = list(iter_corpus(p))
    assert [(d.doc_id, d.status) for d in docs] == [("1", "error"), ("3", "ok")]
    assert "a quote closes in the middle of a cell, so lines 2-3 were read as one row" in docs[0].error


def test_csv_empty_or_header_only(tmp_path):
    p = tmp_path / "t.csv"
    p.write_bytes(b"")
    with pytest.raises(CorpusError, match="no 'text' column"):
        list(iter_corpus(p))
    p.write_text("id,text\n", encoding="utf-8")
    assert list(iter_corpus(p)) == []


# ---------------------------------------------------------------- fuzzing the readers
_PIECES = [b'"', b",", b";", b"\n", b"\r\n", b"\r", b"{", b"}", b'"text": ', b'"id": ', b"[", b"]", b"\x00",
           b"\xff", b"\xfe", b"\xe9", b"\xef\xbb\xbf", b"%PDF", b"<html><body>", b"<script>", b"</p>",
           "L'OTAN à Kyiv. ".encode(), "é".encode("utf-16-le"), b"\\ud800", b"  ", b"\t"]
_BYTES = st.one_of(st.binary(max_size=300), st.lists(st.sampled_from(_PIECES), max_size=40).map(b"".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BYTES, st.sampled_from(["a.txt", "a.html", "c.jsonl", "c.csv"]), st.booleans())
def test_readers_never_raise_on_random_bytes(data, name, with_header):
    with tempfile.TemporaryDirectory() as tmp:
        p = pathlib.Path(tmp) / name
        if name == "c.csv" and with_header:
            data = b"id,text,date\n" + data
        if name == "c.jsonl" and with_header:
            data = b'{"id": "x", "text": "Texte."}\n' + data
        p.write_bytes(data)
        try:
            docs = list(iter_corpus(tmp if name.endswith(("txt", "html")) else p))
        except CorpusError as exc:
            assert name.endswith((".jsonl", ".csv")) and str(exc)
            return
        for d in docs:
            assert d.status in {"ok", "error"} and d.doc_id
            if d.status == "ok":
                assert d.text.strip() and d.content_hash
            else:
                assert d.error and d.error_stage and d.text == ""
            for value in (d.doc_id, d.source, d.title, d.text, d.error, *d.meta.values()):
                value.encode("utf-8")  # writable to the output files


def test_a_missing_html_extractor_is_an_error_not_tag_stripping(tmp_path, monkeypatch):
    """lxml 5.2+ without lxml_html_clean: trafilatura cannot be imported; the page must not be
    read with its menus (which became actors: Politique, Sport, Instagram)."""
    import builtins

    import pytest

    real_import = builtins.__import__

    def no_clean(name, *args, **kwargs):
        if name == "lxml.html.clean":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_clean)
    with pytest.raises(ingest.HtmlExtractorError, match="lxml_html_clean"):
        ingest.check_html_extractor()
    (tmp_path / "page.html").write_text("<html><body><nav>Politique Sport</nav><p>La Finlande rejoint l'OTAN."
                                        "</p><footer>Instagram</footer></body></html>", encoding="utf-8")
    doc = _docs(tmp_path)["page"]
    assert doc.status == "error" and "Politique" not in doc.text
    assert "lxml_html_clean" in doc.error
