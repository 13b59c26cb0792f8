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
        return [
            ("number", self.env._("Number"), 12, "char"),
            ("name", self.env._("Subject"), 30, "char"),
            ("received_date", self.env._("Received On"), 17, "datetime"),
            ("partner_id", self.env._("Customer"), 25, "char"),
            ("customer_kind", self.env._("Customer Kind"), 14, "char"),
            ("channel_id", self.env._("Channel"), 12, "char"),
            ("team_id", self.env._("Team"), 16, "char"),
            (
                "first_responsible_id",
                self.env._("First-Responsible Person"),
                20,
                "char",
            ),
            ("stage_id", self.env._("Stage"), 12, "char"),
            ("product_id", self.env._("Product"), 25, "char"),
            ("lot_id", self.env._("Lot"), 14, "char"),
            ("complaint_qty", self.env._("Quantity Affected"), 10, "float"),
            ("product_uom_id", self.env._("Unit"), 8, "char"),
            ("defect_category_id", self.env._("Defect Category"), 20, "char"),
            ("problem_class", self.env._("Problem Class"), 18, "char"),
            ("severity", self.env._("Severity"), 10, "char"),
            ("responsible_party", self.env._("Responsible Party"), 14, "char"),
            ("carrier_id", self.env._("Carrier"), 20, "char"),
            ("distributor_id", self.env._("Distributor"), 20, "char"),
            ("supplier_id", self.env._("Supplier"), 20, "char"),
            ("warranty_state", self.env._("Warranty"), 12, "char"),
            ("fishbone_category", self.env._("Fishbone Category"), 14, "char"),
            ("root_cause", self.env._("Root Cause"), 30, "char"),
            ("response_deadline", self.env._("Response Deadline"), 17, "datetime"),
            ("first_response_date", self.env._("First Response"), 17, "datetime"),
            ("first_response_hours", self.env._("Response Time (h)"), 10, "float"),
            ("resolution_deadline", self.env._("Resolution Deadline"), 17, "datetime"),
            ("closed_date", self.env._("Closed On"), 17, "datetime"),
            ("resolution_hours", self.env._("Resolution Time (h)"), 10, "float"),
            ("reopen_count", self.env._("Reopened"), 8, "int"),
            (
                "compensation_given_amount",
                self.env._("Compensation Given"),
                12,
                "float",
            ),
            (
                "compensation_recovered_amount",
                self.env._("Compensation Recovered"),
                12,
                "float",
            ),
            ("compensation_net_amount", self.env._("Compensation Net"), 12, "float"),
            ("compensation_outcome", self.env._("Compensation Outcome"), 14, "char"),
            ("satisfaction_score", self.env._("Satisfaction"), 10, "float"),
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
        return [
            ("proposal", self.env._("Proposal"), 14, "char"),
            ("complaint", self.env._("Complaint"), 12, "char"),
            ("customer", self.env._("Customer"), 25, "char"),
            ("state", self.env._("Status"), 12, "char"),
            ("customer_acceptance", self.env._("Customer Answer"), 12, "char"),
            ("row_kind", self.env._("Row"), 12, "char"),
            ("kind", self.env._("Type / Party"), 18, "char"),
            ("product", self.env._("Product"), 22, "char"),
            ("lot", self.env._("Lot"), 14, "char"),
            ("quantity", self.env._("Quantity"), 10, "float"),
            ("price_unit", self.env._("Unit Price"), 10, "float"),
            ("amount", self.env._("Amount"), 12, "float"),
            ("recovered", self.env._("Recovered"), 12, "float"),
            ("net", self.env._("Net"), 12, "float"),
            ("currency", self.env._("Currency"), 8, "char"),
        ]

    def _get_xlsx_rows(self, objs):
        for chunk in self._iter_xlsx_chunks(objs):
            for proposal in chunk:
                yield self._prepare_proposal_row(proposal)
                for line in proposal.line_ids:
                    yield self._prepare_line_row(proposal, line)
                for recovery in proposal.recovery_ids:
                    yield self._prepare_recovery_row(proposal, recovery)
                yield from self._get_document_rows(proposal)

    def _get_document_rows(self, proposal):
        """Rows of the documents that carried the proposal out (credit notes,
        entries, transfers): added by the addons that create them."""
        return []

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
        return [
            ("ticket_id", self.env._("Complaint"), 25, "char"),
            ("partner_id", self.env._("Customer"), 25, "char"),
            ("team_id", self.env._("Team"), 16, "char"),
            ("breach_type", self.env._("Type"), 12, "char"),
            ("severity", self.env._("Severity"), 10, "char"),
            ("owner_id", self.env._("First-Responsible Person"), 20, "char"),
            ("manager_id", self.env._("Manager"), 20, "char"),
            ("deadline", self.env._("Deadline"), 17, "datetime"),
            ("detected_date", self.env._("Detected On"), 17, "datetime"),
            ("hours_late", self.env._("Hours Late"), 10, "float"),
            ("penalty_amount", self.env._("Penalty"), 10, "float"),
        ]

    def _get_xlsx_rows(self, objs):
        fnames = [key for key, *_rest in self._get_xlsx_columns()]
        for chunk in self._iter_xlsx_chunks(objs):
            yield from self._xlsx_read(chunk, fnames)
