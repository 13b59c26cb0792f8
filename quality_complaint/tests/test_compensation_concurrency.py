# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Two reviewers approving the same proposal at once, on two real cursors.

The data is committed (each thread needs to see it) and removed afterwards.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg2.errors

from odoo import api
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

MANAGER = "quality_complaint.quality_complaint_group_manager"


@tagged("post_install", "-at_install")
class TestCompensationConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.addClassCleanup(cls._cleanup)
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            cls._setup_data(env)

    @classmethod
    def _setup_data(cls, env):
        tag = uuid.uuid4().hex[:8]
        group = env.ref(MANAGER)
        cls.user_ids = (
            env["res.users"]
            .create(
                [
                    {
                        "name": f"QC reviewer {i} {tag}",
                        "login": f"qc_rev{i}_{tag}",
                        "group_ids": [Command.set([group.id])],
                    }
                    for i in (1, 2)
                ]
            )
            .ids
        )
        model = env["ir.model"]._get("quality.compensation")
        cls.archived_tier_ids = (
            env["tier.definition"].search([("model", "=", model.model)]).ids
        )
        env["tier.definition"].browse(cls.archived_tier_ids).active = False
        cls.tier_ids = (
            env["tier.definition"]
            .create(
                [
                    {
                        "name": f"QC parallel {i}",
                        "model_id": model.id,
                        "review_type": "individual",
                        "reviewer_id": user_id,
                    }
                    for i, user_id in enumerate(cls.user_ids)
                ]
            )
            .ids
        )
        ticket = env["helpdesk.ticket"].create(
            {"name": f"QC concurrency {tag}", "description": "x"}
        )
        comp = env["quality.compensation"].create(
            {
                "ticket_id": ticket.id,
                "line_ids": [
                    Command.create({"compensation_type": "cash", "price_unit": 10})
                ],
            }
        )
        comp.action_submit()
        cls.ticket_id, cls.compensation_id = ticket.id, comp.id

    @classmethod
    def _cleanup(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            comp = env["quality.compensation"].browse(cls.compensation_id)
            comp.action_cancel()
            comp.unlink()
            env["helpdesk.ticket"].browse(cls.ticket_id).unlink()
            env["tier.definition"].browse(cls.tier_ids).unlink()
            env["tier.definition"].browse(cls.archived_tier_ids).active = True
            env["res.users"].browse(cls.user_ids).active = False

    def _approve(self, user_id, barrier):
        try:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, user_id, {})
                comp = env["quality.compensation"].browse(self.compensation_id)
                comp.review_ids.mapped("status")  # take the snapshot
                barrier.wait(timeout=10)
                comp.validate_tier()
        except (UserError, psycopg2.errors.SerializationFailure):
            return False
        return True

    def _read_state(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            comp = env["quality.compensation"].browse(self.compensation_id)
            return comp.state, sorted(comp.review_ids.mapped("status"))

    @mute_logger("odoo.sql_db")
    def test_two_reviewers_at_once(self):
        barrier = threading.Barrier(2)
        with ThreadPoolExecutor(max_workers=2) as executor:
            futures = [
                executor.submit(self._approve, user_id, barrier)
                for user_id in self.user_ids
            ]
            results = [f.result(timeout=30) for f in futures]
        self.assertEqual(sorted(results), [False, True], "exactly one went through")
        self.assertEqual(self._read_state(), ("to_approve", ["approved", "pending"]))
        # the reviewer who lost the race simply tries again
        loser = self.user_ids[results.index(False)]
        self.assertTrue(self._approve(loser, threading.Barrier(1)))
        self.assertEqual(self._read_state(), ("approved", ["approved", "approved"]))
