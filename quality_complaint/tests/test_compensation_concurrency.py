# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Approvals racing on two real cursors, each scenario repeated
QC_CONCURRENCY_RUNS times (50) on fresh committed proposals:

- two reviewers approve the same proposal at once;
- the last reviewer approves while a manager cancels the proposal.
"""

import logging
import time
from collections import Counter

from odoo.fields import Command
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from .concurrency_common import MANAGER, ConcurrencyCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestCompensationConcurrency(ConcurrencyCase):
    @classmethod
    def _setup_data(cls, env):
        cls.user_ids = cls._create_users(env, "rev", [MANAGER]).ids
        cls.manager_id = cls._create_users(env, "mgr", [MANAGER], count=1).id
        cls._use_tiers(env, cls.user_ids)
        tickets = cls._track(
            env["helpdesk.ticket"].create(
                [
                    {"name": f"QC race {i} {cls.tag}", "description": "x"}
                    for i in range(2 * cls.runs)
                ]
            )
        )
        comps = cls._track(
            env["quality.compensation"].create(
                [
                    {
                        "ticket_id": ticket.id,
                        "line_ids": [
                            Command.create(
                                {"compensation_type": "cash", "price_unit": 10}
                            )
                        ],
                    }
                    for ticket in tickets
                ]
            )
        )
        comps.action_submit()
        cls.parallel_ids = comps[: cls.runs].ids
        # approve-vs-cancel: the first reviewer already approved his tier
        cls.last_tier_ids = comps[cls.runs :].ids
        reviewer = env["res.users"].browse(cls.user_ids[0])
        for comp in comps[cls.runs :].with_user(reviewer):
            comp.validate_tier()

    @classmethod
    def _cleanup_documents(cls, env):
        comps = env["quality.compensation"].browse(cls.parallel_ids + cls.last_tier_ids)
        comps.filtered(lambda c: c.state != "cancel").action_cancel()

    # ------------------------------------------------------------------

    def _approve(self, comp_id):
        def approve(env):
            env["quality.compensation"].browse(comp_id).validate_tier()
            return "approved"

        return approve

    def _cancel(self, comp_id, delay=0.0):
        def cancel(env):
            comp = env["quality.compensation"].browse(comp_id)
            comp.mapped("state")  # what the manager saw
            time.sleep(delay)
            comp.action_cancel()
            return "cancelled"

        return cancel

    def _read(self, comp_id):
        with self.committed() as env:
            comp = env["quality.compensation"].browse(comp_id)
            audit = comp.message_ids.filtered(lambda m: "approved by" in (m.body or ""))
            return {
                "state": comp.state,
                "reviews": sorted(comp.review_ids.mapped("status")),
                "audit": len(audit),
                "executed": any(comp.line_ids.mapped("executed")),
            }

    @mute_logger("odoo.sql_db")
    def test_two_reviewers_at_once(self):
        def run(i):
            comp_id = self.parallel_ids[i]
            results = self._race(
                *((uid, self._approve(comp_id)) for uid in self.user_ids)
            )
            msg = f"run {i}: {results}"
            self.assertEqual(sorted(r.ok for r in results), [False, True], msg)
            self.assertEqual(
                self._read(comp_id),
                {
                    "state": "to_approve",
                    "reviews": ["approved", "pending"],
                    "audit": 1,
                    "executed": False,
                },
                msg,
            )
            # the reviewer who lost the race simply tries again
            loser = self.user_ids[[r.ok for r in results].index(False)]
            self.assertTrue(self._once(loser, self._approve(comp_id)).ok, msg)
            self.assertEqual(
                self._read(comp_id),
                {
                    "state": "approved",
                    "reviews": ["approved", "approved"],
                    "audit": 2,
                    "executed": False,
                },
                msg,
            )

        self._timed_runs("two reviewers approve at once", run)

    @mute_logger("odoo.sql_db")
    def test_approve_vs_cancel(self):
        outcomes = []

        def run(i):
            comp_id = self.last_tier_ids[i]
            results = self._race(
                (self.user_ids[1], self._approve(comp_id)),
                # every other run, the reviewer is a little faster
                (self.manager_id, self._cancel(comp_id, delay=0.3 * (i % 2))),
            )
            msg = f"run {i}: {results}"
            winners = [r.value for r in results if r.ok]
            self.assertEqual(len(winners), 1, f"approved XOR cancelled, {msg}")
            outcomes.append(winners[0])
            self._losers[f"won by {winners[0]}"] += 1  # in the report
            expected = {
                # approved: both tiers approved, one audit line each
                "approved": {
                    "state": "approved",
                    "reviews": ["approved", "approved"],
                    "audit": 2,
                    "executed": False,
                },
                # cancelled: the reviews went with the cancellation, the last
                # tier never approved, nothing executed
                "cancelled": {
                    "state": "cancel",
                    "reviews": [],
                    "audit": 1,
                    "executed": False,
                },
            }[winners[0]]
            self.assertEqual(self._read(comp_id), expected, msg)

        self._timed_runs("approve vs cancel", run)
        self.assertEqual(len(outcomes), self.runs)
        if self.runs > 1:
            self.assertEqual(len(set(outcomes)), 2, "both outcomes were raced")
        # the cancellation locks the proposal first: no deadlock (each one
        # stalled both users for a second before PostgreSQL broke it)
        self.assertNotIn("DeadlockDetected", self._losers)
        _logger.info("approve vs cancel: %s", Counter(outcomes))
