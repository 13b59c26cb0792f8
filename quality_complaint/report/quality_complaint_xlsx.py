# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import models

CHUNK = 1000


class QualityComplaintXlsxAbstract(models.AbstractModel):
    """Shared writer of the quality XLSX exports.

    Rows are streamed (``constant_memory``): records are read in chunks of
    1,000 and the cache is dropped after each chunk. Text is never turned into
    a formula, a number or a link: a complaint titled ``=HYPERLINK(...)`` stays
    text. A report declares its columns in ``_get_xlsx_columns()`` as
    (key, translated header, width, kind) and yields row dicts from
    ``_get_xlsx_rows()``; later modules extend both.
    """

    _name = "report.quality_complaint.abstract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Quality Complaint XLSX Export"

    def get_workbook_options(self):
        return {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "default_date_format": "yyyy-mm-dd",
        }

    def _get_xlsx_sheet_name(self):
        raise NotImplementedError()

    def _get_xlsx_columns(self):
        raise NotImplementedError()

    def _get_xlsx_rows(self, objs):
        raise NotImplementedError()

    def generate_xlsx_report(self, workbook, data, objs):
        columns = self._get_xlsx_columns()
        sheet = workbook.add_worksheet(self._get_xlsx_sheet_name())
        formats = self._get_xlsx_formats(workbook)
        for col, (_key, header, width, _kind) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, formats["header"])
        sheet.freeze_panes(1, 0)
        row_index = 0
        for row_index, row in enumerate(self._get_xlsx_rows(objs), start=1):
            for col, (key, _header, _width, kind) in enumerate(columns):
                self._write_xlsx_cell(
                    sheet, row_index, col, row.get(key), kind, formats
                )
        sheet.autofilter(0, 0, row_index, len(columns) - 1)

    def _get_xlsx_formats(self, workbook):
        return {
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "float": workbook.add_format({"num_format": "#,##0.00"}),
            "int": workbook.add_format({"num_format": "0"}),
        }

    def _write_xlsx_cell(self, sheet, row, col, value, kind, formats):
        if value is None or value is False or value == "":
            sheet.write_blank(row, col, None)
        elif kind in ("float", "int"):
            sheet.write_number(row, col, value, formats[kind])
        elif kind == "datetime":
            sheet.write_datetime(row, col, value, formats["datetime"])
        elif kind == "date":
            sheet.write_datetime(row, col, value, formats["date"])
        else:
            sheet.write_string(row, col, str(value))

    def _iter_xlsx_chunks(self, records):
        """Batches of ``CHUNK`` records; the cache is emptied between batches."""
        for start in range(0, len(records), CHUNK):
            chunk = records[start : start + CHUNK]
            yield chunk.with_prefetch(chunk._ids)
            self.env.invalidate_all()

    def _xlsx_read(self, records, fnames):
        """``records.read(fnames)`` with selections as labels, relations as names,
        datetimes in the user's time zone (naive, as Excel wants them)."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        labels = {
            fname: dict(records._fields[fname]._description_selection(self.env))
            for fname in fnames
            if records._fields[fname].type == "selection"
        }
        for vals in records.read(fnames):
            for fname in fnames:
                value = vals[fname]
                if fname in labels:
                    vals[fname] = labels[fname].get(value, value or "")
                elif isinstance(value, tuple):
                    vals[fname] = value[1]
                elif isinstance(value, datetime.datetime):
                    vals[fname] = (
                        pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
                    )
            yield vals


class QualityComplaintRegisterXlsx(models.AbstractModel):
    _name = "report.quality_complaint.report_complaint_register_xlsx"
    _inherit = "report.quality_complaint.abstract_xlsx"
    _description = "Complaint Register XLSX"

    def _get_xlsx_sheet_name(self):
        return self.env._("Complaints")

    def _get_xlsx_columns(self):
        _ = self.env._
        return [
            ("number", _("Number"), 12, "char"),
            ("name", _("Subject"), 30, "char"),
            ("received_date", _("Received On"), 17, "datetime"),
            ("partner_id", _("Customer"), 25, "char"),
            ("customer_kind", _("Customer Kind"), 14, "char"),
            ("channel_id", _("Channel"), 12, "char"),
            ("team_id", _("Team"), 16, "char"),
            ("first_responsible_id", _("First-Responsible Person"), 20, "char"),
            ("stage_id", _("Stage"), 12, "char"),
            ("product_id", _("Product"), 25, "char"),
            ("lot_id", _("Lot"), 14, "char"),
            ("complaint_qty", _("Quantity Affected"), 10, "float"),
            ("product_uom_id", _("Unit"), 8, "char"),
            ("defect_category_id", _("Defect Category"), 20, "char"),
            ("problem_class", _("Problem Class"), 18, "char"),
            ("severity", _("Severity"), 10, "char"),
            ("responsible_party", _("Responsible Party"), 14, "char"),
            ("carrier_id", _("Carrier"), 20, "char"),
            ("distributor_id", _("Distributor"), 20, "char"),
            ("supplier_id", _("Supplier"), 20, "char"),
            ("warranty_state", _("Warranty"), 12, "char"),
            ("fishbone_category", _("Fishbone Category"), 14, "char"),
            ("root_cause", _("Root Cause"), 30, "char"),
            ("response_deadline", _("Response Deadline"), 17, "datetime"),
            ("first_response_date", _("First Response"), 17, "datetime"),
            ("first_response_hours", _("Response Time (h)"), 10, "float"),
            ("resolution_deadline", _("Resolution Deadline"), 17, "datetime"),
            ("closed_date", _("Closed On"), 17, "datetime"),
            ("resolution_hours", _("Resolution Time (h)"), 10, "float"),
            ("reopen_count", _("Reopened"), 8, "int"),
            ("compensation_given_amount", _("Compensation Given"), 12, "float"),
            ("compensation_recovered_amount", _("Compensation Recovered"), 12, "float"),
            ("compensation_net_amount", _("Compensation Net"), 12, "float"),
            ("compensation_outcome", _("Compensation Outcome"), 14, "char"),
            ("satisfaction_score", _("Satisfaction"), 10, "float"),
        ]

    def _get_xlsx_rows(self, objs):
        fnames = [key for key, *_rest in self._get_xlsx_columns()]
        for chunk in self._iter_xlsx_chunks(objs):
            yield from self._xlsx_read(chunk, fnames)


class QualityCompensationLedgerXlsx(models.AbstractModel):
    _name = "report.quality_complaint.report_compensation_ledger_xlsx"
    _inherit = "report.quality_complaint.abstract_xlsx"
    _description = "Compensation Ledger XLSX"

    def _get_xlsx_sheet_name(self):
        return self.env._("Compensation Ledger")

    def _get_xlsx_columns(self):
        _ = self.env._
        return [
            ("proposal", _("Proposal"), 14, "char"),
            ("complaint", _("Complaint"), 12, "char"),
            ("customer", _("Customer"), 25, "char"),
            ("state", _("Status"), 12, "char"),
            ("customer_acceptance", _("Customer Answer"), 12, "char"),
            ("row_kind", _("Row"), 12, "char"),
            ("kind", _("Type / Party"), 18, "char"),
            ("product", _("Product"), 22, "char"),
            ("lot", _("Lot"), 14, "char"),
            ("quantity", _("Quantity"), 10, "float"),
            ("price_unit", _("Unit Price"), 10, "float"),
            ("amount", _("Amount"), 12, "float"),
            ("recovered", _("Recovered"), 12, "float"),
            ("net", _("Net"), 12, "float"),
            ("currency", _("Currency"), 8, "char"),
        ]

    def _get_xlsx_rows(self, objs):
        for chunk in self._iter_xlsx_chunks(objs):
            for proposal in chunk:
                yield self._prepare_proposal_row(proposal)
                for line in proposal.line_ids:
                    yield self._prepare_line_row(proposal, line)
                for recovery in proposal.recovery_ids:
                    yield self._prepare_recovery_row(proposal, recovery)

    def _selection_label(self, record, fname):
        return dict(record._fields[fname]._description_selection(self.env)).get(
            record[fname], ""
        )

    def _prepare_proposal_row(self, proposal):
        """Header row of a proposal: its totals."""
        return {
            "proposal": proposal.name,
            "complaint": proposal.ticket_id.number,
            "customer": proposal.partner_id.display_name,
            "state": self._selection_label(proposal, "state"),
            "customer_acceptance": self._selection_label(
                proposal, "customer_acceptance"
            ),
            "row_kind": self.env._("Proposal"),
            "amount": proposal.amount_total,
            "recovered": proposal.amount_recovered,
            "net": proposal.net_amount,
            "currency": proposal.currency_id.name,
        }

    def _prepare_line_row(self, proposal, line):
        return {
            "proposal": proposal.name,
            "complaint": proposal.ticket_id.number,
            "row_kind": self.env._("Line"),
            "kind": self._selection_label(line, "compensation_type"),
            "product": line.product_id.display_name,
            "lot": line.lot_id.name,
            "quantity": line.quantity,
            "price_unit": line.price_unit,
            "amount": line.amount,
            "currency": proposal.currency_id.name,
        }

    def _prepare_recovery_row(self, proposal, recovery):
        return {
            "proposal": proposal.name,
            "complaint": proposal.ticket_id.number,
            "customer": recovery.partner_id.display_name,
            "row_kind": self.env._("Recovery"),
            "kind": self._selection_label(recovery, "recovery_party"),
            "recovered": recovery.amount_computed,
            "currency": proposal.currency_id.name,
        }


class QualityComplaintBreachXlsx(models.AbstractModel):
    _name = "report.quality_complaint.report_complaint_breach_xlsx"
    _inherit = "report.quality_complaint.abstract_xlsx"
    _description = "Breach Log XLSX"

    def _get_xlsx_sheet_name(self):
        return self.env._("Breach Log")

    def _get_xlsx_columns(self):
        _ = self.env._
        return [
            ("ticket_id", _("Complaint"), 25, "char"),
            ("partner_id", _("Customer"), 25, "char"),
            ("team_id", _("Team"), 16, "char"),
            ("breach_type", _("Type"), 12, "char"),
            ("severity", _("Severity"), 10, "char"),
            ("owner_id", _("First-Responsible Person"), 20, "char"),
            ("manager_id", _("Manager"), 20, "char"),
            ("deadline", _("Deadline"), 17, "datetime"),
            ("detected_date", _("Detected On"), 17, "datetime"),
            ("hours_late", _("Hours Late"), 10, "float"),
            ("penalty_amount", _("Penalty"), 10, "float"),
        ]

    def _get_xlsx_rows(self, objs):
        fnames = [key for key, *_rest in self._get_xlsx_columns()]
        for chunk in self._iter_xlsx_chunks(objs):
            yield from self._xlsx_read(chunk, fnames)
