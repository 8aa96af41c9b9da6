"""Themes of a loaded survey's rows, quarantined ones included: what ``insight tag`` and ``insight discover``
do, as a library.

    tagged = tag_survey(load("export.csv", score_required=False), load_codeframe("telecom"))
    tagged.table        # every row with its language, themes, polarities, discovered theme
    found = discover_survey(survey, codeframe)   # proposals for what no theme covers
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insight.load import Survey, question_column
from insight.themes.choose import Choice
from insight.themes.discover import Discovery, discover
from insight.themes.discovered import add_discovered, discover_uncovered
from insight.themes.frame import Codeframe
from insight.themes.mentions import TagResult
from insight.themes.model_themes import tag_comments
from insight.themes.tagger import RuleTagger


@dataclass(frozen=True)
class TaggedSurvey:
    """Every row of a survey (responses, then quarantined rows, in file order) with its themes."""

    table: pd.DataFrame  # the rows with lang, themes, theme_polarity (JSON), discovered, per-question themes
    result: TagResult
    discovery: Discovery | None
    codeframe: Codeframe

    def mentions(self) -> pd.DataFrame:
        """The long mentions table, each with its row's response id and file row."""
        mentions = self.result.mentions.copy()
        at = mentions["response"].to_numpy()
        mentions.insert(0, "row", self.table["row"].to_numpy()[at])
        mentions.insert(0, "response_id", self.table["response_id"].to_numpy()[at])
        return mentions.drop(columns="response")


def row_categories(rows: pd.DataFrame) -> list[str]:
    """Per row of :meth:`insight.load.Survey.all_rows`: detractor, passive, promoter, or unscored."""
    return rows["category"].astype(str).where(rows["quarantine_reason"] == "", "unscored").tolist()


def tag_survey(survey: Survey, codeframe: Codeframe | Choice, model=None, *, discover_themes: bool = True,
               n_jobs: int | None = None, semantic: str = "auto") -> TaggedSurvey:
    """Tag every row's comment with ``codeframe`` (a :class:`Choice` brings its ready tagger), a trained
    ``model``'s themes added, and with ``discover_themes`` the themes discovery proposes for what no
    theme covers (the same themes, with the same ids, as ``insight report`` and ``insight discover``).
    ``semantic`` (auto, on, off): whether the semantic tier reads the polarity of silent comments
    (:mod:`insight.themes.silent`) and a model trained with the tier uses it."""
    cf = codeframe.codeframe if isinstance(codeframe, Choice) else codeframe
    scored = survey.info.columns.score is not None
    out = survey.all_rows()
    tagger = codeframe.ready_tagger() if isinstance(codeframe, Choice) else RuleTagger(cf)
    result, _ = tag_comments(tagger, out["comment"].tolist(), model, n_jobs, semantic)
    found = None
    if discover_themes:
        found = discover_uncovered(out["comment"].tolist(), result, row_categories(out) if scored else None,
                                   fallback=cf.fallback, n_jobs=n_jobs or None)
        result = add_discovered(result, found, cf.fallback)
    if not scored:
        out = out.drop(columns=["score", "category"])  # a file of comments: nothing to show there
    out["lang"] = result.prepared["lang"].to_numpy()
    out["themes"] = ["|".join(ids) for ids in result.themes]
    out["theme_polarity"] = [json.dumps(p, ensure_ascii=False) for p in result.theme_polarity]
    if found is not None:
        label = dict(zip(found.proposals["id"], found.proposals["label"]))
        ids = ["", *found.proposals["id"]]
        out["discovered"] = [ids[max(n, 0)] for n in found.members.tolist()]
        out["discovered_label"] = [label.get(pid, "") for pid in out["discovered"]]
    questions = survey.info.columns.questions
    for question in questions:  # the themes of each open question's answers
        answers = out[question_column(question)].astype("string").fillna("").tolist()
        out[f"themes: {question}"] = ["|".join(t) for t in
                                      tagger.tag(answers, n_jobs=n_jobs or None, whole_polarity=False).themes]
    column = survey.info.columns.comment
    if column and not questions and column != "comment" and column not in out.columns:
        out = out.rename(columns={"comment": column})  # the file's own name for its comments
    return TaggedSurvey(out, result, found, cf)


def discover_survey(survey: Survey, codeframe: Codeframe, *, all_comments: bool = False, min_size: int | None = None,
                    seed: int = 0) -> Discovery:
    """Themes proposed for the comments of every row that ``codeframe``'s themes do not cover (with
    ``all_comments``: for every comment), with their shares among detractors, passives and promoters
    when the survey has scores."""
    rows = survey.all_rows()
    comments = rows["comment"].tolist()
    categories = row_categories(rows) if survey.info.columns.score is not None and survey.info.rows_scored else None
    if all_comments:
        return discover(comments, categories, min_size=min_size, seed=seed)
    # the comments no theme covers, as `insight report` and `insight tag` find them: the same themes
    return discover_uncovered(comments, RuleTagger(codeframe).tag(comments, whole_polarity=False), categories,
                              fallback=codeframe.fallback, seed=seed, min_size=min_size)


def members_table(found: Discovery, rows: pd.DataFrame) -> pd.DataFrame:
    """Every comment discovery considered (``rows``: the survey's :meth:`~insight.load.Survey.all_rows`)
    with its proposal (or "unassigned"), the proposals in order and each one's comments in file order."""
    p = found.proposals
    ids = found.member_ids()
    label = dict(zip(p["id"], p["label"]))
    comments = rows["comment"].tolist()
    at = [i for i, pid in enumerate(ids) if pid is not None]
    members = pd.DataFrame({"row": rows["row"].to_numpy()[at], "response_id": rows["response_id"].to_numpy()[at],
                            "proposal": [ids[i] or "unassigned" for i in at],
                            "label": [label.get(ids[i], "") for i in at],
                            "comment": [comments[i] for i in at]})
    number = found.members[at]  # discovered_1, discovered_2, ..., then the unassigned (0)
    order = np.lexsort((members["row"].to_numpy(), np.where(number > 0, number, np.iinfo(np.int32).max)))
    return members.take(order)
