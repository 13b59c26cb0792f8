# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Guard of the quantities and amounts typed by users or sent over RPC.

Odoo's float fields accept NaN and infinity (``float("nan")`` over JSON-RPC),
which later crash the rounding of amounts with a raw ValueError; negative or
absurd values would silently build wrong documents. Values are checked
before they reach the cache, with a translated ValidationError."""

import math

from odoo.exceptions import ValidationError

# Beyond 10^12 a float no longer holds cents exactly enough for accounting.
MAX_NUMBER = 1e12


def ensure_valid_numbers(model, vals, rules):
    """Refuse in ``vals`` the fields of ``rules`` {field: (minimum, strict,
    maximum)} that are not finite or fall outside their bounds."""
    for fname, (minimum, strict, maximum) in rules.items():
        value = vals.get(fname)
        if value is None or value is False:
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue  # not a number at all: the field conversion refuses it
        if not _number_ok(number, minimum, strict, maximum):
            raise ValidationError(
                _number_message(model, fname, number, minimum, strict, maximum)
            )


def ensure_valid_record_numbers(records, rules):
    """Same check on stored values (computed or defaulted ones)."""
    for record in records:
        ensure_valid_numbers(record, {f: record[f] for f in rules}, rules)


def _number_ok(number, minimum, strict, maximum):
    if not math.isfinite(number) or number > maximum:
        return False
    return number > minimum if strict else number >= minimum


def _number_message(model, fname, number, minimum, strict, maximum):
    field = model._fields[fname]._description_string(model.env)
    if not math.isfinite(number):
        return model.env._(
            "%(field)s must be a finite number, not %(value)s.",
            field=field,
            value=number,
        )
    if strict:
        return model.env._(
            "%(field)s must be more than %(min)s and at most %(max)s (got "
            "%(value)s).",
            field=field,
            min=f"{minimum:g}",
            max=f"{maximum:g}",
            value=f"{number:g}",
        )
    return model.env._(
        "%(field)s must be between %(min)s and %(max)s (got %(value)s).",
        field=field,
        min=f"{minimum:g}",
        max=f"{maximum:g}",
        value=f"{number:g}",
    )
