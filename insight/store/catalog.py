"""The store's theme catalog: the analysts' decisions about themes (labels, merges, status, owner, note),
each change kept with who made it and when."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from insight.store import schema as t
from insight.store.base import StoreConflict, StoreError, actor, now
from insight.themes.catalog import CatalogEntry, ThemeCatalog
from insight.themes.codeframe import LABEL_LANGS, Codeframe


class CatalogJobs:
    """The theme catalog (a part of :class:`~insight.store.Store`)."""

    def register_themes(self, codeframe: Codeframe) -> int:
        """Add the codeframe's themes that the catalog lacks; refresh labels an analyst did not set."""
        with self._write() as conn:
            return self._register(conn, codeframe)

    def _register(self, conn: Connection, codeframe: Codeframe) -> int:
        existing = {r.theme_id: r for r in conn.execute(sa.select(t.themes.c.theme_id, t.themes.c.labels,
                                                                  t.themes.c.renamed))}
        added = 0
        stamp = now()
        for theme in codeframe.themes:
            labels = {lang: theme.label_in(lang) for lang in LABEL_LANGS}
            row = existing.get(theme.id)
            if row is None:
                conn.execute(sa.insert(t.themes).values(
                    theme_id=theme.id, parent=theme.parent, labels=labels, renamed=[], status="new",
                    origin=f"{codeframe.name} {codeframe.version}", created_at=stamp, updated_at=stamp))
                conn.execute(sa.insert(t.theme_events).values(
                    theme_id=theme.id, at=stamp, action="created", new=labels["en"],
                    actor=f"codeframe {codeframe.name}"))
                added += 1
                continue
            kept = {lang: row.labels.get(lang) for lang in row.renamed}
            merged = {**labels, **{k: v for k, v in kept.items() if v}}
            if merged != row.labels:
                conn.execute(sa.update(t.themes).where(t.themes.c.theme_id == theme.id).values(labels=merged))
        return added

    def catalog(self) -> ThemeCatalog:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.themes)).mappings().all()
        return ThemeCatalog({r["theme_id"]: CatalogEntry(
            r["theme_id"], dict(r["labels"]), tuple(r["renamed"]), r["status"], r["owner"], r["note"],
            r["merged_into"]) for r in rows})

    def themes(self, counts: bool = True) -> list[dict[str, object]]:
        """The catalog, one dict per theme, in id order, with mentions in the latest run (0 without
        ``counts``, which skips counting them: the workspace has its own numbers)."""
        with self._read() as conn:
            rows = conn.execute(sa.select(t.themes).order_by(t.themes.c.theme_id)).mappings().all()
            last = conn.execute(sa.select(sa.func.max(t.runs.c.id))).scalar() if counts else None
            mentioned = dict(conn.execute(
                sa.select(t.mentions.c.theme_id, sa.func.count(sa.distinct(t.mentions.c.response_id)))
                .where(t.mentions.c.run_id == last).group_by(t.mentions.c.theme_id)).all()) if last else {}
        catalog = ThemeCatalog({r["theme_id"]: CatalogEntry(r["theme_id"], dict(r["labels"]), merged_into=r["merged_into"])
                                for r in rows})
        combined: dict[str, int] = {}
        for tid, n in mentioned.items():
            combined[catalog.target(tid)] = combined.get(catalog.target(tid), 0) + int(n)
        return [{**{k: r[k] for k in ("theme_id", "parent", "status", "owner", "note", "merged_into", "origin")},
                 "label": r["labels"].get("en") or r["theme_id"], "labels": dict(r["labels"]),
                 "renamed": list(r["renamed"]), "mentions_last_run": combined.get(r["theme_id"], 0) if not r["merged_into"] else 0,
                 "updated_at": r["updated_at"].isoformat()} for r in rows]

    def theme(self, theme_id: str, counts: bool = True) -> dict[str, object]:
        """One theme with its history - merged themes' history included (``counts``: and its mentions
        in the latest run, in all and by wave)."""
        entry = next((r for r in self.themes(counts) if r["theme_id"] == theme_id), None)
        if entry is None:
            raise self._unknown(theme_id)
        catalog = self.catalog()
        family = [tid for tid in catalog.entries if catalog.target(tid) == theme_id]
        with self._read() as conn:
            events = conn.execute(sa.select(t.theme_events).where(t.theme_events.c.theme_id.in_(family))
                                  .order_by(t.theme_events.c.at, t.theme_events.c.id)).mappings().all()
            waves = conn.execute(
                sa.select(t.waves.c.name, sa.func.count(sa.distinct(t.mentions.c.response_id)))
                .select_from(t.mentions.join(t.responses, t.responses.c.id == t.mentions.c.response_id)
                             .join(t.waves, t.waves.c.id == t.responses.c.wave_id))
                .where(t.mentions.c.run_id == sa.select(sa.func.max(t.runs.c.id)).scalar_subquery(),
                       t.mentions.c.theme_id.in_(family))
                .group_by(t.waves.c.name)).all() if counts else []
        entry["merged_from"] = sorted(tid for tid in family if tid != theme_id)
        entry["history"] = [{"theme_id": e["theme_id"], "at": e["at"].isoformat(), "action": e["action"],
                             "old": e["old"], "new": e["new"], "actor": e["actor"]} for e in events]
        entry["mentions_by_wave"] = dict(waves)
        return entry

    def _unknown(self, theme_id: str) -> StoreError:
        known = [r["theme_id"] for r in self.themes()]
        hint = ", ".join(k for k in known if theme_id.split(".")[0] in k)[:200] or ", ".join(known[:12])
        if not known:
            return StoreError(f"the theme catalog of {self.url} is empty; `insight import` or `insight report --db` fills it",
                              "e_no_theme", id=theme_id)
        return StoreError(f"no theme {theme_id!r} in the catalog; known: {hint}", "e_no_theme", id=theme_id)

    def _change(self, theme_id: str, action: str, values, old: object, new: object,
                by: str | None = None, expect: str | None = None) -> None:
        """Change a theme and keep the change in its history (``by``: who; default the system user).
        ``values``: the new column values, or a function of the theme's row that gives them and the old
        value (read and written in one serialised transaction, so no concurrent change is lost).
        ``expect``: the theme's ``updated_at`` as the changer saw it - when it has changed since, the
        change is refused (:class:`StoreConflict`) rather than written over another's."""
        with self._write() as conn:
            row = conn.execute(sa.select(t.themes).where(t.themes.c.theme_id == theme_id)).mappings().first()
            if row is None:
                raise self._unknown(theme_id)
            if expect is not None and row["updated_at"].isoformat() != expect:
                raise StoreConflict(f"theme {theme_id!r} was changed by someone else since you opened it; "
                                    "reload it and make your change again", "e_changed", id=theme_id)
            if callable(values):
                values, old = values(row)
            conn.execute(sa.update(t.themes).where(t.themes.c.theme_id == theme_id)
                         .values(**values, updated_at=now()))
            conn.execute(sa.insert(t.theme_events).values(
                theme_id=theme_id, at=now(), action=action, old=None if old is None else str(old),
                new=None if new is None else str(new), actor=by or actor()))

    def rename(self, theme_id: str, label: str, lang: str = "en", *, by: str | None = None,
               expect: str | None = None) -> None:
        label = label.strip()
        if not label:
            raise StoreError("a theme label must not be empty", "e_empty_label")
        if lang not in LABEL_LANGS:
            raise StoreError(f"--lang {lang!r}: use one of {', '.join(LABEL_LANGS)}")

        def relabelled(row) -> tuple[dict[str, object], str]:
            return ({"labels": {**row["labels"], lang: label}, "renamed": sorted({*row["renamed"], lang})},
                    f"{lang}: {row['labels'].get(lang)}")

        self._change(theme_id, "rename", relabelled, None, f"{lang}: {label}", by, expect)

    def merge(self, sources: Iterable[str], into: str, *, by: str | None = None) -> None:
        """Merge themes into ``into``: their mentions count towards it in every later report.

        Merging into a theme that was itself merged goes to the end of its chain, so no cycle can form.
        """
        catalog = self.catalog()
        if into not in catalog.entries:
            raise self._unknown(into)
        target = catalog.target(into)
        sources = list(dict.fromkeys(sources))
        for source in sources:
            if source not in catalog.entries:
                raise self._unknown(source)
            if source == target:
                why = "a theme cannot be merged into itself" if source == into else f"{into!r} is merged into {source!r}"
                raise StoreError(f"cannot merge {source!r} into {into!r}: {why}",
                                 "e_merge_self" if source == into else "e_merge_cycle", source=source, into=into)
            if catalog.entries[source].merged_into and catalog.target(source) == target:
                raise StoreError(f"{source!r} is already merged into {target!r}", "e_already_merged", source=source,
                                 into=target)
        for source in sources:
            self._change(source, "merge", {"merged_into": target}, catalog.entries[source].merged_into, target,
                         by)
            self._change(target, "absorb", {}, None, source, by)

    def unmerge(self, theme_id: str, *, by: str | None = None) -> None:
        def unmerged(row) -> tuple[dict[str, object], object]:
            if not row["merged_into"]:
                raise StoreError(f"{theme_id!r} is not merged into another theme", "e_not_merged", id=theme_id)
            return {"merged_into": None}, row["merged_into"]

        self._change(theme_id, "unmerge", unmerged, None, None, by)

    def set_status(self, theme_id: str, status: str, *, by: str | None = None, expect: str | None = None) -> None:
        status = t.normalize_status(status)
        if status not in t.STATUSES:
            raise StoreError(f"unknown status {status!r}: use one of {', '.join(t.STATUSES)}", "e_status", status=status)
        self._change(theme_id, "status", lambda row: ({"status": status}, row["status"]), None, status, by, expect)

    def assign(self, theme_id: str, owner: str | None, *, by: str | None = None, expect: str | None = None) -> None:
        owner = (owner or "").strip() or None
        self._change(theme_id, "assign", lambda row: ({"owner": owner}, row["owner"]), None, owner, by, expect)

    def set_note(self, theme_id: str, note: str, *, by: str | None = None, expect: str | None = None) -> None:
        text = note.strip() or None
        self._change(theme_id, "note", lambda row: ({"note": text}, row["note"]), None, text, by, expect)
