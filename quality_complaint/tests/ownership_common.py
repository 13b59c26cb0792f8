# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures of the ownership-and-time tests: people, customers, a quality team
and a UTC working calendar (Mon-Fri 8-12, 13-17) so deadlines are exact."""

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

USER = "quality_complaint.quality_complaint_group_user"
MANAGER = "quality_complaint.quality_complaint_group_manager"


class QualityOwnershipCommon(BaseCommon):
    @classmethod
    def default_env_context(cls):
        # Mail and tracking stay on: acknowledgements and the chatter are tested.
        return {"no_reset_password": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "QC test week", "tz": "UTC", "company_id": cls.company.id}
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.manager = new_test_user(
            cls.env, login="qc_manager", groups=f"base.group_user,{MANAGER}"
        )
        cls.salesperson = new_test_user(
            cls.env, login="qc_sales", groups=f"base.group_user,{USER}"
        )
        cls.salesperson.quality_manager_id = cls.manager
        cls.hotline = new_test_user(
            cls.env, login="qc_hotline", groups=f"base.group_user,{USER}"
        )
        cls.colleague = new_test_user(
            cls.env, login="qc_colleague", groups=f"base.group_user,{USER}"
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "QC ownership team",
                "is_quality_team": True,
                "user_id": cls.hotline.id,
                "company_id": cls.company.id,
                "user_ids": [
                    Command.set(
                        (
                            cls.manager | cls.salesperson | cls.hotline | cls.colleague
                        ).ids
                    )
                ],
            }
        )
        cls.dealer = cls.env["res.partner"].create(
            {
                "name": "QC Dealer Co.",
                "is_company": True,
                "email": "dealer@example.com",
                "user_id": cls.salesperson.id,
            }
        )
        cls.dealer_contact = cls.env["res.partner"].create(
            {
                "name": "QC Dealer Buyer",
                "parent_id": cls.dealer.id,
                "email": "buyer@example.com",
            }
        )
        cls.consumer = cls.env["res.partner"].create(
            {"name": "QC Consumer", "email": "consumer@example.com"}
        )

    @classmethod
    def _create_complaint(cls, partner=None, **vals):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Cracked tiles",
                "description": "<p>Tiles cracked after laying.</p>",
                "team_id": cls.team.id,
                "partner_id": (partner or cls.dealer_contact).id,
                **vals,
            }
        )
