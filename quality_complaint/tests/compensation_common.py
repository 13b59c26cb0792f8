# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures shared by the compensation tests (no test methods here)."""

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

USER = "quality_complaint.quality_complaint_group_user"
MANAGER = "quality_complaint.quality_complaint_group_manager"
DIRECTOR = "quality_complaint.quality_complaint_group_director"


class CompensationCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Compensation = cls.env["quality.compensation"]
        cls._setup_users()
        cls._setup_partners_products()
        cls._setup_tiers()
        cls.ticket = cls._create_ticket()

    @classmethod
    def _setup_users(cls):
        env = cls.env
        sales = "sales_team.group_sale_salesman"
        cls.salesperson = new_test_user(
            env, login="qc_owner", groups=f"base.group_user,{sales},{USER}"
        )
        cls.hotline = new_test_user(env, login="qc_hotline", groups=f"{sales},{USER}")
        cls.head = new_test_user(env, login="qc_head", groups=f"{sales},{MANAGER}")
        cls.director = new_test_user(
            env, login="qc_director", groups=f"{sales},{DIRECTOR}"
        )
        cls.accountant = new_test_user(
            env, login="qc_accountant", groups="account.group_account_user"
        )
        cls.outsider = new_test_user(env, login="qc_outsider", groups=USER)
        sales_team = env["crm.team"].create(
            {"name": "QC sales", "user_id": cls.head.id}
        )
        env["crm.team.member"].create(
            {"crm_team_id": sales_team.id, "user_id": cls.salesperson.id}
        )
        cls.team = env["helpdesk.ticket.team"].create(
            {
                "name": "QC complaints",
                "is_quality_team": True,
                "user_ids": [
                    Command.set((cls.salesperson | cls.hotline | cls.head).ids)
                ],
            }
        )

    @classmethod
    def _setup_partners_products(cls):
        env = cls.env
        cls.customer = env["res.partner"].create(
            {"name": "QC Customer", "is_company": True}
        )
        cls.carrier = env["res.partner"].create({"name": "QC Carrier"})
        cls.distributor = env["res.partner"].create({"name": "QC Distributor"})
        cls.supplier = env["res.partner"].create({"name": "QC Supplier"})
        cls.product = env["product.product"].create(
            {
                "name": "QC Tile",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
                "list_price": 150.0,
                "standard_price": 40.0,
            }
        )
        cls.lot = env["stock.lot"].create(
            {"name": "QC-LOT-1", "product_id": cls.product.id}
        )

    @classmethod
    def _setup_tiers(cls):
        env = cls.env
        model = env["ir.model"]._get("quality.compensation")
        env["tier.definition"].search([("model", "=", model.model)]).active = False
        manager_field = env["ir.model.fields"]._get(
            "quality.compensation", "owner_manager_id"
        )
        base = {"model_id": model.id, "approve_sequence": True}
        cls.tier_head = env["tier.definition"].create(
            dict(
                base,
                name="QC Department Head",
                review_type="field",
                reviewer_field_id=manager_field.id,
                sequence=30,
            )
        )
        cls.tier_director = env["tier.definition"].create(
            dict(
                base,
                name="QC Director",
                review_type="individual",
                reviewer_id=cls.director.id,
                definition_domain="[('amount_total', '>', 5000)]",
                sequence=20,
            )
        )
        cls.tier_accountant = env["tier.definition"].create(
            dict(
                base,
                name="QC Accountant",
                review_type="individual",
                reviewer_id=cls.accountant.id,
                sequence=10,
            )
        )

    @classmethod
    def _create_ticket(cls, **vals):
        return cls.env["helpdesk.ticket"].create(
            dict(
                {
                    "name": "Cracked tiles",
                    "description": "Cracked on arrival",
                    "team_id": cls.team.id,
                    "partner_id": cls.customer.id,
                    "user_id": cls.salesperson.id,
                    "first_responsible_id": cls.salesperson.id,
                    "product_id": cls.product.id,
                    "lot_id": cls.lot.id,
                    "complaint_qty": 10,
                    "severity": "general",
                    "problem_class": "production",
                    "responsible_party": "company",
                    "customer_kind": "retail",
                },
                **vals,
            )
        )

    def _create_compensation(self, amount=1000.0, user=None, ticket=None, **vals):
        """A proposal with one cash line of ``amount``, created as ``user``."""
        user = user or self.salesperson
        return (
            self.Compensation.with_user(user)
            .create(
                dict(
                    {
                        "ticket_id": (ticket or self.ticket).id,
                        "line_ids": [
                            Command.create(
                                {
                                    "compensation_type": "cash",
                                    "product_id": False,
                                    "quantity": 1,
                                    "price_unit": amount,
                                }
                            )
                        ],
                    },
                    **vals,
                )
            )
            .with_user(self.env.user)
        )
