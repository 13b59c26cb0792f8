# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""A portal customer reaches his own complaints only, by every door: portal
pages, report and attachment URLs, rating links, the chatter routes,
/web/dataset/call_kw and JSON-2 with his own API key.
(test_portal_isolation covers the ticket list, /my/ticket/<id> and read over
call_kw; test_portal_ticket_close the close route.)"""

import base64
import json

import requests

from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .intake_common import PNG, IntakeFixtures

SECRET = "QC-PORTAL-SECRET-7f3a"
REFUSED = (302, 303, 400, 401, 403, 404)

# The other customer's complaint over HTTP: (label, url; {foreign} is its id,
# {token} the access token of its attachment, {report} a report name)
FOREIGN_URLS = [
    ("ticket page with a wrong token", "/my/ticket/{foreign}/not-the-token"),
    ("appraisal report PDF", "/report/pdf/{appraisal}/{foreign}"),
    ("appraisal report HTML", "/report/html/{appraisal}/{foreign}"),
    ("register report HTML", "/report/html/{register}/{foreign}"),
    ("8D report HTML", "/report/html/{report_8d}/{foreign}"),
    ("attachment by id", "/web/content/{attachment}"),
    ("attachment by id and field", "/web/content/ir.attachment/{attachment}/datas"),
    ("attachment image", "/web/image/{attachment}"),
    ("ticket field download", "/web/content/helpdesk.ticket/{foreign}/description"),
    ("rating link with a made-up token", "/rate/{bad_token}/5"),
]

# Internal models over call_kw/JSON-2 as the portal customer: all refused.
INTERNAL_MODELS = [
    "quality.compensation",
    "quality.compensation.line",
    "quality.compensation.recovery",
    "quality.capa.action",
    "quality.complaint.why",
    "quality.complaint.breach",
    "quality.complaint.report",
    "quality.defect.category",
]


@tagged("post_install", "-at_install")
class TestPortalAccess(IntakeFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_intake()
        Ticket = cls.env["helpdesk.ticket"]
        common = {"team_id": cls.team.id, "product_id": cls.product.id}
        cls.own = Ticket.create(
            dict(common, name="Own QC-PA", description="x", partner_id=cls.customer.id)
        )
        cls.foreign = Ticket.create(
            dict(
                common,
                name=f"Foreign {SECRET}",
                description=f"<p>{SECRET}</p>",
                partner_id=cls.other_customer.id,
                lot_id=cls.lot_b.id,
            )
        )
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": f"{SECRET}.png",
                "datas": base64.b64encode(PNG),
                "res_model": "helpdesk.ticket",
                "res_id": cls.foreign.id,
            }
        )
        cls.foreign.message_post(body=SECRET, message_type="comment")

    def _format(self, url):
        return url.format(
            foreign=self.foreign.id,
            attachment=self.attachment.id,
            appraisal="quality_complaint.report_complaint_appraisal",
            register="quality_complaint.report_complaint_register",
            report_8d="quality_complaint.report_complaint_8d",
            bad_token="0" * 32,
        )

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_attachment")
    def test_foreign_complaint_urls(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        leaks = []
        for label, url in FOREIGN_URLS:
            with self.subTest(url=url):
                resp = self.url_open(self._format(url), allow_redirects=False)
                body = resp.content
                # /web/image answers a placeholder image (200) when refused
                refused = resp.status_code in REFUSED or url.startswith("/web/image")
                if not refused or SECRET.encode() in body or PNG in body:
                    leaks.append(f"{label} {url}: {resp.status_code}")
                self.assertNotEqual(resp.status_code, 500, url)
        self.assertFalse(leaks, "\n".join(["foreign complaint reachable:", *leaks]))

    def test_own_complaint_page_still_works(self):
        """The refusals above are not a broken portal."""
        self.authenticate("qc_portal_a", "qc_portal_a")
        resp = self.url_open(f"/my/ticket/{self.own.id}")
        self.assertEqual(resp.status_code, 200)
        self.assertIn("Own QC-PA", resp.text)
        self.assertNotIn(SECRET, resp.text)

    @mute_logger("odoo.http")
    def test_foreign_complaint_chatter_routes(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        thread = {"thread_model": "helpdesk.ticket", "thread_id": self.foreign.id}
        calls = [
            ("/mail/thread/messages", dict(thread, fetch_params={"limit": 30})),
            (
                "/mail/message/post",
                dict(thread, post_data={"body": "hello", "message_type": "comment"}),
            ),
        ]
        count = self.env["mail.message"].search_count(
            [("res_id", "=", self.foreign.id)]
        )
        for route, params in calls:
            with self.subTest(route=route):
                try:
                    result = self.make_jsonrpc_request(route, params)
                except (JsonRpcException, requests.HTTPError):
                    continue
                self.assertNotIn(SECRET, json.dumps(result), route)
        self.assertEqual(
            self.env["mail.message"].search_count([("res_id", "=", self.foreign.id)]),
            count,
            "no message posted on the foreign complaint",
        )

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    @mute_logger("odoo.http")
    def test_call_kw(self):
        self.authenticate("qc_portal_a", "qc_portal_a")
        found = self._call_kw(
            "helpdesk.ticket", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertEqual([row["id"] for row in found], self.own.ids)
        refused = [
            ("helpdesk.ticket", "write", [self.own.ids, {"name": "x"}]),
            ("helpdesk.ticket", "unlink", [self.own.ids]),
            ("helpdesk.ticket", "message_post", [self.foreign.ids]),
            ("helpdesk.ticket", "action_propose_compensation", [self.foreign.ids]),
            ("helpdesk.ticket", "web_read", [self.foreign.ids]),
            ("ir.attachment", "read", [self.attachment.ids, ["datas"]]),
            ("stock.lot", "_get_quality_affected_customers", [self.lot_b.ids]),
        ]
        refused += [(model, "search_read", [[]]) for model in INTERNAL_MODELS]
        answered = []
        for model, method, args in refused:
            with self.subTest(model=model, method=method):
                try:
                    result = self._call_kw(model, method, args)
                except JsonRpcException as error:
                    self.assertNotIn(SECRET, str(error))
                else:
                    answered.append(f"{model}.{method}: {str(result)[:200]}")
        self.assertFalse(answered, "\n".join(["portal calls answered:", *answered]))
        self.own.invalidate_recordset()
        self.assertEqual(self.own.name, "Own QC-PA")

    def _json2(self, key, model, method, payload):
        return self.url_open(
            f"/json/2/{model}/{method}",
            data=json.dumps(payload),
            headers={
                "Authorization": f"bearer {key}",
                "X-Odoo-Database": self.env.cr.dbname,
                "Content-Type": "application/json",
            },
        )

    @mute_logger("odoo.http")
    def test_json2_with_portal_api_key(self):
        """Portal users may hold API keys when the setting allows it."""
        self.env["ir.config_parameter"].sudo().set_param("portal.allow_api_keys", True)
        key = (
            self.env["res.users.apikeys"]
            .with_user(self.customer_user)
            .sudo()
            ._generate(None, "QC portal key", None)
        )
        found = self._json2(
            key, "helpdesk.ticket", "search_read", {"domain": [], "fields": ["name"]}
        )
        self.assertEqual(found.status_code, 200, found.text)
        self.assertEqual([row["id"] for row in found.json()], self.own.ids)
        calls = [
            ("helpdesk.ticket", "read", {"ids": self.foreign.ids, "fields": ["name"]}),
            ("helpdesk.ticket", "write", {"ids": self.own.ids, "vals": {"name": "x"}}),
            ("ir.attachment", "read", {"ids": self.attachment.ids}),
        ]
        calls += [(model, "search_read", {"domain": []}) for model in INTERNAL_MODELS]
        for model, method, payload in calls:
            with self.subTest(model=model, method=method):
                resp = self._json2(key, model, method, payload)
                self.assertIn(resp.status_code, (403, 404), f"{model}.{method}")
                self.assertNotIn(SECRET, resp.text)
