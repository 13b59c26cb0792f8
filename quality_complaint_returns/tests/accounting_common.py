# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures shared by the compensation accounting tests (no test methods here)."""

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

USER = "quality_complaint.quality_complaint_group_user"
DIRECTOR = "quality_complaint.quality_complaint_group_director"


class QualityAccountingCommon(AccountTestInvoicingCommon):
    """A company with a chart, a posted invoice of 10 tiles at 100 (15% tax),
    a complaint on it, and users: complaint staff with and without invoicing
    rights, an accountant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env.user.group_ids += env.ref(DIRECTOR) + env.ref(
            "helpdesk_mgmt.group_helpdesk_manager"
        )
        model = env["ir.model"]._get("quality.compensation")
        env["tier.definition"].search([("model_id", "=", model.id)]).active = False
        cls.company = env.company
        cls.customer = cls.partner_a
        cls.tile = cls._create_product(
            name="QC Tile",
            is_storable=True,
            lst_price=100.0,
            standard_price=40.0,
            taxes_id=cls.tax_sale_a,
        )
        cls.category = env["quality.defect.category"].create({"name": "QC Glaze"})
        cls.team = env["helpdesk.ticket.team"].create(
            {"name": "QC complaints", "is_quality_team": True}
        )
        cls._setup_quality_users()
        cls.team.user_ids = cls.staff | cls.staff_billing | cls.accountant
        cls.invoice = cls._create_tile_invoice()
        cls.ticket = cls._create_complaint(cls.invoice)

    @classmethod
    def _setup_quality_users(cls):
        env = cls.env
        company = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.staff = new_test_user(env, login="qca_staff", groups=USER, **company)
        cls.staff_billing = new_test_user(
            env,
            login="qca_billing",
            groups=f"{USER},account.group_account_invoice",
            **company,
        )
        cls.accountant = new_test_user(
            env,
            login="qca_accountant",
            groups=f"{USER},account.group_account_user",
            **company,
        )

    @classmethod
    def _create_tile_invoice(cls, currency=None, quantity=10.0, price=100.0):
        vals = {
            "move_type": "out_invoice",
            "partner_id": cls.customer.id,
            "invoice_date": "2026-01-15",
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": cls.tile.id,
                        "quantity": quantity,
                        "price_unit": price,
                        "tax_ids": [Command.set(cls.tax_sale_a.ids)],
                    }
                ),
                Command.create(
                    {
                        "product_id": cls.product_b.id,
                        "quantity": 1.0,
                        "price_unit": 50.0,
                        "tax_ids": [Command.set(cls.tax_sale_a.ids)],
                    }
                ),
            ],
        }
        if currency:
            vals["currency_id"] = currency.id
        invoice = cls.env["account.move"].create(vals)
        invoice.action_post()
        return invoice

    @classmethod
    def _create_complaint(cls, invoice=None, **vals):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Cracked tiles",
                "description": "Cracked on arrival",
                "team_id": cls.team.id,
                "partner_id": cls.customer.id,
                "product_id": cls.tile.id,
                "complaint_qty": 3,
                "invoice_id": invoice.id if invoice else False,
                "defect_category_id": cls.category.id,
                "severity": "general",
                "problem_class": "production",
                "responsible_party": "company",
                "customer_kind": "retail",
                **vals,
            }
        )

    @classmethod
    def _approved_proposal(cls, lines, ticket=None):
        """An approved proposal of ``lines`` (dicts of line values)."""
        proposal = cls.env["quality.compensation"].create(
            {
                "ticket_id": (ticket or cls.ticket).id,
                "line_ids": [Command.create(vals) for vals in lines],
            }
        )
        proposal.action_submit()
        assert proposal.state == "approved", proposal.state
        return proposal

    def _refund_line(self, quantity=3.0, price=100.0, **vals):
        return dict(
            compensation_type="refund",
            product_id=self.tile.id,
            quantity=quantity,
            price_unit=price,
            **vals,
        )

    def assertLines(self, move, expected):
        """Compare the journal items of ``move`` with ``expected`` dicts
        (sorted by account code then balance)."""
        fields_ = list(expected[0])
        lines = move.line_ids.sorted(lambda aml: (aml.account_id.code, aml.balance))
        got = [{f: lines[i][f] for f in fields_} for i in range(len(lines))]
        exp = sorted(expected, key=lambda d: (d["account_id"].code, d["balance"]))
        self.assertEqual(len(got), len(exp), got)
        for g, e in zip(got, exp, strict=True):
            for f in fields_:
                if isinstance(e[f], float):
                    self.assertAlmostEqual(g[f], e[f], places=2, msg=f"{f}: {got}")
                else:
                    self.assertEqual(g[f], e[f], f"{f}: {got}")
