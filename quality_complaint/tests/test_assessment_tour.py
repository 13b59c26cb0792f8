# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAssessmentTour(HttpCase):
    def test_assessment_tour(self):
        """The complaint form shows the missing facts banner, the 5W1H and
        assessment pages, and the defect category proposes the class and
        the responsible party."""
        self.start_tour("/odoo", "quality_complaint_assessment_tour", login="admin")
