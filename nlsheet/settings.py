"""Settings: thresholds and paths, frozen and passed down; the environment is read only here.

Example:
    >>> Settings(min_confidence=0.6).min_confidence
    0.6
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "default_cache_dir", "default_data_dir"]


def default_cache_dir() -> Path:
    """``$NLSHEET_CACHE_DIR``, else ``$XDG_CACHE_HOME/nlsheet``, else ``~/.cache/nlsheet``."""
    env = os.environ.get("NLSHEET_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "nlsheet"


def default_data_dir() -> Path:
    """``$NLSHEET_DATA_DIR``, else ``$XDG_DATA_HOME/nlsheet``, else ``~/.local/share/nlsheet``."""
    env = os.environ.get("NLSHEET_DATA_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "nlsheet"


@dataclass(frozen=True)
class Settings:
    """How sure nlsheet must be before it answers, and where it keeps its trained model.

    Attributes:
        min_confidence: Below this intent probability nlsheet asks or says it did not understand.
        clarify_margin: When the top two intents are closer than this, nlsheet asks which.
        clear_margin: A top intent this far ahead of the next is accepted a little below
            ``min_confidence`` (down to half this margin below it).
        column_accept: A word must match a header at least this well to be used.
        column_margin: Two headers matched within this margin of each other are ambiguous.
        cache_dir: Where the trained classifier is cached as JSON (None: no cache).
        data_dir: Where the user's own data lives: corrections (``corrections.yaml``) and tuned
            classifier parameters (``params.json``). None: no user data.
        ranker: Choose among the candidate readings with the trained ranker
            (:mod:`nlsheet.nlu.ranker`); False keeps the classifier's ranking as the grammar
            readings adjust it (for comparing the two).
    """

    min_confidence: float = 0.55
    clarify_margin: float = 0.12
    clear_margin: float = 0.3
    column_accept: float = 0.72
    column_margin: float = 0.03
    cache_dir: Path | None = field(default=None)
    data_dir: Path | None = field(default=None)
    ranker: bool = True

    @classmethod
    def from_env(cls) -> Settings:
        """Settings with the cache and data folders taken from the environment.

        ``NLSHEET_NO_CACHE=1`` turns the model cache off.
        """
        no_cache = os.environ.get("NLSHEET_NO_CACHE", "").strip() not in ("", "0")
        return cls(cache_dir=None if no_cache else default_cache_dir(), data_dir=default_data_dir())

    def accepts(
        self,
        intent: str,
        confidence: float,
        alternatives: Sequence[tuple[str, float]],
        ranked: bool = False,
    ) -> bool:
        """Whether an intent is sure enough to answer without asking.

        It must not be out of scope, no other in-scope intent may be within
        ``clarify_margin`` of it, and it must reach ``min_confidence`` -- or, with the
        classifier's probabilities, be a clear winner (``clear_margin`` ahead of the next) no
        more than half that margin below it. The ranker's probabilities (``ranked``) are not
        shared out among the readings, so a weak reading beside weaker ones is no clear winner.
        """
        if intent == "out_of_scope":
            return False
        runner_up = alternatives[0][1] if alternatives else 0.0
        if any(
            i != "out_of_scope" and confidence - p <= self.clarify_margin for i, p in alternatives
        ):
            return False
        clear_winner = (
            not ranked
            and confidence - runner_up >= self.clear_margin
            and (confidence >= self.min_confidence - self.clear_margin / 2)
        )
        return confidence >= self.min_confidence or clear_winner

    @property
    def corrections_path(self) -> Path | None:
        """The user's corrections file (None when there is no data folder)."""
        return None if self.data_dir is None else self.data_dir / "corrections.yaml"

    @property
    def params_path(self) -> Path | None:
        """The tuned classifier parameters saved by ``nlsheet train --tune``."""
        return None if self.data_dir is None else self.data_dir / "params.json"
