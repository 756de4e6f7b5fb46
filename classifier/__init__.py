"""Comment classifier: normalisation, features, spam and toxicity models, registry, scoring.

The package imports no web, database or queue code. Importing it is cheap: the heavy modules
(``model``, ``train``, ``registry``) are imported by their callers.
"""

ATTRIBUTES: tuple[str, ...] = (
    "spam",
    "toxicity",
    "severe_toxicity",
    "identity_attack",
    "insult",
    "profanity",
    "threat",
)

#: The six toxicity attributes (everything but ``spam``), in ATTRIBUTES order.
TOXICITY_ATTRIBUTES: tuple[str, ...] = ATTRIBUTES[1:]

__all__ = ["ATTRIBUTES", "TOXICITY_ATTRIBUTES"]
