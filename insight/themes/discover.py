"""Discovery: propose themes for the comments no codeframe theme covers.

Deterministic by construction: comments are de-duplicated and put in a canonical order (by a hash
of their text) before anything is fitted, and every random step is seeded, so the same comments
in any row order give the same proposals. Steps:

1. the comments with content that the rules do not tag (or all of them with ``all_comments``),
   fillers and emoji-only answers excluded;
2. TF-IDF over the language-aware lemmas (Chinese words, Russian lemmas), stop words removed;
3. latent semantic analysis (truncated SVD) and k-means, k growing with the number of comments;
4. a loose cluster - its members point in no shared direction: the catch-all k-means makes of
   comments that fit no other cluster - is clustered again, twice at most; what is still loose
   then is no theme;
5. loose clusters and clusters smaller than ``min_size`` go back to "unassigned"; the rest are
   named by the noun phrase their comments use and the others do not (:mod:`insight.themes.labels`):
   a cluster that no phrase names goes back too, clusters named alike are one proposal. Each has its
   most distinctive terms (class-based TF-IDF: frequent in the cluster, rare elsewhere) and the
   comments closest to their cluster's centre as quotes.

Beyond FIT_MAX distinct comments, steps 3-4 are fitted on the first FIT_MAX in canonical order and
the others join the nearest cluster.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from insight import progress
from insight.canonical import CATEGORIES
from insight.errors import InsightError
from insight.languages import TEXT_LANGS
from insight.themes.labels import AND, label_clusters, warm as warm_labels


# A cluster is loose when the weighted mean of its members' unit vectors is shorter than this (1 =
# all members alike, 0 = no shared direction). Measured on the uncovered comments of
# zh_online_shopping and womens_clothing: each run's one catch-all cluster (27% and 29% of the
# comments, labelled after its most common product, of mixed products) at 0.18 and 0.21, every
# other cluster at 0.43 or more.
COHERENCE_MIN = 0.3
SPLIT_ROUNDS = 2  # a third round split nothing more on either
MANY = 5000  # distinct comments from which k-means restarts four times instead of ten
# The topic space and the clusters are fitted on at most this many distinct comments (the first in
# canonical order: a sample that does not depend on row order); the others are placed in them, so the
# fitting stops growing with the survey. Below it nothing changes. On the 100k Chinese-heavy benchmark
# survey (19,236 distinct uncovered comments with a topic word) discovery took 2.0 s instead of 2.2 s
# and made 35 proposals instead of 25 (the same main topics; 13% of the comments unassigned both ways;
# measured before discovery dropped the clusters no phrase names).
FIT_MAX = 10_000


@dataclass
class Discovery:
    proposals: pd.DataFrame  # id, label, terms, size, share, share_detractors/passives/promoters, quotes
    considered: int  # comments clustered
    unassigned: int  # of those, in no proposal
    # per comment given: its proposal's number (n of discovered_n), 0 when considered but in no
    # proposal, -1 when not considered (covered by the codeframe, empty, a filler)
    members: np.ndarray | None = None
    # why the unassigned are: "no topic words" (nothing but stop and opinion words), "no shared
    # topic" (still loose after splitting), "too few" (a cluster under min_size), "too few different
    # comments" (not enough to cluster at all); empty when nothing was considered
    unassigned_why: dict[str, int] = field(default_factory=dict)

    def member_ids(self) -> list[str | None]:
        """Per comment given: its proposal id, "" when in none, None when not considered."""
        if self.members is None:
            return []
        ids = ["", *self.proposals["id"]]
        return [None if n < 0 else ids[n] for n in self.members.tolist()]


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Words that make no theme: function words, and opinion words (a theme is what people talk
    about; whether they like it is the polarity, measured separately). Built once per process: the
    lexicons of every language, lemmatised (~1 s with Russian's morphology)."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.ru.stop_words import STOP_WORDS as RU
    from spacy.lang.zh.stop_words import STOP_WORDS as ZH

    from insight.text.polarity import INTENSIFIERS, NEGATORS, VERDICTS, lexicon

    extra = {"be", "have", "do", "get", "go", "would", "will", "could", "also", "really", "just", "one", "n't",
             "的", "了", "是", "也", "都", "就", "还", "和", "在", "有", "我", "我们", "这", "那", "买",
             "быть", "это", "весь", "такой", "который", "свой", "всё", "ok", "okay", "нормальный", "нормально",
             "целом", "целое", "целый", "行", "总体", "整体", "总的来说"}
    opinion = {w for lang in TEXT_LANGS for w, v in lexicon(lang).items() if abs(v) >= 1}
    function = {w for words in (*NEGATORS.values(), *INTENSIFIERS.values(), *VERDICTS.values()) for w in words}
    return frozenset(set(EN) | set(RU) | set(ZH) | extra | opinion | function)


def _topical(word: str, stop: set[str]) -> bool:
    """A word that can name a theme: not a stop or opinion word, nor - in Chinese - one glued to a
    negator, degree word or particle (不脆, 太小, 还好), nor a doubled one (差差)."""
    if word in stop or not any(ch.isalpha() for ch in word):
        return False
    if "\u4e00" <= word[0] <= "\u9fff":
        from insight.text.zh_tokens import glued_cores

        half = len(word) // 2
        if len(word) % 2 == 0 and word[:half] == word[half:] and word[:half] in stop:
            return False
        return not any(core in stop for core in glued_cores(word)[1:])
    return True


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fitters() -> tuple:
    """scikit-learn's TF-IDF, truncated SVD, k-means and normalize, imported on first use, not with
    this module: a report runs discovery in a forked process (which imports them while the
    tagging runs) and unpickles its Discovery, which must not cost the caller a second of imports."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    return TfidfVectorizer, TruncatedSVD, KMeans, normalize


