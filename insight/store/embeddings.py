"""The semantic tier's embeddings in the store (a part of :class:`~insight.store.Store`): each
comment of the team's surveys is embedded once, whichever machine runs the report."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sqlalchemy as sa

from insight.store import schema as t
from insight.store.base import CHUNK


class EmbeddingJobs:
    """An :class:`insight.text.embed.EmbeddingCache` on the store's ``embeddings`` table."""

    def get_embeddings(self, model: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        return {bytes(key): np.frombuffer(vector, dtype=np.float32)
                for key, vector in self._embedding_rows([t.embeddings.c.text_key, t.embeddings.c.vector], model, keys)}

    def known_keys(self, model: str, keys: Sequence[bytes]) -> set[bytes]:
        return {bytes(key) for (key,) in self._embedding_rows([t.embeddings.c.text_key], model, keys)}

    def _embedding_rows(self, columns: list, model: str, keys: Sequence[bytes]) -> list:
        table, out = t.embeddings, []
        with self._read() as conn:
            for i in range(0, len(keys), CHUNK):
                out.extend(conn.execute(sa.select(*columns).where(
                    table.c.model == model, table.c.text_key.in_(list(keys[i:i + CHUNK])))))
        return out

    def put_embeddings(self, model: str, vectors: dict[bytes, np.ndarray]) -> None:
        if not vectors:
            return
        rows = [{"model": model, "text_key": key, "vector": np.asarray(v, dtype=np.float32).tobytes()}
                for key, v in vectors.items()]
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert
            else:
                from sqlalchemy.dialects.sqlite import insert
            for i in range(0, len(rows), CHUNK):  # a vector already there (another run's) is the same vector
                conn.execute(insert(t.embeddings).on_conflict_do_nothing(), rows[i:i + CHUNK])
