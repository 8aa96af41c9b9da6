"""Alerts: a significant rise of the detractor share against the previous period or wave, overall,
per segment and per theme, Holm-corrected over all of them (a scheduled report fails on one with
``--fail-on-alert``).

Each tested group compares its share of detractors in the last period with the one before (two
proportions, pooled z-test, two-sided); the p-values of every group tested are corrected together
(Holm), and a group is an alert when its share rose and its corrected p-value is below 1 - confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from insight import settings
from insight.score.nps import holm, proportions_test

ALERT_EXIT = 3  # the exit code of a command run with --fail-on-alert when there is an alert


def detractor_alerts(groups: Sequence[tuple[dict[str, object], int, int, int, int]],
                     confidence: float = settings.CONFIDENCE) -> tuple[list[dict[str, object]], int]:
    """``groups``: (what the group is, detractors and responses in the previous period, the same in the
    last). Returns the alerts (each group's description with its shares before and after, the change
    in points, p and Holm p), largest rise first, and how many groups were tested."""
    tested = [(about, k1, n1, k2, n2) for about, k1, n1, k2, n2 in groups if n1 > 0 and n2 > 0]
    p = [proportions_test(k1, n1, k2, n2)[1] for _, k1, n1, k2, n2 in tested]
    p_holm = holm(p) if p else np.array([])
    alpha = 1.0 - confidence
    alerts = []
    for (about, k1, n1, k2, n2), p_raw, p_adj in zip(tested, p, p_holm):
        before, after = k1 / n1, k2 / n2
        if after > before and p_adj == p_adj and p_adj < alpha:
            alerts.append({**about, "before": before, "after": after, "change": 100.0 * (after - before),
                           "detractors_before": k1, "n_before": n1, "detractors_after": k2, "n_after": n2,
                           "p_value": float(p_raw), "p_holm": float(p_adj)})
    alerts.sort(key=lambda a: -a["change"])
    return alerts, len(tested)


def wave_alert(waves: list[dict[str, object]], confidence: float = settings.CONFIDENCE) -> dict[str, object] | None:
    """The alert of the latest wave with responses against the one before (``waves``: the store's
    history rows, with ``wave``, ``detractors`` and ``n``), or None."""
    answered = [w for w in waves if w["n"]]
    if len(answered) < 2:
        return None
    before, after = answered[-2], answered[-1]
    about = {"scope": "overall", "from": str(before["wave"]), "to": str(after["wave"])}
    alerts, _ = detractor_alerts([(about, int(before["detractors"]), int(before["n"]), int(after["detractors"]),
                                   int(after["n"]))], confidence)
    return alerts[0] if alerts else None


def alert_line(alert: dict[str, object]) -> str:
    """An alert as one line for the terminal."""
    shares = f"{100 * alert['before']:.1f}% -> {100 * alert['after']:.1f}%"
    p = alert["p_holm"]
    tail = f" ({alert['from']} -> {alert['to']}), p (Holm) {'< 0.001' if p < 0.001 else f'= {p:.3f}'}"
    if alert["scope"] == "overall":
        return f"detractors rose: {shares} of all responses{tail}"
    if alert["scope"] == "segment":
        return f"detractors rose in {alert['column']} = {alert['value']}: {shares}{tail}"
    return f"detractors naming {alert.get('label', alert.get('theme_id'))} rose: {shares} of responses{tail}"
