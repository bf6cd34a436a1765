"""Checks: the rules that find problems in loaded documents, and :func:`check`.

:mod:`~sk_generator.checks.registry` holds the rule machinery; each family module
(``hukum``, ``menimbang``, ...) registers its rules when imported, which this package
does here, so importing :mod:`sk_generator.checks` gives the complete registry.
:func:`check` (:mod:`~sk_generator.checks.report`) is the one orchestration every front
end uses: load, run the rules, de-duplicate.
"""

from __future__ import annotations

from sk_generator.checks import (  # noqa: F401  (each family registers its rules)
    hukum,
    instansi,
    masa,
    menimbang,
    mutu,
    nomor,
    pejabat,
    sop_flow,
    status,
    tanggal,
    teks,
    waktu,
)
from sk_generator.checks.registry import (
    REGISTRY,
    Elsewhere,
    Finding,
    Rule,
    Scope,
    Seen,
    SharedFinding,
    disabled_codes,
    rule,
    run_checks,
)
from sk_generator.checks.report import Known, Report, check

__all__ = [
    "REGISTRY",
    "Elsewhere",
    "Finding",
    "Known",
    "Report",
    "Rule",
    "Scope",
    "Seen",
    "SharedFinding",
    "check",
    "disabled_codes",
    "rule",
    "run_checks",
]
