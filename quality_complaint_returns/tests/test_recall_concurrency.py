# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""A lot recall started twice at once (``action_execute`` from two threads
on two real cursors), repeated QC_CONCURRENCY_RUNS times (50) on fresh
committed recalls:

- a decided recall, carried out at once (few customers);
- a recall in progress started again, its customers carried out by
  background jobs (more customers than the company's threshold).

Invariant: one notice and one return receipt per customer, one job per
customer, no duplicate.
"""

from odoo.fields import Command
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from odoo.addons.quality_complaint.tests.concurrency_common import (
    MANAGER,
    ConcurrencyCase,
)

CUSTOMERS = 2


@tagged("post_install", "-at_install")
class TestRecallConcurrency(ConcurrencyCase):
    @classmethod
    def _setup_data(cls, env):
        cls.user_ids = cls._create_users(
            env, "recall", [MANAGER, "stock.group_stock_user"]
        ).ids
        product = cls._track(
            env["product.product"].create(
                {
                    "name": f"QC recall race {cls.tag}",
                    "type": "consu",
                    "is_storable": True,
                    "tracking": "lot",
                }
            )
        )
        partners = cls._track(
            env["res.partner"].create(
                [
                    {
                        "name": f"QC recall customer {i} {cls.tag}",
                        "email": f"qc_recall{i}_{cls.tag}@example.com",
                    }
                    for i in range(CUSTOMERS)
                ]
            )
        )
        lots = cls._track(
            env["stock.lot"].create(
                [
                    {"name": f"QCRACE-{cls.tag}-{i}", "product_id": product.id}
                    for i in range(2 * cls.runs)
                ]
            )
        )
        recalls = cls._track(
            env["quality.lot.recall"].create(
                [
                    {
                        "lot_id": lot.id,
                        "sample_test_result": "fail",
                        "sample_test_date": "2026-04-01",
                        "decision": "recall",
                        "customer_ids": [
                            Command.create(
                                {
                                    "partner_id": partner.id,
                                    "delivered_qty": 5.0,
                                    "net_qty": 5.0,
                                }
                            )
                            for partner in partners
                        ],
                    }
                    for lot in lots
                ]
            )
        )
        recalls.action_decide()
        cls.direct_ids = recalls[: cls.runs].ids
        # started before (in progress), its customers still to do
        recalls[cls.runs :].write({"state": "in_progress"})
        cls.background_ids = recalls[cls.runs :].ids
        cls.company_id = recalls[:1].company_id.id

    @classmethod
    def _cleanup_documents(cls, env):
        recalls = env["quality.lot.recall"].browse(cls.direct_ids + cls.background_ids)
        lines = recalls.customer_ids
        keys = [f"quality.lot.recall.customer:{line_id}" for line_id in lines.ids]
        env["queue.job"].search([("identity_key", "in", keys)]).unlink()
        env["mail.mail"].search(
            [("model", "=", lines._name), ("res_id", "in", lines.ids)]
        ).unlink()
        pickings = recalls.picking_ids
        pickings.action_cancel()
        pickings.unlink()

    # ------------------------------------------------------------------

    def _execute(self, recall_id):
        def execute(env):
            env["quality.lot.recall"].browse(recall_id).action_execute()
            return True

        return execute

    def _read(self, recall_id):
        with self.committed() as env:
            recall = env["quality.lot.recall"].browse(recall_id)
            lines = recall.customer_ids
            jobs = env["queue.job"].search(
                [
                    (
                        "identity_key",
                        "in",
                        [f"quality.lot.recall.customer:{line.id}" for line in lines],
                    )
                ]
            )
            mails = env["mail.mail"].search(
                [("model", "=", lines._name), ("res_id", "in", lines.ids)]
            )
            return {
                "state": recall.state,
                "pickings": len(recall.picking_ids),
                "line_pickings": len(lines.return_picking_id),
                "mails": sorted(mails.mapped("res_id")),
                "jobs": sorted(jobs.mapped("identity_key")),
                "notified": lines.mapped("notified"),
                "lines": lines.ids,
            }

    def _set_threshold(self, threshold):
        with self.committed() as env:
            company = env["res.company"].browse(self.company_id)
            self._set(company, {"quality_recall_job_threshold": threshold})

    @mute_logger("odoo.sql_db")
    def test_recall_started_twice(self):
        self._set_threshold(20)

        def run(i):
            recall_id = self.direct_ids[i]
            results = self._race(
                *((uid, self._execute(recall_id)) for uid in self.user_ids)
            )
            msg = f"run {i}: {results}"
            self.assertEqual(sorted(r.ok for r in results), [False, True], msg)
            got = self._read(recall_id)
            self.assertEqual(
                {k: v for k, v in got.items() if k != "lines"},
                {
                    "state": "in_progress",
                    "pickings": CUSTOMERS,
                    "line_pickings": CUSTOMERS,
                    "mails": got["lines"],
                    "jobs": [],
                    "notified": [True] * CUSTOMERS,
                },
                msg,
            )
            # started once more: every customer step is done already
            self.assertTrue(self._once(self.user_ids[0], self._execute(recall_id)).ok)
            self.assertEqual(self._read(recall_id), got, msg)

        self._timed_runs("recall started twice", run)

    @mute_logger("odoo.sql_db")
    def test_recall_restarted_twice_in_background(self):
        self._set_threshold(0)

        def run(i):
            recall_id = self.background_ids[i]
            results = self._race(
                *((uid, self._execute(recall_id)) for uid in self.user_ids)
            )
            msg = f"run {i}: {results}"
            self.assertEqual(sorted(r.ok for r in results), [False, True], msg)
            got = self._read(recall_id)
            self.assertEqual(
                got["jobs"],
                sorted(f"quality.lot.recall.customer:{i}" for i in got["lines"]),
                f"one job per customer, {msg}",
            )
            self.assertEqual(
                (got["state"], got["pickings"], got["mails"]),
                ("in_progress", 0, []),
                msg,
            )

        self._timed_runs("recall restarted twice (background jobs)", run)