def warm() -> None:
    """Build what discovery needs before it can start - scikit-learn's imports (:func:`fitters`),
    the stop words and the labels' word lists - ahead of it: a report does it in the process that
    will discover, while it chooses its codeframe, so that none of it is on the report's critical
    path."""
    fitters()
    _stop_words()
    warm_labels()


@progress.staged("discovering themes")
def discover(
    comments: list[str],
    categories: list[str] | None = None,
    *,
    covered: list[bool] | None = None,
    min_size: int | None = None,
    max_themes: int = 20,
    seed: int = 0,
    n_jobs: int | None = None,
    prepared: pd.DataFrame | None = None,
    lemmas: dict[tuple[str, str], str] | None = None,
) -> Discovery:
    """Propose themes for ``comments`` whose ``covered`` flag is False (all when ``covered`` is None).

    ``categories`` (detractor/passive/promoter per comment) give each proposal's share among the
    three groups. ``min_size`` defaults to 1% of the comments considered (at least 5).
    ``max_themes`` bounds k in each k-means pass (a loose cluster's own pass too).
    ``prepared`` and ``lemmas`` (from the rule tagger's :class:`TagResult`) save analysing the
    comments again; lemmas missing there are computed.
    """
    if categories is not None and len(categories) != len(comments):
        raise InsightError(f"got {len(comments)} comments but {len(categories)} categories")
    lemmas_of, forms, langs, keep = _reading(comments, covered, n_jobs, prepared, lemmas)
    # canonical order and one row per distinct text: the result cannot depend on row order
    groups: dict[str, list[int]] = {}
    for i in keep:
        groups.setdefault(forms[i], []).append(i)
    distinct = sorted(groups, key=text_key)
    considered = sum(len(groups[f]) for f in distinct)
    if min_size is None:
        min_size = max(5, int(0.01 * considered))
    members_of = np.full(len(comments), -1, dtype=np.int32)
    members_of[keep] = 0
    enough = max(2 * min_size, 10)  # different comments worth clustering
    space = None
    if len(distinct) >= enough:
        space = _topic_space([lemmas_of[groups[f][0]].split() for f in distinct],
                             np.array([len(groups[f]) for f in distinct], dtype=float), enough, seed)
    if not isinstance(space, _Space):
        why = space if space is not None else {"too few different comments": considered}
        return Discovery(pd.DataFrame(columns=_COLUMNS), considered, considered, members_of,
                         {k: v for k, v in why.items() if v})
    rows, why = _proposals(space, comments, categories, [groups[f] for f in distinct], langs, min_size,
                           max_themes, seed)
    rows.sort(key=lambda r: (-r["size"], r["label"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"discovered_{n}"
        row["share"] = row["size"] / considered
        members_of[row.pop("_originals")] = n
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    return Discovery(frame, considered, considered - int(frame["size"].sum()) if len(frame) else considered,
                     members_of, {k: v for k, v in why.items() if v})


def _reading(comments: list[str], covered: list[bool] | None, n_jobs: int | None, prepared: pd.DataFrame | None,
             lemmas: dict[tuple[str, str], str] | None) -> tuple[list[str], list[str], list[str], list[int]]:
    """Per comment: its lemmas, matching form and language (the tagging's, when given, with what it
    lacks computed here), and the comments discovery considers (with content, not ``covered``)."""
    from insight.text.analysis import analyse_texts

    if prepared is None:
        lemmas_of, forms, langs = analyse_texts([str(c) for c in comments], n_jobs=n_jobs)
    else:
        forms, langs = prepared["form"].tolist(), prepared["lang"].tolist()
    keep = [i for i, f in enumerate(forms) if f and (covered is None or not covered[i])]
    if prepared is not None:
        from insight.parallel import map_chunks
        from insight.text.analysis import lemma_strings

        known = lemmas or {}
        missing = list(dict.fromkeys((langs[i], forms[i]) for i in keep
                                     if (langs[i], forms[i]) not in known and langs[i] in TEXT_LANGS))
        computed = dict(zip(missing, map_chunks(lemma_strings, missing, n_jobs,
                                                  label="reading the uncovered comments")))
        lemmas_of = [known[key] if key in known else computed.get(key, key[1]) for key in zip(langs, forms)]
    return lemmas_of, forms, langs, keep


@dataclass
class _Space:
    """The distinct comments in topic space: their words, TF-IDF rows and unit LSA vectors."""

    words: list[list[str]]  # lemmas of each distinct comment
    topical: dict[str, bool]  # word -> a topic word (not a stop or opinion word)
    weights: np.ndarray  # how many comments each distinct one stands for
    X: object  # TF-IDF of the topic words (sparse)
    terms: np.ndarray  # its columns' terms
    informative: np.ndarray  # the distinct comments with a topic word
    Z: np.ndarray  # the informative ones' unit LSA vectors
    untopical: int  # comments without a topic word


def _topic_space(words: list[list[str]], weights: np.ndarray, enough: int, seed: int) -> _Space | dict[str, int]:
    """The distinct comments (``words``: their lemmas) in topic space, or why there is none to cluster."""
    TfidfVectorizer, TruncatedSVD, _, normalize = fitters()
    considered = int(weights.sum())
    stop = _stop_words()
    topical = {w: _topical(w, stop) for w in {w for doc in words for w in doc}}  # once per distinct word
    docs = [" ".join(w for w in doc if topical[w]) for doc in words]
    # single precision throughout: the SVD runs ~1.5x and k-means 2-3x faster, with the same
    # proposals (benchmark survey, womens_clothing, zh_online_shopping)
    vectorizer = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), min_df=2, max_df=0.5,
                                 sublinear_tf=True, dtype=np.float32)
    try:
        X = vectorizer.fit_transform(docs)
    except ValueError:  # nothing but stop words and one-off words
        return {"no topic words": considered}
    informative = np.asarray(X.sum(axis=1)).ravel() > 0
    untopical = int(weights[~informative].sum())
    n_components = int(min(100, X.shape[1] - 1, informative.sum() - 1))
    if informative.sum() < enough or n_components < 2:
        return {"no topic words": untopical, "too few different comments": considered - untopical}
    svd, rows = TruncatedSVD(n_components=n_components, random_state=seed), X[informative]
    # beyond FIT_MAX, the topic space is that of a sample: the first FIT_MAX comments in canonical order
    Z = normalize(svd.fit_transform(rows) if rows.shape[0] <= FIT_MAX else svd.fit(rows[:FIT_MAX]).transform(rows))
    return _Space(words, topical, weights, X, np.array(vectorizer.get_feature_names_out()), informative, Z, untopical)


def _proposals(space: _Space, comments: list[str], categories: list[str] | None, groups: list[list[int]],
               langs: list[str], min_size: int, max_themes: int, seed: int) -> tuple[list[dict], dict[str, int]]:
    """The clusters of ``space`` that make proposals (label, terms, size, quotes, languages, shares by
    category, their comments), and why the other comments are in none. ``groups``: the comments each
    distinct one stands for."""
    found, centres, loose = _clusters(space.Z, space.weights[space.informative], max_themes, seed, fitters()[2])
    labels = np.full(len(groups), -1)
    labels[space.informative] = found
    idx_all = np.flatnonzero(space.informative)
    why = {"no topic words": space.untopical, "no shared topic": 0, "too few": 0}
    tops = {c: _distinctive_terms(space.X, labels, c, space.terms) for c in range(len(centres))
            if c not in loose and space.weights[labels == c].sum() >= min_size}
    named = label_clusters(space.words, [langs[g[0]] for g in groups], space.weights, labels,
                           [c for c, top in tops.items() if top], space.topical.__getitem__)
    # clusters named alike are one theme (two "裤子" were two rows of one topic); a cluster no phrase of
    # its comments names shares no topic (its best words were "说 · 不想 · 只能")
    own = labels.copy()
    first: dict[frozenset[str], int] = {}
    for c in sorted(named):  # (alike: the same phrases, in any order: "头发与头皮屑", "头皮屑与头发")
        first.setdefault(_phrases(named[c]), c)
    relabel = np.arange(len(centres) + 1)
    relabel[-1] = -1
    for c, name in named.items():
        relabel[c] = first[_phrases(name)]
    labels = relabel[labels]
    tops.update({c: _distinctive_terms(space.X, labels, c, space.terms) for c in set(first.values())
                 if (relabel[:-1] == c).sum() > 1})
    rows = []
    for c in range(len(centres)):
        members = np.flatnonzero(labels == c)
        size = int(space.weights[members].sum())
        top = tops.get(c, [])
        if relabel[c] != c:
            continue  # (its comments are in the cluster named alike)
        if not top or c not in named:
            why["no shared topic" if c in loose or top else "too few"] += size
            continue
        closeness = np.einsum("ij,ij->i", space.Z[np.searchsorted(idx_all, members)],
                              np.asarray(centres)[own[members]])  # to its own cluster's centre
        order = members[np.argsort(-closeness, kind="stable")]
        originals = [i for m in members for i in groups[m]]
        row = {"label": named[c], "terms": "|".join(top), "size": size,
               "quotes": [str(comments[groups[m][0]]) for m in order[:5]],
               "languages": "|".join(sorted({langs[i] for i in originals})), "_originals": originals}
        if categories is not None:
            cats = pd.Series([categories[i] for i in originals])
            for cat in CATEGORIES:
                row[f"share_{cat}s"] = float((cats == cat).mean())
        rows.append(row)
    return rows, why


def _phrases(label: str) -> frozenset[str]:
    """The phrases of a discovered theme's label ("size and fit", "包装与赠品": two)."""
    return frozenset(re.split("|".join(map(re.escape, AND.values())), label))


def _clusters(Z: np.ndarray, weights: np.ndarray, max_k: int, seed: int, KMeans
              ) -> tuple[np.ndarray, list[np.ndarray], set[int]]:
    """Weighted k-means of the unit rows ``Z`` (k growing with their total weight), loose clusters
    clustered again (SPLIT_ROUNDS at most). Returns each row's cluster, the clusters' centres and
    the clusters still loose. Beyond FIT_MAX rows, the clusters are those of the first FIT_MAX (k as
    for all of them), and each other row joins the nearest centre (k-means' distance) of a cluster
    with members."""
    fitted = min(len(Z), FIT_MAX)
    found, centres, loose = _fit_clusters(Z[:fitted], weights[:fitted], weights.sum() / weights[:fitted].sum(),
                                          max_k, seed, KMeans)
    if fitted < len(Z):
        live = np.unique(found)
        C = np.asarray([centres[c] for c in live])
        nearest = [np.argmin((C * C).sum(axis=1) - 2 * (Z[i:i + 50_000] @ C.T), axis=1)
                   for i in range(fitted, len(Z), 50_000)]
        found = np.concatenate([found, live[np.concatenate(nearest)]])
    return found, centres, loose


def _fit_clusters(Z: np.ndarray, weights: np.ndarray, scale: float, max_k: int, seed: int, KMeans
                  ) -> tuple[np.ndarray, list[np.ndarray], set[int]]:
    """:func:`_clusters` of rows that stand for ``scale`` times their weight."""

    def k_for(total: float) -> int:
        return int(np.clip(round(np.sqrt(scale * total / 25)), 2, max_k))

    def fit(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # ten seeded restarts keep the best of ten; on many comments four find as good a split (measured:
        # the same themes on the 100k benchmark survey, ~2.5x faster), and the fit is on discovery's
        # critical path in a report
        restarts = 10 if len(rows) <= MANY else 4
        km = KMeans(n_clusters=min(k_for(weights[rows].sum()), len(rows)), n_init=restarts, random_state=seed)
        km.fit(Z[rows], sample_weight=weights[rows])
        return km.labels_, km.cluster_centers_

    found, first = fit(np.arange(len(Z)))
    centres = list(first)
    loose = {c for c in range(len(centres)) if _coherence(Z, weights, found == c) < COHERENCE_MIN}
    for _ in range(SPLIT_ROUNDS):
        again = set()
        for c in sorted(loose):
            rows = np.flatnonzero(found == c)
            if len(rows) < 4:
                again.add(c)
                continue
            parts, part_centres = fit(rows)
            for j, centre in enumerate(part_centres):
                new = len(centres)
                centres.append(centre)
                found[rows[parts == j]] = new
                if _coherence(Z, weights, found == new) < COHERENCE_MIN:
                    again.add(new)
        loose = again
    return found, centres, loose


def _coherence(Z: np.ndarray, weights: np.ndarray, members: np.ndarray) -> float:
    """Length of the weighted mean of the members' unit vectors: 1 when they are alike, near 0 when
    they point every way."""
    if not members.any():
        return 1.0  # an empty cluster is not loose (it is dropped as too small)
    return float(np.linalg.norm(np.average(Z[members], axis=0, weights=weights[members])))


_COLUMNS = ["id", "label", "terms", "size", "share", "share_detractors", "share_passives", "share_promoters",
            "languages", "quotes"]


def _distinctive_terms(X, labels: np.ndarray, c: int, terms: np.ndarray, top: int = 6) -> list[str]:
    """Class-based TF-IDF: term weight in the cluster, discounted by how common it is in all clusters."""
    inside = np.asarray(X[labels == c].sum(axis=0)).ravel()
    overall = np.asarray(X.sum(axis=0)).ravel()
    n_clusters = max(1, len(set(labels.tolist()) - {-1}))
    score = inside / (inside.sum() or 1) * np.log1p(n_clusters * inside / (overall + 1e-9))
    best = [int(j) for j in np.argsort(-score, kind="stable")[: top * 3] if inside[j] > 0]
    out: list[str] = []
    for j in best:
        term = str(terms[j])
        if any(term in o or o in term for o in out):
            continue  # "late" and "arrived late" are one idea
        out.append(term)
        if len(out) == top:
            break
    return out
