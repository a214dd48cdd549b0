"""Build tests/data/screening/dev_negatives_shared.csv: development negatives that share one
common word with a listed name ("Orange S.A." / "BANK ORANGE", "Target Corporation" /
"TARGET ELECTRONICS").

    python scripts/build_dev_negatives.py

Generated (seeded) from a hand list of common English words that brands use, kept only where a
listed name of two words or more contains the word and no listed name is the word alone (with
or without a legal form). TUNED ON; the held-out negatives are tests/data/heldout/screening.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from earmark.names.normalize import fold
from earmark.regdata import load_regdata

OUT = (
    Path(__file__).resolve().parents[1]
    / "tests"
    / "data"
    / "screening"
    / "dev_negatives_shared.csv"
)
WORDS = [
    "apple",
    "orange",
    "target",
    "star",
    "sun",
    "golden",
    "eagle",
    "lion",
    "tiger",
    "delta",
    "alpha",
    "omega",
    "phoenix",
    "atlas",
    "crown",
    "royal",
    "diamond",
    "pearl",
    "ocean",
    "sky",
    "blue",
    "green",
    "red",
    "silver",
    "unity",
    "victory",
    "liberty",
    "pioneer",
    "summit",
    "zenith",
    "apex",
    "nova",
    "vision",
    "future",
    "rainbow",
    "falcon",
    "dragon",
    "panda",
    "lotus",
    "jade",
    "sunrise",
    "horizon",
    "galaxy",
    "matrix",
    "vector",
    "quantum",
    "prime",
    "fortune",
    "harmony",
    "bright",
    "grand",
    "gold",
    "white",
    "black",
    "arrow",
    "rock",
    "stone",
    "river",
    "lake",
    "mountain",
    "forest",
    "garden",
    "bridge",
    "tower",
    "castle",
    "anchor",
    "compass",
    "beacon",
    "harbor",
    "harbour",
    "crystal",
    "emerald",
    "sapphire",
    "ruby",
    "amber",
    "coral",
    "ivory",
    "spring",
    "summer",
    "winter",
    "autumn",
    "north",
    "south",
    "east",
    "west",
    "central",
    "pacific",
    "atlantic",
    "orient",
    "energy",
    "power",
    "",
]
SUFFIXES = ["Inc.", "Corporation", "Holdings plc", "Group Ltd", "S.A.", "GmbH", "LLC", "AG", "Co."]
SEED = 20261201


def main() -> None:
    rng = random.Random(SEED)
    names = [fold(n) for lst in load_regdata().lists.as_of(None) for n in lst.entry.names]
    alone = {n for n in names if len(n.split()) <= 2}
    rows = []
    for word in WORDS:
        holders = [n for n in names if word in n.split() and len(n.split()) >= 2]
        if (
            not holders
            or word in alone
            or any(n.startswith(word + " ") and len(n.split()) == 2 for n in alone)
        ):
            continue
        rows.append(("shared_word", f"{word.capitalize()} {rng.choice(SUFFIXES)}"))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["kind", "query"])
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
