"""The French words of the event extractor, read from ``models/event_words.yaml``.

Each constant is one key of the file (see the ``event_words.yaml`` section of
``models/README.md``), loaded and checked by :mod:`pipeline.lexicon`: sets of words are
frozensets, lists whose order matters are tuples, tables are dicts.

>>> "elles" in SUBJECT_PRONOUNS, "manœuvre" in AMBIGUOUS_NOUNS
(True, True)
>>> VERB_TARGET_PREPS[:3]
('à', 'contre', 'vers')
>>> list(PASSIVE_PARTICIPLE_ENDINGS.items())[:2]
[('ées', 'er'), ('és', 'er')]
"""
from __future__ import annotations

from ...lexicon import mapping, table, word_list, words

FILE = "event_words.yaml"

# pronouns and clitics
REFLEXIVE = words(FILE, "reflexive_pronouns")
SUBJECT_PRONOUNS = words(FILE, "subject_pronouns")
OBJECT_PRONOUNS = words(FILE, "object_pronouns")
FIRST_PERSON = words(FILE, "first_person_pronouns")
# prepositions (tuples: their order is the order in which they are tried)
VERB_TARGET_PREPS = word_list(FILE, "verb_target_preps")
NOUN_TARGET_PREPS = word_list(FILE, "noun_target_preps")
PLACE_PREPS = word_list(FILE, "place_preps")
DEEP_PLACE_PREPS = word_list(FILE, "deep_place_preps")
COMPLEX_PREP_NOUNS = words(FILE, "complex_preposition_nouns")
# event types with a special argument rule
SYMMETRIC_TYPES = words(FILE, "symmetric_types")
RECIPROCAL_ADVERBS = words(FILE, "reciprocal_adverbs")
FORCE_TYPES = words(FILE, "force_types")
RELATION_NOUNS = words(FILE, "relation_nouns")
PLACE_ADJUNCT_TYPES = words(FILE, "place_adjunct_types")
VENUE_TYPES = words(FILE, "venue_types")
OWNER_ADJECTIVE_TYPES = words(FILE, "owner_adjective_types")
COLLECTIVE_NOUNS = words(FILE, "collective_nouns")
RELATIONAL_NOUNS = words(FILE, "relational_nouns")
COLLECTIVE_ADJECTIVES = mapping(FILE, "collective_adjectives")
PATIENT_NOUNS = words(FILE, "patient_nouns")
# word senses
RECIPIENT_OBJECT_VERBS = words(FILE, "recipient_object_verbs")
HARM_VERBS = words(FILE, "harm_verbs")
AMBIGUOUS_NOUNS = table(FILE, "ambiguous_nouns")
SAY_NO_VERBS = words(FILE, "say_no_verbs")
IMPERSONAL_VERBS = words(FILE, "impersonal_verbs")
QUANTIFIERS = words(FILE, "quantifier_nouns")
PARTITIVES = words(FILE, "partitive_articles")
ETRE_VERBS = words(FILE, "etre_verbs")
PASSIVE_PARTICIPLE_ENDINGS = mapping(FILE, "passive_participle_endings")
# background mentions
TEMPORAL_PREPOSITIONS = words(FILE, "temporal_prepositions")
PHASE_NOUNS = words(FILE, "phase_nouns")
# speech acts typed by what is said
EVALUATION_VERBS = words(FILE, "evaluation_verbs")
JUDGEMENT_PARTICIPLES = words(FILE, "judgement_participles")
NEGATIVE_EVALUATIONS = words(FILE, "negative_evaluations")
POSITIVE_EVALUATIONS = words(FILE, "positive_evaluations")
# modality
NE_CLITICS = words(FILE, "negation_clitics")
NEG_ADVERBS = words(FILE, "negation_adverbs")
NEG_DETS = words(FILE, "negation_determiners")
COND_ENDINGS = word_list(FILE, "conditional_endings")
FUT_ENDINGS = word_list(FILE, "future_endings")
NEGATION_PRONOUNS = words(FILE, "negation_pronouns")
# verbs with a special role
PROMISE_VERBS = words(FILE, "promise_verbs")
WARNING_VERBS = words(FILE, "warning_verbs")
TRANSFER_VERBS = words(FILE, "transfer_verbs")
INCISE_VERBS = words(FILE, "incise_verbs")
DOCUMENT_NOUNS = words(FILE, "document_nouns")
# prepositions and sources
SOURCE_PREPOSITIONS = words(FILE, "source_prepositions")
CONTRACTED_PREPOSITIONS = mapping(FILE, "contracted_prepositions")
# groups that list their members (groups.py)
GROUP_NOUNS = words(FILE, "group_nouns")
GROUP_ANAPHOR_DETS = words(FILE, "group_anaphor_determiners")
