# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import plaintext2html
from odoo.tools.mimetypes import guess_mimetype

FORM_TEMPLATE = "quality_complaint.portal_quality_complaint_new"
MAX_FILES = 10
DEFAULT_MAX_MB = 10
# raster images and PDF only: no SVG/HTML, which a browser would run as code
ALLOWED_MIMETYPES = {
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/bmp",
    "image/tiff",
    "application/pdf",
}


class QualityComplaintPortal(http.Controller):
    """A customer files a quality complaint from the portal."""

    @http.route(
        "/my/quality-complaint/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_quality_complaint_new(self, **kw):
        return request.render(FORM_TEMPLATE, self._prepare_complaint_form_values())

    @http.route(
        "/my/quality-complaint/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_quality_complaint_submit(self, **kw):
        partner = request.env.user.partner_id
        try:
            vals = self._prepare_portal_complaint_vals(partner, kw)
            uploads = self._get_complaint_uploads()
        except UserError as error:
            values = self._prepare_complaint_form_values(error=error.args[0], form=kw)
            return request.render(FORM_TEMPLATE, values)
        # sudo: portal users cannot create tickets; every value was checked
        # against what this customer received in _prepare_portal_complaint_vals.
        ticket = request.env["helpdesk.ticket"].sudo().create(vals)
        ticket.message_subscribe(partner_ids=partner.ids)
        self._attach_complaint_uploads(ticket, uploads)
        # create() acknowledged the complaint (portal channel)
        return request.redirect(f"/my/ticket/{ticket.id}")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _get_intake_env(self):
        """sudo: portal users may not read stock moves, lots or sale lines.
        Every look-up made with it is restricted to the logged-in user's
        commercial partner, so it only reveals his own deliveries."""
        return request.env["helpdesk.ticket"].sudo()

    def _prepare_complaint_form_values(self, error=None, form=None):
        partner = request.env.user.partner_id
        tickets = self._get_intake_env()
        products = tickets._get_partner_complaint_products(partner)
        return {
            "page_name": "quality_complaint_new",
            "products": products,
            "lots_by_product": [
                (product, tickets._get_partner_complaint_lots(partner, product))
                for product in products
            ],
            "error": error,
            "form": form or {},
            "max_upload_size": self._get_max_upload_bytes(),
        }

    def _get_max_upload_bytes(self):
        param = (
            request.env["ir.config_parameter"]
            .sudo()
            .get_param("quality_complaint.portal_attachment_max_mb", DEFAULT_MAX_MB)
        )
        return int(float(param) * 1024 * 1024)

    def _parse_complaint_form(self, kw):
        """Read the raw form; raise UserError on malformed input."""
        env = request.env
        try:
            product_id = int(kw.get("product_id") or 0)
            lot_id = int(kw.get("lot_id") or 0)
            qty = float(kw.get("complaint_qty") or 0)
            purchase_date = fields.Date.to_date(kw.get("purchase_date") or None)
        except ValueError as exc:
            raise UserError(
                env._("Please check the product, lot, quantity and date.")
            ) from exc
        if not product_id:
            raise UserError(env._("Please choose the product."))
        if not (kw.get("description") or "").strip():
            raise UserError(env._("Please describe the problem."))
        if purchase_date and purchase_date > fields.Date.context_today(env.user):
            raise UserError(env._("The purchase date cannot be in the future."))
        return product_id, lot_id, qty, purchase_date

    def _prepare_portal_complaint_vals(self, partner, kw):
        """Values of the complaint filed by ``partner``; raises UserError when
        the product or lot was not delivered to him or the quantity is wrong."""
        env = request.env
        product_id, lot_id, qty, purchase_date = self._parse_complaint_form(kw)
        tickets = self._get_intake_env()
        product = tickets.env["product.product"].browse(product_id).exists()
        lot = tickets.env["stock.lot"].browse(lot_id).exists()
        tickets._ensure_partner_may_complain(partner, product, lot, qty)
        team = tickets._get_quality_intake_team(env.company)
        if not team:
            raise UserError(env._("Complaints cannot be filed online yet."))
        return {
            "name": (kw.get("subject") or "").strip()[:200]
            or env._("Complaint about %(product)s", product=product.display_name),
            "description": plaintext2html(kw["description"]),
            "team_id": team.id,
            "company_id": (team.company_id or env.company).id,
            "is_quality_complaint": True,
            "channel_id": env.ref(
                "quality_complaint.helpdesk_ticket_channel_portal"
            ).id,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "product_id": product.id,
            "lot_id": lot.id,
            "complaint_qty": qty,
            "purchase_date": purchase_date,
            "user_id": False,
        }

    def _get_complaint_uploads(self):
        """The photos and documents of the form: images or PDF, size-limited."""
        env = request.env
        files = [
            f for f in request.httprequest.files.getlist("attachment") if f.filename
        ]
        if len(files) > MAX_FILES:
            raise UserError(env._("Attach at most %(count)s files.", count=MAX_FILES))
        max_bytes = self._get_max_upload_bytes()
        return [(f.filename, self._read_complaint_upload(f, max_bytes)) for f in files]

    def _read_complaint_upload(self, upload, max_bytes):
        """The content of one uploaded file; UserError if too large or not a
        raster image or PDF."""
        env = request.env
        data = upload.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise UserError(
                env._(
                    "%(file)s is larger than %(size)s MB.",
                    file=upload.filename,
                    size=f"{max_bytes / (1024 * 1024):g}",
                )
            )
        if guess_mimetype(data) not in ALLOWED_MIMETYPES:
            raise UserError(
                env._("%(file)s is not a photo or a PDF.", file=upload.filename)
            )
        return data

    def _attach_complaint_uploads(self, ticket, uploads):
        """sudo: the ticket was just created for this user from checked values."""
        request.env["ir.attachment"].sudo().create(
            [
                {
                    "name": name,
                    "datas": base64.b64encode(data),
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                }
                for name, data in uploads
            ]
        )
