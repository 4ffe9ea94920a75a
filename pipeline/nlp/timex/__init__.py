"""French temporal expressions -> TIMEX3 values: pure rules and the spaCy component.

The modules, each feeding the next: :mod:`.vocabulary` (``models/timex_fr.yaml``) ->
:mod:`.patterns` (compiled regexes) -> :mod:`.candidates` (what a text says) ->
:mod:`.values` (a value against a known day, month or year) -> :mod:`.anchors` (the
entry point :func:`~pipeline.nlp.timex.anchors.resolve`, interval anchors), with
:mod:`.landmarks` (dated events that narrow an interval), :mod:`.ranges` (the two dates of
"du 8 au 9 juillet"), :mod:`.periods` ("le lendemain", centuries, "les mois d'été"),
:mod:`.tense` (the tense of the governing verb) and :mod:`.textanchor` (dates of the text
that anchor "le lendemain"). :mod:`.rules` gathers the public
names and :func:`~pipeline.nlp.timex.rules.normalize`; :mod:`.component` is the spaCy
factory ``actorgraph_timex``. Importing the package imports none of them (no spaCy needed).

>>> from pipeline.nlp.timex.rules import normalize
>>> normalize("le 24 février 2022")
('2022-02-24', 'day', 'date_full')
"""
