# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "Quality Complaints",
    "summary": "Product-quality complaints on helpdesk tickets: assessment, "
    "root cause, corrective actions, 24-hour ownership, compensation approval",
    "version": "19.0.1.0.0",
    "license": "AGPL-3",
    "category": "After-Sales",
    "author": "Quality Complaint for Odoo contributors",
    "website": "https://github.com/quality-complaint/quality-complaint",
    "maintainers": ["quality-complaint"],
    "development_status": "Alpha",
    "depends": [
        "helpdesk_mgmt",
        "sale_stock",
        "base_tier_validation",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/quality_complaint_security.xml",
        "security/ir.model.access.csv",
        "data/helpdesk_ticket_channel_data.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/quality_complaint_menus.xml",
        "security/quality_compensation_security.xml",
        "data/quality_compensation_data.xml",
        "wizards/quality_compensation_reject_views.xml",
        "views/quality_compensation_views.xml",
        "views/helpdesk_ticket_compensation_views.xml",
    ],
    "demo": [
        "demo/quality_complaint_demo.xml",
        "demo/quality_compensation_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "quality_complaint/static/tests/tours/*.js",
        ],
    },
    "application": False,
}
