"""Fail when the pytest run skipped a test or ran none.

Odoo skips browser tours silently when Chromium or websocket-client is missing;
a skip must therefore fail ``make test`` instead of passing it.
"""

import sys
import xml.etree.ElementTree as ET


def main(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = sum(int(s.get("tests", 0)) for s in suites)
    skipped = [
        f"{case.get('classname')}.{case.get('name')}: {skip.get('message', '')}"
        for case in root.iter("testcase")
        for skip in case.findall("skipped")
    ]
    if not total:
        print("[test] FAILED: no test ran", file=sys.stderr)
        return 1
    if skipped:
        print(f"[test] FAILED: {len(skipped)} test(s) skipped:", file=sys.stderr)
        for line in skipped:
            print("  " + line, file=sys.stderr)
        return 1
    print(f"[test] {total} tests ran, none skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
