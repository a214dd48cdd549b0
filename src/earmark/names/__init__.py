"""earmark.names: party names as comparable tokens.

Normalisation (case, accents, punctuation), transliteration (Cyrillic, Arabic and other scripts
with anyascii; Chinese with a company-name lexicon and pypinyin), legal forms folded to one
canonical token each, generic words and stopwords marked. No list data: the weight of a word
comes from the screening index, which knows how rare the word is in the lists.
"""

from earmark.names.analyze import AnalyzedName, Kind, Token, analyze

__all__ = ["AnalyzedName", "Kind", "Token", "analyze"]
