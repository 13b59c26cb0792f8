"""Keep the translations of both addons complete.

    python scripts/i18n.py export CONF DB  # rewrite the .pot, merge into zh_CN/zh_TW
    python scripts/i18n.py check CONF DB   # fail: stale .pot, missing translation

Run with the venv's python; the database must have both addons installed.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
STACK = ROOT / ".stack"
MODULES = (
    "quality_complaint",
    "quality_complaint_returns",
    "quality_complaint_loyalty",
)
LANGS = ("zh_CN", "zh_TW")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}")


def export_pot(conf, db, module, target):
    subprocess.run(
        [sys.executable, str(STACK / "odoo-root/usr/bin/odoo"), "i18n", "export"]
        + ["-c", conf, "-d", db, "-o", str(target), module],
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(target))


def merge(pot, po_path, lang):
    old = polib.pofile(str(po_path)) if po_path.exists() else None
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old or []} if old else {}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata, Language=lang)
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    for entry in pot:
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=known.get((entry.msgctxt, entry.msgid), ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=[f for f in entry.flags if f != "fuzzy"],
        )
        po.append(new)
    po.save(str(po_path))
    return sum(1 for e in po if not e.msgstr)


def problems(pot, po_path):
    if not po_path.exists():
        return [f"{po_path} missing"]
    po = polib.pofile(str(po_path))
    have = {(e.msgctxt, e.msgid): e for e in po}
    found = []
    for entry in pot:
        tr = have.get((entry.msgctxt, entry.msgid))
        if tr is None or not tr.msgstr.strip() or "fuzzy" in tr.flags:
            found.append(f"{po_path.name}: untranslated {entry.msgid[:70]!r}")
        elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(
            PLACEHOLDER.findall(tr.msgstr)
        ):
            found.append(f"{po_path.name}: placeholders differ in {entry.msgid[:70]!r}")
    return found


def main(action, conf, db):
    errors = []
    for module in MODULES:
        i18n = ROOT / module / "i18n"
        i18n.mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            pot = export_pot(conf, db, module, Path(tmp) / f"{module}.pot")
            committed = i18n / f"{module}.pot"
            if action == "export":
                pot.save(str(committed))
                for lang in LANGS:
                    missing = merge(pot, i18n / f"{lang}.po", lang)
                    print(
                        f"{module} {lang}: {len(pot)} entries, {missing} untranslated"
                    )
                continue
            ids = {(e.msgctxt, e.msgid) for e in pot}
            old = (
                {(e.msgctxt, e.msgid) for e in polib.pofile(str(committed))}
                if committed.exists()
                else set()
            )
            for _ctx, msgid in sorted(ids - old, key=str)[:20]:
                errors.append(f"{module}.pot is stale: new string {msgid[:70]!r}")
            for lang in LANGS:
                errors += problems(pot, i18n / f"{lang}.po")
    for line in errors[:60]:
        print("[i18n] " + line, file=sys.stderr)
    if errors:
        print(
            f"[i18n] FAILED: {len(errors)} problem(s); run `make i18n`", file=sys.stderr
        )
        return 1
    if action == "check":
        print("[i18n] .pot files current, zh_CN and zh_TW complete")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
