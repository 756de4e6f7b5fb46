"""The password policy for moderator accounts: long enough, not common, not guessable.

Every path that sets a password (``create_user``, ``set_password``: the CLI, the admin page and
any later reset or change) calls :func:`check_password`. It refuses:

- passwords shorter than ``MIN_PASSWORD`` or longer than ``MAX_PASSWORD`` characters;
- any of the 30,000 most common passwords of zxcvbn's list (drawn from leaked password sets),
  compared without case and with spaces removed, so "Password12" and "pass word12" go too;
- anything zxcvbn scores under ``MIN_SCORE`` (3: at least 10^8 guesses): common words with
  digits appended, keyboard walks, repeats, sequences, dates, names, and the account's own
  e-mail address.

zxcvbn ships its lists inside the wheel and computes locally: nothing is downloaded.
"""

from __future__ import annotations

import functools
import re
import threading

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
# zxcvbn's scores run 0-4; 3 ("safely unguessable: moderate protection from offline slow-hash
# scenario") takes 10^8 guesses or more, which argon2 and the log-in throttle put far away.
MIN_SCORE = 3
# zxcvbn refuses longer input (its matching is quadratic); a longer password is judged by its
# first characters, which must already be strong on their own.
_ZXCVBN_MAX = 72
_SEPARATORS = re.compile(r"[\s._-]+")
# zxcvbn keeps the caller's hints in a module-level dictionary while it matches.
_ZXCVBN_LOCK = threading.Lock()


class WeakPassword(ValueError):
    """The password breaks the policy; the message says why, for the person choosing it."""


@functools.cache
def common_passwords() -> frozenset[str]:
    """zxcvbn's list of the most common leaked passwords, lower case."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def check_password(password: str, *, email: str = "") -> None:
    """Raise :class:`WeakPassword` unless ``password`` meets the policy (see the module)."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise WeakPassword(f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    folded = password.casefold()
    if folded in common_passwords() or _SEPARATORS.sub("", folded) in common_passwords():
        raise WeakPassword("this password is on a list of common, leaked passwords: choose another")
    from zxcvbn import zxcvbn

    hints = [email, *re.split(r"[@.+_-]+", email)] if email else []
    with _ZXCVBN_LOCK:
        result = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=[hint for hint in hints if hint])
    if result["score"] < MIN_SCORE:
        feedback = result["feedback"]
        advice = [feedback.get("warning") or "", *(feedback.get("suggestions") or [])]
        raise WeakPassword(" ".join(["this password is too easy to guess.", *filter(None, advice)]))
