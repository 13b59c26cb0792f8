# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Run every script of ``examples/`` against the test server, so they never rot."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from odoo import fields
from odoo.tests import HttpCase, tagged

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@tagged("post_install", "-at_install")
class TestExamples(HttpCase):
    def _run_example(self, name):
        admin = self.env.ref("base.user_admin")
        key = (
            self.env["res.users.apikeys"]
            .with_user(admin)
            ._generate(None, "examples", fields.Datetime.now() + timedelta(days=1))
        )
        env = dict(
            os.environ,
            QC_URL=self.base_url(),
            QC_DB=self.env.cr.dbname,
            QC_API_KEY=key,
            PYTHONPATH=str(EXAMPLES),
        )
        with self.allow_requests(all_requests=True):
            result = subprocess.run(
                [sys.executable, str(EXAMPLES / name)],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        self.assertEqual(
            result.returncode, 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
        )
        return result.stdout

    def test_examples_exist(self):
        scripts = sorted(p.name for p in EXAMPLES.glob("[0-9][0-9]_*.py"))
        self.assertTrue(scripts)
        tested = {n for n in dir(self) if n.startswith("test_example_")}
        for script in scripts:
            self.assertIn(f"test_example_{script[:2]}", tested, f"{script} untested")

    def test_example_01(self):
        out = self._run_example("01_inspect_demo.py")
        self.assertIn("quality teams: Quality Complaints", out)
        self.assertIn("lot TL-2026-0915", out)

    def test_example_06(self):
        out = self._run_example("06_file_complaint.py")
        self.assertIn("is_quality_complaint: True", out)
        self.assertIn("problem_class: product_spec", out)
        self.assertIn("warranty_state: in_warranty", out)
        self.assertIn("first_responsible_id: Chen Jing", out)
        self.assertIn("corrective action: done", out)

    def test_example_07(self):
        out = self._run_example("07_compensation_approval.py")
        self.assertIn("the proposer cannot approve", out)
        self.assertIn("owner=Li Wei", out)
        self.assertIn("approved by sun.li: QCP/", out)
        self.assertIn(" approved 5900.00", out)

    def test_example_02(self):
        if "quality.compensation" not in self.env or not hasattr(
            self.env["quality.compensation"], "action_quality_create_return"
        ):
            self.skipTest("quality_complaint_returns is not installed")
        for _run in range(2):  # the second run creates its own proposal
            out = self._run_example("02_return_and_replace.py")
            self.assertIn("/Quarantine", out)
            self.assertRegex(out, r"replacement: \S+ .+ qty \d")
        self.assertRegex(out, r"replacement: \S+ \[(TILE-600|COAT-20)\]")

    def test_example_05(self):
        out = self._run_example("05_lot_recall.py")
        self.assertIn("lot TL-2026-0915", out)
        self.assertIn("customer: Huadong Building Materials Trading Co.", out)
        self.assertIn("quality_complaint_count:", out)
        self.assertIn("(draft)", out)

    def test_example_03(self):
        out = self._run_example("03_credit_note.py")
        self.assertIn("credit note: out_refund draft reverses", out)
        self.assertIn("debit 256.0", out)

    def test_example_04(self):
        out = self._run_example("04_carrier_deduction.py")
        self.assertIn("carrier: SwiftFreight Logistics", out)
        self.assertIn("in_refund posted", out)
        self.assertIn("after:", out)
