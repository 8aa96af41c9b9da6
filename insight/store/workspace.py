"""The store read for the workspace (``insight serve``): a recorded run's responses and mentions, and
the verbatims of a theme, paged and searched in SQL."""

from __future__ import annotations

import numpy as np
import pandas as pd
import sqlalchemy as sa

from insight.canonical import category_case
from insight.store import schema as t


class WorkspaceJobs:
    """What the workspace reads (a part of :class:`~insight.store.Store`)."""

    def state(self) -> tuple[int | None, ...]:
        """What changes whenever the workspace's pages would: the newest import, run, catalog change,
        correction and trained model (cheap questions, asked before cached answers are reused)."""
        columns = (t.imports.c.id, t.runs.c.id, t.theme_events.c.id, t.corrections.c.id, t.models.c.id,
                   t.models.c.decided_at)
        with self._read() as conn:  # one statement: asked before every kept answer is reused
            return tuple(conn.execute(sa.select(*(sa.select(sa.func.max(c)).scalar_subquery() for c in columns))).one())

    def latest_run(self, wave: str | None = None) -> dict[str, object] | None:
        """The newest recorded run (of ``wave`` when given), with its wave's name; None when there is none."""
        query = (sa.select(t.runs, t.waves.c.name.label("wave"))
                 .select_from(t.runs.outerjoin(t.waves, t.waves.c.id == t.runs.c.wave_id))
                 .order_by(t.runs.c.id.desc()).limit(1))
        if wave is not None:
            query = query.where(t.waves.c.name == wave)
        with self._read() as conn:
            row = conn.execute(query).mappings().first()
        return dict(row) if row is not None else None

    def run_frames(self, run_id: int, wave: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The responses of ``wave`` (default: the run's own wave; a run of no wave - a file report
        with ``--db`` - every stored response) and their mentions in run ``run_id`` (a wave report
        records the mentions of its wave).

        responses: pk, response_id, score, category (code 0/1/2), wave; mentions: response (position in
        responses), theme_id (as recorded: merges applied then), polarity."""
        cat = category_case(t.responses.c.score)
        query = (sa.select(t.responses.c.id.label("pk"), t.responses.c.response_id, t.responses.c.score,
                           cat.label("category"), t.waves.c.name.label("wave"))
                 .select_from(t.responses.join(t.waves, t.waves.c.id == t.responses.c.wave_id))
                 .order_by(t.responses.c.id))
        if wave is None:
            with self._read() as conn:
                wave = conn.execute(sa.select(t.waves.c.name).select_from(t.runs.join(t.waves))
                                    .where(t.runs.c.id == run_id)).scalar()
        if wave is not None:
            query = query.where(t.waves.c.name == wave)
        with self._read() as conn:
            responses = _frame(conn.execute(query).all(), ["pk", "response_id", "score", "category", "wave"])
            mentions = _frame(conn.execute(
                sa.select(t.mentions.c.response_id, t.mentions.c.theme_id, t.mentions.c.polarity)
                .where(t.mentions.c.run_id == run_id)).all(), ["pk", "theme_id", "polarity"])
        mentions["theme_id"] = mentions["theme_id"].astype("category")  # a few dozen ids over millions of rows
        position = pd.Series(np.arange(len(responses)), index=responses["pk"].to_numpy())
        mentions = mentions[mentions["pk"].isin(position.index)]
        mentions = mentions.assign(response=position.loc[mentions["pk"].to_numpy()].to_numpy()).drop(columns="pk")
        responses["category"] = responses["category"].astype(np.int8)
        return responses, mentions.reset_index(drop=True)

    def segment_names(self, wave: str | None = None) -> list[str]:
        """The columns stored beside each response of ``wave`` (every wave's when None) - the segments
        named at import, then every other column kept - in the order their imports named them."""
        query = sa.select(t.imports.c.columns).select_from(t.imports.join(t.waves, t.waves.c.id == t.imports.c.wave_id))
        if wave is not None:
            query = query.where(t.waves.c.name == wave)
        with self._read() as conn:
            found = [columns or {} for (columns,) in conn.execute(query.order_by(t.imports.c.id))]
        return list(dict.fromkeys(str(s) for columns in found
                                  for s in [*columns.get("segments", []), *columns.get("kept", [])]))

    def _segment_query(self, wave: str | None, *columns) -> sa.Select:
        """A select of ``columns`` from the responses of ``wave`` (every wave's when None)."""
        r = t.responses
        query = sa.select(*columns)
        if wave is not None:
            query = query.select_from(r.join(t.waves, t.waves.c.id == r.c.wave_id)).where(t.waves.c.name == wave)
        return query

    def segment_counts(self, name: str, wave: str | None = None, most: int = 50) -> list[tuple[str, int]] | None:
        """Column ``name``'s values among the responses of ``wave`` (every wave's when None) with their
        numbers of responses, most common first (empty and missing values left out); None when it has
        more than ``most`` distinct values - free text, ids, amounts: not a segment (a sample of the
        first 2,000 responses tells most such columns without reading them all)."""
        value = t.responses.c.segments[name].as_string()
        with self._read() as conn:
            sample = {v for (v,) in conn.execute(self._segment_query(wave, value).limit(2000)) if v}
            if len(sample) > most:
                return None
            n = sa.func.count().label("n")
            counts = conn.execute(self._segment_query(wave, value.label("value"), n)
                                  .group_by(value).order_by(n.desc(), value)).all()
        counts = [(str(v), int(k)) for v, k in counts if v]
        return counts if len(counts) <= most else None

    def segment_column(self, name: str, wave: str | None = None) -> pd.Series:
        """Column ``name``'s value (text; empty and missing: NA) for each response of ``wave`` (every
        wave's when None), indexed by the response's id in the store; read from the JSON in SQL."""
        with self._read() as conn:
            rows = conn.execute(self._segment_query(wave, t.responses.c.id,
                                                    t.responses.c.segments[name].as_string())).all()
        values = pd.Series([v or None for _, v in rows], index=np.array([pk for pk, _ in rows], dtype=np.int64),
                           dtype="string")
        return values.astype("category")

    def verbatims(self, run_id: int, theme_ids: list[str], *, wave: str | None = None, search: str = "",
                  polarity: int | None = None, offset: int = 0, limit: int = 50, total: int | None = None
                  ) -> tuple[list[dict], int]:
        """The comments that mention one of ``theme_ids`` in run ``run_id``, newest response first, with
        the mention's polarity and evidence (``search``: a case-insensitive part of the comment), and
        how many there are in all (``total``: that number when the caller knows it already; counting a
        big theme's responses is most of the work: 180 of 190 ms at 1M responses)."""
        m, r = t.mentions, t.responses
        where = [m.c.run_id == run_id, m.c.theme_id.in_(theme_ids)]
        source = m
        if wave is not None or search:  # the responses are joined only for what needs them
            source = m.join(r, r.c.id == m.c.response_id)
        if wave is not None:
            source = source.join(t.waves, t.waves.c.id == r.c.wave_id)
            where.append(t.waves.c.name == wave)
        if search:  # any script's case on SQLite (our insight_fold); PostgreSQL's lower() follows its locale
            sqlite = self.engine.dialect.name == "sqlite"
            folded = search.casefold() if sqlite else search.lower()
            escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            fold = sa.func.insight_fold if sqlite else sa.func.lower
            where.append(fold(r.c.comment).like(f"%{escaped}%", escape="\\"))
        if polarity is not None:
            where.append(m.c.polarity == polarity)
        # the responses (newest first: their ids) from the mentions' index alone, then only a page of them
        ids = sa.select(m.c.response_id).select_from(source).where(*where).distinct()
        with self._read() as conn:
            if total is None:
                total = conn.execute(sa.select(sa.func.count()).select_from(ids.subquery())).scalar_one()
            page = [pk for (pk,) in conn.execute(ids.order_by(m.c.response_id.desc()).offset(offset).limit(limit))]
            rows = conn.execute(
                sa.select(r.c.id.label("pk"), r.c.response_id, r.c.score, r.c.comment, r.c.segments,
                          t.waves.c.name.label("wave"))
                .select_from(r.join(t.waves, t.waves.c.id == r.c.wave_id)).where(r.c.id.in_(page))
                .order_by(r.c.id.desc())).mappings().all() if page else []
            first: dict[int, dict] = {}
            for found in conn.execute(sa.select(m.c.response_id, m.c.theme_id, m.c.polarity, m.c.evidence)
                                      .where(m.c.run_id == run_id, m.c.theme_id.in_(theme_ids),
                                             m.c.response_id.in_(page)).order_by(m.c.id)).mappings():
                if polarity is None or found["polarity"] == polarity:
                    first.setdefault(found["response_id"], dict(found))
        return [{**dict(row), **{k: v for k, v in first.get(row["pk"], {}).items() if k != "response_id"}}
                for row in rows], int(total)

    def response(self, pk: int, run_id: int | None) -> dict[str, object] | None:
        """One stored response with its mentions in run ``run_id``."""
        with self._read() as conn:
            row = conn.execute(sa.select(t.responses, t.waves.c.name.label("wave"))
                               .select_from(t.responses.join(t.waves, t.waves.c.id == t.responses.c.wave_id))
                               .where(t.responses.c.id == pk)).mappings().first()
            if row is None:
                return None
            found = conn.execute(sa.select(t.mentions.c.theme_id, t.mentions.c.polarity, t.mentions.c.source,
                                           t.mentions.c.evidence)
                                 .where(t.mentions.c.run_id == run_id, t.mentions.c.response_id == pk)
                                 .order_by(t.mentions.c.id)).mappings().all() if run_id is not None else []
        return {**dict(row), "mentions": [dict(m) for m in found]}

    def run_comments(self, run_id: int, sample: int | None = None, seed: int = 0) -> list[tuple[int, str, int]]:
        """(response id, comment, score) of the responses run ``run_id`` read (its wave's; a run of no
        wave: those it found a theme in) that have a comment, in id order; with ``sample``, that many of
        them at most, drawn with ``seed`` (only theirs are read: a million comments are not)."""
        import random

        r = t.responses
        with self._read() as conn:
            wave = conn.execute(sa.select(t.runs.c.wave_id).where(t.runs.c.id == run_id)).scalar()
            where = [r.c.comment != ""]
            if wave is not None:
                where.append(r.c.wave_id == wave)
            else:
                where.append(r.c.id.in_(sa.select(t.mentions.c.response_id).where(t.mentions.c.run_id == run_id)))
            if sample is None:
                query = sa.select(r.c.id, r.c.comment, r.c.score).where(*where).order_by(r.c.id)
                return [tuple(row) for row in conn.execute(query)]
            pks = [pk for (pk,) in conn.execute(sa.select(r.c.id).where(*where).order_by(r.c.id))]
            chosen = sorted(random.Random(seed).sample(pks, min(sample, len(pks))))
            rows: list[tuple[int, str, int]] = []
            for start in range(0, len(chosen), 5000):
                rows += [tuple(row) for row in conn.execute(sa.select(r.c.id, r.c.comment, r.c.score)
                                                            .where(r.c.id.in_(chosen[start:start + 5000])))]
            return sorted(rows)


def _frame(rows: list, columns: list[str]) -> pd.DataFrame:
    """Rows of a query as a frame, column by column (handing pandas SQLAlchemy's rows makes it probe
    each for attributes it does not have: 48 of 54 s for 1M responses and 3M mentions)."""
    data = list(zip(*rows)) if rows else [()] * len(columns)
    return pd.DataFrame({name: list(values) for name, values in zip(columns, data)}, columns=columns)
