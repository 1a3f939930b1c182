"""Text tools that know no claims and no rules: files of every supported kind turned into
text whose offsets findings point into, folding, sentences, language packs, typed values
and spelling lexica. Tested on raw text."""
