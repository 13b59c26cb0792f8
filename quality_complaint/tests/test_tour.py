# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestQualityComplaintTour(HttpCase):
    def test_menu_tour(self):
        """A complaint user reaches the complaints from the Helpdesk menu."""
        self.start_tour("/odoo", "quality_complaint_menu_tour", login="admin")
