"""Discovery beside the analysis: the comments no codeframe theme covers (the quarantined rows' too), clustered in
a process forked beside the scoring on surveys of moderate size, in the analysing process on larger ones."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from insight import progress, settings
from insight.load import Survey
from insight.parallel import in_background
from insight.themes.discover import Discovery, warm as warm_discovery
from insight.themes.discovered import Uncovered
from insight.themes.mentions import TagResult, stack_tagged
from insight.themes.tagger import RuleTagger


def discovery_beside(survey: Survey) -> Callable | None:
    """The process that discovers ``survey``'s new themes beside its analysis, forked now, or None
    when its discovery will run in the analysing process (a large survey): pass it to
    :func:`analyze` as ``discovery``, which discovers themes (the process waits for it until this
    one ends). A report forks it before it chooses its codeframe and loads its language pipelines:
    one process's work, so that the other core imports scikit-learn and builds the stop words
    then (~2 s), not while the tagging keeps both cores busy."""
    return in_background(discover, warm=warm_discovery) if fits_beside(len(survey.responses)) else None


def fits_beside(rows: int) -> bool:
    """Whether work on a survey of ``rows`` responses runs in a process forked beside the analysis
    (a larger survey's fork would hold more memory: it runs in the analysing process)."""
    return rows <= settings.default("background_discovery_rows")


def pending_discovery(survey: Survey, responses: pd.DataFrame, tagged: TagResult, tagger: RuleTagger,
                       start: Callable | None, seed: int, n_jobs: int | None) -> Callable[[], Discovery]:
    """Start discovery beside (with ``start``, from :func:`insight.parallel.in_background`) or not;
    returns the function that waits for its themes, with members per response (the quarantined rows'
    come after: discovery counted them, no driver does)."""
    uncovered = _uncovered(survey, responses, tagged, tagger, n_jobs)
    found = start(uncovered, seed, 1) if start is not None else None

    def wait() -> Discovery:
        if found is None:
            return uncovered.per_row(discover(uncovered, seed, n_jobs), len(responses))
        with progress.stage("discovering themes"):  # beside: what is left of it
            return uncovered.per_row(found(), len(responses))

    return wait


class EarlyDiscovery:
    """Discovery of a survey's responses, started beside (``start``) as soon as the rules' themes are known
    (:meth:`themes_known`, handed to the tagging: the mentions table is built meanwhile), or once the tagging
    is done (:meth:`pending`)."""

    def __init__(self, survey: Survey, responses: pd.DataFrame, start: Callable | None, seed: int,
                 n_jobs: int | None) -> None:
        self._args = (survey, responses)
        self._start, self._seed, self._n_jobs = start, seed, n_jobs
        self._wait: Callable[[], Discovery] | None = None

    def themes_known(self, tagger: RuleTagger, themed: TagResult) -> None:
        """Start discovery on the themes of ``themed`` (a tagging whose mentions are not built yet)."""
        self._wait = pending_discovery(*self._args, themed, tagger, self._start, self._seed, self._n_jobs)

    def pending(self, tagged: TagResult, tagger: RuleTagger) -> Callable[[], Discovery]:
        """The function that waits for the themes discovery found (:func:`pending_discovery`), started now on
        ``tagged`` unless the themes were known before."""
        if self._wait is None:
            self._wait = pending_discovery(*self._args, tagged, tagger, self._start, self._seed, self._n_jobs)
        return self._wait


def _uncovered(survey: Survey, responses: pd.DataFrame, tagged: TagResult, tagger: RuleTagger,
               n_jobs: int | None) -> Uncovered:
    """The comments discovery clusters: the responses' and the quarantined rows' (tagged here: a
    few) that no codeframe theme covers - the rows ``insight tag`` and ``insight discover`` read.
    The quarantined rows come after the responses."""
    rows = survey.all_rows()
    extra = rows.loc[rows["quarantine_reason"] != "", "comment"].fillna("").astype(str).tolist()
    every = stack_tagged(tagged, tagger.tag(extra, n_jobs=n_jobs, whole_polarity=False)) if extra else tagged
    comments = [*responses["comment"].fillna("").astype(str).tolist(), *extra]
    categories = [*responses["category"].astype(str).tolist(), *(["unscored"] * len(extra))]
    return Uncovered.of(comments, every, categories, tagger.codeframe.fallback)


def discover(uncovered: Uncovered, seed: int, n_jobs: int | None) -> Discovery:
    """Themes proposed for the uncovered comments (beside the analysis, ``n_jobs=1``: no process
    pool is started from it)."""
    return uncovered.discover(seed, n_jobs)
