"""Locust load test of the quality complaint addons over JSON-2 (make load).

Every simulated client acts as a demo user with the API key written by
``load/seed.py`` (``LOAD_KEYS``, a JSON file) and mixes reads (complaint list,
form, pivot) with writes: complaint creation (chen.jing), approvals
(``validate_tier`` by the reviewer the chain waits for: zhou.min first, then
sun.li), return receipts (li.wei, ``action_quality_create_return``) and credit
notes (load.billing drafts with ``action_create_credit_notes``, sun.li posts).

A write refused with a ``UserError`` (another client was first: the proposal is
already approved, the credit note already drafted or posted; or ``LockError``,
HTTP 409: another client holds the proposal row right now) is a *lost race*,
reported under request type ``RACE``, not as an error. Anything else that is
not a success (HTTP 500, access errors, time-outs) is an error.
"""

import json
import os
import random

from locust import FastHttpUser, between, events, task

DATA = json.load(open(os.environ["LOAD_KEYS"], encoding="utf-8"))  # noqa: SIM115
DB = os.environ.get("LOAD_DB", "qc_load")
LIST_FIELDS = [
    "number",
    "name",
    "partner_id",
    "product_id",
    "lot_id",
    "severity",
    "problem_class",
    "stage_id",
    "first_responsible_id",
    "response_deadline",
    "create_date",
]
FORM_FIELDS = LIST_FIELDS + [
    "description",
    "complaint_qty",
    "sale_order_id",
    "delivery_picking_id",
    "invoice_id",
    "defect_category_id",
    "responsible_party",
    "warranty_state",
    "missing_facts",
    "resolution_deadline",
    "compensation_ids",
]
# UserError and its subclasses: LockError (HTTP 409) is what a concurrent
# reviewer or executor gets while another one holds the proposal row.
RACE_NAMES = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.LockError",
}


class OdooUser(FastHttpUser):
    abstract = True
    login = None
    # think time between two actions of one client, seconds (LOAD_WAIT="min,max"):
    # 0.5-2 s is a stress test; people at a hotline desk wait 5-15 s
    wait_time = between(
        *(float(x) for x in os.environ.get("LOAD_WAIT", "0.5,2.0").split(","))
    )

    def call(self, model, method, name, **kwargs):
        """POST /json/2/model/method; returns (ok, result). A lost race
        (UserError) is reported as request type RACE under the same name."""
        key = DATA["keys"][self.login]["key"]
        with self.client.post(
            f"/json/2/{model}/{method}",
            data=json.dumps(kwargs),
            headers={
                "Authorization": f"bearer {key}",
                "X-Odoo-Database": DB,
                "Content-Type": "application/json; charset=utf-8",
            },
            name=name,
            catch_response=True,
        ) as resp:
            if resp.status_code == 200:
                resp.success()
                return True, resp.json()
            try:
                body = resp.json()
            except Exception:  # noqa: BLE001 (not JSON: an error page)
                body = {}
            if body.get("name") in RACE_NAMES:
                resp.success()  # not an error: counted below as a lost race
                events.request.fire(
                    request_type="RACE",
                    name=name,
                    response_time=resp.request_meta["response_time"],
                    response_length=0,
                    exception=None,
                    context={},
                )
                return False, body
            resp.failure(
                f"HTTP {resp.status_code} {body.get('name')}: "
                f"{str(body.get('message'))[:200]}"
            )
            return False, body


class Reader(OdooUser):
    """Salespeople and the hotline browsing complaints (reads)."""

    weight = 12
    login = "li.wei"

    def on_start(self):
        self.login = random.choice(("li.wei", "chen.jing", "zhou.min"))

    @task(5)
    def complaint_list(self):
        self.call(
            "helpdesk.ticket",
            "search_read",
            "read:complaint list",
            domain=[("is_quality_complaint", "=", True)],
            fields=LIST_FIELDS,
            limit=80,
            order="create_date desc, id desc",
            offset=random.choice((0, 0, 80, 160, 800)),
        )

    @task(4)
    def complaint_form(self):
        ticket_id = random.choice(DATA["ticket_ids"])
        self.call(
            "helpdesk.ticket",
            "read",
            "read:complaint form",
            ids=[ticket_id],
            fields=FORM_FIELDS,
        )

    @task(2)
    def complaint_pivot(self):
        self.call(
            "helpdesk.ticket",
            "formatted_read_group",
            "read:complaint pivot",
            domain=[("is_quality_complaint", "=", True)],
            groupby=["severity", "create_date:month"],
            aggregates=["__count", "complaint_qty:sum"],
        )


class Hotline(OdooUser):
    """The hotline files new complaints."""

    weight = 4
    login = "chen.jing"

    @task
    def create_complaint(self):
        partner_id, product_id = random.choice(DATA["order_rows"])
        self.call(
            "helpdesk.ticket",
            "create",
            "write:create complaint",
            vals_list=[
                {
                    "name": "Load: tiles cracked after laying",
                    "description": "<p>Filed by the load test.</p>",
                    "team_id": DATA["team_id"],
                    "partner_id": partner_id,
                    "product_id": product_id,
                    "complaint_qty": random.randint(1, 5),
                    "severity": random.choice(("minor", "general", "serious")),
                }
            ],
        )


class Approver(OdooUser):
    """Reviewers approve what waits for them (department head, then accountant)."""

    weight = 6

    def on_start(self):
        self.login = random.choice(("zhou.min", "sun.li"))

    @task
    def approve(self):
        ok, ids = self.call(
            "quality.compensation",
            "search",
            "read:proposals to review",
            domain=[("can_review", "=", True), ("state", "=", "to_approve")],
            limit=40,
        )
        if ok and ids:
            self.call(
                "quality.compensation",
                "validate_tier",
                "write:approve",
                ids=[random.choice(ids)],
            )


class Warehouse(OdooUser):
    """The owner creates the return receipts of approved proposals."""

    weight = 4
    login = "li.wei"

    @task
    def create_return(self):
        comp_id = random.choice(DATA["pools"]["return"])
        self.call(
            "quality.compensation",
            "action_quality_create_return",
            "write:create return",
            ids=[comp_id],
        )


class Billing(OdooUser):
    """Billing drafts the credit notes, the accountant posts them."""

    weight = 4
    login = "load.billing"

    @task
    def credit_note(self):
        comp_id = random.choice(DATA["pools"]["credit"])
        self.login = "load.billing"
        ok, _res = self.call(
            "quality.compensation",
            "action_create_credit_notes",
            "write:create credit note",
            ids=[comp_id],
        )
        self.login = "sun.li"
        ok, moves = self.call(
            "account.move",
            "search",
            "read:credit notes to post",
            domain=[
                ("quality_compensation_id", "=", comp_id),
                ("move_type", "=", "out_refund"),
                ("state", "=", "draft"),
            ],
        )
        if ok and moves:
            self.call(
                "account.move", "action_post", "write:post credit note", ids=moves
            )
        self.login = "load.billing"
