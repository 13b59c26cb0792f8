# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Two users creating the return of the same proposal at once, on two real
cursors. The data is committed (each thread needs to see it) and removed
afterwards."""

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
class TestReturnConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.addClassCleanup(cls._cleanup)
        with cls.registry.cursor() as cr:
            cls._setup_data(api.Environment(cr, api.SUPERUSER_ID, {}))

    @classmethod
    def _setup_data(cls, env):
        tag = uuid.uuid4().hex[:8]
        cls.user_ids = (
            env["res.users"]
            .create(
                [
                    {
                        "name": f"QC clicker {i} {tag}",
                        "login": f"qc_click{i}_{tag}",
                        "group_ids": [Command.set([env.ref(MANAGER).id])],
                    }
                    for i in (1, 2)
                ]
            )
            .ids
        )
        model = env["ir.model"]._get("quality.compensation")
        tiers = env["tier.definition"].search([("model", "=", model.model)])
        cls.archived_tier_ids = tiers.ids
        tiers.active = False
        product = env["product.product"].create(
            {"name": f"QC race {tag}", "type": "consu", "is_storable": True}
        )
        partner = env["res.partner"].create({"name": f"QC race customer {tag}"})
        ticket = env["helpdesk.ticket"].create(
            {
                "name": f"QC race {tag}",
                "description": "x",
                "partner_id": partner.id,
                "product_id": product.id,
            }
        )
        ticket.delivery_picking_id = False
        comp = env["quality.compensation"].create(
            {
                "ticket_id": ticket.id,
                "line_ids": [
                    Command.create({"compensation_type": "refund", "quantity": 2})
                ],
            }
        )
        comp.action_submit()
        cls.product_id, cls.partner_id = product.id, partner.id
        cls.ticket_id, cls.compensation_id = ticket.id, comp.id

    @classmethod
    def _cleanup(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            comp = env["quality.compensation"].browse(cls.compensation_id)
            pickings = comp._quality_get_pickings()
            pickings.action_cancel()
            pickings.unlink()
            comp.action_cancel()
            comp.unlink()
            env["helpdesk.ticket"].browse(cls.ticket_id).unlink()
            env["product.product"].browse(cls.product_id).active = False
            env["res.partner"].browse(cls.partner_id).active = False
            env["tier.definition"].browse(cls.archived_tier_ids).active = True
            env["res.users"].browse(cls.user_ids).active = False

    def _create_return(self, user_id, barrier):
        try:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, user_id, {})
                comp = env["quality.compensation"].browse(self.compensation_id)
                comp.line_ids.mapped("quantity")  # take the snapshot
                barrier.wait(timeout=10)
                return comp._quality_create_return().id
        except (UserError, psycopg2.errors.SerializationFailure):
            return False

    def _receipts(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            comp = env["quality.compensation"].browse(self.compensation_id)
            return comp._quality_get_pickings().ids

    @mute_logger("odoo.sql_db")
    def test_two_users_at_once(self):
        barrier = threading.Barrier(2)
        with ThreadPoolExecutor(max_workers=2) as executor:
            futures = [
                executor.submit(self._create_return, user_id, barrier)
                for user_id in self.user_ids
            ]
            results = [f.result(timeout=60) for f in futures]
        receipts = self._receipts()
        self.assertEqual(len(receipts), 1, "one receipt, whoever won")
        self.assertIn(receipts[0], results)
        # the user who lost the race clicks again and gets the same receipt
        again = self._create_return(self.user_ids[0], threading.Barrier(1))
        self.assertEqual(again, receipts[0])
        self.assertEqual(self._receipts(), receipts)
