# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "Quality Complaint Loyalty",
    "summary": "Give complaint coupons and points as Odoo loyalty cards",
    "version": "19.0.1.0.0",
    "license": "AGPL-3",
    "category": "After-Sales",
    "author": "Quality Complaint for Odoo contributors",
    "website": "https://github.com/quality-complaint/quality-complaint",
    "maintainers": ["quality-complaint"],
    "development_status": "Alpha",
    "depends": [
        "quality_complaint_returns",
        "loyalty",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/quality_compensation_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "auto_install": True,
    "application": False,
}
