"""Build src/earmark/names/data/common_words.txt.gz: the words of everyday language.

    python scripts/build_common_words.py          # needs wordfreq (the `build` extra)

A one-word query that finds its word in a longer listed name is weak evidence when the word is
one anybody's firm may bear ("Orange S.A." / BANK ORANGE, "Target Corporation" / TARGET
ELECTRONICS), and strong when it is a coined name ("Inspur" / INSPUR GROUP): how common a word
is in the world, not in the lists, tells them apart (earmark.screening.scorer, ONE_WORD).

The words are those of wordfreq's "best" lists (Speer et al., wordfreq 3.1: frequencies from
Wikipedia, subtitles, news, books, web text and social media; data CC BY-SA 4.0) with a Zipf
frequency of at least MIN_ZIPF (once per million words or more) in any of LANGUAGES, folded as
earmark folds names (earmark.names.normalize.fold), of three letters or more. The build is
deterministic; the file's first lines say where it came from.
"""

from __future__ import annotations

import gzip
from importlib.metadata import version
from pathlib import Path

from earmark.names.normalize import fold

DATA = Path(__file__).resolve().parents[1] / "src" / "earmark" / "names" / "data"
OUT = DATA / "common_words.txt.gz"
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
MIN_ZIPF = 3.0


def main() -> None:
    import wordfreq

    words: set[str] = set()
    for lang in LANGUAGES:
        for word in wordfreq.iter_wordlist(lang, "best"):
            if wordfreq.zipf_frequency(word, lang, "best") < MIN_ZIPF:
                break  # the list runs from the most frequent down
            folded = fold(word)
            if len(folded) >= 3 and folded.isascii() and folded.isalpha():
                words.add(folded)
    header = [
        "# Words of everyday language: Zipf frequency >= "
        f"{MIN_ZIPF} in any of {', '.join(LANGUAGES)}",
        f"# Source: wordfreq {version('wordfreq')} 'best' word lists (Robyn Speer et al.,"
        " https://github.com/rspeer/wordfreq), data CC BY-SA 4.0",
        "# Built by scripts/build_common_words.py; folded as earmark folds names; one a line",
    ]
    text = "\n".join([*header, *sorted(words)]) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))  # the same bytes every build
    print(f"{len(words):,} words -> {OUT}")


if __name__ == "__main__":
    main()
