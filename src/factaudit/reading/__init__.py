"""Text tools that know no claims and no rules: folding, sentences, language packs, typed
values, spelling lexica and file formats. Tested on raw text."""
