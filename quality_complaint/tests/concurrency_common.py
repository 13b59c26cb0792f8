# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Committed data and real threads for the concurrency tests (no test here).

Each thread works on its own cursor of the registry, so the data it needs
must be committed first; ``ConcurrencyCase`` creates it in ``_setup_data``
(one committed transaction), records what it created with ``_track`` and
removes it all again when the class is done, so that the rest of the suite
finds the database as it was. ``_race`` runs callables at once behind a
barrier and reports which ones went through.
"""

import logging
import os
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import psycopg2.errors

from odoo import api
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name

_logger = logging.getLogger(__name__)

MANAGER = "quality_complaint.quality_complaint_group_manager"
USER = "quality_complaint.quality_complaint_group_user"

# What a loser of a race may get: a clear business error (LockError is a
# UserError), or a concurrency error that Odoo's RPC layer retries.
EXPECTED_LOSER_ERRORS = (
    UserError,
    psycopg2.errors.SerializationFailure,
    psycopg2.errors.LockNotAvailable,
    psycopg2.errors.DeadlockDetected,
)


def concurrency_runs():
    """How many times each scenario is repeated (QC_CONCURRENCY_RUNS, 50).
    QC_CONCURRENCY_REPORT=FILE appends the time and the errors of the losers
    of each scenario to FILE."""
    return max(1, int(os.environ.get("QC_CONCURRENCY_RUNS", 50)))


class RaceResult:
    """Outcome of one callable of a race: its value or its expected error."""

    def __init__(self, value=None, error=None):
        self.value, self.error = value, error

    @property
    def ok(self):
        return self.error is None

    def __repr__(self):
        return f"RaceResult(ok={self.ok}, value={self.value!r}, error={self.error!r})"


class ConcurrencyCase(BaseCase):
    """Base of the concurrency tests: committed fixtures, cleanup, races."""

    RACE_TIMEOUT = 60
    _losers = Counter()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.runs = concurrency_runs()
        cls.tag = uuid.uuid4().hex[:8]
        cls._created = []  # [(model, ids)] in creation order
        cls._archived = []  # [(model, ids)] archived by the fixtures
        cls._restore = []  # [(model, id, {field: old value})]
        cls.addClassCleanup(cls._cleanup_all)
        t0 = time.perf_counter()
        with cls.committed() as env:
            cls._setup_data(env)
        _logger.info("%s: fixtures in %.1f s", cls.__name__, time.perf_counter() - t0)

    @classmethod
    def _setup_data(cls, env):
        """Create the committed fixtures (override)."""

    @classmethod
    def _cleanup_documents(cls, env):
        """Cancel or delete what the races made, before the fixtures go
        (override)."""

    # ------------------------------------------------------------------
    # Committed data
    # ------------------------------------------------------------------

    @classmethod
    @contextmanager
    def committed(cls, uid=api.SUPERUSER_ID, context=None):
        """An environment on a fresh cursor, committed on exit."""
        with cls.registry.cursor() as cr:
            yield api.Environment(cr, uid, context or {})

    @classmethod
    def _track(cls, records):
        """Remember ``records`` to delete them at the end; returns them."""
        if records:
            cls._created.append((records._name, records.ids))
        return records

    @classmethod
    def _archive(cls, records):
        """Archive ``records`` for the duration of the class."""
        records = records.filtered("active")
        if records:
            cls._archived.append((records._name, records.ids))
            records.active = False
        return records

    @classmethod
    def _set(cls, record, vals):
        """Write ``vals`` on ``record``, the old values restored at the end."""
        old = {f: record._fields[f].convert_to_write(record[f], record) for f in vals}
        cls._restore.append((record._name, record.id, old))
        record.write(vals)

    @classmethod
    def _create_users(cls, env, prefix, groups, count=2):
        """``count`` internal users of the current company in ``groups``
        (xml ids), tracked for deletion."""
        group_ids = [env.ref(g).id for g in groups]
        return cls._track(
            env["res.users"]
            .with_context(no_reset_password=True, mail_create_nosubscribe=True)
            .create(
                [
                    {
                        "name": f"QC {prefix} {i} {cls.tag}",
                        "login": f"qc_{prefix}{i}_{cls.tag}",
                        "email": f"qc_{prefix}{i}_{cls.tag}@example.com",
                        "group_ids": [Command.set(group_ids)],
                    }
                    for i in range(1, count + 1)
                ]
            )
        )

    @classmethod
    def _use_tiers(cls, env, user_ids):
        """Replace the approval chain of proposals by one individual tier per
        user of ``user_ids`` (all pending at once)."""
        model = env["ir.model"]._get("quality.compensation")
        cls._archive(env["tier.definition"].search([("model", "=", model.model)]))
        return cls._track(
            env["tier.definition"].create(
                [
                    {
                        "name": f"QC race tier {i} {cls.tag}",
                        "model_id": model.id,
                        "review_type": "individual",
                        "reviewer_id": user_id,
                        "sequence": 10 * i,
                    }
                    for i, user_id in enumerate(user_ids, start=1)
                ]
            )
        )

    @classmethod
    def _cleanup_all(cls):
        t0 = time.perf_counter()
        with cls.committed() as env:
            cls._cleanup_documents(env)
            env.flush_all()
            for model, ids in reversed(cls._created):
                records = env[model].browse(ids).exists()
                if model == "res.users":
                    cls._delete_users(env, records)
                elif records:
                    records.with_context(force_delete=True).unlink()
            for model, ids in cls._archived:
                env[model].browse(ids).active = True
            for model, rec_id, old in reversed(cls._restore):
                env[model].browse(rec_id).write(old)
        _logger.info("%s: cleanup in %.1f s", cls.__name__, time.perf_counter() - t0)

    @classmethod
    def _delete_users(cls, env, users):
        """Delete the users and their partners; archive what is still
        referenced (chatter authors...)."""
        for user in users:
            partner = user.partner_id
            try:
                with env.cr.savepoint():
                    user.unlink()
                    partner.unlink()
            except Exception:  # pylint: disable=broad-except
                user.active = False
                partner.active = False

    # ------------------------------------------------------------------
    # Races
    # ------------------------------------------------------------------

    def _run_in_thread(self, uid, func, barrier):
        try:
            with self.registry.cursor() as cr:
                cr.execute("SELECT 1")  # the transaction's snapshot, before the race
                env = api.Environment(cr, uid, {})
                barrier.wait(timeout=self.RACE_TIMEOUT)
                return RaceResult(value=func(env))
        except AccessError:
            raise  # a fixture without the rights: never an expected loser
        except EXPECTED_LOSER_ERRORS as error:
            return RaceResult(error=error)

    def _race(self, *calls):
        """Run ``calls`` (pairs of user id and ``func(env)``) at once, each
        on its own cursor committed when ``func`` returns; returns one
        RaceResult per call. Unexpected errors fail the test."""
        barrier = threading.Barrier(len(calls))
        with ThreadPoolExecutor(max_workers=len(calls)) as executor:
            futures = [
                executor.submit(self._run_in_thread, uid, func, barrier)
                for uid, func in calls
            ]
            results = [f.result(timeout=self.RACE_TIMEOUT * 2) for f in futures]
        self._losers.update(type(r.error).__name__ for r in results if not r.ok)
        return results

    def _once(self, uid, func):
        """Run ``func(env)`` alone on its own committed cursor."""
        return self._race((uid, func))[0]

    def _timed_runs(self, label, func):
        """Call ``func(i)`` for each repetition i (the first failure stops);
        logs the time of the scenario."""
        self._losers = Counter()
        t0 = time.perf_counter()
        for i in range(self.runs):
            func(i)
        elapsed = time.perf_counter() - t0
        _logger.info(
            "concurrency %s: %d runs in %.1f s (%.0f ms/run), errors of the "
            "losers (and of second tries): %s",
            label,
            self.runs,
            elapsed,
            1000 * elapsed / self.runs,
            dict(self._losers),
        )
        report = os.environ.get("QC_CONCURRENCY_REPORT")
        if report:  # one line per scenario, for the README figures
            with open(report, "a", encoding="utf-8") as f:
                f.write(
                    f"{label}: {self.runs} runs in {elapsed:.1f} s, "
                    f"errors of the losers (and second tries): {dict(self._losers)}\n"
                )
        return elapsed
